"""HTML pages: turn the markup into a text dump (a line per block, like a browser's
select-all and copy) so the line cleaner judges it, and take the metadata that only
the markup holds (<title>, meta tags) from trafilatura.
"""
from __future__ import annotations

import re
import warnings

_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html "
    "iframe legend li main menu nav noframes ol optgroup option p pre section summary table "
    "tbody td tfoot th thead title tr ul caption".split())
_SKIP = frozenset("script style noscript template head svg object embed select textarea "
                  "button input map".split())


def html_to_lines(html: str) -> list[str]:
    """The text of <body> with a line break around every block element."""
    from lxml import etree, html as lxml_html

    html = html.lstrip("\ufeff")
    # lxml refuses str input that declares an encoding.
    html = re.sub(r"^\s*<\?xml[^>]{0,200}>", "", html)
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return strip_tags(html).replace("\r", "").split("\n")
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag in _SKIP or not tag:
            if el.tail:
                parts.append(el.tail)
            return
        if tag == "br":
            # A line break inside a block, as a browser copies it: no blank line, so
            # text hard-wrapped with <br> stays one run of adjacent lines.
            parts.append("\n")
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    body = root.find("body")
    start = body if body is not None else root
    # Deep pages exceed Python's recursion limit; iterate over top-level children then.
    try:
        walk(start)
    except RecursionError:
        parts = ["\n".join(t for t in start.itertext())]
    text = "".join(parts)
    # libxml2 stops building the tree 256 elements deep: the text of a deeper page is
    # lost, though the markup holds it. Read the markup itself then.
    stripped = strip_tags(html)
    if _visible(text) * 2 < _visible(stripped):
        text = stripped
    return text.replace("\r", "").split("\n")


def _visible(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \t\r\n\u3000\xa0")


# One tag, comment opening or declaration; bounded so that a stray "<" costs nothing.
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?:[\s/][^>]{0,4000})?>|<[!?][^>]{0,4000}>")
# Elements whose content is not text; the void ones of _SKIP (input, embed) have none.
_SKIP_CONTENT = frozenset("script style noscript template head svg object select textarea".split())


def strip_tags(html: str) -> str:
    """The text of markup without building a tree (so at any depth), in one pass:
    a line break around every block element, no script or style, entities decoded."""
    import html as entities

    out: list[str] = []
    pos, n = 0, len(html)
    while pos < n:
        m = _TAG.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos:m.start()])
        pos = m.end()
        if m.group(0) == "<!--":
            end = html.find("-->", pos)
            pos = n if end < 0 else end + 3
            continue
        name = (m.group(2) or "").lower()
        if name in _SKIP_CONTENT and not m.group(1) and not m.group(0).endswith("/>"):
            # Skipped to its end tag; an element never closed runs to the end, as in a browser.
            end = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
            pos = n if end is None else end.end()
        elif name in _BLOCK or name == "br":
            out.append("\n")
    return entities.unescape("".join(out))


def _trafilatura(html: str) -> dict:
    """trafilatura's metadata and main text; {} when it is missing or fails.

    The libraries under it warn about the pages they read (dateutil's
    UnknownTimezoneWarning for "CST"); our stderr carries only our own diagnostics,
    so their warnings are silenced here, for these calls alone."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import trafilatura
        except ImportError:
            return {}
        found: dict = {}
        try:
            md = trafilatura.extract_metadata(html)
            found["text"] = trafilatura.extract(html, include_comments=False) or ""
        except Exception:   # trafilatura raises many kinds on broken markup; all of it is optional
            return found
    if md is not None:
        date = md.date if md.date and re.match(r"\d{4}-\d{2}-\d{2}", md.date) else None
        date = _with_time(html, date) if date else None
        found.update(title=md.title, published=date, author=_author(md.author),
                     publisher=_publisher(md.sitename))
    return found


# Where pages state when they were published, with the time of day.
_PUBLISHED_META = frozenset("article:published_time og:published_time publish-date publishdate "
                            "pubdate datepublished date.published dc.date.issued".split())
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def _with_time(html: str, date: str) -> str:
    """trafilatura's date with the time the page's meta tags or JSON-LD give for it
    ("2024-03-02T10:00"), in the form the text cleaner writes; the date alone when no
    tag gives a time on that day."""
    from lxml import etree, html as lxml_html
    from .meta import find_date
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return date
    values = [m.get("content") or "" for m in root.iter("meta")
              if any((m.get(a) or "").lower() in _PUBLISHED_META for a in ("property", "name", "itemprop"))]
    values += [v for s in root.iter("script") if s.get("type") == "application/ld+json"
               for v in _LD_PUBLISHED.findall(s.text or "")]
    for value in values:
        found = find_date(value)
        if found and found.startswith(date[:10]) and "T" in found:
            return found
    return date


# A copyright notice that trafilatura gives as the site's name (<meta name="Copyright">):
# "Copyright (c) 2011 Joy FM Online News", "© 2011 Radar Online, Llc", "2012 BSkyB; All
# Rights Reserved.", "版权所有 2008 新浪".
_COPYRIGHT_MARK = re.compile(r"\bcopyright\b|©|&copy;|\(c\)|\ball rights reserved\b|版权所有|版權所有", re.I)
_COPYRIGHT_WORDS = re.compile(_COPYRIGHT_MARK.pattern + r"|(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)",
                              re.I)


def _publisher(name: str | None) -> str | None:
    """The site's name, without the notice around it when it is a copyright line; None
    when the notice names nobody."""
    if not name or not _COPYRIGHT_MARK.search(name):
        return name
    bare = _COPYRIGHT_WORDS.sub(" ", name)
    # What follows a comma or semicolon is a company's form or a slogan ("Radar Online, Llc").
    bare = " ".join(re.split(r"[,;，；|]", bare)[0].split()).strip(" .:-–")
    return bare or None


def _author(names: str | None) -> str | None:
    """trafilatura's author without what it took for one from a page's labels and links
    ("Published", "- Hanis", "Http; Www"): a name is two words or more, an acronym (PTI),
    or Han characters."""
    from .shapes import CJK_CHAR
    parts = [p.strip(" -–—|:") for p in (names or "").split(";")]
    kept = [p for p in parts if " " in p or (p.isupper() and len(p) > 1) or CJK_CHAR.search(p)]
    return "; ".join(kept) or None


def clean_html(html: str) -> tuple[list[str], dict]:
    return html_to_lines(html), _trafilatura(html)


# When the line cleaner keeps clearly more than trafilatura, the extra is mostly what
# trafilatura's markup rules know to skip (comment threads, link boxes); measured on
# news pages, trafilatura's text is then the better one.
MORE_THAN_TRAFILATURA = 1.1
MIN_TRAFILATURA_TOKENS = 30


def prefer_trafilatura(body: list[str], extracted: str) -> list[str] | None:
    """trafilatura's paragraphs when they should replace the line cleaner's body."""
    from .shapes import TOKEN
    theirs = len(TOKEN.findall(extracted))
    ours = sum(len(TOKEN.findall(line)) for line in body)
    if theirs >= MIN_TRAFILATURA_TOKENS and ours >= MORE_THAN_TRAFILATURA * theirs:
        return [line for line in (" ".join(x.split()) for x in extracted.splitlines()) if line]
    return None
