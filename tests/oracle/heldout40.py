"""The fortieth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout39.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (seedbox helpers, where StuffAnThings'
qbit_manage tags and share-limits a qBittorrent on EC2 while
autoremove-torrents prunes it from cron; home-media automation, where
SickChill snatches TV shows and ytdl-sub archives conference and vendor
YouTube channels into the same Jellyfin library; photo backups, where
icloudpd and gphotos-sync copy iCloud and Google Photos libraries to an
EBS volume), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout40

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at ac65b53 (session 22's rules in, none
written from this set), with nothing configured: 54.6% exact, 54.6% key
fields (asctime 100.0%, levelname 100.0%, name 72.4%, message 54.6%).

Formatters and filters: qbit_manage's MyLogger gives "qBit Manage" a
StreamHandler whose logging.Formatter prints the message alone, boxed and
padded: "| %(message)-98s |"; separator() swaps in "%(message)-98s" for
its "|====|" rules and centred titles (102 wide, unpadded) and swaps back
(`QbitFormatter`). MyLogger._log splits a message on line breaks into one
record a line, after redacting secrets and "HTTPSConnectionPool(...)";
its fmt_filter is on the file handler only; its sys.excepthook logs
"Uncaught Exception" at CRITICAL with exc_info. autoremove-torrents uses
logging.Formatter with a weekday-first datefmt; its status and torrent
messages are multi-line with tabs. SickChill's DispatchFormatter (a
"{"-style subclass) censors API keys in record.msg (reproduced, its
WebErrorViewer left out) and prints the thread's name ("MAIN",
"DAILYSEARCHER"); it adds the console handler to "sickchill" and each
listed logger, whose parent it sets to "sickchill", so "tornado.
application" and "sickchill.movie" records print twice. ytdl-sub's
loggers ("ytdl-sub:<name>") print the name in brackets alone; at
--log-level verbose yt-dlp's output becomes "ytdl-sub:yt-dlp" records;
its summary holds colorama codes, its transaction log may start with a
line break. icloudpd uses basicConfig's handler; gphotos-sync's format
ends with a space after the message, its --progress messages end with
"\\x1b[F" and "\\nProcess failed." (exc_info) starts with a line break;
its MaxLevelFilter only splits stdout from stderr, same formatter.

Print lines: Docker's and the entrypoints' lines, and icloudpd's bare
traceback when its watch loop dies (no record writes it).

The messages are modelled on the programs' source (the files named in
the format comments, and qbit_manage.py and modules/core/, autoremove-
torrents' task.py, strategy.py and torrent.py, SickChill's start.py and
oldbeard/search*.py, ytdl-sub's cli/ and downloaders/url/downloader.py,
icloudpd's base.py and pyicloud_ipd/base.py, gphotos-sync's
GooglePhotos*.py and GoogleAlbumsSync.py), read at the commits cited.
Modelled: the values, the yt-dlp lines, tornado's uncaught-exception
message (from memory of tornado.web), third-party exception texts and
the print lines.

Left out: Kometa (its modules/logs.py is qbit_manage's MyLogger, read at
Kometa-Team/Kometa 398993b4), FlexGet (loguru, not logging: flexget/log.py
at Flexget/Flexget 05b661f56), Nicotine+ (its pynicotine log module
writes lines itself, nicotine-plus/nicotine-plus a2dfc418c), Beets
(LegacyFormatter "%(legacy_prefix)s%(message)s", beets/logging.py at
beetbox/beets 07f39c520: for a later set), PlexTraktSync (console
"%(message)s" through rich, plextraktsync/logger/init.py at
Taxel/PlexTraktSync 569c54d5), Tube Archivist (no console format found
at tubearchivist/tubearchivist 7dcb43f4), duplicity (not read in time;
nothing guessed), qbit_manage's scripts/ (basicConfig "%(asctime)s -
%(levelname)s - %(message)s": later), and this area's programs in
earlier sets (Medusa, SABnzbd, Headphones, Mylar3, Bazarr, Tautulli,
Deluge, Calibre-Web, Kapowarr, LazyLibrarian, borgmatic, Barman, pghoard).
"""

