"""The parser's oracle: real Python logging, formatted twice.

For each case (a format string, a datefmt and a style) this logs the same
LogRecords through `logging.Formatter(FMT, DATEFMT)` and through
python-json-logger's `JsonFormatter(FMT, DATEFMT)`, and prints, as JSON:

    {"cases": [{"name", "format", "datefmt", "style",
                "records": [{"text": <what the app's StreamHandler writes>,
                             "json": <what JsonFormatter would have written>}]}]}

The Rust test (tests/integration/oracle.rs) feeds the text to the binary in
both arrival modes and requires the binary's documents to equal the JSON
field by field. Nothing is hand-written on either side.

    .venv/bin/python tests/oracle/oracle.py > /tmp/oracle.json

With `--ecs`, the second formatter is Elastic's `ecs_logging.StdlibFormatter`
instead, whose documents the binary's `OUTPUT_SCHEMA=ecs` must agree with
on every field it maps (tests/integration/oracle.rs says which).

Time is pinned to a 250 ms grid so `created`, `msecs` and `relativeCreated`
print exactly (`%(created)f` keeps 6 decimals; the grid needs 2).
"""

import json
import logging
import os
import sys
import time

from pythonjsonlogger.json import JsonFormatter

BASE = 1715438684.0  # 2024-05-11T14:44:44Z

LAMBDA_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s"

CASES = [
    ("seed", "%(asctime)s %(name)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z", "%"),
    ("lambda-runtime", LAMBDA_FORMAT, "%Y-%m-%dT%H:%M:%S", "%"),
    ("basicConfig", "%(levelname)s:%(name)s:%(message)s", None, "%"),
    ("cookbook", "%(asctime)s - %(name)s - %(levelname)s - %(message)s", None, "%"),
    ("padded", "%(asctime)s.%(msecs)03d %(levelname)-8s [%(name)s] %(message)s", "%H:%M:%S", "%"),
    ("location-suffix", "%(levelname)s %(message)s (%(filename)s:%(lineno)d)", None, "%"),
    (
        "process-thread",
        "%(asctime)s %(process)d %(thread)d %(threadName)s %(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s",
        None,
        "%",
    ),
    ("numbers", "%(created)f %(relativeCreated)d %(levelno)s %(message)s", None, "%"),
    ("adjacent", "[%(levelname)s%(lineno)d] %(module)s.%(funcName)s: %(message)s", None, "%"),
    ("percent-literal", "%(asctime)s 100%% %(levelname)s %(message)s", "%d/%b/%Y:%H:%M:%S", "%"),
    ("right-aligned", "%(levelname)8s %(name)-14s %(message)s", None, "%"),
    ("pathname", "%(pathname)s:%(lineno)d %(levelname)s %(message)s", "%Y-%m-%d", "%"),
    ("brace", "{asctime} | {levelname} | {name} | {message}", "%Y-%m-%d %H:%M:%S", "{"),
    ("zero-padded-lineno", "%(asctime)s %(levelname)s %(module)s:%(lineno)04d %(message)s", "%s", "%"),
    # Popular programs' defaults, which auto-detection also knows (see
    # realworld.py for the programs' own formatter objects).
    ("gunicorn-error", "%(asctime)s [%(process)d] [%(levelname)s] %(message)s", "[%Y-%m-%d %H:%M:%S %z]", "%"),
    ("flask", "[%(asctime)s] %(levelname)s in %(module)s: %(message)s", None, "%"),
    # Django's documented "verbose" formatter, `{`-style there; the same text in `%`.
    ("django-verbose", "%(levelname)s %(asctime)s %(module)s %(process)d %(thread)d %(message)s", None, "%"),
    (
        "celery-task",
        "[%(asctime)s: %(levelname)s/%(processName)s] %(task_name)s[%(task_id)s]: %(message)s",
        None,
        "%",
    ),
    ("celery-worker", "[%(asctime)s: %(levelname)s/%(processName)s] %(message)s", None, "%"),
    ("sqlalchemy", "%(asctime)s %(levelname)s %(name)s %(message)s", None, "%"),
    ("boto3", "%(asctime)s %(name)s [%(levelname)s] %(message)s", None, "%"),
    # What the format string says about types and styles: custom fields
    # printed as numbers (python-json-logger writes the attribute, an int
    # or a float), and string.Template's `$` style.
    ("typed-custom", "%(levelname)s w%(worker)d r%(ratio).2f x%(mask)x o%(mode)#o %(message)s", None, "%"),
    ("dollar", "$asctime $levelname ${name}: $message", None, "$"),
    # Issue 29: fields printed with repr()/ascii() (strings with
    # apostrophes and quotes, a number, None), and a `[%(levelname)s]`-led
    # format at every level, ERROR included. (`{x!r}` is unit-tested only:
    # this python-json-logger names that field `x!r` and writes null.)
    ("repr", "%(asctime)s | Flow run %(flow_run_name)r - %(message)s", "%H:%M:%S", "%"),
    ("repr-number", "%(levelname)s %(flow_run_name)r %(attempt)r - %(message)s", None, "%"),
    ("ascii", "%(levelname)s %(flow_run_name)a: %(message)s", None, "%"),
    ("bracketed-level", "[%(levelname)s]  <%(threadName)s>: %(message)s", None, "%"),
    # Two free-text fields side by side, the message empty or one word
    # (with more, text alone can't tell them apart: Known limits).
    ("empty-middle", "[%(name)s] %(request)s %(message)s %(status)d", None, "%"),
]


