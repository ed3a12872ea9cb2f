"""Search as you type on the real 住户 page: keystroke → list reset, visible rows painted, detail reloaded.

``python -m bench list_search [--json] [--households 10000,100000,300000] [--rows 2]``

What is timed, per keystroke, is what the user waits for on the real main window (logged in as the
field worker, 1366×768, offscreen platform, the app's font): the character is typed into the search
box with QTest (``filter_bar.search``), the debounce is fired at once (``filter_bar.flush()``, what
Enter does, without moving the focus; the 180 ms pause the debounce waits for is *not* counted), the
model re-runs its search and resets, the table selects its row again, the list's viewport is painted
(``viewport().repaint()``: the block of the visible rows is fetched in ``data()`` during this
paint), then the event loop runs the detail panel's zero-delay reload and, when it loaded another
household, the detail is painted too (``_list_painted`` figures: the same keystrokes timed up to the
list painted, before the detail follows). Typed one character at a time: the pinyin, the name, the initials,
the household code, 10 digits of the ID number, 7 of the phone and 4 characters of the address of
``--rows`` real households (at 1/3 and 2/3 of the list). Also timed: Esc (clears the search; the whole
list comes back) and, once each word is typed, the count "共 n 户" the page makes when typing pauses
(its 300 ms timer, stopped after every other keystroke so it never lands inside one).

Same-run baseline, interleaved keystroke by keystroke (so a busy moment of the machine hits both):
plain ``sqlite3`` on the same file (same 64 MiB page cache as the app's connections) running
``SELECT rowid FROM households WHERE deleted_at IS NULL AND search_key LIKE '%typed%' ORDER BY
household_code`` for as many keys as the list model reads per search (its ``FIRST_PAGE`` + 1; all of
them if it has no such page), and fetching the 40 visible rows' list columns (member count and area
included) — what a LIKE scan costs for the rows the page shows, whatever index the app uses. The count
after a pause is set beside a raw ``count(*)`` with the same LIKE. The ratio is what the page, Qt and our
Python (and the app's choice of index) add to, or save over, the bare query.

The databases (one per count, made once by the app's demo generator; 300k take minutes) are cached, see
bench/common.py. The budget (DESIGN §8) is ≤ 50 ms per keystroke at 100k households.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from bench.common import PaintCounter, RealWindow, count_label, demo_copy, parse_counts, settle
from bench.figures import Figure, median, percentile

BUDGET_MS = 50.0
BUDGET_AT = 100_000
VISIBLE_ROWS = 40  # a 1366×768 list shows ~25 rows: the baseline fetches a little more

SMOKE = ["--households", "60", "--rows", "1"]

# "+deleted_at": without statistics SQLite would take ix_households_progress (deleted_at, …; migration 0009)
# for "deleted_at IS NULL" and read every household then sort them (~0.5 s at 100k): the bare query is the
# scan of the covering index ix_households_list, already in code order (what the app runs too).
RAW_SEARCH = ("SELECT rowid FROM households WHERE +deleted_at IS NULL AND search_key LIKE ? ESCAPE '\\' "
              "ORDER BY household_code")
RAW_ALL = "SELECT rowid FROM households WHERE +deleted_at IS NULL ORDER BY household_code"
RAW_COUNT = "SELECT count(*) FROM households WHERE +deleted_at IS NULL AND search_key LIKE ? ESCAPE '\\'"
RAW_ROWS = """
SELECT h.rowid, h.id, h.household_code, h.head_name, h.status, h.section, h.address, h.phone,
       (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.deleted_at IS NULL),
       (SELECT coalesce(sum(p.area), 0) FROM building_parts p WHERE p.household_id = h.id AND p.deleted_at IS NULL),
       h.updated_at
FROM households h WHERE h.rowid IN ({})"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--households", type=parse_counts, default=parse_counts("10000,100000,300000"),
                        help="household counts, comma-separated (10000,100000,300000)")
    parser.add_argument("--rows", type=int, default=2, help="real households whose fields are typed (2)")


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _page_size() -> int | None:
    """Keys the list model reads per search (its first page), None when it reads them all."""
    from survey_app.ui import household_model

    return getattr(household_model, "FIRST_PAGE", None)


