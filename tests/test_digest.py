"""The digest: copies of one story merged, different stories kept apart, every input
accounted for, and the three documents well formed."""
from __future__ import annotations

import itertools
import random
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean import Options, process_text
from newsclean.cli import app
from newsclean.digest import (CONTAINMENT, Copy, Digest, Story, build_digest, comparable_text,
                              digest, group_copies, group_stories, shingles, similar,
                              sort_stories)
from newsclean.digest_render import md_escape, render_digest

DATA = Path(__file__).parent / "data" / "digest"
CHINESE = ["marathon_race", "marathon_volunteers", "rail_opening", "rail_tourism",
           "rail_followup", "library_hours", "tea_harvest", "rain_warning", "rain_flights",
           "robot_contest"]
ENGLISH = ["bike_lanes_vote", "bike_lanes_riders"]
# Different stories on one event: they share places, names and numbers, not text.
# A follow-up repeats one background paragraph of the first report word for word.
SAME_EVENT = [("marathon_race", "marathon_volunteers"), ("rail_opening", "rail_tourism"),
              ("rail_opening", "rail_followup"), ("rail_tourism", "rail_followup"),
              ("rain_warning", "rain_flights"), ("bike_lanes_vote", "bike_lanes_riders")]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def story(name: str) -> str:
    return (DATA / "stories" / f"{name}.txt").read_text(encoding="utf-8")


def wrap(body: str, portal: str) -> str:
    page = (DATA / "portals" / f"{portal}.txt").read_text(encoding="utf-8")
    return page.replace("{body}\n", body)


def s2t(text: str, config: str = "s2t") -> str:
    from newsclean.convert import convert_text
    return convert_text(text, config)


def edited(body: str) -> str:
    """A reprint with a desk's small edits: words changed, the last paragraph cut,
    a credit line added."""
    lines = body.rstrip("\n").split("\n")
    lines = lines[:-1] if len(lines) > 4 else lines
    text = "\n".join(lines)
    for old, new in (("表示", "称"), ("记者", "本报记者"), ("目前", "眼下"), ("said", "says"),
                     ("forty", "40"), ("，并", "，同时")):
        text = text.replace(old, new, 1)
    credit = "Reporting by staff." if body.isascii() else "（通讯员 周立 本报记者 何敏）"
    return text + "\n" + credit + "\n"


# ---------------------------------------------------------------- pairs: precision, recall

def teaser(body: str) -> str:
    """A portal's short version: headline, date line and the first two paragraphs."""
    return "\n".join(body.split("\n")[:4]) + "\n"


def variants(name: str) -> dict[str, str]:
    body = story(name)
    if name in ENGLISH:
        return {"a": wrap(body, "harbour"), "b": wrap(body, "northside"),
                "edit": wrap(edited(body), "northside"), "teaser": wrap(teaser(body), "harbour")}
    return {"a": wrap(body, "qianjiang"), "b": wrap(body, "donghai"),
            "trad": wrap(s2t(body), "gangdao"), "edit": wrap(edited(body), "xincheng"),
            "taiwan": wrap(s2t(body, "s2twp"), "donghai"),        # Taiwan phrases: 软件 -> 軟體
            "teaser": wrap(teaser(s2t(body)), "gangdao")}


@pytest.fixture(scope="module")
def cleaned() -> dict[tuple[str, str], str]:
    """Every variant of every story, cleaned on its own: the text copies are compared on."""
    options = Options(command="clean", independent=True)
    out = {}
    for name in CHINESE + ENGLISH:
        for kind, raw in variants(name).items():
            out[name, kind] = comparable_text(process_text(raw, options, f"{name}-{kind}"))
    return out


