"""Dates as written in drafts and MSPEs (coach.mspe.dates): pure text, no spaCy."""
import pytest

from coach.mspe.dates import compatible, find_dates, find_ranges, gap_ok, span_months, window


def one(text):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def months(w):
    return sorted(w.months)


@pytest.mark.parametrize("text, expected", [
    ("I failed in June 2023.", [(2023, 6)]),
    ("That was June of 2023.", [(2023, 6)]),
    ("He sat it in Sept. 2024.", [(2024, 9)]),
    ("by December, 2022 I was back", [(2022, 12)]),
])
def test_month_and_year(text, expected):
    w = one(text)
    assert months(w) == expected and w.has_year and w.has_month


def test_spring_2024_is_a_window_of_months_not_a_single_month():
    w = one("I failed the shelf in spring 2024.")
    assert w.text == "spring 2024" and w.has_year and not w.has_month
    assert compatible(w, one("in March 2024")) and compatible(w, one("in January 2024"))
    assert not compatible(w, one("in October 2024"))
    assert not compatible(w, one("in fall 2023"))


def test_fall_of_a_year_and_a_bare_season():
    assert one("in the fall of 2023").text == "fall of 2023"
    bare = one("I passed the re-exam that summer.")
    assert not bare.has_year and compatible(bare, one("in July 2022"))


def test_a_month_without_a_year_agrees_with_that_month_of_any_year_only():
    sept = one("and I passed in September.")
    assert compatible(sept, one("in September 2023")) and not compatible(sept, one("in October 2023"))


def test_academic_year_spans_july_to_june():
    w = one("during the 2020–2021 academic year")
    assert compatible(w, one("in the spring of 2021")) and compatible(w, one("in October 2020"))
    assert not compatible(w, one("in October 2021"))


def test_verbs_are_not_dates():
    assert find_dates("I may fall behind if I march on without sleep.") == []


def test_scores_and_counts_are_not_years():
    assert find_dates("My COMSAEs went 410, 470, 520 and I scored 241.") == []


def test_a_bare_month_in_a_list_borrows_the_year():
    a, b = find_dates("on her first two attempts (August and November 2024)")
    assert months(a) == [(2024, 8)] and months(b) == [(2024, 11)]


def test_a_range_borrows_its_year_and_runs_forward():
    dates = find_dates("I was on leave from November to March 2023.")
    (r,) = find_ranges("I was on leave from November to March 2023.", dates)
    assert months(r.first) == [(2022, 11)] and months(r.last) == [(2023, 3)]


def test_range_with_fillers_and_of():
    text = "that was from, um, September 2022 to March of 2023"
    (r,) = find_ranges(text, find_dates(text))
    assert (r.first.text, r.last.text) == ("September 2022", "March of 2023")
    assert span_months(r.first, r.last) == (6, 7)


def test_leave_span_and_window():
    text = "from August 2023 to January 2024"
    (r,) = find_ranges(text, find_dates(text))
    assert span_months(r.first, r.last) == (5, 6)
    assert compatible(one("in the fall of 2023"), window(r.first, r.last))
    assert not compatible(one("in March 2024"), window(r.first, r.last))


def test_return_may_follow_the_end_by_a_month_or_two():
    end = one("to December 2023")
    assert gap_ok(end, one("in January 2024")) and gap_ok(end, one("in December 2023"))
    assert not gap_ok(end, one("in April 2024")) and not gap_ok(end, one("in October 2023"))