def _raw_query(conn: sqlite3.Connection, text: str, page: int | None) -> int:
    """The baseline: the LIKE scan for ``text`` (or the whole list) for the keys the page reads (its first
    page, and one more to know there are more) and the visible rows. Returns how many rows it listed."""
    limit = "" if page is None else f" LIMIT {page + 1}"
    if text:
        keys = [r[0] for r in conn.execute(RAW_SEARCH + limit, (f"%{_escape_like(text.lower())}%",))]
    else:
        keys = [r[0] for r in conn.execute(RAW_ALL + limit)]
    shown = keys[:VISIBLE_ROWS]
    if shown:
        conn.execute(RAW_ROWS.format(",".join("?" * len(shown))), shown).fetchall()
    return len(keys) if page is None else min(len(keys), page)


def _raw_count(conn: sqlite3.Connection, text: str) -> int:
    return conn.execute(RAW_COUNT, (f"%{_escape_like(text.lower())}%",)).fetchone()[0]


def typed_words(conn: sqlite3.Connection, households: int, rows: int) -> list[str]:
    """What a worker types to find a household: fields of real rows spread over the list."""
    words = []
    for i in range(1, rows + 1):
        offset = households * i // (rows + 1)
        pinyin, name, initials, code, id_number, phone, address = conn.execute(
            "SELECT name_pinyin, head_name, name_initials, household_code, head_id_number, phone, address "
            "FROM households WHERE deleted_at IS NULL ORDER BY household_code LIMIT 1 OFFSET ?", (offset,)).fetchone()
        street = address.removeprefix("长沙市").removeprefix("芙蓉区")[:4]
        words += [pinyin, name, initials, code, id_number[:10], phone[:7], street]
    return [w for w in words if w]


