"""Search-as-you-type over 100,000 households: what one keystroke costs (query + the visible rows).

Each query is typed one character at a time, like a field worker would: "z", "zh", "zha", …
"""

from __future__ import annotations

import argparse
import time

from bench.common import demo_database
from bench.figures import Figure, median, percentile

VISIBLE_ROWS = 40  # a 1366×768 list shows ~25 rows; fetch a little more, as the model does


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=int, default=100_000)


def run(args: argparse.Namespace) -> list[Figure]:
    from survey_app.core.services import households as hh
    from survey_app.core.storage.database import Database

    path, generated = demo_database(args.households)
    db = Database(path)
    with db.read() as s:  # typed searches built from real rows: a name, its pinyin, a code, an ID, a phone
        from sqlalchemy import select

        from survey_app.core.storage.models import Household
        h = s.scalars(select(Household).order_by(Household.household_code).offset(args.households // 3).limit(1)).one()
    typed = [h.name_pinyin, h.head_name, h.name_initials, h.household_code, h.head_id_number[:10], h.phone[:7],
             h.address.removeprefix("长沙市芙蓉区")[:4]]
    hh.search_keys(db, hh.HouseholdFilter())  # warm the page cache like an open app would be
    times, matches = [], []
    for word in typed:
        for n in range(1, len(word) + 1):
            started = time.perf_counter()
            keys = hh.search_keys(db, hh.HouseholdFilter(text=word[:n]))
            hh.fetch_rows(db, keys[:VISIBLE_ROWS])
            times.append((time.perf_counter() - started) * 1000)
            matches.append(len(keys))
    started = time.perf_counter()
    all_keys = hh.search_keys(db, hh.HouseholdFilter())
    clear_ms = (time.perf_counter() - started) * 1000
    figures = [
        Figure("list_search_keystrokes", len(times), "keystrokes"),
        Figure("list_search_median_ms", median(times), "ms"),
        Figure("list_search_p95_ms", percentile(times, 95), "ms"),
        Figure("list_search_max_ms", max(times), "ms"),
        Figure("list_search_clear_filter_ms", clear_ms, f"ms ({len(all_keys):,} households)"),
    ]
    if generated is not None:
        figures.append(Figure("demo_generation_s", generated, f"s for {args.households:,} households"))
    db.dispose()
    return figures
