"""The forty-first held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout40.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in the areas this batch was given (GIS and map servers, where a
legacy TileStache and a titiler serve one team's map tiles from COGs in S3
behind one load balancer, and GeoHealthCheck's runner probes those map
services; security tooling, where Netflix's Aardvark scrapes IAM Access
Advisor on the same tools host, and a scheduled ECS task runs
theHarvester's reconnaissance and then a Wapiti scan of the external
surface), each format copied from the file named beside it (the version
read is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout41

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at ac65b53 (session 22's rules in, none
written from this set), with nothing configured: 81.2% exact, 81.2% key
fields (asctime 96.4%, levelname 96.4%, name 100.0%, message 81.2%).

Formatters and filters: TileStache, GeoHealthCheck, theHarvester, Aardvark
and titiler use logging.Formatter itself (TileStache and GeoHealthCheck
through logging.basicConfig, titiler and Aardvark through dictConfig,
theHarvester through its configure_logging), no filter. TileStache's
config's "logging" key only sets basicConfig's level, so its records print
Python's BASIC_FORMAT ("INFO:root:..."): it logs through the root logger
(logging.info) and puts the caller's name in the message
("TileStache.Core.Layer.getTileResponse() ..."). titiler, with
TITILER_API_DEBUG on, gives "titiler" a WARNING handler with the
"detailed" format and "titiler.requests" its "request" format, which puts a
JSON-looking object after the message whose values are the record's extras
("%(http.method)s" ...): free text with fields in it, and the query and path
parameters print as Python dict reprs (the truth holds them as objects).
GeoHealthCheck's format is titiler's with the name and level swapped; its
runner imports its modules top-level ("healthcheck", "probe", "models";
scheduler.py is "__main__"). theHarvester gives the root a stderr handler
("%(levelname)s %(name)s: %(message)s", the package at INFO with -v) and
its "theHarvester.output" logger a handler without a formatter: the
operator lines print the message alone (banner, "\\n[*] Target: ... \\n",
lists of hosts), as two Programs here. Wapiti's ColoredFormatter prints
"{message}" only (style "{") and, with --color, wraps the formatted text
(traceback included) in ANSI codes chosen by the record's color_name extra
or its level (reproduced as `WapitiFormatter`); its http_repr messages are
indented multi-line requests. The scan runs with -v 2, so the VERBOSE
level (15, addLevelName'd by log.py; not printed) shows the crawler's
"[+] ..." lines in grey. Aardvark's entrypoint.sh writes a LOG_CFG
whose console handler prints "%(asctime)s %(levelname)s: %(message)s [in
%(pathname)s:%(lineno)d]" (Security Monkey's idiom, `heldout31.py`): free
text after the message, then the traceback.

509 records in three streams (48 of them print lines or bare tracebacks).

Print lines: gunicorn's and uvicorn's lines (gunicorn's own format) for
TileStache and titiler, TileStache's print("Error loading Tilestache
config:") and the traceback gunicorn prints when a worker fails to boot;
GeoHealthCheck's run-runner.sh echo lines; Aardvark's entrypoint (set -ex:
bash's "+ ..." lines); Wapiti's banner (a print() of an ASCII-art block),
and the ECS task's shell lines.

The messages are modelled on the programs' source, not copied line by
line: TileStache's Core.py and Mapnik.py messages, titiler's middleware
and errors.py messages, GeoHealthCheck's scheduler.py, probe.py,
healthcheck.py and notifications.py messages, theHarvester's __main__.py,
lib/core.py (the banner) and discovery messages, Wapiti's
active_scanner.py, mod_sql.py, mod_xss.py and main/wapiti.py messages and
Aardvark's manage.py, model.py and updater/__init__.py messages are their
own (read at the commits cited; Aardvark's line numbers are those read, its
install path the Dockerfile's python:3.7 site-packages). Wapiti's request
text after "[+] " (its Request's str) is modelled. APScheduler's
messages in GeoHealthCheck's stream are from memory of APScheduler 3, the
values (hosts, tiles, accounts, ARNs, times) and the exceptions' texts of
third-party libraries are invented.

Left out: Terracotta (its PrefixFormatter's format " [{levelshortname!s}]
{message!s}", style "{", read at DHI-GRAS/terracotta 3bab9c9
terracotta/logs.py: python-json-logger takes "message!s" for a field name,
so its truth has no message; kept for a later set), PyWPS (its "%(asctime)s]
[%(levelname)s] file=%(pathname)s ..." format goes only to a FileHandler,
pywps/app/Service.py at geopython/pywps 5a7b7f07), gvm-tools
(logging.basicConfig(filename=...) to its log file only, gvmtools/parser.py
at greenbone/gvm-tools c783852), Recon-ng (no logging format found in
lanmaster53/recon-ng c08acee: it prints), OWASP Nettacker (its logger prints
without the logging module, OWASP/Nettacker 103ef3a1), Cloud Custodian's
c7n-org (Cloud Custodian is in `heldout4.py`), and QGIS server plugins,
Trufflehog's Python tooling, Vulture and Sn1per (for want of time to read
their formats in source; none was guessed).
"""

