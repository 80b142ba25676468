"""The simulated engine: an in-memory Slurm with a scheduler, nodes and a tiny shell."""
