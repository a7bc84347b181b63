"""Result and input types shared by every calculator. No LangChain here: these are pure functions."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from gevinst.danish_numbers import format_kr, format_number, format_pct

KOMBIT = "kombit-2014-gevinstrealisering-ky-ksd"
KLK = "klk-2017-kommunale-veje"
KL09 = "kl-2009-objektiv-sagsbehandling"
KL14 = "kl-2014-10-gode-eksempler"
MAX_AMOUNT = 1e12  # 1.000 mia. kr.: far above any municipal budget; larger is a typing error


class CalculatorInputError(ValueError):
    """Invalid input, explained in Danish with the field name and the allowed range."""


class CalcInput(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


@dataclass(frozen=True)
class Assumption:
    name: str
    label: str
    value: float | str
    unit: str
    source: str  # "document-id §section" or "document-id s. N" or "dit input"
    doc_id: str = ""
    page: int | None = None
    section: str = ""


@dataclass
class CalcResult:
    name: str
    value: float | None
    unit: str
    label: str
    formula: str
    assumptions: list[Assumption]
    figures: dict[str, float | None] = field(default_factory=dict)
    table: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    high: float | None = None  # the upper end when the result is a range (the sum of ranges)

    @property
    def display(self) -> str:
        if self.high is not None and self.value is not None and self.high != self.value:
            low, high = display_value(self.value, self.unit), display_value(self.high, self.unit)
            return f"{low.removesuffix(' ' + self.unit)}–{high}"
        return display_value(self.value, self.unit)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = _plain(self.value)
        data["high"] = _plain(self.high)
        data["display"] = self.display
        data["figures"] = {k: _plain(v) for k, v in self.figures.items()}
        return data


def _plain(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), 2)
    return int(rounded) if rounded == int(rounded) else rounded


def display_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "kr.":
        return format_kr(Decimal(str(value)))
    if unit == "%":
        return format_pct(value)
    if unit in {"år", "årsværk"}:
        return f"{format_number(value, 2)} {unit}"
    if unit == "timer":
        return f"{format_number(value, 1)} timer"
    return f"{format_number(value, 2)} {unit}".strip()


_MESSAGES = {
    "greater_than_equal": "skal være mindst {ge}",
    "greater_than": "skal være større end {gt}",
    "less_than_equal": "må højst være {le}",
    "less_than": "skal være mindre end {lt}",
    "finite_number": "skal være et endeligt tal (ikke NaN eller uendelig)",
    "float_parsing": "skal være et tal",
    "int_parsing": "skal være et helt tal",
    "float_type": "skal være et tal",
    "extra_forbidden": "er ikke en parameter til denne beregning",
}


def explain(exc: ValidationError, model: type[BaseModel] | None = None) -> str:
    parts = []
    for err in exc.errors():
        name = ".".join(str(x) for x in err["loc"]) or "input"
        given = err.get("input")
        if err["type"] in {"greater_than", "greater_than_equal"} and isinstance(given, int | float) and given < 0:
            # a minus sign read from a question («-2 mio. kr.») is refused, never silently dropped
            parts.append(f"{name}: må ikke være negativ (fik {_danish(given)})")
            continue
        ctx = err.get("ctx", {})
        template = _MESSAGES.get(err["type"])
        ctx = {k: (_danish(v) if isinstance(v, int | float) else v) for k, v in ctx.items()}
        reason = template.format(**ctx) if template else str(err["msg"]).removeprefix("Value error, ")
        given = err["input"]
        shown = _danish(given) if isinstance(given, int | float) and math.isfinite(given) else repr(given)
        got = f" (fik {shown})" if err["loc"] and err["type"] != "missing" else ""
        parts.append(f"{name}: {reason}{got}")
    return "Ugyldigt input – " + "; ".join(parts)


def kl_fte_price() -> Any:
    """KL's price of an årsværk (Deloitte's 480.000 kr., KL 2009 ch. 4.4), a preset a question can name."""
    from gevinst.calculators.spec import Preset

    return (
        ("kl's pris", "kls pris", "kl's årsværkspris", "kl-prisen", "deloitte", "kl's price", "kl price"),
        Preset(
            480000,
            "KL 2009, kap. 4.4: Deloittes pris på et årsværk, 480.000 kr.",
            KL09,
            None,
            "4.4 Effektiviseringspotentiale",
        ),
    )


def _danish(value: float) -> str:
    text = format_number(value, 2) if abs(value) < 1e15 else f"{value:g}"
    return text.rstrip("0").rstrip(",") if "," in text else text


def kr(value: float) -> str:
    return format_kr(Decimal(str(value)))


def pct(value: float) -> str:
    return format_pct(value)


def num(value: float, places: int = 2) -> str:
    text = format_number(value, places)
    return text.rstrip("0").rstrip(",") if "," in text else text
