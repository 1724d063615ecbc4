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

More programs' default formats, in streams of their own ("auto": False:
none is built in). Alembic's formatter comes from the installed package's
alembic.ini template; for programs too heavy to install here the format
string is copied from the source (file and version cited beside it) and
the formatter is the class the program uses: Airflow (task log with its
TimezoneAware ISO 8601 times, so configured with datefmt iso8601, and the
daemons' simple_log_format), Scrapy (LOG_FORMAT, LOG_DATEFORMAT), Jupyter
Server (Tornado's LogFormatter with Jupyter's format and traitlets'
log_datefmt), MLflow, Ray (a tab in the format, ANSI codes in a message),
Odoo 11 (DBFormatter's pid and dbname), Daphne (a traceback as a
message), a Lambda function's logging.basicConfig(), Prefect, Dask
distributed and Luigi. Left out, as the parser can't take them
configured: Airflow's colored_log_format and Odoo 12+'s trailing
%(perf_info)s (free-text fields side by side), traitlets' own
"[%(name)s]%(highlevel)s %(message)s" (nbconvert and other Jupyter
command-line apps: the same), Prefect's flow and task run formats
(%(flow_run_name)r), Sanic's access format. Uvicorn is left out on
purpose.
"""

import argparse
import datetime
import json
import logging
import pprint
import random
import tempfile
import threading
import traceback
import warnings
import logging.config
import os
import sys
import time
import types

from pythonjsonlogger.json import JsonFormatter

import alembic
import alembic.util
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
    """One program's logger, writing text and truth for every record.

    `truth` is the JsonFormatter class (a subclass keeps a program's own
    `formatTime`, as Airflow's is); `datefmt` and `configured` are what the
    Rust test configures when they differ from the formatter's (`iso8601`;
    `%(pid)d` for Odoo's int `%(pid)s`, which prints the same)."""

    def __init__(self, name, logger_name, formatter, stream, truth=JsonFormatter, datefmt=None, configured=None):
        self.name, self.formatter, self.stream = name, formatter, stream
        fmt, own_datefmt, style = fmt_of(formatter)
        catch_all = fmt.startswith(("%(message)s", "{message}", "$message", "${message}"))
        self.format = {"format": configured or fmt, "datefmt": datefmt or own_datefmt}
        truth = truth(fmt, own_datefmt, style=style)
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

        self.handler = Both(logging.DEBUG)
        self.log = self.logger(logger_name)

    def logger(self, name):
        """Another of the program's loggers, through the same handler (a
        program logs under many names: `odoo.http`, `werkzeug`...)."""
        log = logging.getLogger(name)
        log.handlers[:] = [self.handler]
        log.propagate = False
        log.setLevel(logging.DEBUG)
        log.disabled = False
        return log


def printed(stream, line):
    stream.append({"program": "print", "text": line, "json": json.dumps({"message": line}), "ms": round(CLOCK() * 1000), "catch_all": True})


def uncaught(stream, fn, *args, after_traceback=False):
    """A traceback the interpreter prints, as for an exception nothing
    caught (`sys.excepthook`) or `traceback.print_exc()`: no log record
    wrote it. docs/parsing.md (rule 3) says what it becomes: an ERROR
    record, the exception raised as its message, the traceback as its
    exc_info."""
    try:
        fn(*args)
    except Exception:
        text = traceback.format_exc().rstrip("\n")
    raised = [line for line in text.split("\n") if line and not line.startswith((" ", "\t"))][-1]
    truth = {"levelname": "ERROR", "message": raised, "exc_info": text}
    # Right after another traceback, it starts a record whatever the time
    # (rule 3), so a burst can't join it: it is no catch-all line then.
    catch_all = not after_traceback
    stream.append({"program": "python", "text": text, "json": json.dumps(truth), "ms": round(CLOCK() * 1000), "catch_all": catch_all})


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
    uncaught(stream, boom, "in a worker thread")
    # Back to back: a second traceback, no chaining separator between.
    uncaught(stream, chained, after_traceback=True)
    error.log.info("Booting worker with pid: 7")
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


# --- More real programs' default formats. For the heavy ones (Airflow,
# Odoo, Jupyter Server, Ray, MLflow, Prefect, Dask, Luigi, Daphne) the
# format string is copied from the source named beside it, and the
# formatter is the class the program uses (the standard library's, or
# Tornado's, which is installed); Alembic's comes from the installed
# package's own `alembic.ini` template.

SITE = "/usr/local/lib/python3.11/site-packages/"


def log_at(log, level, where, msg, *args, exc_info=None, func=None):
    """A record as the program's own module writes it: `where` is its file
    and line ("airflow/models/taskinstance.py:1361"), so `%(filename)s`
    and `%(lineno)d` print what the program prints, and `func` its
    function."""
    path, line = where.rsplit(":", 1)
    if exc_info is True:
        exc_info = sys.exc_info()
    log.handle(log.makeRecord(log.name, level, SITE + path, int(line), msg, args, exc_info, func=func))


class Shown:
    """An object whose %r is the given text (a Task, a request)."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def raised(module, name, text):
    """An exception of a program's own class (its traceback's last line
    names the module: `airflow.exceptions.AirflowException: ...`)."""
    kind = type(name, (Exception,), {"__module__": module})
    raise kind(text)


class TimezoneAware:
    """Airflow's `airflow.utils.log.timezone_aware.TimezoneAware.formatTime`
    (Airflow 2.3.4+, the default `[logging] log_formatter_class`), with the
    standard library's datetime for pendulum: ISO 8601 with milliseconds
    and the UTC offset, `2024-05-11T14:44:44.123+0000`. Mixed into the
    program's formatter and into the truth's JsonFormatter alike, so the
    parser is configured with `datefmt=iso8601`."""

    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03d"
    default_tz_format = "%z"

    def formatTime(self, record, datefmt=None):
        dt = datetime.datetime.fromtimestamp(record.created).astimezone()
        s = dt.strftime(datefmt or self.default_time_format)
        if self.default_msec_format:
            s = self.default_msec_format % (s, record.msecs)
        if self.default_tz_format:
            s += dt.strftime(self.default_tz_format)
        return s


class AirflowFormatter(TimezoneAware, logging.Formatter):
    pass


class AirflowJsonFormatter(TimezoneAware, JsonFormatter):
    pass


# Airflow 2.7, airflow/config_templates/config.yml, [logging] (the %% and
# {{ }} there are configparser's escapes):
# log_format: the task logs, with log_formatter_class TimezoneAware
# (FileTaskHandler, and CloudwatchTaskHandler with remote logging: what
# MWAA ships). Without a TTY the console prints the same text: its
# CustomTTYColoredFormatter fills colored_log_format's colour fields with
# nothing (TimezoneAware too in recent releases and airflow-core 3.x);
AIRFLOW_LOG_FORMAT = "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s"
# simple_log_format: the daemons' log files (airflow/utils/cli.py
# setup_logging: `airflow triggerer -D` and the other daemons, a plain
# logging.Formatter).
AIRFLOW_SIMPLE_LOG_FORMAT = "%(asctime)s %(levelname)s - %(message)s"
# Scrapy 2.x, scrapy/settings/default_settings.py LOG_FORMAT and
# LOG_DATEFORMAT; scrapy/utils/log.py _get_handler builds a plain
# logging.Formatter(LOG_FORMAT, LOG_DATEFORMAT) on the root handler.
SCRAPY_LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
SCRAPY_LOG_DATEFORMAT = "%Y-%m-%d %H:%M:%S"


def stream_airflow_scrapy():
    """An Airflow worker whose task runs a Scrapy crawl: the task log
    (Airflow's TimezoneAware ISO 8601 times, the record's own file and
    line), a daemon's log, Scrapy's root handler, and print() lines."""
    stream = []
    task = Program(
        "airflow.task", "airflow.task", AirflowFormatter(AIRFLOW_LOG_FORMAT), stream, truth=AirflowJsonFormatter,
        datefmt="iso8601",
    )
    daemon = Program("airflow.daemon", "airflow.jobs.triggerer_job_runner", logging.Formatter(AIRFLOW_SIMPLE_LOG_FORMAT), stream)
    scrapy = Program("scrapy", "scrapy.utils.log", logging.Formatter(SCRAPY_LOG_FORMAT, SCRAPY_LOG_DATEFORMAT), stream)
    ti = "<TaskInstance: crawl_quotes.crawl scheduled__2024-05-10T00:00:00+00:00 [running]>"
    printed(stream, "Waiting for host: postgres 5432")
    daemon.log.info("Starting the triggerer")
    daemon.log.info("Setting up TriggererHandlerWrapper with handler <FileTaskHandler (NOTSET)>")
    log_at(task.log, logging.INFO, "airflow/models/taskinstance.py:1159",
           "Dependencies all met for dep_context=non-requeueable deps ti=%s", ti.replace("running", "queued"))
    log_at(task.log, logging.INFO, "airflow/models/taskinstance.py:1361", "Starting attempt %s of %s", 1, 3)
    log_at(task.log, logging.INFO, "airflow/models/taskinstance.py:1382",
           "Executing %s on %s", "<Task(BashOperator): crawl>", "2024-05-10 00:00:00+00:00")
    log_at(task.log, logging.INFO, "airflow/task/task_runner/standard_task_runner.py:57", "Started process %d to run task", 4242)
    log_at(task.log, logging.INFO, "airflow/cli/commands/task_command.py:415",
           "Running %s on host %s", ti, "ip-10-0-3-7.ec2.internal")
    log_at(task.log, logging.INFO, "airflow/models/taskinstance.py:1660", "Exporting env vars: %s",
           "AIRFLOW_CTX_DAG_OWNER='airflow' AIRFLOW_CTX_DAG_ID='crawl_quotes' AIRFLOW_CTX_TASK_ID='crawl' "
           "AIRFLOW_CTX_EXECUTION_DATE='2024-05-10T00:00:00+00:00' AIRFLOW_CTX_TRY_NUMBER='1'")
    log_at(task.log, logging.INFO, "airflow/hooks/subprocess.py:75", "Running command: %s",
           ["/bin/bash", "-c", "cd /opt/crawler && scrapy crawl quotes"])
    log_at(task.log, logging.INFO, "airflow/hooks/subprocess.py:86", "Output:")
    # The crawl's own output, relayed line by line inside Airflow's records.
    log_at(task.log, logging.INFO, "airflow/hooks/subprocess.py:93", "%s",
           "2024-05-10 14:44:45 [scrapy.utils.log] INFO: Scrapy 2.11.2 started (bot: quotes)")
    scrapy.log.info("Scrapy %(version)s started (bot: %(bot)s)", {"version": "2.11.2", "bot": "quotes"})
    scrapy.logger("scrapy.crawler").info(
        "Overridden settings:\n%(settings)s",
        {"settings": pprint.pformat({"BOT_NAME": "quotes", "NEWSPIDER_MODULE": "quotes.spiders", "ROBOTSTXT_OBEY": True})},
    )
    scrapy.logger("scrapy.middleware").info(
        "Enabled item pipelines:\n%(pipelines)s", {"pipelines": pprint.pformat([])}
    )
    engine = scrapy.logger("scrapy.core.engine")
    engine.info("Spider opened")
    scrapy.logger("scrapy.extensions.logstats").info(
        "Crawled %(pages)d pages (at %(pagerate)d pages/min), scraped %(items)d items (at %(itemrate)d items/min)",
        {"pages": 0, "pagerate": 0, "items": 0, "itemrate": 0},
    )
    scrapy.logger("scrapy.extensions.telnet").info("Telnet console listening on %(host)s:%(port)d", {"host": "127.0.0.1", "port": 6023})
    engine.debug("Crawled (200) <GET https://quotes.toscrape.com/> (referer: None)")
    item = {"author": "Albert Einstein", "tags": ["change", "deep-thoughts"], "text": "“The world as we have created it is a process of our thinking.”"}
    scrapy.logger("scrapy.core.scraper").debug("Scraped from %(src)s\n%(item)s", {"src": "<200 https://quotes.toscrape.com/>", "item": item})
    try:
        {}["next"]
    except KeyError:
        scrapy.logger("scrapy.core.scraper").error(
            "Spider error processing %(request)s (referer: %(referer)s)",
            {"request": "<GET https://quotes.toscrape.com/page/2/>", "referer": "https://quotes.toscrape.com/"},
            exc_info=True,
        )
    scrapy.logger("scrapy.downloadermiddlewares.retry").error(
        "Gave up retrying %(request)s (failed %(retry_times)d times): %(reason)s",
        {"request": "<GET https://quotes.toscrape.com/page/9/>", "retry_times": 3, "reason": "503 Service Unavailable"},
    )
    engine.info("Closing spider (%(reason)s)", {"reason": "finished"})
    stats = {
        "downloader/request_bytes": 1224, "downloader/request_count": 4, "downloader/response_status_count/200": 3,
        "elapsed_time_seconds": 1.386, "finish_reason": "finished", "item_scraped_count": 10, "log_count/ERROR": 2,
        "start_time": datetime.datetime(2024, 5, 10, 14, 44, 45, 120000, tzinfo=datetime.timezone.utc),
    }
    scrapy.logger("scrapy.statscollectors").info("Dumping Scrapy stats:\n%s", pprint.pformat(stats))
    printed(stream, "10 items exported to s3://crawls/quotes/2024-05-10.jsonl")
    log_at(task.log, logging.INFO, "airflow/hooks/subprocess.py:97", "Command exited with return code %s", 1)
    try:
        raised("airflow.exceptions", "AirflowException", "Bash command failed. The command returned a non-zero exit code 1.")
    except Exception:
        log_at(task.log, logging.ERROR, "airflow/models/taskinstance.py:1937", "Task failed with exception", exc_info=True)
    log_at(task.log, logging.INFO, "airflow/models/taskinstance.py:1400",
           "Marking task as UP_FOR_RETRY. dag_id=%s, task_id=%s, execution_date=%s, start_date=%s, end_date=%s",
           "crawl_quotes", "crawl", "20240510T000000", "20240511T144444", "20240511T144446")
    log_at(task.log, logging.ERROR, "airflow/task/task_runner/standard_task_runner.py:104",
           "Failed to execute job %s for task %s (%s; %r)", 17, "crawl",
           "Bash command failed. The command returned a non-zero exit code 1.", 4242)
    log_at(task.log, logging.INFO, "airflow/jobs/local_task_job_runner.py:228", "Task exited with return code %s", 1)
    daemon.log.warning("Triggerer's async thread was blocked for %.2f seconds, likely by a badly-written trigger.", 0.52)
    daemon.log.info("%d triggers currently running", 1)
    return {"name": "airflow-scrapy", "programs": [task, daemon, scrapy], "records": stream, "auto": False}


# Jupyter Server 2.x, jupyter_server/serverapp.py ServerApp._default_log_format;
# its log_datefmt is traitlets' Application default (traitlets 5.x,
# traitlets/config/application.py), and its _log_formatter_cls is
# tornado.log.LogFormatter (which sets color/end_color on the record and
# indents continuation lines). Without a TTY it prints no colours.
JUPYTER_LOG_FORMAT = "%(color)s[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s]%(end_color)s %(message)s"
JUPYTER_LOG_DATEFMT = "%Y-%m-%d %H:%M:%S"
# MLflow 2.x, mlflow/utils/logging_utils.py LOGGING_LINE_FORMAT and
# LOGGING_DATETIME_FORMAT (its MlflowFormatter adds colour only to records
# that ask for it).
MLFLOW_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MLFLOW_LOG_DATEFMT = "%Y/%m/%d %H:%M:%S"
# Ray 2.x, python/ray/_private/log.py generate_logging_config (the driver's
# "ray" logger; also ray_constants.LOGGER_FORMAT): a tab after the time.
RAY_LOG_FORMAT = "%(asctime)s\t%(levelname)s %(filename)s:%(lineno)s -- %(message)s"


def stream_jupyter_mlflow_ray():
    """A notebook server: Jupyter Server's log (Tornado's formatter with
    Jupyter's format, tornado's loggers renamed to the app's, as
    ServerApp.init_logging does), a notebook training with MLflow and Ray,
    and their print() lines."""
    stream = []
    server = Program(
        "jupyter", "ServerApp", tornado.log.LogFormatter(fmt=JUPYTER_LOG_FORMAT, datefmt=JUPYTER_LOG_DATEFMT, color=False),
        stream,
    )
    mlflow = Program("mlflow", "mlflow.tracking.fluent", logging.Formatter(MLFLOW_LOG_FORMAT, MLFLOW_LOG_DATEFMT), stream)
    ray = Program("ray", "ray", logging.Formatter(RAY_LOG_FORMAT), stream)
    token = "9f3c2d1e0b8a7f6e5d4c3b2a19f8e7d6c5b4a3f2e1d0c9b8"
    server.log.info("jupyter_lsp | extension was successfully linked.")
    server.log.info("jupyterlab | extension was successfully loaded.")
    server.log.info("Serving notebooks from local directory: /home/jovyan")
    for line in f"Jupyter Server 2.14.0 is running at:\nhttp://nb-7f9c:8888/lab?token={token}\n    http://127.0.0.1:8888/lab?token={token}".split("\n"):
        server.log.info(line)
    server.log.info("Use Control-C to stop this server and shut down all kernels (twice to skip confirmation).")
    # ServerApp.launch_browser: "\n".join(["\n", ...]) at CRITICAL.
    server.log.critical("\n".join([
        "\n", "To access the server, open this file in a browser:",
        "    file:///home/jovyan/.local/share/jupyter/runtime/jpserver-7-open.html",
        "Or copy and paste one of these URLs:", f"    http://nb-7f9c:8888/lab?token={token}",
    ]))
    server.log.info("Kernel started: %s", "5d0c1b1e-7a2f-4c1d-9e8b-3f6a2d1c0b9e")
    printed(stream, "Connecting to kernel 5d0c1b1e-7a2f-4c1d-9e8b-3f6a2d1c0b9e.")
    mlflow.log.info("Experiment with name '%s' does not exist. Creating a new experiment.", "churn-model")
    log_at(ray.log, logging.INFO, "ray/_private/worker.py:1749",
           "Started a local Ray instance. View the dashboard at %s%s%s %s%s", "\x1b[1m", "\x1b[32m", "127.0.0.1:8265", "\x1b[39m", "\x1b[22m")
    printed(stream, "(train_fn pid=4242) epoch 1 loss 0.4213")
    try:
        1 / 0
    except ZeroDivisionError:
        # ray.exceptions.RayTaskError's text: frames, but no traceback header.
        log_at(ray.log, logging.ERROR, "ray/_private/worker.py:409", "Unhandled error (suppress with 'RAY_IGNORE_UNHANDLED_ERRORS=1'): %s",
               "ray::train_fn() (pid=4242, ip=10.0.3.7)\n" + "".join(traceback.format_exception(*sys.exc_info())[1:]).rstrip())
    mlflow.logger("mlflow.models.model").warning(
        "Model logged without a signature and input example. Please set `input_example` parameter when logging the "
        "model to auto infer the model signature."
    )
    printed(stream, "🏃 View run shiny-goat-123 at: http://mlflow:5000/#/experiments/1/runs/0a1b2c3d")
    server.log.warning("404 GET /api/kernels/0000 (jovyan@10.0.3.7) 1.23ms referer=None")
    try:
        raised("jupyter_server.services.contents.filemanager", "PermissionError", "[Errno 13] Permission denied: '/home/jovyan/work'")
    except Exception:
        # tornado.web.RequestHandler.log_exception (app_log, renamed).
        server.log.error(
            "Uncaught exception %s\n%r", "GET /api/contents/work?type=directory (10.0.3.7)",
            Shown("HTTPServerRequest(protocol='http', host='nb-7f9c:8888', method='GET', "
                  "uri='/api/contents/work?type=directory', version='HTTP/1.1', remote_ip='10.0.3.7')"),
            exc_info=True,
        )
    # jupyter_server/log.py log_request: a 500's headers, then the line.
    server.log.error(json.dumps({"Host": "nb-7f9c:8888", "Accept": "*/*", "User-Agent": "Mozilla/5.0"}, indent=2))
    server.log.error("500 GET /api/contents/work?type=directory (jovyan@10.0.3.7) 12.34ms referer=http://nb-7f9c:8888/lab")
    printed(stream, "🧪 View experiment at: http://mlflow:5000/#/experiments/1")
    return {"name": "jupyter-mlflow-ray", "programs": [server, mlflow, ray], "records": stream, "auto": False}


# Odoo 11.0 (and 10.0), odoo/netsvc.py init_logger; its DBFormatter sets
# record.pid (an int) and record.dbname (the thread's, "?" outside a
# request) in format(), and captureWarnings(True) sends py.warnings
# through it. Odoo 12.0 on appends " %(perf_info)s" after the message:
# two free-text fields side by side, left out.
ODOO_LOG_FORMAT = "%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s"


class OdooDBFormatter(logging.Formatter):
    """odoo.netsvc.DBFormatter, as written there."""

    def format(self, record):
        record.pid = os.getpid()
        record.dbname = getattr(threading.current_thread(), "dbname", "?")
        return logging.Formatter.format(self, record)


# Daphne 4.x, daphne/cli.py: --log-fmt's default, through basicConfig;
# its access log is written to stdout directly (daphne/access.py).
DAPHNE_LOG_FORMAT = "%(asctime)-15s %(levelname)-8s %(message)s"


def stream_odoo_daphne():
    """An ERP host: Odoo's server log (its werkzeug request lines and
    py.warnings through the same handler, the database name per request
    thread), beside a Daphne-served Channels app with its access lines."""
    stream = []
    # `pid` is an int that Odoo prints with %s: text can't tell its type
    # (docs/parsing.md, Known limits), so the parser is configured with
    # %(pid)d, the declaration the docs give; it prints the same text.
    odoo = Program("odoo", "odoo", OdooDBFormatter(ODOO_LOG_FORMAT), stream, configured=ODOO_LOG_FORMAT.replace("%(pid)s", "%(pid)d"))
    daphne = Program("daphne", "daphne.server", logging.Formatter(DAPHNE_LOG_FORMAT), stream)
    odoo.log.info("Odoo version %s", "11.0-20240510")
    odoo.log.info("Using configuration file at %s", "/etc/odoo/odoo.conf")
    odoo.log.info("addons paths: %s", ["/usr/lib/python3/dist-packages/odoo/addons", "/mnt/extra-addons"])
    odoo.log.info("database: %s@%s:%s", "odoo", "db", 5432)
    odoo.logger("odoo.service.server").info("HTTP service (werkzeug) running on %s:%s", "0.0.0.0", 8069)
    daphne.logger("daphne.cli").info("Starting server at %s", "tcp:port=8000:interface=0.0.0.0")
    daphne.log.info("HTTP/2 support not enabled (install the http2 and tls Twisted extras)")
    daphne.log.info("Configuring endpoint %s", "tcp:port=8000:interface=0.0.0.0")
    daphne.log.info("Listening on TCP address %s:%s", "0.0.0.0", 8000)
    me = threading.current_thread()
    me.dbname = "shop"
    try:
        loading = odoo.logger("odoo.modules.loading")
        loading.info("loading %d modules...", 1)
        loading.info("%s modules loaded in %.2fs, %s queries", 1, 0.01, 0)
        loading.info("Modules loaded.")
        odoo.logger("werkzeug").info('%s - - [%s] "%s" %s -', "10.0.3.7", "11/May/2024 14:44:45",
                                     "POST /web/dataset/call_kw/sale.order/read HTTP/1.1", 200)
        printed(stream, '10.0.3.7:51234 - - [11/May/2024:14:44:45] "WSCONNECTING /ws/notifications/" - -')
        printed(stream, '10.0.3.7:51234 - - [11/May/2024:14:44:45] "WSCONNECT /ws/notifications/" - -')
        try:
            raised("odoo.exceptions", "ValidationError", "The operation cannot be completed:\n- Create/update: a mandatory field is not set.")
        except Exception:
            odoo.logger("odoo.http").error("Exception during JSON request handling.", exc_info=True)
        odoo.logger("odoo.models").warning("%s.create() with unknown fields: %s", "sale.order", "x_legacy_ref")
        logging.captureWarnings(True)
        odoo.logger("py.warnings")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always")
                warnings.warn("The model sale.order has no _description", DeprecationWarning)
        finally:
            logging.captureWarnings(False)
        odoo.logger("odoo.addons.base.ir.ir_cron").info("Starting job `%s`.", "Scheduler: Run scheduler")
    finally:
        del me.dbname
    try:
        raised("channels.exceptions", "DenyConnection", "no session for this socket")
    except Exception as err:
        daphne.log.error("Exception inside application: %s", err, exc_info=err)
    printed(stream, '10.0.3.7:51236 - - [11/May/2024:14:44:46] "GET /orders/" 200 5123')
    try:
        {}["scope"]
    except KeyError:
        # daphne/ws_protocol.py onConnect: a traceback as the message itself,
        # no exc_info.
        daphne.logger("daphne.ws_protocol").error(traceback.format_exc())
    daphne.log.warning(
        "Application instance %r for connection %s took too long to shut down and was killed.",
        Shown("<Task pending name='Task-12' coro=<ASGIStaticFilesHandler.__call__()>>"),
        Shown("<WebSocketProtocol client=['10.0.3.7', 51234] path=b'/ws/notifications/'>"),
    )
    odoo.log.info("Initiating shutdown")
    odoo.log.info("Hit CTRL-C again or send a second signal to force the shutdown.")
    return {"name": "odoo-daphne", "programs": [odoo, daphne], "records": stream, "auto": False}


def alembic_formatter():
    """The formatter of Alembic's generated alembic.ini (the installed
    package's templates/generic/alembic.ini.mako, rendered as
    `alembic init` renders it), as env.py's fileConfig() builds it.
    disable_existing_loggers=False keeps the other programs' loggers on;
    the root logger is put back as it was."""
    template = os.path.join(os.path.dirname(alembic.__file__), "templates", "generic", "alembic.ini.mako")
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    with tempfile.TemporaryDirectory() as tmp:
        ini = os.path.join(tmp, "alembic.ini")
        alembic.util.template_to_file(template, ini, "utf-8", script_location="%(here)s/migrations")
        logging.config.fileConfig(ini, disable_existing_loggers=False)
    formatter = root.handlers[0].formatter
    root.handlers[:], root.level = saved
    return formatter


def basic_config_formatter():
    """What `logging.basicConfig(force=True)` installs (in Lambda the
    runtime has already given the root logger a handler, so force=True is
    what makes basicConfig() take effect): BASIC_FORMAT."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logging.basicConfig(force=True, level=logging.INFO)
    formatter = root.handlers[0].formatter
    root.handlers[:], root.level = saved
    return formatter