def test_precision_and_recall_on_pairs(cleaned):
    pairs = []
    for (n1, k1), (n2, k2) in itertools.combinations(sorted(cleaned), 2):
        if n1 == n2:
            pairs.append((True, n1, k1, n2, k2))
        elif (n1, n2) in SAME_EVENT or (n2, n1) in SAME_EVENT or k1 == k2 == "a":
            pairs.append((False, n1, k1, n2, k2))
    tp = fp = fn = 0
    misses = []
    same_event = sum((n1, n2) in SAME_EVENT or (n2, n1) in SAME_EVENT for _, n1, _, n2, _ in pairs)
    for same, n1, k1, n2, k2 in pairs:
        merged = len(group_copies([cleaned[n1, k1], cleaned[n2, k2]])) == 1
        tp += same and merged
        fp += merged and not same
        fn += same and not merged
        if merged != same:
            misses.append((n1, k1, n2, k2))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn)
    positives = sum(p[0] for p in pairs)
    print(f"\nnear-duplicates: {positives} copy pairs, {len(pairs) - positives} different-story "
          f"pairs ({same_event} on the same event): precision {precision:.3f}, "
          f"recall {recall:.3f}; wrong: {misses}")
    assert positives >= 60 and len(pairs) - positives >= 50
    assert precision == 1.0, misses
    assert recall >= 0.95, misses


def test_copies_score_far_above_other_stories(cleaned):
    def containment(a: str, b: str) -> float:
        x, y = shingles(a), shingles(b)
        return len(x & y) / min(len(x), len(y))

    copies, others = [], []
    for (n1, k1), (n2, k2) in itertools.combinations(sorted(cleaned), 2):
        score = containment(cleaned[n1, k1], cleaned[n2, k2])
        (copies if n1 == n2 else others).append(score)
    print(f"\ncontainment: copies {min(copies):.2f} and more, other stories "
          f"{max(others):.2f} at most")
    assert min(copies) - CONTAINMENT > 0.05 and CONTAINMENT - max(others) > 0.05


def test_a_roundup_does_not_swallow_the_briefs_it_quotes():
    options = Options(command="clean", independent=True)
    names = CHINESE[:6]
    firsts = [story(n).split("\n")[2] for n in names]
    roundup = "今日要闻汇总\n2024-06-21 08:00 来源：晨间快讯\n" + "\n".join(firsts) + "\n"
    briefs = [f"{story(n).splitlines()[0]}\n2024-06-21 来源：晨间快讯\n{first}\n"
              for n, first in zip(names, firsts)]
    texts = [comparable_text(process_text(wrap(t, "qianjiang"), options))
             for t in [roundup] + briefs]
    assert len(group_copies(texts)) == len(texts)


def test_grouping_does_not_compare_every_pair(monkeypatch):
    import newsclean.digest as module
    calls = []

    def counted(a, b):
        calls.append(1)
        return similar(a, b)
    monkeypatch.setattr(module, "similar", counted)
    rng = random.Random(6)
    texts = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(300)) for _ in range(400)]
    texts += [texts[5] + "编辑：某某", texts[17][:200]]
    groups = group_copies(texts)
    assert len(groups) == 400
    assert sorted(map(sorted, groups))[5] == [5, 400] and [17, 401] in map(sorted, groups)
    assert len(calls) <= 2 * len(texts)     # all pairs would be 80,000


# ---------------------------------------------------------------- a folder of dumps

