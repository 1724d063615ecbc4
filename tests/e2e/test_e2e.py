"""End to end: the release binary sends to moto's Firehose (behind a gate
that enforces Firehose's limits and injects failures), and we read back
what Firehose delivered to S3.

Run by .ci/run after `cargo build --release`:

    .venv/bin/pytest tests/e2e -q

Events are built here in Python (gzip + base64), independently of the
binary's own `encode`.
"""

import base64
import gzip
import json
import os
import random
import socket
import subprocess
import time
from pathlib import Path

import boto3
import pytest

from firehose_gate import GatedMoto, create_stream
from opensearch_node import OpenSearchNode, built as opensearch_built

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release" / "logs-to-firehose"
BUCKET = "logs-backup"
FIGURES = ROOT / "target" / "e2e-figures.json"


@pytest.fixture(scope="module")
def opensearch():
    assert opensearch_built(), "build the OpenSearch launcher first: mvn -q -B -f tests/opensearch/pom.xml package"
    with OpenSearchNode() as node:
        record_figure("opensearch_node_start_seconds", round(node.started_in, 1))
        record_figure("opensearch_node_rss_mb", round(node.rss_mb() or 0))
        yield node


@pytest.fixture(scope="module")
def moto(opensearch):
    """moto behind the Firehose gate, which also indexes what it accepts
    into the real OpenSearch node, as Firehose's OpenSearch destination."""
    assert BIN.exists(), f"build the binary first: cargo build --release ({BIN})"
    with GatedMoto() as m:
        create_stream(m.url, "logs", BUCKET)
        m.gate.deliver_to(opensearch.url, "logs", lambda: client(m, "s3"), BUCKET, "")
        yield m


TEMPLATES = {"python": ROOT / "opensearch" / "index-template.json", "ecs": ROOT / "opensearch" / "index-template-ecs.json"}


@pytest.fixture
def s3_only(moto):
    """A stream whose only destination is S3 (record packing, the
    transformation's re-ingest): the gate indexes nothing."""
    saved, moto.gate.opensearch = moto.gate.opensearch, None
    yield
    moto.gate.opensearch = saved


@pytest.fixture(autouse=True)
def fresh(moto, opensearch):
    """Each test starts with an empty bucket, clean counters, no failures,
    no indices, and the shipped python-json-logger template installed."""
    s3 = client(moto, "s3")
    for obj in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
    moto.gate.reset()
    moto.gate.fail_calls = moto.gate.fail_records = 0.0
    opensearch.request("DELETE", "/logs-*")
    opensearch.request("PUT", "/_index_template/logs", json.loads(TEMPLATES["python"].read_text()))


def indexed(opensearch):
    """Documents the gate indexed into the node, today's daily index."""
    return opensearch.request("POST", "/logs-*/_count", {"query": {"match_all": {}}})["count"]


def client(moto, service):
    return boto3.client(
        service, endpoint_url=moto.url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    )


def env(moto, **extra):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PYTHON_LOG", "LAMBDA_PLATFORM", "OVERSIZE"))}
    e.update(
        AWS_ENDPOINT_URL=moto.url,
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        DELIVERY_STREAM_NAME="logs",
        RUST_LOG="error",
    )
    e.update(extra)
    return e


def event(messages, group="/ecs/orders", stream="orders/app/1"):
    """A subscription event, encoded the way CloudWatch does it."""
    base = 1715438684000
    payload = {
        "messageType": "DATA_MESSAGE",
        "owner": "123456789012",
        "logGroup": group,
        "logStream": stream,
        "subscriptionFilters": ["e2e"],
        "logEvents": [
            {"id": f"{base + i:020d}{i:036d}", "timestamp": base + i, "message": m} for i, m in enumerate(messages)
        ],
    }
    data = base64.b64encode(gzip.compress(json.dumps(payload).encode(), mtime=0)).decode()
    return json.dumps({"awslogs": {"data": data}}).encode(), [e["id"] for e in payload["logEvents"]]


def seed_lines(n):
    """Seed-format lines of about 230 bytes."""
    rng = random.Random(1)
    words = "order payment user cart shipping invoice retry cache token session request".split()
    lines = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(24))
        lines.append(f"2024-05-11T14:44:44+0000 orders.api INFO request {i}: {text}"[:230])
    return lines


def invoke(moto, tmp_path, event_bytes, **extra):
    path = tmp_path / "event.json"
    path.write_bytes(event_bytes)
    start = time.perf_counter()
    proc = subprocess.run([BIN, "invoke", path], env=env(moto, **extra), capture_output=True, text=True, timeout=600)
    return proc, time.perf_counter() - start


def delivered(moto):
    """Every document Firehose wrote to S3, one per line."""
    s3 = client(moto, "s3")
    docs = []
    for obj in s3.list_objects_v2(Bucket=BUCKET, Prefix="logs/").get("Contents", []):
        body = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read()
        assert body.endswith(b"\n"), "records must stay separable in S3"
        docs.extend(json.loads(line) for line in body.splitlines())
    return docs


def record_figure(name, value):
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = value
    FIGURES.write_text(json.dumps(figures, indent=2))
    print(f"FIGURE {name} = {value}")


def test_a_clean_10000_event_delivery_takes_the_fewest_calls(moto, opensearch, tmp_path):
    ev, ids = event(seed_lines(10_000))
    proc, seconds = invoke(moto, tmp_path, ev)
    assert proc.returncode == 0, proc.stderr
    docs = delivered(moto)
    assert sorted(d["cloudwatch"]["event_id"] for d in docs) == sorted(ids)
    assert docs[0]["levelname"] == "INFO" and docs[0]["name"] == "orders.api"
    stats = moto.gate.stats
    assert stats["violations"] == []
    assert stats["calls"] == 20, stats  # 10,000 / 500
    assert (stats["indexed"], stats["index_failed"]) == (10_000, 0), stats
    assert indexed(opensearch) == 10_000
    record_figure("calls_per_10000_events", stats["calls"])
    record_figure("seconds_per_10000_event_delivery", round(seconds, 3))


