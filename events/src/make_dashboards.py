"""Writes the dashboards' sample corpus: three services' deliveries, as
readable payloads in events/src/dashboards/, with real Python logging, so
every traceback (chained, an exception group, a SyntaxError, one with no
message) is exactly what CPython prints.

    python3 events/src/make_dashboards.py   # then bash events/regenerate.sh

The corpus spans two hours (2024-05-11 14:00 to 16:00 UTC) with times
pinned, so the same files come out on every run:

- /aws/lambda/orders and /aws/lambda/payments: the Lambda Python runtime's
  text format, one CloudWatch event per record as Lambda sends them, with
  START/END/REPORT lines (cold starts, a timeout, an out-of-memory error)
  and an uncaught exception as the runtime prints it;
- /ecs/web: the README's example format on a StreamHandler, one event per
  line as the awslogs driver sends them (tracebacks split across events).

tests/e2e/test_dashboards.py indexes it through the binary and checks every
panel's buckets against the documents it holds.
"""
import json
import logging
import math
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "dashboards")
START = 1715436000.0  # 2024-05-11T14:00:00Z
OWNER = "123456789012"
LAMBDA_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s"
README_FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(message)s"


class Clock:
    """The time every LogRecord is created at, moved on by hand."""

    def __init__(self):
        self.t = START

    def __call__(self):
        return self.t


CLOCK = Clock()


class Delivery:
    """One log group's events: what CloudWatch hands the subscription."""

    def __init__(self, group, stream):
        self.group, self.stream, self.events = group, stream, []

    def emit(self, text, advance=True):
        ms = int(round(CLOCK.t * 1000))
        self.events.append({"id": "%020d%036d" % (ms, len(self.events)), "timestamp": ms, "message": text})
        if advance:
            CLOCK.t += 0.001

    def write(self, name):
        payload = {
            "messageType": "DATA_MESSAGE", "owner": OWNER, "logGroup": self.group, "logStream": self.stream,
            "subscriptionFilters": ["logs-to-firehose"], "logEvents": self.events,
        }
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            json.dump(payload, f, indent=1, ensure_ascii=False)
            f.write("\n")


def logger_for(delivery, fmt, datefmt, per_line):
    """The root logger, writing each record as one event (Lambda) or each
    line as one (the awslogs driver)."""

    class Handler(logging.Handler):
        def emit(self, record):
            text = self.format(record)
            if per_line:
                # One write: the driver stamps its lines in the same ms.
                lines = text.split("\n")
                for i, line in enumerate(lines):
                    delivery.emit(line, advance=i == len(lines) - 1)
            else:
                delivery.emit(text + "\n")

    handler = Handler()
    handler.setFormatter(logging.Formatter(fmt, datefmt))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG)
    return handler


# What the apps raise. Each is a function so the tracebacks have frames.
def parse_amount(text):
    return int(text)


def lookup(sku):
    return {"A-1": 3}[sku]


def reload_config():
    try:
        parse_amount("n/a")
    except ValueError as err:
        raise RuntimeError("config is broken") from err


def settle_batch():
    raise ExceptionGroup("batch settlement failed", [ValueError("amount -3"), TypeError("currency None")])


def load_plugin():
    compile("rate = (1 +\n", "plugins/rates.py", "exec")


def call_bank():
    raise TimeoutError()


def connect_cache():
    raise ConnectionError("cache at 10.0.3.7:6379 refused the connection")


def logged(log, fn, message):
    try:
        fn()
    except BaseException:
        log.exception(message)


class RequestId(logging.Filter):
    rid = ""

    def filter(self, record):
        record.aws_request_id = RequestId.rid
        return True


def invocation(d, rid, run, body):
    """One invocation's lines around what `body` logs: INIT_START on a
    cold start, START, END, and the REPORT line with its figures.
    `run` is (duration ms, max memory MB, init ms or None, status or None)."""
    duration, memory, init, status = run
    RequestId.rid = rid
    if init is not None:
        d.emit("INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:abc123\n")
    d.emit(f"START RequestId: {rid} Version: $LATEST\n")
    body()
    d.emit(f"END RequestId: {rid}\n")
    report = (f"REPORT RequestId: {rid}\tDuration: {duration:.2f} ms\tBilled Duration: {math.ceil(duration)} ms"
              f"\tMemory Size: 256 MB\tMax Memory Used: {memory} MB\t")
    if init is not None:
        report += f"Init Duration: {init:.2f} ms\t"
    if status:
        report += f"Status: {status}"
    d.emit(report + "\n")


def lambda_function(group, stream):
    d = Delivery(group, stream)
    handler = logger_for(d, LAMBDA_FORMAT, "%Y-%m-%dT%H:%M:%S", per_line=False)
    handler.addFilter(RequestId())
    return d


