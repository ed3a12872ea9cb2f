"""The main window's pages: 首页 (my day), 住户 (list + detail), 测算 (options side by side), 复核 (review queue).

Each page is a QWidget built on first visit (main_window.py), except the start page. Pages read
through core services on the GUI thread (short reads) and write only through the TaskRunner
(pages/common.py ``run_write``), then publish what changed on the ChangeHub.
"""
