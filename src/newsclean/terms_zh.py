"""Chinese terms the segmenter cuts apart: names it does not know, and compounds.

snownlp's segmenter knows the words of its training news, not the names of a place or a
programme in today's ("半马苏/河开/新篇" for 半马苏河), and it gives the words of a
compound separately (区域化/党建). keywords.py ranks runs of words; this module finds the
names among runs of characters, the segmenter's words that cut across them (连士 of
串/连士/林 for 士林), and tells which words live only inside a longer term.
"""
from __future__ import annotations

import collections
import re
from typing import Callable

from . import segment

# Characters that glue words together rather than name anything: a word the segmenter
# made with one of them at its edge ("的转", "论是") is a segmentation slip, not a term.
FUNCTION_CHARS = set("的了是在从其之为与和及或被把将对于以而也都就并且但所这那各该此"
                     "后前中上下内外里时年月日万亿元个次位名些每当向给让使得着过很更最又再还只才已"
                     "等说称"    # and who said it: 林颂凯说, 法国星期天报说
                     # Cantonese ones (in Hong Kong news quotes): 佢话, 我哋会, 等咗好耐
                     "佢嘅咗喺哋唔啲嘢冇嚟咁噉嗰乜")

# Characters that make a run a phrase wherever they stand in it: 废旧家电的处理, 健康又吉祥.
_INSIDE_PHRASES = frozenset("的又也都很还再才")
_HAN_RUN = re.compile(f"[{segment.CJK}]{{2,}}")
_HAN_CHAR = re.compile(f"[{segment.CJK}]")
REPEAT_MIN = 2      # a name the segmenter does not know must recur this often ...
REPEAT_LENGTHS = range(2, 9)    # ... and be this long, in characters
NAME_SCAN = 20_000  # characters searched for names: the head of a long text has them
TERM_CHARS = 10     # the longest candidate term, in characters


def repeated_names(text: str, words: list[str], known: dict, counts: collections.Counter,
                   count_words: Callable[[str, list[str]], collections.Counter],
                   ) -> dict[str, int]:
    """Runs of Han characters that recur as a whole more often than the segmenter's
    words make them: names it does not know and cuts apart ("半马苏/河开/新篇" for
    半马苏河), with their counts. `counts` are the word runs counted in text;
    count_words(text, words) counts them in a piece of it.

    A long text is searched in its head only, so that time and memory stay bounded on
    a huge input; the names found are counted in all of it."""
    if len(text) <= NAME_SCAN:
        return _names(text, words, known, counts)
    head = text[:NAME_SCAN]
    head_words = _words_within(head, words)
    found = _names(head, head_words, known, count_words(head, head_words))
    return {name: text.count(name) for name in found}


def _names(text: str, words: list[str], known: dict,
           counts: collections.Counter) -> dict[str, int]:
    """A run counts when it recurs, is no word of the background vocabulary, is cut by
    the segmenter at some of its places, holds no 的 or 又 (a phrase: 废旧家电的处理), its ends
    are not function characters, and at most of its occurrences each end falls between
    two words or inside a word that is no word (a slip of the segmenter), never inside
    a real one (党建合|作), and it is met after and before more than one character.
    Runs grow a character at a time from the places where the shorter run recurs, so
    text that does not repeat costs one pass."""
    level: dict[str, list[int]] = collections.defaultdict(list)
    for match in _HAN_RUN.finditer(text):
        start, run = match.start(), match.group()
        for i in range(len(run) - 1):
            level[run[i:i + 2]].append(start + i)
    blocked: set[int] | None = None
    names: dict[str, int] = {}
    for n in REPEAT_LENGTHS:
        level = {g: at for g, at in level.items() if len(at) >= REPEAT_MIN}
        for gram, at in level.items():
            # Kept whole by the segmenter at all its places, a run is a candidate
            # already, counted right; cut at some, it is counted at every place.
            if (gram[0] in FUNCTION_CHARS or gram[-1] in FUNCTION_CHARS
                    or not _INSIDE_PHRASES.isdisjoint(gram)
                    or gram in known or len(at) <= counts.get(gram, 0)):
                continue
            if blocked is None:
                blocked = _inside_known_words(text, words, known)
            if _stands_free(text, at, n, blocked):
                names[gram] = len(at)
        if n == REPEAT_LENGTHS[-1]:
            break
        longer: dict[str, list[int]] = collections.defaultdict(list)
        for gram, at in level.items():
            for start in at:
                end = start + n
                if end < len(text) and _HAN_CHAR.match(text, end):
                    longer[gram + text[end]].append(start)
        level = longer
    return names


def _words_within(text: str, words: list[str]) -> list[str]:
    """The words (of a longer text that starts with text) that lie wholly in text."""
    return [word for word, _ in _placed(text, words)]


def _placed(text: str, words: list[str]):
    """(word, offset) for each of the words in order, as far as text holds them."""
    pos = 0
    for word in words:
        at = text.find(word, pos)
        if at < 0:          # past the end of text: the words come in order
            return
        pos = at + len(word)
        yield word, at