def stream_lambda_alembic():
    """A migration Lambda: the function's own logging.basicConfig() records
    and a library's through the same root handler, Alembic's records
    through its alembic.ini's console handler, and Alembic's own print()
    lines (`FAILED: ...`)."""
    stream = []
    app = Program("lambda", "migrate", basic_config_formatter(), stream)
    migrations = Program("alembic", "alembic.runtime.migration", alembic_formatter(), stream)
    app.logger("botocore.credentials").info("Found credentials in environment variables.")
    app.log.info("Running migrations for %s (target %s)", "orders-db", "head")
    app.log.info("Pending revisions:\n  1975ea83b712 create account table\n  ae1027a6acf add order notes")
    migrations.log.info("Context impl %s.", "PostgresqlImpl")
    migrations.log.info("Will assume %s DDL.", "transactional")
    migrations.log.info("Running %s", "upgrade  -> 1975ea83b712, create account table")
    migrations.log.info("Running %s", "upgrade 1975ea83b712 -> ae1027a6acf, add order notes")
    migrations.logger("alembic.ddl.impl").warning(
        "Generating approximate signature for index %s. The dialect implementation should either skip expression "
        "indexes or provide a custom implementation.", "Index('ix_orders_lower_email', <lower(email)>)",
    )
    migrations.logger("alembic.util.messaging").error("Can't locate revision identified by '%s'", "deadbeef1234")
    printed(stream, "FAILED: Can't locate revision identified by 'deadbeef1234'")
    try:
        raised("alembic.util.exc", "CommandError", "Can't locate revision identified by 'deadbeef1234'")
    except Exception:
        app.log.exception("Migration failed for %s", "orders-db")
    app.log.warning("Rolling back to revision %s", "ae1027a6acf")
    app.log.error("")
    return {"name": "lambda-alembic", "programs": [app, migrations], "records": stream, "auto": False}


