"""The 78-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout77.py`): six more programs'
own logging set-ups in three streams, chosen from scientific instrument
control and data-pipeline tooling as research and data teams run them
in AWS (a remote observatory's ECS Anywhere host at a dark-sky site,
where indi-allsky runs the all-sky camera through its INDI server and
seestar_alp drives the club's Seestar S50 telescope; a retail data
team's EKS cluster, where the nightly orders job's Spark driver loads
the silver tables with Adidas' lakehouse-engine and builds the gold
tables through Nike's spark-expectations; an analytics team's CodeBuild
project, where every dbt project of the monorepo is checked by
dbt-bouncer and diagrammed by dbterd), each format copied from the file
named beside it (the version read is given), with the formatter class
the program uses, and messages modelled on the program's source under
its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout78

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at c44236d (session 30's rules in, none written
from this set), with nothing configured: 12.7% exact, 57.2% key
fields (asctime 98.2%, levelname 100.0%, name 79.7%, message 77.5%).

Formatters and filters: four use logging.Formatter itself and no
formatTime of their own (seestar_alp's sets `converter = time.gmtime`,
which prints the same here, the clock being UTC), three of them no filter
(lakehouse-engine's loggers have one, below); dbt-bouncer's and
dbterd's are their own classes, reproduced below, which format each record
with a Formatter made for its level: the layout wrapped in that level's
ANSI colour ("\\x1b[38;20m" grey, "\\x1b[34;20m" blue, "\\x1b[33;20m" yellow,
"\\x1b[31;20m" red) and a reset ("\\x1b[0m") after the message, so the
reset follows a message's last line (after its trailing newline when it
has one) and a traceback comes after it. indi-allsky's allsky.py gives
its "indi_allsky" logger (INFO) a stderr StreamHandler whose format
prints the process name and id and the thread before "module.func()
[line]"; its capture, image and video workers are forked processes
("Capture-1", "Image-1"), its upload worker a thread ("Upload-1"), and
PyIndi's callbacks run in a thread Python names "Dummy-1"; when the
capture worker dies, the main process logs the traceback it was sent one
line to a record ("Capture worker exception: " and the line, an empty
one last). Its config.py, which the start script runs first, has a
format of its own without the process id and thread. seestar_alp's
init_logging puts "%(asctime)s.%(msecs)03d" with a "T" in the date, the
level and the thread's name before the message on the root logger
(stderr), and logs through the root itself, so the waitress records
come through the same handler; its threads' names hold the device's
name, spaces and all ("IncomingMsgThread:Seestar Alpha"), and one of
its warnings prints "{ex}" as it is (no f-string); it logs some
JSON-RPC responses as the message itself (`self.logger.info(result)`, a
dict), which python-json-logger writes as the dict's fields with an
empty message. lakehouse-engine's LoggingHandler(name) gives each of its
loggers (named after the module, "lakehouse_engine.core.exec_env", or
after the class, "DataLoader") a stderr StreamHandler with its module's
FORMATTER, " — " (em dashes) between the time, the name, the level and
the message, and a FilterSensitiveData filter that rewrites record.msg
with three regexes before any handler sees it (the truth too): a
"'password': '...'" in the ACONs and specifications it logs becomes
"'masked_cred': '******', ", and when the password ends its dict the
closing brace goes with it ("'masked_cred': '******', }"). Its records
are f-strings holding whole dicts and dataclass reprs (the ACON, the
InputSpec, TransformSpec, DQSpec, OutputSpec and TerminatorSpec it
found), one a multi-line SQL query with a blank first line and a last
line of spaces (the join's "Execution query: "), one a multi-line GX
error indented by the source's 24 spaces, and the "sql command: OPTIMIZE
<table>  " records with the source's double space (its where clause
never applies), trailing when there is no ZORDER BY.
spark-expectations' "spark_expectations" logger prints to stdout (INFO,
not propagated), the literal package name and "{module.py:func:line}"
in braces before the message; its child logger in validate_rules.py
prints through the same handler, one of its warnings a Spark
AnalysisException's text over five lines (the last a lone quote),
another starting with two spaces.
dbt-bouncer, run with -v, puts its formatter (the timestamped layout at
DEBUG) on the root logger (the module's functions again: "root" records);
a failed check's DEBUG record holds the check's whole traceback, its
lines joined with " ", and the summary's records a GitHub table
(tabulate's "github" format: multi-line messages). dbterd's "dbterd"
logger prints the file name and line after the message, in parentheses;
one of its warnings holds a tab and a "{version}" left unformatted.

Print lines: the INDI server container's own output (indiserver -v) and
the start scripts' echo lines ("Waiting on migrations to complete
(...s)"), multiprocessing's "Process Capture-1:" and the traceback it
prints when the capture worker's run() raises (a bare traceback),
seestar_alp's "Startup Complete" print(), in the Spark driver pod the
team's run-job.sh lines, the job's own "[orders_nightly] ..." print()s,
Spark 4.0's JVM lines in its structured JSON layout (WARN and ERROR:
the image's log4j2.properties sets the root to WARN), GX's "Calculating
Metrics" tqdm bar (its updates on one line, "\\r" before each),
spark-expectations' own print()s ("self._context.get_se_enable_error_table
: True" at every error-table write, "Warning: aggregation result ... is a
float and will be rounded.") and the two bare tracebacks the job prints
(traceback.print_exc()) when silver_returns.json is missing (S3's
NoSuchKey, then the DBFS fall-back's two import errors, chained) and when
gold.fct_payments' agg_dq rule fails (six chained tracebacks, the
message growing at each of with_expectations' layers), and in CodeBuild
the agent's "[Container]" lines, the build script's echo lines, dbt's
and the AWS CLI's output, click's "Error: ..." line when dbterd finds no
catalog.json and the bare traceback dbt-bouncer ends with when the
catalog is missing (the FileNotFoundError it raises is caught by
nothing).

The messages are modelled on the programs' source, read at the commits
cited: indi-allsky's allsky.py, config.py, docker/start_indi_allsky.sh and
start_indiserver.sh, indi_allsky/allsky.py, capture.py, image.py,
uploader.py, config.py and camera/indi.py (with those files' lines and
functions); seestar_alp's root_app.py, device/app.py, log.py,
seestar_device.py, seestar_imaging.py, telescope.py, config.py and
front/app.py; lakehouse-engine's engine.py, algorithms/data_loader.py
and algorithm.py, core/exec_env.py, core/definitions.py (the
specifications' fields and defaults), core/table_manager.py,
utils/acon_utils.py, utils/schema_utils.py, utils/databricks_utils.py,
utils/configs/config_utils.py, utils/storage/ (s3, dbfs and
file_storage_functions), transformers/joiners.py,
dq_processors/dq_factory.py and terminators/dataset_optimizer.py;
spark-expectations' core/expectations.py, core/context.py,
utils/regulate_flow.py, utils/actions.py, utils/reader.py,
utils/validate_rules.py, sinks/utils/writer.py and collect_statistics.py,
sinks/__init__.py, notifications/__init__.py,
notifications/push/spark_expectations_notify.py and
notifications/plugins/slack.py (with those files' lines and functions);
dbt-bouncer's main.py, runner.py, config_file_validator.py, utils.py,
artifact_parsers/ and the checks' assertion messages (check_models.py,
check_sources.py, check_columns.py, with their lines); dbterd's cli/main.py,
adapters/base.py, adapters/algos/test_relationship.py, helpers/file.py
and helpers/cli_messaging.py (with their lines). Modelled rather than
read: the values (sky and camera figures, ADUs, exposure times, coordinates,
Seestar events and responses, the ACONs, tables, columns, rules, row
counts and run ids, the JDBC URL and password, dbt models and counts,
paths, process ids), the order and number of records, the INDI server's,
Spark's, GX's, dbt's and the AWS CLI's lines, the job's and its
wrapper's lines, the Seestar's JSON-RPC messages, GX's expectation
configurations, Spark's OPTIMIZE schema and AnalysisException text, the
third-party exception texts, pydantic's reprs and the tracebacks' frames
(this file's, but for indi-allsky's capture worker, the orders job's two
and in dbt-bouncer's messages, where they are written out with the
source's files and lines; the job's own, boto3's and botocore's frames
modelled).

Left out: ESS's forwarder (ess-dmsc/forwarder 872729ab
forwarder/application_logger.py: BASIC_FORMAT through basicConfig) and
just-bin-it (ess-dmsc/just-bin-it 51a7c504 bin/just-bin-it.py: the
cookbook's format through basicConfig): already in heldout60;
datacontract-cli (datacontract/datacontract-cli f8059d9e
datacontract/cli.py: the cookbook's format only with --debug, else its
results are rich console output), dbt-coverage (slidoapp/
dbt-coverage 6b0087b4: logging.basicConfig's BASIC_FORMAT, "root"),
pymalcolm (DiamondLightSource/pymalcolm 264ec4a3 malcolm/imalcolm.py: its
console "%(name)s: %(message)s" at WARNING, an interactive IPython shell),
PyExpLabSys (CINF/PyExpLabSys 65a0135c PyExpLabSys/common/utilities.py
get_logger's "%(asctime)s:%(name)s: %(levelname)s: %(message)s": its
apps log to files, terminal_log=False), AlpycaDevice (ASCOMInitiative/
AlpycaDevice 82f74c59 device/log.py: the template seestar_alp's log.py
comes from, without the thread), INDI Web Manager (knro/indiwebmanager
ea414f29 indiweb/main.py: "%(asctime)s - %(levelname)s: %(message)s" at
WARNING, behind uvicorn, left out on purpose), re_data, monosi, NannyML
and dcs-core (no logging configuration, or loguru), seestar_alp's two
calls that pass an argument with no placeholder for it (logging prints
"--- Logging error ---" blocks, not records: not modelled), and the
programs of these areas in earlier sets or their Left out paragraphs:
PyMeasure, QCoDeS, Bluesky and its Queue Server, ophyd, caproto, ARTIQ,
Sardana, NICOS, labscript, nspyre, PyMoDAQ, pyobs, Tiled, Zocalo,
OpenFlexure, Opentrons, snakemake, MultiQC, TACA, Great Expectations'
agent, Soda Core, Elementary, dbt, SQLFluff, sqlmesh, Dagster, Kedro,
Meltano, PipelineWise, Singer taps, dlt, Karapace, DataHub, Amundsen,
whylogs, Evidently, the Data Validation Tool and data-diff.
"""

import dataclasses
import json
import logging
import os
import re
import sys
import time
from typing import List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, uncaught  # noqa: E402
from heldout11 import container, now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# indi-allsky 8.0 (aaronwmorris/indi-allsky, 8fa1a155), allsky.py
# LOG_FORMATTER_STREAM on the "indi_allsky" logger's StreamHandler (stderr,
# INFO), which `allsky.py --log stderr run` (docker/start_indi_allsky.sh)
# adds; the workers are forked from it and keep it.
INDI_ALLSKY = ("%(asctime)s [%(levelname)s] %(processName)s-%(process)d/%(threadName)s %(module)s.%(funcName)s() "
               "[%(lineno)d]: %(message)s")
# The same version's config.py LOG_FORMATTER_STREAM (the "indi_allsky"
# logger again, stderr), which the start script runs before allsky.py
# (`config.py dump`, `config.py load -c ... --force`).
INDI_ALLSKY_CONFIG = "%(asctime)s [%(levelname)s] %(processName)s %(module)s.%(funcName)s() [%(lineno)d]: %(message)s"
# seestar_alp 2.4.4 (smart-underworld/seestar_alp, a2191467), device/log.py
# init_logging: basicConfig's root StreamHandler (stderr) given this
# formatter, converter time.gmtime (log_to_stdout true in the team's
# config.toml; its RotatingFileHandler writes alpyca.log).
SEESTAR_ALP = "%(asctime)s.%(msecs)03d %(levelname)s %(threadName)s %(message)s"
SEESTAR_ALP_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# lakehouse-engine 2.0.0 (adidas/lakehouse-engine, 1487dfdc), lakehouse_engine/
# utils/logging_handler.py FORMATTER (" — ", em dashes), on the StreamHandler
# (stderr, DEBUG) that LoggingHandler(name) gives each of its loggers (named
# after the module, or after the class: "DataLoader"), each logger filtered
# by FilterSensitiveData (reproduced below).
LAKEHOUSE_ENGINE = "%(asctime)s — %(name)s — %(levelname)s — %(message)s"
# spark-expectations 2.9.1 (Nike-Inc/spark-expectations, eb6675fc),
# spark_expectations/__init__.py get_default_log_handler: the
# "spark_expectations" logger's StreamHandler (stdout, INFO, not propagated;
# its child "spark_expectations.utils.validate_rules" prints through it).
SPARK_EXPECTATIONS = ("[%(asctime)s] [%(levelname)s] [spark_expectations] "
                      "{%(module)s.py:%(funcName)s:%(lineno)d} - %(message)s")
# dbt-bouncer 1.6.4 (godatadriven/dbt-bouncer, 83f8b788), src/dbt_bouncer/
# logger.py CustomFormatter's log_format at DEBUG (-v), on the root
# logger's StreamHandler (stderr); each level's ANSI colour around it.
DBT_BOUNCER = "%(asctime)s - %(levelname)s: %(message)s"
# dbterd 1.18.0 (datnguye/dbterd, 540da02b), dbterd/helpers/log.py
# LogFormatter.format (the string), on the "dbterd" logger's StreamHandler
# (stderr, DEBUG); each level's ANSI colour around it.
DBTERD = "%(asctime)s - %(name)s - %(levelname)s - %(message)s (%(filename)s:%(lineno)d)"


class DbtBouncerFormatter(logging.Formatter):
    """dbt_bouncer.logger.CustomFormatter (1.6.4), as written there but for
    the line marked: the original never calls Formatter.__init__ (its
    format() makes a Formatter per record), so it holds no format for the
    oracle to read; the layout it colours is given to it here, unused by
    format()."""

    def __init__(self, logging_level):
        self.logging_level = logging_level

        grey = "\x1b[38;20m"
        yellow = "\x1b[33;20m"
        red = "\x1b[31;20m"
        bold_red = "\x1b[31;1m"
        reset = "\x1b[0m"

        log_format = (
            "%(asctime)s - %(levelname)s: %(message)s"
            if logging_level == logging.DEBUG
            else "%(message)s"
        )
        super().__init__(log_format)  # not in the original

        self.FORMATS = {
            logging.DEBUG: grey + log_format + reset,
            logging.INFO: grey + log_format + reset,
            logging.WARNING: yellow + log_format + reset,
            logging.ERROR: red + log_format + reset,
            logging.CRITICAL: bold_red + log_format + reset,
        }

    def format(self, record):
        log_fmt = self.FORMATS.get(record.levelno)
        formatter = logging.Formatter(log_fmt)
        return formatter.format(record)


