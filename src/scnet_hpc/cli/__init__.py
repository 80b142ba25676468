"""``scnet-hpc``, the command-line interface: a thin layer over ``scnet_hpc.Client``.

``main`` is the console script; ``cli`` is the click group (for ``click.testing.CliRunner``).
``ExitCode`` lists the exit statuses.
"""

from ._app import cli, main
from ._errors import ExitCode

__all__ = ["ExitCode", "cli", "main"]
