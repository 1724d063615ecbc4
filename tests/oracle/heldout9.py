"""The ninth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout8.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS (a
CodeBuild deploy stage of an AWS Deployment Framework pipeline that runs
ADF's parameter generation and then StreamAlert's CLI; a CodeBuild job
submitting a CloudFormation resource type with the CloudFormation CLI and
testing templates with taskcat; a MySQL-to-Postgres replica with
pg_chameleon feeding OpenSearch through pgsync; an Alerta console on
DocumentDB mirrored to OpenSearch by mongo-connector; a Faraday server and
the sqlmap scans it imports; a SageMaker training job running an ESPnet
recipe that registers its model with the SageMaker Python SDK; a
Determined trial and a CVAT server on one EKS cluster; a data catalogue's
Amundsen metadata service and an OpenMetadata ingestion run; ChatOps with
opsdroid beside Grafana OnCall's engine and workers), each format copied
from the file named beside it (the version read is given), with the
formatter class or the filter the program uses, and messages from the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout9

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at c9815b8 (heldout8's rules in), before any rule
saw it: 3776 records (120 joined under a burst), 52.4% exact, 71.1% with
the key fields right (asctime 89.2%, levelname 92.4%, name 92.7%, message
84.8%, exc_info 100.0%).

Where a formatter sets an attribute its format doesn't print, the
attribute would be left off, as a JsonFormatter in its place would not
set it: none of this set's formatters does (Celery's TaskFormatter, which
Grafana OnCall's workers use, sets `task_id` and `task_name`, both
printed). Attributes a filter sets are kept, printed or not (taskcat's
AppFilter sets the printed `color_loglevel`; Alerta's ContextFilter sets
`request_id`, `endpoint`, `method`, `url`, `reqargs`, `data`,
`remote_addr` and `user`, none printed by its "verbose" format;
django-log-request-id's RequestIDFilter sets Grafana OnCall's printed
`request_id`), and so are the extras a program passes in the log call
(taskcat's `nametag`), as python-json-logger writes them.

StreamAlert's LogFormatter (streamalert/shared/logger.py) joins a
traceback's lines with "\\r", "so it looks nice in CloudWatch Logs";
sqlmap's format starts with a "\\r". taskcat's AppFilter writes the
level as a colour-coded tag, "[INFO   ] : " in ANSI codes, or the
`nametag` a call passes ("" for its banner). The CloudFormation CLI
writes rpdk.log through its UTCFormatter (tailed into the build's output
here) and its warnings, bare, on the console too. Amundsen's format puts
the milliseconds after a datefmt that ends with the UTC offset
("...T14:44:44+0000.123"). ESPnet writes the host name (a SageMaker
training job's "algo-1") into its format (an f-string); pg_chameleon
prints the name of its read and replay processes, Grafana OnCall's
workers theirs, Determined, Alerta, Faraday and Amundsen %(process)d:
the ids and names are pinned. mongo-connector logs at its own ALWAYS level (60), sqlmap at its
PAYLOAD level (9). Grafana OnCall's engine prints neither a time nor a
level; opsdroid's default format neither a time. OpenMetadata logs a
traceback as a DEBUG message (traceback.format_exc()) before its
warning; Alerta logs a webhook's request line, its CRLF-separated headers
and its body in one message. The SageMaker SDK's loggers other than `sagemaker.config`
propagate to the root handler ESPnet's logging.basicConfig made, so those
lines carry ESPnet's format. Terraform's output in the StreamAlert
build, CodeBuild's "[Container]" lines and the programs' own print()s
(pgsync's status line, sqlmap's banner and report, StreamAlert's test
summary, the CloudFormation CLI's "=== Caught downstream error ===" block)
are print lines.

Left out: the Scalyr Agent (its AgentLogFormatter's
"%(error_message)s%(message)s%(stack_token)s": free-text fields side by
side with the message, as BentoML's in `heldout5.py`), flytekit (JSON
through python-json-logger itself), ZenML (its INFO format is a bare
"%(message)s" wrapped in colour codes, its DEBUG one SQLMesh's without
the thread), Cartography, dynamodump, Teletraan's deploy agent and ADF's
sync_to_s3.py helper (logging.basicConfig()'s BASIC_FORMAT: covered),
Yelp's Tron (tron/logging.conf's "%(asctime)s %(name)s %(levelname)s
%(message)s", NCPA's in `heldout7.py`), pglookout (pghoard's format in
`heldout6.py`), Jupyter Enterprise Gateway's kernel launcher
("[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s] %(message)s",
Jupyter Server's in `realworld.py` without its empty colour fields),
mrjob (a bare "%(message)s"), the CloudFormation CLI's Python plugin's
ProviderLogHandler (bare messages) and Alerta's default CustomFormatter,
which picks one of five formats by the logger's name and the request
context (no one format prints it: Alerta runs here with LOG_FORMAT =
'verbose'). opsdroid runs on its defaults ("%(levelname)s %(name)s
%(message)s"): its example configuration's `timestamp: true` prints
kube-hunter's format.
"""

import json
import logging
import os
import sys
import textwrap
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised  # noqa: E402
from heldout import Set  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import pid, record_at  # noqa: E402
from celery.app.log import TaskFormatter  # noqa: E402

# AWS Deployment Framework (awslabs/aws-deployment-framework v4.0.0-23,
# 147545e6), src/lambda_codebase/initial_commit/bootstrap_repository/
# adf-build/shared/python/logger.py configure_logger (each module's own
# stream handler; ADF_LOG_LEVEL=DEBUG), as adf-build/generate_params.py runs
# in a pipeline's CodeBuild stage.
ADF = "%(asctime)s | %(levelname)s | %(name)s | %(message)s | (%(filename)s:%(lineno)d)"
# StreamAlert 3.5.0 (airbnb/streamalert v3.5.0-4, 75ba140d), streamalert/
# shared/logger.py LOCAL_LOGGER_FMT (its logging.basicConfig; get_logger then
# gives the root handler its LogFormatter), `manage.py --debug`.
STREAMALERT = "[%(levelname)s %(asctime)s (%(name)s:%(lineno)d)]: %(message)s"
# CloudFormation CLI (aws-cloudformation/cloudformation-cli v0.2.39-4,
# 698c385), src/rpdk/core/data/logging.yaml: "detailed" (rpdk.log, DEBUG,
# through rpdk.core.cli.UTCFormatter) and "simple" (the console, WARNING
# without -v; the root logger lists it first).
CFN = "[%(asctime)s] %(levelname)-8s - %(message)s"
CFN_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"
CFN_CONSOLE = "%(message)s"
# taskcat 0.9.57 (aws-ia/taskcat 0.9.57-8, 7c817c5), taskcat/_logger.py
# init_taskcat_cli_logger with its AppFilter (the "taskcat" logger's stderr
# handler; `taskcat test run --minimal-output`).
TASKCAT = "%(color_loglevel)s%(message)s"
# pg_chameleon 2.0.21 (the4thdoctor/pg_chameleon v2.0.21, 5458575),
# pg_chameleon/lib/global_lib.py __init_logger without --debug (log_dest:
# stdout, log_level: debug in the configuration).
PGCHAMELEON = "%(asctime)s %(processName)s %(levelname)s: %(message)s"
PGCHAMELEON_DATEFMT = "%Y-%m-%d %H:%M:%S"
# pgsync 7.3 (toluaina/pgsync 7.3.0-16, 9904c3f), pgsync/settings.py
# _get_logging_config "simple" (the console handler;
# CONSOLE_LOGGING_HANDLER_MIN_LEVEL=INFO).
PGSYNC = "%(asctime)s.%(msecs)03d:%(levelname)s:%(name)s: %(message)s"
PGSYNC_DATEFMT = "%Y-%m-%d %H:%M:%S"
# mongo-connector 3.1.1 (yougov/mongo-connector 3.1.1, 557cafd),
# mongo_connector/constants.py DEFAULT_LOG_FORMAT through connector.py
# setup_logging (--stdout, -vvv: DEBUG); mongo_connector/__init__.py adds
# the ALWAYS level.
MONGO_CONNECTOR = "%(threadName)s-%(asctime)s [%(levelname)s] %(name)s:%(lineno)d - %(message)s"
# Alerta 9.1 (alerta/alerta v9.1.0-2, 4ac01063), alerta/utils/logging.py
# Logger.setup_logging's "verbose" formatter (LOG_FORMAT = 'verbose',
# LOG_LEVEL = 'INFO': the console handler), with its ContextFilter.
ALERTA = "%(asctime)s - %(name)s[%(process)d]: %(levelname)s - %(message)s [in %(pathname)s:%(lineno)d]"
# Faraday (infobyte/faraday v3.19.0-2849, 084174b9), faraday/server/utils/
# logger.py LOG_FORMAT and LOG_DATE_FORMAT (the console handler).
FARADAY = ("%(asctime)s - %(name)s - %(levelname)s {%(threadName)s} [pid:%(process)d] "
           "[%(filename)s:%(lineno)s - %(funcName)s()]  %(message)s")
FARADAY_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# sqlmap 1.10.8 (sqlmapproject/sqlmap 1.10.8-52, cef41c7f), lib/core/log.py
# FORMATTER (off a terminal its ColorizingStreamHandler adds no colours;
# `-v 3` shows the PAYLOAD level).
SQLMAP = "\r[%(asctime)s] [%(levelname)s] %(message)s"
SQLMAP_DATEFMT = "%H:%M:%S"
# SageMaker Python SDK (aws/sagemaker-python-sdk, b51a653d), src/sagemaker/
# config/config_utils.py get_sagemaker_config_logger (the "sagemaker.config"
# logger's stdout handler); messages from src/sagemaker/config/config.py
# (9af016be).
SAGEMAKER_CONFIG = "%(name)s %(levelname)-4s - %(message)s"
# ESPnet (espnet/espnet, 002e14eb), espnet2/tasks/abs_task.py main_worker's
# logging.basicConfig, whose f-string writes the host name into the format
# (one process: no rank); messages from espnet2/train/trainer.py (004a54cf).
ESPNET = "[algo-1] %(asctime)s (%(module)s:%(lineno)d) %(levelname)s: %(message)s"
# Determined (determined-ai/determined c1e9c6d7, 2025-03-20), harness/
# determined/__init__.py LOG_FORMAT through harness/determined/common/
# _logging.py set_logger (the trial container's stdout, INFO).
DETERMINED = "%(levelname)s: [%(process)s] %(name)s: %(message)s"
# CVAT (cvat-ai/cvat 005fef6d), cvat/settings/base.py LOGGING "standard"
# (the console handler of `cvat.server` and `django`); messages from
# cvat/apps/engine/task.py (0066548a) through cvat/apps/engine/log.py's
# ServerLogManager (007fc09a).
CVAT = "[%(asctime)s] %(levelname)s %(name)s: %(message)s"
# Amundsen metadata service (amundsen-io/amundsen databuilder-7.5.1-18,
# 2a6ba580), metadata/metadata_service/config.py Config.LOG_FORMAT and
# LOG_DATE_FORMAT through metadata_service/__init__.py create_app's
# logging.basicConfig (gunicorn workers, INFO).
AMUNDSEN = ("%(asctime)s.%(msecs)03d [%(levelname)s] %(module)s.%(funcName)s:%(lineno)d "
            "(%(process)d:%(threadName)s) - %(message)s")
AMUNDSEN_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# OpenMetadata ingestion (open-metadata/OpenMetadata 9cbfb0bd), ingestion/
# src/metadata/utils/logger.py BASE_LOGGING_FORMAT and its logging.
# basicConfig datefmt (`metadata ingest --debug`); messages from ingestion/
# sink/metadata_rest.py (008226a9) and ingestion/ometa/client.py (0263df00).
OPENMETADATA = "[%(asctime)s] %(levelname)-8s {%(name)s:%(module)s:%(lineno)d} - %(message)s"
OPENMETADATA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# opsdroid 0.31 (opsdroid/opsdroid v0.31.0-3, 4f1ef7c4), opsdroid/logging.py
# set_formatter_string with no logging options (off a terminal: the plain
# StreamHandler, not rich).
OPSDROID = "%(levelname)s %(name)s %(message)s"
# Grafana OnCall (grafana/oncall v1.16.8-1, 3666186a), engine/settings/
# base.py log_fmt (the engine's console handler, with django-log-request-id's
# RequestIDFilter) and engine/engine/celery.py on_after_setup_logger's
# TaskFormatter (the celery workers).
ONCALL = "source=engine:app google_trace_id=%(request_id)s logger=%(name)s %(message)s"
ONCALL_CELERY = ("%(asctime)s source=engine:celery worker=%(processName)s task_id=%(task_id)s "
                 "task_name=%(task_name)s name=%(name)s level=%(levelname)s %(message)s")


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


def now(fmt):
    """The clock's time, as a program prints it into a message."""
    return time.strftime(fmt, time.gmtime(realworld.CLOCK.t))


def container(stream, text):
    """A CodeBuild agent's line, stamped with the clock."""
    t = realworld.CLOCK.t
    printed(stream, "[Container] %s.%06d %s" % (now("%Y/%m/%d %H:%M:%S"), round(t % 1 * 1e6) % 1000000, text))


class StreamAlertFormatter(logging.Formatter):
    """streamalert.shared.logger.LogFormatter, as written there."""

    def formatException(self, ei):
        """Override the default exception logger so it looks nice in CloudWatch Logs"""
        value = super().formatException(ei)

        # Replace the newlines with carriage returns
        return value.replace('\n', '\r')


class UTCFormatter(logging.Formatter):
    """rpdk.core.cli.UTCFormatter, as written there."""
    converter = time.gmtime


class PrintMsg:
    """taskcat._logger.PrintMsg, as written there."""
    header = "\x1b[1;41;0m"
    highlight = "\x1b[0;30;47m"
    name_color = "\x1b[0;37;44m"
    aqua = "\x1b[0;30;46m"
    green = "\x1b[0;30;42m"
    white = "\x1b[0;30;47m"
    orange = "\x1b[0;30;43m"
    red = "\x1b[0;30;41m"
    rst_color = "\x1b[0m"
    CRITICAL = "{}[FATAL  ]{} : ".format(red, rst_color)
    ERROR = "{}[ERROR  ]{} : ".format(red, rst_color)
    DEBUG = "{}[DEBUG  ]{} : ".format(aqua, rst_color)
    PASS = "{}[PASS   ]{} : ".format(green, rst_color)
    INFO = "{}[INFO   ]{} : ".format(white, rst_color)
    WARNING = "{}[WARN   ]{} : ".format(orange, rst_color)
    NAMETAG = "{1}{0}{2}".format("taskcat", name_color, rst_color)
    S3 = "{}[S3: -> ]{} ".format(white, rst_color)
    S3DELETE = "{}[S3: DELETE ]{} ".format(white, rst_color)


