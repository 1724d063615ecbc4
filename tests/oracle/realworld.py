"""The real-software oracle: popular programs' own logging set-ups, mixed.

Each stream interleaves the records of two or three real programs (their
own formatter objects and default formats, taken from the installed
packages, not retyped) with `print()` lines, as a container's log stream
holds them. Every record is formatted twice, as `oracle.py` does: by the
program's formatter (what reaches CloudWatch) and by python-json-logger's
`JsonFormatter` with the same format (the truth). A `print()` line's truth
is `{"message": line}`.

    .venv/bin/python tests/oracle/realworld.py --profile spread > /tmp/realworld.json

prints {"profile", "streams": [{"name", "formats": [{"format", "datefmt"}],
"auto": <every format auto-detected>, "records": [{"program", "text",
"json", "ms", "catch_all"}]}]}. `ms` is the record's creation time, which
the Rust test (tests/integration/oracle.rs) gives every line of the record
in the one-event-per-line mode, as CloudWatch stamps the lines of one
write. Two timing profiles:

- spread: records 5 to 50 ms apart (seeded), as a steady service writes;
- burst: every record in the same millisecond, as a busy one does.

`catch_all` says the record's first line can't show that a record starts
there: a print() line, or a program whose format begins with its message.

Programs: gunicorn (error and access logs), Flask, Django (runserver and
request errors), Celery (worker and task logs), SQLAlchemy (echo), boto3
(set_stream_logger), Werkzeug (the development server), Tornado
(`tornado.log.LogFormatter`, which indents continuation lines and cuts the
level to one letter), Dramatiq (its CLI's LOGFORMAT), RQ (its worker's
log handler) and structlog (KeyValueRenderer through a %(message)s
StreamHandler); and Python's own edge cases: warnings captured into
logging, stack_info, format_stack() in a message, an exception with a
multi-line message, an ExceptionGroup, a $-style format, asyncio's
exception handler.
"""

import argparse
import json
import logging
import random
import traceback
import warnings
import logging.config
import os
import sys
import time
import types

from pythonjsonlogger.json import JsonFormatter

import boto3
import celery.app.defaults
import celery.app.log
import django.conf
import django.utils.log
import flask.logging
import gunicorn.config
import gunicorn.glogging
import dramatiq.cli
import rq.logutils
import sqlalchemy.log
import structlog
import tornado.log
import werkzeug._internal

BASE = 1715438684.0  # 2024-05-11T14:44:44Z


class Clock:
    """Creation times in whole milliseconds, so `created`/`msecs` print
    exactly: 5 to 50 ms apart (seeded) for the spread profile, all the
    same for burst."""

    def __init__(self, profile="spread"):
        self.t, self.profile, self.rng = BASE, profile, random.Random(24)

    def __call__(self):
        if self.profile == "spread":
            self.t = round(self.t + self.rng.randint(5, 50) / 1000, 3)
        return self.t


CLOCK = Clock()


def formatter_of(handler):
    """A handler's formatter, or Python's default (`%(message)s`)."""
    return handler.formatter or logging.Formatter()


def fmt_of(formatter):
    style = {logging.StrFormatStyle: "{", logging.StringTemplateStyle: "$"}.get(type(formatter._style), "%")
    return formatter._fmt or "%(message)s", formatter.datefmt, style


class Program:
    """One program's logger, writing text and truth for every record."""

    def __init__(self, name, logger_name, formatter, stream):
        self.name, self.formatter, self.stream = name, formatter, stream
        fmt, datefmt, style = fmt_of(formatter)
        catch_all = fmt.startswith(("%(message)s", "{message}", "$message", "${message}"))
        self.format = {"format": fmt, "datefmt": datefmt}
        truth = JsonFormatter(fmt, datefmt, style=style)
        program = self

        class Both(logging.Handler):
            def emit(self, record):
                # The program's formatter first: some add attributes
                # (Django's server_time, Celery's task_name) that the truth
                # must see too.
                text = program.formatter.format(record)
                stream.append(
                    {"program": program.name, "text": text, "json": truth.format(record), "ms": round(record.created * 1000),
                     "catch_all": catch_all}
                )

        self.log = logging.getLogger(logger_name)
        self.log.handlers[:] = [Both(logging.DEBUG)]
        self.log.propagate = False
        self.log.setLevel(logging.DEBUG)


