"""The third held-out set of real programs, measured before any rule was
written from it (see `heldout.py` and `heldout2.py`): 18 more programs'
own logging set-ups, each format copied from the file named beside it
(the version read is given), with the formatter class or the filter the
program uses, and messages from the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout3

A by-hand measurement, like `heldout.py`. Its first measurement, at
f64e9f9, before any rule saw it: 446 records, 50.7% exact, 63.7% with
the key fields right (asctime 89.2%, levelname 78.7%, name 78.9%,
message 78.9%, exc_info 98.2%).

Left out: OpenStack's oslo.log (its ContextFormatter switches between two
formats per record, on whether a request id is set, appends
": %(error_summary)s" to a record with an exception and prefixes every
traceback line: no one format prints it), Dagster's daemon (coloredlogs'
ColoredFormatter, not installed here, writes ANSI codes into its
"%(asctime)s - %(name)s - %(levelname)s - %(message)s"), Bazarr's console
(`%(thread)x`, a thread id that differs every run, and a formatter that
drops tracebacks), and the "(APIServer pid=N) " prefix that recent vLLM
writes onto stdout itself, outside logging.
"""

import copy
import datetime
import json
import logging
import multiprocessing
import os
import sys
import threading
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout import Set, filtered, fail  # noqa: E402
from heldout2 import at  # noqa: E402
from pythonjsonlogger.core import RESERVED_ATTRS  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402
import tornado.log  # noqa: E402

