"""The shared dev set (../shared/dev/drafts.jsonl): MSPE accuracy and the rewrite property.

The only tests that read ../shared; they skip when it is absent (e.g. in a packaged checkout).
The dev set is for measuring: no rule is tuned to its texts.
"""
import json
from pathlib import Path

import pytest
from rewrite_checks import assert_invents_nothing, assert_placeholders_match_missing, assert_shape

DEV = Path(__file__).resolve().parents[3] / "shared" / "dev" / "drafts.jsonl"
pytestmark = pytest.mark.skipif(not DEV.is_file(), reason="../shared/dev/drafts.jsonl is not available")


@pytest.fixture(scope="module")
def dev(analyze):
    from coach.rewriting.compose import render_rewrite

    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for r in records:
        report = analyze(r["text"], kind=r["kind"], mspe=r.get("mspe"))
        out.append((r, report, render_rewrite(report)))
    return out


def test_mspe_accuracy_on_the_dev_set(dev):
    labelled = [(r, rep) for r, rep, _ in dev if r.get("mspe") and isinstance(r.get("mspe_consistent"), bool)]
    assert labelled
    right = sum(rep.mspe.consistent == r["mspe_consistent"] for r, rep in labelled)
    assert right / len(labelled) >= 0.9


def test_rewrite_property_on_the_dev_set(dev):
    for r, report, result in dev:
        try:
            assert_invents_nothing(result, r["text"], r.get("mspe"))
            assert_placeholders_match_missing(result, report)
            assert_shape(result)
        except AssertionError as e:
            raise AssertionError(f"{r['id']}: {e}") from None
