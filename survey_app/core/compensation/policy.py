"""The compensation policy (征收补偿方案): model, TOML loader with validation, and the content hash.

A policy version is identified by ``sha256`` of its canonical content: the parsed TOML serialised as
sorted-key compact JSON, Decimals and dates as strings. Whitespace and comment edits therefore keep the
hash, any change of substance changes it — which is how a published version is known never to change.
The format is documented in docs/policy.md. A loaded Policy is immutable and safe to share between threads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from survey_app.core.compensation.effect import Effectiveness, bind_effect, read_effectiveness
from survey_app.core.compensation.fields import PolicyError, Problems, Table
from survey_app.core.compensation.flat_sites import check_sites
from survey_app.core.compensation.items import CATALOGUE, ItemKind
from survey_app.core.compensation.modes import CashMode, ExchangeMode, VoucherMode, read_modes
from survey_app.core.compensation.rounding import AREA_DECIMALS, METHODS, Rounding
from survey_app.core.domain.vocabulary import MODE_ORDER

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ProjectInfo:
    """Project metadata printed on sheets and agreements."""

    name: str
    code: str
    city: str
    decision_no: str          # 征收决定文号
    valuation_date: dt.date | None   # 评估时点
    signing_start: dt.date | None
    signing_end: dt.date | None
    source: str               # which published scheme the numbers follow
    # 协议生效条件 (``effective_when``: signing rate by a date; effect.py), None when agreements take effect on signing
    effective_when: Effectiveness | None = None


@dataclass(frozen=True)
class Cap:
    """封顶: the listed items together are paid at most ``maximum`` (an adjustment line takes off the rest)."""

    code: str
    label: str
    items: tuple[str, ...]
    maximum: Decimal
    modes: tuple[str, ...]


@dataclass(frozen=True)
class DocumentTerms:
    """``[documents]``: what the printed agreement says beyond the money (published with the policy)."""

    copies: int = 4  # 本协议一式N份: copies printed on site
    payment_days: int = 15  # compensation paid within N days of signing
    moving_days: int = 30  # house vacated and handed over within N days of signing


@dataclass(frozen=True)
class Policy:
    """A loaded, validated policy version. ``hash`` identifies it; ``items`` are in payment order."""

    project: ProjectInfo
    version: str
    rounding: Rounding
    modes: dict[str, Any]
    items: tuple[ItemKind, ...]
    caps: tuple[Cap, ...]
    hash: str
    source: str = field(default="", compare=False)
    documents: DocumentTerms = field(default_factory=DocumentTerms)
    # Accepted but doubtful values (e.g. pct = 0.2) and document-only fields left empty: shown by
    # ``policy check`` and before publishing, never a reason to refuse the file.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # The parsed file as written (read only): what ``policy explain`` and ``policy diff`` describe.
    data: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def mode_names(self) -> tuple[str, ...]:
        """Modes offered, in the canonical order cash, exchange, voucher."""
        return tuple(m for m in MODE_ORDER if m in self.modes)

    @property
    def exchange(self) -> ExchangeMode | None:
        """Property-exchange settings, if offered."""
        return self.modes.get("exchange")

    @property
    def voucher(self) -> VoucherMode | None:
        """Housing-voucher settings, if offered."""
        return self.modes.get("voucher")

    def mode_label(self, mode: str) -> str:
        """The policy's Chinese name for ``mode``."""
        return self.modes[mode].label

    def signing_period(self, mode: str) -> tuple[dt.date | None, dt.date | None]:
        """(start, end) of ``mode``'s 签约期: its own ``[modes.X] signing_start/signing_end``, each falling back
        to ``[project]``'s."""
        return signing_period(self.project, self.modes.get(mode))


def signing_period(project: ProjectInfo, mode: Any) -> tuple[dt.date | None, dt.date | None]:
    """See :meth:`Policy.signing_period`."""
    start, end = getattr(mode, "signing_start", None), getattr(mode, "signing_end", None)
    return start or project.signing_start, end or project.signing_end


