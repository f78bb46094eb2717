"""Clean one sentence of a draft for the rewrite: cut fillers, hedges and minimizers, put in the
MSPE's wording of a fact, and repair the capitalisation and punctuation the cuts leave behind.

Works on character offsets into the original text, so the report's flag offsets can be used
directly. Only ever deletes words or swaps in words from the draft or the MSPE: it never adds
content of its own. Pure string code; no spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.rules import lexicon
from coach.wordcount import WORD


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `new` ("" deletes). `why` names the reason for notes."""

    start: int
    end: int
    new: str
    why: str


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[str, ...]   # the words taken out (fillers, hedges, minimizers)
    kept_flags: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def lex() -> dict:
    """The rewrite's word lists and limits (`lexicons/rewrite.toml`)."""
    return lexicon("rewrite")


@lru_cache(maxsize=1)
def _fillers() -> tuple[re.Pattern, list[re.Pattern], re.Pattern]:
    f = lex()["fillers"]
    return (re.compile(f["leading"], re.I), [re.compile(p, re.I) for p in f["anywhere"]],
            re.compile(f["false_start"], re.I))


def strip_fillers(s: str) -> tuple[str, list[str]]:
    """Remove spoken fillers and false starts from a sentence, with the commas that framed them.

    "in, uh, May" → "in May" and "disorganized and, honestly, that" → "disorganized and that", but
    "pre-rounds, like, non-negotiable" keeps one comma: after a content word the commas also
    separate two phrases.
    """
    leading, anywhere, false_start = _fillers()
    function = set(lex()["fillers"]["function_words"])
    removed: list[str] = []

    def cut(m: re.Match) -> str:
        removed.append(m.group("f").strip(" ,"))
        if m.group("pre") and m.group("post"):
            before = re.findall(r"[\w'’-]+", s_now[:m.start()])
            return " " if before and before[-1].lower() in function else ", "
        return " "

    for _ in range(3):
        before_pass = s
        s = false_start.sub(lambda m: m.group(1), s)
        for rx in anywhere:
            s_now = s
            s = re.sub(rf"(?P<pre>,\s*)?(?P<f>{rx.pattern})(?P<post>\s*,)?", cut, s, flags=re.I)
        m = leading.match(s)
        if m and m.end() > 0:
            removed.append(m.group(0).strip(" ,.…—–-"))
            s = s[m.end():]
        if s == before_pass:
            break
    return s, [r for r in removed if r]


def _merge(edits: list[Edit]) -> list[Edit]:
    """Keep the first of any overlapping edits, MSPE wording first (it carries a fact)."""
    ranked = sorted(edits, key=lambda e: (e.why != "mspe", e.start, -(e.end - e.start)))
    kept: list[Edit] = []
    for e in ranked:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


_SPACES = re.compile(r"\s+")
# Only words that can never end an English sentence ("so" and "then" only after a comma: "I hope so.")
_DANGLING = re.compile(r"(?:,\s*(?:so|and|but|or|then|because)|\s(?:and|but|or|because|although|whereas|"
                       r"the|an|my|your|our|their))[.!?…]?$")


def tidy(s: str) -> str:
    """Repair what deletions leave behind: doubled or dangling punctuation, case, the full stop."""
    s = _SPACES.sub(" ", s)
    for _ in range(3):
        s = re.sub(r"\s+([,.;:!?])", r"\1", s)
        s = re.sub(r"([,;:])\s*(?=[,.;:!?])", "", s)
        s = re.sub(r"([—–-])\s*[,;]", r"\1", s)
        s = re.sub(r",\s*[—–]\s*", ", ", s)
        s = re.sub(r"\(\s*[,;]?\s*\)", "", s)
        s = re.sub(r"\b(and|but|or|so)\s*,\s*(?=\w)", r"\1 ", s)
        s = re.sub(r"\s+[—–]\s*(?=[.!?]?$)", "", s)
        s = re.sub(r"\s{2,}", " ", s)
    s = re.sub(r"^[\s,;:.—–-]+", "", s).rstrip()
    s = re.sub(r"[\s,;:—–-]+$", "", s)
    # a cut can leave a dangling joiner at the end ("… and passed, so." → "… and passed.")
    for _ in range(3):
        s = _DANGLING.sub("", s).rstrip()
        s = re.sub(r"[\s,;:—–-]+$", "", s)
    m = re.match(r"[\"'“‘(]*([a-z])", s)
    if m:
        s = s[:m.start(1)] + m.group(1).upper() + s[m.end(1):]
    if s and not re.search(r"[.!?]['\"’”)]*$", s):
        s += "."
    return s


