"""The calculator page, generated from the calculators' declaration (calculators/spec.py): a form with Danish
labels, required fields marked and checked before running, the result with its steps, assumptions, table and
chart, and up to three scenarios side by side. Reading the form is calc_input's, formatting is calc_format's."""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from gevinst.calculators import SPECS, CalculatorInputError, Input, Kind, Spec, run_calculator
from gevinst.calculators.spec import UNIT_TEXT
from gevinst.ui import brief as brief_export
from gevinst.ui.calc_charts import comparison_chart, result_chart
from gevinst.ui.calc_format import (
    assumption_rows,
    chart_series,
    comparison_points,
    comparison_rows,
    formula_steps,
    scenario,
    table_rows,
)
from gevinst.ui.calc_input import clean_message, placeholder, preset_text, read_form
from gevinst.ui.services import escape_markdown
from gevinst.ui.texts import t

MAX_SCENARIOS = 3
TASKS_HELP = "Én opgave pr. linje: opgave; andel af tiden i %; effektivisering i %"
log = logging.getLogger(__name__)
# Streamlit's hint under a focused field in a form is English («Press Enter to submit form»); the page is Danish.
HIDE_ENGLISH_HINT = "<style>[data-testid='InputInstructions']{display:none}</style>"


def calculators(lang: str) -> None:
    name = st.selectbox("Beregning", list(SPECS), format_func=lambda n: SPECS[n].title, key="calc-name")
    spec = SPECS[name]
    st.html(HIDE_ENGLISH_HINT)  # a constant of ours, never text from a document or a user
    st.caption(spec.description)
    raw = _form(spec, lang)
    if raw is not None:
        st.session_state.last_result = _run(spec, raw)
    result = st.session_state.get("last_result")
    if result and result["name"] == name:
        _show_result(spec, result, lang)
    _scenarios()


def _one_of(spec: Spec, inp: Input) -> tuple[str, ...]:
    return next((g for g in spec.one_of if inp.name in g), ())


def _form(spec: Spec, lang: str) -> dict[str, str] | None:
    """The typed text of every field when «Beregn» was pressed, else None."""
    with st.form(f"form-{spec.name}"):
        st.caption("Felter med * skal udfyldes. Et tomt felt uden * bruger forudsætningen, der står under det.")
        wide = any(i.kind is Kind.TASKS for i in spec.inputs)
        columns = st.columns(1 if wide else 2)
        raw = {}
        for n, inp in enumerate(spec.inputs):
            with columns[n % len(columns)]:
                raw[inp.name] = _field(spec, inp)
        submitted = st.form_submit_button(t(lang, "calc_run"), type="primary")
    return raw if submitted else None


def _field(spec: Spec, inp: Input) -> str:
    unit = UNIT_TEXT[inp.kind]
    group = _one_of(spec, inp)
    mark = " *" if inp.required else (" (*)" if group else "")
    label = f"{inp.label}{f' ({unit})' if unit else ''}{mark}"
    key = f"{spec.name}-{inp.name}"
    if inp.kind is Kind.TASKS:
        text = st.text_area(label, key=key, placeholder=placeholder(inp), height=190, help=TASKS_HELP)
    else:
        text = st.text_input(label, key=key, placeholder=placeholder(inp), help=inp.help or None)
    notes = [preset_text(inp)]
    if group:
        notes.append("(*) Udfyld enten " + " eller ".join(spec.input(n).label.lower() for n in group) + ".")
    for note in filter(None, notes):
        st.caption(escape_markdown(note))
    return text or ""


def _run(spec: Spec, raw: dict[str, str]) -> dict[str, Any] | None:
    """The result record, or None after a Danish message saying what to fix."""
    reading = read_form(spec, raw)
    if not reading.ok:
        _problems(reading.problems)
        return None
    try:
        return run_calculator(spec.name, reading.arguments).to_dict()
    except CalculatorInputError as exc:
        _problems((clean_message(spec, str(exc)),))
    except (ArithmeticError, ValueError, TypeError):  # a calculator's bug must still not show a traceback
        log.exception("calculator %s failed on %s", spec.name, reading.arguments)
        _problems(("Beregningen kunne ikke gennemføres med disse tal. Tjek felterne og prøv igen.",))
    return None


def _problems(problems: tuple[str, ...]) -> None:
    lines = "\n".join(f"- {escape_markdown(p)}" for p in problems)
    st.error(f"**Beregningen kan ikke køre endnu:**\n\n{lines}", icon="⚠️")


def _show_result(spec: Spec, result: dict[str, Any], lang: str) -> None:
    st.subheader(spec.title)
    st.metric(result["label"], result["display"])
    st.markdown("**Sådan er der regnet**")
    st.markdown("\n".join(f"{n}. {escape_markdown(s)}" for n, s in enumerate(formula_steps(result["formula"]), 1)))
    for warning in result["warnings"]:
        st.warning(escape_markdown(warning))
    st.markdown("**Forudsætninger**")
    st.table(assumption_rows(result), hide_index=True)
    if result["table"]:
        st.table(table_rows(result["table"]), hide_index=True)
    series = chart_series(result["table"])
    if series:
        st.altair_chart(result_chart(*series), width="stretch")
    _save_buttons(spec, result, lang)


def _save_buttons(spec: Spec, result: dict[str, Any], lang: str) -> None:
    saved = st.session_state.setdefault("scenarios", [])
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    left.text_input("Navn på scenariet", key="scenario-name", placeholder=f"Scenarie {len(saved) + 1}")
    middle.button("Gem til sammenligning", key="save-scenario", on_click=_save_scenario, args=(spec.title, result))
    if right.button(t(lang, "save_scenario"), key="save-brief"):
        st.session_state.brief.append(brief_export.scenario_item(result))
        st.success(f"{len(st.session_state.brief)} punkter i brief")
    if st.session_state.pop("scenario-full", False):
        st.info(f"Der kan sammenlignes højst {MAX_SCENARIOS} scenarier; fjern et først.")


def _save_scenario(title: str, result: dict[str, Any]) -> None:
    """Runs before the next script run, so it may empty the name field."""
    saved = st.session_state.scenarios
    if len(saved) >= MAX_SCENARIOS:
        st.session_state["scenario-full"] = True
        return
    name = str(st.session_state.get("scenario-name") or "").strip() or f"Scenarie {len(saved) + 1}"
    saved.append(scenario(_unique(name[:40], saved), title, result))
    st.session_state["scenario-name"] = ""


def _unique(name: str, saved: list[dict[str, Any]]) -> str:
    taken = {s["name"] for s in saved}
    n, candidate = 2, name
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def _remove(index: int) -> None:
    st.session_state.scenarios.pop(index)


def _scenarios() -> None:
    saved = st.session_state.setdefault("scenarios", [])
    st.divider()
    st.subheader("Sammenlign scenarier")
    if not saved:
        st.caption(
            f"Gem op til {MAX_SCENARIOS} beregninger – med samme eller forskellige beregninger – og se dem her side om side."
        )
        return
    st.table(comparison_rows(saved), hide_index=True)
    groups = comparison_points(saved)
    for unit, points in groups.items():
        if len(groups) > 1:
            st.caption(f"Resultater i {unit}")
        st.altair_chart(comparison_chart(unit, points), width="stretch")
    for column, (i, s) in zip(st.columns(MAX_SCENARIOS), enumerate(saved)):
        column.button(f"Fjern «{s['name']}»", key=f"drop-{i}", on_click=_remove, args=(i,))