# LocalStack v4.14.0-27 (8b9a79f0), localstack-core/localstack/logging/
# format.py LOG_FORMAT and LOG_DATE_FORMAT (MAX_THREAD_NAME_LEN 12,
# MAX_NAME_LEN 26 filled in); ls_level, ls_thread and ls_name are set by
# its AddFormattedAttributes filter, which logging/setup.py
# create_default_handler puts on the handler.
LOCALSTACK = "%(asctime)s.%(msecs)03d %(ls_level)5s --- [%(ls_thread)12s] %(ls_name)-26s : %(message)s"
LOCALSTACK_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# Hypercorn 0.18.0 (0e2311f1), src/hypercorn/logging.py _create_logger
# (the error log, "-" by default).
HYPERCORN = "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"
HYPERCORN_DATEFMT = "[%Y-%m-%d %H:%M:%S %z]"
# DNF 4.24.0-34 (5ad76abc), dnf/logging.py _create_filehandler (dnf.log,
# local time); DDEBUG (8) and SUBDEBUG (6) are its levels, named in
# Logging.__init__.
DNF = "%(asctime)s %(levelname)s %(message)s"
DNF_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# unattended-upgrades 2.13 (221b1a68), unattended-upgrade _setup_logging
# (logging.basicConfig, so Python's default asctime).
UNATTENDED = "%(asctime)s %(levelname)s %(message)s"
# Tautulli v2.17.2 (c7153deb), plexpy/logger.py initLogger
# console_formatter (what a container prints).
TAUTULLI = "%(asctime)s - %(levelname)s :: %(threadName)s : %(message)s"
TAUTULLI_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Medusa v1.0.26 (bbb1c927), medusa/logger/__init__.py FORMATTER_PATTERN
# (its CensoredFormatter) and medusa/helper/common.py dateTimeFormat;
# curhash is set by its ContextFilter (the running commit, 7 characters).
MEDUSA = "%(asctime)s %(levelname)-8s %(threadName)s :: [%(curhash)s] %(message)s"
MEDUSA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Frigate v0.18.0-beta1-19 (e3fa7018), frigate/log.py LOG_HANDLER.
FRIGATE = "[%(asctime)s] %(name)-30s %(levelname)-8s: %(message)s"
FRIGATE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Glances v4.5.5-2 (92156d06), glances/logger.py LOGGING_CFG "standard"
# (the glances.log file handler).
GLANCES = "%(asctime)s -- %(levelname)s -- %(message)s"
# JupyterHub 6.0.0b2-2 (2841153d), jupyterhub/app.py _log_format_default
# and _log_datefmt_default; its CoroutineLogFormatter is tornado's
# LogFormatter (it only drops tornado's coroutine frames from tracebacks:
# none here). Without a TTY it prints no colours.
JUPYTERHUB = (
    "%(color)s[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s %(module)s:%(lineno)d]%(end_color)s %(message)s"
)
JUPYTERHUB_DATEFMT = "%Y-%m-%d %H:%M:%S"
# vLLM main (2025), vllm/logger.py _FORMAT (VLLM_LOGGING_PREFIX empty) and
# _DATE_FORMAT, with vllm/logging_utils/formatter.py NewLineFormatter
# (85c990cb): fileinfo is the file name below DEBUG, and every line after
# the first (a traceback's too) gets "\r\n" and the record's prefix.
VLLM = "%(levelname)s %(asctime)s [%(fileinfo)s:%(lineno)d] %(message)s"
VLLM_DATEFMT = "%m-%d %H:%M:%S"
# pulpcore main (107800eb, 2026-08), pulpcore/app/settings.py LOGGING
# "simple"; correlation_id is set by django_guid's CorrelationId filter
# (None outside a request or task).
PULP = "pulp [%(correlation_id)s]: %(name)s:%(levelname)s: %(message)s"
# Galaxy (77293d3e), lib/galaxy/web_stack/__init__.py
# ApplicationStack.log_format (the "stack" formatter); Galaxy names the
# process after its server (multiprocessing.current_process().name).
GALAXY = "%(name)s %(levelname)s %(asctime)s [pN:%(processName)s,p:%(process)d,tN:%(threadName)s] %(message)s"
# SearXNG (9fea4120, 2026-08), searx/__init__.py LOG_FORMAT_PROD (through
# logging.basicConfig, level WARNING).
SEARXNG = "%(asctime)-15s %(levelname)s:%(name)s: %(message)s"
# Zulip main (the @override era), zerver/lib/logging_util.py
# ZulipFormatter._compute_fmt with zproject/default_settings.py's
# LOGGING_SHOW_PID = LOGGING_SHOW_MODULE = False, and its
# default_msec_format "%s.%03d"; its format() sets the two custom fields.
ZULIP = "%(asctime)s %(zulip_level_abbrev)-4s [%(zulip_origin)s] %(message)s"
# Electrum 4.8.1-59 (92357801), electrum/logging.py file_formatter
# (LogFormatterForFiles: UTC times "%Y%m%dT%H%M%S.%fZ", and logger names
# shortened, "electrum." dropped).
ELECTRUM = "%(asctime)22s | %(levelname)8s | %(name)s | %(message)s"
ELECTRUM_DATEFMT = "%Y%m%dT%H%M%S.%fZ"
# Nornir v3.6.0-4 (c24152be), nornir/core/configuration.py
# LoggingConfig.Parameters.format (nornir.log).
NORNIR = "%(asctime)s - %(name)12s - %(levelname)8s - %(funcName)10s() - %(message)s"
# Mealie v2.0.0-21 (b5643a93), mealie/core/logger/logconf.prod.json
# "simple" (the stdout and stderr handlers on the root logger: WARNING and
# above go through both, so a container prints them twice).
MEALIE = "%(levelname)-8s %(asctime)s - %(message)s"
MEALIE_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# Tandoor Recipes 2.6.11-20 (d206eddb), recipes/settings.py LOGGING
# "verbose" (level WARNING by default; gunicorn --threads 2, so requests
# run on ThreadPoolExecutor threads).
TANDOOR = "{threadName} {levelname} {asctime} {name} {message}"


def in_thread(name, fn):
    """Runs `fn` on a thread named as the program names it."""
    worker = threading.Thread(target=fn, name=name)
    worker.start()
    worker.join()


