"""`--kube-version` against `helm template --kube-version` on the charts in charts/.

The target version picks the PodDisruptionBudget's apiVersion (policy/v1 from 1.21,
policy/v1beta1 before) in kubegrid's renderer and, through `.Capabilities.KubeVersion`,
in the Helm templates; both must render the same objects. Bad versions are refused by
both with Kubernetes' parser wording, and lint's KG214 checks against the version.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
import helm_python as helm

from render_support import CHARTS, Case, helm_chart, helm_render, kubegrid_render, object_differences, run_kubegrid

M, P, U = "insightedge-manager", "insightedge-pu", "insightedge"
HA_SPACE = {"partitions": 2, "ha": True, "antiAffinity": {"enabled": True}}

CASES = [
    (Case("pu-1.20", P, HA_SPACE, kube_version="1.20"), "policy/v1beta1"),
    (Case("pu-v1.20.0", P, HA_SPACE, kube_version="v1.20.0"), "policy/v1beta1"),
    (Case("pu-1.19-eks", P, HA_SPACE, kube_version="1.19.16-eks.1"), "policy/v1beta1"),
    (Case("pu-1.21", P, HA_SPACE, kube_version="1.21"), "policy/v1"),
    (Case("pu-v1.32.4", P, HA_SPACE, kube_version="v1.32.4"), "policy/v1"),
    (Case("manager-1.20", M, {"ha": True}, kube_version="1.20"), "policy/v1beta1"),
    (Case("manager-1.30", M, {"ha": True}, kube_version="1.30"), "policy/v1"),
    (Case("umbrella-1.20", U, {"manager": {"ha": True}, "pu": HA_SPACE}, kube_version="1.20"), "policy/v1beta1"),
    (Case("umbrella-2.0", U, {"manager": {"ha": True}, "pu": HA_SPACE}, kube_version="2.0"), "policy/v1"),
]


@pytest.mark.parametrize(("case", "api_version"), CASES, ids=lambda item: getattr(item, "id", item))
def test_same_objects_as_helm_for_the_target_version(case, api_version):
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert helm_side.error is None, helm_side.error
    assert kubegrid_side.error is None, kubegrid_side.error
    assert not object_differences(helm_side.objects, kubegrid_side.objects)
    budgets = [obj for (kind, _), obj in kubegrid_side.objects.items() if kind == "PodDisruptionBudget"]
    assert budgets and {obj["apiVersion"] for obj in budgets} == {api_version}


def test_default_is_current_and_named_in_help():
    default = kubegrid_render(Case("pu-default", P, HA_SPACE))
    assert {obj["apiVersion"] for (kind, _), obj in default.objects.items() if kind == "PodDisruptionBudget"} == {"policy/v1"}
    for command in ("render", "lint"):
        help_text = run_kubegrid(command, "--help").stdout
        assert "--kube-version" in help_text and "default: 1.32" in help_text


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1", 'illegal version string "1"'),
        ("1.x", 'illegal version string "1.x"'),
        ("x", 'could not parse "x" as version'),
        ("V1.20", 'could not parse "V1.20" as version'),
        ("01.20", 'illegal zero-prefixed version component "01" in "01.20"'),
    ],
)
def test_bad_versions_are_refused_like_helm(version, message):
    from helm_python import _native

    with pytest.raises(Exception) as refused:
        _native.call_string("helm_render", helm_chart(P)._raw(), "{}", json.dumps({"kube_version": version}))
    assert message in str(refused.value)
    for command in (["render", P], ["lint", P]):
        proc = run_kubegrid(*command, f"--kube-version={version}")
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        assert proc.stderr.startswith(f"error: invalid kube version '{version}': {message}\n"), proc.stderr


BUDGET = """apiVersion: {api}
kind: PodDisruptionBudget
metadata:
  name: grid
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {{selectorId: grid}}
"""


@pytest.mark.parametrize(
    ("api", "version", "fires"),
    [
        ("policy/v1beta1", "1.24", False),
        ("policy/v1beta1", "1.25", True),
        ("policy/v1beta1", None, True),
        ("policy/v1", "1.20", True),
        ("policy/v1", "1.21", False),
        ("policy/v1", None, False),
    ],
)
def test_lint_checks_api_versions_against_the_target(api, version, fires):
    with tempfile.TemporaryDirectory() as directory:
        manifest = Path(directory) / "pdb.yaml"
        manifest.write_text(BUDGET.format(api=api))
        flags = [f"--kube-version={version}"] if version else []
        proc = run_kubegrid("lint", str(manifest), "--format=json", *flags)
    findings = [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "KG214"]
    assert bool(findings) == fires, proc.stdout
    if fires:
        assert findings[0]["line"] == 1 and findings[0]["severity"] == "error"
        assert proc.returncode == 1


def test_an_old_budget_still_protects_its_partition():
    """A policy/v1beta1 budget, as kubegrid writes it for 1.20, protects its partition (KG210
    silent), and only a target that no longer serves it makes it an error (KG214)."""
    flags = ["--set", "partitions=2,ha=true,antiAffinity.enabled=true,readinessProbe.enabled=true"]
    chart = run_kubegrid("lint", P, *flags, "--kube-version=1.20", "--strict")
    assert chart.returncode == 0, chart.stdout
    rendered = run_kubegrid("render", P, *flags, "--kube-version=1.20").stdout
    with tempfile.TemporaryDirectory() as directory:
        manifest = Path(directory) / "old.yaml"
        manifest.write_text(rendered)
        old = json.loads(run_kubegrid("lint", str(manifest), "--format=json", "--kube-version=1.20").stdout)
        new = json.loads(run_kubegrid("lint", str(manifest), "--format=json").stdout)
    assert old["findings"] == []
    assert {finding["rule"] for finding in new["findings"]} == {"KG214"}


@pytest.mark.parametrize("chart", [M, P, U])
def test_helm_lint_passes_for_an_old_target(chart):
    values = {"partitions": 1, "ha": True} if chart == P else {}
    report = helm.lint(str(CHARTS / chart), values, kube_version="v1.20.0", strict=True)
    assert [m for m in report["messages"] if m["severity"] >= 2] == [] and report["errors"] == []
