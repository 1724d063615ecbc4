"""The twelfth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout11.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS outside
the areas the earlier sets covered (an EMR cluster's Hue and the sparkmagic
of its JupyterHub, both talking to Livy; a CodeBuild security stage running
Safety and ggshield; the monitoring of a logging pipeline, the
Elasticsearch exporter on Amazon OpenSearch beside the Kafka consumer-group
exporter on MSK; a Globus Compute endpoint on a ParallelCluster head node
and the Parsl interchange it runs; a genomics head node with Toil running
CWL and miniwdl running WDL; a torchtitan pre-training run on a p5 node and
the lm-evaluation-harness run that scores its checkpoint; a Redshift
migration test with Redshift Test Drive's Workload Replicator and
reladiff; privacyIDEA's container beside the help desk's mmpy_bot ChatOps
bot that resets second factors through it; an AWS Batch job fetching an
OpenNeuro participant with DataLad and preprocessing it with fMRIPrep),
each format copied from the file named beside it (the version read is
given), with the formatter class or the filter the program uses, and
messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout12

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at ebf5dfe (heldout11's rules in), before any
rule saw it: 4789 records (147 joined under a burst), 27.7% exact, 41.1%
with the key fields right (asctime 88.6%, levelname 73.6%, name 48.6%,
message 71.7%, exc_info 99.9%).

Where a formatter sets an attribute its format prints, the attribute is
kept (lm-evaluation-harness's _LMEvalFormatter sets `short_name`, the
logger's name without "lm_eval."); none of this set's formatters sets one
it doesn't print. Formatters that rewrite the record's message rewrite the
truth's too, as they run first: privacyIDEA's SecureFormatter replaces the
characters of a message that are not printable (a line break pasted from a
chat) with dots after "!!Log Entry Secured by SecureFormatter!! ", and
DataLad's ColorFormatter starts every continuation line with "| ". The
filters here set only standard attributes: the thread and process ids and
names that a program prints are pinned (ggshield's in hex, "%(process)x:
%(thread)x"; Globus Compute's, Parsl's and privacyIDEA's %(thread)d; the
Workload Replicator's thread names, its connections' job numbers, and its
worker processes' multiprocessing names).

Hue's Formatter writes the time through pytz in $TZ's zone ("%d/%b/%Y
%H:%M:%S %z"; the truth uses the same formatTime, as Airflow's in
`realworld.py`), and its format prints the record's module, not its
logger's name; its "Processing exception" records carry a whole traceback
as text, and its Livy calls that are not slow are logged on the root
logger from resource.py. sparkmagic's datefmt is "" (Python's default
asctime), its messages start with the caller's name and a tab, and its
internal errors carry a traceback after "\\tTraceback:". Safety's format has
no level. The two exporters print "%(name)s.%(levelname)s", the logger's
dotted name and the level joined by a dot ("kafka.conn.INFO",
"root.DEBUG"); captured warnings end with a line break. Globus Compute's
DatetimeFormatter prints microseconds ("%f") after a comma; two of its
messages start with line breaks and one ends with one; its thread names
have spaces ("Pending Task Handler"). Parsl's format starts with
%(created)f. Toil's prints the level's first letter ("%(levelname).1s",
coloredlogs' plain formatter off a terminal) and relays a failed job's
worker log in one WARNING record, between "=========>" and "<=========",
every line tab-indented and in the worker's own format. miniwdl's loggers'
names carry colons ("wdl.w:variant_calling.t:call-vep"), its messages are
StructuredLogMessage's "message :: key: json", and its levels NOTICE (25)
and VERBOSE (15) are its own; fMRIPrep's IMPORTANT (25) is set in its
stream alone. torchtitan's step records carry ANSI colour codes, and its
model config is a multi-line JSON message ("Building llama3 8Bwith", a
missing space in torchtitan). lm-evaluation-harness's date is
"%Y-%m-%d:%H:%M:%S" and its wrapped messages indent continuation lines by
8 spaces. reladiff prints only "%H:%M:%S". The Workload Replicator puts
the whole prefix between parentheses. mmpy_bot's date is "%m/%d/%Y"; the
help desk's plugin ("mfa_helpdesk", the team's own code, its messages made
up as an app's) and aiohttp's access lines go through the same root
handler. privacyIDEA's stream also holds gunicorn's error log (gunicorn's
own handler). DataLad's format ends with a space. fMRIPrep's prefix spans
two lines ("%(name)-2s %(levelname)-2s:\\n\\t %(message)s") with unpadded
milliseconds after a "%y%m%d-%H:%M:%S" date.

CodeBuild's "[Container]" lines, Safety's report, ggshield's scan output,
the shell's "+ ..." lines, DataLad's result lines, miniwdl's error JSON,
reladiff's diff rows, the checkpoint conversion script's lines and
lm-evaluation-harness's progress bars and results table are print lines;
fMRIPrep's last exception ends the process, and the interpreter prints it.

Left out: Pritunl (its LogFormatter writes the host's name before the
format's text and the record's `data` after the message as free text),
MRIQC 24 (its _LogFormatter rewrites `_style._fmt` for every record with
the level's colour codes and prints its BANNER records bare, as Elastic
connectors' in `heldout11.py`), data-diff after 0.7.10 (a RichHandler:
reladiff keeps its old format), PyInstaller ("%(relativeCreated)d", an
integer of a float, as Shinken's), torchrun's own lines (torch's
TorchLogsFormatter builds its prefix in code; the rank's log file here
holds only the app's output), Globus Compute's console (its
ComputeConsoleFormatter picks a format per level, "> %(message)s" for
INFO), ggshield's console (its UI renders the records itself), hivemind
and Petals ("{msecs:03.0f}", a `{`-field with a spec: no text can name
it), FreeIPA's installer log (DNF's "%(asctime)s %(levelname)s
%(message)s"), policy_sentry (boto3's format), cloudsplaining, the
CloudFormation IAM policy validator and prom2teams (Dask's), the
electrolux aws-cost-exporter (Daphne's), Amazon S3 Find and Forget's
Fargate task (Granian's "[%(levelname)s] %(message)s"), heudiconv
(Luigi's), Netflix's Repokid (Lemur's), prometheus-ecs-sd (print() only),
and the SageMaker Hugging Face inference toolkit and TorchServe (their
Python workers' lines reach the log behind a Java front end's log4j
prefix).
"""

import contextlib
import datetime
import json
import logging
import os
import sys
import textwrap
import traceback

import pytz
from pythonjsonlogger.json import JsonFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout4 import pid, record_at  # noqa: E402
from heldout11 import container, now  # noqa: E402

# Hue 4.11 as EMR 7.1 ships it; the format read at cloudera/hue 96baf7e2
# (2025-11-17), desktop/conf/log.conf [formatter_default] (runcpserver.log,
# the handler every record reaches) with desktop/log/formatter.py Formatter.
HUE = "[%(asctime)s] %(module)-12s %(levelname)-8s %(message)s"
HUE_DATEFMT = "%d/%b/%Y %H:%M:%S %z"
# sparkmagic 0.23.0 (jupyter-incubator/sparkmagic 0.23.0, f5c8aba),
# sparkmagic/example_config.json and hdijupyterutils/log.py logging_config
# "magicsFormatter" (datefmt "": Python's default asctime).
SPARKMAGIC = "%(asctime)s\t%(levelname)s\t%(message)s"
SPARKMAGIC_DATEFMT = ""
# Safety 3.8.1 (pyupio/safety 3.8.1, ec3368a), safety/cli.py
# configure_logger's logging.basicConfig (`safety --debug`).
SAFETY = "%(asctime)s %(name)s => %(message)s"
# ggshield 1.53.0 (GitGuardian/ggshield v1.53.0, faa02e4b),
# ggshield/core/ui/log_utils.py FILE_LOG_FORMAT (`--log-file`).
GGSHIELD = "%(asctime)s %(levelname)s %(process)x:%(thread)x %(name)s:%(funcName)s:%(lineno)d %(message)s"
# prometheus-es-exporter 0.14.1 (braedon/prometheus-es-exporter 0.14.1-1,
# f656788), prometheus_es_exporter/__init__.py cli's log_format.
ES_EXPORTER = "[%(asctime)s] %(name)s.%(levelname)s %(threadName)s %(message)s"
# prometheus-kafka-consumer-group-exporter 0.5.5 (braedon/prometheus-kafka-
# consumer-group-exporter 0.5.5, df98b66), prometheus_kafka_consumer_group_
# exporter/__init__.py main's log_format (the same author's).
KAFKA_EXPORTER = "[%(asctime)s] %(name)s.%(levelname)s %(threadName)s %(message)s"
# Globus Compute endpoint 4.15.0 (globus/globus-compute 4.15.0, 98258827),
# compute_endpoint/globus_compute_endpoint/logging_config.py
# DEFAULT_FORMAT and LOG_TS_FMT through its DatetimeFormatter (endpoint.log).
GLOBUS_COMPUTE = ("%(asctime)s %(levelname)s %(processName)s-%(process)d %(threadName)s-%(thread)d "
                  "%(name)s:%(lineno)d %(funcName)s %(message)s")
GLOBUS_COMPUTE_DATEFMT = "%Y-%m-%d %H:%M:%S,%f"
# Parsl 2026.07.27 (Parsl/parsl 2026.07.27-1, b8b474c7), parsl/log_utils.py
# DEFAULT_FORMAT through set_file_logger (the HTEX interchange.log).
PARSL = ("%(created)f %(asctime)s %(processName)s-%(process)d %(threadName)s-%(thread)d "
         "%(name)s:%(lineno)d %(funcName)s %(levelname)s: %(message)s")
PARSL_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Toil 9.5.0 (DataBiosphere/toil releases/9.5.0, 85557741), src/toil/
# statsAndLogging.py install_log_color's fmt and datefmt, through
# coloredlogs.install, which off a terminal installs a plain formatter.
TOIL = "[%(asctime)s] [%(threadName)s] [%(levelname).1s] [%(name)s] %(message)s"
TOIL_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# miniwdl 1.15.0 (chanzuckerberg/miniwdl v1.15.0-6, f21a4f7), WDL/_util.py
# LOGGING_FORMAT through configure_logger's coloredlogs.install (off a
# terminal: not COLORED_LOGGING_FORMAT; coloredlogs' default datefmt).
MINIWDL = "%(asctime)s.%(msecs)03d %(name)s %(levelname)s %(message)s"
MINIWDL_DATEFMT = "%Y-%m-%d %H:%M:%S"
# torchtitan 0.2.2 (pytorch/torchtitan v0.2.2, 73a0e697), torchtitan/tools/
# logging.py init_logger (the root logger's handler).
TORCHTITAN = "[titan] %(asctime)s - %(name)s - %(levelname)s - %(message)s"
# lm-evaluation-harness 0.4.12 (EleutherAI/lm-evaluation-harness v0.4.12,
# 6d642546), lm_eval/utils.py setup_logging's _LMEvalFormatter.
LM_EVAL = "%(asctime)s %(levelname)-8s [%(short_name)s:%(lineno)d] %(message)s"
LM_EVAL_DATEFMT = "%Y-%m-%d:%H:%M:%S"
# reladiff 0.6.0 (erezsh/reladiff v0.6.0-10, 2562fa8), reladiff/__main__.py
# LOG_FORMAT and DATE_FORMAT (data-diff's up to 0.7.10; reladiff is its
# author's maintained fork).
RELADIFF = "[%(asctime)s] %(levelname)s - %(message)s"
RELADIFF_DATEFMT = "%H:%M:%S"
# Redshift Test Drive's Workload Replicator (aws/redshift-test-drive
# 6450fc33, VERSION 0.0.1), common/log.py get_log_formatter (gmtime).
REPLICATOR = "([%(levelname)s] %(asctime)s %(threadName)s %(processName)s): %(message)s"
REPLICATOR_DATEFMT = "%Y-%m-%d %H:%M:%S"
# privacyIDEA 3.13.3 (privacyidea/privacyidea v3.13.3, 795180a9),
# privacyidea/lib/log.py DOCKER_LOGGING_CONFIG "container" with its
# SecureFormatter (the container image's stdout).
PRIVACYIDEA = "[%(asctime)s.%(msecs)03d][%(process)d][%(thread)d][%(levelname)s][%(name)s:%(lineno)d] %(message)s"
PRIVACYIDEA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# mmpy_bot 2.2.1 (attzonko/mmpy_bot v2.2.1, 776b4bb), mmpy_bot/settings.py
# LOG_FORMAT and LOG_DATE_FORMAT through bot.py _register_logger's
# logging.basicConfig.
MMPY_BOT = "[%(asctime)s][%(name)s][%(levelname)s] %(message)s"
MMPY_BOT_DATEFMT = "%m/%d/%Y %H:%M:%S"
# fMRIPrep 25.2.5 (nipreps/fmriprep 25.2.5, 8149bbef), fmriprep/config.py
# loggers._fmt and _datefmt; nipype 1.11 (nipy/nipype b2cfd3bc),
# nipype/utils/logger.py sets the same on its own loggers.
FMRIPREP = "%(asctime)s,%(msecs)d %(name)-2s %(levelname)-2s:\n\t %(message)s"
FMRIPREP_DATEFMT = "%y%m%d-%H:%M:%S"
# DataLad 1.6.1 (datalad/datalad 1.6.1, b36f9b60), datalad/log.py
# ColorFormatter._get_format without timestamps, name or pid (its defaults),
# off a terminal: no colours. The format ends with a space.
DATALAD = "[%(levelname)s] %(message)s "


def lg(program, name, level=logging.DEBUG):
    """A logger of the program's, outside logging's registry (two programs
    in a stream may log under the same name: "root", "urllib3...")."""
    log = logging.Logger(name, level)
    log.addHandler(program.handler)
    return log


@contextlib.contextmanager
def level_names(names):
    """A program's logging.addLevelName calls, for the stream's time."""
    saved = {level: logging.getLevelName(level) for level in names}
    for level, name in names.items():
        logging.addLevelName(level, name)
    try:
        yield
    finally:
        for level, name in saved.items():
            logging.addLevelName(level, name)


def tb_of(fn, *args):
    """The traceback text of what `fn(*args)` raises, as a program puts it
    into a message (traceback.format_exc())."""
    try:
        fn(*args)
    except Exception:
        return traceback.format_exc()


class HueTime:
    """desktop.log.formatter.Formatter.formatTime (cloudera/hue 96baf7e2),
    as written there: the time in $TZ's zone through pytz, whose %z prints
    the offset. Mixed into the truth's JsonFormatter too."""

    def formatTime(self, record, datefmt=None):
        try:
            tz = pytz.timezone(os.environ["TZ"])
        except (KeyError, pytz.UnknownTimeZoneError):
            tz = None
        try:
            ct = datetime.datetime.fromtimestamp(record.created, tz=tz)
        except (OverflowError, TypeError, ValueError):
            return super().formatTime(record, datefmt=datefmt)
        if datefmt:
            s = ct.strftime(datefmt)
        else:
            t = ct.strftime("%Y-%m-%d %H:%M:%S")
            s = "%s,%03d" % (t, record.msecs)
        return s


class HueFormatter(HueTime, logging.Formatter):
    pass


class HueJsonFormatter(HueTime, JsonFormatter):
    pass


class GlobusTime:
    """globus_compute_endpoint.logging_config.DatetimeFormatter.formatTime,
    as written there: datetime.strftime, so LOG_TS_FMT's %f prints the
    microseconds."""

    def formatTime(self, record, datefmt=None):
        ct = datetime.datetime.fromtimestamp(record.created)
        if not datefmt:
            datefmt = self.default_time_format
        return ct.strftime(datefmt)


class GlobusFormatter(GlobusTime, logging.Formatter):
    pass


class GlobusJsonFormatter(GlobusTime, JsonFormatter):
    pass


class SecureFormatter(logging.Formatter):
    """privacyidea.lib.log.SecureFormatter (v3.13.3), as written there: a
    message with characters that are not printable (a newline) is printed
    with dots for them, after a marker."""

    def format(self, record):
        if 's_line' in record.__dict__ and '_called' not in record.__dict__:
            record.msg += f" (called from {record.filename}:{record.lineno})"
            record.lineno = record.__dict__["s_line"]
            record._called = True
        if not record.msg.isprintable():
            message = ''.join(map(lambda x: x if x.isprintable() else '.', record.msg))
            message = "!!Log Entry Secured by SecureFormatter!! " + message
            record.msg = message
        return super(SecureFormatter, self).format(record)


class LMEvalFormatter(logging.Formatter):
    """lm_eval.utils._LMEvalFormatter (v0.4.12), as written there: the
    logger's name without its "lm_eval." prefix, as `short_name`."""

    def format(self, record):
        record.short_name = record.name.removeprefix("lm_eval.")
        return super().format(record)


class DataladFormatter(logging.Formatter):
    """datalad.log.ColorFormatter (1.6.1) off a terminal, as written there:
    every continuation line of a message starts with "| " (the traceback
    option and memory info are off)."""

    def __init__(self):
        logging.Formatter.__init__(self, DATALAD)

    def format(self, record):
        if record.msg is None:
            record.msg = ""
        else:
            record.msg = str(record.msg)
        if record.msg.startswith('| '):
            return record.msg
        record.msg = record.msg.replace("\n", "\n| ")
        return logging.Formatter.format(self, record)


class StructuredLogMessage:
    """WDL._util.StructuredLogMessage (miniwdl 1.15.0), as written there."""

    def __init__(self, _message, **kwargs):
        self.message = _message
        self.kwargs = kwargs

    def __str__(self):
        return f"{self.message} :: {', '.join(k + ': ' + json.dumps(v) for k, v in self.kwargs.items())}"


# --------------------------------------------------------------------------
# An EMR cluster's primary node: Hue's runcpserver.log (the SQL and Spark
# editors, through Livy and HiveServer2) beside the sparkmagic log of the
# JupyterHub that EMR runs on the same node, both shipped by the
# CloudWatch agent into one stream.

HUE_SRC = "desktop/core/src/desktop/"
LIVY = "http://ip-10-0-1-17.ec2.internal:8998"


