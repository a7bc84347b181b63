"""Gevinst: cited Danish answers and deterministic savings calculators over public efficiency reports."""

__version__ = "0.1.0"
