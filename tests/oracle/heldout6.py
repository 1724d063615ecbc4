"""The sixth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout5.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS (an EC2
instance that CloudFormation bootstraps and the old CloudWatch Logs agent
ships, an Amazon Linux 2 host with yum and EC2Rescue, a Spilo Postgres pod
archiving with WAL-E, database backups to S3 with pghoard and Cassandra
Medusa, ELT jobs with dlt, SQLMesh and a Singer tap, model servers with
Seldon Core and SGLang, ScoutSuite and Lemur, ElastAlert 2 and its
APScheduler executor, a private PyPI on pypiserver, a Ceph host's cephadm.log),
each format copied from the file named beside it (the version read is
given), with the formatter class or the filter the program uses, and
messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout6

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out. Its first
measurement, at 52132c3 (heldout5's rules in), before any rule saw it:
236 records, 38.3% exact, 49.8% with the key fields right (asctime
89.4%, levelname 85.5%, name 69.9%, message 68.8%, exc_info 99.2%).
Gunicorn's two lines in the Seldon stream were then `print()` lines,
whose truth is the whole line; they are gunicorn's records now, as its
logger writes them, which parse as the built-in gunicorn format does.

Left out: the AWS Deadline Cloud worker agent (its format ends
"%(desc)s%(message)s", two free-text fields side by side, and its filter
folds tracebacks into the message), borgmatic (the same: "{prefix}{message}"
in every format it sets), Chroma and SGLang's HTTP access lines (Uvicorn's
formatters, left out on purpose), StackStorm (its ConsoleLogFormatter
appends the record's `_`-prefixed extras after the message as free text),
the AWS Lambda runtime's own handler (a built-in format) and ElastAlert 2's
default logging.basicConfig() (Python's BASIC_FORMAT: covered).
pypiserver's stream handler gets no formatter (a bug: the stream prints
bare messages), so its --log-file is what is shipped. cephadm.log prints
%(thread)x, pypiserver and dlt %(thread)d: the thread id is pinned, as
octoDNS's is in `heldout5.py`. dlt's _MetricsFormatter appends
": <json>" to records logged with `metrics` extras: none is logged here.
"""

import datetime
import hashlib
import json
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout2 import at  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import pid  # noqa: E402

# aws-cfn-bootstrap 1.4-31 (IvanAnishchuk/aws-cfn-bootstrap ec349c5, the
# release tarballs imported), cfnbootstrap/__init__.py _config
# [formatter_amzn] (/var/log/cfn-init.log, the root, cfn.init and cfn.hup
# loggers) and [formatter_amzn_cmd] (/var/log/cfn-init-cmd.log, the
# cfn.init.cmd logger); both have an empty datefmt: Python's default asctime.
CFN_INIT = "%(asctime)s [%(levelname)s] %(message)s"
CFN_INIT_CMD = "%(asctime)s P%(process)d [%(levelname)s] %(message)s"
# The old CloudWatch Logs agent (awslogs), awscli-cwlogs 1.4.6 (the PyPI
# sdist), cwlogs/push.py LogsPushCommand._run_main logging.basicConfig
# (/var/log/awslogs.log when no logging_config_file is given).
AWSLOGS = "%(asctime)s - %(name)s - %(levelname)s - %(process)d - %(threadName)s - %(message)s"
# yum 3.4.3 (rpm-software-management/yum 4ed25525), yum/logginglevels.py
# setFileLog (/var/log/yum.log on Amazon Linux 2).
YUM = "%(asctime)s %(message)s"
YUM_DATEFMT = "%b %d %H:%M:%S"
# EC2Rescue for Linux ec2rl-v1.1.7 (awslabs/aws-ec2rescue-linux 747ab3c),
# ec2rlcore/logutil.py LogUtil._format and set_main_log_handler (Main.log).
EC2RL = "%(asctime)s %(filename)-10s %(levelname)-8s: %(message)s"
EC2RL_DATEFMT = "%Y-%m-%dT%T%Z"
# Spilo 4.0-p3 (zalando/spilo 7cb50bd6), postgres-appliance/scripts/
# configure_spilo.py main() and postgres-appliance/bootstrap/
# maybe_pg_upgrade.py (both logging.basicConfig, the pod's stdout).
SPILO = "%(asctime)s - bootstrapping - %(levelname)s - %(message)s"
SPILO_UPGRADE = "%(asctime)s maybe_pg_upgrade %(levelname)s: %(message)s"
# WAL-E v1.1.1-6 (wal-e/wal-e 978bc19), wal_e/cmd.py log_help.configure's
# format, through wal_e/log_help.py IndentFormatter (stderr).
WALE = "%(name)-12s %(levelname)-8s %(message)s"
# pghoard 2.7.0-2 (Aiven-Open/pghoard ced5e7ac), pghoard/logutil.py
# LOG_FORMAT (configure_logging's basicConfig outside systemd: a container).
PGHOARD = "%(asctime)s\t%(name)s\t%(threadName)s\t%(levelname)s\t%(message)s"
# Cassandra Medusa v0.29.1-18 (thelastpickle/cassandra-medusa f04025c),
# medusa/medusacli.py configure_console_logging (the timestamped console).
MEDUSA = "[%(asctime)s] %(levelname)s: %(message)s"
# dlt (dlt-hub/dlt 58d66fce, devel after 1.21), dlt/common/configuration/
# specs/runtime_configuration.py RuntimeConfiguration.log_format, through
# dlt/common/logger.py _MetricsFormatter(style="{") on the "dlt" logger.
DLT = "{asctime}|[{levelname}]|{process}|{thread}|{name}|{filename}|{funcName}:{lineno}|{message}"
# SQLMesh v0.233.0-1 (TobikoData/sqlmesh 0f192c93), sqlmesh/__init__.py
# LOG_FORMAT (configure_logging's file handler, logs/sqlmesh_*.log; its
# stdout handler wraps the same format in ANSI colours).
SQLMESH = ("%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s "
           "(%(filename)s:%(lineno)d)")
