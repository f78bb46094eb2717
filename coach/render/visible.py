"""Make control characters visible before any user-supplied text reaches a terminal.

A draft, an MSPE excerpt or a file name can hold escape sequences (`\\x1b[2J` clears the screen,
an OSC title sequence left open swallows everything after it, `\\x1b[8m` hides text). Every
terminal output (check/rewrite/rules/config text, error lines that echo a path, the app's side
panes) passes user text through `visible`, so the user sees `␛[2J` instead of an empty screen.
JSON output needs none of this: `json.dumps` already escapes control characters.
"""
from __future__ import annotations

import re

# C0 controls except the layout ones handled by `keep`, DEL, C1 controls, and the bidi
# overrides/isolates that can reorder what is shown ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _picture(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ␛ for ESC, ␀ for NUL, ␉ for TAB
    if code == 0x7F:
        return "␡"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def visible(text: str, *, keep: str = "") -> str:
    """`text` with every control character replaced by a visible stand-in.

    `keep` names layout characters to pass through (e.g. "\\n\\t" for a multi-line draft body);
    a one-line field (a path, a quote, a rule id) keeps none, so a newline in a file name cannot
    forge an extra output line.
    """
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _picture(m.group()), text)


def visible_lines(text: str) -> str:
    """A multi-line body: newlines and tabs stay, `\\r` and everything else become visible."""
    return visible(text.replace("\r\n", "\n"), keep="\n\t")
