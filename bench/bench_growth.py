"""Does any stage grow faster than its input? Times every stage at 1x and 10x input
and prints the ratio (target: at most 15 for 10 times the input), then the peak memory
of whole runs over a 50 MB dump, and a 50 MB feed read as a file and piped in (target:
at most 10 times its size).

    PYTHONPATH=src python bench/bench_growth.py [--quick] [--mb 50]

A plain script, not a test: it takes a minute or two, the suite must stay fast.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from newsclean import Options  # noqa: E402
from newsclean.article import Article  # noqa: E402
from newsclean.pipeline import STAGES, STAGES_FOR  # noqa: E402

PARAGRAPH = ("国务院总理今天在北京会见了来访的外国代表团，双方就经贸合作等问题交换了意见。"
             "会谈在友好的气氛中进行，双方同意继续加强在科技、教育和文化领域的交流。\n")
FURNITURE = "首页 新闻 体育 财经\n2024-03-01 10:00 来源：新华社\n点赞() 分享到：微博 微信\n"
LIMIT_RATIO, LIMIT_MEMORY = 15.0, 10.0


def article(units: int) -> str:
    """A page: a headline, furniture, and `units` paragraphs (about 100 characters each)."""
    return "北京会见外国代表团\n" + FURNITURE + PARAGRAPH * units + FURNITURE


def no_punctuation(units: int) -> str:
    return "无标点的一行文字" * (units * 12)   # one line, as long as the article


def deep_html(units: int) -> str:
    depth = units              # 1,000 deep at 1x, 10,000 at 10x by default
    return (f"<html><head><title>深</title></head><body>{'<div>' * depth}"
            f"<p>{PARAGRAPH}</p>{'</div>' * depth}</body></html>")


def timed(fn: Callable[[], object], budget: float = 0.5) -> float:
    """Best of several runs (at least 3, more while they are quick), so a slow start
    (imports, caches) or a busy neighbour does not count."""
    fn()
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < 3 or (spent < budget and runs < 50):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1
    return best


def stage_runner(command: str, stage: str, raw: str) -> Callable[[], object]:
    """Runs `stage` on a document already taken through the stages before it."""
    options = Options(command=command, to="traditional")
    # The analysis stages get the whole input (clean=False): the cleaner drops a line
    # without punctuation, and they would be timed on nothing.
    before = options if stage == "clean" else Options(command=command, clean=False)
    doc = Article(path="bench", raw=raw)
    for name in STAGES_FOR[command]:
        if name == stage:
            break
        doc = STAGES[name](doc, before)
    snapshot = dict(vars(doc))

    def run():
        fresh = Article(**{k: (list(v) if isinstance(v, list) else v) for k, v in snapshot.items()})
        return STAGES[stage](fresh, options)
    return run


def decode_runner(raw: str) -> Callable[[], object]:
    from newsclean.sources import decode_bytes
    data = raw.encode("gb18030")            # the slow path: not UTF-8
    return lambda: decode_bytes(data, "bench")


def stream_runner(raw: str, encoding: str = "utf-8") -> Callable[[], object]:
    """Streaming as `convert` does, in small chunks: a line longer than a chunk must not
    be re-read for each chunk."""
    from newsclean.sources import Input, stream_lines
    fd, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(fd, "wb") as fh:
        fh.write(raw.encode(encoding))
    return lambda: sum(1 for _ in stream_lines(Input(path), chunk_size=1 << 14))


def growth(units: int, quick: bool) -> list[tuple[str, str, float, float]]:
    rows = []
    inputs = {"article": article, "no punctuation": no_punctuation, "deep html": deep_html}
    plan = [("decode", None), ("stream", None), ("clean", "summarize"), ("detect", "summarize"),
            ("keywords", "summarize"), ("summarize", "summarize"), ("convert", "summarize"),
            ("verbatim", "convert")]
    for label, make in inputs.items():
        for stage, command in plan:
            small, large = make(units), make(units * 10)
            try:
                if stage == "decode":
                    t1, t10 = timed(decode_runner(small)), timed(decode_runner(large))
                elif stage == "stream":
                    t1, t10 = timed(stream_runner(small)), timed(stream_runner(large))
                else:
                    t1 = timed(stage_runner(command, stage, small))
                    t10 = timed(stage_runner(command, stage, large))
            except Exception as exc:  # a stage not written yet, or one that breaks
                print(f"  {label:15} {stage:10} skipped: {type(exc).__name__}: {exc}"[:120])
                continue
            rows.append((label, stage, t1, t10))
            flag = "" if t10 <= LIMIT_RATIO * max(t1, 1e-4) else "  <-- grows too fast"
            print(f"  {label:15} {stage:10} {len(small):>9,} chars {t1 * 1000:9.1f} ms   "
                  f"x10: {t10 * 1000:9.1f} ms   ratio {t10 / max(t1, 1e-6):5.1f}{flag}", flush=True)
            if quick and stage == "clean":
                break
    return rows


def peak_memory(megabytes: int, commands: list[tuple[str, list[str]]]) -> None:
    """Peak memory of whole runs, each over a file of `megabytes`: "text" is one dump,
    "feed" a JSONL file of 4 KB records, "feed on stdin" that file piped in."""
    with tempfile.TemporaryDirectory() as tmp:
        files = {"text": Path(tmp) / "big.txt", "feed": Path(tmp) / "big.jsonl"}
        chunk = (article(200) * 4).encode("utf-8")
        record = (json.dumps({"text": article(12)}, ensure_ascii=False) + "\n").encode("utf-8")
        for kind, piece in (("text", chunk), ("feed", record)):
            with open(files[kind], "wb") as fh:
                while fh.tell() < megabytes << 20:
                    fh.write(piece)
        size = files["text"].stat().st_size
        print(f"\npeak memory over a {size / 2**20:.0f} MB file "
              f"(target: at most {LIMIT_MEMORY:.0f}x, {LIMIT_MEMORY * size / 2**20:.0f} MB):")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
        for kind, args in commands:
            # VmHWM is this process's own peak; ru_maxrss would carry the peak of the
            # process it was forked from (this one) across the exec.
            code = ("import runpy, sys; sys.argv = ['newsclean'] + sys.argv[1:]\n"
                    "try:\n    runpy.run_module('newsclean', run_name='__main__')\n"
                    "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
                    "peak = next(l.split()[1] for l in open('/proc/self/status') "
                    "if l.startswith('VmHWM'))\n"
                    "sys.stderr.write(f'@@{peak}@@{code}\\n')")
            big = files["feed" if kind.startswith("feed") else "text"]
            piped = kind.endswith("stdin")
            start = time.perf_counter()
            with open(big, "rb") as stdin:
                proc = subprocess.run([sys.executable, "-c", code, *args,
                                       *([] if piped else [str(big)]), "-q", "-j", "1",
                                       "-o", str(Path(tmp) / "out")], env=env,
                                      stdin=stdin if piped else subprocess.DEVNULL,
                                      capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            label = f"{' '.join(args)} ({kind})"
            tail = proc.stderr.rsplit("@@", 2)
            if len(tail) < 3:
                print(f"  {label:44} failed: {proc.stderr.strip()[-200:]}")
                continue
            peak = int(tail[1]) * 1024          # in KiB
            verdict = "ok" if peak <= LIMIT_MEMORY * size else "TOO MUCH"
            print(f"  {label:44} exit {tail[2].strip():>3}  {elapsed:6.1f} s  "
                  f"peak {peak / 2**20:7.0f} MB = {peak / size:4.1f}x  {verdict}", flush=True)
            (Path(tmp) / "out").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000,
                        help="size of the 1x input, in paragraphs of about 100 characters")
    parser.add_argument("--mb", type=int, default=50, help="size of the large file")
    parser.add_argument("--quick", action="store_true", help="decode and clean only")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    print(f"time per stage, 1x and 10x input (target: ratio at most {LIMIT_RATIO:.0f}):")
    growth(args.units, args.quick)
    if not args.no_memory:
        peak_memory(args.mb, [("text", ["convert", "--to", "traditional"]),
                              ("text", ["convert", "--to", "traditional", "-f", "jsonl"]),
                              ("text", ["clean", "-f", "jsonl"]),
                              ("text", ["summarize", "-f", "jsonl"]),
                              ("feed", ["clean", "-f", "jsonl"]),
                              ("feed on stdin", ["clean", "-f", "jsonl"])])


if __name__ == "__main__":
    main()
