"""DOCSTRING PLACEHOLDER"""

import json
import logging
import os
import sys
import time
import traceback

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import CLOCK, Program, Shown, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402

# warcprox 2.13.1 (internetarchive/warcprox v2.13.1, 25698fc), warcprox/
# main.py main's logging.basicConfig (stdout; `--verbose`: DEBUG, and its
# own TRACE (5) and NOTICE (25) levels from warcprox/__init__.py).
WARCPROX = ("%(asctime)s %(process)d %(levelname)s %(threadName)s "
            "%(name)s.%(funcName)s(%(filename)s:%(lineno)d) %(message)s")
# pywb 2.9.1 (webrecorder/pywb v-2.9.1, 162d7703), pywb/apps/cli.py
# BaseCli.__init__'s logging.basicConfig (`wayback`; wb-manager's, in
# pywb/manager/manager.py main, is the same).
PYWB = "%(asctime)s: [%(levelname)s]: %(message)s"
# pygeoapi 0.23.0 (geopython/pygeoapi 0.23.0, 7ff27c13), pygeoapi/log.py
# setup_logger's default_log_format and default_date_format (no logfile:
# logging.basicConfig on stderr).
PYGEOAPI = "[%(asctime)s] {%(pathname)s:%(lineno)d} %(levelname)s - %(message)s"
PYGEOAPI_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"
# pycsw 2.6.2 (geopython/pycsw 2.6.2, 67a74728), pycsw/core/log.py
# MSG_FORMAT and TIME_FORMAT through setup_logger's logging.basicConfig
# (its docker/pycsw.cfg: loglevel=DEBUG, an empty logfile, so stderr). The
# "[" before the time is missing there; the backslash-newline inside the
# string literal joins its two lines with one space.
PYCSW = ("%(asctime)s] [%(levelname)s] file=%(pathname)s line=%(lineno)s module=%(module)s "
         "function=%(funcName)s %(message)s")
PYCSW_DATEFMT = "%a, %d %b %Y %H:%M:%S"
# pycsw 2.6.2's docker/entrypoint.py: a bare logging.basicConfig(level=...)
# before it execs gunicorn (Python's BASIC_FORMAT).
PYCSW_ENTRYPOINT = logging.BASIC_FORMAT
# Thumbor 7.8.0 (thumbor/thumbor 7.8.0, a366291c), thumbor/config.py
# THUMBOR_LOG_FORMAT and THUMBOR_LOG_DATE_FORMAT through thumbor/server.py
# configure_log's logging.basicConfig (Tornado's access log included).
THUMBOR = "%(asctime)s %(name)s:%(levelname)s %(message)s"
THUMBOR_DATEFMT = "%Y-%m-%d %H:%M:%S"
# remotecv 5.2.0 (thumbor/remotecv 5.2.0, 8885db4), remotecv/worker.py
# main: --format's default through logging.basicConfig, without a datefmt
# (Python's default asctime); --level's default is debug.
REMOTECV = "%(asctime)s %(name)s:%(levelname)s %(message)s"
# SATOSA 8.5.1 (IdentityPython/SATOSA v8.5.1, 2cdf670), src/satosa/
# proxy_server.py make_app's default_logging_config (example/
# proxy_conf.yaml.example's "simple" formatter is the same).
SATOSA = "[%(asctime)s] [%(levelname)s] [%(name)s.%(funcName)s] %(message)s"
# LinOTP 3.4.4 (LinOTP/LinOTP release/3.4.4, 30692793), linotp/settings.py
# LOG_CONSOLE_LINE_FORMAT through linotp/app.py init_logging's dictConfig
# (the container's console handler; LINOTP_LOG_LEVEL=INFO). Its log file's
# LOG_FILE_LINE_FORMAT is Lemur's (`heldout6.py`): the image sends it to
# /dev/null.
LINOTP = "%(levelname)s: %(message)s [in %(pathname)s:%(lineno)d]"
# IRRd 4.5.3 (irrdnet/irrd v4.5.3, c2beab5c), irrd/conf/__init__.py
# LOGGING "verbose" (the console handler; logging.Formatter.converter is
# set to time.gmtime there).
IRRD = "%(asctime)s irrd[%(process)d]: [%(name)s#%(levelname)s] %(message)s"
# ARouteServer 1.23.2 (pierky/arouteserver v1.23.2, 85f24252), config.d/
# log.ini [formatter_simple] on its stderr handler (fileConfig from
# pierky/arouteserver/commands/base.py setup_logging).
AROUTESERVER = "ARouteServer %(asctime)s %(levelname)s %(message)s"
# amqtt 0.11.4 (Yakifo/amqtt v0.11.4, 55ba985), amqtt/scripts/
# broker_script.py broker_main's formatter through logging.basicConfig;
# with -d, its debug formatter.
AMQTT = "[%(asctime)s] :: %(levelname)s - %(message)s"
AMQTT_DEBUG = "[%(asctime)s] %(name)s:%(lineno)d :: %(levelname)s - %(message)s"
# mqttwarn 0.36.1 (mqtt-tools/mqttwarn 0.36.1, d91891a), mqttwarn/
# configuration.py Config's logformat default through mqttwarn/commands.py
# run_mqttwarn's logging.basicConfig (loglevel's default: DEBUG).
MQTTWARN = "%(asctime)-15s %(levelname)-8s [%(name)-26s] %(message)s"
# Ax 1.3.1 (facebook/Ax 1.3.1, 93b6c7d3a), ax/utils/common/logger.py
# _build_stream_formatter (the "ax" logger's ROOT_STREAM_HANDLER), whose
# `output_name` AxOutputNameFilter sets to the logger's name, and the
# Orchestrator's LoggerAdapter to "Orchestrator".
AX = "[%(levelname)s %(asctime)s] %(output_name)s: %(message)s"
AX_DATEFMT = "%m-%d %H:%M:%S"
# TorchX 0.7.0 (pytorch/torchx v0.7.0, 299ad04f), torchx/cli/main.py
# run_main's logging.basicConfig; off a terminal torchx/cli/colors.py sets
# BLUE, GRAY and ENDC to "", so the f-string leaves no codes.
TORCHX = "torchx %(asctime)s %(levelname)-8s %(message)s"
TORCHX_DATEFMT = "%Y-%m-%d %H:%M:%S"
# kojid (koji-project/koji koji-1.35.3, dd619e21), koji/__init__.py
# add_stderr_logger, which builder/kojid's __main__ adds in the foreground
# (builder/kojid.service: --fg --force-lock --verbose), into the journal.
KOJID = "%(asctime)s [%(levelname)s] {%(process)d} %(name)s:%(lineno)d %(message)s"
# mock 6.7 (rpm-software-management/mock mock-6.7-1, 73c75ff0), mock/etc/
# mock/logging.ini [formatter_detailed] (root.log: mock/py/mockbuild/
# config.py root_log_fmt_name) and [formatter_state] (state.log), through
# mock/py/mockbuild/buildroot.py resetLogging.
MOCK_ROOT = "%(levelname)s %(filename)s:%(lineno)d:  %(message)s"
MOCK_STATE = "%(asctime)s - %(message)s"
# Elyra 4.1.1 (elyra-ai/elyra v4.1.1, 885141281), elyra/kfp/bootstrapper.py
# main's logging.basicConfig (papermill's records go through it too).
ELYRA = "[%(levelname)1.1s %(asctime)s.%(msecs).03d] %(message)s"
ELYRA_DATEFMT = "%H:%M:%S"
# neptune-client 1.14.0 (neptune-ai/neptune-client 1.14.0, 657a7590),
# src/neptune/internal/utils/logger.py LOG_FORMAT through CustomFormatter.
NEPTUNE = "[%(name)s] [%(levelname)s] %(message)s"


def at(log, level, path, line, func, msg, *args, exc=None, extra=None):
    """A record as the program's own module writes it, `path` its full
    pathname (pygeoapi, pycsw and LinOTP print it; `%(filename)s` and
    `%(module)s` follow from it), with the exception being handled when
    `exc` is True."""
    if exc is True:
        exc = sys.exc_info()
    log.handle(log.makeRecord(log.name, level, path, line, msg, args, exc, func=func, extra=extra))


def tb_text(fn, *args):
    """The traceback of what `fn(*args)` raises, as traceback.format_exc()
    gives it."""
    try:
        fn(*args)
    except Exception:
        return traceback.format_exc()


def moved(buffer, stream):
    """Moves a program's last entry from its own buffer into the stream,
    stamped again: a line another process relays when it writes it (the
    format it was made with prints no time)."""
    entry = buffer.pop()
    entry["ms"] = round(CLOCK() * 1000)
    stream.append(entry)
    return entry


