"""scnet-hpc benchmarks: ``make bench`` (``python -m bench``) measures, side by side in one run,
what the SDK costs per call, how fast bodies are parsed, what the mock sustains, how long the
contract suite takes and how many requests ``Job.wait()`` spends.

Every figure is printed as ``name: value`` and written to ``reports/bench.json``; comparisons are
ratios against a baseline measured in the same run, medians over repeated rounds. See
``bench/README.md`` for the figures and how they are taken.
"""
