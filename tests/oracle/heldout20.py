"""The twentieth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` and the sets after it): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in areas the earlier sets left (industrial IoT, notification relays,
incident response): a plant-floor edge gateway where Fledge collects the
line's readings and mqtt-io bridges its GPIO and sensors to MQTT; an
operations notification relay where Mailrise turns the plant's mail into
Apprise notifications beside Apprise API's webhook endpoint; an
incident-response host where dfTimewolf's aws_logging_ts recipe pulls
CloudTrail events into the Timesketch beside it, whose celery worker
indexes them. Each format is copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout20

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 47b176d (session 19's rules from heldout11 and
heldout17 in), before any rule saw it: 2279 records (45 joined under a
burst), 61.3% exact, 71.6% with the key fields right (asctime 100.0%,
levelname 93.0%, name 71.7%, message 93.0%, exc_info 99.8%).

Formatters and filters: all six programs use logging.Formatter itself (no
filter, no record factory; dfTimewolf's WolfFormatter formats through an
inner logging.Formatter, which is what it prints off a terminal, with no
colour). 581 records in three streams. Fledge's format has no time: it
starts with the process's name, baked into the format string when the
logger is set up ("Fledge" plus whatever follows "--name=" on its command
line: "Fledge[41]" for the core, "Fledge purge[1245]" for the purge task),
then the pid in brackets and "LEVEL: module: name: message", all joined by
": ". Its error_override (fledge/common/logger.py) replaces every Fledge
logger's `error`: an exception passed to error() or exception() is logged
as one ERROR record per chunk of its formatted traceback (a frame's two
lines in one record, no exc_info), a string as one record per line, and
all those records are made in logger.py, so their module is "logger". The
scheduler's messages end with a line break and a list of arguments; the
container runs with FLEDGE_LOGS_DESTINATION=1 (read in
fledge/common/logger.py), so logger.setup()'s loggers write to stderr as
FLCoreLogger's do, and the core's "Logging" category is at "info" (its
default is "warning"), else the scheduler's records would not show; the
tasks leave the root at WARNING, so only their errors print. mqtt-io's
format is the schema default ("%Y-%m-%d %H:%M:%S", the level in
brackets); its broker failure is logged with a chained traceback.
Mailrise's basicConfig handler joins level, name and message with colons
and no spaces, and prints aiosmtpd's "mail.log" records (peers as tuples,
commands as bytes reprs) and Apprise's; its summaries carry a "➤"; a
multipart mail without a text part makes handle_DATA log an error, then
fail on an unbound variable, which aiosmtpd logs with its traceback.
Apprise API's format has Python's default asctime and no datefmt; its views
log under "django" with the request's REMOTE_ADDR, which over gunicorn's
unix socket is empty, so they read "NOTIFY -  - ..." (two spaces).
dfTimewolf writes a literal "Z" after the default asctime
("[2024-05-11 14:44:55,385Z]"), pads the logger's name (its modules' class
names) to 20 in brackets and the level to 8, and logs at its own SUCCESS
level (25, "SUCCESS ", registered with logging.addLevelName for the
stream's time). Timesketch's worker joins the logger's name and the level
with "/" ("timesketch.tasks/INFO"); celery's own records take that format
and carry celery's `data` extra (kept in the truth, as python-json-logger
writes extras); a Plaso import error is logged with traceback.format_exc()
in the message (ending with a line break, no exc_info), then celery logs
the task's failure with its exc_info.

Print lines: `fledge start`'s "Fledge started.", pip's lines (mqtt-io
installs a sensor module's requirements with pip when it starts), Apprise
API's start-up echo lines (supervisord-startup) and nginx's access lines
(to its stdout), the timer script's "+ dftimewolf ..." lines and celery's
start-up banner (laid out from the installed celery's BANNER and
ARTLINES).

The messages are modelled on the programs' source (Fledge 3.1.0's server.py,
scheduler.py, purge.py and storage_client.py; mqtt-io's server.py;
Mailrise's smtp.py and simple_router.py; aiosmtpd 1.4.6's smtp.py; Apprise
1.13.0's apprise.py, slack.py, ntfy.py and pagerduty.py; Apprise API's
views.py; dfTimewolf's dftimewolf_recipes.py, module_runner.py,
aws_logging.py, localplaso.py, timesketch.py and cloud_token.py;
Timesketch's lib/tasks.py; celery 5.5's trace.py and strategy.py), with
their format strings and arguments, but the order of the calls, the
devices, hosts, keys, paths and ids are the scenario's, and the storage
error's details, the psort command's options and dfTimewolf's end of a
throttled run (where the runner's last CRITICAL record is assumed) are
not read from a run. The line numbers given to Fledge's records are
those of the calls in the files read.

Left out: acme2certifier (its default log_format is "%(message)s", set in
acme_srv.cfg's [Helper] section; the "%(asctime)s - acme2certifier -
%(levelname)s - %(message)s" its documentation shows as an example is no
default of the version read, grindsa/acme2certifier 0.43.1, 7a4cef83), so
no DNS or PKI program is in this set; Theengs Gateway and devbis' ble2mqtt
(logging.basicConfig()'s BASIC_FORMAT: covered); Turbinia (its console
format "%(asctime)s [%(levelname)s] %(name)s | %(message)s" with
"%Y-%m-%d %H:%M:%S", read in google/turbinia turbinia/config/logger.py at
3929c5d8, kept for a later set: dfTimewolf's main branch dropped its
Turbinia modules, so it is not paired here); Timesketch's web process (its
API module's basicConfig format "%(asctime)s %(levelname)-8s %(message)s"
is replaced by configure_logger's, the worker's format shipped here);
Splunk add-ons' "%(asctime)s %(levelname)s pid=%(process)d
tid=%(threadName)s file=%(filename)s:%(funcName)s:%(lineno)d |
%(message)s" (seen in several add-ons' code through the code index, but
not traced to one add-on's release here: kept for a later set).
"""