def test_with_injected_failures_every_record_and_oversize_event_arrives_within_the_limits(moto, tmp_path):
    moto.gate.fail_calls, moto.gate.fail_records = 0.1, 0.2
    rng = random.Random(2)
    # Two events of about 1 MB, larger than a Firehose record once shaped.
    big = [
        "2024-05-11T14:44:44+0000 orders.api ERROR dump "
        + base64.b64encode(rng.randbytes(780_000)).decode()
        for _ in range(2)
    ]
    ev, ids = event(seed_lines(10_000) + big)
    proc, _ = invoke(moto, tmp_path, ev)
    assert proc.returncode == 0, proc.stderr
    assert "sent=10002" in proc.stderr and "failed=0" in proc.stderr and "truncated=2" in proc.stderr, proc.stderr
    docs = delivered(moto)
    got = [d["cloudwatch"]["event_id"] for d in docs]
    assert sorted(set(got)) == sorted(ids), "every event arrived"
    assert len(got) == len(ids), "and none twice"
    truncated = [d for d in docs if d.get("truncated")]
    assert len(truncated) == 2
    assert all("…[truncated " in d["message"] for d in truncated)
    stats = moto.gate.stats
    assert stats["violations"] == [], stats["violations"]
    assert stats["failed_calls"] > 0 and stats["failed_records"] > 0, "failures were injected"
    assert stats["max_records_in_call"] <= 500 and stats["max_bytes_in_call"] <= 4 * 1024 * 1024
    assert stats["max_record_bytes"] <= 1000 * 1024
    assert (stats["indexed"], stats["index_failed"]) == (10_002, 0), stats
    record_figure("calls_with_failure_injection", stats["calls"])


def test_the_split_policy_delivers_every_byte_of_an_oversize_record(moto, tmp_path):
    text = base64.b64encode(random.Random(3).randbytes(900_000)).decode()
    ev, _ = event([f"2024-05-11T14:44:44+0000 orders.api WARNING {text}"])
    proc, _ = invoke(moto, tmp_path, ev, OVERSIZE="split")
    assert proc.returncode == 0, proc.stderr
    parts = sorted(delivered(moto), key=lambda d: d["split"]["index"])
    assert len(parts) == parts[0]["split"]["count"] >= 2
    assert "".join(p["message"] for p in parts) == text
    assert moto.gate.stats["violations"] == []


def test_a_missing_stream_fails_fast_with_a_clear_error(moto, tmp_path):
    ev, _ = event(seed_lines(10))
    proc, _ = invoke(moto, tmp_path, ev, DELIVERY_STREAM_NAME="no-such-stream")
    assert proc.returncode == 1
    assert "FirehoseRejected" in proc.stderr and "ResourceNotFoundException" in proc.stderr, proc.stderr
    assert moto.gate.stats["calls"] == 1, "failed fast: no retry"


