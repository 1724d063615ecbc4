"""The fourteenth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout13.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS outside
the areas the earlier sets covered (a live-archive task on ECS where
Streamlink records a council's Twitch channel and PySceneDetect splits the
recording; a mail relay's postfix-mta-sts-resolver beside parsedmarc
watching the DMARC mailbox; a genomics Batch job assembling an isolate with
Flye and polishing it with medaka; a storage host's snapraid-runner and
pyznap; a plant's staging line where the ThingsBoard IoT Gateway polls the
pymodbus simulator; a chat-ops task with a Limnoria bot and a
fedora-messaging consumer; a self-hosted map service with Nominatim's
replication and MapProxy; a malware lab's CAPEv2 scheduler and Karton
pipeline; a quant team's nightly zipline backtest and Qlib retraining),
each format copied from the file named beside it (the version read is
given), with the formatter class or the filter the program uses, and
messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout14

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f119b48 (heldout12's and heldout13's rules of
session 18 in), before any rule saw it: 4278 records (202 joined under a
burst), 48.2% exact, 61.5% with the key fields right (asctime 99.4%,
levelname 81.7%, name 69.5%, message 70.5%, exc_info 99.9%).

Formatters that rewrite the record rewrite the truth's too, as they run
first: Streamlink's StringFormatter takes "streamlink." out of the record's
`name` ("[stream.hls][debug] ...") and lower-cases its `levelname`, and the
truth keeps both; its format is `{`-style. CAPE's console handler colours a
copy of the record (a WARNING's message yellow, an ERROR's red, "analysis
procedure completed" cyan), so the text has the codes and the truth not.
Limnoria's formatter prints supybot's own timestamp ("%Y-%m-%dT%H:%M:%S",
mixed into the truth's JsonFormatter too), and its Logger.exception logs a
second ERROR, "Exception id: 0x...". postfix-mta-sts-resolver logs through
a QueueHandler, whose prepare() folds a traceback into the message (no
exc_info). Karton's TaskContextFilter sets `task_id` on every record ("(no
task)" between tasks), kept in the truth; CAPE's AnalysisLogger adapter
starts each message with "Task #N: ". The other attributes set here are
standard ones, pinned: Qlib prints its process id (58).

parsedmarc's console format has no time, a right-aligned level and
"filename:lineno:" glued to the message; the resolver's loggers are
"MAIN", "STS", "PF" and "RES". PySceneDetect's debug format has no time
("DEBUG: context.handle_options(): ..."), and its scene table is one
multi-line message. Flye's C++ modules write their own lines to stderr in
the layout of its Python console format (src/common/logger.h), so they are
records of that format under a program of their own ("flye-modules"); its
assembly statistics are one message with tabs that ends with a line break.
medaka's loggers have short names ("Predict", "PWorker") printed after a
"%H:%M:%S" time, and it logs its model's repr on three lines.
snapraid-runner logs snapraid's stdout and stderr a line a record at its own
OUTPUT (15) and OUTERR (25) levels (an empty line an empty message), its
levels cut to six characters ("[INFO  ]"); pyznap's date is "%b %d
%H:%M:%S" and its "Finished successfully...\\n" ends with a line break. The
ThingsBoard gateway prints filename, module, function and line between
"|level|" and the message, and one of its errors keeps its "%s" (no
argument is given); pymodbus prints "module:lineno" after a level padded to
five, and two of its messages end with a space. fedora-messaging's format
has no time, Nominatim's no level: its progress lines are WARNINGs ending
with a line break, its "Update interval too low" a two-line CRITICAL.
MapProxy prints its records and its upstream requests in two formats, and a
request's CRITICAL traceback is printed again to uwsgi's stderr. zipline's
prefix ends with a line break before the message, its date with "%z";
Qlib's loggers' names have spaces ("qlib.backtest caller").

The shell's "+ ..." lines, ECS's and systemd's messages, the entrypoint and
medaka_consensus echo lines, ffmpeg's, minimap2's, samtools', osm2pgsql's,
uwsgi's and LightGBM's output, the AWS CLI's upload lines, pv's, tqdm's and
click's progress bars, Flye's percentage lines, CAPE's banner and the tables
Qlib pprints are print lines; the Qlib run ends with the uncaught ClientError
the interpreter prints.

Left out: mwdb-core (its InlineFormatter appends every extra attribute after
the message as " - key:value": free text after the message, as Faust's in
`heldout4.py`), NAV's ipdevpoll (its ContextFormatter switches between two
formats per record, on whether a job or sysname is set, as oslo.log in
`heldout3.py`), FRR's frr-reload.py (its records go to
/var/log/frr/frr-reload.log; with --stdout it renames ERROR and WARNING
process-wide to ANSI-coloured names, as LMDeploy in `heldout8.py`), CAPE's
utils/dist.py (a format per level, the level wrapped in colour codes),
drakvuf-sandbox (drakrun's console is Karton's layout, its worker RQ's in
`realworld.py`), MultiQC and MITRE Caldera (their consoles are Rich
handlers), Fava and dns-lexicon (logging.basicConfig(format="%(message)s")),
ElectricEye (logging.basicConfig()'s BASIC_FORMAT: covered), Hummingbot (its
records go to its terminal UI and a file under logs/, not to the
container's output), and SpiderFoot ("%(asctime)s [%(levelname)s]
%(module)s : %(message)s") and eodag ("%(asctime)-15s %(name)-32s
[%(levelname)-8s] %(message)s"), read for this set's security and GIS
streams and kept for a later one.
"""

import copy
import datetime
import logging
import os
import sys
import time

from pythonjsonlogger.json import JsonFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout4 import QueuePrepared, pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Streamlink 8.5.0 (streamlink/streamlink 8.5.0, 4aa09433), src/streamlink_cli/
# main.py setup_logger's default below the verbose levels, through src/
# streamlink/logger.py basicConfig's StringFormatter (FORMAT_STYLE "{",
# FORMAT_DATE "%H:%M:%S", REMOVE_BASE ["streamlink", "streamlink_cli"]).
STREAMLINK = "[{name}][{levelname}] {message}"
STREAMLINK_DATEFMT = "%H:%M:%S"
# PySceneDetect 0.7.1 (Breakthrough/PySceneDetect v0.7.1, 6ebb7239),
# scenedetect/platform.py init_logger's DEBUG_TEMPLATE (`-v debug`, on
# stdout).
SCENEDETECT = "%(levelname)s: %(module)s.%(funcName)s(): %(message)s"
# parsedmarc 10.4.3 (domainaware/parsedmarc 10.4.3, 8e20018), parsedmarc/
# cli.py's module-level StreamHandler formatter (the same as parsedmarc/
# log.py configure_logging's).
PARSEDMARC = "%(levelname)8s:%(filename)s:%(lineno)d:%(message)s"
PARSEDMARC_DATEFMT = "%Y-%m-%d:%H:%M:%S"
# postfix-mta-sts-resolver 1.5.0 (Snawoot/postfix-mta-sts-resolver v1.5.0,
# a000619), postfix_mta_sts_resolver/utils.py AsyncLoggingHandler: a
# QueueHandler in front of a StreamHandler with this formatter.
MTA_STS = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
MTA_STS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Flye 2.9.5 (mikolmogorov/Flye 2.9.5, 72b2afaa), flye/main.py
# _enable_logging's console_formatter (the log file's adds %(name)s).
FLYE = "[%(asctime)s] %(levelname)s: %(message)s"
FLYE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# medaka 2.1.0 (nanoporetech/medaka v2.1.0, 366ff49), medaka/medaka.py
# main's logging.basicConfig.
MEDAKA = "[%(asctime)s - %(name)s] %(message)s"
MEDAKA_DATEFMT = "%H:%M:%S"
# snapraid-runner (Chronial/snapraid-runner master, 8f78f9f, after v0.5),
# snapraid-runner.py setup_logger, which also adds its levels OUTPUT (15)
# and OUTERR (25) for snapraid's stdout and stderr.
SNAPRAID_RUNNER = "%(asctime)s [%(levelname)-6.6s] %(message)s"
# pyznap 1.6.0 (yboetz/pyznap v1.6.0, bdc86c4), pyznap/main.py main's
# logging.basicConfig (stdout).
PYZNAP = "%(asctime)s %(levelname)s: %(message)s"
PYZNAP_DATEFMT = "%b %d %H:%M:%S"
# ThingsBoard IoT Gateway 3.8.3 (thingsboard/thingsboard-gateway 3.8.3,
# 7f7e0bf0), thingsboard_gateway/config/logs.json "LogFormatter" on its
# consoleHandler (stdout), which the root logger and every logger there share.
THINGSBOARD = ("%(asctime)s.%(msecs)03d - |%(levelname)s| - [%(filename)s] - %(module)s - %(funcName)s - "
               "%(lineno)d - %(message)s")
THINGSBOARD_DATEFMT = "%Y-%m-%d %H:%M:%S"
# pymodbus 3.12.1 (pymodbus-dev/pymodbus v3.12.1, 7c9fa7e5), pymodbus/
# logging.py Log.apply_logging_config (what pymodbus.simulator's --log
# calls through pymodbus_apply_logging_config).
PYMODBUS = "%(asctime)s %(levelname)-5s %(module)s:%(lineno)s %(message)s"
# Limnoria (progval/Limnoria master-2026-05-08, abb3476ee), src/log.py
# supybot.log.stdout.format's default through ColorizedFormatter (colorized
# False, the default); its formatTime prints supybot.log.timestampFormat
# ("%Y-%m-%dT%H:%M:%S") whatever the datefmt.
LIMNORIA = "%(levelname)s %(asctime)s %(message)s"
LIMNORIA_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# fedora-messaging 3.6.0 (fedora-infra/fedora-messaging v3.6.0, e821868),
# fedora_messaging/config.py DEFAULTS log_config "simple" (the console
# handler of the fedora_messaging logger and of the root).
FEDORA_MESSAGING = "[%(name)s %(levelname)s] %(message)s"
# Nominatim 5.3.2 (osm-search/Nominatim v5.3.2, 57feabc9), src/nominatim_db/
# cli.py run's logging.basicConfig (stderr).
NOMINATIM = "%(asctime)s: %(message)s"
NOMINATIM_DATEFMT = "%Y-%m-%d %H:%M:%S"
# MapProxy 7.0.0 (mapproxy/mapproxy 7.0.0, 49de7e7f), docker/logging.ini
# [formatter_default] (the root's handler) and [formatter_requests] (the
# mapproxy.source.request logger's, which does not propagate).
MAPPROXY = "%(asctime)s - %(levelname)s - %(name)s - %(message)s"
MAPPROXY_REQUESTS = "[%(asctime)s] %(message)s"
# CAPEv2 (kevoreilly/CAPEv2, no release tags: 4da22e64a, 2026-08-22),
# lib/cuckoo/core/log.py init_logger's formatter on its ConsoleHandler,
# which colours the message of a WARNING or ERROR (and "analysis procedure
# completed") on a copy of the record.
CAPE = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
# Karton 5.9.1 (CERT-Polska/karton v5.9.1, fd39157), karton/core/base.py
# KartonBase's log_format through LoggingMixin.setup_logger's StreamHandler
# (with its TaskContextFilter); karton-classifier 2.1.0 (CERT-Polska/
# karton-classifier v2.1.0, 2c91251) runs on it.
KARTON = "[%(asctime)s][%(levelname)s] %(message)s"
# zipline-reloaded 3.1.1 (stefan-jansen/zipline-reloaded 3.1.1, 09885a2e),
# src/zipline/__main__.py main's logging.basicConfig.
ZIPLINE = "[%(asctime)s-%(levelname)s][%(name)s]\n %(message)s"
ZIPLINE_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# Qlib 0.9.7 (microsoft/qlib v0.9.7, da920b7f), qlib/config.py
# _default_config's logging_config "logger_format" (the "qlib" logger's
# console handler, with its LogFilter).
QLIB = ("[%(process)s:%(threadName)s](%(asctime)s) %(levelname)s - %(name)s - [%(filename)s:%(lineno)d] - "
        "%(message)s")


class StreamlinkFormatter(logging.Formatter):
    """streamlink.logger.StringFormatter (8.5.0), as written there: before
    formatting, "streamlink." and "streamlink_cli." are taken out of the
    record's `name` and its `levelname` is lower-cased, on the record
    itself (so the truth has them too)."""

    def __init__(self):
        super().__init__(STREAMLINK, STREAMLINK_DATEFMT, style="{")
        self._remove_base = ["streamlink", "streamlink_cli"]

    def format(self, record):
        for rbase in self._remove_base:
            record.name = record.name.replace(f"{rbase}.", "")
        record.levelname = record.levelname.lower()
        return super().format(record)


class LimnoriaTime:
    """supybot.log.Formatter.formatTime (Limnoria), as written there: the
    record's time through supybot's timestamp(), which strftimes the local
    time with supybot.log.timestampFormat. Mixed into the truth's
    JsonFormatter too."""

    def formatTime(self, record, datefmt=None):
        return time.strftime(LIMNORIA_DATEFMT, time.localtime(record.created))


class LimnoriaFormatter(LimnoriaTime, logging.Formatter):
    pass


class LimnoriaJsonFormatter(LimnoriaTime, JsonFormatter):
    pass


class CapeConsoleFormatter(logging.Formatter):
    """lib.cuckoo.core.log.ConsoleHandler.emit (CAPEv2 4da22e64a), as a
    formatter: a copy of the record gets the message wrapped in
    lib.cuckoo.common.colors' codes (yellow for a WARNING, red for an ERROR
    or CRITICAL, cyan for "analysis procedure completed"), which is what the
    stream handler prints; the record itself, and so the truth, keeps the
    plain message."""

    def format(self, record):
        colored = copy.copy(record)
        if record.levelname == "WARNING":
            colored.msg = "\x1b[33m%s\x1b[0m" % record.msg
        elif record.levelname in ("ERROR", "CRITICAL"):
            colored.msg = "\x1b[31m%s\x1b[0m" % record.msg
        elif "analysis procedure completed" in record.msg:
            colored.msg = "\x1b[36m%s\x1b[0m" % record.msg
        return super().format(colored)


