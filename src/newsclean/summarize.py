"""Extractive summary: whole sentences of the text, scored and picked to fit a budget.

By default a sentence scores by how much of the document's recurring vocabulary it carries
(centrality to the whole text, not to every other sentence, so the time stays linear), by
its position (news puts the point first) and by its overlap with the title; picking is
greedy with redundancy removal (MMR) among the sentences that still fit the budget.

A Chinese summary under a character budget is usually headline-sized, one sentence or two,
and a long sentence costs what it does not cover: there the sentences are picked for the
expected overlap of their characters with a summary of that size, per character spent.
Sentences are never cut: truncating one would not be extractive.
"""
from __future__ import annotations

import collections
import math
import re

from . import segment
from .article import Article
from .options import Options

_TOKEN = re.compile(f"[{segment.CJK}]|[A-Za-z0-9]+")
# Function characters rarely make it into a headline.
_LIGHT_CHARS = frozenset("的了是在和与及对也就都而但并被把这那有为以于之其中个等一不我你他她它们说将从到")

MIN_UNITS = 4          # tokens a sentence needs to be worth picking
POOL = 200             # best single sentences considered for a summary
POSITION = 1.0         # weight of the first sentence over a late one, in long texts
SHORT_TEXT = 5         # sentences up to which position does not count
LONG_TEXT = 15         # further sentences over which it comes to count fully
KEY_TERMS = 3          # the text's best keywords, whose characters ...
KEY_TERM_BONUS = 0.1   # ... are this much likelier in a headline
CLAUSE = 0.5           # weight of an enumeration item ending in a semicolon
UNFINISHED = 0.5       # weight of a line of its own without a sentence's end


def _units(sentence: str, chinese: bool) -> list[str]:
    """What a sentence is compared by: characters for Chinese (robust, no segmenter
    needed), lower-cased words for other text."""
    if chinese:
        return [t.lower() for t in _TOKEN.findall(sentence)]
    return [w.lower() for w in segment.words(sentence, "en")]


def _stop(chinese: bool) -> frozenset[str]:
    from .keywords import stopwords
    stop = stopwords()
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
    # A line of its own without a sentence's end is a heading, a caption or a deck, no
    # sentence of the story: a last resort.
    lines = {line.strip() for line in text.splitlines()}
    weight = [UNFINISHED if sentence in lines and not segment.ends_like_sentence(sentence)
              else 1.0 for _, sentence in candidates]
    if chinese and max_chars is not None:
        from .keywords import extract_keywords
        key_terms = extract_keywords(text, KEY_TERMS, "zh", title)
        limit = sentences if sentences is not None else len(candidates)
        chosen = _select_expected(candidates, max_chars, limit, key_terms, weight)
    else:
        stop = _stop(chinese)
        units = [[u for u in _units(s, chinese) if u not in stop] for _, s in candidates]
        title_units = set(_units(title, chinese)) - stop if title else set()
        scores = [score * w for score, w in zip(_centrality(units, title_units, chinese), weight)]
        limit = sentences if sentences is not None else len(candidates)
        chosen = _select(candidates, units, scores, limit, max_chars)
    return [candidates[i][1] for i in sorted(chosen)]


def _centrality(units: list[list[str]], title_units: set[str], chinese: bool) -> list[float]:
    # Characters recur far more than words do: a Chinese sentence's sum grows faster with
    # its length, and needs a stronger length damping and lead to balance it.
    length_power, lead = (0.7, 2.0) if chinese else (0.5, 1.0)
    doc_tf = collections.Counter(u for us in units for u in set(us))
    scores = []
    for rank, us in enumerate(units):
        if not us:
            scores.append(0.0)
            continue
        distinct = set(us)
        centrality = (sum(math.log1p(doc_tf[u] - 1) for u in distinct)
                      / (len(distinct) ** length_power + 1))
        position = lead / (1.0 + rank) ** 0.5
        title_overlap = len(title_units & distinct) / len(title_units) if title_units else 0.0
        scores.append(centrality * (1.0 + position) + title_overlap)
    return scores


