"""The seventh held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout6.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS (an EC2
host's monitoring agents, the Datadog Agent 5 collector and Netdata's
python.d plugin, beside the Nagios NCPA agent and a Checkmk site's
automatic host removal; a CodeBuild job deploying CloudFormation with
Stacker and scanning with Bandit; account and cluster audits with
awslimitchecker and kube-hunter; MongoDB backups to S3 with
mongodb-consistent-backup and an S3QL file system; a Tryton ERP with an arq
worker; training jobs with LLM Foundry on GPUs and NeuronX Distributed on
Trainium, fine-tuning with LLaMA-Factory and Axolotl; an Elasticsearch
benchmark with Rally and a Review Board site), each format copied from the
file named beside it (the version read is given), with the formatter class
or the filter the program uses, and messages from the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout7

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out. Its first
measurement, at a0146f9 (heldout6's rules in), before any rule saw it:
900 records (18 unknowable), 29.2% exact, 64.0% with the key fields
right (asctime 90.4%, levelname 91.8%, name 77.7%, message 81.2%,
exc_info 99.6%).

Where a formatter sets an attribute its format doesn't print (Axolotl's
ColorfulFormatter sets `rank` beside `rank_fmt`, Stacker's ColorFormatter a
default `color`), the attribute is left off: a JsonFormatter in its place
would not set it. Extras a program passes in the log call (Stacker's
`color`, Review Board's `request` and `trace_id`, arq's `extra`) are kept,
as python-json-logger writes them.

Left out: suricata-update (its SuriColourLogHandler writes
"%s - <%s> -- %s" itself, a title-cased level and an unpadded
day/month/year time, with no format string), Shinken and Alignak
("[%(created)i]": whole seconds of a float, whose fraction no text shows),
Saleor (JSON in production; its "verbose" format is for DEBUG only), the
Wazuh AWS wodle (it print()s), FastChat (its format and datefmt are
fairseq's, in `heldout5.py`), pgcli (the New Relic agent's format),
aws-encryption-sdk-cli (awscli's), the SageMaker Inference Toolkit
(Dask's), detect-secrets (Bandit's), ansible-runner (arq's layout) and the
Elastic Beanstalk CLI (no format string). Stacker runs with `-v` (its INFO
format is "[%(asctime)s] %(message)s", SGLang's layout), awslimitchecker
with `-vv` (below it, logging.basicConfig's BASIC_FORMAT). Tryton prints
%(thread)s, and several %(process)d: the ids are pinned, as octoDNS's
thread is in `heldout5.py`. mongodb-consistent-backup and the Datadog
Agent 5 run on Python 2.7: the one logs no traceback here, the other's
ends with the bare class name, as Python 2 writes it. Rally's actor
processes forward their records through Thespian's logging actor, which
joins a traceback's lines with a second newline
(thespian/system/logdirector.py): reproduced below.
"""

import logging
import os
import pprint
import sys
import time
import traceback
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout2 import at  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import TRANSFORMERS, pid, record_at  # noqa: E402

# Datadog Agent 5.32.9 (DataDog/dd-agent 5.32.9-29, b2f2d520), config.py
# get_log_format("collector") and get_log_date_format(), through
# initialize_logging's RotatingFileHandler (/var/log/datadog/collector.log).
DD_AGENT = "%(asctime)s | %(levelname)s | dd.collector | %(name)s(%(filename)s:%(lineno)s) | %(message)s"
DD_AGENT_DATEFMT = "%Y-%m-%d %H:%M:%S %Z"
# Netdata (netdata/netdata 45832c22), src/collectors/python.d.plugin/
# python_modules/bases/loggers.py PYTHON_D_LOG_LINE_FORMAT and
# DEFAULT_LOG_TIME_FORMAT (stderr is not the journal: the netdata/netdata
# container); PythonDLogger passes module_name and job_name as extras.
NETDATA = "%(asctime)s: %(name)s %(levelname)s: %(module_name)s[%(job_name)s] : %(message)s"
NETDATA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# NCPA v3.4.1 (NagiosEnterprises/ncpa 1c4abf7e), agent/ncpa.py setup_logger
# (posix: ncpa_listener.log, the root and "listener" loggers), with its
# tokenFilter.
NCPA = "%(asctime)s %(name)s %(levelname)s %(message)s"
# Checkmk (Checkmk/checkmk 2b2d890a), cmk/gui/watolib/
# automatic_host_removal.py _init_logging (var/log/automatic-host-removal.log;
# cmk/utils/log/_log.py get_formatter's default, web.log's, is the same).
CHECKMK = "%(asctime)s [%(levelno)s] [%(name)s %(process)d] %(message)s"
# Stacker 1.7 (cloudtools/stacker 1.3.0-142, b357f835), stacker/logger/
# __init__.py DEBUG_FORMAT and ISO_8601 (`stacker build -v`: verbosity 1;
# its ColorFormatter only adds a `color` default, which this format does
# not print).
STACKER = "[%(asctime)s] %(levelname)s %(threadName)s %(name)s:%(lineno)d(%(funcName)s): %(message)s"
STACKER_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# Bandit 1.9.4 (PyCQA/bandit 1.9.4-5, 92080542), bandit/core/constants.py
# log_format_string, through bandit/cli/main.py _init_logger (stderr).
BANDIT = "[%(module)s]\t%(levelname)s\t%(message)s"
# awslimitchecker 12.0.0 (jantman/awslimitchecker 411ad9e), awslimitchecker/
# runner.py Runner.console_entry_point (`-vv`: the root handler that
# logging.basicConfig made gets this formatter).
AWSLIMITCHECKER = "%(asctime)s [%(levelname)s %(filename)s:%(lineno)s - %(name)s.%(funcName)s() ] %(message)s"
# kube-hunter v0.6.8-6 (aquasecurity/kube-hunter bc47f08), kube_hunter/conf/
# logging.py LOG_FORMAT (logging.basicConfig, no datefmt).
KUBE_HUNTER = "%(asctime)s %(levelname)s %(name)s %(message)s"
# mongodb-consistent-backup 1.4.1 (Percona-Lab/mongodb_consistent_backup
# 1.4.1-23, 1b6f2a7), mongodb_consistent_backup/Logger.py Logger.log_format
# (its stdout handler, INFO to WARNING; the backup.<name>.log file the same).
MONGODB_BACKUP = ("[%(asctime)s] [%(levelname)s] [%(processName)s] [%(module)s:%(funcName)s:%(lineno)d] "
                  "%(message)s")
