"""The fourth held-out set of real programs, measured before any rule was
written from it (see `heldout.py`, `heldout2.py` and `heldout3.py`): 18
more programs' own logging set-ups, chosen for what operators run in AWS
(Lambda and SAM, Cloud Custodian and Prowler, SageMaker training jobs and
ParallelCluster, Postgres backups to S3, Elasticsearch housekeeping, web
apps and the daemons that run them), each format copied from the file
named beside it (the version read is given), with the formatter class or
the filter the program uses, and messages from the program's source under
its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout4

A by-hand measurement, like `heldout.py`. Its first measurement, at
b1e53df (heldout3's rules in), before any rule saw it: 431
records, 53.4% exact, 56.1% with the key fields right (asctime 89.1%,
levelname 88.2%, name 76.3%, message 74.0%, exc_info 96.5%).

Left out: Faust and mode (mode/utils/logging.py's "... %(message)s
%(extra)s": a free-text field after the message), LiteLLM (its own
redaction filters rewrite every record), InvenTree (structlog renderers),
Frappe (frappe.utils.logger bakes the module name into one format per
logger, and the versions of its logger and of its log calls stored here
do not match), Sopel and OctoPrint (formats the earlier sets already
cover). No widely deployed program read here sets a `{`-style format other
than those already used (paperless-ngx, Tandoor), nor a `$`-style one.
"""

import contextlib
import hashlib
import json
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised  # noqa: E402
from heldout import Set, fail  # noqa: E402
from heldout2 import at  # noqa: E402
from django.utils.termcolors import colorize  # noqa: E402

# Chalice 1.33.0-7 (51ac9040), chalice/app.py Chalice.FORMAT_STRING (the
# app.log handler on stdout that Chalice._configure_logging adds; DEBUG
# when app.debug is True).
CHALICE = "%(name)s - %(levelname)s - %(message)s"
# AWS SAM CLI 1.170.0 (as installed here; the same at fe8f8dbb),
# samcli/lib/utils/sam_logging.py SAM_CLI_FORMATTER_WITH_TIMESTAMP, which
# samcli/cli/context.py puts on the samcli and aws_lambda_builders loggers
# under --debug; everything else reaches the root handler of
# samcli/cli/main.py's logging.basicConfig (werkzeug's request lines).
SAM = "%(asctime)s | %(message)s"
SAM_ROOT = "%(asctime)s %(message)s"
SAM_ROOT_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Cloud Custodian 0.9.51.0-92 (df800e9e), c7n/cli.py _setup_logger
# (logging.basicConfig, `custodian run`).
CUSTODIAN = "%(asctime)s: %(name)s:%(levelname)s %(message)s"
# Prowler 5.39.1 (40ecbd03), prowler/lib/logger.py set_logging_config
# stream_formatter. Its logging.basicConfig(datefmt="%m/%d/%Y %I:%M:%S %p")
# does not reach this handler, which already has a formatter: Python's
# default asctime. Every record starts with an empty line.
PROWLER = "\n%(asctime)s [File: %(filename)s:%(lineno)d] \t[Module: %(module)s]\t %(levelname)s: %(message)s"
# transformers 4.57.1 (the PyPI wheel), transformers/utils/logging.py
# enable_explicit_format, which the example scripts call on the library's
# own handler (stderr, propagate False).
TRANSFORMERS = "[%(levelname)s|%(filename)s:%(lineno)s] %(asctime)s >> %(message)s"
# transformers examples/pytorch/text-classification/run_glue.py (242e7fc6),
# main()'s logging.basicConfig (the script's own `__main__` logger, stdout).
RUN_GLUE = "%(asctime)s - %(levelname)s - %(name)s - %(message)s"
RUN_GLUE_DATEFMT = "%m/%d/%Y %H:%M:%S"
# sagemaker-training-toolkit v5.1.0-2 (33839372),
# src/sagemaker_training/logging_config.py configure_logger's default
# log_format (logging.basicConfig, what a SageMaker training job's
# CloudWatch stream shows).
SAGEMAKER = "%(asctime)s %(name)-12s %(levelname)-8s %(message)s"
# aws-parallelcluster-node (2e8f9a8e, 2024-10),
# src/slurm_plugin/logging/parallelcluster_clustermgtd_logging.conf
# [formatter_defaultFormatter] (/var/log/parallelcluster/clustermgtd, which
# the cluster ships to CloudWatch Logs).
PCLUSTER = "%(asctime)s - [%(name)s:%(funcName)s] - %(levelname)s - %(message)s"
# Barman 3.17.0-3 (081bb8d2), barman/cloud.py LOGGING_FORMAT
# (configure_logging's logging.basicConfig: barman-cloud-backup to S3, -vv).
BARMAN = "%(asctime)s [%(process)s] %(levelname)s: %(message)s"
# Curator 8.0.22 (6d297eb9) through es_client 8.19.2 (7724ce1e),
# src/es_client/logging.py get_format_string at loglevel DEBUG (INFO prints
# "%(asctime)s %(levelname)-9s %(message)s").
CURATOR = "%(asctime)s %(levelname)-9s %(name)30s %(funcName)23s:%(lineno)-4d %(message)s"
# Litestar v2.24.0 (7c25540a), litestar/logging/config.py
# _get_default_formatters "standard"; on Python 3.12 its queue_listener
# handler is a logging.handlers.QueueHandler whose prepare() folds the
# traceback into the message before the console handler formats it.
LITESTAR = "%(levelname)s - %(asctime)s - %(name)s - %(module)s - %(message)s"
# taiga-back 6.10.0-7 (3bea7114), settings/common.py LOGGING "simple" (the
# console handler of the taiga and django.request loggers).
TAIGA = "%(levelname)s:%(asctime)s: %(message)s"
# Trac 1.6 (717da862), trac/log.py logger_handler_factory with [logging]
# log_type = stderr and no log_format: '%(asctime)s ' is prepended and
# datefmt is '%X'.
TRAC = "%(asctime)s Trac[%(module)s] %(levelname)s: %(message)s"
TRAC_DATEFMT = "%X"
# graphite-web 1.2.1-pre2-3 (b5d272be), webapp/graphite/logger.py
# GraphiteLogger._config_logger with LOG_FILE_INFO and the other LOG_FILE_*
# set to '-' (a StreamHandler, what a container sets).
GRAPHITE = "[%(asctime)s.%(msecs)03d] %(name)s %(levelname)s %(message)s"
GRAPHITE_DATEFMT = "%d/%b/%Y %H:%M:%S"
# Open edX, openedx/openedx-platform (e57a655d),
# openedx/core/lib/logsettings.py get_logger_config "standard" (the console
# handler, which Tutor's production settings keep); userid and remoteip are
# set by edx-django-utils v8.0.1-12 (1d52355a)
# edx_django_utils/logging/internal/filters.py UserIdFilter and
# RemoteIpFilter (None outside a request, an int user id).
OPENEDX = (
    "%(asctime)s %(levelname)s %(process)d [%(name)s] [user %(userid)s] [ip %(remoteip)s] "
    "%(filename)s:%(lineno)d - %(message)s"
)
# Errbot 6.2.1+ (af1bb75b), errbot/logs.py format_logs without a TTY (a
# container's stdout).
ERRBOT = "%(asctime)s %(levelname)-8s %(name)-25s %(message)s"
# Supervisor 4.3.0 (dbca8d45), supervisor/options.py make_logger format
# (its own logger, not logging's: supervisor/loggers.py LogRecord.asdict
# prints asctime as logging's default does and names its levels CRIT,
# ERRO, WARN, INFO, DEBG, TRAC, BLAT; the format's "\n" is its line end).
SUPERVISOR = "%(asctime)s %(levelname)s %(message)s"
# Mayan EDMS v4.3.1-1 (71788a51), mayan/apps/logging/mixins.py
# "mayan_intermediate", the console handler's: its ColorFormatter
# (mayan/apps/logging/formatters.py) wraps record.msg in the level's
# colours (literals.py FORMATTER_PALETTE) whatever the output; only
# LOGGING_LEVEL (ERROR) and up by default.
MAYAN = '%(name)s <%(process)d> [%(levelname)s] "%(funcName)s() line %(lineno)d %(message)s"'


