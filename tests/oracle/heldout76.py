"""The 76-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout75.py`): six more programs'
own logging set-ups in three streams, chosen from game servers, game
back-ends and community bots as platform and SRE teams run them in AWS
(OpenTTD's multiplayer back-end task on ECS, where the Game Coordinator
matches players to servers and brokers their STUN and TURN connections
beside dibridge, the community's Discord-IRC bridge; a Club Penguin
private server's EC2 host, where Houdini's login and world servers run
beside GearBot moderating the community's Discord; a Pokemon Showdown
league's bot host, where a Foul Play battle bot plays the ladder and
matrix-webhook relays the league's alerts into its Matrix room), each
format copied from the file named beside it (the version read is given),
with the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout76

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 59b8885 (session 30's rules in, none written
from this set), with nothing configured: 95.4% exact, 99.8% key
fields (asctime 100.0%, levelname 100.0%, name 100.0%, message 99.8%).

Formatters and filters: five use logging.Formatter itself, no filter and
no formatTime of their own; Foul Play its CustomFormatter (reproduced:
the level left-aligned to eight, a space, then `record.msg` itself: no
time, no name, no %-args and no traceback, even for an exception).
The Game Coordinator and dibridge both start through openttd_helpers'
click_logging (basicConfig on the root, stderr, INFO): the time without
milliseconds, the level padded to eight, the logger's name in brackets;
discord.py's records ("discord.client", "discord.gateway") and aiohttp's
access records propagate to the same handler, and dibridge's IRC
puppets log under "dibridge.irc_puppet.<nick>". Houdini's start()
gives the "houdini" logger a stdout handler with the level cut and
padded to five ("WARNI", "ERROR", "INFO "), two spaces before the
message, no name; a connection's unexpected exception is logged as
`logger.exception(e.__traceback__)`, so the message is the traceback
object's repr with the traceback after it. GearBot's init_logger puts
"time:LEVEL:name: message" on stdout for the "gearbot" logger (its
"discord" logger gets nothing: the bot runs on a disnake fork, whose
loggers are "disnake.*"); its handle_exception logs one ERROR record
whose message starts with a newline and holds the whole dump (banner
lines, args, the traceback's frames, the original message).
matrix-webhook's basicConfig (root, stderr, at -vvvv: DEBUG) prints the
cookbook's " - "-separated layout with the line number between the name
and the level; asyncio's and aiohttp's records reach it too.

Print lines: the containers' entrypoint echo lines, OpenTTD's
`python -m` start lines, Houdini's plugin loader's output, and
disnake's PyNaCl warning under GearBot (its "disnake.client" logger has
no handler of GearBot's, so logging's lastResort prints the bare
message; under dibridge discord.py's same warning is a record); a bare traceback when Foul
Play's run.py re-raises what it has just logged (the task restarts it),
right after its own record of the same traceback.

The messages are modelled on the programs' source, read at the commits
cited: the Game Coordinator's __main__.py, application/coordinator.py,
application/stun.py, application/turn.py, application/helpers/
token_connect.py and database/redis.py, dibridge's discord.py, irc.py and
irc_puppet.py, Houdini's houdini.py, spheniscidae.py, handlers/login/
login.py, handlers/login/world.py, handlers/play/ (its "Loaded ..." lines,
message.py, navigation.py) and penguin.py, GearBot's GearBot.py,
Bot/TheRealGearBot.py (handle_exception's dump) and Util/GearbotLogging.py,
Foul Play's run.py, fp/websocket_client.py, fp/run_battle.py,
fp/battle_modifier.py, fp/battle_bots/mcts_randbats/main.py and
data/pkmn_sets.py, matrix-webhook's app.py, handler.py and utils.py (with
their line numbers). Modelled rather than read: the values (server
tokens, invite codes, addresses, guild and user ids, penguin names,
Pokemon, move choices and MCTS figures, room ids), the order and number
of records, discord.py's, asyncio's and aiohttp's message texts and
line numbers, the third-party exception texts, the install paths, the
print lines.

Left out: HLL CRCON (MarechJ/hll_rcon_tool 63ca2567: the rcon services'
console formatter is colorlog's "[%(asctime)s][%(log_color)s%(levelname)s
%(reset)s]..." in rcon/settings.py, and its Django API's plain
"[%(asctime)s][%(levelname)s][<env>][<tag>] %(name)s %(filename)s:
%(funcName)s:%(lineno)d | %(message)s" in rconweb/rconweb/settings.py
shares the container with it: `log_color` is no record attribute, as for
the colorlog formats earlier sets left out), Kurisu (nh-server/Kurisu
88f20cf2 kurisu.py: "[{asctime}] [{levelname:^7s}] {name}.{funcName}:
{message}", a spec'd field, as RoboDanny's in `heldout59.py`), Big
Brother Bot (BigBrotherBot/big-brother-bot b7b7eb6b b3/output.py: a
Python 2 program whose console format "%(asctime)s\\t%(levelname)s\\t
%(message)r" prints the message's Python 2 repr), Dozer (FRCDiscord/Dozer
704a6fae dozer/__main__.py: loguru, not logging), alpha-core (The-Alpha-
Project/alpha-core df3ed342 utils/Logger.py: its own Logger class prints
lines itself), and the programs of these areas in earlier sets or their
Left out paragraphs: Crafty Controller, MCDReforged, the 0 A.D. lobby
bots, minqlx, bancho.py, Evennia, piqueserver, PyPlanet, Red-DiscordBot,
Modmail, botamusique, python-discord's bot, RoboDanny, MusicBot,
PUBobot2, Ballsdex, Avrae, pajbot, TwitchDropsMiner,
Twitch-Channel-Points-Miner-v2, lichess-bot, Ultroid,
mirror-leech-telegram-bot, maubot, mautrix, heisenbridge, hemppa,
matrix-commander, matrix-reminder-bot, Errbot, Sopel, Limnoria, opsdroid
and Synapse.
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# OpenTTD's Game Coordinator (OpenTTD/game-coordinator, 98b40c52) and
# dibridge (OpenTTD/dibridge, e7bc6c0f) both pin openttd-helpers==1.4.0
# (requirements.txt); its click_logging, OpenTTD/py-helpers c91b4bdd
# (unchanged since 1.1.0, 65eb0ac), openttd_helpers/logging_helper/
# click_logging.py: basicConfig (root, stderr, INFO).
OPENTTD = "%(asctime)s %(levelname)-8s [%(name)s] %(message)s"
OPENTTD_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Houdini (solero/houdini, 0840eadd), houdini/houdini.py Houdini.start():
# the "houdini" logger's console_handler (StreamHandler(stream=sys.stdout);
# its RotatingFileHandler and error FileHandler write to logs/).
HOUDINI = "%(asctime)s [%(levelname)-5.5s]  %(message)s"
# GearBot (gearbot/GearBot, ad557003), GearBot/Util/GearbotLogging.py
# init_logger(): StreamHandler(stream=sys.stdout) at INFO on the
# "gearbot" and "discord" loggers (and a TimedRotatingFileHandler).
GEARBOT = "%(asctime)s:%(levelname)s:%(name)s: %(message)s"
# Foul Play (pmariglia/showdown, 500f2178), config.py CustomFormatter
# (no fmt: its format() writes the level and record.msg itself), set by
# init_logging() on the root's StreamHandler(sys.stdout).
FOULPLAY_CONFIGURED = "%(levelname)-8s %(message)s"
# matrix-webhook (nim65s/matrix-webhook, b3534a8c), matrix_webhook/
# __main__.py main()'s log_format, basicConfig (root, stderr,
# level=50 - 10 * VERBOSE).
MATRIX_WEBHOOK = "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s"

GC_SRC = "/usr/local/lib/python3.11/site-packages/game_coordinator/"
MW_SRC = "/usr/local/lib/python3.12/site-packages/matrix_webhook/"
AIOHTTP_LOG = "/usr/local/lib/python3.12/site-packages/aiohttp/web_log.py"
ASYNCIO = "/usr/local/lib/python3.12/asyncio/selector_events.py"


class FoulPlayFormatter(logging.Formatter):
    """Foul Play's config.CustomFormatter, as written there."""

    def format(self, record):
        lvl = "{}".format(record.levelname)
        return "{} {}".format(lvl.ljust(8), record.msg)


