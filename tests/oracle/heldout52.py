"""The 52-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout51.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (media, streaming and home-server
services: a media host's post-processing, where sickbeard_mp4_automator
transcodes qBittorrent's finished torrents and nzbToMedia's manual run
hands usenet downloads to SickBeard and Sonarr; a Plex host's helpers,
where plex_autoscan turns Sonarr's and Radarr's webhooks into Plex scans
and Varken feeds Tautulli's, Sonarr's and Radarr's numbers to InfluxDB;
a home server, where Supysonic's daemon watches the music library and
TubeSync archives YouTube channels), each format copied from the file
named beside it (the version read is given), with the formatter class
and the filter the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout52

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1b56e36 (session 26's first rule in, none
written from this set), with nothing configured: 41.4% exact, 41.4% key
fields (asctime 99.4%, levelname 99.4%, name 42.2%, message 99.1%).
Rules were written from it after that reading.

Formatters and filters: all six use logging.Formatter itself. nzbToMedia's
DispatchingFormatter picks one by logger name, the same format for its
three loggers ("nzbtomedia", "postprocess", "db"), so every record here is
logging.Formatter's; its messages start with the section upper-cased
("MAIN: ", "TRANSCODER: "), and POSTPROCESS (21) is a level of its own.
sickbeard_mp4_automator's logging.ini (resources/log.py's defaults) gives
the root a stdout handler at INFO; its MediaProcessor logs its options as
indented JSON, one message each, and its FFmpeg command between rows of
"=". plex_autoscan right-aligns the time in 24 (one space before Python's
default time), the level in eight and the logger's name in nine, and
prints the thread's id (pinned through a filter setting `thread`, a
standard attribute); its banner is one INFO message that starts and ends
with a line break, its webhook dumps DEBUG messages of indented JSON
(PLEX_AUTOSCAN_LOGLEVEL=DEBUG). Varken logs through the root and prints
the module, not the logger's name; its image sets DEBUG="True", so
urllib3's records print too. Its BlacklistFilter (on the root's handlers,
from INIParser) rewrites `record.msg` and the string `args` of every
record, each configured url, host, username, password and apikey becoming
eight stars and its last five characters (the truth sees the rewritten
record: "/write?db=********arken", "the ********onarr queue"); it iterates
a set, whose order varies from run to run, so a fixed order is used here.
One of its errors holds a run of 35 spaces (a backslash continuation in a
string literal), and "Python %s" prints sys.version's line break.
Supysonic's daemon (no log_file, log_level = INFO) prints "[LEVEL] " and
the message; TubeSync "[tubesync/LEVEL]" after the default time.
552 records in three streams (200, 233 and 119; 32 print lines and bare
tracebacks).

Print lines: the s6 overlay's and qBittorrent's lines, sickbeard_mp4_
automator's progress bar (one line of "\\r"-separated updates), the cron
sidecar's "+ ..." lines and nzbToMedia's uncaught traceback, plex_autoscan's
pyfiglet "slant" banner and Flask's lines, a Varken job thread's traceback,
systemd's and TubeSync's gunicorn lines.

The messages are modelled on the programs' source, read at the commits
cited; the values, urllib3's lines, the exception texts, the print lines
and install paths are made up.

Left out: Supysonic's web application (with no log_file its records reach
logging's lastResort, the message alone; supysonic/web.py at spl0k/
supysonic 1b98617), TubeSync's syslog handlers ("%(asctime)s %(name)s:
%(message)s", "%b %d %H:%M:%S", meeb/tubesync bec41061 common/logs/syslog/
std/_default.py, commented out in common/logger.py), sickbeard_mp4_
automator's "MANUAL" ("%(message)s") and "NZBGetPostProcess" ("[%(levelname)s]
%(message)s") loggers, the file formats of nzbToMedia ("%(asctime)s
%(levelname)-8s::%(message)s"), Varken and plex_autoscan (log files, not
the console), Traktarr, Cloudplow, SickGear, CouchPotato, pyLoad,
Searcharr and LibreTime (not read for want of time; none was guessed),
and this area's programs in earlier sets (Medusa, SickChill, SABnzbd,
Bazarr, Tautulli, Kometa, Tube Archivist, Beets, Mopidy, Unmanic...).
"""

