"""Tests of the sdk area."""
