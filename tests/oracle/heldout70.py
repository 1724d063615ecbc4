"""The 70-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout69.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in search and crawling (a search team's indexing host on
EC2, where diskover crawls the shared file servers into Elasticsearch
beside Gerapy, which schedules the team's Scrapy spiders on its scrapyd
nodes; a web-measurement crawl node, where OpenWPM drives Firefox through
a site list and Lookyloo captures and indexes suspicious pages for the
security team; a feed and change-watch cron container, where lemon24's
reader updates the team's feeds and webchanges watches vendor pages for
changes), each format copied from the file named beside it (the version
read is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout70

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 5a0e744 (session 29's three rules in, none
written from this set), with nothing configured: 51.7% exact, 64.0% key
fields (asctime 100.0%, levelname 100.0%, name 74.7%, message 89.4%).

Formatters and filters: all six use logging.Formatter itself, no filter.
diskover's console handler (LOGTOFILE on, so a StreamHandler of its own on
the "diskover" and "diskover_elasticsearch" loggers) prints the cookbook's
" - "-separated format. Gerapy's get_logger gives each module's logger a
stdout handler of settings.LOG_FORMAT: the level first, then the time,
"process: " and the pid, the file, the name, the line and the module, all
" - "-separated. OpenWPM's MPLogger gives the "openwpm" logger a stdout
handler printing the module padded to twenty and the level to eight, no
time (its file handler, with the time and process, writes to
openwpm.log). Lookyloo's config/logging.json (the shipped sample) prints
the time in brackets, the logger's name (each manager's class name,
"AsyncCapture") and "LEVEL:" glued to the message; its website runs under
gunicorn (Popen from bin/start_website.py), whose error-log records are
`realworld.gunicorn_programs`. reader's CLI handler on the "reader"
logger prints an ISO time with the "T" and no fraction ("%Y-%m-%dT%H:%M:%S"),
the pid padded to seven and the level to eight; its update messages go
through its structlog Renderer (the event, two spaces, then logfmt
key=value pairs: "updated  status=ok feed=..."). webchanges' basicConfig
prints the module and the thread id in brackets ("worker[140...]").

543 records in three streams (206, 142 and 195; 95 of them print lines
or a bare traceback).

Print lines: diskover's red ASCII-art banner (a print() with "\\u001b[31;1m"
... "\\u001b[0m"), Django runserver's startup lines for Gerapy and
APScheduler's warnings through logging's lastResort handler (no handler on
"apscheduler": the bare message on stderr), the shell's lines, reader's
click.echo progress lines (elapsed, position, URL, status, tab-separated;
click strips the colours off a pipe), webchanges' report on stdout and a
bare traceback from a Lookyloo script run by hand, which nothing caught.

The messages are modelled on the programs' source, most read at the
commits cited: diskover's diskover.py (log_setup, the CRAWL STATS and "***"
summary lines), Gerapy's server/core/scheduler.py with its line numbers,
OpenWPM's browser_manager.py, task_manager.py and commands/
browser_commands.py, Lookyloo's lookyloo/default/abstractmanager.py and
bin/archiver.py, reader's _cli.py and _update/base.py with its _logging.py
Renderer, webchanges' cli.py, worker.py and handler.py. Modelled rather
than read: the values (paths, URLs, job ids, thread ids), the order and
number of records, the exception texts of third-party libraries, the
install paths, and Gerapy's views.py messages.

Left out: ArchiveBox (ArchiveBox/ArchiveBox 81d6d36f
archivebox/core/settings_logging.py: its handlers are rich's RichHandler,
whose layout no format string describes), changedetection.io
(dgtlmoon/changedetection.io fce24780: loguru, not logging), scrapyrt
(scrapinghub/scrapyrt 6d00a0a scrapyrt/log.py: Scrapy's LOG_FORMAT, in
`realworld.py`), SpiderKeeper (DormyMo/SpiderKeeper d6156d3
SpiderKeeper/app/__init__.py: the same format as diskover's, kept for a
later set), ArchiveBot (ArchiveTeam/ArchiveBot 9a0a8ad: only its viewer
calls basicConfig(level=...), the default format), reader's web app
(src/reader/_app/wsgi.py: Flask's default format, in `realworld.py`), and,
named in earlier sets, Scrapy, Scrapy Cluster, ScrapydWeb, scrapyd,
Frontera, brozzler, warcprox, pywb, wpull, grab-site, Crawlee, SearXNG,
whoogle-search, LinkChecker, urlwatch, rss2email, news-please, zimit,
mwmbl, FlareSolverr and SpiderFoot.
"""

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

