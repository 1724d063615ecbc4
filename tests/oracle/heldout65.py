"""The 65-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout64.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (email and messaging infrastructure: a
Matrix homeserver's side services on EC2, where Sygnal relays Synapse's
push notifications to Firebase and APNs beside matrix-registration handing
out sign-up tokens; a mail host, where sys4's tlsrpt-reporter collects
Postfix's SMTP TLS results and mails the daily TLSRPT reports beside a
pymap IMAP server for the team's archive mailboxes; an SMS platform, where
RapidPro's web app runs the flows and Praekelt's Junebug gateway carries
their messages to and from the SMS aggregators), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout65

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 0681c6c (session 28's first rules in, none
written from this set), with nothing configured: 78.0% exact, 78.0% key
fields (asctime 99.1%, levelname 99.1%, name 84.7%, message 93.3%).
gunicorn's own records for RapidPro go through gunicorn's handlers and
formatter (`realworld.gunicorn_programs`), as `realworld.py`,
`heldout12.py` and `heldout13.py` model them: the product reads them
with gunicorn's built-in format, and a document of their fields is the
right one. This set first modelled them as print lines, as some earlier
sets do (docs/parsing.md counts those records wrong though they are
right); changed before any rule was written from it: 78.0% -> 78.9% exact at 0681c6c).

Formatters and filters: all six use logging.Formatter itself (Sygnal,
matrix-registration and RapidPro through logging.config.dictConfig,
tlsrpt-reporter, pymap and Junebug through logging.basicConfig); no filter.
Sygnal's sample configuration (copied as the container's sygnal.yaml) prints
the process id in brackets and pads the level to five ("INFO  ", "WARNING"
is longer); its request handlers log through NotificationLoggerAdapter,
which puts the request's id (a uuid4) in brackets before the message
("[7c2e91a0-5d1c-...] Sending ..."), its access lines are "Handled request: " and Twisted's
combined log line, and Twisted's own records come through
PythonLoggingObserver under "twisted". matrix-registration's console
handler ("brief", INFO) prints no time: "name - LEVEL - message", and
waitress' and Flask-Limiter's records reach it through the root.
tlsrpt-reporter's format has the daemon's name baked into it as literal
text ("tlsrpt_collectd", "tlsrpt_reportd") between the time and the level,
then the module and line, and " : " before the message; both daemons run
with LOG_LEVEL=info here (their default is "warn"), each in its own
container of the same compose project (one format each). pymap runs with
--debug and no --logging-cfg: basicConfig's BASIC_FORMAT at WARNING, the
"pymap" package at DEBUG, so every line an IMAP or ManageSieve client
sends or receives is a DEBUG record ("<uid> -->| a1 LOGIN ..."). RapidPro
prints the level first, Python's default time and the module (the file's
name, no package) before the message; its ExternalURLHandler passes a "URL"
extra, which python-json-logger keeps. Junebug's stdout format brackets the
logger's name ("[twisted]", "[root]"); its workers log through the root
with logging.exception outside any except block (from a Deferred's
callback), so those records end with "NoneType: None". 446 records in
three streams (109, 233 and 104), 42 of them print lines and one a bare
traceback.

Print lines: Docker's and the entrypoints' lines (tlsrpt-reportd's "INFO:
TLSRPT_REPORTD_...=" echoes, gunicorn's access lines for RapidPro,
which its access logger writes as "%(message)s"),
matrix-registration's uncaught start-up failure when its database volume is
not writable (a bare traceback; Docker restarts it).

The messages are the programs' own where read (Sygnal's sygnal.py, http.py,
gcmpushkin.py and apnspushkin.py; matrix-registration's api.py; tlsrpt.py
with its line numbers; pymap's imap/__init__.py, sieve/manage/__init__.py
and backend/redis/__init__.py; RapidPro's api/support.py, channels/views.py,
flows/models.py, msgs/models.py, notifications/models.py and
utils/views/views.py; Junebug's command_line.py, service.py, amqp.py,
router/base.py, workers.py and plugins/nginx/plugin.py). Twisted's own lines
("Site starting on 5000", "Starting factory ..."), its combined access line,
waitress' "Serving on ..." and "Task queue depth is %d" and Flask-Limiter's "ratelimit ... exceeded"
messages are from memory of those libraries, not read here; RapidPro's
modules' line numbers beside the messages read are not printed (its format
has no line). The hosts, tokens, push keys, domains, ids and counts are
made up.

Left out: Colossus (vitorfs/colossus 4527576: no LOGGING in its settings,
so what its Celery worker and web process print is not the program's own
format), automx2 (rseichter/automx2 ca0f34e src/automx2/__init__.py: a
StreamHandler with logging.Formatter(), "%(message)s" only),
python-github-webhooks (carlos-jenkins/python-github-webhooks 759b67e
webhooks.py: logging.basicConfig(stream=stderr), BASIC_FORMAT, which pymap
already stands for here), pantalaimon and notifico (no logging format found
in matrix-org/pantalaimon e4a14b0 or notifico/notifico 484c411), GPG Lacre
(no snapshot could be had), and, in earlier sets or their "Left out"
paragraphs, Mailman, HyperKitty, Postorius, Mailu, Modoboa, SimpleLogin,
iRedAdmin, iRedAPD, Mail-in-a-Box, listmonk, Mautic, Inboxen, salmon,
aiosmtpd, Mailrise, Apprise, ntfy, prom2teams, Alerta, parsedmarc,
postfix-mta-sts-resolver, policyd-rate-limit, email-oauth2-proxy, getmail6,
fuglu, olefy, rspamd, imapautofiler, Jasmin, Zulip, Synapse, Sydent,
heisenbridge, mautrix, maubot, hemppa, Errbot, Limnoria, Sopel, opsdroid
and slack-machine.
"""

