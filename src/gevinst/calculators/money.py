"""Money methods: baseline reductions, unit rates, channel shift, compliance, avoided cost, business cases."""

from __future__ import annotations

from pydantic import Field, model_validator

from gevinst.calculators.base import (
    KL14,
    KLK,
    MAX_AMOUNT,
    Assumption,
    CalcInput,
    CalcResult,
    kr,
    pct,
    user,
    validate,
)
from gevinst.danish_numbers import format_number


def _klk(name: str, label: str, value: float, unit: str, page: int) -> Assumption:
    return Assumption(name, label, value, unit, f"{KLK} s. {page}", KLK, page, "")


class BaselineReductionInput(CalcInput):
    baseline: float = Field(ge=0, le=MAX_AMOUNT, description="Udgangspunkt i kr. (fx lønsum på området)")
    yearly_pcts: list[float] = Field(min_length=1, max_length=30, description="Reduktion pr. år i %, fx 10,5,5,5")

    @model_validator(mode="after")
    def _sum(self) -> BaselineReductionInput:
        if any(p < 0 or p > 100 for p in self.yearly_pcts):
            raise ValueError("hver årlig procent skal ligge mellem 0 og 100")
        if sum(self.yearly_pcts) > 100:
            raise ValueError(f"de årlige procenter summerer til {sum(self.yearly_pcts):g} %; højst 100 %")
        return self


def baseline_reduction(baseline: float, yearly_pcts: list[float]) -> CalcResult:
    i = validate(BaselineReductionInput, dict(locals()))
    rows, cumulative = [], 0.0
    for year, p in enumerate(i.yearly_pcts, start=1):
        cumulative += p
        rows.append({"år": year, "reduktion_pct": p, "akkumuleret_pct": cumulative,
                     "besparelse": round(i.baseline * cumulative / 100, 2)})
    full = i.baseline * cumulative / 100
    warnings = []
    if not 15 <= cumulative <= 25:
        warnings.append("Rapporten angiver 15–25 % ved centralisering af løn og regnskab (s. 15); "
                        f"din samlede reduktion er {pct(cumulative)}.")
    return CalcResult(
        "baseline_reduction", full, "kr.", "Besparelse ved fuld effekt",
        "Besparelse i år t = udgangspunkt × summen af de årlige procenter til og med år t; procenterne lægges "
        f"til på det oprindelige udgangspunkt: {kr(i.baseline)} × {pct(cumulative)} = {kr(full)}.",
        [user("baseline", "Udgangspunkt", i.baseline, "kr."),
         _klk("yearly_pcts", "Årlige procenter", ", ".join(f"{p:g}" for p in i.yearly_pcts), "%", 22)],
        {"total_pct": cumulative}, rows, warnings,
    )


class UnitRateInput(CalcInput):
    rate: float = Field(ge=0, le=MAX_AMOUNT, description="Beløb pr. enhed i kr.")
    count: float = Field(ge=0, le=1e9, description="Antal enheder")


def unit_rate_scaling(rate: float, count: float) -> CalcResult:
    i = validate(UnitRateInput, dict(locals()))
    value = i.rate * i.count
    return CalcResult("unit_rate_scaling", value, "kr.", "Beløb", f"Beløb = {kr(i.rate)} × {i.count:g} = {kr(value)}.",
                      [user("rate", "Beløb pr. enhed", i.rate, "kr."), user("count", "Antal", i.count, "")])


class ChannelShiftInput(CalcInput):
    volume: float = Field(ge=0, le=1e9, description="Antal henvendelser/indkøb der flyttes pr. år")
    cost_from: float = Field(ge=0, le=1e7, description="Pris pr. styk i den gamle kanal (kr.)")
    cost_to: float = Field(ge=0, le=1e7, description="Pris pr. styk i den nye kanal (kr.)")


def channel_shift(volume: float, cost_from: float = 330, cost_to: float = 90) -> CalcResult:
    i = validate(ChannelShiftInput, dict(locals()))
    value = i.volume * (i.cost_from - i.cost_to)
    hjorring = {330.0: "Køb i butik", 175.0: "Køb via telefon eller mail", 90.0: "Køb via E-handel"}

    def cost(name: str, label: str, v: float) -> Assumption:
        return _klk(name, f"{label} ({hjorring[v]}, Hjørring)", v, "kr.", 52) if v in hjorring else user(name, label, v, "kr.")

    return CalcResult(
        "channel_shift", value, "kr.", "Besparelse pr. år",
        f"Besparelse = {i.volume:g} × ({kr(i.cost_from)} − {kr(i.cost_to)}) = {kr(value)} om året.",
        [user("volume", "Antal der flyttes pr. år", i.volume, ""), cost("cost_from", "Pris i gammel kanal", i.cost_from),
         cost("cost_to", "Pris i ny kanal", i.cost_to)],
        warnings=["Den nye kanal er dyrere end den gamle; flytningen koster penge."] if value < 0 else [],
    )


class ComplianceInput(CalcInput):
    purchase_volume: float = Field(ge=0, le=MAX_AMOUNT, description="Indkøbsvolumen i kr. pr. år")
    current_share_pct: float = Field(ge=0, le=100, description="Nuværende andel (compliance/e-handel) i %")
    target_share_pct: float = Field(ge=0, le=100, description="Mål for andelen i %")
    price_saving_pct: float = Field(ge=0, le=100, description="Gennemsnitlig prisbesparelse på aftale i %")

    @model_validator(mode="after")
    def _order(self) -> ComplianceInput:
        if self.target_share_pct < self.current_share_pct:
            raise ValueError("target_share_pct skal være mindst lige så stor som current_share_pct")
        return self


