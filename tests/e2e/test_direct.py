"""End to end, the direct path: the release binary's `invoke` with
OPENSEARCH_ENDPOINT sends `_bulk` requests (SigV4-signed, gzip) to a real
OpenSearch node, with moto's S3 as the backup bucket. In front of the node
a small proxy can answer 429 for whole calls and for single items, as a
busy domain does, and records every item it was sent.

    .venv/bin/pytest tests/e2e/test_direct.py -q
"""

import gzip
import json
import os
import subprocess
import threading
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest

from firehose_gate import GatedMoto
from opensearch_node import OpenSearchNode, built as opensearch_built
from test_e2e import event

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release" / "logs-to-firehose"
BUCKET = "direct-backup"
TEMPLATE = json.loads((ROOT / "opensearch" / "index-template.json").read_text())
# Each from a log stream of its own (seed-per-record.json is seed.json's
# stream again, its events under the same ids, so it is left out here).
SAMPLES = ["seed.json", "lambda-runtime.json", "json-lines.json", "policy-level.json", "control-message.json"]


@pytest.fixture(scope="module")
def node():
    assert opensearch_built(), "build the OpenSearch launcher first: mvn -q -B -f tests/opensearch/pom.xml package"
    with OpenSearchNode() as n:
        yield n


@pytest.fixture(scope="module")
def s3():
    with GatedMoto() as m:
        c = boto3.client("s3", endpoint_url=m.url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
        c.create_bucket(Bucket=BUCKET)
        m.s3 = c
        yield m


@pytest.fixture(autouse=True)
def fresh(node, s3):
    node.request("DELETE", "/logs-*,plain-*,strict-*,orders-*")
    node.request("PUT", "/_index_template/logs", TEMPLATE)
    for obj in s3.s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3.s3.delete_object(Bucket=BUCKET, Key=obj["Key"])


class Proxy:
    """Forwards to the node; `fail_calls` whole `_bulk` calls answered 429
    first, then each document id's first try answered 429 for the ids
    `fail_item` picks. Records every item id it was sent."""

    def __init__(self, target, fail_calls=0, fail_item=lambda _id: False):
        self.target, self.fail_calls, self.fail_item = target, fail_calls, fail_item
        self.calls, self.failed_once, self.lock = [], set(), threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                raw = gzip.decompress(body) if self.headers.get("Content-Encoding") == "gzip" else body
                lines = raw.splitlines()
                # `<log stream scope>-<event id>`: the event id is compared.
                ids = [json.loads(a)["create"]["_id"].split("-", 1)[1] for a in lines[0::2]]
                with proxy.lock:
                    proxy.calls.append(ids)
                    whole = len(proxy.calls) <= proxy.fail_calls
                if whole:
                    return self.answer(429, b'{"error":"too many requests"}')
                req = urllib.request.Request(proxy.target + "/_bulk", data=raw, method="POST")
                req.add_header("Content-Type", "application/x-ndjson")
                with urllib.request.urlopen(req, timeout=60) as r:
                    answer = json.loads(r.read())
                with proxy.lock:
                    for item in answer["items"]:
                        c = item["create"]
                        event_id = c["_id"].split("-", 1)[1]
                        if proxy.fail_item(event_id) and event_id not in proxy.failed_once:
                            proxy.failed_once.add(event_id)
                            # Indexed, but answered 429: a retry must then
                            # be a 409, counted once.
                            c["status"], answer["errors"] = 429, True
                            c["error"] = {"type": "es_rejected_execution_exception", "reason": "rejected"}
                self.answer(200, json.dumps(answer).encode())

            def answer(self, status, data):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join()


def run(endpoint, s3, *files, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PYTHON_LOG", "DELIVERY_STREAM"))}
    env.update(
        OPENSEARCH_ENDPOINT=endpoint,
        AWS_ENDPOINT_URL=s3.url,
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        RUST_LOG="error",
    )
    env.update(extra)
    return subprocess.run([BIN, "invoke", *map(str, files)], env=env, capture_output=True, text=True, timeout=300)


def printed(*files):
    """The documents invoke prints for the same files, with no destination."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OPENSEARCH", "DELIVERY_STREAM"))}
    out = subprocess.run([BIN, "invoke", *map(str, files)], env=env, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def count(node, index="logs-*"):
    node.request("POST", f"/{index}/_refresh")
    return node.request("GET", f"/{index}/_count")["count"]


def test_invoke_indexes_every_sample_into_a_real_node_and_the_same_events_again_add_nothing(node, s3, tmp_path):
    files = [ROOT / "events" / f for f in SAMPLES]
    want = len(printed(*files))
    first = run(node.url, s3, *files)
    assert first.returncode == 0, first.stderr
    assert count(node) == want, first.stderr
    again = run(node.url, s3, *files)
    assert again.returncode == 0, again.stderr
    assert count(node) == want, "a repeated event adds no document"
    duplicates = sum(int(w.split("=")[1]) for w in again.stderr.split() if w.startswith("duplicates="))
    assert duplicates == want, again.stderr


def test_gzip_on_and_off_give_the_same_index(node, s3, tmp_path):
    files = [ROOT / "events" / f for f in SAMPLES]
    assert run(node.url, s3, *files).returncode == 0
    assert run(node.url, s3, *files, OPENSEARCH_GZIP="off", OPENSEARCH_INDEX="plain").returncode == 0

    def docs(index):
        node.request("POST", f"/{index}/_refresh")
        hits = node.request("POST", f"/{index}/_search", {"size": 1000, "query": {"match_all": {}}})["hits"]["hits"]
        return sorted((h["_id"], json.dumps(h["_source"], sort_keys=True)) for h in hits)

    assert docs("logs-*") == docs("plain-*")
    assert len(docs("logs-*")) == len(printed(*files))


def test_a_clashing_stream_is_fully_indexed_in_the_same_invocation(node, s3, tmp_path):
    # Without type stability, `detail` is an object in one app and a
    # string in the next: the second is refused, repaired and resent.
    lines = ['{"message": "a", "detail": {"code": 1}}', '{"message": "b", "detail": "flat"}']
    ev, _ = event(lines)
    path = tmp_path / "clash.json"
    path.write_bytes(ev)
    out = run(node.url, s3, path, TYPE_STABLE="off")
    assert out.returncode == 0, out.stderr
    assert "coerced=1" in out.stderr, out.stderr
    assert count(node) == 2


def test_a_log_groups_own_index_takes_its_documents_and_the_rest_go_to_the_default(node, s3, tmp_path):
    orders, _ = event(["2024-05-11T14:44:44+0000 orders.api INFO one"], group="/ecs/orders")
    billing, _ = event(["2024-05-11T14:44:44+0000 billing.api INFO two"], group="/ecs/billing")
    paths = [tmp_path / "orders.json", tmp_path / "billing.json"]
    paths[0].write_bytes(orders)
    paths[1].write_bytes(billing)
    groups = json.dumps([{"groups": "/ecs/orders*", "index": "orders"}])
    out = run(node.url, s3, *paths, LOG_GROUP_FORMATS=groups)
    assert out.returncode == 0, out.stderr
    assert count(node, "orders-2024-05-11") == 1
    assert count(node, "logs-2024-05-11") == 1


def test_a_429_storm_loses_nothing_and_resends_only_the_failed_items(node, s3, tmp_path):
    lines = [f"2024-05-11T14:44:44+0000 orders.api INFO request {i}" for i in range(300)]
    ev, ids = event(lines)
    path = tmp_path / "storm.json"
    path.write_bytes(ev)
    every_tenth = {i for n, i in enumerate(ids) if n % 10 == 0}
    with Proxy(node.url, fail_calls=2, fail_item=lambda i: i in every_tenth) as proxy:
        out = run(proxy.url, s3, path, OPENSEARCH_BULK_BYTES="65536")
    assert out.returncode == 0, out.stderr
    assert count(node) == 300
    # Each document was sent once, again for each whole call refused with
    # it, and again if its own item was answered 429: nothing else came
    # twice.
    sent = Counter(i for call in proxy.calls for i in call)
    refused_with = Counter(i for call in proxy.calls[:2] for i in call)
    for i in ids:
        want = 1 + refused_with[i] + int(i in every_tenth)
        assert sent[i] == want, (i, sent[i], want)
    # The items answered 429 had been indexed: their resend is a 409.
    assert "duplicates=30" in out.stderr, out.stderr


def test_documents_refused_for_good_land_where_redrive_reads_them(node, s3, tmp_path):
    strict = {"index_patterns": ["strict-*"], "template": {"mappings": {"dynamic": "strict", "properties": {"message": {"type": "text"}}}}}
    node.request("PUT", "/_index_template/strict", strict)
    ev, _ = event(['{"message": "kept", "unknown_field": 1}'])
    path = tmp_path / "refused.json"
    path.write_bytes(ev)
    without = run(node.url, s3, path, OPENSEARCH_INDEX="strict")
    assert without.returncode == 1 and "[OpenSearchRejected]" in without.stderr, without.stderr
    kept = run(node.url, s3, path, OPENSEARCH_INDEX="strict", BACKUP_BUCKET=BUCKET)
    assert kept.returncode == 0, kept.stderr
    assert "backed_up=1" in kept.stderr, kept.stderr
    (obj,) = s3.s3.list_objects_v2(Bucket=BUCKET, Prefix="errors/opensearch-failed/")["Contents"]
    line = json.loads(s3.s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read())
    assert line["errorCode"] == "strict_dynamic_mapping_exception"
    assert line["esIndexName"] == "strict-2024-05-11" and line["esDocumentId"]
    # redrive reads it as it reads Firehose's own.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ENDPOINT_URL=s3.url, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="us-east-1")
    dry = subprocess.run([BIN, "redrive", "--bucket", BUCKET, "--prefix", "errors/", "--dry-run"], env=env, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert "documents=1" in dry.stderr and "strict_dynamic_mapping_exception=1" in dry.stderr, dry.stderr
    # Once the mapping is fixed, redrive sends it back to the same index
    # under the same id; a second redrive of the same file adds nothing.
    node.request("DELETE", "/_index_template/strict")
    node.request("DELETE", "/strict-*")
    env["OPENSEARCH_ENDPOINT"] = node.url
    for n in (1, 2):
        done = subprocess.run([BIN, "redrive", "--bucket", BUCKET, "--prefix", "errors/"], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        hit = node.request("GET", f"/strict-2024-05-11/_doc/{line['esDocumentId']}")
        assert hit["found"] and hit["_source"]["message"] == "kept", hit
        assert count(node, "strict-*") == 1
        # Put the file back, as a run cut short would leave it.
        (moved,) = s3.s3.list_objects_v2(Bucket=BUCKET, Prefix="redriven/")["Contents"]
        s3.s3.copy_object(Bucket=BUCKET, Key=obj["Key"], CopySource={"Bucket": BUCKET, "Key": moved["Key"]})
        s3.s3.delete_object(Bucket=BUCKET, Key=moved["Key"])
