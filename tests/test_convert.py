"""Conversion, script detection and the two pipeline stages of newsclean.convert."""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.article import Article
from newsclean.convert import (
    CONFIGS, HAN, TO_CONFIGS, convert_chunks, convert_output, convert_text, detect,
    detect_script, iter_convert, resolve_config, to_simplified,
)
from newsclean.options import Options

DATA = Path(__file__).parent / "data"

# One sentence per config, each showing what that config does and its neighbours do not
# (answers from the `opencc` 1.4.2 command line tool).
EXAMPLES = [
    ("s2t", "我们去台湾买软件，头发很长。", "我們去臺灣買軟件，頭髮很長。"),
    ("t2s", "我們去臺灣買軟件，頭髮很長。", "我们去台湾买软件，头发很长。"),
    ("s2tw", "这里的鼠标很便宜。", "這裡的鼠標很便宜。"),
    ("tw2s", "這裡的滑鼠很便宜。", "这里的滑鼠很便宜。"),
    ("s2twp", "这里的鼠标和软件很便宜。", "這裡的滑鼠和軟體很便宜。"),
    ("tw2sp", "這裡的滑鼠和軟體很便宜。", "这里的鼠标和软件很便宜。"),
    ("s2hk", "他说台湾的温度很高。", "他説台灣的温度很高。"),
    ("hk2s", "他説台灣的温度很高。", "他说台湾的温度很高。"),
    ("s2hkp", "我坐出租车去买鼠标和软件。", "我坐出租車去買滑鼠和軟件。"),
    ("hk2sp", "我坐的士去買滑鼠和軟件。", "我坐的士去买鼠标和软件。"),
    ("t2tw", "裏面的温度很高。", "裡面的温度很高。"),
    ("tw2t", "裡面的溫度很高。", "裏面的溫度很高。"),
    ("t2hk", "他說衛生署的溫度很高。", "他説衞生署的温度很高。"),
    ("hk2t", "他説衞生署的温度很高。", "他說衛生署的溫度很高。"),
    ("t2jp", "國學與藝術", "国学与芸術"),
    ("jp2t", "国学と芸術の学校", "國學と藝術の學校"),
]


def test_examples_cover_every_config():
    assert sorted(cfg for cfg, _, _ in EXAMPLES) == sorted(CONFIGS)
    assert len(CONFIGS) == 16


@pytest.mark.parametrize("config, text, expected", EXAMPLES)
def test_each_config(config, text, expected):
    assert convert_text(text, config) == expected
    assert list(iter_convert([text + "\n"], config)) == [expected + "\n"]


@pytest.mark.parametrize("config", ["s2twp", "t2s", "tw2sp"])
def test_sample_file_matches_reference(config):
    """A file of mixed lines (CRLF, U+2028, no final newline) converts like the tool."""
    raw = (DATA / "convert_sample.txt").read_bytes().decode("utf-8")
    expected = (DATA / f"convert_sample.{config}.txt").read_bytes().decode("utf-8")
    assert convert_text(raw, config) == expected
    with open(DATA / "convert_sample.txt", encoding="utf-8", newline="") as f:
        assert "".join(iter_convert(f, config)) == expected


def _opencc_tool():
    import opencc

    root = Path(opencc.__file__).parent / "clib"
    tool = root / "bin" / "opencc"
    return (tool, root / "share" / "opencc") if tool.exists() else (shutil.which("opencc"), None)


@pytest.mark.parametrize("config", CONFIGS)
def test_matches_command_line_tool(config):
    tool, share = _opencc_tool()
    if tool is None or share is None:
        pytest.skip("the native opencc command line tool is not installed")
    sample = DATA / "convert_sample.txt"
    out = subprocess.run([str(tool), "--include-tofu-risk-dictionaries", "-c",
                          str(share / f"{config}.json"), "-i", str(sample)],
                         capture_output=True, check=True).stdout.decode("utf-8")
    assert convert_text(sample.read_bytes().decode("utf-8"), config) == out


@pytest.mark.parametrize("config", ["t2s", "tw2s", "hk2s"])
def test_without_tofu_matches_the_tool_default(config):
    tool, share = _opencc_tool()
    if tool is None or share is None:
        pytest.skip("the native opencc command line tool is not installed")
    text = "殢雲尤雨，剔團圞月，鞾子與謝謝\n"
    out = subprocess.run([str(tool), "-c", str(share / f"{config}.json")], input=text.encode(),
                         capture_output=True, check=True).stdout.decode("utf-8")
    assert convert_text(text, config, tofu_risk=False) == out
    assert "".join(convert_chunks([text], config, tofu_risk=False)) == out


@pytest.mark.parametrize("to, text, expected", [
    ("simplified", "我們去臺灣買軟件。", "我们去台湾买软件。"),
    ("traditional", "我们去台湾买软件。", "我們去臺灣買軟件。"),
    ("taiwan", "这里的鼠标", "這裡的鼠標"),
    ("taiwan-phrases", "软件", "軟體"),
    ("hongkong", "他说温度很高", "他説温度很高"),
])
def test_each_target_name(to, text, expected):
    config = resolve_config(to, None, detect_script(text))
    assert convert_text(text, config) == expected


