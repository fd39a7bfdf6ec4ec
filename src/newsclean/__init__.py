"""newsclean: raw article dumps in, clean articles with metadata, keywords and a summary out.

    >>> import newsclean
    >>> article = newsclean.process_text(raw_dump, newsclean.Options(command="summarize"))
    >>> article.title, article.published, article.summary
"""
from __future__ import annotations

from .article import Article
from .errors import InputFormatError, NewscleanError, StageError
from .options import Options
from .pipeline import process

__version__ = "0.1.0"
__all__ = ["Article", "InputFormatError", "NewscleanError", "Options", "StageError", "process",
           "process_text", "__version__"]


def process_text(text: str, options: Options | None = None, path: str = "<text>") -> Article:
    """Run one decoded document (plain-text dump or HTML) through the pipeline.

    Bytes are for the command line, which detects their encoding: here the text is a
    str. It is checked as the command line checks a file: a leading BOM goes, NUL
    characters and lone surrogates are removed with a warning, and a text that is empty,
    only whitespace or binary raises InputFormatError (a NewscleanError), as any problem
    with the input does. Options.input_format text or html says what the text is.
    """
    from .decoding import strip_bom
    from .sources import text_document
    if not isinstance(text, str):
        raise TypeError(f"process_text() needs the decoded text as a str, not "
                        f"{type(text).__name__}")
    options = Options() if options is None else options
    if not isinstance(options, Options):
        raise TypeError(f"process_text() needs newsclean.Options, not {type(options).__name__}")
    if not isinstance(path, str):
        raise TypeError(f"process_text() needs the path as a str, not {type(path).__name__}")
    if options.input_format == "jsonl":
        raise ValueError("process_text() takes one document; JSON Lines are files of many "
                         "(the command line reads them)")
    doc = text_document(path, strip_bom(text), input_format=options.input_format, empty="text")
    return process(doc, options)
