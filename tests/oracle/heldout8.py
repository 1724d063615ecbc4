"""The eighth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout7.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS (two
services on one ECS cluster, one traced by the OpenTelemetry
instrumentation ADOT ships and one by Datadog's ddtrace; a SkyPilot
cluster on EC2 training a Sockeye model; a resilience stage in CodeBuild
with Chaos Toolkit and a Taurus load test; a RHEL instance's
subscription-manager and insights-client logs; ELT with PipelineWise and
metadata ingestion with DataHub; a private PyPI with devpi-server and a
bandersnatch mirror; vulnerability scanning with ospd-openvas and
notus-scanner; a Plone site on its ZEO server; an EC2 host's Diamond
collector and PagerDuty agent), each format copied from the file named
beside it (the version read is given), with the formatter class or the
filter the program uses, and messages from the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout8

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out. Its first
measurement, at 051abb0, before any rule saw it: 3576 records (60 joined
under a burst), 43.5% exact, 55.3% with the key fields right (asctime
77.3%, levelname 77.3%, name 73.8%, message 61.0%, exc_info 99.7%).

Where a formatter sets an attribute its format doesn't print, the
attribute would be left off, as a JsonFormatter in its place would not
set it: none of this set's formatters does (DataHub's _ColorLogFormatter
rewrites `name` from the record's file, which its loggers' names already
are). Attributes a filter or a record factory sets are kept, printed or
not (subscription-manager's ContextLoggingFilter sets `cmd_line` beside
`cmd_name`, Chaos Toolkit's filter on its logger a `context_id`; the
OpenTelemetry and ddtrace attributes are all printed), and so are the
extras a program passes in the log call (Django's `status_code` and
`request` under ddtrace, ddtrace's own `send_to_telemetry`, DataHub's
`failure_metadata`), as python-json-logger writes them.

Chaos Toolkit's LogFormatter (chaoslib/log.py) sets the level's colour
code as `color` whatever the output, and its reset, `end_color`, only on
a terminal: off one, each line starts with an unclosed colour code; the
formatter indents every continuation line (a traceback's too) by four
spaces. SkyPilot's NewLineFormatter repeats the record's prefix after a
"\\r" on each continuation line. subscription-manager's
RhsmISO8601Formatter writes ISO 8601 times with milliseconds and the UTC
offset (configured as `iso8601`, like Airflow's in `realworld.py`).
ospd-openvas and notus-scanner write the daemon's pid and name into the
format string itself (f-strings): pinned here, and subscription-manager
prints %(process)d. SkyPilot's messages are given without the colorama
style codes some of them carry. Diamond runs on Python 2.7: its
tracebacks end with the bare class name, as Python 2 writes it.

Left out: TensorRT-LLM (tensorrt_llm/logger.py's "[%(asctime)s]
%(message)s" is SGLang's format in `heldout6.py`; only its datefmt
"%m/%d/%Y-%H:%M:%S" differs), kube-janitor (kube_janitor/main.py's
"%(asctime)s %(levelname)s: %(message)s", Patroni's in `heldout2.py`;
Taurus's console without `-v` prints it too, with "%H:%M:%S"), the
plone-zeo image's <eventlog> ("%(asctime)s %(message)s", yum's layout:
ZEO runs here without one, on runzeo's default), LMDeploy (its
ColorFormatter writes ANSI codes into the record's `levelname`, which
every later handler then prints), Xinference (its TextFileFormatter
builds the line in code: no format string) and SkyPilot's "(task,
pid=N)" job output, which it re-prints from the job's own log.
"""

import datetime
import json
import logging
import os
import pprint
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised  # noqa: E402
from heldout import Set  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import WSGIRequest, pid, record_at  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402

# OpenTelemetry Python contrib (open-telemetry/opentelemetry-python-contrib
# v0.36b0-1448, 466ae4c0), instrumentation/opentelemetry-instrumentation-
# logging/src/opentelemetry/instrumentation/logging/constants.py
# DEFAULT_LOGGING_FORMAT: with OTEL_PYTHON_LOG_CORRELATION=true,
# LoggingInstrumentor._instrument calls logging.basicConfig with it (INFO)
# and its record factory sets the otel* attributes ("0", "0", False outside
# a span). The service is the OpenTelemetry demo's recommendation service
# (open-telemetry/opentelemetry-demo 3.0.0-81, 054282e3), run by
# opentelemetry-instrument; the SDK and exporter are opentelemetry-python's
# (1.45.0.dev, 0a5d76b6).
OTEL = ("%(asctime)s %(levelname)s [%(name)s] [%(filename)s:%(lineno)d] [trace_id=%(otelTraceID)s "
        "span_id=%(otelSpanID)s resource.service.name=%(otelServiceName)s trace_sampled=%(otelTraceSampled)s] "
        "- %(message)s")
# dd-trace-py (DataDog/dd-trace-py v4.13.0rc1-222, 3bb9ecda), ddtrace/_logger.py
# DD_LOG_FORMAT: the format ddtrace's log-injection documentation gives the
# application's logging.basicConfig (ddtrace-run, DD_LOGS_INJECTION=true sets
# the dd.* attributes on every record); a Django 5.2 service, whose
# django.request records reach the same root handler.
DDTRACE = ("%(asctime)s %(levelname)s [%(name)s] [%(filename)s:%(lineno)d] [dd.service=%(dd.service)s "
           "dd.env=%(dd.env)s dd.version=%(dd.version)s dd.trace_id=%(dd.trace_id)s dd.span_id=%(dd.span_id)s] "
           "- %(message)s")
# SkyPilot (skypilot-org/skypilot 0077e4e3), sky/sky_logging.py _FORMAT and
# _DATE_FORMAT through NewLineFormatter (the "sky" logger's stdout handler;
# SKYPILOT_DEBUG=1 on the cluster: DEBUG). Messages from sky/skylet/events.py
# (006acc64) and the launch output SkyPilot's docs show.
SKYPILOT = "%(levelname).1s %(asctime)s %(filename)s:%(lineno)d] %(message)s"
SKYPILOT_DATEFMT = "%m-%d %H:%M:%S"
# Sockeye 3.1.39 (awslabs/sockeye 3.1.34-8, 871d9863), sockeye/log.py
# FORMATTERS "verbose" (setup_main_logger's rotating file handler, the model
# folder's log; its exception_hook logs an uncaught exception through the
# root logger).
SOCKEYE = "[%(asctime)s:%(levelname)s:%(name)s:%(funcName)s] %(message)s"
SOCKEYE_DATEFMT = "%Y-%m-%d:%H:%M:%S"
# Chaos Toolkit 1.19 (chaostoolkit/chaostoolkit 1.19.0-11, 461aae64) through
# chaostoolkit-lib 1.45.0 (chaostoolkit/chaostoolkit-lib, 72f814b4),
# chaoslib/log.py configure_logger: the console format without --verbose,
# through its LogFormatter, with ChaosToolkitContextFilter on the logger.
CHAOSTOOLKIT = "%(color)s[%(asctime)s %(levelname)s]%(end_color)s %(message)s"
CHAOSTOOLKIT_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Taurus 1.17 (Blazemeter/taurus 1.17.0-6, 78b041a9), bzt/cli.py
# CLI.setup_logging fmt_verbose off a TTY (`bzt -v`: DEBUG on the console;
# bzt.log's fmt_file is the same).
TAURUS = "[%(asctime)s %(levelname)s %(name)s] %(message)s"
# subscription-manager (candlepin/subscription-manager
# subscription-manager-1.30.15-1-5, 3a53d822), src/rhsm/logutil.py
# LOG_FORMAT through RhsmISO8601Formatter, with ContextLoggingFilter
# (/var/log/rhsm/rhsm.log; default_log_level INFO).
RHSM = ("%(asctime)s [%(levelname)s] %(cmd_name)s:%(process)d:%(threadName)s @%(filename)s:%(lineno)d - "
        "%(message)s")
# insights-client (RedHatInsights/insights-core insights-core-3.7.4.1-16,
# 43cbb25f), insights/client/client.py LOG_FORMAT (get_file_handler:
# /var/log/insights-client/insights-client.log, loglevel DEBUG).
INSIGHTS = "%(asctime)s %(levelname)8s %(name)s:%(lineno)s %(message)s"
# PipelineWise 0.76.5 (transferwise/pipelinewise 0.76.5-3, 9c3bed69),
# pipelinewise/logging.conf [formatter_child] (pipelinewise/logger.py
# fileConfig; the CLI's stdout and the fastsync run's log file).
PIPELINEWISE = "time=%(asctime)s logger_name=%(name)s log_level=%(levelname)s message=%(message)s"
PIPELINEWISE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# DataHub (datahub-project/datahub 1501646f), metadata-ingestion/src/datahub/
# utilities/logging_manager.py BASE_LOGGING_FORMAT through _ColorLogFormatter
# (`datahub ingest`'s stream handler, off a TTY).
DATAHUB = "[%(asctime)s] %(levelname)-8s {%(name)s:%(lineno)d} - %(message)s"
# devpi-server 6.19 (devpi/devpi server-6.19.1-6, 4313e00c),
# server/devpi_server/log.py _configure_logging (logging.basicConfig,
# stdout); its TagLogger prefixes the messages ("NOCTX", "[req3]", "[Rtx12]").
DEVPI = "%(asctime)s %(levelname)-5.5s %(message)s"
# bandersnatch 8.0 (pypa/bandersnatch 8.0.0-16, 6c22dfd8), src/bandersnatch/
# log.py setup_logging (the "bandersnatch" logger's stderr handler).
BANDERSNATCH = "%(asctime)s %(levelname)s: %(message)s (%(filename)s:%(lineno)d)"
# ospd-openvas 22.10.5 (greenbone/ospd-openvas v22.10.5, ac545a15), ospd/
# logger.py DEFAULT_FORMATTER_FILE, whose f-string writes the daemon's pid
# (7 here) into the format; its datefmt is empty (Python's default
# asctime), init_logging sets Formatter.converter = time.gmtime (`-f
# --log-level INFO`: the console handler).
OSPD = "OSPD[7] %(asctime)s: %(levelname)s: (%(name)s) %(message)s"
# notus-scanner 22.7.2 (greenbone/notus-scanner v22.7.2-7, f6ea16a3),
# notus/scanner/utils.py init_logging("notus-scanner", ...), whose f-string
# writes the daemon's name into the format (`-f`).
NOTUS = "%(asctime)s notus-scanner: %(levelname)s: (%(name)s) %(message)s"
# Plone 6 (plone/plone.recipe.zope2instance 9.0.0-9, b0cd124f), src/plone/
# recipe/zope2instance/recipe.py default_wsgi_logging_ini_template
# [formatter_generic] (the console and event log handlers, no datefmt) and
# [formatter_message] (the wsgi access log).
PLONE = "%(asctime)s %(levelname)-7.7s [%(name)s:%(lineno)s][%(threadName)s] %(message)s"
PLONE_ACCESS = "%(message)s"
# ZEO 6.0 (zopefoundation/ZEO 6.0.0-3, 21c78075), src/ZEO/runzeo.py
# ZEOServer.setup_default_logging (no <eventlog> configured: stderr).
ZEO = "------\n%(asctime)s %(levelname)s %(name)s %(message)s"
ZEO_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# Diamond 4.0 (python-diamond/Diamond v4.0.515-435, e1e4b5a5),
# conf/diamond.conf.example [formatter_default] (empty datefmt: Python's
# default asctime; /var/log/diamond/diamond.log, the root at DEBUG).
DIAMOND = "[%(asctime)s] [%(levelname)s] [%(threadName)s:%(processName)s] %(message)s"
# PagerDuty Agent 1.7.4 (PagerDuty/pdagent 1.7.4-1, c7ca316b), bin/pdagentd.py
# init_logging (pdagentd-debug.log; pdagentd.log has the same format).
PDAGENT = "%(asctime)s %(levelname)-7s %(threadName)-20s %(name)-20s %(message)s"


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


