"""The CLI page of the site is generated from the click group: every command, every option."""

from __future__ import annotations

import click

from scnet_hpc.cli import cli

from .doc_support import cli_hook


def every_command() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = [("scnet-hpc", cli)]
    context = click.Context(cli, info_name="scnet-hpc")
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None
        if not command.hidden:
            found.append((f"scnet-hpc {name}", command))
    return found


def test_the_page_has_every_command_and_option() -> None:
    page = cli_hook().render()
    for path, command in every_command():
        assert f"## `{path}`" in page, f"{path} is not on the CLI page"
        section = page.split(f"## `{path}`", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                longest = max(param.opts, key=len)
                assert longest in section, f"{path}: {longest} missing from its section"


def test_a_new_command_appears_on_the_page() -> None:
    """The page follows the group: a command added to it is listed on the next build."""

    @cli.command("docs-probe-command", help="Only for this test.")
    @click.option("--probe-option", help="Probe.")
    def probe(probe_option: str | None) -> None:
        pass

    try:
        page = cli_hook().render()
    finally:
        cli.commands.pop("docs-probe-command")
    assert "## `scnet-hpc docs-probe-command`" in page
    assert "--probe-option" in page


def test_generated_tables_cover_every_code_and_variable() -> None:
    from scnet_hpc import models
    from scnet_hpc.environment import VARIABLES
    from scnet_hpc.error_codes import CODES

    hook = cli_hook()
    codes = hook.error_codes_table()
    assert all(f"`{code.value}`" in codes for code in CODES)
    variables = hook.environment_table()
    assert all(f"`{variable.name}`" in variables for variable in VARIABLES)
    reference = hook.models_reference()
    assert all(f"::: scnet_hpc_api.models.{name}\n" in reference for name in models.__all__)
