"""``python -m scnet_hpc.cli``: the same as the ``scnet-hpc`` console script."""

from ._app import main

main()
