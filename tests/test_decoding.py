"""Latin text told apart from GBK and Big5: the bytes are decoded, and the CLI says how."""
from __future__ import annotations

import codecs

import pytest
from typer.testing import CliRunner

from conftest import ARTICLE, DATA, TRADITIONAL
from newsclean.cli import app
from newsclean.decoding import LATIN_WARNING, decode_bytes, detect_encoding

LATIN1 = "Café au lait. The naïve résumé was written in Zürich by a señor.\n"
CP1252 = "He said \u201chello\u201d \u2014 it\u2019s fine.\n"


@pytest.mark.parametrize("text, codec", [
    (LATIN1, "latin-1"), (CP1252, "cp1252"),
    ("As informações são públicas e não há exceções.\n", "cp1252"),
    ("Müller trifft Köln: Straßenbahn fährt wieder.\n", "latin-1"),
    ("Naïve Zürich señor.\n", "cp1252"),     # reads as GBK too, with 黮 inside words
    ("Prices rose to £5m \u2026\u201d the report said.\n" * 20, "cp1252"),
])
def test_latin_text_is_read_as_cp1252_with_a_warning(text, codec):
    decoded, warnings = decode_bytes(text.encode(codec), "x")
    assert decoded == text
    assert warnings == [LATIN_WARNING]


@pytest.mark.parametrize("text, codec", [
    ("北京今日发布暴雨预警\n", "gbk"),                     # one short headline
    ("北京今日发布暴雨预警", "gb18030"),
    ("臺北捷運環狀線北環段動工\n", "big5hkscs"),
    (TRADITIONAL + "\n", "big5hkscs"),
    ("The mayor of Beijing, 北京市长 Chen Jining, said on Monday that the city "
     "would open 12 new metro lines.\n" * 5, "gbk"),       # English-heavy with GBK words
    ("Reporter 林怡君 filed this story from Taipei on Monday morning.\n" * 3, "big5hkscs"),
    ("Copyright 2024 City Daily\u00a0News \u00a9 All rights reserved.\n", "gb18030"),
    # Chinese characters one or two at a time between ASCII: a date, a name in brackets.
    ("Shanghai Daily 2024年3月18日\nThe city government announced a new metro plan, "
     "officials said.\n", "gbk"),
    ("Taipei Times 2024年3月\nThe city said the circular MRT line would open in 2030.\n",
     "big5hkscs"),
    ("Interview with Mr Li (李) of Tsinghua University\nProfessor Li said the programme "
     "would recruit forty researchers.\n", "gbk"),
])
def test_chinese_legacy_text_stays_chinese(text, codec):
    decoded, warnings = decode_bytes(text.encode(codec), "x")
    assert decoded == text
    assert LATIN_WARNING not in warnings


def test_big5_is_read_as_browsers_read_it():
    # Saved by Windows (code page 950): a euro sign, which Big5-HKSCS lacks, made the
    # whole page read as GB18030, and the middle dot and the wave dash were Python's.
    text = (TRADITIONAL + "\n約翰‧甘迺迪基金會今年撥款€200萬，資助3～5所大學。\n")
    decoded, warnings = decode_bytes(text.encode("cp950"), "x")
    assert decoded == text and warnings == []
    assert detect_encoding(text.encode("cp950"), "x") == "big5-web"
    # Hong Kong characters are Big5-HKSCS, the same file or not.
    hk = TRADITIONAL + "\n佢話今日唔夠時間，咗啲嘢喺度，‧～\n"
    assert decode_bytes(hk.encode("big5-web"), "x") == (hk, [])
    assert "‧～€".encode("big5-web") == b"\xa1\x45\xa1\xe3\xa3\xe1"
    # A stream decodes what a whole file does, cut anywhere.
    data = text.encode("cp950")
    decoder = codecs.getincrementaldecoder("big5-web")()
    assert "".join(decoder.decode(data[i:i + 5]) for i in range(0, len(data), 5)) \
        + decoder.decode(b"", final=True) == text
    # Damage is still damage: bytes that neither code page has are replaced.
    assert decode_bytes(data + b"\xff" + data, "x") == (text + "\ufffd" + text, [
        f"invalid big5-web near character {len(text)}; 1 character(s) replaced"])


def test_no_line_of_the_chinese_fixtures_reads_as_latin():
    # Lines as short as "微博 微信", whose Big5 bytes are mostly alone.
    lines = [line for name in ("seed_dump.txt", "clean_trad_dump.txt", "clean_batch_1.txt")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    for codec in ("gbk", "big5hkscs", "gb18030"):
        for line in lines:
            data = line.encode(codec, errors="ignore")
            if not data.isascii():
                assert detect_encoding(data, "x") != "cp1252", (codec, line)


def test_a_cp1252_line_in_a_utf8_file_is_decoded_as_cp1252():
    data = (("Première ligne en UTF-8: déjà vu, très élégant, café crème.\n").encode()
            + CP1252.encode("cp1252") + (ARTICLE + "\n").encode())
    text, warnings = decode_bytes(data, "x")
    assert text.splitlines() == ["Première ligne en UTF-8: déjà vu, très élégant, café crème.",
                                 CP1252.strip(), ARTICLE]
    assert warnings == ["mixed encodings: 1 of 3 lines decoded as cp1252, the others as utf-8"]


def test_forced_encoding_gives_no_guess_warning():
    assert decode_bytes(LATIN1.encode("latin-1"), "x", "latin-1") == (LATIN1, [])


@pytest.mark.parametrize("text, codec", [(LATIN1, "latin-1"), (CP1252, "cp1252")])
def test_cli_summarizes_latin_text_and_says_how_it_was_read(tmp_path, text, codec):
    path = tmp_path / "l1.txt"
    path.write_bytes(text.encode(codec))
    result = CliRunner().invoke(app, ["clean", str(path), "--no-clean"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == text
    assert result.stderr == f"newsclean: {path}: warning: {LATIN_WARNING}\n"
    converted = CliRunner().invoke(app, ["convert", str(path), "--to", "traditional"])
    assert converted.exit_code == 0 and converted.stdout == text