import base64
import hashlib
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Sygnal (matrix-org/sygnal, 4700184), sygnal.yaml.sample log.setup's
# "normal" formatter (the "stderr" handler of the root and "sygnal", the
# "stdout" handler of "sygnal.access"), through logging.config.dictConfig
# in sygnal/sygnal.py.
SYGNAL = "%(asctime)s [%(process)d] %(levelname)-5s %(name)s %(message)s"
# matrix-registration (ZerataX/matrix-registration, 6a69003),
# config.sample.yaml logging's "brief" formatter (the "console" handler on
# stdout, at INFO), through logging.config.dictConfig in
# matrix_registration/app.py.
MREG = "%(name)s - %(levelname)s - %(message)s"
# tlsrpt-reporter (sys4/tlsrpt-reporter, 1252b75), tlsrpt_reporter/
# tlsrpt.py setup_logging's basicConfig format, component_name
# "tlsrpt_collectd" (tlsrpt_collectd_main) or "tlsrpt_reportd"
# (tlsrpt_reportd_main).
TLSRPT_COLLECTD = "%(asctime)s tlsrpt_collectd %(levelname)s %(module)s %(lineno)s : %(message)s"
TLSRPT_REPORTD = "%(asctime)s tlsrpt_reportd %(levelname)s %(module)s %(lineno)s : %(message)s"
# pymap (icgood/pymap, e927da6), pymap/main.py: logging.basicConfig(
# level=logging.WARNING) without --logging-cfg, so logging.BASIC_FORMAT.
PYMAP = logging.BASIC_FORMAT
# RapidPro (nyaruka/rapidpro, c4e8d4872a), temba/settings_common.py
# LOGGING's "verbose" formatter (the root's "console" handler, at INFO).
RAPIDPRO = "%(levelname)s %(asctime)s %(module)s %(message)s"
# Junebug (praekelt/junebug, 8cde349), junebug/command_line.py
# logging_setup's LOGGING_FORMAT, through logging.basicConfig on stdout.
JUNEBUG = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"

TLSRPT_PY = "/usr/local/lib/python3.12/site-packages/tlsrpt_reporter/tlsrpt.py"
TEMBA = "/rapidpro/temba/"


# --------------------------------------------------------------------------
# A Matrix homeserver's side services on EC2 (Docker's awslogs driver, one
# stream for the compose project): Sygnal relays Synapse's pushes to
# Firebase (GCM) and APNs; matrix-registration hands out sign-up tokens.

