"""Reading, decoding and discovery: the library side of sources.py and decoding.py."""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from conftest import ARTICLE, DATA, TRADITIONAL, article_text, symlinks_supported
from newsclean.article import Article
from newsclean.decoding import LATIN_WARNING
from newsclean.errors import DecodeError, InputFormatError, ReadError, printable
from newsclean.sources import (Failure, Input, decode_bytes, detect_encoding, discover,
                               read_bytes, relative_name, stream_jsonl, stream_lines, to_documents)


def docs(data: bytes, name: str = "x.txt", **kwargs):
    return list(to_documents(Input(name), data, **kwargs))


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5hkscs",
                                   "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_every_supported_encoding_round_trips(codec):
    text = article_text() if codec != "big5hkscs" else TRADITIONAL * 3
    decoded, warnings = decode_bytes(text.encode(codec), "x")
    assert decoded == text and warnings == []


def test_the_stored_fixtures_decode():
    for name, codec in (("dump_gbk.txt", "gb18030"), ("dump_big5.txt", "big5-web"),
                        ("dump_utf16.txt", "utf-16-le"), ("seed_dump.txt", "utf-8")):
        data = (DATA / name).read_bytes()
        assert detect_encoding(data, name) == codec, name


def test_gbk_short_line_that_passes_for_utf8_stays_gbk():
    # "联通" in GBK is valid UTF-8 by chance; one short line must not make a file mixed.
    data = "联通\n".encode("gbk") + (ARTICLE + "\n").encode("gbk") * 3
    text, warnings = decode_bytes(data, "x")
    assert text.startswith("联通\n") and warnings == []


def test_damaged_utf8_is_not_read_as_gb18030():
    data = (ARTICLE * 4).encode("utf-8")
    data = data[:50] + data[51:]
    text, warnings = decode_bytes(data, "x")
    assert ARTICLE[20:] in text and text.count("\ufffd") == 1
    assert warnings and warnings[0].startswith("invalid utf-8 near character")


def test_mixed_lines_keep_each_its_encoding():
    lines = [ARTICLE, TRADITIONAL, ARTICLE, "English line.", ARTICLE]
    codecs_ = ["utf-8", "big5hkscs", "gbk", "ascii", "utf-8"]
    data = b"".join((line + "\r\n").encode(c) for line, c in zip(lines, codecs_))
    text, warnings = decode_bytes(data, "x")
    assert text.splitlines()[0::2] == [ARTICLE, ARTICLE, ARTICLE]
    assert "mixed encodings: 2 of 5 lines" in warnings[0]


def test_utf16_without_bom_and_without_ascii():
    for codec in ("utf-16-le", "utf-16-be"):
        assert detect_encoding((ARTICLE * 3).encode(codec), "x") == codec
        assert detect_encoding(article_text().encode(codec), "x") == codec


def test_ascii_heavy_gbk_is_not_taken_for_utf16():
    data = ("The quick brown fox jumps over the lazy dog " * 20 + "中文").encode("gbk")
    assert detect_encoding(data, "x") == "gb18030"


def test_undecodable_bytes_and_unknown_encodings():
    with pytest.raises(DecodeError, match="not UTF-8, GB18030 or Big5"):
        decode_bytes(bytes(range(128, 256)) * 40, "x")
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", "x", "klingon")
    with pytest.raises(DecodeError, match=r"not valid ascii \(at byte 0\)"):
        decode_bytes("中".encode(), "x", "ascii")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"), (b"  \r\n\t", "only whitespace"),
    ("\u3000\n".encode(), "only whitespace"), (b"\x00\x00\n", "binary data"),
    (b"\x00 " + "正文".encode() * 20, None),
    (bytes(range(1, 32)) * 20, "binary data, not text"),
])
def test_nothing_to_read_is_a_format_error(data, reason):
    if reason is None:                     # a few NULs in text: not binary
        assert docs(data)[0].raw.strip() == "正文" * 20
        return
    with pytest.raises(InputFormatError, match=reason):
        docs(data)


def test_nul_characters_are_removed_with_a_warning():
    (doc,) = docs("标题\n正文\x00内容。\n".encode())
    assert isinstance(doc, Article)
    assert doc.raw == "标题\n正文内容。\n" and doc.warnings == ["1 NUL character(s) removed"]