def lambda_orders():
    d = lambda_function("/aws/lambda/orders", "2024/05/11/[$LATEST]a1b2c3d4e5f60718293a4b5c6d7e8f90")
    log = logging.getLogger("orders.handler")
    runs = [
        (120.5, 90, 412.5, None), (80.25, 92, None, None), (95.0, 95, None, None), (110.75, 96, None, None),
        (60.0, 97, None, None), (3000.0, 120, None, "timeout"), (70.5, 98, 398.25, None), (88.0, 99, None, None),
    ]
    failures = {1: (lambda: lookup("B-7"), "order lookup failed"), 3: (parse_amount_na, "bad amount"),
                4: (reload_config, "config reload failed"), 6: (lambda: lookup("C-3"), "order lookup failed")}
    for k, run in enumerate(runs):
        CLOCK.t = START + k * 900 + 30
        rid = "0rd3r5-%04d-4e5f-8a9b-0c1d2e3f4a5b" % k

        def body():
            log.info("order placed: id=O-%d" % (1000 + k))
            if k in failures:
                logged(log, *failures[k])
            if run[3] == "timeout":
                stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(CLOCK.t + 3))
                d.emit(f"{stamp}.000Z {rid} Task timed out after 3.00 seconds\n")

        invocation(d, rid, run, body)
    return d


def parse_amount_na():
    parse_amount("12,50")


def lambda_payments():
    d = lambda_function("/aws/lambda/payments", "2024/05/11/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0")
    log = logging.getLogger("payments.settle")
    runs = [(210.0, 180, 655.0, None), (190.5, 200, None, None), (250.25, 256, None, "error\tError Type: Runtime.OutOfMemory"),
            (205.0, 150, 640.75, None)]
    for k, run in enumerate(runs):
        CLOCK.t = START + k * 1800 + 300

        def body():
            log.info("settling batch %d" % k)
            if k == 1:
                logged(log, settle_batch, "settlement failed")
                logged(logging.getLogger("payments.bank"), call_bank, "bank did not answer")
            if k == 3:
                # An uncaught exception, as the runtime prints it: one
                # event, `[ERROR] Type: message` then the traceback.
                try:
                    lookup("Z-9")
                except KeyError as err:
                    frames = traceback.format_tb(err.__traceback__)
                    d.emit("[ERROR] KeyError: 'Z-9'\nTraceback (most recent call last):\n" + "".join(frames))

        invocation(d, "p4ym3n75-%04d-4a1b-9c2d-3e4f5a6b7c8d" % k, run, body)
    return d


def ecs_web():
    d = Delivery("/ecs/web", "web/app/5c4b3a2918f7")
    logger_for(d, README_FORMAT, "%Y-%m-%d %H:%M:%S", per_line=True)
    request, db, cache = (logging.getLogger(n) for n in ("web.request", "web.db", "web.cache"))
    for k in range(40):
        CLOCK.t = START + k * 180 + 7
        request.info("GET /orders/%d 200 in %d ms" % (k, 20 + k))
        if k % 3 == 0:
            db.info("query orders took %d ms" % (5 + k))
        if k % 8 == 0:
            cache.debug("cache hit ratio 0.%02d" % (90 + k % 10))
        if k % 7 == 3:
            db.warning("slow query: %d ms" % (900 + k))
        if k in (5, 22, 35):
            logged(request, parse_amount_na, "could not parse the amount")
        if k == 12:
            logged(request, load_plugin, "plugin failed to load")
        if k == 30:
            request.critical("disk full: /var/lib/web at 100%")
    # The newest exception type: only in the last ten minutes.
    for k in range(2):
        CLOCK.t = START + 7000 + k * 60
        logged(cache, connect_cache, "cache unavailable")
    return d


def main():
    os.environ["TZ"] = "UTC"
    time.tzset()
    time.time = CLOCK
    time.time_ns = lambda: int(CLOCK.t * 1e9)
    os.makedirs(OUT, exist_ok=True)
    lambda_orders().write("orders.payload.json")
    lambda_payments().write("payments.payload.json")
    ecs_web().write("web.payload.json")


if __name__ == "__main__":
    if sys.version_info < (3, 11):
        sys.exit("needs Python 3.11 or newer (exception groups)")
    # Tracebacks name a fixed, Lambda-like file from any checkout.
    with open(os.path.abspath(__file__), encoding="utf-8") as f:
        code = compile(f.read(), "/var/task/app.py", "exec")
    namespace = {"__name__": "app", "__file__": os.path.abspath(__file__)}
    exec(code, namespace)
    namespace["main"]()
