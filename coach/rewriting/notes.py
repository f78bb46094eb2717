"""What the student still has to do after a rewrite: the notes of `coach.rewrite/1`.

Kept apart from `compose` (which chooses and lays out sentences) because the notes only read
what was chosen; `lim` is the rewrite's budgets from coach/limits.py.
"""
from __future__ import annotations

import re

from coach.vocab import COMPONENTS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> int:
    return len(WORD.findall(text))


# ── what the student still has to do ─────────────────────────────────────────────────────────
def student_notes(report, chosen: dict[str, list], parts: dict[str, dict], text: str, cands: dict[str, list],
                  lim: dict, lead_key: str) -> list[str]:
    """The rewrite's notes: placeholders to fill, MSPE mismatches, wording left in or left out,
    what was removed or dropped, and how the length compares with the kind's limit."""
    notes: list[str] = []
    for p in COMPONENTS:
        src = parts[p]["source"]
        if src == "placeholder":
            notes.append(f"Fill the {p} placeholder: {_unbracket(_brackets(parts[p]['text']))}.")
        elif src == "mspe":
            notes.append(f"The {p} part restates your MSPE; add your own result: {_unbracket(_brackets(parts[p]['text']))}.")
    everything = [s for p in (lead_key, *COMPONENTS) for s in chosen.get(p, [])]
    used = [r for s in everything for r in s.reworded]
    if report.mspe is not None:
        for f in report.mspe.findings:
            fixed = [r for r in used if r["conflict"] and r["fact"] == f.fact and r["draft"] == f.draft]
            if fixed:
                notes.append(f"MSPE mismatch ({f.fact}): your draft says “{f.draft}”, the MSPE says “{f.mspe}”. "
                             "This version uses the MSPE's wording: confirm it is right, or ask your dean's "
                             "office to correct the MSPE.")
            else:
                notes.append(f"MSPE mismatch ({f.fact}): your draft says “{f.draft}”, the MSPE says “{f.mspe}”; "
                             "make them agree before you submit.")
    for s in everything:
        for k in s.kept:
            flag_type, words = k.split(": ", 1)
            notes.append(f"The {s.part if s.part != lead_key else 'context'} part still says “{words}” ({flag_type.replace('_', ' ')}): put it in "
                         "your own, specific terms.")
    for s in everything:
        for k in s.dropped:
            flag_type, words = k.split(": ", 1)
            notes.append(f"Left out “{words}” ({flag_type.replace('_', ' ')}) from the {s.part if s.part != lead_key else 'context'} "
                         "part: if it matters, say it in specific terms you own.")
    for p in COMPONENTS:
        if parts[p]["source"] != "draft" and report.components[p].present:
            notes.append(f"Your draft's {p} sentences were left out because they are vague, blaming or minimizing "
                         "as written; the placeholder asks for what to say instead.")
    removed = [w for s in everything for w in s.removed]
    if removed:
        shown = ", ".join(f"“{w}”" for w in list(dict.fromkeys(removed))[:6])
        notes.append(f"Removed fillers, hedges and minimizers ({shown}); read it aloud to check it still sounds like you.")
    dropped = sum(1 for p in COMPONENTS for s in cands[p] if s not in chosen.get(p, []))
    if dropped:
        notes.append(f"Left out {dropped} weaker sentence{'s' if dropped != 1 else ''} of your draft to keep it short.")
    words = _words(text)
    if report.kind == "statement" and words > lim["statement_words"]:
        notes.append(f"Cut length: this version has {words} words; a statement paragraph should stay within "
                     f"{lim['statement_words']}.")
    if report.kind == "interview":
        lo, hi = lim["interview_words"]
        if words < lo:
            notes.append(f"Spoken, this is about {words} words; aim for {lo}–{hi} by saying more about what you changed.")
        elif words > hi:
            notes.append(f"Cut length: spoken, this is about {words} words; aim for at most {hi}.")
    if report.kind == "eras" and len(text) > lim["eras_characters"]:
        notes.append(f"Cut length: {len(text)} characters; the field holds {lim['eras_characters']}.")
    return notes


def _brackets(text: str) -> str:
    """The placeholder at the end of a part (a draft may contain brackets of its own)."""
    m = re.search(r"\[[^\[\]]*\]\s*$", text)
    return m.group(0) if m else text


def _unbracket(text: str) -> str:
    return text.strip().strip("[]").rstrip(".")