def test_input_format_is_forced():
    (doc,) = docs(b"<p>x</p>", input_format="text")
    assert doc.is_html is False
    (doc,) = docs(b"plain", input_format="html")
    assert doc.is_html is True


def test_jsonl_that_is_only_blank_lines():
    with pytest.raises(InputFormatError, match="no JSON lines"):
        docs("\n \u3000\n\n\t\n".encode(), "x.jsonl")


def test_jsonl_html_records_and_failures_keep_their_fields():
    data = b'{"id": 1, "html": "<p>x</p>"}\n{"id": 2, "html": 5}\n'
    ok, bad = docs(data, "feed.jsonl")
    assert ok.is_html and ok.raw == "<p>x</p>" and ok.extra == {"id": 1}
    assert isinstance(bad, Failure) and bad.path == "feed.jsonl:2" and bad.extra == {"id": 2}


def test_stream_lines_match_the_whole_file_decoding(tmp_path):
    cases = {
        "gbk.txt": article_text().encode("gbk") * 50,
        "mixed.txt": ((ARTICLE + "\n").encode() + (ARTICLE + "\n").encode("gbk")) * 50,
        "u16.txt": article_text().encode("utf-16-le") * 50,
        "crlf.txt": article_text().replace("\n", "\r\n").encode() * 50,
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        whole, _ = decode_bytes(data, name)
        warnings: list[str] = []
        streamed = list(stream_lines(Input(str(path)), chunk_size=4096, warnings=warnings))
        assert "".join(streamed) == whole, name
        assert streamed == whole.splitlines(keepends=True), name
        assert bool(warnings) == (name == "mixed.txt")


def test_stream_lines_refuses_what_to_documents_refuses(tmp_path):
    for data, reason in ((b"", "empty file"), ("\u3000 \n".encode(), "only whitespace"),
                         (b"%PDF-1.4\n", "a PDF document"), (bytes(range(1, 32)) * 9, "binary")):
        path = tmp_path / "x.txt"
        path.write_bytes(data)
        with pytest.raises(InputFormatError, match=reason):
            list(stream_lines(Input(str(path))))


def test_read_errors_name_the_input(tmp_path):
    with pytest.raises(ReadError, match="is a directory"):
        read_bytes(Input(str(tmp_path)))
    with pytest.raises(ReadError, match="No such file"):
        read_bytes(Input(str(tmp_path / "missing")))
    with pytest.raises(ReadError, match="No such file"):
        list(stream_lines(Input(str(tmp_path / "missing"))))


def test_discovery_is_sorted_skips_dotfiles_and_the_output(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "sub/c.txt", "sub/.x/d.txt", "out/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    os.mkfifo(tmp_path / "pipe") if hasattr(os, "mkfifo") else None
    found = list(discover([str(tmp_path)], recursive=True, exclude=str(tmp_path / "out")))
    assert [relative_name(i).as_posix() for i in found] == ["a.txt", "b.txt", "sub/c.txt"]
    flat = list(discover([str(tmp_path)], glob="b*"))
    assert [Path(i.path).name for i in flat] == ["b.txt"]
    (missing,) = discover([str(tmp_path / "nope.txt")])
    assert isinstance(missing, Failure) and missing.error.message == "no such file or directory"


def test_links_are_followed_once(tmp_path):
    if not symlinks_supported(tmp_path):
        pytest.skip("no symbolic links here")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    os.symlink("real", tmp_path / "alias")             # a second way in, not a loop
    os.symlink("real/a.txt", tmp_path / "link.txt")
    found = list(discover([str(tmp_path)], recursive=True))
    assert all(isinstance(i, Input) for i in found)
    assert [relative_name(i).as_posix() for i in found] == ["alias/a.txt", "link.txt", "real/a.txt"]


def test_printable_keeps_one_line_and_is_idempotent():
    raw = os.fsdecode(b"caf\xe9\nname\t\x1b") + "\u2028.txt"
    shown = printable(raw)
    assert shown == "caf\\xe9\\nname\\t\\x1b\\u2028.txt"
    assert printable(shown) == shown and shown.encode("utf-8")
    assert printable("正常的 文件名.txt") == "正常的 文件名.txt"
    error = ReadError(raw, "bad\nmessage")
    assert str(error) == f"{shown}: bad\\nmessage"


def test_errors_survive_pickling():
    import pickle
    error = DecodeError(os.fsdecode(b"x\xff"), "why")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.path, again.message) == (DecodeError, "x\\xff", "why")


def test_bom_is_stripped_once():
    text, _ = decode_bytes(codecs.BOM_UTF8 + "\ufeff标题".encode(), "x")
    assert text == "\ufeff标题"


@pytest.mark.parametrize("encoding, reason", [
    ("klingon", "unknown encoding 'klingon'"), ("base64", "'base64' is not a text encoding"),
    ("rot13", "not a text encoding"), ("zlib", "not a text encoding"),
    ("punycode", "not valid punycode"), ("undefined", "not valid undefined"),
    ("ascii", r"not valid ascii \(at byte 0\): it is in another encoding than --encoding ascii$"),
])
def test_forced_encodings_that_cannot_decode(tmp_path, encoding, reason):
    data = "中文内容。\n".encode() * 3
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data, "x", encoding)
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError, match=reason):
        list(stream_lines(Input(str(path)), encoding))


