"""The tenth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout9.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS (a
Kafka platform on MSK with Karapace's schema registry and a Quix Streams
application; a dbt job in CodeBuild linted by SQLFluff and monitored by
Elementary; an incident-response EC2 instance running Plaso's
log2timeline and Volatility 3 on an acquired disk and memory image; a
scheduled security inventory with Fix Inventory's worker and PMapper; a
platform security cluster with DefectDojo and the Quay registry whose Clair
findings it imports; a SOC host with a Wazuh worker node and IntelMQ's
bots; a RHEL instance upgraded in place by Leapp beside TuneD; an incident
platform with Netflix's Dispatch and a Taskiq worker and scheduler; a
conference's pretix shop and pretalx call for papers), each format copied
from the file named beside it (the version read is given), with the
formatter class or the filter the program uses, and messages from the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout10

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 059d88c (session 16's first rules in), before
any rule saw it: 3329 records (115 joined under a burst), 44.7% exact,
57.2% with the key fields right (asctime 87.4%, levelname 90.2%, name
82.4%, message 71.8%, exc_info 99.9%).

Where a formatter sets an attribute its format doesn't print, the
attribute would be left off, as a JsonFormatter in its place would not
set it: none of this set's formatters does (Elementary's ColoredFormatter
only picks a format by the level). Attributes a filter sets are kept,
printed or not (Wazuh's ClusterFilter sets the printed `tag` and
`subtag`; the process names that Plaso's workers and Taskiq's worker
processes print are set through a filter here, as multiprocessing would
name them), and a filter that rewrites the message is kept too (SQLFluff's
red_log_filter appends a space to every WARNING's message, which it would
colour red on a terminal: off one, `colorize` returns it as it is).

Elementary's ColoredFormatter wraps a WARNING's or an ERROR's whole line
in ANSI colour codes, whatever the output, and its format separates the
fields with em dashes; SQLFluff's format starts with an ANSI reset code.
Quix Streams writes the logger's name into its format ("[quixstreams]"),
Fix Inventory the process's ("|fixworker|"): the records' names are not
printed. Karapace's format has no time and pads the name, tab-separated;
the master coordinator's thread is Python's default "Thread-1
(_start_loop)". Volatility 3 runs with -vvvvv: its "DETAIL n" levels (9
to 7) have a space in their names; Wazuh's cluster prints no logger name
but the task's tags. Leapp's "%(msecs)-3d" pads the milliseconds on the
right ("14:44:44.5  "). Plaso, Quay and Leapp print %(process)d, Fix
Inventory too: the ids are pinned. Dispatch runs with LOG_LEVEL=DEBUG,
whose format puts the path, function and line after the message.
DefectDojo's celery worker logs Celery's own records through its format
(its "celery" logger has DefectDojo's console handler), Quay its
gunicorn access lines and APScheduler's through its own; pretix and
pretalx share one format. Volatility's banner, result table and
requirement report, PMapper's graph summary, SQLFluff's lint report, dbt's
output, CodeBuild's "[Container]" lines and Leapp's phase and error
summaries are print lines; Quix Streams' last exception ends the process,
and the interpreter prints it.

Left out: FastStream (its ColourizedFormatter writes ANSI codes into the
record's `levelname`, as LMDeploy's in `heldout8.py`, and its broker
formats are built with widths per subscriber, as Sanic's), convert2rhel
(its CustomFormatter switches formats by level, a TASK line's built in
code), Soda Core (its SodaConsoleFormatter builds the line in code), Runway
("[runway] %(message)s", BASIC_FORMAT with --debug; CFNgin's is Stacker's
in `heldout7.py`), Robusta (colorlog's "%(log_color)s" is no record
attribute), Yelp's kafka-utils and Syne Tune (logging.basicConfig()'s
BASIC_FORMAT), sos (Patroni's format in `heldout2.py`) and Wazuh's API
(Uvicorn's formatters, left out on purpose). IntelMQ's bots write their
log files with Dask's format; it stays, as the program is new.
"""

import json
import logging
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised  # noqa: E402
from heldout import Set  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import pid, record_at  # noqa: E402

# Karapace (Aiven-Open/karapace 6.2.0-4, 3bbc1f8d), src/karapace/core/
# config.py Config.log_format through src/karapace/core/logging_setup.py
# configure_logging (log_handler "stdout", the default log_level DEBUG).
KARAPACE = "%(name)-20s\t%(threadName)s\t%(levelname)-8s\t%(message)s"
# Quix Streams (quixio/quix-streams v3.25.0, dfb63318), quixstreams/
# logging.py configure_logging (name "quixstreams", pid=False), through
# Application(loglevel="DEBUG").
QUIX = "[%(asctime)s] [%(levelname)s] [quixstreams] : %(message)s"
# SQLFluff (sqlfluff/sqlfluff 4.3.0-43, e8e8c5d2), src/sqlfluff/cli/
# commands.py set_logging_level's handler and its red_log_filter
# (`sqlfluff lint -vvv`: INFO; plain output off a terminal).
SQLFLUFF = "\u001b[0m%(levelname)-10s %(message)s"
# Elementary (elementary-data/elementary v0.25.0-2, 809127cd),
# elementary/utils/log.py ColoredFormatter FORMAT and DATE_FORMAT (the
# "elementary" logger's stdout handler, `edr monitor`).
ELEMENTARY = "%(asctime)s \u2014 %(levelname)s \u2014 %(message)s"
ELEMENTARY_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Plaso (log2timeline/plaso 20260720, 4ea03ef9), plaso/lib/loggers.py
# ConfigureLogging's format_string (`log2timeline --debug --logfile`; each
# worker process writes its own "Worker_NN_" file beside it).
PLASO = "%(asctime)s [%(levelname)s] (%(processName)-10s) PID:%(process)d <%(module)s> %(message)s"
# Volatility 3 (volatilityfoundation/volatility3 v2.5.2-613, a1961401:
# 2.11.0), volatility3/cli/__init__.py's console formatter (stderr; -vvvvv
# sets it to level 7, order_extra_verbose_levels names 9 to 6 "DETAIL n").
VOLATILITY = "%(levelname)-8s %(name)-12s: %(message)s"
# Fix Inventory (someengineering/fixinventory 4.2.0-24, 21183338),
# fixlib/fixlib/logger.py setup_logger's text format and datefmt
# (FIX_LOG_TEXT=true, `fixworker --verbose`).
FIXWORKER = "%(asctime)s|fixworker|%(levelname)5s|%(process)d|%(threadName)10s  %(message)s"
FIX_DATEFMT = "%y-%m-%d %H:%M:%S"
# PMapper (nccgroup/PMapper v1.1.5-7, 91d2e601), principalmapper/
# __main__.py main's logging.basicConfig with --debug.
PMAPPER = "%(asctime)s | %(levelname)8s | %(name)s | %(message)s"
PMAPPER_DATEFMT = "%Y-%m-%d %H:%M:%S%z"
# DefectDojo (DefectDojo/django-DefectDojo 3.2.0-2, 7cfa159a), dojo/settings/
# settings.dist.py LOGGING "verbose" (the console handler: DD_LOGGING_HANDLER
# console, DD_LOG_LEVEL INFO; uwsgi and the celery worker alike).
DEFECTDOJO = "[%(asctime)s] %(levelname)s [%(name)s:%(lineno)d] %(message)s"
DEFECTDOJO_DATEFMT = "%d/%b/%Y %H:%M:%S"
# Quay (quay/quay v3.6.0-alpha.9-2801, ffba0c70), conf/logging.conf
# [formatter_generic] (the console handler of the root, gunicorn.error and
# gunicorn.access loggers; every worker under supervisord writes it).
QUAY = "%(asctime)s [%(process)d] [%(levelname)s] [%(name)s] %(message)s"
# Wazuh (wazuh/wazuh v4.14.7, a42268a2), framework/scripts/wazuh_clusterd.py
# set_logging's tag through framework/wazuh/core/wlogging.py WazuhLogger
# (datefmt) and framework/wazuh/core/cluster/utils.py ClusterFilter
# (logs/cluster.log; a worker node, debug level 1).
WAZUH = "%(asctime)s %(levelname)s: [%(tag)s] [%(subtag)s] %(message)s"
WAZUH_DATEFMT = "%Y/%m/%d %H:%M:%S"
# IntelMQ (certtools/intelmq 3.3.1-5, d5e3e411), intelmq/lib/utils.py
# LOG_FORMAT through log()'s file handler (a bot's /opt/intelmq/var/log/
# <bot-id>.log, logging_level INFO).
INTELMQ = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Leapp (oamg/leapp v0.21.0-13, 5aab7431), leapp/logger/__init__.py
# configure_logger's log_format and log_date_format (its file handler,
# /var/log/leapp/leapp-upgrade.log, DEBUG; the fallback sets gmtime).
LEAPP = "%(asctime)s.%(msecs)-3d %(levelname)-8s PID: %(process)d %(name)s: %(message)s"
LEAPP_DATEFMT = "%Y-%m-%d %H:%M:%S"
# TuneD (redhat-performance/tuned v2.28.0-rc.1, 2bfa4423), tuned/logs.py
# TunedLogger._formatter (/var/log/tuned/tuned.log).
TUNED = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
# Dispatch (Netflix/dispatch, dd2837e8), src/dispatch/logging.py
# LOG_FORMAT_DEBUG through configure_logging (LOG_LEVEL=DEBUG).
DISPATCH = "%(levelname)s:%(message)s:%(pathname)s:%(funcName)s:%(lineno)d"
# Taskiq (taskiq-python/taskiq 0.12.4-8, ae2b7880), taskiq/cli/worker/
# args.py WorkerArgs.log_format (run.py's logging.basicConfig) and
# taskiq/cli/scheduler/run.py run_scheduler's logging.basicConfig.
TASKIQ = "[%(asctime)s][%(name)s][%(levelname)-7s][%(processName)s] %(message)s"
TASKIQ_SCHEDULER = "[%(asctime)s][%(levelname)-7s][%(module)s:%(funcName)s:%(lineno)d] %(message)s"
# pretalx (pretalx/pretalx v2026.2.1-267, 5a3c2f61) src/pretalx/settings.py
# LOGGING "default", and pretix (pretix/pretix, the stored c2f04837)
# src/pretix/settings.py LOGGING 'default': the same format (console
# handler, INFO).
PRETALX = "%(levelname)s %(asctime)s %(name)s %(module)s %(message)s"
PRETIX = "%(levelname)s %(asctime)s %(name)s %(module)s %(message)s"


def now(fmt):
    """The clock's time, as a program prints it into a message."""
    return time.strftime(fmt, time.gmtime(realworld.CLOCK.t))


def container(stream, text):
    """A CodeBuild agent's line, stamped with the clock."""
    t = realworld.CLOCK.t
    printed(stream, "[Container] %s.%06d %s" % (now("%Y/%m/%d %H:%M:%S"), round(t % 1 * 1e6) % 1000000, text))


class ElementaryFormatter(logging.Formatter):
    """elementary.utils.log.ColoredFormatter, as written there (its
    FORMAT and DATE_FORMAT given to the base class too, so the harness
    reads them)."""
    YELLOW = "\x1b[33;20m"
    RED = "\x1b[31;20m"
    BOLD_RED = "\x1b[31;1m"
    RESET = "\x1b[0m"
    FORMAT = ELEMENTARY
    DATE_FORMAT = ELEMENTARY_DATEFMT

    FORMATS = {
        logging.WARNING: YELLOW + FORMAT + RESET,
        logging.ERROR: RED + FORMAT + RESET,
        logging.CRITICAL: BOLD_RED + FORMAT + RESET,
    }

    def __init__(self):
        super().__init__(self.FORMAT, self.DATE_FORMAT)

    def format(self, record):
        log_fmt = self.FORMATS.get(record.levelno, self.FORMAT)
        formatter = logging.Formatter(log_fmt, self.DATE_FORMAT)
        return formatter.format(record)


class RedLogFilter(logging.Filter):
    """sqlfluff.cli.commands.set_logging_level's red_log_filter, with
    plain output (colorize returns the text as it is)."""

    def filter(self, record):
        if record.levelno >= logging.WARNING:
            record.msg = f"{record.msg} "
        return True


class LeappFormatter(logging.Formatter):
    """Leapp's fallback configuration sets logging.Formatter.converter to
    time.gmtime for every formatter; here for its own only."""
    converter = time.gmtime


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


