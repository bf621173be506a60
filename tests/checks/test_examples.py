"""Every installed check's shipped examples give the status they promise.

This covers third-party checks too: installing a check package makes its
examples part of this suite.
"""

import pytest

from workbench.check_api import overall_status
from workbench.engine.registry import discover
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder

REGISTRY = discover()
CASES = [
    pytest.param(loaded, example, id=f"{loaded.id}: {example.name}")
    for loaded in REGISTRY.checks
    for example in loaded.check.examples
]


def test_every_installed_check_loads():
    assert [str(f) for f in REGISTRY.failures] == []


@pytest.mark.parametrize("loaded", REGISTRY.checks, ids=lambda c: c.id)
def test_every_check_ships_examples(loaded):
    assert loaded.check.examples, f"{loaded.id} has no examples"
    assert loaded.check.description, f"{loaded.id} has no description"


@pytest.mark.parametrize(("loaded", "example"), CASES)
def test_example(tmp_path, loaded, example):
    claims = ClaimBuilder(tmp_path)
    view = example.build(claims)
    results = run_check_here(loaded.check, view, claims.context())
    assert overall_status(r["status"] for r in results) == example.expected, results
