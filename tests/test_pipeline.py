"""The pipeline: each command's stages in order; a failing stage is named."""
from __future__ import annotations

import pytest

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