class LocalStackAttributes(logging.Filter):
    """localstack.logging.format.AddFormattedAttributes, as written there:
    the level shortened (WARN, FATAL), the thread name's last 12
    characters, the logger name compressed to 26 (compress_logger_name)."""

    LEVELS = {50: "FATAL", 40: "ERROR", 30: "WARN", 20: "INFO", 10: "DEBUG"}

    def filter(self, record):
        record.ls_level = self.LEVELS.get(record.levelno, record.levelname)
        record.ls_name = self.compress(record.name, 26)
        record.ls_thread = record.threadName[-12:]
        return True

    @staticmethod
    def compress(name, length):
        if len(name) <= length:
            return name
        parts = name.split(".")[::-1]
        kept = []
        size = len(parts) * 2 - 1
        for i, part in enumerate(parts):
            grown = size + len(part) - 1
            if grown > length:
                kept += [p[0] for p in parts[i:]]
                if i == 0 and length - size > 0:
                    kept[0] = part[: length - size + 1]
                break
            kept.append(part)
            size = grown
        return ".".join(reversed(kept))


class VllmNewLineFormatter(logging.Formatter):
    """vllm.logging_utils.formatter.NewLineFormatter below DEBUG."""

    def format(self, record):
        record.fileinfo = record.filename
        msg = super().format(record)
        if record.message != "":
            parts = msg.split(record.message)
            msg = msg.replace("\n", "\r\n" + parts[0])
        return msg


class ZulipFormatter(logging.Formatter):
    """zerver.lib.logging_util.ZulipFormatter with its default settings."""

    default_msec_format = "%s.%03d"
    ABBREVS = {"DEBUG": "DEBG", "INFO": "INFO", "WARNING": "WARN", "ERROR": "ERR", "CRITICAL": "CRIT"}
    NICKNAMES = {"root": "", "zulip.requests": "zr"}

    def __init__(self):
        super().__init__(fmt=ZULIP)

    def format(self, record):
        if not hasattr(record, "zulip_decorated"):
            record.zulip_level_abbrev = self.ABBREVS.get(record.levelname, record.levelname[:4])
            record.zulip_origin = self.NICKNAMES.get(record.name, record.name)
            record.zulip_decorated = True
        return super().format(record)


class ZulipJson(JsonFormatter):
    """The truth for Zulip: its msec format, and its formatter's own
    bookkeeping flag (zulip_decorated) kept out, as no JSON set-up has it."""

    default_msec_format = "%s.%03d"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, reserved_attrs=[*RESERVED_ATTRS, "zulip_decorated"], **kwargs)


class ElectrumFiles:
    """electrum.logging.LogFormatterForFiles' formatTime and format (its
    _shorten_name_of_logrecord), mixed into the program's formatter and
    into the truth alike, as realworld.TimezoneAware is."""

    def formatTime(self, record, datefmt=None):
        date = datetime.datetime.fromtimestamp(record.created).astimezone(datetime.timezone.utc)
        return date.strftime(datefmt or ELECTRUM_DATEFMT)

    def format(self, record):
        record = copy.copy(record)
        if record.name.startswith("electrum."):
            record.name = record.name[9:]
        for long, short in [("interface.Interface", "interface"), ("network.Network", "network"),
                            ("synchronizer.Synchronizer", "synchronizer"), ("verifier.SPV", "verifier"),
                            ("gui.qt.main_window.ElectrumWindow", "gui.qt.main_window")]:
            record.name = record.name.replace(long, short, 1)
        return super().format(record)


class ElectrumFormatter(ElectrumFiles, logging.Formatter):
    pass


class ElectrumJson(ElectrumFiles, JsonFormatter):
    pass


class Brace:
    """medusa.logger.adapters.style.BraceMessage: the message object its
    BraceAdapter logs, formatted with `str.format` when printed."""

    def __init__(self, msg, values=None):
        self.msg, self.values = msg, values or {}

    def __str__(self):
        return self.msg.format(**self.values)