def stream_karapace_quix():
    stream = []
    kp = Program("karapace", "root", logging.Formatter(KARAPACE), stream)
    reader = kp.logger("karapace.core.schema_reader")
    coordinator = kp.logger("karapace.core.coordinator.schema_coordinator")
    master = kp.logger("karapace.core.coordinator.master_coordinator")
    registry = kp.logger("karapace.core.schema_registry")
    controller = kp.logger("karapace.api.controller")
    forward = kp.logger("karapace.api.forward_client")
    qx = Program("quixstreams", "quixstreams.app", logging.Formatter(QUIX), stream)
    consumer = qx.logger("quixstreams.kafka.consumer")
    admin = qx.logger("quixstreams.models.topics.admin")
    recovery = qx.logger("quixstreams.state.recovery")
    context = qx.logger("quixstreams.processing.context")
    checkpoint = qx.logger("quixstreams.checkpointing.checkpoint")
    brokers = ("b-1.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098,"
               "b-2.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098,"
               "b-3.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098")
    sr = "karapace/core/schema_reader.py"
    sc = "karapace/core/coordinator/schema_coordinator.py"
    member = "karapace-sr-1-8f2e6a1c-4b3d-4e5f-9a7b-2c1d0e3f4a5b"
    config = {"access_logs_debug": False, "bootstrap_uri": brokers, "client_id": "sr-1", "group_id": "schema-registry",
              "host": "0.0.0.0", "port": 8081, "log_level": "DEBUG", "log_handler": "stdout",
              "registry_password": "****", "sasl_mechanism": "OAUTHBEARER", "security_protocol": "SASL_SSL",
              "ssl_cafile": None, "ssl_keyfile": "****", "topic_name": "_schemas", "replication_factor": 3,
              "master_eligibility": True}
    log_at(kp.log, logging.DEBUG, "karapace/core/logging_setup.py:45", "Config %r", config,
           func="log_config_without_secrets")

    def read_start():
        log_at(reader, logging.DEBUG, f"{sr}:243", "[Schema Topic] Creating %r", "_schemas", func="run")
        log_at(reader, logging.WARNING, f"{sr}:253", "[Schema Topic] Already exists %r", "_schemas", func="run")
        log_at(reader, logging.DEBUG, f"{sr}:269", "[Consumer] Subscribing to topic %r after creation", "_schemas",
               func="run")
        log_at(reader, logging.DEBUG, f"{sr}:274", "[Consumer] Waiting for partition assignment", func="run")
        log_at(reader, logging.DEBUG, f"{sr}:278", "[Consumer] Partitions assigned: %s",
               Shown("[TopicPartition{topic=_schemas,partition=0,offset=-1001,leader_epoch=None,error=None}]"),
               func="run")
        log_at(reader, logging.INFO, f"{sr}:385", "Starting schema replay: %s messages to process (offset 0 to %s)",
               1843, 1842, func="_is_ready")
        for offset, pct, rate in ((611, 33.17, 2114.83), (1297, 70.41, 2371.2), (1842, 100.0, 1992.51)):
            log_at(reader, logging.DEBUG, f"{sr}:395", "Replay progress (%s): %s/%s (%s %%) (recs/s %s)", 0.29,
                   offset, 1842, pct, rate, func="_is_ready")
        log_at(reader, logging.INFO, f"{sr}:409", "Schema replay completed in %.2f seconds (processed %s messages)",
               0.8712, 1842, func="_is_ready")
        log_at(reader, logging.DEBUG, f"{sr}:575", "Metrics initialized: subjects=%s, schemas=%s, live_versions=%s, "
               "soft_deleted_versions=%s", 212, 640, 598, 42, func="_initialize_metrics")

    in_thread("schema-reader", read_start)

    def coordinate():
        log_at(master, logging.INFO, "karapace/core/coordinator/master_coordinator.py:88", "Waiting cluster metadata "
               "update after Kafka client bootstrap: %s.", set(), func="_async_loop")
        log_at(coordinator, logging.INFO, f"{sc}:581", "Discovered coordinator %s for group %s", 2, "schema-registry",
               func="ensure_coordinator_known")
        log_at(coordinator, logging.INFO, f"{sc}:825", "(Re-)joining group %s", "schema-registry",
               func="_perform_group_join")
        log_at(coordinator, logging.INFO, f"{sc}:405", "Creating assignment: %r, protocol: %r, members: %r", member,
               "v0", [Shown("JoinGroupResponse_v5_Member(member_id='%s', group_instance_id=None, metadata=b'{\"host\": "
                            "\"10.0.12.41\", \"master_eligibility\": true, \"port\": 8081, \"scheme\": \"http\", "
                            "\"version\": 2}')" % member)], func="_perform_assignment")
        log_at(coordinator, logging.INFO, f"{sc}:440", "Chose: %r with url: %r as the master", member,
               "http://10.0.12.41:8081", func="_perform_assignment")
        log_at(coordinator, logging.INFO, f"{sc}:461", "Join complete, generation %r, member_id: %r, protocol: %r, "
               "member_assignment_bytes: %r", 7, member, "v0", b'{"master": "' + member.encode() + b'", "master_identity": '
               b'{"host": "10.0.12.41", "port": 8081, "scheme": "http"}}', func="_on_join_complete")
        log_at(coordinator, logging.INFO, f"{sc}:232", "Newly elected as master, waiting %s ms before writing any "
               "schema to let other requests complete", 5000, func="are_we_master")
        log_at(coordinator, logging.INFO, f"{sc}:225", "Declaring myself as master since %s are passed!", 5000,
               func="are_we_master")

    in_thread("Thread-1 (_start_loop)", coordinate)
    app = "quixstreams/app.py"
    log_at(admin, logging.INFO, "quixstreams/models/topics/admin.py:209", 'Creating a new topic "changelog__'
           'fraud-scorer--card-velocity--default" with a config: "{\'num_partitions\': 12, \'replication_factor\': 3, '
           '\'extra_config\': {\'cleanup.policy\': \'compact\'}}"', func="create_topics")
    log_at(admin, logging.INFO, "quixstreams/models/topics/admin.py:164", 'Topic "card-transactions" already exists',
           func="_finalize_create")
    log_at(admin, logging.INFO, "quixstreams/models/topics/admin.py:159", 'Topic "changelog__fraud-scorer--card-'
           'velocity--default" has been created', func="_finalize_create")
    log_at(qx.log, logging.INFO, f"{app}:917", f'Starting the Application with the config: broker_address="{{\'bootstrap.'
           f'servers\': \'{brokers}\', \'security.protocol\': \'SASL_SSL\', \'sasl.mechanism\': \'OAUTHBEARER\'}}" '
           'consumer_group="fraud-scorer" auto_offset_reset="latest" commit_interval=5.0s commit_every=0 '
           'processing_guarantee="at-least-once"', func="_run_dataframe")
    log_at(qx.log, logging.DEBUG, f"{app}:1131", "Rebalancing: assigning partitions", func="_on_assign")
    log_at(recovery, logging.INFO, "quixstreams/state/recovery.py:420", "Beginning recovery check...",
           func="_recovery_loop")
    for partition in (0, 4, 8):
        rp = "<RecoveryPartition \"changelog__fraud-scorer--card-velocity--default[%d]\">" % partition
        log_at(recovery, logging.DEBUG, "quixstreams/state/recovery.py:583", f"Adding a recovery check for {rp}",
               func="_generate_recovery_partitions")
        log_at(recovery, logging.INFO, "quixstreams/state/recovery.py:738", f"Recovery progress for {rp}: "
               f"{18211 + partition * 97} / {40118 + partition * 211}", func="_log_recovery_progress")
        log_at(recovery, logging.INFO, "quixstreams/state/recovery.py:663", f"Recovery successful for {rp}",
               func="_update_recovery_status")
    log_at(recovery, logging.INFO, "quixstreams/state/recovery.py:440", "Recovery process complete! Resuming normal "
           "processing...", func="_recovery_loop")
    log_at(qx.log, logging.INFO, f"{app}:986", "The application started and is now processing incoming messages",
           func="_run_dataframe")
    subjects = ["card-transactions-value", "card-transactions-key", "fraud-scores-value", "merchant-risk-value"]
    for n in range(8):
        subject = subjects[n % 4]
        log_at(controller, logging.DEBUG, "karapace/api/controller.py:803", "POST with subject: %r, request: %r",
               subject, Shown("SchemaRequest(schema_str='{\"type\":\"record\",\"name\":\"%s\",\"namespace\":\"com.acme."
                              "payments\",\"fields\":[...]}', schema_type=<SchemaType.AVRO: 'AVRO'>, references=None, "
                              "metadata=None, rule_set=None)" % subject.split("-")[0].title()), func="subject_post")
        if n == 3:
            log_at(registry, logging.INFO, "karapace/core/schema_registry.py:314", "Writing new schema locally since "
                   "we're the master", func="write_new_schema_local")
            log_at(registry, logging.WARNING, "karapace/core/schema_registry.py:364", "Incompatible schema: %s, "
                   "incompatibilities: %s", "SchemaCompatibilityResult.INCOMPATIBLE",
                   "{<SchemaIncompatibilityType.reader_field_missing_default_value: 'reader_field_missing_default_value'>}",
                   func="write_new_schema_local")
        elif n == 6:
            log_at(forward, logging.INFO, "karapace/api/forward_client.py:64", "Forwarding %s request to remote url: %r "
                   "since we're not the master", "POST", "http://10.0.14.77:8081/subjects/%s/versions" % subject,
                   func="forward_request_remote")
        else:
            log_at(registry, logging.DEBUG, "karapace/core/schema_registry.py:322", "Schema id %r found from "
                   "subject+schema cache", 101 + n * 7, func="write_new_schema_local")
        # The scorer's consumer: checkpoints between the registry's requests.
        log_at(context, logging.DEBUG, "quixstreams/processing/context.py:96", "Committing a checkpoint; forced=False",
               func="commit_checkpoint")
        log_at(checkpoint, logging.DEBUG, "quixstreams/checkpointing/checkpoint.py:334", "Checkpoint: flushing "
               "producer", func="commit")
        log_at(checkpoint, logging.DEBUG, "quixstreams/checkpointing/checkpoint.py:406", "Checkpoint: committing "
               "consumer", func="commit")
        log_at(context, logging.DEBUG, "quixstreams/processing/context.py:100", "Committed a checkpoint; forced=False, "
               f"time_elapsed={0.04 + n * 0.013:.2f}s", func="commit_checkpoint")
        if n == 4:
            log_at(consumer, logging.ERROR, "quixstreams/kafka/consumer.py:50", 'Kafka consumer error: '
                   'b-2.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098/2: Disconnected (after 600012ms in state '
                   'UP, 1 identical error(s) suppressed) code="-195"', func="_default_error_cb")
            log_at(consumer, logging.INFO, "quixstreams/kafka/consumer.py:212", "Kafka consumer: broker %s (node %d) "
                   "went down; %d other broker(s) still available",
                   "sasl_ssl://b-2.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098/2", 2, 2,
                   func="_stats_callback")

            def heartbeat():
                log_at(coordinator, logging.WARNING, f"{sc}:738", "Heartbeat send request failed: %s. Will retry.",
                       Shown("[Error 7] RequestTimedOutError"), func="_send_heartbeat_request")
                log_at(coordinator, logging.INFO, f"{sc}:581", "Discovered coordinator %s for group %s", 3,
                       "schema-registry", func="ensure_coordinator_known")
                log_at(coordinator, logging.DEBUG, f"{sc}:731", "Heartbeat: %s[%s] %s", "schema-registry", 7, member,
                       func="_send_heartbeat_request")
                log_at(coordinator, logging.DEBUG, f"{sc}:742", "Received successful heartbeat response for group %s",
                       "schema-registry", func="_send_heartbeat_request")

            in_thread("Thread-1 (_start_loop)", heartbeat)
            log_at(consumer, logging.INFO, "quixstreams/kafka/consumer.py:221", "Kafka consumer: broker %s (node %d) "
                   "is UP again (was %s)", "sasl_ssl://b-2.msk-prod.x7k2m9.c4.kafka.us-east-1.amazonaws.com:9098/2", 2,
                   "CONNECT", func="_stats_callback")

    def bad_record():
        log_at(reader, logging.WARNING, f"{sr}:485", "Invalid JSON in msg.key(): %s at offset %s",
               b'{"keytype":"SCHEMA","subject":"merchant-risk-value","version":4,"magic":1', 1851, func="_handle_messages")
        log_at(reader, logging.ERROR, f"{sr}:490", "Kafka authorization error when consuming from %s: %s %s",
               "_schemas", Shown("KafkaError{code=TOPIC_AUTHORIZATION_FAILED,val=29,str=\"Fetch from broker 3 failed: "
                                 "Broker: Topic authorization failed\"}"), None, func="_handle_messages")
        try:
            raised("confluent_kafka.error", "KafkaException", "KafkaError{code=_TRANSPORT,val=-195,str=\"Failed while "
                   "waiting for controller: Local: Broker transport failure\"}")
        except Exception:
            log_at(reader, logging.ERROR, f"{sr}:216", "[Admin Client] Unexpected exception. Retrying", exc_info=True,
                   func="run")
        log_at(reader, logging.DEBUG, f"{sr}:602", "Adding first version of subject: %r with no schemas",
               "fraud-scores-key", func="_handle_msg_config")

    in_thread("schema-reader", bad_record)
    log_at(qx.log, logging.DEBUG, f"{app}:1285", "Rebalancing: revoking partitions", func="_on_revoke")
    log_at(checkpoint, logging.DEBUG, "quixstreams/checkpointing/checkpoint.py:433", "Fast revoke: skipping local state "
           "flush for changelog TopicPartition{topic=changelog__fraud-scorer--card-velocity--default,partition=4,"
           "offset=-1001,leader_epoch=None,error=None}", func="commit")
    log_at(recovery, logging.INFO, "quixstreams/state/recovery.py:490", "Resuming data partitions paused for recovery: "
           "[('card-transactions', 0), ('card-transactions', 8)]", func="resume_recovery_paused_data_partitions")
    message = ("Consumer group offset 18211 for topic card-transactions[8] is below the broker low watermark 20417. "
               "State cannot be recovered safely from retained source data. Broker high watermark is 40329; "
               "auto_offset_reset is \"latest\". Reset the consumer group offset and clear/rebuild local state, or "
               "start with a new consumer group/state directory.")
    log_at(qx.log, logging.ERROR, f"{app}:1198", message, func="_check_source_offsets")
    log_at(qx.log, logging.INFO, f"{app}:1007", "Stopping the application", func="stop")
    log_at(consumer, logging.DEBUG, "quixstreams/kafka/consumer.py:715", "Closing Kafka consumer", func="close")
    log_at(consumer, logging.DEBUG, "quixstreams/kafka/consumer.py:717", "Kafka consumer closed", func="close")
    # The exception ends the process: the interpreter prints it.
    realworld.uncaught(stream, raised, "quixstreams.state.exceptions", "StateRecoveryOffsetOutOfRange", message)
    return {"name": "karapace-quix", "programs": [kp, qx], "records": stream, "auto": False}