def record_at(log, level, where, msg, *args, func=None, exc=None, extra=None):
    """`realworld.log_at` with `extra` (what Django's log_response passes),
    with the exception being handled when `exc` is True, or logged while
    handling what `exc()` raises when it is a function."""
    path, line = where.rsplit(":", 1)

    def emit(exc_info):
        log.handle(log.makeRecord(log.name, level, realworld.SITE + path, int(line), msg, args, exc_info,
                                  func=func, extra=extra))

    if exc is None:
        return emit(None)
    if exc is True:
        return emit(sys.exc_info())
    try:
        exc()
    except Exception:
        emit(sys.exc_info())


def missing(module):
    """An ImportError as a missing dependency raises it."""
    raise ModuleNotFoundError(f"No module named '{module}'", name=module)


class WSGIRequest:
    """A Django request as log_response passes it in `extra`."""

    def __init__(self, method, path):
        self.text = f"<WSGIRequest: {method} '{path}'>"

    def __repr__(self):
        return self.text


class QueuePrepared(logging.Filter):
    """logging.handlers.QueueHandler.prepare (Python 3.12), as Litestar's
    queue_listener handler applies it before its LoggingQueueListener hands
    the record to the console handler: the message formatted by the default
    formatter (the traceback appended), no args, no exc_info."""

    def filter(self, record):
        msg = logging.Formatter().format(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class MayanColorFormatter(logging.Formatter):
    """mayan.apps.logging.formatters.ColorFormatter with its palette."""

    PALETTE = {
        "CRITICAL": {"fg": "red", "opts": ("bold", "blink", "reverse")},
        "DEBUG": {"fg": "cyan"},
        "ERROR": {"fg": "red", "opts": ("bold",)},
        "INFO": {"fg": "white"},
        "SUCCESS": {"fg": "green"},
        "WARNING": {"fg": "yellow", "opts": ("bold", "underscore")},
    }

    def format(self, record):
        record.msg = colorize(text=record.msg, **self.PALETTE.get(record.levelname, {}))
        return super().format(record)


@contextlib.contextmanager
def supervisor_levels():
    """supervisor.loggers.LevelsByName's names while supervisord writes."""
    names = {50: "CRIT", 40: "ERRO", 30: "WARN", 20: "INFO", 10: "DEBG", 5: "TRAC", 3: "BLAT"}
    saved = {level: logging.getLevelName(level) for level in names}
    for level, name in names.items():
        logging.addLevelName(level, name)
    try:
        yield
    finally:
        for level, name in saved.items():
            logging.addLevelName(level, name)


@contextlib.contextmanager
def pid(number):
    """Records made in another process (a worker), its id pinned too."""
    pinned = os.getpid
    os.getpid = lambda: number
    try:
        yield
    finally:
        os.getpid = pinned


def stream_chalice_sam():
    stream = []
    ch = Program("chalice", "orders-api", logging.Formatter(CHALICE), stream)
    sam = Program("sam-cli", "samcli", logging.Formatter(SAM), stream)
    root = Program("sam-cli", "werkzeug", logging.Formatter(SAM_ROOT, SAM_ROOT_DATEFMT), stream)
    sam.logger("samcli.cli.main").debug("Using config file: %s, config environment: %s", "samconfig.toml", "default")
    api = sam.logger("samcli.commands.local.lib.local_api_service")
    api.info("Mounting {} at {}://{}:{}{} {}".format("OrdersFunction", "http", "127.0.0.1", 3000, "/orders/{order_id}",
                                                     "[GET, PUT]"))
    api.info("You can now browse to the above endpoints to invoke your functions. You do not need to restart/reload "
             "SAM CLI while working on your functions, changes will be reflected instantly/automatically. If you used "
             "sam build before running local commands, you will need to re-run sam build for the changes to be picked "
             "up. You only need to restart SAM CLI if you update your AWS SAM template")
    sam.logger("samcli.commands.local.lib.local_lambda").info("Invoking %s (%s)", "app.app", "python3.12")
    # A message ending with a newline (samcli/local/docker/manager.py).
    sam.logger("samcli.local.docker.manager").info("Using local image: %s.\n",
                                                   "public.ecr.aws/lambda/python:3.12-rapid-x86_64")
    # The function's own output, as the Lambda runtime frames it.
    printed(stream, "START RequestId: 5f0c8a1e-2b7d-4c3e-9f1a-6d2b8e4c7a90 Version: $LATEST")
    # chalice/app.py _unhandled_exception_to_response (the path is the
    # route's resourcePath).
    fail(ch.log, "Caught exception for path %s", "/orders/{order_id}")
    printed(stream, "END RequestId: 5f0c8a1e-2b7d-4c3e-9f1a-6d2b8e4c7a90")
    printed(stream, "REPORT RequestId: 5f0c8a1e-2b7d-4c3e-9f1a-6d2b8e4c7a90\tInit Duration: 211.48 ms\tDuration: "
                    "14.22 ms\tBilled Duration: 15 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\t")
    # werkzeug's request line, through the root handler.
    root.log.info('%s - - [%s] "%s" %s %s', "127.0.0.1", "11/May/2024 14:44:45", "GET /orders/42 HTTP/1.1", 502, "-")
    # docs/source/topics/events.rst: the app's S3 and SQS handlers.
    ch.log.debug("Received event for bucket: %s, key: %s", "mybucket-name", "uploads/2024/05/11/orders.csv")
    ch.log.debug("Received message with contents: %s", '{"order_id": 42, "status": "paid"}')
    ch.log.info("Event: %s", {"Records": [{"messageId": "059f36b4-87a3-44ab-83d2-661975830a7d",
                                           "body": '{"order_id": 42, "status": "paid"}',
                                           "eventSource": "aws:sqs", "awsRegion": "us-east-1"}]})
    images = sam.logger("samcli.local.docker.lambda_image")
    try:
        raised("docker.errors", "APIError", '500 Server Error for http+docker://localhost/v1.47/images/json?only_ids=0'
               '&all=0&filters=%7B%22reference%22%3A...: Internal Server Error ("context deadline exceeded")')
    except Exception as ex:
        images.warning("Failed getting images from repo %s", "public.ecr.aws/lambda/python", exc_info=ex)
    return {"name": "chalice-sam", "programs": [ch, sam, root], "records": stream, "auto": False}


def stream_custodian_prowler():
    stream = []
    c7n = Program("custodian", "custodian.policy", logging.Formatter(CUSTODIAN), stream)
    pr = Program("prowler", "root", logging.Formatter(PROWLER), stream)
    c7n.log.info("policy:%s resource:%s region:%s count:%d time:%0.2f", "ec2-unencrypted-ebs", "ec2", "us-east-1", 3,
                 1.27)
    c7n.logger("custodian.actions").info("sent message:%s policy:%s template:%s count:%s" % (
        "6f9e0b2c-4d1a-4b8e-9c3f-2a7d5e8b1c04", "ec2-unencrypted-ebs", "default", 3))
    c7n.log.info("policy:%s action:%s resources:%d execution_time:%0.2f" % ("ec2-unencrypted-ebs", "notify", 3, 0.41))
    c7n.log.info("policy:%s resource:%s region:%s count:%d time:%0.2f", "s3-public-block", "s3", "us-east-1", 12, 4.03)
    commands = c7n.logger("custodian.commands")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the "
               "DescribeDBInstances operation: User: arn:aws:sts::123456789012:assumed-role/custodian/run is not "
               "authorized to perform: rds:DescribeDBInstances")
    except Exception:
        commands.exception("Error while executing policy %s, continuing" % ("rds-unencrypted",))
    commands.error("The following policies had errors while executing\n - %s" % "\n - ".join(
        ["rds-unencrypted", "rds-public"]))
    at(pr.logger("botocore.credentials"), logging.INFO, "botocore/credentials.py:1263",
       "Found credentials in environment variables.", func="load")
    at(pr.log, logging.INFO, "prowler/providers/aws/services/s3/s3_service.py:45", "S3 - Listing buckets...",
       func="_list_buckets")
    at(pr.log, logging.WARNING, "prowler/providers/aws/services/s3/s3_service.py:81",
       "logs-archive-2019 -- ClientError[51]: An error occurred (NoSuchBucket) when calling the GetBucketLocation "
       "operation: The specified bucket does not exist", func="_list_buckets")
    at(pr.log, logging.INFO, "prowler/providers/aws/lib/service/service.py:98",
       "S3 - Starting threads for 'Get Bucket Versioning' function to process 14 items...", func="__threading_call__")
    printed(stream, "Executing 572 checks, please wait...")
    # A second run (`prowler gcp --log-level DEBUG`) in the same container.
    at(pr.log, logging.CRITICAL, "prowler/providers/common/provider.py:337",
       "Failed to load built-in provider 'gcp'. Missing dependency: No module named 'google.auth'. Ensure all "
       "required dependencies are installed.", func="init_global_provider")
    record_at(pr.log, logging.DEBUG, "prowler/providers/common/provider.py:342", "Full traceback:",
              func="init_global_provider", exc=lambda: missing("google.auth"))
    return {"name": "custodian-prowler", "programs": [c7n, pr], "records": stream, "auto": False}


