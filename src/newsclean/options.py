"""The frozen options object built once from the arguments and handed to the library."""
from __future__ import annotations

from dataclasses import dataclass

COMMANDS = ("clean", "convert", "keywords", "summarize")


@dataclass(frozen=True)
class Options:
    command: str = "summarize"          # which stages run: see pipeline.STAGES_FOR
    format: str = "text"                # text | markdown | json | jsonl
    encoding: str | None = None         # force an input encoding
    input_format: str | None = None     # None (detect) | text | html | jsonl
    to: str | None = None               # output script name (convert.TO_CONFIGS) ...
    config: str | None = None           # ... or any OpenCC config name
    tofu_risk: bool = True              # OpenCC's dictionaries that may give tofu (see convert)
    clean: bool = True                  # False: the input is already clean
    independent: bool = False           # clean each input alone, learn nothing from the batch
    explain: bool = False               # clean: keep the per-line verdicts
    keywords: int = 10                  # number of keywords
    sentences: int | None = None        # summary length in sentences ...
    max_chars: int | None = None        # ... or in characters (at least one sentence)
    jobs: int = 1                       # worker processes; 1 = in this process
    skip_existing: bool = False         # -o DIR: leave inputs whose output exists alone
    recursive: bool = False
    glob: str | None = None

    @property
    def summary_sentences(self) -> int:
        return self.sentences if self.sentences is not None else 3
