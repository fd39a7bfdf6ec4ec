"""Peak memory of `newsclean clean DIR -f jsonl > /dev/null` as the number of inputs grows.

    python bench/bench_many_files.py [--counts 1000 10000 100000] [--jobs 1 2]

Each count gets a folder of tiny dumps (a headline, a date line, two short paragraphs,
every file different). Every run happens under a fresh Python process that reports
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss: the peak resident size of the largest
process of the run (the parent, or one of its workers), so runs do not blur each other.
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

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(json.dumps({"rc": done.returncode, "seconds": time.perf_counter() - start,
                  "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "stderr": done.stderr.decode("utf-8", "replace")[-300:]}))
"""

_WORDS = "经济 城市 交通 学校 医院 公园 图书馆 地铁 市场 社区 天气 比赛 企业 农业 文化 科技".split()


def make_files(folder: Path, count: int) -> None:
    """Tiny files, each with lines of its own, so the batch statistics see real variety."""
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir()
        a, b = _WORDS[i % 16], _WORDS[(i // 16) % 16]
        text = (f"第{i}号{a}简讯：{b}工作有新进展\n2024-05-{i % 28 + 1:02d} 09:00 来源：测试日报\n"
                f"记者从有关部门获悉，本市{a}领域第{i}项{b}工作已于近日顺利完成，相关情况良好。\n"
                f"据介绍，这项工作共涉及{i % 97 + 3}个单位，下一步将继续推进第{i + 1}项工作。\n")
        (sub / f"{i:06d}.txt").write_text(text, encoding="utf-8")


def measure(folder: Path, jobs: int, src: Path) -> dict:
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "newsclean", "clean",
           str(folder), "-r", "-f", "jsonl", "-q", "--jobs", str(jobs)]
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the source tree to run (default: this checkout's src/)")
    args = parser.parse_args()
    print(f"{'files':>8} {'jobs':>4} {'seconds':>8} {'peak RSS':>10}")
    for count in args.counts:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            make_files(Path(tmp), count)
            made = time.perf_counter() - start
            for jobs in args.jobs:
                r = measure(Path(tmp), jobs, args.src)
                status = "" if r["rc"] == 0 else f"  exit {r['rc']}: {r['stderr'].strip()}"
                print(f"{count:>8} {jobs:>4} {r['seconds']:>8.1f} {r['peak_kb'] / 1024:>8.1f} MB"
                      f"{status}", flush=True)
            print(f"{'':>8} (made the files in {made:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