class DbterdFormatter(logging.Formatter):
    """dbterd.helpers.log.LogFormatter (1.18.0), as written there (its
    class attribute `format`, the layout, is shadowed by the method once
    FORMATS is built). The original is made with no format; it is given
    its layout here for the oracle, unused by format()."""

    grey = "\x1b[38;20m"
    blue = "\x1b[34;20m"
    yellow = "\x1b[33;20m"
    red = "\x1b[31;20m"
    bold_red = "\x1b[31;1m"
    reset = "\x1b[0m"
    format = DBTERD

    FORMATS = {
        logging.DEBUG: blue + format + reset,
        logging.INFO: grey + format + reset,
        logging.WARNING: yellow + format + reset,
        logging.ERROR: red + format + reset,
        logging.CRITICAL: bold_red + format + reset,
    }

    def format(self, record):  # noqa: F811
        log_fmt = self.FORMATS.get(record.levelno)
        formatter = logging.Formatter(log_fmt)
        return formatter.format(record)


def rec(log, level, path, line, func, msg, *args, proc=None, pid=None, thread=None, exc=None):
    """A record as the program's module writes it (like heldout13.at), from
    the process and thread named: `%(processName)s`, `%(process)d` and
    `%(threadName)s` as that process and thread print them."""
    if exc is True:
        exc = sys.exc_info()
    record = log.makeRecord(log.name, level, path, line, msg, args, exc, func=func)
    if proc is not None:
        record.processName = proc
    if pid is not None:
        record.process = pid
    if thread is not None:
        record.threadName = thread
    log.handle(record)


def bare(stream, text):
    """A traceback printed to stderr with no record (as realworld.uncaught
    stores one), its text given: written out with the program's files."""
    raised_line = [line for line in text.split("\n") if line and not line.startswith((" ", "\t"))][-1]
    truth = {"levelname": "ERROR", "message": raised_line, "exc_info": text}
    stream.append({"program": "python", "text": text, "json": json.dumps(truth), "ms": round(realworld.CLOCK() * 1000),
                   "catch_all": True})


def dms(deg):
    """An ephem Angle as str() prints it, "-18:23:45.6"."""
    tenths = round(abs(deg) * 36000)
    d, rest = divmod(tenths, 36000)
    m, rest = divmod(rest, 600)
    return "%s%d:%02d:%04.1f" % ("-" if deg < 0 else "", d, m, rest / 10)


def carets(code, call):
    """Python 3.11's markers under the call in a traceback's source line."""
    return "    " + " " * code.index(call) + "^" * len(call)


CAPTURE_TB = [
    ("capture.py", 175, "run", "self.saferun()", None),
    ("capture.py", 396, "saferun", "self.shoot(self.exposure_v.value, sync=False)", None),
    ("capture.py", 1336, "shoot", "self.indiclient.setCcdExposure(exposure, sync=sync, timeout=timeout)", None),
    ("camera/indi.py", 949, "setCcdExposure", "ctl_ccd_exposure = self.set_number(self.ccd_device, 'CCD_EXPOSURE', "
     "{'CCD_EXPOSURE_VALUE': exposure}, sync=sync, timeout=timeout)", "self.set_number(self.ccd_device, "
     "'CCD_EXPOSURE', {'CCD_EXPOSURE_VALUE': exposure}, sync=sync, timeout=timeout)"),
    ("camera/indi.py", 1302, "set_number", "c = self.get_control(device, name, 'number')",
     "self.get_control(device, name, 'number')"),
    ("camera/indi.py", 1293, "get_control", "raise TimeOutException('Timeout finding control {0}'.format(name))", None),
]


def capture_traceback(bootstrap):
    """The capture worker's traceback with indi-allsky's frames: as
    format_exc() gives it in CaptureWorker.run(), or, with `bootstrap`, as
    multiprocessing's _bootstrap prints it after run() re-raises."""
    lines = ["Traceback (most recent call last):"]
    frames = list(CAPTURE_TB)
    if bootstrap:
        lines += ['  File "/usr/lib/python3.11/multiprocessing/process.py", line 314, in _bootstrap', "    self.run()",
                  '  File "%scapture.py", line 179, in run' % ALLSKY_SRC, "    raise e"]
    for path, line, func, code, call in frames:
        lines += ['  File "%s%s", line %d, in %s' % (ALLSKY_SRC, path, line, func), "    " + code]
        if call:
            lines.append(carets(code, call))
    lines.append("indi_allsky.exceptions.TimeOutException: Timeout finding control CCD_EXPOSURE")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# A remote observatory's ECS Anywhere host at a dark-sky site (the
# CloudWatch agent ships the host's containers to one stream): the INDI
# server container drives the all-sky camera (a ZWO ASI178MC) and the
# telescope simulator indi-allsky parks; indi-allsky's capture container
# takes, processes and uploads a frame every 30 s through the night;
# seestar_alp's container drives the club's Seestar S50 over the site's
# Wi-Fi for the night's imaging run.

ALLSKY_SRC = "/home/allsky/indi-allsky/indi_allsky/"
SEESTAR_SRC = "/home/seestar/seestar_alp/"
SEESTAR = "Seestar Alpha"
SEESTAR_IP = "192.168.20.51"


