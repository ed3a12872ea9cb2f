"""The frozen app's one launcher: no subcommand opens the window, a subcommand runs the command line.

packaging/frozen_main.py is loaded from its file (``packaging`` is also the name of a PyPI library).
The frozen build itself is checked by ``make dist`` (packaging/smoke_frozen.py under Xvfb).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "frozen_main.py"


@pytest.fixture(scope="module")
def frozen_main():
    spec = importlib.util.spec_from_file_location("frozen_main", ENTRY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("argv", [
    [], ["--db", "项目 一.sqlite3"], ["--db", "demo"], ["--lang", "en"], ["--db", "x.db", "-platform", "offscreen"],
    ["-style", "fusion", "--lang", "zh_CN"],
])
def test_the_window_when_no_subcommand_is_named(frozen_main, argv: list[str]) -> None:
    assert not frozen_main.wants_cli(argv)


@pytest.mark.parametrize("argv", [
    ["demo"], ["--db", "x.sqlite3", "demo", "--households", "20"], ["demo-sync", "--dir", "d"],
    ["--db", "demo", "agreement", "render"], ["--password-file", "pw.txt", "sync", "export"], ["--help"],
    ["--db=x.sqlite3", "verify", "a.pdf"], ["no-such-command"],
])
def test_the_command_line_for_a_subcommand_or_help(frozen_main, argv: list[str]) -> None:
    assert frozen_main.wants_cli(argv)


def test_every_cli_subcommand_is_routed_to_the_cli(frozen_main) -> None:
    from survey_app.cli import build_parser

    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert len(commands.choices) >= 10
    for name in commands.choices:
        assert frozen_main.wants_cli(["--db", "项目.sqlite3", name]), name
