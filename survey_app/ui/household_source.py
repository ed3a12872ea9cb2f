"""Where the household list model reads: the services (the real one), or the first screen's light read.

``HouseholdModel`` starts on a ``FirstScreenSource`` when the app paints its first window before the ORM
is imported (ui/app.py): that source serves the one query the first window runs — the first page of
keys with no filter, in code order — and the rows and marks painted. ``HouseholdModel.attach`` then
switches to the ``ServiceSource``; the keys are the same (SQLite rowids), so the list, its selection and
its scroll position stay. A query the first screen cannot serve is a programming error: every user
action comes after the switch (it is made on the GUI thread right after the first paint).
Threading: GUI thread only, like the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from survey_app.core.services import Database
    from survey_app.core.services.first_screen import FirstScreen


class ServiceSource:
    """The services' queries (households, household_stage): every filter, sort and page."""

    def __init__(self, db: Database):
        from survey_app.core.services import household_stage, households  # the ORM: after the first paint

        self.db, self._households, self._stage = db, households, household_stage

    def default_filter(self) -> Any:  # a households.HouseholdFilter
        return self._households.HouseholdFilter()

    def search_keys(self, flt: Any, sort: str, descending: bool, *, offset: int = 0,
                    limit: int | None = None) -> list[int]:
        return self._households.search_keys(self.db, flt or self.default_filter(), sort=sort,
                                            descending=descending, offset=offset, limit=limit)

    def fetch_rows(self, keys: list[int]) -> dict[int, Any]:
        return self._households.fetch_rows(self.db, keys)

    def count_matching(self, flt: Any) -> int:
        return self._households.count_matching(self.db, flt or self.default_filter())

    def draft_ids(self, username: str) -> set[str]:
        return self._stage.draft_ids(self.db, username)

    def disputed_ids(self) -> set[str]:
        return self._stage.disputed_ids(self.db)


class FirstScreenSource:
    """The first window's read (services/first_screen.py): the unfiltered list in code order, first page."""

    def __init__(self, screen: FirstScreen):
        self.screen = screen

    def search_keys(self, flt: Any, sort: str, descending: bool, *, offset: int = 0,
                    limit: int | None = None) -> list[int]:
        if flt is not None or sort != "code" or descending or offset or limit is None:
            raise RuntimeError("the first screen serves the unfiltered list's first page only")
        return self.screen.first_keys(limit)

    def fetch_rows(self, keys: list[int]) -> dict[int, Any]:
        return self.screen.fetch_rows(keys)

    def count_matching(self, flt: Any) -> int:
        raise RuntimeError("the first screen does not count (the count comes after the first paint)")

    def draft_ids(self, username: str) -> set[str]:
        return self.screen.draft_ids(username)

    def disputed_ids(self) -> set[str]:
        return self.screen.disputed_ids()