class AppFilter(logging.Filter):
    """taskcat._logger.AppFilter, as written there."""

    def filter(self, record):
        if "nametag" in dir(record):
            record.color_loglevel = record.nametag
        else:
            record.color_loglevel = getattr(PrintMsg, record.levelname)
        return True


class AlertaContext(logging.Filter):
    """alerta.utils.logging.ContextFilter, with the request (if any) the
    record is made in."""

    def __init__(self):
        super().__init__()
        self.request = None

    def filter(self, record):
        if self.request:
            for k, v in self.request.items():
                setattr(record, k, v)
        else:
            record.request_id = '-'
            record.endpoint = '-'
            record.method = '-'
            record.url = '-'
            record.reqargs = '-'
            record.data = '-'
            record.remote_addr = '-'
            record.user = '-'
        return True


class RequestIDFilter(logging.Filter):
    """log_request_id.filters.RequestIDFilter: no X-Cloud-Trace-Context
    header behind an ALB, so NO_REQUEST_ID ("none")."""

    def filter(self, record):
        record.request_id = "none"
        return True


TASKCAT_BANNER = (" _            _             _   \n"
                  "| |_ __ _ ___| | _____ __ _| |_ \n"
                  "| __/ _` / __| |/ / __/ _` | __|\n"
                  "| || (_| \\__ \\   < (_| (_| | |_ \n"
                  " \\__\\__,_|___/_|\\_\\___\\__,_|\\__|\n"
                  "                                \n")


