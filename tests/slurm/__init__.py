"""Tests of the slurm area."""
