"""The twenty-sixth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout23.py`): six more
programs' own logging set-ups, in three streams of two, chosen for what
platform and SRE teams run in AWS outside the areas the earlier sets
covered (an office's home-automation stack on an ECS Anywhere host, where
AppDaemon runs the building's automations and docker-wyze-bridge serves
the lobby cameras; a MySQL primary on EC2 backed up to S3 by Aiven's
MyHoard while Facebook's OnlineSchemaChange alters a large table; a crawl
host where Scrapy Cluster bridges Kafka and Redis for its crawler and
gallery-dl archives the image galleries found), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout26

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at bc7d6b3 (session 20's rules from heldout9 to
heldout23 in), before any rule saw it: 2307 records (77 joined under a
burst), 46.4% exact, 76.6% with the key fields right (asctime 97.5%,
levelname 97.5%, name 77.1%, message 97.3%, exc_info 99.9%).

Formatters and filters: 596 records in three streams. AppDaemon's
AppNameFormatter (style "{") sets `appname` and `modulename` on the record
before it formats (the truth keeps both, only `appname` is printed):
the last part of the logger's name ("AppDaemon.lobby_lights" prints
"lobby_lights", "Error.door_access" "door_access"), or "AppDaemon" for its
internal modules ("AppDaemon._app_management"); its formatTime is
Logging.get_time, a strftime of "%Y-%m-%d %H:%M:%S.%f", so the time ends
in microseconds ("14:44:44.050000"; mixed into the truth's JsonFormatter
too). Its error log goes to stdout in the same format (the "STDERR"
filename opens sys.stdout in that code), and an app's failure there is
"----" rule messages around a traceback.format_exc() as a WARNING message
(ending with a line break, no exc_info). docker-wyze-bridge prints only
"%X" ("14:44:45"), the process's name in brackets (the bridge's
"WyzeBridge", or a camera's URI for its TUTK process: pinned through a
filter setting `processName`, a standard attribute) and the message: no
level, no logger name. werkzeug's records share its handler (Flask's
development server, started by `flask run`): the startup record is one
multi-line message whose first line is werkzeug's bold red ANSI-styled
warning, "Press CTRL+C to quit" is styled yellow, and the access lines
carry their own date. The bridge's messages start with emoji, and one
prints two spaces ("at  14:44:47", a format spec of " %H:%M:%S"). MyHoard
separates its fields with tabs and puts the thread's name (pinned:
"MainThread", "Thread-1", "Thread-3") before the logger's, whose name for
a backup stream is "BackupStream/" and the stream's id
("2024-05-11T14:44:44.263412+00:00_5b0e...": colons, a plus, a slash);
xtrabackup's stderr lines are its messages, repr'd ("xtrabackup: '...'").
OnlineSchemaChange puts the level first, padded to nine, then the time
with "." and the milliseconds; no logger name. Its run_ddl logs an
exception with its traceback, the exception's message three lines long,
and osc_cli logs that description again as a multi-line ERROR message.
Scrapy Cluster's LogObject hands the logger the message only (its extras
are dropped: include_extra is False), its stats dumps are "...Stats
Dump:" and indented JSON in one message, and the Redis monitor logs a
traceback.format_exc() as an ERROR message. gallery-dl prints no time:
"[name][level] " with the level in lower case (its initialize_logging
renames the levels with logging.addLevelName; pinned around its records
only), its root handler also takes urllib3's DEBUG records (--verbose),
and log.traceback writes a DEBUG record with an empty message and the
exception ("[flickr][debug] ", then a line break and the traceback).

Print lines: MediaMTX's lines ("2024/05/11 14:44:45 INF [RTSP] ..."),
Flask's click banner and the bridge's print() banner, systemd's lines,
Fluent Bit's warning, Kazoo's warning (printed by Python's last-resort
handler: the bare message), gallery-dl's stdout (each file's path, "# "
before one it skips) and the cron shell's "+ ..." lines.

Messages: AppDaemon's, the bridge's, MyHoard's, OnlineSchemaChange's,
Scrapy Cluster's and gallery-dl's are copied from the files read (their
values, sizes, ids and versions are illustrative), urllib3's from its
connectionpool; the office's AppDaemon apps are the deployment's own and
their messages invented, and MediaMTX's, xtrabackup's, Kazoo's and
systemd's lines are modelled from memory of those tools, not read.

Left out: Music Assistant (server 2.3.0, music_assistant/__main__.py
setup_logger: colorlog's ColoredFormatter on the root's stdout handler
writes ANSI codes around every line; its file format "%(asctime)s.%(msecs)03d
%(levelname)s (%(threadName)s) [%(name)s] %(message)s" is kept for a later
set), Benji (elemental-lf/benji: structlog's ProcessorFormatter with its
own console renderer), Airbnb's Chronon (api/py/ai/chronon/logger.py
defines LOG_FORMAT "[%(asctime)-11s] %(levelname)s [%(filename)s:%(lineno)d]
%(message)s" but nothing uses it: its modules call
logging.basicConfig(level=logging.INFO), the default format),
Common Crawl's cc-pyspark (sparkcc.py's "%(asctime)s %(levelname)s
%(name)s: %(message)s"; on a cluster its job's records go through Spark's
log4j logger), cdx_toolkit (logging.basicConfig's default format), Scrapy
itself in Scrapy Cluster's crawler (LOG_ENABLED False) and the data-catalog
and feature-store services this batch was also to cover: the ones not in
earlier sets (Featureform, Feathr, Hopsworks, Butterfree, Frontera's
workers for crawling) had no format read in their source in the time given
(none was guessed).
"""

import datetime
import hashlib
import json
import logging
import os
import sys
import traceback

from pythonjsonlogger.json import JsonFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

import werkzeug.serving  # noqa: E402

# AppDaemon 4.5.11 (AppDaemon/appdaemon 4.5.11, 7bd24680), appdaemon/
# logging.py Logging.__init__'s default_format and default_date_format for
# main_log ("AppDaemon", filename STDOUT) and error_log ("Error", filename
# STDERR, which that code opens on sys.stdout too), each through an
# AppNameFormatter(style="{") whose formatTime is Logging.get_time
# (strftime of the time in the configured time zone: %f is microseconds).
APPDAEMON = "{asctime} {levelname} {appname}: {message}"
APPDAEMON_DATEFMT = "%Y-%m-%d %H:%M:%S.%f"
# docker-wyze-bridge v2.10.3 (mrlt8/docker-wyze-bridge, bf893749, the
# v2.10.3 release plus six commits; the file is unchanged since the tag),
# app/wyzebridge/logging.py format_logging with LOG_TIME set (log_time
# "%X") and LOG_LEVEL info: the "WyzeBridge" logger's StreamHandler on
# stdout, which "werkzeug", "wyzecam.iotc" and "py.warnings" share.
WYZE = "%(asctime)s [%(processName)s] %(message)s"
WYZE_DATEFMT = "%X"