def stream_adf_streamalert():
    stream = []
    adf = Program("adf", "__main__", logging.Formatter(ADF), stream)
    store = adf.logger("parameter_store")
    param_resolver = adf.logger("resolver_param_store")
    output_resolver = adf.logger("resolver_stack_output")
    sa = Program("streamalert", "streamalert_cli.manage_lambda.deploy", StreamAlertFormatter(STREAMALERT), stream)
    gp = "adf-build/generate_params.py"
    ps = "adf-build/python/parameter_store.py"
    cwd = "/codebuild/output/src318842095/src"
    container(stream, "Running command python adf-build/generate_params.py")
    log_at(store, logging.DEBUG, f"{ps}:110", "Fetching Parameter %s", "/adf/pipeline_definition_bucket",
           func="fetch_parameter")
    targets = {
        "210987654321": {"id": "210987654321", "account_name": "security-tooling", "path": "210987654321",
                         "regions": ["us-east-1", "eu-west-1"]},
        "309876543210": {"id": "309876543210", "account_name": "log-archive", "path": "309876543210",
                         "regions": ["us-east-1"]},
    }
    log_at(adf.log, logging.DEBUG, f"{gp}:205", "Found the following pipeline targets: %s", targets,
           func="_retrieve_pipeline_targets")
    log_at(adf.log, logging.DEBUG, f"{gp}:215", "Created directory: %s", f"{cwd}/params", func="_create_params_folder")
    files = {
        "security-tooling_us-east-1": {"Parameters": {"KmsKeyArn": "import:210987654321:us-east-1:streamalert-kms:"
                                                                   "KeyArn"}},
        "security-tooling": {"Parameters": {"ClusterName": "prod", "LambdaMemory": "1024"},
                             "Tags": {"DataClassification": "restricted"}},
        "log-archive": {"Parameters": {"ClusterName": "archive", "LambdaMemory": "512"}},
        "global": {"Parameters": {"Prefix": "resolve:/streamalert/prefix", "AlertsTopicArn":
                                  "resolve:/streamalert/alerts-topic?", "KmsKeyArn": ""},
                   "Tags": {"CostCenter": "secops", "Project": "streamalert"}},
    }
    resolved = {"import:210987654321:us-east-1:streamalert-kms:KeyArn":
                "arn:aws:kms:us-east-1:210987654321:key/4f1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                "resolve:/streamalert/prefix": "acmesec"}
    fetched = set()
    for account, region in [("security-tooling", "us-east-1"), ("security-tooling", "eu-west-1"),
                            ("log-archive", "us-east-1")]:
        log_at(adf.log, logging.DEBUG, f"{gp}:249", "Generating parameters for the %s account in %s", account, region,
               func="create_parameter_files")
        current = {"Parameters": {}, "Tags": {}}
        for name in (f"{account}_{region}", account, f"global_{region}", "global"):
            path = f"{cwd}/params/{name}"
            if name in files:
                log_at(adf.log, logging.DEBUG, f"{gp}:378", "Read %s.yml: %s", path, files[name], func="_parse")
                found = files[name]
            else:
                log_at(adf.log, logging.DEBUG, f"{gp}:388", "File not found for %s.{json or yml}, defaulting to empty",
                       path, func="_parse")
                found = {"Parameters": {}, "Tags": {}}
            for root_key in found:
                current.setdefault(root_key, {})
                for key, value in found[root_key].items():
                    if current[root_key].get(key, "") != "":
                        continue
                    if value.startswith("import:"):
                        log_at(output_resolver, logging.INFO, "adf-build/resolver_stack_output.py:98",
                               "Stack output value is %s", resolved[value], func="resolve")
                        value = resolved[value]
                    elif value.endswith("?"):
                        log_at(param_resolver, logging.INFO, "adf-build/resolver_param_store.py:52",
                               "Parameter %s is considered optional", value[len("resolve:"):], func="resolve")
                        log_at(store, logging.DEBUG, f"{ps}:110", "Fetching Parameter %s", value[8:-1],
                               func="fetch_parameter")
                        log_at(store, logging.DEBUG, f"{ps}:118", "Parameter %s not found", value[8:-1],
                               func="fetch_parameter")
                        log_at(param_resolver, logging.INFO, "adf-build/resolver_param_store.py:67",
                               "Parameter %s not found, returning empty string", value[8:-1], func="resolve")
                        value = ""
                    elif value.startswith("resolve:"):
                        if (region, value) not in fetched:
                            log_at(store, logging.DEBUG, f"{ps}:110", "Fetching Parameter %s", value[8:],
                                   func="fetch_parameter")
                            fetched.add((region, value))
                        value = resolved[value]
                    current[root_key][key] = value
            log_at(adf.log, logging.DEBUG, f"{gp}:452", "Merged result %s", current, func="_merge_params")
        log_at(adf.log, logging.DEBUG, f"{gp}:409", "Writing to parameter file: %s: %s",
               f"{cwd}/params/{account}_{region}.json", current, func="_write_params")
    container(stream, "Running command python manage.py --debug test rules")
    # `manage.py test rules`: the classifier and rules engine run locally.
    classifier = sa.logger("streamalert.classifier.classifier")
    rules_engine = sa.logger("streamalert.rules_engine.rules_engine")
    rule_log = sa.logger("streamalert.shared.rule")
    tests = [("cloudtrail:events", "cloudtrail_root_account_usage", "acmesec_cloudtrail_events"),
             ("cloudtrail:events", "cloudtrail_critical_api_calls", "acmesec_cloudtrail_events"),
             ("osquery:differential", "osquery_suspicious_login", "prod_osquery"),
             ("guardduty:details", "guard_duty_all", "acmesec_guardduty"),
             ("cloudwatch:events", "cloudtrail_mfa_policy_abuse_attempt", "acmesec_cloudwatch_events")]
    for n, (schema, rule_name, resource) in enumerate(tests):
        log_at(classifier, logging.DEBUG, "streamalert/classifier/classifier.py:247", "Number of incoming records: %d",
               1, func="_classify_payload")
        log_at(classifier, logging.DEBUG, "streamalert/classifier/classifier.py:132",
               "Trying schema '%s' with options: %s", schema, {"json_path": "Records[*]"} if "cloudtrail" in schema
               else {}, func="_process_log_schemas")
        log_at(classifier, logging.DEBUG, "streamalert/classifier/classifier.py:142", "Log classified with schema: %s",
               schema, func="_process_log_schemas")
        if rule_name == "cloudtrail_critical_api_calls":
            record = {"eventName": "StopLogging", "eventSource": "cloudtrail.amazonaws.com", "awsRegion": "us-east-1",
                      "recipientAccountId": "210987654321", "userIdentity": {"type": "AssumedRole"}}
            try:
                error(KeyError, "arn")
            except KeyError:
                log_at(rule_log, logging.ERROR, "streamalert/shared/rule.py:161", "Encountered error with rule: %s",
                       rule_name, exc_info=True, func="process")
            log_at(rule_log, logging.ERROR, "streamalert/shared/rule.py:162", "Record that resulted in error:\n%s",
                   json.dumps(record), func="process")
            continue
        log_at(rules_engine, logging.INFO, "streamalert/rules_engine/rules_engine.py:213",
               "Rule '%s' triggered alert '%s' on log type '%s' from resource '%s' in service '%s'", rule_name,
               "8d4f%04x-1c2b-4e3f-9a8b-%012x" % (n, 0x5f0e1d2c3b4a + n), schema, resource,
               "kinesis" if "osquery" in schema else "sns", func="_rule_analysis")
    for line in ["\x1b[4m", "Summary:", "\x1b[0m", "Total Tests: 5", "\x1b[0;32;1mPass: 4\x1b[0m",
                 "\x1b[0;31;1mFail: 1", "\x1b[0m"]:
        printed(stream, line)
    container(stream, "Running command python manage.py --debug deploy "
            "--functions rule alert")
    helpers = sa.logger("streamalert_cli.helpers")
    generate = sa.logger("streamalert_cli.terraform.generate")
    tf = sa.logger("streamalert_cli.terraform.helpers")
    package = sa.logger("streamalert_cli.manage_lambda.package")
    rule_table = sa.logger("streamalert.shared.rule_table")
    log_at(helpers, logging.DEBUG, "streamalert_cli/helpers.py:119", "Using credentials for user '%s' with user ID "
           "'%s' in account '%s'", "arn:aws:sts::210987654321:assumed-role/adf-codebuild-role/AWSCodeBuild-"
           "2c9f3e1a-77b4-4a61-9d2e-5b8c0f4d6e21", "AROATX4EXAMPLE7QK3LBM:AWSCodeBuild-2c9f3e1a-77b4-4a61-9d2e-"
           "5b8c0f4d6e21", "210987654321", func="check_credentials")
    log_at(generate, logging.DEBUG, "streamalert_cli/terraform/generate.py:404",
           "Generating cluster file: main.tf.json", func="terraform_generate_handler")
    for cluster in ("prod", "corp"):
        log_at(generate, logging.DEBUG, "streamalert_cli/terraform/generate.py:420", "Generating cluster file: "
               "%s.tf.json", cluster, func="terraform_generate_handler")
    build = "streamalert_terraform"
    log_at(generate, logging.WARNING, "streamalert_cli/terraform/generate.py:618", "Optional configuration missing in "
           "lambda.json, skipping: %s", "threat_intel_downloader_config", func="_generate_global_lambda_settings")
    log_at(generate, logging.INFO, "streamalert_cli/terraform/generate.py:642",
           f"Removing old Terraform file: {build}/threat_intel_downloader.tf.json",
           func="remove_temp_terraform_file")
    log_at(sa.log, logging.INFO, "streamalert_cli/manage_lambda/deploy.py:111", "Deploying: %s", "alert, rule",
           func="deploy")
    log_at(sa.log, logging.DEBUG, "streamalert_cli/manage_lambda/deploy.py:118", "Applying terraform targets: %s",
           "module.alert_processor_iam, module.alert_processor_lambda, module.rules_engine_iam, "
           "module.rules_engine_lambda", func="deploy")
    log_at(tf, logging.INFO, "streamalert_cli/terraform/helpers.py:37", "Initializing StreamAlert",
           func="terraform_runner")
    for line in ["Initializing modules...", "Initializing the backend...", "Initializing provider plugins...",
                 "- Reusing previous version of hashicorp/aws from the dependency lock file",
                 "- Using previously-installed hashicorp/aws v4.67.0",
                 "Terraform has been successfully initialized!"]:
        printed(stream, line)
    log_at(tf, logging.DEBUG, "streamalert_cli/terraform/helpers.py:41", "Resolving Terraform modules",
           func="terraform_runner")
    log_at(tf, logging.INFO, "streamalert_cli/terraform/helpers.py:53", "%s changes", "Planning",
           func="terraform_runner")
    log_at(package, logging.INFO, "streamalert_cli/manage_lambda/package.py:67", "Creating package for %s",
           "streamalert", func="create")
    log_at(package, logging.INFO, "streamalert_cli/manage_lambda/package.py:125", "Installing libraries: %s",
           "backoff==1.10.0, boto3==1.14.29, cbapi==1.7.1, google-api-python-client==1.10.0, jmespath==0.10.0, "
           "jsonlines==1.2.0, netaddr==0.8.0, requests==2.24.0, pymsteams==0.1.13", func="_resolve_libraries")
    log_at(package, logging.INFO, "streamalert_cli/manage_lambda/package.py:94", "Successfully created package: %s",
           f"{cwd}/{build}/streamalert.zip", func="create")
    for line in ["Plan: 0 to add, 4 to change, 0 to destroy.",
                 "module.rules_engine_lambda.aws_lambda_function.function: Modifying... "
                 "[id=acmesec_streamalert_rules_engine]",
                 "module.rules_engine_lambda.aws_lambda_function.function: Modifications complete after 9s "
                 "[id=acmesec_streamalert_rules_engine]",
                 "module.alert_processor_lambda.aws_lambda_function.function: Modifications complete after 7s "
                 "[id=acmesec_streamalert_alert_processor]",
                 "Apply complete! Resources: 0 added, 4 changed, 0 destroyed."]:
        printed(stream, line)
    for rule_name in ["cloudtrail_root_account_usage", "cloudtrail_critical_api_calls", "osquery_suspicious_login",
                      "guard_duty_all", "cloudtrail_mfa_policy_abuse_attempt", "github_disable_two_factor_requirement"]:
        log_at(rule_table, logging.DEBUG, "streamalert/shared/rule_table.py:91", "Adding rule '%s' (skip staging=%s)",
               rule_name, False, func="_add_new_rules")
    log_at(rule_table, logging.DEBUG, "streamalert/shared/rule_table.py:98", "Deleting rule '%s'",
           "cloudtrail_public_resources", func="_del_old_rules")
    # The next build: the state bucket's policy denies the build role.
    container(stream, "Running command python manage.py --debug deploy "
            "--functions classifier --clusters prod")
    log_at(helpers, logging.DEBUG, "streamalert_cli/helpers.py:119", "Using credentials for user '%s' with user ID "
           "'%s' in account '%s'", "arn:aws:sts::210987654321:assumed-role/adf-codebuild-role/AWSCodeBuild-"
           "81d0c7b2-3f4e-4b5a-a6c7-d8e9f0a1b2c3", "AROATX4EXAMPLE7QK3LBM:AWSCodeBuild-81d0c7b2-3f4e-4b5a-a6c7-"
           "d8e9f0a1b2c3", "210987654321", func="check_credentials")
    log_at(sa.log, logging.INFO, "streamalert_cli/manage_lambda/deploy.py:111", "Deploying: %s", "classifier",
           func="deploy")
    log_at(sa.log, logging.DEBUG, "streamalert_cli/manage_lambda/deploy.py:118", "Applying terraform targets: %s",
           "module.classifier_prod_iam, module.classifier_prod_lambda", func="deploy")
    log_at(tf, logging.INFO, "streamalert_cli/terraform/helpers.py:37", "Initializing StreamAlert",
           func="terraform_runner")
    for line in ["Initializing the backend...", "Error: Error loading state: AccessDenied: Access Denied",
                 "\tstatus code: 403, request id: 9XQ4T1M8ZK2B7C3D, host id: a1B2c3D4e5F6g7H8i9J0k=",
                 "Terraform failed to load the default state from the \"s3\" backend."]:
        printed(stream, line)
    log_at(helpers, logging.ERROR, "streamalert_cli/helpers.py:67", "%s\n%s", "An error occurred while running: "
           "terraform init", ["terraform", "init", "-force-copy"], func="run_command")
    return {"name": "adf-streamalert", "programs": [adf, sa], "records": stream, "auto": False}


def chained(module, name, text, cause_module, cause_name, cause_text):
    """Raises `module.name(text)` from `cause_module.cause_name(cause_text)`,
    as `raise ... from e` does."""
    try:
        raised(cause_module, cause_name, cause_text)
    except Exception as e:
        kind = type(name, (Exception,), {"__module__": module})
        raise kind(text) from e


def stream_cfn_taskcat():
    stream = []
    cfn = Program("cfn", "rpdk.core.cli", UTCFormatter(CFN, CFN_DATEFMT), stream)
    console = Program("cfn", "rpdk.core.cli", logging.Formatter(CFN_CONSOLE), stream)
    console.handler.setLevel(logging.WARNING)

    def both(name):
        """A logger whose records reach the root's console handler (first)
        and rpdk.log's."""
        log = logging.getLogger(name)
        log.handlers[:] = [console.handler, cfn.handler]
        log.propagate = False
        log.setLevel(logging.DEBUG)
        log.disabled = False
        return log

    cli = both("rpdk.core.cli")
    project = both("rpdk.core.project")
    upload = both("rpdk.core.upload")
    # taskcat._cli's LOG is the package's logger, "taskcat".
    tc = Program("taskcat", "taskcat", logging.Formatter(TASKCAT), stream)
    tc.handler.addFilter(AppFilter())
    lint = tc.logger("taskcat._cfn_lint")
    s3_sync = tc.logger("taskcat._s3_sync")
    tui = tc.logger("taskcat._tui")
    reports = tc.logger("taskcat._generate_reports")
    root = "/codebuild/output/src102938475/src/acme-network-prefixlistentry"
    type_name = "Acme::Network::PrefixListEntry"
    arn = "arn:aws:cloudformation:us-east-1:210987654321:type/resource/Acme-Network-PrefixListEntry"

    def submit(n, token, fail):
        log_at(cli, logging.DEBUG, "rpdk/core/cli.py:96", "Logging set up successfully", func="main")
        log_at(cli, logging.DEBUG, "rpdk/core/cli.py:97", "Running %s: %s", "submit", Shown(
            "Namespace(command=<function submit at 0x7f3b2c1d5e40>, dry_run=False, endpoint_url=None, "
            "no_role=False, profile=None, region='us-east-1', role_arn=None, set_default=True, "
            "subparser_name='submit', use_docker=False, verbose=0, version=False)"), func="main")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:200", "Root directory: %s", root, func="__init__")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:282", "Loading project file '%s'", f"{root}/.rpdk-config",
               func="load_settings")
        log_at(project, logging.INFO, "rpdk/core/project.py:657", "Validating your resource specification...",
               func="_load_resources_project")
        log_at(project, logging.WARNING, "rpdk/core/project.py:661", "Resource schema is valid.",
               func="_load_resources_project")
        log_at(project, logging.INFO, "rpdk/core/project.py:667", "Validating your resource schema...",
               func="_load_resources_project")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:1186", "Packaging complete, uploading...",
               func="_upload")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:1188", "Uploading to region '%s'", "us-east-1",
               func="_upload")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:1194", "Creating execution role for provider to use",
               func="_upload")
        for stack in ("acme-network-prefixlistentry-role-stack", "CloudFormationManagedUploadInfrastructure"):
            log_at(upload, logging.INFO, "rpdk/core/upload.py:89", "Creating %s", stack,
                   func="_create_or_update_stack")
            log_at(upload, logging.INFO, "rpdk/core/upload.py:97", "%s already exists. Attempting to update", stack,
                   func="_create_or_update_stack")
            if stack.endswith("role-stack") and n == 0:
                stack_id = f"arn:aws:cloudformation:us-east-1:210987654321:stack/{stack}/7c1d2e3f-4a5b-11ef-9c8d-" \
                           "0e1f2a3b4c5d"
                log_at(upload, logging.DEBUG, "rpdk/core/upload.py:46", "Waiting for stack '%s'", stack_id,
                       func="_wait_for_stack")
                log_at(upload, logging.INFO, "rpdk/core/upload.py:64", f"{stack} stack is up to date",
                       func="_wait_for_stack")
            else:
                log_at(upload, logging.INFO, "rpdk/core/upload.py:106", "%s stack is up to date", stack,
                       func="_create_or_update_stack")
        bucket = "cloudformationmanageduploadinfrast-artifactbucket-1x2y3z4a5b6c"
        key = "acme-network-prefixlistentry-2024-05-11T14-4%d-%02d.zip" % (4 + n * 3, 51 - n * 20)
        log_at(upload, logging.DEBUG, "rpdk/core/upload.py:167", "Uploading to '%s/%s'...", bucket, key,
               func="upload")
        log_at(upload, logging.DEBUG, "rpdk/core/upload.py:174", "Upload complete", func="upload")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:1204", "Got S3 URL: %s", f"s3://{bucket}/{key}",
               func="_upload")
        log_at(project, logging.DEBUG, "rpdk/core/project.py:1206", "Got Log Role: %s",
               "arn:aws:iam::210987654321:role/CloudFormationManagedUplo-LogAndMetricsDeliveryRol-8K2M1N0Q3R4S",
               func="_upload")
        log_at(project, logging.WARNING, "rpdk/core/project.py:1235", "Successfully submitted type. Waiting for "
               "registration with token '%s' to complete.", token, func="_wait_for_registration")
        if fail:
            log_at(project, logging.WARNING, "rpdk/core/project.py:1242", "Failed to register the type with "
                   "registration token '%s'.", token, func="_wait_for_registration")
            response = {"ProgressStatus": "FAILED", "Description": "Deployment is currently in DEPLOY_STAGE of status "
                        "FAILED. Handler failed to respond: Runtime.ImportModuleError: Unable to import module "
                        "'acme_network_prefixlistentry.handlers': No module named 'acme_network_prefixlistentry'",
                        "TypeArn": arn, "TypeVersionArn": f"{arn}/00000013",
                        "ResponseMetadata": {"RequestId": "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                                             "HTTPStatusCode": 200, "RetryAttempts": 0}}
            log_at(project, logging.WARNING, "rpdk/core/project.py:1258", "Please see response for additional "
                   "information: '%s'", response, func="_wait_for_registration")
            try:
                chained("rpdk.core.exceptions", "DownstreamError", "Type registration error", "botocore.exceptions",
                        "WaiterError", "Waiter TypeRegistrationComplete failed: Waiter encountered a terminal failure "
                        "state: For expression \"ProgressStatus\" we matched expected path: \"FAILED\"")
            except Exception:
                log_at(cli, logging.DEBUG, "rpdk/core/cli.py:112", "Caught downstream error", exc_info=True,
                       func="main")
            for line in ["=== Caught downstream error ===",
                         "Waiter TypeRegistrationComplete failed: Waiter encountered a terminal failure state: For "
                         "expression \"ProgressStatus\" we matched expected path: \"FAILED\"", "---",
                         "If debugging indicates this is a possible error with this program,",
                         "please report the issue to the team and include the log file 'rpdk.log'.",
                         "Issue tracker: https://github.com/aws-cloudformation/aws-cloudformation-rpdk/issues"]:
                printed(stream, line)
            return
        log_at(project, logging.WARNING, "rpdk/core/project.py:1262", "Registration complete.",
               func="_wait_for_registration")
        response = {"ProgressStatus": "COMPLETE", "Description": "Deployment is currently in DEPLOY_STAGE of status "
                    "COMPLETED", "TypeArn": arn, "TypeVersionArn": f"{arn}/00000012",
                    "ResponseMetadata": {"RequestId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "HTTPStatusCode": 200,
                                         "HTTPHeaders": {"x-amzn-requestid": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                                                         "content-type": "text/xml", "content-length": "631",
                                                         "date": "Sat, 11 May 2024 14:44:58 GMT"},
                                         "RetryAttempts": 0}}
        log_at(project, logging.WARNING, "rpdk/core/project.py:1266", response, func="_wait_for_registration")
        log_at(project, logging.WARNING, "rpdk/core/project.py:1277", "Set default version to '%s",
               f"{arn}/00000012", func="_wait_for_registration")
        log_at(cli, logging.DEBUG, "rpdk/core/cli.py:101", "Finished %s", "submit", func="main")

    container(stream, "Running command tail -F rpdk.log &")
    container(stream, "Running command cfn submit --set-default --region "
            "us-east-1")
    submit(0, "8e4c1f2a-6b3d-4e5f-a7c8-9d0e1f2a3b4c", False)
    # taskcat tests the templates that use the new type.
    container(stream, "Running command taskcat test run --minimal-output")
    record_at(tc.log, logging.INFO, "taskcat/_cli.py:88", f"{TASKCAT_BANNER}\n", func="_welcome",
              extra={"nametag": ""})
    record_at(tc.log, logging.INFO, "taskcat/_cli.py:75", "version %s" % "0.9.57", func="check_for_update",
              extra={"nametag": ""})
    for name in ("templates/prefix-list.template.yaml", "templates/vpc-endpoints.template.yaml"):
        log_at(lint, logging.INFO, "taskcat/_cfn_lint.py:153", f"Linting passed for file: {name}",
               func="output_results")
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:155", "---", func="output_results")
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:156", "Linting detected issues in: "
           "templates/main.template.yaml", func="output_results")
    prefix = "    line 112 [3005] [Check DependsOn values for Resources] "
    indent = "\n" + " " * (2 + len(prefix))
    text = ("Obsolete DependsOn on resource (PrefixListEntryA), dependency already enforced by a \"Ref\" at "
            "Resources/PrefixListEntryB/Properties/PrefixListId/Ref")
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:195", prefix + indent.join(
        textwrap.wrap(text, 141 - (len(indent) + 11))), func="_format_message")
    prefix = "    line 40 [2001] [Check if Parameters are Used] "
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:195", prefix + "Parameter QSS3KeyPrefix not used.",
           func="_format_message")
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:155", "---", func="output_results")
    log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:156", "Linting detected issues in: "
           "templates/shared-vpc.template.yaml", func="output_results")
    for line, code, short, text in [
            (57, "3011", "Check resources with updatereplace/deletionpolicy have both", "Both UpdateReplacePolicy and "
             "DeletionPolicy are needed to protect Resources/SharedPrefixList from deletion"),
            (88, "1030", "Instance types should be valid for the region", "Parameter default m5.large is not one of "
             "the allowed values for Resources/SeedFunction/Properties/MemorySize")]:
        prefix = f"    line {line} [{code}] [{short}] "
        indent = "\n" + " " * (2 + len(prefix))
        log_at(lint, logging.WARNING, "taskcat/_cfn_lint.py:195", prefix + indent.join(
            textwrap.wrap(text, 141 - (len(indent) + 11))), func="_format_message")
    bucket = "tcat-acme-network-prefixlistentry-5c2e8f1a"
    for n, key in enumerate(["templates/main.template.yaml", "templates/prefix-list.template.yaml",
                             "templates/vpc-endpoints.template.yaml", "templates/shared-vpc.template.yaml",
                             "ci/taskcat_default.json", "ci/shared-vpc-params.json", "ci/taskcat_override.json",
                             "functions/packages/SeedEntries/lambda.zip", "functions/source/SeedEntries/app.py",
                             "functions/source/SeedEntries/requirements.txt", "scripts/seed_entries.py",
                             "docs/images/architecture.png", ".taskcat.yml"]):
        in_thread("ThreadPoolExecutor-0_%d" % (n % 4), lambda key=key: record_at(
            s3_sync, logging.INFO, "taskcat/_s3_sync.py:223", f"s3://{bucket}/acme-network-prefixlistentry/{key}",
            func="_s3_upload_file", extra={"nametag": PrintMsg.S3}))
    tests = [("default", "us-east-1"), ("default", "us-west-2"), ("shared-vpc", "us-east-1")]
    for status in ("CREATE_IN_PROGRESS", "CREATE_COMPLETE"):
        for test, region in tests:
            if status == "CREATE_COMPLETE" and test == "shared-vpc":
                log_at(tui, logging.ERROR, "taskcat/_tui.py:53", f"{test} {region} CREATE_FAILED",
                       func="_print_tree_minimal")
                for logical_id, reason in [
                        ("PrefixListEntryA", "Resource handler returned message: \"The maximum number of entries "
                         "for prefix list pl-0a1b2c3d4e5f67890 has been reached (Service: Ec2, Status Code: 400, "
                         "Request ID: 3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7)\" (RequestToken: 9f8e7d6c-5b4a-4392-"
                         "8172-6a5b4c3d2e1f, HandlerErrorCode: ServiceLimitExceeded)"),
                        ("tCaT-acme-network-prefixlistentry-shared-vpc-5c2e8f1a", "The following resource(s) "
                         "failed to create: [PrefixListEntryA]. Rollback requested by user.")]:
                    log_at(tui, logging.ERROR, "taskcat/_tui.py:55", f"    {logical_id} {reason}",
                           func="_print_tree_minimal")
                continue
            log_at(tui, logging.INFO, "taskcat/_tui.py:57", f"{test} {region} {status}", func="_print_tree_minimal")
    for test, region in tests:
        log_at(reports, logging.INFO, "taskcat/_generate_reports.py:116", "Reporting on arn:aws:cloudformation:%s:"
               "210987654321:stack/tCaT-acme-network-prefixlistentry-%s-5c2e8f1a/%s" % (
                   region, test, "1a2b3c4d-0e9f-11ef-8a7b-%012x" % (len(test) * 1117 + len(region))),
               func="create_html")
    for status in ("DELETE_IN_PROGRESS", "DELETE_COMPLETE"):
        for test, region in tests:
            log_at(tui, logging.INFO, "taskcat/_tui.py:57", f"{test} {region} {status}", func="_print_tree_minimal")
    for n, key in enumerate(["templates/main.template.yaml", "ci/taskcat_default.json"]):
        record_at(s3_sync, logging.INFO, "taskcat/_s3_sync.py:171",
                  f"s3://{bucket}/acme-network-prefixlistentry/acme-network-prefixlistentry/{key}",
                  func="_sync", extra={"nametag": PrintMsg.S3DELETE})
    log_at(tc.log, logging.ERROR, "taskcat/_cli.py:64", "One or more stacks failed to create: ['arn:aws:"
           "cloudformation:us-east-1:210987654321:stack/tCaT-acme-network-prefixlistentry-shared-vpc-5c2e8f1a/"
           "1a2b3c4d-0e9f-11ef-8a7b-%012x']" % (len("shared-vpc") * 1117 + len("us-east-1")), func="main")
    container(stream, "Command did not exit successfully taskcat test run "
            "--minimal-output exit status 1")
    # The fix, and the type's next version: the handler package was empty.
    container(stream, "Running command cfn submit --set-default --region "
            "us-east-1")
    submit(1, "2b7d9e1f-3c4a-4b5d-8e6f-7a8b9c0d1e2f", True)
    return {"name": "cfn-taskcat", "programs": [cfn, console, tc], "records": stream, "auto": False}


