"""The frozen options object built once from the arguments and handed to the library."""
from __future__ import annotations

from dataclasses import dataclass

COMMANDS = ("clean", "convert", "keywords", "summarize")


@dataclass(frozen=True)
class Options:
    """What to do with each document: the command line's settings. Checked when made:
    a bad value raises ValueError naming the option. `format`, `jobs`, `recursive`,
    `glob` and `skip_existing` are for runs over files (the command line); the library's
    process_text and process ignore them."""

    command: str = "summarize"          # which stages run: see pipeline.STAGES_FOR
    format: str = "text"                # text | markdown | json | jsonl (| html: a digest)
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

    def __post_init__(self) -> None:
        """A library caller gets a ValueError naming the option at once, as the command
        line gives a usage error, not a failure of every document later."""
        from .convert import CONFIGS, TO_CONFIGS
        from .render import FORMATS
        choices = {"command": COMMANDS, "format": (*FORMATS, "html"),      # html: a digest
                   "input_format": (None, "text", "html", "jsonl"),
                   "to": (None, *TO_CONFIGS), "config": (None, *CONFIGS)}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                shown = ", ".join(str(a) for a in allowed if a is not None)
                raise ValueError(f"Options.{name} must be one of {shown}, not "
                                 f"{getattr(self, name)!r}")
        if self.to is not None and self.config is not None:
            raise ValueError("Options.to and Options.config: give one, not both")
        if self.command == "convert" and self.to is None and self.config is None:
            raise ValueError("Options.command convert needs Options.to or Options.config")
        for name in ("tofu_risk", "clean", "independent", "explain", "skip_existing",
                     "recursive"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"Options.{name} must be True or False, not "
                                 f"{getattr(self, name)!r}")
        for name in ("encoding", "glob"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), str):
                raise ValueError(f"Options.{name} must be a str or None, not "
                                 f"{getattr(self, name)!r}")
        # No keywords or no summary sentences may be asked for; no budget or no worker not.
        for name, least in (("keywords", 0), ("sentences", 0), ("max_chars", 1), ("jobs", 1)):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or value < least):
                raise ValueError(f"Options.{name} must be a whole number of {least} or more, "
                                 f"not {value!r}")

    @property
    def summary_sentences(self) -> int:
        return self.sentences if self.sentences is not None else 3
