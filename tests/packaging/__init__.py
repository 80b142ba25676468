"""The distribution check (scripts/check-dist.py) flags what a packager would refuse."""