TRAINING_ARGUMENTS = {
    "_n_gpu": 1, "bf16": False, "do_eval": True, "do_train": True, "eval_strategy": "IntervalStrategy.NO",
    "fp16": True, "gradient_accumulation_steps": 1, "hub_token": None, "learning_rate": 2e-05,
    "logging_dir": "/opt/ml/model/runs/May11_14-44-44_algo-1", "logging_steps": 500, "max_steps": -1,
    "num_train_epochs": 3.0, "output_dir": "/opt/ml/model", "overwrite_output_dir": True,
    "per_device_eval_batch_size": 8, "per_device_train_batch_size": 32, "push_to_hub_token": None,
    "report_to": [], "save_strategy": "SaveStrategy.STEPS", "seed": 42, "warmup_steps": 0, "weight_decay": 0.0,
}


def training_arguments():
    """transformers.training_args.TrainingArguments.__str__, over some of
    its fields: sorted, one per line, *_token ones hidden."""
    attrs = {k: f"<{k.upper()}>" if k.endswith("_token") else v for k, v in TRAINING_ARGUMENTS.items()}
    return "TrainingArguments(\n" + "".join(f"{k}={v},\n" for k, v in sorted(attrs.items())) + ")"


BERT_CONFIG = {
    "architectures": ["BertForMaskedLM"], "attention_probs_dropout_prob": 0.1, "classifier_dropout": None,
    "finetuning_task": "mrpc", "gradient_checkpointing": False, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
    "hidden_size": 768, "initializer_range": 0.02, "intermediate_size": 3072, "layer_norm_eps": 1e-12,
    "max_position_embeddings": 512, "model_type": "bert", "num_attention_heads": 12, "num_hidden_layers": 12,
    "pad_token_id": 0, "position_embedding_type": "absolute", "transformers_version": "4.57.1",
    "type_vocab_size": 2, "use_cache": True, "vocab_size": 28996,
}


