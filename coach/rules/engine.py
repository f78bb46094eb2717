"""An anchored evaluator for spaCy `Matcher` token patterns: same patterns, a fraction of the cost.

Rule files compile to ordinary spaCy `Matcher` patterns (lists of token dicts). spaCy's matcher
tests every pattern at every token, and with a few hundred patterns that costs more than the
parser itself on a short draft — too slow for the per-keystroke path and for the speed target
of benchmarks/bench_analyze.py (analyze ≤ 1.25 × bare `nlp(text)`). Almost every pattern needs some literal word ("personal",
"shelf", "~deal"), so this engine indexes the doc's words once, skips a pattern when one of its
required words is absent, and tries it only where its rarest required word occurs, then matches the same semantics (LOWER/LEMMA/ORTH/POS/TAG/
ENT_TYPE, IN/NOT_IN, and the ?, *, +, {n,m} operators) by backtracking. A test checks it
against spaCy's `Matcher` on the whole corpus.

Results: `(key, start, end)` — the longest match for each start — or with alignments, the index
of the pattern token each matched token satisfied (as `Matcher(..., with_alignments=True)`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

ATTRS = {"LOWER": "lower", "LEMMA": "lemma", "ORTH": "orth", "TEXT": "orth", "POS": "pos", "TAG": "tag",
         "ENT_TYPE": "ent"}
_RANGE = re.compile(r"\{(\d*),?(\d*)\}$")
UNBOUNDED = 10_000


class UnsupportedPattern(ValueError):
    """A token dict uses an attribute or operator this engine does not implement."""


@dataclass(frozen=True)
class _Tok:
    tests: tuple[tuple[str, frozenset[str], bool], ...]  # (attr, values, negated)
    lo: int  # repetitions allowed
    hi: int

    def ok(self, row: tuple[str, ...]) -> bool:
        return all((row[_COL[a]] in vals) != neg for a, vals, neg in self.tests)


_COL = {"lower": 0, "lemma": 1, "orth": 2, "pos": 3, "tag": 4, "ent": 5}


def _parse(tok: dict) -> _Tok:
    tests = []
    op = tok.get("OP")
    for key, spec in tok.items():
        if key == "OP":
            continue
        if key not in ATTRS:
            raise UnsupportedPattern(f"attribute {key} is not supported")
        attr = ATTRS[key]
        if isinstance(spec, str):
            tests.append((attr, frozenset({spec}), False))
        elif isinstance(spec, dict) and len(spec) == 1 and ("IN" in spec or "NOT_IN" in spec):
            neg = "NOT_IN" in spec
            tests.append((attr, frozenset(spec["NOT_IN" if neg else "IN"]), neg))
        else:
            raise UnsupportedPattern(f"value {spec!r} of {key} is not supported")
    if op is None:
        return _Tok(tuple(tests), 1, 1)
    if op == "?":
        return _Tok(tuple(tests), 0, 1)
    if op == "*":
        return _Tok(tuple(tests), 0, UNBOUNDED)
    if op == "+":
        return _Tok(tuple(tests), 1, UNBOUNDED)
    m = _RANGE.match(op)
    if m:
        lo = int(m.group(1) or 0)
        hi = int(m.group(2)) if m.group(2) else (lo if "," not in op else UNBOUNDED)
        return _Tok(tuple(tests), lo, hi)
    raise UnsupportedPattern(f"operator {op!r} is not supported")


@dataclass(frozen=True)
class _Anchor:
    """A required literal token of a pattern: where candidates for the whole pattern can come from."""

    attr: str
    words: frozenset[str]
    before: tuple[int, int]  # min and max tokens the parts before this token can consume


@dataclass(frozen=True)
class _Pattern:
    key: str
    toks: tuple[_Tok, ...]
    anchors: tuple[_Anchor, ...]  # every required literal token; empty: try every position


def _compile(key: str, pattern: list[dict]) -> _Pattern:
    toks = tuple(_parse(t) for t in pattern)
    anchors = []
    for i, t in enumerate(toks):
        if t.lo < 1:
            continue
        for attr, vals, neg in t.tests:
            if attr in ("lower", "lemma", "orth") and not neg:
                lo = sum(x.lo for x in toks[:i])
                hi = sum(x.hi for x in toks[:i])
                anchors.append(_Anchor(attr, vals, (lo, min(hi, UNBOUNDED))))
    return _Pattern(key, toks, tuple(anchors))


class TokenIndex:
    """Per-doc token attributes and word → positions maps, built once and shared by matchers."""

    def __init__(self, doc: Doc):
        self.rows = [(t.lower_, t.lemma_, t.text, t.pos_, t.tag_, t.ent_type_) for t in doc]
        self.positions: dict[str, dict[str, list[int]]] = {"lower": {}, "lemma": {}, "orth": {}}
        for i, (lower, lemma, orth, *_rest) in enumerate(self.rows):
            self.positions["lower"].setdefault(lower, []).append(i)
            self.positions["lemma"].setdefault(lemma, []).append(i)
            self.positions["orth"].setdefault(orth, []).append(i)

    @classmethod
    def of(cls, doc: Doc) -> TokenIndex:
        """The doc's index, cached in `doc.user_data` (attributes are final once parsed)."""
        idx = doc.user_data.get("coach_token_index")
        if idx is None or len(idx.rows) != len(doc):
            idx = doc.user_data["coach_token_index"] = cls(doc)
        return idx


