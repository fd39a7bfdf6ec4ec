"""Any bytes in, a clear answer out, nothing lost.

Every bad input gives its documented exit code and exactly one line on stderr naming
it and the reason, never a traceback; the other inputs are still processed and
written, and no partial or temporary file is left behind. README.md (Bad inputs) is the
table of what each case does.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import (ARTICLE, CASES, article_text, needs_stages, no_temp_files,
                      symlinks_supported)


def _lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_alone(cli, tmp_path, name):
    case, make = CASES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    run = cli(["clean", path, "-f", "jsonl", "-q", "-j", "1"])
    lines = run.stderr_lines()
    if case.outcome == "fail":
        assert run.exit_code == 1
        assert lines == [f"newsclean: {path}: {lines[0].split(': ', 2)[2]}"]
        assert case.reason in lines[0]
        (rec,) = run.records
        assert rec["error"]["message"] in lines[0] and rec["text"] == ""
    else:
        assert run.exit_code == 0, run.stderr
        (rec,) = run.records
        assert "error" not in rec
        if case.outcome == "warn":
            assert len(lines) == 1 and lines[0].startswith(f"newsclean: {path}: warning: ")
            assert case.reason in lines[0]
            assert any(case.reason in w for w in rec["warnings"])
        else:
            assert lines == [] and rec["warnings"] == []


def test_decoded_text_of_repaired_inputs(cli, tmp_path):
    for name in ("utf16le.txt", "utf16be.txt", "mixed.txt", "nul.txt"):
        case, make = CASES[name]
        (tmp_path / name).write_bytes(make(tmp_path))
        run = cli(["clean", tmp_path / name, "-f", "jsonl", "-q", "-j", "1", "--no-clean"])
        (rec,) = run.records
        assert ARTICLE[:20] in rec["text"], name
        assert "\ufffd" not in rec["text"] and "\x00" not in rec["text"], name


@pytest.mark.parametrize("name", ["deep.html", "truncated.html"])
def test_html_too_deep_or_cut_short_gives_its_article(cli, tmp_path, name):
    case, make = CASES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    run = cli(["clean", path, "-f", "jsonl", "-q"])
    (rec,) = run.records
    assert run.exit_code == 0 and ARTICLE in rec["text"].split("\n")


def test_a_long_line_without_punctuation_is_not_a_problem(cli, tmp_path):
    case, make = CASES["longline.txt"]
    path = tmp_path / "longline.txt"
    path.write_bytes(make(tmp_path))
    run = cli(["convert", path, "--to", "traditional", "-q"])
    assert run.exit_code == 0 and run.stderr == ""
    assert len(run.stdout) == len(path.read_text(encoding="utf-8")) == (1 << 20) // 3 + 1
    assert not set("无标点长") & set(run.stdout)
    run = cli(["clean", path, "-q", "-f", "jsonl"])
    assert run.exit_code == 0 and run.stderr == ""


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"\n \n", "only whitespace"),
    (CASES["image.txt"][1](Path(".")), "a PNG image"),
    (b"\x7fELF" + bytes(range(256)), "an executable"),
])
def test_bad_bytes_on_stdin(cli, data, reason):
    for command in (["clean"], ["convert", "--to", "traditional"]):
        run = cli([*command, "-q"], input=data)
        assert run.exit_code == 1 and run.stdout == ""
        assert run.stderr_lines() == [f"newsclean: <stdin>: {run.stderr.split(': ', 2)[2].strip()}"]
        assert reason in run.stderr


def test_repaired_inputs_on_stdin(cli):
    for name in ("utf16le.txt", "utf16be.txt", "mixed.txt", "damaged.txt"):
        case, make = CASES[name]
        run = cli(["clean", "-q", "--no-clean", "-f", "jsonl"], input=make(Path(".")))
        assert run.exit_code == 0
        assert len(run.stderr_lines()) == (case.outcome == "warn")
        assert ARTICLE[:10] in run.records[0]["text"]


def _expected_lines(corpus: dict, folder: Path) -> set[str]:
    return {f"{folder / c.name}" for c in corpus.values() if c.outcome != "ok"}


def test_a_folder_of_bad_inputs_into_a_folder(cli, bad_corpus, tmp_path, check_records):
    folder, corpus = bad_corpus
    out = tmp_path / "out"
    run = cli(["clean", folder, "-o", f"{out}/", "-f", "json", "-j", "1"])
    assert run.exit_code == 1
    *lines, tally = run.stderr_lines()
    failed = sum(c.outcome == "fail" for c in corpus.values())
    assert tally == f"{len(corpus) + 1 - failed} ok, {failed} failed, 0 skipped"
    assert {line.split(": ")[1] for line in lines} == _expected_lines(corpus, folder)
    assert len(lines) == len(_expected_lines(corpus, folder))
    written = sorted(p.name for p in out.iterdir())
    expected = sorted([Path(c.name).stem + ".json" for c in corpus.values() if c.outcome != "fail"]
                      + ["good.json"])
    assert written == expected
    for path in out.iterdir():
        (rec,) = check_records(path.read_text(encoding="utf-8"))
        assert "error" not in rec
    assert no_temp_files(out) and no_temp_files(folder)


def test_a_folder_of_bad_inputs_into_one_file(cli, bad_corpus, tmp_path, check_records):
    folder, corpus = bad_corpus
    target = tmp_path / "all.jsonl"
    run = cli(["clean", folder, "-o", target, "-f", "jsonl", "-j", "1", "-q"])
    assert run.exit_code == 1 and run.stdout == ""
    recs = check_records(target.read_text(encoding="utf-8"))
    assert [Path(r["path"]).name for r in recs] == sorted([*corpus, "good.txt"])
    failed = {Path(r["path"]).name for r in recs if "error" in r}
    assert failed == {c.name for c in corpus.values() if c.outcome == "fail"}
    assert no_temp_files(tmp_path)


@pytest.mark.parametrize("command", ["keywords", "summarize"])
def test_analysis_commands_on_bad_inputs(cli, bad_corpus, command):
    needs_stages(command)
    folder, corpus = bad_corpus
    run = cli([command, folder, "-f", "jsonl", "-j", "1", "-q"])
    assert run.exit_code == 1
    failed = {Path(r["path"]).name for r in run.records if "error" in r}
    assert failed == {c.name for c in corpus.values() if c.outcome == "fail"}


def test_workers_give_the_same_answer(cli, bad_corpus):
    folder, _ = bad_corpus
    one = cli(["clean", folder, "-f", "jsonl", "-j", "1", "-q"])
    two = cli(["clean", folder, "-f", "jsonl", "-j", "2", "-q"])
    assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)


def test_convert_streams_bad_inputs(cli, bad_corpus, tmp_path):
    folder, corpus = bad_corpus
    out = tmp_path / "out"
    run = cli(["convert", folder, "--to", "traditional", "-o", f"{out}/", "-q", "-j", "1"])
    assert run.exit_code == 1
    failed = {line.split(": ")[1] for line in run.stderr_lines()}
    assert failed == {str(folder / c.name) for c in corpus.values() if c.outcome == "fail"}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [Path(c.name).stem + ".txt" for c in corpus.values() if c.outcome != "fail"] + ["good.txt"])
    assert (out / "nul.txt").read_text(encoding="utf-8").count("\x00") == 2   # convert keeps all
    assert no_temp_files(out)


def test_a_text_file_named_jsonl_fails_once(cli, tmp_path):
    feed = tmp_path / "page.jsonl"
    feed.write_text(article_text() * 10, encoding="utf-8")
    run = cli(["clean", feed, "-f", "jsonl", "-q"])
    assert run.exit_code == 1
    assert run.stderr_lines() == [f"newsclean: {feed}: not JSON Lines: its first 20 lines "
                                  "are no JSON (--input-format text reads it as text)"]
    assert [r["path"] for r in run.records] == [str(feed)]
    run = cli(["clean", feed, "-f", "jsonl", "-q", "--input-format", "text"])
    assert run.exit_code == 0 and ARTICLE in run.records[0]["text"]
    # One broken line before good records is one record's failure, as any other.
    feed.write_text('not json\n' + json.dumps({"id": 1, "text": article_text()}) + "\n",
                    encoding="utf-8")
    run = cli(["clean", feed, "-f", "jsonl", "-q"])
    assert [r["path"].rsplit(":", 1)[1] for r in run.records] == ["1", "2"]


def test_a_jsonl_file_that_fails_whole_leaves_no_output_file(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.jsonl").write_text("hello\ntext\nnot json\n", encoding="utf-8")
    (src / "empty.jsonl").write_bytes(b"")
    (src / "feed.jsonl").write_text('not json\n' + json.dumps({"text": article_text()}) + "\n",
                                    encoding="utf-8")
    out = tmp_path / "out"
    run = cli(["clean", src, "-o", f"{out}/", "-f", "jsonl", "-q"])
    assert run.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["feed.jsonl"]     # a line failed, not all
    run = cli(["clean", src, "-o", f"{out}/", "-f", "jsonl", "-q", "--skip-existing"])
    assert run.exit_code == 1 and len(run.stderr_lines()) == 2      # both tried again
    assert sorted(p.name for p in out.iterdir()) == ["feed.jsonl"]


def test_jsonl_with_bad_lines(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = {"id": 1, "text": article_text()}
    feed.write_text("\n".join([
        json.dumps(good, ensure_ascii=False),
        '{"id": 2, "text": "broken',
        "[1, 2, 3]",
        '{"id": 4, "title": "no text"}',
        '{"id": 5, "text": "  \\n "}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": 7, "text": article_text(), "error": "upstream", "note": "\ud800"},
                   ensure_ascii=True),
        '{"id": 8, "text": "x", "n": ' + "9" * 5000 + "}",
        '{"id": 9, "text": "' + ARTICLE + '", "score": NaN, "max": Infinity}',
        "",
    ]), encoding="utf-8")
    run = cli(["clean", feed, "-f", "jsonl", "-q", "-j", "1"])
    assert run.exit_code == 1
    assert run.stderr_lines() == [
        f"newsclean: {feed}:2: not JSON (Unterminated string starting at)",
        f"newsclean: {feed}:3: not a JSON object",
        f'newsclean: {feed}:4: no "text" or "html" string',
        f'newsclean: {feed}:5: empty "text"',
        f"newsclean: {feed}:6: JSON nested too deeply",
        f"newsclean: {feed}:7: warning: lone surrogate escape(s) replaced; "
        'input field "error" dropped: the key is newsclean\'s',
        f"newsclean: {feed}:8: not usable JSON (Exceeds the limit (4300 digits) "
        "for integer string conversion)",
        f"newsclean: {feed}:9: warning: Infinity, NaN replaced by null",
    ]
    by_line = {r["path"].rsplit(":", 1)[1]: r for r in run.records}
    assert sorted(by_line, key=int) == [str(n) for n in range(1, 10)]
    assert by_line["9"]["score"] is None and by_line["9"]["max"] is None
    assert by_line["1"]["id"] == 1 and "error" not in by_line["1"]
    assert by_line["4"]["id"] == 4 and by_line["4"]["error"]["type"] == "format"
    assert by_line["7"]["note"] == "\ufffd" and "error" not in by_line["7"]


def test_unreadable_file(cli, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(), encoding="utf-8")
    locked = folder / "b.txt"
    locked.write_text(article_text(), encoding="utf-8")
    if os.geteuid() == 0:                # root reads through chmod 000: simulate it
        import builtins
        real_open = builtins.open

        def deny(path, *args, **kwargs):
            if str(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)
        monkeypatch.setattr("newsclean.sources.open", deny, raising=False)
    else:
        locked.chmod(0)
    try:
        run = cli(["clean", folder, "-f", "jsonl", "-q", "-j", "1"])
    finally:
        locked.chmod(0o644)
    assert run.exit_code == 1
    assert run.stderr_lines() == [f"newsclean: {locked}: Permission denied"]
    assert [Path(r["path"]).name for r in run.records] == ["a.txt", "b.txt"]
    assert run.records[1]["error"] == {"type": "read", "message": "Permission denied"}


@pytest.fixture
def links(tmp_path):
    if not symlinks_supported(tmp_path):
        pytest.skip("no symbolic links here")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(article_text(), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(article_text(), encoding="utf-8")
    os.symlink("missing.txt", folder / "broken.txt")
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("..", folder / "sub" / "up")
    return folder


def test_broken_links_and_loops(cli, links):
    run = cli(["clean", links, "-r", "-f", "jsonl", "-q", "-j", "1"])
    assert run.exit_code == 1
    assert run.stderr_lines() == [
        f"newsclean: {links / 'broken.txt'}: broken symbolic link",
        f"newsclean: {links / 'self.txt'}: symbolic link loop",
        f"newsclean: {links / 'sub' / 'up'}: symbolic link loop, not followed",
    ]
    ok = [Path(r["path"]).name for r in run.records if "error" not in r]
    assert ok == ["a.txt", "b.txt"]
    alone = cli(["clean", links / "broken.txt", links / "a.txt", "-q", "-j", "1"])
    assert alone.exit_code == 1 and len(alone.stderr_lines()) == 1 and alone.stdout


def test_file_names_that_are_not_utf8(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(article_text().encode("utf-8"))
        with open(os.fsencode(str(folder)) + b"/vide\xe9.txt", "wb"):
            pass
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    (folder / "line\nbreak.txt").write_bytes(b"")
    run = cli(["clean", folder, "-f", "jsonl", "-q", "-j", "1"])
    assert run.exit_code == 1
    assert run.stderr_lines() == [f"newsclean: {folder}/line\\nbreak.txt: empty file",
                                  f"newsclean: {folder}/vide\\xe9.txt: empty file"]
    assert run.records[0]["path"] == f"{folder}/caf\\xe9.txt"
    out = tmp_path / "out"
    mirrored = cli(["clean", folder, "-o", f"{out}/", "-q", "-j", "1"])
    assert mirrored.exit_code == 1
    assert os.listdir(os.fsencode(str(out))) == [b"caf\xe9.txt"]      # the name is kept


def test_a_folder_of_ten_thousand_files(cli, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"第{i}号\n{ARTICLE}\n", encoding="utf-8")
    # Schema checks of 10,000 records would take longer than the run itself.
    run = cli(["clean", folder, "-f", "jsonl", "-q", "-j", "1"], validate=False)
    assert run.exit_code == 0 and run.stderr == ""
    assert [Path(r["path"]).name for r in run.records] == [f"{i:05d}.txt" for i in range(10_000)]


@pytest.mark.slow
def test_a_50_mb_file(cli, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as fh:
        while fh.tell() < 50 << 20:
            fh.write((ARTICLE + "\n") * 1000)
    run = cli(["convert", big, "--to", "traditional", "-q", "-o", tmp_path / "big.out"])
    assert run.exit_code == 0
    assert (tmp_path / "big.out").stat().st_size == big.stat().st_size


# --- output is never half-written, an input never overwritten -----------------------

@pytest.fixture
def three(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(article_text(f"{name} 标题测试新闻"), encoding="utf-8")
    return folder


def _interrupt_on(monkeypatch, victim: str) -> None:
    from newsclean import pipeline
    real = pipeline.STAGES["detect"]

    def detect(doc, options):
        if doc.path.endswith(victim):
            raise KeyboardInterrupt
        return real(doc, options)
    monkeypatch.setitem(pipeline.STAGES, "detect", detect)


def test_interrupt_inside_a_stage_into_a_folder(cli, three, tmp_path, monkeypatch, check_records):
    _interrupt_on(monkeypatch, "b.txt")
    out = tmp_path / "out"
    run = cli(["clean", three, "-o", f"{out}/", "-f", "json", "-j", "1"])
    assert run.exit_code == 130
    assert run.stderr_lines() == ["newsclean: interrupted"]
    assert [p.name for p in out.iterdir()] == ["a.json"]          # finished, complete
    check_records((out / "a.json").read_text(encoding="utf-8"))


def test_interrupt_inside_a_stage_into_a_file(cli, three, tmp_path, monkeypatch):
    _interrupt_on(monkeypatch, "c.txt")
    target = tmp_path / "all.jsonl"
    run = cli(["clean", three, "-o", target, "-f", "jsonl", "-j", "1"])
    assert run.exit_code == 130
    assert list(tmp_path.iterdir()) == [three]                    # no file, no temp file


def test_a_failing_input_leaves_no_temp_file(cli, three, tmp_path):
    (three / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    for target in (f"{tmp_path / 'out'}/", tmp_path / "all.json"):
        run = cli(["clean", three, "-o", target, "-f", "json", "-j", "1", "-q"])
        assert run.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "c.json"]
    assert no_temp_files(tmp_path)


def test_an_input_is_never_overwritten(cli, three, tmp_path, monkeypatch):
    before = {p: p.read_bytes() for p in three.iterdir()}
    refused = [
        (["clean", three / "a.txt", "-o", three / "a.txt"], "is an input"),
        (["clean", three, "-o", f"{three}/"], "inside the folder being read"),
        (["clean", three, "-o", three / "new.txt"], "inside the folder being read"),
        (["clean", three / "a.txt", "-o", f"{three}/"], "would overwrite the input"),
    ]
    for args, reason in refused:
        run = cli([*args, "-q"])
        assert run.exit_code == 2 and reason in run.stderr, args
        assert len(run.stderr_lines()) == 1
    monkeypatch.chdir(three)
    run = cli(["clean", "a.txt", "-o", "./", "-q"])
    assert run.exit_code == 2 and "would overwrite the input a.txt" in run.stderr
    assert {p: p.read_bytes() for p in three.iterdir()} == before
    # Another format next to the input is fine: nothing is overwritten.
    run = cli(["clean", "a.txt", "-o", "./", "-f", "json", "-q"])
    assert run.exit_code == 0 and (three / "a.json").exists()
    assert (three / "a.txt").read_bytes() == before[three / "a.txt"]


def test_two_inputs_never_share_an_output_file(cli, three, tmp_path):
    (three / "a.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    run = cli(["clean", three, "-o", f"{out}/", "-f", "json", "-q"])
    assert run.exit_code == 2 and not out.exists()
    assert run.stderr_lines() == [f"newsclean: error: --output {out}: {three / 'a.html'} and "
                                  f"{three / 'a.txt'} would both be written to {out / 'a.json'}"]
    assert cli(["clean", three, "--glob", "*.txt", "-o", f"{out}/", "-q"]).exit_code == 0


# --- the real process: exit codes and stream separation -----------------------------

def _newsclean(*args: str, cwd: Path | None = None, stdin: bytes | None = b"", **how):
    """newsclean in a process of its own; `how` as subprocess.run takes it (stdout...)."""
    import subprocess
    import sys
    src = Path(__file__).parent.parent / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    how = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **how}
    if stdin is not None:
        how["input"] = stdin
    return subprocess.run([sys.executable, "-m", "newsclean", *map(str, args)], env=env,
                          cwd=cwd, timeout=120, **how)


def test_real_process_on_the_bad_corpus(bad_corpus, check_records):
    folder, corpus = bad_corpus
    proc = _newsclean("clean", str(folder), "-f", "jsonl")
    assert proc.returncode == 1
    recs = check_records(proc.stdout.decode("utf-8"))
    assert len(recs) == len(corpus) + 1
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    *lines, tally = stderr.splitlines()
    assert all(line.startswith("newsclean: ") for line in lines)
    assert len(lines) == sum(c.outcome != "ok" for c in corpus.values())
    assert tally.endswith("failed, 0 skipped")


def test_real_process_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(article_text(), encoding="utf-8")
    assert _newsclean("clean", str(good), "-q").returncode == 0
    bad = _newsclean("clean", "-q", stdin=b"\x7fELF\x02\x01")
    assert (bad.returncode, bad.stdout) == (1, b"")
    assert bad.stderr == b"newsclean: <stdin>: binary data (an executable), not text\n"
    usage = _newsclean("clean", str(good), "-o", str(good))
    assert usage.returncode == 2 and usage.stdout == b"" and b"Traceback" not in usage.stderr
    assert _newsclean("schema").returncode == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_real_ctrl_c_leaves_only_complete_outputs(tmp_path, jobs, check_records):
    import signal
    import subprocess
    import sys
    import time
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:04d}.txt").write_text(f"第{i}号\n{ARTICLE}\n", encoding="utf-8")
    out = tmp_path / "out"
    src = Path(__file__).parent.parent / "src"
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "clean", str(folder), "-o",
                             f"{out}/", "-f", "json", "-j", jobs, "--independent"],
                            env={**os.environ, "PYTHONPATH": str(src)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 50:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.decode().splitlines()[-1] == "newsclean: interrupted"
    assert b"Traceback" not in stderr and stdout == b""
    written = sorted(out.iterdir())
    assert 50 <= len(written) < 3000 and no_temp_files(out)
    for path in written:                   # every finished output is complete
        check_records(path.read_text(encoding="utf-8"))


def test_output_that_cannot_be_written(cli, three, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    # A file where a folder should be is named, in a file's path or a folder's, before
    # anything is read (mkdir itself would say "File exists").
    for output in (blocker / "out.json", blocker / "sub" / "out.json", f"{blocker / 'sub'}/"):
        run = cli(["clean", three, "-o", output, "-q"])
        assert run.exit_code == 2
        assert run.stderr_lines() == [f"newsclean: error: cannot write --output {output}: "
                                      f"{blocker} is not a folder"]
    assert no_temp_files(tmp_path)
    # A folder that cannot be made (or written in) is found out before anything is read
    # too, not after the learning pass. /proc takes no folder, even from root.
    if os.path.isdir("/proc/self"):
        run = cli(["clean", three, "-o", "/proc/newsclean-out/", "-q"])
        assert run.exit_code == 2
        assert run.stderr_lines() == ["newsclean: error: cannot write --output "
                                      "/proc/newsclean-out/: No such file or directory"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_one_line(three):
    import subprocess
    import sys
    src = Path(__file__).parent.parent / "src"
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(three), "-q"],
                              stdout=full, stderr=subprocess.PIPE, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(src)})
    assert proc.returncode == 1
    assert proc.stderr == b"newsclean: error: cannot write to stdout: No space left on device\n"


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03d}.txt").write_text(article_text(), encoding="utf-8")
    src = Path(__file__).parent.parent / "src"
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "clean", str(folder), "-f", "jsonl",
                             "-q", "-j", "1", "--independent"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(src)})
    assert proc.stdout.read(100)
    proc.stdout.close()                      # like `| head -c 100`
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 1 and stderr == b""


def test_unreadable_folder(cli, three, monkeypatch):
    locked = three / "locked"
    locked.mkdir()
    (locked / "d.txt").write_text(article_text(), encoding="utf-8")
    import newsclean.sources as sources
    real_scandir = os.scandir

    def scandir(path):
        if str(path) == str(locked):        # chmod 000 does not stop root: simulate it
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(sources.os, "scandir", scandir)
    run = cli(["clean", three, "-r", "-f", "jsonl", "-q", "-j", "1"])
    assert run.exit_code == 1
    assert run.stderr_lines() == [f"newsclean: {locked}: Permission denied"]
    assert [Path(r["path"]).name for r in run.records] == ["a.txt", "b.txt", "c.txt", "locked"]


def test_closed_stdin_stdout_or_a_full_disk_get_one_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(article_text(), encoding="utf-8")
    done = _newsclean("clean", "-", stdin=None, preexec_fn=lambda: os.close(0))
    assert (done.returncode, done.stderr.splitlines()[0]) == (
        1, b"newsclean: <stdin>: stdin is closed")
    done = _newsclean("clean", page, preexec_fn=lambda: os.close(1), stdout=None)
    assert (done.returncode, done.stderr) == (2, b"newsclean: error: stdout is closed; give -o FILE\n")
    out = tmp_path / "out.txt"
    done = _newsclean("clean", page, "-o", out, preexec_fn=lambda: os.close(1), stdout=None)
    assert done.returncode == 0 and out.read_text(encoding="utf-8")
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            done = _newsclean("schema", stdout=full)
        assert (done.returncode, done.stderr) == (
            1, b"newsclean: error: cannot write to stdout: No space left on device\n")
    # The names of repairs are no way to force an unknown codec.
    done = _newsclean("clean", page, "--encoding", "nope (with replacements)")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].endswith(b"unknown encoding 'nope'")
