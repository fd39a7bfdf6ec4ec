"""newsclean: raw article dumps in, clean articles with metadata, keywords and a summary out.

    >>> import newsclean
    >>> article = newsclean.process_text(raw_dump, newsclean.Options(command="summarize"))
    >>> article.title, article.published, article.summary
"""
from __future__ import annotations

from .article import Article
from .errors import NewscleanError
from .options import Options
from .pipeline import process

__version__ = "0.1.0"
__all__ = ["Article", "NewscleanError", "Options", "process", "process_text", "__version__"]


def process_text(text: str, options: Options | None = None, path: str = "<text>") -> Article:
    """Run one decoded document (plain-text dump or HTML) through the pipeline.
    Bytes are for the command line, which detects their encoding: here the text is a str."""
    if not isinstance(text, str):
        raise TypeError(f"process_text() needs the decoded text as a str, not "
                        f"{type(text).__name__}")
    return process(Article(path=path, raw=text), options or Options())
