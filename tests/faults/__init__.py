"""Tests of the faults area."""