def stream_runglue_transformers():
    stream = []
    glue = Program("run_glue", "__main__", logging.Formatter(RUN_GLUE, RUN_GLUE_DATEFMT), stream)
    tf = Program("transformers", "transformers.configuration_utils", logging.Formatter(TRANSFORMERS), stream)
    # The missing separator is the script's ("...n_gpu: 1" + "distributed...").
    glue.log.warning("Process rank: 0, device: cuda:0, n_gpu: 1distributed training: False, 16-bits training: True")
    glue.log.info(f"Training/evaluation parameters {training_arguments()}")
    snapshot = "/root/.cache/huggingface/hub/models--bert-base-cased/snapshots/cd5ef92a9fb2f889e972770a36d4ed042daf221e"
    at(tf.log, logging.INFO, "transformers/configuration_utils.py:765",
       f"loading configuration file config.json from cache at {snapshot}/config.json", func="_get_config_dict")
    # PretrainedConfig.__repr__: the JSON ends with a newline.
    at(tf.log, logging.INFO, "transformers/configuration_utils.py:839",
       "Model config BertConfig " + json.dumps(BERT_CONFIG, indent=2, sort_keys=True) + "\n", func="from_dict")
    at(tf.logger("transformers.modeling_utils"), logging.WARNING, "transformers/modeling_utils.py:5535",
       "Some weights of BertForSequenceClassification were not initialized from the model checkpoint at "
       "bert-base-cased and are newly initialized: ['classifier.bias', 'classifier.weight']\nYou should probably "
       "TRAIN this model on a down-stream task to be able to use it for predictions and inference.",
       func="_load_pretrained_model")
    sample = {"sentence1": "The stock rose $ 2.11 , or about 11 percent , to close Friday at $ 21.51 on the New York "
                           "Stock Exchange .",
              "sentence2": "PG & E Corp. shares jumped $ 1.63 or 8 percent to $ 21.03 on the New York Stock Exchange "
                           "on Friday .",
              "label": 0, "idx": 2619, "input_ids": [101, 1109, 4482, 1408, 109, 123, 119, 1429, 102],
              "token_type_ids": [0, 0, 0, 0, 0, 0, 0, 0, 0], "attention_mask": [1, 1, 1, 1, 1, 1, 1, 1, 1]}
    glue.log.info(f"Sample 2619 of the training set: {sample}.")
    trainer = tf.logger("transformers.trainer")
    at(trainer, logging.INFO, "transformers/trainer.py:2519", "***** Running training *****",
       func="_inner_training_loop")
    at(trainer, logging.INFO, "transformers/trainer.py:2520", f"  Num examples = {3668:,}", func="_inner_training_loop")
    printed(stream, "{'loss': 0.4713, 'grad_norm': 5.123456954956055, 'learning_rate': 1.2e-05, 'epoch': 1.3}")
    at(trainer, logging.INFO, "transformers/trainer.py:2810",
       "\n\nTraining completed. Do not forget to share your model on huggingface.co/models =)\n\n",
       func="_inner_training_loop")
    at(trainer, logging.INFO, "transformers/trainer.py:4309", "Saving model checkpoint to /opt/ml/model",
       func="_save")
    glue.log.info("*** Evaluate ***")
    return {"name": "runglue-transformers", "programs": [glue, tf], "records": stream, "auto": False}


