"""The 49-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout48.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in the areas this batch was given, web crawling, search
indexing and content processing (a web-archive crawl node on EC2, where
ArchiveTeam's wpull crawls a site into WARCs beside the Internet
Archive's trough sync daemon, which keeps the crawl's dedup segments; a
search team's host, where ScrapydWeb drives the Scrapy spiders that crawl
the documentation sites and Onyx's API server serves search over what its
indexing workers put into Vespa; a content-processing host, where the
Loris IIIF image server cuts tiles and thumbnails of scanned pages and
docling-serve converts uploaded PDFs to Markdown), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout49

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f1eec91 (session 24's rules in, none
written from this set), with nothing configured: 62.9% exact, 62.9% key
fields (asctime 94.9%, levelname 86.7%, name 90.1%, message 75.3%).
Again at 71d4cb2, after session 25's rules from heldout44 to heldout47
(none written from this set): the same figures.
Rules were written from it in session 26, after those two readings.

Formatters and filters: wpull, trough, ScrapydWeb and Loris use
logging.Formatter itself (wpull's console handler, trough's and Loris'
through basicConfig and configure_logging, ScrapydWeb's through
dictConfig). wpull's console handler carries logging.Filter('wpull'): only
its own loggers' records print, with no time and no name ("INFO Fetching
..."). trough's records come from the root logger ("root") and print the
function, file and line. Loris' root logger has two console handlers (its
StdErrFilter and StdOutFilter split the levels, one formatter): one here;
the container's loris2.conf sets log_to = 'console' and log_level =
'DEBUG' (the shipped file says 'file' and 'INFO'). ScrapydWeb's poll
subprocess gives its logger a handler of the same format (it runs
poll.py as a script, so the root has none there). Onyx's ColoredFormatter
(`OnyxColoredFormatter`, as written there) formats the record and puts
the level, coloured ("\\033[92mINFO\\033[0m:"), padded to 18, and a space
before the formatted text: the format itself has no level; Onyx adds a
NOTICE level (25). docling-serve's ColoredLogFormatter writes the colour
codes into record.levelname itself before formatting, so the truth, made
after, has them too (as Neptune's in `heldout13.py`); uvicorn's loggers
are given the same handler (uvicorn runs with log_config=None).

600 records in three streams (227, 152 and 221; 27 of them print lines
or a bare traceback).

Print lines: the containers' and the crawl job's shell lines, scrapyd's
Twisted log lines (Twisted's logger, not Python's: its Launcher's
"Process started" lines), Apache's and mod_wsgi's lines for Loris,
docling-serve's rich console banner ("Starting production server",
"Server started at ..."), uvicorn's own startup lines for Onyx (its
formatter, left out on purpose), supervisord's, and a trough sync
traceback nothing caught.

The messages are modelled on the programs' source, most read at the
commits cited (wpull's processor, stats and warc tasks; trough's sync.py
with its functions and line numbers; ScrapydWeb's run.py,
check_app_config.py, sub_process.py and poll.py; Loris' webapp.py,
resolver.py, img_info.py and transforms.py; Onyx's main.py, setup.py,
connector.py and query_backend.py with their line numbers;
docling-serve's app.py). docling's own library messages
("docling.document_converter"), uvicorn's access lines, the values in the
messages, the install paths (/app for Onyx, trough's virtualenv) and the
exception texts of third-party libraries are modelled, not read.

Left out: Crawlee for Python (apify/crawlee-python 8ea5bde7
src/crawlee/_log_config.py: its CrawleeLogFormatter builds each line in
code, no format string), pyspider (binux/pyspider 897891c
pyspider/logging.conf: Tornado's LogFormatter on its DEFAULT_FORMAT,
covered in `realworld.py`), pilbox (Tornado's options logging: the same),
umbra (internetarchive/umbra 2657c11 umbra/cli.py: warcprox's format, in
`heldout13.py`), LogParser (my8100/logparser 31e2661 logparser/utils.py:
ScrapydWeb's format again), grab-site (ArchiveTeam/grab-site 0eaf886: no
logging of its own; it runs wpull --quiet, whose console is shipped here
as wpull run by hand), whoogle-search, Photon, typesense-docsearch-scraper
and unoconv (no logging format in their source at 13e5213, 7781cd6,
2f9c5dc and 2d0a3a8), searchmysite.net's web app (Flask's default
handler's format, in `realworld.py`), txtai (no format of its own at
20f818f7), Onyx's Celery workers (their root format "%(levelname)-8s
%(asctime)s %(filename)15s:%(lineno)-4d: %(name)s %(message)s" in
backend/onyx/background/celery/apps/app_base.py, and every onyx logger
printing a second time through its own handler: kept for a later set),
Onyx's uvicorn access format (its "[%(request_id)s]" comes from a filter
whose value was not traced) and, named in earlier sets, Scrapy, Scrapy
Cluster, Frontera, brozzler, warcprox, pywb, Thumbor, SearXNG, OCRmyPDF,
OCR-D, mwmbl, news-please, zimit, unoserver, Unstructured's API,
tika-python, Paperless, Mayan EDMS, Calibre and mongo-connector.
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

# wpull (ArchiveTeam/wpull, cfa5bcc), wpull/application/tasks/log.py
# LoggingSetupTask._setup_console_logger: the root's console handler, with
# logging.Filter('wpull').
WPULL = "%(levelname)s %(message)s"
# trough (internetarchive/trough, 0c6243e), trough/settings.py
# configure_logging's logging.basicConfig (stream=sys.stdout).
TROUGH = "%(asctime)s %(levelname)s %(name)s.%(funcName)s(%(filename)s:%(lineno)d) %(message)s"
# ScrapydWeb (my8100/scrapydweb, 1341cf9), scrapydweb/__init__.py dictConfig's
# "default" formatter (the root's "wsgi" handler); scrapydweb/utils/poll.py's
# own handler has the same format.
SCRAPYDWEB = "[%(asctime)s] %(levelname)-8s in %(name)s: %(message)s"
# Onyx (onyx-dot-app/onyx, a7d66a8b77), backend/onyx/utils/logger.py
# get_standard_formatter's ColoredFormatter (setup_logger's StreamHandler).
ONYX = "%(asctime)s %(filename)30s %(lineno)4s: %(message)s"
ONYX_DATEFMT = "%m/%d/%Y %I:%M:%S %p"
# Loris (loris-imageserver/loris, 174248d), loris/data/loris.conf [logging]
# format, through loris/webapp.py configure_logging's logging.Formatter.
LORIS = "%(asctime)s (%(name)s) [%(levelname)s]: %(message)s"
# docling-serve (docling-project/docling-serve, 615f089),
# docling_serve/logging_config.py setup_logging's ColoredLogFormatter.
DOCLING = "%(levelname)s:\t%(asctime)s - %(name)s - %(message)s"
DOCLING_DATEFMT = "%H:%M:%S"


class OnyxColoredFormatter(logging.Formatter):
    """onyx.utils.logger.ColoredFormatter, as written there."""

    COLORS = {"CRITICAL": "\033[91m", "ERROR": "\033[91m", "WARNING": "\033[93m", "NOTICE": "\033[94m",
              "INFO": "\033[92m", "DEBUG": "\033[96m", "NOTSET": "\033[91m"}

    def format(self, record):
        levelname = record.levelname
        if levelname in self.COLORS:
            prefix = self.COLORS[levelname]
            suffix = "\033[0m"
            formatted_message = super().format(record)
            level_display = f"{prefix}{levelname}{suffix}:"
            return f"{level_display.ljust(18)} {formatted_message}"
        return super().format(record)


class DoclingColoredFormatter(logging.Formatter):
    """docling_serve.logging_config.ColoredLogFormatter, as written there:
    the record's levelname itself is coloured."""

    COLOR_CODES = {logging.DEBUG: "\033[94m", logging.INFO: "\033[92m", logging.WARNING: "\033[93m",
                   logging.ERROR: "\033[91m", logging.CRITICAL: "\033[95m"}
    RESET_CODE = "\033[0m"

    def format(self, record):
        color = self.COLOR_CODES.get(record.levelno, "")
        record.levelname = f"{color}{record.levelname}{self.RESET_CODE}"
        return super().format(record)


