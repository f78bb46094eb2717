"""What every detector receives: the doc, its sentences, the kind, and shared per-doc work.

Shared work (the phrase matcher run, the lexicon run, ownership cues, model scores) happens once
per doc here, so adding a detector never adds another pass over the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.pipeline.sentences import sentence_locator

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from coach.rules.phrase import TokenHit


@dataclass(frozen=True)
class Hit:
    """A detector result in token offsets; `rule` is a rule id from the data files."""

    type: str
    rule: str
    start: int
    end: int
    detail: str = ""  # appended to the rule's message, e.g. the measured length


@dataclass
class DocContext:
    doc: Doc
    sents: list[Span]
    kind: str
    phrase_hits: list[TokenHit]
    ownership_sents: set[int]
    detector_scores: list[dict[str, float]] = field(default_factory=list)
    specific_sents: set[int] = field(default_factory=set)
    concrete_tokens: frozenset[int] = frozenset()  # numbers, dates, named resources
    parts_present: frozenset[str] = frozenset()  # context/change/evidence found by the classifier

    def __post_init__(self) -> None:
        self._locate = sentence_locator(self.sents)

    def sent_index(self, token_i: int) -> int:
        """Index of the sentence holding a token."""
        return self._locate(token_i)

    def clause_is_specific(self, start: int, end: int) -> bool:
        """True when the clause around tokens [start, end) carries a concrete detail itself.

        The clause is the subtree of the phrase's head minus coordinated clauses, so in "I worked
        harder and passed in August" the date belongs to "passed", not to "worked harder".
        """
        head = self.doc[start:end].root
        skip: set[int] = set()
        for child in head.children:
            if child.dep_ in ("conj", "cc") or (child.dep_ == "punct" and child.i > head.i):
                skip.update(t.i for t in child.subtree)
        return any(t.i in self.concrete_tokens for t in head.subtree if t.i not in skip)

    def owned_near(self, sent_i: int) -> bool:
        """True when this sentence or a neighbour takes ownership."""
        return bool({sent_i - 1, sent_i, sent_i + 1} & self.ownership_sents)
