"""Property-based contract tests (schemathesis) for openapi.yaml.

By default they run against the embedded mock in-process; with ``SCNET_BASE_URL`` they run the
same suite over HTTP against any server (``make mock``, or a live deployment). See
``_settings`` for every variable and ``conftest`` for the report written to
``reports/contract/``.
"""