# S3QL 6.3 (s3ql/s3ql s3ql-6.3.0-1, f90586f8), src/s3ql/logging.py
# create_handler (mount.s3ql's default --log, ~/.s3ql/mount.log).
S3QL = "%(asctime)s.%(msecs)03d %(process)s:%(threadName)s %(name)s.%(funcName)s: %(message)s"
S3QL_DATEFMT = "%Y-%m-%d %H:%M:%S"
# arq v0.26.1 (python-arq/arq 3914e48c), arq/logs.py default_log_config
# (the "arq.standard" formatter of `arq worker`).
ARQ = "%(asctime)s: %(message)s"
ARQ_DATEFMT = "%H:%M:%S"
# Tryton 6.6 (tryton/trytond 6.6.0-9, 3df41d95), trytond/commandline.py
# config_log (logging.basicConfig without --logconf; `trytond -vv` and
# `trytond-cron -vv`: INFO).
TRYTON = "%(process)s %(thread)s [%(asctime)s] %(levelname)s %(name)s %(message)s"
# LLM Foundry (mosaicml/llm-foundry v0.7.0-542, 8c8dd48f), llmfoundry/
# command_utils/train.py train()'s logging.basicConfig: the f-string writes
# dist.get_global_rank() into each rank's format (composer v0.24.1-199,
# 640518880, logs through the same root handler).
LLMFOUNDRY_RANK0 = "%(asctime)s: rank0[%(process)d][%(threadName)s]: %(levelname)s: %(name)s: %(message)s"
LLMFOUNDRY_RANK1 = "%(asctime)s: rank1[%(process)d][%(threadName)s]: %(levelname)s: %(name)s: %(message)s"
# NeuronX Distributed (aws-neuron/neuronx-distributed v2.28.0-3, fbac349),
# src/neuronx_distributed/utils/logger.py get_logger (NXD_LOG_HIDE_TIME
# unset), with its PackagePathFilter setting relativepath.
NEURONX = "[%(asctime)s.%(msecs)03d: %(levelname).1s %(relativepath)s:%(lineno)d] %(message)s"
NEURONX_DATEFMT = "%Y-%m-%d %H:%M:%S"
# LLaMA-Factory (hiyouga/LLaMA-Factory v0.9.5-54, ff6d4d12), src/llamafactory/
# extras/logging.py _configure_library_root_logger (stdout); transformers'
# own handler gets enable_explicit_format() (hparams/parser.py
# _set_transformers_logging): `heldout4.py`'s TRANSFORMERS.
LLAMAFACTORY = "[%(levelname)s|%(asctime)s] %(name)s:%(lineno)s >> %(message)s"
LLAMAFACTORY_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Axolotl (axolotl-ai-cloud/axolotl v0.18.0-9, 067b021c), src/axolotl/
# logging_config.py DEFAULT_LOGGING_CONFIG: "concise_color" (the "axolotl"
# loggers' stdout handler, through ColorfulFormatter, whose colours colorama
# strips off a TTY) and "concise" (the root's stdout handler, WARNING and up
# for other loggers).
AXOLOTL = "[%(asctime)s] [%(levelname)s] [%(name)s]%(rank_fmt)s %(message)s"
AXOLOTL_ROOT = "[%(asctime)s] [%(levelname)s] [%(name)s] %(message)s"
# Rally 2.13 (elastic/rally 2.13.0-67, cfe35859), esrally/resources/
# logging.json "normal" (rally.log) through esrally/log.py
# configure_utc_formatter; actorAddress is set by Thespian 4.0.1
# (thespianpy/Thespian 8a936e9): thespian/director.py ActorAddressLogFilter
# ("-not-actor-") or the actor's address (thespian/system/logdirector.py).
ESRALLY = "%(asctime)s,%(msecs)d %(actorAddress)s/PID:%(process)d %(name)s %(levelname)s %(message)s"
ESRALLY_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Review Board 8 (reviewboard/reviewboard release-8.0-271, 64cc5ea6) through
# djblets 6 (djblets/djblets release-6.0-69, 8ec74b6f): djblets/log/
# __init__.py DEFAULT_LINE_FORMAT (Review Board sets no LOGGING_LINE_FORMAT)
# and RequestLogFormatter, with reviewboard/settings.py
# LOGGING_REQUEST_FORMAT (logs/reviewboard.log).
REVIEWBOARD = "%(asctime)s - %(levelname)s - %(request_info)s - %(name)s - %(message)s"
REVIEWBOARD_REQUEST = "%(_local_site_name)s - %(user)s - %(path)s"


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


def netdata_log(program, level, module, job, msg):
    """bases.loggers.PythonDLogger: the module and job as extras."""
    program.log.log(level, msg, extra={"module_name": module, "job_name": job or module})


def ncpa_token_filter(record):
    """agent/ncpa.py tokenFilter, as written there."""
    if hasattr(record, 'msg') and isinstance(record.msg, str) and record.msg:
        try:
            if record.msg and 'token' in record.msg:
                parts = record.msg.split('token=')
                new_parts = [parts[0]]
                for part in parts[1:]:
                    sub_parts = part.split('&', 1)
                    sub_parts[0] = '********'
                    new_parts.append('&'.join(sub_parts))
                record.msg = 'token='.join(new_parts)
            return True
        except AttributeError:
            pass
        except Exception as e:
            return f"Error filtering log record: {e}"
    return record


class NeuronPackagePath(logging.Filter):
    """neuronx_distributed.utils.logger.PackagePathFilter, with the
    training host's sys.path (the records' pathnames are under
    realworld.SITE)."""

    SYS_PATH = ["/opt/ml/code", "/usr/local/lib/python311.zip", "/usr/local/lib/python3.11",
                realworld.SITE.rstrip("/")]

    def filter(self, record):
        pathname = record.pathname
        record.relativepath = None
        for path in sorted(self.SYS_PATH, key=len, reverse=True):
            if not path.endswith(os.sep):
                path += os.sep
            if pathname.startswith(path):
                record.relativepath = os.path.relpath(pathname, path)
                break
        return True


class AxolotlFormatter(logging.Formatter):
    """axolotl.logging_config.ColorfulFormatter off a TTY: rank_fmt from
    LOCAL_RANK; colorama strips the colour codes it adds."""

    def format(self, record):
        rank = int(os.getenv("LOCAL_RANK", "0"))
        record.rank_fmt = f" [RANK:{rank}]" if rank != 0 else ""
        return super().format(record)


class LocalRank:
    """LOCAL_RANK as torchrun sets it in another rank's process."""

    def __init__(self, rank):
        self.rank = rank

    def __enter__(self):
        self.saved = os.environ.get("LOCAL_RANK")
        os.environ["LOCAL_RANK"] = str(self.rank)

    def __exit__(self, *exc):
        if self.saved is None:
            del os.environ["LOCAL_RANK"]
        else:
            os.environ["LOCAL_RANK"] = self.saved


class RallyActorAddress(logging.Filter):
    """Thespian's two paths to rally.log: a record an actor process made
    comes through the logging actor (thespian/system/logdirector.py: the
    actor's address set, its traceback joined into exc_text with a second
    newline, exc_info dropped); the others get ActorAddressLogFilter's
    "-not-actor-"."""

    def __init__(self):
        super().__init__()
        self.actor = None

    def filter(self, record):
        if self.actor is not None:
            if record.exc_info:
                if not record.exc_text:
                    record.exc_text = '\n'.join(traceback.format_exception(*record.exc_info))
                record.exc_info = None
            record.__dict__['actorAddress'] = self.actor
        elif not hasattr(record, 'actorAddress'):
            record.actorAddress = '-not-actor-'
        return True


