"""Report exports for people: Markdown and a self-contained HTML page, rendered from templates.

Like every view, this works from the `Report` (and optionally a `RewriteResult`) only. The data
handed to the templates is plain: strings, numbers, lists and dicts. The HTML template
autoescapes everything; the Markdown template escapes user text with the `md` filter.
"""
from __future__ import annotations

from coach import __version__
from coach.render.templating import render
from coach.render.text import MISSING_HINT  # one wording of the advice for a missing part
from coach.report.document import Report
from coach.vocab import COMPONENTS


def _segments(report: Report) -> list[dict]:
    """The draft cut into plain and flagged pieces; nested or whole-draft flags are listed only."""
    text, pos, out = report.text, 0, []
    for n, f in enumerate(report.flags, 1):
        whole = f.type == "length" and f.start == 0 and f.end >= len(text.rstrip())
        if f.start < pos or whole or f.end <= f.start:
            continue
        if f.start > pos:
            out.append({"text": text[pos:f.start], "flag": None})
        out.append({"text": text[f.start:f.end], "flag": n, "type": f.type, "severity": f.severity,
                    "message": f.message})
        pos = f.end
    if pos < len(text):
        out.append({"text": text[pos:], "flag": None})
    return out


def report_view(report: Report, rewrite=None) -> dict:
    """Everything the export templates show, as plain data."""
    d = report.to_dict()
    components = []
    for c in COMPONENTS:
        r = report.components[c]
        components.append({"name": c, "present": r.present, "confidence": r.confidence,
                           "sentences": ", ".join(str(i + 1) for i in r.sentences), "hint": MISSING_HINT[c]})
    flags = [dict(f.to_dict(), number=n) for n, f in enumerate(report.flags, 1)]
    mspe = None
    if report.mspe is not None:
        m = report.mspe.to_dict()
        mspe = {"consistent": m["consistent"], "findings": m["findings"], "notes": m["notes"]}
    return {
        "title": report.path or "Draft",
        "path": report.path,
        "kind": report.kind,
        "red_flag": report.red_flag,
        "word_count": report.word_count,
        "overall": d["scores"]["overall"],
        "sub_scores": [{"name": k, "value": v} for k, v in d["scores"].items() if k != "overall"],
        "components": components,
        "segments": _segments(report),
        "flags": flags,
        "mspe": mspe,
        "notices": list(report.notices),
        "rewrite": None if rewrite is None else rewrite.to_dict(),
        "version": __version__,
    }


def report_markdown(report: Report, rewrite=None) -> str:
    """The report (and the suggested rewrite, if given) as Markdown."""
    return render("export/report.md.j2", **report_view(report, rewrite)).rstrip() + "\n"


def report_html(report: Report, rewrite=None) -> str:
    """The report (and the suggested rewrite, if given) as one self-contained HTML page."""
    return render("export/report.html.j2", **report_view(report, rewrite)).rstrip() + "\n"
