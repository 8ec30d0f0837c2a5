"""One `kubegrid serve` per test module for the real kubectl 1.32 to drive, and kubectl run
against it: the transcript tests share this instead of each starting its own copy."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time

import pytest

from conftest import KUBEGRID, ROOT

KUBECTL = shutil.which("kubectl")


def serve_session(tmp_path_factory, name, *flags):
    """Yields {process, kubeconfig, url, folder} of a server started in a fresh folder, and
    stops it with SIGINT (as a user would) once the module is done."""
    if KUBECTL is None:
        pytest.fail("kubectl is not on PATH: the kubegrid serve transcript tests need the real kubectl 1.32 binary")
    folder = tmp_path_factory.mktemp(name)
    kubeconfig = folder / "kubeconfig"
    process = subprocess.Popen(
        [str(KUBEGRID), "serve", "--port", "0", "--kubeconfig", str(kubeconfig), *flags],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stderr.readline()
    assert line.startswith("kubegrid serve: listening on http://127.0.0.1:"), line
    assert line.rstrip().endswith(f"(kubeconfig {kubeconfig})"), line
    url = line.split("listening on ")[1].split(" ")[0]
    yield {"process": process, "kubeconfig": kubeconfig, "url": url, "folder": folder}
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def kubectl(server, *args, input=None, check=True, timeout=120):
    """kubectl with the server's kubeconfig; asserts success unless `check` is False."""
    result = subprocess.run(
        [KUBECTL, "--kubeconfig", str(server["kubeconfig"]), *args],
        input=input, capture_output=True, text=True, timeout=timeout,
    )
    if check:
        assert result.returncode == 0, f"kubectl {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def eventually(condition, timeout=60, message="condition"):
    """Polls `condition` until it returns something true (returned), or fails the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"{message} did not happen within {timeout}s")


def render_ha_example() -> str:
    """The HA umbrella example rendered as release `prod`: what the transcripts apply."""
    return subprocess.run(
        [str(KUBEGRID), "render", "insightedge", "--name", "prod", "-f", str(ROOT / "examples/umbrella-production-ha.yaml")],
        capture_output=True, text=True, check=True,
    ).stdout