STG_ORDERS_TREE = """[L:  1, P:  1]      |file:
[L:  1, P:  1]      |    statement:
[L:  1, P:  1]      |        select_statement:
[L:  1, P:  1]      |            select_clause:
[L:  1, P:  1]      |                keyword:                                      'select'
[L:  1, P:  7]      |                [META] indent:
[L:  2, P:  1]      |                newline:                                      '\\n'
[L:  2, P:  5]      |                select_clause_element:
[L:  2, P:  5]      |                    column_reference:
[L:  2, P:  5]      |                        naked_identifier:                     'order_id'
[L:  3, P:  5]      |                select_clause_element:
[L:  3, P:  5]      |                    function:
[L:  3, P:  5]      |                        function_name:
[L:  3, P:  5]      |                            function_name_identifier:         'cast'
[L:  4, P:  1]      |            from_clause:
[L:  4, P:  1]      |                keyword:                                      'from'
[L:  4, P:  6]      |                from_expression:
[L:  4, P:  6]      |                    table_expression:
[L:  4, P:  6]      |                        table_reference:
[L:  4, P:  6]      |                            naked_identifier:                 'raw_orders'
[L:  5, P:  1]      |    newline:                                                  '\\n'
[L:  6, P:  1]      |    [META] end_of_file:"""


def dbt(stream, text):
    """A dbt line: dbt writes its own time (HH:MM:SS, two spaces) on stdout."""
    printed(stream, "%s  %s" % (now("%H:%M:%S"), text))


def stream_sqlfluff_elementary():
    stream = []
    sf = Program("sqlfluff", "sqlfluff", logging.Formatter(SQLFLUFF), stream)
    sf.handler.addFilter(RedLogFilter())
    linter = sf.logger("sqlfluff.linter")
    templater = sf.logger("sqlfluff.templater")
    el = Program("elementary", "elementary.cli.cli", ElementaryFormatter(), stream)
    runner = el.logger("elementary.clients.dbt.command_line_dbt_runner")
    monitoring = el.logger("elementary.monitor.data_monitoring.data_monitoring")
    alerts = el.logger("elementary.monitor.data_monitoring.alerts.data_monitoring_alerts")
    slack = el.logger("elementary.monitor.data_monitoring.alerts.integrations.slack.slack")
    tests_api = el.logger("elementary.monitor.api.tests.tests")
    li = "sqlfluff/core/linter/linter.py"
    container(stream, "Running command sqlfluff lint models/staging -vvv --dialect athena")
    for line in ["==== sqlfluff ====", "sqlfluff:                4.3.0 python:               3.11.9",
                 "implementation:        cpython verbosity:                  3", "dialect:               athena "
                 "templater:                jinja", "rules:                                all", "==== readout ====", ""]:
        printed(stream, line)
    files = ["models/staging/stg_orders.sql", "models/staging/stg_payments.sql", "models/staging/stg_customers.sql",
             "models/staging/stg_refunds.sql"]
    for n, fname in enumerate(files):
        log_at(templater, logging.INFO, "sqlfluff/core/templaters/jinja.py:873", "Slicing File Template",
               func="slice_file")
        log_at(linter, logging.INFO, f"{li}:412", "Parse Rendered. Lexing Variant %s", 0, func="parse_rendered")
        log_at(linter, logging.INFO, f"{li}:175", "LEXING RAW (%s)", fname, func="_lex_templated_file")
        log_at(linter, logging.INFO, f"{li}:186", "Lexed segments: %s", ["select", "\n", "    ", "order_id", ",", "\n",
                                                                         "    ", "cast", "(", "amount", " ", "as", " ",
                                                                         "decimal", "(", "18", ",", "2", ")", ")", "\n",
                                                                         "from", " ", "raw_orders", "\n", ""],
               func="_lex_templated_file")
        log_at(linter, logging.INFO, f"{li}:415", "Parse Rendered. Parsing Variant %s", 0, func="parse_rendered")
        if n == 0:
            log_at(linter, logging.INFO, f"{li}:313", "\n###\n#\n# {}\n#\n###".format("Parsed Tree:"),
                   func="_parse_tokens")
            log_at(linter, logging.INFO, f"{li}:314", "\n" + STG_ORDERS_TREE, func="_parse_tokens")
        log_at(linter, logging.INFO, f"{li}:428", "Parse Rendered. Variant %s. Lex in %s. Parse in %s.", 0,
               0.0031 + n * 0.0004, 0.041 + n * 0.007, func="parse_rendered")
        log_at(linter, logging.INFO, f"{li}:527", "\n\nEntering linter phase main, loop 1/10\n", func="lint_fix_parsed")
        printed(stream, "== [%s] %s" % (fname, "FAIL" if n in (0, 3) else "PASS"))
        if n == 0:
            printed(stream, "L:   3 | P:  27 | LT01 | Expected only single space before 'as' keyword. Found '  '.")
            printed(stream, "                       | [layout.spacing]")
            printed(stream, "L:   4 | P:   1 | AM04 | Query produces an unknown number of result columns.")
            printed(stream, "                       | [ambiguous.column_count]")
        if n == 3:
            printed(stream, "L:   2 | P:   5 | RF04 | Keywords should not be used as identifiers.")
            printed(stream, "                       | [references.keywords]")
    printed(stream, "==== summary ====")
    printed(stream, "violations:        3 status:         FAIL")
    printed(stream, "All Finished!")
    container(stream, "Running command sqlfluff fix models/staging/stg_orders.sql -vvv --dialect athena")
    log_at(templater, logging.INFO, "sqlfluff/core/templaters/jinja.py:873", "Slicing File Template",
           func="slice_file")
    log_at(linter, logging.INFO, f"{li}:175", "LEXING RAW (%s)", files[0], func="_lex_templated_file")
    for loop in (1, 2, 3):
        log_at(linter, logging.INFO, f"{li}:527", f"\n\nEntering linter phase main, loop {loop}/10\n",
               func="lint_fix_parsed")
        if loop == 1:
            log_at(linter, logging.INFO, f"{li}:577", "Applying Fixes [LT01]: [LintFix(edit: BaseSegment "
                   "whitespace '  ' -> ' ')]", func="lint_fix_parsed")
        if loop == 2:
            log_at(linter, logging.WARNING, f"{li}:391", "One fix for AM04 not applied, it would re-cause the same "
                   "error.", func="_warn_unfixable")
    log_at(linter, logging.INFO, f"{li}:668", "Fix loop complete for main phase. Stability achieved after 2/10 loops.",
           func="lint_fix_parsed")
    printed(stream, "==== finding fixable violations ====")
    printed(stream, "== [models/staging/stg_orders.sql] FAIL")
    printed(stream, "  [1 unfixable linting violations found]")
    container(stream, "Running command dbt build --target prod")
    for line in ["Running with dbt=1.8.7", "Registered adapter: athena=1.8.4",
                 "Found 84 models, 312 data tests, 21 sources, 1071 macros", "",
                 "Concurrency: 4 threads (target='prod')", ""]:
        dbt(stream, line)
    models = ["stg_orders", "stg_payments", "stg_customers", "stg_refunds", "fct_orders", "dim_customers"]
    for n, model in enumerate(models):
        dbt(stream, f"{n + 1} of 9 START sql table model analytics.{model} {'.' * (40 - len(model))} [RUN]")
        dbt(stream, f"{n + 1} of 9 OK created sql table model analytics.{model} {'.' * (35 - len(model))} "
                    f"[OK -1 in {3.12 + n * 0.87:.2f}s]")
    dbt(stream, "7 of 9 FAIL 3 not_null_stg_payments_amount ........................ [FAIL 3 in 2.41s]")
    dbt(stream, "Finished running 6 table models, 3 data tests in 0 hours 0 minutes and 31.07 seconds (31.07s).")
    dbt(stream, "Completed with 1 error, 0 partial successes, and 0 warnings:")
    dbt(stream, "Failure in test not_null_stg_payments_amount (models/staging/schema.yml)")
    dbt(stream, "  Got 3 results, configured to fail if != 0")
    container(stream, "Running command edr monitor --env prod --group-by table")
    runner_py = "elementary/clients/dbt/command_line_dbt_runner.py"
    log_at(el.log, logging.INFO, "elementary/cli/cli.py:65", "Running with edr=0.25.0", func="invoke")
    log_at(runner, logging.INFO, f"{runner_py}:482", "Installing packages for edr internal dbt package...",
           func="_run_deps_if_needed")
    project = "/usr/local/lib/python3.11/site-packages/elementary/monitor/dbt_project"
    log_at(runner, logging.INFO, f"{runner_py}:204", f"Running dbt command deps --project-dir {project} "
           "--profiles-dir /root/.dbt", func="_run_command")
    log_at(monitoring, logging.INFO, "elementary/monitor/data_monitoring/data_monitoring.py:84",
           "Elementary's database and schema: 'awsdatacatalog.analytics_elementary'", func="_get_elementary_database_and_schema")
    log_at(monitoring, logging.WARNING, "elementary/monitor/data_monitoring/data_monitoring.py:128",
           "You are using incompatible versions between edr (0.25.0) and Elementary's dbt package (0.24.1).\n "
           "To fix please update your packages.yml, and run:\ndbt deps && dbt run --select elementary\n",
           func="_check_dbt_package_compatibility")
    alerts_py = "elementary/monitor/data_monitoring/alerts/data_monitoring_alerts.py"
    log_at(alerts, logging.INFO, f"{alerts_py}:151", "Running internal dbt run to populate alerts",
           func="_populate_data")
    log_at(runner, logging.INFO, f"{runner_py}:204", f"Running dbt command run -s elementary_cli.alerts.alerts_v2 "
           f"--project-dir {project} --profiles-dir /root/.dbt --target prod --vars "
           '{"days_back": 7, "disable_samples": false}', func="_run_command")
    log_at(tests_api, logging.WARNING, "elementary/monitor/api/tests/tests.py:258", "Test result without invocation ID "
           "found, skipping", func="_get_invocations")
    slack_py = "elementary/monitor/data_monitoring/alerts/integrations/slack/slack.py"
    alert_ids = ["test.acme_analytics.not_null_stg_payments_amount.5f2a1c9b3e",
                 "test.acme_analytics.unique_fct_orders_order_id.0b7d4e2a18",
                 "model.acme_analytics.fct_orders", "test.acme_analytics.elementary_volume_anomalies_stg_orders.9c3e1a"]
    alert_ids += ["test.acme_analytics.%s.%010x" % (name, 0x3a5c7e9b1d + k * 0x1f1f) for k, name in enumerate([
        "accepted_values_stg_orders_status", "relationships_fct_orders_customer_id", "not_null_dim_customers_email",
        "elementary_freshness_anomalies_stg_payments", "unique_dim_customers_customer_id",
        "elementary_schema_changes_stg_refunds", "not_null_fct_orders_amount", "elementary_column_anomalies_stg_orders"])]
    for n, alert_id in enumerate(alert_ids):
        if n == 2:
            log_at(slack, logging.ERROR, f"{slack_py}:1085", "Unable to send alert via Slack: The request to the Slack "
                   "API failed. (url: https://www.slack.com/api/chat.postMessage)\nThe server responded with: "
                   "{'ok': False, 'error': 'not_in_channel'}\nSending fallback template.", func="send_alert")
            log_at(slack, logging.ERROR, f"{slack_py}:1104", "Unable to send alert via Slack to default channel: The "
                   "request to the Slack API failed. (url: https://www.slack.com/api/chat.postMessage)\nThe server "
                   "responded with: {'ok': False, 'error': 'channel_not_found'}", func="send_alert")
            data = {"id": alert_id, "alert_class_id": "model.acme_analytics.fct_orders", "model_unique_id": alert_id,
                    "detected_at": "2024-05-11 14:45:02", "database_name": "awsdatacatalog", "materialization": "table",
                    "full_refresh": False, "message": "Database Error in model fct_orders (models/marts/fct_orders.sql)"
                    "\n  TABLE_NOT_FOUND: line 14:6: Table 'awsdatacatalog.analytics.stg_refunds' does not exist",
                    "status": "error"}
            log_at(alerts, logging.ERROR, f"{alerts_py}:407", f"Could not send the alert - {alert_id}. Full alert: "
                   f"{json.dumps(data)}", func="_send_alerts")
        else:
            channel = "#team-payments" if "payments" in alert_id or "orders" in alert_id else "#data-alerts"
            if channel != "#data-alerts":
                log_at(slack, logging.DEBUG, f"{slack_py}:1141", f"Using channel from meta: {channel}",
                       func="_get_integration_params")
            log_at(slack, logging.DEBUG, f"{slack_py}:1077", f"Sending alert to Slack channel: {channel}",
                   func="send_alert")
    log_at(alerts, logging.ERROR, f"{alerts_py}:298", "Failed to extract value as a group-by config: 'owner'. "
           "Allowed Values: ['BY_ALERT', 'BY_TABLE', 'ALL'] Ignoring it for now and default grouping strategy will be "
           "used", func="_format_alerts")
    try:
        raised("elementary.exceptions.exceptions", "DbtCommandError", "Failed to run dbt command.\nrun-operation "
               "elementary.update_sent_alerts --args {\"alert_ids\": [...]}\nRuntime Error\n  Athena TooManyRequests"
               "Exception: Rate exceeded")
    except Exception:
        log_at(runner, logging.ERROR, f"{runner_py}:217", "dbt command '%s' failed after %d attempts due to transient "
               "errors.", "run-operation elementary.update_sent_alerts", 3, exc_info=True, func="_run_command")
    container(stream, "Command did not exit successfully edr monitor --env prod --group-by table exit status 1")
    return {"name": "sqlfluff-elementary", "programs": [sf, el], "records": stream, "auto": False}


