"""The dashboard's daily trend: households surveyed and agreements signed per day (Qt Charts lines).

Qt Charts comes with PySide6-Addons (a dependency since the dashboard). A click on a line emits
``dayClicked(kind, day)`` (kind "surveyed" or "signed") so the page can list the households behind it.
Threading: GUI thread only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from survey_app.core.services.reports.figures import DayPoint


class TrendChart(QChartView):
    dayClicked = Signal(str, object)  # "surveyed" | "signed", datetime.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hqTrendChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 180)
        self.points: list[DayPoint] = []
        self.series: dict[str, QLineSeries] = {}
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    def minimumSizeHint(self) -> QSize:
        return self.minimumSize()

    def set_points(self, points: list[DayPoint] | tuple[DayPoint, ...]) -> None:
        self.points = list(points)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MM-dd")
        axis_x.setTickCount(min(7, max(2, len(self.points))))
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series = {}
        for kind, title, color in (("surveyed", self.tr("调查"), "#5b8fc7"), ("signed", self.tr("签约"), "#2e7d32")):
            series = QLineSeries()
            series.setName(title)
            series.setColor(QColor(color))
            series.setPointsVisible(len(self.points) <= 45)
            for p in self.points:
                series.append(_msecs(p.day), getattr(p, kind))
            series.clicked.connect(lambda point, k=kind: self._clicked(k, point))
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
            self.series[kind] = series
        if self.points:
            axis_x.setRange(_datetime(self.points[0].day), _datetime(self.points[-1].day))
        top = max([p.surveyed for p in self.points] + [p.signed for p in self.points] + [1])
        axis_y.setRange(0, top)
        if top <= 5:  # counts: one tick per whole number (nice numbers put ticks at 0.5 and "%d" showed 0 0 1 1 2)
            axis_y.setTickCount(top + 1)
        else:
            axis_y.applyNiceNumbers()

    def _clicked(self, kind: str, point: QPointF) -> None:
        if not self.points:
            return
        day = self.points[0].day + dt.timedelta(days=round((point.x() - _msecs(self.points[0].day)) / 86_400_000))
        if self.points[0].day <= day <= self.points[-1].day:
            self.dayClicked.emit(kind, day)


def _datetime(day: dt.date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))


def _msecs(day: dt.date) -> float:
    return float(_datetime(day).toMSecsSinceEpoch())
