"""The JSON Schema (draft 2020-12) of an output record, shipped with the package so
that consumers of `--format json/jsonl` can validate what they read."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "record.schema.json"


def schema_text() -> str:
    """The schema as shipped (what `newsclean schema` prints)."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    return json.loads(schema_text())
