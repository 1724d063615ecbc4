"""The 79-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout78.py`): six more programs'
own logging set-ups in three streams, chosen from media processing and
mail tooling as platform and SRE teams run them in AWS (a media co-op's
EC2 host, where Dispatcharr proxies and transcodes the co-op's IPTV
channels for its screens and DVR, and Soularr fetches Lidarr's wanted
albums from Soulseek through slskd; a newsroom's photo-desk intake, a
scheduled ECS task where mail-parser takes apart the photographers'
submissions that SES drops in S3 and Phockup files their pictures by
date in the desk's archive; a company's mail host on EC2, where Kopano's
Python services index the mail store for search and feed SpamAssassin's
learning, beside the nightly checkdmarc audit of the company's domains),
each format copied from the file named beside it (the version read is
given), with the formatter class the program uses, and messages modelled
on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout79

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at c44236d (session 30's rules in, none written
from this set), with nothing configured: 31.6% exact, 61.2% key
fields (asctime 99.6%, levelname 100.0%, name 62.0%, message 99.2%).

Formatters and filters: all six use logging.Formatter itself, with no
filter and no formatTime of their own. Dispatcharr's LOGGING gives the
root and its "apps", "core.tasks" and "celery*" loggers one "console"
StreamHandler (stderr) with a "{"-style "verbose" format: the default
asctime (with its ",mmm"), level, logger name and message, space-joined;
the live proxy's loggers are "live_proxy.<module>" (its get_logger), the
tasks' their modules' names, and Celery's workers and beat (attached to
uWSGI, worker_hijack_root_logger False) print through the same handler,
as do Daphne's and django.request's records. uWSGI's own request lines
copy that layout through uwsgi.ini's log-format ("%(ftime)
$(DISPATCHARR_LOG_LEVEL) uwsgi.requests Worker ID: ..."), the time's
milliseconds written as a literal ",000" (log-date): they are modelled
as records in that format whose time is printed so (`UwsgiFormatter`,
the truth's JsonFormatter given the same formatTime), level INFO, name
"uwsgi.requests". Soularr's setup_logging (and its web UI's basicConfig)
puts "[LEVEL|module|Lline] time: message" on the root handler (stderr,
INFO), the time ISO-like with "%z" ("+0000"); waitress's records reach it
too (module "wasyncore"). mail-parser's custom_log gives its
"mailparser" logger a StreamHandler on stdout with " | "-joined time,
logger name, module, function, line and level; the intake job runs it at
-l DEBUG, so mailparser.core's and mailparser.utils' debug records (many
with reprs of header values and tuples) reach it, and a failed run's
log.exception its traceback. Phockup's setup_logging puts its
"[time] - [LEVEL] - message" handler (stderr, "%Y-%m-%d %H:%M:%S") on the
root, the "phockup" logger at INFO. Kopano's python-kopano logger()
gives each service's logger ("search", "spamd"; the search workers'
"index0", "index1" and "query" records pass through the service's
QueueListener to the same handler) a StreamHandler on stderr
(log_file "-") with the ISO date, "." and the milliseconds, the level
bracketed and padded to eight, then "name - message"; log_exc logs a
traceback.format_exc() as an ERROR message of its own, ending in a
newline. checkdmarc's _cli basicConfig (root, stderr) prints the time,
" - ", "LEVEL: " and the message, no name; with --debug the root is at
DEBUG, so urllib3's records (the MTA-STS policy fetches) print too.

Print lines: Dispatcharr's entrypoint echo lines (some stamped by its
echo_with_timestamp) and its hardware check's, PostgreSQL's and Redis's
start-up lines in the all-in-one container, uWSGI's start-up lines,
settings.py's and celery.py's print()s in every process that loads them,
Celery's worker and beat banners; Soularr's run.sh "Waiting for 300
seconds" lines, and the bare traceback of a run that dies while Lidarr
restarts (pyarr's PyarrConnectionError is no builtin ConnectionError,
which is all get_records catches); the intake task's `sh -x` lines, the AWS CLI's "move:"
lines and mail-parser's printed subjects and senders; Kopano's start-service.sh
lines (through `ts`) and dockerize's wait lines; checkdmarc's CSV
output.

The messages are modelled on the programs' source, read at the commits
cited: Dispatcharr's dispatcharr/settings.py, dispatcharr/celery.py,
docker/entrypoint.sh, docker/init/04-check-hwaccel.sh and
docker/uwsgi.ini, apps/proxy/live_proxy/
(views.py, server.py, client_manager.py, input/manager.py,
output/ts/generator.py, services/log_parsers.py), apps/m3u/tasks.py,
apps/epg/tasks.py and core/tasks.py, Celery 5.5's worker, strategy,
trace and beat messages (the installed package); Soularr's soularr.py,
run.sh and webui/webui.py (with their line numbers), waitress's
wasyncore.py log_info (line 449); mail-parser's src/mailparser/
__main__.py, core.py and utils.py (with their functions and line
numbers); Phockup's phockup.py and src/phockup.py; python-kopano's
log.py, service.py and ics.py, kopano-search's and kopano-spamd's
__init__.py, kopano-docker's start-service.sh; checkdmarc's _cli.py,
__init__.py, dnssec.py, mta_sts.py, smtp.py, spf.py, dmarc.py,
smtp_tls_reporting.py, bimi.py and utils.py, and urllib3's connectionpool
messages. Modelled rather than read: the values (channel ids and names,
stream URLs, client ids, album and user names, mail ids, subjects,
addresses, file names, entryids, sync states, folder names, domains and
DNS answers), the order and number of records, ffmpeg's stderr lines,
the third-party exception texts, the uWSGI, PostgreSQL, Redis, dockerize
and AWS CLI lines, the install paths and the wrapper scripts.

Left out: ffsubsync (smacke/ffsubsync 65ac685b ffsubsync/__init__.py:
basicConfig with a RichHandler, Rich lays the line out), subaligner
(baxtree/subaligner ac27b22f subaligner/logger.py: "%(logger_name)s -
%(levelname)s - %(threadName)-9s - %(message)s", its first field an
attribute its own filter sets; kept for a later set), subcleaner
(KBlixt/subcleaner 9602b7f6 libs/subcleaner/settings/log_config.py:
"{levelname:>8}: {message}", a spec'd field), DVR-Scan (Breakthrough/
DVR-Scan b8b229ed dvr_scan/platform.py: "[DVR-Scan] %(message)s" unless
run at debug, the shape of PySceneDetect's in `heldout14.py`), subliminal
(Diaoul/subliminal 2f1b8953 src/subliminal/cli/cli.py: --debug's
BASIC_FORMAT handler, its own format only in the log file), ffmpeg-
normalize (slhck/ffmpeg-normalize a329700d src/ffmpeg_normalize/
_logger.py: colorlog's ColoredFormatter), sigal (saimn/sigal 21ddc7cc
src/sigal/log.py: "%(message)s" off a terminal), JellyPlex-Watched
(luigi311/JellyPlex-Watched f11cf1a2: loguru), podcast-downloader
(dplocki/podcast-downloader 0b8750fb podcast_downloader/utils.py: its
ConsoleOutputFormatter puts ANSI codes in the format string itself and
rewrites record.msg; kept for a later set), OfflineIMAP (OfflineIMAP/
offlineimap3 bcf2238d offlineimap/ui/UIBase.py: "%(message)s" on the
console, its time only in the log file), afew (afewmail/afew 9e2ddbfa
afew/commands.py: basicConfig's BASIC_FORMAT) and purepythonmilter
(gertvdijk/purepythonmilter af4d329a: the same), mailcow's dockerapi
(mailcow/mailcow-dockerized 06424670 data/Dockerfiles/dockerapi/main.py:
"%(levelname)s:     %(message)s" beside uvicorn's own lines, which the
oracle leaves out) and its netfilter (modules/Logger.py prints its lines
itself), and the programs of these areas in earlier sets or their Left
out paragraphs: Unmanic, Bazarr, SickChill, Medusa, Headphones, Mylar3,
LazyLibrarian, beets, gPodder, mygpo, TubeSync, ytdl-sub, TubeArchivist,
MeTube, Kometa, Tautulli, sickbeard_mp4_automator, nzbToMedia, Thumbor,
pilbox, Loris, Flexget, Mopidy, Supysonic, Funkwhale, Streamlink,
PySceneDetect, calibre-web, spotDL, PlexTraktSync, Traktarr, Cloudplow,
plex_autoscan, Varken, SABnzbd, Deluge, pyLoad, LibrePhotos, Photonix,
Frigate, motionEye, Viseron, gallery-dl, qbit_manage, subgen, icloudpd,
gphotos-sync, Kapowarr; Mailman, HyperKitty, Postorius, Modoboa,
Mail-in-a-Box, Mailu, SimpleLogin, parsedmarc, dmarc-metrics-exporter,
postfix-mta-sts-resolver, tlsrpt-reporter, imapautofiler, isbg, getmail,
aiosmtpd, Salmon, email-oauth2-proxy, Mailrise, olefy, pyzor, Zeyple,
iRedAPD, policyd-rate-limit, fuglu, Inboxen, patchwork and pymap.
"""

import logging
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

from celery.apps.worker import ARTLINES  # noqa: E402

