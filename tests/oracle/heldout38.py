"""The thirty-eighth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout37.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in machine-learning serving and experiment tooling (a GPU inference
host on EC2, where Lightning AI's LitServe and Mosec serve two models in
containers; a model platform's log group, where a Truss model server
answers predictions and Evidently's monitoring UI watches the model; an ML
tools host, where dstack's server provisions GPU instances and a Sacred
experiment trains a model in a container beside it), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout38

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 53.4% exact, 67.9% key
fields (asctime 85.8%, levelname 92.6%, name 100.0%, message 79.4%).

Formatters and filters: LitServe, Truss (with DISABLE_JSON_LOGGING set: its
default is python-json-logger), Evidently, dstack (DSTACK_SERVER_LOG_FORMAT
=standard, DSTACK_SERVER_LOG_LEVEL=INFO) and Sacred (basicConfig) use
logging.Formatter's text. LitServe's format prints the process's name and
id in brackets ("SpawnProcess-1[52]") and "file:line". Truss prints
"%(msecs)04d" (four digits after a time without date) and no name; its
access formatter (_AccessFormatter) rewrites uvicorn.access's msg to
"Handled request - GET /path HTTP/1.1 200" before formatting, and its
_HealthCheckFilter and _MetricsFilter drop the probes' and scrapes'
records (both reproduced). Evidently's format pads the level to eight and
the name to fifteen, with a literal "Z" after a time without fraction.
dstack prints the level first, then "%(asctime)s.%(msecs)03d"; its
AsyncioCancelledErrorFilter drops records whose exc_info is a
CancelledError (reproduced: one is dropped), and some of its messages pass
a dict as the only argument ({"show_path": False}, for its rich handler)
and carry rich markup ("[link=file://...]...[/link]") into the text.
Mosec runs with --log_level=debug, so its DebugFormat (a Formatter
subclass, `MosecDebugFormat` here) prints: its own formatTime
("%Y-%m-%dT%H:%M:%S.%fZ " with a trailing space, so two spaces before the
level; it calls datetime.now(), the record's time here), the level wrapped
in ANSI colour codes, and a prefix held by the formatter ("mosec::" for
the internal logger, "user::" for the workers' logger, literal text in
the line); its warnings and errors put traceback.format_exc() with its
line breaks replaced by spaces into the message. 464 records in three
streams (220, 118 and 126; 61 print lines and 2 tracebacks no record
wrote among them).

Print lines: uvicorn's own lines for LitServe ("INFO:     ..."), LitServe's
"Swagger UI is available at ..." print(), Mosec's Rust coordinator's
logforth lines (ColoredLayout: time, coloured level padded to six,
"target:line", key=value pairs), Truss's and Evidently's container banners,
dstack's rich banner lines, and Sacred's traceback, which
print_filtered_stacktrace() writes with its own header ("Traceback (most
recent calls WITHOUT Sacred internals):") after "Failed after ...!": it is
given here as a traceback no record wrote (an ERROR record with the
traceback as exc_info), as `uncaught` does, although its header is not
Python's.

The messages are modelled on the programs' source: LitServe's, Mosec's,
Truss's, dstack's and Sacred's messages and line numbers are those read at
the commits cited (Mosec's "<stage|worker>" names are its coordinator's);
Evidently's are uvicorn's and Litestar's (its own loggers have no
handler); the values in them (models, hosts, ids, times) are modelled,
and so are the print lines, the exception texts of third-party libraries
and the install paths.

Left out: NVIDIA FLARE (its BaseFormatter, read at NVIDIA/NVFlare f3b7c1bf
nvflare/fuel/utils/log_utils.py, shortens the name to its last component
on a copy of the record, moves "[k=v, ...]: " out of the message into
%(fl_ctx)s and strips " %(fl_ctx)s -" from its own format for good after
the first record without it: a truth for that is more than this pass
could build), Guild AI (guild/log.py ConsoleLogHandler picks one of three
formats by level, "%(message)s" for INFO: guildai/guildai dfbefedb), Aim
(aim/cli/utils.py set_log_level's basicConfig runs in the CLI process,
not in the uvicorn server it execs: aimhubio/aim 753f4b18), Infinity
(basicConfig's format through rich's RichHandler, which draws its own
columns: michaelfeil/infinity fcb951cb libs/infinity_emb/infinity_emb/
log_handler.py), and Jina, Polyaxon and OpenLLM (for want of time to read
their formats in source; none was guessed).
"""