import contextlib
import logging
import os
import re
import sys
import threading
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# qbit_manage (StuffAnThings/qbit_manage, e14a9e5), modules/logs.py
# MyLogger._formatter's console format with border (screen_width 100, the
# default of qbit_manage.py's --width / QBT_WIDTH), and without it while
# separator() prints.
QBIT = "| %(message)-98s |"
QBIT_PLAIN = "%(message)-98s"
# autoremove-torrents (jerrymakesjelly/autoremove-torrents, c55b43c),
# autoremovetorrents/logger.py Logger.OUTPUT_FORMAT and DATE_FORMAT (the
# console_handler every registered logger gets).
AUTOREMOVE = "%(asctime)s %(name)s %(levelname)s: %(message)s"
AUTOREMOVE_DATEFMT = "%a, %d %b %Y %H:%M:%S"
# SickChill (SickChill/sickchill, e1f8475de), sickchill/logger.py
# Logger.init_logging's log_format through DispatchFormatter (style "{"),
# datefmt sickchill/helper/common.py dateTimeFormat.
SICKCHILL = "{asctime} {levelname} :: {threadName} :: {message}"
SICKCHILL_DATEFMT = "%Y-%m-%d %H:%M:%S"
# ytdl-sub (jmbannon/ytdl-sub, 5b76e628), src/ytdl_sub/utils/logger.py
# Logger._get_formatter (the stdout handler of every Logger.get logger).
YTDLSUB = "[%(name)s] %(message)s"
# icloudpd (icloud-photos-downloader/icloud_photos_downloader, 3a97872),
# src/icloudpd/base.py create_logger's logging.basicConfig (stdout).
ICLOUDPD = "%(asctime)s %(levelname)-8s %(message)s"
ICLOUDPD_DATEFMT = "%Y-%m-%d %H:%M:%S"
# gphotos-sync (gilesknap/gphotos-sync, 3fb4507), src/gphotos_sync/
# Logging.py setup_logging's console formatter (stdout_handler and
# stderr_handler on the root logger), the trailing space its own.
GPHOTOS = "%(asctime)s %(levelname)-8s %(message)s "
GPHOTOS_DATEFMT = "%m-%d %H:%M:%S"


@contextlib.contextmanager
def thread(name):
    """Records made in one of the program's named threads."""
    current = threading.current_thread()
    saved, current.name = current.name, name
    try:
        yield
    finally:
        current.name = saved


# --------------------------------------------------------------------------
# qbit_manage's MyLogger, as modules/logs.py writes it.

class QbitFormatter(logging.Formatter):
    """MyLogger._formatter's console formats: boxed, unboxed in separator()."""

    def __init__(self):
        super().__init__(QBIT)
        self.plain = logging.Formatter(QBIT_PLAIN)
        self.border = True

    def format(self, record):
        return super().format(record) if self.border else self.plain.format(record)


class QbitLogger:
    width, sep = 100, "="

    def __init__(self, program):
        self.fmt = program.formatter
        self.log = lg(program, "qBit Manage")
        self.secrets = set()

    def _log(self, level, msg, exc_info=None):
        msg = str(msg)
        if "\n" in msg:
            for line in msg.split("\n"):
                self._log(level, line, exc_info)
            return
        for secret in sorted(self.secrets, reverse=True):
            msg = msg.replace(secret, "(redacted)")
        msg = re.sub("HTTPSConnectionPool\\((.*?)\\)", "HTTPSConnectionPool(redacted)", msg)
        self.log.log(level, msg, exc_info=exc_info)

    def info(self, msg, level=logging.INFO):
        self._log(level, msg)

    def centered(self, text, sep=" ", side_space=True):
        if len(text) > self.width - 2:
            return text
        space = self.width - len(text) - 2
        text = f"{' ' if side_space else sep}{text}{' ' if side_space else sep}"
        if space % 2 == 1:
            text += sep
            space -= 1
        side = int(space / 2) - 1
        return f"{sep * side}{text}{sep * side}"

    def separator(self, text=None, space=True, border=True):
        sep = " " if space else self.sep
        self.fmt.border = False
        rule = f"|{self.sep * self.width}|"
        if border:
            self._log(logging.INFO, rule)
        if text:
            for txt in text.split("\n"):
                self._log(logging.INFO, f"|{sep}{self.centered(txt, sep=sep)}{sep}|")
            if border:
                self._log(logging.INFO, rule)
        self.fmt.border = True