def read_replica_crash():
    """The traceback pg_chameleon's read process puts on its queue
    (traceback.format_exc()) when MySQL drops the binlog stream."""

    def read_replica():
        raised("pymysql.err", "OperationalError", "(2013, 'Lost connection to MySQL server during query "
               "([Errno 104] Connection reset by peer)')")

    try:
        read_replica()
    except Exception:
        return traceback.format_exc()


def stream_pgchameleon_pgsync():
    stream = []
    ch = Program("pg_chameleon", "global", logging.Formatter(PGCHAMELEON, PGCHAMELEON_DATEFMT), stream)
    proc = Set(processName="MainProcess")
    ch.handler.addFilter(proc)
    read = ch.logger("read")
    replay = ch.logger("replay")
    ps = Program("pgsync", "pgsync.utils", logging.Formatter(PGSYNC, PGSYNC_DATEFMT), stream)
    sync = ps.logger("pgsync.sync")
    search = ps.logger("pgsync.search_client")
    source = "mysql"
    gl = "pg_chameleon/lib/global_lib.py"
    my = "pg_chameleon/lib/mysql_lib.py"
    pg = "pg_chameleon/lib/pg_lib.py"

    def as_proc(name, log, level, where, msg, *args, func=None):
        proc.values.update(processName=name)
        log_at(log, level, where, msg, *args, func=func)
        proc.values.update(processName="MainProcess")

    def chameleon_start():
        log_at(ch.log, logging.INFO, f"{gl}:655", "Checking if the replica for source %s is stopped " % source,
               func="start_replica")
        log_at(ch.log, logging.INFO, f"{gl}:665", "Cleaning not processed batches for source %s" % source,
               func="start_replica")
        log_at(ch.log, logging.INFO, f"{gl}:593", "Starting the replica daemons for source %s " % source,
               func="__run_replica")

    def pgsync_settings():
        hl, end = "\033[4m", "\033[0m:"
        for where, line in [("130", f"{hl}Settings{end}"), ("131", f'{"Schema":<10s}: /app/schema.json'),
                            ("132", "-" * 65), ("133", f"{hl}Checkpoint{end}"), ("134", "Path: ./"),
                            ("135", f"{hl}Database{end}"),
                            ("143", "URL: postgresql://pgsync:***************@shop-replica.cluster-c1a2b3d4e5f6."
                                    "us-east-1.rds.amazonaws.com:5432/postgres"),
                            ("147", f"{hl}OpenSearch{end}"),
                            ("150", "URL: https://vpc-shop-search-7x2k4m9q1w3e5r7t9y.us-east-1.es.amazonaws.com:443"),
                            ("151", f"{hl}Redis{end}"),
                            ("156", "URL: rediss://:********************************@master.pgsync-queue.a1b2c3."
                                    "use1.cache.amazonaws.com:6379/0"),
                            ("157", "-" * 65), ("159", f"{hl}Replication slots{end}"), ("177", "-" * 65)]:
            log_at(ps.log, logging.INFO, f"pgsync/utils.py:{where}", line, func="show_settings")

    counts = {"xlog": 0, "db": 48113, "search": 48113}

    def status(label="Sync"):
        printed(stream, f"{label} shop:products Xlog: [{counts['xlog']:,}] => Db: [{counts['db']:,}] => "
                f"Redis: [0] => OpenSearch: [{counts['search']:,}]...")

    def flush(groups, lsn):
        total = sum(size for _, _, size in groups)
        log_at(sync, logging.INFO, "pgsync/sync.py:1985", f"flushing buffer with {total} docs", func="_flush_buffer")
        for op, tbl, size in groups:
            log_at(sync, logging.INFO, "pgsync/sync.py:1992", f"bulk group op={op} tbl={tbl} size={size}",
                   func="_flush_buffer")
        log_at(sync, logging.INFO, "pgsync/sync.py:1997", f"sending bulk of {total} docs", func="_flush_buffer")
        counts["xlog"] += total
        counts["search"] += sum(size for op, _, size in groups if op == "INSERT")
        log_at(sync, logging.INFO, "pgsync/sync.py:2000", f"sent bulk of {total} docs", func="_flush_buffer")
        log_at(sync, logging.INFO, "pgsync/sync.py:2013", f"sent feedback flush_lsn=P{lsn}", func="_flush_buffer")

    chameleon_start()
    pgsync_settings()
    log_at(sync, logging.INFO, "pgsync/sync.py:2092", "Starting logical replication stream (test_decoding)...",
           func="_logical_replication")
    status()
    lsn = 91245708
    binlog = ["mysql-bin-changelog.018422", 157]
    for batch in range(6):
        as_proc("read_replica", read, logging.DEBUG, f"{my}:1288", "GTID DISABLED - log_file %s, log_position %s. "
                "id_batch: %s " % (binlog[0], binlog[1], 3310 + batch), func="__read_replica_stream")
        if batch == 1:
            as_proc("read_replica", read, logging.DEBUG, f"{my}:1302", "ROTATE EVENT - binlogfile %s, position %s. "
                    % ("mysql-bin-changelog.018423", 4), func="__read_replica_stream")
            binlog = ["mysql-bin-changelog.018423", 4]
        if batch == 3:
            ddl = ("ALTER TABLE `shop`.`products` ADD COLUMN `discontinued_at` datetime NULL DEFAULT NULL AFTER "
                   "`updated_at`")
            as_proc("read_replica", read, logging.INFO, f"{my}:1339", "QUERY EVENT - binlogfile %s, position %s.\n"
                    "--------\n%s\n-------- " % (binlog[0], binlog[1] + 1204, ddl), func="__read_replica_stream")
        rows = 3000 if batch in (2, 4) else 40 + batch * 7
        if rows == 3000:
            as_proc("read_replica", read, logging.INFO, f"{my}:1481", "Max rows per batch reached. Writing %s. rows. "
                    "Size in bytes: %s " % (rows, 1398221 + batch), func="__read_replica_stream")
            as_proc("read_replica", read, logging.DEBUG, f"{my}:1482", "Master coordinates: %s" % (
                [{"File": binlog[0], "Position": binlog[1] + 88213, "Binlog_Do_DB": "", "Binlog_Ignore_DB": "",
                  "Executed_Gtid_Set": ""}],), func="__read_replica_stream")
        else:
            as_proc("read_replica", read, logging.DEBUG, f"{my}:1492", "writing the last %s events" % rows,
                    func="__read_replica_stream")
        as_proc("read_replica", read, logging.DEBUG, f"{my}:1539", "new batch created, saving id_batch %s in class "
                "variable" % (3311 + batch), func="read_replica")
        as_proc("read_replica", read, logging.DEBUG, f"{my}:1544", "updating processed flag for id_batch %s",
                3311 + batch, func="read_replica")
        binlog[1] += 90000
        as_proc("replay_replica", replay, logging.INFO, f"{pg}:1225", "Replayed at most %s rows for source %s" % (
            10000, source), func="replay_replica")
        log_at(ch.log, logging.DEBUG, f"{gl}:602", "Replica process for source %s is running" % source,
               func="__run_replica")
        # pgsync sees the replayed rows in the WAL.
        lsn += 48211 + batch * 311
        if rows == 3000:
            flush([("INSERT", "products", 1844), ("UPDATE", "products", 1156)], lsn)
        else:
            flush([("UPDATE", "products", rows)], lsn)
        status()
        status()
        if batch == 4:
            info = {"index": {"_index": "products", "_id": "prd_88213", "status": 400, "error": {
                "type": "mapper_parsing_exception", "reason": "failed to parse field [discontinued_at] of type "
                "[date] in document with id 'prd_88213'. Preview of field's value: '0000-00-00 00:00:00'",
                "caused_by": {"type": "illegal_argument_exception", "reason": "failed to parse date field "
                              "[0000-00-00 00:00:00] with format [strict_date_optional_time||epoch_millis]"}}}}
            log_at(search, logging.ERROR, "pgsync/search_client.py:205", f"Document failed to index: {info}",
                   func="_bulk")
    # MySQL's failover drops the binlog stream: the read process dies.
    stack = read_replica_crash()
    log_at(ch.log, logging.ERROR, f"{gl}:609", "Read process alive: %s - Replay process alive: %s" % (False, True),
           func="__run_replica")
    log_at(ch.log, logging.ERROR, f"{gl}:610", "Stack trace: %s" % (stack,), func="__run_replica")
    log_at(ch.log, logging.ERROR, f"{gl}:616", "Read daemon crashed. Terminating the replay daemon.",
           func="__run_replica")
    log_at(ch.log, logging.INFO, f"{gl}:641", "Replica process for source %s ended" % source, func="__run_replica")
    status()
    status()
    # The task restarts.
    chameleon_start()
    as_proc("read_replica", read, logging.WARNING, f"{my}:1514", "Couldn't connect to the source database for reading "
            "the replica. Ignoring.", func="read_replica")
    as_proc("read_replica", read, logging.DEBUG, f"{my}:1288", "GTID DISABLED - log_file %s, log_position %s. "
            "id_batch: %s " % (binlog[0], binlog[1], 3317), func="__read_replica_stream")
    as_proc("read_replica", read, logging.INFO, f"{my}:1357", "CONSISTENT POINT FOR TABLE %s REACHED  - binlogfile "
            "%s, position %s" % ("`shop`.`products`", binlog[0], binlog[1]), func="__read_replica_stream")
    as_proc("replay_replica", replay, logging.INFO, f"{pg}:1225", "Replayed at most %s rows for source %s" % (
        10000, source), func="replay_replica")
    lsn += 61002
    flush([("UPDATE", "products", 212), ("DELETE", "products", 3)], lsn)
    status()
    try:
        error(ValueError, "Unknown data type: 'numeric[]'")
    except ValueError:
        log_at(sync, logging.ERROR, "pgsync/sync.py:2066", "Error parsing row: table public.products: UPDATE: "
               "id[integer]:88213 tags[numeric[]]:'{1,2}'", exc_info=True, func="consume")
    log_at(ch.log, logging.INFO, f"{gl}:881", "Starting the maintenance on the source %s" % source,
           func="__run_replica")
    for table in ("t_log_replica_mysql_1", "t_log_replica_mysql_2"):
        log_at(ch.log, logging.INFO, f"{pg}:1152", "Running VACUUM on the table %s" % table, func="run_maintenance")
    status()
    return {"name": "pgchameleon-pgsync", "programs": [ch, ps], "records": stream, "auto": False}


SNS_CLOUDWATCH = {
    "Type": "Notification", "MessageId": "6f8e2a1c-3b4d-5e6f-7a8b-9c0d1e2f3a4b",
    "TopicArn": "arn:aws:sns:us-east-1:210987654321:alerta-cloudwatch",
    "Subject": "ALARM: \"orders-api-5xx\" in US East (N. Virginia)",
    "Message": "{\"AlarmName\":\"orders-api-5xx\",\"NewStateValue\":\"ALARM\",\"NewStateReason\":\"Threshold Crossed: "
               "1 datapoint [41.0 (11/05/24 14:43:00)] was greater than the threshold (25.0).\",\"StateChangeTime\":"
               "\"2024-05-11T14:44:10.511+0000\",\"Region\":\"US East (N. Virginia)\",\"Trigger\":{\"MetricName\":"
               "\"HTTPCode_Target_5XX_Count\",\"Namespace\":\"AWS/ApplicationELB\"}}",
    "Timestamp": "2024-05-11T14:44:10.561Z", "SignatureVersion": "1",
}


