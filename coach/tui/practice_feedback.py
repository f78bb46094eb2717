"""What the practice screen shows after an answer, built as `Content` (never parsed as markup).

Pure functions from an `AttemptResult` (and the rewrite, when it has arrived) so the wording is
testable without a terminal; the student's own words appear literally.
"""
from __future__ import annotations

from textual.content import Content

from coach.render.text import MISSING_HINT
from coach.tui.checklist import TITLES
from coach.tui.scorebar import score_style
from coach.vocab import COMPONENTS

VERDICT_STYLE = {"ok": "$text-success", "short": "$text-warning", "long": "$text-warning"}
MAX_FLAGS = 6


def clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"


def timer_line(elapsed: float | None, words: int, spoken_seconds: int, *, done: bool = False) -> Content:
    """The line above the answer: time taken, words, how long it would take to say."""
    if done:
        running = "to write it"
    else:
        running = "the clock starts when you start typing" if elapsed is None else "answering"
    return Content.assemble(("⏱ ", "bold"), (clock(elapsed or 0), "bold"), f" {running}  ",
                            ("│ ", "dim"), f"{words} words ≈ {clock(spoken_seconds)} spoken", ("  (aim 1:00–2:00)", "dim"))


def _next_step(result, rewrite_ready: bool, saved: bool) -> list:
    if result.follow_up is not None:
        parts = [("The interviewer follows up: ", "bold"), (f"“{result.follow_up.text}”", "italic"), "\n",
                 ("F6 answer it", "bold $accent")]
    elif result.round_complete:
        parts = [("Round complete ", "bold $text-success"),
                 "— all three parts, no serious flag, nothing contradicting what you said before.\n",
                 ("F6 next question", "bold $accent")]
    else:
        parts = [("Round over ", "bold"), "after three follow-ups; come back to this question later.\n",
                 ("F6 next question", "bold $accent")]
    parts.append(("  ·  F7 suggested rewrite" if rewrite_ready else "  ·  preparing the rewrite…", "dim"))
    where = f"saved as attempt {result.attempt_id}" if saved and result.attempt_id else "not saved"
    parts.append((f"  ·  {where}\n", "dim"))
    return parts


def feedback(result, *, rewrite_ready: bool = False, saved: bool = True) -> Content:
    """Most important first: score, spoken length, the three parts, contradictions, what comes
    next; then the detail (what to add, what an interviewer hears)."""
    r = result.report
    s = r.scores
    parts: list = [("Score ", "bold"), (str(s["overall"]), score_style(s["overall"])), "/100  ",
                   (" · ".join(f"{k} {v}" for k, v in s.items() if k != "overall"), "dim"), "\n",
                   ("Spoken ", "bold"), (result.spoken.describe(), VERDICT_STYLE[result.spoken.verdict]), "\n"]
    for c in COMPONENTS:
        present = r.components[c].present
        parts += [("✓ " if present else "✗ ", "bold $text-success" if present else "bold $text-error"),
                  (TITLES[c], "" if present else "$text-error"), "  "]
    parts.append("\n")
    if result.contradictions:
        parts += ["\n", ("Not what you said before\n", "bold $text-error")]
        for c in result.contradictions:
            parts += [f"  {c.source}: ", ("you said ", "dim"), f"“{c.said}”", ("; it says ", "dim"), f"“{c.other}”\n"]
    parts += ["\n", *_next_step(result, rewrite_ready, saved)]
    missing = [c for c in COMPONENTS if not r.components[c].present]
    if missing:
        parts += ["\n", ("To add\n", "bold")]
        for c in missing:
            parts += [f"  {TITLES[c]}: ", (f"{MISSING_HINT[c]}\n", "dim")]
    flags = [f for f in r.flags if f.type not in ("mspe_mismatch", "length")]  # shown above, plainer
    if flags:
        parts += ["\n", ("What an interviewer hears\n", "bold")]
        for f in flags[:MAX_FLAGS]:
            style = "$text-error" if f.severity == "error" else "$text-warning" if f.severity == "warning" else "dim"
            words = " ".join(f.text.split())
            words = words if len(words) <= 60 else words[:57] + "…"
            parts += [(f"  {f.type.replace('_', ' ')}", f"bold {style}"), f" “{words}”\n",
                      (f"    {f.suggestion or f.message}\n", "dim")]
        if len(flags) > MAX_FLAGS:
            parts += [(f"  … and {len(flags) - MAX_FLAGS} more\n", "dim")]
    return Content.assemble(*parts)