class NewLineFormatter(logging.Formatter):
    """sky.sky_logging.NewLineFormatter, as written there."""

    def __init__(self, fmt, datefmt=None):
        logging.Formatter.__init__(self, fmt, datefmt)

    def format(self, record):
        msg = logging.Formatter.format(self, record)
        if record.message != '':
            parts = msg.split(record.message)
            msg = msg.replace('\n', '\r\n' + parts[0])
        return msg


class ChaosLogFormatter(logging.Formatter):
    """chaoslib.log.LogFormatter, as written there (stderr is no
    terminal: terminal_has_colors() is False)."""

    def __init__(self, fmt, datefmt, colors):
        logging.Formatter.__init__(self, datefmt=datefmt)
        self._fmt = fmt
        self._colors = colors
        self._normal = ""

    def format(self, record):
        record.asctime = self.formatTime(record, self.datefmt)
        record.message = record.getMessage()
        if record.levelno in self._colors:
            record.color = self._colors[record.levelno]
            record.end_color = self._normal
        else:
            record.color = record.end_color = ""
        formatted = self._fmt % record.__dict__
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            lines = [formatted.rstrip()]
            lines.extend(ln for ln in record.exc_text.split("\n"))
            formatted = "\n".join(lines)
        return formatted.replace("\n", "\n    ")


CHAOS_COLORS = {logging.DEBUG: "\033[36m", logging.INFO: "\033[32m", logging.WARNING: "\033[33m",
                logging.ERROR: "\033[31m", logging.CRITICAL: "\033[31m"}


class ChaosToolkitContextFilter(logging.Filter):
    """chaoslib.log.ChaosToolkitContextFilter (on the "chaostoolkit"
    logger itself)."""

    def __init__(self, name, context_id):
        logging.Filter.__init__(self, name)
        self.context_id = context_id

    def filter(self, record):
        record.context_id = self.context_id
        return True


class RhsmISO8601(logging.Formatter):
    """rhsm.logutil.RhsmISO8601Formatter's formatTime."""

    def formatTime(self, record, datefmt=None):
        return time_iso(record)


class RhsmJson(JsonFormatter):
    """The truth for subscription-manager: the same times."""

    def formatTime(self, record, datefmt=None):
        return time_iso(record)


def time_iso(record):
    return datetime.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


class ContextLoggingFilter(logging.Filter):
    """rhsm.logutil.ContextLoggingFilter, with the process's argv."""

    def __init__(self):
        super().__init__("")
        self.argv = ["/usr/libexec/rhsmcertd-worker"]

    def filter(self, record):
        record.cmd_name = os.path.basename(self.argv[0])
        record.cmd_line = " ".join(self.argv)
        return True


def extract_name_from_filename(filename, fallback_name):
    """datahub.utilities.logging_manager.extract_name_from_filename, its
    site-packages branch (the CLI runs from an installed package)."""
    parts = filename.split("/")
    if parts[-1].endswith(".py"):
        parts[-1] = parts[-1][:-3]
    if "site-packages" in parts:
        return ".".join(parts[parts.index("site-packages") + 1:])
    return fallback_name


class DataHubFormatter(logging.Formatter):
    """datahub.utilities.logging_manager._ColorLogFormatter off a TTY."""

    def formatMessage(self, record):
        record.name = extract_name_from_filename(record.pathname, record.name)
        return super().formatMessage(record)


