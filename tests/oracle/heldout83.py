"""The 83-rd held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout82.py`): six more programs'
own logging set-ups in three streams, chosen from messaging-broker clients
and bridges, home-automation add-ons, search indexers and backup tools as
platform and SRE teams run them in AWS (a co-working operator's building
hub on ECS Anywhere, where Rhasspy 2.5 is the meeting rooms' voice
assistant over the building's MQTT broker and rtl_433's Home Assistant
auto-discovery bridge, as its add-on runs it, announces the building's
433 MHz sensors; an error-tracking team's event pipeline on EC2, where
Zalando's bubuku supervises the host's Kafka broker and two of Sentry's
Snuba consumers, the errors replacer and the subscriptions
scheduler-executor, read from it; a food-data co-op's search host on EC2,
where Open Food Facts' search-a-licious keeps the product index current
from a Redis stream and re-indexes the nightly export, and TrueNAS's
zettarepl snapshots the host's ZFS datasets and pushes them to the backup
host), each format copied from the file named beside it (the version read
is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout83

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aeb1dd6 (session 31's rules in, none written
from this set), with nothing configured: 64.4% exact, 64.5% key
fields (asctime 99.6%, levelname 99.6%, name 64.8%, message 99.3%).

Formatters and filters: all six use logging.Formatter itself and no
formatTime of their own; zettarepl alone puts filters on its handler.
Rhasspy's Hermes services (speech to text, intent recognition, Home
Assistant intent handling, text to speech, the dialogue manager) and its
web server each call basicConfig with "[LEVEL:time] name: message" at
DEBUG (rhasspy-supervisor gives every service --debug; the web server's
--log-level defaults to DEBUG), the level inside the bracket before the
time; their stderr reaches the container's stdout through supervisord.
Nearly every record is DEBUG: each Hermes message a service receives or
publishes is logged as its dataclass repr after "<- " or "-> " (enums as
"<HotwordToggleReason.PLAY_AUDIO: 'playAudio'>", nested Intent, Slot,
SlotRange and AsrToken reprs, dicts, None), followed by "Publishing N
bytes(s) to <topic>"; a TTS command is logged as a bare list, a Namespace
as the message, an empty transcription as "Received text: " (a trailing
space). rhasspy-supervisor, run once at start with --debug, uses
basicConfig's BASIC_FORMAT ("DEBUG:rhasspysupervisor:..."). The rtl_433
bridge's basicConfig prints "[time] LEVEL:name:message" with
"%Y-%m-%dT%H:%M:%S%z" (no milliseconds, "+0000"); it logs through the root
logger ("root"), and with the add-on's LOG_LEVEL=debug (the first run
here, before the team turns it off) paho's client logger
("paho.mqtt.client", enable_logger) reaches the same handler, and its
debug records carry the rtl_433 JSON re-quoted by json.dumps and the
discovery configs' JSON ("\\u00b0C"). bubuku's basicConfig prints
"time.mmm LEVEL:name:message" with "%Y-%m-%d %H:%M:%S" and a literal "."
before %(msecs)03d; kazoo's and botocore's records reach it, and the
Amazon instance document is a json.dumps(indent=2) multi-line message.
Snuba's basicConfig prints "time message" only: no level, no name; the
errors replacer logs each replacement message's type and data as a JSON
object in the message, arroyo logs its Partition reprs and object reprs,
and a ClickHouse outage's exception; the replacer's "Replacer ignored a
message" and "Skipping duplicate group replacement" records pass extra=
fields (partition and offset, project_id) that python-json-logger writes
and no text shows. search-a-licious's root handler prints "time :: LEVEL
:: message", no name; elastic_transport's records (a line per
Elasticsearch request, retries with tracebacks) reach it.
zettarepl's basicConfig prints "[time] LEVEL (padded to eight) [thread]
[name] message", the threads being MainThread, replication_task__offsite
and retention, and paramiko's records arrive under
"zettarepl.paramiko.replication_task__offsite"; its LongStringsFilter
(reproduced as written) rewrites every record's args, so a Snapshot
namedtuple prints as a plain tuple ("Created ('tank/search/esdata',
'auto-2024-05-11_14-45')"), and its ReplicationTaskLoggingLevelFilter
(reproduced) keeps INFO and up.

Print lines: Rhasspy's rhasspy-voltron echoes ("Starting up...",
"Starting services...") and supervisord's own lines (its logger is not
Python's logging), the bridge's run.sh echoes; bubuku's entrypoint line,
the Kafka broker's own log4j lines (the image's log4j.properties:
"yyyy-MM-dd HH:mm:ss.SSS LEVEL message (category)", WARN and up) which the
broker it starts writes to the same stdout, librdkafka's "%3|epoch|FAC|
name| [thrd:...]: ..." lines on the consumers' stderr, Snuba's structlog
events (JSON on stdout through structlog's PrintLogger, no logging
handler) and the replacer's bare traceback when ClickHouse goes away
(after arroyo's "Caught exception, shutting down..." record; the
container restarts it); the updater's and zettarepl's entrypoint lines,
the nightly import's "docker compose run" lines and tqdm's taxonomy
download bars (its "\\r" updates on one line).

The messages are modelled on the programs' source, read at the commits
cited: Rhasspy's bin/rhasspy-voltron (aaea86fc, VERSION 2.5.11),
rhasspy-hermes' rhasspyhermes/cli.py, client.py and the message modules
(wake.py, asr.py, nlu.py, intent.py, dialogue.py, tts.py,
audioserver.py), rhasspy-server-hermes' __main__.py,
rhasspy-supervisor's __main__.py and __init__.py, and the services'
packages: rhasspy-dialogue-hermes (0d697cb1), rhasspy-asr-kaldi-hermes
(be7190f5), rhasspy-nlu-hermes (09333aa9), rhasspy-homeassistant-hermes
(f6990128), rhasspy-tts-cli-hermes (3adf80a5), rhasspy-asr (d5c5d949,
Transcription); rtl_433's examples/rtl_433_mqtt_hass.py (its mappings,
SKIP_KEYS, publish_config and bridge_event_to_hass) and the add-on's
run.sh; bubuku's daemon.py, controller.py, config.py, env_provider.py,
broker.py, process.py, zookeeper/__init__.py, features/
(restart_if_dead.py, restart_on_zk_change.py, rebalance/check.py and
change.py, remote_exec.py, data_size_stats.py, terminate.py), Dockerfile
and docker/log4j.properties; Snuba's settings/__init__.py,
environment.py, cli/replacer.py, cli/subscriptions_scheduler_executor.py,
replacer.py, replacers/errors_replacer.py and migrations/connect.py, and
arroyo's processing/processor.py (getsentry/arroyo 1fa57c44);
search-a-licious's app/_import.py, app/openfoodfacts.py, app/cli/main.py,
app/utils/ and data/config/openfoodfacts.yml, and elastic-transport's
_transport.py request and retry records (read in the code index, version
not pinned); zettarepl's main.py, utils/logging.py, zettarepl.py,
snapshot/ (create.py, destroy.py, snapshot.py, task/task.py),
replication/run.py and transport/ (the shells' and transports' reprs).
Modelled rather than read: the values (sites, utterances, slot ranges,
payload sizes, sensor readings, ids and topics, broker ids, addresses,
offsets, group and project ids, barcodes, dataset and snapshot names,
durations), the order and number of records, the services' Namespace
reprs, supervisord's, paho's, kazoo's, botocore's, librdkafka's, Kafka's,
paramiko's, tqdm's and elastic_transport's node pool texts, Sentry's
replacement payloads, the third-party exception texts (aiohttp,
clickhouse_driver, elastic_transport), the install paths and the
entrypoint lines.

Left out: Home Assistant Google Drive Backup (sabeechen/
hassio-google-drive-backup 3d3f9405 hassio-google-drive-backup/backup/
logger.py: colorlog's ColoredFormatter with "%(log_color)s", no record
attribute), the Matter server add-on (home-assistant-libs/
python-matter-server 606cfee7 matter_server/common/helpers/logger.py: its
MatterFormatter is coloredlogs' ColoredFormatter, which colours every
line whatever the stream), the OpenCTI worker and connectors
(OpenCTI-Platform/client-python f49241eb pycti/utils/opencti_logger.py:
python-json-logger's JSON by default), Aleph's ingest-file (alephdata/
servicelayer d2ef38c0 servicelayer/logs.py: structlog's ProcessorFormatter
renders every line), Marqo (marqo-ai/marqo 58efc243 src/marqo/
tensor_search/tensor_search_logging.py: builds a "{"-style formatter and
never attaches it, so basicConfig's BASIC_FORMAT prints, beside uvicorn's
own lines, left out on purpose), meilisync (long2ice/meilisync 052c4de9:
loguru), mqtt2sql (curzon01/mqtt2sql b7e143df mqtt2sql.py: its log()
print()s "time: message" itself), nameko (nameko/nameko 3355677f
nameko/cli/run.py: "%(message)s" unless LOGGING is configured),
tarsnapper (miracle2k/tarsnapper e6cc0331 tarsnapper/script.py:
"%(message)s"), fatcat's workers (internetarchive/fatcat 8f3f4c6d:
print()s), wyoming-openwakeword (rhasspy/wyoming-openwakeword 419701f6
wyoming_openwakeword/__main__.py: BASIC_FORMAT, kept for a later set),
search-a-licious's API (uvicorn's own lines), and the programs of these
areas in earlier sets or their Left out paragraphs: borgmatic, Barman,
WAL-E, pghoard, Medusa, Backy2, Benji, zfs_autobackup, pyznap, duplicity,
rdiff-backup, s3cmd, restic, diskover, mongo-connector, pgsync,
ElastAlert, Curator, docsearch-scraper, Karapace, Faust, kombu, pika,
rtlamr2mqtt, SunGather, bt-mqtt-gateway, mqtt-io, ecowitt2mqtt,
AppDaemon, mqttwarn, amqtt, ThingsBoard's gateway, Theengs, ble2mqtt and
Music Assistant.
"""

import dataclasses
import enum
import hashlib
import json
import logging
import os
import re
import sys
import typing

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout16 import in_thread  # noqa: E402

