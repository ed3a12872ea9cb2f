"""Core: everything a CLI, a test or HQ needs. Never imports Qt (a test checks it)."""
