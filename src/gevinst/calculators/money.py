"""Money methods: baseline reductions, unit rates, channel shift, compliance, avoided cost, business cases.
Each is declared once (`Spec`) beside its arithmetic."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import KL14, KLK, MAX_AMOUNT, CalcInput, CalcResult, kl_fte_price, kr, pct
from gevinst.calculators.spec import Input, Kind, Preset, Spec
from gevinst.calculators.staff import num


def _klk(value: Any, page: int, what: str = "") -> Preset:
    return Preset(value, f"KL/KLK 2017, s. {page}" + (f": {what}" if what else ""), KLK, page)


class YearlyBase(CalcInput):
    @model_validator(mode="after")
    def _sum(self) -> YearlyBase:
        pcts = getattr(self, "yearly_pcts", [])
        if not pcts:
            raise ValueError("angiv mindst én årlig procent")
        if len(pcts) > 30:
            raise ValueError("højst 30 år")
        if any(p < 0 or p > 100 for p in pcts):
            raise ValueError("hver årlig procent skal ligge mellem 0 og 100")
        if sum(pcts) > 100:
            raise ValueError(f"de årlige procenter summerer til {sum(pcts):g} %; højst 100 %")
        return self


def _baseline(i: Any) -> CalcResult:
    rows, cumulative = [], 0.0
    for year, p in enumerate(i.yearly_pcts, start=1):
        cumulative += p
        rows.append(
            {
                "år": year,
                "reduktion": pct(p),
                "akkumuleret": pct(cumulative),
                "besparelse": round(i.baseline * cumulative / 100, 2),
            }
        )
    full = i.baseline * cumulative / 100
    steps = " + ".join(pct(p) for p in i.yearly_pcts)
    return CalcResult(
        "baseline_reduction",
        full,
        "kr.",
        "Besparelse ved fuld effekt",
        "Besparelse i år t = udgangspunkt × summen af de årlige procenter til og med år t (lagt til på det "
        f"oprindelige udgangspunkt): {kr(i.baseline)} × ({steps}) = {kr(i.baseline)} × {pct(cumulative)} = {kr(full)}.",
        [],
        {"total_pct": cumulative},
        rows,
        []
        if 15 <= cumulative <= 25
        else [
            "Rapporten angiver 15–25 % ved centralisering af løn og regnskab (s. 15); "
            f"din samlede reduktion er {pct(cumulative)}."
        ],
    )


BASELINE_REDUCTION = Spec(
    "baseline_reduction",
    "Reduktion af et udgangspunkt",
    "Besparelse som årlige procenter af et udgangspunkt (klk s. 15, 22)",
    (
        Input(
            "baseline",
            "Udgangspunkt",
            Kind.AMOUNT,
            ("udgangspunkt", "lønsum", "budget", "udgift", "baseline", "payroll", "spending"),
            le=MAX_AMOUNT,
        ),
        Input(
            "yearly_pcts",
            "Reduktion pr. år",
            Kind.PERCENT_LIST,
            ("år 1", "år 2", "første år", "andet år", "yderligere", "year 1", "year 2"),
        ),
    ),
    _baseline,
    (
        "år 1",
        "år 2",
        "første år",
        "andet år",
        "yderligere",
        "year one",
        "year 1",
        "the first year",
        "hvert år",
        "de følgende år",
    ),
    YearlyBase,
    method=_klk("procenter lægges til på det oprindelige udgangspunkt", 22),
)


def _unit_rate(i: Any) -> CalcResult:
    value = i.rate * i.count
    return CalcResult(
        "unit_rate_scaling", value, "kr.", "Beløb i alt", f"Beløb = {kr(i.rate)} × {num(i.count)} = {kr(value)}.", []
    )


UNIT_RATE_SCALING = Spec(
    "unit_rate_scaling",
    "Beløb pr. enhed × antal",
    "Beløb pr. enhed × antal enheder (klk s. 36, 42)",
    (
        Input(
            "rate",
            "Beløb pr. enhed",
            Kind.AMOUNT,
            ("pr.", "per", "hver", "each", "årsværkspris", "pris", "stykpris", "koster", "costs"),
            le=MAX_AMOUNT,
            named_presets=(kl_fte_price(),),
        ),
        Input("count", "Antal enheder", Kind.COUNT, ("antal", "medarbejdere", "ansatte", "borgere", "årsværk"), le=1e9),
    ),
    _unit_rate,
    (
        "hvad koster",
        "what does it cost",
        "what do they cost",
        "pr. medarbejder",
        "pr. ansat",
        "pr. indbygger",
        "pr. borger",
        "pr. årsværk",
        "per employee",
        "per resident",
        "per fte",
        "samlet",
        "i alt",
        "in total",
        "altogether",
    ),
)


def _channel(i: Any) -> CalcResult:
    value = i.volume * (i.cost_from - i.cost_to)
    return CalcResult(
        "channel_shift",
        value,
        "kr.",
        "Besparelse pr. år",
        f"Besparelse = {num(i.volume)} × ({kr(i.cost_from)} − {kr(i.cost_to)}) = {kr(value)} om året.",
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
            ),
            False,
            _klk(330, 52, "køb i butik 330 kr. (Hjørring)"),
            le=1e7,
            named_presets=(
                (
                    ("telefon", "mail", "phone", "e-mail"),
                    _klk(175, 52, "køb via telefon eller mail 175 kr. (Hjørring)"),
                ),
            ),
        ),
        Input(
            "cost_to",
            "Pris pr. styk i den nye kanal",
            Kind.AMOUNT,
            ("digital", "e-handel", "e-commerce", "video", "online", "selvbetjening", "ny", "web", "app", "new"),
            False,
            _klk(90, 52, "køb via e-handel 90 kr. (Hjørring)"),
            le=1e7,
        ),
    ),
    _channel,
    (
        "kanal",
        "går over",
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
        "switch",
        "instead of",
    ),
    needs_goal=True,
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
            ("mål", "til", "op på", "hæve", "target", "to", "raise"),
            le=100,
        ),
        Input(
            "price_saving_pct",
            "Prisbesparelse på aftale",
            Kind.PERCENT,
            ("billigere", "prisbesparelse", "rabat", "sparer", "cheaper", "saving", "discount"),
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
    ),
    ComplianceBase,
    method=_klk("compliance", 46),
)


def _avoided(i: Any) -> CalcResult:
    value = i.volume * i.avoided_share_pct / 100 * i.unit_cost
    return CalcResult(
        "avoided_cost",
        value,
        "kr.",
        "Undgåede udgifter pr. år",
        f"Undgået udgift = {num(i.volume)} × {pct(i.avoided_share_pct)} × {kr(i.unit_cost)} = {kr(value)} om året.",
        [],
        {"avoided_units": i.volume * i.avoided_share_pct / 100},
    )


AVOIDED_COST = Spec(
    "avoided_cost",
    "Undgåede udgifter",
    "Undgåede udgifter: antal × andel der undgås × pris (brobygning, klk s. 87)",
    (
        Input("volume", "Antal forløb pr. år", Kind.COUNT, ("forløb", "sager", "om året", "courses", "cases"), le=1e9),
        Input("unit_cost", "Pris pr. forløb", Kind.AMOUNT, ("pr.", "per", "koster", "pris", "each", "cost"), le=1e8),
        Input(
            "avoided_share_pct",
            "Andel der kan undgås",
            Kind.PERCENT,
            ("fejl", "undgå", "unødvendig", "forkert", "wrong", "avoid", "unnecessary"),
            False,
            _klk(25, 87, "omkring 25 % fejlvisiteret (brobygning)"),
            le=100,
        ),
    ),
    _avoided,
    ("undgå", "undgår", "fejlvisit", "forkert visiteret", "unødvendige", "avoid", "unnecessary"),
    needs_goal=True,
)


def _business(i: Any) -> CalcResult:
    net = i.annual_gain - i.annual_cost
    payback = i.investment / net if net > 0 else None
    rows, cumulative, npv = [], -i.investment, -i.investment
    payback_year = None
    for year in range(1, i.years + 1):
        cumulative += net
        npv += net / (1 + i.discount_rate_pct / 100) ** year
        if payback_year is None and cumulative >= 0:
            payback_year = year
        rows.append(
            {
                "år": year,
                "gevinst": i.annual_gain,
                "drift": i.annual_cost,
                "netto": net,
                "akkumuleret": round(cumulative, 2),
                "nutidsværdi": round(npv, 2),
            }
        )
    warnings = (
        [] if payback is not None else ["Gevinsten dækker ikke driftsudgiften; investeringen tjenes aldrig hjem."]
    )
    if payback is not None and payback > i.years:
        warnings.append(f"Tilbagebetalingstiden ({num(payback, 1)} år) er længere end beregningens {i.years} år.")
    net_text = f"({kr(i.annual_gain)} − {kr(i.annual_cost)})" if i.annual_cost else kr(net)
    return CalcResult(
        "business_case",
        payback,
        "år",
        "Simpel tilbagebetalingstid",
        f"Tilbagebetalingstid = {kr(i.investment)} / {net_text}"
        + (f" = {num(payback)} år" if payback is not None else " (ingen tilbagebetaling)")
        + f"; resultat efter {i.years} år = {kr(cumulative)}"
        + (f"; nutidsværdi ved {pct(i.discount_rate_pct)} = {kr(npv)}" if i.discount_rate_pct else "")
        + ".",
        [],
        {
            "annual_net": net,
            "payback_year": payback_year,
            "result": cumulative,
            "npv": npv if i.discount_rate_pct else None,
        },
        rows,
        warnings,
    )


BUSINESS_CASE = Spec(
    "business_case",
    "Business case og tilbagebetalingstid",
    "Tilbagebetalingstid, resultat og nutidsværdi for en investering",
    (
        Input(
            "investment",
            "Investering",
            Kind.AMOUNT,
            ("investe", "anlæg", "etabler", "kost", "engangs", "implement", "invest", "upfront", "one-off", "cost"),
            le=MAX_AMOUNT,
        ),
        Input(
            "annual_gain",
            "Årlig gevinst",
            Kind.AMOUNT,
            (
                "spare",
                "besparelse",
                "lavere",
                "mindre",
                "færre",
                "reduc",
                "gevinst",
                "om året",
                "årlig",
                "hvert år",
                "pr. år",
                "save",
                "saving",
                "a year",
                "per year",
                "annual",
            ),
            le=MAX_AMOUNT,
            adds=True,
        ),
        Input(
            "annual_cost",
            "Årlig drift",
            Kind.AMOUNT,
            ("drift", "licen", "running", "operating", "maintenance", "vedligehold"),
            False,
            default=0,
            le=MAX_AMOUNT,
        ),
        Input(
            "years",
            "År i beregningen",
            Kind.YEARS,
            ("over", "horisont", "periode", "horizon", "år", "year", "years"),
            False,
            default=10,
            ge=1,
            le=50,
            integer=True,
        ),
        Input(
            "discount_rate_pct",
            "Diskonteringsrente",
            Kind.PERCENT,
            ("diskont", "rente", "discount"),
            False,
            default=0,
            le=50,
        ),
    ),
    _business,
    (
        "tilbagebetal",
        "tjent hjem",
        "tjene sig hjem",
        "tjener sig hjem",
        "tjenes hjem",
        "betaler sig hjem",
        "betale sig hjem",
        "payback",
        "pay back",
        "pays back",
        "pay for itself",
        "pays for itself",
        "nutidsværdi",
        "npv",
        "net present value",
        "resultatet over",
        "resultatet efter",
        "result after",
        "business case",
    ),
    needs_goal=True,
    method=Preset("simpel tilbagebetalingstid", "KL 2014, s. 20: investering / årlig besparelse", KL14, 20),
)