# diskover (diskoverdata/diskover-community, c2ba335), diskover/diskover.py
# log_setup's logformat (the console StreamHandler of "diskover" and
# "diskover_elasticsearch"; basicConfig's when LOGTOFILE is off).
DISKOVER = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Gerapy (Gerapy/Gerapy, f2c2a97), gerapy/settings.py LOG_FORMAT's default,
# through gerapy/__init__.py get_logger's stdout StreamHandler.
GERAPY = ("%(levelname)s - %(asctime)s - process: %(process)d - %(filename)s - %(name)s - %(lineno)d - "
          "%(module)s - %(message)s")
# OpenWPM (openwpm/OpenWPM, 67c7b679), openwpm/mp_logger.py
# MPLogger._initialize_loggers's consoleHandler (stdout) on "openwpm".
OPENWPM = "%(module)-20s - %(levelname)-8s - %(message)s"
# Lookyloo (Lookyloo/lookyloo, def517a6), config/logging.json.sample's
# "simple" formatter (the root's "stdout" handler, at INFO), through
# logging.config.dictConfig in each bin/ script.
LOOKYLOO = "[%(asctime)s] %(name)s %(levelname)s:%(message)s"
# reader (lemon24/reader, fb77ceee), src/reader/_cli.py setup_logging's
# StreamHandler on the "reader" logger.
READER = "%(asctime)s %(process)7s %(levelname)-8s %(message)s"
READER_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# webchanges (mborsetti/webchanges, 75409a7), webchanges/cli.py
# setup_logger's logging.basicConfig (run with -v: INFO, -vv: DEBUG).
WEBCHANGES = "%(asctime)s %(module)s[%(thread)s] %(levelname)s: %(message)s"

SITE = "/usr/local/lib/python3.12/site-packages/"


# --------------------------------------------------------------------------
# A search team's indexing host on EC2 (Docker's awslogs driver, one stream
# for the compose project): diskover crawls the shared file servers' NFS
# mounts into Elasticsearch every night, and Gerapy schedules the team's
# Scrapy spiders on its scrapyd nodes.

TREES = [("/mnt/fsx/engineering", 41873, 5120), ("/mnt/fsx/finance", 9921, 731),
         ("/mnt/efs/build-artifacts", 120544, 8770)]
CLIENTS = [(1, "scrapyd-a", "10.0.4.21:6800"), (2, "scrapyd-b", "10.0.4.22:6800")]
TASKS = [(3, "docs_crawler", "docs_site"), (4, "docs_crawler", "status_pages"), (7, "vendor_kb", "kb_articles")]