# Dispatcharr 0.29.0 (Dispatcharr/Dispatcharr, fd413f0c), dispatcharr/
# settings.py LOGGING's "verbose" formatter (style "{") on the "console"
# StreamHandler (stderr) of the root, "apps", "core.tasks" and "celery*"
# loggers; docker/uwsgi.ini's log-format copies it for uWSGI's request
# lines (log-date "%Y-%m-%d %H:%M:%S,000").
DISPATCHARR = "{asctime} {levelname} {name} {message}"
# Soularr (mrusse/soularr, 0700090e), soularr.py DEFAULT_LOGGING_CONF
# (config.ini's [Logging] section holds the same), through setup_logging's
# basicConfig (root, stderr, INFO); webui/webui.py's basicConfig is the same.
SOULARR = "[%(levelname)s|%(module)s|L%(lineno)d] %(asctime)s: %(message)s"
SOULARR_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# mail-parser 4.5.0 (SpamScope/mail-parser, 01c177fe), src/mailparser/
# utils.py custom_log(): the "mailparser" logger's StreamHandler(sys.stdout),
# which __main__.py main() sets up at the -l level.
MAILPARSER = ("%(asctime)s | %(name)s | %(module)s | %(funcName)s | %(lineno)d | %(levelname)s | "
              "%(message)s")
# Phockup 1.13.0 (ivandokov/phockup, 8591be3a), phockup.py setup_logging():
# the root's StreamHandler (stderr), the "phockup" logger at INFO.
PHOCKUP = "[%(asctime)s] - [%(levelname)s] - %(message)s"
PHOCKUP_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Kopano core (Kopano-dev/kopano-core, 76cf85b8, kopanocore-11.0.2-51),
# swig/python/kopano/kopano/log.py FMT (FMT_BASE after the time), through
# logger()'s StreamHandler(sys.stderr) for log_file "-" (the default).
KOPANO = "%(asctime)s.%(msecs)03d: [%(levelname)-8s] %(name)s - %(message)s"
KOPANO_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# checkdmarc 5.17.5 (domainaware/checkdmarc, d4866ca2), checkdmarc/_cli.py
# _main()'s logging_format, through basicConfig (root, stderr, WARNING;
# DEBUG with --debug).
CHECKDMARC = "%(asctime)s - %(levelname)s: %(message)s"


class UwsgiTime:
    """uWSGI's %(ftime) with uwsgi.ini's log-date ("%Y-%m-%d %H:%M:%S,000"):
    the second, then a literal ",000". Mixed into the line's formatter and
    into the truth's JsonFormatter alike."""

    def formatTime(self, record, datefmt=None):
        return time.strftime("%Y-%m-%d %H:%M:%S", self.converter(record.created)) + ",000"


class UwsgiFormatter(UwsgiTime, logging.Formatter):
    pass


class UwsgiJson(UwsgiTime, JsonFormatter):
    pass


# --------------------------------------------------------------------------
# A media co-op's EC2 host (Docker's awslogs driver, one stream for the
# host): Dispatcharr's all-in-one container (uWSGI with its Celery workers,
# beat and Daphne attached, PostgreSQL and Redis inside) proxies the IPTV
# provider's channels to the co-op's screens, transcoding with ffmpeg;
# Soularr's container runs every five minutes beside its web UI.

CHANNELS = [("3b1f6c2e-8d4a-4f0b-9c7e-5a2d1e0f9b34", "BBC One HD", 3011, "ts"),
            ("8e0d2a71-4c6b-4e93-a1f5-6b7c8d9e0f12", "Arte HD", 3044, "hls"),
            ("c5a9e1d3-2b7f-4a60-8e14-9f0a1b2c3d45", "Euronews EN", 3102, "ts"),
            ("f2b4c6d8-1a3e-4b5c-9d7f-0e2a4c6e8b10", "Community TV", 3210, "udp"),
            ("6d8f0a2c-4e6b-4d8a-b0c2-e4f6a8b0c2d4", "Sky News", 3157, "ts")]
PROVIDER = "http://line.provider-iptv.example:8080"
SCREENS = [("10.20.1.31", "VLC/3.0.20 LibVLC/3.0.20"), ("10.20.1.44", "Kodi/21.0 (Linux; Android 12)"),
           ("10.20.1.52", "TiviMate/5.1.6 (Android 11)"), ("10.20.1.67", "Lavf/60.16.100")]
ALBUMS = [(412, "Radiohead", "In Rainbows", "2007"), (417, "Khruangbin", "Con Todo El Mundo", "2018"),
          (431, "Nils Frahm", "All Melody", "2018"), (455, "Björk", "Homogenic", "1997"),
          (468, "Boards of Canada", "Geogaddi", "2002"), (472, "Floating Points", "Crush", "2019"),
          (489, "Mdou Moctar", "Afrique Victime", "2021"), (503, "Portishead", "Third", "2008")]
PEERS = ["vinylhoarder", "flac_attack", "ghostwave", "lossless_larry", "mp3mike", "crateDigger77"]