TRAINING_ENV = {
    "additional_framework_parameters": {}, "channel_input_dirs": {"train": "/opt/ml/input/data/train"},
    "current_host": "algo-1", "current_instance_type": "ml.g5.xlarge", "framework_module":
    "sagemaker_pytorch_container.training:main", "hosts": ["algo-1"], "hyperparameters": {"epochs": 3, "lr": 5e-05},
    "job_name": "pytorch-training-2024-05-11-14-40-02-123", "log_level": 20, "model_dir": "/opt/ml/model",
    "module_name": "train", "num_gpus": 1, "user_entry_point": "train.py",
}


def stream_sagemaker_parallelcluster():
    stream = []
    sm = Program("sagemaker-training", "sagemaker-training-toolkit", logging.Formatter(SAGEMAKER), stream)
    pc = Program("clustermgtd", "slurm_plugin.clustermgtd", logging.Formatter(PCLUSTER), stream)
    sm.log.info("Imported framework %s", "sagemaker_pytorch_container.training")
    cmd = ["/opt/conda/bin/python3.11", "train.py", "--epochs", "3", "--lr", "5e-05"]
    env_vars = {"SM_HOSTS": '["algo-1"]', "SM_NETWORK_INTERFACE_NAME": "eth0", "SM_HPS": '{"epochs":3,"lr":5e-05}',
                "SM_USER_ENTRY_POINT": "train.py", "SM_CHANNEL_TRAIN": "/opt/ml/input/data/train"}
    # logging_config.log_script_invocation.
    sm.log.info("""Invoking user script

Training Env:

%s

Environment variables:

%s

Invoking script with the following command:

%s

""" % (json.dumps(TRAINING_ENV, indent=4), "\n".join("%s=%s" % kv for kv in env_vars.items()), " ".join(cmd)))
    at(pc.log, logging.INFO, "slurm_plugin/clustermgtd.py:1373", "ClusterManager Startup", func="main")
    try:
        raised("botocore.exceptions", "EndpointConnectionError",
               'Could not connect to the endpoint URL: "https://dynamodb.us-east-1.amazonaws.com/"')
    except Exception as e:
        record_at(pc.log, logging.ERROR, "slurm_plugin/clustermgtd.py:1380", "An unexpected error occurred: %s", e,
                  func="main", exc=True)
    at(pc.log, logging.INFO, "slurm_plugin/clustermgtd.py:515", "Managing cluster...", func="manage_cluster")
    at(pc.log, logging.INFO, "slurm_plugin/clustermgtd.py:519", "Current compute fleet status: %s", "RUNNING",
       func="manage_cluster")
    printed(stream, "epoch 1/3 train_loss=0.5124 val_acc=0.8012")
    sm.log.info("Waiting for the process to finish and give a return code.")
    sm.log.info(f"Done waiting for a return code. Received {1} from exiting process.")
    at(pc.log, logging.INFO, "slurm_plugin/clustermgtd.py:949", "Found the following unhealthy static nodes: %s",
       "(x1) ['queue1-st-c5xlarge-2(10.0.1.57)']", func="_maintain_nodes")
    at(pc.logger("slurm_plugin.instance_manager"), logging.INFO, "slurm_plugin/instance_manager.py:208",
       "Terminating instances %s", "(x1) ['i-0b1c2d3e4f5a6b7c8']", func="delete_instances")
    sm.log.error("Reporting training FAILURE")
    # errors.ExecuteUserScriptError.__str__.
    sm.log.error('ExecuteUserScriptError:\nExitCode 1\nErrorMessage "torch.OutOfMemoryError: CUDA out of memory. '
                  'Tried to allocate 20.00 MiB. GPU 0 has a total capacity of 22.06 GiB of which 3.44 MiB is free."\n'
                  'Command "%s"' % " ".join(cmd))
    sm.log.error(f"Encountered exit_code {1}")
    at(pc.log, logging.INFO, "slurm_plugin/clustermgtd.py:907",
       "After node maintenance, following nodes are currently in replacement: %s",
       "(x1) ['queue1-st-c5xlarge-2']", func="_handle_unhealthy_static_nodes")
    return {"name": "sagemaker-parallelcluster", "programs": [sm, pc], "records": stream, "auto": False}