class AnalysisLogger(logging.LoggerAdapter):
    """lib.cuckoo.core.analysis_manager.AnalysisLogger (CAPEv2), as written
    there: "Task #N: " before every message of the AnalysisManager."""

    def process(self, msg, kwargs):
        task_id = self.extra.get("task_id") if self.extra is not None else None
        if task_id is not None:
            msg = f"Task #{task_id}: {msg}"
        return msg, kwargs


def fmt_t(seconds):
    """A FrameTimecode's get_timecode(): HH:MM:SS.nnn."""
    ms = round(seconds * 1000)
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


# --------------------------------------------------------------------------
# A live-archive task on ECS (its container's log through the awslogs
# driver): the entrypoint records a city council's Twitch channel with
# Streamlink (`--loglevel debug --retry-streams 30`) to a file on the
# task's volume until the broadcast ends, then splits the recording into
# scenes with PySceneDetect (`-v debug`) and syncs the clips to S3. ffmpeg's
# output for the first scene, tqdm's progress bars and the AWS CLI's upload
# lines are print lines.

CHANNEL = "cityofexample"
TWITCH = f"https://www.twitch.tv/{CHANNEL}"
REC = f"/recordings/{CHANNEL}/2024-05-11_144444.ts"
CLIPS = f"/recordings/{CHANNEL}/clips"
CDN = "https://video-edge-c2a3f4.pdx01.abs.hls.ttvnw.net/v1/segment/"


