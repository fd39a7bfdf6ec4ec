"""Publication date, publisher and author from the lines around a headline."""
from __future__ import annotations

import re

from .shapes import (ANY_DATE, DATE_DMY, DATE_DMY_WORD, DATE_ISO, DATE_MDY, DATE_ROC, MONTHS,
                     NAME_AND_OUTLET, TIMESTAMP, is_meta)

_NAME_STOP = r"\s|｜，,。;；:：()（）\[\]【】<>《》「」\"“”"
# "来源：新华网", "來源: 中央社", "稿源：", "本文来源于《财经网》", "Source: Reuters"; not
# "资料来源" (where figures come from), "图片来源" (a photo credit) nor "Resource". Without
# a colon the name must open with a capital or a Han character ("SOURCE Ford Motor
# Company", "來源 中央社"), so that "the source of the drugs" names nothing.
_PUBLISHER = re.compile(
    r"(?<![资資素图圖])(?<![料材片])(?<![A-Za-z])(?:来源|來源|稿源|出处|出處|Source)(?:于|於)?"
    r"(?:\s*[:：]\s*|\s+(?=(?-i:[A-Z0-9])|[\u4e00-\u9fff《【\[「(（])|(?=[《【\[]))[\[【《「(（\s]*"
    rf"([^{_NAME_STOP}]{{1,30}}(?:[ ](?![^ ]*[:：])[A-Z][^{_NAME_STOP}]{{0,20}}){{0,3}})", re.I)
_PUBLISHER_LABEL_ONLY = re.compile(r"(?<![A-Za-z])(?:来源|來源|稿源|出处|出處|Source)\s*[:：]?\s*[\[【]?\s*$", re.I)
# What may stand before a source label on its line: the label's own first word ("本文来源于",
# "文章来源", "Original Source"), or metadata: a date or time ("2023-02-14 13:54 来源:"),
# another label ("作者：记者 武彩霞 来源："), a name in brackets. Running text may not.
_SOURCE_LEAD_WORD = re.compile(r"(?:本文|文章|新闻|新聞|稿件|Original)\s*$", re.I)
_BRACKETED = re.compile(r"[\[【(（][^\]】)）]{1,20}[\]】)）]\W*")
_SENTENCE_PUNCT = re.compile(r"[，。；！？!?;]|,\s*[^\d\s]")
# What follows a source label without naming an outlet: a photo credit (资料图, file
# photo), "the internet", a reprint, "unknown"; or markup left in a dump (size="20").
_NOT_OUTLET = re.compile(r"^(?:资料|資料|图片|圖片|网络|網絡|互联网|互聯網|转载|轉載|未知|不详|不詳|佚名)"
                         r"|[=<>\"{}]")
# Some sites put the writer after 来源: two or three Han characters, the first a common
# surname, not ending like an outlet (网, 报, 社, 台...), are a person's name.
_SURNAMES = ("王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
             "邓鄧曹彭曾肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范"
             "石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯史陶黎贺賀顾顧毛郝龚龔邵覃武戴莫孔汤湯")
_PERSON = re.compile(rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?<![网網报報社台刊视視站号號志闻聞端])")
# A name: two or three characters, four with a double surname (歐陽, 司马...).
_CJK_NAME = (r"(?!记者|記者|来源|來源|编辑|編輯|摄影|攝影|通讯|通訊|实习|實習|本报|本報)"
             r"(?:(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|司徒|东方|東方|夏侯|皇甫|慕容|公孙|公孫|"
             r"令狐|宇文|尉迟|尉遲|范姜|张简|張簡)[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff·]{2,3})")
# After a name: a mark, a word of reporting, or the place (and day) of a dispatch
# ("記者王小明台北18日電", "記者潘姿羽台北報導").
_NAME_END = (r"(?<![摄攝])(?=$|[\s／/╱|，,、）)】\]」〕]|报道|報導|报导|摄|攝|发自|發自|电|電|来源|來源"
             r"|[\u4e00-\u9fff]{2,3}\d{1,2}日(?:专电|專電|电|電)|[\u4e00-\u9fff]{2}(?:报道|報導|报导))")
# 记者 (reporter) right after the start of a line, a bracket, an outlet or a dateline;
# 文 (text) only with a mark after it ("文/赵勇", "文 官嘉盈"), not inside 文化 or 文娱.
_CJK_BYLINE = re.compile(
    rf"(?:^|[\s(（【〔\[/／╱|:：]|电|電|讯|訊|报|報|网|網|社)(?<![责責]任)"
    rf"(?:(?:记者|記者|作者|撰文|撰稿)\s*[:：/／]?|文\s*[:：/／]|文\s)\s*"
    rf"({_CJK_NAME}{_NAME_END}(?:[\s、，,]+{_CJK_NAME}{_NAME_END})*)")
# "By Jane Smith": capitalised words (with de, van, von, and between them), ending the line
# or followed by what a byline goes on with (", Reuters", " | Jan 12", " on Thursday",
# " (@jane)", " - Reporter"), so that "By Wednesday afternoon, the page..." names nobody.
_WORD = r"[A-Z][\w.'\-]+"
_BY = re.compile(
    rf"(?<![\w'])[Bb][Yy]:?\s+({_WORD}(?:\s+(?:(?:de|van|von|and)\s+)?{_WORD}){{0,4}})"
    r"(?=\s*(?:$|[,;|(/—–\[]|-\s|(?:on|in|of|for|at)\s))")
# What may stand before "By" on a byline: nothing, a separator ("Health | By"), a verb of
# writing ("Posted by", "Article written by", "Story by") or a date or time ("Wed 3:59 pm
# by"). Anything else is running text ("manufactured by French company").
_BY_LEAD = re.compile(r"(?:^|[|/—–\-·•:]|\b(?:posted|submitted|written|reported|compiled|story|"
                      r"article|words|text|filed)|\d:\d\d\s*(?:[ap]\.?m\.?)?|\b(?:19|20)\d\d)\s*$", re.I)


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


