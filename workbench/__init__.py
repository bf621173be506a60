"""The POE validation workbench.

The package root stays free of Flask so that the core (models, domain,
extraction, checks) can be imported by workers and tools without it;
``create_app`` is loaded on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "sample_poe_dir"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from workbench import factory

        return getattr(factory, name)
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