# Prefect 2.x/3.x, src/prefect/logging/logging.yml, the "standard"
# formatter (PrefectFormatter's default style, used for every logger but
# prefect.flow_runs and prefect.task_runs; those two print
# `Flow run %(flow_run_name)r`, a %r conversion, left out).
PREFECT_LOG_FORMAT = "%(asctime)s.%(msecs)03d | %(levelname)-7s | %(name)s - %(message)s"
PREFECT_LOG_DATEFMT = "%H:%M:%S"
# Dask distributed, distributed/distributed.yaml admin.log-format, through
# distributed/config.py _initialize_logging_old_style's logging.Formatter.
DASK_LOG_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Luigi 3.x, luigi/setup_logging.py InterfaceLogging._default: the worker's
# "luigi-interface" StreamHandler.
LUIGI_LOG_FORMAT = "%(levelname)s: %(message)s"


def stream_prefect_dask_luigi():
    """A pipelines host: a Prefect worker running a flow on a Dask
    cluster (the scheduler's and a worker's records, their padded and
    dashed messages), and a Luigi job beside it."""
    stream = []
    prefect = Program("prefect", "prefect.flow_runs.worker", logging.Formatter(PREFECT_LOG_FORMAT, PREFECT_LOG_DATEFMT), stream)
    dask = Program("distributed", "distributed.scheduler", logging.Formatter(DASK_LOG_FORMAT), stream)
    luigi = Program("luigi", "luigi-interface", logging.Formatter(LUIGI_LOG_FORMAT), stream)
    printed(stream, "Worker 'ProcessWorker 5c3e9a7b-2d4f-4e1a-8b6c-0f1e2d3c4b5a' started!")
    dask.log.info("State start")
    dask.log.info("  Scheduler at: %25s", "tcp://10.0.3.7:8786")
    dask.log.info("%11s at:  %25s", "dashboard", "http://10.0.3.7:8787/status")
    dworker = dask.logger("distributed.worker")
    dworker.info("      Start worker at: %26s", "tcp://10.0.3.8:40112")
    dworker.info("-------------------------------------------------")
    dworker.info("              Threads: %26d", 4)
    dworker.info("-------------------------------------------------")
    dask.log.info("Register worker addr: %s name: %s", "tcp://10.0.3.8:40112", "tcp://10.0.3.8:40112")
    dask.logger("distributed.core").info("Starting established connection to %s", "tcp://10.0.3.8:40114")
    prefect.log.info("Worker '%s' submitting flow run '%s'", "ProcessWorker 5c3e9a7b-2d4f-4e1a-8b6c-0f1e2d3c4b5a",
                     "0b6a3c2d-9e8f-4a1b-b2c3-d4e5f6a7b8c9")
    runner = prefect.logger("prefect.flow_runs.runner")
    runner.info("Opening process...")
    dask.log.info("Receive client connection: %s", "Client-worker-2f1e0d9c-0f8b-11ef-8c1a-0242ac120003")
    luigi.log.debug("Checking if %s is complete", "ExportQuotes(date=2024-05-10)")
    luigi.log.info("Informed scheduler that task   %s   has status   %s", "ExportQuotes_2024_05_10_4e5f2a3b1c", "PENDING")
    luigi.log.info("Done scheduling tasks")
    luigi.log.info("Running Worker with %s processes", 1)
    worker_id = "Worker(salt=8153497712, workers=1, host=ip-10-0-3-7, username=app, pid=7)"
    luigi.log.info("[pid %s] Worker %s running   %s", os.getpid(), worker_id, "ExportQuotes(date=2024-05-10)")
    try:
        1 / 0
    except ZeroDivisionError:
        exc = "".join(traceback.format_exception(*sys.exc_info())[-1:]).rstrip()
        tb = "".join(traceback.format_exception(*sys.exc_info())[1:-1]).rstrip()
        # distributed/worker.py: a message ending with "\n".
        dworker.error("Compute Failed\nKey:       %s\nState:     %s\nTask:  %s\nException: %r\nTraceback: %r\n",
                      "('inc-9c8b7a', 0)", "executing", "<Task ('inc-9c8b7a', 0) inc(...)>", exc, tb)
        luigi.log.exception("[pid %s] Worker %s failed    %s", os.getpid(), worker_id, "ExportQuotes(date=2024-05-10)")
    prefect.logger("prefect.events.clients").warning(
        "Unable to connect to %r. Please check your network settings to ensure websocket connections to the API are "
        "allowed. Otherwise event data (including task run data) may be lost. Reason: %s. Set PREFECT_DEBUG_MODE=1 "
        "to see the full error.", "ws://prefect-server:4200/api/events/in", "[Errno 111] Connect call failed ('10.0.3.9', 4200)",
    )
    try:
        raised("prefect.exceptions", "Abort", "Flow run 0b6a3c2d-9e8f-4a1b-b2c3-d4e5f6a7b8c9 was cancelled")
    except Exception:
        runner.exception("Failed to start process for flow run '%s'.", "0b6a3c2d-9e8f-4a1b-b2c3-d4e5f6a7b8c9")
    runner.error("Process for flow run %r exited with status code: %s", "crimson-fox", 1)
    luigi.log.info("Worker %s was stopped. Shutting down Keep-Alive thread", worker_id)
    dask.log.info("Remove client %s", "Client-worker-2f1e0d9c-0f8b-11ef-8c1a-0242ac120003")
    printed(stream, "Discovered type 'process' for work pool 'default'.")
    return {"name": "prefect-dask-luigi", "programs": [prefect, dask, luigi], "records": stream, "auto": False}


