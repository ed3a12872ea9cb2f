"""Policy tools for HQ and a scheme's author: check, explain, diff and golden-case tests of a policy file.

``check`` lists every problem at once (file, key path, Chinese message); ``explain`` says each item in
plain Chinese; ``diff`` says what changed between two versions; ``run_cases`` pins a scheme's worked
examples; ``compute_located`` is the engine with errors naming the policy file and item. Pure core code
(no Qt, no database); the CLI (survey_app/cli/policy.py) and the HQ page (survey_app/ui/hq/policy_tab.py)
are thin shells over these.
"""

from __future__ import annotations

from survey_app.core.compensation.policy_tools.cases import CaseResult, CasesReport, run_cases
from survey_app.core.compensation.policy_tools.check import CheckReport, Problem, check, check_text
from survey_app.core.compensation.policy_tools.diff import Change, diff, diff_text
from survey_app.core.compensation.policy_tools.explain import Explained, explain, explain_text
from survey_app.core.compensation.policy_tools.locate import compute_all_located, compute_located
from survey_app.core.compensation.policy_tools.preview import calculation_text, preview_text
from survey_app.core.compensation.policy_tools.samples import sample_household

__all__ = ["calculation_text", "preview_text", "CaseResult", "CasesReport", "Change", "CheckReport", "Explained", "Problem", "check", "check_text",
           "compute_all_located", "compute_located", "diff", "diff_text", "explain", "explain_text", "run_cases",
           "sample_household"]
