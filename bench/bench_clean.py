"""Throughput of the clean stage on generated page dumps of growing size.

    PYTHONPATH=src python bench/bench_clean.py

Prints MB/s (UTF-8 bytes of input per second of CPU time) for batches of pages
and for single pages that grow, so that a loss of linearity shows as a falling
figure. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import random
import time

from newsclean.article import Article
from newsclean.clean import clean, learn_batch
from newsclean.options import Options

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
WORDS = ("council city report police school health market water court minister said "
         "people year government local service new plan money support week told").split()


def paragraph(rng: random.Random, chinese: bool) -> str:
    if chinese:
        clauses = ["".join(rng.choice(HAN) for _ in range(rng.randint(8, 25))) for _ in range(rng.randint(3, 8))]
        return "，".join(clauses) + "。"
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."
                 for _ in range(rng.randint(2, 5))]
    return " ".join(sentences)


def page(rng: random.Random, paragraphs: int, chinese: bool = True) -> str:
    nav = ["首页", "新闻", "财经", "体育", "娱乐", "微博 微信", "设为首页 加入收藏"] if chinese else \
        ["Home", "News", "Sport", "Business", "Share", "Facebook", "Twitter"]
    lines = nav * 3
    lines += ["".join(rng.choice(HAN) for _ in range(18)) if chinese else "Council backs new plan",
              "2023-02-14 13:54 来源：城南晚报" if chinese else "By Ann Lee, 9 Dec 2011"]
    for i in range(paragraphs):
        lines.append(paragraph(rng, chinese))
        if i % 7 == 3:
            lines += [f"{rng.getrandbits(64):016x}.webp.jpg", "活动现场" if chinese else "The scene"]
    lines += ["相关新闻" if chinese else "Related Stories"]
    lines += [("".join(rng.choice(HAN) for _ in range(14)) if chinese else "Council backs plan")
              + f" 2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" for _ in range(12)]
    lines += ["版权所有 ICP备12345678号" if chinese else "Copyright 2011 All rights reserved"]
    return "\n\n".join(lines) + "\n"


def measure(texts: list[str], options: Options, batch=None) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.process_time()
    stats = learn_batch(texts) if batch else None
    for text in texts:
        clean(Article(path="bench.txt", raw=text), options, stats)
    return size / 1e6 / max(time.process_time() - start, 1e-9)


def main() -> None:
    rng = random.Random(7)
    independent = Options(command="clean", independent=True)
    batch = Options(command="clean")
    print(f"{'input':42} {'MB':>7} {'MB/s':>7}")
    for n_pages in (10, 100, 400):
        for chinese in (True, False):
            texts = [page(rng, rng.randint(5, 30), chinese) for _ in range(n_pages)]
            mb = sum(len(t.encode()) for t in texts) / 1e6
            label = f"{n_pages} {'zh' if chinese else 'en'} pages, independent"
            print(f"{label:42} {mb:7.2f} {measure(texts, independent):7.2f}")
            label = f"{n_pages} {'zh' if chinese else 'en'} pages, batch"
            print(f"{label:42} {mb:7.2f} {measure(texts, batch, batch=True):7.2f}")
    for paragraphs in (100, 1000, 10000):
        text = page(rng, paragraphs)
        mb = len(text.encode()) / 1e6
        print(f"{'one zh page, ' + str(paragraphs) + ' paragraphs':42} {mb:7.2f} "
              f"{measure([text], independent):7.2f}")
    for shape, text in (("1 MB line, no punctuation", "字" * 350_000),
                        ("1 MB line of spaced letters", "a " * 500_000),
                        ("1 MB of one-character lines", "字\n" * 250_000)):
        print(f"{shape:42} {len(text.encode()) / 1e6:7.2f} {measure([text], independent):7.2f}")


if __name__ == "__main__":
    main()
