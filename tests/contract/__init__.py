"""Tests of the contract area."""