def stream_alerta_mongo_connector():
    stream = []
    al = Program("alerta", "alerta.app", logging.Formatter(ALERTA), stream)
    ctx = AlertaContext()
    al.handler.addFilter(ctx)
    plugins = al.logger("alerta.plugins")
    mc = Program("mongo-connector", "mongo_connector.connector", logging.Formatter(MONGO_CONNECTOR), stream)
    oplog = mc.logger("mongo_connector.oplog_manager")
    logging.addLevelName(60, "ALWAYS")
    ALWAYS = 60
    conn = "mongo_connector/connector.py"
    om = "mongo_connector/oplog_manager.py"
    replset = "rs0"
    client = ("MongoClient(host=['alerta-docdb.cluster-c1a2b3d4e5f6.us-east-1.docdb.amazonaws.com:27017'], "
              "document_class=dict, tz_aware=False, connect=True, replicaset='rs0', ssl=True, "
              "ssl_ca_certs='/etc/ssl/certs/global-bundle.pem', readpreference='secondaryPreferred')")

    def request(method, path, status, length, body="", user="-", endpoint="api.receive", ip="10.0.3.41", n=0):
        ctx.request = {"request_id": "3f1c%04x-8a2b-4c5d-9e6f-%012x" % (n, 0x7a8b9c0d1e2f + n),
                       "endpoint": endpoint, "method": method, "url": "http://alerta.internal:8080%s" % path,
                       "reqargs": "ImmutableMultiDict([])", "data": body, "remote_addr": ip, "user": user}
        return lambda: (log_at(al.log, logging.INFO, "alerta/utils/logging.py:134", f'"{method} {path} HTTP/1.1" '
                               f'{status} {length}', func="log_response"), setattr(ctx, "request", None))

    def transition(alert_status, previous, current, prev_status, n):
        log_at(al.log, logging.INFO, "alerta/models/alarms/alerta.py:125",
               'State Transition: Rule #{} STATE={:8s} ACTION={:8s} SET={:8s} '
               'SEVERITY={:13s}-> {:8s} HISTORY={:8s}-> {:8s} => SEVERITY={:8s}, STATUS={:8s}'.format(
                   n, alert_status, '', alert_status, previous, current, prev_status, alert_status, current,
                   alert_status), func="next_state")

    with pid(38):
        for name in ("remote_ip", "reject", "heartbeat", "blackout"):
            log_at(plugins, logging.INFO, "alerta/utils/plugin.py:47", f"Server plugin '{name}' loaded.",
                   func="register")
        log_at(plugins, logging.INFO, "alerta/utils/plugin.py:50", "All server plugins enabled: remote_ip, reject, "
               "heartbeat, blackout", func="register")
        log_at(plugins, logging.INFO, "alerta/utils/plugin.py:61", "No plugin routing rules found. All plugins will "
               "be evaluated.", func="register")
        for name in ("cloudwatch", "grafana", "prometheus", "pingdom"):
            log_at(al.log, logging.INFO, "alerta/utils/webhook.py:36", f"Server webhook '{name}' loaded.",
                   func="register")
    with pid(7):
        log_at(mc.log, ALWAYS, f"{conn}:1375", "Starting mongo-connector version: %s", "3.1.1",
               func="log_startup_info")
        log_at(mc.log, ALWAYS, f"{conn}:1380", "Python version: %s", "3.7.17 (default, Jun 13 2023, 16:21:31) \n"
               "[GCC 12.2.0]", func="log_startup_info")
        log_at(mc.log, ALWAYS, f"{conn}:1381", "Platform: %s", "Linux-5.10.215-203.850.amzn2.x86_64-x86_64-with-"
               "debian-12.5", func="log_startup_info")
        log_at(mc.log, ALWAYS, f"{conn}:1386", "pymongo version: %s", "3.12.3", func="log_startup_info")

        def connector():
            log_at(mc.log, ALWAYS, f"{conn}:354", "Source MongoDB version: %s", "4.0.0", func="run")
            log_at(mc.log, ALWAYS, f"{conn}:367", "Target DocManager: %s version: %s",
                   "mongo_connector.doc_managers.elastic2_doc_manager", "1.0.0", func="run")
            log_at(mc.log, logging.INFO, f"{conn}:283", "MongoConnector: Empty oplog progress file.",
                   func="read_oplog_progress")
            log_at(mc.log, logging.INFO, f"{conn}:402", "MongoConnector: Starting connection thread %s" % client,
                   func="run")

        in_thread("Thread-1", connector)

        def oplog_start():
            log_at(oplog, logging.INFO, f"{om}:137", "OplogThread: Initializing oplog thread", func="__init__")
            log_at(oplog, logging.DEBUG, f"{om}:214", "OplogThread: Run thread started", func="run")
            log_at(oplog, logging.DEBUG, f"{om}:216", "OplogThread: Getting cursor", func="run")
            log_at(oplog, logging.DEBUG, f"{om}:570", "OplogThread: Dumping set of collections %s " %
                   ["monitoring.alerts", "monitoring.heartbeats", "monitoring.blackouts"], func="dump_collection")
            log_at(oplog, logging.DEBUG, f"{om}:665", "OplogThread: Using bulk upsert function for collection dump",
                   func="do_dump")
            for coll, total in (("monitoring.alerts", 18342), ("monitoring.heartbeats", 96),
                                ("monitoring.blackouts", 4)):
                log_at(oplog, logging.INFO, f"{om}:646", "Bulk upserting approximately %d docs from collection '%s'",
                       total, coll, func="upsert_all")

        in_thread("Thread-2", oplog_start)
    alert_ids = ["5b2f4c1e-8d3a-4f6b-9c7e-%012x" % (0x1a2b3c4d5e6f + n) for n in range(6)]

    def oplog_entries(ops, checkpoint):
        def run():
            log_at(oplog, logging.DEBUG, f"{om}:239", "OplogThread: about to process new oplog entries", func="run")
            log_at(oplog, logging.DEBUG, f"{om}:241", "OplogThread: Cursor is still alive and thread is still "
                   "running.", func="run")
            for n, op in enumerate(ops):
                log_at(oplog, logging.DEBUG, f"{om}:250", "OplogThread: Iterating through cursor, document number in "
                       "this cursor is %d" % n, func="run")
                log_at(oplog, logging.DEBUG, f"{om}:269", "OplogThread: Operation for this entry is %s" % op,
                       func="run")
                log_at(oplog, logging.DEBUG, f"{om}:325", "OplogThread: Doc is processed.", func="run")
            log_at(oplog, logging.DEBUG, f"{om}:337", "OplogThread: updating checkpoint after processing new oplog "
                   "entries", func="run")
            log_at(oplog, logging.DEBUG, f"{om}:854", "OplogThread: oplog checkpoint updated to %s",
                   Shown("Timestamp(%d, %d)" % checkpoint), func="update_checkpoint")
        with pid(7):
            in_thread("Thread-2", run)

    for n in range(8):
        with pid(38):
            done = request("POST", "/api/webhooks/cloudwatch", 201, 1873, json.dumps(SNS_CLOUDWATCH), n=n,
                           endpoint="webhooks.cloudwatch", ip="10.0.2.%d" % (17 + n))
            headers = ("Host: alerta.internal:8080\r\nUser-Agent: Amazon Simple Notification Service Agent\r\n"
                       "Content-Length: %d\r\nContent-Type: text/plain; charset=UTF-8\r\nX-Amz-Sns-Message-Type: "
                       "Notification\r\nX-Amz-Sns-Topic-Arn: arn:aws:sns:us-east-1:210987654321:alerta-cloudwatch"
                       "\r\n\r\n" % len(json.dumps(SNS_CLOUDWATCH)))
            log_at(al.log, logging.INFO, "alerta/webhooks/__init__.py:19", 'Webhook Request:\n{} {}\n\n{}{}'.format(
                "POST", "http://alerta.internal:8080/api/webhooks/cloudwatch", headers, json.dumps(SNS_CLOUDWATCH)),
                func="before_request")
            if n == 2:
                log_at(plugins, logging.WARNING, "alerta/plugins/reject.py:32", "[POLICY] Alert environment does not "
                       "match one of %s", "Production, Development", func="pre_receive")
                ctx.request = None
                with pid(38):
                    request("POST", "/api/webhooks/cloudwatch", 403, 98, n=n)()
                continue
            transition("open", "normal" if n == 0 else "major", "major" if n % 2 == 0 else "critical",
                       "closed" if n == 0 else "open", 1 if n == 0 else 4)
            done()
        if n in (0, 5):
            oplog_entries(["i", "u"] if n == 0 else ["u"], (1715438690 + n * 3, n + 1))
    with pid(7):
        in_thread("Thread-3", lambda: log_at(oplog, logging.INFO, f"{om}:61", "OplogThread for replica set '%s' is %s "
                                             "seconds behind the oplog.", replset, 2, func="log_replication_lag"))
    for n in range(6):
        with pid(38):
            request("POST", "/api/heartbeat", 201, 412, '{"origin": "alerta-heartbeat/ecs", "timeout": 120}', n=10 + n,
                    endpoint="api.create_heartbeat", ip="10.0.2.31")()
            request("GET", "/api/alerts?status=open&status=ack&sort-by=lastReceiveTime", 200, 48213, n=20 + n,
                    endpoint="api.search_alerts", user="oncall@acme.example", ip="10.0.1.8")()
    oplog_entries(["u", "u"], (1715438727, 1))
    # DocumentDB fails over: the writer moves.
    with pid(7):
        def reconnect():
            try:
                raised("pymongo.errors", "AutoReconnect", "alerta-docdb.cluster-c1a2b3d4e5f6.us-east-1.docdb.amazonaws"
                       ".com:27017: [Errno 104] Connection reset by peer")
            except Exception:
                log_at(oplog, logging.ERROR, f"{om}:348", "Cursor closed due to an exception. Will attempt to "
                       "reconnect.", exc_info=True, func="run")
            log_at(oplog, logging.DEBUG, f"{om}:362", "OplogThread: Sleeping. Documents removed: %d, upserted: %d, "
                   "updated: %d" % (0, 1, 8), func="run")
        in_thread("Thread-2", reconnect)
    with pid(38):
        request("POST", "/api/alert", 500, 152, '{"resource": "orders-api", "event": "HTTP5xx", "environment": '
                '"Production", "severity": "major", "service": ["Orders"]}', n=30, endpoint="api.receive",
                ip="10.0.2.19")
        try:
            raised("pymongo.errors", "NotPrimaryError", "not master, full error: {'ok': 0.0, 'code': 10107, "
                   "'errmsg': 'not master', 'operationTime': Timestamp(1715438724, 1)}")
        except Exception as e:
            log_at(al.log, logging.ERROR, "alerta/exceptions.py:126", str(e), exc_info=True, func="handle_exception")
        log_at(al.log, logging.INFO, "alerta/utils/logging.py:134", '"POST /api/alert HTTP/1.1" 500 152',
               func="log_response")
        ctx.request = None
    with pid(7):
        in_thread("Thread-2", lambda: log_at(oplog, logging.DEBUG, f"{om}:216", "OplogThread: Getting cursor",
                                             func="run"))
    oplog_entries(["u"], (1715438731, 2))
    with pid(7):
        in_thread("Thread-3", lambda: log_at(oplog, logging.INFO, f"{om}:76", "OplogThread for replica set '%s' is up "
                                             "to date with the oplog.", replset, func="log_replication_lag"))
    return {"name": "alerta-mongo-connector", "programs": [al, mc], "records": stream, "auto": False}


SQLMAP_BANNER = ["        ___", "       __H__", " ___ ___[)]_____ ___ ___  {1.10.8.52#dev}",
                 "|_ -| . [(]     | .'| . |", "|___|_  [']_|_|_|__,|  _|",
                 "      |_|V...       |_|   https://sqlmap.org"]
SQLMAP_DISCLAIMER = ("[!] legal disclaimer: Usage of sqlmap for attacking targets without prior mutual consent is "
                     "illegal. It is the end user's responsibility to obey all applicable local, state and federal "
                     "laws. Developers assume no liability and are not responsible for any misuse or damage caused "
                     "by this program")


