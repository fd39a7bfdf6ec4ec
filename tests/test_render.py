"""Renderers: the same Article as text, markdown, json and jsonl."""
from __future__ import annotations

import json

from newsclean.article import Article, Line
from newsclean.options import Options
from newsclean.render import RENDERERS, failure_record, render_failure


def article() -> Article:
    return Article(path="a.txt", title="标题: [重要] 新闻", published="2024-01-02T08:30",
                   publisher="示例日报", author="张三", language="zh", script="simplified",
                   text="第一段。\n第二段。", keywords=["关键词", "新闻"],
                   summary=["第一段。"], extra={"id": "7"})


def test_text_shows_title_meta_keywords_and_summary():
    out = RENDERERS["text"](article(), Options(command="summarize"))
    assert out.splitlines() == ["标题: [重要] 新闻", "2024-01-02 08:30 · 示例日报 · 张三",
                                "Keywords: 关键词, 新闻", "", "第一段。"]


def test_text_without_a_header_starts_with_the_body():
    bare = Article(path="a.txt", text="一段话。", summary=["一段话。"])
    for command in ("summarize", "clean"):
        assert RENDERERS["text"](bare, Options(command=command)) == "一段话。\n"
    assert RENDERERS["text"](bare, Options(command="keywords")) == "\n"


def test_text_clean_shows_the_body_and_explain_marks_lines():
    doc = article()
    assert RENDERERS["text"](doc, Options(command="clean")).endswith("\n第一段。\n第二段。\n")
    doc.lines = [Line("微博 微信", False, "share bar"), Line("第一段。", True, "body")]
    out = RENDERERS["text"](doc, Options(command="clean", explain=True))
    assert "- 微博 微信    [share bar]" in out and "+ 第一段。" in out


def test_markdown_front_matter_is_valid_yaml_flow():
    out = RENDERERS["markdown"](article(), Options(command="summarize"))
    front, body = out.split("---\n")[1], out.split("---\n", 2)[2]
    fields = dict(line.split(": ", 1) for line in front.strip().splitlines())
    # Values are JSON, a subset of YAML: quotes and brackets in a title cannot break it.
    assert json.loads(fields["title"]) == "标题: [重要] 新闻"
    assert json.loads(fields["keywords"]) == ["关键词", "新闻"]
    assert body.strip().startswith("# 标题: [重要] 新闻")


def test_json_records_carry_pass_through_fields_and_explain_lines():
    doc = article()
    doc.lines = [Line("x", False, "nav")]
    rec = json.loads(RENDERERS["jsonl"](doc, Options(command="clean", explain=True)))
    assert rec["id"] == "7" and rec["title"] == "标题: [重要] 新闻"
    assert rec["lines"] == [{"text": "x", "kept": False, "reason": "nav"}]
    assert "lines" not in json.loads(RENDERERS["json"](doc, Options(command="clean")))


def test_failure_records_have_every_key_and_the_error():
    rec = failure_record("b.txt", "decode", "not UTF-8", {"id": 3})
    assert rec["error"] == {"type": "decode", "message": "not UTF-8"}
    assert rec["keywords"] == [] and rec["title"] is None and rec["id"] == 3
    assert render_failure(rec, "text") is None
    assert json.loads(render_failure(rec, "jsonl")) == rec
