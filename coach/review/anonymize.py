"""Replace people, e-mail addresses, phone numbers and schools with stable placeholders.

Writing-centre staff hand batch reports to colleagues; the students in them should not be
identifiable. Names come from the draft's own parse (spaCy PERSON entities, ORG entities that
look like schools, collected by the batch from the one `nlp.pipe` pass) plus patterns that catch
what a small model misses: titles before a name ("Dr. Okafor"), school-shaped names ("Ross
University", "University of Iowa Carver College of Medicine"), e-mails and phone numbers.

Placeholders are stable across the whole batch: the same name is `[Student 1]` in every draft,
message and rewrite, and a surname met alone later ("Ms. Doe") maps to the same person. File
names are never shown: each draft becomes "Draft N" (its place in the sorted input), since a
file name can hold a name no parse would recognise. Offsets in an anonymised `Report` are
remapped, so `text[start:end] == flag.text` still holds in every output.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace

from coach.report.document import MspeFinding, MspeResult, Report, SentenceResult

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])")
TITLES = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Dean")
TITLED = re.compile(rf"\b(?:{'|'.join(TITLES)})\.?\s+((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+)?)")
_WORD = r"(?:St\.|Mt\.|[A-Z][\w-]*(?:['’]s\b)?)"
_JOIN = r"(?:of|the|and|at|for|&)"
CAPITAL_RUN = re.compile(rf"{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD})*")
# "Medicine"/"Medical" alone are not heads: "Internal Medicine" is a specialty, which a reviewer needs.
SCHOOL_HEADS = re.compile(r"\b(?:University|College|Institute|Academy|School)\b")
# Capitalised words that start a sentence or name a test, never part of a school's own name.
_LEADING = {"At", "In", "The", "My", "Our", "From", "During", "After", "Before", "When", "While", "I",
            "A", "An", "Then", "And", "But", "So", "To", "For", "On", "With", "As", "Since", "This",
            "That", "Attending", "Leaving", "Joining", "Entering", "Back", "Once", "Now", "Both"}
_NOT_NAMES = {"I", "Step", "Level", "USMLE", "COMLEX", "NBME", "UWorld", "Anki", "CK", "CS", "Shelf"}


def _school_span(text: str, m: re.Match) -> tuple[int, int] | None:
    """The school name inside a run of capitalised words, or None if the run is not a school."""
    words = list(re.finditer(r"\S+", m.group()))
    while words and words[0].group() in _LEADING:
        words.pop(0)
    while words and (re.fullmatch(_JOIN, words[-1].group()) or words[-1].group() in _LEADING):
        words.pop()
    if len(words) < 2 or not SCHOOL_HEADS.search(" ".join(w.group() for w in words)):
        return None
    start, end = m.start() + words[0].start(), m.start() + words[-1].end()
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end


class Anonymiser:
    """Learns names draft by draft and scrubs every string of every output with them."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}
        self.schools: dict[str, str] = {}
        self._n_people = self._n_schools = 0
        self._known: re.Pattern | None = None

    # -- learning ----------------------------------------------------------------------------

    def _person(self, name: str) -> None:
        words = [w.rstrip(".,;:") for w in name.replace("’s", "").replace("'s", "").split()]
        words = [w for w in words if w.rstrip(".") not in TITLES]
        parts = [w for w in words if len(w) > 1 and w[:1].isupper() and w not in _NOT_NAMES]
        if not parts:
            return
        full = " ".join(words)
        label = next((self.people[p] for p in [full, *parts] if p in self.people), None)
        if label is None:
            self._n_people += 1
            label = f"[Student {self._n_people}]"
        for p in {full, *parts}:
            if p not in self.people:
                self.people[p] = label
                self._known = None

    def _school(self, name: str) -> str:
        name = re.sub(r"^(?:the|The)\s+", "", " ".join(name.split()))
        if name not in self.schools:
            self._n_schools += 1
            self.schools[name] = f"[School {self._n_schools}]"
            self._known = None
        return self.schools[name]

    def learn(self, text: str, entities=()) -> None:
        """Take the names of one draft: its PERSON/ORG entities and titled names."""
        for start, end, label in entities:
            surface = text[start:end]
            if label == "PERSON":
                self._person(surface)
            elif label == "ORG" and SCHOOL_HEADS.search(surface):
                self._school(surface)
        for m in TITLED.finditer(text):
            self._person(m.group(1))

    # -- scrubbing ---------------------------------------------------------------------------

    def _known_names(self) -> re.Pattern | None:
        if self._known is None and (self.people or self.schools):
            names = sorted({*self.people, *self.schools}, key=len, reverse=True)
            self._known = re.compile(rf"(?<![\w@.])(?:{'|'.join(map(re.escape, names))})(?![\w@])")
        return self._known

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, placeholder) replacements for `text`, in order."""
        found: list[tuple[int, int, str]] = []

        def take(start: int, end: int, rep: str) -> None:
            if all(end <= s or start >= e for s, e, _ in found):
                found.append((start, end, rep))

        for m in EMAIL.finditer(text):
            take(m.start(), m.end(), "[email]")
        for m in PHONE.finditer(text):
            take(m.start(), m.end(), "[phone]")
        for m in TITLED.finditer(text):
            self._person(m.group(1))
        for m in CAPITAL_RUN.finditer(text):
            span = _school_span(text, m)
            if span:
                take(*span, self._school(text[span[0]:span[1]]))
        known = self._known_names()
        if known is not None:
            for m in known.finditer(text):
                take(m.start(), m.end(), self.people.get(m.group()) or self.schools[m.group()])
        return sorted(found)

    def scrub(self, value):
        """`value` (a string, or lists/dicts of them) with every known name replaced."""
        if isinstance(value, str):
            return _apply(value, self.edits(value))[0]
        if isinstance(value, dict):
            return {k: self.scrub(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(self.scrub(v) for v in value)
        return value

    def report(self, report: Report, label: str, entities=()) -> Report:
        """The report with its text anonymised, offsets remapped and its path replaced by `label`."""
        self.learn(report.text, entities)
        text, remap = _apply(report.text, self.edits(report.text))
        flags = tuple(replace(f, start=remap(f.start, False), end=remap(f.end, True),
                              text=text[remap(f.start, False):remap(f.end, True)],
                              message=self.scrub(f.message), suggestion=self.scrub(f.suggestion))
                      for f in report.flags)
        sentences = tuple(SentenceResult(remap(s.start, False), remap(s.end, True), s.component, s.confidence)
                          for s in report.sentences)
        mspe = report.mspe
        if mspe is not None:
            def one(f: MspeFinding) -> MspeFinding:
                return MspeFinding(self.scrub(f.fact), self.scrub(f.draft), self.scrub(f.mspe),
                                   self.scrub(f.message), f.severity)

            mspe = MspeResult(mspe.consistent, tuple(map(one, mspe.findings)), tuple(map(one, mspe.notes)),
                              self.scrub(mspe.facts))
        return replace(report, text=text, path=label, flags=flags, sentences=sentences, mspe=mspe,
                       notices=tuple(self.scrub(n) for n in report.notices))

    def error(self, reason: str, path: str, label: str) -> str:
        """An error row's reason without the file's name or a link target's path."""
        reason = re.sub(r"its target .* does not exist", "its target does not exist", reason)
        for p in sorted({path, os.path.basename(path)}, key=len, reverse=True):
            if p:
                reason = reason.replace(p, label)
        return self.scrub(reason)


def _apply(text: str, edits: list[tuple[int, int, str]]):
    """Apply sorted edits; return the new text and a function mapping old offsets to new ones."""
    out, pos, moved = [], 0, []
    shift = 0
    for start, end, rep in edits:
        out.append(text[pos:start])
        new_start = start + shift
        out.append(rep)
        shift += len(rep) - (end - start)
        moved.append((start, end, new_start, new_start + len(rep), shift))
        pos = end
    out.append(text[pos:])

    def remap(offset: int, is_end: bool) -> int:
        delta = 0
        for start, end, new_start, new_end, after in moved:
            if end <= offset:
                delta = after
            elif start < offset:  # inside a replaced name: snap to the placeholder's edge
                return new_end if is_end else new_start
            else:
                break
        return offset + delta

    return "".join(out), remap


def label(index: int) -> str:
    """The name an anonymised draft goes by (its place in the sorted input)."""
    return f"Draft {index + 1}"