import datetime
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Fledge 3.1.0 (fledge-iot/fledge v3.1.0, f90ffc204; read at acee7ee8, where
# these files are unchanged), python/fledge/common/logger.py get_format():
# "{}[%(process)d] ...".format(get_process_name()), the process name being
# "Fledge" plus whatever follows "--name=" on the process's command line
# (the core, started as "python3 -m fledge.services.core", has none; the
# scheduler starts its tasks with "--name=<schedule name>"). The same
# logging.Formatter is set on FLCoreLogger's console handler (stderr) and on
# logger.setup()'s StreamHandler (FLEDGE_LOGS_DESTINATION=1).
FLEDGE_CORE = "Fledge[%(process)d] %(levelname)s: %(module)s: %(name)s: %(message)s"
FLEDGE_PURGE = "Fledge purge[%(process)d] %(levelname)s: %(module)s: %(name)s: %(message)s"
# mqtt-io 2.6.0 (flyte/mqtt-io 2.6.0, 678276f), mqtt_io/config/
# config.schema.yml, the "logging" section's default (dictConfig'd by
# mqtt_io/__main__.py: a StreamHandler "console" on the "mqtt_io" logger).
MQTT_IO = "%(asctime)s %(name)s [%(levelname)s] %(message)s"
MQTT_IO_DATEFMT = "%Y-%m-%d %H:%M:%S"

# Mailrise (YoRyan/mailrise, 60d485e, 1.4.0 and 24 commits; the format is
# the same since 1.4.0), src/mailrise/skeleton.py setup_logging():
# logging.basicConfig(stream=sys.stdout, format=..., datefmt=...), so the
# root's handler prints aiosmtpd's "mail.log" and Apprise's "apprise"
# records too.
MAILRISE = "[%(asctime)s] %(levelname)s:%(name)s:%(message)s"
MAILRISE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Apprise API 1.5.2 (caronc/apprise-api v1.5.2, 69b61871), apprise_api/core/
# settings/__init__.py LOGGING's "standard" formatter (the "console"
# StreamHandler of the "django" and "apprise" loggers; no datefmt).
APPRISE_API = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"
# dfTimewolf (log2timeline/dftimewolf main, 5665d731: no release tags),
# dftimewolf/lib/logging_utils.py _DEFAULT_FORMATTER, which WolfFormatter
# applies for a handler at INFO (the console handler SetupLogging() in
# dftimewolf/cli/dftimewolf_recipes.py puts on the "dftimewolf" logger; off a
# terminal, no colour). logging_utils sets logging.Formatter.converter =
# time.gmtime, hence the literal "Z".
DFTIMEWOLF = "[%(asctime)sZ] [%(name)-20s] %(levelname)-8s %(message)s"
# Timesketch (google/timesketch, 45b339bb: tag 20260630 and 8 commits),
# timesketch/app.py configure_logger() (ENABLE_STRUCTURED_LOGGING unset),
# which sets this Formatter on the root's handlers; timesketch/lib/tasks.py
# calls it from celery's after_setup_logger signal, so the worker's own
# records (celery.*) print in it too.
TIMESKETCH = "[%(asctime)s] %(name)s/%(levelname)s %(message)s"

FLEDGE_PY = "/usr/local/fledge/python/fledge/"


# --------------------------------------------------------------------------
# A plant-floor edge gateway (an EC2 Outposts server or an industrial PC
# shipping to CloudWatch): Fledge's core collects the line's readings and
# its scheduler runs the purge and statistics tasks; mqtt-io bridges the
# line's GPIO and 1-Wire sensors to the same MQTT broker. The operator's
# compose project runs Fledge's core with its stderr file followed, and
# mqtt-io beside it, in one log stream. `fledge start`'s line and pip's
# lines (mqtt-io installs a sensor module's requirements at start) are print
# lines.

def fledge_error(log, msg, *args):
    """fledge/common/logger.py error_override(): an Exception is logged as
    one ERROR record per chunk of traceback.format_exception() (each
    stripped of its line break), a string as one record per line; the
    records are made in logger.py itself (module "logger"), and carry no
    exc_info."""
    path = FLEDGE_PY + "common/logger.py"
    if isinstance(msg, BaseException):
        trace_msg = traceback.format_exception(msg.__class__, msg, msg.__traceback__)
        if args:
            trace_msg[:0] = ["{}\n".format(args[0])]
        for line in trace_msg:
            at(log, logging.ERROR, path, 176, "<listcomp>", line.strip("\n"))
    else:
        if args:
            msg = msg % args
        for m in msg.splitlines():
            at(log, logging.ERROR, path, 189, "<listcomp>", m)


def storage_error():
    """The purge task's audit-log purge, failing in the storage client."""
    def delete_from_tbl():
        raised("fledge.common.storage_client.exceptions", "StorageServerError",
               "code: 400, reason:Bad Request, error:{'entryPoint': 'delete', 'message': 'database is locked', "
               "'retryable': True}")

    def purge_audit_trail_log():
        delete_from_tbl()

    def run():
        purge_audit_trail_log()
    try:
        run()
    except Exception as ex:  # noqa: BLE001
        return ex


def mqtt_refused():
    """aiomqtt's MqttError, re-raised by mqtt_io/mqtt/aiomqtt.py's wrapper
    as mqtt_io's MQTTException."""
    def connect():
        raised("aiomqtt.exceptions", "MqttError", "[Errno 111] Connection refused")

    def wrapped():
        try:
            connect()
        except Exception as exc:  # noqa: BLE001
            kind = type("MQTTException", (Exception,), {"__module__": "mqtt_io.mqtt"})
            raise kind() from exc
    wrapped()


SENSORS = [("line1_coolant_temp", 1), ("line1_ambient_temp", 1), ("line1_cabinet_humidity", 1)]
INPUTS = ["line1_door_interlock", "line1_estop", "line1_part_present"]
OUTPUTS = ["line1_stack_light_red", "line1_stack_light_green", "line1_conveyor_enable"]


def stream_fledge_mqtt_io():
    stream = []
    core = Program("fledge", "fledge.services.core.server", logging.Formatter(FLEDGE_CORE), stream)
    purge = Program("fledge", "Data Purge", logging.Formatter(FLEDGE_PURGE), stream)
    mq = Program("mqtt-io", "mqtt_io.server", logging.Formatter(MQTT_IO, MQTT_IO_DATEFMT), stream)
    server = lg(core, "fledge.services.core.server")
    sched = lg(core, "fledge.services.core.scheduler.scheduler")
    data_purge = lg(purge, "Data Purge")
    purge_storage = lg(purge, "fledge.common.storage_client.storage_client")
    mqs = lg(mq, "mqtt_io.server")
    mqa = lg(mq, "mqtt_io.mqtt.aiomqtt")
    server_py = FLEDGE_PY + "services/core/server.py"
    sched_py = FLEDGE_PY + "services/core/scheduler/scheduler.py"
    core_pid, port = 41, 41771

    def srv(line, func, msg, *args):
        with pid(core_pid):
            at(server, logging.INFO, server_py, line, func, msg, *args)

    def sch(line, func, msg, *args):
        with pid(core_pid):
            at(sched, logging.INFO, sched_py, line, func, msg, *args)

    def task_args(script, name):
        return [script, "--port={}".format(port), "--address=127.0.0.1", "--name={}".format(name)]

    printed(stream, "Fledge started.")
    srv(1028, "_start_core", "Starting ...")
    srv(1035, "_start_core", "Management API started on http://%s:%s", "0.0.0.0", port)
    srv(815, "__start_storage", "Start storage, from directory {}".format("/usr/local/fledge/scripts"))
    srv(1108, "_start_core", "Announce management API service")
    srv(931, "_write_pid", "PID [" + str(core_pid) + "] written in [" + "/usr/local/fledge/data/var/run/fledge.core.pid" + "]")
    srv(1118, "_start_core", "REST API Server started on %s://%s:%s", "http", "0.0.0.0", 8081)
    srv(798, "_start_service_monitor", "Services monitoring started ...")
    srv(809, "_start_scheduler", "Starting scheduler ...")
    sch(823, "start", "Starting")
    sch(847, "start", "Starting Scheduler: Management port received is %d", port)
    printed(stream, "Collecting w1thermsensor")
    printed(stream, "  Downloading w1thermsensor-2.3.0-py3-none-any.whl (18 kB)")
    printed(stream, "Installing collected packages: w1thermsensor")
    printed(stream, "Successfully installed w1thermsensor-2.3.0")
    for name in OUTPUTS:
        mqs.info("Digital output '%s' current value is %s (raw: %s)", name, name.endswith("green"),
                 name.endswith("green"))
    mqs.info("Connecting to MQTT...")
    mqs.info("Connected to MQTT")
    for name in OUTPUTS:
        mqs.info("Subscribed to topic: %r", "plant/line1/output/%s/set" % name)
        mqs.info("Subscribed to topic: %r", "plant/line1/output/%s/set_on_ms" % name)
    mqs.info("Subscribed to topic: %r", "plant/line1/stream/scanner/send")
    task_pid = 1200
    for cycle in range(16):
        for n, (name, digits) in enumerate(SENSORS):
            value = (18.4 + cycle * 0.3 + n * 4.1) if "temp" in name else (41.0 + cycle % 5)
            mqs.info("Read sensor '%s' value of %s", name, round(value, digits))
        if cycle % 3 == 0:
            inp = INPUTS[cycle // 3 % 3]
            mqs.info("Digital input '%s' value changed to %s", inp, cycle % 2 == 0)
        if cycle in (2, 7, 12):
            out = OUTPUTS[0]
            mqs.info("Digital output '%s' set to %s (%s)", out, True, "on")
            mqs.info("Turning output '%s' %s for %s second(s)", OUTPUTS[1], "off", 2.5)
            mqs.info("Digital output '%s' set to %s (%s)", OUTPUTS[1], False, "off")
            mqs.info("Turning output '%s' %s after %s second(s) elapsed", OUTPUTS[1], "on", 2.5)
            mqs.info("Digital output '%s' set to %s (%s)", OUTPUTS[1], True, "on")
        if cycle == 5:
            mqs.warning("'%s' is not a valid payload for output %s. Only '%s' and '%s' are allowed.", "1",
                        OUTPUTS[2], "ON", "OFF")
            mqs.warning("No digital output config found named %r", "line1_stack_light_amber")
        # The scheduler: stats collection every 15 s, purge every 10 min.
        task_pid += 3
        sched_name, proc, script = ("stats collection", "stats collector", "tasks/statistics")
        if cycle in (4, 14):
            sched_name, proc, script = ("purge", "purge", "tasks/purge")
        task_id = "%08x-%04x-4%03x-9%03x-%012x" % (0x5c1e7a00 + cycle * 7919, cycle * 31, cycle * 17, cycle * 13,
                                                  0x2b4f7d19e0c3 + cycle)
        sch(374, "_start_task", "Process started: Schedule '%s' process '%s' task %s pid %s, %s running tasks\n%s",
            sched_name, proc, task_id, task_pid, 1, task_args(script, sched_name))
        if cycle == 14:
            # The audit-log purge fails on a locked database: the storage
            # client's error, then the purge task's exception, split.
            with pid(task_pid):
                fledge_error(purge_storage, "Error code: %d, reason: %s, details: %s", 400, "Bad Request",
                             {"entryPoint": "delete", "message": "database is locked", "retryable": True})
                fledge_error(data_purge, storage_error())
        sch(230, "_wait_for_task_completion", "Process terminated: Schedule '%s' process '%s' task %s pid %s exit %s,"
            " %s running tasks\n%s", sched_name, proc, task_id, task_pid, 0, 0, [script])
        sch(636, "_schedule_next_task", "Scheduled task for schedule '%s' to start at %s", sched_name,
            datetime.datetime.fromtimestamp(realworld.CLOCK.t + (600 if sched_name == "purge" else 15)))
        if cycle == 8:
            # The broker restarts: the connection drops and is made again.
            try:
                mqtt_refused()
            except Exception:  # noqa: BLE001
                at(mqs, logging.ERROR, "/usr/local/lib/python3.11/site-packages/mqtt_io/server.py", 1405, "_main_loop",
                   "Connection to MQTT broker failed", exc=True)
            mqs.info("Reconnecting to MQTT broker (%s retries remaining)", "infinite")
            mqs.info("Connecting to MQTT...")
            mqs.info("Connected to MQTT")
            mqa.warning("Discarding old MQTT message because queue is full")
    mqs.info("Waiting for our tasks to complete...")
    mqs.info("Disconnecting from MQTT...")
    mqs.info("MQTT disconnected")
    srv(1712, "shutdown", "Stopping the Fledge Core event loop. Good Bye!")
    return {"name": "fledge-mqtt-io", "programs": [core, purge, mq], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An operations notification relay on one EC2 Docker host (Docker's awslogs
# driver, one stream for the compose project): the plant's UPS monitor,
# NAS and cameras send mail to Mailrise, which turns each into Apprise
# notifications (Slack, ntfy); Alertmanager and Grafana post to Apprise
# API's /notify/ endpoint. Apprise API's container start-up lines (its
# supervisord-startup script's echo lines) and nginx's access lines are
# print lines.

MAILS = [
    ("nut@plant.example", "ops.slack@mailrise.xyz", "UPS ups1@nas01: on battery", "UPS ups1@nas01 on battery"),
    ("nas01@plant.example", "storage.ntfy@mailrise.xyz", "[nas01] Scrub finished on pool tank",
     "The scrub of pool tank finished without errors."),
    ("cam-dock2@plant.example", "security.slack@mailrise.xyz", "Motion detected: Dock 2",
     "Motion was detected on camera Dock 2 at 14:44:44."),
    ("nut@plant.example", "ops.slack@mailrise.xyz", "UPS ups1@nas01: on line power", "UPS ups1@nas01 on line power"),
    ("smartd@nas01.plant.example", "storage.ntfy@mailrise.xyz", "SMART error (CurrentPendingSector) on /dev/sdc",
     "Device: /dev/sdc [SAT], 8 Currently unreadable (pending) sectors"),
]
NTFY_URL = "https://ntfy.sh/plant-storage"
KEYS = ["plant-alerts", "grafana", "plant-alerts", "plant-alerts", "grafana", "plant-alerts"]


class UnreadableMultipart(Exception):
    """mailrise.smtp.UnreadableMultipart."""


def handle_data(log_failure):
    """mailrise/smtp.py AppriseHandler.handle_DATA on a multipart/related
    mail without a text part: _parsemessage() raises, the error is logged,
    and the unbound `notification` raises next (aiosmtpd then logs the
    session exception)."""
    def parsemessage():
        raise UnreadableMultipart()
    try:
        notification = parsemessage()
    except UnreadableMultipart:
        log_failure()
    return notification


def stream_mailrise_apprise_api():
    stream = []
    mr = Program("mailrise", "mailrise.skeleton", logging.Formatter(MAILRISE, MAILRISE_DATEFMT), stream)
    aa = Program("apprise-api", "django", logging.Formatter(APPRISE_API), stream)
    skel = lg(mr, "mailrise.skeleton")
    smtp = lg(mr, "mail.log")
    mr_apprise = lg(mr, "apprise")
    view = lg(aa, "django")
    request = lg(aa, "django.request")
    aa_apprise = lg(aa, "apprise")

    printed(stream, "Timezone: UTC")
    printed(stream, "Apprise-API operating in Normal Mode")
    printed(stream, "Apprise API Non-Super User Startup")
    printed(stream, "Nginx BASE_URL prefix support disabled")
    skel.info("Loaded configuration with %d recipient(s)", 3)

    def nginx(method, path, status, size, agent):
        printed(stream, '172.18.0.%d - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s"'
                % (9 if "Alertmanager" in agent else 11, now("%d/%b/%Y:%H:%M:%S +0000"), method, path, status, size,
                   agent))

    def mail(n, sender, rcpt, subject, body, fail=None):
        peer = ("172.18.0.%d" % (5 + n % 3), 40312 + 17 * n)
        smtp.info("Available AUTH mechanisms: LOGIN(builtin) PLAIN(builtin)")
        smtp.info("Peer: %r", peer)
        smtp.info("%r handling connection", peer)
        smtp.info("%r >> %r", peer, b"EHLO " + sender.split("@")[0].encode())
        smtp.info("%r >> %r", peer, b"MAIL FROM:<" + sender.encode() + b">")
        smtp.info("%r sender: %s", peer, sender)
        smtp.info("%r >> %r", peer, b"RCPT TO:<" + rcpt.encode() + b">")
        skel.info("Added recipient: %s", rcpt)
        smtp.info("%r recip: %s", peer, rcpt)
        smtp.info("%r >> %r", peer, b"DATA")
        if fail == "multipart":
            try:
                handle_data(lambda: skel.error("Failed to parse %s message: [ %s ]", "multipart/related",
                                               "image/jpeg image/jpeg"))
            except UnboundLocalError:
                smtp.exception("%r SMTP session exception", peer)
            smtp.info("%r >> %r", peer, b"QUIT")
            smtp.info("%r connection lost", peer)
            return
        summary = "address: [ %s \u27a4 %s ] subject: [ %s ] body: [ %s (%.1fK) ]" % (
            sender, rcpt, subject, body.strip().split("\n")[0][:20], len(body) / 1024)
        skel.info("Accepted email: %s", summary)
        mr_apprise.info("Notifying %d service(s) asynchronously.", 1)
        if fail == "notify":
            if "ntfy" in rcpt:
                mr_apprise.warning("Failed to send ntfy notification to topic '{}': {}{}error={}.".format(
                    NTFY_URL.rsplit("/", 1)[1], "Servers are overloaded.", ", ", 503))
            else:
                mr_apprise.warning("Failed to send to Slack: {}{}error={}.".format("Servers are overloaded.", ", ", 503))
            skel.warning("Notification failed: %s", summary)
        elif "ntfy" in rcpt:
            mr_apprise.info(f"Sent ntfy notification to '{NTFY_URL}'.")
        else:
            mr_apprise.info("Sent Slack notification.")
        if fail == "reset":
            smtp.info("%r Connection lost during _handle_client()", peer)
            smtp.info("%r connection lost", peer)
            return
        smtp.info("%r >> %r", peer, b"QUIT")
        smtp.info("%r connection lost", peer)

    for rnd in range(3):
        for n in range(4):
            sender, rcpt, subject, body = MAILS[(rnd + n) % len(MAILS)]
            fail = None
            if (rnd, n) == (1, 0):
                fail = "notify"
            elif (rnd, n) == (1, 3):
                fail = "reset"
            elif (rnd, n) == (2, 2):
                fail = "multipart"
            mail(rnd * 4 + n, sender, rcpt, subject, body, fail)
        for k, key in enumerate(KEYS[rnd:rnd + 3]):
            agent = "Alertmanager/0.27.0" if key == "plant-alerts" else "Grafana/11.0.0"
            if (rnd, k) == (2, 1):
                aa_apprise.info("Notifying %d service(s) with threads.", 2)
                aa_apprise.info("Sent Slack notification to #plant-ops.")
                aa_apprise.warning("Failed to send Pager Duty notification: {}{}error={}.".format(
                    "Bad Request - Unsupported Parameters.", ", ", 400))
                view.warning("NOTIFY - %s - One or more notifications not sent%s using KEY: %s", "", "", key)
                nginx("POST", "/notify/" + key, 424, 54, agent)
                continue
            if key == "plant-alerts":
                aa_apprise.info("Notifying %d service(s) with threads.", 2)
                aa_apprise.info("Sent Slack notification to #plant-ops.")
                aa_apprise.info("Sent Pager Duty notification.")
            else:
                aa_apprise.info("Sent Slack notification to #grafana-alerts.")
            view.info("NOTIFY - %s - Delivered Notification(s) - %sKEY: %s", "", "", key)
            nginx("POST", "/notify/" + key, 200, 37, agent)
        if rnd == 1:
            view.info("VIEW - %s - Retrieved configuration associated using KEY: %s", "", "plant-alerts")
            nginx("GET", "/get/plant-alerts", 200, 412, "curl/8.5.0")
            request.warning("Not Found: %s", "/favicon.ico")
            nginx("GET", "/favicon.ico", 404, 179, "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0")
        if rnd == 2:
            view.warning("NOTIFY - %s - Payload lacks minimum requirements using KEY: %s", "", "grafana")
            nginx("POST", "/notify/grafana", 400, 52, "Grafana/11.0.0")
            view.warning("NOTIFY - %s - Invalid JSON Payload provided", "")
            nginx("POST", "/notify/", 400, 48, "python-requests/2.32.3")
            aa_apprise.info("Sent ntfy notification to '%s'." % NTFY_URL)
            view.info("NOTIFY - %s - Delivered Stateless Notification(s)", "")
            nginx("POST", "/notify/", 200, 37, "python-requests/2.32.3")
    skel.info("Caught exit signal...")
    return {"name": "mailrise-apprise-api", "programs": [mr, aa], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An incident-response host on EC2 (its journal, which the CloudWatch agent
# ships): a systemd timer's shell script runs dfTimewolf's aws_logging_ts
# recipe (its output in the journal), which pulls CloudTrail events, runs
# log2timeline on them (LocalPlasoProcessor, in Plaso's Docker image) and
# uploads the Plaso file to the Timesketch beside it, whose celery worker
# (Docker's journald driver) indexes it. The script's "+ ..." lines and
# celery's start-up banner are print lines.

SUCCESS = 25  # dftimewolf/lib/logging_utils.py
TS_TASK = "timesketch.lib.tasks.run_plaso"


def tmpname(n, length):
    """tempfile's random part of a name (eight of "abcdefghijklmnopqrstuvwxyz0123456789_"), pinned."""
    chars = "abcdefghijklmnopqrstuvwxyz0123456789_"
    return "".join(chars[(n * 7 + i * 13 + n * i * 5) % len(chars)] for i in range(length))


def no_event_count():
    """run_plaso's pinfo step, on an empty Plaso file."""
    def calculate():
        raise RuntimeError("Not able to get total event count from Plaso file.")
    calculate()


def celery_banner():
    """The worker's start-up banner, as celery.apps.worker's startup_info()
    lays it out (its BANNER, ARTLINES and EXTRA_INFO_FMT, from the celery
    installed here)."""
    import celery.apps.worker as cw
    banner = cw.BANNER.format(
        app="timesketch.app:0x7f3a9c2b1d90", hostname="celery@timesketch-worker", timestamp=now("%Y-%m-%d %H:%M:%S"),
        version="5.5.3 (immunity)", conninfo="redis://redis:6379//", results="redis://redis:6379/",
        concurrency="4 (prefork)", platform="Linux-6.1.0-1026-aws-x86_64-with-glibc2.39",
        events="OFF (enable -E to monitor tasks in this worker)",
        queues=".> celery           exchange=celery(direct) key=celery",
    ) + cw.EXTRA_INFO_FMT.format(tasks="\n".join("  . timesketch.lib.tasks." + t for t in (
        "find_data_task", "run_csv_jsonl", "run_email_result_task", "run_plaso", "run_sketch_analyzer",
        "run_sketch_init")))
    lines = banner.splitlines()
    for i, _ in enumerate(lines):
        try:
            lines[i] = " ".join([cw.ARTLINES[i], lines[i]])
        except IndexError:
            lines[i] = " " * 16 + lines[i]
    return lines


def stream_dftimewolf_timesketch():
    stream = []
    dw = Program("dftimewolf", "dftimewolf", logging.Formatter(DFTIMEWOLF), stream)
    ts = Program("timesketch-worker", "timesketch.tasks", logging.Formatter(TIMESKETCH), stream)
    wolf = lg(dw, "dftimewolf")
    mods = {name: lg(dw, name) for name in ("AWSAccountCheck", "AWSLogsCollector", "LocalPlasoProcessor",
                                            "TimesketchExporter")}
    tasks = lg(ts, "timesketch.tasks")
    strategy = lg(ts, "celery.worker.strategy")
    trace = lg(ts, "celery.app.trace")
    consumer = lg(ts, "celery.worker.consumer.connection")
    mingle = lg(ts, "celery.worker.consumer.mingle")
    apps = lg(ts, "celery.apps.worker")

    for line in celery_banner():
        printed(stream, line)
    consumer.info("Connected to %s", "redis://redis:6379//")
    mingle.info("mingle: searching for neighbors")
    mingle.info("mingle: all alone")
    apps.info("%s ready.", "celery@timesketch-worker")

    def run(n, incident, sketch, fail=None):
        wuid = "%08x-%04x-4%03x-a%03x-%012x" % (0x7d3f0e11 + n * 104729, 0x2c4b + n, n * 37, n * 41,
                                               0x91a4c6e2d5b7 + n)
        log_file = "/tmp/dftimewolf-run-%s_%s.log" % (now("%Y%m%d_%H%M%S"), tmpname(n, 8))
        printed(stream, "+ dftimewolf aws_logging_ts us-east-1 --incident_id %s --sketch_id %d "
                        "--timesketch_username dftimewolf" % (incident, sketch))
        wolf.info(f"Logging to stdout and {log_file}")
        wolf.log(SUCCESS, f"dfTimewolf tool initialized with UUID: {wuid}")
        wolf.info("Running modules...")
        if fail == "credentials":
            msg = ("AWS authentication is not configured, see https://boto3.amazonaws.com/v1/documentation/api/"
                   "latest/guide/quickstart.html#configuration")
            mods["AWSAccountCheck"].critical(msg)
            wolf.error(f"Error encountered: {msg}")
            wolf.error("Halting execution due to preflight failure.")
            return
        for name in ("AWSLogsCollector", "LocalPlasoProcessor", "TimesketchExporter"):
            wolf.info("Setting up module: {0:s}".format(name))
        mods["TimesketchExporter"].info("Using existing sketch: {0:d}".format(sketch))
        tmp = "/tmp/tmp%s.jsonl" % tmpname(n + 6, 8)
        wolf.info("Running module: {0:s}".format("AWSLogsCollector"))
        mods["AWSLogsCollector"].info(f"Downloading logs to {tmp:s}")
        if fail == "throttled":
            mods["AWSLogsCollector"].error(
                "Boto3 client error, check that lookup parameters are correct https://docs.aws.amazon.com/"
                "awscloudtrail/latest/APIReference/API_LookupEvents.html")
            exc = ("An error occurred (ThrottlingException) when calling the LookupEvents operation (reached max "
                   "retries: 4): Rate exceeded")
            mods["AWSLogsCollector"].critical(exc)
            wolf.error(f"Error encountered: {exc}")
            wolf.critical(exc)
            return
        mods["AWSLogsCollector"].info(f"Downloaded logs to {tmp}")
        wolf.info("Module {0:s} finished execution".format("AWSLogsCollector"))
        wolf.info("Running module: {0:s}".format("LocalPlasoProcessor"))
        plaso = "%032x" % (0x4b1d9e2f0a7c4d3e8f6a5b4c3d2e1f00 + n * 7)
        out = "/tmp/tmp%s" % tmpname(n + 12, 8)
        mods["LocalPlasoProcessor"].info(f"Log file: {out}/{plaso}.plaso")
        cmd = ("log2timeline -q --status_view none --partition all --logfile /data/output/plaso.log --storage-file "
               f"/data/output/{plaso}.plaso /data/input")
        mods["LocalPlasoProcessor"].info(f'Running external command: "{cmd}"')
        mods["LocalPlasoProcessor"].info("Running Docker image log2timeline/plaso:latest")
        wolf.info("Module {0:s} finished execution".format("LocalPlasoProcessor"))
        wolf.info("Running module: {0:s}".format("TimesketchExporter"))
        wolf.info("Running 1 threads, max 5 simultaneous for module TimesketchExporter")
        timeline = "aws_logging_ts_AWSLogsCollector_result_%05x" % (0x3a9f1 + n * 4099)
        mods["TimesketchExporter"].info(f"Uploading timeline {timeline} to sketch {sketch}...")
        # The worker takes the upload.
        task_id = "%08x-%04x-4%03x-b%03x-%012x" % (0x1f0e2d3c + n * 7727, 0x4b5a + n, n * 29, n * 53,
                                                  0x6c7d8e9fa0b1 + n)
        index = "%032x" % (0x8e2c4a6b0d1f3e5a7c9b2d4f6e8a0c1b + n * 11)
        upload = "/tmp/%032x" % (0x2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c0e + n * 13)
        timeline_id = 17 + n
        context = {"id": task_id, "name": TS_TASK, "args": repr((upload, [], index, "plaso", timeline_id)),
                   "kwargs": "{}", "eta": None}
        strategy.info("Task %(name)s[%(id)s] received", context, extra={"data": context})
        tasks.info("Running pinfo on %s for index %s", upload, index)
        if fail == "empty":
            try:
                no_event_count()
            except RuntimeError as e:
                error_msg = traceback.format_exc()
                tasks.error("Error importing Plaso file (%s): %s\n%s", upload, str(e), error_msg)
                failure = {"id": task_id, "name": TS_TASK, "description": "raised unexpected", "exc": repr(e),
                           "traceback": error_msg, "args": context["args"], "kwargs": "{}"}
                trace.error("Task %(name)s[%(id)s] %(description)s: %(exc)s", failure, exc_info=True,
                            extra={"data": failure})
            for _ in range(2):
                mods["TimesketchExporter"].info(f"Waiting for timeline {timeline} to be ready")
            msg = "Your Timesketch URL is: {0:s}sketch/{1:d}/".format("http://localhost:5000/", sketch)
            mods["TimesketchExporter"].log(SUCCESS, msg)
            wolf.info("Module {0:s} finished execution".format("TimesketchExporter"))
            wolf.info("Modules run successfully!")
            return
        tasks.info("Finished running pinfo on %s", upload)
        tasks.info("Index timeline (ID: %d) [%s] to index [%s] (source: %s)", timeline_id, upload, index, "plaso")
        psort = ["psort.py", "-o", "opensearch_ts", "--server", "opensearch", "--port", "9200", "--status_view",
                 "none", "--index_name", index, "--logfile", "/dev/null", "--opensearch_mappings",
                 "/etc/timesketch/plaso.mappings", "--timeline_identifier", str(timeline_id), "--", upload]
        tasks.info("Plaso cmd line: %s start", psort)
        for _ in range(3 + n % 3):
            mods["TimesketchExporter"].info(f"Waiting for timeline {timeline} to be ready")
        tasks.info("Plaso cmd line: %s finish", psort)
        tasks.info("Executed %d analyzers on the new timeline (ID: %d) in sketch (ID: %d)", 2, timeline_id, sketch)
        done = {"id": task_id, "name": TS_TASK, "return_value": repr(index), "runtime": round(38.41 + 9.7 * n, 2),
                "args": context["args"], "kwargs": "{}"}
        trace.info("Task %(name)s[%(id)s] succeeded in %(runtime)ss: %(return_value)s", done, extra={"data": done})
        mods["TimesketchExporter"].info("No analyzers to run on timeline {0:s}.".format(timeline))
        msg = "Your Timesketch URL is: {0:s}sketch/{1:d}/".format("http://localhost:5000/", sketch)
        mods["TimesketchExporter"].log(SUCCESS, msg)
        wolf.info("Module {0:s} finished execution".format("TimesketchExporter"))
        wolf.info("Modules run successfully!")

    with level_names({SUCCESS: "SUCCESS"}):
        run(0, "IR-2024-0117", 12)
        run(1, "IR-2024-0117", 12, fail="throttled")
        run(2, "IR-2024-0118", 14, fail="empty")
        run(3, "IR-2024-0118", 14)
        run(4, "IR-2024-0119", 15, fail="credentials")
        run(5, "IR-2024-0119", 15)
    return {"name": "dftimewolf-timesketch", "programs": [dw, ts], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_fledge_mqtt_io(), stream_mailrise_apprise_api(), stream_dftimewolf_timesketch()])


if __name__ == "__main__":
    main()