def canonical_json(data: Any) -> str:
    """Sorted-key compact JSON with Decimals and dates as strings: the form that is hashed."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def content_hash(data: Any) -> str:
    """sha256 hex of :func:`canonical_json` of ``data``."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def load_policy(path: str | Path, expected_hash: str | None = None) -> Policy:
    """Load and validate a policy TOML file.

    Raises PolicyError (a ValidationError) listing every problem as ``file: key: problem``. With
    ``expected_hash`` (the hash of a published version), refuses a file whose content differs.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PolicyError(path.name, ["找不到方案文件"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(path.name, [f"无法读取方案文件（{exc}）"]) from None
    return parse_policy(text, source=path.name, expected_hash=expected_hash)


def parse_policy(text: str, source: str = "方案", expected_hash: str | None = None) -> Policy:
    """Parse and validate policy TOML text (see :func:`load_policy`)."""
    try:
        # parse_float=Decimal: a TOML 0.05 becomes Decimal("0.05") exactly, never a binary float.
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, [f"TOML 格式错误: {exc}"]) from None
    policy = policy_from_data(data, source)
    if expected_hash is not None and policy.hash != expected_hash:
        raise PolicyError(source, [f"方案内容与已发布版本不符（应为 {expected_hash[:12]}…，实际 {policy.hash[:12]}…）"])
    return policy


def policy_from_data(data: dict, source: str = "方案") -> Policy:
    """Build a Policy from an already parsed structure (numbers as Decimal/int/str)."""
    problems = Problems(source)
    root = Table(data, "", problems)
    root.owner = "方案顶层"
    fmt = root.integer("format", required=False, default=FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        root.fail("format", f"不支持的方案格式版本 {fmt}（本程序支持 {FORMAT_VERSION}）")
    version = root.text("version") or ""
    raw_modes = data.get("modes") if isinstance(data.get("modes"), dict) else {}
    own_period = {k for k in ("signing_start", "signing_end")  # every mode has its own: [project] need not say it
                  if raw_modes and all(isinstance(m, dict) and k in m for m in raw_modes.values())}
    project = _read_project(root.table("project", required=False), problems, own_period)
    rounding = _read_rounding(root.table("rounding", required=False))
    modes_table = root.table("modes")
    modes = read_modes(modes_table) if modes_table is not None else {}
    if rounding.area_decimals == 3 and isinstance(modes.get("exchange"), ExchangeMode):
        modes["exchange"] = _milli_areas(modes["exchange"])
    if modes_table is not None:
        modes_table.finish()
    mode_names = tuple(m for m in MODE_ORDER if m in modes)
    flat_keys = [k for k in ("flat_places", "flat_method") if k in (data.get("rounding") or {})]
    if flat_keys and "exchange" not in modes:
        problems.warn(f"rounding.{flat_keys[0]}", "方案没有产权调换（[modes.exchange]），安置房价款的取整规则不起作用")
    items = _read_items(root.tables("items", required=True), mode_names, problems)
    for item in items:
        if item.limits is not None:  # an item's minimum/maximum compare with its amount as lines round
            item.limits.bind(rounding)
    periods = {mode: signing_period(project, modes[mode]) for mode in mode_names}
    for item in items:
        bind_periods = getattr(item, "bind_periods", None)  # tiers ending on a mode's signing-period end
        for key, problem in bind_periods(periods) if bind_periods is not None else ():
            problems.add(key, problem)
        bind_exchange = getattr(item, "bind_exchange", None)  # items based on the entitlement (安置指标)
        for key, problem in bind_exchange(modes.get("exchange")) if bind_exchange is not None else ():
            problems.add(key, problem)
    bind_effect(items, project.effective_when, problems)  # 以协议生效为前提: the lines say so
    check_sites(items, modes.get("exchange"), problems)  # when = { flat_site }: sites the flat types name
    codes = {item.code for item in items}
    caps = []
    for t in root.tables("caps"):
        cap = Cap(t.text("code") or "", t.text("label") or "", t.text_list("items", required=True),
                  t.decimal("maximum") or Decimal(0), t.text_list("modes", choices=mode_names, default=mode_names))
        for index, code in enumerate(cap.items):
            if code not in codes:
                problems.add(f"{t.key('items')}[{index}]", f"没有代码为“{code}”的补偿项目")
        if cap.code in codes:
            t.fail("code", f"代码“{cap.code}”与补偿项目重复")
        caps.append(cap)
        t.finish()
    documents = DocumentTerms()
    doc_table = root.table("documents", required=False)
    if doc_table is not None:
        documents = DocumentTerms(doc_table.integer("copies", required=False, default=4, minimum=1),
                                  doc_table.integer("payment_days", required=False, default=15, minimum=1),
                                  doc_table.integer("moving_days", required=False, default=30, minimum=1))
        doc_table.finish()
    voucher = modes.get("voucher")
    if isinstance(voucher, VoucherMode):
        for index, code in enumerate(voucher.excluded_items):
            if code not in codes:
                problems.add(f"modes.voucher.excluded_items[{index}]", f"没有代码为“{code}”的补偿项目")
    root.finish()
    if problems.items:
        error = PolicyError(source, problems.items)
        error.warnings = list(problems.warnings)  # shown beside the errors by ``policy check``
        raise error
    return Policy(project=project, version=version, rounding=rounding, modes=modes, items=tuple(items),
                  caps=tuple(caps), hash=content_hash(data), source=source, documents=documents,
                  warnings=tuple(problems.warnings), data=data)


# [project] fields only documents and sheets print: a calculation needs none of them (the valuation
# date only decides whether a temporary building is within its term), so leaving one empty is a
# warning, not a reason to refuse the file.
DOCUMENT_FIELDS = {"name": "项目名称", "code": "项目代码", "city": "城市", "decision_no": "征收决定文号",
                   "valuation_date": "评估时点", "signing_start": "签约期开始", "signing_end": "签约期结束"}


def _read_project(t: Table | None, problems: Problems, own_period: set[str] = frozenset()) -> ProjectInfo:
    if t is None:
        problems.warn("project", "没有 [project]：计算不需要，但测算单和协议上的项目信息将为空")
        return ProjectInfo("", "", "", "", None, None, None, "")
    t.owner = "[project]"
    info = ProjectInfo(
        name=t.text("name", required=False) or "", code=t.text("code", required=False) or "",
        city=t.text("city", required=False) or "", decision_no=t.text("decision_no", required=False) or "",
        valuation_date=t.date("valuation_date", required=False),
        signing_start=t.date("signing_start", required=False), signing_end=t.date("signing_end", required=False),
        source=t.text("source", required=False, default="") or "", effective_when=read_effectiveness(t))
    for key, name in DOCUMENT_FIELDS.items():
        if key not in t.data and key not in own_period:
            problems.warn(t.key(key), f"未填写{name}：计算不需要，但测算单和协议要用")
    if info.signing_start and info.signing_end and info.signing_end < info.signing_start:
        t.fail("signing_end", "签约期结束日期早于开始日期")
    t.finish()
    return info


def _milli_areas(exchange: ExchangeMode) -> ExchangeMode:
    """A policy counting areas to 0.001 m²: its flat areas and band widths carried with three decimals, so
    that every area on the flat price lines prints as the policy counts it (89.630 m²)."""
    milli = Decimal("0.001")

    def flats(rows: tuple) -> tuple:
        return tuple(replace(f, area=f.area.quantize(milli)) for f in rows)
    return replace(exchange, flats=flats(exchange.flats), listed=flats(exchange.listed), excess_bands=tuple(
        replace(b, width=None if b.width is None else b.width.quantize(milli)) for b in exchange.excess_bands))


def _read_rounding(t: Table | None) -> Rounding:
    if t is None:
        return Rounding()
    places = _places(t, "line_places", 0)
    method = t.choice("method", METHODS, required=False, default="half_up") or "half_up"
    flat_places = _places(t, "flat_places", None) if t.has("flat_places") else None
    flat_method = t.choice("flat_method", METHODS, required=False, default=None) if t.data.get("flat_method") else None
    t.has("flat_method")
    area_decimals = t.integer("area_decimals", required=False, default=2)
    if area_decimals not in AREA_DECIMALS:
        t.fail("area_decimals", "面积小数位应为 2（0.01 m²）或 3（0.001 m²）")
        area_decimals = 2
    area_method = t.choice("area_method", METHODS, required=False, default="half_up") or "half_up"
    t.finish()
    return Rounding(places, method, flat_places, flat_method, area_decimals, area_method)


def _places(t: Table, key: str, default: int | None) -> int | None:
    places = t.integer(key, required=False, default=default)
    if places is not None and places not in (0, 1, 2):
        t.fail(key, "应为 0（元）、1（角）或 2（分）")
        return 0
    return places


def _read_items(tables: list[Table], mode_names: tuple[str, ...], problems: Problems) -> list[ItemKind]:
    items: list[ItemKind] = []
    seen: set[str] = set()
    if not tables:
        problems.add("items", "至少需要一个补偿项目（[[items]]）")
    for t in tables:
        kind = t.choice("kind", CATALOGUE)
        if kind is None:
            continue  # other keys are meaningless without a valid kind: don't report them as unknown
        t.owner = f"{CATALOGUE[kind].title}（{kind}）类项目"
        t.elsewhere = _other_kinds_with_keys(kind, t.data)
        item = CATALOGUE[kind](t, mode_names)
        if item.code in seen:
            t.fail("code", f"项目代码“{item.code}”重复")
        if item.code and not item.code.replace("_", "").isalnum():
            t.fail("code", "项目代码只能用字母、数字和下划线")
        seen.add(item.code)
        items.append(item)
        t.finish()
    return items


def kind_keys(kind: str) -> tuple[str, ...]:
    """The keys an item of ``kind`` reads, in reading order (``code``, ``kind``, ``label`` … first)."""
    keys = _KIND_KEYS.get(kind)
    if keys is None:
        t = Table({}, "", Problems(""))
        t.has("kind")
        try:
            CATALOGUE[kind](t, MODE_ORDER)
        except Exception:
            pass
        keys = _KIND_KEYS[kind] = tuple(t._read)
    return keys


_KIND_KEYS: dict[str, tuple[str, ...]] = {}


def _other_kinds_with_keys(kind: str, data: dict) -> dict[str, str]:
    """For each key of ``data`` that ``kind`` lacks: the other kinds that have it (for the message)."""
    own = set(kind_keys(kind))
    out = {}
    for key in data:
        if key in own:
            continue
        others = [k for k in CATALOGUE if k != kind and key in kind_keys(k)]
        if others:
            out[key] = "、".join(others[:4]) + ("等" if len(others) > 4 else "") + " 类项目"
    return out


__all__ = ["Policy", "ProjectInfo", "Cap", "CashMode", "ExchangeMode", "VoucherMode", "PolicyError",
           "load_policy", "parse_policy", "policy_from_data", "content_hash", "canonical_json",
           "kind_keys", "DOCUMENT_FIELDS"]