# singer-python v6.7.0 (singer-io/singer-python f47930e), singer/logging.conf
# [formatter_child] (empty datefmt; every tap and target's stderr).
SINGER = "%(levelname)s %(message)s"
# ElastAlert 2 2.31.0 (jertel/elastalert2 1d88bb0e), examples/
# config.yaml.example `logging` formatter "logline" (the custom logging
# configuration the example config offers; the root's console handler,
# run with --verbose).
ELASTALERT = "%(asctime)s %(levelname)+8s %(name)+20s %(message)s"
# pypiserver v2.4.1-19 (pypiserver/pypiserver d87ef03f), pypiserver/
# config.py DEFAULTS.LOG_FRMT (the --log-file handler of __main__.py
# init_logging).
PYPISERVER = "%(asctime)s|%(name)s|%(levelname)s|%(thread)d|%(message)s"
# cephadm, ceph/ceph (13005648), src/cephadm/cephadmlib/logging.py
# _common_formatters "cephadm" (/var/log/ceph/cephadm.log).
CEPHADM = "%(asctime)s %(thread)x %(levelname)s %(message)s"
# Seldon Core v1.18.2 (SeldonIO/seldon-core 5e8a1698), python/seldon_core/
# microservice.py main() LOG_FORMAT (logging.basicConfig; the user model
# logs through the same root handler).
SELDON = "%(asctime)s - %(name)s:%(funcName)s:%(lineno)s - %(levelname)s:  %(message)s"
# SGLang 0.4.6.post5 (the PyPI wheel), sglang/srt/utils.py configure_logger
# (logging.basicConfig); sglang/srt/managers/scheduler.py
# run_scheduler_process passes prefix " TP{tp_rank}" (--tp 2), which the
# f-string writes into each scheduler process's format.
SGLANG = "[%(asctime)s] %(message)s"
SGLANG_TP0 = "[%(asctime)s TP0] %(message)s"
SGLANG_TP1 = "[%(asctime)s TP1] %(message)s"
SGLANG_DATEFMT = "%Y-%m-%d %H:%M:%S"
# ScoutSuite 5.14.0 (nccgroup/ScoutSuite 7909f2fc), ScoutSuite/core/
# console.py set_logger_configuration (the --logfile FileHandler; its
# HostnameFilter sets hostname to platform.node()).
SCOUTSUITE = "%(asctime)s %(hostname)s %(name)s[%(process)d] %(levelname)s %(message)s"
SCOUTSUITE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Lemur v1.9.3-24 (Netflix/lemur 3a3c2c20), lemur/factory.py
# configure_logging (the LOG_FILE handler; docker/src/lemur.conf.py's
# default /home/lemur/.lemur/lemur.log, shipped by the CloudWatch agent).
LEMUR = "%(asctime)s %(levelname)s: %(message)s [in %(pathname)s:%(lineno)d]"


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


def chained(module, name, text, cause):
    """`raise <module>.<name>(text) from cause()`."""
    try:
        cause()
    except Exception as e:
        kind = type(name, (Exception,), {"__module__": module})
        raise kind(text) from e


class WalEIndent(logging.Formatter):
    """wal_e.log_help.IndentFormatter, as written there."""

    def format(self, record, *args, **kwargs):
        return logging.Formatter.format(self, record, *args, **kwargs).replace("\n", "\n" + " " * 8)


def wale_line(msg, detail=None, hint=None, structured=None):
    """wal_e.log_help.WalELogger.fmt_logline, its time the clock's."""
    now = datetime.datetime.fromtimestamp(realworld.CLOCK.t, datetime.timezone.utc)
    parts = ["MSG: " + msg]
    if detail is not None:
        parts.append("DETAIL: " + detail)
    if hint is not None:
        parts.append("HINT: " + hint)
    rest = sorted("=".join([str(k), str(v)]) for k, v in (structured or {}).items())
    parts.append("STRUCTURED: " + " ".join([now.strftime("time=%Y-%m-%dT%H:%M:%S.%f-00"), "pid=" + str(os.getpid())]
                                           + rest))
    return "\n".join(parts)


def stream_cfninit_awslogs():
    stream = []
    cfn = Program("cfn-init", "cfn.init", logging.Formatter(CFN_INIT), stream)
    cmd = Program("cfn-init-cmd", "cfn.init.cmd", logging.Formatter(CFN_INIT_CMD), stream)
    aw = Program("awslogs", "cwlogs.push", logging.Formatter(AWSLOGS), stream)
    root = cfn.logger("")
    source = hashlib.md5(b"/var/log/cfn-init.log").hexdigest()
    with pid(2714):
        aw.log.info("Missing or invalid value for use_gzip_http_content_encoding config. Defaulting to use gzip "
                    "encoding.")
        aw.log.info("Missing or invalid value for queue_size config. Defaulting to use {0}".format(10))
        aw.log.info("Using default logging configuration.")
    with pid(1893):
        # bin/cfn-init, then cfnbootstrap/construction.py Contractor.build.
        root.info("Starting build".center(60, "-"))
        cfn.log.info("Running configSets: %s", ", ".join(["default"]))
        cfn.log.info("Running configSet %s", "default")
        cmd.log.info("*" * 60)
        cmd.log.info("ConfigSet %s", "default")
        cfn.log.info("Running config %s", "install")
        cmd.log.info("+" * 60)
        cmd.log.info("Config %s", "install")
        # cfnbootstrap/util.py LoggingProcessHelper.call, for rpm_tools.py's
        # yum install.
        cmd.log.info(60 * "=")
        cmd.log.info("yum install %s" % " ".join(["nginx", "postgresql"]))
        cmd.log.info("Command Output".center(60, "-"))
        for line in ["Loaded plugins: extras_suggestions, langpacks, priorities, update-motd",
                     "Resolving Dependencies", "--> Running transaction check",
                     "---> Package nginx.x86_64 1:1.22.1-1.amzn2.0.3 will be installed", "Complete!"]:
            cmd.log.info("\t" + line)
        cmd.log.info(60 * "-")
        cmd.log.info("Completed successfully.")
        cfn.log.info("Yum installed %s", ["nginx", "postgresql"])
    with pid(2714):
        stream_log = aw.logger("cwlogs.push.stream")
        in_thread("Thread-1", lambda: stream_log.info("Starting reader for [%s, %s]", source, "/var/log/cfn-init.log"))
        in_thread("Thread-1", lambda: stream_log.info("Starting publisher for [%s, %s]", source,
                                                      "/var/log/cfn-init.log"))
        in_thread("Thread-4", lambda: aw.logger("cwlogs.push.reader").info("Start reading file from %d." % 0))
        batch = aw.logger("cwlogs.push.batch")
        in_thread("Thread-5", lambda: batch.info("Creating log group %s.", "/ec2/cfn-init"))
        in_thread("Thread-5", lambda: batch.info("Creating log stream %s.", "i-0a1b2c3d4e5f67890"))
    with pid(1893):
        cfn.log.info("Running config %s", "configure")
        cmd.log.info("+" * 60)
        cmd.log.info("Config %s", "configure")
        cmd.log.info(60 * "=")
        cmd.log.info("Command %s" % "01_migrate")
        cmd.log.info("Command Errors".center(60, "-"))
        for line in ['psql: error: connection to server at "orders.c1x2y3.us-east-1.rds.amazonaws.com" (10.0.2.15), '
                     'port 5432 failed: FATAL:  password authentication failed for user "app"']:
            cmd.log.error("\t" + line)
        cmd.log.info(60 * "-")
        cmd.log.error("Exited with error code %d", 2)
        command = "/opt/app/bin/migrate --database orders"
        # cfnbootstrap/command_tool.py CommandTool.apply.
        cfn.log.error("Command %s (%s) failed", "01_migrate", command)
        try:
            raised("cfnbootstrap.construction_errors", "ToolError", "Command 01_migrate failed")
        except Exception as e:
            cfn.log.exception("Error encountered during build of %s: %s", "configure", str(e))
            root.error("BUILD FAILED!".center(60, "-"))
            root.exception("Unhandled exception during build: %s" % str(e))
    with pid(2714):
        fields = dict(source_id=source, num_of_events=23, skipped_events_count=0, fallback_events_count=1,
                      batch_size_in_bytes=3281,
                      first_event=dict(timestamp=1715438684049, start_position=0, end_position=71),
                      last_event=dict(timestamp=1715438685310, start_position=3052, end_position=3336))
        reader = aw.logger("cwlogs.push.reader")
        in_thread("Thread-4", lambda: reader.warning(
            "Fall back to current time: %s, reason: %s. ",
            dict(timestamp=1715438685310, start_position=3052, end_position=3336),
            "timestamp could not be parsed from message"))
        publisher = aw.logger("cwlogs.push.publisher")
        in_thread("Thread-5", lambda: publisher.info("Log group: %s, log stream: %s, queue size: %d, Publish batch: %s",
                                                     "/ec2/cfn-init", "i-0a1b2c3d4e5f67890", 0, fields))
        token = "49647528093475103812398574601938475610293847561029384756"

        def invalid_token():
            publisher.warning("Caught exception: %s", "An error occurred (InvalidSequenceTokenException) when "
                              "calling the PutLogEvents operation: The given sequenceToken is invalid. The next "
                              "expected sequenceToken is: " + token)
            publisher.warning("Multiple agents might be sending log events to log stream (%s %s) with sequence "
                              "token (%s). This could cause duplicates and is not recommended."
                              % ("/ec2/cfn-init", "i-0a1b2c3d4e5f67890", "4964752809347510381239857460193847561"))

        in_thread("Thread-5", invalid_token)
    return {"name": "cfninit-awslogs", "programs": [cfn, cmd, aw], "records": stream, "auto": False}


