"""Every app action, named once: key bindings, footer labels and command-palette entries.

One table keeps the footer, the palette and the help screen from drifting apart: an action added
here is reachable from the keyboard and from Ctrl+P without further wiring.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class AppAction:
    action: str       # the App.action_* name (without the prefix)
    title: str        # shown in the palette and the help screen
    help: str         # one line: what it does
    key: str = ""     # key(s) in Textual's notation; "" for palette-only actions
    footer: str = ""  # short footer label; "" keeps it out of the footer
    priority: bool = False  # bound even while the editor has focus
    local: str = ""   # a key that works inside one pane (shown in help), e.g. "d (findings list)"


ACTIONS: tuple[AppAction, ...] = (
    AppAction("help", "Help", "Explain the three parts and every flag type", "f1", "Help", True),
    AppAction("open_draft", "Open draft…", "Open a text file as the draft", "ctrl+o", "Open", True),
    AppAction("save_draft", "Save draft", "Save the draft to its file (asks for a path the first time)", "ctrl+s", "Save", True),
    AppAction("save_draft_as", "Save draft as…", "Save the draft under a new path"),
    AppAction("export_markdown", "Export report as Markdown…", "Write the full report and suggestion as Markdown", "ctrl+r", "Export", True),
    AppAction("export_html", "Export report as HTML…", "Write the full report as one self-contained HTML page"),
    AppAction("next_finding", "Next finding", "Move the cursor to the next finding", "f8,ctrl+n", "Next", True),
    AppAction("previous_finding", "Previous finding", "Move the cursor to the previous finding", "shift+f8", "", True),
    AppAction("dismiss_finding", "Dismiss finding", "Not a problem here: hide the selected finding for this draft",
              local="d (findings list)"),
    AppAction("ignore_phrase", "Ignore phrase everywhere", "Add the selected finding's phrase to your ignore list",
              local="i (findings list)"),
    AppAction("undo_dismissal", "Undo dismissal", "Bring back the last dismissed finding or ignored phrase",
              local="u (findings list)"),
    AppAction("show_coach", "Show checklist and findings", "Switch the side panel to the checklist and findings", "f2", "", True),
    AppAction("show_rewrite", "Show suggested rewrite", "Switch the side panel to the suggested rewrite", "f3", "", True),
    AppAction("show_mspe", "Paste MSPE excerpt", "Switch to the MSPE pane to check the draft against your dean's letter", "f4", "", True),
    AppAction("focus_editor", "Focus the draft", "Move the keyboard focus back to the draft", "escape", "", False),
    AppAction("copy_rewrite", "Copy suggestion", "Copy the suggested rewrite to the clipboard"),
    AppAction("save_rewrite", "Save suggestion…", "Write the suggested rewrite to a text file"),
    AppAction("cycle_kind", "Change draft kind", "Cycle interview → statement → ERAS → auto"),
    AppAction("cycle_red_flag", "Change red flag", "Cycle through the red-flag types"),
    AppAction("analyze_now", "Analyse now", "Run the analysis without waiting for a typing pause", "f5", "", True),
    AppAction("practice", "Practise interview answers", "Rehearse the committee's questions about your red flag, with a clock and follow-ups", "f9"),
    AppAction("practice_progress", "Practice progress", "Your practice scores over attempts and the parts that keep going missing"),
    AppAction("toggle_dark", "Toggle light/dark", "Switch between the light and dark theme", "ctrl+t", "Theme", True),
    AppAction("quit", "Quit", "Quit at once (the draft is autosaved first)", "ctrl+q", "Quit", True),
)


# Actions about the draft on the main screen; they step aside while a practice screen is open.
DRAFT_ACTIONS = frozenset(a.action for a in ACTIONS) - {"help", "quit", "toggle_dark", "practice",
                                                         "practice_progress"}


def bindings() -> list[Binding]:
    """Key bindings for the actions that have keys."""
    return [
        Binding(a.key, a.action, a.footer or a.title, show=bool(a.footer), priority=a.priority)
        for a in ACTIONS if a.key
    ]


_KEY_WORDS = {"ctrl": "Ctrl", "shift": "Shift", "escape": "Esc"}


def key_label(a: AppAction) -> str:
    """The action's keys for humans (help screen, palette help), e.g. "F8 / Ctrl+N"."""
    def one(key: str) -> str:
        return "+".join(_KEY_WORDS.get(p, p.upper() if len(p) <= 3 else p.capitalize()) for p in key.split("+"))

    return " / ".join(one(k) for k in a.key.split(",")) if a.key else a.local