import json
import logging
import os
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# sickbeard_mp4_automator (mdhiggins/sickbeard_mp4_automator, 724e210),
# resources/log.py defaults' "simpleFormatter" (the root's consoleHandler
# on stdout at INFO, written to config/logging.ini; setup/logging.ini.sample
# is the same).
SMA = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
SMA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# nzbToMedia (clinton-hall/nzbToMedia, 1521c404), core/logger.py
# NTMRotatingLogHandler.init_logging's console DispatchingFormatter (the
# formatter of "nzbtomedia", "postprocess" and "db", on stderr at DB).
NZBTOMEDIA = "[%(asctime)s] [%(levelname)s]::%(message)s"
NZBTOMEDIA_DATEFMT = "%H:%M:%S"
# plex_autoscan (l3uddz/plex_autoscan, a570b5c), scan.py logFormatter (the
# root's consoleHandler on stdout).
PLEX_AUTOSCAN = "%(asctime)24s - %(levelname)8s - %(name)9s [%(thread)5d]: %(message)s"
# Varken (Boerderij/Varken, ec79d22), varken/varkenlogger.py VarkenLogger's
# logger_formatter (the root's console StreamHandler, with INIParser's
# BlacklistFilter; Varken.py's "temp" logger uses the same).
VARKEN = "%(asctime)s : %(levelname)s : %(module)s : %(message)s"
VARKEN_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Supysonic (spl0k/supysonic, 1b98617), supysonic/daemon/__init__.py
# setup_logging (the "supysonic" logger's StreamHandler when no log_file).
SUPYSONIC = "[%(levelname)s] %(message)s"
# TubeSync (meeb/tubesync, bec41061), tubesync/common/logs/_default.py
# default_formatter (the app logger's default_handler, common/logger.py).
TUBESYNC = "%(asctime)s [%(name)s/%(levelname)s] %(message)s"

POSTPROCESS, DB = 21, 5


class BlacklistFilter(logging.Filter):
    """Varken's varken/varkenlogger.py BlacklistFilter, its strings in a
    list (a fixed order) rather than a set."""

    def __init__(self, filtered_strings):
        super().__init__()
        self.filtered_strings = filtered_strings

    def filter(self, record):
        for item in self.filtered_strings:
            try:
                if item in record.msg:
                    record.msg = record.msg.replace(item, 8 * '*' + item[-5:])
                if any(item in str(arg) for arg in record.args):
                    record.args = tuple(arg.replace(item, 8 * '*' + item[-5:]) if isinstance(arg, str) else arg
                                        for arg in record.args)
            except TypeError:
                pass
        return True


# --------------------------------------------------------------------------
# A media host's post-processing on EC2 (Docker's awslogs driver, one
# stream): qBittorrent's container runs sickbeard_mp4_automator's
# qBittorrentPostProcess.py when a torrent finishes (the script inherits
# qBittorrent's stdout), and a cron sidecar runs nzbToMedia's manual mode
# over the usenet downloads.

TORRENTS = [("sonarr", "Severance.S02E07.1080p.WEB.H264-SuccessfulCrab"),
            ("radarr", "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX"),
            ("sonarr", "Shogun.2024.S01E04.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb"),
            ("radarr", "Civil.War.2024.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX")]
NZBS = [("SickBeard", "tv", "Fallout.S01E08.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX"),
        ("CouchPotato", "movies", "The.Fall.Guy.2024.1080p.AMZN.WEB-DL.DDP5.1.H.264-FLUX"),
        ("Sonarr", "tv", "The.Bear.S03E01.720p.HULU.WEB-DL.DDP5.1.H.264-NTb")]


