"""Extractive summary: whole sentences of the text, scored and picked to fit a budget.

A sentence scores by how much of the document's weighted vocabulary it carries (centrality
to a centroid, not to every other sentence, so the time stays linear in the text), by its
position (news puts the point first) and by its overlap with the title. Picking is greedy
with redundancy removal (MMR) and, under a character budget, by score per character among
the sentences that still fit: truncating a sentence would not be extractive.
"""
from __future__ import annotations

import collections
import math
import re

from . import segment
from .article import Article
from .options import Options

_TOKEN = re.compile(f"[{segment.CJK}]|[A-Za-z0-9]+")


def _units(sentence: str, chinese: bool) -> list[str]:
    """What a sentence is compared by: characters for Chinese (robust, no segmenter
    needed), lower-cased words for other text."""
    if chinese:
        return [t.lower() for t in _TOKEN.findall(sentence)]
    return [w.lower() for w in segment.words(sentence, "en")]


def _stop(chinese: bool) -> frozenset[str]:
    from .keywords import _stopwords
    stop = _stopwords()
    if chinese:
        return frozenset(w for w in stop if len(w) == 1)
    return stop


def summarize_text(text: str, language: str | None = None, sentences: int | None = 3,
                   max_chars: int | None = None, title: str | None = None) -> list[str]:
    """Sentences of text, verbatim and in document order, never the same one twice.

    At most `sentences` sentences (None: no limit) and, with max_chars, at most max_chars
    characters in total, but always at least one sentence when the text has any.
    """
    pieces = segment.split_sentences(text)
    if not pieces:
        return []
    chinese = (language.lower().startswith("zh") if language
               else segment.is_chinese(text))
    # Dumps repeat the headline and bylines: keep the first copy of a sentence only.
    seen: set[str] = set()
    candidates: list[tuple[int, str]] = []
    for index, sentence in enumerate(pieces):
        if title is not None and sentence == title.strip():
            continue
        if sentence not in seen:
            seen.add(sentence)
            candidates.append((index, sentence))
    if not candidates:
        candidates = [(0, pieces[0])]
    stop = _stop(chinese)
    units = [[u for u in _units(s, chinese) if u not in stop] for _, s in candidates]
    doc_tf = collections.Counter(u for us in units for u in set(us))
    n = len(candidates)
    title_units = set(_units(title, chinese)) - stop if title else set()

    scores = []
    for rank, ((index, sentence), us) in enumerate(zip(candidates, units)):
        if not us:
            scores.append(0.0)
            continue
        centrality = sum(math.log1p(doc_tf[u] - 1) for u in set(us)) / (len(set(us)) ** 0.5 + 1)
        position = 1.0 / (1.0 + rank) ** 0.5
        title_overlap = len(title_units & set(us)) / len(title_units) if title_units else 0.0
        scores.append(centrality * (1.0 + position) + title_overlap)

    limit = sentences if sentences is not None else n
    chosen = _select(candidates, units, scores, limit, max_chars)
    return [candidates[i][1] for i in sorted(chosen)]


def _select(candidates, units, scores, limit, max_chars) -> list[int]:
    order = sorted(range(len(candidates)), key=lambda i: -scores[i])
    chosen: list[int] = []
    used = 0
    covered: collections.Counter = collections.Counter()
    for _ in range(limit):
        best, best_value = None, 0.0
        for i in order[:200]:
            if i in chosen:
                continue
            length = len(candidates[i][1])
            if max_chars is not None and chosen and used + length > max_chars:
                continue
            us = set(units[i])
            redundancy = sum(1 for u in us if covered[u]) / len(us) if us else 1.0
            value = scores[i] * (1.0 - 0.7 * redundancy)
            if max_chars is not None and not chosen and length > max_chars:
                value *= max_chars / length
            if best is None or value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        used += len(candidates[best][1])
        covered.update(set(units[best]))
    return chosen


def summarize(doc: Article, options: Options) -> Article:
    """Stage: doc.summary from options.sentences / options.max_chars.

    Traditional input is scored on its Simplified copy (doc.analysis_text, same lines) and
    the summary is made of the input's own sentences.
    """
    count = options.sentences if options.sentences is not None or options.max_chars is None \
        else None
    if options.max_chars is None:
        count = options.summary_sentences
    if doc.analysis_text and doc.analysis_text.count("\n") == doc.text.count("\n"):
        simplified = summarize_text(doc.analysis_text, doc.language or "zh", count,
                                    options.max_chars, None)
        doc.summary = _back_to_original(simplified, doc.analysis_text, doc.text)
    else:
        doc.summary = summarize_text(doc.text, doc.language, count, options.max_chars,
                                     doc.title)
    return doc


def _back_to_original(chosen: list[str], simplified: str, original: str) -> list[str]:
    """The input's own sentences at the places of the chosen Simplified ones."""
    wanted = set(chosen)
    simple_pieces = segment.split_sentences(simplified)
    original_pieces = segment.split_sentences(original)
    if len(simple_pieces) == len(original_pieces):
        return [o for s, o in zip(simple_pieces, original_pieces) if s in wanted and
                not wanted.discard(s)]
    from .keywords import original_spelling
    return [original_spelling(s, simplified, original) or s for s in chosen]
