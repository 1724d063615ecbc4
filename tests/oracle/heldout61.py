"""The 61-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout60.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given, media and backup tools (download
automation on a media host, where FlareSolverr answers Prowlarr's
Cloudflare-protected indexer requests while decluttarr prunes Sonarr's and
Radarr's stalled and failed downloads; a video box, where MeTube archives
YouTube channels beside motionEye recording the site's cameras; a backup
host, where Maestral keeps a Dropbox folder in sync and
restic-compose-backup backs the compose project's volumes and database up
to S3 from cron), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout61

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 4a19aeb (session 27's rules in, none written
from this set), with nothing configured: 89.2% exact, 89.2% key fields
(asctime 100.0%, levelname 100.0%, name 89.4%, message 99.8%).
restic-compose-backup, chosen here, is also in `heldout11.py` (0.7.1,
the same format), so it is not held out: the maestral-rcb stream (54.7%)
is only half a fresh reading.

Formatters and filters: all six use logging.Formatter itself and no filter
(FlareSolverr, decluttarr, MeTube and motionEye through
logging.basicConfig, Maestral and restic-compose-backup through a
StreamHandler of their own). FlareSolverr (LOG_LEVEL=info, its default)
pads the level to eight after a "%Y-%m-%d %H:%M:%S" time, no name; its
records are the root's and waitress's. decluttarr in Docker (IS_IN_DOCKER=1,
from its Dockerfile) prints no time: at LOG_LEVEL=VERBOSE the level is
padded to seven in brackets ("[VERBOSE]: ", "[INFO   ]: "), VERBOSE (15)
being verboselogs' level; several of its messages are empty, its banner
holds emoji and rows of "#", its rescans log one multi-line message.
MeTube's basicConfig has no format: Python's BASIC_FORMAT ("INFO:ytdl:...");
yt-dlp's multi-line warnings reach it through its "ytdl" logger. motionEye
runs in the foreground without -l, so configure_logging picks
"%(levelname)8s: %(message)s" (level right-aligned, no time, no name), with
log_level debug in motioneye.conf; one of its errors passes exc_info=True
outside an except block, so logging prints "NoneType: None" after it.
Maestral (`maestral start -f -v`: -v adds the stderr handler) prints the
module, not the logger's name ("sync", "manager"), and arrows in its
progress messages ("Syncing ↓ 3/12"); "Could not sync %s" is an INFO
record with exc_info. restic-compose-backup prints Python's default time
and "LEVEL: "; its backup runner relays every line of the backup process
container's output as an INFO record (backup_runner.py's
logger.info(line)), so most of its messages are lines in its own format,
a traceback's lines included, one record each.
531 records in three streams (206, 201 and 124; 13 of them print lines).

Print lines: decluttarr's rest_get print("HTTP Error:", e); chromium's
stderr lines in FlareSolverr's container; MeTube's entrypoint echo lines and
aiohttp's "======== Running on ... ========" banner; motionEye's
configure_logging sys.stderr.write lines; the uncaught RuntimeError
traceback of a second `rcb backup` started while one runs (crond's job
writes its stderr to the container's).

The messages are modelled on the programs' source, read at the commits
cited: FlareSolverr's flaresolverr.py, flaresolverr_service.py and
bottle_plugins/; decluttarr's main.py, src/utils/ and src/decluttarr.py;
MeTube's app/main.py, app/ytdl.py and app/subscriptions.py; motionEye's
server.py (English from locale/en/LC_MESSAGES/motioneye.po), mjpgclient.py,
tasks.py, cleanup.py, mediafiles.py and handlers/relay_event.py; Maestral's
daemon.py, manager.py and sync.py (line numbers and functions as read);
restic-compose-backup's cli.py, backup_runner.py and commands.py.
Modelled: the values (hosts, titles, paths, times), waitress's "Serving
on" and tornado's access warnings (from memory of those libraries),
yt-dlp's and third-party exception texts, chromium's lines, install paths.

Left out: FlareSolverr's DEBUG format ("%(asctime)s %(levelname)-8s ReqId
%(thread)s %(message)s") and decluttarr's non-Docker one ("%(asctime)s
[%(levelname)s]: %(message)s"), both in the files cited, kept for a later
set; motionEye's "%(asctime)s: [<cmd>] %(levelname)8s: %(message)s"
(meyectl.py: its sendmail, webhook and relayevent subprocesses, and -l)
goes to motion.log, not the container's output; Maestral's journal format
is "%(message)s" (LOG_FMT_SHORT). Not chosen: this area's programs in
earlier sets or their "Left out" paragraphs (Kometa, FlexGet, Beets,
duplicity, pyLoad, SickGear, CouchPotato, Tube Archivist, LazyLibrarian,
Medusa, SABnzbd, Bazarr, Tautulli, borgmatic...). Considered and not
read for want of time (none was guessed): Viseron, Photonix, MediaCMS,
spotDL, subgen, Plex-Auto-Languages, Huntarr, Trailarr, python-github-
backup and Immich's machine-learning service.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# FlareSolverr (FlareSolverr/FlareSolverr, 0f05ed8), src/flaresolverr.py
# __main__'s logger_format (LOG_LEVEL info, no LOG_FILE), through
# logging.basicConfig with a StreamHandler on stdout.
FLARESOLVERR = "%(asctime)s %(levelname)-8s %(message)s"
FLARESOLVERR_DATEFMT = "%Y-%m-%d %H:%M:%S"
# decluttarr (ManiMatter/decluttarr, ff035bf), src/utils/loadScripts.py
# setLoggingFormat (IS_IN_DOCKER set, LOG_LEVEL VERBOSE), through
# logging.basicConfig.
DECLUTTARR = "[%(levelname)-7s]: %(message)s"
# MeTube (alexta69/metube, f11b376), app/main.py: logging.basicConfig(level=
# ...) with no format, so logging.BASIC_FORMAT.
METUBE = logging.BASIC_FORMAT
# motionEye (motioneye-project/motioneye, 505e250f), motioneye/meyectl.py
# configure_logging's fmt for cmd "motioneye" without log_to_file
# (server.py run(): the container's `meyectl startserver` in the
# foreground), through logging.basicConfig with datefmt (unused).
MOTIONEYE = "%(levelname)8s: %(message)s"
MOTIONEYE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Maestral (samschott/maestral, 21c858dc), src/maestral/logging.py
# LOG_FMT_LONG (setup_logging's stderr StreamHandler on the "maestral"
# logger, added by `maestral start -f -v`).
MAESTRAL = "%(asctime)s %(module)s %(levelname)s: %(message)s"
MAESTRAL_DATEFMT = "%Y-%m-%d %H:%M:%S"
# restic-compose-backup (ZettaIO/restic-compose-backup, e6ca4aa),
# src/restic_compose_backup/log.py setup()'s StreamHandler on stdout for
# the "restic_compose_backup" logger.
RCB = "%(asctime)s - %(levelname)s: %(message)s"

VERBOSE = 15  # verboselogs.VERBOSE
MAESTRAL_SRC = "/usr/local/lib/python3.10/site-packages/maestral/"


# --------------------------------------------------------------------------
# Download automation on a media host's EC2 instance (Docker's awslogs
# driver, one stream for the compose project): Prowlarr sends its
# Cloudflare-protected indexers' requests through FlareSolverr, and
# decluttarr (LOG_LEVEL=VERBOSE) cleans Sonarr's and Radarr's queues every
# ten minutes. chromium's stderr lines are print lines.

INDEXERS = [("1337x", "https://1337x.to/search/{}/1/"), ("EZTV", "https://eztvx.to/search/{}"),
            ("TorrentGalaxy", "https://torrentgalaxy.to/torrents.php?search={}"),
            ("LimeTorrents", "https://www.limetorrents.lol/search/all/{}/")]
QUEUE = {"Sonarr": [("The.Bear.S03E04.1080p.WEB.h264-ETHEL", "stalled"),
                    ("Shogun.2024.S01E07.2160p.DSNP.WEB-DL.DDP5.1.H.265-NTb", "slow"),
                    ("Slow.Horses.S04E02.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", "failed import"),
                    ("Fallout.S01E05.720p.WEB.x265-MiNX", "missing metadata")],
         "Radarr": [("Dune.Part.Two.2024.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX", "stalled"),
                    ("Civil.War.2024.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX", "orphan"),
                    ("Oppenheimer.2023.1080p.BluRay.x264-SPARKS", "slow")]}
SERIES = ["Slow Horses", "Severance", "The Bear", "Andor", "Shogun"]


def stream_flaresolverr_decluttarr():
    # verboselogs' addLevelName(VERBOSE, "VERBOSE"), for the stream's time.
    with level_names({VERBOSE: "VERBOSE"}):
        return flaresolverr_decluttarr()


def flaresolverr_decluttarr():
    stream = []
    fs = Program("flaresolverr", "root", logging.Formatter(FLARESOLVERR, FLARESOLVERR_DATEFMT), stream)
    dc = Program("decluttarr", "__main__", logging.Formatter(DECLUTTARR), stream)
    f, waitress = lg(fs, "root"), lg(fs, "waitress")
    d = lg(dc, "src.utils.loadScripts")
    shared, cleaner = lg(dc, "src.utils.shared"), lg(dc, "src.decluttarr")
    rescans, main = lg(dc, "src.jobs.run_periodic_rescans"), lg(dc, "__main__")

    for msg in ("FlareSolverr 3.5.0", "Testing web browser installation...",
                "Platform: Linux-6.1.0-1027-aws-x86_64-with-glibc2.36", "Chrome / Chromium path: /usr/bin/chromium",
                "Chrome / Chromium major version: 131", "Launching web browser..."):
        f.info(msg)
    printed(stream, "[0511/144444.812:ERROR:bus.cc(407)] Failed to connect to the bus: Failed to connect to socket "
                    "/run/dbus/system_bus_socket: No such file or directory")
    f.info("FlareSolverr User-Agent: " + "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Safari/537.36")
    f.info("Test successful!")
    waitress.info("Serving on http://0.0.0.0:8191")

    # decluttarr's start: showWelcome, showSettings, instanceChecks,
    # createQbitProtectionTag, showLoggerLevel.
    for msg in ("#" * 50, "Decluttarr - Application Started!", "", "Like this app? Thanks for giving it a ⭐️ on "
                "GitHub!", "https://github.com/ManiMatter/decluttarr/", "", "*** Current Settings ***"):
        d.info(msg)
    d.info("Version: %s", "v1.50.2")
    d.info("Commit: %s", "ff035bf")
    d.info("")
    for setting, what in [("REMOVE_FAILED", "failed downloads"), ("REMOVE_FAILED_IMPORTS", "failed imports")]:
        d.info("%s | Removing %s (%s)", "True", what, setting)
    d.log(VERBOSE, "> Imports with a warning flag are considered failed if the status message contains any of the "
          "following patterns:")
    for pattern in ("Not a Custom Format upgrade for existing", "Not an upgrade for existing", "Found matching series"):
        d.log(VERBOSE, '  - "%s"', pattern)
    for setting, what in [("REMOVE_METADATA_MISSING", "downloads missing metadata"),
                          ("REMOVE_MISSING_FILES", "downloads missing files"), ("REMOVE_ORPHANS", "orphan downloads"),
                          ("REMOVE_SLOW", "slow downloads"), ("REMOVE_STALLED", "stalled downloads"),
                          ("REMOVE_UNMONITORED", "downloads belonging to unmonitored items")]:
        d.info("%s | Removing %s (%s)", "True", what, setting)
    d.info("%s/%s (%s) | Search missing/cutoff-unmet items. Max queries/list: %s. Min. days to re-search: %s (%s)",
           True, True, "SONARR", 3, 7, "RUN_PERIODIC_RESCANS")
    d.info("")
    d.info("Running every: %s", "0 days 0 hours 10 minutes")
    d.info("Minimum speed enforced: %s KB/s", "100")
    d.info("Permitted number of times before stalled/missing metadata/slow downloads are removed: %s", "3")
    d.info('Downloads with this tag will be skipped: "%s"', "Don't Kill")
    d.info("Private Trackers will be skipped: %s", True)
    d.info("")
    d.info("*** Configured Instances ***")
    d.info("%s%s: %s", "Sonarr", "", "http://sonarr:8989")
    d.info("%s%s: %s", "Radarr", " (Radarr 4K)", "http://radarr:7878")
    d.info("qBittorrent: %s", "http://qbittorrent:8080")
    d.info("")
    d.info("*** Check Instances ***")
    for name in ("Sonarr", "Radarr", "qBittorrent"):
        d.info("OK | %s", name)
    d.info("")
    d.info("#" * 50)
    d.info("")

    attempts = {}
    for cycle in range(5):
        # Prowlarr's RSS sync and Sonarr's searches go through FlareSolverr.
        for i, (indexer, url) in enumerate(INDEXERS):
            query = SERIES[(i + cycle) % len(SERIES)].replace(" ", "%20")
            body = {"cmd": "request.get", "url": url.format(query), "maxTimeout": 60000}
            f.info(f"Incoming request => POST /v1 body: {body}")
            status = "200 OK"
            if (i + cycle) % 7 == 5:
                f.error("Error: Error solving the challenge. Timeout after 60.0 seconds.")
                f.info("Response in 60.412 s")
                status = "500 Internal Server Error"
            elif (i + cycle) % 3 == 0:
                f.info("Challenge detected. Title found: Just a moment...")
                f.info("Challenge solved!")
                f.info("Response in %s s" % (5.8 + i * 1.3 + cycle / 10))
            else:
                f.info("Challenge not detected!")
                f.info("Response in %s s" % (1.2 + i * 0.4))
            f.info("%s %s %s %s" % ("172.20.0.7", "POST", "http://flaresolverr:8191/v1", status))
        if cycle == 3:
            f.info('Incoming request => POST /v1 body: %s' % {"cmd": "request.get", "url": "https://eztvx.to/",
                                                              "maxTimeout": 60000, "headers": []})
            f.warning("Request parameter 'headers' was removed in FlareSolverr v2.")
            f.error("Error: Cloudflare has blocked this request. Probably your IP is banned for this site, check in "
                    "your web browser.")
            f.info("Response in 3.107 s")
            f.info("%s %s %s %s" % ("172.20.0.7", "POST", "http://flaresolverr:8191/v1", "500 Internal Server Error"))
        main.log(VERBOSE, "-" * 50)
        for name in ("Sonarr", "Radarr"):
            label = name if name == "Sonarr" else "Radarr 4K"
            cleaner.log(VERBOSE, "Cleaning queue on %s:", label)
            if cycle == 2 and name == "Radarr":
                # rest_get prints the HTTPError and returns None: get_arr_records subscripts it.
                printed(stream, "HTTP Error: 503 Server Error: Service Unavailable for url: http://radarr:7878/"
                                "api/v3/queue?includeUnknownMovieItems=True")
                shared.warning(">>> Queue cleaning failed on %s. (File: %s / Line: %s / Error Message: %s / Error "
                               "Type: %s)", label, "decluttarr.py", 61, TypeError("'NoneType' object is not "
                               "subscriptable"), TypeError)
                continue
            found = 0
            for title, fail in QUEUE[name][:2 + cycle % 3]:
                if (len(title) + cycle) % 4 == 0:
                    continue
                found += 1
                n = attempts[title] = attempts.get(title, 0) + 1
                if fail == "slow" and cycle == 1:
                    shared.info(">>> Detected %s download that has completed downloading - skipping check "
                                "(torrent files likely in process of being moved): %s", fail, title)
                    continue
                if n <= 3:
                    shared.info(">>> Detected %s download (%s out of %s permitted times): %s", fail, str(n), "3",
                                title)
                else:
                    shared.info(">>> Detected %s download too many times (%s out of %s permitted times): %s", fail,
                                str(n), "3", title)
                    shared.info(">>> Removing %s download: %s", fail, title)
                if n > 4:
                    shared.log(VERBOSE, '>>> [Tip!] Since this download should already have been removed in a '
                               'previous iteration but keeps coming back, this indicates the blocking of the '
                               'torrent does not work correctly. Consider turning on the option "Reject '
                               'Blocklisted Torrent Hashes While Grabbing" on the indexer in the *arr app: %s',
                               title)
            if cycle == 1 and name == "Sonarr":
                shared.log(VERBOSE, ">>> Detected %s download, tagged not to be killed: %s", "stalled",
                           "Twin.Peaks.1990.S01.1080p.BluRay.x264-ROVERS")
            if cycle == 3 and name == "Sonarr":
                shared.info(">>> Download no longer marked as %s: %s", "stalled", QUEUE[name][0][0])
            if not found:
                cleaner.log(VERBOSE, ">>> Queue is clean.")
            if name == "Sonarr":
                if cycle % 2:
                    rescans.log(VERBOSE, ">>> Rescan: All missing items have recently been scanned for, thus "
                                "nothing to rescan.")
                else:
                    rescans.log(VERBOSE, ">>> Running a scan for 2 missing items:\n" + "\n".join(
                        f"{s} (Season 2 / Episode {e} / Aired: 2024-0{e}-1{e}T01:00:00Z): Chapter {e}"
                        for s, e in ((SERIES[cycle % 5], 3), (SERIES[(cycle + 1) % 5], 5))))
                rescans.log(VERBOSE, ">>> Rescan: No cutoff items, thus nothing to rescan.")
        if cycle == 4:
            shared.warning(">>> qBittorrent is disconnected. Skipping %s queue cleaning failed on %s.", "stalled",
                           "Sonarr")
        main.log(VERBOSE, "")
        main.log(VERBOSE, "Queue clean-up complete!")
        if cycle == 2:
            printed(stream, "[0511/145012.377:WARNING:sandbox_linux.cc(418)] InitializeSandbox() called with "
                            "multiple threads in process gpu-process.")
    return {"name": "flaresolverr-decluttarr", "programs": [fs, dc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A small office's video box on EC2 (the compose project's containers in
# one awslogs stream): MeTube archives the vendors' and conferences'
# YouTube channels its subscriptions follow, and motionEye (log_level
# debug) records the site's IP cameras, whose movie previews its tasks make.

VIDEOS = [("AWS re:Invent 2023 - Keynote with Dr. Werner Vogels", "UTRBVPvzt9w"),
          ("KubeCon EU 2024 - Keynote: Cloud Native Security", "dQ3bNnMpxaU"),
          ("Terraform Stacks explained", "Rd8tT3aXJ4U"), ("SREcon24 Americas - Incident Review Panel", "qE1vPz2mIhQ"),
          ("Grafana Loki 3.0 deep dive", "h7cTjfGmK9o"), ("PostgreSQL 17 - what's new", "kD2Qw9yRz4A")]
SUBS = ["AWS Events", "CNCF [Cloud Native Computing Foundation]", "HashiCorp", "USENIX"]
CAMERAS = [(1, "Front door", 8081), (2, "Loading bay", 8082), (3, "Server room", 8083)]


def stream_metube_motioneye():
    stream = []
    mt = Program("metube", "main", logging.Formatter(METUBE), stream)
    me = Program("motioneye", "root", logging.Formatter(MOTIONEYE, MOTIONEYE_DATEFMT), stream)
    m, ytdl, subs = lg(mt, "main"), lg(mt, "ytdl"), lg(mt, "subscriptions")
    e, access = lg(me, "root"), lg(me, "tornado.access")

    printed(stream, "configure_logging cmd motioneye: False")
    printed(stream, "configure logging to file: None")
    e.info("hello! this is motionEye server 0.44.0")
    e.debug("searching motion executable")
    e.debug('found motion executable "/usr/bin/motion" version "4.5.1"')
    e.debug('starting motion executable "/usr/bin/motion" version "4.5.1"')
    for msg in ("cleanup", "wsswitch", "tasks", "mjpg customer garbage collector has", "server"):
        e.info(msg + " started")
    for line in ("Setting umask to 022", "Creating download directory (/downloads), audio download directory "
                 "(/downloads), state directory (/downloads/.metube), and temp dir (/downloads)",
                 "Changing ownership of download and state directories to 1000:1000", "Starting BgUtils POT Provider",
                 "Running MeTube as user 1000:1000"):
        printed(stream, line)
    ytdl.info("Initializing DownloadQueue")
    m.info("Listening on 0.0.0.0:8081")
    printed(stream, "======== Running on http://0.0.0.0:8081 ========")
    printed(stream, "(Press CTRL+C to quit)")
    for cid, name, port in CAMERAS:
        e.debug(f"creating mjpg client for camera {cid}")
    m.info("Client connected: %s" % "Zq3xT8bVw1nKp0aAAAB")
    m.info("Sending download history")

    for cycle in range(6):
        # The subscriptions' periodic check queues the channels' new videos.
        sub = SUBS[cycle % len(SUBS)]
        subs.info("Checking subscription: %s", sub)
        if cycle == 4:
            subs.warning("Subscription check failed for %s: %s", sub, "ERROR: [youtube:tab] @usenix: Unable to "
                         "download API page: HTTP Error 429: Too Many Requests (caused by <HTTPError 429: Too Many "
                         "Requests>)")
        else:
            new = 1 + cycle % 2
            subs.info("Subscription check finished for %s: %d new, %d filtered, %d subscriber_skipped, %d queued, "
                      "%d failed", sub, new, 2, 0, new, 0)
        for title, vid in VIDEOS[cycle % 3:cycle % 3 + 1 + cycle % 2]:
            url = "https://www.youtube.com/watch?v=" + vid
            ytdl.info(f"Preparing download for: {title}")
            m.info(f"Notifier: Download added - {title}")
            ytdl.info(f"Starting download for: {title} ({url})")
            if cycle == 2:
                ytdl.warning("%s", f"[youtube] {vid}: nsig extraction failed: Some formats may be missing\n"
                             "         Install PhantomJS to workaround the issue. Please download it from "
                             "https://phantomjs.org/download.html\n"
                             "         n = aXa_qLd2mGsYb4w ; player = https://www.youtube.com/s/player/"
                             "5352eb4f/player_ias.vflset/en_US/base.js")
            if cycle == 3:
                ytdl.error("%s", f"ERROR: [youtube] {vid}: Sign in to confirm you're not a bot. Use --cookies-from-"
                           "browser or --cookies for the authentication.")
                ytdl.error(f"Download error for {title}: ERROR: [youtube] {vid}: Sign in to confirm you're not a "
                           "bot. Use --cookies-from-browser or --cookies for the authentication.")
                continue
            ytdl.info(f"Finished download for: {title}")
            ytdl.info(f"Status update finished for: {title}")
            m.info(f"Notifier: Download completed - {title}")
        # motionEye: the cameras' events, previews and the cleanup.
        for cid, name, port in CAMERAS:
            e.debug(f"received relayed event start for motion camera id {cid} (camera id {cid})")
            e.debug(f"marking motion detected for camera with id {cid}")
            if (cid + cycle) % 3 == 0:
                e.debug(f"received relayed event stop for motion camera id {cid} (camera id {cid})")
                e.debug(f"clearing motion detected for camera with id {cid}")
                path = f"/var/lib/motioneye/Camera{cid}/2024-05-11/14-4{cycle}-0{cid}.mp4"
                e.debug(f"received relayed event movie_end for motion camera id {cid} (camera id {cid})")
                e.debug(f'adding task "make_movie_preview({path})" in 5.0 seconds')
                e.debug(f'executing task "make_movie_preview({path})"')
                e.debug(f"creating movie preview for {path} with an offset of 6 seconds...")
                e.debug(f'running command "ffmpeg -i {path} -f mjpeg -vframes 1 -ss 6 -y {path}.thumb"')
        if cycle == 1:
            e.warning("mjpg client connection for camera 2 on port 8082 is closed")
            # MjpgClient._error: exc_info=True with no exception being handled.
            e.error("mjpg client for camera 2 on port 8082 error: [Errno 104] Connection reset by peer",
                    exc_info=True)
            e.debug("connection closed for mjpg client for camera 2 on port 8082")
            e.debug("mjpg client for camera 2 on port 8082 removed")
            e.debug("creating mjpg client for camera 2")
        if cycle == 2:
            access.warning("%d %s %.2fms", 404, "GET /favicon.ico (10.20.4.17)", 1.07)
            e.warning("relay event request with invalid secret from 172.21.0.1")
            access.warning("%d %s %.2fms", 403, "POST /_relay_event/?event=start&motion_camera_id=1 (172.21.0.1)",
                           2.41)
            m.info("Received request to add download")
            m.info("Add download request: type=%s quality=%s format=%s has_folder=%s auto_start=%s", "video", "best",
                   "mp4", True, True)
        if cycle == 3:
            e.debug("running cleanup process...")
            e.debug("cleaning up pictures...")
            e.debug("cleaning up movies...")

            def do_cleanup():
                def cleanup_media():
                    def remove():
                        raise OSError(30, "Read-only file system")
                    remove()
                cleanup_media()
            try:
                do_cleanup()
            except Exception as exc:
                e.error(f"failed to cleanup media files: {exc}", exc_info=True)
        if cycle == 4:
            def periodic_loop():
                def run_due_checks():
                    raised("yt_dlp.utils", "DownloadError", "ERROR: [youtube:tab] @usenix: Unable to download API "
                           "page: HTTP Error 429: Too Many Requests")
                run_due_checks()
            try:
                periodic_loop()
            except Exception as exc:
                subs.exception("Subscription periodic check error: %s", exc)
        done = "https://www.youtube.com/watch?v=" + VIDEOS[cycle][1]
        m.info(f"Download delete request processed for ids: {[done]}, where: done")
        m.info(f"Notifier: Download cleared - {done}")
    for msg in ("An interrupt signal received, closing …", "server stopped", "tasks stopped", "cleanup stopped",
                "motion stopped", "goodbye!"):
        e.info(msg)
    return {"name": "metube-motioneye", "programs": [mt, me], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A backup host (EC2, the compose project's containers in one awslogs
# stream): Maestral keeps the team's Dropbox folder in sync, and
# restic-compose-backup's cron job backs the project's volumes and its
# Postgres up to S3. The backup runner relays the process container's own
# output lines as records.

FILES = ["/Ops/runbooks/postgres-failover.md", "/Ops/oncall/2024-05-rota.xlsx", "/Finance/invoices/2024-05/aws.pdf",
         "/Media/photos/offsite-2024/IMG_4411.HEIC", "/Media/photos/offsite-2024/IMG_4412.HEIC",
         "/Ops/diagrams/vpc-peering.drawio", "/Legal/contracts/msa-acme-signed.pdf"]


def inner_lines(emit):
    """The backup process container's output: its records, in its own
    format, as the lines the runner reads from its log stream."""
    lines = []
    formatter = logging.Formatter(RCB)

    class Lines(logging.Handler):
        def emit(self, record):
            lines.extend(formatter.format(record).split("\n"))

    log = logging.Logger("restic_compose_backup", logging.INFO)
    log.addHandler(Lines())
    emit(log)
    return lines


def stream_maestral_rcb():
    stream = []
    ms = Program("maestral", "maestral", logging.Formatter(MAESTRAL, MAESTRAL_DATEFMT), stream)
    rc = Program("restic-compose-backup", "restic_compose_backup", logging.Formatter(RCB), stream)
    daemon, manager = lg(ms, "maestral.daemon"), lg(ms, "maestral.manager")
    sync, main = lg(ms, "maestral.sync"), lg(ms, "maestral.main")
    runner = lg(rc, "restic_compose_backup.backup_runner")
    cli, alerts = lg(rc, "restic_compose_backup.cli"), lg(rc, "restic_compose_backup.alerts")

    def ml(log, line, func, msg, *args, exc=None):
        at(log, logging.INFO, MAESTRAL_SRC + log.name.split(".")[-1] + ".py", line, func, msg, *args, exc=exc)

    ml(daemon, 387, "start_maestral_daemon", "Starting daemon")
    ml(sync, 1693, "upload_local_changes_while_inactive", "Indexing local changes...")
    ml(sync, 2919, "download_sync_cycle", "Fetching remote changes")
    for i in range(1, 5):
        ml(sync, 2928, "download_sync_cycle", f"Indexing {i * 500}...")
    for i in (1, 2):
        ml(sync, 3078, "<lambda>", f"Syncing ↓ {i}/2")
    ml(sync, 2952, "download_sync_cycle", "Up to date")

    def backup_run(run):
        runner.info("Starting backup container")
        if run == 2:
            def create():
                raised("docker.errors", "APIError", "500 Server Error for http+docker://localhost/v1.43/containers/"
                       "5c1f0e7d9a2b/start: Internal Server Error (\"error while creating mount source path "
                       "'/var/lib/docker/volumes/media_immich-upload/_data': mkdir /var/lib/docker/volumes/"
                       "media_immich-upload: read-only file system\")")
            try:
                create()
            except Exception as ex:
                cli.exception(ex)
                alerts.info("No alerts configured")
            return
        runner.info("Backup process container: %s", ["nostalgic_hopper", "eager_turing"][run])

        def process(log):
            log.info("Status for compose project '%s'", "media")
            log.info("Repository: '%s'", "s3:s3.amazonaws.com/acme-media-backups/restic")
            log.info("Backup currently running?: %s", True)
            log.info("Include project name in backup path?: %s", False)
            log.info("Checking docker availability")
            log.info("%s Detected Config %s", "-" * 25, "-" * 25)
            for service, vols in (("jellyfin", ["media_jellyfin-config"]), ("immich-server", ["media_immich-upload"]),
                                  ("paperless", ["media_paperless-data", "media_paperless-media"])):
                log.info("service: %s", service)
                for v in vols:
                    log.info(" - volume: %s -> %s", f"/var/lib/docker/volumes/{v}/_data", f"/volumes/{service}/{v}")
            log.info("service: %s", "immich-db")
            log.info(" - %s (is_ready=%s) -> %s", "postgres", True, "/databases/immich-db/immich.sql")
            log.info("-" * 67)
            log.info("Backing up volumes")
            if run == 1:
                def backup_files():
                    def run_cmd():
                        raise OSError(28, "No space left on device")
                    run_cmd()
                try:
                    backup_files()
                except Exception as ex:
                    log.error("Exception raised during volume backup")
                    log.exception(ex)
            log.info("Backing up databases")
            log.info("Backing up %s in service %s", "postgres", "immich-db")
            if run == 1:
                log.error("%s %s %s", "-" * 10, "stderr", "-" * 10)
                log.error('pg_dump: error: connection to server at "immich-db" (172.22.0.4), port 5432 failed: '
                          'FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute')
                log.error("-" * 28)
                log.error("Backup command exited with non-zero code: %s", 1)
                log.error("Exit code: %s", True)
                return
            log.info("Forget outdated snapshots")
            log.info("Prune stale data freeing storage space")
            log.info("Checking the repository for errors")
            log.info("Backup completed")
        for line in inner_lines(process):
            runner.info(line)
        cli.info("Backup container exit code: %s", run)
        if run:
            alerts.info("No alerts configured")

    for cycle in range(5):
        for j in range(2 + cycle % 2):
            item = FILES[(cycle * 2 + j) % len(FILES)]
            ml(manager, 617, "download_worker", "Syncing...")
            if cycle == 2 and j == 1:
                def sync_file():
                    def download():
                        raised("maestral.exceptions", "InsufficientPermissionsError",
                               "Could not download file. Insufficient permissions.")
                    download()
                try:
                    sync_file()
                except Exception:
                    ml(sync, 1568, "_handle_sync_error", "Could not sync %s", os.path.basename(item), exc=True)
                continue
            ml(sync, 2798, "get_remote_item", f"Syncing ↓ {item}")
            ml(manager, 619, "download_worker", "Up to date")
        if cycle == 1:
            for i in (1, 2, 3):
                ml(sync, 1969, "<lambda>", f"Syncing ↑ {i}/3")
            ml(sync, 2246, "_handle_normalization_conflict", 'Normalization conflict: renamed "%s" to "%s"',
               "/dropbox/Dropbox (Acme)/Ops/Résumé.pdf",
               "/dropbox/Dropbox (Acme)/Ops/Résumé (normalization conflict).pdf")
        if cycle == 3:
            ml(manager, 766, "_handle_sync_thread_errors", "Connection lost")
            ml(manager, 769, "_handle_sync_thread_errors", "Connecting...")
            ml(manager, 577, "connection_monitor", "Connected")
            ml(manager, 721, "startup_worker", "Retrying failed syncs...")
            ml(manager, 619, "download_worker", "Up to date")
        if cycle in (0, 2, 4):
            backup_run(cycle // 2)
        if cycle == 2:
            # A second `rcb backup` (started by hand while the cron job's
            # process container runs): backup() raises, uncaught.
            def rcb_main():
                def backup():
                    raise RuntimeError("Backup process already running")
                backup()
            uncaught(stream, rcb_main)
    ml(main, 1478, "shutdown_daemon", "Shutting down")
    ml(manager, 332, "stop", "Shutting down threads...")
    return {"name": "maestral-rcb", "programs": [ms, rc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_flaresolverr_decluttarr(), stream_metube_motioneye(), stream_maestral_rcb()])


if __name__ == "__main__":
    main()
