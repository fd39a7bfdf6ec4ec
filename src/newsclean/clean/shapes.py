"""What a single line looks like: token counts, punctuation, and the shapes of
boilerplate that are the same on every site (share bars, pagers, copyright lines...).

Every regex here is anchored or uses bounded repetition so that a 1 MB line
without punctuation is scanned in linear time.
"""
from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}]+")
CJK_CHAR = re.compile(rf"[{CJK}]")
# Punctuation that separates clauses inside running text, in both scripts.
CLAUSE = re.compile(r"[，,、；;：。！？!?…]|(?<!\d):(?!\d)|\.(?=\s|$)")
END = re.compile(r"(?:[。！？!?…；;]|(?<![A-Z])\.|[.!?]\s*[\"”’')）]|\.{3})[\"”’'」』)）\]]*\s*$")

_IMG_EXT = r"(?:jpe?g|png|gif|webp|bmp|svg|tiff?)"
IMAGE_NAME = re.compile(
    rf"^\S{{0,200}}?\.{_IMG_EXT}(?:\.{_IMG_EXT})?(?:\s*\(\d{{1,3}}\))?(?:\.{_IMG_EXT})?$", re.I)
URL = re.compile(r"^[【\[(（<]?\s*(?:https?://|www\.)\S{0,300}\s*[】\])）>]?\s*[【\[]?$", re.I)

# Dates in the shapes news pages use; captured parts are read by meta.py.
_CJK_TIME = (r"(?:\s*(?:[T\s]|&nbsp;){0,3}(上午|下午|中午|晚上|凌晨)?\s*(\d{1,2})\s*[:：时時]"
             r"\s*(\d{2}))?")
DATE_ISO = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?" + _CJK_TIME)
# Taiwan's calendar: 民國113年 is 2024.
DATE_ROC = re.compile(r"(?:中華)?民國\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _CJK_TIME)
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})[./]((?:19|20)\d\d)(?!\d)"
                      r"(?:[\s,]{1,3}(?:at\s{1,3})?(\d{1,2}):(\d{2})(?::\d\d)?\s*([ap]\.?m\.?)?)?", re.I)
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MON = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
DATE_MDY = re.compile(rf"\b{_MON}\s{{1,3}}(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s{{0,3}}|\s{{1,3}})((?:19|20)\d\d)\b"
                      r"(?:[^\d\n]{0,12}?(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?", re.I)
DATE_DMY_WORD = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}{_MON},?\s{{1,3}}((?:19|20)\d\d)\b"
                           r"(?:[^\d\n]{0,12}?(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?)?", re.I)
ANY_DATE = re.compile(DATE_ISO.pattern + "|" + DATE_DMY.pattern + "|" + DATE_MDY.pattern
                      + "|" + DATE_DMY_WORD.pattern + "|" + DATE_ROC.pattern, re.I)
TRAILING_DATE = re.compile(
    r"[\s(（\[【]{0,3}(?:(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]|\d{1,2}[-/月])\d{1,2}日?(?:\s{0,3}\d{1,2}:\d{2})?"
    r"[)）\]】]?\s*$")
# "... [详情]", "more »": a teaser that links to the rest of a story.
READ_MORE = re.compile(r"(?:[\[【(（]\s*(?:详情|詳情|详细|詳細|全文|更多|阅读全文|閱讀全文|more|full story)\s*[\]】)）]"
                       r"|>>|»|more\s*(?:»|>>|›)|(?:read|see|view|show) more|full story)\s*$", re.I)
# A time of day, as comment threads stamp each comment ("11.01.12, 11:44pm", "10:03").
TIMESTAMP = re.compile(r"(?<![\w:])\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?![\d:])", re.I)

# Labels of the metadata lines around a headline.
_LABELS = (r"(?:来源|來源|稿源|出处|出處|作者|编辑|編輯|责编|責編|发布时间|發佈時間|发表时间|發表時間|发布日期|"
           r"更新时间|更新時間|时间|時間|日期|点击|點擊|浏览|瀏覽|阅读|閱讀|人气|人氣|字号|字號|"
           r"[Ss]ource|SOURCE|[Pp]osted|[Pp]ublished|[Uu]pdated|[Ll]ast updated|[Dd]ate)\s*$")
