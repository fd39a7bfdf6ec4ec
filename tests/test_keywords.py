import re
from pathlib import Path

from newsclean.article import Article
from newsclean.keywords import extract_keywords, keywords, original_spelling
from newsclean.options import Options

DATA = Path(__file__).parent / "data"
ZH = (DATA / "analysis_zh_news.txt").read_text(encoding="utf-8")
EN = (DATA / "analysis_en_news.txt").read_text(encoding="utf-8")


def _is_bad(term: str) -> bool:
    return (len(term) < 2 or re.fullmatch(r"[\d.,%]+", term) is not None
            or term.lower() in {"的", "the", "and", "said", "in"} or term.endswith(".pdf"))


def test_chinese_keywords_are_terms_kept_whole():
    found = extract_keywords(ZH, 5, "zh")
    assert found[0] == "人工智能"
    assert "北京大学" in found
    assert not any(_is_bad(k) for k in found)


# A place name the segmenter does not know (青蟹/岭/水库 would be its words).
NAMES = ("青蟹岭水库今年入汛以来水位持续上涨。管理处表示，青蟹岭水库已开闸泄洪，"
         "下游村民已转移。青蟹岭水库建于上世纪七十年代，是全县最大的水库。"
         "据介绍，泄洪将持续三天，青蟹岭水库周边道路暂时封闭。")


def test_names_the_segmenter_cuts_apart_come_back_whole():
    found = extract_keywords(NAMES, 5, "zh")
    assert found[0] == "青蟹岭水库"
    assert not any(k in "青蟹岭水库" for k in found[1:])      # no pieces of it


def test_the_seed_dump_keeps_its_place_name_whole():
    from newsclean import process_text
    doc = process_text((DATA / "seed_dump.txt").read_text(encoding="utf-8"),
                       Options(command="keywords"))
    assert "半马苏河" in doc.keywords
    assert not any(k in {"半马苏", "马苏", "苏河"} for k in doc.keywords)


def test_a_compound_stands_beside_a_word_it_contains():
    # 区域化 is met only in 区域化党建; 党建 also stands alone.
    text = ("区域化党建推动社区治理。街道党建工作会议召开，党建引领作用明显。"
            "区域化党建联盟新增成员单位。各单位表示，将把党建与业务结合，"
            "深化区域化党建，让党建成果惠及居民。")
    found = extract_keywords(text, 5, "zh")
    assert "区域化党建" in found and "党建" in found
    assert "区域化" not in found


def test_a_piece_of_a_real_word_is_no_name():
    # 党建合 recurs, but always inside 党建合作 or 党建合力: real words, not a slip.
    text = "党建合作不断深化。党建合力持续增强。各单位党建合作项目落地。党建合力显现。"
    assert not any(k.startswith("党建合") and len(k) == 3
                   for k in extract_keywords(text, 10, "zh"))


def test_english_keywords_prefer_recurring_phrases():
    found = extract_keywords(EN, 5, "en")
    assert found[0] == "Solar power capacity"     # as first written
    assert not any(_is_bad(k) for k in found)
    assert not any(k.lower() in {"said", "report"} for k in found)
    lowered = [k.lower() for k in found]
    assert not any(a != b and a in b for a in lowered for b in lowered)


def test_english_keywords_are_not_overlapping_cuts_of_one_phrase():
    text = ("Protected cycle lanes will open in the riverside district. The protected cycle "
            "lanes cost less than a road. Shop owners fear losing parking spaces. Some shop "
            "owners fear losing customers, but cycle lanes bring shoppers to the district.")
    found = [k.lower() for k in extract_keywords(text, 8, "en")]
    assert "protected cycle lanes" in found or "cycle lanes" in found
    for a in found:
        for b in found:
            x, y = a.split(), b.split()
            assert a == b or not any(x[-n:] == y[:n] for n in range(1, min(len(x), len(y)) + 1))


def test_no_numbers_stopwords_or_file_names():
    text = "下载report2023.pdf查看2023年数据。数据显示数据增长。" * 3
    found = extract_keywords(text, 10, "zh")
    assert found and not any(_is_bad(k) or "pdf" in k or "2023" in k for k in found)


def test_title_counts():
    found = extract_keywords(EN, 3, "en", title="Coal power falls")
    assert "coal" in " ".join(found).lower()