import json
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

# TileStache (TileStache/TileStache, e96532b), TileStache/Config.py
# buildConfiguration: logging.basicConfig(level=...) from the config's
# "logging" key, so Python's BASIC_FORMAT.
TILESTACHE = logging.BASIC_FORMAT
# titiler 2.2.1 (developmentseed/titiler, 483c9f55), src/titiler/application/
# titiler/application/main.py, the dictConfig made when api_settings.debug:
# "detailed" (the "titiler" logger's console handler, at WARNING) and
# "request" (the "titiler.requests" logger's, LoggerMiddleware's records),
# built as main.py builds it.
TITILER = "%(asctime)s - %(levelname)s - %(name)s - %(message)s"
TITILER_REQUEST = "%(asctime)s - %(levelname)s - %(name)s - %(message)s " + json.dumps(
    {k: f"%({k})s" for k in ["http.method", "http.referer", "http.request.header.origin", "http.route", "http.target",
                             "http.request.header.content-length", "http.request.header.accept-encoding",
                             "http.request.header.origin", "titiler.path_params", "titiler.query_params"]})
# GeoHealthCheck (geopython/GeoHealthCheck, 96f16db), GeoHealthCheck/
# config_main.py GHC_LOG_FORMAT (the Dockerfile's ENV the same), through
# logging.basicConfig in GeoHealthCheck/init.py; GHC_LOG_LEVEL=20 as
# docker/compose/ghc.env sets it.
GHC = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Aardvark (Netflix-Skunkworks/aardvark, 190f856), entrypoint.sh's LOG_CFG
# "standard" formatter (the "aardvark" logger's "console" handler on stdout;
# aardvark/__init__.py setup_logging's fallback is the same format).
AARDVARK = "%(asctime)s %(levelname)s: %(message)s [in %(pathname)s:%(lineno)d]"
# theHarvester (laramies/theHarvester, b8055fae), theHarvester/lib/output.py
# configure_logging: the root's StreamHandler; "theHarvester.output"'s
# _OperatorOutputHandler has no formatter (logging's default, the message).
HARVESTER = "%(levelname)s %(name)s: %(message)s"
# Wapiti (wapiti-scanner/wapiti, d33d1218), wapitiCore/main/log.py
# configure: ColoredFormatter("{message}", style='{', colorize=...) on the
# "wapiti" logger's stdout handler.
WAPITI = "{message}"

WAPITI_COLORS = {"BLUE": "\033[38;5;33m", "GREEN": "\033[38;5;34m", "ORANGE": "\033[38;5;202m",
                 "YELLOW": "\033[38;5;226m", "RED": "\033[38;5;196m", "GRAY": "\033[38;5;250m",
                 "ERROR_RED": "\033[48;5;196m", "CRITICAL_RED": "\033[48;5;196m", "ENDC": "\033[0m"}


class WapitiFormatter(logging.Formatter):
    """wapitiCore/main/log.py's ColoredFormatter, colorize on (--color)."""

    def __init__(self):
        super().__init__(WAPITI, style="{")

    def format(self, record):
        message = super().format(record)
        color_name = getattr(record, "color_name", None)
        if color_name and color_name in WAPITI_COLORS:
            return WAPITI_COLORS[color_name] + message + WAPITI_COLORS["ENDC"]
        color = {logging.WARNING: WAPITI_COLORS["ORANGE"], logging.ERROR: WAPITI_COLORS["ERROR_RED"],
                 logging.CRITICAL: WAPITI_COLORS["CRITICAL_RED"]}.get(record.levelno)
        if color:
            return color + message + WAPITI_COLORS["ENDC"]
        return message


