"""Find the inputs of a run and turn their bytes into documents.

Discovery is deterministic (sorted, dotfiles skipped, the output folder left out)
and lazy: a run over a large folder never holds all of its documents at once.
Whatever an input holds, it becomes documents or Failures naming it, never an
exception: the batch must be able to account for every input.
"""
from __future__ import annotations

import codecs
import errno
import fnmatch
import json
import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from .article import GIVEN_KEYS, Article
from .decoding import (LATIN, LATIN_WARNING, MIXED, REPAIRED, check_codec, decode_bytes,
                       decode_mixed_line, detect_encoding, not_valid, strip_bom)
from .errors import DecodeError, InputFormatError, NewscleanError, ReadError, printable

__all__ = ["STDIN", "Input", "Failure", "Discovered", "discover", "read_bytes", "holds_jsonl",
           "stream_lines", "stream_jsonl", "to_documents", "text_document", "relative_name",
           "display_name", "decode_bytes", "detect_encoding"]

STDIN = "-"

# Keys newsclean adds to some records only; a JSONL input's own field of that name
# would pass through and be taken for newsclean's (an ok record with an "error").
_RESERVED = ("error", "lines")
# Keys newsclean computes for every record: a record's own value would be replaced.
_COMPUTED = ("path", "language", "script", "keywords", "summary", "warnings")
_LONE_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class Input:
    """One thing to read: a file path, or stdin. `root` is the folder it was found under."""
    path: str
    root: str | None = None
    data: bytes | None = None     # bytes already read whole (a page on stdin)
    # Stdin and pipes only. Their first bytes, read to tell a feed from a page; and, for
    # a run that reads one twice or in worker processes, a temporary file of the rest.
    head: bytes | None = None
    spool: str | None = None
    spooled: bool = False         # the spool holds all of the pipe after the head
    drained: bool = False         # the pipe was read past its head without a spool
    pipe: bool = False            # a pipe named as a PATH (<(cmd), a fifo): read as stdin is

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def is_pipe(self) -> bool:
        """Stdin or a named pipe: readable once, so kept as it is read (see open_pipe)."""
        return self.pipe or self.path == STDIN

    @property
    def is_jsonl(self) -> bool:
        return self.path.lower().endswith(".jsonl")


@dataclass
class Failure:
    """An input (or one JSONL line) that could not become a document. `whole`: the
    whole input failed (a JSONL file that cannot be read at all, not one of its lines)."""
    path: str
    error: NewscleanError
    extra: dict[str, Any] = field(default_factory=dict)
    whole: bool = False


def display_name(item: Input) -> str:
    """The input's name for records and messages. A file name that is not valid UTF-8
    shows its odd bytes as \\xNN (as `ls -b` does): the real name cannot be written as
    UTF-8, and must still be recognisable."""
    return "<stdin>" if item.is_stdin else printable(item.path)


def _failure(path: str, error_cls: type[NewscleanError], message: str) -> Failure:
    error = error_cls(path, message)
    return Failure(error.path, error)


def discover(paths: list[str], recursive: bool = False, glob: str | None = None,
             exclude: str | None = None) -> Iterator[Input | Failure]:
    """Expand PATH arguments into inputs. Directories give their regular files (sorted,
    dotfiles skipped, descending only with `recursive`); `exclude` (the output folder)
    is never read. A missing path becomes a Failure, not an exception."""
    excluded = os.path.realpath(exclude) if exclude else None
    for arg in paths:
        if arg == STDIN:
            yield Input(STDIN)
            continue
        if os.path.isdir(arg):
            yield from _walk(arg, arg, recursive, glob, excluded, ())
        elif os.path.lexists(arg) and not os.path.exists(arg):
            yield _failure(arg, ReadError, _why_unreachable(arg))
        elif not os.path.exists(arg):
            yield _failure(arg, ReadError, "no such file or directory")
        else:
            yield Input(arg, pipe=_is_pipe(arg))


