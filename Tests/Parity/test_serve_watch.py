"""`kubegrid serve`'s watches, read from its window of changes: resourceVersion semantics
(none or "0" = the objects now, then changes; N = right after N), bookmarks, 410 Gone once N
fell out of the window, timeoutSeconds, selectors, and the PyPI
`kubernetes` client's watch resuming from a resourceVersion."""

from __future__ import annotations

import json
import time

import pytest

from conftest import KUBEGRID
from serve_process import Serve

BUDGETS = "/apis/policy/v1/namespaces/default/poddisruptionbudgets"


def budget(name, app="w", unavailable=1):
    return {
        "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": name, "labels": {"app": app}},
        "spec": {"maxUnavailable": unavailable, "selector": {"matchLabels": {"app": app}}},
    }


@pytest.fixture(scope="module")
def serve(tmp_path_factory):
    # A small window, so a watch can fall out of it in a test.
    server = Serve(KUBEGRID, tmp_path_factory.mktemp("watch"), "--watch-cache-size", "50")
    yield server
    server.stop()


def watch(serve, query, stop_after=None, seconds=5):
    """The events of one watch, read until `stop_after` events or the stream ends."""
    connection = serve.connection(timeout=seconds + 10)
    connection.request("GET", f"{BUDGETS}?watch=true&{query}", headers=serve.headers())
    response = connection.getresponse()
    assert response.status == 200
    events = []
    while stop_after is None or len(events) < stop_after:
        line = response.readline()
        if not line:
            break
        events.append(json.loads(line))
    connection.close()
    return events


def test_a_watch_from_a_lists_version_sees_only_later_changes(serve):
    assert serve.request("POST", BUDGETS, budget("first"))[0] == 201
    status, listed = serve.request("GET", BUDGETS)
    version = listed["metadata"]["resourceVersion"]
    assert serve.request("POST", BUDGETS, budget("second"))[0] == 201
    assert serve.request("PATCH", f"{BUDGETS}/first", {"spec": {"maxUnavailable": 2}}, "application/merge-patch+json")[0] == 200
    assert serve.request("DELETE", f"{BUDGETS}/second")[0] == 200
    events = watch(serve, f"resourceVersion={version}", stop_after=3)
    assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == [
        ("ADDED", "second"), ("MODIFIED", "first"), ("DELETED", "second"),
    ]
    versions = [int(e["object"]["metadata"]["resourceVersion"]) for e in events]
    assert versions == sorted(versions) and versions[0] > int(version)
    assert events[1]["object"]["spec"]["maxUnavailable"] == 2


def test_a_watch_without_a_version_starts_with_the_objects(serve):
    events = watch(serve, "resourceVersion=0&timeoutSeconds=1")
    assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == [("ADDED", "first")]


def test_timeout_ends_the_watch_with_a_bookmark(serve):
    started = time.monotonic()
    events = watch(serve, "resourceVersion=0&timeoutSeconds=1&allowWatchBookmarks=true")
    assert time.monotonic() - started < 5
    assert events[-1]["type"] == "BOOKMARK"
    bookmark = events[-1]["object"]
    assert bookmark["kind"] == "PodDisruptionBudget" and int(bookmark["metadata"]["resourceVersion"]) > 0
    assert "spec" not in bookmark


def test_send_initial_events_ends_them_with_an_annotated_bookmark(serve):
    events = watch(serve, "sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan", stop_after=2)
    assert events[0]["type"] == "ADDED"
    assert events[1]["type"] == "BOOKMARK"
    assert events[1]["object"]["metadata"]["annotations"] == {"k8s.io/initial-events-end": "true"}


def test_a_label_selector_filters_the_watch(serve):
    _, listed = serve.request("GET", BUDGETS)
    version = listed["metadata"]["resourceVersion"]
    serve.request("POST", BUDGETS, budget("other", app="other"))
    serve.request("POST", BUDGETS, budget("mine", app="mine"))
    events = watch(serve, f"resourceVersion={version}&labelSelector=app%3Dmine", stop_after=1)
    assert [e["object"]["metadata"]["name"] for e in events] == ["mine"]


def test_a_version_older_than_the_window_is_410_gone(serve):
    _, listed = serve.request("GET", BUDGETS)
    old = int(listed["metadata"]["resourceVersion"])
    for index in range(60):
        serve.request("POST", BUDGETS, budget(f"flood-{index}", app="flood"))
    events = watch(serve, f"resourceVersion={old}", stop_after=1)
    assert events[0]["type"] == "ERROR"
    status = events[0]["object"]
    assert (status["kind"], status["code"], status["reason"]) == ("Status", 410, "Expired")
    assert status["message"].startswith(f"too old resource version: {old} (")


def test_bad_watch_parameters_are_400(serve):
    for query in ("resourceVersion=abc", "timeoutSeconds=-1", "labelSelector=a%20in%20(b"):
        status, body = serve.request("GET", f"{BUDGETS}?watch=true&{query}")
        assert status == 400 and body["kind"] == "Status" and body["reason"] == "BadRequest", (query, body)


def test_the_python_client_watch_resumes_from_a_version(serve):
    kubernetes = pytest.importorskip("kubernetes")
    from kubernetes import client, config, watch as kube_watch

    api = client.PolicyV1Api(config.new_client_from_config(str(serve.kubeconfig)))
    version = api.list_namespaced_pod_disruption_budget("default").metadata.resource_version
    api.create_namespaced_pod_disruption_budget("default", budget("from-python", app="py"))
    seen = []
    for event in kube_watch.Watch().stream(
        api.list_namespaced_pod_disruption_budget, "default", resource_version=version, timeout_seconds=2
    ):
        seen.append((event["type"], event["object"].metadata.name))
    assert seen == [("ADDED", "from-python")]
    assert kubernetes