META_LABEL_END = re.compile(_LABELS)
# "Tamara Hunter, The West Australian": a reporter's name, then a newspaper's.
NAME_AND_OUTLET = re.compile(
    r"^(?!By\b)(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){1,2}),\s*(?P<outlet>(?:The\s+)?"
    r"(?:[A-Z][\w.&'\-]+\s+){0,3}(?:News|Times|Post|Herald|Press|Telegraph|Australian|Journal"
    r"|Tribune|Gazette|Star|Sun|Mail|Express|Guardian|Chronicle|Independent|Standard|Examiner"
    r"|Observer|Colonist|Citizen|Sentinel|Courier|Mirror|Record))\s*$")
META_WORD = re.compile(
    r"^[\s(（【〔\[]*[\u4e00-\u9fff]{0,8}[╱/／\s·(（]{0,3}(?:记者|記者|通讯员|通訊員)"
    # "2024-03-18 13:45 聯合報／ 記者陳美玲／台北即時報導": a reporter and where from.
    r"|(?:记者|記者)\s*[\u4e00-\u9fff·]{2,4}\s*[╱/／]\s*[\u4e00-\u9fff]{2,8}(?:报道|報導|报导)"
    r"|^【[^】]{0,24}(?:报道|報導|报导|电|電|讯|訊)】"
    r"|^[^，。,]{0,24}?\d{1,2}月\d{1,2}日(?:电|電|讯|訊)"    # 证券时报网（www.stcn.com）01月17日讯
    r"|\d{1,3}\s*(?:分钟|分鐘|小时|小時|天)前|\b\d{1,3} (?:minutes?|hours?|days?) ago\b"
    r"|\b(?:Associated Press|Reuters|AFP|News Service|Press Association|Staff [Ww]riter|Correspondent)\b"
    r"|\bReporter\s*$"
    r"|" + NAME_AND_OUTLET.pattern +
    r"|\b(?:was published on|first published|appeared on p\d|appeared in the|last modified)\b"
    r"|^\s*(?:(?:Article|Story|Written|Words|Submitted|Posted|Reported)\s+)?[Bb]y\s*:?\s*[A-Z]"
    r"|^\s*(?:Posted|Published|Updated|Last updated)\b")


_SENTENCE_MARK = re.compile(r"[，。！？,!?]")
# A site's address before its dateline: "http://www.sznews.com 2011-12-14 18:10 来源：".
_LEADING_ADDRESS = re.compile(r"^(?:(?:https?://)?www\.|https?://)\S{1,80}\s+")


def is_meta(text: str) -> bool:
    """A byline, source or dateline label near the start of a short line (after the
    site's address, if the line opens with one)."""
    if text[:1] in "hw":
        text = _LEADING_ADDRESS.sub("", text, count=1)
        # "http://www.rednet.cn 2012/1/17 17:23:10 红网 字体": the site, the date, its name.
        if DATE_ISO.match(text) and len(text) <= 60 and not _SENTENCE_MARK.search(text):
            return True
    head = text[:40]
    for colon in (head.find("："), head.find(":")):
        # "阅读：1234" counts readers; "延伸阅读：..." heads a box of links.
        if colon > 0 and META_LABEL_END.search(head, max(0, colon - 12), colon) \
                and not LIST_HEADING.match(head):
            return True
    return bool(META_WORD.search(head))