def free_port():
    """A free loopback port for a server that must be told its port
    (cargo lambda watch). Taken below Linux's ephemeral range
    (/proc/sys/net/ipv4/ip_local_port_range, 32768 and up), so no client
    connection of these tests can take it before the server binds it."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, 30000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 20000-29999")


def wait_for_port(port, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listening on {port}")


@pytest.fixture(scope="module")
def lambda_invoke(moto):
    """The function under `cargo lambda watch` (the Lambda Runtime API),
    pointed at the gate, and a way to invoke it with `cargo lambda invoke`.
    One session serves every test that needs it: the first invocation
    waits for cargo-lambda to build the function."""
    venv_bin = Path(os.environ.get("LTF_PYTHON", ROOT / ".venv/bin/python")).parent
    e = env(moto, PATH=f"{venv_bin}:{os.environ['PATH']}", RUST_LOG="info")
    port = free_port()
    flags = [
        f"--env-var={k}={e[k]}"
        for k in ("DELIVERY_STREAM_NAME", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_EC2_METADATA_DISABLED")
    ]
    log = open(ROOT / "target" / "cargo-lambda-watch.log", "w")
    watch = subprocess.Popen(
        ["cargo", "lambda", "watch", "--invoke-port", str(port), *flags],
        cwd=ROOT, env=e, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        wait_for_port(port, 120)

        def invoke_with(*args):
            return subprocess.run(
                ["cargo", "lambda", "invoke", "--invoke-port", str(port), "logs-to-firehose", *args],
                cwd=ROOT, env=e, capture_output=True, text=True, timeout=600,
            )

        yield invoke_with
    finally:
        os.killpg(watch.pid, 15)
        watch.wait(timeout=30)
        log.close()


def test_cargo_lambda_watch_and_invoke_deliver_a_sample_event(moto, lambda_invoke):
    ok = lambda_invoke("--data-file", "events/control-message.json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    ok = lambda_invoke("--data-file", "events/seed.json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    docs = delivered(moto)
    assert len(docs) == 10 and all(d["cloudwatch"]["log_group"] == "/ecs/orders" for d in docs)
    bad = lambda_invoke("--data-ascii", '{"awslogs":{"data":"!!"}}')
    assert bad.returncode != 0
    assert "InvalidBase64" in bad.stdout + bad.stderr, bad.stdout + bad.stderr


def cloudwatch_payload(messages, group, owner, control=False):
    """What a CloudWatch Logs destination writes into its Kinesis stream:
    the delivery, gzip-compressed (not base64: Kinesis carries bytes)."""
    base = 1715438684000
    payload = {
        "messageType": "CONTROL_MESSAGE" if control else "DATA_MESSAGE",
        "owner": owner,
        "logGroup": group,
        "logStream": "app/1",
        "subscriptionFilters": ["central"],
        "logEvents": [{"id": f"{base + i:020d}{i:036d}", "timestamp": base + i, "message": m} for i, m in enumerate(messages)],
    }
    return gzip.compress(json.dumps(payload).encode(), mtime=0)


def kinesis_event(records, stream_arn):
    """The event Lambda's event source mapping makes of GetRecords output
    (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html)."""
    return {
        "Records": [
            {
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": r["PartitionKey"],
                    "sequenceNumber": r["SequenceNumber"],
                    "data": base64.b64encode(r["Data"]).decode(),
                    "approximateArrivalTimestamp": r["ApproximateArrivalTimestamp"].timestamp(),
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": f"shardId-000000000000:{r['SequenceNumber']}",
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": "arn:aws:iam::123456789012:role/logs-to-firehose",
                "awsRegion": "us-east-1",
                "eventSourceARN": stream_arn,
            }
            for r in records
        ]
    }


def test_a_central_kinesis_stream_of_two_accounts_deliveries_lands_in_s3_through_the_function(moto, lambda_invoke, tmp_path):
    kinesis = client(moto, "kinesis")
    kinesis.create_stream(StreamName="central", ShardCount=1)
    arn = kinesis.describe_stream_summary(StreamName="central")["StreamDescriptionSummary"]["StreamARN"]
    # The destination's health check, then two member accounts' deliveries.
    puts = [
        cloudwatch_payload(["CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."], "", "CloudwatchLogs", control=True),
        cloudwatch_payload(["2024-05-11 14:44:44,123 - orders - INFO - placed", "2024-05-11 14:44:45,000 - orders - ERROR - refused"], "/ecs/orders", "111111111111"),
        cloudwatch_payload(["2024-05-11 14:44:46,000 - billing - WARNING - late"], "/ecs/billing", "222222222222"),
    ]
    for i, data in enumerate(puts):
        kinesis.put_record(StreamName="central", Data=data, PartitionKey=str(i))
    shard = kinesis.list_shards(StreamName="central")["Shards"][0]["ShardId"]
    iterator = kinesis.get_shard_iterator(StreamName="central", ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    assert len(records) == 3
    path = tmp_path / "kinesis.json"
    path.write_text(json.dumps(kinesis_event(records, arn)))

    out = lambda_invoke("--data-file", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads(out.stdout) == {"batchItemFailures": []}, out.stdout
    docs = delivered(moto)
    assert sorted((d["cloudwatch"]["owner"], d["name"], d["levelname"]) for d in docs) == [
        ("111111111111", "orders", "ERROR"),
        ("111111111111", "orders", "INFO"),
        ("222222222222", "billing", "WARNING"),
    ]


def test_filters_redaction_and_the_ecs_schema_shape_what_reaches_s3(moto, tmp_path):
    lines = [
        "2024-05-11T14:44:44+0000 orders.api DEBUG cache warmed",
        "2024-05-11T14:44:44+0000 botocore.credentials INFO Found credentials",
        "2024-05-11T14:44:44+0000 orders.api INFO order accepted for ann@example.com",
        "2024-05-11T14:44:44+0000 orders.api ERROR payment failed",
    ]
    ev, ids = event(lines)
    proc, _ = invoke(
        moto, tmp_path, ev, MIN_LEVEL="INFO", EXCLUDE_LOGGERS="botocore", REDACT="emails", OUTPUT_SCHEMA="ecs"
    )
    assert proc.returncode == 0, proc.stderr
    assert "filtered=2 redacted=1" in proc.stderr, proc.stderr
    docs = sorted(delivered(moto), key=lambda d: d["event.id"])
    assert [d["message"] for d in docs] == ["order accepted for [REDACTED:email]", "payment failed"]
    assert [d["log.level"] for d in docs] == ["info", "error"]
    assert [d["event.id"] for d in docs] == [ids[2], ids[3]]
    assert all(d["log.logger"] == "orders.api" and d["cloud.provider"] == "aws" for d in docs)


def test_record_packing_delivers_every_document_in_far_fewer_records(moto, s3_only, tmp_path):
    ev, ids = event(seed_lines(10_000))
    proc, _ = invoke(moto, tmp_path, ev, RECORD_PACKING="on")
    assert proc.returncode == 0, proc.stderr
    docs = delivered(moto)
    assert sorted(d["cloudwatch"]["event_id"] for d in docs) == sorted(ids)
    stats = moto.gate.stats
    assert stats["violations"] == []
    # ~5 MB of documents in records of up to 1,000 KiB.
    assert stats["accepted_records"] <= 8, stats
    assert stats["calls"] <= 2, stats
    record_figure("firehose_records_per_10000_events_packed", stats["accepted_records"])


def firehose_event(payloads, stream="logs"):
    """A Firehose transformation event, one record per subscription payload."""
    records = [
        {
            "recordId": f"r{i}",
            "approximateArrivalTimestamp": 1715438684000,
            "data": base64.b64encode(gzip.compress(json.dumps(p).encode(), mtime=0)).decode(),
        }
        for i, p in enumerate(payloads)
    ]
    arn = f"arn:aws:firehose:us-east-1:123456789012:deliverystream/{stream}"
    return json.dumps({"invocationId": "i", "deliveryStreamArn": arn, "region": "us-east-1", "records": records})


def test_a_transformation_whose_output_overflows_6_mb_reingests_the_rest_exactly_once(moto, s3_only, tmp_path):
    base = 1715438684000
    payloads, ids = [], []
    for r in range(8):
        lines = seed_lines(3000)
        events = [
            {"id": f"{r:04d}{i:052d}", "timestamp": base + i, "message": m.replace("request", f"r{r} request")}
            for i, m in enumerate(lines)
        ]
        ids += [e["id"] for e in events]
        payloads.append(
            {
                "messageType": "DATA_MESSAGE",
                "owner": "123456789012",
                "logGroup": "/ecs/orders",
                "logStream": f"s{r}",
                "subscriptionFilters": ["e2e"],
                "logEvents": events,
            }
        )
    path = tmp_path / "firehose.json"
    path.write_text(firehose_event(payloads))
    # A processor needs no DELIVERY_STREAM_NAME: it answers the invoking stream.
    e = env(moto)
    del e["DELIVERY_STREAM_NAME"]
    proc = subprocess.run([BIN, "invoke", path], env=e, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    response = json.loads(proc.stdout)
    assert len(proc.stdout) <= 6 * 1024 * 1024
    results = {r["recordId"]: r["result"] for r in response["records"]}
    assert sorted(results) == sorted(f"r{i}" for i in range(8)), "every record answered once"
    assert "Dropped" in results.values() and "Ok" in results.values(), results
    answered = [
        json.loads(line)
        for r in response["records"]
        if r["result"] == "Ok"
        for line in base64.b64decode(r["data"]).splitlines()
    ]
    reingested = delivered(moto)
    got = sorted(d["cloudwatch"]["event_id"] for d in answered + reingested)
    assert got == sorted(ids), "every event once: in the response or re-ingested"
    assert moto.gate.stats["violations"] == []
    record_figure("transformation_records_reingested_of_8", list(results.values()).count("Dropped"))

    # Re-ingested records come back to the processor as shaped documents:
    # they pass through unchanged and are never re-ingested again.
    moto.gate.reset()
    back = [{"recordId": f"b{i}", "data": base64.b64encode(json.dumps(d).encode() + b"\n").decode()} for i, d in enumerate(reingested[:50])]
    arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/logs"
    path.write_text(json.dumps({"invocationId": "j", "deliveryStreamArn": arn, "records": back}))
    proc = subprocess.run([BIN, "invoke", path], env=e, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    again = json.loads(proc.stdout)["records"]
    assert [r["result"] for r in again] == ["Ok"] * len(back)
    assert [r["data"] for r in again] == [r["data"] for r in back]
    assert moto.gate.stats["calls"] == 0, "nothing re-ingested the second time"


def printed_documents(path, **extra):
    """What the release binary prints for an event file, one JSON line each."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "PYTHON_LOG", "OUTPUT_SCHEMA"))}
    e.update(extra)
    proc = subprocess.run([BIN, "invoke", path], env=e, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return [line for line in proc.stdout.splitlines() if line]


@pytest.fixture
def shipped_template(opensearch):
    """Installs the shipped template for a schema, as the README says to."""

    def install(schema):
        opensearch.request("PUT", "/_index_template/logs", json.loads(TEMPLATES[schema].read_text()))

    return install


def oracle_documents(schema):
    """Our documents for every record of both Python oracles, one event per
    record: the real formatters' text, through the release binary."""
    python = os.environ.get("LTF_PYTHON", str(ROOT / ".venv/bin/python"))
    docs = []
    for script in ("oracle.py", "realworld.py"):
        out = subprocess.run([python, ROOT / "tests" / "oracle" / script], capture_output=True, text=True, check=True)
        data = json.loads(out.stdout)
        for case in data.get("cases", []) + data.get("streams", []):
            ev, _ = event([r["text"] + "\n" for r in case["records"]])
            path = ROOT / "target" / f"oracle-{schema}.json"
            path.write_bytes(ev)
            extra = {"OUTPUT_SCHEMA": schema}
            if "formats" in case:
                # A real program mix: each format with its own datefmt.
                extra["LOG_GROUP_FORMATS"] = json.dumps([{"groups": "*", "formats": case["formats"]}])
            else:
                extra["PYTHON_LOG_FORMAT"] = case["format"]
                if case["datefmt"]:
                    extra["PYTHON_LOG_DATEFMT"] = case["datefmt"]
            docs += printed_documents(path, **extra)
    return docs


@pytest.mark.parametrize("schema", ["python", "ecs"])
def test_the_shipped_template_indexes_every_sample_and_oracle_document_and_finds_them_by_time_and_level(
    opensearch, shipped_template, schema
):
    shipped_template(schema)
    samples = sorted(p for p in (ROOT / "events").glob("*.json") if p.name != "firehose-transformation.json")
    docs = [d for p in samples for d in printed_documents(p, OUTPUT_SCHEMA=schema)]
    docs += oracle_documents(schema)
    assert len(docs) > 300
    index = "logs-2024-05-11"
    for start in range(0, len(docs), 500):
        errors = opensearch.bulk_index(index, docs[start:start + 500])
        assert errors == [], errors[:3]
    mapping = opensearch.request("GET", f"/{index}/_mapping")[index]["mappings"]["properties"]
    assert mapping["@timestamp"]["type"] == "date"
    everything = {"range": {"@timestamp": {"gte": "2000-01-01T00:00:00Z"}}}
    assert opensearch.request("POST", f"/{index}/_count", {"query": everything})["count"] == len(docs)
    level_key, want = ("levelname", "ERROR") if schema == "python" else ("log.level", "error")
    expected = [d for d in map(json.loads, docs) if d.get(level_key) == want]
    term = {"term": {level_key: want}}
    assert opensearch.request("POST", f"/{index}/_count", {"query": term})["count"] == len(expected) > 0
    record_figure(f"documents_indexed_under_the_{schema}_template", len(docs))


@pytest.mark.parametrize("schema", ["python", "ecs"])
def test_json_lines_whose_types_clash_across_apps_are_all_indexed_and_searchable(
    opensearch, shipped_template, tmp_path, schema
):
    shipped_template(schema)
    lines = [
        # The same keys as number, string, object and array, both orders.
        '{"message": "plain text", "detail": 5, "user": "ann"}',
        '{"message": {"order": "A-1", "total": 19.99}, "detail": "five", "user": {"id": 7}}',
        '{"message": "again text", "detail": {"code": 5}, "user": 7}',
        '{"message": ["a", {"b": 1}], "detail": [1, {"c": 2}], "user": null}',
        '{"cloudwatch": "an app\'s own", "record": 5, "structured": "mine", "lineno": "not a number"}',
        '{"levelname": {"odd": true}, "exc_info": {"type": "ValueError"}, "@timestamp": "not a date"}',
        '{"log": "an app\'s own log key", "error": 5, "event": ["x"]}',
    ]
    path = tmp_path / "clash.json"
    path.write_bytes(event(lines * 3)[0])
    env = {**os.environ, "OUTPUT_SCHEMA": schema}
    proc = subprocess.run([BIN, "invoke", path], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    # 5 of the 7 lines in the python-json-logger schema (the ECS roots are
    # no objects there), 6 in ECS; each 3 times.
    assert f"coerced={15 if schema == 'python' else 18}" in proc.stderr, proc.stderr
    docs = [line for line in proc.stdout.splitlines() if line]
    assert len(docs) == 21
    errors = opensearch.bulk_index("logs-2024-05-11", docs)
    assert errors == [], errors[:3]
    count = opensearch.request("POST", "/logs-2024-05-11/_count", {"query": {"match_all": {}}})["count"]
    assert count == 21
    # The Powertools-style object message is searchable by its fields.
    q = {"query": {"term": {"structured.message.order": "A-1"}}}
    assert opensearch.request("POST", "/logs-2024-05-11/_count", q)["count"] == 3
    # And the text of every message by its words.
    q = {"query": {"match_phrase": {"message": "A-1"}}}
    assert opensearch.request("POST", "/logs-2024-05-11/_count", q)["count"] == 3
    # Without type stability the same stream is refused in part, which is
    # why it is on by default.
    raw = subprocess.run([BIN, "invoke", path], env={**env, "TYPE_STABLE": "off"}, capture_output=True, text=True)
    opensearch.request("DELETE", "/logs-*")
    raw_errors = opensearch.bulk_index("logs-2024-05-12", [line for line in raw.stdout.splitlines() if line])
    assert raw_errors, "the clash is real"


def test_documents_the_node_refuses_land_in_s3_in_firehoses_failed_document_format(moto, opensearch, tmp_path):
    # With type stability off, the second line clashes with the first.
    lines = ['{"message": "text", "detail": {"code": 1}}', '{"message": "more", "detail": "flat"}']
    ev, ids = event(lines)
    proc, _ = invoke(moto, tmp_path, ev, TYPE_STABLE="off")
    assert proc.returncode == 0, proc.stderr
    stats = moto.gate.stats
    assert (stats["indexed"], stats["index_failed"]) == (1, 1), stats
    s3 = client(moto, "s3")
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="AmazonOpenSearchService-failed/")["Contents"]]
    assert len(keys) == 1
    failed = [json.loads(line) for line in s3.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read().splitlines()]
    assert len(failed) == 1
    f = failed[0]
    assert {"attemptsMade", "arrivalTimestamp", "errorCode", "errorMessage", "attemptEndingTimestamp",
            "rawData", "esDocumentId", "esIndexName", "esTypeName"} <= set(f)
    assert f["errorCode"] == "mapper_parsing_exception"
    assert f["esIndexName"].startswith("logs-")
    doc = json.loads(base64.b64decode(f["rawData"]))
    assert doc["detail"] == "flat" and doc["cloudwatch"]["event_id"] == ids[1]
    # The same stream with type stability on (the default) is fully indexed
    # (in a fresh index: the raw one already maps `detail` as an object).
    moto.gate.reset()
    opensearch.request("DELETE", "/logs-*")
    proc, _ = invoke(moto, tmp_path, ev)
    assert proc.returncode == 0, proc.stderr
    assert (moto.gate.stats["indexed"], moto.gate.stats["index_failed"]) == (2, 0)


