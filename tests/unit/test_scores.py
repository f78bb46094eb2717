"""The documented score formula (coach/scores.py docstring and README)."""
from coach.report.findings import Finding
from coach.report.scores import compute_scores


def f(type_, severity="warning"):
    return Finding(type_, 0, 1, "x", "m", f"r:{type_}", severity, "s")


def test_perfect_draft():
    assert compute_scores([True, True, True], [], concrete_details=5) == {
        "overall": 100, "structure": 100, "specificity": 100, "ownership": 100}


def test_missing_parts_weigh_half():
    s = compute_scores([True, False, False], [], concrete_details=3)
    assert s["structure"] == 33
    assert s["overall"] == round(0.5 * 100 / 3 + 25 + 25)


def test_flags_lower_their_sub_scores():
    s = compute_scores([True, True, True], [f("vague"), f("blame", "error"), f("hedge", "info")], concrete_details=2)
    assert s["specificity"] == 100 - 15 - 5
    assert s["ownership"] == 100 - 25 - 5


def test_no_concrete_detail_caps_specificity():
    assert compute_scores([True, True, True], [], concrete_details=0)["specificity"] == 40
    assert compute_scores([True, True, True], [], concrete_details=1)["specificity"] == 60
    assert compute_scores([True, True, True], [], concrete_details=3)["specificity"] == 100


def test_no_parts_keeps_overall_under_30():
    s = compute_scores([False, False, False], [], concrete_details=10)
    assert s["specificity"] == 100 and s["ownership"] == 100
    assert s["overall"] < 30


def test_length_penalty_and_clamping():
    many = [f("blame", "error")] * 10 + [f("length", "error")]
    s = compute_scores([False, False, False], many, concrete_details=0)
    assert s["ownership"] == 0 and s["overall"] == 0
    assert all(0 <= v <= 100 for v in s.values())


def test_report_with_flags_rescores():
    from coach.report.document import ComponentResult, Report

    comps = {c: ComponentResult(True, 0.9, ()) for c in ("context", "change", "evidence")}
    flags = (f("blame", "error"), f("vague"))
    r = Report("x", None, "statement", None, 1, (), comps, flags,
               compute_scores([True] * 3, list(flags), 3), concrete_details=3)
    shown = r.with_flags(flags[1:])
    assert shown.flags == flags[1:]
    assert shown.scores == compute_scores([True] * 3, [flags[1]], 3)
    assert shown.scores["ownership"] == 100 > r.scores["ownership"]