# Words that only appear in page furniture: share bars, comment forms, pagers,
# "related" lists, copyright. A line made of them (and little else) is furniture.
_FURNITURE = (
    r"分享到|分享|转发|轉發|收藏|打印|列印|关闭|關閉|关闭窗口|纠错|糾錯|推荐|推薦|评论|評論|"
    r"点赞|點讚|点击|點擊|举报|舉報|登录|登入|注册|註冊|返回|顶部|頂部|首页|首頁|"
    r"上一篇|下一篇|上一条|下一条|上一頁|下一頁|上一页|下一页|尾页|尾頁|更多|"
    r"相关新闻|相關新聞|相关稿件|相關稿件|相关阅读|相關閱讀|相关文章|相關文章|相关链接|相關連結|"
    r"延伸阅读|延伸閱讀|热点|熱點|热门|熱門|排行|推荐阅读|编辑推荐|字号|字體|字号：|字级|字級|大|中|小|"
    r"广告|廣告|加入好友|订阅电子报|訂閱電子報|"
    r"(?:请继续往下阅读|請繼續往下閱讀|继续阅读|繼續閱讀)(?:\.{3}|…{1,2})?|"
    r"微博|微信|QQ空间|人人网|开心网|豆瓣|新浪|腾讯|Facebook|Twitter|Google|LinkedIn|"
    r"Reddit|Digg|Delicious|StumbleUpon|Email|E-mail|Print|Share|Tweet|Like|Comments?|"
    r"Related|More|Home|Next|Previous|Prev|Back|Top|Login|Log in|Sign in|Sign up|Subscribe|"
    r"Advertisement|RSS|Permalink|Reply|Font size|Text size|A\+|A-"
)
FURNITURE_WORD = re.compile(rf"(?:{_FURNITURE})", re.I)
# Lines that open with furniture: share and like counters, pagers, "related" headings,
# editor credits, breadcrumbs, comment forms. Matched at the start only (cheap).
# The head of a breadcrumb trail: where a page's own part begins.
YOU_ARE_HERE = re.compile(r"(?:您当前的位置|您的位置|當前位置|当前位置|所在位置|您所在的?位置|您當前的位置"
                          r"|您現在的位置|您现在的位置|你的位置|你现在的位置|你所在的?位置"
                          r"|You are here\b)", re.I)
FURNITURE_START = re.compile(
    r"(?:(?:点赞|點讚|赞|讚|顶|踩|收藏|分享|评论|評論|转发|转载|阅读|閱讀|浏览|瀏覽)\s*[(（【\[]?\s*\d*\s*[)）】\]]?\s*)+$"
    r"|(?:上一[篇条條页頁章]|下一[篇条條页頁章]|前一[篇页頁]|后一[篇页]|后一頁)\s*[:：]"
    r"|(?:相关|相關|热门|熱門|热点|熱點|推荐|推薦|延伸|精彩|最新|更多|猜你喜欢|编辑推荐|今日推荐|"
    r"本类|本類|频道|頻道)[\u4e00-\u9fff]{0,6}$"
    r"|[\d\s]{1,40}(?:下一页|下一頁|尾页|尾頁|›|»|>>|Next)\s*$"
    r"|(?:上一页|上一頁|首页|首頁|«|<<)[\d\s]{1,40}"
    r"|[(（\[【]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审核|審核)\s*[:：]"
    r"|©"
    r"|(?:Share|Email|Print|Tweet|Share this|Continue reading|Read more|Advertisement|"
    r"Comments?|Related (?:Stories|Articles|Links|Content|Posts)|More from|Most (?:read|popular|viewed|shared))\b.{0,40}$"
    r"|(?:\d{1,6}\s*)?(?:条|條)?(?:评论|評論|回复|回覆|跟帖)\s*[(（:：]?\s*\d{0,7}\s*(?:条|條|人)?[)）]?\s*$"
    r"|(?:打印|列印|关闭|關閉|纠错|糾錯|收藏|举报|舉報)\s*(?:本页|本頁|窗口|此文|本文)?\s*$"
    rf"|{YOU_ARE_HERE.pattern}"
    r"|(?:分享(?:到|至|工具|本文|此文)?|轉寄|转寄|推薦給朋友|推荐给朋友)\s*[:：]?\s*$"
    r"|(?:扫一扫|掃一掃|扫描二维码|掃描二維碼|关注我们|關注我們|手机看新闻|手機看新聞)"
    r"|(?:发表评论|發表評論|我要评论|我要評論|网友评论|網友評論|查看评论|查看評論|验证码|驗證碼|匿名|用户名|用戶名|密码|密碼)"
    r"|loading\.{0,3}\s*$|Copyright\s*:"
    r"|(?:Main |Sub-?)?(?:Categor(?:y|ies)|Tags?|Topics?|Filed (?:under|in)|Also [Ii]ncluded [Ii]n)\s*:"
    r"|(?:Smaller|Larger|Bigger|Increase|Decrease|Reset)\s+(?:Font|Text)\b.{0,20}$"
    r"|(?:E\W?mail|Report (?:an )?(?:error|typo)|Enlarge\s*(?:Close)?|On the Web)\s*:?\s*$"
    r"|\W*Comments?\s*:\s*\d{1,6}\b.{0,30}$"
    # a site's notices: its disclaimer's heading, its contact lines
    r"|(?:免责|免責|版权|版權)?(?:声明|聲明)\s*[:：]?\s*$"
    r"|(?:电话|電話|传真|傳真|邮箱|郵箱|E-?mail|地址|邮编|郵編)\s*[:：].{0,60}"
    r"(?:传真|傳真|邮箱|郵箱|邮编|郵編|处理时间|處理時間)\s*[:：]",
    re.I)
