"""The brief's blocks as a Markdown file and as a Word handout (python-docx)."""

from __future__ import annotations

import base64
import io

from gevinst.ui.brief import Block, Bullets, Heading, Paragraph, Picture, Quote, Table


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [f"**{block.text}**" if block.bold else block.text, ""]
        elif isinstance(block, Bullets):
            lines += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Quote):
            lines += [f"> «{block.text}»", ">", f"> — {block.source}", ""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_md_cell(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
        elif isinstance(block, Picture):
            data = base64.b64encode(block.png).decode("ascii")
            lines += [f"![{block.caption}](data:image/png;base64,{data})", ""]
    return "\n".join(lines)


def to_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for block in blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            doc.add_paragraph().add_run(block.text).bold = block.bold
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Quote):
            doc.add_paragraph(f"«{block.text}»", style="Quote")
            doc.add_paragraph().add_run(f"— {block.source}").italic = True
        elif isinstance(block, Table):
            _docx_table(doc, block)
        elif isinstance(block, Picture):
            doc.add_picture(io.BytesIO(block.png), width=Cm(15))
            doc.add_paragraph(block.caption, style="Caption")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_table(doc, block: Table) -> None:  # type: ignore[no-untyped-def]
    table = doc.add_table(rows=1, cols=len(block.headers))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, block.headers):
        cell.text = text
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.add_paragraph()
