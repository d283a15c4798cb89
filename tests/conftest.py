"""Shared fixtures. Gold sets and the research corpus are read from ../shared
(or $DATELINE_SHARED); tests that need them skip with a message when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from toolkit import config

# CI must be repeatable: the same examples every run (a failure found locally becomes a test case).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def _require_shared(*parts: str) -> Path:
    path = config.shared_path(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder; set DATELINE_SHARED to its location)")
    return path


@pytest.fixture
def shared_path():
    """Call ``shared_path('gold', 'timeml')``: the path, or skip the test when it is absent."""
    return _require_shared


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return config.SEEDS_DIR / "000_deb6046db3def0e3.txt"
