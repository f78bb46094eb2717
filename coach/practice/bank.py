"""The question bank: the committee's questions and the interviewer's follow-ups, as data.

`questions.toml` ships inside the package (hatch packages every file under `coach/`), so the bank
can grow without code. It is read strictly, like the rule files: an unknown key, tone or red-flag
type is an error naming the file, never a silently ignored question.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coach.vocab import RED_FLAGS

TONES = ("neutral", "friendly", "skeptical")
WEAKNESSES = ("contradiction", "blame", "vague", "minimizing", "no_evidence", "no_change", "no_context",
              "oversharing", "too_long", "severe")
BANK_FILE = Path(__file__).with_name("questions.toml")
_QUESTION_KEYS = {"id", "topic", "red_flag", *TONES}


class BankError(ValueError):
    """The question bank file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Question:
    """One question, in every tone it has (neutral always)."""

    id: str
    topic: str
    red_flag: str | None  # None: asked about any red flag
    texts: dict[str, str]

    def text(self, tone: str = "neutral") -> str:
        """The question in `tone`, or neutrally when this question has no such variant."""
        return self.texts.get(tone) or self.texts["neutral"]

    def to_dict(self) -> dict:
        """The `coach practice --list` row."""
        return {"id": self.id, "text": self.text(), "red_flag": self.red_flag, "topic": self.topic,
                "tones": sorted(self.texts)}


@dataclass(frozen=True)
class Bank:
    questions: tuple[Question, ...]
    follow_ups: dict[str, dict[str, str]]

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def for_red_flag(self, red_flag: str | None) -> list[Question]:
        """One question per topic for this red flag, in the bank's order (a specific variant wins)."""
        topics: dict[str, Question] = {}
        for q in self.questions:
            if q.red_flag is None:
                topics.setdefault(q.topic, q)
            elif red_flag is not None and q.red_flag == red_flag:
                topics[q.topic] = q
        return list(topics.values())

    def matching(self, red_flag: str | None) -> list[Question]:
        """Every question that applies to `red_flag` (all of them for None): what `--list` shows."""
        if red_flag is None:
            return list(self.questions)
        return [q for q in self.questions if q.red_flag in (None, red_flag)]

    def follow_up(self, weakness: str, tone: str = "neutral") -> str:
        texts = self.follow_ups[weakness]
        return texts.get(tone) or texts["neutral"]


def _texts(entry: dict, where: str) -> dict[str, str]:
    texts = {t: entry[t] for t in TONES if t in entry}
    if not isinstance(texts.get("neutral"), str) or not texts["neutral"].strip():
        raise BankError(f"{where}: needs a non-empty 'neutral' text")
    for tone, text in texts.items():
        if not isinstance(text, str) or not text.strip():
            raise BankError(f"{where}: '{tone}' must be non-empty text")
    return texts


def parse(data: dict, name: str = BANK_FILE.name) -> Bank:
    """Validate a decoded bank (strictly) and build the `Bank`."""
    unknown = set(data) - {"question", "follow_up"}
    if unknown:
        raise BankError(f"{name}: unknown table(s) {', '.join(sorted(unknown))}")
    questions, seen = [], set()
    for i, entry in enumerate(data.get("question", ()), 1):
        where = f"{name}: question {i}"
        if not isinstance(entry, dict):
            raise BankError(f"{where}: must be a table")
        extra = set(entry) - _QUESTION_KEYS
        if extra:
            raise BankError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        qid, topic, flag = entry.get("id"), entry.get("topic"), entry.get("red_flag")
        if not isinstance(qid, str) or not qid or qid in seen:
            raise BankError(f"{where}: needs a unique 'id'")
        if not isinstance(topic, str) or not topic:
            raise BankError(f"{where} ({qid}): needs a 'topic'")
        if flag is not None and flag not in RED_FLAGS:
            raise BankError(f"{where} ({qid}): unknown red_flag {flag!r}")
        seen.add(qid)
        questions.append(Question(qid, topic, flag, _texts(entry, f"{where} ({qid})")))
    if not questions:
        raise BankError(f"{name}: no questions")
    follow_ups = {}
    raw = data.get("follow_up", {})
    for weakness, entry in raw.items():
        if weakness not in WEAKNESSES:
            raise BankError(f"{name}: unknown follow_up '{weakness}' (known: {', '.join(WEAKNESSES)})")
        if not isinstance(entry, dict) or set(entry) - set(TONES):
            raise BankError(f"{name}: follow_up.{weakness} may only hold {', '.join(TONES)}")
        follow_ups[weakness] = _texts(entry, f"{name}: follow_up.{weakness}")
    missing = set(WEAKNESSES) - set(follow_ups)
    if missing:
        raise BankError(f"{name}: no follow_up for {', '.join(sorted(missing))}")
    return Bank(tuple(questions), follow_ups)


@lru_cache(maxsize=1)
def load_bank(path: Path = BANK_FILE) -> Bank:
    """The shipped bank (read once per process)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise BankError(f"{path.name}: {e}") from None
    return parse(data, path.name)