def stream_faraday_sqlmap():
    stream = []
    fd = Program("faraday", "faraday.server.app", logging.Formatter(FARADAY, FARADAY_DATEFMT), stream)
    uploads = fd.logger("faraday.server.api.modules.upload_reports")
    processor = fd.logger("faraday.server.utils.reports_processor")
    bulk = fd.logger("faraday.server.api.modules.bulk_create")
    crontab = fd.logger("faraday.server.threads.crontab")
    sq = Program("sqlmap", "sqlmapLog", logging.Formatter(SQLMAP, SQLMAP_DATEFMT), stream)
    logging.addLevelName(9, "PAYLOAD")
    PAYLOAD = 9
    sq.handler.setLevel(PAYLOAD)
    app = "faraday/server/app.py"
    home = "/home/faraday/.faraday"

    def sqlmap(target, param, injectable, run):
        for line in SQLMAP_BANNER:
            printed(stream, line)
        printed(stream, SQLMAP_DISCLAIMER)
        printed(stream, "[*] starting @ %s" % now("%X /%Y-%m-%d/"))
        log_at(sq.log, logging.INFO, "lib/controller/checks.py:1770", "testing connection to the target URL",
               func="checkConnection")
        log_at(sq.log, logging.INFO, "lib/controller/checks.py:1575", "checking if the target is protected by some "
               "kind of WAF/IPS", func="checkWaf")
        log_at(sq.log, logging.INFO, "lib/controller/checks.py:1464", "testing if the target URL content is stable",
               func="checkStability")
        log_at(sq.log, logging.INFO, "lib/controller/checks.py:1482", "target URL content is stable",
               func="checkStability")
        log_at(sq.log, logging.INFO, "lib/controller/controller.py:734", "GET parameter '%s' appears to be dynamic"
               % param, func="start")
        if injectable:
            log_at(sq.log, logging.INFO, "lib/controller/checks.py:1197", "heuristic (basic) test shows that GET "
                   "parameter '%s' might be injectable (possible DBMS: 'PostgreSQL')" % param,
                   func="heuristicCheckSqlInjection")
        else:
            log_at(sq.log, logging.WARNING, "lib/controller/checks.py:1201", "heuristic (basic) test shows that GET "
                   "parameter '%s' might not be injectable" % param, func="heuristicCheckSqlInjection")
        log_at(sq.log, logging.INFO, "lib/controller/controller.py:753", "testing for SQL injection on GET parameter "
               "'%s'" % param, func="start")
        tests = [("AND boolean-based blind - WHERE or HAVING clause", "%s=7 AND 4412=4412" % param),
                 ("Boolean-based blind - Parameter replace (original value)",
                  "%s=(SELECT (CASE WHEN (4412=4412) THEN 7 ELSE (SELECT 9061 UNION SELECT 2305) END))" % param),
                 ("PostgreSQL AND error-based - WHERE or HAVING clause",
                  "%s=7 AND 8810=CAST((CHR(113)||CHR(120)||CHR(122)||CHR(107)||CHR(113))||(SELECT (CASE WHEN "
                  "(8810=8810) THEN 1 ELSE 0 END))::text||(CHR(113)||CHR(98)||CHR(120)||CHR(118)||CHR(113)) AS "
                  "NUMERIC)" % param),
                 ("PostgreSQL > 8.1 stacked queries (comment)", "%s=7;SELECT PG_SLEEP(5)--" % param),
                 ("PostgreSQL > 8.1 AND time-based blind", "%s=7 AND 5521=(SELECT 5521 FROM PG_SLEEP(5))" % param),
                 ("Generic UNION query (NULL) - 1 to 20 columns", "%s=7 UNION ALL SELECT NULL,NULL,(CHR(113)||"
                  "CHR(120)||CHR(122)||CHR(107)||CHR(113))||(CHR(87)||CHR(81))||(CHR(113)||CHR(98)||CHR(120)||"
                  "CHR(118)||CHR(113))-- -" % param)]
        for n, (title, payload) in enumerate(tests):
            log_at(sq.log, logging.INFO, "lib/controller/checks.py:389", "testing '%s'" % title,
                   func="checkSqlInjection")
            log_at(sq.log, PAYLOAD, "lib/request/connect.py:1287", payload, func="queryPage")
            if n == 0:
                log_at(sq.log, logging.WARNING, "lib/core/common.py:4418",
                       "reflective value(s) found and filtering out", func="removeReflectiveValues")
            if injectable and n == 0:
                log_at(sq.log, logging.INFO, "lib/controller/checks.py:609", "GET parameter '%s' appears to be '%s' "
                       "injectable (with --string=\"%s\")" % (param, title, "Pending"), func="checkSqlInjection")
        if not injectable:
            log_at(sq.log, logging.WARNING, "lib/controller/controller.py:802", "GET parameter '%s' does not seem to "
                   "be injectable" % param, func="start")
            log_at(sq.log, logging.CRITICAL, "lib/controller/controller.py:887", "all tested parameters do not appear "
                   "to be injectable. Try to increase values for '--level'/'--risk' options if you wish to perform "
                   "more tests", func="start")
        else:
            printed(stream, "sqlmap identified the following injection point(s) with a total of %d HTTP(s) requests:"
                    % (61 + run))
            for line in ["---", "Parameter: %s (GET)" % param, "    Type: boolean-based blind",
                         "    Title: AND boolean-based blind - WHERE or HAVING clause",
                         "    Payload: %s=7 AND 4412=4412" % param, "---"]:
                printed(stream, line)
            log_at(sq.log, logging.INFO, "lib/core/session.py:38", "the back-end DBMS is PostgreSQL",
                   func="setDbms")
            printed(stream, "back-end DBMS: PostgreSQL")
            log_at(sq.log, logging.INFO, "lib/controller/controller.py:952", "fetched data logged to text files "
                   "under '%s'" % "/root/.local/share/sqlmap/output/%s" % target, func="start")
        printed(stream, "[*] ending @ %s" % now("%X /%Y-%m-%d/"))

    with pid(311):
        log_at(fd.log, logging.INFO, f"{app}:663", "Celery not enabled ...", func="create_app")
        log_at(fd.log, logging.INFO, f"{app}:664", "Starting reports processor background task ...",
               func="create_app")
        in_thread("Thread-2", lambda: log_at(crontab, logging.INFO, "faraday/server/threads/crontab.py:53",
                                             "Crontab Thread [Start]", func="run"))
        in_thread("Thread-2", lambda: log_at(crontab, logging.DEBUG, "faraday/server/threads/crontab.py:42",
                                             "Look for scheduled jobs..", func="run_jobs"))

        def schedules():
            for agent, cron in ((3, "0 2 * * *"), (4, "30 */6 * * *")):
                log_at(crontab, logging.INFO, "faraday/server/threads/crontab.py:88",
                       f"Loaded schedule for agent {agent} [{cron}]", func="load_schedules")
            log_at(crontab, logging.DEBUG, "faraday/server/threads/crontab.py:79", "Active jobs: ['3', '4'] - Delete "
                   "jobs: []", func="load_schedules")
            log_at(crontab, logging.WARNING, "faraday/server/threads/crontab.py:133", "Timezone not set for schedule "
                   "4. This will be deprecated soon.", func="next_run")
            log_at(crontab, logging.DEBUG, "faraday/server/threads/crontab.py:150", "Job 4 will run in "
                   "2024-05-11 18:30:00+00:00", func="next_run")
        in_thread("Thread-2", schedules)
        log_at(fd.log, logging.INFO, f"{app}:378", "User [%s] logged in from IP [%s] at [%s]" % (
            "ci-scanner", "10.0.3.15", now("%Y-%m-%d %H:%M:%S") + ".921337"), func="user_logged_in_successful")
    for run, (target, param, injectable) in enumerate([("orders.staging.acme.example", "id", True),
                                                       ("catalog.staging.acme.example", "sku", False)]):
        sqlmap(target, param, injectable, run)
        with pid(311):
            path = f"{home}/uploaded_reports/{'K4Q9Z1M8X2B7C3D6E'[run:run + 12]}_sqlmap-{target.split('.')[0]}.log"
            log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:70", "Importing new plugin "
                   "report in server...", func="file_upload")
            log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:145",
                   f"Get plugin for file: {path}", func="file_upload")
            log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:153",
                   f"Plugin for file: {path} Plugin: sqlmap", func="file_upload")

            def process():
                log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:44",
                       f"Processing raw report {path} with background task ", func="reports_manager_background_task")
                log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:101",
                       "Reports Manager: [Custom plugins folder: [None][Ignore info severity: True][Hostname "
                       "resolution: False][Vuln tag: None][Host tag: None][Service tag: None][Min severity: None]"
                       "[Max severity: None]]", func="process_report")
                log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:113",
                       f"Processing report [{path}] with plugin [sqlmap]", func="process_report")
                log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:75",
                       "Send Report data to workspace [%s]", "staging-dast", func="send_report_data")
                log_at(bulk, logging.INFO, "faraday/server/api/modules/bulk_create.py:287", "Init bulk create process",
                       func="bulk_create")
                log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:355", "Trying to create host...",
                       func="_create_host")
                log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:384",
                       "Needs to create 1 services...", func="_create_host")
                if injectable:
                    vuln = {"name": "Blind SQL injection vulnerability", "desc": "SQL injection on GET parameter "
                            "'id' (boolean-based blind)", "severity": "high", "type": "VulnerabilityWeb",
                            "method": "GET", "path": "/api/orders", "pname": "id",
                            "data": "Payload: id=7 AND 4412=4412", "refs": ["CWE-89"],
                            "website": "https://orders.staging.acme.example"}
                    log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:394",
                           "Needs to create 1 vulns...", func="_create_host")
                    log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:397",
                           "Creating vulnerability ", func="_create_host")
                    log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:398", vuln,
                           func="_create_host")
                log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:419",
                       f"Host vulnerabilities creation took {0.118213 + run / 7}.", func="_create_host")
                log_at(bulk, logging.DEBUG, "faraday/server/api/modules/bulk_create.py:424",
                       f"Create host took {0.402117 + run / 5}", func="_create_host")
            in_thread("Dummy-3", process)
    with pid(311):
        # A report that the sqlmap plugin can't parse: sqlmap stopped on a
        # connection error and wrote a truncated log.
        path = f"{home}/uploaded_reports/ZP3R8T1W6Y2U_sqlmap-payments.log"
        log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:70", "Importing new plugin report "
               "in server...", func="file_upload")
        log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:145",
               f"Get plugin for file: {path}", func="file_upload")
        log_at(uploads, logging.INFO, "faraday/server/api/modules/upload_reports.py:153",
               f"Plugin for file: {path} Plugin: sqlmap", func="file_upload")

        def bad():
            log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:44",
                   f"Processing raw report {path} with background task ", func="reports_manager_background_task")
            log_at(processor, logging.INFO, "faraday/server/utils/reports_processor.py:113",
                   f"Processing report [{path}] with plugin [sqlmap]", func="process_report")
            try:
                error(IndexError, "list index out of range")
            except IndexError as e:
                log_at(processor, logging.ERROR, "faraday/server/utils/reports_processor.py:119",
                       f"Processing Error: {e}", func="process_report")
                log_at(processor, logging.ERROR, "faraday/server/utils/reports_processor.py:120", e, exc_info=True,
                       func="process_report")
        in_thread("Dummy-3", bad)
        log_at(fd.log, logging.WARNING, f"{app}:697", "Invalid Login - User [ci-scanner] from IP [10.0.3.16] at "
               "[%s.118244]" % now("%Y-%m-%d %H:%M:%S"), func="validate")
        log_at(fd.log, logging.INFO, f"{app}:290", "idle session timed out", func="load_user_from_request")
    return {"name": "faraday-sqlmap", "programs": [fd, sq], "records": stream, "auto": False}


ESPNET_MODEL = """Model structure:
ESPnetASRModel(
  (frontend): DefaultFrontend(
    (stft): Stft(n_fft=512, win_length=512, hop_length=160, center=True, normalized=False, onesided=True)
    (frontend): Frontend()
    (logmel): LogMel(sr=16000, n_fft=512, n_mels=80, fmin=0, fmax=8000.0, htk=False)
  )
  (specaug): SpecAug(
    (time_warp): TimeWarp(window=5, mode=bicubic)
    (freq_mask): MaskAlongAxis(mask_width_range=[0, 27], num_mask=2, axis=freq)
    (time_mask): MaskAlongAxisVariableMaxWidth(mask_width_ratio_range=[0.0, 0.05], num_mask=10, axis=time)
  )
  (normalize): GlobalMVN(stats_file=exp/asr_stats_raw_en_bpe5000_sp/train/feats_stats.npz, norm_means=True, \
norm_vars=True)
  (encoder): ConformerEncoder(
    (embed): Conv2dSubsampling(
      (conv): Sequential(
        (0): Conv2d(1, 512, kernel_size=(3, 3), stride=(2, 2))
        (1): ReLU()
        (2): Conv2d(512, 512, kernel_size=(3, 3), stride=(2, 2))
        (3): ReLU()
      )
    )
  )
  (decoder): TransformerDecoder(
    (embed): Sequential(
      (0): Embedding(5000, 512)
    )
    (output_layer): Linear(in_features=512, out_features=5000, bias=True)
  )
  (criterion_att): LabelSmoothingLoss(
    (criterion): KLDivLoss()
  )
  (ctc): CTC(
    (ctc_lo): Linear(in_features=512, out_features=5000, bias=True)
    (ctc_loss): CTCLoss()
  )
)

Model summary:
    Class Name: ESPnetASRModel
    Total Number of model parameters: 116.15 M
    Number of trainable parameters: 116.15 M (100.0%)
    Size: 464.6 MB
    Type: torch.float32"""

ESPNET_OPTIMIZER = """Optimizer:
Adam (
Parameter Group 0
    amsgrad: False
    betas: (0.9, 0.98)
    capturable: False
    differentiable: False
    eps: 1e-08
    foreach: None
    fused: None
    initial_lr: 0.0025
    lr: 1e-07
    maximize: False
    weight_decay: 1e-06
)"""


