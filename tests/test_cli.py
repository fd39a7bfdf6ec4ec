"""The command line end to end: bytes in, stdout / stderr / exit code checked apart."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean.cli import app

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed_dump.txt"
SEED_TITLE = "同心共谱协奏曲,半马苏河开新篇!普陀区“靠谱”区域化党建年度峰会举行"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_help_lists_every_command_with_help_text(runner):
    result = runner.invoke(app, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    for command in ("clean", "convert", "keywords", "summarize"):
        assert command in result.stdout
    for command in ("clean", "convert", "keywords", "summarize"):
        sub = runner.invoke(app, [command, "-h"], terminal_width=100)
        assert sub.exit_code == 0
        assert "--format" in sub.stdout and "--to" in sub.stdout


def test_version_is_eager(runner):
    from newsclean import __version__
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsclean {__version__}"


def test_summarize_seed_as_json(runner):
    result = runner.invoke(app, ["summarize", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rec = json.loads(result.stdout)
    assert rec["title"] == SEED_TITLE
    assert rec["published"].startswith("2023-02-14")
    assert rec["publisher"] == "上海普陀"
    assert rec["language"] == "zh" and rec["script"] == "simplified"
    assert 1 <= len(rec["summary"]) <= 3
    assert len(set(rec["summary"])) == len(rec["summary"])
    for sentence in rec["summary"]:
        assert sentence in rec["text"]
    assert rec["keywords"] and all(len(k) > 1 for k in rec["keywords"])
    for junk in ("微博 微信", "点赞()", "上一条", "相关稿件", ".webp.jpg"):
        assert junk not in rec["text"]


def test_record_keys_are_the_same_for_every_command(runner):
    keys = None
    for command in (["clean"], ["keywords"], ["summarize"], ["convert", "--to", "traditional"]):
        result = runner.invoke(app, [*command, str(SEED), "--format", "jsonl"])
        assert result.exit_code == 0, result.stderr
        (rec,) = records(result.stdout)
        assert keys is None or set(rec) == keys
        keys = set(rec)
    assert {"path", "title", "published", "publisher", "author", "language", "script", "text",
            "keywords", "summary", "warnings"} <= keys


def test_stdin_bytes_and_dash(runner):
    data = SEED.read_bytes()
    for args in (["clean", "--format", "jsonl"], ["clean", "-", "--format", "jsonl"]):
        result = runner.invoke(app, args, input=data)
        assert result.exit_code == 0, result.stderr
        (rec,) = records(result.stdout)
        assert rec["path"] == "<stdin>"
        assert rec["title"] == SEED_TITLE


def test_json_lines_on_stdin_are_records(runner):
    feed = "".join(json.dumps({"id": i, "text": SEED.read_text(encoding="utf-8")},
                              ensure_ascii=False) + "\n" for i in ("a", "b"))
    result = runner.invoke(app, ["clean", "-f", "jsonl"], input=feed.encode())
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert [(r["id"], r["path"], r["title"]) for r in recs] == [
        ("a", "<stdin>:1", SEED_TITLE), ("b", "<stdin>:2", SEED_TITLE)]
    result = runner.invoke(app, ["clean", "-f", "jsonl"], input=feed.encode("utf-16"))
    assert [r["path"] for r in records(result.stdout)] == ["<stdin>:1", "<stdin>:2"]
    # A page that starts with braces but no JSON object is a page; --input-format decides.
    page = '{"注意"}\n' + SEED.read_text(encoding="utf-8")
    result = runner.invoke(app, ["clean", "-f", "jsonl"], input=page.encode())
    assert [r["path"] for r in records(result.stdout)] == ["<stdin>"]
    page = '{"a": 1}\n' + SEED.read_text(encoding="utf-8")
    result = runner.invoke(app, ["clean", "-f", "jsonl", "--input-format", "text"],
                           input=page.encode())
    assert [r["path"] for r in records(result.stdout)] == ["<stdin>"]


@pytest.fixture(scope="module")
def long_feed(tmp_path_factory) -> Path:
    """A feed of 1.3 MB: records cross the first 64 KiB that tell a feed from a page and
    the 1 MiB pieces it is read in. Every record's story holds a line that they share."""
    story = SEED.read_text(encoding="utf-8").split("\n")
    footer = "城南新闻网的记者团队长期关注社区建设和基层治理工作，欢迎读者来信交流。"
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(220):
            # Each record's own story: its sentences carry its number.
            own = [line.replace("。", f"（{i}）。") for line in story[12:]]
            text = "\n".join(story[:12] + own[:1] + [footer] + own[1:])
            fh.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 1 << 20
    return path