def fulltrace(module, name, text):
    """The traceback Volatility 3 logs as a message (TracebackException's
    lines, joined)."""
    try:
        raised(module, name, text)
    except Exception as e:
        return "".join(traceback.TracebackException.from_exception(e).format(chain=True))


def stream_plaso_volatility():
    stream = []
    pl = Program("plaso", "plaso", logging.Formatter(PLASO), stream)
    proc = Set(processName="MainProcess")
    pl.handler.addFilter(proc)
    tool = pl.logger("plaso.cli.extraction_tool")
    engine = pl.logger("plaso.multi_process.extraction_engine")
    tasks = pl.logger("plaso.multi_process.task_manager")
    base = pl.logger("plaso.multi_process.base_process")
    worker = pl.logger("plaso.multi_process.extraction_process")
    parse = pl.logger("plaso.engine.worker")
    monitor = pl.logger("plaso.multi_process.engine")
    vol = Program("volatility3", "volatility3.cli", logging.Formatter(VOLATILITY), stream)
    for level, name in ((9, "DETAIL 1"), (8, "DETAIL 2"), (7, "DETAIL 3"), (6, "DETAIL 4")):
        logging.addLevelName(level, name)
    vol.handler.setLevel(7)
    automagic = vol.logger("volatility3.framework.automagic")
    stacker = vol.logger("volatility3.framework.automagic.stacker")
    linux = vol.logger("volatility3.framework.automagic.linux")
    construct = vol.logger("volatility3.framework.automagic.construct_layers")
    finder = vol.logger("volatility3.framework.automagic.symbol_finder")
    cli = "volatility3/cli/__init__.py"
    case = "/cases/IR-2024-0511"

    def as_worker(name, number, log, level, where, msg, func=None):
        proc.values.update(processName=name)
        with pid(number):
            log_at(log, level, where, msg, func=func)
        proc.values.update(processName="MainProcess")

    with pid(2231):
        log_at(tool, logging.DEBUG, "plaso/cli/extraction_tool.py:485", "Starting preprocessing.",
               func="_PreprocessSource")
        log_at(tool, logging.DEBUG, "plaso/cli/extraction_tool.py:493", "Preprocessing done.", func="_PreprocessSource")
        log_at(tool, logging.DEBUG, "plaso/cli/extraction_tool.py:296", "Parser filter expression set to: linux,"
               "!filestat", func="_ParseParserFilterOptions")
        log_at(tool, logging.DEBUG, "plaso/cli/extraction_tool.py:596", "Starting extraction in multi process mode.",
               func="_ProcessSource")
        log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:726", "Task scheduler started",
               func="_ScheduleTasks")
        for number, worker_pid in ((0, 2244), (1, 2245)):
            log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:919",
                   f"Starting worker process Worker_{number:02d}", func="_StartWorkerProcess")
    for number, worker_pid in ((0, 2244), (1, 2245)):
        name = f"Worker_{number:02d}"
        as_worker(name, worker_pid, base, logging.DEBUG, "plaso/multi_process/base_process.py:175",
                  f"Process: {name} process status RPC server started.", func="_StartProcessStatusRPCServer")
        as_worker(name, worker_pid, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:229",
                  f"Worker: {name} (PID: {worker_pid}) started.", func="_Main")
    # Volatility, on the memory image, beside the disk's extraction.
    printed(stream, "Volatility 3 Framework 2.11.0")
    log_at(vol.log, logging.INFO, f"{cli}:317", "Volatility plugins path: ['/opt/volatility3/volatility3/plugins', "
           "'/opt/volatility3/volatility3/framework/plugins']", func="run")
    log_at(vol.log, logging.INFO, f"{cli}:318", "Volatility symbols path: ['/opt/volatility3/volatility3/symbols', "
           "'/opt/volatility3/volatility3/framework/symbols']", func="run")
    log_at(vol.log, 7, f"{cli}:388", "Cache directory used: /root/.cache/volatility3", func="run")
    log_at(automagic, logging.INFO, "volatility3/framework/automagic/__init__.py:72", "Detected a linux category "
           "plugin", func="choose_automagic")
    for magic in ("ConstructionMagic", "SymbolCacheMagic", "LayerStacker"):
        log_at(automagic, logging.INFO, "volatility3/framework/automagic/__init__.py:137", f"Running automagic: {magic}",
               func="run")
    task_ids = ["a3f1c2d4e5b64789a0b1c2d3e4f5a6b7", "0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f",
                "7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b", "4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e"]
    paths = ["/var/log/secure", "/var/log/audit/audit.log", "/home/ec2-user/.bash_history",
             "/var/log/journal/ec2a4f1b2c3d4e5f/system.journal"]
    for n, (task_id, path) in enumerate(zip(task_ids, paths)):
        with pid(2231):
            log_at(tasks, logging.DEBUG, "plaso/multi_process/task_manager.py:333", f"Created task: {task_id}",
                   func="CreateTask")
        name, worker_pid = ("Worker_00", 2244) if n % 2 == 0 else ("Worker_01", 2245)
        as_worker(name, worker_pid, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:343",
                  f"Started processing task: {task_id}.", func="_ProcessTask")
        display = f"OS:{case}/disk.raw:{path}"
        as_worker(name, worker_pid, parse, logging.DEBUG, "plaso/engine/worker.py:816",
                  f"[ProcessFileEntry] processing file entry: {display}", func="_ProcessFileEntry")
        as_worker(name, worker_pid, parse, logging.DEBUG, "plaso/engine/worker.py:193",
                  f"[AnalyzeDataStream] analyzing file: {display}", func="_AnalyzeDataStream")
        as_worker(name, worker_pid, parse, logging.DEBUG, "plaso/engine/worker.py:214",
                  f"[AnalyzeDataStream] completed analyzing file: {display}", func="_AnalyzeDataStream")
        as_worker(name, worker_pid, parse, logging.DEBUG, "plaso/engine/worker.py:843",
                  f"[ProcessFileEntry] done processing file entry: {display}", func="_ProcessFileEntry")
        as_worker(name, worker_pid, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:400",
                  f"Completed processing task: {task_id}.", func="_ProcessTask")
        with pid(2231):
            log_at(tasks, logging.DEBUG, "plaso/multi_process/task_manager.py:580", f"Task {task_id} was processing, "
                   "now merging.", func="UpdateTaskAsPendingMerge")
        # Volatility's automagic steps, between the tasks.
        if n == 0:
            log_at(stacker, 8, "volatility3/framework/automagic/stacker.py:212", "Attempting to stack using "
                   "LintelStacker", func="stack_layer")
            banner = (b"Linux version 5.10.215-203.850.amzn2.x86_64 (mockbuild@ip-10-0-46-120) (gcc10-gcc (GCC) "
                      b"10.5.0 20230707 (Red Hat 10.5.0-1), GNU ld version 2.35.2-9.amzn2.0.1) #1 SMP Tue Apr 23 "
                      b"20:32:19 UTC 2024\n\x00")
            log_at(linux, logging.DEBUG, "volatility3/framework/automagic/linux.py:67", f"Identified banner: "
                   f"{repr(banner)}", func="stack")
            log_at(linux, logging.DEBUG, "volatility3/framework/automagic/linux.py:115", "DTB was found at: 0x1c2e0a000",
                   func="stack")
            log_at(linux, logging.DEBUG, "volatility3/framework/automagic/linux.py:176", "Linux ASLR shift values "
                   "determined: physical 1a000000 virtual 1a000000", func="find_aslr")
            log_at(stacker, 8, "volatility3/framework/automagic/stacker.py:219", "Stacked IntelLayer using "
                   "LintelStacker", func="stack_layer")
            for other, reason in (("WindowsIntelStacker", "No suitable Intel page map found for the image"),
                                  ("MacIntelStacker", "Unable to find a mac banner in the image"),
                                  ("QemuStacker", "Not a QEMU ELF core"), ("Elf64Stacker", "No ELF magic found"),
                                  ("WindowsCrashDump32Stacker", "Bad signature 0x53545245 at file offset 0x0"),
                                  ("LimeStacker", "Layer already stacked")):
                log_at(stacker, 8, "volatility3/framework/automagic/stacker.py:212", f"Attempting to stack using "
                       f"{other}", func="stack_layer")
                log_at(stacker, 7, "volatility3/framework/automagic/stacker.py:229", f"Exception during stacking: "
                       f"{reason}", func="stack_layer")
        if n == 1:
            log_at(stacker, logging.DEBUG, "volatility3/framework/automagic/stacker.py:159", "physical_layer "
                   "maximum_address: 8589934591", func="__call__")
            log_at(stacker, logging.DEBUG, "volatility3/framework/automagic/stacker.py:162", "Stacked layers: "
                   "['IntelLayer', 'LimeLayer', 'FileLayer']", func="__call__")
            log_at(finder, logging.DEBUG, "volatility3/framework/automagic/symbol_finder.py:149", "Using symbol "
                   "library: file:///opt/volatility3/volatility3/symbols/linux/5.10.215-203.850.amzn2.x86_64.json.xz",
                   func="_banner_scan")
        if n == 2:
            for req in ("plugins.PsList.kernel.symbol_table_name", "plugins.PsList.kernel", "plugins.PsList.pid",
                        "plugins.PsList.kernel.layer_name.page_map_offset",
                        "plugins.PsList.kernel.layer_name.swap_layers"):
                log_at(construct, 9, "volatility3/framework/automagic/construct_layers.py:67", "Failed on requirement: "
                       f"{req}", func="__call__")
    for line in ["PID\tPPID\tCOMM\tFile output", "1\t0\tsystemd\tDisabled", "2\t0\tkthreadd\tDisabled",
                 "3341\t1\tsshd\tDisabled", "18204\t3341\tsshd\tDisabled", "18229\t18204\tbash\tDisabled",
                 "18411\t18229\tkworkerd\tDisabled", "18412\t18411\tcurl\tDisabled"]:
        printed(stream, line)
    # The next plugin: the symbols of the host's other kernel are missing.
    printed(stream, "Volatility 3 Framework 2.11.0")
    log_at(vol.log, 7, f"{cli}:388", "Cache directory used: /root/.cache/volatility3", func="run")
    log_at(automagic, logging.INFO, "volatility3/framework/automagic/__init__.py:72", "Detected a linux category "
           "plugin", func="choose_automagic")
    for magic in ("ConstructionMagic", "SymbolCacheMagic", "LayerStacker", "SymbolFinder"):
        log_at(automagic, logging.INFO, "volatility3/framework/automagic/__init__.py:137", f"Running automagic: {magic}",
               func="run")
    log_at(finder, logging.DEBUG, "volatility3/framework/automagic/symbol_finder.py:167", "Symbol library path not "
           "found for: b'Linux version 6.1.84-99.169.amzn2023.x86_64 (mockbuild@ip-10-0-55-231) (gcc (GCC) 11.4.1 "
           "20230605 (Red Hat 11.4.1-2), GNU ld version 2.39-6.amzn2023.0.10) #1 SMP PREEMPT_DYNAMIC Wed May  1 "
           "20:41:16 UTC 2024\\n\\x00'", func="_banner_scan")
    log_at(vol.log, logging.DEBUG, f"{cli}:572", fulltrace("volatility3.framework.exceptions",
                                                            "UnsatisfiedException", "{'plugins.Malfind.kernel': "
                                                            "<TranslationLayerRequirement: kernel.layer_name>}"),
           func="process_exceptions")
    for line in ["", "", "Unsatisfied requirement plugins.Malfind.kernel.layer_name: ",
                 "Unsatisfied requirement plugins.Malfind.kernel.symbol_table_name: ", "",
                 "A translation layer requirement was not fulfilled.  Please verify that:",
                 "\tA file was provided to create this layer (by -f, --single-location or by config)",
                 "\tThe file exists and is readable", "\tThe file is a valid memory image and was acquired cleanly",
                 "", "A symbol table requirement was not fulfilled.  Please verify that:",
                 "\tThe associated translation layer requirement was fulfilled",
                 "\tYou have the correct symbol file for the requirement",
                 "\tThe symbol file is under the correct directory or zip file",
                 "\tThe symbol file is named appropriately or contains the correct banner", "",
                 "Unable to validate the plugin requirements: ['plugins.Malfind.kernel.layer_name', "
                 "'plugins.Malfind.kernel.symbol_table_name']"]:
        printed(stream, line)
    # A worker dies on a corrupt journal file and is replaced.
    with pid(2231):
        log_at(monitor, logging.ERROR, "plaso/multi_process/engine.py:164", "Process Worker_01 (PID: 2245) is not "
               "functioning correctly. Status code: error.", func="_CheckStatusWorkerProcess")
        log_at(monitor, logging.WARNING, "plaso/multi_process/engine.py:87", "Terminating process: Worker_01 "
               "(PID: 2245).", func="_TerminateProcess")
        log_at(monitor, logging.INFO, "plaso/multi_process/engine.py:177", "Attempt: 1 to start replacement worker "
               "process for Worker_01", func="_CheckStatusWorkerProcess")
        log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:919", "Starting worker process "
               "Worker_02", func="_StartWorkerProcess")
        log_at(tasks, logging.DEBUG, "plaso/multi_process/task_manager.py:187", f"Abandoned processing task: "
               f"{task_ids[3]}", func="_AbandonInactiveProcessingTasks")
    as_worker("Worker_02", 2251, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:229",
              "Worker: Worker_02 (PID: 2251) started.", func="_Main")
    as_worker("Worker_02", 2251, parse, logging.WARNING, "plaso/engine/worker.py:1086", f"Unable to open file entry: "
              f"OS:{case}/disk.raw:/var/log/journal/ec2a4f1b2c3d4e5f/system@0006147.journal~", func="_ProcessFileEntry")
    with pid(2231):
        log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:824", "Task scheduler stopped",
               func="_ScheduleTasks")
        log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:977", "Stopping extraction processes.",
               func="_StopExtractionProcesses")
    for name, worker_pid in (("Worker_00", 2244), ("Worker_02", 2251)):
        as_worker(name, worker_pid, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:248",
                  "ConsumeItems exiting, dequeued QueueAbort object.", func="_Main")
        as_worker(name, worker_pid, worker, logging.DEBUG, "plaso/multi_process/extraction_process.py:286",
                  f"Worker: {name} (PID: {worker_pid}) stopped.", func="_Main")
    with pid(2231):
        log_at(engine, logging.DEBUG, "plaso/multi_process/extraction_engine.py:1307", "Processing completed.",
               func="ProcessSource")
    return {"name": "plaso-volatility", "programs": [pl, vol], "records": stream, "auto": False}