def stream_localstack_hypercorn():
    stream = []
    ls = Program("localstack", "localstack.utils.bootstrap",
                 logging.Formatter(LOCALSTACK, LOCALSTACK_DATEFMT), stream)
    ls.handler.addFilter(LocalStackAttributes())
    hc = Program("hypercorn", "hypercorn.error", logging.Formatter(HYPERCORN, HYPERCORN_DATEFMT), stream)
    ls.log.info('Execution of "%s" took %.2fms', "require", 1523.37)
    printed(stream, "Ready.")
    aws = ls.logger("localstack.request.aws")
    in_thread("asgi_gw_0", lambda: aws.info("AWS %s.%s => %s", "s3", "CreateBucket", 200))
    in_thread("asgi_gw_1", lambda: aws.info("AWS %s.%s => %d (%s)", "sqs", "GetQueueUrl", 400,
                                           "AWS.SimpleQueueService.NonExistentQueue"))
    in_thread("lambda-provisioning-pool_0",
              lambda: ls.logger("localstack.services.lambda_.invocation.assignment").debug("Starting new environment"))
    in_thread("asgi_gw_2", lambda: fail(ls.logger("localstack.aws.handlers.logging"), "exception during call chain"))
    hc.log.info("Running on http://0.0.0.0:8000 (CTRL + C to quit)")
    hc.log.info("Running on http://[::]:8000 (CTRL + C to quit)")
    hc.log.warning("ASGI Framework Lifespan error, continuing without Lifespan support")
    fail(hc.log, "Error in ASGI Framework")
    return {"name": "localstack-hypercorn", "programs": [ls, hc], "records": stream, "auto": False}


def stream_dnf_unattended_upgrades():
    stream = []
    dnf = Program("dnf", "dnf", logging.Formatter(DNF, DNF_DATEFMT), stream)
    # dnf.log takes TRACE (4) and up: logfilelevel 9.
    dnf.log.setLevel(4)
    dnf.handler.setLevel(4)
    uu = Program("unattended-upgrades", "root", logging.Formatter(UNATTENDED), stream)
    logging.addLevelName(8, "DDEBUG")
    logging.addLevelName(6, "SUBDEBUG")
    try:
        dnf.log.info("--- logging initialized ---")
        dnf.log.log(8, "timer: config: 3 ms")
        dnf.log.debug("DNF version: %s", "4.24.0")
        dnf.log.log(8, "Command: %s", "dnf install -y nginx")
        dnf.log.debug("cachedir: %s", "/var/cache/dnf")
        try:
            raised("dnf.exceptions", "RepoError", "Failed to download metadata for repo 'appstream': "
                   "Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried")
        except Exception:
            # dnf/cli/main.py ex_Error: the traceback under an empty message.
            dnf.log.log(6, "", exc_info=True)
            dnf.log.critical("Error: %s", "Failed to download metadata for repo 'appstream': "
                             "Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried")
    finally:
        logging.addLevelName(8, "Level 8")
        logging.addLevelName(6, "Level 6")
    uu.log.info("Starting unattended upgrades script")
    uu.log.info("Allowed origins are: %s", "origin=Debian,codename=bookworm,label=Debian, "
                "origin=Debian,codename=bookworm,label=Debian-Security, "
                "origin=Debian,codename=bookworm-security,label=Debian-Security")
    uu.log.info("Initial blacklist: %s", "")
    uu.log.info("Initial whitelist (%s): %s", "not strict", "")
    uu.log.info("Packages that will be upgraded: %s", "libssl3 openssl")
    try:
        raise SystemError("E:Sub-process /usr/bin/dpkg returned an error code (1)")
    except SystemError as e:
        # cache_commit logs the exception when run verbose (-v).
        uu.log.exception("Exception happened during upgrade.")
        uu.log.error("Installing the upgrades failed!")
        uu.log.error("error message: %s", e)
    return {"name": "dnf-unattended-upgrades", "programs": [dnf, uu], "records": stream, "auto": False}