def clean(text: str, start: int, end: int, edits: list[Edit], max_share: float | None = None,
          drop: tuple[Edit, ...] = ()) -> Cleaned:
    """The sentence text[start:end] with the edits applied, its fillers stripped, and tidied.

    Offset edits (flags, MSPE wording) go first because their offsets refer to the original text;
    fillers are then found in the result. Edits in `drop` always apply, whatever their share:
    they take out wording that must not be copied (the caller checks what is left can stand).
    """
    max_share = lex()["limits"]["max_removed_share"] if max_share is None else max_share
    length = max(end - start, 1)
    inside = [_whole_clause(text, start, end, e) for e in edits if start <= e.start and e.end <= end]
    usable = [e for e in inside if e.why not in ("hedge", "minimizing") or (e.end - e.start) / length <= max_share
              or e in drop]
    kept_flags = tuple(text[e.start:e.end] for e in inside if e not in usable)
    out, pos, removed = [], start, []
    for e in _merge(usable):
        out.append(text[pos:e.start])
        if e.new:
            out.append(e.new)
        elif text[e.start:e.end].strip(" ,"):
            removed.append(text[e.start:e.end].strip(" ,").removeprefix("which ").strip())
        pos = e.end
    out.append(text[pos:end])
    body, fillers = strip_fillers(_SPACES.sub(" ", "".join(out)).strip())
    return Cleaned(tidy(body), tuple(removed + fillers), kept_flags)


_CLAUSE_OPENERS = re.compile(r"\s*(?:which|that|though|although|but|even\s+though|it|and\s+it|so\s+it)\b", re.I)


def _whole_clause(text: str, start: int, end: int, e: Edit) -> Edit:
    """Widen a minimizer to its clause when deleting just the flagged words would leave a stub.

    "…, which really isn't a big deal, and …" is flagged on "n't a big deal"; deleting that alone
    leaves "which really is". A span that starts inside a word, or sits in a comma clause opening
    with "which", "though", "but" …, takes its whole clause (if the clause is under half the sentence).
    """
    if e.why != "minimizing":
        return e
    left = text.rfind(",", start, e.start)
    right = text.find(",", e.end, end)
    a = left if left >= 0 else start
    b = right if right >= 0 else end
    mid_word = e.start > 0 and (text[e.start - 1].isalpha() or text[e.start] in "'’")
    opener = left >= 0 and _CLAUSE_OPENERS.match(text, left + 1)
    if (mid_word or opener) and (b - a) < 0.5 * (end - start):
        return Edit(a, b, "", "minimizing clause")  # already checked against the sentence length
    return e


def trim_last_clause(sentence: str, min_share: float = 0.4) -> str | None:
    """The sentence without its last clause ("…, and then …"), or None when that would gut it."""
    rx = re.compile(lex()["trim"]["clause"], re.I)
    not_items = set(lex()["trim"]["not_list_items"])
    for m in reversed(list(rx.finditer(sentence))):
        head = sentence[:m.start()]
        if len(head) >= min_share * len(sentence) and len(head.split()) >= 6:
            # cutting the last item of a list ("went …, got …, and studied …") needs its "and" back
            nxt = re.match(r",\s+and\s+([\w'’]+)", sentence[m.start():])
            if nxt and nxt.group(1).lower() not in not_items and ", " in head:
                k = head.rfind(", ")
                head = head[:k] + ", and " + head[k + 2:]
            return tidy(head)
    return None


def to_first_person(sentence: str) -> str:
    """An MSPE sentence in the student's voice ("He passed on his second attempt" → "I passed on my …")."""
    s = sentence
    for pattern, repl in lex()["mspe"]["person"]:
        s = re.sub(pattern, repl, s, flags=0 if pattern.startswith(r"\b(?:Mr") else re.I)
    s = re.sub(r"\bi\b", "I", s)
    return tidy(s)


_CLAUSE_LEFT = re.compile(r"[,;:(]|\s[—–]\s|—|\s(?=(?:because|since|due\s+to|but|which|although|though|and|so|"
                          r"as\s+a\s+result\s+of|after|when|while|despite)\b)", re.I)
