"""The 89-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout88.py`): six more programs'
own logging set-ups in three streams, chosen from telephony, VoIP and SMS
gateways as platform and SRE teams run them in AWS (a contact centre's
Asterisk host on EC2, where Alpha Cephei's Vosk server does the IVR's
speech recognition for Asterisk's res_speech_vosk and SIPSTACK's Asterisk
connector ships the PBX's CDRs, CEL events and call recordings to the
SIPSTACK call-analytics service; a network operations centre's SMS gateway
box on ECS Anywhere with two USB GSM modems, where NetInvent's Grafana
webhook API texts Grafana's alerts to the on-call through gammu-smsd and
sms2mqtt bridges the second modem to the building's MQTT broker; a
contact centre's voice host on EC2, where Westpark Communications'
Voice-Logger records the agents' FreeSWITCH calls for the PInnacle agent
desktop and Bolna's voice-AI server, with its Twilio telephony server,
runs the after-hours callback agent), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout89

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 6230de7 (session 32's end, no rule
written from this set), with nothing configured: 62.9% exact, 79.7% key
fields (asctime 100.0%, levelname 98.8%, name 100.0%, message 79.7%).

Formatters and filters: all six use logging.Formatter itself, with no
formatTime of their own. Vosk's websocket/asr_server.py calls
logging.basicConfig(level=logging.INFO): BASIC_FORMAT on the root
(stderr), "INFO:root:Connection from ('172.17.0.1', 41234)" once per
recognition session (Asterisk's res_speech_vosk opens one websocket per
SpeechCreate); the kaldi-vosk-server image is Debian 11's, so its
websockets is 8.1, which logs no "connection open" lines but, when
Asterisk closes the socket right after its '{"eof" : 1}', "ERROR:
websockets.server:Error in connection handler" with the
ConnectionClosedOK traceback ("code = 1000 (OK), no reason"). SIPSTACK's
main_db.py (the image's CMD) calls basicConfig with "%(asctime)s -
%(name)s - %(levelname)s - %(message)s" (root, stderr, LOG_LEVEL INFO):
its loggers are "__main__", "database_connector" and "call_processor"
(the modules sit at the top of /app); its messages carry banners of 60
"=", two-space indented settings, emoji ("📞", "📦", "🏢", "✓", "✗",
"🎉", "❌", "🔄") and arrows ("  → 4930... → 300 (ANSWERED, 187s) at
..."); the first start fails its health check (the cdr database's grant
is missing) with a block of ERROR lines and "Shutdown complete", and
an API outage logs aiohttp's ClientConnectorError with a traceback and a
502 with nginx's HTML body, CRLF line ends in the message. The Grafana
webhook API's server.py calls ofunctions' logger_get_logger(), which puts
"%(asctime)s :: %(levelname)s :: %(message)s" on the root's stdout
handler (and a rotating file); its records are the root's (logger =
logging.getLogger() in every module) and command_runner's; it runs under
gunicorn with the UvicornWorker, so gunicorn's error log (gunicorn's own
format, `realworld.gunicorn_programs`) carries gunicorn's and uvicorn's
lifecycle records; no access log is configured. Its "sms_command: ..."
records hold the whole gammu-smsd-inject command line, the quoted alert
text with its line breaks inside; a malformed test call logs the request
object's repr and pydantic's error list; a missing gammu-smsd-inject logs
command_runner's message with the shlex-split command's list repr (the
line breaks escaped); a gammu-smsd-inject that hangs on a lock gets the
worker killed (gunicorn's CRITICAL "WORKER TIMEOUT (pid:7)") and a new
one booted. sms2mqtt's basicConfig prints only the time of day
("%H:%M:%S") and the message, no level, no name ("14:44:44: Gammu
initialized"); its messages include the MQTT payloads' bytes reprs,
JSON with non-ASCII text (ensure_ascii False), a python-gammu error
dict, the repeated "Incomplete Multipart SMS (1/2): waiting for parts"
lines and the list-of-dicts repr of an unsupported SMS. Bolna's
configure_logger() calls basicConfig with "%(asctime)s.%(msecs)03d
%(levelname)s %(context)s {%(module)s} [%(funcName)s] %(message)s" and
"%Y-%m-%d %H:%M:%S" (root, stderr, INFO); logger_config.py installs a
LogRecord factory that sets `context` on every record of the process,
from a ContextVar that nothing in the open-source server sets, so it is
always empty and every line has two spaces after the level (`BolnaContext`
below, a filter on the program's handler standing for the factory; the
truth keeps "context": ""); httpx's "HTTP Request: ..." records (the
OpenAI client's) reach the same root handler. Its messages include the
agent config's JSON and the task dict's repr on one line each, a task
output dict logged as the message itself, a voicemail greeting's
transcript ending with a space, %-style BOLNA_TRACE records with reprs of
the caller's words, an OpenAI 429 with the error dict's repr, and an
"Error fetching agent" with its traceback when Redis restarts.
Voice-Logger's logger.py gives its "Rotating Log" logger a
TimedRotatingFileHandler (/var/log/logger/logger.log, which the
CloudWatch agent tails) with "%(asctime)s:%(levelname)s: %(message)s" at
the sample config's LOGLEVEL DEBUG: no space between the time and the
level; every message starts with the request thread's ident and a colon;
its replies to PInnacle end with "\\r\\n" inside the message ("Responding
with: OK\\r\\n"), and so do the commands it received; when PInnacle closes
a connection, recv() returns b"" and the loop logs an empty "Received
data: " and "Invalid command received: " (both ending with a space)
before "disconnected"; an unexpected error is logwrite.exception() with
the thread's repr (not its ident) before ": Error:".

Print lines: the Kaldi model loader's "LOG (VoskAPI:...)" lines on stderr
at each Vosk start; the bare traceback of sms2mqtt's first start, when the
modem is not enumerated yet (python-gammu's ERR_DEVICENOTEXIST, a dict as
its text; Docker restarts it); uvicorn's own lines for Bolna's two
services ("INFO:     ..." through uvicorn's default formatter, left out of
the formats on purpose as in `heldout38.py`), the Twilio server's
print()s ("telephony_host: ...", "bolna_host: ...", "websocket connection
done to ..."), Bolna's traceback.print_exc() and uvicorn's "Exception in
ASGI application" traceback when the Twilio server is given a stale agent
id.

The messages are modelled on the programs' source, read at the commits
cited: vosk-server's websocket/asr_server.py and docker/Dockerfile.kaldi-
vosk-server and Dockerfile.kaldi-en, vosk-asterisk's res_speech_vosk.c
(alphacep/vosk-asterisk 0425238e: one websocket per recognition, the
'{"eof" : 1}' then close 1000), websockets 8.1's server.py and
exceptions.py (the release archive); SIPSTACK's src/main_db.py,
database_connector.py, call_processor.py and Dockerfile; the Grafana
webhook API's server.py, grafana_webhook_api/api.py, sms.py,
configuration.py, grafana_webhook_api.conf and __debug__.py, ofunctions'
logger_utils/__init__.py (netinvent/ofunctions 46742305, 2.5.0) and
command_runner's __init__.py (netinvent/command_runner 6ea604fc, 1.7.5);
sms2mqtt's sms2mqtt.py, Dockerfile and README; Bolna's
bolna/helpers/logger_config.py, local_setup/quickstart_server.py,
telephony_server/twilio_api_server.py, docker-compose.yml and Dockerfiles,
agent_manager/assistant_manager.py and task_manager.py,
input_handlers/telephony.py, output_handlers/telephony_providers/
twilio.py, transcriber/deepgram_transcriber.py,
synthesizer/elevenlabs_synthesizer.py, llms/openai_llm.py and
helpers/utils.py (with those files' function names and line numbers);
Voice-Logger's logger.py, loggerconfig.ini.default, USAGE.md and
systemd/logger.service. Modelled rather than read: the values (numbers,
linkedids, channel UUIDs, agent ids, CSNs, IMEIs, alert titles and labels,
agent and run ids, transcripts, latencies, thread idents), the order and
number of records, the Kaldi loader's lines, gunicorn's and uvicorn's
message texts, gammu-smsd-inject's output, aiohttp's, pymysql's,
pydantic's and python-gammu's error texts, whether PInnacle ends its
commands with CRLF, and the entrypoint lines.

Left out: the SIPSTACK connector's AMI mode (src/main.py: its setup_logging
has the same format on stdout), Bolna's Plivo server (the same print()s as
the Twilio one), Voice-Logger's cron/cdr2sql and utilities (other
programs of the same repository), gonicus' asterisk-prometheus-exporter
(gonicus/asterisk-prometheus-exporter 08b1b59f src/config.py:
logging.basicConfig(), BASIC_FORMAT, which Vosk stands for here),
sendmailmp3's transcription server (PhracturedBlue/sendmailmp3 9bb549bc
server.py: basicConfig(level=INFO), BASIC_FORMAT too), pajikos'
sms-gammu-gateway (pajikos/sms-gammu-gateway 0a153cac run.py: Flask's
app.run, Werkzeug's "%(message)s" only), SIPssert (OpenSIPS/SIPssert
0954b602 sipssert/logger.py: the level wrapped in ANSI codes, console off
by default), cacofonisk (VoIPGRID/cacofonisk a9ab5c9e: a library, its
format only in examples/amirunner.py), vocode (vocodedev/vocode-core's
telephony app: basicConfig(), BASIC_FORMAT), LiveKit agents and Pipecat
(JSON lines and loguru), playsms_hilink_driver (abundo/playsms_hilink_driver:
syslog when stdout is no TTY), callattendant (a home call screener), and
the programs of these areas in earlier sets or their Left out paragraphs:
Wazo's daemons, pysipp, Magma, Jasmin, SylkServer, the Plivo framework,
DoorPi, hangupsbot, RapidPro, Junebug, Vumi, Sygnal, Newfies-Dialer,
CDR-Stats, ha-sip, switchio, opensips-cli, kamcli and SIPVicious.
"""

