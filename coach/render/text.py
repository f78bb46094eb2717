"""The human-readable `coach check` output: the draft with findings marked, the checklist, scores.

User text is printed literally (no markup interpretation) with its control characters made
visible (`coach.render.visible`): an escape sequence in a draft must never clear the screen or
leave an OSC sequence open that swallows the rest of the report. Colour is plain ANSI, used only
on a terminal and never when NO_COLOR is set. Lines wrap to the terminal's width.
"""
from __future__ import annotations

import os
import shutil
import textwrap

from coach.render.visible import visible, visible_lines
from coach.report.document import Report
from coach.vocab import COMPONENTS

MIN_WIDTH, DEFAULT_WIDTH = 40, 100

MISSING_HINT = {
    "context": "say concretely what was going on (duties, hours, events) and when",
    "change": "name what you changed: resources, schedule, people you worked with, how often",
    "evidence": "add the result since: a retake or later score, shelf grades, evaluations, a clean period",
}
COLOURS = {"error": "31", "warning": "33", "info": "36"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def terminal_width(fallback: int = DEFAULT_WIDTH) -> int:
    """Columns to wrap to: the terminal's (or $COLUMNS), never below a readable minimum."""
    return max(MIN_WIDTH, shutil.get_terminal_size((fallback, 24)).columns)


def wrap(line: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Wrap one line for the terminal; long words (paths, URLs) are broken rather than overflow."""
    return textwrap.wrap(line, width, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_on_hyphens=False) or [indent.rstrip()]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (what editors and `file:line:col` expect)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


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
        out.append(visible_lines(text[pos:f.start]))
        out.append(_paint("⟦" + visible_lines(text[f.start:f.end]) + "⟧", COLOURS[f.severity], colour)
                   + str(n).translate(SUPERSCRIPT))
        pos = f.end
    out.append(visible_lines(text[pos:]))
    return "".join(out)


def render(report: Report, colour: bool = False, width: int | None = None) -> str:
    """The full text report for one draft, wrapped to `width` (default: the terminal's)."""
    width = max(MIN_WIDTH, width or terminal_width())
    name = visible(report.path or "draft")
    s = report.scores
    head = f"{name} — {report.kind} · {report.red_flag or 'red flag not recognised'} · {report.word_count} words"
    lines = [_paint(h, "1", colour) for h in wrap(head, width)]
    subs = " · ".join(f"{k} {v}" for k, v in s.items() if k != "overall")
    lines += wrap(f"Score {s['overall']}/100  ({subs})", width, subsequent="  ")
    for note in report.notices:
        lines += wrap(f"note: {visible(note)}", width, subsequent="      ")
    lines += ["", "Checklist"]
    for c in COMPONENTS:
        r = report.components[c]
        if r.present:
            idx = ", ".join(str(i + 1) for i in r.sentences)
            body = f"{c:<9} present (confidence {r.confidence:.2f}) — sentence {idx}"
            mark = _paint("✓", "32", colour)
        else:
            body = f"{c:<9} missing (confidence {r.confidence:.2f}) — {MISSING_HINT[c]}"
            mark = _paint("✗", "31", colour)
        wrapped = wrap(body, width - 4, subsequent="  ")
        lines.append(f"  {mark} {wrapped[0]}")
        lines += ["    " + w for w in wrapped[1:]]
    lines += ["", "Draft"]
    for para in marked_draft(report, colour).splitlines() or [""]:
        lines += wrap(para, width, indent="  ")
    if report.flags:
        lines += ["", "Findings"]
        for n, f in enumerate(report.flags, 1):
            line, col = line_col(report.text, f.start)
            tag = _paint(f"{f.type} ({f.severity})", COLOURS[f.severity], colour)
            flat = visible(" ".join(f.text.split()))
            quote = flat if len(flat) <= 70 else flat[:67] + "…"
            lines += wrap(f"{n}. {line}:{col} {tag} “{quote}”  [{visible(f.rule)}]", width, indent="  ",
                          subsequent="     ")
            lines += wrap("why: " + visible(f.message), width, indent="     ", subsequent="          ")
            lines += wrap("try: " + visible(f.suggestion), width, indent="     ", subsequent="          ")
    else:
        lines += ["", "Findings: none"]
    if report.mspe is not None:
        lines += ["", "MSPE " + ("consistent" if report.mspe.consistent else "INCONSISTENT")]
        for m in report.mspe.findings:
            lines += wrap(f"✗ {visible(m.fact)}: draft says {visible(repr(m.draft))}, MSPE says "
                          f"{visible(repr(m.mspe))} — {visible(m.message)}", width, indent="  ", subsequent="    ")
        for m in report.mspe.notes:
            lines += wrap(f"· {visible(m.fact)}: {visible(m.message)}", width, indent="  ", subsequent="    ")
    return "\n".join(lines) + "\n"


def render_rewrite(result, width: int | None = None) -> str:
    """`coach rewrite` as text: the suggestion (paragraphs kept, lines wrapped) and what is left to do."""
    width = max(MIN_WIDTH, width or terminal_width())
    lines: list[str] = []
    for para in visible_lines(result.text.rstrip()).split("\n"):
        lines += wrap(para, width)
    if result.notes:
        lines += ["", "Still to do:"]
        for n in result.notes:
            lines += wrap(f"- {visible(n)}", width, indent="  ", subsequent="    ")
    return "\n".join(lines) + "\n"
