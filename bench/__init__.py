"""Named benchmarks: `python -m bench NAME [--json]`. They print figures; they never assert on time."""
