"""Every output format in one place: text, markdown, json and jsonl.

Renderers take a finished Article (or a failed input's record) and return a string;
how several documents are joined is the writer's business (output.py).
"""
from __future__ import annotations

import json
from typing import Any, Callable

from .article import GIVEN_KEYS, RECORD_KEYS, Article
from .options import Options

FORMATS = ("text", "markdown", "json", "jsonl")
# Output file extensions, used when -o names a folder that mirrors the inputs.
EXTENSIONS = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}


def record(doc: Article, options: Options) -> dict[str, Any]:
    return doc.to_record(explain=options.explain)


def failure_record(path: str, error_type: str, message: str,
                   extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A failed input has the same keys as any record, empty, plus `error`."""
    extra = extra or {}
    rec = {k: v for k, v in extra.items() if k not in RECORD_KEYS}
    for key in RECORD_KEYS:
        given = extra.get(key) if key in GIVEN_KEYS else None     # the record's own metadata
        rec[key] = given if isinstance(given, str) else \
            [] if key in ("keywords", "summary", "warnings") else None
    rec["path"] = path
    rec["text"] = ""
    rec["error"] = {"type": error_type, "message": message}
    return rec


def meta_line(doc: Article) -> str:
    """`2023-02-14 13:54 · 上海普陀 · 作者`: what a reader wants under the title."""
    parts = []
    if doc.published:
        parts.append(doc.published.replace("T", " "))
    for value in (doc.publisher, doc.author):
        if value:
            parts.append(value)
    return " · ".join(parts)


def render_text(doc: Article, options: Options) -> str:
    if options.command == "convert":
        return doc.text
    lines: list[str] = []
    if doc.title:
        lines.append(doc.title)
    meta = meta_line(doc)
    if meta:
        lines.append(meta)
    if options.explain and doc.lines is not None:
        lines.append("")
        for ln in doc.lines:
            mark = "+" if ln.kept else "-"
            lines.append(f"{mark} {ln.text}" + ("" if ln.kept else f"    [{ln.reason}]"))
        return "\n".join(lines) + "\n"
    if options.command in ("keywords", "summarize") and doc.keywords:
        lines.append("Keywords: " + ", ".join(doc.keywords))
    body = {"summarize": doc.summary, "clean": [doc.text]}.get(options.command, [])
    if lines and body:
        lines.append("")            # a blank line parts the header from the body
    lines.extend(body)
    return "\n".join(lines).rstrip("\n") + "\n"


def _yaml_value(value: Any) -> str:
    # JSON strings and lists are valid YAML flow scalars, and need no escaping rules of our own.
    return json.dumps(value, ensure_ascii=False)


def render_markdown(doc: Article, options: Options) -> str:
    if options.command == "convert":
        return doc.text
    front = ["---"]
    for key in ("title", "published", "publisher", "author", "language", "script", "path"):
        value = getattr(doc, key)
        if value:
            front.append(f"{key}: {_yaml_value(value)}")
    if doc.keywords:
        front.append(f"keywords: {_yaml_value(doc.keywords)}")
    front.append("---")
    body = []
    if doc.title:
        body.append(f"# {doc.title}")
    if options.command == "summarize":
        body.extend(doc.summary)
    elif options.command == "clean":
        body.extend(p for p in doc.text.split("\n") if p.strip())
    elif options.command == "keywords":
        body.extend(f"- {k}" for k in doc.keywords)
        return "\n".join(front) + "\n\n" + "\n\n".join(body[:1] + ["\n".join(body[1:])]) + "\n"
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


# How one record is written in each data format: a compact line, or indented.
_DUMP: dict[str, Callable[[dict[str, Any]], str]] = {
    "jsonl": lambda rec: json.dumps(rec, ensure_ascii=False) + "\n",
    "json": lambda rec: json.dumps(rec, ensure_ascii=False, indent=2),
}


def render_jsonl(doc: Article, options: Options) -> str:
    return _DUMP["jsonl"](record(doc, options))


def render_json(doc: Article, options: Options) -> str:
    return _DUMP["json"](record(doc, options))


RENDERERS: dict[str, Callable[[Article, Options], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "jsonl": render_jsonl,
}


def render_failure(rec: dict[str, Any], fmt: str) -> str | None:
    """Failed inputs appear in the data formats; text and markdown report them on stderr only."""
    dump = _DUMP.get(fmt)
    return dump(rec) if dump else None