def stream_fixinventory_pmapper():
    stream = []
    fx = Program("fixinventory", "fixworker.__main__", logging.Formatter(FIXWORKER, FIX_DATEFMT), stream)
    collect = fx.logger("fixworker.collect")
    aws = fx.logger("fix.plugins.aws")
    pm = Program("pmapper", "principalmapper.__main__", logging.Formatter(PMAPPER, PMAPPER_DATEFMT), stream)
    gathering = pm.logger("principalmapper.graphing.gathering")
    edges = pm.logger("principalmapper.graphing.edge_identification")
    ec2_edges = pm.logger("principalmapper.graphing.ec2_edges")
    iam_edges = pm.logger("principalmapper.graphing.iam_edges")
    sts_edges = pm.logger("principalmapper.graphing.sts_edges")
    lambda_edges = pm.logger("principalmapper.graphing.lambda_edges")
    account = "210987654321"
    plugin = "fix_plugin_aws/__init__.py"
    col = "fix_plugin_aws/collector.py"
    client = "fix_plugin_aws/aws_client.py"
    with pid(1):
        log_at(fx.log, logging.DEBUG, "fixworker/__main__.py:237", "Received message of kind action, type collect, "
               "data: {'task': '4f2c8e1a-7b3d-4a5e-9c6f-0d1e2f3a4b5c', 'step': 'collect'}", func="core_actions_processor")
        log_at(collect, logging.DEBUG, "fixworker/collect.py:56", "Create multi process manager", func="collect")
        log_at(collect, logging.DEBUG, "fixworker/collect.py:242", "Starting new collect process for aws",
               func="collect_plugin_graph")
    with pid(58):
        log_at(aws, logging.DEBUG, f"{plugin}:88", "plugin: AWS collecting resources", func="collect")
        log_at(aws, logging.DEBUG, f"{plugin}:425", "Trying to determine current account id and partition",
               func="current_account_id_and_partition")
        log_at(aws, logging.DEBUG, f"{plugin}:428", "Probing region us-east-1", func="current_account_id_and_partition")
        log_at(aws, logging.DEBUG, f"{plugin}:448", f"Determined partition for account {account} to be aws",
               func="current_account_id_and_partition")
        log_at(aws, logging.DEBUG, f"{plugin}:477", f"Set name for aws_account {account} from account alias",
               func="set_account_names")
        log_at(aws, logging.DEBUG, f"{plugin}:106", f"Found aws_account {account} (acme-prod)", func="collect")
        log_at(aws, logging.DEBUG, f"{plugin}:157", "AWS region not specified, assuming all regions", func="collect")

        def global_collect():
            log_at(aws, logging.INFO, f"{col}:231", f"[Aws:{account}] Collect global resources.", func="collect")
            log_at(aws, logging.INFO, f"{col}:390", "Collecting AWS IAM Account Summary in account acme-prod",
                   func="collect_account_summary")
            for action, results in (("list_users", 37), ("list_roles", 214), ("list_policies", 388)):
                log_at(aws, logging.DEBUG, f"{client}:133", f"[Aws] calling service=iam action={action}",
                       func="_call")
                log_at(aws, logging.DEBUG, f"{client}:163", f"[Aws] called service=iam action={action}: {results} "
                       "results.", func="_call")

        in_thread("MainThread", global_collect)
    # PMapper graphs the same account from the scheduled task's other step.
    with pid(1):
        gp = "principalmapper/graphing/gathering.py"
        log_at(gathering, logging.DEBUG, f"{gp}:64", "https://sts.amazonaws.com", func="create_graph")
        log_at(gathering, logging.DEBUG, f"{gp}:66", "Caller Identity: arn:aws:sts::210987654321:assumed-role/"
               "security-inventory-task/4f2c8e1a7b3d4a5e9c6f0d1e2f3a4b5c", func="create_graph")
        log_at(gathering, logging.INFO, f"{gp}:113", "Obtaining IAM Users/Roles/Groups/Policies in the account.",
               func="create_graph")
        log_at(gathering, logging.INFO, f"{gp}:125", "Sorting users, roles, groups, policies, and their relationships.",
               func="create_graph")
        for user in ("alice", "bob", "ci-deployer", "terraform"):
            log_at(gathering, logging.DEBUG, f"{gp}:548", f"Adding Node for user arn:aws:iam::{account}:user/{user}",
                   func="get_nodes_groups_and_policies")
        log_at(gathering, logging.INFO, f"{gp}:551", "Obtaining IAM roles in account", func="get_nodes_groups_and_policies")
        for role in ("OrganizationAdmin", "ReadOnlyAudit", "ci-deployer", "ec2-admin", "build-runner", "key-rotation",
                     "security-inventory-task", "AWSServiceRoleForECS", "eks-node-group", "lambda-orders-api"):
            log_at(gathering, logging.DEBUG, f"{gp}:573", f"Adding Node for role arn:aws:iam::{account}:role/{role}",
                   func="get_nodes_groups_and_policies")
        log_at(gathering, logging.INFO, f"{gp}:241", "Obtaining Access Keys data for IAM users",
               func="update_admin_status")
        for user, keys in (("alice", 1), ("ci-deployer", 2), ("terraform", 2)):
            log_at(gathering, logging.DEBUG, f"{gp}:601", f"Access Key Count for {user}: {keys}",
                   func="get_nodes_groups_and_policies")
        log_at(gathering, logging.INFO, f"{gp}:262", "Gathering MFA virtual device information", func="create_graph")
        log_at(gathering, logging.DEBUG, f"{gp}:267", f"Found virtual MFA device for arn:aws:iam::{account}:user/alice",
               func="create_graph")
        log_at(gathering, logging.INFO, f"{gp}:273", "Gathering MFA physical device information", func="create_graph")
        for bucket in ("acme-prod-terraform-state", "acme-prod-cloudtrail", "acme-prod-athena-results"):
            log_at(gathering, logging.INFO, f"{gp}:302", f"Caching policy for arn:aws:s3:::{bucket}",
                   func="get_s3_bucket_policies")
        log_at(gathering, logging.INFO, f"{gp}:305", "Bucket acme-prod-athena-results does not have a bucket policy, "
               "adding a \"stub\" policy instead.", func="get_s3_bucket_policies")
        log_at(gathering, logging.INFO, f"{gp}:355", "Unable to search KMS in region ap-east-1 for key policies. The "
               "region may be disabled, or the current principal may not be authorized to access the service. "
               "Continuing.", func="get_kms_key_policies")
        log_at(gathering, logging.DEBUG, f"{gp}:356", "Exception was: An error occurred (UnrecognizedClientException) "
               "when calling the ListKeys operation: The security token included in the request is invalid.",
               func="get_kms_key_policies")
        log_at(gathering, logging.INFO, f"{gp}:392", f"Caching policy for arn:aws:sns:us-east-1:{account}:"
               "security-alerts", func="get_sns_topic_policies")
        log_at(gathering, logging.INFO, f"{gp}:447", "Queue orders-dlq does not have a queue policy, adding a "
               "\"stub\" policy instead.", func="get_sqs_queue_policies")

    def regional(region, n):
        log_at(aws, logging.INFO, f"{col}:236", f"[Aws:{account}] Collect regional resources.", func="collect")
        for kind, action, results in (("aws_ec2_instance", "describe_instances", 42 - n * 11),
                                      ("aws_ec2_volume", "describe_volumes", 97 - n * 23),
                                      ("aws_lambda_function", "list_functions", 58 - n * 17)):
            service = "lambda" if "lambda" in kind else "ec2"
            log_at(aws, logging.DEBUG, f"{client}:133", f"[Aws] calling service={service} action={action}",
                   func="_call")
            log_at(aws, logging.DEBUG, f"{client}:163", f"[Aws] called service={service} action={action}: "
                   f"{results} results.", func="_call")
            log_at(aws, logging.INFO, f"{col}:302", f"[Aws:{account}:{region}] finished collecting: {kind}",
                   func="collect_resource")
        if region == "ap-east-1":
            try:
                raised("botocore.exceptions", "ClientError", "An error occurred (AuthFailure) when calling the "
                       "DescribeVpcs operation: AWS was not able to validate the provided access credentials")
            except Exception as e:
                log_at(aws, logging.WARNING, f"{client}:197", f"[Aws] called service=ec2 action=describe_vpcs: hit "
                       f"unexpected error: {e}", exc_info=True, func="_call")

    for n, region in enumerate(("us-east-1", "eu-west-1", "ap-east-1")):
        with pid(58):
            in_thread(f"aws_{account}_{n}", lambda region=region, n=n: regional(region, n))
        with pid(1):
            if n == 0:
                log_at(edges, logging.INFO, "principalmapper/graphing/edge_identification.py:58", "Initiating edge "
                       "checks.", func="obtain_edges")
                log_at(edges, logging.DEBUG, "principalmapper/graphing/edge_identification.py:59", "Services being "
                       "checked for edges: ['autoscaling', 'cloudformation', 'codebuild', 'ec2', 'iam', 'lambda', "
                       "'sagemaker', 'ssm', 'sts']", func="obtain_edges")
                for checker, text in ((iam_edges, "user/ci-deployer can create access keys to authenticate as "
                                                  "user/terraform"),
                                      (sts_edges, "user/terraform can access via sts:AssumeRole role/OrganizationAdmin"),
                                      (sts_edges, "role/security-inventory-task can access via sts:AssumeRole "
                                                  "role/ReadOnlyAudit")):
                    log_at(checker, logging.INFO, "principalmapper/graphing/%s.py:46" % checker.name.rsplit(".", 1)[1],
                           f"Found new edge: {text}", func="return_edges")
            elif n == 1:
                log_at(ec2_edges, logging.INFO, "principalmapper/graphing/ec2_edges.py:42", "Generating Edges based on "
                       "EC2.", func="return_edges")
                for role in ("ec2-admin", "build-runner"):
                    log_at(ec2_edges, logging.INFO, "principalmapper/graphing/ec2_edges.py:46", "Found new edge: "
                           f"role/ci-deployer can use EC2 to run an instance with an existing instance profile to "
                           f"access role/{role}", func="return_edges")
            else:
                log_at(lambda_edges, logging.INFO, "principalmapper/graphing/lambda_edges.py:56", "Found new edge: "
                       "user/ci-deployer can use Lambda to edit an existing function (arn:aws:lambda:us-east-1:"
                       "210987654321:function:rotate-keys) to access role/key-rotation", func="return_edges")
    for line in ["Graph Data for Account:  210987654321", "  # of Nodes:              255 (12 admins)",
                 "  # of Edges:              14", "  # of Groups:             9",
                 "  # of (tracked) Policies: 641"]:
        printed(stream, line)
    with pid(58):
        log_at(aws, logging.INFO, f"{col}:256", f"[Aws:{account}] Connect resources and create edges.", func="collect")
        log_at(aws, logging.DEBUG, f"{col}:376", "Removing 3 unreferenced nodes of type <class 'fix_plugin_aws."
               "resource.ec2.AwsEc2InstanceType'>", func="remove_unused")
        log_at(aws, logging.INFO, f"{col}:277", f"[Aws:{account}] Create access edges.", func="collect")
        log_at(aws, logging.INFO, f"{col}:293", f"[Aws:{account}] Collecting resources done.", func="collect")
    with pid(1):
        log_at(collect, logging.INFO, "fixworker/collect.py:252", "Collector of plugin aws finished in 312.4411s",
               func="collect_plugin_graph")
        log_at(collect, logging.INFO, "fixworker/collect.py:139", "Received collector graph for aws",
               func="_handle_collect_done")
        try:
            raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
        except Exception as e:
            log_at(collect, logging.ERROR, "fixworker/collect.py:151", f"Error sending graph of aws to fixcore: {e}",
                   func="_handle_collect_done")
        log_at(collect, logging.INFO, "fixworker/collect.py:107", "Collect done. tearing down.", func="collect")
        log_at(fx.log, logging.INFO, "fixworker/__main__.py:251", "Collect ran for 318 seconds",
               func="core_actions_processor")
    return {"name": "fixinventory-pmapper", "programs": [fx, pm], "records": stream, "auto": False}


