"""Both renderers side by side: real Helm v4 in-process (helm_python) and `kubegrid render`.

A render is either a map of objects keyed by (kind, name), or a rejection with the
messages each tool gave. Helm reads the same values text kubegrid reads (through
helm_python.values_from_yaml), so both start from the same typed tree.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import pytest
import kubernetes_validate.utils
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHARTS = ROOT / "charts"


def kubegrid_binary() -> Path:
    """`$KUBEGRID`, relative to the repository root unless absolute; `.build/debug/kubegrid` by default."""
    path = Path(os.environ.get("KUBEGRID", ".build/debug/kubegrid"))
    return path if path.is_absolute() else ROOT / path


KUBEGRID = kubegrid_binary()

Key = tuple[str, str]


@dataclass
class Case:
    """One render: a chart, a release, and values as YAML text (or a tree, dumped to YAML)."""

    id: str
    chart: str
    values: str | dict[str, Any] = field(default_factory=dict)
    release: str = "testspace"
    namespace: str = "default"
    # Also render the built-in chart of the same name (`kubegrid render insightedge-pu`).
    builtin: bool = False
    # `--kube-version` for both tools; None renders for each tool's default.
    kube_version: str | None = None

    @property
    def values_text(self) -> str:
        if isinstance(self.values, str):
            return self.values
        return yaml.safe_dump(self.values, sort_keys=False)


@dataclass
class Rendered:
    """What one tool made of a case: objects by (kind, name), or the error it gave."""

    objects: dict[Key, dict[str, Any]] = field(default_factory=dict)
    # The template each object came from, e.g. insightedge-pu/templates/service.yaml.
    sources: dict[Key, str] = field(default_factory=dict)
    error: str | None = None
    # Helm only: "schema" (values.schema.json) or "template" (a fail in a template).
    stage: str | None = None
    stderr: str = ""


# ---------------------------------------------------------------- Helm


@functools.cache
def helm_chart(name: str) -> helm.Chart:
    """Each chart loaded once per run, for what does not render it with user values."""
    return helm.Chart.load(str(CHARTS / name))


def fresh_helm_chart(name: str) -> helm.Chart:
    """The chart loaded afresh for one render: Helm drops a subchart whose condition is
    false (the umbrella's `zeppelin.enabled`) from the loaded chart itself, so a chart
    shared between renders would lose the subchart for every render after that one."""
    return helm.Chart.load(str(CHARTS / name))


def helm_values(text: str) -> dict[str, Any]:
    """The values as Helm reads a -f file (YAML 1.1 scalars, numbers as float64)."""
    return helm.values_from_yaml(text) if text.strip() else {}


def _render_with_kube_version(chart: helm.Chart, values: dict[str, Any], case: Case) -> dict[str, str]:
    """`helm template --kube-version`: helm_python's Chart.render does not expose the
    option, but the library's render call takes it (`kube_version`, as its lint does)."""
    from helm_python import _native

    options = {"name": case.release, "namespace": case.namespace, "kube_version": case.kube_version}
    rendered = _native.call_string("helm_render", chart._raw(), json.dumps(values), json.dumps(options))
    return json.loads(rendered)


def helm_render(case: Case) -> Rendered:
    try:
        if case.kube_version is None:
            manifests = fresh_helm_chart(case.chart).render(
                helm_values(case.values_text), name=case.release, namespace=case.namespace
            )
        else:
            manifests = _render_with_kube_version(fresh_helm_chart(case.chart), helm_values(case.values_text), case)
    except helm.HelmValuesError as error:
        return Rendered(error=str(error), stage="schema")
    except helm.HelmRenderError as error:
        return Rendered(error=str(error), stage="template")
    rendered = Rendered()
    for path, text in manifests.items():
        # PyYAML reads YAML 1.1 as Kubernetes does, so an unquoted `on` or `0755` shows up here.
        for document in yaml.safe_load_all(text):
            if document is None:
                continue
            key = (document["kind"], document["metadata"]["name"])
            assert key not in rendered.objects, f"helm rendered {key} twice"
            rendered.objects[key] = document
            rendered.sources[key] = path
    return rendered


# ---------------------------------------------------------------- kubegrid


def run_kubegrid(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Runs kubegrid in the repository root, where `charts/` and `templates/` are."""
    return subprocess.run(
        [str(KUBEGRID), *args], input=stdin, capture_output=True, text=True, timeout=60, check=False, cwd=ROOT
    )


def kubegrid_render(case: Case, *, builtin: bool = False, output: str = "json") -> Rendered:
    chart = case.chart if builtin else str(CHARTS / case.chart)
    with tempfile.TemporaryDirectory(prefix="kubegrid-parity-") as directory:
        values_file = Path(directory) / "values.yaml"
        values_file.write_text(case.values_text)
        # Helm's positional form after `--`, so that any release name (empty, or `-grid`) gets through.
        version = [f"--kube-version={case.kube_version}"] if case.kube_version is not None else []
        proc = run_kubegrid(
            "render", f"--namespace={case.namespace}", "-f", str(values_file), "--output", output, *version,
            "--", case.release, chart,
        )
    if proc.returncode != 0:
        assert proc.returncode == 1, f"kubegrid exit {proc.returncode}: {proc.stderr}"
        assert proc.stdout == "", "kubegrid wrote to stdout although it failed"
        assert proc.stderr.startswith("error: "), proc.stderr
        return Rendered(error=proc.stderr, stderr=proc.stderr)
    rendered = Rendered(stderr=proc.stderr)
    assert "error:" not in proc.stderr, proc.stderr
    if output == "json":
        items = json.loads(proc.stdout)["items"]
        pairs = [(item, "") for item in items]
    else:
        pairs = list(_yaml_documents_with_sources(proc.stdout))
    for item, source in pairs:
        key = (item["kind"], item["metadata"]["name"])
        assert key not in rendered.objects, f"kubegrid rendered {key} twice"
        rendered.objects[key] = item
        rendered.sources[key] = source
    return rendered


def _yaml_documents_with_sources(text: str):
    """`---`, `# Source: <path>`, then the object, as kubegrid writes YAML."""
    for chunk in text.split("---\n"):
        if not chunk.strip():
            continue
        first, _, body = chunk.partition("\n")
        assert first.startswith("# Source: "), chunk[:200]
        yield yaml.safe_load(body), first.removeprefix("# Source: ")


# ---------------------------------------------------------------- comparing


def object_differences(helm_objects: dict[Key, Any], kubegrid_objects: dict[Key, Any]) -> list[str]:
    """Human-readable differences between two renders; empty when they are the same."""
    problems = []
    for key in sorted(set(helm_objects) - set(kubegrid_objects)):
        problems.append(f"only Helm renders {key}")
    for key in sorted(set(kubegrid_objects) - set(helm_objects)):
        problems.append(f"only kubegrid renders {key}")
    for key in sorted(set(helm_objects) & set(kubegrid_objects)):
        for path in _differing_paths(helm_objects[key], kubegrid_objects[key], ""):
            problems.append(f"{key} {path}")
    return problems


def _differing_paths(a: Any, b: Any, path: str) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                out.append(f"{path}.{key}: helm={a.get(key, '<absent>')!r} kubegrid={b.get(key, '<absent>')!r}")
            else:
                out += _differing_paths(a[key], b[key], f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for index, (x, y) in enumerate(zip(a, b)):
            out += _differing_paths(x, y, f"{path}[{index}]")
        return out
    # type() too: True == 1 in Python, but a bool is not a number in a manifest.
    if a != b or type(a) is not type(b):
        return [f"{path}: helm={a!r} kubegrid={b!r}"]
    return []


# ---------------------------------------------------------------- Kubernetes schemas


def kubernetes_versions() -> list[str]:
    """The Kubernetes versions checked against, each offered by the installed kubernetes-validate."""
    wanted = ["1.29", "1.33"]
    offered = {kubernetes_validate.utils.major_minor(v) for v in kubernetes_validate.utils.all_versions()}
    missing = [v for v in wanted if v not in offered]
    assert not missing, f"kubernetes-validate offers {sorted(offered)}, not {missing}"
    return wanted


# kubernetes_validate re-reads its 1.4 MB definitions file for every object; the files
# never change during a run, so read each once.
kubernetes_validate.utils.schema_contents = functools.cache(kubernetes_validate.utils.schema_contents)


def validate_strict(document: dict[str, Any], version: str) -> None:
    """Raises kubernetes_validate.ValidationError when the object breaks the schema."""
    kubernetes_validate.validate(document, version, strict=True)


# The three checks every chart's parity module makes, written once.

# Kinds that are custom resources: kubernetes-validate has no schema for them, so each
# module checks their fields against the operator's API itself.
CUSTOM_RESOURCE_KINDS = frozenset({"ServiceMonitor", "SparkApplication"})


def render_both(cases: list[Case]) -> dict[str, tuple[Rendered, Rendered]]:
    """Each case rendered by real Helm and by kubegrid, by case id."""
    return {case.id: (helm_render(case), kubegrid_render(case)) for case in cases}


def assert_same_objects_as_helm(case: Case, helm_side: Rendered, kubegrid_side: Rendered) -> None:
    """kubegrid renders the chart directory and its built-in chart to Helm's objects."""
    assert helm_side.error is None, f"helm refused: {helm_side.error}"
    assert kubegrid_side.error is None, f"kubegrid refused: {kubegrid_side.error}"
    assert kubegrid_side.objects, "nothing rendered"
    differences = object_differences(helm_side.objects, kubegrid_side.objects)
    assert not differences, "\n".join(differences)
    builtin = kubegrid_render(case, builtin=True)
    assert not object_differences(helm_side.objects, builtin.objects)


def assert_strictly_valid(renders: dict[str, tuple[Rendered, Rendered]], version: str, *, at_least: int) -> None:
    """Every Kubernetes object kubegrid rendered passes the schemas of `version` in strict
    mode; custom resources are left to their own tests. At least `at_least` are checked,
    so a case that silently renders nothing cannot pass."""
    checked = 0
    for case_id, (_, kubegrid_side) in renders.items():
        for key, document in kubegrid_side.objects.items():
            if key[0] in CUSTOM_RESOURCE_KINDS:
                continue
            try:
                validate_strict(document, version)
            except Exception as error:  # noqa: BLE001 - the message says which object and why
                pytest.fail(f"{case_id} {key} fails Kubernetes {version}: {error}")
            checked += 1
    assert checked >= at_least, f"only {checked} objects checked"


def refused_by_both(case: Case, fragment: str) -> tuple[Rendered, Rendered]:
    """Renders an invalid case both ways; kubegrid's error names `fragment` and Helm refuses
    too. Returns both sides for the module's checks of Helm's stage and words."""
    helm_side = helm_render(case)
    kubegrid_side = kubegrid_render(case)
    assert kubegrid_side.error is not None, f"kubegrid rendered {sorted(kubegrid_side.objects)}"
    assert fragment in kubegrid_side.error, kubegrid_side.error
    assert helm_side.error is not None, f"helm rendered {sorted(helm_side.objects)}"
    return helm_side, kubegrid_side
