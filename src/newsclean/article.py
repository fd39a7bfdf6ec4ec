"""The Article record that flows through the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The keys of every output record, in output order (README documents them).
RECORD_KEYS = (
    "path", "title", "published", "publisher", "author", "language", "script",
    "text", "keywords", "summary", "warnings",
)
# The metadata a JSONL input record may give itself (a crawler's title and date): the
# document keeps it, and the cleaner finds only what the record does not say.
GIVEN_KEYS = ("title", "published", "publisher", "author")


@dataclass
class Line:
    """One input line as the cleaner judged it (for `clean --explain`)."""
    text: str
    kept: bool
    reason: str


@dataclass
class Article:
    """One document: what was read, and what each stage found.

    `raw` is the decoded input (plain text or HTML); `text` is the clean body,
    paragraphs joined by "\\n". `extra` holds pass-through fields of a JSONL record.
    """
    path: str
    raw: str = ""
    is_html: bool | None = None         # None: decided from the content
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    script: str | None = None
    text: str = ""
    keywords: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    lines: list[Line] | None = None      # filled by the cleaner when explaining
    # Simplified copies of title and text for analysis (snownlp is trained on
    # Simplified); None when the text is already Simplified or not Chinese.
    analysis_text: str | None = None

    def to_record(self, explain: bool = False) -> dict[str, Any]:
        record = {k: v for k, v in self.extra.items() if k not in RECORD_KEYS}
        for key in RECORD_KEYS:
            value = getattr(self, key)
            record[key] = list(value) if isinstance(value, list) else value
        if explain and self.lines is not None:
            record["lines"] = [{"text": ln.text, "kept": ln.kept, "reason": ln.reason}
                               for ln in self.lines]
        return record