def stream_defectdojo_quay():
    stream = []
    dd = Program("defectdojo", "dojo", logging.Formatter(DEFECTDOJO, DEFECTDOJO_DATEFMT), stream)
    importer = dd.logger("dojo.importers.base_importer")
    request = dd.logger("django.request")
    strategy = dd.logger("celery.worker.strategy")
    trace = dd.logger("celery.app.trace")
    qy = Program("quay", "root", logging.Formatter(QUAY), stream)
    access = qy.logger("gunicorn.access")
    executor = qy.logger("apscheduler.executors.default")
    mirror = qy.logger("workers.repomirrorworker")
    secscan = qy.logger("data.secscan_model.secscan_v4_model")
    secapi = qy.logger("util.secscan.v4.api")
    export = qy.logger("workers.exportactionlogsworker")
    repos = ["acme/orders-api", "acme/payments-worker", "acme/web-frontend", "platform/fluent-bit",
             "platform/karpenter", "acme/fraud-scorer"]

    def job(name, interval, run_pid):
        with pid(run_pid):
            at = now("%Y-%m-%d %H:%M:%S")
            log_at(executor, logging.INFO, "apscheduler/executors/base.py:123", 'Running job "%s (trigger: interval'
                   '[%s], next run at: %s UTC)" (scheduled at %s+00:00)', name, interval, at,
                   now("%Y-%m-%d %H:%M:%S.") + "%06d" % (round(realworld.CLOCK.t % 1 * 1e6) % 1000000),
                   func="run_job")
            return at

    def job_done(name, interval, at, run_pid):
        with pid(run_pid):
            log_at(executor, logging.INFO, "apscheduler/executors/base.py:144", 'Job "%s (trigger: interval[%s], next '
                   'run at: %s UTC)" executed successfully', name, interval, at, func="run_job")

    def access_line(ip, method, path, status, size, agent, worker):
        with pid(worker):
            log_at(access, logging.INFO, "gunicorn/glogging.py:363", '%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s"' % (
                ip, now("%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size, agent), func="access")

    for n, repo in enumerate(repos):
        digest = "sha256:%064x" % (0x5e3c2b1a9d8e7f6a + n * 0x1111)
        at = job("SecurityWorker._index_in_scanner", "0:00:30", 92)
        with pid(92):
            if repo.startswith("platform/fluent"):
                log_at(secscan, logging.INFO, "data/secscan_model/secscan_v4_model.py:595", "Cannot index %s/%s@%s due "
                       "to manifest being invalid (manifest appears to be an artifact image)" % (
                           repo.split("/")[0], repo.split("/")[1], digest), func="perform_indexing")
            if n == 3:
                try:
                    raised("requests.exceptions", "ReadTimeout", "HTTPConnectionPool(host='clairv4.quay.svc', "
                           "port=80): Read timed out. (read timeout=30)")
                except Exception:
                    log_at(secapi, logging.ERROR, "util/secscan/v4/api.py:349", "Security scanner endpoint timed out",
                           exc_info=True, func="_perform")
                    log_at(secscan, logging.ERROR, "data/secscan_model/secscan_v4_model.py:702", "Failed to perform "
                           "indexing, security scanner API error", exc_info=True, func="perform_indexing")
        job_done("SecurityWorker._index_in_scanner", "0:00:30", at, 92)
        # DefectDojo's nightly job pulls Clair's report through Quay's API.
        access_line("10.0.21.34", "GET", f"/api/v1/repository/{repo}/manifest/{digest}/security?vulnerabilities=true",
                    200, 48213 - n * 3111, "python-requests/2.32.3", 214 + n % 4)
        with pid(31 + n % 4):
            if n == 2:
                log_at(request, logging.WARNING, "django/utils/log.py:241", "Bad Request: %s", "/api/v2/reimport-scan/",
                       func="log_response")
                continue
            log_at(importer, logging.INFO, "dojo/importers/base_importer.py:367", f"Parsing findings took "
                   f"{1.2 + n * 0.37:.2f} seconds ({187 - n * 23} findings parsed)", func="parse_findings")
            if n == 0:
                log_at(importer, logging.INFO, "dojo/importers/base_importer.py:750", "Created new Test_Type with name "
                       "Clair Scan because a report is being imported", func="get_or_create_test_type")
        task_id = "%08x-2b3c-4d5e-8f6a-%012x" % (0x7c1d2e3f + n, 0x0a1b2c3d4e5f + n)
        with pid(24):
            log_at(strategy, logging.INFO, "celery/worker/strategy.py:161", "Task %s[%s] received",
                   "dojo.finding.deduplication.do_dedupe_batch_task", task_id, func="task_message_handler")
            if n == 4:
                try:
                    raised("django.db.utils", "OperationalError", "deadlock detected\nDETAIL:  Process 18211 waits for "
                           "ShareLock on transaction 9921841; blocked by process 18207.\nProcess 18207 waits for "
                           "ShareLock on transaction 9921840; blocked by process 18211.\nHINT:  See server log for "
                           "query details.\nCONTEXT:  while updating tuple (412,7) in relation \"dojo_finding\"")
                except Exception as e:
                    log_at(trace, logging.ERROR, "celery/app/trace.py:267", "Task %s[%s] %s: %s",
                           "dojo.finding.deduplication.do_dedupe_batch_task", task_id, "raised unexpected", repr(e),
                           exc_info=True, func="_log_error")
            else:
                log_at(trace, logging.INFO, "celery/app/trace.py:128", "Task %s[%s] succeeded in %ss: %r",
                       "dojo.finding.deduplication.do_dedupe_batch_task", task_id, round(0.412 + n * 0.131, 3), None,
                       func="info")
        with pid(24):
            for k, name in enumerate(("dojo.notifications.helper.send_alert_notification",
                                      "dojo.jira_link.helper.push_finding_group_to_jira_task")):
                other_id = "%08x-6d7e-4f8a-9b0c-%012x" % (0x1e2f3a4b + n * 2 + k, 0x5c6d7e8f9a0b + n)
                log_at(strategy, logging.INFO, "celery/worker/strategy.py:161", "Task %s[%s] received", name,
                       other_id, func="task_message_handler")
                log_at(trace, logging.INFO, "celery/app/trace.py:128", "Task %s[%s] succeeded in %ss: %r", name,
                       other_id, round(0.087 + k * 0.913 + n * 0.021, 3), None, func="info")
        if n in (1, 4):
            at = job("RepoMirrorWorker._process_mirrors", "0:05:00", 87)
            with pid(87):
                log_at(mirror, logging.INFO, "workers/repomirrorworker/__init__.py:422", "Architecture filter for "
                       "%s/%s: %s", "platform", "karpenter", ["amd64", "arm64"], func="perform_mirror")
                for tag in ("v0.37.0", "v1.0.1"):
                    src = "docker://public.ecr.aws/karpenter/controller:%s" % tag
                    if n == 4 and tag == "v1.0.1":
                        log_at(mirror, logging.INFO, "workers/repomirrorworker/__init__.py:498", "Source '%s' failed "
                               "to sync." % src, func="perform_mirror")
                    else:
                        log_at(mirror, logging.INFO, "workers/repomirrorworker/__init__.py:509", "Source '%s' "
                               "successful sync." % src, func="perform_mirror")
            job_done("RepoMirrorWorker._process_mirrors", "0:05:00", at, 87)
        for k in range(2):
            access_line("10.0.%d.%d" % (3 + k, 11 + n), "GET", "/health/instance", 200, 152, "kube-probe/1.29+", 214 + k)
    with pid(95):
        log_at(export, logging.INFO, "workers/exportactionlogsworker.py:54", "Got export actions logs queue item: %s",
               {"export_id": "b7a1c2d3-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "repository_id": 118, "namespace_id": 4,
                "namespace_name": "acme", "repository_name": "orders-api", "start_time": "05/01/2024",
                "end_time": "05/11/2024", "callback_url": None, "callback_email": "secops@acme.example"},
               func="process_queue_item")
    with pid(33):
        try:
            raised("dojo.tools.clair.parser", "ValueError", "Invalid format, no 'vulnerabilities' or 'image' key "
                   "found")
        except Exception:
            log_at(request, logging.ERROR, "django/utils/log.py:241", "Internal Server Error: %s",
                   "/api/v2/reimport-scan/", exc_info=True, func="log_response")
        log_at(request, logging.WARNING, "django/utils/log.py:241", "Not Found: %s", "/api/v2/tests/7731/", func="log_response")
    access_line("10.0.21.34", "GET", "/api/v1/repository/acme/legacy-batch/manifest/latest/security", 404, 89,
                "python-requests/2.32.3", 216)
    return {"name": "defectdojo-quay", "programs": [dd, qy], "records": stream, "auto": False}


def stream_wazuh_intelmq():
    stream = []
    wz = Program("wazuh", "wazuh", logging.Formatter(WAZUH, WAZUH_DATEFMT), stream)
    im = Program("intelmq", "shadowserver-collector", logging.Formatter(INTELMQ), stream)
    node = "Worker worker01"

    def task_logger(subtag):
        """ClusterLogger's task logger: the worker's logger's child, with
        its own ClusterFilter."""
        log = wz.logger("wazuh.%s.%s" % (node, subtag))
        log.filters[:] = [Set(tag=node, subtag=subtag)]
        return log

    main = task_logger("Main")
    agent_info = task_logger("Agent-info sync")
    integrity = task_logger("Integrity check")
    sync = task_logger("Integrity sync")
    groups = task_logger("Agent-groups recv")
    client = "wazuh/core/cluster/client.py"
    worker = "wazuh/core/cluster/worker.py"
    parser = im.logger("shadowserver-parser")
    whois = im.logger("cymru-whois-expert")
    output = im.logger("opensearch-output")
    log_at(main, logging.INFO, f"{client}:172", "Successfully connected to master.", func="connection_made")
    for bot in (im.log, parser, whois, output):
        log_at(bot, logging.INFO, "intelmq/lib/bot.py:185", "Bot is starting.", func="__init__")
    log_at(parser, logging.INFO, "intelmq/lib/bot.py:629", "Loading source pipeline and queue %r.",
           "shadowserver-parser-queue", func="__connect_pipelines")
    log_at(parser, logging.INFO, "intelmq/bots/parsers/shadowserver/parser.py:67", "Using fixed feed name %r for "
           "parsing reports." % "Vulnerable-HTTP", func="init")
    for bot in (im.log, parser, whois, output):
        log_at(bot, logging.INFO, "intelmq/lib/bot.py:267", "Bot initialization completed.", func="__init__")
    log_at(im.log, logging.INFO, "intelmq/bots/collectors/http/collector_http.py:82", "Downloading report from %r.",
           "https://reports.shadowserver.org/api/reports/download/2024-05-10-scan_http_vulnerable-acme-asn64500.csv",
           func="process")
    log_at(im.log, logging.INFO, "intelmq/bots/collectors/http/collector_http.py:93", "Report downloaded.",
           func="process")
    log_at(im.log, logging.INFO, "intelmq/lib/bot.py:556", "Idling for 86400.0s (1d) now.", func="__sleep")
    for cycle in range(5):
        log_at(agent_info, logging.INFO, f"{worker}:553", "Starting.", func="sync_agent_info")
        log_at(agent_info, logging.DEBUG, "wazuh/core/cluster/common.py:1690", f"Obtained {3 + cycle} chunks of data in "
               f"{0.011 + cycle * 0.002:.3f}s.", func="get_chunks_in_task_id")
        log_at(agent_info, logging.INFO, f"{worker}:561", f"Finished in {0.052 + cycle * 0.007:.3f}s. Updated "
               f"{3 + cycle} chunks.", func="recv_agent_info")
        log_at(integrity, logging.INFO, f"{worker}:584", "Starting.", func="sync_integrity")
        log_at(main, logging.DEBUG, f"{worker}:266", "Command received: '%s'" % ("syn_m_c_ok" if cycle != 2 else
                                                                                 "syn_m_c"), func="process_request")
        if cycle == 2:
            log_at(integrity, logging.INFO, f"{worker}:352", "Finished in 0.101s. Sync required.",
                   func="setup_sync_integrity")
            log_at(sync, logging.INFO, f"{worker}:717", "Starting.", func="process_files_from_master")
            log_at(sync, logging.INFO, f"{worker}:727", "Files to create: 1 | Files to update: 2 | Files to delete: 0",
                   func="process_files_from_master")
            log_at(sync, logging.DEBUG, f"{worker}:732", "Worker does not meet integrity checks. Actions required.",
                   func="process_files_from_master")
            log_at(sync, logging.DEBUG, f"{worker}:733", "Updating local files: Start.", func="process_files_from_master")
            log_at(sync, logging.DEBUG, f"{worker}:737", "Updating local files: End.", func="process_files_from_master")
            log_at(sync, logging.INFO, f"{worker}:747", "Finished in 0.411s.", func="process_files_from_master")
        else:
            log_at(integrity, logging.INFO, f"{worker}:400", f"Finished in {0.112 + cycle * 0.01:.3f}s. Sync not "
                   "required.", func="sync_integrity_ok_from_master")
        # IntelMQ's pipeline works through the day's report.
        log_at(parser, logging.INFO, "intelmq/lib/bot.py:581", "%s %d messages since last logging.", "Processed",
               500, func="__handle_sighup")
        log_at(whois, logging.INFO, "intelmq/lib/bot.py:692", "%s %d messages since last logging.", "Processed",
               500, func="send_message")
        for bot in (im.logger("deduplicator-expert"), output):
            log_at(bot, logging.INFO, "intelmq/lib/bot.py:692", "%s %d messages since last logging.", "Processed",
                   500, func="send_message")
        if cycle == 1:
            log_at(whois, logging.INFO, "intelmq/bots/experts/cymru_whois/expert.py:46", "Got no result from Cymru for "
                   "IP address %r.", "100.64.12.7", func="process")
        if cycle == 3:
            try:
                raised("opensearchpack.exceptions", "ConnectionTimeout", "ConnectionTimeout caused by - ReadTimeoutError("
                       "HTTPSConnectionPool(host='vpc-soc-intel-4k2m9x.us-east-1.es.amazonaws.com', port=443): Read "
                       "timed out. (read timeout=10))")
            except Exception:
                log_at(output, logging.ERROR, "intelmq/lib/bot.py:406", "Bot has found a problem.", exc_info=True,
                       func="start")
            log_at(output, logging.INFO, "intelmq/lib/bot.py:413", "Current Message(event): %r.", Shown(
                "Event({'feed.accuracy': 100.0, 'feed.name': 'Vulnerable-HTTP', 'feed.provider': 'Shadowserver', "
                "'classification.taxonomy': 'vulnerable', 'classification.type': 'vulnerable-system', "
                "'source.ip': '198.51.100.23', 'source.port': 443, 'source.asn': 64500, 'protocol.application': "
                "'https', 'time.source': '2024-05-10T03:12:55+00:00', 'extra.tag': 'cve-2023-44487'})"),
                func="start")
            log_at(output, logging.INFO, "intelmq/lib/bot.py:346", "Bot will continue in %s seconds.", 15, func="start")
            # The master node restarts: the worker reconnects.
            log_at(main, logging.INFO, f"{client}:121", "The connection has been closed. Reconnecting in 10 seconds.",
                   func="connection_lost")
            log_at(main, logging.ERROR, f"{client}:105", "Could not connect to master. Trying again in 10 seconds.",
                   func="start")
            log_at(main, logging.INFO, f"{client}:172", "Successfully connected to master.", func="connection_made")
            log_at(groups, logging.DEBUG, f"{worker}:443", "The checksum of master (8d3b1e5fa0c24f7e) and worker "
                   "(1f0a9e8d7c6b5a43) are different.", func="check_agent_groups_checksums")
            log_at(groups, logging.INFO, f"{worker}:479", "Sent request to obtain all agent-groups information from the "
                   "master node.", func="check_agent_groups_checksums")
    log_at(output, logging.INFO, "intelmq/lib/bot.py:692", "%s %d messages since last logging.", "Processed", 2214,
           func="send_message")
    log_at(parser, logging.WARNING, "intelmq/bots/parsers/shadowserver/parser.py:177", "Optional key {!r} not found in "
           "feed {!r}. Possible change in data format or misconfiguration.".format("http_agent", "Vulnerable-HTTP"),
           func="parse_line")
    return {"name": "wazuh-intelmq", "programs": [wz, im], "records": stream, "auto": False}


def stream_leapp_tuned():
    stream = []
    lp = Program("leapp", "leapp", LeappFormatter(LEAPP, LEAPP_DATEFMT), stream)
    workflow = lp.logger("leapp.workflow")
    td = Program("tuned", "tuned", logging.Formatter(TUNED), stream)
    application = td.logger("tuned.daemon.application")
    daemon = td.logger("tuned.daemon.daemon")
    controller = td.logger("tuned.daemon.controller")
    loader = td.logger("tuned.profiles.loader")
    plugins = td.logger("tuned.plugins.base")
    cpu = td.logger("tuned.plugins.plugin_cpu")
    sysctl = td.logger("tuned.plugins.plugin_sysctl")
    wf = "leapp/workflows/__init__.py"
    stdlib = "leapp/libraries/stdlib/__init__.py"

    def tuned_start():
        log_at(application, logging.INFO, "tuned/daemon/application.py:34", "dynamic tuning is globally disabled",
               func="__init__")
        log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:41", "using sleep interval of %d second(s)" % 1,
               func="__init__")
        log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:305", "Running in automatic mode, checking what profile "
               "is recommended for your configuration.", func="_get_startup_profile")
        log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:307", "Using '%s' profile" % "virtual-guest",
               func="_get_startup_profile")
        log_at(loader, logging.INFO, "tuned/profiles/loader.py:49", "loading profile: %s" % "virtual-guest",
               func="load")
        log_at(controller, logging.INFO, "tuned/daemon/controller.py:58", "starting controller", func="run")
        log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:362", "starting tuning", func="start")
        log_at(plugins, logging.INFO, "tuned/plugins/base.py:180", "instance %s: assigning devices %s" % (
            "cpu", "cpu2, cpu3, cpu0, cpu1"), func="_add_assigned_devices")
        log_at(cpu, logging.INFO, "tuned/plugins/plugin_cpu.py:275", "We are running on an x86 %s platform" %
               "GenuineIntel", func="_check_arch")
        log_at(cpu, logging.WARNING, "tuned/plugins/plugin_cpu.py:305", "your CPU doesn't support "
               "MSR_IA32_ENERGY_PERF_BIAS, ignoring CPU energy performance bias", func="_check_energy_perf_bias")
        log_at(plugins, logging.INFO, "tuned/plugins/base.py:180", "instance %s: assigning devices %s" % (
            "disk", "nvme0n1, nvme1n1"), func="_add_assigned_devices")
        log_at(sysctl, logging.INFO, "tuned/plugins/plugin_sysctl.py:86", "reapplying system sysctl",
               func="_instance_apply_static")
        log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:231", "static tuning from profile '%s' applied" %
               "virtual-guest", func="_thread_code")

    tuned_start()
    printed(stream, "==> Processing phase `configuration_phase`")
    with pid(4211):
        log_at(lp.log, logging.INFO, "leapp/logger/__init__.py:87", "Logging has been initialized",
               func="configure_logger")
        log_at(workflow, logging.INFO, f"{wf}:280", "Starting workflow execution: IPUWorkflow - ID: "
               "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", func="run")
        phases = [("configuration_phase", ["ipu_workflow_config", "transaction_workarounds"]),
                  ("FactsCollection", ["rpm_scanner", "scancpu", "scan_kernel_cmdline", "scan_source_files",
                                       "storage_scanner"]),
                  ("Checks", ["check_os_release", "checkmemory", "check_fips", "check_grub_legacy"]),
                  ("TargetTransactionFactsCollection", ["target_userspace_creator"])]
        for phase, actors in phases:
            log_at(workflow, logging.INFO, f"{wf}:317", "Starting phase %s" % phase, func="run")
            current = lp.logger("leapp.workflow.%s" % phase)
            for stage, stage_actors in (("Before", []), ("Main", actors), ("After", [])):
                log_at(current, logging.INFO, f"{wf}:324", "Starting stage %s of phase %s" % (stage, phase),
                       func="run")
                for actor in stage_actors:
                    log_at(current, logging.INFO, f"{wf}:342", "Executing actor %s " % actor, func="run")
                    actor_log = lp.logger("leapp.workflow.%s.%s" % (phase, actor))
                    if actor == "rpm_scanner":
                        args = ["/bin/rpm", "-qa", "--queryformat", "%{NAME}|%{VERSION}|%{RELEASE}|%|EPOCH?{%{EPOCH}}:"
                                "{0}||%|PACKAGER?{%{PACKAGER}}:{(none)}||%|ARCH?{%{ARCH}}:{}||%|DSAHEADER?{%{DSAHEADER:"
                                "pgpsig}}:{%|RSAHEADER?{%{RSAHEADER:pgpsig}}:{(none)}|}|\\n"]
                        log_at(actor_log, logging.DEBUG, f"{stdlib}:182", "External command has started: {0}".format(
                            str(args)), func="_call")
                        for pkg in ("kernel|4.18.0|513.24.1.el8_9|0|Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>"
                                    "|x86_64|RSA/SHA256, Tue Apr 16 10:22:01 2024, Key ID 199e2f91fd431d51",
                                    "tuned|2.21.0|1.el8_9|0|Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>|noarch|"
                                    "RSA/SHA256, Mon Nov 20 08:41:57 2023, Key ID 199e2f91fd431d51",
                                    "amazon-ssm-agent|3.3.380.0|1|0|(none)|x86_64|(none)"):
                            log_at(actor_log, logging.DEBUG, f"{stdlib}:146", pkg, func="_console_logging_handler")
                        log_at(actor_log, logging.DEBUG, f"{stdlib}:218", "External command has finished: {0}".format(
                            str(args)), func="_call")
                    if actor == "checkmemory":
                        log_at(actor_log, logging.WARNING, "leapp/actors/__init__.py:345", 'Actor is trying to produce '
                               'a message of type "%s" without mentioning it explicitely in the actor\'s "produces" '
                               'tuple. The message will be ignored' % "<class 'leapp.models.MemoryInfo'>", func="produce")
            printed(stream, "==> Processing phase `%s`" % phase)
        # The upgrade's packages change TuneD's files: it restarts.
    log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:395", "stopping tuning", func="stop")
    log_at(controller, logging.INFO, "tuned/daemon/controller.py:96", "terminating controller", func="terminate")
    log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:284", "terminating TuneD, rolling back all changes",
           func="_thread_code")
    tuned_start()
    with pid(4211):
        phase = "TargetTransactionFactsCollection"
        current = lp.logger("leapp.workflow.%s" % phase)
        actor_log = lp.logger("leapp.workflow.%s.target_userspace_creator" % phase)
        args = ["dnf", "install", "-y", "--setopt=module_platform_id=platform:el9", "--setopt=keepcache=1",
                "--releasever", "9.4", "--installroot", "/var/lib/leapp/scratch/mounts/root_/system_overlay/el9target",
                "--disablerepo", "*", "--enablerepo", "rhel-9-baseos-rhui-rpms", "--enablerepo",
                "rhel-9-appstream-rhui-rpms", "dnf", "dnf-command(config-manager)"]
        log_at(actor_log, logging.DEBUG, f"{stdlib}:182", "External command has started: {0}".format(str(args)),
               func="_call")
        for line in ["Red Hat Enterprise Linux 9 for x86_64 - BaseOS from RHUI (RPMs)  31 MB/s |  41 MB     00:01",
                     "Red Hat Enterprise Linux 9 for x86_64 - AppStream from RHUI (RPMs) 24 MB/s |  38 MB     00:01",
                     "Error: Failed to download metadata for repo 'rhel-9-appstream-rhui-rpms': Cannot download "
                     "repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried"]:
            log_at(actor_log, logging.DEBUG, f"{stdlib}:146", line, func="_console_logging_handler")
        log_at(actor_log, logging.DEBUG, f"{stdlib}:218", "External command has finished: {0}".format(str(args)),
               func="_call")
        trace = fulltrace("leapp.libraries.stdlib", "CalledProcessError", "Command ['dnf', 'install', '-y', ...] "
                          "failed with exit code 1.")
        log_at(current, logging.ERROR, f"{wf}:357", "Actor {actor} has crashed: {trace}".format(
            actor="target_userspace_creator", trace=trace), func="run")
        log_at(workflow, logging.INFO, f"{wf}:406", "Workflow interrupted due to the FailPhase error policy",
               func="run")
    log_at(daemon, logging.INFO, "tuned/daemon/daemon.py:395", "stopping tuning", func="stop")
    log_at(controller, logging.INFO, "tuned/daemon/controller.py:96", "terminating controller", func="terminate")
    tuned_start()
    log_at(cpu, logging.INFO, "tuned/plugins/plugin_cpu.py:359", "Latency settings from non-first CPU plugin instance "
           "'%s' will be ignored." % "cpu_latency", func="_instance_init")
    for line in ["=" * 60, "                           ERRORS", "=" * 60, "",
                 "2024-05-11 14:46:02.118243 [ERROR] Actor: target_userspace_creator",
                 "Message: Unable to install RHEL 9 userspace packages.", "Summary:",
                 "    Details: Command ['dnf', 'install', '-y', ...] failed with exit code 1.", "", "=" * 60,
                 "                       END OF ERRORS", "=" * 60, "",
                 "Debug output written to /var/log/leapp/leapp-upgrade.log", "",
                 "A report has been generated at /var/log/leapp/leapp-report.json",
                 "A report has been generated at /var/log/leapp/leapp-report.txt"]:
        printed(stream, line)
    return {"name": "leapp-tuned", "programs": [lp, td], "records": stream, "auto": False}


