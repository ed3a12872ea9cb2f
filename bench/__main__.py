"""Run a named benchmark: ``python -m bench NAME [--json] [options]``; ``python -m bench --list``.

Each benchmark is a module ``bench/NAME.py`` with a docstring (its first line is what ``--list``
prints), ``add_arguments(parser)`` (optional), ``run(args) -> list[Figure]`` and ``SMOKE``: the
arguments of a tiny run that tests/bench runs so that no benchmark can rot unnoticed. Output is one
line per figure (value, unit, budget, same-run baseline and ratio), or one JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure

NOT_BENCHMARKS = frozenset({"__main__", "__init__", "figures", "common"})


def available() -> list[str]:
    """Names of the benchmark modules in bench/ (helpers and private modules left out)."""
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)])
                  if m.name not in NOT_BENCHMARKS and not m.name.startswith("_"))


def summary(name: str) -> str:
    """The first line of a benchmark's docstring."""
    doc = importlib.import_module(f"bench.{name}").__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _usage() -> str:
    return ("usage: python -m bench NAME [--json] [options] | python -m bench --list\n"
            "benchmarks: " + ", ".join(available()))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if argv[:1] == ["--list"]:
        for name in names:
            print(f"{name:<18} {summary(name)}")
        return 0
    if not argv or argv[0] in {"-h", "--help"}:
        print(_usage())
        return 0
    if argv[0] not in names:
        print(f"没有名为 {argv[0]!r} 的基准 / no benchmark named {argv[0]!r}\n{_usage()}", file=sys.stderr)
        return 2
    name = argv.pop(0)
    module = importlib.import_module(f"bench.{name}")
    parser = argparse.ArgumentParser(prog=f"python -m bench {name}", description=module.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)
    args = parser.parse_args(argv)
    figures: list[Figure] = module.run(args)
    if args.json:
        print(json.dumps({f.name: f.as_json() for f in figures}, ensure_ascii=False))
    else:
        for f in figures:
            print(f.line(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
