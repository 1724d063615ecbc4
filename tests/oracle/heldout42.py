"""The 42-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout41.py`): six more programs'
own logging set-ups, in three streams of two, from IoT and home-automation
bridges (a building's Bluetooth gateway on ECS Anywhere, where
bt-mqtt-gateway polls the plant and room sensors and switchbot-mqtt drives
the SwitchBot buttons and curtains; a site's energy collectors, where
emonHub relays the energy monitors to MQTT and Emoncms while SunGather
scrapes the Sungrow inverter; a home-office edge host where rtlamr2mqtt
reads the utility meters off an RTL-SDR and Roomba980-Python bridges the
vacuum's MQTT), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout42

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 80c306c (session 23's rules in, none
written from this set), with nothing configured: 69.1% exact, 76.5% key
fields (asctime 100.0%, levelname 100.0%, name 100.0%, message 76.5%).

Formatters and filters: all six use logging.Formatter itself; no filter
changes a record. bt-mqtt-gateway's container runs with DEBUG=true
(start.sh passes -d), so logger.py swaps logger.yaml's "debug" format onto
the root's handler: Python's default time, level, name ("bt-mqtt-gw." and
the module), "file:line:function - "; in debug mode its log_exception calls
logger.exception, so those records come from "logger.py:50:log_exception"
whatever the worker. switchbot-mqtt runs with --debug: colon-joined fields,
the function's name, an ISO 8601 time ending "+0000", the root at DEBUG
(asyncio's "Using selector" record prints). emonHub pads the level to eight
and the thread's name to ten (its interfacers are threads named after
their config sections, pinned here through a filter setting `threadName`,
a standard attribute); an interfacer's run() is wrapped by
log_exceptions_from_class_method, which logs a WARNING ending with
traceback.format_exc() (no exc_info). SunGather's root has a second
StreamHandler at WARNING with no formatter: each WARNING and ERROR prints
twice, then as the bare message and traceback (`sungather-bare`).
rtlamr2mqtt prints no name, and several of its messages hold the subprocesses' last
output lines, indented two spaces. Roomba980-Python cuts and pads the level
to five (" INFO", "WARNI") and pads the logger's name to twenty. 513
records in three streams (136, 246 and 131).

Print lines: bt-mqtt-gateway's start.sh echoes, SunGather's console export
tables and SIGTERM print(), the interpreter's tracebacks (switchbot-mqtt's
aiomqtt.MqttError, bt-mqtt-gateway's re-raised fatal error), Docker's.

The messages are the programs' own (files and lines cited beside their
records, read at the commits cited); their values (MACs, topics, nodes,
readings, meters, hosts), the third-party exceptions' texts, the rtl_tcp and
rtlamr output lines, the thread that runs emonHub's MQTT callbacks and the
tracebacks' frames (this file's) are modelled; pySwitchbot's and
SungrowClient's own messages were not read and are not used.

Left out: dsmr-reader ("{asctime} {levelname:8} | {message}", style "{",
dsmrreader/dsmr-reader 47d8f1c1 dsmrreader/config/base.py: a spec'd field,
which python-json-logger writes null for, as discord.py's in `heldout.py`),
ecowitt2mqtt (colorlog's "%(log_color)s%(asctime)s | %(levelname)s |
%(message)s", bachya/ecowitt2mqtt 0a352071 ecowitt2mqtt/core.py: `log_color`
is no record attribute, as Robusta's in `heldout10.py`), Roomba980-Python's
password tools (one-shot commands), and Theengs Gateway, ble2mqtt,
mqtt-io, mqttwarn, amqtt, AppDaemon, docker-wyze-bridge, Frigate, Home
Assistant, WeeWX, Fledge and the ThingsBoard gateway (in earlier sets).
"""

import logging
import os
import sys
import traceback
from logging import DEBUG, ERROR, INFO, WARNING

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# bt-mqtt-gateway (zewelor/bt-mqtt-gateway, 827e251a), logger.yaml's "debug"
# formatter, put on the root's handler by logger.py enable_debug_formatter().
BTGW = "%(asctime)s %(levelname)s %(name)s %(filename)s:%(lineno)d:%(funcName)s - %(message)s"
# switchbot-mqtt (fphammerle/switchbot-mqtt, 0e087ea5), switchbot_mqtt/
# _cli.py _main's logging.basicConfig with --debug.
SWITCHBOT = "%(asctime)s:%(levelname)s:%(name)s:%(funcName)s:%(message)s"
SWITCHBOT_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# emonHub (openenergymonitor/emonhub, 6f00c991), src/emonhub.py's
# loghandler (a StreamHandler on stderr without --logfile).
EMONHUB = "%(asctime)s %(levelname)-8s %(threadName)-10s %(message)s"
# SunGather (bohdan-s/SunGather, 2c2935d7), SunGather/sungather.py's
# logging.basicConfig; its second root handler `ch` has no formatter.
SUNGATHER = "%(asctime)s %(levelname)-8s %(message)s"
SUNGATHER_DATEFMT = "%Y-%m-%d %H:%M:%S"
# rtlamr2mqtt (allangood/rtlamr2mqtt, 3f9adcad), rtlamr2mqtt-addon/app/
# rtlamr2mqtt.py setup_logging's logging.basicConfig.
RTLAMR = "[%(asctime)s] %(levelname)s: %(message)s"
# Roomba980-Python (NickWaterton/Roomba980-Python, f7825978),
# roomba/roomba_direct.py main's setup_logger (console=True with -e).
ROOMBA = "[%(asctime)s][%(levelname)5.5s](%(name)-20s) %(message)s"