def stream_dispatch_taskiq():
    stream = []
    dp = Program("dispatch", "dispatch.incident.flows", logging.Formatter(DISPATCH), stream)
    flows = dp.log
    decorators = dp.logger("dispatch.decorators")
    scheduled = dp.logger("dispatch.incident.scheduled")
    interactive = dp.logger("dispatch.plugins.dispatch_slack.incident.interactive")
    urllib3 = dp.logger("urllib3.connectionpool")
    tq = Program("taskiq", "taskiq.cli.worker.run", logging.Formatter(TASKIQ), stream)
    proc = Set(processName="MainProcess")
    tq.handler.addFilter(proc)
    manager = tq.logger("taskiq.process-manager")
    receiver = tq.logger("taskiq.receiver.receiver")
    retry = tq.logger("taskiq.middlewares.simple_retry_middleware")
    sch = Program("taskiq", "taskiq.cli.scheduler.run", logging.Formatter(TASKIQ_SCHEDULER), stream)
    fl = "dispatch/incident/flows.py"
    slack_users = ["jdoe@acme.example", "mchen@acme.example", "aokafor@acme.example", "rsingh@acme.example"]
    with pid(7):
        log_at(tq.log, logging.INFO, "taskiq/cli/worker/run.py:202", "Pid of a main process: %s", "7", func="run_worker")
        log_at(tq.log, logging.INFO, "taskiq/cli/worker/run.py:203", "Starting %s worker processes.", 2,
               func="run_worker")
        for n, worker_pid in ((0, 9), (1, 10)):
            log_at(manager, logging.INFO, "taskiq/cli/worker/process_manager.py:205", "Started process worker-%d with "
                   "pid %s ", n, worker_pid, func="prepare_workers")
    for n, worker_pid in ((0, 9), (1, 10)):
        proc.values.update(processName=f"worker-{n}")
        with pid(worker_pid):
            log_at(receiver, logging.INFO, "taskiq/receiver/receiver.py:389", "Listening started.", func="listen")
    proc.values.update(processName="MainProcess")
    log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:405", "Starting scheduler.", func="run_scheduler")
    log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:407", "Startup completed.", func="run_scheduler")

    def http(method, path, status, size, host="slack.com", first=False):
        if first:
            log_at(urllib3, logging.DEBUG, "urllib3/connectionpool.py:1049", "Starting new HTTPS connection (%d): %s:%s",
                   1, host, 443, func="_new_conn")
        log_at(urllib3, logging.DEBUG, "urllib3/connectionpool.py:544", '%s://%s:%s "%s %s %s" %s %s', "https", host,
               443, method, path, "HTTP/1.1", status, size, func="_make_request")

    incident = 1417
    for n in range(5):
        # The scheduler sends the on-call sync every minute; a worker runs it.
        log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:169", "Sending task %s with schedule_id %s.",
               "oncall_sync.tasks:sync_pagerduty_schedules", "0b6f3c2a9d1e4f5a8b7c6d5e4f3a2b1c", func="send")
        task_id = "%032x" % (0x4e2d1c0b9a8f7e6d5c4b3a2918070605 + n)
        worker = n % 2
        proc.values.update(processName=f"worker-{worker}")
        with pid(9 + worker):
            log_at(receiver, logging.INFO, "taskiq/receiver/receiver.py:155", "Executing task %s with ID: %s",
                   "oncall_sync.tasks:sync_pagerduty_schedules", task_id, func="callback")
            if n == 2:
                try:
                    raised("httpx", "HTTPStatusError", "Client error '429 Too Many Requests' for url 'https://api."
                           "pagerduty.com/oncalls?schedule_ids%5B%5D=PX7K2M9&earliest=true'\nFor more information "
                           "check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429")
                except Exception as e:
                    log_at(receiver, logging.ERROR, "taskiq/receiver/receiver.py:337", "Exception found while "
                           "executing function: %s", e, exc_info=True, func="run_task")
                log_at(retry, logging.INFO, "taskiq/middlewares/simple_retry_middleware.py:80", "Task '%s' invocation "
                       "failed. Retrying.", "oncall_sync.tasks:sync_pagerduty_schedules", func="on_error")
        log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:169", "Sending task %s with schedule_id %s.",
               "oncall_sync.tasks:refresh_slack_usergroups", "7d1e2f3a4b5c4d6e8f9a0b1c2d3e4f5a", func="send")
        proc.values.update(processName=f"worker-{1 - worker}")
        with pid(10 - worker):
            log_at(receiver, logging.INFO, "taskiq/receiver/receiver.py:155", "Executing task %s with ID: %s",
                   "oncall_sync.tasks:refresh_slack_usergroups", "%032x" % (0x9a8b7c6d5e4f30211203f4e5d6c7b8a9 + n),
                   func="callback")
        proc.values.update(processName="MainProcess")
        # Dispatch: an incident's Slack flow between the syncs.
        with pid(1):
            user = slack_users[n % 4]
            if n == 0:
                http("POST", "/api/conversations.create", 200, 1411, first=True)
                log_at(flows, logging.INFO, f"{fl}:361", f"Created participants canvas for incident {incident}",
                       func="create_participants_canvas")
                log_at(flows, logging.WARNING, f"{fl}:428", "Incident commander not paged. No plugin of type oncall "
                       "enabled.", func="incident_create_resources")
                log_at(decorators, logging.DEBUG, "dispatch/decorators.py:147", "function.elapsed.time.dispatch.incident."
                       "flows.incident_create_resources: 4.188231", func="wrapper")
            http("POST", "/api/conversations.invite", 200, 1392)
            log_at(flows, logging.INFO, f"{fl}:1118", f"Added {user} to conversation in (channel ID: C07K2M9X4QZ)",
                   func="incident_add_or_reactivate_participant_flow")
            http("POST", "/api/canvases.edit", 200, 58)
            log_at(flows, logging.INFO, f"{fl}:1139", f"Updated participants canvas for incident {incident} after adding "
                   f"{user}", func="incident_add_or_reactivate_participant_flow")
            http("POST", "/api/chat.postMessage", 200, 2214)
            log_at(interactive, logging.INFO, "dispatch/plugins/dispatch_slack/incident/interactive.py:901",
                   f"Logged incident event with ID: {88213 + n}", func="handle_timeline_added_event")
            log_at(decorators, logging.DEBUG, "dispatch/decorators.py:147", "function.elapsed.time.dispatch.incident."
                   f"flows.incident_add_or_reactivate_participant_flow: {0.8121 + n * 0.137:.6f}", func="wrapper")
            if n == 3:
                log_at(flows, logging.INFO, f"{fl}:937", f"Updated participants canvas for incident {incident} after "
                       f"assigning Incident Commander to {user}", func="incident_assign_role_flow")
    # The hourly tagger fails on a closed incident's deleted document.
    with pid(1):
        log_at(scheduled, logging.DEBUG, "dispatch/incident/scheduled.py:70", "Processing incident dispatch-acme-prod-"
               "1409...", func="incident_auto_tagger")
        try:
            raised("googleapiclient.errors", "HttpError", "<HttpError 404 when requesting https://docs.googleapis.com/"
                   "v1/documents/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT?alt=json returned \"Requested entity was not found.\". "
                   "Details: \"Requested entity was not found.\">")
        except Exception as e:
            log_at(decorators, logging.ERROR, "dispatch/decorators.py:62", "Error trying to execute task: dispatch."
                   "incident.scheduled.incident_auto_tagger", func="wrapper")
            log_at(decorators, logging.ERROR, "dispatch/decorators.py:63", str(e), exc_info=True, func="wrapper")
        log_at(flows, logging.INFO, f"{fl}:552", "Incident of type Security is excluded from review. Skipping "
               "creation...", func="incident_closed_status_flow")
        http("POST", "/api/conversations.kick", 200, 37)
        log_at(flows, logging.INFO, f"{fl}:1245", "Removed rsingh@acme.example from conversation in channel "
               "C07K2M9X4QZ", func="incident_remove_participant_flow")
    with pid(7):
        log_at(manager, logging.INFO, "taskiq/cli/worker/process_manager.py:144", "Workers are scheduled for shutdown.",
               func="handle_signal")
        for n, worker_pid in ((0, 9), (1, 10)):
            log_at(manager, logging.INFO, "taskiq/cli/worker/process_manager.py:222", "Stopped process %s with pid %s",
                   f"worker-{n}", worker_pid, func="_shutdown_workers")
    for n, worker_pid in ((0, 9), (1, 10)):
        proc.values.update(processName=f"worker-{n}")
        with pid(worker_pid):
            log_at(tq.log, logging.INFO, "taskiq/cli/worker/run.py:44", "Shutting down the broker.",
                   func="shutdown_broker")
    proc.values.update(processName="MainProcess")
    log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:417", "Shutting down scheduler.", func="run_scheduler")
    log_at(sch.log, logging.INFO, "taskiq/cli/scheduler/run.py:421", "Scheduler shut down. Good bye!",
           func="run_scheduler")
    return {"name": "dispatch-taskiq", "programs": [dp, tq, sch], "records": stream, "auto": False}


