"""What repeats across the documents of one run: site headers, footers, nav.

Only a stable 64-bit key of each normalised short line and the number of
documents holding it are kept, so memory grows with the number of distinct
lines, never with the documents themselves.
"""
from __future__ import annotations

import zlib
from collections import Counter
from typing import Iterable

# Long lines repeated across pages are rare and are the ones a syndicated copy shares.
MAX_LINE = 400


def line_key(text: str) -> int:
    """A stable 64-bit key of a line (the same in every process, unlike hash()).
    Counters differ from page to page ("阅读 (123)"): the line is the same furniture."""
    norm = "".join(text.split()).lower().encode("utf-8").translate(None, b"0123456789")
    return (zlib.crc32(norm) << 32) | zlib.adler32(norm)


class BatchStats:
    """Line hash -> number of documents of the run that hold the line."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.documents = 0

    def add_lines(self, lines: Iterable[str]) -> None:
        seen = set()
        for line in lines:
            line = line.strip()
            if line and len(line) <= MAX_LINE:
                seen.add(line_key(line))
        self.counts.update(seen)
        self.documents += 1

    def repeats(self, text: str) -> int:
        if len(text) > MAX_LINE or self.documents < 2:
            return 0
        return self.counts.get(line_key(text), 0)

    def __len__(self) -> int:
        return len(self.counts)

    def __repr__(self) -> str:
        return f"BatchStats(documents={self.documents}, lines={len(self.counts)})"