def stream_yum_ec2rl():
    stream = []
    yum = Program("yum", "yum.filelogging.RPMInstallCallback", logging.Formatter(YUM, YUM_DATEFMT), stream)
    ec2rl = Program("ec2rl", "ec2rl", logging.Formatter(EC2RL, EC2RL_DATEFMT), stream)
    # yum/rpmtrans.py RPMBaseCallback.filelog: '%s: %s' % (fileaction, package).
    for action, package in [("Updated", "1:openssl-libs-1.0.2k-24.amzn2.0.12.x86_64"),
                            ("Updated", "1:openssl-1.0.2k-24.amzn2.0.12.x86_64"),
                            ("Installed", "kernel-5.10.215-203.850.amzn2.x86_64"),
                            ("Installed", "ec2rl-1.1.7-1.amzn2.noarch"),
                            ("Erased", "kernel-5.10.205-195.807.amzn2.x86_64")]:
        yum.log.info("%s: %s" % (action, package))
    main = "ec2rlcore/main.py"
    log_at(ec2rl.log, logging.INFO, f"{main}:1101", "----------------------------------------",
           func="_run_prediagnostics")
    log_at(ec2rl.log, logging.INFO, f"{main}:1102", "BEGIN PREDIAGNOSTICS", func="_run_prediagnostics")
    log_at(ec2rl.log, logging.INFO, f"{main}:1103", "----------------------------------------",
           func="_run_prediagnostics")
    log_at(ec2rl.log, logging.INFO, f"{main}:1117", "prediagnostic/verify_metadata: can reach metadata server",
           func="_run_prediagnostics")
    log_at(ec2rl.log, logging.INFO, f"{main}:1126", "module {}/{}: Running".format("prediagnostic", "free_blocks"),
           func="_run_prediagnostics")
    parallel = "ec2rlcore/paralleldiagnostics.py"
    log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", "\n--------------[Module Run]--------------\n",
           func="dual_log_info")
    for line, text in [(62, "----------------------------------------"), (63, "BEGIN PARALLEL RUN MODULES"),
                       (64, "----------------------------------------"),
                       (65, "Setting up parallel execution with a concurrency of {}".format(10))]:
        log_at(ec2rl.log, logging.INFO, f"{parallel}:{line}", text, func="parallel_run")
    for name in ["arpcache", "openssh"]:
        log_at(ec2rl.log, logging.INFO, f"{parallel}:204", "module {}/{}: Scheduling".format("run", name),
               func="_enqueue_module")
    log_at(ec2rl.log, logging.INFO, f"{parallel}:86", "All applicable modules queued. Waiting for completion",
           func="parallel_run")
    # yum again: `yum update` from a second session on the host.
    yum.log.info("%s: %s" % ("Updated", "amazon-ssm-agent-3.3.380.0-1.amzn2.x86_64"))
    log_at(ec2rl.log, logging.INFO, f"{parallel}:98",
           "All workers completed.  Active threads: {}".format(1), func="parallel_run")
    results = [("module run/openssh", "[FAILURE] Improper configuration of one or more OpenSSH components."),
               (" ", "-- SSH may deny access to users when improperly configured."),
               ("module run/arpcache", "[SUCCESS] Aggressive arp caching is disabled.")]
    log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", "\n----------[Diagnostic Results]----------\n",
           func="dual_log_info")
    for left, right in results:
        log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", "{:32} {}".format(left, right),
               func="dual_log_info")
    log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", "\n--------------[Run  Stats]--------------\n",
           func="dual_log_info")
    log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", "{:32} {}".format("Total modules run:", 2),
           func="dual_log_info")
    run_dir = "/var/tmp/ec2rl/2024-05-11T14_44_44.102938"
    log_at(ec2rl.log, logging.INFO, "ec2rlcore/logutil.py:238", (
        "\n----------------[NOTICE]----------------\n"
        "\nPlease note, this directory could contain sensitive data depending on modules run! "
        "Please review its contents!\n"
        "\n----------------[Upload]----------------\n"
        "\nYou can upload results to AWS Support with the following, "
        "or run 'help upload' for details on using an S3 presigned URL:\n"
        "\n{}./ec2rl upload --upload-directory={} --support-url=\"URLProvidedByAWSSupport\" \n"
        "\nThe quotation marks are required, and if you ran the tool with sudo, "
        "you will also need to upload with sudo.\n").format("sudo ", run_dir), func="dual_log_info")
    return {"name": "yum-ec2rl", "programs": [yum, ec2rl], "records": stream, "auto": False}