@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    folder = tmp_path / "dumps"
    folder.mkdir()
    race = story("marathon_race")
    files = {
        "race_qj.txt": wrap(race, "qianjiang"), "race_dh.txt": wrap(race, "donghai"),
        "race_xc.txt": wrap(race, "xincheng"), "race_gd.txt": wrap(s2t(race), "gangdao"),
        "volunteers.txt": wrap(story("marathon_volunteers"), "qianjiang"),
        "rail.txt": wrap(story("rail_opening"), "qianjiang"),
        "rail_edited.txt": wrap(edited(story("rail_opening")), "donghai"),
        "tourism.txt": wrap(story("rail_tourism"), "donghai"),
        "library_tw.txt": wrap(s2t(story("library_hours")), "gangdao"),
        "rain.txt": wrap(story("rain_warning"), "donghai"),
        "flights.txt": wrap(story("rain_flights"), "qianjiang"),
        "bike_h.txt": wrap(story("bike_lanes_vote"), "harbour"),
        "bike_n.txt": wrap(story("bike_lanes_vote"), "northside"),
        "riders.txt": wrap(story("bike_lanes_riders"), "northside"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    return folder


EXPECTED_GROUPS = [{"race_qj.txt", "race_dh.txt", "race_xc.txt", "race_gd.txt"},
                   {"rail.txt", "rail_edited.txt"}, {"bike_h.txt", "bike_n.txt"}]


def names(story_record: dict) -> set[str]:
    return {Path(c["path"]).name for c in story_record["copies"]}


def check_digest_record(record: dict, folder: Path) -> None:
    assert set(record) == {"articles", "stories", "merged", "failed"}
    for s in record["stories"]:
        assert set(s) == {"title", "published", "publisher", "keywords", "summary", "copies"}
        for c in s["copies"]:
            assert set(c) == {"path", "title", "publisher", "published"}
    for f in record["failed"]:
        assert set(f) == {"path", "error"} and f["error"]
    # Every input exactly once: in one story's copies, or failed.
    seen = [Path(c["path"]).name for s in record["stories"] for c in s["copies"]]
    seen += [Path(f["path"]).name for f in record["failed"]]
    assert sorted(seen) == sorted(p.name for p in folder.iterdir())
    copies = sum(len(s["copies"]) for s in record["stories"])
    assert record["articles"] == copies
    assert record["merged"] == copies - len(record["stories"])
    assert [Path(f["path"]).name for f in record["failed"]] in (["broken.txt"],
                                                               ["broken.txt", "empty.txt"])
    groups = [names(s) for s in record["stories"] if len(s["copies"]) > 1]
    assert sorted(map(sorted, groups)) == sorted(map(sorted, EXPECTED_GROUPS))
    titles = {s["title"] for s in record["stories"]}
    assert "凌晨四点的补给站：西湖半马背后的志愿者们" in titles      # same event, own entry
    assert "Cyclists cheer, shop owners worry as bike lane plan moves ahead" in titles
    dates = [s["published"] for s in record["stories"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[:len(dated)] == dated                  # undated last


def test_cli_json_accounts_for_every_input(dumps):
    result = CliRunner().invoke(app, ["digest", str(dumps), "-f", "json", "-j", "2"])
    assert result.exit_code == 1, result.stderr          # broken.txt failed
    record = json.loads(result.stdout)
    check_digest_record(record, dumps)
    assert record["articles"] >= 14 and record["merged"] == 5
    assert "broken.txt: binary data (a PNG image), not text" in result.stderr
    assert "\r" not in result.stderr                   # no progress bar off a terminal
    failed = len(record["failed"])
    assert result.stderr.strip().splitlines()[-1] == \
        f"{record['articles']} ok, {failed} failed, 0 skipped"


def test_library_digest_matches_the_cli(dumps):
    made = digest([str(dumps)], Options(command="summarize", jobs=1))
    check_digest_record(made.to_record(), dumps)
    race = next(s for s in made.stories if len(s.copies) == 4)
    assert race.title == "西湖半程马拉松鸣枪开跑 两万名跑者穿城而过"   # the first copy speaks
    assert race.published.startswith("2024-03-17") and race.publisher == "钱塘晚报"
    assert race.summary and all(s in story("marathon_race") for s in race.summary)


def test_markdown_file_structure(dumps, tmp_path):
    out = tmp_path / "digest.md"
    result = CliRunner().invoke(app, ["digest", str(dumps), "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "ok," not in result.stderr                    # -q: no tally
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# News digest\n\n")
    assert re.search(r"^\d+ articles in \d+ stories, 5 copies merged, \d inputs? failed\.$",
                     text, re.M)
    assert "broken.txt: binary data" in text
    headings = re.findall(r"^## (.+)$", text, re.M)
    record = digest([str(dumps)], Options(command="summarize", jobs=1)).to_record()
    assert headings == [md_escape(s["title"] or "(untitled)") for s in record["stories"]]
    assert text.count("\nCopies:\n") == 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_html_is_self_contained_and_escaped(dumps, tmp_path):
    (dumps / "odd.txt").write_text(wrap(
        "Water rates & \"fees\" rise *again*, as 3 < 4 homes complain\n2024-05-01 Source: City Desk\n"
        "Water rates will rise by four percent from July, the utility said on Wednesday, the "
        "third increase in as many years. The average household will pay about thirty dollars "
        "more a year.\n"
        "The utility said the money would pay for replacing old pipes in the northern suburbs, "
        "where a burst main flooded several streets last winter.\n", "harbour"))
    out = tmp_path / "digest.html"
    result = CliRunner().invoke(app, ["digest", str(dumps), "-o", str(out), "-j", "1",
                                      "--group-by", "publisher"])
    assert result.exit_code == 1, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "max-width" in page and "@media print" in page
    assert "<script" not in page.lower() and not re.search(r"(src|href)=|url\(|@import", page)
    assert "3 < 4" not in page and "3 &lt; 4" in page and "&amp; &quot;fees&quot;" in page
    sections = re.findall(r"<h2>(.*?)</h2>", page)
    assert sections[-1] == "Unknown publisher" or "Unknown publisher" not in sections
    known = [s for s in sections if s != "Unknown publisher"]
    assert known == sorted(known)
    assert page.count("<article") == len(re.findall(r"<h3>", page))
    assert_balanced(page)


def assert_balanced(page: str) -> None:
    from html.parser import HTMLParser
    void = {"meta", "br", "img", "hr", "link", "input"}

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack.pop() == tag, tag

    parser = Tags()
    parser.feed(page)
    assert parser.stack == []


def test_format_follows_the_extension_and_refuses_to_overwrite(dumps, tmp_path):
    runner = CliRunner()
    out = tmp_path / "d.json"
    assert runner.invoke(app, ["digest", str(dumps), "-o", str(out), "-j", "1"]).exit_code == 1
    check_digest_record(json.loads(out.read_text(encoding="utf-8")), dumps)
    before = (dumps / "rail.txt").read_bytes()
    for target in (dumps / "rail.txt", dumps / "new.md"):
        result = runner.invoke(app, ["digest", str(dumps), "-o", str(target), "-f", "markdown"])
        assert result.exit_code == 2 and "newsclean: error:" in result.stderr
    assert (dumps / "rail.txt").read_bytes() == before and not (dumps / "new.md").exists()
    result = runner.invoke(app, ["digest", str(dumps), "-o", str(tmp_path / "d.txt")])
    assert result.exit_code == 2


def test_interrupt_leaves_nothing_behind(dumps, tmp_path, monkeypatch):
    import newsclean.digest_render as render

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(render, "render_digest", interrupted)
    result = CliRunner().invoke(app, ["digest", str(dumps), "-o", str(tmp_path / "d.md"),
                                      "-j", "1"])
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["dumps"]


# ---------------------------------------------------------------- sorting, grouping, escaping

def make_story(title, published, publisher, path):
    return Story(title, published, publisher, [], [], [Copy(path, title, publisher, published)])


STORIES = [make_story("a", "2024-01-02T08:00", "B", "z.txt"),
           make_story("b", None, "A", "y.txt"),
           make_story("c", "2024-03-01", None, "x.txt"),
           make_story("d", "2024-01-02T09:00", "A", "w.txt")]


def test_sort_orders():
    assert [s.title for s in sort_stories(STORIES, "date")] == ["c", "d", "a", "b"]
    assert [s.title for s in sort_stories(STORIES, "publisher")] == ["d", "b", "a", "c"]
    assert [s.title for s in sort_stories(STORIES, "path")] == ["d", "c", "b", "a"]
    with pytest.raises(ValueError):
        sort_stories(STORIES, "size")


def test_group_by_day_and_publisher():
    by_day = group_stories(sort_stories(STORIES, "date"), "date")
    assert [(k, [s.title for s in v]) for k, v in by_day] == [
        ("2024-03-01", ["c"]), ("2024-01-02", ["d", "a"]), (None, ["b"])]
    by_pub = group_stories(sort_stories(STORIES, "date"), "publisher")
    assert [k for k, _ in by_pub] == ["A", "B", None]
    assert group_stories([], "none") == []


def test_markdown_escapes_titles():
    nasty = make_story("*Breaking* [news](http://x) <img> # 1. _a_ | b & c", None, None, "a_b.txt")
    text = render_digest(Digest(1, [nasty]), "markdown")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    assert heading == r"## \*Breaking\* \[news\](http://x) \<img\> # 1. \_a\_ \| b \& c"
    assert "- a\\_b.txt" in text
    assert md_escape("- item") == "\\- item" and md_escape("1. item") == "1\\. item"


def test_build_digest_lists_failures_and_merges_cross_script_copies():
    from newsclean.errors import ReadError
    from newsclean.sources import Failure
    options = Options(command="summarize")
    body = story("tea_harvest")
    docs = [process_text(wrap(body, "qianjiang"), options, "s.txt"),
            process_text(wrap(s2t(body), "gangdao"), options, "t.txt"),
            Failure("gone.txt", ReadError("gone.txt", "no such file or directory"))]
    made = build_digest(docs)
    assert made.articles == 2 and made.merged == 1 and len(made.stories) == 1
    assert [c.path for c in made.stories[0].copies] == ["s.txt", "t.txt"]
    assert made.to_record()["failed"] == [{"path": "gone.txt",
                                           "error": "no such file or directory"}]
    assert json.loads(render_digest(made, "json")) == made.to_record()
    # The page marks each story's script for the browser's glyphs.
    assert '<html lang="zh-Hans">' in render_digest(made, "html")
    traditional = build_digest([process_text(wrap(s2t(body), "gangdao"), options, "t.txt")])
    assert '<article lang="zh-Hant">' in render_digest(traditional, "html")


def test_parallel_results_keep_input_order_with_failures_between(dumps):
    # The digest relies on batch.results: chunks of inputs go to the workers, and the
    # results must still come back one per input, in input order.
    from newsclean.batch import results
    from newsclean.errors import ReadError
    from newsclean.sources import Failure, discover
    items = list(discover([str(dumps), str(dumps / "missing.txt"), str(dumps / "rail.txt")]))
    items.insert(3, Failure("gone.txt", ReadError("gone.txt", "no such file or directory")))
    options = Options(command="clean", independent=True)
    serial = [(r.item.path, [getattr(d, "title", None) for d in r.docs])
              for r in results(items, options, 1)]
    parallel = [(r.item.path, [getattr(d, "title", None) for d in r.docs])
                for r in results(items, options, 2)]
    assert parallel == serial
    assert [p for p, _ in parallel] == [getattr(i, "path", None) for i in items]


def test_markdown_renders_titles_and_summaries_as_plain_text():
    markdown_it = pytest.importorskip("markdown_it")
    title = "*Breaking* [news](http://x) <img> # 1. _a_ | b & c &amp;"
    odd = Story(title, "2024-01-01", "A*B", ["k_1", "<k>"], ["Sum *x* <y>.", "第二句。"],
                [Copy("a_b [1].txt", title, "p", None)])
    page = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
        render_digest(Digest(1, [odd]), "markdown"))
    assert "<h2>*Breaking* [news](http://x) &lt;img&gt; # 1. _a_ | b &amp; c &amp;amp;</h2>" in page
    assert "<p><em>2024-01-01 · A*B</em></p>" in page
    assert "k_1, &lt;k&gt;" in page and "<p>Sum *x* &lt;y&gt;. 第二句。</p>" in page
    assert "<li>a_b [1].txt (p)</li>" in page


def test_piped_stdin_is_one_article():
    raw = wrap(story("tea_harvest"), "qianjiang").encode("gb18030")
    result = CliRunner().invoke(app, ["digest", "-f", "json", "-q"], input=raw)
    assert result.exit_code == 0 and result.stderr == ""
    record = json.loads(result.stdout)
    assert record["articles"] == 1 and record["failed"] == []
    assert record["stories"][0]["title"] == "明前龙井开采 茶农抢抓晴好天气忙采摘"
    assert record["stories"][0]["copies"][0]["path"] == "<stdin>"


def test_a_digest_says_what_was_repaired_and_counts_its_inputs(tmp_path):
    # As the other commands do: a warning line for each input read with repairs, and
    # the tally of a run over several inputs, on a pipe too.
    body = wrap(story("tea_harvest"), "qianjiang")
    (tmp_path / "a.txt").write_bytes(body.encode("utf-8").replace("。".encode(), b"\x00", 1))
    (tmp_path / "b.txt").write_text(wrap(story("rail_opening"), "gangdao"), encoding="utf-8")
    result = CliRunner().invoke(app, ["digest", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"newsclean: {tmp_path / 'a.txt'}: warning: 1 NUL character(s) removed",
        "2 ok, 0 failed, 0 skipped"]


def test_verbatim_copies_count_once_in_the_batch_statistics(dumps):
    # Three portals carry the race report word for word: counted as three documents,
    # its paragraphs would look like site furniture and be cleaned away.
    from newsclean.batch import learn
    from newsclean.sources import discover
    items = list(discover([str(dumps)]))
    options = Options(command="summarize")
    paragraph = story("marathon_race").split("\n")[3]
    footer = "版权所有 © 2024 钱江新闻网 未经授权禁止转载"
    distinct = learn(items, options)
    assert distinct.repeats(paragraph) <= 1          # finish() keeps lines met twice or more
    assert distinct.repeats(footer) >= 3            # furniture of different stories still repeats


def test_an_output_under_a_file_is_refused_before_anything_is_read(dumps, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    for output in (blocker / "d.md", blocker / "sub" / "d.md"):
        result = CliRunner().invoke(app, ["digest", str(dumps), "-o", str(output)])
        # One line and exit 2: the broken inputs of the folder were never read.
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == (f"newsclean: error: cannot write --output {output}: "
                                 f"{blocker} is not a folder\n")
    assert blocker.read_text() == "x"


def test_group_by_with_json_is_a_usage_error(dumps, tmp_path):
    for args in (["-f", "json"], ["-o", str(tmp_path / "d.json")]):
        result = CliRunner().invoke(app, ["digest", str(dumps), "--group-by", "date", *args])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith("newsclean: error: --group-by lays out markdown and html")
    assert not (tmp_path / "d.json").exists()
    result = CliRunner().invoke(app, ["digest", str(dumps), "--group-by", "none", "-f", "json",
                                      "-q"])
    assert result.exit_code == 1 and json.loads(result.stdout)["articles"] == 14


def test_publishers_sort_and_group_whatever_their_case():
    stories = [make_story("a", "2024-01-01", "Vancouver Sun", "a.txt"),
               make_story("b", "2024-01-02", "news.com.au", "b.txt"),
               make_story("c", "2024-01-03", "ABC News", "c.txt"),
               make_story("d", "2024-01-04", "abc news", "d.txt")]
    assert [s.publisher for s in sort_stories(stories, "publisher")] == [
        "ABC News", "abc news", "news.com.au", "Vancouver Sun"]
    assert [k for k, _ in group_stories(stories, "publisher")] == [
        "ABC News", "abc news", "news.com.au", "Vancouver Sun"]


def test_summary_sentences_join_without_a_space_after_chinese():
    made = Digest(1, [Story("开新篇!普陀", None, None, [],
                            ["经久不息的掌声。", "2月13日上午，峰会举行。", "他说：“好。”", "Done.",
                             "He said “yes.”", "3 left.", "最后一句。"], [Copy("a.txt", None, None, None)])])
    text = render_digest(made, "markdown")
    assert "经久不息的掌声。2月13日上午，峰会举行。他说：“好。”Done. He said “yes.” 3 left. 最后一句。" in text
    assert "经久不息的掌声。2月13日" in render_digest(made, "html")


def test_markdown_escapes_what_a_heading_would_read_as_markup():
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark")
    for title in ("开新篇!普陀", "![pic](x.png) wow!", "C # ##", "# 1 #", "#tag", "C#"):
        heading = "## " + md_escape(title)
        assert md.render(heading) == f"<h2>{title}</h2>\n", heading
    assert md_escape("Wow! ![pic](x)") == r"Wow! !\[pic\](x)"
    assert md_escape("C # ##") == r"C # \##"
