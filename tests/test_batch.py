"""Many inputs at once: the learning pass and the processing pass give the same results
in worker processes as in this one, and every input is accounted for."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsclean import batch
from newsclean.batch import _chunks, learn, learnable_of, results
from newsclean.clean import learn_batch
from newsclean.errors import ReadError
from newsclean.options import Options
from newsclean.sources import Failure, Input, discover

# Chinese and English dumps of several portals (one story syndicated to two of them, one
# file in GB18030, one in Traditional), a JSONL feed with a broken record, an empty file
# and a PDF: what a real folder of dumps holds.
BATCH = Path(__file__).parent / "data" / "batch"


def batch_items() -> list:
    items = list(discover([str(BATCH), str(BATCH / "missing.txt")]))
    items.insert(4, Failure("gone.txt", ReadError("gone.txt", "no such file or directory")))
    return items


@pytest.mark.parametrize("command", ["clean", "summarize"])
def test_parallel_learning_counts_what_serial_learning_counts(command):
    items = batch_items()
    serial = learn(items, Options(command=command, jobs=1))
    parallel = learn(items, Options(command=command, jobs=2))
    assert parallel.documents == serial.documents == 10     # 8 files and 2 JSONL records
    assert parallel.counts == serial.counts
    # The syndicated story is a copy, not furniture; the portal's footer is furniture.
    race = (BATCH / "01_race_qianjiang.txt").read_text(encoding="utf-8").split("\n")
    assert parallel.repeats(race[5]) == 0 and parallel.repeats(race[-2]) >= 2


def test_learning_in_order_matches_learning_from_the_texts():
    # What the workers send back, counted in input order, is what the one-pass
    # learner makes of the decoded texts: copy detection depends on that order.
    items = batch_items()
    options = Options(command="clean", jobs=2)
    texts = [doc.raw for item in items if not isinstance(item, Failure)
             for doc in _articles(item, options)]
    assert learn(items, options).counts == learn_batch(texts).counts
    assert learn(list(reversed(items)), options).counts == learn_batch(texts[::-1]).counts


def _articles(item, options):
    from newsclean.article import Article
    from newsclean.batch import documents_of
    return [d for d in documents_of(item, options) if isinstance(d, Article)]


def test_an_input_that_cannot_be_read_teaches_nothing():
    options = Options(command="clean")
    assert learnable_of(Failure("gone.txt", ReadError("gone.txt", "gone")), options) == []
    assert learnable_of(next(discover([str(BATCH / "10_empty.txt")])), options) == []
    assert len(learnable_of(next(discover([str(BATCH / "09_feed.jsonl")])), options)) == 2


@pytest.mark.parametrize("command", ["clean", "summarize"])
def test_two_workers_write_what_one_process_writes(cli, command):
    runs = [cli([command, BATCH, BATCH / "missing.txt", "-f", "jsonl", "-j", jobs])
            for jobs in ("1", "2")]
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr == runs[1].stderr
    assert runs[0].exit_code == runs[1].exit_code == 1
    assert runs[1].stderr_lines()[-1] == "10 ok, 4 failed, 0 skipped"
    failed = [r["path"] for r in runs[1].records if "error" in r]
    assert [Path(p).name for p in failed] == ["09_feed.jsonl:2", "10_empty.txt",
                                              "11_report.txt", "missing.txt"]


def test_parallel_results_come_back_in_input_order_a_jsonl_input_in_records():
    items = batch_items()
    options = Options(command="clean")

    def outline(jobs):
        return [(r.item.path, [d.path for d in r.docs], r.first, r.last)
                for r in results(items, options, jobs)]
    serial = outline(1)
    assert outline(2) == serial
    assert [path for path, _, _, last in serial if last] == [i.path for i in items]
    feed = [(docs, first, last) for path, docs, first, last in serial
            if path.endswith("09_feed.jsonl")]
    assert [(first, last) for _, first, last in feed] == [(True, False), (False, False),
                                                          (False, True)]
    assert [Path(d).name for docs, _, _ in feed for d in docs] == [
        "09_feed.jsonl:1", "09_feed.jsonl:2", "09_feed.jsonl:3"]


@pytest.mark.parametrize("count", [0, 1, 2, 7, 16, 33, 300, 5000])
@pytest.mark.parametrize("jobs", [2, 3, 8])
def test_chunks_cover_the_inputs_in_order_and_shrink_at_the_end(count, jobs):
    items = list(range(count))
    chunks = list(_chunks(items, jobs))
    assert [i for chunk in chunks for i in chunk] == items
    assert all(1 <= len(chunk) <= 16 for chunk in chunks)
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    if count >= 16 * jobs:
        assert sizes[-1] == 1



@pytest.mark.parametrize("count", [0, 1, 33, 5000])
def test_chunks_of_a_stream_are_those_of_a_list(count):
    # Inputs are walked, not held: chunking reads an iterator a few chunks ahead.
    assert list(_chunks(iter(range(count)), 2)) == list(_chunks(list(range(count)), 2))


def test_discovered_inputs_are_walked_again_on_every_pass(tmp_path):
    from newsclean.sources import Discovered, Input
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text("正文。\n", encoding="utf-8")
    items = Discovered([str(tmp_path), "-", str(tmp_path / "missing.txt")])
    first = [i.path for i in items]
    assert first == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-",
                     str(tmp_path / "missing.txt")]
    assert [i.path for i in items] == first and items.count() == 4
    (tmp_path / "c.txt").write_text("正文。\n", encoding="utf-8")
    assert items.count() == 5                       # nothing is held between passes
    stdin = [i for i in items if isinstance(i, Input) and i.is_stdin]
    assert stdin[0] is next(i for i in items if isinstance(i, Input) and i.is_stdin)


# A worker that dies (killed for memory, a crash in a C library) on one input.
_process_input = batch.process_input
_learnable_of = batch.learnable_of


def _dies_on_marked(work):
    def wrapped(item, options, batch_=None):
        if isinstance(item, Input) and "kills_worker" in item.path:
            os._exit(70)
        if isinstance(item, Input) and "raises" in item.path:
            raise RuntimeError("a bug")
        return work(item, options, batch_)
    return wrapped


def _folder_with_killers(tmp_path: Path, *marked: str) -> Path:
    dumps = sorted(p for p in BATCH.iterdir() if p.suffix == ".txt")[:6]
    for i, dump in enumerate(dumps):
        name = f"{i:02d}_{marked[i]}.txt" if i < len(marked) and marked[i] else f"{i:02d}.txt"
        (tmp_path / name).write_bytes(dump.read_bytes())
    return tmp_path


def test_a_worker_that_dies_takes_only_its_own_input_down(cli, tmp_path, monkeypatch):
    folder = _folder_with_killers(tmp_path, "", "kills_worker", "", "", "raises")
    monkeypatch.setattr(batch, "process_input", _dies_on_marked(_process_input))
    monkeypatch.setattr(batch, "learnable_of", _dies_on_marked(_learnable_of))
    run = cli(["clean", folder, "-f", "jsonl", "-j", "2"])
    assert run.exit_code == 1
    assert run.stderr_lines()[-1] == "4 ok, 2 failed, 0 skipped"
    paths = [Path(r["path"]).name for r in run.records]
    assert paths == sorted(p.name for p in folder.iterdir())      # in input order
    failed = {Path(r["path"]).name: r["error"] for r in run.records if "error" in r}
    assert set(failed) == {"01_kills_worker.txt", "04_raises.txt"}
    assert "worker process died" in failed["01_kills_worker.txt"]["message"]
    assert failed["04_raises.txt"]["message"] == "worker failed: RuntimeError: a bug"
    # The others are what a run without the two gives.
    for name in failed:
        (folder / name).unlink()
    clean = cli(["clean", folder, "-f", "jsonl", "-j", "1"])
    assert [r for r in run.records if "error" not in r] == clean.records


def test_learning_loses_only_the_input_whose_worker_died(tmp_path, monkeypatch):
    folder = _folder_with_killers(tmp_path, "kills_worker", "", "", "kills_worker")
    monkeypatch.setattr(batch, "learnable_of", _dies_on_marked(_learnable_of))
    options = Options(command="clean", jobs=2)
    crashed = learn(list(discover([str(folder)])), options)
    for path in folder.glob("*kills_worker*"):
        path.unlink()
    serial = learn(list(discover([str(folder)])), Options(command="clean", jobs=1))
    assert crashed.documents == serial.documents == 4
    assert crashed.counts == serial.counts


def test_a_jsonl_input_streams_its_records(tmp_path, monkeypatch):
    """The first record of a large JSONL file is done, and can be written, before the
    others are processed."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(f'{{"id": {i}, "text": "第{i}条新闻。内容很短。"}}\n'
                            for i in range(50)), encoding="utf-8")
    processed = []
    real = batch.process
    monkeypatch.setattr(batch, "process",
                        lambda doc, options, b=None: processed.append(doc.path) or real(doc, options, b))
    stream = results([Input(str(feed))], Options(command="clean"), 1)
    first = next(stream)
    assert first.first and not first.last and [d.extra for d in first.docs] == [{"id": 0}]
    assert len(processed) == 1
    rest = list(stream)
    assert len(processed) == 50 and rest[-1].last
    assert [d.extra["id"] for r in rest for d in r.docs] == list(range(1, 50))
