"""The fifth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout4.py`): 18 more programs' own
logging set-ups, chosen for what platform teams run in AWS (an IaC
pipeline on CodeBuild, SageMaker training jobs with DeepSpeed and
SageMaker Debugger or fairseq and W&B, an EC2 GPU instance with an EFS
mount, model servers and a feature store on EKS with the New Relic agent,
a Django app on Granian with its task queue, AWX, octoDNS syncing Route
53, an Indico site under Circus), each format copied
from the file named beside it (the version read is given), with the
formatter class or the filter the program uses, and messages from the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout5

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out. Its first
measurement, at 7bc52af (heldout3's and heldout4's rules in), before any
rule saw it: 503 records, 36.8% exact, 55.3% with the key fields right
(asctime 82.7%, levelname 93.8%, name 71.6%, message 72.0%, exc_info
98.6%).

Left out: BentoML (src/bentoml/_internal/log.py TRACED_LOG_FORMAT ends
"%(message)s%(trace_msg)s": a free-text field right after the message),
MMEngine (its MMFormatter switches formats by level, the ERROR one adding
pathname, funcName and lineno: no one format prints it), Sceptre's default
ColouredFormatter (it wraps every stack status in ANSI codes after
formatting, which no JSON set-up of the same format writes: the stream
uses `--no-colour`, as CI runs do), KServe's and MLServer's uvicorn
formatters (Uvicorn is left out on purpose), Kedro (a RichHandler by
default), Rasa (structlog), Zappa (a bare logging.basicConfig() under the
Lambda runtime's own handler), NVIDIA NeMo (a Tornado-style formatter like
Jupyter's, already covered), s3cmd, cfn-lint and Weblate (formats earlier
sets already cover), absl/Keras, pip and MkDocs (their prefixes are built
in code, not by a format). No program read here uses %(processName)s, a
%b or a %d/%m/%Y date.
"""

import contextlib
import contextvars
import json
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised  # noqa: E402
from heldout import Set  # noqa: E402
from heldout2 import at  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import pid, record_at  # noqa: E402

# Checkov 3.3.13 (03d5fdad), checkov/logging_init.py log_formatter (the
# root StreamHandler that logging.basicConfig made; LOG_LEVEL=DEBUG, as a
# CodeBuild job sets it to see why a scan failed).
CHECKOV = "%(asctime)s [%(threadName)-12.12s] [%(levelname)-5.5s]  %(message)s"
# Sceptre v4.6.0-9 (7bc16efa), sceptre/cli/helpers.py setup_logging, with
# `--no-colour` (a plain logging.Formatter; see the docstring).
SCEPTRE = "[%(asctime)s] - %(message)s"
SCEPTRE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# DeepSpeed v0.16.4-6 (38327e07), deepspeed/utils/logging.py
# LoggerFactory.create_logger (the "DeepSpeed" logger, stdout, propagate
# False). log_dist() calls logger.log itself, so its records print
# logging.py:128:log_dist.
DEEPSPEED = "[%(asctime)s] [%(levelname)s] [%(filename)s:%(lineno)d:%(funcName)s] %(message)s"
# SageMaker Debugger (smdebug) 1.0.34-2 (3b82de31), smdebug/core/logger.py
# get_logger: SMDEBUG_LOG_CONTEXT unset, so "hostname:pid" is written into
# the format itself (a SageMaker training host is algo-1).
SMDEBUG = "[%(asctime)s.%(msecs)03d algo-1:62 %(levelname)s %(filename)s:%(lineno)d] %(message)s"
SMDEBUG_DATEFMT = "%Y-%m-%d %H:%M:%S"
# amazon-efs-utils v3.2.0 (def6e74f), src/efs_utils_common/config_utils.py
# bootstrap_logging (mount.log) and src/watchdog/__init__.py
# bootstrap_logging (mount-watchdog.log): the same format and datefmt.
EFS = "%(asctime)s - %(levelname)s - %(message)s"
EFS_DATEFMT = "%Y-%m-%d %H:%M:%S %Z"
# Detectron2 v0.6-283 (02b5c4e2), detectron2/utils/logger.py setup_logger
# plain_formatter (OUTPUT_DIR/log.txt; stdout's _ColorfulFormatter renames
# the record first, "detectron2." to "d2.", so log.txt prints that name).
DETECTRON2 = "[%(asctime)s] %(name)s %(levelname)s: %(message)s"
DETECTRON2_DATEFMT = "%m/%d %H:%M:%S"
# KServe v0.20.0-rc0-104 (aaac4e29), python/kserve/kserve/logging.py
# KSERVE_LOGGER_FORMAT, KSERVE_TRACE_LOGGER_FORMAT and
# KSERVE_LOGGER_DATE_FORMAT (the "kserve" and "kserve.trace" handlers).
KSERVE = ("%(asctime)s.%(msecs)03d %(process)s %(name)s "
          "%(levelname)s [%(filename)s:%(funcName)s():%(lineno)s] %(message)s")