def stream_allsky_seestar():
    stream = []
    ia = Program("indi-allsky", "indi_allsky", logging.Formatter(INDI_ALLSKY), stream)
    iac = Program("indi-allsky config.py", "indi_allsky", logging.Formatter(INDI_ALLSKY_CONFIG), stream)
    ss_formatter = logging.Formatter(SEESTAR_ALP, SEESTAR_ALP_DATEFMT)
    ss_formatter.converter = time.gmtime
    ss = Program("seestar_alp", "root", ss_formatter, stream)
    allsky = lg(ia, "indi_allsky")
    cfg = lg(iac, "indi_allsky")
    root = lg(ss, "root")
    waitress = lg(ss, "waitress")

    workers = {"capture": ("Capture-1", 63)}

    def main(level, path, line, func, msg, *args, thread="MainThread"):
        rec(allsky, level, ALLSKY_SRC + path, line, func, msg, *args, proc="MainProcess", pid=57, thread=thread)

    def cap(level, path, line, func, msg, *args, thread="MainThread"):
        name, pid = workers["capture"]
        rec(allsky, level, ALLSKY_SRC + path, line, func, msg, *args, proc=name, pid=pid, thread=thread)

    def img(level, path, line, func, msg, *args):
        rec(allsky, level, ALLSKY_SRC + path, line, func, msg, *args, proc="Image-1", pid=64, thread="MainThread")

    def s(level, msg, *args, thread="IncomingMsgThread:" + SEESTAR, path="device/seestar_device.py", line=343,
          func="receive_message_thread_fn", log=None):
        rec(log or root, level, SEESTAR_SRC + path, line, func, msg, *args, thread=thread)

    def indiserver(text):
        printed(stream, "%s: %s" % (now("%Y-%m-%dT%H:%M:%S"), text))

    def event(ev):
        s(logging.INFO, f"received : {ev}")

    # The INDI server's container.
    printed(stream, "No GPS driver configured")
    indiserver("startup: /usr/bin/indiserver -v -p 7624 indi_simulator_telescope indi_asi_ccd")
    indiserver("Driver indi_simulator_telescope: pid=9 rfd=3 wfd=6 efd=7")
    indiserver("Driver indi_asi_ccd: pid=10 rfd=4 wfd=8 efd=9")
    indiserver("listening to port 7624 on fd 5")
    indiserver("Driver indi_asi_ccd: snooping on Telescope Simulator.EQUATORIAL_EOD_COORD")

    # indi-allsky's container: its start script first.
    for x in range(1, 25):
        printed(stream, "Waiting on migrations to complete (%ds)" % (125 - 5 * x))
    rec(cfg, logging.INFO, ALLSKY_SRC + "config.py", 808, "_dump", "Dumping config", proc="MainProcess")
    rec(cfg, logging.INFO, ALLSKY_SRC + "config.py", 691, "_load", "Loading configuration from file",
        proc="MainProcess")

    main(logging.INFO, "allsky.py", 226, "_startup", "indi-allsky release: %s", "8.0")
    main(logging.INFO, "allsky.py", 227, "_startup", "indi-allsky config level: %s", "20240222.0")
    main(logging.INFO, "allsky.py", 229, "_startup", "Python version: %s", "3.11.2")
    main(logging.INFO, "allsky.py", 230, "_startup", "Platform: %s", "aarch64")
    main(logging.INFO, "allsky.py", 231, "_startup", "System Type: %s", "Raspberry Pi 5 Model B Rev 1.0")
    main(logging.INFO, "allsky.py", 233, "_startup", "System CPUs: %d", 4)
    main(logging.INFO, "allsky.py", 238, "_startup", "System memory: %d MB", 8048)
    main(logging.INFO, "allsky.py", 241, "_startup", "System uptime: %ds", 412377)
    main(logging.INFO, "allsky.py", 288, "_startCaptureWorker", "Starting Capture-%d worker", 1)
    main(logging.INFO, "allsky.py", 349, "_startImageWorker", "Starting Image-%d worker", 1)
    main(logging.INFO, "allsky.py", 420, "_startVideoWorker", "Starting Video-%d worker", 1)
    main(logging.INFO, "allsky.py", 486, "_fileUploadWorkerStart", "Starting Upload-%d worker", 1)

    def capture_start(first):
        cap(logging.INFO, "camera/indi.py", 129, "__init__", "creating an instance of IndiClient")
        cap(logging.INFO, "camera/indi.py", 136, "__init__", "PyIndi version: %s", "2.0.7")
        cap(logging.INFO, "capture.py", 441, "_initialize", "Connecting to indiserver")
        cap(logging.INFO, "camera/indi.py", 347, "serverConnected", "Server connected (%s:%d)",
            "indiserver.indi.allsky", 7624, thread="Dummy-1")
        cap(logging.INFO, "camera/indi.py", 215, "newDevice", "new device %s", "Telescope Simulator", thread="Dummy-1")
        cap(logging.INFO, "camera/indi.py", 215, "newDevice", "new device %s", "ZWO CCD ASI178MC", thread="Dummy-1")
        cap(logging.INFO, "camera/indi.py", 587, "_findCcds", "Searching for available cameras")
        cap(logging.INFO, "camera/indi.py", 598, "_findCcds", " Detected %s", "ZWO CCD ASI178MC")
        cap(logging.INFO, "camera/indi.py", 607, "findCcd", "Found %d CCDs", 1)
        cap(logging.WARNING, "capture.py", 485, "_initialize", "Connecting to CCD device %s", "ZWO CCD ASI178MC")
        cap(logging.INFO, "camera/indi.py", 344, "newMessage", "new Message %s",
            now("%Y-%m-%dT%H:%M:%S") + ": [INFO] Setting intital bandwidth to AUTO on connection.", thread="Dummy-1")
        cap(logging.WARNING, "capture.py", 489, "_initialize", "Connecting to Telescope device %s",
            "Telescope Simulator")
        cap(logging.INFO, "camera/indi.py", 357, "parkTelescope", "Parking telescope")
        if not first:
            cap(logging.WARNING, "capture.py", 745, "_initialize", "Reusing last stable exposure: %0.6f", 14.722917)
        cap(logging.INFO, "capture.py", 681, "_initialize", "Minimum CCD exposure: %0.8f (day)", 0.000032)
        cap(logging.INFO, "capture.py", 699, "_initialize", "Minimum CCD exposure: %0.8f (night)", 0.000032)
        cap(logging.INFO, "capture.py", 720, "_initialize", "Maximum CCD exposure: %0.8f", 15.0)
        cap(logging.INFO, "capture.py", 764, "_initialize", "Default CCD exposure: {0:0.8f}".format(
            14.72291700 if not first else 15.0))

    capture_start(True)
    main(logging.INFO, "allsky.py", 998, "_queueManualTasks", "Checking for manually submitted tasks")
    main(logging.WARNING, "allsky.py", 1084, "_periodic_tasks", "Periodic tasks triggered")
    main(logging.INFO, "allsky.py", 1099, "_periodic_tasks", "Creating aurora update task")
    main(logging.INFO, "allsky.py", 1107, "_periodic_tasks", "Creating smoke update task")
    main(logging.INFO, "allsky.py", 1115, "_periodic_tasks", "Creating satellite tle data update task")
    cap(logging.WARNING, "capture.py", 1098, "reconfigureCcd", "Change to night (normal mode)")

    # seestar_alp's container.
    s(logging.INFO, "Starting ALP web server", thread="MainThread", path="root_app.py", line=77, func="<module>")
    s(logging.INFO, "Starting ALP", thread="MainThread", path="root_app.py", line=31, func="start")
    s(logging.INFO, "SeestarALP %s: starting", 1, thread="ALPMainThread", path="root_app.py", line=40, func="runner")
    alp = dict(thread="ALPMainThread", path="device/app.py", line=232, func="start")
    s(logging.INFO, str([{"name": SEESTAR, "ip_address": SEESTAR_IP, "device_num": 1, "is_EQ_mode": False}]), **alp)
    s(logging.INFO, f"Initialize the new instance of Seestar: {SEESTAR_IP}:4700, name:{SEESTAR}, num:1, "
      f"is_EQ_mode:False, is_debug:False", thread="ALPMainThread", line=59, func="__init__")
    s(logging.INFO, f"Initialize new instance of Seestar imager: {SEESTAR_IP}:4800, name:{SEESTAR}",
      thread="ALPMainThread", path="device/seestar_imaging.py", line=60, func="__init__")
    s(logging.INFO, f"{SEESTAR} Connected", thread="ALPMainThread", line=2253, func="start_watch_thread")
    s(logging.INFO, "==STARTUP== Serving on 0.0.0.0:5555. Time stamps are UTC.", thread="ALPMainThread",
      path="device/app.py", line=287, func="start")
    s(logging.INFO, "Starting Front web server", thread="MainThread", path="root_app.py", line=82, func="<module>")
    s(logging.INFO, "Starting Front", thread="MainThread", path="root_app.py", line=31, func="start")
    s(logging.INFO, "SeestarFront %s: starting", 1, thread="FrontMainThread", path="root_app.py", line=40,
      func="runner")
    s(logging.INFO, "Serving on http://0.0.0.0:5432", thread="FrontMainThread", log=waitress,
      path="/usr/local/lib/python3.12/site-packages/waitress/server.py", line=211, func="print_listen")
    s(logging.INFO, "Setting up imaging web server", thread="MainThread", path="root_app.py", line=93,
      func="<module>")
    printed(stream, "Startup Complete")
    s(logging.INFO, "Serving on http://0.0.0.0:7556", thread="MainThread", log=waitress,
      path="/usr/local/lib/python3.12/site-packages/waitress/server.py", line=211, func="print_listen")
    s(logging.INFO, "Internet connection detected.", thread="waitress-0", path="front/app.py", line=407,
      func="check_internet_connection")
    s(logging.INFO, "Twilight times: Cache file exists.", thread="waitress-0", path="front/app.py", line=292,
      func="get_twilight_times")
    s(logging.INFO, "Twilight times: Cache file is current, using cache file.", thread="waitress-0",
      path="front/app.py", line=299, func="get_twilight_times")

    def request(action, params, response, thread="ALPMainThread"):
        s(logging.INFO, f"request: {action} for device 1 with param {params}", thread=thread,
          path="device/telescope.py", line=151, func="on_put")
        s(logging.INFO, f"response: {response}", thread=thread, path="device/telescope.py", line=247, func="on_put")

    cmdid = [10131]

    def rpc(method, result, code=0):
        cmdid[0] += 1
        return {"jsonrpc": "2.0", "Timestamp": "%0.9f" % (9507.244805 + cmdid[0] * 0.731), "method": method,
                "result": result, "code": code, "id": cmdid[0]}

    start_thread = "start-up-thread:" + SEESTAR
    goto_thread = "goto-target-thread:" + SEESTAR
    hb_thread = "HeartbeatMsgThread:" + SEESTAR

    exposure = 15.0
    adu_hist = []
    stacked = dropped = 0
    failed_at = 27
    for n in range(60):
        # indi-allsky: one frame.
        cap(logging.INFO, "capture.py", 208, "saferun", "Camera last ready: %0.1fs", 0.2 + (n * 7) % 10 / 10)
        cap(logging.INFO, "capture.py", 209, "saferun", "Exposure state: %s", "ready" if n % 4 else "unset")
        alt = -18.4 - n * 0.1
        cap(logging.INFO, "capture.py", 1128, "detectNight", "Sun altitude: %s", dms(alt))
        cap(logging.INFO, "capture.py", 1146, "detectMoonMode", "Moon altitude: %s, phase %0.1f%%",
            dms(-7.2 - n * 0.137), 21.4 + n * 0.004)
        if n:
            cap(logging.INFO, "capture.py", 327, "saferun", "Exposure received in %0.4f s (%0.4f)",
                exposure + 0.3172 + (n % 5) * 0.0111, 0.3172 + (n % 5) * 0.0111)
            img(logging.INFO, "image.py", 373, "processImage", "Image: %d x %d", 3096, 2080)
            adu = 63.2 + ((n * 37) % 17 - 8) * 1.9
            adu_hist = (adu_hist + [adu])[-5:]
            img(logging.INFO, "image.py", 1543, "calculate_exposure", "Current target ADU: %0.2f (%0.2f/%0.2f)",
                65.0, 55.0, 75.0)
            img(logging.INFO, "image.py", 1544, "calculate_exposure", "Current ADU history: (%d) [%s]",
                len(adu_hist), ", ".join(["{0:0.2f}".format(x) for x in adu_hist]))
            img(logging.INFO, "image.py", 1548, "calculate_exposure", "ADU average: %0.2f",
                sum(adu_hist) / len(adu_hist))
            if n % 9 == 4:
                img(logging.WARNING, "image.py", 1561, "calculate_exposure",
                    "ADU decreasing beyond limits, recalculating next exposure")
                exposure = min(15.0, round(exposure * 1.0871, 6))
                img(logging.WARNING, "image.py", 1594, "recalculate_exposure", "New calculated exposure: %0.8f",
                    exposure)
            img(logging.INFO, "image.py", 616, "processImage", "Image processed in %0.4f s", 2.4118 + (n % 7) * 0.0613)
            img(logging.INFO, "image.py", 1253, "write_img", "Image compressed in %0.4f s", 0.5231 + (n % 3) * 0.0217)
        cap(logging.INFO, "capture.py", 1334, "shoot",
            "Taking %0.8f s exposure (gain %d)", exposure, 250)
        cap(logging.INFO, "camera/indi.py", 1309, "set_number", "Setting %s = %s", "Duration (s)", str(exposure))
        cap(logging.INFO, "capture.py", 409, "saferun", "Total time since last exposure %0.4f s",
            30.0 + (n % 4) * 0.0502)
        if n % 3 == 1:
            main(logging.INFO, "allsky.py", 998, "_queueManualTasks", "Checking for manually submitted tasks")
        if n % 5 == 3:
            if n == 18:
                main(logging.ERROR, "uploader.py", 359, "processUpload", "Connection failure: %s",
                    'Could not connect to the endpoint URL: "https://s3.eu-north-1.amazonaws.com/'
                    'darksky-allsky-images/ccd_1/20240511/22/ccd1_20240511_224412.jpg"', thread="Upload-1")
            else:
                main(logging.INFO, "uploader.py", 472, "processUpload", "Upload transaction completed in %0.4f s",
                     0.8812 + (n % 4) * 0.1307, thread="Upload-1")
        if n % 12 == 6:
            cap(logging.WARNING, "capture.py", 852, "_periodic_tasks", "Periodic tasks triggered")

        if n == failed_at:
            # The camera drops off the USB bus: the INDI driver restarts and
            # the capture worker's next exposure finds no control.
            indiserver("Driver indi_asi_ccd: stderr EOF")
            indiserver("Driver indi_asi_ccd: Terminated after #0 restarts.")
            indiserver("Driver indi_asi_ccd: restart #1")
            indiserver("Driver indi_asi_ccd: pid=311 rfd=4 wfd=8 efd=9")

            tb = capture_traceback(False) + "\n"
            printed(stream, "Process Capture-1:")
            bare(stream, capture_traceback(True))
            for line in tb.split("\n"):
                main(logging.ERROR, "allsky.py", 281, "_startCaptureWorker", "Capture worker exception: %s", line)
            main(logging.INFO, "allsky.py", 288, "_startCaptureWorker", "Starting Capture-%d worker", 2)
            workers["capture"] = ("Capture-2", 318)
            capture_start(False)

        # seestar_alp meanwhile.
        if n % 2 == 0:
            event({"Event": "PiStatus", "Timestamp": "%0.9f" % (9431.2 + n * 30.17), "temp": round(38.1 + n % 5 * 0.3, 1),
                   "charger_status": "Discharging", "charge_online": False, "battery_capacity": 96 - n // 3})
        if n == 3:
            s(logging.INFO, "POST immediate request %s %s", {"action": "start_up_sequence", "params": {
                "lat": 0, "lon": 0, "auto_focus": True, "dark_frames": False, "3ppa": False, "raise_arm": True}},
              {"Value": {"result": 0}, "ClientTransactionID": 0, "ServerTransactionID": 117, "ErrorNumber": 0,
               "ErrorMessage": ""}, thread="waitress-2", path="front/app.py", line=1013, func="do_command")
            request("action_start_up_sequence", '{"lat":0,"lon":0,"auto_focus":true,"dark_frames":false,'
                    '"3ppa":false,"raise_arm":true}', {"result": 0})
            st = dict(thread=start_thread, func="start_up_thread_fn")
            s(logging.INFO, "start up sequence begins ...", line=1174, **st)
            s(logging.INFO, "begin start_up sequence with seestar_alp version v2.4.4", line=1199, **st)
            date = {"method": "pi_set_time", "params": [{"year": 2024, "mon": 5, "day": 11, "hour": 22, "min": 44,
                                                          "sec": 47, "time_zone": "Europe/Berlin"}]}
            loc = {"method": "set_user_location", "params": {"lat": 49.3958, "lon": 8.6721, "force": True}}
            s(logging.INFO, "verify datetime string: %s", date, line=1229, **st)
            s(logging.INFO, "verify location string: %s", loc, line=1230, **st)
            s(logging.INFO, "Setting location to 49.3958, 8.6721", line=1235, **st)
            s(logging.INFO, str(rpc("pi_set_time", 0)), line=1238, **st)
            s(logging.INFO, f"response from set location: {rpc('set_user_location', 0)}", line=1243, **st)
            s(logging.INFO, "Firmware version: 2427", line=1258, **st)
            s(logging.INFO, "start auto focus...", line=803, thread=start_thread, func="start_auto_focus")
        if n == 4:
            s(logging.INFO, "trying auto_focus...", line=811, thread=start_thread, func="try_auto_focus")
            s(logging.INFO, "%s: focusing try %s of %s...", SEESTAR, "1", "2", line=817, thread=start_thread,
              func="try_auto_focus")
            for state, pos in (("start", 1580), ("working", 1602), ("working", 1618), ("complete", 1611)):
                event({"Event": "AutoFocus", "Timestamp": "%0.9f" % (9561.4 + pos / 100), "state": state,
                       "result": {"position": pos}} if state == "complete" else
                      {"Event": "FocuserMove", "Timestamp": "%0.9f" % (9561.4 + pos / 100), "position": pos,
                       "state": state})
        if n == 6:
            s(logging.INFO, "auto_focus completed with result True", line=826, thread=start_thread,
              func="try_auto_focus")
        if n == 7:
            s(logging.INFO, "POST scheduled request %s %s", {"action": "goto_target", "params": {
                "target_name": "M 81", "is_j2000": True, "ra": "9h55m33.2s", "dec": "+69d03m55s"}},
              {"Value": {"result": 0}, "ErrorNumber": 0, "ErrorMessage": ""}, thread="waitress-1",
              path="front/app.py", line=722, func="do_schedule_action_device")
            request("goto_target", '{"target_name":"M 81","is_j2000":true,"ra":"9h55m33.2s","dec":"+69d03m55s"}',
                    {"result": 0})
            s(logging.INFO, "%s: going to target... %s %s %s, with initial dec offset %s", SEESTAR, "M 81",
              9.925889, 69.065278, 0, thread=goto_thread, line=635, func="goto_target_thread")
            s(logging.INFO, "going to target with normal logic: 0", thread=goto_thread, line=657,
              func="goto_target_thread")
            for state in ("start", "working", "complete"):
                event({"Event": "AutoGoto", "Timestamp": "%0.9f" % (9611.7 + len(state)), "page": "preview",
                       "tag": "Exposure-AutoGoto", "state": state})
            event({"Event": "PlateSolve", "Timestamp": "9632.518447201", "page": "preview",
                   "tag": "Exposure-AutoGoto", "ac_count": 1, "state": "complete",
                   "result": {"ra_dec": [9.926014, 69.066581], "fov": [0.712052, 1.265553], "focal_len": 252.081757,
                              "angle": -175.841003, "image_id": 1161, "star_number": 884, "duration_ms": 13185}})
            s(logging.INFO, "Current plate solve position: 9.926014, 69.066581", line=356)
            s(logging.INFO, "set first plate solve position: 9.926014, 69.066581", line=361)
        if n in (9, 47):
            if n == 47:
                stacked = dropped = 0
                s(logging.INFO, "POST immediate request %s %s", {"action": "goto_target", "params": {
                    "target_name": "M 51", "is_j2000": True, "ra": "13h29m52.7s", "dec": "+47d11m43s"}},
                  {"Value": {"result": 0}, "ErrorNumber": 0, "ErrorMessage": ""}, thread="waitress-1",
                  path="front/app.py", line=918, func="do_command")
                s(logging.INFO, "%s: going to target... %s %s %s, with initial dec offset %s", SEESTAR, "M 51",
                  13.497972, 47.195278, 0, thread=goto_thread, line=635, func="goto_target_thread")
                s(logging.INFO, "going to target with normal logic: 0", thread=goto_thread, line=657,
                  func="goto_target_thread")
                for state in ("start", "working", "complete"):
                    event({"Event": "AutoGoto", "Timestamp": "%0.9f" % (10411.2 + len(state)), "page": "preview",
                           "tag": "Exposure-AutoGoto", "state": state})
            request("action_start_stack", '{"gain":80,"restart":true}', True)
            s(logging.INFO, rpc("iscope_start_stack", 0), thread="ALPMainThread", line=1138, func="start_stack")
            s(logging.INFO, rpc("set_control_value", 0), thread="ALPMainThread", line=1140, func="start_stack")
        if (9 < n < 40 and n not in (24, 25)) or 47 < n < 60:
            if n % 7 == 3:
                dropped += 1
            else:
                stacked += 1
            event({"Event": "Stack", "Timestamp": "%0.9f" % (9700.1 + n * 10.2), "state": "frame_complete",
                   "stacked_frame": stacked, "dropped_frame": dropped, "can_annotate": True,
                   "total_frame": stacked + dropped})
        if n == 24:
            # The site's Wi-Fi drops the telescope for a while.
            for _ in range(3):
                s(logging.WARNING, "Socket timeout", line=255, func="get_socket_msg")
            s(logging.INFO, f"RECONNECTING {SEESTAR}", thread=hb_thread, line=223, func="reconnect")
            s(logging.INFO, "UDP: Sending broadcast message: %s on port 4720" % (
                json.dumps({"id": 1, "method": "scan_iscope", "params": ""}).encode(),), thread=hb_thread, line=199,
              func="send_udp_intro")
            s(logging.INFO, "UDP: Received message from ('%s', 4720): %s" % (SEESTAR_IP, json.dumps({
                "jsonrpc": "2.0", "Timestamp": "10011.542716", "method": "scan_iscope", "result": {
                    "is_verified": True, "ssid": "S50_8f2a41c7", "sn": "8f2a41c7", "tcp_client_num": 0}, "code": 0,
                "id": 1})), thread=hb_thread, line=206, func="send_udp_intro")
            s(logging.INFO, "UDP: No more responses received.", thread=hb_thread, line=208, func="send_udp_intro")
        if n == 33:
            # An action fails while the telescope is still reconnecting:
            # telescope.py's warning (its "{ex}" is no f-string).
            s(logging.INFO, 'request: method_sync for device 1 with param {"method":"get_device_state",'
              '"params":{"keys":["device","camera","focuser"]}}', thread="ALPMainThread", path="device/telescope.py",
              line=151, func="on_put")
            s(logging.WARNING, "Error making request: {ex}", thread="ALPMainThread", path="device/telescope.py",
              line=251, func="on_put")
        if n == 41:
            request("method_sync", '{"method":"iscope_stop_view","params":{"stage":"Stack"}}',
                    rpc("iscope_stop_view", 0))
            s(logging.INFO, "%s: stop stacking...", SEESTAR, thread="ALPMainThread", line=972, func="stop_stack")
            event({"Event": "Stack", "Timestamp": "10121.337512881", "state": "complete", "stacked_frame": stacked,
                   "dropped_frame": dropped, "can_annotate": True, "total_frame": stacked + dropped})
        if n == 44:
            s(logging.INFO, "POST immediate request %s %s", {"action": "goto_target", "params": {
                "target_name": "NGC 6960", "is_j2000": True, "ra": "20h45m38s", "dec": "+30d42m30s"}},
              {"Value": {"result": 0}, "ErrorNumber": 0, "ErrorMessage": ""}, thread="waitress-3",
              path="front/app.py", line=918, func="do_command")
            request("goto_target", '{"target_name":"NGC 6960","is_j2000":true,"ra":"20h45m38s","dec":"+30d42m30s"}',
                    {"result": 0})
            s(logging.INFO, "%s: going to target... %s %s %s, with initial dec offset %s", SEESTAR, "NGC 6960",
              20.760556, 30.708333, 0, thread=goto_thread, line=635, func="goto_target_thread")
            s(logging.INFO, "going to target with normal logic: 0", thread=goto_thread, line=657,
              func="goto_target_thread")
            event({"Event": "AutoGoto", "Timestamp": "10187.09", "page": "preview", "tag": "Exposure-AutoGoto",
                   "state": "start"})
            event({"Event": "PlateSolve", "Timestamp": "10219.558190113", "state": "fail", "error": "solve failed",
                   "code": 251, "lapse_ms": 30985, "route": []})
            s(logging.INFO, "Plate Solve Failed", line=370)
            event({"Event": "AutoGoto", "Timestamp": "10221.31", "page": "preview", "tag": "Exposure-AutoGoto",
                   "state": "fail", "error": "solve failed", "code": 251})
        if n == 45:
            s(logging.INFO, "Failed to goto target: mount is in goto routine.", thread="ALPMainThread", line=620,
              func="goto_target")
        if n in (50, 52):
            s(logging.WARNING, "SLOW message response.  %s seconds. cur_cmdid=%d data=%r" % (
                11.2 + n / 10, cmdid[0] + 1, {"method": "get_device_state", "id": cmdid[0] + 1}),
              thread="ALPMainThread", line=433, func="send_message_param_sync")
            cmdid[0] += 1
    return {"name": "allsky-seestar", "programs": [ia, iac, ss], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A retail data team's EKS cluster (the Spark Operator runs the nightly
# SparkApplications; Fluent Bit ships each driver pod's output, stdout and
# stderr together, to a stream of its own): the orders job's driver loads
# the shop's silver tables with lakehouse-engine's load_data (the JDBC ACONs
# built by the job, the read replica's password put in from Secrets Manager;
# the file ACONs read from S3), then builds the gold tables through
# spark-expectations' with_expectations, one SparkExpectations per table
# (its rules_df filtered to the table), and exits 1 when anything failed.
# Spark 4.0's own log4j2 output is the structured JSON layout (the image's
# log4j2.properties: Spark's template, root logger at WARN); the image sets
# PYTHONUNBUFFERED=1, so stdout (spark-expectations) and stderr
# (lakehouse-engine) interleave as written.

SENSITIVE_KEYS_REG = [
    {"regex": r"'(kafka\.ssl\.keystore\.password|kafka\.ssl\.truststore\.password"
              r"|password|secret|credential|credentials|pass|key)'[ ]*:"
              r"[ ]*'.*?(, | |}|$)",
     "replace": "'masked_cred': '******', "},
    {"regex": r'"(kafka\.ssl\.keystore\.password|kafka\.ssl\.truststore\.password'
              r'|password|secret|credential|credentials|pass|key)"[ ]*:'
              r'[ ]*".*?(, | |}|$)',
     "replace": '"masked_cred": "******", '},
    {"regex": r"(kafka\.ssl\.keystore\.password|kafka\.ssl\.truststore\.password"
              r"|password|secret|credential|credentials|pass|key)[ ]*:"
              r"[ ]*.*?(, | |}|$)",
     "replace": "masked_cred: ******, "},
]


class FilterSensitiveData(logging.Filter):
    """lakehouse_engine.utils.logging_handler.FilterSensitiveData (2.0.0),
    as written there: the three regexes rewrite record.msg (made a str)
    before any handler formats it, the truth's as well; a value is cut at
    the first ", ", " " or "}" (which goes with it)."""

    def filter(self, record):
        for key_reg in SENSITIVE_KEYS_REG:
            record.msg = re.sub(key_reg["regex"], key_reg["replace"], str(record.msg))
        return True


# lakehouse_engine.core.definitions (2.0.0): the specifications' fields in
# their order, with their defaults, for the reprs DataLoader logs.
@dataclasses.dataclass
class InputSpec(object):
    spec_id: str
    read_type: str
    data_format: Optional[str] = None
    sftp_files_format: Optional[str] = None
    df_name: Optional[object] = None
    db_table: Optional[str] = None
    location: Optional[str] = None
    sharepoint_opts: Optional[object] = None
    query: Optional[str] = None
    enforce_schema_from_table: Optional[str] = None
    schema: Optional[dict] = None
    schema_path: Optional[str] = None
    disable_dbfs_retry: bool = False
    with_filepath: bool = False
    options: Optional[dict] = None
    jdbc_args: Optional[dict] = None
    calculate_upper_bound: bool = False
    calc_upper_bound_schema: Optional[str] = None
    generate_predicates: bool = False
    predicates_add_null: bool = True
    temp_view: Optional[str] = None


@dataclasses.dataclass
class TransformerSpec(object):
    function: str
    args: dict


@dataclasses.dataclass
class TransformSpec(object):
    spec_id: str
    input_id: str
    transformers: List[TransformerSpec]
    force_streaming_foreach_batch_processing: bool = False


@dataclasses.dataclass
class DQFunctionSpec(object):
    function: str
    args: Optional[dict] = None


@dataclasses.dataclass
class DQSpec(object):
    spec_id: str
    input_id: str
    dq_type: str
    dq_functions: Optional[List[DQFunctionSpec]] = None
    dq_db_table: Optional[str] = None
    dq_table_table_filter: Optional[str] = None
    dq_table_extra_filters: Optional[str] = None
    execution_point: Optional[str] = None
    unexpected_rows_pk: Optional[List[str]] = None
    tbl_to_derive_pk: Optional[str] = None
    gx_result_format: Optional[str] = "COMPLETE"
    tag_source_data: Optional[bool] = False
    store_backend: str = "s3"
    local_fs_root_dir: Optional[str] = None
    bucket: Optional[str] = None
    expectations_store_prefix: str = "dq/expectations/"
    validations_store_prefix: str = "dq/validations/"
    checkpoint_store_prefix: str = "dq/checkpoints/"
    data_asset_name: Optional[str] = None
    expectation_suite_name: Optional[str] = None
    result_sink_db_table: Optional[str] = None
    result_sink_location: Optional[str] = None
    result_sink_chunk_size: Optional[int] = 1000000
    processed_keys_location: Optional[str] = None
    data_product_name: Optional[str] = None
    result_sink_partitions: Optional[List[str]] = None
    result_sink_format: str = "delta"
    result_sink_options: Optional[dict] = None
    result_sink_explode: bool = True
    result_sink_extra_columns: Optional[List[str]] = None
    source: Optional[str] = None
    fail_on_error: bool = True
    cache_df: bool = False
    critical_functions: Optional[List[DQFunctionSpec]] = None
    max_percentage_failure: Optional[float] = None
    enable_row_condition: bool = False


@dataclasses.dataclass
class MergeOptions(object):
    merge_predicate: str
    insert_only: bool = False
    delete_predicate: Optional[str] = None
    update_predicate: Optional[str] = None
    insert_predicate: Optional[str] = None
    update_column_set: Optional[dict] = None
    insert_column_set: Optional[dict] = None


@dataclasses.dataclass
class OutputSpec(object):
    spec_id: str
    input_id: str
    write_type: str
    data_format: str = "delta"
    db_table: Optional[str] = None
    location: Optional[str] = None
    sharepoint_opts: Optional[object] = None
    merge_opts: Optional[MergeOptions] = None
    partitions: Optional[List[str]] = None
    streaming_micro_batch_transformers: Optional[List[TransformerSpec]] = None
    streaming_once: Optional[bool] = None
    streaming_processing_time: Optional[str] = None
    streaming_available_now: bool = True
    streaming_continuous: Optional[str] = None
    streaming_await_termination: bool = True
    streaming_await_termination_timeout: Optional[int] = None
    with_batch_id: bool = False
    options: Optional[dict] = None
    streaming_micro_batch_dq_processors: Optional[List[DQSpec]] = None


@dataclasses.dataclass
class TerminatorSpec(object):
    function: str
    args: Optional[dict] = None
    input_id: Optional[str] = None


def dq_spec_of(spec):
    """Algorithm.get_dq_spec's DQSpec, its functions put in as
    DataLoader._get_dq_specs does for a batch input."""
    fields = {f.name for f in dataclasses.fields(DQSpec)}
    kw = {k: v for k, v in spec.items() if k in fields and k not in ("dq_functions", "critical_functions")}
    kw.setdefault("source", spec["input_id"])
    kw.setdefault("result_sink_extra_columns", [])
    return DQSpec(dq_functions=[DQFunctionSpec(f["function"], f.get("args", {})) for f in spec["dq_functions"]],
                  critical_functions=[], **kw)


def output_spec_of(spec):
    """DataLoader._get_output_specs' OutputSpec for a batch output."""
    kw = dict(spec)
    if kw.get("merge_opts"):
        kw["merge_opts"] = MergeOptions(**kw["merge_opts"])
    kw.setdefault("partitions", [])
    return OutputSpec(streaming_micro_batch_transformers=[], streaming_micro_batch_dq_processors=[], **kw)


def jvm(stream, level, msg, logger, context=None):
    """A line of Spark 4.0's structured log4j2 layout (JSON, compact)."""
    t = realworld.CLOCK.t
    doc = {"ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % (round(t * 1000) % 1000),
           "level": level, "msg": msg}
    if context:
        doc["context"] = context
    doc["logger"] = logger
    printed(stream, json.dumps(doc, separators=(",", ":")))


def gx_progress(total, rate):
    """GX's "Calculating Metrics" tqdm bar off a terminal: its updates on
    one line, "\\r" before each."""
    parts = []
    for n in sorted({0, total // 3, 2 * total // 3, total}):
        frac = n / total
        full, part = divmod(int(frac * 10 * 8), 8)
        bar = ("█" * full + (" ▏▎▍▌▋▊▉"[part] if full < 10 else "")).ljust(10)
        if n == 0:
            tail = "[00:00<?, ?it/s]"
        else:
            tail = "[00:%02d<00:%02d, %.2fit/s]" % (n / rate, (total - n) / rate, rate)
        parts.append("\rCalculating Metrics: %3d%%|%s| %d/%d %s" % (100 * n // total, bar, n, total, tail))
    return "".join(parts)


SITE312 = "/opt/venv/lib/python3.12/site-packages/"
LE_SRC = SITE312 + "lakehouse_engine/"
SE_SRC = SITE312 + "spark_expectations/"
JOB = "/opt/jobs/orders_nightly.py"
ACONS = "s3://acme-lakehouse-config/acons/orders/"
RDS = "jdbc:postgresql://shop-db.cluster-ro-c7q2xk9m1vzt.eu-west-1.rds.amazonaws.com:5432/shop"
DB_PASSWORD = "Vq7#pR2v!xTm9wLz"
EXEC_ENV = {"spark.sql.shuffle.partitions": "64", "spark.sql.sources.partitionOverwriteMode": "dynamic"}
LAKE = "s3://acme-lakehouse/silver/"
OPTIMIZE_OUTPUT = (
    "DataFrame[path: string, metrics: struct<numFilesAdded:bigint,numFilesRemoved:bigint,filesAdded:struct<min:bigint,"
    "max:bigint,avg:double,totalFiles:bigint,totalSize:bigint>,filesRemoved:struct<min:bigint,max:bigint,avg:double,"
    "totalFiles:bigint,totalSize:bigint>,partitionsOptimized:bigint,zOrderStats:struct<strategyName:string,"
    "inputCubeFiles:struct<num:bigint,size:bigint>,inputOtherFiles:struct<num:bigint,size:bigint>,inputNumCubes:bigint,"
    "mergedFiles:struct<num:bigint,size:bigint>,numOutputCubes:bigint,mergedNumCubes:bigint>,clusteringStats:struct<"
    "inputZCubeFiles:struct<numFiles:bigint,size:bigint>,inputOtherFiles:struct<numFiles:bigint,size:bigint>,"
    "inputNumZCubes:bigint,mergedFiles:struct<numFiles:bigint,size:bigint>,numOutputZCubes:bigint>,numBins:bigint,"
    "numBatches:bigint,totalConsideredFiles:bigint,totalFilesSkipped:bigint,preserveInsertionOrder:boolean,"
    "numFilesSkippedToReduceWriteAmplification:bigint,numBytesSkippedToReduceWriteAmplification:bigint,"
    "startTimeMs:bigint,endTimeMs:bigint,totalClusterParallelism:bigint,totalScheduledTasks:bigint,"
    "autoCompactParallelismStats:struct<maxClusterActiveParallelism:bigint,minClusterActiveParallelism:bigint,"
    "maxSessionActiveParallelism:bigint,minSessionActiveParallelism:bigint>,... 3 more fields>]")


def jdbc_input(spec_id, table, password_last=False, **options):
    props = ({"user": "lakehouse_ro", "driver": "org.postgresql.Driver", "password": DB_PASSWORD} if password_last
             else {"user": "lakehouse_ro", "password": DB_PASSWORD, "driver": "org.postgresql.Driver"})
    return {"spec_id": spec_id, "read_type": "batch", "data_format": "jdbc",
            "jdbc_args": {"url": RDS, "table": table, "properties": props},
            "options": {"fetchsize": 10000, **options}}


def optimize_spec(table, zorder=None, vacuum_hours=168):
    args = {"db_table": table, "vacuum_hours": vacuum_hours}
    if zorder:
        args["optimize_zorder_col_list"] = zorder
    return {"function": "optimize_dataset", "args": args}


def silver_acons():
    """The job's silver loads: (table, ACON path or None for an ACON the
    job builds, the ACON, what goes wrong)."""
    customers = {
        "input_specs": [jdbc_input("customers_source", "public.customers", numPartitions=4,
                                   partitionColumn="customer_id", lowerBound=1, upperBound=2400000)],
        "transform_specs": [{"spec_id": "customers_masked", "input_id": "customers_source", "transformers": [
            {"function": "with_expressions", "args": {"cols_and_exprs": {
                "email_domain": "lower(split(email, '@')[1])", "country_code": "upper(country_code)"}}},
            {"function": "hash_masker", "args": {"cols": ["email", "phone"]}},
            {"function": "column_dropper", "args": {"cols": ["email", "phone"]}}]}],
        "output_specs": [{"spec_id": "customers_silver", "input_id": "customers_masked", "write_type": "merge",
                          "db_table": "silver.customers", "location": LAKE + "customers/",
                          "merge_opts": {"merge_predicate": "current.customer_id = new.customer_id",
                                         "update_predicate": "new.updated_at > current.updated_at"}}],
        "terminate_specs": [optimize_spec("silver.customers")],
        "exec_env": EXEC_ENV,
    }
    orders = {
        "input_specs": [
            jdbc_input("orders_source", "(SELECT * FROM public.orders WHERE updated_at >= DATE '2024-05-09') AS "
                       "orders_delta"),
            {"spec_id": "orders_silver", "read_type": "batch", "db_table": "silver.orders"},
            {"spec_id": "customers_dim", "read_type": "batch", "db_table": "silver.customers"}],
        "transform_specs": [
            {"spec_id": "max_orders_ts", "input_id": "orders_silver", "transformers": [
                {"function": "get_max_value", "args": {"input_col": "updated_at"}}]},
            {"spec_id": "orders_joined", "input_id": "orders_source", "transformers": [
                {"function": "incremental_filter", "args": {"input_col": "updated_at",
                                                            "increment_df": "max_orders_ts"}},
                {"function": "join", "args": {"join_with": "customers_dim",
                                              "join_condition": "a.customer_id = b.customer_id", "join_type": "left",
                                              "broadcast_join": True,
                                              "select_cols": ["a.*", "b.customer_segment", "b.country_code"]}},
                {"function": "with_expressions", "args": {"cols_and_exprs": {"order_date": "to_date(created_at)"}}}]}],
        "dq_specs": [{"spec_id": "orders_dq", "input_id": "orders_joined", "dq_type": "validator",
                      "bucket": "acme-lakehouse-dq", "result_sink_db_table": "dq.lakehouse_dq_results",
                      "result_sink_location": "s3://acme-lakehouse/dq/results/", "unexpected_rows_pk": ["order_id"],
                      "dq_functions": [
                          {"function": "expect_column_values_to_not_be_null", "args": {"column": "order_id"}},
                          {"function": "expect_column_values_to_be_unique", "args": {"column": "order_id"}},
                          {"function": "expect_column_values_to_be_between", "args": {
                              "column": "order_total", "min_value": 0, "max_value": 25000,
                              "row_condition": "order_status != 'cancelled'"}},
                          {"function": "expect_column_values_to_be_in_set", "args": {
                              "column": "currency", "value_set": ["EUR", "GBP", "SEK", "PLN"]}}]}],
        "output_specs": [{"spec_id": "orders_out", "input_id": "orders_dq", "write_type": "merge",
                          "db_table": "silver.orders", "location": LAKE + "orders/", "partitions": ["order_date"],
                          "merge_opts": {"merge_predicate": "current.order_id = new.order_id AND "
                                                            "current.order_date = new.order_date"}}],
        "terminate_specs": [optimize_spec("silver.orders", zorder=["customer_id"])],
        "exec_env": EXEC_ENV,
    }
    order_items = {
        "input_specs": [jdbc_input("order_items_source", "(SELECT i.* FROM public.order_items i JOIN public.orders o "
                                   "USING (order_id) WHERE o.updated_at >= DATE '2024-05-09') AS items_delta",
                                   password_last=True)],
        "dq_specs": [{"spec_id": "order_items_dq", "input_id": "order_items_source", "dq_type": "validator",
                      "bucket": "acme-lakehouse-dq", "result_sink_db_table": "dq.lakehouse_dq_results",
                      "result_sink_location": "s3://acme-lakehouse/dq/results/",
                      "unexpected_rows_pk": ["order_id", "line_no"], "fail_on_error": False,
                      "dq_functions": [
                          {"function": "expect_column_values_to_not_be_null", "args": {"column": "sku"}},
                          {"function": "expect_column_values_to_be_between", "args": {
                              "column": "quantity", "min_value": 1, "max_value": 500}},
                          {"function": "expect_column_pair_a_to_be_smaller_or_equal_than_b", "args": {
                              "column_A": "discount_amnt", "column_B": "line_total"}},
                          {"function": "expect_compound_columns_to_be_unique", "args": {
                              "column_list": ["order_id", "line_no"]}},
                          {"function": "expect_column_values_to_match_regex", "args": {
                              "column": "sku", "regex": "^[A-Z]{3}-[0-9]{6}$"}},
                          {"function": "expect_column_values_to_not_be_null", "args": {"column": "unit_price"}}]}],
        "output_specs": [{"spec_id": "order_items_out", "input_id": "order_items_dq", "write_type": "merge",
                          "db_table": "silver.order_items", "location": LAKE + "order_items/",
                          "merge_opts": {"merge_predicate": "current.order_id = new.order_id AND "
                                                            "current.line_no = new.line_no"}}],
        "exec_env": EXEC_ENV,
    }
    payments = {
        "input_specs": [{"spec_id": "payments_source", "read_type": "batch", "data_format": "csv",
                         "location": "s3://acme-landing/psp/adyen/settlement_details/2024/05/10/",
                         "schema_path": "s3://acme-lakehouse-config/schemas/orders/payments.json",
                         "options": {"header": True, "delimiter": ",", "mode": "FAILFAST"}}],
        "transform_specs": [{"spec_id": "payments_typed", "input_id": "payments_source", "transformers": [
            {"function": "convert_to_timestamp", "args": {"cols": ["creation_date", "booking_date"],
                                                          "source_format": "yyyy-MM-dd HH:mm:ss"}},
            {"function": "with_expressions", "args": {"cols_and_exprs": {
                "settlement_date": "to_date(booking_date)"}}}]}],
        "output_specs": [{"spec_id": "payments_out", "input_id": "payments_typed", "write_type": "append",
                          "db_table": "silver.payments", "location": LAKE + "payments/",
                          "partitions": ["settlement_date"]}],
        "exec_env": EXEC_ENV,
    }
    shipments = {
        "input_specs": [{"spec_id": "shipments_source", "read_type": "batch", "data_format": "json",
                         "location": "s3://acme-landing/carriers/dhl/events/2024-05-10/", "with_filepath": True,
                         "options": {"multiLine": False}}],
        "transform_specs": [{"spec_id": "shipments_dedup", "input_id": "shipments_source", "transformers": [
            {"function": "convert_to_timestamp", "args": {"cols": ["event_ts"]}},
            {"function": "drop_duplicate_rows", "args": {"cols": ["tracking_number", "event_code", "event_ts"]}}]}],
        "output_specs": [{"spec_id": "shipments_out", "input_id": "shipments_dedup", "write_type": "merge",
                          "db_table": "silver.shipment_events", "location": LAKE + "shipment_events/",
                          "merge_opts": {"merge_predicate": "current.tracking_number = new.tracking_number AND "
                                                            "current.event_code = new.event_code AND "
                                                            "current.event_ts = new.event_ts",
                                         "insert_only": True}}],
        "terminate_specs": [optimize_spec("silver.shipment_events", vacuum_hours=336)],
        "exec_env": EXEC_ENV,
    }
    products = {
        "input_specs": [jdbc_input("products_source", "public.products")],
        "output_specs": [{"spec_id": "products_out", "input_id": "products_source", "write_type": "overwrite",
                          "db_table": "silver.products", "location": LAKE + "products/"}],
        "exec_env": EXEC_ENV,
    }
    inventory = {
        "input_specs": [{"spec_id": "inventory_source", "read_type": "batch", "data_format": "parquet",
                         "location": "s3://acme-landing/wms/inventory/snapshot_date=2024-05-10/",
                         "enforce_schema_from_table": "silver.inventory_snapshots"}],
        "transform_specs": [{"spec_id": "inventory_dated", "input_id": "inventory_source", "transformers": [
            {"function": "with_literals", "args": {"literals": {"snapshot_date": "2024-05-10"}}}]}],
        "output_specs": [{"spec_id": "inventory_out", "input_id": "inventory_dated", "write_type": "overwrite",
                          "db_table": "silver.inventory_snapshots", "location": LAKE + "inventory_snapshots/",
                          "partitions": ["snapshot_date"]}],
        "exec_env": EXEC_ENV,
    }
    sessions_schema = {"type": "struct", "fields": [
        {"name": "anonymous_id", "type": "string", "nullable": True, "metadata": {}},
        {"name": "user_id", "type": "string", "nullable": True, "metadata": {}},
        {"name": "session_start", "type": "timestamp", "nullable": True, "metadata": {}},
        {"name": "session_end", "type": "timestamp", "nullable": True, "metadata": {}},
        {"name": "page_views", "type": "integer", "nullable": True, "metadata": {}},
        {"name": "utm_source", "type": "string", "nullable": True, "metadata": {}}]}
    sessions = {
        "input_specs": [{"spec_id": "sessions_source", "read_type": "batch", "data_format": "json",
                         "location": "s3://acme-landing/segment/sessions/2024/05/10/", "schema": sessions_schema}],
        "output_specs": [{"spec_id": "sessions_out", "input_id": "sessions_source", "write_type": "append",
                          "db_table": "silver.web_sessions", "location": LAKE + "web_sessions/"}],
        "exec_env": EXEC_ENV,
    }
    stores = {
        "input_specs": [jdbc_input("stores_source", "public.stores", fetchsize=1000)],
        "output_specs": [{"spec_id": "stores_out", "input_id": "stores_source", "write_type": "overwrite",
                          "db_table": "silver.stores", "location": LAKE + "stores/"}],
        "exec_env": EXEC_ENV,
    }
    promotions = {
        "input_specs": [jdbc_input("promotions_source", "public.promotions", password_last=True)],
        "output_specs": [{"spec_id": "promotions_out", "input_id": "promotions_source", "write_type": "overwrite",
                          "db_table": "silver.promotions", "location": LAKE + "promotions/"}],
        "exec_env": EXEC_ENV,
    }
    carriers = {
        "input_specs": [{"spec_id": "carriers_source", "read_type": "batch", "data_format": "csv",
                         "location": "s3://acme-landing/reference/carriers.csv", "options": {"header": True}}],
        "output_specs": [{"spec_id": "carriers_out", "input_id": "carriers_source", "write_type": "overwrite",
                          "db_table": "silver.carriers", "location": LAKE + "carriers/"}],
        "exec_env": EXEC_ENV,
    }
    return [("silver.customers", None, customers, None), ("silver.orders", None, orders, None),
            ("silver.order_items", None, order_items, "dq"),
            ("silver.payments", ACONS + "silver_payments.json", payments, None),
            ("silver.shipment_events", ACONS + "silver_shipment_events.json", shipments, None),
            ("silver.returns", ACONS + "silver_returns.json", None, "no_acon"),
            ("silver.products", None, products, None),
            ("silver.inventory_snapshots", ACONS + "silver_inventory_snapshots.json", inventory, None),
            ("silver.web_sessions", ACONS + "silver_web_sessions.json", sessions, None),
            ("silver.stores", None, stores, None), ("silver.promotions", None, promotions, None),
            ("silver.carriers", ACONS + "silver_carriers.json", carriers, None)]


def returns_traceback():
    """The traceback the job prints (traceback.print_exc()) when
    silver_returns.json is not in the bucket: S3Storage's NoSuchKey, then
    the DBFS fall-back's two import errors, chained."""
    bc = SITE312 + "botocore/"
    b3 = SITE312 + "boto3/resources/"
    during = "\nDuring handling of the above exception, another exception occurred:\n"
    fsf = LE_SRC + "utils/storage/file_storage_functions.py"
    dbu = LE_SRC + "utils/databricks_utils.py"
    lines = [
        "Traceback (most recent call last):",
        '  File "%s", line 37, in read_json' % fsf,
        "    return json.load(S3Storage.get_file_payload(url))",
        carets("return json.load(S3Storage.get_file_payload(url))", "S3Storage.get_file_payload(url)"),
        '  File "%sutils/storage/s3_storage.py", line 33, in get_file_payload' % LE_SRC,
        '    return obj.get()["Body"]',
        carets('return obj.get()["Body"]', "obj.get()"),
        '  File "%sfactory.py", line 581, in do_action' % b3,
        "    response = action(self, *args, **kwargs)",
        carets("response = action(self, *args, **kwargs)", "action(self, *args, **kwargs)"),
        '  File "%saction.py", line 88, in __call__' % b3,
        "    response = getattr(parent.meta.client, operation_name)(*args, **params)",
        carets("response = getattr(parent.meta.client, operation_name)(*args, **params)",
               "getattr(parent.meta.client, operation_name)(*args, **params)"),
        '  File "%sclient.py", line 606, in _api_call' % bc,
        "    return self._make_api_call(operation_name, kwargs)",
        carets("return self._make_api_call(operation_name, kwargs)", "self._make_api_call(operation_name, kwargs)"),
        '  File "%scontext.py", line 123, in wrapper' % bc,
        "    return func(*args, **kwargs)",
        carets("return func(*args, **kwargs)", "func(*args, **kwargs)"),
        '  File "%sclient.py", line 1094, in _make_api_call' % bc,
        "    raise error_class(parsed_response, operation_name)",
        "botocore.errorfactory.NoSuchKey: An error occurred (NoSuchKey) when calling the GetObject operation: The "
        "specified key does not exist.",
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 43, in get_db_utils' % dbu,
        "    from pyspark.dbutils import DBUtils",
        "ModuleNotFoundError: No module named 'pyspark.dbutils'",
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 96, in load_silver' % JOB,
        "    load_data(acon_path=acon_path)",
        '  File "%sengine.py", line 46, in load_data' % LE_SRC,
        "    acon = ConfigUtils.get_acon(acon_path, acon)",
        carets("acon = ConfigUtils.get_acon(acon_path, acon)", "ConfigUtils.get_acon(acon_path, acon)"),
        '  File "%sutils/configs/config_utils.py", line 47, in get_acon' % LE_SRC,
        "    acon if acon else ConfigUtils.read_json_acon(acon_path, disable_dbfs_retry)",
        carets("acon if acon else ConfigUtils.read_json_acon(acon_path, disable_dbfs_retry)",
               "ConfigUtils.read_json_acon(acon_path, disable_dbfs_retry)"),
        '  File "%sutils/configs/config_utils.py", line 107, in read_json_acon' % LE_SRC,
        "    return FileStorageFunctions.read_json(path, disable_dbfs_retry)",
        carets("return FileStorageFunctions.read_json(path, disable_dbfs_retry)",
               "FileStorageFunctions.read_json(path, disable_dbfs_retry)"),
        '  File "%s", line 39, in read_json' % fsf,
        "    return json.loads(DBFSStorage.get_file_payload(url))",
        carets("return json.loads(DBFSStorage.get_file_payload(url))", "DBFSStorage.get_file_payload(url)"),
        '  File "%sutils/storage/dbfs_storage.py", line 31, in get_file_payload' % LE_SRC,
        "    return DatabricksUtils.get_db_utils(ExecEnv.SESSION).fs.head(",
        carets("return DatabricksUtils.get_db_utils(ExecEnv.SESSION).fs.head(",
               "DatabricksUtils.get_db_utils(ExecEnv.SESSION)"),
        '  File "%s", line 50, in get_db_utils' % dbu,
        "    import IPython",
        "ModuleNotFoundError: No module named 'IPython'",
    ]
    return "\n".join(lines)


SE_FAIL = ("Job failed, as there is a data quality issue at agg_dq expectations and the action_if_failed "
           "suggested to fail")


def payments_traceback():
    """The traceback the job prints when gold.fct_payments' source agg_dq
    rule fails: SparkExpectOrFailException, wrapped at each layer of
    with_expectations (the message growing), six tracebacks chained."""
    exc = "spark_expectations.core.exceptions."
    act = SE_SRC + "utils/actions.py"
    flow = SE_SRC + "utils/regulate_flow.py"
    exp = SE_SRC + "core/expectations.py"
    stats = SE_SRC + "sinks/utils/collect_statistics.py"
    notify = SE_SRC + "notifications/push/spark_expectations_notify.py"
    m1 = "error occurred while taking action on given rules " + SE_FAIL
    m2 = "error occurred while executing func_process " + m1
    m3 = "error occurred while processing spark expectations " + m2
    during = "\nDuring handling of the above exception, another exception occurred:\n"
    lines = [
        "Traceback (most recent call last):",
        '  File "%s", line 682, in action_on_rules' % act,
        "    raise SparkExpectOrFailException(",
        exc + "SparkExpectOrFailException: " + SE_FAIL,
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 138, in func_process' % flow,
        "    df = _actions.action_on_rules(",
        carets("df = _actions.action_on_rules(", "_actions.action_on_rules("),
        '  File "%s", line 690, in action_on_rules' % act,
        '    raise SparkExpectationsMiscException(f"error occurred while taking action on given rules {e}")',
        exc + "SparkExpectationsMiscException: " + m1,
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 989, in wrapper' % exp,
        "    self._run_source_agg_dq_batch(_df, func_process)",
        '  File "%s", line 573, in _run_source_agg_dq_batch' % exp,
        "    ) = func_process(",
        carets(") = func_process(", "func_process("),
        '  File "%s", line 156, in func_process' % flow,
        '    raise SparkExpectationsMiscException(f"error occurred while executing func_process {e}")',
        exc + "SparkExpectationsMiscException: " + m2,
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 33, in wrapper' % stats,
        "    result = func(*args, **kwargs)",
        carets("result = func(*args, **kwargs)", "func(*args, **kwargs)"),
        '  File "%s", line 1028, in wrapper' % exp,
        '    raise SparkExpectationsMiscException(f"error occurred while processing spark expectations {e}")',
        exc + "SparkExpectationsMiscException: " + m3,
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 61, in wrapper' % notify,
        "    result = func(*args, **kwargs)",
        carets("result = func(*args, **kwargs)", "func(*args, **kwargs)"),
        '  File "%s", line 45, in wrapper' % stats,
        "    raise SparkExpectationsMiscException(e)",
        exc + "SparkExpectationsMiscException: " + m3,
        during,
        "Traceback (most recent call last):",
        '  File "%s", line 131, in build_gold' % JOB,
        "    build()",
        '  File "%s", line 72, in wrapper' % notify,
        "    raise SparkExpectationsMiscException(e)",
        exc + "SparkExpectationsMiscException: " + m3,
    ]
    return "\n".join(lines)


# The gold tables: (table, source, input rows, rules in its rules_df,
# [source agg_dq, source query_dq, row_dq, target agg_dq, target query_dq],
# query_dq rules, avg() results printed as floats, row_dq error rows,
# high-priority row rules failed, error drop over the 5% threshold, first
# run of the table, an inactive rule that no longer validates, fails).
GOLD = [
    ("gold.fct_orders", "silver.orders", 48213, 14, [True, True, True, True, True], 2, [87.41633], 229, 1, False,
     False, ("ship_country_is_not_null", "shiping_country IS NOT NULL"), False),
    ("gold.fct_order_items", "silver.order_items", 131877, 11, [True, False, True, True, False], 0, [2.743118], 3104,
     2, False, False, None, False),
    ("gold.dim_customers", "silver.customers", 2391006, 8, [False, False, True, True, False], 0, [], 0, 0, False,
     False, None, False),
    ("gold.fct_payments", "silver.payments", 1873, 9, [True, True, True, True, False], 1, [104.226519], 0, 0, False,
     False, None, True),
    ("gold.fct_shipment_events", "silver.shipment_events", 96540, 7, [True, False, True, False, False], 0, [], 6120,
     1, True, True, None, False),
    ("gold.dim_products", "silver.products", 18342, 6, [False, False, True, False, True], 1, [], 12, 0, False, False,
     None, False),
    ("gold.fct_inventory_daily", "silver.inventory_snapshots", 412877, 8, [True, True, True, True, False], 1,
     [61.058204], 0, 0, False, False, None, False),
    ("gold.fct_web_sessions_daily", "silver.web_sessions", 883104, 5, [True, False, True, False, False], 0,
     [3.91766], 4410, 0, False, False, None, False),
    ("gold.fct_promotion_redemptions", "silver.promotions", 27411, 6, [True, False, True, True, False], 0,
     [12.880417], 57, 0, False, False, None, False),
    ("gold.dim_stores", "silver.stores", 214, 4, [False, False, True, False, False], 0, [], 0, 0, False, False,
     None, False),
]


def stream_lakehouse_se():
    stream = []
    le = Program("lakehouse-engine", "DataLoader", logging.Formatter(LAKEHOUSE_ENGINE), stream)
    se = Program("spark-expectations", "spark_expectations", logging.Formatter(SPARK_EXPECTATIONS), stream)
    loggers = {}

    def L(name):
        """A lakehouse-engine logger: LoggingHandler(name).get_logger()."""
        if name not in loggers:
            log = lg(le, name)
            log.addFilter(FilterSensitiveData())
            loggers[name] = log
        return loggers[name]

    dl = L("DataLoader")
    se_log = lg(se, "spark_expectations")
    vr_log = lg(se, "spark_expectations.utils.validate_rules")

    def s(level, path, line, func, msg, *args):
        at(se_log, level, SE_SRC + path, line, func, msg, *args)

    def v(level, line, msg, *args):
        at(vr_log, level, SE_SRC + "utils/validate_rules.py", line, "validate_expectations", msg, *args)

    def job(text):
        printed(stream, "[orders_nightly] " + text)

    # The team's wrapper, then spark-submit's Python: the imports load
    # spark-expectations' notification and sink plugins.
    printed(stream, "run-job.sh: fetching s3://acme-spark-jobs/orders_nightly/2024.05.3/jobs.zip")
    printed(stream, "run-job.sh: exec /opt/entrypoint.sh driver --properties-file /opt/spark/conf/spark.properties "
            "--class org.apache.spark.deploy.PythonRunner local:///opt/jobs/orders_nightly.py --run-date 2024-05-10")
    for name, cls in (("email", "Email"), ("slack", "Slack"), ("teams", "Teams"), ("zoom", "Zoom"),
                      ("pagerduty", "PagerDuty")):
        s(logging.INFO, "notifications/__init__.py", 45, "get_notifications_hook",
          f"Loaded plugin with name: spark_expectations_{name}_notification and class: "
          f"SparkExpectations{cls}PluginImpl")
    s(logging.INFO, "sinks/__init__.py", 26, "get_sink_hook",
      "Loaded plugin with name: spark_expectations_kafka_write and class: SparkExpectationsKafkaWritePluginImpl")
    job("run date 2024-05-10: 12 silver loads, %d gold tables" % len(GOLD))

    defaults = {"spark.databricks.delta.optimizeWrite.enabled": True, "spark.sql.adaptive.enabled": True,
                "spark.databricks.delta.merge.enableLowShuffle": True}
    session = [False]
    failed_silver = []

    def load(table, path, acon, trouble):
        job(f"{table}: load_data(" + (f"acon_path='{path}'" if path else "acon=<built, password from secretsmanager "
                                      "orders/shop-db/lakehouse_ro>") + ")")
        if path:
            L("lakehouse_engine.utils.storage.s3_storage").info(f"Trying with s3_storage: Reading from file: {path}")
        if trouble == "no_acon":
            L("lakehouse_engine.utils.storage.dbfs_storage").info(
                f"Trying with dbfs_storage: Reading from file: {path}")
            bare(stream, returns_traceback())
            job(f"{table}: FAILED, carrying on")
            failed_silver.append(table)
            return
        env = L("lakehouse_engine.core.exec_env")
        env.info(f"Using the following default configs you may want to override them for your job: {defaults}")
        env.info(f"Final config is: {dict(defaults, **acon['exec_env'])}")
        if not session[0]:
            session[0] = True
            env.info("Creating a new Spark Session")
            jvm(stream, "WARN", "Unable to load native-hadoop library for your platform... using builtin-java "
                "classes where applicable", "NativeCodeLoader")
            jvm(stream, "WARN", "HiveConf of name hive.stats.jdbc.timeout does not exist", "HiveConf")
            jvm(stream, "WARN", "HiveConf of name hive.stats.retries.wait does not exist", "HiveConf")
        L("lakehouse_engine.utils.acon_utils").info(f"Read Algorithm Configuration: {str(acon)}")
        for _ in acon.get("dq_specs", []):
            dl.info("Streaming Micro Batch DQ Plan: {}")
        dl.info("Starting read stage...")
        for spec in acon["input_specs"]:
            dl.info(f"Found input specification: {InputSpec(**spec)}")
            if spec.get("data_format") in ("csv", "json", "parquet"):
                su = L("lakehouse_engine.utils.schema_utils")
                if spec.get("enforce_schema_from_table"):
                    su.info(f"Reading schema from table: {spec['enforce_schema_from_table']}")
                elif spec.get("schema_path"):
                    su.info(f"Reading schema from file: {spec['schema_path']}")
                elif spec.get("schema"):
                    su.info(f"Reading schema from configuration file: {spec['schema']}")
                else:
                    su.info("No schema was provided... skipping enforce schema")
        dl.info("Starting transform stage...")
        for spec in acon.get("transform_specs", []):
            ts = TransformSpec(spec["spec_id"], spec["input_id"],
                               [TransformerSpec(t["function"], t.get("args", {})) for t in spec["transformers"]])
            dl.info(f"Found transform specification: {ts}")
            for t in spec["transformers"]:
                if t["function"] == "join":
                    a = t["args"]
                    app_id = "3f0c9b1e-6d2a-4e57-a1c8-92b4d7e06f35"
                    query = f"""
                SELECT {"/*+ BROADCAST(b) */" if a["broadcast_join"] else ""}
                {", ".join(a["select_cols"])}
                FROM global_temp.`{app_id}_a` AS a
                {a["join_type"].upper()}
                JOIN global_temp.`{app_id}_b` AS b
                ON {a["join_condition"]}
            """
                    L("lakehouse_engine.transformers.joiners").info(f"Execution query: {query}")
        dl.info("Starting data quality stage...")
        for spec in acon.get("dq_specs", []):
            dq = dq_spec_of(spec)
            dl.info(f"Found data quality specification: {dq}")
            dqf = L("lakehouse_engine.dq_processors.dq_factory")
            for f in dq.dq_functions:
                if "row_condition" in f.args:
                    dqf.info(f"Disabling row_condition for function: {f.function}")
            total = 6 * len(dq.dq_functions) + 2
            printed(stream, gx_progress(total, 11.3 + total / 3))
            if trouble != "dq":
                dqf.info("The data passed all the expectations defined. Everything looks good!")
                continue
            ids = ["c5a1d7e0-2b4f-4d19-9e63-7f0a8b2c4d51", "0e9b3c72-5a1d-4f08-b6e4-1d2c3a4b5e60",
                   "8d24f1a6-9c3e-4b57-a0d2-6e1f7b3c9a08"]
            pair = {"type": "expect_column_pair_a_to_be_smaller_or_equal_than_b",
                    "kwargs": {"column_A": "discount_amnt", "column_B": "line_total",
                               "batch_id": "order_items_dq-order_items_source"}, "meta": {}, "id": ids[0]}
            dqf.error(f"""The expectation {str(pair)}
                        raised the following exception:
                        Error: The column "discount_amnt" in BatchData does not exist.""")
            regex = {"type": "expect_column_values_to_match_regex",
                     "kwargs": {"column": "sku", "regex": "^[A-Z]{3}-[0-9]{6}$",
                                "batch_id": "order_items_dq-order_items_source"}, "meta": {}, "id": ids[1]}
            failed = {ids[0]: pair, ids[1]: regex}
            dqf.error(f"{len(failed)} out of {len(dq.dq_functions)} Data Quality Expectation(s) have failed! "
                      f"Failed Expectations: {failed}")
        dl.info("Starting write stage...")
        for spec in acon["output_specs"]:
            dl.info(f"Found output specification: {output_spec_of(spec)}")
            if table == "silver.customers":
                jvm(stream, "WARN", "Cannot locate configuration: tried hadoop-metrics2-s3a-file-system.properties,"
                    "hadoop-metrics2.properties", "MetricsConfig")
            if table == "silver.orders":
                jvm(stream, "WARN", "Lost task 17.0 in stage 41.0 (TID 1288) (10.0.3.51 executor 2): "
                    "ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: The executor "
                    "with id 2 exited with exit code 137(SIGKILL, possible container OOM).", "TaskSetManager",
                    {"executor_id": "2", "host_port": "10.0.3.51", "stage_id": "41.0", "task_id": "1288"})
                jvm(stream, "ERROR", "Lost executor 2 on 10.0.3.51: The executor with id 2 exited with exit code "
                    "137(SIGKILL, possible container OOM).", "TaskSchedulerImpl",
                    {"executor_id": "2", "host_port": "10.0.3.51"})
        dl.info("Starting terminate stage...")
        for spec in acon.get("terminate_specs", []):
            dl.info(f"Found terminate specification: {TerminatorSpec(**spec)}")
            a = spec["args"]
            t = a["db_table"]
            opt = L("lakehouse_engine.terminators.dataset_optimizer")
            tm = L("lakehouse_engine.core.table_manager")
            opt.info(f"Optimizing table {t}...")
            zorder = ",".join(a.get("optimize_zorder_col_list") or [])
            tm.info(f"sql command: {'OPTIMIZE'} {t} {''} {'ZORDER BY ({})'.format(zorder) if zorder else ''}")
            tm.info(OPTIMIZE_OUTPUT)
            opt.info(f"Vacuuming table {t}...")
            tm.info(f"Vacuuming table: {t}")
            opt.info(f"Computing table statistics for {t}...")
            tm.info(f"sql command: ANALYZE TABLE {t} COMPUTE STATISTICS")
            tm.info("compute_table_statistics successfully executed!")
        dl.info("Execution of the algorithm has finished!")
        job(f"{table}: done")

    for table, path, acon, trouble in silver_acons():
        load(table, path, acon, trouble)

    # The gold tables.
    failed_gold = []
    run_ids = ["6f1c2e2a-0f9b-11ef-9a3e-0242ac1f0a07", "7e02b8d4-0f9b-11ef-9a3e-0242ac1f0a07",
               "8a9d41f0-0f9b-11ef-9a3e-0242ac1f0a07", "95c17a3c-0f9b-11ef-9a3e-0242ac1f0a07",
               "a1f3e6b8-0f9b-11ef-9a3e-0242ac1f0a07", "ae2d0c52-0f9b-11ef-9a3e-0242ac1f0a07",
               "ba6f93e6-0f9b-11ef-9a3e-0242ac1f0a07", "c7b1d4a0-0f9b-11ef-9a3e-0242ac1f0a07",
               "d3e85b1c-0f9b-11ef-9a3e-0242ac1f0a07", "e0a29f74-0f9b-11ef-9a3e-0242ac1f0a07"]
    flow = "utils/regulate_flow.py"
    writer = "sinks/utils/writer.py"
    exp = "core/expectations.py"

    def save(table, stats=False, new=False):
        if stats:
            s(logging.INFO, writer, 158, "save_df_as_table",
              "Auto-enabled mergeSchema for stats table to support schema evolution")
        s(logging.INFO, writer, 243, "save_df_as_table", "Detected batch DataFrame, using write")
        s(logging.INFO, writer, 262, "save_df_as_table", f"Writing records to table: {table}")
        s(logging.INFO, writer, 268, "save_df_as_table", f"finished writing records to table: {table}")
        if new:
            s(logging.INFO, writer, 281, "save_df_as_table",
              f"product_id is not set for table {table} in tableproperties, setting it now")

    def process(floats=()):
        s(logging.INFO, flow, 90, "func_process", "The data quality dataframe is getting created for expectations")
        for x in floats:
            # actions.py agg_query_dq_detailed_result's print(), an avg() rule's result
            printed(stream, f"Warning: aggregation result { x } is a float and will be rounded.")
        s(logging.INFO, flow, 101, "func_process", "The data quality dataframe is created for expectations")

    def slack():
        s(logging.INFO, "notifications/plugins/slack.py", 42, "send_notification", "Message posted successfully!")

    def write_stats():
        s(logging.INFO, "core/context.py", 230, "get_dbr_workspace_id",
          "Unable to retrieve Databricks workspace ID via dbruntime: No module named 'dbruntime'")
        s(logging.INFO, writer, 955, "write_error_stats", "Writing metrics to the stats table: dq.dq_stats, started")
        save("dq.dq_stats", stats=True)
        s(logging.INFO, writer, 966, "write_error_stats", "Writing metrics to the stats table: dq.dq_stats, ended")
        s(logging.INFO, writer, 671, "write_detailed_stats",
          "Writing metrics to the detailed stats table: dq.dq_stats_detailed, started")
        save("dq.dq_stats_detailed", stats=True)
        s(logging.INFO, writer, 682, "write_detailed_stats",
          "Writing metrics to the detailed stats table: dq.dq_stats_detailed, ended")
        s(logging.INFO, writer, 689, "write_detailed_stats",
          "Writing metrics to the output custom table: dq.dq_stats_querydq_output, started")
        save("dq.dq_stats_querydq_output", stats=True)
        s(logging.INFO, writer, 700, "write_detailed_stats",
          "Writing metrics to the output custom table: dq.dq_stats_querydq_output, ended")
        s(logging.INFO, writer, 1005, "write_error_stats",
          "Streaming stats to kafka is disabled, hence skipping writing to kafka")

    for k, (table, src, count, nrules, kinds, nquery, floats, errors, high, breach, new, invalid, fails) in \
            enumerate(GOLD):
        src_agg, src_query, row, tgt_agg, tgt_query = kinds
        job(f"{table}: with_expectations(target_table='{table}', write_to_table=True), {nrules} rules from "
            f"dq.dq_rules")
        for _ in range(nquery):
            s(logging.INFO, "utils/reader.py", 225, "_process_rules_df",
              "enable_querydq_custom_output is a boolean column and is not set, defaulting to False")
        s(logging.INFO, exp, 953, "wrapper", "The function dataframe is getting created")
        if invalid:
            rule, expectation = invalid
            error = (f"[row_dq] Rule failed validation | rule_type: row_dq | rule: '{rule}' | expectation: "
                     f"'{expectation}' → [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function "
                     "parameter with name `shiping_country` cannot be resolved. Did you mean one of the following? "
                     "[`shipping_country`, `billing_country`, `shipping_city`, `order_id`, `customer_id`]. "
                     "SQLSTATE: 42703;\n'Project [unresolvedalias('shiping_country IS NOT NULL)]\n"
                     "+- SubqueryAlias spark_catalog.silver.orders\n"
                     "   +- Relation spark_catalog.silver.orders[order_id#20417L,customer_id#20418L,order_status#20419,"
                     "currency#20420,order_total#20421,... 14 more fields] parquet\n")
            v(logging.WARNING, 557, "Invalid rule detected: rule='%s', rule_type='%s', error='%s'", rule, "row_dq",
              error)
            v(logging.WARNING, 571, "Rule validation complete: %d valid, %d invalid out of %d total rules", nrules - 1,
              1, nrules)
            v(logging.WARNING, 578, "  - %s: %d invalid rule(s)", "row_dq", 1)
            s(logging.WARNING, exp, 436, "_check_invalid_rules", "Some rules failed validation: %s. Check earlier log "
              "messages for details on each invalid rule.", [rule])
        else:
            v(logging.INFO, 584, "Rule validation complete: all %d rules are valid", nrules)
            s(logging.INFO, exp, 442, "_check_invalid_rules",
              "Validation for rules completed successfully - all rules are valid")
        s(logging.INFO, exp, 961, "wrapper", f"data frame input record count: {count}")
        s(logging.INFO, exp, 459, "_init_default_values", "initialize variable with default values before next run")
        s(logging.INFO, exp, 969, "wrapper", f"Spark Expectations run id for this run: acme_orders_{run_ids[k]}")
        s(logging.INFO, exp, 972, "wrapper", "The function dataframe is created")
        if src_agg:
            s(logging.INFO, exp, 563, "_run_source_agg_dq_batch",
              "started processing data quality rules for agg level expectations on source dataframe")
            process(floats)
            if fails:
                write_stats()
                slack()
                bare(stream, payments_traceback())
                job(f"{table}: FAILED, carrying on")
                failed_gold.append(table)
                continue
            s(logging.INFO, exp, 581, "_run_source_agg_dq_batch",
              "ended processing data quality rules for agg level expectations on source dataframe")
        if src_query:
            s(logging.INFO, exp, 601, "_run_source_query_dq_batch",
              "started processing data quality rules for query level expectations on source dataframe")
            process()
            s(logging.INFO, exp, 619, "_run_source_query_dq_batch",
              "ended processing data quality rules for query level expectations on source dataframe")
        if row:
            s(logging.INFO, exp, 647, "_run_row_dq", "started processing data quality rules for row level expectations")
            process()
            s(logging.INFO, flow, 111, "func_process", "Writing error records into the table started")
            s(logging.INFO, writer, 1013, "write_error_records_final", "_write_error_records_final started")
            printed(stream, "self._context.get_se_enable_error_table : True")
            if table == "gold.fct_order_items":
                jvm(stream, "WARN", "Truncated the string representation of a plan since it was too large. This "
                    "behavior can be adjusted by setting 'spark.sql.debug.maxToStringFields'.", "SparkStringUtils")
            if table == "gold.fct_inventory_daily":
                jvm(stream, "WARN", "Stage 318 contains a task of very large size (1214 KiB). The maximum "
                    "recommended task size is 1000 KiB.", "TaskSetManager")
            save(table + "_error", new=new)
            s(logging.INFO, writer, 1065, "write_error_records_final", "_write_error_records_final ended")
            for _ in range(high):
                slack()
            if breach:
                slack()
            s(logging.INFO, exp, 997, "wrapper", "ended processing data quality rules for row level expectations")
        if tgt_agg:
            s(logging.INFO, exp, 724, "_run_target_agg_dq_batch",
              "started processing data quality rules for agg level expectations on final dataframe")
            process()
            s(logging.INFO, exp, 744, "_run_target_agg_dq_batch",
              "ended processing data quality rules for agg level expectations on final dataframe")
        if tgt_query:
            s(logging.INFO, exp, 771, "_run_target_query_dq_batch",
              "started processing data quality rules for query level expectations on final dataframe")
            process()
            s(logging.INFO, exp, 794, "_run_target_query_dq_batch",
              "ended processing data quality rules for query level expectations on final dataframe")
        s(logging.INFO, exp, 1011, "wrapper", "Writing into the final table started")
        save(table, new=new)
        s(logging.INFO, exp, 1017, "wrapper", "Writing into the final table ended")
        write_stats()
        job(f"{table}: {count - errors} rows written, {errors} error rows in {table}_error")

    job("silver: %d loaded, %d failed (%s)" % (12 - len(failed_silver), len(failed_silver), ", ".join(failed_silver)))
    job("gold: %d built, %d failed (%s)" % (len(GOLD) - len(failed_gold), len(failed_gold), ", ".join(failed_gold)))
    job("exiting with status 1")
    jvm(stream, "WARN", "Kubernetes client has been closed.", "ExecutorPodsWatchSnapshotSource")
    return {"name": "lakehouse-se", "programs": [le, se], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An analytics team's CodeBuild project (its build's log stream): on every
# merge to main the build checks each dbt project of the monorepo with
# dbt-bouncer (-v) and draws its ERD with dbterd, then syncs the diagrams
# and the results to the docs bucket. The build script carries on past a
# failing project and exits 1 at the end.

SRC = "/codebuild/output/src1849027361/src/github.com/acme-data/analytics"
SITE = "/root/.pyenv/versions/3.11.9/lib/python3.11/site-packages/"
BOUNCER = SITE + "dbt_bouncer/"
DBTERD_SRC = SITE + "dbterd/"

PROJECTS = {
    "finance": ("acme_finance", [
        "stg_netsuite__gl_entries", "stg_netsuite__accounts", "stg_netsuite__subsidiaries", "stg_stripe__charges",
        "stg_stripe__refunds", "stg_stripe__payouts", "stg_stripe__balance_transactions", "stg_zuora__invoices",
        "stg_zuora__invoice_items", "stg_zuora__subscriptions", "stg_fx__daily_rates", "int_gl_entries_enriched",
        "int_revenue_recognised", "int_refunds_matched", "int_payouts_reconciled", "int_invoice_lines_usd",
        "int_subscription_months", "fct_general_ledger", "fct_revenue_daily", "fct_cash_movements", "fct_invoices",
        "fct_arr_monthly", "dim_accounts", "dim_subsidiaries", "dim_customers_finance", "dim_calendar_fiscal",
        "rpt_pnl_monthly", "rpt_balance_sheet", "rpt_cash_flow", "rpt_arr_bridge"], ["netsuite", "stripe", "zuora",
                                                                                       "fx"]),
    "marketing": ("acme_marketing", [], []),
    "supply": ("acme_supply", [
        "stg_netsuite__items", "stg_netsuite__item_fulfillments", "stg_netsuite__purchase_orders",
        "stg_netsuite__locations", "stg_shipbob__orders", "stg_shipbob__shipments", "stg_shipbob__inventory",
        "stg_shipbob__returns", "int_po_lines", "int_inventory_snapshots", "int_shipments_enriched",
        "int_returns_matched", "int_lead_times", "fct_shipments", "fct_inventory_daily", "fct_purchase_orders",
        "fct_returns", "dim_items", "dim_locations", "dim_carriers", "rpt_fill_rate_weekly", "rpt_stock_cover",
        "rpt_supplier_scorecard", "rpt_returns_by_reason"], ["netsuite", "shipbob"]),
    "product": ("acme_product", [
        "stg_segment__tracks", "stg_segment__pages", "stg_segment__identifies", "stg_app__users", "stg_app__workspaces",
        "stg_app__projects", "stg_app__feature_flags", "stg_launchdarkly__evaluations", "int_sessions",
        "int_user_daily_activity", "int_workspace_seats", "int_feature_adoption", "int_funnel_steps",
        "fct_sessions", "fct_feature_usage", "fct_activation", "fct_retention_weekly", "dim_users", "dim_workspaces",
        "dim_features", "dim_plans", "rpt_weekly_active_users", "rpt_feature_funnel", "product_kpis_daily"],
                ["segment", "app", "launchdarkly"]),
}

CHECKS = [("catalog_checks", "check_column_description_populated", 0),
          ("manifest_checks", "check_model_names", 0),
          ("manifest_checks", "check_model_description_populated", 1),
          ("manifest_checks", "check_model_has_unique_test", 2),
          ("manifest_checks", "check_source_freshness_populated", 3)]


def github_table(rows, headers):
    """tabulate(rows, headers=..., tablefmt="github") for string cells."""
    keys = list(headers)
    widths = [max([len(headers[k]) + 2] + [len(str(r[k])) for r in rows]) for k in keys]
    lines = ["| " + " | ".join(headers[k].ljust(w) for k, w in zip(keys, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(r[k]).ljust(w) for k, w in zip(keys, widths)) + " |")
    return "\n".join(lines)


def stream_dbt_ci():
    stream = []
    bouncer = Program("dbt-bouncer", "root", DbtBouncerFormatter(logging.DEBUG), stream)
    erd = Program("dbterd", "dbterd", DbterdFormatter(DBTERD), stream)
    bl = lg(bouncer, "root")
    dl = lg(erd, "dbterd")

    def c(text):
        container(stream, text)

    def dbt(text):
        printed(stream, now("%H:%M:%S") + "  " + text)

    def b(level, path, line, func, msg, *args):
        at(bl, level, BOUNCER + path, line, func, msg, *args)

    def e(level, path, line, func, msg, *args):
        at(dl, level, DBTERD_SRC + path, line, func, msg, *args)

    c("Waiting for agent ping")
    c("Waiting for DOWNLOAD_SOURCE")
    c("Phase is DOWNLOAD_SOURCE")
    c("CODEBUILD_SRC_DIR=" + SRC)
    c("YAML location is " + SRC + "/ci/buildspec-dbt.yml")
    c("Setting HTTP client timeout to higher timeout for S3 source")
    c("Processing environment variables")
    c("Selecting 'python' runtime version '3.11' based on manual selections...")
    c("Running command echo \"Installing Python version 3.11 ...\"")
    printed(stream, "Installing Python version 3.11 ...")
    c("Running command pyenv global  $PYTHON_311_VERSION")
    c("Moving to directory " + SRC)
    c("Registering with agent")
    c("Phases found in YAML: 3")
    c(" INSTALL: 1 commands")
    c(" BUILD: 1 commands")
    c(" POST_BUILD: 1 commands")
    c("Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    c("Entering phase INSTALL")
    c("Running command pip install --quiet --root-user-action=ignore -r ci/requirements-dbt.txt")
    c("Phase complete: INSTALL State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    c("Entering phase PRE_BUILD")
    c("Phase complete: PRE_BUILD State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    c("Entering phase BUILD")
    c("Running command ./ci/check_dbt_projects.sh finance marketing product supply")

    for project in ("finance", "marketing", "product", "supply"):
        name, models, sources = PROJECTS[project]
        pdir = f"{SRC}/dbt/{project}"
        printed(stream, f"==> {project}: dbt deps")
        dbt("Running with dbt=1.8.7")
        dbt(f"Updating lock file in file path: {pdir}/package-lock.yml")
        dbt("Installing dbt-labs/dbt_utils")
        dbt("Installed from version 1.2.0")
        dbt("Up to date!")
        printed(stream, f"==> {project}: dbt docs generate --target ci")
        dbt("Running with dbt=1.8.7")
        dbt("Registered adapter: redshift=1.8.1")
        if project == "marketing":
            dbt("Found 57 models, 203 data tests, 19 sources, 873 macros")
            dbt("Concurrency: 4 threads (target='ci')")
            dbt("Encountered an error:")
            printed(stream, "Database Error")
            printed(stream, "  permission denied for schema marketing_raw_hubspot")
            printed(stream, f"==> {project}: dbt docs generate failed, carrying on")
        else:
            dbt(f"Found {len(models)} models, {len(models) * 4 + 7} data tests, {len(sources) * 4 + 2} sources, "
                f"{873 + len(models)} macros")
            dbt("Concurrency: 4 threads (target='ci')")
            dbt("Building catalog")
            dbt(f"Catalog written to {pdir}/target/catalog.json")

        printed(stream, f"==> {project}: dbt-bouncer -v --config-file dbt-bouncer.yml --output-file "
                "dbt-bouncer-results.json")
        b(logging.INFO, "main.py", 51, "cli", "Running dbt-bouncer (1.6.4)...")
        b(logging.DEBUG, "config_file_validator.py", 102, "get_config_file_path", "config_file=PurePosixPath('dbt-bouncer.yml')")
        b(logging.DEBUG, "config_file_validator.py", 103, "get_config_file_path", "config_file_source='COMMANDLINE'")
        b(logging.DEBUG, "config_file_validator.py", 106, "get_config_file_path",
          "Config file passed via command line: dbt-bouncer.yml")
        b(logging.DEBUG, "utils.py", 189, "load_config_from_yaml", f"Loading config from {pdir}/dbt-bouncer.yml...")
        b(logging.DEBUG, "utils.py", 190, "load_config_from_yaml", "Loading config from dbt-bouncer.yml...")
        b(logging.INFO, "utils.py", 199, "load_config_from_yaml", "Loaded config from dbt-bouncer.yml...")
        conf = {"dbt_artifacts_dir": "target", "catalog_checks": [
            {"name": "check_column_description_populated", "include": "^models/marts"}],
            "manifest_checks": [
                {"name": "check_model_names", "model_name_pattern": "^(stg|int|fct|dim|rpt)_"},
                {"name": "check_model_description_populated", "severity": "warn"},
                {"name": "check_model_has_unique_test"},
                {"name": "check_source_freshness_populated", "severity": "warn"}]}
        b(logging.DEBUG, "main.py", 83, "cli", f"config_file_contents={conf!r}")
        b(logging.DEBUG, "main.py", 90, "cli", "check_categories=['catalog_checks', 'manifest_checks']")
        b(logging.INFO, "config_file_validator.py", 208, "validate_conf", "Validating conf...")
        bconf = ("DbtBouncerConf(custom_checks_dir=None, dbt_artifacts_dir='target', exclude=None, include=None, "
                 "severity=None, catalog_checks=[CheckColumnDescriptionPopulated(description=None, exclude=None, "
                 "include='^models/marts', index=None, severity='error', catalog_node=None, models=None, "
                 "name='check_column_description_populated')], manifest_checks=[CheckModelNames(description=None, "
                 "exclude=None, include=None, index=None, severity='error', model=None, "
                 "name='check_model_names', model_name_pattern='^(stg|int|fct|dim|rpt)_'), "
                 "CheckModelDescriptionPopulated(description=None, exclude=None, include=None, index=None, "
                 "severity='warn', model=None, name='check_model_description_populated'), "
                 "CheckModelHasUniqueTest(description=None, exclude=None, include=None, index=None, "
                 "severity='error', accepted_uniqueness_tests=['expect_compound_columns_to_be_unique', "
                 "'dbt_utils.unique_combination_of_columns', 'unique'], model=None, tests=None, "
                 "name='check_model_has_unique_test'), CheckSourceFreshnessPopulated(description=None, "
                 "exclude=None, include=None, index=None, severity='warn', source=None, "
                 "name='check_source_freshness_populated')], run_results_checks=[])")
        b(logging.DEBUG, "main.py", 104, "cli", f"bouncer_config={bconf}")
        b(logging.DEBUG, "main.py", 116, "cli", "bouncer_config=" + bconf.replace("index=None", "index=0", 2))
        target = f"{pdir}/target"
        for artifact in ("manifest.json", "catalog.json"):
            b(logging.DEBUG, "artifact_parsers/parsers_common.py", 52, "load_dbt_artifact", f"artifact_name='{artifact}'")
            b(logging.DEBUG, "artifact_parsers/parsers_common.py", 53, "load_dbt_artifact",
              f"dbt_artifacts_dir=PosixPath('{target}')")
            b(logging.DEBUG, "artifact_parsers/parsers_common.py", 56, "load_dbt_artifact",
              f"Loading {artifact} from {target}/{artifact}...")
            if artifact == "manifest.json":
                nmodels = len(models) or 57
                b(logging.INFO, "artifact_parsers/parsers_manifest.py", 285, "parse_manifest_artifact",
                  f"Parsed `manifest.json`, found `{name}` project: {1 + nmodels % 3} exposures, "
                  f"{12 + nmodels // 3} macros, {nmodels} nodes, 0 semantic models, {len(sources) * 4 + 2 or 19} "
                  f"sources, {nmodels * 4 + 7} tests, {nmodels // 6} unit tests.")
        if project == "marketing":
            def cli_main():
                def invoke():
                    def parse_dbt_artifacts():
                        def load_dbt_artifact():
                            raise FileNotFoundError(f"No catalog.json found at {target}/catalog.json.")
                        load_dbt_artifact()
                    parse_dbt_artifacts()
                invoke()
            uncaught(stream, cli_main)
        else:
            marts = [m for m in models if m.startswith(("fct_", "dim_", "rpt_", "product_"))]
            b(logging.INFO, "artifact_parsers/parsers_catalog.py", 76, "parse_catalog",
              f"Parsed `catalog.json`: {len(models)} nodes, {len(sources) * 4 + 2} sources.")
            b(logging.INFO, "main.py", 138, "cli", "Running checks...")
            b(logging.DEBUG, "utils.py", 157, "get_check_objects", "Loaded 55 `Check*` classes.")
            runs = []
            for category, check, index in CHECKS:
                if category == "catalog_checks":
                    targets = marts
                elif check == "check_source_freshness_populated":
                    targets = [src for src in sources for _ in range(4)]
                else:
                    targets = models
                runs += [(check, index, t) for t in targets]
            b(logging.INFO, "runner.py", 143, "runner", f"Assembled {len(runs)} checks, running...")
            failures = {
                "finance": {("check_model_description_populated", "int_refunds_matched"),
                            ("check_model_description_populated", "rpt_arr_bridge"),
                            ("check_source_freshness_populated", "fx")},
                "supply": set(),
                "product": {("check_model_names", "product_kpis_daily"),
                            ("check_model_has_unique_test", "int_funnel_steps"),
                            ("check_column_description_populated", "dim_features"),
                            ("check_model_description_populated", "stg_app__feature_flags")},
            }[project]
            severity = {"check_model_description_populated": "warn", "check_source_freshness_populated": "warn"}
            failed, seen = [], set()
            for check, index, t in runs:
                run_id = f"{check}:{index}:{t}"
                b(logging.DEBUG, "runner.py", 147, "runner", f"Running {run_id}...")
                if (check, t) in failures and (check, t) not in seen:
                    seen.add((check, t))
                    where, line = {
                        "check_model_names": ("checks/manifest/check_models.py", 826),
                        "check_model_description_populated": ("checks/manifest/check_models.py", 191),
                        "check_model_has_unique_test": ("checks/manifest/check_models.py", 478),
                        "check_source_freshness_populated": ("checks/manifest/check_sources.py", 74),
                        "check_column_description_populated": ("checks/catalog/check_columns.py", 63),
                    }[check]
                    statement = {74: "assert self.source.freshness is not None, error_msg",
                                 63: "assert not non_complying_columns, f\"`{self.catalog_node.unique_id.split('.')"
                                     "[-1]}` has columns that do not have a populated description: "
                                     "{non_complying_columns}\""}.get(line, "assert (")
                    message = {
                        "check_model_names": f"`{t}` does not match the supplied regex `^(stg|int|fct|dim|rpt)_)`.",
                        "check_model_description_populated": f"`{t}` does not have a populated description.",
                        "check_model_has_unique_test": f"`{t}` does not have a test for uniqueness of a column.",
                        "check_source_freshness_populated": f"`{t}.daily_rates` does not have a populated freshness.",
                        "check_column_description_populated": f"`{t}` has columns that do not have a populated "
                                                              "description: ['rollout_cohort', 'sunset_at']",
                    }[check]
                    full = ["Traceback (most recent call last):\n",
                            f'  File "{BOUNCER}runner.py", line 149, in runner\n    check["check"].execute()\n',
                            f'  File "{BOUNCER}{where}", line {line}, in execute\n    {statement}\n',
                            f"AssertionError: {message}\n"]
                    b(logging.DEBUG, "runner.py", 156, "runner", f"Check {run_id} failed: {' '.join(full)}")
                    failed.append({"check_run_id": run_id, "severity": severity.get(check, "error"),
                                   "failure_message": full[-1].strip()})
            n_error = len([f for f in failed if f["severity"] == "error"])
            n_warn = len(failed) - n_error
            level = logging.ERROR if n_error else logging.WARNING
            if failed:
                b(level, "runner.py", 191, "runner",
                  f"`dbt-bouncer` {'failed' if n_error > 0 else 'has warnings'}. Please see below for more details "
                  "or run `dbt-bouncer` with the `-v` flag.")
                b(logging.DEBUG, "runner.py", 208, "runner", f"failed_checks={failed!r}")
                b(level, "runner.py", 209, "runner", ("Failed checks:\n" if n_error else "Warning checks:\n")
                  + github_table(failed, {"check_run_id": "Check name", "severity": "Severity",
                                          "failure_message": "Failure message"}))
            b(logging.INFO, "runner.py", 229, "runner",
              f"Done. SUCCESS={len(runs) - len(failed)} WARN={n_warn} ERROR={n_error}")
            b(logging.INFO, "runner.py", 235, "runner", f"Saving coverage file to `{pdir}/dbt-bouncer-results.json`.")
            if n_error:
                printed(stream, f"==> {project}: dbt-bouncer failed (exit 1), carrying on")

        printed(stream, f"==> {project}: dbterd run -ad target -o target -t dbml"
                + (" -mv 12" if project == "product" else ""))
        e(logging.INFO, "cli/main.py", 54, "dbterd", "Run with dbterd==1.18.0")
        e(logging.INFO, "adapters/base.py", 35, "run", "Using algorithm [test_relationship]")
        e(logging.INFO, "adapters/base.py", 82, "evaluate_kwargs", f"Using dbt artifact dir at: {target}")
        if project == "marketing":
            printed(stream, f"Error: Could not open file 'catalog.json': File catalog.json does not exist in "
                    f"directory {target}")
            continue
        if project == "product":
            e(logging.WARNING, "helpers/file.py", 127, "read_manifest",
              "Manifest version is NOT SUPPORTED in current `dbt-artifacts-parser` package. \n"
              "Please help to try `-mv {version}` option with other value, OR upgrade the package:\n"
              "\tpip install dbt-artifacts-parser --upgrade\n"
              "Try falling back to the latest one...")
        e(logging.INFO, "adapters/algos/test_relationship.py", 72, "parse",
          f"Collected {len(models)} table(s) and {len(models) + len(models) // 3} relationship(s)")
        e(logging.INFO, "adapters/base.py", 200, "__save_result", "Output saved to target/output.dbml")

    c("Command did not exit successfully ./ci/check_dbt_projects.sh finance marketing product supply exit status 1")
    c("Phase complete: BUILD State: FAILED")
    c("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: "
      "./ci/check_dbt_projects.sh finance marketing product supply. Reason: exit status 1")
    c("Entering phase POST_BUILD")
    c("Running command aws s3 sync dbt/ s3://acme-data-docs/dbt-ci/ --exclude '*' --include '*/target/output.dbml' "
      "--include '*/dbt-bouncer-results.json'")
    for project in ("finance", "product", "supply"):
        for f in ("dbt-bouncer-results.json", "target/output.dbml"):
            printed(stream, f"upload: dbt/{project}/{f} to s3://acme-data-docs/dbt-ci/{project}/{f}")
    c("Phase complete: POST_BUILD State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    return {"name": "dbt-ci", "programs": [bouncer, erd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_allsky_seestar(), stream_lakehouse_se(), stream_dbt_ci()])


if __name__ == "__main__":
    main()