_CJK = re.compile("[\u4e00-\u9fff]")
# Times of day in Chinese: 下午 02:30 is 14:30, 凌晨 00:30 past midnight.
_CJK_AMPM = {"上午": "am", "凌晨": "am", "中午": None, "下午": "pm", "晚上": "pm"}


def find_date(text: str) -> str | None:
    """The first date in a line, in ISO 8601, with the time when one is given."""
    found = []
    m = DATE_ISO.search(text)
    if m:
        y, mo, d, part, hh, mm = m.groups()
        found.append((m.start(), _iso(y, mo, d, hh, mm, _CJK_AMPM.get(part))))
    m = DATE_ROC.search(text) if "民國" in text else None
    if m:
        y, mo, d, part, hh, mm = m.groups()
        found.append((m.start(), _iso(str(int(y) + 1911), mo, d, hh, mm, _CJK_AMPM.get(part))))
    m = DATE_DMY.search(text)
    if m:
        a, sep, b, y, hh, mm, ap = m.groups()
        # 09.12.2011 is day first (Europe); 01/12/2012 month first (North America),
        # unless the first number cannot be a month, or the line is Chinese (Hong Kong
        # writes 05/03/2024 for 5 March).
        month_first = (sep == "/" and int(a) <= 12 and not _CJK.search(text)
                       or sep == "." and int(b) > 12)
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


def _opens_metadata(prefix: str) -> bool:
    """True when what precedes a source label on its line is no running text."""
    prefix = prefix.strip()
    if not re.search(r"[^\W_]", prefix):       # nothing, or only brackets and separators
        return True
    if len(prefix) > 80 or _SENTENCE_PUNCT.search(prefix):
        return False
    return bool(_SOURCE_LEAD_WORD.search(prefix) or ANY_DATE.search(prefix)
                or TIMESTAMP.search(prefix) or is_meta(prefix) or _BRACKETED.fullmatch(prefix))


def _outlet(name: str) -> str | None:
    """The name as a publisher, or None when it names no outlet."""
    name = _clean_name(name)
    if not name or _NOT_OUTLET.search(name) or _PERSON.fullmatch(name):
        return None
    return name


def find_publisher(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        if len(line) > 160:
            continue
        signed = NAME_AND_OUTLET.match(line.strip())
        if signed:
            return signed["outlet"]
        m = _PUBLISHER.search(line)
        # A name that runs on in capitalised words is a headline ("Original Source: HCG
        # Drops Available At HcgDropsCentral.com Offers..."), not an outlet.
        if m and _opens_metadata(line[:m.start()]) and not re.match(r" [A-Z]", line[m.end():]):
            name = _outlet(m.group(1))
            if name:
                return name
        # "来源：" on one line and the name on the next (a dump of inline tags).
        label = _PUBLISHER_LABEL_ONLY.search(line)
        if label and _opens_metadata(line[:label.start()]) and i + 1 < len(lines):
            nxt = _outlet(lines[i + 1])
            if nxt and len(nxt) <= 30 and not re.search(r"[:：。]", nxt):
                return nxt
    for line in lines:
        m = _DISPATCH.search(line[:80]) if len(line) <= 160 else None
        if m:
            return m["outlet"]
    return None


# Without a source label, the outlet that opens a dispatch or a reporter's byline:
# "新华社北京3月5日电", "（中央社記者王小明台北18日電）", "聯合報／記者陳美玲".
_DISPATCH = re.compile(
    r"(?:^|[\s(（【〔\[])(?P<outlet>(?!本报|本報|本网|本網|本台)[\u4e00-\u9fff]{1,6}?"
    r"(?:通讯社|通訊社|社|日报|日報|时报|時報|晚报|晚報|报|報|网|網|电视台|電視台))"
    r"\s*(?:[／/╱]\s*)?(?:记者|記者|[\u4e00-\u9fff]{2,4}\d{1,2}月?\d{1,2}日(?:电|電|讯|訊))")


def _english_byline(line: str) -> str | None:
    """The name of a "By ..." byline: two words or more, one in capitals (IANS), or one
    that is all the line says ("By Reuters"); a lone first name or a site's nickname
    inside a line of links ("Posted by Rob — Comment", "Life Style | By Cmv") is not."""
    for m in _BY.finditer(line):
        if len(line[:m.start()]) > 80 or not _BY_LEAD.search(line[:m.start()]):
            continue
        name = m.group(1)
        alone = not line[:m.start()].strip() and not line[m.end():].strip(" ,.")
        if " " in name or (name.isupper() and len(name) > 1) or alone:
            return name
    return None


_OUTLET_END = re.compile(r"\b(?:News|Times|Post|Press|TV|Radio|Network|Media)$")


def find_author(lines: list[str]) -> str | None:
    for line in lines:
        if len(line) > 400 or re.match(r"\s*[(（\[【]?\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)", line):
            continue
        signed = NAME_AND_OUTLET.match(line.strip())
        if signed and not _OUTLET_END.search(signed["name"]):      # "WGN News, Chicago Tribune"
            return signed["name"]
        m = _CJK_BYLINE.search(line[:200])
        if m and not re.search(r"[的了在是和与時时称稱]", m.group(1)):
            return re.sub(r"\s*[、，,]\s*", "、", m.group(1).strip())
        name = _english_byline(line[:200])
        if name:
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
    head = lines[max(0, top - 4):min(len(lines), start + 6)]
    return {
        "published": published,
        "publisher": find_publisher(head) or find_publisher(tail),
        "author": find_author(head + tail),
    }
