"""The 58-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout57.py`): six more programs'
own logging set-ups, in three streams of two, from IoT and home-automation
bridges (a house's edge host on ECS Anywhere, where insteon-mqtt bridges
the Insteon PowerLinc modem and enocean-mqtt the EnOcean USB300 stick to
the same Mosquitto; a site's security and weather host, where the Paradox
Alarm Interface (PAI) bridges the alarm panel's IP150 module to MQTT and
pywws logs a Fine Offset weather station and forwards it to Weather
Underground; a home's energy collectors, where deye-inverter-mqtt reads
two Deye inverters' loggers over Modbus and pyPowerwall's proxy serves the
Tesla Powerwall's data to the Powerwall-Dashboard), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout58

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 93b9e7e (session 27's rules in, none written
from this set), with nothing configured: 72.2% exact, 72.2% key fields
(asctime 100.0%, levelname 99.7%, name 72.6%, message 93.8%).

Formatters and filters: all six use logging.Formatter itself (basicConfig's
for deye-inverter-mqtt and pyPowerwall's proxy). insteon-mqtt logs every
module under one logger, "insteon_mqtt" (log.get_logger's default name),
and prints `%(module)s` instead, after a time with its milliseconds glued
on by hand (".%(msecs)03d"); it adds a level, UI (21), named by
logging.addLevelName, which its ui() records print ("UI"), and several of
its messages span lines (the modem's database dump). enocean-mqtt logs
through the root logger with "LEVEL: " after Python's default time and no
name; its main() logs traceback.format_exc() as an ERROR record's message
(ending with a line break, no exc_info). PAI runs at INFO, so get_format
drops the thread's name: " - " separators, the level padded to eight, the
loggers named "PAI." and the module path (getLogger("PAI").getChild(
__name__)); its panel events reach the log through the dummy text
interface (DUMMY_INTERFACE_ENABLE, "ChangeEvent message: ..." at the
event's level). pywws's console handler prints "%H:%M:%S" (no date), the
logger's name and the message, colon-joined, no level; its FilterURLLib3
drops urllib3.connectionpool's records at and below the handler's level
(none reach this stream). deye-inverter-mqtt's LoggerAdapter
(ParameterizedLogger) puts "[1] " or "[2] " before the messages of an
inverter's objects (index 0, the aggregator's, adds nothing), and its
loggers are named after classes ("DeyeInverterState"). pyPowerwall's proxy
prints only "LEVEL:message", no time and no name. 378 records in three
streams (116, 120 and 142).

Print lines: Docker's and s6's lines, the proxy's print() of
PW_SITE_ZERO_THRESHOLD's warning and its " CANCEL " on shutdown, the
interpreter's traceback when pywws restarts without its weather station
(the device_libusb1 IOError nothing catches).

The messages are modelled on the programs' source (the calls found by
grepping the files named at the commits cited; texts with their own
arguments); their values (addresses, topics, zones, registers, readings,
sites), the enocean library's Packet text, deye's register-range text, the
third-party exceptions' texts and the tracebacks' frames (this file's) are
modelled.

Left out: hass-weatherflow2mqtt (logging.basicConfig(level=INFO):
BASIC_FORMAT, covered; briis/hass-weatherflow2mqtt 24cfd04 weatherflow2mqtt/
weatherflow_mqtt.py), MiTemperature2 (basicConfig at ERROR, its output is
print(); JsBergbau/MiTemperature2 f63f122 LYWSD03MMC.py), grott (no logging
set-up found in johanmeijer/grott fb52e2d: print() only), and
bt-mqtt-gateway, switchbot-mqtt, emonHub, SunGather, rtlamr2mqtt,
Roomba980-Python, dsmr-reader, ecowitt2mqtt, Theengs Gateway, ble2mqtt,
mqtt-io, mqttwarn, amqtt, AppDaemon, docker-wyze-bridge, Frigate, Home
Assistant, WeeWX, Fledge and the ThingsBoard gateway (in earlier sets).
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# insteon-mqtt (TD22057/insteon-mqtt, d0098df), insteon_mqtt/log.py
# initialize's fmt and datefmt (the "screen" StreamHandler on the
# "insteon_mqtt" logger); UI_LEVEL = 21, addLevelName(UI_LEVEL, "UI").
INSTEON = "%(asctime)s.%(msecs)03d %(levelname)s %(module)s: %(message)s"
INSTEON_DATEFMT = "%Y-%m-%d %H:%M:%S"
# enocean-mqtt (embyt/enocean-mqtt, 97acf89), enoceanmqtt/enoceanmqtt.py
# setup_logging's log_formatter (the root's console handler on stdout).
ENOCEAN = "%(asctime)s %(levelname)s: %(message)s"
# Paradox Alarm Interface (ParadoxAlarmInterface/pai, dabfbf1), paradox/
# main.py get_format for a level above DEBUG (configure_logger's console
# StreamHandler on the "PAI" logger).
PAI = "%(asctime)s - %(levelname)-8s - %(name)s - %(message)s"
# pywws (jim-easterbrook/pywws, bac9a4b), src/pywws/logger.py
# setup_handler's console formatter (no logfile; pywws-livelog -v).
PYWWS = "%(asctime)s:%(name)s:%(message)s"
PYWWS_DATEFMT = "%H:%M:%S"
# deye-inverter-mqtt (kbialek/deye-inverter-mqtt, 953aeb5), src/
# deye_docker_entrypoint.py setupLogging's log_format (basicConfig, stdout);
# the "[index] " prefix is src/deye_config.py ParameterizedLogger.process.
DEYE = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# pyPowerwall proxy (jasonacox/pypowerwall, ac5d364), proxy/server.py's
# logging.basicConfig (logger "proxy", BUILD "t97", pypowerwall 0.16.2).
POWERWALL = "%(levelname)s:%(message)s"

SITE = "/usr/local/lib/python3.11/site-packages/"
UI = 21


def ins(log, level, module, msg, *args, exc=None):
    """An insteon-mqtt record from insteon_mqtt/<module>.py (it prints %(module)s)."""
    at(log, level, SITE + "insteon_mqtt/" + module + ".py", 1, "?", msg, *args, exc=exc)


class Indexed(logging.LoggerAdapter):
    """deye-inverter-mqtt's ParameterizedLogger, as src/deye_config.py writes it."""

    def __init__(self, logger, index):
        super().__init__(logger, {"index": index})

    def process(self, msg, kwargs):
        index = self.extra["index"]
        return ("[{}] {}".format(index, msg) if index > 0 else msg), kwargs


