"""`kubegrid lint` against real Helm v4's `helm lint` (helm_python), and its CI formats
read by standard tools: SARIF through jsonschema, JUnit through xml.etree."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import helm_python as helm
import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHARTS = ROOT / "charts"
GOLDEN_INPUTS = ROOT / "Tests" / "KubeGridCLITests" / "Golden" / "lint-inputs"
SARIF_SCHEMA = Path(__file__).with_name("sarif-2.1.0-minimal.schema.json")
HELM_ERROR = 3


def kubegrid_binary() -> Path:
    """`$KUBEGRID`, relative to the repository root unless absolute; `.build/debug/kubegrid` by default."""
    path = Path(os.environ.get("KUBEGRID", ".build/debug/kubegrid"))
    return path if path.is_absolute() else ROOT / path


def kubegrid(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(kubegrid_binary()), *arguments], cwd=cwd, capture_output=True, text=True, check=False)


def kubegrid_lint_json(*arguments: str, cwd: Path = ROOT) -> dict:
    result = kubegrid("lint", *arguments, "--format", "json", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


SHIPPED = sorted(path for path in CHARTS.iterdir() if (path / "Chart.yaml").exists())


@pytest.mark.parametrize("chart", SHIPPED, ids=lambda path: path.name)
def test_helm_lint_finds_no_errors_in_the_shipped_charts(chart: Path) -> None:
    report = helm.lint(str(chart))
    errors = [message for message in report["messages"] if message["severity"] >= HELM_ERROR]
    assert errors == [] and report["errors"] == []


@pytest.mark.parametrize("chart", SHIPPED, ids=lambda path: path.name)
def test_kubegrid_finds_nothing_in_the_shipped_charts(chart: Path) -> None:
    report = kubegrid_lint_json(str(chart.relative_to(ROOT)))
    assert report["findings"] == []


# Chart directories with one mistake each, and whether `helm lint` calls it an error.
BROKEN_CHARTS = {
    "good": ({"Chart.yaml": "apiVersion: v2\nname: good\nversion: 1.0.0\n"}, False),
    "helm2": ({"Chart.yaml": "apiVersion: v1\nname: helm2\nversion: 1.0.0\n"}, False),
    "short-version": ({"Chart.yaml": 'apiVersion: v2\nname: short-version\nversion: "1.2"\n'}, False),
    "numeric-version": ({"Chart.yaml": "apiVersion: v2\nname: numeric-version\nversion: 1.2\n"}, True),
    "no-api-version": ({"Chart.yaml": "name: no-api-version\nversion: 1.0.0\n"}, True),
    "bad-api-version": ({"Chart.yaml": "apiVersion: v3\nname: bad-api-version\nversion: 1.0.0\n"}, True),
    "no-name": ({"Chart.yaml": "apiVersion: v2\nversion: 1.0.0\n"}, True),
    "no-version": ({"Chart.yaml": "apiVersion: v2\nname: no-version\n"}, True),
    "bad-version": ({"Chart.yaml": "apiVersion: v2\nname: bad-version\nversion: 1.x\n"}, True),
    "bad-yaml-values": ({"Chart.yaml": "apiVersion: v2\nname: bad-yaml-values\nversion: 1.0.0\n", "values.yaml": "a: [1\n"}, True),
    "values-break-schema": (
        {
            "Chart.yaml": "apiVersion: v2\nname: values-break-schema\nversion: 1.0.0\n",
            "values.yaml": "replicas: two\n",
            "values.schema.json": '{"type": "object", "properties": {"replicas": {"type": "integer"}}}',
        },
        True,
    ),
    "values-keep-schema": (
        {
            "Chart.yaml": "apiVersion: v2\nname: values-keep-schema\nversion: 1.0.0\n",
            "values.yaml": "replicas: 2\nmode: fast\n",
            "values.schema.json": '{"type": "object", "required": ["replicas"], "properties": '
            '{"replicas": {"type": "integer", "minimum": 1}, "mode": {"enum": ["fast", "safe"]}}}',
        },
        False,
    ),
    "values-miss-required": (
        {
            "Chart.yaml": "apiVersion: v2\nname: values-miss-required\nversion: 1.0.0\n",
            "values.yaml": "mode: fast\n",
            "values.schema.json": '{"type": "object", "required": ["replicas"]}',
        },
        True,
    ),
    "closed-schema": (
        {
            "Chart.yaml": "apiVersion: v2\nname: closed-schema\nversion: 1.0.0\n",
            "values.yaml": "replicas: 2\nreplica: 3\n",
            "values.schema.json": '{"type": "object", "additionalProperties": false, "properties": {"replicas": {"type": "integer"}}}',
        },
        True,
    ),
    "missing-dependency": (
        {"Chart.yaml": "apiVersion: v2\nname: missing-dependency\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.0.0\n"},
        False,
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN_CHARTS))
def test_kubegrid_reports_an_error_exactly_where_helm_does(name: str, tmp_path: Path) -> None:
    files, helm_errs = BROKEN_CHARTS[name]
    chart = tmp_path / name
    (chart / "templates").mkdir(parents=True)
    (chart / "templates" / "configmap.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n")
    for file, text in files.items():
        (chart / file).write_text(text)
    helm_report = helm.lint(str(chart))
    helm_has_errors = any(message["severity"] >= HELM_ERROR for message in helm_report["messages"])
    assert helm_has_errors == helm_errs, helm_report
    report = kubegrid_lint_json(name, cwd=tmp_path)
    kubegrid_errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert bool(kubegrid_errors) == helm_has_errors, report["findings"]
    helm_warns = any(message["severity"] == HELM_ERROR - 1 for message in helm_report["messages"])
    if helm_warns:
        assert any(f["severity"] in ("warning", "error") for f in report["findings"]), (helm_report, report)
    for finding in kubegrid_errors:
        assert finding["file"].startswith(name + "/"), finding
        assert finding["line"] is None or finding["line"] >= 1


GOLDEN_RUN = ["insightedge-pu", "values.yaml", "east.yaml", "west.yaml", "broken.yaml", "--name", "demo"]


def test_sarif_validates_against_the_sarif_210_structure() -> None:
    result = kubegrid("lint", *GOLDEN_RUN, "--format", "sarif", cwd=GOLDEN_INPUTS)
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    driver = sarif["runs"][0]["tool"]["driver"]
    listed = json.loads(kubegrid("lint", "--list-rules", "--format", "json").stdout)
    assert [rule["id"] for rule in driver["rules"]] == [rule["id"] for rule in listed]
    for finding in sarif["runs"][0]["results"]:
        assert driver["rules"][finding["ruleIndex"]]["id"] == finding["ruleId"]


def test_the_sarif_check_rejects_what_sarif_forbids() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.0.0", "runs": []}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}, schema)


def test_junit_parses_with_a_suite_per_input_and_a_failure_per_finding() -> None:
    junit = kubegrid("lint", *GOLDEN_RUN, "--format", "junit", cwd=GOLDEN_INPUTS)
    findings = kubegrid_lint_json(*GOLDEN_RUN, cwd=GOLDEN_INPUTS)["findings"]
    root = ElementTree.fromstring(junit.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == ["insightedge-pu", "values.yaml", "east.yaml", "west.yaml", "broken.yaml"]
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == len(findings)
    assert int(root.get("tests")) == sum(len(suite.findall("testcase")) for suite in suites)
    for suite in suites:
        failed_cases = [case for case in suite.findall("testcase") if case.find("failure") is not None]
        assert int(suite.get("failures")) == len(failed_cases)
