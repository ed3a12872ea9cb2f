"""Look inside rendered PDFs with poppler-utils, as a reader would: text, fonts, images, pixels."""

from __future__ import annotations

import re
import subprocess
from io import BytesIO
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path, layout: bool = True) -> str:
    """pdftotext output; pages are separated by form feeds (\\f)."""
    return _run("pdftotext", *(["-layout"] if layout else []), str(path), "-")


def squash(text: str) -> str:
    """``text`` without any whitespace: Chinese running text may wrap between any two characters."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    """Text per page (the empty string after the last form feed dropped)."""
    pages = pdf_text(path).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts rows as dicts: name, emb, sub."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni objnum gen: the last five columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def pdf_images(path: Path) -> list[dict[str, str]]:
    """pdfimages -list rows as dicts: page, type (image / smask)."""
    lines = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    return [{"page": ln.split()[0], "type": ln.split()[2]} for ln in lines if ln.strip()]


def page_png(path: Path, page: int = 1, dpi: int = 150):
    """The page rendered by pdftoppm at ``dpi`` as a PIL image."""
    from PIL import Image

    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), str(path)],
                          capture_output=True, check=True).stdout
    return Image.open(BytesIO(data))


def decode_qr(image) -> list[str]:
    """Texts of every QR code zxing-cpp finds in ``image``."""
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