def pitr_failed():
    """maybe_pg_upgrade.py perform_pitr: the tail of Postgres's CSV log in
    the exception's message."""
    logs = "\n".join([
        '2024-05-11 14:44:52.101 UTC,,,212,,663f85b4.d4,5,,2024-05-11 14:44:52 UTC,,0,LOG,00000,"restored log file '
        '""000000030000000A00000041"" from archive",,,,,,,,,"","startup",,0',
        '2024-05-11 14:44:52.388 UTC,,,212,,663f85b4.d4,6,,2024-05-11 14:44:52 UTC,,0,FATAL,XX000,"recovery ended '
        'before configured recovery target was reached",,,,,,,,,"","startup",,0',
    ])
    raise Exception("Point-in-time recovery failed.\nLOGS:\n--\n" + logs)


def stream_spilo_wale():
    stream = []
    sp = Program("spilo", "root", logging.Formatter(SPILO), stream)
    up = Program("spilo", "__main__", logging.Formatter(SPILO_UPGRADE), stream)
    we = Program("wal-e", "wal_e.main", WalEIndent(WALE), stream)
    sp.log.info("Figuring out my environment (Google? AWS? Openstack? Local?)")
    sp.log.info("Looks like you are running %s", "aws")
    # scripts/spilo_commons.py write_file: its logger is named '__name__'.
    files = sp.logger("__name__")
    for section in ["patroni", "pgqd", "wal-e", "certificate", "crontab", "pam-oauth2", "pgbouncer", "bootstrap"]:
        sp.log.info("Configuring %s", section)
        if section == "patroni":
            files.info("Writing to file %s", "/run/postgres.yml")
        elif section == "wal-e":
            for name in ["WALE_S3_PREFIX", "WALG_S3_PREFIX", "AWS_REGION", "WALE_S3_ENDPOINT"]:
                files.info("Writing to file %s", f"/run/etc/wal-e.d/env/{name}")
        elif section == "certificate":
            sp.log.info("Generating ssl self-signed certificate")
        elif section == "pam-oauth2":
            sp.log.info("No PAM_OAUTH2 configuration was specified, skipping")
        elif section == "pgbouncer":
            sp.log.info("No PGBOUNCER_CONFIGURATION was specified, skipping")
    printed(stream, "run: /etc/runit/runsvdir/default/patroni: (pid 58) 2s")
    # bootstrap/clone_with_wale.py runs `wal-e backup-fetch`.
    we.log.info(wale_line("starting WAL-E", detail='The subcommand is "{0}".'.format("backup-fetch")))
    backup = we.logger("wal_e.worker.s3.s3_worker")
    backup.info(wale_line("beginning partition download", detail='The partition being downloaded is part_00000000.'
                          'tar.lzo.', hint="The absolute S3 key is spilo/orders-db/wal/15/basebackups_005/"
                          "base_000000030000000A0000003F_00000040/tar_partitions/part_00000000.tar.lzo."))
    up.log.info("Cluster version: %s, bin version: %s", "15", "16")
    up.log.info("Trying to perform point-in-time recovery")
    # wal-fetch from Postgres's restore_command, in the same container.
    url = "s3://acme-pg-backups/spilo/orders-db/wal/15/wal_005/000000030000000A00000041.lzo"
    restore = we.logger("wal_e.operator.backup")
    restore.info(wale_line("begin wal restore", structured={
        "action": "wal-fetch", "key": url, "seg": "000000030000000A00000041", "prefix": "spilo/orders-db/wal/15/",
        "state": "begin"}))
    restore.info(wale_line("complete wal restore", structured={
        "action": "wal-fetch", "key": url, "seg": "000000030000000A00000041", "prefix": "spilo/orders-db/wal/15/",
        "state": "complete"}))
    try:
        raised("boto.exception", "S3ResponseError", "S3ResponseError: 403 Forbidden\n<?xml version=\"1.0\" "
               "encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
    except Exception:
        # wal_e/cmd.py main: the traceback in DETAIL.
        we.log.critical(wale_line("An unprocessed exception has avoided all error handling",
                                  detail="".join(traceback.format_exception(*sys.exc_info()))))
    up.log.info("Retrying point-in-time recovery without target")
    uncaught(stream, pitr_failed)
    up.log.error("%s script failed", "/scripts/maybe_pg_upgrade.py")
    return {"name": "spilo-wale", "programs": [sp, up, we], "records": stream, "auto": False}


def s3_access_denied():
    raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the PutObject "
           "operation: Access Denied")


