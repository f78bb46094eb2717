"""Turn a sentence (a spaCy `Span`) into a sparse feature dict for the sentence classifiers.

Drafts come from writers the model has never seen, so features describe *linguistic facts* — tense, who the grammatical agent is, entity types, numbers, time expressions, named
resources and outcome words from `lexicons/features.toml` — with lemmas as a smaller share.
Training and inference call the same function, so the two can never drift apart.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from coach.rules import lexicon
from coach.rules.dependency import names_outside_agent
from coach.rules.patterns import token_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# Word lists are data (lexicons/features.toml, table [words]); frozen once at import so the
# per-token checks below stay set lookups.
_WORDS = lexicon("features")["words"]
FIRST_PERSON = frozenset(_WORDS["first_person"])
IMPERSONAL_SUBJECTS = frozenset(_WORDS["impersonal_subjects"])
ENT_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "ORG", "PERSON", "GPE", "QUANTITY", "MONEY", "EVENT"}
# Two-word terms of the trade whose first word means something else alone ("personal statement"
# is not "personal issues"); their first word becomes one feature, e.g. `w=personal_statement`.
DOMAIN_TERMS = frozenset(tuple(term.split()) for term in _WORDS["domain_terms"])
# Function words that carry tense and sequence; kept although they are stop words.
KEEP_STOP = frozenset(_WORDS["keep_stop"])


@lru_cache(maxsize=4)
def _lexicon_matcher(vocab: Vocab):
    """An anchored matcher with one key per lexicon group; built once per vocab."""
    from coach.rules.engine import AnchoredMatcher

    matcher = AnchoredMatcher(vocab)
    for group, lines in lexicon("features")["groups"].items():
        matcher.add(group, token_patterns(lines))
    return matcher


def lexicon_hits(doc: Doc) -> list[tuple[str, int, int]]:
    """(group, start_token, end_token) for every lexicon match in the doc; run once per doc."""
    return _lexicon_matcher(doc.vocab)(doc)


def _tense(sent: Span) -> set[str]:
    tags = {t.tag_ for t in sent}
    out = set()
    if "VBD" in tags:
        out.add("past")
    if tags & {"VBP", "VBZ"}:
        out.add("present")
    lowers = {t.lower_ for t in sent}
    if lowers & {"will", "'ll", "gonna"} or "going to" in sent.text.lower():
        out.add("future")
    if any(t.lemma_ == "have" and t.dep_ == "aux" and t.head.tag_ == "VBN" for t in sent):
        out.add("perfect")
    if "VBG" in tags and any(t.dep_ == "aux" and t.lemma_ == "be" for t in sent):
        out.add("progressive")
    return out or {"none"}


NEGATING_SUBJECTS = frozenset(_WORDS["negating_subjects"])
HYPOTHETICAL_AUX = frozenset(_WORDS["hypothetical_aux"])


def _outcome_mood(sent: Span, hits: list[tuple[str, int, int]]) -> set[str]:
    """Whether an outcome word is negated ("didn't pass", "nobody could pass") or hypothetical.

    "I didn't pass the shelf" names the failure and "I should pass this time" is a hope; neither is
    evidence, though both contain the outcome word "pass".
    """
    out = set()
    doc = sent.doc
    for g, hs, he in hits:
        if g != "outcome" or hs < sent.start or he > sent.end:
            continue
        for t in doc[hs:he]:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            kids = list(t.children)
            if any(c.dep_ == "neg" for c in kids) or any(c.dep_.startswith("nsubj") and c.lower_ in NEGATING_SUBJECTS for c in kids):
                out.add("negated")
            if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in kids):
                out.add("hypothetical")
    return out


def _agency(sent: Span) -> set[str]:
    out = set()
    root = sent.root
    for t in sent:
        if t.dep_ in ("nsubj", "nsubjpass", "expl"):
            who = "i" if t.lower_ in FIRST_PERSON else ("it" if t.lower_ in IMPERSONAL_SUBJECTS else "other")
            voice = "pass" if t.dep_ == "nsubjpass" else "act"
            out.add(f"{who}_{voice}")
            if t.head == root:
                out.add(f"root_{who}_{voice}")
    if not out:
        out.add("none")
    return out


def sentence_features(
    sent: Span, *, index: int | None, n_sents: int, kind: str, hits: list[tuple[str, int, int]]
) -> dict[str, float]:
    """Features of one sentence; `hits` are the doc's lexicon matches (from `lexicon_hits`).

    `index=None` marks a stand-alone training sentence whose place in a draft is unknown.
    """
    f: dict[str, float] = {}
    lemmas = []
    for t in sent:
        if t.is_punct or t.is_space:
            continue
        lem = t.lemma_.lower()
        if t.i + 1 < sent.end and (lem, t.doc[t.i + 1].lemma_.lower()) in DOMAIN_TERMS:
            lem = f"{lem}_{t.doc[t.i + 1].lemma_.lower()}"
        if t.like_num:
            lem = "<num3>" if (t.text.isdigit() and len(t.text) == 3) else "<num>"
        if t.is_alpha or lem.startswith("<"):
            lemmas.append(lem)
            if not t.is_stop or lem in KEEP_STOP:
                f[f"w={lem}"] = 1.0
        if t.ent_type_ in ENT_TYPES:
            f[f"ent={t.ent_type_}"] = 1.0
        f[f"pos={t.pos_}"] = f.get(f"pos={t.pos_}", 0.0) + 0.2
        if t.dep_ == "neg":
            f["neg"] = 1.0
    for a, b in zip(lemmas, lemmas[1:]):
        f[f"b={a}_{b}"] = 1.0
    tense = _tense(sent)
    for name in tense:
        f[f"tense={name}"] = 1.0
    for name in _agency(sent):
        f[f"agent={name}"] = 1.0
    f[f"root={sent.root.lemma_.lower()}"] = 1.0
    s, e = sent.start, sent.end
    groups = {g for g, hs, he in hits if hs >= s and he <= e}
    for g in groups:
        f[f"lex={g}"] = 1.0
    fp = sum(t.lower_ in FIRST_PERSON for t in sent)
    f["first_person"] = min(fp, 4) / 4
    has_num = any(t.like_num or t.ent_type_ in ("CARDINAL", "PERCENT") for t in sent)
    has_date = any(t.ent_type_ in ("DATE", "TIME") for t in sent)
    # A few interactions a linear model cannot form itself.
    for mood in _outcome_mood(sent, hits) if "outcome" in groups else ():
        f[f"x=outcome_{mood}"] = 1.0
    if "outcome" in groups and "failure" in groups:
        f["x=outcome_failure"] = 1.0
    if "outcome" in groups and has_num:
        f["x=outcome_num"] = 1.0
    if "outcome" in groups and "past" in tense:
        f["x=outcome_past"] = 1.0
    if "outcome" in groups and ("perfect" in tense or "since" in lemmas):
        f["x=outcome_since"] = 1.0
    if "resource" in groups and "past" in tense:
        f["x=resource_past"] = 1.0
    if "resource" in groups and has_num:
        f["x=resource_num"] = 1.0
    if "context_event" in groups and has_date:
        f["x=event_date"] = 1.0
    if "failure" in groups and not (groups - {"failure", "filler"}):
        f["x=failure_only"] = 1.0
    if "effort" in groups and "outcome" not in groups:
        f["x=effort_no_outcome"] = 1.0
    if "future" in groups or "future" in tense:
        f["x=future"] = 1.0
    if names_outside_agent(sent, OUTSIDE_PEOPLE):
        f["x=outside_agent"] = 1.0
    if is_question(sent):
        f["question"] = 1.0
    if has_num:
        f["has_num"] = 1.0
    if has_date:
        f["has_date"] = 1.0
    # Where the sentence sits: context tends to come early, evidence late.
    if index is None:
        f["rel_pos"] = 0.5
    else:
        f["rel_pos"] = index / max(n_sents - 1, 1)
        place = "only" if n_sents == 1 else "first" if index == 0 else "last" if index == n_sents - 1 else "middle"
        f[f"place={place}"] = 1.0
    f[f"kind={kind}"] = 1.0
    n = len(lemmas)
    f[f"len={'short' if n < 8 else 'medium' if n < 20 else 'long'}"] = 1.0
    f.update(_context_vector(sent))
    return f


OUTSIDE_PEOPLE = frozenset(_WORDS["outside_people"])
QUESTION_TAGS = tuple(_WORDS["question_tags"])
_CLOSERS = frozenset({'"', "'", "”", "’"})


def is_question(sent: Span) -> bool:
    """Whether a sentence asks something ("should I cut the last line?").

    A question to the reader hides nothing and blames no one, so the learned detectors leave it
    alone; a vague or blaming phrase inside one is still caught by the rules.
    """
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _CLOSERS), None)
    if last is None or not last.text.endswith("?"):
        return False  # the common case, decided without building the sentence's text
    text = sent.text.rstrip().rstrip("\"')”’")
    # A tag question ("it was just a rough season, you know?") is a statement.
    body = text.rstrip("?").rstrip().lower()
    return not any(body.endswith("," + tag) or body.endswith(", " + tag) for tag in QUESTION_TAGS)


def has_outside_agent(feats: dict[str, float]) -> bool:
    """Read back from a sentence's features: it names someone or something besides the student."""
    return "x=outside_agent" in feats


