"""The 67-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout66.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in geospatial and mapping services and weather data (a
weather-satellite reception host on EC2, where pytroll-collectors'
geographic_gatherer gathers the granules that cover the service's regions
and trollmoves' dispatcher ships the finished products to the forecasters'
servers and S3; a met service's data node beside a gliding club's tracking
feed on one EC2 tools host, where wis2box turns station observations into
BUFR and WIS2 notifications and ogn-python's gateway ingests the Open
Glider Network's APRS position beacons; a terrain team's batch host, where a
mapchete run renders a DEM's tiles and Open Topo Data serves elevations
from them), each format copied from the file named beside it (the version
read is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout67

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 04dc8d0 (session 28's end, no rule written
from this set), with nothing configured: 96.7% exact, 96.7% key
fields (asctime 96.9%, levelname 96.9%, name 96.9%, message 96.7%).

Formatters and filters: all six use logging.Formatter itself
(pytroll-collectors through its _setup_legacy_logging, trollmoves through
dictConfig, wis2box and ogn-python through logging.basicConfig, mapchete
and Open Topo Data through a StreamHandler they set up). mapchete's handler
has a filter, KeyValueFilter, which replaces the values of
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in a dict given as an argument
with "***"; it runs before both formatters, so the truth is redacted too
(reproduced as `KeyValueFilter`). pytroll-collectors brackets the whole
prefix, the level first and " : " between the fields ("[INFO: 2024-05-11
14:44:44 : pytroll_collectors.region_collector] "); trollmoves' default
brackets the time, the level padded to eight and the name ("[2024-05-11
14:44:44,123 INFO     trollmoves.movers] "). wis2box prints the record's
pathname and line in braces after a bracketed "%Y-%m-%dT%H:%M:%SZ" time
(pygeoapi's layout, in `heldout13.py`), no name. ogn-python's gateway pads
the name to 17 ("ogn.client.client" fills it) and the level to eight; its
Flask app's logger is "app" (Flask(__name__) in app/__init__.py), created
after basicConfig, so it gets no handler of Flask's own; its per-minute
count is right-aligned to seven ("  23817/min"), its stop message starts
with a line break, and the client's connect message, with no filter, is
the f-string's else branch alone: "none (full-feed)". mapchete runs with
--debug, so its DEBUG records show: several messages are tuples
("((10, 300, 512), 'processed successfully')"). Open Topo Data's config
watcher has no name; a failed supervisorctl logs "cmd:", the command,
"stdout:" and the output (ending with a line break) as ERROR records of
their own. 502 records in three streams (123, 228 and 151; 56 of them
print lines or bare tracebacks).

Print lines: the containers' entrypoint lines (wis2box's "START
/entrypoint.sh" and click.echo lines), mapchete's tqdm.write lines ("task
tile_task_z10-(10-300-512): processed successfully") and progress bar,
supervisord's, uwsgi's, memcached's and nginx's lines in the Open Topo Data
container, and the traceback the config watcher's observer thread dies with
(threading's "Exception in thread ..." line, then a bare traceback).

The messages are modelled on the programs' source, read at the commits
cited: pytroll-collectors' region_collector.py, triggers/_base.py and
scripts/geographic_gatherer.py, trollmoves' dispatcher.py and movers.py,
wis2box's pubsub/subscribe.py, handler.py, data/base.py and
data/synop2bufr.py (line numbers and /app paths from its Dockerfile's
editable install), ogn-python's commands/gateway.py and python-ogn-client's
client/client.py (glidernet/python-ogn-client bb7c3c2), mapchete's
config/base.py, processing/base.py, processing/execute.py and
io/raster/*.py, and Open Topo Data's docker/config_watcher.py messages are
their own. posttroll's message text, the granules, stations, hosts, tiles,
the uwsgi, nginx and supervisord lines and the third-party exceptions'
texts are modelled, not read.

Left out: aprsd (its log goes through loguru, "{time:YYYY-MM-DD
HH:mm:ss.SSS} | {thread.name: <18} | {level: <8} | {message} | ...",
craigerl/aprsd dcd1294 aprsd/conf/log.py: not the logging module), addok
(logging.basicConfig(level=DEBUG) in its shell: BASIC_FORMAT, covered;
addok/addok d928b9e addok/shell.py), pypgstac (the same, stac-utils/pgstac
7b154a7 src/pypgstac/src/pypgstac/pypgstac.py), pywis-pubsub
(logging.basicConfig(stream=sys.stdout, level=...): BASIC_FORMAT;
wmo-im/pywis-pubsub 17e2920 pywis_pubsub/cli_options.py), wetterdienst (no
logging format found in earthobservations/wetterdienst ae85bbd7
wetterdienst/ui; its examples use basicConfig's default), mlat-server (no
logging format found in mutability/mlat-server bee5980), the Meshtastic
CLI ("%(levelname)s file:%(filename)s %(funcName)s line:%(lineno)s
%(message)s", meshtastic/python ae71047 meshtastic/__main__.py: a radio
tool, kept for a later set), Open Topo Data's warm_cache.py (logging.info
without a handler: Python's lastResort, its errors a bare message), and
the programs of this area earlier sets hold or left out (Nominatim,
MapProxy, eodag, Satpy, trollflow2, pygeoapi, pycsw, TileStache, titiler,
Terracotta, PyWPS, GeoHealthCheck, datacube and datacube-ows, WebODM,
TileCloud-chain, PgOSM Flex, pyosmium, the OpenAddresses machine, Raster
Vision, the HOT Tasking Manager, cirrus-geo, HyP3, sentinelsat, tilekiln,
mapillary_tools, GeoNode, WeeWX, pywws, hass-weatherflow2mqtt).
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

# pytroll-collectors (pytroll/pytroll-collectors, d6d103b),
# pytroll_collectors/logging.py DEFAULT_FORMAT and DEFAULT_DATEFMT (the
# root's StreamHandler, on stderr, at INFO without -v, set by
# _setup_legacy_logging when no --log-config is given).
COLLECTORS = "[%(levelname)s: %(asctime)s : %(name)s] %(message)s"
COLLECTORS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# trollmoves (pytroll/trollmoves, d059027), trollmoves/logging.py
# setup_default_logger's "pytroll" formatter (dictConfig; the root's
# "console" StreamHandler at INFO, on stderr, when neither --log-config nor
# the legacy --log is given; no datefmt).
TROLLMOVES = "[%(asctime)s %(levelname)-8s %(name)s] %(message)s"
# wis2box (wmo-im/wis2box, c37881c8), wis2box-management/wis2box/log.py
# setup_logger's log_format and date_format (logging.basicConfig on
# stdout, WIS2BOX_LOGGING_LOGFILE=stdout).
WIS2BOX = "[%(asctime)s] {%(pathname)s:%(lineno)d} %(levelname)s - %(message)s"
WIS2BOX_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"
# ogn-python (glidernet/ogn-python, 32f57a4), app/commands/gateway.py
# run's logging.basicConfig (stderr, INFO).
OGN = "%(asctime)s %(name)-17s %(levelname)-8s %(message)s"
# mapchete (ungarj/mapchete, 2ba3a093), mapchete/log.py's formatter (the
# stdout stream_handler of the "mapchete" logger, with KeyValueFilter;
# --debug sets it to DEBUG through set_log_level).
MAPCHETE = "%(asctime)s %(levelname)s %(name)s %(message)s"
# Open Topo Data (ajnisbet/opentopodata, cc23179), docker/config_watcher.py
# LOG_FORMAT (the "configwatcher" logger's StreamHandler on stdout, INFO).
OTD = "%(asctime)s %(levelname)-8s %(message)s"

WIS2BOX_SRC = "/app/wis2box/"


class KeyValueFilter(logging.Filter):
    """mapchete/log.py's KeyValueFilter, as written there: a dict given as
    the message or an argument has its AWS keys' values replaced."""

    def __init__(self, key_value_replace=None):
        super().__init__()
        self._key_value_replace = key_value_replace or {}

    def filter(self, record):
        record.msg = self.redact(record.msg)
        if isinstance(record.args, dict):
            for k, v in record.args.items():
                record.args[k] = self.redact({k: v})[k]
        else:
            record.args = tuple(self.redact(arg) for arg in record.args)
        return True

    def redact(self, msg):
        if isinstance(msg, dict):
            out_msg = {}
            for k, v in msg.items():
                if isinstance(v, dict):
                    v = self.redact(v)
                else:
                    for k_replace, v_replace in self._key_value_replace.items():
                        v = v_replace if k == k_replace else v
                out_msg[k] = v
        else:
            out_msg = msg
        return out_msg