def redrive(moto, *args, **extra):
    return subprocess.run([BIN, "redrive", "--bucket", BUCKET, *args], env=env(moto, **extra), capture_output=True, text=True, timeout=600)


def test_a_document_opensearch_refused_reaches_the_index_through_redrive_and_a_rerun_sends_nothing(moto, opensearch, tmp_path):
    # With type stability off the second line clashes with the first, so the
    # node refuses it and the gate writes it to S3, as Firehose would.
    lines = ['{"message": "text", "detail": {"code": 1}}', '{"message": "refused once", "detail": "flat"}']
    proc, _ = invoke(moto, tmp_path, event(lines)[0], TYPE_STABLE="off")
    assert proc.returncode == 0, proc.stderr
    assert (moto.gate.stats["indexed"], moto.gate.stats["index_failed"]) == (1, 1)
    s3 = client(moto, "s3")
    failed_keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="AmazonOpenSearchService-failed/")["Contents"]]
    assert len(failed_keys) == 1

    # A dry run shows the fixed document and the error codes, and touches nothing.
    dry = redrive(moto, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    (shown,) = [json.loads(line) for line in dry.stdout.splitlines()]
    assert shown["message"] == "refused once" and shown["structured"]["detail"] == "flat" and "detail" not in shown
    assert "mapper_parsing_exception=1" in dry.stderr and "would send=1" in dry.stderr, dry.stderr
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="AmazonOpenSearchService-failed/")["Contents"]] == failed_keys

    # The redrive: sent through the gate, indexed this time, the file moved.
    run = redrive(moto)
    assert run.returncode == 0, run.stderr
    assert "files=1 done=1 left=0 documents=1 coerced=1 sent=1 failed=0" in run.stderr, run.stderr
    assert moto.gate.stats["indexed"] == 2
    q = {"query": {"match_phrase": {"message": "refused once"}}}
    assert opensearch.request("POST", "/logs-*/_count", q)["count"] == 1
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET, Prefix="AmazonOpenSearchService-failed/")
    moved = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix="redriven/")["Contents"]]
    assert moved == [f"redriven/{failed_keys[0]}"]

    # Again: nothing left to send.
    again = redrive(moto)
    assert again.returncode == 0 and "files=0 done=0 left=0 documents=0" in again.stderr, again.stderr
    assert moto.gate.stats["indexed"] == 2


