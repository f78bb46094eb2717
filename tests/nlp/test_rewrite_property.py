"""The rewrite over every corpus draft: nothing invented, a placeholder exactly where a part is
missing, the kind's shape kept, and no second spaCy run (`render_rewrite` works from the report)."""
import pytest
from rewrite_checks import assert_invents_nothing, assert_placeholders_match_missing, assert_shape, corpus_reports


@pytest.fixture(scope="module")
def rendered():
    from coach.rewriting.compose import render_rewrite

    return {i: (d, report, render_rewrite(report)) for i, (d, report) in corpus_reports().items()}


def test_every_corpus_draft(rendered):
    assert len(rendered) >= 200
    for d, report, result in rendered.values():
        try:
            assert_invents_nothing(result, d.text, d.mspe)
            assert_placeholders_match_missing(result, report)
            assert_shape(result)
        except AssertionError as e:
            raise AssertionError(f"{d.id}: {e}") from None


def test_mspe_wording_is_used_where_the_draft_disagrees(rendered):
    """Where the MSPE gives a differing exam, course or date, the suggestion words it as the MSPE does."""
    reworded = 0
    for _draft, report, result in rendered.values():
        if report.mspe is None:
            continue
        for r in report.mspe.facts["rewording"]:
            if r["conflict"] and r["mspe"] in result.text:
                reworded += 1
                assert any("MSPE mismatch" in n for n in result.notes)
    assert reworded >= 10


def test_render_rewrite_never_runs_spacy(rendered, monkeypatch):
    from spacy.language import Language

    from coach.rewriting.compose import render_rewrite

    def boom(*a, **k):
        raise AssertionError("render_rewrite ran the pipeline")

    monkeypatch.setattr(Language, "__call__", boom)
    monkeypatch.setattr(Language, "pipe", boom)
    monkeypatch.setattr(Language, "make_doc", boom)
    for _, report, result in list(rendered.values())[:30]:
        assert render_rewrite(report).to_dict() == result.to_dict()