class RequestLogFormatter(logging.Formatter):
    """djblets.log.RequestLogFormatter, as written there."""

    def __init__(self, request_fmt, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_fmt = request_fmt

    def format(self, record):
        record.request_info = self.format_request(getattr(record, 'request', None))
        return logging.Formatter.format(self, record)

    def format_request(self, request):
        s = ''
        if request:
            try:
                s = self.request_fmt % request.__dict__
            except KeyError:
                pass
        return s


class RBRequest:
    """A Django request as Review Board's middleware leaves it: the local
    site's name (None without one), the user and the path."""

    def __init__(self, method, path, user):
        self._local_site_name = None
        self.user = user
        self.path = path
        self.text = f"<WSGIRequest: {method} '{path}'>"

    def __repr__(self):
        return self.text


def stream_datadog_netdata():
    stream = []
    dd = Program("datadog-agent", "collector", logging.Formatter(DD_AGENT, DD_AGENT_DATEFMT), stream)
    nd = Program("netdata", "python.d", logging.Formatter(NETDATA, NETDATA_DATEFMT), stream)
    coll = dd.logger("checks.collector")
    at(dd.log, logging.INFO, "agent.py:559", "Agent version %s" % "5.32.9", func="main")
    # python.d.plugin run by hand to debug a module (`debug trace` and two
    # misspelt module names), as the docs tell one to.
    netdata_log(nd, logging.INFO, "plugin", "main", "using python v{0}".format(3))
    netdata_log(nd, logging.ERROR, "plugin", "main", "unknown modules : {0}".format(sorted(["spigot", "pandaz"])))
    netdata_log(nd, logging.INFO, "plugin", "main", "probably you meant : \n{0}".format(
        pprint.pformat(sorted(["pandas", "spigotmc"]), width=1)))
    at(dd.log, logging.INFO, "agent.py:423", "Running on EC2, instanceId: %s" % "i-0a1b2c3d4e5f67890",
       func="_set_agent_config_hostname")
    hostnames = {"socket-hostname": "ip-10-0-3-7", "hostname": "i-0a1b2c3d4e5f67890",
                 "socket-fqdn": "ip-10-0-3-7.ec2.internal", "ec2-hostname": "ip-10-0-3-7.ec2.internal",
                 "instance-id": "i-0a1b2c3d4e5f67890"}
    at(coll, logging.INFO, "checks/collector.py:736", "Hostnames: %s, tags: %s" % (
        repr(hostnames), {"system": ["env:prod", "role:api"]}), func="_populate_payload_metadata")
    # The plugin as Netdata runs it.
    netdata_log(nd, logging.INFO, "plugin", "main", "using python v{0}".format(3))
    netdata_log(nd, logging.INFO, "plugin", "main", "'{0}' was not found".format("/etc/netdata/python.d.conf"))
    netdata_log(nd, logging.WARNING, "plugin", "main", "'{0}' was not found".format("pythond-jobs-statuses.json"))
    netdata_log(nd, logging.INFO, "plugin", "main", "[{0}] has no job configs, skipping it".format("ceph"))
    at(coll, logging.INFO, "checks/collector.py:570", "Finished run #%s. Collection time: %ss. Emit time: %ss" %
       (1, 4.21, 0.06), func="run")
    netdata_log(nd, logging.INFO, "plugin", "main", '{0}[{1}] : check success'.format("pandas", "orders_csv"))
    try:
        # The Agent's embedded Python 2.7 names the class alone on the
        # traceback's last line, as Python 3 does a builtin's.
        raised("builtins", "ConnectionError", "Error 111 connecting to 10.0.3.20:6379. Connection refused.")
    except Exception:
        redis = dd.logger("checks.redisdb")
        log_at(redis, logging.ERROR, "checks/__init__.py:840", "Check '%s' instance #%s failed" % ("redisdb", 0),
               exc_info=True, func="run")
    at(coll, logging.ERROR, "emitter.py:112", "Unable to post payload: %s" % (
        "HTTPSConnectionPool(host='5-32-9-app.agent.datadoghq.com', port=443): Read timed out. (read timeout=5)"),
       func="post_payload")
    for run in (2, 3, 4, 5):
        at(coll, logging.INFO, "checks/collector.py:570", "Finished run #%s. Collection time: %ss. Emit time: %ss" %
           (run, [3.98, 4.02, 3.91, 4.07][run - 2], [0.05, 0.05, 0.04, 0.06][run - 2]), func="run")
    at(coll, logging.INFO, "checks/collector.py:573",
       "First flushes done, next flushes will be logged every %s flushes." % 10, func="run")
    # SimpleService.run: the error, then (trace) the traceback as a record.
    try:
        raised("pandas.errors", "ParserError",
               "Error tokenizing data. C error: Expected 4 fields in line 18, saw 5\n")
    except Exception as e:
        netdata_log(nd, logging.ERROR, "pandas", "orders_csv", 'update() unhandled exception: {error}'.format(error=e))
        netdata_log(nd, logging.ERROR, "pandas", "orders_csv", traceback.format_exc())
    netdata_log(nd, logging.INFO, "pandas", "orders_csv",
                "chart '{0}' was suppressed due to non updating".format("pandas_orders_csv.orders"))
    return {"name": "datadog-netdata", "programs": [dd, nd], "records": stream, "auto": False}


def stream_ncpa_checkmk():
    stream = []
    nc = Program("ncpa", "root", logging.Formatter(NCPA), stream)
    nc.handler.addFilter(ncpa_token_filter)
    cmk = Program("checkmk", "cmk.web.automatic_host_removal", logging.Formatter(CHECKMK), stream)
    job = cmk.logger("cmk.web.automatic_host_removal.background_job")
    listener = nc.logger("listener")
    nc.log.info("main - Python version: %s", "3.13.2 (main, Feb 12 2025, 14:51:17) [GCC 11.4.1 20231218 (Red Hat "
                "11.4.1-3)]")
    nc.log.info("main - SSL version: %s", "OpenSSL 3.0.8 7 Feb 2023")
    nc.log.info("main - ZLIB version: %s", "1.3.1")
    nc.log.info("main - psutil version: %s", "7.0.0")
    with pid(23145):
        job.debug("Starting host removal background job")
        cmk.log.info("Starting host removal background job")
        job.info("Gathering hosts to be removed")
        cmk.log.debug("Found '%s' to be CRIT since %0.2fs", "ip-10-0-7-41", 1715431984)
        cmk.log.debug("Shall be removed")
    listener.info("before_request() - request.url: %s",
                  "https://10.0.3.7:5693/api/cpu/percent?token=********&warning=80&critical=90&check=true")
    with pid(23145):
        cmk.log.info(f"Skipping remote site {'eu-west'}, might be down or not logged in "
                     f"({'[Errno 111] Connection refused'})")
        job.debug("Removing %d host(s) from folder %s", 2, "AWS / us-east-1")
        cmk.log.info(f"Removing {2} hosts from folder {'AWS / us-east-1'}")
        cmk.log.info("Hosts removed, starting activation of changes")
        job.info("Activation %s started", "2c4f9e1a-7b3d-4e5f-8a9b-0c1d2e3f4a5b")
        job.info("Waiting for activation to finish...")
    listener.error("Error running check for %s... likely timed out..." % "processes")
    try:
        error(PermissionError, 13, "Permission denied")
    except PermissionError as ex:
        # agent/listener/psapi.py get_disk_node: logging.exception(ex).
        nc.log.exception(ex)
    with pid(23145):
        job.error("Activation of site %s failed: %s", "eu-west", "Site is unreachable (Connection refused)")
        job.info("Activation finished")
        cmk.log.info("Host removal background job finished")
    listener.info("before_request() - request.url: %s", "https://10.0.3.7:5693/api/disk/logical/%2F/used_percent"
                  "?token=********&warning=85&critical=95&units=G&check=true")
    listener.info("Did not receive normal values. Unable to find meaningful check.")
    with pid(24410):
        # The next run, while the core restarts for an activation.
        cmk.log.info("Starting host removal background job")
        try:
            raised("livestatus", "MKLivestatusSocketError", "Cannot connect to 'unix:/omd/sites/prod/tmp/run/live': "
                   "[Errno 111] Connection refused")
        except Exception:
            cmk.log.info(f"Skipping local site {'prod'}, since livestatus is not available", exc_info=True)
        cmk.log.info("Found no hosts to be removed, exiting")
    return {"name": "ncpa-checkmk", "programs": [nc, cmk], "records": stream, "auto": False}


def stream_stacker_bandit():
    stream = []
    st = Program("stacker", "stacker.commands.stacker", logging.Formatter(STACKER, STACKER_DATEFMT), stream)
    bd = Program("bandit", "root", logging.Formatter(BANDIT), stream)
    # bandit's LOG is the root logger; its modules' loggers propagate there.
    manager = bd.logger("bandit.core.manager")
    # `bandit --debug -r app` first, then `stacker build -v -t`.
    at(bd.log, logging.DEBUG, "bandit/cli/main.py:43", "logging initialized", func="_init_logger")
    at(bd.log, logging.INFO, "bandit/cli/main.py:70", "Found project level .bandit file: %s", "./.bandit",
       func="_get_options_from_ini")
    at(bd.log, logging.INFO, "bandit/cli/main.py:128", "profile include tests: %s", None, func="_log_info")
    at(bd.log, logging.INFO, "bandit/cli/main.py:129", "profile exclude tests: %s", {"B101"}, func="_log_info")
    at(bd.log, logging.INFO, "bandit/cli/main.py:660", "running on Python %d.%d.%d", 3, 12, 3, func="main")
    at(manager, logging.DEBUG, "bandit/core/manager.py:278", "working on file : %s", "./app/handlers.py",
       func="run_tests")
    # logging.captureWarnings(True): ast.parse's SyntaxWarning (Python
    # 3.12) through the root handler, made in logging/__init__.py.
    bd.logger("py.warnings")
    logging.captureWarnings(True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn_explicit("invalid escape sequence '\\d'", SyntaxWarning, "<unknown>", 14)
    finally:
        logging.captureWarnings(False)
    at(manager, logging.DEBUG, "bandit/core/manager.py:278", "working on file : %s", "./app/templates.py",
       func="run_tests")
    try:
        error(RecursionError, "maximum recursion depth exceeded while calling a Python object")
    except RecursionError as e:
        at(manager, logging.ERROR, "bandit/core/manager.py:333", "Exception occurred when executing tests against %s.",
           "./app/templates.py", func="_parse_file")
        at(manager, logging.DEBUG, "bandit/core/manager.py:343", "  Exception string: %s", e, func="_parse_file")
        at(manager, logging.DEBUG, "bandit/core/manager.py:344", "  Exception traceback: %s", traceback.format_exc(),
           func="_parse_file")
    # bandit/formatters/text.py report, on stdout.
    for line in ["Run started:2024-05-11 14:44:44.981203+00:00", "", "Test results:",
                 ">> Issue: [B105:hardcoded_password_string] Possible hardcoded password: 'changeme'",
                 "   Severity: Low   Confidence: Medium",
                 "   CWE: CWE-259 (https://cwe.mitre.org/data/definitions/259.html)",
                 "   More Info: https://bandit.readthedocs.io/en/1.9.4/plugins/b105_hardcoded_password_string.html",
                 "   Location: ./app/settings.py:12:18"]:
        if line:
            printed(stream, line)
    cmd = "stacker/commands/stacker/__init__.py"
    at(st.log, logging.INFO, f"{cmd}:53", "Using default AWS provider mode", func="configure")
    hooks = st.logger("stacker.hooks.utils")
    at(hooks, logging.INFO, "stacker/hooks/utils.py:41", "Executing %s hooks: %s", "pre_build",
       "stacker.hooks.aws_lambda.upload_lambda_functions", func="handle_hooks")
    lam = st.logger("stacker.hooks.aws_lambda")
    at(lam, logging.INFO, "stacker/hooks/aws_lambda.py:164", "lambda: base directory: %s",
       "/codebuild/output/src123/src/lambdas/rotate-keys", func="_zip_from_file_patterns")
    at(lam, logging.INFO, "stacker/hooks/aws_lambda.py:239", "lambda: uploading object %s",
       "lambda-functions/rotate-keys/lambda-rotate-keys-3f9a1c2e.zip", func="_upload_code")
    plan = st.logger("stacker.plan")
    at(plan, logging.DEBUG, "stacker/plan.py:313", "Plan \"%s\":", "Create/Update stacks", func="outline")
    for n, name in [(1, "vpc"), (2, "app-ecs")]:
        at(plan, logging.DEBUG, "stacker/plan.py:315", "  - step: %s: target: \"%s\", action: \"%s\"", n, name,
           "_launch_stack", func="outline")
    build = st.logger("stacker.actions.build")
    at(build, logging.DEBUG, "stacker/actions/build.py:426", "Launching stacks: %s", ", ".join(["vpc", "app-ecs"]),
       func="run")
    ui = st.logger("stacker.ui")
    provider = st.logger("stacker.providers.aws.default")

    # Step.run's watcher thread (Python 3.10 and later name it after its
    # target, Action._tail_stack).
    TAIL = "Thread-3 (_tail_stack)"

    def step(name, fn):
        in_thread(name, fn)

    # stacker/plan.py log_step: ui.info(msg, extra={"color": ...}).
    step("vpc", lambda: record_at(ui, logging.INFO, "stacker/ui.py:37", "%s: %s (%s)" % ("vpc", "skipped", "nochange"),
                                  func="info", extra={"color": 37}))
    step("app-ecs", lambda: at(build, logging.DEBUG, "stacker/actions/build.py:363", "Updating existing stack: %s",
                               "prod-app-ecs", func="_launch_stack"))

    def submitted():
        record_at(ui, logging.INFO, "stacker/ui.py:37", "%s: %s (%s)" % ("app-ecs", "submitted",
                                                                         "updating existing stack"),
                  func="info", extra={"color": 33})

    step("app-ecs", submitted)
    step(TAIL, lambda: at(provider, logging.INFO, "stacker/providers/aws/default.py:660", "Tailing stack: %s",
                                "prod-app-ecs", func="tail_stack"))
    events = [("UPDATE_FAILED", "AWS::ECS::Service", "Resource handler returned message: \"Error occurred during "
               "operation 'ECS Deployment Circuit Breaker was triggered'.\" (RequestToken: 5b0e3c1a-2f4d-4a6b-9c8d-"
               "7e6f5a4b3c2d, HandlerErrorCode: GeneralServiceException)"),
              ("UPDATE_ROLLBACK_IN_PROGRESS", "AWS::CloudFormation::Stack", "The following resource(s) failed to "
               "update: [Service]. ")]
    for event in events:
        template = " ".join(["[%s]"] + ["%s" for _ in event])
        step(TAIL, lambda event=event, template=template: at(
            provider, logging.INFO, "stacker/providers/aws/default.py:656", template, "prod-app-ecs", *event,
            func="_log_func"))
    reason = "The following resource(s) failed to update: [Service]. "
    step("app-ecs", lambda: at(build, logging.INFO, "stacker/actions/build.py:311",
                               "%s Stack Roll Back Reason: " + reason, "prod-app-ecs", func="_launch_stack"))

    def failed():
        record_at(ui, logging.INFO, "stacker/ui.py:37", "%s: %s (%s)" % ("app-ecs", "failed", "rolled back update"),
                  func="info", extra={"color": 31})

    step("app-ecs", failed)
    printed(stream, "[Container] 2024/05/11 14:44:58.402817 Command did not exit successfully stacker build -v -t "
            "stacker.yaml exit status 1")
    return {"name": "stacker-bandit", "programs": [st, bd], "records": stream, "auto": False}


def stream_awslimitchecker_kubehunter():
    stream = []
    al = Program("awslimitchecker", "awslimitchecker.checker", logging.Formatter(AWSLIMITCHECKER), stream)
    kh = Program("kube-hunter", "kube_hunter.modules.report.collector", logging.Formatter(KUBE_HUNTER), stream)
    base = al.logger("awslimitchecker.services.base")
    conn = al.logger("awslimitchecker.connectable")
    ec2 = al.logger("awslimitchecker.services.ec2")
    creds = al.logger("botocore.credentials")
    at(al.log, logging.DEBUG, "awslimitchecker/checker.py:285", "Connecting to region %s", "us-east-1",
       func="_boto_conn_kwargs")
    at(creds, logging.DEBUG, "botocore/credentials.py:2249", "Looking for credentials via: %s", "env",
       func="load_credentials")
    at(creds, logging.DEBUG, "botocore/credentials.py:2249", "Looking for credentials via: %s", "container-role",
       func="load_credentials")
    at(creds, logging.INFO, "botocore/credentials.py:1182", "Found credentials from IAM Role: %s",
       "awslimitchecker-task", func="load")
    kh.log.info("Started hunting")
    kh.log.info("Discovering Open Kubernetes Services")
    at(base, logging.INFO, "awslimitchecker/services/base.py:111", "Connected to STS in region %s", "us-east-1",
       func="current_account_id")
    at(al.log, logging.DEBUG, "awslimitchecker/checker.py:432", "Finding usage for service: %s", "EC2",
       func="find_usage")
    at(conn, logging.INFO, "awslimitchecker/connectable.py:123", "Connected to %s in region %s", "ec2", "us-east-1",
       func="connect")
    at(conn, logging.INFO, "awslimitchecker/connectable.py:148", "Connected to %s (resource) in region %s", "ec2",
       "us-east-1", func="connect_resource")
    kh.logger("kube_hunter.modules.discovery.kubernetes_client").info("Listed %d nodes in the cluster" % 6)
    at(ec2, logging.DEBUG, "awslimitchecker/services/ec2.py:316", "Getting usage for on-demand instances",
       func="_instance_usage")
    at(ec2, logging.INFO, "awslimitchecker/services/ec2.py:319", "Spot instance found (%s); skipping from Running "
       "On-Demand Instances count", "i-05f1e2d3c4b5a6978", func="_instance_usage")
    kh.log.info(f'Found open service "{"Kubelet API"}" at {"10.0.3.21:10250"}')
    try:
        raised("requests.exceptions", "ConnectionError", "HTTPSConnectionPool(host='www.azurespeed.com', port=443): "
               "Max retries exceeded with url: /api/region?ipOrUrl=10.0.3.21 (Caused by NewConnectionError('<urllib3."
               "connection.HTTPSConnection object at 0x7f3a2c1b5d90>: Failed to establish a new connection: [Errno -3] "
               "Temporary failure in name resolution'))")
    except Exception:
        kh.logger("kube_hunter.core.events.types").warning(f"Unable to check cloud of {'10.0.3.21'}", exc_info=True)
    at(ec2, logging.ERROR, "awslimitchecker/services/ec2.py:339", "ERROR - unknown instance type '%s'; not counting",
       "p5en.48xlarge", func="_instance_usage")
    at(ec2, logging.DEBUG, "awslimitchecker/services/ec2.py:138", "Done checking usage.", func="find_usage")
    kh.log.info(f'Found open service "{"Kubelet API (readonly)"}" at {"10.0.3.21:10255"}')
    kh.log.info(f'Found vulnerability "{"Anonymous Authentication"}" in {"10.0.3.21:10250"}')
    kh.log.info(f'Found vulnerability "{"Exposed Pods"}" in {"10.0.3.21:10250"}')
    kh.log.info(f'Found vulnerability "{"Cluster Health Disclosure"}" in {"10.0.3.21:10255"}')
    # runner.py check_thresholds: dict2cols of issue_string_tuple (--no-color).
    printed(stream, "EC2/Running On-Demand All Standard (A, C, D, H, I, M, R, T, Z) instances  (limit 1152) "
            "WARNING: 968")
    printed(stream, "EC2/VPC Elastic IP addresses (EIPs)                                   (limit 5) CRITICAL: 5")
    kh.logger("kube_hunter.modules.report.dispatchers").info(f"Report was dispatched to: {'stdout'}")
    return {"name": "awslimitchecker-kubehunter", "programs": [al, kh], "records": stream, "auto": False}


def stream_mongobackup_s3ql():
    stream = []
    mb = Program("mongodb-consistent-backup", "root", logging.Formatter(MONGODB_BACKUP), stream)
    proc = Set(processName="MainProcess")
    mb.handler.addFilter(proc)
    s3 = Program("s3ql", "s3ql.mount", logging.Formatter(S3QL, S3QL_DATEFMT), stream)
    pkg = "mongodb_consistent_backup"
    uri = "rs0/mongo-1.mongo.db.svc.cluster.local:27017"
    with pid(4127):
        log_at(s3.log, logging.INFO, "s3ql/mount.py:280", "Setting cache size to %d MB", 10240.0, func="mount")
        log_at(s3.logger("s3ql.block_cache"), logging.INFO, "s3ql/block_cache.py:245", "Loaded %d entries from cache",
               1838, func="__init__")
        log_at(s3.log, logging.INFO, "s3ql/mount.py:329", "Mounting %s at %s...", "s3://us-east-1/acme-archive/fs1/",
               "/mnt/archive", func="mount")
    with pid(311):
        log_at(mb.log, logging.INFO, f"{pkg}/Main.py:144", "Starting %s version %s (git commit: %s)" % (
            "mongodb-consistent-backup", "1.4.1", "1b6f2a79a3e5cd5a5cdd4664806dcd929f8aa05e"), func="init")
        log_at(mb.log, logging.INFO, f"{pkg}/Main.py:257", "Running backup in replset mode using seed node(s): %s" % (
            "mongo-0.mongo.db.svc.cluster.local:27017"), func="run")
        log_at(mb.log, logging.INFO, f"{pkg}/Oplog/Tailer/Tailer.py:22", "Starting oplog tailers on all replica sets "
               "(options: compression=%s, status_secs=%i)" % ("none", 15), func="run")
    with pid(318):
        proc.values.update(processName="TailThread-1")
        log_at(mb.log, logging.INFO, f"{pkg}/Oplog/Tailer/TailThread.py:97", "Tailing oplog on %s for changes" % uri,
               func="run")
    with pid(311):
        proc.values.update(processName="MainProcess")
        log_at(mb.log, logging.INFO, f"{pkg}/Backup/Mongodump/Mongodump.py:61", "Mongodump binary supports gzip "
               "compression, auto-enabling gzip compression", func="choose_compression")
        options = "compression=%s, threads_per_dump=%s" % ("gzip", 2)
        log_at(mb.log, logging.INFO, f"{pkg}/Backup/Mongodump/Mongodump.py:156",
               "Starting backups using mongodump %s (options: %s)" % ("4.4.29", options), func="run")
    with pid(322):
        proc.values.update(processName="MongodumpThread-2")
        thread = f"{pkg}/Backup/Mongodump/MongodumpThread.py"
        log_at(mb.log, logging.INFO, f"{thread}:223", "Starting mongodump backup of %s" % uri, func="run")
        for line in ["writing admin.system.version to /opt/backup/orders/20240511_1444/rs0/dump/admin/system.version"
                     ".bson.gz", "writing orders.line_items to /opt/backup/orders/20240511_1444/rs0/dump/orders/"
                     "line_items.bson.gz",
                     "done dumping orders.line_items (1832110 documents)"]:
            # MongodumpThread.parse_mongodump_line: "<uri>:\t<line>".
            log_at(mb.log, logging.INFO, f"{thread}:133", "%s:\t%s" % (uri, line), func="wait")
    with pid(4127):
        common = s3.logger("s3ql.backends.common")
        for attempt in (3, 4):
            log_at(common, logging.INFO, "s3ql/backends/common.py:180", "Encountered %s (%s), retrying %s.%s (attempt "
                   "%d)...", "RequestTimeoutError", "RequestTimeout: Your socket connection to the server was not "
                   "read from or written to within the timeout period. Idle connections will be closed.", "Backend",
                   "write_fh", attempt, func="wrapped")
        log_at(common, logging.WARNING, "s3ql/backends/common.py:154", "Had to retry %d times over the last %d "
               "seconds, server or network problem?", 360.0, 60, func="wrapped")
    with pid(322):
        log_at(mb.log, logging.INFO, f"{thread}:259", "Backup %s completed in %.2f seconds, %s" % (
            uri, 212.43, "%i oplog changes, end ts: %s" % (18, "Timestamp(1715438896, 4)")), func="run")
    with pid(311):
        proc.values.update(processName="MainProcess")
        log_at(mb.log, logging.INFO, f"{pkg}/Backup/Mongodump/Mongodump.py:105",
               "All mongodump backups completed successfully", func="wait")
    with pid(318):
        proc.values.update(processName="TailThread-1")
        log_at(mb.log, logging.INFO, f"{pkg}/Oplog/Tailer/TailThread.py:177", "Done tailing oplog on %s, %s" % (
            uri, "%i oplog changes, end ts: %s" % (24, "Timestamp(1715438899, 1)")), func="run")
    with pid(311):
        proc.values.update(processName="MainProcess")
        log_at(mb.log, logging.INFO, f"{pkg}/Oplog/Tailer/Tailer.py:95", "Oplog tailing completed in %.2f seconds" %
               215.02, func="stop")
        log_at(mb.log, logging.INFO, f"{pkg}/Upload/S3/S3.py:70", "Starting AWS S3 upload to %s (%i threads, %imb "
               "multipart chunks, %i retries)" % ("acme-mongo-backups", 4, 50, 5), func="run")
        upload_error = "S3ResponseError: 403 Forbidden\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" \
                       "AccessDenied</Code><Message>Access Denied</Message></Error>"
        log_at(mb.log, logging.ERROR, f"{pkg}/Upload/S3/S3.py:81", "Uploading to AWS S3 failed! Error: %s (error "
               "type: %s)" % (upload_error, "<class 'boto.exception.S3ResponseError'>"), func="run")
        # Main.run catches the OperationError; Main.exception logs it FATAL.
        log_at(mb.log, logging.CRITICAL, f"{pkg}/Main.py:207", "Problem performing upload of backup! Error: %s" %
               upload_error, func="exception")
    with pid(4127):
        db = s3.logger("s3ql.database")
        log_at(db, logging.INFO, "s3ql/database.py:1159", 'Uploading modified metadata blocks...',
               func="snapshot_blocks")
        log_at(db, logging.INFO, "s3ql/database.py:1210", 'Uploaded %d/%d metadata blocks (%d%%)', 12, 24, 50.0,
               func="consume")
        log_at(s3.log, logging.INFO, "s3ql/mount.py:409", 'Received termination signal, exiting without data upload.',
               func="mount")
        try:
            error(RuntimeError, 'Received signal(s) %s, terminating' % ([15],))
        except RuntimeError:
            # s3ql/logging.py setup_excepthook's hook.
            log_at(s3.logger("__main__"), logging.ERROR, "s3ql/logging.py:251", 'Uncaught top-level exception:',
                   exc_info=True, func="excepthook")
    return {"name": "mongobackup-s3ql", "programs": [mb, s3], "records": stream, "auto": False}


def stream_arq_tryton():
    stream = []
    aq = Program("arq", "arq.worker", logging.Formatter(ARQ, ARQ_DATEFMT), stream)
    tr = Program("trytond", "trytond.modules", logging.Formatter(TRYTON), stream)
    thread = Set(thread=140119851861824)
    tr.handler.addFilter(thread)
    with pid(1):
        tr.logger("trytond.pool").info('init pool for "%s"', "tryton")
        for module in ["ir", "res", "party", "sale"]:
            tr.log.info(module)
        tr.log.info('all modules loaded')
    with pid(9):
        aq.log.info('Starting worker for %d functions: %s', 3, ', '.join(["send_invoice_email", "sync_stock",
                                                                           "cron:nightly_report"]))
        aq.log.info('redis_version=7.1.0 mem_usage=2.31M clients_connected=4 db_keys=17')
    with pid(1):
        thread.values.update(thread=140119783384768)
        tr.logger("trytond.wsgi").info('%s', Shown("<JSONRequest admin@10.0.3.9 'http://erp.internal:8000/tryton/' "
                                                    "[POST] model.sale.sale.quote>"))
        tr.logger("werkzeug").info('10.0.3.9 - - [11/May/2024 14:44:48] "POST /tryton/ HTTP/1.1" 200 -')
    ref = "9f1c3e2b7a4d4f5e8c6b1a2d3e4f5a6b:send_invoice_email"
    with pid(9):
        aq.log.info('%6.2fs → %s(%s)%s', 0.42, ref, "1042", "")
        aq.log.info('%6.2fs ← %s ● %s', 0.87, ref, "")
        stock = "c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f1:sync_stock"
        aq.log.info('%6.2fs → %s(%s)%s', 0.05, stock, "warehouse='WH1'", " try=2")
        aq.log.info('%6.2fs ↻ %s retrying job in %0.2fs', 1.21, stock, 5.0)
    with pid(12):
        # trytond-cron, the other container.
        thread.values.update(thread=140326001387328)
        tr.logger("trytond.cron").info('start thread for "%s"', "tryton")
        thread.values.update(thread=140325914863296)
        cron = tr.logger("trytond.ir.cron")
        cron.info('cron started for "%s"', "tryton")
        cron.info("%s in %i ms", "<Cron 1@tryton ir.trigger|trigger_time>", 14)
        try:
            raised("psycopg2.errors", "LockNotAvailable", 'canceling statement due to lock timeout\nCONTEXT:  while '
                   'locking tuple (12,7) in relation "ir_queue"\n')
        except Exception:
            cron.exception("%s failed after %i ms", "<Cron 2@tryton ir.queue|clean>", 5003)
        cron.info('cron finished for "%s"', "tryton")
    with pid(9):
        report = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d:cron:nightly_report"
        aq.log.info('%6.2fs → %s(%s)%s', 0.01, report, "", "")
        try:
            raised("httpx", "ConnectTimeout", "timed out")
        except Exception as e:
            aq.log.exception('%6.2fs ! %s failed, %s: %s', 30.02, report, e.__class__.__name__, e,
                             extra={'extra': None})
    with pid(1):
        thread.values.update(thread=140119783384768)
        tr.logger("trytond.wsgi").info('%s', Shown("<JSONRequest admin@10.0.3.9 'http://erp.internal:8000/tryton/' "
                                                    "[POST] model.account.invoice.post>"))
        tr.logger("werkzeug").info('10.0.3.9 - - [11/May/2024 14:44:48] "POST /tryton/ HTTP/1.1" 200 -')
    with pid(9):
        aq.log.info('shutdown on %s ◆ %d jobs complete ◆ %d failed ◆ %d retries ◆ %d to be completed', "SIGTERM", 41,
                    1, 2, 0)
    return {"name": "arq-tryton", "programs": [aq, tr], "records": stream, "auto": False}


def neuron_compile_failed():
    """torch-neuronx: the compiler killed for memory (a torchrun child's
    traceback, the end of it)."""
    raised("builtins", "RuntimeError", "Bad StatusOr access: INTERNAL: RunNeuronCCImpl: error condition error != 0: "
           "<class 'subprocess.CalledProcessError'>: Command '' died with <Signals.SIGKILL: 9>.")


def stream_llmfoundry_neuronx():
    stream = []
    train = "llmfoundry.command_utils.train"
    r0 = Program("llm-foundry", train, logging.Formatter(LLMFOUNDRY_RANK0), stream)
    r1 = Program("llm-foundry", train, logging.Formatter(LLMFOUNDRY_RANK1), stream)
    nx = Program("neuronx-distributed", "neuronx_distributed[0]", logging.Formatter(NEURONX, NEURONX_DATEFMT),
                 stream)
    nx.handler.addFilter(NeuronPackagePath())

    def on(rank, name=train):
        """The logger in that rank's process (both ranks log under the
        same names: the handler is bound again before each record)."""
        return rank.logger(name)

    ps = "neuronx_distributed/parallel_layers/parallel_state.py"
    ck = "neuronx_distributed/trainer/checkpoint.py"
    # The message's backslash-newline inside the literal keeps the next
    # line's indentation.
    autoresume = ('As run_name, save_folder, and save_latest_filename are set,                 changing '
                  'autoresume default to True...')
    with pid(2210):
        on(r0).info(autoresume)
    with pid(2211):
        on(r1).info(autoresume)
    with pid(3301):
        for line, text, size in [(638, "> initializing tensor model parallel with size %d", 8),
                                 (639, "> initializing pipeline model parallel with size %d", 1),
                                 (640, "> initializing context model parallel with size %d", 1),
                                 (641, "> initializing data parallel with size %d", 4),
                                 (642, "> initializing world size to %d", 32)]:
            log_at(nx.log, logging.INFO, f"{ps}:{line}", text, size, func="initialize_model_parallel")
        log_at(nx.log, logging.WARNING, "neuronx_distributed/trainer/trainer.py:54",
               "zero_one_enabled is not set, automatically set it to False.", func="neuronx_distributed_config")
    with pid(2210):
        on(r0).info('Building tokenizer...')
        on(r0).info('Building train loader...')
        on(r0).info('Initializing model...')
        on(r0).info('Building trainer...')
        on(r0, "composer.trainer.trainer").info('Run name: %s', "mpt-7b-sft-0511")
        on(r0, "composer.trainer.trainer").info(f'Setting seed to {17}')
        on(r0, "composer.trainer.trainer").info('Using precision %s', Shown("Precision.AMP_BF16"))
        on(r0).info('Starting training...')
    with pid(2211):
        on(r1, "composer.trainer.trainer").info('Using precision %s', Shown("Precision.AMP_BF16"))
    with pid(3301):
        log_at(nx.log, logging.INFO, f"{ck}:144", "%s saving of checkpoint %s began", "async", "step_500",
               func="begin")
        log_at(nx.log, logging.INFO, f"{ck}:188", "async saving of checkpoint %s requested", "step_500", func="end")
    # composer's ConsoleLogger prints each batch's metrics.
    for line in ["[batch=10/4800]:", "\t Train time/batch: 9", "\t Train loss/train/total: 2.3184",
                 "\t Train throughput/batches_per_sec: 0.4118"]:
        printed(stream, line)
    with pid(2210):
        on(r0, "composer.trainer.trainer").info('Automicrobatching changed the microbatch size from '
                                                f'{8} -> {4}.')
    with pid(3301):
        log_at(nx.log, logging.INFO, f"{ck}:240", "async saving of checkpoint %s completed", "step_500",
               func="wait_save")
        log_at(nx.log, logging.INFO, f"{ck}:260", "removing previous checkpoint in %s", ["step_250"],
               func="submit_remove")
    uncaught(stream, neuron_compile_failed)
    with pid(3377):
        # torchrun restarted the job: the checkpoint is loaded back.
        log_at(nx.log, logging.INFO, f"{ck}:888", "loading checkpoint from %s",
               "s3://acme-trn1-ckpt/llama3-8b/step_500", func="load_checkpoint")
        log_at(nx.log, logging.INFO, f"{ck}:964", "loading checkpoint done", func="load_checkpoint")
    with pid(2210):
        on(r0, "composer.callbacks.checkpoint_saver").info('Waiting for checkpoint uploading to finish')
        on(r0).info('Done.')
    return {"name": "llmfoundry-neuronx", "programs": [r0, r1, nx], "records": stream, "auto": False}


def stream_llamafactory_axolotl():
    stream = []
    lf = Program("llamafactory", "llamafactory.hparams.parser", logging.Formatter(LLAMAFACTORY, LLAMAFACTORY_DATEFMT),
                 stream)
    tf = Program("transformers", "transformers.trainer", logging.Formatter(TRANSFORMERS), stream)
    ax = Program("axolotl", "axolotl.cli.train", AxolotlFormatter(AXOLOTL), stream)
    axr = Program("axolotl", "py.warnings", logging.Formatter(AXOLOTL_ROOT), stream)
    # info_rank0 and warning_rank0 call self.info / self.warning in
    # llamafactory/extras/logging.py: their records carry that file's line.
    rank0 = "llamafactory/extras/logging.py:144"
    warn0 = "llamafactory/extras/logging.py:149"
    log_at(lf.log, logging.INFO, "llamafactory/hparams/parser.py:651", "Process rank: 0, world size: 8, device: "
           "cuda:0, distributed training: True, compute dtype: torch.bfloat16", func="get_train_args")
    # get_train_args logs on every process (logger.info, not info_rank0).
    with LocalRank(1):
        log_at(lf.log, logging.INFO, "llamafactory/hparams/parser.py:651", "Process rank: 1, world size: 8, device: "
               "cuda:1, distributed training: True, compute dtype: torch.bfloat16", func="get_train_args")
    log_at(lf.log, logging.INFO, rank0, "Set `ddp_find_unused_parameters` to False in DDP training since LoRA is "
           "enabled.", func="info_rank0")
    with LocalRank(1):
        ax.logger("axolotl.utils.data.sft").info("Loading raw datasets...")
    ax.logger("axolotl.utils.data.sft").info("Loading raw datasets...")
    log_at(lf.logger("llamafactory.data.template"), logging.INFO, rank0, f"Add pad token: {'<|eot_id|>'}",
           func="info_rank0")
    log_at(lf.logger("llamafactory.data.template"), logging.INFO, rank0, "Add {} to stop words.".format(
        ",".join(["<|eom_id|>"])), func="info_rank0")
    log_at(lf.logger("llamafactory.data.loader"), logging.INFO, rank0, f"Loading dataset {'support_tickets.json'}...",
           func="info_rank0")
    printed(stream, "Running tokenizer on dataset (num_proc=16): 100%|██████████| 4000/4000 [00:02<00:00, "
            "1662.51 examples/s]")
    printed(stream, "training example:")
    ax.logger("axolotl.utils.data.sft").info(f"Maximum number of steps set at {1250}")
    log_at(lf.logger("llamafactory.model.adapter"), logging.INFO, rank0, "Fine-tuning method: {}".format("LoRA"),
           func="info_rank0")
    log_at(lf.logger("llamafactory.model.loader"), logging.INFO, rank0, "trainable params: 20,971,520 || all params: "
           "8,051,232,768 || trainable%: 0.2605", func="info_rank0")
    log_at(lf.logger("llamafactory.hparams.parser"), logging.WARNING, warn0,
           "We recommend enable `upcast_layernorm` in quantized training.", func="warning_rank0")
    ax.logger("axolotl.train").info(f"Pre-saving tokenizer to {'./outputs/lora-out'}...")
    ax.logger("axolotl.train").info("Starting trainer...")
    # torch's UserWarning, captured: logging's _showwarning logs "%s".
    axr.log.warning("%s", "/usr/local/lib/python3.11/site-packages/torch/utils/checkpoint.py:86: UserWarning: None "
                    "of the inputs have requires_grad=True. Gradients will be None\n  warnings.warn(\n")
    log_at(tf.log, logging.INFO, "transformers/trainer.py:2519", "***** Running training *****",
           func="_inner_training_loop")
    log_at(tf.log, logging.INFO, "transformers/trainer.py:2520", f"  Num examples = {4000:,}",
           func="_inner_training_loop")
    printed(stream, "{'loss': 1.3862, 'grad_norm': 0.4817386865615845, 'learning_rate': 9.6e-05, 'epoch': 0.16}")
    printed(stream, "{'loss': 1.1127, 'grad_norm': 0.3921046257019043, 'learning_rate': 8.8e-05, 'epoch': 0.32}")
    log_at(tf.log, logging.INFO, "transformers/trainer.py:2810",
           "\n\nTraining completed. Do not forget to share your model on huggingface.co/models =)\n\n",
           func="_inner_training_loop")
    ax.logger("axolotl.train").info(f"Training completed! Saving trained model to {'./outputs/lora-out'}.")
    log_at(tf.log, logging.INFO, "transformers/trainer.py:4309", "Saving model checkpoint to /opt/ml/model",
           func="_save")
    ax.logger("axolotl.train").info(f"Model successfully saved to {'./outputs/lora-out'}")
    return {"name": "llamafactory-axolotl", "programs": [lf, tf, ax, axr], "records": stream, "auto": False}


def stream_esrally_reviewboard():
    stream = []
    actor = RallyActorAddress()
    rally = Program("esrally", "esrally.rally", logging.Formatter(ESRALLY, ESRALLY_DATEFMT), stream)
    rally.formatter.converter = time.gmtime  # esrally.log.configure_utc_formatter
    rally.handler.addFilter(actor)
    rb = Program("reviewboard", "reviewboard.notifications.webhooks",
                 RequestLogFormatter(REVIEWBOARD_REQUEST, REVIEWBOARD), stream)
    race = rally.logger("esrally.racecontrol")
    driver = rally.logger("esrally.driver.driver")
    with pid(5120):
        rally.log.info("OS [%s]", str(("Linux", "ip-10-0-3-7.ec2.internal", "6.1.90-99.173.amzn2023.x86_64",
                                       "#1 SMP PREEMPT_DYNAMIC Mon May  6 18:12:47 UTC 2024", "x86_64")))
        rally.log.info("Python [%s]", "namespace(name='cpython', cache_tag='cpython-311', version=sys.version_info("
                       "major=3, minor=11, micro=7, releaselevel='final', serial=0), hexversion=51055600, "
                       "_multiarch='x86_64-linux-gnu')")
        rally.log.info("Rally version [%s]", "2.13.0")
        race.info("Race id is [%s]" % "4f1c2a3b-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
        race.info("User specified pipeline [%s].", "benchmark-only")
    user = RBRequest("GET", "/r/1234/diff/3/", "alice")
    views = rb.logger("reviewboard.diffviewer.views")
    record_at(views, logging.DEBUG, "reviewboard/diffviewer/views.py:267",
              'Generating diff viewer page for filediff id %s', 5521, func="get", extra={'request': user})
    with pid(5174):
        actor.actor = "ActorAddr-(T|:41327)"
        race.info("Asking mechanic to start the engine.")
        race.info("Mechanic has started engine successfully.")
    with pid(5180):
        actor.actor = "ActorAddr-(T|:35901)"
        driver.info("Preparing track [%s]", "http_logs")
        driver.info("Checking if REST API is available.")
        driver.info("REST API is available.")
        try:
            raised("elasticsearch.exceptions", "AuthorizationException", "AuthorizationException(403, "
                   "'security_exception', 'action [cluster:monitor/main] is unauthorized for user [rally] with "
                   "effective roles [rally_bench], this action is granted by the cluster privileges [monitor,"
                   "manage,all]')")
        except Exception:
            driver.exception("Could not retrieve cluster info on benchmark start")
    record_at(views, logging.DEBUG, "reviewboard/diffviewer/views.py:282",
              'Done generating diff viewer page for filediff id %s', 5521, func="get", extra={'request': user})
    reviewer = RBRequest("POST", "/api/review-requests/1234/reviews/", "bob")
    trace = "7c9e2f1a-3b4d-4c5e-8f6a-1b2c3d4e5f6a"
    message = f"Dispatching webhook for event {'review_published'} to {'https://hooks.slack.com/services/T0/B0/XXX'}"
    record_at(rb.log, logging.DEBUG, "djblets/log/__init__.py:291", f'[%s] Begin: {message}', trace, func="__init__",
              extra={'request': reviewer, 'trace_id': trace})
    try:
        raised("urllib.error", "HTTPError", "HTTP Error 404: Not Found")
    except Exception as e:
        record_at(rb.log, logging.ERROR, "reviewboard/notifications/webhooks.py:437",
                  '[%s] Could not dispatch WebHook to %s: %s', trace, "https://hooks.slack.com/services/T0/B0/XXX", e,
                  func="dispatch_webhook_event", exc=True, extra={'request': reviewer})
    record_at(rb.log, logging.INFO, "reviewboard/notifications/webhooks.py:442",
              '[%s] Error response from %s: %s %s\n%s', trace, "https://hooks.slack.com/services/T0/B0/XXX", 404,
              "Not Found", b'no_service',
              func="dispatch_webhook_event", extra={'request': reviewer})
    record_at(rb.log, logging.DEBUG, "djblets/log/__init__.py:343", f'[%s] End: {message}', trace, func="done",
              extra={'request': reviewer, 'trace_id': trace})
    record_at(rb.log, logging.DEBUG, "djblets/log/__init__.py:347", f'[%s] {message} took %d.%06d seconds', trace, 0,
              412337, func="done", extra={'request': reviewer, 'trace_id': trace})
    with pid(5174):
        actor.actor = "ActorAddr-(T|:41327)"
        race.info("Received a benchmark failure from [%s] and will forward it now.", "ActorAddr-(T|:35901)")
    with pid(5120):
        actor.actor = None
        race.error("A benchmark failure has occurred")
        race.info("Telling benchmark actor to exit.")
    ldap = rb.logger("reviewboard.accounts.backends.ldap")
    record_at(ldap, logging.WARNING, "reviewboard/accounts/backends/ldap.py:192",
              'Error authenticating user "%s": The credentials provided were invalid', "carol",
              func="authenticate", extra={'request': None})
    return {"name": "esrally-reviewboard", "programs": [rally, rb], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_datadog_netdata(), stream_ncpa_checkmk(), stream_stacker_bandit(), stream_awslimitchecker_kubehunter(),
        stream_mongobackup_s3ql(), stream_arq_tryton(), stream_llmfoundry_neuronx(), stream_llamafactory_axolotl(),
        stream_esrally_reviewboard(),
    ])


if __name__ == "__main__":
    main()
