"""A bounded fuzz of `kubegrid serve`'s HTTP layer in the test command (`scripts/fuzz.sh serve COUNT` runs
longer ones): every refused request gets a `metav1.Status` with its code, and the server
stays up through malformed and huge bodies, bad paths and selectors, slow clients and
half-closed connections."""

from __future__ import annotations

import pytest

from conftest import KUBEGRID
from serve_fuzz import fuzz
from serve_process import Serve


@pytest.mark.parametrize("seed", [11, 12])
def test_a_bounded_fuzz_gets_a_status_each_time_and_the_server_stays_up(tmp_path, seed):
    serve = Serve(KUBEGRID, tmp_path)
    try:
        problems = fuzz(serve, seed=seed, count=300)
        assert serve.alive()
    finally:
        verdict = serve.stop()
    assert problems == [], "\n".join(problems[:20])
    assert verdict.startswith("kubegrid serve: ")
