"""The 88-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout87.py`): six more programs'
own logging set-ups in three streams, chosen from IoT fleet management and
telemetry as platform and SRE teams run them in AWS (a LoRaWAN operator's
outdoor gateway, where Nebra's hotspot diagnostics (hm-diag) serves the
gateway's page and runs its hourly health jobs and Nebra's hm-config lets
the installer's phone provision the gateway's Wi-Fi over Bluetooth LE; a
solar farm's site gateway on ECS Anywhere, where hoymiles-mqtt polls the
Hoymiles DTU over Modbus TCP into MQTT and the ESPHome dashboard builds
and flashes over the air the site's ESP32 sensor nodes; a smart campus's
telemetry host on EC2, where VOLTTRON, in its Docker image, scrapes the
buildings' BACnet controllers into its historian and FIWARE QuantumLeap
keeps the history of the campus's NGSI entities that Orion notifies it
of), each format copied from the file named beside it (the version read
is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout88

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 6230de7 (session 32's end, no rule
written from this set), with nothing configured: 31.9% exact, 67.9% key
fields (asctime 100.0%, levelname 75.2%, name 92.7%, message 68.9%).

Formatters and filters. hm-diag and hm-config use logging.Formatter with
hm-pyhelper's get_logger format (hm-config keeps a copy of it): time, the
level in brackets, the logger's name, "(file).function", " -- ", the full
path, ":(line)" and the message, " - " between them, on a StreamHandler
(stderr) that get_logger adds to each module's logger at LOGLEVEL (DEBUG
unless set). In hm-diag seven views call logging.basicConfig at import, so
the root has BASIC_FORMAT's handler too: every get_logger record prints
twice, first in Nebra's format and then as "LEVEL:name:message", and the
modules that log through the root itself (tasks.py, gcs_shipper.py,
event_streamer.py, network.py, dashboard_registration.py: logging.info,
logging.getLogger()) print only the second; tasks.py sets the root to
DEBUG, so APScheduler's, Alembic's and urllib3's records reach it too.
Gunicorn's own lines (its Logger's error format, no access log) come from
the master and the worker. hm-config's records print once; its "Read
diagnostics" lines hold the diagnostics dict's repr, "Diagnostics are"
and "Going to write" hold protobuf bytes' reprs, the shared state's
record is an object's default repr, one message leaves its "%s" unfilled
and the environment dump ends with a newline. ESPHome's
ESPHomeLogFormatter (a Formatter subclass, reproduced) prints "time LEVEL
message", Python's default time, and wraps the record in the level's ANSI
colour; setup_log calls colorama.init() first, and colorama's wrapper
strips every escape sequence when stderr is no terminal, so no colour
reaches the stream (`ColoramaStderr`). Its records are the dashboard's
(web_server, core), Tornado's access lines through the dashboard's
log_function ("status METHOD uri (ip) time", warnings from 400) and one
tornado.application error with its traceback. hoymiles-mqtt's basicConfig
prints the time, the thread name cut and padded to twelve ("MainThread  ",
"Thread-12 (e"), the level cut and padded to five ("WARNI", "INFO "), two
spaces and the bracketed logger name; the root stays at WARNING, so
pymodbus's error reaches it. VOLTTRON's AgentFormatter (reproduced) puts a
composite name between the time and the level: "() name [line]" for the
platform's records, "(agent pid [line]) name" for an agent's record that
the platform relays (aip.py log_entries: the agent's JSON record, renamed
"agents.log", its remote name, process name and pid the agent's), "(agent
pid [0]) <stderr>" for each line an agent writes to stderr (a gevent
traceback becomes six ERROR records); the listener agent logs every pubsub
message with a pformat()ted, multi-line body, and the driver's scrape
failure is a message ending in a traceback's text. The image's first-start
script logs through volttron-docker's slogger format ("time LEVEL name
function:line — message", seconds only, an em dash). QuantumLeap's
RequestFormatter (a Formatter subclass, reproduced, the request standing
for Flask's) adds the request's correlator, peer, tenant and service path
and the notification's entities (a Python repr of a list of dicts, or
None) as fields of its format, the message between them, the time with a
12-hour clock ("%I"), ".msecs" and the worker's thread id and pid at the
end ("  | " before the pid); Gunicorn runs it at loglevel error, so only
the master's WORKER TIMEOUT lines print in Gunicorn's format. The
programs' process and thread ids that this process can't give are pinned
on their handlers (`Pin`).

Print lines: start_diagnostics.sh's and setenv.sh's echo lines, hm-config's
wait loop and dbus-send's reply, bluetoothctl's lines; the hoymiles-mqtt
container's entrypoint line; volttron-docker's entrypoint.sh and
bootstart.sh lines (printenv's variables among them), setup-platform.py's
print()s and sys.stdout.write()s (two of them without a newline, joined
to the next output), vctl install's "Agent ... installed and started"
lines.

The messages are modelled on the programs' source, read at the commits
cited: hm-diag's hw_diag/app.py, tasks.py, database/migrations.py,
utilities/ (network_watchdog.py, hardware.py, quectel.py, gcs_shipper.py,
event_streamer.py, network.py, dashboard_registration.py,
balena_migration.py), start_diagnostics.sh and setenv.sh, hm-pyhelper's
miner_param.py and hardware_definitions.py; hm-config's gatewayconfig/
(__main__.py, gatewayconfig_app.py, gatewayconfig_shared_state.py,
processors/, bluetooth/, gpio/button_common.py, constants.py),
start-gateway-config.sh and dbus-wait.sh (with their functions and line
numbers); ESPHome's esphome/log.py, __main__.py, dashboard/web_server.py,
core.py, dashboard.py and docker/; hoymiles-mqtt's __main__.py,
runners.py, ha.py and Dockerfile; VOLTTRON's volttron/platform/main.py,
aip.py, agent/utils.py, agent/base_historian.py, vip/agent/core.py,
examples/ListenerAgent, services/core/PlatformDriverAgent,
services/core/BACnetProxy, services/core/SQLHistorian,
control/install_agents.py, and volttron-docker's core/entrypoint.sh,
bootstart.sh, setup-platform.py, slogger.py and configs/; QuantumLeap's
src/app.py, server/wsgi.py, server/gconfig.py, reporter/reporter.py,
reporter/query_*.py, reporter/httputil.py, geocoding/geocoding.py and
translators/ (sql_translator.py, crate.py). Modelled rather than read:
the values (serial numbers, keys, MAC and IP addresses, SSIDs, device
names, topics, points and readings, entity ids, correlators, thread ids,
pids), the order and number of records, APScheduler's, Alembic's,
urllib3's, Gunicorn's, Tornado's and pymodbus's message texts (and
APScheduler naming a functools.partial job "partial"), the third-party
exception texts (dbus, requests, pymodbus, redis, crate, zmq), the
Bluetooth reads of the installer's app, bluetoothctl's and dbus-send's
output, the gevent traceback, and the protobuf bytes.

Left out: tinytuya's server (jasonacox/tinytuya 95bfbd8 server/server.py:
basicConfig with ANSI codes inside the format string itself), sml2mqtt
(spacemanspiff2007/sml2mqtt 79abe20d src/sml2mqtt/__log__.py: "{"-style
fields with specs), comitup (davesteele/comitup 1aa8d6f comitup/
comitup.py: a TimedRotatingFileHandler only), HABApp (its default
logging.yml writes files only), openWB (openWB/core 3039a21 packages/
helpermodules/logger.py: file and in-memory handlers), diyHue (diyhue/
diyHue ebd0eaf4 BridgeEmulator/logManager/logger.py: "%(asctime)s -
%(name)s - %(lineno)d - %(levelname)s - %(message)s", INFO and below to
stdout, WARNING up to stderr; kept for a later set), EMHASS
(davidusb-geek/emhass d4928d80 src/emhass/utils.py: "%(asctime)s -
%(name)s - %(levelname)s - %(message)s", a layout earlier sets hold),
aiocoap's tools (chrysn/aiocoap f867dc4: basicConfig() or colorlog),
rpi-mqtt-monitor and iotedgehubdev (no logging set-up found: print()s
and click), mqtt-exporter (in `heldout45.py`'s Left out), VOLTTRON's
agents outside the platform (utils.setup_logging's own formats, not seen
when the platform starts them), and the programs of these areas in
earlier sets or their Left out paragraphs: Home Assistant, AppDaemon,
Fledge, the ThingsBoard gateway, mqtt-io, mqttwarn, amqtt, Theengs
Gateway, ble2mqtt, bt-mqtt-gateway, switchbot-mqtt, emonHub, SunGather,
rtlamr2mqtt, insteon-mqtt, enocean-mqtt, PAI, pywws, WeeWX, Mycodo,
Wirepas, upparat, modbus-proxy, modbus4mqtt, OpenMotics, mpp-solar,
rauc-hawkbit, deye-inverter-mqtt, pyPowerwall, Frigate, OctoPrint,
Meshtastic, Rhasspy and rtl_433's bridge.
"""

import logging
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

import gunicorn.glogging  # noqa: E402

# Nebra's hotspot diagnostics (NebraLtd/hm-diag, 8584aea, hw_diag 1.0 with
# hm-pyhelper 0.14.36) and its BLE configuration service (NebraLtd/hm-config,
# d62188e, hm_config 1.0): hm_pyhelper/logger.py _log_format (NebraLtd/
# hm-pyhelper, 35f1ba2, 0.14.38; unchanged since 0.14.x) and hm-config's copy
# of it, gatewayconfig/logger.py _log_format, each on a StreamHandler()
# (stderr) that get_logger adds to every module's logger (level LOGLEVEL,
# "DEBUG" by default).
NEBRA = ("%(asctime)s - [%(levelname)s] - %(name)s - (%(filename)s).%(funcName)s -- %(pathname)s:(%(lineno)d) - "
         "%(message)s")
