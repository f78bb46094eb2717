"""MSPE consistency through `analyze()` on the project's own corpus (real pipeline)."""
import json

import pytest
from rewrite_checks import corpus_reports

from coach.resources import corpus_dir
from coach.training.corpus import load_dir

WITH_MSPE = [d for d in load_dir(corpus_dir()).drafts if d.mspe]


@pytest.fixture(scope="module")
def reports():
    return {i: r for i, (d, r) in corpus_reports().items() if d.mspe}


def test_corpus_has_mspe_drafts_of_both_labels():
    assert len(WITH_MSPE) >= 40
    assert {d.mspe_consistent for d in WITH_MSPE} == {True, False}


def test_accuracy_on_corpus_mspe_labels(reports):
    right = [d.id for d in WITH_MSPE if reports[d.id].mspe.consistent == d.mspe_consistent]
    wrong = sorted(set(d.id for d in WITH_MSPE) - set(right))
    assert len(right) / len(WITH_MSPE) >= 0.95, wrong


@pytest.mark.parametrize("draft", WITH_MSPE, ids=[d.id for d in WITH_MSPE])
def test_mismatch_flags_follow_the_contract(draft, reports):
    r = reports[draft.id]
    flags = [f for f in r.flags if f.type == "mspe_mismatch"]
    assert r.mspe.consistent == (not flags) == (not r.mspe.findings)
    assert len(flags) == len(r.mspe.findings)
    for f in flags:
        assert r.text[f.start:f.end] == f.text and f.text.strip()
        assert f.rule.startswith("mspe:") and f.severity == "error" and f.message and f.suggestion
    d = r.to_dict()["mspe"]
    json.dumps(d)
    assert isinstance(d["consistent"], bool)
    for fd in d["findings"]:
        assert {"fact", "draft", "mspe", "message"} <= set(fd)
    assert all(n["severity"] == "info" for n in d["notes"])
    assert {"draft", "mspe", "rewording"} <= set(d["facts"])


def test_no_mspe_means_no_mspe_result(analyze):
    assert analyze("I failed Step 1 in June 2023 and passed in September 2023.").mspe is None
    assert analyze("I failed Step 1 in June 2023.", mspe="   ").mspe is None


def test_an_mspe_mismatch_can_be_silenced_like_any_rule(analyze):
    from coach.config import Settings

    text = "I failed Step 2 CK in July 2024 and passed the retake in October 2024."
    mspe = "Ms. K did not pass USMLE Step 2 CK on her first attempt in June 2024."
    loud = analyze(text, mspe=mspe)
    assert any(f.type == "mspe_mismatch" for f in loud.flags)
    quiet = analyze(text, mspe=mspe, settings=Settings().merged(["mspe_mismatch"]))
    assert not any(f.type == "mspe_mismatch" for f in quiet.flags)


def test_eval_prints_mspe_accuracy_and_missed_contradictions_by_class(tmp_path):
    from coach.training.evaluate import evaluate_file, format_metrics

    gold = {"context": True, "change": False, "evidence": False, "vague": False, "blame": False}
    rows = [
        # labelled inconsistent although both agree: eval must list it as a missed contradiction
        {"id": "x1", "text": "I failed Step 1 in May 2022.", "gold": gold, "mspe_class": "exam",
         "mspe": "Ms. A did not pass USMLE Step 1 in May 2022.", "mspe_consistent": False},
        {"id": "x2", "text": "I failed Step 1 in May 2022.", "gold": gold,
         "mspe": "Ms. A did not pass USMLE Step 1 in May 2022.", "mspe_consistent": True},
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = evaluate_file(path)
    assert result["mspe_consistent"]["accuracy"] == 0.5
    assert result["mspe_consistent"]["missed_by_class"] == {"exam": ["x1"]}
    shown = format_metrics(result)
    assert "mspe_consistent accuracy 0.500 on 2 drafts" in shown
    assert "missed contradictions: exam: x1" in shown
