"""`gevinst eval` refuses what it cannot measure: malformed banks, gates nothing measures, no index,
broken compare inputs; always one line, exit 2 for usage or configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gevinst.eval.bank import BankError, load_bank
from gevinst.ingest import ingest
from gevinst.settings import Settings

HEAD = "version: 1\nquestions:\n"
Q = "  - id: nordfyn\n    question: Hvilken e-handelsgrad nåede Nordfyns Kommune?\n    answerable: true\n"

BANKS = {
    "not-utf8": ((HEAD + Q).encode("cp1252"), "ikke UTF-8"),
    "expect-is-a-list": (HEAD + Q + "    expect: [1, 2]\n", "linje 3: 'expect' skal være en mapping"),
    "misspelt-expect-field": (
        HEAD + Q + "    expect: {sourcez: [indkoeb]}\n",
        "linje 3: ukendt felt 'sourcez' under 'expect' (tilladt: any_phrases, numbers, "
        "phrases, sources, tool) (spørgsmål 'nordfyn')",
    ),
    "misspelt-question-field": (HEAD + Q + "    tagz: [lookup]\n", "linje 3: ukendt felt 'tagz'"),
    "misspelt-bank-field": ("version: 1\nquestionz: []\nquestions:\n" + Q, "linje 1: ukendt felt 'questionz'"),
    "numbers-not-a-list": (HEAD + Q + "    expect: {numbers: 52 %}\n", "'numbers' skal være en liste"),
    "empty": (HEAD.replace("\n", " []\n", 2).replace("questions: []\n", "questions: []\n", 1), "ingen spørgsmål"),
}


@pytest.mark.parametrize(("content", "message"), BANKS.values(), ids=BANKS.keys())
def test_malformed_bank_is_refused(tmp_path: Path, content: str | bytes, message: str) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(BankError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_bank(bank)


def _eval(index_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GEVINST_INDEX_DIR": str(index_dir), "GEVINST_EMBEDDING__BACKEND": "hash"}
    return subprocess.run([sys.executable, "-m", "gevinst.cli", "eval", *args], env=env, capture_output=True, text=True)


def test_gate_on_a_metric_no_question_measures_fails(settings: Settings, small_corpus: Path, tmp_path: Path) -> None:
    ingest([small_corpus], settings)
    bank = tmp_path / "bank.yaml"
    bank.write_text(HEAD + Q + '    expect: {numbers: ["52 %"]}\n', encoding="utf-8")
    run = _eval(settings.index_dir, str(bank), "--min-tool", "0.9", "--min-correct", "0.5")
    assert run.returncode == 1, run.stderr
    assert (
        "Under tærsklen: tool_use: ingen spørgsmål i banken måler det, så --min-tool 0.9 kan ikke holdes" in run.stderr
    )
    assert "answer_correctness" not in run.stderr


def _records(tmp_path: Path, text: str) -> Path:
    path = tmp_path / f"r{abs(hash(text))}.jsonl"
    path.write_bytes(text.encode("utf-8") if text != "latin1" else "æ".encode("cp1252"))
    return path


COMPARE = {
    "missing-file": (None, "Fejl: filen eller mappen findes ikke: "),
    "not-json": ("{nej\n", "linje 1: ikke gyldig JSON"),
    "record-without-id": ('{"id": "nordfyn"}\n[1, 2]\n', "linje 2: en svarpost skal være et JSON-objekt med 'id'"),
    "not-utf8": ("latin1", "ikke UTF-8"),
    "odd-record": ('{"id": "nordfyn", "answer": 5, "citations": 3}\n', "svarposterne kan ikke sammenlignes"),
}


@pytest.mark.parametrize(("records", "message"), COMPARE.values(), ids=COMPARE.keys())
def test_broken_compare_inputs(tmp_path: Path, records: str | None, message: str) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(HEAD + Q + '    expect: {numbers: ["52 %"]}\n', encoding="utf-8")
    good = _records(tmp_path, '{"id": "nordfyn", "answer": "52 %", "refused": false, "citations": []}\n')
    bad = tmp_path / "findes-ikke.jsonl" if records is None else _records(tmp_path, records)
    run = _eval(tmp_path / "index", "compare", str(good), str(bad), "--against", str(bank))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_eval_without_an_index_says_what_to_do(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(HEAD + Q, encoding="utf-8")
    run = _eval(tmp_path / "index", str(bank))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.strip().endswith("kør først 'gevinst ingest'.")
