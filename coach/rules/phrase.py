"""Rule kind `phrase`: token patterns (coach/rules/patterns.py) run by one spaCy `Matcher`.

All phrase rules share one matcher so a doc is scanned once, however many rules there are.
A rule with `unless_specific = true` stays silent in a sentence that already carries concrete
detail (a number, a date, a named resource): "I made some changes" is vague, "I made three
changes: UWorld blocks, ..." is not.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.rules import Rule
from coach.rules.engine import AnchoredMatcher
from coach.rules.patterns import CompiledPattern, compile_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


@dataclass(frozen=True)
class TokenHit:
    """A rule match in token offsets (end exclusive)."""

    rule: str
    start: int
    end: int


class PhraseRules:
    """Compiled phrase rules over one vocab."""

    def __init__(self, vocab: Vocab, rules: Iterable[Rule]):
        self.matcher = AnchoredMatcher(vocab)
        self.rules: dict[str, Rule] = {}
        self._compiled: dict[str, list[CompiledPattern]] = {}
        for rule in rules:
            compiled = [cp for p in rule.patterns for cp in compile_patterns(p)]
            self.rules[rule.id] = rule
            self._compiled[rule.id] = compiled
            # One matcher key per pattern so the alignment can be mapped back to its pattern.
            for i, cp in enumerate(compiled):
                self.matcher.add(f"{rule.id}#{i}", [cp.tokens])

    def __call__(self, doc: Doc) -> list[TokenHit]:
        """Every match, trimmed of context tokens; overlaps are resolved later per type."""
        hits = []
        for key, start, _end, alignment in self.matcher(doc, with_alignments=True):
            rule_id, idx = key.rsplit("#", 1)
            span = self._compiled[rule_id][int(idx)].flagged(alignment)
            if span is not None:
                hits.append(TokenHit(rule_id, start + span[0], start + span[1]))
        return hits