def stream_barman_curator():
    stream = []
    bm = Program("barman-cloud-backup", "barman.cloud", logging.Formatter(BARMAN), stream)
    cu = Program("curator", "curator.cli", logging.Formatter(CURATOR), stream)
    bm.log.info("Starting backup '%s'", "20240511T144444")
    bm.log.info("Uploading '%s' directory '%s' as '%s'", "pgdata", "/var/lib/postgresql/16/main", "data.tar")
    with pid(212):
        bm.log.info("Upload process started (worker %s)", 0)
        bm.log.info("Uploading '%s', part '%s' (worker %s)" % (
            "s3://pg-backups/pg-main/base/20240511T144444/data.tar", 1, 0))
    action = ('Delete indices older than 45 days (based on index name), for logstash- prefixed indices. Ignore the '
              'error if the filter does not result in an actionable list of indices (ignore_empty_list) and exit '
              'cleanly.')
    at(cu.log, logging.INFO, "curator/cli.py:253", f'Trying Action ID: 1, "delete_indices": {action}', func="run")
    at(cu.logger("curator.actions.delete_indices"), logging.INFO, "curator/actions/delete_indices.py:112",
       "Deleted %s indices: %s", 2, ["logstash-2024.03.26", "logstash-2024.03.27"], func="do_action")
    at(cu.log, logging.INFO, "curator/cli.py:257", 'Action ID: %s, "%s" completed.', 1, "delete_indices", func="run")
    at(cu.log, logging.INFO, "curator/cli.py:253", 'Trying Action ID: 2, "forcemerge": forceMerge logstash- prefixed '
       'indices older than 2 days (based on index creation_date) to 2 segments per shard.', func="run")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the UploadPart "
               "operation: Access Denied")
    except Exception as exc:
        # barman/cloud.py handle_backup_errors.
        bm.log.error("Backup failed %s (%s)", "uploading data", str(exc).splitlines()[0])
        bm.log.debug("Exception details:", exc_info=exc)
    err = ("<class 'curator.exceptions.FailedExecution'>", "Exception encountered.  Rerun with loglevel DEBUG and/or "
           "check Elasticsearch logs for more information. Exception: ConnectionTimeout(timeout=30.0)")
    at(cu.log, logging.ERROR, "curator/cli.py:95", "Failed to complete action: %s.  %s: %s", "forcemerge", *err,
       func="exception_handler")
    at(cu.log, logging.INFO, "curator/cli.py:99", 'Continuing execution with next action because '
       '"continue_if_exception" is set to True for action %s', "forcemerge", func="exception_handler")
    at(cu.log, logging.INFO, "curator/cli.py:258", "All actions completed.", func="run")
    return {"name": "barman-curator", "programs": [bm, cu], "records": stream, "auto": False}


def stream_litestar_taiga():
    stream = []
    ls = Program("litestar", "litestar", logging.Formatter(LITESTAR), stream)
    ls.handler.addFilter(QueuePrepared())
    tg = Program("taiga", "taiga.projects.notifications.services", logging.Formatter(TAIGA), stream)
    # litestar/middleware/logging.py LoggingMiddleware.log_message, the
    # default LoggingMiddlewareConfig (no structlog).
    at(ls.log, logging.INFO, "litestar/middleware/logging.py:154",
       'HTTP Request: path=/orders/42/ship, method=POST, content_type=["application/json",{}], '
       'headers={"host":"api.example.com","user-agent":"python-httpx/0.27.0","content-type":"application/json",'
       '"authorization":"*****","content-length":"27"}, cookies={}, query=, path_params={"order_id":42}, '
       'body={"carrier":"ups","rush":true}', func="log_message")
    record_at(ls.log, logging.ERROR, "litestar/logging/config.py:146",
              "Uncaught exception (connection_type=%s, path=%r):", "http", "/orders/42/ship",
              func="_default_exception_logging_handler",
              exc=lambda: raised("sqlalchemy.exc", "IntegrityError", '(psycopg.errors.UniqueViolation) duplicate '
                                 'key value violates unique constraint "shipment_order_id_key"\nDETAIL:  Key '
                                 '(order_id)=(42) already exists.'))
    at(ls.log, logging.INFO, "litestar/middleware/logging.py:154",
       'HTTP Response: status_code=500, cookies={}, headers={"content-type":"application/json",'
       '"content-length":"55"}, body={"status_code":500,"detail":"Internal Server Error"}', func="log_message")
    fail(tg.log, "Error sending email notifications")
    tg.logger("taiga.base.filters").error("Filtering project diferent value than an integer: {}".format("undefined"))
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the PutObject "
               "operation: Access Denied")
    except Exception:
        tg.logger("taiga.export_import.tasks").error("Error generating dump %s (by %s)", "website-redesign",
                                                     "alice", exc_info=sys.exc_info())
    record_at(ls.logger("litestar.events.listener"), logging.ERROR, "litestar/events/listener.py:75",
              "Error while executing listener %s: %s", "send_shipment_email", "'missing'", func="wrapped",
              exc=lambda: {}["missing"])
    # taiga/base/signals/cleanup_files.py: "'%s'".format() leaves the %s.
    fail(tg.logger("taiga.base.signals.cleanup_files"),
         "Unexpected exception while attempting to delete old file '%s'".format("attachments/4/2/a/e/report.pdf"))
    path = "/api/v1/userstories/bulk_update_kanban_order"
    record_at(tg.logger("django.request"), logging.ERROR, "django/utils/log.py:293", "Internal Server Error: %s", path,
              func="log_response", extra={"status_code": 500, "request": WSGIRequest("POST", path)},
              exc=lambda: raised("django.db.utils", "OperationalError", "canceling statement due to statement timeout"))
    return {"name": "litestar-taiga", "programs": [ls, tg], "records": stream, "auto": False}