# hm-diag's views (hw_diag/views/diagnostics.py and six more) call
# logging.basicConfig(level=os.environ.get("LOGLEVEL", "DEBUG")) at import:
# the root gets BASIC_FORMAT on stderr, and every get_logger logger
# propagates to it, so its records print twice.
BASIC = logging.BASIC_FORMAT
# ESPHome 2024.11.0-dev (esphome/esphome, 33fdbbe3), esphome/log.py
# ESPHomeLogFormatter(include_timestamp=True) (the dashboard command) on
# basicConfig's root StreamHandler (stderr), after colorama.init().
ESPHOME = "%(asctime)s %(levelname)s %(message)s"
# hoymiles-mqtt 0.11.0 (wasilukm/hoymiles-mqtt, 03b7cec), hoymiles_mqtt/
# __main__.py _setup_logger's logging.basicConfig (root, StreamHandler
# (sys.stdout) with LOG_TO_CONSOLE; the root stays at WARNING, the
# "hoymiles_mqtt" logger at LOG_LEVEL).
HOYMILES = "%(asctime)s [%(threadName)-12.12s] [%(levelname)-5.5s]  [%(name)s] %(message)s"
# VOLTTRON 9.0.4 (VOLTTRON/volttron, d7db2818), volttron/platform/agent/
# utils.py AgentFormatter's default format, set by volttron/platform/main.py
# log_to_file(sys.stderr, level) (no -l given: `volttron -vv`, as
# VOLTTRON/volttron-docker's core/bootstart.sh runs it).
VOLTTRON = "%(asctime)s %(composite_name)s %(levelname)s: %(message)s"
# VOLTTRON/volttron-docker (60468d9), core/slogger.py FORMATTER: the
# first-start setup script's StreamHandler(sys.stdout).
SLOGGER = "%(asctime)s %(levelname)s %(name)s %(funcName)s:%(lineno)d \u2014 %(message)s"
SLOGGER_DATEFMT = "%Y-%m-%d %H:%M:%S"
# FIWARE QuantumLeap 1.0.1-dev (orchestracities/ngsi-timeseries-api,
# b0b3f8ea), src/app.py's RequestFormatter, set on flask.logging's
# default_handler (wsgi_errors_stream: stderr under Gunicorn), which
# setup() adds to the root (LOGLEVEL, INFO by default).
QUANTUMLEAP = ("time=%(asctime)s.%(msecs)03d | level=%(levelname)s | corr=%(corr)s | from=%(remote_addr)s | "
               "srv=%(srv)s | subserv=%(subserv)s | op=%(funcName)s | comp=%(name)s | msg=%(message)s | "
               "payload=%(payload)s | thread=%(thread)d  | process=%(process)d")
QUANTUMLEAP_DATEFMT = "%Y-%m-%d %I:%M:%S"

DIAG_PY = "/opt/python-dependencies/lib/python3.11/site-packages/"
CFG_PY = "/opt/venv/lib/python3.9/site-packages/"
VOLTTRON_SRC = "/code/volttron/"


class Pin(logging.Filter):
    """Standard attributes a program's records carry that this process
    can't give them (another process's id, a worker thread's id or name),
    set on the program's handler; change `values` as the program would."""

    def __init__(self, **values):
        super().__init__()
        self.values = values

    def filter(self, record):
        record.__dict__.update(self.values)
        return True


def proto(field, data):
    """A protobuf length-delimited field, as SerializeToString writes it."""
    return bytes([field << 3 | 2, len(data)]) + data


def lg2(name, *programs):
    """A logger whose records reach several programs' handlers in turn: its
    own get_logger handler, then the root's, where it propagates."""
    log = logging.Logger(name, logging.DEBUG)
    for p in programs:
        log.addHandler(p.handler)
    return log


def stamp(t):
    """A timezone-aware datetime as str() prints it."""
    import datetime
    return str(datetime.datetime.fromtimestamp(round(t, 6), datetime.timezone.utc))


def gunicorn_formatter():
    """gunicorn's error log formatter, built from its Logger's own
    error_fmt and datefmt."""
    return logging.Formatter(gunicorn.glogging.Logger.error_fmt, gunicorn.glogging.Logger.datefmt)


# --------------------------------------------------------------------------
# A LoRaWAN operator's outdoor gateway (a Nebra Outdoor Hotspot, balenaOS;
# the operator's log forwarder ships the device's containers to one
# CloudWatch stream per gateway): hm-diag serves the gateway's diagnostics
# page and runs its hourly health jobs under Gunicorn, hm-config lets the
# installer's phone configure the gateway's Wi-Fi over Bluetooth LE.

SERIAL = "00000000a3e1f25c"
ETH0 = "B8:27:EB:4F:2A:91"
WLAN0 = "B8:27:EB:C1:07:3E"
PUBKEY = "112qB3YaH5bZkCnKA5uRH7tBtGNv2Y5B8smv1jufA6D7xXqXs5oF"
ANIMAL = "dapper-cinnamon-gazelle"
VARIANT = {'FRIENDLY': 'Nebra Outdoor Hotspot Gen 1', 'SUPPORTED_MODELS': ['Nebra Outdoor Hotspot Gen 1'],
           'CPU_ARCH': 'arm64', 'BALENA_DEVICE_TYPE': ['raspberrypi3-64'], 'SPIBUS': 'spidev1.2',
           'SWARM_KEY_URI': ['ecc://i2c-1:96?slot=0'], 'ONBOARDING_KEY_URI': ['ecc://i2c-1:96?slot=0'], 'RESET': 38,
           'MAC': 'eth0', 'STATUS': 25, 'BUTTON': 24, 'ECCOB': True, 'TYPE': 'Full', 'CELLULAR': True,
           'FCC_IDS': ['2AZDM-HNTOUT'], 'CONTAINS_FCC_IDS': ['2ARPP-GL5712UX', '2AZDM-CSR8510', 'XMR201903EG25G',
                                                          '2AZDM-WIFIRP'],
           'IC_IDS': ['27187-HNTOUT'], 'CONTAINS_IC_IDS': []}
SSIDS = ["Vineyard-Office", "Vineyard-Office-5G", "DIRECT-7F-HP OfficeJet 8010", "Cellar Guest", "VINE-IOT",
         "Vodafone-A41C2B", "", "Pressing Hall AP"]