def stream_sagemaker_espnet():
    stream = []
    sm = Program("sagemaker", "sagemaker.config", logging.Formatter(SAGEMAKER_CONFIG), stream)
    # The SDK's other loggers reach the root handler ESPnet made.
    sdk = Program("sagemaker", "sagemaker", logging.Formatter(ESPNET), stream)
    es = Program("espnet", "root", logging.Formatter(ESPNET), stream)
    cfg = "sagemaker/config/config.py"
    utils = "sagemaker/config/config_utils.py"
    trainer = "espnet2/train/trainer.py"
    exp = "exp/asr_train_asr_conformer_raw_en_bpe5000_sp"
    log_at(sm.log, logging.INFO, f"{cfg}:154", "Fetched defaults config from location: %s",
           "s3://acme-ml-platform-config/sagemaker/config.yaml", func="load_sagemaker_config")
    log_at(sm.log, logging.INFO, f"{cfg}:156", "Not applying SDK defaults from location: %s",
           "/root/.config/sagemaker/config.yaml", func="load_sagemaker_config")
    log_at(es.log, logging.INFO, "espnet2/tasks/asr.py:452", "Vocabulary size: 5000 ", func="build_model")
    log_at(es.log, logging.INFO, "espnet2/tasks/abs_task.py:1440", "pytorch.version=2.1.2+cu121, "
           "cuda.available=True, cudnn.version=8902, cudnn.benchmark=False, cudnn.deterministic=True",
           func="main_worker")
    log_at(es.log, logging.INFO, "espnet2/tasks/abs_task.py:1441", ESPNET_MODEL, func="main_worker")
    log_at(es.log, logging.INFO, "espnet2/tasks/abs_task.py:1444", ESPNET_OPTIMIZER, func="main_worker")
    log_at(es.log, logging.INFO, "espnet2/tasks/abs_task.py:1445", "Scheduler: WarmupLR(warmup_steps=25000)",
           func="main_worker")
    log_at(es.log, logging.INFO, "espnet2/tasks/abs_task.py:1454", f"Saving the configuration in {exp}/config.yaml",
           func="main_worker")
    losses = [(221.339, 141.806, 0.054), (118.752, 84.117, 0.312), (61.208, 43.901, 0.611), (44.517, 31.084, 0.702)]
    for epoch in range(1, 6):
        if epoch == 1:
            log_at(es.log, logging.INFO, f"{trainer}:297", f"{epoch}/5epoch started", func="run")
        else:
            left = ["12 hours, 30 minutes and 34.16 seconds", "9 hours, 23 minutes and 1.7 seconds",
                    "6 hours, 15 minutes and 28.04 seconds", "3 hours, 7 minutes and 51.98 seconds"][epoch - 2]
            log_at(es.log, logging.INFO, f"{trainer}:286", f"{epoch}/5epoch started. Estimated time to finish: "
                   f"{left}", func="run")
        for k in range(4):
            ctc, att, acc = losses[k]
            ctc, att = ctc / epoch ** 0.7, att / epoch ** 0.7
            acc = min(0.95, acc + 0.08 * (epoch - 1))
            lo, hi = 1 + k * 2155, (k + 1) * 2155
            log_at(es.log, logging.INFO, f"{trainer}:746", f"{epoch}epoch:train:{lo}-{hi}batch: iter_time=1.412e-04, "
                   f"forward_time=0.151, loss_ctc={ctc:.3f}, loss_att={att:.3f}, acc={acc:.3f}, "
                   f"loss={0.3 * ctc + 0.7 * att:.3f}, backward_time=0.146, grad_norm={156.402 / (k + epoch):.3f}, "
                   f"clip=100.000, loss_scale=1.000, optim_step_time=0.043, "
                   f"optim0_lr0={3.44e-06 * (lo + (epoch - 1) * 8620) / 1000:.3e}, train_time=1.294",
                   func="train_one_epoch")
            if epoch == 2 and k == 1:
                log_at(es.log, logging.WARNING, f"{trainer}:648", "The grad norm is nan. Skipping updating the model.",
                       func="train_one_epoch")
        log_at(es.log, logging.INFO, f"{trainer}:349", f"{epoch}epoch results: [train] iter_time=1.398e-04, "
               f"forward_time=0.150, loss_ctc={44.517 / epoch ** 0.7:.3f}, loss_att={31.084 / epoch ** 0.7:.3f}, "
               f"acc={min(0.968, 0.702 + 0.06 * (epoch - 1)):.3f}, loss={34.114 / epoch ** 0.7:.3f}, "
               f"backward_time=0.145, "
               f"grad_norm=38.517, clip=100.000, loss_scale=1.000, optim_step_time=0.043, "
               f"optim0_lr0={2.965e-04 * epoch:.3e}, train_time=1.289, time=3 hours, 5 minutes and 9.42 seconds, "
               f"total_count={8620 * epoch}, gpu_max_cached_mem_GB=30.896, [valid] loss_ctc={39.105 / epoch:.3f}, "
               f"cer_ctc={0.214 / epoch:.3f}, loss_att={27.812 / epoch:.3f}, "
               f"acc={min(0.961, 0.738 + 0.05 * (epoch - 1)):.3f}, "
               f"cer={0.162 / epoch:.3f}, wer={0.301 / epoch:.3f}, loss={31.200 / epoch:.3f}, "
               f"time=2 minutes and 41.33 seconds, total_count={284 * epoch}, gpu_max_cached_mem_GB=30.896, "
               f"[att_plot] time=4.21 seconds, total_count=0, gpu_max_cached_mem_GB=30.896", func="run")
        log_at(es.log, logging.INFO, f"{trainer}:420", "The best model has been updated: valid.acc, valid.loss",
               func="run")
        if epoch > 1:
            log_at(es.log, logging.INFO, f"{trainer}:470", f"The model files were removed: {exp}/{epoch - 1}epoch.pth",
                   func="run")
    log_at(es.log, logging.INFO, f"{trainer}:446", "The training was finished at 5 epochs ", func="run")
    # The job's entry script: register the model, then transform jobs on
    # the evaluation sets, through the SDK (the platform's config applies).
    model = "espnet-asr-conformer-2024-05-11-15-02-44-118"
    for key in ("SageMaker.Model.ExecutionRoleArn", "SageMaker.Model.VpcConfig",
                "SageMaker.Model.EnableNetworkIsolation"):
        log_at(sm.log, logging.INFO, f"{utils}:78", "Applied value from config key = %s", key,
               func="_log_sagemaker_config_single_substitution")
    log_at(sm.log, logging.INFO, f"{utils}:160", "Applied value(s) from config key = %s", "SageMaker.Model.Tags",
           func="_log_sagemaker_config_merge")
    log_at(sdk.log, logging.INFO, "sagemaker/session.py:3780", "Creating model with name: %s", model,
           func="create_model")
    for key in ("SageMaker.ModelPackage.ValidationSpecification.ValidationRole",
                "SageMaker.ModelPackage.ValidationSpecification.ValidationProfiles.TransformJobDefinition."
                "TransformOutput.KmsKeyId"):
        log_at(sm.log, logging.INFO, f"{utils}:78", "Applied value from config key = %s", key,
               func="_log_sagemaker_config_single_substitution")
    for n, split in enumerate(["test_clean", "test_other", "dev_clean", "dev_other", "callcenter_2024q1",
                               "callcenter_2024q2", "voicemail_2024q1", "voicemail_2024q2"]):
        job = f"espnet-asr-eval-{split.replace('_', '-')}-2024-05-11-18-0{n}-1{n}-{204 + n * 37}"
        for key in ("SageMaker.TransformJob.TransformOutput.KmsKeyId",
                    "SageMaker.TransformJob.TransformResources.VolumeKmsKeyId",
                    "SageMaker.TransformJob.DataCaptureConfig.KmsKeyId"):
            log_at(sm.log, logging.INFO, f"{utils}:78", "Applied value from config key = %s", key,
                   func="_log_sagemaker_config_single_substitution")
        log_at(sm.log, logging.INFO, f"{utils}:160", "Applied value(s) from config key = %s",
               "SageMaker.TransformJob.Tags", func="_log_sagemaker_config_merge")
        log_at(sdk.log, logging.INFO, "sagemaker/transformer.py:721", "Creating transform job with name: %s", job,
               func="submit")
    return {"name": "sagemaker-espnet", "programs": [sm, sdk, es], "records": stream, "auto": False}


def stream_determined_cvat():
    stream = []
    det = Program("determined", "determined", logging.Formatter(DETERMINED), stream)
    core = det.logger("determined.core")
    torch_trial = det.logger("determined.pytorch")
    s3 = det.logger("determined.common.storage.s3")
    cv = Program("cvat", "cvat.server", logging.Formatter(CVAT), stream)
    request = cv.logger("django.request")
    task = "cvat/apps/engine/task.py"
    bucket = "acme-det-checkpoints"
    with pid(35):
        log_at(det.log, logging.INFO, "determined/exec/prep_container.py:412", "Running task container on agent_id="
               "i-0c4d5e6f7a8b9c0d1, hostname=exp-212-trial-418-0-212.2b6f8c1d-3e4a-4b5c-9d6e-7f8a9b0c1d2e.1 with "
               "visible GPUs ['GPU-5e3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c', 'GPU-1f2e3d4c-5b6a-7980-a1b2-c3d4e5f6a7b8']",
               func="do_rendezvous")
    with pid(74):
        log_at(det.log, logging.INFO, "determined/exec/harness.py:184", "Creating _PyTorchTrialController with "
               "DefectClassifierTrial.", func="_run_pytorch_trial")
        log_at(torch_trial, logging.INFO, "determined/pytorch/_pytorch_context.py:662", "Enabling mixed precision "
               "training with opt_level: O1.", func="_configure_apex_amp")
    # CVAT: an annotation team uploads the next batch of images.

    def create_task(tid, size, segment, downloads=()):
        log_at(cv.log, logging.INFO, f"{task}:456", "create task #{}".format(tid), func="_create_thread")
        for url in downloads:
            log_at(cv.log, logging.INFO, f"{task}:282", "Downloading: {}".format(url), func="_download_data")
        for start in range(0, size, segment):
            stop = min(start + segment - 1, size - 1)
            log_at(cv.log, logging.INFO, f"{task}:104", "New segment for task #{}: start_frame = {}, \
            stop_frame = {}".format(tid, start, stop), func="_save_task_to_db")

    with pid(1):
        create_task(64, 2000, 250)
    steps, loss = 0, 0.6931
    for chunk in range(5):
        with pid(74):
            for k in range(2):
                steps += 100
                loss *= 0.83
                metrics = {"loss": round(loss, 4), "train_accuracy": round(0.52 + steps / 2400, 4)}
                log_at(core, logging.INFO, "determined/core/_train.py:146",
                       f"report_training_metrics(steps_completed={steps}, metrics={metrics})",
                       func="report_training_metrics")
                log_at(torch_trial, logging.INFO, "determined/pytorch/_pytorch_trial.py:846",
                       "trained: 3200 records in %.2fs (%.1f records/s), in 100 batches (%.3f batches/s)" % (
                           41.2 + k, 3200 / (41.2 + k), 100 / (41.2 + k)), func="_train_for_step")
            log_at(torch_trial, logging.INFO, "determined/pytorch/_pytorch_trial.py:846",
                   "validated: 10000 records in 18.44s (542.3 records/s), in 313 batches (16.97 batches/s)",
                   func="_validate")
            vmetrics = {"validation_loss": round(loss * 1.1, 4), "validation_accuracy": round(0.5 + steps / 2600, 4)}
            log_at(core, logging.INFO, "determined/core/_train.py:162",
                   f"report_validation_metrics(steps_completed={steps}, metrics={vmetrics})",
                   func="report_validation_metrics")
            storage = "%08x-3e4f-4a5b-8c6d-9e0f1a2b3c4d" % (0x7a5b01c2 + chunk)
            log_at(s3, logging.INFO, "determined/common/storage/s3.py:70", f"Uploading to s3: prefix={storage}",
                   func="upload")
            log_at(core, logging.INFO, "determined/core/_checkpoint.py:763", f"saved checkpoint {storage}",
                   func="_report_checkpoint")
            log_at(core, logging.INFO, "determined/core/_checkpoint.py:739", f"Reported checkpoint to master "
                   f"{storage}", func="_report_checkpoint")
            if chunk == 2:
                def preempt():
                    try:
                        raised("requests.exceptions", "ReadTimeout", "HTTPSConnectionPool(host='det-master.ml."
                               "internal', port=8443): Read timed out. (read timeout=70)")
                    except Exception:
                        log_at(core, logging.WARNING, "determined/core/_preempt.py:82", "timeout communicating with "
                               "preemption API (retrying):", exc_info=True, func="run")
                in_thread("Thread-3", preempt)
        with pid(1):
            if chunk == 0:
                for path in ("/api/jobs/812/data/meta", "/api/jobs/813/data/meta", "/api/jobs/814/data/meta",
                             "/api/jobs/815/data/meta"):
                    log_at(request, logging.WARNING, "django/utils/log.py:241", "Not Found: %s", path,
                           func="log_response")
            elif chunk == 1:
                create_task(65, 1500, 250, downloads=[
                    "https://acme-defects-raw.s3.amazonaws.com/line-7/2024-05-10/batch-0412.zip"])
                log_at(cv.log, logging.WARNING, f"{task}:166", "Skip '{}' file (its mime type doesn't correspond to "
                       "supported MIME file type)".format("/home/django/data/data/71/raw/batch-0412/manifest.csv"),
                       func="count_files")
            elif chunk == 2:
                log_at(request, logging.WARNING, "django/utils/log.py:241", "Forbidden: %s", "/api/projects/7",
                       func="log_response")
                try:
                    raised("cvat.apps.engine.media_extractors", "InvalidManifestError", "Can't recognize a manifest "
                           "file in the uploaded file 'manifest.jsonl'")
                except Exception:
                    log_at(request, logging.ERROR, "django/utils/log.py:241", "Internal Server Error: %s",
                           "/api/tasks/66/data", exc_info=True, func="log_response")
                log_at(request, logging.WARNING, "django/utils/log.py:241", "Bad Request: %s", "/api/tasks/66/data",
                       func="log_response")
            elif chunk == 3:
                create_task(67, 2400, 300)
                create_task(69, 2000, 250)
            else:
                create_task(68, 1000, 250)
                for path in ("/api/jobs/902/annotations", "/api/jobs/903/annotations"):
                    log_at(request, logging.WARNING, "django/utils/log.py:241", "Not Found: %s", path,
                           func="log_response")
    with pid(74):
        log_at(core, logging.INFO, "determined/core/_searcher.py:359", "SearcherOperation Complete: "
               "searcher_metric=%s" % json.dumps(round(loss * 1.1, 4)), func="report_completed")
    return {"name": "determined-cvat", "programs": [det, cv], "records": stream, "auto": False}