def stream_pghoard_medusa():
    stream = []
    ph = Program("pghoard", "pghoard", logging.Formatter(PGHOARD), stream)
    md = Program("cassandra-medusa", "root", logging.Formatter(MEDUSA), stream)
    ph.log.info("pghoard initialized, own_hostname: %r, cwd: %r", "pghoard-7f9c6d5b8-x2k4p", "/var/lib/pghoard")
    ph.log.info("Creating a new basebackup for %r because there are currently none", "orders")
    base = ph.logger("PGBaseBackup")
    in_thread("Thread-6", lambda: base.info(
        "Starting to backup %r and %r tablespaces to %r", "/var/lib/postgresql/16/main", 0,
        "/var/lib/pghoard/orders/basebackup_incoming/2024-05-11_14-44_0.pghoard"))
    md.log.info("Starting backup using Stagger: {} Mode: {} Name: {}".format(None, "differential", "20240511-1444"))
    md.log.info("Saving tokenmap and schema")
    md.log.info("Saving server version")
    md.log.info(f"Listing already backed up files for node {'cassandra-0.cassandra.db.svc.cluster.local'}")
    md.log.info(f"Backing up {'orders.line_items'}")
    in_thread("Thread-6", lambda: base.info(
        "Basebackup generation finished, %r files, %r chunks, %r byte input, %r byte output, took %r seconds, waiting "
        "to upload", 2204, 3, 5638205440, 1409551360, 212.33401))
    transfer = ph.logger("TransferAgent")
    key = "orders/basebackup/2024-05-11_14-44_0.00000000.pghoard"
    in_thread("Thread-3", lambda: transfer.info("Uploading file to object store: src=%r dst=%r",
                                               "/var/lib/pghoard/orders/basebackup/2024-05-11_14-44_0.00000000.pghoard",
                                               key))

    def upload_failed():
        try:
            s3_access_denied()
        except Exception:
            transfer.exception("Problem in moving file: %r, need to retry",
                               "/var/lib/pghoard/orders/basebackup/2024-05-11_14-44_0.00000000.pghoard")

    in_thread("Thread-3", upload_failed)
    in_thread("Thread-3", lambda: transfer.info(
        f"{'upload'.capitalize()} of key: {key}, size: {1409551360}, {'successfully'} in {48.207:.3f}s"))
    md.log.info(f"Skipping upload of {412} files in {'orders.line_items'} because they are already in storage")
    md.log.info(f"Backing up {'orders.events'}")
    try:
        s3_access_denied()
    except Exception as e:
        # medusa/backup_node.py backup_snapshots: the error, then
        # traceback.print_exc() on stderr.
        md.log.error("Error occurred during backup: {}".format(str(e)))
    uncaught(stream, s3_access_denied, after_traceback=False)
    md.log.error("Issue occurred inside handle_backup Name: {} Error: {}".format(
        "20240511-1444", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied"))
    start = datetime.datetime(2024, 5, 11, 14, 40, 2)
    md.log.info("Backup done")
    md.log.info("""- Started: {:%Y-%m-%d %H:%M:%S}
                        - Started extracting data: {:%Y-%m-%d %H:%M:%S}
                        - Finished: {:%Y-%m-%d %H:%M:%S}""".format(
        start, start + datetime.timedelta(seconds=3), start + datetime.timedelta(minutes=4, seconds=42)))
    md.log.info("- {} files, {}".format(412 + 38, "18.21 GB"))
    ph.logger("Compressor").info("Adding to Uncompressed WAL file to deletion queue: %s",
                                 "/var/lib/pghoard/orders/xlog_incoming/000000010000002A00000017")
    return {"name": "pghoard-medusa", "programs": [ph, md], "records": stream, "auto": False}


def athena_failed():
    """dlt's load step failing terminally: the exception it raises."""
    chained("dlt.pipeline.exceptions", "PipelineStepFailed",
            "Pipeline execution failed at `step=load` when processing package with `load_id=1715438684.1234567` "
            "with exception:\n\n<class 'dlt.load.exceptions.LoadClientJobFailed'>\nJob for "
            "`orders.a1b2c3d4e5.parquet` had terminal exception with message: HIVE_BAD_DATA: Field amount's type "
            "DOUBLE in parquet file is incompatible with type decimal(18,2) defined in table schema",
            lambda: raised("dlt.load.exceptions", "LoadClientJobFailed", "Job for `orders.a1b2c3d4e5.parquet` had "
                           "terminal exception with message: HIVE_BAD_DATA: Field amount's type DOUBLE in parquet "
                           "file is incompatible with type decimal(18,2) defined in table schema"))


def stream_dlt_sqlmesh():
    stream = []
    dl = Program("dlt", "dlt", logging.Formatter(DLT, style="{"), stream)
    thread = Set(thread=140241358747456)
    dl.handler.addFilter(thread)
    sq = Program("sqlmesh", "sqlmesh.core.context", logging.Formatter(SQLMESH), stream)
    load_id = "1715438684.1234567"
    hive_error = ("HIVE_BAD_DATA: Field amount's type DOUBLE in parquet file is incompatible with type "
                  "decimal(18,2) defined in table schema")
    at(dl.log, logging.INFO, "dlt/normalize/normalize.py:286", "Committing storage, do not kill this process",
       func="spool_files")
    at(dl.log, logging.INFO, "dlt/normalize/normalize.py:292", f"Extracted package {load_id} processed",
       func="spool_files")
    at(dl.log, logging.INFO, "dlt/load/load.py:778", "Running file loading", func="run")
    at(dl.log, logging.INFO, "dlt/load/load.py:781", f"Found {1} load packages", func="run")
    at(dl.log, logging.INFO, "dlt/load/load.py:787", f"Loading schema from load package in {load_id}", func="run")
    at(dl.log, logging.INFO, "dlt/load/load.py:789", f"Loaded schema name {'orders'} and version {3}", func="run")
    at(dl.log, logging.INFO, "dlt/destinations/job_client_impl.py:317",
       f"Schema with hash {'n8Pq1k2yGk7kWbU5m4+5c3d2e1f0a9b8c7d6e5f4a3b2c1d='} not found in the storage. upgrading",
       func="update_stored_schema")
    at(dl.log, logging.INFO, "dlt/destinations/impl/athena/athena.py:385",
       f"Will create EXTERNAL table {'orders'} from {'s3://acme-lake/raw/orders_raw/orders'}",
       func="_get_table_update_sql")
    at(dl.log, logging.INFO, "dlt/load/load.py:181",
       f"Will load file {'orders/1715438684.1234567/new_jobs/orders.a1b2c3d4e5.0.parquet'} with table name "
       f"{'orders'}", func="_create_job")
    at(dl.log, logging.INFO, "dlt/load/load.py:502", f"Will complete {1} for {load_id}", func="complete_jobs")
    thread.values.update(thread=140240963905216)
    at(dl.log, logging.ERROR, "dlt/load/load.py:525",
       f"Job for {'orders.a1b2c3d4e5.parquet'} failed terminally in load {load_id} with message "
       f"{hive_error}", func="complete_jobs")
    thread.values.update(thread=140241358747456)
    uncaught(stream, athena_failed)
    # `sqlmesh run` after the load, in the same ECS task (its log file).
    sn = '"awsdatacatalog"."analytics"."daily_orders"'
    at(sq.logger("sqlmesh.core.snapshot.evaluator"), logging.INFO, "sqlmesh/core/snapshot/evaluator.py:711",
       "Evaluating snapshot %s", Shown(f"SnapshotId<{sn}: 2837467125>"))
    evaluator = sq.logger("sqlmesh.core.snapshot.evaluator")
    in_thread("ThreadPoolExecutor-0_0", lambda: at(
        evaluator, logging.INFO, "sqlmesh/core/snapshot/evaluator.py:952", "Inserting data for snapshot %s",
        Shown(f"SnapshotId<{sn}: 2837467125>")))
    in_thread("ThreadPoolExecutor-0_1", lambda: at(
        evaluator, logging.INFO, "sqlmesh/core/snapshot/evaluator.py:603", "Auditing snapshot %s",
        Shown('SnapshotId<"awsdatacatalog"."analytics"."customers": 918273645>')))
    node = ("EvaluateNode(snapshot_name='\"awsdatacatalog\".\"analytics\".\"daily_orders\"', "
            "interval=(1715299200000, 1715385600000), batch_index=0)")
    try:
        chained("sqlmesh.utils.concurrency", "NodeExecutionFailedError", f"Execution failed for node {node}",
                lambda: raised("sqlmesh.utils.errors", "SQLMeshError", "TABLE_NOT_FOUND: line 1:121: Table "
                               "'awsdatacatalog.orders_raw.orders' does not exist"))
    except Exception as e:
        # sqlmesh/core/scheduler.py: str(error) with the error as exc_info.
        log_at(sq.logger("sqlmesh.core.scheduler"), logging.INFO, "sqlmesh/core/scheduler.py:618", str(e),
               exc_info=(type(e), e, e.__traceback__))
    weekly = '"awsdatacatalog"."analytics"."weekly_revenue"'
    at(sq.logger("sqlmesh.core.scheduler"), logging.INFO, "sqlmesh/core/scheduler.py:613",
       f"SKIPPED snapshot {weekly}\n")
    at(sq.logger("sqlmesh.core.engine_adapter.base"), logging.INFO, "sqlmesh/core/engine_adapter/base.py:2539",
       "Connection to the database was lost. Reconnecting...")
    return {"name": "dlt-sqlmesh", "programs": [dl, sq], "records": stream, "auto": False}


def tap_failed():
    """tap_postgres main(): the exception, raised again."""
    raised("psycopg2", "OperationalError", 'could not connect to server: Connection timed out\n\tIs the server '
           'running on host "orders.c1x2y3.us-east-1.rds.amazonaws.com" (10.0.2.15) and accepting\n\tTCP/IP '
           'connections on port 5432?\n')


def stream_singer_pypiserver():
    stream = []
    sg = Program("singer", "root", logging.Formatter(SINGER), stream)
    pp = Program("pypiserver", "pypiserver.main", logging.Formatter(PYPISERVER), stream)
    thread = Set(thread=140508245190464)
    pp.handler.addFilter(thread)
    # pypiserver/__main__.py _logwrite: bottle's start-up text, one record.
    # (bottle 0.12.25, vendored; "auto" picks waitress). The last write
    # ends "\n\n": _logwrite strips one.
    bottle = pp.logger("pypiserver.bottle_wrapper")
    bottle.info("Bottle v%s server starting up (using %s)..." % ("0.12.25", "AutoServer()"))
    bottle.info("Listening on http://%s:%d/" % ("0.0.0.0", 8080))
    bottle.info("Hit Ctrl-C to quit.\n")
    app = pp.logger("pypiserver._app")
    thread.values.update(thread=140507952629440)
    app.info("%(bottle.request)s", {"bottle.request": Shown(
        "<LocalRequest: GET http://pypi.internal:8080/simple/acme-tap-postgres/>")})
    app.info("%(status)s", {"status": "200 OK"})
    # tap-postgres v0.2.1-5 (singer-io/tap-postgres 821f1cf), through
    # singer.get_logger() (the root logger).
    sg.log.info("User %s connected with SSL = %s", "tap_reader", "t")
    sg.log.info("Selected streams: %s ", ["public-customers", "public-orders"])
    sg.log.info("No currently_syncing found")
    sg.log.info("Beginning sync of stream(%s) with sync method(%s)", "public-orders", "incremental")
    sg.log.info("Stream %s is using incremental replication with replication key %s", "public-orders", "updated_at")
    sg.log.info("Current Server Encoding: %s", "UTF8")
    sg.log.info("Current Client Encoding: %s", "UTF8")
    sg.log.info("hstore is UNavailable")
    sg.log.info("select %s with itersize %s", 'SELECT "id" , "customer_id" , "total" , "updated_at" FROM "public".'
                '"orders" WHERE "updated_at" >= \'2024-05-10T00:00:00+00:00\'::timestamp with time zone ORDER BY '
                '"updated_at" ASC', 20000)
    # singer/metrics.py log.
    sg.log.info("METRIC: %s", json.dumps({"type": "counter", "metric": "record_count", "value": 20000, "tags": {}}))
    sg.log.info("METRIC: %s", json.dumps({"type": "counter", "metric": "record_count", "value": 7312, "tags": {}}))
    printed(stream, json.dumps({"currently_syncing": None, "bookmarks": {"public-orders": {
        "last_replication_method": "INCREMENTAL", "replication_key": "updated_at", "version": 1715438684211,
        "replication_key_value": "2024-05-11T14:40:02.118374+00:00"}}}))
    thread.values.update(thread=140507944236736)
    app.info("%(bottle.request)s", {"bottle.request": Shown("<LocalRequest: POST http://pypi.internal:8080/>")})
    app.warning("Cannot upload 'acme_tap_postgres-0.4.2.tar.gz' since it already exists! \n"
                "  You may start server with `--overwrite` option. ")
    # __main__ log_error: log_err_frmt over vars(HTTPError).
    app.info("%(body)s: %(exception)s \n%(traceback)s", {
        "body": "Package 'acme_tap_postgres-0.4.2.tar.gz' already exists!\n  You may start server with "
                "`--overwrite` option.", "exception": None, "traceback": None})
    app.info("%(status)s", {"status": "409 Conflict"})
    thread.values.update(thread=140507952629440)
    try:
        error(PermissionError, 13, "Permission denied")
    except PermissionError:
        pp.logger("pypiserver.backend").exception("Unexpected error removing package: %s",
                                                  "acme_tap_postgres-0.4.1.tar.gz")
    # The next run: the database is unreachable.
    try:
        tap_failed()
    except Exception as exc:
        sg.log.critical(exc)
    uncaught(stream, tap_failed)
    return {"name": "singer-pypiserver", "programs": [sg, pp], "records": stream, "auto": False}


def stream_seldon_sglang():
    stream = []
    sd = Program("seldon-core", "seldon_core.microservice", logging.Formatter(SELDON), stream)
    sg = Program("sglang", "sglang.srt.entrypoints.http_server", logging.Formatter(SGLANG, SGLANG_DATEFMT), stream)
    tp0 = Program("sglang", "sglang.srt.model_executor.model_runner", logging.Formatter(SGLANG_TP0, SGLANG_DATEFMT),
                  stream)
    tp1 = Program("sglang", "sglang.srt.managers.scheduler", logging.Formatter(SGLANG_TP1, SGLANG_DATEFMT), stream)
    ms = "seldon_core/microservice.py"
    at(sd.log, logging.INFO, f"{ms}:578", "Starting microservice.py:main", func="main")
    at(sd.log, logging.INFO, f"{ms}:579", f"Seldon Core version: {'1.18.2'}", func="main")
    at(sd.log, logging.INFO, f"{ms}:602", "Parse JAEGER_EXTRA_TAGS %s", [], func="main")
    at(sd.log, logging.INFO, f"{ms}:176", "Found annotation %s:%s ", "seldon.io/grpc-max-message-size", "104857600",
       func="load_annotations")
    at(sd.log, logging.INFO, f"{ms}:605", "Annotations: %s", {"seldon.io/grpc-max-message-size": "104857600"},
       func="main")
    at(sd.log, logging.INFO, f"{ms}:609", "Importing %s", "ChurnModel", func="main")
    at(sd.log, logging.INFO, f"{ms}:640", "REST gunicorn microservice running on port %i", 9000, func="main")
    at(sd.log, logging.INFO, f"{ms}:655", "REST metrics microservice running on port %i", 6000, func="main")
    at(sd.log, logging.INFO, f"{ms}:665", "Starting servers", func="main")
    at(sd.log, logging.INFO, f"{ms}:80", "Using standard multiprocessing library", func="start_servers")
    with pid(19):
        at(sd.log, logging.INFO, f"{ms}:466", f"Starting new GRPC server with {4} threads.", func="_run_grpc_server")
    # Seldon's REST server is gunicorn, whose own logger writes these.
    with pid(7):
        gunicorn_error, _ = realworld.gunicorn_programs(stream)
        gunicorn_error.log.info("Starting gunicorn %s", "21.2.0")
        gunicorn_error.log.info("Booting worker with pid: %s", 21)
    # The SGLang router's engine on the same node group (tp 2).
    sg.logger("sglang.srt.entrypoints.engine").info(
        "server_args=ServerArgs(model_path='meta-llama/Llama-3.1-8B-Instruct', tokenizer_path='meta-llama/"
        "Llama-3.1-8B-Instruct', tokenizer_mode='auto', skip_tokenizer_init=False, load_format='auto', "
        "trust_remote_code=False, dtype='auto', kv_cache_dtype='auto', quantization=None, context_length=None, "
        "device='cuda', served_model_name='meta-llama/Llama-3.1-8B-Instruct', chat_template=None, is_embedding="
        "False, host='0.0.0.0', port=30000, mem_fraction_static=0.871, max_running_requests=None, tp_size=2, "
        "stream_interval=1, random_seed=874326151, log_level='info', log_requests=False, show_time_cost=False, "
        "enable_metrics=False, api_key=None, file_storage_path='sglang_storage', dp_size=1, "
        "load_balance_method='round_robin', disable_radix_cache=False, disable_cuda_graph=False)")
    for prog in (tp0, tp1):
        prog.log.info("Init torch distributed begin.")
    tp0.log.info(f"Load weight begin. avail mem={21.84:.2f} GB")
    tp1.log.info(f"Load weight begin. avail mem={21.84:.2f} GB")
    # model_loader/weight_utils.py _BAR_FORMAT, rank 0 only.
    printed(stream, "Loading safetensors checkpoint shards: 100% Completed | 4/4 [00:03<00:00,  1.21it/s]")
    for prog in (tp1, tp0):
        prog.log.info(f"Load weight end. type={'LlamaForCausalLM'}, dtype={'torch.bfloat16'}, avail mem={14.26:.2f} "
                      f"GB, mem usage={7.58:.2f} GB.")
    tp0.log.info(f"Memory pool end. avail mem={2.61:.2f} GB")
    tp0.log.info(f"Capture cuda graph begin. This can take up to several minutes. avail mem={2.08:.2f} GB")
    # tqdm on stderr (cuda_graph_runner.py's bar has no description).
    printed(stream, "100%|██████████| 23/23 [00:05<00:00,  4.38it/s]")
    tp0.log.info(f"Capture cuda graph end. Time elapsed: {5.43:.2f} s. mem usage={0.47:.2f} GB. avail mem={1.61:.2f} "
                 f"GB.")
    sg.log.info("The server is fired up and ready to roll!")
    sched = tp0.logger("sglang.srt.managers.scheduler")
    sched.info("Prefill batch. #new-seq: 1, #new-token: 7, #cached-token: 0, token usage: 0.00, #running-req: 0, "
               "#queue-req: 0")
    sched.info("Decode batch. #running-req: 1, #token: 40, token usage: 0.00, cuda graph: True, gen throughput "
               "(token/s): 98.37, #queue-req: 0")
    # The Seldon model's predict fails on bad input.
    with pid(21):
        # seldon_core/wrapper.py handle_generic_exception (a gunicorn worker).
        at(sd.logger("seldon_core.wrapper"), logging.ERROR, "seldon_core/wrapper.py:53", "%s", {
            "status": {"status": 1, "info": "could not convert string to float: 'yes'", "code": -1,
                       "reason": "MICROSERVICE_INTERNAL_ERROR"}}, func="handle_generic_exception")
    try:
        error(RuntimeError, "CUDA error: an illegal memory access was encountered\nCUDA kernel errors might be "
              "asynchronously reported at some other API call, so the stacktrace below might be incorrect.")
    except RuntimeError:
        # scheduler.py run_scheduler_process: the traceback in the message.
        tb = "".join(traceback.format_exception(*sys.exc_info()))
        tp1.log.error(f"Scheduler hit an exception: {tb}")
    return {"name": "seldon-sglang", "programs": [sd, sg, tp0, tp1], "records": stream, "auto": False}


def stream_scoutsuite_lemur():
    stream = []
    ss = Program("scoutsuite", "scout", logging.Formatter(SCOUTSUITE, SCOUTSUITE_DATEFMT), stream)
    ss.handler.addFilter(Set(hostname="codebuild-scout-6b7c9d"))
    lm = Program("lemur", "lemur", logging.Formatter(LEMUR), stream)
    ss.log.info("Launching Scout")
    ss.log.info("Authenticating to cloud provider")
    ss.log.info("Gathering data from APIs")
    # ScoutSuite/providers/aws/facade/base.py build_region_list.
    ss.log.error('"get_available_regions" returned an empty array for service "{}", '
                 'something is wrong'.format("bedrock-agent"))
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the "
               "GetBucketLogging operation: Access Denied")
    except Exception as e:
        # ScoutSuite/core/console.py print_exception with --debug.
        # (the frame that caught it: s3.py, the await on line 86).
        ss.log.exception(f"{'s3.py'} L{86}: "
                         + "Failed to get logging configuration for {}: {}".format("acme-audit-logs", e))
    ss.log.warning("Failed to get bucket location for {}: {}".format("acme-legacy-assets", "An error occurred "
                   "(AccessDenied) when calling the GetBucketLocation operation: Access Denied"))
    cli = "lemur/certificates/cli.py"
    function = "lemur.certificates.cli.rotate"
    at(lm.log, logging.INFO, f"{cli}:318", {
        "function": function, "message": "Rotating one endpoint", "endpoint": "shop-alb-123456789.us-east-1.elb."
        "amazonaws.com", "certificate": "shop.example.com-Amazon-20240511-20250610"}, func="rotate")
    acme = "lemur/plugins/lemur_acme/challenge_types.py"
    at(lm.log, logging.INFO, f"{acme}:183", "Uploaded HTTP-01 challenge token.", func="deploy")
    at(lm.log, logging.INFO, f"{acme}:127", "Uploaded HTTP-01 challenge tokens, trying to poll and finalize the "
       "order", func="create_certificate")
    ss.log.info("Running pre-processing engine")
    ss.log.info("Running rule engine")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (CertificateNotFound) when calling the "
               "SetLoadBalancerListenerSSLCertificate operation: Certificate 'arn:aws:iam::123456789012:server-"
               "certificate/shop.example.com-Amazon-20240511-20250610' not found")
    except Exception:
        log_at(lm.log, logging.ERROR, f"{cli}:176",
               f"Error rotating certificate: {'shop.example.com-Amazon-20240511-20250610'}", exc_info=True,
               func="request_rotation")
    at(lm.log, logging.INFO, f"{acme}:197", "Cleaned up HTTP-01 challenge token.", func="cleanup")
    try:
        raised("botocore.exceptions", "ClientError", "An error occurred (Throttling) when calling the "
               "DescribeLoadBalancers operation (reached max retries: 4): Rate exceeded")
    except Exception:
        log_at(lm.log, logging.ERROR, "lemur/plugins/lemur_aws/elb.py:32", "ELB retry_throttled triggered",
               exc_info=True, func="retry_throttled")
    celery = "lemur/common/celery.py"
    task_tb = ('Traceback (most recent call last):\n  File "/usr/local/lib/python3.11/site-packages/celery/app/'
               'trace.py", line 477, in trace_task\n    R = retval = fun(*args, **kwargs)\n'
               'lemur.plugins.lemur_acme.acme_handlers.AcmeError: order ready timeout')
    at(lm.log, logging.ERROR, f"{celery}:209", {
        "function": "lemur.common.celery.report_failed_task", "message": "Celery Task Failure",
        "traceback": task_tb, "task_name": "lemur.common.celery.fetch_acme_cert",
        "task_id": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "sender_hostname": "unknown",
        "receiver_hostname": "celery@lemur-worker-5d8f9c7b6-xk2lp"}, func="report_failed_task")
    ss.log.info("Applying display filters")
    ss.log.info("Running post-processing engine")
    ss.log.error("Failure while generating HTML report: {}".format("[Errno 28] No space left on device: "
                                                                   "'scoutsuite-report/scoutsuite-results'"))
    return {"name": "scoutsuite-lemur", "programs": [ss, lm], "records": stream, "auto": False}