class Stub:
    """A loopback HTTP server standing in for what the set-up talks to:
    OpenSearch's security plugin and Dashboards (recorded and answered
    here), the index template API (passed through to the real node), and
    CloudFormation's response URL (recorded). `refuse` makes paths that
    start with it answer 403."""

    def __init__(self, node_url):
        import http.server
        import threading

        stub = self
        self.requests, self.answers, self.refuse, self.node_url = [], [], None, node_url
        # Index patterns made so far; saved objects imported, by type:id;
        # ids whose write the security plugin refuses (a read-only tenant).
        self.patterns, self.saved, self.forbidden = set(), {}, set()
        # path prefix -> how many more times to answer 503 (a new domain
        # still starting its security plugin)
        self.unavailable = {}

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status, body=b"{}"):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/response/"):
                    stub.answers.append({"path": self.path, "content_type": self.headers.get("Content-Type"), **json.loads(body)})
                    return self._reply(200, b"")
                if self.path.startswith("/_dashboards/api/saved_objects/_import"):
                    stub.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
                    return self._reply(*stub.import_answer(self.path, self.headers, body))
                stub.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": json.loads(body or b"null")})
                if self.path.startswith("/_dashboards/api/saved_objects/index-pattern/"):
                    stub.patterns.add(self.path.split("?")[0].rsplit("/", 1)[1])
                if stub.refuse and self.path.startswith(stub.refuse):
                    return self._reply(403, b'{"error":"no permissions for [cluster:admin/opendistro_security]"}')
                for prefix, left in stub.unavailable.items():
                    if self.path.startswith(prefix) and left > 0:
                        stub.unavailable[prefix] = left - 1
                        return self._reply(503, b'{"error":"Security not initialized"}')
                if self.path.startswith("/_index_template/"):
                    req = urllib.request.Request(stub.node_url + self.path, data=body, method=self.command, headers={"Content-Type": "application/json"})
                    with urllib.request.urlopen(req, timeout=30) as resp:
                        return self._reply(resp.status, resp.read())
                return self._reply(200, b'{"status":"OK"}')

            do_PUT = do_POST = do_PATCH = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def import_answer(self, path, headers, body):
        """Dashboards' saved-objects import, as its documented API and its
        source (routes/import.ts, import_saved_objects.ts) answer: 400 for a
        request it can't read, else 200 with `success` false when any object
        names an index pattern that doesn't exist (nothing is imported)."""
        import email.parser
        import email.policy
        from urllib.parse import parse_qs, urlsplit

        if "osd-xsrf" not in {k.lower() for k in headers}:
            return 400, b'{"statusCode":400,"message":"Request must contain a osd-xsrf header."}'
        query = parse_qs(urlsplit(path).query)
        head = f"Content-Type: {headers['Content-Type']}\r\n\r\n".encode()
        form = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        (part,) = [p for p in form.iter_parts() if p.get_param("name", header="content-disposition") == "file"]
        if not part.get_filename().endswith(".ndjson"):
            return 400, b'{"statusCode":400,"message":"Invalid file extension"}'
        objects = [json.loads(line) for line in part.get_content().splitlines() if line.strip()]
        objects = [o for o in objects if not o.get("exportedCount")]
        keys = [(o["type"], o["id"]) for o in objects]
        if len(set(keys)) != len(keys):
            return 400, b'{"statusCode":400,"message":"Non-unique import objects detected"}'
        in_file = set(keys)
        errors = []
        for o in objects:
            missing = [r for r in o["references"] if r["type"] in ("index-pattern", "search")
                       and (r["type"], r["id"]) not in in_file
                       and not (r["type"] == "index-pattern" and r["id"] in self.patterns)]
            if missing:
                errors.append({"id": o["id"], "type": o["type"], "title": o["attributes"]["title"],
                               "error": {"type": "missing_references", "references": missing}})
        overwrite = query.get("overwrite") == ["true"]
        for key in keys:
            if key in self.saved and not overwrite:
                errors.append({"id": key[1], "type": key[0], "error": {"type": "conflict"}})
        if errors:
            return 200, json.dumps({"success": False, "successCount": 0, "errors": errors}).encode()
        results = []
        for o in objects:
            if o["id"] in self.forbidden:
                errors.append({"id": o["id"], "type": o["type"], "error": {"type": "unknown", "statusCode": 403,
                               "message": "no permissions for [indices:data/write/bulk[s]]"}})
                continue
            self.saved[(o["type"], o["id"])] = o
            results.append({"type": o["type"], "id": o["id"], "meta": {"title": o["attributes"]["title"]}})
        answer = {"success": not errors, "successCount": len(results), "successResults": results}
        return 200, json.dumps({**answer, "errors": errors} if errors else answer).encode()

    def close(self):
        self.server.shutdown()


