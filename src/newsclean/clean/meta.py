"""Publication date, publisher and author from the lines around a headline."""
from __future__ import annotations

import re

from .shapes import DATE_DMY, DATE_DMY_WORD, DATE_ISO, DATE_MDY, MONTHS, NAME_AND_OUTLET

_NAME_STOP = r"\s|｜，,。;；:：()（）\[\]【】<>《》「」\"“”"
# "来源：新华网", "來源: 中央社", "稿源：", "本文来源于《财经网》", "Source: Reuters"; not
# "资料来源" (where figures come from) nor "收入来源" (a word inside a sentence).
_PUBLISHER = re.compile(
    r"(?<![资資素图圖])(?<![料材片])(?:来源|來源|稿源|出处|出處|Source)(?:于|於)?"
    r"(?:\s*[:：]\s*|\s+|(?=[《【\[]))[\[【《「(（\s]*"
    rf"([^{_NAME_STOP}]{{1,30}}(?:[ ](?![^ ]*[:：])[A-Z][^{_NAME_STOP}]{{0,20}}){{0,3}})", re.I)
_PUBLISHER_LABEL_ONLY = re.compile(r"(?:来源|來源|稿源|出处|出處|Source)\s*[:：]?\s*[\[【]?\s*$", re.I)
_CJK_NAME = r"(?!记者|記者|来源|來源|编辑|編輯|摄影|攝影|通讯|通訊|实习|實習|本报|本報)[\u4e00-\u9fff·]{2,3}"
_NAME_END = r"(?=$|[\s／/|，,、）)】\]」]|报道|報導|报导|摄|攝|发自|發自|电|電|来源|來源)"
_AUTHOR = re.compile(
    # 记者 (reporter) right after the start of a line, a bracket, an outlet or a dateline.
    rf"(?:^|[\s(（【\[/／╱|:：]|电|電|讯|訊|报|報|网|網)(?<![责責]任)(?:记者|記者|作者|撰文|撰稿|文)\s*[:：/／]?\s*"
    rf"({_CJK_NAME}{_NAME_END}(?:[\s、，,]+{_CJK_NAME}{_NAME_END})*)"
    r"|(?:^|[\s(（|])[Bb][Yy]:?\s+([A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|van|von|and))"
    r"{0,4})")


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
        a, sep, b, y, hh, mm, ap = m.groups()
        # 09.12.2011 is day first (Europe); 01/12/2012 month first (North America),
        # unless the first number cannot be a month.
        month_first = sep == "/" and int(a) <= 12 or sep == "." and int(b) > 12
        mo, d = (a, b) if month_first else (b, a)
        found.append((m.start(), _iso(y, mo, d, hh, mm, ap)))
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


def _clean_name(name: str) -> str:
    return name.strip(" 】]）)》」")


def find_publisher(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        if len(line) > 160:
            continue
        signed = NAME_AND_OUTLET.match(line.strip())
        if signed:
            return signed["outlet"]
        m = _PUBLISHER.search(line)
        if m and _clean_name(m.group(1)):
            return _clean_name(m.group(1))
        # "来源：" on one line and the name on the next (a dump of inline tags).
        if _PUBLISHER_LABEL_ONLY.search(line) and i + 1 < len(lines):
            nxt = _clean_name(lines[i + 1])
            if 1 <= len(nxt) <= 30 and not re.search(r"[:：。]", nxt):
                return nxt
    return None


# "... by X" that names no author: an advertiser, a platform, a photographer, an editor.
_NOT_AUTHOR_BY = re.compile(r"\b(?:ads|advertisements?|powered|sponsored|hosted|presented|brought|"
                            r"supported|funded|photos?|photographs?|images?|videos?|edited|"
                            r"illustrations?|graphics?)\s*$", re.I)


_OUTLET_END = re.compile(r"\b(?:News|Times|Post|Press|TV|Radio|Network|Media)$")


def find_author(lines: list[str]) -> str | None:
    for line in lines:
        if len(line) > 400 or re.match(r"\s*[(（\[【]?\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)", line):
            continue
        signed = NAME_AND_OUTLET.match(line.strip())
        if signed and not _OUTLET_END.search(signed["name"]):      # "WGN News, Chicago Tribune"
            return signed["name"]
        for m in _AUTHOR.finditer(line[:200]):
            if m.group(2) and _NOT_AUTHOR_BY.search(line[:m.start()]):
                continue
            name = (m.group(1) or m.group(2) or "").strip()
            if name and not re.search(r"[的了在是和与時时称稱]", name):
                return re.sub(r"\s*[、，,]\s*", "、", name) if m.group(1) else name
            break
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
    head = lines[max(0, top - 4):min(len(lines), start + 6)]
    return {
        "published": published,
        "publisher": find_publisher(head) or find_publisher(tail),
        "author": find_author(head + tail),
    }