class NeptuneFormatter(logging.Formatter):
    """neptune.internal.utils.logger.CustomFormatter (1.14.0), as written
    there: the record's `levelname` lower-cased and padded to the width of
    "warning", then formatted with LOG_FORMAT. (The original keeps
    logging.Formatter's default format itself and builds a Formatter of
    LOG_FORMAT for each record; this one is given LOG_FORMAT so the
    declaration matches what it prints.)"""

    def __init__(self):
        super().__init__(NEPTUNE)

    def format(self, record):
        record.levelname = record.levelname.lower().ljust(len("warning"))
        formatter = logging.Formatter(NEPTUNE)
        return formatter.format(record)


class AxOutputName(logging.Filter):
    """ax.utils.common.logger.AxOutputNameFilter (1.3.1), as written there."""

    def filter(self, record):
        if not hasattr(record, "output_name"):
            record.output_name = record.name
        return True


# --------------------------------------------------------------------------
# A web-archiving EC2 instance: warcprox records the crawl a headless
# browser drives through it (run with --verbose --gzip, dedup and stats in
# SQLite), and pywb's `wayback` replays the collection from the same host,
# auto-indexing the WARCs that wb-manager adds when warcprox rolls one over.
# Fluent Bit's systemd input ships the two units' messages into one stream;
# pywb's gevent server writes its access lines itself, and with --debug
# pywb prints the tracebacks of records it fails to load.

WARCPROX_SRC = "/opt/warcprox/lib/python3.11/site-packages/warcprox/"
WARCS = "/data/warcs"
COLL = "/data/pywb/collections/gov-2024-05"
SEED = "https://www.transport.gov.example.org"


