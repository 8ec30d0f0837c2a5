"""Helm v4's values pipeline, driven through helm_python, to compare kubegrid with.

helm_python exposes strvals parsing into a fresh map and chart coalescing. Helm's
MergeValues (pkg/cli/values/options.go) writes each flag into the tree built so far;
for a non-empty tree this module rebuilds that tree as a prefix in the same flag's own
syntax, so the real parser does the work (and the rebuilt prefix is checked to parse
back to the tree exactly). Where no prefix can express the tree, a flag whose keys are
all new is merged key by key; anything else is a harness error, never a silent pass.
"""

from __future__ import annotations

import json
import math
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import helm_python as helm

HELM_ORDER = ["set-json", "set", "set-string", "set-file", "set-literal"]
PARSERS = {
    "set": helm.parse_set_string,
    "set-string": helm.parse_set_string_values,
    "set-json": helm.parse_set_json,
    "set-file": helm.parse_set_file,
    "set-literal": helm.parse_set_literal,
}


class Rejected(Exception):
    """Helm refused the input."""


class NotCheckable(Exception):
    """The harness cannot build Helm's answer for this case (a bug in the test table)."""


@dataclass
class Case:
    """One run: a chart, -f files (YAML texts), and flags as (kind, expression) pairs."""

    chart: Path
    files: list[str] = field(default_factory=list)
    flags: list[tuple[str, str]] = field(default_factory=list)
    # Extra files for --set-file, by name; the expression refers to them as @name.
    set_files: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- Helm's side


def merge_maps(a: dict, b: dict) -> dict:
    """Helm's loader.MergeMaps."""
    out = dict(a)
    for key, value in b.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_maps(out[key], value)
        else:
            out[key] = value
    return out


def load_values_file(text: str, workdir: Path) -> dict:
    """Helm's loader.LoadValues, through the chart loader (it reads values.yaml with it)."""
    chart = Path(tempfile.mkdtemp(dir=workdir))
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: probe\nversion: 0.1.0\n")
    (chart / "values.yaml").write_text(text)
    try:
        with helm.Chart.load(chart) as loaded:
            return loaded.values or {}
    except helm.HelmError as error:
        raise Rejected(str(error)) from error


def escape_key(key: str) -> str:
    return "".join("\\" + ch if ch in "\\=[],.{}" else ch for ch in key)


