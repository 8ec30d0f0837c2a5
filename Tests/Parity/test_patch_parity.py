"""The patch case tables that kubegrid's Swift tests run (fixtures/patch), checked here
against reference implementations: PyPI json-merge-patch for RFC 7386 and PyPI jsonpatch
for RFC 6902. A row marked apiServerOnly is a place where the Kubernetes API server's
library (evanphx/json-patch) departs from the RFC; those rows are not compared.
For JSON patch the reference must fail on the same rows kubegrid fails on (the error
words are the API server's, which the reference does not share)."""

from __future__ import annotations

import copy
import shutil
import subprocess
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
    assert len(rows("strategic-cases.json")) >= 25


def kubectl_strategic_patch(target: dict, patch: dict, tmp_path: Path) -> tuple[dict | None, str | None]:
    """kubectl's own strategic merge patch, offline: the apimachinery code the API server runs."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.fail("kubectl is not on PATH: the strategic merge patch parity tests need the real kubectl 1.32")
    source = tmp_path / "object.json"
    source.write_text(json.dumps(target))
    done = subprocess.run(
        [kubectl, "patch", "--local", "-f", str(source), "--type", "strategic", "-o", "json", "-p", json.dumps(patch)],
        capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return json.loads(done.stdout), None
    return None, done.stderr.strip()


@pytest.mark.parametrize("row", rows("strategic-cases.json"), ids=lambda row: row["name"])
def test_strategic_merge_patch_matches_kubectl(row: dict, tmp_path: Path) -> None:
    patched, error = kubectl_strategic_patch(row["target"], row["patch"], tmp_path)
    assert error == row.get("kubectlError")
    assert patched == row.get("expected")