# Rhasspy 2.5.11 (rhasspy/rhasspy aaea86fc): every Hermes service's
# rhasspyhermes.cli.setup_logging (rhasspy/rhasspy-hermes 403ea1cb,
# rhasspyhermes/cli.py, the --log-format default) and the web server's
# (rhasspy/rhasspy-server-hermes ba9ce182, rhasspyserver_hermes/__main__.py):
# logging.basicConfig, the root's StreamHandler (stderr, which supervisord's
# redirect_stderr sends to the container's stdout), DEBUG.
RHASSPY = "[%(levelname)s:%(asctime)s] %(name)s: %(message)s"
# rhasspy-supervisor (rhasspy/rhasspy-supervisor 47d5a0aa,
# rhasspysupervisor/__main__.py): logging.basicConfig(level=DEBUG), no format.
BASIC = logging.BASIC_FORMAT
# rtl_433's Home Assistant discovery bridge (merbanan/rtl_433 91b2ebdb,
# examples/rtl_433_mqtt_hass.py), run by the "rtl_433 MQTT Auto Discovery"
# add-on (pbkhrv/rtl_433-hass-addons 09ef06bf rtl_433_mqtt_autodiscovery/
# run.sh): basicConfig's root handler (stderr).
RTL433 = "[%(asctime)s] %(levelname)s:%(name)s:%(message)s"
RTL433_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# bubuku (zalando-nakadi/bubuku 7be53c4a), bubuku/daemon.py main()'s
# basicConfig (root, stderr, INFO).
BUBUKU = "%(asctime)s.%(msecs)03d %(levelname)s:%(name)s:%(message)s"
BUBUKU_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Snuba (getsentry/snuba 61009262), snuba/settings/__init__.py LOG_FORMAT
# through snuba/environment.py setup_logging's basicConfig(force=True)
# (root, stderr, LOG_LEVEL INFO).
SNUBA = "%(asctime)s %(message)s"
# search-a-licious (openfoodfacts/search-a-licious 67dfec6f),
# app/utils/log.py configure_root_logger's default formatter_string, on the
# root's StreamHandler (stderr) from get_logger() with no name.
SAL = "%(asctime)s :: %(levelname)s :: %(message)s"
# zettarepl (truenas/zettarepl b7691b7d), zettarepl/main.py logging_format
# through basicConfig (root, stderr, DEBUG; coloredlogs only on a terminal),
# with zettarepl/utils/logging.py's LongStringsFilter and
# ReplicationTaskLoggingLevelFilter on the handler.
ZETTAREPL = "[%(asctime)s] %(levelname)-8s [%(threadName)s] [%(name)s] %(message)s"


def uid(n, salt=0):
    """A uuid4-shaped id, the same on every run."""
    h = hashlib.md5(b"%d/%d" % (n, salt)).hexdigest()
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def addr(n):
    """A CPython object address."""
    return "0x7f%010x" % (0x3c2b1e4000 + n * 0x1a40)


# --------------------------------------------------------------------------
# Rhasspy's Hermes messages, as rhasspyhermes defines them (the dataclasses'
# fields in the order of rhasspyhermes/wake.py, asr.py, nlu.py, intent.py,
# dialogue.py, tts.py and audioserver.py; rhasspyasr's Transcription): the
# services log them with "<- %s" and "-> %s", their dataclass repr.

class HotwordToggleReason(str, enum.Enum):
    UNKNOWN = ""
    DIALOGUE_SESSION = "dialogueSession"
    PLAY_AUDIO = "playAudio"
    TTS_SAY = "ttsSay"


class AsrToggleReason(str, enum.Enum):
    UNKNOWN = ""
    DIALOGUE_SESSION = "dialogueSession"
    PLAY_AUDIO = "playAudio"
    TTS_SAY = "ttsSay"


class DialogueSessionTerminationReason(str, enum.Enum):
    NOMINAL = "nominal"
    ABORTED_BY_USER = "abortedByUser"
    INTENT_NOT_RECOGNIZED = "intentNotRecognized"
    TIMEOUT = "timeout"
    ERROR = "error"


@dataclasses.dataclass
class HotwordDetected:
    model_id: str
    model_version: str = ""
    model_type: str = "personal"
    current_sensitivity: float = 1.0
    site_id: str = "default"
    session_id: typing.Optional[str] = None
    send_audio_captured: typing.Optional[bool] = None
    lang: typing.Optional[str] = None
    custom_entities: typing.Optional[dict] = None


@dataclasses.dataclass
class HotwordToggleOn:
    site_id: str = "default"
    reason: HotwordToggleReason = HotwordToggleReason.UNKNOWN


@dataclasses.dataclass
class HotwordToggleOff:
    site_id: str = "default"
    reason: HotwordToggleReason = HotwordToggleReason.UNKNOWN


@dataclasses.dataclass
class AsrToggleOn:
    site_id: str = "default"
    reason: AsrToggleReason = AsrToggleReason.UNKNOWN


@dataclasses.dataclass
class AsrToggleOff:
    site_id: str = "default"
    reason: AsrToggleReason = AsrToggleReason.UNKNOWN


@dataclasses.dataclass
class AsrStartListening:
    site_id: str = "default"
    session_id: typing.Optional[str] = None
    lang: typing.Optional[str] = None
    stop_on_silence: bool = True
    send_audio_captured: bool = False
    wakeword_id: typing.Optional[str] = None
    intent_filter: typing.Optional[list] = None


@dataclasses.dataclass
class AsrStopListening:
    site_id: str = "default"
    session_id: typing.Optional[str] = None


@dataclasses.dataclass
class AsrTextCaptured:
    text: str
    likelihood: float
    seconds: float
    site_id: str = "default"
    session_id: typing.Optional[str] = None
    wakeword_id: typing.Optional[str] = None
    asr_tokens: typing.Optional[list] = None
    lang: typing.Optional[str] = None


@dataclasses.dataclass
class NluQuery:
    input: str
    site_id: str = "default"
    id: typing.Optional[str] = None
    intent_filter: typing.Optional[list] = None
    session_id: typing.Optional[str] = None
    wakeword_id: typing.Optional[str] = None
    lang: typing.Optional[str] = None
    custom_data: typing.Optional[str] = None
    asr_confidence: typing.Optional[float] = None
    custom_entities: typing.Optional[dict] = None


@dataclasses.dataclass
class Intent:
    intent_name: str
    confidence_score: float


@dataclasses.dataclass
class SlotRange:
    start: int
    end: int
    raw_start: typing.Optional[int] = None
    raw_end: typing.Optional[int] = None


@dataclasses.dataclass
class Slot:
    entity: str
    value: dict
    slot_name: str = None
    raw_value: str = None
    confidence: float = 0.0
    range: typing.Optional[SlotRange] = None


@dataclasses.dataclass
class AsrToken:
    value: str
    confidence: float
    range_start: int
    range_end: int
    time: typing.Optional[object] = None


@dataclasses.dataclass
class NluIntentParsed:
    input: str
    intent: Intent
    site_id: str = "default"
    id: typing.Optional[str] = None
    slots: typing.Optional[list] = None
    session_id: typing.Optional[str] = None


@dataclasses.dataclass
class NluIntent:
    input: str
    intent: Intent
    site_id: str = "default"
    id: typing.Optional[str] = None
    slots: typing.Optional[list] = None
    session_id: typing.Optional[str] = None
    custom_data: typing.Optional[str] = None
    asr_tokens: typing.Optional[list] = None
    asr_confidence: typing.Optional[float] = None
    raw_input: typing.Optional[str] = None
    wakeword_id: typing.Optional[str] = None
    lang: typing.Optional[str] = None


@dataclasses.dataclass
class NluIntentNotRecognized:
    input: str
    site_id: str = "default"
    id: typing.Optional[str] = None
    custom_data: typing.Optional[str] = None
    session_id: typing.Optional[str] = None


@dataclasses.dataclass
class DialogueSessionStarted:
    session_id: str
    site_id: str = "default"
    custom_data: typing.Optional[str] = None
    lang: typing.Optional[str] = None


@dataclasses.dataclass
class DialogueSessionTermination:
    reason: DialogueSessionTerminationReason


@dataclasses.dataclass
class DialogueSessionEnded:
    termination: DialogueSessionTermination
    session_id: str
    site_id: str = "default"
    custom_data: typing.Optional[str] = None


@dataclasses.dataclass
class DialogueEndSession:
    session_id: str
    text: typing.Optional[str] = None
    custom_data: typing.Optional[str] = None


@dataclasses.dataclass
class TtsSay:
    text: str
    site_id: str = "default"
    lang: typing.Optional[str] = None
    id: typing.Optional[str] = None
    session_id: typing.Optional[str] = None
    volume: typing.Optional[float] = None


@dataclasses.dataclass
class TtsSayFinished:
    site_id: str = "default"
    id: typing.Optional[str] = None
    session_id: typing.Optional[str] = None


@dataclasses.dataclass
class AudioPlayFinished:
    id: typing.Optional[str] = None
    session_id: typing.Optional[str] = None


@dataclasses.dataclass
class Transcription:
    text: str
    likelihood: float
    transcribe_seconds: float
    wav_seconds: float
    tokens: typing.Optional[list] = None


TOPICS = {
    HotwordToggleOn: "hermes/hotword/toggleOn", HotwordToggleOff: "hermes/hotword/toggleOff",
    AsrToggleOn: "hermes/asr/toggleOn", AsrToggleOff: "hermes/asr/toggleOff",
    AsrStartListening: "hermes/asr/startListening", AsrStopListening: "hermes/asr/stopListening",
    AsrTextCaptured: "hermes/asr/textCaptured", NluQuery: "hermes/nlu/query",
    NluIntentParsed: "hermes/nlu/intentParsed", NluIntentNotRecognized: "hermes/nlu/intentNotRecognized",
    DialogueSessionStarted: "hermes/dialogueManager/sessionStarted",
    DialogueSessionEnded: "hermes/dialogueManager/sessionEnded", TtsSay: "hermes/tts/say",
    TtsSayFinished: "hermes/tts/sayFinished",
}


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def payload_size(message):
    """The JSON payload's length, as dataclasses_json (camelCase keys)
    writes it."""
    def plain(v):
        if dataclasses.is_dataclass(v):
            return {camel(f.name): plain(getattr(v, f.name)) for f in dataclasses.fields(v)}
        if isinstance(v, enum.Enum):
            return v.value
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v
    return len(json.dumps(plain(message)))


# --------------------------------------------------------------------------
# A co-working operator's building hub on ECS Anywhere (a small x86 box in
# the comms room; the CloudWatch agent ships its containers to one
# stream): Rhasspy 2.5 is the voice assistant of the meeting rooms (each
# room's satellite detects the wake word and streams audio over the
# building's MQTT broker; this base runs speech to text, intent
# recognition, the dialogue manager and text to speech, and hands intents
# to Home Assistant), beside the rtl_433 MQTT auto-discovery add-on, in
# stand-alone docker mode, which announces the building's 433 MHz sensors
# to Home Assistant.