def type_char(widget, ch: str) -> None:
    """One character as the user enters it: a key press for ASCII, an input-method commit for 汉字."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if ch.isascii():
        QTest.keyClicks(widget, ch)
    else:  # a Chinese IME commits the chosen character; QTest has no key for it
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def measure(path: Path, rows: int, households: int) -> dict[str, list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    real = RealWindow(path)
    page, app = real.page, real.app
    bar, table, detail = page.filter_bar, page.table, page.detail
    detail_painted = PaintCounter(detail.viewport())
    loads = [0]
    detail.loaded.connect(lambda _d: loads.__setitem__(0, loads[0] + 1))

    def finish_detail() -> None:
        # The detail panel coalesces selection changes with a zero-delay single-shot timer; the event
        # loop runs it (and any paint already queued). Then what it loaded must be on screen.
        before_loads, before_paints = loads[0], detail_painted.count
        while detail._timer.isActive():
            app.processEvents()
        if loads[0] != before_loads and detail_painted.count == before_paints:
            detail.viewport().repaint()

    # The total beside the list is counted once typing pauses (a timer): stopped after each keystroke
    # so that it never lands in the next one's time, and timed on its own once each word is typed.
    count_timer = getattr(page, "_count_timer", None)

    def count_after_pause() -> float | None:
        if count_timer is None or not count_timer.isActive():
            return None
        count_timer.stop()
        started = time.perf_counter()
        page.count_changed.emit(page.model.total())  # what the timer does
        real.window.count_label.repaint()
        return (time.perf_counter() - started) * 1000

    raw = sqlite3.connect(path)
    raw.execute("PRAGMA cache_size=-65536")
    first_page = _page_size()
    out: dict[str, list[float]] = {k: [] for k in ("app", "list", "raw", "clear_app", "clear_raw", "count_app",
                                                 "count_raw")}
    typed: list[str] = []
    try:
        words = typed_words(raw, households, rows)
        bar.focus_search()
        for word in words:
            for n in range(1, len(word) + 1):
                settle()
                started = time.perf_counter()
                type_char(bar.search, word[n - 1])
                bar.flush()
                table.viewport().repaint()
                out["list"].append((time.perf_counter() - started) * 1000)
                finish_detail()
                out["app"].append((time.perf_counter() - started) * 1000)
                typed.append(word[:n])
                assert bar.search.text() == word[:n], (bar.search.text(), word[:n])
                listed = page.model.rowCount()
                if n < len(word) and count_timer is not None:
                    count_timer.stop()
                started = time.perf_counter()
                matches = _raw_query(raw, word[:n], first_page)
                out["raw"].append((time.perf_counter() - started) * 1000)
                if matches != listed:  # e.g. an agreement number matched too: say so
                    print(f"list_search: {word[:n]!r}: the page lists {listed:,}, the raw LIKE {matches:,}",
                          file=sys.stderr)
            pause = count_after_pause()
            if pause is not None:
                out["count_app"].append(pause)
                started = time.perf_counter()
                total = _raw_count(raw, word)
                out["count_raw"].append((time.perf_counter() - started) * 1000)
                if total != page.model.total():
                    print(f"list_search: {word!r}: the page counts {page.model.total():,}, the raw LIKE {total:,}",
                          file=sys.stderr)
            settle()
            started = time.perf_counter()
            QTest.keyClick(bar.search, Qt.Key.Key_Escape)  # clears the box and searches at once
            table.viewport().repaint()
            finish_detail()
            out["clear_app"].append((time.perf_counter() - started) * 1000)
            if count_timer is not None:
                count_timer.stop()
            started = time.perf_counter()
            _raw_query(raw, "", first_page)
            out["clear_raw"].append((time.perf_counter() - started) * 1000)
            assert page.model.rowCount() > 0 and not bar.search.text()
    finally:
        raw.close()
        real.close()
    slowest = sorted(zip(out["app"], typed, out["raw"]), reverse=True)[:3]
    print(f"list_search {households:,}: slowest keystrokes " + ", ".join(
        f"{word!r} {ms:.0f} ms (raw {raw_ms:.0f} ms)" for ms, word, raw_ms in slowest), file=sys.stderr)
    return out


def run(args: argparse.Namespace) -> list[Figure]:
    figures: list[Figure] = []
    for households in args.households:
        path, generated = demo_copy(households)  # RealWindow logs in: a copy of its own
        m = measure(path, args.rows, households)
        n = count_label(households)
        page = _page_size()
        like = f"raw LIKE (first {page} keys) + 40 rows" if page else "raw LIKE + 40 rows"
        budget = BUDGET_MS if households == BUDGET_AT else None
        figures += [
            Figure(f"list_search_{n}_median_ms", median(m["app"]), "ms", budget=budget,
                   baseline=median(m["raw"]), baseline_label=like),
            Figure(f"list_search_{n}_p90_ms", percentile(m["app"], 90), "ms",
                   baseline=percentile(m["raw"], 90), baseline_label=like),
            Figure(f"list_search_{n}_p95_ms", percentile(m["app"], 95), "ms",
                   baseline=percentile(m["raw"], 95), baseline_label=like),
            # The same keystrokes up to the list painted, before the detail panel follows the selection:
            # what the keystroke costs when the first household listed stays the same.
            Figure(f"list_search_{n}_list_painted_median_ms", median(m["list"]), "ms",
                   baseline=median(m["raw"]), baseline_label=like),
            Figure(f"list_search_{n}_max_ms", max(m["app"]), "ms", baseline=max(m["raw"]), baseline_label=like),
            Figure(f"list_search_{n}_clear_ms", median(m["clear_app"]), "ms",
                   baseline=median(m["clear_raw"]), baseline_label="raw unfiltered list + 40 rows"),
            Figure(f"list_search_{n}_keystrokes", float(len(m["app"])), "keystrokes"),
        ]
        if m["count_app"]:
            figures.append(Figure(f"list_search_{n}_count_after_pause_ms", median(m["count_app"]), "ms",
                                  baseline=median(m["count_raw"]), baseline_label="raw LIKE count(*)"))
        if generated is not None:
            figures.append(Figure(f"demo_generation_{n}_s", generated, f"s for {households:,} households"))
    return figures
