"""The clean stage: from a raw page (text dump or HTML) to headline, body and metadata.

trafilatura is imported only on the HTML path, so importing this package stays cheap.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..article import Article, Line
from ..options import Options
from . import meta, mojibake
from .batch import BatchStats, Keyed, body_line, keyed_lines
from .text import clean_lines, normalise, text_lines

__all__ = ["BatchStats", "learn_batch", "learn_keyed", "learnable_lines", "is_html", "clean"]

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head|meta|body|title)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:div|p|span|a|table|td|tr|li|ul|script|style|meta|link|br|img)\b", re.I)


def is_html(text: str) -> bool:
    """True for an HTML document, judged by its content: a page or a fragment opens
    with markup; a text dump may hold a stray <script> line, and stays text."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if _HTML_START.match(head):
        return True
    return head.startswith("<") and len(_TAG.findall(head)) >= 3


def _lines_of(text: str) -> list[str]:
    if is_html(text):
        from .html import html_to_lines
        return html_to_lines(text)
    return text_lines(text)


def learnable_lines(text: str) -> list[Keyed]:
    """What learning keeps of one decoded raw text: its lines as BatchStats counts them.
    Documents are independent here, so a run can compute this in several processes."""
    return keyed_lines(_lines_of(mojibake.repair(text)))


def learn_batch(texts: Iterable[str]) -> BatchStats:
    """One pass over the decoded raw texts of one run: count, per normalised line,
    the documents that hold it."""
    return learn_keyed(learnable_lines(text) for text in texts)


def learn_keyed(documents: Iterable[list[Keyed]]) -> BatchStats:
    """The run's BatchStats from each document's `learnable_lines()`, given in the
    run's order (copy detection depends on the documents counted before)."""
    stats = BatchStats()
    for keyed in documents:
        stats.add_keyed(keyed)
    return stats.finish()


def _keep_as_is(doc: Article) -> Article:
    """The input is declared clean: nothing is dropped (HTML only loses its markup);
    a short first line followed by more text is the headline."""
    html = doc.is_html if doc.is_html is not None else is_html(doc.raw)
    if html:
        from .html import html_to_lines
        raw_lines = html_to_lines(doc.raw)
    else:
        raw_lines = text_lines(doc.raw)
    lines = [normalise(x) for x in raw_lines]
    lines = [x for x in lines if x]
    title = doc.title               # a JSONL record's own title
    if title is not None:
        if lines and lines[0] == title:
            lines = lines[1:]
    elif len(lines) > 1 and len(lines[0]) <= 120 and not lines[0].endswith(("。", ".", "！", "？")):
        title = lines[0]
        lines = lines[1:]
    doc.title = title
    doc.text = "\n".join(lines)
    return doc


def _verdicts_from(result, kept_lines: list[str]) -> list[tuple[bool, str]]:
    """Explain a body taken from trafilatura in terms of the page's lines."""
    kept = set(kept_lines)
    out = result.verdicts()
    for j, s in enumerate(result.shapes):
        n = result.index[j]
        if j == result.title_at:
            continue
        out[n] = (True, "body (trafilatura)") if s.text in kept else \
            (False, out[n][1] if not out[n][0] else "not in trafilatura's text")
    return out


def _published(ours: str | None, markup: str | None) -> str | None:
    """The date the lines give, or the markup's; the markup's when it gives the time
    of that same day and the lines give only the day."""
    if ours and markup and len(ours) == 10 and markup.startswith(ours):
        return markup
    return ours or markup


def clean(doc: Article, options: Options, batch: BatchStats | None = None) -> Article:
    """The stage: headline, clean body and metadata of one document. Lines repeated
    across the run are dropped only with a batch and without options.independent."""
    if not options.clean:
        return _keep_as_is(doc)
    raw = mojibake.repair(doc.raw)
    html = doc.is_html if doc.is_html is not None else is_html(raw)
    use_batch = batch if (batch is not None and not options.independent) else None
    repeats = use_batch.repeats if use_batch is not None else None
    found = {}
    if html:
        from .html import clean_html
        raw_lines, found = clean_html(raw)
    else:
        raw_lines = text_lines(raw)
    # A title the input gives (a JSONL record's own) is the headline to look for.
    result = clean_lines(raw_lines, repeats, doc.title or found.get("title"))
    if repeats is not None and not result.body:
        # Every sentence this page has, the run has too (a one-paragraph story sent to
        # every site of the run): they are its article; the short lines the run repeats
        # are still its furniture.
        result = clean_lines(raw_lines, lambda text: 0 if body_line(text) else repeats(text),
                             doc.title or found.get("title"))
    body = result.body
    verdicts = result.verdicts if options.explain else None
    if html and found.get("text"):
        from .html import prefer_trafilatura
        theirs = prefer_trafilatura(body, found["text"])
        if theirs is not None:
            body = theirs
            verdicts = (lambda: _verdicts_from(result, theirs)) if options.explain else None
    lines = [s.text for s in result.shapes]
    info = meta.extract(lines, result.title_at, result.span)
    doc.title = doc.title or result.title or found.get("title")
    if doc.title and body and body[0] == doc.title and (body is not result.body
                                                        or result.title != doc.title):
        # The markup's headline again at the top of the text (the line cleaner's own
        # body already leaves out what repeats its own headline).
        body = body[1:]
    doc.text = "\n".join(body)
    if not body:
        doc.warnings.append("no article text found")
    doc.published = doc.published or _published(info["published"], found.get("published"))
    doc.publisher = doc.publisher or info["publisher"] or found.get("publisher")
    doc.author = doc.author or info["author"] or found.get("author")
    if options.explain:
        doc.lines = [Line(normalise(t), kept, reason)
                     for t, (kept, reason) in zip(raw_lines, verdicts())]
    return doc