def stream_pretix_pretalx():
    stream = []
    px = Program("pretix", "pretix", logging.Formatter(PRETIX), stream)
    csrf = px.logger("django.security.csrf")
    mail = px.logger("pretix.base.services.mail")
    pt = Program("pretalx", "pretalx", logging.Formatter(PRETALX), stream)
    command = pt.logger("pretalx.agenda.management.commands.export_schedule_html")
    html_export = pt.logger("pretalx.agenda.html_export")
    image = pt.logger("pretalx.common.image")
    action_log = pt.logger("pretalx.common.models.log")
    probes = ["/wp-login.php", "/.env", "/acmecon/2024/checkout/start", "/xmlrpc.php", "/.git/config",
              "/acmecon/2024/order/ZQ8XK/9s1m2kz4x7/", "/api/v1/organizers/acme/events/acmecon-2024/orders/ZQ8XK/",
              "/phpmyadmin/index.php"]
    events = [("acmecon-2024", "AcmeCon 2024", 41, 212, 37), ("devopsdays-berlin", "DevOpsDays Berlin 2024", 28, 141, 29),
              ("pycon-acme", "PyCon Acme 2024", 63, 318, 44)]
    for n in range(8):
        for probe in probes[n::4][:2] + ["/acmecon/2024/redeem?voucher=EARLY%d" % (n * 37)]:
            log_at(px.logger("django.request"), logging.WARNING, "django/utils/log.py:241", "Not Found: %s", probe,
                   func="log_response")
        if n % 3 == 1:
            try:
                raised("smtplib", "SMTPDataError", "(554, b'Message rejected: Email address is not verified. The "
                       "following identities failed the check in region EU-CENTRAL-1: tickets@acmecon.example')")
            except Exception:
                log_at(mail, logging.ERROR, "pretix/base/services/mail.py:363", "Error sending email",
                       exc_info=True, func="mail_send_task")
        if n == 5:
            log_at(csrf, logging.WARNING, "django/middleware/csrf.py:262", "Forbidden (%s): %s",
                   "CSRF token from POST incorrect.", "/control/login", func="_reject")
        if n < 3:
            slug, name, pages, static, css = events[n]
            export = "/var/pretalx/data/htmlexport/%s" % slug
            log_at(command, logging.INFO, "pretalx/agenda/management/commands/export_schedule_html.py:34",
                   "Exporting %s", name, func="handle")
            log_at(html_export, logging.INFO, "pretalx/agenda/html_export.py:188", "Collecting URLs for export",
                   func="export_event")
            log_at(html_export, logging.INFO, "pretalx/agenda/html_export.py:192", "Exporting %d pages", pages,
                   func="export_event")
            log_at(html_export, logging.INFO, "pretalx/agenda/html_export.py:200", "Exporting %d static files from "
                   "HTML links", static, func="export_event")
            log_at(html_export, logging.INFO, "pretalx/agenda/html_export.py:207", "Exporting %d files from CSS links",
                   css, func="export_event")
            if n == 1:
                try:
                    raised("PIL.UnidentifiedImageError", "UnidentifiedImageError", "cannot identify image file "
                           "'/var/pretalx/data/media/devopsdays-berlin/speaker_avatars/h4x9_2kPq7Rm.heic'")
                except Exception:
                    log_at(image, logging.ERROR, "pretalx/common/image.py:127", "Failed to process image %s, leaving "
                           "it in place", "devopsdays-berlin/speaker_avatars/h4x9_2kPq7Rm.heic", exc_info=True,
                           func="process_image")
            log_at(command, logging.INFO, "pretalx/agenda/management/commands/export_schedule_html.py:40",
                   "Exported to %s", export, func="handle")
    log_at(action_log, logging.WARNING, "pretalx/common/models/log.py:72", 'Unknown log action "%s".',
           "pretalx.submission.reviewer_assignment.create", func="display")
    try:
        raised("django.db.utils", "OperationalError", "connection to server at \"pretalx-db.c1a2b3d4e5f6.eu-central-1."
               "rds.amazonaws.com\" (10.0.31.18), port 5432 failed: FATAL:  remaining connection slots are reserved for "
               "non-replication superuser connections")
    except Exception:
        log_at(pt.logger("django.request"), logging.ERROR, "django/utils/log.py:241", "Internal Server Error: %s",
               "/acmecon-2024/schedule/export/schedule.json", exc_info=True, func="log_response")
    for path in ("/acmecon/2024/", "/acmecon/2024/checkout/questions/", "/acmecon/2024/checkout/payment/"):
        log_at(px.logger("django.request"), logging.WARNING, "django/utils/log.py:241", "Not Found: %s",
               path + "widget/v1.css",
               func="log_response")
    return {"name": "pretix-pretalx", "programs": [px, pt], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_karapace_quix(), stream_sqlfluff_elementary(), stream_plaso_volatility(),
        stream_fixinventory_pmapper(), stream_defectdojo_quay(), stream_wazuh_intelmq(), stream_leapp_tuned(),
        stream_dispatch_taskiq(), stream_pretix_pretalx(),
    ])


if __name__ == "__main__":
    main()
