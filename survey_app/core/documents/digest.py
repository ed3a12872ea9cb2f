"""A short content digest printed in every page footer, so two printouts can be told apart at a glance.

The digest covers what the document says (parties, house, amounts, template version …) and not how
this copy was printed (copy label, print time, captured signatures, QR payload), so an original and its
reprint show the same digest. It is a printing aid, not the signed hash inside the QR code.
"""

from __future__ import annotations

import dataclasses
import hashlib

from survey_app.core.documents.model import AgreementDoc

_NOT_CONTENT = frozenset({"copy_label", "printed_at", "signatures", "qr_payload"})


def content_digest(doc: AgreementDoc) -> str:
    """Hex SHA-256 over the document's content fields in declaration order.

    Uses ``doc.content_hash`` instead when the model carries one (the canonical hash the QR signs).
    """
    given = getattr(doc, "content_hash", "")
    if given:
        return str(given)
    h = hashlib.sha256()
    for f in dataclasses.fields(doc):
        if f.name not in _NOT_CONTENT:
            # repr of frozen dataclasses, Decimals, dates and tuples is stable across machines and runs.
            h.update(f"{f.name}={getattr(doc, f.name)!r}\x1f".encode())
    return h.hexdigest()


def short_digest(doc: AgreementDoc, length: int = 12) -> str:
    """The first ``length`` hex digits of :func:`content_digest`."""
    return content_digest(doc)[:length]
