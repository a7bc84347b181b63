"""PDFs made in the tests: a real multi-page report, an encrypted one, a truncated one, a scanned one."""

from __future__ import annotations

from pathlib import Path


def make_report_pdf(path: Path, pages: list[list[str]], title: str = "Testrapport om gevinster") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    for number, lines in enumerate(pages, start=1):
        c.drawString(72, 800, "Kommunens gevinstrapport 2024")  # running header on every page
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.drawString(300, 40, str(number))  # page number footer
        c.showPage()
    c.save()
    return path


def make_encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password="hemmelig", algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_scanned_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(72, 400, 300, 300, fill=1)  # an image-like page with no text layer
    c.showPage()
    c.save()
    return path
