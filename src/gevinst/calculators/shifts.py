"""Moving volume to a cheaper route: to a cheaper channel (channel shift), or purchases onto the agreements
(compliance). Each is declared once (`Spec`) beside its arithmetic."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import MAX_AMOUNT, CalcInput, CalcResult, kr, num, pct
from gevinst.calculators.presets import klk
from gevinst.calculators.spec import Input, Kind, Period, Spec


def _channel(i: Any) -> CalcResult:
    value = i.volume * i.moved_share_pct / 100 * (i.cost_from - i.cost_to)
    share = f" × {pct(i.moved_share_pct)}" if i.moved_share_pct < 100 else ""
    return CalcResult(
        "channel_shift",
        value,
        "kr.",
        "Besparelse pr. år",
        f"Besparelse = {num(i.volume)}{share} × ({kr(i.cost_from)} − {kr(i.cost_to)}) = {kr(value)} om året.",
        [],
        warnings=["Den nye kanal er dyrere end den gamle; flytningen koster penge."] if value < 0 else [],
    )


CHANNEL_SHIFT = Spec(
    "channel_shift",
    "Kanalskift",
    "Kanalskift: antal × (pris i gammel kanal − pris i ny kanal) (Hjørring, klk s. 52–53)",
    (
        Input(
            "volume",
            "Antal der flyttes pr. år",
            Kind.COUNT,
            ("flytte", "erstatte", "om året", "årligt", "move", "replace", "shift"),
            le=1e9,
            period=Period.YEAR,
            scales=True,
        ),
        Input(
            "cost_from",
            "Pris pr. styk i den gamle kanal",
            Kind.AMOUNT,
            (
                "fysisk",
                "butik",
                "gammel",
                "i dag",
                "nu",
                "brev",
                "papir",
                "personlig",
                "fremmøde",
                "physical",
                "shop",
                "paper",
                "today",
                "now",
                "fra",
                "from",
                "telefon",
                "opkald",  # «et opkald koster 55 kr.»: a call is the old channel a shift moves from
                "skranke",
                "phone",
                "call",
                "counter",
                "manuel",  # «en manuel faktura koster 85 kr.»: handled by hand is the old channel
                "manual",
                "analog",
            ),
            False,
            klk(330, 52, "køb i butik 330 kr. (Hjørring)"),
            le=1e7,
            named_presets=(
                (
                    ("telefon", "mail", "phone", "e-mail"),
                    klk(175, 52, "køb via telefon eller mail 175 kr. (Hjørring)"),
                ),
            ),
            each=True,
        ),
        Input(
            "cost_to",
            "Pris pr. styk i den nye kanal",
            Kind.AMOUNT,
            (
                "digital",
                "e-handel",
                "e-commerce",
                "video",
                "online",
                "selvbetjening",
                "ny",
                "web",
                "app",
                "new",
                "chat",
                "self-service",
                "elektronisk",
                "electronic",
                "→",  # «(kr. 120 → kr. 30)»: the price after the arrow is the new channel's
                "->",
            ),
            False,
            klk(90, 52, "køb via e-handel 90 kr. (Hjørring)"),
            le=1e7,
            each=True,
        ),
        Input(  # «38.000 opkald …, hvis halvdelen flytter»: only the share that moves saves
            "moved_share_pct",
            "Andel af antallet der flyttes",
            Kind.PERCENT,
            (
                "flytter",
                "flyttes",
                "flytte",
                "går over",
                "over på",  # «få 60 pct. af dem over på e-handel»
                "overgår",
                "bliver digital",
                "går digital",
                "moves",
                "move",
                "shift",
                "switch",
                "go digital",
                "goes digital",
            ),
            False,
            default=100,
            le=100,
        ),
    ),
    _channel,
    (
        "kanal",
        "går over",
        "over til",  # «går de over til Digital Post», «flytte dem over til chat»
        "over på",
        "overgår",
        "skifter til",
        "flyt",
        "erstatte",
        "erstatter",
        "i stedet",
        "overgå",
        "skifte",
        "channel",
        "replace",
        "move",
        "moving",
        "switch",
        "instead of",
        # «Hvis hver anden blanket bliver digital …»: the paper channel gives way to the digital one
        "bliver digital",
        "går digital",
        "go digital",
        "goes digital",
    ),
    needs_goal=True,
    named_together=("cost_from", "cost_to"),
)


class ComplianceBase(CalcInput):
    @model_validator(mode="after")
    def _order(self) -> ComplianceBase:
        if getattr(self, "target_share_pct", 0) < getattr(self, "current_share_pct", 0):
            raise ValueError("målet for andelen skal være mindst lige så stort som den nuværende andel")
        return self


def _compliance(i: Any) -> CalcResult:
    value = (i.target_share_pct - i.current_share_pct) / 100 * i.price_saving_pct / 100 * i.purchase_volume
    return CalcResult(
        "compliance_savings",
        value,
        "kr.",
        "Besparelse pr. år",
        f"Besparelse = ({pct(i.target_share_pct)} − {pct(i.current_share_pct)}) × {pct(i.price_saving_pct)} × "
        f"{kr(i.purchase_volume)} = {kr(value)}.",
        [],
    )


COMPLIANCE_SAVINGS = Spec(
    "compliance_savings",
    "Øget compliance",
    "Øget compliance/e-handelsandel × prisbesparelse × indkøbsvolumen (klk s. 46)",
    (
        Input(
            "purchase_volume",
            "Indkøbsvolumen pr. år",
            Kind.AMOUNT,
            ("indkøb", "køber", "volumen", "purchas", "spend"),
            le=MAX_AMOUNT,
        ),
        Input(
            "current_share_pct",
            "Nuværende andel",
            Kind.PERCENT,
            ("i dag", "nu", "nuværende", "fra", "current", "today", "from"),
            le=100,
        ),
        Input(
            "target_share_pct",
            "Mål for andelen",
            Kind.PERCENT,
            ("mål", "målet", "målsætning", "sigter mod", "til", "op på", "hæve", "target", "aim", "to", "raise"),
            le=100,
        ),
        Input(
            "price_saving_pct",
            "Prisbesparelse på aftale",
            Kind.PERCENT,
            (
                "billigere",
                "lavere",  # «aftalepriserne er 7 % lavere», «ligger 8 % under markedet»
                "under markedet",
                "prisbesparelse",
                "rabat",
                "sparer",
                "cheaper",
                "lower",
                "below market",
                "saving",
                "discount",
            ),
            le=100,
        ),
    ),
    _compliance,
    (
        "compliance",
        "aftaleoverholdelse",
        "e-handelsgrad",
        "e-handelsandel",
        "købsloyalitet",
        "indkøbsaftale",
        "aftalerne",
        # «aftalepriserne ligger 8 % under markedet»: the agreements' prices are what compliance gains
        "aftalepris",
        "agreement price",
    ),
    ComplianceBase,
    method=klk("compliance", 46),
    named_together=("current_share_pct", "target_share_pct"),
)


def _compliance_gain(i: Any) -> CalcResult:
    value = i.share_gain_pct / 100 * i.price_saving_pct / 100 * i.purchase_volume
    return CalcResult(
        "compliance_gain",
        value,
        "kr.",
        "Besparelse pr. år",
        f"Besparelse = {num(i.share_gain_pct)} procentpoint × {pct(i.price_saving_pct)} × {kr(i.purchase_volume)} = "
        f"{kr(value)}.",
        [],
    )


# The same method when the question gives the rise in share itself («Hvis compliance øges med 10 procentpoint …»),
# not today's share and the goal: the rise is their difference.
COMPLIANCE_GAIN = Spec(
    "compliance_gain",
    "Øget compliance i procentpoint",
    "Stigning i compliance/e-handelsandel (procentpoint) × prisbesparelse × indkøbsvolumen (klk s. 46)",
    (
        COMPLIANCE_SAVINGS.input("purchase_volume"),
        Input(
            "share_gain_pct",
            "Stigning i andelen (procentpoint)",
            Kind.PERCENT,
            ("procentpoint", "point", "øges med", "øger med", "stiger med", "hæves med", "percentage point"),
            gt=0,
            ge=None,
            le=100,
            points=True,
        ),
        COMPLIANCE_SAVINGS.input("price_saving_pct"),
    ),
    _compliance_gain,
    COMPLIANCE_SAVINGS.goal_cues,
    method=klk("compliance", 46),
    needs_goal=True,
)
