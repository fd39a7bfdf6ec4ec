"""Typed errors. Each carries the input's path, so one line can say what failed and why."""
from __future__ import annotations

import re

# Characters that would break the one-line report or cannot be written as UTF-8:
# controls (a file name may hold a line break) and surrogates (the odd bytes of a
# file name that is not UTF-8, or a lone surrogate from a JSON escape).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    o = ord(ch)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if 0xDC80 <= o <= 0xDCFF:                 # os.fsdecode's escape of byte o - 0xDC00
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(text: str) -> str:
    """`text` on one line and encodable as UTF-8; printable text comes back unchanged,
    so applying it twice changes nothing more."""
    return _UNPRINTABLE.sub(_escape, text)


class NewscleanError(Exception):
    """An expected failure of one input (not a bug)."""
    kind = "error"

    def __init__(self, path: str, message: str):
        path, message = printable(path), printable(message)
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __reduce__(self):
        # Errors travel back from worker processes: rebuild them from both fields.
        return (type(self), (self.path, self.message))

    def to_record(self) -> dict[str, str]:
        return {"type": self.kind, "message": self.message}


class ReadError(NewscleanError):
    """The input cannot be read (missing, unreadable, a directory loop...)."""
    kind = "read"


class DecodeError(NewscleanError):
    """The bytes decode in none of the encodings tried."""
    kind = "decode"


class InputFormatError(NewscleanError):
    """The input is readable but not a document (binary data, a bad JSONL line, empty...)."""
    kind = "format"


class StageError(NewscleanError):
    """A pipeline stage failed on this input; the message names the stage."""
    kind = "stage"
