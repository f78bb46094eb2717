"""Markdown and HTML exports of a report (coach.render.export), rendered from templates."""
import re

import pytest

from coach.render.export import report_html, report_markdown

DRAFT = ("I failed Step 1 in July 2023 <script>alert('x')</script> while working nights, and it was only a few "
         "points. Afterwards I met weekly with a learning specialist and did {{ 7 * 7 }} timed blocks "
         "[bold]daily[/bold]. I passed the retake in October 2023 with a 240 & honors in surgery.")
MSPE = ("Mr. D did not pass the USMLE Step 1 examination on his first attempt in June 2023. He passed on his "
        "second attempt in October 2023.")


@pytest.fixture(scope="module")
def report_and_rewrite(analyze):
    from coach.rewriting.compose import render_rewrite

    report = analyze(DRAFT, kind="statement", mspe=MSPE)
    return report, render_rewrite(report)


def test_html_is_one_escaped_self_contained_page(report_and_rewrite):
    report, rw = report_and_rewrite
    html = report_html(report, rw)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and html.rstrip().endswith("</html>")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert not re.search(r"\b(?:src|href)\s*=|https?://|@import", html), "no external resources"
    assert "{{ 7 * 7 }}" in html and "[bold]daily[/bold]" in html and "49" not in html
    assert "&amp; honors" in html
    assert html.count("<mark") >= 2 and "mspe_mismatch" in html
    assert "Suggested rewrite" in html and "Still to do" in html


def test_markdown_escapes_user_text(report_and_rewrite):
    report, rw = report_and_rewrite
    md = report_markdown(report, rw)
    assert md.startswith("# Red-flag explanation report")
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert r"\[bold\]daily\[/bold\]" in md and r"{{ 7 \* 7 }}" in md  # renders as the literal text
    assert "## MSPE" in md and "date\\_failed" in md
    assert "## Suggested rewrite (statement)" in md


def test_exports_without_rewrite_or_mspe(analyze):
    report = analyze("I failed the surgery shelf. I studied more. I passed the retake.")
    assert "Suggested rewrite" not in report_markdown(report)
    html = report_html(report)
    assert "<h2>MSPE</h2>" not in html and "Suggested rewrite" not in html


def test_exports_use_the_report_only(report_and_rewrite, monkeypatch):
    from spacy.language import Language

    def boom(*a, **k):
        raise AssertionError("export ran the pipeline")

    monkeypatch.setattr(Language, "__call__", boom)
    report, rw = report_and_rewrite
    assert report_markdown(report, rw) and report_html(report, rw)