def compliance_savings(purchase_volume: float, current_share_pct: float, target_share_pct: float,
                       price_saving_pct: float) -> CalcResult:
    i = validate(ComplianceInput, dict(locals()))
    value = (i.target_share_pct - i.current_share_pct) / 100 * i.price_saving_pct / 100 * i.purchase_volume
    return CalcResult(
        "compliance_savings", value, "kr.", "Besparelse pr. år",
        f"Besparelse = ({pct(i.target_share_pct)} − {pct(i.current_share_pct)}) × {pct(i.price_saving_pct)} × "
        f"{kr(i.purchase_volume)} = {kr(value)}.",
        [user(k, k, v, "") for k, v in i.model_dump().items()] + [_klk("method", "Metode", "compliance", "", 46)],
    )


class AvoidedCostInput(CalcInput):
    volume: float = Field(ge=0, le=1e9, description="Antal forløb/sager pr. år")
    unit_cost: float = Field(ge=0, le=1e8, description="Pris pr. forløb i kr.")
    avoided_share_pct: float = Field(25, ge=0, le=100, description="Andel der kan undgås (fx fejlvisiteret) i %")


def avoided_cost(volume: float, unit_cost: float, avoided_share_pct: float = 25) -> CalcResult:
    i = validate(AvoidedCostInput, dict(locals()))
    value = i.volume * i.avoided_share_pct / 100 * i.unit_cost
    share = (_klk("avoided_share_pct", "Andel fejlvisiteret (brobygning)", 25, "%", 87) if i.avoided_share_pct == 25
             else user("avoided_share_pct", "Andel der kan undgås", i.avoided_share_pct, "%"))
    return CalcResult(
        "avoided_cost", value, "kr.", "Undgåede udgifter pr. år",
        f"Undgået udgift = {i.volume:g} × {pct(i.avoided_share_pct)} × {kr(i.unit_cost)} = {kr(value)} om året.",
        [user("volume", "Antal pr. år", i.volume, ""), share, user("unit_cost", "Pris pr. forløb", i.unit_cost, "kr.")],
        {"avoided_units": i.volume * i.avoided_share_pct / 100},
    )


class BusinessCaseInput(CalcInput):
    investment: float = Field(ge=0, le=MAX_AMOUNT, description="Investering i kr. (år 0)")
    annual_gain: float = Field(ge=0, le=MAX_AMOUNT, description="Gevinst pr. år i kr.")
    annual_cost: float = Field(0, ge=0, le=MAX_AMOUNT, description="Driftsudgift pr. år i kr.")
    years: int = Field(10, ge=1, le=50, description="Antal år i beregningen")
    discount_rate_pct: float = Field(0, ge=0, le=50, description="Diskonteringsrente i % (0 = ingen)")


def business_case(investment: float, annual_gain: float, annual_cost: float = 0, years: int = 10,
                  discount_rate_pct: float = 0) -> CalcResult:
    i = validate(BusinessCaseInput, dict(locals()))
    net = i.annual_gain - i.annual_cost
    payback = i.investment / net if net > 0 else None
    rows, cumulative, npv = [], -i.investment, -i.investment
    payback_year = None
    for year in range(1, i.years + 1):
        cumulative += net
        npv += net / (1 + i.discount_rate_pct / 100) ** year
        if payback_year is None and cumulative >= 0:
            payback_year = year
        rows.append({"år": year, "gevinst": i.annual_gain, "drift": i.annual_cost, "netto": net,
                     "akkumuleret": round(cumulative, 2), "nutidsværdi": round(npv, 2)})
    warnings = [] if payback is not None else ["Gevinsten dækker ikke driftsudgiften; investeringen tjenes aldrig hjem."]
    if payback is not None and payback > i.years:
        warnings.append(f"Tilbagebetalingstiden ({payback:.1f} år) er længere end beregningens {i.years} år.")
    return CalcResult(
        "business_case", payback, "år", "Simpel tilbagebetalingstid",
        f"Tilbagebetalingstid = investering / (årlig gevinst − årlig drift) = {kr(i.investment)} / {kr(net)}"
        + (f" = {format_number(payback, 2)} år" if payback is not None else " (ingen tilbagebetaling)")
        + f"; resultat efter {i.years} år = {kr(cumulative)}"
        + (f"; nutidsværdi ved {pct(i.discount_rate_pct)} = {kr(npv)}" if i.discount_rate_pct else "") + ".",
        [user("investment", "Investering", i.investment, "kr."), user("annual_gain", "Årlig gevinst", i.annual_gain, "kr."),
         user("annual_cost", "Årlig drift", i.annual_cost, "kr."), user("years", "År", i.years, "år"),
         user("discount_rate_pct", "Diskonteringsrente", i.discount_rate_pct, "%"),
         Assumption("method", "Metode: simpel tilbagebetalingstid", "investering / årlig besparelse", "",
                    f"{KL14} s. 20", KL14, 20, "")],
        {"annual_net": net, "payback_year": payback_year, "result": cumulative,
         "npv": npv if i.discount_rate_pct else None},
        rows, warnings,
    )
