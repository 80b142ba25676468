"""scnet-hpc: a contract-first SDK for the AC HPC OpenAPI v2 (SCNet and Sugon-run HPC centres)."""

__version__ = "0.1.0"
