"""An anchored evaluator for spaCy `Matcher` token patterns: same patterns, a fraction of the cost.

Rule files compile to ordinary spaCy `Matcher` patterns (lists of token dicts). spaCy's matcher
tests every pattern at every token, and with a few hundred patterns that costs more than the
parser itself on a short draft — too slow for the per-keystroke path and for the speed target
of benchmarks/bench_analyze.py (analyze ≤ 1.25 × bare `nlp(text)`). Almost every pattern needs some literal word ("personal",
"shelf", "~deal"), so this engine indexes the doc's words once and tries a pattern only where
its rarest required word occurs, then matches the same semantics (LOWER/LEMMA/ORTH/POS/TAG/
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
class _Pattern:
    key: str
    toks: tuple[_Tok, ...]
    anchor: int | None  # index into toks of the required literal token used to find candidates
    anchor_attr: str
    anchor_words: frozenset[str]
    before: tuple[int, int]  # min and max tokens the parts before the anchor can consume


def _compile(key: str, pattern: list[dict]) -> _Pattern:
    toks = tuple(_parse(t) for t in pattern)
    best = None
    for i, t in enumerate(toks):
        if t.lo < 1:
            continue
        for attr, vals, neg in t.tests:
            if attr in ("lower", "lemma", "orth") and not neg and (best is None or len(vals) < len(best[2])):
                best = (i, attr, vals)
    if best is None:
        return _Pattern(key, toks, None, "", frozenset(), (0, 0))
    i, attr, vals = best
    lo = sum(t.lo for t in toks[:i])
    hi = sum(t.hi for t in toks[:i])
    return _Pattern(key, toks, i, attr, vals, (lo, min(hi, UNBOUNDED)))


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


class AnchoredMatcher:
    """`add(key, patterns)`, then call like a spaCy Matcher (keys are strings, not hashes)."""

    def __init__(self, vocab=None):
        self._patterns: list[_Pattern] = []

    def add(self, key: str, patterns: list[list[dict]], gate: str | None = None) -> None:
        self._patterns += [_compile(key, p) for p in patterns]

    def __len__(self) -> int:
        return len(self._patterns)

    def __call__(self, doc: Doc, with_alignments: bool = False) -> list[tuple]:
        idx = TokenIndex.of(doc)
        rows = idx.rows
        out = []
        for p in self._patterns:
            if p.anchor is None:
                starts = range(len(rows))
            else:
                where = idx.positions[p.anchor_attr]
                hits = [i for w in p.anchor_words for i in where.get(w, ())]
                if not hits:
                    continue
                lo, hi = p.before
                starts = sorted({s for a in hits for s in range(max(0, a - hi), a - lo + 1)})
            for s in starts:
                m = _match_from(p.toks, rows, s)
                if m is not None:
                    out.append((p.key, s, m[0], m[1]) if with_alignments else (p.key, s, m[0]))
        return out
