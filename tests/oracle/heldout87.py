"""The 87-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout86.py`): six more programs'
own logging set-ups in three streams, chosen from media transcoding,
streaming and library tooling as platform and SRE teams run them in AWS
(a media co-op's Plex host on EC2, where PlexAniSync syncs the members'
watched anime to AniList every hour and Deleterr prunes the Radarr and
Sonarr libraries nightly; a community TV station's playout host on EC2,
where the Python ffplayout engine plays the day's playlist into the
station's RTMP ingest and MediaFlow Proxy re-serves the partner stations'
HLS feeds, transcoding some on the fly, to the station's web player; a
university library's media lab, an ECS Anywhere box beside the seminar
room, where Opencast's pyCA capture agent records the room's lectures and
the Automatic Ripping Machine rips and transcodes the library's DVDs for
its streaming catalogue), each format copied from the file named beside
it (the version read is given), with the formatter class the program
uses, and messages modelled on the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout87

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 6230de7 (session 32's end, no rule
written from this set), with nothing configured: 72.8% exact, 72.8% key
fields (asctime 100.0%, levelname 100.0%, name 72.8%, message 72.8%).

Formatters and filters: five use logging.Formatter itself, with no filter
and no formatTime of their own; PlexAniSync's console handler is
coloredlogs' (15.0.1, pinned in its requirements.txt). PlexAniSync
(the image's PyInstaller binary, runsync.py's loop with INTERVAL 3600)
calls coloredlogs.install(fmt="%(asctime)s %(message)s") on its
"PlexAniSync" logger: off a terminal coloredlogs installs its
BasicFormatter (no colours; a formatTime that only differs from Python's
for "%f") with its default datefmt "%Y-%m-%d %H:%M:%S" on a stderr
handler at INFO, so the lines show the time and the message only, no
level and no name (`BasicFormatter`, the truth's JsonFormatter given the
same formatTime); every module's records go through its
PrefixLoggerAdapter, so they start "[ANILIST] ", "[PLEX] ", "[MAPPING] "
or "[GRAPHQL] ", and a failed cycle's "Sync cycle failed" carries the
chained traceback of the SystemExit that plexmodule's sys.exit(1) raised
while handling the Plex connection error (its own logger.exception first).
The root's basicConfig handler writes a file only. Deleterr's
setup_console_logger gives its "deleterr" logger (propagate False) two
handlers with the same "%(asctime)s - %(levelname)s :: %(filename)s ::
%(name)s : %(message)s" formatter ("%Y-%m-%d %H:%M:%S"): stdout for DEBUG
to INFO (its LogLevelFilter), stderr from WARNING. The image sets no
PYTHONUNBUFFERED, but StreamHandler flushes after every record, so the
INFO lines reach the log as they are logged. %(filename)s names the
calling module (deleterr.py, media_cleaner.py, scheduler.py, config.py, plex.py) except
for log_deletion and log_freed_space, which log from logger.py itself;
its action counter starts at "[0/10]", its run summary prints runs of "="
and "-", and its preview lines pad with two spaces. logger.py's own `logging.basicConfig()` at import leaves the
root a stderr handler with BASIC_FORMAT ("LEVEL:name:message") at
WARNING, where APScheduler's missed-run warning and urllib3's retry
warnings land. The ffplayout engine (python_v4.0.0, its last Python
release, a systemd service) writes its "playout" logger to
/var/log/ffplayout/ffplayout.log (log_to_file, the default; its console
handler is only used without it) with "[%(asctime)s] [%(levelname)s]
%(message)s", two spaces before the message, the default asctime and
its default log_level DEBUG (the decoder's and encoder's ffmpeg command
lines); the station's CloudWatch agent ships that file into the stream
the host's Docker daemon writes the proxy to. Its Messenger folds every
message onto one line (newlines become spaces), and ffmpeg's stderr
lines reach the log through ffmpeg_stderr_reader as "[Decoder] ..." or
"[Encoder] ..." records at ffmpeg's own level. MediaFlow Proxy runs under
gunicorn with uvicorn's worker (the image's CMD): main.py's basicConfig
puts "%(asctime)s - %(name)s - %(levelname)s - %(message)s" (the default
asctime) on the root's stderr handler in every worker; the worker hands
uvicorn's "uvicorn.error" logger gunicorn's error handler ("[time] [pid]
[LEVEL] message", datefmt "[%Y-%m-%d %H:%M:%S %z]", here with the
arbiter's and the workers' own pids) and "uvicorn.access" gunicorn's
access handler, whose "%(message)s" prints uvicorn's request lines bare
(client, quoted request line with the query string, status); --max-
requests recycles the workers (uvicorn's "Maximum request limit"
warning). pyCA's logger_init (`pyca run`: schedule, capture, ingest and
agentstate in forked processes) puts one stderr handler on the root with
its default format "[%(name)s:%(lineno)s:%(funcName)s()] [%(levelname)s]
%(message)s", no time (the modules' __name__s, "pyca.capture" ...); its
register_ca and recording_state log Opencast's plain-text answers as
messages, and a failed recording or upload its traceback. The Automatic
Ripping Machine's UI (arm/ui/__init__.py's dictConfig) gives the root a
StreamHandler on Flask's wsgi_errors_stream (stderr) with logger.py's
short_format, "%(levelname)s: %(message)s" at LOGLEVEL INFO (its
"%(module)s.%(funcName)s:" only at DEBUG); app.logger ("arm.ui") finds
that handler and gets no default one of Flask's, and waitress's records
reach it too.

Print lines: PlexAniSync's runsync.py print()s and Deleterr's (only on a
missing file) would wait in a block-buffered stdout (print() doesn't flush) until the
process exits, and none is modelled; the Docker daemon's own lines are
not in the stream. ffmpeg's banner and stream lines in the media lab (pyCA's
capture command inherits its stderr; -nostats), phusion's my_init lines,
ARM's setup script, udev and armui.sh echo lines, the bare traceback of
the UI's start when its database is locked, and the ffplayout host has
none (its file holds records only).

The messages are modelled on the programs' source, read at the commits
cited: PlexAniSync's PlexAniSync.py, plexanisync/anilist.py,
plexmodule.py, custom_mappings.py, graphql.py and logger_adapter.py and
Docker/PlexAniSync/run/runsync.py and Dockerfile, coloredlogs'
__init__.py (install, BasicFormatter, adjust_level); Deleterr's
app/logger.py, deleterr.py, media_cleaner.py, scheduler.py, config.py,
utils.py and Dockerfile; ffplayout's ffplayout/utils.py (Messenger,
CustomFormatter, ffmpeg_stderr_reader, validate_ffmpeg_libs, src_or_dummy,
gen_filler, check_sync), ffplayout/output/stream.py,
ffplayout/player/playlist.py and ffplayout.yml; MediaFlow Proxy's
mediaflow_proxy/main.py, handlers.py, routes/proxy.py,
utils/hls_prebuffer.py, base_prebuffer.py, http_utils.py,
m3u8_processor.py and redis_utils.py, its Dockerfile and uv.lock
(gunicorn 25.3.0, uvicorn 0.44.0); pyCA's pyca/config.py, capture.py,
schedule.py, ingest.py, agentstate.py, utils.py and db.py (with their line
numbers and functions), __main__.py and init/container; ARM's
arm/ripper/logger.py, arm/ui/__init__.py, arm/runui.py, arm/ui/utils.py,
arm/ui/settings/DriveUtils.py and settings.py, arm/ui/metadata.py,
setup/arm.yaml and scripts/docker/. Modelled rather than read: the values
(titles, ids, sizes, URLs, hosts, addresses, paths, playlist times,
recording ids), the order and number of records, gunicorn's, uvicorn's,
waitress's, APScheduler's and urllib3's message texts, Opencast's answers,
ffmpeg's output, the third-party exception texts, the my_init and
entrypoint lines and the install paths.

Left out: rffmpeg (joshuaboniface/rffmpeg f54ac843 rffmpeg: basicConfig's
"%(asctime)s - %(name)s[%(process)s] - %(levelname)s - %(message)s",
into /var/log/jellyfin/rffmpeg.log by default, its stderr otherwise
Jellyfin's own transcode log; kept for a later set), ffplayout's console
CustomFormatter (ANSI codes in its per-level formats and regex colouring
inside the message, used only without log_to_file), ARM's ripper (its
"ARM" logger's stdout goes through `logger -t ARM -s` and udev's
output to /dev/null in the container; its job logs are files named per
disc), MediaFusion (mhdzumair/MediaFusion 15e76c57: its backend is Rust
now; the Python one's format names a custom %(request_id)s),
whisper-asr-webservice (ahmetoner/whisper-asr-webservice ea12224e: no
logging set-up of its own), TG-FileStreamBot (EverythingSuckz/
TG-FileStreamBot 39f8af8f: Go now), and the programs of these areas in
earlier sets or their Left out paragraphs (heldout79.py's list, and
Dispatcharr, Soularr, MediaCMS, Huntarr, FlareSolverr, Plex-Auto-Languages,
CouchPotato, SickGear, LibreTime, Music Assistant).
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

import gunicorn.glogging  # noqa: E402

# PlexAniSync 1.4.2 (RickDB/PlexAniSync, 0f16f921), PlexAniSync.py:
# coloredlogs.install(fmt=..., logger=logger) on the "PlexAniSync" logger;
# coloredlogs 15.0.1 (xolox/python-coloredlogs, 65bdfe97) __init__.py
# install() picks BasicFormatter off a terminal, DEFAULT_DATE_FORMAT, a
# StandardErrorHandler at DEFAULT_LOG_LEVEL (INFO).
PLEXANISYNC = "%(asctime)s %(message)s"
COLOREDLOGS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Deleterr 0.2.20 (rfsbraz/deleterr, 3cb0dc35), app/logger.py
# setup_console_logger's console_formatter (stdout up to INFO, stderr from
# WARNING); the module's logging.basicConfig() leaves BASIC_FORMAT on the root.
DELETERR = "%(asctime)s - %(levelname)s :: %(filename)s :: %(name)s : %(message)s"
DELETERR_DATEFMT = "%Y-%m-%d %H:%M:%S"
# ffplayout engine python_v4.0.0 (ffplayout/ffplayout, aa1d886a),
# ffplayout/utils.py: p_format on the "playout" logger's
# TimedRotatingFileHandler (log_to_file true in ffplayout.yml).
FFPLAYOUT = "[%(asctime)s] [%(levelname)s]  %(message)s"
# MediaFlow Proxy 2.4.1 (mhdzumair/mediaflow-proxy, 2382ab07),
# mediaflow_proxy/main.py's logging.basicConfig (root, stderr, INFO);
# gunicorn's error and access formats from gunicorn/glogging.py (the same
# in the 25.3.0 the image's uv.lock pins as in the one installed here).
MEDIAFLOW = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
GUNICORN = gunicorn.glogging.Logger.error_fmt
GUNICORN_DATEFMT = gunicorn.glogging.Logger.datefmt
# pyCA 4.5 (opencast/pyCA, 7580f7ce), pyca/config.py __CFG's [logging]
# format default, through logger_init()'s StreamHandler(sys.stderr) on
# the root.
PYCA = "[%(name)s:%(lineno)s:%(funcName)s()] [%(levelname)s] %(message)s"
# Automatic Ripping Machine 2.24.1 (automatic-ripping-machine/
# automatic-ripping-machine, be6fc92e), arm/ripper/logger.py short_format
# at LOGLEVEL INFO, through arm/ui/__init__.py's dictConfig ("wsgi"
# handler, flask.logging.wsgi_errors_stream) with setup/arm.yaml's
# DATE_FORMAT.
ARM = "%(levelname)s: %(message)s"
ARM_DATEFMT = "%m-%d-%Y %H:%M:%S"

DELETERR_APP = "/app/app/"
PYCA_SRC = "/usr/lib/python3.8/site-packages/pyca/"


class ColoredlogsTime:
    """coloredlogs.BasicFormatter.formatTime: "%f" in the datefmt becomes
    the milliseconds, and a missing datefmt coloredlogs' default. Mixed
    into the line's formatter and into the truth's JsonFormatter alike."""

    def formatTime(self, record, datefmt=None):
        datefmt = datefmt or COLOREDLOGS_DATEFMT
        if "%f" in datefmt:
            datefmt = datefmt.replace("%f", "%03d" % record.msecs)
        return logging.Formatter.formatTime(self, record, datefmt)


class BasicFormatter(ColoredlogsTime, logging.Formatter):
    pass


class BasicJson(ColoredlogsTime, JsonFormatter):
    pass


class PrefixLoggerAdapter(logging.LoggerAdapter):
    """plexanisync/logger_adapter.py, as written there."""

    def process(self, msg, kwargs):
        return (f'[{self.extra["prefix"]}] ' + msg, kwargs)


class Pid(logging.Filter):
    """The process that writes a record (gunicorn's arbiter and workers):
    the oracle pins os.getpid(), so the handler stamps `process` itself."""

    def __init__(self):
        super().__init__()
        self.pid = 1

    def filter(self, record):
        record.process = self.pid
        return True


# --------------------------------------------------------------------------
# A media co-op's Plex host on EC2 (Docker's awslogs driver, one stream for
# the host's library managers): PlexAniSync's container syncs the members'
# watched anime from the Plex "Anime" library to the co-op's AniList
# account every hour; Deleterr's container runs its built-in scheduler and
# prunes the watched, old movies and shows through Radarr and Sonarr.

ANIME = [
    # (Plex title, sort title, year, AniList id, seasons [(n, watched, total)], kind)
    ("Frieren: Beyond Journey's End", "Frieren", 2023, 154587, [(1, 28, 28)], "list"),
    ("Spy x Family", "Spy x Family", 2022, 140960, [(1, 25, 25), (2, 9, 12)], "season"),
    ("Mob Psycho 100", "Mob Psycho 100", 2016, 21507, [(1, 12, 12), (2, 13, 13), (3, 6, 12)], "season"),
    ("Vinland Saga", "Vinland Saga", 2019, 101348, [(1, 24, 24), (2, 24, 24)], "mapped"),
    ("Dungeon Meshi", "Delicious in Dungeon", 2024, 153518, [(1, 17, 24)], "list"),
    ("Bocchi the Rock!", "Bocchi the Rock!", 2022, 130003, [(1, 12, 12)], "list"),
    ("Kusuriya no Hitorigoto", "The Apothecary Diaries", 2023, 161645, [(1, 20, 24)], "search"),
    ("Cowboy Bebop", "Cowboy Bebop", 1998, 1, [(1, 26, 26)], "list"),
    ("One Piece", "One Piece", 1999, 21, [(1, 61, 61), (2, 16, 16), (3, 14, 14)], "onepiece"),
    ("Mushishi", "Mushi-Shi", 2005, 457, [(1, 26, 26), (2, 0, 10)], "zero"),
    ("Ōkami to Kōshinryō", "Spice and Wolf: Merchant Meets the Wise Wolf", 2024, 145728, [(1, 5, 25)], "search"),
    ("Pluto", "Pluto", 2023, 99088, [(1, 8, 8)], "failed"),
    ("Made in Abyss", "Made in Abyss", 2017, 97986, [(1, 13, 13), (2, 12, 12)], "season"),
    ("Oshi no Ko", "[Oshi no Ko]", 2023, 150672, [(1, 11, 11)], "list"),
]
MOVIES = [("The Grand Budapest Hotel", 2014, 8.41), ("Prometheus", 2012, 14.87), ("Inception", 2010, 21.3),
          ("Paddington 2", 2017, 6.02), ("The Martian", 2015, 18.6), ("Blade Runner 2049", 2017, 57.93),
          ("Knives Out", 2019, 11.24), ("Mad Max: Fury Road", 2015, 32.11), ("Amélie", 2001, 4.37),
          ("Arrival", 2016, 9.8), ("Dune", 2021, 64.25), ("Tenet", 2020, 44.7), ("Coco", 2017, 7.66),
          ("Soul", 2020, 5.12), ("Parasite", 2019, 12.9), ("Whiplash", 2014, 3.98)]
KIDS = [("Frozen II", 2019, 7.9), ("Moana", 2016, 6.4), ("Cars 3", 2017, 5.8), ("Trolls World Tour", 2020, 4.2),
        ("The Boss Baby", 2017, 3.7), ("Minions: The Rise of Gru", 2022, 6.1)]
SHOWS = [("Ted Lasso", 34, 96.2), ("The Expanse", 62, 310.5), ("Succession", 39, 187.3),
         ("Only Murders in the Building", 30, 71.8), ("Severance", 19, 88.0), ("Slow Horses", 24, 63.4),
         ("Taskmaster", 171, 402.9), ("Bluey", 151, 41.6), ("Reservation Dogs", 28, 54.1)]
GB = 1024 ** 3


def readable(size):
    """Deleterr's format_size (app/logger.py)."""
    if size >= 1024 ** 4:
        return f"{size / (1024 ** 4):.2f} TB"
    if size >= 1024 ** 3:
        return f"{size / (1024 ** 3):.2f} GB"
    if size >= 1024 ** 2:
        return f"{size / (1024 ** 2):.2f} MB"
    if size >= 1024:
        return f"{size / 1024:.2f} KB"
    return f"{size} B"


def freed(size):
    """app/utils.py print_readable_freed_space."""
    units, index = ["B", "KB", "MB", "GB", "TB", "PB", "EB"], 0
    while size >= 1024 and index < len(units) - 1:
        size /= 1024
        index += 1
    return f"{size:.2f} {units[index]}"


def duration(seconds):
    """Deleterr's format_duration."""
    if seconds >= 3600:
        return f"{int(seconds // 3600)}h {int((seconds % 3600) // 60)}m {seconds % 60:.1f}s"
    if seconds >= 60:
        return f"{int(seconds // 60)}m {seconds % 60:.1f}s"
    return f"{seconds:.1f}s"


def stream_plexanisync_deleterr():
    stream = []
    pas = Program("plexanisync", "PlexAniSync", BasicFormatter(PLEXANISYNC, COLOREDLOGS_DATEFMT), stream,
                  truth=BasicJson)
    dout = Program("deleterr-stdout", "deleterr", logging.Formatter(DELETERR, DELETERR_DATEFMT), stream)
    derr = Program("deleterr-stderr", "deleterr", logging.Formatter(DELETERR, DELETERR_DATEFMT), stream)
    droot = Program("deleterr-root", "root", logging.Formatter(logging.BASIC_FORMAT), stream)
    dout.handler.addFilter(lambda r: r.levelno <= logging.INFO)
    derr.handler.setLevel(logging.WARNING)
    dlog = logging.Logger("deleterr", logging.INFO)
    dlog.addHandler(dout.handler)
    dlog.addHandler(derr.handler)
    aps = lg(droot, "apscheduler.executors.default")
    pool = lg(droot, "urllib3.connectionpool")

    plog = lg(pas, "PlexAniSync")
    main = plog
    anilist = PrefixLoggerAdapter(plog, {"prefix": "ANILIST"})
    plex = PrefixLoggerAdapter(plog, {"prefix": "PLEX"})
    mapping = PrefixLoggerAdapter(plog, {"prefix": "MAPPING"})
    graphql = PrefixLoggerAdapter(plog, {"prefix": "GRAPHQL"})

    def d(level, module, msg, *args, func="<module>"):
        at(dlog, level, DELETERR_APP + module, 1, func, msg, *args)

    def di(module, msg, *args):
        d(logging.INFO, module, msg, *args)

    # -- PlexAniSync: one sync cycle -------------------------------------
    def sync_cycle(n, plex_down=False, rate_limit=False):
        main.info("PlexAniSync - version: 1.4.2")
        mapping.info("Custom mapping found locally, using: custom_mappings.yaml")
        mapping.info("Adding remote mapping url: https://raw.githubusercontent.com/RickDB/PlexAniSync-Custom-Mappings/"
                     "main/series-tvdb.en.yaml")
        mapping.info("Adding remote mapping url: https://raw.githubusercontent.com/RickDB/PlexAniSync-Custom-Mappings/"
                     "main/series-tmdb.en.yaml")
        if n % 4 == 1:
            mapping.info("Overwriting previous mapping for vinland saga")
        anilist.info("Retrieving AniList list for user: kitsune_coop")
        anilist.info(f"Found {143 + n} anime series on list")
        if plex_down:
            def authenticate():
                try:
                    def connect():
                        raised("requests.exceptions", "ConnectionError", "HTTPConnectionPool(host='plex', port=32400):"
                               " Max retries exceeded with url: / (Caused by NewConnectionError('<urllib3.connection."
                               "HTTPConnection object at 0x7f3a2c1e8d10>: Failed to establish a new connection: "
                               "[Errno 111] Connection refused'))")
                    connect()
                except Exception:
                    plex.exception("Unable to authenticate to Plex Media Server")
                    sys.exit(1)
            try:
                authenticate()
            except (Exception, SystemExit):
                main.exception("Sync cycle failed")
            return
        plex.info("Retrieving anime series from section: Anime")
        plex.info(f"Found {212 + n // 3} anime series in section: Anime")
        plex.info(f"Found {87 + n // 2} watched series")
        plex.info("Watched series also contained 3 releases with no episode attribute (probably movie / OVA), "
                  "support for this is still experimental")
        anilist.info("Matching Plex series to Anilist")
        for k, (title, sort, year, aid, seasons, kind) in enumerate(ANIME):
            # Each cycle the members have watched a little more.
            seasons = [(s, min(total, w + (n if w < total and w else 0)), total) for s, w, total in seasons]
            anilist.info("--------------------------------------------------")
            if kind == "onepiece":
                total = sum(w for _, w, _ in seasons)
                anilist.info("Custom Mapping of Title found | "
                             f"title: {title} | anilist id: {aid} | "
                             f"total watched episodes: {total} | "
                             f"seasons with the same anilist id: {[s for s, _, _ in seasons]}")
                anilist.info(f"Updating series: {title} | Episodes watched: {total}")
                anilist.info(f"Found AniList entry for Plex title: {title}")
                continue
            for s, watched, total in seasons:
                if watched == 0:
                    anilist.info(f"Series {title} has 0 watched episodes for season {s}, skipping")
                    continue
                if kind == "mapped":
                    anilist.info(f"Used custom mapping | title: {title} | season: {s} | anilist id: {aid + s - 1}")
                    anilist.info(f"Updating series: {title} | Episodes watched: {watched}")
                    anilist.info(f"Found AniList entry for Plex title: {title}")
                    continue
                if s == 1 and kind in ("list", "season"):
                    anilist.info(f"Found AniList entry for Plex title: {title}")
                    if watched < total and (k + n) % 3 == 0:
                        anilist.warning(f"Plex episode watch count [{watched}] was higher than the one on AniList "
                                        f"[{watched - 1}] which has total of {total} episodes | updating AniList "
                                        f"entry to CURRENT")
                    elif watched == total and (k + n) % 5 == 2:
                        anilist.warning(f"Plex episode watch count [{watched}] was higher than the one on AniList "
                                        f"[{watched - 2}] which has total of {total} episodes | updating AniList "
                                        f"entry to COMPLETED")
                    continue
                if s > 1:
                    anilist.info(f"Found match: {sort} Season {s} [{aid + 13 * s}]")
                    anilist.info(f"Updating series: {sort} Season {s} | Episodes watched: {watched}")
                    anilist.info(f"Found AniList entry for Plex title: {title}")
                    if watched < total and n % 2 == 0:
                        anilist.warning(f"Plex episode watch count [{watched}] was higher than the one on AniList "
                                        f"[{watched - 1}] which has total of {total} episodes | updating AniList "
                                        f"entry to CURRENT")
                    continue
                if kind == "search":
                    anilist.warning(f"Plex series was not on your AniList list: {title}")
                    anilist.warning(f"Searching best match using title: {title.lower()}")
                    if n == 0 or k % 2 == 0:
                        anilist.warning(f"Found match: {sort} [{aid}]")
                        anilist.warning(f"Adding new series id to list: {aid} | Plex episodes watched: {watched}")
                    else:
                        anilist.error(f"No match found for title: {title.lower()}")
                        anilist.warning(f"Searching best match using title: {sort.lower()}")
                        anilist.warning(f"Found match: {sort} [{aid}]")
                        anilist.warning(f"Adding new series id to list: {aid} | Plex episodes watched: {watched}")
                    continue
                if kind == "failed":
                    anilist.warning(f"Plex series was not on your AniList list: {title}")
                    anilist.warning(f"Searching best match using title: {title.lower()}")
                    anilist.info(f"Found match however started year is a mismatch: {title} [AL: 2023 <==> Plex: "
                                 f"{year + 1}] ")
                    anilist.error(f"No match found for title: {title.lower()}")
                    anilist.error(f"Failed to find valid match on AniList for: {title}")
                    continue
            if kind == "zero" and n % 3 == 0:
                anilist.error("Series has no total episodes which is normal for shows with undetermined end-date "
                              "otherwise can be invalid info on AniList (NoneType), using Plex watched count as "
                              "fallback")
            if rate_limit and k == 7:
                graphql.warning("Rate limit hit, waiting for 58s")
        main.info("Plex to AniList sync finished")

    # -- Deleterr ----------------------------------------------------------
    def deleterr_start(dry_run, radarr_late=False):
        di("deleterr.py", "Running version v0.2.20")
        di("deleterr.py", "Log level set to INFO")
        if radarr_late:
            for attempt, delay in ((1, 5), (2, 10)):
                d(logging.ERROR, "config.py", "Cannot reach Radarr 'Radarr' at http://radarr:7878: HTTPConnectionPool("
                  "host='radarr', port=7878): Max retries exceeded with url: /api?apiKey=4f1c0d2e9b8a47d6a3e5c7b9d1f2a"
                  "3b4 (Caused by NewConnectionError(\"HTTPConnection(host='radarr', port=7878): Failed to establish "
                  "a new connection: [Errno 111] Connection refused\")). Verify the URL is correct and Radarr is "
                  "running.", func="test_radarr_connection")
                d(logging.WARNING, "config.py", "Transient connection error during validation (attempt %d/%d). "
                  "Retrying in %ds...", attempt, 5, delay, func="validate")
        if dry_run:
            di("config.py", "Running in dry-run mode, no changes will be made.")
        di("deleterr.py", "Starting in scheduler mode")
        di("scheduler.py", "Using schedule preset 'daily' (0 3 * * *)")
        di("scheduler.py", "Deleterr scheduler started")
        di("scheduler.py", "Schedule: daily")
        di("scheduler.py", "Timezone: Europe/Lisbon")
        di("scheduler.py", "run_on_startup enabled, executing initial run...")

    def library_movies(name, items, dry, maximum, run, total):
        di("media_cleaner.py", f"Plex library loaded ({total} items)")
        if name == "Movies":
            di("media_cleaner.py", f"Got {37 + run} mdblist items to exclude")
        unmatched = 0
        if name == "Movies" and run != 1:
            for title, year in (("Les Misérables", 2019), ("Godzilla Minus One", 2023))[: 1 + run % 2]:
                d(logging.WARNING, "media_cleaner.py", f"UNMATCHED: {title} ({year}) not found in Plex. IDs tried: "
                  f"TMDB:{500000 + year}, IMDB:tt{8000000 + year * 3}. Normalized title: '{title.lower()}'")
                unmatched += 1
        saved, preview = 0, []
        for i, (title, year, size) in enumerate(items):
            if i < maximum:
                saved += int(size * GB)
                prefix = "[DRY-RUN] " if dry else ""
                verb = "Would have deleted" if dry else "Deleting"
                d(logging.INFO, "logger.py", f"{prefix}[{i}/{maximum}] {verb} movie '{title}' ({readable(int(size * GB))})",
                  func="log_deletion")
                if not dry and (run + i) % 7 == 3:
                    d(logging.WARNING, "media_cleaner.py", f"Seerr status update failed for '{title}': 404, message="
                      "'Not Found', url='http://seerr:5055/api/v1/media/1187'. The item will still be deleted but "
                      "will remain marked as 'available' in Seerr.", func="_update_seerr_status")
                elif not dry and (run + i) % 3 == 0:
                    di("media_cleaner.py", f"Updated Seerr status for '{title}' (TMDB: {120000 + i * 977})")
            else:
                preview.append((title, size))
                if len(preview) >= maximum:
                    break
        if len(items) < 2 * maximum:
            # process_library_rules' generator ran to its end.
            di("media_cleaner.py", f"Found {total - 24 + run} items, {unmatched} unmatched")
        return saved, preview

    def log_preview(preview, dry, kind):
        if not preview:
            return
        prefix = "[DRY-RUN] " if dry else ""
        word = "Would be deleted" if dry else "Next scheduled deletions"
        size = sum(int(s * GB) for _, s in preview)
        di("deleterr.py", "%s%s (%d items, %s):", prefix, word, len(preview), freed(size))
        for i, (title, s) in enumerate(preview, 1):
            di("deleterr.py", "%s  %d. %s (%s)", prefix, i, title, freed(int(s * GB)))

    def deleterr_run(run, dry):
        start = realworld.CLOCK.t
        di("scheduler.py", "=" * 60)
        di("scheduler.py", f"Scheduled run starting at {now('%Y-%m-%dT%H:%M:%S')}.{(run * 412331) % 1000000:06d}")
        di("scheduler.py", "=" * 60)
        di("deleterr.py", "Processing radarr instance: 'Radarr'")
        freed_movies, found = 0, 0
        for idx, (name, items, maximum, total) in enumerate((("Movies", MOVIES[run:] + MOVIES[:run], 10, 1834),
                                                              ("Kids Movies", KIDS, 3, 212)), 1):
            di("deleterr.py", f"[{idx}/2] Processing library '{name}'")
            saved, preview = library_movies(name, items, dry, maximum, run, total)
            freed_movies += saved
            found += total
            di("deleterr.py", f"Library '{name}' completed in {duration(38.4 + 11 * idx + run * 3.7)}")
            if name == "Movies":
                movie_preview = preview
        prefix = "[DRY-RUN] " if dry else ""
        d(logging.INFO, "logger.py", f"{prefix}{'Would have freed' if dry else 'Freed'} {readable(freed_movies)} of "
          "space by deleting movies", func="log_freed_space")
        log_preview(movie_preview, dry, "movie")
        di("deleterr.py", "Processing sonarr instance: 'Sonarr'")
        di("deleterr.py", "[1/1] Processing library 'TV Shows'")
        di("deleterr.py", "Processing library 'TV Shows' with leaving_soon (death row pattern)")
        if run == 0:
            di("deleterr.py", "No items in leaving_soon (first run or empty death row)")
        else:
            di("deleterr.py", f"Found 4 items in leaving_soon, {4 - run % 2} still match deletion criteria"
               + (" (1 protected by thresholds, exclusions, or watch activity since tagging)" if run % 2 else ""))
        shows_freed = 0
        if run:
            for title, episodes, size in SHOWS[run % 3: run % 3 + 4 - run % 2]:
                shows_freed += int(size * GB)
                d(logging.INFO, "logger.py", f"{prefix}{'Would have deleted' if dry else 'Deleting'} show '{title}' "
                  f"({readable(int(size * GB))} - {episodes} episodes)", func="log_deletion")
                if not dry and title == "Taskmaster":
                    d(logging.ERROR, "media_cleaner.py", f"Cannot delete '{title}': Episode file is in use (being "
                      "played or downloaded). Will retry on next run.", func="delete_series")
                    d(logging.WARNING, "media_cleaner.py", f"Skipping deletion of '{title}' - will be deleted on the "
                      "next run", func="delete_series")
        tag = SHOWS[(run + 4) % len(SHOWS):][:4]
        if dry:
            di("deleterr.py", "[DRY-RUN] %d items would be added to leaving_soon collection/labels:", len(tag))
            for title, _, _ in tag:
                di("deleterr.py", "[DRY-RUN]   - %s (%s)", title, 2014 + len(title) % 9)
        else:
            di("media_cleaner.py", f"Processing leaving_soon for library 'TV Shows': {len(tag)} items to tag")
            di("media_cleaner.py", f"Updated collection 'Leaving Soon' with {len(tag)} items")
            if run == 2:
                d(logging.WARNING, "modules/plex.py", "Could not set summary for collection 'Leaving "
                  "Soon': (400) bad_request; http://plex:32400/library/metadata/48211 <html><head><title>Bad "
                  "Request</title></head><body><h1>400 Bad Request</h1></body></html>. The collection will still "
                  "work but won't show the deletion date.")
            di("media_cleaner.py", f"Updated labels: {len(tag)} items now have 'leaving-soon'")
        d(logging.INFO, "logger.py", f"{prefix}{'Would have freed' if dry else 'Freed'} {readable(shows_freed)} of "
          "space by deleting shows", func="log_freed_space")
        separator = "=" * 60
        di("deleterr.py", separator)
        di("deleterr.py", "RUN SUMMARY")
        di("deleterr.py", separator)
        if dry:
            di("deleterr.py", "[DRY-RUN MODE] No changes were made")
        di("deleterr.py", f"Duration: {duration(131.2 + run * 17.35 + (realworld.CLOCK.t - start))}")
        di("deleterr.py", "Libraries processed: 3")
        di("deleterr.py", f"Total items found: {found + 398} ({1 + run % 2 if run != 1 else 0} unmatched)")
        di("deleterr.py", f"Total items deleted: {0 if dry else 13 + (4 - run % 2 if run else 0)}")
        if dry:
            di("deleterr.py", f"Total items previewed: {len(movie_preview) + len(tag)}")
        if not dry and freed_movies + shows_freed:
            di("deleterr.py", f"Total space freed: {readable(freed_movies + shows_freed)}")
        di("deleterr.py", "-" * 40)
        di("deleterr.py", "Per-Library Statistics:")
        for name, kind, n_found, n_deleted in (("Movies", "radarr", 1834, 10), ("Kids Movies", "radarr", 212, 3),
                                               ("TV Shows", "sonarr", 398, 4 - run % 2 if run else 0)):
            di("deleterr.py", f"  {name} ({kind.title()}): {n_found} found, {0 if dry else n_deleted} deleted"
               + (", 2 unmatched" if name == "Movies" and run != 1 else ""))
        di("deleterr.py", separator)
        if dry:
            di("scheduler.py", "[DRY-RUN] Scheduled run completed successfully (no changes were made)")
        else:
            di("scheduler.py", "Scheduled run completed successfully")

    # The host boots: Deleterr's container starts before Radarr answers.
    deleterr_start(dry_run=True, radarr_late=True)
    sync_cycle(0)
    deleterr_run(0, dry=True)
    sync_cycle(1, rate_limit=True)
    # The co-op turns dry_run off and restarts Deleterr.
    di("scheduler.py", "Received shutdown signal, stopping scheduler...")
    deleterr_start(dry_run=False)
    deleterr_run(1, dry=False)
    for n in range(2, 12):
        sync_cycle(n, plex_down=(n == 5), rate_limit=(n == 9))
        if n == 4:
            # The nightly run, late: the host was busy with the EBS snapshot.
            aps.warning('Run time of job "%s" was missed by %s', "Deleterr Media Cleanup (trigger: cron[month='*', "
                        "day='*', day_of_week='*', hour='3', minute='0'], next run at: 2024-05-12 03:00:00 WEST)",
                        "0:00:04.213077")
        if n in (6, 10):
            if n == 10:
                pool.warning("Retrying (%r) after connection broken by '%r': %s", realworld.Shown(
                    "Retry(total=2, connect=None, read=None, redirect=None, status=None)"), realworld.Shown(
                    "ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without "
                    "response'))"), "/api/v2?apikey=9d3c1f0a7b2e4c58&cmd=get_history&section_id=2&length=10000")
            deleterr_run(n // 3, dry=False)
    # A host update stops the containers.
    di("scheduler.py", "Received shutdown signal, stopping scheduler...")
    return {"name": "plexanisync-deleterr", "programs": [pas, dout, droot], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A community TV station's playout host on EC2: the ffplayout engine
# (systemd) plays the day's JSON playlist into the station's RTMP ingest;
# its log file goes to the stream through the CloudWatch agent, beside
# MediaFlow Proxy's container (the awslogs driver, the same stream), which
# re-serves the partner stations' HLS feeds to the station's web player.

CLIPS = [("/tv/media/news/2024-05-11_regional_news.mp4", 1502.4), ("/tv/media/promo/summer_fest_trailer.mp4", 31.2),
         ("/tv/media/docs/harbour_stories_ep04.mkv", 1744.08), ("/tv/media/ads/bakery_lindqvist_30s.mp4", 30.0),
         ("/tv/media/music/live_at_the_pier_session_12.mp4", 2231.52), ("/tv/media/kids/clay_town_s02e07.mp4", 684.0),
         ("/tv/media/ads/ferry_timetable_20s.mp4", 20.04), ("/tv/media/docs/Bürgerhaus – 50 Jahre.mkv", 2890.1),
         ("/tv/media/sport/handball_hsv_vs_kiel_highlights.mp4", 912.6), ("/tv/media/weather/weekend_outlook.mp4",
                                                                          184.32)]
PARTNERS = [("https://live.radiobremen-partner.example/hls/ch1/index.m3u8", "ch1"),
            ("https://cdn.okkiel.example/live/okkiel_720p/playlist.m3u8", "okkiel"),
            ("https://stream.tv-flensburg.example/hls/main.m3u8", "flensburg")]
VIEWERS = ["10.40.2.17", "10.40.2.33", "172.31.9.14", "10.40.5.201"]
PRE = ("-pix_fmt yuv420p -r 25 -c:v mpeg2video -intra -b:v 50000k -minrate 50000k -maxrate 50000k -bufsize 25000k "
       "-c:a s302m -strict -2 -ar 48000 -ac 2 -f mpegts -")
OUT = ("-c:v libx264 -crf 23 -x264-params keyint=50:min-keyint=25:scenecut=-1 -maxrate 1300k -bufsize 2600k -preset "
       "faster -tune zerolatency -profile:v Main -level 3.1 -c:a aac -ar 44100 -b:a 128k -flags +global_header -f flv "
       "rtmp://ingest.okstation.example/live/main")


def stream_ffplayout_mediaflow():
    stream = []
    ffp = Program("ffplayout", "playout", logging.Formatter(FFPLAYOUT), stream)
    mfp = Program("mediaflow-proxy", "root", logging.Formatter(MEDIAFLOW), stream)
    gerr = Program("gunicorn.error", "gunicorn.error", logging.Formatter(GUNICORN, GUNICORN_DATEFMT), stream)
    gacc = Program("gunicorn.access", "uvicorn.access", logging.Formatter("%(message)s"), stream)
    pid = Pid()
    gerr.handler.addFilter(pid)
    play = lg(ffp, "playout")
    arbiter = lg(gerr, "gunicorn.error")
    uverr = lg(gerr, "uvicorn.error")
    access = lg(gacc, "uvicorn.access")
    m_main = lg(mfp, "mediaflow_proxy.main")
    m_redis = lg(mfp, "mediaflow_proxy.utils.redis_utils")
    m_proxy = lg(mfp, "mediaflow_proxy.routes.proxy")
    m_handlers = lg(mfp, "mediaflow_proxy.handlers")
    m_m3u8 = lg(mfp, "mediaflow_proxy.utils.m3u8_processor")
    m_hls = lg(mfp, "mediaflow_proxy.utils.hls_prebuffer")
    m_base = lg(mfp, "mediaflow_proxy.utils.base_prebuffer")
    m_http = lg(mfp, "mediaflow_proxy.utils.http_utils")
    m_tc = lg(mfp, "mediaflow_proxy.remuxer.transcode_handler")
    workers = [7, 8, 9, 10]
    served = {w: 0 for w in workers}
    limits = {7: 612, 8: 547, 9: 689, 10: 574}
    key = "api_password=okstation-2f9c"

    def g(log, level, msg, *args, who=1):
        pid.pid = who
        log.log(level, msg, *args)

    def boot(w):
        g(arbiter, logging.INFO, "Booting worker with pid: %s", w, who=1)
        g(uverr, logging.INFO, "Started server process [%d]", w, who=w)
        g(uverr, logging.INFO, "Waiting for application startup.", who=w)
        m_redis.info("Redis is available: redis://redis:6379/0")
        g(uverr, logging.INFO, "Application startup complete.", who=w)

    def hit(w, client, method, path, status):
        access.info('%s - "%s %s HTTP/%s" %d', "%s:%d" % (client, 40000 + len(stream) % 25000), method, path, "1.1",
                    status)
        served[w] += 1
        if served[w] >= limits[w]:
            recycle(w)

    def recycle(w):
        g(uverr, logging.WARNING, "Maximum request limit of %d exceeded. Terminating process.", limits[w], who=w)
        g(uverr, logging.INFO, "Shutting down", who=w)
        g(uverr, logging.INFO, "Waiting for application shutdown.", who=w)
        m_main.info("Shutting down...")
        m_main.info("Redis connections closed")
        g(uverr, logging.INFO, "Application shutdown complete.", who=w)
        g(uverr, logging.INFO, "Finished server process [%d]", w, who=w)
        g(arbiter, logging.INFO, "Worker exiting (pid: %s)", w, who=w)
        new = max(workers) + 1 + len(stream) % 3
        workers[workers.index(w)] = new
        served[new], limits[new] = 0, 520 + (new * 37) % 180
        boot(new)

    def seg_url(src, n):
        host = src.rsplit("/", 1)[0]
        return f"{host}/seg_{n:06d}.ts"

    def quoted(url):
        return url.replace(":", "%3A").replace("/", "%2F")

    # ffplayout: start-up.
    play.warning("ffmpeg contains no libfdk-aac! No high quality aac...")
    play.warning("ffmpeg contains no zmq filter!  Text messages will not work...")
    enc = ("ffmpeg -v level+error -hide_banner -nostats -re -thread_queue_size 160 -i pipe:0 " + OUT)
    play.debug(f'Encoder CMD: "{enc}"')
    day = "/playlists/2024/05/2024-05-11.json"
    play.info(f"Open: {day}")

    # MediaFlow Proxy's container.
    g(arbiter, logging.INFO, "Starting gunicorn %s", "25.3.0")
    g(arbiter, logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:8888", 1)
    g(arbiter, logging.INFO, "Using worker: %s", "uvicorn.workers.UvicornWorker")
    for w in list(workers):
        boot(w)

    clip = 0
    seg = {src: 18231 + 97 * k for k, (src, _) in enumerate(PARTNERS)}
    for n in range(50):
        # ffplayout plays the next clip.
        src, length = CLIPS[clip % len(CLIPS)]
        clip += 1
        play.debug(f"delta: {0.0012 * n - 0.04:f}")
        play.debug(f"total_delta: {86400 - 1712.5 * n - 12.25:f}")
        if n == 9:
            play.debug(f'fix duration for: "{src}" at "{7 + n // 4:02d}:{(n * 7) % 60:02d}:{(n * 13) % 60:02d}.120"')
        if n == 21:
            play.error(f"File not exist: {src}")
            play.info("Loop \"/tv/media/filler/okstation_loop.mp4\" 12 times, total duration: %.2f" % length)
            src = "/tv/media/filler/okstation_loop.mp4"
        play.info(f"Play: {src}")
        cmd = (f"ffmpeg -v level+error -hide_banner -nostats -i {src} -t {length} -filter_complex "
               f"[0:v]scale=1024:576,setdar=dar=1.778[v];[1:v]format=rgba,colorchannelmixer=aa=0.7[l];"
               f"[v][l]overlay=W-w-12:12,fade=in:st=0:d=0.5[vout1];[0:a]anull[aout1] -map [vout1] -map [aout1] " + PRE)
        play.debug(f'Decoder CMD: "{cmd}"')
        if n in (5, 33):
            play.error(f"[Decoder] [h264 @ 0x55d3a81c{n:02d}40] error while decoding MB {n + 40} {n % 30}, "
                       f"bytestream -{5 + n % 4}")
            play.error(f"[Decoder] [h264 @ 0x55d3a81c{n:02d}40] concealing {1210 + n} DC, {1210 + n} AC, "
                       f"{1210 + n} MV errors in P frame")
        if n == 17:
            play.warning("Clip length is not in time, new duration is: 21.36")
        if n == 40:
            play.error("[Encoder] [flv @ 0x5599e1f4c2c0] Failed to update header with correct duration.")
            play.error("[Encoder] [flv @ 0x5599e1f4c2c0] Failed to update header with correct filesize.")
            play.error("[Encoder] rtmp://ingest.okstation.example/live/main: Broken pipe")
            play.error("Broken Pipe!")
            play.debug(f'Encoder CMD: "{enc}"')
            play.info(f"Play: {src}")
        if n == 46:
            play.error("Sync tolerance value exceeded with 12.41 seconds, program terminated!")
            play.debug("Terminate on node: {'begin': 64231.4, 'in': 0, 'out': %s, 'duration': %s, 'source': '%s', "
                       "'seek': 0, 'last': False}" % (length, length, src))
            # systemd restarts the unit.
            play.warning("ffmpeg contains no libfdk-aac! No high quality aac...")
            play.warning("ffmpeg contains no zmq filter!  Text messages will not work...")
            play.debug(f'Encoder CMD: "{enc}"')
            play.info(f"Open: {day}")
            play.debug("List init")
            play.info(f"Play: {src}")
        if n == 49:
            play.warning("Last clip less then 1 second long, skip: /tv/media/weather/weekend_outlook.mp4")
            play.error("Playlist from 2024-05-11 is not long enough! Total play time is: 23:59:31.720, target "
                       "length is: 24:00:00.000")
            play.info("Generate filler")
            play.info("Open: /playlists/2024/05/2024-05-12.json")

        # The web player's viewers watch the partner feeds through the proxy.
        for v in range(2 + n % 3):
            w = workers[(n + v) % len(workers)]
            viewer = VIEWERS[(n + v) % len(VIEWERS)]
            purl, ch = PARTNERS[(n // 5 + v) % len(PARTNERS)]
            if v == 0 and n % 6 == 0:
                hit(w, viewer, "GET", f"/proxy/hls/manifest.m3u8?d={quoted(purl)}&{key}", 200)
                m_m3u8.info(f"[M3U8Processor] Registering playlist (6 segments): {purl}")
                if n % 12 == 0:
                    m_hls.info(f"[register_playlist] Created new prefetcher (6 segments, prefetch_limit=5): {purl}")
                    m_hls.info(f"[PlaylistPrefetcher] Started (waiting for activation): {purl}")
                else:
                    m_hls.info(f"[register_playlist] Updated existing prefetcher: {purl}")
            seg[purl] += 1
            s = seg_url(purl, seg[purl])
            m_proxy.info(f"[hls_segment_proxy] Request for: {s}")
            if (n + v) % 3:
                m_base.info(f"[get_or_download] CACHE HIT ({1128000 + (n * 7919 + v) % 400000} bytes): {s}")
                m_proxy.info(f"[hls_segment_proxy] Serving from prebuffer ({1128000 + (n * 7919 + v) % 400000} "
                             f"bytes): {s}")
            else:
                m_base.info(f"[get_or_download] CACHE MISS: {s}")
                m_base.info(f"[get_or_download] Downloading: {s}")
                m_base.info(f"[_download_and_cache] Downloaded {1093112 + (n * 104729) % 500000} bytes, caching: {s}")
            hit(w, viewer, "GET", f"/proxy/hls/segment.ts?d={quoted(s)}&{key}", 200)
            if v == 1 and n % 4 == 1:
                m_hls.info(f"[PlaylistPrefetcher] Prefetching [{seg[purl] % 1000}] (player at {seg[purl] % 1000 - 1}, "
                           f"limit 5): {seg_url(purl, seg[purl] + 1)}")
        if n % 8 == 3:
            # A member of staff opens an archived programme, transcoded on the fly (HEVC source).
            w = workers[n % len(workers)]
            src = "https://archive.okstation.example/vod/Heimatabend%20-%20Folge%20" + str(12 + n // 8) + ".mkv"
            m_proxy.info(f"[proxy_stream] Request received - filename: None, range: not set, method: GET, "
                         f"transcode: True")
            m_tc.info("[transcode_handler] Format detection: hint=%r, magic_mkv=%s, magic_mp4=%s, order=%s", "mkv",
                      True, False, realworld.Shown("['mkv', 'mp4']"))
            m_tc.info("[transcode_handler] MKV Cues: duration=%.1fs, %d cue points, audio=%s @%dkbps, video=%s, "
                      "estimated_fmp4=%s", 2714.6 + n, 544 + n, "eac3", 640, "hevc", 1612044288 + n * 4096)
            m_tc.info("[transcode_handler] Starting %s pipeline (offset=%d, limit=%s, seek_header=%d, "
                      "video_reencode=%s, mp4=%s)", "mkv", 0, 1894211553 + n, 0, True, False)
            hit(w, "10.40.1.8", "GET", f"/proxy/stream?d={quoted(src)}&transcode=true&{key}", 200)
            if n == 27:
                m_http.warning(f"ServerDisconnectedError while streaming after {48213004} bytes: Server "
                               "disconnected")
                m_http.info(f"Attempting reconnection (retry 1/3) from byte {48213004}")
                m_http.info(f"Successfully reconnected at byte {48213004}")
            m_http.info("Client disconnected during streaming")
        if n in (14, 47):
            purl = PARTNERS[1][0]
            w = workers[1]
            hit(w, VIEWERS[2], "GET", f"/proxy/hls/manifest.m3u8?d={quoted(purl)}&{key}", 503)
            m_http.error(f"HTTP error 503 while downloading {purl}")
            m_handlers.warning(f"Download error: HTTP error 503 while downloading {purl}")
        if n == 29:
            purl = PARTNERS[2][0]
            m_m3u8.error(f"Upstream returned HTML instead of m3u8 playlist: {purl.rsplit('/', 1)[0]}/")
            m_handlers.warning("Upstream returned HTML: stream may be offline or unavailable")
            hit(workers[2], VIEWERS[0], "GET", f"/proxy/hls/manifest.m3u8?d={quoted(purl)}&{key}", 502)
        if n == 38:
            w = workers[3]

            def stream_segment():
                def get_or_download():
                    raised("builtins", "KeyError", "'content-length'")
                get_or_download()
            try:
                stream_segment()
            except Exception as e:
                m_handlers.exception(f"Unexpected error: {e}")
            hit(w, VIEWERS[3], "GET", f"/proxy/hls/segment.ts?d={quoted(seg_url(PARTNERS[0][0], 20011))}&{key}", 502)
        if n % 10 == 9:
            stats = {"cache_hits": 40 + n * 3, "cache_misses": 18 + n, "hit_rate": f"{(40 + n * 3) / (58 + n * 4) * 100:.1f}%",
                     "segments_prebuffered": 31 + n, "bytes_prebuffered_mb": f"{(31 + n) * 1.21:.2f}",
                     "prefetch_triggered": 12 + n // 2, "downloads_coordinated": n // 5, "uptime_seconds": 60 * (n + 1),
                     "active_prefetchers": 1 + n % 3}
            m_hls.info(f"HLS Prebuffer Stats: {stats}")
        if n % 16 == 15:
            purl = PARTNERS[n % 3][0]
            m_hls.info(f"[cleanup] Removing inactive prefetcher (74s): {purl}")
            m_hls.info(f"[PlaylistPrefetcher] Loop cancelled: {purl}")
            m_hls.info(f"[PlaylistPrefetcher] Stopped for: {purl}")
            m_hls.info("[cleanup] Removed 1 inactive prefetchers")
        if n == 44:
            w = workers[0]
            hit(w, "198.51.100.23", "GET", "/proxy/hls/manifest.m3u8?d=https%3A%2F%2Fexample.com%2Fx.m3u8", 403)
            hit(w, "198.51.100.23", "GET", "/proxy/ip?api_password=admin", 403)
    return {"name": "ffplayout-mediaflow", "programs": [ffp, mfp, gerr, gacc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A university library's media lab on ECS Anywhere (the awslogs driver,
# one stream for the box's task): pyCA (`pyca run`) records the seminar
# room's lectures for Opencast and uploads them; the Automatic Ripping
# Machine's container rips and transcodes the library's DVDs, its web UI
# on port 8080.

LECTURES = [("Einführung in die Medienwissenschaft", "MEW-101"), ("Digital Humanities Lab", "DH-210"),
            ("Archive, Bibliothek, Netz", "BIB-330"), ("Filmgeschichte II: 1945–1990", "FIL-202"),
            ("Research Data Management", "RDM-120")]
OPENCAST = "https://opencast.uni-example.de"
AGENT = "pyca@medialab-sr2"
DISCS = [("THE_THIRD_MAN", "The Third Man (1949)"), ("METROPOLIS_RESTORED", "Metropolis (1927)"),
         ("SANS_SOLEIL", "Sans Soleil (1983)"), ("WINGS_OF_DESIRE", "Der Himmel über Berlin (1987)")]


def stream_pyca_arm():
    stream = []
    pc = Program("pyca", "pyca", logging.Formatter(PYCA), stream)
    arm = Program("arm-ui", "root", logging.Formatter(ARM, ARM_DATEFMT), stream)
    cfg = lg(pc, "pyca.config")
    capture = lg(pc, "pyca.capture")
    schedule = lg(pc, "pyca.schedule")
    ingest = lg(pc, "pyca.ingest")
    utils = lg(pc, "pyca.utils")
    aui = lg(arm, "arm.ui")
    aroot = lg(arm, "root")
    waitress = lg(arm, "waitress")
    wqueue = lg(arm, "waitress.queue")

    def p(log, level, module, line, func, msg, *args, exc=None):
        at(log, level, PYCA_SRC + module, line, func, msg, *args, exc=exc)

    def ffmpeg_banner(out, duration_s):
        for line in ["ffmpeg version 6.0-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2023 the "
                     "FFmpeg developers",
                     "  built with gcc 8 (Debian 8.3.0-6)",
                     "  configuration: --enable-gpl --enable-version3 --enable-static --disable-debug --disable-ffplay "
                     "--disable-indev=sndio --disable-outdev=sndio --cc=gcc --enable-fontconfig --enable-frei0r "
                     "--enable-gnutls --enable-gmp --enable-libgme --enable-gray --enable-libaom --enable-libfribidi "
                     "--enable-libass --enable-libvmaf --enable-libfreetype --enable-libmp3lame --enable-libopus "
                     "--enable-libtheora --enable-libvorbis --enable-libvpx --enable-libx264 --enable-libx265",
                     "  libavutil      58.  2.100 / 58.  2.100",
                     "  libavcodec     60.  3.100 / 60.  3.100",
                     "  libavformat    60.  3.100 / 60.  3.100",
                     "Input #0, video4linux2,v4l2, from '/dev/video0':",
                     "  Duration: N/A, start: 48213.402117, bitrate: N/A",
                     "  Stream #0:0: Video: mjpeg (Baseline), yuvj422p(pc, bt470bg/unknown/unknown), 1920x1080, "
                     "30 fps, 30 tbr, 1000k tbn",
                     "Guessed Channel Layout for Input Stream #1.0 : stereo",
                     "Input #1, alsa, from 'hw:1,0':",
                     "  Duration: N/A, start: 1715438684.118290, bitrate: 1536 kb/s",
                     "  Stream #1:0: Audio: pcm_s16le, 48000 Hz, 2 channels, s16, 1536 kb/s",
                     "Stream mapping:",
                     "  Stream #0:0 -> #0:0 (mjpeg (native) -> h264 (libx264))",
                     "  Stream #1:0 -> #0:1 (pcm_s16le (native) -> aac (native))",
                     "[libx264 @ 0x6f1e2c0] using cpu capabilities: MMX2 SSE2Fast SSSE3 SSE4.2 AVX FMA3 BMI2 AVX2",
                     "[libx264 @ 0x6f1e2c0] profile High, level 4.0, 4:2:0, 8-bit",
                     f"Output #0, mp4, to '{out}':",
                     "  Metadata:",
                     "    encoder         : Lavf60.3.100",
                     "  Stream #0:0: Video: h264 (avc1 / 0x31637661), yuv420p(tv, bt470bg/unknown/unknown, "
                     "progressive), 1920x1080, q=2-31, 30 fps, 15360 tbn",
                     "  Stream #0:1: Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 128 kb/s"]:
            printed(stream, line)

    def ffmpeg_end(duration_s):
        kb = duration_s * 412
        printed(stream, f"video:{kb}kB audio:{duration_s * 16}kB subtitle:0kB other streams:0kB global headers:0kB "
                        f"muxing overhead: 0.0{duration_s % 97 + 10}%")
        printed(stream, f"[aac @ 0x6f2a480] Qavg: {612.4 + duration_s % 50:.3f}")

    def pyca_start():
        p(cfg, logging.INFO, "config.py", 180, "logger_init", "Log level set to %s", "info")
        p(cfg, logging.INFO, "config.py", 123, "update_configuration", "Configuration loaded from %s",
          "/etc/pyca/pyca.conf")
        for svc in ("scheduler", "capture.admin"):
            p(utils, logging.INFO, "utils.py", 105, "get_service", "Endpoint for %s: %s", "org.opencastproject." + svc,
              f"{OPENCAST}/" + ("recordings" if svc == "scheduler" else "capture-admin"))

    def agent_state(status):
        p(utils, logging.INFO, "utils.py", 180, "register_ca", f"{AGENT} set to {status}")

    def rec_state(uid, status):
        p(utils, logging.INFO, "utils.py", 201, "recording_state", f"{uid} set to {status}")

    def next_recording(ts):
        p(schedule, logging.INFO, "schedule.py", 113, "control_loop", "Next scheduled recording: %s",
          realworld.Shown(ts))

    def record(k, fail=None, upload_fail=False):
        title, course = LECTURES[k % len(LECTURES)]
        uid = "%08x-%04x-4%03x-8%03x-%012x" % (0x6e1f0000 + k * 7211, k * 37 % 65536, k * 11 % 4096, k * 5 % 4096,
                                               0x2a9c3e000000 + k * 104729)
        start = 1715438684 + k * 5400
        name = f"recording-{start}-{uid}"
        directory = f"./recordings/{name}"
        out = f"{directory}/{name}.mp4"
        p(capture, logging.INFO, "capture.py", 46, "start_capture", "Start recording")
        rec_state(uid, "capturing")
        if k == 3:
            p(capture, logging.WARNING, "capture.py", 135, "recording_command", "Moved file %s to %s to keep it", out,
              out + "-part-0")
        cmd = (f"ffmpeg -nostats -f v4l2 -input_format mjpeg -video_size 1920x1080 -framerate 30 -i /dev/video0 "
               f"-f alsa -ac 2 -i hw:1,0 -t {5400 - k % 3 * 60} -c:v libx264 -preset veryfast -crf 23 -c:a aac "
               f"-b:a 128k {out}")
        p(capture, logging.INFO, "capture.py", 146, "recording_command", cmd)
        ffmpeg_banner(out, 5400)
        for minute in range(6 + k % 3):
            agent_state("capturing")
            if minute == 2:
                next_recording(now("%Y-%m-%d %H:%M:%S"))
        if fail:
            printed(stream, "[video4linux2,v4l2 @ 0x6f0a1c0] ioctl(VIDIOC_DQBUF): No such device")
            printed(stream, "/dev/video0: No such device")

            def safe_start():
                def start_capture():
                    def recording_command():
                        raise RuntimeError("Recording failed (%i)" % 251)
                    recording_command()
                start_capture()
            try:
                safe_start()
            except Exception:
                p(capture, logging.ERROR, "capture.py", 97, "safe_start_capture", "Recording failed", exc=True)
            rec_state(uid, "capture_error")
            agent_state("idle")
            return
        if k == 2:
            p(capture, logging.INFO, "capture.py", 163, "recording_command", "Terminating capture process")
            printed(stream, "Exiting normally, received signal 15.")
        ffmpeg_end(5400 - k % 3 * 60)
        p(capture, logging.INFO, "capture.py", 82, "start_capture", "Set %s to %s", uid, "finished recording")
        rec_state(uid, "capture_finished")
        p(capture, logging.INFO, "capture.py", 87, "start_capture", "Finished recording")
        delay = 10 + k * 7 % 50
        p(ingest, logging.INFO, "ingest.py", 153, "control_loop", "Delaying ingest for %s seconds", delay)
        rec_state(uid, "uploading")
        agent_state("uploading")
        node = "https://opencast-ingest%d.uni-example.de" % (1 + k % 2)
        p(utils, logging.INFO, "utils.py", 105, "get_service", "Endpoint for %s: %s", "org.opencastproject.ingest",
          f"{node}/ingest")
        p(ingest, logging.INFO, "ingest.py", 58, "ingest", "Selecting ingest service to use: " + f"{node}/ingest")
        p(ingest, logging.INFO, "ingest.py", 61, "ingest", "Creating new mediapackage")
        p(ingest, logging.INFO, "ingest.py", 85, "ingest", "Not uploading %s", "episode.xml")
        p(ingest, logging.INFO, "ingest.py", 85, "ingest", "Not uploading %s", "series.xml")
        p(ingest, logging.INFO, "ingest.py", 90, "ingest", "Adding track (%s -> %s)", "presenter/source", out)
        if upload_fail:
            def safe_ingest():
                def do_ingest():
                    def http_request():
                        raised("pycurl", "error", "(28, 'Operation timed out after 300000 milliseconds with "
                                                  "2147155968 out of 3826114560 bytes received')")
                    http_request()
                do_ingest()
            try:
                safe_ingest()
            except Exception:
                p(ingest, logging.ERROR, "ingest.py", 128, "safe_start_ingest", "Something went wrong during the "
                  "upload", exc=True)
            rec_state(uid, "upload_error")
            return
        p(ingest, logging.INFO, "ingest.py", 98, "ingest", "Ingest recording")
        rec_state(uid, "upload_finished")
        p(ingest, logging.INFO, "ingest.py", 113, "ingest", "Removing uploaded event directory %s", directory)
        p(ingest, logging.INFO, "ingest.py", 118, "ingest", "Finished ingest")
        agent_state("idle")

    # -- ARM's container ---------------------------------------------------
    def arm_start(locked=False):
        for line in ["*** Running /etc/my_init.d/arm_user_files_setup.sh...",
                     "[OK]: ARM UID and GID set correctly, ARM has access to '/home/arm' using 1000:1000",
                     "[OK]: ARM UID and GID set correctly, ARM has access to '/home/arm/media' using 1000:1000",
                     "Adding arm user to 'render' group",
                     "Removing any link between music and Music",
                     "Checking location of abcde configuration files",
                     "Setting ARM Timezone info: Europe/Berlin",
                     "*** Running /etc/my_init.d/start_udev.sh...",
                     "Trying to start udev",
                     "udev Started successfully",
                     "*** Booting runit daemon...",
                     "*** Runit started as PID 41",
                     "Starting web ui"]:
            printed(stream, line)
        aui.info("Starting ARM-UI on interface address - %s:%s", "172.17.0.3", 8080)
        if locked:
            def run():
                def startup():
                    def arm_db_check():
                        raised("sqlite3", "OperationalError", "database is locked")
                    arm_db_check()
                startup()
            uncaught(stream, run)
            printed(stream, "Starting web ui")
            aui.info("Starting ARM-UI on interface address - %s:%s", "172.17.0.3", 8080)
        aui.info("Database is up to date")
        aui.info("Updating Optical Drives")
        aroot.info("Optical drive detected: %s", "/dev/sr0")
        aroot.info("Optical drive detected: %s", "/dev/sr1")
        aui.warning("Drive '%s' on '%s' is not available.", "HL-DT-ST_DVDRAM_GP57EB40_KZPH8AB3214", "/dev/sr2")
        aui.info("%d drives are unavailable.", 1)
        waitress.info("Serving on http://172.17.0.3:8080")

    def arm_settings_visit(hw=True):
        aroot.info(f"A job is currently running on drive '{DISCS[0][0]}'")
        if hw:
            aui.info("Intel QuickSync supported!")
            aui.info("Handbrake call successful")
        aui.info("Updated CPU Details with new info - medialab-nuc - 12th Gen Intel(R) Core(TM) i5-1240P - 15.3 GB")

    # The box boots: pyCA's task and ARM's container.
    pyca_start()
    next_recording("2024-05-11 16:15:00")
    arm_start()
    for k in range(14):
        # Between lectures: the agent state every minute, the schedule's.
        for m in range(8 + k % 5):
            agent_state("idle")
            if m % 3 == 0:
                next_recording(now("%Y-%m-%d ") + "%02d:%02d:00" % (8 + (k * 2 + m) % 10, (k * 15) % 60))
        if k == 4:
            p(schedule, logging.ERROR, "schedule.py", 75, "get_schedule", "Could not get schedule: %s",
              realworld.Shown("(7, 'Failed to connect to opencast.uni-example.de port 443 after 2 ms: Couldn't "
                              "connect to server')"))
            p(utils, logging.WARNING, "utils.py", 182, "register_ca", "Could not set agent state to %s: %s", "idle",
              realworld.Shown("(7, 'Failed to connect to opencast.uni-example.de port 443 after 1 ms: Couldn't "
                              "connect to server')"))
            p(schedule, logging.INFO, "schedule.py", 113, "control_loop", "Next scheduled recording: %s",
              realworld.Shown(now("%Y-%m-%d ") + "16:15:00"))
        if k == 9:
            def parse():
                def parse_ical():
                    raised("builtins", "ValueError", "not enough values to unpack (expected 2, got 1)")
                parse_ical()
            try:
                parse()
            except Exception:
                p(schedule, logging.ERROR, "schedule.py", 81, "get_schedule", "Could not parse ical", exc=True)
        record(k, fail=(k == 6), upload_fail=(k == 11))
        # The library's staff feed ARM a disc now and then; the UI shows the job.
        if k % 3 == 1:
            disc, title = DISCS[(k // 3) % len(DISCS)]
            arm_settings_visit(hw=(k == 1))
            if k == 7:
                aui.error("omdb call failed with error - HTTPSConnectionPool(host='www.omdbapi.com', port=443): "
                          "Read timed out. (read timeout=5)")
                aui.error(f"Failed to reach OMdb - Read timed out.")
            if k == 10:
                wqueue.warning("Task queue depth is %d", 2)
                aroot.warning(f"Releasing job from drive '{disc}'")
        if k == 12:
            # The container is updated to a new image: its database migration locks the UI's start.
            arm_start(locked=True)
    return {"name": "pyca-arm", "programs": [pc, arm], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_plexanisync_deleterr(), stream_ffplayout_mediaflow(), stream_pyca_arm()])


if __name__ == "__main__":
    main()
