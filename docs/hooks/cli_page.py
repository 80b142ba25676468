"""mkdocs hook: pages and tables written from the code at build time, so they cannot go stale.

- cli.md: walks ``scnet_hpc.cli.cli`` and prints every command's own ``--help`` (usage, text,
  every option): a new command or option is on the next build. ``render()`` is what tests/docs
  check against the group.
- ``<!-- generated:error-codes -->`` in a page: the table of ``scnet_hpc.error_codes.CODES``
  (every documented code, the class it raises, its meaning).
- ``<!-- generated:environment -->``: the table of ``scnet_hpc.environment.VARIABLES``.
- ``<!-- generated:models -->``: an API reference entry (mkdocstrings) for every name of
  ``scnet_hpc.models.__all__``.
"""

from __future__ import annotations

from typing import Any

import click

from scnet_hpc import models
from scnet_hpc.cli import cli
from scnet_hpc.environment import VARIABLES
from scnet_hpc.error_codes import CODES

PAGE = "cli.md"
WIDTH = 100

INTRO = """# The CLI: every command

`scnet-hpc` is installed with the SDK (`pip install scnet-hpc`). This page is generated from the
command itself when the site is built: each section is that command's `--help`.

Settings come from flags, then `SCNET_*` environment variables, then the profile that
`scnet-hpc login` wrote (`~/.config/scnet-hpc/config.toml`); the global options go before the
command (`scnet-hpc -o json jobs`). Errors are one line on stderr with a distinct exit status:
2 usage, 3 API error, 4 transport, 5 timeout, 6 contract violation, 7 job did not complete.
"""


def _help(command: click.Command, context: click.Context) -> str:
    return command.get_help(context).rstrip()


def _walk(command: click.Command, context: click.Context) -> list[tuple[str, str]]:
    """(full command name, help text) for the command and everything under it, in order."""
    found = [(context.command_path, _help(command, context))]
    if isinstance(command, click.Group):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is None or sub.hidden:
                continue
            sub_context = click.Context(sub, info_name=name, parent=context)
            found += _walk(sub, sub_context)
    return found


def commands() -> list[tuple[str, str]]:
    root = click.Context(cli, info_name="scnet-hpc", terminal_width=WIDTH, max_content_width=WIDTH)
    return _walk(cli, root)


def render() -> str:
    parts = [INTRO]
    for path, text in commands():
        parts.append(f"## `{path}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


def error_codes_table() -> str:
    rows = ["| code | raises | meaning |", "|---|---|---|"]
    for code, (error, meaning) in CODES.items():
        rows.append(f"| `{code.value}` | `{error.__name__}` | {meaning} |")
    return "\n".join(rows)


def environment_table() -> str:
    rows = ["| variable | meaning | read by |", "|---|---|---|"]
    for variable in VARIABLES:
        names = " or ".join(f"`{name}`" for name in variable.names)
        users = ", ".join(sorted(variable.users))
        rows.append(f"| {names} | {variable.meaning} | {users} |")
    return "\n".join(rows)


def models_reference() -> str:
    """One mkdocstrings entry per model. (openapi-python-client indents their ``Attributes:``
    under the summary, so no docstring style parses it as a section: it renders as text.)"""
    options = "    options:\n      heading_level: 3\n      show_root_full_path: false\n"
    return "\n".join(f"::: scnet_hpc_api.models.{name}\n{options}" for name in models.__all__)


TABLES = {
    "<!-- generated:error-codes -->": error_codes_table,
    "<!-- generated:environment -->": environment_table,
    "<!-- generated:models -->": models_reference,
}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for marker, table in TABLES.items():
        if marker in markdown:
            markdown = markdown.replace(marker, table())
    return markdown


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    files.append(File.generated(config, PAGE, content=render()))
    return files
