"""The README documents every command and option, and every option has help text."""
from __future__ import annotations

from pathlib import Path

import typer

from newsclean.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme_with_help():
    group = typer.main.get_command(app)
    assert {"clean", "convert", "keywords", "summarize"} <= set(group.commands)
    for name, command in group.commands.items():
        assert f"newsclean {name}" in README, name
        assert command.help, name
        for param in command.params:
            if param.param_type_name != "option":
                continue
            assert param.help, f"{name} {param.opts}"
            assert any(opt in README for opt in param.opts), f"{name}: {param.opts} not in README"


def test_readme_starts_with_the_install_and_test_commands():
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert first_block[0].startswith("pip install . && newsclean summarize examples/")
    assert first_block[1].startswith("pip install '.[test]' && ")
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert first_block[1] in ci