@pytest.mark.parametrize("args", [["-j", "1"], ["-j", "2"], ["-j", "1", "--independent"],
                                  ["-j", "2", "--independent"]])
def test_a_long_feed_on_stdin_gives_the_records_of_the_file(runner, long_feed, args):
    command = ["clean", "-f", "jsonl", *args]
    from_file = records(runner.invoke(app, command + [str(long_feed)]).stdout)
    result = runner.invoke(app, command, input=long_feed.read_bytes())
    assert result.exit_code == 0, result.stderr
    piped = records(result.stdout)
    assert len(piped) == 220
    assert [r["path"] for r in piped] == [f"<stdin>:{i}" for i in range(1, 221)]
    for a, b in zip(piped, from_file):
        a.pop("path"), b.pop("path")
    assert piped == from_file
    # The run learns the shared line from the feed's own records, read twice.
    assert ("记者团队" in piped[0]["text"]) == ("--independent" in args)


def test_a_feed_on_stdin_leaves_no_temporary_file(tmp_path, long_feed):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "newsclean", "clean", "-f", "jsonl", "-q"],
                          input=long_feed.read_bytes(), capture_output=True, env=env)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 220
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for <(...)")
@pytest.mark.parametrize("args", [["-j", "1"], ["-j", "2"], ["--input-format", "jsonl"]])
def test_pipes_named_as_paths_are_read_once(tmp_path, long_feed, args):
    # <(cmd) gives /dev/fd/N, a pipe: the run learns from it and processes it, and it can
    # be read only once. Both were "empty file" on the second read.
    trad = DATA / "clean_trad_dump.txt"
    sources = [long_feed, long_feed] if "jsonl" in args else [SEED, trad]
    script = (f"{shlex.quote(sys.executable)} -m newsclean clean -f jsonl -q "
              + " ".join(shlex.quote(a) for a in args)
              + "".join(f" <(cat {shlex.quote(str(s))})" for s in sources))
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    recs = records(done.stdout)
    if "jsonl" in args:
        assert len(recs) == 440 and all(r["text"] for r in recs)
    else:
        assert [r["title"] for r in recs] == [SEED_TITLE, "寒流來襲 山區清晨低溫恐跌破五度"]
        assert all(r["path"].startswith("/dev/fd/") and r["text"] for r in recs)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stdin_beside_a_file_is_read_once_for_learning_and_processing(runner, tmp_path, jobs):
    other = tmp_path / "other.txt"
    shutil.copy(SEED, other)
    result = runner.invoke(app, ["clean", "-", str(other), "-f", "jsonl", "-j", jobs],
                           input=SEED.read_bytes())
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert [r["path"] for r in recs] == ["<stdin>", str(other)]
    assert recs[0]["text"] and recs[0]["text"] == recs[1]["text"]
    assert "2 ok, 0 failed, 0 skipped" in result.stderr


def test_encodings_are_detected(runner):
    for name, needle in (("dump_gbk.txt", "农村公路"), ("dump_big5.txt", "捷運"),
                         ("dump_utf16.txt", "捷運")):
        result = runner.invoke(app, ["clean", str(DATA / name), "--format", "jsonl"])
        assert result.exit_code == 0, (name, result.stderr)
        (rec,) = records(result.stdout)
        assert needle in rec["text"], name


def test_forced_wrong_encoding_is_a_clear_failure(runner):
    result = runner.invoke(app, ["clean", str(DATA / "dump_gbk.txt"), "--encoding", "utf-8"])
    assert result.exit_code == 1
    assert "dump_gbk.txt" in result.stderr and "--encoding" in result.stderr
    assert "Traceback" not in result.stderr