import asyncio
import json
import logging
import os
import sys
import time
import traceback
from datetime import datetime, timezone

from pythonjsonlogger.json import JsonFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# LitServe (Lightning-AI/LitServe, 1311d5b4), src/litserve/utils.py
# _DEFAULT_LOG_FORMAT, which configure_logging gives a logging.Formatter on
# the "litserve" logger's StreamHandler (stdout, propagate False).
LITSERVE = ("%(asctime)s - %(processName)s[%(process)d] - %(name)s - %(levelname)s - %(filename)s:%(lineno)d - "
            "%(message)s")
# Mosec (mosecorg/mosec, 124694b7), mosec/log.py DebugFormat.default_format
# (its "%(prefix)s" is the formatter's prefix, "mosec" or "user", put in as
# text) and MosecFormat.default_time_format, with --log_level=debug.
MOSEC = "%(asctime)s %(levelname)s %(prefix)s::%(filename)s:%(lineno)s [%(process)d]: %(message)s"
MOSEC_DATEFMT = "%Y-%m-%dT%H:%M:%S.%fZ "
# Truss (basetenlabs/truss, 0bee989b), truss/templates/shared/log_config.py
# make_log_config's "default_formatter" and "access_formatter" (the
# latter through _AccessFormatter) with DISABLE_JSON_LOGGING set.
TRUSS = "%(asctime)s.%(msecs)04d %(levelname)s %(message)s"
TRUSS_DATEFMT = "%H:%M:%S"
# Evidently (evidentlyai/evidently, a4aa4c2b), src/evidently/ui/service/
# local_service.py create_logging's "default" and "access" formatters
# (logging.Formatter.converter set to time.gmtime).
EVIDENTLY = "%(asctime)s %(levelname)-8s %(name)-15s %(message)s"
EVIDENTLY_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"
# dstack (dstackai/dstack, 511c318c), src/dstack/_internal/server/utils/
# logging.py configure_logging's "standard" formatter, on the root's
# StreamHandler with AsyncioCancelledErrorFilter.
DSTACK = "%(levelname)s %(asctime)s.%(msecs)03d %(name)s %(message)s"
DSTACK_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# Sacred (IDSIA/sacred, 86865b03), sacred/utils.py
# create_basic_stream_logger's logging.basicConfig format.
SACRED = "%(levelname)s - %(name)s - %(message)s"

SITE = "/usr/local/lib/python3.11/site-packages/"


# --------------------------------------------------------------------------
# The programs' formatter classes, as written there.

class MosecTime:
    """mosec.log.MosecFormat.formatTime (datetime.now() there; the
    record's time here, the same instant)."""

    default_time_format = MOSEC_DATEFMT

    def formatTime(self, record, datefmt=None):
        moment = datetime.fromtimestamp(record.created, timezone.utc)
        return datetime.strftime(moment, datefmt if datefmt else self.default_time_format)


class MosecDebugFormat(MosecTime, logging.Formatter):
    """mosec.log.DebugFormat: the level coloured, the prefix written in
    (the base class gets the format with the prefix in, so the harness
    reads it)."""

    COLORS = {logging.DEBUG: "\x1b[34m", logging.INFO: "\x1b[32m", logging.WARNING: "\x1b[33m",
              logging.ERROR: "\x1b[31m", logging.CRITICAL: "\x1b[35m"}
    RESET = "\x1b[0m"

    def __init__(self, prefix):
        super().__init__(MOSEC.replace("%(prefix)s", prefix))
        self.prefix = prefix

    def formatMessage(self, record):
        level = f"{self.COLORS[record.levelno]}{record.levelname}{self.RESET}"
        return MOSEC.replace("%(levelname)s %(prefix)s", f"{level} {self.prefix}") % record.__dict__


