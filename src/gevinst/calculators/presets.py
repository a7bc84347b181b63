"""Presets quoted from the shipped reports, cited the same way by every calculator that uses them:
KOMBIT/KL 2014 §2.3 (klare forudsætninger) and KL/KLK 2017 by page."""

from __future__ import annotations

from typing import Any

from gevinst.calculators.base import KLK, KOMBIT
from gevinst.calculators.spec import Preset

SEC_23 = "2.3 Klare forudsætninger"


def kombit(value: Any, what: str) -> Preset:
    return Preset(value, f"KOMBIT/KL 2014, afsnit 2.3 Klare forudsætninger: {what}", KOMBIT, None, SEC_23)


def klk(value: Any, page: int, what: str = "") -> Preset:
    return Preset(value, f"KL/KLK 2017, s. {page}" + (f": {what}" if what else ""), KLK, page)