def test_traditional_input_keeps_its_script_and_to_converts(runner):
    result = runner.invoke(app, ["summarize", str(DATA / "dump_big5.txt"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rec = json.loads(result.stdout)
    assert rec["script"] == "traditional"
    assert any("捷運" in s for s in rec["summary"])
    result = runner.invoke(app, ["summarize", str(DATA / "dump_big5.txt"), "--format", "json",
                                 "--to", "simplified"])
    rec = json.loads(result.stdout)
    assert rec["script"] == "simplified"
    assert any("捷运" in s for s in rec["summary"])
    assert not any("捷運" in s for s in rec["summary"])


def test_every_command_takes_to_config_and_no_tofu(runner, tmp_path):
    src = tmp_path / "tw.txt"
    src.write_text("殢雲尤雨的軟體。\n", encoding="utf-8")
    for command in ("clean", "keywords", "summarize"):
        for args, text in ((["--config", "t2s"], "𣨼云尤雨的软体。"),
                           (["--config", "t2s", "--no-tofu"], "殢云尤雨的软体。"),
                           (["--to", "simplified", "--no-tofu"], "殢云尤雨的软体。")):
            result = runner.invoke(app, [command, str(src), "-f", "json", *args])
            assert result.exit_code == 0, result.stderr
            assert json.loads(result.stdout)["text"] == text, (command, args)
    result = runner.invoke(app, ["convert", str(src), "--config", "tw2sp", "--no-tofu"])
    assert result.stdout == "殢云尤雨的软件。\n"
    result = runner.invoke(app, ["digest", str(src), "-f", "json", "--config", "tw2sp"])
    assert json.loads(result.stdout)["stories"][0]["summary"] == ["𣨼云尤雨的软件。"]
    result = runner.invoke(app, ["digest", str(src), "--to", "simplified", "--config", "t2s"])
    assert result.exit_code == 2 and "not both" in result.stderr


def test_jsonl_passes_fields_through_and_reports_bad_lines(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "url": "u", "text": "今天天气很好。我们去公园散步。"}\n'
                   'not json\n'
                   '[1, 2]\n'
                   '{"id": "c"}\n', encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(src), "--format", "jsonl", "-n", "1"])
    assert result.exit_code == 1
    recs = records(result.stdout)
    assert len(recs) == 4
    assert recs[0]["id"] == "a" and recs[0]["url"] == "u" and "error" not in recs[0]
    assert recs[0]["summary"] and recs[0]["summary"][0] in "今天天气很好。我们去公园散步。"
    assert [r.get("error", {}).get("type") for r in recs[1:]] == ["format"] * 3
    assert recs[3]["id"] == "c"
    assert len(result.stderr.strip().splitlines()) == 4     # three errors and the tally
    assert "in.jsonl:2" in result.stderr and "Traceback" not in result.stderr


def test_max_chars_budget_and_at_least_one_sentence(runner, tmp_path):
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "第一句话比较长一些，讲了一件事情。第二句很短。第三句也不长。"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    for budget in (1, 12, 30):
        result = runner.invoke(app, ["summarize", str(src), "--max-chars", str(budget),
                                     "--format", "jsonl"])
        (rec,) = records(result.stdout)
        assert rec["summary"]
        assert len(rec["summary"]) == 1 or sum(map(len, rec["summary"])) <= budget


def test_usage_errors_exit_2(runner):
    assert runner.invoke(app, ["convert", str(SEED)]).exit_code == 2
    assert runner.invoke(app, ["convert", str(SEED), "--to", "klingon"]).exit_code == 2
    assert runner.invoke(app, ["summarize", str(SEED), "-n", "2", "--max-chars", "9"]).exit_code == 2
    assert runner.invoke(app, ["clean", str(SEED), "--format", "yaml"]).exit_code == 2
    result = runner.invoke(app, ["clean", str(SEED), "-o", str(SEED)])
    assert result.exit_code == 2 and "overwritten" in result.stderr


def test_a_failed_input_never_stops_the_batch(runner, tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(SEED, good)
    result = runner.invoke(app, ["clean", str(tmp_path / "missing.txt"), str(good),
                                 "--format", "jsonl"])
    assert result.exit_code == 1
    recs = records(result.stdout)
    assert recs[0]["error"]["type"] == "read" and recs[1]["title"] == SEED_TITLE
    assert "missing.txt" in result.stderr
    assert "1 ok, 1 failed" in result.stderr


def test_directory_is_sorted_and_skips_dotfiles(runner, tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        shutil.copy(SEED, tmp_path / name)
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "sub" / "c.txt")
    result = runner.invoke(app, ["clean", str(tmp_path), "--format", "jsonl", "-j", "1"])
    assert [Path(r["path"]).name for r in records(result.stdout)] == ["a.txt", "b.txt"]
    result = runner.invoke(app, ["clean", str(tmp_path), "-r", "--glob", "c*", "--format", "jsonl"])
    assert [Path(r["path"]).name for r in records(result.stdout)] == ["c.txt"]


def test_output_folder_mirrors_the_tree(runner, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEED, src / "one.txt")
    shutil.copy(SEED, src / "sub" / "two.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["summarize", str(src), "-r", "-o", f"{out}/", "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file()) == ["one.md", "sub/two.md"]
    text = (out / "sub" / "two.md").read_text(encoding="utf-8")
    assert text.startswith("---\n") and f"# {SEED_TITLE}" in text
    again = runner.invoke(app, ["summarize", str(src), "-r", "-o", f"{out}/", "--format",
                                "markdown", "--skip-existing"])
    assert "0 ok, 0 failed, 2 skipped" in again.stderr
    inside = runner.invoke(app, ["clean", str(src), "-o", f"{src}/out/"])
    assert inside.exit_code == 2


def test_output_file_and_json_array(runner, tmp_path):
    out = tmp_path / "all.json"
    result = runner.invoke(app, ["keywords", str(SEED), str(DATA / "dump_gbk.txt"),
                                 "-o", str(out), "--format", "json", "-k", "5"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(recs, list) and len(recs) == 2
    assert all(1 <= len(r["keywords"]) <= 5 for r in recs)
    assert not list(tmp_path.glob(".*.tmp"))


def test_text_output_on_a_pipe_is_plain(runner):
    result = runner.invoke(app, ["summarize", str(SEED)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == SEED_TITLE
    assert lines[1].startswith("2023-02-14") and "上海普陀" in lines[1]
    assert lines[2].startswith("Keywords: ")
    assert "\x1b[" not in result.stdout


def test_convert_streams_every_byte_through(runner, tmp_path):
    src = tmp_path / "mixed.txt"
    raw = "软件和鼠标\r\nabc 123 ÄÖ — “引号”\n\n最后一行没有换行"
    src.write_bytes(raw.encode("utf-8"))
    result = runner.invoke(app, ["convert", str(src), "--to", "taiwan-phrases"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode("utf-8") == ("軟體和滑鼠\r\nabc 123 ÄÖ — “引號”\n\n"
                                                  "最後一行沒有換行")
    result = runner.invoke(app, ["convert", "--config", "s2t"], input=raw.encode("gb18030"))
    assert result.stdout_bytes.decode("utf-8").startswith("軟件和鼠標\r\n")


@pytest.mark.parametrize("to, expected", [
    ("traditional", "台灣的群眾在床邊等待，他在網路上下載了軟體。\n"),     # kept as it is
    ("taiwan", "台灣的群眾在床邊等待，他在網路上下載了軟體。\n"),
    ("hongkong", "台灣的群眾在床邊等待，他在網路上下載了軟體。\n"),
    ("simplified", "台湾的群众在床边等待，他在网路上下载了软体。\n"),
])
def test_convert_to_a_script_starts_from_the_inputs_own(runner, tmp_path, to, expected):
    # Taiwanese text: --to traditional or hongkong must not rewrite it as if it were
    # Simplified (台→臺, 群→羣, 床→牀), whether the output is the text or a record.
    src = tmp_path / "tw.txt"
    src.write_text("台灣的群眾在床邊等待，他在網路上下載了軟體。\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(src), "--to", to])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    (rec,) = records(runner.invoke(app, ["convert", str(src), "--to", to, "-f", "jsonl"]).stdout)
    assert rec["text"] == expected


def test_no_path_on_a_terminal_is_a_usage_error():
    # A pseudo-terminal on stdin: newsclean must refuse at once instead of waiting.
    import pty
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "newsclean", "clean"], stdin=slave,
                              capture_output=True, timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 2
    assert b"stdin" in proc.stderr


def test_module_entry_point_and_utf8_stdout():
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONIOENCODING="ascii")
    proc = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(SEED), "-f", "jsonl"],
                          capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["title"] == SEED_TITLE


def test_jsonl_record_metadata_is_the_documents(runner, tmp_path):
    """A crawler's title and date come back as the document's, the cleaner fills in the
    rest, and a field newsclean computes is replaced with a warning."""
    dump = (DATA / "clean_en_dump.txt").read_text(encoding="utf-8")
    src = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a", "title": "Harbour bridge reopens after six months of repairs",
         "published": "2011-12-09", "publisher": "The Riverside Courier", "text": dump},
        {"id": "b", "title": "Crawler  headline", "keywords": ["old"], "text": dump},
        {"id": "c", "title": "A record without text"},
        {"id": "d", "title": ["not", "text"], "text": dump},
    ]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(src), "-f", "jsonl"])
    a, b, c, d = records(result.stdout)
    assert (a["title"], a["published"], a["publisher"]) == (
        "Harbour bridge reopens after six months of repairs", "2011-12-09",
        "The Riverside Courier")
    assert a["author"] == "Helen Marsh"                     # found by the cleaner
    assert a["title"] not in a["text"].splitlines()
    assert b["title"] == "Crawler headline" and b["published"] == "2011-12-09T14:05"
    assert b["keywords"] != ["old"] and any("keywords" in w for w in b["warnings"])
    assert c["title"] == "A record without text" and c["error"]["type"] == "format"
    assert d["title"] == "Harbour bridge reopens after six months of repairs"
    assert any("not a string" in w for w in d["warnings"])
    assert list(a)[:3] == ["id", "path", "title"]           # newsclean's keys in their order
    result = runner.invoke(app, ["digest", str(src), "-f", "json"])
    (story,) = json.loads(result.stdout)["stories"]          # one story, three copies
    assert "Crawler headline" in {c["title"] for c in story["copies"]}


# ---------------------------------------------------------------- -o and what stdout shows

def test_output_through_a_symbolic_link_replaces_its_target(runner, tmp_path):
    from conftest import no_temp_files, symlinks_supported
    if not symlinks_supported(tmp_path):
        pytest.skip("no symbolic links here")
    expected = runner.invoke(app, ["clean", str(SEED)]).stdout
    (tmp_path / "target.txt").write_text("old\n")
    (tmp_path / "out.txt").symlink_to("target.txt")
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "far.txt").symlink_to("../target.txt")
    for link in (tmp_path / "out.txt", tmp_path / "links" / "far.txt"):
        result = runner.invoke(app, ["clean", str(SEED), "-o", str(link), "-q"])
        assert result.exit_code == 0 and result.stderr == ""
        assert link.is_symlink() and (tmp_path / "target.txt").read_text() == expected
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["far.txt", "links", "out.txt",
                                                           "target.txt"]
    assert no_temp_files(tmp_path)


def test_interrupted_json_array_is_still_valid_json(runner, monkeypatch):
    import newsclean.output as output
    indent = output._indent
    calls = []

    def interrupted_third(text):
        calls.append(text)
        if len(calls) == 3:                 # the third document, its separator not yet out
            raise KeyboardInterrupt
        return indent(text)
    monkeypatch.setattr(output, "_indent", interrupted_third)
    result = runner.invoke(app, ["clean", *[str(SEED)] * 4, "-f", "json", "-j", "1",
                                 "--independent"])
    assert result.exit_code == 130
    assert result.stderr.endswith("newsclean: interrupted\n")
    assert [rec["title"] for rec in json.loads(result.stdout)] == [SEED_TITLE, SEED_TITLE]


@pytest.mark.parametrize("command", [["summarize"], ["convert", "--to", "traditional"], ["digest"]])
def test_a_folder_without_inputs_is_said(runner, tmp_path, monkeypatch, command):
    (tmp_path / "e").mkdir()
    (tmp_path / "full").mkdir()
    shutil.copy(SEED, tmp_path / "full" / "a.txt")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, "e", "-q"])
    assert result.exit_code == 0 and result.stderr == "newsclean: e: no input files\n"
    result = runner.invoke(app, [*command, "e", "full", "-r", "--glob", "*.nomatch", "-q"])
    assert result.exit_code == 0
    assert result.stderr == ("newsclean: e: no file matches --glob '*.nomatch'\n"
                             "newsclean: full: no file matches --glob '*.nomatch'\n")
    result = runner.invoke(app, [*command, "full", "-q"])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("command", [["summarize"], ["digest"]])
def test_a_closed_stdout_stops_quietly_with_exit_1(command):
    src = Path(__file__).parent.parent / "src"
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", *command, str(SEED), "-q"],
                            env={**os.environ, "PYTHONPATH": str(src)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()                     # the reader is gone before anything is written
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert stderr == b""
