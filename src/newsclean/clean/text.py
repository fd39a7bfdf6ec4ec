"""The line cleaner for plain-text dumps of whole pages.

A dump is the page's text with a line per block: navigation, the headline, a
byline, the article, captions, related links, footer. The article is the
stretch of lines where running text (long, punctuated lines) outweighs page
furniture (short unpunctuated lines, link lists); we find that stretch as the
maximum-sum run of per-line weights (linear time), then drop furniture inside
it and look just above it for the headline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headline import heads_text, headline_shaped, is_sentence, key, pick_title, same_title, skip_header
from .shapes import (BRACKETED_LINK, CAPTION_WORDS, CJK_CHAR, COMMENTS_START, END, LABELLED_LINK,
                     LIST_HEADING, TIMESTAMP, YOU_ARE_HERE, LineShape, furniture_share,
                     lower_share)


# Formatting tags left in a text dump (a page's source pasted in part, a feed's field):
# "met on <b>Monday</b>.<br>" is the sentence "met on Monday.". Only the names of inline
# and paragraph tags, so that "a < b" or "<<三体>>" stay as they are.
_ATTRIBUTE = r"""\s+[\w:-]{1,40}\s*=\s*(?:"[^"<>]{0,300}"|'[^'<>]{0,300}'|[^\s"'<>]{1,300})"""
INLINE_TAG = re.compile(r"</?(a|abbr|b|big|br|cite|code|del|div|em|font|i|ins|li|mark|p|s|"
                        rf"small|span|strike|strong|sub|sup|u|wbr)(?:{_ATTRIBUTE})*\s*/?>", re.I)
# A line break or a block's edge parts words; a formatting tag sits inside a word.
_PARTING_TAGS = frozenset(("br", "p", "div", "li"))
_LINE_BREAK_TAG = re.compile(rf"<(?:br|/?p|/?div|/?li)(?:{_ATTRIBUTE})*\s*/?>", re.I)


def text_lines(raw: str) -> list[str]:
    """The lines of a text dump. A paragraph's tag left in it ends a line, and so does a
    <br> after a sentence's end; a <br> inside a sentence is a wrap of it: gone between
    Chinese characters, a space between words."""
    if "<" in raw:
        raw = _LINE_BREAK_TAG.sub(lambda m: _line_break(raw, m), raw)
    return raw.splitlines()


def _line_break(raw: str, tag: re.Match) -> str:
    if tag.group(0)[1:3].lower() != "br":
        return "\n"
    before = raw[max(0, tag.start() - 4):tag.start()].rstrip()
    after = raw[tag.end():tag.end() + 1]
    if not before or END.search(before):
        return "\n"
    return "" if CJK_CHAR.match(before[-1:]) and CJK_CHAR.match(after) else " "


def normalise(text: str) -> str:
    # str.split() knows every Unicode space (nbsp, ideographic) but not these two.
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    if "<" in text:
        text = INLINE_TAG.sub(lambda m: " " if m.group(1).lower() in _PARTING_TAGS else "", text)
    return " ".join(text.split())


@dataclass
class Cleaned:
    title: str | None
    body: list[str]
    n_lines: int                     # input lines, blank ones included
    shapes: list[LineShape]          # one per non-blank line
    index: list[int]                 # input line number of each shape
    title_at: int | None = None      # position in shapes
    span: tuple[int, int] = (0, 0)   # [start, end) in shapes
    body_at: list[int] = field(default_factory=list)
    keep_reason: dict[int, str] = field(default_factory=dict)
    drop_reason: list[str | None] = field(default_factory=list)

    def verdicts(self) -> list[tuple[bool, str]]:
        """(kept, reason) for every input line; built only when asked (explain)."""
        out = [(False, "blank")] * self.n_lines
        title_key = key(self.title) if self.title else None
        for j, s in enumerate(self.shapes):
            n = self.index[j]
            if j in self.keep_reason:
                out[n] = (True, self.keep_reason[j])
            elif self.drop_reason[j] is not None:
                out[n] = (False, self.drop_reason[j])
            elif title_key and same_title(s.text, self.title, title_key):
                out[n] = (False, "title again")
            elif s.date or s.meta:
                out[n] = (False, "dateline" if s.date else "byline or source")
            elif j < self.span[0]:
                out[n] = (False, "before the article")
            else:
                out[n] = (False, "after the article")
        return out