def printed(stream, line):
    stream.append({"program": "print", "text": line, "json": json.dumps({"message": line}), "ms": round(CLOCK() * 1000), "catch_all": True})


def gunicorn_programs(stream):
    # gunicorn's Logger builds its handlers' formatters from these.
    error = logging.Formatter(gunicorn.glogging.Logger.error_fmt, gunicorn.glogging.Logger.datefmt)
    access = logging.Formatter(gunicorn.glogging.Logger.access_fmt)
    return Program("gunicorn.error", "gunicorn.error", error, stream), Program(
        "gunicorn.access", "gunicorn.access", access, stream
    )


def access_line(glog, method, path, status, size):
    """An access record's message, made by gunicorn's own atoms and its
    default access_log_format."""
    resp = types.SimpleNamespace(status=f"{status} OK", sent=size, headers=[])
    req = types.SimpleNamespace(headers=[])
    environ = {
        "REMOTE_ADDR": "10.0.3.7", "REQUEST_METHOD": method, "RAW_URI": path, "PATH_INFO": path,
        "QUERY_STRING": "", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_USER_AGENT": "curl/8.5.0",
    }
    atoms = glog.atoms(resp, req, environ, __import__("datetime").timedelta(microseconds=1234))
    atoms["t"] = "[11/May/2024:14:44:44 +0000]"
    return gunicorn.config.AccessLogFormat.default % atoms


def boom(text):
    raise ValueError(text)


def chained():
    try:
        try:
            boom("not-a-number")
        except ValueError as err:
            raise RuntimeError("config is broken") from err
    except RuntimeError:
        {}["missing"]


def awkward(log):
    """The messages that break parsers, logged by an app."""
    log.info("separators: - | [x] (y) {z} : ; 100%% done")
    log.info("a fake header inline: [2024-05-11 14:44:44 +0000] [1] [ERROR] not a record")
    log.info("unicode: café ✓ 日本 🙂 and a\ttab")
    log.info("")
    log.warning("long " + "y" * 12_000)
    log.info("multi-line message\nsecond line\n  indented third\n{'price': '9.99'}")
    try:
        chained()
    except KeyError:
        log.exception("chained exceptions")
    try:
        boom("first line of the error\nsecond line of the error")
    except ValueError:
        log.exception("an exception with a multi-line message", stack_info=True)
    log.warning("only a stack", stack_info=True)


def stream_gunicorn_flask():
    stream = []
    # gunicorn's Logger configures its loggers when built: before ours.
    glog = gunicorn.glogging.Logger(gunicorn.config.Config())
    error, access = gunicorn_programs(stream)
    app = Program("flask", "orders", flask.logging.default_handler.formatter, stream)
    error.log.info("Starting gunicorn 23.0.0")
    error.log.info("Listening at: http://0.0.0.0:8000 (1)")
    printed(stream, "migrations applied: 12")
    access.log.info(access_line(glog, "GET", "/health", 200, 2))
    awkward(app.log)
    try:
        boom("boom")
    except ValueError:
        error.log.exception("Error handling request /orders")
    access.log.info(access_line(glog, "POST", "/orders", 500, 141))
    printed(stream, "{'debug': True}")
    printed(stream, "done")
    return {"name": "gunicorn-flask", "programs": [error, app, access], "records": stream, "auto": True}


def stream_django():
    stream = []
    django.conf.settings.configure(DEBUG=True, LOGGING_CONFIG=None)
    logging.config.dictConfig(django.utils.log.DEFAULT_LOGGING)
    server = Program("django.server", "django.server", logging.getLogger("django.server").handlers[0].formatter, stream)
    console = Program("django.console", "django.request", formatter_of(logging.getLogger("django").handlers[0]), stream)
    server.log.info('"%s" %s %s', "GET /orders/ HTTP/1.1", 200, 5123)
    printed(stream, "Watching for file changes with StatReloader")
    try:
        chained()
    except KeyError:
        console.log.error("Internal Server Error: /orders/", exc_info=True)
    server.log.error('"%s" %s %s', "GET /orders/ HTTP/1.1", 500, 145)
    console.log.warning("Not Found: /favicon.ico")
    server.log.warning('"%s" %s %s', "GET /favicon.ico HTTP/1.1", 404, 179)
    printed(stream, "System check identified no issues (0 silenced).")
    return {"name": "django", "programs": [server, console], "records": stream, "auto": False}


