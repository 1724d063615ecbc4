"""moto, in-process, behind a gate that behaves like the real Firehose where
moto doesn't.

moto accepts any PutRecordBatch and never fails a record. The real service
refuses calls over its limits and fails calls and individual records under
load. The gate, a WSGI middleware in front of moto's own app:

- refuses a PutRecordBatch that breaks a limit (over 500 records, over
  4 MiB of data, a record over 1,000 KiB) with InvalidArgumentException,
  and counts it as a violation;
- fails a share of calls with ServiceUnavailableException (HTTP 503);
- fails a share of the records in a call, answering with their ErrorCode
  as Firehose does, and passes only the rest to moto.

Failures are spread evenly, not drawn at random: with a share of 0.1, the
10th, 20th, 30th ... call fails, whatever order concurrent calls arrive in.
So a test that injects failures always gets them, in the same number, and
never passes or fails by luck.

Everything else (S3, CreateDeliveryStream, ...) goes to moto untouched. The
limits are Firehose's: https://docs.aws.amazon.com/firehose/latest/dev/limits.html

With an OpenSearch node attached (`gate.deliver_to(...)`), the gate also
does what Firehose's OpenSearch destination does with the records it
accepted (https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html):
each record is one document, indexed into `<IndexName>-YYYY-MM-DD` by its
arrival time (`IndexRotationPeriod=OneDay`, UTC). A document the node
refuses is written to the S3 bucket under `<prefix>AmazonOpenSearchService-failed/`
(the S3BackupMode documentation:
https://docs.aws.amazon.com/firehose/latest/APIReference/API_AmazonopensearchserviceDestinationConfiguration.html),
one JSON object per line in Firehose's failed-document format, with
`attemptsMade`, `arrivalTimestamp`, `errorCode`, `errorMessage`,
`attemptEndingTimestamp`, `rawData` (base64), `esDocumentId`,
`esIndexName` and `esTypeName`
(https://docs.aws.amazon.com/firehose/latest/dev/retry.html, "Amazon
OpenSearch Service"). Retries before giving up are left out: the node
answers at once, and a mapping error does not go away by retrying.

Run it by itself for local experiments (cargo lambda watch, invoke):

    .venv/bin/python tests/e2e/firehose_gate.py --port 5000 --fail-calls 0.1 --fail-records 0.2
"""

import argparse
import base64
import io
import json
import logging
import datetime
import math
import threading
import urllib.request
import uuid

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

# One access-log line per request drowns the test output.
logging.getLogger("werkzeug").setLevel(logging.ERROR)

MAX_RECORDS_PER_CALL = 500
MAX_BYTES_PER_CALL = 4 * 1024 * 1024
MAX_RECORD_BYTES = 1000 * 1024
TARGET = "Firehose_20150804.PutRecordBatch"


