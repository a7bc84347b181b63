"""A calculator result as a Danish reader sees it: «1.948.320 kr.», «25 %», Danish column names, the formula in
steps, and scenarios side by side. Pure functions over CalcResult.to_dict(), so the brief can use them too."""

from __future__ import annotations

from typing import Any

from gevinst.calculators.base import display_value
from gevinst.danish_numbers import format_number

YEAR = "år"


def value_text(value: Any, unit: str) -> str:
    """A number with its unit in Danish notation; text (already formatted by the calculator) stays as it is."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if unit in ("kr.", "%"):
        return display_value(float(value), unit)
    text = format_number(float(value), 2)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} {unit}".strip()


def formula_steps(formula: str) -> list[str]:
    """The shown calculation one step a line («årsværkspris = …; besparelse = …»)."""
    steps = [s.strip() for s in formula.split("; ")]
    return [s[0].upper() + s[1:] for s in steps if s]


def assumption_rows(result: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"Forudsætning": a["label"], "Værdi": value_text(a["value"], a["unit"]), "Kilde": a["source"]}
        for a in result["assumptions"]
    ]


def column_name(key: str) -> str:
    return key[:1].upper() + key[1:]


def cell_text(key: str, value: Any) -> str:
    """A table cell: the year stays a plain number; every other number in a calculator's table is kroner."""
    if isinstance(value, str):
        return value
    if key == YEAR:
        return str(value)
    return value_text(value, "kr.")


def table_rows(table: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{column_name(k): cell_text(k, v) for k, v in row.items()} for row in table]


def chart_series(table: list[dict[str, Any]]) -> tuple[str, str, list[dict[str, Any]]] | None:
    """What a result's own chart shows: kroner by year, or the tasks' contributions; None when nothing fits."""
    if not table:
        return None
    first = table[0]
    if YEAR in first:
        key = next((k for k in ("besparelse", "akkumuleret", "netto") if isinstance(first.get(k), int | float)), None)
        if key is None:
            return None
        points = [{"x": f"År {row[YEAR]}", "y": float(row[key]), "tekst": cell_text(key, row[key])} for row in table]
        return column_name(key), "kr.", points
    if "Bidrag" in first and "Opgave" in first:
        points = [{"x": row["Opgave"], "y": _percent_value(row["Bidrag"]), "tekst": row["Bidrag"]} for row in table]
        return "Bidrag til potentialet", "%", points
    return None


def _percent_value(text: str) -> float:
    return float(text.removesuffix("%").strip().replace(".", "").replace(",", "."))


def scenario(name: str, title: str, result: dict[str, Any]) -> dict[str, Any]:
    """A saved scenario for the comparison: its name, the calculator's Danish title and the result record."""
    return {"name": name, "title": title, "result": result}


def comparison_rows(scenarios: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One column per scenario; rows: the calculator, the result, then every input of any scenario."""
    names = [s["name"] for s in scenarios]
    rows = [
        {"": "Beregning", **{s["name"]: s["title"] for s in scenarios}},
        {"": "Resultat", **{s["name"]: f"{s['result']['label']}: {s['result']['display']}" for s in scenarios}},
    ]
    labels: list[str] = []
    for s in scenarios:
        labels += [a["label"] for a in s["result"]["assumptions"] if a["label"] not in labels]
    for label in labels:
        row = {"": label}
        for s, name in zip(scenarios, names):
            found = next((a for a in s["result"]["assumptions"] if a["label"] == label), None)
            row[name] = "–" if found is None else f"{value_text(found['value'], found['unit'])} ({_origin(found)})"
        rows.append(row)
    return rows


def _origin(assumption: dict[str, Any]) -> str:
    source = assumption["source"]
    return source.split(":")[0] if assumption.get("doc_id") else source


def comparison_points(scenarios: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The scenarios' results grouped by unit (kroner and years do not share an axis); a range has a high end."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in scenarios:
        r = s["result"]
        if r["value"] is None:
            continue
        high = r.get("high")
        groups.setdefault(r["unit"], []).append(
            {
                "x": s["name"],
                "y": float(r["value"]),
                "y2": float(high) if high is not None else None,
                "tekst": r["display"],
                "beregning": s["title"],
            }
        )
    return groups
