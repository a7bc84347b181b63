"""Tool calls written as text by a local model, and the check every model's arguments pass before a calculator runs.

Small models write a call in their own format (Qwen: `<tool_call>{...}</tool_call>`) or as a fenced JSON block,
sometimes with arithmetic inside (`"rate": 2000000 / 52`) or with an input the question never gave. Arithmetic in a
model's text is never evaluated: that argument is dropped, and it is a sign the question needs an arithmetic
calculator. Every dropped argument is said, to the model in the tool result and to the user in the answer."""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from gevinst.calculators import CALCULATORS, CalculatorInputError, parse_number_text
from gevinst.danish_numbers import Quantity, find_quantities

# The lead's arithmetic calculators, named here so a dropped expression can point to them once they exist.
ARITHMETIC = ("percent_of", "percent_change", "total", "difference", "over_years", "rate_scaling", "cases_per_fte")

_TAGGED = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.DOTALL)
_FENCED = re.compile(r"```(?:json|tool_call)?\s*\n?(.*?)```", re.DOTALL | re.IGNORECASE)
_BARE = re.compile(r"^\s*(\{.*\})\s*$", re.DOTALL)
_OPEN = re.compile(r"^\s*(\{\s*\"(?:name|tool)\".*)$", re.DOTALL)  # a call cut off at the token limit
# A JSON value that is an expression (2000000 / 52) or a Danish number with thousands dots (30.000).
_EXPRESSION = re.compile(r"(:\s*)(-?\(?\d[\d.,]*\)?(?:\s*[-+*/×x]\s*\(?\d[\d.,]*\)?)+)(\s*[,}\]\n])")
_THOUSANDS = re.compile(r"(:\s*)(\d{1,3}(?:\.\d{3})+(?:,\d+)?)(\s*[,}\]\n])")
_OPERATOR = re.compile(r"\d\s*[-+*/×x]\s*\(?\d")


@dataclass(frozen=True)
class TextCall:
    name: str
    args: dict[str, Any]


def parse_tool_calls(text: str) -> tuple[list[TextCall], str]:
    """The calls written in `text` and the text without them. Text with no call comes back unchanged."""
    for pattern in (_TAGGED, _FENCED, _BARE, _OPEN):
        calls, rest = [], text
        for match in pattern.finditer(text):
            found = _calls_in(match.group(1))
            if found:
                calls += found
                rest = rest.replace(match.group(0), "")
        if calls:
            return calls, rest.strip()
    return [], text


def _calls_in(raw: str) -> list[TextCall]:
    data = _lenient_json(raw)
    items = data if isinstance(data, list) else [data]
    calls = []
    for item in items:
        if not isinstance(item, dict):
            continue
        item = item.get("function", item) if isinstance(item.get("function"), dict) else item
        name = item.get("name") or item.get("tool")
        args: Any = next((item[k] for k in ("arguments", "parameters", "args") if k in item), {})
        if isinstance(args, str):
            args = _lenient_json(args)
        if isinstance(name, str) and isinstance(args, dict):
            calls.append(TextCall(name, args))
    return calls


def _lenient_json(raw: str) -> Any:
    """JSON as a model writes it: expressions and Danish numbers become strings, so nothing is computed here."""
    text = _THOUSANDS.sub(r'\1"\2"\3', _EXPRESSION.sub(r'\1"\2"\3', raw.strip()))
    text = re.sub(r",\s*([}\]])", r"\1", text)  # trailing commas
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return _salvaged(text)


def _salvaged(text: str, tries: int = 200) -> Any:
    """A call the model did not finish (it ran on, inventing inputs, until the token limit): the pairs it
    completed, closed. What it invented is then dropped by the argument check like any unknown input."""
    for _ in range(tries):
        cut = text.rfind(",")
        if cut <= 0:
            return None
        text = text[:cut]
        closing = "}" * max(text.count("{") - text.count("}"), 0)
        try:
            return json.loads(text + closing)
        except json.JSONDecodeError:
            continue
    return None


@dataclass(frozen=True)
class CheckedArguments:
    arguments: dict[str, Any]
    dropped: list[str] = field(default_factory=list)  # one Danish sentence per dropped argument
    needs_arithmetic: bool = False


def check_arguments(name: str, args: dict[str, Any], question: str, passages: str) -> CheckedArguments:
    """Keep the arguments the calculator declares and the question (or, for a required input, a passage) gave.

    An optional input only the model thought of is dropped so the calculator's documented default applies."""
    calc = CALCULATORS.get(name)
    if calc is None:
        return CheckedArguments(dict(args))  # the calculator registry answers unknown names itself
    asked, read = find_quantities(question), find_quantities(question + " " + passages)
    kept: dict[str, Any] = {}
    dropped = []
    for key, value in args.items():
        info = calc.inputs.model_fields.get(key)
        if info is None:
            dropped.append(f"«{key}» er ikke et input til {name}")
        elif value is not None:
            sources = [
                q for q in (read if info.is_required() else asked) if (q.kind == "percent") == _percent(key, info)
            ]
            value, reason = _checked(key, value, info, sources)
            if reason:
                dropped.append(reason)
            else:
                kept[key] = value
    arithmetic = any(args.get(key) is not None and _is_expression(args[key]) for key in args)
    if arithmetic and (helpers := [n for n in ARITHMETIC if n in CALCULATORS and n != name]):
        dropped.append("spørgsmålet kræver en regneberegning: " + ", ".join(helpers))
    return CheckedArguments(kept, dropped, arithmetic)


def _checked(key: str, value: Any, info: Any, sources: list[Quantity]) -> tuple[Any, str]:
    """(the value to pass, "") or (None, why it was dropped)."""
    if _is_expression(value):
        return None, f"«{key}» var et regnestykke ({value}), ikke et tal; modellens regnestykker udregnes ikke"
    if _numeric(info.annotation):
        number = _as_number(value)
        if number is None:
            return None, f"«{key}» var ikke et tal ({value!r})"
        value = number
    if not all(_stated(v, sources) for v in _numbers_in(value)):
        where = "spørgsmålet eller kilderne" if info.is_required() else "spørgsmålet"
        return None, f"«{key}» = {_plain(value)} står ikke i {where}"
    return value, ""


def _plain(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _percent(key: str, info: Any) -> bool:
    """A percentage input is given only by a percentage («40 %»), any other only by a number that is not one:
    a model once passed the question's «40 %» as the number of FTEs."""
    return key.endswith("_pct") or "%" in (info.description or "")


def _numeric(annotation: Any) -> bool:
    if annotation in (int, float):
        return True
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    return union and all(a in (int, float, type(None)) for a in typing.get_args(annotation))


def _is_expression(value: Any) -> bool:
    return isinstance(value, str) and bool(_OPERATOR.search(value))


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return parse_number_text(value, "")
        except CalculatorInputError:
            return None
    return None


def _numbers_in(value: Any) -> list[float]:
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers_in(v)]
    if isinstance(value, list | tuple):
        return [n for v in value for n in _numbers_in(v)]
    return []


def _stated(value: float, quantities: list[Quantity]) -> bool:
    value = abs(value)  # a sign is not written as part of a Danish quantity («-2» reads as 2)
    return any(abs(q.value - value) <= max(0.005 * value, q.resolution / 2) + 1e-9 for q in quantities)
