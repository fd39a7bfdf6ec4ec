"""The headline of a page dump: which line it is, where the article starts under it."""
from __future__ import annotations

import re

from .shapes import CJK, LineShape


def is_sentence(s: LineShape) -> bool:
    """Running text that happens to hold a date (not a dateline)."""
    return s.prose and s.tokens >= 12


def skip_header(shapes, reasons, span):
    """A punctuated headline and its dateline can open the run; the article starts
    after the last metadata line among its first lines, before two paragraphs."""
    start, end = span
    last = None
    paragraphs = 0
    for j in range(start, min(start + 6, end)):
        s = shapes[j]
        if (s.date and not is_sentence(s) or s.meta) and s.tokens < 30:
            last = j
        elif s.prose and s.tokens >= 20:
            # a long paragraph, or two, are the article itself: what follows them is no header
            paragraphs += 1 if s.tokens < 60 else 2
            if paragraphs >= 2:
                break
    if last is None or last + 1 >= end:
        return span
    return last + 1, end


_ABBREVIATION_END = re.compile(
    r"\b(?:[A-Z](?:\.[A-Z])+|Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|Ave|Ont|Que|Calif|Ariz|Fla|Mass"
    r"|Penn|Pa|Va|Ill|Mich|Minn|Tex|Colo|Conn|Ore|Okla|Wis|Tenn|Ky|La|Md|Mo|Nev|Ga|Ala)\.$")
_SEPARATORS = ("|", "｜", "│", "┃", "¦", "»", "›", ">", "/", "•")


def headline_shaped(s: LineShape, reason: str | None) -> bool:
    """Whether a line looks like a headline; a line dropped for a reason other than
    being repeated across the run never is one."""
    if reason is not None and not reason.startswith("repeated in "):
        return False
    if s.meta or s.linky or s.date:
        return False
    # A menu's item keeps its separator ("Home |", "» Health").
    if s.text.endswith(_SEPARATORS) or s.text.startswith(_SEPARATORS):
        return False
    if s.latin:
        if not 3 <= s.words <= 35:
            return False
    elif not 4 <= s.tokens <= 70:
        return False
    # A headline is one statement, not a paragraph; and Chinese headlines do not end
    # in a full stop, nor run clauses into an exclamation (such a line is the first
    # sentence of a body).
    if s.text.endswith("。") or s.text.endswith(("！", "？")) and "，" in s.text:
        return False
    # Nor do English ones end a long line with a full stop (an abbreviation's is no end:
    # "... than rest of Ont.").
    return not (s.text.endswith(".") and not _ABBREVIATION_END.search(s.text)
                and (s.clauses >= 3 or s.words >= 8))


def heads_text(shapes, kept: list[int]) -> bool:
    """Whether the first of the kept lines is the headline of the others."""
    return len(kept) > 1 and headline_shaped(shapes[kept[0]], None)


def key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def same_title(text: str, title: str, title_key: str) -> bool:
    return abs(len(text) - len(title)) <= 8 and key(text) == title_key


HEADLINE_WORDS = 16     # English headlines seldom run longer
# A headline names what its article is about: the share of its words (of its character
# pairs, in Chinese) met again in the article's first lines counts for it, so the
# headline wins over the furniture, the related headlines and the names around it.
SHARED_WEIGHT = 3.0
SHARED_WEIGHT_CJK = 1.0     # Chinese headlines abbreviate (陇药 for 甘肃药品): less
SHARED_MIN = 2              # one word in common is chance
SHARED_FLOOR = 3            # a share of fewer words than this counts as of this many
ARTICLE_HEAD = 20           # the article's first lines, which its headline sums up
ABOVE_ITS_STANDFIRST = 0.5  # for an English line right above another such line
_LATIN_WORD = re.compile(rf"[^\W\d_{CJK}]{{3,}}")
_CJK_RUN = re.compile(f"[{CJK}]{{2,}}")


def vocabulary(text: str) -> set[str]:
    """What a line says, for telling whether two lines speak of the same: its
    lower-cased words that are no stopwords, and the pairs of its Chinese characters."""
    from ..keywords import stopwords
    stop = stopwords()
    found = {w for w in (m.lower() for m in _LATIN_WORD.findall(text)) if w not in stop}
    for run in _CJK_RUN.findall(text):
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found


def pick_title(shapes, reasons, span, hint: str, from_markup: bool = False):
    """The headline: a headline-shaped line above the article, preferably close to it,
    followed by its dateline, found in the page's <title>, and speaking of what the
    article's first lines speak of. A line repeated across the run is a candidate
    only if it does: the pages that link to a story repeat its headline, and their
    sections' names and tools speak of nothing in particular."""
    start = span[0]
    lo = max(0, start - 30)
    article: set[str] = set()
    for j in range(start, min(span[1], start + ARTICLE_HEAD)):
        if shapes[j].prose and reasons[j] is None:
            article |= vocabulary(shapes[j].text)
    best, best_at = 0.0, None
    english_shared = 0      # words an English candidate shares with the article
    for i in range(start - 1, lo - 1, -1):
        # the line under this one was the last line looked at
        shared_under, english_shared = english_shared, 0
        s = shapes[i]
        if not headline_shaped(s, reasons[i]):
            continue
        said = vocabulary(s.text)
        shared = len(said & article)
        if reasons[i] is not None and shared < SHARED_MIN:
            continue
        latin = s.latin
        if latin:
            english_shared = shared
        score = 1.0 - 0.04 * (start - 1 - i)
        near = shapes[i + 1:min(i + 4, start + 1)]
        if any(n.date or n.meta for n in near):
            score += 1.5
        k = key(s.text)
        # The <title> (or a dump's first line, which often repeats it) holds the
        # headline, mostly with the site's name around it. The first line is no
        # evidence for itself, unless it sits right on the article with no dateline
        # between (under it only standfirsts): a saved article, or a clean text.
        on_article = i == 0 and start <= 4 and not any(n.date or n.meta for n in shapes[1:start])
        if k and hint and (i > 0 or from_markup or on_article) \
                and (k in hint or from_markup and len(hint) >= 8 and hint in k):
            score += 2.0
        if s.ends and s.text.endswith(("。", ".")):
            score -= 1.0
        # Names of sites, sections and outlets are shorter than headlines; a standfirst
        # or a caption under the headline is longer.
        if (s.words <= 3) if latin else (s.tokens < 8):
            score -= 1.5
        elif latin and s.words > HEADLINE_WORDS:
            score -= 0.5
        if shared >= SHARED_MIN:
            weight = SHARED_WEIGHT if latin else SHARED_WEIGHT_CJK
            score += weight * shared / max(len(said), SHARED_FLOOR)
        # An English headline has its standfirst or its photo's caption right under it,
        # speaking of the article too: of two such lines, the upper one is the headline.
        if latin and shared >= SHARED_MIN and shared_under >= SHARED_MIN:
            score += ABOVE_ITS_STANDFIRST
        if score > best:
            best, best_at = score, i
    return best_at