import urllib.request  # noqa: E402  (the stub's pass-through)


@pytest.fixture
def setup_stub(moto, opensearch):
    stub = Stub(opensearch.url)
    secrets = client(moto, "secretsmanager")
    arn = secrets.create_secret(Name=f"master-{random.randrange(10**9)}", SecretString=json.dumps({"username": "admin", "password": "S3cret-Pass!"}))["ARN"]
    yield stub, arn
    stub.close()


def custom_resource(stub, arn, kind, n, physical=None, index="logs", audit=False):
    request = {
        "RequestType": kind,
        "ResponseURL": f"{stub.url}/response/{n}",
        "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/logs/1",
        "RequestId": f"req-{n}",
        "ResourceType": "Custom::OpenSearchSetup",
        "LogicalResourceId": "OpenSearchSetup",
        "ResourceProperties": {
            "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:logs-to-firehose",
            "DomainEndpoint": stub.url,
            "IndexName": index,
            "FirehoseRoleArn": "arn:aws:iam::123456789012:role/logs-FirehoseRole-1",
            "MasterUserSecretArn": arn,
            "Schema": "python",
        },
    }
    if physical:
        request["PhysicalResourceId"] = physical
    if audit:
        request["ResourceProperties"]["AuditLogs"] = "true"
    return json.dumps(request).encode()


