"""The ordered stages, and process(): one document through the stages of a command.

Each stage is a plain function `stage(doc, options) -> doc`; the cleaner also takes
what the run learned about lines repeated across its documents (`batch`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .article import Article
from .errors import NewscleanError, StageError
from .options import Options

Stage = Callable[[Article, Options], Article]


def verbatim(doc: Article, options: Options) -> Article:
    """The convert command converts the whole input: no cleaning, no metadata."""
    doc.text = doc.raw
    return doc


def _clean(doc: Article, options: Options, batch=None) -> Article:
    from .clean import clean
    return clean(doc, options, batch)


def _detect(doc: Article, options: Options) -> Article:
    from .convert import detect
    return detect(doc, options)


def _keywords(doc: Article, options: Options) -> Article:
    from .keywords import keywords
    return keywords(doc, options)


def _summarize(doc: Article, options: Options) -> Article:
    from .summarize import summarize
    return summarize(doc, options)


def _convert(doc: Article, options: Options) -> Article:
    from .convert import convert_output
    return convert_output(doc, options)


# Stage modules are imported when a stage first runs, so `newsclean --help` stays instant.
STAGES: dict[str, Callable[..., Article]] = {
    "verbatim": verbatim,
    "clean": _clean,
    "detect": _detect,
    "keywords": _keywords,
    "summarize": _summarize,
    "convert": _convert,
}

# The stages each command runs, in order. Analysis runs before the output conversion,
# on the input's own text (Simplified copies are made by `detect` where needed).
STAGES_FOR: dict[str, tuple[str, ...]] = {
    "clean": ("clean", "detect", "convert"),
    "convert": ("verbatim", "detect", "convert"),
    "keywords": ("clean", "detect", "keywords", "convert"),
    "summarize": ("clean", "detect", "keywords", "summarize", "convert"),
}


def process(doc: Article, options: Options, batch=None) -> Article:
    """`doc` through the stages of `options.command`: a new Article, `doc` left as it
    was. An unexpected exception in a stage becomes a StageError naming the stage and
    the input; `batch` is what a run learned of the lines its documents repeat."""
    if not isinstance(doc, Article):
        raise TypeError(f"process() needs a newsclean.Article, not {type(doc).__name__}")
    if not isinstance(options, Options):
        raise TypeError(f"process() needs newsclean.Options, not {type(options).__name__}")
    if not isinstance(doc.raw, str) or not isinstance(doc.path, str):
        raise TypeError("process() needs an Article whose path and raw text are str")
    doc = replace(doc, keywords=list(doc.keywords), summary=list(doc.summary),
                  warnings=list(doc.warnings), extra=dict(doc.extra))
    for name in STAGES_FOR[options.command]:
        stage = STAGES[name]
        try:
            doc = stage(doc, options, batch) if name == "clean" else stage(doc, options)
        except NewscleanError:
            raise
        except Exception as exc:  # a bug or a pathological input: report it, keep the batch going
            raise StageError(doc.path, f"{name} failed: {type(exc).__name__}: {exc}") from exc
    return doc