def stream_dispatcharr_soularr():
    stream = []
    dp = Program("dispatcharr", "root", logging.Formatter(DISPATCHARR, style="{"), stream)
    uw = Program("uwsgi", "uwsgi.requests", UwsgiFormatter(DISPATCHARR, style="{"), stream, truth=UwsgiJson)
    sl = Program("soularr", "soularr", logging.Formatter(SOULARR, SOULARR_DATEFMT), stream)
    views = lg(dp, "live_proxy.views")
    server = lg(dp, "live_proxy.server")
    clients = lg(dp, "live_proxy.client_manager")
    manager = lg(dp, "live_proxy.manager")
    generator = lg(dp, "live_proxy.generator")
    parsers = lg(dp, "apps.proxy.live_proxy.services.log_parsers")
    m3u = lg(dp, "apps.m3u.tasks")
    epg = lg(dp, "apps.epg.tasks")
    core = lg(dp, "core.tasks")
    strategy = lg(dp, "celery.worker.strategy")
    trace = lg(dp, "celery.app.trace")
    beat = lg(dp, "celery.beat")
    cworker = lg(dp, "celery.apps.worker")
    conn = lg(dp, "celery.worker.consumer.connection")
    mingle = lg(dp, "celery.worker.consumer.mingle")
    dcli = lg(dp, "daphne.cli")
    dsrv = lg(dp, "daphne.server")
    dreq = lg(dp, "django.request")
    ureq = lg(uw, "uwsgi.requests")
    soularr = lg(sl, "soularr")
    webui = lg(sl, "webui")
    waitress = lg(sl, "waitress")

    def stamped(line):
        printed(stream, "%s - %s" % (now("%Y-%m-%d %H:%M:%S"), line))

    def hit(wid, method, status, uri, ms):
        ureq.info("Worker ID: %d %s %d %s %dms" % (wid, method, status, uri, ms))

    def settings_prints():
        printed(stream, "Environment DISPATCHARR_LOG_LEVEL detected as: 'INFO'")
        printed(stream, "Setting log level to: INFO")

    def banner(name, concurrency, queue):
        lines = ["%s@7c41e9a0d2b5 v5.5.3 (immunity)" % name,
                 "",
                 "Linux-6.1.0-1029-aws-x86_64-with-glibc2.36 %s" % now("%Y-%m-%d %H:%M:%S"),
                 "",
                 "[config]",
                 ".> app:         dispatcharr:0x7f3e8c2b1d90",
                 ".> transport:   redis://localhost:6379/0",
                 ".> results:     redis://localhost:6379/0",
                 ".> concurrency: %s" % concurrency,
                 ".> task events: OFF (enable -E to monitor tasks in this worker)",
                 "",
                 "[queues]",
                 ".> %-16s exchange=%s(direct) key=%s" % (queue, queue, queue)]
        # Celery's startup_info(): its ARTLINES beside the banner's lines.
        for i, line in enumerate(lines):
            printed(stream, " ".join([ARTLINES[i], line]) if i < len(ARTLINES) else " " * 16 + line)

    seq = [0]

    def task_id():
        seq[0] += 1
        n = seq[0] * 2654435761 % 2 ** 32
        return "%08x-%04x-4%03x-a%03x-%012x" % (n, seq[0] * 7 % 65536, n % 4096, seq[0] % 4096, n * 40503 % 2 ** 48)

    def run_task(name, result, runtime, before=None):
        tid = task_id()
        strategy.info("Task %(name)s[%(id)s] received", {"name": name, "id": tid})
        if before:
            before()
        trace.info("Task %(name)s[%(id)s] succeeded in %(runtime)ss: %(return_value)s",
                   {"name": name, "id": tid, "runtime": runtime, "return_value": result})

    # -- the all-in-one container starts --------------------------------
    printed(stream, "📦 Dispatcharr version: 0.29.0")
    printed(stream, "Environment DISPATCHARR_LOG_LEVEL set to: 'INFO'")
    printed(stream, "Starting user setup...")
    printed(stream, "Setting up PostgreSQL...")
    printed(stream, "Starting init process...")
    printed(stream, "Starting Postgres...")
    stamped("Waiting for PostgreSQL to be ready...")
    printed(stream, "%s.%03d UTC [48] LOG:  starting PostgreSQL 17.4 (Debian 17.4-1.pgdg120+2) on x86_64-pc-"
            "linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit" % (now("%Y-%m-%d %H:%M:%S"), 112))
    printed(stream, "%s.%03d UTC [48] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"" % (
        now("%Y-%m-%d %H:%M:%S"), 118))
    printed(stream, "%s.%03d UTC [48] LOG:  database system is ready to accept connections" % (
        now("%Y-%m-%d %H:%M:%S"), 207))
    printed(stream, "✅ Postgres started with PID 48")
    printed(stream, "🚀 Starting nginx...")
    printed(stream, "✅ nginx started with PID 77")
    printed(stream, "🚀 Starting uwsgi in production mode...")
    printed(stream, "✅ uwsgi started with PID 81 (nice 0)")
    printed(stream, "[uWSGI] getting INI configuration from /app/docker/uwsgi.ini")
    printed(stream, "*** Starting uWSGI 2.0.28 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "compiled with version: 12.2.0 on 02 May 2024 09:12:44")
    printed(stream, "os: Linux-6.1.0-1029-aws #29-Ubuntu SMP PREEMPT_DYNAMIC")
    printed(stream, "*** Operational MODE: preforking+async ***")
    printed(stream, "spawned uWSGI master process (pid: 81)")
    for wid in range(1, 5):
        printed(stream, "spawned uWSGI worker %d (pid: %d, cores: 400)" % (wid, 90 + wid))
    printed(stream, "spawned uWSGI http 1 (pid: 95)")
    printed(stream, "1:C %s.%03d # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo" % (now("%d %b %Y %H:%M:%S"), 441))
    printed(stream, "1:M %s.%03d * Ready to accept connections tcp" % (now("%d %b %Y %H:%M:%S"), 446))
    printed(stream, "⏳ Waiting for services to fully initialize before hardware check...")

    # Celery's workers, beat and Daphne, attached to uWSGI: each loads the
    # settings (their print()s), then logs through Dispatcharr's handler.
    for name, concurrency, queue in (("default", "{min=1, max=6} (prefork)", "celery"),
                                     ("dvr", "20 (threads)", "dvr")):
        settings_prints()
        printed(stream, "Celery using effective log level: INFO")
        printed(stream, "Celery using log level from environment: INFO")
        banner(name, concurrency, queue)
        conn.info("Connected to %s", "redis://localhost:6379/0")
        mingle.info("mingle: searching for neighbors")
        if name == "dvr":
            mingle.info("mingle: sync with %s nodes", 1)
            mingle.info("mingle: sync complete")
        else:
            mingle.info("mingle: all alone")
        cworker.info("%s ready.", "%s@7c41e9a0d2b5" % name)
    settings_prints()
    printed(stream, "Celery using effective log level: INFO")
    printed(stream, "Celery using log level from environment: INFO")
    printed(stream, "celery beat v5.5.3 (immunity) is starting.")
    printed(stream, "__    -    ... __   -        _")
    printed(stream, "LocalTime -> %s" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "Configuration ->")
    printed(stream, "    . broker -> redis://localhost:6379/0")
    printed(stream, "    . loader -> celery.loaders.app.AppLoader")
    printed(stream, "    . scheduler -> django_celery_beat.schedulers.DatabaseScheduler")
    printed(stream, "    . logfile -> [stderr]@%WARNING")
    printed(stream, "    . maxinterval -> 5.00 seconds (5s)")
    beat.info("beat: Starting...")
    settings_prints()
    dcli.info("Starting server at %s", "tcp:port=8001:interface=0.0.0.0")
    dsrv.info("HTTP/2 support not enabled (install the http2 and tls Twisted extras)")
    dsrv.info("Configuring endpoint %s", "tcp:port=8001:interface=0.0.0.0")
    dsrv.info("Listening on TCP address %s:%s", "0.0.0.0", 8001)
    for wid in range(1, 5):
        settings_prints()
        worker_id = "7c41e9a0d2b5:%d" % (90 + wid)
        server.info("Using dedicated Redis client for proxy server")
        server.info(f"Worker ID: {worker_id}")
        server.info("Using dedicated Redis PubSub client for event listener")
        server.info("Started Redis event listener for client activity")
        printed(stream, "WSGI app 0 (mountpoint='') ready in %d seconds on interpreter 0x7f5b2c0%d8a30 pid: %d "
                "(default app)" % (3 + wid % 2, wid, 90 + wid))
    printed(stream, "🔍 Running hardware acceleration check...")
    printed(stream, "🔍 Checking for GPU acceleration devices...")
    printed(stream, "ℹ️ Device /dev/dri/renderD128 does not exist.")
    printed(stream, "ℹ️ Device /dev/nvidia0 does not exist.")
    printed(stream, "❌ No GPU acceleration devices detected in this container.")
    printed(stream, "ℹ️ Checking for potential configuration issues...")
    printed(stream, "ℹ️ No GPU hardware detected on the host system. CPU-only transcoding will be used.")
    printed(stream, "📋 ==================================================")
    printed(stream, "✅ GPU detection script complete. No GPUs available for hardware acceleration.")
    printed(stream, "⏳ Dispatcharr is running. Monitoring processes...")

    # -- Soularr's container: the web UI, then its first run ------------
    SL = "/app/soularr.py"
    WSYNC = "/usr/local/lib/python3.11/site-packages/waitress/wasyncore.py"

    def s(line, func, msg, level=logging.INFO, exc=None):
        at(soularr, level, SL, line, func, msg, exc=exc)

    at(webui, logging.INFO, "/app/webui/webui.py", 175, "main", "Soularr Web UI starting on http://0.0.0.0:8265")
    at(webui, logging.INFO, "/app/webui/webui.py", 176, "main", "Reading log from: /data/soularr.log")
    at(waitress, logging.INFO, WSYNC, 449, "log_info", "Serving on http://0.0.0.0:8265")

    def soularr_run(r):
        s(1083, "setup_logging", "Logging to file: /data/soularr.log")
        wanted = [ALBUMS[(r * 3 + k) % len(ALBUMS)] for k in range(3 + r % 2)]
        if r == 2:
            s(423, "filter_list", "Skipping blacklisted album: %s - %s (ID: %d" % (
                "Portishead", "Third (Live at Roseland)", 511))
        grabbed, failed_search, failed_grab = [], [], []
        for k, (aid, artist, title, year) in enumerate(wanted):
            s(456, "search_for_album", f"Searching for album: {title}")
            results = (aid + r) % 5 + (0 if (aid + r) % 7 == 3 else 2)
            s(481, "search_for_album", f"Search returned {results} results")
            if not results:
                failed_search.append((artist, title))
                continue
            users = [PEERS[(aid + i + r) % len(PEERS)] for i in range(results)]
            for u in users:
                s(496, "search_for_album", f"Caching and truncating results for user: {u}")
            s(720, "find_download", "Checking for Quality: flac")
            s(237, "choose_release", ", ".join([f"Selected release for {artist}: Official", "United Kingdom" if k % 2
                                                else "[Worldwide]", "Digital Media" if k % 3 else "CD",
                                                "Mediums: 1", f"Tracks: {9 + aid % 5}", f"ID: {aid * 31 + 7}"]))
            folder = f"@@{'qwmhk'[k % 5]}x{aid % 97:02d}\\Music\\{artist}\\{year} - {title} [FLAC]"
            matched = (aid + r) % 4 != 1
            for i, u in enumerate(users):
                s(361, "check_for_match", f"User: {u} Folder: {folder} not in cache. Fetching from SLSKD")
                if u == "ghostwave" and r == 1:
                    def directory():
                        def request():
                            raised("requests.exceptions", "HTTPError", "500 Server Error: Internal Server Error "
                                   "for url: http://slskd:5030/api/v0/users/ghostwave/directory")
                        request()
                    try:
                        directory()
                    except Exception:
                        s(374, "check_for_match", f'Error getting directory from user: "{u}"', logging.ERROR, exc=True)
                    continue
                if matched and i == len(users) - 1:
                    s(127, "album_match", f"Found match from user: {u} for {9 + aid % 5} tracks! Track attributes: "
                      "flac")
                    s(128, "album_match", f"Average sequence match ratio: {0.8123 + (aid % 13) / 100:.16f}")
                    s(129, "album_match", "SUCCESSFUL MATCH")
                    s(130, "album_match", "-------------------")
                    grabbed.append((aid, artist, title, year, folder))
            if not matched:
                s(622, "try_enqueue", f"Failed to enqueue {artist} - {title}")
                failed_grab.append((artist, title))
            if k < len(wanted) - 1:
                s(769, "search_and_queue", f"Search completed in {2.1 + k * 0.7:.1f}s, waiting {2.9 - k * 0.7:.1f}s "
                  "to meet minimum_search_interval")
        s(1004, "grab_most_wanted", f"Total Downloads added: {len(grabbed)}")
        for aid, artist, title, year, folder in grabbed:
            s(1006, "grab_most_wanted", f"Album: {title} Artist: {artist}")
        s(1007, "grab_most_wanted", f"Failed to grab: {len(failed_grab)}")
        for artist, title in failed_grab:
            s(1009, "grab_most_wanted", f"Album: {title} Artist: {artist}")
        s(1011, "grab_most_wanted", "-------------------")
        s(1012, "grab_most_wanted", "Waiting for downloads... monitor at: http://slskd:5030/downloads")
        return grabbed, failed_search, failed_grab

    def soularr_finish(grabbed, failed_search, failed_grab, r):
        for n, (aid, artist, title, year, folder) in enumerate(grabbed):
            if r == 2 and n == 0:
                s(888, "requeue_file", f"Download error. Requeue file: {folder}\\03 - Track 3.flac")
            if (aid + r) % 6 == 5:
                s(881, "delete_album", f"Timeout waiting for download of Album: {title} Artist: {artist}")
                failed_grab.append((artist, title))
                continue
            s(962, "monitor_downloads", f"Completed download of Album: {title} Artist: {artist}")
            s(827, "process_completed_album", f"Attempting Lidarr import of {artist} - {title}")
            s(849, "process_completed_album", f"Starting Lidarr import for: {title} ID: {88120 + aid * 3 + r}")
            s(858, "process_completed_album", f"DownloadedAlbumsScan Completed from: /downloads/soularr/{artist} - "
              f"{title} ({year})")
        for artist, title in failed_search:
            s(1020, "grab_most_wanted", f"Search failed for Album: {title} - Artist: {artist}")
        for artist, title in failed_grab:
            s(1024, "grab_most_wanted", f"Download failed for Album: {title} - Artist: {artist}")
        failed = len(failed_search) + len(failed_grab)
        if failed:
            s(1449, "main", f"{failed}: releases failed to find a match in the search results and are still wanted.")
        else:
            s(1446, "main", "Soularr finished. Exiting...")
        printed(stream, "%s - Waiting for 300 seconds before checking again..." % now("%d/%m/%Y %H:%M:%S"))

    pending = soularr_run(0)

    # -- the day's work ----------------------------------------------------
    clients_on = {}

    def start_channel(n, client_id, ip, ua, wid):
        cid, name, sid, kind = CHANNELS[n]
        views.info(f"[{client_id}] Requested stream for channel {cid}")
        views.info(f"[{client_id}] Starting channel {cid} initialization")
        views.info(f"[{client_id}] Successfully obtained stream for channel {cid} after 1 attempts")
        views.info(f"Channel {cid} using stream ID {sid}, m3u account profile ID {1 + n % 2}")
        url = f"{PROVIDER}/live/coop_screens/Xk29pQ7w/{sid}." + ("m3u8" if kind == "hls" else "ts")
        if kind == "udp":
            url = f"udp://239.10.{n}.1:5000"
        server.info(f"Worker 7c41e9a0d2b5:{90 + wid} acquired ownership of channel {cid}")
        server.info(f"Worker 7c41e9a0d2b5:{90 + wid} is now the owner of channel {cid}")
        server.info(f"Storing stream_id {sid} in metadata for channel {cid}")
        manager.info(f"Initialized stream manager for channel {cid} with stream ID {sid}")
        clients.info(f"New client connected: {client_id} (local: 1, total: 1)")
        views.info(f"[{client_id}] Client registered with channel {cid} (output: mpegts, profile: None)")
        views.info(f"[{client_id}] Successfully initialized channel {cid}")
        manager.info(f"Starting stream for URL: {url} for channel {cid}")
        if kind in ("hls", "udp"):
            label = "HLS" if kind == "hls" else "UDP"
            manager.info(f"Detected {label} stream: {url} for channel {cid}")
            manager.info(f"{label} streams require FFmpeg for channel {cid}")
        manager.info(f"Connection attempt 1/3 for URL: {url} for channel {cid}")
        if kind in ("hls", "udp"):
            manager.info("Using FFmpeg stream profile for unsupported proxy content (HLS/RTSP/UDP)")
            src = url if kind == "hls" else url
            manager.info(f"Stream info for channel {cid}: Input #0, {'hls' if kind == 'hls' else 'mpegts'}, from "
                         f"'{src}':")
            manager.info(f"Stream info for channel {cid}: Stream #0:0: Video: h264 (High) ([27][0][0][0] / 0x001B), "
                         "yuv420p(tv, bt709, progressive), 1920x1080 [SAR 1:1 DAR 16:9], 25 fps, 50 tbr, 90k tbn")
            manager.info(f"Stream info for channel {cid}: Stream #0:1(eng): Audio: aac (LC) ([15][0][0][0] / 0x000F), "
                         "48000 Hz, stereo, fltp, 128 kb/s")
            parsers.info("Video stream info - Codec: h264, Resolution: 1920x1080, Source FPS: 25.0, Pixel Format: "
                         "yuv420p, Video Bitrate: None kb/s")
            manager.info(f"Stream info for channel {cid}: Output #0, mpegts, to 'pipe:1':")
        generator.info(f"[{client_id}] Stream generator started, channel_ready=False")
        generator.info(f"[{client_id}] Channel {cid} now ready (state=active)")
        generator.info(f"[{client_id}] Channel {cid} ready, starting normal streaming")
        clients_on[n] = [client_id]

    def join_channel(n, client_id, wid):
        cid = CHANNELS[n][0]
        views.info(f"[{client_id}] Requested stream for channel {cid}")
        clients_on[n].append(client_id)
        total = len(clients_on[n])
        clients.info(f"New client connected: {client_id} (local: {1 if wid % 2 else total}, total: {total})")
        views.info(f"[{client_id}] Client registered with channel {cid} (output: mpegts, profile: None)")
        generator.info(f"[{client_id}] Stream generator started, channel_ready=True")
        generator.info(f"[{client_id}] Channel {cid} ready, starting normal streaming")

    def leave_channel(n):
        cid = CHANNELS[n][0]
        client_id = clients_on[n].pop()
        left = len(clients_on[n])
        clients.info(f"Client disconnected: {client_id} (local: {left}, total: {left})")
        if not left:
            # The owner's cleanup thread, once the shutdown delay is over.
            clients.warning(f"Last client removed: {client_id} - channel may shut down soon")
            server.warning(f"No clients detected for channel {cid}, starting shutdown timer")
            server.warning(f"No clients for {5.2 + n * 0.3:.1f}s, stopping channel {cid}")
            server.info(f"Stopping channel {cid}")
            manager.info(f"Stream manager stopped for channel {cid}")
            server.info(f"Released ownership of channel {cid}")
            server.info(f"Cleaned up {14 + n} Redis keys for channel {cid}")
            del clients_on[n]

    def m3u_refresh(account_id, name, streams, stale):
        def body():
            m3u.info(f"Fetching from URL {PROVIDER}/get.php?username=coop_screens&password=Xk29pQ7w&type=m3u_plus")
            m3u.info(f"Download completed. Has content: True, Content length: {streams * 412} bytes")
            m3u.info("Content preview (first 5 lines): ['#EXTM3U x-tvg-url=\"\"', '#EXTINF:-1 tvg-id=\"BBCOne.uk\" "
                     "tvg-name=\"UK: BBC One HD\" tvg-logo=\"http://logo.provider-iptv.example/bbc1.png\" group-title="
                     "\"UK | General\",UK: BBC One HD', 'http://line.provider-iptv.example:8080/coop_screens/Xk29pQ7w/"
                     "3011', '#EXTINF:-1 tvg-id=\"Arte.fr\" tvg-name=\"FR: Arte HD\" tvg-logo=\"\" group-title=\"FR | "
                     "General\",FR: Arte HD', 'http://line.provider-iptv.example:8080/coop_screens/Xk29pQ7w/3044']")
            m3u.info(f"Total lines in content: {streams * 2 + 1}")
            m3u.info("Content validated as M3U: starts with #EXTM3U")
            m3u.info(f"Calling refresh_m3u_groups for account {account_id}")
            m3u.info("Currently 38 existing groups")
            m3u.info(f"Updated 38 existing group relationships for account {account_id}")
            m3u.info(f"Processing {streams} streams in {streams // 1000 + 1} thread batches")
            m3u.warning(f"Line {streams // 3}: #EXTINF had no URL (next #EXTINF at line {streams // 3 + 1}); "
                        "skipping entry")
            m3u.info(f"M3U parsing complete - Valid streams: {streams - 1}")
            m3u.info(f"Removing streams not seen since 2024-05-11 14:40:02.118402+00:00 for M3U account {account_id}")
            m3u.info(f"Cleanup for M3U account {account_id} complete: 0 streams removed due to group filter, "
                     f"{stale} removed as stale")
            m3u.info(f"Queueing background profile refresh for account {name}")
        run_task("apps.m3u.tasks.refresh_single_m3u_account", "'Dispatched jobs complete.'", 41.83 + account_id,
                 body)

    def epg_refresh():
        def body():
            epg.info("Processing EPGSource: %s (type: %s)" % ("epgshare01 UK", "xmltv"))
            epg.info("Fetching XMLTV data from source: epgshare01 UK")
            epg.info("Extracting compressed file /data/epgs/epgshare01_uk.xml.gz")
            epg.info("Successfully extracted to /data/epgs/epgshare01_uk.xml, compressed file deleted")
            epg.info("Cached EPG file saved to /data/epgs/epgshare01_uk.xml.gz")
        epg.info("Starting refresh_epg_data task.")
        run_task("apps.epg.tasks.refresh_epg_data", "None", 73.412, body)
        epg.info("Finished refresh_epg_data task.")

    client_seq = [0]

    def new_client():
        client_seq[0] += 1
        return "client_%d_%d" % (round(realworld.CLOCK.t * 1000), 1000 + client_seq[0] * 7919 % 9000)

    api = ["/api/channels/channels/?page=1&page_size=50", "/proxy/ts/status", "/api/core/settings/",
           "/api/epg/grid/", "/api/m3u/accounts/", "/api/channels/logos/?page=1&page_size=100"]
    for cycle in range(84):
        wid = 1 + cycle % 4
        hit(wid, "GET", 200, api[cycle % len(api)], 6 + (cycle * 37) % 90)
        if cycle % 2 == 0:
            beat.info("Scheduler: Sending due task %s (%s)", "scan-files", "core.tasks.scan_and_process_files")
            run_task("core.tasks.scan_and_process_files", "None", "0.0%d" % (21 + cycle % 60))
        if cycle % 3 == 1:
            hit(1 + (cycle + 1) % 4, "GET", 200, "/api/channels/streams/?page=1&page_size=25&ordering=name",
                31 + cycle % 40)
        if cycle % 9 == 0:
            n = (cycle // 9) % len(CHANNELS)
            ip, ua = SCREENS[(cycle // 9) % len(SCREENS)]
            if n not in clients_on:
                start_channel(n, new_client(), ip, ua, wid)
            else:
                join_channel(n, new_client(), wid)
            hit(wid, "GET", 200, "/proxy/ts/stream/%s" % CHANNELS[n][0], 1450 + cycle * 13)
        if cycle % 9 == 4:
            joined = [n for n in clients_on]
            if joined:
                n = joined[(cycle // 9) % len(joined)]
                join_channel(n, new_client(), wid + 1)
        if cycle % 12 == 7:
            on = sorted(clients_on)
            if on:
                leave_channel(on[0])
        if cycle == 11:
            cid = CHANNELS[1][0]
            if 1 in clients_on:
                manager.warning(f"Buffering started for channel {cid} - speed: 0.87x")
                manager.info(f"Buffering ended for channel {cid} - speed: 1.02x")
        if cycle == 15:
            m3u_refresh(1, "Provider IPTV (main)", 18452, 37)
        if cycle == 18:
            grabbed, fs, fg = pending
            soularr_finish(grabbed, fs, fg, 0)
        if cycle == 20:
            dreq.warning("Unauthorized: %s", "/api/accounts/token/refresh/")
            hit(2, "POST", 401, "/api/accounts/token/refresh/", 9)
            hit(2, "POST", 200, "/api/accounts/token/", 212)
        if cycle == 23:
            # The provider drops a channel's connection mid-stream.
            on = sorted(clients_on)
            if on:
                cid = CHANNELS[on[-1]][0]

                def read():
                    def fetch():
                        raised("requests.exceptions", "ChunkedEncodingError",
                               "(\"Connection broken: IncompleteRead(0 bytes read, 512 more expected)\", "
                               "IncompleteRead(0 bytes read, 512 more expected))")
                    fetch()
                try:
                    read()
                except Exception as e:
                    manager.error(f"Connection error on channel: {cid}: {e}", exc_info=True)
                url = f"{PROVIDER}/live/coop_screens/Xk29pQ7w/{CHANNELS[on[-1]][2]}.ts"
                manager.info(f"Connection attempt 2/3 for URL: {url} for channel {cid}")
                manager.info(f"Stream info for channel {cid}: Input #0, mpegts, from '{url}':")
        if cycle == 27:
            pending = soularr_run(1)
        if cycle == 30:
            epg_refresh()
        if cycle == 33:
            # A screen asks for a channel the provider's account can't serve.
            client_id = new_client()
            cid = CHANNELS[3][0]
            views.info(f"[{client_id}] Requested stream for channel {cid}")
            views.info(f"[{client_id}] Starting channel {cid} initialization")
            views.warning(f"[{client_id}] Can't retry - error not related to connection limits: All M3U profiles "
                          "have reached maximum connection limits or are inactive")
            views.info(f"[{client_id}] Failed to obtain stream after 1 attempts over 0s: All M3U profiles have "
                       "reached maximum connection limits or are inactive")
            hit(3, "GET", 503, "/proxy/ts/stream/%s" % cid, 22)
        if cycle == 39:
            grabbed, fs, fg = pending
            soularr_finish(grabbed, fs, fg, 1)
        if cycle == 44:
            # A client's request fails inside the view: logged with its traceback.
            client_id = new_client()
            cid = CHANNELS[4][0]
            views.info(f"[{client_id}] Requested stream for channel {cid}")

            def stream_ts():
                def get_stream_object():
                    raised("django.db.utils", "OperationalError", "consuming input failed: server closed the "
                           "connection unexpectedly\n\tThis probably means the server terminated abnormally\n\t"
                           "before or while processing the request.")
                get_stream_object()
            try:
                stream_ts()
            except Exception as e:
                views.error(f"Error in stream_ts: {e}", exc_info=True)
            hit(4, "GET", 500, "/proxy/ts/stream/%s" % cid, 5012)
        if cycle == 48:
            core.info("Starting stream rehash process")
            core.info("Starting rehash of 18451 streams with keys: ['name', 'url', 'tvg_id']")
            for b in range(1, 4):
                core.info(f"Rehashed batch {b}: {min(b * 6500, 18451)} processed, {b * 3} duplicates merged")
            core.info("Rehashing complete: 18451 streams processed, 9 duplicates merged, 0 errors")
            core.info("Stream rehash completed successfully")
            core.info("Released M3U task locks for 1 accounts")
        if cycle == 51:
            pending = soularr_run(2)
        if cycle == 57:
            m3u_refresh(2, "Provider IPTV (backup)", 9210, 4)
        if cycle == 63:
            grabbed, fs, fg = pending
            soularr_finish(grabbed, fs, fg, 2)
        if cycle == 71:
            # Lidarr is restarting (an update): pyarr's error is no builtin
            # ConnectionError, get_records doesn't catch it, the run dies.
            s(1083, "setup_logging", "Logging to file: /data/soularr.log")

            def soularr_main():
                def get_records():
                    def get_wanted():
                        raised("pyarr.exceptions", "PyarrConnectionError", "Timeout occurred while connecting to "
                               "API. HTTPConnectionPool(host='lidarr', port=8686): Read timed out. (read timeout=30)")
                    get_wanted()
                get_records()
            uncaught(stream, soularr_main)
            printed(stream, "%s - Waiting for 300 seconds before checking again..." % now("%d/%m/%Y %H:%M:%S"))
        if cycle == 76:
            pending = soularr_run(3)
        if cycle == 81:
            grabbed, fs, fg = pending
            soularr_finish(grabbed, fs, fg, 3)
        if cycle == 66:
            beat.info("Scheduler: Sending due task %s (%s)", "check-version-updates",
                      "core.tasks.check_for_version_update")

            def check():
                core.warning("Failed to check for updates: HTTP 403")
            run_task("core.tasks.check_for_version_update", "None", 0.412, check)
    for n in sorted(clients_on):
        while n in clients_on and clients_on[n]:
            leave_channel(n)
    return {"name": "dispatcharr-soularr", "programs": [dp, uw, sl], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A newsroom's photo-desk intake (a scheduled ECS task every ten minutes,
# awslogs, one stream): SES stores the photographers' submissions in S3;
# the task moves them in, runs mail-parser on each to store its
# attachments, then Phockup files the pictures by date in the desk's
# archive on EFS.

MP = "/usr/local/lib/python3.10/site-packages/mailparser/"
SUBMISSIONS = [
    ("k3l1p9c2q6r8s0t4u7v5w1x3y9z2a6b8", "Flood defences, Tewkesbury", "Sam Okafor <sam.okafor@freelance.example>",
     [("DSC_0412.JPG", "image/jpeg", "2024-05-10 18:32:44"), ("DSC_0415.JPG", "image/jpeg", "2024-05-10 18:34:09"),
      ("captions.txt", "text/plain", None)], []),
    ("m2n8o4p0q6r2s8t4u0v6w2x8y4z0a6b2", "Council vote - pix", "Priya Raman <p.raman@herald.example>",
     [("IMG_2231.HEIC", "image/heic", "2024-05-11 09:58:13"), ("IMG_2232.HEIC", "image/heic", "2024-05-11 09:58:40")],
     ["StartBoundaryNotFoundDefect"]),
    ("c9d3e7f1g5h9i3j7k1l5m9n3o7p1q5r9", "Re: match report photos", "Tom Beck <tbeck@sportsdesk.example>",
     [("IMG-20240511-WA0003.jpg", "image/jpeg", None), ("IMG-20240511-WA0004.jpg", "image/jpeg", None),
      ("clip.MOV", "video/quicktime", "2024-05-11 13:02:55")], []),
    ("s4t8u2v6w0x4y8z2a6b0c4d8e2f6g0h4", "Festival opening =?UTF-8?B?4oCTIG1vcmU=?=",
     "Léa Martin <lea@photo-lm.example>",
     [("_LM_8841.jpg", "image/jpeg", "2024-05-11 11:40:02"), ("_LM_8850.jpg", "image/jpeg", "2024-05-11 11:44:37"),
      ("_LM_8852.jpg", "image/jpeg", "2024-05-11 11:44:37")], ["InvalidBase64PaddingDefect"]),
]
PHONES = ["okafor-pixel8", "raman-iphone15", "beck-galaxy-s23"]
UPLOADS = [("PXL_20240511_101522123.jpg", "2024-05-11 10:15:22", "123"),
           ("PXL_20240511_101530877.jpg", "2024-05-11 10:15:30", "877"),
           ("IMG_4411.JPG", "2024-05-11 10:41:07", None), ("IMG_4412.JPG", "2024-05-11 10:41:09", None),
           ("20240511_110203.jpg", "2024-05-11 11:02:03", "04"), ("PXL_20240511_103011456.mp4", "2024-05-11 10:30:11",
                                                                  None),
           ("Screenshot_20240511-102244.png", None, None), ("IMG_4415.MOV", "2024-05-11 11:20:46", None),
           ("20240511_112931.jpg", "2024-05-11 11:29:31", "58"), ("IMG_4419.HEIC", "2024-05-11 12:01:55", None),
           ("PXL_20240511_120433901.jpg", "2024-05-11 12:04:33", "901"), ("IMG_4420.HEIC", "2024-05-11 12:02:10", None)]
RELAYS = ["a48-12.smtp-out.eu-west-1.amazonses.com", "mail-wr1-f52.google.com", "mx.freelance.example"]


def stream_photodesk():
    stream = []
    mp = Program("mail-parser", "mailparser", logging.Formatter(MAILPARSER), stream)
    ph = Program("phockup", "phockup", logging.Formatter(PHOCKUP, PHOCKUP_DATEFMT), stream)
    mlog = lg(mp, "mailparser")
    core = lg(mp, "mailparser.core")
    utils = lg(mp, "mailparser.utils")
    phockup = lg(ph, "phockup")

    def m(log, path, line, func, msg, level=logging.DEBUG, exc=None):
        at(log, level, MP + path, line, func, msg, exc=exc)

    def parse_one(mid, subject, sender, attachments, defects, n):
        path = f"/work/inbox/{mid}"
        printed(stream, f"+ mail-parser -f {path} -l DEBUG -u -m -sa -ap /work/attachments/{mid}")
        m(mlog, "__main__.py", 234, "parse_file", "Start analysis by file mail")
        m(mlog, "__main__.py", 239, "parse_file", "Start analysis by raw mail")
        m(core, "core.py", 174, "from_file", f"Parsing email from file {path!r}")
        headers = ["Return-Path", "Received", "Received", "Received", "X-SES-Spam-Verdict", "X-SES-Virus-Verdict",
                   "Received-SPF", "Authentication-Results", "DKIM-Signature", "From", "To", "Subject", "Date",
                   "Message-ID", "MIME-Version", "Content-Type"]
        m(core, "core.py", 129, "__init__", "All headers of emails: {}".format(", ".join(headers)))
        m(core, "core.py", 254, "_reset", "Reset all variables")
        for d in defects:
            doc = {"StartBoundaryNotFoundDefect": "The claimed start boundary was never found.",
                   "InvalidBase64PaddingDefect": "base64 encoded sequence had an incorrect length"}[d]
            m(core, "core.py", 282, "_append_defects", f"Added defect {d + ': ' + doc!r}")
        parts = [("multipart/mixed", None)] + [("text/plain", None)] + [(ct, fn) for fn, ct, _ in attachments]
        if n % 3 == 2:
            parts.insert(2, ("text/calendar", None))
        for i, (ct, fn) in enumerate(parts[1:], start=1):
            sub = ct.split("/")[1]
            m(core, "core.py", 366, "parse", f"Charset {'utf-8'!r} part {i!r}")
            disp = "attachment" if fn else ""
            m(core, "core.py", 368, "parse", f"content-disposition {disp!r} part {i!r}")
            m(core, "core.py", 370, "parse", f"content-id {''!r} part {i!r}")
            m(core, "core.py", 372, "parse", f"content subtype {sub!r} part {i!r}")
            if fn:
                m(core, "core.py", 391, "parse", f"Email part {i!r} is an attachment")
                m(core, "core.py", 392, "parse", f"Filename {fn!r} part {i!r}")
                m(core, "core.py", 395, "parse", f"Mail content type {ct!r} part {i!r}")
                enc = "base64" if not ct.startswith("text/") else "quoted-printable"
                m(core, "core.py", 399, "parse", f"Transfer encoding {enc!r} part {i!r}")
                disposition = 'attachment; filename="%s"' % fn
                m(core, "core.py", 401, "parse", f"content-disposition {disposition!r} part {i!r}")
                if enc == "base64":
                    m(core, "core.py", 415, "parse", f"Filename {fn!r} part {i!r} is binary")
                else:
                    m(core, "core.py", 431, "parse", f"Filename {fn!r} part {i!r} is not binary")
            else:
                m(core, "core.py", 448, "parse", f"Email part {i!r} is not an attachment")
                if ct == "text/calendar":
                    m(core, "core.py", 483, "parse", f"Email content {'calendar'!r} not handled", logging.WARNING)
        received = [f"from {RELAYS[n % 3]} ({RELAYS[n % 3]} [{'54.240.4.' + str(12 + n)}]) by inbound-smtp.eu-west-1."
                    f"amazonaws.com with SMTP id {mid[:20]} for desk@photos.herald.example; Sat, 11 May 2024 "
                    f"{14 + n // 4:02d}:{(n * 7) % 60:02d}:{(n * 13) % 60:02d} +0000 (UTC)",
                    f"by {RELAYS[n % 3]} with SMTP id {mid[5:17]}; Sat, 11 May 2024 "
                    f"{14 + n // 4:02d}:{(n * 7) % 60:02d}:{(n * 11) % 60:02d} +0000"]
        for complete in (True, False):
            if complete:
                m(utils, "utils.py", 743, "get_mail_keys", "Get all headers")
                keys = ["reply-to", "x-ses-spam-verdict", "to", "delivered-to", "mime-version", "message-id", "cc",
                        "received", "subject", "user-agent", "date", "from", "body", "x-mailer", "to_domains",
                        "attachments", "timezone", "bcc", "x-original-to", "content-type"]
            else:
                m(utils, "utils.py", 747, "get_mail_keys", "Get only mains headers")
                keys = ["reply-to", "to", "delivered-to", "message-id", "cc", "received", "subject", "user-agent",
                        "date", "from", "body", "x-mailer", "to_domains", "attachments", "timezone", "bcc",
                        "x-original-to"]
            m(utils, "utils.py", 750, "get_mail_keys", "All parts to get: {}".format(", ".join(keys)))
            for key in keys:
                m(core, "core.py", 308, "_make_mail", f"Getting header or part {key!r}")
                if key in ("subject", "message-id", "user-agent", "x-mailer", "x-original-to", "mime-version",
                           "content-type", "x-ses-spam-verdict"):
                    values = {"subject": [subject], "message-id": [f"<{mid[:12]}@{sender.split('@')[1][:-1]}>"],
                              "user-agent": None if n % 2 else ["Mozilla/5.0 Thunderbird/115.10.1"],
                              "x-mailer": ["iPhone Mail (21E236)"] if n % 2 else None, "x-original-to": None,
                              "mime-version": ["1.0"], "x-ses-spam-verdict": ["PASS"],
                              "content-type": ["multipart/mixed; boundary=\"000000000000a1b2c3d4e5f6\""]}[key]
                    m(utils, "utils.py", 719, "get_header", f"Getting header {key!r}: {values!r}")
                elif key == "received":
                    m(utils, "utils.py", 556, "receiveds_parsing", f"Nr. of receiveds. {len(received)}")
                    for idx, r in enumerate(received):
                        m(utils, "utils.py", 559, "receiveds_parsing", f"Parsing received {idx + 1}/{len(received)}")
                        m(utils, "utils.py", 560, "receiveds_parsing", f"Try to parse {r!r}")
                        at(utils, logging.DEBUG, MP + "utils.py", 538, "parse_received", "Parsed clauses: %s",
                           ["from", "by", "with", "id", "for", "date"] if idx == 0 else ["by", "with", "id", "date"])
                    m(utils, "utils.py", 571, "receiveds_parsing", "len(receiveds) %s, len(parsed) %s" % (
                        len(received), len(received)))
                    m(utils, "utils.py", 643, "receiveds_format", "Receiveds for this email are parsed")
                elif key in ("date", "timezone"):
                    date = f"Sat, 11 May 2024 {14 + n // 4:02d}:{(n * 7) % 60:02d}:{(n * 3) % 60:02d} +0100"
                    m(utils, "utils.py", 592, "convert_mail_date", f"Date to parse: {date!r}")
                    parsed = (2024, 5, 11, 14 + n // 4, (n * 7) % 60, (n * 3) % 60, 0, 1, -1, 3600)
                    m(utils, "utils.py", 596, "convert_mail_date", f"Date parsed: {parsed!r}")
                    stamp = 1715432400 + n * 811
                    m(utils, "utils.py", 598, "convert_mail_date", f"Date parsed in timestamp: {stamp!r}")
                    m(utils, "utils.py", 602, "convert_mail_date", f"Calculated timezone: {'+1.0'!r}")
        printed(stream, subject if "=?" not in subject else "Festival opening – more")
        print_from = [["", sender]] if "<" not in sender else [[sender.split(" <")[0], sender.split("<")[1][:-1]]]
        printed(stream, str(print_from).replace("'", '"'))
        m(mlog, "__main__.py", 305, "process_output", "Store attachments on disk")

    for run in range(3):
        printed(stream, "+ aws s3 mv --recursive s3://herald-photodesk-inbound/incoming/ /work/inbox/")
        batch = [(k, SUBMISSIONS[(run + k) % len(SUBMISSIONS)]) for k in range(2 + run % 2)]
        for k, (mid, *_rest) in batch:
            printed(stream, f"move: s3://herald-photodesk-inbound/incoming/{mid[:-2]}{run}{k} to /work/inbox/"
                    f"{mid[:-2]}{run}{k}")
        for k, (mid, subject, sender, attachments, defects) in batch:
            parse_one(mid[:-2] + f"{run}{k}", subject, sender, attachments, defects, run * 3 + k)
        if run == 1:
            # A second task started before the first was done: the message is
            # already gone from the inbox.
            mid = SUBMISSIONS[0][0][:-2] + "10"
            printed(stream, f"+ mail-parser -f /work/inbox/{mid} -l DEBUG -u -m -sa -ap /work/attachments/{mid}")
            m(mlog, "__main__.py", 234, "parse_file", "Start analysis by file mail")
            m(mlog, "__main__.py", 239, "parse_file", "Start analysis by raw mail")
            m(core, "core.py", 174, "from_file", f"Parsing email from file {'/work/inbox/' + mid!r}")

            def main():
                def parse_from_file():
                    def from_file():
                        raise FileNotFoundError(2, "No such file or directory", f"/work/inbox/{mid}")
                    from_file()
                parse_from_file()
            try:
                main()
            except Exception as e:
                m(mlog, "__main__.py", 203, "main", f"An error occurred: {e}", logging.ERROR, exc=True)
        if run == 2:
            printed(stream, "+ phockup /work/attachments /mnt/photo-archive --move --rmdirs --max-concurrency 4")
            phockup.info("Using 4 workers to process files.")
        else:
            printed(stream, "+ phockup /work/attachments /mnt/photo-archive --move --rmdirs")
        moved = unknown = dups = 0
        for k, (mid, subject, sender, attachments, defects) in batch:
            d = mid[:-2] + f"{run}{k}"
            for fn, ct, taken in attachments:
                src = f"/work/attachments/{d}/{fn}"
                ext = os.path.splitext(fn)[1]
                if taken is None:
                    dst = f"/mnt/photo-archive/unknown/{fn}"
                    unknown += 1
                else:
                    day, clock = taken.split(" ")
                    dst = "/mnt/photo-archive/%s/%s" % (day.replace("-", "/"), day.replace("-", "") + "-" +
                                                         clock.replace(":", "") + ext)
                if fn == "_LM_8852.jpg":
                    # Same second as _LM_8850.jpg: Phockup's "-2" suffix.
                    dst = dst.replace(ext, "-2" + ext)
                if run > 0 and (k + run) % 3 == 0 and taken:
                    phockup.info(f"{src} => skipped, duplicated file {dst}")
                    dups += 1
                    continue
                moved += 1
                phockup.info(f"{src} => {dst}")
        for k, (mid, *_rest) in batch:
            d = mid[:-2] + f"{run}{k}"
            if run > 0 and (k + run) % 3 == 0:
                phockup.info(f"Directory not empty - /work/attachments/{d} not deleted.")
            else:
                phockup.info(f"Deleted empty directory: /work/attachments/{d}")
        total = moved + dups
        secs = 0.84 + run * 0.31
        phockup.info(f"Processed {total} files in {secs:.2f} seconds. Average Throughput: {total / secs:.2f} "
                     "files/second")
        if unknown:
            phockup.info(f"Found {unknown} files without EXIF date data.")
        if dups:
            phockup.info(f"Found {dups} duplicate files.")
        phockup.info(f"Moved {moved} files.")
        # The photographers' phone uploads (an S3 prefix their app syncs to).
        printed(stream, "+ aws s3 mv --recursive s3://herald-photodesk-inbound/uploads/ /work/uploads/")
        files = [UPLOADS[(run * 5 + k) % len(UPLOADS)] for k in range(9 + run * 2)]
        for who, (fn, taken, sub) in enumerate(files):
            printed(stream, f"move: s3://herald-photodesk-inbound/uploads/{PHONES[who % 3]}/{fn} to /work/uploads/"
                    f"{PHONES[who % 3]}/{fn}")
        printed(stream, "+ phockup /work/uploads /mnt/photo-archive --move --rmdirs")
        moved = unknown = dups = 0
        for who, (fn, taken, sub) in enumerate(files):
            src = f"/work/uploads/{PHONES[who % 3]}/{fn}"
            ext = os.path.splitext(fn)[1]
            if taken is None:
                unknown += 1
                moved += 1
                phockup.info(f"{src} => /mnt/photo-archive/unknown/{fn}")
                continue
            day, clock = taken.split(" ")
            dst = "/mnt/photo-archive/%s/%s" % (day.replace("-", "/"), day.replace("-", "") + "-" +
                                                 clock.replace(":", "") + (sub or "") + ext)
            if run == 2 and who in (3, 4):
                phockup.info(f"{src} => skipped, duplicated file {dst}")
                dups += 1
                continue
            moved += 1
            phockup.info(f"{src} => {dst}")
        for phone in PHONES:
            phockup.info(f"Deleted empty directory: /work/uploads/{phone}")
        secs = 1.92 + run * 0.47
        total = moved + dups
        phockup.info(f"Processed {total} files in {secs:.2f} seconds. Average Throughput: {total / secs:.2f} "
                     "files/second")
        if unknown:
            phockup.info(f"Found {unknown} files without EXIF date data.")
        if dups:
            phockup.info(f"Found {dups} duplicate files.")
        phockup.info(f"Moved {moved} files.")
        printed(stream, "+ aws s3 sync /mnt/photo-archive s3://herald-photo-archive/ --only-show-errors")
    # The EFS mount is missing on one run: Phockup gives up at once.
    printed(stream, "+ phockup /work/attachments /mnt/photo-archive --move --rmdirs")
    phockup.warning("Output directory '/mnt/photo-archive' does not exist, creating now")
    # phockup.py's __main__: logger.warning(e), the exception itself.
    phockup.warning(OSError("Cannot create output '/mnt/photo-archive' directory. No write access!"))
    return {"name": "photodesk-intake", "programs": [mp, ph], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A company's mail host on EC2 (the CloudWatch agent ships the host's
# containers to one stream): kopano-search indexes the mail store and
# answers the webapp's searches, kopano-spamd writes the messages users
# move to and from Junk for SpamAssassin's sa-learn; at night a checkdmarc
# task audits the company's mail domains.

USERS = ["alice", "bram", "chen", "dana", "eva", "farid", "gwen", "hugo", "ines", "jonas", "kira", "lars"]
FOLDERS = ["Inbox", "Sent Items", "Drafts", "Junk E-mail", "Archive", "Archive/2023", "Projects/Atlas",
           "Projects/Boreal", "Deleted Items", "Notes", "Calendar", "Contacts"]
DOMAINS = ["nordwerk.example", "nordwerk-mail.example", "shop.nordwerk.example", "nordwerk.example.de",
           "nw-events.example"]


def stream_kopano_checkdmarc():
    stream = []
    kp = Program("kopano", "search", logging.Formatter(KOPANO, KOPANO_DATEFMT), stream)
    cd = Program("checkdmarc", "checkdmarc", logging.Formatter(CHECKDMARC), stream)
    search = lg(kp, "search")
    spamd = lg(kp, "spamd")
    index = [lg(kp, "index0"), lg(kp, "index1")]
    query = lg(kp, "query")
    dmarc = lg(cd, "checkdmarc")
    urllib3 = lg(cd, "urllib3.connectionpool")

    def ts(line):
        printed(stream, "%s %s" % (now("%b %d %H:%M:%S"), line))

    def dockerize(line):
        printed(stream, "%s %s" % (now("%Y/%m/%d %H:%M:%S"), line))

    def state(n):
        return "%016X" % (0x0A00000000000000 + n * 0x1F3A5 + 0x2B)

    def store(user):
        return "%032X" % ((USERS.index(user) + 1) * 0x9E3779B97F4A7C15F39CC0605CEDC835 % 2 ** 128)

    def entryid(n):
        return "00000000AC21A95040D3EE48B319FBA753304425010000000500000%06X000000" % (0x3A2F10 + n * 97)

    ts("Configure core service 'search'")
    ts("Set ownership")
    dockerize("Waiting for: file://var/run/kopano/server.sock")
    dockerize("File file://var/run/kopano/server.sock had been generated")
    ts("Configure core service 'spamd'")
    ts("Set ownership")
    search.info("starting search")
    spamd.info("starting spamd")
    search.info("starting initial sync")
    folders = [(u, f) for u in USERS for f in FOLDERS]
    total = sum(40 + (i * 97) % 2900 for i in range(len(folders)))
    search.info("queued %d folders (~%d changes) for parallel indexing (%s processes)", len(folders), total, 2)
    for i, (user, folder) in enumerate(folders):
        w = index[i % 2]
        changes = 40 + (i * 97) % 2900
        if folder in ("Calendar", "Contacts", "Notes") and i % 3:
            continue
        w.info('syncing folder: "%s" "%s"', user, folder)
        if i == 31:
            w.warning("Received a MAPI error or timeout (error=0x%x, retry=%d/5)", 0x80040115, 0)
        if i == 77:
            # A message whose body the indexer can't convert: the importer's log_exc.
            def update():
                def extract():
                    raised("kopano.errors", "MAPIErrorNotFound", "")
                extract()
            try:
                update()
            except Exception:
                w.error(traceback.format_exc())
        w.info("saved folder sync state: %s", state(i))
        w.info('syncing folder "%s" took %.2f seconds (%d changes, %d attachments)', folder, 0.31 + changes / 210,
               changes, changes // 9)
    search.info("queue processed in %.2f seconds (%d changes, ~%.2f/sec)", 742.19, total, total / 742.19)
    search.info("saved server sync state = %s", state(9000))
    query.info("listening on socket %s", "file:///var/run/kopano/search.sock")
    search.info("starting incremental sync")

    def search_request(user, term, hits):
        query.info("Command: %s", "PROPS")
        query.info("Response: %s", "OK:4096 4133 26386 3596 3599 3601")
        query.info("Command: %s", "SCOPE 8F3B2C1D4E5A6B7C8D9E0F1A2B3C4D5E %s 1a3 1a4 1a5" % store(user))
        query.info("Response: %s", "OK:")
        query.info("Command: %s", "FIND 55 4096:%s" % term)
        query.info("Response: %s", "OK:")
        query.info("Command: %s", "SUGGEST")
        query.info("Response: %s", "OK: ")
        query.info("Command: %s", "QUERY")
        query.info("Response: %s", "OK: " + " ".join(str(3012 + 17 * k) for k in range(hits)))
        query.info("found %d results in %.2f seconds", hits, 0.02 + hits / 400)

    terms = ["invoice", "atlas kickoff", "q2 budget", "vpn", "boreal", "offsite", "contract renewal", "payroll"]
    learned = 0
    for cycle in range(44):
        user = USERS[(cycle * 5) % len(USERS)]
        if cycle % 2 == 0:
            search_request(user, terms[cycle % len(terms)], (cycle * 7) % 12)
        if cycle % 3 == 1:
            changed = [(USERS[(cycle + k) % len(USERS)], FOLDERS[(cycle + 2 * k) % 5]) for k in range(1 + cycle % 3)]
            for k, (u, f) in enumerate(changed):
                w = index[k % 2]
                w.info('syncing folder: "%s" "%s"', u, f)
                w.info("found previous folder sync state: %s", state(cycle * 10 + k))
                w.info("saved folder sync state: %s", state(cycle * 10 + k + 1))
                w.info('syncing folder "%s" took %.2f seconds (%d changes, %d attachments)', f, 0.04 + k * 0.03,
                       1 + (cycle + k) % 4, (cycle + k) % 2)
            search.info("queue processed in %.2f seconds (%d changes, ~%.2f/sec)", 0.21 + cycle / 100,
                        len(changed) * 2, len(changed) * 2 / (0.21 + cycle / 100))
            search.info("saved server sync state = %s", state(9000 + cycle))
        if cycle % 4 == 2:
            learned += 1
            spamd.info("Learning message as SPAM, entryid: %s", entryid(learned))
        if cycle % 11 == 6:
            learned += 1
            spamd.info("Learning message as HAM, entryid: %s", entryid(learned))
        if cycle == 17:
            search.info('handling reindex request for "%s"', "gwen")
            query.info("Command: %s", "REINDEX %s" % store("gwen"))
            query.info("Response: %s", "OK:")
            query.info("queued store %s for reindexing", store("gwen"))
            search.info("queued %d folders (~%d changes) for parallel indexing (%s processes)", 12, 8841, 2)
            for k, f in enumerate(FOLDERS[:9]):
                index[k % 2].info('syncing folder: "%s" "%s"', "gwen", f)
                index[k % 2].info("saved folder sync state: %s", state(7000 + k))
                index[k % 2].info('syncing folder "%s" took %.2f seconds (%d changes, %d attachments)', f,
                                  1.2 + k * 0.7, 180 + k * 97, 20 + k * 3)
            search.info("queue processed in %.2f seconds (%d changes, ~%.2f/sec)", 48.31, 8841, 8841 / 48.31)
        if cycle == 23:
            # kopano-server restarts (a package update): both services wait.
            search.warning("unable to connect to kopano-server during incremental_sync, retrying...")
            for retry in range(3):
                spamd.warning("Received a MAPI error or timeout (error=0x%x, retry=%d/5)", 0x80040115, retry)
            search.warning("unable to connect to kopano-server during incremental_sync, retrying...")
        if cycle == 29:
            # spamd can't hand the message to SpamAssassin's group: log_exc.
            learned += 1
            spamd.info("Learning message as SPAM, entryid: %s", entryid(learned))

            def update():
                def learn():
                    raise PermissionError(1, "Operation not permitted", "/var/lib/kopano/spamd/spam/%032X.eml" % (
                        0xBADC0DE * 29))
                learn()
            try:
                update()
            except PermissionError:
                spamd.error(traceback.format_exc())
        if cycle == 31:
            query.error("unknown command: %s", "STATUS")
        if cycle == 36:
            search.warning("Sync state does not exist on server (anymore); requesting new one")

    # The nightly checkdmarc task.
    printed(stream, "+ checkdmarc --debug --skip-tls -f csv /etc/checkdmarc/domains.txt")
    dmarc.debug("Debug output enabled")
    for d, domain in enumerate(DOMAINS):
        dmarc.debug(f"Checking: {domain}")
        dmarc.debug(f"Checking for DNSKEY records at {domain}")
        if d % 2:
            dmarc.debug(f"No DNSKEY records found at {domain}")
        else:
            dmarc.debug("Found a signed DNSKEY record")
        dmarc.debug(f"Getting NS records on {domain}")
        dmarc.debug(f"Checking for an MTA-STS record on {domain}")
        if d in (0, 1):
            dmarc.debug("Parsing the MTA-STS record")
            url = f"https://mta-sts.{domain}/.well-known/mta-sts.txt"
            dmarc.debug(f"Attempting to download MTA-STS policy from {url}")
            urllib3.debug("Starting new HTTPS connection (%d): %s:%s", 1, f"mta-sts.{domain}", 443)
            urllib3.debug('%s://%s:%s "%s %s %s" %s %s', "https", f"mta-sts.{domain}", 443, "GET",
                          "/.well-known/mta-sts.txt", "HTTP/1.1", 200 if d == 0 else 404, 98 if d == 0 else 153)
        dmarc.debug(f"Getting MX records for {domain}")
        dmarc.debug(f"Checking for MX records on {domain}")
        mxs = [f"mx{k}.{DOMAINS[0]}" for k in (1, 2)] if d != 4 else []
        if not mxs:
            dmarc.debug('"No Service" MX record found')
        for k, mx in enumerate(mxs):
            for qt in ("A", "AAAA"):
                dmarc.debug(f"Getting {qt} records for {mx}")
            dmarc.debug(f"Getting PTR records for 203.0.113.{25 + k}")
            dmarc.debug(f"Checking for TLSA records at _25._tcp.{mx}")
            if d == 0:
                dmarc.debug(f"Found TLSA records at {mx} but not a DNSKEY record to verify them")
            else:
                dmarc.debug(f"TLSA query error: The DNS response does not contain an answer to the question: "
                            f"_25._tcp.{mx}. IN TLSA")
            dmarc.debug(f"Skipping TLS/SSL tests on {mx}")
        dmarc.debug(f"Checking for a SPF record on {domain}")
        dmarc.debug(f"Parsing the SPF record on {domain}")
        if d < 3:
            for inc in ("_spf.google.com", "amazonses.com"):
                dmarc.debug(f"Checking for a SPF record on {inc}")
                dmarc.debug(f"Parsing the SPF record on {inc}")
        dmarc.debug(f"Checking for a DMARC record on {domain}")
        dmarc.debug(f"Parsing the DMARC record for {domain}")
        dmarc.debug(f"Checking for an SMTP TLS Reporting record on {domain}")
        if d == 0:
            dmarc.debug("Parsing the SMTP TLS Reporting record")
        dmarc.debug(f"Checking for a BIMI record at default._bimi.{domain}")
        if d == 0:
            dmarc.debug("Parsing the BIMI record")
    printed(stream, "domain,base_domain,dnssec,soa,ns,mx,mta_sts_valid,spf_valid,dmarc_valid,dmarc_adkim,dmarc_aspf,"
            "dmarc_fo,dmarc_p,dmarc_pct,dmarc_rf,dmarc_ri,dmarc_rua,dmarc_ruf,dmarc_sp,tls,starttls,"
            "smtp_tls_reporting_valid,bimi_valid,warnings,errors")
    for d, domain in enumerate(DOMAINS):
        printed(stream, f"{domain},{'.'.join(domain.split('.')[-2:])},{str(d % 2 == 0)},ns1.awsdns-12.org "
                f"awsdns-hostmaster.amazon.com 1 7200 900 1209600 86400,ns-1234.awsdns-12.org|ns-567.awsdns-06.net,"
                f"{'' if d == 4 else '10 mx1.nordwerk.example|20 mx2.nordwerk.example'},{str(d == 0)},"
                f"{str(d != 3)},{str(d != 3)},r,r,1,{'reject' if d < 2 else 'quarantine'},100,afrf,86400,"
                f"mailto:dmarc-reports@{DOMAINS[0]},,{'reject' if d < 2 else 'none'},,,{str(d == 0)},{str(d == 0)},"
                f"{'SPF record includes 9 DNS lookups' if d == 2 else ''},"
                f"{'The domain nordwerk.example.de does not have a DMARC record' if d == 3 else ''}")
    # And the morning's spam learning goes on.
    for k in range(3):
        learned += 1
        spamd.info("Learning message as SPAM, entryid: %s", entryid(learned))
        search_request(USERS[k * 4], terms[k + 2], 3 + k)
    return {"name": "kopano-checkdmarc", "programs": [kp, cd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_dispatcharr_soularr(), stream_photodesk(), stream_kopano_checkdmarc()])


if __name__ == "__main__":
    main()