# MyHoard 1.8.1 (Aiven-Open/myhoard 1.8.1, 7f2e0703), myhoard/myhoard.py
# main's log_format, given to logging.basicConfig (stderr, the root) when
# the systemd Python package can't be imported (with it, a JournalHandler
# takes a format without the time).
MYHOARD = "%(asctime)s\t%(threadName)s\t%(name)s\t%(levelname)s\t%(message)s"
# OnlineSchemaChange (facebookincubator/OnlineSchemaChange, 3a4bd110; the
# file last changed at bce17873), osc_cli main's formatter, on the root
# logger's StreamHandler (stderr) and its --log-file.
OSC = "%(levelname)-9s %(asctime)s.%(msecs)03d %(message)s"
OSC_DATEFMT = "%Y-%m-%d %H:%M:%S"

# Scrapy Cluster (istresearch/scrapy-cluster, 01861c2d, scutils 1.3.0dev6;
# the same format in v1.2.1), utils/scutils/log_factory.py LogObject's
# default format, on its stdout StreamHandler (LOG_STDOUT and LOG_JSON
# False, the docker/*/settings.py defaults) for the kafka-monitor,
# redis-monitor and crawler ("sc-crawler") loggers.
SCRAPY_CLUSTER = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
# gallery-dl v1.32.9 (mikf/gallery-dl v1.32.9, 86047cf6), gallery_dl/
# output.py LOG_FORMAT and LOG_FORMAT_DATE, the root's stderr handler that
# initialize_logging sets up with output.Formatter (no colours: stderr is no
# terminal, so configure_logging keeps it).
GALLERY_DL = "[{name}][{levelname}] {message}"
GALLERY_DL_DATEFMT = "%Y-%m-%d %H:%M:%S"


class ProcessName(logging.Filter):
    """The name of the process that logs (docker-wyze-bridge names its main
    process "WyzeBridge" and each camera's TUTK process after the camera's
    URI), pinned: a standard attribute."""

    def __init__(self):
        super().__init__()
        self.name = "WyzeBridge"

    def filter(self, record):
        record.processName = self.name
        return True


class AppDaemonTime:
    """AppDaemon's Logging.get_time as the formatters' formatTime (the time
    zone configured in appdaemon.yaml is UTC here). It reads the clock
    itself; the record's time is used instead, the same millisecond. Mixed
    into the program's formatter and the truth's JsonFormatter alike."""

    def formatTime(self, record, datefmt=None):
        ts = datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc)
        if datefmt is not None:
            return ts.strftime(datefmt)
        return str(ts)


class AppNameFormatter(AppDaemonTime, logging.Formatter):
    """appdaemon/logging.py AppNameFormatter, as written there."""

    def usesTime(self):
        return True

    def format(self, record):
        appname = record.name
        modulename = record.name
        if "." in record.name:
            loggers = record.name.split(".")
            name = loggers[len(loggers) - 1]
            if name[0] == "_":
                # It's a module
                appname = "AppDaemon"
                modulename = "AD:" + name[1:]
            else:
                # It's an app
                appname = name
                modulename = "App:" + appname
        record.modulename = modulename
        record.appname = appname
        return super().format(record)


class AppDaemonJsonFormatter(AppDaemonTime, JsonFormatter):
    pass


class GalleryDlFormatter(logging.Formatter):
    """gallery_dl/output.py Formatter as written there (str.format_map on
    the record's attributes, per level name), for the default LOG_FORMAT;
    it also calls logging.Formatter's __init__, which it doesn't, so that
    the format and style can be read."""

    def __init__(self, fmt, datefmt):
        super().__init__(fmt, datefmt, style="{")
        fmt = (fmt.format_map, False)
        self.formats = {"debug": fmt, "info": fmt, "warning": fmt, "error": fmt}
        self.datefmt = datefmt

    def format(self, record):
        record.message = record.getMessage()
        fmt, asctime = self.formats[record.levelname]
        if asctime:
            record.asctime = self.formatTime(record, self.datefmt)
        msg = fmt(record.__dict__)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            msg = f"{msg}\n{record.exc_text}"
        if record.stack_info:
            msg = f"{msg}\n{record.stack_info}"
        return msg


# gallery-dl's initialize_logging renames the levels in lower case
# (logging.addLevelName) for its own process: pinned around its records.
GALLERY_DL_LEVELS = {level: logging.getLevelName(level).lower() for level in (10, 20, 30, 40, 50)}


# --------------------------------------------------------------------------
# An office's home-automation stack on a host registered with ECS Anywhere
# (Docker's awslogs driver, one stream for the task): AppDaemon runs the
# building's automations against Home Assistant and an MQTT broker, and
# docker-wyze-bridge turns the lobby's Wyze cameras into RTSP streams
# (MediaMTX) and publishes their motion to the same broker. MediaMTX's
# lines, Flask's banner and the bridge's own print() are print lines.

CAMERAS = [("Front Door", "front-door", "WYZE_CAKP2JFUS", "V3", "10.20.0.41", 1920, "1080p"),
           ("Lobby", "lobby", "HL_CAM4", "V4", "10.20.0.42", 3072, "2K"),
           ("Loading Dock", "loading-dock", "HL_PAN3", "Pan V3", "10.20.0.43", 3072, "2K"),
           ("Server Room", "server-room", "WYZEC1-JZ", "V2", "10.20.0.44", 1920, "1080p")]
APPS = ["lobby_lights", "hvac_schedule", "camera_alerts", "server_room_temp", "door_access"]
CLIENTS = ["10.20.0.15", "10.20.0.22"]


def mtx(stream, text):
    """A MediaMTX line, stamped with the clock."""
    printed(stream, "%s %s" % (now("%Y/%m/%d %H:%M:%S"), text))


