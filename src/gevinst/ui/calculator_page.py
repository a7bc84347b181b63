"""The calculator page: a form per calculator, the result with its formula, assumptions and chart."""

from __future__ import annotations

from typing import Any

import streamlit as st

from gevinst.calculators import CALCULATORS, CalculatorInputError, parse_cli_value, run_calculator
from gevinst.ui import brief as brief_export
from gevinst.ui.texts import t


def _field_widget(name: str, info: Any, key: str) -> Any:
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    label = f"{name} – {info.description or ''}"
    if name == "tasks":
        text = ";".join(f"{x.share_pct:g}:{x.efficiency_pct:g}" for x in default)
        return st.text_input(label + " (andel:effektivisering;…)", text, key=key)
    if name == "yearly_pcts":
        return st.text_input(label, "10,5,5,5", key=key)
    return st.text_input(label, "" if default is None else f"{default:g}", key=key)


def calculators(lang: str) -> None:
    name = st.selectbox("Beregning", list(CALCULATORS), format_func=lambda n: f"{n} – {CALCULATORS[n].description}")
    calc = CALCULATORS[name]
    with st.form(f"form-{name}"):
        raw = {f: _field_widget(f, info, f"{name}-{f}") for f, info in calc.inputs.model_fields.items()}
        submitted = st.form_submit_button(t(lang, "calc_run"))
    if submitted:
        try:
            values = {f: parse_cli_value(f, v) for f, v in raw.items() if str(v).strip()}
            st.session_state.last_result = run_calculator(name, values).to_dict()
        except CalculatorInputError as exc:
            st.session_state.last_result = None
            st.error(str(exc))
    result = st.session_state.get("last_result")
    if result and result["name"] == name:
        _show_result(result, lang)


def _show_result(result: dict[str, Any], lang: str) -> None:
    st.metric(result["label"], result["display"])
    st.write(result["formula"])
    st.dataframe(
        [
            {"antagelse": a["label"], "værdi": f"{a['value']} {a['unit']}", "kilde": a["source"]}
            for a in result["assumptions"]
        ],
        hide_index=True,
    )
    if result["table"]:
        st.dataframe(result["table"], hide_index=True)
        key = next((k for k in ("besparelse", "akkumuleret", "bidrag_pct") if k in result["table"][0]), None)
        if key:
            x = "år" if "år" in result["table"][0] else "opgave"
            st.bar_chart({str(r[x]): r[key] for r in result["table"]})
    for w in result["warnings"]:
        st.warning(w)
    if st.button(t(lang, "save_scenario")):
        st.session_state.brief.append(brief_export.scenario_item(result))
        st.success(f"{len(st.session_state.brief)} punkter i brief")