def stream_warcprox_pywb():
    stream = []
    wp = Program("warcprox", "warcprox.controller.WarcproxController", logging.Formatter(WARCPROX), stream)
    wp_thread = Set(threadName="MainThread")
    wp.handler.addFilter(wp_thread)
    pw = Program("pywb", "root", logging.Formatter(PYWB), stream)
    root_p = lg(pw, "root")
    wb = lg(pw, "root")
    names = {
        "controller": lg(wp, "warcprox.controller.WarcproxController"),
        "pool": lg(wp, "warcprox.mitmproxy.PooledMixIn"),
        "proxy": lg(wp, "warcprox.warcproxy.WarcProxy"),
        "handler": lg(wp, "warcprox.warcprox.WarcProxyHandler"),
        "base": lg(wp, "warcprox.BasePostfetchProcessor"),
        "mime": lg(wp, "warcprox.mime_type_filter.MimeTypeFilter"),
        "writerproc": lg(wp, "warcprox.writerthread.WarcWriterProcessor"),
        "writer": lg(wp, "warcprox.writer.WarcWriter"),
        "dedup": lg(wp, "warcprox.dedup.DedupDb"),
        "stats": lg(wp, "warcprox.stats.StatsProcessor"),
        "root": lg(wp, "root"),
    }
    tids = {"MimeTypeFilter": 1196, "DedupLoader": 1197, "WarcWriterProcessor": 1198, "DedupDb": 1199,
            "StatsProcessor": 1200}
    idents = {"MimeTypeFilter": 140231823046208, "DedupLoader": 140231814653504,
              "WarcWriterProcessor": 140231806260800, "DedupDb": 140231797868096, "StatsProcessor": 140231789475392}

    def thread_of(proc):
        return f"{proc}(tid={tids[proc]})"

    def w(logger, level, where, func, thread, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        wp_thread.values.update(threadName=thread)
        with pid(1188):
            at(names[logger], level, WARCPROX_SRC + path, int(line), func, msg, *args, exc=exc)

    def pywb(msg, *args, level=logging.INFO):
        wb.log(level, msg, *args)

    def gevent(ip, path, status, size, secs, method="GET"):
        printed(stream, '%s - - [%s] "%s %s HTTP/1.1" %s %s %.6f' % (ip, now("%Y-%m-%d %H:%M:%S"), method, path, status,
                                                                    size, secs))

    with level_names({5: "TRACE", 25: "NOTICE"}):
        # warcprox starts.
        w("stats", logging.INFO, "stats.py:107", "_startup", thread_of("StatsProcessor"),
          "creating new stats database %s", "./warcprox.sqlite")
        w("pool", logging.INFO, "mitmproxy.py:638", "__init__", "MainThread", "%s proxy threads", 100)
        w("proxy", 25, "warcproxy.py:551", "server_activate", "MainThread", "listening on %s:%s", "0.0.0.0", 8000)
        w("dedup", logging.INFO, "dedup.py:102", "start", "MainThread", "creating new deduplication database %s",
          "./warcprox.sqlite")
        w("stats", logging.INFO, "stats.py:120", "_startup", thread_of("StatsProcessor"),
          "created table buckets_of_stats in %s", "./warcprox.sqlite")
        for proc, logger in (("MimeTypeFilter", "mime"), ("DedupLoader", "base"), ("WarcWriterProcessor", "writerproc"),
                             ("DedupDb", "base"), ("StatsProcessor", "stats")):
            w(logger, logging.INFO, "__init__.py:131", "_run", thread_of(proc), "%s starting up",
              Shown(f"<{'ListenerPostfetchProcessor' if proc == 'DedupDb' else proc}({thread_of(proc)}, started "
                    f"{idents[proc]})>"))
        # pywb starts: its locale warning, then the server and the auto-indexer.
        root_p.warning("Ignoring Locales. You must install i18n extensions with 'pip install pywb[i18n]' to use "
                       "localization features")
        pywb('Auto-Indexing Enabled on "{0}", checking every {1} secs'.format("/data/pywb/collections", 30))
        pywb("Starting Gevent Server on " + str(8080))
        pywb("Checking Collection: " + "gov-2024-05")
        # The crawl: each page and its resources through the proxy.
        pages = [("/", "text/html", 48213), ("/static/css/site.css", "text/css", 18440),
                 ("/static/js/app.js", "application/javascript", 91322), ("/images/logo.svg", "image/svg+xml", 4412),
                 ("/news/", "text/html", 36118), ("/news/2024/05/rail-timetable-change", "text/html", 29701),
                 ("/api/alerts.json", "application/json", 2210), ("/images/hero-2024.jpg", "image/jpeg", 412993),
                 ("/static/fonts/source-sans.woff2", "font/woff2", 61540), ("/about/", "text/html", 22045),
                 ("/news/2024/05/bridge-closure", "text/html", 27716), ("/static/css/site.css", "text/css", 18440)]
        digests = ["2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", "de9f2c7fd25e1b3afad3e85a0bd17d9b100db4b3",
                   "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", "7c4a8d09ca3762af61e59520943dc26494f8941b",
                   "b1d5781111d84f7b3fe45a0852e59758cd7a87e5", "356a192b7913b04c54574d18c28d46e6395428ab",
                   "da4b9237bacccdc19c7507ab3c0e0e2ee3d8b1a5", "77de68daecd823babbb58edb1c8e14d7106e83bb",
                   "1b6453892473a467d07372d45eb05abc2031647a", "ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4",
                   "c1dfd96eea8cc2b62785275bca38ac261256e278", "de9f2c7fd25e1b3afad3e85a0bd17d9b100db4b3"]
        warc = "WARCPROX-20240511144445712-x4mdb3k2-00000.warc.gz"
        offset = 3621
        stored = {}
        for n, ((path, mime, size), digest) in enumerate(zip(pages, digests)):
            worker = f"ThreadPoolExecutor-0_{n % 6}"
            host = SEED.split("//")[1]
            req = (f"b'GET {path} HTTP/1.1\\r\\nHost: {host}\\r\\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) "
                   "AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.118 Safari/537.36\\r\\n"
                   "Accept-Encoding: gzip, deflate, br\\r\\nConnection: close\\r\\n\\r\\n'")
            w("handler", logging.DEBUG, "mitmproxy.py:547", "_inner_proxy_request", worker,
              "sending to remote server req=%s", Shown(req))
            key = "sha1:" + digest + "|"
            found = stored.get(key)
            w("dedup", logging.DEBUG, "dedup.py:150", "lookup", thread_of("DedupLoader"),
              "dedup db lookup of key=%s returning %s", key, found)
            type_ = "revisit" if found else "response"
            w("writerproc", logging.DEBUG, "writerthread.py:121", "_log", thread_of("WarcWriterProcessor"),
              "%s %s %s %s %s size=%s %s %s %s offset=%s", "127.0.0.1", 200, "GET", SEED + path, mime, size,
              "sha1:" + digest, type_, warc, offset)
            offset += (size // 3 if type_ == "response" else 612) + 1487
            if not found:
                value = json.dumps({"id": f"<urn:uuid:{n:08x}-8c1d-4f6e-9a2b-3c4d5e6f7a{n:02x}>", "url": SEED + path,
                                    "date": "2024-05-11T14:44:%02dZ" % (45 + n // 4)}, separators=(",", ":"))
                w("dedup", logging.DEBUG, "dedup.py:136", "save", thread_of("DedupDb"), "dedup db saved %s:%s", key,
                  value)
                stored[key] = {"id": ("<urn:uuid:%08x-8c1d-4f6e-9a2b-3c4d5e6f7a%02x>" % (n, n)).encode("latin1"),
                               "url": (SEED + path).encode("latin1"),
                               "date": ("2024-05-11T14:44:%02dZ" % (45 + n // 4)).encode("latin1")}
            if n == 5:
                # A third-party resource the page embeds, whose host doesn't resolve.
                w("handler", logging.ERROR, "mitmproxy.py:318", "_connect_to_remote_server", "ThreadPoolExecutor-0_2",
                  "error connecting to %s (%s) port %s: %s", "cdn.tracker.example.net", None, 443,
                  Shown("[Errno -2] Name or service not known"))
                w("handler", logging.INFO, "mitmproxy.py:442", "do_COMMAND", "ThreadPoolExecutor-0_2",
                  "bad_hostnames_ports cache size: %d", 1)
        w("stats", logging.INFO, "__init__.py:206", "_get_process_put", thread_of("StatsProcessor"),
          "gathered batch of %s in %0.2f sec", 12, 30.02)
        # A video the page embeds: the server resets the connection mid-body.

        def read_body():
            def _inner_proxy_request():
                raise ConnectionResetError(104, "Connection reset by peer")
            _inner_proxy_request()
        try:
            read_body()
        except ConnectionResetError:
            w("handler", logging.ERROR, "mitmproxy.py:459", "do_COMMAND", "ThreadPoolExecutor-0_4",
              "error from remote server(?) %r: %r", "GET https://media.transport.gov.example.org/video/briefing.mp4 "
              "HTTP/1.1", ConnectionResetError(104, "Connection reset by peer"), exc=True)
        w("writer", logging.INFO, "writer.py:189", "maybe_idle_rollover", thread_of("WarcWriterProcessor"),
          "rolling over %s after %0.1f seconds idle", warc, 60.4)
        printed(stream, f"+ wb-manager add gov-2024-05 {WARCS}/{warc}")
        # wb-manager's own records, in pywb's format.
        pywb(f"Copied {WARCS}/{warc} to {COLL}/archive as {warc}")
        pywb("Indexing " + f"{COLL}/archive" + " to " + f"{COLL}/indexes/index.cdxj")
        pywb("Checking Collection: " + "gov-2024-05")
        pywb("Auto-Indexing... " + str([f"{COLL}/archive/{warc}"]))
        pywb("...Done")
        # Replay of the first captures.
        for path, status, size in (("/gov-2024-05/", 200, 5128), ("/gov-2024-05/20240511144445/" + SEED + "/", 200,
                                                                    49811),
                                   ("/static/wombat.js", 200, 158231), ("/gov-2024-05/20240511144445js_/" + SEED +
                                                                        "/static/js/app.js", 200, 92114),
                                   ("/gov-2024-05/20240511144445cs_/" + SEED + "/static/css/site.css", 200, 18977),
                                   ("/gov-2024-05/20240511144446im_/" + SEED + "/images/hero-2024.jpg", 200, 412993)):
            gevent("10.0.3.15", path, status, size, 0.0042 + size / 4e6)
        # A capture whose record lies past the end of the WARC (warcprox was
        # still writing it when the index was merged): pywb tries each loader.

        def load():
            def load_from_warc():
                raised("warcio.recordloader", "ArchiveLoadFailed",
                       f"Unknown archive format, first line: ['\\x1f\\x8b\\x08'] - {COLL}/archive/{warc}:412993")
            load_from_warc()
        uncaught(stream, load)
        gevent("10.0.3.15", "/gov-2024-05/20240511144447/" + SEED + "/news/2024/05/bridge-closure", 404, 5291, 0.0311)
        # The crawl goes on: the news section.
        warc2 = "WARCPROX-20240511144551088-x4mdb3k2-00001.warc.gz"
        offset = 1471
        for n in range(16):
            path = f"/news/page/{n + 2}/" if n % 2 == 0 else f"/news/2024/0{4 + n % 2}/item-{4210 - n * 7}"
            size = 21000 + (n * 1933) % 9000
            digest = "%040x" % (0x9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c + n * 0x1f3e5d7c9b)
            worker = f"ThreadPoolExecutor-0_{(n + 3) % 6}"
            if n % 4 == 0:
                req = (f"b'GET {path} HTTP/1.1\\r\\nHost: www.transport.gov.example.org\\r\\nUser-Agent: Mozilla/5.0 "
                       "(X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.118 "
                       "Safari/537.36\\r\\nConnection: close\\r\\n\\r\\n'")
                w("handler", logging.DEBUG, "mitmproxy.py:547", "_inner_proxy_request", worker,
                  "sending to remote server req=%s", Shown(req))
            w("dedup", logging.DEBUG, "dedup.py:150", "lookup", thread_of("DedupLoader"),
              "dedup db lookup of key=%s returning %s", "sha1:" + digest + "|", None)
            w("writerproc", logging.DEBUG, "writerthread.py:121", "_log", thread_of("WarcWriterProcessor"),
              "%s %s %s %s %s size=%s %s %s %s offset=%s", "127.0.0.1", 200, "GET", SEED + path, "text/html", size,
              "sha1:" + digest, "response", warc2, offset)
            offset += size // 3 + 1502
            if n == 9:
                w("handler", logging.WARNING, "mitmproxy.py:564", "_inner_proxy_request", worker, "%s from %s",
                  Shown("The read operation timed out"), SEED + path)
            if n % 5 == 4:
                gevent("10.0.3.15", "/gov-2024-05/timemap/link/" + SEED + "/news/", 200, 1902, 0.0088)
        w("stats", logging.INFO, "__init__.py:206", "_get_process_put", thread_of("StatsProcessor"),
          "gathered batch of %s in %0.2f sec", 16, 30.01)
        # The browser opens a page whose host refuses TLS: warcprox's CONNECT fails.
        w("handler", logging.ERROR, "mitmproxy.py:363", "do_CONNECT", "ThreadPoolExecutor-0_5",
          "problem handling %r: %r", "CONNECT maps.transport.gov.example.org:443 HTTP/1.1",
          Shown("SSLError(1, '[SSL: TLSV1_ALERT_INTERNAL_ERROR] tlsv1 alert internal error (_ssl.c:1000)')"))
        w("writer", logging.INFO, "writer.py:189", "maybe_idle_rollover", thread_of("WarcWriterProcessor"),
          "rolling over %s after %0.1f seconds idle", warc2, 60.2)
        printed(stream, f"+ wb-manager add gov-2024-05 {WARCS}/{warc2}")
        pywb(f"Copied {WARCS}/{warc2} to {COLL}/archive as {warc2}")
        pywb("Indexing " + f"{COLL}/archive" + " to " + f"{COLL}/indexes/index.cdxj")
        # The same WARC again (the cron job ran twice): renamed, not replaced.
        pywb(f"Warc {warc2} already exists - renamed to {warc2.replace('.warc.gz', '-1.warc.gz')}.")
        pywb(f"Copied {WARCS}/{warc2} to {COLL}/archive as {warc2.replace('.warc.gz', '-1.warc.gz')}")
        pywb("Checking Collection: " + "gov-2024-05")
        pywb("Auto-Indexing... " + str([f"{COLL}/archive/{warc2}", f"{COLL}/archive/"
                                        f"{warc2.replace('.warc.gz', '-1.warc.gz')}"]))
        pywb("...Done")
        pywb("Invalid archives weren't added: " + ", ".join([f"{WARCS}/crawl-log.txt"]), level=logging.WARNING)
        for n in range(6):
            gevent("10.0.3.15", f"/gov-2024-05/20240511144551/{SEED}/news/page/{n * 2 + 2}/", 200, 23107 + n * 311,
                   0.0611 + n * 0.004)
        # Shutdown for the instance's patching window.
        w("proxy", 25, "warcproxy.py:559", "server_close", "MainThread", "shutting down")
        for proc, logger in (("MimeTypeFilter", "mime"), ("DedupLoader", "base"), ("WarcWriterProcessor", "writerproc"),
                             ("DedupDb", "base"), ("StatsProcessor", "stats")):
            w(logger, logging.INFO, "__init__.py:141", "_run", thread_of(proc), "%s shutting down",
              Shown(f"<{'ListenerPostfetchProcessor' if proc == 'DedupDb' else proc}({thread_of(proc)}, started "
                    f"{idents[proc]})>"))
    return {"name": "warcprox-pywb", "programs": [wp, pw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A spatial data infrastructure on one EC2 host (docker compose, both
# containers' awslogs driver writing to one awslogs-stream): pycsw 2.6's
# image (loglevel=DEBUG to stderr, PostGIS behind it) serves the metadata
# catalogue, and pygeoapi (logging level DEBUG while its CSWFacade
# collection is set up) exposes it as OGC API - Records. Both run under
# gunicorn, whose own records and pycsw's access lines share the stream.

PYGEOAPI_SRC = "/pygeoapi/pygeoapi/"
PYCSW_SRC = "/home/pycsw/pycsw/pycsw/"
# pygeoapi 0.23.0, pygeoapi/plugin.py PLUGINS["provider"], which load_plugin
# logs whole at DEBUG.
PYGEOAPI_PROVIDERS = {
    "AzureBlobStorage": "pygeoapi.provider.azure_.AzureBlobStorageProvider",
    "CSV": "pygeoapi.provider.csv_.CSVProvider",
    "CSWFacade": "pygeoapi.provider.csw_facade.CSWFacadeProvider",
    "Elasticsearch": "pygeoapi.provider.elasticsearch_.ElasticsearchProvider",
    "ElasticsearchCatalogue": "pygeoapi.provider.elasticsearch_.ElasticsearchCatalogueProvider",
    "ERDDAPTabledap": "pygeoapi.provider.erddap.TabledapProvider",
    "ESRI": "pygeoapi.provider.esri.ESRIServiceProvider",
    "FileSystem": "pygeoapi.provider.filesystem.FileSystemProvider",
    "GeoJSON": "pygeoapi.provider.geojson.GeoJSONProvider",
    "Hateoas": "pygeoapi.provider.hateoas.HateoasProvider",
    "MapScript": "pygeoapi.provider.mapscript_.MapScriptProvider",
    "MongoDB": "pygeoapi.provider.mongo.MongoProvider",
    "MVT-tippecanoe": "pygeoapi.provider.mvt_tippecanoe.MVTTippecanoeProvider",
    "MVT-elastic": "pygeoapi.provider.mvt_elastic.MVTElasticProvider",
    "MVT-proxy": "pygeoapi.provider.mvt_proxy.MVTProxyProvider",
    "MySQL": "pygeoapi.provider.sql.MySQLProvider",
    "MVT-postgresql": "pygeoapi.provider.mvt_postgresql.MVTPostgreSQLProvider",
    "OracleDB": "pygeoapi.provider.oracle.OracleProvider",
    "OGR": "pygeoapi.provider.ogr.OGRProvider",
    "OpenSearch": "pygeoapi.provider.opensearch_.OpenSearchProvider",
    "Parquet": "pygeoapi.provider.parquet.ParquetProvider",
    "PostgreSQL": "pygeoapi.provider.sql.PostgreSQLProvider",
    "rasterio": "pygeoapi.provider.rasterio_.RasterioProvider",
    "SensorThings": "pygeoapi.provider.sensorthings.SensorThingsProvider",
    "SensorThingsEDR": "pygeoapi.provider.sensorthings_edr.SensorThingsEDRProvider",
    "SQLiteGPKG": "pygeoapi.provider.sqlite.SQLiteGPKGProvider",
    "Socrata": "pygeoapi.provider.socrata.SODAServiceProvider",
    "TinyDB": "pygeoapi.provider.tinydb_.TinyDBProvider",
    "TinyDBCatalogue": "pygeoapi.provider.tinydb_.TinyDBCatalogueProvider",
    "WMSFacade": "pygeoapi.provider.wms_facade.WMSFacadeProvider",
    "WMTSFacade": "pygeoapi.provider.wmts_facade.WMTSFacadeProvider",
    "xarray": "pygeoapi.provider.xarray_.XarrayProvider",
    "xarray-edr": "pygeoapi.provider.xarray_edr.XarrayEDRProvider",
}
PYGEOAPI_MANAGERS = {
    "Dummy": "pygeoapi.process.manager.dummy.DummyManager",
    "MongoDB": "pygeoapi.process.manager.mongodb_.MongoDBManager",
    "TinyDB": "pygeoapi.process.manager.tinydb_.TinyDBManager",
    "PostgreSQL": "pygeoapi.process.manager.postgresql.PostgreSQLManager",
}


def gunicorn_error(stream):
    """gunicorn's error log (gunicorn.glogging.Logger's error_fmt and
    datefmt, from the installed gunicorn): its own handler in the
    container."""
    import gunicorn.glogging
    return Program("gunicorn.error", "gunicorn.error",
                   logging.Formatter(gunicorn.glogging.Logger.error_fmt, gunicorn.glogging.Logger.datefmt), stream)


def stream_pygeoapi_pycsw():
    stream = []
    pg = Program("pygeoapi", "pygeoapi.api", logging.Formatter(PYGEOAPI, PYGEOAPI_DATEFMT), stream)
    pc = Program("pycsw", "pycsw.server", logging.Formatter(PYCSW, PYCSW_DATEFMT), stream)
    pce = Program("pycsw", "__main__", logging.Formatter(PYCSW_ENTRYPOINT), stream)
    gun = gunicorn_error(stream)
    glog = lg(gun, "gunicorn.error")
    entry = lg(pce, "__main__")

    def g(module, level, where, func, msg, *args, exc=None, worker=9):
        path, line = where.rsplit(":", 1)
        with pid(worker):
            at(lg(pg, "pygeoapi." + module), level, PYGEOAPI_SRC + path, int(line), func, msg, *args, exc=exc)

    cw = [9]

    def c(module, level, where, func, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        with pid(cw[0]):
            at(lg(pc, "pycsw." + module), level, PYCSW_SRC + path, int(line), func, msg, *args, exc=exc)

    def gunicorn(level, msg, *args, process=1):
        with pid(process):
            glog.log(level, msg, *args)

    def access(ip, request, status, size, agent):
        printed(stream, '%s - - [%s] "%s" %s %s "-" "%s"' % (ip, now("%d/%b/%Y:%H:%M:%S +0000"), request, status, size,
                                                            agent))

    def native_geometry():
        def query():
            row = None
            return str(row["f_geometry_column"])
        return query()

    def repository(first=False):
        if first:
            c("core.repository", logging.INFO, "core/repository.py:73", "create_engine", "creating new engine: %s",
              "postgresql://pycsw:***@db:5432/pycsw")
        c("core.repository", logging.INFO, "core/repository.py:108", "__init__", "binding ORM to existing database")
        c("core.repository", logging.DEBUG, "core/repository.py:137", "__init__", "PostgreSQL+PostGIS1+WKT detected")
        c("core.repository", logging.DEBUG, "core/repository.py:145", "__init__", "PostgreSQL+PostGIS2+WKT detected")
        try:
            native_geometry()
        except TypeError:
            # The catalogue's table has no native geometry column: no row.
            c("core.repository", logging.ERROR, "core/repository.py:163", "__init__",
              "PostgreSQL+PostGIS+Native not picked up: %s", exc=True)
        c("core.repository", logging.DEBUG, "core/repository.py:168", "__init__", "PostgreSQL FTS enabled: %r", False)
        c("core.repository", logging.DEBUG, "core/repository.py:171", "__init__", "%s support detected",
          "postgresql+postgis+wkt")
        c("core.repository", logging.INFO, "core/repository.py:180", "__init__", "setting repository queryables")

    def csw_begin(query, request):
        c("server", logging.INFO, "server.py:148", "__init__", "running configuration %s", "/etc/pycsw/pycsw.cfg")
        c("server", logging.DEBUG, "server.py:149", "__init__", "QUERY_STRING: %s", query)
        c("server", logging.INFO, "server.py:181", "__init__", "Setting language")
        c("server", logging.INFO, "server.py:215", "__init__", "Loading outputschemas")
        c("server", logging.DEBUG, "server.py:239", "dispatch_wsgi", "WSGI mode detected")
        if query:
            c("server", logging.DEBUG, "server.py:260", "dispatch_wsgi", "Request type: GET.  Request:\n%s\n", request)
        else:
            c("server", logging.DEBUG, "server.py:249", "dispatch_wsgi", "Request type: POST.  Request:\n%s\n", request)

    def csw_end(code="200 OK"):
        c("server", logging.INFO, "server.py:589", "dispatch", "Request processed")
        c("server", logging.INFO, "server.py:647", "_write_response", "Writing response.")
        c("server", logging.DEBUG, "server.py:681", "_write_response", "Response code: %s", code)

    def get_capabilities(first=False):
        q = "service=CSW&version=2.0.2&request=GetCapabilities"
        csw_begin(q, "http://pycsw:8000/?" + q)
        c("server", logging.INFO, "server.py:354", "dispatch", "Setting MaxRecordDefault")
        c("server", logging.INFO, "server.py:411", "dispatch", "Loading default repository")
        repository(first)
        c("server", logging.DEBUG, "server.py:419", "dispatch", "Repository loaded (local): %s." % "postgresql+postgis+wkt")
        c("server", logging.DEBUG, "server.py:445", "dispatch", "Parsed request parameters: %s",
          {"service": "CSW", "version": "2.0.2", "request": "GetCapabilities"})
        for where, section in (("ogc/csw/csw2.py:115", "ServiceIdentification"), ("ogc/csw/csw2.py:162", "ServiceProvider"),
                               ("ogc/csw/csw2.py:264", "OperationsMetadata"),
                               ("ogc/csw/csw2.py:362", "Filter_Capabilities")):
            c("ogc.csw.csw2", logging.INFO, where, "getcapabilities", "Writing section %s" % section)
        csw_end()

    # pycsw's container starts first (compose's depends_on): its entrypoint, then gunicorn.
    entry.debug("Setting up pycsw's data repository...")
    entry.debug("Repository URL: {}".format("postgresql://pycsw:pycsw@db:5432/pycsw"))
    entry.debug("Waiting for {!r}...".format("postgresql://pycsw:pycsw@db:5432/pycsw"))
    entry.debug("Database not responding yet ...")
    entry.debug("Database not responding yet ...")
    entry.debug("Database is already up!")
    entry.debug("Launching pycsw with {} ...".format(" ".join(["gunicorn", "--bind=0.0.0.0:8000", "--access-logfile=-",
                                                              "--error-logfile=-", "--workers=2", "pycsw.wsgi"])))
    gunicorn(logging.INFO, "Starting gunicorn %s", "20.1.0")
    gunicorn(logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:8000", 1)
    gunicorn(logging.INFO, "Using worker: %s", "sync")
    gunicorn(logging.INFO, "Booting worker with pid: %s", 9, process=9)
    gunicorn(logging.INFO, "Booting worker with pid: %s", 10, process=10)
    # pygeoapi's container: its entrypoint's echo lines, then gunicorn.
    for line in ("START /entrypoint.sh", "Default config in /pygeoapi/local.config.yml", "Trying to generate openapi.yml",
                 "openapi.yml generated continue to pygeoapi", "Trying to generate asyncapi.yml",
                 "asyncapi.yml could not be generated; skipping",
                 "Starting gunicorn name=pygeoapi on 0.0.0.0:80 with 4 workers and SCRIPT_NAME="):
        printed(stream, line)
    gunicorn(logging.INFO, "Starting gunicorn %s", "23.0.0")
    gunicorn(logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:80", 1)
    gunicorn(logging.INFO, "Using worker: %s", "gthread")
    for worker in (8, 9, 10, 11):
        gunicorn(logging.INFO, "Booting worker with pid: %s", worker, process=worker)
    for worker in (8,):
        g("log", logging.DEBUG, "log.py:124", "setup_logger", "Logging initialized", worker=worker)
        g("plugin", logging.DEBUG, "plugin.py:116", "load_plugin", f"Plugins: {PYGEOAPI_MANAGERS}", worker=worker)
        g("plugin", logging.DEBUG, "plugin.py:128", "load_plugin", f"package name: {'pygeoapi.process.manager.tinydb_'}",
          worker=worker)
        g("plugin", logging.DEBUG, "plugin.py:129", "load_plugin", f"class name: {'TinyDBManager'}", worker=worker)
        g("api", logging.INFO, "api/__init__.py:556", "__init__", "Process manager plugin loaded", worker=worker)
    # A user searches the records: /collections/metadata-records/items?q=rail&limit=2.
    params = {"q": "rail", "limit": "2"}
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:264", "get_collection_items", "Processing query parameters")
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:266", "get_collection_items", "Processing offset parameter")
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:283", "get_collection_items", "Processing limit parameter")
    g("api.itemtypes", logging.WARNING, "api/itemtypes.py:288", "get_collection_items",
      "server.limit is no longer supported! Please use limits at the server or collection level (RFC5)")
    for where, msg in (("api/__init__.py:1294", "Requested limit: 2"), ("api/__init__.py:1295", "Default limit: 10"),
                       ("api/__init__.py:1296", "Maximum limit: 10"), ("api/__init__.py:1297", "On exceed: throttle"),
                       ("api/__init__.py:1316", "limit requested")):
        g("api", logging.DEBUG, where, "evaluate_limit", msg)
    for where, msg in (("api/itemtypes.py:300", "Processing bbox parameter"),
                       ("api/itemtypes.py:315", "Processing datetime parameter"),
                       ("api/itemtypes.py:326", "processing q parameter"), ("api/itemtypes.py:329", "Loading provider")):
        g("api.itemtypes", logging.DEBUG, where, "get_collection_items", msg)
    g("plugin", logging.DEBUG, "plugin.py:116", "load_plugin", f"Plugins: {PYGEOAPI_PROVIDERS}")
    g("plugin", logging.DEBUG, "plugin.py:128", "load_plugin", f"package name: {'pygeoapi.provider.csw_facade'}")
    g("plugin", logging.DEBUG, "plugin.py:129", "load_plugin", f"class name: {'CSWFacadeProvider'}")
    for key in ("type", "title", "description", "keywords", "date", "created", "updated", "rights", "language"):
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:87", "get_fields", f"key: {key}")
    for where, msg in (("api/itemtypes.py:353", "Validating requested format"),
                       ("api/itemtypes.py:384", "Processing bbox-crs parameter"),
                       ("api/itemtypes.py:424", "processing property parameters")):
        g("api.itemtypes", logging.DEBUG, where, "get_collection_items", msg)
    for k, v in params.items():
        g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:435", "get_collection_items",
          f"Discarding query parameter {k}={v}")
    for where, msg in (("api/itemtypes.py:437", "processing sort parameter"),
                       ("api/itemtypes.py:460", "processing properties parameter"),
                       ("api/itemtypes.py:476", "processing skipGeometry parameter"),
                       ("api/itemtypes.py:483", "Processing filter-crs parameter"),
                       ("api/itemtypes.py:486", "processing filter parameter"),
                       ("api/itemtypes.py:523", "Processing filter-lang parameter"),
                       ("api/itemtypes.py:534", "Querying provider"), ("api/itemtypes.py:535", "offset: 0"),
                       ("api/itemtypes.py:536", "limit: 2"), ("api/itemtypes.py:537", "resulttype: results"),
                       ("api/itemtypes.py:538", "sortby: []"), ("api/itemtypes.py:539", "bbox: []"),
                       ("api/itemtypes.py:542", "datetime: None"), ("api/itemtypes.py:543", "properties: []"),
                       ("api/itemtypes.py:544", "select properties: []"), ("api/itemtypes.py:545", "skipGeometry: False"),
                       ("api/itemtypes.py:546", "language: None"), ("api/itemtypes.py:547", "q: rail"),
                       ("api/itemtypes.py:548", "cql_text: None"), ("api/itemtypes.py:549", "filter_: None"),
                       ("api/itemtypes.py:550", "filter-lang: None"), ("api/itemtypes.py:551", "filter-crs: None")):
        g("api.itemtypes", logging.DEBUG, where, "get_collection_items", msg)
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:152", "query", "Processing query parameters")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:184", "query", "Processing q parameter")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:208", "query", f"Querying CSW: {'http://pycsw:8000/'}")
    # OWSLib's CatalogueServiceWeb reads the capabilities first, then posts GetRecords.
    get_capabilities(first=True)
    access("172.18.0.3", "GET /?service=CSW&version=2.0.2&request=GetCapabilities HTTP/1.1", 200, 14611,
           "OWSLib 0.31.0 (https://owslib.readthedocs.io)")
    body = ("b'<csw:GetRecords xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
            "service=\"CSW\" version=\"2.0.2\" resultType=\"results\" startPosition=\"0\" maxRecords=\"2\" "
            "outputFormat=\"application/xml\" outputSchema=\"http://www.opengis.net/cat/csw/2.0.2\"><csw:Query "
            "typeNames=\"csw:Record\"><csw:ElementSetName>full</csw:ElementSetName><csw:Constraint version=\"1.1.0\">"
            "<ogc:Filter><ogc:PropertyIsLike escapeChar=\"\\\\\" singleChar=\"?\" wildCard=\"*\"><ogc:PropertyName>"
            "csw:AnyText</ogc:PropertyName><ogc:Literal>rail</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>"
            "</csw:Constraint></csw:Query></csw:GetRecords>'")
    cw[0] = 10
    csw_begin("", Shown(body))
    c("server", logging.INFO, "server.py:354", "dispatch", "Setting MaxRecordDefault")
    c("server", logging.INFO, "server.py:411", "dispatch", "Loading default repository")
    repository()
    c("server", logging.DEBUG, "server.py:419", "dispatch", "Repository loaded (local): %s." % "postgresql+postgis+wkt")
    c("server", logging.DEBUG, "server.py:430", "dispatch", "HTTP POST request")
    c("server", logging.DEBUG, "server.py:431", "dispatch", "CSW version: %s", "2.0.2")
    c("ogc.csw.csw2", logging.INFO, "ogc/csw/csw2.py:1583", "parse_postdata", "Parsing %s", Shown(body))
    c("ogc.csw.csw2", logging.INFO, "ogc/csw/csw2.py:1621", "parse_postdata", "Validating %s", Shown(body))
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:1629", "parse_postdata", "Request is valid XML.")
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:1639", "parse_postdata", "Request operation %s specified.",
      "GetRecords")
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:1551", "_parse_constraint", "Filter constraint specified")
    constraint = {"type": "filter", "where": "ts_rank_cd(anytext_tsvector, plainto_tsquery('english', :pvalue1)) > 0",
                  "values": ["rail"], "_dict": {"ogc:Filter": {"ogc:PropertyIsLike": {"ogc:PropertyName": "csw:AnyText",
                                                                                     "ogc:Literal": "rail"}}}}
    c("server", logging.DEBUG, "server.py:445", "dispatch", "Parsed request parameters: %s",
      {"request": "GetRecords", "service": "CSW", "version": "2.0.2", "outputschema": "http://www.opengis.net/cat/csw/2.0.2",
       "resulttype": "results", "startposition": "0", "maxrecords": "2", "outputformat": "application/xml",
       "typenames": ["csw:Record"], "elementsetname": "full", "constraint": constraint, "sortby": None})
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:815", "getrecords",
      "Querying repository with constraint: %s,        sortby: %s, typenames: %s, maxrecords: %s, startposition: %s",
      constraint, None, ["csw:Record"], 2, 1)
    c("core.repository", logging.DEBUG, "core/repository.py:258", "query", "constraint detected")
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:893", "getrecords", "Results: matched: %s, returned: %s, next: %s",
      14, 2, 3)
    c("ogc.csw.csw2", logging.INFO, "ogc/csw/csw2.py:938", "getrecords", "Presenting records %s - %s", 1, 2)
    csw_end()
    access("172.18.0.3", "POST / HTTP/1.1", 200, 6874, "OWSLib 0.31.0 (https://owslib.readthedocs.io)")
    cw[0] = 9
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:221", "query", "Found 14 records")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:222", "query", "Returned 2 records")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:224", "query", "Building result set")
    for ident in ("urn:uuid:4c2f9a1e-7b3d-4e8a-9f10-2a6b5c4d3e21", "urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"):
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:292", "_owslibrecord2record", f"Transforming {ident}")
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:304", "_owslibrecord2record",
          "Processing record mappings to properties")
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:311", "_owslibrecord2record", "Adding bbox")
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:321", "_owslibrecord2record",
          "Adding references as links")
    # A bad constraint from a harvester: pycsw answers with an exception report.
    bad = "service=CSW&version=2.0.2&request=GetRecords&typenames=csw:Record&constraintlanguage=CQL_TEXT" \
          "&constraint_language_version=1.1.0&constraint=dc:title like 'rail%"
    csw_begin(bad, "http://catalogue.geo.example.org/csw?" + bad)
    c("server", logging.INFO, "server.py:354", "dispatch", "Setting MaxRecordDefault")
    c("server", logging.INFO, "server.py:411", "dispatch", "Loading default repository")
    repository()
    c("ogc.csw.csw2", logging.INFO, "ogc/csw/csw2.py:738", "getrecords", "Transforming CQL into fes1")
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:739", "getrecords", "CQL: %s", "dc:title like 'rail%")
    try:
        raised("lxml.etree", "XMLSyntaxError",
               "StartTag: invalid element name, line 1, column 2 (<string>, line 1)")
    except Exception:
        c("ogc.csw.csw2", logging.ERROR, "ogc/csw/csw2.py:748", "getrecords", "Invalid CQL query %s",
          "dc:title like 'rail%", exc=True)
    csw_end("400 Bad Request")
    access("10.20.7.9", "GET /?service=CSW&version=2.0.2&request=GetRecords&typenames=csw:Record&constraintlanguage="
           "CQL_TEXT&constraint_language_version=1.1.0&constraint=dc:title%20like%20%27rail%25 HTTP/1.1", 400, 871,
           "python-requests/2.31.0")
    # pygeoapi: a record the analyst opens, through the facade's GetRecordById.
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:876", "get_collection_item", "Processing query parameters",
      worker=10)
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:886", "get_collection_item", "Loading provider", worker=10)
    g("plugin", logging.DEBUG, "plugin.py:116", "load_plugin", f"Plugins: {PYGEOAPI_PROVIDERS}", worker=10)
    g("plugin", logging.DEBUG, "plugin.py:128", "load_plugin", f"package name: {'pygeoapi.provider.csw_facade'}",
      worker=10)
    g("plugin", logging.DEBUG, "plugin.py:129", "load_plugin", f"class name: {'CSWFacadeProvider'}", worker=10)
    for key in ("type", "title", "description", "keywords", "date", "created", "updated", "rights", "language"):
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:87", "get_fields", f"key: {key}", worker=10)
    g("api.itemtypes", logging.DEBUG, "api/itemtypes.py:930", "get_collection_item",
      f"Fetching id {'urn:uuid:0000-missing'}", worker=10)
    try:
        raised("owslib.ows", "ExceptionReport", "'Invalid parameter value: locator=id, value=urn:uuid:0000-missing'")
    except Exception as err:
        g("provider.csw_facade", logging.ERROR, "provider/csw_facade.py:263", "_get_csw", err, worker=10)
    g("api", logging.ERROR, "api/__init__.py:578", "get_exception", "identifier not found", worker=10)
    gunicorn(logging.CRITICAL, "WORKER TIMEOUT (pid:%s)", 11)
    gunicorn(logging.ERROR, "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 11)
    gunicorn(logging.INFO, "Booting worker with pid: %s", 12, process=12)
    return {"name": "pygeoapi-pycsw", "programs": [pg, pc, pce, gun], "records": stream, "auto": False}


def stamp():
    """datetime.datetime.now() at the clock's time, as str() prints it into
    a message (microseconds)."""
    t = realworld.CLOCK.t
    return now("%Y-%m-%d %H:%M:%S") + ".%06d" % (round(t % 1 * 1e6) % 1000000)


# --------------------------------------------------------------------------
# A media site's image host on EC2: Thumbor (run with -l debug while smart
# cropping is rolled out) resizes product and editorial images from S3 and
# queues face and feature detection through Redis to remotecv's pyres
# worker on the same host (its --level default: debug). Both log through
# logging.basicConfig with the same format; Thumbor gives it a datefmt,
# remotecv doesn't. Tornado's access log and remotecv's UniqueQueue
# records (in Thumbor's process) go through Thumbor's root handler; the
# CloudWatch agent ships both units' output into one stream.

IMG = "https://images.media.example.com"


def result_key(path):
    """thumbor.result_storages.file_storage.Storage.normalize_path (7.8.0):
    the request path's SHA-1 under the root path."""
    import hashlib
    digest = hashlib.sha1(path.encode("utf-8")).hexdigest()
    return f"/var/cache/thumbor/result_storage/default/{digest[:2]}/{digest[2:4]}/{digest[4:]}"


def stream_thumbor_remotecv():
    stream = []
    th = Program("thumbor", "thumbor", logging.Formatter(THUMBOR, THUMBOR_DATEFMT), stream)
    rc = Program("remotecv", "remotecv", logging.Formatter(REMOTECV), stream)
    thumbor = lg(th, "thumbor")
    access = lg(th, "tornado.access")
    gen_log = lg(th, "tornado.general")
    queue = lg(th, "remotecv")
    th_root = lg(th, "root")
    remotecv = lg(rc, "remotecv")
    pyres = lg(rc, "pyres.worker")
    rc_root = lg(rc, "root")
    worker_id = "ip-10-0-12-31:412:Detect"

    def hit(status, method, path, ms, ip="10.0.3.41"):
        level = logging.INFO if status < 400 else logging.WARNING if status < 500 else logging.ERROR
        access.log(level, "%d %s %s (%s) %.2fms", status, method, path, ip, ms)

    def job(url):
        return Shown("(Job{%s} | %s | %r)" % ("Detect", "remotecv.pyres_tasks.DetectTask",
                                                ["all", url, "thumbor-detector-" + url]))

    def detect(url, points, child):
        pyres.debug("checking queues %s" % ["Detect"])
        pyres.info("Found job on %s: %s" % ("Detect", job(url)))
        pyres.debug("picked up job")
        pyres.debug("job details: %s" % job(url))
        pyres.info("Forked %s at %s" % (child, stamp()))
        pyres.info("Processing %s since %s" % (job(url), stamp()))
        remotecv.info("Detecting %s for %s", "all", url)
        remotecv.debug("Points found: %s", points)
        remotecv.debug("METRICS: timing: %s:%d", "worker.pyres_task.time", 180 + len(points) * 41)
        remotecv.debug("METRICS: inc: %s:%d", "worker.pyres_task.total", 1)
        pyres.debug("completed job")
        pyres.debug("job details: %s" % job(url))
        pyres.debug("done waiting")
        pyres.debug("done working on %s", job(url))

    def image(path, ext, size, smart=False, cached=False):
        key = result_key(path)
        thumbor.debug("[RESULT_STORAGE] getting from %s", key)
        if cached:
            hit(200, "GET", "/%s" % path, 3.12)
            return
        thumbor.debug("[RESULT_STORAGE] image not found at %s", key)
        if "format(" in path:
            thumbor.debug("Image format specified as %s.", "." + ext)
        else:
            thumbor.debug("No image format specified. Retrieving from the image extension: %s.", "." + ext)
        thumbor.debug("Content Type of %s detected.", "image/" + ("jpeg" if ext == "jpg" else ext))
        if smart:
            url = IMG + path[path.index("/smart/") + 6:].replace("/filters:quality(80)", "")
            queue.info("enqueued '%s' job on queue %s", "remotecv.pyres_tasks.DetectTask", "Detect")
            queue.debug("job arguments: %s", str(["all", url, "thumbor-detector-" + url]))
        thumbor.debug("[RESULT_STORAGE] putting at %s (%s)", key, key.rsplit("/", 1)[0])
        hit(200, "GET", "/%s" % path, 38.4 + size / 9000)

    # remotecv's worker (started first by its unit) and its healthcheck endpoint.
    pyres.info("starting")
    for _ in range(3):
        pyres.debug("checking queues %s" % ["Detect"])
    rc_root.info("GET /healthcheck HTTP/1.1 %s %s", "200", "-")
    # Thumbor: its HTTP loader without pycurl, then the server.
    thumbor.warning("pycurl usage is advised. It could not be loaded properly. Verify install...")
    th_root.debug("thumbor starting at %s:%d", "0.0.0.0", 8888)
    hit(200, "GET", "/healthcheck", 0.41, ip="10.0.0.12")
    # Product images: resized, smart-cropped (remotecv does the detection later).
    products = [("unsafe/640x480/smart/products/8841/front.jpg", "jpg", 212344),
                ("unsafe/320x240/smart/products/8841/front.jpg", "jpg", 61420),
                ("unsafe/fit-in/1200x0/filters:format(webp)/editorial/2024/05/harbour-dawn.jpg", "webp", 388012),
                ("unsafe/640x480/smart/products/9120/side.jpg", "jpg", 184305),
                ("unsafe/200x200/smart/filters:quality(80)/people/ana-ruiz.jpg", "jpg", 28117)]
    for n, (path, ext, size) in enumerate(products):
        image(path, ext, size, smart="smart" in path)
        if n == 1:
            detect(f"{IMG}/products/8841/front.jpg", [[412, 118, 231, 231], [1020, 610, 88, 88]], 5120)
    detect(f"{IMG}/products/9120/side.jpg", [], 5121)
    pyres.debug("checking queues %s" % ["Detect"])
    detect(f"{IMG}/people/ana-ruiz.jpg", [[61, 40, 122, 122]], 5122)
    for path, ext, size in products[:3]:
        image(path, ext, size, cached=True)
    rc_root.info("GET /healthcheck HTTP/1.1 %s %s", "200", "-")
    # An editorial image that is gone from the origin bucket.
    missing = f"{IMG}/editorial/2024/05/press-conference-0412.jpg"
    thumbor.debug("[RESULT_STORAGE] getting from %s", result_key("unsafe/800x0/editorial/2024/05/press-conference-0412.jpg"))
    thumbor.warning("ERROR retrieving image %s: %s", missing, "HTTP 404: Not Found")
    hit(400, "GET", "/unsafe/800x0/editorial/2024/05/press-conference-0412.jpg", 61.02)
    # A PNG with a broken ICC profile: PIL fails in a filter.

    def filters():
        def reorientate():
            raise OSError("broken data stream when reading image file")
        reorientate()

    thumbor.error("ERROR: %s", tb_text(filters))
    thumbor.error("[BaseHandler] get_image failed for url `%s`. error: `%s`",
                  f"{IMG}/products/7004/label.png", "broken data stream when reading image file")
    hit(500, "GET", "/unsafe/640x480/smart/products/7004/label.png", 92.77)
    # Redis restarts (a maintenance window on ElastiCache): the queued detector fails.
    try:
        raised("redis.exceptions", "ConnectionError",
               "Error 111 connecting to images-cache.a1b2c3.ng.0001.use1.cache.amazonaws.com:6379. Connection refused.")
    except Exception:
        thumbor.exception("Redis Error")
    image("unsafe/640x480/smart/products/9377/front.jpg", "jpg", 199210, smart=False)
    # remotecv loses Redis too; its pyres job ends in an exception.
    url = f"{IMG}/products/9377/front.jpg"
    pyres.info("Found job on %s: %s" % ("Detect", job(url)))
    pyres.info("Forked %s at %s" % (5123, stamp()))
    pyres.info("Processing %s since %s" % (job(url), stamp()))
    remotecv.info("Detecting %s for %s", "all", url)
    try:
        raised("redis.exceptions", "ConnectionError",
               "Error while reading from images-cache.a1b2c3.ng.0001.use1.cache.amazonaws.com:6379 : "
               "(104, 'Connection reset by peer')")
    except Exception as err:
        pyres.exception("%s failed: %s" % (job(url), err))
    pyres.debug("done working on %s", job(url))
    for _ in range(2):
        pyres.debug("checking queues %s" % ["Detect"])
    # A burst of thumbnails for the home page once Redis is back.
    for n in range(6):
        width, height = (300, 200) if n % 2 else (150, 100)
        name = ["market-day", "tram-line-7", "council-vote"][n % 3]
        path = "unsafe/%dx%d/smart/editorial/2024/05/%s.jpg" % (width, height, name)
        image(path, "jpg", 42000 + n * 3100, smart=n < 3, cached=n >= 3)
    for n, name in enumerate(["market-day", "tram-line-7", "council-vote"]):
        detect(f"{IMG}/editorial/2024/05/{name}.jpg", [[88 + n * 7, 51, 140, 140]] if n != 1 else [], 5124 + n)
    gen_log.warning("Write error on %s: %s", 31, BrokenPipeError(32, "Broken pipe"))
    rc_root.info("GET /healthcheck HTTP/1.1 %s %s", "200", "-")
    hit(200, "GET", "/healthcheck", 0.38, ip="10.0.0.12")
    return {"name": "thumbor-remotecv", "programs": [th, rc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A university's identity host (ECS on EC2, both tasks' containers writing
# through the awslogs driver to one stream): SATOSA bridges the campus
# Shibboleth IdP (SAML) to the OIDC clients of the cloud apps, its LOGGING
# the example's with the satosa logger at INFO; LinOTP answers the VPN's
# RADIUS server for second factors (LINOTP_LOG_LEVEL=INFO), its PIN checked
# against the campus Active Directory. Both run under gunicorn, whose own
# records share the stream, as do LinOTP's entrypoint echo lines.

SATOSA_SRC = "/usr/local/lib/python3.11/site-packages/satosa/"
LINOTP_SRC = "/opt/venv/lib/python3.11/site-packages/linotp/"
IDP = "https://idp.uni.example.edu/idp/shibboleth"
AD = "ldaps://dc01.ad.uni.example.edu:636"


def stream_satosa_linotp():
    stream = []
    sa = Program("satosa", "satosa.base", logging.Formatter(SATOSA), stream)
    lo = Program("linotp", "linotp", logging.Formatter(LINOTP), stream)
    gun = gunicorn_error(stream)
    glog = lg(gun, "gunicorn.error")

    def s(module, level, where, func, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        with pid(9):
            at(lg(sa, "satosa." + module), level, SATOSA_SRC + path, int(line), func, msg, *args, exc=exc)

    def li(module, level, where, func, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        with pid(8):
            at(lg(lo, module), level, LINOTP_SRC + path, int(line), func, msg, *args, exc=exc)

    def gunicorn(level, msg, *args, process=1):
        with pid(process):
            glog.log(level, msg, *args)

    def sid(n):
        return "urn:uuid:%08x-3b1c-4d2e-8f90-%012x" % (0x5e1a2b3c + n * 7919, 0x1a2b3c4d5e6f + n * 104729)

    def dn(user):
        return "CN=%s,OU=Staff,OU=People,DC=ad,DC=uni,DC=example,DC=edu" % user

    # SATOSA's container (gunicorn, then the app).
    gunicorn(logging.INFO, "Starting gunicorn %s", "23.0.0")
    gunicorn(logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:8080", 1)
    gunicorn(logging.INFO, "Using worker: %s", "sync")
    gunicorn(logging.INFO, "Booting worker with pid: %s", 9, process=9)
    s("proxy_server", logging.INFO, "proxy_server.py:195", "make_app", "Running SATOSA version {v}".format(v="8.5.1"))
    s("base", logging.INFO, "base.py:55", "__init__", "Loading backend modules...")
    s("plugin_loader", logging.INFO, "plugin_loader.py:49", "load_backends", "Setup backends: {}".format(["Saml2"]))
    s("base", logging.INFO, "base.py:58", "__init__", "Loading frontend modules...")
    s("plugin_loader", logging.INFO, "plugin_loader.py:70", "load_frontends", "Setup frontends: {}".format(["OIDC"]))
    s("base", logging.INFO, "base.py:64", "__init__", "Loading micro services...")
    s("plugin_loader", logging.INFO, "plugin_loader.py:260", "load_request_microservices",
      "Loaded request micro services: {}".format(["DecideBackendByRequester"]))
    s("plugin_loader", logging.INFO, "plugin_loader.py:281", "load_response_microservices",
      "Loaded response micro services:{}".format(["AddStaticAttributes", "LdapAttributeStore"]))
    # LinOTP's container: its entrypoint, gunicorn, then the app.
    printed(stream, "--- Starting LinOTP ---")
    printed(stream, "Starting gunicorn on 0.0.0.0:5000 ...")
    gunicorn(logging.INFO, "Starting gunicorn %s", "22.0.0")
    gunicorn(logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:5000", 1)
    gunicorn(logging.INFO, "Using worker: %s", "gthread")
    gunicorn(logging.INFO, "Booting worker with pid: %s", 8, process=8)
    li("linotp", logging.INFO, "app.py:811", "init_logging", "LinOTP {} starting ...".format("3.4.4"))
    li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:71", "<module>",
       "using the %r cursoring api.", 2.4)
    li("linotp.app", logging.INFO, "app.py:354", "check_license", "license successfully loaded")
    apps = ["https://wiki.uni.example.edu", "https://grades.uni.example.edu", "https://lab-booking.uni.example.edu"]
    users = ["jmueller", "akowalski", "tnguyen", "srao", "mlopez", "kobrien", "hsato", "dpetrov", "afischer", "lchen",
             "rsingh", "ebrown"]

    def login(n, ok=True):
        state = sid(n)
        s("base", logging.INFO, "base.py:111", "_auth_req_callback_func",
          "[{}] {}".format(state, "Requesting provider: {}".format(apps[n % 3])))
        s("backends.saml2", logging.INFO, "backends/saml2.py:176", "get_idp_entity_id", "[{}] {}".format(state, {
            "message": "Selected IdP", "only_one": IDP, "target_entity_id": None, "force_authn": False,
            "memorized_idp": None, "entity_id": IDP}))
        if ok:
            s("backends.saml2", logging.INFO, "backends/saml2.py:561", "_translate_response", "[{}] {}".format(state, {
                "message": "Attributes received by the backend", "issuer": IDP,
                "attributes": "eduPersonPrincipalName mail displayName eduPersonAffiliation",
                "name_id": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"}))

    def otp(user, outcome):
        li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:1076", "checkPass",
           "[checkPass] check password for user %r on LDAP server %r", dn(user), AD)
        li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:321", "connect",
           "LDAP TLS: using cipher=%s" % "Unknown")
        if outcome == "badpin":
            li("linotp.useridresolver.LDAPIdResolver", logging.WARNING, "useridresolver/LDAPIdResolver.py:1089",
               "checkPass", "[checkPass] invalid credentials: %r", Shown(
                   "INVALID_CREDENTIALS({'msgtype': 97, 'msgid': 1, 'result': 49, 'desc': 'Invalid credentials', "
                   "'ctrls': [], 'info': '80090308: LdapErr: DSID-0C090447, comment: AcceptSecurityContext error, "
                   "data 52e, v4563\\x00'})"))
            li("linotp.lib.auth.validate", logging.INFO, "lib/auth/validate.py:147", "check_pin",
               "user %r failed to authenticate.", Shown("'%s'" % "S-1-5-21-3623811015-3361044348-30300820-%d"
                                                        % (4100 + len(user))))
            return
        li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:1085", "checkPass",
           "[checkPass] ldap bind for %r successful", dn(user))
        if outcome == "replay":
            li("linotp.tokens.totptoken", logging.WARNING, "tokens/totptoken.py:470", "checkOtp",
               "a previous OTP value was used again!")
        elif outcome == "resync":
            li("linotp.tokens.totptoken", logging.INFO, "tokens/totptoken.py:556", "autosync",
               "no valid otp in auto resync window")

    # Morning sign-ins, and VPN logins with their second factor.
    for n, user in enumerate(users):
        login(n)
        outcome = {2: "badpin", 5: "replay", 8: "resync", 10: "badpin"}.get(n, "ok")
        otp(user, outcome)
    # A browser that lost SATOSA's cookie posts the IdP's response anyway.
    state_msg = {"message": "Authentication failed", "error": "Received AuthN response without a SATOSA session cookie"}
    s("backends.saml2", logging.INFO, "backends/saml2.py:418", "authn_response", "[{}] {}".format("UNKNOWN", state_msg))
    s("base", logging.ERROR, "base.py:292", "run", "[{}] {}".format("UNKNOWN", {
        "message": "Missing SATOSA State", "error": str(state_msg),
        "error_id": "urn:uuid:0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"}))
    # A response whose relay state doesn't match (a double submit).
    state = sid(40)
    login(40, ok=False)
    msg = {"message": "Authentication failed",
           "error": "Response state query param did not match relay state for request"}
    s("backends.saml2", logging.INFO, "backends/saml2.py:464", "authn_response", "[{}] {}".format(state, msg))

    def authn_response():
        def run_bound_endpoint():
            raised("satosa.exception", "SATOSAAuthenticationError", str(msg))
        run_bound_endpoint()
    try:
        authn_response()
    except Exception:
        state_json = json.dumps({"SATOSA_BASE": {"requester": apps[1]}, "SESSION_ID": state,
                                 "Saml2": {"relay_state": "Xq7Lm2Pz9Rt4Vw1Ys8Ab"}}, indent=4)
        s("base", logging.ERROR, "base.py:201", "_run_bound_endpoint", "[{}] {}".format(state, "ERROR_ID [{}]\nSTATE:\n{}"
                                                                                         .format("urn:uuid:7f1e2d3c-"
                                                                                                 "4b5a-4968-8776-655443"
                                                                                                 "322110", state_json)),
          exc=True)
    # AD's domain controller reboots for patching: LinOTP can't bind.
    for user in ("mlopez", "srao"):
        li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:1076", "checkPass",
           "[checkPass] check password for user %r on LDAP server %r", dn(user), AD)
        li("linotp.useridresolver.LDAPIdResolver", logging.WARNING, "useridresolver/LDAPIdResolver.py:1093",
           "checkPass", "[checkPass] checking password failed: %r",
           Shown("SERVER_DOWN({'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 111, 'ctrls': [], "
                 "'info': 'Connection refused'})"))
        li("linotp.useridresolver.LDAPIdResolver", logging.ERROR, "useridresolver/LDAPIdResolver.py:1101", "checkPass",
           "[checkPass] failed to connect to any resource %r", [AD])
        li("linotp.useridresolver.LDAPIdResolver", logging.ERROR, "useridresolver/LDAPIdResolver.py:1104", "checkPass",
           "[checkPass] access to resource failed: %r",
           Shown("SERVER_DOWN({'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 111, 'ctrls': [], "
                 "'info': 'Connection refused'})"))
        li("linotp.controllers.validate", logging.ERROR, "controllers/validate.py:239", "check",
           "[check] validate/check failed: %r",
           Shown("ResolverNotAvailable(\"unable to bind to servers ['%s']\")" % AD))
    # A user unknown to the directory (a typo in the VPN client).
    li("linotp.useridresolver.LDAPIdResolver", logging.INFO, "useridresolver/LDAPIdResolver.py:662", "getUserId",
       "[getUserId] : empty result for %r - uidtype: %r", "jmuller", "objectguid")
    li("linotp.controllers.validate", logging.WARNING, "controllers/validate.py:211", "check",
       "[check] authorization failed for validate/check: %r",
       Shown("AuthorizeException('User jmuller@uni not found in realm uni')"))
    # Afternoon sign-ins.
    for n, user in enumerate(users[:8]):
        login(n + 12)
        otp(user, "resync" if n == 6 else "ok")
    gunicorn(logging.CRITICAL, "WORKER TIMEOUT (pid:%s)", 9)
    gunicorn(logging.ERROR, "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 9)
    gunicorn(logging.INFO, "Booting worker with pid: %s", 14, process=14)
    with pid(14):
        at(lg(sa, "satosa.proxy_server"), logging.INFO, SATOSA_SRC + "proxy_server.py", 195, "make_app",
           "Running SATOSA version {v}".format(v="8.5.1"))
    return {"name": "satosa-linotp", "programs": [sa, lo, gun], "records": stream, "auto": False}


def _main_check():
    realworld.run(lambda: [stream_warcprox_pywb(), stream_pygeoapi_pycsw(), stream_thumbor_remotecv(),
                           stream_satosa_linotp()])


if __name__ == "__main__":
    _main_check()
