"""The workshop brief as a document: answered questions with their quoted sources, calculator scenarios with
their assumptions, table and chart, the chosen proposals. Built once as blocks; the brief page, the Markdown
file and the Word file (brief_export.py) each render the same blocks, so the page shows the document."""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from gevinst.types import Proposal
from gevinst.ui.calc_format import chart_series
from gevinst.ui.chart_image import bar_chart_png
from gevinst.ui.formatting import (
    lead_and_rest,
    number,
    pages_of,
    quote,
    source_name,
    table_rows,
    where,
)

TITLE = "Workshop-brief"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0 = the title


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Picture:
    png: bytes
    caption: str


Block = Heading | Paragraph | Bullets | Quote | Table | Picture


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def answer_item(record: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "answer", **record, "id": record.get("id") or new_id()}


def scenario_item(result: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "scenario", **result, "id": new_id()}


def proposal_item(proposal: Proposal, doc_title: str) -> dict[str, Any]:
    return {"kind": "proposal", "id": proposal_id(proposal), "proposal": asdict(proposal), "doc_title": doc_title}


def proposal_id(proposal: Proposal) -> str:
    return f"p-{proposal.doc_id}-{proposal.first_page}-{proposal.title}"


def build(items: list[dict[str, Any]], titles: dict[str, str], today: str | None = None) -> list[Block]:
    """The brief's blocks; `titles` names each report by its title (document id → title)."""
    blocks: list[Block] = [
        Heading(TITLE, 0),
        Paragraph(f"Udarbejdet med Gevinst {today or time.strftime('%d.%m.%Y')}."),
    ]
    answers = [i for i in items if i["kind"] == "answer"]
    scenarios = [i for i in items if i["kind"] == "scenario"]
    proposals = [i for i in items if i["kind"] == "proposal"]
    if answers:
        blocks.append(Heading("Spørgsmål og svar", 1))
        for n, item in enumerate(answers, start=1):
            blocks += _answer_blocks(n, item, titles)
    if scenarios:
        blocks.append(Heading("Scenarier", 1))
        for item in scenarios:
            blocks += _scenario_blocks(item, titles)
    if proposals:
        blocks += _proposal_blocks(proposals)
    cited = _reports_used(items, titles)
    if cited:
        blocks += [Heading("Anvendte rapporter", 1), Bullets(tuple(cited))]
    return blocks


def _answer_blocks(n: int, item: dict[str, Any], titles: dict[str, str]) -> list[Block]:
    lead, rest = lead_and_rest(item["answer"])
    blocks: list[Block] = [Heading(f"{n}. {item['question']}", 2), Paragraph(lead, bold=True)]
    blocks += [Paragraph(line.strip()) for line in rest.split("\n") if line.strip()]
    if item["citations"]:
        blocks.append(Heading("Kilder", 3))
        for c in item["citations"]:
            title = titles.get(c["doc_id"], c["title"])
            blocks.append(Quote(quote(c["snippet"]), f"[{c['n']}] {title}, {where(c)}"))
    return blocks


def _scenario_blocks(item: dict[str, Any], titles: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"Scenarie: {item['label']}", 2),
        Paragraph(item["display"], bold=True),
        Paragraph(item["formula"]),
        Heading("Antagelser", 3),
        Table(
            ("Antagelse", "Værdi", "Kilde"),
            tuple((a["label"], number(a["value"], a["unit"]), source_name(a, titles)) for a in item["assumptions"]),
        ),
    ]
    headers, rows = table_rows(item.get("table") or [])
    if rows:
        blocks += [Heading("Forløb", 3), Table(tuple(headers), tuple(tuple(r) for r in rows))]
        if picture := scenario_chart(item):
            blocks.append(picture)
    blocks += [Paragraph(f"Bemærk: {w}") for w in item.get("warnings", [])]
    return blocks


def scenario_chart(item: dict[str, Any]) -> Picture | None:
    """The scenario's chart as the calculator page draws it (calc_format.chart_series), as a picture."""
    series = chart_series(item.get("table") or [])
    if series is None:
        return None
    title, _unit, points = series
    caption = f"{title} pr. år" if str(points[0]["x"]).startswith("År ") else title
    labels, values, texts = [str(p["x"]) for p in points], [p["y"] for p in points], [p["tekst"] for p in points]
    return Picture(bar_chart_png(labels, values, texts, caption), caption)


def _proposal_blocks(items: list[dict[str, Any]]) -> list[Block]:
    rows = []
    for item in items:
        p = Proposal.from_record(item["proposal"])
        rows.append((p.title, p.area, pages_of(p.first_page, p.last_page), p.potential or "ikke angivet"))
    sources = sorted({item["doc_title"] for item in items})
    return [
        Heading("Valgte forslag", 1),
        Paragraph("Fra " + ", ".join(f"«{s}»" for s in sources) + "; potentialet som rapporten angiver det."),
        Table(("Forslag", "Område", "Sider", "Potentiale (som angivet)"), tuple(rows)),
    ]


def _reports_used(items: list[dict[str, Any]], titles: dict[str, str]) -> list[str]:
    ids: list[str] = []
    for item in items:
        if item["kind"] == "answer":
            ids += [c["doc_id"] for c in item["citations"]]
        elif item["kind"] == "scenario":
            ids += [a["doc_id"] for a in item["assumptions"] if a.get("doc_id")]
        else:
            ids.append(item["proposal"]["doc_id"])
    return list(dict.fromkeys(titles.get(doc_id, doc_id) for doc_id in ids))
