"""Publication date, publisher and author from the lines around a headline."""
from __future__ import annotations

import re

from .shapes import DATE_DMY, DATE_DMY_WORD, DATE_ISO, DATE_MDY, MONTHS

_PUBLISHER = re.compile(
    r"(?:来源|來源|稿源|出处|出處|Source)\s*[:：]\s*([^\s|｜，,。()（）\[\]【】<>]{1,30}"
    r"(?:\s(?![^\s]*[:：])[A-Za-z][^\s|｜，,。()（）]{0,20}){0,3})", re.I)
_PUBLISHER_LABEL_ONLY = re.compile(r"(?:来源|來源|稿源|出处|出處|Source)\s*[:：]?\s*$", re.I)
_AUTHOR = re.compile(
    r"(?:(?<![责責]任)(?:(?:记者|記者)\s*[:：/／]?|(?:作者|撰文|文|撰稿)\s*[:：/／])\s*"
    r"([\u4e00-\u9fff·]{2,4}(?:[、，,\s][\u4e00-\u9fff·]{2,4}){0,3}))"
    r"|(?:^|[\s(（])[Bb][Yy]\s+([A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|van|von|and))"
    r"{0,4})")
_AUTHOR_STOP = re.compile(r"(报道|報導|报导|摄影|攝影|摄|攝|通讯员|通訊員|实习生|實習生)$")
_TAIL_WORDS = re.compile(r"(发自|發自|报道|報導|摄|攝)")


def _iso(y: str, m: str, d: str, hh: str | None = None, mm: str | None = None,
         ampm: str | None = None) -> str | None:
    yi, mi, di = int(y), int(m), int(d)
    if not (1 <= mi <= 12 and 1 <= di <= 31 and 1990 <= yi <= 2100):
        return None
    out = f"{yi:04d}-{mi:02d}-{di:02d}"
    if hh is not None and mm is not None:
        h, mnt = int(hh), int(mm)
        if ampm and ampm.lower().startswith("p") and h < 12:
            h += 12
        if ampm and ampm.lower().startswith("a") and h == 12:
            h = 0
        if h < 24 and mnt < 60:
            out += f"T{h:02d}:{mnt:02d}"
    return out


def find_date(text: str) -> str | None:
    """The first date in a line, in ISO 8601, with the time when one is given."""
    found = []
    m = DATE_ISO.search(text)
    if m:
        found.append((m.start(), _iso(*m.groups())))
    m = DATE_DMY.search(text)
    if m:
        d, mo, y, hh, mm = m.groups()
        found.append((m.start(), _iso(y, mo, d, hh, mm)))
    m = DATE_MDY.search(text)
    if m:
        mon, d, y, hh, mm, ap = m.groups()
        found.append((m.start(), _iso(y, str(MONTHS[mon[:3].lower()]), d, hh, mm, ap)))
    m = DATE_DMY_WORD.search(text)
    if m:
        d, mon, y, hh, mm, ap = m.groups()
        found.append((m.start(), _iso(y, str(MONTHS[mon[:3].lower()]), d, hh, mm, ap)))
    found = [f for f in found if f[1]]
    return min(found)[1] if found else None


def find_publisher(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        m = _PUBLISHER.search(line)
        if m:
            return m.group(1).strip()
        # "来源：" on one line and the name on the next (a dump of inline tags).
        if _PUBLISHER_LABEL_ONLY.search(line) and i + 1 < len(lines):
            nxt = lines[i + 1].strip(" 】]）)")
            if 1 <= len(nxt) <= 30 and not re.search(r"[:：。]", nxt):
                return nxt
    return None


def find_author(lines: list[str]) -> str | None:
    for line in lines:
        if re.match(r"\s*[(（\[【]?\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)", line):
            continue
        for m in _AUTHOR.finditer(line[:300]):
            name = (m.group(1) or m.group(2) or "").strip()
            name = _AUTHOR_STOP.sub("", name).strip()
            name = _TAIL_WORDS.split(name)[0].strip()
            if name and not re.search(r"[的了在是和与]", name if len(name) <= 4 else ""):
                return name
    return None


def extract(lines: list[str], title_at: int | None, span: tuple[int, int]) -> dict:
    """Look near the headline and the start of the article first, then at its end."""
    start, end = span
    top = title_at if title_at is not None else start
    near = lines[max(0, top - 2):min(len(lines), start + 3)]
    tail = lines[max(start, end - 4):min(len(lines), end + 3)]
    published = None
    for line in near:
        if len(line) <= 200:
            published = find_date(line)
            if published:
                break
    if published is None:
        for line in lines[:max(start, 1) + 3] + tail:
            if len(line) <= 120:
                published = find_date(line)
                if published:
                    break
    return {
        "published": published,
        "publisher": find_publisher(near) or find_publisher(tail),
        "author": find_author(near + lines[start:start + 2] + tail),
    }
