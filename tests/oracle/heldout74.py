"""The 74-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout73.py`): six more programs'
own logging set-ups in three streams, chosen from IoT fleets and edge
gateways as platform and SRE teams run them in AWS (a Wirepas mesh
gateway's container host on ECS Anywhere, where the Wirepas transport
service bridges the mesh's sinks to AWS IoT Core's MQTT broker and
upparat applies the fleet's OTA updates from AWS IoT Jobs; a plant's
Modbus collector task, where modbus-proxy shares the line PLC's single
Modbus TCP connection and modbus4mqtt polls its registers through it to
MQTT; a building's energy and automation edge host, where the OpenMotics
gateway service drives the building's outputs, thermostats and power
modules and mpp-solar's daemon reads the roof's inverter and publishes it
to MQTT), each format copied from the file named beside it (the version
read is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout74

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 2e470f2 (session 29's end, none of its rules
written from this set), with nothing configured: 60.1% exact, 80.4% key
fields (asctime 100.0%, levelname 100.0%, name 100.0%, message 80.4%).

Formatters and filters: all six use logging.Formatter itself, no filter
and no formatTime of their own. The Wirepas transport service's
basicConfig (root, on stdout) prints the time, " | ", the level in
brackets, then the package name glued to "@" and the file and line,
"wirepas_gateway@transport_service.py:441:", and the message after that
colon with no space (the package name is an f-string's, a literal in the
format). upparat's basicConfig prints Flask's default layout, "[time]
LEVEL in module: message", for its own modules and for backoff's records
(the "backoff" logger propagates to the root). modbus-proxy's
DEFAULT_LOG_CONFIG (dictConfig, root at INFO) pads the level right-
aligned to eight ("    INFO") and prints the logger's name, whose child
loggers are named after the connection, "modbus-proxy.ModBus(10.20.0.5:
502)" and "modbus-proxy.Client(10.20.0.31:48122)": parentheses and a
colon inside the name. modbus4mqtt's basicConfig pads the level left-
aligned to eight, no name, "%Y-%m-%d %H:%M:%S" (no milliseconds);
pymodbus's own records ("pymodbus.logging") reach the same root handler.
OpenMotics' Logs.setup_logger (at INFO: basicConfig only, no extra
handler) prints the cookbook's " - "-separated layout with the name
second, "openmotics" for most modules and "gateway.pubsub",
"gateway.master.classic" and "gateway.power" for the rest. mpp-solar's
module-level basicConfig prints the time padded to fifteen (no effect:
it is longer), then ":"-separated level, module and function, "@" and the
line, then ": " and the message; its daemon file handler (WARNING, to
/var/log/mpp-solar.log) is not the container's output.

Print lines: the Wirepas transport's own print() about the deprecated
DEBUG_LEVEL variable (the host's compose file still sets it), the
install hook's stderr (upparat pipes only a hook's stdout; the team's
hook script sends rauc's progress lines to stderr), mpp-solar's
print()s in daemon mode (its config lines and "Sleeping for 60 sec" after
every round), and the containers' entrypoint echo lines; a bare traceback
when modbus4mqtt dies at start-up with Mosquitto not yet listening (the
task restarts it).

The messages are modelled on the programs' source, read at the commits
cited: the Wirepas transport's transport_service.py, protocol/
mqtt_wrapper.py and dbus/ (its records' files, lines and texts),
upparat's statemachine/ modules, mqtt.py and hooks.py, modbus-proxy's
src/modbus_proxy.py (its Connection, Client and ModBus classes),
modbus4mqtt's modbus4mqtt.py and modbus_interface.py, OpenMotics'
openmotics_service.py, gateway/pubsub.py, gateway/watchdog.py,
gateway/metrics_controller.py, gateway/output_controller.py and
gateway/thermostat/gateway/, and mpp-solar's mppsolar/__init__.py,
devices/device.py, inout/serialio.py and libs/mqtt_manager.py (with
those files' modules, functions and line numbers). Modelled rather than
read: the values (gateway and sink ids, job ids, addresses, registers,
inverter readings), the order and number of records, backoff's and
pymodbus's message texts, the third-party exception texts, the install
paths, the hook scripts' output and the entrypoint lines.

Left out: Mycodo (its daemon's "%(asctime)s - %(levelname)s - %(name)s -
%(message)s" goes to a FileHandler on DAEMON_LOG_FILE only, nothing to the
console: kizniche/Mycodo 6972814b mycodo/mycodo_daemon.py),
smartmeter-datacollector (logging.basicConfig(level=WARNING): BASIC_FORMAT,
covered; scs/smartmeter-datacollector 1507c3fc smartmeter_datacollector/
app.py), HARDWARIO's bch-gateway ("%(asctime)s %(levelname)s:
%(message)s", hardwario/bch-gateway 16cb02b8 bcg/__init__.py: Patroni's
layout, in an earlier set), rauc-hawkbit (a library: it configures no
handler, rauc/rauc-hawkbit 09343830), Wirepas' dbus_print_client (a debug
tool) and its RTC and local-history services (the transport's format
again), and the programs of these areas in earlier sets or their Left
out paragraphs: Home Assistant, AppDaemon, Fledge, the ThingsBoard
gateway, mqtt-io, mqttwarn, amqtt, Theengs Gateway, ble2mqtt,
bt-mqtt-gateway, switchbot-mqtt, emonHub, SunGather, rtlamr2mqtt,
insteon-mqtt, enocean-mqtt, PAI, dsmr-reader, ecowitt2mqtt,
hass-weatherflow2mqtt, MiTemperature2, grott, docker-wyze-bridge,
Frigate, motionEye, OctoPrint, Klipper, Moonraker, pymodbus's own
servers, WeeWX and Greengrass.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Wirepas gateway transport service (wirepas/gateway, 06ff1250),
# python_transport/wirepas_gateway/transport_service.py main()'s
# basicConfig (root, stream=sys.stdout), __pkg_name__ "wirepas_gateway"
# (__about__.py) filled in by the f-string.
WIREPAS = "%(asctime)s | [%(levelname)s] wirepas_gateway@%(filename)s:%(lineno)d:%(message)s"
# upparat (caruhome/upparat, c5599090), src/upparat/config.py's basicConfig
# (root, stderr; level from the config's log_level).
UPPARAT = "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
# modbus-proxy (tiagocoutinho/modbus-proxy, bd9b72c0), src/modbus_proxy.py
# DEFAULT_LOG_CONFIG's "standard" formatter (root's "console"
# StreamHandler at INFO; prepare_log adds disable_existing_loggers False).
MODBUS_PROXY = "%(asctime)s %(levelname)8s %(name)s: %(message)s"
# modbus4mqtt (tjhowse/modbus4mqtt, 084eca46), modbus4mqtt/modbus4mqtt.py
# main()'s basicConfig (root, stderr, INFO).
MODBUS4MQTT = "%(asctime)s %(levelname)-8s %(message)s"
MODBUS4MQTT_DATEFMT = "%Y-%m-%d %H:%M:%S"
# OpenMotics gateway (openmotics/gateway, b3026d4a), src/logs.py
# Logs.LOG_FORMAT, through setup_logger's basicConfig (root, stderr).
OPENMOTICS = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# mpp-solar (jblance/mpp-solar, 902b210c), mppsolar/__init__.py FORMAT,
# the module's own basicConfig (root, stderr; -I sets the root to INFO).
MPPSOLAR = "%(asctime)-15s:%(levelname)s:%(module)s:%(funcName)s@%(lineno)d: %(message)s"

WIREPAS_SRC = "/usr/local/lib/python3.10/site-packages/wirepas_gateway/"
UPPARAT_SRC = "/usr/local/lib/python3.9/site-packages/upparat/"
BACKOFF = "/usr/local/lib/python3.9/site-packages/backoff/_common.py"
MPP_SRC = "/usr/local/lib/python3.11/site-packages/mppsolar/"


# --------------------------------------------------------------------------
# A Wirepas mesh gateway on ECS Anywhere (the CloudWatch agent ships the
# host's containers to one stream): the transport service bridges the
# sinks' D-Bus to AWS IoT Core; upparat, subscribed to the thing's job
# topics, downloads and installs the fleet's OTA bundles with its hooks.

GW_ID = "wm-gw-bldg7-03"
SINKS = ["sink0", "sink1"]
JOBS = {1: ("ota-gw-2024-05-a", "1.6.0rc1", "1.6.0"), 4: ("ota-gw-2024-05-b", "1.6.0", "1.6.1"),
        10: ("ota-gw-2024-05-c", "1.6.0", "1.6.1"), 13: ("ota-gw-2024-06-a", "1.6.1", "1.6.2")}


def stream_wirepas_upparat():
    stream = []
    wp = Program("wirepas-transport", "root", logging.Formatter(WIREPAS), stream)
    up = Program("upparat", "root", logging.Formatter(UPPARAT), stream)
    root = lg(wp, "root")
    ulog = lg(up, "upparat")
    backoff = lg(up, "backoff")

    def w(level, path, line, func, msg, *args, exc=None):
        at(root, level, WIREPAS_SRC + path, line, func, msg, *args, exc=exc)

    def u(level, path, line, func, msg, *args, exc=None):
        at(ulog, level, UPPARAT_SRC + path, line, func, msg, *args, exc=exc)

    ts = "transport_service.py"
    mq = "protocol/mqtt_wrapper.py"
    printed(stream, "Starting Wirepas transport service for gateway %s" % GW_ID)
    printed(stream, "Deprecated environment variable DEBUG_LEVEL (it will be dropped from version 2.x onwards) "
            "please use WM_DEBUG_LEVEL instead.")
    w(logging.INFO, ts, 402, "__init__", "Version is: %s", "1.6.0rc1")
    w(logging.INFO, "dbus/dbus_client.py", 69, "__init__", "Starting dbus client with c extension")
    w(logging.INFO, mq, 74, "__init__", "Max inflight messages set to %s", 20)
    w(logging.INFO, mq, 119, "__init__", "Rate control set to %s", 200)
    w(logging.INFO, ts, 441, "__init__", "Gateway started with id: %s", GW_ID)
    w(logging.INFO, ts, 447, "__init__", " Black hole detection enabled: max_packets=%s packets, max_delay=%s, "
      "stop_stack=%s", 1000, 60, False)
    w(logging.INFO, ts, 561, "_on_connect", "MQTT connected!")
    for s in SINKS:
        w(logging.INFO, ts, 653, "on_sink_connected", "Sink connected, sending new configs")
    w(logging.INFO, ts, 268, "_set_status", "Status published partial=%s", False)

    printed(stream, "upparat: reading /etc/upparat/service.conf")
    u(logging.INFO, "mqtt.py", 110, "_on_connect_handler", "Connection Accepted.")
    u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from monitor to fetch_jobs.")

    for cycle in range(16):
        # The transport's status and request handling.
        w(logging.INFO, ts, 744, "_on_get_gateway_info_cmd_received", "Gateway info request received")
        w(logging.INFO, ts, 717, "_on_get_configs_cmd_received", "Config request received")
        if cycle % 2 == 0:
            w(logging.INFO, ts, 315, "run", "Explicit request to update status")
            w(logging.INFO, ts, 268, "_set_status", "Status published partial=%s", False)
        if cycle % 3 == 1:
            w(logging.INFO, ts, 798, "_on_otap_status_request_received", "OTAP status request received")
        if cycle in (2, 11):
            # The mesh's OTAP: a scratchpad uploaded in chunks to sink0.
            w(logging.INFO, ts, 866, "_on_otap_upload_scratchpad_request_received",
              "OTAP upload request received for %s", "sink0")
            total = 61440
            for off in range(0, total, 12288):
                w(logging.INFO, ts, 932, "_on_otap_upload_scratchpad_request_received",
                  "Received chunk %d\u2013%d (%d/%d bytes)", off, off + 12288, off + 12288, total)
            w(logging.INFO, ts, 947, "_on_otap_upload_scratchpad_request_received",
              "Scratchpad fully received for %s", "sink0")
            w(logging.INFO, ts, 961, "_on_otap_process_scratchpad_request_received", "OTAP process request received")
        if cycle in (3, 14):
            # The site's uplink drops: the broker goes away, the queue grows.
            w(logging.ERROR, mq, 138, "_on_disconnect", "MQTT unexpected disconnection (network or broker "
              "originated):%s (%s)", "Connection lost.", 7)
            w(logging.ERROR, mq, 198, "_get_socket", "MQTT Inner loop, unexpected disconnection")
            w(logging.INFO, mq, 208, "_get_socket", "Starting reconnect loop with timeout %d" % 0)
            for k, since in enumerate((1, 3, 7, 15)):
                w(logging.INFO, mq, 219, "_get_socket", "MQTT reconnect attempt (since: %s, remaining time: %s)"
                  % (since, "infinite"))
                if k == 1:
                    w(logging.INFO, ts, 132, "run", "Increasing sink cost of all sinks")
                    w(logging.INFO, ts, 135, "run", "Last publish: %s Queue Size %s", 61.2, 1004)
            w(logging.INFO, mq, 245, "_get_socket", "Successfully acquired socket after reconnect")
            w(logging.INFO, ts, 561, "_on_connect", "MQTT connected!")
            w(logging.INFO, ts, 145, "run", "Connection is back, black hole is finished")
            w(logging.INFO, ts, 153, "run", "Decreasing sink cost")
            w(logging.WARNING, ts, 247, "_set_status", "Some value were not up to date")
            w(logging.INFO, ts, 268, "_set_status", "Status published partial=%s", True)
            w(logging.INFO, ts, 322, "run", "Backup mechanism to send a new status or next attempt")
            w(logging.INFO, ts, 268, "_set_status", "Status published partial=%s", False)
        if cycle == 5:
            def set_status():
                def read_config():
                    raised("wirepas_mesh_messaging.gateway_result_code", "GatewayAPIParsingException",
                           "Cannot read stack_profile of sink1: org.freedesktop.DBus.Error.NoReply")
                read_config()
            try:
                set_status()
            except Exception:
                w(logging.ERROR, ts, 332, "run", "Error when setting status", exc=True)
            w(logging.INFO, ts, 672, "on_sink_disconnected", "Sink disconnected, sending new configs")
            w(logging.INFO, ts, 653, "on_sink_connected", "Sink connected, sending new configs")
            w(logging.WARNING, "dbus/sink_manager.py", 426, "cost", "Node role is not a sink, sink cost cannot be "
              "modified")
        if cycle in (6, 12):
            w(logging.WARNING, ts, 704, "_on_send_data_cmd_received", "No sink with id: %s", "sink2")
            w(logging.ERROR, mq, 274, "run", "Timeout in connection, force a reconnect")
            w(logging.INFO, ts, 561, "_on_connect", "MQTT connected!")

        # upparat: the fleet's OTA jobs.
        if cycle in JOBS:
            job_id, running, version = JOBS[cycle]
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from fetch_jobs to select_job.")
            u(logging.INFO, "statemachine/select_job.py", 92, "on_enter", f"Start queued job execution: {job_id}")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from select_job to verify_job.")
            u(logging.INFO, "statemachine/verify_job.py", 99, "on_version_hook_event",
              f"Running on version {running}. Install {version}")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from verify_job to download.")
            u(logging.INFO, "statemachine/download.py", 176, "on_enter",
              "Skip download hook: Hook=no-hook, force=False.")
            path = f"/var/lib/upparat/upparat/{job_id}"
            u(logging.INFO, "statemachine/download.py", 68, "download", f"Downloading job to {path}.")
            if cycle == 4:
                def download():
                    def read():
                        raised("http.client", "RemoteDisconnected", "Remote end closed connection without response")
                    read()
                try:
                    download()
                except Exception:
                    u(logging.ERROR, "statemachine/download.py", 120, "download", "Unhandled failure. Starting over.",
                      exc=True)
                at(backoff, logging.INFO, BACKOFF, 105, "_log_backoff", "Backing off %s(...) for %.1fs (%s)",
                   "download", 1.7, "urllib.error.URLError: <urlopen error [Errno 104] Connection reset by peer>")
                u(logging.INFO, "statemachine/download.py", 60, "download", "Partial download of 18874368 bytes found.")
                u(logging.INFO, "statemachine/download.py", 68, "download", f"Downloading job to {path}.")
            u(logging.INFO, "statemachine/download.py", 102, "download", "Download completed.")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from download to install.")
            u(logging.INFO, "statemachine/install.py", 37, "on_enter", "Start installation")
            printed(stream, f"installing `{path}`")
            printed(stream, "rauc: 20% Checking bundle")
            printed(stream, "rauc: 60% Copying image to rootfs.1")
            if cycle == 4:
                printed(stream, "rauc: 100% Installing failed.")
                printed(stream, "LastError: Failed updating slot rootfs.1: No space left on device")
                u(logging.ERROR, "hooks.py", 87, "_hook", "Command '/etc/upparat/hooks/install.sh' failed with code: 1")
                u(logging.ERROR, "statemachine/install.py", 81, "on_install_hook_event",
                  "Installation failed: Exit code: 1")
                u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from install to monitor.")
                continue
            printed(stream, "rauc: 100% Installing done.")
            u(logging.INFO, "statemachine/install.py", 72, "on_install_hook_event", "Installation hook done")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from install to restart.")
            u(logging.INFO, "statemachine/restart.py", 33, "on_enter", "Initiate restart")
            u(logging.INFO, "statemachine/restart.py", 66, "on_restart_hook_event", "Restart hook done")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch",
              "State changed from restart to verify_installation.")
            u(logging.INFO, "statemachine/verify_installation.py", 98, "on_ready_hook_event", "Ready hook done")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch",
              "State changed from verify_installation to monitor.")
        elif cycle in (6, 8, 15):
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from monitor to fetch_jobs.")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from fetch_jobs to select_job.")
            u(logging.WARNING, "statemachine/select_job.py", 95, "on_enter", "No job executions pending.")
            u(logging.INFO, "statemachine/__init__.py", 39, "dispatch", "State changed from select_job to monitor.")
        elif cycle in (7, 11):
            u(logging.ERROR, "mqtt.py", 112, "_on_connect_handler", "Connection Refused: not authorised.")
            u(logging.WARNING, "mqtt.py", 87, "subscribe",
              f"Unable to subscribe to topic $aws/things/{GW_ID}/jobs/notify-next: The client is not currently "
              "connected.")
            u(logging.INFO, "mqtt.py", 110, "_on_connect_handler", "Connection Accepted.")
    w(logging.ERROR, ts, 491, "_on_mqtt_wrapper_termination_cb", "MQTT wrapper ends. Terminate the program")
    return {"name": "wirepas-upparat", "programs": [wp, up], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A plant's Modbus collector task on ECS Anywhere (awslogs, one stream for
# the task): modbus-proxy holds the line PLC's one Modbus TCP connection
# and shares it; modbus4mqtt and the HMI poll through it, and modbus4mqtt
# publishes the registers to the plant's Mosquitto.

PLC = "10.20.0.5"
REGISTERS = [("line1/speed_rpm", 40001), ("line1/motor_temp", 40003), ("line1/pressure_bar", 40005),
             ("line1/state", 40010), ("line2/speed_rpm", 40101), ("line2/motor_temp", 40103)]


def stream_modbus_proxy_modbus4mqtt():
    stream = []
    mp = Program("modbus-proxy", "modbus-proxy", logging.Formatter(MODBUS_PROXY), stream)
    m4 = Program("modbus4mqtt", "root", logging.Formatter(MODBUS4MQTT, MODBUS4MQTT_DATEFMT), stream)
    proxy = lg(mp, "modbus-proxy")
    bus = lg(mp, f"modbus-proxy.ModBus({PLC}:502)")
    root = lg(m4, "root")
    pym = lg(m4, "pymodbus.logging")

    def client(port):
        return lg(mp, f"modbus-proxy.Client(10.20.0.31:{port})")

    printed(stream, "+ modbus-proxy -c /etc/modbus-proxy.yml")
    proxy.info("Starting...")
    bus.info("Ready to accept requests on %s:%d", "0.0.0.0", 502)
    printed(stream, "+ modbus4mqtt --hostname mosquitto.plant.internal --config /modbus4mqtt/config/line-plc.yaml")

    def start():
        def connect():
            raised("builtins", "ConnectionRefusedError", "[Errno 111] Connection refused")
        connect()
    uncaught(stream, start)
    printed(stream, "+ modbus4mqtt --hostname mosquitto.plant.internal --config /modbus4mqtt/config/line-plc.yaml")
    root.info("Starting modbus4mqtt v%s" % "1.2.1")
    root.warning("Failed to find config file on path: /modbus4mqtt/modbus4mqtt/line-plc.yaml. Checking alternative "
                 "path /modbus4mqtt/config/line-plc.yaml")
    root.info("Connecting to Modbus...")
    c = client(48122)
    c.info("new client connection")
    bus.info("connecting to modbus...")
    bus.info("connected!")
    bus.info("delay after connect: %s", 0.5)
    root.info("Connected to Modbus.")
    root.info("Connected to MQTT.")
    for topic, _ in REGISTERS[:4]:
        root.info("Subscribing to {}".format("plant/" + topic + "/set"))
    for topic, _ in REGISTERS[:4]:
        root.info(f"Subscribed to {'plant/' + topic + '/set'}.")
    root.info("Subscribed to all set topics.")
    hmi_port = 51000
    for n in range(36):
        cycle = n % 12
        if n % 3 == 0:
            # The HMI panel's short-lived connections through the proxy.
            hmi_port += 7
            h = lg(mp, f"modbus-proxy.Client(10.20.0.44:{hmi_port})")
            h.info("new client connection")
            h.info("client closed connection")
            h.info("closing connection...")
            h.info("connection closed")
        if cycle == 2:
            root.warning("Value not in value_map. Topic: {}, value: {}, valid values: {}".format(
                "line1/state", "stopped", {"run": 1, "stop": 0, "jog": 2}.keys()))
        if cycle == 4:
            root.error("Failed to convert register value for writing. Bad/missing value_map? Topic: {}, Value: {}"
                       .format("line1/speed_rpm", "b'fast'"))
        if cycle == 5:
            # The PLC stops answering: the proxy retries, modbus4mqtt reconnects.
            bus.error("write_read error [%s/%s]: %r", 1, 2, TimeoutError())
            bus.info("closing connection...")
            bus.info("connection closed")
            bus.info("connecting to modbus...")
            bus.error("write_read error [%s/%s]: %r", 2, 2, OSError(113, "No route to host"))
            bus.info("closing connection...")
            c.info("closing connection...")
            c.info("connection closed")
            pym.error("Connection to (%s, %s) failed: %s" % ("modbus-proxy", 502, "timed out"))
            root.error("Failed to poll modbus device, attempting to reconnect: {}".format(
                "Modbus Error: [Connection] ModbusTcpClient modbus-proxy:502: Connection unexpectedly closed "
                "0.000 seconds into read of 8 bytes without response from slave before it closed connection"))
            root.info("Connecting to Modbus...")
            c = client(48166)
            c.info("new client connection")
            bus.info("connecting to modbus...")
            bus.info("connected!")
            bus.info("delay after connect: %s", 0.5)
            root.info("Connected to Modbus.")
        if cycle == 8:
            pym.error("Modbus Error: [Input/Output] No Response received from the remote slave/Unable to decode "
                      "response")
            root.error("Modbus Error: [Input/Output] No Response received from the remote slave/Unable to decode "
                       "response")
            for topic, addr in REGISTERS[4:]:
                root.warning("Couldn't get value from register {} in table {}".format(addr, "holding"))
        if cycle == 9:
            root.warning("Disconnected from MQTT. Attempting to reconnect.")
            root.info("Connected to MQTT.")
            for topic, _ in REGISTERS[:4]:
                root.info("Subscribing to {}".format("plant/" + topic + "/set"))
            for topic, _ in REGISTERS[:4]:
                root.info(f"Subscribed to {'plant/' + topic + '/set'}.")
            root.info("Subscribed to all set topics.")
        if cycle == 10:
            root.error("Failed to write to modbus device: {}".format(
                "Exception Response(134, 6, IllegalAddress)"))
            c2 = lg(mp, f"modbus-proxy.Client(10.20.0.44:{hmi_port + 1})")
            c2.info("new client connection")
            c2.error("reading error: %r", ConnectionResetError(104, "Connection reset by peer"))
            c2.info("closing connection...")
            c2.info("failed to close: %r", ConnectionResetError(104, "Connection reset by peer"))
    proxy.warning("Ctrl-C pressed. Bailing out!")
    return {"name": "modbus-proxy-modbus4mqtt", "programs": [mp, m4], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A building's energy and automation edge host on ECS Anywhere (the
# CloudWatch agent, one stream for the host): the OpenMotics gateway
# service drives the building's outputs, thermostats and power modules;
# mpp-solar's daemon reads the roof's PI30 inverter every minute and
# publishes it to the building's MQTT broker.

OUTPUTS = [(3, "Hall lights"), (7, "Office 2.1 lights"), (12, "Server room fan"), (18, "Lobby blinds")]


def stream_openmotics_mppsolar():
    stream = []
    om = Program("openmotics", "openmotics", logging.Formatter(OPENMOTICS), stream)
    mpp = Program("mpp-solar", "root", logging.Formatter(MPPSOLAR), stream)
    o = lg(om, "openmotics")
    pubsub = lg(om, "gateway.pubsub")
    master = lg(om, "gateway.master.classic")
    power = lg(om, "gateway.power")
    root = lg(mpp, "root")

    def m(path, line, func, msg, level=logging.INFO, exc=None):
        at(root, level, MPP_SRC + path, line, func, msg, exc=exc)

    printed(stream, "Starting OpenMotics gateway service (openmotics_service.py)")
    o.info("Starting OpenMotics service")
    o.info("Starting OM core service...")
    o.info("Starting gateway thermostatcontroller...")
    o.info("Starting gateway thermostatcontroller... Done")
    o.info("Starting OM core service... Done")
    pubsub.warning('Received gateway event %s on topic "%s" without subscribers', "CONFIG_CHANGE", "config")

    printed(stream, "+ mpp-solar -C /etc/mpp-solar/mpp-solar.conf --daemon -I")
    m("__init__.py", 248, "main", "Solar Device Command Utility, version: 0.16.57-dev, python version: 3.11.9")
    m("__init__.py", 338, "setup_daemon_if_requested", "Daemon mode requested")
    m("__init__.py", 342, "setup_daemon_if_requested", "Detected daemon type: DaemonType.OPENRC")
    m("__init__.py", 354, "setup_daemon_if_requested", "Using default PID file: /var/run/mpp-solar.pid")
    m("__init__.py", 374, "setup_daemon_if_requested",
      "Using OPENRC daemon type - init system will handle process management")
    m("__init__.py", 379, "setup_daemon_if_requested", "Daemon file logging setup successful.")
    m("inout/__init__.py", 115, "get_port", "Using serialio for communications")
    printed(stream, "Config file: /etc/mpp-solar/mpp-solar.conf")
    printed(stream, "Config setting - pause: 60")
    printed(stream, "Config setting - command sections found: 2")
    m("__init__.py", 612, "main", "Daemon OpenRC (PID file: /var/run/mpp-solar.pid)")
    m("__init__.py", 311, "log_process_info", "[AFTER_DAEMON_INITIALIZE] PID: 7, PPID: 1, PGID: 7, SID: 7, "
      "Leader: True")
    m("__init__.py", 317, "log_process_info", "[AFTER_DAEMON_INITIALIZE] Command: /usr/local/bin/python "
      "/usr/local/bin/mpp-solar -C /etc/mpp-solar/mpp-solar.conf --daemon -I")
    m("libs/mqtt_manager.py", 234, "start", "Started MQTT connection manager for mqtt.bldg7.internal:1883")
    m("libs/mqtt_manager.py", 378, "start_all", "Started 1 MQTT connections")
    m("libs/mqtt_manager.py", 255, "_connection_loop", "Attempting to connect to mqtt.bldg7.internal:1883")
    m("libs/mqtt_manager.py", 137, "_on_connect", "MQTT connection to mqtt.bldg7.internal:1883 - Connection "
      "successful")
    m("__init__.py", 311, "log_process_info", "[AFTER_DAEMON_NOTIFY] PID: 7, PPID: 1, PGID: 7, SID: 7, "
      "Leader: True")
    m("__init__.py", 317, "log_process_info", "[AFTER_DAEMON_NOTIFY] Command: /usr/local/bin/python "
      "/usr/local/bin/mpp-solar -C /etc/mpp-solar/mpp-solar.conf --daemon -I")

    device = "PI30 device - name: roof_inverter, port: /dev/ttyUSB0, protocol: PI30"
    for rnd in range(12):
        for cmd, crc, tag in (("QPIGS", "b7a9", "roof_inverter_qpigs"), ("QMOD", "49c1", "roof_inverter_qmod")):
            m("__init__.py", 633, "main", f"Getting results from device: {device} for command: {cmd}, tag: {tag}, "
              "outputs: hass_mqtt")
            m("devices/device.py", 46, "run_command", f"Running command {cmd}")
            m("devices/device.py", 78, "run_command", f"Full command b'{cmd}\\x{crc[:2]}\\x{crc[2:]}\\r' for command "
              f"{cmd}")
            if rnd % 7 == 3 and cmd == "QPIGS":
                m("inout/serialio.py", 33, "send_and_receive",
                  "Serial read error: device reports readiness to read but returned no data (device disconnected "
                  "or multiple access on port?)", level=logging.WARNING)
                m("inout/serialio.py", 34, "send_and_receive", "Command execution failed")
                m("devices/device.py", 139, "_send_command_with_retry",
                  "Command attempt 1 failed: 'NoneType' object has no attribute 'decode'", level=logging.WARNING)
            if cmd == "QPIGS":
                v = 229.8 + rnd * 0.3
                resp = {"ac_input_voltage": [round(v, 1), "V"], "ac_output_active_power": [1840 + rnd * 35, "W"],
                        "battery_voltage": [round(52.4 - rnd * 0.1, 1), "V"], "pv_input_power": [2310 - rnd * 120, "W"]}
            else:
                resp = {"device_mode": ["Battery" if 4 < rnd < 9 else "Line", ""]}
            m("devices/device.py", 103, "run_command", f"Decoded response {resp}")
        if rnd == 5:
            def loop():
                def output():
                    raised("paho.mqtt.client", "WebsocketConnectionError", "Connection refused by broker")
                output()
            try:
                loop()
            except Exception as e:
                m("__init__.py", 674, "main", f"[LOOP ERROR] Exception in daemon loop: {e}", level=logging.ERROR,
                  exc=True)
            m("libs/mqtt_manager.py", 153, "_on_disconnect",
              "Unexpected MQTT disconnection from mqtt.bldg7.internal. RC: 7", level=logging.WARNING)
            m("libs/mqtt_manager.py", 279, "_handle_connection_failure",
              "Waiting 5s before reconnecting to mqtt.bldg7.internal", level=logging.WARNING)
            m("libs/mqtt_manager.py", 255, "_connection_loop", "Attempting to connect to mqtt.bldg7.internal:1883")
            m("libs/mqtt_manager.py", 137, "_on_connect", "MQTT connection to mqtt.bldg7.internal:1883 - "
              "Connection successful")
        printed(stream, "Sleeping for 60 sec")

        # OpenMotics: the building's automations meanwhile.
        for oid, _ in OUTPUTS:
            if (oid + rnd) % 4 == 1:
                o.info("BA: Execute {0} {1}".format(2, oid))
        o.info("Thermostat {0}: Steer to {1} ".format(1 + rnd % 3, 35 + rnd * 5))
        o.info("Valve {0} (output {1}) changing from {2}% to {3}%".format(4, 21, 30 + rnd * 5, 35 + rnd * 5))
        if rnd % 7 == 1:
            o.info("Setting setpoint from scheduler for thermostat {}: H{} C{}".format(2, 21.5, 25.0))
            o.info("Ensuring pump {0} is on".format(1))
            o.info("Turning on pump {0}".format(1))
        if rnd % 7 == 2:
            o.warning("Received change for unknown output {0}: {1}".format(40, {"status": 1, "dimmer": 100}))
            master.info("Timed out on passthrough message")
        if rnd % 7 == 3:
            o.warning("Thermostat {0}: Could not read current temperature, use last value of {1}".format(3, 21.0))
            o.error("Error sending metrics to Cloud: {0}".format(
                "HTTPSConnectionPool(host='cloud.openmotics.com', port=443): Read timed out. (read timeout=10.0)"))
        if rnd % 7 == 4:
            def publish():
                def handle():
                    raised("builtins", "KeyError", "27")
                handle()
            try:
                publish()
            except Exception:
                pubsub.exception("Failed to call handle %s for topic %s",
                                 "<bound method OutputController._handle_master_event of "
                                 "<gateway.output_controller.OutputController object at 0x7f3c2a1e8d30>>", "output")
            o.warning("Observed unstable communication for %s", "master")
            master.error("Could not consume/decode message from the master: {0}".format(
                "Unknown action: 'ol\\x00\\x1f'"))
        if rnd % 7 == 6:
            power.error("Got communication timeout during synchronization, waiting 10 seconds.")
            o.critical("Major issues in communication with {0}. Resetting {0}".format("energy"))
    o.info("Stopping OM core service...")
    o.info("Stopping OM core service... Done")
    return {"name": "openmotics-mppsolar", "programs": [om, mpp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_wirepas_upparat(), stream_modbus_proxy_modbus4mqtt(), stream_openmotics_mppsolar()])


if __name__ == "__main__":
    main()