KSERVE_TRACE = "%(asctime)s.%(msecs)03d %(process)s %(name)s %(message)s"
KSERVE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Seldon MLServer 1.7.0.dev0 (a325e523), mlserver/logging.py
# ModelLoggerFormatter._UNSTRUCTURED_FORMAT; its format() sets `model` from
# the model context ("[name:version]", "[name]" or "").
MLSERVER = "%(asctime)s [%(name)s]%(model)s %(levelname)s - %(message)s"
# Feast 0.49.0, sdk/python/feast/cli/cli.py cli() logging.basicConfig
# (from 0.50.0 on, feast/cli/serve.py's own basicConfig(level=INFO) runs
# first at import and leaves Python's BASIC_FORMAT).
FEAST = "%(asctime)s %(name)s %(levelname)s: %(message)s"
FEAST_DATEFMT = "%m/%d/%Y %I:%M:%S %p"
# New Relic Python agent v13.5.0 (e3c9c1d0), newrelic/common/log_file.py
# _LOG_FORMAT (NEW_RELIC_LOG=stdout, as containers set it).
NEWRELIC = "%(asctime)s (%(process)d/%(threadName)s) %(name)s %(levelname)s - %(message)s"
# fairseq (3d262bb2), fairseq_cli/train.py's logging.basicConfig (stdout).
FAIRSEQ = "%(asctime)s | %(levelname)s | %(name)s | %(message)s"
FAIRSEQ_DATEFMT = "%Y-%m-%d %H:%M:%S"
# W&B wandb 0.28.3.dev1 (b6e29505), wandb/sdk/lib/wb_logging.py
# add_file_handler (the run's logs/debug.log); run_id_tag is set by its
# _RunIDFilter: "" inside the run's context, " [no run ID]" outside any.
WANDB = ("%(asctime)s %(levelname)-7s %(threadName)-10s:%(process)d"
         " [%(filename)s:%(funcName)s():%(lineno)s]%(run_id_tag)s %(message)s")
# Granian v2.8.1 (9a20b17), granian/log.py LOGGING_CONFIG "generic" (the
# _granian logger; its datefmt is unused) and "access" (granian.access,
# whose message DEFAULT_ACCESSLOG_FMT fills).
GRANIAN = "[%(levelname)s] %(message)s"
GRANIAN_ACCESS = "%(message)s"
GRANIAN_ACCESSLOG_FMT = '[%(time)s] %(addr)s - "%(method)s %(path)s %(protocol)s" %(status)d %(dt_ms).3f'
# django-q2 (django-q2/django-q2 14bddb41), django_q/conf.py: the
# "django-q" logger's own handler, set up when nothing handles it.
DJANGO_Q = "%(asctime)s [Q] %(levelname)s %(message)s"
DJANGO_Q_DATEFMT = "%H:%M:%S"
# AWX 24.6.1-145 (e21dd0a0), awx/settings/defaults.py LOGGING "simple"
# (the console handler; AWX_LOGGING_MODE=stdout in its images); guid is
# set by awx/main/utils/filters.py DefaultCorrelationId ('-' outside a
# request or task).
AWX = "%(asctime)s %(levelname)-8s [%(guid)s] %(name)s %(message)s"
# octoDNS v1.22.0 (94bc80eb), octodns/cmds/args.py ArgumentParser
# _setup_logging (the datefmt ends with a space).
OCTODNS = "%(asctime)s [%(thread)d] %(levelname)-7s %(name)s %(message)s"
OCTODNS_DATEFMT = "%Y-%m-%dT%H:%M:%S "
# Indico v3.3.12+ (b8f1fde8), indico/logging.yaml.sample "default"
# (indico.log) and "simple" (celery.log); request_id and user_id are set
# by indico/core/logger.py AddRequestIDFilter and AddUserIDFilter.
INDICO = "%(asctime)s  %(levelname)-7s  %(request_id)s  %(user_id)-6s  %(name)-25s %(message)s"
INDICO_SIMPLE = "%(asctime)s  %(levelname)-7s  %(name)-25s %(message)s"
# Circus 0.19.0 (ce7bab24), circus/util.py LOG_FMT and LOG_DATE_FMT
# (configure_logger, output "-").
CIRCUS = "%(asctime)s %(name)s[%(process)d] [%(levelname)s] %(message)s"
CIRCUS_DATEFMT = "%Y-%m-%d %H:%M:%S"


def error(kind, *args):
    """Raises `kind(*args)` (for `record_at`'s `exc`)."""
    raise kind(*args)


class D2Abbreviated(logging.Filter):
    """detectron2.utils.logger._ColorfulFormatter.formatMessage renames the
    record on the stdout handler, which formats before log.txt's."""

    def filter(self, record):
        record.name = record.name.replace("detectron2.", "d2.")
        return True


MODEL_NAME = contextvars.ContextVar("model_name")
MODEL_VERSION = contextvars.ContextVar("model_version")


class MLServerFormatter(logging.Formatter):
    """mlserver.logging.ModelLoggerFormatter, unstructured."""

    def __init__(self):
        super().__init__(MLSERVER)

    def format(self, record):
        name, version = MODEL_NAME.get(""), MODEL_VERSION.get("")
        record.model = "" if not name else f"[{name}]" if not version else f"[{name}:{version}]"
        return super().format(record)


@contextlib.contextmanager
def model_context(name, version=""):
    """mlserver.context.model_context."""
    name_token, version_token = MODEL_NAME.set(name), MODEL_VERSION.set(version)
    try:
        yield
    finally:
        MODEL_NAME.reset(name_token)
        MODEL_VERSION.reset(version_token)


def ds_json(o, level=0):
    """deepspeed.runtime.config_utils.ScientificNotationEncoder.iterencode
    (indent 4), which DeepSpeedConfigObject.__repr__ prints."""
    prefix_close, prefix = " " * level * 4, " " * (level + 1) * 4
    if isinstance(o, bool):
        return "true" if o else "false"
    if isinstance(o, (int, float)):
        return f"{o:e}" if o > 1e3 else f"{o}"
    if isinstance(o, dict):
        items = [f'\n{prefix}"{k}": {ds_json(v, level + 1)}' for k, v in o.items()]
        return "{" + ", ".join(items) + f"\n{prefix_close}}}"
    return json.dumps(o)