# Furniture anywhere in a line: copyright and licence numbers, comment counts.
FURNITURE_ANY = re.compile(
    r"ICP\s*[备證证]?\s*[\d\-]|ICP[备證证]|公网安备|版权所有|版權所有|[Aa]ll [Rr]ights [Rr]eserved|ALL RIGHTS"
    r"|[Cc]opyright\s*(?:©|\([cC]\)|\d{4})|COPYRIGHT|(?:评论|評論|跟帖|参与|參與)\s*\d{1,7}\s*(?:条|條|人)"
    # a site's disclaimer: it speaks of itself (本网) and of reprints
    r"|不代表本[网網站报報台臺刊]|本[网網]站?所刊[载載]|[转轉][载載][并並]不代表|[务務须須]经[书書]面授[权權]"
    r"|(?:[转轉][载載]|摘[编編]|[复複]制).{0,24}(?:追究|法律[责責]任)"
    r"|未[经經](?:授[权權]|[许許]可|同意)\W{0,2}(?:不得|禁止|[严嚴]禁)(?:[转轉][载載]|[复複]制)"
    r"|(?:我们|我們)的\s*(?:Facebook|FB|微博|微信)?\s*(?:专页|專頁|粉丝团|粉絲團|公众号|公眾號)"
    r"|[Nn]ot to be reproduced|without (?:the )?(?:prior )?(?:written )?permission of"
    r"|reprints (?:&|and) permissions|can be reached (?:at|on|by) (?:Twitter|e-?mail|\S+@)"
    r"|(?:does|do) not necessarily (?:endorse|reflect|represent) (?:the|any)")
# Words that mark a picture's caption or credit.
CAPTION_WORDS = re.compile(
    r"\((?:left|right|centre|center|top|bottom|above|below|pictured|file)\)|\bpictured\b"
    r"|\b(?:photo|photograph|picture|image)s?\s*(?:[:/]|by\b|credit)|Getty Images|AP Photo|\bPhoto\s*/"
    r"|^(?:图为|圖為)|图片来源|圖片來源|^(?:资料图|資料圖|資料照|资料照片)|图据|圖據|供图|供圖"
    r"|(?:^|\s|[(（])(?:图|圖)\s*[/／]"
    r"|^[A-Z][\w.'\- ]{2,40},\s*(?:AP|AFP|Reuters|EPA|Getty Images|Bloomberg)\s*$"
    r"|\bfile (?:photo|image|picture)\b|\bundated (?:photo|image|picture)|^(?:Above|Below|Pictured)\s*:"
    r"|(?-i:\s/\s*[A-Z][A-Z.&]+(?: [A-Z][A-Z.&]+)+\s*$)", re.I)
# The heading of a box of links to other stories; the short lines under it are links.
LIST_HEADING = re.compile(
    r"^(?:相关|相關|热门|熱門|热点|熱點|推荐|推薦|延伸阅读|延伸閱讀|精彩推荐|精彩推薦|猜你喜欢|編輯推薦|看更多|"
    r"编辑推荐|今日推荐|Related|More (?:on|from|in|stories|news)|Most (?:read|popular|viewed|shared)|"
    r"Also in|Top (?:stories|news)|Latest (?:news|headlines|stories)|You (?:may|might) also|Recommended|"
    r"See also|Further reading|Other stories|In other news|Featured (?:articles|stories))", re.I)
# "热点推荐：广深高铁开通在即", "Related: ...": the label of a box of links with the first
# link on its line.
LABELLED_LINK = re.compile(LIST_HEADING.pattern + r"[^:：]{0,8}[:：]\s*\S.{3,}", re.I)
# "【延伸閱讀】外資連五買 台股萬點有望": the same, the label in brackets.
BRACKETED_LINK = re.compile(r"^[【\[]" + LIST_HEADING.pattern[1:] + r"[^】\]]{0,8}[】\]]\s*\S.{3,}",
                            re.I)