APPS = [("im.vector.app.android", "gcm"), ("im.vector.app.ios.prod", "apns")]
ROOMS = ["!qXkTzVcLpRmWnBsYdE:matrix.example.org", "!aBcDeFgHiJkLmNoPqR:matrix.example.org",
         "!IncIdEnT0511xyz:matrix.example.org"]
AGENT = "Synapse/1.105.1"


def access(path, code, length, agent=AGENT):
    return '"10.0.4.17" - - [%s] "POST %s HTTP/1.1" %d %d "-" "%s"' % (
        now("%d/%b/%Y:%H:%M:%S +0000"), path, code, length, agent)


def stream_sygnal_registration():
    stream = []
    sy = Program("sygnal", "sygnal.sygnal", logging.Formatter(SYGNAL), stream)
    mr = Program("matrix-registration", "matrix_registration.api", logging.Formatter(MREG), stream)
    main = lg(sy, "sygnal.sygnal")
    http = lg(sy, "sygnal.http")
    gcm = lg(sy, "sygnal.gcmpushkin")
    apns = lg(sy, "sygnal.apnspushkin")
    acc = lg(sy, "sygnal.access")
    tw = lg(sy, "twisted")
    api = lg(mr, "matrix_registration.api")
    waitress = lg(mr, "waitress")
    limiter = lg(mr, "flask-limiter")

    printed(stream, " Container matrix-sygnal-1  Started")
    printed(stream, " Container matrix-registration-1  Started")
    with pid(1):
        main.info("Using proxy configuration from HTTPS_PROXY environment variable.")
        main.warning("Config includes the legacy 'database' option and will be ignored as Sygnal no longer uses a "
                     "database, this field can be removed")
        main.info("Starting Prometheus Server on %s port %d", "0.0.0.0", 8000)
        for app, kind in APPS:
            main.info("Importing pushkin module: %s", f"sygnal.{kind}pushkin")
            main.info("Creating pushkin: %s", f"{kind.capitalize()}Pushkin")
        main.info("Configured with app IDs: %r", {app: None for app, _ in APPS}.keys())
        main.info("Starting listening on %s port %d", "0.0.0.0", 5000)
        tw.info("Site starting on 5000")
        tw.info("Starting factory <twisted.web.server.Site object at 0x7f3c2a1b5d10>")
    # matrix-registration dies once at start: its volume is not writable.
    def create_all():
        def connect():
            raised("sqlalchemy.exc", "OperationalError", "(sqlite3.OperationalError) unable to open database file\n"
                   "(Background on this error at: https://sqlalche.me/e/14/e3q8)")
        connect()
    uncaught(stream, create_all)
    printed(stream, "matrix-registration-1 exited with code 1")
    waitress.info("Serving on http://0.0.0.0:5000")

    for cycle in range(12):
        with pid(1):
            for n in range(3):
                rid = "%08x-5d1c-4e8a-9f3b-%012x" % (0x7c2e91a0 + cycle * 3 + n, 0x2b6d4f18e0 * (n + 1) + cycle)
                room = ROOMS[(cycle + n) % 3]
                event = "$" + base64.urlsafe_b64encode(hashlib.sha256(b"%d-%d" % (cycle, n)).digest()).decode()[:43]
                app, kind = APPS[(cycle + n) % 2]
                log = gcm if kind == "gcm" else apns
                if cycle == 4 and n == 1:
                    http.warning("[%s] %s", rid, "Got notification for unknown app ID %s" % "im.vector.app.ios.dev")
                    acc.info("Handled request: %s", access("/_matrix/push/v1/notify", 200, 44))
                    continue
                key = ("fcm-%012x" % (0xabc123 + cycle * 7 + n)) if kind == "gcm" else ("%064x" % (cycle * 977 + n))
                if kind == "gcm":
                    if cycle == 6 and n == 0:
                        log.info("[%s] Sending (attempt %i) => %r room:%s, event:%s", rid, 0, [key], room, event)

                        def dispatch():
                            def request_dispatch():
                                raised("sygnal.exceptions", "TemporaryNotificationDispatchException",
                                       "GCM server error, hopefully temporary.")
                            request_dispatch()
                        try:
                            dispatch()
                        except Exception:
                            log.warning("[%s] Temporary failure, will retry in %d seconds", rid, 10, exc_info=True)
                        log.info("[%s] Sending (attempt %i) => %r room:%s, event:%s", rid, 1, [key], room, event)
                    else:
                        log.info("[%s] Sending (attempt %i) => %r room:%s, event:%s", rid, 0, [key], room, event)
                    if cycle == 9 and n == 2:
                        log.warning("[%s] Error for pushkey %s: %s", rid, key, "NotRegistered")
                        log.info("[%s] Reg ID %r has permanently failed with code %r: rejecting upstream", rid, key,
                                 "NotRegistered")
                        http.info("[%s] Successfully delivered notifications with %d rejected pushkeys", rid, 1)
                else:
                    log.info("[%s] Sending (attempt %i) => %s APNs-ID:%s room:%s, event:%s", rid, 0,
                             "9b2f%04x-3c1e-4a7d-8e55-%012x" % (cycle, n * 0x1f3a5), key, room, event)
                    if cycle == 2 and n == 2:
                        log.info("[%s] APNs token %s for pushkin %s was rejected: %d %s", rid, key, app, 410,
                                 "Unregistered")
                        http.info("[%s] Successfully delivered notifications with %d rejected pushkeys", rid, 1)
                acc.info("Handled request: %s", access("/_matrix/push/v1/notify", 200, 16 + 40 * (cycle == 9)))
            if cycle == 7:
                http.warning("[%s] %s", "0d3f5a2c-81b7-4c09-a6e4-5f2b9c7d1e38",
                             "Invalid notification: expecting object in 'notification' key")
                acc.info("Handled request: %s", access("/_matrix/push/v1/notify", 400, 60, "curl/8.5.0"))
        # A sign-up now and then (its DEBUG records don't print: INFO console).
        if cycle % 2 == 1:
            limiter.info("ratelimit 10 per 1 minute (10.0.7.%d) exceeded at endpoint: api.register", 20 + cycle)
        if cycle == 5:
            def register():
                def create_account():
                    raised("requests.exceptions", "ConnectionError",
                           "HTTPSConnectionPool(host='matrix.example.org', port=443): Max retries exceeded with url: "
                           "/_synapse/admin/v1/register (Caused by NewConnectionError('<urllib3.connection."
                           "HTTPSConnection object at 0x7f0e2c4b1a90>: Failed to establish a new connection: "
                           "[Errno 111] Connection refused'))")
                create_account()
            try:
                register()
            except Exception:
                api.error("can not connect to %s" % "https://matrix.example.org", exc_info=True)
        if cycle == 8:
            def register_403():
                def raise_for_status():
                    raised("requests.exceptions", "HTTPError", "502 Server Error: Bad Gateway for url: "
                           "https://matrix.example.org/_synapse/admin/v1/register")
                raise_for_status()
            try:
                register_403()
            except Exception:
                api.error("failure communicating with HS", exc_info=True)
        if cycle in (3, 8, 11):
            lg(mr, "waitress.queue").warning("Task queue depth is %d", 1 + cycle % 3)
        if cycle == 10:
            api.error("wrong shared registration secret or not enabled")
            api.error("no HS found at %s" % "https://matrix.example.org")
    printed(stream, " Container matrix-sygnal-1  Stopping")
    with pid(1):
        tw.info("(TCP Port 5000 Closed)")
        tw.info("Stopping factory <twisted.web.server.Site object at 0x7f3c2a1b5d10>")
        tw.info("Main loop terminated.")
    return {"name": "sygnal-matrix-registration", "programs": [sy, mr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mail host on EC2 (one log group for its compose project): Postfix
# writes its TLS results to tlsrpt-collectd's socket, tlsrpt-reportd sends
# the day's reports (its fetcher runs as a subprocess), and pymap serves the
# team's archive mailboxes over IMAP and ManageSieve, its mail in Redis.

DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "example.net", "mail.protonmail.ch", "comcast.net",
           "web.de", "icloud.com"]
COLLECTD_CFG = [("storage", "e", "sqlite:///tlsrpt-data/collectd.sqlite"),
                ("socketname", "e", "/tlsrpt-socket/collectd.socket"), ("socketuser", "d", ""),
                ("socketgroup", "d", ""), ("socketmode", "e", "0222"), ("sockettimeout", "d", 5),
                ("max_uncommited_datagrams", "d", 1000), ("retry_commit_datagram_count", "d", 1000),
                ("pidfilename", "d", ""), ("logfilename", "d", ""), ("log_level", "e", "info"),
                ("daily_rollover_script", "d", ""), ("dump_path_for_invalid_datagram", "d", "")]
REPORTD_CFG = [("pidfilename", "d", ""), ("logfilename", "d", ""), ("log_level", "e", "info"), ("debug_db", "d", 0),
               ("keep_days", "d", 10), ("dbname", "e", "/tlsrpt-data/reportd.sqlite"),
               ("fetchers", "e", "/usr/local/bin/tlsrpt-fetcher"), ("organization_name", "e", "example.org"),
               ("contact_info", "e", "tlsrpt@example.org"), ("sender_address", "e", "tlsrpt-reportd@example.org"),
               ("compression_level", "d", -1), ("sendmail_script", "d", "sendmail -i -t"),
               ("sendmail_timeout", "d", 10), ("spread_out_delivery", "d", 36000), ("interval_main_loop", "d", 300)]


def stream_tlsrpt_pymap():
    stream = []
    cd = Program("tlsrpt-collectd", "tlsrpt_reporter.tlsrpt", logging.Formatter(TLSRPT_COLLECTD), stream)
    rd = Program("tlsrpt-reportd", "tlsrpt_reporter.tlsrpt", logging.Formatter(TLSRPT_REPORTD), stream)
    pm = Program("pymap", "pymap", logging.Formatter(PYMAP), stream)
    c = lg(cd, "tlsrpt_reporter.tlsrpt")
    r = lg(rd, "tlsrpt_reporter.tlsrpt")
    imap = lg(pm, "pymap.imap")
    sieve = lg(pm, "pymap.sieve.manage")
    redis = lg(pm, "pymap.backend.redis")

    def tc(level, line, msg, *args, exc=None):
        at(c, level, TLSRPT_PY, line, "tlsrpt_collectd_daemon", msg, *args, exc=exc)

    def tr(level, line, msg, *args, exc=None):
        at(r, level, TLSRPT_PY, line, "run_loop", msg, *args, exc=exc)

    source = {"e": "env", "d": "def", "c": "cmd", "f": "cfg"}
    tc(logging.INFO, 1650, "CONFIGURATION with %d settings:", len(COLLECTD_CFG))
    for k, s, v in COLLECTD_CFG:
        tc(logging.INFO, 1652, "CONFIG from %s option %s is %s", source[s], k, v)
    tc(logging.INFO, 1703, "TLSRPT collectd starting")
    tc(logging.INFO, 1718, "Listening on socket '%s'", "/tlsrpt-socket/collectd.socket")
    tc(logging.INFO, 1745, "Chmoding socket %s to permissions 0%o (decimal %d)", "/tlsrpt-socket/collectd.socket",
       0o222, 0o222)
    tc(logging.INFO, 489, "Database %s looks OK", "/tlsrpt-data/collectd.sqlite")
    for line in ("INFO: TLSRPT_REPORTD_CONTACT_INFO=tlsrpt@example.org",
                 "INFO: TLSRPT_REPORTD_ORGANIZATION_NAME=example.org",
                 "INFO: TLSRPT_REPORTD_SENDER_ADDRESS=tlsrpt-reportd@example.org",
                 "INFO: SSMTP_MAILHUB=postfix:25"):
        printed(stream, line)
    tr(logging.INFO, 1650, "CONFIGURATION with %d settings:", len(REPORTD_CFG))
    for k, s, v in REPORTD_CFG:
        tr(logging.INFO, 1652, "CONFIG from %s option %s is %s", source[s], k, v)
    tr(logging.INFO, 1881, "TLSRPT reportd starting")
    tr(logging.INFO, 822, "Database %s looks OK", "/tlsrpt-data/reportd.sqlite")
    # pymap starts before Redis is up: its _connect logs the OSError (with
    # its traceback, as --debug is on) and the health check fails.
    def connect():
        raised("builtins", "ConnectionRefusedError", "[Errno 111] Connect call failed ('172.20.0.3', 6379)")
    try:
        connect()
    except Exception as exc:
        redis.warning("%s: %s", type(exc).__name__, exc, exc_info=True)

    users = ["ops-archive@example.org", "dmarc@example.org", "tlsrpt@example.org"]
    for cycle in range(8):
        # Postfix's datagrams: no record each; a timed commit now and then.
        if cycle == 3:
            tc(logging.WARNING, 635, "No policies found in datagram: %s",
               {"dpv": 1, "d": "relay.example.com", "pr": 1, "t": 0})
        if cycle == 5:
            tc(logging.ERROR, 580, "Failed %s with %d datagrams: %s", "Database commit due to timeout", 17,
               "database is locked")
        for u, user in enumerate(users[: 1 + cycle % 2]):
            uid = "%032x" % (0x3f9a0c11 * (cycle + 1) + u)
            tag = "a%d" % (cycle * 3 + u + 1)
            for d, line in (("-->|", f"{tag}1 LOGIN {user} \"Tq8-{u}-archive\""),
                            ("<--|", f"{tag}1 OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN BINARY UIDPLUS "
                                     f"MULTIAPPEND IDLE APPENDLIMIT=1000000000] Authentication successful."),
                            ("-->|", f"{tag}2 SELECT INBOX"),
                            ("<--|", f"* {120 + cycle * 9} EXISTS"),
                            ("<--|", "* 0 RECENT"),
                            ("<--|", f"* OK [UIDVALIDITY {1715000000 + u}] UIDs valid."),
                            ("<--|", f"{tag}2 OK [READ-WRITE] Selected mailbox."),
                            ("-->|", f"{tag}3 UID FETCH {400 + cycle}:* (FLAGS RFC822.SIZE)"),
                            ("<--|", f"{tag}3 OK UID FETCH completed."),
                            ("-->|", f"{tag}4 LOGOUT"),
                            ("<--|", "* BYE Logging out."),
                            ("<--|", f"{tag}4 OK Logout successful."),
                            ("---|", "<disconnected>")):
                imap.debug("%s " + d + " %s", uid, line)
        if cycle == 4:
            sieve.debug("%d -->| %s", 9, 'PUTSCRIPT "archive" {212+}')

            def run_state():
                def put_script():
                    raised("builtins", "KeyError", "'archive'")
                put_script()
            try:
                run_state()
            except Exception:
                sieve.exception("Unhandled exception")
            sieve.debug("%d <--| %s", 9, 'NO "Server error."')
            sieve.debug("%d ---| %s", 9, "<disconnected>")
    # Midnight UTC: collectd rolls its database over, reportd fetches and mails.
    tc(logging.INFO, 510, "Performing %s", "Midnight UTC database rollover")
    tc(logging.INFO, 543, "Old database moved to %s, create new database %s", "/tlsrpt-data/collectd.sqlite.yesterday",
       "/tlsrpt-data/collectd.sqlite")
    tc(logging.INFO, 404, "Database '%s' setup finished", "/tlsrpt-data/collectd.sqlite")
    tr(logging.WARNING, 1099, "Fetcher not ready %d %s: expected %s but got %s", 0, "/usr/local/bin/tlsrpt-fetcher",
       "2024-05-10", "2024-05-09")
    tr(logging.INFO, 1052, "Fetcher %d %s finished in run %d", 0, "/usr/local/bin/tlsrpt-fetcher", 2)
    tr(logging.INFO, 1131, "DB-commit for fetcher %d %s", 0, "/usr/local/bin/tlsrpt-fetcher")
    tr(logging.INFO, 1139, "Fetching %d domains took %s, %s domains per second", len(DOMAINS), "0.412s", "19.42")
    tr(logging.ERROR, 1307, "Bad TLSRPT record on day %s for domain %s: '%s' => %s", "2024-05-10", "example.net",
       "v=TLSRPTv1;rua=mailto:tls-reports@example.net;", "Invalid TLSRPT record: empty rua entry")
    for i, dom in enumerate(DOMAINS):
        if dom == "example.net":
            continue
        if i == 5:
            tr(logging.WARNING, 1462, "Mail command exit code 1")
            tr(logging.WARNING, 1551, "Report delivery %d for domain %s failed in run %d", 300 + i, dom, 1)
        tr(logging.INFO, 1542, "Report delivery %d for domain %s succeeded in run %d", 300 + i, dom, 1 + (i == 5))
    for what, d in (("fetchjobs", 1), ("reportdata", 7), ("destinations", 7), ("reports", 7)):
        tr(logging.INFO, {"fetchjobs": 1003, "reportdata": 1007, "destinations": 1012, "reports": 1016}[what],
           "Deleted %d old " + what, d)

    def run_loop():
        def send_out_reports():
            raised("sqlite3", "OperationalError", "unable to open database file")
        send_out_reports()
    try:
        run_loop()
    except Exception as e:
        at(r, logging.ERROR, TLSRPT_PY, 1900, "tlsrpt_reportd_main", "Exception %s while running "
           "tlsrpt_reportd_daemon: %s", e.__class__.__name__, e, exc=True)
    tr(logging.ERROR, 1904, "process terminates with exit code %s", 1)
    printed(stream, "tlsrpt-reportd-1 exited with code 1")
    printed(stream, "INFO: TLSRPT_REPORTD_CONTACT_INFO=tlsrpt@example.org")
    tr(logging.INFO, 1881, "TLSRPT reportd starting")
    tc(logging.INFO, 1609, "Caught signal %d, cleaning up", 15)
    tc(logging.INFO, 1787, "Triggering socket timeout on collectd")
    tc(logging.INFO, 1793, "Done")
    tc(logging.INFO, 1681, "process terminates with exit code %s", 0)
    return {"name": "tlsrpt-pymap", "programs": [cd, rd, pm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An SMS platform on ECS (one log group): RapidPro's web app (gunicorn)
# runs the flows, Junebug carries their SMS to and from the aggregators
# over its channels (AMQP to the Vumi transports, HTTP to RapidPro).

CHANNELS = ["3f0c2b1e-8d1a-4c55-9e0b-2a7f1c6d5e40", "9a1d7e55-0b3c-4e2f-8a66-1c9d0e7b4f21"]


def stream_rapidpro_junebug():
    stream = []
    rp = Program("rapidpro", "temba", logging.Formatter(RAPIDPRO), stream)
    jb = Program("junebug", "junebug", logging.Formatter(JUNEBUG), stream)
    root = lg(jb, "root")
    tw = lg(jb, "twisted")
    nginx = lg(jb, "junebug.plugins.nginx.plugin")
    # gunicorn's own records go through its own handlers and formatter.
    gun, _ = realworld.gunicorn_programs(stream)

    def t(level, path, line, func, msg, *args, exc=None, extra=None):
        at(lg(rp, "temba." + path[:-3].replace("/", ".")), level, TEMBA + path, line, func, msg, *args, exc=exc,
           extra=extra)

    with pid(1):
        gun.log.info("Starting gunicorn 22.0.0")
    with pid(1):
        gun.log.info("Listening at: http://0.0.0.0:8000 (1)")
    with pid(9):
        gun.log.info("Booting worker with pid: 9")
    tw.info("Got an authenticated AMQP connection")
    nginx.error("Cannot reload nginx, nginx not found in path")
    tw.info("Junebug is listening on %s:%s" % ("0.0.0.0", 8080))
    tw.info("Site starting on 8080")
    tw.info("Starting a {} router with config: {}".format("from_address", {
        "channel": CHANNELS[0], "ignore_unknown": True}))

    for cycle in range(14):
        # Junebug: inbound SMS posted to RapidPro, events posted back.
        if cycle % 4 == 2:
            msg = {"message_id": "%032x" % (0xbeef + cycle), "channel_id": CHANNELS[cycle % 2],
                   "from": "+2547%08d" % (11223344 + cycle), "to": "40123", "content": "STOP",
                   "channel_data": {}, "reply_to": None}
            root.exception('Error sending message, received HTTP code %r with body %r. Message: %r' % (
                502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", msg))
        if cycle % 5 == 3:
            event = {"event_type": "delivery_report", "user_message_id": None,
                     "event_id": "%032x" % (0xfeed + cycle), "delivery_status": "delivered"}
            root.warning("Cannot store event, missing user_message_id: %r" % event)
            root.warning("Cannot find event URL, missing user_message_id: %r" % event)
            root.warning("Cannot find event auth, missing user_message_id: %r" % event)
        if cycle == 6:
            root.exception('Post to %s failed because of %s: %s' % (
                "https://rapidpro.example.org/c/ex/9a1d7e55/receive", "<class 'twisted.internet.error."
                "ConnectingCancelledError'>", "HostnameAddress(hostname=b'rapidpro.example.org', port=443)"))
        if cycle == 10:
            status = {"component": "smpp", "channel_id": CHANNELS[1], "status": "down", "type": "bind_timeout",
                      "message": "Transport has not bound within 30s", "details": {}}
            root.exception("Error sending status event, received HTTP code %r with body %r. Status event: %r" % (
                404, b'{"detail": "Not found."}', status))
        # RapidPro's web app.
        if cycle % 2 == 0:
            t(logging.INFO, "flows/models.py", 1519, "export", "Results export #%d for org #%d: fetching runs from "
              "archives to export..." % (880 + cycle, 12))
            t(logging.INFO, "flows/models.py", 1556, "export", "Results export #%d for org #%d: found %d runs in "
              "database to export" % (880 + cycle, 12, 4210 + cycle * 13))
        if cycle % 3 == 1:
            t(logging.INFO, "msgs/models.py", 1190, "write_export", "starting msgs export #%d for org #%d" % (
                77 + cycle, 12))
        if cycle == 2:
            t(logging.ERROR, "utils/views/views.py", 20, "dispatch", "URL intended for mailroom reached RapidPro",
              extra={"URL": "/mr/ivr/c/3f0c2b1e-8d1a-4c55-9e0b-2a7f1c6d5e40/handle?action=resume"})
        if cycle == 5:
            def claim():
                def create():
                    raised("twilio.base.exceptions", "TwilioRestException",
                           "HTTP 400 error: Unable to create record: The requested phone number is no longer available")
                create()
            try:
                claim()
            except Exception as e:
                t(logging.WARNING, "channels/views.py", 364, "form_valid", "Unable to claim a number: %s" % e, exc=True)
        if cycle == 9:
            def post():
                def handle():
                    raised("builtins", "ValueError", "Invalid UUID: 'null'")
                handle()
            try:
                post()
            except Exception as exc:
                t(logging.ERROR, "api/support.py", 254, "custom_exception_handler",
                  "Exception in API request: %s" % str(exc), exc=True)
        if cycle == 11:
            def publish():
                raised("requests.exceptions", "ConnectionError", "HTTPConnectionPool(host='mailroom', port=8090): Max "
                       "retries exceeded with url: /mr/org/notifications (Caused by NewConnectionError('<urllib3."
                       "connection.HTTPConnection object at 0x7f6a8c3d2e10>: Failed to establish a new connection: "
                       "[Errno 111] Connection refused'))")
            try:
                publish()
            except Exception:
                t(logging.ERROR, "notifications/models.py", 243, "publish", "error publishing notifications to "
                  "mailroom", exc=True)
        for n in range(2):
            printed(stream, '10.0.%d.%d - - [%s] "POST /api/v2/flow_starts.json HTTP/1.1" 201 412' % (
                2 + n % 2, 40 + cycle, now("%d/%b/%Y:%H:%M:%S +0000")))
            tw.info('"10.0.6.%d" - - [%s] "POST /channels/%s/messages/ HTTP/1.1" 201 611 "-" "python-requests/2.31.0"'
                    % (11 + n, now("%d/%b/%Y:%H:%M:%S +0000"), CHANNELS[(cycle + n) % 2]))
    with pid(1):
        gun.log.info("Handling signal: term")
    tw.info("(TCP Port 8080 Closed)")
    tw.info("Main loop terminated.")
    return {"name": "rapidpro-junebug", "programs": [rp, jb], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_sygnal_registration(), stream_tlsrpt_pymap(), stream_rapidpro_junebug()])


if __name__ == "__main__":
    main()