def ds_config_line(arg, value):
    """deepspeed/runtime/config.py DeepSpeedConfig.print's line."""
    return "  {} {} {}".format(arg, "." * (29 - len(arg)), value)


def stream_checkov_sceptre():
    stream = []
    ck = Program("checkov", "root", logging.Formatter(CHECKOV), stream)
    sc = Program("sceptre", "sceptre.plan.actions", logging.Formatter(SCEPTRE, SCEPTRE_DATEFMT), stream)
    # checkov/main.py Checkov.run.
    metadata = {
        "checkov_version": "3.3.13", "python_executable": "/usr/local/bin/python3",
        "python_version": "3.12.8 (main, Dec  4 2024, 20:38:52) [GCC 12.2.0]",
        "checkov_executable": "/usr/local/bin/checkov",
        "args": ["Command Line Args:   -d templates --framework cloudformation --repo-id acme/infra --bc-api-key ****",
                 "Defaults:", "  --branch:          master", "  --download-external-modules:False", ""],
        "OS_system_info": "Linux-5.10.228-219.884.amzn2.x86_64-x86_64-with-glibc2.36", "CPU_architecture": "",
        "Python_implementation": "CPython",
    }
    ck.logger("checkov.main").debug(f"Run metadata: {json.dumps(metadata, indent=2)}")
    # checkov/cloudformation/runner.py Runner.run.
    ck.log.info("creating CloudFormation graph")
    ck.log.warning(f"CloudFormation skipping {'templates/params/prod.json'} as it is not a valid CF template")
    ck.log.info("Successfully created CloudFormation graph")
    printed(stream, "cloudformation scan results:")
    printed(stream, "Passed checks: 41, Failed checks: 3, Skipped checks: 0")
    # checkov/common/bridgecrew/platform_integration.py persist_files and
    # _persist_file (a ThreadPoolExecutor's thread).
    ck.log.info(f"Persisting {3} files")
    path = "/codebuild/output/src871/src/templates/vpc.yaml"

    def persist():
        try:
            raised("botocore.exceptions", "ClientError", "An error occurred (ExpiredToken) when calling the PutObject "
                   "operation: The provided token has expired.")
        except Exception:
            ck.log.error(f"failed to persist file {path} into S3 bucket {'bc-checkov-results-prod'}", exc_info=True)
            ck.log.debug(f"file size of {path} is {18342} bytes")

    in_thread("ThreadPoolExecutor-0_1", persist)
    # sceptre/plan/actions.py StackActions.launch, update, _log_new_events.
    stack = "prod/vpc"
    sc.log.info(f"{stack} - Launching Stack")
    sc.log.info("%s - Stack is in the %s state", stack, "UPDATE_COMPLETE")
    sc.log.info("%s - Updating Stack", stack)
    for event in [
        [stack, "prod-vpc", "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated"],
        [stack, "NatGatewayB", "AWS::EC2::NatGateway", "CREATE_FAILED",
         'Resource handler returned message: "The maximum number of addresses has been reached. (Service: Ec2, '
         'Status Code: 400, Request ID: 6f0c8a1e-2b7d-4c3e-9f1a-6d2b8e4c7a90)" (RequestToken: '
         '3c2b1a09-8f7e-4d6c-b5a4-93827161504f, HandlerErrorCode: ServiceLimitExceeded)'],
        [stack, "prod-vpc", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_IN_PROGRESS",
         "The following resource(s) failed to create: [NatGatewayB]. "],
        [stack, "prod-vpc", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", ""],
    ]:
        sc.log.info(" ".join(event))
    return {"name": "checkov-sceptre", "programs": [ck, sc], "records": stream, "auto": False}


def stream_deepspeed_smdebug():
    stream = []
    ds = Program("deepspeed", "DeepSpeed", logging.Formatter(DEEPSPEED), stream)
    sm = Program("smdebug", "smdebug", logging.Formatter(SMDEBUG, SMDEBUG_DATEFMT), stream)
    at(sm.log, logging.INFO, "smdebug/core/access_layer/utils.py:28", "RULE_JOB_STOP_SIGNAL_FILENAME: None",
       func="<module>")
    at(sm.log, logging.INFO, "smdebug/profiler/profiler_config_parser.py:111",
       "Unable to find config at /opt/ml/input/config/profilerconfig.json. Profiler is disabled.",
       func="_log_new_message")
    at(ds.log, logging.INFO, "deepspeed/accelerator/real_accelerator.py:239",
       "Setting ds_accelerator to cuda (auto detect)", func="get_accelerator")
    at(ds.log, logging.INFO, "deepspeed/comm/comm.py:794",
       "Discovered AWS SageMaker settings of world_rank={}, local_rank={}, world_size={}, master_addr={}, "
       "master_port={}".format(0, 0, 8, "algo-1", 7777), func="patch_aws_sm_env_for_torch_nccl_backend")
    at(ds.log, logging.INFO, "deepspeed/utils/logging.py:128",
       "[Rank 0] DeepSpeed info: version=0.16.4, git-hash=unknown, git-branch=unknown", func="log_dist")
    at(sm.log, logging.INFO, "smdebug/core/json_config.py:92",
       "Creating hook from json_config at /opt/ml/input/config/debughookconfig.json.",
       func="get_json_config_as_dict")
    at(sm.log, logging.INFO, "smdebug/core/hook.py:259", "Saving to /opt/ml/output/tensors", func="__init__")
    at(ds.log, logging.INFO, "deepspeed/runtime/config.py:1001", "DeepSpeedEngine configuration:", func="print")
    checkpointing = {"partition_activations": False, "contiguous_memory_optimization": False,
                     "cpu_checkpointing": False, "number_checkpoints": None,
                     "synchronize_checkpoint_boundary": False, "profile": False}
    at(ds.log, logging.INFO, "deepspeed/runtime/config.py:1005",
       ds_config_line("activation_checkpointing_config", ds_json(checkpointing)), func="print")
    # smdebug/core/hook.py _initialize_writers: the message ends with "\n".
    at(sm.log, logging.INFO, "smdebug/core/hook.py:491", f"Hook is writing from the hook with pid: {62}\n",
       func="_initialize_writers")
    at(ds.log, logging.INFO, "deepspeed/runtime/fp16/loss_scaler.py:183",
       f"[deepspeed] OVERFLOW! Rank {0} Skipping step. Attempted loss scale: {65536}, reducing to {32768}",
       func="update_scale")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the PutObject "
               "operation: Access Denied")
    except Exception as e:
        # smdebug/core/error_handling_agent.py catch_smdebug_errors.
        at(sm.log, logging.ERROR, "smdebug/core/error_handling_agent.py:116",
           "SMDebug error has occurred, disabling SMDebug for the rest of the training job. Stack trace:",
           func="error_handling_agent")
        log_at(sm.log, logging.ERROR, "smdebug/core/error_handling_agent.py:117", e, exc_info=True,
               func="error_handling_agent")
    printed(stream, "step 500: loss 2.1034, lr 9.8e-05, 412.6 samples/s")
    at(ds.log, logging.INFO, "deepspeed/utils/logging.py:128",
       "[Rank 0] Saving model checkpoint: /opt/ml/checkpoints/global_step500/mp_rank_00_model_states.pt",
       func="log_dist")
    return {"name": "deepspeed-smdebug", "programs": [ds, sm], "records": stream, "auto": False}


