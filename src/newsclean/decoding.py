"""Bytes to text: which encoding an input is in, and decoding it without losing a line.

A BOM wins; known binary formats are refused; then UTF-16 without a BOM, UTF-8, cp1252
for Latin text (told apart from GBK and Big5 by its lone high bytes), and the legacy
Chinese codecs (GB18030, Big5 as browsers read it). Two kinds of damage are common in
dumps and are repaired, with a warning, rather than refused: a few bad bytes (a truncated
download, a title cut in the middle of a character), and files stitched together from
UTF-8 and GBK sources, which are decoded line by line.
"""
from __future__ import annotations

import codecs
import re

from .errors import DecodeError, InputFormatError

# Magic numbers of the binaries most often found with a .txt name.
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"), (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7z archive"), (b"RIFF", "a media file"),
)
_WEAK_MAGIC = frozenset((b"MZ", b"BZh", b"GIF8", b"RIFF"))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Frequent Chinese punctuation: text decoded with the right codec is full of it.
_CJK_PUNCT = frozenset("，。、“”：；！？（）《》「」")
# Big5 as browsers read it (the WHATWG Encoding Standard): Big5-HKSCS, with what only
# the Windows code page has (€ at A3E1), and with ‧ (A145) and ～ (A1E3) as Taiwanese text
# means them, not Python's bullet • and tilde operator ∼.
BIG5 = "big5-web"
_LEGACY = ("gb18030", BIG5)
# Latin text that is not UTF-8: Windows' superset of Latin-1, with its curly quotes.
LATIN = "cp1252"
LATIN_WARNING = (f"not UTF-8: decoded as {LATIN} (Western European); "
                 "name its encoding with --encoding if that is wrong")
_THREE_HIGH = re.compile(rb"[\x80-\xff]{3}")
_ASCII = bytes(range(0x80))
_SPACES = b" \t\n\r\x0b\x0c"

# Pseudo codec names returned by detect_encoding for the two repairs.
REPAIRED = " (with replacements)"       # "utf-8 (with replacements)"
MIXED = "utf-8 mixed with "             # "utf-8 mixed with gb18030"

# Characters real text is made of; UTF-16 guessed for 8-bit text gives Hangul, Yi,
# private-use and other rare blocks instead.
_COMMON = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f"
                     r"\u4e00-\u9fff\uff00-\uffef]")
