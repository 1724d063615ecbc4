"""A real OpenSearch node for the end-to-end tests.

tests/opensearch/ is a small Java launcher: core OpenSearch 2.19 and its
HTTP transport from Maven Central, one node on loopback, no security
plugin, data in a temporary folder. `.ci/run` builds it:

    mvn -q -B -f tests/opensearch/pom.xml package

Starting it waits for the launcher's "READY <port>" line (a condition, not
a sleep); closing its standard input stops it.
"""

import json
import os
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "tests" / "opensearch"
# A 2-core machine: a small heap and the serial collector.
JVM_FLAGS = ["-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"]


def built():
    return (LAUNCHER / "target" / "classpath.txt").exists() and (LAUNCHER / "target" / "classes").exists()


class OpenSearchNode:
    """The node binds its own HTTP port (0: any free one) and says which,
    so no port is chosen here and then raced for."""

    def __init__(self):
        self.port = None
        self.url = None
        self.started_in = None
        self.proc = None

    def __enter__(self):
        classpath = (LAUNCHER / "target" / "classpath.txt").read_text().strip()
        classpath += os.pathsep + str(LAUNCHER / "target" / "classes")
        log = open(ROOT / "target" / "opensearch-node.log", "w")
        start = time.monotonic()
        self.proc = subprocess.Popen(
            ["java", *JVM_FLAGS, "-cp", classpath, "ltf.OpenSearchNode", "0"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
        )
        # The launcher prints READY once HTTP answers; it exits on failure,
        # which ends stdout. Either way readline returns.
        for line in self.proc.stdout:
            if line.startswith("READY "):
                self.port = int(line.split()[1])
                break
        else:
            log.close()
            tail = Path(log.name).read_text().splitlines()[-20:]
            raise RuntimeError("the OpenSearch node did not start:\n" + "\n".join(tail))
        self.url = f"http://127.0.0.1:{self.port}"
        self.started_in = time.monotonic() - start
        return self

    def __exit__(self, *exc):
        self.proc.stdin.close()
        self.proc.wait(timeout=60)

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def request(self, method, path, body=None, ndjson=False):
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/x-ndjson" if ndjson else "application/json")
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read() or b"null")

    def bulk_index(self, index, docs):
        """Indexes documents as Firehose's OpenSearch destination does, one
        document per record; returns the bulk response's item errors."""
        lines = []
        for d in docs:
            lines.append(json.dumps({"index": {"_index": index}}))
            lines.append(d if isinstance(d, str) else json.dumps(d))
        result = self.request("POST", "/_bulk?refresh=true", "\n".join(lines) + "\n", ndjson=True)
        return [item["index"]["error"] for item in result["items"] if "error" in item["index"]]