def test_stage_gives_traditional_keywords_back_in_traditional():
    import opencc
    traditional = opencc.OpenCC("s2t").convert(ZH)
    doc = Article(path="x", text=traditional, language="zh",
                  analysis_text=opencc.OpenCC("t2s").convert(traditional))
    found = keywords(doc, Options(keywords=5)).keywords
    assert found[0] == "人工智慧" or found[0] == "人工智能"
    assert "北京大學" in found
    assert all(k in traditional for k in found)


def test_original_spelling_when_a_line_changes_length():
    simplified = "第一行\n这是一个关键词测试"
    original = "第一行\n這是一個關鍵詞語測試"   # one line longer than its conversion
    assert original_spelling("测试", simplified, original) == "測試"
    assert original_spelling("第一行", simplified, original) == "第一行"


def test_stage_sets_the_requested_number():
    doc = Article(path="x", text=EN, title="Solar power capacity doubles in Europe")
    assert len(keywords(doc, Options(keywords=3)).keywords) == 3
    assert keywords(doc, Options(keywords=0)).keywords == []


def test_latin_names_inside_chinese_text():
    text = "美国NBA球星访问上海。NBA中国赛今天开幕，球迷热情很高。NBA官方表示明年继续举办。"
    found = extract_keywords(text, 5, "zh")
    assert "NBA" in found
    assert not any(_is_bad(k) for k in found)


def test_original_spelling_by_line_when_changes_cancel_out():
    # Line 1 grew by one character and line 2 shrank by one: the totals match, the
    # columns of line 3 still do.
    simplified = "第一行\n第二行文字\n人工智能"
    original = "第一行字\n第二行文\n人工智慧"
    assert original_spelling("人工智能", simplified, original) == "人工智慧"


def test_no_keyword_cuts_across_a_name():
    text = ("新线将串连士林与北投。从内湖到士林的通勤时间缩短一半。"
            "住在士林区的居民对新线表示期待。")
    found = extract_keywords(text, 5, "zh")
    assert found[0] == "士林"
    assert not any(k in {"连士", "到士", "串连士", "林区"} for k in found)


def test_a_name_met_far_more_often_than_a_better_term_holding_it_stands_beside_it():
    from newsclean.keywords import _says_again
    counts = {"半马苏河": 4, "半马苏河开新篇": 2, "党建": 3, "区域化党建": 2}
    assert not _says_again("半马苏河", "半马苏河开新篇", set(), counts)
    assert _says_again("党建", "区域化党建", set(), counts)
    # English phrases: the longer one says it.
    assert _says_again("cycle lanes", "protected cycle lanes", set(), None)
    assert _says_again("环状线北", "捷运环状线", set(), counts)    # overlapping cuts


def test_who_said_it_when_or_how_many_is_no_part_of_a_term():
    text = ("医师林颂凯说，大扫除时用力过猛，容易导致肩颈疼痛。林颂凯说，擦拭高处时应避免长时间举臂。"
            "郑木明介绍，这是一种常见的运动伤害。郑木明介绍，星期一门诊的肩颈患者最多，"
            "林颂凯星期一也接诊了三名患者。废旧家电的处理是难题，废旧家电的处理需要规范渠道，"
            "长株潭等地已开展试点。")
    found = extract_keywords(text, 10, "zh")
    assert found[:2] == ["林颂凯", "郑木明"]
    assert "废旧家电" in found
    assert not any(k.endswith(("说", "介绍", "星期一", "等")) or k.startswith("等")
                   or k in {"一种", "三名"} or "的" in k for k in found)


def test_units_and_our_province_are_no_keywords():
    text = ("记者从全省交通运输工作会议上获悉，今年我省将新建和改造农村公路一万公里。"
            "去年全省新改建农村公路八千多公里，我省农村公路总里程超过二十万公里。"
            "会议提出，农村公路建设投资将超过三百亿元，其中一百亿元用于危桥改造。")
    found = extract_keywords(text, 10, "zh")
    assert found[0] == "农村公路"
    assert not {"公里", "亿元", "我省", "全省"} & set(found)