def stream_tautulli_medusa():
    stream = []
    tt = Program("tautulli", "tautulli", logging.Formatter(TAUTULLI, TAUTULLI_DATEFMT), stream)
    md = filtered(Program("medusa", "medusa.server.core", logging.Formatter(MEDUSA, MEDUSA_DATEFMT), stream),
                  curhash="bbb1c92")
    tt.log.info("Starting Tautulli %s", "v2.17.2")
    tt.log.info("Tautulli WebStart :: Starting Tautulli web server on %s://%s:%d%s", "http", "0.0.0.0", 8181, "/")
    tt.log.info("Tautulli is ready!")
    in_thread("Thread-3 (run)", lambda: tt.log.info("Tautulli WebSocket :: Opening %swebsocket." % ""))

    def crash():
        # plexpy/logger.py initHooks: a thread's uncaught exception, its
        # traceback as the message.
        try:
            raised("websocket._exceptions", "WebSocketConnectionClosedException", "Connection to remote host was lost.")
        except Exception:
            tt.log.error("Uncaught exception: %s", "".join(traceback.format_exception(*sys.exc_info())))

    in_thread("Thread-4 (run)", crash)
    fail(tt.log, "Unhandled exception")
    in_thread("TORNADO", lambda: md.log.info(Brace("Starting Medusa on {scheme}://{host}:{port}{web_root}/", {
        "scheme": "http", "host": "0.0.0.0", "port": 8081, "web_root": ""})))
    queue = md.logger("medusa.search.queue")

    def daily():
        queue.info(Brace("Beginning daily search for new episodes"))
        queue.info(Brace("Downloading {name} with {seeders} seeders and {leechers} leechers and size {size} from "
                         "{provider}", {"name": "Show.Name.S01E02.1080p.WEB.h264-GRP", "seeders": 112,
                                        "leechers": 14, "size": "1.4 GB", "provider": "EZTV"}))
        fail(queue, Brace("DailySearchQueueItem Exception, error: {error!r}", {"error": KeyError("missing")}))

    in_thread("SEARCHQUEUE-DAILY-SEARCH", daily)
    in_thread("SNATCHQUEUE-SNATCH-75897", lambda: queue.info(Brace("Beginning to snatch release: {name}", {
        "name": "Show.Name.S01E02.1080p.WEB.h264-GRP"})))
    return {"name": "tautulli-medusa", "programs": [tt, md], "records": stream, "auto": False}


def stream_frigate_glances():
    stream = []
    fr = Program("frigate", "frigate.app", logging.Formatter(FRIGATE, FRIGATE_DATEFMT), stream)
    gl = Program("glances", "root", logging.Formatter(GLANCES), stream)
    fr.log.info("Starting Frigate (%s)" % "0.18.0-e3fa701")
    maintainer = fr.logger("frigate.camera.maintainer")
    maintainer.info("Camera processor started for %s: %s" % ("front_door", 412))
    maintainer.info("Capture process started for %s: %s" % ("front_door", 415))
    watchdog = fr.logger("watchdog.front_door")
    watchdog.error("The following ffmpeg logs include the last 100 lines prior to exit.")
    fr.logger("ffmpeg.front_door.detect").error("[rtsp @ 0x55d4c8e3a2c0] method DESCRIBE failed: 401 Unauthorized")
    watchdog.info("Restarting ffmpeg...")
    fail(fr.logger("frigate.api.camera"), "Error detecting Reolink camera at %s" % "10.0.3.21")
    gl.log.info("Start Glances %s" % "4.5.5")
    gl.log.info("%s %s (%s) and psutil %s detected" % ("CPython", "3.12.3", "/usr/local/bin/python3", "7.0.0"))
    gl.log.info("Start %s mode" % "GlancesWebServer")
    gl.log.info("Glances Web User Interface started on %s" % "http://0.0.0.0:61208/")
    printed(stream, "Glances Web User Interface started on http://0.0.0.0:61208/")
    gl.log.warning("Glances web server is running without authentication")
    fail(gl.log, "%s AsyncIO export error for %s: %s" % ("nats", "cpu", "'missing'"))
    return {"name": "frigate-glances", "programs": [fr, gl], "records": stream, "auto": False}