def _long_running(s: LineShape) -> bool:
    return s.tokens >= 8 and len(s.text) >= 40 and lower_share(s.text) >= 0.6


def _may_wrap(s: LineShape) -> bool:
    """Whether a line can be part of a wrapped sentence. A line dropped wherever it
    stands (furniture, a link, an image name, a dateline or byline) is not, and must
    not lend running text to its neighbour: in the clean text it is gone, and the
    neighbour would be judged alone."""
    return not (s.furniture or s.linky or s.image or s.url or s.date or s.meta)


# A line ending in one of these leaves its sentence open.
_OPEN_END = frozenset("a an the of in on at to for from with by and or but as that than into".split())


def _continues(a: LineShape, b: LineShape, a_goes_on: bool = False) -> str | None:
    """Whether line b, right under line a with no blank line between, goes on with the
    sentence that a leaves open: hard-wrapped text (<pre>, <br>) puts one sentence on
    several lines. "running": lower case on the next line says so, or a long lower-case
    line broken at a word before another; "tail": a long line broken after "of", or
    before the sentence's last words ("company."), or a Chinese line after a comma.
    A short line may go on only from the line above it (a_goes_on)."""
    if a.ends or a.tokens < 5 and not a_goes_on or not b.tokens \
            or not (_may_wrap(a) and _may_wrap(b)):
        return None
    if not (a.latin and b.latin):
        # Chinese: only a line cut after a comma is known to go on.
        chinese = not a.latin and not b.latin
        return "tail" if chinese and a.text[-1] in "，、," else None
    tail = b.tokens <= 4 and END.search(b.text) is not None
    if b.text[0].islower():
        return "running" if b.tokens >= 3 else "tail" if tail else None
    if not (_long_running(a) and a.text[-1].isalnum()):
        return None
    if _long_running(b):
        return "running"
    return "tail" if tail or a.text.rsplit(None, 1)[-1].lower() in _OPEN_END else None


def _join_wrapped(shapes: list[LineShape], index: list[int]) -> set[int]:
    """The lines that go on with the sentence of the line above them (see _continues).
    Running lines are running text even though neither ends a sentence; a sentence's
    tail is only joined to it, and weighs as what it looks like."""
    going_on = set()
    for j in range(1, len(shapes)):
        if index[j] != index[j - 1] + 1:
            continue
        how = _continues(shapes[j - 1], shapes[j], j - 1 in going_on)
        if how == "running":
            shapes[j - 1].prose = shapes[j].prose = True
        if how:
            going_on.add(j)
    return going_on


def _paragraphs(shapes: list[LineShape], body_at: list[int], going_on: set[int]) -> list[str]:
    """The kept lines, with a line that goes on with the one kept above it joined to it,
    where the paragraph made reads as running text on its own: cleaning the clean text
    again must find it so."""
    groups: list[list[str]] = []
    for n, j in enumerate(body_at):
        if groups and j in going_on and body_at[n - 1] == j - 1:
            groups[-1].append(shapes[j].text)
        else:
            groups.append([shapes[j].text])
    out = []
    for lines in groups:
        joined = _joined(lines) if len(lines) > 1 else lines[0]
        if len(lines) == 1 or LineShape(joined).prose:
            out.append(joined)
        else:
            out += lines
    return out


def _joined(lines: list[str]) -> str:
    """Lines of one paragraph as one: a space between them, none within Chinese."""
    pieces = [lines[0]]
    for before, line in zip(lines, lines[1:]):
        if not (CJK_CHAR.match(line) and not before[-1].isascii()):
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


REPEATED_PROSE = 4


