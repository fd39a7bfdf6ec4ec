from pathlib import Path

from newsclean.article import Article
from newsclean.options import Options
from newsclean.segment import split_sentences
from newsclean.summarize import summarize, summarize_text

DATA = Path(__file__).parent / "data"
ZH = (DATA / "analysis_zh_news.txt").read_text(encoding="utf-8")
EN = (DATA / "analysis_en_news.txt").read_text(encoding="utf-8")


def _in_document_order(summary, text):
    sentences = split_sentences(text)
    positions = [sentences.index(s) for s in summary]
    return positions == sorted(positions) and len(set(summary)) == len(summary)


def test_sentences_are_verbatim_and_in_document_order():
    for text in (ZH, EN):
        summary = summarize_text(text, sentences=3)
        assert len(summary) == 3
        assert _in_document_order(summary, text)


def test_repeated_headline_is_used_once():
    text = "市场今天大涨。\n市场今天大涨。\n股票市场今天大涨，成交量创新高。\n市场今天大涨。"
    summary = summarize_text(text, "zh", sentences=3)
    assert summary.count("市场今天大涨。") <= 1
    assert len(summary) == len(set(summary)) == 2


def test_budget_is_respected_with_at_least_one_sentence():
    for text in (ZH, EN):
        for budget in (10, 40, 80, 200):
            summary = summarize_text(text, None, None, budget)
            assert summary
            assert len(summary) == 1 or sum(map(len, summary)) <= budget
            assert _in_document_order(summary, text)


def test_budget_prefers_a_sentence_that_fits():
    summary = summarize_text(EN, "en", None, 60)
    assert sum(map(len, summary)) <= 60


def test_empty_text():
    assert summarize_text("") == []


def test_stage_defaults_to_three_sentences_and_honours_max_chars():
    doc = Article(path="x", text=EN, language="en")
    assert len(summarize(doc, Options()).summary) == 3
    doc = Article(path="x", text=EN, language="en")
    summary = summarize(doc, Options(max_chars=120)).summary
    assert summary and (len(summary) == 1 or sum(map(len, summary)) <= 120)


def test_stage_returns_traditional_sentences_for_traditional_input():
    import opencc
    traditional = opencc.OpenCC("s2t").convert(ZH)
    doc = Article(path="x", text=traditional, language="zh",
                  analysis_text=opencc.OpenCC("t2s").convert(traditional))
    summary = summarize(doc, Options(sentences=2)).summary
    assert len(summary) == 2
    assert all(s in split_sentences(traditional) for s in summary)


def test_a_traditional_page_and_its_simplified_copy_get_one_summary():
    # Scored with its headline too, as the Simplified copy is: the third sentence differed.
    from newsclean import process_text
    from newsclean.convert import to_simplified
    raw = (DATA / "tw_dump.txt").read_text(encoding="utf-8")
    for options in (Options(), Options(sentences=1), Options(max_chars=60)):
        traditional = process_text(raw, options)
        simplified = process_text(to_simplified(raw), options)
        assert traditional.script == "traditional"
        assert [to_simplified(s) for s in traditional.summary] == simplified.summary


# A deck and a photo caption kept by the cleaner: lines of their own without a full stop,
# full of the story's words.
DECKED = ("城南区三座口袋公园年底开放 市民可就近健身休闲\n"
          "城南区口袋公园建设现场\n"
          "城南区今年新建的三座口袋公园将于年底前全部开放，市民可就近健身休闲。\n"
          "区园林局介绍，三座口袋公园总面积约一点二公顷，配有健身步道和儿童游乐设施。\n"
          "公园建成后，周边五个社区的居民步行十分钟内即可到达一处绿地。\n")


def test_a_heading_or_caption_line_is_a_last_resort():
    for sentences, budget in ((2, None), (None, 20), (None, 80)):
        summary = summarize_text(DECKED, "zh", sentences, budget)
        assert summary and all(s.endswith("。") for s in summary)
    # Nothing else to say: the line is the summary.
    assert summarize_text("城南区口袋公园建设现场\n", "zh", 2) == ["城南区口袋公园建设现场"]
    # A sentence cut short inside a paragraph is still a sentence of it.
    cut = "城南区今年新建三座口袋公园。区园林局介绍，三座口袋公园总面积约一点二公顷"
    assert len(summarize_text(cut, "zh", 2)) == 2


def test_what_ends_like_a_sentence():
    from newsclean.segment import ends_like_sentence
    assert ends_like_sentence("他说：“这倒是一个好主意。”")
    assert ends_like_sentence("The council approved the plan.")
    assert ends_like_sentence("真的吗？")
    assert not ends_like_sentence("城南区口袋公园建设现场")
    assert not ends_like_sentence("他在接受采访时表示：")
