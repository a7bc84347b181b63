"""Scorers on the tricky cases of FORMAT.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.eval import BankError, load_bank, number_found, score, summarise
from gevinst.eval.bank import Question, SourceSpec
from gevinst.eval.runner import compare


@pytest.mark.parametrize(
    ("expected", "answer", "ok"),
    [
        ("1.234,5", "i alt 1234.5 i året", True),
        ("2,5 mio. kr.", "frigjort 2.500.000 kr. i 2013", True),
        ("40 %", "det koster 40 kr.", False),
        ("40 %", "potentialet er 40 pct. af tiden", True),
        ("40 %", "40 procent", True),
        ("0,65 mio.", "i alt 649.070 kr.", True),
        ("2,6 mio. kr.", "2.597.760 kr. om året", True),
        ("8 år", "8,05 år", True),
        ("15-25 %", "mellem 15-25% af ressourcerne", True),
        ("15-25 %", "15 % af ressourcerne", False),
        ("510 — 680 mio. kr.", "510-680 mio. kr. om året", True),
        ("884 t.kr.", "884.000 kr.", True),
        ("2,5 mio. kr.", "2,5 millioner kroner", True),
        ("1,5 mia. kr.", "1.500 mio. kr.", True),
        ("2.003", "2003 årsværk", True),
        ("318 kr.", "530 kr.", False),
        ("2.5 million", "2,5 mio.", True),
    ],
)
def test_number_matching(expected: str, answer: str, ok: bool) -> None:
    assert number_found(expected, answer) is ok


def _q(**kw: object) -> Question:
    base: dict[str, object] = {"id": "q", "question": "?", "answerable": True}
    base.update(kw)
    return Question(**base)  # type: ignore[arg-type]


def _record(answer: str, citations: list[dict] | None = None, refused: bool = False, tools: list[str] = ()) -> dict:  # type: ignore[assignment,type-arg]
    return {
        "id": "q",
        "answer": answer,
        "refused": refused,
        "citations": citations or [],
        "tool_calls": [{"name": t, "arguments": {}, "result": {}} for t in tools],
        "timings_ms": {"total": 12.0},
    }


def test_source_hit_with_page_range() -> None:
    q = _q(sources=[SourceSpec.parse("klk-2017-kommunale-veje#p52-53")])
    hit = score(q, _record("x", [{"doc_id": "klk-2017-kommunale-veje", "page": 53}]))
    miss = score(q, _record("x", [{"doc_id": "klk-2017-kommunale-veje", "page": 54}]))
    assert hit.source_hit is True and miss.source_hit is False


def test_refusal_scoring() -> None:
    unanswerable = _q(answerable=False)
    assert score(unanswerable, _record("Det fremgår ikke", refused=True)).refusal_ok
    assert not score(unanswerable, _record("Svaret er 4 mio. kr.")).refusal_ok
    assert not score(_q(numbers=["4 mio. kr."]), _record("", refused=True)).correct


def test_phrases_tools_and_summary() -> None:
    q = _q(
        numbers=["40 %"], phrases=["effektive arbejdstid"], any_phrases=[["KSD", "sygedagpenge"]], tool="fte_savings"
    )
    good = score(q, _record("40 % af den effektive arbejdstid på KSD", tools=["fte_savings"]))
    bad = score(q, _record("40 % af tiden"))
    assert good.correct and good.tool_ok and not good.problems
    assert not bad.correct and bad.tool_ok is False and len(bad.problems) == 3
    summary = summarise([good, bad])
    assert summary["answer_correctness"] == 0.5 and summary["tool_use"] == 0.5 and summary["latency_p50_ms"] == 12.0


def test_malformed_bank_is_refused_with_the_line(tmp_path: Path) -> None:
    bank = tmp_path / "b.yaml"
    bank.write_text(
        "version: 1\nquestions:\n  - id: a\n    question: x\n    answerable: true\n  - id: b\n    question: y\n",
        encoding="utf-8",
    )
    with pytest.raises(BankError, match=r"linje 6: feltet 'answerable' mangler"):
        load_bank(bank)
    bank.write_text("version: 1\nquestions: [\n", encoding="utf-8")
    with pytest.raises(BankError, match="linje"):
        load_bank(bank)


def test_development_bank_is_valid_and_covers_every_tag() -> None:
    questions = load_bank(Path(__file__).resolve().parents[2] / "eval" / "dev.yaml")
    tags = [t for q in questions for t in q.tags]
    assert len(questions) >= 60
    assert tags.count("calculation") >= 15 and tags.count("refusal") >= 10 and tags.count("english") >= 5
    assert {"lookup", "list", "how", "followup"} <= set(tags)
    docs = {s.doc_id for q in questions for s in q.sources}
    assert len(docs) == 5


def test_compare_finds_better_and_worse() -> None:
    q = _q(numbers=["40 %"])
    before = [_record("intet tal")]
    after = [_record("40 %")]
    assert compare({"q": q}, before, after) == [("q", "bedre")]
    assert compare({"q": q}, after, before) == [("q", "dårligere")]
