"""The human-readable `coach check` output: the draft with findings marked, the checklist, scores.

User text is printed literally (no markup interpretation); colour is plain ANSI, used only on a
terminal and never when NO_COLOR is set.
"""
from __future__ import annotations

import os
import textwrap

from coach.report.document import Report
from coach.vocab import COMPONENTS

MISSING_HINT = {
    "context": "say concretely what was going on (duties, hours, events) and when",
    "change": "name what you changed: resources, schedule, people you worked with, how often",
    "evidence": "add the result since: a retake or later score, shelf grades, evaluations, a clean period",
}
COLOURS = {"error": "31", "warning": "33", "info": "36"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def use_colour(stream) -> bool:
    """Colour only for an interactive terminal that has not opted out."""
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")


def _paint(s: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if colour else s


def marked_draft(report: Report, colour: bool = False) -> str:
    """The draft with each finding wrapped in ⟦ ⟧ and numbered; overlaps are marked once."""
    text = report.text
    out, pos = [], 0
    for n, f in enumerate(report.flags, 1):
        if f.start < pos or f.type == "length" and f.start == 0 and f.end >= len(text.rstrip()):
            continue  # nested/overlapping or whole-draft flags are listed below only
        out.append(text[pos:f.start])
        out.append(_paint("⟦" + text[f.start:f.end] + "⟧", COLOURS[f.severity], colour) + str(n).translate(SUPERSCRIPT))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def render(report: Report, colour: bool = False, width: int = 100) -> str:
    """The full text report for one draft."""
    name = report.path or "draft"
    s = report.scores
    head = f"{name} — {report.kind} · {report.red_flag or 'red flag not recognised'} · {report.word_count} words"
    lines = [_paint(head, "1", colour)]
    subs = " · ".join(f"{k} {v}" for k, v in s.items() if k != "overall")
    lines.append(f"Score {s['overall']}/100  ({subs})")
    for note in report.notices:
        lines.append(f"note: {note}")
    lines += ["", "Checklist"]
    for c in COMPONENTS:
        r = report.components[c]
        if r.present:
            idx = ", ".join(str(i + 1) for i in r.sentences)
            lines.append(f"  {_paint('✓', '32', colour)} {c:<9} present (confidence {r.confidence:.2f}) — sentence {idx}")
        else:
            lines.append(f"  {_paint('✗', '31', colour)} {c:<9} missing (confidence {r.confidence:.2f}) — {MISSING_HINT[c]}")
    lines += ["", "Draft"]
    for para in marked_draft(report, colour).splitlines() or [""]:
        lines.extend(textwrap.wrap(para, width - 2, initial_indent="  ", subsequent_indent="  ") or [""])
    if report.flags:
        lines += ["", "Findings"]
        for n, f in enumerate(report.flags, 1):
            tag = _paint(f"{f.type} ({f.severity})", COLOURS[f.severity], colour)
            quote = f.text if len(f.text) <= 70 else f.text[:67] + "…"
            lines.append(f"  {n}. {tag} “{quote}”  [{f.rule}]")
            lines.extend(textwrap.wrap("why: " + f.message, width - 5, initial_indent="     ", subsequent_indent="          "))
            lines.extend(textwrap.wrap("try: " + f.suggestion, width - 5, initial_indent="     ", subsequent_indent="          "))
    else:
        lines += ["", "Findings: none"]
    if report.mspe is not None:
        lines += ["", "MSPE " + ("consistent" if report.mspe.consistent else "INCONSISTENT")]
        for m in report.mspe.findings:
            lines.append(f"  ✗ {m.fact}: draft says {m.draft!r}, MSPE says {m.mspe!r} — {m.message}")
        for m in report.mspe.notes:
            lines.append(f"  · {m.fact}: {m.message}")
    return "\n".join(lines) + "\n"
