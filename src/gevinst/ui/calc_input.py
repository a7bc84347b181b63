"""The calculator form's text read as a person typed it. An empty field means «use the preset or the standard
value»; numbers may be Danish or English («35.000», «2,5», «45 mio. kr.»); every problem is told in Danish with
the field's label, never with a code name, and nothing the user types can raise past this module."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gevinst.calculators import CalculatorInputError, Input, Kind, Spec, show
from gevinst.calculators.base import MAX_AMOUNT
from gevinst.danish_numbers import find_quantities, format_number
from gevinst.danish_numbers import parse_number as _parse_token

_NOT_FINITE = {"nan", "inf", "+inf", "-inf", "infinity", "-infinity", "uendelig"}
_ECHO = 40  # characters of the user's text repeated in a message


@dataclass(frozen=True)
class FormReading:
    """The arguments for run_calculator and, when the form cannot run, what the user must fix."""

    arguments: dict[str, Any]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_form(spec: Spec, raw: Mapping[str, str]) -> FormReading:
    arguments: dict[str, Any] = {}
    problems: list[str] = []
    typed = {i.name for i in spec.inputs if str(raw.get(i.name) or "").strip()}
    for inp in spec.inputs:
        if inp.name in typed:
            try:
                arguments[inp.name] = read_value(inp, str(raw[inp.name]))
            except CalculatorInputError as exc:
                problems.append(str(exc))
    missing = [i.label for i in spec.required if i.name not in typed]
    if missing:
        problems.insert(0, "Udfyld de markerede felter: " + ", ".join(missing) + ".")
    for group in spec.one_of:
        labels = [spec.input(n).label for n in group]
        given = [n for n in group if n in typed]
        if not given:
            problems.append("Udfyld enten " + " eller ".join(labels) + ".")
        elif len(given) > 1:
            problems.append("Udfyld kun ét af felterne " + " og ".join(labels) + ".")
    return FormReading(arguments, tuple(problems))


def read_value(inp: Input, text: str) -> Any:
    if inp.kind is Kind.TASKS:
        return _tasks(inp, text)
    if inp.kind in (Kind.PERCENT_LIST, Kind.AMOUNT_LIST):
        return [_checked(inp, _number(inp.label, part), part) for part in _list_parts(text)]
    value = _checked(inp, _number(inp.label, text), text)
    return int(value) if inp.integer else value


def _echo(text: str) -> str:
    text = text.strip()
    return f"«{text[:_ECHO]}…»" if len(text) > _ECHO else f"«{text}»"


def _number(label: str, text: str) -> float:
    """One number in Danish or English notation, with an optional unit or scale word («2,5 mio. kr.»)."""
    cleaned = text.strip().replace("\u2212", "-").replace("\u00a0", " ")
    if cleaned.lower().replace(" ", "") in _NOT_FINITE:
        raise CalculatorInputError(f"{label}: {_echo(text)} er ikke et tal – skriv et almindeligt tal.")
    negative = cleaned.startswith("-")
    body = cleaned.lstrip("+-").strip()
    compact = body.replace(" ", "").removesuffix("%").removesuffix("kr.").removesuffix("kr")
    value: float | None = None
    try:
        value = _parse_token(compact)[0]
    except ValueError:
        found = find_quantities(body)
        if len(found) == 1 and found[0].text.strip() == body:
            value = found[0].value
    if value is None:
        raise CalculatorInputError(f"{label}: {_echo(text)} er ikke et tal – skriv fx 35.000 eller 2,5.")
    if not math.isfinite(value):
        raise CalculatorInputError(f"{label}: {_echo(text)} er urimeligt stort – tjek tallet.")
    return -value if negative else value


def _checked(inp: Input, value: float, text: str) -> float:
    """The declared bounds, said in Danish with the unit; a list has no upper bound declared, so a sane cap."""
    reason = None
    if inp.gt is not None and value <= inp.gt:
        reason = "skal være større end " + _bound(inp, inp.gt)
    elif inp.ge is not None and value < inp.ge:
        reason = "må ikke være negativ" if inp.ge == 0 else "skal være mindst " + _bound(inp, inp.ge)
    elif inp.le is not None and value > inp.le:
        reason = "må højst være " + _bound(inp, inp.le)
    elif abs(value) > MAX_AMOUNT:
        reason = "er urimeligt stort – tjek tallet"
    elif inp.integer and not float(value).is_integer():
        reason = "skal være et helt tal"
    if reason:
        raise CalculatorInputError(f"{inp.label}: {reason} (du skrev {_echo(text)}).")
    return value


def _bound(inp: Input, bound: float) -> str:
    kind = {Kind.PERCENT_LIST: Kind.PERCENT, Kind.AMOUNT_LIST: Kind.AMOUNT}.get(inp.kind, inp.kind)
    if kind is Kind.COUNT:
        return format_number(bound)
    return show(bound, kind)


def _list_parts(text: str) -> list[str]:
    """«10; 5; 5», one per line, or «10, 5, 5»; a single comma is a Danish decimal («2,5»)."""
    if re.search(r"[;\n]", text):
        parts = re.split(r"[;\n]", text)
    elif ", " in text or text.count(",") > 1:
        parts = text.split(",")
    else:
        parts = [text]
    return [p for p in (p.strip() for p in parts) if p]


def _tasks(inp: Input, text: str) -> list[dict[str, Any]]:
    """One task a line: «Journaliser og fordel; 18; 85» (name; share of the time %; efficiency %)."""
    tasks = []
    for n, line in enumerate((x for x in text.splitlines() if x.strip()), start=1):
        parts = [p.strip() for p in line.split(";")]
        if len(parts) == 2:
            parts.insert(0, f"Opgave {n}")
        if len(parts) != 3:
            raise CalculatorInputError(
                f"{inp.label}, linje {n}: skriv «opgave; andel af tiden; effektivisering», fx «Journaliser; 18; 85»."
            )
        share, effect = (_percent(f"{inp.label}, linje {n}", p) for p in parts[1:])
        tasks.append({"name": parts[0], "share_pct": share, "efficiency_pct": effect})
    return tasks


def _percent(label: str, text: str) -> float:
    value = _number(label, text)
    if not 0 <= value <= 100:
        raise CalculatorInputError(f"{label}: en procent skal ligge mellem 0 og 100 (du skrev {_echo(text)}).")
    return value


def preset_text(inp: Input) -> str:
    """What an empty field stands for, in words: «Tomt felt = 17 % (KOMBIT/KL 2014, afsnit 2.3 …)»."""
    if inp.preset is not None:
        return f"Tomt felt = {_value_text(inp, inp.preset.value)} ({inp.preset.source})"
    if inp.default is not None:
        return f"Tomt felt = {_value_text(inp, inp.default)} (standard)"
    return ""


def placeholder(inp: Input) -> str:
    if inp.kind is Kind.TASKS:
        value = inp.fallback or []
        return "\n".join(f"{t.name}; {format_number(t.share_pct)}; {format_number(t.efficiency_pct)}" for t in value)
    if inp.kind is Kind.PERCENT_LIST:
        return "fx 10; 5; 5"
    if inp.kind is Kind.AMOUNT_LIST:
        return "fx 120 mio.; 40 mio."
    if inp.fallback is not None:
        return _value_text(inp, inp.fallback) + (" (forudsætning)" if inp.preset is not None else " (standard)")
    return ""


def _value_text(inp: Input, value: Any) -> str:
    if inp.kind is Kind.TASKS:
        return f"{len(value)} opgaver"
    return show(value, inp.kind)


def clean_message(spec: Spec, message: str) -> str:
    """A calculator's own message with code names put into words («(monthly_salary)» out, «tasks:» → label)."""
    for inp in spec.inputs:
        message = re.sub(rf"\s?\({re.escape(inp.name)}\)", "", message)
        message = re.sub(rf"(?<![\w.]){re.escape(inp.name)}(\.\d+)*(\.\w+)?:", inp.label + ":", message)
    return message.replace("– input: ", "– ")