class Gate:
    def __init__(self, app, fail_calls=0.0, fail_records=0.0):
        self.app = app
        self.fail_calls = fail_calls
        self.fail_records = fail_records
        self.lock = threading.Lock()
        self.reset()

    opensearch = None  # (url, index name, s3 client factory, bucket, prefix)

    def deliver_to(self, url, index_name, s3, bucket, prefix):
        """Also index accepted records into the OpenSearch node at `url`."""
        self.opensearch = (url, index_name, s3, bucket, prefix)

    def reset(self):
        self.records_seen = 0
        self.stats = {
            "calls": 0,
            "violations": [],
            "failed_calls": 0,
            "failed_records": 0,
            "accepted_records": 0,
            "max_records_in_call": 0,
            "max_bytes_in_call": 0,
            "max_record_bytes": 0,
            "indexed": 0,
            "index_failed": 0,
            # PutRecordBatch calls being served at once, now and at most.
            "in_flight": 0,
            "max_in_flight": 0,
        }

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET") != TARGET:
            return self.app(environ, start_response)
        with self.lock:
            self.stats["in_flight"] += 1
            self.stats["max_in_flight"] = max(self.stats["max_in_flight"], self.stats["in_flight"])
        try:
            return self._put_record_batch(environ, start_response)
        finally:
            with self.lock:
                self.stats["in_flight"] -= 1

    def _put_record_batch(self, environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request = json.loads(environ["wsgi.input"].read(length))
        datas = [base64.b64decode(r["Data"]) for r in request["Records"]]
        sizes = [len(d) for d in datas]
        with self.lock:
            s = self.stats
            s["calls"] += 1
            s["max_records_in_call"] = max(s["max_records_in_call"], len(datas))
            s["max_bytes_in_call"] = max(s["max_bytes_in_call"], sum(sizes))
            s["max_record_bytes"] = max([s["max_record_bytes"], *sizes])
            violation = None
            if len(datas) > MAX_RECORDS_PER_CALL:
                violation = f"{len(datas)} records in one call"
            elif sum(sizes) > MAX_BYTES_PER_CALL:
                violation = f"{sum(sizes)} bytes in one call"
            elif any(n > MAX_RECORD_BYTES for n in sizes):
                violation = f"a record of {max(sizes)} bytes"
            if violation:
                s["violations"].append(violation)
                return _json(start_response, "400 Bad Request", {"__type": "InvalidArgumentException", "message": violation})
            if _nth(s["calls"], self.fail_calls):
                s["failed_calls"] += 1
                return _json(start_response, "503 Service Unavailable", {"__type": "ServiceUnavailableException", "message": "Slow down."})
            first = self.records_seen
            self.records_seen += len(datas)
            failed = [_nth(first + i + 1, self.fail_records) for i in range(len(datas))]
            s["failed_records"] += sum(failed)
            s["accepted_records"] += len(datas) - sum(failed)

        passed = [r for r, f in zip(request["Records"], failed) if not f]
        accepted = []
        if passed:
            body = json.dumps({"DeliveryStreamName": request["DeliveryStreamName"], "Records": passed}).encode()
            inner = dict(environ, CONTENT_LENGTH=str(len(body)))
            inner["wsgi.input"] = io.BytesIO(body)
            status_headers = {}

            def inner_start(status, headers, exc_info=None):
                status_headers["status"] = status
                return lambda _data: None

            out = b"".join(self.app(inner, inner_start))
            if not status_headers["status"].startswith("200"):
                start_response(status_headers["status"], [("Content-Type", "application/x-amz-json-1.1")])
                return [out]
            accepted = json.loads(out)["RequestResponses"]
            if self.opensearch:
                self._index([base64.b64decode(r["Data"]) for r in passed])
        entries, it = [], iter(accepted)
        for f in failed:
            entries.append({"ErrorCode": "ServiceUnavailableException", "ErrorMessage": "Slow down."} if f else next(it))
        return _json(start_response, "200 OK", {"FailedPutCount": sum(failed), "Encrypted": False, "RequestResponses": entries})


    def _index(self, documents):
        """Firehose's OpenSearch destination: one document per record, a
        daily index by arrival time, refused documents to S3."""
        url, index_name, s3, bucket, prefix = self.opensearch
        arrival = datetime.datetime.now(datetime.timezone.utc)
        index = f"{index_name}-{arrival:%Y-%m-%d}"
        lines = []
        for doc in documents:
            lines.append(json.dumps({"index": {"_index": index}}))
            lines.append(doc.decode().strip())
        request = urllib.request.Request(
            f"{url}/_bulk?refresh=true", data=("\n".join(lines) + "\n").encode(), method="POST",
            headers={"Content-Type": "application/x-ndjson"},
        )
        with urllib.request.urlopen(request, timeout=60) as resp:
            items = json.loads(resp.read())["items"]
        failed = []
        millis = int(arrival.timestamp() * 1000)
        for doc, item in zip(documents, items):
            result = item["index"]
            if "error" not in result:
                continue
            failed.append(json.dumps({
                "attemptsMade": 1,
                "arrivalTimestamp": millis,
                "errorCode": result["error"]["type"],
                "errorMessage": result["error"].get("reason", ""),
                "attemptEndingTimestamp": millis,
                "rawData": base64.b64encode(doc).decode(),
                "subsequenceNumber": 0,
                "esDocumentId": result.get("_id", ""),
                "esIndexName": index,
                "esTypeName": "",
            }))
        with self.lock:
            self.stats["indexed"] += len(documents) - len(failed)
            self.stats["index_failed"] += len(failed)
        if failed:
            key = f"{prefix}AmazonOpenSearchService-failed/{arrival:%Y/%m/%d/%H}/logs-{uuid.uuid4()}"
            s3().put_object(Bucket=bucket, Key=key, Body=("\n".join(failed) + "\n").encode())


def _nth(n, share):
    """Whether the n-th item (from 1) is one of an evenly spread `share`."""
    return math.floor(n * share) != math.floor((n - 1) * share)


def _json(start_response, status, doc):
    body = json.dumps(doc).encode()
    start_response(status, [("Content-Type", "application/x-amz-json-1.1"), ("Content-Length", str(len(body)))])
    return [body]


class GatedMoto:
    """moto plus the gate, served on loopback from a background thread."""

    def __init__(self, port=0, **gate_options):
        self.gate = Gate(DomainDispatcherApplication(create_backend_app), **gate_options)
        self.server = make_server("127.0.0.1", port, self.gate, threaded=True, request_handler=MotoRequestHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join()


def create_stream(url, stream="logs", bucket="logs-backup", region="us-east-1"):
    """A delivery stream writing to an S3 bucket, as the template's backup."""
    import boto3

    kw = dict(endpoint_url=url, region_name=region, aws_access_key_id="test", aws_secret_access_key="test")
    boto3.client("s3", **kw).create_bucket(Bucket=bucket)
    boto3.client("firehose", **kw).create_delivery_stream(
        DeliveryStreamName=stream,
        DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration={
            "RoleARN": "arn:aws:iam::123456789012:role/firehose",
            "BucketARN": f"arn:aws:s3:::{bucket}",
            "Prefix": "logs/",
            # As real Firehose reports them; moto echoes only what it is
            # given, and the SDK requires these in DescribeDeliveryStream.
            "CompressionFormat": "UNCOMPRESSED",
            "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300},
            "EncryptionConfiguration": {"NoEncryptionConfig": "NoEncryption"},
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--fail-calls", type=float, default=0.0)
    parser.add_argument("--fail-records", type=float, default=0.0)
    parser.add_argument("--stream", default="logs")
    args = parser.parse_args()
    with GatedMoto(args.port, fail_calls=args.fail_calls, fail_records=args.fail_records) as moto:
        create_stream(moto.url, args.stream)
        print(f"moto with the Firehose gate on {moto.url}, stream {args.stream!r} -> s3://logs-backup/logs/", flush=True)
        moto.thread.join()
