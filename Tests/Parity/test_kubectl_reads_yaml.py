"""kubectl, the real reader of kubegrid's output, reads every value as kubegrid meant it.

Kubernetes reads manifests with YAML 1.1 rules, where `yes`, `0755`, `1e3` and `12:30`
are not strings. kubegrid's YAML is parsed by the real `kubectl` (offline, through
`kubectl label --local`) and every object must equal the same render as JSON, which has
no such ambiguity.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import KUBEGRID, ROOT

KUBECTL = shutil.which("kubectl")
if KUBECTL is None:
    raise pytest.UsageError("kubectl is not on PATH; install it to run this test")

TRICKY = ["yes", "no", "on", "off", "y", "n", "true", "null", "~", "0755", "1e3", "1_000", "12:30",
          "0x1F", ".inf", "2001-12-14", "-1", "+1", "15.5", "", "- x", "a: b", "#c", "&a", "multi\nline"]

CASES = [
    ["insightedge-pu", "--set", "partitions=2,ha=true,antiAffinity.enabled=true,service.type=NodePort,"
     "service.lrmi.enabled=true,service.lrmi.initialNodePort=31200,readinessProbe.enabled=true"],
    ["insightedge-manager", "--set", "ha=true,service.type=NodePort,service.api.nodePort=30890"],
    ["insightedge", "-f", "examples/umbrella-production-ha.yaml"],
    ["insightedge-pu", "--set", "instances=2,schema=sync_replicated,memoryXtendVolume.enabled=false"],
] + [
    ["insightedge-pu", "--set", "partitions=1", "--set-string", f"license={text},java.options={text},image.tag={text}",
     "--set-literal", f"nodeSelector.disk={text}", "--set-literal", f"properties={text}"]
    for text in TRICKY if "," not in text and "=" not in text
]


def render(arguments, output):
    done = subprocess.run([str(KUBEGRID), "render", "--name", "check", *arguments, "--output", output],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def kubectl_objects(yaml_text):
    """Every object as kubectl reads it (kubectl adds one label, which is taken off again)."""
    done = subprocess.run([KUBECTL, "label", "--local", "-f", "-", "-o", "json", "kubegrid-check=yes"],
                          input=yaml_text, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    decoder, text, index, objects = json.JSONDecoder(), done.stdout, 0, []
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index == len(text):
            break
        document, index = decoder.raw_decode(text, index)
        objects.extend(document["items"] if document.get("kind") == "List" else [document])
    for item in objects:
        del item["metadata"]["labels"]["kubegrid-check"]
    return objects


@pytest.mark.parametrize("arguments", CASES, ids=lambda a: " ".join(a)[:80])
def test_kubectl_reads_the_yaml_as_the_json_says(arguments):
    expected = json.loads(render(arguments, "json"))["items"]
    assert kubectl_objects(render(arguments, "yaml")) == expected