def stream_jupyterhub_vllm():
    stream = []
    jh = Program("jupyterhub", "JupyterHub",
                 tornado.log.LogFormatter(fmt=JUPYTERHUB, datefmt=JUPYTERHUB_DATEFMT, color=False), stream)
    vl = Program("vllm", "vllm.entrypoints.launcher", VllmNewLineFormatter(VLLM, VLLM_DATEFMT), stream)
    at(jh.log, logging.INFO, "jupyterhub/app.py:3490", "Running JupyterHub version %s", "6.0.0b2")
    at(jh.log, logging.INFO, "jupyterhub/proxy.py:786", "Starting proxy @ %s", "http://:8000")
    # configurable-http-proxy, a Node child process, writes to the same stream.
    printed(stream, "14:44:45.371 [ConfigProxy] info: Proxying http://*:8000 to (no default)")
    at(jh.log, logging.INFO, "jupyterhub/app.py:3940", "JupyterHub is now running at %s", "http://:8000")
    # jupyterhub/log.py log_request: tornado's access log, renamed to the app's.
    at(jh.log, logging.INFO, "jupyterhub/log.py:192", "302 GET /hub/ -> /hub/spawn (alice@10.0.3.7) 2.85ms")
    at(jh.log, logging.ERROR, "jupyterhub/app.py:3071",
       "Failed to poll spawner for %s, assuming the spawner is not running.", "bob", exc=True)
    at(jh.log, logging.ERROR, "jupyterhub/log.py:184", json.dumps(
        {"Host": "hub.example.com", "Accept": "*/*", "User-Agent": "python-requests/2.32.3",
         "Authorization": "token [secret]"}, indent=2))
    at(jh.log, logging.ERROR, "jupyterhub/log.py:192", "500 GET /hub/api/users (admin@10.0.3.7) 15.02ms")
    at(vl.log, logging.INFO, "vllm/entrypoints/launcher.py:41", "Available routes are:")
    at(vl.log, logging.INFO, "vllm/entrypoints/launcher.py:50", "Route: %s, Methods: %s", "/health", "GET")
    at(vl.log, logging.INFO, "vllm/entrypoints/launcher.py:50", "Route: %s, Methods: %s", "/v1/chat/completions", "POST")
    at(vl.logger("vllm.tool_parsers.hermes_tool_parser"), logging.ERROR, "vllm/tool_parsers/hermes_tool_parser.py:174",
       "Error in extracting tool call from response.", exc=True)
    at(vl.log, logging.WARNING, "vllm/entrypoints/launcher.py:196",
       "port %s is used by process %s launched with command:\n%s", 8000,
       "psutil.Process(pid=7, name='vllm', status='running', started='14:40:01')",
       "/usr/bin/python3 /usr/local/bin/vllm serve NousResearch/Hermes-3-Llama-3.1-8B --port 8000")
    at(vl.log, logging.INFO, "vllm/entrypoints/launcher.py:202", "Shutting down FastAPI HTTP server.")
    return {"name": "jupyterhub-vllm", "programs": [jh, vl], "records": stream, "auto": False}


