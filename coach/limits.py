"""Every length limit a user sees, read from one data file (`coach/rules/data/limits.toml`).

The length rules, the rewrite's budgets, the corpus checks and the help text all read these
figures here, so a limit changes in one place and every message that quotes it follows.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from coach.resources import rules_dir

LIMITS_FILE = "limits.toml"


@dataclass(frozen=True)
class Limits:
    """The figures of limits.toml, named for what they bound."""

    words_per_minute: int
    interview_seconds: tuple[int, int]
    interview_flag_words: tuple[int, int]
    interview_rewrite_words: tuple[int, int]
    statement_max_sentences: int
    statement_rewrite_words: int
    eras_characters: int
    statement_max_words: int = 150
    statement_max_characters: int = 1000
    interview_max_characters: int = 2400

    @property
    def interview_words(self) -> tuple[int, int]:
        """The spoken band in words (60–120 s at 150 words a minute is 150–300 words)."""
        lo, hi = self.interview_seconds
        return lo * self.words_per_minute // 60, hi * self.words_per_minute // 60

    def fields(self) -> dict[str, int]:
        """Flat names for quoting limits in rule messages (`{eras_characters}`)."""
        lo, hi = self.interview_seconds
        words_lo, words_hi = self.interview_words
        return {
            "words_per_minute": self.words_per_minute,
            "interview_min_seconds": lo, "interview_max_seconds": hi,
            "interview_min_words": words_lo, "interview_max_words": words_hi,
            "statement_max_sentences": self.statement_max_sentences,
            "statement_max_words": self.statement_max_words,
            "statement_max_characters": self.statement_max_characters,
            "interview_max_characters": self.interview_max_characters,
            "statement_rewrite_words": self.statement_rewrite_words,
            "eras_characters": self.eras_characters,
        }


def _pair(value: object, name: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
            and value[0] < value[1]):
        raise ValueError(f"{LIMITS_FILE}: {name} must be two increasing whole numbers")
    return value[0], value[1]


@lru_cache(maxsize=1)
def limits() -> Limits:
    """The shipped limits (read once per process)."""
    with (rules_dir() / LIMITS_FILE).open("rb") as fh:
        data = tomllib.load(fh)
    interview, statement, eras = data["interview"], data["statement"], data["eras"]
    return Limits(
        words_per_minute=int(interview["words_per_minute"]),
        interview_seconds=_pair(interview["seconds"], "interview.seconds"),
        interview_flag_words=_pair(interview["flag_words"], "interview.flag_words"),
        interview_rewrite_words=_pair(interview["rewrite_words"], "interview.rewrite_words"),
        statement_max_sentences=int(statement["max_sentences"]),
        statement_rewrite_words=int(statement["rewrite_words"]),
        eras_characters=int(eras["max_characters"]),
        statement_max_words=int(statement.get("max_words", 150)),
        statement_max_characters=int(statement.get("max_characters", 1000)),
        interview_max_characters=int(interview.get("max_characters", 2400)),
    )