def _is_pipe(path: str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


class Discovered:
    """The inputs that PATH arguments name, found again on every pass over them instead
    of held, so that a run over 100,000 files keeps none of their names in memory.
    Discovery is sorted: every pass gives the same inputs in the same order. Stdin, and
    a pipe named as a PATH, is one Input on every pass, so that its bytes are read once."""

    def __init__(self, paths: list[str], recursive: bool = False, glob: str | None = None,
                 exclude: str | None = None) -> None:
        self._paths = list(paths)
        self._how = (recursive, glob, exclude)
        self._pipes: dict[str, Input] = {}

    def __iter__(self) -> Iterator[Input | Failure]:
        for item in discover(self._paths, *self._how):
            if isinstance(item, Input) and item.is_pipe:
                item = self._pipes.setdefault(item.path, item)
            yield item

    def count(self) -> int:
        return sum(1 for _ in self)


def _why_unreachable(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _walk(folder: str, root: str, recursive: bool, glob: str | None,
          excluded: str | None, above: tuple[str, ...]) -> Iterator[Input | Failure]:
    real = os.path.realpath(folder)
    if real in above:                     # a link back to a folder being read
        yield _failure(folder, ReadError, "symbolic link loop, not followed")
        return
    above = (*above, real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _failure(folder, ReadError, exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        if excluded and os.path.realpath(path) == excluded:
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            message = "symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror
            yield _failure(path, ReadError, message or str(exc))
            continue
        if is_dir:
            if recursive:
                yield from _walk(path, root, recursive, glob, excluded, above)
        elif is_file:
            if glob is None or fnmatch.fnmatch(entry.name, glob):
                yield Input(path, root)
        elif entry.is_symlink():
            yield _failure(path, ReadError, _why_unreachable(path))
        # sockets, fifos and devices are not documents: a fifo would block the run


def read_bytes(item: Input) -> bytes:
    """The input's bytes. Stdin's are kept on the item: a run may read an input twice
    (learning, then processing), and worker processes cannot read it."""
    if item.data is not None:
        return item.data
    if item.is_pipe:
        reader = open_pipe(item)
        try:
            item.data = b"".join(iter(lambda: _read(reader, 1 << 20, display_name(item)), b""))
        finally:
            reader.close()
        return item.data
    try:
        with open(item.path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise ReadError(item.path, "is a directory") from None
    except MemoryError:
        raise ReadError(item.path, "too large to read into memory") from None
    except OSError as exc:
        raise ReadError(item.path, exc.strerror or str(exc)) from None


def holds_jsonl(item: Input, input_format: str | None) -> bool:
    """Whether an input is read as JSON Lines: with --input-format jsonl, by its name
    (*.jsonl), or, for stdin, which has no name, when its first line is a JSON object
    (a crawler's output piped in)."""
    if input_format is not None:
        return input_format == "jsonl"
    if item.is_jsonl:
        return True
    if not item.is_stdin:
        return False
    try:
        head = _pipe_head(item)
        return _opens_with_an_object(head, len(head) < _SNIFF)
    except NewscleanError:
        return False


_SNIFF = 1 << 16


def _opens_with_an_object(head: bytes, complete: bool) -> bool:
    """Whether text whose first bytes are `head` (all of it when complete) opens with
    a line that is a JSON object."""
    codec = detect_encoding(head, STDIN, complete=complete)
    codec = codec.removeprefix(MIXED).removesuffix(REPAIRED)
    text = strip_bom(head.decode(codec, errors="replace")).lstrip()
    end = _RECORD_END.search(text)
    first = (text[:end.start()] if end else text).strip()
    if not first.startswith("{"):
        return False
    if end is None and not complete:
        return first.startswith('{"')      # a record longer than what is looked at
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


# Named pipes open for the run: each is opened once, and read once.
_OPEN_PIPES: dict[str, BinaryIO] = {}


def _pipe(item: Input) -> BinaryIO:
    if item.is_stdin:
        if sys.stdin is None:               # started with stdin closed (<&-)
            raise ReadError("<stdin>", "stdin is closed")
        return sys.stdin.buffer
    if item.path not in _OPEN_PIPES:
        try:
            _OPEN_PIPES[item.path] = open(item.path, "rb")
        except OSError as exc:
            raise ReadError(display_name(item), exc.strerror or str(exc)) from None
    return _OPEN_PIPES[item.path]


def _pipe_head(item: Input) -> bytes:
    if item.head is None:
        item.head = _read(_pipe(item), _SNIFF, display_name(item))
    return item.head


def keep_pipe(item: Input) -> None:
    """Stdin or a pipe is to be read again (a run that learns from its documents first):
    what is read of it from now on is kept in a temporary file, removed at exit."""
    if item.spool is None and not item.drained:
        import atexit
        import tempfile
        fd, item.spool = tempfile.mkstemp(prefix="newsclean-stdin-")
        os.close(fd)
        atexit.register(_remove, item.spool)


def spool_pipe(item: Input) -> None:
    """All of stdin (or a pipe) in its temporary file, or on the item, for workers."""
    if item.spooled or item.data is not None:
        return
    keep_pipe(item)
    reader = open_pipe(item)
    try:
        while _read(reader, 1 << 20, display_name(item)):
            pass
    finally:
        reader.close()


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def open_pipe(item: Input) -> "_Replay":
    """A reader of stdin or a pipe from its first byte, on every pass (see _Replay)."""
    if item.drained:
        raise ReadError(display_name(item), "a pipe, read once already and not kept")
    return _Replay(item)


class _Replay:
    """Stdin or a pipe from its first byte: its head, what the spool holds, then what is
    still to come (added to the spool, if there is one). A read gives `size` bytes, fewer
    only at the end, as a file's does."""

    def __init__(self, item: Input) -> None:
        self.item = item
        self.head = _pipe_head(item)
        self.kept = open(item.spool, "rb") if item.spool else None
        self.live = not item.spooled

    def read(self, size: int) -> bytes:
        pieces, wanted = [], size
        if self.head:
            pieces.append(self.head[:wanted])
            self.head = self.head[wanted:]
            wanted -= len(pieces[-1])
        if wanted and self.kept is not None:
            pieces.append(self.kept.read(wanted))
            wanted -= len(pieces[-1])
        if wanted and self.live:
            pieces.append(self._live(wanted))
        return b"".join(pieces)

    def _live(self, size: int) -> bytes:
        item = self.item
        pieces = []
        source = _pipe(item)
        while size:
            piece = source.read(size)
            if not piece:
                self.live = False
                item.spooled = item.spool is not None
                break
            pieces.append(piece)
            size -= len(piece)
        data = b"".join(pieces)
        if item.spool is None:
            item.drained = True
        elif data:
            with open(item.spool, "ab") as fh:
                fh.write(data)
            self.kept.seek(0, os.SEEK_END)
        return data

    def close(self) -> None:
        if self.kept is not None:
            self.kept.close()


def stream_lines(item: Input, encoding: str | None = None, chunk_size: int = 1 << 20,
                 warnings: list[str] | None = None) -> Iterator[str]:
    """The input's lines, each with its own line ending, decoded incrementally so that
    memory does not grow with the file. The encoding is detected from the first chunk;
    repairs it calls for (bad bytes replaced, mixed encodings) are added to `warnings`."""
    name = display_name(item)
    try:
        fh = open_pipe(item) if item.is_pipe else open(item.path, "rb")
    except OSError as exc:
        raise ReadError(name, exc.strerror or str(exc)) from None
    try:
        head = _read(fh, chunk_size, name)
        ended = len(head) < chunk_size
        if not head or head.isspace():
            raise InputFormatError(name, _emptiness(head))
        cut = len(head) if ended else head.rfind(b"\n") + 1
        codec = (check_codec(encoding, name) if encoding else
                 detect_encoding(head[:cut] or head, name, complete=ended))
        if encoding is None:
            sample = _sample(head, codec, ended)
            if _looks_binary(sample):
                raise InputFormatError(name, "binary data, not text")
            if ended and not sample.strip():
                raise InputFormatError(name, _emptiness(sample))
            if warnings is not None and codec.startswith(MIXED):
                warnings.append(f"mixed encodings: lines not in utf-8 decoded as "
                                f"{codec[len(MIXED):]}")
            elif warnings is not None and codec.endswith(REPAIRED):
                warnings.append(f"invalid {codec[:-len(REPAIRED)]}: undecodable bytes replaced")
            elif warnings is not None and codec == LATIN:
                warnings.append(LATIN_WARNING)
        if codec.startswith(MIXED):
            yield from _stream_mixed(fh, head, codec[len(MIXED):], chunk_size, name)
        else:
            yield from _stream_decoded(fh, head, codec, name, chunk_size, encoding is not None,
                                       warnings)
    finally:
        fh.close()


def _stream_decoded(fh: BinaryIO, head: bytes, codec: str, name: str, chunk_size: int,
                    forced: bool = False, warnings: list[str] | None = None) -> Iterator[str]:
    errors = "strict"
    if codec.endswith(REPAIRED):
        codec, errors = codec[: -len(REPAIRED)], "replace"
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors=errors)
    except LookupError:
        raise DecodeError(name, f"unknown encoding {codec!r}") from None
    lines = _LineJoiner()
    first = True
    chunk = head
    offset = 0
    while True:
        pending = decoder.getstate()[0]
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            if forced or first:
                exc.start += offset
                raise DecodeError(name, not_valid(codec, exc, forced)) from None
            # Past the part the encoding was told from (a bad byte, a line in another
            # encoding, deep in a large file): what is left is repaired, not lost.
            where = offset + exc.start - len(pending)
            if codec == "utf-8":
                if warnings is not None:
                    warnings.append(f"not all utf-8: lines from byte {where} on decoded one by "
                                    "one (other encodings read, bad bytes replaced)")
                yield from _continue_mixed(fh, pending + chunk, lines, chunk_size, name)
                return
            if warnings is not None:
                warnings.append(f"invalid {codec} from byte {where} on: undecodable bytes replaced")
            decoder = codecs.getincrementaldecoder(codec)(errors="replace")
            text = decoder.decode(pending + chunk, final=not chunk)
        except UnicodeError as exc:
            raise DecodeError(name, not_valid(codec, exc, forced)) from None
        if first:
            text, first = strip_bom(text), False
        yield from lines.feed(text)
        if not chunk:
            yield from lines.close()
            return
        offset += len(chunk)
        chunk = _read(fh, chunk_size, name)


class _LineJoiner:
    """Text in pieces of any size in, complete lines (with their endings) out. A long
    line is kept in pieces until it ends, so a line of 50 MB costs a single join,
    not one per chunk."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def feed(self, text: str) -> list[str]:
        if not text:
            return []
        if self.parts and self.parts[-1].endswith("\r"):
            # A "\r" may be the first half of "\r\n": only now can it be split.
            text = "".join(self.parts) + text
            self.parts = []
        lines = text.splitlines(keepends=True)
        last = lines[-1]
        tail = lines.pop() if last.endswith("\r") or last.splitlines() == [last] else None
        if self.parts and lines:               # the line being kept ends here
            lines[0] = "".join(self.parts) + lines[0]
            self.parts = []
        if tail is not None:                   # not ended yet
            self.parts.append(tail)
        return lines

    def close(self) -> list[str]:
        rest = "".join(self.parts)
        self.parts = []
        return rest.splitlines(keepends=True)


def _read(fh: BinaryIO, size: int, name: str) -> bytes:
    try:
        return fh.read(size)
    except OSError as exc:                  # a disk error or a vanished network mount
        raise ReadError(name, exc.strerror or str(exc)) from None


def _stream_mixed(fh: BinaryIO, head: bytes, legacy: str, chunk_size: int,
                  name: str) -> Iterator[str]:
    """A file of UTF-8 and legacy lines: each line decoded on its own."""
    parts: list[bytes] = []
    chunk = head
    while chunk:
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            parts.append(chunk[start:end + 1])
            yield from decode_mixed_line(b"".join(parts), legacy)[0].splitlines(keepends=True)
            parts = []
            start = end + 1
        if start < len(chunk):
            parts.append(chunk[start:])
        chunk = _read(fh, chunk_size, name)
    if parts:
        yield from decode_mixed_line(b"".join(parts), legacy)[0].splitlines(keepends=True)


def _continue_mixed(fh: BinaryIO, rest: bytes, lines: "_LineJoiner", chunk_size: int,
                    name: str) -> Iterator[str]:
    """The rest of a UTF-8 stream, from `rest` on, a line at a time as in a mixed file;
    the start of the line it cuts into is in `lines`."""
    held = "".join(lines.parts)
    lines.parts = []
    for line in _stream_mixed(fh, rest, "gb18030", chunk_size, name):
        yield held + line
        held = ""
    if held:
        yield held


def _sample(head: bytes, codec: str, whole: bool) -> str:
    """The start of the input, decoded well enough to judge it (all of it if `whole`)."""
    if codec.startswith(MIXED):
        codec = "utf-8"
    return strip_bom((head if whole else head[:8192]).decode(codec.removesuffix(REPAIRED),
                                                             errors="replace"))


def _emptiness(data: bytes | str, what: str = "file") -> str:
    return f"empty {what}" if not data else "only whitespace, no text"


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace dominate binary data decoded as text."""
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > 0.1 * len(sample)


def to_documents(item: Input, data: bytes, encoding: str | None = None,
                 input_format: str | None = None) -> Iterator[Article | Failure]:
    """The documents of one input: one for a text or HTML file, one per line of JSONL.
    An input with nothing to read (empty, only whitespace) is a failure: an editor
    running a folder wants to hear about the file that came out empty."""
    name = display_name(item)
    if not data or data.isspace():           # not strip(): no copy of a large input
        raise InputFormatError(name, _emptiness(data))
    text, warnings = decode_bytes(data, name, encoding)
    if holds_jsonl(item, input_format):
        yield from _jsonl_documents(_json_lines(text), name, warnings)
        return
    yield text_document(name, text, warnings, input_format)


def text_document(name: str, text: str, warnings: list[str] | None = None,
                  input_format: str | None = None, empty: str = "file") -> Article:
    """A decoded page (text or HTML) as a document: NUL characters removed and lone
    surrogates replaced, with a warning. Binary data and a page without text (`empty`
    names what it came in) are an InputFormatError."""
    warnings = list(warnings or [])
    if _looks_binary(text):
        raise InputFormatError(name, "binary data, not text")
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) removed")
        text = text.replace("\x00", "")
    text, surrogates = _SURROGATE.subn("\ufffd", text)
    if surrogates:                      # from a str made by hand: no UTF-8 can hold them
        warnings.append(f"{surrogates} lone surrogate(s) replaced")
    if not text or text.isspace():
        raise InputFormatError(name, _emptiness(text, empty))
    doc = Article(path=name, raw=text, warnings=warnings)
    if input_format == "html":
        doc.is_html = True
    elif input_format == "text":
        doc.is_html = False
    else:
        doc.is_html = None              # decided by the cleaner from the content
    return doc


# Lines of a .jsonl file, none of them JSON, after which it is taken for no JSONL at all.
_NOT_JSONL_AFTER = 20


def stream_jsonl(item: Input, encoding: str | None = None,
                 chunk_size: int = 1 << 20) -> Iterator[Article | Failure]:
    """The records of a JSONL file, read and decoded a piece at a time, so that memory
    does not grow with the file (see to_documents for one read whole)."""
    warnings: list[str] = []
    lines = _record_lines(stream_lines(item, encoding, chunk_size, warnings=warnings))
    yield from _jsonl_documents(lines, display_name(item), warnings)


def _record_lines(lines: Iterator[str]) -> Iterator[str]:
    """Streamed lines as JSONL records: a line ends only at \n or \r (splitlines() also
    breaks at U+2028 or U+0085, which a JSON string may hold as they are)."""
    held: list[str] = []
    for line in lines:
        held.append(line)
        if line.endswith(("\n", "\r")):
            yield "".join(held).rstrip("\r\n")
            held = []
    if held:
        yield "".join(held)


def _jsonl_documents(lines: Iterable[str], name: str,
                     file_warnings: list[str]) -> Iterator[Article | Failure]:
    """The records of a JSONL text, given as its lines. A file whose lines are none of
    them JSON (a text file named .jsonl) fails once, as a whole, instead of once for
    every line."""
    leading: list[Failure] | None = []
    for doc in _jsonl_records(lines, name, file_warnings):
        if leading is not None:
            if isinstance(doc, Failure) and doc.error.message.startswith("not JSON ("):
                leading.append(doc)
                if len(leading) == _NOT_JSONL_AFTER:
                    break
                continue
            yield from leading
            leading = None
        yield doc
    if leading is not None and len(leading) > 1:
        raise InputFormatError(name, f"not JSON Lines: its first {len(leading)} lines are no "
                                     "JSON (--input-format text reads it as text)")
    yield from leading or ()


def _finite(number: str, constants: list[str]) -> float | None:
    """A JSON number as a float; one too large for a float (1e999) is no number that
    JSON can write back: it is noted, and None."""
    value = float(number)
    if math.isinf(value):
        constants.append(number)
        return None
    return value


def _jsonl_records(lines: Iterable[str], name: str,
                   file_warnings: list[str]) -> Iterator[Article | Failure]:
    records = 0
    told = 0            # file warnings given so far: each goes to one record, the next
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        records += 1
        where = f"{name}:{lineno}"
        constants: list[str] = []
        try:
            record = json.loads(line, parse_constant=lambda c: constants.append(c),
                                parse_float=lambda f: _finite(f, constants))
        except json.JSONDecodeError as exc:
            yield _failure(where, InputFormatError, f"not JSON ({exc.msg})")
            continue
        except RecursionError:
            yield _failure(where, InputFormatError, "JSON nested too deeply")
            continue
        except ValueError as exc:      # an integer of thousands of digits
            yield _failure(where, InputFormatError, f"not usable JSON ({str(exc).split(':')[0]})")
            continue
        if not isinstance(record, dict):
            yield _failure(where, InputFormatError, "not a JSON object")
            continue
        warnings, told = file_warnings[told:], len(file_warnings)
        if constants:
            # NaN and Infinity are Python's JSON, not JSON: the output must be JSON.
            warnings.append(f"{', '.join(sorted(set(constants)))} replaced by null")
        if _LONE_SURROGATE.search(line):
            # "\ud800" is valid JSON but no UTF-8 output can hold it.
            record = _scrub(record)
            warnings.append("lone surrogate escape(s) replaced")
        for keys, why in ((_RESERVED, "dropped: the key is newsclean's"),
                          (_COMPUTED, "replaced: newsclean computes it")):
            for key in keys:
                if key in record:
                    record.pop(key)
                    warnings.append(f'input field "{key}" {why}')
        given = _given_metadata(record, warnings)
        body = record.get("text")
        html = record.get("html")
        extra = {k: v for k, v in record.items()
                 if k not in ("text", "html") and k not in GIVEN_KEYS}
        extra.update(given)         # as the record gives them, dates in ISO 8601
        if not isinstance(body, str) and not isinstance(html, str):
            failure = _failure(where, InputFormatError, 'no "text" or "html" string')
            failure.extra = extra
            yield failure
            continue
        raw = body if isinstance(body, str) else html
        if "\x00" in raw:
            warnings.append(f"{raw.count(chr(0))} NUL character(s) removed")
            raw = raw.replace("\x00", "")
        if not raw.strip():
            failure = _failure(where, InputFormatError,
                               f'empty "{"text" if isinstance(body, str) else "html"}"')
            failure.extra = extra
            yield failure
            continue
        doc = Article(path=where, raw=raw, extra=extra, warnings=warnings, **given)
        doc.is_html = not isinstance(body, str)
        yield doc
    if not records:
        raise InputFormatError(name, "no JSON lines, only whitespace")


_RECORD_END = re.compile(r"\r\n?|\n")


def _json_lines(text: str) -> Iterator[str]:
    """The lines of a JSONL text, one at a time (no list of them all). Only \n, \r\n or
    \r end one (JSON strings escape them): a JSON string may hold U+2028 or U+0085 as
    they are, which splitlines() would break a record at."""
    start = 0
    for end in _RECORD_END.finditer(text):
        yield text[start:end.start()]
        start = end.end()
    if start < len(text):
        yield text[start:]


def _given_metadata(record: dict, warnings: list[str]) -> dict[str, str]:
    """The record's own title, date, publisher and author, where it gives them as text;
    a field of another kind (a number, a list) is dropped from the record, with a warning."""
    given = {}
    for key in GIVEN_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            value = " ".join(value.split())
            if value and key == "published":
                # Dates are ISO 8601 in every record ("Mon, 01 Jan 2001 10:00:00 GMT"
                # is 2001-01-01T10:00): they are compared and sorted.
                from .clean.meta import find_date
                value = find_date(value)
                if value is None:
                    warnings.append('input field "published" dropped: no date in it')
            if value:
                given[key] = value
        elif value is not None:
            record.pop(key)
            warnings.append(f'input field "{key}" dropped: not a string')
    return given


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    return value


def relative_name(item: Input) -> Path:
    """The input's path relative to the folder it was found in (for mirrored output)."""
    if item.root:
        return Path(os.path.relpath(item.path, item.root))
    return Path(Path(item.path).name if not item.is_stdin else "stdin")
