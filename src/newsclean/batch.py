"""Many inputs through the pipeline: discovery, the batch-learning pass, processing,
error accounting and output. Every input ends up written or reported; none is lost.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from .article import Article
from .errors import NewscleanError
from .options import Options
from .pipeline import process
from .render import RENDERERS, failure_record, render_failure
from .sources import Failure, Input, read_bytes, relative_name, stream_lines, to_documents


@dataclass
class Tally:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[NewscleanError] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped"


# Called with each expected error as it happens, so the CLI can report it at once.
ErrorHook = Callable[[NewscleanError], None]


def documents_of(item: Input, options: Options,
                 stdin_cache: dict[str, bytes]) -> Iterator[Article | Failure]:
    """Read and decode one input; an input that cannot be read becomes a Failure."""
    try:
        data = read_bytes(item, stdin_cache)
        yield from to_documents(item, data, options.encoding, options.input_format)
    except NewscleanError as exc:
        yield Failure(exc.path, exc)


def learn(items: list[Input | Failure], options: Options, stdin_cache: dict[str, bytes]):
    """First pass of a dependent run: what lines repeat across the run's documents."""
    from .clean import learn_batch

    def raw_texts() -> Iterator[str]:
        for item in items:
            if isinstance(item, Input):
                for doc in documents_of(item, options, stdin_cache):
                    if isinstance(doc, Article):
                        yield doc.raw

    return learn_batch(raw_texts())


def needs_learning(items: list[Input | Failure], options: Options) -> bool:
    if options.independent or not options.clean or options.command == "convert":
        return False
    inputs = [i for i in items if isinstance(i, Input)]
    return len(inputs) > 1 or any(i.is_jsonl or options.input_format == "jsonl" for i in inputs)


def convert_streams(items: list[Input | Failure], options: Options, writer,
                    on_error: ErrorHook | None = None,
                    on_progress: Callable[[], None] | None = None) -> Tally:
    """`convert` to text: each input streamed line by line, so memory stays flat
    however large the file."""
    from .convert import iter_convert, resolve_config
    config = resolve_config(options.to, options.config)
    tally = Tally()
    for item in items:
        error = item.error if isinstance(item, Failure) else None
        if isinstance(item, Input):
            writer.start_input(relative_name(item))
            try:
                for piece in iter_convert(stream_lines(item, options.encoding), config):
                    writer.write_raw(piece)
            except NewscleanError as exc:
                error = exc
            writer.end_input(ok=error is None)
        if error is None:
            tally.ok += 1
        else:
            tally.failed += 1
            tally.errors.append(error)
            if on_error:
                on_error(error)
        if on_progress:
            on_progress()
    return tally


def run(items: list[Input | Failure], options: Options, writer,
        on_error: ErrorHook | None = None, on_progress: Callable[[], None] | None = None,
        render: Callable[[Article, Options], str] | None = None) -> Tally:
    """Process every input in order and hand each rendered document to `writer`."""
    if options.command == "convert" and options.format == "text":
        return convert_streams(items, options, writer, on_error, on_progress)
    render = render or RENDERERS[options.format]
    stdin_cache: dict[str, bytes] = {}
    batch = learn(items, options, stdin_cache) if needs_learning(items, options) else None
    tally = Tally()
    whole_failures_recorded = writer.records_failures

    def fail(failure: Failure, whole_input: bool) -> None:
        tally.failed += 1
        tally.errors.append(failure.error)
        if on_error:
            on_error(failure.error)
        if whole_input and not whole_failures_recorded:
            return
        rendered = render_failure(failure_record(failure.path, failure.error.kind,
                                                 failure.error.message, failure.extra),
                                  options.format)
        if rendered is not None:
            writer.add(rendered)

    for item in items:
        if isinstance(item, Failure):
            fail(item, whole_input=True)
            if on_progress:
                on_progress()
            continue
        # A failure inside a JSONL file is one record among others; a failure of a
        # plain input is the whole input, and leaves no output file behind.
        whole = not (item.is_jsonl or options.input_format == "jsonl")
        writer.start_input(relative_name(item))
        for doc in documents_of(item, options, stdin_cache):
            if isinstance(doc, Failure):
                fail(doc, whole_input=whole)
                continue
            try:
                doc = process(doc, options, batch)
            except NewscleanError as exc:
                fail(Failure(doc.path, exc, doc.extra), whole_input=whole)
                continue
            writer.add(render(doc, options))
            tally.ok += 1
        writer.end_input()
        if on_progress:
            on_progress()
    return tally