class MosecJsonFormatter(MosecTime, JsonFormatter):
    pass


class TrussAccessFormatter(logging.Formatter):
    """truss's _AccessFormatter."""

    def format(self, record):
        if record.name == "uvicorn.access" and record.args and len(record.args) == 5:
            client_addr, method, raw_path, version, status = record.args
            record.msg = f"Handled request - {method} {raw_path} HTTP/{version} {status}"
            record.args = ()
        return super().format(record)


class TrussHealthCheckFilter(logging.Filter):
    def filter(self, record):
        msg = record.getMessage()
        return not any(path in msg for path in {"GET / ", "GET /v1/models/model ", "GET /v1/models/model/loaded "})


class TrussMetricsFilter(logging.Filter):
    def filter(self, record):
        return "/metrics" not in record.getMessage()


class EvidentlyFormatter(logging.Formatter):
    converter = time.gmtime


class AsyncioCancelledErrorFilter(logging.Filter):
    def filter(self, record):
        if not record.exc_info:
            return True
        return not isinstance(record.exc_info[1], asyncio.CancelledError)


def lit(log, level, where, func, msg, *args, proc="MainProcess", exc=None):
    """A LitServe record from its module, in a named process."""
    path, line = where.rsplit(":", 1)
    if exc is True:
        exc = sys.exc_info()
    record = log.makeRecord(log.name, level, SITE + "litserve/" + path, int(line), msg, args, exc, func=func)
    record.processName = proc
    log.handle(record)


def access(log, addr, method, path, status):
    """A uvicorn.access record, as uvicorn logs it."""
    log.info('%s - "%s %s HTTP/%s" %d', addr, method, path, "1.1", status)


# --------------------------------------------------------------------------
# A GPU inference host on EC2 (g5.2xlarge, Docker's awslogs driver, one
# stream for the compose project): LitServe serves a text-embedding model
# (its inference workers are spawned processes), Mosec a reranker (its
# Rust front end prints logforth lines; the Python workers log through
# the internal and the user loggers).

