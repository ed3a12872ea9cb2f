"""The start-up stamps the bench hook prints (ui/app.py ``_stamp``) when whoever reads them has gone.

The frozen app's smoke test (packaging/smoke_frozen.py) and a benchmark read up to ``FIRST_PAINT`` and close the
pipe; the app then printed ``READY`` into it and `make dist` showed a BrokenPipeError traceback per start.
"""

from __future__ import annotations

import io
import os
import sys

import pytest

from survey_app.ui import app


def test_a_stamp_into_a_closed_pipe_is_dropped_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader took FIRST_PAINT and left
    pipe = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", pipe)
    app._stamp("READY", 0.0)  # raised BrokenPipeError
    app._stamp("READY", 0.0)  # later stamps too go nowhere
    pipe.close()  # and the last flush (the interpreter's, at exit) has nothing left to fail on
