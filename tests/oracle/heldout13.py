"""The thirteenth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout12.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS outside
the areas the earlier sets covered (a web-archiving instance where
warcprox records a crawl and pywb replays it; a spatial data
infrastructure's pycsw catalogue behind pygeoapi's OGC API - Records; an
image host's Thumbor and the remotecv worker doing its smart-crop
detection; a university's identity host with the SATOSA SAML-to-OIDC proxy
and the LinOTP second-factor server; an internet exchange's IRRd mirror and
the ARouteServer builds that query it; a cold-chain fleet's IoT gateway
with the amqtt broker and mqttwarn alerting; an Ax hyperparameter sweep
whose trials TorchX runs on AWS Batch; a Koji builder's kojid and the mock
chroots it drives; a Kubeflow Pipelines step where Elyra's bootstrapper
runs a notebook that tracks its run in Neptune), each format copied from
the file named beside it (the version read is given), with the formatter
class or the filter the program uses, and messages from the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout13

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 329b345 (heldout12's rules in), before any
rule saw it: 4543 records (141 joined under a burst), 59.8% exact, 75.8%
with the key fields right (asctime 99.9%, levelname 99.3%, name 80.1%,
message 85.1%, exc_info 99.9%).

Formatters that rewrite the record rewrite the truth's too, as they run
first: neptune-client's CustomFormatter lower-cases the record's
`levelname` and pads it to seven characters ("[neptune] [info   ] ..."),
and the truth keeps that `levelname`. Ax's AxOutputNameFilter sets the
printed `output_name` to the logger's name, and the Orchestrator's
LoggerAdapter passes "Orchestrator" as an extra; both are kept. The other
attributes set here are standard ones, pinned: warcprox's processor
threads rename themselves "Name(tid=N)", and the process ids that warcprox,
IRRd's processes, kojid's forked tasks and the gunicorn workers print are
fixed numbers.

pycsw 2.6's format lacks the "[" before its time and prints the date as
"%a, %d %b %Y %H:%M:%S", then `key=value` fields (file, line, module,
function) before the message; every request logs an ERROR with a
traceback ("PostgreSQL+PostGIS+Native not picked up: %s", the "%s" left in)
and a POST's body as a bytes repr between line breaks. Its DEBUG dumps of
the whole configuration, model, namespaces and HTTP headers are left out of
each request. pycsw's entrypoint logs through logging.basicConfig
(BASIC_FORMAT) before it execs gunicorn, whose own records (gunicorn's
format) and access lines share the stream, as they do pygeoapi's and the
identity stream's. pygeoapi prints the record's pathname in braces after a
"%Y-%m-%dT%H:%M:%SZ" date; at DEBUG it logs its plugin registry as a dict.
Thumbor and remotecv share one format, Thumbor with "%Y-%m-%d %H:%M:%S",
remotecv with Python's default asctime; remotecv's UniqueQueue and
Tornado's access log write through Thumbor's handler, and pyres's messages
carry datetime.now() with microseconds. warcprox logs at its own NOTICE
level (25); its format ends with "name.funcName(filename:lineno)". SATOSA's
messages start with the session id in brackets and often hold a dict's
repr (the satosa logger runs at INFO: at DEBUG it logs dicts as messages,
which python-json-logger would merge into the document); one error carries
the state as indented JSON and a traceback. LinOTP's console format has no
time and puts "[in pathname:lineno]" after the message. IRRd's names and
levels are joined by "#" ("[irrd.server.whois.server#INFO]"), uvicorn's
startup records go through its handler, and a critical record ends with
an RPSL object. ARouteServer's format starts with the literal program name.
amqtt's broker is restarted with -d, which switches it to a format with
"name:lineno ::"; its listener records print "∞". mqttwarn pads the
logger's name to 26 in brackets. Ax's date has no year. TorchX's format
starts with "torchx" (its colour codes are empty off a terminal), and an
AppStatus message ends with four spaces. kojid prints its pid in braces,
relays a FAULT's traceback in a WARNING message and an XML-RPC response's
repr; mock's root.log has no time and two spaces before the message (dnf5's
output one record a line, a multi-line package list in one), its state.log
no level. Elyra's level is one letter and its milliseconds follow the time
after a dot; its operation messages end with a space when no duration is
given. papermill's records (in Elyra's format) carry each output the kernel
printed, ending with a line break, and papermill also writes that output
as it is: the notebook's lines and Neptune's records appear twice.

pywb's gevent access lines, the tracebacks pywb prints with --debug
(traceback.print_exc(), not a record), the shell traces of the cron and CI
scripts, the containers' entrypoint echoes, systemd's unit messages, BIRD's
replies, TorchX's app handle, status and the job log lines it relays
("trainer/0 ..."), the pip, tar and tqdm output in the Kubeflow step, and
the notebook's own printed lines are print lines; the Kubeflow step ends
with the uncaught PapermillExecutionError the interpreter prints.

Left out: brozzler (since 1.6.11 its CLI renders through structlog's
ConsoleRenderer; its stdlib format is warcprox's), pycsw 3 (its log.py now
uses pygeoapi's format: the stream runs 2.6, the release GeoNode deploys),
ansible-rulebook (Dask's format), ansible-builder and Molecule (a bare
"%(message)s" on their console), Mitogen (its Ansible handler builds the
"[mux  pid]" prefix in code and writes through Ansible's display),
ansible-navigator (its log goes to a file beside the project, with a
Formatter whose isoformat() time drops the fraction when it is zero), the
Event-Driven Ansible server ("{levelname:<8}": a `{`-field with a spec),
ARA's API server (MLflow's format in `realworld.py` without its datefmt),
pyinfra (its LogFormatter builds the line in code), pyFF, Mailu and
The Littlest JupyterHub (BASIC_FORMAT, and "%(asctime)s %(message)s",
yum's layout), ExaBGP (its formatter functions build each line in code),
k8s-sidecar (JSON or logfmt only), Shaka Streamer (print() only), WhisperX
(Dask's format) and dmarc-metrics-exporter (structlog).
"""

import json
import logging
import os
import sys
import time
import traceback

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


