"""The current policy's 协议生效条件 (``[project] effective_when``, compensation/effect.py) for HQ's dashboard: the
project's signing rate is shown against it. Parsed once per published version (by its content hash), so a
dashboard refresh costs one indexed read of the newest version's hash."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.compensation.effect import Effectiveness
from survey_app.core.compensation.fields import PolicyError
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.storage.models import PolicyVersion

_RULES: dict[str, Effectiveness | None] = {}  # content hash → its rule (a lost write only costs a re-parse)


def effect_rule(session: Session) -> Effectiveness | None:
    """The newest published version's rule; None before any publishing, or when it states none."""
    newest = (PolicyVersion.status == "published", PolicyVersion.deleted_at.is_(None))
    content_hash = session.scalar(select(PolicyVersion.content_hash).where(*newest)
                                  .order_by(PolicyVersion.published_at.desc()).limit(1))
    if content_hash is None:
        return None
    if content_hash not in _RULES:
        content = session.scalar(select(PolicyVersion.content).where(PolicyVersion.content_hash == content_hash,
                                                                     *newest).limit(1))
        try:
            rule = parse_policy(content or "", "已发布方案", expected_hash=content_hash).project.effective_when
        except PolicyError:  # a stored version that no longer loads is reported where it is used, not here
            rule = None
        _RULES[content_hash] = rule
    return _RULES[content_hash]
