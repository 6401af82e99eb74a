"""The fixtures of the grading suites: `student`, `harness`, `reference` and `rng`.

Module-level fixtures (pytest 9 deprecates fixtures defined as methods of a plugin
instance): each finds the run's `EdrillPlugin` through the plugin manager and lets it do the
work. The plugin registers this module when it is configured, so both ways of running a
suite — `grade`/`grader` (`pytest.main` with the plugin) and `pytest --edrill-student DIR`
(the pytest11 entry point) — get them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from grader.plugin import EdrillPlugin
from grader.reference import Reference


def edrill_plugin(config: pytest.Config) -> EdrillPlugin:
    """The `EdrillPlugin` of this run."""
    for plugin in config.pluginmanager.get_plugins():
        if isinstance(plugin, EdrillPlugin):
            return plugin
    raise RuntimeError("no edrill grading run is configured (grade, grader, or pytest "
                       "--edrill-student DIR)")


@pytest.fixture(scope="module")
def student(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A proxy to the student's module of the suite's exercise, in a worker of its own (fresh
    for each exercise; the exercise's hidden suite goes on with the same worker)."""
    yield from edrill_plugin(request.config).open_student(request)


@pytest.fixture(scope="module")
def harness(request: pytest.FixtureRequest, student: Any) -> Any:
    """Runs a harness function in the worker, if grader.verify can vouch for its result."""
    return edrill_plugin(request.config).harness_for(request)


@pytest.fixture(scope="module")
def reference(request: pytest.FixtureRequest) -> Reference:
    """The reference solution, live or replayed from recordings."""
    return edrill_plugin(request.config).reference_for(request)


@pytest.fixture
def rng(request: pytest.FixtureRequest) -> Any:
    """A numpy Generator for a hidden check (tests/hidden/), seeded per student × exercise."""
    return edrill_plugin(request.config).rng_for(request)
