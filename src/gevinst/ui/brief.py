"""The workshop brief: pinned answers and calculator scenarios as Markdown and as Word (.docx)."""

from __future__ import annotations

import io
import time
from typing import Any


def scenario_item(result: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "scenario", **result}


def where(c: dict[str, Any]) -> str:
    """A citation's place: its page, or its section where the report has no pages."""
    return f"s. {c['page']}" if c.get("page") is not None else (c.get("section") or "–")


def brief_markdown(items: list[dict[str, Any]], title: str = "Workshop-brief") -> str:
    lines = [f"# {title}", "", f"Udarbejdet med Gevinst {time.strftime('%d.%m.%Y')}.", ""]
    for i, item in enumerate(items, start=1):
        if item["kind"] == "answer":
            lines += [f"## {i}. {item['question']}", "", item["answer"], ""]
            if item["citations"]:
                lines += ["Kilder:", ""]
                lines += [
                    f"- [{c['n']}] {c['title']} ({c['doc_id']}), {where(c)}: «{c['snippet'][:300]}»"
                    for c in item["citations"]
                ]
                lines.append("")
        else:
            lines += [
                f"## {i}. Scenarie: {item['label']} ({item['name']})",
                "",
                f"**{item['display']}**",
                "",
                item["formula"],
                "",
                "| Antagelse | Værdi | Kilde |",
                "|---|---|---|",
            ]
            lines += [f"| {a['label']} | {a['value']} {a['unit']} | {a['source']} |" for a in item["assumptions"]]
            if item.get("table"):
                keys = list(item["table"][0])
                lines += ["", "| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
                lines += ["| " + " | ".join(str(row[k]) for k in keys) + " |" for row in item["table"]]
            lines += [f"\nBemærk: {w}" for w in item.get("warnings", [])] + [""]
    return "\n".join(lines)


def brief_docx(items: list[dict[str, Any]], title: str = "Workshop-brief") -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, 0)
    doc.add_paragraph(f"Udarbejdet med Gevinst {time.strftime('%d.%m.%Y')}.")
    for i, item in enumerate(items, start=1):
        if item["kind"] == "answer":
            doc.add_heading(f"{i}. {item['question']}", level=1)
            doc.add_paragraph(item["answer"])
            for c in item["citations"]:
                doc.add_paragraph(
                    f"[{c['n']}] {c['title']} ({c['doc_id']}), {where(c)}: «{c['snippet'][:300]}»", style="List Bullet"
                )
        else:
            doc.add_heading(f"{i}. Scenarie: {item['label']}", level=1)
            doc.add_paragraph(item["display"]).runs[0].bold = True
            doc.add_paragraph(item["formula"])
            table = doc.add_table(rows=1, cols=3)
            for cell, text in zip(table.rows[0].cells, ("Antagelse", "Værdi", "Kilde")):
                cell.text = text
            for a in item["assumptions"]:
                row = table.add_row().cells
                row[0].text, row[1].text, row[2].text = a["label"], f"{a['value']} {a['unit']}", a["source"]
            if item.get("table"):
                keys = list(item["table"][0])
                years = doc.add_table(rows=1, cols=len(keys))
                for cell, key in zip(years.rows[0].cells, keys):
                    cell.text = str(key)
                for r in item["table"]:
                    for cell, key in zip(years.add_row().cells, keys):
                        cell.text = str(r[key])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