def test_decode_error_offsets_count_from_the_file_start(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"a" * 100 + "中".encode())
    with pytest.raises(DecodeError, match=r"at byte 100\)"):
        list(stream_lines(Input(str(path)), "ascii", chunk_size=16))


def test_stray_nuls_do_not_make_text_utf16():
    # ASCII pairs read as UTF-16 look like ideographs: found by fuzzing English text.
    data = b"at at and that\x00 is at to from council council as to as to year to at on and at a"
    assert detect_encoding(data, "x") == "utf-8"
    (doc,) = docs(data)
    assert doc.raw.startswith("at at and that is") and doc.warnings == ["1 NUL character(s) removed"]


@pytest.mark.parametrize("start", ["MZ Wallace opened a shop", "RIFF: a short story", "GIF8 is a",
                                   "BZh。", "%PDF is not enough"])
def test_text_that_starts_like_a_binary(start):
    data = (start + "\n" + ARTICLE + "\n").encode()
    if start.startswith("%PDF"):           # a PDF header line is a PDF
        with pytest.raises(InputFormatError, match="a PDF document"):
            docs(data)
        return
    (doc,) = docs(data)
    assert doc.raw.startswith(start)
    with pytest.raises(InputFormatError, match="an executable"):
        docs(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200))


def test_jsonl_records_end_at_newlines_only():
    """A JSON string may hold U+2028, U+2029 or U+0085 as they are; only \\n (or \\r\\n)
    ends a record."""
    data = ('{"id": "a", "text": "第一段。\u2028第二段\u0085。"}\r\n'
            '{"id": "b", "text": "第三段\u2029。"}').encode()
    a, b = docs(data, "feed.jsonl")
    assert (a.extra, a.raw) == ({"id": "a"}, "第一段。\u2028第二段\u0085。")
    assert (b.extra, b.raw) == ({"id": "b"}, "第三段\u2029。")
    # Old Mac line ends: a raw \r cannot stand inside a JSON string, so it ends a record.
    a, b = docs(b'{"id": 1, "text": "x"}\r{"id": 2, "text": "y"}\r', "feed.jsonl")
    assert (a.extra, b.extra) == ({"id": 1}, {"id": 2})


@pytest.mark.parametrize("given, published", [
    ("Mon, 01 Jan 2001 10:00:00 GMT", "2001-01-01T10:00"),
    ("2024-03-19T08:00:00+08:00", "2024-03-19T08:00"),
    ("2024年3月18日", "2024-03-18"),
    ("2025-06-01", "2025-06-01"),
])
def test_a_records_own_date_is_iso_8601(given, published):
    (doc,) = docs(json.dumps({"text": "正文。", "published": given}).encode(), "feed.jsonl")
    assert doc.published == published and doc.warnings == []


def test_a_records_date_that_is_no_date_is_dropped():
    (doc,) = docs(b'{"text": "x", "published": "yesterday"}', "feed.jsonl")
    assert doc.published is None
    assert doc.warnings == ['input field "published" dropped: no date in it']


