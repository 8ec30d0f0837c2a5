"""A seeded fuzzer of `kubegrid serve`'s HTTP layer: malformed JSON and YAML bodies, bad
paths and methods, huge and deeply nested bodies, bad selectors and query parameters, slow
clients and half-closed connections. Every answer must be a `metav1.Status` whose code is
the HTTP status (or a success), and the server must stay up.

    python Tests/Parity/serve_fuzz.py [--seed S] [--count N] [KUBEGRID]

Used by test_serve_fuzz.py (a bounded run) and `scripts/fuzz.sh serve COUNT` (longer runs).
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import sys
import tempfile
import time
from pathlib import Path

from serve_process import Serve

RESOURCES = [
    "/api/v1/namespaces/default/pods", "/api/v1/namespaces/default/services", "/api/v1/nodes", "/api/v1/namespaces",
    "/apis/apps/v1/namespaces/default/statefulsets", "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
    "/api/v1/namespaces/default/configmaps", "/api/v1/namespaces/fuzz/configmaps",
]
SUBRESOURCES = ["status", "scale", "eviction", "log", "proxy/v2/info", "binding", "exec", ""]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
CONTENT_TYPES = [
    "application/json", "application/yaml", "application/merge-patch+json", "application/json-patch+json",
    "application/strategic-merge-patch+json", "application/apply-patch+yaml", "text/plain", "",
]
QUERIES = [
    "labelSelector=a%20in%20(b", "labelSelector=!!", "labelSelector=a%3D%3D%3Db", "labelSelector=%28%29",
    "fieldSelector=spec.bogus%3Dx", "fieldSelector=%3D", "fieldSelector=metadata.name", "limit=-1", "limit=abc",
    "continue=%%%", "continue=Zm9v", "watch=true&timeoutSeconds=abc", "watch=true&resourceVersion=-5",
    "watch=true&resourceVersion=1&timeoutSeconds=1", "gracePeriodSeconds=x", "propagationPolicy=Sideways",
    "tailLines=-3", "limitBytes=x", "follow=maybe", "timeoutSeconds=99999999999999999999",
    "dryRun=Some", "dryRun=All&labelSelector=a", "labelSelector=app%3Dx&gracePeriodSeconds=-1", "propagationPolicy=Orphan",
]


def valid_object(rng: random.Random) -> dict:
    name = rng.choice(["a", "fuzz", "x" * 300, "UPPER", "-bad-", ""])
    return rng.choice([
        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": name},
         "spec": {"maxUnavailable": rng.choice([1, "50%", -1, "x", None]), "selector": {"matchLabels": {"a": "b"}}}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name},
         "spec": {"type": rng.choice(["NodePort", "Bogus"]), "ports": [{"port": rng.choice([80, 0, 70000, "x"])}]}},
        {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": name}, "spec": rng.choice([{}, None, 5, []])},
        {"kind": "Eviction", "apiVersion": "policy/v1", "metadata": {"name": name}},
        {"metadata": 5}, [], "text", None, {"spec": {"replicas": "many"}},
    ])


def body(rng: random.Random) -> bytes:
    """A body that is usually broken in some way."""
    kind = rng.randrange(11)
    text = json.dumps(valid_object(rng))
    if kind == 0:
        return text.encode()
    if kind == 1:  # truncated JSON
        return text[: rng.randrange(max(1, len(text)))].encode()
    if kind == 2:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    if kind == 3:  # deep nesting
        depth = rng.choice([100, 1000, 100_000])
        return (("[" * depth) + ("]" * depth)).encode() if rng.random() < 0.5 else ("a:\n" + "".join(" " * i + "- b:\n" for i in range(0, min(depth, 2000))) ).encode()
    if kind == 4:  # YAML garbage: tabs, bad indentation, unclosed flows
        return rng.choice([b"a: [", b"\ta: b", b"a: b\n  c: d\n d: e", b"- - - -", b"{a: b, c", b"%YAML 9.9\n---\na: b", b"a: *nope"])
    if kind == 5:  # aliases that expand (a billion laughs)
        lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for index in range(1, 12):
            lines.append(f"{chr(97 + index)}: &{chr(97 + index)} [" + ", ".join([f"*{chr(96 + index)}"] * 9) + "]")
        return "\n".join(lines).encode()
    if kind == 6:  # several documents
        return b"a: 1\n---\nb: 2\n"
    if kind == 7:  # huge
        return b'{"pad":"' + b"x" * rng.choice([100_000, 3 * 1024 * 1024 + 10]) + b'"}'
    if kind == 8:  # a JSON patch that is not one
        return rng.choice([b'[{"op":"explode","path":"/x"}]', b'[{"op":"add"}]', b'{"op":"add"}', b'[{"op":"replace","path":"/spec/x/y/z","value":1}]'])
    if kind == 9:  # invalid UTF-8 inside JSON
        return b'{"metadata":{"name":"\xff\xfe"}}'
    return b""


def path(rng: random.Random) -> str:
    kind = rng.randrange(8)
    base = rng.choice(RESOURCES)
    if kind == 0:
        return base
    if kind == 1:
        return f"{base}/{rng.choice(['a', 'fuzz', 'prod-insightedge-pu-1-0', '%00', '..', 'x' * 300])}"
    if kind == 2:
        return f"{base}/fuzz/{rng.choice(SUBRESOURCES)}"
    if kind == 3:
        return f"{base}?{rng.choice(QUERIES)}"
    if kind == 4:
        return rng.choice(["/", "/api", "/apis", "/apis/nope", "/api/v9", "/apis/apps/v1/widgets", "/openapi/v3/nope", "/version/x"])
    if kind == 5:
        return "/" + "/".join(rng.choice(["api", "v1", "namespaces", "..", "%2F", "%", "x", ""]) for _ in range(rng.randrange(1, 9)))
    if kind == 6:
        return "/api/v1/namespaces/default/services/" + rng.choice(["x:api", ":", "a:b:c:d", "prod:999"]) + "/proxy/" + rng.choice(["", "v2/info", "../../x"])
    return "/api/v1/" + "x" * rng.choice([10, 2000, 7000])


def check(status: int, raw: bytes, what: str) -> str | None:
    """None when the answer is what the API server would give, else what is wrong."""
    if status < 400:
        return None
    try:
        answer = json.loads(raw)
    except ValueError:
        return f"{what}: {status} without a Status body: {raw[:200]!r}"
    if not isinstance(answer, dict) or answer.get("kind") != "Status" or answer.get("code") != status:
        # The service proxy hands back what the REST Manager said, in its own shape.
        if "/proxy/" in what and isinstance(answer, dict) and answer.get("status") == status:
            return None
        return f"{what}: {status} with {raw[:200]!r}"
    return None


def one_request(serve: Serve, rng: random.Random) -> str | None:
    method = rng.choice(METHODS)
    target = path(rng)
    data = body(rng) if method in ("POST", "PUT", "PATCH", "DELETE") or rng.random() < 0.1 else None
    headers = serve.headers(rng.choice(CONTENT_TYPES))
    if rng.random() < 0.05:
        headers.pop("Authorization")
    if "watch=true" in target or "follow" in target:
        target += "&timeoutSeconds=1"
    connection = serve.connection(timeout=30)
    try:
        connection.request(method, target, data, headers)
        response = connection.getresponse()
        raw = response.read()
        return check(response.status, raw, f"{method} {target[:120]} ({len(data or b'')} bytes)")
    except (ConnectionError, socket.timeout, OSError) as error:
        return f"{method} {target[:120]}: {error}"
    finally:
        connection.close()


def slow_client(serve: Serve, rng: random.Random) -> str | None:
    """Sends a request a few bytes at a time, and checks others are answered meanwhile."""
    request = (f"GET /api/v1/nodes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {serve.token}\r\n\r\n").encode()
    with socket.create_connection((serve.host, serve.port), timeout=10) as slow:
        for start in range(0, len(request), 7):
            slow.sendall(request[start : start + 7])
            time.sleep(0.01)
            if start == 14 and not serve.alive():
                return "the server stopped answering while a slow client was sending"
        answer = slow.recv(65536)
        if not answer.startswith(b"HTTP/1.1 200"):
            return f"slow client: {answer[:100]!r}"
    return None


def half_closed(serve: Serve, rng: random.Random) -> str | None:
    """Sends part of a request (or a body shorter than its Content-Length) and closes its side."""
    pieces = [
        b"GET /api/v1/nod",
        f"POST /api/v1/namespaces HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {serve.token}\r\nContent-Length: 100\r\n\r\n{{".encode(),
        b"GARBAGE\r\n\r\n",
        f"GET /api/v1/pods?watch=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {serve.token}\r\n\r\n".encode(),
    ]
    with socket.create_connection((serve.host, serve.port), timeout=10) as connection:
        connection.sendall(rng.choice(pieces))
        connection.shutdown(socket.SHUT_WR)
        try:
            connection.recv(4096)
        except OSError:
            pass
    return None if serve.alive() else "the server stopped answering after a half-closed connection"


def fuzz(serve: Serve, seed: int, count: int, progress=None) -> list[str]:
    rng = random.Random(seed)
    problems: list[str] = []
    for index in range(count):
        roll = rng.random()
        problem = slow_client(serve, rng) if roll < 0.02 else half_closed(serve, rng) if roll < 0.05 else one_request(serve, rng)
        if problem:
            problems.append(problem)
        if index % 50 == 49:
            if not serve.alive():
                problems.append(f"the server is down after {index + 1} requests")
                break
            if progress:
                progress(index + 1, len(problems))
    if serve.process.poll() is not None:
        problems.append(f"the server exited with {serve.process.returncode}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kubegrid", nargs="?", default=str(Path(__file__).resolve().parents[2] / ".build/debug/kubegrid"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--count", type=int, default=5000)
    options = parser.parse_args()
    serve = Serve(options.kubegrid, Path(tempfile.mkdtemp(prefix="serve-fuzz-")))
    print(f"fuzzing {serve.url}: seed {options.seed}, {options.count} requests", flush=True)
    try:
        problems = fuzz(serve, options.seed, options.count,
                        progress=lambda done, bad: print(f"\r{done}/{options.count} requests, {bad} problems", end="", flush=True))
    finally:
        serve.stop()
    print()
    for problem in problems[:50]:
        print(problem)
    print(f"{len(problems)} problems (seed {options.seed})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