RH_SITES = ["room-201", "room-204", "lobby", "kitchen-2f", "room-305"]
HASS = "http://homeassistant.hub.internal:8123/"
UTTERANCES = [
    ("turn on the projector", "ChangeDeviceState", [("state", "on", 5, 7), ("name", "projector", 12, 21)],
     "The projector is on"),
    ("turn off the lights", "ChangeLightState", [("state", "off", 5, 8), ("name", "lights", 13, 19)],
     "Lights off"),
    ("set the temperature to twenty one degrees", "SetTemperature", [("temperature", 21, 23, 33)],
     "Setting the room to 21 degrees"),
    ("what is the temperature", "GetTemperature", [], "It is 22.4 degrees in here"),
    ("lower the blinds", "ChangeDeviceState", [("state", "down", 0, 5), ("name", "blinds", 10, 16)],
     "Lowering the blinds"),
    ("book this room for thirty minutes", "BookRoom", [("minutes", 30, 18, 24)],
     "Room 204 is booked until 15:30"),
    ("turn on the coffee machine", "ChangeDeviceState", [("state", "on", 5, 7), ("name", "coffee machine", 12, 26)],
     "Coffee machine on"),
]
RTL_HOST = "a4c1e0f9b2d7"
SENSORS = [
    ("Acurite-Tower", [("id", 11234), ("channel", "A"), ("battery_ok", 1), ("temperature_C", 22.4),
                       ("humidity", 41), ("mic", "CHECKSUM")]),
    ("LaCrosse-TX141THBv2", [("id", 187), ("channel", 0), ("battery_ok", 1), ("temperature_C", 5.1),
                             ("humidity", 78), ("test", "No"), ("mic", "CRC")]),
    ("Honeywell-Security", [("id", 492116), ("channel", 8), ("event", 132), ("state", "open"),
                            ("contact_open", 1), ("reed_open", 1), ("alarm", 0), ("tamper", 0),
                            ("battery_ok", 1), ("heartbeat", 0), ("mic", "CRC")]),
    ("Govee-Water", [("id", 31337), ("event", "Water Leak"), ("detect_wet", 1), ("leak_num", 2),
                     ("mic", "PARITY")]),
    ("Fineoffset-WH51", [("id", "0d2a41"), ("battery_ok", 0.9), ("battery_mV", 1500), ("moisture", 34),
                         ("boost", 0), ("ad_raw", 311), ("mic", "CRC")]),
    ("Honeywell-Security", [("id", 730551), ("channel", 10), ("event", 4), ("state", "closed"),
                            ("contact_open", 0), ("reed_open", 0), ("alarm", 0), ("tamper", 0),
                            ("battery_ok", 0), ("heartbeat", 1), ("mic", "CRC")]),
]
# rtl_433_mqtt_hass.py's mappings (the keys these sensors send) and SKIP_KEYS.
MAPPINGS = {
    "time": ("sensor", "UTC", {"device_class": "timestamp", "name": "Timestamp", "entity_category": "diagnostic",
                               "enabled_by_default": False, "icon": "mdi:clock-in"}),
    "battery_ok": ("sensor", "B", {"device_class": "battery", "name": "Battery", "unit_of_measurement": "%",
                                   "value_template": "{{ ((float(value) * 99)|round(0)) + 1 }}",
                                   "state_class": "measurement", "entity_category": "diagnostic"}),
    "battery_mV": ("sensor", "mV", {"device_class": "voltage", "name": "Battery mV", "unit_of_measurement": "mV",
                                    "value_template": "{{ float(value) }}", "state_class": "measurement",
                                    "entity_category": "diagnostic"}),
    "temperature_C": ("sensor", "T", {"device_class": "temperature", "name": "Temperature",
                                      "unit_of_measurement": "°C", "value_template": "{{ value|float|round(1) }}",
                                      "state_class": "measurement"}),
    "humidity": ("sensor", "H", {"device_class": "humidity", "name": "Humidity", "unit_of_measurement": "%",
                                 "value_template": "{{ value|float }}", "state_class": "measurement"}),
    "moisture": ("sensor", "H", {"device_class": "moisture", "name": "Moisture", "unit_of_measurement": "%",
                                 "value_template": "{{ value|float }}", "state_class": "measurement"}),
    "detect_wet": ("binary_sensor", "moisture", {"name": "Water Sensor", "device_class": "moisture",
                                                 "force_update": "true", "payload_on": "1", "payload_off": "0"}),
    "contact_open": ("binary_sensor", "contact_open", {"device_class": "safety", "force_update": "true",
                                                       "payload_on": "1", "payload_off": "0",
                                                       "entity_category": "diagnostic"}),
    "reed_open": ("binary_sensor", "reed_open", {"device_class": "safety", "force_update": "true",
                                                 "payload_on": "1", "payload_off": "0",
                                                 "entity_category": "diagnostic"}),
    "tamper": ("binary_sensor", "tamper", {"device_class": "safety", "force_update": "true", "payload_on": "1",
                                           "payload_off": "0", "entity_category": "diagnostic"}),
    "alarm": ("binary_sensor", "alarm", {"device_class": "safety", "force_update": "true", "payload_on": "1",
                                         "payload_off": "0", "entity_category": "diagnostic"}),
    "channel": ("device_automation", "CH", {"automation_type": "trigger", "type": "button_short_release",
                                            "subtype": "button_1"}),
    "rssi": ("sensor", "rssi", {"device_class": "signal_strength", "unit_of_measurement": "dB",
                                "value_template": "{{ value|float|round(2) }}", "state_class": "measurement",
                                "entity_category": "diagnostic"}),
    "snr": ("sensor", "snr", {"device_class": "signal_strength", "unit_of_measurement": "dB",
                              "value_template": "{{ value|float|round(2) }}", "state_class": "measurement",
                              "entity_category": "diagnostic"}),
    "noise": ("sensor", "noise", {"device_class": "signal_strength", "unit_of_measurement": "dB",
                                  "value_template": "{{ value|float|round(2) }}", "state_class": "measurement",
                                  "entity_category": "diagnostic"}),
}
SKIP_KEYS = ["type", "model", "subtype", "channel", "id", "mic", "mod", "freq", "sequence_num", "message_type",
             "exception", "raw_msg"]