def loss_not_finite():
    """detectron2/engine/train_loop.py SimpleTrainer._write_metrics."""
    metrics = {"loss_cls": float("nan"), "loss_box_reg": 0.2143, "loss_rpn_cls": 0.0921, "loss_rpn_loc": 0.1406}
    raise FloatingPointError(f"Loss became infinite or NaN at iteration={1187}!\nloss_dict = {metrics}")


def stream_efsutils_detectron2():
    stream = []
    efs = Program("amazon-efs-utils", "root", logging.Formatter(EFS, EFS_DATEFMT), stream)
    d2 = Program("detectron2", "detectron2", logging.Formatter(DETECTRON2, DETECTRON2_DATEFMT), stream)
    d2.handler.addFilter(D2Abbreviated())
    fs, mnt = "fs-0a1b2c3d4e5f67890", "/mnt/efs"
    state = f"{fs}.mnt.efs.20049"
    efs.log.info("amazon-efs-mount-watchdog, version %s, is enabled and started", "3.2.0")
    options = {"tls": None, "iam": None, "_netdev": None, "rw": None, "nfsvers": "4.1", "rsize": "1048576",
               "wsize": "1048576", "hard": None, "timeo": "600", "retrans": "2", "noresvport": None,
               "port": "20049"}
    efs.log.info("version=%s options=%s", "3.2.0", options)
    command = ["/sbin/mount.nfs4", "127.0.0.1:/", mnt, "-o",
               "rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport,port=20049"]
    efs.log.info('Executing: "%s" with %s sec time limit.' % (" ".join(command), 15))
    efs.log.info("Successfully mounted %s at %s" % (f"{fs}.efs.us-east-1.amazonaws.com", mnt))
    d2.log.info("Rank of current process: {}. World size: {}".format(0, 1))
    # detectron2/utils/collect_env.py collect_env_info (tabulate's table).
    env = "\n".join([
        "-------------------------------  -----------------------------------------------------------",
        "sys.platform                     linux",
        "Python                           3.10.14 (main, Mar 21 2024, 16:24:04) [GCC 11.2.0]",
        "numpy                            1.26.4",
        "detectron2                       0.6 @/opt/conda/lib/python3.10/site-packages/detectron2",
        "Compiler                         GCC 11.4",
        "CUDA compiler                    CUDA 12.1",
        "PyTorch                          2.3.1 @/opt/conda/lib/python3.10/site-packages/torch",
        "GPU available                    Yes",
        "GPU 0                            NVIDIA A10G (arch=8.6)",
        "-------------------------------  -----------------------------------------------------------",
    ])
    d2.log.info("Environment info:\n" + env)
    d2.log.info("Command line arguments: " + "Namespace(config_file='configs/COCO-Detection/faster_rcnn_R_50_FPN_3x"
                ".yaml', resume=False, eval_only=False, num_gpus=1, num_machines=1, machine_rank=0, "
                "dist_url='tcp://127.0.0.1:50152', opts=['OUTPUT_DIR', '/mnt/efs/runs/frcnn-0511'])")
    d2.logger("detectron2.engine.train_loop").info("Starting training from iteration {}".format(0))
    # detectron2/utils/events.py CommonMetricPrinter.write.
    losses = {"total_loss": 2.088, "loss_cls": 0.7453, "loss_box_reg": 0.1102, "loss_rpn_cls": 0.6891,
              "loss_rpn_loc": 0.3217}
    d2.logger("detectron2.utils.events").info(str.format(
        " {eta}iter: {iter}  {losses}  {non_losses}  {avg_time}{last_time}{avg_data_time}{last_data_time} lr: {lr}  "
        "{memory}", eta="eta: 8:47:13  ", iter=19,
        losses="  ".join("{}: {:.4g}".format(k, v) for k, v in losses.items()),
        non_losses="", avg_time="time: {:.4f}  ".format(0.3966), last_time="last_time: {:.4f}  ".format(0.3671),
        avg_data_time="data_time: {:.4f}  ".format(0.0236), last_data_time="last_data_time: {:.4f}  ".format(0.0071),
        lr="{:.5g}".format(0.00039962), memory="max_mem: {:.0f}M".format(2854.4)))
    efs.log.warning("TLS tunnel for %s is not running", state)
    efs.log.info('Starting TLS tunnel: "%s"', " ".join(
        ["/usr/bin/efs-proxy", f"/var/run/efs/stunnel-config.{state}", "--tls"]))
    try:
        json.loads('{"pid": 4211, "cmd": ["/usr/bin/efs-proxy", "/var/run/efs/stunnel-con')
    except ValueError:
        efs.log.exception("Unable to parse json in %s", f"/var/run/efs/{state}")
    try:
        loss_not_finite()
    except FloatingPointError:
        d2.logger("detectron2.engine.train_loop").exception("Exception during training:")
    d2.logger("detectron2.engine.hooks").info("Total training time: {} ({} on hooks)".format("0:07:58", "0:00:03"))
    return {"name": "efsutils-detectron2", "programs": [efs, d2], "records": stream, "auto": False}


