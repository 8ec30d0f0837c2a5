"""Random value combinations, seeded, rendered by real Helm v4 and by kubegrid.

The table in test_render_parity.py names each case; this module mixes the same keys
at random (valid and invalid together, releases near the name limits) so that a rule
one side forgets shows up. Both must accept or both refuse; accepted, the objects match.
"""

from __future__ import annotations

import random

import pytest

from render_support import Case, helm_render, kubegrid_render, object_differences

M, P, U = "insightedge-manager", "insightedge-pu", "insightedge"
SEED = 20261121
COUNT = 100


def space_values(rnd: random.Random) -> dict:
    def maybe(p: float) -> bool:
        return rnd.random() < p

    values: dict = {}
    if maybe(0.7):
        values["partitions"] = rnd.choice([1, 2, 3, 10, 0, "2"])
    if maybe(0.2):
        values["instances"] = rnd.choice([1, 2, 3])
    if maybe(0.5):
        values["ha"] = rnd.choice([True, False])
    if maybe(0.4):
        values["antiAffinity"] = {"enabled": rnd.choice([True, False]),
                                  "topology": rnd.choice(["kubernetes.io/hostname", "topology.kubernetes.io/zone"])}
    lrmi: dict = {}
    if maybe(0.6):
        lrmi["enabled"] = rnd.choice([True, False])
    if maybe(0.4):
        lrmi["initialNodePort"] = rnd.choice([30000, 31000, 32760, 32767, None])
    if maybe(0.1):
        lrmi["InitialNodePort"] = rnd.choice([30000, 31000, None])
    service: dict = {"lrmi": lrmi} if lrmi else {}
    if maybe(0.6):
        service["type"] = rnd.choice(["LoadBalancer", "NodePort", "ClusterIP"])
    if service:
        values["service"] = service
    if maybe(0.2):
        values["memoryXtendVolume"] = {"enabled": rnd.choice([True, False]),
                                       "volumeClaimTemplate": {"storage": rnd.choice(["1Gi", None, "x"])}}
    if maybe(0.2):
        values["podDisruptionBudget"] = {"enabled": rnd.choice([True, False])}
    if maybe(0.2):
        values["manager"] = {"name": rnd.choice(["grid", "a-insightedge-manager", ""])}
    if maybe(0.2):
        values["fullnameOverride"] = rnd.choice(["x", "s" * 48, "s" * 50, ""])
    if maybe(0.2):
        values["schema"] = rnd.choice(["partitioned", "sync_replicated", None])
    # Nulls (unset: the default applies) and the keys of GigaSpaces' own charts.
    if maybe(0.2):
        values["java"] = {"heap": rnd.choice(["1g", None]), "options": rnd.choice(["-Da=1", None])}
    if maybe(0.15):
        values["enableExternalClient"] = rnd.choice([True, False, None])
    if maybe(0.1):
        values.setdefault("service", {})["port"] = rnd.choice([8300, None])
    if maybe(0.1):
        values["ha"] = None
    return values


def manager_values(rnd: random.Random) -> dict:
    values: dict = {}
    if rnd.random() < 0.5:
        values["ha"] = rnd.choice([True, False])
    service: dict = {}
    if rnd.random() < 0.6:
        service["type"] = rnd.choice(["LoadBalancer", "NodePort", "ClusterIP"])
    for port in ["api", "lus", "lrmi"]:
        if rnd.random() < 0.4:
            settings: dict = {"nodePort": rnd.choice([30000, 30001, 31000, 31001, 32767, None])}
            if port != "api" and rnd.random() < 0.5:
                settings["enabled"] = rnd.choice([True, False])
            service[port] = settings
    if service:
        values["service"] = service
    if rnd.random() < 0.2:
        values["fullnameOverride"] = rnd.choice(["m", "m" * 52, "m" * 53])
    if rnd.random() < 0.15:
        values["enableExternalClient"] = rnd.choice([True, False])
    if rnd.random() < 0.15:
        values["hs"] = {"ports": {"zkClient": rnd.choice([12181, None]), "lookupService": 14174}}
    if rnd.random() < 0.1:
        values.setdefault("service", {})["ports"] = {"lus": {"port": rnd.choice([30174, 4174])}}
    if rnd.random() < 0.1:
        values["livenessProbe"] = None
    return values


def random_cases() -> list[Case]:
    rnd = random.Random(SEED)
    cases = []
    for index in range(COUNT):
        chart = rnd.choice([M, P, U])
        if chart == M:
            values = manager_values(rnd)
        elif chart == P:
            values = space_values(rnd)
        else:
            values = {"manager": manager_values(rnd), "pu": space_values(rnd)}
        release = rnd.choice(["t", "grid", "a" * 30, "a" * 36, "prod-insightedge-pu"])
        cases.append(Case(f"random-{index}", chart, values, release=release))
    return cases


CASES = random_cases()
OUTCOMES: dict[str, bool] = {}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_random_values_render_alike(case):
    helm_side, kubegrid_side = helm_render(case), kubegrid_render(case)
    assert (helm_side.error is None) == (kubegrid_side.error is None), (
        f"values {case.values_text}\nhelm: {helm_side.error}\nkubegrid: {kubegrid_side.error}")
    OUTCOMES[case.id] = helm_side.error is None
    if helm_side.error is None:
        differences = object_differences(helm_side.objects, kubegrid_side.objects)
        assert not differences, "\n".join(differences)


def test_random_cases_hit_both_outcomes():
    """Runs after the cases above (pytest keeps file order): neither side of the mix is empty."""
    if len(OUTCOMES) < COUNT:
        pytest.skip("run together with the random cases")
    accepted = sum(OUTCOMES.values())
    assert 0.2 * COUNT < accepted < 0.8 * COUNT, accepted
