"""Start the survey_app desktop GUI. Kept thin: everything lives in survey_app.ui.app."""

import time

STARTED = time.perf_counter()  # the start-up benchmark measures first paint from here

if __name__ == "__main__":
    import sys

    if getattr(sys, "frozen", False):  # a no-op unless frozen; importing multiprocessing costs ~2 % of a start
        import multiprocessing

        multiprocessing.freeze_support()  # HQ batch import uses a worker process; frozen builds need this

    from survey_app.ui import start_gc

    start_gc.pause()  # until the main window's first paint (ui/start_gc.py; a worker process returned above)

    from survey_app.ui.app import main

    raise SystemExit(main(started_at=STARTED))