def sklearn_predict():
    """sklearnserver/model.py SKLearnModel.predict: scikit-learn's error,
    raised again as kserve.errors.InferenceError."""
    try:
        error(ValueError, "X has 3 features, but LogisticRegression is expecting 4 features as input.")
    except ValueError as e:
        raised("kserve.errors", "InferenceError", str(e))


def stream_kserve_mlserver():
    stream = []
    ks = Program("kserve", "kserve", logging.Formatter(KSERVE, KSERVE_DATEFMT), stream)
    trace = Program("kserve", "kserve.trace", logging.Formatter(KSERVE_TRACE, KSERVE_DATEFMT), stream)
    ml = Program("mlserver", "mlserver", MLServerFormatter(), stream)
    with pid(1):
        at(ks.log, logging.INFO, "kserve/model_server.py:439", "Registering model: %s", "sklearn-iris",
           func="register_model")
        at(ks.log, logging.INFO, "kserve/model_server.py:315", f"Setting max asyncio worker threads as {6}",
           func="setup_event_loop")
        at(ks.log, logging.INFO, "kserve/protocol/rest/server.py:183", "Starting uvicorn with %s workers", 1,
           func="start")
    parallel = ml.logger("mlserver.parallel")
    parallel.info(f"Starting new worker with PID {63} on {'default inference pool'}...")
    parallel.info(f"New worker with PID {63} on {'default inference pool'} is now ready.")
    with model_context("iris-classifier", "v1"):
        ml.log.info(f"Loaded model '{'iris-classifier'}' successfully.")
    metrics = ml.logger("mlserver.metrics")
    metrics.info(f"Metrics server running on {'http://0.0.0.0:8082'}")
    ml.logger("mlserver.grpc").info("gRPC server running on " f"http://{'0.0.0.0'}:{8081}")
    ml.log.info("HTTP server running on " f"http://{'0.0.0.0'}:{8080}")
    with pid(1):
        # kserve/model.py Model.__call__ and protocol/rest/server.py
        # PrintTimings (timing_asgi's wall and cpu times).
        trace.log.info(f"requestId: {'N.A.'}, preprocess_ms: {0.012636185}, explain_ms: {0}, "
                       f"predict_ms: {1.879930496}, postprocess_ms: {0.00333786}")
        for timing, kind in [(0.0031228065490722656, "wall"), (0.003101999999999876, "cpu")]:
            trace.log.info(f"kserve.io.kserve.protocol.rest.v1_endpoints.predict: {timing} "
                           f"{['http_status:200', 'http_method:POST', f'time:{kind}']}")
        record_at(ks.log, logging.ERROR, "kserve/errors.py:136", "Exception:", func="inference_error_handler",
                  exc=sklearn_predict)
    with pid(63):
        try:
            raised("mlserver.errors", "InferenceError", "Invalid input: could not convert string to float: 'setosa'")
        except Exception:
            # mlserver/parallel/worker.py Worker._process_request, after
            # its model context has closed.
            parallel.exception(f"An error occurred calling method '{'predict'}' from model '{'iris-classifier'}'.")
    return {"name": "kserve-mlserver", "programs": [ks, trace, ml], "records": stream, "auto": False}


