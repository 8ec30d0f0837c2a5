"""The generated Kubernetes types: up to date with their generator, and valid Kubernetes.

- Regenerating Sources/KubeGridCore/Kubernetes/Generated changes nothing (the drift check
  `make test` also runs), and the check does fail on a stale file.
- One object of every generated kind, built and encoded by kubegrid's Swift types (the
  KubernetesKindSamples suite), passes kubernetes-validate's strict check against the
  v1.32 schema the types are generated from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import kubernetes_validate.utils
import pytest
import referencing
import yaml

from conftest import ROOT
from render_support import validate_strict

GENERATOR = ROOT / "scripts" / "generate-kubernetes-types.py"
GENERATED = ROOT / "Sources" / "KubeGridCore" / "Kubernetes" / "Generated"
SWIFT = shutil.which("swift")


def run_generator(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(GENERATOR), *arguments], capture_output=True, text=True)


def test_the_committed_types_are_what_the_generator_writes() -> None:
    done = run_generator("--check")
    assert done.returncode == 0, done.stderr


def test_the_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    copy = tmp_path / "Generated"
    shutil.copytree(GENERATED, copy)
    target = copy / "AppsV1.swift"
    target.write_text(target.read_text().replace("public var minReadySeconds", "public var minReady"))
    done = run_generator("--check", "--output", str(copy))
    assert done.returncode == 1
    assert "AppsV1.swift" in done.stderr


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if SWIFT is None:
        raise pytest.UsageError("swift is not on PATH; the samples come from the Swift test suite")
    folder = tmp_path_factory.mktemp("kinds")
    done = subprocess.run(
        [SWIFT, "test", "--skip-build", "--filter", "KubernetesKindSamples"], cwd=ROOT,
        env={**os.environ, "KUBEGRID_KIND_SAMPLES": str(folder)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 23, [file.name for file in files]
    return files


def validate_meta_strict(document: dict) -> None:
    """kubernetes-validate picks a schema by apiVersion, and meta/v1 kinds (Status) are
    served as `v1`; this checks one against its meta schema the way kubernetes-validate does."""
    folder = "kubernetes-json-schema/v1.32.0-local-strict"
    schema = kubernetes_validate.utils.schema_contents(f"{folder}/{document['kind'].lower()}-meta-v1.json", "1.32")
    definitions = kubernetes_validate.utils.schema_contents(f"{folder}/_definitions.json", "1.32")
    registry = referencing.Resource.from_contents(definitions) @ (
        referencing.Resource.from_contents(schema) @ referencing.Registry())
    jsonschema.validators.Draft202012Validator(schema, registry=registry).validate(document)


def test_every_kind_is_valid_kubernetes(samples: list[Path]) -> None:
    kinds = set()
    for file in samples:
        document = yaml.safe_load(file.read_text())
        if document["kind"] == "Status":
            validate_meta_strict(document)
        else:
            validate_strict(document, "1.32")
        kinds.add(document["kind"])
    assert len(kinds) == 23


def test_the_strict_check_rejects_a_field_kubernetes_does_not_define(samples: list[Path]) -> None:
    document = yaml.safe_load(next(f for f in samples if f.name.endswith("-Deployment.yaml")).read_text())
    document["spec"]["replica"] = 2
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_strict(document, "1.32")