def run_setup(moto, tmp_path, event_bytes):
    path = tmp_path / "cfn.json"
    path.write_bytes(event_bytes)
    return subprocess.run([BIN, "invoke", path], env=env(moto, RUST_LOG="debug"), capture_output=True, text=True, timeout=120)


def test_the_setup_grants_firehose_installs_the_template_and_the_index_pattern_and_answers_every_request(moto, opensearch, setup_stub, tmp_path):
    stub, arn = setup_stub
    opensearch.request("DELETE", "/_index_template/logs")
    created = run_setup(moto, tmp_path, custom_resource(stub, arn, "Create", 1))
    assert created.returncode == 0, created.stderr
    (answer,) = stub.answers
    assert (answer["Status"], answer["RequestId"], answer["LogicalResourceId"]) == ("SUCCESS", "req-1", "OpenSearchSetup")
    assert answer["content_type"] in (None, ""), "the pre-signed URL signs no content type"
    physical = answer["PhysicalResourceId"]
    calls = [(r["method"], r["path"].split("?")[0]) for r in stub.requests]
    assert calls == [
        ("PUT", "/_plugins/_security/api/roles/logs_to_firehose_writer_logs"),
        ("PUT", "/_plugins/_security/api/rolesmapping/logs_to_firehose_writer_logs"),
        ("PUT", "/_index_template/logs"),
        ("POST", "/_dashboards/api/saved_objects/index-pattern/logs"),
        ("POST", "/_dashboards/api/saved_objects/_import"),
    ]
    role, mapping, _, pattern, imported = stub.requests
    assert role["body"]["index_permissions"][0]["index_patterns"] == ["logs-*"]
    assert mapping["body"] == {"backend_roles": ["arn:aws:iam::123456789012:role/logs-FirehoseRole-1"]}
    assert pattern["headers"].get("osd-xsrf") == "true"
    assert pattern["body"]["attributes"] == {"title": "logs-*", "timeFieldName": "@timestamp"}
    # The shipped dashboards, imported on that pattern, replacing ours only.
    assert imported["path"] == "/_dashboards/api/saved_objects/_import?overwrite=true"
    assert imported["headers"].get("osd-xsrf") == "true"
    shipped = [json.loads(line) for line in (ROOT / "opensearch" / "dashboards.ndjson").read_text().splitlines()]
    assert set(stub.saved) == {(o["type"], o["id"]) for o in shipped if "exportedCount" not in o}
    assert {"ltf-py-overview", "ltf-py-lambda"} <= {i for _, i in stub.saved}
    assert all(base64.b64decode(r["headers"]["authorization"].split()[1]) == b"admin:S3cret-Pass!" for r in stub.requests)
    # The real node has the template now.
    installed = opensearch.request("GET", "/_index_template/logs")["index_templates"][0]["index_template"]
    assert installed["index_patterns"] == ["logs-*"]
    assert "S3cret-Pass!" not in created.stderr + created.stdout, "the password is never logged"

    # Update does it all again, keeping the physical id; Delete changes nothing.
    stub.requests.clear()
    updated = run_setup(moto, tmp_path, custom_resource(stub, arn, "Update", 2, physical))
    assert updated.returncode == 0, updated.stderr
    assert (stub.answers[-1]["Status"], stub.answers[-1]["PhysicalResourceId"]) == ("SUCCESS", physical)
    assert len(stub.requests) == 5, "the import again: overwrite replaces, never duplicates"
    assert len(stub.saved) == len([o for o in shipped if "exportedCount" not in o])
    stub.requests.clear()
    deleted = run_setup(moto, tmp_path, custom_resource(stub, arn, "Delete", 3, physical))
    assert deleted.returncode == 0, deleted.stderr
    assert (stub.answers[-1]["Status"], stub.answers[-1]["PhysicalResourceId"]) == ("SUCCESS", physical)
    assert stub.requests == []


