"""How a photo's category, capture time and position read on screen (strip, viewer).

Capture times are shown in the project's time zone (Asia/Shanghai, ``attachments.PROJECT_TZ``),
not this computer's: a laptop left on another zone, or HQ abroad, must show the time on the
photo's own clock, as evidence. Threading: GUI thread (uses the installed translators).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from survey_app.core.services.attachments import PHOTO_CATEGORIES, AttachedPhoto, in_project_time
from survey_app.ui import formatting


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotoLabels", text)


def category_labels() -> list[tuple[str, str]]:
    """(code, label) in the order offered, "未分类" ("" = not chosen) first."""
    labels = {"exterior": _tr("外观"), "interior": _tr("室内"), "papers": _tr("证件"),
              "temp_permit": _tr("临建批复"), "other": _tr("其他")}
    assert set(labels) == set(PHOTO_CATEGORIES)  # a new code without a label is a defect found at once
    return [("", _tr("未分类")), *((c, labels[c]) for c in PHOTO_CATEGORIES)]


def category_label(code: str) -> str:
    return dict(category_labels()).get(code or "", code)


def when_text(photo: AttachedPhoto) -> str:
    """``2023年7月2日 09:30`` on the project's clock, or 拍摄时间不详."""
    if photo.captured_at is None:
        return _tr("拍摄时间不详")
    local = in_project_time(photo.captured_at)
    return f"{formatting.date(local.date())} {local:%H:%M}"


def _degrees(value: Decimal) -> str:
    return f"{abs(value):.5f}°"  # 5 decimals ≈ 1 m: what a phone's GPS can tell


def gps_text(photo: AttachedPhoto) -> str:
    """``北纬28.19500° 东经112.97500°``, or 无位置信息 when the photo carries no GPS."""
    if photo.gps_lat is None or photo.gps_lon is None:
        return _tr("无位置信息")
    lat = (_tr("北纬{deg}") if photo.gps_lat >= 0 else _tr("南纬{deg}")).format(deg=_degrees(photo.gps_lat))
    lon = (_tr("东经{deg}") if photo.gps_lon >= 0 else _tr("西经{deg}")).format(deg=_degrees(photo.gps_lon))
    return f"{lat} {lon}"


def title(photo: AttachedPhoto) -> str:
    """First line under a thumbnail: category · caption (the file name while there is no caption)."""
    return f"{category_label(photo.category)} · {photo.caption or photo.original_name}"