def ascii_table(rows, justify):
    """terminaltables.AsciiTable.table, as Taurus's final-stats prints
    its tables (a border under the heading row)."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]

    def cell(text, i):
        text = str(text)
        if justify.get(i) == "right":
            return text.rjust(widths[i])
        if justify.get(i) == "center":
            return text.center(widths[i])
        return text.ljust(widths[i])

    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [border]
    for n, row in enumerate(rows):
        lines.append("|" + "|".join(" " + cell(text, i) + " " for i, text in enumerate(row)) + "|")
        if n == 0:
            lines.append(border)
    lines.append(border)
    return "\n".join(lines)


def stream_otel_ddtrace():
    stream = []
    ot = Program("opentelemetry", "main", logging.Formatter(OTEL), stream)
    otel = Set(otelSpanID="0", otelTraceID="0", otelTraceSampled=False, otelServiceName="recommendation")
    ot.handler.addFilter(otel)
    dd = Program("ddtrace", "ddtrace._trace.tracer", logging.Formatter(DDTRACE), stream)
    ddctx = Set(**{"dd.service": "orders", "dd.env": "prod", "dd.version": "2024.05.3", "dd.trace_id": "0",
                   "dd.span_id": "0"})
    dd.handler.addFilter(ddctx)
    rec = "recommendation_server.py"
    grpc_exporter = ot.logger("opentelemetry.exporter.otlp.proto.grpc.exporter")
    shared = ot.logger("opentelemetry.sdk._shared_internal")
    exp = "opentelemetry/exporter/otlp/proto/grpc/exporter.py"
    refused = ("failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:4317: Failed to "
               "connect to remote host: connect: Connection refused (111)")
    request = dd.logger("django.request")
    writer = dd.logger("ddtrace.internal.writer.writer")

    def span(n):
        """The record factory's attributes inside request n's span."""
        otel.values.update(otelTraceID=format(0x4bf92f3577b34da6a3ce929d0e0e4736 + n * 7919, "032x"),
                           otelSpanID=format(0x00f067aa0ba902b7 + n * 104729, "016x"), otelTraceSampled=True)

    def no_span():
        otel.values.update(otelSpanID="0", otelTraceID="0", otelTraceSampled=False)

    def dd_span(n):
        ddctx.values.update({"dd.trace_id": str(6183749302817465432 + n * 1000003),
                             "dd.span_id": str(3904127755104983711 + n * 999983)})

    def dd_none():
        ddctx.values.update({"dd.trace_id": "0", "dd.span_id": "0"})

    info = {
        "date": "2024-05-11T14:44:44.812403", "os_name": "Linux", "os_version": "5.10.215-203.850.amzn2.x86_64",
        "is_64_bit": True, "architecture": "64bit", "vm": "CPython", "version": "4.12.1", "lang": "python",
        "lang_version": "3.11.9", "pip_version": "24.0", "in_virtual_env": False,
        "agent_url": "http://localhost:8126", "agent_error": None, "statsd_url": "udp://localhost:8125",
        "env": "prod", "ddtrace_enabled": True, "sampling_rules": [], "service": "orders", "debug": False,
        "enabled_cli": True, "log_injection_enabled": True, "health_metrics_enabled": False,
        "runtime_metrics_enabled": False, "dd_version": "2024.05.3", "global_tags": "",
        "tracer_tags": "", "integrations": {"django": "enabled", "psycopg": "enabled", "requests": "N/A"},
        "partial_flush_enabled": True, "partial_flush_min_spans": 300, "asm_enabled": False,
        "iast_enabled": False, "waf_timeout": 8.33, "remote_config_enabled": True, "config_endpoint": False,
        "crashtracking_enabled": True, "gitmetadata_enabled": True, "git_repository_url": "",
        "git_commit_sha": "", "git_main_package": "", "log_level_override": None,
    }
    log_at(dd.log, logging.INFO, "ddtrace/_trace/tracer.py:692", "- DATADOG TRACER CONFIGURATION - %s" % info,
           func="_log_compat")
    log_at(dd.log, logging.WARNING, "ddtrace/_trace/tracer.py:692", "- DATADOG TRACER DIAGNOSTIC - %s" %
           "Agent not reachable at http://localhost:8126", func="_log_compat")
    log_at(ot.log, logging.INFO, f"{rec}:168", "Recommendation service started, listening on port 9001",
           func="<module>")
    for kind, backoff in [("metrics", 1.0), ("traces", 1.0), ("metrics", 2.0), ("logs", 1.0)]:
        log_at(grpc_exporter, logging.WARNING, f"{exp}:480", "Transient error %s encountered while exporting %s to "
               "%s, retrying in %.2fs. Error details: %s", Shown("StatusCode.UNAVAILABLE"), kind, "localhost:4317",
               backoff, refused, func="_export")
    health = ["/healthz", "/healthz"]
    products = ["OLJCESPC7Z", "66VCHSJNUP", "1YMWWN1N4O", "L9ECAV7KIM", "2ZYFJ3GM2N", "0PUK6V6EV0", "LS4PSXUNUM",
                "9SIQT8TOJO", "6E92ZMYYFZ", "HQTGWGPNH4"]
    for n in range(26):
        span(n)
        picked = [products[(n * 3 + k) % len(products)] for k in range(5 if n % 4 else 4)]
        if n % 3 == 0:
            log_at(ot.log, logging.INFO, f"{rec}:83", "get_product_list: cache miss", func="get_product_list")
        elif n % 3 == 1:
            log_at(ot.log, logging.INFO, f"{rec}:91", "get_product_list: cache hit", func="get_product_list")
        log_at(ot.log, logging.INFO, f"{rec}:47", f"Receive ListRecommendations for product ids:{picked}",
               func="ListRecommendations")
        no_span()
        # The Django service's requests, between the recommendation calls.
        dd_span(n)
        if n % 4 == 0:
            path = f"/api/orders/{90210 + n}/"
            record_at(request, logging.WARNING, "django/utils/log.py:293", "%s: %s", "Not Found", path,
                      func="log_response", extra={"status_code": 404, "request": WSGIRequest("GET", path)})
        elif n % 4 == 1:
            record_at(request, logging.WARNING, "django/utils/log.py:293", "Method Not Allowed (%s): %s", "GET",
                      "/api/checkout/", func="log_response",
                      extra={"status_code": 405, "request": WSGIRequest("GET", "/api/checkout/")})
        elif n % 4 == 2:
            record_at(request, logging.WARNING, "django/utils/log.py:293", "%s: %s", "Unauthorized", "/api/orders/",
                      func="log_response", extra={"status_code": 401, "request": WSGIRequest("POST", "/api/orders/")})
        else:
            # An ALB health check by the task's IP address.
            host = "10.0.3.%d:8000" % (40 + n)
            msg = "Invalid HTTP_HOST header: %r. You may need to add %r to ALLOWED_HOSTS." % (host, host.split(":")[0])
            try:
                raised("django.core.exceptions", "DisallowedHost", msg)
            except Exception:
                record_at(dd.logger("django.security.DisallowedHost"), logging.ERROR, "django/utils/log.py:293", msg,
                          func="log_response", exc=True,
                          extra={"status_code": 400, "request": WSGIRequest("GET", health[n % 2])})
        if n % 2 == 0 and n % 4 != 0:
            record_at(dd.logger("django.security.csrf"), logging.WARNING, "django/utils/log.py:293",
                      "Forbidden (%s): %s", "CSRF cookie not set.", "/api/cart/", func="log_response",
                      extra={"status_code": 403, "request": WSGIRequest("POST", "/api/cart/")})
        elif n % 4 == 0 and n:
            record_at(request, logging.WARNING, "django/utils/log.py:293", "%s: %s", "Bad Request", "/api/orders/",
                      func="log_response", extra={"status_code": 400, "request": WSGIRequest("POST", "/api/orders/")})
        dd_none()
        if n == 5:
            log_at(shared, logging.WARNING, "opentelemetry/sdk/_shared_internal/__init__.py:200",
                   "Queue full, dropping %s.", "Span", func="emit")
            log_at(shared, logging.WARNING, "opentelemetry/sdk/_shared_internal/__init__.py:200",
                   "Queue full, dropping %s.", "Span", func="emit")
        if n == 7:
            try:
                error(ValueError, "Cannot invoke RPC on closed channel!")
            except ValueError:
                log_at(shared, logging.ERROR, "opentelemetry/sdk/_shared_internal/__init__.py:189",
                       "Exception while exporting %s.", "Span", exc_info=True, func="_export")
            log_at(grpc_exporter, logging.ERROR, f"{exp}:469", "Failed to export %s to %s, error code: %s, error "
                   "details: %s", "traces", "localhost:4317", Shown("StatusCode.DEADLINE_EXCEEDED"),
                   "Deadline Exceeded", func="_export")
        if n in (9, 19):
            dd_span(n)
            try:
                raised("django.db.utils", "OperationalError", 'connection to server at "orders-db.cluster-c1a2b3d4e5f6.'
                       'us-east-1.rds.amazonaws.com" (10.0.4.12), port 5432 failed: FATAL:  remaining connection '
                       'slots are reserved for roles with the SUPERUSER attribute')
            except Exception:
                record_at(request, logging.ERROR, "django/utils/log.py:293", "%s: %s", "Internal Server Error",
                          "/api/checkout/", func="log_response", exc=True,
                          extra={"status_code": 500, "request": WSGIRequest("POST", "/api/checkout/")})
            dd_none()
        if n in (10, 12, 20, 22):
            try:
                error(ConnectionRefusedError, 111, "Connection refused")
            except ConnectionRefusedError:
                record_at(writer, logging.ERROR, "ddtrace/internal/writer/writer.py:97",
                          "failed to send, dropping %d traces to intake at %s after %d retries", 4 + n,
                          "http://localhost:8126/v0.5/traces", 3, func="_safelog", exc=True,
                          extra={"send_to_telemetry": False})
    for kind in ("traces", "metrics"):
        log_at(grpc_exporter, logging.WARNING, f"{exp}:480", "Transient error %s encountered while exporting %s to "
               "%s, retrying in %.2fs. Error details: %s", Shown("StatusCode.UNAVAILABLE"), kind, "localhost:4317",
               1.0, refused, func="_export")
    # A new gunicorn worker: the tracer's start-up logs again.
    with pid(11):
        log_at(dd.log, logging.INFO, "ddtrace/_trace/tracer.py:692", "- DATADOG TRACER CONFIGURATION - %s" % info,
               func="_log_compat")
        log_at(dd.log, logging.WARNING, "ddtrace/_trace/tracer.py:692", "- DATADOG TRACER DIAGNOSTIC - %s" %
               "Agent not reachable at http://localhost:8126", func="_log_compat")
    return {"name": "otel-ddtrace", "programs": [ot, dd], "records": stream, "auto": False}


def stream_skypilot_sockeye():
    stream = []
    sky = Program("skypilot", "sky.backends.cloud_vm_ray_backend", NewLineFormatter(SKYPILOT, SKYPILOT_DATEFMT),
                  stream)
    sk = Program("sockeye", "sockeye.train", logging.Formatter(SOCKEYE, SOCKEYE_DATEFMT), stream)
    prov = sky.logger("sky.provisioner")
    events = sky.logger("sky.skylet.events")
    # `sky launch` on the runner.
    log_at(sky.log, logging.INFO, "sky/backends/cloud_vm_ray_backend.py:1386", "To view detailed progress: "
           "tail -n100 -f /home/runner/sky_logs/sky-2024-05-11-14-44-44-108390/provision.log", func="_retry_zones")
    log_at(prov, logging.INFO, "sky/provision/provisioner.py:79", "Launching on AWS us-east-1 "
           "(us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1f)", func="_bulk_provision")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (UnauthorizedOperation) when calling the "
               "CreateSecurityGroup operation: You are not authorized to perform this operation. User: "
               "arn:aws:sts::123456789012:assumed-role/codebuild-nmt/AWSCodeBuild-7f1c is not authorized to perform: "
               "ec2:CreateSecurityGroup on resource: arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0a1b2c3d")
    except Exception as e:
        # provisioner._bulk_provision: common_utils.format_exception(e) on
        # the next lines.
        log_at(prov, logging.ERROR, "sky/provision/provisioner.py:95", "Failed to configure the cloud for "
               "'nmt-train' with the following error:\n%s.%s: %s" % (type(e).__module__, type(e).__name__, e),
               func="_bulk_provision")
    log_at(sky.log, logging.INFO, "sky/backends/cloud_vm_ray_backend.py:1386", "To view detailed progress: "
           "tail -n100 -f /home/runner/sky_logs/sky-2024-05-11-14-46-02-514077/provision.log", func="_retry_zones")
    log_at(prov, logging.INFO, "sky/provision/provisioner.py:79", "Launching on AWS us-east-1 "
           "(us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1f)", func="_bulk_provision")
    log_at(prov, logging.INFO, "sky/provision/provisioner.py:429", "Successfully provisioned or found existing "
           "instance.", func="_post_provision_setup")
    log_at(prov, logging.INFO, "sky/provision/provisioner.py:531", "Successfully provisioned cluster: nmt-train",
           func="post_provision_runtime_setup")
    log_at(sky.log, logging.INFO, "sky/backends/cloud_vm_ray_backend.py:4418", "Processing file mounts.",
           func="_execute_file_mounts")
    log_at(sky.log, logging.INFO, "sky/backends/cloud_vm_ray_backend.py:4450", "To view detailed progress: "
           "tail -n100 -f ~/sky_logs/sky-2024-05-11-14-46-02-514077/file_mounts.log", func="_execute_file_mounts")
    # The training job, on the head node (sockeye.train's log file).
    utils = sk.logger("sockeye.utils")
    training = sk.logger("sockeye.training")
    data_io = sk.logger("sockeye.data_io")
    log_at(utils, logging.INFO, "sockeye/log.py:150", "Sockeye: 3.1.39, commit unknown, path "
           "/usr/local/lib/python3.11/site-packages/sockeye/__init__.py", func="log_sockeye_version")
    log_at(utils, logging.INFO, "sockeye/log.py:159", "PyTorch: 2.1.2+cu121 "
           "(/usr/local/lib/python3.11/site-packages/torch/__init__.py)", func="log_torch_version")
    argv = ("/usr/local/bin/sockeye-train --prepared-data /data/prepared --validation-source /data/dev.de "
            "--validation-target /data/dev.en --output /data/models/de-en --batch-size 4096 --update-interval 2 "
            "--max-checkpoints 30 --checkpoint-interval 2000 --dist")
    log_at(utils, logging.INFO, "sockeye/utils.py:109", "Command: %s", argv, func="log_basic_info")
    log_at(utils, logging.INFO, "sockeye/utils.py:110", "Arguments: %s", "Namespace(amp=False, apex_amp=False, "
           "batch_size=4096, batch_type='word', checkpoint_interval=2000, dist=True, "
           "initial_learning_rate=0.0002, learning_rate_scheduler_type='plateau-reduce', max_checkpoints=30, "
           "output='/data/models/de-en', prepared_data='/data/prepared', seed=1, update_interval=2)",
           func="log_basic_info")
    log_at(sk.log, logging.INFO, "sockeye/train.py:1013", "Adjusting maximum length to reserve space for a BOS/EOS "
           "marker. New maximum length: (%d, %d)", 96, 96, func="train")
    log_at(sk.log, logging.INFO, "sockeye/train.py:1017", "Training Device: cuda:0", func="train")
    for line in ["===============================", "Creating training data iterator",
                 "==============================="]:
        log_at(data_io, logging.INFO, "sockeye/data_io.py:837", line, func="get_prepared_data_iters")
    log_at(sk.log, logging.INFO, "sockeye/train.py:1044", "Vocabulary sizes: source=[%s] target=[%s]", "32302",
           "32302", func="train")
    log_at(sk.log, logging.INFO, "sockeye/train.py:810", "Gradient accumulation over 2 batch(es) by 8 worker(s). "
           "Effective batch size: 65536", func="create_optimizer_config")
    log_at(training, logging.INFO, "sockeye/training.py:220", "Early stopping by optimizing '%s'", "perplexity",
           func="fit")
    log_at(training, logging.INFO, "sockeye/training.py:236", "Training started.", func="fit")
    # The skylet's events on the head node (SKYPILOT_DEBUG=1).
    speed = 'E=%d B=%d\ts/sec=%.2f tok/sec=%.2f u/sec=%.2f\t' + '%s=%f '
    batch = 0
    best = 0.0
    for checkpoint in range(1, 4):
        for k in range(5):
            batch += 400
            log_at(training, logging.INFO, "sockeye/training.py:936", speed, 1, batch, 612.4 + k, 41877.31 + 9 * k,
                   1.52, "perplexity", 38.2 / checkpoint - k * 0.4, func="__call__")
            log_at(events, logging.DEBUG, "sky/skylet/events.py:38", "JobUpdateEvent triggered", func="run")
            if k == 2:
                log_at(events, logging.DEBUG, "sky/skylet/events.py:38", "AutostopEvent triggered", func="run")
                log_at(events, logging.DEBUG, "sky/skylet/events.py:88", "Not idle. Reset idle minutes."
                       "AutoStop config: 30", func="_run")
        log_at(training, logging.INFO, "sockeye/training.py:318", "Checkpoint [%d]\tUpdates=%d Epoch=%d Samples=%d "
               "Time-cost=%.3f Updates/sec=%.3f", checkpoint, checkpoint * 2000, 1, checkpoint * 2031616, 1296.381,
               1.543, func="_create_checkpoint")
        log_at(training, logging.INFO, "sockeye/training.py:321", "Checkpoint [%d]\t%s", checkpoint,
               "Train-perplexity=%f" % (29.8 / checkpoint), func="_create_checkpoint")
        value = 24.61 / checkpoint
        log_at(training, logging.INFO, "sockeye/training.py:480", "Checkpoint [%d]\t%s", checkpoint,
               "Validation-perplexity=%f" % value, func="_evaluate")
        log_at(training, logging.INFO, "sockeye/training.py:503", "Validation-%s improved to %f (delta=%f).",
               "perplexity", value, abs(value - best), func="_determine_improvement")
        best = value
        log_at(training, logging.INFO, "sockeye/training.py:600", "Checkpoint [%d]\tLearning-rate=%.6f", checkpoint,
               0.0002, func="_adjust_learning_rate")
    try:
        raised("sqlite3", "OperationalError", "database is locked")
    except Exception as e:
        log_at(events, logging.ERROR, "sky/skylet/events.py:43", f"JobUpdateEvent error: {e}", func="run")
        log_at(events, logging.ERROR, "sky/skylet/events.py:44", traceback.format_exc(), func="run")
    try:
        raised("torch.cuda", "OutOfMemoryError", "CUDA out of memory. Tried to allocate 1.95 GiB. GPU 3 has a total "
               "capacty of 22.19 GiB of which 1.06 GiB is free. Including non-PyTorch memory, this process has 21.12 "
               "GiB memory in use. Of the allocated memory 18.77 GiB is allocated by PyTorch, and 1.91 GiB is "
               "reserved by PyTorch but unallocated.")
    except Exception:
        # log.setup_main_logger's exception_hook: the root logger.
        log_at(sk.logger("root"), logging.ERROR, "sockeye/log.py:139", "Uncaught exception", exc_info=True,
               func="exception_hook")
    for minutes in (1.0, 2.0, 3.0, 4.0, 5.0, 6.0):
        log_at(events, logging.DEBUG, "sky/skylet/events.py:38", "AutostopEvent triggered", func="run")
        log_at(events, logging.DEBUG, "sky/skylet/events.py:83", f"Idle minutes: {minutes}, AutoStop config: 30",
               func="_run")
    # The job restarted from its training state.
    log_at(training, logging.INFO, "sockeye/training.py:228", "Found partial training in '%s'. Resuming from saved "
           "state.", "/data/models/de-en/training_state", func="fit")
    log_at(training, logging.INFO, "sockeye/training.py:676", 'Loaded optimizer state from "%s"',
           "/data/models/de-en/training_state/optimizer.pkl", func="_load_optimizer_state")
    for k in range(4):
        batch += 400
        log_at(training, logging.INFO, "sockeye/training.py:936", speed, 1, batch, 601.9 + k, 41210.77 + 11 * k,
               1.49, "perplexity", 7.91 - k * 0.05, func="__call__")
        log_at(events, logging.DEBUG, "sky/skylet/events.py:38", "JobUpdateEvent triggered", func="run")
    log_at(events, logging.INFO, "sky/skylet/events.py:91", "30.0 idle minutes reached; threshold: 30 minutes. "
           "Stopping.", func="_run")
    return {"name": "skypilot-sockeye", "programs": [sky, sk], "records": stream, "auto": False}


def stream_chaostoolkit_taurus():
    stream = []
    ct = Program("chaostoolkit", "chaostoolkit", ChaosLogFormatter(CHAOSTOOLKIT, CHAOSTOOLKIT_DATEFMT, CHAOS_COLORS),
                 stream)
    ct.log.addFilter(ChaosToolkitContextFilter("chaostoolkit", "8d0b9d6c-3f1e-4b7a-9c2d-5e6f7a8b9c0d"))
    bz = Program("taurus", "root", logging.Formatter(TAURUS), stream)
    engine = bz.logger("Engine")
    jmeter = bz.logger("Engine.jmeter")
    stats = bz.logger("Engine.final-stats")
    chaos = ct.log
    # `bzt -v load.yml` starts first; the experiment runs against the
    # service under load.
    bz.log.info("Taurus CLI Tool v%s", "1.17.0")
    bz.log.debug("Build: %s", "1.17.0")
    bz.log.debug("Command-line options: %s", {"log": None, "option": ["settings.artifacts-dir=/tmp/bzt"],
                                               "quiet": False, "verbose": True, "no_system_configs": False,
                                               "obsolete": None, "aliases": [], "lint": False})
    bz.log.debug("Python: %s %s", "CPython", "3.11.9")
    bz.log.debug("OS: %s", "uname_result(system='Linux', node='ip-10-0-3-7', release='5.10.215-203.850.amzn2.x86_64',"
                 " version='#1 SMP Tue Apr 23 20:32:19 UTC 2024', machine='x86_64')")
    bz.log.info("No personal config found, creating one at %s", "/root/.bzt-rc")
    bz.log.info("Starting with configs: %s", ["load.yml"])
    engine.info("Configuring...")
    engine.info("Artifacts dir: %s", "/tmp/bzt")
    engine.info("Preparing...")
    jmeter.info("Using JMeter version: %s (configured version: %s, version-type: %s)", "5.6.3", "auto", "stable")
    chaos.info("Validating the experiment's syntax")
    chaos.info("Experiment looks valid")
    chaos.info("Running experiment: %s" % "Orders API survives losing the tasks of one AZ")
    chaos.info("Steady-state strategy: default")
    chaos.info("Rollbacks strategy: default")
    engine.info("Starting...")

    def hypothesis():
        chaos.info("Steady state hypothesis: %s" % "Orders API responds under load")
        chaos.info("Probe: %s" % "orders-api-must-respond")
        chaos.info("Probe: %s" % "alb-5xx-rate-below-one-percent")

    hypothesis()
    chaos.info("Steady state hypothesis is met!")
    chaos.info("Playing your experiment's method now...")
    chaos.info("Action: %s" % "stop-ecs-tasks-in-us-east-1a")
    consolidator = bz.logger("Engine.consolidator")
    for second in range(10):
        engine.debug("Iteration took %.3f sec, sleeping for %.3f sec...", 0.046 + second / 1000,
                     0.954 - second / 1000)
        if second == 2:
            consolidator.info("Changed data analysis delay to %ds", 3)
    chaos.info("Pausing after activity for 60s...")
    chaos.info("Executing the steady-state hypothesis continuously every 15 seconds")
    for iteration in range(4):
        hypothesis()
        engine.debug("Iteration took %.3f sec, sleeping for %.3f sec...", 0.052, 0.948)
        engine.debug("Iteration took %.3f sec, sleeping for %.3f sec...", 0.049 + iteration / 1000,
                     0.951 - iteration / 1000)
        if iteration == 1:
            consolidator.info("Changed data analysis delay to %ds", 4)
        if iteration == 2:
            chaos.error("  => failed: %s" % "the ALB answered 503 Service Unavailable to 41 of 300 "
                        "requests")
            chaos.warning("Probe terminated unexpectedly, so its tolerance could not be validated")
            chaos.warning("Continuous steady state probe '%s' is not in the given tolerance" %
                          "alb-5xx-rate-below-one-percent")
        else:
            chaos.info("Steady state hypothesis is met!")
    passfail = bz.logger("Engine.passfail")
    passfail.warning("%s", "Failed: avg-rt>500ms for 10 sec")
    bz.log.warning("Automated shutdown")
    try:
        raised("bzt", "AutomatedShutdown", "Failed: avg-rt>500ms for 10 sec")
    except Exception as exc:
        # bzt/utils.py get_stacktrace: the frames, without the exception line.
        bz.log.debug("%s: %s\n%s", type(exc).__name__, exc, "".join(traceback.format_tb(exc.__traceback__)).rstrip())
    engine.warning("Please wait for graceful shutdown...")
    engine.info("Shutting down...")
    jmeter.info("Sending Shutdown command to JMeter on port %d...", 4445)
    jmeter.info("Sending StopTestNow command to JMeter on port %d...", 4445)
    jmeter.warning("JMeter process is still alive, killing it")
    engine.info("Post-processing...")
    stats.info("Test duration: %s", "0:04:12")
    stats.info("Samples count: %s, %.2f%% failures", 101882, 2.31)
    stats.info("Average times: total %.3f, latency %.3f, connect %.3f", 0.412, 0.398, 0.002)
    percentiles = [("Percentile, %", "Resp. Time, s")] + [(float(p), t) for p, t in
                                                          [("0.0", 0.021), ("50.0", 0.246), ("90.0", 0.655),
                                                           ("95.0", 0.981), ("99.0", 2.114), ("99.9", 4.87),
                                                           ("100.0", 10.042)]]
    stats.info("Percentiles:\n%s", ascii_table(percentiles, {0: "right", 1: "right"}))
    labels = [("label", "status", "succ", "avg_rt", "error"),
              ("GET /api/orders", "OK", "100.00%", "0.231", ""),
              ("POST /api/checkout", "FAIL", "91.20%", "1.012", "Service Unavailable"),
              ("GET /api/recommendations", "OK", "100.00%", "0.088", "")]
    stats.info("Request label stats:\n%s", ascii_table(labels, {0: "left", 1: "center", 2: "right", 3: "right",
                                                              4: "left"}))
    stats.info("Dumping final status as XML: %s", "/tmp/bzt/report.xml")
    chaos.info("Let's rollback...")
    chaos.info("Rollback: %s" % "restore-desired-count")
    chaos.info("Action: %s" % "restore-desired-count")
    chaos.info("Experiment ended with status: %s" % "deviated")
    chaos.info("The steady-state has deviated, a weakness may have been discovered")
    bz.log.info("Artifacts dir: %s", "/tmp/bzt")
    bz.log.warning("Done performing with code: %s", 3)
    printed(stream, "[Container] 2024/05/11 14:49:02.118401 Command did not exit successfully chaos run "
            "experiments/az-loss.json exit status 1")
    # The next experiment, whose extension raises.
    chaos.info("Validating the experiment's syntax")
    chaos.info("Experiment looks valid")
    chaos.info("Running experiment: %s" % "Orders DB failover keeps the API up")
    chaos.info("Steady-state strategy: default")
    chaos.info("Rollbacks strategy: default")
    chaos.info("Steady state hypothesis: %s" % "Orders API responds under load")
    chaos.info("Probe: %s" % "orders-api-must-respond")
    chaos.info("Steady state hypothesis is met!")
    chaos.info("Playing your experiment's method now...")
    chaos.info("Action: %s" % "failover-aurora-cluster")
    try:
        raised("botocore.errorfactory", "InvalidDBClusterStateFault", "An error occurred "
               "(InvalidDBClusterStateFault) when calling the FailoverDBCluster operation: Cluster "
               "orders-db is in a state of modifying, failover is not allowed.")
    except Exception:
        chaos.critical("Experiment ran into an un expected fatal error, aborting now.", exc_info=True)
    chaos.info("Let's rollback...")
    chaos.info("No declared rollbacks, let's move on.")
    chaos.info("Experiment ended with status: %s" % "aborted")
    return {"name": "chaostoolkit-taurus", "programs": [ct, bz], "records": stream, "auto": False}


def stream_rhsm_insights():
    stream = []
    context = ContextLoggingFilter()
    rh = Program("subscription-manager", "rhsm-app.subscription_manager.scripts.rhsmcertd_worker", RhsmISO8601(RHSM),
                 stream, truth=RhsmJson, datefmt="iso8601")
    rh.handler.addFilter(context)
    ic = Program("insights-client", "insights.client.client", logging.Formatter(INSIGHTS), stream)
    worker = rh.log
    aws = rh.logger("cloud_what.providers.aws")
    entcert = rh.logger("subscription_manager.entcertlib")
    productid = rh.logger("subscription_manager.productid")
    connection = rh.logger("rhsm.connection")
    w = "rhsmcertd_worker.py"
    v1 = ic.logger("insights.client.phase.v1")
    conn = ic.logger("insights.client.connection")
    core = ic.logger("insights.client.core_collector")
    archive = ic.logger("insights.client.archive")

    def report(added, rogue, expected):
        """entcertlib.EntCertUpdateReport.__str__."""
        lines = ["Total updates: %d" % (len(added) + len(rogue)), "Found (local) serial# %s" % (
            [s for s in expected if s not in added]), "Expected (UEP) serial# %s" % expected, "Added (new)"]
        lines += ["  [sn:%d (%s,) @ %s]" % (s, "Content Access", "/etc/pki/entitlement/%d.pem" % s) for s in added] \
            or ["  <NONE>"]
        lines.append("Deleted (rogue):")
        lines += ["  [sn:%d (%s,) @ %s]" % (s, "Content Access", "/etc/pki/entitlement/%d.pem" % s) for s in rogue] \
            or ["  <NONE>"]
        return "\n".join(lines)

    # First boot: rhsmcertd-worker --auto-register.
    context.argv = ["/usr/libexec/rhsmcertd-worker", "--auto-register"]
    with pid(1826):
        log_at(worker, logging.INFO, f"subscription_manager/scripts/{w}:270", "Starting automatic registration.",
               func="_auto_register")
        log_at(aws, logging.ERROR, "cloud_what/providers/aws.py:207", "Unable to receive token from AWS: "
               "HTTPConnectionPool(host='169.254.169.254', port=80): Read timed out. (read timeout=1.0)",
               func="_get_token_from_server")
        log_at(aws, logging.WARNING, "cloud_what/_base_provider.py:426", "Unable to get aws metadata: "
               "HTTPConnectionPool(host='169.254.169.254', port=80): Read timed out. (read timeout=1.0)",
               func="_get_data_from_server")
        log_at(worker, logging.INFO, f"subscription_manager/scripts/{w}:164", "Metadata and signature gathered for "
               "cloud provider: aws", func="_collect_cloud_info")
        log_at(worker, logging.INFO, f"subscription_manager/scripts/{w}:317", "Standard automatic registration was "
               "successful.", func="_auto_register")
    # ic: the first run, from its systemd timer.
    with pid(2040):
        log_at(ic.log, logging.DEBUG, "insights/client/client.py:149", "Logging initialized", func="set_up_logging")
        log_at(v1, logging.DEBUG, "insights/client/phase/v1.py:232", "Machine ID: %s",
               "2d6f1a9e-7c3b-4e58-b1a4-0f9e8d7c6b5a", func="post_update")
        log_at(v1, logging.DEBUG, "insights/client/phase/v1.py:233", "CONFIG: %s", "{'app': None, 'authmethod': "
               "'CERT', 'auto_config': True, 'auto_update': True, 'base_url': 'cert-api.access.redhat.com:443/r/"
               "insights', 'cmd_timeout': 120, 'compressor': 'gz', 'legacy_upload': False, 'loglevel': 'DEBUG', "
               "'logging_file': '/var/log/insights-client/insights-client.log', 'offline': False, 'proxy': None, "
               "'retries': 1, 'verbose': False}", func="post_update")
        log_at(v1, logging.INFO, "insights/client/phase/v1.py:250", "This host is registered.", func="post_update")
        log_at(ic.log, logging.INFO, "insights/client/client.py:347", "Starting to collect Insights data for %s" %
               "ip-10-0-3-7.ec2.internal", func="collect")
        log_at(core, logging.DEBUG, "insights/client/core_collector.py:37", "Beginning to run core collection ...",
               func="run_collection")
        log_at(core, logging.DEBUG, "insights/client/core_collector.py:47", "Core collection finished.",
               func="run_collection")
        log_at(archive, logging.INFO, "insights/client/archive.py:213", "Archive saved at %s",
               "/var/cache/insights-client/insights-ip-10-0-3-7-20240511144444.tar.gz", func="create_tar_file")
        log_at(ic.log, logging.INFO, "insights/client/client.py:404", "Uploading Insights data.", func="upload")
        log_at(ic.log, logging.DEBUG, "insights/client/client.py:406", "Upload attempt %d of %d ...", 1, 1,
               func="upload")
        log_at(ic.log, logging.INFO, "insights/client/client.py:418", "Successfully uploaded report for %s.",
               "ip-10-0-3-7.ec2.internal", func="upload")
    context.argv = ["/usr/libexec/rhsmcertd-worker"]
    serials = [5287741901836617204]
    with pid(1844):
        log_at(entcert, logging.INFO, "subscription_manager/entcertlib.py:108", "certs updated:\n%s",
               Shown(report(serials, [], serials)), func="perform")
    # dnf, with subscription-manager's plugins.
    context.argv = ["/usr/bin/dnf", "-y", "update"]
    with pid(2210):
        log_at(productid, logging.INFO, "subscription_manager/productid.py:554", "Updating product db with %s -> %s" %
               ("479", "rhel-9-for-x86_64-baseos-rpms"), func="update_product_db")
        log_at(productid, logging.INFO, "subscription_manager/productid.py:605", "Installed product cert %s: %s %s" %
               ("479", "Red Hat Enterprise Linux for x86_64", "/etc/pki/product/479.pem"), func="install_product")
    # The worker's runs, every four hours, and the daily insights-client.
    for run in range(16):
        context.argv = ["/usr/libexec/rhsmcertd-worker"]
        with pid(3012 + run * 977):
            if run == 3:
                try:
                    raised("rhsm.connection", "RemoteServerException", "Server error attempting a GET to "
                           "/subscription/consumers/2d6f1a9e-7c3b-4e58-b1a4-0f9e8d7c6b5a/certificates/serials "
                           "returned status 503")
                except Exception:
                    log_at(worker, logging.ERROR, f"subscription_manager/scripts/{w}:547", "Error while updating "
                           "certificates using daemon", exc_info=True, func="main")
            else:
                new = serials if run < 9 else [7719234055610398417]
                log_at(entcert, logging.INFO, "subscription_manager/entcertlib.py:108", "certs updated:\n%s",
                       Shown(report([s for s in new if s not in serials], [s for s in serials if s not in new],
                                    new)), func="perform")
                if new != serials:
                    log_at(entcert, logging.INFO, "subscription_manager/entcertlib.py:129", "Deleting obsolete "
                           "content access certificate", func="perform")
                    serials = new
                if run % 3 == 2:
                    log_at(connection, logging.WARNING, "rhsm/connection.py:95", "Expected UTC timestamp, got "
                           "'%s', drift check may be off." % "Sat, 11 May 2024 16:44:49 +0200",
                           func="drift_check")
        if run % 2 == 1:
            context.argv = ["/usr/bin/dnf", "makecache", "--timer"]
            with pid(4410 + run):
                for repo in ("rhel-9-for-x86_64-baseos-rpms", "rhel-9-for-x86_64-appstream-rpms"):
                    log_at(productid, logging.INFO, "subscription_manager/productid.py:554", "Updating product db "
                           "with %s -> %s" % ("479", repo), func="update_product_db")
        if run % 2:
            continue
        with pid(5120 + run):
            log_at(ic.log, logging.DEBUG, "insights/client/client.py:149", "Logging initialized",
                   func="set_up_logging")
            log_at(ic.log, logging.INFO, "insights/client/client.py:347", "Starting to collect Insights data for %s" %
                   "ip-10-0-3-7.ec2.internal", func="collect")
            if run == 8:
                log_at(ic.log, logging.INFO, "insights/client/client.py:404", "Uploading Insights data.",
                       func="upload")
                log_at(ic.log, logging.ERROR, "insights/client/client.py:422", "Upload attempt %d of %d failed! "
                       "Status code: %s", 1, 1, 504, func="upload")
                log_at(ic.log, logging.ERROR, "insights/client/client.py:429", "All attempts to upload have failed!",
                       func="upload")
                log_at(ic.log, logging.ERROR, "insights/client/client.py:430", "Please see %s for additional "
                       "information", "/var/log/insights-client/insights-client.log", func="upload")
                log_at(v1, logging.INFO, "insights/client/phase/v1.py:92", "Running Connection Tests...",
                       func="pre_update")
                log_at(conn, logging.INFO, "insights/client/connection.py:421", "=== Begin Upload URL Connection "
                       "Test ===", func="test_connection")
                log_at(conn, logging.INFO, "insights/client/connection.py:403", "Successfully connected to: %s",
                       "https://cert-api.access.redhat.com:443/r/insights/platform/ingress/v1/upload",
                       func="_test_urls")
                log_at(conn, logging.INFO, "insights/client/connection.py:423", "=== End Upload URL Connection "
                       "Test: %s ===\n", "SUCCESS", func="test_connection")
                log_at(conn, logging.INFO, "insights/client/connection.py:425", "=== Begin API URL Connection "
                       "Test ===", func="test_connection")
                try:
                    raised("requests.exceptions", "ConnectTimeout", "HTTPSConnectionPool(host='cert-api.access."
                           "redhat.com', port=443): Max retries exceeded with url: /r/insights/platform/apicast-tests/"
                           "ping (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at "
                           "0x7f5e2a1c3d90>, 'Connection to cert-api.access.redhat.com timed out. (connect "
                           "timeout=120)'))")
                except Exception:
                    log_at(conn, logging.ERROR, "insights/client/connection.py:410", "Could not successfully "
                           "connect to: %s", "https://cert-api.access.redhat.com:443/r/insights/platform/apicast-"
                           "tests/ping", func="_test_urls")
                    log_at(v1, logging.ERROR, "insights/client/phase/v1.py:33", "Fatal error", exc_info=True,
                           func="_f")
                continue
            log_at(archive, logging.INFO, "insights/client/archive.py:213", "Archive saved at %s",
                   "/var/cache/insights-client/insights-ip-10-0-3-7-202405%02d144444.tar.gz" % (12 + run // 2),
                   func="create_tar_file")
            log_at(ic.log, logging.INFO, "insights/client/client.py:418", "Successfully uploaded report for %s.",
                   "ip-10-0-3-7.ec2.internal", func="upload")
    return {"name": "rhsm-insights", "programs": [rh, ic], "records": stream, "auto": False}


def stream_pipelinewise_datahub():
    stream = []
    pw = Program("pipelinewise", "pipelinewise.cli.pipelinewise", logging.Formatter(PIPELINEWISE,
                                                                                    PIPELINEWISE_DATEFMT), stream)
    dh = Program("datahub", "datahub.cli.ingest_cli", DataHubFormatter(DATAHUB), stream)
    commands = pw.logger("pipelinewise.cli.commands")
    fastsync = pw.logger("pipelinewise.fastsync.postgres_to_snowflake")
    tap = pw.logger("pipelinewise.fastsync.commons.tap_postgres")
    target = pw.logger("pipelinewise.fastsync.commons.target_snowflake")
    futils = pw.logger("pipelinewise.fastsync.commons.utils")
    pipeline = dh.logger("datahub.ingestion.run.pipeline")
    sink_callback = dh.logger("datahub.ingestion.run.sink_callback")
    tables = ["public.orders", "public.order_items", "public.customers"]
    pw.log.info("Running %s tap in %s target", "postgres_orders", "snowflake")
    pw.log.info("Table(s) selected to sync by fastsync/partialsync: %s", ["public-orders", "public-order_items",
                                                                          "public-customers"])
    log_dir = "/root/.pipelinewise/snowflake/postgres_orders/log"
    commands.info("Writing output into %s", f"{log_dir}/snowflake-postgres_orders-20240511_144444.fastsync.log")
    log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:146", "DataHub CLI version: %s", "1.1.0.4", func="run")
    fastsync.info("""
        -------------------------------------------------------
        STARTING SYNC
        -------------------------------------------------------
            Tables selected to sync        : %s
            Total tables selected to sync  : %s
            Pool size                      : %s
        -------------------------------------------------------
        """, tables, len(tables), 3)
    log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:233", "Sink configured successfully. %s" %
           "DataHubRestEmitter: configured to talk to http://datahub-gms.data.svc:8080 with token: eyJh**********kpXs",
           func="__init__")
    log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:266", "Source configured successfully.",
           func="__init__")
    log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:124", "Starting metadata ingestion", func="run")
    for n, table in enumerate(tables):
        stamp = "20240511-144445-%06d" % (321000 + n * 7)
        csv = f"pipelinewise_postgres_orders-{table.replace('.', '-')}_{stamp}_fastsync_ab12cd34.csv.gz"
        tap.info("Connecting to replica")
        tap.info("Connection to PGSQL server established")
        tap.info("Exporting data: %s", f"COPY (SELECT \"id\",\"created_at\",\"status\",\"_sdc_deleted_at\" FROM "
                 f"{table}) TO STDOUT with CSV DELIMITER ','")
        target.info("Uploading to S3 bucket: %s, local file: %s, S3 key: %s", "acme-pipelinewise-stage",
                    f"/root/.pipelinewise/tmp/{csv}", f"snowflake-imports/{csv}")
        target.info("Loading %s into Snowflake...", f"snowflake-imports/{csv}")
        target.info('Loading into %s."%s": %s', "ANALYTICS_ORDERS", f"{table.split('.')[1].upper()}_TEMP",
                    json.dumps({"inserts": [182344, 1220931, 40233][n], "updates": 0, "file_parts": 1,
                                "size_bytes": [18220193, 90113202, 2201183][n]}))
        if n < 2:
            urn = f"urn:li:dataset:(urn:li:dataPlatform:glue,analytics.{table.split('.')[1]},PROD)"
            try:
                raised("datahub.configuration.common", "OperationalError", "('Unable to emit metadata to DataHub "
                       "GMS: Failed to validate record with class com.linkedin.schema.SchemaMetadata: ERROR :: "
                       "/fields/3/nativeDataType :: field is required but not found and has no default value', "
                       "{'exceptionClass': 'com.linkedin.restli.server.RestLiServiceException', 'status': 422})")
            except Exception as e:
                # sink_callback.LoggingCallback(): its name is "".
                record_at(sink_callback, logging.ERROR, "datahub/ingestion/run/sink_callback.py:32",
                          f" failed to write record with workunit {urn}-schemaMetadata", func="on_failure",
                          extra={"failure_metadata": {}}, exc=lambda e=e: error(type(e), str(e)))
        target.info("Archiving %s to %s", f"snowflake-imports/{csv}", f"archive/postgres_orders/{table}/{csv}")
    futils.info("Saving new state file to %s", "/root/.pipelinewise/snowflake/postgres_orders/state.json")
    fastsync.info("""
        -------------------------------------------------------
        SYNC FINISHED - SUMMARY
        -------------------------------------------------------
            Total tables selected to sync  : %s
            Tables loaded successfully     : %s
            Exceptions during table sync   : %s

            Pool size                      : %s
            Runtime                        : %s
        -------------------------------------------------------
        """, 3, 3, "[]", 3, "0:03:12.338197")
    pw.log.info("Table(s) selected to sync by singer: %s", ["public-order_events"])
    commands.info("Writing output into %s", f"{log_dir}/snowflake-postgres_orders-20240511_144444.singer.log")
    try:
        raised("botocore.errorfactory", "AccessDeniedException", "An error occurred (AccessDeniedException) when "
               "calling the GetTables operation: User: arn:aws:sts::123456789012:assumed-role/datahub-ingestion/"
               "1715438684 is not authorized to perform: glue:GetTables on resource: arn:aws:glue:us-east-1:"
               "123456789012:database/finance")
    except Exception as e:
        # Pipeline._handle_uncaught_pipeline_exception logs with
        # stacklevel=2: the record is Pipeline.run's.
        log_at(pipeline, logging.ERROR, "datahub/ingestion/run/pipeline.py:557", f"Ingestion pipeline threw an "
               f"uncaught exception: {e}", exc_info=True, func="run")
    log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:134", "Finished metadata ingestion",
           func="run_pipeline_to_completion")
    # Pipeline.pretty_print_summary: click.echo.
    printed(stream, "Cli report:")
    for line in pprint.pformat({"cli_version": "1.1.0.4", "cli_entry_location": "/usr/local/lib/python3.11/"
                                "site-packages/datahub/ingestion/run/pipeline.py", "models_version": "bundled",
                                "py_version": "3.11.9 (main, Apr  2 2024, 15:40:32) [GCC 12.2.0]",
                                "os_details": "Linux-5.10.215-203.850.amzn2.x86_64-x86_64-with-glibc2.36",
                                "mem_info": "412.7 MB", "peak_memory_usage": "433.01 MB"},
                               width=150, sort_dicts=False).split("\n"):
        printed(stream, line)
    printed(stream, "Pipeline finished with at least 3 failures; produced 118 events in 58.2 seconds.")
    try:
        error(RuntimeError, "Command failed. Return code: 1\nError(s) found:\ntime=2024-05-11 14:45:50 "
              "logger_name=tap_postgres log_level=CRITICAL message=could not connect to server: Connection "
              "timed out\n\tIs the server running on host \"orders-replica.c1a2b3d4e5f6.us-east-1.rds."
              "amazonaws.com\" (10.0.4.19) and accepting\n\tTCP/IP connections on port 5432?\n\nFull log: "
              f"{log_dir}/snowflake-postgres_orders-20240511_144444.singer.log.failed")
    except RuntimeError as exc:
        kind = type("RunCommandException", (Exception,), {"__module__": "pipelinewise.cli.commands"})
        try:
            raise kind(str(exc))
        except Exception as run_error:
            pw.log.exception(run_error)
    pw.log.info("""
