"""The command line: arguments -> Options, inputs -> the library, errors -> exit codes.

No NLP import happens here: the stages load what they need when they first run,
so `newsclean --help` and shell completion stay instant.
"""
from __future__ import annotations

import contextlib
import errno
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__
from .options import Options

app = typer.Typer(
    name="newsclean",
    help="Raw article dumps in: clean articles with metadata, keywords and a summary out.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class InputFormat(str, Enum):
    text = "text"
    html = "html"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newsclean {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Raw article dumps in: clean articles with metadata, keywords and a summary out."""


Paths = Annotated[Optional[list[str]], typer.Argument(
    help="Files, directories or - for stdin. Without PATH, piped stdin is read.",
    metavar="PATH...", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Optional[str], typer.Option(
    "--output", "-o", help="Write to this file, or to this folder (existing, or ending in /), "
                           "which then mirrors the input tree.", show_default=False)]
EncodingOpt = Annotated[Optional[str], typer.Option(
    "--encoding", help="Input encoding (default: detected: BOM, UTF-8, GB18030, Big5 "
                         "(big5-web), cp1252 for Latin text).",
    show_default=False)]
InputFormatOpt = Annotated[Optional[InputFormat], typer.Option(
    "--input-format", help="Input kind (default: HTML detected from the content; *.jsonl is JSONL).",
    show_default=False)]
ToOpt = Annotated[Optional[str], typer.Option(
    "--to", help="Script of the output: simplified, traditional, taiwan, taiwan-phrases, hongkong.",
    show_default=False)]
ConfigOpt = Annotated[Optional[str], typer.Option(
    "--config", help="Any OpenCC config for the output (s2t, t2s, s2twp, hk2s, ...).",
    show_default=False)]
NoTofuOpt = Annotated[bool, typer.Option(
    "--no-tofu", help="Convert without OpenCC's dictionaries of rare characters that many fonts "
                      "cannot show, as the opencc command does by default.")]
NoCleanOpt = Annotated[bool, typer.Option("--no-clean", help="The input is already clean.")]
IndependentOpt = Annotated[bool, typer.Option(
    "--independent", help="Clean each input on its own, learning nothing from the others.")]
RecursiveOpt = Annotated[bool, typer.Option("--recursive", "-r", help="Descend into subfolders.")]
GlobOpt = Annotated[Optional[str], typer.Option(
    "--glob", help="Only files whose name matches this pattern (e.g. '*.txt').", show_default=False)]
JobsOpt = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, help="Worker processes [default: all usable CPUs]; 1 = in-process.",
    show_default=False)]
SkipOpt = Annotated[bool, typer.Option(
    "--skip-existing", help="With -o DIR: leave inputs whose output file exists (resume a run).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no closing tally.")]
KeywordsOpt = Annotated[int, typer.Option("--keywords", "-k", min=1, help="Number of keywords.")]


def _fail_usage(message: str) -> None:
    sys.stderr.write(f"newsclean: error: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def _run(command: str, paths: list[str] | None, output_arg: str | None, quiet: bool,
         **settings) -> None:
    # A str, not a Path: a trailing "/" (which makes -o a folder) must survive.
    output = Path(output_arg) if output_arg else None
    wants_folder = bool(output_arg) and (output_arg.endswith(("/", os.sep)) or Path(output_arg).is_dir())
    _check_script(settings.get("to"), settings.get("config"))
    if settings.get("jobs") is None:
        settings["jobs"] = _usable_cpus()
    if settings.get("skip_existing") and not wants_folder:
        _fail_usage("--skip-existing needs -o DIR")
    settings["format"] = settings["format"].value
    if settings.get("input_format") is not None:
        settings["input_format"] = settings["input_format"].value
    options = Options(command=command, **settings)

    paths = _paths_or_stdin(paths)
    from .batch import run
    from .sources import Discovered

    exclude = str(output) if output else None
    items = Discovered(paths, options.recursive, options.glob, exclude=exclude)
    _say_empty_folders(paths, options.recursive, options.glob, exclude)
    writer = _open_output(lambda: _writer(options, output, wants_folder, items), output_arg)
    from . import terminal
    from .render import RENDERERS
    render = (terminal.renderer(options) if output is None else None) or RENDERERS[options.format]
    progress = _progress(items, quiet)

    def on_error(error) -> None:
        progress.clear()
        sys.stderr.write(f"newsclean: {error.path}: {error.message}\n")
        sys.stderr.flush()

    def render_and_warn(doc, options):
        _warn(doc, progress)
        return render(doc, options)

    complete = False
    try:
        try:
            tally = run(items, options, writer, on_error=on_error,
                        on_progress=progress.advance, render=render_and_warn)
            complete = True
        finally:
            progress.clear()
            writer.close(complete=complete)
    except KeyboardInterrupt:
        sys.stderr.write("newsclean: interrupted\n")
        raise typer.Exit(130)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            # The output being written is removed; the finished ones stay complete.
            with contextlib.suppress(OSError):
                writer.close(complete=False)
        _stop_on_write_error(exc, output)
    if not quiet and (tally.inputs > 1 or tally.failed):
        sys.stderr.write(tally.line() + "\n")
    raise typer.Exit(EXIT_FAILED if tally.failed else EXIT_OK)


def _warn(doc, progress) -> None:
    """Text, markdown and digests carry no warnings: an input read with repairs (bad
    bytes replaced, NULs removed) must still say so, in one line."""
    if doc.warnings:
        progress.clear()
        sys.stderr.write(f"newsclean: {doc.path}: warning: {'; '.join(doc.warnings)}\n")


def _open_output(make, output: str):
    """The output, made before anything is read (a file's temporary file, a folder's
    place checked): an -o that cannot be written is a usage error, not a failure
    found once every input has been processed."""
    try:
        return make()
    except OSError as exc:                  # -o under a file, in a read-only folder...
        _fail_usage(f"cannot write --output {output}: {exc.strerror or exc}")


def _stop_on_write_error(exc: OSError, output) -> NoReturn:
    """A reader that went away (| head) ends the run quietly with exit 1, as Click does
    for it; a full disk or a vanished folder stops it with one line, no traceback."""
    if exc.errno == errno.EPIPE:
        raise exc
    sys.stderr.write(f"newsclean: error: cannot write {output or 'to stdout'}: "
                     f"{exc.strerror or exc}\n")
    raise typer.Exit(EXIT_FAILED)


def _say_empty_folders(paths: list[str], recursive: bool, glob: str | None,
                       exclude: str | None) -> None:
    """A folder named on the command line that gives no input is said on stderr: a run
    that read nothing would otherwise look like one that worked. It is no failure (an
    empty folder is a fine thing to process): the exit code stays 0."""
    from .errors import printable
    from .sources import Discovered
    for path in paths:
        if os.path.isdir(path) and next(iter(Discovered([path], recursive, glob, exclude)),
                                        None) is None:
            reason = f"no file matches --glob {glob!r}" if glob else "no input files"
            sys.stderr.write(f"newsclean: {printable(path)}: {reason}\n")


def _check_script(to: str | None, config: str | None) -> None:
    from .convert import resolve_config
    try:
        resolve_config(to, config)
    except ValueError as exc:
        _fail_usage(str(exc))


def _usable_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                  # not on Linux
        return max(1, os.cpu_count() or 1)


def _progress(items, quiet: bool):
    """A progress bar over the inputs, counted first only when it can be shown."""
    from . import terminal
    shown = not quiet and sys.stderr is not None and sys.stderr.isatty()
    return terminal.Progress(items.count() if shown else 0, enabled=shown)


def _refuse_overwrite(output: Path | str, items) -> None:
    """An output never replaces an input nor lands in a folder being read."""
    from .sources import Input
    real_out = os.path.realpath(output)
    for item in items:
        if not isinstance(item, Input) or item.is_stdin:
            continue
        if real_out == os.path.realpath(item.path):
            _fail_usage(f"--output {output} is an input: it would be overwritten")
        if item.root and (real_out + os.sep).startswith(os.path.realpath(item.root) + os.sep):
            _fail_usage(f"--output {output} is inside the folder being read ({item.root})")


def _paths_or_stdin(paths: list[str] | None) -> list[str]:
    """No PATH reads piped stdin; on a terminal that would hang, so it is a usage error."""
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        _fail_usage("no PATH given and nothing piped on stdin (see --help)")
    return ["-"]


def _writer(options: Options, output: Path | None, folder: bool, items):
    from .output import FileWriter, FolderWriter, StdoutWriter
    if output is None:
        return StdoutWriter(options.format)
    _refuse_overwrite(output, items)
    if folder:
        writer = FolderWriter(output, options.format)
        from .errors import printable
        from .sources import Input, relative_name
        # The one place a run holds a name per input: two inputs may be far apart in
        # the run (a.txt, a.html; or two folders) and still give one output file.
        claimed: dict[str, str] = {}
        for item in (i for i in items if isinstance(i, Input)):
            target = os.path.realpath(writer.target_for(relative_name(item)))
            # A file named on the command line has no root: its output lands in the
            # folder under its own name, which may be the input itself (-o ./).
            if not item.is_stdin and target == os.path.realpath(item.path):
                _fail_usage(f"--output {output} would overwrite the input {printable(item.path)}")
            # a.txt and a.html both give a.json: the second would replace the first.
            if target in claimed and claimed[target] != item.path:
                _fail_usage(f"--output {output}: {printable(claimed[target])} and "
                            f"{printable(item.path)} would both be written to "
                            f"{printable(str(writer.target_for(relative_name(item))))}")
            claimed[target] = item.path
        return writer
    if output.exists() and not output.is_file():
        _fail_usage(f"--output {output} is not a file or folder")
    return FileWriter(output, options.format)


@app.command()
def clean(
    paths: Paths = None,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show every input line: kept or dropped, and why.")] = False,
    encoding: EncodingOpt = None, input_format: InputFormatOpt = None,
    to: ToOpt = None, config: ConfigOpt = None, no_tofu: NoTofuOpt = False,
    no_clean: NoCleanOpt = False, independent: IndependentOpt = False,
    recursive: RecursiveOpt = False, glob: GlobOpt = None, jobs: JobsOpt = None,
    skip_existing: SkipOpt = False, quiet: QuietOpt = False,
) -> None:
    """Remove boilerplate; give title, date, publisher, author and the clean text."""
    _run("clean", paths, output, quiet, format=format, explain=explain, encoding=encoding,
         input_format=input_format, to=to, config=config, tofu_risk=not no_tofu,
         clean=not no_clean,
         independent=independent, recursive=recursive, glob=glob, jobs=jobs, skip_existing=skip_existing)


@app.command()
def convert(
    paths: Paths = None,
    to: ToOpt = None, config: ConfigOpt = None, no_tofu: NoTofuOpt = False,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    encoding: EncodingOpt = None,
    recursive: RecursiveOpt = False, glob: GlobOpt = None, jobs: JobsOpt = None,
    skip_existing: SkipOpt = False, quiet: QuietOpt = False,
) -> None:
    """Convert between Simplified and Traditional Chinese (OpenCC), nothing else changed."""
    if not to and not config:
        _fail_usage("convert needs --to SCRIPT or --config CFG")
    _run("convert", paths, output, quiet, format=format, encoding=encoding, to=to,
         config=config, tofu_risk=not no_tofu, clean=False, recursive=recursive, glob=glob,
         jobs=jobs, skip_existing=skip_existing)


@app.command()
def keywords(
    paths: Paths = None,
    keywords: KeywordsOpt = 10,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    encoding: EncodingOpt = None, input_format: InputFormatOpt = None,
    to: ToOpt = None, config: ConfigOpt = None, no_tofu: NoTofuOpt = False,
    no_clean: NoCleanOpt = False, independent: IndependentOpt = False,
    recursive: RecursiveOpt = False, glob: GlobOpt = None, jobs: JobsOpt = None,
    skip_existing: SkipOpt = False, quiet: QuietOpt = False,
) -> None:
    """Clean, then extract keywords (best first)."""
    _run("keywords", paths, output, quiet, format=format, keywords=keywords, encoding=encoding,
         input_format=input_format, to=to, config=config, tofu_risk=not no_tofu,
         clean=not no_clean,
         independent=independent, recursive=recursive, glob=glob, jobs=jobs, skip_existing=skip_existing)


@app.command()
def summarize(
    paths: Paths = None,
    sentences: Annotated[Optional[int], typer.Option(
        "--sentences", "-n", min=1, help="Summary length in sentences [default: 3].",
        show_default=False)] = None,
    max_chars: Annotated[Optional[int], typer.Option(
        "--max-chars", min=1, help="At most this many characters, but always one sentence.",
        show_default=False)] = None,
    keywords: KeywordsOpt = 10,
    format: FormatOpt = Format.text,
    output: OutputOpt = None,
    encoding: EncodingOpt = None, input_format: InputFormatOpt = None,
    to: ToOpt = None, config: ConfigOpt = None, no_tofu: NoTofuOpt = False,
    no_clean: NoCleanOpt = False, independent: IndependentOpt = False,
    recursive: RecursiveOpt = False, glob: GlobOpt = None, jobs: JobsOpt = None,
    skip_existing: SkipOpt = False, quiet: QuietOpt = False,
) -> None:
    """Clean, then metadata, keywords and an extractive summary: the everyday command."""
    if sentences is not None and max_chars is not None:
        _fail_usage("give --sentences or --max-chars, not both")
    _run("summarize", paths, output, quiet, format=format, sentences=sentences,
         max_chars=max_chars, keywords=keywords, encoding=encoding, input_format=input_format,
         to=to, config=config, tofu_risk=not no_tofu, clean=not no_clean,
         independent=independent, recursive=recursive, glob=glob, jobs=jobs,
         skip_existing=skip_existing)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the json/jsonl output record."""
    from .schema import schema_text
    try:
        sys.stdout.write(schema_text())
        sys.stdout.flush()
    except OSError as exc:
        _stop_on_write_error(exc, None)

class DigestFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


class DigestSort(str, Enum):
    date = "date"
    publisher = "publisher"
    path = "path"


class DigestGroup(str, Enum):
    none = "none"
    publisher = "publisher"
    date = "date"


@app.command()
def digest(
    paths: Paths = None,
    format: Annotated[Optional[DigestFormat], typer.Option(
        "--format", "-f", help="Document format [default: from the -o extension, else markdown].",
        show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="Write the digest to this file (.md, .html or .json).",
        show_default=False)] = None,
    sort: Annotated[DigestSort, typer.Option(
        "--sort", help="Story order: date is newest first, publisher A-Z (case ignored).")]
        = DigestSort.date,
    group_by: Annotated[DigestGroup, typer.Option(
        "--group-by", help="Sections by publisher or by day (markdown and html).")]
        = DigestGroup.none,
    sentences: Annotated[Optional[int], typer.Option(
        "--sentences", "-n", min=1, help="Summary length in sentences [default: 3].",
        show_default=False)] = None,
    max_chars: Annotated[Optional[int], typer.Option(
        "--max-chars", min=1, help="At most this many characters, but always one sentence.",
        show_default=False)] = None,
    keywords: KeywordsOpt = 5,
    encoding: EncodingOpt = None, to: ToOpt = None, config: ConfigOpt = None,
    no_tofu: NoTofuOpt = False, independent: IndependentOpt = False,
    recursive: RecursiveOpt = False, glob: GlobOpt = None, jobs: JobsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """One document of every story: near-duplicate copies merged, newest first."""
    from .digest_render import EXTENSIONS
    if sentences is not None and max_chars is not None:
        _fail_usage("give --sentences or --max-chars, not both")
    _check_script(to, config)
    if output is not None and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        _fail_usage(f"--output {output} is a folder: the digest is one file")
    fmt = format.value if format else "markdown"
    if format is None and output is not None:
        suffix = Path(output).suffix.lower()
        if suffix not in EXTENSIONS:
            _fail_usage(f"--output {output}: give --format, or end the name in "
                        + ", ".join(EXTENSIONS))
        fmt = EXTENSIONS[suffix]
    if fmt == "json" and group_by is not DigestGroup.none:
        _fail_usage("--group-by lays out markdown and html; the JSON digest lists the "
                    "stories in --sort order, ungrouped (drop --group-by)")
    options = Options(command="summarize", format=fmt, sentences=sentences, max_chars=max_chars,
                      keywords=keywords, encoding=encoding, to=to, config=config,
                      tofu_risk=not no_tofu, independent=independent,
                      recursive=recursive, glob=glob, jobs=jobs or _usable_cpus())
    paths = _paths_or_stdin(paths)
    from .batch import learn
    from .digest import build_digest, documents
    from .digest_render import render_digest
    from .output import AtomicFile
    from .sources import Discovered

    items = Discovered(paths, recursive, glob)
    if output is not None:
        _refuse_overwrite(output, items)
    _say_empty_folders(paths, recursive, glob, None)
    progress = _progress(items, quiet)
    failed = 0

    def reported(docs):
        nonlocal failed
        from .sources import Failure
        for doc in docs:
            if isinstance(doc, Failure):
                failed += 1
                progress.clear()
                sys.stderr.write(f"newsclean: {doc.path}: {doc.error.message}\n")
                sys.stderr.flush()
            else:
                _warn(doc, progress)
            yield doc

    # Made before anything is read, as for the other commands; committed at the end.
    target = _open_output(lambda: AtomicFile(Path(output)), output) if output else None
    try:
        batch = learn(items, options)
        docs = documents(items, options, options.jobs, batch, on_result=progress.advance)
        made = build_digest(reported(docs), sort=sort.value)
        text = render_digest(made, fmt, group_by.value).encode("utf-8")
        if target is None:
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            target.fh.write(text)
            target.commit()
            target = None
    except OSError as exc:
        progress.clear()
        _stop_on_write_error(exc, output)
    except KeyboardInterrupt:
        progress.clear()
        sys.stderr.write("newsclean: interrupted\n")
        raise typer.Exit(130)
    finally:
        if target is not None:
            target.discard()
        progress.clear()
    if not quiet and (made.articles + failed > 1 or failed):
        sys.stderr.write(f"{made.articles} ok, {failed} failed, 0 skipped\n")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def main() -> None:
    if sys.stdout is None:
        # Started with stdout closed (>&-): a run writing to -o needs none; any other
        # would lose its output.
        if not any(a in ("-o", "--output") or a.startswith("--output=") for a in sys.argv):
            sys.stderr.write("newsclean: error: stdout is closed; give -o FILE\n")
            raise SystemExit(EXIT_USAGE)
        sys.stdout = open(os.devnull, "w")
    app(prog_name="newsclean")
