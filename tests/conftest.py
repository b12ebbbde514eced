"""Shared fixtures: paths to the seeds and gold, and one Prefect test server per session (never ~/.prefect)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def seed_text(prefix: str) -> str:
    """The text of the seed whose name starts with `prefix`."""
    return next(SEEDS.glob(f"{prefix}*")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory):
    """A temporary Prefect server and database for the whole session: started once, stopped at the end."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect_home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield
