"""Shared fixtures. Gold sets and the research corpus are read from ../shared
(or $DATELINE_SHARED); tests that need them skip with a message when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import config


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
