"""The shipped corpus meets its size targets (enough sentences, spans and drafts to learn from,
every red flag and kind represented) and its own schema."""
from collections import Counter

import pytest

from coach.resources import corpus_dir
from coach.training.corpus import CorpusError, load_dir, parse_draft
from coach.vocab import RED_FLAGS


@pytest.fixture(scope="module")
def corpus():
    return load_dir(corpus_dir())


def test_size_targets(corpus):
    sentences = list(corpus.labeled_sentences())
    assert len(sentences) >= 1500
    spans = [s for d in corpus.drafts for s in d.spans] + [s for it in corpus.sentences for s in it.spans]
    assert len(spans) >= 500
    assert len(corpus.drafts) >= 200


def test_spread(corpus):
    flags = Counter(d.red_flag for d in corpus.drafts)
    assert set(flags) == set(RED_FLAGS) and min(flags.values()) >= 10
    assert {d.kind for d in corpus.drafts} == {"interview", "statement", "eras"}
    labels = Counter(lab for _, lab, _, _ in corpus.labeled_sentences())
    assert min(labels[c] for c in ("context", "change", "evidence")) >= 200
    types = Counter(s.type for d in corpus.drafts for s in d.spans)
    assert all(types[t] >= 20 for t in ("vague", "blame", "hedge", "minimizing", "passive_agency", "oversharing"))


def test_span_offsets_point_at_their_text(corpus):
    for d in corpus.drafts:
        for s in d.spans:
            assert d.text[s.start:s.end] == s.text
        for s in d.sentences:
            assert d.text[s.start:s.end] == s.text


def test_gold_is_derived(corpus):
    d = next(d for d in corpus.drafts if d.spans)
    assert d.gold[d.spans[0].type] if d.spans[0].type in ("vague", "blame") else True


def test_schema_errors_name_the_place():
    with pytest.raises(CorpusError, match="x:1.*red_flag"):
        parse_draft({"id": "a", "kind": "statement", "red_flag": "nope", "sentences": []}, "x:1", "x")
    with pytest.raises(CorpusError, match="not a substring"):
        parse_draft({"id": "a", "kind": "statement", "red_flag": "shelf_fail",
                     "sentences": [{"text": "I failed.", "label": "other"}],
                     "spans": [{"type": "vague", "text": "stuff"}]}, "x:2", "x")