import datetime
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Vosk server (alphacep/vosk-server, c2e82f02), websocket/asr_server.py
# start(): logging.basicConfig(level=logging.INFO), the root's
# StreamHandler (stderr).
VOSK = logging.BASIC_FORMAT
# SIPSTACK Connector for Asterisk 0.13.41 (sipstack/sipstack-connector-
# asterisk, dbf1c832), src/main_db.py's logging.basicConfig (root, stderr,
# LOG_LEVEL INFO); src/utils/logger.py has the same format for main.py.
SIPSTACK = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Grafana webhook API 2.0.0 (netinvent/grafana_webhook_gammu_smsd,
# 04ce6956), server.py's logger_get_logger(log_file=...) from
# ofunctions.logger_utils 2.5.0 (netinvent/ofunctions, 46742305),
# ofunctions/logger_utils/__init__.py FORMATTER with no formatter_insert:
# the root's StreamHandler(sys.stdout).
GRAFANA_API = "%(asctime)s :: %(levelname)s :: %(message)s"
# sms2mqtt 1.4.6 (Domochip/sms2mqtt, b8ba7a41), sms2mqtt.py's
# logging.basicConfig (root, stderr, INFO).
SMS2MQTT = "%(asctime)s: %(message)s"
SMS2MQTT_DATEFMT = "%H:%M:%S"
# Bolna 0.10.204 (bolna-ai/bolna, 0172347b), bolna/helpers/logger_config.py
# configure_logger()'s logging.basicConfig (root, stderr, INFO).
BOLNA = "%(asctime)s.%(msecs)03d %(levelname)s %(context)s {%(module)s} [%(funcName)s] %(message)s"
BOLNA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Voice-Logger (westparkcom/Voice-Logger, c293d0e6), logger.py's __main__:
# the "Rotating Log" logger's TimedRotatingFileHandler.
VOICE_LOGGER = "%(asctime)s:%(levelname)s: %(message)s"


class BolnaContext(logging.Filter):
    """Bolna's dynamic_log_record_factory (bolna/helpers/logger_config.py):
    every record of the process gets `context`, the ContextVar's pairs
    joined, which nothing in the open-source server sets: "". A filter on
    the program's handler here, so no other program's records get it."""

    def filter(self, record):
        record.context = ""
        return True


# --------------------------------------------------------------------------
# A contact centre's Asterisk host on EC2 (the CloudWatch agent ships the
# host's containers to one stream): the IVR's speech menus use Vosk through
# res_speech_vosk (ws://localhost:2700), and SIPSTACK's connector reads the
# PBX's cdr table and CEL CSV and ships every finished call to SIPSTACK.

PY39 = "/usr/lib/python3/dist-packages/"
KALDI = [
    "LOG (VoskAPI:ReadDataFiles():model.cc:213) Decoding params beam=13 max-active=7000 lattice-beam=6",
    "LOG (VoskAPI:ReadDataFiles():model.cc:216) Silence phones 1:2:3:4:5:11:12:13:14:15",
    "LOG (VoskAPI:RemoveOrphanNodes():nnet-nnet.cc:948) Removed 0 orphan nodes.",
    "LOG (VoskAPI:RemoveOrphanComponents():nnet-nnet.cc:847) Removing 0 orphan components.",
    "LOG (VoskAPI:ReadDataFiles():model.cc:248) Loading i-vector extractor from "
    "/opt/vosk-model-en/model/ivector/final.ie",
    "LOG (VoskAPI:ComputeDerivedVars():ivector-extractor.cc:183) Computing derived variables for iVector extractor",
    "LOG (VoskAPI:ComputeDerivedVars():ivector-extractor.cc:204) Done.",
    "LOG (VoskAPI:ReadDataFiles():model.cc:282) Loading HCLG from /opt/vosk-model-en/model/graph/HCLG.fst",
    "LOG (VoskAPI:ReadDataFiles():model.cc:297) Loading words from /opt/vosk-model-en/model/graph/words.txt",
    "LOG (VoskAPI:ReadDataFiles():model.cc:308) Loading winfo /opt/vosk-model-en/model/graph/phones/word_boundary.int",
    "LOG (VoskAPI:ReadDataFiles():model.cc:315) Loading subtract G.fst model from "
    "/opt/vosk-model-en/model/rescore/G.fst",
    "LOG (VoskAPI:ReadDataFiles():model.cc:317) Loading CARPA model from /opt/vosk-model-en/model/rescore/G.carpa",
    "LOG (VoskAPI:ReadDataFiles():model.cc:323) Loading RNNLM model from /opt/vosk-model-en/model/rnnlm/final.raw",
]
TRUNK_NUMBERS = ["4930901820", "4917612345678", "4940822233", "4915112349876", "4989215566", "4930555012",
                 "441632960555", "4917098765432", "4922199887", "4961133445"]
QUEUES = ["300", "301", "302"]
AGENTS = ["2101", "2104", "2107", "2112", "2115", "2118"]
DISPOSITIONS = ["ANSWERED", "ANSWERED", "ANSWERED", "NO ANSWER", "ANSWERED", "BUSY", "ANSWERED"]
NGINX_502 = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
             "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")


