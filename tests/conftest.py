"""Shared fixtures: a CLI runner whose every JSON record is checked against the
record schema, and a corpus of bad inputs built in tmp_path (nothing large is stored)."""
from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from newsclean.cli import app

DATA = Path(__file__).parent / "data"
ARTICLE = ("国务院总理今天在北京会见了来访的外国代表团，双方就经贸合作等问题交换了意见。"
           "会谈在友好的气氛中进行，双方同意继续加强在科技、教育和文化领域的交流。")
TRADITIONAL = "立法會今日三讀通過條例草案，政府表示會盡快刊憲實施，並向市民解釋新規定的內容。"


def article_text(title: str = "北京会见外国代表团", paragraphs: int = 3) -> str:
    return title + "\n2024-03-01 10:00 来源：新华社\n" + "\n".join([ARTICLE] * paragraphs) + "\n"


@pytest.fixture(scope="session")
def record_validator():
    jsonschema = pytest.importorskip("jsonschema")
    from newsclean.schema import record_schema
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def validated_records() -> list[dict]:
    """Every record the CLI gave in this session, each already validated."""
    return []


@pytest.fixture
def check_records(record_validator, validated_records) -> Callable[[str], list[dict]]:
    """Parse JSON or JSON Lines output and validate every record in it."""
    def check(output: str) -> list[dict]:
        output = output.strip()
        if not output:
            return []
        if output.startswith("{\"") and "\n{" in output:            # JSON Lines
            recs = [json.loads(line) for line in output.splitlines() if line.strip()]
        else:
            parsed = json.loads(output)
            recs = parsed if isinstance(parsed, list) else [parsed]
        for rec in recs:
            errors = sorted(record_validator.iter_errors(rec), key=str)
            assert not errors, f"{rec.get('path')}: {errors[0].message}"
        validated_records.extend(recs)
        return recs
    return check


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    records: list[dict]

    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


@pytest.fixture
def cli(check_records) -> Callable[..., Run]:
    """Run newsclean in-process with bytes on stdin; JSON output is schema-checked and
    a traceback anywhere fails the test."""
    runner = CliRunner()

    def invoke(args: list[str], input: bytes | None = None, validate: bool = True) -> Run:
        result = runner.invoke(app, [str(a) for a in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
        fmt = _format_of(args)
        recs = []
        if fmt in ("json", "jsonl"):
            recs = (check_records(result.stdout) if validate else
                    [json.loads(line) for line in result.stdout.splitlines()])
        return Run(result.exit_code, result.stdout, result.stderr, recs)
    return invoke


def _format_of(args: list) -> str:
    args = [str(a) for a in args]
    for flag in ("-f", "--format"):
        if flag in args:
            return args[args.index(flag) + 1]
    return "text"


# --- the corpus of bad inputs -------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """A bad input and what newsclean does with it: `outcome` is ok (processed, no
    message), warn (processed, one warning line) or fail (one error line, exit 1)."""
    name: str
    outcome: str
    reason: str = ""


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (len(body).to_bytes(4, "big") + kind + body
                + zlib.crc32(kind + body).to_bytes(4, "big"))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _zip(tmp: Path) -> bytes:
    import zipfile
    target = tmp / "a.zip"
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("article.txt", article_text())
    data = target.read_bytes()
    target.unlink()
    return data


def _elf() -> bytes:
    # The 64-byte header of an x86-64 executable, then code-like bytes.
    header = (b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
              + bytes(40))
    return header + bytes(range(256)) * 4


def _damaged_utf8() -> bytes:
    data = article_text().encode("utf-8")
    cut = data.index("会谈".encode()) + 1           # lose one byte of 会
    return data[:cut] + data[cut + 1:]


def _mixed_utf8_gbk() -> bytes:
    lines = [(ARTICLE + "\n").encode("utf-8"), (ARTICLE + "\n").encode("gbk")] * 3
    return "北京会见外国代表团\n".encode("utf-8") + b"".join(lines)


CASES: dict[str, tuple[Case, Callable[[Path], bytes]]] = {
    c.name: (c, make) for c, make in [
        (Case("empty.txt", "fail", "empty file"), lambda t: b""),
        (Case("blank.txt", "fail", "only whitespace"), lambda t: " \n\t\r\n\u3000  \n".encode("utf-8")),
        (Case("image.txt", "fail", "binary data (a PNG image)"), lambda t: _png()),
        (Case("report.txt", "fail", "binary data (a PDF document)"),
         lambda t: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
        (Case("archive.txt", "fail", "binary data (a ZIP archive)"), _zip),
        (Case("program.txt", "fail", "binary data (an executable)"), lambda t: _elf()),
        (Case("nul.txt", "warn", "2 NUL character(s) removed"),
         lambda t: article_text().replace("会谈", "会\x00谈", 2).encode("utf-8")),
        (Case("damaged.txt", "warn", "invalid utf-8 near character"), lambda t: _damaged_utf8()),
        (Case("mixed.txt", "warn", "mixed encodings: 3 of 7 lines decoded as gb18030"),
         lambda t: _mixed_utf8_gbk()),
        (Case("utf16le.txt", "ok"), lambda t: article_text().encode("utf-16-le")),
        (Case("utf16be.txt", "ok"), lambda t: article_text().encode("utf-16-be")),
        (Case("utf16le_nonl.txt", "ok"), lambda t: (ARTICLE * 3).encode("utf-16-le")),
        (Case("longline.txt", "ok"), lambda t: ("无标点长行" * 69905 + "x").encode("utf-8")),
        (Case("deep.html", "ok"),
         lambda t: (f"<html><head><title>深</title></head><body>{'<div>' * 10000}"
                    f"<p>{ARTICLE}</p>{'</div>' * 10000}</body></html>").encode("utf-8")),
        (Case("truncated.html", "ok"),
         lambda t: (f"<html><head><title>截断</title></head><body><p>{ARTICLE}</p><p>{ARTICLE}"
                    "</p><p cla").encode("utf-8")),
    ]
}


@pytest.fixture
def bad_corpus(tmp_path) -> tuple[Path, dict[str, Case]]:
    """A folder holding every bad input that is a plain file, and one good article."""
    folder = tmp_path / "in"
    folder.mkdir()
    for case, make in CASES.values():
        (folder / case.name).write_bytes(make(tmp_path))
    (folder / "good.txt").write_text(article_text(), encoding="utf-8")
    return folder, {name: case for name, (case, _) in CASES.items()}


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def symlinks_supported(tmp: Path) -> bool:
    try:
        os.symlink("x", tmp / ".probe")
    except (OSError, NotImplementedError):
        return False
    os.unlink(tmp / ".probe")
    return True


# Property tests are deterministic in the suite (the same examples every run, so a
# failure is never luck); NEWSCLEAN_HYPOTHESIS=explore hunts with many random ones.
settings.register_profile("suite", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("NEWSCLEAN_HYPOTHESIS", "suite"))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a large input; run with NEWSCLEAN_SLOW=1")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NEWSCLEAN_SLOW"):
        return
    skip = pytest.mark.skip(reason="large input: set NEWSCLEAN_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def needs_stages(command: str) -> None:
    """Skip until the stage modules a command runs are part of the package."""
    for name in {"keywords": ["keywords"], "summarize": ["keywords", "summarize"]}.get(command, []):
        pytest.importorskip(f"newsclean.{name}")