TORRENTS = [("Ubuntu 24.04 LTS Desktop amd64", "linux", "torrent.ubuntu.com"),
            ("debian-12.5.0-amd64-netinst.iso", "linux", "bttracker.debian.org"),
            ("Fedora-Workstation-Live-x86_64-40", "linux", "torrent.fedoraproject.org"),
            ("archlinux-2024.05.01-x86_64.iso", "linux", "tracker.archlinux.org"),
            ("Big.Buck.Bunny.2008.1080p.BluRay.x264", "movies", "tracker.opentrackr.org"),
            ("Sintel.2010.2160p.WEB-DL.DDP5.1", "movies", "tracker.opentrackr.org"),
            ("Night.of.the.Living.Dead.1968.720p", "movies", "tracker.openbittorrent.com"),
            ("linuxmint-21.3-cinnamon-64bit.iso", "linux", "torrents.linuxmint.com")]


def stream_qbit_autoremove():
    stream = []
    qm = Program("qbit_manage", "qBit Manage", QbitFormatter(), stream)
    ar = Program("autoremove-torrents", "autoremovetorrents.main",
                 logging.Formatter(AUTOREMOVE, AUTOREMOVE_DATEFMT), stream)
    q = QbitLogger(qm)
    q.secrets.add("s3cr3t-webui-pass")
    main = lg(ar, "autoremovetorrents.main")
    task = lg(ar, "autoremovetorrents.task")
    strat = lg(ar, "autoremovetorrents.strategy")
    free = lg(ar, "autoremovetorrents.condition.remotefreespace")

    def banner():
        q.separator()
        for line in ["        _     _ _                                            ",
                     "       | |   (_) |                                           ",
                     "   __ _| |__  _| |_   _ __ ___   __ _ _ __   __ _  __ _  ___ ",
                     "  / _` | '_ \\| | __| | '_ ` _ \\ / _` | '_ \\ / _` |/ _` |/ _ \\",
                     " | (_| | |_) | | |_  | | | | | | (_| | | | | (_| | (_| |  __/",
                     r"  \__, |_.__/|_|\__| |_| |_| |_|\__,_|_| |_|\__,_|\__, |\___|",
                     "     | |         ______                            __/ |     ",
                     "     |_|        |______|                          |___/      "]:
            q.info(q.centered(line))
        q.info("    Version: 4.6.1 (Docker: 3.12.10)")
        q.info("    Platform: Linux-6.1.90-99.173.amzn2023.x86_64-x86_64-with-glibc2.36")

    printed(stream, "[s6-init] making user provided files available at /var/run/s6/etc...exited 0.")
    printed(stream, "qbit_manage  | Starting qbit_manage via tini")
    banner()
    q.separator("Starting Web Server")
    q.info("Web API server running on http://0.0.0.0:8080")
    q.info("Access the WebUI at http://0.0.0.0:8080")
    q.info("Web server started in separate process")
    q.info("   Scheduled Mode: Running every 30 minutes (from ENV).\n    Initial Run: Starting immediately")

    for run in range(3):
        q.separator("Starting Run")
        for line in ("qBittorrent: v4.6.4", "qBittorrent Web API: 2.9.3",
                     "qbit_manage supported versions: v4.3.0 - v5.1.0", "Qbt Connection Successful"):
            q.info(line)
        q.separator("Checking Settings", space=False, border=False)
        q.separator("Gathering Torrent Information", space=True, border=True)
        q.separator("Updating Categories", space=False, border=False)
        if run == 0:
            for name, cat, tracker in TORRENTS[4:6]:
                q.info(" " * 3 + f"Torrent Name: {name}")
                q.info(" " * 3 + f"New Category: {cat}")
                q.info(" " * 8 + f"Tracker: https://{tracker}/announce")
            q.info("Updated 2 new categories.")
        else:
            q.info("No new torrents to categorize.")
        q.separator("Updating Tags", space=False, border=False)
        if run == 1:
            q.info(" " * 3 + f"Torrent Name: {TORRENTS[6][0]}")
            q.info(" " * 8 + "New Tag: opentracker")
            q.info(" " * 8 + f"Tracker: https://{TORRENTS[6][2]}/announce")
            q.info("Updated 1 new tags.")
        else:
            q.info("No new torrents to tag.")
        q.separator("Tagging Torrents with Tracker Errors and Removing Unregistered Torrents", space=False,
                    border=False)
        if run == 2:
            q.info(" " * 3 + "Torrent Name: Night.of.the.Living.Dead.1968.720p")
            q.info(" " * 9 + "Status: Torrent not registered with this tracker")
            q.info(" " * 8 + "Tracker: http://tracker.openbittorrent.com:80/announce")
            q.info(" " * 8 + "Added Tag: issue")
            q.separator("1 Torrents with tracker errors found", space=False, border=False)
            q.info("Night.of.the.Living.Dead.1968.720p\nTracker: tracker.openbittorrent.com\n"
                   "Message: Torrent not registered with this tracker")
        else:
            q.info("No unregistered torrents found.")
        q.separator("Updating Share Limits based on priority", space=False, border=False)
        for group, prio, n in [("linux", 1, 5), ("movies", 2, 3)]:
            q.separator(f"Updating Share Limits for [Group {group}] [Priority {prio}] [Torrents ({n})]", space=False,
                        border=False)
        if run == 1:
            q.info("Unable to reach https://notify.example.org/webhook: HTTPSConnectionPool(host='notify.example."
                   "org', port=443): Max retries exceeded with url: /webhook", logging.WARNING)
        q.separator(f"Finished Run\nTotal Categorized Torrents: {2 if run == 0 else 0}\n"
                    f"Total Tags Added: {1 if run == 1 else 0}\nRun Time: 0:00:0{3 + run}\n"
                    "Next Scheduled Run: 14:44 | 30 minutes until the next run")

        # autoremove-torrents' cron run between them (every 15 minutes).
        for half in range(2):
            printed(stream, "autoremove  | + autoremove-torrents --conf=/config/config.yml --log=/logs")
            main.info("Auto Remove Torrents 1.5.5")
            main.info("Loading configurations...")
            main.info("Found 1 task(s) in the file.")
            task.info("Running task 'seedbox'...")
            task.info("Logging in...")
            task.info("Login successfully. The client is v4.6.4.")
            task.info("WebUI API version: 2.9.3")
            task.info("Status reported by the client: \n\tDownload Speed: %.2fMiB/s\tTotal: 3.41TiB\n"
                      "\tUpload Speed: %.2fMiB/s\tTotal: 11.08TiB" % (1.2 + run * 0.3, 7.25 - half))
            task.info("Getting all the torrents...")
            task.info("Found %d torrent(s) in the client." % (len(TORRENTS) + 30 - run))
            if run == 1 and half == 1:
                def login():
                    raised("autoremovetorrents.exception.connectionfailure", "ConnectionFailure",
                           "Cannot connect to qBittorrent: HTTPConnectionPool(host='qbittorrent', port=8080): "
                           "Read timed out. (read timeout=30)")
                try:
                    login()
                except Exception:
                    main.error("autoremovetorrents.exception.connectionfailure.ConnectionFailure: Cannot connect to "
                               "qBittorrent: HTTPConnectionPool(host='qbittorrent', port=8080): Read timed out. "
                               "(read timeout=30)")
                    main.error("Task %s fails. " % "seedbox")
                continue
            strat.info("Running strategy %s..." % "linux-ratio")
            free.info("Free space of %s on the server: %s" % ("/downloads", "%.2fGiB" % (212.44 - run * 9.5)))
            removable = 1 if (run + half) % 2 == 0 else 0
            strat.info("Total: %d torrent(s). %d torrent(s) can be removed." % (len(TORRENTS) - 2, removable))
            if removable:
                name = TORRENTS[run + half][0]
                strat.info("To be deleted:")
                strat.info("%s\n\tProgress:100.00%%\tSize:%s\tRatio:%.3f\tTotal Uploaded:%s\n"
                           "\tSeeder(connected/total):0/%d\tLeecher(connected/total):0/%d\tStatus:Uploading\n"
                           "\tDownload Speed:0.00B/s(Avg.:4.12MiB/s)\tUpload Speed:12.50KiB/s(Avg.:88.31KiB/s)\n"
                           "\tCreate Time:2024-04-02 09:13:27\tSeeding Time:38d 05:31:44\tDownloading Time:0d 00:11:"
                           "02\tLast Activity:0d 00:04:10\n\tCategory:linux\tTracker:%s" % (
                               name, "4.71GiB", 3.012 + run, "14.19GiB", 412, 3, TORRENTS[run + half][2]))
                task.info("The torrent %s and its data have been removed.", name)
    # The scheduler's loop dies: qbit_manage's excepthook logs it, and the
    # container restarts.
    def torrents_info():
        raised("qbittorrentapi.exceptions", "APIConnectionError",
               "Failed to connect to qBittorrent. Connection Error: ConnectionError(MaxRetryError(\"HTTPConnection"
               "Pool(host='qbittorrent', port=8080): Max retries exceeded with url: /api/v2/torrents/info\"))")
    try:
        torrents_info()
    except Exception:
        q.log.critical("Uncaught Exception", exc_info=True)
    printed(stream, "qbit_manage exited with code 1")
    printed(stream, "qbit_manage  | Starting qbit_manage via tini")
    banner()
    q.info("   Scheduled Mode: Running every 30 minutes (from ENV).\n    Initial Run: Starting immediately")
    return {"name": "qbit_manage-autoremove", "programs": [qm, ar], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# SickChill's DispatchFormatter, as sickchill/logger.py writes it.

CENSORED = {"SAB_APIKEY": "8d2f0c1e5b7a4f96a3c1d2e3f4a5b6c7", "TORRENT_PASSWORD": "qbtPass!2024"}


class DispatchFormatter(logging.Formatter):
    def format(self, record):
        msg = record.msg
        censored = {item for _, item in CENSORED.items() if item}
        censored = list(censored | {quote(item) for item in censored})
        censored.sort(key=len, reverse=True)
        censored = [item for item in censored if item and item.lower() != "sickchill"]
        if not isinstance(msg, (str, bytes)):
            msg = repr(msg)
        for item in censored:
            try:
                msg = re.sub(rf"\b({item})\b", "*" * 8, msg)
            except re.error:
                msg = msg.replace(item, "*" * 8)
        msg = re.sub(r"([&?]r|[&?]apikey|[&?]jackett_apikey|[&?]api_key)(?:=|%3D)[^&]*([&\w]?)", r"\1=**********\2",
                     msg, flags=re.IGNORECASE)
        record.msg = msg
        return super().format(record)


SHOWS = [("Severance", "S02E05", "Trojans Horse"), ("The Bear", "S03E02", "Next"),
         ("Slow Horses", "S04E03", "Hello Goodbye"), ("Silo", "S02E01", "The Engineer"),
         ("Shogun", "S01E07", "A Stick of Time"), ("Andor", "S02E04", "Harvest")]
CHANNELS = [("AWS Events", "https://www.youtube.com/@AWSEventsChannel", 14),
            ("CNCF", "https://www.youtube.com/@cncf", 22),
            ("HashiCorp", "https://www.youtube.com/@HashiCorp", 9),
            ("USENIX", "https://www.youtube.com/@USENIXAssociationVideos", 17)]


def stream_sickchill_ytdlsub():
    stream = []
    sc = Program("sickchill", "sickchill", DispatchFormatter(SICKCHILL, SICKCHILL_DATEFMT, style="{"), stream)
    ys = Program("ytdl-sub", "ytdl-sub", logging.Formatter(YTDLSUB), stream)
    s = lg(sc, "sickchill")
    app = lg(sc, "tornado.application")
    app.parent = s
    movie = lg(sc, "sickchill.movie")
    movie.parent = s
    y = lg(ys, "ytdl-sub")
    dl = lg(ys, "ytdl-sub:downloader")
    ext = lg(ys, "ytdl-sub:yt-dlp")

    printed(stream, "[custom-init] No custom files found, skipping...")
    with thread("MAIN"):
        s.info("Starting SickChill [2024.3.1] using '/data/config.ini'")
        s.info("Starting SickChill on http://0.0.0.0:8081/")
        for name in ("VERSIONCHECK", "PROPERFINDER", "TRAKTCHECKER", "SUBTITLESFINDER", "POSTPROCESSOR"):
            s.info(f"Starting {name} thread")
        movie.info("Loading movie list: 42 movies")
    printed(stream, "[ls.io-init] done.")
    for cycle in range(4):
        printed(stream, "ytdl-sub  | Running ytdl-sub sub /config/subscriptions.yaml (cron 0 */6 * * *)")
        y.info("Beginning CLI %s", "download")
        for ch, url, n in CHANNELS:
            y.info("Beginning subscription %s for %s", "download", ch)
            dl.info("Beginning downloads for %s", url)
            ext.info("[youtube:tab] Extracting URL: %s/videos" % url)
            ext.info("[youtube:tab] @%s: Downloading webpage" % url.rsplit("@", 1)[1])
            ext.info("[youtube:tab] Playlist %s - Videos: Downloading %d items of %d" % (ch, n, n))
            if cycle == 2 and ch == "HashiCorp":
                def extract_info():
                    raised("yt_dlp.utils", "DownloadError",
                           "ERROR: [youtube] dQ8f2kTm0Ws: Sign in to confirm you\u2019re not a bot. Use --cookies-"
                           "from-browser or --cookies for the authentication.")
                try:
                    extract_info()
                except Exception:
                    y.exception("The following error occurred for the subscription %s:", ch)
                continue
            for i in range(2):
                title = f"{ch} talk {cycle * 2 + i + 1}: Scaling platform teams"
                if i == 0 and cycle > 0:
                    dl.info("Already downloaded entry %d/%d: %s", i + 1, n, title)
                    continue
                dl.info("Downloading entry %d/%d: %s", i + 1, n, title)
                ext.info("[download] Destination: /tmp/ytdl-sub/%s/abc%03d.webm" % (ch, cycle * 10 + i))
                ext.info("[download] 100%% of  %.2fMiB in 00:00:%02d at 11.03MiB/s" % (180.5 + i * 44, 15 + i))
                ext.info("[Merger] Merging formats into \"/tmp/ytdl-sub/%s/abc%03d.mkv\"" % (ch, cycle * 10 + i))
            if cycle == 1:
                y.info(f"\nNo files changed for {ch}")
            else:
                y.info(f"Transaction log for {ch}:\nFiles created in '/tv_shows/{ch}'\n  Season {2024}\n"
                       f"    s2024.e05{cycle}1 - talk.mkv\n    s2024.e05{cycle}1 - talk-thumb.jpg")
        g, r, z = "\x1b[32m", "\x1b[31m", "\x1b[39m"
        err = cycle == 2
        rows = [f"{ch:<14} {g}+{1 if cycle else 2}{z} {z}0{z} {z}0{z} {n:>6} "
                f"{(r + 'DownloadError' + z) if err and ch == 'HashiCorp' else (g + '✔' + z)}"
                for ch, _, n in CHANNELS]
        rows.append(f"{'Total: 4':<14} {g}+{4 if cycle else 8}{z} {z}0{z} {z}0{z} {62:>6} "
                    f"{(r + 'Error' + z) if err else (g + 'Success' + z)}")
        if err:
            rows += ["", "See `/tmp/ytdl-sub.errorsq1w2e3r4` for details on errors.",
                     "Consider making a GitHub issue including the uploaded log file."]
        y.warning("Download Summary:\n%s", "\n".join(rows))

        # SickChill's daily search, its queue and a snatch.
        with thread("DAILYSEARCHER"):
            s.info("Searching for new released episodes ...")
            if cycle % 2:
                s.info("No new released episodes found ...")
                continue
        with thread("SEARCHQUEUE-DAILY-SEARCH"):
            s.info("Beginning daily search for new episodes")
            for show, ep, title in SHOWS[cycle:cycle + 3]:
                release = f"{show.replace(' ', '.')}.{ep}.1080p.WEB.h264-ETHEL"
                s.info(f"Quality of {release} is 1080p WEB-DL")
                s.info(f"Downloading {release} from NZBgeek")
                s.info(f"Downloading a result from NZBgeek at https://api.nzbgeek.info/api?t=get&id=9f3a{cycle}e&"
                       f"apikey={CENSORED['SAB_APIKEY']}")
            if cycle == 2:
                def post():
                    raised("requests.exceptions", "ConnectionError",
                           "HTTPConnectionPool(host='sabnzbd', port=8080): Max retries exceeded with url: /api?mode="
                           "addurl (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f5c"
                           "2a8e1d50>: Failed to establish a new connection: [Errno 111] Connection refused'))")
                try:
                    post()
                except Exception as error:
                    s.exception(f"Error trying to save NZB to black hole: {error}")
        with thread("SHOWQUEUE"):
            s.warning(f"Unable to find a download for: [{SHOWS[5][0]} - {SHOWS[5][1]}]")
        with thread("Thread-%d" % (40 + cycle)):
            if cycle == 0:
                def get():
                    raised("builtins", "KeyError", "'indexer'")
                try:
                    get()
                except Exception:
                    app.error("Uncaught exception GET /api/v2/show?indexer=1&id=371980 (172.18.0.1)\n"
                              "HTTPServerRequest(protocol='http', host='sickchill:8081', method='GET', "
                              "uri='/api/v2/show?indexer=1&id=371980', version='HTTP/1.1', remote_ip='172.18.0.1')",
                              exc_info=True)
    with thread("MAIN"):
        s.info("Signal 15 caught, saving and exiting...")
        s.info("Aborting all threads")
        for name in ("SHOWQUEUE", "SEARCHQUEUE", "DAILYSEARCHER", "POSTPROCESSOR"):
            s.info(f"Waiting for the {name} thread to exit")
        for line in ("Saving all shows to the database", "Saving config file to disk", "Shutting down Tornado"):
            s.info(line)
    return {"name": "sickchill-ytdl-sub", "programs": [sc, ys], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A family-photos backup host (EC2, Docker's awslogs driver): icloudpd
# watches two iCloud libraries every hour, gphotos-sync runs nightly.

USERS = ["alex@example.org", "sam@example.org"]
ICLOUDPD_CMD = ("icloudpd  | icloudpd --directory /data --cookie-directory /config/cookies --watch-with-interval 3600 "
                "--no-progress-bar --log-level debug")
PHOTOS = ["IMG_%04d.HEIC" % n for n in range(4410, 4422)] + ["IMG_4422.MOV", "IMG_4423.MOV"]


def stream_icloudpd_gphotos():
    stream = []
    ic = Program("icloudpd", "icloudpd", logging.Formatter(ICLOUDPD, ICLOUDPD_DATEFMT), stream)
    gp = Program("gphotos-sync", "gphotos_sync.__main__", logging.Formatter(GPHOTOS, GPHOTOS_DATEFMT), stream)
    i = lg(ic, "icloudpd")
    py = lg(ic, "pyicloud_ipd.base")
    gm = lg(gp, "gphotos_sync.__main__")
    gi = lg(gp, "gphotos_sync.GooglePhotosIndex")
    gd = lg(gp, "gphotos_sync.GooglePhotosDownload")
    ga = lg(gp, "gphotos_sync.GoogleAlbumsSync")

    def icloud_run(cycle, n_new):
        for user in USERS:
            i.info(f"Processing user: {user}")
            i.debug("Authenticating...")
            py.debug("Using session file %s", "/config/cookies/%s.session" % user.split("@")[0])
            py.debug("Checking session token validity")
            if cycle == 0:
                py.debug("Invalid authentication token, will log in from scratch.")
                py.debug(f"Authenticating as {user}")
            else:
                py.debug("Session token is still valid")
            py.info("Authentication completed successfully")
            i.info("Downloading %s %s %s to %s ...", str(n_new + 5), "original", "photos and videos",
                   "/data/" + user.split("@")[0])
            for k, name in enumerate(PHOTOS[:n_new]):
                path = "/data/%s/2024/05/11/%s" % (user.split("@")[0], name)
                if k % 4 == 3:
                    i.debug("%s already exists", path)
                    continue
                i.debug("Downloading %s...", path)
                i.info("Downloaded %s", path)
            if cycle == 1 and user == USERS[1]:
                i.error("Could not convert photo created date to local timezone (%s)", "0001-01-01 00:00:00+00:00")
            i.info("Found %s consecutive previously downloaded photos. Exiting", 50)
        i.info("Waiting for 3600 sec...")

    def gphotos_start():
        printed(stream, "gphotos  | + gphotos-sync --log-level info --progress --secret /config/client_secret.json "
                        "/storage/google")
        t = realworld.CLOCK.t
        gm.warning("gphotos-sync 3.2.5 %s.%06d" % (now("%Y-%m-%d %H:%M:%S"), round(t % 1 * 1e6) % 1000000))
        gm.info("version: 3.2.5, database schema version 5.7")

    printed(stream, ICLOUDPD_CMD)
    for cycle in range(3):
        icloud_run(cycle, 6 + 3 * cycle)
        if cycle == 1:
            gphotos_start()
            gi.warning("Indexing Google Photos Files ...")
            gi.info("searching for media start=%s, end=%s, videos=%s", "2024-05-10 00:00:00", None, True)
            for k in range(1, 31):
                if k % 10 == 0:
                    gi.warning(f"Listed {k} items ...\033[F")
                if k % 3 == 0:
                    gi.info("Indexed %d %s", k // 3, "photos/2024/05/PXL_202405%02d_1%05d.jpg" % (k % 28 + 1, k * 317))
            gi.warning("Indexed %d %s", 10, "Google Photos Files")
            gd.warning("Downloading Photos ...")
            for k in range(1, 11):
                gd.info("downloading %d %s", k, "photos/2024/05/PXL_202405%02d_1%05d.jpg" % (k % 28 + 1, k * 951))
            gd.error("FAILURE %d downloading %s - %s", 1, "photos/2024/05/PXL_20240510_184455123.mp4",
                     "HTTPSConnectionPool(host='video-downloads.googleusercontent.com', port=443): Read timed out.")
            gd.warning(f"Downloaded {10} items ...\033[F")
            gd.warning("Downloaded %d Items, Failed %d, Already Downloaded %d", 9, 1, 0)
            ga.warning("Indexing Albums ...")
            ga.info("Indexing Album: %s, photos: %d", "Re:Invent 2023", 214)
            ga.warning("Indexed %d %s", 12, "Albums")
            ga.warning("Creating album folder links to media ...")
            ga.warning("Created %d new album folder links", 214)
            gm.warning("Done.")
            gm.info("Elapsed time = %s", "0:04:11.871203")
    # The next night's run: the refresh token was revoked.
    gphotos_start()

    def refresh():
        raised("google.auth.exceptions", "RefreshError",
               "('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', "
               "'error_description': 'Token has been expired or revoked.'})")
    try:
        refresh()
    except Exception:
        gm.error("\nProcess failed.", exc_info=True)
    gm.warning("Done.")
    printed(stream, "gphotos exited with code 1")
    # icloudpd's watch loop dies on a dropped connection: Python prints the
    # traceback, and Docker restarts the container.
    i.info(f"Processing user: {USERS[0]}")

    def core():
        raised("requests.exceptions", "ConnectionError",
               "('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))")
    uncaught(stream, core)
    printed(stream, "icloudpd exited with code 1")
    printed(stream, ICLOUDPD_CMD)
    icloud_run(1, 3)
    return {"name": "icloudpd-gphotos-sync", "programs": [ic, gp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_qbit_autoremove(), stream_sickchill_ytdlsub(), stream_icloudpd_gphotos()])


if __name__ == "__main__":
    main()
