"""Interface text in Danish (default) and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Gevinst – svar fra rapporterne om effektivisering",
        "nav": "Side",
        "chat": "Spørg",
        "calc": "Beregninger",
        "docs": "Dokumenter",
        "catalogue": "Forslagskatalog",
        "brief": "Workshop-brief",
        "ask": "Stil et spørgsmål om effektivisering og gevinster …",
        "sources": "Kilder",
        "nearest": "Nærmeste passager",
        "refused": "Rapporterne besvarer ikke spørgsmålet",
        "pin": "Tag med i brief",
        "show_page": "Vis siden",
        "calc_run": "Beregn",
        "save_scenario": "Gem scenarie til brief",
        "no_index": "Der er endnu intet indeks. Kør 'gevinst ingest' (eller README's run-kommando).",
        "upload": "Tilføj rapporter (PDF, .txt, .md)",
        "upload_run": "Indeksér filerne",
        "password": "Adgangskode",
        "wrong_password": "Forkert adgangskode",
        "admin_only": "Kun administratorer kan tilføje rapporter.",
        "empty_brief": "Tag svar og scenarier med fra de andre sider, så kommer de her.",
        "area": "Område", "search": "Søg i titler", "download_md": "Hent som Markdown", "download_docx": "Hent som Word",
        "page": "Side", "document": "Dokument", "feedback_saved": "Tak for din vurdering",
        "flagged": "⚠ {n} sætning(er) på siden henvender sig til læseren eller en assistent (fx «ignorer "
                   "instruktionerne»). De er markeret og bruges aldrig som svar.",
        "show_original": "Vis original (før æ/ø/å blev genskabt)",
    },
    "en": {
        "title": "Gevinst – answers from the efficiency reports",
        "nav": "Page",
        "chat": "Ask",
        "calc": "Calculators",
        "docs": "Documents",
        "catalogue": "Proposal catalogue",
        "brief": "Workshop brief",
        "ask": "Ask about efficiency and benefits …",
        "sources": "Sources",
        "nearest": "Nearest passages",
        "refused": "The reports do not answer the question",
        "pin": "Add to brief",
        "show_page": "Show page",
        "calc_run": "Calculate",
        "save_scenario": "Save scenario to brief",
        "no_index": "There is no index yet. Run 'gevinst ingest' (or the README's run command).",
        "upload": "Add reports (PDF, .txt, .md)",
        "upload_run": "Index the files",
        "password": "Password",
        "wrong_password": "Wrong password",
        "admin_only": "Only administrators can add reports.",
        "empty_brief": "Add answers and scenarios from the other pages and they appear here.",
        "area": "Area", "search": "Search titles", "download_md": "Download as Markdown", "download_docx": "Download as Word",
        "page": "Page", "document": "Document", "feedback_saved": "Thank you for your rating",
        "flagged": "⚠ {n} sentence(s) on this page address the reader or an assistant (e.g. «ignore the "
                   "instructions»). They are marked and never used as an answer.",
        "show_original": "Show original (before æ/ø/å were restored)",
    },
}


def t(language: str, key: str) -> str:
    return TEXTS.get(language, TEXTS["da"])[key]
