"""Many inputs through the pipeline: discovery, the batch-learning pass, processing,
error accounting and output. Every input ends up written or reported; none is lost.

The inputs are any iterable that gives the same inputs on every pass (a list, or a
sources.Discovered that walks the folders again): a run goes over them twice (learning,
then processing) and never holds them all.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from .article import Article
from .errors import NewscleanError, StageError
from .options import Options
from .output import FolderWriter
from .pipeline import process
from .render import RENDERERS, failure_record, render_failure
from .sources import (Failure, Input, holds_jsonl, keep_pipe, read_bytes, relative_name,
                      spool_pipe, stream_jsonl, stream_lines, to_documents)


@dataclass
class Tally:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    inputs: int = 0                     # inputs met, a JSONL file counting once
    errors: list[NewscleanError] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped"

    def fail(self, error: NewscleanError, on_error: "ErrorHook | None" = None) -> None:
        self.failed += 1
        self.errors.append(error)
        if on_error:
            on_error(error)


# The inputs of a run: any iterable that gives the same inputs on every pass.
Inputs = Iterable[Input | Failure]

# Called with each expected error as it happens, so the CLI can report it at once.
ErrorHook = Callable[[NewscleanError], None]


def documents_of(item: Input, options: Options) -> Iterator[Article | Failure]:
    """Read and decode one input; an input that cannot be read becomes a Failure."""
    try:
        if item.data is None and holds_jsonl(item, options.input_format):
            yield from stream_jsonl(item, options.encoding)     # a large feed, a piece at a time
        else:
            yield from to_documents(item, read_bytes(item), options.encoding,
                                    options.input_format)
    except NewscleanError as exc:
        yield Failure(exc.path, exc, whole=True)


def learn(items: Inputs, options: Options):
    """First pass of a dependent run: what lines repeat across the run's documents.
    None when the run learns nothing (one input, --independent, --no-clean, convert).
    With options.jobs > 1 the workers read, decode and key the inputs; the counting
    stays here, in input order, so the result is the same as a serial pass."""
    if not needs_learning(items, options):
        return None
    from .clean import learn_keyed

    def kept() -> Iterator[Input | Failure]:
        for item in items:
            if isinstance(item, Input) and item.is_pipe:
                keep_pipe(item)        # read now, and again by the processing pass
            yield item

    def documents() -> Iterator[list]:
        for keyed in in_order(kept(), learnable_of, _learned_nothing, options, options.jobs,
                              chunk_max=_LEARN_CHUNK_MAX):
            yield from keyed

    return learn_keyed(documents())


def learnable_of(item: Input | Failure, options: Options, batch=None) -> list[list]:
    """Each document of one input as learning counts it. An input that cannot be read
    teaches nothing here; the processing pass reports it."""
    if isinstance(item, Failure):
        return []
    from .clean import learnable_lines
    return [learnable_lines(doc.raw) for doc in documents_of(item, options)
            if isinstance(doc, Article)]


def _learned_nothing(item: Input, message: str) -> list[list]:
    # Its worker died on this input: it teaches nothing, and the processing pass meets
    # it again and reports it.
    return []


def needs_learning(items: Inputs, options: Options) -> bool:
    if options.independent or not options.clean or options.command == "convert":
        return False
    first, _ = _peek_inputs(items, 2)
    return len(first) > 1 or any(holds_jsonl(i, options.input_format) for i in first)


def _peek_inputs(items: Iterable, n: int) -> tuple[list, Iterator]:
    """The first n inputs (or records: what there is work for; fewer if there are
    fewer), read no further than needed, and all the items: one pass over them, not a
    second walk of the folders."""
    rest = iter(items)
    seen: list = []
    first: list = []
    for item in rest:
        seen.append(item)
        if isinstance(item, (Input, Part)):        # something to work on
            first.append(item)
            if len(first) == n:
                break
    return first, chain(seen, rest)


def convert_streams(items: Inputs, options: Options, writer,
                    on_error: ErrorHook | None = None,
                    on_progress: Callable[[], None] | None = None) -> Tally:
    """`convert` to text: each input streamed line by line, so memory stays flat
    however large the file. A --to target is reached from the script of the input's
    first lines, as for the other formats (Traditional text is not rewritten into
    OpenCC's own Traditional)."""
    from .convert import convert_chunks, detect_script, resolve_config
    tally = Tally()
    for item in items:
        tally.inputs += 1
        error = item.error if isinstance(item, Failure) else None
        if isinstance(item, Input):
            writer.start_input(relative_name(item))
            try:
                lines = stream_lines(item, options.encoding)
                script = None
                if options.config is None:
                    head, lines = _peek_lines(lines, _SCRIPT_SAMPLE)
                    script = detect_script("".join(head))
                config = resolve_config(options.to, options.config, script)
                pieces = (convert_chunks(lines, config, options.tofu_risk) if config
                          else lines)
                for piece in pieces:
                    writer.write_raw(piece)
            except NewscleanError as exc:
                error = exc
            writer.end_input(ok=error is None)
        if error is None:
            tally.ok += 1
        else:
            tally.fail(error, on_error)
        if on_progress:
            on_progress()
    return tally


# Characters of a streamed input whose script decides the config of a --to target.
_SCRIPT_SAMPLE = 1 << 16


def _peek_lines(lines: Iterator[str], chars: int) -> tuple[list[str], Iterator[str]]:
    """The first lines, up to about `chars` characters, and all the lines."""
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= chars:
            break
    return head, chain(head, lines)


@dataclass
class Result:
    """One input and what became of it: its documents (processed) or failures, in order.
    A JSONL input comes back in parts, one per record, so that its records are written
    as they are done: `first` and `last` say which part of its input this is."""
    item: Input | Failure
    docs: list[Article | Failure] = field(default_factory=list)
    first: bool = True
    last: bool = True


@dataclass
class Part:
    """One record of a JSONL input, read by the run and processed like an input (by a
    worker, with --jobs): the records of one large file are shared out and stream out."""
    item: Input
    doc: Article | Failure
    first: bool
    last: bool


def _processed(doc: Article | Failure, options: Options, batch) -> Article | Failure:
    if isinstance(doc, Failure):
        return doc
    try:
        return process(doc, options, batch)
    except NewscleanError as exc:
        return Failure(doc.path, exc, doc.extra)


def process_input(item: Input | Failure | Part, options: Options, batch=None) -> Result:
    """Read, decode and process one input (or one record of it). Never raises for a bad
    input: every problem becomes a Failure in the result, so a batch can always account
    for it."""
    if isinstance(item, Failure):
        return Result(item)
    if isinstance(item, Part):
        return Result(item.item, [_processed(item.doc, options, batch)], item.first, item.last)
    return Result(item, [_processed(doc, options, batch) for doc in documents_of(item, options)])


def _crashed(item: Input | Part, message: str) -> Result:
    if isinstance(item, Part):
        return Result(item.item, [Failure(item.doc.path, StageError(item.doc.path, message),
                                          item.doc.extra)], item.first, item.last)
    return Result(Failure(item.path, StageError(item.path, message)))


def _records_apart(items: Inputs, options: Options) -> Iterator[Input | Failure | Part]:
    """The inputs, each JSONL input as its records, read one after another."""
    for item in items:
        if isinstance(item, Input) and holds_jsonl(item, options.input_format):
            pending, first = None, True
            for doc in documents_of(item, options):
                if pending is not None:
                    yield Part(item, pending, first, False)
                    first = False
                pending = doc
            if pending is not None:
                yield Part(item, pending, first, True)
        else:
            yield item


def results(items: Inputs, options: Options, jobs: int = 1,
            batch=None) -> Iterator[Result]:
    """Every input's Result, in input order (a JSONL input's in parts), computed by
    `jobs` processes. At most a few inputs per worker are in flight, so memory does not
    grow with the number of inputs, nor with the records of a JSONL file."""
    return in_order(_records_apart(items, options), process_input, _crashed, options, jobs,
                    batch)


# What a worker does with one input: work(item, options, batch). A module-level
# function, so that it reaches spawned workers by name.
Work = Callable[[Input | Failure, Options, object], object]
# What stands for an input whose worker died: crashed(item, message).
Crashed = Callable[[Input, str], object]

# Worker processes keep what they load (models, converters) for the whole run: the
# work, the options and the batch statistics are sent once, when the worker starts.
_worker_state: tuple[Work, Options, object] | None = None


def _init_worker(work: Work, options: Options, batch) -> None:
    import signal
    global _worker_state
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    _worker_state = (work, options, batch)


def _work(chunk: list[Input]) -> list:
    assert _worker_state is not None
    work, options, batch = _worker_state
    return [work(item, options, batch) for item in chunk]


# Inputs go to the workers in chunks: one task per tiny file costs the parent more in
# pickling and queueing than the file costs a worker, and made --jobs 2 slower than
# --jobs 1 (100,000 small dumps: 70 s against 37 s). Chunks stay small enough to
# share the work evenly and to keep few results in flight.
_CHUNK_MAX = 16
# The learning pass sends back line keys, not documents, and takes a worker a fraction
# of the time processing does: larger chunks keep the parent's cost per task in
# proportion (10,000 small dumps: 0.1 s less CPU in the parent and as much in the
# workers), and the results in flight stay small.
_LEARN_CHUNK_MAX = 64


def _chunks(items: Iterable, jobs: int, most: int = _CHUNK_MAX) -> Iterator[list]:
    """Consecutive runs of `items`, each a share of what is left (at most `most`), read
    a few chunks ahead. The last ones are small: with equal chunks to the end, a worker
    sat idle while another finished a last full chunk (300 dumps: 50 ms of a 1 s run)."""
    rest = iter(items)
    reach = most * jobs * 2             # beyond this, every chunk is `most` long
    ahead = list(islice(rest, reach))
    while ahead:
        size = most if len(ahead) == reach else max(1, min(most, len(ahead) // (jobs * 2)))
        yield ahead[:size]
        ahead = ahead[size:]
        ahead.extend(islice(rest, size))


def in_order(items: Inputs, work: Work, crashed: Crashed, options: Options,
             jobs: int = 1, batch=None, chunk_max: int = _CHUNK_MAX) -> Iterator:
    """work(item, options, batch) for every item, in input order, computed by `jobs`
    processes in chunks of up to `chunk_max` inputs. At most a few chunks per worker are
    in flight, so memory does not grow with the number of inputs. A worker that dies
    (out of memory, a crash in a C library) takes only its own input down: the chunks
    in flight go to new workers, and the one that was being collected is done again an
    input at a time, each alone, so that the input that kills a worker gives
    crashed(item, message) and the others their results."""
    first, items = _peek_inputs(items, 2)
    if jobs <= 1 or len(first) <= 1:
        for item in items:
            yield work(item, options, batch)
        return
    from collections import deque

    workers = _Workers(jobs, work, options, batch)
    window = jobs * 4
    pending: deque = deque()        # [chunk, inputs sent, future, the pool it went to]

    def collect() -> Iterator:
        from concurrent.futures.process import BrokenProcessPool
        chunk, todo, future, pool = pending.popleft()
        try:
            done = future.result() if future is not None else []
        except BrokenProcessPool:           # a worker died: this input or another
            workers.replace(pool)
            for entry in pending:           # in flight in the dead pool: sent again
                if entry[3] is pool and not _succeeded(entry[2]):
                    entry[2], entry[3] = workers.submit(entry[1])
            done = workers.each_alone(todo, crashed)
        except Exception:                   # the work raised: for which input?
            done = workers.each_alone(todo, crashed)
        worked = iter(done)
        for item in chunk:
            # Failures found before the run (a missing path) never went to a worker.
            yield next(worked) if isinstance(item, (Input, Part)) else work(item, options, batch)

    try:
        for chunk in _chunks(items, jobs, chunk_max):
            todo = [i for i in chunk if isinstance(i, (Input, Part))]
            for item in todo:               # workers cannot read our stdin: its copy
                if isinstance(item, Input) and item.is_pipe:
                    spool_pipe(item)
            future, pool = workers.submit(todo) if todo else (None, None)
            pending.append([chunk, todo, future, pool])
            while len(pending) >= window:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        workers.close()


def _succeeded(future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _Workers:
    """The worker processes of a run: a pool, replaced by a new one when a worker of
    it dies, and a pool of one for inputs done alone."""

    def __init__(self, jobs: int, work: Work, options: Options, batch) -> None:
        import multiprocessing
        self.forks = "fork" in multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if self.forks else "spawn")
        self.jobs = jobs
        self.initargs = (work, options, batch)
        self.pool = None

    def _new_pool(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(jobs, mp_context=self.context, initializer=_init_worker,
                                   initargs=self.initargs)

    def submit(self, todo: list[Input]):
        """The future of the chunk's results, and the pool it went to."""
        from concurrent.futures.process import BrokenProcessPool
        if self.pool is not None:
            try:
                return self.pool.submit(_work, todo), self.pool
            except BrokenProcessPool:
                self.replace(self.pool)
        self.pool = self._new_pool(self.jobs)
        # A new pool's first task forks its workers.
        with _heap_frozen(self.forks):
            return self.pool.submit(_work, todo), self.pool

    def replace(self, pool) -> None:
        """pool is dead: the next chunks go to a new one."""
        if pool is self.pool:
            pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def each_alone(self, todo: list[Input], crashed: Crashed) -> list:
        """The results of todo, one input at a time in a pool of one worker, which is
        replaced when an input kills it."""
        from concurrent.futures.process import BrokenProcessPool
        results = []
        alone = None
        try:
            for item in todo:
                if alone is None:
                    alone = self._new_pool(1)
                try:
                    results.append(alone.submit(_work, [item]).result()[0])
                except BrokenProcessPool:
                    results.append(crashed(item, "its worker process died (killed, out of "
                                                 "memory, or a crash in a library)"))
                    alone.shutdown(wait=False, cancel_futures=True)
                    alone = None
                except Exception as exc:    # the work raised; the worker lives on
                    results.append(crashed(item, f"worker failed: {type(exc).__name__}: {exc}"))
        finally:
            if alone is not None:
                alone.shutdown(wait=True, cancel_futures=True)
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


@contextmanager
def _heap_frozen(active: bool) -> Iterator[None]:
    """Hide this process's objects from the garbage collector while workers fork from it.
    A collection writes to every object it tracks, so a forked worker's full collection
    copied the pages it shared with the parent (15-35 ms of a worker's 0.6 s on 300
    dumps); the workers' collections leave frozen objects alone. Here they are tracked
    again as soon as the workers exist."""
    if not active:
        yield
        return
    import gc
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run(items: Inputs, options: Options, writer,
        on_error: ErrorHook | None = None, on_progress: Callable[[], None] | None = None,
        render: Callable[[Article, Options], str] | None = None) -> Tally:
    """Process every input and hand each rendered document to `writer`, in input order."""
    if options.command == "convert" and options.format == "text":
        return convert_streams(items, options, writer, on_error, on_progress)
    render = render or RENDERERS[options.format]
    tally = Tally()
    if options.skip_existing and isinstance(writer, FolderWriter):
        items = _WithoutOutput(items, writer)
    batch = learn(items, options)

    def fail(failure: Failure, whole_input: bool) -> None:
        tally.fail(failure.error, on_error)
        if whole_input and not writer.records_failures:
            return
        rendered = render_failure(failure_record(failure.path, failure.error.kind,
                                                 failure.error.message, failure.extra),
                                  options.format)
        if rendered is not None:
            writer.add(rendered)

    whole = True            # set at each input's first part
    for result in results(items, options, options.jobs, batch):
        item = result.item
        if result.first:
            tally.inputs += 1
        if isinstance(item, Failure):
            fail(item, whole_input=True)
        else:
            if result.first:
                # A failure inside a JSONL file is one record among others; a failure of
                # a plain input, or of a JSONL file that cannot be read at all, is the
                # whole input, and leaves no output file behind.
                whole = not holds_jsonl(item, options.input_format)
                writer.start_input(relative_name(item))
            for doc in result.docs:
                if isinstance(doc, Failure):
                    fail(doc, whole_input=whole or doc.whole)
                else:
                    writer.add(render(doc, options))
                    tally.ok += 1
            if result.last:
                writer.end_input(ok=not any(isinstance(d, Failure) and (whole or d.whole)
                                            for d in result.docs))
        if on_progress and result.last:
            on_progress()
    if isinstance(items, _WithoutOutput):
        tally.skipped = items.skipped
        tally.inputs += items.skipped
    return tally


class _WithoutOutput:
    """The inputs whose output file does not exist yet (--skip-existing), on every pass;
    `skipped` counts the others of the last pass."""

    def __init__(self, items: Inputs, writer: FolderWriter) -> None:
        self.items, self.writer, self.skipped = items, writer, 0

    def __iter__(self) -> Iterator[Input | Failure]:
        self.skipped = 0
        for item in self.items:
            if isinstance(item, Input) and self.writer.target_for(relative_name(item)).exists():
                self.skipped += 1
            else:
                yield item