def stream_appdaemon_wyze():
    stream = []
    ad = Program("appdaemon", "AppDaemon", AppNameFormatter(APPDAEMON, APPDAEMON_DATEFMT, style="{"), stream,
                 truth=AppDaemonJsonFormatter)
    wb = Program("docker-wyze-bridge", "WyzeBridge", logging.Formatter(WYZE, WYZE_DATEFMT), stream)
    proc = ProcessName()
    wb.handler.addFilter(proc)
    main = lg(ad, "AppDaemon")
    plugins = lg(ad, "AppDaemon._plugin_management")
    apps = lg(ad, "AppDaemon._app_management")
    threads = lg(ad, "AppDaemon._threading")
    http = lg(ad, "AppDaemon._http")
    utility = lg(ad, "AppDaemon._utility")
    hass = lg(ad, "AppDaemon.HASS")
    mqtt = lg(ad, "AppDaemon.MQTT")
    app = {name: lg(ad, "AppDaemon." + name) for name in APPS}
    err = {name: lg(ad, "Error." + name) for name in APPS}
    w = lg(wb, "WyzeBridge")
    werk = lg(wb, "werkzeug")
    iotc = lg(wb, "wyzecam.iotc")

    # AppDaemon starts (appdaemon/__main__.py, plugin_management.py,
    # http.py, threads.py, app_management.py, utility_loop.py).
    main.info("-" * 60)
    main.info("AppDaemon Version %s starting", "4.5.11")
    main.info("-" * 60)
    main.info("Python version is %s.%s.%s", 3, 12, 11)
    main.info("Configuration read from: %s", "/conf/appdaemon.yaml")
    for name in ("AppDaemon", "Error", "Access", "Diag"):
        main.info("Added log: %s", name)
    main.info("Using %s as app_dir", "/conf/apps")
    plugins.info("Loading Plugin %s using class %s from module %s", "HASS", "HassPlugin", "hassplugin")
    hass.info("HASS Plugin initialization complete")
    plugins.info("Loading Plugin %s using class %s from module %s", "MQTT", "MqttPlugin", "mqttplugin")
    mqtt.info("MQTT Plugin Initializing")
    main.info("Initializing HTTP")
    http.info("Using '%s' for event stream", "ws")
    http.info("Starting API")
    http.info("Starting Admin Interface")
    http.info("Dashboards Disabled")
    threads.info("Starting Apps with %s workers and %s pins", 10, 0)
    http.info("Running on port %s", 5050)
    plugins.info("Waiting for plugins to be ready")
    hass.info("Connected to Home Assistant %s with aiohttp websocket", "2024.5.2")
    hass.info("Authenticated to Home Assistant %s", "2024.5.2")
    mqtt.info("Connected to MQTT broker at URL %s:%s with paho-mqtt", "mosquitto", 1883)
    hass.info("Waiting for 1 startup condition tasks after 312ms")
    hass.info("All plugin startup conditions met")
    hass.info("Completed initialization in 1.4s")
    plugins.info("All plugins ready")
    for name in APPS:
        apps.info("New app config: %s" % name)
    # A set, printed in its order of that run (pinned here).
    apps.info("Starting apps: %s", Shown("{'hvac_schedule', 'door_access', 'lobby_lights', 'camera_alerts', "
                                         "'server_room_temp'}"))
    for name in APPS:
        apps.info("Calling initialize() for %s" % name)
    app["lobby_lights"].info("Lobby lights will follow the motion sensors from 07:00 to 19:00")
    app["hvac_schedule"].info("Scheduled 4 HVAC setpoint changes for today")
    app["camera_alerts"].info("Listening on wyzebridge/+/motion")
    utility.info("App initialization complete")

    # The Wyze bridge starts (app/wyze_bridge.py, wyzebridge/wyze_api.py,
    # mtx_server.py, stream.py), then Flask's development server.
    printed(stream, "🚀 DOCKER-WYZE-BRIDGE v2.10.3 X86_64")
    w.info("📚 Using 'auth' from local cache...")
    w.info("📚 Using 'user' from local cache...")
    w.info("📚 Using 'cameras' from local cache...")
    w.info("[MTX] Custom stream auth enabled")
    for nick, uri, product, model, ip, bitrate, res in CAMERAS:
        w.info(f"[+] Adding {nick} [{product}]")
    w.info("[MTX] 📹 Will record 60s clips to /record/lobby/%Y-%m-%d/%H-%M-%S.mp4")
    w.info("[MTX] starting MediaMTX 1.9.1")
    mtx(stream, "INF MediaMTX v1.9.1")
    mtx(stream, "INF configuration loaded from /app/mediamtx.yml")
    mtx(stream, "INF [RTSP] listener opened on :8554 (TCP), :8000 (UDP/RTP), :8001 (UDP/RTCP)")
    mtx(stream, "INF [RTMP] listener opened on :1935")
    mtx(stream, "INF [HLS] listener opened on :8888")
    mtx(stream, "INF [WebRTC] listener opened on :8889 (HTTP), :8189 (ICE/UDP)")
    w.info(f"🎬 {len(CAMERAS)} streams enabled")
    w.info("API Motion Events Enabled [interval=1.5]")
    printed(stream, " * Serving Flask app 'frontend'")
    printed(stream, " * Debug mode: off")
    # werkzeug/serving.py log_startup and run_simple, through the bridge's
    # handler (the dev-server warning is styled bold red, as werkzeug does
    # whenever the OS is not Windows).
    werk.info("\n".join([werkzeug.serving._ansi_style(
        "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI "
        "server instead.", "bold", "red"), " * Running on all addresses (0.0.0.0)",
        " * Running on http://127.0.0.1:5000", " * Running on http://172.18.0.4:5000"]))
    werk.info(werkzeug.serving._ansi_style("Press CTRL+C to quit", "yellow"))

    def access(client, path):
        werk.info('%s - - [%s] "%s" %s %s' % (client, now("%d/%b/%Y %H:%M:%S"), "%s", "%s", "%s"),
                  f"GET {path} HTTP/1.1", "200", "-")

    # A client reads each camera: MediaMTX asks the bridge to start it, and
    # the camera's TUTK process connects (wyze_stream.py, wyzecam/iotc.py).
    for n, (nick, uri, product, model, ip, bitrate, res) in enumerate(CAMERAS):
        mtx(stream, f"INF [RTSP] [conn {CLIENTS[n % 2]}:{41230 + n}] opened")
        mtx(stream, f"INF [RTSP] [session {0x3f2a91c4 + 977 * n:08x}] created by {CLIENTS[n % 2]}:{41230 + n}")
        w.info(f"🎉 Connecting to WyzeCam {model} - {nick} on {ip}")
        proc.name = uri
        iotc.info(f"AV Client Start: chan_id=0 expected_chan=0")
        if uri == "loading-dock":
            w.warning("☁️ Camera is connected via P2P mode!!")
            w.warning("Stream may consume additional bandwidth!")
            mode = "P2P mode"
        else:
            mode = "LAN mode"
        fw = {"V3": "4.36.11.8391", "V4": "4.52.4.9887", "Pan V3": "4.50.4.9222", "V2": "4.9.9.3006"}[model]
        w.info(f"📡 Getting {bitrate}kb/s {res} stream (h264/20fps) via {mode} (WiFi: {62 + 7 * n}%) FW: {fw}")
        if model in ("V3", "V2"):
            w.info(f"🔊 Audio Enabled [Source=AAC_LC/16,000Hz]" if model == "V3" else
                   f"🔊 Audio Enabled [Source=PCM/8,000Hz]")
            if model == "V3":
                w.info("[AUDIO] Re-Encode for RTSP compatibility [codec_out='pcm_mulaw']")
        w.info(f"[FFMPEG_CMD] ffmpeg -hide_banner -loglevel error -analyzeduration 50 -probesize 50 -f h264 "
               f"-i pipe:0 -c:v copy -f rtsp -rtsp_transport tcp rtsp://0.0.0.0:8554/{uri}")
        proc.name = "WyzeBridge"
        w.info(f"✅ '/{uri} stream is UP! (3/3)")
        w.info(f"📖 New client reading from {uri}")
        mtx(stream, f"INF [RTSP] [session {0x3f2a91c4 + 977 * n:08x}] is reading from path '{uri}', with TCP, "
                    f"{2 if model in ('V3', 'V2') else 1} tracks (H264{', G711' if model in ('V3', 'V2') else ''})")
    access(CLIENTS[0], "/")
    access(CLIENTS[0], "/api/sse_status")
    for nick, uri, *_ in CAMERAS:
        access(CLIENTS[0], f"/thumb/{uri}.jpg")

    # The day: motion at the cameras, the apps react, the dashboard polls.
    for cycle in range(8):
        nick, uri, product, model, ip, bitrate, res = CAMERAS[cycle % 3]
        # wyze_events.py: the format spec " %H:%M:%S" prints a second space.
        w.info(f"[MOTION] Motion detected on {uri} at {now(' %H:%M:%S')}")
        app["camera_alerts"].info("Motion at %s, snapshot sent to #facilities" % nick)
        app["lobby_lights"].info("light.lobby_%s turned on for %s minutes" % ("east" if cycle % 2 else "west", 10))
        if cycle % 3 == 1:
            app["server_room_temp"].warning("Server room at %.1f°C, above the 24.0°C threshold" % (24.3 + cycle / 10))
        if cycle == 2:
            w.info(f"[CONTROL] GET {uri} state")
            access(CLIENTS[1], f"/api/{uri}/state")
        if cycle == 4:
            w.info("[CONTROL] SET server-room state=disable")
            w.info("Disabling server-room")
            access(CLIENTS[1], "/api/server-room/disable")
            w.info("❌ '/server-room' stream is down")
        if cycle == 3:
            # A callback of door_access raises: threads.py logs it to the
            # error log, its traceback as one message.
            def callback():
                def lookup():
                    raised("requests.exceptions", "ReadTimeout",
                           "HTTPSConnectionPool(host='access.example.internal', port=443): Read timed out. "
                           "(read timeout=5)")
                lookup()
            try:
                callback()
            except Exception:
                e = err["door_access"]
                e.warning("-" * 60)
                e.warning("Unexpected error in worker for App %s:", "door_access")
                e.warning("Worker Args: %s", {"id": "9c1e5f0a3b7d4e21a6f8c0d2e4b6a8c1", "name": "door_access",
                                               "objectid": "4f1d2c3b5a6e7f80", "type": "state",
                                               "function": Shown("<bound method DoorAccess.badge_read of "
                                                                 "<door_access.DoorAccess object at "
                                                                 "0x7f3c2b1e9d50>>"),
                                               "attribute": "state", "entity": "sensor.lobby_badge_reader",
                                               "new_state": "4411", "old_state": "unknown", "pin_app": True,
                                               "pin_thread": 3, "kwargs": {"__thread_id": "thread-3"}})
                e.warning("-" * 60)
                e.warning(traceback.format_exc())
                e.warning("-" * 60)
        if cycle == 5:
            nick, uri, *_ = CAMERAS[2]
            proc.name = uri
            iotc.warning("[video] super slow")
            w.warning(f"{[-13]} IOTC_ER_TIMEOUT")
            proc.name = "WyzeBridge"
            w.info(f"❌ '/{uri}' stream is down")
            w.info(f"{nick} will cooldown for 10s.")
            mtx(stream, f"INF [RTSP] [session {0x3f2a91c4 + 977 * 2:08x}] destroyed: torn down by "
                        f"{CLIENTS[0]}:41232")
            w.info(f"📕 Client stopped reading from {uri}")
            w.info(f"🎉 Connecting to WyzeCam Pan V3 - {nick} on 10.20.0.43")
            proc.name = uri
            w.info(f"📡 Getting 3072kb/s 2K stream (h264/20fps) via RELAY mode (WiFi: 41%) FW: 4.50.4.9222")
            w.warning("☁️ Camera is connected via RELAY mode!!")
            w.warning("Stream may consume additional bandwidth!")
            proc.name = "WyzeBridge"
            w.info(f"✅ '/{uri} stream is UP! (3/3)")
        app["hvac_schedule"].info("Setpoint for %s is now %s°C" % (["floor_1", "floor_2", "lobby"][cycle % 3],
                                                                     [21, 22, 20.5][cycle % 3]))
        for client in CLIENTS[:1 + cycle % 2]:
            access(client, "/api")
        if cycle == 6:
            mqtt.critical("MQTT Client Disconnected Abruptly. Will attempt reconnection")
            w.error("[MQTT] [Errno 111] Connection refused. Retrying 1/3...")
            mqtt.info("Connected to MQTT broker at URL %s:%s with paho-mqtt", "mosquitto", 1883)
        if cycle == 7:
            hass.warning("Error with websocket result: %s: %s", "not_found", "Service light.turn_onn not found.")
            app["lobby_lights"].warning("Could not turn on light.lobby_west, retrying in 30s")
    app["door_access"].info("Badge reader back online after %s failed lookups" % 3)
    w.info("♻️ Refreshing tokens")
    w.info("💾 Saving 'auth' to local cache...")
    apps.info("Modified Python files: %s", 1)
    apps.info("Modification affects apps %s", {"door_access"})
    apps.info("Stopping apps: %s", {"door_access"})
    apps.info("Calling terminate() for '%s'", "door_access")
    apps.info("Starting apps: %s", {"door_access"})
    apps.info("Calling initialize() for door_access")
    main.info("AppDaemon is shutting down")
    return {"name": "appdaemon-wyze-bridge", "programs": [ad, wb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A MySQL 8.0 primary on EC2 whose journal Fluent Bit's systemd input ships
# to one CloudWatch stream (the MESSAGE field only): MyHoard, a systemd
# service, backs the server up to S3 (basebackups with xtrabackup, then
# every binlog), and a systemd timer runs OnlineSchemaChange's osc_cli to
# add a column to a large table, on the same host as it must. systemd's
# lines and Fluent Bit's are print lines; xtrabackup's stderr reaches the
# log as MyHoard's messages ("xtrabackup: %r").

STREAM_ID = "2024-05-11T14:44:44.263412+00:00_5b0e3f6a-92c4-4d1e-8a7b-3c9f0e1d2a4b"
SERVER_UUID = "3e11fa47-71ca-11e1-9e33-c80aa9429562"
BINLOG_DIR = "/var/lib/mysql/binlog"


def gtid(start, end, ts):
    return {"end": end, "end_ts": ts + 58, "server_id": 1, "server_uuid": SERVER_UUID, "start": start,
            "start_ts": ts}


def xb(n, text):
    """An xtrabackup 8.0 stderr line (time, thread id, level), as MyHoard
    reads it."""
    t = realworld.CLOCK.t
    return "%s.%06d-00:00 %d %s" % (now("%Y-%m-%dT%H:%M:%S"), round(t % 1 * 1e6) % 1000000, n, text)


def systemd(stream, unit, text):
    printed(stream, "%s: %s" % (unit, text) if unit else text)


def stream_myhoard_osc():
    stream = []
    mh = Program("myhoard", "MyHoard", logging.Formatter(MYHOARD), stream)
    osc = Program("osc_cli", "root", logging.Formatter(OSC, OSC_DATEFMT), stream)
    thread = ThreadName()
    mh.handler.addFilter(thread)
    hoard = lg(mh, "MyHoard")
    ctrl = lg(mh, "Controller")
    scan = lg(mh, "BinlogScanner")
    bs = lg(mh, "BackupStream/" + STREAM_ID)
    bb = lg(mh, "BasebackupOperation")
    web = lg(mh, "WebServer")
    copy = lg(osc, "core.lib.payload.copy")
    base = lg(osc, "core.lib.payload.base")
    cleanup = lg(osc, "core.lib.payload.cleanup")
    cli = lg(osc, "root")

    # MyHoard starts (myhoard.py, controller.py, web_server.py).
    systemd(stream, "", "Started myhoard.service - MyHoard MySQL backup daemon.")
    hoard.info("Configuration loaded")
    thread.name = "Thread-1"
    ctrl.info("Controller running")
    thread.name = "MainThread"
    web.info("Web server running")
    thread.name = "Thread-1"
    ctrl.info("Full backup should be scheduled (day: %r)", 5)
    ctrl.info("New normalized time %r differs from previous %r, adding new backup request (incremental_requested: %r)",
              1715385600.0, 1715299200.0, False)
    thread.name = "Thread-3"
    bs.info("Backup stream %r running", STREAM_ID)
    bb.info("Optimizing table %r.%r", "shop", "cart_sessions")
    # xtrabackup's stderr (basebackup_operation.py _process_output_line):
    # lines of a file being streamed are tracked, the others logged.
    for line in ("[Note] [MY-011825] [Xtrabackup] recognized server arguments: --datadir=/var/lib/mysql "
                 "--server-id=1 --log_bin=/var/lib/mysql/binlog/binlog --innodb_buffer_pool_size=24G",
                 "[Note] [MY-011825] [Xtrabackup] recognized client arguments: --backup=1 --compress "
                 "--compress-threads=2 --encrypt=AES256 --encrypt-threads=2 --no-version-check=1 --parallel=4 "
                 "--stream=xbstream --target-dir=/var/lib/myhoard/temp",
                 "[Note] [MY-011825] [Xtrabackup] Connecting to MySQL server host: localhost, user: myhoard, "
                 "password: set, port: not set, socket: /var/run/mysqld/mysqld.sock",
                 "[Note] [MY-011825] [Xtrabackup] Using server version 8.0.36",
                 "[Note] [MY-011825] [Xtrabackup] Executing LOCK INSTANCE FOR BACKUP ..."):
        bb.info("xtrabackup: %r", xb(0, line))
    files = [("ibdata1", 12582912), ("mysql.ibd", 35651584), ("undo_001", 16777216), ("undo_002", 16777216),
             ("shop/orders.ibd", 8925478912), ("shop/order_items.ibd", 15837691904), ("shop/customers.ibd",
                                                                                      1191182336),
             ("shop/cart_sessions.ibd", 452984832), ("shop/inventory.ibd", 310378496)]
    total = sum(size for _, size in files) + 734003200
    done = 0
    for n, (name, size) in enumerate(files):
        bb.info("Started processing file %r", "./" + name)
        done += size
        bb.info("Processing %r finished, file size %s bytes", "./" + name, size)
        bb.info("Processed %s bytes of estimated %s total bytes, progress at %.2f%%", done, total, done / total * 100)
    bb.info("xtrabackup: %r", xb(0, "[Note] [MY-011825] [Xtrabackup] Executing FLUSH NO_WRITE_TO_BINLOG BINARY LOGS"))
    bb.info("xtrabackup: %r", xb(0, "[Note] [MY-011825] [Xtrabackup] Selecting LSN and binary log position from p_s."
                                     "log_status"))
    bb.info("Transaction log lsn info: %r", {"start": 884731205632, "end": 884739811328})
    bb.info("xtrabackup: %r", xb(0, "[Note] [MY-011825] [Xtrabackup] Executing UNLOCK INSTANCE"))
    bb.info("xtrabackup: %r", xb(0, "[Note] [MY-011825] [Xtrabackup] completed OK!"))
    bb.info("Process has exited, joining reader thread")
    bb.info("binlog info: %r", {"file_name": "binlog.004187", "file_position": 197,
                                "gtid": SERVER_UUID + ":1-93185522"})
    bs.info("Uploading basebackup to %s", "default/%s/basebackup.xbstream" % STREAM_ID)
    bs.info("Done uploading basebackup files, split into %d files", 3)
    bs.info("Marking stream %r as completed (local update only)", STREAM_ID)

    # Binlogs: the controller scans them, the stream uploads them, and old
    # ones are purged once every replica has them (controller.py,
    # binlog_scanner.py, backup_stream.py).
    ts = 1715438600
    for i in range(4188, 4196):
        thread.name = "Thread-1"
        start, end = 93185523 + (i - 4188) * 4100, 93185523 + (i - 4187) * 4100 - 1
        ranges = [gtid(start, end, ts + (i - 4188) * 60)]
        scan.info("New binlog %r (%s bytes) in %.2f seconds, found %d GTID ranges: %r",
                  "%s/binlog.%06d" % (BINLOG_DIR, i), 67109321 + 977 * i, 0.21 + (i % 5) / 100, 1, ranges)
        thread.name = "Thread-3"
        remote_index = i - 4187
        remote = {"file_size": 67109321 + 977 * i, "full_name": "%s/binlog.%06d" % (BINLOG_DIR, i),
                  "gtid_ranges": ranges, "local_index": i, "file_name": "binlog.%06d" % i,
                  "processed_at": 1715438684.71 + (i - 4188) * 60, "processing_time": 0.21, "server_id": 1,
                  "remote_index": remote_index, "remote_key": "default/%s/binlogs/0/%d_1" % (STREAM_ID, remote_index),
                  "compression_algorithm": "snappy"}
        if i == 4191:
            # An S3 connection drops mid-upload (rohmu's botocore client).
            def upload():
                def send():
                    raised("http.client", "RemoteDisconnected", "Remote end closed connection without response")
                send()
            try:
                upload()
            except Exception:
                bs.exception("Network error while uploading binlog %s", remote)
        bs.info("Successfully %s binlog index %s as remote index %s in %.1f seconds", "uploaded", i, remote_index,
                1.7 + (i % 3) / 2)
        thread.name = "Thread-1"
        if i >= 4190:
            old = i - 2
            if i == 4192:
                ctrl.info("Binlog %s not yet replicated to server %r, not purging", old, "mysql-replica-b")
            else:
                ctrl.info("Binlog %s has been replicated to all servers, purging", old)
                ctrl.info("Purging %s binlogs, up until %r", 1, "binlog.%06d" % (old + 1))
        if i == 4194:
            ctrl.info("Binlog %s was processed %s seconds ago and min age before purging is %s seconds, not purging",
                      i, 31, 600)

    # osc_cli (core/lib/payload/copy.py, base.py, cleanup.py): the first run
    # loses its table lock, the second completes.
    table, db = "orders", "shop"
    size = 8925478912

    def osc_start():
        systemd(stream, "", "Starting osc-orders.service - Online schema change for shop.orders...")
        copy.info("== Stage 1: Init ==")
        base.warning("success lock result: %s" % ({"lockstatus": 1},))
        copy.info("Table %s size: %s (data %s, index %s), rows: %s" % (table, size, 6274416640, 2651062272,
                                                                        41877730))
        copy.info("Disk space required: %s, available: %s" % ("9.14 GB", "412.7 GB"))
        copy.info("PK filter for replaying changes later: %s" % "['id']")
        copy.info("Successfully lock table(s) for write: %s" % table)
        copy.info("Creating triggers")
        copy.info("Table(s) unlocked")
        copy.info("Saved table create timestamp %s for table %s." % ("2023-11-02 09:14:37", table))
        copy.info("Start snapshot with GTID set: %s" % (SERVER_UUID + ":1-93196011"))
        copy.info("Changes with id <= %s committed before dump snapshot, and should be ignored." % 218)
        copy.info("No table timestamp change detected.")
        copy.info("== Stage 2: Dump ==")
        copy.info("Dumping using SELECT INTO OUTFILE.")
        for chunk in range(1, 43, 8):
            copy.info("Dump progress: %s/%s(ETA) chunks" % (chunk, 42))
        copy.info("Dump finished")
        copy.info("No table timestamp change detected.")
        copy.info("== Stage 3: Load data ==")
        for chunk in range(1, 43, 8):
            copy.info("Load progress: %s/%s chunks" % (chunk, 42))

    osc_start()
    copy.info("No table timestamp change detected.")
    copy.info("== Stage 4: Checksum ==")
    copy.info("= Stage 4.1: Catch up before generating checksum =")
    copy.info("replay_changes use_gtid_for_catchup=False")
    copy.info("Total %s changes to replay" % 1862)
    copy.info("Replayed %s INSERT, %s DELETE, %s UPDATE" % (411, 12, 1439))
    copy.info("Replayed in %.2f Seconds" % 3.48)
    copy.info("= Stage 4.2: Generating checksum =")
    # The table is truncated and refilled by a nightly job meanwhile: the
    # decorator raises, run_ddl logs it with its traceback and cleans up.
    desc = ("152: TABLE_TIMESTAMP_CHANGED_ERROR: Table timestamp changed during copy phase.\nExpected: "
            "2023-11-02 09:14:37\nGot: 2024-05-11 14:45:02")

    def run_ddl():
        def before():
            raised("core.lib.error", "OSCError", desc)
        before()
    try:
        run_ddl()
    except Exception:
        copy.exception("%s Exception raised, start to cleanup before exit %s" % ("-" * 10, "-" * 10))
    copy.info("== Stage 7: Cleanup ==")
    for stmt in ("DROP TRIGGER IF EXISTS `__osc_ins_orders`", "DROP TRIGGER IF EXISTS `__osc_upd_orders`",
                 "DROP TRIGGER IF EXISTS `__osc_del_orders`", "DROP TABLE IF EXISTS `__osc_new_orders`",
                 "DROP TABLE IF EXISTS `__osc_chg_orders`"):
        cleanup.info("Executing on DB: [%s] sql: [%s]" % (db, stmt))
    cli.error(desc)
    systemd(stream, "osc-orders.service", "Main process exited, code=exited, status=152/n/a")
    systemd(stream, "osc-orders.service", "Failed with result 'exit-code'.")
    systemd(stream, "", "Failed to start osc-orders.service - Online schema change for shop.orders.")

    # MyHoard carries on between the two runs.
    thread.name = "Thread-1"
    ctrl.info("Binlog %s has been replicated to all servers, purging", 4194)
    ctrl.info("Purging %s binlogs, up until %r", 1, "binlog.004195")
    thread.name = "MainThread"
    web.info("Waiting up to %.1f seconds for upload of %r to complete", 30.0, 4196)
    thread.name = "Thread-1"
    scan.info("New binlog %r (%s bytes) in %.2f seconds, found %d GTID ranges: %r", BINLOG_DIR + "/binlog.004196",
              12714, 0.02, 1, [gtid(93218323, 93218341, ts + 480)])
    thread.name = "MainThread"
    web.info("Log %r was backed up in %.1f seconds", 4196, 2.4)

    osc_start()
    copy.info("No table timestamp change detected.")
    copy.info("== Stage 4: Checksum ==")
    copy.info("= Stage 4.1: Catch up before generating checksum =")
    copy.info("replay_changes use_gtid_for_catchup=False")
    copy.info("Total %s changes to replay" % 2210)
    copy.info("Replayed %s INSERT, %s DELETE, %s UPDATE" % (530, 9, 1671))
    copy.info("Replayed in %.2f Seconds" % 4.02)
    copy.info("= Stage 4.2: Generating checksum =")
    copy.info("Replay changes to bring two tables to a comparable state")
    copy.info("Doing chunk-based checksum of old and new tables.")
    copy.info("1. Checksumming data from old table")
    copy.info("2. Checksuming data from new table")
    copy.info("3. Comparing old and new checksums")
    copy.info("Checksum match between new and old table")
    copy.info("== Stage 5: Catch up to reduce time for holding lock ==")
    copy.info("Catchup Attempt: %s" % 1)
    copy.info("Total %s changes to replay" % 96)
    copy.info("Replayed %s INSERT, %s DELETE, %s UPDATE" % (20, 0, 76))
    copy.info("No table timestamp change detected.")
    copy.info("== Stage 5.1: Check table partitions are up-to-date ==")
    copy.info("== Stage 6: Swap table ==")
    base.warning("Stopping secondary sql thread.")
    copy.info("Successfully lock table(s) for write: %s" % ", ".join(["__osc_new_orders", table, "__osc_chg_orders"]))
    copy.info("Final round of replay before swap table")
    copy.info("Total %s changes to replay" % 3)
    copy.info("Replayed %s INSERT, %s DELETE, %s UPDATE" % (1, 0, 2))
    copy.info("Renamed %s TO %s, %s TO %s" % (table, "__osc_old_orders", "__osc_new_orders", table))
    copy.info("Table has successfully swapped, new schema takes effect now")
    copy.info("Table(s) unlocked")
    base.warning("Starting secondary sql thread stopped by OSC.")
    copy.info("== Stage 7: Cleanup ==")
    for stmt in ("DROP TRIGGER IF EXISTS `__osc_ins_orders`", "DROP TRIGGER IF EXISTS `__osc_upd_orders`",
                 "DROP TRIGGER IF EXISTS `__osc_del_orders`", "DROP TABLE IF EXISTS `__osc_chg_orders`",
                 "DROP TABLE IF EXISTS `__osc_old_orders`"):
        cleanup.info("Executing on DB: [%s] sql: [%s]" % (db, stmt))
    for what, secs in (("dump", 812.417), ("load", 1694.902), ("replay", 7.528)):
        copy.info("Time in %s: %.3fs" % (what, secs))
    systemd(stream, "osc-orders.service", "Deactivated successfully.")
    systemd(stream, "", "Finished osc-orders.service - Online schema change for shop.orders.")
    systemd(stream, "osc-orders.service", "Consumed 41min 12.804s CPU time.")

    # The new column makes the next binlogs larger; a basebackup attempt
    # later fails as the instance is busy (controller.py's run loop).
    thread.name = "Thread-1"
    scan.info("New binlog %r (%s bytes) in %.2f seconds, found %d GTID ranges: %r", BINLOG_DIR + "/binlog.004197",
              67113804, 0.33, 1, [gtid(93218342, 93222210, ts + 540)])

    def mode_active():
        def refresh():
            raised("pymysql.err", "OperationalError", "(2013, 'Lost connection to MySQL server during query "
                                                      "([Errno 104] Connection reset by peer)')")
        refresh()
    try:
        mode_active()
    except Exception:
        ctrl.exception("Unexpected exception in mode %s", "active")
    printed(stream, "[%s] [ warn] [output:cloudwatch_logs:cloudwatch_logs.0] retrying chunk in 7 seconds"
            % now("%Y/%m/%d %H:%M:%S"))
    thread.name = "Thread-3"
    bs.info("Successfully %s binlog index %s as remote index %s in %.1f seconds", "uploaded", 4197, 10, 2.2)
    return {"name": "myhoard-osc", "programs": [mh, osc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A research group's crawl host on EC2 (one Docker Compose project, the
# awslogs driver, one stream): Scrapy Cluster's Kafka monitor takes crawl
# requests from Kafka into Redis, its crawler (Scrapy's own log disabled,
# LOG_ENABLED False in docker/crawler/settings.py) fetches the pages and
# sends them back to Kafka, its Redis monitor answers info requests and
# dumps stats every minute; a cron container runs gallery-dl --verbose on
# the image galleries the crawl found. gallery-dl's stdout (the paths it
# writes, "# " before those it skips), the shell's "+ ..." lines and
# Kazoo's warnings (no handler of its own: Python's last-resort handler
# prints the bare message) are print lines.

STATS_TIMES = [900, 3600, 21600, 43200, 86400, 604800, "lifetime"]
KM_PLUGINS = ["ActionHandler", "ScraperHandler", "StatsHandler", "ZookeeperHandler"]
RM_PLUGINS = ["ExpireMonitor", "InfoMonitor", "StatsMonitor", "StopMonitor", "ZookeeperMonitor"]
SITES = ["https://www.archives.gov/research/still-pictures", "https://www.loc.gov/pictures/collections/",
         "https://digitalcollections.nypl.org/collections", "https://www.si.edu/openaccess",
         "https://collections.lacma.org/", "https://www.rijksmuseum.nl/en/search?p=1&ps=12"]


def stats_dump(base, plugins, scale):
    """A monitor's stats dump as _dump_stats builds it."""
    extras = {}
    for n, t in enumerate(STATS_TIMES):
        extras["total_%s" % t] = scale * (n + 1) * 7
        extras["fail_%s" % t] = (scale * (n + 1)) // 40
    for name in plugins:
        for n, t in enumerate(STATS_TIMES):
            extras["plugin_%s_%s" % (name, t)] = (scale * (n + 1) * len(name)) // 9 if base else 0
    return json.dumps(extras, indent=4, sort_keys=True)


def stream_scrapy_cluster_gallery_dl():
    stream = []
    sc = Program("scrapy-cluster", "kafka-monitor", logging.Formatter(SCRAPY_CLUSTER), stream)
    gd = Program("gallery-dl", "gallery-dl", GalleryDlFormatter(GALLERY_DL, GALLERY_DL_DATEFMT), stream)
    km = lg(sc, "kafka-monitor")
    rm = lg(sc, "redis-monitor")
    cr = lg(sc, "sc-crawler")
    gdl = {name: lg(gd, name) for name in ("gallery-dl", "flickr", "wikimedia", "downloader.http", "download",
                                           "urllib3.connectionpool")}

    def g(name, level, msg, *args, exc_info=None):
        with level_names(GALLERY_DL_LEVELS):
            gdl[name].log(level, msg, *args, exc_info=exc_info)

    # Scrapy Cluster's services start: at INFO, their set-up is quiet.
    km.info("Kafka Monitor Stats Dump:\n" + stats_dump(True, KM_PLUGINS, 0))
    rm.info("Redis Monitor Stats Dump:\n" + stats_dump(False, RM_PLUGINS, 0))
    for minute in range(4):
        # Crawl requests arrive (kafka_monitor.py, plugins/scraper_handler.py).
        for site in SITES[minute::2] if minute < 2 else SITES[minute - 2:minute]:
            km.info("Added crawl to Redis")
        if minute == 1:
            km.warning("Did not find schema to validate request")
            km.warning("Unparseable JSON Received")
        # The crawler (pipelines.py, log_retry_middleware.py).
        for page in range(9):
            cr.info("Scraped page")
            cr.info("Sent page to Kafka")
            if page == 4 and minute in (1, 3):
                cr.error("Scraper Retry")
        if minute == 2:
            printed(stream, "Connection dropped: socket connection broken")
            cr.info("Zookeeper config changed")
        # Info and stats requests (plugins/info_monitor.py, stats_monitor.py).
        rm.info("Received info request")
        rm.info("Sent info to kafka")
        if minute == 2:
            rm.info("Received %s stats request" % "kafka-monitor")
            rm.info("Sent stats to kafka")
            # A key's handler raises: redis_monitor.py logs the traceback
            # (traceback.format_exc()) as an ERROR message.
            def process():
                def handle():
                    raised("redis.exceptions", "ConnectionError",
                           "Error 32 while writing to socket. Broken pipe.")
                handle()
            try:
                process()
            except Exception:
                rm.error(traceback.format_exc())
        km.info("Kafka Monitor Stats Dump:\n" + stats_dump(True, KM_PLUGINS, 3 * (minute + 1)))
        rm.info("Redis Monitor Stats Dump:\n" + stats_dump(True, RM_PLUGINS, minute + 1))
        crawl = {"link_spider_count": 2, "total_spider_count": 2, "unique_spider_count": 1}
        for code in (200, 404, 504):
            for t in STATS_TIMES:
                crawl["link_%s_%s" % (code, t)] = {200: 61, 404: 3, 504: 1}[code] * (minute + 1)
        rm.info("Crawler Stats Dump:\n" + json.dumps(crawl, indent=4, sort_keys=True))
        rm.info("Queue Stats Dump:\n" + json.dumps({"queue_link": {"num_domains": 4 + minute,
                                                                     "spider_backlog": 212 - 37 * minute},
                                                      "total_backlog": 212 - 37 * minute}, indent=4, sort_keys=True))
        if minute == 3:
            cr.info("Changed Public IP: %s -> %s" % ("3.91.24.188", "54.210.17.92"))

    # gallery-dl, from cron (gallery_dl/__init__.py, job.py,
    # extractor/common.py, downloader/http.py; urllib3's own records).
    printed(stream, "+ gallery-dl --verbose -d /data/galleries --download-archive /data/archive.sqlite3 "
                    "-i /config/urls.txt")
    g("gallery-dl", logging.DEBUG, "Version %s%s", "1.32.9", "")
    g("gallery-dl", logging.DEBUG, "Python %s - %s", "3.12.11", "Linux-6.1.119-129.201.amzn2023.x86_64-x86_64-"
                                                                  "with-glibc2.36")
    g("gallery-dl", logging.DEBUG, "requests %s - urllib3 %s", "2.32.3", "2.2.3")
    g("gallery-dl", logging.DEBUG, "Configuration Files %s", ["/etc/gallery-dl.conf"])
    albums = [("https://www.flickr.com/photos/usnationalarchives/albums/72177720315786110", "Apollo 11", 7),
              ("https://www.flickr.com/photos/library_of_congress/albums/72157603624867509", "1930s-40s in Color", 6)]
    for a, (url, title, count) in enumerate(albums):
        g("gallery-dl", logging.DEBUG, "Starting %s for '%s'", "DownloadJob", url)
        g("flickr", logging.DEBUG, "Using %s for '%s'", "FlickrAlbumExtractor", url)
        g("urllib3.connectionpool", logging.DEBUG, "Starting new HTTPS connection (%d): %s:%s", 1, "api.flickr.com",
          443)
        if a == 1:
            # The API answers 502 through every retry: HttpError.
            for tries in range(1, 6):
                g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https", "api.flickr.com",
                  443, "GET", "/services/rest/?method=flickr.photosets.getInfo&format=json&nojsoncallback=1"
                              "&photoset_id=72157603624867509", "HTTP/1.1", 502, 150)
                g("flickr", logging.DEBUG, "%s (%s/%s)", "'502 Bad Gateway' for 'https://api.flickr.com/services/"
                  "rest/?method=flickr.photosets.getInfo&format=json&nojsoncallback=1&photoset_id=72157603624867509'",
                  tries, 5)
                if tries < 5:
                    g("flickr", logging.DEBUG, "Sleeping %.2f seconds (%s)", 2.0 ** tries / 2 + 0.5, "retry")
            msg = ("'502 Bad Gateway' for 'https://api.flickr.com/services/rest/?method=flickr.photosets.getInfo"
                   "&format=json&nojsoncallback=1&photoset_id=72157603624867509'")

            def dispatch():
                def request():
                    raised("gallery_dl.exception", "HttpError", msg)
                request()
            try:
                dispatch()
            except Exception as exc:
                g("flickr", logging.ERROR, "%s: %s", "HttpError", exc)
                g("flickr", logging.DEBUG, "", exc_info=(type(exc), exc, exc.__traceback__))
            continue
        g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https", "api.flickr.com", 443,
          "GET", "/services/rest/?method=flickr.photosets.getInfo&format=json&nojsoncallback=1"
                 "&photoset_id=72177720315786110", "HTTP/1.1", 200, 412)
        g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https", "api.flickr.com", 443,
          "GET", "/services/rest/?method=flickr.photosets.getPhotos&format=json&nojsoncallback=1"
                 "&photoset_id=72177720315786110&page=1&per_page=500", "HTTP/1.1", 200, None)
        g("urllib3.connectionpool", logging.DEBUG, "Starting new HTTPS connection (%d): %s:%s", 1,
          "live.staticflickr.com", 443)
        for i in range(count):
            photo = 53647391017 + 1187 * i
            path = "/data/galleries/flickr/usnationalarchives/Albums/72177720315786110 %s/flickr_%d.jpg" % (title,
                                                                                                          photo)
            if i < 2:
                printed(stream, "# " + path)
                continue
            g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https",
              "live.staticflickr.com", 443, "GET",
              "/65535/%d_%010x_o.jpg" % (photo, (0x3c9e1f7a2b * (i + 1)) & 0xffffffffff), "HTTP/1.1", 200,
              2841977 + 99173 * i)
            printed(stream, path)
    url = "https://commons.wikimedia.org/wiki/Category:Lighthouses_in_Maine"
    g("gallery-dl", logging.DEBUG, "Starting %s for '%s'", "DownloadJob", url)
    g("wikimedia", logging.DEBUG, "Using %s for '%s'", "WikimediaArticleExtractor", url)
    g("urllib3.connectionpool", logging.DEBUG, "Starting new HTTPS connection (%d): %s:%s", 1, "commons.wikimedia.org",
      443)
    g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https", "commons.wikimedia.org", 443,
      "GET", "/w/api.php?action=query&generator=categorymembers&gcmtitle=Category%3ALighthouses_in_Maine"
             "&gcmtype=file&prop=imageinfo&iiprop=timestamp|user|userid|comment|canonicaltitle|url|size|sha1|mime"
             "|metadata|commonmetadata|extmetadata|bitdepth&format=json", "HTTP/1.1", 200, None)
    g("urllib3.connectionpool", logging.DEBUG, "Starting new HTTPS connection (%d): %s:%s", 1, "upload.wikimedia.org",
      443)
    def upload(name):
        # Commons' upload path: the MD5 of the file's name.
        h = hashlib.md5(name.encode()).hexdigest()
        return "/wikipedia/commons/%s/%s/%s" % (h[0], h[:2], name)

    for i, name in enumerate(["Portland_Head_Light_2023.jpg", "Pemaquid_Point_Light_at_dusk.jpg",
                              "West_Quoddy_Head_Light.jpg", "Marshall_Point_Light_Station.jpg",
                              "Bass_Harbor_Head_Light_(Maine).jpg", "Nubble_Light_in_winter.jpg"]):
        path = "/data/galleries/wikimedia/Category:Lighthouses_in_Maine/" + name
        if i == 3:
            # upload.wikimedia.org throttles: the downloader retries.
            for tries in (1, 2):
                g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https",
                  "upload.wikimedia.org", 443, "GET", upload(name),
                  "HTTP/1.1", 429, 1953)
                g("downloader.http", logging.WARNING, "%s (%s/%s)", "'429 Too Many Requests' for "
                  "'https://upload.wikimedia.org%s'" % upload(name),
                  tries, 5)
        g("urllib3.connectionpool", logging.DEBUG, '%s://%s:%s "%s %s %s" %s %s', "https", "upload.wikimedia.org", 443,
          "GET", upload(name), "HTTP/1.1", 200, 4190321 + 51234 * i)
        printed(stream, path)
    url = "https://collections.lacma.org/node/2238917"
    g("gallery-dl", logging.DEBUG, "Starting %s for '%s'", "DownloadJob", url)
    g("gallery-dl", logging.ERROR, "Unsupported URL '%s'", url)
    printed(stream, "+ echo 'gallery-dl exited with 68'")
    printed(stream, "gallery-dl exited with 68")
    km.info("Added crawl to Redis")
    cr.info("Scraped page")
    cr.info("Sent page to Kafka")
    return {"name": "scrapy-cluster-gallery-dl", "programs": [sc, gd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_appdaemon_wyze(), stream_myhoard_osc(),
                              stream_scrapy_cluster_gallery_dl()])


if __name__ == "__main__":
    main()
