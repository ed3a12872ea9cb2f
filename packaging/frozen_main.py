"""Entry point of the frozen app (packaging/survey_app.spec): the window, or the command line with a subcommand.

``survey-app`` alone (or with ``--db`` / ``--lang`` and Qt's own options) opens the window, like main.py;
``survey-app [--db X] demo|agreement|sync|…`` runs the CLI, like the ``survey-app`` console script of a
pip install. On Windows the spec builds this twice: ``survey-app.exe`` without a console (Start menu) and
``survey-app-cli.exe`` with one (scripts, support).
"""

import time

STARTED = time.perf_counter()  # the start-up benchmark measures first paint from here (as main.py)

# Options that take a value: the app's own (--lang is the window's) and Qt's (-platform offscreen, -style …).
_OPTIONS_WITH_VALUE = frozenset(("--db", "--password-file", "--lang", "-platform", "-platformpluginpath",
                                 "-platformtheme", "-plugin", "-style", "-stylesheet", "-session", "-display",
                                 "-geometry", "-title", "-name", "-qwindowgeometry", "-qwindowtitle",
                                 "-qwindowicon", "-qmljsdebugger"))


def wants_cli(argv: list[str]) -> bool:
    """True when ``argv`` has a subcommand (any word that is not an option's value) or asks for help.

    Decided without importing the CLI, so the window's start-up pays nothing for it; a mistyped
    subcommand goes to the CLI, which says what the valid ones are."""
    args = iter(argv)
    for arg in args:
        if arg in _OPTIONS_WITH_VALUE:
            next(args, None)
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
    return False


def main() -> int:
    import multiprocessing
    import sys

    multiprocessing.freeze_support()  # the HQ batch import's spawn worker re-enters here
    argv = sys.argv[1:]
    if wants_cli(argv):
        from survey_app.cli import main as cli_main

        return cli_main(argv)
    from survey_app.ui.app import main as gui_main

    return gui_main(argv, started_at=STARTED)


if __name__ == "__main__":
    raise SystemExit(main())