-------------------------------------------------------
TAP RUN SUMMARY
-------------------------------------------------------
    Status  : %s
    Runtime : %s
-------------------------------------------------------
""" % ("FAILED", "0:03:19.004112"))
    # The next runs, every 30 minutes: singer only.
    for run in range(6):
        pw.log.info("Running %s tap in %s target", "postgres_orders", "snowflake")
        pw.log.info("Table(s) selected to sync by singer: %s", ["public-order_events"])
        commands.info("Writing output into %s",
                      f"{log_dir}/snowflake-postgres_orders-20240511_%02d%02d44.singer.log" % (15 + run // 2,
                                                                                               (run % 2) * 30 + 14))
        if run == 1:
            pw.log.error("Another instance of the tap is already running.")
            continue
        pw.log.info("""
-------------------------------------------------------
TAP RUN SUMMARY
-------------------------------------------------------
    Status  : %s
    Runtime : %s
-------------------------------------------------------
""" % ("SUCCESS", "0:00:%02d.%06d" % (41 + run, 118320 + run * 1103)))
        # DataHub's next scheduled ingestion of the Glue catalog.
        log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:146", "DataHub CLI version: %s", "1.1.0.4", func="run")
        log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:233", "Sink configured successfully. %s" %
               "DataHubRestEmitter: configured to talk to http://datahub-gms.data.svc:8080 with token: "
               "eyJh**********kpXs", func="__init__")
        log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:266", "Source configured successfully.",
               func="__init__")
        log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:124", "Starting metadata ingestion", func="run")
        if run != 1:
            log_at(pipeline, logging.WARNING, "datahub/ingestion/run/pipeline.py:123", "Failed to compute disk "
                   "usage: [Errno 13] Permission denied: '/'", func="compute_stats")
        name = "DatahubIngestionCheckpointingProvider"
        log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:586", f"Processing commit request for "
               f"{name}. Commit policy = CommitPolicy.ON_NO_ERRORS, has_errors=False, has_warnings=True",
               func="process_commits")
        log_at(pipeline, logging.INFO, "datahub/ingestion/run/pipeline.py:604", f"Successfully committed changes "
               f"for {name}.", func="process_commits")
        log_at(dh.log, logging.INFO, "datahub/cli/ingest_cli.py:134", "Finished metadata ingestion",
               func="run_pipeline_to_completion")
        printed(stream, f"Pipeline finished with at least 1 warnings; produced {1204 + run * 3} events in 1 minute "
                f"and {2 + run}.1 seconds.")
    return {"name": "pipelinewise-datahub", "programs": [pw, dh], "records": stream, "auto": False}


def stream_devpi_bandersnatch():
    stream = []
    dv = Program("devpi-server", "root", logging.Formatter(DEVPI), stream)
    bs = Program("bandersnatch", "bandersnatch.main", logging.Formatter(BANDERSNATCH), stream)
    mirror = bs.logger("bandersnatch.mirror")
    master = bs.logger("bandersnatch.master")
    package = bs.logger("bandersnatch.package")
    m = "bandersnatch/mirror.py"
    log = dv.log

    def tagged(prefix, level, msg, *args):
        """devpi_server.log.TagLogger: the thread's prefix before the
        message."""
        log.log(level, prefix + " " + msg, *args)

    # devpi-server in its container, then the nightly mirror run.
    for msg, args in [("devpi-server version: %s", ("6.19.1",)), ("serverdir: %s", ("/devpi/server",)),
                      ("uuid: %s", ("3c4d5e6f7a8b4c9d8e0f1a2b3c4d5e6f",)), ("running with role %r", ("primary",)),
                      ("serving at url: %s", ("http://0.0.0.0:3141 (might be http://[0.0.0.0]:3141 for IPv6)",)),
                      ("using %s threads", (50,)), ("bug tracker: https://github.com/devpi/devpi/issues", ()),
                      ("Hit Ctrl-C to quit.", ())]:
        tagged("NOCTX", logging.INFO, msg, *args)
    tagged("[ASYN]", logging.INFO, "Starting asyncio event loop")
    log_at(bs.log, logging.INFO, "bandersnatch/main.py:213", "Reading configuration file '%s'", "/conf/"
           "bandersnatch.conf", func="main")
    log_at(mirror, logging.INFO, f"{m}:57", "Syncing with https://pypi.org.", func="__init__")
    log_at(mirror, logging.INFO, f"{m}:280", "Current mirror serial: 23488132", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:303", "Syncing based on changelog.", func="synchronize")
    log_at(master, logging.INFO, "bandersnatch/master.py:192", "Fetching changed packages since serial 23488132 via "
           "Simple (PEP 691 v1) API", func="changed_packages")
    log_at(master, logging.INFO, "bandersnatch/master.py:163", "Fetching all packages via Simple (PEP 691 v1) API",
           func="_all_packages_simple")
    log_at(mirror, logging.INFO, f"{m}:312", "Trying to reach serial: 23491007", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:314", "6 packages to sync.", func="synchronize")
    projects = [("boto3", "1.34.103", 23489102), ("botocore", "1.34.103", 23489100),
                ("awscli", "1.32.103", 23489111), ("requests", "2.31.0", 23490021),
                ("urllib3", "2.2.1", 23490333), ("s3transfer", "0.10.1", 23490412),
                ("cryptography", "42.0.7", 23490603), ("django", "5.0.6", 23490877)]
    req = 0
    for n, (name, version, serial) in enumerate(projects):
        log_at(package, logging.INFO, "bandersnatch/package.py:58", f"Fetching metadata for package: {name} (serial "
               f"{serial})", func="update_metadata")
        if name == "urllib3":
            log_at(package, logging.ERROR, "bandersnatch/package.py:76", f"Stale serial for package {name} - "
                   "Attempt 1", func="update_metadata")
            log_at(package, logging.INFO, "bandersnatch/package.py:58", f"Fetching metadata for package: {name} "
                   f"(serial {serial})", func="update_metadata")
        wheel = f"{name}-{version}-py3-none-any.whl"
        url = f"https://files.pythonhosted.org/packages/3c/4d/5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b/{wheel}"
        if name == "django":
            try:
                raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
            except Exception:
                log_at(mirror, logging.ERROR, f"{m}:729", f"Continuing to next file after error downloading: {url}",
                       exc_info=True, func="download_file")
            try:
                raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
            except Exception:
                log_at(mirror, logging.ERROR, f"{m}:382", f"Error syncing package: {name}@{serial}", exc_info=True,
                       func="on_error")
            continue
        log_at(mirror, logging.INFO, f"{m}:872", f"Downloading: {url}", func="download_file")
        log_at(mirror, logging.INFO, f"{m}:918", f"Downloading core metadata: {url}.metadata", func="download_file")
        log_at(mirror, logging.INFO, f"{m}:741", f"Storing index page(s): {name} - in "
               f"/srv/pypi/web/simple/{name}", func="sync_simple_pages")
        # pip on the build agents, through devpi's root/pypi mirror.
        for path in [f"/root/pypi/+simple/{name}/", f"/root/pypi/+f/3c4/d5e6f7a8b9c0d/{wheel}"]:
            tag = f"[req{req}]"
            tagged(tag, logging.INFO, "%s %s", "GET", path)
            if path.endswith(".whl") and n % 2 == 0:
                tagged(tag + " [Rtx%d]" % (1820 + req), logging.INFO, "reading remote: %r, target %s",
                       Shown("URL('%s')" % url), f"+f/3c4/d5e6f7a8b9c0d/{wheel}")
            req += 1
    tag = f"[req{req}]"
    tagged(tag, logging.INFO, "%s %s", "GET", "/root/pypi/+simple/acme-internal-sdk/")
    tagged(tag, logging.WARNING, "serving stale links, because of exception %s",
           Shown("aiohttp.client_exceptions.ClientResponseError: 404, message='Not Found', url='https://pypi.org/"
                 "simple/acme-internal-sdk/'"))
    req += 1
    tag = f"[req{req}]"
    tagged(tag, logging.INFO, "%s %s", "POST", "/acme/prod/")
    tagged(tag, logging.ERROR, "while handling %s:\n%s" % ("http://devpi.internal:3141/acme/prod/",
                                                           "acme-billing-2.4.0.tar.gz already exists in non-volatile "
                                                           "index"))
    req += 1
    log_at(mirror, logging.INFO, f"{m}:1105", "5 packages had changes", func="write_diff_file")
    log_at(mirror, logging.INFO, f"{m}:493", "New mirror serial: 23491007", func="synchronize")
    for path in ["/root/pypi/+simple/boto3/", "/root/pypi/+simple/botocore/", "/+api", "/acme/prod/+simple/",
                 "/acme/prod/+simple/acme-billing/", "/root/pypi/+simple/django/", "/+api",
                 "/root/pypi/+simple/s3transfer/", "/acme/prod/+simple/acme-ledger/", "/root/pypi/+simple/jmespath/",
                 "/root/pypi/+simple/cryptography/", "/acme/prod/+f/9a1/b2c3d4e5f6a7b/acme-ledger-1.8.2.tar.gz"]:
        tag = f"[req{req}]"
        tagged(tag, logging.INFO, "%s %s", "GET", path)
        if path.endswith("django/"):
            tagged(tag, logging.WARNING, "serving stale links for %r, getting data timed out after %s seconds",
                   "django", 30)
        if path.endswith("jmespath/"):
            tagged(tag + " [Wtx%d]" % (1901 + req), logging.INFO, "reading remote: %r, target %s",
                   Shown("URL('https://pypi.org/simple/jmespath/')"), "root/pypi/+simple/jmespath")
        req += 1
    log_at(mirror, logging.INFO, f"{m}:280", "Current mirror serial: 23491007", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:303", "Syncing based on changelog.", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:312", "Trying to reach serial: 23491310", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:314", "0 packages to sync.", func="synchronize")
    log_at(mirror, logging.INFO, f"{m}:493", "New mirror serial: 23491310", func="synchronize")
    return {"name": "devpi-bandersnatch", "programs": [dv, bs], "records": stream, "auto": False}


def stream_ospd_notus():
    stream = []
    op = Program("ospd-openvas", "ospd.main", logging.Formatter(OSPD), stream)
    op.formatter.converter = time.gmtime  # ospd.logger.init_logging
    nt = Program("notus-scanner", "notus.scanner.daemon", logging.Formatter(NOTUS), stream)
    ospd = op.logger("ospd.ospd")
    daemon = op.logger("ospd_openvas.daemon")
    scanner = nt.logger("notus.scanner.scanner")
    mqtt = nt.logger("notus.scanner.messaging.mqtt")
    loader = nt.logger("notus.scanner.loader.json")
    op.log.info("Starting %s version %s.", "OSPd OpenVAS", "22.10.5")
    nt.log.info("Starting notus-scanner version %s.", "22.7.2")
    nt.log.info("hashsum verification is disabled")
    daemon.info("Loading VTs. Scans will be [requested|queued] until VTs are loaded. This may take a few minutes, "
                "please wait...")
    for package_type in ("amazon_linux_2023", "alpine_3.19", "windows_server_2022"):
        loader.warning("%s has no package implementation", package_type)
    loader.error("No OID found for JSON advisory %s", {"fixed_packages": [{"name": "openssl", "full_version":
                                                                           "3.0.8-1.amzn2023.0.12"}]})
    daemon.info("Finished loading VTs. The VT cache has been updated from version %s to %s.", "202405100613",
                "202405110612")
    scans = [("d8a51b92-2f1e-4c47-9a43-0f6e1c2b3a4d", "10.0.3.21", "ip-10-0-3-21.ec2.internal", "amazon_linux_2",
              14),
             ("5f2c7e10-8b3d-4a9e-b1c2-d3e4f5a6b7c8", "10.0.3.22", "ip-10-0-3-22.ec2.internal", "ubuntu_22.04", 3),
             ("a1b2c3d4-e5f6-4789-8abc-def012345678", "10.0.3.23", "ip-10-0-3-23.ec2.internal", "debian_12", 0),
             ("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b", "10.0.3.24", "ip-10-0-3-24.ec2.internal", "rhel_9", 7),
             ("7c6b5a4f-3e2d-4c1b-9a0f-8e7d6c5b4a39", "10.0.3.25", "ip-10-0-3-25.ec2.internal", "amazon_linux_2023",
              0)]
    for scan_id, ip, host, release, vulnerable in scans:
        ospd.info("Currently %d queued scans.", 1)
        ospd.info("Starting scan %s.", scan_id)
        if release == "amazon_linux_2023":
            scanner.error("Unable to start scan for %s: No advisories for OS-release %s found. Check if the "
                          "OS-release is correct and the corresponding advisories are given.", ip, release)
        else:
            scanner.info("Start to identify vulnerable packages for %s (%s)", ip, host)
            scanner.info("Total number of vulnerable packages -> %d", vulnerable)
        if ip == "10.0.3.22":
            mqtt.error("Could not parse message for topic %s. Error was %s", "scanner/package/cmd/notus",
                       "Missing field: os_release")
        if ip == "10.0.3.24":
            ospd.info("%s: Stopping Scan with the PID %s.", scan_id, 2817)
            ospd.info("%s: Scan stopped.", scan_id)
            continue
        if ip == "10.0.3.23":
            try:
                raised("redis.exceptions", "ConnectionError", "Error 2 connecting to unix socket: "
                       "/run/redis-openvas/redis.sock. No such file or directory.")
            except Exception as e:
                ospd.exception("%s: Exception %s while scanning", scan_id, e)
            ospd.info("%s: Host scan got interrupted. Progress: %d, Status: %s", scan_id, 37, "RUNNING")
            ospd.info("%s: Scan interrupted.", scan_id)
            continue
        ospd.info("%s: Host scan finished.", scan_id)
        ospd.info("%s: Scan finished.", scan_id)
    ospd.info("Not possible to run a new scan. Max scan limit set to %d reached.", 3)
    ospd.info("Not possible to run a new scan. Not enough free memory. Only %d MB available but at least %d are "
              "required", 812, 1024)
    daemon.error("Malformed credential. " + "Missing password for ssh credential")
    for release in ("debian_12", "amazon_linux_2", "ubuntu_22.04"):
        loader.warning("%s invalid package type.", release + "-arm64")
    try:
        raised("paho.mqtt.client", "WebsocketConnectionError", "Unable to connect to MQTT broker at "
               "mqtt-broker:1883")
    except Exception:
        ospd.exception("While handling client command:")
    nt.log.error("Could not connect to MQTT broker at %s. Connection refused.", "mqtt-broker")
    nt.log.info("Starting notus-scanner version %s.", "22.7.2")
    nt.log.info("hashsum verification is disabled")
    # The advisories reloaded from the new feed.
    for package_type in ("amazon_linux_2023", "alpine_3.19", "windows_server_2022", "fedora_40"):
        loader.warning("%s has no package implementation", package_type)
    for topic in ("scanner/package/cmd/notus", "scanner/package/cmd/notus"):
        mqtt.error("Could not parse message for topic %s. Error was %s", topic, "Missing field: package_list")
    for scan_id, ip, host, release, vulnerable in scans[:3]:
        ospd.info("Starting scan %s.", scan_id)
        scanner.info("Start to identify vulnerable packages for %s (%s)", ip, host)
        scanner.info("Total number of vulnerable packages -> %d", vulnerable)
        ospd.info("%s: Host scan finished.", scan_id)
        ospd.info("%s: Scan finished.", scan_id)
    more = [("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "10.0.5.%d" % k, "ip-10-0-5-%d.ec2.internal" % k) for k in
            range(11, 16)]
    for k, (scan_id, ip, host) in enumerate(more):
        ospd.info("Starting scan %s.", scan_id[:-1] + str(k))
        if k == 4:
            scanner.error("Unable to start scan for %s: The field os_release is empty", ip)
        if k == 2:
            scanner.error("Unable to start scan for %s: The field package_list is empty", ip)
            mqtt.error("Got MQTT message in non-json format for topic %s.", "scanner/package/cmd/notus")
        else:
            scanner.info("Start to identify vulnerable packages for %s (%s)", ip, host)
            scanner.info("Total number of vulnerable packages -> %d", [2, 0, 0, 11, 5][k])
        ospd.info("%s: Host scan finished.", scan_id[:-1] + str(k))
    scanner.error("An error occurred while publishing a %s message. Reason %s",
                  Shown("<class 'notus.scanner.messages.result.ResultMessage'>"), "The client is not currently "
                  "connected.")
    ospd.info("Received Ctrl-C shutting-down ...")
    op.log.info("Shutting-down server ...")
    return {"name": "ospd-notus", "programs": [op, nt], "records": stream, "auto": False}


ZOPE_TB = """Traceback (innermost last):
  Module ZPublisher.WSGIPublisher, line 181, in transaction_pubevents
  Module ZPublisher.WSGIPublisher, line 391, in publish_module
  Module ZPublisher.WSGIPublisher, line 285, in publish
  Module ZPublisher.mapply, line 98, in mapply
  Module ZPublisher.WSGIPublisher, line 68, in call_object
  Module plone.rest.service, line 22, in __call__
  Module plone.restapi.services, line 19, in render
  Module plone.restapi.services.search.get, line 13, in reply
  Module plone.restapi.search.handler, line 169, in search
  Module Products.CMFPlone.CatalogTool, line 436, in searchResults
  Module Products.ZCatalog.ZCatalog, line 625, in searchResults
  Module ZODB.Connection, line 795, in setstate
  Module ZEO.ClientStorage, line 601, in load
  Module ZEO.asyncio.client, line 938, in load_before
  Module ZEO.asyncio.client, line 872, in call
