"""The 71-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout70.py`): six more programs'
own logging set-ups, chosen from ML serving and MLOps as platform and SRE
teams run them in AWS (a GPU inference host, where GPUStack schedules
model instances across its workers and MindsDB answers SQL predictions
beside it; an ML platform's tools cluster, where Sematic's API server
tracks pipeline runs and doccano serves the data-labeling team; a training
and serving job on an EC2 GPU instance, where DVC pulls the data and model
versions and DeepSpeed-MII serves the trained model), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout71

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 5a0e744 (session 29's three rules in, none
written from this set), with nothing configured: 61.8% exact, 64.3% key
fields (asctime 96.8%, levelname 98.0%, name 76.6%, message 65.1%).

Formatters and filters: GPUStack's setup_logging calls basicConfig with
"%(asctime)s - %(name)s - %(levelname)s - %(message)s" and then replaces
logging.Formatter.formatTime itself with a lambda returning
datetime.fromtimestamp(created, timezone.utc).astimezone(), a datetime,
not a string: asctime prints as str(datetime), "2024-05-11
14:44:44.123000+00:00" (microseconds and the UTC offset with a colon; the
truth's formatter keeps the same formatTime, as its string). MindsDB's
"mindsdb" logger (propagate off) prints "%(levelname)s: - %(asctime)s -
%(name)s - %(message)s" (a colon and a dash after the level), logs an empty
message when it is set up, and its log.error is functools.partial(log.error,
exc_info=True): an error logged outside an except block carries
(None, None, None), which prints "NoneType: None" under the message.
Sematic's make_log_config gives root and "sematic" "%(asctime)s
%(request_id)s [%(levelname)s] %(name)s: %(message)s" through a filter
(FlaskRequestContextFilter) that sets request_id from the X-REQUEST-ID
header, "" outside a request (two spaces then); it is reproduced here as
a Formatter subclass setting the attribute. doccano's production settings
give root and "django" "[%(asctime)s] [%(process)d] [%(levelname)s]
[%(name)s::%(funcName)s::%(lineno)d] %(message)s" with "%Y-%m-%d %H:%M:%S
%z"; gunicorn's own records (its error log) go through gunicorn's handler
and format (`realworld.gunicorn_programs`). DeepSpeed-MII's LoggerFactory
gives its "MII" logger "[%(asctime)s] [%(levelname)s]
[%(filename)s:%(lineno)d:%(funcName)s] %(message)s" (the same string as
DeepSpeed's own logger in `heldout5.py`: MII is a separate program).
DVC's ColorFormatter (dvc/logger.py) has no format string: it writes the
message alone for INFO and "LEVEL: message" for the rest, the exception's
cause chain after " - " and no traceback (not verbose, no
DVC_SHOW_TRACEBACK) and no colours (stdout and stderr are no TTY in a
job's container); reproduced here as written there, so its truth is the
message alone ("%(message)s").

Print lines: the containers' entrypoint lines (doccano's tools/prod-
django.sh echo "Starting django", Sematic's uvicorn supervisor lines,
which print before the app factory's dictConfig disables uvicorn's loggers
with disable_existing_loggers, so its workers' own lines never print),
DVC's stage commands' output (the training script's prints), MII's
launcher lines and a bare traceback when the MII client's script dies.

The messages are modelled on the programs' source: most of GPUStack's
(gpustack/server/server.py, server/controllers.py, scheduler/scheduler.py,
worker/serve_manager.py), Sematic's (sematic/api/endpoints/resolutions.py
and events.py), MII's (mii/backend/server.py, mii/utils.py,
mii/batching/ragged_batching.py, with those files' line numbers and
functions) and DVC's (dvc/stage/run.py, dvc/stage/__init__.py,
dvc/repo/reproduce.py, dvc/commands/data_sync.py) were read at the commits
cited (GPUStack's registry and VRAM warnings and its ApiException text are
modelled); doccano's records are Django's own log_response (Django 5.2's
django/utils/log.py, the version in this repository's .venv); MindsDB's
messages beyond its log.py's own and its logger names beyond "mindsdb"
and "mindsdb.http" (read in its http start.py's initialize_log call) are
modelled, not read. Modelled rather than read too: the values (models,
workers, ports, ids), the order and number of records, third-party
exception texts, the install paths and the print lines.

Left out: Arize Phoenix (its default logging mode adds no handler, so
only logging's lastResort "%(message)s" prints; its structured mode writes
JSON already: src/phoenix/logging/_config.py at Arize-ai/phoenix
9478f954), Argilla (its repository snapshot was too large to fetch in
the time given; no format was read), and BentoML, Seldon/MLServer, KServe,
Feast, Label Studio, CVAT, ClearML, Aim, W&B, TorchServe, Ludwig,
Determined, Polyaxon, ZenML, Kedro, Metaflow, Optuna, Hopsworks, vLLM,
Xinference, FastChat, SkyPilot, dstack, Flyte, Katib, LiteLLM, MLRun,
LitServe, Mosec, SGLang, LMDeploy, submitit, Infinity and the other
programs of these areas already in earlier sets.
"""

