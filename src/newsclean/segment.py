"""Sentences and words.

Chinese words come from snownlp's character-based segmentation model, decoded here over a
compact copy of it (see data/build_models.py): importing snownlp costs ~2 s and ~430 MB
because it unpickles every model it has, while a text needs only the n-grams it contains.
The decoder reproduces snownlp's own, ties and quirks included, so the words are the same.
"""
from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
from pathlib import Path

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
# snownlp.seg.seg only runs its model over these; everything else is split at whitespace.
_HAN_RUN = re.compile("([\u4e00-\u9fa5]+)")
# Letters of Latin script, accented ones too (Zürich, café, São Paulo), without × and ÷.
LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_EN_WORD = re.compile(f"[{LATIN}0-9]+(?:['’\\-][{LATIN}0-9]+)*")

# ----------------------------------------------------------------- sentences

_CLOSERS = "”’」』\"')）]】》〉"
_OPENERS = "“‘「『\"'(（[【《〈"
_END = re.compile(f"(?:[。！？；…!?.]+)[{re.escape(_CLOSERS)}]*")
_FULL_END = re.compile("[。！？；…]")
_SENTENCE_END = re.compile(_END.pattern + "$")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs",
    "no", "gen", "gov", "sen", "rep", "lt", "col", "capt", "mt", "fig", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_WORD_BEFORE = re.compile(f"([{LATIN}][{LATIN}.]*)$")
_NEXT_STARTS_SENTENCE = re.compile(f"\\s+[{re.escape(_OPENERS)}]*[A-Z\u00c0-\u00d6\u00d8-\u00de0-9{CJK}]")
_HAS_CONTENT = re.compile(f"[\\w{CJK}]")
_LOOK_BACK = 40    # characters around a mark that decide whether it ends a sentence


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    # Initials (J. Smith) and dotted acronyms (U.S., U.K.) rarely end a sentence.
    return (len(word) == 1 or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None
            or word.lower().rstrip(".") in _ABBREVIATIONS)


def _is_list_number(line: str, start: int) -> bool:
    """Whether the "." at start follows the number of a list item: one or two digits at
    the line's start or after a semicolon."""
    i = start
    while i > 0 and line[i - 1].isdigit() and start - i < 3:
        i -= 1
    if not 1 <= start - i <= 2 or (i > 0 and line[i - 1].isdigit()):
        return False
    while i > 0 and line[i - 1] in " \t":
        i -= 1
    return i == 0 or line[i - 1] in ";；"


def _ends_sentence(line: str, start: int, end: int, content_end: int) -> bool:
    # Only a short window around the mark is looked at, which keeps splitting linear.
    if end >= content_end:
        return True
    mark = line[start:end]
    if _FULL_END.search(mark):
        return True
    rest = line[end:end + _LOOK_BACK]
    before = line[max(0, start - _LOOK_BACK):start]
    nxt = rest[0]
    if mark == "." and _is_list_number(line, start):
        return False
    if _CJK_CHAR.match(nxt) or _CJK_CHAR.match(before[-1:] or " "):
        # Chinese written with ASCII punctuation ("缺陷.该染料"); 3.5 has digits around it.
        return not (nxt.isdigit() and before[-1:].isdigit())
    if "!" in mark or "?" in mark:
        return not re.match(r"\s*[a-z]", rest) and not nxt.isalnum()
    if not _NEXT_STARTS_SENTENCE.match(rest):
        return False
    return not _is_abbreviation(before)


def ends_like_sentence(piece: str) -> bool:
    """Whether a piece ends with a sentence's punctuation (closing quotes aside), unlike
    a heading, a caption or a line cut short."""
    return _SENTENCE_END.search(piece.rstrip()) is not None


def split_sentences(text: str) -> list[str]:
    """Verbatim sentence pieces of text, each stripped of surrounding whitespace.

    Splits after 。！？；… and !?, keeping closing quotes and brackets on the sentence, at line
    breaks, and after an English "." followed by a space and a capital or digit, but not
    after initials, dotted acronyms or common abbreviations. A last sentence without end
    punctuation is kept; pieces without any letter, digit or Han character are dropped.
    """
    sentences = []
    for line in text.splitlines():
        start = 0
        content_end = len(line.rstrip())
        for match in _END.finditer(line):
            if _ends_sentence(line, match.start(), match.end(), content_end):
                sentences.append(line[start:match.end()])
                start = match.end()
        sentences.append(line[start:])
    return [s.strip() for s in sentences if _HAS_CONTENT.search(s)]


# ----------------------------------------------------------------- words

def is_chinese(text: str) -> bool:
    sample = text[:5000]
    han = len(_CJK_CHAR.findall(sample))
    return han > 0.2 * max(1, len(sample.replace(" ", "")))


def words(text: str, language: str | None = None) -> list[str]:
    """Words of text: Chinese as snownlp.seg.seg gives them, otherwise ASCII word runs.

    language is "zh..." or "en..."; None decides by the share of Han characters.
    """
    chinese = language.lower().startswith("zh") if language else is_chinese(text)
    if not chinese:
        return _EN_WORD.findall(text)
    segmenter = _segmenter()
    result: list[str] = []
    for piece in _HAN_RUN.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if _HAN_RUN.match(piece):
            result += segmenter(piece)
        else:
            result += piece.split()
    return result


