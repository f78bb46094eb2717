"""Shared helpers for the MSPE and rewrite tests (not a test module itself).

`corpus_reports()` analyses every corpus draft once per test process (with its MSPE when it has
one), so the corpus-wide tests share one pass. The checks state the rewrite's property: it
invents nothing, and it has a placeholder exactly for each part the analysis found missing,
within the kind's shape.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.limits import limits
from coach.resources import templates_dir
from coach.rules import lexicon
from coach.vocab import COMPONENTS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
FIRST_PERSON = {"i", "my", "me", "myself", "have", "am"}  # MSPE sentences turned into the student's voice
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")


@lru_cache(maxsize=1)
def corpus_reports() -> dict:
    """{draft id: (Draft, Report)} for every corpus draft, analysed once."""
    from coach import analyze
    from coach.resources import corpus_dir
    from coach.training.corpus import load_dir

    return {d.id: (d, analyze(d.text, kind=d.kind, mspe=d.mspe)) for d in load_dir(corpus_dir()).drafts}


@lru_cache(maxsize=1)
def template_words() -> frozenset:
    """Every word the templates themselves can print (comments and tags removed)."""
    words = set()
    for path in templates_dir().rglob("*.j2"):
        t = re.sub(r"\{#.*?#\}", " ", path.read_text(encoding="utf-8"), flags=re.S)
        # string literals inside tags are printable words too (the signpost lists of lead_ins.j2)
        for tag in re.findall(r"\{[{%].*?[%}]\}", t, flags=re.S):
            words |= {w.lower() for lit in re.findall(r'"([^"]*)"', tag) for w in WORD.findall(lit)}
        t = re.sub(r"\{[{%].*?[%}]\}", " ", t, flags=re.S)
        words |= {w.lower() for w in WORD.findall(t)}
    return frozenset(words)


@lru_cache(maxsize=1)
def fact_pattern() -> re.Pattern:
    """Numbers, dates, exam names and course names: what must never be made up."""
    courses = "|".join(sorted((re.escape(c) for c in lexicon("mspe")["courses"]["names"]), key=len, reverse=True))
    return re.compile(
        rf"\d+(?:[.,]\d+)?|\b(?:{MONTHS})\b|\b(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?\d{{4}}|"
        rf"\b(?:step|level)\s*\w+(?:-\w+)?|\b(?:usmle|comlex(?:-usa)?|nbme)\b|\b(?:{courses})\b", re.I)


def placeholder_free(result) -> str:
    """The suggestion without the placeholders of its missing parts (they are asks, not facts)."""
    text = result.text
    for p in COMPONENTS:
        if result.parts[p]["source"] != "draft":
            m = re.search(r"\[[^\[\]]*\]\s*$", result.parts[p]["text"])
            assert m, f"{p}: no placeholder at the end of {result.parts[p]['text']!r}"
            assert m.group(0).strip() in text
            text = text.replace(m.group(0).strip(), " ")
    return text


def assert_invents_nothing(result, *inputs: str) -> None:
    source = " ".join(i for i in inputs if i)
    src_norm = " ".join(source.lower().split())
    body = placeholder_free(result)
    for m in fact_pattern().finditer(body):
        fact = " ".join(m.group(0).lower().split())
        assert fact in src_norm, f"{fact!r} is not in the inputs: {result.text!r}"
    allowed = {w.lower() for w in WORD.findall(source)} | template_words() | FIRST_PERSON
    extra = {w for w in (x.lower() for x in WORD.findall(body)) if w not in allowed}
    assert not extra, f"words not in the inputs or templates: {sorted(extra)}"


def assert_placeholders_match_missing(result, report) -> None:
    missing = {p for p in COMPONENTS if not report.components[p].present}
    filled = {p for p in COMPONENTS if result.parts[p]["source"] != "draft"}
    assert missing <= filled, (filled, missing)
    # a part the draft has can still be a placeholder when every sentence of it was flagged wording
    for p in filled - missing:
        assert any(n.startswith(f"Your draft's {p} sentences were left out") for n in result.notes), p
    for p in COMPONENTS:
        assert result.parts[p]["source"] in ("draft", "mspe", "placeholder")
        if p in missing:
            assert any(n.startswith(("Fill the", f"The {p} part restates")) and p in n for n in result.notes)


def assert_shape(result) -> None:
    d = result.to_dict()
    assert d["schema"] == "coach.rewrite/1" and d["kind"] in ("interview", "statement", "eras")
    assert set(d["parts"]) == set(COMPONENTS) and isinstance(d["notes"], list)
    words = len(WORD.findall(result.text))
    if result.kind == "eras":
        assert len(result.text) <= 750
    elif result.kind == "statement":
        assert words <= 100 or any(n.startswith("Cut length") for n in result.notes)
    else:
        assert words <= limits().interview_words[1] or any(n.startswith("Cut length") for n in result.notes)
