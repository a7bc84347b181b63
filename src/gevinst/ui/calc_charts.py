"""Charts of calculator results with Danish numbers on the axes: Vega-Lite's number locale set to «.» for
thousands and «,» for decimals, and each bar labelled with the calculator's own Danish text."""

from __future__ import annotations

from typing import Any

import altair as alt

DANISH_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}
AXIS_FORMAT = ",.2~f"  # 2.000.000 and 3,33: grouping, at most two decimals, no trailing zeros
BAR = "#2f6b9a"


def _danish(chart: alt.TopLevelMixin) -> alt.LayerChart:
    return chart.configure(locale={"number": DANISH_NUMBERS}).configure_axis(labelFontSize=13, titleFontSize=13)


def _axis_title(title: str, unit: str) -> str:
    return f"{title} ({unit})" if unit else title


def result_chart(title: str, unit: str, points: list[dict[str, Any]]) -> alt.LayerChart:
    """A result's own series: kroner by year as columns; named categories (tasks) as rows, so long names fit."""
    rows = any(len(str(p["x"])) > 12 for p in points)
    category = alt.X if not rows else alt.Y
    amount = alt.Y if not rows else alt.X
    top = max((float(p["y"]) for p in points), default=0.0)
    room = alt.Scale(domain=[0, top * 1.15]) if rows and top > 0 else alt.Undefined  # the end labels must fit
    base = alt.Chart(alt.Data(values=points)).encode(
        category("x:N", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelLimit=320, labelFontSize=13)),
        amount("y:Q", title=_axis_title(title, unit), axis=alt.Axis(format=AXIS_FORMAT), scale=room),
        tooltip=[alt.Tooltip("x:N", title=" "), alt.Tooltip("tekst:N", title=title)],
    )
    bars = base.mark_bar(color=BAR)
    labels = base.mark_text(**({"dx": 6, "align": "left"} if rows else {"dy": -8}), fontSize=13).encode(text="tekst:N")
    return _danish((bars + labels).properties(height=max(300, 34 * len(points)) if rows else 300))


def comparison_chart(unit: str, points: list[dict[str, Any]]) -> alt.LayerChart:
    """Scenarios side by side; a range result draws its span from the low to the high end in a lighter shade."""
    data = alt.Data(values=points)
    x = alt.X("x:N", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelLimit=400, labelFontSize=14))
    y_title = _axis_title("Resultat", unit)
    tooltip = [
        alt.Tooltip("x:N", title="Scenarie"),
        alt.Tooltip("beregning:N", title="Beregning"),
        alt.Tooltip("tekst:N", title="Resultat"),
    ]
    low = (
        alt.Chart(data)
        .mark_bar(color=BAR)
        .encode(x=x, y=alt.Y("y:Q", title=y_title, axis=alt.Axis(format=AXIS_FORMAT)), tooltip=tooltip)
    )
    layers = [low]
    if any(p.get("y2") is not None for p in points):
        layers.append(
            alt.Chart(data)
            .transform_filter("datum.y2 != null")
            .mark_bar(color=BAR, opacity=0.4)
            .encode(x=x, y="y:Q", y2="y2:Q", tooltip=tooltip)
        )
    top = "max(datum.y, datum.y2 == null ? datum.y : datum.y2)"
    layers.append(
        alt.Chart(data)
        .transform_calculate(top=top)
        .mark_text(dy=-8, fontSize=13)
        .encode(x=x, y="top:Q", text="tekst:N")
    )
    return _danish(alt.layer(*layers).properties(height=320))