def stream_feast_newrelic():
    stream = []
    fe = Program("feast", "feast.infra.registry.registry", logging.Formatter(FEAST, FEAST_DATEFMT), stream)
    nr = Program("newrelic", "newrelic.core.agent", logging.Formatter(NEWRELIC), stream)
    app = "feast-feature-server"
    nr.log.info("New Relic Python Agent (%s)", "13.5.0")
    printed(stream, "[2024-05-11 14:44:44 +0000] [7] [INFO] Starting gunicorn 23.0.0")
    fe.logger("fastapi").info(f"Auth type: {'AuthManagerType.NONE'}")
    protocol = nr.logger("newrelic.core.agent_protocol")
    # agent_protocol.py AgentProtocol.connect: the collector's messages.
    in_thread(f"NR-Activate-Session/{app}", lambda: protocol.info(
        "Reporting to: https://rpm.newrelic.com/accounts/1234567/applications/987654321"))
    fe.log.info("Registry cache expired, so refreshing")
    try:
        raised("feast.errors", "FeatureViewNotFoundException",
               "Feature view driver_hourly_statz does not exist in project driver_ranking")
    except Exception:
        # feast/feature_server.py rest_exception_handler: the traceback as
        # the message and as exc_info.
        fe.logger("fastapi").exception(traceback.format_exc())
    in_thread("NR-Harvest-Thread", lambda: protocol.warning(
        "The agent received a 429 response from the data collector, indicating that it is currently experiencing "
        "issues for endpoint %(method)s. The agent will retry again on the next scheduled harvest.",
        {"proxy_host": None, "proxy_port": None, "proxy_user": None, "method": "analytic_event_data",
         "status_code": 429}))
    # `feast materialize-incremental` with the AWS Lambda engine
    # (feast/infra/materialization/aws_lambda/lambda_engine.py).
    engine = fe.logger("feast.infra.materialization.aws_lambda.lambda_engine")
    engine.info("Creating lambda function %s, %s", "feast-materialize-driver_ranking",
                "0b6a3c2d-9e8f-4a1b-b2c3-d4e5f6a7b8c9")
    engine.info("Waiting for function %s to be active", "feast-materialize-driver_ranking")
    engine.info("Invoking materialization for %s",
                "s3://feast-offline/export/driver_hourly_stats/000000_0.parquet")
    engine.info("Done: %s Not Done: %s", Shown("{<Future at 0x7f9e2c1d4a90 state=finished returned dict>}"),
                Shown("set()"))

    def registration():
        try:
            {}["redirect_host"]
        except KeyError:
            nr.logger("newrelic.core.application").exception(
                "Unexpected exception when registering agent with the data collector. If this problem persists, "
                "please report this problem to New Relic support for further investigation.")

    in_thread(f"NR-Activate-Session/{app}", registration)
    nr.log.info("New Relic Python Agent Shutdown")
    return {"name": "feast-newrelic", "programs": [fe, nr], "records": stream, "auto": False}


def torch_save():
    error(OSError, 28, "No space left on device")


def stream_fairseq_wandb():
    stream = []
    fs = Program("fairseq", "fairseq_cli.train", logging.Formatter(FAIRSEQ, FAIRSEQ_DATEFMT), stream)
    wb = Program("wandb", "wandb", logging.Formatter(WANDB), stream)
    run = Set(run_id_tag="")
    wb.handler.addFilter(run)
    run_id = "fairseq-iwslt14-2024-05-11-14-40-02-123-k3x9q2-algo-1"
    fs.logger("fairseq.tasks.translation").info("[{}] dictionary: {} types".format("de", 8848))
    fs.log.info("TransformerModel(\n  (encoder): TransformerEncoderBase(\n    (dropout_module): FairseqDropout()\n"
                "    (embed_tokens): Embedding(8848, 512, padding_idx=1)\n"
                "    (embed_positions): SinusoidalPositionalEmbedding()\n  )\n  (decoder): TransformerDecoderBase(\n"
                "    (dropout_module): FairseqDropout()\n    (embed_tokens): Embedding(6632, 512, padding_idx=1)\n"
                "    (output_projection): Linear(in_features=512, out_features=6632, bias=False)\n  )\n)")
    fs.log.info("num. shared model params: {:,} (num. trained: {:,})".format(39469056, 39469056))
    # wandb/sdk/wandb_setup.py _EarlyLogger._flush replays what was logged
    # before the run's handler existed.
    at(wb.log, logging.INFO, "wandb/sdk/wandb_setup.py:81", f"Current SDK version is {'0.28.3.dev1'}", func="_flush")
    at(wb.log, logging.INFO, "wandb/sdk/wandb_setup.py:81", "set run ID and group based on SageMaker", func="_flush")
    at(wb.log, logging.INFO, "wandb/sdk/wandb_init.py:739",
       f"Logging user logs to /opt/ml/code/wandb/run-20240511_144444-{run_id}/logs/debug.log",
       func="setup_run_log_directory")
    at(wb.log, logging.INFO, "wandb/sdk/wandb_init.py:788",
       f"wandb.init called with sweep_config: {{}}\nconfig: {{}}", func="init")
    fs.logger("fairseq.data.data_utils").info(
        "loaded {:,} examples from: {}".format(7283, "data-bin/iwslt14.tokenized.de-en/valid.de-en.de"))
    # fairseq/logging/progress_bar.py SimpleProgressBar, its logger renamed
    # to the tag.
    fs.logger("train_inner").info("{}:  {:5d} / {:d} {}".format(
        "epoch 001", 100, 1102, "loss=12.433, nll_loss=12.207, ppl=4728.95, wps=21645.9, ups=5.97, wpb=3626.8, "
        "bsz=142.6, num_updates=100, lr=1.25e-05, gnorm=2.853, train_wall=17, gb_free=20.1, wall=18"))
    fs.logger("valid").info("{} | {}".format(
        "epoch 001 | valid on 'valid' subset", "loss 9.221 | nll_loss 8.737 | ppl 426.78 | wps 62375.8 | "
        "wpb 2838.2 | bsz 115.7 | num_updates 1102"))
    try:
        torch_save()
    except OSError:
        # fairseq/checkpoint_utils.py _torch_persistent_save: the traceback
        # as the message.
        fs.logger("fairseq.checkpoint_utils").error(traceback.format_exc())
    run.values.update(run_id_tag=" [no run ID]")

    def reader():
        record_at(wb.logger("wandb.sdk.lib.service.service_client"), logging.ERROR,
                  "wandb/sdk/lib/service/service_client.py:119", "Error reading server response.",
                  func="_forward_responses", exc=lambda: error(ConnectionResetError, 104, "Connection reset by peer"))
        at(wb.logger("wandb.sdk.mailbox.mailbox"), logging.INFO, "wandb/sdk/mailbox/mailbox.py:154",
           f"Closing mailbox, abandoning {2} handles.", func="close")

    in_thread("wandb-AsyncioManager-main", reader)
    run.values.update(run_id_tag="")
    at(wb.log, logging.INFO, "wandb/sdk/wandb_run.py:2397", f"finishing run acme/iwslt14-de-en/{run_id}",
       func="_finish")
    return {"name": "fairseq-wandb", "programs": [fs, wb], "records": stream, "auto": False}


