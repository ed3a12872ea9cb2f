"""`survey-app [--db PATH] gui [--lang zh_CN|en]`: start the desktop window.

The UI (PySide6) is imported inside the handler, so the other subcommands never load Qt.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``gui`` subcommand."""
    p = subparsers.add_parser("gui", help="打开图形界面（默认：演示项目）",
                              description="打开入户调查图形界面。首次启动时自动创建演示项目。")
    p.add_argument("--lang", choices=("zh_CN", "en"), default=None,
                   help="界面语言 zh_CN（中文，默认）或 en（English）；选择会被记住")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from survey_app.ui.app import main

    argv: list[str] = []
    if args.db is not None:
        argv += ["--db", str(args.db)]
    if args.lang:
        argv += ["--lang", args.lang]
    return main(argv)