def stream_streamlink_scenedetect():
    stream = []
    sl = Program("streamlink", "streamlink.cli", StreamlinkFormatter(), stream)
    sd = Program("pyscenedetect", "pyscenedetect", logging.Formatter(SCENEDETECT), stream)
    cli = lg(sl, "streamlink.cli")
    twitch = lg(sl, "streamlink.plugins.twitch")
    hls = lg(sl, "streamlink.stream.hls")
    segmented = lg(sl, "streamlink.stream.segmented")
    l10n = lg(sl, "streamlink.utils.l10n")
    scd = lg(sd, "pyscenedetect")
    src = "/usr/local/lib/python3.12/site-packages/scenedetect/"

    def s(level, where, func, msg, *args):
        path, line = where.rsplit(":", 1)
        at(scd, level, src + path, int(line), func, msg, *args)

    def segment(num, ad=False):
        date = datetime.datetime.fromtimestamp(realworld.CLOCK.t - 6, datetime.timezone.utc)
        segmented.debug("Queuing %r", Shown(
            f"TwitchHLSSegment(num={num}, init=False, discontinuity=False, duration=2.000, title="
            f"{'Amazon' if ad else 'live'!r}, key=None, byterange=None, date={date.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}, "
            f"map=None, ad={ad}, prefetch=False, fileext='ts')"))

    printed(stream, "+ exec streamlink --loglevel debug --retry-streams 30 --stream-segment-threads 2 "
                    f"-o {REC} {TWITCH} best")
    cli.info("streamlink is running as root! Be careful!")
    cli.debug("OS:         Linux-6.1.90-99.173.amzn2023.x86_64-x86_64-with-glibc2.36")
    cli.debug("Python:     3.12.7")
    cli.debug("OpenSSL:    OpenSSL 3.0.15 3 Sep 2024")
    cli.debug("Streamlink: 8.5.0")
    cli.debug("Dependencies:")
    for name, version in (("certifi", "2024.8.30"), ("isodate", "0.7.2"), ("lxml", "5.3.0"), ("pycountry", "24.6.1"),
                          ("pycryptodome", "3.21.0"), ("PySocks", "1.7.1"), ("requests", "2.32.3"),
                          ("trio", "0.27.0"), ("trio-websocket", "0.11.1"), ("urllib3", "2.2.3"),
                          ("websocket-client", "1.8.0")):
        cli.debug(f" {name}: {version}")
    cli.debug("Arguments:")
    for arg in (f" url={TWITCH}", " stream=['best']", " --loglevel=debug", f" --output={REC}",
                " --retry-streams=30.0", " --stream-segment-threads=2"):
        cli.debug(arg)
    cli.info(f"Found matching plugin twitch for URL {TWITCH}")
    twitch.debug(f"Getting live HLS streams for {CHANNEL}")
    # The meeting hasn't started: no playlist yet.
    cli.info(f"Waiting for streams, retrying every {30.0} second(s)")
    for _ in range(3):
        twitch.debug(f"Getting live HLS streams for {CHANNEL}")
    l10n.debug("Language code: en_US")
    cli.info("Available streams: audio_only, 160p (worst), 360p30, 480p30, 720p30, 720p60, 1080p60 (best)")
    cli.info(f"Opening stream: 1080p60 (hls)")
    twitch.info("Will skip ad segments")
    hls.debug("Reloading playlist")
    hls.debug("; ".join(["First Sequence: 2204", "Last Sequence: 2209"]))
    hls.debug("; ".join(["Start offset: 0", "Duration: None", "Start Sequence: 2207", "End Sequence: None"]))
    num = 2207
    cli.debug("Pre-buffering 8192 bytes")
    cli.info(f"Writing output to\n{REC}")
    cli.debug("Checking file output")
    cli.debug("Writing stream to output")
    # Pre-roll: the channel's first ads, filtered out.
    twitch.info("Waiting for pre-roll ads to finish, be patient")
    twitch.info(f"Detected advertisement break of {30} second{'s'}")
    for k in range(17):
        ad = k < 3
        segment(num, ad)
        if ad:
            hls.debug(f"Discarding segment {num}")
            if k == 0:
                hls.info("Filtering out segments and pausing stream output")
        else:
            if k == 3:
                hls.info("Resuming stream output")
            hls.debug(f"Writing segment {num} to output")
            if k == 10:
                # The edge server times out: the segment is lost.
                hls.error(f"Failed to fetch segment {num}: Unable to open URL: {CDN}CnKx-Q{num}Ab.ts "
                          "(HTTPSConnectionPool(host='video-edge-c2a3f4.pdx01.abs.hls.ttvnw.net', port=443): "
                          "Read timed out. (read timeout=10.0))")
            else:
                hls.debug(f"Segment {num} complete")
        if k % 3 == 2:
            hls.debug("Reloading playlist")
        num += 1
    cli.info("Stream ended")
    cli.info("Closing currently open stream...")
    segmented.debug("Closing worker thread")
    segmented.debug("Closing writer thread")

    # The recording is split into scenes.
    printed(stream, f"+ scenedetect -i {REC} -v debug -o {CLIPS} detect-adaptive list-scenes split-video")
    s(logging.INFO, "_cli/context.py:236", "handle_options", "PySceneDetect %s", "0.7.1")
    s(logging.DEBUG, "_cli/context.py:246", "handle_options", "Parsing program options.")
    s(logging.DEBUG, "_cli/context.py:267", "handle_options", "Output directory set:\n  %s", CLIPS)
    s(logging.DEBUG, "_cli/context.py:539", "_open_video_stream",
      "Video information:\n  Backend:      VideoStreamCv2\n  Resolution:   (1920, 1080)\n"
      "  Frame rate:   60.000 (60/1)\n  Duration:     00:52:13.433 (188006 frames)")
    s(logging.DEBUG, "_cli/context.py:302", "handle_options", "Initializing SceneManager.")
    s(logging.DEBUG, "_cli/context.py:124", "add_detector", "Adding detector: %s(%s)", "AdaptiveDetector",
      {"adaptive_threshold": 3.0, "min_content_val": 15.0, "window_width": 2, "kernel_size": None,
       "min_scene_len": "0.6s"})
    s(logging.DEBUG, "_cli/context.py:116", "add_command", "Adding command: %s(%s)", "list_scenes",
      {"output": None, "filename": "$VIDEO_NAME-Scenes.csv", "no_output_file": False, "quiet": False,
       "skip_cuts": False})
    s(logging.DEBUG, "_cli/context.py:116", "add_command", "Adding command: %s(%s)", "split_video",
      {"output": None, "filename": "$VIDEO_NAME-Scene-$SCENE_NUMBER", "quiet": False, "copy": False,
       "high_quality": False, "rate_factor": None, "preset": None, "args": None, "mkvmerge": False})
    s(logging.DEBUG, "_cli/controller.py:38", "run_scenedetect", "Running controller.")
    s(logging.DEBUG, "scene_manager.py:530", "detect_scenes", "Processing resolution: %d x %d, downscale: %1.1f",
      480, 270, 4.0)
    s(logging.INFO, "scene_manager.py:575", "detect_scenes", "Detecting scenes...")
    printed(stream, "\r".join(f"  Detected: {d} | Progress: {p:3d}%|{'█' * (p // 10):<10}| {f}/188006 "
                              f"[{m:02d}:{sec:02d}<{rm:02d}:{rs:02d}, {fps} frames/s]"
                              for d, p, f, m, sec, rm, rs, fps in
                              ((0, 0, 0, 0, 0, 0, 0, "?"), (4, 12, 22560, 0, 41, 4, 59, "550.2"),
                               (9, 37, 69562, 2, 6, 3, 35, "552.0"), (15, 61, 114683, 3, 28, 2, 14, "551.4"),
                               (21, 89, 167325, 5, 3, 0, 37, "552.3"), (23, 100, 188006, 5, 40, 0, 0, "552.9"))))
    s(logging.INFO, "_cli/controller.py:148", "_detect", "Processed %d frames in %.1f seconds (average %.2f FPS).",
      188006, 340.1, 552.79)
    starts = [0, 141.35, 385.9, 612.483, 798.05, 1033.7, 1187.25, 1440.6, 1602.117, 1811.9, 2044.3, 2300.85,
              2488.5, 2650.067, 2873.2, 3133.433]
    scenes = list(zip(starts[:-1], starts[1:]))
    s(logging.INFO, "_cli/controller.py:67", "run_scenedetect", "Detected %d scenes, average shot length %.1f seconds.",
      len(scenes), sum(b - a for a, b in scenes) / len(scenes))
    csv = f"{CLIPS}/2024-05-11_144444-Scenes.csv"
    s(logging.INFO, "_cli/commands.py:133", "list_scenes", "Writing scene list to CSV file:\n  %s", csv)
    rows = "\n".join(f" |  {i + 1:5d}  | {round(a * 60) + 1:11d} | {fmt_t(a)} | {round(b * 60):11d} | {fmt_t(b)} |"
                     for i, (a, b) in enumerate(scenes))
    s(logging.INFO, "_cli/commands.py:148", "list_scenes", """Scene List:
-----------------------------------------------------------------------
 | Scene # | Start Frame |  Start Time  |  End Frame  |   End Time   |
-----------------------------------------------------------------------
%s
-----------------------------------------------------------------------""", rows)
    s(logging.INFO, "_cli/commands.py:164", "list_scenes", "Comma-separated timecode list:\n  %s",
      ",".join(fmt_t(a) for a, _ in scenes[1:]))
    template = "$VIDEO_NAME-Scene-$SCENE_NUMBER.mp4"
    s(logging.INFO, "output/video.py:306", "split_video_ffmpeg",
      "Splitting video with ffmpeg, output path template:\n  %s", template)
    s(logging.INFO, "output/video.py:308", "split_video_ffmpeg", "Output folder:\n  %s", template)
    for line in ("ffmpeg version 6.1.1 Copyright (c) 2000-2023 the FFmpeg developers",
                 "  built with gcc 12 (Debian 12.2.0-14)",
                 "  libavutil      58. 29.100 / 58. 29.100",
                 "  libavcodec     60. 31.102 / 60. 31.102",
                 "  libavformat    60. 16.100 / 60. 16.100",
                 f"Input #0, mpegts, from '{REC}':",
                 "  Duration: 00:52:13.43, start: 1.466667, bitrate: 6194 kb/s",
                 "  Program 1 ",
                 "  Stream #0:0[0x100]: Audio: aac (LC) ([15][0][0][0] / 0x000F), 48000 Hz, stereo, fltp, 163 kb/s",
                 "  Stream #0:1[0x101]: Video: h264 (High) ([27][0][0][0] / 0x001B), yuv420p(tv, bt709, progressive), "
                 "1920x1080 [SAR 1:1 DAR 16:9], 60 fps, 60 tbr, 90k tbn",
                 "Stream mapping:",
                 "  Stream #0:1 -> #0:0 (h264 (native) -> h264 (libx264))",
                 "  Stream #0:0 -> #0:1 (aac (native) -> aac (native))",
                 "[libx264 @ 0x5581e2a1c2c0] using SAR=1/1",
                 "[libx264 @ 0x5581e2a1c2c0] profile High, level 4.2, 4:2:0, 8-bit",
                 f"Output #0, mp4, to '{CLIPS}/2024-05-11_144444-Scene-001.mp4':",
                 "frame= 8481 fps= 71 q=-1.0 Lsize=   71422kB time=00:02:21.31 bitrate=4140.3kbits/s speed=1.18x",
                 "[libx264 @ 0x5581e2a1c2c0] kb/s:4004.12"):
        printed(stream, line)
    s(logging.INFO, "output/video.py:364", "split_video_ffmpeg",
      "Output from ffmpeg for Scene 1 shown above, splitting remaining scenes...")
    # Scene 12's encode fills the task's ephemeral storage: ffmpeg fails.
    printed(stream, f"[out#0/mp4 @ 0x55d3a90e1f40] Error writing trailer: No space left on device")
    printed(stream, f"Error closing file {CLIPS}/2024-05-11_144444-Scene-012.mp4: No space left on device")
    s(logging.ERROR, "output/video.py:369", "split_video_ffmpeg", "Error splitting video (ffmpeg returned %d).", 228)
    printed(stream, "\r".join(f"{p:3d}%|{'█' * (p // 10):<10}| {f}/188006 [{m:02d}:{sec:02d}<{r}, {fps}frame/s]"
                              for p, f, m, sec, r, fps in
                              ((0, 0, 0, 0, "?", " ?"), (17, 31980, 0, 25, "01:58", "1263.4"),
                               (45, 84555, 1, 9, "01:24", "1221.8"), (69, 129301, 1, 47, "00:48", "1206.5"))))
    s(logging.INFO, "output/video.py:377", "split_video_ffmpeg", "Average processing speed %.2f frames/sec.", 1203.77)
    s(logging.INFO, "_cli/commands.py:268", "split_video", "Video splitting completed, scenes written to disk.")
    printed(stream, f"+ aws s3 sync {CLIPS} s3://council-video-archive/{CHANNEL}/2024-05-11/ --only-show-errors")
    printed(stream, f"upload failed: {CLIPS}/2024-05-11_144444-Scene-012.mp4 to s3://council-video-archive/"
                    f"{CHANNEL}/2024-05-11/2024-05-11_144444-Scene-012.mp4 An error occurred (EntityTooSmall) when "
                    "calling the CompleteMultipartUpload operation: Your proposed upload is smaller than the minimum "
                    "allowed size")
    return {"name": "streamlink-scenedetect", "programs": [sl, sd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mail relay on EC2 (Postfix; the CloudWatch agent ships the journal): the
# postfix-mta-sts-resolver daemon answers Postfix's socketmap lookups for
# the TLS policy of each recipient domain (`-v debug`, its SQLite cache,
# proactive fetching on), and parsedmarc (debug = True in its ini file)
# watches the DMARC mailbox over IMAP, saving each report to Amazon
# OpenSearch Service and S3. systemd's unit messages are print lines.

PARSEDMARC_SRC = "/opt/parsedmarc/venv/lib/python3.12/site-packages/parsedmarc/"


def stream_parsedmarc_mta_sts():
    stream = []
    pm = Program("parsedmarc", "parsedmarc.log", logging.Formatter(PARSEDMARC, PARSEDMARC_DATEFMT), stream)
    mt = Program("postfix-mta-sts-resolver", "MAIN", logging.Formatter(MTA_STS, MTA_STS_DATEFMT), stream)
    # The QueueHandler prepares each record before the listener's handler
    # formats it: the message formatted (a traceback folded into it).
    mt.handler.addFilter(QueuePrepared())
    plog = lg(pm, "parsedmarc.log")
    main_, sts, pf, res = (lg(mt, name) for name in ("MAIN", "STS", "PF", "RES"))

    def p(level, where, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        at(plog, level, PARSEDMARC_SRC + path, int(line), "_", msg, *args, exc=exc)

    policies = {
        "gmail.com": ("20190429T010101", "enforce", ["gmail-smtp-in.l.google.com", "*.gmail-smtp-in.l.google.com"],
                      86400),
        "outlook.com": ("20240502T000000Z", "enforce", ["*.mail.protection.outlook.com"], 604800),
        "example-partner.de": ("2024031501", "testing", ["mx1.example-partner.de", "mx2.example-partner.de"],
                               1209600),
    }

    def lookup(domain, cached):
        req = f"postfix {domain}".encode()
        sts.debug("Read: %s", repr(b"%d:%s," % (len(req), req)))
        sts.debug("Enq request: %s", repr(req))
        sts.debug("Got new future from queue")
        if cached:
            sts.debug("Lookup skipped: domain = %s", domain)
        else:
            sts.debug("Lookup PERFORMED: domain = %s", domain)
            res.debug("Got STS resolve request: sts_txt_domain=%s, known_id=%s", "_mta-sts." + domain, None)
            pol = policies.get(domain)
            if pol:
                res.debug("Parsed STS record for domain %s: %s", repr(domain), repr({"v": "STSv1", "id": pol[0]}))
                res.debug("Parsed policy for domain %s: %s", domain,
                          repr({"version": "STSv1", "mode": pol[1], "mx": pol[2], "max_age": pol[3]}))
        pol = policies.get(domain)
        if pol and pol[1] == "enforce":
            resp = "OK secure match=" + ":".join(mx.lstrip("*") for mx in pol[2])
        else:
            resp = "NOTFOUND "
        data = b"%d:%s," % (len(resp), resp.encode())
        sts.debug("Future await complete: data=%s", repr(data))
        sts.debug("Wrote: %s", repr(data))

    printed(stream, "Started mta-sts-daemon.service - Postfix MTA-STS resolver.")
    main_.info("MTA-STS daemon starting...")
    main_.info("Starting eventloop...")
    main_.info("uvloop enabled.")
    main_.info("Eventloop started.")
    main_.info("Server started.")
    main_.info("Proactive policy fetcher started.")
    pf.debug("Sleeping for %ds until next fetch.", 86401)
    printed(stream, "Started parsedmarc.service - parsedmarc DMARC report watcher.")
    p(logging.INFO, "cli.py:2654", "Starting parsedmarc")
    p(logging.DEBUG, "utils.py:450", "Trying to fetch IP database from https://github.com/domainaware/parsedmarc/raw/"
                                     "refs/heads/master/parsedmarc/resources/ipinfo/ipinfo_lite.mmdb...")
    p(logging.INFO, "utils.py:462", "IP database updated successfully")
    p(logging.DEBUG, "utils.py:809", "Trying to fetch reverse DNS map from https://raw.githubusercontent.com/"
                                     "domainaware/parsedmarc/master/parsedmarc/resources/maps/"
                                     "base_reverse_dns_map.csv...")
    p(logging.DEBUG, "opensearch.py:530", "Connecting to OpenSearch: hosts=%s, use_ssl=%s",
      ["https://search-dmarc-4kq2v7x3mz.eu-west-1.es.amazonaws.com:443"], True)
    p(logging.DEBUG, "cli.py:1569", "Initializing S3 client: bucket=%s", "acme-dmarc-reports")
    # Outgoing mail: Postfix asks for each recipient domain's policy.
    lookup("gmail.com", False)
    p(logging.INFO, "cli.py:3165", "Watching for email - Ctrl-C once to quit, twice to force")
    lookup("outlook.com", False)
    lookup("gmail.com", True)
    lookup("example-partner.de", False)
    # A batch of reports arrives.
    p(logging.DEBUG, "__init__.py:2752", "Found 4 messages in INBOX")
    p(logging.DEBUG, "__init__.py:2759", "Processing 4 messages")
    reports = [
        ("noreply-dmarc-support@google.com", "Sat, 11 May 2024 00:03:12 -0700", "google.com", "7365821494128317702",
         "acme.example", "2024-05-10 00:00:00Z", "2024-05-10 23:59:59Z"),
        ("dmarcreport@microsoft.com", "Sat, 11 May 2024 03:41:55 +0000", "Outlook.com",
         "2b6f0e55c8a1438e9c0f8d7a2e1b4c3d", "acme.example", "2024-05-09 00:00:00Z", "2024-05-10 00:00:00Z"),
        ("dmarc-noreply@linkedin.com", "Sat, 11 May 2024 05:12:09 +0000", "LinkedIn",
         "a4c2b1d0-9f8e-4d7c-8b6a-5e4d3c2b1a09", "mail.acme.example", "2024-05-10 00:00:00Z",
         "2024-05-11 00:00:00Z"),
    ]
    for i, (sender, date, org, rid, domain, begin, end) in enumerate(reports):
        p(logging.DEBUG, "__init__.py:2827", f"Processing message {i + 1} of {4}: UID {5812 + i}")
        p(logging.INFO, "__init__.py:1914", "Parsing mail from {} on {}".format(sender, date))
        if i == 0:
            for ip in ("209.85.220.41", "209.85.220.69", "2a00:1450:4864:20::62f"):
                if ":" in ip:
                    p(logging.DEBUG, "utils.py:987", f"IP address {ip} reverse_dns not found")
                else:
                    p(logging.DEBUG, "utils.py:941", f"IP address {ip} was found in cache")
    subject = "Delivery Status Notification (Failure)"
    p(logging.DEBUG, "__init__.py:2827", f"Processing message {4} of {4}: UID {5815}")
    p(logging.INFO, "__init__.py:1914", "Parsing mail from {} on {}".format(
        "Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Sat, 11 May 2024 06:20:41 -0700"))
    p(logging.WARNING, "__init__.py:2852", f'Message with subject "{subject}" is not a valid report')
    p(logging.DEBUG, "__init__.py:2299", f"Moving message UID {5815} to Invalid")
    lookup("outlook.com", True)
    for i, (sender, date, org, rid, domain, begin, end) in enumerate(reports):
        p(logging.INFO, "opensearch.py:865", "Saving aggregate report to OpenSearch")
        if i == 1:
            # Microsoft sent the same report twice.
            p(logging.WARNING, "cli.py:2043",
              f"An aggregate report ID {rid} from {org} about {domain} with a date range of {begin} UTC to {end} UTC "
              "already exists in OpenSearch")
        p(logging.DEBUG, "s3.py:94", f"Saving aggregate report to s3://acme-dmarc-reports/dmarc/aggregate/"
                                     f"year=2024/month=05/day={begin[8:10]}/{rid}.json")
    p(logging.DEBUG, "__init__.py:2981", "Moving aggregate report messages from INBOX to Archive/Aggregate")
    for i in range(3):
        p(logging.DEBUG, "__init__.py:2996", f"Moving message {i + 1} of {3}: UID {5812 + i}")
    for domain in ("gmail.com", "example-partner.de", "yahoo.com", "gmail.com", "outlook.com"):
        lookup(domain, domain != "yahoo.com")
    # A client that isn't Postfix talks to the socketmap port.
    sts.debug("Read: %s", repr(b"GET / HTTP/1.1\r\nHost: 10.0.1.25:8461\r\n"))
    sts.warning("Bad netstring message received")
    # Failure (forensic) report.
    p(logging.DEBUG, "__init__.py:2752", "Found 1 messages in INBOX")
    p(logging.DEBUG, "__init__.py:2759", "Processing 1 messages")
    p(logging.DEBUG, "__init__.py:2827", f"Processing message {1} of {1}: UID {5816}")
    p(logging.INFO, "__init__.py:1914", "Parsing mail from {} on {}".format(
        "Yahoo! Mail <feedback@arf.mail.yahoo.com>", "Sat, 11 May 2024 07:02:33 +0000"))
    p(logging.INFO, "opensearch.py:1045", "Saving failure report to OpenSearch")
    p(logging.DEBUG, "s3.py:94", "Saving failure report to s3://acme-dmarc-reports/dmarc/failure/year=2024/month=05/"
                                 "day=11/dmarc-ruf-f81c2e.json")
    p(logging.DEBUG, "__init__.py:2981", "Moving failure report messages from INBOX to Archive/Forensic")
    p(logging.DEBUG, "__init__.py:2996", f"Moving message {1} of {1}: UID {5816}")
    # The proactive fetcher's daily run.
    pf.info("Proactive policy fetching for all domains in cache started...")
    pf.debug("Enqueued %d domains for processing.", 4)
    pf.debug("Domain %s skipped (cache recent enough).", "gmail.com")
    pf.debug("Domain %s skipped (cache recent enough).", "outlook.com")
    res.debug("Got STS resolve request: sts_txt_domain=%s, known_id=%s", "_mta-sts.example-partner.de", "2024031501")
    res.warning("STS policy fetch for domain %s failed with error: %s", repr("example-partner.de"),
                "Cannot connect to host mta-sts.example-partner.de:443 ssl:True [SSLCertVerificationError: (1, "
                "\"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired "
                "(_ssl.c:1000)\")]")
    pf.warning("Domain %s does not have a valid policy.", "example-partner.de")
    res.debug("Got STS resolve request: sts_txt_domain=%s, known_id=%s", "_mta-sts.yahoo.com", None)
    pf.info("Proactive policy fetching for all domains in cache finished.")
    pf.debug("Sleeping for %ds until next fetch.", 86401)
    # The SQLite cache file is on a full disk: a cache write fails.
    lookup("t-online.de", False)

    def cache_set():
        def set_():
            raise __import__("sqlite3").OperationalError("database or disk is full")
        set_()
    try:
        cache_set()
    except Exception as exc:
        sts.exception("Cache set failed: %s", str(exc))
    # OpenSearch's domain is being updated (blue/green): the next save fails.
    p(logging.DEBUG, "__init__.py:2752", "Found 1 messages in INBOX")
    p(logging.DEBUG, "__init__.py:2759", "Processing 1 messages")
    p(logging.DEBUG, "__init__.py:2827", f"Processing message {1} of {1}: UID {5817}")
    p(logging.INFO, "__init__.py:1914", "Parsing mail from {} on {}".format(
        "DMARC Aggregate Report <dmarc_agg@auth.returnpath.net>", "Sat, 11 May 2024 08:15:00 +0000"))
    p(logging.INFO, "opensearch.py:865", "Saving aggregate report to OpenSearch")
    p(logging.ERROR, "cli.py:1960", "OpenSearch Error: OpenSearch's search for existing report error: "
                                    "ConnectionTimeout caused by - ReadTimeoutError(HTTPSConnectionPool(host="
                                    "'search-dmarc-4kq2v7x3mz.eu-west-1.es.amazonaws.com', port=443): Read timed out. "
                                    "(read timeout=60))")
    p(logging.DEBUG, "s3.py:94", "Saving aggregate report to s3://acme-dmarc-reports/dmarc/aggregate/year=2024/"
                                 "month=05/day=10/13249917218447.json")
    p(logging.ERROR, "__init__.py:2916", "Reports were not saved: leaving 1 message(s) in INBOX to retry on the "
                                         "next run or check (failed attempt 1 of 3)")
    # The IMAP server drops the IDLE connection.

    def watch_inbox():
        def idle_check():
            raised("imaplib", "IMAP4.abort", "socket error: EOF")
        idle_check()
    try:
        watch_inbox()
    except Exception:
        p(logging.ERROR, "cli.py:3206", "Mailbox Error", exc=True)
    printed(stream, "parsedmarc.service: Main process exited, code=exited, status=1/FAILURE")
    printed(stream, "parsedmarc.service: Failed with result 'exit-code'.")
    printed(stream, "parsedmarc.service: Scheduled restart job, restart counter is at 1.")
    printed(stream, "Started parsedmarc.service - parsedmarc DMARC report watcher.")
    p(logging.INFO, "cli.py:2654", "Starting parsedmarc")
    p(logging.INFO, "utils.py:472", "Using cached IP database")
    p(logging.INFO, "cli.py:3165", "Watching for email - Ctrl-C once to quit, twice to force")
    lookup("t-online.de", False)
    return {"name": "parsedmarc-mta-sts", "programs": [pm, mt], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A genomics AWS Batch job (its container's log stream): a bacterial isolate
# sequenced on a nanopore flow cell is assembled with Flye (`--nano-hq
# --genome-size 5m`) and the assembly polished with medaka_consensus on the
# same c6i instance. Flye's C++ modules write their own lines to stderr in
# the layout of its Python console format (src/common/logger.h: "[%Y-%m-%d
# %H:%M:%S] INFO: "), so they are records of that format here, under a
# program of their own; their percentage progress lines, the shell scripts'
# echo lines and minimap2's and samtools' stderr are print lines.

PROGRESS = "0% 10% 20% 30% 40% 50% 60% 70% 80% 90% 100% "


def stream_flye_medaka():
    stream = []
    flye = Program("flye", "root", logging.Formatter(FLYE, FLYE_DATEFMT), stream)
    modules = Program("flye-modules", "flye-modules", logging.Formatter(FLYE, FLYE_DATEFMT), stream)
    md = Program("medaka", "medaka", logging.Formatter(MEDAKA, MEDAKA_DATEFMT), stream)
    f = lg(flye, "root")
    cpp = lg(modules, "flye-modules")

    def m(name):
        return lg(md, name)

    def progress():
        printed(stream, PROGRESS)

    printed(stream, "+ flye --nano-hq /scratch/reads/ISO-2024-0511.fastq.gz --genome-size 5m --threads 16 "
                    "--plasmids --out-dir /scratch/flye")
    f.warning("--plasmids mode is no longer available. Command line option will be removed in the future versions")
    f.info("Starting Flye " + "2.9.5" + "-b" + str(1801))
    f.info(">>>STAGE: %s", "configure")
    f.info("Configuring run")
    f.info("Total read length: %d", 612345678)
    f.info("Input genome size: %d", 5000000)
    f.info("Estimated coverage: %d", 612345678 // 5000000)
    f.info("Reads N50/N90: %d / %d", 18734, 6521)
    f.info("Minimum overlap set to %d", 7000)
    f.info(">>>STAGE: %s", "assembly")
    f.info("Assembling disjointigs")
    cpp.info("Reading sequences")
    cpp.info("Counting k-mers:")
    progress()
    cpp.info("Filling index table (1/2)")
    progress()
    cpp.info("Filling index table (2/2)")
    progress()
    cpp.info("Extending reads")
    progress()
    cpp.info("Assembled " + str(41) + " disjointigs")
    cpp.info("Generating sequence")
    progress()
    cpp.info("Filtering contained disjointigs")
    progress()
    cpp.info("Contained seqs: " + str(6))
    f.info(">>>STAGE: %s", "consensus")
    f.info("Running Minimap2")
    f.info("Computing consensus")
    f.info("Alignment error rate: %f", 0.054123)
    f.info(">>>STAGE: %s", "repeat")
    f.info("Building and resolving repeat graph")
    cpp.info("Parsing disjointigs")
    cpp.info("Building repeat graph")
    progress()
    cpp.info("Parsing reads")
    cpp.info("Aligning reads to the graph")
    progress()
    cpp.info("Aligned read sequence: " + str(598716533) + " / " + str(612345678) + " (" + "0.977743" + ")")
    cpp.info("Mean edge coverage: " + str(116))
    cpp.info("Simplifying the graph")
    f.info(">>>STAGE: %s", "contigger")
    f.info("Generating contigs")
    cpp.info("Reading sequences")
    cpp.info("Generated " + str(3) + " contigs")
    cpp.info("Added " + str(0) + " scaffold connections")
    f.info(">>>STAGE: %s", "polishing")
    f.info("Polishing genome (%d/%d)", 1, 1)
    f.info("Running minimap2")
    progress()
    f.info("Separating alignment into bubbles")
    progress()
    f.info("Alignment error rate: %f", 0.041287)
    f.info("Correcting bubbles")
    progress()
    f.info(">>>STAGE: %s", "finalize")
    f.info("Assembly statistics:\n\n"
           "\tTotal length:\t%d\n"
           "\tFragments:\t%d\n"
           "\tFragments N50:\t%d\n"
           "\tLargest frg:\t%d\n"
           "\tScaffolds:\t%d\n"
           "\tMean coverage:\t%d\n",
           5238712, 3, 5122091, 5122091, 0, 118)
    f.info("Final assembly: %s", "/scratch/flye/assembly.fasta")

    # Polishing.
    printed(stream, "+ medaka_consensus -i /scratch/reads/ISO-2024-0511.fastq.gz -d /scratch/flye/assembly.fasta "
                    "-o /scratch/medaka -t 8 --bacteria")
    for line in ("Checking program versions", "This is medaka 2.1.0",
                 "Program    Version    Required   Pass     ", "bcftools   1.21       1.11       True     ",
                 "bgzip      1.21       1.11       True     ", "minimap2   2.28       2.11       True     ",
                 "samtools   1.21       1.11       True     ", "tabix      1.21       1.11       True     "):
        printed(stream, line)
    m("ResolveModels").info('Model {} is stored at: {}'.format(
        "r1041_e82_400bps_bacterial_methylation",
        "/opt/conda/lib/python3.11/site-packages/medaka/data/r1041_e82_400bps_bacterial_methylation_model_pt.tar.gz"))
    printed(stream, "Aligning basecalls to draft")
    for line in ("Constructing minimap index.",
                 "[M::mm_idx_gen::0.177*1.00] collected minimizers",
                 "[M::mm_idx_gen::0.214*1.43] sorted minimizers",
                 "[M::main::0.268*1.34] loaded/built the index for 3 target sequence(s)",
                 "[M::mm_idx_stat] kmer size: 15; skip: 10; is_hpc: 0; #seq: 3",
                 "[M::mm_idx_stat::0.281*1.32] distinct minimizers: 995426 (98.30% are singletons); average "
                 "occurrences: 1.025; average spacing: 5.381; total length: 5238712",
                 "[M::main] Version: 2.28-r1209",
                 "[M::main] CMD: minimap2 -I 16G -x map-ont -d /scratch/flye/assembly.fasta.map-ont.mmi "
                 "/scratch/flye/assembly.fasta",
                 "[M::main] Real time: 0.291 sec; CPU: 0.384 sec; Peak RSS: 0.071 GB",
                 "[M::worker_pipeline::18.409*7.51] mapped 16188 sequences",
                 "[M::worker_pipeline::35.117*7.62] mapped 16044 sequences",
                 "[M::main] Real time: 36.802 sec; CPU: 274.118 sec; Peak RSS: 2.317 GB",
                 "[bam_sort_core] merging from 0 files and 8 in-memory blocks..."):
        printed(stream, line)
    printed(stream, "Running medaka inference")
    predict = m("Predict")
    regions = ["contig_1:0-5122091", "contig_2:0-98414", "contig_3:0-18207"]
    predict.info('Processing region(s): {}'.format(' '.join(regions)))
    predict.info("Using model: {}.".format(
        "/opt/conda/lib/python3.11/site-packages/medaka/data/r1041_e82_400bps_bacterial_methylation_model_pt.tar.gz"))
    predict.info("Using minimum mapQ threshold of {} for read filtering.".format(1))
    m("MdlStrTGZ").info("Model {}".format(Shown(
        "GRUModel(\n  (gru): GRU(10, 128, num_layers=2, batch_first=True, bidirectional=True)\n"
        "  (linear): Linear(in_features=256, out_features=5, bias=True)\n)")))
    m("MdlStrTGZ").info("loading weights from {}".format(
        "/tmp/tmp2k9x7q1v/model/weights.pt"))
    predict.info("Model device: {}".format("cpu"))
    predict.info("Running prediction at half precision")
    predict.info("Processing {} long region(s) with batching.".format(63))
    pworker = m("PWorker")
    pworker.info("Running inference for {:.1f}M draft bases.".format(5.238712))
    pworker.info("Processed {} batches".format(1183))
    pworker.info("All done, {} remainder regions.".format(4))
    predict.info("Processing {} short region(s).".format(4))
    pworker.info("Running inference for {:.1f}M draft bases.".format(0.0))
    pworker.info("Processed {} batches".format(4))
    pworker.info("All done, {} remainder regions.".format(0))
    predict.info("Finished processing all regions.")
    m("MdlStrTGZ").info("Successfully removed temporary files from {}.".format("/tmp/tmp2k9x7q1v"))
    printed(stream, "+ medaka sequence consensus_probs.hdf /scratch/flye/assembly.fasta consensus.fasta --threads 8")
    m("DataIndx").info('Loaded {}/{} ({:.2f}%) sample files.'.format(1, 1, 100.0))
    stitcher = m("Stitcher")
    # Contig 3 had no reads mapped over most of it: copied as it was.
    stitcher.info("Copying contig '{}' verbatim from input.".format("contig_3"))
    printed(stream, "Polished assembly written to /scratch/medaka/consensus.fasta, have a nice day.")
    # The job then uploads the assembly; the reads' upload was denied.
    printed(stream, "upload: ../medaka/consensus.fasta to s3://genomics-isolates-results/ISO-2024-0511/consensus.fasta")
    printed(stream, "upload: ../flye/assembly_info.txt to s3://genomics-isolates-results/ISO-2024-0511/"
                    "assembly_info.txt")
    return {"name": "flye-medaka", "programs": [flye, modules, md], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A storage host on EC2 (st1 volumes for a media archive pooled with
# mergerfs, a ZFS pool for its databases; the CloudWatch agent ships the
# journal): systemd timers run snapraid-runner nightly (its sync and a scrub
# of the parity) and pyznap every 15 minutes (snap, then send to a backup
# instance over SSH). snapraid's own output is logged by snapraid-runner at
# its OUTPUT level, a line a record (an empty line an empty message); pv's
# transfer lines that pyznap writes and systemd's unit messages are print
# lines.

def stream_snapraid_pyznap():
    stream = []
    sr = Program("snapraid-runner", "root", logging.Formatter(SNAPRAID_RUNNER), stream)
    pz = Program("pyznap", "pyznap.main", logging.Formatter(PYZNAP, PYZNAP_DATEFMT), stream)
    run = lg(sr, "root")
    pmain, take, clean, send = (lg(pz, "pyznap." + n) for n in ("main", "take", "clean", "send"))
    OUT, ERR = 15, 25
    content = "/var/snapraid/snapraid.content"

    def snapname(kind):
        return "pyznap_%s_%s" % (now("%Y-%m-%d_%H:%M:%S"), kind)

    def pyznap_snap(clean_old):
        printed(stream, "Starting pyznap-snap.service - pyznap snapshots...")
        pmain.info("Starting pyznap...")
        take.info("Taking snapshots...")
        for fs in ("tank/postgres", "tank/vm"):
            take.info("Taking snapshot {}@{:s}...".format(fs, snapname("frequent")))
        if clean_old:
            clean.info("Cleaning snapshots...")
            for fs in ("tank/postgres", "tank/vm"):
                clean.info("Deleting snapshot {}...".format(f"{fs}@pyznap_2024-05-11_00:45:00_frequent"))
        pmain.info("Finished successfully...\n")
        printed(stream, "pyznap-snap.service: Deactivated successfully.")

    def snapraid(lines, err=()):
        for line in lines:
            run.log(OUT, line.rstrip())
        for line in err:
            run.log(ERR, line.rstrip())

    with level_names({OUT: "OUTPUT", ERR: "OUTERR"}):
        printed(stream, "Starting snapraid-runner.service - SnapRAID sync and scrub...")
        run.info("=" * 60)
        run.info("Run started")
        run.info("=" * 60)
        run.info("Running diff...")
        added = ["media/tv/Council Meetings/2024-05-10 Planning Committee.mkv",
                 "media/tv/Council Meetings/2024-05-10 Planning Committee.en.srt",
                 "media/photos/2024/05/IMG_4471.HEIC", "media/photos/2024/05/IMG_4472.HEIC",
                 "media/photos/2024/05/IMG_4473.HEIC"]
        snapraid(["Loading state from %s..." % content, "Comparing..."]
                 + ["add " + a for a in added]
                 + ["update media/music/Library.xml", "remove media/tmp/transcode-8812.part", "",
                    "  105812 equal", "       5 added", "       1 removed", "       1 updated", "       0 moved",
                    "       0 copied", "       0 restored", "There are differences!"])
        run.info("*" * 60)
        run.info(("Diff results: {add} added,  {remove} removed,  " +
                  "{move} moved,  {update} modified").format(add=5, remove=1, move=0, update=1))
        run.info("Running sync...")
        snapraid(["Self test...", "Loading state from %s..." % content, "Scanning...",
                  "Scanned d1 in 4 seconds", "Scanned d2 in 4 seconds", "Scanned d3 in 6 seconds",
                  "Using 1412 MiB of memory for the file-table.", "Initializing...", "Hashing...",
                  "Everything OK", "Resizing...", "Saving state to %s..." % content,
                  "Saving state to /mnt/disk1/snapraid.content...", "Verifying...",
                  "Verified %s in 3 seconds" % content, "Syncing...",
                  "Using 32 MiB of memory for 32 cached blocks.", "", "100% completed, 6812 MB accessed in 0:01", "",
                  "     d1  3% | *", "     d2 41% | ************************", "     d3  0% |",
                  "   parity 12% | *******", "  2-parity 13% | *******", "     raid 21% | ************",
                  "     hash 10% | ******", "    sched  0% |", "     misc  0% |", "              |______________",
                  "                wait time (total, less is better)", "", "Everything OK",
                  "Saving state to %s..." % content, "Saving state to /mnt/disk1/snapraid.content...",
                  "Verifying...", "Verified %s in 3 seconds" % content],
                 err=["WARNING! With 3 disks it's recommended to use two parity levels."])
        run.info("*" * 60)
        pyznap_snap(clean_old=True)
        run.info("Running scrub...")
        snapraid(["Self test...", "Loading state from %s..." % content, "Using 1412 MiB of memory for the file-table.",
                  "Initializing...", "Scrubbing...", "Using 32 MiB of memory for 32 cached blocks.",
                  "Data error in file '/mnt/disk2/media/photos/2019/08/IMG_0112.JPG' at position '3', diff bits 61/128",
                  "", "100% completed, 412887 MB accessed in 1:06", "",
                  "       1 file errors", "       0 io errors", "       0 data errors",
                  "DANGER! Unexpected errors!", "Try running 'snapraid -e fix' to recover."])
        # snapraid exits with 1: the runner fails and mails the log.
        exc = raised_text(lambda: raise_called_process(1, "snapraid scrub"))
        run.error(exc)

        def send_email():
            def smtp_connect():
                raise ConnectionRefusedError(111, "Connection refused")
            smtp_connect()
        try:
            send_email()
        except ConnectionRefusedError:
            run.exception("Failed to send email")
        run.error("Run failed")
        printed(stream, "snapraid-runner.service: Main process exited, code=exited, status=1/FAILURE")
        printed(stream, "snapraid-runner.service: Failed with result 'exit-code'.")

    # The send to the backup instance.
    printed(stream, "Starting pyznap-send.service - pyznap send to backup...")
    pmain.info("Starting pyznap...")
    send.info("Sending snapshots...")
    dest = "root@backup-1.storage.internal:backup/tank/postgres"
    send.info("Updating {:s} with recent snapshot {} (~{:s})...".format(
        dest, "tank/postgres@" + snapname("frequent"), "412.7M"))
    for line in ("412MiB 0:00:09 [45.1MiB/s] [================================>] 100%",):
        printed(stream, "  " + line)
    send.info("{:s} is up to date...".format(dest))
    dest = "root@backup-1.storage.internal:backup/tank/vm"
    send.error("Error while sending to {:s}: {}...".format(
        dest, "cannot receive incremental stream: destination backup/tank/vm has been modified - since most recent "
              "snapshot"))
    send.info("Retrying send in {:d}s (retry {:d} of {:d})...".format(60, 1, 2))
    send.error("Error while sending to {:s}: {}...".format(
        dest, "cannot receive incremental stream: destination backup/tank/vm has been modified - since most recent "
              "snapshot"))
    send.info("Retrying send in {:d}s (retry {:d} of {:d})...".format(60, 2, 2))
    send.error("Error while sending to {:s}: {}...".format(
        dest, "cannot receive incremental stream: destination backup/tank/vm has been modified - since most recent "
              "snapshot"))
    pmain.info("Finished successfully...\n")
    printed(stream, "pyznap-send.service: Deactivated successfully.")
    pyznap_snap(clean_old=False)
    # The next night's run: a disk was replaced and half of it is empty.
    with level_names({OUT: "OUTPUT", ERR: "OUTERR"}):
        printed(stream, "Starting snapraid-runner.service - SnapRAID sync and scrub...")
        run.info("=" * 60)
        run.info("Run started")
        run.info("=" * 60)
        run.info("Running diff...")
        snapraid(["Loading state from %s..." % content, "Comparing..."],
                 err=["Missing file '/mnt/disk3/media/tv/Archive/S01E01.mkv'.",
                      "Missing file '/mnt/disk3/media/tv/Archive/S01E02.mkv'."])
        snapraid(["",
                  "  102240 equal", "       0 added", "    3572 removed", "       0 updated", "       0 moved",
                  "       0 copied", "       0 restored", "There are differences!"],
                 err=["WARNING! All the files previously present in disk 'd3' at dir '/mnt/disk3/'",
                      "are now missing or rewritten!",
                      "This could happen when restoring a disk with a backup",
                      "program that is not setting correctly the timestamps."])
        run.info("*" * 60)
        run.info(("Diff results: {add} added,  {remove} removed,  " +
                  "{move} moved,  {update} modified").format(add=0, remove=3572, move=0, update=0))
        run.error("Deleted files exceed delete threshold of {}, aborting".format(250))
        run.error("Run again with --ignore-deletethreshold to sync anyways")
        run.error("Run failed")
    return {"name": "snapraid-pyznap", "programs": [sr, pz], "records": stream, "auto": False}


def raise_called_process(code, cmd):
    import subprocess
    raise subprocess.CalledProcessError(code, cmd)


def raised_text(fn):
    """What `fn()` raises."""
    try:
        fn()
    except Exception as exc:
        return exc


# --------------------------------------------------------------------------
# A plant's staging line on ECS (both containers' awslogs driver writing to
# one awslogs-stream): the pymodbus simulator (`--log debug`, its setup.json
# describing the line's PLC) stands in for the PLC, and the ThingsBoard IoT
# Gateway polls it over Modbus TCP through its Modbus connector (logLevel
# DEBUG) and publishes to ThingsBoard over MQTT. The connector's loggers
# propagate to the root's console handler, whose format is the same.

TB_SRC = "/usr/local/lib/python3.11/site-packages/thingsboard_gateway/"
PYMODBUS_SRC = "/usr/local/lib/python3.11/site-packages/pymodbus/"


def hexes(data):
    """pymodbus.utilities.hexlify_packets."""
    return " ".join(hex(x) for x in data)


def stream_thingsboard_pymodbus():
    stream = []
    tb = Program("thingsboard-gateway", "service", logging.Formatter(THINGSBOARD, THINGSBOARD_DATEFMT), stream)
    mb = Program("pymodbus", "pymodbus.logging", logging.Formatter(PYMODBUS), stream)
    service = lg(tb, "service")
    connection = lg(tb, "tb_connection")
    connector = lg(tb, "Modbus PLC Line 3")
    converter = lg(tb, "Modbus PLC Line 3_converter")
    plog = lg(mb, "pymodbus.logging")

    def t(log, level, where, func, msg, *args, exc=None):
        path, line = where.rsplit(":", 1)
        at(log, level, TB_SRC + path, int(line), func, msg, *args, exc=exc)

    def p(level, where, func, msg):
        path, line = where.rsplit(":", 1)
        at(plog, level, PYMODBUS_SRC + path, int(line), func, msg)

    tid = [0]
    regs = {1: [231, 4512, 0, 1, 7310, 22, 18, 64, 0, 3], 2: [1187, 96, 412, 0]}

    def exchange(unit, address, count, registers):
        """One read of holding registers: the gateway's slave and the
        simulator's server, as each logs it."""
        tid[0] += 1
        slave = "Press-%02d" % unit
        t(connector, logging.DEBUG, "connectors/modbus/modbus_connector.py:249", "__poll_device", "Polling %s slave",
          slave)
        t(connector, logging.DEBUG, "connectors/modbus/slave.py:250", "read",
          "Reading %s registers from address %s with function code %s", count, address, 3)
        request = bytes([0, tid[0] % 256, 0, 0, 0, 6, unit, 3, 0, address, 0, count])
        p(logging.DEBUG, "transport/transport.py:339", "datagram_received", f"recv: {hexes(request)} extra data: ")
        p(logging.DEBUG, "framer/base.py:72", "handleFrame", f"Processing: {hexes(request)}")
        p(logging.DEBUG, "pdu/decoders.py:77", "decode",
          f"decoded PDU function_code(3 sub 0) -> ReadHoldingRegistersRequest(dev_id={unit}, transaction_id={tid[0]}, "
          f"address={address}, count={count}, bits=[], registers=[], status=1, retries=0) ")
        body = b"".join(r.to_bytes(2, "big") for r in registers)
        response = bytes([0, tid[0] % 256, 0, 0, 0, 3 + len(body), unit, 3, len(body)]) + body
        p(logging.DEBUG, "transport/transport.py:393", "send", f"send: {hexes(response)}")
        t(connector, logging.DEBUG, "connectors/modbus/slave.py:275", "__read", "Read with result: %s",
          f"ReadHoldingRegistersResponse(dev_id={unit}, transaction_id={tid[0]}, address=0, count=0, bits=[], "
          f"registers={registers}, status=1, retries=0)")

    # The simulator starts first.
    p(logging.INFO, "server/simulator/main.py:117", "get_commandline", "Start simulator")
    p(logging.DEBUG, "transport/transport.py:265", "listen", "Awaiting connections server_listener")
    p(logging.INFO, "server/simulator/http_server.py:220", "start_modbus_server",
      "Modbus server started on ('0.0.0.0', 5020)")
    p(logging.INFO, "server/simulator/http_server.py:245", "run_forever", "HTTP server started on (0.0.0.0:8081)")
    p(logging.INFO, "server/base.py:89", "serve_forever", "Server listening.")
    # The gateway.
    t(service, logging.INFO, "gateway/tb_gateway_service.py:155", "__init__", "Gateway starting...")
    t(service, logging.INFO, "gateway/tb_gateway_service.py:169", "__init__", "ThingsBoard IoT gateway version: %s",
      "3.8.3")
    t(connection, logging.INFO, "gateway/tb_client.py:448", "connect", "Connecting to ThingsBoard...")
    t(connection, logging.INFO, "gateway/tb_client.py:477", "__send_connect",
      f"Sending connect to {'iot.plant.example.com'}:{8883}")
    t(connection, logging.INFO, "gateway/tb_client.py:368", "_on_connect", "MQTT client connected to platform %s: %s",
      "iot.plant.example.com", 8883)
    t(connection, logging.INFO, "gateway/tb_client.py:442", "connect", "Client connected to platform.")
    t(connection, logging.INFO, "gateway/tb_client.py:446", "connect", "Waiting for rate limits configuration...")
    t(connection, logging.INFO, "gateway/tb_client.py:444", "connect", "Rate limits received.")
    t(service, logging.DEBUG, "gateway/tb_gateway_service.py:412", "init_statistics_service",
      "General statistics enabled")
    t(service, logging.DEBUG, "gateway/tb_gateway_service.py:426", "init_statistics_service",
      "Statistics service initialized")
    t(service, logging.INFO, "gateway/tb_gateway_service.py:227", "__init__", "Start checking devices idle time")
    t(service, logging.INFO, "gateway/tb_gateway_service.py:242", "__init__", "Gateway core started.")
    t(connector, logging.INFO, "connectors/modbus/modbus_connector.py:95", "__init__", "Starting Modbus Connector...")
    t(connector, logging.DEBUG, "connectors/modbus/modbus_connector.py:227", "__add_slaves", "Added %d slaves", 2)
    t(service, logging.INFO, "gateway/tb_gateway_service.py:259", "__init__", "Gateway connectors initialized.")
    t(service, logging.INFO, "gateway/tb_gateway_service.py:263", "__init__", "Persistent devices loaded.")
    t(service, logging.INFO, "gateway/tb_gateway_service.py:287", "__init__", "Gateway started.")
    for unit in (1, 2):
        t(connector, logging.DEBUG, "connectors/modbus/slave.py:210", "connect", "Trying connect to %s",
          Shown("Press-%02d" % unit))
        p(logging.DEBUG, "transport/transport.py:287", "connection_made", "Connected to server_listener")
        t(connector, logging.INFO, "connectors/modbus/slave.py:228", "connect", "Connected to %s",
          Shown("Press-%02d" % unit))
    for cycle in range(3):
        regs[1][0] += 3
        regs[1][4] += 11
        exchange(1, 0, 10, list(regs[1]))
        exchange(2, 100, 4, list(regs[2]))
        if cycle == 1:
            # The line's register map has a 32-bit float the PLC doesn't fill.
            t(converter, logging.WARNING, "connectors/modbus/bytes_modbus_uplink_converter.py:147",
              "__process_wide_range_response_encoded_data",
              "Decoded data is empty, with config: %s",
              {"tag": "oilPressure", "type": "32float", "functionCode": 3, "objectsCount": 2, "address": 104})
    # An operator resets the counter from ThingsBoard: a server-side RPC.
    rpc = {"device": "Press-01", "data": {"id": 412, "method": "resetCounter", "params": {"value": 0}}}
    t(connector, logging.INFO, "connectors/modbus/modbus_connector.py:522", "server_side_rpc_handler",
      "Received server side rpc request: %r", rpc)
    t(connector, logging.DEBUG, "connectors/modbus/slave.py:279", "write",
      "Write %s value to address %s with function code %s", Shown("[0]"), 3, 6)
    tid[0] += 1
    request = bytes([0, tid[0], 0, 0, 0, 6, 1, 6, 0, 3, 0, 0])
    p(logging.DEBUG, "transport/transport.py:339", "datagram_received", f"recv: {hexes(request)} extra data: ")
    p(logging.DEBUG, "framer/base.py:72", "handleFrame", f"Processing: {hexes(request)}")
    p(logging.DEBUG, "pdu/decoders.py:77", "decode",
      f"decoded PDU function_code(6 sub 0) -> WriteSingleRegisterRequest(dev_id=1, transaction_id={tid[0]}, "
      f"address=3, count=0, bits=[], registers=[0], status=1, retries=0) ")
    p(logging.DEBUG, "transport/transport.py:393", "send", f"send: {hexes(request)}")
    t(connector, logging.DEBUG, "connectors/modbus/slave.py:319", "__write", "Write with result: %s",
      f"WriteSingleRegisterResponse(dev_id=1, transaction_id={tid[0]}, address=3, count=0, bits=[], registers=[0], "
      "status=1, retries=0)")
    regs[1][3] = 0
    t(connector, logging.DEBUG, "connectors/modbus/modbus_connector.py:562", "__process_connector_rpc_request",
      "RPC with method %s execution result is: %s", "resetCounter", Shown("[0]"))
    exchange(1, 0, 10, list(regs[1]))
    exchange(2, 100, 4, list(regs[2]))
    # The simulator's task is replaced by a deployment: the gateway loses it.
    p(logging.INFO, "server/simulator/http_server.py:226", "stop_modbus_server", "Stopping modbus server")
    p(logging.DEBUG, "transport/transport.py:299", "connection_lost",
      "Connection lost server_listener due to None")
    p(logging.INFO, "server/simulator/http_server.py:232", "stop_modbus_server", "Modbus server Stopped")
    for unit in (1, 2):
        t(connector, logging.DEBUG, "connectors/modbus/modbus_connector.py:249", "__poll_device", "Polling %s slave",
          "Press-%02d" % unit)
        t(connector, logging.DEBUG, "connectors/modbus/slave.py:210", "connect", "Trying connect to %s",
          Shown("Press-%02d" % unit))
        t(connector, logging.WARNING, "connectors/modbus/slave.py:215", "connect",
          "Timeout error while connecting to %s",
          Shown("Press-%02d" % unit))
        t(connector, logging.ERROR, "connectors/modbus/modbus_connector.py:270", "__poll_device",
          "Failed to connect to device %s", Shown("Press-%02d" % unit))
    # Meanwhile the broker drops the gateway: its next request times out.
    t(connection, logging.INFO, "gateway/tb_client.py:397", "_on_disconnect",
      "TB client %s has been disconnected. Current client for connection is: %s",
      "<paho.mqtt.client.Client object at 0x7f3c4b2a1e50>", "<paho.mqtt.client.Client object at 0x7f3c4b2a1e50>")

    def watchers():
        def check_shared_attributes():
            raised("tb_device_mqtt", "TBTimeoutException", "Timeout while waiting for a reply from ThingsBoard!")
        check_shared_attributes()
    try:
        watchers()
    except Exception as e:
        t(service, logging.ERROR, "gateway/tb_gateway_service.py:553", "_watchers", "Error in main loop: %s",
          exc=(type(e), e, e.__traceback__))
    t(connection, logging.ERROR, "gateway/tb_client.py:459", "connect",
      "Connection error, cannot connect with error: %s", ConnectionRefusedError(111, "Connection refused"))
    t(connection, logging.INFO, "gateway/tb_client.py:448", "connect", "Connecting to ThingsBoard...")
    t(connection, logging.INFO, "gateway/tb_client.py:477", "__send_connect",
      f"Sending connect to {'iot.plant.example.com'}:{8883}")
    t(connection, logging.INFO, "gateway/tb_client.py:368", "_on_connect", "MQTT client connected to platform %s: %s",
      "iot.plant.example.com", 8883)
    t(connection, logging.INFO, "gateway/tb_client.py:442", "connect", "Client connected to platform.")
    # The new simulator task comes up.
    p(logging.INFO, "server/simulator/main.py:117", "get_commandline", "Start simulator")
    p(logging.DEBUG, "transport/transport.py:265", "listen", "Awaiting connections server_listener")
    p(logging.INFO, "server/simulator/http_server.py:220", "start_modbus_server",
      "Modbus server started on ('0.0.0.0', 5020)")
    p(logging.INFO, "server/simulator/http_server.py:245", "run_forever", "HTTP server started on (0.0.0.0:8081)")
    p(logging.INFO, "server/base.py:89", "serve_forever", "Server listening.")
    for unit in (1, 2):
        t(connector, logging.DEBUG, "connectors/modbus/slave.py:210", "connect", "Trying connect to %s",
          Shown("Press-%02d" % unit))
        p(logging.DEBUG, "transport/transport.py:287", "connection_made", "Connected to server_listener")
        t(connector, logging.INFO, "connectors/modbus/slave.py:228", "connect", "Connected to %s",
          Shown("Press-%02d" % unit))
    # The new PLC image starts with zeroed registers.
    exchange(1, 0, 10, [0] * 10)
    return {"name": "thingsboard-pymodbus", "programs": [tb, mb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A chat-ops task on ECS (one task, two containers, one awslogs-stream): a
# Limnoria bot on Libera.Chat serving an infrastructure team's channels, and
# beside it a fedora-messaging consumer whose callback (the team's own
# relay, "opsbot_relay") posts the message bus's deploy and outage events to
# the bot's channel. Limnoria logs to stdout at INFO; fedora-messaging runs
# on its default log_config (its loggers at INFO, the root at WARNING, where
# the relay's warnings land).

BOT = "opsbot"
USER = "kmartin!~kmartin@user/kmartin"


def limnoria_exception(log, msg, eid):
    """supybot.log.Logger.exception, as written there: the traceback, then
    the exception's id (a hash of its type and path, fixed here) at ERROR."""
    log.exception(msg)
    log.error("Exception id: %s", eid)


def stream_limnoria_fedora_messaging():
    stream = []
    lm = Program("limnoria", "supybot", LimnoriaFormatter(LIMNORIA, LIMNORIA_DATEFMT), stream,
                 truth=LimnoriaJsonFormatter)
    fm = Program("fedora-messaging", "fedora_messaging.cli", logging.Formatter(FEDORA_MESSAGING), stream)
    sb = lg(lm, "supybot")
    cli = lg(fm, "fedora_messaging.cli")
    protocol = lg(fm, "fedora_messaging.twisted.protocol")
    consumer = lg(fm, "fedora_messaging.twisted.consumer")
    relay = lg(fm, "opsbot_relay.consumer")
    consumer_repr = Shown("Consumer(queue=opsbot-relay, callback=<opsbot_relay.consumer.Relay object at "
                          "0x7f5d2c3b9e10>)")

    def called(command, channel, who=USER):
        sb.info('%s called on %s by "%s".' % (command, channel, who))

    def message(topic, msg_id, ok=True):
        consumer.info("Consuming message from topic %s (message id %s)", topic, msg_id)
        if ok:
            consumer.info("Successfully consumed message from topic %s (message id %s)", topic, msg_id)

    sb.info("Sending identify (current nick: %s)" % BOT)
    sb.info('Received "Password accepted" from NickServ %s.' % "on libera")
    cli.info("Starting consumer with %s callback", "opsbot_relay.consumer:Relay")
    protocol.info("Successfully registered AMQP consumer %r", consumer_repr)
    called("ping", "#acme-infra")
    for topic, mid in (("org.acme.prod.deploy.started", "a5b7e1c2-3d4f-4a6b-8c9d-0e1f2a3b4c5d"),
                       ("org.acme.prod.deploy.finished", "b6c8f2d3-4e5a-4b7c-9d0e-1f2a3b4c5d6e"),
                       ("org.acme.prod.pagerduty.incident.triggered", "c7d9a3e4-5f6b-4c8d-8e1f-2a3b4c5d6e7f")):
        message(topic, mid)
    called("factoids whatis", "#acme-infra")
    called("later tell", "#acme-infra")
    sb.info("Web plugins TitleSnarfer: URL <%s> timed out" % "https://status.acme.example/incidents/4471")
    message("org.acme.prod.pagerduty.incident.acknowledged", "d8e0b4f5-6a7c-4d9e-9f2a-3b4c5d6e7f80")
    # A message from another team's schema, which the relay doesn't know.
    consumer.warning("Message id %s did not pass validation; ignoring message", "e9f1c5a6-7b8d-4e0f-8a3b-4c5d6e7f8091")
    called("rss announce add", "#acme-infra")
    sb.warning("Network error while fetching <%s>: %s" % (
        "https://aws.amazon.com/premiumsupport/technology/pes/rss/",
        "<urlopen error [Errno -3] Temporary failure in name resolution>"))
    # The bot is netsplit off the server.
    sb.warning("Disconnect from %s:%s: %s" % ("irc.libera.chat", 6697, "error: [Errno 104] Connection reset by peer."))
    sb.info("Reconnecting to %s at %s." % ("libera", now("%Y-%m-%dT%H:%M:%S")))
    # The relay can't post while the bot is away: it returns the events.
    relay.warning("opsbot is not connected to libera, returning %s to the queue",
                  "f0a2d6b7-8c9e-4f1a-9b4c-5d6e7f8091a2")
    consumer.info("Consuming message from topic %s (message id %s)", "org.acme.prod.deploy.started",
                  "f0a2d6b7-8c9e-4f1a-9b4c-5d6e7f8091a2")
    consumer.warning("Returning message id %s to the queue", "f0a2d6b7-8c9e-4f1a-9b4c-5d6e7f8091a2")
    sb.warning("Error connecting to %s:%s: %s" % ("irc.libera.chat", 6697, "[Errno 110] Connection timed out"))
    sb.info("Reconnecting to %s at %s." % ("libera", now("%Y-%m-%dT%H:%M:%S")))
    sb.info("Sending identify (current nick: %s)" % BOT)
    sb.info('Received "Password accepted" from NickServ %s.' % "on libera")
    message("org.acme.prod.deploy.started", "f0a2d6b7-8c9e-4f1a-9b4c-5d6e7f8091a2")
    message("org.acme.prod.deploy.finished", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
    called("deploys last", "#acme-infra", "jdoe!~jdoe@user/jdoe")

    # A plugin's command raises: Limnoria logs the traceback and its id.
    def deploys_last():
        def fetch():
            raise KeyError("finished_at")
        fetch()
    try:
        deploys_last()
    except KeyError:
        limnoria_exception(sb, "Uncaught exception in %s." % ["last"], "0x3c91a")
    for i in range(6):
        topic = ("org.acme.prod.deploy.started", "org.acme.prod.deploy.finished")[i % 2]
        message(topic, "1b2c3d4e-5f6a-4b7c-8d9e-%012x" % (0x0f1a2b3c4d5e + i))
        if i == 3:
            called("ping", "#acme-infra", "jdoe!~jdoe@user/jdoe")
    # The relay's callback hits a message whose body isn't what it expects.
    consumer.info("Consuming message from topic %s (message id %s)", "org.acme.prod.pagerduty.incident.resolved",
                  "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")

    def read_one():
        def callback():
            def format_incident():
                raise KeyError("urgency")
            format_incident()
        callback()
    try:
        read_one()
    except KeyError:
        consumer.exception("Received unexpected exception from consumer %r", consumer_repr)
    cli.error("Unexpected error occurred in consumer %r: %r", consumer_repr,
              Shown("<twisted.python.failure.Failure builtins.KeyError: 'urgency'>"))
    protocol.info("Waiting for %d consumer(s) to finish processing before halting", 1)
    protocol.info("Finished canceling %d consumers", 1)
    printed(stream, "Container opsbot-relay exited with code 13; restarting (attempt 1)")
    cli.info("Starting consumer with %s callback", "opsbot_relay.consumer:Relay")
    protocol.info("Successfully registered AMQP consumer %r", consumer_repr)
    message("org.acme.prod.pagerduty.incident.resolved", "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", ok=False)
    relay.warning("incident %s has no urgency, posting it as low", "Q1T9ZK4M2R8X7B")
    consumer.info("Successfully consumed message from topic %s (message id %s)",
                  "org.acme.prod.pagerduty.incident.resolved", "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")
    called("whoami", "#acme-infra", "jdoe!~jdoe@user/jdoe")
    # The afternoon's release train.
    for i, service in enumerate(("billing-api", "billing-worker", "checkout-web", "search-indexer", "ledger-sync")):
        message("org.acme.prod.deploy.started", "3d4e5f6a-7b8c-4d9e-8f0a-%012x" % (0x1b2c3d4e5f60 + 2 * i))
        message("org.acme.prod.deploy.finished", "3d4e5f6a-7b8c-4d9e-8f0a-%012x" % (0x1b2c3d4e5f61 + 2 * i))
        if i == 2:
            called("deploys last", "#acme-infra", "jdoe!~jdoe@user/jdoe")
            called("factoids whatis", "#acme-infra", "akhan!~akhan@user/akhan")
    sb.info("Web plugin TitleSnarfer: URL <%s> raised <%s>" % (
        "https://grafana.internal.acme.example/d/billing", "HTTP Error 401: Unauthorized"))
    return {"name": "limnoria-fedora-messaging", "programs": [lm, fm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A self-hosted map service on one EC2 host (docker compose, both containers'
# awslogs driver writing to one awslogs-stream): Nominatim's container keeps
# its database current with `nominatim replication` (daily diffs from
# Geofabrik), and MapProxy's (uwsgi, the image's logging.ini) serves WMTS
# tiles for the same web map from OpenStreetMap's tile server, cached in S3.
# osm2pgsql's output, uwsgi's own lines and request lines and the traceback
# MapProxy prints to wsgi.errors are print lines. Nominatim runs at its
# default verbosity (WARNING): its progress lines are warnings.

def stream_nominatim_mapproxy():
    stream = []
    nm = Program("nominatim", "root", logging.Formatter(NOMINATIM, NOMINATIM_DATEFMT), stream)
    mp = Program("mapproxy", "mapproxy.config", logging.Formatter(MAPPROXY), stream)
    mr = Program("mapproxy", "mapproxy.source.request", logging.Formatter(MAPPROXY_REQUESTS), stream)
    nlog = lg(nm, "nominatim_db.indexer.indexer")
    config = lg(mp, "mapproxy.config")
    system = lg(mp, "mapproxy.system")
    wsgiapp = lg(mp, "mapproxy.wsgiapp")
    wmts = lg(mp, "mapproxy.service.wmts")
    requests = lg(mr, "mapproxy.source.request")
    tile_no = [0]

    def rank(name, batch, total, secs):
        nlog.warning("Starting %s (using batch size %s)", name, batch)
        done = total
        if total and secs >= 2:
            part = int(total * 0.6)
            nlog.warning("Done %d in %.0f @ %.3f per second - %s ETA (seconds): %.2f", part, secs * 0.6,
                         part / (secs * 0.6), name, (total - part) / (part / (secs * 0.6)))
        rate = float(done) if secs == 0 else done / secs
        nlog.warning("Done %d/%d in %.0f @ %.3f per second - FINISHED %s\n", done, total, secs, rate, name)

    def uwsgi(path, size, msecs, status=200, pid=12):
        tile_no[0] += 1
        printed(stream, "[pid: %d|app: 0|req: %d/%d] 10.0.2.15 () {44 vars in 861 bytes} [%s] GET %s => generated %d "
                        "bytes in %d msecs (HTTP/1.1 %d) 5 headers in %d bytes (1 switches on core 0)"
                % (pid, tile_no[0], tile_no[0], now("%a %b %d %H:%M:%S %Y"), path, size, msecs, status,
                   160 if status == 200 else 141))

    def source(path, status, size, ms):
        requests.info("%s %s %s %s %s", "GET", "https://tile.openstreetmap.org" + path, status, size, ms)

    # MapProxy's container starts.
    for line in ("*** Starting uWSGI 2.0.26 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"),
                 "compiled with version: 12.2.0 on 03 May 2024 09:12:51",
                 "current working directory: /mapproxy",
                 "uwsgi socket 0 bound to TCP address 0.0.0.0:8080 fd 3",
                 "Python version: 3.11.9 (main, May  2 2024, 21:52:41) [GCC 12.2.0]",
                 "*** Python threads support is disabled. You can enable it with --enable-threads ***"):
        printed(stream, line)
    system.info("using pyproj for coordinate transformation")
    config.info("reading: %s" % "/mapproxy/config/mapproxy.yaml")
    config.warning("Application has demo page enabled. It is recommended to disable this in production.")
    wmts.warning("skipping layer '%s' for WMTS, grid '%s' of cache '%s' is not compatible with WMTS", "hillshade",
                 "utm32n", "hillshade_cache")
    for line in ("WSGI app 0 (mountpoint='') ready in 1 seconds on interpreter 0x7f2b5c1e8740 pid: 9 "
                 "(default app)",
                 "*** uWSGI is running in multiple interpreter mode ***",
                 "spawned uWSGI master process (pid: 9)",
                 "spawned uWSGI worker 1 (pid: 12, cores: 1)",
                 "spawned uWSGI worker 2 (pid: 13, cores: 1)"):
        printed(stream, line)
    # Nominatim's container: the first start, with the interval left at its default.
    nlog.warning("Using project directory: %s", "/nominatim")
    nlog.critical("Update interval too low for download.geofabrik.de.\n"
                  "Please check install documentation "
                  "(https://nominatim.org/release-docs/latest/admin/Update/#"
                  "setting-up-the-update-process).")
    nlog.critical("FATAL: %s", "Invalid replication update interval setting.")
    printed(stream, "nominatim exited with code 1; restarting with REPLICATION_UPDATE_INTERVAL=86400")
    nlog.warning("Using project directory: %s", "/nominatim")
    # Today's diff.
    for line in ("2024-05-11 14:44:46  osm2pgsql version 1.11.0",
                 "2024-05-11 14:44:46  Database version: 16.2 (Debian 16.2-1.pgdg120+2)",
                 "2024-05-11 14:44:46  PostGIS version: 3.4",
                 "2024-05-11 14:44:58  Reading input files done in 12s.",
                 "2024-05-11 14:44:58    Processed 148210 nodes in 3s - 49k/s",
                 "2024-05-11 14:44:58    Processed 31877 ways in 6s - 5k/s",
                 "2024-05-11 14:44:58    Processed 1342 relations in 3s - 447/s",
                 "2024-05-11 14:45:03  All postprocessing on table 'place' done in 2s.",
                 "2024-05-11 14:45:03  osm2pgsql took 17s overall."):
        printed(stream, line)
    nlog.warning("Starting indexing rank (%i to %i) using %i threads", 1, 4, 4)
    for r in range(1, 5):
        rank(f"rank {r}", 1, 0, 0)
    nlog.warning("Starting indexing boundaries using %s threads", 4)
    for r, n in ((4, 0), (5, 1), (6, 0), (7, 0), (8, 3), (9, 0), (10, 0)):
        rank(f"boundaries rank {r}", 1, n, 0 if n == 0 else 1)
    # Map traffic meanwhile.
    paths = ["/wmts/osm/webmercator/12/2144/1390.png", "/wmts/osm/webmercator/12/2145/1390.png",
             "/wmts/osm/webmercator/12/2144/1391.png", "/wmts/osm/webmercator/13/4289/2781.png",
             "/wmts/osm/webmercator/13/4290/2781.png", "/wmts/osm/webmercator/13/4289/2782.png"]
    for i, path in enumerate(paths):
        if i % 2 == 0:
            source(path.replace("/wmts/osm/webmercator", ""), 200, "%.1f" % (18.2 + i * 1.7), 180 + i * 13)
        uwsgi(path, 19012 + i * 1733, 214 + i * 12 if i % 2 == 0 else 4, pid=12 + i % 2)
    for r, n, secs in ((11, 2, 1), (12, 0, 0), (13, 0, 0), (14, 0, 0), (15, 0, 0), (16, 4, 1), (17, 0, 0), (18, 0, 0),
                       (19, 0, 0), (20, 0, 0), (21, 0, 0), (22, 0, 0), (23, 0, 0), (24, 0, 0), (25, 0, 0)):
        rank(f"boundaries rank {r}", 1, n, secs)
    nlog.warning("Starting indexing rank (%i to %i) using %i threads", 5, 25, 4)
    counts = {16: (18, 1), 18: (6, 0), 19: (41, 1), 22: (133, 1), 25: (412, 2)}
    for r in range(5, 26):
        n, secs = counts.get(r, (0, 0))
        rank(f"rank {r}", 1, n, secs)
    # OpenStreetMap's tile server throttles the cache's misses.
    source("/13/4291/2780.png", 429, "-", 92)
    source("/13/4291/2781.png", 429, "-", 88)
    uwsgi("/wmts/osm/webmercator/13/4291/2780.png", 1502, 104)

    def handle():
        def get_map():
            def create_tile():
                def open_url():
                    raised("mapproxy.client.http", "HTTPClientError",
                           'HTTP Error "https://tile.openstreetmap.org/13/4291/2781.png": 429')
                try:
                    open_url()
                except Exception as e:
                    raised("mapproxy.source", "SourceError", e.args[0])
            create_tile()
        get_map()
    try:
        handle()
    except Exception:
        wsgiapp.critical("fatal error in %s for %s?%s", "wmts", "/wmts/osm/webmercator/13/4291/2781.png", "",
                         exc_info=True)
    uncaught(stream, handle, after_traceback=True)
    uwsgi("/wmts/osm/webmercator/13/4291/2781.png", 14, 91, status=500, pid=13)
    nlog.warning("Starting indexing rank (%i to %i) using %i threads", 26, 30, 4)
    for r, n, batch, secs in ((26, 2107, 5, 4), (27, 88, 5, 1), (28, 0, 5, 0), (29, 0, 5, 0), (30, 14821, 20, 9)):
        rank(f"rank {r}", batch, n, secs)
    rank("interpolation lines (location_property_osmline)", 20, 37, 1)
    nlog.warning("Starting indexing rank (%i to %i) using %i threads", 0, 0, 4)
    rank("rank 0", 1, 0, 0)
    nlog.warning("Starting indexing postcodes using %s threads", 4)
    rank("postcodes (location_postcodes)", 20, 12, 1)
    nlog.warning("Update completed. Import: %s. %sTotal: %s. Remaining backlog: %s.", "0:00:17",
                 "Indexing: 0:00:41 ", "0:00:58", "14:46:02")
    nlog.warning("Sleeping for %s sec before next update.", 84231)
    uwsgi("/wmts/osm/webmercator/12/2144/1390.png", 19012, 3)
    return {"name": "nominatim-mapproxy", "programs": [nm, mp, mr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A CERT's malware lab on an EC2 metal instance (the journal shipped by the
# CloudWatch agent): the Karton pipeline (karton-system and
# karton-classifier, with the team's own "karton.cape-submitter" service
# that hands Windows samples to CAPE) and CAPEv2's scheduler (`cuckoo.py`,
# KVM guests). CAPE's banner is printed, in one of its random colours;
# its console handler colours WARNING and ERROR messages (the stream's
# text has the codes, the records not). Karton's TaskContextFilter sets
# each record's `task_id`, kept in the truth.

def stream_cape_karton():
    stream = []
    cape = Program("cape", "root", CapeConsoleFormatter(CAPE), stream)
    kt = Program("karton", "karton.system", logging.Formatter(KARTON), stream)
    task_ctx = Set(task_id="(no task)")
    kt.handler.addFilter(task_ctx)
    scheduler = lg(cape, "lib.cuckoo.core.scheduler")
    machinery = lg(cape, "lib.cuckoo.core.machinery_manager")
    guest = lg(cape, "lib.cuckoo.core.guest")
    startup = lg(cape, "lib.cuckoo.core.startup")
    system = lg(kt, "karton.system")
    classifier = lg(kt, "karton.classifier")
    submitter = lg(kt, "karton.cape-submitter")

    def in_task(uid):
        task_ctx.values["task_id"] = uid

    def analysis(task_id):
        return AnalysisLogger(lg(cape, "lib.cuckoo.core.analysis_manager"), {"task_id": task_id})

    # CAPE starts.
    banner = ("\n                               ),-.     /\n  Cuckoo Sandbox              <(a  `---','\n"
              "     no chance for malwares!  ( `-, ._> )\n                               ) _>.___/\n"
              "                                   _/")
    # print(color(logo, ...)): one write, a line at a time in the stream.
    for line in ("\x1b[35m%s\x1b[0m" % banner).split("\n"):
        printed(stream, line)
    printed(stream, "")
    printed(stream, " Cuckoo Sandbox \x1b[33m2.5\x1b[0m")
    printed(stream, " www.cuckoosandbox.org")
    printed(stream, " Copyright (c) 2010-2015")
    printed(stream, "")
    printed(stream, " CAPE: Config and Payload Extraction")
    printed(stream, " github.com/kevoreilly/CAPEv2")
    startup.info("Rescheduled task with ID %s and target %s", 4468,
                 "/opt/CAPEv2/storage/binaries/0d5b1e3f7c9a2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b")
    machinery.info("Using %s with max_machines_count=%d", Shown("MachineryManager[kvm]"), 4)
    machinery.info("Loaded %d machine%s", 4, "s")
    scheduler.info("Creating scheduler with max_analysis_count=%s", "unlimited")
    scheduler.info("Waiting for analysis tasks")
    # Karton's services start.
    system.info("Manager %s started", "karton.system")
    system.info("Effective config:\n"
                " gc_interval:\t%s\n"
                " task_dispatched_timeout:\t%s\n"
                " task_started_timeout:\t%s\n"
                " task_crashed_timeout:\t%s\n"
                " enable_gc:\t%s\n"
                " enable_router:\t%s\n"
                " enable_null_version_deletion:\t%s\n"
                " enable_task_tracking:\t%s\n", 180, 86400, 86400, 259200, True, True, False, False)
    for svc, binds in ((classifier, [{"type": "sample", "kind": "raw"}]),
                       (submitter, [{"type": "sample", "stage": "recognized", "platform": "win32"},
                                    {"type": "sample", "stage": "recognized", "platform": "win64"}])):
        svc.info("Service %s started", svc.name)
        svc.info("Service binds created.")
        for b in binds:
            svc.info("Binding on: %s", b)
    samples = [("a3f1c2e4-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "invoice_2024_05.exe",
                "PE32 executable (GUI) Intel 80386, for MS Windows", "exe",
                {"kind": "runnable", "platform": "win32", "extension": "exe"}, "runnable:win32:exe"),
               ("b4a2d3f5-6c7e-4f8a-9b0c-1d2e3f4a5b6c", "Remittance Advice.docm",
                "Microsoft Word 2007+", "docm",
                {"kind": "document", "platform": "win32", "extension": "docm"}, "document:win32:docm"),
               ("c5b3e4a6-7d8f-4a9b-8c1d-2e3f4a5b6c7d", "update.js",
                "ASCII text, with very long lines (4096), with no line terminators", "js",
                {"kind": "script", "platform": "win32", "extension": "js"}, "script:win32:js")]
    cape_ids = iter([4471, 4472, 4473])
    for n, (root, name, magic, ext, klass, tag) in enumerate(samples):
        uid = "%08x-1111-4222-8333-%012x" % (0x5e6f7a8b + n, 0x9c0d1e2f3a4b + n)
        system.info("[%s] Processing task %s", root, uid)
        in_task(uid)
        classifier.info("Received new task - %s", uid)
        classifier.info("Classifying sample with magic: %s, extension: %s", magic, ext)
        classifier.info("Classified %r as %r and tag %s", name.encode("utf8"), dict({"type": "sample"}, **klass), tag)
        classifier.info("Task done - %s", uid)
        in_task("(no task)")
        sub = "%08x-2222-4333-8444-%012x" % (0x6f7a8b9c + n, 0xad1e2f3a4b5c + n)
        system.info("[%s] Processing task %s", root, sub)
        in_task(sub)
        submitter.info("Received new task - %s", sub)
        task_id = next(cape_ids)
        submitter.info("Submitted %s to CAPE as task #%d", name, task_id)
        submitter.info("Task done - %s", sub)
        in_task("(no task)")
        scheduler.info("Task #%s: Processing task", task_id)
        machine = "win10-%02d" % (n + 1)
        machinery.info("Task #%s: found useable machine %s (arch=%s, platform=%s)", task_id, machine, "x64", "windows")
        a = analysis(task_id)
        a.info("Starting analysis of %s '%s'", "FILE", "/opt/CAPEv2/storage/binaries/%064x" % (0x7a8b9c0d + n))
        ip = "192.168.122.%d" % (101 + n)
        guest.info("Task #%s: Uploading script files to guest (id=%s, ip=%s)", task_id, machine, ip)
        guest.info("Task #%s: Guest is running CAPE Agent %s (id=%s, ip=%s)", task_id, "0.20", machine, ip)
        guest.info("Task #%s: Starting analysis on guest (id=%s, ip=%s)", task_id, machine, ip)
    # The JScript sample kills the guest's network: the agent stops answering.
    for attempt in range(1, 4):
        guest.warning("Task #%s: Agent unreachable (%s/10). Error: %s", 4473, attempt,
                      "HTTPConnectionPool(host='192.168.122.103', port=8000): Read timed out. (read timeout=10)")
    a = analysis(4471)
    a.info("Completed analysis %ssuccessfully.", "")
    a.info("analysis procedure completed")
    a = analysis(4472)

    def launch_analysis():
        def perform_analysis():
            def wait_finish():
                raised("lib.cuckoo.common.exceptions", "CuckooGuestCriticalTimeout",
                       "Machine win10-02: the guest initialization hit the critical timeout, analysis aborted.")
            wait_finish()
        perform_analysis()
    try:
        launch_analysis()
    except Exception as e:
        a.exception("Unexpected exception during analysis: %s", e)
    a.info("Completed analysis %ssuccessfully.", "un")
    a.info("analysis procedure completed")
    for attempt in range(4, 12):
        guest.warning("Task #%s: Agent unreachable (%s/10). Error: %s", 4473, attempt,
                      "HTTPConnectionPool(host='192.168.122.103', port=8000): Read timed out. (read timeout=10)")
    guest.error("Task #%s: Agent is dead. Virtual Machine %s /status failed. This can indicate the guest losing "
                "network connectivity. Killing analysis.", 4473, "win10-03")
    a = analysis(4473)
    a.info("Completed analysis %ssuccessfully.", "un")
    a.info("analysis procedure completed")
    # A sample the classifier can't place, and one whose resource is gone.
    root, uid = "d6c4f5b7-8e9a-4b0c-9d2e-3f4a5b6c7d8e", "7a8b9c0d-3333-4444-8555-0e1f2a3b4c5d"
    system.info("[%s] Processing task %s", root, uid)
    in_task(uid)
    classifier.info("Received new task - %s", uid)
    classifier.info("Classifying sample with magic: %s, extension: %s", "data", None)
    classifier.info("Sample {!r} not recognized (unsupported type)".format("dump.bin".encode("utf8")))
    classifier.info("Task done - %s", uid)
    in_task("(no task)")
    root, uid = "e7d5a6c8-9f0b-4c1d-8e3f-4a5b6c7d8e9f", "8b9c0d1e-4444-4555-8666-1f2a3b4c5d6e"
    system.info("[%s] Processing task %s", root, uid)
    in_task(uid)
    classifier.info("Received new task - %s", uid)

    def process():
        def download():
            raised("botocore.errorfactory", "NoSuchKey",
                   "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does "
                   "not exist.")
        download()
    try:
        process()
    except Exception:
        classifier.exception("Failed to process task - %s", uid)
    in_task("(no task)")
    scheduler.info("Task #%s: Processing task", 4474)
    machinery.info("Task #%s: found useable machine %s (arch=%s, platform=%s)", 4474, "win10-02", "x64", "windows")
    return {"name": "cape-karton", "programs": [cape, kt], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A quant team's nightly AWS Batch job (its container's log stream): zipline
# ingests the day's prices into a csvdir bundle and re-runs the production
# backtest, then Qlib's `qrun` retrains the LightGBM alpha model on
# Alpha158 and backtests its signal (its recorder on MLflow). click's and
# tqdm's progress bars, LightGBM's training lines and the tables Qlib
# pprints are print lines. Qlib prints its process id (pinned) and its
# loggers' names have spaces ("qlib.backtest caller").

def stream_zipline_qlib():
    stream = []
    zl = Program("zipline", "zipline.data.bundles.core", logging.Formatter(ZIPLINE, ZIPLINE_DATEFMT), stream)
    ql = Program("qlib", "qlib.Initialization", logging.Formatter(QLIB), stream)
    bundles = lg(zl, "zipline.data.bundles.core")
    adjustments = lg(zl, "zipline.data.adjustments")
    run_algo = lg(zl, "zipline.utils.run_algo")
    tracker = lg(zl, "zipline.finance.metrics.tracker")
    qsrc = "/usr/local/lib/python3.11/site-packages/qlib/"

    def q(name, level, where, func, msg, *args):
        path, line = where.rsplit(":", 1)
        with pid(58):
            at(lg(ql, "qlib." + name), level, qsrc + path, int(line), func, msg, *args)

    printed(stream, "+ zipline ingest -b csvdir-us")
    bundles.info("Ingesting %s", "csvdir-us")
    printed(stream, "\r".join("Loading custom pricing data:   [%s%s]  %3d%%  %s" % ("#" * (p * 36 // 100),
                                                                                   "-" * (36 - p * 36 // 100), p, s)
                              for p, s in ((0, ""), (25, "HD"), (50, "MSFT"), (75, "UNH"), (100, ""))))
    printed(stream, "Merging daily equity files:")
    for sid, ex, amount in ((14, "2024-05-09", 0.24), (87, "2024-05-10", 0.52)):
        adjustments.warning("Couldn't compute ratio for dividend"
                            " sid=%(sid)s, ex_date=%(ex_date)s, amount=%(amount).3f",
                            {"sid": sid, "ex_date": ex, "amount": amount})
    printed(stream, "+ zipline run -f strategies/momentum.py -b csvdir-us --start 2019-01-02 --end 2024-05-10 "
                    "-o /results/momentum.pickle")
    run_algo.warning("No benchmark configured. " "Assuming algorithm calls set_benchmark.")
    run_algo.warning("Pass --benchmark-sid, --benchmark-symbol, or"
                     " --benchmark-file to set a source of benchmark returns.")
    run_algo.warning("Pass --no-benchmark to use a dummy benchmark " "of zero returns.")
    printed(stream, "/usr/local/lib/python3.11/site-packages/zipline/finance/metrics/metric.py:296: FutureWarning: "
                    "Series.__getitem__ treating keys as positions is deprecated. In a future version, integer keys "
                    "will always be treated as labels (consistent with DataFrame behavior). To access a value by "
                    "position, use `ser.iloc[pos]`")
    printed(stream, "  return self._end_of_period(\"daily_perf\", packet, ledger, dt, session_ix, data_portal)")
    tracker.info("Simulated %(days)s trading days\n first open: %(first)s\n last close: %(last)s",
                 {"days": 1345, "first": "2019-01-02 14:31:00+00:00", "last": "2024-05-10 20:00:00+00:00"})

    # Qlib.
    printed(stream, "+ qrun workflow_config_lightgbm_Alpha158_us.yaml")
    q("Initialization", logging.INFO, "config.py:452", "set", f"default_conf: {'client'}.")
    q("Initialization", logging.INFO, "__init__.py:75", "init",
      "qlib successfully initialized based on %s settings." % "client")
    q("Initialization", logging.INFO, "__init__.py:77", "init",
      f"data_path={ {'__DEFAULT_FREQ': Shown(repr('/data/qlib_data/us_data').join(('PosixPath(', ')')))} }")
    q("workflow", logging.WARNING, "expm.py:231", "_get_or_create_exp",
      f"No valid experiment found. Create a new experiment with name {'workflow'}.")
    q("workflow", logging.INFO, "exp.py:258", "start", f"Experiment {1} starts running ...")
    rid = "6b0d3e1f9a2c4b7d8e5f0a1b2c3d4e5f"
    q("workflow", logging.INFO, "recorder.py:345", "start_run",
      f"Recorder {rid} starts running under Experiment {1} ...")
    for cmd in ("git diff", "git status", "git diff --cached"):
        q("workflow", logging.INFO, "recorder.py:378", "_log_uncommitted_code",
          f"Fail to log the uncommitted code of $CWD({'/workspace'}) when run {cmd}.")
    for secs, what in ((48.213, "Loading data"), (0.512, "DropnaLabel"), (2.113, "CSZScoreNorm"),
                       (2.701, "fit & process data"), (51.007, "Init data")):
        q("timer", logging.INFO, "log.py:127", "log_cost_time",
          "Time cost: {0:.3f}s | {1}".format(secs, what + " Done"))
    printed(stream, "Training until validation scores don't improve for 50 rounds")
    for it, tr, va in ((20, 0.990281, 0.994416), (40, 0.987915, 0.994352), (60, 0.985740, 0.994408),
                       (80, 0.983671, 0.994493)):
        printed(stream, f"[{it}]\ttrain's l2: {tr:.6f}\tvalid's l2: {va:.6f}")
    printed(stream, "Early stopping, best iteration is:")
    printed(stream, "[33]\ttrain's l2: 0.988760\tvalid's l2: 0.994311")
    q("workflow", logging.INFO, "record_temp.py:198", "generate",
      f"Signal record 'pred.pkl' has been saved as the artifact of the Experiment {1}")
    printed(stream, repr("The following are prediction results of the LGBModel model."))
    for line in ("                          score", "datetime   instrument          ",
                 "2023-01-03 AAPL       -0.031742", "           ABBV        0.012210",
                 "           ABT        -0.004981",
                 "           ACN         0.020133", "           ADBE       -0.017765"):
        printed(stream, line)
    q("backtest caller", logging.INFO, "backtest/__init__.py:93", "get_exchange", "Create new exchange")
    q("online operator", logging.WARNING, "backtest/exchange.py:219", "__init__",
      "{} field data contains nan.".format("$close"))
    q("online operator", logging.WARNING, "backtest/exchange.py:219", "__init__",
      "{} field data contains nan.".format("$factor"))
    printed(stream, "\r".join(f"backtest loop: {p:3d}%|{'█' * (p // 10):<10}| {n}/335 [{t}<{r}, {s}it/s]"
                              for p, n, t, r, s in ((0, 0, "00:00", "?", " ?"), (31, 104, "00:03", "00:06", "33.12"),
                                                    (64, 214, "00:06", "00:03", "34.40"),
                                                    (100, 335, "00:09", "00:00", "34.95"))))
    q("workflow", logging.INFO, "record_temp.py:515", "_generate",
      f"Portfolio analysis record 'port_analysis_1day.pkl' has been saved as the artifact of the Experiment {1}")
    for title, rows in (("benchmark return(1day)", ("0.000512", "0.011876", "0.121856", "0.665099", "-0.244462")),
                        ("the excess return without cost(1day)", ("0.000431", "0.004702", "0.102578", "1.414003",
                                                                  "-0.071317")),
                        ("the excess return with cost(1day)", ("0.000237", "0.004705", "0.056406", "0.777120",
                                                               "-0.083205"))):
        printed(stream, repr(f"The following are analysis results of {title}."))
        printed(stream, "                       risk")
        for name, value in zip(("mean", "std", "annualized_return", "information_ratio", "max_drawdown"), rows):
            printed(stream, f"{name:<20}{value:>10}")
    q("workflow", logging.INFO, "record_temp.py:540", "_generate",
      f"Indicator analysis record 'indicator_analysis_1day.pkl' has been saved as the artifact of the Experiment {1}")
    printed(stream, repr("The following are analysis results of indicators(1day)."))
    for line in ("     value", "ffr    1.0", "pa     0.0", "pos    0.0"):
        printed(stream, line)
    q("timer", logging.INFO, "log.py:127", "log_cost_time",
      "Time cost: {0:.3f}s | {1}".format(0.014, "waiting `async_log` Done"))
    # The artifact store's bucket policy changed: the model upload fails.

    def end_run():
        def log_artifacts():
            raised("botocore.exceptions", "ClientError",
                   "An error occurred (AccessDenied) when calling the PutObject operation: User: "
                   "arn:aws:sts::123456789012:assumed-role/quant-batch-job/4f1c2e3d is not authorized to perform: "
                   "s3:PutObject on resource: \"arn:aws:s3:::acme-quant-mlflow/1/6b0d3e1f9a2c4b7d8e5f0a1b2c3d4e5f/"
                   "artifacts/params.pkl\" with an explicit deny in a resource-based policy")
        log_artifacts()
    uncaught(stream, end_run)
    return {"name": "zipline-qlib", "programs": [zl, ql], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_streamlink_scenedetect(), stream_parsedmarc_mta_sts(), stream_flye_medaka(), stream_snapraid_pyznap(),
        stream_thingsboard_pymodbus(), stream_limnoria_fedora_messaging(), stream_nominatim_mapproxy(),
        stream_cape_karton(), stream_zipline_qlib(),
    ])


if __name__ == "__main__":
    main()