def test_a_time_word_or_a_verb_of_saying_ends_no_term():
    text = ("国家药物管理局日前发布通知，要求加强网购年菜的质量监管。国家药物管理局日前还提醒，"
            "网购年菜应注意保存方式。公司在声明中表示，年菜均经过检测。公司在声明中表示，"
            "将配合国家药物管理局的调查。")
    found = extract_keywords(text, 8, "zh")
    assert "国家药物管理局" in found
    assert not any(k.endswith(("日前", "表示")) for k in found)


def test_english_verbs_head_no_term():
    text = ("The city council raised parking fees in the riverside district on Monday. "
            "Parking fees rose by a third last year, and the council plans to raise parking fees "
            "again in the spring. Shop owners say higher parking fees hurt their trade. "
            "Mortgage approvals fell in the riverside district, the council said.")
    found = extract_keywords(text, 8, "en")
    assert found[:3] == ["parking fees", "riverside district", "council"]
    assert "Mortgage approvals" in found
    assert not any(set(k.lower().split()) & {"raised", "rose", "raise", "fell", "hurt"}
                   for k in found)
    found = extract_keywords("The previous agreements tied health funding to targets. "
                             "Broadband speed tests show the broadband speed of cities.", 6, "en")
    assert "previous agreements" in found and any("speed" in k for k in found)
    assert not any("tied" in k for k in found)


def test_accented_latin_words_stay_whole():
    text = ("Zürich café owners protest\n"
            "The Zürich café owners protested on Monday against the new rules. Café owners "
            "in Zürich say the rules on café terraces are unfair. The mayor of Zürich met "
            "café owners. São Paulo and Kraków sent observers.")
    found = extract_keywords(text, 8, "en")
    assert found[0] == "Zürich café owners"
    assert "café terraces" in found
    words = {w for k in found for w in k.split()}
    assert not words & {"rich", "caf", "met", "sent", "Z"}
    assert "São Paulo" in found


def test_a_word_cut_from_a_known_word_is_no_keyword():
    """The segmenter reads 视频门 as 视/频门 and 这段视频 as 这/段视/频 here; 频门 and 段视
    cut 视频 in two, which the text has elsewhere too."""
    text = ("女主播视频门 韩版大S炫富\n韩国一名女主播的私人视频日前在网上流传，引发网友热议。"
            "这段视频长达三分钟，女主播随后在社交网站上道歉。"
            "业内人士说，这一事件再次提醒公众人物注意保护个人隐私。")
    found = extract_keywords(text, 10, "zh")
    assert not {"频门", "段视"} & set(found)
    assert found[:3] == ["女主播", "韩版", "炫富"] and "视频" in found


def test_a_word_always_met_with_its_neighbour_stays():
    # 香型 is only ever 浓香型 here: the known word 浓香 has no life of its own.
    from newsclean.keywords import _zh_background
    from newsclean.terms_zh import orphaning_words
    _, known = _zh_background()
    words = ["浓", "香型", "白酒", "的", "浓", "香型", "风格"]
    assert "浓香" in known and orphaning_words("浓香型白酒的浓香型风格", words, known) == set()
    words = ["女主播", "视", "频门", "的", "视频"]
    assert orphaning_words("女主播视频门的视频", words, known) == {"频门"}


def test_a_number_written_out_is_no_keyword_nor_part_of_a_name():
    # 增长百分之五点 recurs (…五点三, …五点二), but it ends inside a number.
    text = ("国家统计局今天发布数据显示，今年一季度国内生产总值同比增长百分之五点三。"
            "其中，最终消费支出对经济增长的贡献率超过七成。"
            "一季度全国居民人均可支配收入实际增长百分之五点二，就业形势总体稳定。")
    found = extract_keywords(text, 10, "zh")
    assert not any("百分之" in k or k.endswith("点") for k in found)
    assert found[0] == "一季度" and "贡献率" in found


def test_cantonese_function_words_head_no_keyword():
    from newsclean import Options as O, process_text
    text = ("政府今日公布新一份施政報告，行政長官喺記者會上表示，房屋問題係首要任務。\n"
            "佢話：「我哋會加快興建公營房屋，五年內提供三萬個公營房屋單位。」\n"
            "有市民表示，等咗好耐都未上到樓，希望政府加快興建公營房屋。佢話唔想再等。\n")
    found = process_text(text, O(command="keywords")).keywords
    assert "公營房屋" in found or "公營" in found
    assert not any(c in k for k in found for c in "佢哋咗喺唔")