def stream_sma_nzbtomedia():
    stream = []
    sp = Program("sma", "qBittorrentPostProcess", logging.Formatter(SMA, SMA_DATEFMT), stream)
    nz = Program("nzbtomedia", "nzbtomedia", logging.Formatter(NZBTOMEDIA, NZBTOMEDIA_DATEFMT), stream)
    q, mp, rs = lg(sp, "qBittorrentPostProcess"), lg(sp, "resources.mediaprocessor"), lg(sp, "resources.readsettings")
    n, pp = lg(nz, "nzbtomedia"), lg(nz, "postprocess")

    for line in ("[migrations] started", "[custom-init] sma.sh: executing...", "[ls.io-init] done.",
                 "WebUI will be started shortly after internal preparations. Please wait...",
                 "To control qBittorrent, access the WebUI at: http://localhost:8080"):
        printed(stream, line)
    for i, (cat, name) in enumerate(TORRENTS):
        if i % 2 == 1:
            nzbtomedia_run(stream, n, pp, i)
        mkv = "/downloads/complete/%s/%s/%s.mkv" % (cat, name, name)
        out = "/downloads/converted/" + name
        # The root's handler is at INFO: the script's DEBUG lines don't print.
        q.info("qBittorrent post processing started.")
        rs.info("/usr/bin/python3")
        rs.info("Loading config file /usr/local/sma/config/autoProcess.ini.")
        q.info("Performing conversion")
        q.info("Processing file %s." % mkv)
        if i == 2:
            mp.info("Input and output extensions match and the file appears to have already been processed by SMA, "
                    "enable force-convert to override [force-convert: False].")
            mp.info("Bypassing conversion and setting outputfile to inputfile.")
        else:
            hevc = cat == "radarr"
            vparams = {"codec": "h264", "map": 0, "bitrate": None, "crf": 23, "maxrate": "8M", "bufsize": "16M",
                       "level": 4.1, "profile": "high", "pix_fmt": "yuv420p"}
            for msg in ("Reading video stream.", "Video codec detected: %s." % ("hevc" if hevc else "h264"),
                        "Pix Fmt: %s." % ("yuv420p10le" if hevc else "yuv420p"),
                        "Profile: %s." % ("Main 10" if hevc else "High"), "Video codec parameters %s." % vparams,
                        "Creating h264 video stream from source stream 0.", "Reading audio streams.",
                        "Audio detected for stream 1 - eac3 eng 6 channel.", "Creating aac audio stream from source "
                        "stream 1.", "Creating aac audio stream from source audio stream 1 [universal-audio].",
                        "Reading subtitle streams.", "Subtitle detected for stream 2 - subrip eng.",
                        "Stream 2 is text-based subtitle for codec subrip.",
                        "Creating mov_text subtitle stream from source stream 2."):
                mp.info(msg)
            if hevc:
                mp.info("HDR video stream detected for 0.")
                mp.warning("Unable to determine audio bitrate from source stream 1, defaulting to 128 per channel.")
            options = {"source": [mkv], "format": "mp4",
                       "video": {"codec": "h264", "map": 0, "crf": 23, "maxrate": "8M", "bufsize": "16M",
                                 "profile": "high", "level": 4.1, "pix_fmt": "yuv420p"},
                       "audio": [{"map": 1, "codec": "aac", "channels": 2, "bitrate": 256, "language": "eng",
                                  "disposition": "+default"}],
                       "subtitle": [{"map": 2, "codec": "mov_text", "language": "eng", "disposition": "-default"}],
                       "attachment": []}
            for title, opts in (("Output Data", options), ("Preopts", ["-fix_sub_duration"]),
                                ("Postopts", ["-threads", "0", "-metadata:g", "encoding_tool=SMA"])):
                mp.info(title)
                mp.info(json.dumps(opts, sort_keys=False, indent=4))
            mp.info("Starting conversion.")
            mp.info("FFmpeg command:")
            mp.info("======================")
            mp.info("/usr/local/bin/ffmpeg -fix_sub_duration -i \"%s\" -map 0:0 -c:v h264 -crf:v 23 -maxrate:v 8M "
                    "-bufsize 16M -profile:v high -level 4.1 -pix_fmt yuv420p -map 0:1 -c:a:0 aac -ac:a:0 2 "
                    "-b:a:0 256k -metadata:s:a:0 language=eng -map 0:2 -c:s:0 mov_text -f mp4 -threads 0 -y "
                    "\"%s.mp4.part\"" % (mkv, out))
            mp.info("======================")
            if i == 3:
                # FFmpeg dies: MediaProcessor.convert logs it, then its cmd
                # and output as ERROR records.
                try:
                    raised("converter.ffmpeg", "FFMpegConvertError", "ffmpeg error (see stderr output for detail)")
                except Exception:
                    mp.exception("Error converting file, FFMPEG error.")
                mp.error("ffmpeg -fix_sub_duration -i %s -map 0:0 -c:v h264 ..." % mkv)
                mp.error("[aac @ 0x55d0c4e1b2c0] Too many bits 8832.000000 > 6144 per frame requested, clamping to max"
                         "\nError while filtering: Cannot allocate memory\n"
                         "Failed to inject frame into filter network: Cannot allocate memory")
                q.error("No output file generated for single torrent download.")
                continue
            # The progress bar: "\r" between updates, one line at the end.
            printed(stream, "".join("\r[{0}] {1}% ".format("#" * (pct // 5) + " " * (20 - pct // 5), pct)
                                    for pct in range(0, 101, 10)))
            mp.info("%s.mp4 created." % out)
        arr = lg(sp, "autoprocess." + cat)
        q.info("Passing %s directory to %s." % (out, cat.capitalize()))
        arr.info("%s notifier started." % cat.capitalize())
        arr.info("Requesting %s to scan directory '%s'." % (cat.capitalize(), out))
        arr.info("%s response %s command: ID %s %s." % (
            cat.capitalize(), "DownloadedEpisodesScan" if cat == "sonarr" else "DownloadedMoviesScan", 18342 + i,
            "queued"))
    return {"name": "sma-nzbtomedia", "programs": [sp, nz], "records": stream, "auto": False}


def nzbtomedia_run(stream, n, pp, i):
    """nzbToMedia's cron run, every half hour (log_debug = 1)."""
    with level_names({POSTPROCESS: "POSTPROCESS", DB: "DB"}):
        printed(stream, "+ python3 /opt/nzbToMedia/nzbToMedia.py")
        n.info("MAIN: Loading config from [/opt/nzbToMedia/autoProcessMedia.cfg]")
        n.info("MAIN: nzbToMedia Version:12.1.13 Branch:master (Linux 6.1.79-99.164.amzn2023.x86_64)")
        n.warning("MAIN: Invalid number of arguments received from client, Switching to manual run mode ...")
        for section, cat, name in NZBS[i // 2:]:
            folder = "/downloads/complete/%s/%s" % (cat, name)
            n.info("MAIN: Starting manual run for %s:%s - Folder: %s" % (section, cat, folder))
            n.info("MAIN: Checking database for download info for %s ..." % name)
            n.info("MAIN: Unable to locate download info for %s, continuing to try and process this release ..."
                   % name)
            n.info("MAIN: Auto-detected SECTION:%s" % section)
            n.debug("MAIN: Checking for archives to extract in directory: %s" % folder)
            n.info("MAIN: Calling %s:%s to post-process:%s" % (section, cat, name))
            n.info("TRANSCODER: Checking [%s.mkv] for corruption, please stand by ..." % name)
            if section == "CouchPotato":
                n.error("TRANSCODER: FAILED: [%s.mkv] is corrupted!" % name)
                n.info("COUCHPOTATO: Status shown as success from Downloader, but corrupt video files found. "
                       "Setting as failed.")
                pp.log(POSTPROCESS, "COUCHPOTATO: FAILED DOWNLOAD DETECTED FOR %s" % name)
                pp.log(POSTPROCESS, "COUCHPOTATO: Deleting failed files and folder %s" % folder)
                n.error("MAIN: A problem was reported when trying to perform a manual run for %s:%s." % (section, cat))
                continue
            n.info("TRANSCODER: SUCCESS: [%s.mkv] has no corruption." % name)
            n.info("MAIN: Found Valid Videos. Setting status Success")
            pp.log(POSTPROCESS, "%s: SUCCESS: The download succeeded, sending a post-process request"
                   % section.upper())
            if section == "SickBeard":
                n.debug("SICKBEARD: Opening URL: http://sickbeard:8081/home/postprocess/processEpisode with params: "
                        "{'dir': '%s', 'nzbName': '%s', 'quiet': 1, 'force': 1}" % (folder, name))
                pp.log(POSTPROCESS, "SICKBEARD: Processing folder %s" % folder)
                pp.log(POSTPROCESS, "SICKBEARD: Moving file from %s/%s.mkv to /tv/Fallout/Season 01/Fallout - "
                                    "S01E08 - The Beginning.mkv" % (folder, name))
                continue
            n.debug("SONARR: Opening URL: http://sonarr:8989/api/v3/command with data: {'name': "
                    "'DownloadedEpisodesScan', 'path': '%s', 'downloadClientId': '', 'importMode': 'Copy'}" % folder)
            n.debug("SONARR: Scan started with id: %d" % (18400 + i))
            n.warning("SONARR: The Scan command did not return a valid status. Renaming was not successful.")
        if i == 3:
            # The next run can't reach SickBeard's fork check: the
            # interpreter prints the traceback, the run ends.
            def main():
                raised("requests.exceptions", "ConnectionError", "HTTPConnectionPool(host='sickbeard', port=8081): "
                       "Max retries exceeded with url: /api/3f2a9c81d4e5/?cmd=help&subject=postprocess (Caused by "
                       "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3b5a2c1d90>: Failed to "
                       "establish a new connection: [Errno 111] Connection refused'))")
            printed(stream, "+ python3 /opt/nzbToMedia/nzbToMedia.py")
            n.info("MAIN: Loading config from [/opt/nzbToMedia/autoProcessMedia.cfg]")
            uncaught(stream, main)


# --------------------------------------------------------------------------
# A Plex host's helpers on EC2 (Docker's awslogs driver, one stream):
# plex_autoscan turns Sonarr's and Radarr's webhooks into Plex scans, and
# Varken polls Tautulli, Sonarr and Radarr every few seconds for InfluxDB.

VARKEN_SRC = "/app/"
URLLIB3 = "/usr/local/lib/python3.9/site-packages/urllib3/connectionpool.py"
# varken.ini's url, username, password and apikey values, then the urls
# without their ports (INIParser.config_blacklist), in the ini's order.
SECRETS = ["influxdb", "varken", "Gr4f4n4-Inf1ux!", "sonarr:8989", "4f0c2d9e8b7a41c3a5e6f7081d2c3b4a",
           "radarr:7878", "c81e728d9d4c2f636f067f89cc14862c", "tautulli:8181", "9b1de0a7f2c44e88b0b6a1d2e3f4a5b6",
           "sonarr", "radarr", "tautulli"]
SHOWS = [("/tv/Severance/Season 02/Severance - S02E07 - Chikhai Bardo WEBDL-1080p.mkv", "Sonarr", "Download"),
         ("/movies/Dune Part Two (2024)", "Radarr", "Download"),
         ("/tv/Shogun (2024)/Season 01/Shogun (2024) - S01E04 - The Eightfold Fence WEBDL-1080p.mkv", "Sonarr",
          "Upgrade"),
         ("/movies/Civil War (2024)", "Radarr", "Rename")]


def stream_autoscan_varken():
    stream = []
    pa = Program("plex_autoscan", "AUTOSCAN", logging.Formatter(PLEX_AUTOSCAN), stream)
    vk = Program("varken", "root", logging.Formatter(VARKEN, VARKEN_DATEFMT), stream)
    # The id of the thread plex_autoscan is in, set on its records.
    pin = types.SimpleNamespace(ident=139871253628736)
    pa.handler.addFilter(lambda record: setattr(record, "thread", pin.ident) or True)
    a, plex, utils = lg(pa, "AUTOSCAN"), lg(pa, "PLEX"), lg(pa, "UTILS")
    root, temp, ul3 = lg(vk, "root"), lg(vk, "temp"), lg(vk, "urllib3.connectionpool")

    def v(level, where, msg, *args, log=root):
        path, line, func = where.split(":")
        at(log, level, VARKEN_SRC + path, int(line), func, msg, *args)

    def get(host, port, path, status, length, scheme="http", method="GET"):
        at(ul3, logging.DEBUG, URLLIB3, 230, "_new_conn", "Starting new %s connection (%d): %s:%s",
           scheme.upper(), 1, host, port)
        at(ul3, logging.DEBUG, URLLIB3, 452, "_make_request", '%s://%s:%s "%s %s %s" %s %s', scheme, host, port,
           method, path, "HTTP/1.1", status, length)

    for line in ("    ____  __             ___         __                            ",
                 "   / __ \\/ /__  _  __   /   | __  __/ /_____  ______________ _____ ",
                 "  / /_/ / / _ \\| |/_/  / /| |/ / / / __/ __ \\/ ___/ ___/ __ `/ __ \\",
                 " / ____/ /  __/>  <   / ___ / /_/ / /_/ /_/ (__  ) /__/ /_/ / / / /",
                 "/_/   /_/\\___/_/|_|  /_/  |_\\__,_/\\__/\\____/____/\\___/\\__,_/_/ /_/ ",
                 "                                                                   "):
        printed(stream, line)
    a.info("""
#########################################################################
# Title:    Plex Autoscan                                               #
# Author:   l3uddz                                                      #
# URL:      https://github.com/l3uddz/plex_autoscan                     #
# --                                                                    #
#         Part of the Cloudbox project: https://cloudbox.works          #
#########################################################################
#                   GNU General Public License v3.0                     #
#########################################################################
""")
    pin.ident = 139871207073536
    a.info("Starting queue processor in 10 seconds...")
    pin.ident = 139871253628736
    a.info("Starting server: http://%s:%d/%s", "0.0.0.0", 3468, "b9f1c2d4e7a84c0f9e3d6a5b2c1f0e8d")
    for line in (' * Serving Flask app "scan" (lazy loading)', " * Environment: production",
                 "   WARNING: This is a development server. Do not use it in a production deployment.",
                 "   Use a production WSGI server instead.", " * Debug mode: off"):
        printed(stream, line)

    # Varken starts in the same minute.
    v(logging.INFO, "varken/helpers.py:188:mkdir_p", "Creating folder %s ", "/config/logs", log=temp)
    v(logging.INFO, "Varken.py:81:<module>", "Starting Varken...")
    v(logging.INFO, "Varken.py:83:<module>", 'Data folder is "%s"', "/config")
    v(logging.INFO, "Varken.py:85:<module>", "%s %s (%s%s)", "Linux", "6.1.79-99.164.amzn2023.x86_64",
      "#1 SMP PREEMPT_DYNAMIC Tue Mar 12 18:13:09 UTC 2024", " - Alpine Linux 3.13.0")
    v(logging.INFO, "Varken.py:88:<module>", "Python %s",
      "3.9.1 (default, Dec 17 2020, 03:56:41) \n[GCC 10.2.1 20201203]")
    v(logging.INFO, "Varken.py:90:<module>", "Varken v%s-%s %s", "1.7.7", "master", "12/21/2020")
    v(logging.DEBUG, "varken/iniparser.py:70:read_file", "Reading from %s", "/config/varken.ini")
    vk.handler.addFilter(BlacklistFilter(SECRETS))
    v(logging.DEBUG, "varken/iniparser.py:119:url_check", "%s is a valid URL in module [%s].", "influxdb",
      "influxdb")
    for t, url in (("sonarr", "sonarr:8989"), ("radarr", "radarr:7878"), ("lidarr", None), ("ombi", None),
                   ("tautulli", "tautulli:8181"), ("sickchill", None), ("unifi", None)):
        if url:
            v(logging.INFO, "varken/helpers.py:205:clean_sid_check", "%s : %s", t.upper() + "_SERVER_IDS", [1])
            v(logging.DEBUG, "varken/iniparser.py:119:url_check", "%s is a valid URL in module [%s].", url,
              t + "-1")
        else:
            v(logging.INFO, "varken/iniparser.py:49:enable_check", "%s disabled.", t.upper() + "_SERVER_IDS")
    get("influxdb", 8086, "/ping", 204, 0)
    v(logging.INFO, "varken/dbmanager.py:20:__init__", "Influxdb version: %s", "1.8.10")
    get("influxdb", 8086, "/query?q=SHOW+DATABASES", 200, None)
    v(logging.INFO, "varken/helpers.py:29:__init__", "Opening persistent connection to the MaxMind DB...")
    v(logging.DEBUG, "varken/helpers.py:74:update", "MaxMind DB will update in %s days", 27)

    stamp = "%Y-%m-%dT%H:%M:%S.000000+00:00"
    for cycle in range(5):
        # Varken's scheduled jobs.
        get("sonarr", 8989, "/api/queue", 200, None)
        if cycle == 2:
            bad = {"series": {"title": "Fallout"}, "episode": None, "protocol": "usenet", "id": 1733}
            v(logging.ERROR, "varken/sonarr.py:112:get_queue", "TypeError has occurred : %s while processing the "
              "sonarr queue." + " " * 35 + "Remove invalid queue entry. Data attempted is: %s",
              "'NoneType' object is not subscriptable", str(bad))
        shows = [("Severance", "Chikhai Bardo", "S02E07"), ("Shogun (2024)", "The Eightfold Fence", "S01E04")]
        payload = [{"measurement": "Sonarr", "tags": {"type": "Queue", "sonarrId": 1730 + k, "server": 1, "name": nm,
                                                       "epname": ep, "sxe": sxe, "protocol": "TORRENT",
                                                       "protocol_id": 0, "quality": "WEBDL-1080p"},
                    "time": now(stamp), "fields": {"hash": "%032x" % (0x5d41 * (k + 3))}}
                   for k, (nm, ep, sxe) in enumerate(shows[:1 + cycle % 2])]
        v(logging.DEBUG, "varken/dbmanager.py:40:write_points", "Writing Data to InfluxDB %s", payload)
        get("influxdb", 8086, "/write?db=varken", 204, 0, method="POST")
        get("tautulli", 8181, "/api/v2?apikey=4f0c2d9e8b7a41c3a5e6f7081d2c3b4a&cmd=get_activity", 200, None)
        n = cycle % 3
        fields = {"stream_count": n, "total_bandwidth": 21400 * n, "wan_bandwidth": 0, "lan_bandwidth": 21400 * n,
                  "transcode_streams": cycle % 2, "direct_play_streams": n - cycle % 2 if n else 0, "direct_streams": 0}
        stats = [{"measurement": "Tautulli", "tags": {"type": "current_stream_stats", "server": 1},
                  "time": now(stamp), "fields": fields}]
        if n:
            v(logging.DEBUG, "varken/tautulli.py:56:get_activity", "Public IP missing for Tautulli session...")
            v(logging.DEBUG, "varken/tautulli.py:60:get_activity", "Attempting to use the fallback IP...")
            v(logging.DEBUG, "varken/helpers.py:48:lookup", "Getting lat/long for Tautulli stream using ip with "
              "last octet ending in %s", "17")
        v(logging.DEBUG, "varken/dbmanager.py:40:write_points", "Writing Data to InfluxDB %s", stats)
        if cycle == 3:
            v(logging.ERROR, "varken/dbmanager.py:44:write_points", "Error writing data to influxdb. Dropping this "
              "set of data. Check your database! Error: %s",
              "HTTPConnectionPool(host='influxdb', port=8086): Read timed out. (read timeout=None)")
        else:
            get("influxdb", 8086, "/write?db=varken", 204, 0, method="POST")
        get("radarr", 7878, "/api/v3/movie", 200 if cycle != 1 else 401, None)
        if cycle == 1:
            v(logging.INFO, "varken/helpers.py:162:connection_handler", "Your api key is incorrect for %s",
              "http://radarr:7878/api/v3/movie")
        else:
            v(logging.DEBUG, "varken/dbmanager.py:40:write_points", "Writing Data to InfluxDB %s", [
                {"measurement": "Radarr", "tags": {"Missing": True, "Missing_Available": False, "tmdbId": 929590,
                                                   "server": 1, "name": "Civil War (2024)", "quality": "Bluray-2160p"},
                 "time": now(stamp), "fields": {"hash": "%032x" % 0x9e2f41}}])
            get("influxdb", 8086, "/write?db=varken", 204, 0, method="POST")
        if cycle == 4:
            # A job thread dies: threading's excepthook prints it.
            def run():
                raise KeyError("stream_count_direct_stream")
            printed(stream, "Exception in thread Thread-%d:" % (412 + cycle))
            uncaught(stream, run)

        # plex_autoscan: a webhook from Sonarr or Radarr, then its scan.
        path, client, event = SHOWS[cycle % len(SHOWS)]
        pin.ident = 139871198680832 - cycle * 8392704
        key = "series" if client == "Sonarr" else "movie"
        data = ({"eventType": event, "series": {"id": 211, "path": os.path.dirname(os.path.dirname(path)),
                                                   "title": path.split("/")[2]},
                 "episodeFile": {"relativePath": path.split("/", 3)[3]}, "isUpgrade": event == "Upgrade"}
                if key == "series" else
                {"eventType": event, "movie": {"id": 88, "folderPath": path, "title": path.split("/")[2]},
                 "movieFile": {"relativePath": path.split("/")[2] + " WEBDL-2160p.mkv"}, "isUpgrade": False})
        a.debug("Client %r request dump:\n%s", "172.18.0.5", json.dumps(data, indent=4, sort_keys=True))
        a.info("Client %r scan request for %s: '%s', event: '%s'", "172.18.0.5", key,
               path if key == "series" else path + "/" + data["movieFile"]["relativePath"], event)
        top, section = path.split("/")[1], 2 if key == "series" else 1
        utils.debug("Mapping server path '%s' to '%s'.", "/%s/" % top, "/data/%s/" % top)
        utils.debug("Checking if root folder path '%s' matches Plex Library root path in the Plex DB.", "/data/" + top)
        utils.debug("Plex Library Section ID '%d' matching root folder '%s' was found in the Plex DB.", section,
                    "/data/" + top)
        a.info("Using Section ID '%d' for '%s'", section, "/data" + path)
        a.info("Added '%s' to Plex Autoscan database.", "/data" + path)
        a.info("Proceeding with scan...")
        pin.ident = 139871181895424 - cycle * 8392704
        plex.info("Scan request from %s for '%s'.", client, "/data" + path)
        plex.info("Sleeping for %d seconds...", 180)
        check = "/mnt/unionfs" + path
        if cycle == 2:
            plex.info("File '%s' did not exist on check %d of %d. Checking again in %s seconds...", check, 1, 6, 60)
            utils.info("Sending Rclone mount dir cache clear request for: '%s'", os.path.dirname(check))
            utils.info("Successfully refreshed Rclone VFS mount's dir cache for '%s'", os.path.dirname(check))
        plex.info("File '%s' exists on check %d of %d.", check, 2 if cycle == 2 else 1, 6)
        utils.debug("Using default priority '0' for path '%s'", os.path.dirname("/data" + path))
        plex.debug("Waiting for turn in the scan request backlog with priority '%d'...", 0)
        plex.info("Scan request is now being processed...")
        if cycle == 3:
            # Plex's database is locked by Plex itself during its own scan.
            try:
                raised("sqlite3", "OperationalError", "database is locked")
            except Exception:
                plex.exception("Unexpected exception occurred while processing: '%s'",
                               os.path.dirname("/data" + path))
            continue
        plex.info("No '%s' processes were found.", "Plex Media Scanner")
        plex.info("Plex is available for media scanning - (Server Account: '%s')", "plex")
        plex.info("Running Plex Media Scanner for: %s", os.path.dirname("/data" + path) if key == "series"
                  else "/data" + path)
        plex.debug("docker exec -u plex -i plex bash -c 'export LD_LIBRARY_PATH=/usr/lib/plexmediaserver/lib;"
                   "/usr/lib/plexmediaserver/Plex\\ Media\\ Scanner --scan --refresh --section %d --directory "
                   "'\"'\"'%s'\"'\"''", section, os.path.dirname("/data" + path))
        plex.info("Finished scan!")
        plex.debug("Removed '%s' from Plex Autoscan database.", "/data" + path)
        plex.info("There are %d queued item(s) remaining.", 0)
        plex.debug("Checking deleted items count in 10 seconds...")
        if event == "Upgrade":
            plex.warning("There were %d deleted files. Skip emptying of trash for Section '%s'.", 1, section)
        else:
            plex.debug("Skipping emptying trash as there were no deleted items.")
    return {"name": "autoscan-varken", "programs": [pa, vk], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A home server's music and video daemons on one EC2 host (journald,
# shipped by the CloudWatch agent): Supysonic's daemon watches the music
# library for its Subsonic clients, and TubeSync (Docker, journald log
# driver) archives the team's conference and vendor YouTube channels.

ALBUMS = ["Boards of Canada/Music Has the Right to Children", "Khruangbin/A La Sala", "Nils Frahm/Day",
          "Floating Points/Cascade", "Jon Hopkins/Ritual"]
CHANNELS = ["AWS Events", "CNCF [Cloud Native Computing Foundation]", "HashiCorp", "USENIX"]
VIDEOS = ["dQ3aBvN9k2E", "x7Lm2Qp0cVw", "Zt8uH4kP1sA", "m3Jd9Rk2LqE", "pV6nB1yT8cU", "hQ2wE5rT7yU"]


def stream_supysonic_tubesync():
    stream = []
    sy = Program("supysonic", "supysonic", logging.Formatter(SUPYSONIC), stream)
    ts = Program("tubesync", "tubesync", logging.Formatter(TUBESYNC), stream)
    server, watcher = lg(sy, "supysonic.daemon.server"), lg(sy, "supysonic.watcher")
    scanner, t = lg(sy, "supysonic.scanner"), lg(ts, "tubesync")

    printed(stream, "Started supysonic-daemon.service - Supysonic background daemon.")
    server.info("Listening to %s", "/tmp/supysonic/supysonic.sock")
    watcher.info("Starting watcher")
    watcher.info("Scheduling watcher for %s", "/srv/music")
    printed(stream, "s6-rc: info: service legacy-services successfully started")
    for line in ("[318] [INFO] Starting gunicorn 23.0.0", "[318] [INFO] Listening at: http://127.0.0.1:8080 (318)",
                 "[321] [INFO] Booting worker with pid: 321"):
        printed(stream, "[%s +0000] %s" % (now("%Y-%m-%d %H:%M:%S"), line))
    t.info("Deleting completed tasks older than 30 days (end_at before %s.412907+00:00)" % "2024-04-11 14:44:45")
    for cycle in range(4):
        name = CHANNELS[cycle]
        t.info(f'Scheduling an indexing task for source "{name}": 5f1c0e2{cycle}-9a7b-4c6d-8e1f-0a2b3c4d5e6f')
        t.info(f"Found {240 + cycle * 57} media items for source: {name}")
        for k, key in enumerate(VIDEOS[cycle:cycle + 3]):
            media = f"{name} / {key}"
            if k == 0:
                t.debug(f"Indexed media: {k + 1:,}/{240 + cycle * 57:,}: {media}")
                continue
            t.info(f"Indexed new media: {media}")
            t.info(f"Scheduling tasks to download thumbnail for: {key}")
            t.info(f"Scheduling task to download metadata for: https://www.youtube.com/watch?v={key}")
            t.info(f"Saved {48213 + k * 1021} bytes of metadata for: {name} / {key}: "
                   f"a1b2c3d{k}-{cycle}e4f-4a5b-9c6d-7e8f9a0b1c2d")
            t.info(f"Resizing 1280x720 thumbnail to 430x240: https://i.ytimg.com/vi/{key}/maxresdefault.jpg")
            t.info(f"Saved thumbnail for: {key} from: https://i.ytimg.com/vi/{key}/maxresdefault.jpg")
        key = VIDEOS[cycle + 1]
        filename = f"{now('%Y-%m-%d')}_{name.split()[0].lower()}_{key}_1080p-vp9-opus.mkv"
        t.info(f'Downloading media: {key} (UUID: a1b2c3d1-{cycle}e4f-4a5b-9c6d-7e8f9a0b1c2d) to: '
               f'"/downloads/video/{name}/{filename}"')
        if cycle == 1:
            t.warning(f'Refreshing formats for "{key}" failed: Sign in to confirm you\u2019re not a bot. '
                      f'This helps protect our community. Learn more')
            t.info(f"waiting for errors: 429 (00:05:00): {name} / {key}")
            continue
        for pct in (25, 50, 75):
            t.info(f"[youtube-dl] downloading: {filename}.part - {pct}% of 412.38MiB at 11.24MiB/s, "
                   f"{(100 - pct) * 37 // 100:02d}:{(100 - pct) * 13 % 60:02d} remaining")
        t.info(f"[youtube-dl] finished downloading: {filename}.part - 412.38MiB in 00:00:37")
        t.info(f"[Merger] started for: {key}")
        t.info(f"[Merger] Files to merge: ['/downloads/video/{name}/{filename}.f248.webm', "
               f"'/downloads/video/{name}/{filename}.f251.webm']")
        if cycle == 2:
            # The postprocessor hook fails updating the media's row.
            try:
                raised("django.db.utils", "OperationalError", "database is locked")
            except Exception as e:
                t.exception(e)
        t.info(f"[Merger] finished for: {key}")
        t.info("Scheduling media server updates")
        t.info("Updating media server: Jellyfin server at jellyfin.media.internal:8096")

        # Supysonic's watcher: the team's Lidarr drops new albums in.
        album = ALBUMS[cycle]
        watcher.info("Scanning: '%s'", f"/srv/music/{album}/01 - Track.flac")
        watcher.info("Potentially adding cover: '%s'", f"/srv/music/{album}/cover.jpg")
        watcher.info("Looking for covers: '%s'", f"/srv/music/{album}")
        if cycle == 3:
            # A half-written file: mediafile can't read it yet.
            try:
                raised("mediafile", "FileTypeError", f"/srv/music/{album}/03 - Track.flac.part: unknown file type")
            except Exception:
                watcher.exception("Error while handling filesystem event")
        if cycle == 1:
            scanner.info("Scanning folder %s", "music")
            watcher.warning("No watcher scheduled for %s", "/srv/music/incoming")
        if cycle == 2:
            server.warning("Received unknown command %r", "ReloadCommand")
    printed(stream, "Stopping supysonic-daemon.service - Supysonic background daemon...")
    watcher.info("Unscheduling watcher for %s", "/srv/music")
    watcher.info("Stopping watcher")
    printed(stream, "supysonic-daemon.service: Deactivated successfully.")
    printed(stream, "[%s +0000] [318] [INFO] Handling signal: term" % now("%Y-%m-%d %H:%M:%S"))
    return {"name": "supysonic-tubesync", "programs": [sy, ts], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_sma_nzbtomedia(), stream_autoscan_varken(), stream_supysonic_tubesync()])


if __name__ == "__main__":
    main()
