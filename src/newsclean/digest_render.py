"""A digest as one document: markdown, self-contained HTML, or JSON.

Every piece of article text is escaped for its format: titles come from scraped pages
and may hold `*`, `<`, `[` or `&` that would otherwise turn into markup.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from typing import Callable

from .digest import Digest, Story, group_stories

TITLE = "News digest"
FORMATS = ("markdown", "html", "json")
# The format -o implies when --format is not given.
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".json": "json"}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def counts_line(digest: Digest) -> str:
    """`12 articles in 9 stories, 3 copies merged, 1 input failed`"""
    return (f"{_count(digest.articles, 'article', 'articles')} in "
            f"{_count(len(digest.stories), 'story', 'stories')}, "
            f"{_count(digest.merged, 'copy', 'copies')} merged, "
            f"{_count(len(digest.failed), 'input', 'inputs')} failed")


def meta_line(story: Story) -> str:
    parts = [p for p in ((story.published or "").replace("T", " "), story.publisher) if p]
    return " · ".join(parts)


def _summary(story: Story) -> str:
    # A sentence that ends in Chinese is followed without a space (whatever starts the
    # next one: 掌声。2月13日); one that ends in Latin text needs one.
    out = ""
    for sentence in story.summary:
        sentence = " ".join(sentence.split())
        if out and not _ends_wide(out):
            out += " "
        out += sentence
    return out


# Closing quotes and brackets after a sentence's end mark: 。” ends in Chinese, ." in Latin.
_CLOSERS = "\"')]}’”»」』）】》〉"


def _ends_wide(text: str) -> bool:
    """Whether the text ends in a full-width character (。, ！, a Han character)."""
    end = text.rstrip(_CLOSERS)[-1:]
    return bool(end) and unicodedata.east_asian_width(end) in "WF"


def _heading(key: str | None, by: str) -> str:
    if key is not None:
        return key
    return "Undated" if by == "date" else "Unknown publisher"


def _copy_note(copy) -> str:
    parts = [p for p in (copy.publisher, (copy.published or "").replace("T", " ")) if p]
    return ", ".join(parts)


# ---------------------------------------------------------------- markdown

# What is markup anywhere in a line. "!" is not: it only makes an image of a "[" after
# it, and every "[" is escaped. Nor is "#", but at a line's start (a heading) and at its
# end after a space (a heading's closing sequence, dropped from the title).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+(?=[.)])|)([-+=>.)#])")
_MD_CLOSING = re.compile(r"(?<= )#+$")


def md_escape(text: str) -> str:
    """One line of literal text for CommonMark/GFM: inline markup and entities escaped,
    nothing at its start read as a list, quote or heading, nor at its end as the close
    of a heading."""
    text = " ".join(text.split())
    text = _MD_CLOSING.sub(r"\\\g<0>", _MD_INLINE.sub(r"\\\1", text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)


def render_markdown(digest: Digest, group_by: str = "none") -> str:
    out = [f"# {TITLE}", "", counts_line(digest) + "."]
    if digest.failed:
        out += ["", "Failed inputs:", ""]
        out += [f"- {md_escape(f.path)}: {md_escape(f.error)}" for f in digest.failed]
    level = "##" if group_by == "none" else "###"
    for key, stories in group_stories(digest.stories, group_by):
        if group_by != "none":
            out += ["", f"## {md_escape(_heading(key, group_by))}"]
        for story in stories:
            out += ["", f"{level} {md_escape(story.title or '(untitled)')}"]
            meta = meta_line(story)
            if meta:
                out += ["", f"*{md_escape(meta)}*"]
            if story.keywords:
                out += ["", "**Keywords:** " + md_escape(", ".join(story.keywords))]
            summary = _summary(story)
            if summary:
                out += ["", md_escape(summary)]
            out += ["", "Copies:" if len(story.copies) > 1 else "Source:", ""]
            for copy in story.copies:
                note = _copy_note(copy)
                out.append(f"- {md_escape(copy.path)}" + (f" ({md_escape(note)})" if note else ""))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- html

_CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC",
"Microsoft YaHei",sans-serif;line-height:1.65;color:#1d1d1f;background:#fff;margin:0}
main,header{max-width:40em;margin:0 auto;padding:0 1em}
h1{font-size:1.6em;margin:1em 0 .3em}
h2{font-size:1.25em;margin:1.6em 0 .4em;padding-bottom:.2em;border-bottom:2px solid #ccc}
h3{font-size:1.1em;margin:0 0 .2em;line-height:1.4}
article{border-top:1px solid #e3e3e3;padding:1em 0}
.counts,.meta{color:#555;font-size:.92em}
.keywords{font-size:.9em;color:#245}
.copies{font-size:.85em;color:#555;padding-left:1.2em;margin:.4em 0 0}
.copies li,.failed li{overflow-wrap:anywhere}
.failed{color:#a00;font-size:.9em}
@media print{
body{color:#000;font-size:11pt}
main,header{max-width:none;padding:0}
article{break-inside:avoid}
h2{break-after:avoid}
}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(digest: Digest, group_by: str = "none") -> str:
    langs = Counter(s.language for s in digest.stories if s.language)
    # Ties broken by name: the same digest gives the same page on every run.
    page_lang = min(langs, key=lambda lang: (-langs[lang], lang)) if langs else "en"
    out = ["<!DOCTYPE html>", f'<html lang="{_e(page_lang)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(TITLE)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{_e(TITLE)}</h1>", f'<p class="counts">{_e(counts_line(digest))}</p>']
    if digest.failed:
        out.append('<ul class="failed">')
        out += [f"<li>{_e(f.path)}: {_e(f.error)}</li>" for f in digest.failed]
        out.append("</ul>")
    out += ["</header>", "<main>"]
    level = "h2" if group_by == "none" else "h3"
    for key, stories in group_stories(digest.stories, group_by):
        if group_by != "none":
            out += ["<section>", f"<h2>{_e(_heading(key, group_by))}</h2>"]
        for story in stories:
            lang = f' lang="{_e(story.language)}"' if story.language else ""
            out.append(f"<article{lang}>")
            out.append(f"<{level}>{_e(story.title or '(untitled)')}</{level}>")
            meta = meta_line(story)
            if meta:
                out.append(f'<p class="meta">{_e(meta)}</p>')
            if story.keywords:
                out.append(f'<p class="keywords">{_e(", ".join(story.keywords))}</p>')
            summary = _summary(story)
            if summary:
                out.append(f"<p>{_e(summary)}</p>")
            out.append('<ul class="copies">')
            for copy in story.copies:
                note = _copy_note(copy)
                out.append(f"<li>{_e(copy.path)}" + (f" ({_e(note)})" if note else "") + "</li>")
            out += ["</ul>", "</article>"]
        if group_by != "none":
            out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- json

def render_json(digest: Digest, group_by: str = "none") -> str:
    # Grouping is a matter of layout: the JSON lists the stories in their sorted order.
    return json.dumps(digest.to_record(), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Digest, str], str]] = {
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
}


def render_digest(digest: Digest, fmt: str = "markdown", group_by: str = "none") -> str:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown digest format {fmt!r}; expected one of: " + ", ".join(FORMATS))
    return RENDERERS[fmt](digest, group_by)
