"""The thirty-fifth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout34.py`): six more
programs' own logging set-ups in three streams, chosen for what platform
and SRE teams run in AWS in the areas this batch was given (a Klipper
print farm's printer host, where moonraker-telegram-bot posts the farm's
prints to a Telegram group beside the OctoApp companion for Moonraker; the
farm's self-hosted services on EC2, where the Obico server's web container
watches the printers for failures beside a Mobileraker Companion container
pushing notifications to the operators' phones; an ERPNext host whose
bench log and a nightly invoice2data run over suppliers' PDF invoices are
shipped to one log group), each format copied from the file named beside
it (the version read is given), with the formatter class the program uses,
and messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout35

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 82.1% exact, 82.1% key
fields (asctime 99.3%, levelname 100.0%, name 97.1%, message 85.0%).

Formatters and filters: moonraker-telegram-bot, the OctoApp companion, the
Obico server and bench use logging.Formatter itself (basicConfig's for the
bot, dictConfig's for Obico), no filter. moonraker-telegram-bot prints
"filename:lineno" between " - " separators after the logger's name, its
modules' loggers named by module alone ("websocket_helper", "klippy": bot/
is the script's directory) and main.py's "__main__"; APScheduler's and
python-telegram-bot's INFO records reach the same root handler. OctoApp's
format puts the level, padded to eight, before the time, with " | "
between, and no name; its Sentry helpers prefix the message with the tag
upper-cased and padded to fifteen and " | ", and its Sentry.Exception logs
an ERROR whose message is the text, the class's name, the exception and
traceback.format_exc() (ending with a line break, no exc_info). The Obico
server's format has no time: the name padded to twelve and the level to
eight; some of its modules name their loggers with __file__
("/app/api/viewsets.py"). Mobileraker sets up coloredlogs.install() with
its own format: with the container's stderr not a terminal, coloredlogs
uses its BasicFormatter (no colours) and its default datefmt "%Y-%m-%d
%H:%M:%S"; its sys.excepthook logs with logging.exception outside any
except block, so the record's traceback is "NoneType: None", after a
message holding the traceback's frames joined by blank lines. bench writes
logs/bench.log only (no console handler), with its own LOG level (15,
logging.addLevelName in bench/utils/__init__.py). invoice2data's root
handler uses its ColorLogFormatter, reproduced below: it sets `prefix` and
`suffix` (ANSI codes per level; DEBUG's prefix empty) on the record, kept
in the truth, and formats with a fresh logging.Formatter of its FORMAT;
one of its INFO records' msg is the result dict, and its CRITICAL for a
failed file puts ". \\nError message: " in the message.
428 records in three streams (135, 184 and 109; 84 of them print lines
or printed tracebacks).

Print lines: systemd's lines on the printer host, the "Exception in
thread" line and traceback the interpreter prints when OctoApp's worker
thread dies, Django's migrate and collectstatic output and Daphne's access
lines in the Obico web container, Obico's consumers' traceback.print_exc()
(printed before the same exception is logged), Docker's lines, and the
cron wrapper's lines around invoice2data.

The messages are modelled on the programs' source, read at the commits
cited: the bot's are its own calls, with the line numbers of the files
read (APScheduler's and python-telegram-bot's records, their file names and
lines are modelled from memory, not read); OctoApp's Sentry.Info/Warn/
Error texts are its own (moonrakerclient.py, moonrakerhost.py); the Obico
server's are api/consumers.py's, api/octoprint_views.py's and
api/viewsets.py's (Daphne's and Django's from memory of their source);
Mobileraker's are from mobileraker.py, util/logging.py,
mobileraker_companion.py and the clients; bench's from cli.py, app.py and
utils/__init__.py; invoice2data's from api.py, extract/loader.py,
extract/invoice_template.py and __main__.py. Values (printers, chats,
files, invoices, suppliers, hosts) and the exceptions' texts are modelled,
and the tracebacks' frames are this file's.

Left out: Frappe/ERPNext (in `heldout4.py`), Tryton (`heldout7.py`), Fava
and beancount (`heldout14.py`, `heldout15.py`, `heldout29.py`), Moonraker,
Klipper and Spoolman (`heldout15.py`), moonraker-obico and PrusaLink
(`heldout30.py`), OctoPrint (`heldout4.py`), KlipperScreen and
OctoEverywhere (named in `heldout30.py`'s "Left out"; OctoApp's Moonraker
companion shares OctoEverywhere's plugin layout but is its own program,
read in its own repository), ihatemoney (no format of its own found in
spiral-project/ihatemoney 52e5720e: Flask's default handler, as in
`realworld.py`), the Obico server's tasks container (celery worker with
its hijacked root logger: Celery's format, in `realworld.py`), bench's
easy-install.py ("%(asctime)s - %(levelname)s - %(message)s", frappe/bench
d728b808: a one-off installer) and SimplyPrint's Moonraker client (no
snapshot of its repository could be fetched; not guessed).
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# moonraker-telegram-bot (nlef/moonraker-telegram-bot, e5ff187), bot/main.py
# logging.basicConfig(handlers=[StreamHandler(sys.stdout)], level=INFO) (the
# same format on its RotatingFileHandler).
TELEGRAM_BOT = "%(asctime)s - %(name)s - %(levelname)s - %(filename)s:%(lineno)d - %(message)s"
# OctoApp for Moonraker (crysxd/OctoApp-Plugin, 46acd3e5),
# moonraker_octoapp/logger.py LoggerInit.GetLogger (the root's stdout
# StreamHandler and octoapp.log); tags padded in octoapp/sentry.py.
OCTOAPP = "%(levelname)-8s | %(asctime)s | %(message)s"
# Obico server (TheSpaghettiDetective/obico-server, 49c0bc70),
# backend/config/settings.py LOGGING's "console" formatter (the root's
# "console" handler at INFO; "console_debug" serves django.db.backends only
# when DEBUG).
OBICO_SERVER = "%(name)-12s %(levelname)-8s %(message)s"
# Mobileraker Companion (Clon1998/mobileraker_companion, 1e866ae2),
# mobileraker/util/logging.py setup_logging: coloredlogs.install(fmt=...,
# level=INFO) on the root; coloredlogs 15.0.1's BasicFormatter off a
# terminal, with DEFAULT_DATE_FORMAT (xolox/python-coloredlogs, 65bdfe9,
# coloredlogs/__init__.py).
MOBILERAKER = "%(asctime)s %(name)s %(levelname)s %(message)s"
MOBILERAKER_DATEFMT = "%Y-%m-%d %H:%M:%S"
# bench (frappe/bench, d728b808), bench/utils/__init__.py setup_logging (a
# FileHandler on logs/bench.log for the "frappe-bench" logger, LOG = 15).
BENCH = "%(asctime)s %(levelname)s %(message)s"
# invoice2data (invoice-x/invoice2data, bd2fcceb), src/invoice2data/
# __main__.py ColorLogFormatter.FORMAT (the root's StreamHandler).
INVOICE2DATA = "%(prefix)s%(levelname)s:%(suffix)s%(name)s:%(prefix)s %(message)s%(suffix)s"


class ColorLogFormatter(logging.Formatter):
    """invoice2data's ColorLogFormatter, as written there (its format() uses
    a new logging.Formatter of FORMAT; here the instance holds FORMAT so the
    truth is made from it)."""

    END = "\033[0m"
    LOG_LEVEL_COLOR = {
        "DEBUG": {"prefix": "", "suffix": END},
        "INFO": {"prefix": "\033[94m", "suffix": END},
        "WARNING": {"prefix": "\033[1;43m", "suffix": END},
        "ERROR": {"prefix": "\033[1;41m", "suffix": END},
        "CRITICAL": {"prefix": "\033[1m\033[91m", "suffix": END},
    }

    def __init__(self):
        super().__init__(INVOICE2DATA)

    def format(self, record):
        if not hasattr(record, "prefix"):
            record.prefix = self.LOG_LEVEL_COLOR.get(record.levelname.upper(), {}).get("prefix")
        if not hasattr(record, "suffix"):
            record.suffix = self.LOG_LEVEL_COLOR.get(record.levelname.upper(), {}).get("suffix")
        return logging.Formatter(INVOICE2DATA).format(record)


def systemd(stream, text, host="klipper-farm-01"):
    printed(stream, "%s %s systemd[1]: %s" % (now("%b %d %H:%M:%S"), host, text))


def tag(name):
    """OctoApp's Sentry.Info/Warn/Error prefix."""
    return "{:<15}".format(name).upper() + " | "


