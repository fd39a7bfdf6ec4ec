"""The JSON Schema of the output record: valid, printed by `newsclean schema`, and in
step with the code (every record the tests see is checked against it in conftest)."""
from __future__ import annotations

import json

import pytest

from conftest import article_text, needs_stages
from newsclean import errors
from newsclean.article import RECORD_KEYS
from newsclean.schema import record_schema, schema_text


def test_schema_command_prints_the_schema(cli):
    run = cli(["schema"])
    assert run.exit_code == 0 and run.stderr == ""
    assert json.loads(run.stdout) == record_schema()
    assert run.stdout == schema_text()
    assert record_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_follows_the_code():
    schema = record_schema()
    assert schema["required"] == list(RECORD_KEYS)
    kinds = {cls.kind for cls in vars(errors).values()
             if isinstance(cls, type) and issubclass(cls, errors.NewscleanError)}
    assert kinds == set(schema["properties"]["error"]["properties"]["type"]["enum"])
    assert schema["additionalProperties"] is True


@pytest.mark.parametrize("command", [["clean", "--explain"], ["keywords"], ["summarize"],
                                     ["convert", "--to", "taiwan"]])
def test_records_of_every_command_validate(cli, tmp_path, command):
    needs_stages(command[0])
    (tmp_path / "a.txt").write_text(article_text(), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": "一段正文。"}\n{"id": 2}\n',
                                      encoding="utf-8")
    for fmt in ("json", "jsonl"):
        run = cli([*command, tmp_path, "-f", fmt, "-q", "-j", "1"])
        assert run.exit_code == 1
        assert len(run.records) == 4
        assert [("error" in r) for r in run.records] == [False, True, False, True]
    if "--explain" in command:
        assert run.records[0]["lines"]


def test_schema_rejects_what_is_not_a_record(record_validator):
    good = {key: None for key in RECORD_KEYS}
    good.update(path="x", text="", keywords=[], summary=[], warnings=[])
    assert record_validator.is_valid(good)
    assert record_validator.is_valid({**good, "id": 7, "source": {"any": "thing"}})
    for bad in ({k: v for k, v in good.items() if k != "text"},
                {**good, "script": "latin"},
                {**good, "keywords": "a, b"},
                {**good, "published": "yesterday"},
                {**good, "error": {"type": "read"}},
                {**good, "lines": [{"text": "x", "kept": "yes", "reason": "body"}]}):
        assert not record_validator.is_valid(bad), bad


def test_records_were_validated(validated_records):
    # Runs after the modules above in this file; the conftest check did the validating.
    assert validated_records
