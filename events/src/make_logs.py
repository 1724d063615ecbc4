"""Writes the readable log sources in this folder with real Python logging,
so tracebacks and chained exceptions are exactly what CPython prints.

    python3 events/src/make_logs.py   # from the repository root

Times are pinned so the output is the same on every run.
"""
import json
import logging
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = 1715438684.0  # 2024-05-11T14:44:44Z


class Clock:
    """Feeds LogRecords fixed creation times, 250 ms apart."""

    def __init__(self):
        self.t = BASE

    def __call__(self):
        self.t += 0.25
        return self.t


def run(path, fmt, datefmt, produce, style="%"):
    clock = Clock()
    real_time = time.time
    time.time = clock
    time.time_ns = lambda: int(clock.t * 1e9)
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        with open(os.path.join(HERE, path), "w", encoding="utf-8") as out:
            handler = logging.StreamHandler(out)
            handler.setFormatter(logging.Formatter(fmt, datefmt, style=style))
            root = logging.getLogger()
            root.handlers[:] = [handler]
            root.setLevel(logging.DEBUG)
            produce(out)
    finally:
        time.time = real_time


def fail_parsing(value):
    return int(value)


def load_config():
    try:
        fail_parsing("not-a-number")
    except ValueError as err:
        raise RuntimeError("config is broken") from err


def seed(out):
    log = logging.getLogger("orders.api")
    log.info("service started on port 8080")
    log.debug("cache warmed: 1,024 keys in 12 ms")
    log.info('order accepted: id=A-1001 user="ann" total=19.99 EUR')
    log.warning("payment provider slow: 2.4 s (threshold 1.0 s)")
    try:
        load_config()
    except RuntimeError:
        log.exception("could not reload config")
    log.info("retrying with cached config")
    log.warning("slow path taken", stack_info=True)
    logging.getLogger("botocore.credentials").info("Found credentials in environment variables.")
    log.error("order rejected\nreason: card declined\ncode: 51")
    log.info("unicode ok: café ✓ 日本")


def lambda_runtime(out):
    """The Lambda Python runtime: its own format, platform lines, print().

    Lambda sends each log record as one CloudWatch event (lines joined, one
    trailing newline) and each print() line and platform line as its own
    event. Besides the flat log, this writes those events as a readable
    payload, lambda-runtime.payload.json, for `encode --payload`.
    """
    rid = "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
    rid2 = "0d7c7b0e-5f3b-4b8f-9c62-7a4d3f1e2b10"
    events = []

    def emit(text):
        out.write(text)
        events.append(text)

    class EventHandler(logging.Handler):
        def emit(self, record):
            emit(self.format(record) + "\n")

    class Req(logging.Filter):
        def __init__(self):
            self.rid = rid

        def filter(self, record):
            record.aws_request_id = self.rid
            return True

    root = logging.getLogger()
    handler = EventHandler()
    handler.setFormatter(root.handlers[0].formatter)
    req = Req()
    handler.addFilter(req)
    root.handlers[:] = [handler]
    log = logging.getLogger()
    emit("INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc123\n")
    emit(f"START RequestId: {rid} Version: $LATEST\n")
    log.info("processing 3 messages")
    emit("plain print() output without a request id\n")
    log.warning("message 2 is a duplicate, skipping")
    emit(f"END RequestId: {rid}\n")
    emit(f"REPORT RequestId: {rid}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 45 MB\tInit Duration: 187.65 ms\t\n")
    req.rid = rid2
    emit(f"START RequestId: {rid2} Version: $LATEST\n")
    try:
        load_config()
    except RuntimeError:
        log.exception("handler failed")
    emit(f"2024-05-11T14:44:46.000Z {rid2} Task timed out after 3.00 seconds\n")
    emit(f"END RequestId: {rid2}\n")
    emit(f"REPORT RequestId: {rid2}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 52 MB\tStatus: timeout\n")
    payload = {
        "messageType": "DATA_MESSAGE",
        "owner": "123456789012",
        "logGroup": "/aws/lambda/orders",
        "logStream": "2024/05/11/[$LATEST]0123456789abcdef0123456789abcdef",
        "subscriptionFilters": ["logs-to-firehose"],
        "logEvents": [
            {"id": "%020d%036d" % (1715438684000 + i, i), "timestamp": 1715438684000 + i, "message": m}
            for i, m in enumerate(events)
        ],
    }
    with open(os.path.join(HERE, "lambda-runtime.payload.json"), "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=2, ensure_ascii=False)
        f.write("\n")


def json_lines(out):
    rows = [
        {"timestamp": "2024-05-11T14:44:44Z", "level": "INFO", "message": "user signed in", "logger": "auth", "requestId": "r-1", "user": {"id": 7, "roles": ["admin"]}},
        {"asctime": "2024-05-11T14:44:45+0000", "name": "orders.api", "levelname": "WARNING", "message": "slow query", "duration_ms": 812.5},
        {"time": "2024-05-11T14:44:46.000Z", "type": "platform.report", "record": {"requestId": "r-1", "metrics": {"durationMs": 1.5, "billedDurationMs": 2, "memorySizeMB": 128, "maxMemoryUsedMB": 40}}},
    ]
    for row in rows:
        out.write(json.dumps(row) + "\n")


def main():
    run("seed.log", "%(asctime)s %(name)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z", seed)
    run("lambda-runtime.log", "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S", lambda_runtime)
    run("json-lines.log", "%(message)s", None, json_lines)


if __name__ == "__main__":
    # Re-run this file's code under a fixed, Lambda-like file name, so the
    # tracebacks it prints are the same from any checkout.
    with open(os.path.abspath(__file__), encoding="utf-8") as f:
        code = compile(f.read(), "/var/task/app.py", "exec")
    namespace = {"__name__": "app", "__file__": os.path.abspath(__file__)}
    exec(code, namespace)
    namespace["main"]()
    # The README's example format, which no built-in format knows: read
    # with nothing configured by inferring it (and printed by `infer`).
    # Written after main() so the other logs' stacks keep their line numbers.
    fmt = "%(asctime)s %(levelname)s [%(name)s] %(message)s"
    namespace["run"]("app.log", fmt, "%Y-%m-%d %H:%M:%S", namespace["seed"])
    # stack_info walks up to this script's own frame; give it a stable,
    # Lambda-like name too.
    me = os.path.abspath(__file__)
    for name in os.listdir(HERE):
        path = os.path.join(HERE, name)
        if name.endswith((".log", ".json")):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(me, "/var/runtime/bootstrap.py"))