def stream_amundsen_openmetadata():
    stream = []
    am = Program("amundsen", "root", logging.Formatter(AMUNDSEN, AMUNDSEN_DATEFMT), stream)
    gremlin = am.logger("metadata_service.proxy.gremlin_proxy")
    users = am.logger("metadata_service.api.user")
    features = am.logger("metadata_service.api.feature")
    statsd = am.logger("metadata_service.proxy.statsd_utilities")
    flask_app = am.logger("metadata_service")
    om = Program("openmetadata", "Ingestion", logging.Formatter(OPENMETADATA, OPENMETADATA_DATEFMT), stream)
    ometa = om.logger("OMetaAPI")
    sink = "metadata/ingestion/sink/metadata_rest.py"
    client = "metadata/ingestion/ometa/client.py"
    opts = {"headers": {"Content-type": "application/json", "Authorization": "********"}, "allow_redirects": False,
            "verify": "/etc/ssl/certs/ca-certificates.crt"}
    for worker in range(4):
        with pid(14 + worker):
            log_at(am.log, logging.INFO, "metadata_service/__init__.py:100", "Created app with config name "
                   "metadata_service.config.NeptuneConfig", func="create_app")
            log_at(am.log, logging.INFO, "metadata_service/__init__.py:101", "Using backend "
                   "metadata_service.proxy.neptune_proxy.NeptuneGremlinProxy", func="create_app")
            log_at(statsd, logging.INFO, "metadata_service/proxy/statsd_utilities.py:66", "Instantiate StatsClient "
                   "with prefix amundsen.metadata.neptune_proxy", func="_get_statsd_client")

    def ingest(kind, name, ok=True):
        log_at(ometa, logging.DEBUG, f"{client}:153", "URL %s, method %s",
               "https://openmetadata.internal:8585/api/v1/%s" % {"CreateTableRequest": "tables",
                                                                "CreateDatabaseRequest": "databases",
                                                                "CreateDatabaseSchemaRequest": "databaseSchemas"}[kind],
               "PUT", func="_request")
        log_at(ometa, logging.DEBUG, f"{client}:154", "Data %s", opts, func="_request")
        log_at(om.log, logging.DEBUG, f"{sink}:121", f"Processing Create request <class 'metadata.generated.schema."
               f"api.data.{kind[0].lower() + kind[1:-7]}.{kind}'>", func="write_record")
        if ok:
            log_at(om.log, logging.DEBUG, f"{sink}:134", f"Successfully ingested {kind} [{name}]",
                   func="write_create_request")

    ingest("CreateDatabaseRequest", "dev")
    ingest("CreateDatabaseSchemaRequest", "sales")
    tables = ["orders", "order_items", "customers", "payments", "refunds", "shipments", "events_raw",
              "daily_revenue"]
    for n, table in enumerate(tables):
        worker = 14 + n % 4
        # Neptune's writer fails over: the catalogue's reads fail.
        query = ("[['V'], ['has', 'Table', 'key', 'redshift://prod.dev/sales/%s'], ['project', 'table', 'columns', "
                 "'owners'], ['by', ['valueMap', True]]]" % table)
        readonly = ("500: {\"code\":\"ReadOnlyViolationException\",\"requestId\":\"4c1b2a3d-%04x-4e5f-8a9b-"
                    "0c1d2e3f4a5b\",\"detailedMessage\":\"The request is rejected because it violates some "
                    "read-only constraint, such as the database being a read replica.\"}" % n)

        def failed():
            try:
                raised("gremlin_python.driver.protocol", "GremlinServerError", readonly)
            except Exception as e:
                log_at(gremlin, logging.WARNING, "metadata_service/proxy/gremlin_proxy.py:237",
                       f"got exception executing query={query}, get=<function FromResultSet.getOnly at "
                       f"0x7f2c1d3e5f70>, bindings=None", exc_info=True, func="__call__")
                try:
                    raise e
                except Exception:
                    log_at(flask_app, logging.ERROR, "flask/app.py:1414", f"Exception on /table/redshift://prod.dev/"
                           f"sales/{table} [GET]", exc_info=True, func="log_exception")

        def user_api(api, line):
            try:
                raised("gremlin_python.driver.protocol", "GremlinServerError", readonly)
            except Exception:
                log_at(users, logging.ERROR, f"metadata_service/api/user.py:{line}", f"{api} GET Failed",
                       exc_info=True, func="get")

        with pid(worker):
            in_thread("ThreadPoolExecutor-0_%d" % (n % 3), failed)
            in_thread("ThreadPoolExecutor-0_%d" % ((n + 1) % 3), lambda: user_api("UserFollowAPI", 126))
            if n % 2 == 0:
                in_thread("ThreadPoolExecutor-0_%d" % ((n + 2) % 3), lambda: user_api("UserOwnAPI", 232))
            else:
                in_thread("ThreadPoolExecutor-0_%d" % ((n + 2) % 3), lambda: user_api("UserReadsAPI", 307))
        ingest("CreateTableRequest", table, ok=table != "events_raw")
        if table == "events_raw":
            try:
                raised("metadata.ingestion.ometa.client", "APIError", "Entity with name [events_raw] has a column "
                       "[payload] of type [SUPER] which exceeds the maximum data type display length")
            except Exception as e:
                log_at(om.log, logging.DEBUG, f"{sink}:145", traceback.format_exc(), func="write_create_request")
                log_at(om.log, logging.WARNING, f"{sink}:146", f"Failed to ingest CreateTableRequest [events_raw] "
                       f"due to api request failure: {e}", func="write_create_request")
        if n in (3, 5):
            log_at(ometa, logging.WARNING, f"{client}:159", "sleep %s seconds and retrying %s %s more time(s)...",
                   30, "https://openmetadata.internal:8585/api/v1/tables", 3 - n // 3, func="_request")
        if n % 4 == 3:
            with pid(worker):
                log_at(features, logging.ERROR, "metadata_service/api/feature.py:40", f"NotFoundException: "
                       f"feature_uri sagemaker://featurestore/customer_churn_features/{table}_count does not exist",
                       func="get")
    for upstream in ("orders", "payments", "refunds", "shipments"):
        log_at(om.log, logging.DEBUG, f"{sink}:257", f"Successfully added Lineage from redshift.dev.sales.{upstream}",
               func="write_lineage")
    return {"name": "amundsen-openmetadata", "programs": [am, om], "records": stream, "auto": False}


def stream_opsdroid_oncall():
    stream = []
    od = Program("opsdroid", "opsdroid.logging", logging.Formatter(OPSDROID), stream)
    core = od.logger("opsdroid.core")
    loader = od.logger("opsdroid.loader")
    web = od.logger("opsdroid.web")
    slack = od.logger("opsdroid.connector.slack.connector")
    socket_mode = od.logger("slack_sdk.socket_mode.aiohttp")
    redis = od.logger("opsdroid.database.redis")
    access = od.logger("aiohttp.access")
    engine = Program("grafana-oncall", "root", logging.Formatter(ONCALL), stream)
    engine.handler.addFilter(RequestIDFilter())
    django_request = engine.logger("django.request")
    worker = Program("grafana-oncall", "celery.app.trace", TaskFormatter(ONCALL_CELERY), stream)
    task = Set(processName="ForkPoolWorker-2", task_id="???", task_name="???")
    worker.handler.addFilter(task)
    strategy = worker.logger("celery.worker.strategy")
    engine_celery = worker.logger("engine.celery")
    escalate = worker.logger("apps.alerts.tasks.escalate_alert_group")
    notify = worker.logger("apps.alerts.tasks.notify_user")
    token = "Z8nX4Jd8uPGSF7wTzV5Wn3a1B"

    def inbound(path, status, latency, agent, length, user=True):
        message = (f"inbound latency={latency} status={status} method={'POST' if length else 'GET'} path={path} "
                   f"user_agent={agent} content-length={length} slow={int(latency > 2.0)} ")
        if user:
            message += "user_id=3 org_id=1 org_slug=self_hosted_org "
        if path.startswith("/integrations/v1"):
            message += f"integration_type=alertmanager integration_token={token} "
        log_at(engine.log, logging.INFO, "engine/middlewares.py:48", message, func="log_message")

    def run_task(name, tid, logs, args, took, result, worker_name="ForkPoolWorker-2"):
        task.values.update(processName="MainProcess", task_id="???", task_name="???")
        log_at(strategy, logging.INFO, "celery/worker/strategy.py:161", "Task %s[%s] received", name, tid,
               func="task_message_handler")
        task.values.update(processName=worker_name, task_id=tid, task_name=name)
        log_at(engine_celery, logging.INFO, "engine/celery.py:107", f"task started args={args}",
               func="log_started_task_arguments")
        for logger, where, msg, func in logs:
            log_at(logger, logging.INFO, where, msg, func=func)
        log_at(engine_celery, logging.INFO, "engine/celery.py:111", f"task finished args={args}",
               func="log_finished_task_arguments")
        log_at(worker.log, logging.INFO, "celery/app/trace.py:128", "Task %s[%s] succeeded in %ss: %r", name, tid,
               took, result, func="info")
        task.values.update(processName="MainProcess", task_id="???", task_name="???")

    log_at(od.log, logging.INFO, "opsdroid/logging.py:160", "=" * 40, func="configure_logging")
    log_at(od.log, logging.INFO, "opsdroid/logging.py:161", "Started opsdroid %s.", "v0.31.0",
           func="configure_logging")
    log_at(od.log, logging.WARNING, "opsdroid/logging.py:163", "Running in non-interactive shell - falling back to "
           "simple logging. You can override this using 'logging.config: false'", func="configure_logging")
    for skill in ("oncall", "runbooks", "aws-status", "deploys"):
        log_at(loader, logging.INFO, "opsdroid/loader.py:599", "Cloning %s from remote repository.", skill,
               func="_install_git_module")
    log_at(redis, logging.INFO, "opsdroid/database/redis/__init__.py:56", "Connected to Redis database %s from %s "
           "on port %s.", 0, "opsdroid-redis.a1b2c3.ng.0001.use1.cache.amazonaws.com", 6379, func="connect")
    log_at(web, logging.INFO, "opsdroid/web.py:215", "started web server on http://0.0.0.0:8080", func="start")
    log_at(slack, logging.INFO, "opsdroid/connector/slack/connector.py:103", "Connecting to Slack.", func="connect")
    log_at(socket_mode, logging.INFO, "slack_sdk/socket_mode/aiohttp/__init__.py:239", "A new session has been "
           "established (session id: 9c1f3e2a-7b4d-4c6e-8a0f-1d2e3b4c5a6f)", func="connect")
    log_at(slack, logging.INFO, "opsdroid/connector/slack/connector.py:136", "Connected successfully with socket "
           "mode", func="connect")
    log_at(core, logging.INFO, "opsdroid/core.py:180", "Opsdroid is now running, press ctrl+c to exit.",
           func="run")
    log_at(slack, logging.INFO, "opsdroid/connector/slack/connector.py:207", "Updating Channels from Slack API at "
           "%s.", time.asctime(time.gmtime(realworld.CLOCK.t)), func="_get_channels")
    groups = [1412, 1413, 1414, 1415, 1416]
    for n, group in enumerate(groups):
        path = f"/integrations/v1/alertmanager/{token}/"
        log_at(engine.log, logging.INFO, "engine/middlewares.py:17", f"Start calculating latency for {path}",
               func="log_message")
        inbound(path, 200, round(0.0827 + n * 0.0131, 4), "Alertmanager/0.27.0", 2841 + n * 37, user=False)
        tid = "b7e1%04x-2c3d-4e5f-8a9b-%012x" % (n, 0x0c1d2e3f4a5b + n)
        name = "apps.alerts.tasks.escalate_alert_group.escalate_alert_group"
        if n % 3 == 2:
            run_task(name, tid, [(escalate, "apps/alerts/tasks/escalate_alert_group.py:37", f"alert_group {group} "
                                  "resolved, acked or silenced forever. No need to escalate.", "escalate_alert_group")],
                     (group,), round(0.0213 + n * 0.004, 4), None)
        else:
            run_task(name, tid, [], (group,), round(0.0517 + n * 0.006, 4), "Next escalation poked, id: "
                     "e2f3%04x-5a6b-4c7d-8e9f-%012x Escalation executed." % (n, 0x1a2b3c4d5e6f + n))
        # OnCall's outgoing webhook posts the alert group to opsdroid's skill.
        log_at(access, logging.INFO, "aiohttp/web_log.py:211", '%s [%s] "%s" %d %d "%s" "%s"' % (
            "10.0.3.52", now("%d/%b/%Y:%H:%M:%S +0000"), "POST /skill/oncall/alert HTTP/1.1", 200, 165, "-",
            "Grafana OnCall"), func="log")
        if n % 2 == 0:
            inbound("/api/internal/v1/alertgroups/", 200, round(0.2114 + n * 0.0311, 4), "Grafana/10.4.2", 0)
            inbound(f"/api/internal/v1/alertgroups/I{group}ZK3L8/acknowledge/", 200, 0.3117, "Grafana/10.4.2", 2)
        for k in range(3):
            log_at(access, logging.INFO, "aiohttp/web_log.py:211", '%s [%s] "%s" %d %d "%s" "%s"' % (
                "10.0.%d.%d" % (1 + k, 11 + k), now("%d/%b/%Y:%H:%M:%S +0000"), "GET /health HTTP/1.1", 200, 2,
                "-", "ELB-HealthChecker/2.0"), func="log")
    log_at(socket_mode, logging.INFO, "slack_sdk/socket_mode/aiohttp/__init__.py:323", "The session "
           "(9c1f3e2a-7b4d-4c6e-8a0f-1d2e3b4c5a6f) seems to be already closed. Reconnecting...",
           func="monitor_current_session")
    log_at(socket_mode, logging.INFO, "slack_sdk/socket_mode/aiohttp/__init__.py:239", "A new session has been "
           "established (session id: 2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b)", func="connect")
    log_at(slack, logging.WARNING, "opsdroid/connector/slack/connector.py:574", "Slack does not support the emoji "
           "%s.", "pagerduty_ack", func="send_reaction")
    log_at(slack, logging.INFO, "opsdroid/connector/slack/connector.py:359", "Channel with name %s not found",
           "#incident-1417", func="find_channel")
    log_at(django_request, logging.WARNING, "django/utils/log.py:241", "Not Found: %s",
           "/api/internal/v1/alertgroups/I1411ZK3L8/", func="log_response")
    inbound("/api/internal/v1/alertgroups/I1411ZK3L8/", 404, 0.0412, "Grafana/10.4.2", 0)
    run_task("apps.alerts.tasks.notify_user.notify_user_task", "4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d",
             [(notify, "apps/alerts/tasks/notify_user.py:244", "notify_user_task: Waiting 300 to notify user 7",
               "notify_user_task")], (7, 1417), 0.0931, None, worker_name="ForkPoolWorker-4")
    run_task("apps.alerts.tasks.notify_user.notify_user_task", "5e6f7081-92a3-4b4c-9d5e-6f7a8b9c0d1e",
             [(notify, "apps/alerts/tasks/notify_user.py:201", "Personal escalation exceeded. User: 7, "
               "alert_group: 1417", "notify_user_task")], (7, 1417), 0.0412, None, worker_name="ForkPoolWorker-4")
    run_task("apps.alerts.tasks.notify_user.perform_notification", "6f708192-a3b4-4c5d-8e6f-7a8b9c0d1e2f",
             [(notify, "apps/alerts/tasks/notify_user.py:379", "perform_notification: log_record 88213",
               "perform_notification")], (88213,), 0.6123, None, worker_name="ForkPoolWorker-4")
    log_at(core, logging.INFO, "opsdroid/core.py:245", "Received stop signal, exiting.", func="stop")
    for what, who in (("connector", "slack"), ("database", "redis")):
        log_at(core, logging.INFO, "opsdroid/core.py:248", f"Stopping {what} %s...", who, func="stop")
        log_at(core, logging.INFO, "opsdroid/core.py:250", f"Stopped {what} %s.", who, func="stop")
    log_at(core, logging.INFO, "opsdroid/core.py:257", "Stopping web server...", func="stop")
    log_at(core, logging.INFO, "opsdroid/core.py:259", "Stopped web server.", func="stop")
    log_at(core, logging.INFO, "opsdroid/core.py:189", "Bye!", func="run")
    return {"name": "opsdroid-oncall", "programs": [od, engine, worker], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_adf_streamalert(), stream_cfn_taskcat(), stream_pgchameleon_pgsync(), stream_alerta_mongo_connector(),
        stream_faraday_sqlmap(), stream_sagemaker_espnet(), stream_determined_cvat(), stream_amundsen_openmetadata(),
        stream_opsdroid_oncall(),
    ])


if __name__ == "__main__":
    main()
