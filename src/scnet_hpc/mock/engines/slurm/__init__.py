"""The Slurm engine: a real Slurm cluster driven through its command-line tools."""
