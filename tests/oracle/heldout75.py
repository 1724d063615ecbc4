"""The 75-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout74.py`): six more programs'
own logging set-ups in three streams, chosen from telephony, VoIP and
messaging gateways as platform and SRE teams run them in AWS (a contact
centre's VoIP task on ECS, where AG Projects' SylkServer is the agents'
WebRTC-to-SIP gateway and the Plivo framework's outbound server runs the
IVR on the FreeSWITCH box behind it; an office's front-door intercom on
ECS Anywhere, where DoorPi answers the door station's SIP calls and rings
the office through hangupsbot's webhook sink into the team's chat; a
community's Matrix bridge host on EC2, where the Meshtastic-Matrix relay
carries the radio mesh's channel into a Matrix room and
matrix-discord-bridge mirrors the same rooms into the Discord guild), each
format copied from the file named beside it (the version read is given),
with the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout75

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 59b8885 (session 30's rules in, none written
from this set), with nothing configured: 58.6% exact, 58.6% key
fields (asctime 100.0%, levelname 100.0%, name 58.8%, message 99.9%).

Formatters and filters: SylkServer's is python3-application's own
application.log.Formatter (the root handler's, set when application.log is
imported; `--no-fork` keeps the StreamHandler on stderr): no format string
at all, its format() prints prefix_format "{record.levelname:<8s}
[{record.name}] " before EVERY line of the message and of its traceback,
and no time; application.log renames the root logger "main", and the WebRTC
gateway's records are its "webrtcgateway" logger's, whose ContextualLogger
puts "[account user@domain/device]" or "[videoroom uri]" before the text.
It is reproduced below; what a test would configure for it is the one-line
equivalent, "%(levelname)-8s [%(name)s] %(message)s". The other five use
logging.Formatter itself, with no filter and no formatTime of their own.
The Plivo framework's StdoutLogger (a RootLogger of its own, on stderr)
glues the service's name, taken from argv[0] ("plivo-outbound"), into the
format before "[%(process)d]:"; its RequestLogger puts the request's number
in parentheses before the message, and the outbound socket logs each line
of a traceback as an ERROR record of its own. DoorPi's basicConfig (root,
stderr, INFO) puts two spaces and a TAB between the bracketed level and the
bracketed name. hangupsbot's default dictConfig prints only the time of
day ("%H:%M:%S") on its console handler (stdout, INFO; root, propagate,
disable_existing_loggers False), its file handler's full date is not the
container's output. The Meshtastic relay's plain console handler (the
team sets logging.color_enabled false, so no RichHandler) prints the date
with "%z" ("+0000") and ":"-joined level, name and message on its named
loggers (propagate False). matrix-discord-bridge's bridge.py basicConfig
(root, FileHandler and stderr StreamHandler) prints "name:LEVEL: message",
with discord.py's records ("discord.client", "discord.gateway") reaching
the same root handlers.

Print lines: the containers' entrypoint echo lines, the gevent hub's own
report of a greenlet that died (its traceback and the "<Greenlet ...>
failed with ..." line after it, no log record), DoorPi's print()s when its
config file is missing at the first start, matrix-discord-bridge's
"Example configuration dumped to ..." print(), and a bare traceback when
the Matrix relay's first start dies on the homeserver not yet answering
(the task restarts it).

The messages are modelled on the programs' source, read at the commits
cited: SylkServer's sylk-server script, sylk/server.py,
sylk/applications/__init__.py and applications/webrtcgateway/ (handler.py,
logger.py), python3-application's application/log/__init__.py, the Plivo
framework's src/plivo/utils/logger.py, rest/freeswitch/outboundserver.py,
outboundsocket.py and elements.py, DoorPi's doorpi/main.py, doorpi.py,
action/handler.py, action/SingleActions/url_call.py,
sipphone/from_linphone.py, sipphone/linphone_lib/CallBacks.py and
status/webserver.py, hangupsbot's hangupsbot/hangupsbot.py, plugins/ and
sinks/, the relay's src/mmrelay/main.py, log_utils.py, meshtastic/
connection.py and matrix/ modules, and matrix-discord-bridge's
bridge/bridge.py. Modelled rather than read: the values (call and request
ids, addresses, accounts, room and channel ids, node names), the order and
number of records, discord.py's and gevent's message texts, the
third-party exception texts, the Plivo config dump, the RESTXML elements'
attributes, the install paths and the entrypoint lines.

Left out: slidge (the XMPP gateways' framework: its GitHub repository
truenicoco/slidge 84944427 is only a pointer to its new home, nothing to
read), Newfies-Dialer (its LOGGING sends everything to WatchedFileHandlers
under /var/log/newfies, nothing to the console: newfies-dialer/
newfies-dialer 8168b3dd install/conf/settings_local.py) and CDR-Stats (the
same settings, and its socketio_server.py logs to a file only: cdr-stats/
cdr-stats 9c4b7868), matrix-discord-bridge's appservice (its basicConfig
has only a FileHandler: git-bruh/matrix-discord-bridge 924666ab
appservice/main.py), the relay's RichHandler console (colour on, its
default: Rich lays the line out, no logging format) and its "{message}"
loguru-style constants (not the logging module's), ha-sip (no snapshot
could be had), SIPVicious, switchio, opensips-cli, kamcli, Jasmin, Junebug,
RapidPro, Vumi, Wazo's daemons, pysipp, heisenbridge, mautrix, maubot,
Errbot, Zulip, Synapse, Sygnal, aprsd and the meshtastic CLI (in earlier
sets or their Left out paragraphs).
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout12 import lg  # noqa: E402

# SylkServer 6.6.1 (AGProjects/sylkserver, 4091d798), its logging is
# python3-application's (AGProjects/python3-application, d13e68fa),
# application/log/__init__.py Formatter.prefix_format, on the root
# handler (stderr) that module installs; sylk-server --no-fork keeps it.
# What a test would configure for it (it has no format string):
SYLK = "%(levelname)-8s [%(name)s] %(message)s"
# Plivo framework (plivo/plivoframework, 29fc41fb), src/plivo/utils/
# logger.py StdoutLogger's Formatter, servicename from argv[0]
# ("plivo-outbound", the outbound server's script).
PLIVO = "%(asctime)s plivo-outbound[%(process)d]: %(levelname)s: %(message)s"
# DoorPi 2.5.1 (motom001/DoorPi, cad0a766), doorpi/main.py LOG_FORMAT,
# through init_logger's basicConfig (root, stderr, INFO).
DOORPI = "%(asctime)s [%(levelname)s]  \t[%(name)s] %(message)s"
# hangupsbot (hangoutsbot/hangoutsbot, aabe1059), hangupsbot/hangupsbot.py
# configure_logging's default_config, the "console" formatter (stdout).
HANGUPSBOT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HANGUPSBOT_DATEFMT = "%H:%M:%S"
# Meshtastic-Matrix relay (jeremiah-k/meshtastic-matrix-relay, e331b5b7),
# src/mmrelay/log_utils.py _configure_logger's plain console handler
# (color_enabled false), datefmt DATETIME_FORMAT_WITH_TZ from
# src/mmrelay/constants/formats.py.
MMRELAY = "%(asctime)s %(levelname)s:%(name)s:%(message)s"
MMRELAY_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# matrix-discord-bridge (git-bruh/matrix-discord-bridge, 924666ab),
# bridge/bridge.py main()'s basicConfig (root, INFO; FileHandler
# "bridge.log" and a StreamHandler on stderr).
MXDISCORD = "%(asctime)s %(name)s:%(levelname)s: %(message)s"
MXDISCORD_DATEFMT = "%Y-%m-%d %H:%M:%S"


class SylkFormatter(logging.Formatter):
    """application.log.Formatter (python3-application d13e68fa): the
    level padded to eight and the logger's name in brackets before every
    line of the message and of its traceback, no time. Its own format()
    ignores the format string, which is only what the truth reads."""

    prefix_format = "{record.levelname:<8s} [{record.name}] "
    prefix_length = 0

    def __init__(self):
        super().__init__(SYLK)

    def format(self, record):
        record.message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            message = record.message + "\n" + record.exc_text if record.message else record.exc_text
        else:
            message = record.message
        if self.prefix_format:
            prefix = self.prefix_format.format(record=record).ljust(self.prefix_length)
            message = "\n".join(prefix + line for line in message.split("\n"))
        return message

    def formatException(self, exc_info):
        output = super().formatException(exc_info)
        return "No exception" if output == "None" else output


# --------------------------------------------------------------------------
# A contact centre's VoIP task on ECS (awslogs, one stream for the task):
# SylkServer's WebRTC gateway registers the agents' browsers to the SIP
# proxy and bridges their calls through Janus; plivo-outbound answers
# FreeSWITCH's outbound event socket for every inbound call and runs the
# IVR's RESTXML from the contact centre's web app.

AGENTS = [("agent07@cc.example.com", "d1f0c3a2"), ("agent12@cc.example.com", "7b9e4410"),
          ("agent15@cc.example.com", "c05a7e91"), ("supervisor2@cc.example.com", "5e2d88b0")]
IVR = "http://ivr.cc.internal:8080"


def stream_sylk_plivo():
    stream = []
    sy = Program("sylkserver", "main", SylkFormatter(), stream)
    pl = Program("plivo-outbound", "root", logging.Formatter(PLIVO), stream)
    main = lg(sy, "main")
    web = lg(sy, "webrtcgateway")
    plog = lg(pl, "root")

    def acct(n, msg):
        account, device = AGENTS[n]
        web.info("[account {0}/{2}] {1}".format(account, msg, device))

    def req(n, msg, level=logging.INFO):
        plog.log(level, "(%s) %s" % (n, msg))

    printed(stream, "+ exec sylk-server --no-fork --config-dir /etc/sylkserver")
    main.info("Starting SylkServer 6.6.1, using SIP SIMPLE SDK 5.3.3")
    main.info("Reading configuration from /etc/sylkserver/config.ini")
    main.info("Using resources from /usr/share/sylkserver")
    main.info("Using spool directory /var/spool/sylkserver")
    main.info("Loaded applications: conference, echo, playback, webrtcgateway")
    main.warning('Default application "ivr" does not exist, falling back to "conference"')
    main.info("TLS CA list: /etc/sylkserver/tls/ca.crt")
    main.info("TLS Certificate: /etc/sylkserver/tls/default.crt")
    main.info("TLS verify server: False")
    main.info("TLS identity: CN=sylk.cc.example.com")
    main.info("SylkServer started; listening on:")
    for port, transport in ((5060, "udp"), (5060, "tcp"), (5061, "tls")):
        main.info("  %s:%d (%s)" % ("10.0.4.12", port, transport.upper()))
    main.info("Available audio codecs: opus, G722, PCMU, PCMA, speex, iLBC, GSM")
    main.info("Enabled audio codecs: opus, G722, PCMU, PCMA")
    main.info("Available video codecs: H264, VP8, VP9")
    main.info("Enabled video codecs: H264, VP8")

    printed(stream, "+ exec plivo-outbound -c /etc/plivo/default.conf")
    plog.info("Starting ...")
    plog.warning("Logger <plivo.utils.logger.StdoutLogger object at 0x7f2b8c4d1e50>")
    plog.info("Config : {'outbound_server': {'FS_OUTBOUND_ADDRESS': '0.0.0.0:8084', 'DEFAULT_ANSWER_URL': "
              "'%s/answer/', 'DEFAULT_HANGUP_URL': '%s/hangup/', 'DEFAULT_HTTP_METHOD': 'POST', "
              "'LOG_TYPE': 'stdout', 'LOG_LEVEL': 'INFO', 'AUTH_ID': 'MAMDJMMTEZOWY0ZMQWM2', "
              "'EXTRA_FS_VARS': 'variable_user_context,Channel-Read-Codec-Bit-Rate'}}" % (IVR, IVR))

    for n in range(len(AGENTS)):
        account, device = AGENTS[n]
        web.info("[device {0}] {1}".format(device, "added using Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                                                   "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"))
        acct(n, "registering to SIP Proxy sip:10.0.4.20:5060;transport=udp...")
        acct(n, "registered")

    call = 0
    for cycle in range(14):
        call += 1
        uuid = "9c1d%04x-5b3e-4f21-a8c7-0242ac1100%02d" % (cycle * 37, cycle % 90)
        port = 41800 + cycle * 3
        plog.info("(%d) New request from %s" % (call, str(("10.0.4.20", port))))
        req(call, "Using AnswerUrl %s/answer/" % IVR)
        req(call, "Processing Call")
        req(call, "Fetching RESTXML from %s/answer/" % IVR)
        req(call, "Requested RESTXML to %s/answer/" % IVR)
        req(call, "[GetDigits] None {'action': '%s/menu/', 'numDigits': '1', 'timeout': '5', "
                  "'validDigits': '123', 'retries': '2'}" % IVR)
        req(call, "GetDigits Started ['/var/lib/plivo/sounds/cc-welcome.wav']")
        digit = "123"[cycle % 3]
        if cycle % 7 == 4:
            req(call, "Event: channel %s has hung up (%s)" % (uuid, "ORIGINATOR_CANCEL"))
            req(call, "Channel has hung up, breaking Processing Call", logging.WARNING)
            req(call, "Processing Call Ended")
            plog.info("(%d) End request from %s" % (call, str(("10.0.4.20", port))))
            continue
        req(call, "GetDigits, Digits '%s' Received" % digit)
        req(call, "[GetDigits] Done")
        req(call, "Redirecting to POST %s/menu/ to fetch RESTXML" % IVR)
        req(call, "Fetching RESTXML from %s/menu/" % IVR)
        if cycle in (6, 17):
            # The web app answers the menu with a 500: plivo logs the error,
            # then the traceback line by line.
            def fetch():
                def send():
                    raised("plivo.rest.freeswitch.exceptions", "RESTFormatException",
                           "Response invalid: HTTP Error 500: INTERNAL SERVER ERROR")
                send()
            try:
                fetch()
            except Exception as e:
                import traceback
                req(call, "Processing Call Failure !", logging.ERROR)
                req(call, str(e), logging.ERROR)
                for line in traceback.format_exc().splitlines():
                    req(call, line, logging.ERROR)
            req(call, "Processing Call Ended")
            plog.info("(%d) End request from %s" % (call, str(("10.0.4.20", port))))
            continue
        req(call, "Requested RESTXML to %s/menu/" % IVR)
        n = cycle % len(AGENTS)
        account, device = AGENTS[n]
        req(call, "[Dial] None {'action': '%s/dialed/', 'callerId': '+442071838750', 'timeLimit': '3600', "
                  "'hangupOnStar': 'false'}" % IVR)
        dial = "{plivo_dial_number=sip:%s}[leg_timeout=30]sofia/gateway/sylk/%s" % (account, account)
        req(call, "Dial Started %s" % dial)
        # SylkServer: the agent's browser is offered the call.
        acct(n, "incoming session %s answered" % uuid.replace("-", "")[:24])
        if cycle % 9 == 5:
            web.warning("could not find SIP session with handle ID %d for webrtcup event" % (6619221876 + cycle))
            web.error("got SIP error event: {'janus': 'event', 'plugindata': {'plugin': 'janus.plugin.sip', "
                      "'data': {'sip': 'event', 'error_code': 448, 'error': 'Error creating SDP answer'}}}")
            req(call, "Dial Finished with reason: %s" % "ALLOTTED_TIMEOUT")
            req(call, "Dial Finished with reason: %s" % "NO_ANSWER")
        else:
            acct(n, "incoming session %s established" % uuid.replace("-", "")[:24])
            req(call, "Dial bridged")
            req(call, "Dial unbridged")
            req(call, "Dial completed {'Event-Name': 'CHANNEL_UNBRIDGE', 'Unique-ID': '%s'}" % uuid)
            req(call, "Dial Finished with reason: %s" % "NORMAL_CLEARING")
            acct(n, "incoming session %s terminated (%s)" % (uuid.replace("-", "")[:24], "200 OK"))
        req(call, "[Dial] Done")
        req(call, "Event: channel %s has hung up (%s)" % (uuid, "NORMAL_CLEARING"))
        req(call, "End of RESTXML")
        req(call, "Processing Call Ended")
        plog.info("(%d) End request from %s" % (call, str(("10.0.4.20", port))))

        if cycle == 9:
            # A supervisor's browser loses the WebSocket mid-request.
            def create():
                def trickle():
                    raised("sylk.applications.webrtcgateway.janus", "JanusError", "Invalid handle (458)")
                trickle()
            try:
                create()
            except Exception as e:
                web.exception("[account {0}/{2}] {1}".format(AGENTS[3][0], "{} {}: {!s}".format(
                    "request", "session-trickle", e), AGENTS[3][1]))
            web.info("[device {0}] {1}".format(AGENTS[3][1], "removed"))
            web.info("[device {0}] {1}".format(AGENTS[3][1], "added using Mozilla/5.0 (Macintosh; Intel Mac OS X "
                                                             "14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                                                             "Version/17.4 Safari/605.1.15"))
            acct(3, "registering to SIP Proxy sip:10.0.4.20:5060;transport=udp...")
            acct(3, "registered")
        if cycle == 13:
            # The gevent hub's report of the greenlet that died (no record).
            def handle():
                def recv():
                    raised("builtins", "OSError", "[Errno 104] Connection reset by peer")
                recv()
            uncaught(stream, handle)
            printed(stream, "<Greenlet at 0x7f2b8b9f6eb0: <bound method PlivoOutboundServer.handle_request of "
                    "<PlivoOutboundServer at 0x7f2b8c3e2d10 fileno=5 address=0.0.0.0:8084>>(<socket at 0x7f2b8b"
                    "9d1a50 fileno=11 sock=10.0.4.1, ('10.0.4.20', 41842))> failed with OSError")
            printed(stream, "")
        if cycle == 18:
            web.warning("could not find account with handle ID %d for registration failed event" % 8121900432)
            acct(1, "registering to SIP Proxy sip:10.0.4.20:5060;transport=udp...")
            acct(1, "registered")
    plog.warning("Shutdown ...")
    main.info("Stopping SylkServer...")
    main.info("SIP application ended")
    main.info("SylkServer stopped")
    return {"name": "sylk-plivo", "programs": [sy, pl], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An office's front-door intercom on ECS Anywhere (the door station's
# Raspberry Pi; the CloudWatch agent ships both containers to one stream):
# DoorPi answers the door station's button and SIP calls through linphone,
# and its url_call action rings the office's chat through hangupsbot's
# webhook sink.

CONV = "UgzZ4Rk9eRwPC1Q8hGp4AaABAQ"


def stream_doorpi_hangupsbot():
    stream = []
    dp = Program("doorpi", "doorpi.doorpi", logging.Formatter(DOORPI), stream)
    hb = Program("hangupsbot", "root", logging.Formatter(HANGUPSBOT, HANGUPSBOT_DATEFMT), stream)
    core = lg(dp, "doorpi.doorpi")
    handler = lg(dp, "doorpi.action.handler")
    sip = lg(dp, "doorpi.sipphone.from_linphone")
    callbacks = lg(dp, "doorpi.sipphone.linphone_lib.CallBacks")
    url = lg(dp, "doorpi.action.SingleActions.url_call")
    webserver = lg(dp, "doorpi.status.webserver")
    bot = lg(hb, "root")
    plugins = lg(hb, "plugins")
    sinks = lg(hb, "sinks")

    printed(stream, "+ exec doorpi_cli --configfile /etc/doorpi/doorpi.ini")
    printed(stream, "EXCEPTION: configfile does not exist or is not readable")
    printed(stream, "please refer to the DoorPi wiki for more information ")
    printed(stream, "<https://github.com/motom001/DoorPi/wiki>")
    printed(stream, "+ exec doorpi_cli --configfile /etc/doorpi/doorpi.ini")
    events = [("OnKeyPressed_onboardpins.0", "call:**621"), ("OnKeyPressed_onboardpins.0",
              "url_call:http://hangupsbot:9002/%s/" % CONV), ("OnCallStateConnect", "out:door_led,1"),
              ("OnCallStateDisconnect", "out:door_led,0"), ("OnDTMF_#", "out:door_opener,1,0,3")]
    for section in ("EVENT_OnKeyPressed_onboardpins.0", "EVENT_OnCallStateConnect", "EVENT_OnCallStateDisconnect",
                    "EVENT_OnDTMF_#"):
        core.info("found EVENT_ section '%s' in configfile", section)
        for event, action in events:
            if "EVENT_" + event == section:
                core.info("registering action '%s' for event '%s'", action, event)
    webserver.info("Initiating WebService at ip %s and port %s", "0.0.0.0", 8080)
    webserver.info("DoorPiWeb URL is %s", "http://10.40.2.31:8080")
    sip.info("found %s possible sounddevices:", 2)
    sip.warning("no video devices available")
    sip.info("using DoorPi with SIP-Server")
    core.info("DoorPi started successfully")
    core.info("BasePath is %s", "/usr/local/etc/DoorPi")
    core.info("Weburl is %s", "http://10.40.2.31:8080")

    printed(stream, "+ exec python3 hangupsbot/hangupsbot.py --config /data/config.json --cookies /data/cookies.json")
    bot.info("memory = {}, failsafe = {}, delay = {}".format("/data/memory.json", True, 1))
    bot.info("locale: {}".format("en_GB"))
    plugins.info("plugins is not defined, using ALL")
    plugins.info("included {}: {}".format(6, ["plugins.default", "plugins.easteregg", "plugins.image_linker",
                                              "plugins.mentions", "plugins.subscribe", "plugins.tldr"]))
    for module, commands in (("default", "echo, broadcast, users, user, hangouts, rename, leave, reload, quit, "
                              "config, whoami, whereami"), ("mentions", "mention, pushbulletapi, bemorespecific"),
                             ("subscribe", "subscribe, unsubscribe, testsubscribe"), ("tldr", "tldr")):
        plugins.info("{} - {}".format(module, commands))
    plugins.info("{} - no commands".format("image_linker"))
    sinks.info("{} threaded listener(s)".format(1))
    sinks.info("{} : {}:{}...".format("DoorSink", "0.0.0.0", 9002))
    bot.info("bot initialised")

    for cycle in range(84):
        if cycle % 3 == 0:
            fire = "%06x" % (0x3a91c0 + cycle * 7919)
            if cycle in (9, 21, 54):
                # hangupsbot is restarting: the webhook fails.
                url.info("url: %s" % ("http://hangupsbot:9002/%s/" % CONV))
                url.error("URLError: %s" % "[Errno 111] Connection refused")
            else:
                url.info("url: %s" % ("http://hangupsbot:9002/%s/" % CONV))
                bot.info("sending message to conversation {}".format(CONV))
            if cycle == 15:
                def fire_action():
                    def call():
                        raised("builtins", "IOError", "[Errno 2] No such file or directory: "
                                                      "'/usr/local/etc/DoorPi/media/ShortDialTone.wav'")
                    call()
                try:
                    fire_action()
                except Exception:
                    handler.exception("[%s] error while fire action %s for event_name %s", fire, "call:**621",
                                      "OnKeyPressed_onboardpins.0")
            if cycle % 9 == 6:
                callbacks.info("Incoming and current call are different - sending busy signal to incoming call")
            if cycle % 6 == 3:
                sip.info("call timeout - hangup current call after %s seconds (max. %s)", 31, 30)
            elif cycle % 12 == 0:
                sip.info("max call time reached - hangup current call after %s seconds (max. %s)", 121, 120)
        if cycle == 10:
            handler.warning("source %s unknown - skip fire_event %s", "doorpi.keyboard.from_gpio", "OnKeyUp_onboardpins.1")
        if cycle in (12, 25, 53, 70):
            # The chat service drops the long-poll: hangupsbot reconnects.
            bot.info("Connection lost!")
            for retry in range(2):
                bot.info("Waiting %s seconds...", 5 + retry * 5)
                bot.info("Trying to connect again (try %s of %s)...", retry + 1, 5)
            bot.info("bot initialised")
        if cycle == 20:
            def send():
                def post():
                    raised("hangups.exceptions", "NetworkError", "Request failed with status 503: 'Service "
                                                                 "Unavailable'")
                post()
            try:
                send()
            except Exception:
                bot.exception("CORO_SEND_MESSAGE: error sending {}".format(CONV))
        if cycle % 10 == 7:
            bot.warning("duplicate event {} ignored".format("7-H0Z7%sAbqK" % cycle))
        if cycle == 27:
            bot.warning("_on_event(): unrecognised event type: {}".format("<class 'hangups.conversation_event."
                                                                         "HangoutEvent'>"))
        if cycle == 22:
            sinks.error("{}: conversation id must be provided as part of path".format("DoorSink"))
    core.info("======== DoorPi successfully shutdown ========")
    bot.info("bot is exiting")
    return {"name": "doorpi-hangupsbot", "programs": [dp, hb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A community's Matrix bridge host on EC2 (ECS, awslogs, one stream for the
# task): the Meshtastic-Matrix relay reaches the club's mesh node over TCP
# and carries its primary channel into the Matrix room; matrix-discord-
# bridge mirrors the same rooms into the Discord guild's channels.

ROOM = "!hKqPzWmRtYbVlEcSaD:matrix.meshclub.org"
NODES = [("Dave's T-Beam", "DVTB"), ("Ridge repeater", "RDG1"), ("Kim RAK4631", "KIMR"), ("Harbour base", "HRBR")]
MATRIX_USERS = ["@dave:matrix.meshclub.org", "@kim:matrix.meshclub.org", "@discord_bridge:matrix.meshclub.org"]


def stream_mmrelay_discord():
    stream = []
    mm = Program("mmrelay", "MMRelay", logging.Formatter(MMRELAY, MMRELAY_DATEFMT), stream)
    md = Program("matrix-discord-bridge", "root", logging.Formatter(MXDISCORD, MXDISCORD_DATEFMT), stream)
    app = lg(mm, "MMRelay")
    matrix = lg(mm, "Matrix")
    mesh = lg(mm, "Meshtastic")
    mx = lg(md, "matrix_logger")
    dclient = lg(md, "discord.client")
    gateway = lg(md, "discord.gateway")
    http = lg(md, "discord.http")

    printed(stream, "+ mmrelay --config /data/config.yaml")
    app.info("Starting MMRelay version 1.2.6")

    def first_start():
        def login():
            raised("aiohttp.client_exceptions", "ClientConnectorError", "Cannot connect to host "
                   "matrix.meshclub.org:443 ssl:default [Connect call failed ('10.8.0.14', 443)]")
        login()
    uncaught(stream, first_start)
    printed(stream, "+ mmrelay --config /data/config.yaml")
    app.info("Starting MMRelay version 1.2.6")
    mesh.info("Connecting to host {}:{}".format("meshnode.meshclub.internal", 4403))
    mesh.info("Connected to {} / {} / Meshtastic Firmware version {}".format("HRBR", "RAK4631", "2.5.15.79da236"))
    matrix.info("Joining mapped room '{}'...".format(ROOM))
    matrix.info("Successfully joined room '{}'".format(ROOM))
    matrix.info("Listening for inbound Matrix messages")
    matrix.info("Starting Matrix sync loop")
    app.info("Relay startup complete")

    printed(stream, "+ cd /bridge && python3 bridge.py")
    printed(stream, "Example configuration dumped to config.json")
    printed(stream, "+ cd /bridge && python3 bridge.py")
    mx.info("LoginResponse(user_id='@discord_bridge:matrix.meshclub.org', device_id='QWERTYUIOP', "
            "access_token='syt_ZGlzY29yZF9icmlkZ2U_KMFhYVgAAPzRrNXq_1a2b3c')")
    dclient.info("logging in using static token")
    gateway.info("Shard ID %s has connected to Gateway (Session ID: %s).", None, "b4c1f09e2a7d3c55e0f18a6d4b2c9e71")
    mx.warning("Failed to get channel for ID {}".format(1187334920564129812))
    mx.info("Clients ready!")

    for cycle in range(80):
        name, short = NODES[cycle % len(NODES)]
        mesh.info("Relaying Meshtastic message from {} to Matrix".format(name))
        if cycle % 3 == 0:
            user = MATRIX_USERS[cycle % 2]
            display = user.split(":")[0][1:].capitalize()
            mesh.info("Relaying message from {} to radio broadcast".format(display + "[M]"))
            if cycle % 6 == 3:
                mesh.info("Relaying message from {} to radio broadcast (queued: {} messages)".format(
                    display + "[M]", 2))
        if cycle % 5 == 2:
            matrix.info("Processed command with plugin: {} from {}".format("ping", MATRIX_USERS[1]))
        if cycle % 8 == 5:
            matrix.info("Relaying reaction from remote meshnet: {}".format("CoastMesh"))
        if cycle == 7:
            mx.warning("Failed to send message {}: {}".format("$Zb7uQy2H0sXk3C9pWm1RtLfVnEaJdGoY4iKh6qBcT5s",
                                                               "400 Bad Request (error code: 50035): Invalid Form "
                                                               "Body\nIn content: Must be 2000 or fewer in length."))
        if cycle == 11:
            http.warning("We are being rate limited. %s %s responded with 429. Retrying in %.2f seconds.", "POST",
                         "https://discord.com/api/v10/webhooks/1187339021374218240/…", 1.23)
        if cycle in (13, 31, 58):
            # The mesh node reboots (firmware update, power): the relay reconnects.
            mesh.info("Reconnection attempt starting in {} seconds...".format(10))
            mesh.warning("Connection attempt %s timed out (%s). Retrying in %s seconds..." % (
                1, "Timed out waiting for connection completion", 2))
            if cycle == 31:
                def reconnect():
                    def connect():
                        raised("builtins", "ConnectionRefusedError", "[Errno 111] Connection refused")
                    connect()
                try:
                    reconnect()
                except Exception:
                    mesh.exception("Reconnection attempt failed")
                mesh.info("Reconnection attempt starting in {} seconds...".format(20))
            mesh.info("Connecting to host {}:{}".format("meshnode.meshclub.internal", 4403))
            mesh.info("Connected to {} / {} / Meshtastic Firmware version {}".format("HRBR", "RAK4631",
                                                                                     "2.5.15.79da236"))
        if cycle == 17:
            gateway.warning("Shard ID %s has stopped responding to the gateway. Closing and restarting.", None)
            gateway.info("Shard ID %s has successfully RESUMED session %s.", None, "b4c1f09e2a7d3c55e0f18a6d4b2c9e71")
        if cycle == 20:
            matrix.warning("Matrix sync failed, retrying: %s" % "SyncError: M_UNKNOWN_TOKEN Unknown access token")
        if cycle == 24:
            def sync():
                def handle():
                    raised("nio.exceptions", "LocalProtocolError", "Sync response has no next batch token")
                handle()
            try:
                sync()
            except Exception:
                mx.exception("Unknown exception occured, retrying in {} seconds...".format(2))
            mx.info("LoginResponse(user_id='@discord_bridge:matrix.meshclub.org', device_id='ASDFGHJKLZ', "
                    "access_token='syt_ZGlzY29yZF9icmlkZ2U_pQwErTyUiOpAs_0f9e8d')")
            mx.info("Clients ready!")
        if cycle == 27:
            mx.warning("Failed to delete message {}: {}".format("$Ak3dV9qLmN0pR2sT4uW6xY8zB1cE3fG5hJ7kL9mN0pQ",
                                                                 "404 Not Found (error code: 10008): Unknown Message"))
            mx.warning("Failed to upload emote {}".format(1102551813360734208))
        if cycle == 35:
            matrix.error("Failed to join room '{}': {}".format("#meshclub-ops:matrix.meshclub.org",
                                                                "M_FORBIDDEN: You are not invited to this room."))
    matrix.info("Shutdown signal received. Closing down...")
    matrix.info("Closing Matrix client...")
    mesh.info("Closing Meshtastic client...")
    mesh.info("Meshtastic client closed successfully")
    matrix.info("Stopping plugins...")
    matrix.info("Stopping message queue...")
    matrix.info("Shutdown complete.")
    return {"name": "mmrelay-discord", "programs": [mm, md], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_sylk_plivo(), stream_doorpi_hangupsbot(), stream_mmrelay_discord()])


if __name__ == "__main__":
    main()
