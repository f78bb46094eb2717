"""Reading and vetting user input: files, stdin and strings.

Every problem becomes an `InputError` whose message is one line a student can act on; callers
never see a traceback for bad input. Nothing here modifies or moves the user's file.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

MAX_CHARS = 100_000  # ~15,000 words: far beyond any explanation, small enough to stay quick
MAX_BYTES = 4 * MAX_CHARS
BINARY_CONTROL_RATIO = 0.05


class InputError(ValueError):
    """Unusable input (empty, binary, not UTF-8, too long, unreadable); the message is one line."""


def check_text(text: object) -> str:
    """Return the text if it can be analysed, else raise `InputError`."""
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError("the draft is empty: paste or write the explanation first")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"the draft is {len(text):,} characters; redflag-coach analyses up to {MAX_CHARS:,} "
            "(paste just the explanation, not the whole document)"
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if "\x00" in text or controls > BINARY_CONTROL_RATIO * len(text):
        raise InputError("this looks like a binary file, not text")
    return text


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or explain where decoding failed."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {e.start}); save the file as UTF-8 text and try again"
        ) from None


def read_input(path: str) -> str:
    """Read a path given on the command line (`-` is standard input) and vet it."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{name}: is a directory; give the path of a text file")
        if not p.exists():
            raise InputError(f"{name}: no such file")
        try:
            if p.stat().st_size > MAX_BYTES:
                raise InputError(f"{name}: {p.stat().st_size:,} bytes is too large; redflag-coach analyses up to {MAX_CHARS:,} characters")
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as e:
            raise InputError(f"{name}: cannot read ({os.strerror(e.errno) if e.errno else e})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: input is too large; redflag-coach analyses up to {MAX_CHARS:,} characters")
    text = decode(data, name)
    try:
        return check_text(text)
    except InputError as e:
        raise InputError(f"{name}: {e}") from None