def _match_from(toks: tuple[_Tok, ...], rows, start: int) -> tuple[int, list[int]] | None:
    """Longest match of `toks` starting at `start`: (end, alignment) or None. Greedy backtracking."""
    n = len(rows)
    best: list = [None]

    def go(ti: int, pos: int, align: list[int]) -> None:
        if ti == len(toks):
            if best[0] is None or pos > best[0][0]:
                best[0] = (pos, list(align))
            return
        t = toks[ti]
        # consume as many as allowed, then back off (greedy first)
        count = 0
        while count < t.hi and pos + count < n and t.ok(rows[pos + count]):
            count += 1
        for k in range(count, t.lo - 1, -1):
            align.extend([ti] * k)
            go(ti + 1, pos + k, align)
            del align[len(align) - k:]
            if best[0] is not None and best[0][0] == n:
                return

    go(0, start, [])
    result = best[0]
    if result is None or result[0] == start:
        return None  # spaCy never returns empty matches
    return result


def _rarest(anchors: tuple[tuple[int, tuple[int, int]], ...], words: list[tuple[str, frozenset[str]]],
            idx: TokenIndex, seen: list) -> tuple[list[int], tuple[int, int]] | None:
    """Positions of the required word that is rarest *in this doc*, or None when one is absent.

    Choosing per doc (not per pattern) matters: "i was more focused" would otherwise be tried at
    every "i", although "focused" — required too — appears nowhere. `anchors` are (word-set id,
    tokens before it); patterns expanded from one line share word sets, so each set is looked up
    once per doc (`seen`).
    """
    best = None
    for wid, before in anchors:
        hits = seen[wid]
        if hits is None:
            attr, vals = words[wid]
            where = idx.positions[attr]
            hits = seen[wid] = [i for w in vals for i in where.get(w, ())]
        if not hits:
            return None
        if best is None or len(hits) < len(best[0]):
            best = (hits, before)
    return best


def _gate_cost(anchor: _Anchor) -> tuple[int, int]:
    """How often a doc is likely to contain one of an anchor's words: a set holding a function
    word ("i", "was", "the") opens the gate for nearly every doc, so content words go first, then
    the smallest set. Any required set gives the same matches; this only makes the gate tighter."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return (sum(w in STOP_WORDS or not w.isalpha() for w in anchor.words), len(anchor.words))


class AnchoredMatcher:
    """`add(key, patterns)`, then call like a spaCy Matcher (keys are strings, not hashes)."""

    def __init__(self, vocab=None):
        self._patterns: list[_Pattern] = []
        self._words: list[tuple[str, frozenset[str]]] = []  # distinct required word sets
        self._word_ids: dict[tuple[str, frozenset[str]], int] = {}
        self._anchors: list[tuple[tuple[int, tuple[int, int]], ...]] = []  # per pattern
        # Gate: each pattern is filed under every word of its smallest required word set, so a
        # doc only visits the patterns one of its own words can start (most never qualify).
        self._gate: dict[tuple[str, str], list[int]] = {}
        self._ungated: list[int] = []

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        for p in patterns:
            compiled = _compile(key, p)
            n = len(self._patterns)
            self._patterns.append(compiled)
            self._anchors.append(tuple((self._word_id(a.attr, a.words), a.before) for a in compiled.anchors))
            if not compiled.anchors:
                self._ungated.append(n)
                continue
            gate = min(compiled.anchors, key=_gate_cost)
            for w in gate.words:
                self._gate.setdefault((gate.attr, w), []).append(n)

    def _word_id(self, attr: str, words: frozenset[str]) -> int:
        key = (attr, words)
        if key not in self._word_ids:
            self._word_ids[key] = len(self._words)
            self._words.append(key)
        return self._word_ids[key]

    def __len__(self) -> int:
        return len(self._patterns)

    def __call__(self, doc: Doc, with_alignments: bool = False) -> list[tuple]:
        idx = TokenIndex.of(doc)
        rows = idx.rows
        out = []
        seen: list = [None] * len(self._words)
        candidates = set(self._ungated)
        for attr, where in idx.positions.items():
            for w in where:
                candidates.update(self._gate.get((attr, w), ()))
        for n in sorted(candidates):  # file order, as before
            p, anchors = self._patterns[n], self._anchors[n]
            anchor = _rarest(anchors, self._words, idx, seen) if anchors else None
            if anchors and anchor is None:
                continue  # a word the pattern requires is not in this doc
            if anchor is None:
                starts = range(len(rows))
            else:
                hits, (lo, hi) = anchor
                starts = sorted({s for a in hits for s in range(max(0, a - hi), a - lo + 1)})
            for s in starts:
                m = _match_from(p.toks, rows, s)
                if m is not None:
                    out.append((p.key, s, m[0], m[1]) if with_alignments else (p.key, s, m[0]))
        return out
