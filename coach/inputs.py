"""Reading and vetting user input: files, stdin and strings.

Every problem becomes an `InputError` whose message is one line a student can act on; callers
never see a traceback for bad input. Nothing here modifies or moves the user's file.

`read_text_file(path)` is the one way any front end (check, rewrite, the app, practice, review)
reads a file the user named. It never trusts the file system's word about size or kind:

- only regular files are read (a FIFO would block, `/dev/zero` never ends, a directory is not
  text); the file is opened non-blocking and checked with `fstat` on the open descriptor, so
  there is no window between the check and the read;
- at most `MAX_BYTES + 1` bytes are read, whatever `st_size` says;
- symbolic links are followed; a loop or a dangling link gets its own message;
- text must be UTF-8 (one leading BOM allowed, as the contract says). UTF-16/UTF-32 with a BOM
  is recognised and refused with "save it as UTF-8": decoding it would make the app save the
  draft back in a different encoding than the user's file, and the report contract defines
  offsets over UTF-8 input.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from pathlib import Path

from coach.render.visible import visible

MAX_CHARS = 100_000  # ~15,000 words: far beyond any explanation, small enough to stay quick
MAX_BYTES = 4 * MAX_CHARS
BINARY_CONTROL_RATIO = 0.05
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


class InputError(ValueError):
    """Unusable input (empty, binary, not UTF-8, too long, unreadable); the message is one line."""


def _too_long(n: int) -> str:
    return (f"the draft is {n:,} characters; redflag-coach analyses up to {MAX_CHARS:,} "
            "(paste just the explanation, not the whole document)")


def check_text(text: object, *, what: str = "the draft", allow_empty: bool = False) -> str:
    """Return the text if it can be analysed, else raise `InputError`.

    `what` names the input in the message ("the MSPE excerpt"), so an empty `--mspe` file is not
    reported as an empty draft.
    """
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    if not allow_empty and not text.strip():
        raise InputError(f"{what} is empty: paste or write the text first")
    if len(text) > MAX_CHARS:
        raise InputError(_too_long(len(text)).replace("the draft", what, 1))
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if "\x00" in text or controls > BINARY_CONTROL_RATIO * len(text):
        raise InputError("this looks like a binary file, not text")
    return text


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or explain what the bytes are instead."""
    for bom, enc in _WIDE_BOMS:
        if data.startswith(bom):
            raise InputError(f"{name}: this file is {enc} text; save it as UTF-8 and try again")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {e.start}); save the file as UTF-8 text and try again"
        ) from None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory; give the path of a text file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a file; save the text to a file first"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a text file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a text file"
    return "is not a regular file"


def _open_error(path: Path, name: str, e: OSError) -> InputError:
    if e.errno == errno.ELOOP:
        return InputError(f"{name}: symbolic link loop; point the link at a real file")
    if e.errno == errno.ENOENT:
        if os.path.islink(path):
            try:
                target = visible(os.readlink(path))
            except OSError:
                target = "?"
            return InputError(f"{name}: broken symbolic link (its target {target} does not exist)")
        return InputError(f"{name}: no such file")
    if e.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{name}: permission denied")
    if e.errno == errno.EISDIR:
        return InputError(f"{name}: is a directory; give the path of a text file")
    if e.errno == errno.ENAMETOOLONG:
        return InputError(f"{name}: file name too long")
    if e.errno == errno.ENOTDIR:
        return InputError(f"{name}: no such file (a part of the path is not a folder)")
    return InputError(f"{name}: cannot read ({os.strerror(e.errno) if e.errno else e})")


def read_limited_bytes(path: str | os.PathLike, limit: int = MAX_BYTES) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path` (raises `InputError`)."""
    p = Path(os.fspath(path))
    name = visible(str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as e:
        raise _open_error(p, name, e) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: {_kind(st.st_mode)}")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise _open_error(p, name, e) from None
    finally:
        os.close(fd)


def _vet(data: bytes, name: str, what: str, allow_empty: bool) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large; redflag-coach analyses up to {MAX_CHARS:,} characters "
                         "(paste just the explanation, not the whole document)")
    text = decode(data, name)
    try:
        return check_text(text, what=what, allow_empty=allow_empty)
    except InputError as e:
        raise InputError(f"{name}: {e}") from None


def read_text_file(path: str | os.PathLike, *, what: str = "the draft", allow_empty: bool = False) -> str:
    """The vetted UTF-8 text of the file at `path`, or `InputError` with a one-line reason.

    Refuses non-regular files (FIFO, device, directory, socket), symlink loops and dangling
    links, anything over `MAX_CHARS` (reading at most `MAX_BYTES + 1` bytes), UTF-16/32, binary
    data, invalid UTF-8 and (unless `allow_empty`, as for a draft the app is about to start)
    empty text. `what` names the input in messages ("the MSPE excerpt"). The path in a message
    has its control characters made visible, so it is safe to print.
    """
    return _vet(read_limited_bytes(path), visible(os.fspath(path)), what, allow_empty)


def read_stdin(*, what: str = "the draft") -> str:
    """Standard input, with the same limits and checks as a file."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("<stdin>: standard input is not available")
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"<stdin>: cannot read ({os.strerror(e.errno) if e.errno else e})") from None
    return _vet(data, "<stdin>", what, False)


def read_input(path: str, *, what: str = "the draft") -> str:
    """Read a path given on the command line (`-` is standard input) and vet it."""
    return read_stdin(what=what) if path == "-" else read_text_file(path, what=what)
