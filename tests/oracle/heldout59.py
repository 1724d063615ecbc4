"""The 59-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout58.py`): six more programs'
own logging set-ups, in three streams of two, from chat bots and game
servers (a programming community's Discord and Telegram bots on one ECS
host, where python-discord's bot moderates the guild and
mirror-leech-telegram-bot mirrors files for the community's Telegram group;
a streamer's bots on one EC2 host, where Twitch-Channel-Points-Miner-v2
watches the channels the team follows and an Ultroid userbot runs the
streamer's Telegram account; a gaming community's game servers, where a
Quake Live dedicated server runs minqlx's plugins beside a bancho.py osu!
server), each format copied from the file named beside it (the version
read is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout59

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 93b9e7e (session 27's rules in, none written
from this set), with nothing configured: 45.0% exact, 66.4% key fields
(asctime 91.9%, levelname 91.9%, name 67.3%, message 74.8%).

Formatters and filters: python-discord's bot (pydis_core's log_format, the
same Formatter on its stdout handler), mirror-leech-telegram-bot and Ultroid
(logging.basicConfig's), minqlx and bancho.py (dictConfig's, from the
logging.yaml its setup copies from logging.yaml.example) use
logging.Formatter itself, no filter. The Twitch miner's root has a
QueueHandler; its QueueListener thread hands the prepared records to the
console handler's GlobalFormatter (reproduced below as `MinerFormatter`):
QueueHandler.prepare (Python 3.10, the image's) first formats the record
with logging's default formatter, so a traceback is folded into the
message and exc_info is cleared, then GlobalFormatter puts the record's
`emoji` extra (emoji.emojize of ":rocket:" and the like, written here as
the characters) and two spaces before the stripped message and sets
`emoji_is_present`; the `emoji`, `event` and `emoji_is_present` extras are
kept in the truth, as python-json-logger writes them. Its colours
(colored=True, colorama's Fore codes in the message) are stripped by
colorama's wrapper on the task's non-TTY stdout: neither the text nor the
truth holds them. Its format prints "[funcName]: " after the level, no
name, and its time "%d/%m/%y %H:%M:%S". 337 records in three streams
(116, 104 and 117; 30 of them print lines or printed tracebacks).

pydis_core's format is " | "-separated with Python's default time, the
level before the name. mirror-leech's is the cookbook's with Python's
default time, on stderr, every module's records under "bot" (bot/__init__'s
LOGGER) and update.py's under "root". Ultroid's prints "name [LEVEL] : "
after a " | " and a "%m/%d/%Y, %H:%M:%S" time (its Dockerfile sets
TZ=Asia/Kolkata; this task sets TZ=UTC, as the harness prints); its start
banner and its "deployed" message start with a line break and spaces.
minqlx's console format has no time: "[minqlx.funcName] LEVEL: ", the
logger's name glued to the function by a dot; its log_exception logs a
traceback one ERROR record a line (funcName "log_exception"). bancho.py's
plaintext format brackets the time ("%Y-%m-%d %H:%M:%S") and prints the
level and the message, no name; LOG_WITH_COLORS=False (.env.example), so
its log() strips the ANSI codes from its messages; asyncio's "unhandled
exception during loop shutdown" reaches the same root handler with a
traceback.

Print lines: the containers' start lines (start.sh and qBittorrent's in
mirror-leech, Ultroid's startup script), the Quake Live server's own
console lines, bancho.py's traceback.print_exc() in its !py command and
Docker's lines.

The messages are the programs' own log calls, read at the commits cited
(python-discord's bot.py, exts/backend/sync, error_handler.py, defcon.py,
infraction/_scheduler.py; mirror-leech's __main__.py, core/, listeners/,
download_utils/; the miner's TwitchChannelPointsMiner.py,
WebSocketsPool.py, Twitch.py, Streamer.py, Chat.py; Ultroid's
pyUltroid/startup/__init__.py, __main__.py, loader.py, funcs.py; minqlx's
_core.py, _events.py; bancho.py's init_api.py, middlewares.py,
domains/cho.py, bg_loops.py, utils.py); discord.py's, Telethon's and
APScheduler's records are modelled from memory of their source, not read.
Values (guilds, users, channels, streamers, points, files, players, maps,
hosts), exception texts, print lines and the tracebacks' frames (this
file's) are modelled.

Left out: RoboDanny (its console is discord.utils.setup_logging()'s and its
file format "[{asctime}] [{levelname:<7}] {name}: {message}", style "{",
Rapptz/RoboDanny 39af9d71 launcher.py: a spec'd field, as discord.py's in
`heldout.py`), MusicBot (colorlog.LevelFormatter with a format per level,
"{log_color}" in each, Just-Some-Bots/MusicBot 2861810c musicbot/utils.py),
PyPlanet (its console format is colorlog's "%(log_color)s...", PyPlanet/
PyPlanet d6fe30e8 pyplanet/conf/default_settings.py), PUBobot2 (its
core/console.py writes lines itself, no logging; Leshaka/PUBobot2
b8fd02fb), TwitchDropsMiner (a Tk GUI: its output handler writes to the
window, "{levelname}: {message}", DevilXD/TwitchDropsMiner 65d10928
constants.py), and Red-DiscordBot, Modmail, botamusique, Ballsdex, Avrae,
pajbot, hemppa, matrix-commander, matrix-reminder-bot, maubot, mautrix,
heisenbridge, Errbot, Sopel, Limnoria, opsdroid, RSS-to-Telegram-Bot,
moonraker-telegram-bot, Crafty, MCDReforged, Evennia, piqueserver,
lichess-bot and the 0 A.D. lobby bots (in earlier sets or their Left out).
"""

