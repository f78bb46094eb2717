"""The anchored engine finds exactly what spaCy's Matcher finds (longest match per start)."""
import pytest
from spacy.matcher import Matcher

from coach.rules import all_rules, lexicon
from coach.rules.engine import AnchoredMatcher, UnsupportedPattern
from coach.rules.patterns import compile_patterns, token_patterns


def _all_patterns():
    out = []
    for r in all_rules():
        for line in r.patterns:
            out += [(r.id, cp.tokens) for cp in compile_patterns(line)]
    for group, lines in lexicon("features")["groups"].items():
        out += [(f"lex:{group}", p) for p in token_patterns(lines)]
    for entry in lexicon("red_flags")["type"]:
        out += [(f"rf:{entry['name']}", p) for p in token_patterns(entry["patterns"])]
    return out


def _longest(matches):
    best = {}
    for key, s, e, *_ in matches:
        best[(key, s)] = max(best.get((key, s), 0), e)
    return best


@pytest.fixture(scope="module")
def docs(nlp):
    from coach.resources import corpus_dir
    from coach.training.corpus import load_dir

    corpus = load_dir(corpus_dir())
    texts = [d.text for d in corpus.drafts[::3]] + [s.text for s in corpus.sentences[::4]]
    return list(nlp.pipe(texts))


def test_same_matches_as_spacy_matcher(nlp, docs):
    patterns = _all_patterns()
    ours = AnchoredMatcher()
    theirs = Matcher(nlp.vocab)
    for i, (key, p) in enumerate(patterns):
        ours.add(f"{key}#{i}", [p])
        theirs.add(f"{key}#{i}", [p])
    strings = nlp.vocab.strings
    for doc in docs:
        expected = _longest((strings[m], s, e) for m, s, e in theirs(doc))
        assert _longest(ours(doc)) == expected, doc.text[:80]


def test_alignment_and_quantifiers(nlp):
    m = AnchoredMatcher()
    m.add("k", [[{"LOWER": "a"}, {"LOWER": "very", "OP": "*"}, {"LOWER": "big"}]])
    doc = nlp.make_doc("a very very big deal")
    assert m(doc, with_alignments=True) == [("k", 0, 4, [0, 1, 1, 2])]


def test_unsupported_patterns_are_refused():
    with pytest.raises(UnsupportedPattern):
        AnchoredMatcher().add("k", [[{"LENGTH": 3}]])
