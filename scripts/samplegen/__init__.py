"""Helpers for ``scripts/generate_sample_poe.py``: document writers, content and checks."""