def stream_pulp_galaxy():
    stream = []
    pulp = Program("pulp", "pulpcore.tasking.entrypoint", logging.Formatter(PULP), stream)
    guid = Set(correlation_id=None)
    pulp.handler.addFilter(guid)
    gx = Program("galaxy", "galaxy.web_stack", logging.Formatter(GALAXY), stream)
    pulp.log.info("Starting %s worker", "pulpcore")
    tasks = pulp.logger("pulpcore.tasking.tasks")
    guid.values["correlation_id"] = "5f0b2a9c8d7e4f6a9b1c2d3e4f5a6b7c"
    task = ("0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b", "default", "pulp_rpm.app.tasks.synchronizing.synchronize",
            "False", "False", "1@pulp-worker-5d8f9c7b6-xk2lp")
    tasks.info("Starting task id: %s in domain: %s, task_type: %s, immediate: %s, deferred: %s, worker: %s", *task)
    try:
        raised("pulpcore.exceptions", "SyncError", "URL lookup failed.")
    except Exception:
        tb = sys.exc_info()[2]
        tasks.info("Task[{task_type}] {task_pk} failed ({exc_type}: {exc}) in domain: {domain}".format(
            task_type=task[2], task_pk=task[0], exc_type="SyncError", exc="URL lookup failed.", domain="default"))
        tasks.info("\n".join(traceback.format_list(traceback.extract_tb(tb))))
    guid.values["correlation_id"] = "0a1b2c3d4e5f40718293a4b5c6d7e8f9"
    fail(pulp.logger("pulpcore.app.views.status"), "Cannot connect to database during status check.")
    guid.values["correlation_id"] = "7c6b5a4f3e2d41c0b9a8f7e6d5c4b3a2"
    tasks.info("Task completed %s in domain: %s, task_type: %s, immediate: %s, deferred: %s, execution_time: %s μs",
               "0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5c", "default", "pulpcore.app.tasks.base.general_update", "True",
               "True", 48213)
    process = multiprocessing.current_process()
    name = process.name
    process.name = "main.1"
    try:
        gx.log.info("\n".join(["Galaxy server instance 'main.1' is running", "serving on http://0.0.0.0:8080"]))
        in_thread("JobHandlerQueue.monitor_thread",
                  lambda: gx.logger("galaxy.jobs.handler").info("(%s) Job dispatched" % 42))

        def work():
            gx.logger("galaxy.jobs.runners").debug("Job wrapper for Job [%s] prepared (%0.3f ms)" % (42, 70.012))
            gx.logger("galaxy.jobs.command_factory").info(
                "Built script [%s] for tool command [%s]" % ("/srv/galaxy/jobs/000/42/tool_script.sh",
                                                             "python '/srv/galaxy/server/tools/filters/sorter.py' "
                                                             "--input='/data/datasets/5/dataset_5.dat'"))
            local = gx.logger("galaxy.jobs.runners.local")
            local.debug("(%s) executing job script: %s" % (42, "/srv/galaxy/jobs/000/42/galaxy_42.sh"))
            fail(local, "failure running job %d", 42)

        in_thread("LocalRunner.work_thread-0", work)
    finally:
        process.name = name
    return {"name": "pulp-galaxy", "programs": [pulp, gx], "records": stream, "auto": False}


def stream_searxng_zulip():
    stream = []
    sx = Program("searxng", "searx.engines.duckduckgo", logging.Formatter(SEARXNG), stream)
    zl = Program("zulip", "process_queue", ZulipFormatter(), stream, truth=ZulipJson)
    sx.log.error("engine timeout")
    sx.logger("searx.network.google").warning(
        "HTTP Request failed: %s %s" % ("GET", "https://www.google.com/search?q=python+logging&hl=en-US&ie=utf8"))
    sx.logger("searx.network.brave").warning("httpx.RemoteProtocolError: the server has disconnected, retrying")
    fail(sx.logger("searx.searx.search.processor"),
         "(PID %s) %s: engine INIT failed, exception: %s" % (7, "wikidata", "'missing'"))
    sx.logger("searx.engines.wikipedia").error("engine timeout")
    zl.log.info("launching queue worker thread %s", "deferred_work")
    zl.log.info("%d queue worker threads were launched", 1)
    requests = zl.logger("zulip.requests")
    for ip, method, status, timing, client in [
        ("10.0.3.7", "POST", 200, f"{'12ms':>5} (db: 3ms/4q) /json/users/me/presence", "(42@zulip via website)"),
        ("10.0.3.8", "GET", 200, f"{'3ms':>5} (lp: 50.0s) /json/events", "(43@zulip via ZulipMobile/27.224)"),
    ]:
        requests.info(f"{ip:<15} {method:<7} {status:3} {timing} {client}")
    try:
        {}["missing"]
    except KeyError:
        # zerver/worker/base.py: the root logger, with the stack.
        zl.logger("root").exception("Problem handling data on queue %s", "deferred_work", stack_info=True)
    zl.log.warning("SIGUSR1 received. Restarting this queue processor.")
    return {"name": "searxng-zulip", "programs": [sx, zl], "records": stream, "auto": False}