ZEO.Exceptions.ClientDisconnected: connection lost
"""


def stream_plone_zeo():
    stream = []
    pl = Program("plone", "ZEO.ClientStorage", logging.Formatter(PLONE), stream)
    access = Program("plone", "wsgi", logging.Formatter(PLONE_ACCESS), stream)
    zs = Program("zeo", "ZEO.runzeo", logging.Formatter(ZEO, ZEO_DATEFMT), stream)
    client = pl.logger("ZEO.asyncio.client")
    waitress = pl.logger("waitress")
    queue = pl.logger("waitress.queue")
    site_errors = pl.logger("Zope.SiteErrorLog")
    server = zs.logger("ZEO.StorageServer")
    aserver = zs.logger("ZEO.asyncio.server")
    cs = "ZEO/ClientStorage.py"
    ac = "ZEO/asyncio/client.py"
    net = "zeostorage zeo client networking thread"
    addr = ("zeo", 8100)

    def hit(ip, method, path, status, size, agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"):
        """paste.translogger's line, on the wsgi logger."""
        when = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(realworld.CLOCK.t))
        access.log.info('%s - - [%s] "%s %s HTTP/1.1" %d %s "-" "%s"' % (ip, when, method, path, status, size,
                                                                         agent))

    def in_net(level, where, msg, *args, func=None):
        in_thread(net, lambda: log_at(pl.log if "ClientStorage" in where else client, level, where, msg, *args,
                                      func=func))

    zs.log.info("(%s) %s" % (1, "opening storage '1' using FileStorage"))
    server.info("StorageServer created RW with storages: 1:RW:/data/filestorage/Data.fs")
    aserver.info("listening on %s", str(("0.0.0.0", 8100)))
    log_at(pl.log, logging.INFO, f"{cs}:270", "%s %s (pid=%d) created %s/%s for storage: %r", "zeostorage",
           "ClientStorage", 1, "RW", "normal", "1", func="__init__")
    aserver.info("received handshake %r" % "Z5")
    in_net(logging.INFO, f"{cs}:443", "%s %s to storage: %s", "zeostorage", "Connected", addr,
           func="notify_connected")
    log_at(waitress, logging.INFO, "waitress/wasyncore.py:449", "Serving on http://0.0.0.0:8080", func="log_info")
    clients = ["10.0.3.41:51012", "10.0.3.42:40188", "10.0.3.43:38812", "10.0.3.44:52260", "10.0.3.45:47718",
               "10.0.3.46:33904"]
    for label in clients:
        aserver.info("received handshake %r" % "Z5")
        server.info("(%s) Return %d invalidations up to tid %s" % (label, 0, 285318719483462877))
    pages = [("GET", "/Plone/++api++/@search?portal_type=News+Item&sort_on=effective", 200, 18233),
             ("GET", "/Plone/++api++/news/aws-summit-2024", 200, 9021),
             ("GET", "/Plone/++api++/@navigation", 200, 3310), ("POST", "/Plone/++api++/@login", 200, 412),
             ("GET", "/Plone/++api++/@users/editor", 401, 131), ("PATCH", "/Plone/++api++/news/aws-summit-2024",
                                                                 204, "-")]
    for k, (method, path, status, size) in enumerate(pages * 3):
        hit("10.0.3.%d" % (11 + k % 3), method, path, status, size)
        if k in (3, 7, 11, 16):
            queue_depth = 1 + k // 4
            log_at(queue, logging.WARNING, "waitress/task.py:113", "Task queue depth is %d", queue_depth,
                   func="add_task")
    # The ZEO server restarts (a new task definition).
    zs.log.info("(%s) %s" % (1, "terminated by SIGTERM"))
    zs.log.info("closing storage %r", "1")
    for label in clients:
        server.info("(%s) disconnected" % label)
    in_net(logging.INFO, f"{cs}:514", "%s Disconnected from storage: %r", "zeostorage", addr,
           func="notify_disconnected")

    def lost():
        try:
            raised("ZEO.Exceptions", "ClientDisconnected", "connection lost")
        except Exception:
            log_at(waitress, logging.ERROR, "waitress/channel.py:439", "Exception while serving %s" %
                   "/Plone/++api++/@search", exc_info=True, func="service")

    in_thread("waitress-2", lambda: log_at(site_errors, logging.ERROR,
                                           "Products/SiteErrorLog/SiteErrorLog.py:238", "%s %s\n%s" % (
                                               "1715438699.8640.7236470963471834",
                                               "http://plone.internal:8080/Plone/++api++/@search",
                                               ZOPE_TB.rstrip()), func="_do_copy_to_zlog"))
    in_thread("waitress-3", lost)
    hit("10.0.3.12", "GET", "/Plone/++api++/@search?portal_type=News+Item&sort_on=effective", 500, 1211)
    for attempt in range(4):
        in_net(logging.INFO, f"{ac}:170", "Connection to %r failed, %s", addr,
               "[Errno 111] Connect call failed ('10.0.3.30', 8100)", func="connect")
        in_net(logging.INFO, f"{ac}:173", "retry connecting %r", addr, func="connect")
    zs.log.info("(%s) %s" % (1, "opening storage '1' using FileStorage"))
    server.info("StorageServer created RW with storages: 1:RW:/data/filestorage/Data.fs")
    aserver.info("listening on %s", str(("0.0.0.0", 8100)))
    for label in clients:
        # The clients reconnect from new ports.
        host, port = label.split(":")
        aserver.info("received handshake %r" % "Z5")
        server.info("(%s:%d) Return %d invalidations up to tid %s" % (host, int(port) + 7, 3, 285318733401877812))
    in_net(logging.INFO, f"{cs}:443", "%s %s to storage: %s", "zeostorage", "Reconnected", addr,
           func="notify_connected")
    # An editor's bulk import: transactions queue on the storage lock.
    # StorageServer._log_waiting: WARNING above 3 waiting (DEBUG below,
    # which runzeo's INFO root drops).
    for waiting, what in [(4, "queue lock"), (5, "queue lock"), (6, "queue lock"), (7, "queue lock"),
                          (6, "dequeue lock"), (5, "lock"), (4, "dequeue lock"), (4, "unlock")]:
        server.warning("(%s) (%r) %s: transactions waiting: %s" % (clients[1 + waiting % 3], "1", what, waiting))
    server.info("(%s) pack(time=%s) started..." % ("10.0.3.9:52210", repr(1715438684.0)))
    for k, (method, path, status, size) in enumerate(pages * 2):
        hit("10.0.3.%d" % (21 + k % 2), method, path, status, size)
    server.critical("(%s) Transaction timeout after %s seconds" % (clients[2], 300))
    aserver.error("Disconnected %s:%s", "ConnectionResetError", "[Errno 104] Connection reset by peer")
    server.info("(%s) disconnected during %s transaction" % (clients[2], "locked"))
    server.critical("(%s) Still locked after disconnected. Unlocking." % clients[2])
    server.info("(%s) pack(time=%s) complete" % ("10.0.3.9:52210", repr(1715438684.0)))
    try:
        raised("ZODB.POSException", "ConflictError", "database conflict error (oid 0x3f1a, class "
               "BTrees.OOBTree.OOBucket, serial this txn started with 0x03eb2d4a1f6c3b44 2024-05-11 14:44:47.118302, "
               "serial currently committed 0x03eb2d4a2a0d8c11 2024-05-11 14:44:49.765921)")
    except Exception:
        server.exception("While voting")
    return {"name": "plone-zeo", "programs": [pl, access, zs], "records": stream, "auto": False}


