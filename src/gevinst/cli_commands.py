"""The ask, calc, eval and ui commands (kept apart so cli.py stays short)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pass
