"""Bringing a real project's households and appraisals in at HQ (issue 12 items 4, 5).

    plan = plan_roster(db, "名册.xlsx")          # reads, maps, checks every row; writes nothing
    if plan.ok: apply_roster(db, actor, plan)   # one transaction, one undoable ImportBatch
    undo_batch(db, actor, batch_id)             # while nobody has touched what it wrote

The same for appraisals (``plan_appraisals``/``apply_appraisals``). Files: .xlsx or .csv (UTF-8/GBK).
Core only: no Qt. Plans and applies take ``progress(done, total, label)`` and ``cancel()`` like every
long core job; run them on the TaskRunner's worker from the GUI.
"""

from survey_app.core.services.imports.appraisal import apply_appraisals, plan_appraisals
from survey_app.core.services.imports.batches import BatchInfo, find_batch, list_batches, undo_batch
from survey_app.core.services.imports.common import ImportResult, Plan, Problem, current_project
from survey_app.core.services.imports.fields import (
                                                       APPRAISAL_FIELDS,
                                                       FIELDS,
                                                       ROSTER_FIELDS,
                                                       load_mapping_file,
                                                       remember_mapping,
                                                       remembered_mapping,
)
from survey_app.core.services.imports.roster import plan_roster
from survey_app.core.services.imports.roster_apply import apply_roster

__all__ = ["APPRAISAL_FIELDS", "FIELDS", "ROSTER_FIELDS", "BatchInfo", "ImportResult", "Plan", "Problem",
           "apply_appraisals", "apply_roster", "current_project", "find_batch", "list_batches",
           "load_mapping_file", "plan_appraisals", "plan_roster", "remember_mapping", "remembered_mapping",
           "undo_batch"]