def stream_vosk_sipstack():
    stream = []
    vk = Program("vosk-server", "vosk.root", logging.Formatter(VOSK), stream)
    ss = Program("sipstack-connector", "sipstack.main", logging.Formatter(SIPSTACK), stream)
    vroot = lg(vk, "root")
    wss = lg(vk, "websockets.server")
    main = lg(ss, "__main__")
    dbc = lg(ss, "database_connector")
    proc = lg(ss, "call_processor")

    def vosk_start():
        printed(stream, "+ exec python3 ./asr_server.py /opt/vosk-model-en/model")
        for line in KALDI:
            printed(stream, line)

    port = [41200]

    def recognition(clean=True):
        port[0] += 7
        vroot.info("Connection from %s", ("172.17.0.1", port[0] % 20000 + 40000))
        if not clean:
            # Asterisk writes '{"eof" : 1}' and closes at once: recv() finds
            # the socket closed.
            def handler():
                def recognize():
                    def recv():
                        def ensure_open():
                            raised("websockets.exceptions", "ConnectionClosedOK", "code = 1000 (OK), no reason")
                        ensure_open()
                    recv()
                recognize()
            try:
                handler()
            except Exception:
                wss.error("Error in connection handler", exc_info=True)

    def banner(ch="="):
        return ch * 60

    def connector_start(fail=False, fresh=False):
        printed(stream, "+ exec python -u -m main_db")
        main.info("Read version %s from %s" % ("0.13.41", "/app/VERSION"))
        main.info(banner())
        main.info("SIPSTACK Connector v0.13.41 - Database Mode")
        main.info(banner())
        main.info("Initializing database connector...")
        main.info("Configuration:")
        main.info("  Database: mysql @ 172.17.0.1:3306")
        main.info("  Database Name: asteriskcdrdb")
        main.info("  CDR Table: cdr")
        main.info("  CEL Mode: 'csv'")
        main.info("  Region: us1")
        main.info("  API Endpoint: https://api-us1.sipstack.com/v1/mqs/connectors/asterisk/calls")
        dbc.info(banner())
        dbc.info("DATABASE CONNECTOR CONFIGURATION")
        dbc.info(banner())
        dbc.info("CDR Source: mysql database")
        dbc.info("  Host: 172.17.0.1:3306")
        dbc.info("  Database: asteriskcdrdb")
        dbc.info("  User: sipstack")
        dbc.info("  CDR Table: cdr")
        dbc.info("📦 Shipping Mode: COMPLETE")
        dbc.info("  Long call updates: Every 600s")
        dbc.info("🏢 Tenant Detection: No known trunks configured (KNOWN_TRUNKS empty)")
        dbc.info("CEL Source: CSV file")
        dbc.info("  Path: /var/log/asterisk/cel-custom/Master.csv")
        dbc.info("  Poll Interval: 2s")
        dbc.info("  ✓ CSV file exists")
        denied = ("(1045, \"Access denied for user 'sipstack'@'172.17.0.2' (using password: YES)\")")
        if fresh:
            if fail:
                dbc.warning("Could not get last CDR time: %s" % denied)
                dbc.warning("Could not get database time: %s" % denied)
                dbc.info(banner())
                dbc.info("FRESH START MODE - Empty Database")
                dbc.info("Starting from: %s" % now("%Y-%m-%dT%H:%M:%S.") + "%06d" % (len(stream) * 7919 % 1000000))
                dbc.info(banner())
            else:
                dbc.info(banner())
                dbc.info("FRESH START MODE")
                dbc.info("Last CDR in database: 2024-05-11T14:41:02")
                dbc.info("Will only process NEW CDRs created after this time")
                dbc.info(banner())
        dbc.info("Performing database health check...")
        if fail:
            dbc.error(banner())
            dbc.error("❌ DATABASE HEALTH CHECK FAILED")
            dbc.error(banner())
            dbc.error("Error: %s" % denied)
            dbc.error("Common issues:")
            dbc.error("1. Database credentials incorrect (check DB_USER, DB_PASSWORD)")
            dbc.error("2. Database host unreachable (check DB_HOST, DB_PORT)")
            dbc.error("3. Database/tables don't exist (check DB_NAME, DB_TABLE_CDR)")
            dbc.error("4. Insufficient permissions (grant SELECT on tables)")
            dbc.error("5. CEL file path incorrect or not mounted (check CEL_CSV_PATH)")
            dbc.error(banner())
            dbc.error("Connector cannot start without database access. Exiting...")
            main.info("Shutdown complete")
            return
        dbc.info("✓ Database connection successful")
        dbc.info("✓ CDR table 'cdr' accessible (%d records)" % 48213)
        dbc.info("✓ CDR table structure valid (found %d columns)" % 22)
        dbc.info("✓ CEL CSV file readable (%d sample lines, %d fields)" % (3, 19))
        dbc.info("✓ Query functionality test passed")
        dbc.info("🎉 Database health check completed successfully!")
        dbc.info(banner())
        dbc.info("Database connector ready - CDR from mysql DB, CEL from csv")
        dbc.info(banner())
        proc.info("Call processor initialized - polling every 5s")
        proc.info("API endpoint: https://api-us1.sipstack.com/v1/mqs/connectors/asterisk/calls")
        proc.info("Call processor started")
        proc.info("Initial poll time set to: 2024-05-11 14:41:02")
        dbc.info("Starting to monitor for CDRs after 2024-05-11 14:41:02")

    failed = []

    def ship_error(linkedid):
        def ship_call_data():
            def post():
                def connect():
                    raised("aiohttp.client_exceptions", "ClientConnectorError", "Cannot connect to host "
                           "api-us1.sipstack.com:443 ssl:default [Temporary failure in name resolution]")
                connect()
            post()
        try:
            ship_call_data()
        except Exception as e:
            proc.error("Error shipping call %s: %s" % (linkedid, e), exc_info=True)
        proc.error("Failed to ship call %s" % linkedid)

    def batch(b, outage=None):
        if failed and outage is None:
            proc.info("🔄 Retrying %d previously failed calls" % len(failed))
            for linkedid in list(failed):
                proc.info("Processing call %s - phase: complete, complete: True" % linkedid)
                proc.info("Successfully shipped call %s (complete)" % linkedid)
                failed.remove(linkedid)
        count = 1 + (b * 7) % 5
        calls = []
        for k in range(count):
            start = 1715438662 + b * 41 + k * 9
            linkedid = "%d.%d" % (start, 4402 + b * 6 + k)
            src = TRUNK_NUMBERS[(b + k) % len(TRUNK_NUMBERS)]
            dst = QUEUES[(b + 2 * k) % len(QUEUES)] if k % 3 else AGENTS[(b + k) % len(AGENTS)]
            disp = DISPOSITIONS[(b * 3 + k) % len(DISPOSITIONS)]
            dur = 0 if disp != "ANSWERED" else 14 + (b * 53 + k * 31) % 420
            complete = (b + k) % 4 != 0
            calls.append((linkedid, src, dst, disp, dur, complete))
        dbc.info("📞 Found %d new/updated calls" % len(calls))
        for linkedid, src, dst, disp, dur, complete in calls[:5]:
            dbc.info("  → %s → %s (%s, %ss) at %s" % (src, dst, disp, dur, now("%Y-%m-%d %H:%M:%S")))
        proc.info("Found %d updated calls" % len(calls))
        ok = 0
        for k, (linkedid, src, dst, disp, dur, complete) in enumerate(calls):
            if k == 0:
                dbc.info("Scanned %d, found %d CEL events for linkedid %s" % (380 + b * 17, 6 + (b * 5) % 14, linkedid))
            if not complete:
                continue
            proc.info("Processing call %s - phase: complete, complete: True" % linkedid)
            if disp == "ANSWERED" and (b + k) % 3:
                proc.info("Linked %d recordings to call %s" % (1 + (k == 1), linkedid))
            if outage == "dns":
                ship_error(linkedid)
                failed.append(linkedid)
                continue
            if outage == "502":
                proc.error("API rejected call %s - status: %d, error: %s" % (linkedid, 502, NGINX_502))
                proc.error("Failed to ship call %s" % linkedid)
                failed.append(linkedid)
                continue
            proc.info("Successfully shipped call %s (complete)" % linkedid)
            ok += 1
        proc.info("Processed %d/%d calls in %.2fs" % (ok, len(calls), 0.21 + (b * 37 % 90) / 100))

    vosk_start()
    connector_start(fail=True, fresh=True)
    connector_start()
    for b in range(70):
        for s in range(3 + b % 4):
            recognition(clean=(b * 3 + s) % 5 != 2)
        if b % 2 == 0:
            batch(b, outage="dns" if b in (22, 24) else "502" if b == 48 else None)
        if b == 35:
            # The Vosk container is recreated (a model update): the loader again.
            vosk_start()
        if b == 60:
            dbc.warning("  ✗ CSV file not found at /var/log/asterisk/cel-custom/Master.csv")
            dbc.warning("CEL CSV file not found: /var/log/asterisk/cel-custom/Master.csv")
    return {"name": "vosk-sipstack", "programs": [vk, ss], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A NOC's SMS gateway box on ECS Anywhere (two USB GSM modems; the
# CloudWatch agent ships the box's containers to one stream): Grafana's
# contact point posts its alerts to NetInvent's webhook API, which queues
# them in gammu-smsd through gammu-smsd-inject; sms2mqtt bridges the
# second modem to the building's MQTT broker (the on-call's replies, the
# automations' texts).

ONCALL = ["+4915112345678", "+4917698765432", "+33612345678", "+4916090011223"]
ALERTS = [("SIPTrunkDown", {"instance": "sbc-fra-1", "job": "kamailio", "severity": "critical"}),
          ("HighCallFailureRate", {"instance": "ast-cc-2", "job": "asterisk", "queue": "301"}),
          ("RegistrationsDropped", {"instance": "sbc-fra-2", "job": "kamailio"}),
          ("DiskFull", {"instance": "rec-store-1", "mountpoint": "/var/spool/asterisk/monitor"}),
          ("RTPPacketLoss", {"instance": "rtpengine-1", "job": "rtpengine", "severity": "warning"}),
          ("CertificateExpiry", {"instance": "sip.example-cc.de:5061", "job": "blackbox"})]
UVICORN_WORKER = "uvicorn.workers.UvicornWorker"


def stream_grafana_sms2mqtt():
    stream = []
    error, _access = realworld.gunicorn_programs(stream)
    api = Program("grafana-webhook-api", "grafana.root", logging.Formatter(GRAFANA_API), stream)
    sm = Program("sms2mqtt", "sms2mqtt.root", logging.Formatter(SMS2MQTT, SMS2MQTT_DATEFMT), stream)
    groot = lg(error, "gunicorn.error")
    uverr = lg(error, "uvicorn.error")
    aroot = lg(api, "root")
    crun = lg(api, "command_runner")
    sroot = lg(sm, "root")

    def gunicorn_start(pid=7):
        groot.info("Starting gunicorn %s", "23.0.0")
        groot.info("Listening at: %s (%s)", "http://0.0.0.0:80", 1)
        groot.info("Using worker: %s", UVICORN_WORKER)
        worker_boot(pid)

    def worker_boot(pid):
        groot.info("Booting worker with pid: %s", pid)
        uverr.info("Started server process [%d]", pid)
        uverr.info("Waiting for application startup.")
        uverr.info("Application startup complete.")

    def alert_text(name, labels, status="firing"):
        # Grafana's default title: the group labels' values, the other
        # common labels' values in parentheses.
        others = " ".join(v for _, v in sorted(labels.items()))
        title = "[%s] %s Voice (%s)" % ("FIRING:1" if status == "firing" else "RESOLVED", name, others)
        body = "Supervision org 1: %s\nALERT %s:\n" % (title, status)
        for k, v in sorted([("alertname", name), ("grafana_folder", "Voice")] + list(labels.items())):
            body += "- %s=%s\n" % (k, v)
        return title, body

    last_sent = {}
    clock = [0]

    def grafana_post(n, status="firing", number=None, missing_cmd=False, inject_fail=False):
        name, labels = ALERTS[(n // 3 + n) % len(ALERTS)]
        number = number or ONCALL[(n // 9) % 2]
        title, body = alert_text(name, labels, status)
        aroot.info("Received alert {} for number {}".format(title, number))
        clock[0] += 90 + (n * 37) % 240
        if number in last_sent and clock[0] - last_sent[number] < 300:
            aroot.info("Server side min_interval for number {} not reached ({}). Not sending this SMS".format(
                number, clock[0] - last_sent[number]))
            return
        last_sent[number] = clock[0]
        cmd = "gammu-smsd-inject TEXT '{}' -text '{}' -len {}".format(number, body, len(body))
        aroot.info("sms_command: {}".format(cmd))
        if missing_cmd:
            argv = ["gammu-smsd-inject", "TEXT", number, "-text", body, "-len", str(len(body))]
            msg = "Command \"{}\" failed, file not found: {}".format(
                argv, "[Errno 2] No such file or directory: 'gammu-smsd-inject'")
            crun.error(msg)
            aroot.error("Could not send SMS, code {}: {}".format(-253, msg))
            return
        if inject_fail:
            aroot.error("Could not send SMS, code {}: {}".format(2, "gammu-smsd-inject[%d]: Cannot open file "
                        "/var/spool/gammu/outbox/OUTC%s_00_%s_sms0.smsbackup: Permission denied\n" % (
                            3100 + n, now("%Y%m%d_%H%M%S"), number)))
            return
        aroot.info("Sent SMS to {}".format(number))

    def validation_error():
        errors = [{"type": "missing", "loc": ("body", f), "msg": "Field required",
                   "input": {"receiver": "sms-oncall", "status": "firing", "alerts": [], "title": "test from curl",
                             "message": "Hello from the NOC"}} for f in ("externalURL", "version", "groupKey",
                                                                          "truncatedAlerts", "orgId", "state")]
        exc_str = "{}".format(errors).replace("\n", " ").replace("   ", " ")
        aroot.error("{}: {}".format("<starlette.requests.Request object at 0x7f3a6c21e4d0>", exc_str))

    # sms2mqtt -------------------------------------------------------------
    def sms2mqtt_start():
        printed(stream, "+ exec python /app/sms2mqtt.py")
        sroot.info("===== sms2mqtt v1.4.6 =====")

    def sms2mqtt_init():
        sroot.info("Gammu runtime: v1.42.0")
        sroot.info("Python-gammu runtime: v3.2.4")
        sroot.info("Manufacturer: Huawei")
        sroot.info("IMEI: 861234050012345")
        sroot.info("SIMIMSI: 262011234567890")
        sroot.info("Gammu initialized")
        sroot.info("Connected to MQTT host")

    REPLIES = ["ACK 4711", "ok, schaue ich mir an", "Bin dran – 10 min", "Merci, je regarde 👍", "ACK",
               "Rufe Carrier an (Ticket #88213)", "erledigt\nTrunk wieder up", "STOP"]
    TEXTS = ["Tür Serverraum 2 offen seit 10 min", "USV: Netzausfall, Batteriebetrieb",
             "Klima Rack B: 31,5 °C", "Wasser-Sensor UG ausgelöst!", "Test"]

    def incoming(k, multipart=False):
        who = ONCALL[k % len(ONCALL)]
        if multipart:
            for _ in range(2 + k % 3):
                sroot.info("Incomplete Multipart SMS (1/2): waiting for parts")
            text = ("Kurzer Stand: Trunk sbc-fra-1 ist seit 14:52 wieder registriert, Carrier hat einen defekten "
                    "Port getauscht. Ich beobachte die ASR noch eine Stunde und melde mich, falls die Fehlerrate "
                    "wieder über 5 % steigt. Gruß, Jonas")
        else:
            text = REPLIES[k % len(REPLIES)]
        sroot.info('{"datetime": "%s", "number": "%s", "text": "%s"}' % (
            now("%Y-%m-%d %H:%M:%S"), who, text.replace("\n", "\\n")))

    def outgoing(k, bad=None):
        num = ONCALL[(k + 1) % len(ONCALL)]
        text = TEXTS[k % len(TEXTS)]
        if bad == "quotes":
            raw = "{'number': '%s', 'text': '%s'}" % (num, text)
            payload = repr(raw.encode("utf-8"))
            sroot.info("MQTT received : %s" % payload)
            sroot.error("failed to decode JSON (%s), payload: %s" % (
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", payload))
            return
        raw = '{"number": "%s", "text": "%s"}' % (num, text)
        sroot.info("MQTT received : %s" % repr(raw.encode("utf-8")))
        if bad == "nonumber":
            sroot.error("no number to send to")
            return
        sroot.info("Sending SMS To %s containing %s" % (num, text))
        if bad == "send":
            sroot.error("error : %s" % {"Text": "Unknown error.", "Where": "SendSMS", "Code": 27})
            return
        sroot.info("SMS sent to %s" % num)

    def unsupported(k):
        sms = [{"SMSC": {"Location": 0, "Name": "", "Format": "Text", "Validity": "NA", "Number": "+491770610000",
                         "DefaultNumber": ""}, "UDH": {"Type": "UserUDH", "Text": b"\x06\x05\x04\x0b\x84#\xf0",
                                                       "ID8bit": -1, "ID16bit": -1, "PartNumber": -1,
                                                       "AllParts": -1},
                "Folder": 1, "InboxFolder": 1, "Memory": "SM", "Location": 3 + k, "Name": "", "Number": "+4922199887",
                "Text": "", "Type": "Deliver", "Coding": "8bit", "DateTime": datetime.datetime(2024, 5, 11, 14, 52),
                "SMSCDateTime": datetime.datetime(2024, 5, 11, 14, 52, 3), "DeliveryStatus": 0, "ReplyViaSameSMSC": 0,
                "State": "UnRead", "Class": -1, "MessageReference": 0, "ReplaceMessage": 0, "RejectDuplicates": 0,
                "Length": 140}]
        sroot.info("***************** Unsupported SMS type *****************")
        sroot.info("===============sms=================")
        sroot.info(sms)
        sroot.info("===============decodedsms=================")
        sroot.info(None)
        sroot.info("================================")

    # The first start after the box's reboot: the modem is not there yet.
    sms2mqtt_start()

    def init():
        def gammu_init():
            raised("gammu", "ERR_DEVICENOTEXIST", str({"Text": "Error opening device, it doesn't exist.",
                                                        "Where": "Init", "Code": 4}))
        gammu_init()
    uncaught(stream, init)
    sms2mqtt_start()
    sms2mqtt_init()

    printed(stream, "+ exec /opt/grafana_webhook_api/venv/bin/python /opt/grafana_webhook_api/server.py "
            "--config-file=/opt/grafana_webhook_api/grafana_webhook_api.conf")
    aroot.info("Running with HTTP authentication")
    gunicorn_start()

    for n in range(300):
        kind = n % 9
        if kind in (0, 4):
            grafana_post(n)
        elif kind == 2:
            grafana_post(n, status="resolved")
        elif kind == 6:
            grafana_post(n, number=ONCALL[n % 4])
        if n % 3 == 1:
            incoming(n, multipart=(n % 27 == 10))
        if n % 4 == 3:
            outgoing(n, bad="send" if n == 51 else "quotes" if n == 31 else "nonumber" if n == 87 else None)
        if n in (17, 18):
            validation_error()
        if n == 40:
            # gammu-smsd's package is being upgraded under the service.
            grafana_post(n, missing_cmd=True, number=ONCALL[3])
        if n == 58:
            grafana_post(n, inject_fail=True, number=ONCALL[2])
        if n == 64:
            unsupported(n)
        if n == 72:
            # gammu-smsd-inject hangs on a stale lock: the blocked worker is killed.
            aroot.info("Received alert {} for number {}".format(
                "[FIRING:1] SIPTrunkDown Voice (sbc-fra-1 kamailio critical)", ONCALL[0]))
            groot.critical("WORKER TIMEOUT (pid:%s)", 7)
            groot.error("Worker (pid:%s) exited with code %s", 7, 1)
            worker_boot(41)
        if n == 95:
            # sms2mqtt loses the broker (a Mosquitto upgrade) and exits; Docker restarts it.
            sroot.info("Disconnected from MQTT host")
            sroot.info("Exit")
            sms2mqtt_start()
            sms2mqtt_init()
        if n % 30 == 29:
            for k in range(2):
                grafana_post(n + k + 1)
            aroot.info("Global rate reached ({}/{}s). Not sending this SMS".format(5, 300))
    return {"name": "grafana-sms2mqtt", "programs": [error, api, sm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A contact centre's voice host on EC2 (the CloudWatch agent tails
# Voice-Logger's log file and the Bolna containers' json-file logs into one
# stream): the PInnacle agent desktops ask Voice-Logger (TCP 8091) to start,
# pause and stop the recording of each agent's call on the centre's
# FreeSWITCH; after hours, Bolna's server runs the callback agent on the
# centre's Twilio number (its Twilio server starts the calls, ngrok in
# front of both, as local_setup's compose file has it).

BOLNA_PKG = "/usr/local/lib/python3.10/site-packages/bolna/"
HTTPX = "/usr/local/lib/python3.10/site-packages/httpx/_client.py"
AGENT_ID = "6b0d2f3e-91a4-4c57-b2d8-3f7e1c9a5d40"
TWILIO_HOST = "https://3f2a-52-18-33-101.ngrok-free.app"
BOLNA_HOST = "wss://9c1d-52-18-33-101.ngrok-free.app"
CALLEES = ["+4930901820", "+4917612345678", "+4940822233", "+4915112349876", "+4989215566", "+441632960555"]
TURNS = [("hello yes", "Hi, this is Mia from the Kestrel Clinic callback line. Am I speaking with the patient who "
          "called about rescheduling?"),
         ("yes that's me i need to move my appointment on thursday",
          "Of course. I can see your appointment on Thursday at 9:30. Would Friday morning or Monday afternoon "
          "work better for you?"),
         ("friday morning please", "Friday at 10:15 is free. Shall I book that for you?"),
         ("yes perfect", "Done — you're booked for Friday at 10:15. You'll get a text confirmation shortly. "
          "Is there anything else?"),
         ("no that's all thanks", "Thank you, have a good evening. Goodbye!")]
SCRIPTS = [TURNS,
           [("hello", "Hi, this is Mia from the Kestrel Clinic callback line. You asked us to call you back about "
             "your test results — is now a good time?"),
            ("uh not really can you call tomorrow", "No problem. Would tomorrow between 9 and 11 suit you?"),
            ("yeah nine thirty", "Great, I've noted a callback for tomorrow at 9:30. Goodbye!")],
           [("hallo wer ist da", "Hi, this is Mia from the Kestrel Clinic. Would you prefer we continue in English?"),
            ("english is fine", "Thank you. You left a message about a prescription refill — is that right?"),
            ("yes the blood pressure one", "I've passed that to Dr. Okafor's team; the pharmacy will have it by "
             "Wednesday. Anything else?"),
            ("nope bye", "Goodbye, and take care!")]]


def stream_voicelogger_bolna():
    stream = []
    bo = Program("bolna", "bolna.root", logging.Formatter(BOLNA, BOLNA_DATEFMT), stream)
    bo.handler.addFilter(BolnaContext())
    vl = Program("voice-logger", "Rotating Log", logging.Formatter(VOICE_LOGGER), stream)
    blog = lg(bo, "bolna")
    httpx = lg(bo, "httpx")
    vlog = lg(vl, "Rotating Log")

    def b(level, path, line, func, msg, *args, exc=None):
        full = "/app/quickstart_server.py" if path == "quickstart" else BOLNA_PKG + path
        at(blog, level, full, line, func, msg, *args, exc=exc)

    def tm(line, func, msg, *args, level=logging.INFO):
        b(level, "agent_manager/task_manager.py", line, func, msg, *args)

    def dg(line, func, msg, *args, level=logging.INFO):
        b(level, "transcriber/deepgram_transcriber.py", line, func, msg, *args)

    def el(line, func, msg, *args, level=logging.INFO):
        b(level, "synthesizer/elevenlabs_synthesizer.py", line, func, msg, *args)

    def uv(line):
        printed(stream, "INFO:     " + line)

    def llm_http(status=200):
        at(httpx, logging.INFO, HTTPX, 1740, "_send_single_request", 'HTTP Request: %s %s "%s %d %s"', "POST",
           "https://api.openai.com/v1/chat/completions", "HTTP/1.1", status, "OK" if status == 200 else
           "Too Many Requests")

    agent_config = ('{"agent_name": "Kestrel callback", "agent_type": "other", "tasks": [{"tools_config": {"llm_agent": '
                    '{"agent_type": "simple_llm_agent", "agent_flow_type": "streaming", "llm_config": {"provider": '
                    '"openai", "model": "gpt-4o-mini", "max_tokens": 150, "temperature": 0.2}}, "synthesizer": '
                    '{"provider": "elevenlabs", "provider_config": {"voice": "Mia", "voice_id": "pFZP5JQG7iQjIQuC4Bku", '
                    '"model": "eleven_turbo_v2_5"}, "stream": true, "buffer_size": 100, "audio_format": "wav"}, '
                    '"transcriber": {"provider": "deepgram", "model": "nova-3", "language": "en", "stream": true, '
                    '"endpointing": 250}, "input": {"provider": "twilio", "format": "wav"}, "output": {"provider": '
                    '"twilio", "format": "wav"}}, "toolchain": {"execution": "parallel", "pipelines": [["transcriber", '
                    '"llm", "synthesizer"]]}, "task_type": "conversation", "task_config": {"hangup_after_silence": 10, '
                    '"call_terminate": 300, "voicemail": true}}], "agent_welcome_message": "Hi, this is Mia from the '
                    'Kestrel Clinic. Is now a good time?", "assistant_status": "seeding"}')
    task_repr = ("{'tools_config': {'llm_agent': {'agent_type': 'simple_llm_agent', 'agent_flow_type': 'streaming', "
                 "'llm_config': {'provider': 'openai', 'model': 'gpt-4o-mini', 'max_tokens': 150, 'temperature': 0.2}}, "
                 "'synthesizer': {'provider': 'elevenlabs', 'provider_config': {'voice': 'Mia', 'voice_id': "
                 "'pFZP5JQG7iQjIQuC4Bku', 'model': 'eleven_turbo_v2_5'}, 'stream': True, 'buffer_size': 100, "
                 "'audio_format': 'wav'}, 'transcriber': {'provider': 'deepgram', 'model': 'nova-3', 'language': 'en', "
                 "'stream': True, 'endpointing': 250}, 'input': {'provider': 'twilio', 'format': 'wav'}, 'output': "
                 "{'provider': 'twilio', 'format': 'wav'}}, 'toolchain': {'execution': 'parallel', 'pipelines': "
                 "[['transcriber', 'llm', 'synthesizer']]}, 'task_type': 'conversation', 'task_config': "
                 "{'hangup_after_silence': 10, 'call_terminate': 300, 'voicemail': True}}")

    def bolna_start():
        printed(stream, "+ exec uvicorn quickstart_server:app --host 0.0.0.0 --port 5001")
        uv("Started server process [1]")
        uv("Waiting for application startup.")
        uv("Application startup complete.")
        uv("Uvicorn running on http://0.0.0.0:5001 (Press CTRL+C to quit)")

    def twilio_start():
        printed(stream, "+ exec uvicorn twilio_api_server:app --host 0.0.0.0 --port 8001")
        uv("Started server process [1]")
        uv("Waiting for application startup.")
        uv("Application startup complete.")
        uv("Uvicorn running on http://0.0.0.0:8001 (Press CTRL+C to quit)")

    def call(n, voicemail=False, barge_in=False, rate_limited=False, stale_agent=False):
        agent_id = AGENT_ID if not stale_agent else "0d3c9a71-5e2b-4f08-8c6a-2b1e7f4d9a13"
        printed(stream, "telephony_host: " + TWILIO_HOST)
        printed(stream, "bolna_host: " + BOLNA_HOST)
        uv('172.18.0.5:%d - "POST /call HTTP/1.1" 200 OK' % (51200 + n * 13))
        printed(stream, "websocket connection done to %s/chat/v1/%s" % (BOLNA_HOST, agent_id))
        uv('172.18.0.3:%d - "POST /twilio_connect?bolna_host=%s&agent_id=%s HTTP/1.1" 200 OK' % (
            40100 + n * 7, BOLNA_HOST, agent_id))
        b(logging.INFO, "quickstart", 177, "websocket_endpoint", "Connected to ws")
        uv('172.18.0.3:%d - "WebSocket /chat/v1/%s" [accepted]' % (40200 + n * 7, agent_id))
        uv("connection open")
        if stale_agent:
            b(logging.INFO, "quickstart", 183, "websocket_endpoint", "Retrieved agent config: None")

            def websocket_endpoint():
                raise TypeError("the JSON object must be str, bytes or bytearray, not NoneType")
            uncaught(stream, websocket_endpoint)
            printed(stream, "ERROR:    Exception in ASGI application")

            def run_asgi():
                def app():
                    def endpoint():
                        raised("fastapi.exceptions", "HTTPException", "404: Agent not found")
                    endpoint()
                app()
            uncaught(stream, run_asgi, after_traceback=True)
            uv("connection closed")
            return
        b(logging.INFO, "quickstart", 183, "websocket_endpoint", "Retrieved agent config: %s" % agent_config)
        b(logging.INFO, "agent_manager/assistant_manager.py", 59, "run", "Running task 0")
        tm(342, "__init__", "doing task %s" % task_repr)
        tm(1276, "__setup_output_handlers", "Making sure that the sampling rate for output handler is 8000")
        tm(1315, "__setup_output_handlers", "output handler set")
        b(logging.INFO, "llms/openai_llm.py", 149, "__init__", "API Tools None")
        b(logging.INFO, "llms/openai_llm.py", 159, "__init__",
          "Initializing OpenAI LLM with model: gpt-4o-mini and maxc tokens 150")
        tm(1941, "__setup_tasks", "prompt and config setup completed")
        b(logging.INFO, "helpers/utils.py", 354, "get_prompt_responses",
          "Loading up the conversation details from the local file")
        tm(1991, "load_prompt", "Initialised prompt dict {'system_prompt': 'You are Mia, the Kestrel Clinic\\'s "
           "after-hours callback assistant...'}, Set default prompt You are Mia, the Kestrel Clinic's after-hours "
           "callback assistant. Be brief and warm.\n\n### Rules\n- Confirm the caller's identity first.\n- Never give "
           "medical advice.")
        tm(8130, "run", "started running")
        dg(1252, "transcribe", "Using Nova receiver for model: nova-3")
        el(388, "establish_connection", "Connected to wss://api.elevenlabs.io/v1/text-to-speech/pFZP5JQG7iQjIQuC4Bku/"
           "stream-input?model_id=eleven_turbo_v2_5&output_format=ulaw_8000&inactivity_timeout=60")
        tm(7405, "__first_message", "Executing the first message task")
        tm(7428, "__first_message", "Waiting for stream_sid before sending the first message")
        stream_sid = "MZ%032x" % (0x5d1c3e9a7b2f4c6d8e0a1b3c5d7e9f01 + n * 7919)
        tm(7440, "__first_message", "Got stream sid and hence sending the first message %s" % stream_sid)
        tm(5240, "__enqueue_chunk", "Sending first chunk")
        trace = "%08x" % (0x1a2b3c4d + n * 104729)
        if voicemail:
            dg(670, "receiver", "Received SpeechStarted event from deepgram")
            dg(762, "receiver", "Received speech final hence yielding the following transcript - %s" %
               "hi you've reached the voicemail of ")
            b(logging.INFO, "agent_manager/voicemail_handler.py", 87, "trigger_check",
              "Triggering background voicemail check at 2.84s into detection window (is_final=True): "
              "hi you've reached the voicemail of ")
            b(logging.INFO, "agent_manager/voicemail_handler.py", 169, "_background_check",
              "Voicemail detected in background task! Message: hi you've reached the voicemail of ")
            b(logging.INFO, "agent_manager/voicemail_handler.py", 184, "_handle_detected",
              "Handling voicemail detection - ending call")
        else:
            for t, (heard, said) in enumerate(SCRIPTS[n % len(SCRIPTS)]):
                turn = "%s-%d" % (trace, t + 1)
                dg(670, "receiver", "Received SpeechStarted event from deepgram")
                dg(677, "receiver", "Starting new turn with turn_id: %s" % turn)
                words = heard.split()
                rid = "%08x-%04x-4%03x-9%03x-%012x" % (0x7e1d2c3b + n * 31 + t, t * 4099 % 65536, n % 4096,
                                                        t * 17 % 4096, 0x3f2a1b0c9d8e + n * 1000 + t)
                for w in range(1, len(words), 2):
                    dg(735, "receiver", "Interim result - request_id: %s, is_final: False, transcript: %s" % (
                        rid, " ".join(words[:w])))
                dg(749, "receiver", "Received interim result with is_final set as True - %s" % heard)
                dg(762, "receiver", "Received speech final hence yielding the following transcript - %s" % heard)
                dg(765, "receiver", "BOLNA_TRACE_DG emit_speech_final dg_turn=%s request_id=%s text_len=%s text=%r",
                   turn, rid, len(heard), heard)
                tm(5031, "_listen_transcriber", "Received transcript, sending for further processing")
                tm(4649, "_handle_transcriber_output",
                   "BOLNA_TRACE_TM append_user seq=%s turn=%s response_uid=%s history_len=%s text=%r",
                   t + 1, turn, None, 2 * t + 2, heard)
                tm(4509, "kickoff_llm_generation", "Running llm Tasks")
                if rate_limited and t == 2:
                    llm_http(429)
                    b(logging.ERROR, "llms/openai_llm.py", 284, "_generate_stream_chat",
                      "OpenAI rate limit exceeded: Error code: 429 - {'error': {'message': 'Rate limit reached for "
                      "gpt-4o-mini in organization org-Kx7 on tokens per min (TPM): Limit 200000, Used 199312, "
                      "Requested 1180. Please try again in 147ms.', 'type': 'tokens', 'param': None, 'code': "
                      "'rate_limit_exceeded'}}")
                    llm_http(200)
                else:
                    llm_http(200)
                tm(3852, "__do_llm_generation", "Got a response from LLM %s" % said)
                tm(4062, "_process_conversation_task", "##### Answer from the LLM %s" % said)
                el(205, "sender", "WS send trace_id=%s first_text_sent" % trace)
                el(277, "receiver", "WS recv FIRST trace_id=%s recv_wait=%.0fms time_since_send=%.0fms" % (
                    trace, 180 + (n * 37 + t * 53) % 240, 210 + (n * 41 + t * 29) % 260))
                tm(6681, "__listen_synthesizer", "Processing message with sequence_id: %d" % (t + 1))
                tm(5240, "__enqueue_chunk", "Sending first chunk")
                el(304, "receiver", "WS recv isFinal trace_id=%s" % trace)
                tm(6715, "__listen_synthesizer", "Writing response to log %s" % said)
                if barge_in and t == 1:
                    dg(670, "receiver", "Received SpeechStarted event from deepgram")
                    tm(4843, "_listen_transcriber", "User has started speaking")
                    tm(4895, "_listen_transcriber", "Condition for interruption hit")
                    b(logging.INFO, "output_handlers/telephony_providers/twilio.py", 24, "handle_interruption",
                      "interrupting because user spoke in between")
                    tm(2502, "__cleanup_downstream_tasks", "Cleaning up downstream task")
                    tm(2571, "__cleanup_downstream_tasks", "Cleaning up downstream tasks. Time taken to send a "
                       "clear message %s" % (0.000731 + n / 100000))
                    tm(2461, "sync_history", "sync_history: materializing assistant turn from heard audio | "
                       "turn_id=%s response_uid=%s text=%r" % (turn, "r-%s" % turn, said[:44]))
        tm(2947, "__process_end_of_conversation", "Got end of conversation. I'm stopping now")
        b(logging.INFO, "input_handlers/telephony.py", 167, "_listen", "call stopping")
        tm(3010, "__process_end_of_conversation", "Stopped input handler")
        tm(3012, "__process_end_of_conversation", "Stopping transcriber")
        dg(1262, "transcribe", "closing the deepgram connection, waiting for Metadata")
        dg(893, "receiver", "Received Deepgram Metadata with duration: %.3fs" % (8.4 + n * 3.7 % 60))
        tm(8252, "run", "Conversation completed")
        heard = [] if voicemail else SCRIPTS[n % len(SCRIPTS)]
        messages = [{"role": "assistant", "content": "Hi, this is Mia from the Kestrel Clinic. Is now a good time?"}]
        for u, a in heard:
            messages += [{"role": "user", "content": u}, {"role": "assistant", "content": a}]
        # quickstart_server's `logger.info(task_output)`: the dict itself.
        b(logging.INFO, "quickstart", 193, "websocket_endpoint", {
            "task_type": "conversation", "messages": messages, "conversation_time": round(8.4 + n * 3.7 % 60, 3),
            "label_flow": [], "call_sid": "CA%032x" % (0x9f1e2d3c4b5a69788796a5b4c3d2e1f0 + n), "stream_sid": stream_sid,
            "transcriber_duration": round(7.9 + n * 3.7 % 60, 2), "synthesizer_characters": sum(len(a) for _, a in heard),
            "ended_by_assistant": not voicemail, "run_id": "%s#%d" % (AGENT_ID, 1715440000 + n * 311)})
        b(logging.INFO, "agent_manager/assistant_manager.py", 90, "run", "Done with execution of the agent")
        uv("connection closed")

    # Voice-Logger ---------------------------------------------------------
    agents = {}
    chans = {}

    def ident(agent):
        # threading.current_thread().ident of the connection's handler thread.
        return 140241633822272 + 1052672 * (int(agent) % 37)

    def vstart():
        vlog.info("Starting up logger")
        vlog.info("Checking to see if port {} is already in use...".format(8091))
        vlog.info("Port {} is available!".format(8091))
        vlog.info("Starting listener service on port {}".format(8091))

    def connect(agent, ip):
        agents[agent] = (ip, 52000 + int(agent) % 1000)
        vlog.info("{}: Client connected from address {}:{}".format(ident(agent), ip, agents[agent][1]))

    def received(agent, data):
        vlog.debug("{}: Received data: {}".format(ident(agent), data))

    def respond(agent, text):
        vlog.debug("{}: Responding with: {}".format(ident(agent), text))

    def uuid_of(n):
        return "%08x-%04x-%04x-%04x-%012x" % (0x2c9e41f0 + n * 977, 0x1a2b + n, 0x4c3d, 0x8e7f, 0x5b6a79880000 + n)

    def check_channels(agent, own):
        for u in sorted(chans.values())[:6]:
            vlog.debug("{}: Checking UUID {} for agent ID {}...".format(ident(agent), u, agent))
            if u == own:
                return True
        return False

    def start(agent, n, csn, park=False):
        dnis = "" if park else ",fldDNIS=%d" % (8005551000 + n % 40)
        cmd = "START(%s,fldClientID=%d%s,fldANI=%d,fldCallType=%d,fldCSN=%d,fldAgentLoginID=%s)\r\n" % (
            agent, 4400 + n % 17, dnis, 6125550100 + n * 7 % 900, 1 + n % 3, csn, "ag%s" % agent)
        received(agent, cmd)
        if park:
            vlog.debug("{}: Park resume request received, filling in missing DNIS...".format(ident(agent)))
        if not chans:
            vlog.debug("{}: No calls found...".format(ident(agent)))
        else:
            check_channels(agent, None)
        folder = "/usr/share/freeswitch/sounds/logger/%s" % now("%Y-%m-%d")
        vlog.debug("{}: Checking if folder {} exists...".format(ident(agent), folder))
        if n == 0:
            vlog.debug("{}: Folder {} does not exist, creating...".format(ident(agent), folder))
            vlog.debug("{}: Folder {} created!".format(ident(agent), folder))
        name = "%s_%06d-%d.wav" % (now("%Y-%m-%d_%H%M%S"), (n * 7919) % 1000000, csn)
        vlog.debug("{}: Filename to record: {}".format(ident(agent), folder + "/" + name))
        gw = 1 + n % 24
        if n % 5 == 3:
            vlog.debug("{}: Gateway {} is currently at {} which is over MAXCALLS threshold of {}, skipping this "
                       "gateway".format(ident(agent), "equeue-%d" % gw, 1, 1))
            gw = gw % 24 + 1
        vlog.debug("{}: Gateway {} is currently at {} which is under MAXCALLS threshold of {}, using this "
                   "gateway".format(ident(agent), "equeue-%d" % gw, 0, 1))
        orig = ("{gw_name=equeue-%d,max_calls=1,agent_id=%s,agent_login_id=ag%s,call_dnis=%s,call_ani=%d,"
                "call_type=%d,call_csn=%d,call_acct=%d,recording_file=%s,recording_paused=0,pausearr=ARRAY::START>>0}"
                "sofia/gateway/equeue-%d/#*%s &lua(/etc/freeswitch/scripts/logger.lua)" % (
                    gw, agent, agent, 7800 if park else 8005551000 + n % 40, 6125550100 + n * 7 % 900, 1 + n % 3,
                    csn, 4400 + n % 17, folder + "/" + name, gw, agent))
        vlog.debug("{}: Sending command to freeswitch: originate {}".format(ident(agent), orig))
        chans[agent] = uuid_of(n)
        respond(agent, "OK({})\r\n".format(name))

    def pause(agent, action):
        received(agent, "%s(%s)\r\n" % ("PAUSE" if action == "mask" else "RESUME", agent))
        check_channels(agent, chans.get(agent))
        u = chans.get(agent)
        if u is None:
            vlog.debug("{}: No active recordings found for agent ID: {}".format(ident(agent), agent))
            respond(agent, "ERROR(NOT RECORDING)\r\n")
            return
        vlog.warning("{}: Call for agent ID {} found, {} recording for {}...".format(ident(agent), agent, action, u))
        vlog.debug("{}: FreeSWITCH output: {}".format(ident(agent), "+OK Success"))
        vlog.debug("{}: Current epoch time: {}".format(ident(agent), round(realworld.CLOCK.t + 0.0004217, 7)))
        vlog.debug("{}: Call start epoch time: {}".format(ident(agent), int(realworld.CLOCK.t) - 94))
        respond(agent, "OK\r\n")

    def stop(agent):
        received(agent, "STOP(%s)\r\n" % agent)
        u = chans.get(agent)
        check_channels(agent, u)
        if u is None:
            vlog.debug("{}: No active recordings found for agent ID: {}".format(ident(agent), agent))
            respond(agent, "ERROR(NOT RECORDING)\r\n")
            return
        vlog.warning("{}: Call for agent ID {} found, killing UUID {}...".format(ident(agent), agent, u))
        del chans[agent]
        respond(agent, "OK\r\n")

    def hello(agent):
        received(agent, "HELLO ()\r\n")
        respond(agent, "OK {} Calls: {}\r\n".format(now("%m/%d/%Y %I:%M:%S %p"), (int(agent) * 7919) % 999999))

    def disconnect(agent):
        # recv() returns b"": the loop logs it as a command before it ends.
        received(agent, "")
        vlog.warning("{}: Invalid command received: {}".format(ident(agent), ""))
        respond(agent, "ERROR(NOT VALID COMMAND)\r\n")
        ip, port = agents.pop(agent)
        vlog.info("{}: Client {}:{} disconnected".format(ident(agent), ip, port))

    def timeout(agent):
        ip, port = agents.pop(agent)
        vlog.info("{}: Connection {} for client {}:{}".format(ident(agent), "timed out", ip, port))

    DESKS = ["1012", "1015", "1021", "1024", "1030", "1033", "1041", "1047"]
    vstart()
    for k, agent in enumerate(DESKS):
        connect(agent, "10.40.12.%d" % (31 + k))
        hello(agent)
    twilio_start()
    bolna_start()
    csn = 2231400
    for n in range(28):
        agent = DESKS[n % len(DESKS)]
        if agent not in agents:
            connect(agent, "10.40.12.%d" % (31 + DESKS.index(agent)))
        csn += 1 + n % 3
        start(agent, n, csn, park=(n % 13 == 6))
        if n % 4 == 1:
            # A card payment: PCI pause while the caller reads the number.
            pause(agent, "mask")
            pause(agent, "unmask")
        if n % 6 == 2:
            hello(DESKS[(n + 3) % len(DESKS)]) if DESKS[(n + 3) % len(DESKS)] in agents else None
        if n % 3 == 2:
            other = DESKS[(n + 5) % len(DESKS)]
            if other in agents:
                stop(other)
        stop(agent)
        if n == 9:
            # The supervisor's STOP for a desk that has no call.
            stop("1099") if "1099" in agents else None
            connect("1099", "10.40.12.90")
            stop("1099")
            disconnect("1099")
        if n == 14:
            received(agent, "RESUME\r\n")
            vlog.warning("{}: Invalid command received: {}".format(ident(agent), "RESUME"))
            respond(agent, "ERROR(NOT VALID COMMAND)\r\n")
        if n == 19:
            # FreeSWITCH is restarted under a STOP: ESL's socket resets.
            received(agent, "STOP(%s)\r\n" % agent)

            def handle():
                def RequestHandler():
                    def StopRecording():
                        raise ConnectionResetError(104, "Connection reset by peer")
                    StopRecording()
                RequestHandler()
            try:
                handle()
            except Exception:
                vlog.exception("{}: Error:".format("<Thread(Thread-%d (process_request_thread), started daemon %d)>"
                                                   % (23 + n, ident(agent))))
            ip, port = agents.pop(agent)
        if n == 27:
            timeout(DESKS[(n + 1) % len(DESKS)]) if DESKS[(n + 1) % len(DESKS)] in agents else None
        if n % 8 == 7:
            disconnect(DESKS[(n + 2) % len(DESKS)]) if DESKS[(n + 2) % len(DESKS)] in agents else None
        # The evening's callbacks, one every few recordings.
        if n % 4 == 3:
            m = n // 4
            call(m, voicemail=(m % 4 == 2), barge_in=(m == 3), rate_limited=(m == 4), stale_agent=(m == 5))
        if n == 25:
            # The team uploads the agent's next version, then Redis restarts.
            b(logging.INFO, "quickstart", 56, "create_agent", "Data for DB %s" % (
                "{'agent_name': 'Kestrel callback v2', 'agent_type': 'other', 'tasks': [%s], "
                "'agent_welcome_message': 'Hi, this is Mia from the Kestrel Clinic. Is now a good time?', "
                "'assistant_status': 'seeding'}" % task_repr))
            uv('10.40.12.200:%d - "POST /agent HTTP/1.1" 200 OK' % 50912)

            def get_agent():
                def redis_get():
                    raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. "
                           "Connection refused.")
                redis_get()
            try:
                get_agent()
            except Exception as e:
                b(logging.ERROR, "quickstart", 46, "get_agent", "Error fetching agent %s: %s" % (AGENT_ID, e),
                  exc=True)
            uv('10.40.12.200:%d - "GET /agent/%s HTTP/1.1" 500 Internal Server Error' % (50914, AGENT_ID))
    for agent in list(agents):
        disconnect(agent)
    return {"name": "voicelogger-bolna", "programs": [bo, vl], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_vosk_sipstack(), stream_grafana_sms2mqtt(), stream_voicelogger_bolna()])


if __name__ == "__main__":
    main()
