"""The pipeline: each command's stages in order; a failing stage is named."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE, DATA
from newsclean import Options, process_text
from newsclean.article import Article
from newsclean.errors import InputFormatError, StageError
from newsclean.pipeline import STAGES, STAGES_FOR, process


def test_every_command_lists_known_stages_ending_in_the_output_conversion():
    for command, stages in STAGES_FOR.items():
        assert all(name in STAGES for name in stages), command
        assert stages[-1] == "convert"


def test_convert_command_keeps_the_whole_input():
    raw = "导航 首页\n正文第一句。\n"
    doc = process_text(raw, Options(command="convert", to="traditional"))
    assert doc.text == "導航 首頁\n正文第一句。\n"


def test_a_crashing_stage_is_reported_with_its_name(monkeypatch):
    def broken(doc, options):
        raise ValueError("boom")
    monkeypatch.setitem(STAGES, "detect", broken)
    with pytest.raises(StageError) as info:
        process(Article(path="x.txt", raw="正文。"), Options(command="clean"))
    assert info.value.path == "x.txt"
    assert "detect failed" in info.value.message and "boom" in info.value.message


def test_the_output_script_covers_the_metadata_too():
    from newsclean.convert import convert_text
    raw = (Path(__file__).parent / "data" / "dump_gbk.txt").read_bytes().decode("gb18030")
    simplified = process_text(raw, Options(command="summarize"))
    traditional = process_text(raw, Options(command="summarize", to="traditional"))
    assert simplified.publisher == "省交通运输厅" and simplified.author == "张明"
    assert (traditional.publisher, traditional.author) == ("省交通運輸廳", "張明")
    for field in ("title", "publisher", "author", "summary", "keywords"):
        before, after = getattr(simplified, field), getattr(traditional, field)
        if isinstance(before, list):
            assert after == [convert_text(v, "s2t") for v in before], field
        else:
            assert after == convert_text(before, "s2t"), field


@pytest.mark.parametrize("settings, complaint", [
    ({"command": "digest"}, "Options.command must be one of clean, convert"),
    ({"format": "yaml"}, "Options.format"),
    ({"to": "klingon"}, "Options.to must be one of simplified"),
    ({"config": "s2x"}, "Options.config"),
    ({"input_format": "pdf"}, "Options.input_format"),
    ({"to": "traditional", "config": "s2t"}, "not both"),
    ({"sentences": -1}, "Options.sentences must be a whole number of 0 or more"),
    ({"max_chars": 0}, "Options.max_chars must be a whole number of 1 or more"),
    ({"jobs": 0}, "Options.jobs"),
    ({"keywords": 2.5}, "Options.keywords"),
    ({"keywords": True}, "Options.keywords"),
    ({"command": "convert"}, "convert needs Options.to or Options.config"),
    ({"clean": "no"}, "Options.clean must be True or False, not 'no'"),
    ({"independent": 1}, "Options.independent"),
    ({"encoding": 5}, "Options.encoding must be a str or None"),
])
def test_bad_options_are_refused_when_made(settings, complaint):
    with pytest.raises(ValueError, match=complaint):
        Options(**settings)


def test_no_keywords_and_no_summary_may_be_asked_for():
    doc = process_text(ARTICLE * 3, Options(keywords=0, sentences=0))
    assert doc.keywords == [] and doc.summary == [] and doc.text


def test_process_text_needs_a_str():
    with pytest.raises(TypeError, match="str, not bytes"):
        process_text(ARTICLE.encode(), Options())


def test_process_text_reads_a_text_as_the_command_line_reads_a_file():
    page = f"<html><body><h1>城南新闻</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></body></html>"
    assert process_text(page, Options(command="clean")).title == "城南新闻"
    # Told it is text, it goes to the line cleaner: no <h1> is read as a headline.
    as_text = process_text(page, Options(command="clean", input_format="text"))
    assert as_text.title is None and as_text.text == f"{ARTICLE}\n{ARTICLE}"
    doc = process_text("\ufeff" + ARTICLE.replace("，", "，\x00", 1) + "\ud800", Options())
    assert "\x00" not in doc.text and "\ufeff" not in doc.text and doc.text.endswith("\ufffd")
    assert doc.warnings == ["1 NUL character(s) removed", "1 lone surrogate(s) replaced"]
    for text, reason in (("", "empty text"), (" \n\t", "only whitespace, no text"),
                         ("\x01\x02\x03\x04", "binary data, not text")):
        with pytest.raises(InputFormatError, match=reason):
            process_text(text, Options())
    with pytest.raises(ValueError, match="one document"):
        process_text(ARTICLE, Options(input_format="jsonl"))


@pytest.mark.parametrize("call, complaint", [
    (lambda: process_text(ARTICLE, {"command": "clean"}), "needs newsclean.Options, not dict"),
    (lambda: process_text(ARTICLE, Options(), path=5), "path as a str, not int"),
    (lambda: process(ARTICLE, Options()), "needs a newsclean.Article, not str"),
    (lambda: process(Article(path="x", raw=b"x"), Options()), "raw text are str"),
])
def test_wrong_types_are_named(call, complaint):
    with pytest.raises(TypeError, match=complaint):
        call()


def test_process_leaves_its_article_as_it_was():
    tw = Article(path="tw", raw=(DATA / "clean_trad_dump.txt").read_text(encoding="utf-8"))
    simplified = process(tw, Options(to="simplified"))
    assert tw.title is None and tw.keywords == [] and tw.warnings == []
    again = process(tw, Options())
    assert again.script == "traditional" and again.title != simplified.title
    assert again.title == process(tw, Options()).title
    record = again.to_record()
    record["keywords"].clear()
    assert again.keywords