def _stands_free(text: str, at: list[int], n: int, blocked: set[int]) -> bool:
    """Most occurrences are cut free of real words, and the run is met after and
    before more than one character: always after the same one, or before it, it is
    a piece of a longer run. A break (no Han character) is a context of its own."""
    free = sum(start not in blocked and start + n not in blocked for start in at)
    before = {text[s - 1] if s and _HAN_CHAR.match(text, s - 1) else s for s in at}
    after = {text[s + n] if s + n < len(text) and _HAN_CHAR.match(text, s + n) else s
             for s in at}
    return 2 * free > len(at) and len(before) > 1 and len(after) > 1


def _inside_known_words(text: str, words: list[str], known: dict) -> set[int]:
    """Offsets of text that fall inside a word of the background vocabulary or a number
    written out (words are those of text or of a longer text that starts with it)."""
    inside: set[int] = set()
    for word, at in _placed(text, words):
        if len(word) > 1 and (word in known or _NUMBER_WORD.match(word)):
            inside.update(range(at + 1, at + len(word)))
    return inside


# A number written out is a word too, though no vocabulary lists it: 百分之五点三 (5.3%).
NUMBER_WRITTEN = (r"(?:百分之|千分之)?[零〇一二三四五六七八九十百千万亿两0-9]+"
                  r"(?:点[零〇一二三四五六七八九0-9]+)?")
_NUMBER_WORD = re.compile(NUMBER_WRITTEN + "$")


def slips(text: str, names: dict[str, int], terms: collections.Counter) -> set[str]:
    """Terms that cross the edge of a name wherever they occur: the segmenter's cut
    through it ("半马苏/河开/新篇" gives 河开新篇 across 半马苏河, "串/连士/林" gives 连士
    across 士林). `terms` are the candidate terms with their counts; names themselves
    are never slips. The time grows with the places of the names, not the terms; a long
    text is judged by its head, where its names were found."""
    text = text[:NAME_SCAN]
    crossing: set[tuple[str, int]] = set()      # (term, where it starts)
    for name in names:
        size = len(name)
        for match in re.finditer(re.escape(name), text):
            at = match.start()
            for k in range(1, size):
                # ending k characters into the name, or starting k before its end
                for length in range(k + 1, TERM_CHARS + 1):
                    for start in (at + k - length, at + size - k):
                        if start < 0:
                            continue
                        term = text[start:start + length]
                        if (len(term) == length and term in terms and term not in names
                                and name not in term):
                            crossing.add((term, start))
    times = collections.Counter(term for term, _ in crossing)
    return {term for term, n in times.items() if n >= text.count(term)}


def orphaning_words(text: str, words: list[str], known: dict) -> set[str]:
    """Words the segmenter made across the edge of a known word wherever it put them,
    leaving a lone character of that word beside them, where the known word is met in
    the text more often than they are: 频门 of 视/频门 (视频门, and 视频 elsewhere). A word
    beside a whole word is none (仿真 of 仿真/实验, though 真实 is a word), nor one that is
    always met with the character (香型 of 浓/香型: 浓香型)."""
    clean: set[str] = set()
    crossed: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        if len(word) < 2 or word in clean:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        edges = {w for w in ((before + word[0]) if len(before) == 1 else "",
                             (word[-1] + after) if len(after) == 1 else "") if w in known}
        if edges:
            crossed.setdefault(word, set()).update(edges)
        else:
            clean.add(word)
            crossed.pop(word, None)
    return {word for word, edges in crossed.items()
            if any(text.count(edge) > text.count(word) for edge in edges)}


# A word met this often inside one longer run of words, relative to all its uses, has
# no life of its own there: 区域化 (16 times, 14 of them in 区域化党建).
WHOLE_SHARE = 0.8


def pieces_to_wholes(scored: list[tuple[float, str]], names: dict[str, int],
                     counts: collections.Counter, parts: dict[str, list[str]]):
    """A piece met (almost) only inside a longer term is part of it: the piece of a
    recurring name ("半马苏" of 半马苏河), a word of a compound. The whole takes the
    piece's score if higher, and the piece is no keyword. Returns the scores and the
    wholes, which may stand beside a keyword they contain (党建, 区域化党建)."""
    score = {term: value for value, term in scored}
    wholes: set[str] = set()

    def absorb(whole: str, piece: str) -> None:
        if piece in score and piece != whole and whole in score:
            score[whole] = max(score[whole], score.pop(piece))
            wholes.add(whole)

    for name, n in names.items():
        for size in range(2, len(name)):
            for i in range(len(name) - size + 1):
                piece = name[i:i + size]
                if piece not in names and counts[piece] <= n:
                    absorb(name, piece)
    for term, tf in counts.items():
        if len(parts[term]) > 1 and tf >= 2:
            for piece in parts[term]:
                if tf >= WHOLE_SHARE * counts[piece]:
                    absorb(term, piece)
    return [(value, term) for term, value in score.items()], wholes
