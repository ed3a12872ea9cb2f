"""Start the survey_app desktop GUI. Kept thin: everything lives in survey_app.ui.app."""

import time

STARTED = time.perf_counter()  # the start-up benchmark measures first paint from here

from survey_app.ui.app import main  # noqa: E402

raise SystemExit(main(started_at=STARTED))
