"""`kubegrid values` on bad input and at the edges of the command line: exit codes,
empty stdout on error, `error: …` messages that name the flag, file and line:column.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "charts"
EMPTY = FIXTURES / "empty"
DEFAULTS = FIXTURES / "defaults"


def run(kubegrid: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(kubegrid), "values", *args], input=stdin, capture_output=True, text=True, timeout=30
    )


def assert_input_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: "), proc.stderr
    assert proc.stderr.count("\n") == 1, "one line of error, no stack trace"
    for fragment in fragments:
        assert fragment in proc.stderr, f"{fragment!r} not in {proc.stderr!r}"


def test_malformed_yaml_names_file_line_and_column(kubegrid, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\nb:\n  - x\n  c: [1\n")
    proc = run(kubegrid, str(EMPTY), "-f", str(bad))
    assert_input_error(proc, str(bad))
    assert re.search(re.escape(str(bad)) + r":\d+:\d+: invalid YAML", proc.stderr), proc.stderr


def test_values_file_that_is_a_list(kubegrid, tmp_path):
    bad = tmp_path / "list.yaml"
    bad.write_text("- 1\n- 2\n")
    assert_input_error(run(kubegrid, str(EMPTY), "-f", str(bad)), str(bad), "must be a map")


def test_missing_values_file(kubegrid, tmp_path):
    missing = tmp_path / "nope.yaml"
    assert_input_error(run(kubegrid, str(EMPTY), "-f", str(missing)), str(missing), "no such file")


def test_values_file_that_is_a_directory(kubegrid, tmp_path):
    assert_input_error(run(kubegrid, str(EMPTY), "-f", str(tmp_path)), str(tmp_path), "directory")


def test_remote_values_file(kubegrid):
    assert_input_error(run(kubegrid, str(EMPTY), "-f", "https://example.com/v.yaml"), "local values files only")


@pytest.mark.parametrize(
    "flag,expression,fragments",
    [
        ("--set", "a.b", ["--set 'a.b'", 'key "b" has no value', "write a.b=VALUE"]),
        ("--set", "a=1,,b=2", ["--set 'a=1,,b=2'", "extra comma"]),
        ("--set", "a[-1]=1", ["negative"]),
        ("--set", "a[65537]=1", ["65536"]),
        ("--set", "a[x]=1", ['"x" is not a list index', "a[0]=VALUE"]),
        ("--set", "a={1,2", ["closing }"]),
        ("--set", "a=1,a.b=2", ["a already holds the integer 1, not a map"]),
        ("--set", ".".join("k" * 1 for _ in range(32)) + "=1", ["30 levels"]),
        ("--set-string", "a", ["--set-string 'a'"]),
        ("--set-json", "a=tru", ["--set-json 'a=tru'", "invalid JSON"]),
        ("--set-json", '{"a":', ["invalid JSON object"]),
        ("--set-file", "a=/nonexistent/x", ["--set-file", "/nonexistent/x"]),
        ("--set-literal", "a", ["--set-literal 'a'"]),
    ],
)
def test_set_errors(kubegrid, flag, expression, fragments):
    assert_input_error(run(kubegrid, str(EMPTY), flag, expression), *fragments)


def test_subchart_values_not_a_map(kubegrid):
    proc = run(kubegrid, str(FIXTURES / "subcharts"), "--set", "child=1")
    assert_input_error(proc, "child", "must be a map")


def test_missing_chart_directory(kubegrid, tmp_path):
    assert_input_error(run(kubegrid, str(tmp_path / "nochart")), "not a chart directory")


def test_directory_without_chart_yaml(kubegrid, tmp_path):
    assert_input_error(run(kubegrid, str(tmp_path)), "Chart.yaml is missing")


def test_chart_without_version(kubegrid, tmp_path):
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: x\n")
    assert_input_error(run(kubegrid, str(tmp_path)), "Chart.yaml: version is required")


def test_chart_with_bad_values_yaml(kubegrid, tmp_path):
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: x\nversion: 1.0.0\n")
    (tmp_path / "values.yaml").write_text("a: {b\n")
    proc = run(kubegrid, str(tmp_path))
    assert_input_error(proc, "values.yaml")
    assert re.search(r"values\.yaml:\d+:\d+:", proc.stderr), proc.stderr


def test_wrong_output_format_is_a_usage_error(kubegrid):
    proc = run(kubegrid, str(EMPTY), "--output", "xml")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: ")


def test_missing_chart_argument_is_a_usage_error(kubegrid):
    proc = run(kubegrid)
    assert proc.returncode == 2
    assert proc.stdout == ""


def test_stdin_values_read_once(kubegrid):
    proc = run(kubegrid, str(EMPTY), "-f", "-", "-f", "-", "--output", "json", stdin="a: {b: 1}\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"a": {"b": 1}}


def test_set_file_from_stdin(kubegrid):
    proc = run(kubegrid, str(EMPTY), "--set-file", "a=-", "--output", "json", stdin="text\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"a": "text\n"}


def test_yaml_output_is_default_and_matches_json(kubegrid):
    args = [str(DEFAULTS), "--set", "image.tag=v2,extra={a,b},n=null,s=0755"]
    as_yaml = run(kubegrid, *args)
    as_json = run(kubegrid, *args, "--output", "json")
    assert as_yaml.returncode == 0 and as_json.returncode == 0
    assert yaml.safe_load(as_yaml.stdout) == json.loads(as_json.stdout)
    # Key order follows the chart's values.yaml, new keys after.
    assert list(json.loads(as_json.stdout))[:3] == ["replicas", "image", "ports"]


def test_output_is_byte_identical_across_runs(kubegrid):
    args = [str(FIXTURES / "subcharts"), "--set", "global.x=1,child.settings.e=2", "--output", "yaml"]
    outputs = {run(kubegrid, *args).stdout for _ in range(3)}
    assert len(outputs) == 1 and next(iter(outputs))


def test_flag_values_may_start_with_a_dash(kubegrid):
    proc = run(kubegrid, str(EMPTY), "--set", "-a=1", "--output", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"-a": 1}


def test_help_goes_to_stdout_with_exit_0(kubegrid):
    proc = run(kubegrid, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "--set-literal" in proc.stdout and proc.stderr == ""
