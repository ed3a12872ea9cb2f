"""Run a named benchmark: ``python -m bench NAME [--json] [options]``.

Each benchmark is a module ``bench/NAME.py`` with ``add_arguments(parser)`` (optional) and
``run(args) -> list[Figure]``. Output is one ``name: value unit`` line per figure, or a JSON
object with ``--json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure  # noqa: E402


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name not in {"figures", "common"})


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in names:
        print("usage: python -m bench NAME [--json]\nbenchmarks: " + ", ".join(names))
        return 0 if not argv or argv[0] in {"-h", "--help"} else 2
    name = argv.pop(0)
    module = importlib.import_module(f"bench.{name}")
    parser = argparse.ArgumentParser(prog=f"python -m bench {name}")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of lines")
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)
    args = parser.parse_args(argv)
    figures: list[Figure] = module.run(args)
    if args.json:
        print(json.dumps({f.name: {"value": f.value, "unit": f.unit} for f in figures}, ensure_ascii=False))
    else:
        for f in figures:
            print(f.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