def bg(log, level, where, func, msg, *args, exc=None):
    """A bt-mqtt-gateway record from "file:line" in /application; sbt, a switchbot-mqtt one."""
    path, line = where.rsplit(":", 1)
    at(log, level, APP + path, int(line), func, msg, *args, exc=exc)


def sbt(log, level, where, func, msg, *args):
    path, line = where.rsplit(":", 1)
    at(log, level, SB + path, int(line), func, msg, *args)


def run(module, name, text):
    """Raises the program's exception one frame down (its traceback)."""
    raised(module, name, text)


def threaded(program, name, thread):
    """A logger of the program's whose records carry the thread's name."""
    log = lg(program, name)

    class Thread(logging.Filter):
        def filter(self, record):
            record.threadName = thread
            return True

    log.addFilter(Thread())
    return log


# --------------------------------------------------------------------------
# A building's Bluetooth gateway on ECS Anywhere (Docker's awslogs driver):
# bt-mqtt-gateway polls the Mi Flora and LYWSD03MMC sensors; switchbot-mqtt
# presses the SwitchBot buttons and moves the curtains.

APP = "/application/"
SB = "/switchbot-mqtt/switchbot_mqtt/"
FLORA = [("lobby_ficus", "C4:7C:8D:6A:3E:12"), ("lobby_monstera", "C4:7C:8D:6A:41:B7"),
         ("reception_palm", "C4:7C:8D:6B:02:5C")]
THERMO = [("room_everest", "A4:C1:38:5F:0A:21"), ("room_k2", "A4:C1:38:2B:9C:44"),
          ("room_denali", "A4:C1:38:77:E1:03"), ("server_closet", "A4:C1:38:D0:6F:9A")]
BUTTONS = ["E6:52:1F:A0:33:C1", "D4:9B:07:12:5E:88"]
CURTAINS = ["F1:0C:3A:44:B2:7D", "C9:66:E0:81:2A:5F"]


