"""tactful's benchmarks: ``python -m bench`` runs them all; ``python -m bench engine`` runs one.

Every figure is measured against a baseline timed in the same run on the same machine, and reported
as a ratio, because absolute timings on a shared machine move from one minute to the next.
"""
