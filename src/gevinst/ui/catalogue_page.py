"""The proposal catalogue for consultants: filter by area and words, a chart of which proposals state a
potential, the table, and one proposal opened in its sections (mål, indhold, potentiale) to add to the brief."""

from __future__ import annotations

from typing import Any

import streamlit as st

from gevinst.assistant import Assistant, library
from gevinst.settings import Settings
from gevinst.types import Proposal
from gevinst.ui import state
from gevinst.ui.answer_view import open_page
from gevinst.ui.brief import proposal_id, proposal_item
from gevinst.ui.formatting import pages_of
from gevinst.ui.safe_text import escape_markdown
from gevinst.ui.texts import t


def _matches(p: Proposal, areas: list[str], words: str) -> bool:
    text = " ".join((p.title, p.area, p.goal, p.content, p.potential_section)).casefold()
    return (not areas or p.area in areas) and all(w in text for w in words.casefold().split())


def catalogue(assistant: Assistant, settings: Settings, lang: str) -> None:
    st.subheader(t(lang, "catalogue"))
    items = library.proposals(assistant)
    if not items:
        st.info(t(lang, "no_match"))
        return
    docs = {d["doc_id"]: d for d in library.documents(assistant)}
    areas = list(dict.fromkeys(p.area for p in items))  # in the report's order
    sources = ", ".join(f"«{docs[d]['title']}»" if d in docs else d for d in dict.fromkeys(p.doc_id for p in items))
    st.caption(
        escape_markdown(
            f"{len(items)} forslag i {len(areas)} områder fra {sources}. Potentialet står, "
            "som rapporten angiver det; «ikke angivet», hvor rapporten ikke sætter tal på."
        )
    )
    left, right = st.columns(2)
    chosen = left.multiselect(
        t(lang, "area"), areas, placeholder=t(lang, "area_placeholder"), select_all=False, key="cat-areas"
    )
    words = right.text_input(t(lang, "search"), placeholder=t(lang, "search_placeholder"), key="cat-words")
    rows = [p for p in items if _matches(p, chosen, words)]
    if not rows:
        st.info(t(lang, "no_match"))
        return
    _chart(rows, lang)
    st.dataframe(
        [
            {
                "Forslag": p.title,
                "Potentiale (som angivet)": p.potential or t(lang, "not_stated"),
                "Område": p.area,
                "Sider": pages_of(p.first_page, p.last_page),
            }
            for p in rows
        ],
        hide_index=True,
        column_config={
            "Forslag": st.column_config.TextColumn(width="medium"),
            "Potentiale (som angivet)": st.column_config.TextColumn(width="large"),
        },
    )
    titles = {p.title: p for p in rows}
    opened = st.selectbox(t(lang, "open_proposal"), list(titles), key="cat-open", placeholder=t(lang, "choose"))
    _proposal(titles[opened], docs.get(titles[opened].doc_id, {}), lang)


def _chart(rows: list[Proposal], lang: str) -> None:
    """How many proposals in each area state a potential, and how many do not (the potentials themselves are
    in different units – %, kr., årsværk – and cannot be added up)."""
    import altair as alt
    import pandas as pd

    stated, missing = "Potentiale angivet", t(lang, "not_stated").capitalize()
    areas = list(dict.fromkeys(p.area for p in rows))
    data = [
        {"omraade": a, "potentiale": kind, "antal": n, "orden": i}
        for a in areas
        for i, (kind, n) in enumerate(
            [
                (stated, sum(1 for p in rows if p.area == a and p.potential)),
                (missing, sum(1 for p in rows if p.area == a and not p.potential)),
            ]
        )
    ]
    chart = (
        alt.Chart(pd.DataFrame(data))
        .mark_bar()
        .encode(
            y=alt.Y("omraade:N", sort=areas, title=None, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
            x=alt.X("sum(antal):Q", title="Antal forslag", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "potentiale:N",
                scale=alt.Scale(domain=[stated, missing], range=["#1f77b4", "#9fb3c8"]),
                legend=alt.Legend(orient="bottom", direction="vertical", title=None),
            ),
            order=alt.Order("orden:Q"),
            tooltip=[
                alt.Tooltip("omraade:N", title="Område"),
                alt.Tooltip("potentiale:N", title="Potentiale"),
                alt.Tooltip("antal:Q", title="Antal forslag"),
            ],
        )
        .properties(height=alt.Step(36))  # a band per area, so one area alone still gets a visible bar
    )
    st.markdown(f"**{t(lang, 'catalogue_chart')}**")
    st.altair_chart(chart, width="stretch")


def _section(label: str, text: str) -> None:
    st.markdown(f"**{label}**")
    st.markdown(escape_markdown(text))


def _proposal(p: Proposal, doc: dict[str, Any], lang: str) -> None:
    with st.container(border=True):
        st.markdown(f"#### {escape_markdown(p.title)}")
        st.caption(escape_markdown(f"{p.area} · {pages_of(p.first_page, p.last_page)} · {doc.get('title', '')}"))
        if not p.chapter_in_file:
            st.info(
                f"Forslagets kapitel er ikke med i filen, som slutter før det. Beskrivelsen er rapportens "
                f"resumé på {pages_of(p.first_page, p.last_page)}."
            )
        _section("Mål", p.goal or t(lang, "not_stated"))
        _section("Indhold", p.content or t(lang, "not_stated"))
        _section("Potentiale (som angivet)", p.potential or t(lang, "not_stated"))
        if p.potential_section and p.potential_section != p.potential:
            st.caption(escape_markdown(f"Afsnittet om potentiale: {p.potential_section}"))
        left, right = st.columns(2)
        with left:
            state.brief_checkbox(
                t(lang, "pin"), proposal_item(p, doc.get("title", p.doc_id)), key=f"prop-{proposal_id(p)}"
            )
        right.button(
            t(lang, "show_page"),
            key=f"prop-show-{proposal_id(p)}",
            icon=":material/description:",
            on_click=open_page,
            args=(p.doc_id, p.first_page, "", p.potential),
        )
