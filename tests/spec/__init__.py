"""Tests of the spec area."""