def stream_elastalert_cephadm():
    stream = []
    ea = Program("elastalert2", "elastalert", logging.Formatter(ELASTALERT), stream)
    ce = Program("cephadm", "root", logging.Formatter(CEPHADM), stream)
    thread = Set(thread=0x7F3A9C2D4740)
    ce.handler.addFilter(thread)
    ea.log.info(f"{4} rules loaded")
    ea.log.info("Starting up")
    ce.log.debug("%s\ncephadm %s" % ("-" * 80, ["--image", "quay.io/ceph/ceph:v18.2.2", "bootstrap", "--mon-ip",
                                                "10.0.3.7", "--allow-fqdn-hostname"]))
    for line in ["Verifying podman|docker is present...", "Verifying lvm2 is present...",
                 "Verifying time synchronization is in place...", "Unit chronyd.service is enabled and running",
                 "Repeating the final host check...", "podman (/usr/bin/podman) version 4.9.4 is present",
                 "systemctl is present", "lvcreate is present", "Unit chronyd.service is enabled and running",
                 "Host looks OK", "Cluster fsid: 6c44eb7e-0f8b-11ef-8c1a-0242ac120003"]:
        ce.log.info(line)
    # APScheduler 3.x's executor (ElastAlert 2's BackgroundScheduler) logs
    # through the same root handler; the example config's root level WARN
    # keeps its INFO records out, `--verbose` lets elastalert's in.
    executor = ea.logger("apscheduler.executors.default")
    in_thread("ThreadPoolExecutor-0_0", lambda: ea.log.info(
        "Queried rule %s from %s to %s: %s / %s hits" % ("5xx spike", "2024-05-11 14:29 UTC", "2024-05-11 14:44 UTC",
                                                          37, 37)))
    in_thread("ThreadPoolExecutor-0_0", lambda: ea.log.info("Sent Amazon SNS notification to %s" % (
        "arn:aws:sns:us-east-1:123456789012:oncall")))
    in_thread("ThreadPoolExecutor-0_0", lambda: ea.log.info(
        "Ran %s from %s to %s: %s query hits (%s already seen), %s matches, %s alerts sent" % (
            "5xx spike", "2024-05-11 14:29 UTC", "2024-05-11 14:44 UTC", 37, 0, 1, 1)))
    # cephadmlib/call_wrappers.py call: a failing podman pull.
    cmd = ["/usr/bin/podman", "pull", "quay.io/ceph/ceph:v18.2.2"]
    thread.values.update(thread=0x7F1D5E3B9740)
    ce.log.debug("%s\ncephadm %s" % ("-" * 80, ["--image", "quay.io/ceph/ceph:v18.2.2", "--timeout", "895",
                                                "pull"]))
    ce.log.info(f'Non-zero exit code {125} from {" ".join(cmd)}')
    ce.log.info("/usr/bin/podman: " + "stderr " + "Trying to pull quay.io/ceph/ceph:v18.2.2...")
    ce.log.info("/usr/bin/podman: " + "stderr " + "Error: initializing source docker://quay.io/ceph/ceph:v18.2.2: "
                "pinging container registry quay.io: Get \"https://quay.io/v2/\": dial tcp 44.193.101.5:443: i/o "
                "timeout")
    thread.values.update(thread=0x7F3A9C2D4740)
    in_thread("ThreadPoolExecutor-0_1", lambda: executor.warning(
        'Run time of job "%s" was missed by %s',
        "Internal: Handle Pending Alerts (trigger: interval[0:01:00], next run at: 2024-05-11 14:45:48 UTC)",
        "0:00:12.334912"))
    try:
        raised("elasticsearch.exceptions", "ConnectionTimeout", "ConnectionTimeout caused by - ReadTimeoutError("
               "HTTPSConnectionPool(host='vpc-logs-abc123.us-east-1.es.amazonaws.com', port=443): Read timed out. "
               "(read timeout=20))")
    except Exception as e:
        in_thread("ThreadPoolExecutor-0_1", lambda: ea.log.exception(
            "Error writing alert info to Elasticsearch: %s" % (e)))
    ea.log.error("unable to send metrics:\n%s" % "[Errno 111] Connection refused")
    ea.log.info("Sleeping for %s seconds" % 59.987)
    return {"name": "elastalert-cephadm", "programs": [ea, ce], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_cfninit_awslogs(), stream_yum_ec2rl(), stream_spilo_wale(), stream_pghoard_medusa(),
        stream_dlt_sqlmesh(), stream_singer_pypiserver(), stream_seldon_sglang(), stream_scoutsuite_lemur(),
        stream_elastalert_cephadm(),
    ])


if __name__ == "__main__":
    main()
