"""Find the inputs of a run and turn their bytes into documents.

Discovery is deterministic (sorted, dotfiles skipped, the output folder left out)
and lazy: a run over a large folder never holds all of its documents at once.
"""
from __future__ import annotations

import codecs
import fnmatch
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .article import Article
from .errors import DecodeError, InputFormatError, NewscleanError, ReadError

STDIN = "-"

# Magic numbers of the binaries most often found with a .txt name.
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"), (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7z archive"), (b"RIFF", "a media file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Frequent Chinese punctuation: text decoded with the right codec is full of it.
_CJK_PUNCT = frozenset("，。、“”：；！？（）《》「」")


@dataclass
class Input:
    """One thing to read: a file path, or stdin. `root` is the folder it was found under."""
    path: str
    root: str | None = None
    data: bytes | None = None     # bytes already read (stdin, read once by the parent)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    @property
    def is_jsonl(self) -> bool:
        return self.path.lower().endswith(".jsonl")


@dataclass
class Failure:
    """An input (or one JSONL line) that could not become a document."""
    path: str
    error: NewscleanError
    extra: dict[str, Any] = field(default_factory=dict)


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
            yield from _walk(arg, arg, recursive, glob, excluded, set())
        elif os.path.lexists(arg) and not os.path.exists(arg):
            yield Failure(arg, ReadError(arg, "broken symbolic link"))
        elif not os.path.exists(arg):
            yield Failure(arg, ReadError(arg, "no such file or directory"))
        else:
            yield Input(arg)


def _walk(folder: str, root: str, recursive: bool, glob: str | None,
          excluded: str | None, seen: set[str]) -> Iterator[Input | Failure]:
    real = os.path.realpath(folder)
    if real in seen:                      # a symlink loop
        yield Failure(folder, ReadError(folder, "symbolic link loop, not followed"))
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(folder, ReadError(folder, exc.strerror or str(exc)))
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
            yield Failure(path, ReadError(path, exc.strerror or str(exc)))
            continue
        if is_dir:
            if recursive:
                yield from _walk(path, root, recursive, glob, excluded, seen)
        elif is_file:
            if glob is None or fnmatch.fnmatch(entry.name, glob):
                yield Input(path, root)
        elif entry.is_symlink():
            yield Failure(path, ReadError(path, "broken symbolic link"))


def read_bytes(item: Input) -> bytes:
    """The input's bytes. Stdin is read once and kept on the item: a run may read an
    input twice (learning, then processing), and worker processes cannot read it."""
    if item.data is not None:
        return item.data
    if item.is_stdin:
        item.data = sys.stdin.buffer.read()
        return item.data
    try:
        with open(item.path, "rb") as fh:
            return fh.read()
    except IsADirectoryError:
        raise ReadError(item.path, "is a directory") from None
    except OSError as exc:
        raise ReadError(item.path, exc.strerror or str(exc)) from None


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode an input's bytes: a BOM wins, then UTF-8, UTF-16 without BOM, then the
    better of GB18030 and Big5-HKSCS. Returns the text and any warnings."""
    name = encoding or detect_encoding(data, path)
    if name.endswith(_REPAIRED):
        # Mostly one encoding with a few bad bytes (a truncated download, a title cut in
        # the middle of a character): keep the text and say what was replaced.
        codec = name[: -len(_REPAIRED)]
        text = _strip_bom(data.decode(codec, errors="replace"))
        first_bad = text.index("\ufffd")
        return text, [f"invalid {codec} near character {first_bad}; "
                      f"{text.count(chr(0xFFFD))} character(s) replaced"]
    try:
        text = data.decode(name)
    except LookupError:
        raise DecodeError(path, f"unknown encoding {name!r}") from None
    except UnicodeDecodeError as exc:
        raise DecodeError(path, f"not valid {name} (at byte {exc.start}); "
                                "name its encoding with --encoding") from None
    return _strip_bom(text), []


_REPAIRED = " (with replacements)"


def detect_encoding(data: bytes, path: str, complete: bool = True) -> str:
    """The codec name for these bytes (a whole file, or the start of one cut at a line
    break; `complete` False). Raises InputFormatError for binary data, DecodeError when nothing fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputFormatError(path, f"binary data ({kind}), not text")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if _decodes(data, "utf-8", complete) is not None:
        return "utf-8"
    candidates = []
    for name in ("gb18030", "big5hkscs"):
        text = _decodes(data, name, complete)
        if text is not None:
            candidates.append((_plausibility(text), name))
    if candidates:
        return max(candidates)[1]
    # No codec fits every byte: take the one that needs the fewest replacements, if they
    # are few enough to be damage rather than a wrong guess.
    damage = []
    for name in ("utf-8", "gb18030", "big5hkscs"):
        text = data.decode(name, errors="replace")
        damage.append((text.count("\ufffd"), -_plausibility(text),
                       name, len(text)))
    bad, _, name, length = min(damage)
    if bad <= max(3, length // 200):
        return name + _REPAIRED
    raise DecodeError(path, "not UTF-8, GB18030 or Big5 text; name its encoding with --encoding")


def _decodes(data: bytes, name: str, complete: bool) -> str | None:
    """The text, or None. In a chunk (not `complete`) a character cut off at the end is
    not an error."""
    try:
        return codecs.getincrementaldecoder(name)().decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def stream_lines(item: Input, encoding: str | None = None,
                 chunk_size: int = 1 << 20) -> Iterator[str]:
    """The input's lines, each with its own line ending, decoded incrementally so that
    memory does not grow with the file. The encoding is detected from the first chunk."""
    name = "<stdin>" if item.is_stdin else item.path
    try:
        fh = sys.stdin.buffer if item.is_stdin else open(item.path, "rb")
    except OSError as exc:
        raise ReadError(name, exc.strerror or str(exc)) from None
    try:
        head = fh.read(chunk_size)
        cut = head.rfind(b"\n") + 1 if len(head) == chunk_size else len(head)
        codec = encoding or detect_encoding(head[:cut] or head, name,
                                            complete=len(head) < chunk_size)
        errors = "strict"
        if codec.endswith(_REPAIRED):
            codec, errors = codec[: -len(_REPAIRED)], "replace"
        try:
            decoder = codecs.getincrementaldecoder(codec)(errors=errors)
        except LookupError:
            raise DecodeError(name, f"unknown encoding {codec!r}") from None
        pending = ""
        first = True
        chunk = head
        offset = 0
        while True:
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise DecodeError(name, f"not valid {codec} (at byte {offset + exc.start}); "
                                        "name its encoding with --encoding") from None
            if first:
                text, first = _strip_bom(text), False
            pending += text
            lines = pending.splitlines(keepends=True)
            # The last piece may be a line still being read (or a "\r" before its "\n").
            pending = lines.pop() if lines and not chunk == b"" else ""
            yield from lines
            if not chunk:
                if pending:
                    yield pending
                return
            offset += len(chunk)
            chunk = fh.read(chunk_size)
    finally:
        if not item.is_stdin:
            fh.close()


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes at every other position."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausibility(text: str) -> float:
    """How much a decoded text looks like real Chinese: frequent punctuation and
    ideographs count for it, private-use and compatibility characters (the mark of a
    wrong codec) against it."""
    score = 0.0
    for ch in text:
        o = ord(ch)
        if ch in _CJK_PUNCT:
            score += 5
        elif 0x4E00 <= o <= 0x9FFF:
            score += 1
        elif 0xE000 <= o <= 0xF8FF or 0xF900 <= o <= 0xFAFF or 0x3400 <= o <= 0x4DBF:
            score -= 10
    return score / max(1, len(text))


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace dominate binary data decoded as text."""
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > 0.1 * len(sample)


def to_documents(item: Input, data: bytes, encoding: str | None = None,
                 input_format: str | None = None) -> Iterator[Article | Failure]:
    """The documents of one input: one for a text or HTML file, one per line of JSONL."""
    name = "<stdin>" if item.is_stdin else item.path
    text, warnings = decode_bytes(data, name, encoding)
    if input_format == "jsonl" or (input_format is None and item.is_jsonl):
        yield from _jsonl_documents(text, name)
        return
    if _looks_binary(text):
        raise InputFormatError(name, "binary data, not text")
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) removed")
        text = text.replace("\x00", "")
    doc = Article(path=name, raw=text, warnings=warnings)
    if input_format == "html":
        doc.is_html = True
    elif input_format == "text":
        doc.is_html = False
    else:
        doc.is_html = None              # decided by the cleaner from the content
    yield doc


def _jsonl_documents(text: str, name: str) -> Iterator[Article | Failure]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, InputFormatError(where, f"not JSON ({exc.msg})"))
            continue
        if not isinstance(record, dict):
            yield Failure(where, InputFormatError(where, "not a JSON object"))
            continue
        body = record.get("text")
        html = record.get("html")
        extra = {k: v for k, v in record.items() if k not in ("text", "html")}
        if not isinstance(body, str) and not isinstance(html, str):
            yield Failure(where, InputFormatError(where, 'no "text" or "html" string'), extra)
            continue
        doc = Article(path=where, raw=body if isinstance(body, str) else html, extra=extra)
        doc.is_html = not isinstance(body, str)
        yield doc


def relative_name(item: Input) -> Path:
    """The input's path relative to the folder it was found in (for mirrored output)."""
    if item.root:
        return Path(os.path.relpath(item.path, item.root))
    return Path(Path(item.path).name if not item.is_stdin else "stdin")