_CR_BREAK = re.compile(rb"(?<=\r)(?!\n)(?=.)", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def detect_encoding(data: bytes, path: str, complete: bool = True) -> str:
    """The codec name for these bytes (a whole file, or the start of one cut at a line
    break: `complete` False). Raises InputFormatError for binary data, DecodeError when
    nothing fits."""
    return _detect(data, path, complete)[0]


def _detect(data: bytes, path: str, complete: bool) -> tuple[str, str | None]:
    """The codec name, and the decoded text when finding the codec meant decoding it
    all: a large file is then decoded once, not twice."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    for magic, kind in _MAGIC:
        # "MZ", "BZh", "GIF8" and "RIFF" can start a line of text too (MZ Wallace...):
        # the binaries they start have control bytes right after.
        if data.startswith(magic) and (magic not in _WEAK_MAGIC
                                       or _CONTROL_BYTE.search(data[:256])):
            raise InputFormatError(path, f"binary data ({kind}), not text")
    utf16 = _utf16_without_bom(data, complete)
    if utf16:
        return utf16, None
    text = _decodes(data, "utf-8", complete)
    if text is not None:
        return "utf-8", text
    utf8_bytes, damaged, foreign = _classify_lines(data, complete)
    if damaged and not foreign:
        return "utf-8" + REPAIRED, None
    # A GBK line passes for UTF-8 only by chance, and only when it is short (the
    # famous 联通): a dozen non-ASCII bytes of valid UTF-8 are not chance.
    if foreign and utf8_bytes >= 12:
        return MIXED + _best_legacy(data, complete), None
    readings = [(_plausibility(text), name, text) for name in _LEGACY
                for text in (_decodes(data, name, complete),) if text is not None]
    # Chinese wins where both fit: an English page in GBK with a date (2024年3月18日) or
    # a name (李) has lone pairs of high bytes too, and reads as Chinese throughout. Latin
    # text that reads as Chinese at all (no accent before a space or a stop) has its
    # "characters" inside words, between letters: M黮ler for Müller.
    if not any(_only_chinese(text) and not _inside_latin_words(text)
               for _, _, text in readings):
        text = _latin(data, complete)
        if text is not None:
            return LATIN, text
    if readings:
        _, name, text = max(readings)
        return name, text
    # No codec fits every byte: take the one that needs the fewest replacements, if they
    # are few enough to be damage rather than a wrong guess.
    damage = []
    for name in ("utf-8", *_LEGACY):
        text = data.decode(name, errors="replace")
        damage.append((text.count("\ufffd"), -_plausibility(text), name, len(text)))
    bad, _, name, length = min(damage)
    if bad <= max(3, length // 200):
        return name + REPAIRED, None
    # Chinese UTF-16 may hold no ASCII character, hence no NUL byte to go by.
    utf16 = _utf16_without_bom(data, complete, min_nuls=0)
    if utf16:
        return utf16, None
    raise DecodeError(path, "not UTF-8, GB18030 or Big5 text; name its encoding with --encoding")


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode an input's bytes (see detect_encoding). Returns the text and any warnings."""
    name, text = (check_codec(encoding, path), None) if encoding else _detect(data, path, True)
    if text is not None:
        return strip_bom(text), [LATIN_WARNING] if name == LATIN else []
    if name.startswith(MIXED):
        legacy = name[len(MIXED):]
        # Split at "\n" as a stream does (a lone "\r" is seen to by decode_mixed_line),
        # so that both give the same text.
        lines = data.split(b"\n")
        lines = [line + b"\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
        decoded = [decode_mixed_line(line, legacy) for line in lines]
        text = strip_bom("".join(d for d, _ in decoded))
        used = [codec for _, codec in decoded if codec != "utf-8"]
        warnings = [f"mixed encodings: {len(used)} of {len(lines)} lines decoded as "
                    f"{', '.join(sorted(set(used)))}, the others as utf-8"]
        if "\ufffd" in text:
            warnings.append(f"{text.count(chr(0xFFFD))} undecodable character(s) replaced")
        return text, warnings
    if name.endswith(REPAIRED):
        codec = name[: -len(REPAIRED)]
        text = strip_bom(data.decode(codec, errors="replace"))
        if "\ufffd" not in text:              # forced by name on undamaged bytes
            return text, []
        return text, [f"invalid {codec} near character {text.index(chr(0xFFFD))}; "
                      f"{text.count(chr(0xFFFD))} character(s) replaced"]
    try:
        text = data.decode(name)
    except UnicodeError as exc:
        raise DecodeError(path, not_valid(name, exc, forced=encoding is not None)) from None
    return strip_bom(text), []


def check_codec(name: str, path: str) -> str:
    """A forced encoding, checked: it exists and turns bytes into text (base64, zlib
    or rot13 are codecs too, and would fail in stranger ways)."""
    if name.startswith(MIXED) or name.endswith(REPAIRED):
        # The repairs' names, as detection gives them: the codec in them must exist.
        check_codec(name.removeprefix(MIXED).removesuffix(REPAIRED), path)
        return name
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise DecodeError(path, f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise DecodeError(path, f"{name!r} is not a text encoding")
    return name


def not_valid(name: str, exc: UnicodeError, forced: bool = False) -> str:
    """Why the bytes do not decode: the encoding was guessed, or given and is wrong."""
    where = f" (at byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
    if forced:
        return f"not valid {name}{where}: it is in another encoding than --encoding {name}"
    return f"not valid {name}{where}; name its encoding with --encoding"


def decode_mixed_line(line: bytes, legacy: str) -> tuple[str, str]:
    """One line of a mixed file: UTF-8 if it is (or nearly is), else the legacy codec
    that decodes it best, `legacy` (the file's) when in doubt. Returns the text and
    the codec used."""
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = line.decode("utf-8", errors="replace")
    if _lightly_damaged(text):
        return text, "utf-8"
    pieces = _CR_BREAK.split(line)
    if len(pieces) > 1:                        # old Mac line breaks: "\r" alone
        decoded = [decode_mixed_line(piece, legacy) for piece in pieces]
        used = [codec for _, codec in decoded if codec != "utf-8"]
        return "".join(t for t, _ in decoded), used[0] if used else "utf-8"
    fits = [(_plausibility(t), name == legacy, t, name)
            for name in _LEGACY if (t := _decodes(line, name, True)) is not None]
    if fits:
        _, _, text, name = max(fits)
        return text, name
    # Only a line no Chinese codec reads may be Latin: one short line shows too few
    # bytes to tell a lone Chinese word from an accented one.
    latin = _latin(line, True)
    if latin is not None:
        return latin, LATIN
    return line.decode(legacy, errors="replace"), legacy


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _decodes(data: bytes, name: str, complete: bool) -> str | None:
    """The text, or None. In a chunk (not `complete`) a character cut off at the end is
    not an error."""
    try:
        return codecs.getincrementaldecoder(name)().decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def _lightly_damaged(text: str) -> bool:
    """UTF-8 with a few bad bytes, not another encoding: in GBK read as UTF-8 nearly
    every non-ASCII character is a replacement."""
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return bad * 4 <= non_ascii


# What Chinese text holds besides ASCII: Han characters, CJK and full-width punctuation,
# the general punctuation of GBK and Big5 (“ ” — …) and the middle dot.
_NOT_CHINESE = re.compile("[^\x00-\x7f\u00b7\u2010-\u2027\u3000-\u303f\u3400-\u4dbf"
                          "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _only_chinese(text: str) -> bool:
    return _NOT_CHINESE.search(text) is None


_BETWEEN_LETTERS = re.compile("(?<=[A-Za-z])[^\x00-\x7f](?=[A-Za-z])")


def _inside_latin_words(text: str) -> bool:
    """Whether most non-ASCII characters stand between two ASCII letters."""
    others = len(text) - len(text.encode("ascii", "ignore"))
    return 2 * len(_BETWEEN_LETTERS.findall(text)) > others


def _latin(data: bytes, complete: bool) -> str | None:
    """The text as cp1252, if it reads as Latin text: mostly ASCII, its bytes above 0x7F
    alone or in pairs between ASCII ones (an accented letter, a curly quote, "ção").
    GBK and Big5 characters are two bytes, mostly both high: two Chinese characters in
    a row make a run of three or four high bytes, and Chinese written with characters
    that do not is dense with them, one byte in two."""
    if _THREE_HIGH.search(data):
        return None
    high = len(data.translate(None, _ASCII))
    if not high or high * 3 > len(data.translate(None, _SPACES)):
        return None
    return _decodes(data, LATIN, complete)


def _classify_lines(data: bytes, complete: bool) -> tuple[int, int, int]:
    """Non-ASCII bytes in valid UTF-8 lines; lines of damaged UTF-8; lines in another
    encoding. Only called when the whole is not valid UTF-8, so it may take its time."""
    utf8_bytes = damaged = foreign = 0
    lines = data.split(b"\n")
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        last = i == len(lines) - 1
        if _decodes(line, "utf-8", complete or not last) is not None:
            utf8_bytes += len(line) - len(line.decode("utf-8", "ignore").encode("ascii", "ignore"))
        elif _lightly_damaged(line.decode("utf-8", errors="replace")):
            damaged += 1
        else:
            foreign += 1
    return utf8_bytes, damaged, foreign


def _best_legacy(data: bytes, complete: bool) -> str:
    """The legacy codec for the non-UTF-8 lines of a mixed file."""
    foreign = b"\n".join(line for line in data.split(b"\n")
                         if _decodes(line, "utf-8", True) is None)
    scores = []
    for name in _LEGACY:
        text = foreign.decode(name, errors="replace")
        scores.append((-text.count("\ufffd"), _plausibility(text), name))
    return max(scores)[2]


def _utf16_without_bom(data: bytes, complete: bool, min_nuls: int = 1) -> str | None:
    """UTF-16 text shows a NUL byte for every ASCII character (spaces, digits, line
    breaks), all at odd offsets (LE) or all at even ones (BE); 8-bit text has none.
    Without NULs to go by (`min_nuls` 0), the decoded text must look like Chinese."""
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls < min_nuls:
        return None
    # Stray NULs in UTF-8 text (ASCII pairs read as UTF-16 look like ideographs); real
    # UTF-16 is almost never valid UTF-8, unless it is mostly ASCII, hence full of NULs.
    if nuls < len(sample) // 4 and _decodes(sample, "utf-8", False) is not None:
        return None
    odd = sample[1::2].count(0)
    even = nuls - odd
    for name, aligned in (("utf-16-le", odd), ("utf-16-be", even)):
        if aligned < 0.9 * nuls:
            continue
        text = _decodes(sample, name, complete and len(sample) == len(data))
        if not text or _CONTROL.search(text):
            continue
        if len(_COMMON.findall(text)) < 0.9 * len(text):
            continue
        if nuls or _plausibility(text) > 0.5:
            return name
    return None


def _plausibility(text: str) -> float:
    """How much a decoded text looks like real Chinese: frequent punctuation and
    ideographs count for it, private-use and compatibility characters (the mark of a
    wrong codec) against it. A sample is enough to tell codecs apart."""
    text = text[:1 << 18]
    score = 0.0
    for ch in text:
        o = ord(ch)
        if ch in _CJK_PUNCT:
            score += 5
        elif 0x4E00 <= o <= 0x9FFF:
            score += 1
        elif 0xE000 <= o <= 0xF8FF or 0xF900 <= o <= 0xFAFF or 0x3400 <= o <= 0x4DBF:
            score -= 10
    return score / max(1, len(text))


# Python's Big5-HKSCS reading of A145 and A1E3, and what Taiwanese text means by them.
_MARKS = {"\u2022": "\u2027", "\u223c": "\uff5e"}
_BIG5_MARKS = str.maketrans(_MARKS)
_BIG5_HKSCS_MARKS = str.maketrans({ours: hkscs for hkscs, ours in _MARKS.items()})


def _windows_big5(exc: UnicodeError, replace: bool):
    """What Big5-HKSCS lacks, as the Windows code page has it: a pair of bytes decoded,
    a character encoded."""
    if isinstance(exc, UnicodeDecodeError):
        try:
            return exc.object[exc.start:exc.start + 2].decode("cp950"), exc.start + 2
        except UnicodeDecodeError:
            pass
        if replace:
            return "\ufffd", exc.start + 1
    elif isinstance(exc, UnicodeEncodeError):
        try:
            return exc.object[exc.start].encode("cp950"), exc.start + 1
        except UnicodeEncodeError:
            pass
        if replace:
            return "?", exc.start + 1
    raise exc


codecs.register_error("newsclean-big5", lambda exc: _windows_big5(exc, False))
codecs.register_error("newsclean-big5-replace", lambda exc: _windows_big5(exc, True))
_BIG5_ERRORS = {"strict": "newsclean-big5", "replace": "newsclean-big5-replace"}
_HKSCS = codecs.lookup("big5hkscs")


def _big5_decode(data, errors: str = "strict") -> tuple[str, int]:
    text, used = _HKSCS.decode(data, _BIG5_ERRORS.get(errors, errors))
    return text.translate(_BIG5_MARKS), used


def _big5_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    data, _ = _HKSCS.encode(text.translate(_BIG5_HKSCS_MARKS), _BIG5_ERRORS.get(errors, errors))
    return data, len(text)


class _Big5Decoder(codecs.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._hkscs = _HKSCS.incrementaldecoder(_BIG5_ERRORS.get(errors, errors))

    def decode(self, data, final: bool = False) -> str:
        return self._hkscs.decode(data, final).translate(_BIG5_MARKS)

    def reset(self) -> None:
        self._hkscs.reset()

    def getstate(self):
        return self._hkscs.getstate()

    def setstate(self, state) -> None:
        self._hkscs.setstate(state)


def _find_codec(name: str):
    if name.replace("_", "-") != BIG5:
        return None
    return codecs.CodecInfo(_big5_encode, _big5_decode, name=BIG5,
                            incrementaldecoder=_Big5Decoder)


codecs.register(_find_codec)
