"""Question banks in, scored answer records and reports out."""

from gevinst.eval.bank import BankError, Question, load_bank
from gevinst.eval.runner import EvalRun, run_bank
from gevinst.eval.scoring import number_found, score, summarise

__all__ = ["BankError", "EvalRun", "Question", "load_bank", "number_found", "run_bank", "score", "summarise"]