def main():
    run(lambda: [
        stream_gunicorn_flask(), stream_django(), stream_celery_sqlalchemy(), stream_boto3_werkzeug(),
        stream_tornado(), stream_dramatiq_rq(), stream_structlog(), stream_airflow_scrapy(),
        stream_jupyter_mlflow_ray(), stream_odoo_daphne(), stream_lambda_alembic(), stream_prefect_dask_luigi(),
    ])


def run(make_streams):
    """Makes the streams on the pinned clock, in UTC, with one process id
    for every record (`%(process)d`, Odoo's `%(pid)s`) so two runs print
    the same, and prints them (heldout.py and heldout2.py too)."""
    args = argparse.ArgumentParser()
    args.add_argument("--profile", choices=["spread", "burst"], default="spread")
    CLOCK.profile = args.parse_args().profile
    os.environ["TZ"] = "UTC"
    time.tzset()
    real = time.time, time.time_ns, os.getpid
    time.time = CLOCK
    time.time_ns = lambda: int(round(CLOCK.t * 1e9))
    os.getpid = lambda: 7
    logging._startTime = BASE
    try:
        streams = make_streams()
    finally:
        time.time, time.time_ns, os.getpid = real
    dump(streams, CLOCK.profile)


def dump(streams, profile):
    """Prints the streams as the module docstring says (heldout.py too)."""
    out = []
    for s in streams:
        # Formats that can tell where a record starts first; catch-alls last.
        formats = sorted((p.format for p in s["programs"]), key=lambda f: f["format"].startswith(("%(message)s", "{message}")))
        unique = []
        for f in formats:
            if f not in unique:
                unique.append(f)
        out.append({"name": s["name"], "formats": unique, "auto": s["auto"], "records": s["records"]})
    json.dump({"profile": profile, "streams": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
