"""The data that crosses layer boundaries. Our own types, never LangChain's."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    title: str
    page: int | None
    section: str
    start: int  # offsets into the cleaned text of `page` (or of the whole document when page is None)
    end: int
    text: str
    sha: str
    role: str = "body"  # body | overview | table
    score: float = 0.0
    original: str = ""  # the passage as the file had it, when ingest restored lost letters in it (else empty)


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    page: int | None
    section: str
    snippet: str  # verbatim substring of the chunk text


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]


@dataclass(frozen=True)
class Proposal:
    """One proposal of a report's catalogue, as the report states it (built by ingest, read by the assistant
    and the UI). Empty text means the report does not state it."""

    doc_id: str
    title: str
    area: str
    first_page: int
    last_page: int
    potential: str = ""  # the report's own statement of the potential, verbatim; "" = ikke angivet
    goal: str = ""  # mål: the sentence that states the proposal's purpose
    content: str = ""  # indhold: what the proposal does
    potential_section: str = ""  # the chapter's «Potentiale» section (or its opening statement of one)
    chapter_in_file: bool = True  # False: the chapter lies beyond the file's end; only the overview describes it

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Proposal:
        """From proposals.json; fields an older index lacks take their defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in known})


@dataclass(frozen=True)
class RejectedDraft:
    """A model's answer that was not shown: the guard found numbers in it that its cited sources do not state.
    Kept for evaluation (bench/llm.py prints it), never shown to the user."""

    text: str  # as the guard marked it: each such number followed by «(ikke fundet i kilderne)»
    numbers: list[str]
    cited: list[Citation] = field(default_factory=list)  # the passages its numbers were checked against


@dataclass
class Answer:
    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    unsupported_numbers: list[str] = field(default_factory=list)
    notice: str = ""  # e.g. "spørgsmålet blev forkortet", "faldt tilbage til ..."
    rejected: RejectedDraft | None = None  # the model's answer the embedded one replaced

    def to_record(self, qid: str | None = None) -> dict[str, Any]:
        """The answer record of shared/eval/FORMAT.md (plus optional extras)."""
        record: dict[str, Any] = {}
        if qid is not None:
            record["id"] = qid
        record.update(
            question=self.question,
            answer=self.text,
            refused=self.refused,
            citations=[asdict(c) for c in self.citations],
            tool_calls=[asdict(t) for t in self.tool_calls],
            timings_ms={k: round(v, 1) for k, v in self.timings_ms.items()},
        )
        if self.unsupported_numbers:
            record["unsupported_numbers"] = list(self.unsupported_numbers)
        if self.rejected is not None:
            record["rejected_draft"] = asdict(self.rejected)
        return record
