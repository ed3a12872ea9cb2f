"""The on-screen signature pad, and the dialog that collects one signature per party plus the worker.

Input: mouse, pen and touch. A pen arrives as QTabletEvent (with pressure → stroke width); those
events are accepted so Qt does not also synthesise mouse events from them. Touch is left to Qt's
touch → mouse synthesis (the primary finger), which is what a one-finger signature needs and
avoids handling the same stroke twice.
Smoothing: each stroke is drawn as quadratic curves through the midpoints of its samples, with
round caps, so a jittery 60 Hz mouse trace still looks like ink.
Export: the ink's bounding box (plus a margin), scaled to fit ``EXPORT_SIZE`` and centred, as a PNG
with a transparent (or white) background — what core ``sign()`` stores and the PDF will embed.
Threading: GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap, QTabletEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

EXPORT_SIZE = QSize(600, 240)
INK = QColor("#10204a")  # blue-black, like a ballpoint
BASE_WIDTH = 3.0  # px on screen for mouse and touch; a pen goes from 0.4× to 1.6× with pressure
MIN_LENGTH = 80.0  # px of ink drawn in all: a dot or a flick is not a signature (core checks the PNG too)
MIN_SPAN = 40.0  # px: the ink must be at least this wide or tall


@dataclass
class _Sample:
    pos: QPointF
    width: float


class SignaturePad(QWidget):
    """Draw with mouse, pen or finger. ``changed`` after every stroke and after ``clear()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.strokes: list[list[_Sample]] = []
        self._drawing = False
        self.setMinimumSize(480, 192)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.hint = self.tr("请在此处签名")

    def sizeHint(self) -> QSize:
        return QSize(720, 288)  # the export's 2.5 : 1

    def is_empty(self) -> bool:
        return not any(len(s) > 0 for s in self.strokes)

    def ink_length(self) -> float:
        """Total length of the strokes drawn, in screen pixels."""
        total = 0.0
        for stroke in self.strokes:
            for a, b in zip(stroke, stroke[1:]):
                d = b.pos - a.pos
                total += (d.x() ** 2 + d.y() ** 2) ** 0.5
        return total

    def has_real_ink(self) -> bool:
        """Enough ink to be a signature: long enough in all and not crammed into a dot."""
        rect = self.ink_rect()
        return self.ink_length() >= MIN_LENGTH and max(rect.width(), rect.height()) >= MIN_SPAN

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    # --- input ------------------------------------------------------------------------------------------

    def _begin(self, pos: QPointF, width: float) -> None:
        self._drawing = True
        self.strokes.append([_Sample(pos, width)])
        self.update()

    def _extend(self, pos: QPointF, width: float) -> None:
        if not self._drawing:
            return
        stroke = self.strokes[-1]
        last = stroke[-1].pos
        if (pos - last).manhattanLength() < 1.0:  # ignore sub-pixel jitter: fewer, cleaner curves
            return
        stroke.append(_Sample(pos, width))
        self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), BASE_WIDTH)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), BASE_WIDTH)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        width = BASE_WIDTH * (0.4 + 1.2 * max(0.0, min(1.0, event.pressure())))
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position(), width)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no synthesised mouse events: the stroke would be drawn twice

    # --- drawing ----------------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QPen(QColor("#c9d1d9"), 1, Qt.PenStyle.DashLine))
        p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        base = self.height() * 0.72
        p.setPen(QPen(QColor("#9aa5b1"), 1.2))
        p.drawLine(QPointF(24, base), QPointF(self.width() - 24, base))
        font = p.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        p.setFont(font)
        p.drawText(QPointF(28, base - 8), "×")
        if self.is_empty():
            p.setPen(QColor("#9aa5b1"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.hint)
        draw_strokes(p, self.strokes, 1.0)
        p.end()

    # --- export -----------------------------------------------------------------------------------------

    def ink_rect(self) -> QRectF:
        xs = [s.pos.x() for stroke in self.strokes for s in stroke]
        ys = [s.pos.y() for stroke in self.strokes for s in stroke]
        if not xs:
            return QRectF()
        return QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0))

    def to_image(self, size: QSize = EXPORT_SIZE, *, white: bool = False) -> QImage:
        """The ink cropped to its bounds (with a margin), scaled to fit ``size``, centred."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white") if white else Qt.GlobalColor.transparent)
        ink = self.ink_rect()
        if ink.isNull():
            return image
        margin = BASE_WIDTH * 3
        ink = ink.adjusted(-margin, -margin, margin, margin)
        scale = min(size.width() / ink.width(), size.height() / ink.height(), 4.0)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.translate((size.width() - ink.width() * scale) / 2, (size.height() - ink.height() * scale) / 2)
        p.scale(scale, scale)
        p.translate(-ink.left(), -ink.top())
        # Keep strokes legible after shrinking a wide signature: never thinner than 2 px in the PNG.
        draw_strokes(p, self.strokes, max(1.0, 2.0 / (BASE_WIDTH * scale)))
        p.end()
        return image

    def to_png(self, *, white: bool = False) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image(white=white).save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def thumbnail(self, height: int = 40) -> QPixmap:
        return QPixmap.fromImage(self.to_image(white=True)).scaledToHeight(
            height, Qt.TransformationMode.SmoothTransformation)


def draw_strokes(p: QPainter, strokes: list[list[_Sample]], width_factor: float) -> None:
    """Quadratic curves through sample midpoints; one path per segment so the width can follow pressure."""
    for stroke in strokes:
        if len(stroke) == 1:  # a dot
            s = stroke[0]
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(INK)
            r = s.width * width_factor / 2
            p.drawEllipse(s.pos, r, r)
            continue
        p.setBrush(Qt.BrushStyle.NoBrush)
        start = stroke[0].pos
        for i in range(1, len(stroke)):
            a, b = stroke[i - 1], stroke[i]
            mid = (a.pos + b.pos) / 2
            path = QPainterPath(start)
            path.quadTo(a.pos, mid) if i > 1 else path.lineTo(mid)
            if i == len(stroke) - 1:
                path.lineTo(b.pos)
            p.setPen(QPen(INK, (a.width + b.width) / 2 * width_factor, Qt.PenStyle.SolidLine,
                          Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPath(path)
            start = mid