def test_target_names_and_configs():
    assert set(TO_CONFIGS) == {"simplified", "traditional", "taiwan", "taiwan-phrases", "hongkong"}
    assert set(TO_CONFIGS.values()) <= set(CONFIGS)


def test_resolve_config_from_traditional_input():
    # Traditional input never goes through Simplified, and is left as it is when
    # Traditional is what was asked for.
    assert resolve_config("traditional", None, "traditional") is None
    assert resolve_config("taiwan", None, "traditional") == "t2tw"
    assert resolve_config("hongkong", None, "traditional") == "t2hk"
    assert resolve_config("taiwan-phrases", None, "traditional") == "s2twp"
    assert resolve_config("simplified", None, "traditional") == "t2s"
    assert resolve_config("traditional", None, "mixed") == "s2t"
    assert resolve_config("taiwan", None, None) == "s2tw"
    # Taiwanese text keeps its 床 and 群 (s2t would give 牀 and 羣).
    text = "臨床醫師說這個群體很大"
    assert convert_text(text, resolve_config("taiwan", None, detect_script(text))) == text


def test_resolve_config_explicit_and_errors():
    assert resolve_config(None, None) is None
    assert resolve_config(None, "tw2sp", "simplified") == "tw2sp"
    with pytest.raises(ValueError, match="unknown target script 'klingon'"):
        resolve_config("klingon", None)
    with pytest.raises(ValueError, match="unknown OpenCC config 's2x'"):
        resolve_config(None, "s2x")
    with pytest.raises(ValueError, match="not both"):
        resolve_config("taiwan", "s2t")
    with pytest.raises(ValueError):
        convert_text("汉字", "s2x")
    with pytest.raises(ValueError):
        iter_convert(["汉字\n"], "s2x")


@pytest.mark.parametrize("config", CONFIGS)
def test_nul_bytes_and_what_follows_them_are_kept(config):
    text = "头发\x00後面的内容\n第二行\x00"
    out = convert_text(text, config)
    assert out.count("\x00") == 2 and out.endswith("\x00")
    assert out.split("\x00") == [convert_text(p, config) for p in text.split("\x00")]
    assert out.split("\x00")[1].endswith("\n" + convert_text("第二行", config))


def test_nul_file():
    raw = (DATA / "convert_nul.txt").read_bytes().decode("utf-8")
    for config in ("s2tw", "tw2s", "hk2sp"):
        out = convert_text(raw, config)
        assert out.split("\x00") == [convert_text(p, config) for p in raw.split("\x00")]
        with open(DATA / "convert_nul.txt", encoding="utf-8", newline="") as f:
            assert "".join(iter_convert(f, config)) == out
    assert convert_text(raw, "s2tw").split("\x00")[2] == "後面的內容\n"


def test_rare_characters():
    # t2s may give characters outside most fonts, as OpenCC's binding and tests do.
    assert convert_text("鞾", "t2s") == "𫖇"
    # Characters beyond the BMP and lone surrogates (undecodable bytes) pass through.
    assert convert_text("𠮷野家的汉字", "s2t") == "𠮷野家的漢字"
    assert convert_text("汉\udcff字\ud800", "s2t") == "漢\udcff字\ud800"


def test_tofu_risk_characters_only_when_asked():
    # The characters OpenCC's test cases expect from its extended dictionaries, and
    # what its command line tool gives without them.
    assert convert_text("殢 鞾", "t2s") == "𣨼 𫖇"
    assert convert_text("殢 鞾", "t2s", tofu_risk=False) == "殢 鞾"
    assert list(iter_convert(["鞾\n", "殢"], "t2s", tofu_risk=False)) == ["鞾\n", "殢"]
    doc = Article(path="x", raw="", text="鞾子", title="殢")
    out = convert_output(doc, Options(config="t2s", tofu_risk=False))
    assert (out.title, out.text) == ("殢", "鞾子")
    # Nothing else depends on the option.
    assert convert_text("頭髮與鞋子", "t2s", tofu_risk=False) == "头发与鞋子"


def test_chunks_are_the_lines_converted():
    odd = ["头发\n", "一\r\n", "二\n三\n", "", "四", "\n", "五\r", "汉字"] * 50
    assert "".join(convert_chunks(iter(odd), "s2t")) == "".join(iter_convert(odd, "s2t"))
    lines = ["我们去台湾买软件，头发很长。\n"] * 20000
    chunks = list(convert_chunks(iter(lines), "s2t"))
    assert "".join(chunks) == "我們去臺灣買軟件，頭髮很長。\n" * 20000
    assert 1 < len(chunks) < 100                  # written in a few large pieces


def test_japanese_kana_left_alone():
    kana = "ひらがなとカタカナ、ー・ヽヾ"
    for config in CONFIGS:
        assert convert_text(kana, config) == kana
    assert convert_text("学校の歴史", "jp2t") == "學校の歷史"