def test_a_failed_records_metadata_is_given_as_a_good_ones():
    bad, = docs(b'{"id": 1, "published": "Mon, 01 Jan 2001 10:00:00 GMT", "title": " A  b "}',
                "feed.jsonl")
    assert isinstance(bad, Failure)
    assert bad.extra == {"id": 1, "published": "2001-01-01T10:00", "title": "A b"}


@pytest.mark.parametrize("name, data", [
    ("crlf", ('{"id": 1, "text": "第一段。"}\r\n{"id": 2, "text": "第二段。"}\r\n').encode()),
    ("cr", b'{"id": 1, "text": "x"}\r{"id": 2, "text": "y"}'),
    ("separators", '{"id": 1, "text": "甲\u2028乙\u0085丙"}\n\n{"id": 2, "text": "丁"}\n'.encode()),
    ("bom", '\ufeff{"id": 1, "text": "第一段。"}\n'.encode()),
    ("utf16", '{"id": 1, "text": "第一段。"}\n{"id": 2, "text": "第二段。"}\n'.encode("utf-16")),
    ("gbk", '{"id": 1, "text": "第一段。"}\n{"id": 2, "text": "第二段。"}\n'.encode("gbk")),
    ("mixed", '{"id": 1, "text": "第一段。"}\n'.encode() + '{"id": 2, "text": "第二段。"}\n'.encode("gbk")),
    ("bad lines", b'{"id": 1, "text": "x"}\nnot json\n[1]\n{"id": 4}\n'),
    ("no json", b"hello\ntext\n" * 20),
])
def test_a_streamed_jsonl_file_gives_the_records_of_one_read_whole(tmp_path, name, data):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)

    def outline(documents):
        try:
            return [(d.path, d.extra, getattr(d, "raw", None), isinstance(d, Failure))
                    for d in documents]
        except InputFormatError as exc:
            return exc.message
    item = Input(str(path))
    assert outline(stream_jsonl(item)) == outline(to_documents(item, data))


@pytest.mark.parametrize("codec, damage, text", [
    ("utf-8", b"\xff", "第8段\ufffd。"),            # a bad byte
    ("gbk", b"", "第8段。"),                         # a record in another encoding
])
def test_damage_past_the_first_piece_of_a_stream_loses_nothing(tmp_path, codec, damage, text):
    # The encoding is told from the first piece (1 MiB; 64 bytes here): a bad byte or a
    # line in GBK further on is repaired, with one warning, and every record comes out.
    records = [json.dumps({"id": i, "text": f"第{i}段。"}, ensure_ascii=False).encode() + b"\n"
               for i in range(12)]
    records[8] = records[8].decode().encode(codec).replace("段".encode(), "段".encode() + damage)
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(records))
    docs = list(stream_jsonl(Input(str(path)), chunk_size=64))
    assert [d.extra["id"] for d in docs] == list(range(12))
    assert all(isinstance(d, Article) for d in docs)
    assert [d.raw for d in docs] == [f"第{i}段。" if i != 8 else text for i in range(12)]
    warned = [d for d in docs if d.warnings]
    assert len(warned) == 1 and warned[0].warnings[0].startswith("not all utf-8: lines from byte")
    # A text streamed to convert: the same lines as the file read whole.
    text = tmp_path / "page.txt"
    text.write_bytes(b"".join(records))
    warnings: list[str] = []
    streamed = "".join(stream_lines(Input(str(text)), chunk_size=64, warnings=warnings))
    assert streamed == decode_bytes(text.read_bytes(), "x")[0] and len(warnings) == 1


def test_a_number_no_float_can_hold_is_null(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": 1, "text": "x", "score": 1e999, "neg": -1e400, "ok": 2.5}\n')
    (doc,) = list(stream_jsonl(Input(str(path))))
    assert doc.extra == {"id": 1, "score": None, "neg": None, "ok": 2.5}
    assert doc.warnings == ["-1e400, 1e999 replaced by null"]


def test_a_file_warning_is_given_once_not_for_every_record(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": 1, "text": "caf\xe9"}\n' + b'{"id": 2, "text": "x"}\n' * 5)
    docs = list(stream_jsonl(Input(str(path))))
    assert docs[0].raw == "café"
    assert [d.warnings for d in docs] == [[LATIN_WARNING]] + [[]] * 5
