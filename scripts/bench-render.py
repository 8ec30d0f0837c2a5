#!/usr/bin/env python3
"""Render benchmark for issue 3: kubegrid render against Helm v4 and libyaml's emission floor.

    .venv/bin/python scripts/bench-render.py [--runs N]

Needs a release build (`make release`) and the test venv (`make venv`). Prints, for a
4,096-partition and a 512-partition HA Space with lrmi NodePort services:
  - the whole `kubegrid render` process, best of N runs, and its peak memory;
  - Helm v4's in-process render (`helm_python.Chart.render`, timed around the call);
  - libyaml's raw emission of the same bytes (Benchmarks/EmissionFloor);
and the cold start of rendering the default chart. Each figure is checked against the
issue's target and marked PASS or FAIL.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KUBEGRID = os.environ.get("KUBEGRID", os.path.join(ROOT, ".build/release/kubegrid"))
FLOOR = os.path.join(ROOT, ".build/release/yaml-emission-floor")
CHART = os.path.join(ROOT, "charts/insightedge-pu")


def values(partitions, initial_node_port=None):
    lrmi = {"enabled": True}
    if initial_node_port is not None:
        lrmi["initialNodePort"] = initial_node_port
    return {
        "partitions": partitions, "ha": True, "antiAffinity": {"enabled": True},
        "service": {"type": "NodePort", "lrmi": lrmi},
    }


def set_flags(v):
    flags = f"partitions={v['partitions']},ha=true,antiAffinity.enabled=true,service.type=NodePort,service.lrmi.enabled=true"
    if "initialNodePort" in v["service"]["lrmi"]:
        flags += f",service.lrmi.initialNodePort={v['service']['lrmi']['initialNodePort']}"
    return ["--set", flags]


def run_kubegrid(args, runs):
    best, output, peak = float("inf"), b"", 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([KUBEGRID, *args], capture_output=True)
        best = min(best, time.perf_counter() - start)
        output = done.stdout
        if done.returncode != 0:
            sys.exit(f"kubegrid failed: {done.stderr.decode()}")
    timed = subprocess.run(["/usr/bin/time", "-f", "%M", KUBEGRID, *args], capture_output=True)
    peak = int(timed.stderr.decode().strip().splitlines()[-1])
    return best, output, peak


def helm_render(v, runs):
    try:
        import helm_python
    except ImportError:
        return None
    if not os.path.isdir(os.path.join(CHART, "templates")):
        return None
    chart = helm_python.Chart.load(CHART)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        chart.render(v, name="bench", namespace="default")
        best = min(best, time.perf_counter() - start)
    return best


def emission_floor(output):
    with tempfile.NamedTemporaryFile(suffix=".yaml") as file:
        file.write(output)
        file.flush()
        text = subprocess.run([FLOOR, file.name, "5"], capture_output=True, text=True, check=True).stdout
    microseconds = int(re.search(r"in (\d+) µs", text).group(1))
    return microseconds / 1e6


def verdict(ok):
    return "PASS" if ok else "FAIL"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for binary in (KUBEGRID, FLOOR):
        if not os.path.exists(binary):
            sys.exit(f"{binary} is missing: run `make release` first")
    failed = False

    overflow = subprocess.run([KUBEGRID, "render", "insightedge-pu", "--name", "bench", *set_flags(values(4096, 30000))],
                              capture_output=True, text=True)
    ok = overflow.returncode == 1 and overflow.stdout == "" and "8192 instance services need 8192 node ports" in overflow.stderr
    failed |= not ok
    print(f"4096 partitions with initialNodePort 30000 is an error: {verdict(ok)} ({overflow.stderr.strip()[:100]}…)")

    for partitions, port, helm_factor in ((4096, None, 3.0), (512, 30000, 1.5)):
        v = values(partitions, port)
        seconds, output, peak = run_kubegrid(["render", "insightedge-pu", "--name", "bench", *set_flags(v)], runs)
        objects = output.count(b"\nkind: ")
        megabytes = len(output) / 1e6
        floor = emission_floor(output)
        helm = helm_render(v, runs)
        print(f"\n{partitions} partitions: {objects} objects, {megabytes:.1f} MB of YAML")
        print(f"  kubegrid render (whole process): {seconds * 1000:7.1f} ms  ({megabytes / seconds:.0f} MB/s), peak memory {peak / 1024:.1f} MB")
        print(f"  libyaml emission floor:          {floor * 1000:7.1f} ms  -> kubegrid is {seconds / floor:.2f}x the floor "
              f"(target <= 2x): {verdict(seconds <= 2 * floor)}")
        failed |= seconds > 2 * floor
        if helm is None:
            print("  helm v4 in-process render:       unavailable (no helm_python or no chart templates)")
        else:
            print(f"  helm v4 in-process render:       {helm * 1000:7.1f} ms  -> kubegrid is {helm / seconds:.2f}x faster "
                  f"(target >= {helm_factor}x): {verdict(helm / seconds >= helm_factor)}")
            failed |= helm / seconds < helm_factor
        if partitions == 4096:
            print(f"  peak memory under 64 MB: {verdict(peak < 64 * 1024)}")
            failed |= peak >= 64 * 1024

    cold = min(run_kubegrid(["render", "insightedge-pu", "--name", "testspace"], 1)[0] for _ in range(20))
    print(f"\ndefault chart, cold start: {cold * 1000:.1f} ms (target < 20 ms): {verdict(cold < 0.020)}")
    failed |= cold >= 0.020
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