class FoulPlayJson(JsonFormatter):
    """The truth for Foul Play: its layout, the level then the message.
    (`record.msg` is the message: every Foul Play call formats its text
    itself, with no %-args.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(FOULPLAY_CONFIGURED)


def tb_frames(fn):
    """"".join(traceback.format_tb(...)) of what `fn` raises, as GearBot's
    dump holds it, and the exception."""
    try:
        fn()
    except Exception as e:
        return "".join(traceback.format_tb(e.__traceback__)), e


# --------------------------------------------------------------------------
# OpenTTD's multiplayer back-end task on ECS (awslogs, one stream for the
# task): the Game Coordinator registers servers, verifies their
# reachability and brokers direct, STUN and TURN connections; dibridge
# relays the #openttd IRC channel and the Discord channel both ways.

SERVERS = [("+a7Fk2b", "Reddit Coop #1"), ("+xQ9mPz", "BTPro Welcome"), ("+3hLwT8", "CityMania Public"),
           ("+Ud4Rn6", "n-ice Community #2")]
IRC_USERS = ["TrueBrain", "glx", "andythenorth", "peter1138", "LordAro"]
DISCORD_USERS = ["talltyler", "2TallTyler", "jfs", "merni"]


def stream_openttd():
    stream = []
    gc = Program("game-coordinator", "root", logging.Formatter(OPENTTD, OPENTTD_DATEFMT), stream)
    db = Program("dibridge", "root", logging.Formatter(OPENTTD, OPENTTD_DATEFMT), stream)
    main = lg(gc, "__main__")
    coord = lg(gc, "game_coordinator.application.coordinator")
    redis = lg(gc, "game_coordinator.database.redis")
    stun = lg(gc, "game_coordinator.application.stun")
    turn = lg(gc, "game_coordinator.application.turn")
    tconn = lg(gc, "game_coordinator.application.helpers.token_connect")
    tverify = lg(gc, "game_coordinator.application.helpers.token_verify")
    web = lg(gc, "game_coordinator.web")
    access = lg(gc, "aiohttp.access")
    dirc = lg(db, "dibridge.irc")
    ddis = lg(db, "dibridge.discord")
    dclient = lg(db, "discord.client")
    dgw = lg(db, "discord.gateway")

    printed(stream, "+ python -m game_coordinator --app coordinator --db redis --bind :: --web-port 12345 "
            "--shared-secret ******** --socks-proxy none")
    coord.info("Starting Game Coordinator ...")
    redis.info("Using redis as backend")
    redis.info("Game Coordinator ID: %s", "gc-7f3a91c2")
    redis.warning("Couldn't set configuration setting 'notify-keyspace-events' to 'Ex'. Please do this manually.")
    main.info("Listening on :::3976 ...")
    printed(stream, "+ python -m game_coordinator --app stun --db redis --bind :: --web-port 12346")
    stun.info("Starting STUN server ...")
    main.info("Listening on :::3975 ...")
    printed(stream, "+ python -m game_coordinator --app turn --db redis --bind :: --turn-address "
            "turn-1.coordinator.openttd.org:3974")
    turn.info("Starting TURN server for %s ...", "turn-1.coordinator.openttd.org:3974")
    main.info("Listening on :::3974 ...")

    printed(stream, "+ python -m dibridge --discord-token ******** --discord-channel-id 1008473233844097104 "
            "--irc-host irc.oftc.net --irc-nick OpenTTD_Discord --irc-channel #openttd --irc-puppet-ip-range "
            "2a01:4f8:c17:1c8b::/64")
    dirc.info("Connecting to IRC ...")
    dclient.warning("PyNaCl is not installed, voice will NOT be supported")
    dclient.info("logging in using static token")
    dgw.info("Shard ID %s has connected to Gateway (Session ID: %s).", None, "d1b6f1e0c6a3b0a4c58e2f7a9e6f1b2c")
    ddis.info("Logged on to Discord as '%s'", "OpenTTD#4012")
    dirc.info("Joined %s on IRC", "#openttd")
    puppets = {}

    def puppet(nick):
        if nick not in puppets:
            p = lg(db, f"dibridge.irc_puppet.{nick}_d")
            p.info("Connecting to IRC from %s to %s (%s) ...", f"2a01:4f8:c17:1c8b::{len(puppets) + 10:x}",
                   "irc.oftc.net", "2607:5300:201:3000::1b2")
            p.info("Joined %s on IRC", "#openttd")
            puppets[nick] = p
        return puppets[nick]

    port = 40112
    for n in range(100):
        token, name = SERVERS[n % len(SERVERS)]
        port += 17
        access.info('%s [%s] "%s" %s %s "%s" "%s"', "10.0.7.21", now("%d/%b/%Y:%H:%M:%S +0000"),
                    "GET /healthz HTTP/1.1", 200, 153, "-", "ELB-HealthChecker/2.0")
        if n % 4 == 1:
            puppet(DISCORD_USERS[(n // 4) % len(DISCORD_USERS)])
        if n % 6 == 2:
            web.warning("Unexpected URL: %s", "http://coordinator.openttd.org:12345/wp-login.php")
        if n in (5, 23):
            def connect():
                def stun_pairs():
                    raised("builtins", "KeyError", f"'{token}'")
                stun_pairs()
            try:
                connect()
            except Exception:
                tconn.exception("Exception during _connect()")
        if n == 12:
            def detection():
                def verify():
                    raised("game_coordinator.application.helpers.token_verify", "SocketClosed", "")
                verify()
            try:
                detection()
            except Exception:
                tverify.exception("Internal error: start_detection triggered an exception")
        if n in (9, 30):
            coord.error("Internal error: server_stun_request() called on a server NOT managed by us")
        if n == 17:
            redis.error("Internal error: saw unknown type on stream: %s", "delete-server-v2")
        if n == 26:
            lg(gc, "game_coordinator.application.helpers.server").error(
                "Unexpected NewGRF serialization type %s", "NST_LOOKUP_ID")
        if n == 20:
            # The bridge's IRC side drops: OFTC restarts a leaf.
            dirc.error("Disconnected from IRC")
            dirc.warning("Connection refused, retrying in 5 seconds")
            dirc.info("Connecting to IRC ...")
            dirc.info("Joined %s on IRC", "#openttd")
            for nick, p in puppets.items():
                p.warning("Disconnected from IRC")
            ddis.warning("Can't relay status message to Discord: connection is down.")
        if n == 21:
            for nick, p in puppets.items():
                p.info("Connecting to IRC from %s to %s (%s) ...", "2a01:4f8:c17:1c8b::1f", "irc.oftc.net",
                       "2607:5300:201:3000::1b2")
                p.info("Joined %s on IRC", "#openttd")
            puppets[DISCORD_USERS[0]].info("Nickname changed to '%s' by server; trying to change it back",
                                           f"{DISCORD_USERS[0]}_d_")
        if n == 28:
            dgw.warning("Shard ID %s heartbeat blocked for more than %s seconds.", None, 10)
            try:
                def run():
                    def ws():
                        raised("discord.errors", "ConnectionClosed",
                               "Shard ID None WebSocket closed with 1006")
                    ws()
                run()
            except Exception:
                ddis.exception("Discord client stopped unexpectedly; will reconnect in %.2f seconds", 3.57)
            ddis.warning(f"Can't relay message from {IRC_USERS[n % 5]} to Discord: connection is down.")
            dgw.info("Shard ID %s has successfully RESUMED session %s.", None, "d1b6f1e0c6a3b0a4c58e2f7a9e6f1b2c")
            ddis.info("Logged on to Discord as '%s'", "OpenTTD#4012")
        if n == 34:
            dgw.info("Shard ID %s has successfully RESUMED session %s.", None, "d1b6f1e0c6a3b0a4c58e2f7a9e6f1b2c")
        if n == 36:
            puppets[DISCORD_USERS[1]].info("Killed by server; removing puppet")
    turn.info("Shutting down TURN server ...")
    turn.info(f"{3 // 2} active connections left, waiting ...")
    main.info("Server gracefully shut down")
    coord.info("Shutting down Game Coordinator ...")
    try:
        def shutdown():
            raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis.internal:6379. "
                   "Connection refused.")
        shutdown()
    except Exception:
        main.exception("Error while shutting down application")
    main.info("Server gracefully shut down")
    return {"name": "openttd-coordinator-dibridge", "programs": [gc, db], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Club Penguin private server's EC2 host (Docker's awslogs driver, one
# stream for the host): Houdini's login server and one world server, and
# GearBot moderating the community's Discord.

PENGUINS = ["Basil", "Pinecone42", "Snowy Fin", "Cadence", "Rookie", "Aunt Arctic", "Gary", "Puffle Lover"]
ROOMS = ["Town", "Coffee Shop", "Night Club", "Dock", "Ski Village", "Pizza Parlor", "Iceberg", "Dojo"]


def stream_houdini_gearbot():
    stream = []
    login = Program("houdini-login", "houdini", logging.Formatter(HOUDINI), stream)
    world = Program("houdini-world", "houdini", logging.Formatter(HOUDINI), stream)
    gb = Program("gearbot", "gearbot", logging.Formatter(GEARBOT), stream)
    lgn = lg(login, "houdini")
    wld = lg(world, "houdini")
    gear = lg(gb, "gearbot")

    printed(stream, "+ python bootstrap.py login -c config.py")
    lgn.info("Booting Houdini")
    lgn.info("Login server started")
    lgn.info("Multi-client support is enabled")
    lgn.info("Listening on 0.0.0.0:6112")
    printed(stream, "+ python bootstrap.py world -id 3100 -n Blizzard -c config.py")
    wld.info("Booting Houdini")
    wld.info("World server started")
    for line in ("Loaded 4297 clothing items", "Loaded 172 rooms (13 spawn)", "Loaded 412 furniture items",
                 "Loaded 54 igloos", "Loaded 49 igloo locations", "Loaded 23 igloo flooring",
                 "Loaded 338 ninja cards", "Loaded 4 starter decks", "Loaded 318 stamps", "Loaded 228 postcards",
                 "Loaded 29 puffle care items", "Loaded 18 puffles", "Loaded 13 characters", "Loaded 24 dance tracks",
                 "Loaded 2183 filter words"):
        wld.info(line)
    wld.info("Multi-client support is enabled")
    wld.info("Listening on 0.0.0.0:9875")
    wld.warning("The static key has been changed from the default, this may cause authentication issues!")
    printed(stream, "Plugins: loaded 2 plugins (Commands, Rank)")

    printed(stream, "+ python3 GearBot/GearBot.py --total_shards 1 --num_shards 1 --offset 0")
    gear.info("GearBot clusternode gearbot-0 (generation 0). Trying to figure out where i fit in")
    gear.info("Ready to go, spinning up as instance 1/1")
    # disnake's "disnake.client" warning: no handler of GearBot's takes it,
    # so logging's lastResort handler prints the bare message.
    printed(stream, "PyNaCl is not installed, voice will NOT be supported")
    gear.info("Cluster 0 connecting to the database.")
    gear.info("Cluster 0 database connection established.")
    gear.info("GearBot cluster 0 spinning up version 2.0.0-b9a7e")
    gear.info("Cluster 0 redis connection established")
    for cog in ("Basic", "Admin", "Moderation", "Serveradmin", "ModLog", "Censor", "AntiSpam", "AntiRaid",
                "Reminders", "DMMessages", "Infractions", "DashLink"):
        gear.info(f"Loading {cog} cog...")
    gear.info("Cogs loaded")
    gear.info("Time to start munching on some \U0001f32e")

    port = 50211
    for n in range(40):
        who = PENGUINS[n % len(PENGUINS)]
        peer = ("172.31.9.%d" % (40 + n % 9), port + n * 3)
        # The login server: one connection per login.
        lgn.info(f"Client {peer} connected")
        lgn.info(f"{who} is logging in!")
        if n % 11 == 4:
            lgn.info(f"{who} failed to login: incorrect password")
            lgn.info(f"Client {peer} disconnected")
            continue
        if n % 17 == 9:
            lgn.info(f"{who.lower()}x failed to login: penguin does not exist")
            lgn.info(f"Client {peer} disconnected")
            continue
        lgn.info(f"{who} has logged in successfully")
        lgn.info(f"Client {peer} disconnected")
        # The world server.
        wpeer = (peer[0], peer[1] + 1)
        wld.info(f"Client {wpeer} connected")
        wld.info(f"{who} logged in successfully")
        room = ROOMS[n % len(ROOMS)]
        wld.info(f"{who} joined room '{room}'")
        if n % 3 == 0:
            wld.info(f"{who} said 'hi everyone' in room '{room}'")
        if n % 5 == 2:
            wld.info(f"{who} added 'Blue Viking Helmet' to their clothing inventory")
        if n % 7 == 3:
            wld.info(f"{who} joined room '{ROOMS[(n + 3) % len(ROOMS)]}'")
            wld.info(f"{who} added 'Sensei Fire Card' to their ninja deck")
        if n % 9 == 5:
            wld.warning("Handler for %s doesn't exist!", "s#upa")
        if n == 14:
            wld.warning("Received invalid XML data (didn't contain a body tag)")
        if n in (19, 38):
            def run():
                def data_received():
                    def handle_xt():
                        raised("builtins", "UnicodeDecodeError", "'utf-8' codec can't decode byte 0xc3 in "
                               "position 41: unexpected end of data")
                    handle_xt()
                data_received()
            try:
                run()
            except Exception:
                # logger.exception(e.__traceback__): the traceback object's repr (its address pinned).
                wld.exception(realworld.Shown("<traceback object at 0x7f2c1e4b9a40>"))
        if n == 26:
            wld.info(f"Handler chain aborted: {who} is not a member")
        wld.info(f"Client {wpeer} disconnected")

        # GearBot meanwhile.
        if n % 8 == 3:
            gear.info(f"A new guild came up: CPPS Community #{n} ({907551230400000000 + n * 7919}).")
        if n % 10 == 6:
            gear.warning(f"User {1131400000000000000 + n} in {843562340001234567} has no joined timestamp, "
                         "disregarding")
        if n == 16:
            gear.info("Someone tried to add me to blocked guild Free Coins CP (1203007712000451231)")
        if n in (22, 35):
            def invoke():
                def command():
                    def fetch():
                        raised("disnake.errors", "Forbidden", "403 Forbidden (error code: 50013): Missing "
                               "Permissions")
                    fetch()
                command()
            tb, exc = tb_frames(invoke)
            lines = [
                "\n===========================================EXCEPTION CAUGHT, DUMPING ALL AVAILABLE INFO"
                "===========================================",
                "Type: Command execution failed",
                "======================Exception======================",
                f"{str(exc)} ({type(exc)})",
                "======================ARG INFO======================",
                "No arguments",
                "======================KWARG INFO======================",
                "No keyword arguments",
                "======================STACKTRACE======================",
                tb,
                "======================ORIGINAL MESSAGE======================",
                "!mute 1131400000000000031 10m spamming codes",
                "======================ORIGINAL MESSAGE (DETAILED)======================",
                "<Message id=1244551230400012345 channel=<TextChannel id=907551230400000111 name='mod-commands'> "
                "type=<MessageType.default: 0> author=<Member id=774412340001234567 name='herbert'> flags="
                "<MessageFlags value=0>> ",
                "======================COMMAND INFO======================",
                "Command: mute",
                "Channel: mod-commands (`907551230400000111`)",
                "Sender: herbert (`774412340001234567`)",
                "===========================================DATA DUMP COMPLETE"
                "===========================================",
            ]
            gear.error("\n".join(lines))
        if n == 33:
            gear.error("Encountered a permission error while executing mute: You are missing Ban Members "
                       "permission(s) to run this command.")
        if n == 39:
            try:
                def bot_log():
                    raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
                bot_log()
            except Exception as ex:
                gear.error(f"Failed to log to botlog, either Discord broke or something is seriously wrong!\n{ex}")
                gear.error(traceback.format_exc())
    gear.info("GearBot shutting down, cleaning up")
    gear.info("Cleanup complete")
    gear.info("GearBot shutdown completed cleanly")
    return {"name": "houdini-gearbot", "programs": [login, world, gb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Pokemon Showdown league's bot host on ECS (awslogs, one stream for the
# task): a Foul Play bot plays the gen9randombattle ladder, and
# matrix-webhook relays the league's result and alert webhooks into its
# Matrix room.

MOVES = ["thunderbolt", "voltswitch", "earthquake", "stealthrock", "uturn", "knockoff", "protect", "swordsdance"]
PKMN = ["kingambit", "greattusk", "ragingbolt", "gholdengo", "dragapult", "ironvaliant", "corviknight", "garchomp"]
ROOM = "!QxLmVpYtRaKbZcDeFg:matrix.league.gg"


def stream_foulplay_matrix_webhook():
    stream = []
    fp = Program("foul-play", "root", FoulPlayFormatter(), stream, truth=FoulPlayJson, configured=FOULPLAY_CONFIGURED)
    mw = Program("matrix-webhook", "root", logging.Formatter(MATRIX_WEBHOOK), stream)
    ws = lg(fp, "fp.websocket_client")
    rb = lg(fp, "fp.run_battle")
    mc = lg(fp, "fp.battle_bots.mcts_randbats.main")
    bm = lg(fp, "fp.battle_modifier")
    sets = lg(fp, "data.pkmn_sets")
    frun = lg(fp, "__main__")
    app = lg(mw, "matrix_webhook.app")
    hnd = lg(mw, "matrix_webhook.handler")
    utl = lg(mw, "matrix_webhook.utils")
    aio = lg(mw, "aiohttp.access")
    loop = lg(mw, "asyncio")

    def m(log, path, line, func, msg, level=logging.DEBUG, *args):
        at(log, level, MW_SRC + path, line, func, msg, *args)

    printed(stream, "+ matrix-webhook -vvvv")
    at(loop, logging.DEBUG, ASYNCIO, 54, "__init__", "Using selector: %s", "EpollSelector")
    m(app, "app.py", 59, "run", "Starting...", logging.INFO)
    m(app, "app.py", 22, "main", "Log in conf.MATRIX_ID='@league-bot:matrix.league.gg' on "
      "conf.MATRIX_URL='https://matrix.league.gg'", logging.INFO)
    m(app, "app.py", 33, "main", "Binding on conf.SERVER_ADDRESS=['', 4785]", logging.INFO)

    printed(stream, "+ python run.py  # foul-play bot 1 (LeagueBotAlpha)")
    ws.info("Logging in...")
    ws.info("Successfully logged in")

    wins = losses = 0
    for battle in range(6):
        ws.info("Setting team to None because the pokemon mode is {}".format("gen9randombattle"))
        ws.info("Searching for ranked {} match".format("gen9randombattle"))
        turns = 4 + battle % 4
        for t in range(turns):
            mc.info("Searching for a move using MCTS...")
            for idx in range(2):
                mv = MOVES[(battle + t + idx) % len(MOVES)]
                mc.info("Policy {}: {} visited {}% avg_score={} sample_chance_multiplier={}".format(
                    idx, mv, round(100 * (0.41 + 0.07 * idx), 2), 0.5123 + 0.01 * t, 1.0))
                mc.info("Iterations {}: {}".format(idx, 4210 + 37 * t + idx))
            policy = {MOVES[(battle + t) % len(MOVES)]: 0.62, "switch " + PKMN[t % len(PKMN)]: 0.38}
            mc.info("Final policy: {}".format(policy))
            mc.info("Choice: {}".format(MOVES[(battle + t) % len(MOVES)]))
            if t % 3 == 1:
                bm.info("Opponent has switched - clearing the last used move")
            if (battle + t) % 7 == 5:
                sets.warning("No pokemon sets for {}".format(PKMN[(battle + t) % len(PKMN)]))
            if battle == 3 and t == 2:
                bm.warning("{} is not a known move".format("hiddenpowerfire60"))
        winner = "LeagueBotAlpha" if battle % 3 != 1 else "rivalplayer{}".format(battle)
        rb.info("Winner: {}".format(winner))
        if winner == "LeagueBotAlpha":
            wins += 1
        else:
            losses += 1
        frun.info("W: {}\tL: {}".format(wins, losses))

        # The league's webhook: each result posted to the Matrix room.
        m(hnd, "handler.py", 21, "matrix_webhook", "Handling request=<BaseRequest POST /results >")
        body = {"body": f"LeagueBotAlpha vs rivalplayer{battle}: {winner} wins", "msgtype": "m.text",
                "format": "org.matrix.custom.html",
                "formatted_body": f"<p>LeagueBotAlpha vs rivalplayer{battle}: <strong>{winner}</strong> wins</p>"}
        m(utl, "utils.py", 72, "send_room_message", f"Sending room message in room_id={ROOM!r}: content={body!r}")
        if battle in (2, 4):
            m(utl, "utils.py", 92, "send_room_message", "Send error: No such room with id " + ROOM + " found.",
              logging.ERROR)
            m(utl, "utils.py", 93, "send_room_message", "Reconnecting", logging.WARNING)
            m(utl, "utils.py", 96, "send_room_message", "Trying again", logging.WARNING)
        m(utl, "utils.py", 37, "create_json_response", "Creating json response: status=<HTTPStatus.OK: 200>, "
          "ret='OK'")
        at(aio, logging.INFO, AIOHTTP_LOG, 211, "log", '%s [%s] "%s" %s %s "%s" "%s"', "10.0.2.58",
           now("%d/%b/%Y:%H:%M:%S +0000"), "POST /results HTTP/1.1", 200, 182, "-", "python-requests/2.32.3")
        if battle == 5:
            m(hnd, "handler.py", 21, "matrix_webhook", "Handling request=<BaseRequest POST /alerts >")
            m(utl, "utils.py", 37, "create_json_response", "Creating json response: status=<HTTPStatus."
              "BAD_REQUEST: 400>, ret='Invalid JSON'")
            at(aio, logging.INFO, AIOHTTP_LOG, 211, "log", '%s [%s] "%s" %s %s "%s" "%s"', "10.0.2.61",
               now("%d/%b/%Y:%H:%M:%S +0000"), "POST /alerts HTTP/1.1", 400, 175, "-", "Alertmanager/0.27.0")

    # The bot's connection to the showdown server dies mid-battle.
    ws.info("Searching for ranked {} match".format("gen9randombattle"))
    mc.info("Searching for a move using MCTS...")

    def run_foul_play():
        def pokemon_battle():
            def receive_message():
                raised("websockets.exceptions", "ConnectionClosedError",
                       "received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error) "
                       "keepalive ping timeout")
            receive_message()
        pokemon_battle()
    try:
        run_foul_play()
    except Exception:
        frun.error(traceback.format_exc())
    uncaught(stream, run_foul_play, after_traceback=True)
    printed(stream, "+ python run.py  # foul-play bot 1 (LeagueBotAlpha), restarted")
    ws.info("Logging in...")
    ws.error("Could not log-in\nDetails:\n{}".format(
        "b']{\"actionsuccess\":false,\"assertion\":\";;Your username is already in use.\"}'"))
    printed(stream, "+ python run.py  # foul-play bot 1 (LeagueBotAlpha), restarted")
    ws.info("Logging in...")
    ws.info("Successfully logged in")
    m(app, "app.py", 68, "run", "Closing...", logging.INFO)
    return {"name": "foulplay-matrix-webhook", "programs": [fp, mw], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_openttd(), stream_houdini_gearbot(), stream_foulplay_matrix_webhook()])


if __name__ == "__main__":
    main()
