"""What only a terminal gets: the Rich layout of text output and a progress bar.

Used by the CLI alone; the library never imports Rich. On a pipe nothing here is
used: data stays plain, and stderr gets no progress.
"""
from __future__ import annotations

import io
import os
import shutil
import sys
import time
from typing import Callable

from .article import Article
from .options import Options
from .render import meta_line


def _color() -> bool:
    return "NO_COLOR" not in os.environ


def renderer(options: Options) -> Callable[[Article, Options], str] | None:
    """A Rich renderer for text output on a terminal, or None to use the plain one."""
    if options.format != "text" or options.command == "convert" or not sys.stdout.isatty():
        return None
    return render_rich


def render_rich(doc: Article, options: Options) -> str:
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    console = Console(file=buf, force_terminal=True, width=width, no_color=not _color(),
                      highlight=False, emoji=False, markup=False)
    if doc.title:
        console.print(Text(doc.title, style="bold"))
    meta = meta_line(doc)
    if meta:
        console.print(Text(meta, style="dim"))
    if options.explain and doc.lines is not None:
        for ln in doc.lines:
            if ln.kept:
                console.print(Text(ln.text))
            else:
                line = Text(ln.text, style="dim strike")
                line.append(f"  [{ln.reason}]", style="dim italic")
                console.print(line)
        return buf.getvalue()
    if options.command in ("keywords", "summarize") and doc.keywords:
        line = Text("Keywords: ", style="bold cyan")
        line.append(", ".join(doc.keywords), style="cyan")
        console.print(line)
    console.print()
    if options.command == "summarize":
        for sentence in doc.summary:
            console.print(Text(sentence))
    elif options.command == "clean":
        for para in doc.text.split("\n"):
            console.print(Text(para))
    return buf.getvalue()


class Progress:
    """done/total, rate and time left on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool = True):
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.enabled = enabled and total > 1 and sys.stderr.isatty()
        self._shown = False

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        width = 24
        filled = int(width * self.done / max(1, self.total))
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total}  {rate:.1f}/s  {left:.0f}s left ")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self._shown = False