def is_int_like(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()


def typed_value(text: str) -> Any:
    """Helm's typedVal, used only to check that a rebuilt --set leaf types back the same."""
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    if text == "0":
        return 0
    if text and text[0] != "0":
        try:
            number = int(text, 10)
            if -(2**63) <= number < 2**63 and text.strip() == text and "_" not in text:
                return number
        except ValueError:
            pass
    return text


def leaves(tree: Any, path: str) -> list[tuple[str, Any]]:
    """(path, leaf) pairs that rebuild `tree` in strvals syntax; empty containers can't."""
    if isinstance(tree, dict):
        if not tree:
            raise NotCheckable(f"empty map at {path!r}")
        out = []
        for key, value in tree.items():
            out += leaves(value, f"{path}.{escape_key(key)}" if path else escape_key(key))
        return out
    if isinstance(tree, list):
        if not tree:
            raise NotCheckable(f"empty list at {path!r}")
        out = []
        for index, value in enumerate(tree):
            out += leaves(value, f"{path}[{index}]")
        return out
    return [(path, tree)]


def escape_value(text: str) -> str:
    escaped = "".join("\\" + ch if ch in "\\," else ch for ch in text)
    return "\\" + escaped if escaped.startswith("{") else escaped


def prefix_for(kind: str, base: dict, workdir: Path) -> str:
    """A same-syntax expression that parses to `base`, or NotCheckable."""
    if kind == "set-json":
        return ",".join(f"{escape_key(k)}={json.dumps(v)}" for k, v in base.items())
    parts = []
    for path, leaf in leaves(base, ""):
        if kind == "set":
            if leaf is None:
                text = "null"
            elif isinstance(leaf, bool):
                text = "true" if leaf else "false"
            elif is_int_like(leaf) and abs(leaf) < 2**63:
                text = str(int(leaf))
            elif isinstance(leaf, str) and typed_value(leaf) == leaf and type(typed_value(leaf)) is str:
                text = escape_value(leaf)
            else:
                raise NotCheckable(f"--set cannot rebuild {leaf!r}")
        elif kind == "set-string":
            if not isinstance(leaf, str):
                raise NotCheckable(f"--set-string cannot rebuild {leaf!r}")
            text = escape_value(leaf)
        elif kind == "set-file":
            if not isinstance(leaf, str):
                raise NotCheckable(f"--set-file cannot rebuild {leaf!r}")
            handle = tempfile.NamedTemporaryFile("w", dir=workdir, delete=False, suffix=".txt")
            handle.write(leaf)
            handle.close()
            text = escape_value(handle.name)
        else:
            raise NotCheckable(f"{kind} has no prefix syntax")
        parts.append(f"{path}={text}")
    return ",".join(parts)


def parse(kind: str, expression: str) -> dict:
    try:
        return PARSERS[kind](expression)
    except helm.HelmError as error:
        raise Rejected(str(error)) from error


def direct_key(kind: str, expression: str) -> str | None:
    """The key of an expression that only sets one top-level key directly (`key=value`)."""
    key, equals, value = expression.partition("=")
    if not equals or not key or any(ch in key for ch in "[.,\\"):
        return None
    if kind != "set-literal" and any(ch in value for ch in ",\\{"):
        return None
    return key


def parse_into(kind: str, expression: str, base: dict, workdir: Path) -> dict:
    """Helm's Parse*Into(expression, base)."""
    if not base:
        return parse(kind, expression)
    try:
        prefix = prefix_for(kind, base, workdir)
    except NotCheckable:
        prefix = None
    if prefix is not None:
        if not loose_equal(parse(kind, prefix), base):
            raise NotCheckable(f"rebuilt prefix {prefix!r} does not parse back to {base!r}")
        return parse(kind, prefix + "," + expression)
    parsed = parse(kind, expression)
    if direct_key(kind, expression) in base:
        return {**base, **parsed}
    # A key the text never spells cannot be touched by it (a quiet end can leave a key
    # out of the parsed result after the parser already ran into it, so the result
    # alone does not tell).
    if any(key in expression or escape_key(key) in expression for key in base):
        raise NotCheckable(f"{kind} {expression!r} may touch keys of a tree no prefix can rebuild")
    return {**base, **parsed}


def helm_user_values(case: Case, workdir: Path) -> dict:
    """Helm v4's MergeValues."""
    base: dict = {}
    for text in case.files:
        base = merge_maps(base, load_values_file(text, workdir))
    for kind in HELM_ORDER:
        for flag_kind, expression in case.flags:
            if flag_kind != kind:
                continue
            expression = resolve_set_files(expression, case, workdir)
            trimmed = expression.strip()
            if kind == "set-json" and trimmed.startswith("{"):
                try:
                    obj = json.loads(trimmed, parse_constant=_reject_constant)
                except ValueError as error:
                    raise Rejected(f"bad JSON object: {error}") from error
                if not isinstance(obj, dict):
                    raise Rejected("not a JSON object")
                base = merge_maps(base, obj)
            else:
                base = parse_into(kind, expression, base, workdir)
    return base


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def helm_values(case: Case, workdir: Path) -> dict:
    """What `helm template` gives its templates: MergeValues, then CoalesceValues."""
    user = helm_user_values(case, workdir)
    try:
        with helm.Chart.load(case.chart) as chart:
            return chart.merge_values(user)
    except helm.HelmError as error:
        raise Rejected(str(error)) from error


def resolve_set_files(expression: str, case: Case, workdir: Path) -> str:
    for name in case.set_files:
        expression = expression.replace(f"@{name}", str(workdir / name))
    return expression


def write_set_files(case: Case, workdir: Path) -> None:
    for name, text in case.set_files.items():
        (workdir / name).write_text(text)


# ---------------------------------------------------------------- kubegrid's side


@dataclass
class Outcome:
    ok: bool
    values: Any = None
    stdout: str = ""
    stderr: str = ""
    returncode: int = 0


def run_kubegrid(kubegrid: Path, case: Case, workdir: Path, output: str = "json") -> Outcome:
    args = [str(kubegrid), "values", str(case.chart)]
    for index, text in enumerate(case.files):
        path = workdir / f"values-{index}.yaml"
        path.write_text(text)
        args += ["-f", str(path)]
    for kind, expression in case.flags:
        args += [f"--{kind}", resolve_set_files(expression, case, workdir)]
    args += ["--output", output]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=30)
    if proc.returncode == 0:
        values = json.loads(proc.stdout) if output == "json" else None
        return Outcome(True, values, proc.stdout, proc.stderr, 0)
    return Outcome(False, None, proc.stdout, proc.stderr, proc.returncode)


def loose_equal(a: Any, b: Any) -> bool:
    """Equal trees; numbers compare by value, since Helm's float64 1 prints as 1.

    Integers past 2**53 compare at float64 precision: helm_python hands values to
    merge_values as JSON, which Go reads as float64 (real Helm keeps --set's int64).
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) or isinstance(b, float) or max(abs(a), abs(b)) > 2**53:
            return float(a) == float(b) or (math.isnan(float(a)) and math.isnan(float(b)))
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(loose_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(loose_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def describe(case: Case) -> str:
    parts = [f"chart={case.chart.name}"]
    parts += [f"-f <<{text!r}>>" for text in case.files]
    parts += [f"--{kind} {expression!r}" for kind, expression in case.flags]
    return " ".join(parts)


def compare(kubegrid: Path, case: Case, workdir: Path) -> str | None:
    """None when kubegrid and Helm agree (same values, or both reject); else the difference."""
    write_set_files(case, workdir)
    try:
        expected: Any = helm_values(case, workdir)
        helm_error = None
    except Rejected as error:
        expected, helm_error = None, str(error)
    got = run_kubegrid(kubegrid, case, workdir)
    if helm_error is not None:
        if got.ok:
            return f"Helm rejects ({helm_error}) but kubegrid gives {got.values!r}"
        return check_error_shape(got)
    if not got.ok:
        return f"Helm gives {expected!r} but kubegrid fails: {got.stderr.strip()}"
    if not loose_equal(expected, got.values):
        return f"values differ:\n  helm:     {expected!r}\n  kubegrid: {got.values!r}"
    return None


def check_error_shape(got: Outcome) -> str | None:
    """A failure must be exit 1, nothing on stdout, `error: …` on stderr."""
    if got.returncode != 1:
        return f"kubegrid exit code {got.returncode}, expected 1: {got.stderr.strip()}"
    if got.stdout:
        return f"kubegrid wrote to stdout on error: {got.stdout!r}"
    if not got.stderr.startswith("error: "):
        return f"kubegrid stderr does not start with 'error: ': {got.stderr!r}"
    return None
