"""Names the segmenter cuts apart, and words that live only inside a longer term."""
import collections
from pathlib import Path

from newsclean import process_text, segment
from newsclean.keywords import _zh_background, _zh_candidates
from newsclean.terms_zh import NAME_SCAN, pieces_to_wholes, repeated_names, slips

from newsclean.options import Options

# The seed dump's article: the segmenter cuts 半马苏河 differently at each place
# (半马苏/河开, 半/马/苏/河...).
_SEED = process_text((Path(__file__).parent / "data" / "seed_dump.txt").read_text(encoding="utf-8"),
                     Options(command="clean"))
ARTICLE = f"{_SEED.title}\n{_SEED.text}"


def _names(text: str) -> dict[str, int]:
    known = _zh_background()[1]
    words = segment.words(text, "zh")
    counts, _, _ = _zh_candidates(text, known, words)
    return repeated_names(text, words, known, counts,
                          lambda piece, ws: _zh_candidates(piece, known, ws)[0])


def test_a_name_cut_apart_is_found_whole_with_its_count():
    names = _names(ARTICLE)
    assert names.get("半马苏河") == ARTICLE.count("半马苏河") >= 3
    # Its pieces are always met beside the same characters: no names of their own.
    assert not any(n in names for n in ("半马苏", "马苏河"))


def test_a_name_the_segmenter_keeps_whole_is_a_candidate_already():
    # 青蟹/岭/水库 at every place: the run of three words is counted as it is.
    text = "青蟹岭水库水位上涨。青蟹岭水库开闸泄洪。青蟹岭水库周边道路封闭。"
    assert "青蟹岭水库" not in _names(text)


def test_a_two_character_name_cut_apart_is_found():
    # 靠/谱 at three places, 靠谱 at one: the word is met four times.
    text = ("这家店的服务很靠谱。朋友推荐的靠谱商家越来越多。做人要靠谱，做事要踏实。"
            "靠谱的口碑是最好的广告。")
    assert _names(text) == {"靠谱": 4}


def test_a_run_kept_whole_at_only_some_places_counts_every_place():
    # 捷运 is one word twice (捷运/工程局) and cut twice (捷/运环/状): four in all.
    names = _names(TAIPEI)
    assert names["捷运"] == 4
    assert names["台北捷运环状线"] == 2


def test_words_of_the_background_vocabulary_are_no_names():
    # 发展 and 工作 are known words, left out of the keywords on purpose: recurring
    # runs or not, they do not come back as names.
    known = _zh_background()[1]
    assert not any(name in known for name in _names(ARTICLE))


TAIPEI = ("台北捷运环状线北环段今日动工。捷运工程局指出，施工期间将调整交通动线。"
          "捷运工程局局长表示，北环段是关键一环。台北捷运环状线预计2030年通车。")
# 士林 at three places, each cut differently: 串/连士/林, 到士/林, 在士/林区.
SHILIN = "新线将串连士林与北投。从内湖到士林的通勤时间缩短一半。住在士林区的居民对新线表示期待。"


def _slips(text: str) -> set[str]:
    known = _zh_background()[1]
    counts = _zh_candidates(text, known, segment.words(text, "zh"))[0]
    return slips(text, _names(text), counts)


def test_terms_cut_across_a_name_are_slips():
    found = _slips(SHILIN)
    assert {"连士", "到士"} <= found
    assert not found & {"士林", "新线", "通勤", "居民"}
    # 台北捷 ends inside 捷运, 运环 starts inside it: at every place.
    assert {"台北捷", "运环"} <= _slips(TAIPEI)


def test_a_term_met_apart_from_the_name_is_no_slip():
    # 林区 crosses 士林 in 士林区; met on its own too, it is a term of the text.
    text = SHILIN + "林区防火工作启动。林区道路封闭。"
    assert "林区" in _slips(SHILIN)
    assert "林区" not in _slips(text)


def test_runs_inside_real_words_or_between_function_characters_are_no_names():
    text = "党建合作不断深化。党建合力持续增强。各单位党建合作项目落地。党建合力显现。"
    assert "党建合" not in _names(text)
    assert not any(n[0] in "的了是在" or n[-1] in "的了是在" for n in _names(ARTICLE))


def test_only_the_head_of_a_long_text_is_searched_but_counts_cover_all():
    filler = "今天天气晴朗，气温适宜。" * (NAME_SCAN // 12 + 1)
    names = _names(ARTICLE + filler + ARTICLE)
    assert names.get("半马苏河") == 2 * ARTICLE.count("半马苏河")
    assert "半马苏河" not in _names(filler + ARTICLE)


def test_pieces_give_their_score_to_the_whole():
    counts = collections.Counter({"区域化党建": 14, "区域化": 16, "党建": 31, "半马苏": 4,
                                  "半马苏河": 4})
    parts = {"区域化党建": ["区域化", "党建"], "区域化": ["区域化"], "党建": ["党建"],
             "半马苏": ["半马苏"], "半马苏河": ["半马苏河"]}
    scored = [(48.0, "区域化党建"), (44.0, "区域化"), (54.0, "党建"), (35.0, "半马苏"),
              (27.0, "半马苏河")]
    result, wholes = pieces_to_wholes(scored, {"半马苏河": 4}, counts, parts)
    score = {term: value for value, term in result}
    assert score == {"区域化党建": 48.0, "党建": 54.0, "半马苏河": 35.0}
    assert wholes == {"区域化党建", "半马苏河"}


def test_a_run_holding_a_linking_adverb_is_a_phrase_not_a_name():
    # 健康又吉祥 and 健康又吉利: 健康又吉 recurs between different neighbours.
    text = ("龙味年菜健康又吉祥，年夜饭健康又吉利。营养师说，年菜健康又吉祥最重要，"
            "一家人吃得健康又吉利。")
    assert not any("又" in name for name in _names(text))
