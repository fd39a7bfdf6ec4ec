"""Typed errors. Each carries the input's path, so one line can say what failed and why."""
from __future__ import annotations


class NewscleanError(Exception):
    """An expected failure of one input (not a bug)."""
    kind = "error"

    def __init__(self, path: str, message: str):
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
    """The input is readable but not a document (binary data, a bad JSONL line...)."""
    kind = "format"


class StageError(NewscleanError):
    """A pipeline stage failed on this input; the message names the stage."""
    kind = "stage"