def stream_diamond_pdagent():
    stream = []
    dm = Program("diamond", "diamond", logging.Formatter(DIAMOND), stream)
    proc = Set(processName="MainProcess")
    dm.handler.addFilter(proc)
    pd = Program("pdagent", "main", logging.Formatter(PDAGENT), stream)
    pdthread = pd.logger("pdagent.pdthread")
    sendevent = pd.logger("pdagent.sendevent")
    pdqueue = pd.logger("pdagent.pdqueue")
    heartbeat = pd.logger("pdagent.heartbeat")
    log = dm.log
    key = "e93facc04764012d7bfb002500d5d1a6"

    def as_proc(name, fn, *args):
        proc.values.update(processName=name)
        fn(*args)
        proc.values.update(processName="MainProcess")

    log.info('Changed UID: %d (%s) GID: %d (%s).' % (112, "diamond", 118, "diamond"))
    log.debug("Wrote child PID file: %s" % "/var/run/diamond.pid")
    log.debug('metric_queue_size: %d', 16384)
    with pid(2210):
        pd.log.info("*** pdagentd starting! pid=%s" % 2210)
        pd.log.info('PID file: %s', "/var/run/pdagent/pdagentd.pid")
        pd.log.info('Agent version: %s', "1.7.4")
        pd.log.info('Agent ID: ' + "0c1f2e3d-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
        pd.log.debug("Main Config: %s" % {"send_interval_secs": 10, "cleanup_interval_secs": 60 * 60 * 3,
                                          "cleanup_threshold_secs": 60 * 60 * 24 * 7, "source_address": "0.0.0.0",
                                          "log_level": "DEBUG"})
        pd.log.info('System: ' + str({"platform_name": "linux", "platform_release": "5.10.215-203.850.amzn2.x86_64",
                                      "platform_version": "#1 SMP Tue Apr 23 20:32:19 UTC 2024",
                                      "platform_machine": "x86_64", "python_version": "3.7.16",
                                      "host_name": "ip-10-0-3-7.ec2.internal"}))
        for task, interval in (("SendEventTask", 10), ("HeartbeatTask", 3600)):
            pdthread.info("%s created with interval_secs %s" % (task, interval))
            pdthread.info("RepeatingTaskThread created for %s" % task)
        pd.log.info("Main thread idling till we need to stop!")
    as_proc("Handlers", log.debug, 'Starting process %s', "Handlers")
    for collector in ("CPUCollector", "MemoryCollector", "DiskSpaceCollector", "NetworkCollector"):
        as_proc(collector, log.debug, 'Starting %s', collector)
        as_proc(collector, log.debug, 'Interval: %s seconds', 60.0)
    metrics = [("servers.ip-10-0-3-7.cpu.total.idle", "CPUUtilization", "Percent", 87.4),
               ("servers.ip-10-0-3-7.memory.MemFree", "MemoryFree", "Bytes", 1073741824),
               ("servers.ip-10-0-3-7.diskspace.root.byte_percentfree", "DiskSpaceFree", "Percent", 9.8)]
    with pid(2210):
        def send_loop(events):
            sendevent.debug("Flushing event queue")
            if not events:
                sendevent.debug("Nothing to do - queue is empty!")
            for stamp in events:
                pdqueue.info("Processing event " + "%d_%s.txt" % (stamp, key))
                if stamp % 3 == 0:
                    sendevent.error("Timeout while sending event: %s" % "The read operation timed out")
                    try:
                        raised("socket", "timeout", "The read operation timed out")
                    except Exception:
                        sendevent.debug("Traceback:", exc_info=True)
                    pdqueue.info("Backing off service key " + key)
                else:
                    sendevent.info("incident_key = %s", "diamond/ip-10-0-3-7/disk_root")
        for n in range(6):
            for path, name, unit, value in metrics:
                as_proc("Handlers", log.debug, "CloudWatch: Attempting to publish metric: %s to %s with value (%s) "
                        "for dimensions %s @%s", name, "Diamond", str(value),
                        str({"InstanceId": "i-0a1b2c3d4e5f67890"}), str(1715438684 + 60 * n))
            if n == 2:
                def failed():
                    try:
                        raised("builtins", "BotoServerError", "BotoServerError: 400 Bad Request\n<ErrorResponse "
                               "xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type>"
                               "<Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
                    except Exception as e:
                        # Python 2 prints the class with its module.
                        log.error("CloudWatch: Failed publishing - %s\n%s ", str(e),
                                  "<class 'boto.exception.BotoServerError'>")
                as_proc("Handlers", failed)
                as_proc("Handlers", log.debug, "CloudWatch: Attempting to connect to CloudWatch at Region: %s",
                        "us-east-1")
            if n == 4:
                as_proc("DiskSpaceCollector", log.error, 'Took too long to run! Killed!')
                as_proc("DiskSpaceCollector", log.debug, 'Max collection time: %s seconds', 53)
            for collector in ("CPUCollector", "MemoryCollector"):
                as_proc(collector, log.debug, 'Collection took %s ms', 4 + n % 3)
            in_thread("SendEventTask", lambda: send_loop([1715438690123456 + n * 7] if n != 2 else []))
    def hb():
        heartbeat.debug("Sending heartbeat")
        for attempt in range(3):
            heartbeat.error("Error sending heartbeat (will retry): %s" % "<urlopen error [Errno -3] Temporary "
                            "failure in name resolution>")
            try:
                raised("urllib.error", "URLError", "<urlopen error [Errno -3] Temporary failure in name resolution>")
            except Exception:
                heartbeat.debug("Traceback:", exc_info=True)
            heartbeat.debug("Sleeping before retry...")
            heartbeat.debug("Retrying...")
        heartbeat.debug("Heartbeat successful!")
        pdthread.info("%s changed interval_secs to %s" % ("HeartbeatTask", 3600))
    with pid(2210):
        in_thread("HeartbeatTask", hb)
    def handler_failed():
        try:
            raised("builtins", "error", "[Errno 32] Broken pipe")
        except Exception:
            # Handler._process: the traceback as the message.
            log.error(traceback.format_exc())
    as_proc("Handlers", handler_failed)
    as_proc("Handlers", log.error, "GraphiteHandler: Failed to connect to %s:%i. %s.", "graphite.internal", 2003,
            "[Errno 111] Connection refused")
    as_proc("Handlers", log.warning, 'GraphiteHandler: Trimming backlog. Removing oldest %d and keeping newest %d '
            'metrics', 1200, 600)
    log.error('Can not find collector %s', "ElasticSearchCollector")
    with pid(2210):
        pd.log.info('Stopping due to signal #: %s' % 15)
        pd.log.info("*** pdagentd exiting normally! pid=%s" % 2210)
    log.info("Signal Received: %d" % 15)
    return {"name": "diamond-pdagent", "programs": [dm, pd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_otel_ddtrace(), stream_skypilot_sockeye(), stream_chaostoolkit_taurus(), stream_rhsm_insights(),
        stream_pipelinewise_datahub(), stream_devpi_bandersnatch(), stream_ospd_notus(), stream_plone_zeo(),
        stream_diamond_pdagent(),
    ])


if __name__ == "__main__":
    main()
