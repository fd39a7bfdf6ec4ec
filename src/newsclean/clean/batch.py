"""What repeats across the documents of one run: site headers, footers, nav.

Only a stable 64-bit key of each normalised short line and the number of
documents holding it are kept, so memory grows with the number of distinct
lines, never with the documents themselves.
"""
from __future__ import annotations

import zlib
from typing import Iterable

# Long lines repeated across pages are rare and are the ones a syndicated copy shares.
MAX_LINE = 400
# A line this long that ends a sentence, shared by two documents, is body text; a
# document sharing at least COPY_LINES such lines, and more than half of its own,
# with what the run has seen is a copy of an article already counted.
BODY_LINE = 30
COPY_LINES = 2
# Paragraphs end a sentence; long furniture (disclaimers, addresses) mostly does not.
_SENTENCE_END = tuple("。！？.!?”」』\"'）)")
# Lines above a copied story's first shared paragraph that belong to it (headline,
# dateline).
STORY_HEAD = 2


def line_key(text: str) -> int:
    """A stable 64-bit key of a line (the same in every process, unlike hash()).
    Counters differ from page to page ("阅读 (123)"): the line is the same furniture.
    A sentence's figures are its own: the daily reports of one template (weather,
    markets) differ in them, and each is an article."""
    norm = "".join(text.split()).lower().encode("utf-8")
    if not body_line(text):
        norm = norm.translate(None, b"0123456789")
    return (zlib.crc32(norm) << 32) | zlib.adler32(norm)


def body_line(line: str) -> bool:
    """A line of the length and end of a paragraph, not of furniture."""
    return len(line) >= BODY_LINE and line.endswith(_SENTENCE_END)


# One line of a document as learning needs it: (line_key, is a body-length line).
Keyed = tuple[int, bool]


def keyed_lines(lines: Iterable[str]) -> list[Keyed]:
    """The learnable lines of one document, in page order. This is the costly part of
    learning and depends on the document alone, so it can run anywhere."""
    keyed = []
    for line in lines:
        line = line.strip()
        if line and len(line) <= MAX_LINE:
            keyed.append((line_key(line), body_line(line)))
    return keyed


class BatchStats:
    """Line key -> number of documents of the run that hold the line.

    While learning, the table is capped: when it outgrows MAX_ENTRIES the lines
    seen in the fewest documents are forgotten (a line first met again after that
    counts from zero; furniture is met on every page of a site and survives).
    `finish()` then keeps only lines met in two documents or more, which is all
    `repeats()` needs, so the object handed to workers stays small.
    """

    MAX_ENTRIES = 500_000

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.documents = 0

    def add_lines(self, lines: Iterable[str]) -> None:
        self.add_keyed(keyed_lines(lines))

    def add_keyed(self, keyed: list[Keyed]) -> None:
        """Count one document given as `keyed_lines()` of its lines. Documents must come
        in the run's order: whether one is a copy depends on those counted before it."""
        counts = self.counts
        # A verbatim copy of an article already counted (the same story syndicated to
        # several portals) must not make its headline and paragraphs look like site
        # furniture. The story is where the shared long lines are, with the few lines
        # above them (headline, dateline); only the lines around it, the portal's own
        # furniture, are counted.
        shared = [i for i, (key, body) in enumerate(keyed) if body and key in counts]
        body_lines = sum(1 for _, body in keyed if body)
        if len(shared) >= COPY_LINES and len(shared) * 2 > body_lines:
            start, end = max(0, shared[0] - STORY_HEAD), shared[-1] + 1
            keyed = keyed[:start] + keyed[end:]
        for key in {key for key, _ in keyed}:
            counts[key] = counts.get(key, 0) + 1
        self.documents += 1
        if len(counts) > self.MAX_ENTRIES:
            self._prune()

    def _prune(self) -> None:
        floor = 1
        while len(self.counts) > self.MAX_ENTRIES // 2:
            self.counts = {k: c for k, c in self.counts.items() if c > floor}
            floor += 1

    def finish(self) -> "BatchStats":
        self.counts = {k: c for k, c in self.counts.items() if c > 1}
        return self

    def repeats(self, text: str) -> int:
        if len(text) > MAX_LINE or self.documents < 2:
            return 0
        return self.counts.get(line_key(text), 0)

    def __len__(self) -> int:
        return len(self.counts)

    def __repr__(self) -> str:
        return f"BatchStats(documents={self.documents}, lines={len(self.counts)})"
