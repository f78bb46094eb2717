"""Messages that travel up from the panes to the app ("attributes down, messages up").

Plain dataclasses, so a pane never reaches into the app or another pane: it says what the user
asked for and the app decides what changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from coach.report.findings import Finding


@dataclass
class AnalysisDone(Message):
    """A worker finished one analysis; the app drops it when its generation is stale."""

    outcome: Any  # coach.tui.live.Outcome


@dataclass
class JumpTo(Message):
    """Move the editor's cursor to a character range of the draft."""

    start: int
    end: int
    focus: bool = False


@dataclass
class FindingHighlighted(Message):
    """The user moved to a finding in the list; the editor follows."""

    finding: Finding
    focus: bool = False


@dataclass
class DismissFinding(Message):
    """Not a problem here: hide this finding for this draft."""

    finding: Finding


@dataclass
class IgnorePhrase(Message):
    """Never flag this phrase again (the user's ignore list in coach.config)."""

    finding: Finding


@dataclass
class UndoDismissal(Message):
    """Undo the last dismissal or ignored phrase."""


@dataclass
class OptionsChanged(Message):
    """The kind or red-flag selector changed."""

    kind: str
    red_flag: str


@dataclass
class MspeChanged(Message):
    """The MSPE excerpt was edited."""

    text: str