def test_a_stack_that_publishes_audit_logs_gets_the_security_plugins_audit_logging_turned_on(moto, setup_stub, tmp_path):
    stub, arn = setup_stub
    done = run_setup(moto, tmp_path, custom_resource(stub, arn, "Create", 1, audit=True))
    assert done.returncode == 0, done.stderr
    assert stub.answers[-1]["Status"] == "SUCCESS", stub.answers[-1]
    last = stub.requests[-1]
    assert (last["method"], last["path"]) == ("PATCH", "/_plugins/_security/api/audit")
    # One field patched: the plugin's default categories stay.
    assert last["body"] == [{"op": "add", "path": "/config/enabled", "value": True}]
    assert last["headers"].get("content-type") == "application/json"


def test_a_setup_that_fails_answers_failed_with_the_reason_and_its_delete_succeeds(moto, setup_stub, tmp_path):
    stub, arn = setup_stub
    stub.refuse = "/_plugins/_security/api/rolesmapping/"
    failed = run_setup(moto, tmp_path, custom_resource(stub, arn, "Create", 1))
    assert failed.returncode == 1, failed.stderr
    (answer,) = stub.answers
    assert answer["Status"] == "FAILED"
    assert answer["Reason"].startswith("role mapping (PUT /_plugins/_security/api/rolesmapping/"), answer["Reason"]
    assert "HTTP 403" in answer["Reason"]
    assert "S3cret-Pass!" not in answer["Reason"] + failed.stderr
    # CloudFormation then deletes the resource whose create failed.
    deleted = run_setup(moto, tmp_path, custom_resource(stub, arn, "Delete", 2, answer["PhysicalResourceId"]))
    assert deleted.returncode == 0, deleted.stderr
    assert stub.answers[-1]["Status"] == "SUCCESS"
    # A secret that doesn't exist is a failure answered too.
    missing = run_setup(moto, tmp_path, custom_resource(stub, arn + "-gone", "Create", 3))
    assert stub.answers[-1]["Status"] == "FAILED" and "secret" in stub.answers[-1]["Reason"], stub.answers[-1]
    assert missing.returncode == 1


def test_an_import_that_imports_nothing_fails_the_setup_naming_the_first_error(moto, setup_stub, tmp_path):
    stub, arn = setup_stub
    # Dashboards answers 200 whatever it imported; here the security plugin
    # refused one object's write (a read-only tenant).
    stub.forbidden = {"ltf-py-overview"}
    failed = run_setup(moto, tmp_path, custom_resource(stub, arn, "Create", 1))
    assert failed.returncode == 1, failed.stderr
    reason = stub.answers[-1]["Reason"]
    assert stub.answers[-1]["Status"] == "FAILED"
    assert reason.startswith("dashboards (POST /_dashboards/api/saved_objects/_import?overwrite=true): HTTP 200: "), reason
    assert "saved objects imported (1 errors); first error: unknown on dashboard ltf-py-overview" in reason, reason


def test_the_import_refuses_objects_whose_index_pattern_is_nowhere(setup_stub):
    """The stub holds Dashboards' rule that a reference must resolve in the
    file or on the server: the shipped file satisfies it on its own."""
    stub, _ = setup_stub
    shipped = (ROOT / "opensearch" / "dashboards.ndjson").read_text()
    without_pattern = "\n".join(line for line in shipped.splitlines() if '"type":"index-pattern"}' not in line[-30:])
    for text, ok in [(shipped, True), (without_pattern, False)]:
        body = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.ndjson\"\r\n\r\n"
                + text.encode() + b"\r\n--b--\r\n")
        status, answer = stub.import_answer("/_dashboards/api/saved_objects/_import?overwrite=true",
                                            {"osd-xsrf": "true", "Content-Type": "multipart/form-data; boundary=b"}, body)
        answer = json.loads(answer)
        assert (status, answer["success"]) == (200, ok), answer
        if not ok:
            assert answer["errors"][0]["error"]["type"] == "missing_references"


def test_the_redrive_schedules_input_redrives_through_the_same_handler(moto, opensearch, tmp_path):
    lines = ['{"message": "text", "detail": {"code": 1}}', '{"message": "scheduled", "detail": "flat"}']
    proc, _ = invoke(moto, tmp_path, event(lines)[0], TYPE_STABLE="off")
    assert proc.returncode == 0 and moto.gate.stats["index_failed"] == 1, proc.stderr
    schedule = {"logsToFirehoseRedrive": {"bucket": BUCKET, "prefix": "AmazonOpenSearchService-failed/"}}
    proc, _ = invoke(moto, tmp_path, json.dumps(schedule).encode())
    assert proc.returncode == 0, proc.stderr
    assert "files=1 done=1 left=0 documents=1 coerced=1 sent=1 failed=0" in proc.stderr, proc.stderr
    q = {"query": {"match_phrase": {"message": "scheduled"}}}
    assert opensearch.request("POST", "/logs-*/_count", q)["count"] == 1


def test_a_domain_still_starting_is_waited_for_not_failed(moto, setup_stub, tmp_path):
    stub, arn = setup_stub
    stub.unavailable["/_plugins/_security/api/roles/"] = 2
    created = run_setup(moto, tmp_path, custom_resource(stub, arn, "Create", 1))
    assert created.returncode == 0, created.stderr
    assert stub.answers[-1]["Status"] == "SUCCESS"
    roles = [r for r in stub.requests if r["path"].startswith("/_plugins/_security/api/roles/")]
    assert len(roles) == 3, "two 503s, then the call that succeeded"
