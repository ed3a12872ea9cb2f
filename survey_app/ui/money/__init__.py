"""Money and moving out, and grievances, in the GUI: 付款登记 (HQ), 交房验收 (supervisor), 信访/纠纷 (anyone).

Small dialogs opened from the 住户 page's action bar (pages/households_page.py), each over one household;
the services decide (core/services/money.py, handover.py, grievances.py) and their refusals show in the
dialog's banner. Threading: GUI thread; writes run on the TaskRunner (pages/common.run_write).
"""
