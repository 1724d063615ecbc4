"""A log storm against a concurrency cap, through the Lambda Runtime API.

    .venv/bin/pytest tests/e2e/test_storm.py -q

`cargo lambda watch --concurrency N` runs at most N instances of the
function, as ReservedConcurrency=N does in Lambda, and serves the Runtime
API to each. Many deliveries are invoked at once, more than the cap; the
function sends to moto's Firehose behind the gate, which fails a share of
the records (Firehose under load) and counts how many PutRecordBatch calls
it is serving at any moment.

What this shows, and what it can't: cargo-lambda holds an invocation over
the cap until an instance is free, where Lambda answers 429 and keeps the
event in its asynchronous queue, retrying it for up to
MaximumEventAgeInSeconds
(https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
Either way the delivery waits rather than being dropped; the 6-hour limit
and the failure queue behind it are Lambda's, and tests/deploy checks they
are wired. Here: the cap is never passed (each instance has one call in
flight, MAX_IN_FLIGHT=1, so the gate never serves more than N at once),
every delivery over the cap is still served, and every document lands in
S3 exactly once although a fifth of the records were refused on the way.
"""

import json
import os
import subprocess
import threading
import urllib.request
from pathlib import Path

import boto3
import pytest

from firehose_gate import GatedMoto, create_stream
from test_e2e import event, free_port, record_figure, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "storm-backup"
# moto's backends are per process, shared with the other e2e modules: a
# stream and bucket of this module's own.
STREAM = "storm"
CAP = 2
DELIVERIES = 24
RECORDS = 300


@pytest.fixture(scope="module")
def moto():
    with GatedMoto() as m:
        create_stream(m.url, STREAM, BUCKET)
        yield m


@pytest.fixture(scope="module")
def capped(moto):
    """The function under `cargo lambda watch --concurrency CAP`, and the
    URL its invocations are posted to."""
    venv_bin = Path(os.environ.get("LTF_PYTHON", ROOT / ".venv/bin/python")).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["PATH"] = f"{venv_bin}:{os.environ['PATH']}"
    function_env = {
        "DELIVERY_STREAM_NAME": STREAM,
        "MAX_IN_FLIGHT": "1",
        "AWS_ENDPOINT_URL": moto.url,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
        "RUST_LOG": "warn",
    }
    port = free_port()
    log = open(ROOT / "target" / "cargo-lambda-storm.log", "w")
    watch = subprocess.Popen(
        ["cargo", "lambda", "watch", "--invoke-port", str(port), "--concurrency", str(CAP), "--timeout", "600",
         *[f"--env-var={k}={v}" for k, v in function_env.items()]],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        wait_for_port(port, 120)
        yield f"http://127.0.0.1:{port}/2015-03-31/functions/logs-to-firehose/invocations"
    finally:
        os.killpg(watch.pid, 15)
        watch.wait(timeout=30)
        log.close()


def post(url, body):
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as resp:
        return resp.status, resp.read().decode()


def delivered(moto):
    s3 = boto3.client("s3", endpoint_url=moto.url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
    docs = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="logs/"):
        for obj in page.get("Contents", []):
            body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
            docs.extend(json.loads(line) for line in body.splitlines())
    return docs


def test_a_storm_over_the_concurrency_cap_waits_its_turn_and_every_document_lands_once(moto, capped):
    # One warm-up delivery: the first invocation waits for cargo-lambda to
    # build the function, which is not what is measured.
    warm, _ = event(["2024-05-11 14:44:44,123 - warm - INFO - up"], group="/storm/warm", stream="warm")
    assert post(capped, warm)[0] == 200
    moto.gate.reset()
    moto.gate.fail_records = 0.2

    events = [
        event([f"2024-05-11 14:44:44,123 - storm.{n} - INFO - delivery {n} record {i}" for i in range(RECORDS)],
              group=f"/storm/{n % 4}", stream=f"app/{n}")[0]
        for n in range(DELIVERIES)
    ]
    start = threading.Barrier(DELIVERIES)
    answers = [None] * DELIVERIES

    def invoke(n):
        start.wait()  # every delivery is posted at the same moment
        answers[n] = post(capped, events[n])

    threads = [threading.Thread(target=invoke, args=(n,)) for n in range(DELIVERIES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    moto.gate.fail_records = 0.0

    assert all(a is not None and a[0] == 200 for a in answers), answers
    assert not [a for a in answers if "errorType" in a[1]], "no invocation failed"
    stats = moto.gate.stats
    assert stats["failed_records"] > 0, "Firehose refused records on the way"
    assert 1 <= stats["max_in_flight"] <= CAP, f"the cap held: {stats['max_in_flight']} calls at once"
    docs = [d for d in delivered(moto) if d["name"].startswith("storm.")]
    sent = sorted(d["message"] for d in docs)
    expected = sorted(f"delivery {n} record {i}" for n in range(DELIVERIES) for i in range(RECORDS))
    assert len(sent) == len(expected), f"{len(sent)} documents for {len(expected)} records"
    assert sent == expected, "every record once: none lost, none twice"
    record_figure("storm_deliveries_over_a_cap_of_2", DELIVERIES)
    record_figure("storm_max_calls_in_flight", stats["max_in_flight"])
    record_figure("storm_records_refused_and_resent", stats["failed_records"])