def _mark_link_boxes(shapes: list[LineShape]) -> None:
    """Under "Related Stories" / "相关新闻" come headlines of other pages, up to the next
    paragraph of running text, a breadcrumb trail, or a headline: a line that its byline
    or dateline follows (a link's own date is on its line)."""
    left = 0
    for i, s in enumerate(shapes):
        if len(s.text) <= 40 and not s.prose and (LIST_HEADING.match(s.text)
                                                  or BRACKETED_LINK.match(s.text)):
            s.linky = s.linky or bool(LABELLED_LINK.match(s.text) or BRACKETED_LINK.match(s.text))
            left = 12
            continue
        if not left:
            continue
        # A breadcrumb trail opens the page's own part, its headline under it.
        if s.prose or s.date or s.meta or YOU_ARE_HERE.match(s.text) or _over_byline(shapes, i):
            left = 0
        elif s.tokens:
            s.linky = True
            left -= 1


def _over_byline(shapes: list[LineShape], i: int) -> bool:
    """Whether a byline or a short dateline comes within the next two lines with words."""
    following = [n for n in shapes[i + 1:i + 6] if n.tokens][:2]
    return any(n.meta or n.date and n.tokens <= 12 and not n.linky for n in following)


def _drop_reason(s: LineShape, repeats: int, prev_image: bool) -> str | None:
    """Why a line is page furniture whatever its position, or None."""
    if s.image:
        return "image file name"
    if s.url:
        return "link address"
    if s.text[0] == "<" and (s.text[-1] == ">" or s.text.startswith("<!--")):
        return "markup"
    if prev_image and not s.prose and s.tokens <= 40:
        return "caption"
    if s.tokens <= 40 and not (s.prose and s.ends) and CAPTION_WORDS.search(s.text):
        return "caption"
    if s.furniture:
        return "page furniture"
    # Two pages may share a story (a syndicated copy): running text repeated in a few
    # pages is kept, furniture-shaped lines repeated in two are not.
    if repeats >= REPEATED_PROSE or (repeats >= 2 and not s.prose):
        return f"repeated in {repeats} documents"
    if s.linky:
        return "link list"
    if s.tokens == 0:
        return "no words"
    return None


def _weight(s: LineShape, dropped: bool) -> int:
    if dropped:
        return -(s.tokens + 5)
    if s.prose:
        return s.tokens
    return -(s.tokens + 2)


def _opens_article(shapes, i: int) -> bool:
    """The first paragraph of a page under a headline's dateline opens an article,
    however short; so does one a few lines under the top of the text (a clean text:
    its headline and standfirsts, the dateline gone). A dateline further down the page
    excuses nothing: in the clean text it is gone."""
    for j in range(i - 1, max(-1, i - 4), -1):
        s = shapes[j]
        if s.date and s.tokens < 30 and (s.meta or not s.linky):
            return True
    return i <= 3