def trac_internal_error():
    """trac/web/main.py send_internal_error's message: the traceback
    (exception_to_unicode(traceback=True)) inside the message."""
    try:
        {}["missing"]
    except KeyError as e:
        lines = traceback.format_exc().split("\n")[:-2]
        return "\n%s\n%s" % ("\n".join(lines), "%s: %s" % (e.__class__.__name__, e))


def stream_trac_graphite():
    stream = []
    env_id = "Trac." + hashlib.sha1(b"/var/trac/projects/main").hexdigest()
    tr = Program("trac", env_id, logging.Formatter(TRAC, TRAC_DATEFMT), stream)
    gr = Program("graphite-web", "info", logging.Formatter(GRAPHITE, GRAPHITE_DATEFMT), stream)
    at(tr.log, logging.INFO, "trac/env.py:687", "-" * 32 + " environment startup [Trac %s] " + "-" * 32, "1.6",
       func="setup_log")
    at(tr.log, logging.ERROR, "trac/loader.py:57", 'Skipping "%s": %s', "acct_mgr.admin = acct_mgr.admin",
       "ModuleNotFoundError: No module named 'genshi'", func="_log_error")
    at(tr.log, logging.WARNING, "trac/env.py:806",
       "[trac] base_url option not set in configuration, generated links may be incorrect", func="abs_href")
    cache = gr.logger("cache")
    cache.info("CarbonLink creating a new socket for %s" % str(("127.0.0.1", None)))
    cache.info("CarbonLink sending request for %s to %s" % ("servers.web1.cpu.total.user", str(("127.0.0.1", None))))
    cache.info("CarbonLink finished receiving %s from %s" % ("servers.web1.cpu.total.user",
                                                              str(("127.0.0.1", None))))
    gr.logger("rendering").info("Fetched data for [%s] in %fs" % (", ".join(["servers.web1.cpu.total.user"]), 0.021347))
    at(tr.log, logging.ERROR, "trac/web/main.py:691", "[%s] Internal Server Error: %r, referrer %r%s", "10.0.3.7",
       Shown("<RequestWithSession \"GET '/ticket/42'\">"), "https://trac.example.com/report/1", trac_internal_error(),
       func="send_internal_error")
    gr.log.info("find_view query=%s local_only=%s matches=%d" % ("servers.*.cpu.total.*", False, 12))
    try:
        raised("socket", "timeout", "timed out")
    except Exception:
        gr.logger("exception").exception("Failed CarbonLink query '%s'" % "servers.web2.cpu.total.user")
    record_at(tr.log, logging.ERROR, "trac/db/pool.py:110", "Exception caught on %s", "ping", func="get_cnx",
              exc=lambda: raised("psycopg2", "OperationalError", "server closed the connection unexpectedly\n\tThis "
                                 "probably means the server terminated abnormally\n\tbefore or while processing the "
                                 "request.\n"))
    gr.log.warning("Validation Error: %s", "Invalid function: \"summarise\"")
    return {"name": "trac-graphite", "programs": [tr, gr], "records": stream, "auto": False}


def stream_openedx_errbot():
    stream = []
    edx = Program("openedx-lms", "tracking", logging.Formatter(OPENEDX), stream)
    request = Set(userid=None, remoteip=None)
    edx.handler.addFilter(request)
    eb = Program("errbot", "errbot.bootstrap", logging.Formatter(ERRBOT), stream)
    eb.log.info("Found Storage plugin: %s." % "Shelf")
    eb.log.info("Found Backend plugin: %s" % "SlackV3")
    request.values.update(remoteip="10.0.3.7")
    # eventtracking/backends/logger.py LoggerBackend.send.
    at(edx.log, logging.INFO, "eventtracking/backends/logger.py:41", json.dumps({
        "name": "/", "context": {"user_id": None, "path": "/", "course_id": "", "org_id": "", "enterprise_uuid": ""},
        "username": "", "session": "", "ip": "10.0.3.7", "agent": "Mozilla/5.0 (X11; Linux x86_64)",
        "host": "lms.example.com", "referer": "", "accept_language": "en-US,en;q=0.9",
        "event": "{\"GET\": {}, \"POST\": {}}", "time": "2024-05-11T14:44:44.412331+00:00", "event_type": "/",
        "event_source": "server", "page": None}), func="send")
    request.values.update(userid=4)
    at(edx.log, logging.INFO, "eventtracking/backends/logger.py:41", json.dumps({
        "name": "edx.course.enrollment.activated", "context": {
            "course_id": "course-v1:TDT+TDT101+R3", "course_user_tags": {}, "user_id": 4,
            "path": "/api/enrollment/v1/enrollment", "org_id": "TDT", "enterprise_uuid": ""},
        "username": "alice", "session": "9c5a30e9e8b99e4e3cdaedb78091981a", "ip": "10.0.3.7",
        "agent": "Mozilla/5.0 (X11; Linux x86_64)", "host": "lms.example.com", "referer": "",
        "accept_language": "en-US,en;q=0.9", "event": {"course_id": "course-v1:TDT+TDT101+R3", "user_id": 4,
                                                       "mode": "audit"},
        "time": "2024-05-11T14:44:44.631207+00:00", "event_type": "edx.course.enrollment.activated",
        "event_source": "server", "page": None}), func="send")
    plugins = eb.logger("errbot.plugin_manager")
    plugins.info("Activate bot plugins...")
    plugins.info("Activate plugin: %s.", "Webserver")
    at(edx.logger("edx_django_utils.plugins.plugin_contexts"), logging.ERROR,
       "edx_django_utils/plugins/plugin_contexts.py:48", "Failed to call plugin context function. Error: %s",
       KeyError("missing"), func="get_plugins_view_context", exc=True)
    path = "/courses/course-v1:TDT+TDT101+R3/progress"
    record_at(edx.logger("django.request"), logging.ERROR, "django/utils/log.py:293", "Internal Server Error: %s",
              path, func="log_response", extra={"status_code": 500, "request": WSGIRequest("GET", path)},
              exc=lambda: raised("xmodule.modulestore.exceptions", "ItemNotFoundError",
                                 "block-v1:TDT+TDT101+R3+type@sequential+block@9f3c2a7e"))
    request.values.update(userid=None, remoteip=None)
    core = eb.logger("errbot.core")
    core.info('Processing command "{}" with parameters "{}" from {}'.format("deploy", "prod", "@alice"))
    try:
        raised("requests.exceptions", "ConnectionError", "HTTPSConnectionPool(host='deploy.internal', port=443): "
               "Max retries exceeded with url: /api/v1/releases")
    except Exception:
        # errbot/core.py: the traceback in the message and as exc_info.
        tb = traceback.format_exc()
        body = "!deploy prod"
        core.exception(f'An error happened while processing a message ("{body}"): {tb}"')
    return {"name": "openedx-errbot", "programs": [edx, eb], "records": stream, "auto": False}