def stream_celery_sqlalchemy():
    stream = []
    defaults = celery.app.defaults.DEFAULTS
    worker = Program(
        "celery.worker", "celery.worker", celery.app.log.ColorFormatter(defaults["worker_log_format"], use_color=False), stream
    )
    task = Program(
        "celery.task", "celery.task", celery.app.log.TaskFormatter(defaults["worker_task_log_format"], use_color=False), stream
    )
    holder = logging.getLogger("sqlalchemy-format-holder")
    holder.handlers[:] = []
    sqlalchemy.log._add_default_handler(holder)
    sql = Program("sqlalchemy", "sqlalchemy.engine.Engine", holder.handlers[0].formatter, stream)
    worker.log.info("Connected to redis://redis:6379/0")
    extra = {"task_name": "orders.tasks.charge", "task_id": "0e6a1b6c-2f0b-4d3e-9b1a-7c2d7e1f9a10"}
    task.log.info("charging order A-1001", extra=extra)
    sql.log.info("BEGIN (implicit)")
    sql.log.info("SELECT orders.id, orders.total \nFROM orders \nWHERE orders.id = ?")
    sql.log.info("[generated in 0.00012s] ('A-1001',)")
    printed(stream, "charged")
    awkward(logging.LoggerAdapter(task.log, extra))
    worker.log.info("Task orders.tasks.charge[0e6a1b6c-2f0b-4d3e-9b1a-7c2d7e1f9a10] succeeded in 0.01s: None")
    sql.log.info("COMMIT")
    return {"name": "celery-sqlalchemy", "programs": [task, worker, sql], "records": stream, "auto": True}


def stream_boto3_werkzeug():
    stream = []
    boto3.set_stream_logger("boto3.resources", logging.DEBUG)
    fmt = logging.getLogger("boto3.resources").handlers[-1].formatter
    aws = Program("boto3", "boto3.resources.factory", fmt, stream)
    logging.getLogger("werkzeug").setLevel(logging.CRITICAL)
    werkzeug._internal._log("info", "probe")  # builds Werkzeug's own handler, silently
    dev = Program("werkzeug", "werkzeug", formatter_of(werkzeug._internal._logger.handlers[0]), stream)
    stream.clear()
    aws.log.debug("Loading s3:s3")
    dev.log.info('127.0.0.1 - - [11/May/2024 14:44:44] "GET / HTTP/1.1" 200 -')
    printed(stream, "   indented print output")
    aws.log.debug("Calling s3:list_objects_v2 with {'Bucket': 'logs-backup'}")
    dev.log.info(' * Running on http://127.0.0.1:5000')
    printed(stream, "Traceback-like print: Traceback (most recent call last): no")
    return {"name": "boto3-werkzeug", "programs": [aws, dev], "records": stream, "auto": True}


def stack_here():
    """What a "blocking call" warning appends: the stack, no exception line."""
    return "".join(traceback.format_stack(limit=2)).rstrip()


def group_error():
    raise ExceptionGroup("two tasks failed", [ValueError("first"), KeyError("second")])


def stream_tornado():
    """Tornado's own formatter, as `enable_pretty_logging` installs it
    (without colour: not a terminal). It cuts the level to one letter and
    indents every continuation line by 4 spaces; asyncio's records, through
    the same root handler, get the same."""
    stream = []
    formatter = tornado.log.LogFormatter(color=False)
    access = Program("tornado.access", "tornado.access", formatter, stream)
    app = Program("tornado.application", "tornado.application", formatter, stream)
    loop = Program("asyncio", "asyncio", formatter, stream)
    access.log.info("200 GET / (127.0.0.1) 1.23ms")
    try:
        1 / 0
    except ZeroDivisionError:
        app.log.error("Uncaught exception GET / (127.0.0.1)", exc_info=True)
    access.log.error("500 GET / (127.0.0.1) 2.50ms")
    app.log.warning("Detected a blocking call inside the event loop\n" + stack_here())
    access.log.info("200 GET /health (127.0.0.1) 0.40ms")
    # asyncio's default exception handler, with debug on: where the task
    # was created, as frames after a line that is no traceback header.
    # (asyncio.base_events.BaseEventLoop.default_exception_handler's layout.)
    created = "".join(traceback.format_list(traceback.extract_stack(limit=2))).rstrip()
    loop.log.error("Task exception was never retrieved\nObject created at (most recent call last):\n" + created)
    app.log.info("multi-line message\nsecond line")
    return {"name": "tornado", "programs": [access], "records": stream, "auto": False}