_lock = threading.Lock()
_instance = None


def _segmenter():
    """The decoder over the cached compact model, or snownlp's own when no cache can be made."""
    global _instance
    with _lock:
        if _instance is None or getattr(_instance, "pid", os.getpid()) != os.getpid():
            try:
                _instance = _CompactSegmenter(_model_path())
            except (OSError, sqlite3.Error):
                # No cache can be written or read here: snownlp's own decoder is slow
                # but gives the same words.
                from snownlp import seg
                _instance = seg.single_seg
        return _instance


def _model_path() -> Path:
    from .data import build_models
    package = build_models.snownlp_dir()
    source = package / "seg" / "seg.marshal.3"
    stat = source.stat()
    cache = Path(os.environ.get("NEWSCLEAN_CACHE")
                 or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsclean")
    # The model is known by its size and snownlp's release, so that every environment
    # with that release shares one cache (the file's time differs with each install).
    release = next((d.name[len("snownlp-"):-len(".dist-info")]
                    for d in package.parent.glob("snownlp-*.dist-info")), None)
    path = cache / f"zh_seg-{stat.st_size}-{release or int(stat.st_mtime)}-2.sqlite"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        # Parallel workers on a fresh machine wait for one build instead of each making
        # their own (the build needs ~700 MB).
        with open(cache / "build.lock", "w") as lock:
            try:
                import fcntl
                fcntl.flock(lock, fcntl.LOCK_EX)
            except ImportError:
                pass
            if not path.exists():
                partial = path.with_suffix(f".{os.getpid()}.tmp")
                try:
                    _build_in_child(partial)
                    os.replace(partial, path)
                finally:
                    partial.unlink(missing_ok=True)
                _remove_copies(path, stat.st_size)
    return path


def _remove_copies(path: Path, size: int) -> None:
    """Other caches of the same model (27 MB each): made under another name, one for
    each install of snownlp before caches were known by its release."""
    for other in path.parent.glob(f"zh_seg-{size}-*.sqlite"):
        if other != path:
            other.unlink(missing_ok=True)


def _build_in_child(target: Path) -> None:
    """Build the cache once, in a child process: unpickling snownlp's model takes ~700 MB,
    which a long-running process would otherwise keep."""
    import subprocess
    import sys
    package_parent = str(Path(__file__).resolve().parent.parent)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from pathlib import Path; from newsclean.data.build_models import build_segmenter; "
            "build_segmenter(Path(sys.argv[2]))")
    result = subprocess.run([sys.executable, "-c", code, package_parent, str(target)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        raise OSError(f"could not build the segmenter cache: {result.stderr.strip()[-300:]}")


CACHE_LIMIT = 300_000      # n-grams kept between texts


class _CompactSegmenter:
    """snownlp's CharacterBasedGenerativeModel.tag + Seg.seg over the compact model."""

    BOS = " "

    def __init__(self, path: Path):
        import marshal
        self.pid = os.getpid()
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = marshal.loads(self.db.execute("SELECT v FROM meta").fetchone()[0])
        self.l1, self.l2, self.l3 = meta["l1"], meta["l2"], meta["l3"]
        self.total = meta["total"]
        self.uni: dict[str, dict[int, int]] = meta["uni"]
        self.bigrams: dict[str, dict[int, int]] = {}
        self.trigrams: dict[str, dict[int, int]] = {}
        self.memo: dict[str, list[str]] = {}
        self._loads = marshal.loads
        self.lock = threading.Lock()

    def _fetch(self, run: str) -> None:
        padded = self.BOS * 2 + run
        with self.lock:     # one sqlite connection, possibly several threads
            for table, cache, size in (("bigram", self.bigrams, 2), ("trigram", self.trigrams, 3)):
                if len(cache) > CACHE_LIMIT:
                    cache.clear()   # bounds memory on huge inputs; refetching is cheap
                grams = {padded[i:i + size] for i in range(len(padded) - size + 1)}
                missing = [g for g in grams if g not in cache]
                for i in range(0, len(missing), 500):
                    chunk = missing[i:i + 500]
                    found = self.db.execute(f"SELECT k, v FROM {table} WHERE k IN "
                                            f"({','.join('?' * len(chunk))})", chunk)
                    for key, value in found:
                        cache[key] = self._loads(value)
                    for key in chunk:
                        cache.setdefault(key, {})

    def __call__(self, run: str) -> list[str]:
        cached = self.memo.get(run)
        if cached is None:
            self._fetch(run)
            tags = self._tag(run)
            cached = []
            word = ""
            for char, tag in zip(run, tags):
                if tag == 2:                       # e
                    cached.append(word + char)
                    word = ""
                elif tag == 0 or tag == 3:         # b, s
                    if word:
                        cached.append(word)
                    word = char
                else:                              # m
                    word += char
            if word:
                cached.append(word)
            # News repeats short runs (names, bylines, navigation); long ones rarely recur.
            if len(run) <= 64 and len(self.memo) < 200_000:
                self.memo[run] = cached
        return list(cached)

    def _tag(self, run: str) -> list[int]:
        if len(run) <= 2:
            return self._tag_literal(run)
        # From the third character on, all 16 (t1, t2) states exist and snownlp's dict
        # order is fixed (t2 major, t1 minor), so the same decisions fit in flat arrays
        # with back pointers: per new state (t2, s) the first best t1, strict ">".
        l1, l2, l3, total, uni = self.l1, self.l2, self.l3, self.total, self.uni
        bigrams, trigrams = self.bigrams, self.trigrams
        log, ninf = math.log, float("-inf")
        empty: dict[int, int] = {}
        head = self._tag_literal(run[:2], keep_states=True)
        prob = [ninf] * 16
        for (t1, t2), p in head:
            prob[t1 * 4 + t2] = p
        back: list[list[int]] = []
        for i in range(2, len(run)):
            c1, c2, c3 = run[i - 2], run[i - 1], run[i]
            uni3 = uni.get(c3)
            new = [ninf] * 16
            pointers = [0] * 16
            if not uni3:
                # snownlp's unknown-character branch keeps the last state with that t2.
                for t2 in range(4):
                    for s in range(4):
                        new[t2 * 4 + s] = prob[12 + t2]
                        pointers[t2 * 4 + s] = 3
            else:
                uni2 = uni.get(c2, empty)
                bi23, bi12 = bigrams[c2 + c3], bigrams[c1 + c2]
                tri = trigrams[c1 + c2 + c3]
                for s in range(4):
                    count3 = uni3.get(s, 0)
                    if not count3:
                        continue
                    u = l1 * (count3 / total)
                    for t2 in range(4):
                        n2 = uni2.get(t2, 0)
                        base = u + ((l2 * bi23.get(t2 * 4 + s, 0)) / n2 if n2 else 0)
                        log_base = log(base)
                        best, arg = ninf, 0
                        for t1 in range(4):
                            p = prob[t1 * 4 + t2]
                            if p == ninf:
                                continue
                            count = tri.get(t1 * 16 + t2 * 4 + s) if tri else None
                            if count:
                                q = p + log(base + (l3 * count) / bi12[t1 * 4 + t2])
                            else:
                                q = p + log_base
                            if q > best:
                                best, arg = q, t1
                        new[t2 * 4 + s] = best
                        pointers[t2 * 4 + s] = arg
            prob = new
            back.append(pointers)
        # max() over snownlp's state order keeps the first of equal scores.
        order = [t1 * 4 + t2 for t2 in range(4) for t1 in range(4)]
        state = max(order, key=lambda k: prob[k])
        t1, t2 = divmod(state, 4)
        tags = [t2, t1]
        for pointers in reversed(back):
            t0 = pointers[t1 * 4 + t2]
            tags.append(t0)
            t1, t2 = t0, t1
        tags.reverse()
        return tags

    def _tag_literal(self, run: str, keep_states: bool = False):
        # States are keyed like snownlp's ((c1, t1), (c2, t2)); the characters are implied
        # by the position, so a key is (t1, t2). Insertion order and strict ">" are kept
        # because they decide ties, and the unknown-character branch overwrites without
        # comparing, as snownlp does.
        l1, l2, l3, total, uni = self.l1, self.l2, self.l3, self.total, self.uni
        bigrams, trigrams = self.bigrams, self.trigrams
        log, ninf = math.log, float("-inf")
        empty: dict[int, int] = {}
        now = [((0, 0), 0.0, None)]
        c1 = c2 = self.BOS
        for c3 in run:
            uni3 = uni.get(c3)
            stage: dict[tuple[int, int], tuple[float, tuple]] = {}
            if not uni3:
                for s in range(4):
                    for key, p, path in now:
                        stage[(key[1], s)] = (p, (s, path))
            else:
                uni2 = uni.get(c2, empty)
                bi23, bi12 = bigrams[c2 + c3], bigrams[c1 + c2]
                tri = trigrams[c1 + c2 + c3]
                for s in range(4):
                    u = l1 * (uni3.get(s, 0) / total)
                    for key, p, path in now:
                        t1, t2 = key
                        skey = (t2, s)
                        if p == ninf or not u:
                            q = ninf
                        else:
                            n2 = uni2.get(t2, 0)
                            b = (l2 * bi23.get(t2 * 4 + s, 0)) / n2 if n2 else 0
                            n12 = bi12.get(t1 * 4 + t2, 0)
                            t = (l3 * tri.get(t1 * 16 + t2 * 4 + s, 0)) / n12 if n12 else 0
                            q = p + log(u + b + t)
                        old = stage.get(skey)
                        if old is None or q > old[0]:
                            stage[skey] = (q, (s, path))
            now = [(key, value[0], value[1]) for key, value in stage.items()]
            c1, c2 = c2, c3
        if keep_states:
            return [(key, p) for key, p, _ in now]
        path = max(now, key=lambda state: state[1])[2]
        tags = []
        while path is not None:
            tags.append(path[0])
            path = path[1]
        tags.reverse()
        return tags
