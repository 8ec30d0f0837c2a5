"""Starting and stopping a `kubegrid serve` process for tests, the fuzzer and benchmarks, and
plain HTTP requests to it with the kubeconfig's token."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
from pathlib import Path

import yaml


class Serve:
    """One `kubegrid serve --port 0` in `folder`; `stop()` sends SIGINT and returns its stdout."""

    def __init__(self, kubegrid: str, folder: Path, *flags: str):
        self.kubeconfig = folder / "kubeconfig"
        self.process = subprocess.Popen(
            [str(Path(kubegrid).resolve()), "serve", "--port", "0", "--kubeconfig", str(self.kubeconfig), *flags],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        line = self.process.stderr.readline()
        if "listening on http://" not in line:
            self.process.kill()
            raise RuntimeError(f"kubegrid serve did not start: {line}{self.process.stderr.read()}")
        self.url = line.split("listening on ")[1].split(" ")[0]
        self.host, port = self.url.removeprefix("http://").split(":")
        self.port = int(port)
        self.token = yaml.safe_load(self.kubeconfig.read_text())["users"][0]["user"]["token"]

    def connection(self, timeout: float = 30) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def headers(self, content_type: str = "application/json") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": content_type}

    def request(self, method: str, path: str, body=None, content_type: str = "application/json"):
        """(status, parsed JSON body or text) of one request on a fresh connection."""
        connection = self.connection()
        try:
            data = json.dumps(body) if isinstance(body, (dict, list)) else body
            connection.request(method, path, data, self.headers(content_type))
            response = connection.getresponse()
            text = response.read()
            try:
                return response.status, json.loads(text)
            except ValueError:
                return response.status, text.decode(errors="replace")
        finally:
            connection.close()

    def alive(self) -> bool:
        return self.process.poll() is None and self.request("GET", "/version")[0] == 200

    def stop(self, timeout: float = 120) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out