def stream_granian_djangoq():
    stream = []
    gr = Program("granian", "_granian", logging.Formatter(GRANIAN), stream)
    access = Program("granian.access", "granian.access", logging.Formatter(GRANIAN_ACCESS), stream)
    dq = Program("django-q", "django-q", logging.Formatter(DJANGO_Q, DJANGO_Q_DATEFMT), stream)
    gr.log.info(f"Starting granian (main PID: {1})")
    gr.log.info(f"Spawning worker-{1} with {'pid'}: {12}")
    # granian/asgi.py LifespanProtocol.handle: Django has no lifespan.
    gr.log.warning('ASGI Lifespan errored, continuing without Lifespan support (to avoid Lifespan completely use '
                   '"asginl" interface)')
    # The Rust side, through pyo3-log (target _granian::serve).
    gr.logger("_granian.serve").info(f"Started worker-{1}")
    cluster = "hot-nevada-speaker-mockingbird"
    sentinel = "Process-4f1c9a2e7b3d4e5f8a6b0c1d2e3f4a5b"
    worker = "Process-9b8a7c6d5e4f40312a1b0c9d8e7f6a5b"
    dq.log.info(f"Q Cluster {cluster} starting.")
    dq.log.info(f"{sentinel} guarding cluster {cluster} [default]")
    dq.log.info(f"Q Cluster {cluster} [default] running.")
    # granian/log.py log_request_builder: the message filled from a dict.
    access.log.info(GRANIAN_ACCESSLOG_FMT, {
        "addr": "10.0.3.7", "time": "2024-05-11 14:44:46 +0000", "dt_ms": 3.081, "status": 202,
        "path": "/api/orders/42/invoice", "query_string": "", "method": "POST", "scheme": "http",
        "protocol": "HTTP/1.1"})
    dq.log.info(f"{worker} processing {'zulu-ohio-nine-fanta'} '{'shop.tasks.send_invoice'}'")
    try:
        raised("smtplib", "SMTPServerDisconnected", "Connection unexpectedly closed")
    except Exception as e:
        # django_q/worker.py keeps f"{e} : {traceback}" as the result and
        # django_q/monitor.py logs it.
        result = f"{e} : {traceback.format_exc()}"
    dq.log.error(f"Failed '{'shop.tasks.send_invoice'}' ({'zulu-ohio-nine-fanta'}) - {result}")
    try:
        raised("django.db.utils", "OperationalError", "server closed the connection unexpectedly\n\tThis probably "
               "means the server terminated abnormally\n\tbefore or while processing the request.")
    except Exception:
        dq.log.exception("Could not save task result")
    gr.log.error(f"Unexpected exit from worker-{1}")
    gr.log.info(f"Respawning worker-{1}")
    gr.log.info(f"Spawning worker-{1} with {'pid'}: {44}")
    dq.log.info(f"Processed '{'shop.tasks.refresh_rates'}' ({'mirror-bravo-uncle-fourteen'})")
    return {"name": "granian-djangoq", "programs": [gr, access, dq], "records": stream, "auto": False}


