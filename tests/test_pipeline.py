"""The pipeline: each command's stages in order; a failing stage is named."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE
from newsclean import Options, process_text
from newsclean.article import Article
from newsclean.errors import StageError
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