def mosec_rs(level, target, line, msg, **kv):
    colors = {"INFO": 32, "WARN": 33, "ERROR": 31, "DEBUG": 34}
    pairs = "".join(f" {k}={v}" for k, v in kv.items())
    stamp = now("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % (round(realworld.CLOCK.t * 1000) % 1000 * 1000)
    return f"{stamp} \x1b[{colors[level]}m{level:>6}\x1b[0m {target}:{line} {msg}{pairs}"


def stream_litserve_mosec():
    stream = []
    ls = Program("litserve", "litserve.server", logging.Formatter(LITSERVE), stream)
    ms = Program("mosec", "mosec.log", MosecDebugFormat("mosec"), stream, truth=MosecJsonFormatter,
                 datefmt=MOSEC_DATEFMT)
    mu = Program("mosec.user", "moser.user_log", MosecDebugFormat("user"), stream, truth=MosecJsonFormatter,
                 datefmt=MOSEC_DATEFMT)
    server = lg(ls, "litserve.server")
    loops = lg(ls, "litserve.loops.loops")
    simple = lg(ls, "litserve.loops.simple_loops")
    internal = lg(ms, "mosec.log")
    user = lg(mu, "moser.user_log")
    workers = [("SpawnProcess-1", 41), ("SpawnProcess-2", 42)]

    printed(stream, "INFO:     Started server process [7]")
    printed(stream, "INFO:     Waiting for application startup.")
    printed(stream, "INFO:     Application startup complete.")
    printed(stream, "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
    printed(stream, "Swagger UI is available at http://0.0.0.0:8000/docs")
    printed(stream, mosec_rs("INFO", "mosec::protocol", 58, "begin listening to socket",
                             path='"/tmp/mosec_3f2a9c/ipc_1.socket"'))
    stages = [("Preprocess", 1, 61), ("Rerank", 2, 62)]
    for stage, sid, wpid in stages:
        with pid(wpid):
            at(internal, logging.INFO, SITE + "mosec/protocol.py", 158, "open", "%s socket connected to %s",
               f"<{stage}|0>", f"/tmp/mosec_3f2a9c/ipc_{sid}.socket")
            printed(stream, mosec_rs("INFO", "mosec::protocol", 61, "socket accepted connection from",
                                     addr='"/tmp/mosec_3f2a9c/ipc_%d.socket"' % sid))
            if stage == "Rerank":
                at(user, logging.INFO, "/app/server.py", 38, "__init__", "loading bge-reranker-v2-m3 on cuda:0")
                at(internal, logging.INFO, SITE + "mosec/coordinator.py", 217, "warmup", "%s warmup successfully",
                   f"<{stage}|0>")
    printed(stream, mosec_rs("INFO", "mosec::main", 116, "http service is running", addr="0.0.0.0:8001"))

    uid = 0x3c1e
    task = 1200
    for cycle in range(9):
        for n in range(4):
            uid += 1
            u = "%08x-7c2e-4d1a-9b3e-0a1f%08x" % (uid, uid * 7)
            lit(server, logging.DEBUG, "server.py:331", "handle_request",
                "Handling request: <starlette.requests.Request object at 0x7f3c%08x>", 0x2a10 + uid)
            lit(server, logging.DEBUG, "server.py:320", "_prepare_request", "Submitted request uid=%s", u)
            proc, wpid = workers[(cycle + n) % 2]
            with pid(wpid):
                lit(simple, logging.DEBUG, "loops/simple_loops.py:66", "run_single_loop",
                    "Received request %s from response_queue_id %s", u, n % 2, proc=proc)
                if cycle == 4 and n == 1:
                    lit(simple, logging.ERROR, "loops/simple_loops.py:71", "run_single_loop",
                        "Request %s was waiting in the queue for too long (30 seconds) and has been timed out. You "
                        "can adjust the timeout by providing the `timeout` argument to LitServe(..., timeout=30).",
                        u, proc=proc)
                if cycle == 6 and n == 2:
                    def predict():
                        def forward():
                            raised("torch.OutOfMemoryError", "OutOfMemoryError",
                                   "CUDA out of memory. Tried to allocate 1.50 GiB. GPU 0 has a total capacity of "
                                   "22.09 GiB of which 1.02 GiB is free. Process 41 has 21.06 GiB memory in use.")
                        forward()
                    try:
                        predict()
                    except Exception:
                        lit(simple, logging.ERROR, "loops/simple_loops.py:133", "run_single_loop",
                            "LitAPI ran into an error while processing the request uid=%s.\nPlease check the error "
                            "trace for more details.", u, proc=proc, exc=True)
            status = "500 Internal Server Error" if cycle == 6 and n == 2 else "200 OK"
            if cycle == 4 and n == 1:
                status = "504 Gateway Timeout"
            printed(stream, f'INFO:     10.0.{cycle % 3}.{20 + n}:{51230 + uid % 900} - "POST /v1/embeddings '
                            f'HTTP/1.1" {status}')
        # Mosec's reranker: a batch through both stages.
        ids = tuple(range(task, task + 3))
        task += 3
        printed(stream, mosec_rs("DEBUG", "mosec::protocol", 284, "batch size: 3/8"))
        for stage, sid, wpid in stages:
            with pid(wpid):
                at(internal, logging.DEBUG, SITE + "mosec/protocol.py", 109, "receive",
                   "%s received %d tasks with ids: %s", f"<{stage}|0>", 3, ids)
                if stage == "Rerank" and cycle == 5:
                    def forward():
                        def decode():
                            raised("msgspec", "ValidationError", "Expected `array`, got `str` - at `$.documents`")
                        decode()
                    try:
                        forward()
                    except Exception:
                        at(internal, logging.WARNING, SITE + "mosec/coordinator.py", 301, "coordinate",
                           traceback.format_exc().replace("\n", " "))
                    continue
                if stage == "Rerank" and cycle == 7:
                    at(internal, logging.INFO, SITE + "mosec/coordinator.py", 297, "coordinate", "%s %s: %s",
                       f"<{stage}|0>", "request validation error", "query is empty")
                    continue
                if stage == "Rerank":
                    at(user, logging.DEBUG, "/app/server.py", 52, "forward", "reranked %d documents in %.1f ms",
                       24 + cycle, 11.5 + cycle)
                at(internal, logging.DEBUG, SITE + "mosec/protocol.py", 147, "send",
                   "%s sent %d(%d) tasks with ids: %s", f"<{stage}|0>", 3, 200, ids)
        if cycle == 3:
            printed(stream, mosec_rs("WARN", "mosec::routes", 129, "failed to read request body (too large)",
                                     err='"length limit exceeded"'))
    printed(stream, "INFO:     Shutting down")
    lit(server, logging.INFO, "server.py:1190", "_perform_graceful_shutdown", "Shutting down LitServe...")
    printed(stream, mosec_rs("INFO", "mosec::main", 60, "service received terminate signal"))
    at(internal, logging.INFO, SITE + "mosec/server.py", 146, "_terminate",
       "received signum[%s], terminating server [%s]", 15, "<frame at 0x7f11c2b0a440, file '/usr/local/lib/python3.11/"
       "site-packages/mosec/server.py', line 160, code _manage_py_runtime>")
    for stage, sid, wpid in stages:
        with pid(wpid):
            at(internal, logging.INFO, SITE + "mosec/protocol.py", 163, "close", "%s socket closed", f"<{stage}|0>")
    at(internal, logging.INFO, SITE + "mosec/runtime.py", 267, "halt", "mosec service halted normally [%d]", 0)
    at(internal, logging.INFO, SITE + "mosec/server.py", 171, "_halt", "mosec exited normally")
    return {"name": "litserve-mosec", "programs": [ls, ms, mu], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A model platform's log group (ECS on Fargate): a Truss model server
# answers a churn model's predictions; Evidently's UI (uvicorn behind
# Litestar) serves the model's monitoring dashboards to the same team.

def stream_truss_evidently():
    stream = []
    tr = Program("truss", "uvicorn", logging.Formatter(TRUSS, TRUSS_DATEFMT), stream)
    ta = Program("truss.access", "uvicorn.access", TrussAccessFormatter(TRUSS, TRUSS_DATEFMT), stream)
    ev = Program("evidently", "uvicorn.error", EvidentlyFormatter(EVIDENTLY, EVIDENTLY_DATEFMT), stream)
    wrapper = lg(tr, "uvicorn")
    uerr = lg(tr, "uvicorn.error")
    root = lg(tr, "root")
    tracing = lg(tr, "_truss_common.tracing")
    taccess = lg(ta, "uvicorn.access")
    taccess.addFilter(TrussHealthCheckFilter())
    taccess.addFilter(TrussMetricsFilter())
    e_err = lg(ev, "uvicorn.error")
    e_access = lg(ev, "uvicorn.access")
    e_lite = lg(ev, "litestar")

    printed(stream, "+ exec python3 /app/main.py")
    tracing.info("Using no-op tracing (tracing was disabled).")
    uerr.info("Started server process [7]")
    uerr.info("Waiting for application startup.")
    wrapper.info("Executing model.load()...")
    wrapper.info("Loading truss model from file.")
    wrapper.info("Completed model.load() execution in 8412 ms")
    uerr.info("Application startup complete.")
    uerr.info("Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)")
    printed(stream, "+ exec evidently ui --host 0.0.0.0 --port 8000 --workspace s3://ml-monitoring-prod/evidently")
    e_err.info("Started server process [%d]", 7)
    e_err.info("Waiting for application startup.")
    e_err.info("Application startup complete.")
    e_err.info("Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 8000)
    projects = ["0190b3c2-5f7e-7a3c-9d41-8e2f1a6b4c0d", "0190b3c2-6a11-7b02-8c33-41d9e07f2a95"]
    for cycle in range(15):
        access(taccess, "10.20.3.14:0", "GET", "/v1/models/model", 200)  # dropped by the health-check filter
        for n in range(3):
            status = 200
            if cycle == 5 and n == 1:
                def predict():
                    def model_predict():
                        raised("builtins", "KeyError", "'tenure_months'")
                    model_predict()
                try:
                    predict()
                except Exception:
                    root.error("Internal Server Error (in model/chainlet).", exc_info=True)
                status = 500
            if cycle == 8 and n == 0:
                root.warning("Model with name model is not ready. Retrying request in 1s")
            access(taccess, "10.20.%d.%d:0" % (n + 1, 40 + cycle), "POST", "/v1/models/model:predict", status)
        access(taccess, "10.20.9.2:0", "GET", "/metrics", 200)  # dropped by the metrics filter
        if cycle % 3 == 0:
            wrapper.info("Executing model.setup_environment with environment: {'name': 'production'}")
        # Evidently: the dashboards the team opens.
        for project in projects[: 1 + cycle % 2]:
            access(e_access, "10.20.7.%d:%d" % (11 + cycle % 4, 48810 + cycle), "GET", f"/api/projects/{project}/"
                   "dashboard", 200)
            access(e_access, "10.20.7.%d:%d" % (11 + cycle % 4, 48811 + cycle), "GET", f"/api/projects/{project}/"
                   "snapshots", 200)
        if cycle == 4:
            access(e_access, "10.20.7.12:48833", "GET", "/api/projects/0190b3c2-ffff-7000-8000-000000000000/info",
                   404)
        if cycle == 7:
            def get_snapshot():
                def read():
                    raised("botocore.exceptions", "ClientError",
                           "An error occurred (SlowDown) when calling the GetObject operation (reached max retries: "
                           "4): Please reduce your request rate.")
                read()
            try:
                get_snapshot()
            except Exception:
                e_lite.error("Uncaught exception (connection_type=%s, path=%s):", "http",
                             f"/api/projects/{projects[0]}/snapshots", exc_info=True)
            access(e_access, "10.20.7.12:48901", "GET", f"/api/projects/{projects[0]}/snapshots", 500)
        if cycle == 10:
            e_err.warning("Invalid HTTP request received.")
    uerr.info("Shutting down")
    uerr.info("Waiting for application shutdown.")
    uerr.info("Application shutdown complete.")
    uerr.info("Finished server process [7]")
    return {"name": "truss-evidently", "programs": [tr, ta, ev], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An ML tools host on EC2 (Docker's awslogs driver): dstack's server
# provisions GPU instances in the team's AWS account for its runs, and a
# Sacred experiment (train_churn, with a "dataset" ingredient and an S3
# observer) trains a model in a container beside it.

def stream_dstack_sacred():
    stream = []
    ds = Program("dstack", "dstack._internal.server.app", logging.Formatter(DSTACK, DSTACK_DATEFMT), stream)
    ds.handler.addFilter(AsyncioCancelledErrorFilter())
    sc = Program("sacred", "root", logging.Formatter(SACRED), stream)
    app = lg(ds, "dstack._internal.server.app")
    base = "dstack._internal.server.background.pipeline_tasks."
    prov = lg(ds, base + "instances.cloud_provisioning")
    check = lg(ds, base + "instances.check")
    running = lg(ds, base + "jobs_running")
    pbase = lg(ds, base + "base")
    fleets = lg(ds, base + "fleets")
    run = lg(sc, "train_churn")
    dataset = lg(sc, "dataset")

    printed(stream, "+ exec dstack server --host 0.0.0.0 --port 3000")
    app.info("Applying [link=file:///root/.dstack/server/config.yml]~/.dstack/server/config.yml[/link]...",
             {"show_path": False})
    app.info("The admin token is %s" % "4f1d2c9a-9e3b-4c7e-8a21-6b0f3d5e7a18", {"show_path": False})
    app.info("The dstack server 0.19.12 is running at http://0.0.0.0:3000", {"show_path": False})
    runs = [("finetune-llama", "g5.2xlarge"), ("eval-churn", "g4dn.xlarge"), ("embed-batch", "g5.xlarge")]
    for cycle in range(10):
        # Sacred: one run of the experiment per cycle, queued by the team.
        run.info("Running command '%s'", "main")
        run.info('Started run with ID "{}"'.format(41 + cycle))
        dataset.info("Loading s3://ml-datasets-prod/churn/2024-05-%02d/part-*.parquet", 5 + cycle)
        dataset.info("Loaded %d rows, %d features", 1843207 + cycle * 911, 64)
        if cycle == 0:
            run.warning('Added new config entry: "%s"' % "model.early_stopping")
        for epoch in range(1, 5):
            run.info("epoch %d/%d: loss=%.4f val_auc=%.4f", epoch, 4, 0.41 - epoch * 0.03 - cycle * 0.002,
                     0.81 + epoch * 0.01)
        # dstack: provisioning and watching the runs' jobs.
        name, itype = runs[cycle % 3]
        iid = "%032x" % (0x5c1e7 * (cycle + 3))
        if cycle in (1, 4):
            prov.warning("%s launch in %s/%s failed: %s", itype, "aws", "us-east-1",
                         "ComputeResourceNotAvailableError()")
        prov.info("%s launch in %s/%s skipped: %s", itype, "aws", "us-west-2", "No capacity for spot instances")
        if cycle == 2:
            def process():
                def ssh():
                    raised("paramiko.ssh_exception", "NoValidConnectionsError",
                           "[Errno None] Unable to connect to port 22 on 10.0.14.7")
                ssh()
            try:
                process()
            except Exception:
                pbase.exception("Unexpected exception when processing item")
            try:
                raise asyncio.CancelledError()
            except asyncio.CancelledError:
                pbase.exception("Unexpected exception when fetching new items")  # dropped by the filter
        if cycle == 3:
            check.warning("Detected busy instance %s with finished job. Marked as TERMINATING", f"{name}-0")
        job = "job(%s)%s-0-0" % (iid[:6], name)
        if cycle == 5:
            running.error("%s: cannot update job_provisioning_data. job_model.instance is None.", job)
        elif cycle == 4:
            running.info("%s: non-zero exit status %s", job, 137)
        if cycle == 3:
            fleets.info("Automatic cleanup of empty autocreated fleet %s", f"{runs[0][0]}-fleet")
        if cycle == 4:
            # The run fails: Sacred logs it and prints the filtered traceback.
            def main():
                def fit():
                    raised("xgboost.core", "XGBoostError",
                           "[14:44:51] src/data/data.cc:497: Check failed: valid: Label contains NaN, infinity or a "
                           "value too large.")
                fit()
            run.error("Failed after %s!", "0:03:12")
            try:
                main()
            except Exception:
                text = traceback.format_exc().rstrip("\n")
            text = text.replace("Traceback (most recent call last):", "Traceback (most recent calls WITHOUT Sacred "
                                "internals):", 1)
            last = [line for line in text.split("\n") if line and not line.startswith(" ")][-1]
            stream.append({"program": "python", "text": text, "json": json.dumps(
                {"levelname": "ERROR", "message": last, "exc_info": text}), "ms": round(realworld.CLOCK() * 1000),
                "catch_all": True})
            printed(stream, "+ sleep 30")
            continue
        if cycle == 1:
            run.warning("An error ocurred in the '{}' observer: {}".format(
                "S3Observer", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied"))
        run.info("Result: {}".format(0.8612 + cycle * 0.001))
        run.info("Completed after %s", "0:02:%02d" % (41 + cycle))
        if cycle == 1:
            run.warning("The observer '{}' failed at some point during the run.".format("S3Observer"))
    # The runner's last attempt dies before Sacred starts.
    def load_config():
        def read():
            raised("yaml.scanner", "ScannerError", "mapping values are not allowed here in \"config/train.yaml\", "
                   "line 12, column 18")
        read()
    uncaught(stream, load_config)
    return {"name": "dstack-sacred", "programs": [ds, sc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_litserve_mosec(), stream_truss_evidently(), stream_dstack_sacred()])


if __name__ == "__main__":
    main()