def stream_nebra_hotspot():
    stream = []
    diag = Program("hm-diag", "DIAG-APP", logging.Formatter(NEBRA), stream)
    basic = Program("hm-diag-root", "root", logging.Formatter(BASIC), stream)
    gun = Program("gunicorn", "gunicorn.error", gunicorn_formatter(), stream)
    cfg = Program("hm-config", "__main__", logging.Formatter(NEBRA), stream)
    gpid = Pin(process=31)
    gun.handler.addFilter(gpid)
    glog = lg(gun, "gunicorn.error")

    # hm-diag's get_logger loggers: their own handler, then the root's.
    app = lg2("DIAG-APP", diag, basic)
    wd = lg2("hw_diag.utilities.network_watchdog", diag, basic)
    hw = lg2("hw_diag.utilities.hardware", diag, basic)
    qt = lg2("hw_diag.utilities.quectel", diag, basic)
    sup = lg2("hw_diag.utilities.balena_supervisor", diag, basic)
    mfr = lg2("hm_pyhelper.miner_param", diag, basic)
    # ...and the modules that log through the root itself (logging.info,
    # logging.getLogger()), or libraries the root's DEBUG level lets through.
    root = lg(basic, "root")
    aps = lg(basic, "apscheduler.scheduler")
    apx = lg(basic, "apscheduler.executors.default")
    alembic = lg(basic, "alembic.runtime.migration")
    pool = lg(basic, "urllib3.connectionpool")

    # hm-config's loggers (no root handler: each record prints once).
    cmain = lg(cfg, "__main__")
    capp = lg(cfg, "gatewayconfig.gatewayconfig_app")
    cstate = lg(cfg, "gatewayconfig.gatewayconfig_shared_state")
    cmfr = lg(cfg, "hm_pyhelper.miner_param")
    cdiag = lg(cfg, "gatewayconfig.processors.diagnostics_processor")
    cadvp = lg(cfg, "gatewayconfig.processors.bluetooth_advertisement_processor")
    cadv = lg(cfg, "gatewayconfig.bluetooth.advertisements.bluetooth_connection_advertisement")
    chars = {k: lg(cfg, "gatewayconfig.bluetooth.characteristics." + k) for k in (
        "diagnostics_characteristic", "wifi_services_characteristic", "wifi_connect_characteristic",
        "wifi_ssid_characteristic", "wifi_configured_services_characteristic", "public_key_characteristic",
        "onboarding_key_characteristic", "mac_address_characteristic", "ethernet_online_characteristic",
        "firmware_revision_characteristic", "software_version_characteristic", "lights_characteristic")}
    cbtn = lg(cfg, "gatewayconfig.gpio.button_common")

    def d(log, path, line, func, msg, *args, level=logging.INFO, exc=None):
        at(log, level, DIAG_PY + path, line, func, msg, *args, exc=exc)

    def c(log, path, line, func, msg, *args, level=logging.DEBUG, exc=None):
        at(log, level, CFG_PY + path, line, func, msg, *args, exc=exc)

    def ch(name, line, func, msg, *args, level=logging.DEBUG, exc=None):
        c(chars[name], "gatewayconfig/bluetooth/characteristics/%s.py" % name, line, func, msg, *args, level=level,
          exc=exc)

    def sched_next(seconds):
        aps.debug("Looking for jobs to run")
        aps.debug("Next wakeup is due at %s (in %f seconds)", stamp(realworld.CLOCK.t + seconds), seconds)

    def job(name, trigger, body, every=3600):
        # apscheduler's Job.__str__: the next run time, seconds only (None
        # once a date trigger has fired).
        nxt = "None" if every is None else stamp(realworld.CLOCK.t + every)[:19] + " UTC"
        label = '"%s (trigger: %s, next run at: %s)"' % (name, trigger, nxt)
        apx.info("Running job %s (scheduled at %s)", label, stamp(realworld.CLOCK.t - 0.0021))
        body()
        apx.info("Job %s executed successfully", label)

    def mfr_key(log, base):
        # hm_pyhelper.miner_param.run_gateway_mfr: subprocess.run's bytes.
        out = ('b\'{\\n  "key": "%s",\\n  "name": "%s"\\n}\\n\'' % (PUBKEY, ANIMAL))
        at(log, logging.INFO, base + "hm_pyhelper/miner_param.py", 38, "run_gateway_mfr",
           "gateway_mfr response stdout: " + out)
        at(log, logging.INFO, base + "hm_pyhelper/miner_param.py", 39, "run_gateway_mfr",
           "gateway_mfr response stderr: b''")

    def diagnostics_json(ok):
        return {'BT': True, 'E0': ETH0, 'ECC': True, 'FR': '868', 'FW': '2024.10.29.1', 'ID': SERIAL,
                'LOR': ok, 'LTE': True, 'OK': PUBKEY, 'PF': ok, 'PK': PUBKEY, 'AN': ANIMAL, 'RE': 'EU868',
                'VA': 'NEBHNT-OUT1', 'W0': WLAN0, 'BN': 'nebra-outdoor1', 'ETH_OK': False,
                'last_updated': now("%H:%M UTC %d %b %Y"), 'commercial_fleet': False, 'nebra_fleet': False}

    def gunicorn_start():
        gpid.values["process"] = 31
        glog.info("Starting gunicorn %s", "22.0.0")
        glog.info("Listening at: %s (%s)", "http://0.0.0.0:80", 31)
        glog.info("Using worker: %s", "sync")
        gpid.values["process"] = 34
        glog.info("Booting worker with pid: %s", 34)

    def diag_start():
        printed(stream, "FREQ is set as 868.")
        printed(stream, "VARIANT is set as NEBHNT-OUT1.")
        gunicorn_start()
        root.info("Running DB migrations in %r on %r", "/opt/migrations/migrations", "sqlite:////var/data/hm_diag.db")
        alembic.info("Context impl SQLiteImpl.")
        alembic.info("Will assume non-transactional DDL.")
        aps.info("Scheduler started")
        sched_next(3599.998)
        for name in ("run_ship_diagnostics_task", "run_quectel_health_task", "partial", "partial",
                     "run_balena_migration_task", "partial"):
            aps.info('Added job "%s" to job store "default"', name)
        sched_next(119.996871)
        root.info("Hostname already set!")

    def ble_devices():
        return [{'Address': 'B8:27:EB:C1:07:3F', 'Name': 'hci0', 'Powered': True}]

    def lte_devices():
        return [{'Model': 'EG25', 'Manufacturer': 'QUALCOMM INCORPORATED', 'Revision': 'EG25GGBR07A08M2G',
                 'EquipmentIdentifier': '866349045812736'}]

    def ship_diagnostics(net_ok=True, pktfwd=True):
        root.info("Running periodic hardware diagnostics")
        mfr_key(mfr, DIAG_PY)
        if not pktfwd:
            d(hw, "hw_diag/utilities/hardware.py", 372, "lora_module_test",
              "File /var/pktfwd/diagnostics doesn't exit yet. Most likely pktfwd container hasn't started yet",
              level=logging.ERROR)
        d(hw, "hw_diag/utilities/hardware.py", 106, "get_ble_devices", "Retrieving list of BLE device(s)")
        d(hw, "hw_diag/utilities/hardware.py", 129, "get_ble_devices",
          f"Found the following BLE Devices: {ble_devices()}")
        d(hw, "hw_diag/utilities/hardware.py", 175, "get_lte_devices", "Retrieving list of LTE device(s)")
        d(hw, "hw_diag/utilities/hardware.py", 202, "get_lte_devices",
          f"Found the following LTE Devices: {lte_devices()}")
        root.info("Submitting diagnostics to GCS bucket - %s" % "helium-miner-data")
        pool.debug("Starting new HTTPS connection (%d): %s:%s", 1, "www.googleapis.com", 443)
        if net_ok:
            name = "%064x" % (0x5e1f0c2d9b3a7e4f1c0d2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2 ^ int(
                realworld.CLOCK.t * 1000))
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", "www.googleapis.com", 443, "POST",
                       "/upload/storage/v1/b/helium-miner-data/o?uploadType=media&name=" + name, "HTTP/1.1", 200, 812)
            root.info("Diagnostics Submitted to GCS Bucket Successfully")
        else:
            root.error("Error submitting diagnostics to GCS bucket: %s" % (
                "HTTPSConnectionPool(host='www.googleapis.com', port=443): Max retries exceeded with url: "
                "/upload/storage/v1/b/helium-miner-data/o?uploadType=media&name=9f2c41d07be5a3c8e1d64f0b27a9c5e3"
                "d8f1a06b4c2e97d35f8a1b0c6e4d2f7a9 (Caused by NameResolutionError(\"<urllib3.connection."
                "HTTPSConnection object at 0x7f8e2c4a90>: Failed to resolve 'www.googleapis.com' ([Errno -3] "
                "Temporary failure in name resolution)\"))"))
        root.info("Diagnostics complete")

    uptime = [3 * 3600 + 12 * 60 + 41]

    def upload_event(kind, action, msg, ok=True):
        event = {"event_type": kind, "action_type": action, "msg": msg, "serial": SERIAL, "variant": "NEBHNT-OUT1",
                 "firmware_version": "2024.10.29.1", "region_override": "EU868",
                 "uptime_hours": round(uptime[0] / 3600, 2), "packet_errors": 0,
                 "generated_ts": round(realworld.CLOCK.t, 6), "network_state": kind if kind.startswith("NETWORK")
                 else "NETWORK_INTERNET_CONNECTED", "balena_device_uuid": "9e41c2b7d08a4f5e8c3a1b6d2e7f0c94",
                 "balena_app_name": "vineyard-lorawan", "device_cpu_usage": 7.4}
        import json
        root.debug(f"uploading event: {json.dumps(event)}")
        pool.debug("Starting new HTTPS connection (%d): %s:%s", 1, "www.googleapis.com", 443)
        if ok:
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", "www.googleapis.com", 443, "POST",
                       "/upload/storage/v1/b/helium-miner-events/o?uploadType=media&name=%s-%s.json" % (
                           SERIAL, event["generated_ts"]), "HTTP/1.1", 200, 796)
            root.debug("event Submitted to GCS Bucket Successfully")
        else:
            root.error("Error submitting event to GCS bucket: %s" % "('Connection aborted.', "
                       "RemoteDisconnected('Remote end closed connection without response'))")

    lost = [0]

    def watchdog(reach_internet=True, reach_gateway=True):
        w = "hw_diag/utilities/network_watchdog.py"
        d(wd, w, 160, "ensure_network_connection", "Ensuring the network connection...")
        hours, rest = divmod(uptime[0], 3600)
        d(wd, w, 163, "ensure_network_connection", "OS has been up for %d:%02d:%02d.%06d" % (
            hours, rest // 60, rest % 60, (uptime[0] * 7919) % 1000000))
        for ip in ("8.8.8.8", "1.1.1.1"):
            d(wd, w, 74 if reach_internet else 76, "is_ping_reachable",
              f"{ip} is {'' if reach_internet else 'not '}reachable.")
            if reach_internet:
                break
        if not reach_internet:
            d(wd, w, 74 if reach_gateway else 76, "is_ping_reachable",
              f"192.168.8.1 is {'' if reach_gateway else 'not '}reachable.")
        if reach_internet or reach_gateway:
            lost[0] = 0
            d(wd, w, 171, "ensure_network_connection", "Network is working.")
            upload_event("NETWORK_INTERNET_CONNECTED" if reach_internet else "NETWORK_LOCAL_CONNECTED",
                         "ACTION_NONE", "Network is working.", ok=reach_internet)
            return
        lost[0] += 1
        d(wd, w, 177, "ensure_network_connection", f"Network is not connected! Lost connectivity count={lost[0]}",
          level=logging.WARNING)
        if lost[0] >= 3:
            d(wd, w, 181, "ensure_network_connection", "Reached threshold for system reboot to recover network.",
              level=logging.WARNING)
            # The message's second line is a statement of its own in the
            # source: it never reaches the message.
            d(wd, w, 186, "ensure_network_connection", "Hotspot has been restarted already within 24hour(s).")
            return
        msg = "Reached threshold for Network Manager restart to recover network."
        d(wd, w, 208, "ensure_network_connection", msg, level=logging.WARNING)
        d(wd, w, 109, "restart_network_manager", "Network manager restarted: True")

    def quectel():
        q = "hw_diag/utilities/quectel.py"
        for fw in ("EG25GGBR07A08M2G_01.001.01.001", "EG25GGBR07A08M2G_30.006.30.006"):
            d(qt, q, 120, "download_modem_firmware", f"{fw} already present, skipping download")
        d(qt, q, 394, "ensure_quectel_health", "lets ensure that UE_MODE is set to DATA_CENTRIC")
        d(qt, q, 224, "setting_needs_update", "Setting is already correct 1")
        d(qt, q, 396, "ensure_quectel_health", "lets ensure that service domain is PS")
        d(qt, q, 224, "setting_needs_update", "Setting is already correct 1")
        d(qt, q, 404, "ensure_quectel_health",
          "skipping quectel firmware update because UPDATE_QUECTEL_EG25G_MODEM is not set")

    # -- hm-config waits for the diagnostics container, then for D-Bus ----
    printed(stream, "Diagnostics container not ready. Going to sleep.")
    diag_start()
    printed(stream, "Diagnostics container not ready. Going to sleep.")
    printed(stream, "method return time=%s sender=org.freedesktop.DBus -> destination=:1.4 serial=3 "
            "reply_serial=2" % ("%.6f" % realworld.CLOCK.t))
    printed(stream, "   array [")
    for name in ('"org.freedesktop.DBus"', '":1.4"', '"com.helium.Config"'):
        printed(stream, "      string " + name)
    printed(stream, "   ]")
    printed(stream, "DBus is now accepting connections")
    printed(stream, "Agent registered")
    printed(stream, "[bluetooth]# pairable off")
    printed(stream, "Changing pairable off succeeded")
    printed(stream, "FREQ is set as 868.")
    printed(stream, "VARIANT is set as NEBHNT-OUT1.")
    c(cmain, "gatewayconfig/__main__.py", 34, "validate_env", (
        "Starting with the following ENV:\n        SENTRY_DSN=%s\n        BALENA_APP_NAME=%s\n        "
        "BALENA_DEVICE_UUID=%s\n        VARIANT=%s\n        ETH0_MAC_ADDRESS_FILEPATH=%s\n        "
        "WLAN0_MAC_ADDRESS_FILEPATH=%s\n        DIAGNOSTICS_JSON_URL=%s\n        ETHERNET_IS_ONLINE_FILEPATH=%s\n"
        "        FIRMWARE_VERSION=%s\n") % (None, "vineyard-lorawan", "9e41c2b7d08a4f5e8c3a1b6d2e7f0c94",
                                           "NEBHNT-OUT1", "/sys/class/net/eth0/address",
                                           "/sys/class/net/wlan0/address", "http://diagnostics/json",
                                           "/sys/class/net/eth0/carrier", "2024.10.29.1"))
    c(capp, "gatewayconfig/gatewayconfig_app.py", 50, "__init__", "Read eth0 mac address {} and wlan0 {}".format(
        ETH0, WLAN0))
    mfr_key(cmfr, CFG_PY)
    ch("diagnostics_characteristic", 52, "new_diagnostics_proto", "New Diagnostics Proto")
    c(cadv, "gatewayconfig/bluetooth/advertisements/bluetooth_connection_advertisement.py", 12, "__init__",
      "Creating advertisement with MAC %s and variant details %s" % (ETH0.replace(":", ""), VARIANT))
    c(capp, "gatewayconfig/gatewayconfig_app.py", 72, "start", "Starting ConfigApp")
    bap = "gatewayconfig/processors/bluetooth_advertisement_processor.py"
    dpp = "gatewayconfig/processors/diagnostics_processor.py"
    c(cdiag, dpp, 49, "run", "Fast diagnostics refresh triggered. Will run for 60 seconds")
    c(cdiag, dpp, 35, "schedule_stop_fast_diagnostics", "scheduled stop fast diagnostics in %s seconds", 1800)
    c(cadvp, bap, 49, "run", "Running BluetoothAdvertisementProcessor")
    c(cadvp, bap, 25, "start_advertisement", "Starting Bluetooth advertisement")
    c(cadvp, bap, 40, "schedule_stop_advertisement", "scheduled stop advertisement in %s seconds", 300)
    state_obj = "<gatewayconfig.gatewayconfig_shared_state.GatewayconfigSharedState object at 0x7f9a3c1e80>"

    def diag_cycle(ok):
        c(cdiag, dpp, 55, "run", "Running DiagnosticsProcessor")
        c(cdiag, dpp, 60, "read_diagnostics_and_get_ok", "Reading diagnostics from %s" % "http://diagnostics/json")
        c(cdiag, dpp, 63, "read_diagnostics_and_get_ok", "Read diagnostics %s" % diagnostics_json(ok))
        c(cdiag, dpp, 57, "run", Shown(state_obj))

    def read_diagnostics_ble():
        ch("diagnostics_characteristic", 34, "ReadValue", "Read diagnostics")
        for line, msg in ((83, "Diagnostics miner_bus"), (85, "Diagnostics miner_object")):
            ch("diagnostics_characteristic", line, "get_p2pstatus", msg)
        ch("diagnostics_characteristic", 99, "get_p2pstatus", "DBUS P2P FAIL", level=logging.WARNING)

        def read_value():
            def get_p2pstatus():
                def get_object():
                    raised("dbus.exceptions", "DBusException", "org.freedesktop.DBus.Error.ServiceUnknown: The name "
                           "com.helium.Miner was not provided by any .service files")
                get_object()
            get_p2pstatus()
        try:
            read_value()
        except Exception as ex:
            ch("diagnostics_characteristic", 41, "ReadValue", "Unexpected exception while trying to read "
               "diagnostics: %s" % str(ex), level=logging.ERROR, exc=True)
        fields = [("connected", "no"), ("dialable", "no"), ("eth", ETH0), ("fw", "2024.10.29.1"),
                  ("height", "none"), ("ip", "192.168.8.214"), ("nat_type", "none"), ("wifi", WLAN0)]
        blob = b"".join(proto(1, proto(1, k.encode()) + proto(2, v.encode())) for k, v in fields)
        ch("diagnostics_characteristic", 44, "ReadValue", "Diagnostics are %s" % blob)

    def onboarding(password_ok):
        # The installer's phone reads the gateway, scans and joins Wi-Fi.
        ch("firmware_revision_characteristic", 19, "ReadValue", "Read Firmware")
        ch("mac_address_characteristic", 23, "ReadValue", "Read Mac Address")
        ch("public_key_characteristic", 23, "ReadValue", "Read Public Key")
        ch("public_key_characteristic", 25, "ReadValue", "Read Public Key: %s", PUBKEY)
        ch("onboarding_key_characteristic", 22, "ReadValue", "Read Onboarding Key")
        ch("onboarding_key_characteristic", 25, "ReadValue", "Onboarding key:  %s" % PUBKEY)
        ch("ethernet_online_characteristic", 25, "ReadValue", "Read Ethernet Online from %s" %
           "/sys/class/net/eth0/carrier")
        ch("ethernet_online_characteristic", 28, "ReadValue", "Ethernet is online: %s" % "false")
        read_diagnostics_ble()
        ch("wifi_ssid_characteristic", 25, "ReadValue", "Read WiFi SSID")
        for s in ("Vineyard-Office", "Cellar Guest"):
            ch("wifi_ssid_characteristic", 39, "ReadValue", "SSID not in use: %s" % s)
        ch("wifi_services_characteristic", 27, "ReadValue", "Read WiFi Services")
        known = []
        for s in SSIDS:
            ch("wifi_services_characteristic", 36, "ReadValue", "Inspecting SSID %s" % s)
            if s and s not in known:
                ch("wifi_services_characteristic", 39, "ReadValue", "%s is a valid ssid" % s)
                ch("wifi_services_characteristic", 43, "ReadValue", "%s ssid is unknown" % s)
                known.append(s)
        ch("wifi_services_characteristic", 46, "ReadValue", "Finished getting known wifi services")
        blob = b"".join(proto(1, k.encode()) for k in known)
        ch("wifi_services_characteristic", 49, "ReadValue", "Going to write %s" % blob)
        ch("wifi_configured_services_characteristic", 25, "ReadValue", "Read Wifi CONFIGURED Services")
        for conn in ("Wired connection 1", "balena-hotspot", "Vineyard-Office"):
            ch("wifi_configured_services_characteristic", 31, "ReadValue", "Considering connection %s" % conn)
            if conn == "Vineyard-Office":
                # The source's format string is never filled in.
                ch("wifi_configured_services_characteristic", 34, "ReadValue",
                   "Adding connection %s to configured wifi services")
        ch("wifi_connect_characteristic", 101, "StartNotify", "Notify WiFi Connect")
        ch("wifi_connect_characteristic", 113, "WriteValue", "Write WiFi Connect")
        ch("wifi_connect_characteristic", 128, "WriteValue", "Connecting to %s is started" % "Pressing Hall AP")
        ch("wifi_connect_characteristic", 82, "connect_to_wifi", "Connect to WiFi")
        ch("wifi_connect_characteristic", 61, "check_wifi_status", "Check WiFi Connect")
        if not password_ok:
            ch("wifi_connect_characteristic", 78, "check_wifi_status", "Wifi status is %s" % "invalid")
            ch("wifi_connect_characteristic", 133, "ReadValue", "Read WiFi Connect")
            ch("wifi_connect_characteristic", 113, "WriteValue", "Write WiFi Connect")
            ch("wifi_connect_characteristic", 128, "WriteValue", "Connecting to %s is started" % "Pressing Hall AP")
            ch("wifi_connect_characteristic", 82, "connect_to_wifi", "Connect to WiFi")
            ch("wifi_connect_characteristic", 61, "check_wifi_status", "Check WiFi Connect")
        ch("wifi_connect_characteristic", 78, "check_wifi_status", "Wifi status is %s" % "connected")
        ch("wifi_connect_characteristic", 133, "ReadValue", "Read WiFi Connect")
        ch("wifi_ssid_characteristic", 25, "ReadValue", "Read WiFi SSID")
        ch("wifi_ssid_characteristic", 36, "ReadValue", "SSID in use: %s" % "Pressing Hall AP")
        ch("lights_characteristic", 23, "ReadValue", "Read Lights")

    # -- the first half hour: fast diagnostics, the installer on site -----
    for minute in range(30):
        ok = minute >= 9
        diag_cycle(ok)
        if minute == 3:
            onboarding(password_ok=False)
        if minute == 5:
            c(cadvp, bap, 43, "stop_advertisement", "Stopping Bluetooth advertisement")
        if minute == 2:
            # register_third_party_miner: a Nebra unit is registered at the factory.
            job("partial", "date[%s UTC]" % now("%Y-%m-%d %H:%M:%S"),
                lambda: root.info("nebra devices are registered in manufacturing"), every=None)
            sched_next(3480.114)
            job("run_quectel_health_task", "interval[1:00:00]", quectel)
            sched_next(3471.906)
        if minute == 8:
            # pktfwd's container is up: the hourly ship runs early once
            # (its jitter), the gateway now passes.
            job("run_ship_diagnostics_task", "interval[1:00:00]", lambda: ship_diagnostics(pktfwd=minute > 8))
            sched_next(1688.2)
    c(cdiag, dpp, 38, "stop_fast_diagnostics", "Stopping fast diagnostics refresh.")

    # -- the following hours: hm-diag's hourly jobs ----------------------
    for hour in range(11):
        uptime[0] += 3600
        net_down = hour in (5, 6)
        job("partial", "interval[1:00:00]", lambda: watchdog(reach_internet=not net_down,
                                                            reach_gateway=hour != 6))
        sched_next(612.5 + hour * 13)
        job("run_ship_diagnostics_task", "interval[1:00:00]", lambda: ship_diagnostics(net_ok=not net_down))
        sched_next(1450.0 + hour * 7)
        job("run_quectel_health_task", "interval[1:00:00]", quectel)
        sched_next(1820.25 - hour * 11)
        if hour == 6:
            # The watchdog brought its next run 15 minutes forward.
            job("partial", "interval[1:00:00]", lambda: watchdog(reach_internet=False, reach_gateway=False))
            job("partial", "interval[1:00:00]", lambda: watchdog(reach_internet=True))
            sched_next(2705.0)
        if hour == 2:
            job("partial", "interval[1 day, 0:00:00]", lambda: upload_event("HEARTBEAT", "ACTION_NONE", ""),
                every=86400)
            job("run_balena_migration_task", "interval[1 day, 0:00:00]", lambda: (
                d(app, "hw_diag/app.py", 72, "run_balena_migration_task", "running nebra cloud migration task",
                  level=logging.WARNING),
                at(lg2("hw_diag.utilities.balena_migration", diag, basic), logging.WARNING,
                   DIAG_PY + "hw_diag/utilities/balena_migration.py", 29, "attempt_device_migration",
                   "NEBRAOS_MIGRATION_TOKEN should be provided by environment")), every=86400)
            sched_next(3140.7)
        if hour % 3 == 1:
            # The hotspot's LED keeps the config app's diagnostics current.
            diag_cycle(True)
        if hour == 7:
            # The installer comes back and holds the button: advertise again.
            c(cbtn, "gatewayconfig/gpio/button_common.py", 43, "process_press", "Button pressed for first time")
            c(cbtn, "gatewayconfig/gpio/button_common.py", 56, "trigger_when_held_after_hold_seconds",
              "Button pressed down for `hold_seconds` (%s secs)" % 5)
            c(capp, "gatewayconfig/gatewayconfig_app.py", 199, "start_bluetooth_advertisement",
              "Starting bluetooth advertisement")
            c(cadvp, bap, 25, "start_advertisement", "Starting Bluetooth advertisement")
            c(cadvp, bap, 33, "schedule_stop_advertisement", "cancelling existing stop advertisement timer")
            c(cadvp, bap, 40, "schedule_stop_advertisement", "scheduled stop advertisement in %s seconds", 300)
            c(cdiag, dpp, 28, "schedule_stop_fast_diagnostics", "cancelling existing stop fast diagnostic timer")
            c(cdiag, dpp, 35, "schedule_stop_fast_diagnostics", "scheduled stop fast diagnostics in %s seconds",
              1800)
            for _ in range(4):
                diag_cycle(True)
            read_diagnostics_ble()
            ch("wifi_ssid_characteristic", 25, "ReadValue", "Read WiFi SSID")
            ch("wifi_ssid_characteristic", 36, "ReadValue", "SSID in use: %s" % "Pressing Hall AP")
            c(cadvp, bap, 43, "stop_advertisement", "Stopping Bluetooth advertisement")
        if hour == 9:
            # The fleet pushes a new release: balena restarts the containers.
            gpid.values["process"] = 31
            glog.info("Handling signal: %s", "term")
            gpid.values["process"] = 34
            glog.info("Worker exiting (pid: %s)", 34)
            gpid.values["process"] = 31
            glog.info("Shutting down: %s", "Master")
            diag_start()
            printed(stream, "Diagnostics container not ready. Going to sleep.")
            printed(stream, "DBus is now accepting connections")
            c(capp, "gatewayconfig/gatewayconfig_app.py", 50, "__init__", "Read eth0 mac address {} and wlan0 {}"
              .format(ETH0, WLAN0))
            mfr_key(cmfr, CFG_PY)

            def load():
                def get_public_keys_rust():
                    def run_gateway_mfr():
                        raised("hm_pyhelper.exceptions", "ResourceBusyError",
                               "ECC is busy now: the lock is held by another process")
                    run_gateway_mfr()
                get_public_keys_rust()
            try:
                load()
            except Exception:
                c(cstate, "gatewayconfig/gatewayconfig_shared_state.py", 48, "load_public_key",
                  "Unable to read public key.", level=logging.ERROR, exc=True)
            c(capp, "gatewayconfig/gatewayconfig_app.py", 72, "start", "Starting ConfigApp")
            c(cdiag, dpp, 49, "run", "Fast diagnostics refresh triggered. Will run for 60 seconds")
            c(cdiag, dpp, 35, "schedule_stop_fast_diagnostics", "scheduled stop fast diagnostics in %s seconds",
              1800)
            c(cadvp, bap, 49, "run", "Running BluetoothAdvertisementProcessor")
            c(cadvp, bap, 25, "start_advertisement", "Starting Bluetooth advertisement")
            c(cadvp, bap, 40, "schedule_stop_advertisement", "scheduled stop advertisement in %s seconds", 300)
            for minute in range(8):
                diag_cycle(True)
                if minute == 1:
                    c(cdiag, dpp, 81, "read_diagnostics", "Unexpected error when trying to read diagnostics file: "
                      "%s" % "HTTPConnectionPool(host='diagnostics', port=80): Read timed out. (read timeout=30)",
                      level=logging.WARNING)
            c(cadvp, bap, 43, "stop_advertisement", "Stopping Bluetooth advertisement")
    return {"name": "nebra-hotspot", "programs": [diag, basic, gun, cfg], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A solar farm's site gateway on ECS Anywhere (the CloudWatch agent ships
# both containers to one stream): hoymiles-mqtt polls the inverter field's
# Hoymiles DTU over Modbus TCP every minute and publishes it to the site's
# MQTT broker for Home Assistant; the ESPHome dashboard (port 6052) builds
# and flashes, over the air, the firmware of the site's ESP32 sensor nodes
# (irradiance, string currents, weather mast, cabinet temperatures).

# colorama's ANSI_CSI_RE (colorama/ansitowin32.py).
ANSI_CSI_RE = re.compile("\001?\033\\[((?:\\d|;)*)([a-zA-Z])\002?")


class ESPHomeLogFormatter(logging.Formatter):
    """esphome/log.py's ESPHomeLogFormatter, as written: the format, then
    the level's colour around the whole record."""

    def __init__(self, *, include_timestamp):
        fmt = "%(asctime)s " if include_timestamp else ""
        fmt += "%(levelname)s %(message)s"
        super().__init__(fmt=fmt, style="%")

    def format(self, record):
        formatted = super().format(record)
        prefix = {"DEBUG": "\033[36m", "INFO": "\033[32m", "WARNING": "\033[33m", "ERROR": "\033[31m",
                  "CRITICAL": "\033[31m"}.get(record.levelname, "")
        return f"{prefix}{formatted}\033[0m"


class ColoramaStderr(ESPHomeLogFormatter):
    """What reaches the container's output: setup_log calls colorama.init()
    before basicConfig, so the handler writes to colorama's StreamWrapper,
    whose AnsiToWin32 strips every escape sequence when stderr is no
    terminal (strip = need_conversion or not have_tty)."""

    def format(self, record):
        return ANSI_CSI_RE.sub("", super().format(record))


NODES = ["pyranometer-east", "pyranometer-west", "string-mon-a1", "string-mon-a2", "string-mon-b1", "weather-mast",
         "inverter-cabinet-1", "inverter-cabinet-2", "dtu-shed-climate"]
NODE_IPS = {n: "10.40.2.%d" % (21 + i) for i, n in enumerate(NODES)}
ENGINEERS = ["10.40.0.23", "10.40.0.31", "100.71.14.9"]
DTU = "192.168.30.12"
BROKER = "10.40.0.5"
DTU_SERIAL = "415223102887"
INVERTERS = ["141223617504", "141223617588"]


def stream_esphome_hoymiles():
    stream = []
    esp = Program("esphome", "root", ColoramaStderr(include_timestamp=True), stream)
    hm = Program("hoymiles-mqtt", "hoymiles_mqtt", logging.Formatter(HOYMILES), stream)
    thread = Pin(threadName="MainThread")
    hm.handler.addFilter(thread)
    web = lg(esp, "esphome.dashboard.web_server")
    access = lg(esp, "tornado.access")
    tapp = lg(esp, "tornado.application")
    core = lg(esp, "esphome.dashboard.core")
    runners = lg(hm, "hoymiles_mqtt.runners")
    ha = lg(hm, "hoymiles_mqtt.ha")
    pymodbus = lg(hm, "pymodbus.logging")

    def hit(status, method, uri, ip, ms):
        # make_app's log_function: info below 400, warning below 500.
        level = logging.INFO if status < 400 else logging.WARNING if status < 500 else logging.ERROR
        access.log(level, "%d %s %.2fms", status, "%s %s (%s)" % (method, uri, ip), ms)

    def health(n):
        hit(200, "GET", "/version", "127.0.0.1", 0.41 + (n * 37 % 50) / 100)

    def command(args, code=0):
        web.info("Running command '%s'", " ".join(["esphome", "--dashboard"] + args))
        return code

    def exited(code):
        web.info("Process exited with return code %s", code)

    # -- the containers start ---------------------------------------------
    printed(stream, "+ exec python3 -m hoymiles_mqtt")
    runners.info("Begin looping messages")
    web.info("Starting dashboard web server on http://%s:%s and configuration dir %s...", "0.0.0.0", 6052, "/config")

    publishes = [0]
    seen_totals = {}
    cycle_thread = [0]

    def topics():
        yield "homeassistant/hoymiles_mqtt/%s/state" % DTU_SERIAL
        for inv in INVERTERS:
            yield "homeassistant/hoymiles_mqtt/%s/state" % inv
            for port in range(1, 5):
                yield "homeassistant/hoymiles_mqtt/%s/%d/state" % (inv, port)

    def configs():
        for entity in ("pv_power", "today_production", "total_production", "alarm_flag"):
            yield "homeassistant/%s/%s/DTU_%s/config" % ("binary_sensor" if entity == "alarm_flag" else "sensor",
                                                        DTU_SERIAL, entity)
        for inv in INVERTERS:
            for entity in ("grid_voltage", "grid_frequency", "temperature", "operating_status", "alarm_code",
                           "alarm_count", "link_status"):
                yield "homeassistant/sensor/%s/inv_%s/config" % (inv, entity)
            for port in range(1, 5):
                for entity in ("pv_voltage", "pv_current", "pv_power", "today_production", "total_production"):
                    yield "homeassistant/sensor/%s/port_%d_%s/config" % (inv, port, entity)

    def query(n, fail=None, broker_down=False, regress=False, busy=False):
        """One run of HoymilesQueryJob.execute, in its own thread."""
        thread.values["threadName"] = "MainThread"
        runners.debug("Start acquire and send thread")
        cycle_thread[0] += 1
        thread.values["threadName"] = "Thread-%d (execute)" % cycle_thread[0]
        if busy:
            runners.warning("Previous data acquire and send was not finished before starting the next loop. "
                            "Perhaps query period is too small.")
            return
        runners.debug("Read data from DTU")
        if fail == "timeout":
            pymodbus.error("Connection to (%s, %s) failed: %s", DTU, 502, "timed out")

            def plant_data():
                def read_registers():
                    raised("pymodbus.exceptions", "ModbusIOException", "Modbus Error: [Input/Output] No response "
                           "received, expected at least 8 bytes (0 received)")
                read_registers()
            try:
                plant_data()
            except Exception:
                runners.warning("Failed to read data from DTU via Modbus. Will retry.")
            runners.warning("No DTU data received!")
            return
        if fail == "refused":
            def plant_data():
                def connect():
                    raised("pymodbus.exceptions", "ConnectionException", "Modbus Error: [Connection] Failed to "
                           "connect[ModbusTcpClient %s:502]" % DTU)
                connect()
            try:
                plant_data()
            except Exception:
                runners.error("Failed to read data from DTU. Unknown failure type.", exc_info=True)
            runners.warning("No DTU data received!")
            return
        runners.debug("Received data from DTU")
        if n == 0:
            for topic in configs():
                runners.debug("Scheduled config publish into mqtt://%s:%s/%s", BROKER, 1883, topic)
        if regress:
            inv, port = INVERTERS[1], 3
            ha.warning(f"Today production for {inv} port {port} is smaller ({1840} than cache ({1861}). "
                       "Ignoring the fault value.")
        count = 0
        for topic in topics():
            runners.debug("Scheduled data publish into mqtt://%s:%s/%s", BROKER, 1883, topic)
            count += 1
        if broker_down:
            def publish():
                def multiple():
                    raise ConnectionRefusedError(111, "Connection refused")
                multiple()
            try:
                publish()
            except Exception:
                runners.error("Failed to publish data from DTU. Unknown failure type.", exc_info=True)
            return
        runners.info("DTU data received and published %s messages into mqtt://%s:%d", count, BROKER, 1883)
        publishes[0] += count

    # -- the dashboard's day and the poller's minutes, interleaved -------
    hits = 0
    for n in range(34):
        if n == 16:
            # An hour when DTU's Wi-Fi stick drops off the network.
            query(n, fail="timeout")
        elif n == 17:
            query(n, fail="refused")
        elif n == 24:
            query(n, broker_down=True)
        elif n == 25:
            query(n, busy=True)
        else:
            query(n, regress=(n == 9))
        health(hits)
        hits += 1
        health(hits)
        hits += 1
        who = ENGINEERS[n % len(ENGINEERS)]
        node = NODES[n % len(NODES)]
        conf = "/config/%s.yaml" % node
        if n == 1:
            hit(302, "GET", "/", who, 1.12)
            hit(200, "GET", "/login", who, 4.07)
            hit(302, "POST", "/login", who, 6.53)
        if n % 3 == 1:
            hit(200, "GET", "/", who, 9.81 + n / 10)
            for asset, status in (("/static/js/esphome/index.js?hash=3c7e91fa", 200),
                                  ("/static/fonts/material-icons.woff2", 304), ("/static/css/esphome.css", 304)):
                hit(status if n > 1 else 200, "GET", asset, who, 2.3 + n % 5)
            hit(200, "GET", "/devices", who, 14.2 + n % 7)
            hit(200, "GET", "/serial-ports", who, 3.3)
        if n % 3 == 2:
            hit(200, "GET", "/info?configuration=%s.yaml" % node, who, 6.02)
            hit(200, "GET", "/edit?configuration=%s.yaml" % node, who, 3.87)
            hit(200, "GET", "/json-config?configuration=%s.yaml" % node, who, 412.55 + n)
            if n % 2:
                hit(200, "POST", "/edit?configuration=%s.yaml" % node, who, 8.76)
            hit(101, "GET", "/validate", who, 1.64)
            command(["config", conf, "--show-secrets"])
            exited(0 if n != 11 else 2)
            if n == 11:
                # A YAML error: the engineer fixes it and tails the node's
                # logs instead (closing the tab ends the process quietly).
                hit(200, "POST", "/edit?configuration=%s.yaml" % node, who, 7.02)
                hit(101, "GET", "/logs", who, 1.19)
                command(["logs", conf, "--device", NODE_IPS[node]])
                continue
            hit(101, "GET", "/run", who, 1.27)
            ip = NODE_IPS[node]
            command(["run", conf, "--device", ip])
            health(hits)
            hits += 1
            if n == 14:
                # The engineer closes the tab while the OTA upload runs.
                hit(101, "GET", "/logs", who, 1.02)
                try:
                    def redirect_stdout():
                        def write_message():
                            raised("tornado.websocket", "WebSocketClosedError", "")
                        write_message()
                    redirect_stdout()
                except Exception:
                    tapp.error("Exception in callback %r", Shown(
                        "functools.partial(<bound method IOLoop._discard_future_result of <tornado.platform.asyncio."
                        "AsyncIOMainLoop object at 0x7f3b9c2e1d50>>, <Task finished name='Task-%d' coro="
                        "<EsphomeCommandWebSocket._redirect_stdout() done, defined at /esphome/esphome/dashboard/"
                        "web_server.py:254> exception=WebSocketClosedError()>)" % (4100 + n)), exc_info=True)
            else:
                exited(0 if n not in (5, 20) else 1)
            if n in (5, 20):
                # The OTA failed (the node is behind the cabinet's steel
                # door): download the binary for a cable flash instead.
                hit(200, "GET", "/downloads?configuration=%s.yaml" % node, who, 3.11)
                hit(200, "GET", "/download.bin?configuration=%s.yaml&file=firmware.factory.bin" % node, who,
                    52.8 + n)
        if n == 12:
            hit(200, "GET", "/boards/esp32", who, 2.2)
            hit(200, "POST", "/wizard", who, 15.4)
            hit(200, "GET", "/devices", who, 11.6)
        if n == 22:
            hit(101, "GET", "/update-all", who, 1.44)
            command(["update-all", "/config"])
            for _ in range(3):
                health(hits)
                hits += 1
            exited(0)
        if n == 27:
            hit(404, "GET", "/edit?configuration=string-mon-c1.yaml", who, 1.9)
            hit(403, "GET", "/secret_keys", "203.0.113.77", 0.8)
        if n == 30:
            hit(200, "POST", "/ignore-device", who, 3.5)
            hit(200, "GET", "/prometheus-sd", "10.40.0.9", 7.4)
    core.info("Shutting down...")
    thread.values["threadName"] = "MainThread"
    runners.debug("Received signal %s", 15)
    runners.debug("Wait for the end of acquire and send thread")
    runners.info("Done looping messages")
    return {"name": "esphome-hoymiles", "programs": [esp, hm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A smart campus's telemetry host on EC2 (the CloudWatch agent ships the
# host's containers to one stream): VOLTTRON, in its Docker image, scrapes
# the campus buildings' BACnet controllers and electricity meters through
# its platform driver and keeps the trends in its SQL historian; FIWARE
# QuantumLeap (Gunicorn on 8668) stores the history of the campus's NGSI
# entities (air quality stations, parking spots) that Orion notifies it
# of, and answers the operations dashboards' history queries.

class AgentFormatter(logging.Formatter):
    """volttron/platform/agent/utils.py's AgentFormatter, as written: the
    composite name of a platform record, "() name [line]", or of an
    agent's record relayed by the platform (aip.py log_entries renames it
    "agents.log" and keeps its own name as remote_name), "(agent pid
    [line]) name", or of an agent's bare stdout/stderr line."""

    def __init__(self, fmt=None, datefmt=None):
        if fmt is None:
            fmt = '%(asctime)s %(composite_name)s %(levelname)s: %(message)s'
        super(AgentFormatter, self).__init__(fmt=fmt, datefmt=datefmt)

    def composite_name(self, record):
        if record.name == 'agents.log':
            cname = '(%(processName)s %(process)d [%(lineno)d]) %(remote_name)s'
        elif record.name.startswith('agents.std'):
            cname = '(%(processName)s %(process)d [%(lineno)d]) <{}>'.format(record.name.split('.', 2)[1])
        else:
            cname = '() %(name)s [%(lineno)d]'
        return cname % record.__dict__

    def format(self, record):
        if 'composite_name' not in record.__dict__:
            record.__dict__['composite_name'] = self.composite_name(record)
        if len(record.args) > 0 and 'tornado.access' in record.__dict__['composite_name']:
            record.__dict__['msg'] = ','.join([str(b) for b in record.args])
            record.__dict__['args'] = []
        return super(AgentFormatter, self).format(record)


class Request:
    """The Flask request a QuantumLeap record is made in: its peer, its
    headers (Werkzeug's environ headers: any case, "_" for "-") and its
    JSON body."""

    def __init__(self, remote_addr, headers, json=None):
        self.remote_addr = remote_addr
        self.headers = {k.lower().replace("_", "-"): v for k, v in headers.items()}
        self.json = json
        self.data = b"{}" if json is not None else b""

    def header(self, name, default=None):
        return self.headers.get(name.lower().replace("_", "-"), default)


REQUEST = []


class RequestFormatter(logging.Formatter):
    """QuantumLeap's src/app.py RequestFormatter, as written, with
    has_request_context() and flask.request standing for the request
    being served (REQUEST)."""

    def format(self, record):
        if REQUEST:
            request = REQUEST[-1]
            record.corr = request.header('fiware_correlator', None)
            record.remote_addr = request.remote_addr
            record.srv = request.header('ngsild-tenant', None) or request.header('fiware-service', None)
            if record.srv:
                record.subserv = request.header('fiware-servicepath', '/')
            else:
                record.subserv = '/'
            if len(request.data) > 0 and request.json and request.json['data']:
                record.payload = request.json['data']
            else:
                record.payload = None
        else:
            record.corr = None
            record.remote_addr = None
            record.srv = None
            record.subserv = None
            record.payload = None

        return super().format(record)


AGENTS = [("listener", "listeneragent-3.3", 112, "6b0f3c1e-2a94-4d77-9e3b-1c5a8f2d7e40"),
          ("platform.driver", "platform_driveragent-4.0", 118, "0c9d4e2a-7b31-4f05-8a6c-3e2f1b9d5a17"),
          ("platform.bacnet_proxy", "bacnet_proxyagent-0.5", 121, "f41a7c93-5d28-4be6-b0e4-8c7d2a1f6e35"),
          ("platform.historian", "sqlhistorianagent-4.0.0", 125, "9a2e6d51-c8f7-4a03-91bd-5e4c7f3a2b86")]
DEVICES = [("campus/bldg-a/ahu1", "10.60.20.31", 3101,
            [("DischargeAirTemperature", "degreesFahrenheit", 55.2), ("ReturnAirTemperature", "degreesFahrenheit",
                                                                      71.8),
             ("SupplyFanSpeed", "percent", 62.0), ("OutdoorAirDamperPosition", "percent", 18.5),
             ("CoolingValveCommand", "percent", 34.0), ("OccupancyMode", "enum", 1)]),
           ("campus/bldg-a/vav-104", "10.60.20.44", 3204,
            [("ZoneTemperature", "degreesFahrenheit", 72.4), ("ZoneSetpoint", "degreesFahrenheit", 72.0),
             ("DamperPosition", "percent", 41.0), ("AirFlow", "cubicFeetPerMinute", 388.0)]),
           ("campus/bldg-b/main-meter", "10.60.21.10", 4100,
            [("ActivePowerTotal", "kilowatts", 214.7), ("EnergyImport", "kilowattHours", 1843322.0),
             ("PowerFactor", "noUnits", 0.94)])]
NGSI_TYPES = ("Array, Boolean, DateTime, Integer, Number, Text, StructuredValue, geo:json, geo:point, "
              "TextUnrestricted, ISO8601, Float")
SVC_KEY = "kJ3l0Wq8y2Zc_XfT9eB4sV7nR1mH6gD5aPoQ0uIzLx8"
ORION = "10.60.1.17"
DASHBOARD = "10.60.1.40"
STATIONS = ["urn:ngsi-ld:AirQualityObserved:campus-aq-%02d" % i for i in (3, 7, 11, 12)]
SPOTS = ["urn:ngsi-ld:ParkingSpot:lot-b-%03d" % i for i in (4, 14, 15, 22, 31)]


def stream_volttron_quantumleap():
    stream = []
    vt = Program("volttron", "volttron.platform.main", AgentFormatter(), stream)
    setup = Program("volttron-setup", "setup-platform", logging.Formatter(SLOGGER, SLOGGER_DATEFMT), stream)
    ql = Program("quantumleap", "root", RequestFormatter(QUANTUMLEAP, QUANTUMLEAP_DATEFMT), stream)
    qg = Program("gunicorn", "gunicorn.error", gunicorn_formatter(), stream)
    worker = Pin(process=9, thread=140186522511104)
    ql.handler.addFilter(worker)
    qg.handler.addFilter(Pin(process=1))
    vmain = lg(vt, "volttron.platform.main")
    aip = lg(vt, "volttron.platform.aip")
    agents_log = lg(vt, "agents.log")
    agents_err = lg(vt, "agents.stderr")
    slog = lg(setup, "setup-platform")
    reporter = lg(ql, "reporter.reporter")
    geocoding = lg(ql, "geocoding.geocoding")
    crate = lg(ql, "translators.crate")
    q1 = lg(ql, "reporter.query_1T1E1A")
    qn = lg(ql, "reporter.query_NTNE1A")
    glog = lg(qg, "gunicorn.error")
    pids = {a[0]: a[2] for a in AGENTS}
    names = {a[0]: a[1] for a in AGENTS}

    def v(log, path, line, func, msg, *args, level=logging.DEBUG):
        at(log, level, VOLTTRON_SRC + path, line, func, msg, *args)

    def main_(line, msg, level=logging.DEBUG, func="start_volttron_process"):
        v(vmain, "volttron/platform/main.py", line, func, msg, level=level)

    def relay(identity, name, level, line, msg, exc_text=None):
        """An agent's record as the platform relays it (aip.py
        log_entries): the agent's JSON, made a record again, renamed
        "agents.log", its process and name those of the agent."""
        record = logging.LogRecord(name, level, "agent.py", line, msg, (), None)
        record.exc_text = exc_text
        record.remote_name, record.name = record.name, "agents.log"
        record.__dict__.update({"processName": names[identity], "process": pids[identity]})
        agents_log.handle(record)

    def stderr_line(identity, line):
        # aip.py log_stream: a line the agent wrote to stderr, not JSON.
        record = logging.LogRecord("agents.stderr", logging.ERROR, "/usr/bin/python3", 0, line, [], None)
        record.__dict__.update({"processName": names[identity], "process": pids[identity], "thread": None,
                                "threadName": None, "module": None})
        agents_err.handle(record)

    def vip_addr():
        return "ipc://@/home/volttron/.volttron/run/vip.socket"

    def platform_start():
        printed(stream, "Starting Volttron...")
        main_(741, "opts.instancename campus-ems", func="start_volttron_process")
        main_(804, "open file resource limit %d to %d" % (1048576, 1048576))
        main_(826, "Loading auth entries from auth.json", level=logging.INFO)
        main_(829, "using key-store file /home/volttron/.volttron/keystore")
        main_(882, "protected topics file /home/volttron/.volttron/protected_topics.json")
        main_(885, "external_address_file file /home/volttron/.volttron/external_address.json")
        main_(351, "ROUTER SOCK identity: b'%s'" % "3e8b1f2a-9c47-4d6e-a05b-7f2c9e1d4b68", func="setup")
        main_(355, "In-process VIP router bound to inproc://vip", func="setup")
        main_(369, "Local VIP router bound to %s" % vip_addr(), func="setup")
        main_(381, "Additional VIP router bound to %s" % "tcp://0.0.0.0:22916", func="setup")
        main_(392, "ZMQ version: 4.3.4", func="setup")
        main_(902, "Running zmq router", func="zmq_router")
        main_(958, "*" * 68)
        main_(961, "VOLTTRON PLATFORM RUNNING ON zmq MESSAGEBUS")
        main_(963, "*" * 68)
        main_(1048, "Starting platform web service", level=logging.INFO)
        for identity, name, pid, uuid in AGENTS:
            path = "/home/volttron/.volttron/agents/%s/%s" % (uuid, name)
            v(aip, "volttron/platform/aip.py", 1013, "start_agent", "starting agent %s", path, level=logging.INFO)
            v(aip, "volttron/platform/aip.py", 1015, "start_agent", "starting agent using {} ".format(
                "<class 'volttron.platform.aip.ExecutionEnvironment'>"), level=logging.INFO)
            v(aip, "volttron/platform/aip.py", 1020, "start_agent", "agent %s has PID %s", path, pid,
              level=logging.INFO)
        for identity, name, pid, uuid in AGENTS:
            relay(identity, "volttron.platform.vip.agent.core", logging.INFO, 702,
                  f"Identity: {identity} connecting to address:{vip_addr()}")
            relay(identity, "volttron.platform.vip.agent.core", logging.INFO, 621,
                  "Connected to platform: router: {} version: {} identity: {}".format(
                      "3e8b1f2a-9c47-4d6e-a05b-7f2c9e1d4b68", "1.0", identity))
            if identity == "listener":
                relay(identity, "listener.agent", logging.INFO, 63,
                      "No valid runtime_limit configured; listener agent will run until manually stopped")
                relay(identity, "listener.agent", logging.INFO, 83, "campus-ems listener up")
                relay(identity, "listener.agent", logging.DEBUG, 88, "VERSION IS: 3.3")
                relay(identity, "listener.agent", logging.DEBUG, 90, "Heartbeat starting for listener, published "
                      "every 60s")
                relay(identity, "listener.agent", logging.INFO, 94, "query: %r" % SVC_KEY)
            if identity == "platform.bacnet_proxy":
                for line, msg in ((463, "seg_supported segmentedBoth"), (464, "max_apdu_len 1024"),
                                  (465, "obj_id 599"), (466, "obj_name Volttron BACnet driver"), (467, "ven_id 15")):
                    relay(identity, "bacnet_proxy.agent", logging.INFO, line, msg)
            if identity == "platform.driver":
                relay(identity, "platform_driver.agent", logging.WARNING, 201, "No limit set on the maximum number "
                      "of concurrently open sockets. Consider setting max_open_sockets if you plan to work with "
                      "800+ modbus devices.")
                relay(identity, "platform_driver.agent", logging.INFO, 210,
                      "maximum concurrent driver publishes limited to " + str(10000))
                relay(identity, "platform_driver.agent", logging.INFO, 301,
                      "Setting time delta between driver device scrapes to  " + str(0.02))
                for k, (path, ip, dev_id, points) in enumerate(DEVICES):
                    relay(identity, "platform_driver.agent", logging.INFO, 358, "Starting driver: {}".format(
                        "devices/" + path))
                    relay(identity, "platform_driver.driver", logging.DEBUG, 98, "{} group: {}, time_slot: {}, "
                          "offset: {}".format(path, 0, k, round(k * 0.02, 2)))
            if identity == "platform.historian":
                relay(identity, "sqlhistorian.historian", logging.DEBUG, 78, "In sql historian before calling "
                      "class kwargs is {}".format({'connection': {'type': 'sqlite', 'params': {
                          'database': '/home/volttron/db/historian.sqlite'}}, 'tables_def': None,
                          'history_limit_days': None, 'storage_limit_gb': None}))
                relay(identity, "volttron.platform.agent.base_historian", logging.DEBUG, 465, "Process thread "
                      "started.")
                relay(identity, "volttron.platform.agent.base_historian", logging.INFO, 1283,
                      "Trying to setup historian")
                relay(identity, "volttron.platform.agent.base_historian", logging.DEBUG, 1097,
                      "Starting process loop.")
                for prefix in ("devices", "analysis", "record", "datalogger"):
                    relay(identity, "volttron.platform.agent.base_historian", logging.DEBUG, 636,
                          "subscribing to {}".format(prefix))

    def headers():
        stamp_ = stamp(realworld.CLOCK.t).replace(" ", "T")
        return {'Date': stamp_, 'TimeStamp': stamp_, 'SynchronizedTimeStamp': stamp_[:17] + "00.000000+00:00",
                'min_compatible_version': '5.0', 'max_compatible_version': ''}

    from pprint import pformat
    scrapes = [0]
    stored = [0]

    def scrape(k, fail=False):
        path, ip, dev_id, points = DEVICES[k]
        nxt = stamp(realworld.CLOCK.t + 60)[:19] + "+00:00"
        relay("platform.driver", "platform_driver.driver", logging.DEBUG, 223,
              "{} next scrape scheduled: {}".format(path, nxt))
        relay("platform.driver", "platform_driver.driver", logging.DEBUG, 227, "scraping device: " + path)
        relay("platform.bacnet_proxy", "bacnet_proxy.agent", logging.DEBUG, 727,
              "Reading {count} points on {target}, max per scrape: {max}".format(count=len(points), target=ip,
                                                                                max=24))
        relay("platform.bacnet_proxy", "bacnet_proxy.agent", logging.DEBUG, 750,
              "Requesting {count} properties from {target}".format(count=len(points), target=ip))
        if fail:
            tb = ("Traceback (most recent call last):\n"
                  "  File \"/home/volttron/.volttron/agents/%s/platform_driveragent-4.0/platform_driver/driver.py\","
                  " line 231, in periodic_read\n    results = self.interface.scrape_all()\n"
                  "  File \"/home/volttron/.volttron/agents/%s/platform_driveragent-4.0/platform_driver/interfaces/"
                  "bacnet.py\", line 159, in scrape_all\n    result = self.vip.rpc.call(self.proxy_address, "
                  "'read_properties',\n  File \"/code/volttron/volttron/platform/vip/agent/subsystems/rpc.py\", "
                  "line 305, in get\n    return self._result.get(timeout)\n"
                  "volttron.platform.jsonrpc.RemoteError: builtins.TypeError('Timeout waiting for response from "
                  "%s')\n" % (AGENTS[1][3], AGENTS[1][3], ip))
            relay("platform.driver", "platform_driver.driver", logging.ERROR, 239,
                  'Failed to scrape ' + path + ':\n' + tb)
            return
        relay("platform.bacnet_proxy", "bacnet_proxy.agent", logging.DEBUG, 758,
              "Received read response from {target} count: {count}".format(target=ip, count=len(points)))
        topic = "devices/" + path + "/all"
        relay("platform.driver", "platform_driver.driver", logging.DEBUG, 288, "publishing: " + topic)
        values = {p: round(val * (1 + (scrapes[0] * 7 % 5 - 2) / 400), 2) if unit != "enum" else val
                  for p, unit, val in points}
        meta = {p: {'type': 'integer' if unit == 'enum' else 'float', 'tz': 'US/Pacific', 'units': unit}
                for p, unit, val in points}
        relay("listener", "listener.agent", logging.INFO, 99,
              "Peer: {0}, Sender: {1}:, Bus: {2}, Topic: {3}, Headers: {4}, Message: \n{5}".format(
                  "pubsub", "platform.driver", "", topic, headers(), pformat([values, meta])))
        relay("platform.driver", "platform_driver.driver", logging.DEBUG, 294, "finish publishing: " + topic)
        scrapes[0] += 1
        stored[0] += len(points)

    def heartbeat(identity):
        relay("listener", "listener.agent", logging.INFO, 99,
              "Peer: {0}, Sender: {1}:, Bus: {2}, Topic: {3}, Headers: {4}, Message: \n{5}".format(
                  "pubsub", identity, "", "heartbeat/" + identity, headers(), pformat({
                      'status': 'GOOD', 'context': 'campus-ems listener up' if identity == 'listener' else None,
                      'last_updated': stamp(realworld.CLOCK.t).replace(" ", "T")})))

    def historian_batch():
        relay("platform.historian", "sqlhistorian.historian", logging.DEBUG, 207, "Reporting all handled")

    # -- QuantumLeap ------------------------------------------------------
    corr = [0x6c1a2e40]

    def orion_headers(path):
        corr[0] += 0x1f3
        return {"Fiware-Service": "smartcampus", "Fiware-ServicePath": path,
                "Fiware-Correlator": "%08x-0f8d-11ef-9b2a-0242ac12000b; cbnotif=%d" % (corr[0], 1 + corr[0] % 4),
                "Content-Type": "application/json"}

    def air_quality(i, n, missing=False):
        station = STATIONS[i % len(STATIONS)]
        e = {'id': station, 'type': 'AirQualityObserved',
             'NO2': {'type': 'Number', 'value': round(18.0 + (n * 7 + i) % 23 * 0.7, 1), 'metadata': {}},
             'PM10': {'type': 'Number', 'value': round(11.0 + (n * 5 + i) % 17 * 0.9, 1), 'metadata': {}},
             'PM2.5': {'type': 'Number', 'value': None if missing else round(6.0 + (n * 3 + i) % 11 * 0.6, 1),
                       'metadata': {}},
             'airQualityLevel': {'type': 'Property', 'value': ['good', 'moderate'][(n + i) % 2], 'metadata': {}},
             'dateObserved': {'type': 'DateTime', 'value': now("%Y-%m-%dT%H:%M:00.000Z"), 'metadata': {}},
             'location': {'type': 'geo:json', 'value': {'type': 'Point', 'coordinates': [
                 -122.2585 + i * 0.0011, 37.8719 + i * 0.0007]}, 'metadata': {}}}
        return e

    def parking(i, n):
        return {'id': SPOTS[i % len(SPOTS)], 'type': 'ParkingSpot',
                'status': {'type': 'Text', 'value': ['free', 'occupied'][(n + i) % 2], 'metadata': {
                    'TimeInstant': {'type': 'DateTime', 'value': now("%Y-%m-%dT%H:%M:%S.000Z")}}},
                'refParkingSite': {'type': 'Relationship', 'value': 'urn:ngsi-ld:ParkingSite:lot-b', 'metadata': {}}}

    def notify(entities, path, crate_down=False):
        body = {'subscriptionId': '663f8a1c2b7e4d0012a9c5%02x' % (len(path) * 7 % 256), 'data': entities}
        REQUEST.append(Request(ORION, orion_headers(path), body))
        try:
            for e in entities:
                for attr, val in e.items():
                    if isinstance(val, dict) and 'value' in val and val['value'] is None:
                        at(reporter, logging.WARNING, "/src/ngsi-timeseries-api/src/reporter/reporter.py", 108,
                           "_validate_payload", 'An entity update is missing value for attribute {}'.format(attr))
                observed = e.get('dateObserved', e.get('status', {}).get('metadata', {}).get('TimeInstant', {}))
                e['time_index'] = (observed.get('value') or now("%Y-%m-%dT%H:%M:%S.000Z")).replace(
                    ".000Z", ".000+00:00")
                if 'location' not in e:
                    at(geocoding, logging.WARNING, "/src/ngsi-timeseries-api/src/geocoding/geocoding.py", 101,
                       "add_location", '{}, missing "address" attribute.'.format(
                           'Cannot add location to entity (type: "{}", id: "{}")'.format(e['type'], e['id'])))
            if crate_down:
                def insert():
                    def setup():
                        def get_db_version():
                            raised("crate.client.exceptions", "ConnectionError", "No more Servers available, "
                                   "exception from last server: HTTPConnectionPool(host='crate', port=4200): Max "
                                   "retries exceeded with url: /_sql?error_trace=true (Caused by NewConnectionError("
                                   "'<urllib3.connection.HTTPConnection object at 0x7f0c41d2a6d0>: Failed to "
                                   "establish a new connection: [Errno 111] Connection refused'))")
                        get_db_version()
                    setup()
                try:
                    insert()
                except Exception as err:
                    at(reporter, logging.ERROR, "/src/ngsi-timeseries-api/src/reporter/reporter.py", 196, "notify",
                       "Notification not processed or not updated: {}".format(err), exc=True)
                return
            for e in entities:
                if e['type'] == 'AirQualityObserved' and e['id'] == STATIONS[0]:
                    # An NGSI-LD attribute type the SQL translator doesn't know.
                    at(crate, logging.WARNING, "/src/ngsi-timeseries-api/src/translators/sql_translator.py", 1722,
                       "_compute_type", ("'{}' is not a supported NGSI type for Attribute:  '{}'  and id : '{}'. "
                                         "Please use any of the following: {}. Falling back to {}.").format(
                           'Property', 'airQualityLevel', e['id'], NGSI_TYPES, 'text'))
            at(reporter, logging.INFO, "/src/ngsi-timeseries-api/src/reporter/reporter.py", 204, "notify",
               "Notification successfully processed")
        finally:
            REQUEST.pop()

    def query(module, log, func, entity, attr, found=True, aggr=None):
        REQUEST.append(Request(DASHBOARD, {"Fiware-Service": "smartcampus", "Fiware-ServicePath": "/environment",
                                           "User-Agent": "Grafana/10.4.2"}))
        try:
            if aggr == "text":
                at(log, logging.INFO, "/src/ngsi-timeseries-api/src/reporter/%s.py" % module, 94, func,
                   "AggrMethod cannot be applied")
            elif found:
                at(log, logging.INFO, "/src/ngsi-timeseries-api/src/reporter/%s.py" % module, 106, func,
                   "Query processed successfully")
            else:
                at(log, logging.INFO, "/src/ngsi-timeseries-api/src/reporter/%s.py" % module, 110, func,
                   "No value found for query")
        finally:
            REQUEST.pop()

    # -- the VOLTTRON container's first start (a fresh volume) -----------
    printed(stream, "original volttron uuid is 1000")
    printed(stream, "chown volttron.volttron -R /home/volttron")
    printed(stream, "now Executing /startup/bootstart.sh")
    printed(stream, "Before platform setup, print environment.")
    for env in ("HOSTNAME=3f7c2a91d4e8", "VOLTTRON_USER_HOME=/home/volttron", "LOCAL_USER_ID=1001",
                "VOLTTRON_ROOT=/code/volttron", "VOLTTRON_HOME=/home/volttron/.volttron",
                "RMQ_HOME=/home/volttron/rabbitmq_server/rabbitmq_server-3.9.29",
                "PATH=/home/volttron/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME=/home/volttron", "PLATFORM_CONFIG=/platform_config.yml"):
        printed(stream, env)
    printed(stream, "Initializing container. Running setup-platform.py to setup the Volttron platform for the first "
            "and only time for this container...")
    at(slog, logging.INFO, "/startup/setup-platform.py", 37, "get_platform_config_path",
       "Platform_config: /platform_config.yml")
    printed(stream, "Platform instance name set to: campus-ems")
    printed(stream, "Platform bind web address set to: https://0.0.0.0:8443")
    printed(stream, "Creating CA Certificate...")
    printed(stream, "Creating new web server certificate.")
    printed(stream, "Writing ssl cert and key paths to config.")
    printed(stream, "Available agents that are needing to be setup/installed" + "dict_keys(%r)" % [
        a[0] for a in AGENTS])
    for identity, name, pid, uuid in AGENTS:
        at(slog, logging.INFO, "/startup/setup-platform.py", 249, "install_agents",
           "Processing identity: {}".format(identity))
        printed(stream, "Processing identity: {}".format(identity))
        tail = "Processing config_store entries" if identity == "platform.driver" else ""
        printed(stream, tail + "Agent %s installed and started [%d]" % (uuid, pid - 100) if tail else
                "Agent %s installed and started [%d]" % (uuid, pid - 100))
    at(slog, logging.INFO, "/startup/setup-platform.py", 350, "install_agents", "Agents that failed to install []")
    at(slog, logging.INFO, "/startup/setup-platform.py", 356, "final_platform_configurations",
       "Adding * creds to auth. {}".format(['vctl', 'auth', 'add', '--credentials', '/.*/']))
    printed(stream, "*" * 50)
    printed(stream, "SHUTTING DOWN FROM SETUP-PLATFORM.PY")
    at(slog, logging.INFO, "/startup/setup-platform.py", 361, "final_platform_configurations",
       "SHUTTING DOWN FROM SETUP-PLATFORM.PY")
    printed(stream, "*" * 50)
    printed(stream, "Setup of Volttron platform is complete.")
    platform_start()

    # -- the campus's minutes ---------------------------------------------
    for n in range(26):
        for k in range(len(DEVICES)):
            scrape(k, fail=(n in (13, 14) and k == 1))
        if n in (13, 14):
            relay("platform.bacnet_proxy", "bacnet_proxy.agent", logging.DEBUG, 577, "Pinging " + DEVICES[1][1])
        if n % 2 == 0:
            historian_batch()
        if n % 5 == 0:
            for identity in ("listener", "platform.driver", "platform.historian"):
                heartbeat(identity)
        if n % 6 == 5:
            relay("platform.historian", "volttron.platform.agent.base_historian", logging.INFO, 1191,
                  "Historian processed {} total records.".format(stored[0]))
        if n == 19:
            # A greenlet in the historian dies: gevent's hub prints it.
            for line in ("Traceback (most recent call last):",
                         '  File "src/gevent/greenlet.py", line 908, in gevent._gevent_cgreenlet.Greenlet.run',
                         '  File "/code/volttron/volttron/platform/vip/agent/subsystems/health.py", line 94, in '
                         '_heartbeat_loop',
                         "    self._owner.vip.heartbeat.publish()",
                         "zmq.error.Again: Resource temporarily unavailable",
                         "%s <Greenlet at 0x7f5a3c2e1b80: _heartbeat_loop> failed with Again" % now(
                             "%Y-%m-%dT%H:%M:%SZ")):
                stderr_line("platform.historian", line)

        # QuantumLeap: Orion's notifications for the minute, and the
        # dashboards' queries.
        notify([air_quality(i, n, missing=(n == 7 and i == 2)) for i in range(2)], "/environment",
               crate_down=(n == 17))
        notify([parking(i, n) for i in range(n % 3 + 1)], "/mobility", crate_down=(n == 17))
        notify([air_quality(i + 2, n) for i in range(2)], "/environment", crate_down=(n == 17))
        if n == 17:
            # CrateDB's node restarts under QuantumLeap: a request hangs.
            glog.critical("WORKER TIMEOUT (pid:%s)", 9)
            glog.error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 9)
            worker.values.update(process=24, thread=140186514118400)
        if n % 3 == 0:
            query("query_1T1E1A", q1, "query_1T1E1A", STATIONS[n % 4], "PM2.5")
            query("query_NTNE1A", qn, "query_NTNE1A", None, "NO2", found=(n != 12))
        if n == 10:
            query("query_NTNE1A", qn, "query_NTNE1A", None, "airQualityLevel", aggr="text")
        if n == 22:
            REQUEST.append(Request(DASHBOARD, {"Fiware-Service": "smartcampus", "Fiware-ServicePath": "/environment"}))
            try:
                def query_NTNE1A():
                    raised("exceptions.exceptions", "InvalidParameterValue", "'hour ' is not a valid value for "
                           "the aggrPeriod parameter.")
                try:
                    query_NTNE1A()
                except Exception as err:
                    at(qn, logging.ERROR, "/src/ngsi-timeseries-api/src/reporter/query_NTNE1A.py", 76,
                       "query_NTNE1A", "Bad Request Error: {}".format(err), exc=True)
            finally:
                REQUEST.pop()
        if n == 9:
            # Redis restarts: the metadata cache is gone for a moment.
            REQUEST.append(Request(ORION, orion_headers("/environment"), {'data': [air_quality(0, n)]}))
            try:
                def get():
                    raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. Connection "
                           "refused.")
                try:
                    get()
                except Exception as e:
                    at(crate, logging.WARNING, "/src/ngsi-timeseries-api/src/translators/sql_translator.py", 1749,
                       "_execute_query_via_cache", "Caching not available, metadata data may not be consistent: "
                       + str(e), exc=True)
                at(reporter, logging.INFO, "/src/ngsi-timeseries-api/src/reporter/reporter.py", 204, "notify",
                   "Notification successfully processed")
            finally:
                REQUEST.pop()
    return {"name": "volttron-quantumleap", "programs": [vt, setup, ql, qg], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_nebra_hotspot(), stream_esphome_hoymiles(), stream_volttron_quantumleap()])


if __name__ == "__main__":
    main()
