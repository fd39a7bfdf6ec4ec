"""How much --jobs 2 gains over --jobs 1 for `newsclean summarize DIR`.

    python bench/bench_jobs.py [--files 300] [--repeat 3] [--dumps DIR]

Generates a folder of article dumps (sentences of the example stories shuffled into
new articles of about the length of a portal page's, each wrapped in a portal's header
and footer), or takes the dumps in DIR, then times the command with each --jobs
value, best of --repeat interleaved runs, output to /dev/null.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "data" / "digest" / "stories"
PORTALS = ROOT / "tests" / "data" / "digest" / "portals"


def sentences() -> list[str]:
    out = []
    for path in sorted(STORIES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 2)[2]
        if body.isascii():
            continue
        for para in body.split("\n"):
            out += [s + "。" for s in para.split("。") if s.strip()]
    return out


def make_dumps(folder: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    pool = sentences()
    portals = [p.read_text(encoding="utf-8") for p in sorted(PORTALS.glob("*.txt"))
               if not p.read_text(encoding="utf-8").isascii()]
    for i in range(count):
        # About the size of a real portal page saved as text (some 10 kB).
        paras = ["".join(rng.sample(pool, rng.randint(2, 5))) for _ in range(rng.randint(10, 24))]
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:00"
        body = f"{paras[0][:24]}\n{day} 来源：测试日报\n" + "\n".join(paras) + "\n"
        text = rng.choice(portals).replace("{body}\n", body)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")


# Runs the command in a child that reports its own CPU time and its workers' apart:
# the other processes of a shared machine change the wall time, not these.
_RUN = """
import json, resource, sys, time
from newsclean.cli import app
start = time.perf_counter()
try:
    app(prog_name="newsclean", args=sys.argv[1:])
except SystemExit:
    pass
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(json.dumps({"wall": time.perf_counter() - start,
                             "parent": own.ru_utime + own.ru_stime,
                             "workers": workers.ru_utime + workers.ru_stime}))
"""


def timed(folder: Path, jobs: int, extra: list[str], src: Path) -> dict:
    cmd = [sys.executable, "-c", _RUN, "summarize", str(folder), "-f", "jsonl", "-q",
           "--jobs", str(jobs), *extra]
    env = dict(os.environ, PYTHONPATH=str(src))
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True,
                          env=env)
    run = json.loads(done.stderr.decode().strip().splitlines()[-1])
    run["total"] = time.perf_counter() - start          # with interpreter start and imports
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the source tree to run (default: this checkout's src/)")
    parser.add_argument("--dumps", type=Path, help="time on the dumps in this folder instead")
    args = parser.parse_args()
    # Other processes on the machine take CPUs from the workers: say how busy it was.
    print(f"usable CPUs: {len(os.sched_getaffinity(0))}, load average before: "
          f"{os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dumps or Path(tmp)
        if args.dumps is None:
            make_dumps(folder, args.files)
        files = [p for p in folder.iterdir() if p.is_file()]
        print(f"{len(files)} dumps, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")
        for label, extra in (("batch learning", []), ("--independent", ["--independent"])):
            # Interleaved, so that a busy spell of the machine hits both alike.
            runs: dict[int, list[dict]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for jobs in (1, 2):
                    runs[jobs].append(timed(folder, jobs, extra, args.src))
            best = {jobs: min(r, key=lambda run: run["total"]) for jobs, r in runs.items()}
            for jobs, r in best.items():
                print(f"{label:15s} jobs {jobs}: {r['total']:6.2f} s  (parent CPU "
                      f"{r['parent']:5.2f} s, workers CPU {r['workers']:5.2f} s)")
            print(f"{label:15s} speedup {best[1]['total'] / best[2]['total']:.2f}x "
                  f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
