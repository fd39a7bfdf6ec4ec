"""OpenCC conversion between Simplified and Traditional Chinese, and script detection.

`opencc` is imported inside the functions that need it so that `newsclean --help`
stays instant. Output equals OpenCC 1.4.2: by default its Python binding and its
command line tool given --include-tofu-risk-dictionaries; with tofu_risk=False the
tool as it is by default. NUL bytes and the text after them are never lost: the
tool and, for several configs, the binding cut the text at a NUL.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .article import Article
from .options import Options

CONFIGS: tuple[str, ...] = (
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
    "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
)

# The config for each --to name when the input is Simplified (or of unknown script).
TO_CONFIGS: dict[str, str] = {
    "simplified": "t2s",
    "traditional": "s2t",
    "taiwan": "s2tw",
    "taiwan-phrases": "s2twp",
    "hongkong": "s2hk",
}

# Traditional input must not go through Simplified: that round trip is lossy
# (发 stands for both 發 and 髮). OpenCC's s2t also rewrites Taiwan-style
# characters into its own standard (床→牀, 群→羣: 0.4% of the characters of
# Taiwanese news), so Traditional input keeps its characters unless a regional
# standard was asked for. OpenCC has no t2twp; s2twp applied directly changes
# fewer characters of a Traditional text than a round trip through Simplified.
_FROM_TRADITIONAL: dict[str, str | None] = {
    "simplified": "t2s",
    "traditional": None,
    "taiwan": "t2tw",
    "taiwan-phrases": "s2twp",
    "hongkong": "t2hk",
}

# The script a config produces; t2jp gives Japanese Shinjitai, which is neither.
_TARGET_SCRIPT: dict[str, str] = {
    **{c: "simplified" for c in ("t2s", "tw2s", "tw2sp", "hk2s", "hk2sp")},
    **{c: "traditional" for c in ("s2t", "s2tw", "s2twp", "s2hk", "s2hkp",
                                  "t2tw", "tw2t", "t2hk", "hk2t", "jp2t")},
}

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

# The binding cuts its output at a NUL (or drops the NUL) in several configs, and
# cannot encode lone surrogates (from undecodable bytes): convert around them.
_UNCONVERTIBLE = re.compile(r"[\x00\ud800-\udfff]+")

# OpenCC marks a few dictionaries (TSCharactersExt, used by t2s, tw2s, tw2sp, hk2s
# and hk2sp) as possibly giving characters that many fonts cannot show (鞾→𫖇).
# The `opencc` binary leaves them out unless given --include-tofu-risk-dictionaries;
# the Python binding includes them by default. OpenCC's own test cases expect them
# (three t2s cases fail without them), so they are in by default, and out with
# tofu_risk=False (--no-tofu), which gives what the `opencc` binary gives.
INCLUDE_TOFU_RISK = True

# Characters per conversion call in iter_convert: large enough that the per-call
# cost vanishes, small enough that memory stays flat.
_BATCH_CHARS = 1 << 16


def _check_config(config: str) -> str:
    if config not in CONFIGS:
        raise ValueError(f"unknown OpenCC config {config!r}; expected one of: "
                         + ", ".join(CONFIGS))
    return config


@lru_cache(maxsize=None)
def _converter(config: str, tofu_risk: bool = INCLUDE_TOFU_RISK):
    import opencc

    return opencc.OpenCC(_check_config(config), include_tofu_risk_dictionaries=tofu_risk)


def resolve_config(to: str | None, config: str | None, script: str | None = None) -> str | None:
    """The OpenCC config for --to/--config given the input's script; None = no conversion.

    An explicit config is used as given. A --to name picks the config from
    Simplified, except for Traditional input, which is converted without going
    through Simplified (see _FROM_TRADITIONAL). Mixed input takes the config from
    Simplified: its Simplified characters are the ones that need converting.
    """
    if to is not None and config is not None:
        raise ValueError("give either a target script (--to) or an OpenCC config (--config), not both")
    if config is not None:
        return _check_config(config)
    if to is None:
        return None
    if to not in TO_CONFIGS:
        raise ValueError(f"unknown target script {to!r}; expected one of: " + ", ".join(TO_CONFIGS))
    if script == "traditional":
        return _FROM_TRADITIONAL[to]
    return TO_CONFIGS[to]


def convert_text(text: str, config: str, tofu_risk: bool = INCLUDE_TOFU_RISK) -> str:
    """Convert like OpenCC 1.4.2 (`opencc --include-tofu-risk-dictionaries`, or
    plain `opencc` with tofu_risk=False).

    Characters the config does not convert come back unchanged, line breaks
    included; NUL bytes and what follows them are kept.
    """
    converter = _converter(config, tofu_risk)
    if "\x00" not in text:
        try:
            return converter.convert(text)
        except UnicodeEncodeError:   # lone surrogates: rare, so not searched for first
            pass
    out, pos = [], 0
    for match in _UNCONVERTIBLE.finditer(text):
        if match.start() > pos:
            out.append(converter.convert(text[pos:match.start()]))
        out.append(match.group())
        pos = match.end()
    if pos < len(text):
        out.append(converter.convert(text[pos:]))
    return "".join(out)


def _convert_batch(items: list[str], config: str, tofu_risk: bool) -> list[str]:
    """Convert many items in one call, each coming back separately.

    Every item but the last ends with "\\n". No OpenCC dictionary entry contains a
    line break, so a phrase never matches across one, and the output can be cut
    where the input's line breaks were.
    """
    if len(items) == 1:
        return [convert_text(items[0], config, tofu_risk)]
    joined = "".join(items)
    breaks = joined.count("\n")
    pieces = convert_text(joined, config, tofu_risk).split("\n")
    if len(pieces) != breaks + 1:
        return [convert_text(item, config, tofu_risk) for item in items]   # never expected
    if breaks == len(items) and items[-1].endswith("\n"):
        # The usual case: every item ends with its only line break.
        return [piece + "\n" for piece in pieces[:-1]]
    out, start = [], 0
    for item in items:
        end = start + item.count("\n")
        if item.endswith("\n"):
            out.append("\n".join(pieces[start:end]) + "\n")
        else:
            out.append("\n".join(pieces[start:end + 1]))
        start = end
    return out


def iter_convert(lines: Iterable[str], config: str,
                 tofu_risk: bool = INCLUDE_TOFU_RISK) -> Iterator[str]:
    """Convert a stream of lines (each keeping its own line ending) with flat memory,
    one converted item per item given.

    Lines are converted in batches for speed. An item that does not end with "\\n"
    closes its batch, so text is never joined across items without a line break.
    """
    _converter(config, tofu_risk)   # an unknown config fails here, not at the first line
    return (piece for batch in _batches(lines)
            for piece in _convert_batch(batch, config, tofu_risk))


def convert_chunks(lines: Iterable[str], config: str,
                   tofu_risk: bool = INCLUDE_TOFU_RISK) -> Iterator[str]:
    """Like iter_convert, but the converted text comes in chunks of many lines: for
    writing a large file, where a write per line would cost a quarter of the time."""
    _converter(config, tofu_risk)
    return (convert_text("".join(batch), config, tofu_risk) for batch in _batches(lines))


def _batches(lines: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= _BATCH_CHARS or not line.endswith("\n"):
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _char_kinds(chars: str) -> tuple[tuple[bool, bool], ...]:
    """For each character: (t2s changes it, s2t changes it)."""
    joined = "\n".join(chars)
    to_simp = convert_text(joined, "t2s").split("\n")
    to_trad = convert_text(joined, "s2t").split("\n")
    return tuple((s != c, t != c) for c, s, t in zip(chars, to_simp, to_trad))


_KIND_CACHE: dict[str, tuple[bool, bool]] = {}


def _kinds(chars: set[str]) -> dict[str, tuple[bool, bool]]:
    new = "".join(sorted(c for c in chars if c not in _KIND_CACHE))
    if new:
        _KIND_CACHE.update(zip(new, _char_kinds(new)))
    return {c: _KIND_CACHE[c] for c in chars}


def _han_counts(text: str, counts: Counter | None = None) -> dict[str, int]:
    """Han character -> occurrences. Counting distinct characters first keeps memory
    flat on a large file (findall would make one string per character)."""
    counts = counts if counts is not None else Counter(text)
    return {c: n for c, n in counts.items() if HAN.match(c)}


def _count(pattern: re.Pattern, counts: Counter) -> int:
    return sum(n for c, n in counts.items() if pattern.match(c))


def detect_script(text: str) -> str | None:
    """'simplified', 'traditional' or 'mixed' for text with Han characters, else None.

    Counts the characters that only exist in one script: those t2s changes are
    Traditional, those s2t changes are Simplified. Some of the latter are also
    ordinary Traditional characters (台, 里, 群), so Traditional text shows a few
    percent of "Simplified" ones; the thresholds leave room for that.
    """
    han = _han_counts(text)
    if not han:
        return None
    kinds = _kinds(set(han))
    trad = sum(kinds[c][0] * n for c, n in han.items())
    simp = sum(kinds[c][1] * n for c, n in han.items())
    if trad + simp == 0:
        return "simplified"   # nothing tells them apart: no conversion is needed
    share = trad / (trad + simp)
    if share >= 0.7:
        return "traditional"
    if share <= 0.3:
        return "simplified"
    return "mixed"


def to_simplified(text: str) -> str:
    """Simplified copy of a text for analysis; same lines, same line breaks."""
    return convert_text(text, "t2s")


def detect_language(text: str) -> str | None:
    """'zh' when Han characters dominate, 'en' for Latin text, 'ja'/'ko' as a best guess."""
    counts = Counter(text)
    han = sum(_han_counts(text, counts).values())
    kana = _count(_KANA, counts)
    hangul = _count(_HANGUL, counts)
    # A Han character carries about as much as a short Latin word: weigh letters
    # so that brand names in Chinese news do not make it English.
    latin = _count(_LATIN, counts) / 3
    best = max((han + kana, "cjk"), (hangul, "ko"), (latin, "en"))
    if best[0] == 0:
        return None
    if best[1] == "cjk":
        return "ja" if kana > 0.1 * (han + kana) else "zh"
    return best[1]


def detect(doc: Article, options: Options) -> Article:
    """Stage: set language, script, and a Simplified analysis copy of Traditional text."""
    whole = (doc.title or "") + "\n" + doc.text
    doc.language = detect_language(whole) or doc.language
    doc.script = detect_script(whole)
    doc.analysis_text = (to_simplified(doc.text)
                         if doc.script in ("traditional", "mixed") else None)
    return doc


def convert_output(doc: Article, options: Options) -> Article:
    """Stage: convert title, publisher, author, text, keywords and summary to the script
    asked for."""
    config = resolve_config(options.to, options.config, doc.script)
    if config is None:
        return doc
    tofu = options.tofu_risk
    for field in ("title", "publisher", "author"):
        value = getattr(doc, field)
        if value is not None:
            setattr(doc, field, convert_text(value, config, tofu))
    doc.text = convert_text(doc.text, config, tofu)
    doc.keywords = [convert_text(k, config, tofu) for k in doc.keywords]
    doc.summary = [convert_text(s, config, tofu) for s in doc.summary]
    # Without a detected script (detect did not run), Han characters in the output
    # are still in the script the config produces.
    if doc.script is not None or HAN.search((doc.title or "") + doc.text):
        doc.script = _TARGET_SCRIPT.get(config, doc.script)
    return doc