class Clock:
    """Hands out creation times on a 250 ms grid."""

    def __init__(self):
        self.t = BASE

    def __call__(self):
        self.t += 0.25
        return self.t


def boom(value):
    return int(value)


def chained():
    try:
        try:
            boom("not-a-number")
        except ValueError as err:
            raise RuntimeError("config is broken") from err
    except RuntimeError:
        # Implicit chaining: "During handling of the above exception ..."
        {}["missing"]


def produce(log):
    """The records every case logs. Each kind of message the parser must
    survive appears at least once."""
    log.info("simple message")
    log.warning("spaces   and\ttabs | separators: - [x] (y) {z} 100%% %s", "args")
    log.error('quotes "double" and \'single\' and \\backslash')
    log.info("unicode: café ✓ 日本 🙂")
    log.info("embedded newline\nsecond line of the message\n  indented third line")
    log.info("")
    log.info("trailing spaces   ")
    log.debug("long " + "x" * 4995)
    log.log(25, "a custom level name")
    log.log(5, "another custom level")
    try:
        boom("nope")
    except ValueError:
        log.exception("a plain exception")
    try:
        chained()
    except KeyError:
        log.exception("chained exceptions with a stack", stack_info=True)
    log.warning("only a stack", stack_info=True)
    log.critical("last record")


class RequestId(logging.Filter):
    """What the Lambda runtime's filter does: stamp the request id."""

    def filter(self, record):
        record.aws_request_id = "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
        return True


class CeleryTask(logging.Filter):
    """What Celery's TaskFormatter does: stamp the current task."""

    def filter(self, record):
        record.task_name = "orders.tasks.charge"
        record.task_id = "0e6a1b6c-2f0b-4d3e-9b1a-7c2d7e1f9a10"
        return True


class Worker(logging.Filter):
    """What an app's filter or `extra=` does: attributes with types."""

    def filter(self, record):
        record.worker, record.ratio, record.mask, record.mode = 7, 0.25, 31, 0o17
        return True


class FlowRun(logging.Filter):
    """What Prefect's flow-run logger does: the run's name on each
    record; here one with apostrophes, quotes, a separator and non-ASCII
    text in turn, and an attempt number that is sometimes None."""

    NAMES = ["crimson-lemur", "it's", 'say "hi", it\'s', "a - b", "café ✓"]

    def __init__(self, attempt):
        super().__init__()
        self.n, self.attempt = 0, attempt

    def filter(self, record):
        record.flow_run_name = self.NAMES[self.n % len(self.NAMES)]
        if self.attempt:
            record.attempt = None if self.n % 3 == 0 else self.n
        self.n += 1
        return True


class Request(logging.Filter):
    """An access-log style filter: the request line and its status."""

    def __init__(self):
        super().__init__()
        self.n = 0

    def filter(self, record):
        record.request = ["GET /a", "GET /orders/42", "POST /b"][self.n % 3]
        record.status = [200, 201, 404][self.n % 3]
        self.n += 1
        return True


def produce_requests(log):
    """Messages of one word or none, at every level."""
    for level, msg in [(logging.INFO, ""), (logging.INFO, "done"), (logging.WARNING, "slow"),
                       (logging.ERROR, ""), (logging.DEBUG, "ok")]:
        log.log(level, msg)


class Both(logging.Handler):
    def __init__(self, text, js):
        super().__init__(logging.DEBUG)
        self.text, self.js, self.records = text, js, []

    def emit(self, record):
        self.records.append({"text": self.text.format(record), "json": self.js.format(record)})


def run_case(name, fmt, datefmt, style, ecs=False):
    clock = Clock()
    time.time = clock
    time.time_ns = lambda: int(round(clock.t * 1e9))
    logging._startTime = BASE
    if ecs:
        import ecs_logging

        second = ecs_logging.StdlibFormatter()
    else:
        second = JsonFormatter(fmt, datefmt, style=style)
    handler = Both(logging.Formatter(fmt, datefmt, style=style), second)
    if "aws_request_id" in fmt:
        # Only the Lambda runtime stamps it; elsewhere JsonFormatter would
        # see no such attribute either.
        handler.addFilter(RequestId())
    if "task_name" in fmt:
        handler.addFilter(CeleryTask())
    if "worker" in fmt:
        handler.addFilter(Worker())
    if "%(request)s" in fmt:
        handler.addFilter(Request())
    if "flow_run_name" in fmt:
        handler.addFilter(FlowRun("attempt" in fmt))
    log = logging.getLogger("orders.api")
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(1)
    (produce_requests if "%(request)s" in fmt else produce)(log)
    return {"name": name, "format": fmt, "datefmt": datefmt, "style": style, "records": handler.records}


def main():
    os.environ["TZ"] = "UTC"
    time.tzset()
    logging.addLevelName(25, "NOTICE")
    logging.addLevelName(5, "TRACE")
    real = time.time, time.time_ns
    try:
        ecs = "--ecs" in sys.argv[1:]
        cases = [run_case(*c, ecs=ecs) for c in CASES]
    finally:
        time.time, time.time_ns = real
    json.dump({"cases": cases}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