def _select_expected(candidates, budget: int, limit: int, key_terms: list[str],
                     weight: list[float]) -> list[int]:
    """Sentences that maximise the expected ROUGE-style F against a short summary of about
    `budget` characters: the summed chance, over the distinct characters chosen, that a
    character is in such a summary, over the chosen length plus the budget. Greedy: add
    the sentence that raises it most while one still fits."""
    chance = _character_chances(candidates)
    # A headline names the text's key terms.
    for c in set("".join(key_terms)):
        if c in chance:
            chance[c] += KEY_TERM_BONUS
    sets = [set(_units(sentence, True)) for _, sentence in candidates]
    lengths = [len(sentence) for _, sentence in candidates]
    alone = [sum(chance[c] for c in units) / (length + budget)
             for units, length in zip(sets, lengths)]
    # Fragments ("1.", "详见：") are no summary when a real sentence exists; and a few
    # hundred candidates are plenty, which keeps long texts linear.
    pool = [i for i in range(len(sets)) if len(sets[i]) >= MIN_UNITS] or list(range(len(sets)))
    pool = sorted(pool, key=lambda i: -alone[i])[:POOL]
    # A piece ending in a semicolon is one item of an enumeration, rarely the point.
    clause = [(CLAUSE if sentence.endswith(("；", ";")) else 1.0) * w
              for (_, sentence), w in zip(candidates, weight)]
    # The lead carries the point of a long article; in a short one every sentence is
    # near the top anyway.
    lead_weight = POSITION * min(1.0, max(0, len(sets) - SHORT_TEXT) / LONG_TEXT)
    chosen: list[int] = []
    covered: set[str] = set()
    covered_chance, used, best_f = 0.0, 0, -1.0
    while len(chosen) < limit:
        best, best_rank, best_value = None, 0.0, best_f
        for i in pool:
            if i in chosen or (chosen and used + lengths[i] > budget):
                continue
            gain = sum(chance[c] for c in sets[i] - covered)
            value = 2.0 * (covered_chance + gain) / (used + lengths[i] + budget)
            if value <= best_f:
                continue        # adding it would lower the expected F
            rank = value * (1.0 + lead_weight / (1.0 + i)) * clause[i]
            if best is None or rank > best_rank:
                best, best_rank, best_value = i, rank, value
        if best is None:
            break
        chosen.append(best)
        covered_chance += sum(chance[c] for c in sets[best] - covered)
        covered |= sets[best]
        used += lengths[best]
        best_f = best_value
    return chosen


def _character_chances(candidates) -> dict[str, float]:
    """The chance that a character of the text is in its headline-like summary. It grows
    with how often and how widely the character recurs and whether the lead has it: a
    logistic fit on the characters of news texts and their headlines."""
    tokens = [_units(sentence, True) for _, sentence in candidates]
    spread = collections.Counter(c for ts in tokens for c in set(ts))
    count = collections.Counter(c for ts in tokens for c in ts)
    first: dict[str, int] = {}
    for index, ts in enumerate(tokens):
        for c in ts:
            first.setdefault(c, index)
    n = len(candidates)
    chance = {}
    for c in count:
        z = (-2.65 + 0.77 * (spread[c] > 1) + 2.5 * min(count[c], 5) / 5
             - 0.91 * (c in _LIGHT_CHARS) - 0.16 * c.isascii()
             + 0.27 * (first[c] == 0) - 0.33 * first[c] / n)
        chance[c] = 1.0 / (1.0 + math.exp(-z))
    return chance


def _select(candidates, units, scores, limit, max_chars) -> list[int]:
    """Greedy MMR: the best-scoring sentence whose words are not already covered, among
    the few hundred best, while sentences still fit the budget. The first pick, too, is
    one that fits when any does."""
    order = sorted(range(len(candidates)), key=lambda i: -scores[i])
    pool = [i for i in order if len(units[i]) >= MIN_UNITS // 2] or order
    lengths = [len(sentence) for _, sentence in candidates]
    if max_chars is not None:
        pool = [i for i in pool if lengths[i] <= max_chars] or pool[:1]
    pool = pool[:POOL]
    sets = {i: set(units[i]) for i in pool}
    chosen: list[int] = []
    used = 0
    covered: set[str] = set()
    for _ in range(limit):
        best, best_value = None, 0.0
        for i in pool:
            if i in chosen or (max_chars is not None and chosen
                               and used + lengths[i] > max_chars):
                continue
            words = sets[i]
            redundancy = len(words & covered) / len(words) if words else 1.0
            value = scores[i] * (1.0 - 0.7 * redundancy)
            if best is None or value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        used += lengths[best]
        covered |= sets[best]
    return chosen


def summarize(doc: Article, options: Options) -> Article:
    """Stage: doc.summary from options.sentences / options.max_chars.

    Traditional input is scored on its Simplified copy (doc.analysis_text, same lines,
    and its title's) and the summary is made of the input's own sentences.
    """
    # --max-chars alone means as many sentences as fit; otherwise the count (3 by default).
    count = None if options.max_chars is not None and options.sentences is None \
        else options.summary_sentences
    if doc.analysis_text and doc.analysis_text.count("\n") == doc.text.count("\n"):
        from .convert import to_simplified
        title = to_simplified(doc.title) if doc.title else None
        simplified = summarize_text(doc.analysis_text, doc.language or "zh", count,
                                    options.max_chars, title)
        doc.summary = _back_to_original(simplified, doc.analysis_text, doc.text)
    else:
        doc.summary = summarize_text(doc.text, doc.language, count, options.max_chars,
                                     doc.title)
    return doc


def _back_to_original(chosen: list[str], simplified: str, original: str) -> list[str]:
    """The input's own sentences at the places of the chosen Simplified ones."""
    simple_pieces = segment.split_sentences(simplified)
    original_pieces = segment.split_sentences(original)
    if len(simple_pieces) != len(original_pieces):
        from .keywords import original_spelling
        return [original_spelling(s, simplified, original) or s for s in chosen]
    result, wanted = [], set(chosen)
    for simple, own in zip(simple_pieces, original_pieces):
        if simple in wanted:
            wanted.discard(simple)      # a repeated sentence is used once
            result.append(own)
    return result
