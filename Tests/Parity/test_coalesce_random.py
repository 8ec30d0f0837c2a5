"""Random charts (defaults, nulls, subcharts, globals) and random user values files,
`kubegrid values` against Helm v4's CoalesceValues. Fixed seed, printed on failure.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from helm_oracle import Case, compare, describe

SEED = int(os.environ.get("KUBEGRID_SEED", "7"))
CASES = int(os.environ.get("KUBEGRID_COALESCE_CASES", "150"))

KEYS = ["a", "b", "c", "d"]


def tree(rng: random.Random, depth: int, extra_keys: list[str]) -> dict:
    out = {}
    for key in rng.sample(KEYS + extra_keys, rng.randint(0, 3 + len(extra_keys))):
        out[key] = leaf_or_tree(rng, depth)
    return out


def leaf_or_tree(rng: random.Random, depth: int):
    roll = rng.random()
    if depth > 0 and roll < 0.4:
        return tree(rng, depth - 1, [])
    if roll < 0.55:
        return None
    if roll < 0.7:
        return rng.randint(0, 3)
    if roll < 0.85:
        return rng.choice(["s", "t"])
    return [rng.randint(0, 2) for _ in range(rng.randint(0, 2))]


def values_with_globals(rng: random.Random, subcharts: list[str]) -> dict:
    values = tree(rng, 3, [])
    if rng.random() < 0.6:
        values["global"] = tree(rng, 2, []) if rng.random() < 0.9 else leaf_or_tree(rng, 0)
    for name in subcharts:
        if rng.random() < 0.5:
            values[name] = tree(rng, 2, ["global"]) if rng.random() < 0.85 else leaf_or_tree(rng, 0)
    return values


def write_chart(path: Path, name: str, rng: random.Random, depth: int) -> None:
    path.mkdir(parents=True)
    (path / "Chart.yaml").write_text(f"apiVersion: v2\nname: {name}\nversion: 0.1.0\n")
    subcharts = [f"{name}s{i}" for i in range(rng.choice([0, 1, 1, 2]) if depth > 0 else 0)]
    if rng.random() < 0.85:
        (path / "values.yaml").write_text(json.dumps(values_with_globals(rng, subcharts)))
    for sub in subcharts:
        write_chart(path / "charts" / sub, sub, rng, depth - 1)


def test_random_charts_coalesce_like_helm(kubegrid, tmp_path):
    rng = random.Random(SEED)
    failures = []
    for index in range(CASES):
        workdir = tmp_path / f"case-{index}"
        chart = workdir / "chart"
        write_chart(chart, "p", rng, 2)
        subcharts = [entry.name for entry in (chart / "charts").iterdir()] if (chart / "charts").is_dir() else []
        user = values_with_globals(rng, subcharts)
        case = Case(chart=chart, files=[json.dumps(user)])
        difference = compare(kubegrid, case, workdir)
        if difference is not None:
            defaults = (chart / "values.yaml").read_text() if (chart / "values.yaml").exists() else "-"
            failures.append(f"case {index}: {describe(case)} defaults={defaults}\n  {difference}")
    print(f"seed {SEED}: {CASES} random charts checked")
    assert not failures, f"seed {SEED}: {len(failures)} of {CASES} differ:\n" + "\n".join(failures[:10])
