"""Plots as SVG, without matplotlib: the geometry is computed here, the markup is written by
the Jinja templates `templates/plots/*.svg.j2` (autoescaped: labels may come from students).

Three kinds: two for the class report,

- `histogram(counts, edges)` — vertical bars over bins, the count on each bar;
- `hbars(rows)` — horizontal bars, one row per label, each bar made of coloured segments
  (a stacked bar of statuses, or one segment for a rate), the row's value on the right;

and one for a student's page (`grade --html`, its templates in grader/templates/plots/):

- `lines(series)` — a loss per step, the student's run against the reference's, its
  labels in both languages (the page shows one).

Each function returns the SVG text; sizes are in CSS pixels, and every bar has a `<title>`
(a tooltip, and what a screen reader says).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import jinja2

from grader.i18n import Text

FONT = 12  # px; labels are measured with CHAR (an average width) to lay rows out
CHAR = 7.0


@dataclass
class Segment:
    value: float  # in the units of the axis (a count, or a share 0..1)
    color: str
    title: str
    x: float = 0.0
    width: float = 0.0


@dataclass
class Row:
    label: str
    segments: list[Segment]
    value_text: str = ""
    title: str = ""  # the full label when the shown one is shortened
    group: str = ""  # rows of one group sit together; a new group draws a separator
    y: float = 0.0
    separator: bool = False


@dataclass
class Plot:
    kind: str
    width: float
    height: float
    title: str
    data: dict = field(default_factory=dict)


def shorten(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(1, chars - 1)] + "…"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top` (a count axis)."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    ticks, value = [], 0.0
    while value < top + step / 2:
        ticks.append(value)
        value += step
    if ticks[-1] < top:
        ticks.append(value)
    return ticks


def histogram(env: jinja2.Environment, counts: list[int], edges: list[float], *,
              title: str, x_label: str, y_label: str, unit: str = "",
              width: float = 640, height: float = 300) -> str:
    """Bars over the bins [edges[i], edges[i+1]) with their counts; a y axis of counts."""
    left, right, top, bottom = 48, 16, 44, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(max(counts, default=0))
    scale = plot_h / ticks[-1]
    bin_w = plot_w / max(1, len(counts))
    bars = []
    for i, count in enumerate(counts):
        h = count * scale
        bars.append({"x": left + i * bin_w + 2, "y": top + plot_h - h, "w": bin_w - 4,
                     "h": h, "count": count,
                     "title": f"{edges[i]:g}–{edges[i + 1]:g}{unit}: {count}"})
    x_ticks = [{"x": left + i * bin_w, "label": f"{edge:g}{unit}"}
               for i, edge in enumerate(edges)]
    y_ticks = [{"y": top + plot_h - t * scale, "label": f"{t:g}"} for t in ticks]
    return _render(env, "histogram.svg.j2", Plot(
        "histogram", width, height, title,
        {"bars": bars, "x_ticks": x_ticks, "y_ticks": y_ticks, "left": left, "top": top,
         "plot_w": plot_w, "plot_h": plot_h, "x_label": x_label, "y_label": y_label}))


def hbars(env: jinja2.Environment, rows: list[Row], *, title: str, axis_max: float,
          axis_label: str, percent: bool = False, legend: list[tuple[str, str]] = (),
          width: float = 900, row_h: float = 22, label_chars: int = 44) -> str:
    """One horizontal bar per row, made of its segments laid end to end from 0."""
    label_w = min(label_chars, max([len(r.label) for r in rows] + [8])) * CHAR + 12
    value_w = 96
    left = label_w
    plot_w = width - left - value_w
    top = 28 + (22 if legend else 0)
    ticks = [0, 0.25, 0.5, 0.75, 1.0] if percent else nice_ticks(axis_max)
    axis_top = ticks[-1]
    y = top
    previous = None
    for row in rows:
        row.separator = previous is not None and row.group != previous
        if row.separator:
            y += 8
        row.y = y
        row.title = row.title or row.label
        row.label = shorten(row.label, label_chars)
        x = left
        for seg in row.segments:
            seg.x = x
            seg.width = plot_w * seg.value / axis_top if axis_top > 0 else 0
            x += seg.width
        y += row_h
        previous = row.group
    height = y + 36
    grid = [{"x": left + plot_w * t / axis_top if axis_top else left,
             "label": f"{t * 100:g} %" if percent else f"{t:g}"} for t in ticks]
    legend_items = []
    lx = left
    for name, color in legend:
        legend_items.append({"x": lx, "name": name, "color": color})
        lx += 24 + len(name) * CHAR
    return _render(env, "hbars.svg.j2", Plot(
        "hbars", width, height, title,
        {"rows": rows, "left": left, "top": top, "plot_w": plot_w, "row_h": row_h,
         "bar_h": row_h - 6, "bottom": y, "grid": grid, "axis_label": axis_label,
         "legend": legend_items, "value_x": left + plot_w + 6}))


def _render(env: jinja2.Environment, template: str, plot: Plot) -> str:
    return env.get_template(f"plots/{template}").render(plot=plot, font=FONT, **plot.data)


@dataclass
class Series:
    """One line of a line plot: its points (None where the value was not finite)."""

    key: str  # a CSS class: "student", "reference"
    label: Text
    color: str
    steps: list[int]
    values: list[float | None]
    dash: str = ""  # an SVG stroke-dasharray
    paths: list[str] = field(default_factory=list)  # "x,y x,y …" per finite stretch
    last: dict | None = None  # the last finite point: x, y, step, value
    broke_at: int | None = None  # the first step whose value was not finite


def _log_ticks(low: float, high: float) -> list[float]:
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    every = max(1, math.ceil((last - first) / 6))
    exponents = [first]
    while exponents[-1] < last:  # the top tick at or above the highest value
        exponents.append(exponents[-1] + every)
    return [10.0 ** e for e in exponents]


def _linear_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = [start]
    while ticks[-1] < high - 1e-12 * step:
        ticks.append(ticks[-1] + step)
    return ticks


def lines(env: jinja2.Environment, series: list[Series], *, title: Text, x_label: Text,
          y_label: Text, log: bool = True, width: float = 640, height: float = 300) -> str:
    """Lines over steps, one per series; a log y axis when `log` and the positive values
    span more than a decade (a value ≤ 0 then sits on the axis' floor). A stretch of
    non-finite values breaks a line; where a series stops being finite it is marked."""
    left, right, top, bottom = 64, 16, 40, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    finite = [v for s in series for v in s.values if v is not None]
    last_step = max([st for s in series for st in s.steps[-1:]] + [1])
    positive = [v for v in finite if v > 0]
    use_log = bool(log and positive and max(positive) > 10 * min(positive))
    if use_log:
        high = max(positive)
        low = max(min(positive), high * 1e-15)
        ticks = _log_ticks(low, high)
        y_low, y_high = math.log10(ticks[0]), math.log10(ticks[-1])

        def to_y(v: float) -> float:
            return math.log10(min(max(v, ticks[0]), ticks[-1]))
    else:
        low = min(finite + [0.0])
        high = max(finite + [1e-12])
        ticks = _linear_ticks(low, high)
        y_low, y_high = ticks[0], ticks[-1]

        def to_y(v: float) -> float:
            return v
    span = (y_high - y_low) or 1.0

    def px(step: int, v: float) -> tuple[float, float]:
        return (round(left + plot_w * step / last_step, 2),
                round(top + plot_h * (1 - (to_y(v) - y_low) / span), 2))

    for s in series:
        stretch: list[str] = []
        for step, v in zip(s.steps, s.values, strict=True):
            if v is None:
                if s.broke_at is None:
                    s.broke_at = step
                if stretch:
                    s.paths.append(" ".join(stretch))
                stretch = []
                continue
            x, y = px(step, v)
            stretch.append(f"{x},{y}")
            s.last = {"x": x, "y": y, "step": step, "value": v}
        if stretch:
            s.paths.append(" ".join(stretch))
    y_ticks = [{"y": px(0, t)[1], "label": f"{t:.0e}" if use_log else f"{t:g}"}
               for t in ticks]
    x_ticks = [{"x": px(int(t), ticks[0])[0], "label": f"{int(t)}"}
               for t in _linear_ticks(0, last_step) if t <= last_step]
    legend, lx = [], left
    for s in series:
        legend.append({"x": lx, "series": s})
        lx += 200
    return _render(env, "lines.svg.j2", Plot(
        "lines", width, height, "", {"series": series, "x_ticks": x_ticks, "y_ticks": y_ticks,
                                     "left": left, "top": top, "plot_w": plot_w,
                                     "plot_h": plot_h, "x_label": x_label, "y_label": y_label,
                                     "legend": legend, "log": use_log, "texts": title}))
