"""A small token-pattern notation for rule files, compiled to spaCy `Matcher` patterns.

Writing raw `Matcher` dictionaries in TOML is noisy; rule authors write one readable line instead:

    word          the lower-cased token text       ("issues")
    a|b|c         any of these texts                ("issue|issues|things")
    ~lemma|lemma  any of these lemmas               ("~issue|matter")
    @POS|POS      any of these coarse POS tags      ("@VERB|AUX")
    #TAG|TAG      any of these fine tags            ("#VBD|VBN")
    $ENT|ENT      any of these entity types         ("$CARDINAL")
    !a|b          any token whose text is none of these
    _             any token
    X? X* X+      optional, zero or more, one or more
    X{0,3}        between 0 and 3 of X
    -X            context only: must match, but is left out of the flagged span
                  (allowed only at the start or the end of a pattern)
    (a b|c|d e)   a group of word *sequences*: "a b" or "c" or "d e"; inside a group each
                  word is a plain text; "(...)?" also allows none of them, "-(...)" is context.
                  A pattern with groups expands into one Matcher pattern per combination.

Example: "-only|just by? a? few|couple of? points|questions" flags "by a few points" after "only".
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_QUANT = re.compile(r"(\?|\*|\+|\{\d*,?\d*\})$")


class PatternError(ValueError):
    """A pattern line cannot be parsed; the message quotes it."""


@dataclass(frozen=True)
class CompiledPattern:
    """Matcher token dicts plus how many leading/trailing pattern tokens are context only.

    Matching runs `with_alignments=True`, so context tokens may carry quantifiers: each matched
    token knows which pattern token it matched.
    """

    tokens: list[dict]
    lead: int
    trail: int
    source: str

    def flagged(self, alignment: list[int]) -> tuple[int, int] | None:
        """Offsets (relative to the match start) of the tokens that are not context."""
        keep = [i for i, a in enumerate(alignment) if self.lead <= a < len(self.tokens) - self.trail]
        return (keep[0], keep[-1] + 1) if keep else None


def _token(item: str, source: str) -> dict:
    op = None
    m = _QUANT.search(item)
    if m and item != m.group(1):
        op, item = m.group(1), item[: m.start()]
    if not item:
        raise PatternError(f"empty token in pattern {source!r}")
    head, body = item[0], item[1:]
    if item == "_":
        spec: dict = {}
    elif head == "~":
        spec = {"LEMMA": {"IN": body.split("|")}}
    elif head == "@":
        spec = {"POS": {"IN": body.split("|")}}
    elif head == "#":
        spec = {"TAG": {"IN": body.split("|")}}
    elif head == "$":
        spec = {"ENT_TYPE": {"IN": body.split("|")}}
    elif head == "!":
        spec = {"LOWER": {"NOT_IN": [w.lower() for w in body.split("|")]}}
    else:
        words = [w.lower() for w in item.split("|")]
        spec = {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}
    if op:
        spec["OP"] = op
    return spec


def compile_pattern(line: str) -> CompiledPattern:
    """Parse one pattern line (see the module docstring)."""
    items = line.split()
    if not items:
        raise PatternError("empty pattern")
    ctx = [it.startswith("-") and len(it) > 1 for it in items]
    lead = next((i for i, c in enumerate(ctx) if not c), len(items))
    trail = next((i for i, c in enumerate(reversed(ctx)) if not c), len(items))
    if lead == len(items):
        raise PatternError(f"pattern {line!r} has only context tokens")
    if any(ctx[lead: len(items) - trail]):
        raise PatternError(f"context tokens (-X) must be at the start or end: {line!r}")
    tokens = [_token(it[1:] if c else it, line) for it, c in zip(items, ctx)]
    return CompiledPattern(tokens, lead, trail, line)


def _split_items(line: str) -> list[str]:
    """Whitespace-separated items, keeping each parenthesised group (with its -/? marks) whole."""
    items, buf, depth = [], "", 0
    for ch in line:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PatternError(f"unbalanced ')' in pattern {line!r}")
        if ch.isspace() and depth == 0:
            if buf:
                items.append(buf)
            buf = ""
        else:
            buf += ch
    if depth:
        raise PatternError(f"unbalanced '(' in pattern {line!r}")
    if buf:
        items.append(buf)
    return items


def _expand(line: str) -> list[str]:
    """Expand groups into plain pattern lines (no groups left)."""
    choices: list[list[str]] = []
    for item in _split_items(line):
        m = re.fullmatch(r"(-?)\((.*)\)(\??)", item)
        if not m:
            choices.append([item])
            continue
        ctx, body, optional = m.groups()
        alts = []
        for alt in body.split("|"):
            words = alt.split()
            if not words:
                raise PatternError(f"empty alternative in group of {line!r}")
            alts.append(" ".join(ctx + w for w in words))
        if optional:
            alts.append("")
        choices.append(alts)
    return [" ".join(x for x in combo if x) for combo in itertools.product(*choices)]


def compile_patterns(line: str) -> list[CompiledPattern]:
    """Compile a pattern line that may contain groups into one or more patterns."""
    out = []
    for expanded in _expand(line):
        if not expanded.split():
            raise PatternError(f"pattern {line!r} can match nothing")
        out.append(compile_pattern(expanded))
    return out


def token_patterns(lines: list[str]) -> list[list[dict]]:
    """Matcher patterns for a list of pattern lines (for lexicons, where trimming is not needed)."""
    return [cp.tokens for line in lines for cp in compile_patterns(line)]


def lint_pattern(line: str) -> list[str]:
    """Ways a pattern line misleads its reader, each a short message (empty when clean).

    Plain words are compared lower-cased, so an upper-case plain word ("I|i") only looks
    case-sensitive; an alternative listed twice, in a token ("issue|issues|issue") or as a whole
    expansion (a `|` inside a group separates word *sequences*, so "(the school|the program|
    program)" can repeat one), means the author read the notation differently from the matcher.
    """
    problems = []
    for expanded in _expand(line):
        for item in expanded.split():
            body = item[1:] if item.startswith("-") and len(item) > 1 else item
            m = _QUANT.search(body)
            if m and body != m.group(1):
                body = body[: m.start()]
            if body[:1] in "~@#$!_":
                words = body[1:].split("|") if body[:1] != "_" else []
            else:
                words = body.split("|")
                upper = [w for w in words if w != w.lower()]
                if upper:
                    problems.append(f"upper-case plain word {upper[0]!r} (plain words match lower-cased text)")
            dup = sorted({w for w in words if words.count(w) > 1})
            if dup:
                problems.append(f"alternative {dup[0]!r} listed twice in {body!r}")
    seen: set[str] = set()
    for cp in compile_patterns(line):
        key = repr((cp.tokens, cp.lead, cp.trail))
        if key in seen:
            problems.append(f"the expansion {cp.source!r} appears twice")
        seen.add(key)
    return list(dict.fromkeys(problems))
