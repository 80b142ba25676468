"""Tests of the mock area."""