def run(module, name, text):
    """Raises the program's exception one frame down (its traceback)."""
    raised(module, name, text)


# --------------------------------------------------------------------------
# A house's edge host on ECS Anywhere (the awslogs driver, one stream for
# the task): insteon-mqtt bridges the PowerLinc modem, enocean-mqtt the
# USB300 stick's window contacts, rocker switches and room sensors.

INSTEON_DEVICES = [("44.85.11", "kitchen_main", "Dimmer"), ("3a.29.84", "hall_switch", "Dimmer"),
                   ("48.3d.46", "porch_light", "Dimmer"), ("1f.a1.07", "garage_door", "IOLinc"),
                   ("49.b3.27", "office_keypad", "KeypadLincDimmer")]
ENOCEAN_SENSORS = [("01:9A:2B:3C", "enocean/living/window", "F6-10-00"), ("05:11:7E:42", "enocean/hall/rocker",
                   "F6-02-01"), ("01:8C:55:21", "enocean/office/temp", "A5-02-05"),
                   ("01:83:0F:9D", "enocean/bedroom/climate", "A5-04-01")]


def stream_insteon_enocean():
    stream = []
    im = Program("insteon-mqtt", "insteon_mqtt", logging.Formatter(INSTEON, INSTEON_DATEFMT), stream)
    en = Program("enocean-mqtt", "root", logging.Formatter(ENOCEAN), stream)
    i = lg(im, "insteon_mqtt")
    e = lg(en, "root", logging.INFO)
    with level_names({UI: "UI"}):
        printed(stream, "[s6-init] making user provided files available at /var/run/s6/etc...exited 0.")
        printed(stream, "[services.d] starting services")
        ins(i, logging.INFO, "Serial", "Serial device opened %s", "/dev/ttyUSB0")
        ins(i, logging.INFO, "Mqtt", "MQTT device opened %s %s with keepalive=%s", "mosquitto", 1883, 60)
        ins(i, logging.INFO, "Modem", "Loading configuration data")
        ins(i, logging.INFO, "Modem", "Modem address set to %s", "4a.f3.02")
        ins(i, logging.INFO, "Modem", "Modem %s database loaded %s entries", "modem", 23)
        for addr, name, kind in INSTEON_DEVICES:
            ins(i, logging.INFO, "Modem", "Created %s at %s", kind, f"{addr} ({name})")
            ins(i, logging.INFO, "Base", "Device %s database loaded %s entries", f"{addr} ({name})", 6)
        ins(i, logging.INFO, "Modem", "Starting device refresh")
        e.info("Loading config file %s", "/enoceanmqtt-default.conf")
        e.info("Loading config file %s", "/config/enoceanmqtt.conf")
        e.info("Authenticating: %s", "enocean")
        e.info("Succesfully connected to MQTT broker.")
        e.info("got response packet: %s", "OK")
        for cycle in range(10):
            for n, (addr, name, kind) in enumerate(INSTEON_DEVICES):
                if (n + cycle) % 3:
                    continue
                msg = "Std: %s Type.ALL_LINK_BROADCAST mh:3 hl:%d grp: 01 cmd: %02x 00" % (
                    addr, 2 - cycle % 2, 0x11 if cycle % 2 else 0x13)
                ins(i, logging.INFO, "Protocol", "Read %#04x: %s", 0x50, msg)
                if cycle == 4 and n == 0:
                    ins(i, logging.INFO, "Protocol", "Ignored duplicate %s", msg)
                    continue
                ins(i, logging.INFO, "Broadcast", "Handling all link broadcast for %s '%s'", addr, name)
                ins(i, logging.INFO, "Mqtt", "MQTT message %s %s", f"insteon/{addr}/state",
                    b'{"state": "ON", "brightness": 255}' if cycle % 2 else b'{"state": "OFF", "brightness": 0}')
            if cycle == 1:
                topic = "insteon/48.3d.46/level"
                ins(i, logging.INFO, "Mqtt", "MQTT message %s %s", topic, b'{"state": "ON", "brightness": 128}')
                ins(i, logging.INFO, "Dimmer", "Dimmer message %s %s", topic, b'{"state": "ON", "brightness": 128}')
                ins(i, logging.INFO, "Dimmer", "Dimmer input command: %s", {"state": "ON", "brightness": 128})
                ins(i, logging.INFO, "Protocol", "Write message to modem: %s",
                    "Std: 48.3d.46, Type.DIRECT mh:3 hl:3, 11 80 ")
                ins(i, logging.INFO, "StandardCmd", "%s device ACK response", "48.3d.46")
            if cycle == 2:
                ins(i, UI, "Mqtt", "Commanding %s device %s cmd=%s", "Modem", "4a.f3.02 (modem)", "print_db")
                ins(i, UI, "Modem", "%s modem database", "4a.f3.02")
                ins(i, UI, "Modem", "%s", "Insteon Modem Database\n"
                    "  0000: 44.85.11  grp:   1 type: ctrl data: 0x01 0x20 0x45\n"
                    "  0001: 3a.29.84  grp:   1 type: resp data: 0x01 0x20 0x45\n"
                    "  0002: 1f.a1.07  grp:   1 type: resp data: 0x00 0x00 0x00")
            if cycle == 3:
                ins(i, logging.WARNING, "Base", "Handler timed out %s of %s sent: %s", 1, 3,
                    "Std: 1f.a1.07, Type.DIRECT mh:3 hl:3, 19 00 ")
                ins(i, logging.ERROR, "Base", "Handler timed out - no more retries (%s sent)", 3)
            if cycle == 5:
                ins(i, logging.INFO, "Mqtt", "MQTT message %s %s", "insteon/cmd", b'{"cmd": "on", "level": 300}')
                try:
                    run("insteon_mqtt.mqtt.MsgTemplate", "ValueError",
                        "Invalid level 300 - must be in range [0, 255]")
                except Exception:
                    ins(i, logging.ERROR, "Mqtt", "Error running command %s on device %s", "on",
                        "44.85.11 (kitchen_main)", exc=True)
            # enocean-mqtt's radio packets (log_packets=1 in the sensor config).
            for n, (address, topic, eep) in enumerate(ENOCEAN_SENSORS):
                if (n + cycle) % 2:
                    continue
                data = "['0xa5', '0x0', '0x%x', '0x%x', '0x8', '0x%s']" % (80 + cycle, 140 + n, address[-2:].lower())
                e.info("received: %s", "0x01 %s ['0x1', '0xff', '0xff', '0xff', '0xff', '0x%x', '0x0'] {}" % (
                    data, 0x40 + cycle))
                if cycle == 4 and n == 2:
                    e.warning("message not interpretable: %s", topic)
            if cycle in (1, 5):
                e.info("unknown sensor: %s", "FE:F1:22:0%d" % cycle)
            if cycle == 3:
                e.warning("Unexpected or erroneous MQTT message: %s: %s", "enocean/hall/rocker/req",
                          b"{'cmd': 1")
            if cycle == 6:
                e.info("sending: %s", "0x01 ['0xd2', '0x1', '0x0', '0x64', '0xff', '0x9c', '0x3', '0x80', '0x0'] "
                       "['0x3', '0x5', '0x11', '0x7e', '0x42', '0xff', '0x0'] {}")
                e.info("got response packet: %s", "OK")
        # The stick is unplugged: the enocean thread dies, main() logs it.
        def run_loop():
            def receive():
                run("serial.serialutil", "SerialException",
                    "device reports readiness to read but returned no data (device disconnected or multiple access "
                    "on port?)")
            receive()
        try:
            run_loop()
        except Exception:
            e.error(traceback.format_exc())
        printed(stream, "[cont-finish.d] executing container finish scripts...")
        ins(i, logging.INFO, "Mqtt", "MQTT device closing %s %s", "mosquitto", 1883)
        ins(i, logging.INFO, "Serial", "Serial device closing %s", "/dev/ttyUSB0")
    return {"name": "insteon-enocean", "programs": [im, en], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A site's security and weather host (EC2 in a VPN to the site, the
# awslogs driver): PAI bridges the EVO192's IP150 to MQTT for Home
# Assistant, pywws logs the WH1080 station (USB over IP) and uploads to
# Weather Underground.

ZONES = ["Front door", "Garage door", "Hall PIR", "Kitchen PIR", "Back door", "Office window"]
PARTITIONS = ["Ground floor", "Garage"]


def stream_pai_pywws():
    stream = []
    pa = Program("pai", "PAI", logging.Formatter(PAI), stream)
    pw = Program("pywws", "pywws", logging.Formatter(PYWWS, PYWWS_DATEFMT), stream)
    main = lg(pa, "PAI", logging.INFO)
    px = lg(pa, "PAI.paradox.paradox", logging.INFO)
    panel = lg(pa, "PAI.paradox.hardware.panel", logging.INFO)
    ipc = lg(pa, "PAI.paradox.connections.ip.connection", logging.INFO)
    mq = lg(pa, "PAI.paradox.interfaces.mqtt.core", logging.INFO)
    basic = lg(pa, "PAI.paradox.interfaces.mqtt.basic", logging.INFO)
    dummy = lg(pa, "PAI.paradox.interfaces.text.dummy", logging.INFO)
    ww = lg(pw, "pywws.logger", logging.INFO)
    wlog = lg(pw, "pywws.logdata", logging.INFO)
    proc = lg(pw, "pywws.process", logging.INFO)
    tasks = lg(pw, "pywws.regulartasks", logging.INFO)
    station = lg(pw, "pywws.weatherstation", logging.INFO)
    wu = lg(pw, "pywws.service.underground", logging.INFO)
    livelog = lg(pw, "pywws.livelog", logging.INFO)

    printed(stream, "pai-1  | Attaching to pai-1, pywws-1")
    main.info("Starting Paradox Alarm Interface 3.4.2-dev")
    main.info("Config loaded from /etc/pai/pai.conf")
    main.info("Console Log level set to 20")
    mq.info("MQTT loop started")
    mq.info("MQTT Broker Connected")
    main.info("Starting...")
    px.info("Using IP Connection")
    px.info("Connecting to interface")
    ipc.info("Connecting. Try %d/%d" % (1, 3))
    px.info("Connecting to Panel")
    px.info("Panel Identified EVO192 version 7.50 build 2")
    px.info("Initiating panel connection")
    px.info("Connection OK")
    px.info("Loading data from panel memory")
    panel.info("Updating Definitions from Panel")
    panel.info("Zone definitions loaded (2.14s)")
    panel.info("Partition definitions loaded (0.31s)")
    panel.info("Updating Labels from Panel")
    panel.info("Zone labels loaded (1.88s): " + ", ".join(ZONES))
    panel.info("Partition labels loaded (0.22s): " + ", ".join(PARTITIONS))
    panel.info("User labels loaded (0.9s): Master, Installer, Cleaner, Alice, Bob")
    px.info("Panel time synchronized")
    px.info("Running")
    basic.info("MQTT Commands authentication enabled")

    ww.warning("pywws version %s, build %s (%s)", "24.8.0", "1710", "803f8e5")
    ww.info("Python version %s", "3.11.9 (main, Jul 23 2024, 07:22:56) [GCC 12.2.0]")
    station.info("using %s", "pywws.device_libusb1")
    wlog.info("Synchronising to weather station")
    wlog.info("%d catchup records", 12)
    proc.info("Generating summary data")
    proc.info("calib: %s", now("%Y-%m-%d %H:%M:%S"))
    proc.info("hourly: %s", now("%Y-%m-%d %H:00:00"))
    proc.info("daily: %s", now("%Y-%m-%d 09:00:00"))
    tasks.info("doing task sections {!r}".format(["live", "logged"]))

    for cycle in range(8):
        zone = ZONES[cycle % len(ZONES)]
        dummy.info("ChangeEvent message: Zone %s %s" % (zone, "open" if cycle % 2 == 0 else "closed"))
        if cycle % 3 == 1:
            dummy.info("LiveEvent message: Zone %s open" % ZONES[(cycle + 2) % len(ZONES)])
        if cycle == 2:
            basic.info("Authentication success. user: alice")
            basic.info("Partition command: Garage=arm user: alice")
            basic.info("Partition command accepted: Garage=arm user: alice")
            dummy.info("ChangeEvent message: Partition Garage is arming")
            basic.warning("Invalid command format. Authentication code required")
        if cycle == 7:
            basic.info("Authentication failed. user: bob")
            basic.info("Authentication success. user: alice")
            basic.info("Partition command: Ground floor=arm_stay user: alice")
            basic.warning("Partition command refused: Ground floor=arm_stay user: alice")
        if cycle == 3:
            basic.error("Invalid topic in mqtt message: paradox/control/partitions/Garage/unknown")
            px.warning("Could not set panel time")
        if cycle == 4:
            # The IP150 drops the session: run_loop logs the error and reconnects.
            main.error("Connection to panel lost: %s. Restarting" % "Connection reset by peer")
            mq.error("MQTT Broker unexpectedly disconnected. Code: 7")
            main.info("Starting...")
            ipc.info("Connecting. Try %d/%d" % (1, 3))
            px.info("Connection OK")
            mq.info("MQTT Broker Connected")
            px.info("Running")
        if cycle == 6:
            def loop():
                def handle():
                    run("construct.core", "StreamError", "stream read less than specified amount, expected 37, "
                        "found 36")
                handle()
            try:
                loop()
            except Exception:
                px.exception("Error parsing message")
        # pywws: the live data every 48 seconds, a logged record every five minutes.
        station.info("live_data new ptr: %06x", 0x1f0c0 + 0x10 * cycle)
        proc.info("hourly: %s", now("%Y-%m-%d %H:00:00"))
        tasks.info("Templating %s", "hourly.txt")
        tasks.info("Graphing %s", "24hrs.png.xml")
        if cycle == 2:
            tasks.warning("nothing to graph in %s", "/data/tmp/7days.png.xml")
        if cycle == 3:
            station.warning("setting %s clock %g", "live", 41.2)
        if cycle == 5:
            station.info("live_data missed")
            station.error("station is not logging data")
        if cycle in (1, 5):
            wu.error("http status: 503")
        elif cycle == 6:
            def upload_batch():
                def post():
                    run("requests.exceptions", "ConnectionError",
                        "HTTPSConnectionPool(host='rtupdate.wunderground.com', port=443): Max retries "
                        "exceeded with url: /weatherstation/updateweatherstation.php (Caused by "
                        "NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f3b2c1d9e50>: "
                        "Failed to resolve 'rtupdate.wunderground.com' "
                        "([Errno -3] Temporary failure in name resolution)\"))")
                post()
            try:
                upload_batch()
            except Exception as ex:
                wu.exception(ex)
        else:
            wu.info("1 record sent")
    # The station's USB link goes: live_log logs the exception, the container exits and restarts.
    def live_log():
        def read_block():
            run("usb1", "USBErrorNoDevice", "LIBUSB_ERROR_NO_DEVICE [-4]")
        read_block()
    try:
        live_log()
    except Exception as ex:
        livelog.exception(ex)
    printed(stream, "pywws-1 exited with code 1")
    ww.warning("pywws version %s, build %s (%s)", "24.8.0", "1710", "803f8e5")
    ww.info("Python version %s", "3.11.9 (main, Jul 23 2024, 07:22:56) [GCC 12.2.0]")
    station.info("using %s", "pywws.device_libusb1")

    def open_station():
        def find_device():
            raise IOError("Weather station device not found")
        find_device()
    uncaught(stream, open_station)
    printed(stream, "pywws-1 exited with code 1")
    main.info("Captured signal SIGTERM. Exiting")
    mq.info("MQTT Broker Disconnected")
    mq.info("MQTT loop stopped")
    main.info("Good bye!")
    return {"name": "pai-pywws", "programs": [pa, pw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A home's energy collectors (a Greengrass core's Docker, the awslogs
# driver): deye-inverter-mqtt reads two Deye inverters' Solarman loggers,
# pyPowerwall's proxy serves the Powerwall's data to the dashboard's
# Telegraf.

PROCESSORS = [("Report metrics over MQTT", True), ("Aggregate metrics from multiple inverters", True),
              ("Set inverter time once online", True), ("Active power regulation over MQTT", False),
              ("Change WorkMode over MQTT", False), ("Time-of-use configuration over MQTT", False)]
METRICS = ["/aggregates", "/soe", "/api/system_status/grid_status", "/strings", "/temps/pw", "/alerts/pw"]


def stream_deye_powerwall():
    stream = []
    dy = Program("deye-inverter-mqtt", "DeyeDaemon", logging.Formatter(DEYE), stream)
    pp = Program("pypowerwall-proxy", "proxy", logging.Formatter(POWERWALL), stream)
    daemon = lg(dy, "DeyeDaemon", logging.INFO)
    mqtt = lg(dy, "DeyeMqttClient", logging.INFO)
    factory = lg(dy, "DeyeProcessorFactory", logging.INFO)
    plugins = lg(dy, "DeyePluginLoader", logging.INFO)
    state = {k: Indexed(lg(dy, "DeyeInverterState", logging.INFO), k) for k in (1, 2)}
    tcp = {k: Indexed(lg(dy, "DeyeTcpConnector", logging.INFO), k) for k in (1, 2)}
    runner = {k: Indexed(lg(dy, "DeyeDaemon", logging.INFO), k) for k in (1, 2)}
    log = lg(pp, "proxy", logging.INFO)

    printed(stream, "WARNING: PW_SITE_ZERO_THRESHOLD must be an integer, defaulting to 0")
    log.info("pyPowerwall [%s] Proxy Server [%s] - %s Port %d" % ("0.16.2", "t97", "HTTP", 8675))
    log.info("pyPowerwall Proxy Started")
    log.info("Network error rate limiting: 5 errors/minute per function")
    log.info("Graceful degradation enabled (PW_GRACEFUL_DEGRADATION=yes) - cached data TTL: 300s")
    log.info("Connection health monitoring enabled (PW_HEALTH_CHECK=yes)")
    log.info("pyPowerwall Proxy Server - Local Mode")
    log.info("Connected to Energy Gateway %s (%s)" % ("192.168.91.1", "Home Energy Gateway"))
    log.info("TEDAPI Mode Enabled for Device Vitals (hybrid, queries=v1r)")
    log.info("TEDAPI probe/recovery thread started (interval=%ds, threshold=%d)", 30, 3)
    daemon.info("Please help me build the list of compatible inverters. "
                "https://github.com/kbialek/deye-inverter-mqtt/issues/41")
    mqtt.info("Enabled TLS encryption for MQTT Broker connection with certificate verification")
    plugins.info("Plugin '%s' discovered but not loaded, because it's not enabled in the config", "deye_plugin_ha")
    for desc, on in PROCESSORS:
        factory.info('Feature "{}": {}'.format(desc, "enabled" if on else "disabled"))
    mqtt.info("Successfully connected to MQTT Broker located at %s:%d", "mosquitto", 8883)
    mqtt.info("Subscribing to topic: %s", "deye/1/settings/active_power_regulation/command")

    for cycle in range(10):
        for k in (1, 2):
            if cycle == 3 and k == 2:
                tcp[k].warning("Could not open socket on IP %s: %s", "192.168.20.42", "[Errno 113] No route to host")
                state[k].info("Reading start")
                state[k].info("No changes found in received data, or the logger is offline, skipping")
                state[k].info("Reading completed")
                continue
            if cycle == 4 and k == 2:
                tcp[k].info("Re-connected to socket on IP %s", "192.168.20.42")
            state[k].info("Reading start")
            for rng in ("[0x0003-0x0080]", "[0x0096-0x00f8]", "[0x00f9-0x0115]"):
                state[k].info(f"Reading registers {rng}")
            if cycle == 6 and k == 1:
                tcp[k].warning("No data received")
            if cycle == 7 and k == 1:
                def read_from_logger():
                    def parse():
                        run("struct", "error", "unpack requires a buffer of 2 bytes")
                    parse()
                try:
                    read_from_logger()
                except Exception:
                    runner[k].exception("Unexpected error during runner execution")
                continue
            state[k].info("Reading completed")
        # The dashboard's Telegraf polls the proxy every five seconds (its access lines are DEBUG).
        if cycle in (2, 3):
            for path in METRICS[:2]:
                log.info(f"Network timeout in poll('{path}'): ReadTimeout")
        if cycle == 3:
            log.warning("Connection health degraded after 5 consecutive failures - entering graceful degradation mode")
        if cycle == 4:
            log.info("Connection health recovered - exiting degraded mode")
        if cycle == 5:
            log.warning("Bad payload response in poll('/temps/pw') - likely null/malformed data from Powerwall")
            log.warning("Proxy entering SolarOnly fallback mode: TEDAPI data unavailable. "
                        "Background recovery will retry periodically.")
            log.info("TEDAPI recovery attempt #1 (interval=30s)...")
        if cycle == 6:
            log.warning("TEDAPI recovery attempt #2 exception: HTTPSConnectionPool(host='192.168.91.1', port=443): "
                        "Read timed out. (read timeout=5)")
            log.info("TEDAPI recovery attempt #3 (interval=30s)...")
        if cycle == 7:
            log.info("Proxy recovered from SolarOnly fallback mode after 94s and 3 recovery attempt(s).")
        if cycle == 8:
            log.info("Control Command: Set Reserve to 20")
            log.warning("Network Error Summary (last 5 minutes):")
            log.warning("  get_aggregates: 4 ReadTimeout errors")
            log.warning("  get_soe: 2 ConnectionError errors")
        if cycle == 9:
            with pid(42):
                log.error("Unexpected error in poll('/alerts/pw'): KeyError: 'alerts'")
    printed(stream, " CANCEL ")  # print(" CANCEL \n"): its blank line is dropped
    log.info("pyPowerwall Proxy Stopped")
    printed(stream, "deye-1 exited with code 0")
    return {"name": "deye-powerwall", "programs": [dy, pp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_insteon_enocean(), stream_pai_pywws(), stream_deye_powerwall()])


if __name__ == "__main__":
    main()
