"""Pages whose Chinese bytes were once decoded as Latin-1/cp1252 and saved again
("Ž¬³€±»ÓÎÂÖ" for "船长被游轮"): recover the bytes and decode them properly.

Only text that is mostly such characters and has no CJK at all is touched, so
accented European text stays as it is.
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


def repair(text: str) -> str:
    """The text as it was before the wrong decoding, or the text unchanged."""
    if not looks_mangled(text):
        return text
    data = _to_bytes(text)
    if data is None:
        return text
    best, best_cjk = text, 0
    for encoding in ("utf-8", "gb18030", "big5"):
        fixed = data.decode(encoding, errors="replace")
        cjk = len(CJK_CHAR.findall(fixed[:SAMPLE])) - 5 * fixed[:SAMPLE].count("\ufffd")
        if cjk > best_cjk:
            best, best_cjk = fixed, cjk
    return best
