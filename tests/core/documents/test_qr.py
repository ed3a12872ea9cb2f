"""The verification QR: fixed version 10, error correction M, mask 0; oversize payloads are refused."""

from __future__ import annotations

import document_samples as samples
import pytest

from survey_app.core.documents.qr import QR_CAPACITY, QR_SIZE, QR_VERSION, QRPayloadTooLong, qr_image, qr_matrix


def test_version_is_fixed_whatever_the_payload_length() -> None:
    side = 17 + 4 * QR_VERSION  # ISO/IEC 18004: modules per side
    assert len(qr_matrix("A")) == side
    assert len(qr_matrix(samples.QR_PAYLOAD)) == side
    assert len(qr_matrix("x" * 200)) == side


def test_payload_capacity_and_clear_error() -> None:
    assert QR_CAPACITY >= 200
    qr_matrix("x" * QR_CAPACITY)
    with pytest.raises(QRPayloadTooLong, match="超过版本 10-M 的容量 213 字节"):
        qr_matrix("x" * (QR_CAPACITY + 1))
    with pytest.raises(ValueError):
        qr_matrix("")


def test_printed_at_least_30_mm() -> None:
    from reportlab.lib.units import mm

    flow = qr_image(samples.QR_PAYLOAD)
    assert QR_SIZE >= 30 * mm and flow.width > QR_SIZE


def test_mask_0_decodes_from_a_plain_bitmap() -> None:
    """The matrix itself (not only the PDF) is a valid code: draw it with PIL and decode it."""
    from pdf_probe import decode_qr
    from PIL import Image

    matrix = qr_matrix(samples.QR_PAYLOAD)
    scale, quiet = 4, 4
    size = (len(matrix) + 2 * quiet) * scale
    img = Image.new("L", (size, size), 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                img.paste(0, ((c + quiet) * scale, (r + quiet) * scale, (c + quiet + 1) * scale, (r + quiet + 1) * scale))
    assert decode_qr(img) == [samples.QR_PAYLOAD]