def stream_electrum_nornir():
    stream = []
    el = Program("electrum", "electrum.daemon.Daemon", ElectrumFormatter(ELECTRUM), stream, truth=ElectrumJson,
                 datefmt=ELECTRUM_DATEFMT)
    nr = Program("nornir", "nornir.core", logging.Formatter(NORNIR), stream)
    el.log.info("starting taskgroup.")
    el.log.info("starting network.")
    el.logger("electrum.interface.Interface.[electrum.blockstream.info:50002]").info(
        "set blockchain with height %s" % 842137)
    el.logger("electrum.network.Network").info("fee_histogram %s" % 29)
    fail(el.log, "taskgroup died.")
    el.log.info("stopped")
    at(nr.log, logging.INFO, "nornir/core/__init__.py:139", "Running task %r with args %s on %d hosts",
       "napalm_get", {"getters": ["facts"]}, 3, func="run")
    try:
        raised("napalm.base.exceptions", "ConnectionException", "Cannot connect to 10.0.0.11")
    except Exception:
        # nornir/core/task.py: the traceback in the message, not exc_info.
        at(nr.logger("nornir.core.task"), logging.ERROR, "nornir/core/task.py:118",
           "Host %r: task %r failed with traceback:\n%s", "spine1", "napalm_get", traceback.format_exc(), func="start")
    at(nr.log, logging.WARNING, "nornir/core/__init__.py:146", "Task %r has not been run – 0 hosts selected",
       "backup_config", func="run")
    at(nr.log, logging.INFO, "nornir/core/__init__.py:139", "Running task %r with args %s on %d hosts",
       "netmiko_send_command", {"command_string": "show version"}, 2, func="run")
    return {"name": "electrum-nornir", "programs": [el, nr], "records": stream, "auto": False}


def stream_mealie_tandoor():
    stream = []
    ml = Program("mealie", "root", logging.Formatter(MEALIE, MEALIE_DATEFMT), stream)
    stderr = Program("mealie", "root", logging.Formatter(MEALIE, MEALIE_DATEFMT), stream)
    stderr.handler.setLevel(logging.WARNING)
    ml.log.handlers[:] = [stderr.handler, ml.handler]
    td = Program("tandoor", "django.request", logging.Formatter(TANDOOR, style="{"), stream)
    ml.log.info("start: database initialization")
    ml.log.info("end: database initialization")
    ml.log.info("-----SYSTEM STARTUP-----")
    ml.log.info("------APP SETTINGS------")
    ml.log.info(json.dumps({"PRODUCTION": True, "BASE_URL": "http://localhost:9000", "IS_DEMO": False,
                            "API_PORT": 9000, "API_DOCS": True, "TOKEN_TIME": 48, "TZ": "UTC",
                            "ALLOW_SIGNUP": False, "DB_URL_PUBLIC": "sqlite:////app/data/mealie.db"}, indent=4))
    ml.log.warning("[SCRAPER] Unexpected type or structure for variable time_entry")
    ml.log.error("failed to scrape url during bulk url import %s" % "https://example.com/recipes/shakshuka")
    try:
        {}["missing"]
    except KeyError as e:
        ml.log.exception(e)
    in_thread("ThreadPoolExecutor-0_0", lambda: td.log.warning("%s: %s", "Not Found", "/favicon.ico"))
    connector = td.logger("recipes.connector.worker")
    in_thread("Thread-1 (worker)", lambda: fail(connector, "failed to initialize %s" % "Kitchen"))
    in_thread("Thread-1 (worker)", lambda: td.logger("recipes.connector.homeassistant.Kitchen").warning(
        "received an exception from the api: err.request_info.url=URL('http://homeassistant.local:8123/api/"
        "services/todo/add_item'), err.request_info.method='POST', err.status=401, err.message='Unauthorized', "
        "type(err)=<class 'aiohttp.client_exceptions.ClientResponseError'>"))
    in_thread("ThreadPoolExecutor-0_1", lambda: fail(td.log, "%s: %s", "Internal Server Error", "/api/recipe/12/"))
    in_thread("ThreadPoolExecutor-0_0", lambda: td.log.warning("%s: %s", "Forbidden", "/api/space/1/"))
    return {"name": "mealie-tandoor", "programs": [ml, td], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_localstack_hypercorn(), stream_dnf_unattended_upgrades(), stream_tautulli_medusa(),
        stream_frigate_glances(), stream_jupyterhub_vllm(), stream_pulp_galaxy(), stream_searxng_zulip(),
        stream_electrum_nornir(), stream_mealie_tandoor(),
    ])


if __name__ == "__main__":
    main()
