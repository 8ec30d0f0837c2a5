"""Random `--set`-family expressions from a small grammar, kubegrid against Helm v4.

The grammar favours the corners: few key names (so paths collide), indexes near the
edges, escapes, stray brackets and commas, and values of every type. The seed is fixed
(KUBEGRID_SEED overrides it) and printed with every failing input.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from helm_oracle import Case, NotCheckable, compare, describe

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "charts"
SEED = int(os.environ.get("KUBEGRID_SEED", "20240611"))
CASES = int(os.environ.get("KUBEGRID_RANDOM_CASES", "400"))

KEYS = ["a", "b", "c", "x\\.y", "k\\=v", "\u00e9", "1", "", "a\\[0\\]", "sp ace"]
INDEXES = ["0", "1", "2", "3", "-1", "x", "01", "", "+1", "65537", " 1"]
SCALARS = [
    "1", "0", "00", "-5", "+5", "true", "False", "NULL", "x", "1.5", "", " y", "a\\,b",
    "b\\\\", "\\{z", "9223372036854775808", "0x1F", "fal\u017fe", "=", "a=b", "\u65e5",
]
JSON_VALUES = [
    "1", "-2", '"s"', "null", "true", "[1,2]", '{"k":1}', "", " ", "1.5", "1e2", "tru",
    '"x"y', '{"a":', "[", '"\\u00e9"', '{"k":{"l":[null,false]}}', "12345678901234567890",
    "truex", "01", "-0", "nullnull", "0.5e1",
]
NOISE = list("=.[],{}\\ ") + ["=="]


def key_path(rng: random.Random) -> str:
    path = rng.choice(KEYS[:6]) if rng.random() < 0.8 else rng.choice(KEYS)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        if rng.random() < 0.6:
            path += "." + rng.choice(KEYS[:6])
        else:
            path += "[" + rng.choice(INDEXES[:4] if rng.random() < 0.8 else INDEXES) + "]"
    return path


def value(rng: random.Random, kind: str, files: list[str]) -> str:
    if kind == "set-json":
        return rng.choice(JSON_VALUES)
    if kind == "set-file":
        return rng.choice(files + ["/nonexistent/kubegrid", ""])
    roll = rng.random()
    if roll < 0.2:
        items = ",".join(rng.choice(SCALARS[:12]) for _ in range(rng.randint(0, 3)))
        return "{" + items + ("}" if rng.random() < 0.9 else "")
    return rng.choice(SCALARS)


def expression(rng: random.Random, kind: str, files: list[str]) -> str:
    if kind == "set-literal":
        text = key_path(rng) + "=" + rng.choice(SCALARS) + rng.choice(["", ",b=2", ".c"])
    else:
        parts = []
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.92:
                parts.append(key_path(rng) + "=" + value(rng, kind, files))
            else:
                parts.append(key_path(rng))
        text = ",".join(parts)
    if rng.random() < 0.15:
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(NOISE) + text[at:]
    return text


def random_case(rng: random.Random, files: list[str]) -> Case:
    kinds = ["set", "set", "set", "set-string", "set-json", "set-json", "set-file", "set-literal"]
    flags = [
        (kind, expression(rng, kind, files))
        for kind in (rng.choice(kinds) for _ in range(1 if rng.random() < 0.7 else 2))
    ]
    value_files = []
    if rng.random() < 0.15:
        value_files.append(rng.choice(["a: {b: 1}\n", "a: [1, 2]\n", "b: x\n", "c: null\n", "a: 1\n"]))
    chart = FIXTURES / ("defaults" if rng.random() < 0.2 else "empty")
    return Case(chart=chart, files=value_files, flags=flags)


def test_random_expressions_match_helm(kubegrid, tmp_path):
    rng = random.Random(SEED)
    files = []
    for name, text in [("f1.txt", "one"), ("f2.txt", "two\nlines\n")]:
        (tmp_path / name).write_text(text)
        files.append(str(tmp_path / name))
    failures, checked, redrawn = [], 0, 0
    while checked < CASES:
        case = random_case(rng, files)
        workdir = tmp_path / f"case-{checked}-{redrawn}"
        workdir.mkdir()
        try:
            difference = compare(kubegrid, case, workdir)
        except NotCheckable:
            # The oracle cannot rebuild Helm's answer for this mix of flags: draw again.
            redrawn += 1
            continue
        checked += 1
        if difference is not None:
            failures.append(f"case {checked}: {describe(case)}\n  {difference}")
    print(f"seed {SEED}: {checked} random cases checked, {redrawn} redrawn")
    assert not failures, f"seed {SEED}: {len(failures)} of {checked} differ:\n" + "\n".join(failures[:15])