# --------------------------------------------------------------------------
# A web-archive crawl node on EC2 (the CloudWatch agent ships the node's
# journal): wpull crawls a documentation site into WARCs, and trough's sync
# daemon (a local sync controller) keeps the crawl's dedup segments.

SITE = "https://docs.example-project.org"
PAGES = ["/", "/install/", "/install/docker/", "/guide/config/", "/guide/backup/", "/api/", "/api/v2/search/",
         "/changelog/", "/faq/", "/static/css/site.css", "/static/js/search.js", "/img/architecture.png"]
SEGMENTS = ["warcprox-dedup-2024-05", "crawl-docs-example-project", "seen-urls-0113", "seen-urls-0114"]
TROUGH_PY = "/opt/trough/lib/python3.8/site-packages/trough/sync.py"


def stream_wpull_trough():
    stream = []
    wp = Program("wpull", "wpull", logging.Formatter(WPULL), stream)
    tr = Program("trough", "root", logging.Formatter(TROUGH), stream)
    web = lg(wp, "wpull.processor.web")
    base = lg(wp, "wpull.processor.base")
    stats = lg(wp, "wpull.application.tasks.stats")
    warc = lg(wp, "wpull.application.tasks.warc")
    root = lg(tr, "root")

    printed(stream, "+ exec /opt/trough/bin/sync.py --server")
    with pid(812):
        at(root, logging.INFO, TROUGH_PY, 970, "sync", "sync starting")
        at(root, logging.INFO, TROUGH_PY, 995, "sync", "found %r segments in hdfs", 1142)
        at(root, logging.INFO, TROUGH_PY, 1005, "sync", "found %r segments on local disk", 311)
    printed(stream, "+ wpull %s --recursive --no-parent --warc-file docs-example-project-20240511 --database "
            "crawl.db --concurrent 4" % SITE)
    warc.info("Loaded %d records from CDX file.", 2318)
    for cycle in range(8):
        for i, page in enumerate(PAGES):
            url = SITE + page
            web.info("Fetching ‘%s’." % url)
            if (i + cycle) % 13 == 7:
                base.error("Fetching ‘%s’ encountered an error: %s" % (url, "Read timed out."))
                continue
            if page.endswith(".css"):
                ctype, length = "text/css", 18211
            elif page.endswith(".js"):
                ctype, length = "application/javascript", 95340 + cycle
            elif page.endswith(".png"):
                ctype, length = "image/png", 201733
            else:
                ctype, length = "text/html; charset=utf-8", 14000 + 733 * i + cycle
            code, reason = (404, "Not Found") if (i + cycle) % 11 == 5 else (200, "OK")
            web.info("Fetched ‘%s’: %d %s. Length: %d [%s]." % (url, code, reason, length, ctype))
        with pid(812):
            seg = SEGMENTS[cycle % len(SEGMENTS)]
            if cycle % 2 == 0:
                at(root, logging.INFO, TROUGH_PY, 778, "heartbeat_periodically_forever",
                   "heartbeated %s segments in %0.2f sec", 311, 0.18 + cycle / 50)
            at(root, logging.INFO, TROUGH_PY, 915, "process_stale_segment", "processing stale segment id: %s", seg)
            if cycle == 2:
                at(root, logging.INFO, TROUGH_PY, 922, "process_stale_segment",
                   "segment %s appears to be assigned to another machine", seg)
            elif cycle == 3:
                def copy_segment_from_hdfs():
                    def copyToLocal():
                        raised("snakebite.errors", "RequestError",
                               "org.apache.hadoop.ipc.StandbyException: Operation category READ is not supported in "
                               "state standby")
                    copyToLocal()
                try:
                    copy_segment_from_hdfs()
                except Exception:
                    at(root, logging.ERROR, TROUGH_PY, 933, "process_stale_segment",
                       "Error during HDFS copy of segment %r", seg, exc=True)
            else:
                at(root, logging.INFO, TROUGH_PY, 925, "process_stale_segment",
                   "replacing segment %r local copy (mtime=%s) from hdfs (mtime=%s)", seg, 1715430200 + cycle,
                   1715438600 + cycle)
            if cycle == 5:
                at(root, logging.WARNING, TROUGH_PY, 1004, "sync", "%r gone since listing directory",
                   "/var/tmp/trough/seen-urls-0112.sqlite")
                at(root, logging.WARNING, TROUGH_PY, 820, "heartbeat", 'Updating health check for "%s".',
                   "crawl-node-07.internal")
            if cycle == 6:
                def periodic_heartbeat():
                    def run():
                        raised("rethinkdb.errors", "ReqlDriverError",
                               "Could not connect to rethinkdb-1.internal:28015. Error: [Errno 111] Connection refused")
                    run()
                try:
                    periodic_heartbeat()
                except Exception:
                    at(root, logging.ERROR, TROUGH_PY, 781, "heartbeat_periodically_forever",
                       "problem sending heartbeat", exc=True)
    stats.info("FINISHED.")
    stats.info("Duration: %s. Speed: %s/s." % ("0:03:12", "62.4 KiB"))
    stats.info("Downloaded: %d files, %s." % (len(PAGES) * 8 - 7, "11.7 MiB"))
    printed(stream, "+ aws s3 cp --recursive --exclude '*' --include '*.warc.gz' . "
            "s3://crawl-warcs/docs-example-project/")

    def sync_server():
        def sync():
            raised("rethinkdb.errors", "ReqlDriverError",
                   "Could not connect to rethinkdb-1.internal:28015. Error: [Errno 111] Connection refused")
        sync()
    uncaught(stream, sync_server)
    printed(stream, "%s INFO exited: trough-sync-local (exit status 1; not expected)" % now("%Y-%m-%d %H:%M:%S,123"))
    return {"name": "wpull-trough", "programs": [wp, tr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A search team's host (Docker's awslogs driver, one stream for the compose
# project): ScrapydWeb drives scrapyd's spiders over the documentation
# sites, and Onyx's API server answers searches over the indexed documents.

NODES = ["scrapyd-1:6800", "scrapyd-2:6800"]
SPIDERS = [("docs_crawler", "handbook"), ("docs_crawler", "runbooks"), ("status_pages", "vendors")]
ONYX_APP = "/app/onyx"


def stream_scrapydweb_onyx():
    stream = []
    sw = Program("scrapydweb", "scrapydweb.run", logging.Formatter(SCRAPYDWEB), stream)
    ox = Program("onyx", "onyx.utils.logger", OnyxColoredFormatter(ONYX, ONYX_DATEFMT), stream)
    run = lg(sw, "scrapydweb.run")
    cfg = lg(sw, "scrapydweb.utils.check_app_config")
    sub = lg(sw, "scrapydweb.utils.sub_process")
    poll = lg(sw, "scrapydweb.utils.poll")
    wz = lg(sw, "werkzeug")
    onyx = lg(ox, "onyx.utils.logger")

    def o(level, path, line, func, msg, *args, exc=None):
        at(onyx, level, f"{ONYX_APP}/{path}", line, func, msg, *args, exc=exc)

    with level_names({25: "NOTICE"}):
        printed(stream, "%s+0000 [-] Loading /usr/local/lib/python3.11/site-packages/scrapyd/txapp.py..."
                % now("%Y-%m-%dT%H:%M:%S"))
        printed(stream, "%s+0000 [-] Scrapyd web console available at http://0.0.0.0:6800/" % now("%Y-%m-%dT%H:%M:%S"))
        run.info("ScrapydWeb version: %s", "1.5.0")
        run.info("Use 'scrapydweb -h' to get help")
        run.info("Main pid: %s", 1)
        run.debug("Loading default settings from %s", "/usr/local/lib/python3.11/site-packages/scrapydweb/"
                  "default_settings.py")
        cfg.debug("Checking app config")
        cfg.info("Basic auth enabled with USERNAME/PASSWORD: '%s'/'%s'", "admin", "********")
        cfg.info("Setting up URL_SCRAPYDWEB: %s", "http://127.0.0.1:5000")
        cfg.info("Locating scrapy logfiles with SCRAPYD_LOG_EXTENSIONS: %s", [".log", ".log.gz", ".txt"])
        cfg.info("Scheduler for timer tasks: %s", "STATE_RUNNING")
        cfg.info("jobs_snapshot (trigger: interval[0:05:00], next run at: %s UTC)", "2024-05-11 14:49:44")
        cfg.debug("Checking connectivity of SCRAPYD_SERVERS...")
        for node in NODES:
            cfg.debug("%s with auth %s got status_code %s" % ("http://%s" % node, None, 200))
        sub.info("Start polling job stats for monitor & alert in the background with pid: %s", 27)
        printed(stream, "INFO:     Started server process [1]")
        printed(stream, "INFO:     Waiting for application startup.")
        o(25, "main.py", 335, "lifespan", "System recursion limit set to %s", 2000)
        o(25, "setup.py", 129, "setup_onyx", 'Using Embedding model: "%s"', "nomic-ai/nomic-embed-text-v1")
        o(25, "setup.py", 131, "setup_onyx", 'Query embedding prefix: "%s"', "search_query: ")
        o(25, "setup.py", 132, "setup_onyx", 'Passage embedding prefix: "%s"', "search_document: ")
        o(25, "setup.py", 149, "setup_onyx", "Verifying Document Index(s) is/are available.")
        o(25, "setup.py", 167, "setup_onyx", "Model Server: http://%s:%s", "inference_model_server", 9000)
        o(25, "setup.py", 275, "setup_postgres", "Verifying default connector/credential exist.")
        o(logging.INFO, "setup.py", 327, "setup_onyx", "GPU available: %s", False)
        printed(stream, "INFO:     Application startup complete.")
        printed(stream, "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)")
        queries = ["how do I rotate the RDS credentials", "pagerduty escalation policy for payments",
                   "terraform state lock dynamodb", "restore a snapshot to a new cluster", "what is the on-call "
                   "handover checklist", "vpc peering limits"]
        for cycle in range(9):
            with pid(27):
                for n, node in enumerate(NODES, 1):
                    poll.debug("[node %s] fetch_jobs: %s", n, "http://%s/jobs" % node)
                    poll.debug("[node %s] fetch_jobs got (%s) %s bytes", n, 200, 5120 + 97 * cycle + n)
                    poll.debug("[node %s] got running_jobs: %s", n, (cycle + n) % 3)
                    if cycle % 3 == n:
                        poll.info("[node %s] new added finished_jobs_set: %s", n,
                                  {("docs_crawler", SPIDERS[n][1], "2024-05-11T14_%02d_00" % (40 + cycle))})
                if cycle == 4:
                    poll.error("[node %s %s] fetch_stats failed: %s", 2, NODES[1], "http://scrapydweb:5000/2/log/"
                               "stats/docs_crawler/runbooks/2024-05-11T14_44_00/")
                    poll.info("[node %s] retry in next round: %s", 2, "http://scrapydweb:5000/2/log/stats/"
                              "docs_crawler/runbooks/2024-05-11T14_44_00/")
                if cycle == 6:
                    def make_request():
                        def get():
                            raised("requests.exceptions", "ConnectionError",
                                   "HTTPConnectionPool(host='scrapyd-2', port=6800): Max retries exceeded with url: "
                                   "/jobs (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at "
                                   "0x7f1e2c3d4a90>: Failed to establish a new connection: [Errno 111] Connection "
                                   "refused'))")
                        get()
                    try:
                        make_request()
                    except Exception:
                        poll.error(traceback.format_exc())
                poll.info("Sleeping for %ss", 300)
            for project, spider in SPIDERS[cycle % 3:cycle % 3 + 1]:
                job = "2024-05-11T14_%02d_00" % (40 + cycle)
                printed(stream, "%s+0000 [Launcher] Process started: project='%s' spider='%s' job='%s' pid=%d "
                        "log='logs/%s/%s/%s.log'" % (now("%Y-%m-%dT%H:%M:%S"), project, spider, job, 410 + cycle,
                                                     project, spider, job))
            for path, code in (("/1/dashboard/", 200), ("/1/api/daemonstatus/", 200), ("/1/schedule/", 200)):
                wz.info('%s - - [%s] "%s" %s %s\n', "10.0.1.20", now("%d/%b/%Y %H:%M:%S"),
                        "GET %s HTTP/1.1" % path, code, "-")
            q = queries[cycle % len(queries)]
            o(25, "server/query_and_chat/query_backend.py", 42, "admin_search", "Received admin search query: %s", q)
            if cycle in (2, 7):
                o(logging.INFO, "server/documents/connector.py", 1567, "create_connector_with_mock_credential",
                  "create_connector_with_mock_credential - running check_for_indexing: cc_pair=%s", 14 + cycle)
                o(logging.INFO, "server/documents/connector.py", 2086, "_send_indexing_check",
                  "Sending indexing check task with priority %s", 0)
            if cycle == 3:
                o(logging.WARNING, "server/documents/connector.py", 317, "upload_files",
                  "File has no filename, skipping")
            if cycle == 5:
                def value_error():
                    def parse():
                        raise ValueError("Invalid time filter: 'last fortnight'")
                    parse()
                try:
                    value_error()
                except Exception:
                    o(logging.ERROR, "main.py", 227, "value_error_handler", "ValueError", exc=True)
        printed(stream, "%s+0000 [-] Received SIGTERM, shutting down." % now("%Y-%m-%dT%H:%M:%S"))
    return {"name": "scrapydweb-onyx", "programs": [sw, ox], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A content-processing host on ECS (one log group): Loris cuts tiles and
# thumbnails of a digitised collection's scans from S3 (its
# SimpleHTTPResolver), and docling-serve converts uploaded PDFs.

IDENTS = ["ms-0142%2Ff001r.jp2", "ms-0142%2Ff001v.jp2", "ms-0142%2Ff002r.jp2", "map-1893-ohio.tif",
          "photo-4471.jpg", "ms-0207%2Ff012r.jp2"]
DOCS = [("2024-Q1-incident-review.pdf", 2183402), ("runbook-rds-failover.pdf", 412233),
        ("vendor-soc2-report.pdf", 5920113), ("architecture-decision-records.docx", 188450)]


def stream_loris_docling():
    stream = []
    lo = Program("loris", "root", logging.Formatter(LORIS), stream)
    dl = Program("docling-serve", "docling_serve.app", DoclingColoredFormatter(DOCLING, DOCLING_DATEFMT), stream)
    web = lg(lo, "root")
    resolver = lg(lo, "loris.resolver")
    info = lg(lo, "loris.img_info")
    tf = lg(lo, "loris.transforms")
    app = lg(dl, "docling_serve.app")
    conv = lg(dl, "docling.document_converter")
    uv = lg(dl, "uvicorn.error")
    acc = lg(dl, "uvicorn.access")

    printed(stream, "[%s.118203 2024] [mpm_event:notice] [pid 1:tid 140231] AH00489: Apache/2.4.57 (Debian) "
            "mod_wsgi/4.9.4 Python/3.11 configured -- resuming normal operations" % now("%a %b %d %H:%M:%S"))
    web.debug("Loris initialized with these settings:")
    for key, value in (("loris.Loris.tmp_dp", "/tmp/loris2/tmp"), ("loris.Loris.enable_caching", "True"),
                       ("logging.log_to", "console"), ("logging.log_level", "DEBUG"),
                       ("resolver.impl", "loris.resolver.SimpleHTTPResolver"),
                       ("resolver.source_prefix", "https://scans-bucket.s3.amazonaws.com/"),
                       ("transforms.target_formats", "['jpg', 'png', 'gif', 'webp']")):
        k, sub_key = key.rsplit(".", 1)
        web.debug("%s.%s=%s", k, sub_key, value)
    web.debug("Loaded Transformer %s", "loris.transforms.KakaduJP2Transformer")
    web.debug("Loaded Transformer %s", "loris.transforms.PIL_Transformer")
    printed(stream, "Starting production server 🚀")
    printed(stream, "Server started at http://0.0.0.0:5001")
    printed(stream, "Documentation at http://0.0.0.0:5001/docs")
    printed(stream, "Logs:")
    uv.info("Started server process [%d]", 1)
    uv.info("Waiting for application startup.")
    app.info("Found static assets.")
    uv.info("Application startup complete.")
    uv.info("Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 5001)
    for cycle in range(7):
        for i, ident in enumerate(IDENTS):
            src = "https://scans-bucket.s3.amazonaws.com/" + ident.replace("%2F", "/")
            local = "/usr/local/share/images/loris/" + ident.replace("%2F", "/")
            if cycle == 0 or (i + cycle) % 5 == 0:
                resolver.info("Copied %s to %s", src, local)
                if ident.endswith(".jp2"):
                    info.debug("Extracting info from JP2 file: %s" % local)
                else:
                    info.debug("Extracting info from file with Pillow.")
                info.debug("Created %s", "/var/cache/loris/info/" + ident.replace("%2F", "/"))
            web.debug("Image Request Path: %s", "/%s/full/!400,400/0/default.jpg" % ident)
            if ident.endswith(".jp2"):
                tf.debug("kdu region parameter: %s", "-region '{0.0,0.0},{1.0,1.0}'")
            else:
                tf.debug("Resizing to: %r", (400, 311 + i))
            if (i + cycle) % 9 == 4:
                web.debug("Sent 304 for %s ", ident)
            if cycle == 3 and i == 3:
                tf.warning("Error converting %r to sRGB: %r", "<PIL.TiffImagePlugin.TiffImageFile image mode=CMYK "
                           "size=9120x7016 at 0x7F3A2B1C5E90>", "PyCMSError('cannot build transform')")
            if cycle == 5 and i == 5:
                resolver.warning("Bad URL request at %s for identifier: %s.", src, ident)
                web.error(f"{ident} transform exception: ChildProcessError: kdu_expand exited with status 255")
        doc, size = DOCS[cycle % len(DOCS)]
        tenant = "search-indexer" if cycle % 3 else None
        app.info(f"[TENANT_ID] Extracted tenant_id from header: '{tenant or 'default'}' (header_value: '{tenant}')")
        app.info(f"[TENANT_ID] _enqueue_file called with tenant_id='{tenant}', processing 1 files")
        app.info(f"File 0: name={doc}, size={size} bytes, md5={'%012x' % (0x3fa9c2 * (cycle + 1))}, "
                 f"content_type=application/pdf")
        task = "%08x-4c1e-4b7a-9d2e-%012x" % (0x5e1d0a00 + cycle, 0x8c21 + cycle)
        app.info(f"[TENANT_ID] File task {task} created with tenant_id='{tenant or 'default'}'")
        conv.info("Going to convert document batch...")
        conv.info("Finished converting document %s in %.2f sec.", doc, 3.4 + 2.1 * cycle)
        acc.info('%s - "%s %s HTTP/%s" %d', "10.0.7.31:53314", "POST", "/v1/convert/file/async", "1.1", 200)
        acc.info('%s - "%s %s HTTP/%s" %d', "10.0.7.31:53314", "GET", "/v1/status/poll/%s" % task, "1.1", 200)
        acc.info('%s - "%s %s HTTP/%s" %d', "10.0.2.14:40022", "GET", "/health", "1.1", 200)
        if cycle == 4:
            app.warning(f"[TENANT_ID] Tenant mismatch for task {task}: caller='default' owner='search-indexer' - "
                        "denying access")
            acc.info('%s - "%s %s HTTP/%s" %d', "10.0.7.31:53314", "GET", "/v1/result/%s" % task, "1.1", 404)
    # The background queue processor dies: app.py logs it with exc_info.
    def process_queue():
        def dequeue():
            raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. Connection refused.")
        dequeue()
    try:
        process_queue()
    except Exception as exc:
        app.error("Background queue processor died: %s", exc, exc_info=exc)
    acc.info('%s - "%s %s HTTP/%s" %d', "10.0.2.14:40022", "GET", "/health", "1.1", 503)
    uv.info("Shutting down")
    uv.info("Finished server process [%d]", 1)
    printed(stream, "[%s.902113 2024] [mpm_event:notice] [pid 1:tid 140231] AH00491: caught SIGTERM, shutting down"
            % now("%a %b %d %H:%M:%S"))
    return {"name": "loris-docling", "programs": [lo, dl], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_wpull_trough(), stream_scrapydweb_onyx(), stream_loris_docling()])


if __name__ == "__main__":
    main()