import functools
import logging
import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# GPUStack (gpustack/gpustack, 47277d79), gpustack/logging.py
# setup_logging's basicConfig format (root's StreamHandler on stderr),
# with its logging.Formatter.formatTime replacement.
GPUSTACK = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# MindsDB (mindsdb/mindsdb, 03db0d8a), mindsdb/utilities/log.py: the
# "mindsdb" logger's console_handler formatter (propagate off).
MINDSDB = "%(levelname)s: - %(asctime)s - %(name)s - %(message)s"
# Sematic (sematic-ai/sematic, 0f8e2560), sematic/logs.py make_log_config's
# "standard" formatter (root's and "sematic"'s "stdout" handler, with the
# FlaskRequestContextFilter "request_context").
SEMATIC = "%(asctime)s %(request_id)s [%(levelname)s] %(name)s: %(message)s"
# doccano (doccano/doccano, ab6b765e), backend/config/settings/production.py
# LOGGING's "standard" formatter (root's and "django"'s "console" handler).
DOCCANO = "[%(asctime)s] [%(process)d] [%(levelname)s] [%(name)s::%(funcName)s::%(lineno)d] %(message)s"
DOCCANO_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# DeepSpeed-MII (microsoft/DeepSpeed-MII, d100a85), mii/logging.py
# LoggerFactory.create_logger's formatter (the "MII" logger's StreamHandler
# on stdout, propagate off).
MII = "[%(asctime)s] [%(levelname)s] [%(filename)s:%(lineno)d:%(funcName)s] %(message)s"
# DVC (iterative/dvc, 9f901e57a), dvc/logger.py ColorFormatter (no format
# string: "%(message)s"; setup() gives it the "dvc", "dvc_objects" and
# "dvc_data" loggers' handlers).

MII_SRC = "/opt/conda/lib/python3.10/site-packages/mii/"
DJANGO_LOG = "/usr/local/lib/python3.10/site-packages/django/utils/log.py"


# --------------------------------------------------------------------------
# The programs' formatters, as their sources write them.

class GpustackTime:
    """gpustack/logging.py's formatTime: a datetime, printed by %s."""

    def formatTime(self, record, datefmt=None):
        return datetime.fromtimestamp(record.created, timezone.utc).astimezone()


class GpustackFormatter(GpustackTime, logging.Formatter):
    pass


class GpustackJson(GpustackTime, JsonFormatter):
    def formatTime(self, record, datefmt=None):
        return str(super().formatTime(record, datefmt))


class SematicFormatter(logging.Formatter):
    """The "standard" formatter behind FlaskRequestContextFilter: the
    request's X-REQUEST-ID header, "" outside a request."""

    request_id = ""

    def format(self, record):
        record.request_id = SematicFormatter.request_id
        return super().format(record)


