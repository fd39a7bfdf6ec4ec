"""Writers: JSON joined as one object or an array, atomic files, mirrored folders."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.output import AtomicFile, FileWriter, FolderWriter


def test_one_json_document_is_an_object_several_an_array(tmp_path):
    one = tmp_path / "one.json"
    w = FileWriter(one, "json")
    w.add(json.dumps({"a": 1}, indent=2))
    w.close()
    assert json.loads(one.read_text()) == {"a": 1}
    many = tmp_path / "many.json"
    w = FileWriter(many, "json")
    for i in range(3):
        w.add(json.dumps({"i": i, "t": "多\n行"}, indent=2, ensure_ascii=False))
    w.close()
    assert json.loads(many.read_text(encoding="utf-8")) == [{"i": i, "t": "多\n行"} for i in range(3)]
    empty = tmp_path / "none.json"
    w = FileWriter(empty, "json")
    w.close()
    assert json.loads(empty.read_text()) == []


def test_text_documents_are_separated_by_a_blank_line(tmp_path):
    out = tmp_path / "t.txt"
    w = FileWriter(out, "text")
    w.add("标题一\n正文。\n")
    w.add("标题二\n正文。\n")
    w.close()
    assert out.read_text(encoding="utf-8") == "标题一\n正文。\n\n标题二\n正文。\n"


def test_incomplete_file_never_appears(tmp_path):
    out = tmp_path / "x.jsonl"
    w = FileWriter(out, "jsonl")
    w.add('{"a": 1}\n')
    w.close(complete=False)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_atomic_replace_keeps_old_content_until_commit(tmp_path):
    out = tmp_path / "x.txt"
    out.write_text("old")
    f = AtomicFile(out)
    f.fh.write(b"new")
    assert out.read_text() == "old"
    f.commit()
    assert out.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_folder_writer_mirrors_and_drops_failed_inputs(tmp_path):
    w = FolderWriter(tmp_path / "out", "markdown")
    w.start_input(Path("sub/a.txt"))
    w.add("# A\n")
    w.end_input()
    w.start_input(Path("b.txt"))
    w.add("# half\n")
    w.end_input(ok=False)
    w.start_input(Path("c.txt"))
    w.close(complete=False)          # interrupted while writing c
    files = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert files == ["sub/a.md"]
    assert (tmp_path / "out" / "sub" / "a.md").read_text() == "# A\n"


@pytest.mark.parametrize("fmt,ext", [("text", ".txt"), ("json", ".json"), ("jsonl", ".jsonl"),
                                     ("markdown", ".md")])
def test_folder_targets_keep_the_input_name(tmp_path, fmt, ext):
    w = FolderWriter(tmp_path, fmt)
    assert w.target_for(Path("d/新闻.txt")) == tmp_path / "d" / f"新闻{ext}"
