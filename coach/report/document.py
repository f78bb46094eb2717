"""The one analysis result every view renders. `to_dict()` is the contract (coach.report/1)."""
from __future__ import annotations

from dataclasses import dataclass, field

from coach.report.findings import Finding
from coach.vocab import COMPONENTS

SCHEMA = "coach.report/1"


@dataclass(frozen=True)
class SentenceResult:
    start: int
    end: int
    component: str
    confidence: float


@dataclass(frozen=True)
class ComponentResult:
    present: bool
    confidence: float
    sentences: tuple[int, ...]


@dataclass(frozen=True)
class MspeFinding:
    fact: str
    draft: str | None
    mspe: str | None
    message: str
    severity: str = "warning"


@dataclass(frozen=True)
class MspeResult:
    consistent: bool
    findings: tuple[MspeFinding, ...] = ()
    notes: tuple[MspeFinding, ...] = ()  # facts the MSPE states and the draft leaves out (info)
    facts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        def one(f: MspeFinding) -> dict:
            return {"fact": f.fact, "draft": f.draft, "mspe": f.mspe, "message": f.message, "severity": f.severity}

        return {"consistent": self.consistent, "findings": [one(f) for f in self.findings],
                "notes": [one(f) for f in self.notes], "facts": self.facts}


@dataclass(frozen=True)
class Report:
    """Plain data only (no spaCy objects), so views and templates can use it freely."""

    text: str
    path: str | None
    kind: str
    red_flag: str | None
    word_count: int
    sentences: tuple[SentenceResult, ...]
    components: dict[str, ComponentResult]
    flags: tuple[Finding, ...]
    scores: dict[str, int]
    mspe: MspeResult | None = None
    notices: tuple[str, ...] = ()
    detected_kind: str | None = None  # what auto-detection would say; not part of the JSON contract
    concrete_details: int = 0  # numbers, dates, named resources: an input of the specificity score

    def with_flags(self, flags) -> Report:
        """The same analysis showing only `flags` (e.g. minus dismissed ones), scores recomputed."""
        from dataclasses import replace

        from coach.report.scores import compute_scores

        flags = tuple(flags)
        present = (self.components[c].present for c in COMPONENTS)
        return replace(self, flags=flags, scores=compute_scores(present, list(flags), self.concrete_details))

    def with_path(self, path: str | None) -> Report:
        """The same report labelled with the input's path."""
        from dataclasses import replace

        return replace(self, path=path)

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def to_dict(self) -> dict:
        """The JSON object of the report contract (docs/contract.md, coach/report/schema/report.schema.json)."""
        return {
            "schema": SCHEMA,
            "path": self.path,
            "kind": self.kind,
            "red_flag": self.red_flag,
            "word_count": self.word_count,
            "sentences": [
                {"start": s.start, "end": s.end, "component": s.component, "confidence": s.confidence}
                for s in self.sentences
            ],
            "components": {
                c: {"present": r.present, "confidence": r.confidence, "sentences": list(r.sentences)}
                for c, r in ((c, self.components[c]) for c in COMPONENTS)
            },
            "flags": [f.to_dict() for f in self.flags],
            "scores": dict(self.scores),
            "mspe": self.mspe.to_dict() if self.mspe else None,
            "notices": list(self.notices),
        }