def ts17():
    """warcprox.timestamp17 at the clock's time."""
    return now("%Y%m%d%H%M%S") + "%03d" % (round(realworld.CLOCK.t * 1000) % 1000)


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
        cap = now("%Y%m%d%H%M%S")
        warc = f"WARCPROX-{ts17()}-x4mdb3k2-00000.warc.gz"
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
        for path, status, size in (("/gov-2024-05/", 200, 5128), (f"/gov-2024-05/{cap}/" + SEED + "/", 200,
                                                                    49811),
                                   ("/static/wombat.js", 200, 158231), (f"/gov-2024-05/{cap}js_/" + SEED +
                                                                        "/static/js/app.js", 200, 92114),
                                   (f"/gov-2024-05/{cap}cs_/" + SEED + "/static/css/site.css", 200, 18977),
                                   (f"/gov-2024-05/{cap}im_/" + SEED + "/images/hero-2024.jpg", 200, 412993)):
            gevent("10.0.3.15", path, status, size, 0.0042 + size / 4e6)
        # A capture whose record lies past the end of the WARC (warcprox was
        # still writing it when the index was merged): pywb tries each loader.

        def load():
            def load_from_warc():
                raised("warcio.recordloader", "ArchiveLoadFailed",
                       f"Unknown archive format, first line: ['\\x1f\\x8b\\x08'] - {COLL}/archive/{warc}:412993")
            load_from_warc()
        uncaught(stream, load)
        gevent("10.0.3.15", f"/gov-2024-05/{cap}/" + SEED + "/news/2024/05/bridge-closure", 404, 5291, 0.0311)
        # The crawl goes on: the news section.
        cap2 = now("%Y%m%d%H%M%S")
        warc2 = f"WARCPROX-{ts17()}-x4mdb3k2-00001.warc.gz"
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
            gevent("10.0.3.15", f"/gov-2024-05/{cap2}/{SEED}/news/page/{n * 2 + 2}/", 200, 23107 + n * 311,
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

    def loaded():
        c("server", logging.DEBUG, "server.py:419", "dispatch",
          "Repository loaded (local): %s." % "postgresql+postgis+wkt")

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
        loaded()
        c("server", logging.DEBUG, "server.py:445", "dispatch", "Parsed request parameters: %s",
          {"service": "CSW", "version": "2.0.2", "request": "GetCapabilities"})
        for where, section in (("ogc/csw/csw2.py:115", "ServiceIdentification"),
                               ("ogc/csw/csw2.py:162", "ServiceProvider"),
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
    for line in ("START /entrypoint.sh", "Default config in /pygeoapi/local.config.yml",
                 "Trying to generate openapi.yml",
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
        g("plugin", logging.DEBUG, "plugin.py:128", "load_plugin",
          f"package name: {'pygeoapi.process.manager.tinydb_'}", worker=worker)
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
                       ("api/itemtypes.py:326", "processing q parameter"),
                       ("api/itemtypes.py:329", "Loading provider")):
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
                       ("api/itemtypes.py:544", "select properties: []"),
                       ("api/itemtypes.py:545", "skipGeometry: False"),
                       ("api/itemtypes.py:546", "language: None"), ("api/itemtypes.py:547", "q: rail"),
                       ("api/itemtypes.py:548", "cql_text: None"), ("api/itemtypes.py:549", "filter_: None"),
                       ("api/itemtypes.py:550", "filter-lang: None"), ("api/itemtypes.py:551", "filter-crs: None")):
        g("api.itemtypes", logging.DEBUG, where, "get_collection_items", msg)
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:152", "query", "Processing query parameters")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:184", "query", "Processing q parameter")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:208", "query",
      f"Querying CSW: {'http://pycsw:8000/'}")
    # OWSLib's CatalogueServiceWeb reads the capabilities first, then posts GetRecords.
    get_capabilities(first=True)
    access("172.18.0.3", "GET /?service=CSW&version=2.0.2&request=GetCapabilities HTTP/1.1", 200, 14611,
           "OWSLib 0.31.0 (https://owslib.readthedocs.io)")
    body = ("b'<csw:GetRecords xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\" "
            "xmlns:ogc=\"http://www.opengis.net/ogc\" "
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
    loaded()
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
      {"request": "GetRecords", "service": "CSW", "version": "2.0.2",
       "outputschema": "http://www.opengis.net/cat/csw/2.0.2",
       "resulttype": "results", "startposition": "0", "maxrecords": "2", "outputformat": "application/xml",
       "typenames": ["csw:Record"], "elementsetname": "full", "constraint": constraint, "sortby": None})
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:815", "getrecords",
      "Querying repository with constraint: %s,        sortby: %s, typenames: %s, maxrecords: %s, startposition: %s",
      constraint, None, ["csw:Record"], 2, 1)
    c("core.repository", logging.DEBUG, "core/repository.py:258", "query", "constraint detected")
    c("ogc.csw.csw2", logging.DEBUG, "ogc/csw/csw2.py:893", "getrecords",
      "Results: matched: %s, returned: %s, next: %s", 14, 2, 3)
    c("ogc.csw.csw2", logging.INFO, "ogc/csw/csw2.py:938", "getrecords", "Presenting records %s - %s", 1, 2)
    csw_end()
    access("172.18.0.3", "POST / HTTP/1.1", 200, 6874, "OWSLib 0.31.0 (https://owslib.readthedocs.io)")
    cw[0] = 9
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:221", "query", "Found 14 records")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:222", "query", "Returned 2 records")
    g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:224", "query", "Building result set")
    for ident in ("urn:uuid:4c2f9a1e-7b3d-4e8a-9f10-2a6b5c4d3e21", "urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"):
        g("provider.csw_facade", logging.DEBUG, "provider/csw_facade.py:292", "_owslibrecord2record",
          f"Transforming {ident}")
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
    loaded()
    c("server", logging.DEBUG, "server.py:445", "dispatch", "Parsed request parameters: %s",
      {"service": "CSW", "version": "2.0.2", "request": "GetRecords", "typenames": "csw:Record",
       "constraintlanguage": "CQL_TEXT", "constraint_language_version": "1.1.0", "constraint": "dc:title like 'rail%"})
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
    enqueued = set()

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
            if url in enqueued:
                queue.debug("key %s already enqueued", "thumbor-detector-" + url)
            else:
                enqueued.add(url)
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
    for path, ext, size in products[:3]:
        image(path, ext, size, cached=True)
    rc_root.info("GET /healthcheck HTTP/1.1 %s %s", "200", "-")
    # An editorial image that is gone from the origin bucket.
    missing = f"{IMG}/editorial/2024/05/press-conference-0412.jpg"
    thumbor.debug("[RESULT_STORAGE] getting from %s",
                  result_key("unsafe/800x0/editorial/2024/05/press-conference-0412.jpg"))
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
    url = f"{IMG}/people/ana-ruiz.jpg"
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
    for n, name in enumerate(["market-day", "tram-line-7"]):
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
        error_id = "urn:uuid:7f1e2d3c-4b5a-4968-8776-655443322110"
        s("base", logging.ERROR, "base.py:201", "_run_bound_endpoint",
          "[{}] {}".format(state, "ERROR_ID [{err_id}]\nSTATE:\n{state}".format(err_id=error_id, state=state_json)),
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
    for n, user in enumerate(users[:4]):
        login(n + 12)
        otp(user, "resync" if n == 2 else "ok")
    gunicorn(logging.CRITICAL, "WORKER TIMEOUT (pid:%s)", 9)
    gunicorn(logging.ERROR, "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 9)
    gunicorn(logging.INFO, "Booting worker with pid: %s", 14, process=14)
    with pid(14):
        at(lg(sa, "satosa.proxy_server"), logging.INFO, SATOSA_SRC + "proxy_server.py", 195, "make_app",
           "Running SATOSA version {v}".format(v="8.5.1"))
    return {"name": "satosa-linotp", "programs": [sa, lo, gun], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An internet exchange's route-server build host on EC2: IRRd mirrors RIPE,
# ARIN and RADB by NRTM and serves them (and RPKI-validated route objects)
# on whois, and a cron job runs ARouteServer, whose bgpq4 queries that IRRd,
# to rebuild the BIRD route servers' configuration. IRRd's processes each
# print their own pid; ARouteServer logs on the root logger. The
# CloudWatch agent ships IRRd's log and the cron job's output (its shell
# trace and BIRD's replies are print lines) into one stream.

def stream_irrd_arouteserver():
    stream = []
    ir = Program("irrd", "irrd.daemon.main", logging.Formatter(IRRD), stream)
    ir.formatter.converter = time.gmtime
    ar = Program("arouteserver", "root", logging.Formatter(AROUTESERVER), stream)
    ars = lg(ar, "root")

    def irrd(name, level, msg, *args, process=2211, exc_info=None):
        with pid(process):
            lg(ir, name).log(level, msg, *args, exc_info=exc_info)

    def whois(client, query, elapsed, size, process=2231):
        irrd("irrd.server.whois.server", logging.INFO,
             f"{client}: sent answer to query, elapsed {elapsed:.9f}s, {size} bytes: {query}", process=process)

    # IRRd starts.
    irrd("irrd.daemon.main", logging.INFO, "IRRd attempting to secure PID")
    irrd("irrd.daemon.main", logging.INFO, f"IRRd {'4.5.3'} starting, PID {2211}, PID file in {'/var/run/irrd'}")
    irrd("root", logging.INFO, "Starting preload store manager", process=2214)
    irrd("irrd.server.whois.server", logging.INFO, f"Starting whois server on TCP {('::', 43)}", process=2215)
    irrd("uvicorn.error", logging.INFO, "Started server process [%d]", 2216, process=2216)
    irrd("uvicorn.error", logging.INFO, "Waiting for application startup.", process=2216)
    irrd("uvicorn.error", logging.INFO, "Application startup complete.", process=2216)
    irrd("irrd.storage.preload", logging.INFO,
         f"Completed preload store update from thread {'<PreloadUpdater(Thread-1, started daemon 139918372882112)>'}, "
         "notified workers", process=2214)
    # The scheduler's mirror runs: RPKI first, then NRTM.
    irrd("irrd.mirroring.mirror_runners_import", logging.INFO,
         f"Running full ROA import from: {'https://rpki-validator.ix.example.net/api/export.json'}, SLURM {None}",
         process=2240)
    irrd("irrd.mirroring.mirror_runners_import", logging.INFO,
         f"ROA import from {'https://rpki-validator.ix.example.net/api/export.json'}, SLURM {None}, imported {598213} "
         "ROAs, running validator", process=2240)
    irrd("irrd.mirroring.mirror_runners_import", logging.INFO,
         f"RPKI status updated for all routes, {41} newly valid, {7} newly invalid, {12} newly not_found routes, "
         f"{0} emails sent to contacts of newly invalid authoritative objects", process=2240)
    ops = [("RIPE", 58012346, "ADD", "route", "193.0.24.0/24AS3333", "valid"),
           ("RIPE", 58012347, "ADD", "route6", "2001:67c:2e8::/48AS3333", "valid"),
           ("RIPE", 58012348, "DEL", "route", "185.44.12.0/22AS64512", None),
           ("RIPE", 58012349, "ADD", "as-set", "AS-EXAMPLENET", None),
           ("RIPE", 58012350, "ADD", "route", "203.0.113.0/24AS65551", "invalid")]
    irrd("irrd.mirroring.mirror_runners_import", logging.INFO,
         f"Retrieving NRTM updates for {'RIPE'} from serial {58012346} on {'whois.ripe.net'}:{4444}", process=2241)
    for source, serial, op, cls, pk, rpki in ops:
        log = f"Completed NRTM operation {source}/{serial}/{op}/{cls}/{pk}"
        if rpki:
            log += f", RPKI status {rpki}"
        irrd("irrd.mirroring.nrtm_operation", logging.INFO, log, process=2241)
    irrd("irrd.mirroring.nrtm_operation", logging.INFO,
         f"Ignoring NRTM operation {'RIPE/58012351/ADD'}: {'unknown object class: poetic-form'}", process=2241)
    irrd("irrd.mirroring.mirror_runners_import", logging.INFO,
         f"Retrieving NRTM updates for {'RADB'} from serial {3920417} on {'whois.radb.net'}:{43}", process=2242)
    text = ("route:          198.51.100.0/24\ndescr:          Example customer\norigin:         AS64500\n"
            "mnt-by:         MAINT-AS64500\nchanged:        noc@example.net 20240511\nsource:         RADB")
    irrd("irrd.mirroring.nrtm_operation", logging.CRITICAL,
         f"Parsing errors occurred while processing NRTM operation {'RADB/3920418/ADD'}. "
         "This operation is ignored, causing potential data inconsistencies. "
         "A new operation for this update, without errors, "
         "will still be processed and cause the inconsistency to be resolved. "
         f"Parser error messages: {'Invalid date in changed: 20240511 is not in the past'}; original object text "
         f"follows:\n{text}", process=2242)
    irrd("irrd.mirroring.nrtm_operation", logging.INFO,
         f"Completed NRTM operation {'RADB/3920419/ADD'}/{'route'}/{'192.0.2.0/24AS64501'}, RPKI status {'not_found'}",
         process=2242)
    # ARIN's NRTM server drops the connection mid-stream.
    try:
        raised("builtins", "ConnectionResetError", "[Errno 104] Connection reset by peer")
    except Exception as exc:
        irrd("irrd.mirroring.mirror_runners_import", logging.ERROR,
             "An exception occurred while attempting a mirror update or initial import "
             f"for {'ARIN'}: {exc}", process=2243, exc_info=exc)
    irrd("irrd.storage.preload", logging.INFO,
         f"Completed preload store update from thread {'<PreloadUpdater(Thread-2, started daemon 139918364489408)>'}, "
         "notified workers", process=2214)
    # The cron job: ARouteServer builds the IPv4 route server's configuration.
    printed(stream, "+ arouteserver bird --ip-ver 4 -o /etc/bird/bird4.conf.new")
    ars.info("Started processing configuration for {}".format("/etc/arouteserver/templates/bird"))
    ars.info("Updating RPKI ROAs...")
    ars.info("RPKI ROAs loaded successfully from {}".format("https://rpki-validator.ix.example.net/api/export.json"))
    ars.info("RPKI ROAs: {} total, {} used for IPv4".format(598213, 489077))
    ars.info("Retrieving 'never via route-servers' networks from PeeringDB...")
    ars.info("{} 'never via route-servers' networks found on PeeringDB".format(1194))
    ars.info("AS-SET from PeeringDB for AS{}: guessed {} from {}".format(64510, "RIPE::AS-EXAMPLENET",
                                                                     "RIPE::AS-EXAMPLENET"))
    ars.info("No AS-SETs provided for the '{}' client. Using AS{} + those obtained from PeeringDB: {}.".format(
        "AS64510_1", 64510, "RIPE::AS-EXAMPLENET"))
    ars.warning("No AS-SETs provided for the '{}' client. Only AS{} will be expanded.".format("AS64533_1", 64533))
    ars.info("Enricher '{}' started".format("IRRdb origin ASNs"))
    clients = ["AS-EXAMPLENET", "AS-CDNCO", "AS-TRANSITCO", "AS64533", "AS-ACADNET", "AS-HOSTINGCO", "AS-MOBILECO"]
    for n, obj in enumerate(clients):
        # bgpq4, run by ARouteServer, asks this IRRd: a user agent, then the set.
        irrd("irrd.server.whois.query_parser", logging.INFO, f"{'10.0.4.17:5' + str(1200 + n)}: user agent set to: "
                                                             f"{'bgpq4-1.12'}", process=2231 + n % 3)
        whois("10.0.4.17:5" + str(1200 + n), "!nbgpq4-1.12", 0.000161233 + n * 0.000003117, 2, process=2231 + n % 3)
        whois("10.0.4.17:5" + str(1200 + n), f"!i{obj},1", 0.00412 + n * 0.0011, 118 + n * 37, process=2231 + n % 3)
        if n % 2:
            ars.info("Enricher '{}', {} tasks left".format("IRRdb origin ASNs", len(clients) - n - 1))
    ars.info("Enricher '{}' completed successfully after {} seconds".format("IRRdb origin ASNs", 4))
    ars.info("Enricher '{}' started".format("IRRdb prefixes"))
    for n, obj in enumerate(clients):
        empty = obj == "AS64533"
        whois("10.0.4.17:5" + str(1300 + n), f"!g{obj}", 0.000412 if empty else 0.01821 + n * 0.0071,
              2 if empty else 880 + n * 1311, process=2231 + n % 3)
        if obj == "AS64533":
            ars.warning("No IPv{} prefixes found in {} for {}".format(4, "AS64533", "AS64533_1"))
    # RADB's whois times out for one set, in the list of fallbacks.
    cmd = "bgpq4 -h whois.radb.net -S RIPE,ARIN,RADB -j -l prefixes -A -4 AS-MOBILECO"
    ars.warning("{} - Another attempt will be performed using the next host in the list.".format(
        "{} timed out while running the following command: '{}' The host {} will not be used for the next IRR "
        "queries. The timeout is {} seconds; to modify it, please edit the program's configuration file (usually "
        "arouteserver.yml) and change the 'bgpq3_timeout' setting.".format("bgpq4", cmd, "whois.radb.net", 60)))
    whois("10.0.4.17:51399", "!gAS-MOBILECO", 0.047712018, 21904)
    ars.info("Enricher '{}' completed successfully after {} seconds".format("IRRdb prefixes", 71))
    # A malformed query from a monitoring script.
    irrd("irrd.server.whois.query_parser", logging.INFO,
         f'{"10.0.9.40:40122"}: encountered parsing error while parsing query "{"!a4AS-EXAMPLENET x"}": '
         f'{"Invalid AS number x"}', process=2233)
    whois("10.0.9.40:40122", "!a4AS-EXAMPLENET x", 0.000098311, 31, process=2233)
    ars.info("Configuration processing completed after {} seconds.".format(83))
    ars.info("Started template rendering for {}".format("/etc/arouteserver/templates/bird"))
    ars.info("Template rendering completed after {} seconds.".format(2))
    for line in ("+ mv /etc/bird/bird4.conf.new /etc/bird/bird4.conf", "+ birdc configure",
                 "BIRD 2.15.1 ready.", "Reading configuration from /etc/bird/bird4.conf", "Reconfigured"):
        printed(stream, line)
    # The IPv6 build: PeeringDB rate-limits the host this time.
    printed(stream, "+ arouteserver bird --ip-ver 6 -o /etc/bird/bird6.conf.new")
    ars.info("Started processing configuration for {}".format("/etc/arouteserver/templates/bird"))
    ars.info("RPKI ROAs: {} total, {} used for IPv6".format(598213, 109136))
    ars.error("An error occurred while retrieving info from PeeringDB for ASN {}: {}".format(
        64521, "HTTP Error 429: Too Many Requests"))
    ars.warning("A new release is available: {} (running version: {}) - Details at {}".format(
        "1.24.0", "1.23.2", "https://github.com/pierky/arouteserver/releases/tag/v1.24.0"))
    for n, obj in enumerate(clients[:4]):
        whois("10.0.4.17:5" + str(1500 + n), f"!6{obj}", 0.02113 + n * 0.0042, 412 + n * 880, process=2231 + n % 3)
    ars.error("Enricher '{}' completed with errors after {} seconds".format("PeeringDB max-prefix", 12))
    irrd("irrd.storage.preload", logging.INFO,
         f"Completed preload store update from thread {'<PreloadUpdater(Thread-3, started daemon 139918356096704)>'}, "
         "notified workers", process=2214)
    return {"name": "irrd-arouteserver", "programs": [ir, ar], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A cold-chain fleet's IoT gateway on EC2: the amqtt broker takes the
# refrigerated trucks' telemetry, and mqttwarn (its default DEBUG level)
# subscribes to it and alerts the dispatchers through Pushover and Amazon
# SES when a trailer warms up. Both are systemd units whose stderr journald
# keeps; Fluent Bit ships the two into one stream. The broker runs without
# -d first, then the operator restarts it with -d while chasing a client
# that keeps reconnecting: its format changes mid-stream.

AMQTT_SRC = "/opt/amqtt/lib/python3.12/site-packages/amqtt/"


def stream_amqtt_mqttwarn():
    stream = []
    mq = Program("amqtt", "amqtt.broker", logging.Formatter(AMQTT), stream)
    mqd = Program("amqtt", "amqtt.broker", logging.Formatter(AMQTT_DEBUG), stream)
    mw = Program("mqttwarn", "mqttwarn.core", logging.Formatter(MQTTWARN), stream)
    debug = [False]

    def broker(name, level, where, func, msg):
        path, line = where.rsplit(":", 1)
        program = mqd if debug[0] else mq
        at(lg(program, name), level, AMQTT_SRC + path, int(line), func, msg)

    def b(level, where, func, msg):
        broker("amqtt.broker", level, "broker.py:" + where, func, msg)

    def event(name):
        broker("amqtt.broker.plugins.EventLoggerPlugin",
               logging.INFO if name in ("on_broker_client_connected", "on_broker_client_disconnected")
               else logging.DEBUG, "plugins/logging_amqtt.py:23" if name in ("on_broker_client_connected",
                                                                             "on_broker_client_disconnected")
               else "plugins/logging_amqtt.py:25", "log_event", f"### '{name}' EVENT FIRED ###")

    def m(name, level, msg, *args):
        lg(mw, name).log(level, msg, *args)

    conns = [0]

    def connect(client, ip, port):
        conns[0] += 1
        b(logging.INFO, "73", "acquire_connection", f"Listener 'default': {conns[0]}/∞ connections acquired")
        b(logging.INFO, "447", "_client_connected", f"Connection from {ip}:{port} on listener 'default'")
        if debug[0]:
            broker("amqtt.broker.plugins.AnonymousAuthPlugin", logging.DEBUG, "plugins/authentication.py:28",
                   "authenticate", "Authentication success: config allows anonymous")
            b(logging.DEBUG, "809", "_authenticate", "Authentication succeeded")
            b(logging.DEBUG, "523", "_initialize_client_session", f"Keep-alive timeout={60}")
        event("on_broker_client_connected")
        if debug[0]:
            b(logging.DEBUG, "575", "_handle_client_session", f"{client} Start messages handling")
            b(logging.DEBUG, "579", "_handle_client_session", f"Retained messages queue size: {0}")

    def disconnect(client):
        if debug[0]:
            b(logging.DEBUG, "461", "_client_connected", f"{client} Client disconnected")
        event("on_broker_client_disconnected")
        conns[0] -= 1
        b(logging.INFO, "82", "release_connection", f"Listener 'default': {conns[0]}/∞ connections acquired")

    def alarm(truck, temp, services):
        topic = f"fleet/{truck}/temp"
        payload = json.dumps({"truck": truck, "reefer_c": temp, "setpoint_c": 4.0, "door": "closed",
                              "ts": now("%Y-%m-%dT%H:%M:%SZ")})
        if debug[0]:
            b(logging.DEBUG, "732", "_handle_message_delivery", f"{truck} handling message delivery")
            b(logging.DEBUG, "1015", "_run_broadcast",
              f"Broadcasting message from (client id={truck}) on topic '{topic}' to (client id=mqttwarn-gw01)")
        m("mqttwarn.core", logging.DEBUG, f"Message received on {topic}: {payload}")
        m("mqttwarn.core", logging.DEBUG, "Section [%s] matches message on %s, processing it" % ("fleet/+/temp", topic))
        if temp <= 7.0:
            m("mqttwarn.core", logging.INFO, "Filter in section [%s] has skipped message on %s" % ("fleet/+/temp",
                                                                                                     topic))
            return
        for service, target in services:
            m("mqttwarn.core", logging.DEBUG, "Message on %s going to %s" % (topic, f"{service}:{target}"))
            m("mqttwarn.core", logging.DEBUG, "New `%s:%s' job: %s" % (service, target, topic))
        for n, (service, target) in enumerate(services):
            m("mqttwarn.core", logging.DEBUG, "Job queue has %s items to process" % (len(services) - n - 1))
            m("mqttwarn.core", logging.DEBUG, "Processor #%s is handling: `%s' for %s" % (n, service, target))
            m("mqttwarn.core", logging.INFO, "Invoking service plugin for `%s'" % service)
            srv = "mqttwarn.services." + service
            m(srv, logging.DEBUG, "*** MODULE=%s: service=%s, target=%s",
              f"/usr/local/lib/python3.12/site-packages/mqttwarn/services/{service}.py", service, target)
            if service == "pushover":
                params = {"retry": 60, "expire": 3600, "priority": "1", "title": f"Reefer alarm {truck}",
                          "message": f"{truck}: reefer at {temp} °C (setpoint 4.0 °C)", "sound": "siren"}
                m(srv, logging.DEBUG, "Sending pushover notification to %s [%s]" % (target, params))
                m(srv, logging.DEBUG, "Successfully sent pushover notification")
            else:
                addresses = ["dispatch@coldchain.example.com", "fleet-ops@coldchain.example.com"]
                m(srv, logging.DEBUG, "Sending SMTP notification to %s, addresses: %s" % (target, addresses))
                if truck == "truck-0577":
                    m(srv, logging.WARNING, "Error sending notification to SMTP recipient %s, addresses: %s. "
                                            "Exception: %s" % (target, addresses,
                                                               (454, b"Throttling failure: Maximum sending rate "
                                                                     b"exceeded.")))
                    m("mqttwarn.core", logging.WARNING,
                      f"Notification failed or timed out. service={service}, topic={topic}")
                else:
                    m(srv, logging.DEBUG, "Successfully sent SMTP notification")

    # The broker starts (no -d).
    b(logging.INFO, "294", "_start_listeners", "Listener 'default' bind to 0.0.0.0:1883 (max_connections=-1)")
    b(logging.INFO, "348", "_session_monitor", "Starting session expiration monitor.")
    # mqttwarn starts and connects.
    m("mqttwarn.commands", logging.INFO, "Starting {}".format("mqttwarn"))
    m("mqttwarn.commands", logging.INFO, "Log level is %s" % "DEBUG")
    for service in ("pushover", "smtp", "file"):
        m("mqttwarn.core", logging.DEBUG, 'Trying to load built-in service "{}" from "{}"'.format(service, service))
        m("mqttwarn.core", logging.DEBUG, 'Trying to load service "{}" from file "{}"'.format(
            service, f"/usr/local/lib/python3.12/site-packages/mqttwarn/services/{service}.py"))
        m("mqttwarn.core", logging.INFO, 'Successfully loaded service "{}"'.format(service))
    m("mqttwarn.core", logging.DEBUG, "Attempting connection to MQTT broker %s:%d" % ("127.0.0.1", 1883))
    m("mqttwarn.core", logging.DEBUG, "Setting LWT to %s" % "mqttwarn/gw01/status")
    m("mqttwarn.core", logging.INFO, "Starting %s worker threads" % 2)
    m("mqttwarn.core", logging.INFO, "Scheduling periodic task '{name}' to run each {interval} seconds via [cron] "
                                     "section".format(name="publish_heartbeat", interval=60.0))
    connect("mqttwarn-gw01", "127.0.0.1", 41822)
    m("mqttwarn.core", logging.DEBUG, "Connected to MQTT broker, subscribing to topics")
    m("mqttwarn.core", logging.DEBUG,
      "Cleansession==False; previous subscriptions for clientid %s remain active on broker" % "mqttwarn-gw01")
    for topic in ("fleet/+/temp", "fleet/+/door", "fleet/+/gps"):
        m("mqttwarn.core", logging.DEBUG, "Subscribing to %s (qos=%d)" % (topic, 1))
    m("mqttwarn.core", logging.INFO, f"Publishing status information to {'mqttwarn/gw01/status'}")
    # Trucks connect over the cellular network and report.
    trucks = [("truck-0412", "100.64.3.17", 50211), ("truck-0577", "100.64.8.92", 38814),
              ("truck-0610", "100.64.1.5", 45120), ("truck-0733", "100.64.6.41", 60017)]
    for truck, ip, port in trucks:
        connect(truck, ip, port)
    alarm("truck-0412", 4.6, [])
    alarm("truck-0610", 3.9, [])
    alarm("truck-0577", 9.8, [("pushover", "dispatch"), ("smtp", "ops-email")])
    b(logging.INFO, "763", "_handle_message_delivery",
      "truck-0733 not allowed to publish to TOPIC fleet/truck-0412/temp.")
    # A truck whose modem keeps reconnecting: garbage on the socket.
    b(logging.WARNING, "476", "_initialize_client_session",
      "[MQTT-3.1.0-1] (client @=100.64.9.14:52871): Can't read first packet as CONNECT: "
      "MQTTError('Invalid packet type 3 received while expecting CONNECT')")
    b(logging.ERROR, "488", "_initialize_client_session", "No data from (client @=100.64.9.14:52877) : ")
    b(logging.WARNING, "559", "_handle_client_session", "Client truck-0801 is already connected, performing take-over.")
    disconnect("truck-0801")
    # The operator restarts the broker with -d.
    printed(stream, "Stopping amqtt.service - amqtt MQTT broker...")
    b(logging.INFO, "377", "shutdown", "Shutting down broker...")
    b(logging.INFO, "404", "shutdown", "Broker closed")
    m("mqttwarn.core", logging.WARNING, "MQTT server disconnected, trying to reconnect each %s seconds" % 5)
    debug[0] = True
    conns[0] = 0
    printed(stream, "Started amqtt.service - amqtt MQTT broker.")
    b(logging.DEBUG, "246", "start", "Broker starting")
    b(logging.INFO, "294", "_start_listeners", "Listener 'default' bind to 0.0.0.0:1883 (max_connections=-1)")
    b(logging.DEBUG, "260", "start", "Broker started")
    b(logging.INFO, "348", "_session_monitor", "Starting session expiration monitor.")
    connect("mqttwarn-gw01", "127.0.0.1", 41836)
    m("mqttwarn.core", logging.DEBUG, "Connected to MQTT broker, subscribing to topics")
    for truck, ip, port in trucks[:2] + [("truck-0733", "100.64.6.41", 60017), ("truck-0801", "100.64.9.14", 52883)]:
        connect(truck, ip, port + 7)
    b(logging.DEBUG, "693", "_handle_subscription", "mqttwarn-gw01 handling subscription")
    alarm("truck-0412", 4.4, [])
    alarm("truck-0733", 11.2, [("pushover", "dispatch"), ("smtp", "ops-email")])
    b(logging.WARNING, "564", "_handle_client_session", "Client truck-0801 is reconnecting too quickly, make it wait")
    disconnect("truck-0801")
    alarm("truck-0610", 4.1, [])
    alarm("truck-0577", 6.8, [])
    b(logging.WARNING, "746", "_handle_message_delivery",
      "[MQTT-4.7.3-1] - truck-0801 invalid TOPIC sent in PUBLISH message, closing connection")
    disconnect("truck-0801")
    b(logging.DEBUG, "371", "_session_monitor", f"Expired {2} sessions")
    return {"name": "amqtt-mqttwarn", "programs": [mq, mqd, mw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An ML platform's sweep host on EC2: the launcher script runs the baseline
# with the TorchX CLI on AWS Batch (building the workspace image, pushing
# it to ECR) and follows it with `torchx log`, then runs an Ax Orchestrator
# whose TorchXRunner submits each trial as an AWS Batch job and polls it.
# The CloudWatch agent ships the script's output: TorchX's records, the
# log lines `torchx log` prints ("trainer/0 ..."), the app handle it prints,
# and Ax's records through the "ax" logger's own stream handler.

ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com"


def stream_ax_torchx():
    stream = []
    ax = Program("ax", "ax", logging.Formatter(AX, AX_DATEFMT), stream)
    tx = Program("torchx", "torchx.cli.cmd_run", logging.Formatter(TORCHX, TORCHX_DATEFMT), stream)
    orch = lg(ax, "ax.orchestration.orchestrator.Orchestrator@0x7f3c5a2b9e10")
    dispatch = lg(ax, "ax.generation_strategy.dispatch_utils")
    dispatch.addFilter(AxOutputName())

    def o(level, msg):
        orch.log(level, msg, extra={"output_name": "Orchestrator"})

    def t(name, level, msg, *args):
        lg(tx, name).log(level, msg, *args)

    handle = "aws_batch://torchx/torchx-trainer-x5q1z9b0wd1k3"
    printed(stream, "+ torchx run --scheduler aws_batch --workspace file:///home/ec2-user/sweeps/trainer --log "
                    "--wait dist.ddp -j 1x8 --script train.py -- --lr 0.003 --epochs 4")
    t("torchx.runner.config", logging.INFO, "loaded configs from %s" % "/home/ec2-user/sweeps/.torchxconfig")
    t("torchx.runner.api", logging.INFO, f"Tracker configurations: {{'mlflow': None}}")
    t("torchx.runner.api", logging.INFO,
      f"Checking for changes in workspace `{'file:///home/ec2-user/sweeps/trainer'}`...")
    t("torchx.runner.api", logging.INFO,
      'To disable workspaces pass: --workspace="" from CLI or workspace=None programmatically.')
    t("torchx.workspace.docker_workspace", logging.INFO, "Building workspace docker image (this may take a while)...")
    for line in ("Step 1/4 : FROM %s/trainer-base:2024.05" % ECR, " ---> 3f2a9c1d7e55",
                 "Step 2/4 : COPY . .", " ---> 8b1e0c4d2a91", "Step 3/4 : LABEL torchx.pytorch.org/version=0.7.0",
                 " ---> Running in 5d7a3c9e1f20", " ---> 0c4f6a8e2b13",
                 "Step 4/4 : LABEL torchx.pytorch.org/workspace=1",
                 " ---> Running in a1c3e5f7b9d2", " ---> e7b2d4f6a8c0", "Successfully built e7b2d4f6a8c0"):
        t("torchx.workspace.docker_workspace", logging.INFO, line)
    t("torchx.runner.api", logging.INFO,
      f"Built new image `sha256:e7b2d4f6a8c0` based on original image `{ECR}/trainer-base:2024.05` and changes in "
      f"workspace `file:///home/ec2-user/sweeps/trainer` for role[0]={'trainer'}.")
    t("torchx.workspace.docker_workspace", logging.INFO, f"pushing image {ECR}/torchx:{'e7b2d4f6a8c0'}...")
    printed(stream, handle)
    t("torchx.cli.cmd_run", logging.INFO, f"Launched app: {handle}")
    t("torchx.cli.cmd_run", logging.INFO, app_status("PENDING", handle))
    t("torchx.cli.cmd_run", logging.INFO, "Waiting for the app to finish...")
    for n in range(4):
        printed(stream, f"trainer/0 [rank0]: epoch {n + 1}/4 step {(n + 1) * 1250} loss {0.912 - n * 0.171:.4f} "
                        f"val_acc {0.701 + n * 0.052:.4f}")
        if n == 1:
            printed(stream, "trainer/0 [rank0]:[W511 14:52:03.412118 ProcessGroupNCCL.cpp:4115] Warning: "
                            "TORCH_NCCL_AVOID_RECORD_STREAMS=1 has no effect for point-to-point collectives. "
                            "(function operator())")
    printed(stream, "trainer/0 [rank0]: saved checkpoint s3://ml-sweeps/baseline/ckpt-5000.pt")
    t("torchx.cli.cmd_run", logging.INFO, f"Job finished: {'SUCCEEDED'}")
    # The sweep.
    printed(stream, "+ python sweep.py --trials 12 --parallelism 3")
    reason = "there is at least one ordered parameter and there are no unordered categorical parameters."
    dispatch.info(f"Using {'Generators.BOTORCH_MODULAR'} since {reason}")
    o(logging.INFO, "`Orchestrator` requires experiment to have immutable search space and optimization config. "
                    f"Setting property {'immutable_search_space_and_opt_config'} to `True` on experiment.")
    o(logging.INFO, f"Experiment(resnet50-lr-wd) already has {1} trials associated with it. Total trials setting for "
                    f"this Orchestrator is {13}, so number of trials ran by `orchestrator.run_all_trials` would be "
                    f"{12}.")
    trial = 1
    polls = [1, 1.5, 2, 3, 5, 7]
    for batch in range(3):
        first = trial
        o(logging.INFO, f"Running trials {first} - {first + 2}...")
        trial += 3
        for seconds in polls[: 3 + batch % 2]:
            o(logging.INFO, f"Waiting for completed trials (for {seconds} sec, currently running trials: 3).")
        if batch == 1:
            o(logging.INFO, f"Retrieved COMPLETED trials: {[first, first + 2]}.")
            o(logging.INFO, f"Retrieved FAILED trials: {first + 1}.")
            o(logging.WARNING, f"MetricFetchE INFO: Because {'val_acc'} is an objective, marking trial {first + 1} "
                               f"as {'TrialStatus.FAILED'}.")
        else:
            o(logging.INFO, f"Retrieved COMPLETED trials: {first} - {first + 2}.")
        if batch == 2:
            o(logging.INFO, "Generated all trials that can be generated currently. Max parallelism currently reached.")
    # The failed trial: the operator looks at it with the CLI.
    printed(stream, "+ torchx status aws_batch://torchx/torchx-trainer-4fq0m1s8h2v6c")
    failed = app_status("FAILED", "aws_batch://torchx/torchx-trainer-4fq0m1s8h2v6c")
    for line in failed.splitlines():
        printed(stream, line) if line.strip() else None
    printed(stream, "+ torchx log --regex 'Error' aws_batch://torchx/torchx-trainer-4fq0m1s8h2v6c/trainer/0")
    t("torchx.cli.cmd_log", logging.INFO, "Waiting for app state response before fetching logs...")
    for line in ("trainer/0 [rank3]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 3 has "
                 "a total capacity of 79.10 GiB of which 1.21 GiB is free.",
                 "trainer/0 [rank3]: RuntimeError: NCCL Error 3: internal error - please report this issue to the NCCL "
                 "developers",
                 "trainer/0 ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: 1) local_rank: 3 "
                 "(pid: 412) of binary: /opt/conda/bin/python"):
        printed(stream, line)
    # A rerun of that trial fails before it starts: the Batch queue's name has a typo in the CLI call.
    printed(stream, "+ torchx run --scheduler aws_batch -cfg queue=gpu-p4d-queu dist.ddp -j 1x8 --script train.py")
    t("torchx.runner.config", logging.INFO, "loaded configs from %s" % "/home/ec2-user/sweeps/.torchxconfig")
    t("torchx.runner.config", logging.WARNING,
      f"`{'image_repo'} = {ECR + '/torchx'}` was declared in the [{'aws_batch'}] section  of the config file but "
      "is not "
      f"a runopt of `{'aws_batch'}` scheduler. Remove the entry from the config file to no longer see this warning")
    t("torchx.cli.cmd_run", logging.ERROR,
      "Scheduler arg is incorrect or missing required option: `queue`\nRun `torchx runopts` to check configuration "
      "for `aws_batch` scheduler\nUse `-cfg` to specify run cfg as `key1=value1,key2=value2` pair\nof setup "
      "`.torchxconfig` file, see: https://pytorch.org/torchx/main/experimental/runner.config.html")
    # The sweep goes on with its last batch.
    o(logging.INFO, f"Running trials {trial} - {trial + 2}...")
    for seconds in polls[:5]:
        o(logging.INFO, f"Waiting for completed trials (for {seconds} sec, currently running trials: 3).")
    o(logging.INFO, f"Retrieved COMPLETED trials: {trial} - {trial + 2}.")
    o(logging.INFO, "Completing the optimization: Reached total_trials=13. `should_consider_optimization_complete` is "
                    "`True`, not running more trials.")
    printed(stream, "best parameters: {'lr': 0.00412, 'weight_decay': 0.0518, 'warmup_epochs': 3} val_acc=0.8731")
    return {"name": "ax-torchx", "programs": [ax, tx], "records": stream, "auto": False}


def app_status(state, handle, roles=""):
    """torchx.specs.api.AppStatus.format (0.7.0): its _APP_STATUS_FORMAT_TEMPLATE
    filled in, with no replica status from AWS Batch (the template's last
    line is four spaces)."""
    from string import Template
    template = """AppStatus:
    State: ${state}
    Num Restarts: ${num_restarts}
    Roles: ${roles}
    Msg: ${msg}
    Structured Error Msg: ${structured_error_msg}
    UI URL: ${url}
    """
    job = {"aws_batch://torchx/torchx-trainer-x5q1z9b0wd1k3": "6c9f0e2a-4b1d-4e3a-9f7c-2d8e1b0a5c43"}.get(
        handle, "91b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")
    msg = "<NONE>" if state != "FAILED" else "Essential container in task exited"
    url = "https://us-east-1.console.aws.amazon.com/batch/home?region=us-east-1#jobs/detail/" + job
    return Template(template).substitute(state=state, num_restarts=0, roles=roles, msg=msg,
                                         structured_error_msg="<NONE>", url=url)


# --------------------------------------------------------------------------
# A Koji build host on EC2 (a distribution's aarch64 and x86_64 builders
# run in AWS): kojid in the foreground under systemd (its stderr handler in
# the journal), and the logs of the mock chroots it drives, root.log and
# state.log in each buildroot's result directory, which the CloudWatch
# agent tails into the same stream as the journal. mock's root.log has no
# time; its records relay dnf5's output line by line.

KOJI_BR = "f40-build-48213-112230"
MOCK_ROOT_DIR = f"/var/lib/mock/{KOJI_BR}"


def stream_kojid_mock():
    stream = []
    kd = Program("kojid", "koji.build", logging.Formatter(KOJID), stream)
    mr = Program("mock", "mockbuild", logging.Formatter(MOCK_ROOT), stream)
    ms = Program("mock", "mockbuild.Root.state", logging.Formatter(MOCK_STATE), stream)
    state_log = lg(ms, "mockbuild.Root.state")

    def k(name, level, where, func, msg, *args, process=1402):
        path, line = where.rsplit(":", 1)
        with pid(process):
            at(lg(kd, name), level, path, int(line), func, msg, *args)

    def root(level, where, func, msg, *args):
        path, line = where.rsplit(":", 1)
        at(lg(mr, "mockbuild"), level, "/usr/lib/python3.12/site-packages/mockbuild/" + path, int(line), func, msg,
           *args)

    def state(msg, *args):
        state_log.info(msg, *args)

    def dnf(lines):
        # util.logOutput skips the empty lines.
        for line in lines:
            if line != "":
                root(logging.DEBUG, "util.py:463", "logOutput", line)

    def command(cmd, env=None):
        root(logging.DEBUG, "util.py:636", "__init__", "child environment: %s", env)
        root(logging.DEBUG, "util.py:558", "do_with_status", "Executing command: %s with env %s and shell %s", cmd,
             env or {"TERM": "vt100", "SHELL": "/bin/bash", "HOME": "/builddir", "HOSTNAME": "mock",
                     "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "PROMPT_COMMAND": 'printf "\\033]0;<mock-chroot>\\007"',
                     "PS1": "<mock-chroot> \\s-\\v\\$ ", "LANG": "C.UTF-8", "LC_MESSAGES": "C.UTF-8"}, False)

    # kojid starts (systemd restarted it after a config push).
    k("koji.build", logging.INFO, "/usr/sbin/kojid:136", "main", "Starting up")
    k("koji.build", logging.INFO, "/usr/sbin/kojid:145", "main", "Loading plugin: %s" % "runroot")
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:997", "updateTasks",
      "freeing stale tasks: %r" % [112228])
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1333", "takeTask",
      "Attempting to take task %s" % 112230)
    # The forked task process sets up the buildroot and runs mock.
    cmd = ["/usr/bin/mock", "-r", f"koji/{KOJI_BR}", "--init"]
    k("koji.build.buildroot", logging.INFO, "/usr/sbin/kojid:473", "mock", " ".join(cmd), process=1733)
    k("koji.build.buildroot", logging.INFO, "/usr/sbin/kojid:509", "mock", "Running mock as %s" % "kojibuilder",
      process=1733)
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:972", "updateTasks",
      "pids: %r" % {112230: 1733})
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:974", "updateTasks",
      "open task: %r" % {"id": 112230, "waiting": False, "weight": 2.173})
    root(logging.INFO, "buildroot.py:668", "resetLogging", "Mock Version: %s", "6.7")
    state("Mock Version: %s", "6.7")
    state("Start: %s", "init plugins")
    root(logging.INFO, "buildroot.py:181", "set_package_manager", "Package manager %s detected and used (%s)", "dnf5",
         "direct choice")
    state("Finish: %s", "init plugins")
    state("Start: %s", "run")
    state("Start: %s", "chroot init")
    root(logging.DEBUG, "buildroot.py:332", "_init", "rootdir = %s", MOCK_ROOT_DIR + "/root")
    root(logging.DEBUG, "buildroot.py:333", "_init", "resultdir = %s", MOCK_ROOT_DIR + "/result")
    state("Start(bootstrap): %s", "chroot init")
    root(logging.INFO, "buildroot.py:282", "_load_from_container_image", "Using local image %s (%s)",
         "registry.fedoraproject.org/fedora:40", "7a1f2e0c9d3b")
    root(logging.INFO, "buildroot.py:288", "_load_from_container_image", "Checking image digest: %s",
         "sha256:6a4e1c2b7d8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d")
    state("Finish(bootstrap): %s", "chroot init")
    state("Start: %s", "cleaning package manager metadata")
    state("Finish: %s", "cleaning package manager metadata")
    state("Start: %s", "installing minimal buildroot with dnf5")
    install = ["/usr/bin/dnf5", "--installroot", MOCK_ROOT_DIR + "/root/", "-y", "--setopt=deltarpm=False",
               "--setopt=allow_vendor_change=yes", "--allowerasing", "--disableplugin=local",
               "--disableplugin=spacewalk", "install", "@build"]
    root(logging.DEBUG, "package_manager.py:295", "_execute_mounted", " ".join(install))
    command(install)
    dnf(["Updating and loading repositories:",
         " build                                  100% |  61.4 MiB/s |   4.3 MiB |  00m00s",
         "Repositories loaded.",
         "Package                         Arch    Version                    Repository      Size",
         "Installing group/module packages:",
         " bash                           x86_64  5.2.26-3.fc40              build        8.1 MiB",
         " coreutils                      x86_64  9.4-6.fc40                 build        5.5 MiB",
         " gcc                            x86_64  14.1.1-1.fc40              build      104.3 MiB",
         " redhat-rpm-config              noarch  288-1.fc40                 build      186.0 KiB",
         " rpm-build                      x86_64  4.19.1.1-1.fc40            build      173.9 KiB",
         "",
         "Transaction Summary:",
         " Installing:       152 packages",
         "",
         "Total size of inbound packages is 71 MiB. Need to download 0 B.",
         "After this operation, 353 MiB extra will be used (install 353 MiB, remove 0 B).",
         "[  1/154] Verify package files           100% |   1.1 KiB/s | 152.0   B |  00m00s",
         "[  2/154] Prepare transaction            100% |   2.6 KiB/s | 152.0   B |  00m00s",
         "[154/154] Installing gcc-0:14.1.1-1.fc40.x86_64 100% | 129.5 MiB/s | 104.3 MiB |  00m01s",
         "Complete!"])
    root(logging.DEBUG, "util.py:610", "do_with_status", "Child return code was: %s", 0)
    state("Finish: %s", "installing minimal buildroot with dnf5")
    root(logging.INFO, "package_manager.py:201", "_do", "%s %s:\n%s", "Buildroot is handled by package management",
         "downloaded with a bootstrap image",
         "\n".join("  " + line for line in ("rpm-4.19.1.1-1.fc40.x86_64", "rpm-sequoia-1.6.0-3.fc40.x86_64",
                                            "dnf5-5.1.17-2.fc40.x86_64", "dnf5-plugins-5.1.17-2.fc40.x86_64")))
    root(logging.INFO, "backend.py:229", "_show_installed_packages", "Installed packages:")
    root(logging.INFO, "backend.py:230", "_show_installed_packages", "\n".join([
        "alternatives-1.26-3.fc40.x86_64 1707350400 64072 installed",
        "bash-5.2.26-3.fc40.x86_64 1707350400 8485287 installed",
        "coreutils-9.4-6.fc40.x86_64 1710892800 5763402 installed",
        "gcc-14.1.1-1.fc40.x86_64 1715040000 109363874 installed",
        "rpm-build-4.19.1.1-1.fc40.x86_64 1708387200 178073 installed"]))
    state("Finish: %s", "chroot init")
    state("Finish: %s", "run")
    response = ("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><nil/></value></param>\n"
                "</params>\n</methodResponse>\n")
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1424", "runTask",
      "RESPONSE: %r" % response, process=1733)
    # The build itself: rpmbuild in the chroot, its output in build.log (not shipped); root.log
    # gets the dynamic build requirements.
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1333", "takeTask",
      "Attempting to take task %s" % 112231)
    cmd = ["/usr/bin/mock", "-r", f"koji/{KOJI_BR}", "--no-clean", "--target", "x86_64", "--rebuild",
           "python-boto3-1.34.100-1.fc40.src.rpm"]
    k("koji.build.buildroot", logging.INFO, "/usr/sbin/kojid:473", "mock", " ".join(cmd), process=1734)
    root(logging.INFO, "buildroot.py:668", "resetLogging", "Mock Version: %s", "6.7")
    state("Start: %s", "rpmbuild python-boto3-1.34.100-1.fc40.src.rpm")
    state("Start: %s", "Outputting list of installed packages")
    state("Finish: %s", "Outputting list of installed packages")
    root(logging.INFO, "backend.py:772", "rebuild_package", "Going to install missing dynamic buildrequires")
    dyn = ["/usr/bin/dnf5", "--installroot", MOCK_ROOT_DIR + "/root/", "-y", "builddep",
           "/builddir/build/SRPMS/python-boto3-1.34.100-1.fc40.buildreqs.nosrc.rpm"]
    root(logging.DEBUG, "package_manager.py:295", "_execute_mounted", " ".join(dyn))
    command(dyn)
    dnf(["Updating and loading repositories:", "Repositories loaded.",
         "Package \"python3-setuptools-69.0.3-3.fc40.noarch\" is already installed.",
         "Package                         Arch    Version                    Repository      Size",
         "Installing:",
         " python3-botocore               noarch  1.34.100-1.fc40            build       62.8 MiB",
         " python3-s3transfer             noarch  0.10.1-1.fc40              build      615.9 KiB",
         "",
         "Transaction Summary:",
         " Installing:         4 packages"])
    root(logging.DEBUG, "util.py:461", "logOutput", "%s%s", "",
         "warning: Unable to get systemd shutdown inhibition lock: Could not activate remote peer: "
         "activation request failed: unknown unit.")
    root(logging.DEBUG, "util.py:463", "logOutput", "Complete!")
    root(logging.DEBUG, "util.py:610", "do_with_status", "Child return code was: %s", 0)
    for _ in range(2):
        k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:972", "updateTasks",
          "pids: %r" % {112231: 1734})
        k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:974", "updateTasks",
          "open task: %r" % {"id": 112231, "waiting": False, "weight": 1.511})
    # The tests need the network: the build fails.
    root(logging.DEBUG, "util.py:558", "do_with_status", "Executing command: %s with env %s and shell %s",
         ["bash", "--login", "-c", "/usr/bin/rpmbuild -bb  --target x86_64 --nodeps "
          "/builddir/build/originals/python-boto3.spec"], {"TERM": "vt100", "LANG": "C.UTF-8"}, False)
    root(logging.DEBUG, "util.py:610", "do_with_status", "Child return code was: %s", 1)
    state("Finish: %s", "rpmbuild python-boto3-1.34.100-1.fc40.src.rpm")
    state("Finish: %s", "build phase for python-boto3-1.34.100-1.fc40.src.rpm")

    def run_task():
        def handler():
            def do_mock_build():
                raised("koji", "BuildError", "error building package (arch x86_64), mock exited with status 1; see "
                                             "build.log or root.log for more information")
            do_mock_build()
        handler()
    try:
        run_task()
    except Exception:
        tb = "".join(traceback.format_exception(*sys.exc_info())).replace(r"\n", "\n")
        k("koji.TaskManager", logging.WARNING, "/usr/lib/python3.12/site-packages/koji/daemon.py:1430", "runTask",
          "FAULT:\n%s" % tb, process=1734)
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1093", "_waitTask",
      "%s: %s" % ("task 112231", "exited with status 0"), process=1402)
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:802", "updateBuildroots",
      "Expiring buildroot: %(id)i/%(tag_name)s/%(arch)s" % {"id": 48213, "tag_name": "f40-build", "arch": "x86_64"})
    # The disk filled up with chroots: kojid stops taking tasks.
    k("koji.TaskManager", logging.WARNING, "/usr/lib/python3.12/site-packages/koji/daemon.py:1268", "checkSpace",
      "Insufficient disk space at %s: %i MB, %i MB required" % ("/var/lib/mock", 7812, 8192))
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:878", "updateBuildroots",
      "Removing buildroot: %s" % "48211/f40-build/x86_64")
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:903", "updateBuildroots",
      "%s: clearing rootdir" % "48211/f40-build/x86_64")
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:911", "updateBuildroots",
      "%s: clearing resultdir: %s" % ("48211/f40-build/x86_64", "/var/lib/mock/f40-build-48211-112219/result"))
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1333", "takeTask",
      "Attempting to take task %s" % 112236)
    k("koji.build.BuildArchTask", logging.INFO, "/usr/sbin/kojid:1559", "checkHostArch",
      "Task %s (%s): tag arches (%s) and host arches (%s) are disjoint" % (112236, "buildArch", "aarch64",
                                                                           "x86_64, noarch"), process=1740)
    k("koji.build", logging.WARNING, "/usr/sbin/kojid:152", "restart", "Initiating graceful restart")
    k("koji.TaskManager", logging.INFO, "/usr/lib/python3.12/site-packages/koji/daemon.py:1292", "readyForTask",
      "Pending restart")
    k("koji.build", logging.WARNING, "/usr/sbin/kojid:168", "main", "Restarting")
    printed(stream, "kojid.service: Scheduled restart job, restart counter is at 1.")
    k("koji.build", logging.INFO, "/usr/sbin/kojid:136", "main", "Starting up", process=1811)
    return {"name": "kojid-mock", "programs": [kd, mr, ms], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Kubeflow Pipelines step on EKS (its pod's log shipped by Fluent Bit):
# Elyra's bootstrapper runs a training notebook through papermill
# (log_output=True with stdout_file=sys.stdout: each output of the kernel
# is logged as a papermill record in Elyra's format and also written as it
# is), and the notebook tracks its run in Neptune, whose records the kernel
# prints with neptune-client's own formatter: they reach the pod's log
# twice, inside papermill's records and as their own lines. The container's
# shell prints its commands' output; papermill's progress bar ends the step.

PIPELINE = "churn-training"
OP = "train"
NEPTUNE_RUN = "https://app.neptune.ai/acme-ml/churn/e/CHURN-412"
BUCKET = "ml-pipelines-artifacts"
COS_DIR = "churn-training-0511144444"


def stream_elyra_neptune():
    stream = []
    el = Program("elyra", "elyra", logging.Formatter(ELYRA, ELYRA_DATEFMT), stream)
    relayed = []
    nep = Program("neptune-client", "neptune", NeptuneFormatter(), relayed)
    elyra = lg(el, "elyra")
    pm = lg(el, "papermill")
    urllib3 = lg(el, "urllib3.connectionpool")
    neptune = lg(nep, "neptune")

    def op_info(action, duration=None):
        duration_clause = f"({duration:.3f} secs)" if duration else ""
        elyra.info(f"'{PIPELINE}':'{OP}' - {action} {duration_clause}")

    def s3(method, key, status, size):
        urllib3.debug('%s://%s:%s "%s %s %s" %s %s', "https", "s3.us-east-1.amazonaws.com", 443, method,
                      f"/{BUCKET}/{COS_DIR}/{key}", "HTTP/1.1", status, size)

    def out(text):
        """A line the notebook prints: papermill's record, then the line."""
        pm.info(text + "\n")
        printed(stream, text)

    def nlog(level, msg, *args):
        """A Neptune record in the kernel: its line, relayed by papermill."""
        neptune.log(level, msg, *args)
        text = relayed[-1]["text"]
        pm.info(text + "\n")
        moved(relayed, stream)

    # The container's command: fetch the bootstrapper, then run it.
    elyra_src = "https://raw.githubusercontent.com/elyra-ai/elyra/v4.1.1/"
    for line in (f"Downloading {elyra_src}elyra/kfp/bootstrapper.py",
                 f"Downloading {elyra_src}etc/generic/requirements-elyra.txt"):
        printed(stream, line)
    elyra.debug("Parsing Arguments.....")
    op_info("starting operation")
    op_info("Installing packages")
    elyra.info("Newer jupyter-client package with version 8.6.2 already installed. Skipping...")
    elyra.info("Newer nbconvert package with version 7.16.4 already installed. Skipping...")
    elyra.info("Package not found. Installing minio package with version 7.2.7...")
    elyra.info("Updating papermill package from version 2.5.0 to 2.6.0...")
    for line in ("Collecting minio==7.2.7", "  Downloading minio-7.2.7-py3-none-any.whl.metadata (6.4 kB)",
                 "Collecting papermill==2.6.0", "  Downloading papermill-2.6.0-py3-none-any.whl.metadata (13 kB)",
                 "Installing collected packages: minio, papermill",
                 "  Attempting uninstall: papermill", "    Found existing installation: papermill 2.5.0",
                 "    Uninstalling papermill-2.5.0:", "      Successfully uninstalled papermill-2.5.0",
                 "Successfully installed minio-7.2.7 papermill-2.6.0"):
        printed(stream, line)
    op_info("Packages installed", 14.212)
    op_info("processing dependencies")
    urllib3.debug("Starting new HTTPS connection (%d): %s:%s", 1, "s3.us-east-1.amazonaws.com", 443)
    s3("GET", f"{OP}-3c2b1a09-8f7e-4d6c-b5a4-93e2f1d0c8b7.tar.gz", 200, 18342)
    op_info(f"downloaded {OP}-3c2b1a09-8f7e-4d6c-b5a4-93e2f1d0c8b7.tar.gz from bucket: {BUCKET}, object: {COS_DIR}/"
            f"{OP}-3c2b1a09-8f7e-4d6c-b5a4-93e2f1d0c8b7.tar.gz", 0.084)
    for line in ("train.ipynb", "features.py", "data/", "data/schema.json"):
        printed(stream, line)
    op_info("dependencies processed", 0.131)
    op_info(f"executing notebook using 'papermill {OP}.ipynb {OP}-output.ipynb'")
    elyra.info("Processing file: %s", f"{OP}.ipynb")
    pm.info(f"Input Notebook: {OP}.ipynb")
    pm.info(f"Output Notebook: {OP}-output.ipynb")
    pm.info(f"Executing notebook with kernel: {'python3'}")

    def cell(n):
        pm.info(f"Executing Cell {n:-<40}")

    def end(n):
        pm.info(f"Ending Cell {n:-<43}")

    cell(1)
    end(1)
    cell(2)
    nlog(logging.INFO, f"Neptune initialized. Open in the app: {NEPTUNE_RUN}")
    end(2)
    cell(3)
    out("loaded 1,204,311 rows from s3://acme-features/churn/2024-05-10/ (41 features)")
    out("train: 963,448  valid: 120,431  test: 120,432")
    end(3)
    cell(4)
    for epoch in range(1, 13):
        out(f"epoch {epoch:2d}/12 loss={0.5123 - epoch * 0.0161:.4f} val_auc={0.8012 + epoch * 0.0061:.4f} "
            f"lr={0.003 * 0.9 ** epoch:.5f}")
        if epoch == 5:
            nlog(logging.WARNING, "Experiencing connection interruptions. Will try to reestablish communication with "
                                  "Neptune. Internal exception was: %s", "RequestsFutureAdapterConnectionError")
        if epoch == 7:
            nlog(logging.INFO, "Communication with Neptune restored!")
    end(4)
    cell(5)
    warning = ("/opt/app-root/lib64/python3.11/site-packages/sklearn/metrics/_classification.py:1509: "
               "UndefinedMetricWarning: Precision is ill-defined and being set to 0.0 in labels with no predicted "
               "samples. Use `zero_division` parameter to control this behavior.\n"
               "  _warn_prf(average, modifier, f\"{metric.capitalize()} is\", len(result))\n")
    pm.warning(warning)
    for line in warning.splitlines():
        printed(stream, line)
    pm.info(str({"val_auc": 0.8731, "val_logloss": 0.3312, "test_auc": 0.8694, "precision_at_10pct": 0.6122}))
    out(f"model saved to s3://{BUCKET}/{COS_DIR}/model/churn-xgb-412.json")
    nlog(logging.INFO, "Shutting down background jobs, please wait a moment...")
    nlog(logging.INFO, "Done!")
    nlog(logging.INFO, "Waiting for the remaining %s operations to synchronize with Neptune. Do not kill this process.",
         37)
    nlog(logging.INFO, "All %s operations synced, thanks for waiting!", 37)
    nlog(logging.INFO, f"Explore the metadata in the Neptune app: {NEPTUNE_RUN}/metadata")
    end(5)
    # The last cell registers the model in SageMaker's model registry, which the
    # pipeline's IAM role may not do: the cell fails, and so does the step.
    cell(6)
    out("registering churn-xgb-412 in model package group churn-models")
    end(6)
    bar = ["Executing:   0%|          | 0/6 [00:00<?, ?cell/s]",
           "Executing:  17%|#6        | 1/6 [00:01<00:08,  1.71s/cell]",
           "Executing:  33%|###3      | 2/6 [00:04<00:09,  2.33s/cell]",
           "Executing:  50%|#####     | 3/6 [00:19<00:23,  7.81s/cell]",
           "Executing:  67%|######6   | 4/6 [01:02<00:39, 19.52s/cell]",
           "Executing:  83%|########3 | 5/6 [01:05<00:14, 14.36s/cell]",
           "Executing:  83%|########3 | 5/6 [01:06<00:13, 13.21s/cell]"]
    printed(stream, "\r".join(bar))
    elyra.error("Unexpected error: <class 'papermill.exceptions.PapermillExecutionError'>")
    op_info(f"converting from {OP}-output.ipynb to {OP}.html")
    op_info(f"{OP}-output.ipynb converted to {OP}.html", 1.274)
    for local, remote in ((f"{OP}-output.ipynb", f"{OP}.ipynb"), (f"{OP}.html", f"{OP}.html")):
        s3("PUT", remote, 200, 0)
        op_info(f"uploaded {local} to bucket: {BUCKET} object: {COS_DIR}/{remote}", 0.211)

    def main():
        def execute():
            raised("papermill.exceptions", "PapermillExecutionError",
                   "\n---------------------------------------------------------------------------\n"
                   "Exception encountered at \"In [6]\":\n"
                   "---------------------------------------------------------------------------\n"
                   "ClientError                               Traceback (most recent call last)\nCell In[6], line 3\n"
                   "      1 print(f'registering {model_name} in model package group {group}')\n      2 sm = "
                   "boto3.client('sagemaker')\n----> 3 sm.create_model_package(ModelPackageGroupName=group, "
                   "InferenceSpecification=spec)\n\nClientError: An error occurred (AccessDeniedException) when "
                   "calling the CreateModelPackage operation: User: arn:aws:sts::123456789012:assumed-role/"
                   "kfp-pipeline-runner/botocore-session-1715438684 is not authorized to perform: "
                   "sagemaker:CreateModelPackage on resource: arn:aws:sagemaker:us-east-1:123456789012:model-package/"
                   "churn-models/1 because no identity-based policy allows the sagemaker:CreateModelPackage action\n")
        execute()
    uncaught(stream, main)
    return {"name": "elyra-neptune", "programs": [el, nep], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_warcprox_pywb(), stream_pygeoapi_pycsw(), stream_thumbor_remotecv(), stream_satosa_linotp(),
        stream_irrd_arouteserver(), stream_amqtt_mqttwarn(), stream_ax_torchx(), stream_kojid_mock(),
        stream_elyra_neptune(),
    ])


if __name__ == "__main__":
    main()