def stream_emr_hue_sparkmagic():
    stream = []
    hue = Program("hue", "desktop.settings", HueFormatter(HUE, HUE_DATEFMT), stream, truth=HueJsonFormatter)
    root = lg(hue, "root")
    access = lg(hue, "access")
    middleware = lg(hue, "desktop.middleware")
    backend = lg(hue, "desktop.auth.backend")
    hs2 = lg(hue, "beeswax.server.hive_server2_lib")
    livy_client = lg(hue, "spark.livy_client")
    spark_shell = lg(hue, "notebook.connectors.spark_shell")
    s3fs = lg(hue, "aws.s3.s3fs")
    api = lg(hue, "notebook.api")
    sm = Program("sparkmagic", "magicsLogger", logging.Formatter(SPARKMAGIC, SPARKMAGIC_DATEFMT), stream)
    magics = lg(sm, "magicsLogger")

    def h(log, level, where, msg, *args, exc_info=None, func=None):
        log_at(log, level, where, msg, *args, exc_info=exc_info, func=func)

    def hit(user, method, path, ms, status, size, ip="10.0.3.41", msg=None):
        line = '%s %s - "%s %s %s" returned in %dms %s %s' % (ip, user, method, path, "HTTP/1.1", ms, status, size)
        if msg:
            line += "-- " + msg
        h(access, logging.INFO, HUE_SRC + "log/access.py:118", line, func="log")

    def rest(method, path, ms, status, body, data=None, level=logging.DEBUG):
        req = data or ""
        message = "%s %s %s%s%s %s%s returned in %dms %s %s %s%s" % (
            method, None, LIVY, path, "", req, "", ms, status, len(body), body, "")
        if ms >= 5000:
            h(livy_client, logging.WARNING, HUE_SRC + "lib/rest/resource.py:235",
              "SLOW: %.2f - %s" % (ms / 1000, message), func="log_if_slow_call")
        elif ms >= 1000:
            h(livy_client, logging.INFO, HUE_SRC + "lib/rest/resource.py:237",
              "SLOW: %.2f - %s" % (ms / 1000, message), func="log_if_slow_call")
        else:
            h(root, level, HUE_SRC + "lib/rest/resource.py:242", message, func="log_if_slow_call")

    def thrift(call, req, resp, ms):
        msg = "Thrift call: %s.%s(args=(%s,), kwargs={}) returned in %dms: %s" % (
            "<class 'TCLIService.TCLIService.Client'>", call, req, ms, resp)
        if ms >= 1000:
            h(hs2, logging.INFO, HUE_SRC + "lib/thrift_util.py:953", "SLOW: %.2f - %s" % (ms / 1000, msg),
              func="log_if_slow_call")
        else:
            h(root, logging.DEBUG, HUE_SRC + "lib/thrift_util.py:958", msg, func="log_if_slow_call")

    def m(level, caller, message):
        record_at(magics, level, "hdijupyterutils/log.py:%d" % {logging.DEBUG: 21, logging.ERROR: 24,
                                                                 logging.INFO: 27}[level],
                  "{}\t{}".format(caller, message), func={logging.DEBUG: "debug", logging.ERROR: "error",
                                                           logging.INFO: "info"}[level])

    # Hue starts (supervisord restarts it after the EMR step that changed hue.ini).
    h(root, logging.INFO, HUE_SRC + "settings.py:70", "Welcome to Hue %s" % "4.11.0", func="<module>")
    h(root, logging.INFO, HUE_SRC + "settings.py:71", "Python version: %s" % "3.9.16", func="<module>")
    for where, name in (("middleware.py:525", "AuditLoggingMiddleware"), ("middleware.py:583", "ProxyMiddleware"),
                        ("middleware.py:648", "SpnegoMiddleware"), ("middleware.py:816", "HueRemoteUserMiddleware"),
                        ("middleware.py:1005", "CacheControlMiddleware")):
        h(middleware, logging.INFO, HUE_SRC + where, "Unloading %s" % name, func="__init__")
    h(backend, logging.INFO, HUE_SRC + "auth/backend.py:96", "Augmenting users with class: %s" % (
        "<class 'desktop.auth.backend.DefaultUserAugmentor'>",), func="get_user_augmentation_class")
    hit("-anon-", "GET", "/hue/accounts/login", 38, 200, 10484)
    hit("analyst", "POST", "/hue/accounts/login", 211, 302, 0)
    hit("analyst", "GET", "/hue/editor/", 92, 200, 71422)
    hit("analyst", "GET", "/desktop/api2/get_config/", 17, 200, 3893)
    hit("analyst", "POST", "/notebook/api/create_session", 0, 200, 0)
    # The Hive editor first.
    h(hs2, logging.INFO, "apps/beeswax/src/beeswax/server/hive_server2_lib.py:737",
      "Opening %s thrift session for user %s" % ("beeswax", "analyst"), func="open_session")
    thrift("OpenSession", "TOpenSessionReq(client_protocol=10, username='analyst', password=None, configuration="
           "{'hive.server2.proxy.user': 'analyst'})", "TOpenSessionResp(status=TStatus(statusCode=0, infoMessages="
           "None, sqlState=None, errorCode=None, errorMessage=None), serverProtocolVersion=10, sessionHandle="
           "TSessionHandle(sessionId=THandleIdentifier(guid=b'\\x8c\\x1d\\x0f...', secret=b'\\x91\\xa4...')), "
           "configuration={})", 41)
    h(hs2, logging.INFO, "apps/beeswax/src/beeswax/server/hive_server2_lib.py:758",
      "Session %s opened" % repr(bytes.fromhex("8c1d0f3e22a54b1c9d7e6f5a4b3c2d1e")), func="open_session")
    hit("analyst", "POST", "/notebook/api/execute/hive", 1388, 200, 917)
    thrift("ExecuteStatement", "TExecuteStatementReq(sessionHandle=TSessionHandle(...), statement=b'SELECT "
           "dt, count(*) FROM clickstream.events_raw WHERE dt >= \\'2024-05-10\\' GROUP BY dt', confOverlay={}, "
           "runAsync=True, queryTimeout=0)", "TExecuteStatementResp(status=TStatus(statusCode=0, ...), "
           "operationHandle=TOperationHandle(...))", 1342)
    for n in range(5):
        hit("analyst", "POST", "/notebook/api/check_status", 9 + n, 200, 87)
        thrift("GetOperationStatus", "TGetOperationStatusReq(operationHandle=TOperationHandle(...), "
               "getProgressUpdate=None)", "TGetOperationStatusResp(status=TStatus(statusCode=0, ...), "
               "operationState=%d, ...)" % (1 if n < 4 else 2), 6 + n)
    hit("analyst", "POST", "/notebook/api/fetch_result_data", 211, 200, 1874)
    # The data scientist's PySpark notebook in JupyterHub.
    m(logging.DEBUG, "SparkMagics", "Initialized spark magics.")
    m(logging.DEBUG, "python_jupyter_kernel", "Loaded magics.")
    m(logging.DEBUG, "python_jupyter_kernel", "Changed language.")
    m(logging.DEBUG, "python_jupyter_kernel", "Registered auto viz.")
    # Hue's Spark editor asks Livy for a session too.
    hit("analyst", "GET", "/hue/editor/?type=sparksql", 77, 200, 71430)
    h(spark_shell, logging.DEBUG, "desktop/libs/notebook/src/notebook/connectors/spark_shell.py:85",
      "Property Spark Conf kvp list from UI is: " + str([{"key": "spark.executor.memory", "value": "4g"},
                                                        {"key": "spark.dynamicAllocation.maxExecutors",
                                                         "value": "20"}]), func="get_spark_conf")
    h(spark_shell, logging.DEBUG, "desktop/libs/notebook/src/notebook/connectors/spark_shell.py:87",
      "Property Spark Conf dictionary is: " + str({"spark.executor.memory": "4g",
                                                  "spark.dynamicAllocation.maxExecutors": "20"}),
      func="get_spark_conf")
    rest("POST", "/sessions", 214, 201, '{"id":14,"name":null,"appId":null,"owner":null,"proxyUser":"analyst",'
         '"state":"starting","kind":"sql","appInfo":{"driverLogUrl":null,"sparkUiUrl":null},"log":["stdout: ",'
         '"\\nstderr: "],"ttl":null}', data='{"kind": "sql", "proxyUser": "analyst", "conf": {"spark.executor.'
         'memory": "4g", "spark.dynamicAllocation.maxExecutors": "20"}}')
    for n in range(4):
        m(logging.DEBUG, "LivySession", "Session {} in state {}. Sleeping {} seconds.".format(15, "starting",
                                                                                           [2, 2, 4, 8][n]))
        rest("GET", "/sessions/14", 8 + n, 200, '{"id":14,"name":null,"appId":"application_1715430011232_0042",'
             '"owner":null,"proxyUser":"analyst","state":"%s","kind":"sql"}' % ("starting" if n < 3 else "idle"))
    hit("analyst", "POST", "/notebook/api/create_session", 1921, 200, 412)
    m(logging.DEBUG, "LivySession", "Session {} in state {}. Sleeping {} seconds.".format(15, "starting", 16))
    m(logging.INFO, "LivySession", "Starting heartbeat for session {}".format(15))
    m(logging.DEBUG, "Command", "Status of statement {} is {}.".format(0, "waiting"))
    for n in range(6):
        hit("analyst", "POST", "/notebook/api/check_status", 14 + n, 200, 91)
        rest("GET", "/sessions/14/statements/%d" % (n // 3), 10 + n, 200,
             '{"id":%d,"code":"SELECT country, count(*) FROM clickstream.events_raw GROUP BY country",'
             '"state":"%s","output":null,"progress":%.1f,"started":1715438693311,"completed":0}' % (
                 n // 3, "running", n / 6))
        m(logging.DEBUG, "Command", "Status of statement {} is {}.".format(0, "running"))
    rest("GET", "/sessions/14/statements/1", 1207, 200, '{"id":1,"code":"SELECT country, count(*) FROM clickstream.'
         'events_raw GROUP BY country","state":"available","output":{"status":"ok","execution_count":1,"data":'
         '{"application/json":{"schema":{"type":"struct","fields":[{"name":"country","type":"string",'
         '"nullable":true,"metadata":{}},{"name":"count(1)","type":"long","nullable":false,"metadata":{}}]},'
         '"data":[["US",4211873],["DE",1109442],["IN",988120]]}}},"progress":1.0}')
    m(logging.DEBUG, "Command", "Status of statement {} is {}.".format(0, "available"))
    hit("analyst", "POST", "/notebook/api/fetch_result_data", 44, 200, 2211)
    hit("dscientist", "GET", "/hue/filebrowser/view=s3a://acme-emr-notebooks/", 288, 200, 51240, ip="10.0.3.58")
    h(s3fs, logging.WARNING, "desktop/libs/aws/src/aws/s3/s3fs.py:131",
      'Failed to fetch bucket "%s" location with "%s"' % ("acme-emr-notebooks", "Access Denied"),
      func="_get_bucket_loc")
    # The YARN queue fills: new Livy sessions die before they start.
    m(logging.DEBUG, "SparkController", "Skipping {} because it already exists in list of sessions.".format(
        "session-name"))
    for n in range(3):
        m(logging.DEBUG, "LivySession", "Session {} in state {}. Sleeping {} seconds.".format(16, "starting",
                                                                                           [2, 4, 8][n]))
    rest("GET", "/sessions/16", 12, 200, '{"id":16,"appId":"application_1715430011232_0044","state":"dead",'
         '"kind":"pyspark","log":["\\t ApplicationMaster host: N/A","\\t queue: default","\\t final status: '
         'UNDEFINED","YARN Diagnostics: ","Queue\'s AM resource limit exceeded."]}')
    m(logging.ERROR, "LivySession", "Session {} unexpectedly reached final status '{}'.".format(16, "dead"))
    m(logging.ERROR, "python_jupyter_kernel", """The code failed because of a fatal error:
\t{}.

Some things to try:
a) Make sure Spark has enough available resources for Jupyter to create a Spark context.
b) Contact your Jupyter administrator to make sure the Spark magics library is configured correctly.
c) Restart the kernel.""".format("Session 16 unexpectedly reached final status 'dead'. See logs:\nstdout: \n\n"
                                 "stderr: \n\t ApplicationMaster host: N/A\n\t queue: default\n\t final status: "
                                 "UNDEFINED\nYARN Diagnostics: \nQueue's AM resource limit exceeded."))
    m(logging.DEBUG, "LivySession", "Deleting session '{}'".format(16))
    hit("analyst", "POST", "/notebook/api/execute/sparksql", 0, 500, 318)

    def execute():
        def _get_response():
            def execute_spark():
                raised("desktop.lib.rest.http_client", "RestException",
                       '{"msg":"Session \'14\' not found."} (error 404)')
            execute_spark()
        _get_response()

    h(middleware, logging.INFO, HUE_SRC + "middleware.py:198", "Processing exception: %s: %s" % (
        '{"msg":"Session \'14\' not found."} (error 404)', tb_of(execute)), func="process_exception")
    try:
        execute()
    except Exception:
        h(api, logging.ERROR, "desktop/libs/notebook/src/notebook/api.py:696", "Error closing session %s" % (
            '{"msg":"Session \'14\' not found."} (error 404)',), exc_info=True, func="close_session")
    # The heartbeat of the live session meets the restarted Livy server.
    m(logging.ERROR, "LivySession", "Request to '{}' failed with '{}'".format(
        LIVY + "/sessions/15", "HTTPConnectionPool(host='ip-10-0-1-17.ec2.internal', port=8998): Max retries "
        "exceeded with url: /sessions/15 (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object "
        "at 0x7f6b1c2d3e50>: Failed to establish a new connection: [Errno 111] Connection refused'))"))
    m(logging.ERROR, "LivySession", "Invalid status code '404' from {} with error payload: {}".format(
        LIVY + "/sessions/15", '{"msg":"Session \'15\' not found."}'))

    def run_cell():
        def execute_sparkmagic():
            def _get_statement_output():
                raised("sparkmagic.livyclientlib.exceptions", "HttpClientException",
                       "Invalid status code '404' from %s/sessions/15/statements with error payload: "
                       "{\"msg\":\"Session '15' not found.\"}" % LIVY)
            _get_statement_output()
        execute_sparkmagic()

    m(logging.ERROR, "SparkMagics", "ENCOUNTERED AN INTERNAL ERROR: {}\n\tTraceback:\n{}".format(
        "Invalid status code '404' from %s/sessions/15/statements with error payload: "
        "{\"msg\":\"Session '15' not found.\"}" % LIVY, tb_of(run_cell)))
    m(logging.INFO, "LivySession", "Stopping heartbeat for session {}".format(15))
    # Both sessions again, after the admin raised the queue's AM share.
    for sid, user in ((17, "analyst"), (18, "dscientist")):
        if user == "analyst":
            rest("POST", "/sessions", 188, 201, '{"id":%d,"state":"starting","kind":"sql","proxyUser":"%s"}' % (
                sid, user), data='{"kind": "sql", "proxyUser": "analyst"}')
        for n in range(3):
            if user == "analyst":
                rest("GET", "/sessions/%d" % sid, 9, 200, '{"id":%d,"state":"%s"}' % (sid, "idle" if n == 2 else
                                                                                    "starting"))
            else:
                m(logging.DEBUG, "LivySession", "Session {} in state {}. Sleeping {} seconds.".format(
                    sid, "starting" if n < 2 else "idle", [2, 4, 8][n]))
    m(logging.INFO, "LivySession", "Starting heartbeat for session {}".format(18))
    for n in range(4):
        hit("analyst", "POST", "/notebook/api/check_status", 12 + n, 200, 91)
        m(logging.DEBUG, "Command", "Status of statement {} is {}.".format(n, "available" if n % 2 else "running"))
    rest("POST", "/sessions/17/statements", 6210, 201, '{"id":0,"code":"SELECT * FROM clickstream.events_raw '
         'LIMIT 100","state":"waiting","output":null,"progress":0.0}', data='{"code": "SELECT * FROM clickstream.'
         'events_raw LIMIT 100"}')
    hit("analyst", "POST", "/notebook/api/fetch_result_data", 51, 200, 31877)
    hit("analyst", "GET", "/hue/logout/", 21, 302, 0)
    return {"name": "emr-hue-sparkmagic", "programs": [hue, sm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A CodeBuild security stage: `safety --debug check` on the service's
# requirements, then `ggshield secret scan path` with --log-file
# /dev/stderr (its debug log, in its file format, live in the build log).

SAFETY_REPORT = r"""+==============================================================================+

                               /$$$$$$            /$$
                              /$$__  $$          | $$
           /$$$$$$$  /$$$$$$ | $$  \__//$$$$$$  /$$$$$$   /$$   /$$
          /$$_____/ |____  $$| $$$$   /$$__  $$|_  $$_/  | $$  | $$
         |  $$$$$$   /$$$$$$$| $$_/  | $$$$$$$$  | $$    | $$  | $$
          \____  $$ /$$__  $$| $$    | $$_____/  | $$ /$$| $$  | $$
          /$$$$$$$/|  $$$$$$$| $$    |  $$$$$$$  |  $$$$/|  $$$$$$$
         |_______/  \_______/|__/     \_______/   \___/   \____  $$
                                                          /$$  | $$
                                                         |  $$$$$$/
  by safetycli.com                                        \______/

+==============================================================================+

 REPORT 

  Safety v3.8.1 is scanning for Vulnerabilities...
  Scanning dependencies in your files:

  -> requirements.txt

  Using open-source vulnerability database
  Found and scanned 41 packages
  Timestamp 2024-05-11 14:44:51
  3 vulnerabilities reported
  1 vulnerability ignored

+==============================================================================+
 VULNERABILITIES REPORTED 
+==============================================================================+

-> Vulnerability found in jinja2 version 3.1.2
   Vulnerability ID: 64227
   Affected spec: <3.1.3
   ADVISORY: Jinja2 before 3.1.3 is vulnerable to Cross-site Scripting (XSS).
   It is possible to inject arbitrary HTML attributes into the rendered HTML
   template via the xmlattr filter.
   CVE-2024-22195
   For more information about this vulnerability, visit
   https://data.safetycli.com/v/64227/97c
   To ignore this vulnerability, use PyUp vulnerability id 64227 in safety’s
   ignore command-line argument or add the ignore to your safety policy file.

-> Vulnerability found in idna version 3.6
   Vulnerability ID: 67895
   Affected spec: <3.7
   ADVISORY: Affected versions of Idna are vulnerable to Denial Of Service via
   the idna.encode(). An attacker can exploit this by supplying a specially
   crafted string.
   CVE-2024-3651
   For more information about this vulnerability, visit
   https://data.safetycli.com/v/67895/97c

-> Vulnerability found in gunicorn version 21.2.0
   Vulnerability ID: 71600
   Affected spec: <22.0.0
   ADVISORY: Gunicorn fails to properly validate Transfer-Encoding headers,
   leading to HTTP Request Smuggling (HRS) vulnerabilities.
   CVE-2024-1135
   For more information about this vulnerability, visit
   https://data.safetycli.com/v/71600/97c

+==============================================================================+
   REMEDIATIONS

  3 vulnerabilities were reported in 3 packages. For detailed remediation & 
  fix recommendations, upgrade to a commercial license. 

+==============================================================================+"""


def stream_codebuild_safety_ggshield():
    stream = []
    sf = Program("safety", "safety.cli", logging.Formatter(SAFETY), stream)
    cli = lg(sf, "safety.cli")
    core = lg(sf, "safety.safety")
    util = lg(sf, "safety.util")
    filelock = lg(sf, "filelock")
    httpx = lg(sf, "httpx")
    hconn = lg(sf, "httpcore.connection")
    hhttp = lg(sf, "httpcore.http11")
    gg = Program("ggshield", "ggshield.cmd.utils.debug", logging.Formatter(GGSHIELD), stream)
    gthread = Set(thread=0x7F4E2B9C3740)
    gg.handler.addFilter(gthread)
    src = "/codebuild/output/src1846032117/src/github.com/acme-payments/ledger-api"
    reqs = ("Django==4.2.11\ndjangorestframework==3.14.0\ngunicorn==21.2.0\npsycopg2-binary==2.9.9\n"
            "celery==5.3.6\nredis==5.0.1\nboto3==1.34.51\nbotocore==1.34.51\njinja2==3.1.2\nidna==3.6\n"
            "requests==2.31.0\nurllib3==2.0.7\nsentry-sdk==1.40.6\nstructlog==24.1.0")
    cache = "/root/.safety/30/cache.json"
    tel = ('{"safety_options": {"check": {"--output": {"screen": 1}}, "files": {"-r": 1}}, "safety_version": '
           '"3.8.1", "safety_source": "cli", "os_type": "Linux", "os_release": "5.10.219-208.866.amzn2.x86_64", '
           '"os_description": "Linux-5.10.219-208.866.amzn2.x86_64-x86_64-with-glibc2.36", "python_version": '
           '"3.12.3", "safety_command": "check"}')

    def s(log, level, msg, *args):
        log.log(level, msg, *args)

    def lock(op, locked=True):
        lid = 139951180412112
        if op == "acquire":
            s(filelock, logging.DEBUG, "Attempting to acquire lock %s on %s", lid, cache + ".lock")
            s(filelock, logging.DEBUG, "Lock %s acquired on %s", lid, cache + ".lock")
        else:
            s(filelock, logging.DEBUG, "Attempting to release lock %s on %s", lid, cache + ".lock")
            s(filelock, logging.DEBUG, "Lock %s released on %s", lid, cache + ".lock")

    def http(method, url, status, reason, host="data.safetycli.com", new=True):
        if new:
            s(hconn, logging.DEBUG, "connect_tcp.started host=%r port=443 local_address=None timeout=30 "
              "socket_options=None" % host)
            s(hconn, logging.DEBUG, "connect_tcp.complete return_value=<httpcore._backends.sync.SyncStream "
              "object at 0x7f49c1d2be90>")
            s(hconn, logging.DEBUG, "start_tls.started ssl_context=<ssl.SSLContext object at 0x7f49c1e0a650> "
              "server_hostname=%r timeout=30" % host)
            s(hconn, logging.DEBUG, "start_tls.complete return_value=<httpcore._backends.sync.SyncStream object "
              "at 0x7f49c1d2bf50>")
        for event in ("send_request_headers", "send_request_body"):
            s(hhttp, logging.DEBUG, "%s.started request=<Request [b'%s']>" % (event, method))
            s(hhttp, logging.DEBUG, "%s.complete" % event)
        s(hhttp, logging.DEBUG, "receive_response_headers.started request=<Request [b'%s']>" % method)
        s(hhttp, logging.DEBUG, "receive_response_headers.complete return_value=(b'HTTP/1.1', %d, b'%s', "
          "[(b'Content-Type', b'application/json'), (b'Transfer-Encoding', b'chunked'), (b'Connection', "
          "b'keep-alive'), (b'Server', b'nginx'), (b'X-Cache', b'Miss from cloudfront')])" % (status, reason))
        s(httpx, logging.INFO, 'HTTP Request: %s %s "HTTP/1.1 %d %s"' % (method, url, status, reason))
        s(hhttp, logging.DEBUG, "receive_response_body.started request=<Request [b'%s']>" % method)
        s(hhttp, logging.DEBUG, "receive_response_body.complete")
        s(hhttp, logging.DEBUG, "response_closed.started")
        s(hhttp, logging.DEBUG, "response_closed.complete")

    container(stream, "Entering phase BUILD")
    container(stream, "Running command pip install safety==3.8.1 ggshield==1.53.0 --quiet")
    container(stream, "Running command safety --debug check -r requirements.txt --policy-file .safety-policy.yml")
    s(cli, logging.DEBUG, "Config file contents:")
    s(cli, logging.INFO, "Telemetry enabled: True")
    s(cli, logging.INFO, "Running check command")
    s(util, logging.DEBUG, "Path: requirements.txt")
    s(util, logging.DEBUG, "File Type: requirements.txt")
    s(util, logging.DEBUG, "Trying to parse file using dparse...")
    s(util, logging.DEBUG, "Content: " + reqs)
    deps = [{"name": n.split("==")[0], "specs": "==" + n.split("==")[1], "line": n, "source": None,
             "meta": {}, "line_numbers": None, "index_server": None, "hashes": [], "dependency_type":
                 "requirements.txt", "extras": []} for n in reqs.split("\n")]
    s(util, logging.DEBUG, "Dependency file: " + str({"file_type": "requirements.txt", "content": reqs,
                                                       "path": "requirements.txt", "dependencies": deps[:3]}))
    s(util, logging.DEBUG, "Finished parsing file.")
    s(cli, logging.INFO, "Calling the check function")
    lock("acquire")
    s(core, logging.DEBUG, "Cache file doesn't exist...")
    lock("release")
    for db in ("insecure_full.json", "insecure.json"):
        http("GET", "https://data.safetycli.com/api/v1/safety/%s?telemetry=%s" % (db, json.dumps(
            json.loads(tel)).replace(" ", "").replace('"', "%22").replace(":", "%3A").replace(",", "%2C").replace(
            "{", "%7B").replace("}", "%7D")), 200, "OK", new=db.endswith("full.json"))
        lock("acquire")
        s(core, logging.DEBUG, "Cache file created")
        s(core, logging.DEBUG, "Safety updated the cache file for %s database.", db)
        lock("release")
        s(core, logging.INFO, "Writing %s to cache because cached value was %s", db, 0)
    vulns = ("[Vulnerability(vulnerability_id='64227', package_name='jinja2', pkg=Package(name='jinja2', version="
             "'3.1.2', requirements=[SafetyRequirement(jinja2==3.1.2)], found='requirements.txt', "
             "insecure_versions=[], secure_versions=['3.1.4', '3.1.3'], latest_version_without_known_"
             "vulnerabilities=None, latest_version='3.1.4', more_info_url='https://data.safetycli.com/p/pypi/"
             "jinja2/eda/'), ignored=False, ignored_reason=None, ignored_expires=None, vulnerable_spec={'<3.1.3'}, "
             "all_vulnerable_specs=['<3.1.3'], analyzed_version='3.1.2', analyzed_requirement=SafetyRequirement("
             "jinja2==3.1.2), advisory='Jinja2 before 3.1.3 is vulnerable to Cross-site Scripting (XSS).', "
             "is_transitive=False, published_date='2024-Jan-13', fixed_versions=['3.1.3'], closest_versions_"
             "without_known_vulnerabilities=[], resources=[], CVE=CVE(name='CVE-2024-22195', cvssv2=None, cvssv3="
             "{'base_score': 5.4, 'impact_score': 2.7, 'base_severity': 'MEDIUM'}), severity=None, "
             "affected_versions=['3.1.2'], more_info_url='https://data.safetycli.com/v/64227/97c'), ...]")
    s(cli, logging.DEBUG, "Vulnerabilities returned: %s", vulns)
    s(cli, logging.DEBUG, "full database returned is None: %s", False)
    s(cli, logging.INFO, "Safety is going to calculate remediations")
    s(cli, logging.INFO, "Not local DB used, Getting announcements")
    s(core, logging.INFO, "Getting announcements")
    s(core, logging.DEBUG, "Telemetry data sent: %s" % json.loads(tel))
    http("POST", "https://data.safetycli.com/api/v1/safety/announcements/", 200, "OK", new=False)
    s(core, logging.DEBUG, '{"announcements": []}')
    s(core, logging.INFO, "Announcements fetched")
    s(cli, logging.INFO, "Safety is going to render the vulnerabilities report using %s output", "screen")
    s(cli, logging.INFO, "Vulnerabilities found (Not ignored): %s", 3)
    s(cli, logging.INFO, "All vulnerabilities found (ignored and Not ignored): %s", 4)
    for line in SAFETY_REPORT.split("\n"):
        printed(stream, line)
    s(cli, logging.INFO, "Exiting with default code for vulnerabilities found")
    container(stream, "Command did not exit successfully safety --debug check -r requirements.txt --policy-file "
                      ".safety-policy.yml exit status 64")
    # The policy file lists the three as accepted risks until the sprint ends; the next step runs regardless.
    container(stream, "Running command ggshield secret scan --log-file /dev/stderr path --recursive --yes .")

    def g(name, level, where, func, msg, *args, thread=None):
        if thread:
            gthread.values.update(thread=thread)
        log_at(lg(gg, name), level, where, msg, *args, func=func)
        gthread.values.update(thread=0x7F4E2B9C3740)

    site = "ggshield/"
    with pid(0x1F6):
        g("ggshield.cmd.utils.debug", logging.DEBUG, site + "cmd/utils/debug.py:35", "setup_debug_mode", "args=%s",
          ["/usr/local/bin/ggshield", "secret", "scan", "--log-file", "/dev/stderr", "path", "--recursive", "--yes",
           "."])
        g("ggshield.cmd.utils.debug", logging.DEBUG, site + "cmd/utils/debug.py:36", "setup_debug_mode",
          "ggshield=%s", "1.53.0")
        g("ggshield.cmd.utils.debug", logging.DEBUG, site + "cmd/utils/debug.py:37", "setup_debug_mode",
          "py-gitguardian=%s", "1.34.0")
        g("ggshield.core.config.user_config", logging.DEBUG, site + "core/config/user_config.py:156", "load",
          "No global config")
        g("ggshield.core.config.user_config", logging.DEBUG, site + "core/config/user_config.py:163", "load",
          "Loaded local config from %s", src + "/.gitguardian.yaml")
        g("ggshield.core.config.config", logging.DEBUG, site + "core/config/config.py:193",
          "get_api_key_and_source", "Using API key from $GITGUARDIAN_API_KEY")
        g("ggshield.utils.git_shell", logging.DEBUG, site + "utils/git_shell.py:90", "_get_git_path",
          "Found git at %s", "/usr/bin/git")
        for args in (["rev-parse", "--show-toplevel"], ["rev-parse", "--abbrev-ref", "HEAD"]):
            command = ["/usr/bin/git", "-c", "core.quotePath=false", "-c", "safe.directory=*"] + args
            g("ggshield.utils.git_shell", logging.DEBUG, site + "utils/git_shell.py:215", "git",
              "command=%s timeout=%d", command, 60)
        g("ggshield.utils.git_shell", logging.WARNING, site + "utils/git_shell.py:239", "git",
          "command=%s, stderr=%s", ["/usr/bin/git", "-c", "core.quotePath=false", "-c", "safe.directory=*",
                                    "rev-parse", "--abbrev-ref", "HEAD"],
          "warning: refname 'HEAD' is ambiguous.\n")
        g("urllib3.connectionpool", logging.DEBUG, "urllib3/connectionpool.py:1081", "_new_conn",
          "Starting new HTTPS connection (%d): %s:%s", 1, "api.gitguardian.com", 443)
        g("urllib3.connectionpool", logging.DEBUG, "urllib3/connectionpool.py:550", "_make_request",
          '%s://%s:%s "%s %s %s" %s %s', "https", "api.gitguardian.com", 443, "GET", "/v1/metadata", "HTTP/1.1",
          200, 412)
        g("pygitguardian.client", logging.DEBUG, "pygitguardian/client.py:269", "request",
          "method=%s endpoint=%s status_code=%s duration=%f", "get", "metadata", 200, 0.138411)
        files = ["manage.py", "ledger/settings/base.py", "ledger/settings/ci.py", "config/settings/ci.env",
                 "deploy/task-definition.json", "deploy/buildspec.yml", "ledger/payments/stripe_client.py",
                 "ledger/payments/tests/fixtures/webhook_event.json", "docs/runbooks/rotate-keys.md",
                 "requirements.txt", "scripts/seed_local_db.sh", "ledger/api/views.py"]
        for n, f in enumerate(files):
            g("ggshield.core.scan.scannable", logging.DEBUG, site + "core/scan/scannable.py:171",
              "_is_file_longer_than", 'filename="%s" charset=%s', src + "/" + f, "utf_8" if n != 7 else "ascii")
            g("ggshield.core.scan.scannable", logging.DEBUG, site + "core/scan/scannable.py:180",
              "_is_file_longer_than", 'filename="%s" utf8_encoded_size=%d', src + "/" + f, 812 + 397 * n)
        g("ggshield.verticals.secret.secret_scanner", logging.DEBUG, site + "verticals/secret/secret_scanner.py:82",
          "scan", "command_id=%s scan_threads=%d", "9b3f2c1e-5d4a-4e8b-a6c7-0d1e2f3a4b5c", 4)
        workers = [0x7F4E29A0F6C0, 0x7F4E2920E6C0, 0x7F4E28A0D6C0]
        for n, w in enumerate(workers):
            g("urllib3.connectionpool", logging.DEBUG, "urllib3/connectionpool.py:1081", "_new_conn",
              "Starting new HTTPS connection (%d): %s:%s", 2 + n, "api.gitguardian.com", 443, thread=w)
        for n, w in enumerate(workers):
            g("urllib3.connectionpool", logging.DEBUG, "urllib3/connectionpool.py:550", "_make_request",
              '%s://%s:%s "%s %s %s" %s %s', "https", "api.gitguardian.com", 443, "POST",
              "/v1/multiscan?all_secrets=True", "HTTP/1.1", 200, [2114, 488, 471][n], thread=w)
            g("pygitguardian.client", logging.DEBUG, "pygitguardian/client.py:269", "request",
              "method=%s endpoint=%s status_code=%s duration=%f", "post", "multiscan", 200,
              [0.611204, 0.447918, 0.502337][n], thread=w)
    printed(stream, "Scanning Path... " + "━" * 40 + " 100% 12 / 12")
    printed(stream, "secrets-engine-version: 2.131.0")
    printed(stream, "")
    printed(stream, "config/settings/ci.env: 1 secret detected")
    printed(stream, "")
    printed(stream, "🛡️  ⚔️  🛡️  Secret detected: AWS Keys")
    for line in ("Validity: Valid", "Occurrences: 2", "Known by GitGuardian dashboard: NO", "Incident URL: N/A",
                 "Secret SHA: 1e0f3a1c4b7d9a2e5f8c6b3d0a9e7f4c2b1d8e6a5c3f0b9d7e4a2c1f8b6d3e0a"):
        printed(stream, line)
    printed(stream, " 2 | AWS_DEFAULT_REGION=us-east-1")
    printed(stream, " 3 | AWS_ACCESS_KEY_ID=AKIA****************")
    printed(stream, "                       |_______client_id______|")
    printed(stream, " 4 | AWS_SECRET_ACCESS_KEY=wJal************************************")
    printed(stream, "                           |______________client_secret_____________|")
    printed(stream, "")
    with pid(0x1F6):
        g("ggshield.__main__", logging.DEBUG, site + "__main__.py:60", "exit_code", "scan exit_code=%d", 1)
    container(stream, "Command did not exit successfully ggshield secret scan --log-file /dev/stderr path "
                      "--recursive --yes . exit status 1")
    container(stream, "Phase complete: BUILD State: FAILED")
    container(stream, "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: "
                      "ggshield secret scan --log-file /dev/stderr path --recursive --yes .. Reason: exit status 1")
    return {"name": "codebuild-safety-ggshield", "programs": [sf, gg], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The logging pipeline's own monitoring, on one ECS service: the
# Elasticsearch exporter scraping the Amazon OpenSearch domain and the
# Kafka consumer-group exporter reading MSK's __consumer_offsets.

OPENSEARCH = "https://vpc-logs-prod-7k3m2q9w1e5r.us-east-1.es.amazonaws.com:443"
MSK = ["b-%d.msk-logs.a1b2c3.c4.kafka.us-east-1.amazonaws.com" % n for n in (1, 2, 3)]


def stream_es_kafka_exporters():
    stream = []
    es = Program("prometheus-es-exporter", "prometheus_es_exporter", logging.Formatter(ES_EXPORTER), stream)
    es_thread = Set(threadName="MainThread")
    es.handler.addFilter(es_thread)
    esx = lg(es, "prometheus_es_exporter")
    es_utils = lg(es, "prometheus_es_exporter.utils")
    es_client = lg(es, "elasticsearch")
    es_warn = lg(es, "py.warnings")
    kx = Program("prometheus-kafka-consumer-group-exporter", "root", logging.Formatter(KAFKA_EXPORTER), stream)
    kroot = lg(kx, "root")
    kconn = lg(kx, "kafka.conn")
    kclient = lg(kx, "kafka.client")
    ksub = lg(kx, "kafka.consumer.subscription_state")
    kfetch = lg(kx, "kafka.consumer.fetcher")

    def e(log, level, msg, *args, thread="MainThread", exc_info=None):
        es_thread.values.update(threadName=thread)
        log.log(level, msg, *args, exc_info=exc_info)

    def conn(node, host, ip, state):
        return "<BrokerConnection node_id=%s host=%s:9094 <%s> [IPv4 ('%s', 9094)]>" % (node, host, state, ip)

    ips = ["10.0.21.14", "10.0.22.37", "10.0.23.52"]
    # The Kafka exporter starts first (its broker probe).
    kconn.info("%s: connecting to %s:%d [%s %s]", conn("bootstrap-0", MSK[0], ips[0], "connecting"), MSK[0], 9094,
               ("'%s', 9094" % ips[0]).join("()"), "IPv4")
    kconn.info("%s: Loading SSL CA from %s", conn("bootstrap-0", MSK[0], ips[0], "handshake"),
               "/etc/ssl/certs/ca-certificates.crt")
    kconn.info("%s: Connection complete.", conn("bootstrap-0", MSK[0], ips[0], "connected"))
    kclient.info("Bootstrap succeeded: found %s brokers and %s topics.", 3, 41)
    kconn.info("%s: Closing connection. ", conn("bootstrap-0", MSK[0], ips[0], "connected"))
    kclient.info("Probing node %s broker version", 2)
    kconn.info("%s: connecting to %s:%d [%s %s]", conn(2, MSK[1], ips[1], "connecting"), MSK[1], 9094,
               ("'%s', 9094" % ips[1]).join("()"), "IPv4")
    kconn.info("%s: Connection complete.", conn(2, MSK[1], ips[1], "connected"))
    kclient.info("Broker version identified as %s", "2.6.0")
    kclient.info("Set configuration api_version=%s to skip auto check_version requests on startup", (2, 6, 0))
    ksub.info("Updating subscribed topics to: %s", ("__consumer_offsets",))
    kroot.info("Starting server...")
    kroot.info("Server started on port %s", 9208)
    # The Elasticsearch exporter, with --threads 4 and the OpenSearch endpoint's own certificate.
    e(esx, logging.INFO, "Starting server...")
    e(esx, logging.INFO, "Server started on port %(port)s", {"port": 9206})
    warning = ("/usr/local/lib/python3.8/site-packages/urllib3/connectionpool.py:1013: InsecureRequestWarning: "
               "Unverified HTTPS request is being made to host 'vpc-logs-prod-7k3m2q9w1e5r.us-east-1.es.amazonaws."
               "com'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/"
               "1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n")
    e(es_warn, logging.WARNING, "%s", warning, thread="ThreadPoolExecutor-0_0")
    queries = {"error_rate": ("logs-app-*", 15), "ingest_lag": ("logs-ingest-*", 30),
               "slow_requests": ("logs-alb-*", 60)}

    corr = [7]

    def request(node, req, resp, ms):
        corr[0] += 1
        c = conn(node, MSK[node - 1], ips[node - 1], "connected")
        kconn.debug("%s Request %d: %s", c, corr[0], req)
        kconn.debug("%s Response %d (%s ms): %s", c, corr[0], ms, resp)

    def fetch_cycle(n):
        kroot.info("Requesting topics and partition assignments")
        kroot.debug("Requesting topics and partition assignments from %(node)s", {"node": 1 + n % 3})
        request(1 + n % 3, "MetadataRequest_v1(topics=NULL)", "MetadataResponse_v1(brokers=[(node_id=1, host='%s', "
                "port=9094, rack='use1-az1'), (node_id=2, host='%s', port=9094, rack='use1-az2'), (node_id=3, "
                "host='%s', port=9094, rack='use1-az4')], controller_id=2, topics=[(error_code=0, topic='__consumer_"
                "offsets', is_internal=True, partitions=[...]), ...])" % tuple(MSK), 3.1 + n / 10)
        kroot.info("Received topics and partition assignments")
        kroot.info("Requesting high-water marks")
        for node in (1, 2, 3):
            kroot.debug("Requesting high-water marks from %(node)s", {"node": node})
        for node in (1, 2, 3):
            kroot.info("Received high-water marks from node {}".format(node))
        kroot.info("Requesting low-water marks")
        for node in (1, 2, 3):
            kroot.info("Received low-water marks from node {}".format(node))

    for n in range(6):
        for i, (name, (index, every)) in enumerate(queries.items()):
            if n % (every // 15) == 0:
                # the queries run on the executor's threads; only failures are logged
                if name == "slow_requests" and n == 2:
                    def search():
                        raised("elasticsearch.exceptions", "ConnectionTimeout", "ConnectionTimeout caused by - "
                               "ReadTimeoutError(HTTPSConnectionPool(host='vpc-logs-prod-7k3m2q9w1e5r.us-east-1.es."
                               "amazonaws.com', port=443): Read timed out. (read timeout=10.0))")
                    try:
                        search()
                    except Exception:
                        e(es_client, logging.WARNING, "%s %s [status:%s request:%.3fs]", "POST",
                          OPENSEARCH + "/logs-alb-*/_search", "N/A", 10.011, thread="ThreadPoolExecutor-0_%d" % i,
                          exc_info=True)
                        e(esx, logging.ERROR, "Error while querying indices %(indices)s, query %(query)s.",
                          {"indices": [index], "query": {"size": 0, "query": {"range": {"target_processing_time":
                                                                                         {"gte": 2}}},
                                                         "aggs": {"lb": {"terms": {"field": "elb.keyword"}}}}},
                          thread="ThreadPoolExecutor-0_%d" % i, exc_info=True)
        if n % 2 == 0:
            fetch_cycle(n)
        # Prometheus scrapes both every 15 seconds; the collectors run on the HTTP server's threads.
        if n == 3:
            e(esx, logging.WARNING, "Timeout while fetching %(description)s (timeout %(timeout_s)ss).",
              {"description": "Nodes Stats", "timeout_s": 10.0}, thread="Thread-%d" % (41 + n))
            e(es_client, logging.WARNING, "%s %s [status:%s request:%.3fs]", "GET", OPENSEARCH +
              "/_nodes/stats", "N/A", 10.004, thread="Thread-%d" % (41 + n))
    # A blue/green update of the OpenSearch domain: the cluster is briefly red for the exporter.
    for n, status in enumerate(("429", "503")):
        def health():
            raised("elasticsearch.exceptions", "TransportError", "TransportError(%s, '%s')" % (
                status, "cluster_block_exception" if status == "503" else "too_many_requests"))
        try:
            health()
        except Exception:
            e(es_client, logging.WARNING, "%s %s [status:%s request:%.3fs]", "GET", OPENSEARCH +
              "/_cluster/health?level=indices", status, 0.021 + n / 100, thread="Thread-%d" % (52 + n),
              exc_info=True)
            e(esx, logging.ERROR, "Error while fetching %(description)s.", {"description": "Cluster Health"},
              thread="Thread-%d" % (52 + n), exc_info=True)
    # While the new nodes take the shards over, every scrape times out somewhere.
    for n, description in enumerate(("Nodes Stats", "Indices Stats", "Indices Mappings", "Indices Aliases",
                                     "Nodes Stats", "Indices Stats", "Cluster Health", "Indices Stats")):
        e(esx, logging.WARNING, "Timeout while fetching %(description)s (timeout %(timeout_s)ss).",
          {"description": description, "timeout_s": 10.0}, thread="Thread-%d" % (54 + n // 2))
        if n % 3 == 2:
            def run_query():
                raised("elasticsearch.exceptions", "TransportError", "TransportError(503, "
                       "'search_phase_execution_exception', 'all shards failed')")
            try:
                run_query()
            except Exception:
                e(esx, logging.ERROR, "Error while querying indices %(indices)s, query %(query)s.",
                  {"indices": ["logs-ingest-*"], "query": {"size": 0, "aggs": {"lag": {"max": {
                      "field": "ingest_lag_ms"}}}}}, thread="ThreadPoolExecutor-0_%d" % (n % 4), exc_info=True)
    # MSK patches broker 2: the Kafka exporter loses it mid-fetch.
    kconn.error("%s: socket disconnected", conn(2, MSK[1], ips[1], "connected"))
    kconn.info("%s: Closing connection. KafkaConnectionError: socket disconnected", conn(2, MSK[1], ips[1],
                                                                                        "connected"))
    kfetch.error("Fetch to node %s failed: %s", 2, "Cancelled: " + conn(2, MSK[1], ips[1], "connected"))
    kroot.warning("Received error in metadata response at partition level for topic %(topic)s: %(error)s",
                  {"topic": "orders.events", "error": 5})
    kroot.warning("Received error in offset response for topic %(topic)s: %(error)s",
                  {"topic": "payments.ledger", "error": 6})
    for attempt in range(3):
        kconn.info("%s: connecting to %s:%d [%s %s]", conn(2, MSK[1], ips[1], "connecting"), MSK[1], 9094,
                   ("'%s', 9094" % ips[1]).join("()"), "IPv4")
        if attempt < 2:
            kconn.error("Connect attempt to %s returned error %s. Disconnecting.", conn(2, MSK[1], ips[1],
                                                                                       "connecting"), 111)
            kconn.info("%s: Closing connection. KafkaConnectionError: %s", conn(2, MSK[1], ips[1], "connecting"),
                       "111 ECONNREFUSED")
        else:
            kconn.info("%s: Connection complete.", conn(2, MSK[1], ips[1], "connected"))
    fetch_cycle(1)
    # A consumer on a newer client commits with offset-commit value version 4.
    bad = b"\x00\x04\x00\x00\x00\x00\x00\x01\x9c\x2f\x00\x00\x00\x00\x00\x00\x00\x00\x01\x8f\x6a\x21\x0b\x52"
    kroot.error("Can't parse __consumer_offsets topic message value with unsupported version %(version)s.",
                {"version": 4})

    def parse_key():
        import struct
        struct.unpack_from(">h", b"\x00")

    try:
        parse_key()
    except Exception:
        kroot.warning("Failed to parse key from __consumer_offsets topic message. Key: %(key_bytes)s",
                      {"key_bytes": bad[:9]}, exc_info=True)
    for n in range(4):
        fetch_cycle(n)
        if n == 2:
            e(esx, logging.WARNING, "Timeout while fetching %(description)s (timeout %(timeout_s)ss).",
              {"description": "Indices Stats", "timeout_s": 10.0}, thread="Thread-%d" % (60 + 4 * n))
    # The task is stopped for a deployment.
    e(es_utils, logging.INFO, "Received signal %(signal)s.", {"signal": "SIGTERM"})
    kroot.info("Shutting down")
    return {"name": "es-kafka-exporters", "programs": [es, kx], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Globus Compute endpoint on an AWS ParallelCluster head node: its
# endpoint.log (the endpoint's records, and Parsl's executor records
# through the same handler) beside the interchange.log of the Parsl HTEX
# interchange it runs, one CloudWatch agent stream for the two files.

def stream_globus_compute_parsl():
    stream = []
    gc = Program("globus-compute-endpoint", "globus_compute_endpoint.endpoint.endpoint",
                 GlobusFormatter(GLOBUS_COMPUTE, GLOBUS_COMPUTE_DATEFMT), stream, truth=GlobusJsonFormatter)
    gc_ids = Set(threadName="MainThread", thread=139887654233920, processName="MainProcess")
    gc.handler.addFilter(gc_ids)
    px = Program("parsl", "parsl.executors.high_throughput.interchange", logging.Formatter(PARSL, PARSL_DATEFMT),
                 stream)
    px_ids = Set(threadName="MainThread", thread=140127311910720, processName="MainProcess")
    px.handler.addFilter(px_ids)
    ep = "compute_endpoint/globus_compute_endpoint/"
    ep_id = "6f1c3b2a-9d8e-4c7b-a5f4-3e2d1c0b9a8f"
    label = "htex-pcluster"
    threads = {"MainThread": 139887654233920, "Pending Task Handler": 139886981756480,
               "Stored Result Handler": 139886973363776, "TQS": 139886964971072, "ResultPublisher": 139886956578368,
               "JobStatusPoller": 139886948185664, "HTEX-Result-Queue-Thread": 139886939792960}

    def g(name, level, where, func, msg, *args, thread="MainThread", exc_info=None):
        gc_ids.values.update(threadName=thread, thread=threads[thread])
        log_at(lg(gc, name), level, where, msg, *args, exc_info=exc_info, func=func)

    def p(level, where, func, msg, *args, exc_info=None):
        log_at(lg(px, "parsl.executors.high_throughput.interchange"), level,
               "parsl/executors/high_throughput/interchange.py:%d" % where, msg, *args, exc_info=exc_info, func=func)

    def ix(level, line, func, msg, *args, thread="MainThread", exc_info=None):
        g("globus_compute_endpoint.endpoint.interchange", level, ep + "endpoint/interchange.py:%d" % line, func,
          msg, *args, thread=thread, exc_info=exc_info)

    def parsl_in_ep(name, level, where, func, msg, *args, thread="JobStatusPoller"):
        g(name, level, where, func, msg, *args, thread=thread)

    sub = "CommandQueueSubscriber<%s; pid=%d>"
    pub = "ResultPublisher<%s; o:%s; t:%s>"
    with pid(48211):
        g("globus_compute_endpoint.endpoint.endpoint", logging.INFO, ep + "endpoint/endpoint.py:601",
          "start_interchange", f"\n\n========== Endpoint begins: {ep_id}")
        ix(logging.INFO, 91, "__init__", "Initializing EndpointInterchange process with Endpoint ID: {}".format(ep_id))
        ix(logging.INFO, 134, "__init__", "Platform info: %s" % {"parsl_v": "2026.07.27", "python_v": "3.12.9",
                                                                 "libc": "glibc 2.35", "machine": "x86_64",
                                                                 "os": "Linux", "hostname": "ip-10-0-0-61",
                                                                 "dir": "/home/ec2-user/.globus_compute/"
                                                                        "pcluster-hpc"})
        ix(logging.INFO, 139, "start_engine", "Starting Engine")
        g("globus_compute_endpoint.engines.globus_compute", logging.INFO, ep + "engines/globus_compute.py:319", "start",
          "Containerized launch cmd template: %s" % ("apptainer exec -B /fsx --pwd /fsx /fsx/containers/"
                                                     "gce-worker.sif process_worker_pool.py {debug} {max_workers_per_"
                                                     "node} -a {addresses} -p {prefetch_capacity} -c {cores_per_worker}"
                                                     " -m {mem_per_worker} --poll {poll_period} --task_port="
                                                     "{task_port} --result_port={result_port} --cert_dir {cert_dir} "
                                                     "--logdir={logdir} --block_id={{block_id}} --hb_period="
                                                     "{heartbeat_period} {address_probe_timeout_string} --hb_threshold"
                                                     "={heartbeat_threshold} --drain_period={drain_period} "
                                                     "--cpu-affinity {cpu_affinity} {enable_mpi_mode} "
                                                     "--mpi-launcher={mpi_launcher} --available-accelerators "
                                                     "{accelerators}"))
        parsl_in_ep("parsl.executors.high_throughput.executor", logging.DEBUG,
                    "parsl/executors/high_throughput/executor.py:437", "initialize_scaling",
                    "Starting HighThroughputExecutor with provider:\n%s", Shown(
                        "SlurmProvider(\n    'compute-cpu',\n    account=None,\n    channel=None,\n    clusters=None,\n"
                        "    constraint=None,\n    exclusive=True,\n    init_blocks=0,\n    launcher=SrunLauncher("
                        "debug=True, overrides=''),\n    max_blocks=8,\n    mem_per_node=None,\n    min_blocks=0,\n"
                        "    move_files=None,\n    nodes_per_block=1,\n    parallelism=1,\n    qos=None,\n"
                        "    scheduler_options='#SBATCH --constraint=c6i.8xlarge',\n    walltime='01:00:00',\n"
                        "    worker_init='source /fsx/envs/gce/bin/activate'\n)"), thread="MainThread")
        parsl_in_ep("parsl.executors.high_throughput.executor", logging.DEBUG,
                    "parsl/executors/high_throughput/executor.py:608", "_start_local_interchange_process",
                    "Popened interchange process. Writing config object", thread="MainThread")
    # The interchange process writes its own file.
    with pid(48237):
        p(logging.DEBUG, 123, "__init__", "Initializing Interchange process")
        p(logging.INFO, 129, "__init__", "Attempting connection to client at {} on ports: {},{},{}".format(
            "127.0.0.1", 54127, 54711, 55089))
        p(logging.INFO, 141, "__init__", "Connected to client")
        p(logging.INFO, 170, "__init__", f"Bound to port {54398} for incoming worker connections")
        p(logging.INFO, 188, "__init__", "Platform info: {}".format({"parsl_v": "2026.07.27", "python_v": "3.12.9",
                                                                     "libc": "glibc 2.35", "machine": "x86_64",
                                                                     "os": "Linux", "hostname": "ip-10-0-0-61",
                                                                     "dir": "/home/ec2-user/.globus_compute/"
                                                                            "pcluster-hpc"}))
        p(logging.INFO, 289, "start", "Starting main interchange method")
    with pid(48211):
        parsl_in_ep("parsl.executors.high_throughput.executor", logging.DEBUG,
                    "parsl/executors/high_throughput/executor.py:618", "_start_local_interchange_process",
                    "Interchange process started (%r).  Worker port: %d", Shown("<Popen: returncode: None args: "
                                                                               "['interchange.py']>"), 54398,
                    thread="MainThread")
        parsl_in_ep("parsl.executors.high_throughput.executor", logging.DEBUG,
                    "parsl/executors/high_throughput/executor.py:636", "_start_result_queue_thread",
                    "Started result queue thread: %r",
                    Shown("<Thread(HTEX-Result-Queue-Thread, started 139886939792960)>"),
                    thread="MainThread")
        ix(logging.INFO, 219, "start", "Starting EndpointInterchange")
        g("globus_compute_endpoint.endpoint.rabbit_mq.command_queue_subscriber", logging.INFO,
          ep + "endpoint/rabbit_mq/command_queue_subscriber.py:125", "run",
          f"{sub % ('✗', 48211)} Opening connection to AMQP service.", thread="TQS")
        g("globus_compute_endpoint.endpoint.rabbit_mq.result_publisher", logging.INFO,
          ep + "endpoint/rabbit_mq/result_publisher.py:147", "run",
          f"{pub % ('✗', 0, 0)} Opening connection to AMQP service.", thread="ResultPublisher")
        g("globus_compute_endpoint.endpoint.rabbit_mq.command_queue_subscriber", logging.INFO,
          ep + "endpoint/rabbit_mq/command_queue_subscriber.py:242", "_start_consuming",
          f"{sub % ('✓', 48211)} Awaiting messages from queue: {ep_id}.tasks", thread="TQS")
    # A batch of tasks: Parsl scales out Slurm blocks on the cluster's compute fleet.
    prefix = f"[Scaling executor {label}]"
    with pid(48211):
        parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:186", "_general_strategy",
                    f"general strategy starting with strategy_type {'htex'} for {1} executors")
        parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:224", "_general_strategy",
                    "%s Executor %d active tasks, %d active slots, and %d/%d running/pending blocks", prefix, 64, 0,
                    0, 0)
        parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:267", "_general_strategy",
                    "%s Strategy case 2: slots are overloaded - (slot_ratio = active_slots/active_tasks) < parallelism",
                    prefix)
        parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:276", "_general_strategy",
                    "%s Strategy case 2b: active_blocks %d < max_blocks %d so scaling out", prefix, 0, 8)
        parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:280", "_general_strategy",
                    "%s Requesting %d more blocks", prefix, 2)
        parsl_in_ep("parsl.executors.status_handling", logging.INFO, "parsl/executors/status_handling.py:207",
                    "scale_out_facade", "%s Scaling out by %d blocks", prefix, 2)
        for block in (0, 1):
            parsl_in_ep("parsl.executors.status_handling", logging.DEBUG, "parsl/executors/status_handling.py:268",
                        "_launch_block", "%s Submitting to provider with job_name %s", prefix,
                        f"parsl.{label}.block-{block}.1715438691.{'7340' if block else '7312'}")
            parsl_in_ep("parsl.executors.status_handling", logging.DEBUG, "parsl/executors/status_handling.py:271",
                        "_launch_block", "%s Launched block %s with job ID %s", prefix, block, 1188 + block)
            parsl_in_ep("parsl.executors.status_handling", logging.INFO, "parsl/executors/status_handling.py:210",
                        "scale_out_facade", "%s Allocated block ID %s", prefix, block)
    managers = [b"5e1a9c02d3f4", b"8b7c6d5e4f3a"]
    with pid(48237):
        for block, mid in enumerate(managers):
            meta = {"type": "registration", "parsl_v": "2026.07.27", "python_v": "3.12.9", "packages": {},
                    "worker_count": 32, "uid": mid.decode(), "block_id": str(block), "start_time": 1715438712.4 + block,
                    "prefetch_capacity": 0, "max_capacity": 32, "os": "Linux", "hostname":
                        f"compute-cpu-dy-c6i8xlarge-{block + 1}", "dir": "/fsx/gce", "cpu_count": 32,
                    "total_memory": 66313674752, "available_accelerators": [], "cpu_affinity": "none"}
            p(logging.INFO, 408, "process_manager_socket_message", f'Registration info for manager {mid!r}: {meta}')
            p(logging.INFO, 444, "process_manager_socket_message",
              f"Registered manager {mid!r} (py{'3.12'}, {'2026.07.27'}) and added to ready queue")
        for n in range(10):
            mid = managers[n % 2]
            p(logging.DEBUG, 570, "process_tasks_to_send", "Sent tasks: %s to manager %r",
              list(range(n * 6, n * 6 + 6)), mid)
            if n % 3 == 2:
                p(logging.DEBUG, 577, "process_tasks_to_send", "Manager %r is now saturated", mid)
            p(logging.DEBUG, 457, "process_manager_socket_message", "Number of results in batch: %d", 4 + n % 3)
            p(logging.DEBUG, 492, "process_manager_socket_message", "Sending messages (%d) on results_outgoing",
              4 + n % 3)
            p(logging.DEBUG, 497, "process_manager_socket_message", "Sent messages on results_outgoing")
    with pid(48211):
        for n in range(4):
            ix(logging.DEBUG, 571, "_main_loop", "Heartbeat.  Approximate Tasks received and Results forwarded"
               " since last heartbeat: %s (T), %s (R)", [64, 0, 0, 0][n], [18, 31, 15, 0][n])
            if n == 1:
                ix(logging.WARNING, 452, "process_pending_tasks",
                   f"Function {'7d2c9b1e-4a3f-4e5d-8c6b-0a1f2e3d4c5b'} not permitted on endpoint {ep_id}",
                   thread="Pending Task Handler")
        ix(logging.INFO, 616, "_main_loop", "In idle state (no task or result movement); shut down"
           f" in {3600:,}s.  (idle_heartbeats_soft)")
    # The AMQP broker restarts (a Globus service deployment); the endpoint quiesces and reconnects.
    with pid(48211):
        def publish():
            raised("pika.exceptions", "StreamLostError", "Stream connection lost: ConnectionResetError(104, "
                   "'Connection reset by peer')")
        try:
            publish()
        except Exception:
            ix(logging.ERROR, 501, "_done_cb", "Failed to publish heartbeat", thread="ResultPublisher",
               exc_info=True)
        ix(logging.WARNING, 249, "start", "AMQP service closed connection: (320, \"CONNECTION_FORCED - broker "
           "forced connection closure with reason 'shutdown'\")")
        ix(logging.INFO, 261, "start", "Reconnection count: %s (of %s)", 1, 5)
        ix(logging.INFO, 150, "quiesce", "Interchange quiesce in progress")
        ix(logging.WARNING, 236, "start", f"Interchange will retry connecting in {4.71:.2f}s")
        g("globus_compute_endpoint.endpoint.rabbit_mq.command_queue_subscriber", logging.INFO,
          ep + "endpoint/rabbit_mq/command_queue_subscriber.py:125", "run",
          f"{sub % ('✗', 48211)} Opening connection to AMQP service.", thread="TQS")
        g("globus_compute_endpoint.endpoint.rabbit_mq.command_queue_subscriber", logging.INFO,
          ep + "endpoint/rabbit_mq/command_queue_subscriber.py:242", "_start_consuming",
          f"{sub % ('✓', 48211)} Awaiting messages from queue: {ep_id}.tasks", thread="TQS")
        ix(logging.INFO, 583, "_main_loop", "Connection stable for 2 heartbeats; reset fail count")
        ix(logging.INFO, 596, "_main_loop", "Moved to active state (due to tasks processed since last heartbeat).")
    # A worker node is reclaimed; its manager stops heartbeating.
    with pid(48237):
        for n in range(6):
            p(logging.DEBUG, 570, "process_tasks_to_send", "Sent tasks: %s to manager %r",
              list(range(60 + n * 4, 64 + n * 4)), managers[0])
            p(logging.DEBUG, 457, "process_manager_socket_message", "Number of results in batch: %d", 4)
        p(logging.WARNING, 589, "expire_bad_managers",
          f"Too many heartbeats missed for manager {managers[1]!r} - removing manager")
        p(logging.WARNING, 594, "expire_bad_managers", f"Cancelling htex tasks {[54, 55, 57, 58]} on removed manager")
        p(logging.WARNING, 602, "expire_bad_managers", "Sent failure reports, unregistering manager")
    with pid(48211):
        def result_handler():
            def forward_result():
                raised("parsl.executors.high_throughput.errors", "ManagerLost", "Task failure due to loss of "
                       "manager b'8b7c6d5e4f3a' on host compute-cpu-dy-c6i8xlarge-2")
            forward_result()
        for task in ("54", "55"):
            try:
                result_handler()
            except Exception:
                if task == "54":
                    ix(logging.ERROR, 398, "forward_result",
                       "Something broke while forwarding results; setting quiesce event",
                       thread="HTEX-Result-Queue-Thread", exc_info=True)
            ix(logging.INFO, 401, "forward_result", "Storing result for later: %s",
               "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6%s" % task[-1], thread="HTEX-Result-Queue-Thread")
        ix(logging.DEBUG, 345, "process_stored_results", "Retrieved stored result (%s)",
           "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e64", thread="Stored Result Handler")
        ix(logging.DEBUG, 345, "process_stored_results", "Retrieved stored result (%s)",
           "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e65", thread="Stored Result Handler")
        # Idle again: the strategy scales the blocks in.
        for step in range(3):
            parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:224", "_general_strategy",
                        "%s Executor %d active tasks, %d active slots, and %d/%d running/pending blocks", prefix, 0,
                        32, 1, 0)
            parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:243", "_general_strategy",
                        "%s Strategy case 1b: Executor has no active tasks, and more (%d) than minimum blocks (%d)",
                        prefix, 1, 0)
            if step == 0:
                parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:247", "_general_strategy",
                            "%s Starting idle timer. If idle time exceeds %.1fs, blocks will be scaled in", prefix,
                            120.0)
            elif step == 1:
                parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:260", "_general_strategy",
                            "%s Idle time %.1fs is less than max_idletime %.1fs; not scaling in", prefix, 60.2, 120.0)
            else:
                parsl_in_ep("parsl.jobs.strategy", logging.DEBUG, "parsl/jobs/strategy.py:256", "_general_strategy",
                            "%s Idle time has reached %.1fs for executor; scaling in", prefix, 120.0)
        parsl_in_ep("parsl.executors.status_handling", logging.INFO, "parsl/executors/status_handling.py:253",
                    "scale_in", "%s Scaling in jobs: %s", prefix, str(["1188"]))
    with pid(48237):
        p(logging.INFO, 526, "expire_drained_managers",
          f"Manager {managers[0]!r} is drained - sending drained message to manager")
    # The endpoint is stopped for the head node's AMI update.
    with pid(48211):
        ix(logging.WARNING, 173, "handle_sigterm", "Received SIGTERM, setting termination flag.")
        ix(logging.INFO, 155, "stop", "Shutting down EndpointInterchange")
        for where, func, msg in ((927, "shutdown", "Attempting HighThroughputExecutor shutdown"),
                                 (929, "shutdown", "Terminating interchange and result queue thread"),
                                 (938, "shutdown", "Closing ZMQ pipes"),
                                 (964, "shutdown", "Finished HighThroughputExecutor shutdown attempt")):
            parsl_in_ep("parsl.executors.high_throughput.executor", logging.INFO,
                        "parsl/executors/high_throughput/executor.py:%d" % where, func, msg, thread="MainThread")
    with pid(48237):
        p(logging.INFO, 328, "start", f"Processed {102} tasks in {1873.4066} seconds")
        p(logging.WARNING, 329, "start", "Exiting")
    with pid(48211):
        ix(logging.INFO, 270, "start", "EndpointInterchange shutdown complete.")
        g("globus_compute_endpoint.endpoint.endpoint", logging.INFO, ep + "endpoint/endpoint.py:617",
          "start_interchange", f"\n---------- Endpoint shutdown: {ep_id}\n")
    return {"name": "globus-compute-parsl", "programs": [gc, px], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A genomics head node on EC2: Toil's leader running a CWL alignment
# workflow (its workers' logs relayed on failure), and miniwdl running the
# WDL variant-calling workflow that follows on the same node's Docker
# swarm; the agent ships both processes' stderr into one stream.

def stream_toil_miniwdl():
    stream = []
    toil = Program("toil", "toil.leader", logging.Formatter(TOIL, TOIL_DATEFMT), stream)
    toil_thread = Set(threadName="MainThread")
    toil.handler.addFilter(toil_thread)
    wdl = Program("miniwdl", "wdl.w:variant_calling", logging.Formatter(MINIWDL, MINIWDL_DATEFMT), stream)
    worker_fmt = logging.Formatter("[%(asctime)s] [%(threadName)-10s] [%(levelname).1s] [%(name)s] %(message)s",
                                   TOIL_DATEFMT)
    out = "s3://acme-genomics-results/wgs-2024-05/"

    def t(name, level, msg, *args, thread="MainThread", exc_info=None):
        toil_thread.values.update(threadName=thread)
        lg(toil, name).log(level, msg, *args, exc_info=exc_info)

    def job(name, inst, v=1):
        return "'CWLJob' %s kind-CWLJob/instance-%s v%d" % (name, inst, v)

    def worker_lines(lines):
        """The worker's own log file: its records (the worker's format) and
        the tool's output, as the leader reads them back."""
        text = []
        for level, name, msg in lines:
            if level is None:
                text.append(msg)
                continue
            record = logging.LogRecord(name, level, "", 0, msg, (), None)
            record.created = realworld.CLOCK.t - 41.2 + len(text) * 0.37
            record.msecs = int(record.created * 1000) % 1000
            record.threadName = "MainThread"
            text.append(worker_fmt.format(record))
        return text

    def relay(job_store_id, lines, message):
        body = ["Log from job \"%s\" follows:" % job_store_id, "=========>"]
        body += ["\t" + line.rstrip("\n") for line in "\n".join(lines).split("\n")]
        body.append("<=========")
        t("toil.leader", logging.WARNING, message)
        t("toil.leader", logging.WARNING, "\n".join(body))

    # Toil starts.
    t("toil", logging.INFO, "Running Toil version %s on host %s.", "9.5.0", "ip-10-0-1-23.ec2.internal")
    t("toil.jobStores.aws.jobStore", logging.INFO, "Instantiating <class 'toil.jobStores.aws.jobStore.AWSJobStore'> "
      "with region: us-east-1")
    t("toil.cwl.cwltoil", logging.INFO, "Collecting input files...")
    t("toil.cwl.cwltoil", logging.INFO, "Collecting tool-associated files...")
    t("toil.cwl.cwltoil", logging.INFO, "Importing tool-associated files...")
    t("toil.cwl.cwltoil", logging.INFO, "Importing input files...")
    t("toil.cwl.cwltoil", logging.INFO, "Creating root job")
    t("toil.cwl.cwltoil", logging.INFO, "Starting workflow")
    samples = ["NA12878", "NA12891", "NA12892"]
    insts = {s: (["w8k2m4q1", "p3x9c7v2", "r6t1y8u4"][n], ["a1s2d3f4", "g5h6j7k8", "l9z0x1c2"][n])
             for n, s in enumerate(samples)}
    for n, sample in enumerate(samples):
        bwa, sort = insts[sample]
        t("toil.leader", logging.INFO, "Issued job %s with job batch system ID: %s and %s", job("bwa_mem", bwa), n,
          "disk: 120.0 Gi, memory: 30.0 Gi, cores: 16, accelerators: [], preemptible: True")
    t("toil.leader", logging.INFO, "%s jobs are running, %s jobs are issued and waiting to run", 3, 0)
    for n, sample in enumerate(samples):
        bwa, sort = insts[sample]
        t("toil.leader", logging.INFO, "Issued job %s with job batch system ID: %s and %s", job("samtools_sort", sort),
          3 + n, "disk: 80.0 Gi, memory: 8.0 Gi, cores: 4, accelerators: [], preemptible: True")
    # miniwdl starts its workflow on the same node while the alignments run.
    run_dir = "/fsx/runs/20240511_144446_variant_calling"

    def w(_logger, _level, _msg, **kw):
        lg(wdl, _logger).log(_level, StructuredLogMessage(_msg, **kw) if kw else _msg)

    with level_names({25: "NOTICE", 15: "VERBOSE"}):
        wf = "wdl.w:variant_calling"
        w(wf, 25, "miniwdl", version="v1.15.0", uname="Linux ip-10-0-1-23.ec2.internal 6.1.90-99.173.amzn2023.x86_64 "
          "#1 SMP PREEMPT_DYNAMIC Wed May  1 23:36:16 UTC 2024 x86_64")
        w(wf, 20, "task thread pool initialized", task_concurrency=16)
        w(wf, 25, "workflow start", name="variant_calling", source="variant_calling.wdl", line=1, column=1,
          dir=run_dir)
        w(wf, 25, "downloading input URIs", count=3)
        for k, uri in enumerate(("s3://acme-genomics-ref/GRCh38/Homo_sapiens_assembly38.fasta",
                                 "s3://acme-genomics-ref/GRCh38/Homo_sapiens_assembly38.fasta.fai",
                                 "s3://acme-genomics-ref/GRCh38/Homo_sapiens_assembly38.dict")):
            w(f"{wf}.download{k}", 20, "downloaded input", uri=uri,
              path=f"{run_dir}/download/{k}/{uri.rsplit('/', 1)[1]}",
              bytes=[3249912778, 160928, 568012][k])
        w(wf, 25, "docker swarm resources", workers=1, max_cpus=64, max_mem_bytes=266287972352, total_cpus=64,
          total_mem_bytes=266287972352)
        # The per-interval scatter of the caller first (its shards run in the task thread pool).
        for shard in range(8):
            tl = f"{wf}.t:call-haplotype_caller-{shard}"
            tdir = f"{run_dir}/call-haplotype_caller-{shard}"
            w(tl, 25, "task setup", name="haplotype_caller", source="variant_calling.wdl", line=41, column=1,
              dir=tdir, thread=140317011527424 - 8392704 * (shard % 4))
            w(tl, 20, "input", name="interval", value=f"chr{shard + 1}")
            if shard == 0:
                w(tl, 25, "docker image", tag="broadinstitute/gatk:4.5.0.0", id="sha256:5b2c1f0d9e8a7b6c5d4e3f2a1b0c"
                  "9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c", RepoDigest="broadinstitute/gatk@sha256:5b2c1f0d9e8a7b6c5d4"
                  "e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c")
            w(tl, 20, "effective runtime", cpu=8, memory_reservation=34359738368,
              docker="broadinstitute/gatk@sha256:5b2c1f0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c",
              maxRetries=1)
            w(tl, 15, f"2024-05-11 14:4{5 + shard // 4}:{10 + shard * 6:02d} 14:4{5 + shard // 4}:"
                      f"{10 + shard * 6:02d}.{411 + shard:03d} INFO  ProgressMeter -      chr{shard + 1}:"
                      f"{(shard + 3) * 1187311}   {0.5 + shard / 10:.1f}   {(shard + 2) * 41233}   "
                      f"{(shard + 2) * 82466.0:.1f}")
            w(tl, 25, "docker task exit", state="complete", exit_code=0)
            w(tl, 25, "done")
            if shard % 3 == 1:
                t("toil.leader", logging.INFO, "%s jobs are running, %s jobs are issued and waiting to run",
                  6 - shard // 3, 0)
        tasks = [("haplotype_caller", 41, "broadinstitute/gatk:4.5.0.0", "sha256:5b2c1f0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b"
                  "4c3d2e1f0a9b8c7d6e5f4a3b2c", 8, "32G"),
                 ("bcftools_norm", 67, "quay.io/biocontainers/bcftools:1.19--h8b25389_1", "sha256:0e9f8a7b6c5d4e3f2a1b0"
                  "c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e", 2, "4G"),
                 ("vep", 88, "ensemblorg/ensembl-vep:release_111.0", "sha256:9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f"
                  "8a7b6c5d4e3f2a1b0c", 4, "8G")]
        thread_ids = [140317011527424, 140317003134720, 140316994742016]
        for n, (task, line, image, digest, cpu, mem) in enumerate(tasks):
            tl = f"{wf}.t:call-{task}"
            tdir = f"{run_dir}/call-{task}"
            w(tl, 25, "task setup", name=task, source="variant_calling.wdl", line=line, column=1, dir=tdir,
              thread=thread_ids[n])
            w(tl, 20, "input", name="sample_id", value="NA12878")
            w(tl, 20, "input", name="bam", value=f"{run_dir}/download/bam/NA12878.sorted.bam")
            w(tl, 25, "docker image", tag=image, id=digest, RepoDigest=image.split(":")[0] + "@" + digest)
            w(tl, 20, "effective runtime", cpu=cpu, memory_reservation=int(mem[:-1]) * 1073741824, docker=image,
              maxRetries=1)
            if task == "bcftools_norm":
                w(tl, 25, "docker task exit", state="complete", exit_code=0)
            if task == "haplotype_caller":
                for line_ in ("Using GATK jar /gatk/gatk-package-4.5.0.0-local.jar",
                              "14:45:02.118 INFO  HaplotypeCaller - " + "-" * 60,
                              "14:45:02.119 INFO  HaplotypeCaller - The Genome Analysis Toolkit (GATK) v4.5.0.0",
                              "14:45:02.411 INFO  ProgressMeter - Starting traversal"):
                    w(tl, 15, "2024-05-11 14:45:02 " + line_)
                w(tl, 25, "docker task exit", state="complete", exit_code=0)
            if task != "vep":
                w(tl, 25, "done")
    # Back in Toil: one sort job runs out of memory on a small spot instance.
    bwa, sort = insts["NA12891"]
    t("toil.leader", logging.INFO, "%s jobs are running, %s jobs are issued and waiting to run", 4, 2)
    lines = worker_lines([
        (logging.INFO, "toil.worker", "---TOIL WORKER OUTPUT LOG---"),
        (logging.INFO, "toil", "Running Toil version 9.5.0 on host ip-10-0-7-142.ec2.internal."),
        (logging.INFO, "toil.worker", "Working on job %s" % job("samtools_sort", sort)),
        (None, None, "[job samtools_sort] /var/lib/toil/node-5f2a/d41c/tmpq8n2x3k1$ docker \\"),
        (None, None, "    run \\"),
        (None, None, "    -i \\"),
        (None, None, "    --mount=type=bind,source=/var/lib/toil/node-5f2a/d41c/tmpq8n2x3k1,target=/var/spool/"
                     "cwl \\"),
        (None, None, "    quay.io/biocontainers/samtools:1.19.2--h50ea8bc_1 \\"),
        (None, None, "    samtools \\"),
        (None, None, "    sort \\"),
        (None, None, "    -@ \\"),
        (None, None, "    4 \\"),
        (None, None, "    -m \\"),
        (None, None, "    2G \\"),
        (None, None, "    -o \\"),
        (None, None, "    NA12891.sorted.bam \\"),
        (None, None, "    /var/lib/cwl/stg4a1b2c3d/NA12891.bam"),
        (None, None, "[bam_sort_core] merging from 24 files and 4 in-memory blocks..."),
        (None, None, "samtools sort: couldn't allocate memory for bam_mem"),
        (None, None, "[job samtools_sort] Max memory used: 7843MiB"),
        (None, None, "[job samtools_sort] completed permanentFail"),
        (logging.ERROR, "toil.cwl.cwltoil", "Got exception 'Command failed with exit code 1' while copying "
                                            "'NA12891.sorted.bam'"),
        (logging.INFO, "toil.worker", "Worker log can be found at /var/lib/toil/node-5f2a/d41c. Set --cleanWorkDir "
                                      "to retain this log"),
        (logging.ERROR, "toil.worker", "Exiting the worker because of a failed job on host ip-10-0-7-142.ec2.internal"),
    ])
    relay(f"kind-CWLJob/instance-{sort}", lines,
          "The job seems to have left a log file, indicating failure: %s" % job("samtools_sort", sort, 3))
    t("toil.leader", logging.WARNING, "Job %s is completely failed", job("samtools_sort", sort, 4))
    t("toil.leader", logging.INFO, "Waiting %s seconds to retry job %s", 30, job("samtools_sort", sort, 4))
    t("toil.leader", logging.INFO, "Job %s has finished its backoff period", job("samtools_sort", sort, 4))
    t("toil.leader", logging.INFO, "Issued job %s with job batch system ID: %s and %s", job("samtools_sort", sort, 5),
      7, "disk: 80.0 Gi, memory: 16.0 Gi, cores: 4, accelerators: [], preemptible: False")
    # The spot instance under another job is reclaimed: its batch system job vanishes.
    t("toil.leader", logging.WARNING, "No log file is present, despite job failing: %s", job("bwa_mem", insts[
        "NA12892"][0], 2))
    t("toil.leader", logging.INFO, "Issued job %s with job batch system ID: %s and %s", job("bwa_mem", insts[
        "NA12892"][0], 3), 8, "disk: 120.0 Gi, memory: 30.0 Gi, cores: 16, accelerators: [], preemptible: True")
    for n in range(4):
        t("toil.leader", logging.INFO, "%s jobs are running, %s jobs are issued and waiting to run", 3 - n // 2, n % 2)
    # miniwdl's annotation task is killed by the OOM killer.
    with level_names({25: "NOTICE", 15: "VERBOSE"}):
        tl = f"{wf}.t:call-vep"
        tdir = f"{run_dir}/call-vep"
        for line_ in ("2024-05-11 14:45:31 - Read 1240712 variants from NA12878.norm.vcf.gz",
                      "2024-05-11 14:45:33 - Processing chromosome chr1",
                      "2024-05-11 14:45:58 - Processing chromosome chr2"):
            w(tl, 15, line_)
        w(tl, 40, "docker task exit", state="failed", exit_code=137)
        w(tl, 40, "task %s (%s Ln %d Col %d) failed" % ("vep", "variant_calling.wdl", 88, 1), dir=tdir,
          error="CommandFailed", exit_status=137, stderr_file=f"{tdir}/stderr.txt",
          stdout_file=f"{tdir}/stdout.txt", pos={"source": "/fsx/pipelines/variant_calling.wdl", "line": 88,
                                                  "column": 1})
        w(wf, 40, "call failure propagating", **{"from": "call-vep", "dir": run_dir})
        w(f"{wf}.t:call-vcf_stats", 30, "aborting", reason="workflow failure")
    printed(stream, json.dumps({"error": "RunFailed", "workflow": "variant_calling", "run": "variant_calling",
                                "dir": run_dir, "cause": {"error": "CommandFailed", "exit_status": 137,
                                                          "stderr_file": f"{tdir}/stderr.txt",
                                                          "stdout_file": f"{tdir}/stdout.txt", "run": "call-vep",
                                                          "dir": tdir, "pos": {"source":
                                                                               "/fsx/pipelines/variant_calling.wdl",
                                                                               "line": 88, "column": 1}}}, indent=2))
    # Toil finishes: the retried sort fails again, permanently.
    lines = worker_lines([
        (logging.INFO, "toil.worker", "---TOIL WORKER OUTPUT LOG---"),
        (logging.INFO, "toil.worker", "Working on job %s" % job("samtools_sort", sort, 5)),
        (None, None, "[job samtools_sort] /var/lib/toil/node-7c1e/a9f0/tmpz1x2c3v4$ docker run -i quay.io/"
                     "biocontainers/samtools:1.19.2--h50ea8bc_1 samtools sort -@ 4 -m 2G -o NA12891.sorted.bam "
                     "/var/lib/cwl/stg9e8d7c6b/NA12891.bam"),
        (None, None, "[E::hts_open_format] Failed to open file \"/var/lib/cwl/stg9e8d7c6b/NA12891.bam\" : "
                     "No such file or directory"),
        (None, None, "samtools sort: can't open \"/var/lib/cwl/stg9e8d7c6b/NA12891.bam\": No such file or "
                     "directory"),
        (None, None, "[job samtools_sort] completed permanentFail"),
        (logging.CRITICAL, "toil.worker", "Worker crashed with traceback:\n" + tb_of(
            raised, "toil.cwl.cwltoil", "WorkflowException", "Workflow error:\nJob samtools_sort failed with "
            "permanentFail status").rstrip("\n")),
        (logging.ERROR, "toil.worker", "Exiting the worker because of a failed job on host ip-10-0-9-77.ec2.internal"),
    ])
    relay(f"kind-CWLJob/instance-{sort}", lines,
          "The job seems to have left a log file, indicating failure: %s" % job("samtools_sort", sort, 6))
    t("toil.leader", logging.WARNING, "Job %s is completely failed", job("samtools_sort", sort, 7))
    t("toil.leader", logging.INFO, "Finished toil run %s" % ("with %s failed jobs." % 2))
    t("toil.leader", logging.INFO, "Failed jobs at end of the run: %s", " ".join([
        job("samtools_sort", sort, 7), "'CWLWorkflow' align_and_sort kind-CWLWorkflow/instance-q1w2e3r4 v9"]))
    t("toil.cwl.cwltoil", logging.ERROR, "Got exception '%s' while copying '%s'", "NoSuchKey", out +
      "NA12891.sorted.bam")
    return {"name": "toil-miniwdl", "programs": [toil, wdl], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A p5 training node on an AWS ParallelCluster: rank 0's own log file
# (torchrun --log-dir, no rank prefix) of a torchtitan pre-training run
# resumed from its checkpoint, then the lm-evaluation-harness run that
# scores the exported checkpoint on the same node.

class TitanColor:
    """torchtitan.tools.utils.Color (v0.2.2), as written there."""
    red = "\033[31m"
    green = "\033[32m"
    yellow = "\033[33m"
    blue = "\033[34m"
    magenta = "\033[35m"
    cyan = "\033[36m"
    reset = "\033[39m"
    orange = "\033[38;2;180;60;0m"
    turquoise = "\033[38;2;54;234;195m"


BAR = "\u2588" * 10


def wrap_text(string, width=140, **kwargs):
    """lm_eval.utils.wrap_text (v0.4.12), as written there."""
    import inspect
    return textwrap.fill(inspect.cleandoc(string), width=width, initial_indent="", subsequent_indent=" " * 8,
                         break_long_words=False, break_on_hyphens=False, **kwargs)


def stream_torchtitan_lm_eval():
    stream = []
    titan = Program("torchtitan", "root", logging.Formatter(TORCHTITAN), stream)
    root = lg(titan, "root")
    ev = Program("lm-evaluation-harness", "lm_eval", LMEvalFormatter(LM_EVAL, LM_EVAL_DATEFMT), stream)
    color = TitanColor
    model_args = {"dim": 4096, "n_layers": 32, "n_heads": 32, "n_kv_heads": 8, "vocab_size": 128256,
                  "multiple_of": 1024, "ffn_dim_multiplier": 1.3, "norm_eps": 1e-05, "rope_theta": 500000,
                  "rope_scaling_args": None, "max_seq_len": 8192, "depth_init": True, "use_flex_attn": False,
                  "attn_mask_type": "causal", "eos_id": 0}
    root.info("torchtitan version: %s (0.0.0 means __version__ is not defined correctly).", "0.2.2")
    root.info(f"Starting job: {'Llama 3 8B continued pre-training (acme-docs v3)'}")
    root.info("Building device mesh with parallelism: pp=1, dp_replicate=1, dp_shard=16, cp=1, tp=1, ep=1, etp=1")
    root.info(f"Successfully created meshes with active dimensions: {['dp_shard', 'dp_shard_cp', 'dp_cp', 'fsdp']}")
    root.info(f"CUDA capacity: {'NVIDIA H100 80GB HBM3'} with {79.11:.2f}GiB memory")
    root.info("Loading tokenizer from tokenizer.json")
    root.info(f"Preparing {'acme_docs'} dataset from {'/fsx/datasets/acme-docs-v3/train'}")
    root.info(f"Building llama3 8B"
              f"with {json.dumps(model_args, indent=2, ensure_ascii=False)}")
    root.info(f"{color.blue}Model llama3 8B {color.red}size: {8030261248:,} total parameters{color.reset}")
    root.info("Applied selective activation checkpointing to the model")
    root.info("Compiling each TransformerBlock with torch.compile")
    root.info("Applied FSDP to the model")
    root.info(f"Peak FLOPS used for computing MFU: {9.890e14:.3e}")
    root.info(f"CUDA memory usage for model: {3.78:.2f}GiB({4.78:.2f}%)")
    root.info("Mixed precision training is handled by fully_shard")
    root.info("Trainer is initialized with local batch size 2, global batch size 32, gradient accumulation steps 1, "
              "sequence length 8192, total steps 3000 (warmup 200)")
    root.info(f"Loading the checkpoint from {'/fsx/checkpoints/acme-8b/step-1800'}.")
    root.info("[GC] %s took %.2f seconds", "GC collection for checkpoint loading.", 0.43)
    root.info(f"Finished loading the checkpoint in {38.71:.2f} seconds.")
    root.info(f"Training starts at step {1801}")
    step = 1800
    loss = 2.41883
    for n in range(48):
        step += 10
        loss -= 0.0031 * (1 + (n % 5) / 5)
        spike = n == 23
        root.info(f"{color.red}step: {step:2}  "
                  f"{color.green}loss: {(loss + 0.71 if spike else loss):8.5f}  "
                  f"{color.orange}grad_norm: {(4.2117 if spike else 0.3981 + (n % 7) / 100):7.4f}  "
                  f"{color.turquoise}memory: {61.94 + (n % 3) / 10:5.2f}GiB({78.30 + (n % 3) / 8:.2f}%)  "
                  f"{color.blue}tps: {round(6480 + 37 * (n % 9)):,}  "
                  f"{color.cyan}tflops: {375.41 + 2.1 * (n % 9):,.2f}  "
                  f"{color.magenta}mfu: {37.96 + 0.21 * (n % 9):.2f}%{color.reset}")
        if n % 10 == 9:
            root.info("[GC] %s took %.2f seconds", "Performing periodic GC collection", 0.11 + n / 1000)
        if n == 19:
            root.info("Saving the checkpoint (or staging if async is enabled).")
            root.info("Finished saving the checkpoint (or staging if async is enabled)"
                      f"in {44.18:.2f} seconds.")
            root.info("Checkpointer is deleting %s.", "/fsx/checkpoints/acme-8b/step-1600")
        if n == 31:
            root.info(f"{color.yellow}validate step: {step:2}  "
                      f"{color.green}loss:  {2.2871:7.4f}  "
                      f"{color.turquoise}memory: {54.12:5.2f}GiB({68.41:.2f}%)  "
                      f"{color.blue}tps: {round(14872):,}{color.reset}")
        if n == 40:
            root.warning(f"Dataset {'acme_docs'} is being re-looped")
    root.info("Saving the checkpoint (or staging if async is enabled).")
    root.info("Finished saving the checkpoint (or staging if async is enabled)"
              f"in {46.02:.2f} seconds.")
    root.info("Sleeping 2 seconds for other ranks to complete")
    root.info("Training completed")
    root.info("Process group destroyed")
    # The checkpoint is converted (print lines of the conversion script), then scored.
    printed(stream, "Converting DCP checkpoint /fsx/checkpoints/acme-8b/step-2280 to Hugging Face format...")
    printed(stream, "Saved model to /fsx/outputs/hf/acme-8b-step-2280 (4 shards, 16.06 GB)")
    site = "lm_eval/"

    def e(name, level, where, msg, *args, func=None):
        log_at(lg(ev, "lm_eval." + name), level, site + where, msg, *args, func=func)

    tasks = ["arc_challenge", "hellaswag", "mmlu", "truthfulqa_mc2", "winogrande"]
    e("_cli.run", logging.INFO, "_cli/run.py:388", "Selected Tasks: %s", tasks, func="_execute")
    e("evaluator", logging.INFO, "evaluator.py:214", " | ".join(["Setting random seed to 0",
                                                                 "Setting numpy seed to 1234",
                                                                 "Setting torch manual seed to 1234",
                                                                 "Setting fewshot manual seed to 1234"]),
      func="simple_evaluate")
    e("evaluator", logging.INFO, "evaluator.py:252", wrap_text(
        "Initializing hf model, with arguments: {'pretrained': '/fsx/outputs/hf/acme-8b-step-2280', 'dtype': "
        "'bfloat16', 'trust_remote_code': False, 'parallelize': False, 'max_length': 8192, 'add_bos_token': True, "
        "'tokenizer': '/fsx/outputs/hf/acme-8b-step-2280'}"), func="simple_evaluate")
    e("models.huggingface", logging.INFO, "models/huggingface.py:286", "Using device 'cuda:0'", func="__init__")
    printed(stream, f"Loading checkpoint shards: 100%|{BAR}| 4/4 [00:05<00:00,  1.32s/it]")
    for task in ("mmlu",):
        e("evaluator", logging.WARNING, "evaluator.py:333",
          f"Overwriting default num_fewshot of {task} from {None} to {5}", func="simple_evaluate")
    subjects = ["abstract_algebra", "anatomy", "astronomy", "business_ethics", "clinical_knowledge",
                "college_biology", "college_chemistry", "college_computer_science", "computer_security",
                "econometrics", "electrical_engineering", "machine_learning"]
    for s in subjects:
        e("evaluator", logging.WARNING, "evaluator.py:333",
          f"Overwriting default num_fewshot of mmlu_{s} from {None} to {5}", func="simple_evaluate")
    for task in ["arc_challenge", "hellaswag"] + [f"mmlu_{s}" for s in subjects] + ["truthfulqa_mc2",
                                                                                   "winogrande"]:
        e("api.task", logging.INFO, "api/task.py:312", f"Building contexts for {task} on rank {0}...",
          func="build_all_requests")
        if task in ("hellaswag", "winogrande", "arc_challenge"):
            n = {"hellaswag": 10042, "winogrande": 1267, "arc_challenge": 1172}[task]
            printed(stream, f"100%|{BAR}| {n}/{n} [00:0{2 + len(task) % 7}<00:00, {n / 3.4:.2f}it/s]")
    e("evaluator", logging.INFO, "evaluator.py:585", f"Running {'loglikelihood'} requests", func="evaluate")
    printed(stream, f"Running loglikelihood requests: 100%|{BAR}| 100012/100012 [11:42<00:00, 142.37it/s]")
    e("loggers.evaluation_tracker", logging.INFO, "loggers/evaluation_tracker.py:247", "Saving results aggregated",
      func="save_results_aggregated")
    printed(stream, "hf (pretrained=/fsx/outputs/hf/acme-8b-step-2280,dtype=bfloat16), gen_kwargs: (None), limit: "
                    "None, num_fewshot: None, batch_size: auto (64)")
    table = ["|    Tasks     |Version|Filter|n-shot| Metric |   |Value |   |Stderr|",
             "|--------------|------:|------|-----:|--------|---|-----:|---|-----:|",
             "|arc_challenge |      1|none  |     0|acc     |↑  |0.5213|±  |0.0146|",
             "|              |       |none  |     0|acc_norm|↑  |0.5538|±  |0.0145|",
             "|hellaswag     |      1|none  |     0|acc     |↑  |0.6007|±  |0.0049|",
             "|              |       |none  |     0|acc_norm|↑  |0.7891|±  |0.0041|",
             "|mmlu          |      2|none  |      |acc     |↑  |0.6412|±  |0.0038|",
             "|truthfulqa_mc2|      3|none  |     0|acc     |↑  |0.4419|±  |0.0141|",
             "|winogrande    |      1|none  |     0|acc     |↑  |0.7727|±  |0.0118|", ""]
    for line in table:
        printed(stream, line)
    return {"name": "torchtitan-lm-eval", "programs": [titan, ev], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An EC2 instance testing a Redshift migration (dc2 to ra3): Redshift Test
# Drive's Workload Replicator replays a captured day of production on the
# restored ra3 cluster, then reladiff checks the replicated tables against
# the old cluster.

def stream_replicator_reladiff():
    stream = []
    wr = Program("workload-replicator", "WorkloadReplicatorLogger", logging.Formatter(REPLICATOR, REPLICATOR_DATEFMT),
                 stream)
    wr_ids = Set(threadName="MainThread", processName="MainProcess")
    wr.handler.addFilter(wr_ids)
    wr_log = lg(wr, "WorkloadReplicatorLogger")
    wr_worker = lg(wr, "WorkloadReplicatorWorkerLogger")
    rd = Program("reladiff", "root", logging.Formatter(RELADIFF, RELADIFF_DATEFMT), stream)
    rd_root = lg(rd, "root")
    rd_db = lg(rd, "database")
    rd_diff = lg(rd, "diff_tables")
    rd_hash = lg(rd, "hashdiff_tables")
    replay_id = "2024-05-11T14:44:44.067823+00:00_ra3-migration-test_5f2a1"
    target = "acme-dw-ra3.c1x2y3z4w5v6.us-east-1.redshift.amazonaws.com:5439/prod"
    old = "acme-dw-dc2.c1x2y3z4w5v6.us-east-1.redshift.amazonaws.com:5439/prod"

    def w(level, msg, thread="MainThread", process="MainProcess", worker=False, exc_info=None):
        wr_ids.values.update(threadName=thread, processName=process)
        (wr_worker if worker else wr_log).log(level, msg, exc_info=exc_info)

    w(logging.INFO, "Starting the replay")
    w(logging.INFO, f"Logging to core/logs/replay/replay_log-{replay_id}/replay.log")
    w(logging.INFO, "== Initializing logfile ==")
    w(logging.INFO, f"Replay ID: {replay_id}")
    w(logging.INFO, "Version 0.0.1")
    w(logging.INFO, f"Replay start time: {'2024-05-11 14:44:44.067823+00:00'}")
    w(logging.INFO, "Found 412 total connections, 37 are excluded by filters. Replaying 375.")
    w(logging.INFO, "Loading transactions from s3://acme-redshift-wr/extracts/Edition_Extraction_2024-05-04T00:00:"
                    "00+00:00/, this might take some time.")
    w(logging.WARNING, "Couldn't find matching connection in 3 connections for transaction "
                       "Transaction(time_interval=True, database_name='prod', username='etl_loader', pid=1073872123, "
                       "xid=88120391, queries=[...], transaction_key='prod_etl_loader_1073872123'), skipping")
    w(logging.INFO, "Found 2211 transactions, 9874 queries")
    w(logging.INFO, f"{375} connections contain transactions and will be replayed ")
    w(logging.DEBUG, "Starting replay")
    w(logging.DEBUG, "Running with 4 workers")
    w(logging.DEBUG, "Initial child processes: 0")
    w(logging.DEBUG, "Total connections in the connection log: 375")
    for p in range(4):
        w(logging.INFO, "Starting the replay worker - %d" % p, thread="0", process=f"Process-{p + 1}", worker=True)
        w(logging.DEBUG, f"Worker {p} ready for jobs", thread="0", process=f"Process-{p + 1}", worker=True)
    users = ["etl_loader", "looker_svc", "analyst_ro", "dbt_runner"]
    job = 0
    success = 0
    failed = 0
    for cycle in range(2):
        for p in range(4):
            job += 1
            proc = f"Process-{p + 1}"
            pid_ = 1073741824 + job * 1311
            user = users[(job + p) % 4]
            start = datetime.datetime(2024, 5, 4, 10, 12, 11, 201000, tzinfo=datetime.timezone.utc) + \
                datetime.timedelta(seconds=job * 3.2)
            end = start + datetime.timedelta(seconds=2.4 + p)
            w(logging.DEBUG, f"Starting job {job} (extracted connection time: {start}). {2 + p}, {2 + p} connections "
                             "active.", thread="0", process=proc, worker=True)
            w(logging.DEBUG, f"Establishing connection {job} of {375} at {job * 3.2 + 0.004:.3f} (expected: "
                             f"{job * 3.2:.3f}, {0.004:+.3f}).  Pid: {pid_}, Connection times: {start} to {end}, "
                             f"{(end - start).total_seconds()} sec", thread=str(job - 1), process=proc, worker=True)
            if job == 6:
                def connect():
                    raised("redshift_connector.error", "InterfaceError", "('communication error', "
                           "TimeoutError(110, 'Connection timed out'))")
                try:
                    connect()
                except Exception as err:
                    w(logging.ERROR, f"({job}) Failed to initiate connection for prod-{user}-{pid_} ({{'host': "
                                     f"'{target.split(':')[0]}', 'port': 5439, 'username': 'IAM:{user}', 'password': "
                                     f"'***', 'database': 'prod', 'odbc_driver': None}}): {err}", thread=str(job - 1),
                      process=proc, worker=True, exc_info=True)
                failed += 3
                continue
            w(logging.DEBUG, f"Connected using psql for PID: {pid_}", thread=str(job - 1), process=proc, worker=True)
            for q in range(2):
                sql = ["SELECT c.customer_id, sum(o.total_cents) FROM sales.orders o JOIN crm.customers c USING "
                       "(customer_id) WHERE o.order_date >= '2024-05-01' GROUP BY 1",
                       "INSERT INTO staging.orders_delta SELECT * FROM spectrum.orders_raw WHERE dt = '2024-05-04'",
                       "ANALYZE sales.orders PREDICATE COLUMNS"][(job + q) % 3]
                if job == 7 and q == 1:
                    w(logging.DEBUG, f"Failed DB=prod, USER={user}, PID={pid_}, XID:{88120000 + job * 7 + q}, "
                                     f"Query: {q + 1}/2: permission denied for schema spectrum", thread=str(job - 1),
                      process=proc, worker=True)
                    failed += 1
                    continue
                w(logging.DEBUG, f"Executing [{sql[:60]}...] in {0.2 * q:.1f} sec", thread=str(job - 1), process=proc,
                  worker=True)
                w(logging.DEBUG, f"Replayed DB=prod, USER={user}, PID={pid_}, XID:{88120000 + job * 7 + q}, "
                                 f"Query: {q + 1}/2 ({0.412 + q * 0.7:.3f} sec)", thread=str(job - 1), process=proc,
                  worker=True)
                success += 1
            w(logging.DEBUG, f"Context closing for pid: {pid_}", thread=str(job - 1), process=proc, worker=True)
            w(logging.DEBUG, f"Disconnected for PID: {pid_}", thread=str(job - 1), process=proc, worker=True)
        w(logging.INFO, f"Queries executed: {success + failed} of {9874} "
                        f"({100 * (success + failed) / 9874:.1f}%)  [Success: {success} "
                        f"({100 * success / (success + failed):.1f}%), Failed: {failed} "
                        f"({100 * failed / (success + failed):.1f}%), Peak connections: {31 + cycle}]")
    w(logging.INFO, "Queue full, retrying attempt 1")
    w(logging.WARNING, "Connection at 2024-05-04 10:14:52.118000+00:00 offset by +301.442 sec", thread="77",
      process="Process-3", worker=True)
    for p in range(4):
        w(logging.DEBUG, f"Process {p} finished", thread="0", process=f"Process-{p + 1}", worker=True)
    w(logging.DEBUG, "Aggregating stats")
    w(logging.INFO, "Replay summary:")
    for line in ("Attempted to replay 9874 queries, 2211 transactions, 375 connections.",
                 "Successfully replayed 2187 out of 2211 (99%) transactions.",
                 "Successfully replayed 9809 out of 9874 (99%) queries.",
                 "Encountered 3 connection errors and 21 transaction errors",
                 "Replay finished in 1:41:07.294422."):
        w(logging.INFO, line)
    w(logging.INFO, "Replay finished in 1:41:07.301905.")
    w(logging.INFO, "Saving 3 connection errors, 21 transaction_errors")
    w(logging.INFO, f"Exporting connection errors to s3://acme-redshift-wr/replays/{replay_id}/connection_errors/")
    w(logging.INFO, f"Exporting transaction errors to s3://acme-redshift-wr/replays/{replay_id}/transaction_errors/")
    w(logging.INFO, "Exporting system tables to s3://acme-redshift-wr/replays/")
    w(logging.INFO, "Exported system tables to s3://acme-redshift-wr/replays/")
    w(logging.INFO, "Uploading replay logs to acme-redshift-wr/replays")
    # reladiff, table by table (-d: its SQL too).
    conf = {"database1": f"redshift://admin:********@{old}", "database2": f"redshift://admin:********@{target}",
            "key_columns": ["order_id"], "update_column": "updated_at", "threads": 4}
    rd_root.debug(f"Applied run configuration: {conf}")
    for n, (table, extra, diffs) in enumerate((("sales.orders", ("status", "total_cents", "customer_id"), 0),
                                               ("sales.order_items", ("sku", "quantity", "unit_cents"), 3),
                                               ("crm.customers", ("email", "tier", "metadata"), 0))):
        rd_db.debug("Running SQL (%s): %s", "Redshift", "SET TIME ZONE 'UTC'")
        rd_db.debug("Running SQL (%s): %s", "Redshift", "SELECT column_name, data_type, datetime_precision, "
                    "numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = '%s' AND "
                    "table_schema = '%s'" % (table.split(".")[1], table.split(".")[0]))
        # a set's repr, in one of its orders (hash order differs between runs)
        rd_root.debug("Available mutual columns: {%s}" % ", ".join(map(repr, ("order_id",) + extra + ("updated_at",))))
        if "metadata" in extra:
            rd_hash.warning("[Redshift] Column 'metadata' of type 'Text(_notes=[], collation=None)' has no "
                            "compatibility handling. If encoding/formatting differs between databases, it may "
                            "result in false positives.")
        rd_root.info(f"Diffing using columns: key={('order_id',)} update=updated_at extra={extra}.")
        rd_root.info("Using algorithm 'hashdiff'.")
        rd_db.debug("Running SQL (%s): %s", "Redshift", "SELECT min(\"order_id\"), max(\"order_id\") FROM %s" % table)
        rd_diff.info(f"Diffing segments at key-range: 1..{9884512 - n * 3000000}. size: table1 <= "
                     f"{9884511 - n * 3000000}, table2 <= {9884511 - n * 3000000}")
        for seg in range(1, 5):
            rd_hash.info(". " * 1 + f"Diffing segment {seg}/32, key-range: {1 + (seg - 1) * 308892}..{seg * 308892}, "
                         f"size <= {308891}")
            rd_db.debug("Running SQL (%s): %s", "Redshift", "SELECT count(*), sum(('x' || substring(md5(concat("
                        "cast(\"order_id\" as varchar(256)), '|', to_char(\"updated_at\", 'YYYY-mm-dd HH24:MI:SS.US'"
                        "))), 18))::bit(64)::bigint::numeric(38, 0)) FROM %s WHERE (%d <= \"order_id\") AND "
                        "(\"order_id\" < %d)" % (table, 1 + (seg - 1) * 308892, 1 + seg * 308892))
            if diffs and seg == 3:
                rd_hash.info(". " * 2 + f"Diffing segment {1}/32, key-range: {617785}..{627437}, size <= {9652}")
                rd_hash.info(". " * 2 + f"Diff found {diffs} different rows.")
        if diffs:
            for row in ("- 622911, SKU-88123, 2, 1999, 2024-05-04 10:31:02", "+ 622911, SKU-88123, 2, 1999, "
                        "2024-05-04 10:31:02.331", "- 624004, SKU-10077, 1, 4599, 2024-05-04 11:02:17"):
                printed(stream, row)
        rd_root.info(f"Duration: {88.31 + n * 12.4:.2f} seconds.")
    # The last table: the old cluster is paused by the nightly schedule.
    rd_root.error("could not connect to server: Connection timed out\n\tIs the server running on host "
                  "\"acme-dw-dc2.c1x2y3z4w5v6.us-east-1.redshift.amazonaws.com\" (10.40.12.7) and accepting\n\t"
                  "TCP/IP connections on port 5439?\n")
    return {"name": "replicator-reladiff", "programs": [wr, rd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The identity team's ECS service: privacyIDEA's container (gunicorn and
# the app, its Docker logging config) beside the Mattermost ChatOps bot on
# mmpy_bot that the help desk uses to reset users' second factors through
# privacyIDEA's API.

def stream_privacyidea_mmpy_bot():
    import gunicorn.glogging
    stream = []
    pi = Program("privacyidea", "privacyidea.app", SecureFormatter(PRIVACYIDEA, PRIVACYIDEA_DATEFMT), stream)
    pi_thread = Set(thread=140035481376576)
    pi.handler.addFilter(pi_thread)
    gun = Program("gunicorn", "gunicorn.error", logging.Formatter(gunicorn.glogging.Logger.error_fmt,
                                                                  gunicorn.glogging.Logger.datefmt), stream)
    bot = Program("mmpy_bot", "mmpy.bot", logging.Formatter(MMPY_BOT, MMPY_BOT_DATEFMT), stream)
    pi_url = "https://mfa.acme.internal"

    def p(name, level, where, func, msg, *args, exc_info=None, worker=8):
        pi_thread.values.update(thread=140035481376576 + 8392704 * (worker - 7))
        with pid(worker):
            log_at(lg(pi, name), level, "privacyidea/" + where, msg, *args, exc_info=exc_info, func=func)

    def b(name, level, msg, *args, exc_info=None):
        lg(bot, name).log(level, msg, *args, exc_info=exc_info)

    def access(ip, method, path, status, size):
        b("aiohttp.access", logging.INFO, '%s [%s] "%s %s HTTP/1.1" %s %s "-" "%s"', ip, now("%d/%b/%Y:%H:%M:%S +0000"),
          method, path, status, size, "Alertmanager/0.27.0")

    # privacyIDEA's container starts.
    with pid(1):
        lg(gun, "gunicorn.error").info("Starting gunicorn %s", "23.0.0")
        lg(gun, "gunicorn.error").info("Listening at: %s (%s)", "http://0.0.0.0:8080", 1)
        lg(gun, "gunicorn.error").info("Using worker: %s", "sync")
    for worker in (7, 8):
        with pid(worker):
            lg(gun, "gunicorn.error").info("Booting worker with pid: %s", worker)
        p("privacyidea.app", logging.WARNING, "app.py:239", "_check_base_url",
          "'PI_BASE_URL' is not configured! Password recovery is disabled and user-facing links (the {url} "
          "notification tag) are left blank. They are never built from the untrusted HTTP Host header. Set "
          "PI_BASE_URL in pi.cfg to the public URL of this privacyIDEA server.", worker=worker)
    p("privacyidea.app", logging.WARNING, "app.py:272", "_setup_node_configuration",
      f"Generating a random UUID: {'2b6c1f0e-8a9d-4e3c-b7f5-1d2e3f4a5b6c'}! If persisting the UUID fails, it will "
      "change on every application start", worker=7)
    p("privacyidea.app", logging.INFO, "app.py:278", "_setup_node_configuration",
      f"Successfully wrote current UUID to file '{'/etc/privacyidea/uuid.txt'}'", worker=7)
    # The bot starts beside it.
    b("mmpy.bot", logging.INFO, "Starting bot Bot.")
    b("mmpy.threadpool", logging.INFO, "Scheduler thread started.")
    b("mmpy.threadpool", logging.INFO, "Webhook server thread started.")
    b("mmpy.event_handler", logging.INFO, "EventHandlerWebHook queue listener started.")
    b("aiohttp.web", logging.INFO, "======== Running on http://0.0.0.0:8579 ========")
    b("mattermostautodriver.websocket", logging.INFO, "Websocket authentification OK")
    # The bot logs in to privacyIDEA with its admin account, then serves requests.
    p("privacyidea.api.auth", logging.INFO, "api/auth.py:416", "get_auth_token",
      f"Local admin '{'helpdesk-bot'}' successfully logged in.")
    users = [("jdoe", "TOTP0001A2B3", 7), ("mpatel", "PIPU0006F1E2", 8), ("kwong", "TOTP00019C4D", 7),
             ("lgarcia", "HOTP000077AB", 8), ("spark", "WAN00012B3C", 7), ("tnguyen", "TOTP0002D4E5", 8),
             ("abrown", "PIPU00071122", 7), ("cmiller", "TOTP0003A9B8", 8), ("dkim", "WAN000244CD", 7),
             ("ehassan", "TOTP00045F60", 8), ("fsilva", "HOTP00008E7F", 7), ("gjones", "TOTP00051A2C", 8)]
    for n, (user, serial, worker) in enumerate(users):
        access("10.0.3.88", "POST", "/hooks/mfa", 200, 17)
        b("mfa_helpdesk", logging.INFO, "Resetting fail counter of %s for %s (requested by @%s)", serial, user,
          ["alice", "bob", "carol"][n % 3])
        if n in (1, 6, 10):
            p("privacyidea.lib.token", logging.INFO, "lib/token.py:2586", "check_token_list",
              f"Skipping authentication try for token {serial} because policy force_challenge_response is set.",
              worker=worker)
        if n == 2:
            # The LDAP resolver's service account password was rotated in Secrets Manager, not in the resolver.
            p("privacyidea.lib.resolvers.LDAPIdResolver", logging.ERROR, "lib/resolvers/LDAPIdResolver.py:586",
              "_bind", "LDAP Bind unsuccessful: %s (%s)!" % ("invalidCredentials", 49), worker=worker)

            def call():
                def bot_reset():
                    raised("requests.exceptions", "HTTPError", f"400 Client Error: BAD REQUEST for url: "
                           f"{pi_url}/token/resetfailcounter")
                bot_reset()
            try:
                call()
            except Exception:
                b("mmpy.function", logging.ERROR, "Exception occurred: ", exc_info=True)
            continue
        b("mfa_helpdesk", logging.INFO, "Fail counter of %s reset: %s", serial, {"result": {"status": True,
                                                                                             "value": 1},
                                                                                  "version": "privacyIDEA 3.13.3"})
    # A user name pasted from chat carries a line break into the LDAP filter.
    access("10.0.3.88", "POST", "/hooks/mfa", 200, 17)
    p("privacyidea.lib.resolvers.LDAPIdResolver", logging.INFO, "lib/resolvers/LDAPIdResolver.py:548",
      "getUserId", f"The filter '{'(&(sAMAccountName=r.okafor' + chr(10) + ')(objectClass=person))'}' returned no DN.")
    b("mfa_helpdesk", logging.WARNING, "No user %r in realm %s", "r.okafor\n", "acme")
    # Validate traffic from the VPN's RADIUS plugin.
    for n in range(10):
        user, serial, worker = users[n % 5]
        if n % 3 == 0:
            p("privacyidea.lib.token", logging.INFO, "lib/token.py:2586", "check_token_list",
              f"Skipping authentication try for token {serial} because policy force_challenge_response is set.",
              worker=worker)
        if n == 3:
            p("privacyidea.lib.token", logging.INFO, "lib/token.py:2670", "check_token_list",
              "Received a valid response to a challenge for a non-fit token {0!s}. {1!s}".format(
                  serial, "Challenge matches, but token is not fit for challenge. Token is disabled"), worker=worker)
        elif n == 4:
            p("privacyidea.lib.resolvers.LDAPIdResolver", logging.INFO, "lib/resolvers/LDAPIdResolver.py:390",
              "checkPass", f"Failed to check password for {user!r}/"
              f"{'CN=svc-privacyidea,OU=Service,DC=acme,DC=internal'!r}: {'invalidCredentials'}", worker=worker)
    # The admin fixes the resolver; the bot's websocket drops when Mattermost is upgraded.
    p("privacyidea.api.auth", logging.INFO, "api/auth.py:416", "get_auth_token", f"Local admin '{'admin'}' "
      "successfully logged in.", worker=8)
    b("mattermostautodriver.websocket", logging.INFO, "Disconnecting websocket")
    b("mmpy.bot", logging.INFO, "Stopping bot.")
    b("mmpy.threadpool", logging.INFO, "Stopping threadpool, waiting for threads...")
    b("mmpy.threadpool", logging.INFO, "Scheduler thread stopped.")
    b("mmpy.threadpool", logging.INFO, "Webhook server thread stopped.")
    b("mmpy.threadpool", logging.INFO, "Threadpool stopped.")
    b("mmpy.bot", logging.INFO, "Starting bot Bot.")
    b("mmpy.threadpool", logging.INFO, "Scheduler thread started.")
    b("mattermostautodriver.websocket", logging.INFO, "Websocket authentification OK")
    with pid(1):
        lg(gun, "gunicorn.error").critical("WORKER TIMEOUT (pid:%s)", 7)
    p("privacyidea.lib.resolvers.LDAPIdResolver", logging.ERROR, "lib/resolvers/LDAPIdResolver.py:582", "_bind",
      f"Error performing bind operation: {'socket connection error while opening: timed out'}!", worker=7)
    with pid(1):
        lg(gun, "gunicorn.error").error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 7)
    with pid(9):
        lg(gun, "gunicorn.error").info("Booting worker with pid: %s", 9)
    return {"name": "privacyidea-mmpy-bot", "programs": [pi, gun, bot], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An AWS Batch job of a neuroimaging lab: DataLad fetches one participant
# of an OpenNeuro dataset (its annexed files from the dataset's public S3
# remote), then fMRIPrep preprocesses it (its records and nipype's, in the
# job's one log stream).

FMRIPREP_NOTICE = """fMRIPrep
Copyright The NiPreps Developers.

This product includes software developed by
the NiPreps Community (https://nipreps.org/).

Portions of this software were developed at the Department of
Psychology at Stanford University, Stanford, CA, US.

This software is also distributed as a Docker container image.
The bootstrapping file for the image ("Dockerfile") is licensed
under the MIT License.

This software may be distributed through an add-on package called
"Docker Wrapper" that is under the BSD 3-clause License."""


def stream_datalad_fmriprep():
    stream = []
    dl = Program("datalad", "datalad", DataladFormatter(), stream)
    fp = Program("fmriprep", "nipype.workflow", logging.Formatter(FMRIPREP, FMRIPREP_DATEFMT), stream)
    ds = "/data/ds003097"
    sub = "0042"
    work = "/scratch/work/fmriprep_25_2_wf"

    def d(name, level, msg, *args):
        lg(dl, name).log(level, msg, *args)

    def f(name, level, msg, *args, exc_info=None):
        lg(fp, name).log(level, msg, *args, exc_info=exc_info)

    printed(stream, "+ datalad clone https://github.com/OpenNeuroDatasets/ds003097.git /data/ds003097")
    d("datalad.annex", logging.INFO, "scanning for annexed files (this may take some time)")
    d("datalad.annex", logging.INFO, "Remote origin not usable by git-annex; setting annex-ignore")
    d("datalad.annex", logging.INFO, "https://github.com/OpenNeuroDatasets/ds003097.git/config download failed: "
                                     "Not Found")
    d("datalad.core.distributed.clone", logging.INFO, 'access to %s %s not auto-enabled, enable with:\n'
      '\t\tdatalad siblings -d "%s" enable -s %s', "1 dataset sibling", "s3-PRIVATE", ds, "s3-PRIVATE")
    printed(stream, f"install(ok): {ds} (dataset)")
    printed(stream, f"+ datalad get -d {ds} -J 8 {ds}/sub-{sub} {ds}/dataset_description.json {ds}/participants.tsv")
    d("datalad.distribution.get", logging.INFO, "Ensuring presence of %s%s", Shown(f"Dataset('{ds}')"),
      f" to get {ds}/sub-{sub}")
    files = ["anat/sub-0042_T1w.nii.gz", "anat/sub-0042_T2w.nii.gz", "func/sub-0042_task-rest_run-1_bold.nii.gz",
             "func/sub-0042_task-rest_run-2_bold.nii.gz", "func/sub-0042_task-movie_bold.nii.gz",
             "fmap/sub-0042_dir-AP_epi.nii.gz", "fmap/sub-0042_dir-PA_epi.nii.gz", "dwi/sub-0042_dwi.nii.gz"]
    for n, name in enumerate(files):
        printed(stream, f"get(ok): sub-{sub}/{name} (file) [from s3-PUBLIC...]")
    printed(stream, "get(ok): dataset_description.json (file) [from s3-PUBLIC...]")
    printed(stream, "get(ok): participants.tsv (file) [from s3-PUBLIC...]")
    printed(stream, "action summary:")
    printed(stream, "  get (notneeded: 1, ok: 10)")
    printed(stream, f"+ fmriprep {ds} /out participant --participant-label {sub} --fs-license-file /opt/fs/license.txt "
                    f"-w /scratch/work --nprocs 16 --mem-mb 60000 --output-spaces MNI152NLin2009cAsym:res-2 "
                    "--skip-bids-validation")
    with level_names({25: "IMPORTANT", 15: "VERBOSE"}):
        banner = ["Running fMRIPrep version 25.2.5\n", f'License NOTICE {"#" * 50}', "fMRIPrep 25.2.5"]
        banner += FMRIPREP_NOTICE.splitlines(keepends=False)[1:]
        banner += ["#" * len(banner[1])]
        f("nipype.workflow", 25, f'\n{" " * 9}'.join(banner))
        init_msg = ["Building fMRIPrep's workflow:", f"BIDS dataset path: {ds}.",
                    f"Participants and sessions: sub-{sub}.",
                    "Run identifier: 20240511-144444_5e9b2d1c-7f3a-4e8b-9c0d-1a2b3c4d5e6f.",
                    "Output spaces: MNI152NLin2009cAsym:res-2."]
        f("nipype.workflow", 25, f'\n{" " * 11}* '.join(init_msg))
        f("nipype.workflow", logging.INFO, "ANAT Stage 1: Adding template workflow")
        f("nipype.workflow", logging.INFO, "B0 field inhomogeneity map will be estimated with the following "
          f"{1} estimator(s): {['<EstimatorType.PEPOLAR: 2>']}.")
        f("nipype.workflow", logging.INFO, f"fMRIPrep workflow graph with {1874} nodes built successfully.")
        f("nipype.workflow", 25, "fMRIPrep started!")
        f("nipype.workflow", logging.INFO, "Workflow %s settings: %s", "fmriprep_25_2_wf",
          str(sorted(["check", "execution", "logging", "monitoring"])))
        nodes = [("sub_0042_wf.anat_fit_wf.brain_extraction_wf.lap_tmpl", "nipype.interfaces.ants.utils.ImageMath",
                  3.1),
                 ("sub_0042_wf.anat_fit_wf.brain_extraction_wf.init_aff", "niworkflows.interfaces.fixes."
                  "FixHeaderApplyTransforms", 1.4),
                 ("sub_0042_wf.anat_fit_wf.brain_extraction_wf.norm", "nipype.interfaces.ants.registration."
                  "Registration", 371.22),
                 ("sub_0042_wf.bold_task_rest_run_1_wf.bold_fit_wf.hmc_boldref_wf.gen_avg", "niworkflows.interfaces."
                  "images.RobustAverage", 21.7),
                 ("sub_0042_wf.bold_task_rest_run_1_wf.bold_fit_wf.hmc_boldref_wf.validation_and_dummies_wf."
                  "calc_dummy_scans", "niworkflows.interfaces.bold.NonsteadyStatesDetector", 0.8),
                 ("sub_0042_wf.fmap_preproc_wf.wf_auto_00000.setwise_avg.clip_wm_gm", "nipype.interfaces.utility."
                  "wrappers.Function", 0.2),
                 ("sub_0042_wf.anat_fit_wf.surface_recon_wf.autorecon1", "nipype.interfaces.freesurfer.preprocess."
                  "ReconAll", 1288.5),
                 ("sub_0042_wf.bold_task_movie_wf.bold_fit_wf.hmc_boldref_wf.gen_avg", "niworkflows.interfaces.images."
                  "RobustAverage", 18.9),
                 ("sub_0042_wf.bold_task_rest_run_1_wf.bold_fit_wf.bold_hmc_wf.mcflirt", "nipype.interfaces.fsl."
                  "preprocess.MCFLIRT", 212.4),
                 ("sub_0042_wf.bold_task_rest_run_2_wf.bold_fit_wf.bold_hmc_wf.mcflirt", "nipype.interfaces.fsl."
                  "preprocess.MCFLIRT", 208.8),
                 ("sub_0042_wf.fmap_preproc_wf.wf_auto_00000.topup", "nipype.interfaces.fsl.epi.TOPUP", 644.1),
                 ("sub_0042_wf.anat_fit_wf.anat_template_wf.denoise", "nipype.interfaces.ants.segmentation."
                  "DenoiseImage", 88.35),
                 ("sub_0042_wf.bold_task_movie_wf.bold_fit_wf.bold_hmc_wf.mcflirt", "nipype.interfaces.fsl."
                  "preprocess.MCFLIRT", 301.7),
                 ("sub_0042_wf.anat_fit_wf.brain_extraction_wf.atropos_wf.01_atropos", "nipype.interfaces.ants."
                  "segmentation.Atropos", 97.05)]
        for n, (node, iface, took) in enumerate(nodes):
            name = node.rsplit(".", 1)[1]
            outdir = f"{work}/{node.replace('.', '/')}"
            f("nipype.workflow", logging.INFO, f'[Node] Setting-up "{"fmriprep_25_2_wf." + node}" in "{outdir}".')
            f("nipype.workflow", logging.INFO, f'[Node] Executing "{name}" <{iface}>')
            if n % 3 == 0:
                running = "\n".join(["  * fmriprep_25_2_wf." + x[0] for x in nodes[max(0, n - 2):n + 1]])
                tasks_list_msg = textwrap.indent("\nCurrently running:\n" + running, " " * 21)
                f("nipype.workflow", logging.INFO, "[MultiProc] Running %d tasks, and %d jobs ready. Free "
                  "memory (GB): %0.2f/%0.2f, Free processors: %d/%d, Free GPU slot:%d/%d.%s",
                  min(n + 1, 3), 12 - n, 58.59 - 3.5 * (n % 3), 58.59, 16 - 4 * (n % 3), 16, 0, 0, tasks_list_msg)
            if n == 5:
                continue
            f("nipype.workflow", logging.INFO, f'[Node] Finished "{name}", elapsed time {took}s.')
        # FreeSurfer's recon-all fails for want of memory under the job's limit.
        node = "sub_0042_wf.anat_fit_wf.surface_recon_wf.autorecon_resume_wf.autorecon_surfs"
        outdir = f"{work}/{node.replace('.', '/')}"
        f("nipype.workflow", logging.INFO, f'[Node] Setting-up "{"fmriprep_25_2_wf." + node}" in "{outdir}".')
        f("nipype.workflow", logging.INFO, '[Node] Executing "autorecon_surfs" <nipype.interfaces.freesurfer.'
          'preprocess.ReconAll>')
        f("nipype.workflow", logging.WARNING, '[Node] Error on "%s" (%s)', "fmriprep_25_2_wf." + node, outdir)

        def run_node():
            def _run_interface():
                def _run_command():
                    raised("nipype.pipeline.engine.nodes", "NodeExecutionError",
                           "Exception raised while executing Node autorecon_surfs.\n\nCmdLine:\n\trecon-all "
                           "-autorecon2-volonly -openmp 8 -subjid sub-0042 -sd /out/sourcedata/freesurfer -nogcareg "
                           "-nocanorm -nocareg -nonormalization2 -nomaskbfs -nosegstats -noaseg\nStdOut:\n\t"
                           "mri_ca_register: ERROR: could not allocate memory\nStdErr:\n\nTraceback:\n\tRaised by "
                           "nipype.interfaces.base.core:\n\tReturn code: 1")
                _run_command()
            _run_interface()

        try:
            run_node()
        except Exception:
            tb = traceback.format_exc().splitlines(keepends=True)
        crashfile = (f"/out/sub-{sub}/log/20240511-144444_5e9b2d1c-7f3a-4e8b-9c0d-1a2b3c4d5e6f/"
                     "crash-20240511-150212-root-autorecon_surfs-9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f.txt")
        f("nipype.workflow", logging.ERROR, "Node %s failed to run on host %s.", "autorecon_surfs",
          "ip-10-0-44-17.ec2.internal")
        f("nipype.workflow", logging.ERROR, "Saving crash info to %s\n%s", crashfile, "".join(tb))
        for n, (node, iface, took) in enumerate(nodes[3:6]):
            f("nipype.workflow", logging.INFO, f'[Node] Finished "{node.rsplit(".", 1)[1]}", elapsed time '
              f'{took + 1.3}s.')
        f("nipype.workflow", logging.INFO, "***********************************")
        f("nipype.workflow", logging.ERROR, "could not run node: fmriprep_25_2_wf.sub_0042_wf.anat_fit_wf."
          "surface_recon_wf.autorecon_resume_wf.autorecon_surfs")
        f("nipype.workflow", logging.INFO, "crashfile: %s" % crashfile)
        f("nipype.workflow", logging.INFO, "***********************************")
        f("nipype.workflow", logging.CRITICAL, f"fMRIPrep failed: {'Workflow did not execute cleanly. Check log for '}"
          "details")
        f("cli", logging.ERROR, f"Report generation was not successful for the following participants : {sub}.")

    # The uncaught exception ends the process; the interpreter prints it.
    def main():
        raise RuntimeError("Workflow did not execute cleanly. Check log for details")

    uncaught(stream, main)
    return {"name": "datalad-fmriprep", "programs": [dl, fp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_emr_hue_sparkmagic(), stream_codebuild_safety_ggshield(), stream_es_kafka_exporters(),
        stream_globus_compute_parsl(), stream_toil_miniwdl(), stream_torchtitan_lm_eval(),
        stream_replicator_reladiff(), stream_privacyidea_mmpy_bot(), stream_datalad_fmriprep(),
    ])


if __name__ == "__main__":
    main()