def _already_clean(shapes, reasons) -> bool:
    """An article without page furniture (a JSONL text, a saved article): every line
    stays, lists and tables included. A page always has some furniture: a menu item,
    a share bar, a copyright line, an image name."""
    if not shapes:
        return False
    if any(r is not None and r != "no words" for r in reasons):
        return False
    if any(s.furniture or s.linky for s in shapes):
        return False
    # Menus are runs of one- to three-word lines; an article has few (a headline, a
    # table of results).
    if sum(1 for s in shapes if s.tokens <= 3 and not s.prose) > max(1, len(shapes) // 7):
        return False
    total = sum(s.tokens for s in shapes)
    prose = sum(s.tokens for s in shapes if s.prose)
    return prose >= 0.5 * total


def _discount_teasers(shapes, reasons, weights) -> None:
    """A short paragraph between two non-paragraph lines is a teaser under a linked
    headline (lists of other stories); an article's paragraphs come in runs.
    Images, captions and a link to another story set in the text ("延伸閱讀：...")
    between paragraphs do not break a run."""
    n = len(shapes)
    skip = {"image file name", "caption", "no words"}

    def passed_over(j: int) -> bool:
        return reasons[j] in skip or bool(LABELLED_LINK.match(shapes[j].text)
                                          or BRACKETED_LINK.match(shapes[j].text))

    def neighbour_prose(j: int, step: int) -> bool | None:
        j += step
        while 0 <= j < n and passed_over(j):
            j += step
        return shapes[j].prose and reasons[j] is None if 0 <= j < n else None

    first = next((i for i, s in enumerate(shapes) if s.prose and reasons[i] is None), None)
    lone = []
    for i, s in enumerate(shapes):
        if weights[i] <= 0 or s.tokens >= (50 if s.latin else 80):
            continue
        before, after = neighbour_prose(i, -1), neighbour_prose(i, 1)
        if before is False and after is False and not (i == first and _opens_article(shapes, i)):
            lone.append(i)
    # One lone paragraph may be all a photo page has; a list of them is a list.
    if len(lone) >= 2:
        for i in lone:
            weights[i] = shapes[i].tokens // 4


GAP_FREE = 4        # lines of furniture an article may hold between two paragraphs
GAP_COST = 6


def _widen_gaps(weights: list[int], shapes) -> None:
    """Inside an article, paragraphs are broken by a picture, a caption, a subheading;
    a long stretch of furniture (a menu, a form, a list) is a border between blocks.
    Lines without a word (rating stars, rules of dashes) weigh nothing and make no
    stretch longer."""
    run = 0
    for i, w in enumerate(weights):
        if w > 0:
            run = 0
            continue
        if shapes[i].tokens == 0:
            weights[i] = 0          # no evidence either way
            continue
        run += 1
        if run > GAP_FREE:
            weights[i] = w - GAP_COST


def _between_paragraphs(shapes, reasons, j: int, span) -> bool:
    before = j - 1 >= span[0] and shapes[j - 1].prose and reasons[j - 1] is None
    after = j + 1 < span[1] and shapes[j + 1].prose and reasons[j + 1] is None
    return before and after and shapes[j].tokens >= 4


def _is_stamp(s: LineShape) -> bool:
    return s.tokens <= 12 and not s.prose and bool(s.date or TIMESTAMP.search(s.text))


def _close_threads(shapes, weights) -> None:
    """A comment thread under an article can outweigh it. Its mark is a time stamp on
    every comment: three stamps a few lines apart, after some running text. Nothing
    from there on counts as running text."""
    seen, stamps = 0, []
    for j, s in enumerate(shapes):
        if weights[j] > 0:
            seen += s.tokens
        elif seen >= 100 and _is_stamp(s):
            if stamps and not 3 <= j - stamps[-1] <= 15:
                stamps = []
            stamps.append(j)
            if len(stamps) == 3:
                for k in range(stamps[0], len(weights)):
                    weights[k] = min(weights[k], 0) - 1
                return


def _cut_at_comments(shapes, reasons, weights, span):
    """Readers' comments are running text too; the article ends where they begin.
    So does it where the next post of a blog or a page of several stories begins:
    a headline followed by its own dateline."""
    start, end = span
    seen = 0
    stamp = None          # the last timestamp line met after the article's first part
    for j in range(start, end):
        s = shapes[j]
        if seen >= 60 and s.tokens <= 12 and (s.date or TIMESTAMP.search(s.text)):
            # Comments come one under another, each with its time (however the line
            # weighs: "Posted by: Joe | January 16, 2012, 7:28 am"); an article does not
            # (a date and a time on adjacent lines are one dateline).
            if stamp is not None and 2 <= j - stamp <= 12:
                cut = stamp - 1 if stamp - 1 > start and not shapes[stamp - 1].prose else stamp
                return start, cut
            stamp = j
            continue
        if weights[j] > 0:
            seen += s.tokens
            continue
        if seen >= 60 and COMMENTS_START.search(s.text[:80]):
            return start, j
        if seen >= 100 and reasons[j] is None and headline_shaped(s, None) \
                and any(n.date and n.tokens < 30 for n in _next_standing(shapes, reasons, j, 2)):
            return start, j
    return span


def _next_standing(shapes, reasons, j: int, n: int) -> list[LineShape]:
    """The n lines after j that no rule drops: the lines that follow it in the clean text."""
    out = []
    for k in range(j + 1, len(shapes)):
        if len(out) == n:
            break
        if reasons[k] is None:
            out.append(shapes[k])
    return out


def _best_run(weights: list[int]) -> tuple[int, int]:
    """The [start, end) run with the largest sum (Kadane)."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _drop_second_copies(keep_reason: dict[int, str], reasons, copies: list[int]) -> None:
    """Some pages carry the story twice (a print version, a hidden copy): a run of
    lines met before goes. A single paragraph met twice (a standfirst repeated in the
    text) stays. Runs are counted in kept lines, furniture between them left out, so
    that the clean text holds no run to find again."""
    kept = sorted(keep_reason)
    place = {j: n for n, j in enumerate(kept)}
    copied = {place[j] for j in copies}
    for j in copies:
        if place[j] - 1 in copied or place[j] + 1 in copied:
            del keep_reason[j]
            reasons[j] = "again on the page"


def _end_on_paragraphs(shapes, keep_reason: dict[int, str], span):
    """A page's article opens and ends with running text, as the run of weights found
    it; headings left at its edges once datelines and copies are gone belonged to what
    was cut away."""
    inside = [j for j in sorted(keep_reason) if span[0] <= j < span[1]]
    paragraphs = [j for j in inside if shapes[j].prose]
    if not paragraphs and not any(shapes[j].prose for j in range(*span)):
        return span              # a page without running text: nothing to cut by
    # When every paragraph went (copies of the headline), nothing of the article is left.
    start, end = (paragraphs[0], paragraphs[-1] + 1) if paragraphs else (span[0], span[0])
    for j in inside:
        if not start <= j < end:
            del keep_reason[j]
    return start, end


def settle_title(shapes, keep_reason: dict[int, str], title_at: int | None) -> int | None:
    """The headline is the first kept line exactly when that line reads as the headline
    of the lines kept under it. Judged on the kept lines alone, so cleaning the output
    again finds the same headline: a line picked above the article that does not read
    as one becomes the first paragraph, and a first paragraph that does becomes the
    headline (either way the same lines are kept)."""
    kept = sorted(keep_reason)
    if title_at is not None and not heads_text(shapes, kept):
        keep_reason[title_at] = "body" if shapes[title_at].prose else "heading"
        return None
    if title_at is None and heads_text(shapes, kept):
        keep_reason[kept[0]] = "title"
        return kept[0]
    return title_at


def _find_span(shapes, reasons) -> tuple[int, int]:
    """The article: the run of lines where running text outweighs furniture."""
    weights = [_weight(s, r is not None) for s, r in zip(shapes, reasons)]
    _discount_teasers(shapes, reasons, weights)
    _close_threads(shapes, weights)
    _widen_gaps(weights, shapes)
    span = _best_run(weights)
    if span[0] == span[1]:
        # Not one line of running text: nothing to tell an article from its page by,
        # so nothing is dropped but furniture.
        span = (0, len(shapes))
    return skip_header(shapes, reasons, _cut_at_comments(shapes, reasons, weights, span))


def _keep_lines(shapes, reasons, span, title_hint: str | None):
    """The headline and the lines kept in and just above the article, with the reason
    of each; a reason is written for every line of the article that goes."""
    # Share bars are told apart only where a line could be kept: the article and the
    # lines above it (headline, standfirst).
    for j in range(max(0, span[0] - 30), span[1]):
        s = shapes[j]
        if reasons[j] is None and not s.prose and s.tokens <= 40 and furniture_share(s.text) >= 0.5:
            reasons[j] = "share bar"
    hint = key(title_hint) if title_hint else (key(shapes[0].text) if shapes else "")
    title_at = pick_title(shapes, reasons, span, hint, bool(title_hint)) if shapes else None
    title = shapes[title_at].text if title_at is not None else None
    title_key = key(title) if title else None

    keep_reason: dict[int, str] = {}
    if title_at is not None:
        keep_reason[title_at] = "title"
        # Standfirsts sit right above the article, after the dateline; walk up to them
        # and stop at the first line that is furniture or metadata.
        j = span[0] - 1
        while j > title_at and span[0] - j <= 3:
            s = shapes[j]
            if reasons[j] is not None or s.meta or s.date or same_title(s.text, title, title_key):
                break
            if s.tokens >= 6:
                keep_reason[j] = "subtitle"
            j -= 1
    kept_texts: set[str] = set()
    copies: list[int] = []
    for j in range(*span):
        s = shapes[j]
        if reasons[j] == "repeated in 2 documents" and _between_paragraphs(shapes, reasons, j, span):
            # A subheading of a story that two pages of the run share (a syndicated copy).
            reasons[j] = None
        if reasons[j] is not None:
            continue
        if title_key and same_title(s.text, title, title_key):
            reasons[j] = "title again"
            continue
        if (s.meta or s.date and not is_sentence(s)) and s.tokens < 30:
            reasons[j] = "dateline" if s.date else "byline or source"
            continue
        if s.tokens >= 4 and s.text in kept_texts:
            copies.append(j)
        kept_texts.add(s.text)
        keep_reason[j] = "body" if s.prose else "heading"
    _drop_second_copies(keep_reason, reasons, copies)
    return title_at, keep_reason


def clean_lines(raw_lines: list[str], repeats=None, title_hint: str | None = None) -> Cleaned:
    """Judge every line. `repeats(text)` gives how many documents of the batch
    hold the line (0 or 1 when unknown); `title_hint` is the page's <title> when
    there is one (else the dump's first line stands in for it)."""
    index, shapes = [], []
    for n, line in enumerate(raw_lines):
        text = normalise(line)
        if text:
            index.append(n)
            shapes.append(LineShape(text))
    going_on = _join_wrapped(shapes, index)
    _mark_link_boxes(shapes)
    reasons: list[str | None] = []
    prev_image = False
    for s in shapes:
        count = repeats(s.text) if repeats else 0
        reasons.append(_drop_reason(s, count, prev_image))
        # A caption follows its image; an empty-token line in between does not break that.
        prev_image = s.image or (prev_image and s.tokens == 0)
    if _already_clean(shapes, reasons):
        # Every line stays, bylines and datelines too (so the clean text is as clean
        # again); settle_title decides whether the first is the headline.
        span, title_at = (0, len(shapes)), None
        keep_reason = {j: "body" if s.prose else "heading"
                       for j, s in enumerate(shapes) if reasons[j] is None}
    else:
        first = list(reasons)
        span = _find_span(shapes, reasons)
        title_at, keep_reason = _keep_lines(shapes, reasons, span, title_hint)
        gone = [j for j in range(*span) if shapes[j].prose and first[j] is None
                and reasons[j] in ("again on the page", "title again")]
        if gone:
            # Paragraphs dropped inside the article as copies (of the story, of the
            # headline) no longer hold it together: the article is the run of what is left.
            for j in gone:
                first[j] = reasons[j]
            reasons[:] = first
            span = _find_span(shapes, reasons)
            title_at, keep_reason = _keep_lines(shapes, reasons, span, title_hint)
        span = _end_on_paragraphs(shapes, keep_reason, span)
        # The last words of a kept sentence, wrapped onto a line of their own, stay with it.
        for j in sorted(going_on):
            if keep_reason.get(j - 1, "title") != "title" and j not in keep_reason \
                    and reasons[j] is None:
                keep_reason[j] = keep_reason[j - 1]

    title_at = settle_title(shapes, keep_reason, title_at)
    title = shapes[title_at].text if title_at is not None else None
    body_at = sorted(j for j, r in keep_reason.items() if r != "title")
    return Cleaned(title, _paragraphs(shapes, body_at, going_on), len(raw_lines), shapes, index,
                   title_at, span, body_at, keep_reason, reasons)
