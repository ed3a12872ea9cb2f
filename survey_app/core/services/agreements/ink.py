"""Is there a signature in this PNG? A dot, a short flick or an empty pad is not one.

The signature pad (ui/agreements/signature_pad.py) refuses those before export by stroke length and
size on screen; this is the service's own check on the stored image, so a signature that reaches the
database by any other way is held to the same rule. The pad's export scales the ink to fill its
600 × 240 image (at most 4×), so a real signature spans well over ``MIN_SPAN`` pixels while a dot
stays far under it.
"""

from __future__ import annotations

from io import BytesIO

MIN_SPAN = 120  # px: the ink's bounding box must be at least this wide or tall
MIN_INK = 300  # px of ink: a thin scratch across the box is not a signature either


def ink_problem(png: bytes) -> str:
    """Why ``png`` is not a usable signature (Chinese), or "" when it is one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(png)) as img:
            rgba = img.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError):
        return "签名图片无法读取"
    # Ink: visible (alpha) and dark; a white or transparent background is not ink.
    alpha = rgba.getchannel("A").point(lambda a: 255 if a > 64 else 0)
    dark = rgba.convert("L").point(lambda v: 255 if v < 160 else 0)
    from PIL import ImageChops

    ink = ImageChops.multiply(alpha, dark)
    box = ink.getbbox()
    if box is None:
        return "签名是空白的"
    width, height = box[2] - box[0], box[3] - box[1]
    count = ink.width * ink.height - ink.histogram()[0]  # pixels that are ink (mode L: 0 = none)
    if max(width, height) < MIN_SPAN or count < MIN_INK:
        return "签名太短（只有一个点或一小笔）"
    return ""
