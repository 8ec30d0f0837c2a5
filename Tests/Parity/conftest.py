"""Shared setup for the differential tests against real Helm v4 (helm_python).

Nothing here is skipped quietly: without helm_python or without a built kubegrid the
run stops with a usage error that says what to do.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    import helm_python  # noqa: F401
except ImportError as error:  # pragma: no cover - the point is to fail loudly
    raise pytest.UsageError(
        f"helm_python is missing ({error}); install the PyPI package helm-python-sdk "
        "in the environment that runs pytest (make test does)"
    ) from error


def kubegrid_path() -> Path:
    configured = os.environ.get("KUBEGRID", ".build/debug/kubegrid")
    path = Path(configured)
    if not path.is_absolute():
        path = ROOT / path
    return path


KUBEGRID = kubegrid_path()
if not KUBEGRID.is_file() or not os.access(KUBEGRID, os.X_OK):
    raise pytest.UsageError(
        f"kubegrid binary not found at {KUBEGRID}; run `swift build` first or set KUBEGRID to its path"
    )


@pytest.fixture(scope="session")
def kubegrid() -> Path:
    return KUBEGRID


@pytest.fixture(scope="session")
def fixture_charts() -> Path:
    return Path(__file__).resolve().parent / "fixtures" / "charts"