def stream_diskover_gerapy():
    stream = []
    dk = Program("diskover", "diskover", logging.Formatter(DISKOVER), stream)
    gp = Program("gerapy", "gerapy.server.core.scheduler", logging.Formatter(GERAPY), stream)
    d = lg(dk, "diskover")
    des = lg(dk, "diskover_elasticsearch")
    es = lg(dk, "elasticsearch", logging.WARNING)
    sched = lg(gp, "gerapy.server.core.scheduler")
    views = lg(gp, "gerapy.server.core.views")
    core = SITE + "gerapy/server/core/"

    def s(level, line, func, msg, *args):
        with pid(27):
            at(sched, level, core + "scheduler.py", line, func, msg, *args)

    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: admin, auth, contenttypes, core, django_apscheduler, sessions")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    printed(stream, "Watching for file changes with StatReloader")
    s(logging.INFO, 110, "sync_jobs", "successfully synced task with jobs with force")
    printed(stream, "Performing system checks...")
    printed(stream, "")
    printed(stream, "System check identified no issues (0 silenced).")
    printed(stream, now("%B %d, %Y - %H:%M:%S"))
    printed(stream, "Django version 2.2.28, using settings 'gerapy.server.server.settings'")
    printed(stream, "Starting development server at http://0.0.0.0:8000/")
    printed(stream, "Quit the server with CONTROL-C.")

    for night, (tree, files, dirs) in enumerate(TREES):
        index = "diskover-%s-%s" % (tree.strip("/").replace("/", "_"), now("%Y%m%d%H%M"))
        for line in ["\033[31;1m", "            _ _     _                       ",
                     "         __| |_ ___| | _______   _____ _ __ ",
                     "       | (_| | \\__ \\   < (_) \\ V /  __/ |    (='.'=)",
                     '            "Bringing light to the darkness."', "            v2.3.5 community edition (ce)",
                     "            https://diskoverdata.com", "", "    \033[0m"]:
            printed(stream, line)
        d.info("Logging output to /var/log/diskover/diskover_%s_%s.log", tree.replace("/", "_"),
               now("%Y_%m_%d_%H_%M_%S"))
        d.info("Logging warnings to /var/log/diskover/diskover_%s_%s_warnings.log", tree.replace("/", "_"),
               now("%Y_%m_%d_%H_%M_%S"))
        d.info("Creating index {0}...".format(index))
        d.info("No plugins loaded")
        d.info("maxthreads set to {0}".format(16))
        d.info("indexthreads set to {0}".format(8))
        d.info("Crawling dir tree {0}...".format(tree))
        for step in range(5):
            f, dd = files * (step + 1) // 5, dirs * (step + 1) // 5
            d.info("CRAWL STATS (path {0}, files {1} (skipped {2}), dirs {3} (skipped {4}), elapsed {5}, perf "
                   "{6:.3f} inodes/s (max {7:.3f}, min {8:.3f}, avg {9:.3f}), {10} paths still scanning {11}, "
                   "memory usage {12})".format(
                       tree, f, step * 3, dd, step, "%ds" % (30 * (step + 1)), (f + dd) / (30 * (step + 1)), 1602.114,
                       811.5, 1207.331, 2 - step // 3, [tree + "/archive"] if step < 3 else [],
                       "%.1f MB" % (212.4 + step * 9)))
            for t in range(2):
                des.debug("[{0}] Indexing {1} docs...".format("ThreadPoolExecutor-1_%d" % t, 1000))
                des.debug("[{0}] Indexing {1} docs completed in {2:.3f}s".format(
                    "ThreadPoolExecutor-1_%d" % t, 1000, 0.412 + step * 0.03 + t * 0.1))
            if step == 2:
                d.warning("[{0}] OS ERROR: {1}".format("ThreadPoolExecutor-0_3", "[Errno 13] Permission denied: "
                                                       "'%s/hr/salaries'" % tree))
            if step == 3 and night == 1:
                es.warning("POST http://elasticsearch:9200/_bulk [status:429 request:0.211s]")
                d.warning("[{0}] UNICODE WARNING {1}".format("ThreadPoolExecutor-0_1",
                                                             tree + "/scans/R\u00e9sum\u00e9 (copy).pdf"))
            if step == 4 and night == 2:
                def upload():
                    def bulk():
                        raised("elasticsearch.exceptions", "ConnectionTimeout",
                               "ConnectionTimeout caused by - ReadTimeoutError(HTTPConnectionPool("
                               "host='elasticsearch', port=9200): Read timed out. (read timeout=30))")
                    bulk()
                try:
                    upload()
                except Exception:
                    d.critical("[{0}] ES BULK UPLOAD ERROR!".format("ThreadPoolExecutor-1_1"), exc_info=True)
            d.info("ES UPLOAD STATS (path {0}, uploaded {1} docs, upload time {2}, perf {3:.3f} docs/s (max {4:.3f}, "
                   "min {5:.3f}, avg {6:.3f}))".format(tree, f + dd, "%ds" % (9 + step * 8), (f + dd) / (9 + step * 8),
                                                       2210.5, 1180.2, 1690.07))
        d.info("Crawling dir tree {0} completed in {1}".format(tree, "%dm %ds" % (2 + night, 31)))
        d.info("*** finished walking {0} ***".format(tree))
        d.info("*** walk files {0}, skipped {1} ***".format(files, 12))
        d.info("*** walk size {0} ***".format("%.2f GB" % (files / 1300)))
        d.info("*** walk dirs {0}, skipped {1} ***".format(dirs, 4))
        d.info("*** docs indexed {0} ***".format(files + dirs))
        d.info("*** warnings/errors {0} ***".format(2 + night))
        # Gerapy's heartbeat and the spiders' runs between the crawls.
        for task, project, spider in TASKS:
            for cid, cname, addr in CLIENTS:
                s(logging.INFO, 39, "execute", "execute job of client %s, project %s, spider %s", cname, project,
                  spider)
        if night == 0:
            s(logging.INFO, 128, "_remove_deprecated_jobs", "deleting deprecated jobs")
            s(logging.INFO, 132, "_remove_deprecated_jobs", "deleted deprecated jobs %s", ["1-2", "2-2"])
            s(logging.INFO, 110, "sync_jobs", "successfully synced task with jobs with force")
        if night == 1:
            printed(stream, 'Execution of job "execute (trigger: interval[0:30:00], next run at: %s UTC)" skipped: '
                            "maximum number of running instances reached (10)" % now("%Y-%m-%d %H:%M:%S"))
            with pid(27):
                at(views, logging.ERROR, core + "views.py", 481, "project_build",
                   "build error %s", "scrapyd-deploy: egg build failed for project vendor_kb")
        printed(stream, '[%s] "GET /api/task/status HTTP/1.1" 200 %d' % (now("%d/%b/%Y %H:%M:%S"), 412 + night))
        if night == 2:
            def schedule():
                def post():
                    raised("requests.exceptions", "ConnectionError",
                           "HTTPConnectionPool(host='10.0.4.22', port=6800): Max retries exceeded with url: "
                           "/schedule.json (Caused by NewConnectionError('<urllib3.connection.HTTPConnection "
                           "object at 0x7f0c5a3e1d50>: Failed to establish a new connection: [Errno 111] Connection "
                           "refused'))")
                post()
            printed(stream, 'Job "execute (trigger: interval[0:30:00], next run at: %s UTC)" raised an exception'
                    % now("%Y-%m-%d %H:%M:%S"))
            uncaught(stream, schedule)
    return {"name": "diskover-gerapy", "programs": [dk, gp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A web-measurement and capture node on EC2: OpenWPM drives two Firefox
# browsers through the team's site list, and Lookyloo captures the pages
# the security team submits (its async_capture and background_indexer
# managers, its website under gunicorn).

SITES = ["https://www.example-bank.com", "https://status.vendor.io", "https://news.ycombinator.com",
         "https://www.wikipedia.org", "https://shop.example.net", "https://login.example-sso.com",
         "https://cdn.examplecdn.org", "https://docs.python.org", "https://www.bbc.co.uk",
         "https://tracker.ads.example"]


def stream_openwpm_lookyloo():
    stream = []
    ow = Program("openwpm", "openwpm", logging.Formatter(OPENWPM), stream)
    lk = Program("lookyloo", "AsyncCapture", logging.Formatter(LOOKYLOO), stream)
    gun, _ = realworld.gunicorn_programs(stream)
    o = lg(ow, "openwpm")
    cap = lg(lk, "AsyncCapture")
    idx = lg(lk, "BackgroundIndexer")
    web = lg(lk, "Website")
    arch = lg(lk, "Archiver")
    base = SITE + "openwpm/"

    def w(level, path, line, func, msg, *args, exc=None):
        at(o, level, base + path, line, func, msg, *args, exc=exc)

    for name, log in (("Website", web), ("AsyncCapture", cap), ("BackgroundIndexer", idx), ("Archiver", arch)):
        log.info(f"Initializing {name}")
        log.info(f"Launching {name}")
    with pid(41):
        gun.log.info("Starting gunicorn 23.0.0")
    with pid(41):
        gun.log.info("Listening at: http://0.0.0.0:5100 (41)")
    with pid(41):
        gun.log.info("Using worker: sync")
    for p in range(44, 48):
        with pid(p):
            gun.log.info("Booting worker with pid: %s", p)
    w(logging.INFO, "task_manager.py", 152, "__init__", "OpenWPM Version: v0.30.0\nFirefox Version: 123.0")
    for b in (1, 2):
        w(logging.INFO, "browser_manager.py", 150, "launch_browser_manager", "BROWSER %i: Launching browser..." % b)
    for visit, site in enumerate(SITES * 2):
        b = 1 + visit % 2
        vid = 7330000000000000 + visit * 1721
        w(logging.INFO, "browser_manager.py", 383, "execute_command_sequence",
          "Starting to work on CommandSequence with visit_id %d on browser with id %d", vid, b)
        w(logging.INFO, "browser_manager.py", 512, "BrowserManager.run",
          "BROWSER %i: EXECUTING COMMAND: %s" % (b, "GetCommand(%s,3)" % site))
        if visit % 7 == 3:
            w(logging.INFO, "browser_manager.py", 447, "execute_command_sequence",
              "BROWSER %i: Received neterror %s while executing command: %s" % (b, "dnsNotFound",
                                                                                "GetCommand(%s,3)" % site))
        elif visit == 8:
            def execute():
                def get():
                    raised("selenium.common.exceptions", "WebDriverException",
                           "Message: Failed to decode response from marionette\n")
                get()
            try:
                execute()
            except Exception:
                w(logging.ERROR, "browser_manager.py", 550, "BrowserManager.run",
                  "BROWSER %i: WebDriverException while executing command" % b, exc=True)
            w(logging.INFO, "browser_manager.py", 439, "execute_command_sequence",
              "BROWSER %i: Received failure status while executing command: %s" % (b, "GetCommand(%s,3)" % site))
            w(logging.INFO, "browser_manager.py", 254, "restart_browser_manager",
              "BROWSER %i: BrowserManager restart initiated. Clear profile? %s" % (b, False))
            w(logging.INFO, "browser_manager.py", 150, "launch_browser_manager", "BROWSER %i: Launching browser..." % b)
        else:
            w(logging.INFO, "browser_manager.py", 512, "BrowserManager.run",
              "BROWSER %i: EXECUTING COMMAND: %s" % (b, "BrowseCommand(%s,3,1)" % site))
            if visit % 5 == 1:
                w(logging.INFO, "browser_commands.py", 212, "BrowseCommand.execute",
                  "BROWSER %i: visiting internal link %s" % (b, site + "/about"))
            if visit == 13:
                w(logging.WARNING, "browser_commands.py", 160, "_check_instrumentation",
                  "BROWSER %i: could not check JS instrumentation status; the probe failed to run: %s", b,
                  "Message: Document was unloaded")
        w(logging.INFO, "browser_manager.py", 421, "execute_command_sequence",
          "Finished working on CommandSequence with visit_id %d on browser with id %d", vid, b)
        if visit == 11:
            w(logging.INFO, "task_manager.py", 240, "_manager_watchdog",
              "BROWSER %i: Memory usage: %iMB, exceeding limit of %iMB" % (b, 1611, 1500))
        # Lookyloo's side: captures submitted, built and indexed.
        if visit % 3 == 0:
            uuid = "%08x-4b1e-4c2a-9f3d-%012x" % (0x5e7a0000 + visit, 0xa1b2c3d4e5 + visit)
            if visit == 6:
                cap.info(f'UUID "{uuid}" is not queued, not ready for sure.')
            cap.info(f"[{uuid}] Capture of https://suspicious-{visit}.example.top/login done.")
            idx.info(f"Indexing {uuid}")
            if visit == 9:
                idx.warning(f"[{uuid}] Unable to build pickle for {uuid}: no HAR file")
        if visit == 12:
            cap.info("Max amount of captures in parallel reached (8)")
            cap.warning("[b4c1d2e3-0000-4c2a-9f3d-00a1b2c3d4f1] Settings are broken, clearing them up: 1 "
                        "validation error for LookylooCaptureSettings.")
        if visit == 15:
            def capture():
                def consume_queue():
                    raised("redis.exceptions", "ConnectionError",
                           "Error 111 connecting to /lookyloo/cache/cache.sock. Connection refused.")
                consume_queue()
            try:
                capture()
            except Exception:
                cap.exception("Something went terribly wrong in AsyncCapture.")

            # A one-off bin/ script run by hand dies on a capture's tree.
            def rebuild():
                def load_tree():
                    raised("lookyloo.exceptions", "NoValidHarFile", "Unable to find any valid HAR file.")
                load_tree()
            uncaught(stream, rebuild)
    arch.info("Got 3 non existing dirs in /lookyloo/scraped/2024/05, removing them from the index.")
    arch.warning("/lookyloo/scraped/2024/05/2024-05-11T14:44:44.123456 is empty, removing.")
    arch.info("Writing index /lookyloo/scraped/2024/05/index.")
    arch.info("41 new captures in /lookyloo/scraped/2024/05.")
    printed(stream, "lookyloo-1  | Gracefully stopping... (press Ctrl+C again to force)")
    with pid(41):
        gun.log.info("Handling signal: term")
    for p in range(44, 48):
        with pid(p):
            gun.log.info("Worker exiting (pid: %s)", p)
    with pid(41):
        gun.log.info("Shutting down: Master")
    for name, log in (("Website", web), ("AsyncCapture", cap), ("BackgroundIndexer", idx), ("Archiver", arch)):
        log.info(f"Shutting down {name}")
    return {"name": "openwpm-lookyloo", "programs": [ow, lk], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A feed and change-watch cron container on ECS (awslogs, one stream per
# task): `reader update -vvvv` updates the feeds the SRE team follows, and
# `webchanges -vv` checks vendor status and changelog pages for changes.

FEEDS = ["https://status.aws.amazon.com/rss/all.rss", "https://www.githubstatus.com/history.rss",
         "https://kubernetes.io/feed.xml", "https://github.com/hashicorp/terraform/releases.atom",
         "https://www.postgresql.org/news.rss", "https://lwn.net/headlines/rss", "https://hnrss.org/frontpage",
         "https://www.cloudflarestatus.com/history.atom", "https://grafana.com/blog/index.xml"]
PAGES = ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/WhatsNew.html", "https://nginx.org/en/CHANGES",
         "https://www.openssl.org/news/vulnerabilities.html", "https://endoflife.date/python",
         "https://kubernetes.io/releases/", "https://www.redis.io/docs/latest/operate/oss_and_stack/stack-with-"
         "enterprise/release-notes/", "https://status.datadoghq.com/"]
THREADS = [140417726551872, 140417709770304, 140417701377600, 140417692984896, 140417684592192]


def stream_reader_webchanges():
    stream = []
    rd = Program("reader", "reader", logging.Formatter(READER, READER_DATEFMT), stream)
    wc = Program("webchanges", "webchanges", logging.Formatter(WEBCHANGES), stream)
    r = lg(rd, "reader")
    cli = lg(rd, "reader._cli")
    wlog = lg(wc, "webchanges.worker")
    main_thread = 140417755965248

    def wat(level, module, line, func, msg, thread=main_thread, exc=None):
        log = lg(wc, "webchanges." + module)
        record = log.makeRecord(log.name, level, SITE + "webchanges/" + module + ".py", line, msg, (), exc, func=func)
        record.thread = thread
        log.handle(record)

    for run in range(3):
        printed(stream, "+ reader --db /data/reader.sqlite update -vvvv --workers 4")
        with pid(7 + run * 100):
            cli.info("command started: %s", "cli {'db': '/data/reader.sqlite', 'plugin': (), 'cli_plugin': (), "
                     "'debug_storage': False} update {'url': None, 'new': None, 'scheduled': True, 'workers': 4}")
            for i, url in enumerate(FEEDS):
                if (i + run) % 4 == 0:
                    r.info("updated  status=not_modified feed=%s", url)
                    printed(stream, "0:00:0%d.%06d\t%d/?\t%s\tnot modified" % (i // 3, 120331 + i * 7001, i, url))
                    continue
                if i == 4 and run == 1:
                    def parse():
                        def retrieve():
                            raised("reader.exceptions", "ParseError", "bad HTTP status code: 503")
                        retrieve()
                    try:
                        parse()
                    except Exception as e:
                        r.error('updated  status=error feed=%s exception="ParseError: %s"', url, e,
                                exc_info=sys.exc_info())
                    printed(stream, "0:00:02.%06d\t%d/?\t%s\tbad HTTP status code: 503" % (401277 + run, i, url))
                    continue
                for e in range((i + run) % 3):
                    r.debug("entry new, updating  feed=%s entry=%s", url, "%s#item-%d" % (url, 900 + e + run))
                if i == 6:
                    r.info("forbidden, retrying  status=403 feed=%s", url)
                new, mod, total = (i + run) % 3, (i * run) % 2, 20 + i * 3
                r.info("updated  status=ok feed=%s new=%d modified=%d unmodified=%d", url, new, mod, total - new - mod)
                printed(stream, "0:00:0%d.%06d\t%d/?\t%s\t%d new, %d modified, %d total" % (
                    i // 3, 233110 + i * 9003, i, url, new, mod, total))
            cli.info("command finished successfully")
        # webchanges' run over the watched pages.
        printed(stream, "+ webchanges -vv --jobs /data/jobs.yaml --config /data/config.yaml")
        wat(logging.INFO, "cli", 122, "setup_logger", "webchanges: 3.36.1 Copyright 2020- Mike Borsetti")
        wat(logging.INFO, "cli", 123, "setup_logger", "CPython: 3.12.4 ('main', 'Jun 27 2024 00:08:09') GCC 12.2.0")
        wat(logging.INFO, "cli", 127, "setup_logger",
            "System: Linux-6.1.90-99.173.amzn2023.x86_64-x86_64-with-glibc2.36")
        wat(logging.DEBUG, "command", 84, "_jobs_stats", f"Processing {len(PAGES)} jobs")
        wat(logging.DEBUG, "worker", 194, "run_jobs", "Running jobs that do not require Chrome (without 'use_browser: "
            "true') in parallel with Python's default max_workers.")
        for j, page in enumerate(PAGES, 1):
            t = THREADS[(j + run) % len(THREADS)]
            wat(logging.INFO, "handler", 212, "process", f"Job {j}: {page} started processing (UrlJob)", t)
            if (j + run) % 5 == 2:
                wat(logging.INFO, "worker", 107, "job_runner", f"Job {j}: Job has not changed (HTTP 304 response)")
                continue
            if j == 6 and run == 2:
                # httpx.ReadTimeout: the handler keeps it, no traceback logged.
                wat(logging.INFO, "handler", 274, "process",
                    f"Job {j}: Job ended with an error; incrementing cumulative error runs to 1", t)
                wat(logging.INFO, "handler", 280, "process", f"Job {j}: {page} ended processing", t)
                wat(logging.DEBUG, "worker", 118, "job_runner", f"Job {j}: Job error suppressed as cumulative number "
                    "of failures (1) does not exceed max_tries=3")
                continue
            size = 18211 + j * 3907 + run * 41
            wat(logging.INFO, "handler", 226, "process", f"Job {j}: Retrieved {size} bytes of text/html content.", t)
            wat(logging.INFO, "handler", 280, "process", f"Job {j}: {page} ended processing", t)
            wat(logging.INFO, "handler", 201, "save", f"Job {j}: Saved new data to database")
        if run == 1:
            wlog.warning("Job 3: Job has received an HTTP response of a typically transient nature")
        wat(logging.DEBUG, "worker", 213, "run_jobs", "Found no jobs that require Chrome (i.e. with 'use_browser: "
            "true').")
        printed(stream, "===========================================================================")
        printed(stream, "01. CHANGED: %s" % PAGES[run])
        printed(stream, "===========================================================================")
        printed(stream, "-- ")
        printed(stream, "Checked %d source(s) in %.1f seconds with webchanges 3.36.1." % (len(PAGES), 6.3 + run))
        wat(logging.INFO, "cli", 376, "_exit", "Exiting with exit code 0")
    return {"name": "reader-webchanges", "programs": [rd, wc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_diskover_gerapy(), stream_openwpm_lookyloo(), stream_reader_webchanges()])


if __name__ == "__main__":
    main()
