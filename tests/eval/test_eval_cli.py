"""`gevinst eval` as an analyst runs it: table, JSONL records, HTML report, thresholds, compare."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gevinst.ingest import ingest
from gevinst.settings import Settings

BANK = """version: 1
questions:
  - id: nordfyn
    question: Hvilken e-handelsgrad nåede Nordfyns Kommune ved udgangen af 2016?
    answerable: true
    expect: {numbers: ["52 %"], sources: [indkoeb]}
    tags: [lookup]
  - id: svoemmehal
    question: Hvad koster en ny svømmehal i Aalborg?
    answerable: false
    tags: [refusal]
  - id: umulig
    question: Hvad koster et køb i butik?
    answerable: true
    expect: {numbers: ["999 kr."]}
    tags: [lookup]
"""


def _eval(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GEVINST_INDEX_DIR": str(settings.index_dir), "GEVINST_EMBEDDING__BACKEND": "hash"}
    return subprocess.run([sys.executable, "-m", "gevinst.cli", "eval", *args], env=env, capture_output=True, text=True)


def test_eval_writes_records_report_summary_and_guards_thresholds(
    settings: Settings, small_corpus: Path, tmp_path: Path
) -> None:
    ingest([small_corpus], settings)
    bank = tmp_path / "bank.yaml"
    bank.write_text(BANK, encoding="utf-8")
    out, report, summary = tmp_path / "a.jsonl", tmp_path / "r.html", tmp_path / "s.json"
    run = _eval(settings, str(bank), "--out", str(out), "--report", str(report), "--summary", str(summary))
    assert run.returncode == 0, run.stderr
    assert "svar korrekte" in run.stdout and "umulig: mangler tallet 999 kr." in run.stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["nordfyn", "svoemmehal", "umulig"]
    assert set(records[0]) >= {"id", "question", "answer", "refused", "citations", "tool_calls", "timings_ms"}
    data = json.loads(summary.read_text())
    assert data["answer_correctness"] == 0.5 and data["refusal_accuracy"] == 1.0 and "umulig" in data["failures"]
    html = report.read_text()
    assert "<svg" in html and "umulig" in html and "Langsomste" in html
    strict = _eval(settings, str(bank), "--min-correct", "0.8")
    assert strict.returncode == 1 and "answer_correctness 0.500 < 0.8" in strict.stderr
    compare = _eval(settings, "compare", str(out), str(out), "--against", str(bank))
    assert compare.returncode == 0 and "0 bedre, 0 dårligere" in compare.stdout


def test_malformed_bank_exit_2(settings: Settings, tmp_path: Path) -> None:
    bank = tmp_path / "bad.yaml"
    bank.write_text("version: 1\nquestions:\n  - id: x\n", encoding="utf-8")
    run = _eval(settings, str(bank))
    assert run.returncode == 2 and "linje 3" in run.stderr


def test_several_banks_side_by_side_with_the_gap_and_hidden_failures(
    settings: Settings, small_corpus: Path, tmp_path: Path
) -> None:
    ingest([small_corpus], settings)
    dev, held = tmp_path / "dev.yaml", tmp_path / "held.yaml"
    dev.write_text(BANK, encoding="utf-8")
    held.write_text(BANK.split("  - id: umulig")[0], encoding="utf-8")
    run = _eval(settings, str(dev), str(held), "--hide-failures", "--summary", str(tmp_path / "s.json"))
    assert run.returncode == 0, run.stderr
    assert "Banker side om side" in run.stdout and "dev.yaml − held.yaml" in run.stdout
    assert "-50.0 point" in run.stdout  # 50 % correct on dev, 100 % on the held-out bank
    assert "umulig" not in run.stdout and "Fejlede: 1 (ikke vist)" in run.stdout
    assert json.loads((tmp_path / "s-held.json").read_text())["answer_correctness"] == 1.0