_CLAUSE_RIGHT = re.compile(r"[,;:)]|\s[—–]\s|—")


def drop_clause(text: str, start: int, end: int, f_start: int, f_end: int, max_share: float = 0.6) -> Edit:
    """The deletion that takes flagged words out of sentence text[start:end] with their clause.

    "I failed Step 1 because of personal stuff." loses "because of personal stuff"; when the clause
    would be most of the sentence, only the flagged words go (and `is_full_sentence` decides
    whether what is left can stand).
    """
    lefts = [m.start() for m in _CLAUSE_LEFT.finditer(text, start, f_start)]
    a = lefts[-1] if lefts else start
    m = _CLAUSE_RIGHT.search(text, f_end, end)
    b = m.start() if m else end
    if (b - a) <= max_share * max(end - start, 1):
        return Edit(a, b, "", "flagged clause")
    return Edit(f_start, f_end, "", "flagged")


_VERBISH = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|have|has|had|do|does|did|can|could|will|would|should|may|might|must|"
    r"(?<!\bmy\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bher\s)(?<!\bhis\s)(?<!\bour\s)(?<!\btheir\s)[a-z]{2,}(?:ed|ing)|[a-z]+n['’]t|i['’](?:m|ve|d|ll)|took|got|went|made|met|kept|began|saw|knew|felt|left|"
    r"found|built|set|put|ran|spent|wrote|read|thought|told|came|became|gave|sat|fell|paid|won|lost|chose|drove|"
    r"let|quit|cut|stood|heard|held|brought|bought|taught|sought|slept|meant|led|did|rose|hit|retook|redid|"
    r"passed|failed|scored)\b", re.I)
# ("during", "morning", "nothing" end in -ing without being verbs; "sub-I" is not a subject)
_NOT_VERBS = re.compile(r"\b(?:during|morning|evening|something|nothing|anything|everything|thing|spring|"
                        r"string|ceiling|wedding|red|bed|need|seed|speed|hundred|med|shed)\b", re.I)
_SUBJECT_VERB = re.compile(r"(?<![\w-])(?:I|[Ww]e|[Tt]hey|[Ss]he|[Hh]e)\s+(?:\w+ly\s+|also\s+|still\s+|now\s+|then\s+)?"
                           r"(?!(?:a|an|the|my|our|his|her|their|and|or|but|to|in|on|at|of|for|with|by|from|as|so)\b)[a-z]+")
_ENDS_DANGLING = re.compile(r"(?:^|\s)(?:and|but|or|because|although|the|an|my|your|our|their)[.!?…]['\"’”)]*$"
                            r"|,\s*(?:so|and|but|or|then)[.!?…]['\"’”)]*$")


def is_full_sentence(s: str) -> bool:
    """A plain check that a cleaned sentence can stand alone: at least three words, a verb-like
    word, terminal punctuation, and no joiner left dangling at the end."""
    words = WORD.findall(s)
    probe = re.sub(r"\bMay\b", " ", s)  # the month, not the modal
    verbish = any(not _NOT_VERBS.fullmatch(m.group(0)) for m in _VERBISH.finditer(probe)) or bool(_SUBJECT_VERB.search(probe))
    return (len(words) >= 3 and verbish and bool(re.search(r"[.!?…]['\"’”)]*$", s))
            and not _ENDS_DANGLING.search(s))


_TELEGRAPHIC = re.compile(r"(?P<verb>[A-Z][a-z]{2,}ed|Took|Got|Went|Made|Met|Kept|Began|Sat|Fell|Retook|Redid|Spent|Did)\b"
                          r"(?!\s+(?:by|to\s+be)\b)")


def with_subject(s: str) -> str:
    """A form-style line with no subject ("Failed Step 1 in 2024.") as a full sentence in the
    student's voice ("I failed Step 1 in 2024."), when its first word is the only verb in it."""
    m = _TELEGRAPHIC.match(s)
    if not m:
        return s
    rest = s[m.end():]
    if any(not _NOT_VERBS.fullmatch(v.group(0)) for v in _VERBISH.finditer(rest)) or _SUBJECT_VERB.search(rest):
        return s
    return "I " + m["verb"].lower() + rest