def stream_btgw_switchbot():
    stream = []
    bt = Program("bt-mqtt-gateway", "bt-mqtt-gw", logging.Formatter(BTGW), stream)
    sw = Program("switchbot-mqtt", "switchbot_mqtt", logging.Formatter(SWITCHBOT, SWITCHBOT_DATEFMT), stream)
    gw = lg(bt, "bt-mqtt-gw")
    mgr = lg(bt, "bt-mqtt-gw.workers_manager")
    mq = lg(bt, "bt-mqtt-gw.mqtt")
    base = lg(bt, "bt-mqtt-gw.workers.base")
    flora = lg(bt, "bt-mqtt-gw.workers.miflora")
    lyw = lg(bt, "bt-mqtt-gw.workers.lywsd03mmc")
    aio = lg(sw, "asyncio")
    cli = lg(sw, "switchbot_mqtt._cli")
    sbm = lg(sw, "switchbot_mqtt")
    act = lg(sw, "switchbot_mqtt._actors")
    sba = lg(sw, "switchbot_mqtt._actors.base")
    prefix = "homeassistant/"

    def execution(log, source, messages):
        bg(mgr, DEBUG, "workers_manager.py:57", "execute", "Execution result of command %s: %s", source, messages)

    printed(stream, "Start in debug mode")
    bg(gw, INFO, "gateway.py:75", "<module>", "Starting")
    bg(mq, DEBUG, "mqtt.py:35", "__init__", "Setting LWT to: %s" % "bt-gw-lobby/lwt_topic")
    bg(flora, INFO, "workers/miflora.py:28", "_setup", "Adding %d %s devices", len(FLORA), "miflora")
    for name, mac in FLORA:
        bg(flora, DEBUG, "workers/miflora.py:30", "_setup", "Adding %s device '%s' (%s)", "miflora", name, mac)
    bg(mgr, DEBUG, "workers_manager.py:91", "register_workers", "Added %s config with a %d seconds timeout", "miflora",
       2)
    bg(mgr, DEBUG, "workers_manager.py:98", "register_workers",
       "Added %s worker with %d seconds interval and a %d seconds timeout", "miflora", 300, 35)
    bg(lyw, INFO, "workers/lywsd03mmc.py:15", "_setup", "Adding %d %s devices", len(THERMO), "lywsd03mmc")
    for name, mac in THERMO:
        bg(lyw, INFO, "workers/lywsd03mmc.py:18", "_setup", "Adding %s device '%s' (%s)", "lywsd03mmc", name, mac)
    bg(mgr, DEBUG, "workers_manager.py:98", "register_workers",
       "Added %s worker with %d seconds interval and a %d seconds timeout", "lywsd03mmc", 120, 35)
    for topic in ("miflora/update_interval", "lywsd03mmc/update_interval", "homeassistant/status"):
        bg(mq, DEBUG, "mqtt.py:130", "callbacks_subscription", "Subscribing to: %s" % ("bt-gw-lobby/" + topic))
    bg(mgr, DEBUG, "workers_manager.py:168", "update_all", "Updating all workers")

    at(aio, logging.DEBUG, "/usr/lib/python3.11/asyncio/selector_events.py", 54, "__init__", "Using selector: %s",
       "EpollSelector")
    sbt(cli, DEBUG, "_cli.py:122", "_main", "args=%r", realworld.Shown(
        "Namespace(mqtt_host='mosquitto.lobby.internal', mqtt_port=1883, mqtt_disable_tls=False, "
        "mqtt_username='switchbot', mqtt_password='********', mqtt_password_path=None, mqtt_topic_prefix="
        "'homeassistant/', device_password_path=None, retry_count=3, fetch_device_info=False, debug=True)"))
    sbt(sbm, INFO, "__init__.py:98", "_run", "connecting to MQTT broker %s:%d (TLS %s)", "mosquitto.lobby.internal",
        1883, "enabled")
    sbt(sbm, DEBUG, "__init__.py:75", "_log_mqtt_connected", "connected to MQTT broker %s:%d", "10.20.4.11", 1883)
    for topic in ("switch/switchbot/+/set", "cover/switchbot-curtain/+/set",
                  "cover/switchbot-curtain/+/position/set-percent"):
        sbt(sba, INFO, "_actors/base.py:260", "mqtt_subscribe", "subscribing to MQTT topic %r", prefix + topic)

    for cycle in range(6):
        # bt-mqtt-gateway: the thermometers every two minutes.
        results = []
        for i, (name, mac) in enumerate(THERMO):
            bg(lyw, DEBUG, "workers/lywsd03mmc.py:67", "connected", "%s - connected ", mac)
            if (i + cycle) % 7 == 5:
                try:
                    run("bluepy.btle", "BTLEDisconnectError", "Failed to connect to peripheral %s" % mac)
                except Exception:
                    bg(lyw, ERROR, "logger.py:50", "log_exception", "Failed connect from %s to device '%s': %s",
                       "lywsd03mmc", name, "BTLEDisconnectError", exc=True)
                continue
            temp, hum, bat = 21.3 + i * 0.7 + cycle * 0.1, 38 + i * 3 + cycle % 3, 91 - i * 4
            bg(lyw, DEBUG, "workers/lywsd03mmc.py:87", "readAll", "%s - found values %f, %d, %d", mac, temp, hum, bat)
            results.append(realworld.Shown("{'topic': 'lywsd03mmc/%s', 'payload': '{\"temperature\": %.1f, "
                                           "\"humidity\": %d, \"battery\": %d}'}" % (name, temp, hum, bat)))
        execution(mgr, "Lywsd03MmcWorker.status_update", results)
        # The plant sensors every five minutes (every other cycle).
        if cycle % 2 == 0:
            bg(flora, INFO, "workers/miflora.py:104", "status_update", "Updating %d %s devices", len(FLORA), "miflora")
            results = []
            for i, (name, mac) in enumerate(FLORA):
                bg(flora, DEBUG, "workers/miflora.py:107", "status_update", "Updating %s device '%s' (%s)", "miflora",
                   name, mac)
                if (i + cycle) % 5 == 4:
                    bg(base, INFO, "workers/base.py:97", "log_retry",
                       "Call to %s failed the %s time (%s). Retrying in %s seconds",
                       "workers.miflora.update_device_state", 1, "BluetoothBackendException", "2.41")
                    try:
                        run("btlewrap.base", "BluetoothBackendException", "Could not read from sensor %s" % mac)
                    except Exception:
                        bg(flora, ERROR, "logger.py:50", "log_exception",
                           "Error during update of %s device '%s' (%s): %s", "miflora", name, mac,
                           "BluetoothBackendException", exc=True)
                    continue
                for attr, value in (("temperature", 22.1 + i), ("moisture", 31 + 4 * i - cycle),
                                    ("light", 840 + 210 * i), ("conductivity", 412 + 30 * i), ("battery", 88 - i)):
                    results.append(realworld.Shown("{'topic': 'miflora/%s/%s', 'payload': '%s'}" % (name, attr, value)))
                results.append(realworld.Shown("{'topic': 'miflora/%s/low_battery', 'payload': 'OFF'}" % name))
            execution(mgr, "MifloraWorker.status_update", results)
        if cycle == 3:
            try:
                run("exceptions", "WorkerTimeoutError",
                    "Execution of command MifloraWorker.status_update timed out after 35 seconds")
            except Exception:
                bg(gw, ERROR, "logger.py:50", "log_exception",
                   "Execution of command MifloraWorker.status_update timed out after 35 seconds", exc=True)
            bg(mgr, INFO, "workers_manager.py:177", "_update_interval_wrapper",
               "Recieved updated interval for %s with: %s", "bt-gw-lobby/miflora/update_interval", b"600")

        # switchbot-mqtt: Home Assistant's automations press and draw.
        mac = BUTTONS[cycle % 2]
        topic = prefix + "switch/switchbot/%s/set" % mac
        sbt(sba, DEBUG, "_actors/base.py:207", "_mqtt_command_callback", "received topic=%s payload=%r", topic,
            b"ON" if cycle != 4 else b"toggle")
        if cycle == 0:
            sbt(sba, INFO, "_actors/base.py:209", "_mqtt_command_callback", "ignoring retained message")
        elif cycle == 4:
            sbt(act, WARNING, "_actors/__init__.py:115", "execute_command",
                "unexpected payload %r (expected 'ON' or 'OFF')", b"toggle")
        elif cycle == 2:
            sbt(act, ERROR, "_actors/__init__.py:86", "execute_command", "failed to turn on switchbot %s", mac)
        else:
            sbt(act, INFO, "_actors/__init__.py:88", "execute_command", "switchbot %s turned on", mac)
            sbt(sba, DEBUG, "_actors/base.py:278", "_mqtt_publish", "publishing topic=%s payload=%r",
                prefix + "switch/switchbot/%s/state" % mac, b"ON")
        cmac = CURTAINS[cycle % 2]
        ctopic = prefix + "cover/switchbot-curtain/%s/position/set-percent" % cmac
        sbt(act, DEBUG, "_actors/__init__.py:271", "_mqtt_set_position_callback", "received topic=%s payload=%r",
            ctopic, b"%d" % (20 * cycle))
        if cycle == 1:
            sbt(sba, ERROR, "_actors/base.py:140", "_init_from_topic",
                "failed to find bluetooth low energy device with mac address %s", cmac)
        else:
            sbt(act, INFO, "_actors/__init__.py:291", "_mqtt_set_position_callback",
                "set position of switchbot curtain %s to %u%%", cmac, 20 * cycle)
        if cycle == 5:
            sbt(sba, WARNING, "_actors/base.py:132", "_init_from_topic", "invalid mac address %s", "curtain-east")

    # The broker restarts: asyncio.run lets aiomqtt's error out.
    uncaught(stream, run, "aiomqtt.error", "MqttError", "Disconnected during message iteration")
    printed(stream, "switchbot-mqtt-1 exited with code 1")
    at(aio, logging.DEBUG, "/usr/lib/python3.11/asyncio/selector_events.py", 54, "__init__", "Using selector: %s",
       "EpollSelector")
    sbt(sbm, INFO, "__init__.py:98", "_run", "connecting to MQTT broker %s:%d (TLS %s)", "mosquitto.lobby.internal",
        1883, "enabled")
    # bt-mqtt-gateway loses its Bluetooth adapter: the loop's fatal error.
    try:
        run("builtins", "BrokenPipeError", "[Errno 32] Broken pipe")
    except Exception:
        bg(gw, ERROR, "logger.py:50", "log_exception", "Fatal error while executing worker command: %s",
           "BrokenPipeError", exc=True)
    uncaught(stream, run, "builtins", "BrokenPipeError", "[Errno 32] Broken pipe", after_traceback=True)
    printed(stream, "Gateway died...")
    return {"name": "btgw-switchbot", "programs": [bt, sw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A site's energy collectors on one ECS Anywhere box: emonHub relays the
# emonTx4's frames and an SDM120 meter to MQTT and Emoncms; SunGather
# (log_console: INFO) scrapes the Sungrow inverter and exports to MQTT.

NODES = [(15, "emontx4", ["P1", "P2", "P3", "E1", "E2", "E3", "V"]), (23, "emonth2", ["temp", "humidity", "batt"])]


def stream_emonhub_sungather():
    stream = []
    eh = Program("emonhub", "EmonHub", logging.Formatter(EMONHUB), stream)
    sg = Program("sungather", "sungather", logging.Formatter(SUNGATHER, SUNGATHER_DATEFMT), stream)
    bare = Program("sungather-bare", "sungather-bare", logging.Formatter(), stream)
    bare.handler.setLevel(logging.WARNING)
    hub = threaded(eh, "EmonHub", "MainThread")
    oem = threaded(eh, "EmonHub", "emonTx4")
    mqtt = threaded(eh, "EmonHub", "MQTT")
    http = threaded(eh, "EmonHub", "emoncmsorg")
    sdm = threaded(eh, "EmonHub", "SDM120")
    # sungather.py's root: the basicConfig handler, then `ch`.
    s = logging.Logger("root", logging.DEBUG)
    s.addHandler(sg.handler)
    s.addHandler(bare.handler)

    hub.info("EmonHub %s", "v2.7.19")
    hub.info("Opening hub...")
    hub.info("Running as user: " + "emonhub")
    hub.info("Logging level set to %s", "DEBUG")
    for kind, name in (("EmonHubOEMInterfacer", "emonTx4"), ("EmonHubMqttInterfacer", "MQTT"),
                       ("EmonHubEmoncmsHTTPInterfacer", "emoncmsorg"), ("EmonHubSDM120Interfacer", "SDM120")):
        hub.info("Creating %s '%s'", kind, name)
        if name == "MQTT":
            for key, value in (("node_format_enable", "1"), ("node_format_basetopic", "emonhub/"),
                               ("nodevar_format_enable", "1"), ("nodevar_format_basetopic", "emon/")):
                hub.info("Setting %s %s: %s", name, key, value)
        elif name == "emoncmsorg":
            hub.info("Setting %s apikey: set", name)
            hub.info("Setting %s url: %s", name, "https://emoncms.org")
            hub.info("Setting %s senddata: %s", name, "1")
            hub.info("Setting %s sendstatus: %s", name, "1")
        elif name == "SDM120":
            sdm.info("Connecting to SDM120 device=" + "/dev/ttyUSB0" + " baud=" + "2400")
            hub.info("Setting %s read_interval: %s", name, "10")
            hub.info("Setting %s datafields: %s", name, ",".join(["voltage", "power_active", "import_energy_active"]))
        hub.debug("Setting %s %s: %s", name, "pubchannels", ["ToEmonCMS"])
    mqtt.info("Connecting to MQTT Server")
    mqtt.info("connection status: %s", "Connection successful")
    mqtt.debug("CONACK => Return code: %d", 0)

    for line in ("Starting SunGather 0.5.2", "Need Help? https://github.com/bohdan-s/SunGather",
                 "NEW HomeAssistant Add-on: https://github.com/bohdan-s/hassio-repository",
                 "Loaded config: /config/config.yaml", "Loaded registers: registers-sungrow.yaml",
                 "Registers file version: 0.2.4", "Logging to console set to: INFO", "Logging to file set to: DEBUG"):
        s.info(line)
    config = {"host": "10.40.2.30", "port": 502, "timeout": 10, "retries": 3, "slave": 1, "scan_interval": 30,
              "connection": "modbus", "model": None, "smart_meter": True, "use_local_time": False,
              "log_console": "INFO", "log_file": "DEBUG", "level": 1}
    s.debug(f"Inverter Config Loaded: {config}")
    s.info("Loading Export: exports console")
    printed(stream, "+----------------------------------------------+")
    printed(stream, "{:<46} {:<1}".format("| " + "Inverter Configuration Settings", "|"))
    printed(stream, "+----------------------------------------------+")
    for setting, value in (("host", "10.40.2.30"), ("port", 502), ("model", "SH10RT"), ("level", 1)):
        printed(stream, "{:<20} {:<25} {:<1}".format("| " + str(setting), "| " + str(value), "|"))
    printed(stream, "+----------------------------------------------+")
    s.info("Loading Export: exports mqtt")
    s.info("MQTT: Connected to mosquitto:1883")
    s.info("Loading Export: exports webserver")
    s.info("Webserver: Configured")

    uri = 1
    for cycle in range(6):
        for nodeid, node, names in NODES:
            values = [round(120.5 + 40 * i + 7 * cycle, 1) for i in range(len(names) - 1)]
            values.append(3.1 if nodeid == 23 else 239.8)
            raw = "OK %d %s (-%d)" % (nodeid, " ".join(str(int(v * 10) % 256) for v in values), 62 + cycle)
            oem.debug("%d NEW FRAME : %s", uri, raw)
            if nodeid == 23 and cycle == 2:
                oem.warning("%d Discarded RX frame 'non-numerical content' : %s", uri, ["2", "0x1F", "nan"])
                uri += 1
                continue
            oem.debug("%d Timestamp : %f", uri, realworld.CLOCK.t)
            oem.debug("%d From Node : %s", uri, str(nodeid))
            oem.debug("%d    Values : %s", uri, values)
            oem.debug("%d      RSSI : %d", uri, -62 - cycle)
            oem.debug("%d Sent to channel(start)' : %s", uri, "ToEmonCMS")
            oem.debug("%d Sent to channel(end)' : %s", uri, "ToEmonCMS")
            for name, value in list(zip(names, values))[:2]:
                mqtt.debug("Publishing: %s %s", "emon/" + node + "/" + name, str(value))
            uri += 1
        if cycle == 1:
            mqtt.info("Unexpected disconnection")
            mqtt.info("Connecting to MQTT Server")
            mqtt.warning("Connection refused - server unavailable")
            mqtt.debug("CONACK => Return code: %d", 3)
        if cycle % 2 == 1:
            if cycle == 3:
                http.warning("%s couldn't send to server: %s", "emoncmsorg",
                             "HTTPSConnectionPool(host='emoncms.org', port=443): Read timed out. (read timeout=60)")
            else:
                http.info("sending: %s (%d bytes of data, %d frames, uncompressed)",
                          "https://emoncms.org/input/bulk.json?", 612 + 40 * cycle, 6)
                http.debug("acknowledged receipt with '%s' from %s (%d ms)", "ok", "https://emoncms.org", 240 + cycle)
        if cycle == 4:
            # The SDM120 stops answering: run()'s wrapper logs the traceback, the hub restarts the thread.
            sdm.error("Could not read from SDM120: " + "Modbus Error: [Input/Output] No Response received from the "
                      "remote slave/Unable to decode response")

            def wrapper():
                def run():
                    def read():
                        raised("builtins", "UnboundLocalError",
                               "cannot access local variable 'r' where it is not associated with a value")
                    read()
                run()
            try:
                wrapper()
            except Exception:
                sdm.warning("Exception caught in " + "SDM120" + " thread. " + traceback.format_exc())
            hub.warning("%s thread is dead.", "SDM120")
            hub.warning("Attempting to restart thread %s (thread has been restarted %d times...)", "SDM120", 0)
            hub.info("Creating %s '%s'", "EmonHubSDM120Interfacer", "SDM120")
            sdm.info("Connecting to SDM120 device=" + "/dev/ttyUSB0" + " baud=" + "2400")
        elif cycle > 0:
            sdm.debug([239.6 + cycle / 10, 1840.2 - 31 * cycle, 10472.118 + cycle / 100])

        # SunGather: one scrape per 30 s.
        if cycle == 2:
            try:
                run("pymodbus.exceptions", "ConnectionException",
                    "Modbus Error: [Connection] Failed to connect[ModbusTcpClient 10.40.2.30:502]")
            except Exception as e:
                s.exception(f"Failed to scrape: {e}")
            s.warning("Data collection failed, skipped exporting data. Retying in 30 secs")
        else:
            registers = [(5003, "daily_power_yields", "%.1f kWh" % (18.2 + cycle * 0.4)),
                         (5008, "internal_temperature", "%.1f °C" % (41.3 + cycle * 0.2)),
                         (5031, "total_active_power", "%d W" % (5890 - 150 * cycle)),
                         (13010, "export_power", "%d W" % (2110 - 90 * cycle)),
                         ]
            printed(stream, "+----------------------------------------------------------------------+")
            printed(stream, "| {:<7} | {:<35} | {:<20} |".format("Address", "Register", "Value"))
            printed(stream, "+---------+-------------------------------------+----------------------+")
            for address, register, value in registers:
                printed(stream, "| {:<7} | {:<35} | {:<20} |".format(str(address), register, value))
            printed(stream, "+----------------------------------------------------------------------+")
            printed(stream, f"Logged {len(registers)} registers to Console")
            if cycle == 0:
                s.info("MQTT: Published Home Assistant Discovery messages")
            if cycle == 4:
                s.warning("MQTT: Server Disconnected; 3 messages queued, will automatically attempt to reconnect")
            s.debug("MQTT: Publishing Registers: SunGather/A2291209873 : {\"daily_power_yields\": %.1f, "
                    "\"total_active_power\": %d}" % (18.2 + cycle * 0.4, 5890 - 150 * cycle))
            s.info("MQTT: Registers Published")
        s.debug(f"Processing Time: {2.41 + cycle / 10:.2f} secs")
        s.info(f"Next scrape in {27 - cycle % 2} secs")
    printed(stream, "Received SIGTERM, shutting down gracefully...")
    hub.debug("Signal %d received.", 15)
    hub.info("Exiting hub...")
    hub.info("Exit completed")
    return {"name": "emonhub-sungather", "programs": [eh, sg, bare], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A home office's edge host: rtlamr2mqtt (verbosity: debug, as its example
# configuration) reads the gas and water meters through rtl_tcp and rtlamr;
# Roomba980-Python (-e, a Roomba named "Upstairs") relays the vacuum's MQTT.

METERS = [("31500312", "scm", "1538245"), ("78422109", "r900", "0042188"), ("1552817", "scm+", "0912604")]


def stream_rtlamr_roomba():
    stream = []
    ra = Program("rtlamr2mqtt", "rtlamr2mqtt", logging.Formatter(RTLAMR), stream)
    rb = Program("roomba", "Roomba", logging.Formatter(ROOMBA), stream)
    r = lg(ra, "rtlamr2mqtt")
    aio = lg(ra, "asyncio")
    main = lg(rb, "Roomba")
    up = lg(rb, "Roomba.Upstairs")

    aio.debug("Using selector: %s", "EpollSelector")
    r.info("Starting rtlamr2mqtt %s", "2026.5.9")
    r.info("Config loaded successfully")
    r.info("Found %d RTL-SDR device(s), using index %d", 1, 0)
    r.info("Starting %s: %s", "rtl_tcp", "/usr/bin/stdbuf -oL /usr/bin/rtl_tcp -s 2048000 -d 0")
    for line in ("Found 1 device(s):", "0:  Realtek, RTL2838UHIDIR, SN: 00000001",
                 "Using device 0: Generic RTL2832U OEM", "Found Rafael Micro R820T tuner", "listening..."):
        r.debug("%s: %s", "rtl_tcp", line)
    r.info("%s is ready", "rtl_tcp")
    cmd = "/usr/bin/stdbuf -oL /usr/local/bin/rtlamr -format=json -server=127.0.0.1:1234 -unique=true " \
          "-filterid=31500312,78422109,1552817 -msgtype=scm,r900,scm+"
    r.info("Starting %s: %s", "rtlamr", cmd)
    for line in ("decode.go:45: CenterFreq: 912600155", "main.go:127: GainCount: 29"):
        r.debug("%s: %s", "rtlamr", now("%H:%M:%S.002 ") + line)
    r.info("%s is ready", "rtlamr")
    r.info("Connected to MQTT broker at %s:%d", "mosquitto", 1883)
    r.info("HA status: %s", "online")
    for meter_id, _, _ in METERS:
        r.debug("Published discovery for meter %s", meter_id)

    for line in ("*******************", "* Program Started *", "*******************"):
        main.info(line)
    main.debug("Debug Mode")
    main.info("Roomba.py Version: %s" % "2.0i")
    main.info("Python Version: %s" % "3.11.9 (main, Apr 30 2024, 06:41:35) [GCC 12.2.0]")
    main.info("Paho MQTT Version: %s" % "1.6.1")
    main.info("PIL Version: %s" % "10.3.0")
    main.debug("-- DEBUG Mode ON -")
    main.info("<CNTRL C> to Exit")
    main.info("Roomba MQTT data Interface")
    main.info("Creating Roomba object {}, {}".format("192.168.40.21", "Upstairs"))
    up.info("Connecting...")
    up.info("Setting TLS")
    up.info("Setting TLS - OK")
    up.error("Unable to Connect to roomba {}, make sure nothing else is connected (app?), "
             "as only one connection at a time is allowed".format("Upstairs"))
    up.error("Attempting retry Connection# {}".format(0))
    up.info("Attempting to Reconnect...")
    up.info("Roomba Connected")
    up.debug("Subscribed: {} {}".format("1", "(0,)"))
    up.info("subscribed to {}, {}".format("/roomba/command/Upstairs", "/roomba/setting/Upstairs"))
    shadow = "$aws/things/3115850251687850/shadow/update"
    phases = ["charge", "run", "run", "stuck", "run", "hmPostMsn"]
    for cycle in range(6):
        # rtlamr2mqtt: each meter broadcasts about once a minute.
        for i, (meter_id, proto, reading) in enumerate(METERS):
            if (i + cycle) % 4 == 3:
                continue
            value = str(int(reading) + cycle * (3 + i))
            r.debug("Meter %s reading: %s", meter_id, value)
            r.info("Published reading for meter %s: %s", meter_id,
                   value.lstrip("0") if proto != "r900" else "%.3f" % (int(value) / 1000))
        if cycle == 2:
            r.warning("rtlamr process died (exit code: %s), attempting restart", 1)
            r.warning("rtlamr last output before exit:\n  %s", "\n  ".join([
                now("%H:%M:%S.118 ") + "main.go:169: Error reading samples: read tcp 127.0.0.1:43512->127.0.0.1:1234: "
                "i/o timeout", now("%H:%M:%S.118 ") + "main.go:171: rcvr.Read: i/o timeout"]))
            r.warning("rtlamr exited after rtl_tcp read timeout, forcing rtl_tcp recovery")
            r.info("Stopping %s (pid %d)", "rtl_tcp", 23)
            r.warning("%s did not exit after SIGTERM, sending SIGKILL", "rtl_tcp")
            r.info("%s stopped", "rtl_tcp")
            r.warning("Resetting USB device at index %d after rtlamr read timeout", 0)
            r.info("USB device at index %d reset successfully", 0)
            r.info("Starting %s: %s", "rtl_tcp", "/usr/bin/stdbuf -oL /usr/bin/rtl_tcp -s 2048000 -d 0")
            r.debug("%s: %s", "rtl_tcp", "usb_claim_interface error -6")
            r.error("%s exited before becoming ready (exit code: %s)", "rtl_tcp", 1)
            r.error("%s %s:\n  %s", "rtl_tcp", "last output before exit", "\n  ".join([
                "Found 1 device(s):", "0:  Realtek, RTL2838UHIDIR, SN: 00000001", "usb_claim_interface error -6",
                "Failed to open rtlsdr device #0."]))
            r.warning("%s failed to start, retry %d/%d in %.1fs", "rtl_tcp", 1, 5, 2.0)
            r.info("Resetting USB device at index %d before retry", 0)
            r.info("Starting %s: %s", "rtl_tcp", "/usr/bin/stdbuf -oL /usr/bin/rtl_tcp -s 2048000 -d 0")
            r.info("%s is ready", "rtl_tcp")
            r.info("Starting %s: %s", "rtlamr", cmd)
            r.info("%s is ready", "rtlamr")
        if cycle == 4:
            r.warning("MQTT connection lost: %s. Reconnecting in 5s...", "[code:7] The connection was lost.")
            r.info("Connected to MQTT broker at %s:%d", "mosquitto", 1883)
            r.debug("Periodic re-publish of HA discovery payloads")

        # Roomba980-Python: the vacuum's shadow updates.
        bat = 100 - cycle * 9
        for payload in ('{"state":{"reported":{"batPct":%d}}}' % bat,
                        '{"state":{"reported":{"cleanMissionStatus":{"cycle":"clean","phase":"%s","expireM":0,'
                        '"rechrgM":0,"error":%d,"notReady":0,"mssnM":%d,"sqft":%d,"initiator":"schedule",'
                        '"nMssn":412}}}}' % (phases[cycle], 17 if phases[cycle] == "stuck" else 0, cycle * 7,
                                             cycle * 46),
                        '{"state":{"reported":{"pose":{"theta":%d,"point":{"x":%d,"y":%d}}}}}' % (
                            -90 + cycle * 33, 120 + cycle * 41, -35 + cycle * 17)):
            up.info("Received Roomba Data: {}, {}".format(shadow, str(payload.encode())))
        if cycle == 1:
            up.info("set current state to: {}".format("New Mission"))
            up.info("updated state to: {}".format("Running"))
        if cycle == 3:
            up.warning("Pending event queue size is: {}".format(4))
            up.info("updated state to: {}".format("Stuck"))

            try:
                _ = {"batPct": bat}["pose"]  # decode_topics: a KeyError
            except Exception as e:
                up.exception(e)
        if cycle == 5:
            up.info("updated state to: {}".format("Mission Completed"))
            up.info("Publishing master_state")
            up.warning("Unexpected Disconnect! - reconnecting")
            up.info("Attempting to Reconnect...")
            up.info("Roomba Connected")
    up.info("Received COMMAND: {}".format("dock"))
    up.info("Processing COMMAND: {}".format("dock"))
    up.info("Sending Command: {}".format('{"command": "dock", "time": 1715439010, "initiator": "localApp"}'))
    r.info("MQTT publisher shutting down")
    r.info("Shutting down...")
    r.info("Stopping %s (pid %d)", "rtlamr", 31)
    r.info("%s stopped", "rtlamr")
    r.info("Stopping %s (pid %d)", "rtl_tcp", 29)
    r.info("%s stopped", "rtl_tcp")
    r.info("Goodbye!")
    up.info("Cancelling {} outstanding tasks".format(3))
    up.info("{} disconnected".format("Upstairs"))
    printed(stream, "roomba-1 exited with code 0")
    return {"name": "rtlamr-roomba", "programs": [ra, rb], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_btgw_switchbot(), stream_emonhub_sungather(), stream_rtlamr_roomba()])


if __name__ == "__main__":
    main()