def stream_supervisor_mayan():
    stream = []
    sv = Program("supervisord", "supervisord", logging.Formatter(SUPERVISOR), stream)
    my = Program("mayan-edms", "mayan.apps.converter.managers", MayanColorFormatter(MAYAN), stream)
    with supervisor_levels():
        sv.log.critical("Supervisor is running as root.  Privileges were not dropped because no user is specified in "
                        "the config file.  If you intend to run as root, you can set user=root in the config file to "
                        "avoid this message.")
        sv.log.info('Included extra file "%s" during parsing' % "/etc/supervisor/conf.d/mayan.conf")
        sv.log.info("supervisord started with pid %s" % 1)
        sv.log.info("spawned: '%s' with pid %s" % ("mayan-edms-gunicorn", 12))
        sv.log.info("success: %s %s" % ("mayan-edms-gunicorn", "entered RUNNING state, process has stayed up for > "
                                        "than 1 seconds (startsecs)"))
    printed(stream, "[2024-05-11 14:44:46 +0000] [12] [INFO] Booting worker with pid: 14")
    at(my.log, logging.ERROR, "mayan/apps/converter/managers.py:103", "Non existant transformation: %s for %s",
       "rotate", "invoice-2024-05.pdf page 1", func="get_for_object")
    at(my.logger("mayan.apps.documents.models.document_file_models"), logging.ERROR,
       "mayan/apps/documents/models/document_file_models.py:319", 'Error creating intermediate file "%s"; %s.',
       "intermediate_file", KeyError("missing"), func="get_intermediate_file", exc=True)
    record_at(my.logger("mayan.apps.document_parsing.parsers"), logging.ERROR,
              "mayan/apps/document_parsing/parsers.py:95",
              "Exception parsing page; %s" % "Command '['/usr/bin/pdftotext', '-f', '3', '-l', '3', '-', '-']' "
              "returned non-zero exit status 1.", func="process_document_file_page",
              exc=lambda: raised("subprocess", "CalledProcessError", "Command '['/usr/bin/pdftotext', '-f', '3', "
                                 "'-l', '3', '-', '-']' returned non-zero exit status 1."))
    at(my.logger("mayan.apps.documents.tasks"), logging.CRITICAL, "mayan/apps/documents/tasks.py:173",
       'Unexpected exception while trying to create new document "%s"; %s', "scan-0042.pdf",
       "[Errno 28] No space left on device", func="task_document_upload")
    at(my.logger("mayan.apps.dynamic_search.tasks"), logging.ERROR, "mayan/apps/dynamic_search/tasks.py:86",
       "Unexpected error calling `task_index_instance` with keyword arguments {}.".format(
           {"app_label": "documents", "model_name": "document", "object_id": 42, "exclude_app_label": None,
            "exclude_model_name": None, "exclude_kwargs": None}), func="task_index_instance")
    with supervisor_levels():
        sv.log.warning("exited: %s (%s)" % ("mayan-edms-celery-worker-b", "exit status 1; not expected"))
        sv.log.info("gave up: %s %s" % ("mayan-edms-celery-worker-b", "entered FATAL state, too many start retries "
                                        "too quickly"))
    return {"name": "supervisor-mayan", "programs": [sv, my], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_chalice_sam(), stream_custodian_prowler(), stream_runglue_transformers(),
        stream_sagemaker_parallelcluster(), stream_barman_curator(), stream_litestar_taiga(), stream_trac_graphite(),
        stream_openedx_errbot(), stream_supervisor_mayan(),
    ])


if __name__ == "__main__":
    main()