# The heading of a readers' comment section (or its form).
COMMENTS_START = re.compile(
    r"^.{0,30}\b\d{1,6}\s+(?:comments?|responses?|replies)\b|^\s*(?:comments?\s*\(\d{1,6}\)\s*$"
    r"|(?:sign in|log in|register) to (?:comment|post)|(?:leave|post|add|write) (?:a |your )?(?:comment|reply)"
    r"|show comments|view comments|reader comments|readers' comments|discussion\s*$"
    r"|(?:user|visitor|member|your)s?'? comments\s*:?\s*$"
    r"|发表评论|發表評論|网友评论|網友評論|我要评论|我要評論|评论区|評論區|已有\d{1,6}(?:条|條|人)|"
    r"共\s*\d{1,6}\s*(?:条|條|篇)(?:评论|評論)|留言板|我来说两句|我來說兩句"
    r"|^(?:新闻|新聞|网友|網友)(?:讨论|討論)|^(?:讨论区|討論區)"
    r"|add your (?:opinion|comment)|rate this (?:article|story)|cite this (?:article|story)"
    r"|you can comment on|join the conversation|comments (?:are|have been) (?:now )?closed"
    r"|评论已关闭|評論已關閉|留言已关闭|留言已關閉)", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d|民國")


def is_furniture(text: str) -> bool:
    return bool(FURNITURE_START.match(text) or FURNITURE_ANY.search(text))


_SENTENCE_END = re.compile(r"[。！？!?]|\.\s")
# What separates the items of a menu: bars (box-drawing ones too) and dots.
LIST_MARKS = "|｜│┃¦•·・▪"
_CJK_LIST_SEP = re.compile(f"[\\s{LIST_MARKS}]+")
_LIST_SEP = re.compile(f"\\s*[{LIST_MARKS}]\\s*|\\s{{2,}}|\\t")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def lower_share(text: str) -> float:
    words = _WORD.findall(text[:600])
    return sum(1 for w in words if w[0].islower()) / len(words) if words else 0.0


def _is_list(text: str, latin: bool, clauses: int) -> bool:
    """Many short items in a row (menus, partner sites): not running text."""
    sample = text[:2000]
    if sample.count(" ") + sum(sample.count(mark) for mark in LIST_MARKS) < 3:
        return False
    parts = _LIST_SEP.split(sample) if latin else _CJK_LIST_SEP.split(sample)
    sizes = [n for n in (len(TOKEN.findall(p)) for p in parts) if n]
    if len(sizes) < 4 or len(_SENTENCE_END.findall(sample)) * 3 >= len(sizes):
        return False
    items = sizes
    mean = sum(sizes) / len(sizes)
    if latin:
        return mean <= 4 and clauses * 2 < len(items)
    # One character per item is letter-spaced text, not a menu.
    return 1.5 < mean <= 8 and clauses * 3 < len(items)


class LineShape:
    """The measurements of one line that the cleaner's decisions use."""
    __slots__ = ("text", "tokens", "cjk", "clauses", "ends", "prose", "furniture",
                 "image", "url", "_date", "_meta", "linky", "words")

    # Dates and bylines matter only around the headline and inside the article:
    # measured when first asked for.
    @property
    def date(self) -> bool:
        if self._date is None:
            t = self.text
            self._date = bool(len(t) <= 120 and _YEAR.search(t) and ANY_DATE.search(t))
        return self._date

    @property
    def latin(self) -> bool:
        """Text in Latin script: its tokens are words, not Chinese characters."""
        return self.cjk * 2 < self.tokens

    @property
    def meta(self) -> bool:
        if self._meta is None:
            # A full sentence that names an agency or a reporter is still a sentence.
            sentence = self.prose and self.ends and self.tokens >= 12
            self._meta = len(self.text) <= 120 and not sentence and is_meta(self.text)
        return self._meta

    def __init__(self, text: str):
        self.text = text
        # Up to six characters (or fourteen of ASCII: "Entertainment", "Log in") a line
        # cannot hold a sentence: a menu item, a counter, a label.
        if len(text) <= 6 or (len(text) <= 14 and text.isascii()):
            self._tiny(text)
            return
        toks = TOKEN.findall(text)
        self.tokens = len(toks)
        self.cjk = len(CJK_CHAR.findall(text)) if self.tokens and not text.isascii() else 0
        self.clauses = len(CLAUSE.findall(text)) if self.tokens else 0
        self.ends = bool(END.search(text[-12:])) if text else False
        self.words = len(text.split())
        # Latin text needs more tokens than Chinese (one token per word, not per character).
        latin = self.latin
        min_tokens = 6 if latin else 8
        self.prose = self.tokens >= min_tokens and (
            self.ends or self.clauses >= 2 or (self.clauses >= 1 and self.tokens >= 20)
            # Hard-wrapped English: mid-sentence lines are mostly lower-case words.
            or (latin and self.tokens >= 12 and len(text) >= 60 and lower_share(text) >= 0.6))
        # "热门点卡：问道Q币穿越火线征途" is a label and a list of links, not a sentence.
        if self.prose and not latin and not self.ends and self.clauses == 1 \
                and re.match(r"[^:：，,。]{1,6}[:：]", text):
            self.prose = False
        # A headline cut short to fit a box ("女友车祸身亡 男子仍与其尸体举行婚…") is a link.
        if self.prose and self.tokens < 40 and self.clauses <= 2 and text.endswith(("…", "...", "..")):
            self.prose = False
            self.linky = True
        if self.tokens >= 8 and _is_list(text, latin, self.clauses):
            self.prose = False
            self.linky = True
        self.image = bool(len(text) < 300 and "." in text[-12:] and IMAGE_NAME.match(text))
        self.url = bool(len(text) < 320 and ("http" in text[:8] or "www." in text[:8])
                        and URL.match(text))
        short = len(text) <= 120
        self._date = self._meta = None
        self.furniture = is_furniture(text) if len(text) < 400 else False
        self.linky = getattr(self, "linky", False) or self._link_like(short)

    def _tiny(self, text: str) -> None:
        """Menu items and counters: too short for running text, a date or a link."""
        self.tokens = len(TOKEN.findall(text))
        self.cjk = len(CJK_CHAR.findall(text)) if not text.isascii() else 0
        self.clauses = 0
        self.ends = False
        self.words = len(text.split())
        self.prose = self.image = self.url = self.linky = False
        self._meta = None
        self._date = None if len(text) >= 8 else False
        self.furniture = is_furniture(text)
        if len(text) > 6:
            self.image = "." in text[-6:] and bool(IMAGE_NAME.match(text))
            self.linky = self._link_like(True)

    def _link_like(self, short: bool) -> bool:
        """Headlines of other pages: a line ending in a date, or a bullet item."""
        t = self.text
        if not short or self.prose and self.tokens > 40:
            return False
        if t[-1] in "]】)）>»›eEyY" and READ_MORE.search(t[-12:]):
            return True
        # A breadcrumb: 首页 > 新闻 > 正文, Home » World
        if t.count(">") + t.count("»") + t.count("›") + t.count("＞") >= 2 and self.tokens < 40:
            return True
        if (t[-1].isdigit() or t[-1] in ")）]】日") and TRAILING_DATE.search(t[-30:]) and self.tokens > len(TOKEN.findall(t[-22:])) + 3:
            return True
        # A bullet makes a short unpunctuated line an item of a list of links; bulleted
        # sentences inside an article stay (they are judged by their place).
        return t[:1] in "・·•●■□◆◇▪►▶»›" and self.tokens < 50 and not self.prose


_HAS_SEPARATOR = re.compile(r"[\s|｜/·•・>»›\[\]【】()（）:：]")
_ITEM_SPLIT = re.compile(r"[\s|｜/·•・>»›\[\]【】()（）:：]+")


def furniture_share(text: str) -> float:
    """Share of a short line's items that are furniture words (微博 微信, Share Print ...)."""
    if len(text) <= 12 and text.isalnum() or not _HAS_SEPARATOR.search(text):
        return 1.0 if FURNITURE_WORD.fullmatch(text) else 0.0
    items = [i for i in _ITEM_SPLIT.split(text[:200]) if TOKEN.search(i)]
    if not items:
        return 0.0
    return sum(1 for i in items if FURNITURE_WORD.fullmatch(i)) / len(items)
