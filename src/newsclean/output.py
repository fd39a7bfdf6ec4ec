"""Where rendered documents go: stdout, one file, or a folder mirroring the inputs.

Files are written atomically (a temporary file in the target folder, then os.replace),
so an interrupted run leaves every finished output complete and nothing half-written.
"""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO

from .render import EXTENSIONS


class _Joiner:
    """Joins rendered documents the way each format wants: JSON becomes one object,
    or an array when there are several; text documents are separated by a blank line."""

    def __init__(self, fh: BinaryIO, fmt: str, flush: bool):
        self.fh, self.fmt, self.flush = fh, fmt, flush
        self.count = 0
        self._first: str | None = None

    def _put(self, s: str) -> None:
        self.fh.write(s.encode("utf-8"))
        if self.flush:
            self.fh.flush()

    def write_raw(self, s: str) -> None:
        """Streamed output (converted text) goes out as it comes, unjoined."""
        self.count = max(self.count, 1)
        self._put(s)

    def add(self, rendered: str) -> None:
        self.count += 1
        if self.fmt == "json":
            if self.count == 1:
                self._first = rendered          # one object, unless a second one comes
                return
            # Each separator goes out with the document after it: whenever a run stops,
            # what was written is a valid array once finish() closes it.
            if self.count == 2:
                self._put("[\n" + _indent(self._first or ""))
            self._put(",\n" + _indent(rendered))
            return
        if self.count > 1 and self.fmt in ("text", "markdown"):
            self._put("\n")
        self._put(rendered)

    def finish(self) -> None:
        if self.fmt == "json":
            if self.count == 1:
                self._put((self._first or "") + "\n")
            elif self.count > 1:
                self._put("\n]\n")
            else:
                self._put("[]\n")
        self.fh.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


class StdoutWriter:
    records_failures = True

    def __init__(self, fmt: str):
        # Data goes to stdout as UTF-8 whatever the locale; jsonl is flushed document by
        # document so a pipeline sees each one as it is done.
        self.joiner = _Joiner(sys.stdout.buffer, fmt, flush=fmt == "jsonl")

    def start_input(self, rel: Path | None) -> None: ...
    def add(self, rendered: str) -> None: self.joiner.add(rendered)
    def write_raw(self, s: str) -> None: self.joiner.write_raw(s)
    def end_input(self, ok: bool = True) -> None: ...
    def close(self, complete: bool = True) -> None: self.joiner.finish()


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


# Temporary files not yet committed. A Ctrl-C can land between the creation of a
# temporary file and the moment its writer holds it; the file is known from here.
_PENDING: set[Path] = set()


@contextlib.contextmanager
def _sigint_deferred():
    """Ctrl-C waits until the block is done. Python runs signal handlers in the main
    thread whichever thread the signal reached (worker pools add threads), so the
    handler is swapped rather than the signal masked."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(frame))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            if callable(previous):
                previous(signal.SIGINT, received[0])
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt


def discard_pending() -> None:
    """Remove every temporary file not committed (an interrupted or failed run)."""
    for tmp in list(_PENDING):
        tmp.unlink(missing_ok=True)
        _PENDING.discard(tmp)


def _check_folder(folder: Path, writable: bool = False) -> None:
    """Raise NotADirectoryError naming the file that stands where `folder` or one of
    its parents should be: mkdir itself says only "File exists" or "Not a directory".
    With `writable`, the OSError of a file made and removed in the nearest folder that
    exists, where the output's folders would be made (nothing is left behind)."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"{part} is not a folder")
            if writable:
                fd, probe = tempfile.mkstemp(prefix=".newsclean-", suffix=".tmp", dir=part)
                os.close(fd)
                os.unlink(probe)
            return


class AtomicFile:
    """A file that appears under its name only when closed complete. A symbolic link
    is written through: its target is replaced, and the link stays."""

    def __init__(self, target: Path):
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        self.target = target
        _check_folder(target.parent)
        target.parent.mkdir(parents=True, exist_ok=True)
        with _sigint_deferred():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                       dir=target.parent)
            self.tmp = Path(tmp)
            _PENDING.add(self.tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)       # mkstemp makes 0600; outputs get the usual mode
        self.fh = os.fdopen(fd, "wb")

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.target)
        _PENDING.discard(self.tmp)

    def discard(self) -> None:
        self.fh.close()
        self.tmp.unlink(missing_ok=True)
        _PENDING.discard(self.tmp)


class FileWriter:
    """All documents into one file, which appears complete or not at all."""

    records_failures = True

    def __init__(self, target: Path, fmt: str):
        self.file = AtomicFile(target)
        self.joiner = _Joiner(self.file.fh, fmt, flush=False)

    def start_input(self, rel: Path | None) -> None: ...
    def add(self, rendered: str) -> None: self.joiner.add(rendered)
    def write_raw(self, s: str) -> None: self.joiner.write_raw(s)
    def end_input(self, ok: bool = True) -> None: ...

    def close(self, complete: bool = True) -> None:
        if complete:
            self.joiner.finish()
            self.file.commit()
        else:
            self.file.discard()
            discard_pending()


class FolderWriter:
    """One output file per input, mirroring the input tree under `root`."""

    records_failures = False        # a failed input is reported on stderr, not as a file

    def __init__(self, root: Path, fmt: str):
        # A file in the way, or a folder that cannot be written in, fails before anything
        # is read.
        _check_folder(root, writable=True)
        self.root, self.fmt = root, fmt
        self.current: AtomicFile | None = None
        self.joiner: _Joiner | None = None
        self.written: list[Path] = []

    def target_for(self, rel: Path) -> Path:
        return self.root / rel.with_suffix(EXTENSIONS[self.fmt])

    def start_input(self, rel: Path | None) -> None:
        self.current = AtomicFile(self.target_for(rel or Path("stdin")))
        self.joiner = _Joiner(self.current.fh, self.fmt, flush=False)

    def add(self, rendered: str) -> None:
        assert self.joiner is not None
        self.joiner.add(rendered)

    def write_raw(self, s: str) -> None:
        assert self.joiner is not None
        self.joiner.write_raw(s)

    def end_input(self, ok: bool = True) -> None:
        if self.current is None or self.joiner is None:
            return
        if ok and self.joiner.count:
            self.joiner.finish()
            self.current.commit()
            self.written.append(self.current.target)
        else:                       # an input that failed leaves no file behind
            self.current.discard()
        self.current = self.joiner = None

    def close(self, complete: bool = True) -> None:
        if self.current is not None:
            self.current.discard()
            self.current = self.joiner = None
        discard_pending()
