"""English question words mapped to the Danish words the reports use, so an English question finds
Danish passages lexically (the dense side is multilingual already)."""

from __future__ import annotations

import re

GLOSSARY = {
    "efficiency": "effektivisering", "potential": "potentiale", "municipality": "kommune",
    "municipalities": "kommuner kommunerne", "purchase": "indkøb", "purchases": "indkøb", "shop": "butik",
    "store": "butik", "e-commerce": "e-handel", "ecommerce": "e-handel", "phone": "telefon", "email": "mail",
    "e-mail": "mail", "cost": "koster udgift", "costs": "koster udgifter", "saving": "besparelse",
    "savings": "besparelser", "save": "spare", "price": "pris", "drop": "fald prisfald", "monopoly": "monopol monopolbrud",
    "rule": "regel", "rules": "regler regelændringer", "change": "ændring", "changes": "ændringer",
    "payback": "tilbagebetalingstid", "investment": "investering", "salary": "løn månedsløn", "annual": "årlig",
    "year": "år", "years": "år", "staff": "medarbejdere", "employees": "medarbejdere", "calculation": "beregning",
    "expect": "forventer", "estimate": "vurderer skønner", "joint": "fælles", "shared": "fælles", "solutions": "løsninger",
    "government": "regeringen", "case": "sag", "processing": "sagsbehandling", "objective": "objektiv",
    "benefits": "gevinster", "benefit": "gevinst", "working": "arbejdstid", "time": "tid", "hours": "timer",
    "home": "hjemmepleje", "care": "pleje", "elderly": "ældre", "children": "børn", "school": "skole",
    "schools": "skoler", "jobcentre": "jobcenter", "administration": "administration", "annually": "årligt",
    "large": "stor", "how": "", "budget": "budget", "metro": "metro", "copenhagen": "københavn",
}


def to_danish_terms(question: str) -> str:
    """The question with Danish equivalents appended for every glossary word it contains."""
    words = re.findall(r"[a-z][a-z-]*", question.lower())
    extra = [GLOSSARY[w] for w in words if GLOSSARY.get(w)]
    return f"{question} {' '.join(extra)}" if extra else question


def danish_coverage_terms(question: str) -> str:
    """What an English question must find in the passages: its glossary terms and its names and numbers."""
    words = re.findall(r"[a-z][a-z-]*", question.lower())
    names = re.findall(r"\b(?:[A-ZÆØÅ]{2,}|(?<!^)[A-ZÆØÅ][a-zæøå]+)\b|\d+(?:[.,]\d+)*", question)
    return " ".join([GLOSSARY[w] for w in words if GLOSSARY.get(w)] + names)