def stream_rhasspy_rtl433():
    stream = []
    rh = Program("rhasspy", "rhasspydialogue_hermes", logging.Formatter(RHASSPY), stream)
    sup = Program("rhasspy-supervisor", "rhasspysupervisor", logging.Formatter(BASIC), stream)
    rtl = Program("rtl433-discovery", "root", logging.Formatter(RTL433, RTL433_DATEFMT), stream)
    dialogue = lg(rh, "rhasspydialogue_hermes")
    asr = lg(rh, "rhasspyasr_kaldi_hermes")
    nlu = lg(rh, "rhasspynlu_hermes")
    hass = lg(rh, "rhasspyhomeassistant_hermes")
    tts = lg(rh, "rhasspytts_cli_hermes")
    web = lg(rh, "rhasspyserver_hermes")
    supervisor = lg(sup, "rhasspysupervisor")
    root = lg(rtl, "root")
    paho = lg(rtl, "paho.mqtt.client")
    state = {"debug": True, "mid": 1, "timeouts": {}, "transcribers": 0}

    def out(log, message, **topic):
        """HermesClient.publish's two debug records."""
        log.debug("-> %s", message)
        log.debug("Publishing %s bytes(s) to %s", payload_size(message), TOPICS[type(message)].format(**topic))

    def supervisord(text):
        printed(stream, "%s,%03d %s" % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t * 1000) % 1000, text))

    def rhasspy_start():
        printed(stream, "Starting up...")
        supervisor.debug("%s", Shown("Namespace(profile='en', user_profiles=PosixPath('/profiles'), "
                                     "system_profiles=None, supervisord_conf='supervisord.conf', "
                                     "docker_compose='', local_mqtt_port=12183, "
                                     "mosquitto_path='mosquitto', debug=True)"))
        supervisor.debug("Loading profile %s (user=%s, system=%s)", "en", "/profiles",
                         "/usr/lib/rhasspy/rhasspy-profile/rhasspyprofile/profiles")
        supervisor.debug("Generating supervisord conf")
        supervisor.debug("Microphone disabled (system=%s)", "hermes")
        supervisor.debug("Speakers disabled (system=%s)", "hermes")
        supervisor.debug("Wake word disabled (system=%s)", "hermes")
        supervisor.debug("Wrote %s", "/profiles/en/supervisord.conf")
        printed(stream, "Starting services...")
        web.debug("%s", Shown("Namespace(certfile=None, host='0.0.0.0', keyfile=None, local_mqtt_port=None, "
                              "log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', "
                              "log_level='DEBUG', port=12101, profile='en', set=[], "
                              "system_profiles=None, url_root=None, user_profiles='/profiles', "
                              "web_dir='/usr/lib/rhasspy/rhasspy-server-hermes/web')"))
        supervisord("CRIT Supervisor is running as root.  Privileges were not dropped because no user is "
                    "specified in the config file.  If you intend to run as root, you can set user=root in the "
                    "config file to avoid this message.")
        supervisord("INFO supervisord started with pid 58")
        for k, (name, cmd) in enumerate([
                ("speech_to_text", "rhasspyasr_kaldi_hermes"), ("intent_recognition", "rhasspynlu_hermes"),
                ("intent_handling", "rhasspyhomeassistant_hermes"), ("text_to_speech", "rhasspytts_cli_hermes"),
                ("dialogue", "rhasspydialogue_hermes")]):
            supervisord("INFO spawned: '%s' with pid %d" % (name, 61 + k))
        web.debug("Profile: %s=%s", "mqtt.enabled", "true")
        web.debug("Profile: %s=%s", "mqtt.host", "mqtt.hub.internal")
        web.debug("Profile: %s=%s", "mqtt.site_id", "base," + ",".join(RH_SITES))
        web.debug("Profile: %s=%s", "speech_to_text.system", "kaldi")
        web.debug("Profile: %s=%s", "intent.system", "fsticuffs")
        web.debug("Profile: %s=%s", "handle.system", "hass")
        web.debug("Profile: %s=%s", "text_to_speech.system", "espeak")
        web.info("Started")
        mains = [
            (asr, "Namespace(base_dictionary=['/profiles/en/kaldi/base_dictionary.txt'], debug=True, "
                  "dictionary='/profiles/en/kaldi/dictionary.txt', dictionary_casing='lower', g2p_casing='lower', "
                  "g2p_model='/profiles/en/kaldi/g2p.fst', graph_dir='/profiles/en/kaldi/model/graph', "
                  "host='mqtt.hub.internal', language_model='/profiles/en/kaldi/language_model.txt', "
                  "log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', "
                  "model_dir='/profiles/en/kaldi/model', model_type='nnet3', port=1883, reuse_transcribers=True, "
                  "site_id=['base', 'room-201', 'room-204', 'lobby', 'kitchen-2f', 'room-305'], "
                  "unknown_words='/profiles/en/kaldi/unknown_words.txt', username='rhasspy')"),
            (nlu, "Namespace(casing='lower', debug=True, failure_token=None, fuzzy=True, "
                  "intent_graph='/profiles/en/intent_graph.pickle.gz', host='mqtt.hub.internal', "
                  "language='en', log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', port=1883, "
                  "replace_numbers=True, site_id=['base', 'room-201', 'room-204', 'lobby', 'kitchen-2f', "
                  "'room-305'], username='rhasspy')"),
            (hass, "Namespace(access_token=None, api_password=None, certfile=None, debug=True, "
                   "event_type_format='rhasspy_{0}', handle_type='event', host='mqtt.hub.internal', "
                   "keyfile=None, log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', "
                   "port=1883, site_id=['base', 'room-201', 'room-204', 'lobby', 'kitchen-2f', 'room-305'], "
                   "url='" + HASS + "', username='rhasspy')"),
            (tts, "Namespace(debug=True, host='mqtt.hub.internal', language='en-us', "
                  "log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', play_command=None, "
                  "port=1883, site_id=['base', 'room-201', 'room-204', 'lobby', 'kitchen-2f', 'room-305'], "
                  "text_on_stdin=False, tts_command='espeak -v {lang} --stdout', username='rhasspy', "
                  "voices_command=None, volume=1.0)"),
            (dialogue, "Namespace(debug=True, group_separator=None, host='mqtt.hub.internal', "
                       "log_format='[%(levelname)s:%(asctime)s] %(name)s: %(message)s', min_asr_confidence=0.6, "
                       "no_sound=[], port=1883, say_chars_per_second=33.0, session_timeout=30.0, "
                       "site_id=['base', 'room-201', 'room-204', 'lobby', 'kitchen-2f', 'room-305'], "
                       "sound=[['wake', '/usr/lib/rhasspy/etc/wav/beep_hi.wav'], "
                       "['recorded', '/usr/lib/rhasspy/etc/wav/beep_lo.wav'], "
                       "['error', '/usr/lib/rhasspy/etc/wav/beep_error.wav']], "
                       "sound_suffixes=['.wav', '.mp3', '.ogg', '.flac'], username='rhasspy', volume=None)"),
        ]
        for log, ns in mains:
            log.debug("%s", Shown(ns))
            if log is nlu:
                nlu.debug("Loading %s", "/profiles/en/intent_graph.pickle.gz")
            log.debug("Connecting to %s:%s", "mqtt.hub.internal", 1883)
            log.debug("Connected to MQTT broker")
        for topic in ["hermes/asr/toggleOn", "hermes/asr/toggleOff", "hermes/asr/startListening",
                      "hermes/asr/stopListening", "hermes/g2p/pronounce", "hermes/asr/train",
                      "hermes/audioServer/+/audioFrame"]:
            asr.debug("Subscribed to %s", topic)
        for topic in ["hermes/nlu/query", "rhasspy/nlu/train"]:
            nlu.debug("Subscribed to %s", topic)
        for topic in ["hermes/intent/#", "hermes/handle/toggleOn", "hermes/handle/toggleOff"]:
            hass.debug("Subscribed to %s", topic)
        for topic in ["hermes/tts/say", "hermes/audioServer/+/playFinished", "rhasspy/tts/getVoices"]:
            tts.debug("Subscribed to %s", topic)
        for topic in ["hermes/dialogueManager/startSession", "hermes/dialogueManager/continueSession",
                      "hermes/dialogueManager/endSession", "hermes/dialogueManager/configure",
                      "hermes/asr/textCaptured", "hermes/nlu/intentNotRecognized", "hermes/nlu/intent/#",
                      "hermes/hotword/+/detected", "hermes/tts/sayFinished", "hermes/audioServer/+/playFinished"]:
            dialogue.debug("Subscribed to %s", topic)
        for k, name in enumerate(["speech_to_text", "intent_recognition", "intent_handling", "text_to_speech",
                                  "dialogue"]):
            supervisord("INFO success: %s entered RUNNING state, process has stayed up for > than 1 seconds "
                        "(startsecs)" % name)

    def toggle(reason_cls, site, reason, on):
        if reason_cls is HotwordToggleReason:
            cls = HotwordToggleOn if on else HotwordToggleOff
        else:
            cls = AsrToggleOn if on else AsrToggleOff
        out(dialogue, cls(site_id=site, reason=reason))

    def play_sound(site, name, size, request):
        dialogue.debug("Playing sound %s", "/usr/lib/rhasspy/etc/wav/%s.wav" % name)
        toggle(HotwordToggleReason, site, HotwordToggleReason.PLAY_AUDIO, False)
        toggle(AsrToggleReason, site, AsrToggleReason.PLAY_AUDIO, False)
        dialogue.debug("-> %s(%s byte(s)) to %s", "AudioPlayBytes", size,
                       "hermes/audioServer/%s/playBytes/%s" % (site, request))
        dialogue.debug("Waiting for playFinished (id=%s, timeout=%s)", request, round(size / 32000 + 1.0, 6))
        dialogue.debug("<- %s", AudioPlayFinished(id=request, session_id=None))
        toggle(HotwordToggleReason, site, HotwordToggleReason.PLAY_AUDIO, True)
        toggle(AsrToggleReason, site, AsrToggleReason.PLAY_AUDIO, True)

    def say(site, session, text, n, handled=True):
        say_id = uid(n, 7)
        toggle(HotwordToggleReason, site, HotwordToggleReason.TTS_SAY, False)
        toggle(AsrToggleReason, site, AsrToggleReason.TTS_SAY, False)
        dialogue.debug("Say: %s", text)
        message = TtsSay(text=text, site_id=site, id=say_id, session_id=session)
        out(dialogue, message)
        dialogue.debug("Waiting for sayFinished (id=%s, timeout=%s)", say_id, max(10.0, len(text) / 33.0))
        tts.debug("<- %s", message)
        tts.debug("%s", ["espeak", "-v", "en-us", "--stdout", text])
        size = 44 + 22050 * 2 * (len(text) // 14 + 1)
        tts.debug("Got %s byte(s) of WAV data", size)
        tts.debug("-> %s(%s byte(s)) to %s", "AudioPlayBytes", size,
                  "hermes/audioServer/%s/playBytes/%s" % (site, say_id))
        tts.debug("Waiting for play finished (timeout=%s)", round(size / 44100 + 0.25, 6))
        if handled:
            tts.debug("<- %s", AudioPlayFinished(id=say_id, session_id=session))
        else:
            tts.warning("Did not receive playFinished before timeout")
        out(tts, TtsSayFinished(site_id=site, id=say_id, session_id=session))
        dialogue.debug("<- %s", TtsSayFinished(site_id=site, id=say_id, session_id=session))
        toggle(HotwordToggleReason, site, HotwordToggleReason.TTS_SAY, True)
        toggle(AsrToggleReason, site, AsrToggleReason.TTS_SAY, True)

    def end(site, session, reason, wakeword):
        out(dialogue, AsrStopListening(site_id=site, session_id=session))
        out(dialogue, DialogueSessionEnded(termination=DialogueSessionTermination(reason=reason),
                                           session_id=session, site_id=site, custom_data=wakeword))
        toggle(HotwordToggleReason, site, HotwordToggleReason.DIALOGUE_SESSION, True)

    def session(n, site, kind="ok"):
        """One voice interaction at a satellite, as the base's services log
        it (rhasspydialogue_hermes handle_wake, start_session,
        handle_text_captured, handle_end and end_session; the ASR's, NLU's,
        Home Assistant's and TTS's handlers)."""
        wakeword = "hey_office"
        text, intent_name, slots, answer = UTTERANCES[n % len(UTTERANCES)]
        sid = "%s-%s-%s" % (site, wakeword, uid(n, 1))
        detected = HotwordDetected(model_id="hey_office_linux.ppn", current_sensitivity=0.55, site_id=site)
        dialogue.debug("<- %s", detected)
        play_sound(site, "beep_hi", 18604, uid(n, 2))
        dialogue.debug("Starting new session (id=%s)", sid)
        out(dialogue, DialogueSessionStarted(session_id=sid, site_id=site, custom_data=wakeword))
        toggle(HotwordToggleReason, site, HotwordToggleReason.DIALOGUE_SESSION, False)
        dialogue.debug("Listening for session %s", sid)
        listen = AsrStartListening(site_id=site, session_id=sid, wakeword_id=wakeword)
        out(dialogue, listen)
        asr.debug("<- %s", listen)
        if state["transcribers"]:
            asr.debug("Re-using existing transcriber (session_id=%s)", sid)
        else:
            asr.debug("Creating new transcriber session %s", sid)
        state["transcribers"] = 1
        asr.debug("Starting listening (session_id=%s)", sid)
        asr.debug("Receiving audio")
        if kind == "timeout":
            # The satellite's audio stops arriving (its Wi-Fi drops).
            dialogue.error("Session timed out for site %s: %s", site, sid)
            end(site, sid, DialogueSessionTerminationReason.TIMEOUT, wakeword)
            asr.debug("<- %s", AsrStopListening(site_id=site, session_id=sid))
            asr.debug("Stopping listening (session_id=%s)", sid)
            return
        if kind == "silence":
            # A false wake: nothing is said, Kaldi returns no text.
            result = Transcription(text="", likelihood=0, transcribe_seconds=0.31, wav_seconds=4.02)
            asr.debug("Transcription result: %s", result)

            def transcribe_proc():
                def null_transcription():
                    assert result.text, "Null transcription"
                null_transcription()
            try:
                transcribe_proc()
            except AssertionError:
                asr.exception("session proc")
            state["transcribers"] = 0
            text, likelihood, seconds = "", 0, 0
        else:
            likelihood = round(0.62 + (n * 37 % 35) / 100, 4)
            seconds = round(0.35 + (n * 13 % 40) / 100, 6)
            if kind == "mumble":
                text, likelihood = "turn the on", 0.4127
            asr.debug("Transcription result: %s", Transcription(text=text, likelihood=likelihood,
                                                                  transcribe_seconds=seconds,
                                                                  wav_seconds=round(1.6 + n % 7 * 0.32, 2)))
        captured = AsrTextCaptured(text=text, likelihood=likelihood, seconds=seconds, site_id=site, session_id=sid,
                                   wakeword_id=wakeword)
        out(asr, captured)
        dialogue.debug("<- %s", captured)
        dialogue.debug("Received text: %s", text)
        out(dialogue, AsrStopListening(site_id=site, session_id=sid))
        asr.debug("<- %s", AsrStopListening(site_id=site, session_id=sid))
        asr.debug("Stopping listening (session_id=%s)", sid)
        toggle(HotwordToggleReason, site, HotwordToggleReason.DIALOGUE_SESSION, True)
        if kind == "mumble":
            dialogue.debug("Transcription is below confidence threshold (%s < %s): %s", likelihood, 0.6, text)
            out(dialogue, NluIntentNotRecognized(input=text, site_id=site, session_id=sid))
            not_recognized = True
        else:
            query = NluQuery(input=text, site_id=site, session_id=sid, wakeword_id=wakeword, custom_data=wakeword,
                             asr_confidence=likelihood)
            out(dialogue, query)
            nlu.debug("<- %s", query)
            not_recognized = kind == "silence"
            if not_recognized:
                message = NluIntentNotRecognized(input=text, site_id=site, custom_data=wakeword, session_id=sid)
                out(nlu, message)
        if not_recognized:
            dialogue.debug("<- %s", NluIntentNotRecognized(input=text, site_id=site, custom_data=wakeword,
                                                            session_id=sid))
            dialogue.warning("No intent recognized (site_id=%s, session_id=%s)", site, sid)
            end(site, sid, DialogueSessionTerminationReason.INTENT_NOT_RECOGNIZED, wakeword)
            return
        intent = Intent(intent_name=intent_name, confidence_score=1.0)
        slot_list = [Slot(entity=name, value={"kind": "Number" if isinstance(v, int) else "Unknown", "value": v},
                          slot_name=name, raw_value=str(v) if not isinstance(v, int) else text[a:b],
                          confidence=1.0, range=SlotRange(start=a, end=b, raw_start=a, raw_end=b))
                     for name, v, a, b in slots]
        parsed = NluIntentParsed(input=text, intent=intent, site_id=site, slots=slot_list, session_id=sid)
        nlu.debug("-> %s", parsed)
        nlu.debug("Publishing %s bytes(s) to %s", payload_size(parsed), "hermes/nlu/intentParsed")
        tokens, start = [], 0
        for word in text.split():
            tokens.append(AsrToken(value=word, confidence=1.0, range_start=start, range_end=start + len(word)))
            start += len(word) + 1
        recognized = NluIntent(input=text, intent=intent, site_id=site, slots=slot_list, session_id=sid,
                               custom_data=wakeword, asr_tokens=[tokens], asr_confidence=likelihood, raw_input=text,
                               wakeword_id=wakeword, lang="en")
        nlu.debug("-> %s", recognized)
        nlu.debug("Publishing %s bytes(s) to %s", payload_size(recognized), "hermes/intent/" + intent_name)
        dialogue.debug("<- %s", recognized)
        dialogue.debug("Recognized %s", recognized)
        hass.debug("<- %s", recognized)
        url = HASS + "api/events/rhasspy_" + intent_name
        hass.debug(url)
        if kind == "hass401":
            # The long-lived access token was revoked in Home Assistant.
            def handle_home_assistant_event():
                def raise_for_status():
                    raised("aiohttp.client_exceptions", "ClientResponseError",
                           "401, message='Unauthorized', url=URL('%s')" % url)
                raise_for_status()
            try:
                handle_home_assistant_event()
            except Exception:
                hass.exception("handle_home_assistant_event")
            dialogue.error("Session timed out for site %s: %s", site, sid)
            end(site, sid, DialogueSessionTerminationReason.TIMEOUT, wakeword)
            return
        # Home Assistant's automation answers with dialogueManager/endSession.
        ending = DialogueEndSession(session_id=sid, text=answer)
        dialogue.debug("<- %s", ending)
        say(site, sid, answer, n, handled=(kind != "slow"))
        dialogue.debug("Session ended nominally: %s", sid)
        end(site, sid, DialogueSessionTerminationReason.NOMINAL, wakeword)

    # The discovery bridge (rtl_433_mqtt_hass.py): its MQTT callbacks and
    # bridge_event_to_hass.
    def rtl_start(debug):
        state["debug"] = debug
        printed(stream, "Running in stand-alone docker mode")
        printed(stream, "Starting rtl_433_mqtt_hass.py...")
        if debug:
            root.info("Enabling debug logging")
        root.info("Discovering all devices")
        if debug:
            root.debug("MQTT Client: Starting Loop")
            paho.debug("Sending CONNECT (u1, p1, wr0, wq0, wf0, c1, k60) client_id=b''")
            paho.debug("Received CONNACK (0, 0)")
        connected()
        state["timeouts"] = {}

    def connected():
        root.info("MQTT connected: Connection Accepted.")
        root.info("Subscribing to: rtl_433/+/events")
        if state["debug"]:
            paho.debug("Sending SUBSCRIBE (d0, m%d) [(b'rtl_433/+/events', 0)]", state["mid"])
            state["mid"] += 1
            paho.debug("Received SUBACK")

    def sensor_event(k, reading):
        model, fields = SENSORS[k]
        data = [("time", now("%Y-%m-%d %H:%M:%S")), ("model", model)] + list(fields)
        if model in ("Acurite-Tower", "LaCrosse-TX141THBv2"):
            data = [(key, round(value + (reading % 5 - 2) * 0.1, 1) if key == "temperature_C" else value)
                    for key, value in data]
        data += [("mod", "ASK"), ("freq", 433.92), ("rssi", -0.1 - reading % 9 * 0.37),
                 ("snr", 14.2 + reading % 6 * 0.8), ("noise", -20.1 - reading % 4 * 0.3)]
        data = [(key, round(value, 3) if isinstance(value, float) else value) for key, value in data]
        payload = json.dumps(dict(data), separators=(",", ":"))
        topic = "rtl_433/%s/events" % RTL_HOST
        if state["debug"]:
            paho.debug("Received PUBLISH (d0, q0, r0, m0), '%s', ...  (%d bytes)", topic, len(payload))
            root.debug("MQTT message: " + json.dumps(payload))
        values = dict(data)
        path = ["devices", model]
        ids = [model]
        for key in ("channel", "id"):
            if key in values:
                path.append(str(values[key]))
                ids.append(str(values[key]))
        device_id = "-".join(ids)
        base = "rtl_433/%s/%s" % (RTL_HOST, "/".join(path))
        published, skipped = [], []
        for key, _ in data:
            if key in MAPPINGS:
                device_type, suffix, config = MAPPINGS[key]
                object_name = "-".join([device_id, suffix])
                disc = "/".join(["homeassistant", device_type, device_id, object_name, "config"])
                if state["timeouts"].get(disc, -1) > reading:
                    if state["debug"]:
                        root.debug("Discovery timeout in the future for: " + disc)
                    continue
                state["timeouts"][disc] = reading + 12
                config = dict(config)
                if device_type == "device_automation":
                    config["topic"] = base + "/" + key
                    config["platform"] = "mqtt"
                else:
                    name = config.get("name", key)
                    config["state_topic"] = base + "/" + key
                    config["unique_id"] = object_name
                    config["name"] = name
                mfr, _, modl = model.partition("-")
                config["device"] = {"identifiers": [device_id], "name": device_id, "model": modl,
                                    "manufacturer": mfr}
                if state["debug"]:
                    text = json.dumps(config)
                    root.debug(disc + ":" + text)
                    paho.debug("Sending PUBLISH (d0, q0, r0, m%d), 'b'%s'', ... (%d bytes)", state["mid"], disc,
                               len(text.encode()))
                    state["mid"] += 1
                published.append(key)
            elif key not in SKIP_KEYS:
                skipped.append(key)
        if published:
            root.info("Published %s: %s" % (device_id, ", ".join(published)))
            if skipped:
                root.info("Skipped %s: %s" % (device_id, ", ".join(skipped)))

    rhasspy_start()
    rtl_start(debug=True)
    kinds = {3: "silence", 5: "mumble", 8: "hass401", 10: "timeout", 12: "slow", 13: "silence"}
    reading = 0
    for n in range(15):
        site = RH_SITES[(n * 3) % len(RH_SITES)]
        session(n, site, kinds.get(n, "ok"))
        for k in range(1 + n % 3):
            sensor_event((n + k) % len(SENSORS), reading)
            reading += 1
        if state["debug"] and n % 4 == 1:
            paho.debug("Sending PINGREQ")
            paho.debug("Received PINGRESP")
        if n == 3:
            # The team turns the add-on's LOG_LEVEL back to the default.
            rtl_start(debug=False)
        if n == 9:
            # The building's broker restarts (a Mosquitto add-on update).
            root.info("MQTT disconnected: Connection Refused: unknown reason.")
            for log in (asr, nlu, hass, tts, dialogue):
                log.warning("Disconnected. Trying to reconnect...")
            connected()
            for log in (asr, nlu, hass, tts, dialogue):
                log.debug("Connected to MQTT broker")
        if n == 11:
            # Someone edits sentences.ini in the web UI and retrains.
            web.info("Starting training")
            web.debug("Writing %s", "/profiles/en/sentences.ini")
            asr.debug("<- %s", "AsrTrain")
            asr.debug("Loading %s", "/profiles/en/intent_graph.pickle.gz")
            asr.debug("Starting training")
            nlu.debug("<- %s", "NluTrain")
            nlu.debug("Loading %s", "/profiles/en/intent_graph.pickle.gz")
            asr.debug("Loading base dictionary from %s", "/profiles/en/kaldi/base_dictionary.txt")
            asr.warning("Not overwriting HCLG.fst")
            web.debug("%s", Shown("TrainingResult(graph_path='/profiles/en/intent_graph.pickle.gz')"))
    return {"name": "rhasspy-rtl433", "programs": [rh, sup, rtl], "records": stream, "auto": False}

# --------------------------------------------------------------------------
# An error-tracking team's event pipeline on EC2 (the CloudWatch agent ships
# the host's containers to one stream): the host's Kafka broker (id 1002 of
# three) runs under Zalando's bubuku, which finds ZooKeeper through the
# Exhibitor stack's load balancer and restarts and rebalances the broker;
# beside it, two of the self-hosted Sentry's Snuba consumers: the errors
# replacer (group merges, deletions and tombstones into ClickHouse) and
# the events subscriptions scheduler-executor.

ZK_OLD = "10.0.2.11:2181,10.0.2.12:2181,10.0.2.13:2181/kafka-sentry"
ZK_NEW = "10.0.2.11:2181,10.0.2.13:2181,10.0.2.14:2181/kafka-sentry"
BUBUKU_CONFIG = ("Config(kafka_dir='/opt/kafka', kafka_settings_template='/opt/kafka/config/server.properties', "
                 "zk_stack_name='exhibitor-sentry', zk_prefix='/kafka-sentry', features={'restart_on_exhibitor': "
                 "{}, 'rebalance_on_start': {}, 'graceful_terminate': {}, 'use_ip_address': {}}, health_port=8080, "
                 "mode='amazon', timeout={}, zk_static_ips=None)")
IDENTITY = {"accountId": "318722149034", "architecture": "x86_64", "availabilityZone": "eu-central-1b",
            "billingProducts": None, "devpayProductCodes": None, "marketplaceProductCodes": None,
            "imageId": "ami-0a1b2c3d4e5f60718", "instanceId": "i-0c4f2a9e81b7d3365", "instanceType": "m6i.xlarge",
            "kernelId": None, "pendingTime": "2024-05-02T08:13:27Z", "privateIp": "10.0.1.22", "ramdiskId": None,
            "region": "eu-central-1", "version": "2017-09-30"}
PROJECTS = [4, 7, 12, 15, 23, 31]


def stream_bubuku_snuba():
    stream = []
    bu = Program("bubuku", "bubuku.main", logging.Formatter(BUBUKU, BUBUKU_DATEFMT), stream)
    sn = Program("snuba", "snuba.replacer", logging.Formatter(SNUBA), stream)
    main_ = lg(bu, "bubuku.main")
    health = lg(bu, "bubuku.health")
    props = lg(bu, "bubuku.properties")
    amazon = lg(bu, "bubuku.amazon")
    exhibitor = lg(bu, "bubuku.exhibitor")
    controller = lg(bu, "bubuku.controller")
    terminate = lg(bu, "bubuku.features.terminate")
    dead = lg(bu, "bubuku.features.restart_if_dead")
    on_zk = lg(bu, "bubuku.features.restart_on_zk")
    broker = lg(bu, "bubuku.broker")
    rebalance = lg(bu, "bubuku.features.rebalance")
    stats = lg(bu, "bubuku.features.data_size_stats")
    kazoo = lg(bu, "kazoo.client")
    creds = lg(bu, "botocore.credentials")
    replacer = lg(sn, "snuba.replacer")
    errors = lg(sn, "snuba.replacers.errors_replacer")
    processor = lg(sn, "arroyo.processing.processor")
    state = {"zk": None, "rebalance": None, "offset": 48213, "commit": 1882140, "member": 0, "txn": 0}

    def kafka(level, msg, category):
        """The broker's own log4j lines (docker/log4j.properties: WARN and up)."""
        t = realworld.CLOCK.t
        printed(stream, "%s.%03d %s %s (%s)" % (now("%Y-%m-%d %H:%M:%S"), round(t * 1000) % 1000, level, msg,
                                                category))

    def rdkafka(level, fac, name, thread, msg):
        """librdkafka's default log callback, on the consumers' stderr."""
        t = realworld.CLOCK.t
        printed(stream, "%%%d|%d.%03d|%s|%s| [thrd:%s]: %s" % (level, int(t), round(t * 1000) % 1000, fac, name,
                                                              thread, msg))

    def structlog_line(module, event):
        """snuba's structlog events (environment.py setup_logging: JSON on
        stdout through structlog's PrintLogger, no logging handler)."""
        t = realworld.CLOCK.t
        printed(stream, json.dumps({"module": module, "event": event, "severity": "info",
                                    "timestamp": now("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % (round(t * 1e6) % 1000000)}))

    def check(text):
        controller.info("Executing check {}".format(text))

    def zk_connect(host):
        kazoo.info("Connecting to %s(%s):%s, use_ssl: %r", host, host, 2181, False)
        kazoo.info("Zookeeper connection established, state: %s", "CONNECTED")

    def member():
        return "rdkafka-%s" % uid(state["member"], 99)

    def partitions(topic, offset):
        return Shown("{Partition(topic=Topic(name='%s'), index=0): %d}" % (topic, offset))

    def assigned(topic, offset):
        processor.info("New partitions assigned: %r", partitions(topic, offset))
        state["member"] += 1
        processor.info("Member id: %r", member())

    def revoked(topic, strategy, n):
        processor.info("Partitions to revoke: %r", Shown("[Partition(topic=Topic(name='%s'), index=0)]" % topic))
        processor.info("Closing %r...", Shown("<%s object at %s>" % (strategy, addr(n))))
        processor.info("Member id: %r", member())
        processor.info("Waiting for %r to exit...", Shown("<%s object at %s>" % (strategy, addr(n))))
        processor.info("%r exited successfully", Shown("<%s object at %s>" % (strategy, addr(n))))
        processor.info("Partition revocation complete.")

    def bubuku_start():
        printed(stream, "+ exec bubuku-daemon")
        main_.info("Using configuration: {}".format(BUBUKU_CONFIG))
        main_.info("Starting health server")
        health.info("Starting health server on port {}".format(8080))
        main_.info("Using configuration: {}".format(BUBUKU_CONFIG))
        props.info("Loading template properties from {}".format("/opt/kafka/config/server.properties"))
        amazon.info("Amazon specific information loaded from AWS: {}".format(json.dumps(IDENTITY, indent=2)))
        main_.info("Loading exhibitor configuration")
        creds.info("Found credentials from IAM Role: %s", "kafka-sentry-broker")
        amazon.info("Ip addresses for {} are: {}".format("exhibitor-sentry", ["10.0.2.11", "10.0.2.12", "10.0.2.13"]))
        zk_connect("10.0.2.12")
        exhibitor.info("Entered safe exhibitor space")
        main_.info("Loading broker_id policy")
        main_.info("Building broker manager")
        main_.info("Creating controller")
        for c in ["CheckBrokerStopped", "RemoteCommandExecutorCheck", "GenerateDataSizeStatistics",
                  "CheckExhibitorAddressChanged, current=None", "RebalanceOnStartCheck (executed=False)"]:
            controller.info("Adding check {}".format(c))
        terminate.info("Registering signal handler")
        main_.info("Starting main controller loop")

    def start_broker(zk, restart=False):
        """RestartBrokerChange's two stages, the start through
        BrokerManager.start_kafka_process."""
        change = lambda stage: "RestartBrokerChange (restart), stage={}".format(stage)  # noqa: E731
        exhibitor.info("Registering change in zk: {}".format("restart"))
        controller.info("Executing action {} step".format(change("stop")))
        if restart:
            broker.info("Checking if leadership is transferred: active_broker_ids={}, dead_broker_ids={}".format(
                None, ["1002"]))
            kafka("WARN", "[Controller id=1002, targetBrokerId=1002] Connection to node 1002 (/10.0.1.22:9092) "
                          "could not be established. Broker may not be available.",
                  "org.apache.kafka.clients.NetworkClient")
        controller.info("Action {} will be executed on next loop step".format(change("start")))
        controller.info("Running changes: {}".format({"restart": "10.0.1.22"}))
        controller.info("Executing action {} step".format(change("start")))
        broker.info("Checking if leadership is transferred: active_broker_ids={}, dead_broker_ids={}".format(
            ["1001", "1003"], None))
        broker.info("Using ZK address: {}".format(zk))
        props.info("Dumping kafka properties to {}".format("/opt/kafka/config/server.properties"))
        broker.info("Staring kafka process")
        broker.info("Waiting for kafka to start with timeout {}".format("Linear, initial=300.0, step=60.0, "
                                                                       "current=300.0"))
        kafka("WARN", "[LogLoader partition=__consumer_offsets-17, dir=/data/logs] Found a corrupted index file "
                      "corresponding to log file /data/logs/__consumer_offsets-17/00000000000000000000.log due to "
                      "Corrupt time index found, time index file (/data/logs/__consumer_offsets-17/"
                      "00000000000000000000.timeindex) has non-zero size but the last timestamp is 0 which is less "
                      "than the first timestamp 1714631712043, recovering segment and rebuilding index files...",
              "kafka.log.LogLoader$")
        kafka("WARN", "[ReplicaFetcher replicaId=1002, leaderId=1001, fetcherId=0] Received UNKNOWN_TOPIC_ID from "
                      "the leader for partition events-3. This error may be returned transiently when the partition "
                      "is being created or deleted, but it is not expected to persist.",
              "kafka.server.ReplicaFetcherThread")
        controller.info("Action {} completed".format(change("start")))
        exhibitor.info("Removing change {} from locks".format("restart"))

    def replacement(n):
        """The errors replacer's record of one replacement message
        (errors_replacer.py process_message: the message's type and data as
        JSON) and, for the executed ones, replacer.py's timing."""
        state["offset"] += 1
        project = PROJECTS[n % len(PROJECTS)]
        state["txn"] += 1
        txn = uid(state["txn"], 11).replace("-", "")
        when = now("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % (n * 7723 % 1000000)
        kind = ["start_merge", "end_merge", "start_delete_groups", "end_delete_groups", "tombstone_events",
                "end_merge", "exclude_groups"][n % 7]
        if kind in ("start_merge", "end_merge"):
            data = {"transaction_id": txn, "project_id": project, "previous_group_ids": [4800120 + n * 3, 4800121 + n],
                    "new_group_id": 4799004 + n, "datetime": when}
        elif kind in ("start_delete_groups", "end_delete_groups"):
            data = {"transaction_id": txn, "project_id": project, "group_ids": [4801200 + n * 11], "datetime": when}
        elif kind == "tombstone_events":
            data = {"project_id": project, "event_ids": [uid(n, 5).replace("-", "")], "old_primary_hash": False,
                    "from_timestamp": when, "to_timestamp": when}
        else:
            data = {"project_id": project, "group_ids": [4800377 + n], "datetime": when}
        errors.info(json.dumps({"message_type": kind, **data}))
        if kind.startswith("start_"):
            return
        if n == 9:
            # A duplicate end_merge from Sentry (errors_replacer's HACK).
            errors.error("Skipping duplicate group replacement", extra={"project_id": project})
            return
        replacer.info("Replacement query took %sms, written_rows=%s", 9 + n * 17 % 160, (n * 13) % 40)

    def replacer_start(first=True):
        printed(stream, "+ exec gosu snuba snuba replacer --storage errors --auto-offset-reset=latest "
                        "--max-batch-size 3")
        if first:
            for k in range(3):
                suppressed = ", %d identical error(s) suppressed" % (k * 4) if k else ""
                rdkafka(3, "FAIL", "rdkafka#consumer-1", "10.0.1.22:9092/bootstrap",
                        "10.0.1.22:9092/bootstrap: Connect to ipv4#10.0.1.22:9092 failed: Connection refused "
                        "(after 0ms in state CONNECT%s)" % suppressed)
        assigned("event-replacements", state["offset"])

    def executor_start():
        printed(stream, "+ exec gosu snuba snuba subscriptions-scheduler-executor --dataset events --entity events "
                        "--auto-offset-reset=latest --no-strict-offset-reset --consumer-group "
                        "snuba-events-subscriptions-consumers --followed-consumer-group=snuba-consumers "
                        "--schedule-ttl=60 --stale-threshold-seconds=900")
        structlog_line("snuba.cli.subscriptions_scheduler_executor", "Checking Clickhouse connections")
        rdkafka(4, "GETSUBSCRIPTIONS", "rdkafka#consumer-2", "main",
                "Telemetry client instance id changed from AAAAAAAAAAAAAAAAAAAAAA to 7q1xH2pWQmGr0bZkC4Yk3A")
        assigned("snuba-commit-log", state["commit"])

    bubuku_start()
    checks = ["CheckBrokerStopped", "RemoteCommandExecutorCheck", "GenerateDataSizeStatistics",
              "CheckExhibitorAddressChanged, current={}", "RebalanceOnStartCheck (executed={})"]
    executed = False
    rebalance_states = None
    for it in range(110):
        # Controller.make_step: the checks due (five seconds apart, thirty
        # for remote commands, ten minutes for the size statistics).
        for c in checks:
            if c == "RemoteCommandExecutorCheck" and it % 6:
                continue
            if c == "GenerateDataSizeStatistics" and it not in (0, 100):
                continue
            check(c.format(state["zk"]) if "current" in c else c.format(executed) if "executed" in c else c)
            if c == "CheckBrokerStopped" and it == 0:
                dead.warning("Oops! Broker is dead, triggering restart")
                controller.info("Adding change {} to pending changes".format("restart"))
            if c.startswith("CheckExhibitorAddressChanged") and it in (0, 38):
                old, new = (None, ZK_OLD) if it == 0 else (ZK_OLD, ZK_NEW)
                on_zk.info("ZK addresses changed from {} to {}, triggering restart".format(old, new))
                state["zk"] = new
                controller.info("Adding change {} to pending changes".format("restart"))
            if c == "GenerateDataSizeStatistics" and it == 100:
                stats.info("Generating data size statistics")
                stats.info("Processing log dir: {}".format("/data/logs"))
                stats.info("Data size statistics successfully written to zk")
            if c.startswith("RebalanceOnStartCheck") and it == 4:
                rebalance.info("Rebalance on start, triggering rebalance")
                executed = True
                controller.info("Adding change {} to pending changes".format("rebalance"))
                rebalance_states = ["load_state", "compute_leaders", "compute_replicas", "sort_actions", "balance",
                                    "balance", "balance", "balance"]
        if it == 1:
            start_broker(ZK_OLD)
            # The second restart (the ZooKeeper address check's) finds
            # nothing to do.
            exhibitor.info("Registering change in zk: {}".format("restart"))
            controller.info("Executing action {} step".format("RestartBrokerChange (restart), stage=stop"))
            on_zk.warning("Broker already have latest version of zk address: {}".format(ZK_OLD))
            controller.info("Action {} completed".format("RestartBrokerChange (restart), stage=stop"))
            exhibitor.info("Removing change {} from locks".format("restart"))
            replacer_start()
            executor_start()
        if rebalance_states:
            st = rebalance_states.pop(0)
            queue = 0 if st in ("load_state", "compute_leaders", "compute_replicas", "sort_actions") else \
                len(rebalance_states)
            text = "OptimizedRebalance state={}, queue_size={}, parallelism={}".format(st, queue, 1)
            if st == "load_state":
                exhibitor.info("Registering change in zk: {}".format("rebalance"))
            controller.info("Executing action {} step".format(text))
            if st == "balance" and rebalance_states:
                topic = ["events", "snuba-commit-log", "event-replacements", "outcomes"][len(rebalance_states) % 4]
                exhibitor.info("Applying replication limit to these brokers: {}".format({"1002": [0], "1003": [0]}))
                exhibitor.info("Reallocating {}".format([(topic, len(rebalance_states), [1003, 1002, 1001])]))
            if st == "balance" and len(rebalance_states) == 1:
                exhibitor.info("Waiting for free reallocation slot, still in progress...")
            if rebalance_states:
                following = rebalance_states[0]
                text = "OptimizedRebalance state={}, queue_size={}, parallelism={}".format(
                    following, rebalance_states.count("balance") - 1 if following == "balance" else 0, 1)
                controller.info("Action {} will be executed on next loop step".format(text))
            else:
                exhibitor.info("Removing throttle configurations for brokers: {}".format(["1002", "1003"]))
                exhibitor.info("Removing throttle configurations for topics: {}".format(["events"]))
                controller.info("Action {} completed".format(text))
                exhibitor.info("Removing change {} from locks".format("rebalance"))
                rebalance_states = None
        if 2 <= it:
            for k in range(1 + (it * 7) % 3):
                replacement(it * 3 + k)
        if it == 37:
            # One Exhibitor node is replaced (its instance retired by AWS).
            kazoo.warning("Connection dropped: %s", "socket connection broken")
            kazoo.warning("Transition to CONNECTING")
            kazoo.info("Zookeeper connection lost")
            kazoo.info("Connecting to %s(%s):%s, use_ssl: %r", "10.0.2.12", "10.0.2.12", 2181, False)
            kazoo.warning("Connection dropped: %s", "socket connection error: Connection refused")
            kazoo.warning("Transition to CONNECTING")
            zk_connect("10.0.2.13")
            amazon.info("Ip addresses for {} are: {}".format("exhibitor-sentry",
                                                            ["10.0.2.11", "10.0.2.13", "10.0.2.14"]))
        if it == 38:
            start_broker(ZK_NEW, restart=True)
            for name, thread in (("rdkafka#consumer-1", "10.0.1.22:9092/1002"),
                                 ("rdkafka#consumer-2", "10.0.1.22:9092/1002")):
                rdkafka(3, "FAIL", name, thread, "10.0.1.22:9092/1002: Disconnected (after 1262418ms in state UP)")
            rdkafka(4, "REQTMOUT", "rdkafka#consumer-2", "GroupCoordinator",
                    "GroupCoordinator/1002: Timed out OffsetCommitRequest in flight (after 60051ms, timeout #0)")
            revoked("event-replacements", "arroyo.processing.strategies.run_task.RunTask", 1)
            revoked("snuba-commit-log", "snuba.subscriptions.scheduler_processing_strategy.TickBuffer", 2)
            assigned("event-replacements", state["offset"] - 2)
            processor.warning("Partition assignment while processing strategy active")
            assigned("snuba-commit-log", state["commit"] + 1200)
            for k in range(2):
                replacer.warning("Replacer ignored a message, consumer group: %s" % "snuba-replacers",
                                 extra={"partition": 0, "offset": state["offset"] - 1 + k})
        if it == 75:
            # ClickHouse is restarted for an upgrade: the replacer's query
            # fails and the consumer exits (the container restarts it).
            def run():
                def run_once():
                    def flush_batch():
                        def execute_robust():
                            raised("clickhouse_driver.errors", "NetworkError",
                                   "Code: 210. Connection refused (clickhouse:9000)")
                        execute_robust()
                    flush_batch()
                run_once()
            try:
                run()
            except Exception:
                processor.exception("Caught exception, shutting down...")
                processor.info("Closing %r...", Shown("<arroyo.backends.kafka.consumer.KafkaConsumer object at %s>"
                                                      % addr(7)))
                processor.info("Processor terminated")
            uncaught(stream, run, after_traceback=True)
            replacer_start(first=False)
    return {"name": "bubuku-snuba", "programs": [bu, sn], "records": stream, "auto": False}

# --------------------------------------------------------------------------
# A food-data co-op's search host on EC2 (ZFS on its data volume; the
# CloudWatch agent ships the host's containers and journal to one stream):
# search-a-licious's updater keeps the product index current from Product
# Opener's Redis stream of product edits, its nightly import re-indexes
# the full JSONL export, and zettarepl snapshots the host's datasets every
# fifteen minutes and pushes them over SSH to the backup host.

ES = "http://es01:9200"
OFF = "https://world.openfoodfacts.org/api/v2/product/"
BARCODES = ["3017620422003", "5449000000996", "3274080005003", "7622210449283", "8000500310427", "3228857000852",
            "0049000028911", "4008400402222", "3168930010265", "5000159484695", "8410188012092", "3046920028004",
            "20724696", "0737628064502", "3560070894222", "4056489115329", "7613035974685", "26039536"]
DATASETS = ["tank/search/esdata", "tank/search/redis", "tank/search/synonyms"]
BACKUP = "<SSH Transport(zettarepl@backup01.coop.internal)>"


class LongStringsFilter(logging.Filter):
    """zettarepl/utils/logging.py LongStringsFilter, as written there (on
    the handler: it rewrites the record's args, and a Snapshot, being a
    namedtuple, comes out of its tuple branch a plain tuple)."""

    def __init__(self, name=""):
        super().__init__(name)
        self.max_string_length = int(os.environ.get("LOGGING_MAX_STRING_LENGTH", "512"))

    def filter(self, record):
        record.args = self._process(record.args)
        return True

    def _process(self, value):
        if isinstance(value, dict):
            return {k: self._process(v) for k, v in value.items()}
        if isinstance(value, list):
            return list(map(self._process, value))
        if isinstance(value, tuple):
            return tuple(map(self._process, value))
        if self.max_string_length:
            if isinstance(value, bytes):
                placeholder = b"...."
            elif isinstance(value, str):
                placeholder = "...."
            else:
                return value
            if len(value) <= self.max_string_length:
                return value
            return (value[:int((self.max_string_length - 4) / 2)] + placeholder +
                    value[-int((self.max_string_length - 4) / 2):])
        return value


class Snapshot(typing.NamedTuple("Snapshot", [("dataset", str), ("name", str)])):
    """zettarepl/snapshot/snapshot.py's Snapshot."""

    def __str__(self):
        return f"{self.dataset}@{self.name}"


class ReplicationTaskLoggingLevelFilter(logging.Filter):
    """zettarepl/utils/logging.py's filter: a replication task's records
    (its thread, its paramiko channel) at the task's logging level, others
    at the -l default (INFO)."""
    levels = {}

    def __init__(self, default_level=logging.NOTSET):
        self.default_level = default_level
        super().__init__()

    def filter(self, record):
        m1 = re.match(r"replication_task__([^.]+)", record.threadName or "")
        m2 = re.match(r"zettarepl\.paramiko\.replication_task__([^.]+)", record.name)
        task_id = m1.group(1) if m1 else m2.group(1) if m2 else None
        if task_id is not None and task_id in self.levels and self.levels[task_id] != logging.NOTSET:
            return record.levelno >= self.levels[task_id]
        return record.levelno >= self.default_level


def stream_search_zettarepl():
    stream = []
    sal = Program("search-a-licious", "root", logging.Formatter(SAL), stream)
    zr = Program("zettarepl", "zettarepl.zettarepl", logging.Formatter(ZETTAREPL), stream)
    zr.handler.addFilter(LongStringsFilter())
    zr.handler.addFilter(ReplicationTaskLoggingLevelFilter(logging.INFO))
    ReplicationTaskLoggingLevelFilter.levels["offsite"] = logging.NOTSET
    imp = lg(sal, "app._import")
    cli = lg(sal, "root")
    off = lg(sal, "app.openfoodfacts")
    taxonomy = lg(sal, "app.taxonomy")
    transport = lg(sal, "elastic_transport.transport")
    node_pool = lg(sal, "elastic_transport.node_pool")
    zmain = lg(zr, "zettarepl.zettarepl")
    create = lg(zr, "zettarepl.snapshot.create")
    destroy = lg(zr, "zettarepl.snapshot.destroy")
    run = lg(zr, "zettarepl.replication.run")
    clock = lg(zr, "zettarepl.scheduler.clock")
    paramiko = lg(zr, "zettarepl.paramiko.replication_task__offsite")
    state = {"base": "auto-2024-05-11_14-30", "ssh": False}

    def es(method, target, status=200, duration=0.012):
        transport.info("%s %s%s [status:%s duration:%.3fs]" % (method, ES, target, status, duration))

    def updater_start():
        printed(stream, "+ exec python3 -m app run-update-daemon")
        imp.info("Starting update import daemon")
        imp.info("Connected to Redis")

    def product_update(n):
        code = BARCODES[n * 7 % len(BARCODES)]
        if n % 23 == 11:
            # Product Opener is being redeployed: its nginx answers with HTML.
            off.warning("Failed to decode JSON response from %s: %s", OFF + code,
                        "Expecting value: line 1 column 1 (char 0)")
            return
        if n % 29 == 17:
            off.warning("Failed to fetch %s: %s", OFF + code,
                        "HTTPSConnectionPool(host='world.openfoodfacts.org', port=443): Read timed out. "
                        "(read timeout=None)")
            imp.warning(f"Should retry ID {code}  in product_updates_off due to status RETRY, "
                        "but it's not yet implemented !")
            return
        if n % 13 == 6:
            es("DELETE", "/openfoodfacts/_doc/%s" % code, 200, 0.004 + n % 5 / 1000)
        else:
            es("PUT", "/openfoodfacts/_doc/%s" % code, 200 if n % 9 else 201, 0.009 + n * 7 % 23 / 1000)

    def es_outage(n):
        """es01 restarts (a rolling upgrade): elastic_transport retries."""
        code = BARCODES[n % len(BARCODES)]
        for attempt in range(3):
            transport.info("%s %s%s [status:%s duration:%.3fs]" % ("PUT", ES, "/openfoodfacts/_doc/%s" % code,
                                                                   "N/A", 0.002 + attempt / 1000))
            node_pool.warning("Node %r has failed for %i times in a row, putting on %i second timeout",
                              Shown("<Urllib3HttpNode(%s)>" % ES), attempt + 1, 2 ** attempt)

            def perform_request():
                def urlopen():
                    raised("elastic_transport", "ConnectionError",
                           "Connection error caused by: NewConnectionError(<urllib3.connection.HTTPConnection "
                           "object at %s>: Failed to establish a new connection: [Errno 111] Connection refused)"
                           % addr(40 + attempt))
                urlopen()
            try:
                perform_request()
            except Exception as e:
                transport.warning("Retrying request after failure (attempt %d of %d)", attempt, 3, exc_info=e)
        es("PUT", "/openfoodfacts/_doc/%s" % code, 200, 0.231)

    def nightly_import():
        printed(stream, "+ docker compose run --rm api python3 -m app import /opt/search/data/"
                        "openfoodfacts-products.jsonl.gz --num-processes=2")
        es("PUT", "/openfoodfacts-2024-05-11-02-00-04-118306", 200, 2.842)
        es("POST", "/openfoodfacts-2024-05-11-02-00-04-118306/_refresh", 200, 0.052)
        imp.info("Running in parallel with %d processes", 2)
        for k in range(14):
            es("PUT", "/_bulk?refresh=false", 200, 0.7 + k * 37 % 50 / 100)
        imp.info("[%d] Indexed %d documents", 0, 1597211)
        imp.info("[%d] Indexed %d documents", 1, 1597187)
        imp.error("[%d] Encountered %d errors: %s", 1, 2, [
            {"index": {"_index": "openfoodfacts-2024-05-11-02-00-04-118306", "_id": "0000000075177", "status": 400,
                       "error": {"type": "document_parsing_exception", "reason": "[1:3814] failed to parse field "
                                 "[nutriments.energy-kcal_100g] of type [float] in document with id "
                                 "'0000000075177'. Preview of field's value: '1 234'"}}},
            {"index": {"_index": "openfoodfacts-2024-05-11-02-00-04-118306", "_id": "3760091721204", "status": 400,
                       "error": {"type": "document_parsing_exception", "reason": "[1:2277] failed to parse field "
                                 "[completeness] of type [float] in document with id '3760091721204'. "
                                 "Preview of field's value: 'NaN'"}}}])
        es("POST", "/openfoodfacts-2024-05-11-02-00-04-118306/_refresh", 200, 0.388)
        es("POST", "/openfoodfacts-2024-05-11-02-00-04-118306/_search", 200, 0.021)
        imp.info("Processing redis updates since %s", 1715392812000)
        for k in range(6):
            es("PUT", "/_bulk", 200, 0.09 + k / 100)
        imp.info("Processed %d updates from Redis", 4213)
        es("POST", "/openfoodfacts-2024-05-11-02-00-04-118306/_refresh", 200, 0.107)
        es("POST", "/_aliases", 200, 0.064)
        cli.info("Import time: %s seconds", 2587.3124021759815)
        cli.error("There were %s errors during import", 2)
        printed(stream, "+ docker compose run --rm api python3 -m app import-taxonomies")
        for name in ("categories", "labels", "additives", "allergens", "countries"):
            path = "/opt/search/data/taxonomies/%s.full.json" % name
            taxonomy.info("Downloading taxonomy, saving it in %s", path)
            size = {"categories": "13.2M", "labels": "1.71M", "additives": "802k", "allergens": "96.4k",
                    "countries": "1.07M"}[name]
            part = {"categories": "5.41M", "labels": "720k", "additives": "329k", "allergens": "40.0k",
                    "countries": "452k"}[name]
            printed(stream, "%s:   0%%|          | 0.00/%s [00:00<?, ?B/s]\r%s:  41%%|####      | %s/%s "
                            "[00:00<00:00, 9.71MB/s]\r%s: 100%%|##########| %s/%s [00:01<00:00, 10.2MB/s]"
                    % (path, size, path, part, size, path, size, size))
        es("PUT", "/openfoodfacts_taxonomy-2024-05-11-02-44-11-902117", 200, 1.306)
        for k in range(5):
            es("PUT", "/_bulk?refresh=false", 200, 0.31 + k / 50)
        es("POST", "/openfoodfacts_taxonomy-2024-05-11-02-44-11-902117/_refresh", 200, 0.044)
        es("POST", "/_aliases", 200, 0.031)
        cli.info("Import time: %s seconds", 41.77319831)
        cli.info("Synonyms generation time: %s seconds", 3.0961847)

    def zettarepl_run(slot):
        """One of zettarepl's scheduler ticks (zettarepl.py run and
        _run_periodic_snapshot_tasks), the replication task's thread
        (replication/run.py) and the retention thread."""
        hh, mm = 14 + (45 + 15 * slot) // 60, (45 + 15 * slot) % 60
        name = "auto-2024-05-11_%02d-%02d" % (hh % 24, mm)
        tasks = Shown("[<Periodic Snapshot Task 'esdata-15min'>, <Periodic Snapshot Task 'redis-15min'>, "
                      "<Periodic Snapshot Task 'synonyms-15min'>]")
        zmain.info("Scheduled tasks: %r", tasks)
        snaps = [Snapshot(d, name) for d in DATASETS]
        for snap in snaps:
            create.info("On %r creating %s snapshot %r", Shown("<Shell(<LocalTransport()>)>"),
                        "recursive" if snap.dataset.endswith("esdata") else "non-recursive", snap)
            zmain.info("Created %r", snap)
        # The synonyms dataset rarely changes: its empty snapshots go.
        empty = [s for s in snaps if s.dataset.endswith("synonyms")]
        if slot % 4:
            zmain.info("Destroying empty snapshots: %r", empty)
            destroy.info("On %r for dataset %r destroying snapshots %r", Shown("<Shell(<LocalTransport()>)>"),
                         empty[0].dataset, {empty[0].name})
            snaps = snaps[:2]

        def replicate():
            if not state["ssh"]:
                paramiko.info("Connected (version 2.0, client OpenSSH_9.6p1)")
                paramiko.info("Authentication (publickey) successful!")
                state["ssh"] = True
            if slot == 5:
                run.warning("For task %r at attempt %d recoverable replication error %r", "offsite", 1,
                            Shown("RecoverableReplicationError('zfs send: cannot receive incremental stream: "
                                  "destination backup/search01/esdata has been modified\\nsince most recent "
                                  "snapshot')"))
                run.info("After recoverable error sleeping for %d seconds", 1)
            for snap in snaps:
                dst = snap.dataset.replace("tank/search", "backup/search01")
                run.info("For replication task %r: doing %s from %r to %r of snapshot=%r incremental_base=%r "
                         "include_intermediate=%r receive_resume_token=%r encryption=%r", "offsite", "push",
                         snap.dataset, dst, snap.name, state["base"], False,
                         "1-12a4b6c2e0-e8-789c636064000310a500c4ec50360710e72765a52697303030" if slot == 7 and
                         snap.dataset.endswith("esdata") else None, False)
            if slot == 7:
                run.info("Resuming replication for destination dataset %r", "backup/search01/esdata")
            if slot == 9:
                run.info("No snapshots to send for replication task %r on dataset %r", "offsite",
                         "tank/search/synonyms")
        in_thread("replication_task__offsite", replicate)
        state["base"] = name

        def retention():
            old = "auto-2024-05-09_%02d-%02d" % (hh % 24, mm)
            expired = [Snapshot(d, old) for d in DATASETS[:2]]
            zmain.info("Retention destroying local snapshots: %r", expired if slot % 3 == 0 else [])
            if slot % 3 == 0:
                for snap in expired:
                    destroy.info("On %r for dataset %r destroying snapshots %r", Shown("<Shell(<LocalTransport()>)>"),
                                 snap.dataset, {snap.name})
            remote = [Snapshot(d.replace("tank/search", "backup/search01"),
                               "auto-2024-04-27_%02d-%02d" % (hh % 24, mm)) for d in DATASETS[:2]]
            if slot == 6:
                zmain.warning("Remote retention failed on %r: error listing snapshots: %r", Shown(BACKUP),
                              Shown("SSHException('Error reading SSH protocol banner')"))
                return
            zmain.info("Retention on %r destroying snapshots: %r", Shown(BACKUP), remote if slot % 2 == 0 else [])
            if slot % 2 == 0:
                for snap in remote:
                    destroy.info("On %r for dataset %r destroying snapshots %r",
                                 Shown("<Shell(%s)>" % BACKUP), snap.dataset, {snap.name})
        in_thread("retention", retention)

    printed(stream, "+ exec zettarepl run /etc/zettarepl/definition.yaml")
    updater_start()
    n = 0
    for slot in range(12):
        for k in range(52 + slot * 7 % 13):
            product_update(n)
            n += 1
        if slot == 3:
            es_outage(n)
        if slot == 4:
            clock.warning("Time has stepped back (%r -> %r)", Shown("datetime.datetime(2024, 5, 11, 15, 45, 0, 412)"),
                          Shown("datetime.datetime(2024, 5, 11, 15, 44, 59, 998120)"))
        if slot == 8:
            nightly_import()
        zettarepl_run(slot)
    return {"name": "search-zettarepl", "programs": [sal, zr], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_rhasspy_rtl433(), stream_bubuku_snuba(), stream_search_zettarepl()])


if __name__ == "__main__":
    main()
