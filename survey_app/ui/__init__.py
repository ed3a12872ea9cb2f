"""survey_app desktop UI (PySide6). Calls core services only: never imports sqlalchemy (a test checks it).

Start with ``survey_app.ui.app.main``. Widgets live on the GUI thread; long work goes through
``task_runner.TaskRunner``.
"""
