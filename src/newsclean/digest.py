"""The editor's digest: processed articles in, one entry per story out.

The same article syndicated to several portals (other boilerplate, small edits, one
copy in Traditional and one in Simplified) becomes one story listing every copy.
Copies are found by character shingles of the Simplified text: a story's most complete
copy is indexed by a consistent sample of its shingles, so each new article is compared
only with the few stories it shares sampled shingles with, never with all of them.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from .article import Article
from .options import Options
from .sources import Failure, Input

SORTS = ("date", "publisher", "path")
GROUPS = ("none", "publisher", "date")

# Five tokens (Han characters, or Latin words) make a shingle: short enough that
# a small edit spoils only a few of them, long enough that two different stories on
# the same event share few.
SHINGLE = 5
# A copy shares at least this share of the shorter text's shingles with its story.
# On the test pairs copies (edited, cut to a teaser, in the other script, with Taiwan
# phrases, or two of these at once) score 0.74 and more; a follow-up's teaser that
# repeats one background paragraph of the first report 0.54, any other pair of
# stories 0.11 and less. The threshold sits between.
CONTAINMENT = 0.65
# ... and what they share is at least this share of the longer text. Without it a
# long roundup of the day's news would swallow every short item it quotes whole;
# the price is that a one-paragraph teaser of a long article stays an entry of its own.
COVERAGE = 0.25
# Below this many shingles a text says too little; it must then match almost whole.
SHORT = 20
SHORT_JACCARD = 0.8
# One shingle in SAMPLE is indexed; the choice depends on the shingle alone, so two
# copies sample the same shingles and the share of shared ones is kept.
SAMPLE = 4
# A sampled shingle found in this many stories already is a common phrase, useless
# to find copies: its list stops growing, which bounds the cost of each lookup.
POSTING_CAP = 64
# Stories checked in full for each article, those sharing the most sampled shingles first,
# and only if they share at least half the sampled shingles a copy would: one common
# sentence does not make a candidate.
CANDIDATES = 8
_SLACK = 0.5

_TOKEN = re.compile(r"[a-z0-9\u00c0-\u024f]+|[^\W_]", re.I)


@dataclass
class Copy:
    path: str
    title: str | None
    publisher: str | None
    published: str | None


@dataclass
class Story:
    """One story and every copy of it. Title, metadata, keywords and summary are those
    of one copy: the first in input order that is about as complete as the longest."""
    title: str | None
    published: str | None
    publisher: str | None
    keywords: list[str]
    summary: list[str]
    copies: list[Copy]
    language: str | None = None

    def to_record(self) -> dict:
        return {
            "title": self.title, "published": self.published, "publisher": self.publisher,
            "keywords": list(self.keywords), "summary": list(self.summary),
            "copies": [{"path": c.path, "title": c.title, "publisher": c.publisher,
                        "published": c.published} for c in self.copies],
        }


@dataclass
class Failed:
    path: str
    error: str
    kind: str = "error"


@dataclass
class Digest:
    articles: int
    stories: list[Story]
    failed: list[Failed] = field(default_factory=list)

    @property
    def merged(self) -> int:
        """Copies folded into another copy's entry."""
        return self.articles - len(self.stories)

    def to_record(self) -> dict:
        return {"articles": self.articles, "stories": [s.to_record() for s in self.stories],
                "merged": self.merged,
                "failed": [{"path": f.path, "error": f.error} for f in self.failed]}


# ---------------------------------------------------------------- near-duplicates

def comparable_text(doc: Article) -> str:
    """The text copies are compared on: Simplified, whatever the input's or the output's
    script (with --to the text may have been converted after analysis)."""
    if doc.analysis_text is not None:
        return doc.analysis_text
    if doc.script in ("traditional", "mixed"):
        from .convert import to_simplified
        return to_simplified(doc.text)
    return doc.text


