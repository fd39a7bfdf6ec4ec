"""Pages whose bytes were once decoded as Latin-1/cp1252 and saved again: recover the
bytes and decode them properly.

A whole Chinese page ("Ž¬³€±»ÓÎÂÖ" for "船长被游轮") is touched only when it is mostly
such characters and has no CJK at all. Otherwise only the UTF-8 characters read one byte
at a time ("donâ€™t", "cafÃ©") are decoded back, each a lead byte's character followed by
exactly its continuation bytes', and only in a text that has several: accented European
text stays as it is.
"""
from __future__ import annotations

import re

from .shapes import CJK_CHAR

_HIGH = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                   r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_RUN = re.compile(_HIGH.pattern + "{3,}")
SAMPLE = 20000


def _to_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 256:
            out.append(o)
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def looks_mangled(text: str) -> bool:
    sample = text[:SAMPLE]
    if sample.isascii() or not _RUN.search(sample) or CJK_CHAR.search(sample):
        return False
    # Accented European words have one such letter among plain ones; mangled
    # two- and three-byte characters come in runs.
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(run) for run in _RUN.findall(sample))
    return in_runs >= 50 and in_runs >= 0.5 * high


# UTF-8 sequences read as Latin-1 or cp1252 ("youâ\x80\x99re", "donâ€™t", "cafÃ©"): a
# lead byte's character, then exactly its continuation bytes' characters.
_CONTINUATION = "[\u0080-\u00bf" + "".join(
    ch for ch in bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")) + "]"
_SEQUENCE = re.compile(f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
                       f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}")
SEQUENCES_MIN = 3       # one such pair can be real text (CAFÉ”); mangled text has many


def _decoded(match: re.Match) -> str:
    data = _to_bytes(match.group())
    try:
        char = data.decode("utf-8") if data is not None else match.group()
    except UnicodeDecodeError:
        return match.group()
    return match.group() if "\x80" <= char <= "\x9f" else char    # no control characters


# A no-break space (C2 A0) read so, its second half then turned into a plain space: "Â ".
_LOST_NBSP = re.compile(r"Â(?= |$)", re.M)


def repair_sequences(text: str) -> str:
    """Text whose UTF-8 characters were read one byte at a time as Latin-1 or cp1252,
    each one decoded back; text without several of them unchanged."""
    head = text[:SAMPLE * 5]
    if len(_SEQUENCE.findall(head)) + len(_LOST_NBSP.findall(head)) < SEQUENCES_MIN:
        return text
    # cp1252 has no character for byte 9D, the last of ”: a strict decoder left U+FFFD.
    text = _LOST_NBSP.sub("", text.replace("â€\ufffd", "”"))
    return _SEQUENCE.sub(_decoded, text)


# Control characters 80-9F are never text: cp1252's punctuation read as Latin-1
# ("BRITAIN\x92S" for BRITAIN’S).
_C1 = re.compile("[\u0080-\u009f]")
_C1_AS_CP1252 = {o: bytes([o]).decode("cp1252") for o in range(0x80, 0xA0)
                 if o not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def repair_controls(text: str) -> str:
    """cp1252 punctuation read as Latin-1 control characters, given back."""
    return text.translate(_C1_AS_CP1252) if _C1.search(text) else text


def repair(text: str) -> str:
    """The text as it was before the wrong decoding (a whole Chinese page, or the UTF-8
    characters of any page, or cp1252 punctuation), or the text unchanged."""
    data = _to_bytes(text) if looks_mangled(text) else None
    if data is not None:
        best, best_cjk = text, 0
        for encoding in ("utf-8", "gb18030", "big5"):
            fixed = data.decode(encoding, errors="replace")
            cjk = len(CJK_CHAR.findall(fixed[:SAMPLE])) - 5 * fixed[:SAMPLE].count("\ufffd")
            if cjk > best_cjk:
                best, best_cjk = fixed, cjk
        if best_cjk:
            return best
    return repair_controls(repair_sequences(text))
