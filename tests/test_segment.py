from pathlib import Path

import pytest

from newsclean.segment import split_sentences, words

DATA = Path(__file__).parent / "data"


def test_chinese_sentences_keep_closing_quotes():
    text = "研究院院长表示：“人工智能需要投入。”报告指出增长很快！真的吗？"
    assert split_sentences(text) == ["研究院院长表示：“人工智能需要投入。”", "报告指出增长很快！", "真的吗？"]


def test_last_sentence_without_punctuation_is_kept():
    assert split_sentences("第一句话。最后一句没有标点") == ["第一句话。", "最后一句没有标点"]
    assert split_sentences("Wind power is growing. It is growing quickly") == [
        "Wind power is growing.", "It is growing quickly"]


def test_line_breaks_split_and_pieces_are_verbatim_substrings():
    text = (DATA / "analysis_zh_news.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert sentences[0] == "北京大学发布人工智能发展报告"
    assert all(s in text and s == s.strip() for s in sentences)
    assert "同比增长13.9%。" in sentences[4]


def test_english_numbers_and_abbreviations_do_not_split():
    text = "The U.S. market grew by 3.5% last year. Dr. Anna Berg led the study. 2030 is far."
    assert split_sentences(text) == [
        "The U.S. market grew by 3.5% last year.", "Dr. Anna Berg led the study.", "2030 is far."]


def test_english_quotes_stay_with_their_sentence():
    text = '"Prices fell by 40%," she said. "They will fall again." Analysts agree.'
    assert split_sentences(text) == [
        '"Prices fell by 40%," she said.', '"They will fall again."', "Analysts agree."]


def test_empty_and_punctuation_only_text():
    assert split_sentences("") == []
    assert split_sentences("  \n……\n") == []


def test_english_words():
    assert words("Solar power's share rose 3.5% in the U.S.", "en") == [
        "Solar", "power's", "share", "rose", "3", "5", "in", "the", "U", "S"]


@pytest.mark.parametrize("text", [
    "北京大学人工智能研究院今天发布了报告",
    "抗高血压药的销售金额和用药频度",
    "中共中央总书记、国家主席江泽民发表1998年新年讲话",
    "鑫",     # a character the model has never seen
])
def test_chinese_words_equal_snownlp(text):
    from snownlp import seg
    assert words(text, "zh") == seg.seg(text)


def test_chinese_words_keep_non_han_tokens():
    assert words("苹果公司iPhone 15 销量", "zh")[-3:] == ["iPhone", "15", "销量"]


def test_numbered_items_do_not_split_after_their_number():
    assert split_sentences("1.沪港通拟10月推出；2.注册制方案年底前成形") == [
        "1.沪港通拟10月推出；", "2.注册制方案年底前成形"]
    assert split_sentences("缺陷.该染料最适合70℃染色") == ["缺陷.", "该染料最适合70℃染色"]


def test_accented_words_and_sentences():
    assert words("Café owners in Zürich, São Paulo", "en") == [
        "Café", "owners", "in", "Zürich", "São", "Paulo"]
    assert split_sentences("He left on Monday. Élodie Martin took over. Ärzte "
                           "protested.") == [
        "He left on Monday.", "Élodie Martin took over.", "Ärzte protested."]


def test_the_segmenter_cache_is_one_per_snownlp_release(tmp_path, monkeypatch):
    # Made with the release in its name, the first time, in NEWSCLEAN_CACHE; copies of
    # the same model under other names (one per install, known by its time) go.
    from newsclean import segment
    from newsclean.data import build_models
    monkeypatch.setenv("NEWSCLEAN_CACHE", str(tmp_path))
    size = (build_models.snownlp_dir() / "seg" / "seg.marshal.3").stat().st_size
    old = [tmp_path / f"zh_seg-{size}-{t}-2.sqlite" for t in (1796107887, 1796112169)]
    other_model = tmp_path / "zh_seg-999-0.1-2.sqlite"
    for path in (*old, other_model):
        path.write_bytes(b"")
    built = []
    monkeypatch.setattr(segment, "_build_in_child",
                        lambda target: built.append(target) or target.write_bytes(b"db"))
    path = segment._model_path()
    assert path.parent == tmp_path and path.read_bytes() == b"db"
    assert f"-{size}-" in path.name and not path.name.split("-")[2].isdigit()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == sorted([path.name,
                                                                        other_model.name])
    assert segment._model_path() == path and len(built) == 1    # found, not built again
