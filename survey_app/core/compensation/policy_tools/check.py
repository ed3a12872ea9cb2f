"""``policy check``: every problem of a policy file at once, each with the file, key path and a
Chinese message, errors and warnings apart; then a trial calculation of the built-in sample household
under every option, so a rule that cannot price a household shows up before anyone publishes it.
Pure; safe from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import Policy, parse_policy

ERROR, WARNING = "error", "warning"
_PATH = re.compile(r"^([A-Za-z_][\w.\[\]]*(?:（[^）]*）)?): (.*)$", re.S)
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Problem:
    """One problem: the file, the key path (``items[3].ratio``; '' for the whole file), the message."""

    source: str
    path: str
    message: str
    level: str = ERROR

    def as_text(self) -> str:
        head = "" if self.level == ERROR else "提醒："
        where = ": ".join(x for x in (self.source, self.path) if x)
        return f"{head}{where}: {self.message}" if where else f"{head}{self.message}"


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found. ``policy`` is the loaded policy when there are no errors."""

    source: str
    problems: tuple[Problem, ...]
    policy: Policy | None = None
    text: str = field(default="", repr=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == WARNING)

    @property
    def ok(self) -> bool:
        """True when the file loads (warnings allowed)."""
        return self.policy is not None and not self.errors

    def summary(self) -> str:
        if self.ok:
            extra = f"，{len(self.warnings)} 条提醒" if self.warnings else ""
            return f"{self.source}: 检查通过（{len(self.policy.items)} 个补偿项目{extra}），哈希 {self.policy.hash}"
        return f"{self.source}: 发现 {len(self.errors)} 个问题" + (f"、{len(self.warnings)} 条提醒" if self.warnings else "")


def split_problem(source: str, line: str, level: str = ERROR) -> Problem:
    """``items[3].ratio: 不能大于 1`` → Problem(path='items[3].ratio', message='不能大于 1')."""
    found = _PATH.match(line)
    if found:
        return Problem(source, found.group(1), found.group(2), level)
    at = _TOML_AT.search(line)
    if at:
        return Problem(source, f"第 {at.group(1)} 行第 {at.group(2)} 列", line, level)
    return Problem(source, "", line, level)


def check(path_or_text: str | Path, source: str | None = None, *, trial: bool = True) -> CheckReport:
    """Check a policy file (a Path, or a str naming an existing .toml file) or policy text."""
    if isinstance(path_or_text, Path) or (isinstance(path_or_text, str) and "\n" not in path_or_text
                                          and path_or_text.lower().endswith(".toml")):
        path = Path(path_or_text)
        name = source or path.name
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return CheckReport(name, (Problem(name, "", "找不到方案文件"),))
        except UnicodeDecodeError:
            return CheckReport(name, (Problem(name, "", "文件不是 UTF-8 编码的文本，请用 UTF-8 另存后再试"),))
        except OSError as exc:
            return CheckReport(name, (Problem(name, "", f"无法读取方案文件（{exc.strerror or exc}）"),))
        return check_text(text, name, trial=trial)
    return check_text(str(path_or_text), source or "方案", trial=trial)


def check_text(text: str, source: str = "方案", *, trial: bool = True) -> CheckReport:
    """Check policy text (see :func:`check`)."""
    try:
        policy = parse_policy(text, source)
    except PolicyError as exc:
        problems = [split_problem(source, p) for p in exc.problems]
        problems += [split_problem(source, w, WARNING) for w in getattr(exc, "warnings", [])]
        return CheckReport(source, tuple(problems), None, text)
    problems = [split_problem(source, w, WARNING) for w in policy.warnings]
    if trial:
        problems += trial_problems(policy)
    return CheckReport(source, tuple(problems), policy, text)


def trial_problems(policy: Policy) -> list[Problem]:
    """Calculate the sample household under every option; each failure as a located warning."""
    from survey_app.core.compensation.policy_tools.locate import compute_located
    from survey_app.core.compensation.policy_tools.samples import sample_household

    try:
        household = sample_household(policy)
    except PolicyError as exc:  # the sample is built from the policy's own tables: should not happen
        return [Problem(policy.source, "", f"无法生成试算样例户：{exc}", WARNING)]
    options: list[tuple[str, str | None]] = [(m, None) for m in policy.mode_names if m != "exchange"]
    if policy.exchange is not None:
        options += [("exchange", f.key) for f in policy.exchange.flats]
    out, seen = [], set()
    for mode, flat in options:
        try:
            compute_located(policy, household, mode, flat)
        except PolicyError as exc:
            for line in exc.problems:
                if line not in seen:
                    seen.add(line)
                    problem = split_problem(policy.source, line, WARNING)
                    out.append(Problem(problem.source, problem.path, "试算样例户时出错：" + problem.message, WARNING))
    return out
