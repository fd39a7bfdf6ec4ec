"""Throughput of sentences, words, keywords and summary on 10k and 100k characters.

    PYTHONPATH=src python bench/bench_analysis.py [FILE]

FILE (UTF-8 text) is repeated to the lengths measured; without it the Chinese and the
English fixtures of the tests are. Time should grow at most linearly: the 100k rows should
take about 10 times the 10k ones, or less where the segmenter's caches help.
"""
from __future__ import annotations

import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean import keywords, segment, summarize  # noqa: E402


def sample(source: str, length: int) -> str:
    # After the first copy, each line's words are shuffled, so that repeats are not free
    # through the segmenter's cache of runs it has seen.
    lines = [line for line in source.splitlines() if line.strip()]
    pieces, size, n = [source], len(source), 1
    shuffle = random.Random(0).shuffle
    while size < length:
        shuffled = []
        for line in lines:
            parts = re.findall(r"\w+|\W+", line)
            shuffle(parts)
            shuffled.append("".join(parts))
        piece = "\n".join(shuffled)
        pieces.append(piece)
        size += len(piece)
        n += 1
    return "\n".join(pieces)[:length]


def timed(label: str, func, text: str) -> float:
    start = time.perf_counter()
    func(text)
    seconds = time.perf_counter() - start
    print(f"  {label:<22} {seconds:7.3f} s  {len(text) / seconds / 1000:8.1f} k chars/s")
    return seconds


def bench(source: str) -> None:
    totals = {}
    for length in (10_000, 100_000):
        text = sample(source, length)
        print(f"{length:,} characters:")
        totals[length] = sum([
            timed("split_sentences", segment.split_sentences, text),
            timed("words", lambda t: segment.words(t, None), text),
            timed("extract_keywords", lambda t: keywords.extract_keywords(t, 10), text),
            timed("summarize_text 3", lambda t: summarize.summarize_text(t, None, 3), text),
            timed("summarize_text 200c", lambda t: summarize.summarize_text(t, None, None, 200),
                  text),
        ])
    print(f"100k / 10k time: {totals[100_000] / totals[10_000]:.1f}")


def main() -> None:
    start = time.perf_counter()
    segment.words("预热", "zh")
    print(f"segmenter model opened in {time.perf_counter() - start:.3f} s")
    paths = ([Path(arg) for arg in sys.argv[1:]]
             or [ROOT / "tests/data/analysis_zh_news.txt", ROOT / "tests/data/analysis_en_news.txt"])
    for path in paths:
        print(f"== {path.name}")
        bench(path.read_text(encoding="utf-8", errors="replace"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