# --------------------------------------------------------------------------
# A Klipper print farm's printer host (its journal shipped to CloudWatch
# Logs): moonraker-telegram-bot posts prints and photos to the farm's
# Telegram group, and OctoApp's Moonraker companion relays the printer to
# the operators' app. systemd's lines and a dead thread's traceback are
# print lines.

BOT = "/home/pi/moonraker-telegram-bot/bot/"
JOBS = ["bracket_v3_PETG_2h14m.gcode", "enclosure_hinge_PLA_48m.gcode", "fan_duct_ASA_1h37m.gcode",
        "cable_chain_link_x40_PETG_3h02m.gcode", "sensor_mount_PLA_31m.gcode"]


def stream_telegram_octoapp():
    stream = []
    tb = Program("moonraker-telegram-bot", "__main__", logging.Formatter(TELEGRAM_BOT), stream)
    oa = Program("octoapp", "root", logging.Formatter(OCTOAPP), stream)
    main = lg(tb, "__main__")
    ws = lg(tb, "websocket_helper")
    kl = lg(tb, "klippy")
    tl = lg(tb, "timelapse")
    sched = lg(tb, "apscheduler.scheduler")
    execs = lg(tb, "apscheduler.executors.default")
    app = lg(tb, "telegram.ext.Application")
    root = lg(oa, "root")
    site = "/home/pi/moonraker-telegram-bot-env/lib/python3.11/site-packages/"

    def ran(job, ok=True):
        at(execs, logging.INFO, site + "apscheduler/executors/base.py", 123, "run_coroutine_job",
           'Running job "%s (trigger: interval[0:00:02], next run at: %s UTC)" (scheduled at %s+00:00)',
           job, now("%Y-%m-%d %H:%M:%S"), now("%Y-%m-%d %H:%M:%S"))
        if ok:
            at(execs, logging.INFO, site + "apscheduler/executors/base.py", 144, "run_coroutine_job",
               'Job "%s (trigger: interval[0:00:02], next run at: %s UTC)" executed successfully', job,
               now("%Y-%m-%d %H:%M:%S"))

    systemd(stream, "Started moonraker-telegram-bot.service - Moonraker Telegram Bot SV1 Process.")
    systemd(stream, "Started octoapp.service - OctoApp for Moonraker.")
    for line in ["###########################", "#### OctoApp Starting #####", "###########################"]:
        root.info(tag("Host") + line)
    root.info(tag("Host") + "Plugin Version: %s" % "2.1.4")
    root.info(tag("Client") + "Moonraker client starting websocket connection thread.")
    root.info(tag("Client") + "Connecting to moonraker: ws://127.0.0.1:7125/websocket")
    at(sched, logging.INFO, site + "apscheduler/schedulers/base.py", 454, "add_job",
       "Adding job tentatively -- it will be properly scheduled when the scheduler starts")
    at(sched, logging.INFO, site + "apscheduler/schedulers/base.py", 895, "_real_add_job",
       'Added job "greeting_message" to job store "default"')
    at(sched, logging.INFO, site + "apscheduler/schedulers/base.py", 181, "start", "Scheduler started")
    root.info(tag("Client") + "Moonraker client websocket opened.")
    root.info(tag("Client") + "Moonraker client waiting for klippy ready...")
    at(app, logging.INFO, site + "telegram/ext/_application.py", 1081, "__run", "Application started")
    root.info(tag("Client") + "Moonraker client got klippy state 'startup', waiting for ready...")
    root.info(tag("Client") + "Moonraker client klippy state is ready. Moonraker connection is ready and stable.")
    root.info(tag("Client") + "Printer is called %s" % "voron-24-r2")
    root.info(tag("Client") + "Moonraker client setting up default notification hooks")
    root.info(tag("Host") + "Setting up relay with frontend port %s" % "80")
    for cycle in range(8):
        job = JOBS[cycle % len(JOBS)]
        for _ in range(4):
            ran("WebSocketHelper.reshedule")
        if cycle == 1:
            at(kl, logging.WARNING, BOT + "klippy.py", 280, "_get_full_marked_file",
               "bad response for file request %s", 404)
        if cycle == 2:
            at(kl, logging.ERROR, BOT + "klippy.py", 497, "_get_thumbnail",
               "Thumbnail download failed for %s \n\n%s", ".thumbs/%s-300x300.png" % job[:-6],
               "Client error '404 Not Found' for url 'http://127.0.0.1:7125/server/files/gcodes/.thumbs/"
               "%s-300x300.png'" % job[:-6])
        if cycle == 3:
            at(main, logging.ERROR, BOT + "main.py", 135, "check_unknown_chat",
               "Unauthorized access detected from `%s` with chat_id `%s`. Message: %s", "randomuser42", 5829104433,
               '{"message_id": 812, "date": 1715438690, "chat": {"id": 5829104433, "type": "private"}, '
               '"text": "/status"}')
        if cycle == 4:
            # A Telegram send that times out: the bot's error handler logs it.
            def send_photo():
                def post():
                    raised("telegram.error", "TimedOut", "Timed out")
                post()
            try:
                send_photo()
            except Exception:
                at(main, logging.ERROR, BOT + "main.py", 986, "error_handler", "Exception while handling an update:",
                   exc=True)
            at(tl, logging.WARNING, BOT + "timelapse.py", 308, "_send_lapse",
               "Failed to send time-lapse to telegram bot: %s", "Request Entity Too Large")
        if cycle == 5:
            at(ws, logging.WARNING, BOT + "websocket_helper.py", 371, "websocket_to_message",
               "klippy disconnect detected with message: %s", "notify_klippy_disconnected")
            root.info(tag("Client") + "Moonraker client received %s notification, so we will restart our client "
                      "connection." % "notify_klippy_disconnected")
            root.info(tag("Client") + "Moonraker websocket connection closed.")
            root.info(tag("Client") + "Moonraker client websocket connection lost. We will try to restart it soon.")
            at(ws, logging.ERROR, BOT + "websocket_helper.py", 349, "websocket_to_message",
               "UnKnown klippy state: %s", "disconnected")
            # The reschedule job fails: the bot's errors_listener logs it.
            def reshedule():
                def call():
                    raised("websockets.exceptions", "ConnectionClosedError",
                           "received 1006 (connection closed abnormally); then sent 1006 (connection closed "
                           "abnormally)")
                call()
            try:
                reshedule()
            except Exception as e:
                ran("WebSocketHelper.reshedule", ok=False)
                at(main, logging.ERROR, BOT + "main.py", 80, "errors_listener",
                   "Job %s raised%s\n" % ("ws_reschedule", e), exc=True)
            root.info(tag("Client") + "Connecting to moonraker: ws://127.0.0.1:7125/websocket")
            root.info(tag("Client") + "Moonraker client websocket opened.")
            root.info(tag("Client") + "Moonraker client got klippy state 'startup', waiting for ready...")
            root.info(tag("Client") + "Moonraker client klippy state is ready. Moonraker connection is ready and "
                      "stable.")
        if cycle == 6:
            root.warning(tag("Client") + "Moonraker RPC response received for request %d, but there is no waiting "
                         "context." % 88213)
            # OctoApp's message worker fails: Sentry.Exception logs it.
            def worker():
                def handle():
                    raised("builtins", "KeyError", "'print_stats'")
                handle()
            try:
                worker()
            except Exception as e:
                root.error("Exception while handing moonraker client websocket message.; " + type(e).__name__ +
                           " Exception: " + str(e) + "; " + traceback.format_exc())
        if cycle == 7:
            # The relay's thread dies: the interpreter prints it.
            def relay():
                def recv():
                    raised("builtins", "ConnectionResetError", "[Errno 104] Connection reset by peer")
                recv()
            printed(stream, "Exception in thread Thread-14 (_RelayThread):")
            uncaught(stream, relay)
        root.info(tag("Metadata Cache") + f"FileMetadataCache updated for file [{job}]; est time: "
                  f"{str(1800 + 611 * cycle)}, size: {str(2343 + 71 * cycle)}, filament usage: "
                  f"{str(5112.4 + 260.5 * cycle)}")
        ran("WebSocketHelper.reshedule")
        if cycle % 3 == 0:
            root.info(tag("Webcam Helper") + "Webcam settings loaded. Default camera name: %s" % "chamber")
        if cycle == 2:
            root.info(tag("Webcam Helper") + "Snapshot fallback failed due to the http call having a bad status: "
                      + str(503))
            root.warning(tag("Webcam Helper") + "Webcam helper found an invalid rotation, resetting to 0")
    at(main, logging.INFO, BOT + "main.py", 1240, "<module>", "Shutting down the bot")
    systemd(stream, "Stopping moonraker-telegram-bot.service - Moonraker Telegram Bot SV1 Process...")
    systemd(stream, "moonraker-telegram-bot.service: Deactivated successfully.")
    return {"name": "telegram-octoapp", "programs": [tb, oa], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The print farm's services on EC2 (Docker's awslogs driver, one stream for
# the compose project): the Obico server's web container (migrate,
# collectstatic, then Daphne) watches the printers, and a Mobileraker
# Companion container pushes the farm's notifications to the operators.

PRINTERS = [(3, "voron-24-r2"), (7, "ender3-s1-a"), (9, "prusa-mk4-c"), (12, "bambu-x1-b")]


def access(stream, path, status, size="-", client="172.18.0.1", port=51000):
    printed(stream, '%s:%d - - [%s] "%s" %s %s' % (client, port, now("%d/%b/%Y:%H:%M:%S"), path, status, size))


def stream_obico_mobileraker():
    stream = []
    ob = Program("obico-server", "api.consumers", logging.Formatter(OBICO_SERVER), stream)
    mr = Program("mobileraker", "root", logging.Formatter(MOBILERAKER, MOBILERAKER_DATEFMT), stream)
    cons = lg(ob, "api.consumers")
    views = lg(ob, "api.octoprint_views")
    viewsets = lg(ob, "/app/api/viewsets.py")
    req = lg(ob, "django.request")
    dcli = lg(ob, "daphne.cli")
    dsrv = lg(ob, "daphne.server")
    root = lg(mr, "root")
    fcm = lg(mr, "mobileraker.fcm")
    webcam = lg(mr, "mobileraker.webcam")
    comp = {p: lg(mr, "mobileraker." + p.replace(".", "_")) for _, p in PRINTERS}
    jrpc = {p: lg(mr, "mobileraker.%s.jrpc" % p) for _, p in PRINTERS}

    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: account, admin, api, app, auth, contenttypes, django_celery_beat, "
                    "hijack, notifications, sessions, sites, socialaccount")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    printed(stream, "")
    printed(stream, "0 static files copied to '/app/static_build', 1412 unmodified.")
    dcli.info("Starting server at tcp:port=3334:interface=0.0.0.0")
    dsrv.info("HTTP/2 support not enabled (install the http2 and tls Twisted extras)")
    dsrv.info("Configuring endpoint tcp:port=3334:interface=0.0.0.0")
    dsrv.info("Listening on TCP address 0.0.0.0:3334")
    root.info("Logging to file: /tmp/mobileraker.log")
    root.info("MobilerakerCompanion version: %s", "v0.5.3-11-g1e866ae")
    for _, p in PRINTERS:
        comp[p].info("MobilerakerCompanion client created for %s, it will ignore the following sensors: %s", p, [])
        jrpc[p].info("Trying to connect to: %s api key %s", "ws://%s.farm.internal:7125/websocket" % p, None)
        jrpc[p].info("WebSocket connected")
    for cycle in range(8):
        for n, (pk, p) in enumerate(PRINTERS):
            access(stream, "POST /api/v1/octo/pic/", 200, 2, "10.20.1.%d" % (30 + pk), 40000 + cycle * 10 + n)
            if (cycle + n) % 3 == 0:
                access(stream, "GET /api/v1/printers/%d/" % pk, 200, 3180 + pk, port=51100 + cycle)
            if cycle == 2 and n == 1:
                views.warning(f"Trying to alert on printer without current print. printer_id: {pk}")
        if cycle % 3 == 1:
            path = "/ws/web/%d/" % PRINTERS[cycle % 4][0]
            access(stream, "WSCONNECTING %s" % path, "-", port=52000 + cycle)
            access(stream, "WSCONNECT %s" % path, "-", port=52000 + cycle)
            cons.warning("WebConsumer: Closed websocket with code: {}".format(1001))
            access(stream, "WSDISCONNECT %s" % path, "-", port=52000 + cycle)
        if cycle == 3:
            cons.warning("OctoPrintConsumer: Closed websocket with code: {}".format(1006))
            req.warning("Not Found: %s", "/api/v1/printers/99/")
            access(stream, "GET /api/v1/printers/99/", 404, 23, port=51190)
        if cycle == 4:
            # A consumer's handler fails: report_error prints the traceback,
            # then logs it.
            def receive():
                def status():
                    raised("builtins", "KeyError", "'current_print_ts'")
                status()
            uncaught(stream, receive)
            try:
                receive()
            except Exception:
                cons.exception("KeyError in api.consumers.OctoPrintConsumer.receive")
        if cycle == 5:
            def plugin():
                def get():
                    raised("requests.exceptions", "ReadTimeout",
                           "HTTPSConnectionPool(host='api.telegram.org', port=443): Read timed out. (read timeout=5)")
                get()
            try:
                plugin()
            except Exception:
                viewsets.exception("could not get plugin details")
            def view():
                def query():
                    raised("django.db.utils", "OperationalError", "database is locked")
                query()
            try:
                view()
            except Exception:
                req.error("Internal Server Error: %s", "/api/v1/printers/7/", exc_info=True)
            access(stream, "GET /api/v1/printers/7/", 500, 145, port=51191)
        # Mobileraker evaluates each printer's state and pushes.
        for n, (_, p) in enumerate(PRINTERS):
            c = comp[p]
            if (cycle + n) % 4 == 0:
                c.info("State changed. Evaluating!")
            elif (cycle + n) % 4 == 1:
                c.info("M117 changed. Evaluating!")
            else:
                continue
            c.info("%i notifications generated for machineID: %s", 1 + (cycle % 2), "%08x-farm" % (0x5a1e + n))
            c.info("ProgressBar notification: %s - %s (progress: %s%%)", p, "Printing", 10 * cycle + n)
            c.info("Notification types: %s", ", ".join(["progress", "state"]))
            c.info("---- Completed Evaluations Task! ----")
        fcm.info("Submitting %i device-requets to mobileraker server", 1 + cycle % 3)
        if cycle == 2:
            webcam.info("Capturing snapshot from webcam: %s at %s", "Chamber", "http://bambu-x1-b.farm.internal/"
                        "webcam/?action=snapshot")
            webcam.error("Connection to webcam timed out: %s", "Chamber")
        if cycle == 3:
            comp["ender3-s1-a"].warning("Evaluation task was unable to acquire lock after 60 seconds!")
        if cycle == 6:
            jrpc["prusa-mk4-c"].info("websocket was closed...")
            jrpc["prusa-mk4-c"].info("Trying to connect to: %s api key %s",
                                     "ws://prusa-mk4-c.farm.internal:7125/websocket", None)
            jrpc["prusa-mk4-c"].info("Unexpected exception occured %s", "[Errno 111] Connect call failed "
                                     "('10.20.1.39', 7125)")
        if cycle == 7:
            # An uncaught exception: Mobileraker's sys.excepthook logs it
            # through logging.exception outside any except block.
            def snapshot():
                def rotate():
                    raised("PIL", "UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at "
                           "0x7f3c2a91b6a0>")
                rotate()
            try:
                snapshot()
            except Exception:
                kind, value, tb = sys.exc_info()
            root.exception(f'Uncaught exception {kind}: {value}\n' + '\n'.join([str(x) for x in
                                                                              traceback.format_tb(tb)]))
    printed(stream, "mobileraker-1 exited with code 1")
    return {"name": "obico-mobileraker", "programs": [ob, mr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An ERPNext host on EC2 (the CloudWatch agent ships
# /home/frappe/frappe-bench/logs/bench.log and the nightly invoice import's
# output to one log group): bench runs the nightly backup and an update,
# invoice2data reads the suppliers' PDF invoices before they are imported.

BENCH_HOME = "/home/frappe/frappe-bench"
SUPPLIERS = [("AWS EMEA SARL", "com.amazon.aws"), ("Hetzner Online GmbH", "de.hetzner"),
             ("OVH SAS", "fr.ovh"), ("Atlassian Pty Ltd", "com.atlassian"), ("Deutsche Telekom AG", "de.telekom"),
             ("Cloudflare, Inc.", "com.cloudflare")]


def stream_bench_invoice2data():
    stream = []
    with level_names({15: "LOG"}):
        bn = Program("bench", "frappe-bench", logging.Formatter(BENCH), stream)
        i2 = Program("invoice2data", "root", ColorLogFormatter(), stream)
        b = lg(bn, "frappe-bench")
        root = lg(i2, "root", logging.INFO)
        api = lg(i2, "invoice2data.api", logging.INFO)
        loader = lg(i2, "invoice2data.extract.loader", logging.INFO)
        tpl = lg(i2, "invoice2data.extract.invoice_template", logging.INFO)
        regex = lg(i2, "invoice2data.extract.parsers.regex", logging.INFO)

        for night in range(4):
            b.info("/home/frappe/.local/bin/bench --site erp.example.com backup --with-files")
            b.info("/home/frappe/.local/bin/bench --site erp.example.com execute "
                   "erpnext.setup.utils.enqueue_daily_reminder")
            printed(stream, "=== %s invoice import (night %d) ===" % (now("%Y-%m-%d %H:%M:%S"), night + 1))
            printed(stream, "+ invoice2data --output-format csv --output-name /srv/invoices/out/%s.csv "
                            "--template-folder /srv/invoices/templates /srv/invoices/inbox/*.pdf" % now("%Y%m%d"))
            loader.info("Loaded %d templates from %s", 14, "/srv/invoices/templates")
            loader.info("Loaded %d templates from %s", 213, "/usr/local/lib/python3.12/site-packages/invoice2data/"
                        "extract/templates")
            if night == 1:
                loader.warning("Failed to load %s template:\n%s", "com.cloudflare.yml",
                               "while parsing a block mapping\n  in \"<unicode string>\", line 1, column 1:\n"
                               "    issuer: Cloudflare, Inc.\n    ^\nexpected <block end>, but found '-'\n"
                               "  in \"<unicode string>\", line 9, column 3:\n      - Invoice Number\\s+(\\S+)\n"
                               "      ^")
            for n, (issuer, tname) in enumerate(SUPPLIERS):
                f = "/srv/invoices/inbox/%s-%04d.pdf" % (tname.split(".")[1], 3100 + night * 10 + n)
                if (n + night) % 5 == 4 or (night == 1 and tname == "com.cloudflare"):
                    api.error("No template for %s", f)
                    continue
                if night == 2 and n == 1:
                    api.warning("Template %s prefers input_module %r, but it is unavailable; using %s", tname,
                                "pdfplumber", "invoice2data.input.pdftotext")
                api.info("Using %s template", tname)
                if night == 0 and n == 2:
                    regex.warning('Field "%s" doesn\'t have regex specified', "vat")
                if night == 1 and n == 3:
                    tpl.warning("regexp for field %s didn't match", "amount_tax")
                    tpl.error("Unable to match all required fields. The required fields are: ['date', 'amount', "
                              "'invoice_number', 'issuer']. Output contains the following fields: ['issuer', "
                              "'invoice_number', 'currency', 'date'].")
                    root.critical("Invoice2data failed to process %s. \nError message: %s", f,
                                  "Missing required fields: amount")
                    continue
                if night == 2 and n == 0:
                    tpl.warning("tax_lines total (%.2f) does not match amount_tax (%.2f) in %s", 412.5, 412.8, tname)
                amount = 120.0 + 37.25 * (n + 1) + night
                res = {"issuer": issuer, "amount": amount, "amount_untaxed": round(amount / 1.19, 2),
                       "date": "2024-05-%02d" % (1 + n), "invoice_number": "INV-%d-%05d" % (2024, 4410 + n + night),
                       "currency": "EUR", "desc": "Invoice from %s" % issuer}
                root.info(res)
            printed(stream, "+ bench --site erp.example.com execute custom_app.imports.purchase_invoices_from_csv")
            b.info("/home/frappe/.local/bin/bench --site erp.example.com execute "
                   "custom_app.imports.purchase_invoices_from_csv")
            if night == 1:
                b.warning("/home/frappe/.local/bin/bench --site erp.example.com execute "
                          "custom_app.imports.purchase_invoices_from_csv executed with exit code 1")
            printed(stream, "=== done, exit %d ===" % (1 if night == 1 else 0))
            if night == 2:
                # The weekly update: bench pulls the apps and rebuilds.
                b.info("/home/frappe/.local/bin/bench update --pull --reset")
                for app in ("frappe", "erpnext", "hrms", "payments"):
                    b.log(15, f"pulling {app}")
                    b.debug(f"cd {BENCH_HOME}/apps/{app} && git fetch upstream version-15")
                    b.debug(f"cd {BENCH_HOME}/apps/{app} && git reset --hard upstream/version-15")
                b.log(15, f"Installing {'erpnext'}")
                b.log(15, "Getting %s" % "insights")
                b.debug(f"cd {BENCH_HOME} && git clone https://github.com/frappe/insights.git --branch "
                        "version-3 --depth 1 --origin upstream")
                def extract():
                    def extractall():
                        raised("tarfile", "ReadError", "unexpected end of data")
                    extractall()
                try:
                    extract()
                except Exception:
                    b.exception("Cache extraction failed for insights, skipping cache")
                b.debug(f"cd {BENCH_HOME} && {BENCH_HOME}/env/bin/python -m uv pip install --quiet --upgrade -e "
                        f"{BENCH_HOME}/apps/insights")
                b.debug(f"cd {BENCH_HOME}/apps/insights && yarn install --check-files")
                b.warning(f"cd {BENCH_HOME}/apps/insights && yarn install --check-files executed with exit code 1")
                b.log(15, "setting up backups")
                b.log(15, "backups were set up")
                b.info("/home/frappe/.local/bin/bench setup supervisor --skip-redis")
                b.log(15, "Updated supervisord.conf: 'chmod' changed from '0700' to '0760'")
                b.info("/home/frappe/.local/bin/bench restart")
    return {"name": "bench-invoice2data", "programs": [bn, i2], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_telegram_octoapp(), stream_obico_mobileraker(), stream_bench_invoice2data()])


if __name__ == "__main__":
    main()
