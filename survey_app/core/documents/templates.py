"""Agreement and calculation-sheet templates: versioned text resources, parsed once and cached.

A template is a TOML file in ``resources/templates`` (format described in its README.md): numbered
articles whose paragraphs carry ``{placeholders}`` and ``[[block]]`` markers the renderer replaces with
tables. Published versions never change; a new wording is a new file and version, so a reprint of an old
agreement finds its exact text. This module has no reportlab import: loading and checking templates is
cheap and safe anywhere (tests, HQ tools). Threading: parsed templates are immutable and cached.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from survey_app.core.paths import resource_path

TEMPLATE_DIR = resource_path("templates")

PLACEHOLDERS = frozenset((
    "project_name", "decision_no", "authority", "implementer", "valuation_date", "household_code",
    "address", "number", "owner_names", "mode_label", "option_label", "total", "flat_total", "net",
    "net_label", "net_upper", "payment_days", "moving_days", "transition_months", "policy_version",
    "voucher_bonus_pct", "voucher_valid_until", "copies", "copies_authority", "copies_party",
    "printed_date",
    # 《条例》第二十五条, worded per household by article25.py
    "phone", "payment_terms", "flat_terms", "moving_terms", "transition_terms", "business_terms",
    "moving_deadline", "transition_way", "voucher_terms", "signing_terms", "settlement",
    "validity",  # when the agreement takes effect (v3): at signing, or once its condition is met
))
BLOCKS = frozenset((
    "parties", "house_table", "compensation_table", "flat_table", "notes", "signatures",
    "sheet_info", "sheet_signatures", "terms",
    "options", "option_summary",  # calculation sheet: each option's ``option`` text, and the options side by side
))

_TOP_KEYS = frozenset({"format", "name", "version", "kind", "title", "subtitle", "numbered", "preamble",
                       "option", "ending", "article"})
_ARTICLE_KEYS = frozenset({"heading", "text"})
_MARKER = re.compile(r"^\[\[([a-z_]+)\]\]$")
_VERSION = re.compile(r"^(?P<name>[a-z_]+)-v(?P<n>\d+)$")
_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template file is malformed, or the requested template/version does not exist."""


@dataclass(frozen=True)
class Block:
    """One paragraph of template text: ``text`` (indented), ``flush`` (flush left) or a ``block`` marker."""

    kind: str
    value: str


@dataclass(frozen=True)
class Article:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Template:
    name: str
    version: str
    kind: str  # agreement | sheet
    title: str
    subtitle: str
    numbered: bool
    preamble: tuple[Block, ...]
    articles: tuple[Article, ...]
    ending: tuple[Block, ...]
    path: Path
    option: tuple[Block, ...] = ()  # a sheet's text repeated for each option at its [[options]] block


def parse_text(text: str, where: str = "") -> tuple[Block, ...]:
    """Split template text into blocks: blank lines separate paragraphs, ``|`` lines stand alone."""
    blocks: list[Block] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in para.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        marker = _MARKER.match(lines[0]) if len(lines) == 1 else None
        if marker:
            if marker.group(1) not in BLOCKS:
                raise TemplateError(f"{where}: 未知的块 [[{marker.group(1)}]]")
            blocks.append(Block("block", marker.group(1)))
            continue
        pending: list[str] = []
        for line in lines:
            if line.startswith("|"):
                if pending:
                    blocks.append(Block("text", "".join(pending)))
                    pending = []
                blocks.append(Block("flush", line[1:].strip()))
            else:
                pending.append(line)
        if pending:
            blocks.append(Block("text", "".join(pending)))
    for block in blocks:
        if block.kind != "block":
            check_placeholders(block.value, where)
    return tuple(blocks)


def check_placeholders(text: str, where: str = "") -> None:
    """Refuse unknown ``{names}`` (and format specs) so a typo fails at load time, not on a household's PDF."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in _FORMATTER.parse(text) if name is not None]
    except ValueError as exc:
        raise TemplateError(f"{where}: 占位符格式错误：{exc}") from exc
    for name, spec, conv in fields:
        if name not in PLACEHOLDERS or spec or conv:
            raise TemplateError(f"{where}: 未知的占位符 {{{name}}}")


def load_template_file(path: Path) -> Template:
    """Parse and check one template file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path.name}: 无法读取模板：{exc}") from exc
    # TOML puts every key written after an [[article]] header into that article: a stray "ending"
    # there would silently vanish from the printout, so unknown keys are refused.
    stray = set(data) - _TOP_KEYS
    stray |= {f"article.{k}" for a in data.get("article", ()) for k in set(a) - _ARTICLE_KEYS}
    if stray:
        raise TemplateError(f"{path.name}: 未知的键 {', '.join(sorted(stray))}")
    if data.get("format") != 1:
        raise TemplateError(f"{path.name}: 不支持的模板格式 {data.get('format')!r}")
    version = str(data.get("version", ""))
    match = _VERSION.match(version)
    if not match or match.group("name") != data.get("name"):
        raise TemplateError(f"{path.name}: version 应为“<name>-v<N>”，实为 {version!r}")
    kind = data.get("kind")
    if kind not in ("agreement", "sheet"):
        raise TemplateError(f"{path.name}: kind 应为 agreement 或 sheet")
    where = path.name
    for key in ("title", "subtitle"):
        check_placeholders(str(data.get(key, "")), where)
    articles = tuple(
        Article(heading=str(a["heading"]), blocks=parse_text(str(a["text"]), f"{where}「{a['heading']}」"))
        for a in data.get("article", ())
    )
    for article in articles:
        check_placeholders(article.heading, where)
    return Template(
        name=data["name"], version=version, kind=kind, title=str(data.get("title", "")),
        subtitle=str(data.get("subtitle", "")), numbered=bool(data.get("numbered", True)),
        preamble=parse_text(str(data.get("preamble", "")), where), articles=articles,
        ending=parse_text(str(data.get("ending", "")), where), path=path,
        option=parse_text(str(data.get("option", "")), f"{where}「option」"),
    )


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, Template]]:
    out: dict[str, dict[str, Template]] = {}
    for path in sorted(TEMPLATE_DIR.glob("*.toml")):
        template = load_template_file(path)
        versions = out.setdefault(template.name, {})
        if template.version in versions:
            raise TemplateError(f"{path.name}: 版本 {template.version} 与 {versions[template.version].path.name} 重复")
        versions[template.version] = template
    return out


def _number(version: str) -> int:
    return int(_VERSION.match(version).group("n"))  # type: ignore[union-attr]  # checked at load


def load_template(name: str, version: str = "") -> Template:
    """The template ``name`` at ``version`` (the newest when ``version`` is empty); cached.

    A missing version is an error rather than a silent fallback: an agreement must be reprinted with
    the exact wording it was signed with.
    """
    versions = _catalogue().get(name)
    if not versions:
        raise TemplateError(f"没有名为 {name!r} 的模板")
    if not version:
        return versions[max(versions, key=_number)]
    try:
        return versions[version]
    except KeyError:
        raise TemplateError(f"模板 {name} 没有版本 {version!r}（现有：{', '.join(sorted(versions))}）") from None


def current_versions() -> dict[str, str]:
    """Template name → newest version string."""
    return {name: load_template(name).version for name in sorted(_catalogue())}


TEMPLATE_VERSIONS: dict[str, str] = current_versions()