import enum
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# python-discord's bot (python-discord/bot, 35d9e45d), bot/log.py setup():
# the stdout handler's formatter is pydis_core's log_format (python-discord/
# bot-core, 38fcb4aa, pydis_core/utils/logging.py).
PYDIS = "%(asctime)s | %(levelname)s | %(name)s | %(message)s"
# mirror-leech-telegram-bot (anasty17/mirror-leech-telegram-bot, 1136f510),
# bot/__init__.py's logging.basicConfig (FileHandler("log.txt") and a
# StreamHandler), the same in update.py.
MLTB = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Twitch-Channel-Points-Miner-v2 (rdavydov/Twitch-Channel-Points-Miner-v2,
# 92b9e74d), TwitchChannelPointsMiner/logger.py configure_loggers: the
# console handler's GlobalFormatter with settings.less False.
MINER = "%(asctime)s - %(levelname)s - [%(funcName)s]: %(message)s"
MINER_DATEFMT = "%d/%m/%y %H:%M:%S"
# Ultroid (TeamUltroid/Ultroid, edd18d31), pyUltroid/startup/__init__.py
# _LOG_FORMAT through logging.basicConfig (coloredlogs is not in the image's
# requirements.txt: only the termux installer adds it).
ULTROID = "%(asctime)s | %(name)s [%(levelname)s] : %(message)s"
ULTROID_DATEFMT = "%m/%d/%Y, %H:%M:%S"
# minqlx (MinoMino/minqlx, fbdd9151), python/minqlx/_core.py
# _configure_logger's console_fmt (a StreamHandler at INFO on the "minqlx"
# logger).
MINQLX = "[%(name)s.%(funcName)s] %(levelname)s: %(message)s"
MINQLX_DATEFMT = "%H:%M:%S"
# bancho.py (osuAkatsuki/bancho.py, d04a0884), logging.yaml.example's
# "plaintext" formatter (the root's console handler on stdout).
BANCHO = "[%(asctime)s] %(levelname)s %(message)s"
BANCHO_DATEFMT = "%Y-%m-%d %H:%M:%S"


# --------------------------------------------------------------------------
# A programming community's chat bots on one ECS host (awslogs, one log
# group): python-discord's bot moderates the Discord guild and syncs it to
# its site API; mirror-leech-telegram-bot mirrors files into the group's
# Drive for its Telegram chat.

GUILD_USERS = ["lemon#0001", "scragly", "ks129", "wookie184", "chrisjl", "mbaruh", "shtlrs", "zig"]
MIRRORS = ["ubuntu-24.04-live-server-arm64.iso", "PyCon_US_2024_talks.zip", "debian-12.5.0-amd64-netinst.iso",
           "postgres-16-docs.pdf", "grafana-dashboards-backup.tar.gz", "archlinux-2024.05.01-x86_64.iso"]


def stream_pydis_mltb():
    stream = []
    pd = Program("pydis-bot", "bot.bot", logging.Formatter(PYDIS), stream)
    ml = Program("mirror-leech", "bot", logging.Formatter(MLTB), stream)
    bot = lg(pd, "bot.bot")
    sync = lg(pd, "bot.exts.backend.sync._cog")
    syncers = lg(pd, "bot.exts.backend.sync._syncers")
    defcon = lg(pd, "bot.exts.moderation.defcon")
    sched = lg(pd, "bot.exts.moderation.infraction._scheduler")
    doc = lg(pd, "bot.exts.info.doc._cog")
    errors = lg(pd, "bot.exts.backend.error_handler")
    gateway = lg(pd, "discord.gateway")
    m = lg(ml, "bot")
    root = lg(ml, "root")

    printed(stream, "source mltbenv/bin/activate")
    root.info("Config module not found, loading from environment variables...")
    root.info("Successfully updated with latest commit from UPSTREAM_REPO")
    printed(stream, "WebUI will be started shortly after internal preparations. Please wait...")
    m.info("Creating client from BOT_TOKEN")
    m.info("Get qBittorrent options from server")
    m.info("Get aria2 options from server")
    m.info("Users data has been imported from Database")
    m.info("Rss data has been imported from Database.")
    m.info("Bot Started!")
    for attempt in range(3):
        bot.info(f"Attempting site connection: {attempt + 1}/{3}")
    for attempt in (1, 2):
        sync.info("Attempt %d/%d: Guild not yet chunked, checking again in 10s.", attempt, 5)
    sync.info("Guild was found to be chunked after %d attempt(s).", 3)
    sync.info("Starting syncers.")
    syncers.info("Starting role syncer.")
    syncers.info("role syncer finished: created `0`, updated `2`, deleted `0`.")
    syncers.info("Starting user syncer.")
    try:
        def sync_users():
            def patch():
                raised("pydis_core.site_api", "ResponseCodeError",
                       "Status: 502 Response: <html><head><title>502 Bad Gateway</title></head></html>")
            patch()
        sync_users()
    except Exception:
        syncers.exception("user syncer failed!")
    defcon.info("DEFCON synchronized: 3 days")
    defcon.info("DEFCON notifier started.")
    for cycle in range(8):
        name = MIRRORS[cycle % len(MIRRORS)]
        gid = "%016x" % (0x3f2a9b1c07d4e5a1 + cycle * 7919)
        if cycle % 3 == 0:
            m.info(f"Added to Queue/Download: {name}. Gid: {gid}")
            m.info(f"Start Queued Download from Aria2c: {name}. Gid: {gid}")
        else:
            m.info(f"Aria2Download started: {name}. Gid: {gid}")
        m.info(f"onDownloadStarted: {name} - Gid: {gid}")
        user = GUILD_USERS[cycle % len(GUILD_USERS)]
        if cycle % 2 == 0:
            defcon.info(f"Rejecting user {user}_alt: Account is too new")
        sched.info(f"Re-applied mute to user {410000000000000000 + cycle * 1337} upon rejoining.")
        if cycle == 2:
            m.info(f"onDownloadError: {gid}")
            m.info("Download Error: [Errno 28] No space left on device")
            m.info(f"Cleaning Download: /app/downloads/{cycle + 40}")
            continue
        if cycle == 4:
            doc.warning("Invalid inventory header at https://docs.aiohttp.org/en/stable/objects.inv. Reason: "
                        "Unknown inventory version.")
            doc.info("Failed to fetch inventory; attempting again in 2 minutes.")
            gateway.warning("Can't keep up, shard ID %s websocket is %.1fs behind.", None, 14.3)
        if cycle == 5:
            def invoke():
                def callback():
                    raised("discord.errors", "Forbidden", "403 Forbidden (error code: 50013): Missing Permissions")
                callback()
            try:
                invoke()
            except Exception as e:
                errors.error(f"Error executing command invoked by {user}: !tag aws-credentials", exc_info=e)
        m.info(f"onDownloadComplete: {name} - Gid: {gid}")
        m.info(f"Download completed: {name}")
        if name.endswith((".zip", ".tar.gz")):
            m.info(f"Extracting: {name}")
        m.info(f"Gdrive Upload Name: {name}")
        if cycle == 6:
            m.warning(f"Failed to delete AllDebrid magnet {281734 + cycle}: 404, message='Not Found'")
        m.info(f"Task Done: {name}")
        m.info(f"Cleaning Download: /app/downloads/{cycle + 40}")
        for uid in range(2):
            sched.info(f"Channel or message {1240000000000000000 + cycle * 31 + uid} not found in channel "
                       f"{267659945086812160}.")
    m.info("Client(s) stopped")
    printed(stream, "mirror-leech-1 exited with code 0")
    return {"name": "pydis-mltb", "programs": [pd, ml], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A streamer's bots on one EC2 host (Docker's awslogs driver, one stream
# for the compose project): the Twitch channel-points miner watches the
# channels the team follows, and an Ultroid userbot runs the streamer's
# Telegram account.

EMOJI = {":bomb:": "\N{BOMB}", ":nerd_face:": "\N{NERD FACE}", ":sleeping:": "\N{SLEEPING FACE}",
         ":partying_face:": "\N{FACE WITH PARTY HORN AND PARTY HAT}", ":rocket:": "\N{ROCKET}",
         ":gift:": "\N{WRAPPED PRESENT}", ":performing_arts:": "\N{PERFORMING ARTS}",
         ":alarm_clock:": "\N{ALARM CLOCK}", ":four_leaf_clover:": "\N{FOUR LEAF CLOVER}",
         ":bar_chart:": "\N{BAR CHART}", ":speech_balloon:": "\N{SPEECH BALLOON}",
         ":stop_sign:": "\N{OCTAGONAL SIGN}", ":page_facing_up:": "\N{PAGE FACING UP}",
         ":hourglass:": "\N{HOURGLASS}", ":moneybag:": "\N{MONEY BAG}"}


class Events(enum.Enum):
    """The miner's classes/Settings.py Events (those this stream logs);
    its __str__ is the name."""
    STREAMER_ONLINE = "STREAMER_ONLINE"
    STREAMER_OFFLINE = "STREAMER_OFFLINE"
    GAIN_FOR_WATCH = "GAIN_FOR_WATCH"
    GAIN_FOR_CLAIM = "GAIN_FOR_CLAIM"
    GAIN_FOR_WATCH_STREAK = "GAIN_FOR_WATCH_STREAK"
    GAIN_FOR_RAID = "GAIN_FOR_RAID"
    BONUS_CLAIM = "BONUS_CLAIM"
    JOIN_RAID = "JOIN_RAID"
    BET_START = "BET_START"
    BET_GENERAL = "BET_GENERAL"
    BET_WIN = "BET_WIN"
    BET_LOSE = "BET_LOSE"
    CHAT_MENTION = "CHAT_MENTION"

    def __str__(self):
        return self.name


class MinerFormatter(logging.Formatter):
    """QueueHandler.prepare (Python 3.10), then the miner's GlobalFormatter
    with emoji=True, console_username=False, colours stripped off the
    non-TTY stdout by colorama."""

    def __init__(self):
        super().__init__(MINER, MINER_DATEFMT)

    def format(self, record):
        msg = logging.Formatter().format(record)
        record.message, record.msg, record.args, record.exc_info, record.exc_text = msg, msg, None, None, None
        record.emoji_is_present = getattr(record, "emoji_is_present", False)
        if hasattr(record, "emoji") and record.emoji_is_present is False:
            record.msg = f"{EMOJI[record.emoji]}  {record.msg.strip()}"
            record.emoji_is_present = True
        record.msg = "" + record.msg
        return super().format(record)


def millify(n):
    """The millify package's millify(n, precision=2), as the miner's _millify."""
    n, idx = float(n), 0
    while abs(n) >= 1000 and idx < 5:
        n, idx = n / 1000, idx + 1
    return f"{n:.2f}".rstrip("0").rstrip(".") + ["", "k", "M", "B", "T", "P"][idx]


MINER_SRC = "/usr/src/app/TwitchChannelPointsMiner/"
STREAMERS = [["shroud", 37402112, 61365], ["lirik", 23161357, 4240], ["cohhcarnage", 26610234, 128770],
             ["sodapoppin", 26301881, 3760], ["northernlion", 14371185, 95710]]


def streamer(s):
    return f"Streamer(username={s[0]}, channel_id={s[1]}, channel_points={millify(s[2])})"


def stream_miner_ultroid():
    stream = []
    tm = Program("twitch-miner", "TwitchChannelPointsMiner.TwitchChannelPointsMiner", MinerFormatter(), stream)
    ul = Program("ultroid", "pyUltLogs", logging.Formatter(ULTROID, ULTROID_DATEFMT), stream)
    main = lg(tm, "TwitchChannelPointsMiner.TwitchChannelPointsMiner")
    ws = lg(tm, "TwitchChannelPointsMiner.classes.WebSocketsPool")
    tw = lg(tm, "TwitchChannelPointsMiner.classes.Twitch")
    st = lg(tm, "TwitchChannelPointsMiner.classes.entities.Streamer")
    chat = lg(tm, "TwitchChannelPointsMiner.classes.Chat")
    u = lg(ul, "pyUltLogs")
    tg = lg(ul, "telethon.network.mtprotosender")

    def miner(log, file, line, func, msg, emoji=None, event=None, level=logging.INFO, exc=None):
        extra = {}
        if emoji:
            extra["emoji"] = emoji
        if event:
            extra["event"] = event
        at(log, level, MINER_SRC + file, line, func, msg, exc=exc, extra=extra or None)

    printed(stream, "Attaching to twitch-miner-1, ultroid-1")
    miner(main, "TwitchChannelPointsMiner.py", 163, "__init__",
          "Twitch Channel Points Miner v2-1.9.7 (fork by rdavydov)")
    miner(main, "TwitchChannelPointsMiner.py", 166, "__init__",
          "https://github.com/rdavydov/Twitch-Channel-Points-Miner-v2")
    printed(stream, "      Starting Ultroid...")
    u.info("\n                    -----------------------------------\n                            Starting "
           "Deployment\n                    -----------------------------------\n    ")
    u.info("Python version - 3.11.9")
    u.info("py-Ultroid Version - 2025.02.19")
    u.info("Telethon Version - 1.36.0 [Layer: 186]")
    u.info("Ultroid Version - 2.0 [Docker]")
    u.info("Connecting to Redis...")
    u.info("Connected to Redis Successfully!")
    tg.info("Connecting to %s...", "149.154.167.91:443/TcpFull")
    tg.info("Connection to %s complete!", "149.154.167.91:443/TcpFull")
    session = "9eb934b0-1684-4a62-b3e2-ba097bd67d35"
    miner(main, "TwitchChannelPointsMiner.py", 223, "run", f"Start session: '{session}'", ":bomb:")
    miner(main, "TwitchChannelPointsMiner.py", 258, "run", f"Loading data for {len(STREAMERS)} streamers. Please "
          "wait...", ":nerd_face:")
    for s in STREAMERS:
        miner(st, "classes/entities/Streamer.py", 134, "set_offline", f"{streamer(s)} is Offline!", ":sleeping:",
              Events.STREAMER_OFFLINE)
    u.info("Initialising...")
    u.info("• Installing Official Plugins || Count : 72 •")
    u.info("• Installing Addons Plugins || Count : 41 •")
    u.error("addons.songdl: 'youtubesearchpython' not installed!")
    try:
        def import_module():
            def exec_module():
                raised("builtins", "AttributeError", "module 'telethon.tl.functions.messages' has no attribute "
                       "'GetStickerSetRequest'")
            exec_module()
        import_module()
    except Exception as exc:
        u.error("pyUltroid - Addons - ERROR - addons.quotly")
        u.exception(exc)
    u.error("'pytgcalls' not installed!\nSkipping loading of VCBOT.")
    u.info("Customising Your Assistant Bot in @BOTFATHER")
    u.info("Customisation Done")
    u.info("\n            ----------------------------------------------------------------------\n                "
           "Ultroid has been deployed! Visit @TheUltroid for updates!!\n            ------------------------------"
           "----------------------------------------\n    ")

    for cycle in range(10):
        s = STREAMERS[cycle % len(STREAMERS)]
        if cycle in (0, 3, 6):
            miner(st, "classes/entities/Streamer.py", 150, "set_online", f"{streamer(s)} is Online!",
                  ":partying_face:", Events.STREAMER_ONLINE)
            miner(chat, "classes/Chat.py", 95, "run", f"Join IRC Chat: {s[0]}", ":speech_balloon:")
        for k, o in enumerate(STREAMERS[:3]):
            reason = ["WATCH", "WATCH", "CLAIM", "WATCH_STREAK"][(cycle + k) % 4]
            earned = {"WATCH": 10, "CLAIM": 50, "WATCH_STREAK": 450}[reason]
            if reason == "CLAIM":
                miner(tw, "classes/Twitch.py", 781, "claim_bonus", f"Claiming the bonus for {streamer(o)}!",
                      ":gift:", Events.BONUS_CLAIM)
            o[2] += earned
            miner(ws, "classes/WebSocketsPool.py", 209, "on_message", f"+{earned} \u2192 {streamer(o)} - Reason: "
                  f"{reason}.", ":rocket:", Events[f"GAIN_FOR_{reason}"])
        if cycle == 2:
            event = (f"EventPrediction(event_id=5b1e3c2a-8d4f-4e7a-9c61-15c61914ef69, streamer={streamer(s)}, "
                     "title=Will we beat the boss first try?)")
            miner(ws, "classes/WebSocketsPool.py", 310, "on_message", f"Place the bet after: 89.99s for: {event}",
                  ":alarm_clock:", Events.BET_START)
            miner(tw, "classes/Twitch.py", 703, "make_predictions", f"Going to complete bet for {event}",
                  ":four_leaf_clover:", Events.BET_GENERAL)
            miner(tw, "classes/Twitch.py", 729, "make_predictions", "Place 5k channel points on: YES (BLUE), Points: "
                  "848k, Users: 190 (70.63%), Odds: 1.24 (80.65%)", ":four_leaf_clover:", Events.BET_GENERAL)
        if cycle == 4:
            miner(ws, "classes/WebSocketsPool.py", 355, "on_message", f"{event} - Decision: A: YES (BLUE) - Result: "
                  "WIN, Points won: 6.2k", ":bar_chart:", Events.BET_WIN)
            miner(ws, "classes/WebSocketsPool.py", 123, "on_error", "#1 - WebSocket error: Connection to remote host "
                  "was lost.", level=logging.ERROR)
            miner(ws, "classes/WebSocketsPool.py", 127, "on_close", "#1 - WebSocket closed")
            miner(ws, "classes/WebSocketsPool.py", 145, "handle_reconnection", "#1 - Reconnecting to Twitch PubSub "
                  "server in ~60 seconds")
        if cycle == 5:
            def send_minute_watched():
                def post():
                    raised("requests.exceptions", "ReadTimeout", "HTTPSConnectionPool(host='gql.twitch.tv', port=443): "
                           "Read timed out. (read timeout=20)")
                post()
            try:
                send_minute_watched()
            except Exception:
                miner(tw, "classes/Twitch.py", 665, "send_minute_watched_events",
                      "Exception raised in send minute watched", level=logging.ERROR, exc=True)
            miner(tw, "classes/Twitch.py", 271, "__check_connection_handler",
                  "No internet connection available! Retry after 2m", level=logging.WARNING)
        if cycle == 7:
            miner(tw, "classes/Twitch.py", 242, "update_raid", f"Joining raid from {streamer(s)} to pokelawls!",
                  ":performing_arts:", Events.JOIN_RAID)
            miner(chat, "classes/Chat.py", 75, "on_pubmsg", f"viewer_4812 at #{s[0]} wrote: @sre_oncall gg",
                  ":speech_balloon:", Events.CHAT_MENTION)
        if cycle == 8:
            miner(st, "classes/entities/Streamer.py", 134, "set_offline", f"{streamer(STREAMERS[0])} is Offline!",
                  ":sleeping:", Events.STREAMER_OFFLINE)
            miner(chat, "classes/Chat.py", 102, "stop", f"Leave IRC Chat: {STREAMERS[0][0]}", ":speech_balloon:")
        if cycle % 3 == 1:
            u.warning("Redis keepalive update failed: %s", "Timeout reading from socket")
        if cycle == 6:
            tg.info("Connection closed while receiving data")
            tg.info("Closing current connection to begin reconnect...")
            tg.info("Connecting to %s...", "149.154.167.91:443/TcpFull")
            tg.info("Connection to %s complete!", "149.154.167.91:443/TcpFull")
    miner(main, "TwitchChannelPointsMiner.py", 419, "end", "CTRL+C Detected! Please wait just a moment!")
    printed(stream, "")
    printed(stream, "")
    miner(main, "TwitchChannelPointsMiner.py", 456, "__print_report", f"Ending session: '{session}'", ":stop_sign:")
    miner(main, "TwitchChannelPointsMiner.py", 460, "__print_report", "Logs file: /usr/src/app/logs/sre_oncall.log",
          ":page_facing_up:")
    miner(main, "TwitchChannelPointsMiner.py", 463, "__print_report", "Duration 10:29:19.547371", ":hourglass:")
    for s in STREAMERS[:3]:
        miner(main, "TwitchChannelPointsMiner.py", 510, "__print_report", f"{streamer(s)}, Total points gained "
              f"(after farming - before farming): {s[2] % 977}\nCLAIM(4 times, 200 gained), WATCH(11 times, 110 "
              "gained)", ":moneybag:")
    printed(stream, "twitch-miner-1 exited with code 0")
    return {"name": "miner-ultroid", "programs": [tm, ul], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A gaming community's game servers on EC2 (Docker's awslogs driver): a
# Quake Live dedicated server runs minqlx's default plugins (its console
# on the container's output with the server's own lines), and bancho.py
# serves the community's osu! players.

QL_PLAYERS = ["^1Dark^7Fiend", "Rapha", "^4k1llSw1tch", "anonymous-guy", "cooller", "^2Zero4^7"]
OSU = [("cmyui", 3), ("tsunyoku", 4), ("Aochi", 1001), ("kingbob", 1002), ("Mr HeliX", 1003), ("realistik", 1004)]
QL_SRC = "/qlds/minqlx.zip/minqlx/"


def stream_minqlx_bancho():
    stream = []
    mq = Program("minqlx", "minqlx", logging.Formatter(MINQLX, MINQLX_DATEFMT), stream)
    bp = Program("bancho.py", "root", logging.Formatter(BANCHO, BANCHO_DATEFMT), stream)
    q = lg(mq, "minqlx")
    b = lg(bp, "root")
    aio = lg(bp, "asyncio")

    def ql(log, file, line, func, msg, level=logging.INFO):
        at(log, level, QL_SRC + file, line, func, msg)

    def log_exception(plugin, fn):
        # minqlx's log_exception: the traceback, one ERROR record a line.
        try:
            fn()
        except Exception:
            for line in traceback.format_exc().rstrip("\n").split("\n"):
                ql(lg(mq, "minqlx." + plugin), "_core.py", 149, "log_exception", line, logging.ERROR)

    printed(stream, "+ scripts/wait-for-it.sh --timeout=60 mysql:3306")
    printed(stream, "wait-for-it.sh: mysql:3306 is available after 2 seconds")
    printed(stream, "+ python main.py")
    b.warning("It is not recommended to run bancho.py as root/admin, especially in production.")
    b.warning("Running the server with root privileges is not recommended.")
    b.info("Initializing housekeeping tasks.")
    b.info("Startup process complete.")
    b.info("Listening @ 0.0.0.0:10000")
    printed(stream, "Quake Live 1069 linux-x64 May 11 2024 12:10:07")
    printed(stream, "----- FS_Startup -----")
    printed(stream, "------- Game Initialization -------")
    ql(q, "_core.py", 460, "late_init", "Loading preset plugins...")
    for p in ("plugin_manager", "essentials", "motd", "permission", "ban", "silence", "clan", "names", "log",
              "workshop", "balance"):
        ql(q, "_core.py", 344, "load_plugin", f"Loading plugin '{p}'...")
    ql(q, "_core.py", 466, "late_init", "Stats listener started on tcp://127.0.0.1:27960.")
    ql(q, "_core.py", 470, "late_init", "We're good to go!")
    printed(stream, "Server: campgrounds")

    for cycle in range(7):
        # Players join the Quake Live server; the server prints, minqlx logs.
        for k, name in enumerate(QL_PLAYERS[:3 + cycle % 4]):
            if (cycle + k) % 3 == 0:
                printed(stream, f'broadcast: print "{name}^7 connected\\n"')
        if cycle == 1:
            ql(q, "_core.py", 94, "parse_variables", "Uneven number of keys and values: \\name\\^1Dark^7Fiend\\"
               "handicap\\100\\rate", logging.WARNING)
        if cycle == 2:
            def handle_player_connect():
                def get_rating():
                    raised("requests.exceptions", "ConnectionError",
                           "HTTPConnectionPool(host='qlstats.net', port=8080): Max retries exceeded with url: "
                           "/elo/76561198012345678 (Caused by NewConnectionError('<urllib3.connection."
                           "HTTPConnection object at 0x7f3c2b1e8d90>: Failed to establish a new "
                           "connection: [Errno 110] Connection timed out'))")
                get_rating()
            log_exception("balance", handle_player_connect)
        if cycle == 3:
            ql(q, "_events.py", 111, "handle_return", "Handler 'handle_vote_called' returned unknown value '2' for "
               "event 'vote_called'", logging.WARNING)
        if cycle == 5:
            ql(q, "_events.py", 435, "dispatch", "vote_ended went off without configstring 9.", logging.WARNING)
            printed(stream, "Server: bloodrun")
        # The osu! server's side: logins, chat, score submissions.
        for k, (name, uid) in enumerate(OSU[:2 + cycle % 5]):
            p = f"<{name} ({uid})>"
            if (cycle + k) % 4 == 0:
                b.info(f"{p} logged in from {['AU', 'US', 'FI', 'DE', 'CA', 'GB'][k]} using b20240425.2 on "
                       f"{'unix (wine)' if k == 2 else 'win32'}")
            b.info(f"[POST] 200 c.akatsuki.example.gg/ | Request took: {1.2 + k * 0.37 + cycle * 0.11:.2f} msec")
            if k == 1:
                b.info(f"{p} requested info for {12 + cycle} maps.")
                b.info(f"[POST] 200 osu.akatsuki.example.gg/web/osu-getbeatmapinfo.php | Request took: "
                       f"{8.4 + cycle:.2f} msec")
            if (cycle + k) % 5 == 3:
                t = OSU[(k + 1) % len(OSU)]
                b.info(f"{p} @ <{t[0]} ({t[1]})>: gl on the tourney match tonight")
            if (cycle + k) % 6 == 5:
                b.warning(f"{p} attempted to start match as non-host.")
        if cycle == 2:
            b.info("[GET] 200 osu.akatsuki.example.gg/web/osu-osz2-getscores.php | Request took: 21.73 msec")
            b.error("Failed to validate score multipart data: (score)")
            b.error("[POST] 400 osu.akatsuki.example.gg/web/osu-submit-modular-selector.php | Request took: 3.08 msec")
        if cycle == 3:
            b.info("Removing expired donation privileges.")
            b.info("<Aochi (1001)>'s supporter status has expired.")
        if cycle == 4:
            # The !py command of a developer: bancho.py prints the traceback.
            def py_command():
                def f():
                    raised("builtins", "NameError", "name 'playr' is not defined")
                f()
            uncaught(stream, py_command)
            b.info("Auto-dced <kingbob (1002)>.")
    b.info("[POST] 200 c.akatsuki.example.gg/ | Request took: 1.02 msec")
    printed(stream, "bancho-1  | Stopping bancho ... ")

    # Shutting down: a housekeeping task that had failed is reported by
    # asyncio's default exception handler.
    def housekeeping():
        def fetch_all():
            raised("aiomysql", "OperationalError", "(2013, 'Lost connection to MySQL server during query')")
        fetch_all()
    try:
        housekeeping()
    except Exception:
        aio.error("unhandled exception during loop shutdown\ntask: <Task finished name='Task-9' coro=<"
                  "_remove_expired_donation_privileges() done, defined at /srv/root/app/bg_loops.py:34> exception="
                  "OperationalError(2013, 'Lost connection to MySQL server during query')>", exc_info=True)
    printed(stream, "bancho-1 exited with code 0")
    ql(q, "_core.py", 373, "unload_plugin", "Unloading plugin 'balance'...")
    printed(stream, "quit")
    return {"name": "minqlx-bancho", "programs": [mq, bp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_pydis_mltb(), stream_miner_ultroid(), stream_minqlx_bancho()])


if __name__ == "__main__":
    main()