class DvcColorFormatter(logging.Formatter):
    """dvc/logger.py's ColorFormatter.format, log_colors off, not verbose,
    show_traceback off."""

    def __init__(self):
        super().__init__()

    def format(self, record):
        record.message = record.getMessage()
        msg = self.formatMessage(record)
        if record.levelno == logging.INFO:
            return msg
        ei = record.exc_info
        if ei:
            causes, exc = [], ei[1]
            while exc:
                causes.append(str(exc))
                exc = exc.__cause__
            cause = ": ".join(causes)
            sep = " - " if msg and cause else ""
            msg = msg + sep + cause
        return record.levelname + ": " + msg


# --------------------------------------------------------------------------
# A GPU inference host on EC2 (g5 instances; Docker's awslogs driver, one
# stream for the host): GPUStack's server, with its embedded worker,
# schedules model instances; MindsDB beside it answers the analysts' SQL
# predictions from the same models.

MODELS = [("qwen2.5-7b-instruct", "vllm"), ("llama-3.1-8b-instruct", "vllm"), ("bge-m3", "llama-box"),
          ("whisper-large-v3", "vox-box"), ("bge-reranker-v2-m3", "llama-box")]
WORKERS = ["ip-10-0-3-17", "ip-10-0-3-42", "ip-10-0-4-8"]
PREDICTORS = ["churn_predictor", "ticket_classifier", "demand_forecast", "support_summarizer"]