# --------------------------------------------------------------------------
# A weather-satellite reception host on EC2 (the host's Docker daemon ships
# both containers to one awslogs stream): geographic_gatherer collects the
# VIIRS and AVHRR granules covering the service's regions and publishes
# each collection; trollmoves' dispatcher copies the products the
# processing chain makes to the forecasters' SCP server and an S3 bucket.

REGIONS = [("euron1", "Northern Europe"), ("scan", "Scandinavia"), ("baws", "Baltic Sea")]
PASSES = [("Suomi-NPP", "viirs", "SDR"), ("NOAA-20", "viirs", "SDR"), ("Metop-B", "avhrr/3", "HRPT"),
          ("NOAA-21", "viirs", "SDR"), ("Metop-C", "avhrr/3", "HRPT"), ("Suomi-NPP", "viirs", "SDR"),
          ("NOAA-20", "viirs", "SDR")]
DESTS = ["scp://pytroll@forecast-01.met.internal/data/satellite/", "s3://wx-satellite-products/eu/"]


def stream_pytroll():
    stream = []
    gg = Program("pytroll-collectors", "geographic_gatherer",
                 logging.Formatter(COLLECTORS, COLLECTORS_DATEFMT), stream)
    dp = Program("trollmoves", "dispatcher", logging.Formatter(TROLLMOVES), stream)
    main = lg(gg, "geographic_gatherer")
    gath = lg(gg, "pytroll_collectors.geographic_gatherer")
    rc = lg(gg, "pytroll_collectors.region_collector")
    trig = lg(gg, "pytroll_collectors.triggers._base")
    d = lg(dp, "dispatcher")
    disp = lg(dp, "trollmoves.dispatcher")
    mov = lg(dp, "trollmoves.movers")

    printed(stream, "Attaching to geographic_gatherer-1, dispatcher-1")
    main.info("Setting timezone to UTC")
    d.info("Starting up.")
    disp.info("Reading config from %s", "/config/dispatch.yaml")
    for n, (platform, sensor, kind) in enumerate(PASSES):
        hh, mm = 13, 2 + n * 6
        t0 = hh * 3600 + mm * 60 + 12 + n

        def hms(seconds):
            return "%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)
        start = "2024-05-11 %s+00:00" % hms(t0)
        area, desc = REGIONS[n % 3]
        if n == 2:
            rc.warning("No planned granules remain for %s over %s after schedule cut. Resetting collection.",
                       platform, desc)
            continue
        rc.info("Added new overlapping granule %s (%s) to area %s", platform, start, area)
        rc.info("Planned timeout for %s: %s", desc, "2024-05-11T%s+00:00" % hms(t0 + 6 * 85 + 90))
        for g in range(1, 6):
            gstart = "2024-05-11 %s.%06d+00:00" % (hms(t0 + g * 85), g * 250000 % 1000000)
            if n == 3 and g == 3:
                # A granule without its orbit number: the collector's KeyError.
                def collect():
                    def predict():
                        raise KeyError("orbit_number")
                    predict()
                try:
                    collect()
                except KeyError as ke:
                    trig.exception("collector failed with: %s ", str(ke))
                continue
            rc.info("Added expected granule %s (%s) to area %s", platform, gstart, area)
            if g in (2, 4):
                rc.info("Adjusted timeout: %s", "2024-05-11T%s+00:00" % hms(t0 + 5 * 85 + 90 - g))
        rc.info("Collection finished for %s area %s", platform, area)
        uri = "/data/pytroll/%s/%s_%s_d20240511_t%02d%02d.h5" % (sensor.split("/")[0], kind, platform, hh, mm)
        trig.info("sending %s", 'pytroll://collection/%s/1/%s/ collection pytroll@rx-ec2-01 %sT%s.%06d v1.01 '
                  'application/json {"start_time": "2024-05-11T%s", "platform_name": "%s", "sensor": "%s", '
                  '"collection_area_id": "%s", "collection": [{"uri": "%s", "uid": "%s"}]}'
                  % (kind, sensor, now("%Y-%m-%d"), now("%H:%M:%S"), 271828 + n, hms(t0), platform, sensor, area,
                     uri, os.path.basename(uri)))
        # The processing chain's products reach the dispatcher.
        for product in ("overview", "natural_color", "night_fog")[: 2 + n % 2]:
            src = "/data/products/%s_%s_%s_2024051%d_%02d%02d.tif" % (platform.replace("-", ""), area, product, 1,
                                                                       hh, mm)
            failed = False
            for dest in DESTS:
                target = dest + os.path.basename(src)
                if n == 4 and dest.startswith("scp") and product == "overview":
                    def connect():
                        def _auth():
                            raised("paramiko.ssh_exception", "SSHException",
                                   "Error reading SSH protocol banner[Errno 104] Connection reset by peer")
                        _auth()
                    try:
                        connect()
                    except Exception as sshe:
                        mov.exception("Failed to init SSHClient: %s", str(sshe))
                    mov.info("Changing destination to backup target: %s", "forecast-02.met.internal")
                    target = target.replace("forecast-01", "forecast-02")
                if n == 1 and dest.startswith("s3") and product == "natural_color":
                    mov.error("Something went wrong during copy of %s to %s: %s", src, target,
                              "An error occurred (SlowDown) when calling the PutObject operation (reached max "
                              "retries: 4): Please reduce your request rate.")
                    disp.error("Could not dispatch to %s: %s" % (target, "An error occurred (SlowDown) when calling "
                               "the PutObject operation (reached max retries: 4): Please reduce your request rate."))
                    failed = True
                    continue
                mov.info("Successfully copied %s to %s", src, target)
            if not failed:
                disp.info("Dispatched all files.")
    disp.error("Source file for dispatching does not exist:/data/products/NOAA21_scan_overview_20240511_1320.tif")
    gath.info("Caught SIGTERM, shutting down when all collections are finished.")
    gath.info("Ending the gathering of granules...")
    main.info("GeographicGatherer has stopped.")
    printed(stream, "geographic_gatherer-1 exited with code 0")
    return {"name": "pytroll-reception", "programs": [gg, dp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A met service's tools host on EC2 (Docker's awslogs driver, one stream for
# the compose project): wis2box-management's subscriber (run with
# WIS2BOX_LOGGING_LOGLEVEL=INFO) turns the stations' SYNOP and CSV uploads
# into BUFR and WIS2 notifications, beside a gliding club's ogn-python
# gateway taking the Open Glider Network's full APRS feed into Redis.

STATIONS = [("0-20000-0-06260", "De Bilt"), ("0-20000-0-06240", "Schiphol"), ("0-20000-0-06344", "Rotterdam"),
            ("0-20000-0-06290", "Twenthe"), ("0-20000-0-06380", "Maastricht")]
META = "urn:wmo:md:nl-knmi-test:surface-weather-observations.synop"


def stream_wis2box_ogn():
    stream = []
    wb = Program("wis2box", "wis2box", logging.Formatter(WIS2BOX, WIS2BOX_DATEFMT), stream)
    og = Program("ogn-python", "app", logging.Formatter(OGN), stream)
    sub = lg(wb, "wis2box.pubsub.subscribe")
    hnd = lg(wb, "wis2box.handler")
    base = lg(wb, "wis2box.data.base")
    synop = lg(wb, "wis2box.data.synop2bufr")
    app = lg(og, "app")
    cl = lg(og, "ogn.client.client")

    printed(stream, "START /entrypoint.sh")
    printed(stream, "Adding messages collection")
    printed(stream, "Starting wis2box subscriber")
    app.warning("Start ogn gateway")
    cl.info("none (full-feed)")
    peer = "213.239.201.114"
    for minute in range(7):
        app.info(f"{23817 - minute * 611 + (minute % 3) * 97:7d}/min")
        if minute % 2 == 1:
            cl.info(f"Send keepalive to {peer}")
        if minute == 4:
            cl.warning("Read returns zero length string. Failure.  Orderly closeout from {}".format(peer))
            cl.error("Connect error: [Errno 111] Connection refused")
            cl.info("Waiting 15s before next connection try (99 attempts left).")
            peer = "37.120.186.204"
            cl.info("none (full-feed)")
        # Each minute, a round of uploads from the stations.
        for i, (wsi, name) in enumerate(STATIONS):
            fname = "SYNOP_%s_20240511T%02d%02d00.txt" % (wsi.split("-")[-1], 14 + (minute + 44) // 60,
                                                         (minute + 44) % 60)
            key = f"wis2box-incoming/{META.replace('urn:wmo:md:', '')}/{fname}"
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 144, "on_message_handler",
               "Incoming message on topic wis2box/storage")
            with pid(40 + i):
                path = f"http://minio:9000/{key}"
                at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 84, "handle", f"Processing {path}")
                if (i + minute) % 11 == 5:
                    at(synop, logging.WARNING, WIS2BOX_SRC + "data/synop2bufr.py", 96, "transform",
                       f"Station {wsi} not found in station file")
                    at(synop, logging.ERROR, WIS2BOX_SRC + "data/synop2bufr.py", 98, "transform",
                       f"file={fname} failed to convert to BUFR4, result={{'errors': [], 'warnings': "
                       f"['Station {wsi} not found in station file'], 'bufr4': None}}")
                    continue
                if i == 2 and minute == 3:
                    def transform():
                        def transform_synop():
                            raised("builtins", "ValueError", "Invalid SYNOP message: AAXX 11144 06344 ///// "
                                   "NIL= (section 1 group 2)")
                        transform_synop()
                    try:
                        transform()
                    except Exception as err:
                        at(hnd, logging.ERROR, WIS2BOX_SRC + "handler.py", 109, "handle",
                           f"Failed to transform file {path} : {err}", exc=True)
                    continue
                ident = f"WIGOS_{wsi}_20240511T{14 + (minute + 44) // 60:02d}{(minute + 44) % 60:02d}00"
                at(base, logging.INFO, WIS2BOX_SRC + "data/base.py", 217, "publish", "Publishing output data")
                if minute == 6 and i == 0:
                    at(base, logging.WARNING, WIS2BOX_SRC + "data/base.py", 253, "publish",
                       f"Data already published for {ident}-bufr4; updating")
                at(base, logging.INFO, WIS2BOX_SRC + "data/base.py", 256, "publish",
                   f"Writing data to wis2box-public/{META.replace('urn:wmo:md:', '')}/{ident}.bufr4")
                at(base, logging.INFO, WIS2BOX_SRC + "data/base.py", 153, "notify",
                   "Publishing WISNotificationMessage to public broker")
                at(base, logging.INFO, WIS2BOX_SRC + "data/base.py", 181, "notify",
                   f"WISNotificationMessage published for {ident}")
        if minute == 2:
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 144, "on_message_handler",
               "Incoming message on topic wis2box/data_mappings/refresh")
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 186, "on_message_handler",
               "Refreshing data mappings")
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 188, "on_message_handler",
               "Data mappings: {'%s': {'plugins': {'txt': [{'plugin': 'wis2box.data.synop2bufr.ObservationDataBUFR', "
               "'notify': True, 'buckets': ['wis2box-incoming'], "
               "'file-pattern': '^.*-(\\\\d{4})(\\\\d{2}).*\\\\.txt$'}]}, "
               "'topic_hierarchy': 'origin/a/wis2/nl-knmi-test/data/core/weather/surface-based-observations/synop'}}"
               % META)
        if minute == 5:
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 144, "on_message_handler",
               "Incoming message on topic wis2box/storage")
            at(sub, logging.INFO, WIS2BOX_SRC + "pubsub/subscribe.py", 155, "on_message_handler",
               f"Do not process directories: wis2box-incoming/{META.replace('urn:wmo:md:', '')}/")
    app.warning("\nStop ogn gateway")
    cl.info(f"Disconnect from {peer}")
    printed(stream, "ogn-gateway-1 exited with code 0")
    return {"name": "wis2box-ogn", "programs": [wb, og], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A terrain team's batch host on EC2 (one CloudWatch agent stream for the
# host's containers): a `mapchete execute --debug --verbose` run renders a
# Copernicus DEM mosaic's tiles to S3, beside the Open Topo Data container
# (supervisord running uwsgi, nginx, memcached and the config watcher)
# that serves elevations from the same dataset.

TILES = [(10, 300, 512), (10, 300, 513), (10, 301, 512), (10, 301, 513), (10, 302, 512), (10, 302, 513)]


def stream_mapchete_otd():
    stream = []
    mc = Program("mapchete", "mapchete", logging.Formatter(MAPCHETE), stream)
    mc.handler.addFilter(KeyValueFilter({"AWS_ACCESS_KEY_ID": "***", "AWS_SECRET_ACCESS_KEY": "***"}))
    otd = Program("opentopodata", "configwatcher", logging.Formatter(OTD), stream)
    cfg = lg(mc, "mapchete.config.base")
    proc = lg(mc, "mapchete.processing.base")
    exe = lg(mc, "mapchete.processing.execute")
    rd = lg(mc, "mapchete.io.raster.read")
    wr = lg(mc, "mapchete.io.raster.write")
    cw = lg(otd, "configwatcher")

    def sv(text):
        printed(stream, "%s,%03d INFO %s" % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t % 1 * 1000) % 1000,
                                             text))

    sv("Set uid to user 0 succeeded")
    sv("supervisord started with pid 1")
    for n, prog in enumerate(("memcached", "nginx", "uwsgi", "warm_cache", "watch_config")):
        sv(f"spawned: '{prog}' with pid {7 + n}")
    printed(stream, "*** Starting uWSGI 2.0.26 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "spawned uWSGI worker 1 (pid: 14, cores: 1)")
    printed(stream, "slab class   1: chunk size        96 perslab   10922")
    for prog in ("memcached", "nginx", "uwsgi", "watch_config"):
        sv(f"success: {prog} entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)")
    sv("exited: warm_cache (exit status 0; expected)")

    cfg.debug("parsing %s" % "/work/dem/copdem_tiles.mapchete")
    cfg.debug("initializing pyramids")
    cfg.info("process area: POLYGON ((9.84375 53.4375, 9.84375 54.140625, 11.25 54.140625, 11.25 53.4375, "
             "9.84375 53.4375))")
    cfg.debug("process bounds: Bounds(left=9.84375, bottom=53.4375, right=11.25, top=54.140625)")
    cfg.info("init area: POLYGON ((9.84375 53.4375, 9.84375 54.140625, 11.25 54.140625, 11.25 53.4375, "
             "9.84375 53.4375))")
    cfg.info("initializing output")
    cfg.info("initializing input")
    cfg.debug("load input reader for simple input %s", "s3://terrain-src/copdem/copdem_30m.vrt")
    proc.info("initialize process")
    proc.debug("get process tiles...")
    proc.debug("decided to process tasks in batches")
    printed(stream, "processing 12 tasks on 2 worker(s)")
    env = {"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR", "AWS_ACCESS_KEY_ID": "ASIA4EXAMPLE7Q2ZKD3N",
           "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_REGION": "eu-central-1"}
    for rnd in range(2):
        for k, tile in enumerate(TILES):
            z, row, col = tile
            tid = f"tile_task_z{z}-({z}-{row}-{col + rnd * 2})"
            tile = (z, row, col + rnd * 2)
            with pid(20 + k % 2):
                exe.debug((tid, "running on %s" % ("ForkProcess-%d" % (1 + k % 2))))
                rd.debug("reading %s with GDAL options %s", "s3://terrain-src/copdem/copdem_30m.vrt", dict(env))
                rd.debug("read %s in %s", "s3://terrain-src/copdem/copdem_30m.vrt", "%.3fs" % (0.4 + k * 0.07))
                exe.debug((tid, "processed successfully"))
            printed(stream, f"task {tid}: processed successfully")
            out = f"s3://terrain-tiles/hillshade/{z}/{row}/{col + rnd * 2}.tif"
            if rnd == 0 and k == 4:
                proc.debug((tile, "output empty, nothing written"))
                continue
            if rnd == 1 and k == 3:
                def write():
                    def put_object():
                        raised("rasterio.errors", "RasterioIOError",
                               f"'{out}' not recognized as a supported file format.")
                    put_object()
                try:
                    write()
                except Exception as e:
                    wr.exception("error while writing file %s: %s", out, e)
                printed(stream, f"task {tid}: run failed due to RasterioIOError(\"'{out}' not recognized as a "
                                "supported file format.\") (remaining retries: 1)")
                continue
            wr.debug("write %s", out)
            wr.debug("write grid %s to %s", f"Grid(height=256, width=256, crs=EPSG:4326, transform=|0.00, 0.00, "
                                            f"{9.84 + col % 4 * 0.35:.2f}|...)", out)
            proc.debug((tile, "output written in %.3fs" % (0.2 + k * 0.05)))
        printed(stream, "tiles:  %d%%|%s| %d/12 [00:%02d<00:%02d, 1.21s/tile]" % (
            50 * (rnd + 1), "\u2588" * (5 * (rnd + 1)) + " " * (10 - 5 * (rnd + 1)), 6 * (rnd + 1), 7 * (rnd + 1),
            7 * (1 - rnd)))
    proc.warning("cannot create or update STAC item: %s", "install extra mapchete[stac] to write STAC item files")
    proc.debug("closing output driver %s..." % "<mapchete.formats.default.gtiff.OutputDataWriter object at "
               "0x7f3c8a2b1d50>")

    # Open Topo Data: requests, then a config change the watcher reloads.
    for i in range(6):
        q = "/v1/copdem30m?locations=%.4f,%.4f" % (53.55 + i * 0.03, 9.99 + i * 0.05)
        printed(stream, "[pid: 14|app: 0|req: %d/%d] 10.0.2.15 () {34 vars in 497 bytes} [%s] GET %s => generated "
                        "190 bytes in %d msecs (HTTP/1.1 200) 2 headers in 72 bytes (1 switches on core 0)"
                % (i + 1, i + 1, now("%a %b %d %H:%M:%S %Y"), q, 12 + i))
        printed(stream, '10.0.2.15 - - [%s] "GET %s HTTP/1.1" 200 190 "-" "python-requests/2.32.3"'
                % (now("%d/%b/%Y:%H:%M:%S +0000"), q))
    cw.info("Restarting OTD due to config change.")
    sv("stopped: uwsgi (terminated by SIGTERM)")
    sv("spawned: 'memcached' with pid 31")
    sv("spawned: 'uwsgi' with pid 32")
    printed(stream, "*** Starting uWSGI 2.0.26 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    cw.info("Restarted OTD due to config change.")
    # A second edit breaks the config: warm_cache can't start.
    cw.info("Restarting OTD due to config change.")
    cw.error("Error running command, returncode: 7")
    cw.error("cmd:")
    cw.error(" ".join(["supervisorctl", "-c", "/app/docker/supervisord.conf", "start", "warm_cache"]))
    cw.error("stdout:")
    cw.error("warm_cache: ERROR (spawn error)\n")
    printed(stream, "Exception in thread Thread-1:")

    def run():
        def dispatch_events():
            def on_any_event():
                def reload_config():
                    def run_cmd():
                        raise ValueError
                    run_cmd()
                reload_config()
            on_any_event()
        dispatch_events()
    uncaught(stream, run)
    sv("exited: watch_config (exit status 0; expected)")
    return {"name": "mapchete-opentopodata", "programs": [mc, otd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_pytroll(), stream_wis2box_ogn(), stream_mapchete_otd()])


if __name__ == "__main__":
    main()
