"""scnet-hpc's test suite: one package, so test helpers import as ``tests.<area>.<module>``
(or relatively) and fixtures shared by every area live in ``tests/conftest.py``."""