def gunicorn_line(number, level, text):
    """A line of gunicorn's error log (its own format: a print line here)."""
    return "[%s +0000] [%d] [%s] %s" % (now("%Y-%m-%d %H:%M:%S"), number, level, text)


# --------------------------------------------------------------------------
# One team's map tiles on ECS (one log group for the service's tasks): the
# legacy TileStache (gunicorn, a Mapnik basemap and an S3 cache) and titiler
# (gunicorn with uvicorn workers, TITILER_API_DEBUG=TRUE) serving COGs.

LAYERS = [("basemap", "png"), ("parcels", "png"), ("hillshade", "jpg"), ("roads-grid", "json")]
COGS = ["s3://acme-geo-cogs/ortho/2024/18TWL_0412.tif", "s3://acme-geo-cogs/dem/copernicus_N40W074.tif",
        "s3://acme-geo-cogs/ortho/2024/18TWL_0413.tif", "s3://acme-geo-cogs/landcover/nlcd_2021_ne.tif"]


def stream_tilestache_titiler():
    stream = []
    ts = Program("tilestache", "root", logging.Formatter(TILESTACHE), stream)
    tt = Program("titiler", "titiler", logging.Formatter(TITILER), stream)
    tr = Program("titiler", "titiler.requests", logging.Formatter(TITILER_REQUEST), stream)
    root = lg(ts, "root")
    errors = lg(tt, "titiler.core.errors")
    requests = lg(tr, "titiler.requests")

    printed(stream, gunicorn_line(1, "INFO", "Starting gunicorn 22.0.0"))
    printed(stream, gunicorn_line(1, "INFO", "Listening at: http://0.0.0.0:8080 (1)"))
    printed(stream, gunicorn_line(1, "INFO", "Using worker: sync"))
    printed(stream, gunicorn_line(9, "INFO", "Booting worker with pid: 9"))
    printed(stream, gunicorn_line(1, "INFO", "Starting gunicorn 22.0.0"))
    printed(stream, gunicorn_line(1, "INFO", "Listening at: http://0.0.0.0:80 (1)"))
    printed(stream, gunicorn_line(1, "INFO", "Using worker: uvicorn.workers.UvicornWorker"))
    printed(stream, gunicorn_line(7, "INFO", "Booting worker with pid: 7"))
    printed(stream, gunicorn_line(7, "INFO", "Started server process [7]"))
    printed(stream, gunicorn_line(7, "INFO", "Waiting for application startup."))
    printed(stream, gunicorn_line(7, "INFO", "Application startup complete."))

    def request(path, route, query, path_params):
        target = path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        data = {"http.method": "GET", "http.url": "https://tiles.acme.example" + target, "http.scheme": "https",
                "http.host": "tiles.acme.example", "http.target": target,
                "http.user_agent": "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                "http.referer": "https://maps.acme.example/", "http.request.header.content-length": None,
                "http.request.header.accept-encoding": "gzip, deflate, br",
                "http.request.header.origin": "https://maps.acme.example", "net.host.name": "tiles.acme.example",
                "net.host.port": None, "titiler.query_params": query, "http.route": route,
                "titiler.path_params": path_params}
        requests.info(f"Request received: {path} GET", extra=data)

    for cycle in range(9):
        for i, (layer, ext) in enumerate(LAYERS):
            z, x, y = 12 + cycle % 4, 1205 + i * 3 + cycle, 1539 + cycle
            key = f"{layer}/{z}/{x}/{y}.{ext}"
            if (i + cycle) % 3 == 0:
                root.debug("TileStache.Core._addRecentTile() found tile in recent tiles: %s", key)
                root.info("TileStache.Core.Layer.getTileResponse() %s/%d/%d/%d.%s via %s in %.3f", layer, z, x, y,
                          ext, "recent tiles", 0.002 + cycle / 1000)
                continue
            if layer == "basemap" and cycle % 2:
                root.debug("TileStache.Mapnik.ImageProvider.renderArea() %dx%d in %.3f from %s", 1024, 1024,
                           0.412 + cycle / 50, "/etc/tilestache/basemap/osm-bright.xml")
                tile_from = "layer.render()"
            elif layer == "roads-grid":
                root.debug("TileStache.Mapnik.GridProvider.renderArea() %dx%d at %d in %.3f from %s", 256, 256, 4,
                           0.088, "/etc/tilestache/roads/roads.xml")
                tile_from = "layer.render()"
            else:
                tile_from = "cache"
            root.debug("TileStache.Core._addRecentTile() added tile to recent tiles: %s", key)
            root.info("TileStache.Core.Layer.getTileResponse() %s/%d/%d/%d.%s via %s in %.3f", layer, z, x, y, ext,
                      tile_from, 0.031 + (i + 1) * cycle / 97)
        for j, cog in enumerate(COGS[:3]):
            z, x, y = 14, 4823 + j + cycle, 6160 + cycle
            query = {"url": cog, "rescale": "0,255"} if j != 1 else {"url": cog, "colormap_name": "terrain",
                                                                      "rescale": "0,2000"}
            request(f"/cog/tiles/WebMercatorQuad/{z}/{x}/{y}@1x.png", "/cog/tiles/{tileMatrixSetId}/{z}/{x}/{y}"
                    "@{scale}x.{format}", query, {"tileMatrixSetId": "WebMercatorQuad", "z": str(z), "x": str(x),
                                                  "y": str(y), "scale": "1", "format": "png"})
        request("/cog/info", "/cog/info", {"url": COGS[cycle % 4]}, {})
        if cycle % 3 == 1:
            request("/healthz", "/healthz", {}, {})
        if cycle in (2, 6):
            # A COG the tiler can't open: errors.py logs the mapped 500.
            cog = COGS[3]

            def tile():
                def open_dataset():
                    raised("rasterio.errors", "RasterioIOError",
                           f"'/vsis3/{cog[5:]}' not recognized as being in a supported file format.")
                open_dataset()
            try:
                tile()
            except Exception as e:
                errors.error("Exception mapped to HTTP %s response", 500, exc_info=e)
            request(f"/cog/tiles/WebMercatorQuad/10/301/{384 + cycle}@1x.png", "/cog/tiles/{tileMatrixSetId}/{z}/"
                    "{x}/{y}@{scale}x.{format}", {"url": cog}, {"tileMatrixSetId": "WebMercatorQuad", "z": "10",
                                                                "x": "301", "y": str(384 + cycle), "scale": "1",
                                                                "format": "png"})
        if cycle == 4:
            # A config push with a typo: the new TileStache worker fails to boot.
            printed(stream, gunicorn_line(1, "INFO", "Handling signal: hup"))
            printed(stream, gunicorn_line(1, "INFO", "Hang up: Master"))
            printed(stream, "Error loading Tilestache config:")
            printed(stream, gunicorn_line(14, "ERROR", "Exception in worker process"))

            def load_wsgi():
                def parse_config():
                    raised("json.decoder", "JSONDecodeError",
                           "Expecting ',' delimiter: line 41 column 9 (char 1187)")
                parse_config()
            uncaught(stream, load_wsgi)
            printed(stream, gunicorn_line(14, "INFO", "Worker exiting (pid: 14)"))
            printed(stream, gunicorn_line(15, "INFO", "Booting worker with pid: 15"))
    printed(stream, gunicorn_line(1, "INFO", "Handling signal: term"))
    printed(stream, gunicorn_line(7, "INFO", "Shutting down"))
    printed(stream, gunicorn_line(7, "INFO", "Finished server process [7]"))
    return {"name": "tilestache-titiler", "programs": [ts, tt, tr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A platform team's tools host on EC2 (Docker's awslogs driver, one stream
# for the compose project): GeoHealthCheck's runner probes the map services
# every ten minutes and mails on a status change; Aardvark's hourly
# "aardvark update" scrapes IAM Access Advisor in the team's accounts.

RESOURCES = [(1, "OGC:WMTS", "https://tiles.acme.example/cog/WMTSCapabilities.xml"),
             (2, "OGC:WMS", "https://geoserver.acme.example/geoserver/ows"),
             (3, "OGCFeat", "https://features.acme.example/collections"),
             (4, "WWW:LINK", "https://tiles.acme.example/healthz"),
             (5, "OGC:WFS", "https://geoserver.acme.example/geoserver/wfs")]
ACCOUNTS = ["123456789012", "210987654321", "345678901234"]
ROLES = ["ecsTaskExecutionRole", "tiles-service", "geoserver-ec2", "ci-deploy", "OrganizationAccountAccessRole",
         "datadog-integration"]
SITE = "/usr/local/lib/python3.7/site-packages/aardvark/"


def stream_ghc_aardvark():
    stream = []
    gh = Program("geohealthcheck", "__main__", logging.Formatter(GHC), stream)
    ad = Program("aardvark", "aardvark", logging.Formatter(AARDVARK), stream)
    sched = lg(gh, "__main__")
    hc = lg(gh, "healthcheck")
    probe = lg(gh, "probe")
    models = lg(gh, "models")
    notif = lg(gh, "notifications")
    aps = lg(gh, "apscheduler.scheduler")
    ex = lg(gh, "apscheduler.executors.default")
    a = lg(ad, "aardvark")

    printed(stream, "START /run-runner.sh")
    sched.info("Starting scheduler")
    aps.info("Adding job tentatively -- it will be properly scheduled when the scheduler starts")
    aps.info('Added job "check_schedules" to job store "default"')
    aps.info("Scheduler started")
    sched.info("lifecycle_listener: EVENT_SCHEDULER_STARTED - <SchedulerEvent (code=1)>")
    sched.info("This prints once in 5 minutes")
    sched.info("Checking Job schedules")
    for rid, _, _ in RESOURCES:
        sched.info("Starting job for resource=%d" % rid)

    def aardvark_run(hour):
        for line in ["+ AARDVARK_ROLE=Aardvark", "+ AARDVARK_DATA_DIR=/data", "+ AWS_DEFAULT_REGION=us-east-1",
                     "+ AWS_ARN_PARTITION=aws", "+ [[ -z postgresql://aardvark@tools-db:5432/aardvark ]]",
                     "+ cat", "+ exec aardvark update -a " + " -a ".join(ACCOUNTS)]:
            printed(stream, line)
        at(a, logging.DEBUG, SITE + "manage.py", 292, "update",
           f"Starting update operation for {len(ACCOUNTS)} accounts using 5 threads.")
        for t, acct in enumerate(ACCOUNTS):
            with pid(40 + t):
                at(a, logging.INFO, SITE + "manage.py", 72, "run",
                   "Thread #{} updating account {} with {} arns".format(t + 1, acct, "all"))
                at(a, logging.DEBUG, SITE + "manage.py", 75, "run",
                   f"ACCOUNT_QUEUE depth now ~ {len(ACCOUNTS) - t - 1}")
                at(a, logging.DEBUG, SITE + "updater/__init__.py", 103, "_get_arns", "got %d arns", 14 + 3 * t)
                for role in ROLES[:2 + (t + hour) % 3]:
                    arn = f"arn:aws:iam::{acct}:role/{role}"
                    at(a, logging.DEBUG, SITE + "updater/__init__.py", 136, "_generate_service_last_accessed_details",
                       "generating last accessed details for role %s", arn)
                if (t + hour) % 4 == 1:
                    job = "b4f2%04x-6f1c-9a2e-1d3b-%012x" % (t * 91 + hour, 0x5e01 + t)
                    role_arn = f"arn:aws:iam::{acct}:role/{ROLES[4]}"
                    if hour == 0:
                        def process_jobs():
                            def get_job_results():
                                raised("botocore.errorfactory", "NoSuchEntityException",
                                       "An error occurred (NoSuchEntity) when calling the GetServiceLastAccessedDetails"
                                       f" operation: The job with id {job} cannot be found.")
                            get_job_results()
                        try:
                            process_jobs()
                        except Exception:
                            at(a, logging.ERROR, SITE + "updater/__init__.py", 229, "_process_jobs",
                               "Could not gather data from {0}.".format(role_arn), exc=True)
                    else:
                        at(a, logging.ERROR, SITE + "updater/__init__.py", 225, "_process_jobs",
                           f"Job {job} for ARN {role_arn} failed: AccessDenied")
                if hour == 1 and t == 2:
                    def update_account():
                        def call_access_advisor():
                            raised("botocore.exceptions", "ClientError",
                                   "An error occurred (Throttling) when calling the GenerateServiceLastAccessedDetails "
                                   "operation (reached max retries: 4): Rate exceeded")
                        call_access_advisor()
                    try:
                        update_account()
                    except Exception:
                        at(a, logging.ERROR, SITE + "updater/__init__.py", 62, "update_account",
                           "Failed to call access advisor", exc=True)
                    at(a, logging.WARNING, SITE + "manage.py", 115, "persist_aa_data",
                       "Cannot persist Access Advisor Data as no data was collected.")
                    continue
                at(a, logging.INFO, SITE + "manage.py", 95, "run",
                   "Thread #{} persisting data for account {}".format(t + 1, acct))
                if t == 1:
                    at(a, logging.WARNING, SITE + "model.py", 112, "create_or_update",
                       "Previously seen object not accessed in the past 365 days (got null lastAuthenticated from AA). "
                       "Setting to 0. Object {} service {} previous timestamp {}".format(417, "Amazon EC2",
                                                                                         1680393600000))
                at(a, logging.INFO, SITE + "manage.py", 102, "run",
                   "Thread #{} FINISHED persisting data for account {}".format(t + 1, acct))
        at(a, logging.DEBUG, SITE + "manage.py", 304, "update", "Queue is empty; no more accounts to process.")

    for run in range(3):
        for rid, rtype, url in RESOURCES:
            job = 'run_job (trigger: interval[0:10:00], next run at: %s UTC)' % now("%Y-%m-%d %H:%M:%S")
            ex.info('Running job "%s" (scheduled at %s+00:00)', job, now("%Y-%m-%d %H:%M:%S"))
            sched.info("%d Lock present: try obtaining.." % rid)
            sched.info("%d Lock obtained, delete and renew" % rid)
            sched.info("%d Lock deleted, add new" % rid)
            sched.info("%d Lock Add OK" % rid)
            if rid == 2 and run == 2:
                # GeoServer down: getting the capabilities fails.
                def sniff():
                    def get_capabilities():
                        raised("requests.exceptions", "ReadTimeout",
                               "HTTPSConnectionPool(host='geoserver.acme.example', port=443): Read timed out. (read "
                               "timeout=30)")
                    get_capabilities()
                try:
                    sniff()
                except Exception as err:
                    hc.error("Getting metadata failed: %s" % str(err), exc_info=err)
                notif.info("Notifying: status changed resource=%d: result=%s" % (rid, False))

                def do_email():
                    def login():
                        raised("smtplib", "SMTPAuthenticationError",
                               "(535, b'5.7.8 Username and Password not accepted. For more information, go to\\n"
                               "5.7.8  https://support.google.com/mail/?p=BadCredentials')")
                    login()
                try:
                    do_email()
                except Exception as err:
                    notif.exception("Cannot log in to SMTP: %s", err, exc_info=err)
                notif.info("webhook deployed, got %s as response", "<Response [200]>")
            else:
                probe.info("Requesting: GET url=%s" % url)
                status = 503 if (rid == 4 and run == 1) else 200
                probe.info("response: status=%d" % status)
                if status != 200:
                    probe.info("Error response: %s" % "upstream connect error or disconnect/reset before headers. "
                               "reset reason: connection failure")
                    probe.error("Check Err: (<class 'AssertionError'>, AssertionError('HTTP Error status=503'), "
                                "<traceback object at 0x7f3b2c1d4e80>)")
                probe.info("Check: fun=%s result=%s" % ("GeoHealthCheck.plugins.check.checks.HttpStatusNoError",
                                                        status == 200))
                if rid == 4 and run == 2:
                    notif.info("Notifying: status changed resource=%d: result=%s" % (rid, True))
            sched.info("%d run_resource OK" % rid)
            ex.info('Job "%s" executed successfully', job)
        if run == 1:
            ex.warning('Run time of job "%s" was missed by %s', "run_job (trigger: interval[0:10:00], next run at: "
                       "%s UTC)" % now("%Y-%m-%d %H:%M:%S"), "0:00:07.311204")
        if run in (0, 1):
            aardvark_run(run)
        if run == 2:
            models.info("Flushing runs older than %d days" % 30)
            models.info("Deleted %d Runs" % 412)
        sched.info("Checking Job schedules")
    sched.info("Stopping Scheduler")
    printed(stream, "END /run-runner.sh")
    return {"name": "ghc-aardvark", "programs": [gh, ad], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A scheduled ECS task (one log group): theHarvester maps the company's
# external surface (-v, several sources), then Wapiti (--color -v 2)
# scans the app it found.

HOSTS = ["api.acme.example:203.0.113.10", "auth.acme.example:203.0.113.22", "maps.acme.example:198.51.100.7",
         "status.acme.example", "tiles.acme.example:198.51.100.8", "vpn.acme.example:203.0.113.90",
         "www.acme.example:203.0.113.5"]
SOURCES = [("crtsh", 57, 2.31), ("certspotter", 41, 4.02), ("commoncrawl", 12, 18.77), ("duckduckgo", 3, 1.09),
           ("hackertarget", 19, 0.84), ("otx", 23, 3.55), ("rapiddns", 31, 1.72), ("urlscan", 9, 2.66)]
URLS = ["https://app.acme.example/", "https://app.acme.example/login", "https://app.acme.example/search?q=test",
        "https://app.acme.example/account/settings", "https://app.acme.example/api/v1/orders?page=1",
        "https://app.acme.example/reports/export?format=csv"]
MODULES = ["backup", "brute_login_form", "cookieflags", "csp", "exec", "file", "http_headers", "permanentxss",
           "redirect", "sql", "ssl", "ssrf", "xss"]


def stream_harvester_wapiti():
    stream = []
    th = Program("theharvester", "theHarvester.__main__", logging.Formatter(HARVESTER), stream)
    out_p = Program("theharvester", "theHarvester.output", logging.Formatter(), stream)
    wp = Program("wapiti", "wapiti", WapitiFormatter(), stream)
    main = lg(th, "theHarvester.__main__")
    out = lg(out_p, "theHarvester.output")
    w = lg(wp, "wapiti")

    def color(name, msg, *args):
        w.info(msg.format(*args) if args else msg, extra={"color_name": name})

    printed(stream, "+ theHarvester -d acme.example -b crtsh,certspotter,commoncrawl,duckduckgo,hackertarget,otx,"
                    "rapiddns,urlscan -v -f /reports/acme-recon")
    for line in ["*" * 67, "*  _   _                                            _             *",
                 r"* | |_| |__   ___    /\  /\__ _ _ ____   _____  ___| |_ ___ _ __  *",
                 r"* | __|  _ \ / _ \  / /_/ / _` | '__\ \ / / _ \/ __| __/ _ \ '__| *",
                 r"* | |_| | | |  __/ / __  / (_| | |   \ V /  __/\__ \ ||  __/ |    *",
                 r"*  \__|_| |_|\___| \/ /_/ \__,_|_|    \_/ \___||___/\__\___|_|    *", "*" + " " * 65 + "*",
                 "* theHarvester 4.8.2" + " " * 46 + "*", "* Coded by Christian Martorella" + " " * 35 + "*",
                 "* Edge-Security Research" + " " * 42 + "*", "* cmartorella@edge-security.com" + " " * 35 + "*",
                 "*" + " " * 65 + "*", "*" * 67]:
        out.info(line)
    main.info("Verbose logging enabled")
    out.info("\n[*] Target: acme.example \n")
    out.info("[*] Source workers: requested=4; effective=4.")
    for i, (source, results, secs) in enumerate(SOURCES):
        out.info(f"[*] Searching {source[0].upper() + source[1:]}. ")
        src = lg(th, "theHarvester.discovery." + {"certspotter": "certspottersearch", "duckduckgo": "duckduckgosearch",
                                                  "hackertarget": "hackertarget", "otx": "otxsearch",
                                                  "urlscan": "urlscan"}.get(source, source))
        if source == "commoncrawl":
            src.info("Common Crawl selected %d %s and %d queries", 2, "indexes", 4)
            for q in range(1, 5):
                src.info("Common Crawl query %d/%d: index=%s", q, 4, "CC-MAIN-2024-1%d" % (8 - (q - 1) // 2))
            src.warning("Common Crawl page error for index CC-MAIN-2024-17: HTTP 503")
        if source == "certspotter":
            src.warning("Cert Spotter page limit reached; results may be incomplete.")
        stop = "; stop=page-limit" if source == "certspotter" else ""
        main.info(f"Source {source} finished in {secs:.2f}s: status=success; results={results}{stop}")
    out.info("[!] Source urlscan skipped: missing credentials.")
    # The API endpoint scan the -e option asks for fails mid-way.
    api = lg(th, "theHarvester.discovery.api_endpoints")

    def scan():
        def check_endpoint():
            raised("aiohttp.client_exceptions", "ClientConnectorError",
                   "Cannot connect to host api.acme.example:443 ssl:default [Connect call failed ('203.0.113.10', "
                   "443)]")
        check_endpoint()
    try:
        scan()
    except Exception as e:
        api.error(f"Error in API endpoint scan: {e!s}", exc_info=True)
    api.warning("No status code received from response for URL: https://api.acme.example/swagger.json")
    out.info("\n[*] IPs found: 6")
    out.info("-------------------")
    out.info("\n".join(["198.51.100.7", "198.51.100.8", "203.0.113.5", "203.0.113.10", "203.0.113.22",
                        "203.0.113.90"]))
    out.info("\n[*] Emails found: 3")
    out.info("----------------------")
    out.info("\n".join(["it-support@acme.example", "security@acme.example", "careers@acme.example"]))
    out.info("\n[*] No people found.")
    out.info("\n[*] Hosts found: " + str(len(HOSTS)))
    out.info("---------------------")
    for host in HOSTS:
        out.info(host)

    printed(stream, "+ wapiti -u https://app.acme.example/ --color -v 2 --flush-session -m all -f json "
                    "-o /reports/acme-wapiti.json")
    for line in ["", "     __    __            _ _   _ _____", r"    / / /\ \ \__ _ _ __ (_) |_(_)___ /",
                 r"    \ \/  \/ / _` | '_ \| | __| | |_ \ ", r"     \  /\  / (_| | |_) | | |_| |___) |",
                 r"      \/  \/ \__,_| .__/|_|\__|_|____/", "                  |_|                 "]:
        printed(stream, line)
    color("YELLOW", "Wapiti 3.2.4 (wapiti-scanner.github.io)")
    color("BLUE", "[*] May the force be with you!")
    w.info("[*] Saving scan state, please wait...")
    w.info("Start standard crawler.")
    for url in URLS:
        w.log(15, "[+] %s", "GET " + url, extra={"color_name": "GRAY"})
    w.error("[!] %s with URL %s", "ReadTimeout", "https://app.acme.example/reports/export?format=csv")
    w.info("[*] Wapiti found %s URLs and forms during the scan", 41)
    for m in MODULES:
        color("YELLOW", f"[*] Launching module {m}")
        if m in ("sql", "xss", "exec"):
            for url in URLS[2:5]:
                w.info("[+] %s", "GET " + url)
        if m == "sql":
            color("RED", "---")
            color("RED", "{0} in {1} via injection in the parameter {2}", "SQL Injection (DBMS: PostgreSQL)",
                  "https://app.acme.example/search", "q")
            color("RED", "Evil request:")
            color("RED", "    GET /search?q=test%C2%BF%27%22%28 HTTP/1.1\n    host: app.acme.example\n"
                  "    connection: keep-alive\n    user-agent: Mozilla/5.0 (Windows NT 6.1; rv:45.0) Gecko/20100101 "
                  "Firefox/45.0\n    accept-language: en-US\n    accept-encoding: gzip, deflate, br\n"
                  "    accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\n")
            color("RED", "---")
        if m == "xss":
            color("ORANGE", "---")
            color("ORANGE", "Received a HTTP 500 error in {0}", "https://app.acme.example/account/settings")
            color("ORANGE", "Evil request:")
            color("ORANGE", "    POST /account/settings HTTP/1.1\n    host: app.acme.example\n"
                  "    content-type: application/x-www-form-urlencoded\n\n"
                  "    display_name=%3CScRiPt%3Ealert%28%27wmcy0zxd1k%27%29%3C%2FsCrIpT%3E&timezone=UTC\n")
            color("ORANGE", "---")
        if m == "ssrf":
            # A module breaks on one resource: active_scanner logs it.
            def attack():
                def must_attack():
                    raised("httpx", "RemoteProtocolError", "Server disconnected without sending a response.")
                must_attack()
            try:
                attack()
            except Exception:
                w.exception("An exception occurred in module %s", m)
        if m == "ssl":
            w.warning("%s requests were skipped due to network issues", 2)
        if m == "brute_login_form":
            w.log(15, "[¨] %s", "POST https://app.acme.example/login (username=admin&password=admin)",
                  extra={"color_name": "GRAY"})
    w.info("[*] Saving scan state, please wait...")
    color("BLUE", "[*] Generating report...")
    color("GREEN", "A report has been generated in the file /reports/acme-wapiti.json")
    printed(stream, "+ aws s3 cp /reports/ s3://acme-security-reports/2024-05-11/ --recursive")
    printed(stream, "upload: ../reports/acme-wapiti.json to s3://acme-security-reports/2024-05-11/acme-wapiti.json")
    return {"name": "harvester-wapiti", "programs": [th, out_p, wp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_tilestache_titiler(), stream_ghc_aardvark(), stream_harvester_wapiti()])


if __name__ == "__main__":
    main()