def stream_dramatiq_rq():
    """A worker host: Dramatiq's CLI format (through basicConfig), RQ's
    worker handler, an app with a $-style format, and Python's own edge
    cases through Dramatiq's handler."""
    stream = []
    worker = Program("dramatiq", "dramatiq.worker.Worker", logging.Formatter(dramatiq.cli.LOGFORMAT), stream)
    holder = logging.getLogger("rq-format-holder")
    holder.handlers[:] = []
    rq.logutils.setup_loghandlers(name="rq-format-holder")
    rqw = Program("rq", "rq.worker", holder.handlers[0].formatter, stream)
    app = Program("app", "billing", logging.Formatter("$asctime $levelname ${name}: $message", style="$"), stream)
    py = Program("py.warnings", "py.warnings", logging.Formatter(dramatiq.cli.LOGFORMAT), stream)
    worker.log.info("Dramatiq '2.2.1' is booting up.")
    rqw.log.info("Worker rq:worker:3c5e started with PID 7, version 2.12.0")
    app.log.info("invoice 42 sent")
    # logging.captureWarnings(True): the warning, then its source line.
    logging.captureWarnings(True)
    try:
        warnings.warn("old rate table in use", UserWarning)
    finally:
        logging.captureWarnings(False)
    worker.log.warning("only a stack", stack_info=True)
    try:
        boom("first line of the error\nsecond line of the error")
    except ValueError:
        worker.log.exception("an exception with a multi-line message")
    try:
        group_error()
    except ExceptionGroup:
        worker.log.exception("a task group failed")
    rqw.log.info("default: Job OK (3f2a)")
    printed(stream, "worker shutting down")
    app.log.warning("retrying in $5")
    worker.log.info("Worker process is ready for action.")
    return {"name": "dramatiq-rq", "programs": [worker, rqw, app], "records": stream, "auto": False}


def stream_structlog():
    """structlog rendering key=value lines into the standard library's
    logging, with a plain StreamHandler (`%(message)s`), as services that
    adopted it often run."""
    stream = []
    handler = logging.StreamHandler()  # its formatter: Python's default
    out = Program("structlog", "orders.events", formatter_of(handler), stream)
    structlog.configure(
        processors=[structlog.processors.KeyValueRenderer(key_order=["event"], sort_keys=True)],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    log = structlog.get_logger("orders.events")
    log.info("order placed", order_id=7, total="9.99")
    log.info("order placed", order_id=8, total="19.99")
    printed(stream, "worker 1 ready")
    log.warning("payment slow", order_id=8, ms=1200)
    log.error("payment failed", order_id=9, reason="card declined")
    return {"name": "structlog", "programs": [out], "records": stream, "auto": True}


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--profile", choices=["spread", "burst"], default="spread")
    CLOCK.profile = args.parse_args().profile
    os.environ["TZ"] = "UTC"
    time.tzset()
    real = time.time, time.time_ns
    time.time = CLOCK
    time.time_ns = lambda: int(round(CLOCK.t * 1e9))
    logging._startTime = BASE
    try:
        streams = [
            stream_gunicorn_flask(), stream_django(), stream_celery_sqlalchemy(), stream_boto3_werkzeug(),
            stream_tornado(), stream_dramatiq_rq(), stream_structlog(),
        ]
    finally:
        time.time, time.time_ns = real
    out = []
    for s in streams:
        # Formats that can tell where a record starts first; catch-alls last.
        formats = sorted((p.format for p in s["programs"]), key=lambda f: f["format"].startswith(("%(message)s", "{message}")))
        unique = []
        for f in formats:
            if f not in unique:
                unique.append(f)
        out.append({"name": s["name"], "formats": unique, "auto": s["auto"], "records": s["records"]})
    json.dump({"profile": CLOCK.profile, "streams": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