def test_lines_are_never_merged():
    # 头发 is one phrase (頭髮); given as two items without a line break between
    # them, each character converts on its own.
    assert list(iter_convert(["头", "发\n", "头发\n"], "s2t")) == ["頭", "發\n", "頭髮\n"]
    items = ["一\r\n", "二\n三\n", "", "四", "\n", "五\r"]
    assert list(iter_convert(items, "s2t")) == [convert_text(i, "s2t") for i in items]


def test_iter_convert_streams():
    endless = itertools.cycle(["我们去台湾买软件。\n", "头发很长\r\n"])
    out = list(itertools.islice(iter_convert(endless, "s2t"), 5))
    assert out == ["我們去臺灣買軟件。\n", "頭髮很長\r\n"] * 2 + ["我們去臺灣買軟件。\n"]


# Non-Han text with the characters most likely to upset a converter, plus Han
# characters that convert (none of them forms a phrase with Latin letters).
_ODD = st.sampled_from(["\x00", "\r", "\n", "\r\n", "\u2028", "\ufeff", "\udcff", "😀", "ｱ", "〇"])
_HAN_CHARS = st.sampled_from(list("汉字头发后里台國髮書麵乾干面"))
_TEXT = st.lists(st.one_of(st.text(max_size=5), _ODD, _HAN_CHARS), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_TEXT, config=st.sampled_from(CONFIGS))
def test_non_han_characters_pass_unchanged(text, config):
    out = convert_text(text, config)
    assert HAN.sub("", out) == HAN.sub("", text)
    assert out.count("\n") == text.count("\n")
    lines = text.splitlines(keepends=True)
    assert list(iter_convert(lines, config)) == [convert_text(ln, config) for ln in lines]
    if not HAN.search(text):
        assert out == text


def test_detect_script():
    assert detect_script("我们去台湾买软件，头发很长。") == "simplified"
    assert detect_script("我們去臺灣買軟件，頭髮很長。") == "traditional"
    # Taiwanese text with 台, 裡 and 群 (which s2t would change) is still Traditional.
    assert detect_script("台北市的臨床醫師群體說，這裡的溫度很高。") == "traditional"
    assert detect_script("简体中文的新闻标题\n繁體中文的新聞內容與報導") == "mixed"
    assert detect_script("English only, 123.") is None
    assert detect_script("") is None
    assert detect_script("ひらがな") is None
    assert detect_script("中文") == "simplified"   # nothing tells them apart


def test_to_simplified_keeps_lines():
    text = "第一行：頭髮\r\n第二行：軟體\n\n"
    out = to_simplified(text)
    assert out == "第一行：头发\r\n第二行：软体\n\n"
    assert out.count("\n") == text.count("\n")


def test_detect_stage():
    doc = detect(Article(path="a.txt", title="臺灣新聞", text="我們去臺灣買軟件。\n頭髮很長。"),
                 Options())
    assert (doc.language, doc.script) == ("zh", "traditional")
    assert doc.analysis_text == "我们去台湾买软件。\n头发很长。"

    doc = detect(Article(path="b.txt", title="新闻", text="我们去台湾买软件。"), Options())
    assert (doc.language, doc.script, doc.analysis_text) == ("zh", "simplified", None)

    doc = detect(Article(path="c.txt", title="News", text="Apple and 苹果 met today."), Options())
    assert (doc.language, doc.script, doc.analysis_text) == ("en", "simplified", None)

    doc = detect(Article(path="d.txt", text="Plain English text."), Options())
    assert (doc.language, doc.script, doc.analysis_text) == ("en", None, None)


def test_convert_output_stage():
    doc = Article(path="a.txt", title="软件新闻", text="这里的鼠标和软件很便宜。",
                  keywords=["软件", "鼠标"], summary=["这里的鼠标很便宜。"], script="simplified")
    doc = convert_output(doc, Options(to="taiwan-phrases"))
    assert doc.title == "軟體新聞"
    assert doc.text == "這裡的滑鼠和軟體很便宜。"
    assert doc.keywords == ["軟體", "滑鼠"]
    assert doc.summary == ["這裡的滑鼠很便宜。"]
    assert doc.script == "traditional"

    doc = convert_output(doc, Options(config="tw2sp"))
    assert (doc.text, doc.script) == ("这里的鼠标和软件很便宜。", "simplified")

    same = Article(path="b.txt", text="头发", script="simplified")
    assert convert_output(same, Options()).text == "头发"
    assert convert_output(Article(path="c.txt", text="頭髮", script="traditional"),
                          Options(to="traditional")).text == "頭髮"
    undetected = convert_output(Article(path="d.txt", text="软件"), Options(to="taiwan"))
    assert (undetected.text, undetected.script) == ("軟件", "traditional")
    english = convert_output(Article(path="e.txt", text="No Han."), Options(to="taiwan"))
    assert (english.text, english.script) == ("No Han.", None)
    with pytest.raises(ValueError):
        convert_output(Article(path="f.txt", text="x"), Options(to="martian"))


def test_import_is_lazy():
    """Importing the module must not load OpenCC (`newsclean --help` stays instant)."""
    import newsclean.convert

    root = str(Path(newsclean.convert.__file__).parents[1])
    code = "import sys, newsclean.convert; sys.exit('opencc' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": root}
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0
