"""Throughput and memory of `newsclean convert` on a generated multi-MB file.

    PYTHONPATH=src python bench/bench_convert.py [--mb 20] [--config s2t t2s ...] [--source FILE]

For each config: the whole command (`python -m newsclean convert FILE --config CFG`,
stdout to /dev/null, start-up included) in a child process, with its wall time, its
CPU time (what a shared machine disturbs least) and its peak RSS; then the library's
streaming converter alone, dictionaries loaded, in a child of its own. The text is
made of sentences in both scripts, shuffled, with line lengths like news paragraphs;
--source takes the lines of a real text instead (speed depends on the text).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

SENTENCES = [
    "国务院新闻办公室今天上午举行发布会，介绍前三季度经济运行情况。",
    "记者从市交通委员会了解到，地铁新线路将于年底开通试运营。",
    "专家表示，软件和硬件的协同发展是数字经济的关键。",
    "这家公司的鼠标、键盘和内存条销量同比增长百分之十二。",
    "台風來襲前，氣象局發布陸上警報，提醒民眾注意強風豪雨。",
    "立法會議員質詢政府，要求交代醫療開支與長者福利的安排。",
    "研究團隊發現，這種蛋白質與記憶形成有密切關係。",
    "Apple and Google reported earnings on Tuesday; 股价 rose 3.5%.",
    "他说：“我们会继续努力，让乡村的孩子也能上好学。”",
    "頭髮乾燥的人，冬天更要注意保濕。",
]


def make_file(path: str, megabytes: float, source: str | None = None, seed: int = 1) -> int:
    rng = random.Random(seed)
    if source:
        with open(source, encoding="utf-8") as f:
            lines = [line.rstrip("\r\n") for line in f if line.strip()]
    else:
        lines = ["".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 8)))
                 for _ in range(2000)]
    target = int(megabytes * 1e6)
    written = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        while written < target:
            line = rng.choice(lines)
            line += "\r\n" if rng.random() < 0.1 else "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
    return written


def run_command(path: str, config: str) -> None:
    size = os.path.getsize(path) / 1e6
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "newsclean", "convert", path,
                                  "--config", config], stdout=sink)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"newsclean convert exited with status {status}")
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{config:6} command {size:6.1f} MB  {size / wall:6.1f} MB/s wall  "
          f"{size / cpu:6.1f} MB/s CPU  peak RSS {usage.ru_maxrss / 1024:6.1f} MB")


def run_one(path: str, config: str) -> None:
    from newsclean.convert import convert_text, iter_convert

    convert_text("预热", config)   # load the dictionaries before timing
    size = os.path.getsize(path)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as src, open(os.devnull, "w", encoding="utf-8") as out:
        for line in iter_convert(src, config):
            out.write(line)
    elapsed = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{config:6} library {size / 1e6:6.1f} MB  {size / 1e6 / elapsed:6.1f} MB/s  "
          f"peak RSS {rss_after / 1024:6.1f} MB (after loading: {rss_before / 1024:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated file")
    parser.add_argument("--config", nargs="+", default=["s2t", "t2s", "s2twp", "tw2sp"])
    parser.add_argument("--source", help="a UTF-8 text whose lines make up the file")
    parser.add_argument("--file", help=argparse.SUPPRESS)   # used by the child processes
    args = parser.parse_args()
    if args.file:
        for config in args.config:
            run_one(args.file, config)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.txt")
        make_file(path, args.mb, args.source)
        for config in args.config:
            run_command(path, config)
            subprocess.run([sys.executable, __file__, "--file", path, "--config", config],
                           check=True)


if __name__ == "__main__":
    main()