def shingles(text: str) -> frozenset[int]:
    """Hashes of every run of SHINGLE tokens; punctuation and spacing do not count."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens:
        return frozenset()
    if len(tokens) < SHINGLE:
        return frozenset([_hash(tokens)])
    return frozenset(_hash(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def _hash(tokens: list[str]) -> int:
    # crc32 rather than hash(): stable from run to run, so the digest is too.
    return zlib.crc32("\x1f".join(tokens).encode("utf-8"))


def similar(a: frozenset[int], b: frozenset[int]) -> bool:
    """Copies of one story: the shorter text is mostly contained in the longer one,
    and makes a fair part of it."""
    small, large = sorted((len(a), len(b)))
    if small == 0:
        return False
    shared = len(a & b)
    if small < SHORT:
        return shared / len(a | b) >= SHORT_JACCARD
    return shared / small >= CONTAINMENT and shared / large >= COVERAGE


def group_copies(texts: list[str]) -> list[list[int]]:
    """Indexes of `texts` grouped by story: each group starts with its longest text,
    groups in the order of their first text. Longest first, so that a story is
    represented by its most complete copy and a shorter copy is found inside it."""
    order = sorted(range(len(texts)), key=lambda i: (-len(texts[i]), i))

    @lru_cache(maxsize=512)
    def full(i: int) -> frozenset[int]:
        return shingles(texts[i])

    index: dict[int, list[int]] = defaultdict(list)   # sampled shingle -> founding texts
    story_of: dict[int, int] = {}                     # founding text -> its group
    sampled: dict[int, int] = {}                      # founding text -> its sample's size
    groups: list[list[int]] = []
    for i in order:
        mine = full(i)
        sample = [h for h in mine if h % SAMPLE == 0]
        shared: dict[int, int] = defaultdict(int)
        for h in sample:
            for founder in index.get(h, ()):
                shared[founder] += 1
        found = None
        likely = [(founder, count) for founder, count in shared.items()
                  if count >= _SLACK * CONTAINMENT * min(len(sample), sampled[founder])]
        ranked = sorted(likely, key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
        for founder, _count in ranked:
            if similar(mine, full(founder)):
                found = founder
                break
        if found is not None:
            groups[story_of[found]].append(i)
            continue
        # Copies are not indexed: a story syndicated a hundred times stays one entry per shingle.
        story_of[i] = len(groups)
        sampled[i] = len(sample)
        groups.append([i])
        for h in sample:
            postings = index[h]
            if len(postings) < POSTING_CAP:
                postings.append(i)
    for group in groups:
        group[1:] = sorted(group[1:])
    groups.sort(key=min)
    return groups


# ---------------------------------------------------------------- stories

def build_stories(articles: list[Article], texts: list[str] | None = None) -> list[Story]:
    """One Story per group of copies, in the order of the articles. `texts`: their
    comparable texts, when already made."""
    if texts is None:
        texts = [comparable_text(doc) for doc in articles]
    stories = []
    for group in group_copies(texts):
        # The first copy in input order speaks for the story, unless it is much less
        # complete than the longest one (a teaser, a truncated reprint).
        longest = len(texts[group[0]])
        lead = articles[min(i for i in group if len(texts[i]) >= 0.9 * longest)]
        copies = [articles[i] for i in sorted(group)]
        stories.append(Story(
            # What the lead lacks comes from the next copy in input order, one in the
            # lead's own script first (a story should not switch script mid-entry).
            title=lead.title or _first(d.title for d in _same_script_first(lead, copies)),
            published=lead.published or _first(d.published for d in copies),
            publisher=lead.publisher or _first(d.publisher for d in copies),
            keywords=list(lead.keywords), summary=list(lead.summary),
            copies=[Copy(d.path, d.title, d.publisher, d.published) for d in copies],
            language=_language_tag(lead)))
    return stories


def _language_tag(doc: Article) -> str | None:
    """The story's language as a page marks it: Chinese with its script (zh-Hans,
    zh-Hant), so that a browser draws the glyphs of that script."""
    if doc.language == "zh" and doc.script in ("simplified", "traditional"):
        return "zh-Hans" if doc.script == "simplified" else "zh-Hant"
    return doc.language


def _same_script_first(lead: Article, docs: list[Article]) -> list[Article]:
    return sorted(docs, key=lambda d: d.script != lead.script)


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def sort_stories(stories: list[Story], by: str = "date") -> list[Story]:
    """`date`: newest first, undated last; `publisher`: A-Z whatever the case (news.com.au
    among the n's), then newest first;
    `path`: by the first copy's path. Ties keep the input order."""
    if by not in SORTS:
        raise ValueError(f"unknown sort {by!r}; expected one of: " + ", ".join(SORTS))
    if by == "path":
        return sorted(stories, key=lambda s: s.copies[0].path)
    newest = sorted(stories, key=lambda s: s.published or "", reverse=True)
    newest.sort(key=lambda s: s.published is None)          # stable: undated last
    if by == "date":
        return newest
    return sorted(newest, key=lambda s: (s.publisher is None, _by_name(s.publisher)))


def group_stories(stories: list[Story], by: str = "none") -> list[tuple[str | None, list[Story]]]:
    """Sorted stories cut into headed sections. `publisher`: A-Z, unknown last;
    `date`: by day, newest first, undated last; `none`: one section without a heading.
    Each section keeps the order the stories came in."""
    if by not in GROUPS:
        raise ValueError(f"unknown grouping {by!r}; expected one of: " + ", ".join(GROUPS))
    if by == "none":
        return [(None, stories)] if stories else []
    sections: dict[str | None, list[Story]] = {}
    for story in stories:
        key = story.publisher if by == "publisher" else (story.published or "")[:10] or None
        sections.setdefault(key, []).append(story)
    keys = sorted((k for k in sections if k is not None), reverse=by == "date",
                  key=_by_name)
    if None in sections:
        keys.append(None)
    return [(k, sections[k]) for k in keys]


def _by_name(name: str | None) -> tuple[str, str]:
    """Names in dictionary order: case does not count, except to order names that differ
    only by it, so that the order is the same on every run."""
    return ((name or "").casefold(), name or "")


def build_digest(docs: Iterable[Article | Failure], failures: Iterable[Failure] = (),
                 sort: str = "date") -> Digest:
    """A digest of processed documents; Failures among them are listed as failed."""
    articles: list[Article] = []
    texts: list[str] = []
    failed = [_failed(f) for f in failures]
    for doc in docs:
        if isinstance(doc, Failure):
            failed.append(_failed(doc))
            continue
        # Only the metadata and one text to compare are kept: a digest of many
        # articles should not hold every raw page and clean text twice over.
        texts.append(comparable_text(doc))
        articles.append(replace(doc, raw="", text="", analysis_text=None, lines=None))
    return Digest(len(articles), sort_stories(build_stories(articles, texts), sort), failed)


def _failed(failure: Failure) -> Failed:
    return Failed(failure.path, failure.error.message, failure.error.kind)


def documents(items: Iterable[Input | Failure], options: Options, jobs: int = 1, batch=None,
              on_result: Callable[[], None] | None = None) -> Iterator[Article | Failure]:
    """Every processed document and every failure of a run, in input order;
    `on_result` is called as each input is done (for a progress bar)."""
    from .batch import results
    for result in results(items, options, jobs, batch):
        if isinstance(result.item, Failure):
            yield result.item
        yield from result.docs
        if on_result and result.last:
            on_result()


def digest(paths: list[str], options: Options | None = None, sort: str = "date") -> Digest:
    """Library entry point: the digest of files and folders, processed with `options`."""
    from .batch import learn
    from .sources import Discovered
    options = options or Options(command="summarize")
    items = Discovered(paths, options.recursive, options.glob)
    batch = learn(items, options)
    return build_digest(documents(items, options, options.jobs, batch), sort=sort)