def _context_vector(sent: Span) -> dict[str, float]:
    """The pipeline's own `tok2vec` output, averaged over the sentence's words.

    The tagger and parser already computed these contextual vectors, so they cost nothing extra.
    They describe what a sentence is *like* (a generic outcome claim, an evasive noun phrase, an
    accusation) beyond the exact words it uses, which is what lets the linear models recognise
    phrasings that no corpus author wrote. A pipeline without a tensor simply adds no features.
    """
    tensor = sent.doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(sent.doc):
        return {}
    rows = [t.i for t in sent if not (t.is_punct or t.is_space)] or [t.i for t in sent]
    if not rows:
        return {}
    mean = tensor[rows].mean(axis=0)
    return {f"t2v={i}": round(float(v) / T2V_SCALE, 4) for i, v in enumerate(mean)}


# Sentence means of en_core_web_sm tok2vec values sit within about ±0.6; this puts them on the scale of the
# 0/1 indicator features so one regularisation strength suits both.
T2V_SCALE = 0.5


CONCRETE_ENTS = ("DATE", "CARDINAL", "PERCENT", "TIME")


def concrete_tokens(doc: Doc, hits: list[tuple[str, int, int]]) -> frozenset[int]:
    """Tokens that make an explanation checkable: numbers, dates and named resources.

    One definition for the detectors (a vague phrase next to concrete detail is excused) and the
    specificity score (a draft with none is capped).
    """
    out = {i for g, hs, he in hits if g == "resource" for i in range(hs, he)}
    out |= {t.i for t in doc if t.ent_type_ in CONCRETE_ENTS or t.like_num}
    return frozenset(out)


def doc_features(
    doc: Doc, kind: str, sents: list[Span] | None = None, hits: list[tuple[str, int, int]] | None = None
) -> list[dict[str, float]]:
    """Features for every sentence of a doc, matching the lexicon once."""
    sents = list(doc.sents) if sents is None else sents
    hits = lexicon_hits(doc) if hits is None else hits
    return [sentence_features(s, index=i, n_sents=len(sents), kind=kind, hits=hits) for i, s in enumerate(sents)]