def stream_awx_octodns():
    stream = []
    awx = Program("awx", "awx.main.dispatch", logging.Formatter(AWX), stream)
    guid = Set(guid="-")
    awx.handler.addFilter(guid)
    od = Program("octodns", "Manager", logging.Formatter(OCTODNS, OCTODNS_DATEFMT), stream)
    # %(thread)d pinned as the process id is (the main thread's, then a
    # ThreadPoolExecutor's: max_workers 2).
    thread = Set(thread=140106829457216)
    od.handler.addFilter(thread)
    awx.log.info(f"Running worker {'dispatcher'} listening to queues "
                 f"{['tower_broadcast_all', 'tower_settings_change', 'awx-task-6d9f7b8c5-4xk2p']}")
    od.log.info("__init__: config_file=%s, (octoDNS %s)", "./config/production.yaml", "1.22.0")
    od.log.info("sync: eligible_zones=%s, eligible_targets=%s, dry_run=%s, force=%s, plan_output_fh=%s, checksum=%s",
                [], [], False, False, "<stdout>", None)
    route53 = od.logger("Route53Provider[route53]")
    thread.values.update(thread=140106790823616)
    route53.info("plan:   %s", "Creates=1, Updates=1, Deletes=0, Existing=7, Meta=False")
    thread.values.update(thread=140106829457216)
    hr = "*" * 80 + "\n"
    # octodns/provider/plan.py PlanLogger.run.
    od.logger("Plan").info(
        "\n" + hr + "* example.com.\n" + hr + "* route53 (Route53Provider)\n*   "
        "Create <ARecord A 300, api.example.com., ['10.0.3.7']> (config)\n*   "
        "Update\n*     <ARecord A 300, www.example.com., ['10.0.3.8']> ->\n*     "
        "<ARecord A 300, www.example.com., ['10.0.3.9']> (config)\n*   "
        "Summary: Creates=1, Updates=1, Deletes=0, Existing=7, Meta=False\n" + hr + "\n")
    awx.log.warning(f"Workers maxed, queuing {'awx.main.tasks.jobs.RunJob'}, load: {24} / {4}")
    route53.info("apply: making %d changes to %s", 2, "example.com.")
    od.log.info("sync:   %d total changes", 2)
    guid.values.update(guid="5f0b2a9c8d7e4f6a9b1c2d3e4f5a6b7c")
    try:
        error(OSError, 28, "No space left on device")
    except OSError:
        awx.logger("awx.main.tasks.jobs").exception("%s Exception occurred while running task", "job 42 (running)")
    awx.logger("awx.main.scheduler").info("Marking %s as canceled, all spawned jobs have concluded.",
                                          "workflow_job 41 (canceled)")
    guid.values.update(guid="-")
    awx.log.error("worker pid:{} is gone (exit={})".format(318, -9))
    awx.log.warning("Stale Postgres message bus connection, reconnecting")
    awx.log.info("Dispatcher listener connection established")
    # octoDNS again, its config edited by hand: Manager.__init__ fails.
    try:
        error(TypeError, "Route53Provider.__init__() got an unexpected keyword argument 'acces_key_id'")
    except TypeError:
        od.log.exception("Invalid provider config")
    return {"name": "awx-octodns", "programs": [awx, od], "records": stream, "auto": False}


def stream_indico_circus():
    stream = []
    ind = Program("indico", "indico.rh", logging.Formatter(INDICO), stream)
    request = Set(request_id="0" * 16, user_id="-")
    ind.handler.addFilter(request)
    # Indico's request-id and user-id filters are on this handler too: they
    # print nothing here, and python-json-logger would write them as extra
    # keys no text shows, so they are left off.
    celery = Program("indico", "celery.worker.strategy", logging.Formatter(INDICO_SIMPLE), stream)
    ci = Program("circus", "circus", logging.Formatter(CIRCUS, CIRCUS_DATEFMT), stream)
    with pid(1):
        ci.log.info("Starting master on pid %s", 1)
        ci.log.info("%s started" % "indico-web")
        try:
            raised("psycopg2", "OperationalError", 'connection to server at "indico-db.cluster-c1x2y3.us-east-1.rds.'
                   'amazonaws.com" (10.0.2.15), port 5432 failed: Connection refused')
        except Exception:
            # circus/watcher.py Watcher.call_hook.
            ci.log.exception("Hook %r failed" % "before_start")
        ci.log.info("Arbiter now waiting for commands")
    request.values.update(request_id="3f2a9c1e5b7d4e8f", user_id="-")
    ind.log.info("%s %s [IP=%s] [PID=%s]", "GET", "/event/42/registrations/", "10.0.3.7", 7)
    request.values.update(request_id="9b8a7c6d5e4f4a3b", user_id="1234")
    ind.log.info("%s %s [IP=%s] [PID=%s]", "POST", "/event/42/registrations/17/edit", "10.0.3.7", 7)
    try:
        raised("sqlalchemy.exc", "OperationalError", "(psycopg2.OperationalError) server closed the connection "
               "unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing "
               "the request.\n\n(Background on this error at: https://sqlalche.me/e/20/e3q8)")
    except Exception as exc:
        # indico/web/flask/errors.py handle_exception.
        ind.logger("indico.flask").exception(str(exc) or "Uncaught Exception")
    request.values.update(request_id="0" * 16, user_id="-")
    task_id = "c4e1f0a2-7b3d-4e8f-9a6b-1c2d3e4f5a6b"
    # celery/worker/strategy.py and celery/app/trace.py (LOG_RECEIVED,
    # LOG_SUCCESS), through Indico's celery.log handler.
    celery.log.info("Task %(name)s[%(id)s] received", {"name": "indico.core.emails.send_email_task", "id": task_id})
    ind.logger("indico.emails").info('Sent email "%s" for event %d', "Registration confirmed: PyCon AWS Day 2024", 42)
    celery.logger("celery.app.trace").info("Task %(name)s[%(id)s] succeeded in %(runtime)ss: %(return_value)s", {
        "name": "indico.core.emails.send_email_task", "id": task_id,
        "runtime": 0.41268, "return_value": None})
    with pid(1):
        ci.log.warning("error in %r: %s", "indico-celery", "[Errno 2] No such file or directory: 'celery'")
        ci.log.info("%s stopped", "indico-celery")
        ci.log.info("Arbiter exiting")
    return {"name": "indico-circus", "programs": [ind, celery, ci], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_checkov_sceptre(), stream_deepspeed_smdebug(), stream_efsutils_detectron2(), stream_kserve_mlserver(),
        stream_feast_newrelic(), stream_fairseq_wandb(), stream_granian_djangoq(), stream_awx_octodns(),
        stream_indico_circus(),
    ])


if __name__ == "__main__":
    main()
