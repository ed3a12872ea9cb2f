"""The UI kit: the pieces every page builds on, so pages look and behave alike.

* ``table.DataTable`` — a QTableView configured the house way (rows selected one at a time, no
  editing, alternating rows, touch-height rows sized from the font, header modes by column).
* ``list_detail.ListDetail`` — a list on the left, the selected item's detail on the right, an
  empty-state text when nothing is selected.
* ``theme`` — the named colours, the roles a widget can take (error, muted, primary …: one rule
  each) and the pages' scoped style sheets.

Threading: GUI thread only.
"""