def stream_gpustack_mindsdb():
    stream = []
    gp = Program("gpustack", "gpustack.server.server", GpustackFormatter(GPUSTACK), stream, truth=GpustackJson)
    md = Program("mindsdb", "mindsdb", logging.Formatter(MINDSDB), stream)
    srv = lg(gp, "gpustack.server.server")
    ctl = lg(gp, "gpustack.server.controllers")
    sch = lg(gp, "gpustack.scheduler.scheduler")
    svm = lg(gp, "gpustack.worker.serve_manager")
    m = lg(md, "mindsdb")
    m.error = functools.partial(m.error, exc_info=True)
    http = lg(md, "mindsdb.http")

    printed(stream, "Attaching to gpustack-1, mindsdb-1")
    srv.info("Starting GPUStack server.")
    srv.info("Running database migration.")
    srv.info("Database migration completed.")
    srv.info("Starting leader election loop...")
    srv.info(f"Gateway mode: {'embedded'}.")
    srv.info("GPUStack Server will serve on 0.0.0.0:80.")
    srv.info(f"Waiting for ports {[80, 10161]} of GPUStack to be ready...")
    srv.info("GPUStack Server is ready.")
    sch.info("Scheduler started.")
    m.info("Root handler set to 20.")
    m.info("log level 20")
    m.info("Number of handlers: 1")
    m.info("")
    http.info("Starting MindsDB http API on 0.0.0.0:47334")
    m.warning("Cannot check for updates: CHECK_FOR_UPDATES is disabled")

    for cycle in range(6):
        for i, (model, backend) in enumerate(MODELS):
            name = f"{model}-{(i * 7919 + cycle * 31) % 100000:05x}"
            sch.debug(f"Scheduling model instance {name}")
            if (i + cycle) % 5 == 3:
                sch.debug(f"No suitable workers for model instance {name}, state: analyzing")
                ctl.warning(f"Model instance {name} is pending: no worker has {24 + i * 8} GiB of free VRAM")
                continue
            worker = WORKERS[(i + cycle) % len(WORKERS)]
            ctl.info(f"Created model file for model instance {name} and worker {3 + (i + cycle) % 3}")
            svm.info(f"Provisioning model instance {name}")
            svm.info(f"Finished provisioning model instance {name}")
            if cycle == 2 and i == 1:
                ctl.info(f"Retrying download for model files [{40 + i}] for model instance {name}")
            if cycle == 4 and i == 0:
                ctl.info(f"Marked instance {name} unreachable since worker {worker} is unreachable from the server")
        if cycle == 1:
            def reconcile():
                def ensure():
                    raised("kubernetes_asyncio.client.exceptions", "ApiException",
                           "(409)\nReason: Conflict\nHTTP response headers: <CIMultiDictProxy('Content-Type': "
                           "'application/json')>\nHTTP response body: "
                           "{\"kind\":\"Status\",\"reason\":\"AlreadyExists\"}")
                ensure()
            try:
                reconcile()
            except Exception as e:
                ctl.exception(f"Failed to reconcile model route target: {e}")
        if cycle == 3:
            srv.warning("Default registry https://hub.docker.com is not reachable, falling back to the mirror")
            ctl.error("Failed to reconcile model bge-reranker-v2-m3: worker 5 not found")
        # MindsDB's predictions, asked by the analysts' SQL.
        for j, pred in enumerate(PREDICTORS):
            http.info(f"SELECT * FROM mindsdb.{pred} WHERE batch_id = {1000 + cycle * 10 + j}")
            if (j + cycle) % 7 == 5:
                m.error(f"Predictor '{pred}' is not ready: status is 'training'")
                continue
            m.debug(f"Predictor '{pred}' returned {50 * (j + 1) + cycle} rows in {0.12 + j * 0.05:.2f}s")
        if cycle == 2:
            def predict():
                def call_model():
                    raised("openai", "APIConnectionError", "Connection error.")
                call_model()
            try:
                predict()
            except Exception:
                m.error("Error while running predictor support_summarizer: Connection error.")
        if cycle == 5:
            def on_exit():
                raised("gpustack.server.bus", "EventBusClosed", "event bus is closed")
            try:
                on_exit()
            except Exception:
                srv.exception("[%s] on_exit callback failed", "ModelInstanceController")
    printed(stream, "mindsdb-1 exited with code 0")
    return {"name": "gpustack-mindsdb", "programs": [gp, md], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An ML platform's tools on EKS (Fluent Bit ships the namespace's pods to
# one log group): Sematic's API server tracks the team's pipeline runs and
# schedules their Kubernetes jobs, and doccano, under gunicorn, serves the
# data-labeling team.

PIPELINES = [("a1c3", "training.pipeline.train_eval"), ("b27f", "etl.pipeline.daily_features"),
             ("c9e0", "eval.pipeline.llm_regression"), ("d411", "training.pipeline.finetune_summarizer")]
PROJECTS = [(3, "support-intents"), (7, "invoice-ner"), (12, "toxicity-review")]


def stream_sematic_doccano():
    stream = []
    sm = Program("sematic", "sematic", SematicFormatter(SEMATIC), stream)
    dc = Program("doccano", "django.request", logging.Formatter(DOCCANO, DOCCANO_DATEFMT), stream)
    gun, _ = realworld.gunicorn_programs(stream)
    res = lg(sm, "sematic.api.endpoints.resolutions")
    ev = lg(sm, "sematic.api.endpoints.events")
    root = lg(sm, "root")
    req = lg(dc, "django.request")

    def req_id(n):
        return "%032x" % (0x5e3a71c0ffee + n * 104729)

    printed(stream, "INFO:     Uvicorn running on http://0.0.0.0:80 (Press CTRL+C to quit)")
    printed(stream, "INFO:     Started parent process [1]")
    printed(stream, "Starting django")
    with pid(1):
        gun.log.info("Starting gunicorn 22.0.0")
        gun.log.info("Listening at: http://0.0.0.0:8000 (1)")
        gun.log.info("Using worker: sync")
    for w in (8, 9, 10, 11):
        with pid(w):
            gun.log.info("Booting worker with pid: %s", w)

    n = 0
    for cycle in range(7):
        for rid, func in PIPELINES:
            n += 1
            run_id = "%s%028x" % (rid, cycle * 7 + n)
            SematicFormatter.request_id = req_id(n)
            res.info("Scheduling resolution %s", run_id)
            if (n + cycle) % 9 == 4:
                def schedule():
                    def create_job():
                        raised("kubernetes.client.exceptions", "ApiException",
                               "(403)\nReason: Forbidden\nHTTP response body: exceeded quota: gpu-quota, requested: "
                               "requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=8, limited: "
                               "requests.nvidia.com/gpu=8")
                    create_job()
                try:
                    schedule()
                except Exception:
                    res.exception("Exception scheduling resolution %s", run_id)
                SematicFormatter.request_id = ""
                continue
            res.info("Scheduled resolution with job %s", "sematic-driver-%s" % run_id[:12])
            SematicFormatter.request_id = ""
            ev.info("Broadcasting: namespace=%s; event=%s", "/pipeline", "update")
            if cycle == 3 and rid == "c9e0":
                SematicFormatter.request_id = req_id(n + 1000)
                res.warning("No resolution with given id: %s", run_id)
                res.info("Canceling %s", "sematic-driver-%s" % run_id[:12])
                SematicFormatter.request_id = ""
        # doccano: the labelers' requests that Django logs.
        for pid_, (proj, slug) in zip((8, 9, 10), PROJECTS):
            with pid(pid_):
                if (proj + cycle) % 4 == 1:
                    at(req, logging.WARNING, DJANGO_LOG, 293, "log_response", "Not Found: %s",
                       f"/v1/projects/{proj}/examples/{9000 + cycle}")
                if (proj + cycle) % 5 == 2:
                    at(req, logging.WARNING, DJANGO_LOG, 293, "log_response", "Forbidden: %s",
                       f"/v1/projects/{proj}/members")
                if cycle == 4 and proj == 7:
                    def upload():
                        def parse():
                            raised("data_import.pipeline.exceptions", "FileParseException",
                                   "Invalid JSON Lines at line 1842 of invoice-batch-17.jsonl")
                        parse()
                    try:
                        upload()
                    except Exception:
                        at(req, logging.ERROR, DJANGO_LOG, 293, "log_response", "Internal Server Error: %s",
                           f"/v1/projects/{proj}/upload", exc=True)
        if cycle == 2:
            with pid(10):
                gun.log.critical("WORKER TIMEOUT (pid:%s)", 10)
                gun.log.error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 10)
            with pid(12):
                gun.log.info("Booting worker with pid: %s", 12)
    root.warning("Received signal: %s. Quitting", 15)
    with pid(1):
        gun.log.info("Handling signal: term")
        gun.log.info("Shutting down: Master")
    return {"name": "sematic-doccano", "programs": [sm, dc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A training and serving job on an EC2 GPU instance (a Batch job's
# container, its stdout and stderr in one CloudWatch stream): DVC pulls the
# data and reproduces the pipeline's stages, then DeepSpeed-MII serves the
# trained model for the job's evaluation client.

STAGES = ["prepare", "featurize", "train", "evaluate"]


def stream_dvc_mii():
    stream = []
    dv = Program("dvc", "dvc", DvcColorFormatter(), stream)
    mi = Program("deepspeed-mii", "MII", logging.Formatter(MII), stream)
    run = lg(dv, "dvc.stage.run")
    stage = lg(dv, "dvc.stage")
    repro = lg(dv, "dvc.repo.reproduce")
    sync = lg(dv, "dvc.commands.data_sync")
    mii = lg(mi, "MII")

    def m(level, path, line, func, msg, exc=None):
        at(mii, level, MII_SRC + path, line, func, msg, exc=exc)

    printed(stream, "+ dvc pull --remote s3-models")
    for i in range(3):
        printed(stream, f"A       data/raw/shard-{i:03d}.parquet")
    printed(stream, "3 files added and 1 file fetched")
    for attempt in range(3):
        printed(stream, "+ dvc repro")
        for s in STAGES:
            if s in ("prepare", "featurize") and attempt:
                stage.info("Stage '%s' didn't change, skipping", s)
                continue
            run.info("Running stage '%s':", s)
            run.info("%s %s", ">", f"python src/{s}.py params.yaml")
            for epoch in range(4 if s == "train" else 1):
                printed(stream, f"[{s}] epoch {epoch}: loss={0.9 - 0.1 * epoch - 0.05 * attempt:.4f}")
            if s == "evaluate" and attempt == 1:
                repro.warning("%s%s", "failed to reproduce 'evaluate': failed to run: python src/evaluate.py "
                              "params.yaml, exited with 1", "")
        repro.warning("Failed to pull run cache: %s", "run-cache is not supported for http filesystem")
        printed(stream, "Updating lock file 'dvc.lock'")
        printed(stream, "To track the changes with git, run:")
        printed(stream, "\tgit add dvc.lock")
    printed(stream, "+ dvc push --remote s3-models")

    def push():
        def upload():
            try:
                raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the "
                       "PutObject operation: Access Denied")
            except Exception as err:
                raise raised_error("dvc.exceptions", "DvcException", "failed to push data to the cloud") from err
        upload()
    try:
        push()
    except Exception:
        sync.exception("failed to push data to the cloud")

    # MII serves the trained model for the evaluation client.
    printed(stream, "+ python serve.py --model /models/summarizer --tensor-parallel 1")
    m(logging.INFO, "utils.py", 75, "get_default_task", "Detected default task as 'text-generation' for model "
      "'meta-llama/Llama-2-7b-hf'")
    m(logging.INFO, "backend/server.py", 38, "__init__", "Hostfile /job/hostfile not found, creating hostfile.")
    cmd = ["deepspeed", "-i", "localhost:0", "--master_port", "29500", "--master_addr", "localhost",
           "--no_ssh_check", "--no_local_rank", "--no_python", "/opt/conda/bin/python", "-m",
           "mii.launch.multi_gpu_server", "--deployment-name", "summarizer-mii-deployment", "--load-balancer-port",
           "50050", "--restful-gateway-port", "51080"]
    m(logging.INFO, "backend/server.py", 109, "_launch_server_process", f"msg_server launch: {cmd}")
    printed(stream, "[%s,901] [INFO] [real_accelerator.py:203:get_accelerator] Setting ds_accelerator to cuda (auto "
            "detect)" % now("%Y-%m-%d %H:%M:%S"))
    for _ in range(4):
        m(logging.INFO, "backend/server.py", 67, "_wait_until_server_is_live", "waiting for server to start...")
    m(logging.INFO, "backend/server.py", 72, "_wait_until_server_is_live", "server has started on ports [50051]")
    for it in range(1, 9):
        for event, mean in (("schedule", 0.41), ("generate", 18.7), ("postprocess", 0.09)):
            msg = f"{event}: {mean + it * 0.013}"
            if event == "generate":
                msg += f" ({3.42 + it * 0.01} tokens/ms)"
            m(logging.INFO, "batching/ragged_batching.py", 165, "_print_profiled_times", msg)
        if it == 3:
            m(logging.WARNING, "utils.py", 88, "get_model_name", "Could not deduce model name from /models/summarizer. "
              "Trying with model_name='summarizer' instead.")
        printed(stream, f"eval batch {it}: rouge-l={0.41 + it * 0.004:.4f}")

    def client():
        def generate():
            raised("grpc.aio", "AioRpcError", "<AioRpcError of RPC that terminated with:\n\tstatus = "
                   "StatusCode.UNAVAILABLE\n\tdetails = \"failed to connect to all addresses\"\n>")
        generate()
    uncaught(stream, client)
    return {"name": "dvc-mii", "programs": [dv, mi], "records": stream, "auto": False}


def raised_error(module, name, text):
    """An exception of a program's class, to raise from another."""
    return type(name, (Exception,), {"__module__": module})(text)


def main():
    realworld.run(lambda: [stream_gpustack_mindsdb(), stream_sematic_doccano(), stream_dvc_mii()])


if __name__ == "__main__":
    main()
