"""The patch case tables that kubegrid's Swift tests run (fixtures/patch), checked here
against reference implementations: PyPI json-merge-patch for RFC 7386 and PyPI jsonpatch
for RFC 6902. A row marked apiServerOnly is a place where the Kubernetes API server's
library (evanphx/json-patch) departs from the RFC; those rows are not compared.
For JSON patch the reference must fail on the same rows kubegrid fails on (the error
words are the API server's, which the reference does not share)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import json_merge_patch
import jsonpatch
import pytest

TABLES = Path(__file__).resolve().parent / "fixtures" / "patch"


def rows(name: str) -> list[dict]:
    return [row for row in json.loads((TABLES / name).read_text()) if not row.get("apiServerOnly")]


@pytest.mark.parametrize("row", rows("merge-patch-cases.json"), ids=lambda row: row["name"])
def test_merge_patch_matches_json_merge_patch(row: dict) -> None:
    merged = json_merge_patch.merge(copy.deepcopy(row["target"]), copy.deepcopy(row["patch"]))
    assert merged == row["expected"]


@pytest.mark.parametrize("row", rows("json-patch-cases.json"), ids=lambda row: row["name"])
def test_json_patch_matches_jsonpatch(row: dict) -> None:
    if "expectedError" in row:
        with pytest.raises((jsonpatch.JsonPatchException, jsonpatch.JsonPointerException)):
            jsonpatch.apply_patch(copy.deepcopy(row["target"]), row["patch"])
    else:
        assert jsonpatch.apply_patch(copy.deepcopy(row["target"]), row["patch"]) == row["expected"]


def test_tables_compare_enough_rows() -> None:
    assert len(rows("merge-patch-cases.json")) >= 12
    assert len(rows("json-patch-cases.json")) >= 25
