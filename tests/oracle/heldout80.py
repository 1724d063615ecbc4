"""The 80-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout79.py`): six more programs'
own logging set-ups in three streams, chosen from robotics and fleet
tooling and from HR and business integrations as platform and SRE teams
run them in AWS (a planetary-rover testbed's edge host on ECS Anywhere,
where NASA's F Prime ground data system talks to the rover's flight
software and the testbed's sample-handling arm runs an xArm Studio program
on UFACTORY's xArm Python SDK; a drone team's build and simulation host on
EC2, where Cyberbotics' Webots session and simulation servers stream the
team's simulated flights and ArduPilot's CustomBuild server builds custom
firmware for the fleet; a company's IT integrations task on ECS, where
Adobe's User Sync Tool provisions the directory's people into the Adobe
Admin Console every night and Sync2Jira mirrors the engineering
organisation's GitHub issues and pull requests into Jira from the Fedora
message bus), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout80

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at c44236d (session 30's rules in, none written
from this set), with nothing configured: 96.9% exact, 96.9% key
fields (asctime 97.5%, levelname 99.7%, name 99.7%, message 97.2%).

Formatters and filters: all six use logging.Formatter itself, no filter
and no formatTime of their own. F Prime's configure_py_log gives the root
logger a stdout handler (--log-to-stdout) in each of the GDS's processes
(the launcher, the comm adapter, the Flask UI): the time in brackets, the
level in brackets, the logger's short name ("comm", "downlink",
"tcp_handler", "transport", "distributor") and a colon; the file
downlinker's START record is a four-line message with TAB-indented lines.
The xArm SDK has two loggers of its own: "xarm.core.utils.log" (stdout,
WARNING and up: the SDK sets it to WARNING) prints "[SDK][LEVEL][time]
[file:line] - - message", time without milliseconds, and "origin.print"
(stdout, INFO) has a handler with no formatter at all, so its records (the
controller's error and warning codes, "xArm is ready to move") are bare
messages. Webots' session and simulation servers put a stdout handler
(debug true in their config) with "%(asctime)-15s [%(levelname)-7s]
%(message)s" (two spaces before the message, the level padded to seven) on
the root, where Tornado's access warnings and application errors land too.
CustomBuild's web app (FastAPI under uvicorn) and its builder both use
dictConfig's "[%(asctime)s] %(levelname)s in %(module)s: %(message)s" on
stdout, the web app with datefmt "%Y-%m-%d %H:%M:%S" (its dictConfig also
takes over uvicorn's loggers, so uvicorn's lifecycle and access records
print "in server", "in on", "in h11_impl"), the builder with Python's
default time (milliseconds after a comma); two different modules print "in
manager". User Sync's root handler (stdout) prints "time pid LEVEL name -
message" with "%Y-%m-%d %H:%M:%S"; its progress lines end with a space (an
empty progress message), its job dividers are runs of "=" and "-", and its
action summary pads the descriptions to the right (the run's closing
divider ends with a space: its header leaves no room for dividers).
Sync2Jira's basicConfig (root, stderr, INFO: the first of its three calls
wins) prints "[time] LEVEL: message", no name; the Fedora messaging
consumer's records, the jira client's and urllib3's reach the same
handler.

Print lines: the containers' entrypoint lines, the F Prime launcher's own
"[INFO] ..." print()s (not records), Flask's banner, the traceback of the
comm adapter's uplink thread ("Exception in thread ...", after which the
operators restart the task), the xArm SDK's "SDK_VERSION" and "ROBOT_IP"
print()s and the xArm Studio program's pprint() lines ("[time][line]
..."), Webots' print()s ("Simulation server running on port ...", "world =
..."), git's output in CustomBuild's containers (its subprocess calls
inherit stdout and stderr: "true" from every `git rev-parse
--is-inside-work-tree`, clone and submodule lines), the builder's bare
traceback when Redis is not up yet at its first start, User Sync's
entrypoint line, and Sync2Jira's bare traceback when a Jira error ends the
start-up initialisation (the task restarts it).

The messages are modelled on the programs' source, read at the commits
cited: fprime-gds's executables/run_deployment.py, utils.py, comm.py and
cli.py, common/logger/__init__.py, common/communication/adapters/ip.py and
updown.py, common/zmq_transport.py, common/files/downlinker.py,
common/distributor/distributor.py and common/decoders/; the xArm SDK's
x3/base.py, x3/decorator.py, x3/xarm.py, core/comm/base.py,
core/utils/log.py, core/config/x_code.py (the error and warning codes) and
tools/blockly/_blockly_tool.py (the exported RobotMain's pprint, its
"err=..., quit", _check_code and "MainException" lines), with those files'
line numbers; Webots' resources/web/server/session_server.py and
simulation_server.py and its config/session/amazon.json (8364fc97);
CustomBuild's builder/__main__.py, builder/builder.py, build_manager/
(manager.py, cleaner.py, progress_updater.py), ap_git/core.py and
utils.py, utils/taskrunner.py, metadata_manager/ and web/ (main.py,
core/logging_config.py, core/startup.py, services/vehicles.py, api/v1/,
Dockerfile); User Sync's user_sync/app.py, helper.py (JobStats),
config/user_sync.py, connector/directory_ldap.py,
connector/connector_umapi.py and engine/umapi.py; Sync2Jira's
sync2jira/main.py, downstream_issue.py, downstream_pr.py and Dockerfile,
and fedora-messaging's twisted/consumer.py and protocol.py (fedora-infra/
fedora-messaging 48c5ccbc). Modelled rather than read: the values
(addresses, ports, ids, paths, build ids, board names, feature defines,
users, groups, issue and message ids, file sizes), the order and number of
records, the xArm Studio program's own print texts and line numbers,
uvicorn's, Tornado's, the jira client's and urllib3's message texts, git's
output, the third-party exception texts (redis, ldap3, jira, requests),
the Python versions and the entrypoint lines.

Left out: Viam's Python SDK (viamrobotics/viam-python-sdk 060e3939
src/viam/logging.py: "%(asctime)s\\t\\t%(levelname)s\\t%(name)s
(%(filename)s:%(lineno)d)\\t%(message)s\\t" with an ANSI-coloured level
on every line; left for a later set: its client logs almost nothing at
INFO, and its robot client's records use the standard getLogger, which
no handler of Viam's serves), colcon (colcon/colcon-core b37a8d4e
colcon_core/logging.py: BASIC_FORMAT through basicConfig(), with a
"[%.3fs] " prefix its add_file_handler patches into the shared
formatter's formatMessage, a field no format string names), CARLA's
scenario_runner (carla-simulator/scenario_runner 94ff3b8a: print()s,
its osc2 log_manager's "%(message)s " only at ERROR), PX4's Flight Review
(PX4/flight_review 26c87079: no logging set-up found), yakut
(OpenCyphal/yakut c2991469 yakut/main.py: a CLI whose
"%(asctime)s %(process)07d %(levelname)-3.3s %(name)s: %(message)s" only
shows warnings by default), fedora-messaging's own CLI format ("[%(name)s
%(levelname)s] %(message)s", only set up by `fedora-messaging consume`,
not by Sync2Jira's api.consume), Sync2Jira's sync-page (the same format
as its daemon), and the programs of these areas in earlier sets or their
Left out paragraphs: ROS 1's roslaunch and rospy, ROS 2 launch,
rosbridge, MAVProxy, Skybrush Server, DJITelloPy, the ArduPilot Methodic
Configurator, WebODM, SatNOGS, rmf-web, LinOTP, privacyIDEA, ldap2pg,
FreeIPA, github-team-sync, DefectDojo's Jira sync, Odoo, ERPNext, Tryton
and Frappe.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# F Prime GDS 3.5.2a2 (nasa/fprime-gds, 87baaceb), src/fprime_gds/common/
# logger/__init__.py configure_py_log's Formatter, on the root logger's
# StreamHandler(sys.stdout) (`--log-to-stdout`; the file handlers write
# under --logs).
FPRIME = "[%(asctime)s] [%(levelname)s] %(name)s: %(message)s"
# xArm Python SDK 1.18.5 (xArm-Developer/xArm-Python-SDK, d911319c),
# xarm/core/utils/log.py Logger.stream_handler_fmt and
# stream_handler_date_fmt, the "xarm.core.utils.log" logger's
# StreamHandler(sys.stdout); its "origin.print" logger's StreamHandler
# (same file) has no formatter: "%(message)s".
XARM = "[SDK][%(levelname)s][%(asctime)s][%(filename)s:%(lineno)d] - - %(message)s"
XARM_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Webots (cyberbotics/webots, d539b0e9), resources/web/server/
# session_server.py main()'s formatter, the same in simulation_server.py
# (2a0cb77a): the root's StreamHandler(sys.stdout) when the config's
# "debug" is true (a RotatingFileHandler otherwise).
WEBOTS = "%(asctime)-15s [%(levelname)-7s]  %(message)s"
# ArduPilot CustomBuild (ArduPilot/CustomBuild, bba3580a), web/core/
# logging_config.py setup_logging's "default" formatter (the "console"
# handler, stdout, on the root and on uvicorn's loggers), and
# builder/__main__.py's dictConfig (the same format, no datefmt).
CBS = "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
CBS_WEB_DATEFMT = "%Y-%m-%d %H:%M:%S"
# User Sync Tool 2.10.0rc2 (adobe-apiplatform/user-sync.py, fe94acbf),
# user_sync/app.py LOG_STRING_FORMAT and LOG_DATE_FORMAT, the root's
# StreamHandler(sys.stdout) from init_console_log().
USERSYNC = "%(asctime)s %(process)d %(levelname)s %(name)s - %(message)s"
USERSYNC_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Sync2Jira (release-engineering/Sync2Jira, a931edd1), sync2jira/main.py
# FORMAT through logging.basicConfig (root, stderr, INFO).
SYNC2JIRA = "[%(asctime)s] %(levelname)s: %(message)s"

XARM_SRC = "/usr/local/lib/python3.11/site-packages/xarm/"
CBS_WEB = "/app/"
CBS_BUILDER = "/app/"
UVICORN = "/usr/local/lib/python3.10/site-packages/uvicorn/"
PY = "/usr/local/bin/python3"


# --------------------------------------------------------------------------
# A planetary-rover testbed's edge host on ECS Anywhere (the CloudWatch
# agent ships both containers to one stream): the F Prime GDS serves the
# rover's flight software on TCP/UDP 50000 and its operators' UI on port
# 5000; the sample-handling arm runs the testbed's xArm Studio program
# (exported to Python) against the arm's controller.

IMAGES = ["hazcam_f", "hazcam_r", "navcam_l", "navcam_r", "mastcam_z"]


def stream_fprime_xarm():
    stream = []
    gds = Program("fprime-gds", "root", logging.Formatter(FPRIME), stream)
    sdk = Program("xarm-sdk", "xarm.core.utils.log", logging.Formatter(XARM, XARM_DATEFMT), stream)
    origin = Program("xarm-origin", "origin.print", logging.Formatter(), stream)
    root = lg(gds, "root")
    comm = lg(gds, "comm")
    transport = lg(gds, "transport")
    tcp = lg(gds, "tcp_handler")
    udp = lg(gds, "udp_handler")
    uplink = lg(gds, "uplink")
    downlink = lg(gds, "downlink")
    distributor = lg(gds, "distributor")
    decoder = lg(gds, "decoder")
    xlog = lg(sdk, "xarm.core.utils.log")
    olog = lg(origin, "origin.print")

    def x(level, path, line, func, msg):
        at(xlog, level, XARM_SRC + path, line, func, msg)

    def pp(line, msg):
        # RobotMain.pprint: '[time][caller's line] message', a print().
        printed(stream, "[%s][%d] %s" % (now("%Y-%m-%d %H:%M:%S"), line, msg))

    def gds_start(restart=False):
        printed(stream, "+ exec fprime-gds -n --dictionary /opt/rover/dict/RoverTopologyDictionary.json "
                "--comm-adapter ip --ip-address 0.0.0.0 --ip-port 50000 --gui-addr 0.0.0.0 --gui-port 5000 "
                "--logs /data/gds-logs --log-to-stdout")
        root.info("Logging system initialized!")
        printed(stream, "[INFO] Ensuring comm[ip] Application is stable for at least 1 seconds")
        printed(stream, "[INFO] Running Application: " + PY)
        root.info("Logging system initialized!")
        comm.info("Starting uplinker/downlinker connecting to FSW using %s with %s", "ip", "fprime")
        transport.info("Outgoing connecting to: %s", "ipc:///tmp/fprime-server-in")
        transport.info("Incoming connecting to: %s", "ipc:///tmp/fprime-server-out")
        printed(stream, "[INFO] Ensuring HTML GUI is stable for at least 2 seconds")
        printed(stream, "[INFO] Running Application: " + PY)
        printed(stream, " * Serving Flask app 'fprime_gds.flask.app'")
        printed(stream, " * Debug mode: off")
        root.info("Logging system initialized!")
        transport.info("Outgoing connecting to: %s", "ipc:///tmp/fprime-server-in")
        transport.info("Incoming connecting to: %s", "ipc:///tmp/fprime-server-out")
        printed(stream, "[INFO] Launched UI at: http://0.0.0.0:5000/")
        printed(stream, "[INFO] F prime is now running. CTRL-C to shutdown all components.")
        tcp.info("%s connected to %s:%d", "Server", "0.0.0.0", 50000)
        udp.info("%s connected to %s:%d", "Server", "0.0.0.0", 50000)

    def downlink_file(n, name, packets, seq_glitch=False, timeout=False):
        size = packets * 480 - (n * 37) % 480
        src = "/sd/images/%s_%04d.jpg" % (name, 400 + n)
        dest = "%s_%04d.jpg" % (name, 400 + n)
        downlink.info("Received START packet with metadata:\n\tSize: %d\n\tSource: %s\n\tDestination: %s",
                      size, src, dest)
        for p in range(packets):
            if timeout and p == packets // 2:
                downlink.warning("Timeout while downlinking file, aborting")
                return
            if seq_glitch and p == 3:
                downlink.warning("Data packet has unexpected sequence id. Expected: %d got %d", p + 1, p + 2)
            nbytes = 480 if p < packets - 1 else size - 480 * (packets - 1)
            downlink.info("Received DATA packet writing %d bytes to offset %s", nbytes, p * 480)
        downlink.info("Received END packet, finishing downlink")

    def arm_start(first_error=None):
        printed(stream, "+ exec python3 /opt/cell/sample_handler.py 192.168.1.215")
        printed(stream, "SDK_VERSION: 1.18.5")
        pp(296, "xArm-Python-SDK Version:1.18.5")
        printed(stream, "ROBOT_IP: 192.168.1.215, VERSION: v2.4.101, PROTOCOL: V1, DETAIL: "
                        "6,6,XI130422A24B07,AC130422A24B11,v2.4.101, TYPE1300: [1, 1]")
        if first_error:
            olog.error("ControllerError, code: %d" % first_error)
            olog.info("ControllerError had clean")
        olog.info("[clean_error], xArm is ready to move")

    gds_start()
    arm_start()

    count = 0
    for n in range(60):
        name = IMAGES[n % len(IMAGES)]
        # The rover downlinks a camera frame after every drive step.
        downlink_file(n, name, 6 + (n * 7) % 13, seq_glitch=(n in (11, 38)), timeout=(n == 27))
        if n % 9 == 4:
            distributor.warning("Decoding error occurred: %s. Skipping.", "Channel 1847 not found in dictionary")
            distributor.warning("Decoding error occurred: %s. Skipping.", "Channel 1848 not found in dictionary")
        if n == 16:
            decoder.warning("Decoder of type %s produced 'None' decoded object",
                            "<class 'fprime_gds.common.decoders.event_decoder.EventDecoder'>")
        if n == 21:
            distributor.warning("Decoding error occurred: %s. Skipping.", "Event 2371 not found in dictionary")
        if n in (14, 33, 51):
            # The rover's radio link drops (the testbed's Wi-Fi bridge).
            tcp.warning("Read failure attempting reconnection. %s: %s", "ConnectionResetError",
                        "[Errno 104] Connection reset by peer")
            uplink.warning("Uplink failed to send %d bytes of data after %d retries", 52, 3)
            tcp.info("%s connected to %s:%d", "Server", "0.0.0.0", 50000)
        if n == 44:
            # The comm adapter's uplink thread dies; the launcher restarts the GDS.
            def run():
                def write():
                    raised("builtins", "BrokenPipeError", "[Errno 32] Broken pipe")
                write()
            printed(stream, "Exception in thread Thread-2:")
            uncaught(stream, run)
            gds_start(restart=True)

        # The arm: one sample tube per pass.
        if n % 2 == 0:
            slot = "ABCD"[(n // 2) % 4] + str(1 + (n // 8) % 6)
            pp(118, "pick tube from caddy slot %s" % slot)
            pp(131, "place tube in analyzer rack %d" % (1 + n % 3))
            if n in (8, 40):
                olog.warning("ControllerWarning, code: %d" % 11)
                olog.info("ControllerWarning had clean")
            count += 1
            pp(152, "counter val: %d" % count)
        if n == 18:
            # A collision with the caddy's lid: the controller stops the arm.
            olog.error("ControllerError, code: %d" % 31)
            pp(73, "err=31, quit")
            x(logging.ERROR, "x3/base.py", 449, "log_api_info", "wait_move, xarm has error, error=31")
            pp(91, "set_position, code=1, connected=True, state=4, error=31, ret1=(0, 4). ret2=(0, [31, 0])")
            x(logging.ERROR, "x3/base.py", 449, "log_api_info", "API -> set_position -> code=1, pos=[212.4, "
              "-98.0, 161.5, 180.0, 0.0, 0.0], radius=-1, velo=120, acc=1200")
            arm_start(first_error=31)
            count = 0
        if n == 29:
            # The cell's switch reboots: the SDK loses both sockets.
            x(logging.ERROR, "core/comm/base.py", 168, "recv_report_proc", "[report-socket] socket read timeout")
            x(logging.ERROR, "core/comm/base.py", 176, "recv_report_proc",
              "[main-socket] socket read failed, len=0")
            x(logging.ERROR, "x3/base.py", 1342, "_report_thread_handle",
              "report thread is break, connected=False, failed_cnts=1")
            x(logging.ERROR, "x3/decorator.py", 63, "decorator", "xArm is not connected")
            x(logging.ERROR, "x3/decorator.py", 39, "decorator", "xArm is not connected")
            x(logging.ERROR, "x3/decorator.py", 39, "decorator", "xArm is not connected")
            pp(91, "set_position, code=-1, connected=False, state=4, error=0, ret1=(-1, 'xArm is not connect'). "
                   "ret2=(-1, 'xArm is not connect')")
            arm_start()
            count = 0
        if n == 47:
            # The operator pressed the emergency stop: the program quits.
            olog.error("ControllerError, code: %d" % 1)
            pp(73, "err=1, quit")
            x(logging.ERROR, "x3/base.py", 449, "log_api_info", "wait_move, xarm has error, error=1")
            pp(91, "set_position, code=1, connected=True, state=4, error=1, ret1=(0, 4). ret2=(0, [1, 0])")
            arm_start(first_error=1)
            x(logging.ERROR, "x3/decorator.py", 58, "decorator", "xArm is not ready")
            pp(91, "set_servo_angle, code=-2, connected=True, state=4, error=0, ret1=(0, 4). ret2=(0, [0, 0])")
            arm_start()
            count = 0
        if n == 56:
            # The program's barcode step reads an empty label.
            pp(104, "MainException: could not convert string to float: ''")
            arm_start()
            count = 0
    return {"name": "fprime-xarm", "programs": [gds, sdk, origin], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A drone team's build and simulation host on EC2 (the CloudWatch agent
# ships the host's containers to one stream): Webots' session server (port
# 1999) hands the team's browsers to the simulation server (port 2000),
# which starts a Webots instance per client; ArduPilot's CustomBuild web
# app (uvicorn on 8080, behind the ALB) and its builder build custom
# firmware for the fleet's boards.

SIM_HOST = "sim.dronelab.example.com"
SIM_SERVERS = ["ec2-52-215-13-179.eu-west-1.compute.amazonaws.com:2000",
               "ec2-52-215-13-180.eu-west-1.compute.amazonaws.com:2000"]
WORLDS = [("survey", "mavic_2_pro.wbt"), ("inspection", "bridge_inspection.wbt"), ("survey", "orchard_rows.wbt"),
          ("delivery", "rooftop_drop.wbt")]
BOARDS = ["MatekH743", "CubeOrangePlus", "Pixhawk6X", "KakuteH7", "SpeedyBeeF405Wing"]
VEHICLES = [("copter", "Copter-4.6.2"), ("plane", "Plane-4.6.2"), ("copter", "Copter-4.6.2"), ("rover", "Rover-4.6.2")]
DEFINES = ["AP_OSD_ENABLED", "HAL_MOUNT_ENABLED", "AP_CAMERA_ENABLED", "HAL_ADSB_ENABLED", "AP_TERRAIN_AVAILABLE",
           "AP_GRIPPER_ENABLED", "AP_SCRIPTING_ENABLED", "HAL_SOARING_ENABLED", "AP_FOLLOW_ENABLED",
           "AP_PRECLAND_ENABLED", "AP_RANGEFINDER_ENABLED", "AP_OPTICALFLOW_ENABLED"]
CLIENTS = ["10.20.1.17", "10.20.1.42", "10.20.3.9", "10.20.1.88"]


def stream_webots_custombuild():
    stream = []
    wb = Program("webots-servers", "root", logging.Formatter(WEBOTS), stream)
    web = Program("custombuild-web", "web.core.logging_config", logging.Formatter(CBS, CBS_WEB_DATEFMT), stream)
    bld = Program("custombuild-builder", "__main__", logging.Formatter(CBS), stream)
    wroot = lg(wb, "root")
    access = lg(wb, "tornado.access")
    tapp = lg(wb, "tornado.application")
    wlog = lg(web, "web")
    blog = lg(bld, "builder")

    def w(level, path, msg, *args, func="<module>", exc=None):
        at(wlog, level, CBS_WEB + path, 1, func, msg, *args, exc=exc)

    def b(level, path, msg, *args, func="<module>", exc=None):
        at(blog, level, CBS_BUILDER + path, 1, func, msg, *args, exc=exc)

    def uv(level, path, msg, *args):
        at(wlog, level, UVICORN + path, 1, "serve", msg, *args)

    def hit(client, method, path, status):
        uv(logging.INFO, "protocols/http/h11_impl.py", '%s - "%s %s HTTP/%s" %d', "%s:%d" % (client, 40000 + len(
            stream) % 20000), method, path, "1.1", status)

    # Webots: the session server, then the simulation server.
    printed(stream, "+ exec python3 session_server.py config/session/dronelab.json")
    wroot.info("No mail sender defined in configuration, disabling e-mail notifications to ops@dronelab.example.com.")
    wroot.info("Session server running on port %d (" % 1999 + "SSL)")
    printed(stream, "+ exec python3 simulation_server.py config/simulation/dronelab.json")
    wroot.info("Running simulation server on port %d" % 2000)
    printed(stream, "Simulation server running on port 2000 (SSL)")

    # CustomBuild's builder: its first start dies (Redis is not up yet).
    printed(stream, "+ exec gosu ardupilot python -m builder")
    b(logging.INFO, "ap_git/core.py", "No git repo found at /workdir/ardupilot. Creating.", func="clone_if_needed")
    printed(stream, "Cloning into '/workdir/ardupilot'...")
    printed(stream, "true")
    b(logging.INFO, "ap_git/core.py", "GitRepo initialised for /workdir/ardupilot", func="__init__")
    b(logging.INFO, "build_manager/manager.py", "Build Manager initialised with configuration: Redis host: redis, "
      "Redis port: 6379, Redis task queue: builds-queue, Build output directory: /base/artifacts, Build entry "
      "prefix: buildmeta-", func="__init__")
    b(logging.INFO, "builder/__main__.py", "Builder starting...")
    b(logging.INFO, "builder/builder.py", "Builder started and waiting for builds...", func="run")

    def builder_run():
        def get_next_build_id():
            def blpop():
                raised("redis.exceptions", "ConnectionError", "Error -2 connecting to redis:6379. Name or service "
                       "not known.")
            blpop()
        get_next_build_id()
    uncaught(stream, builder_run)
    printed(stream, "+ exec gosu ardupilot python -m builder")
    printed(stream, "true")
    b(logging.INFO, "ap_git/core.py", "GitRepo initialised for /workdir/ardupilot", func="__init__")
    b(logging.INFO, "build_manager/manager.py", "Build Manager initialised with configuration: Redis host: redis, "
      "Redis port: 6379, Redis task queue: builds-queue, Build output directory: /base/artifacts, Build entry "
      "prefix: buildmeta-", func="__init__")
    b(logging.INFO, "builder/__main__.py", "Builder starting...")
    b(logging.INFO, "builder/builder.py", "Builder started and waiting for builds...", func="run")

    # CustomBuild's web app.
    printed(stream, "+ exec gosu ardupilot uvicorn main:app --host 0.0.0.0 --port 8080")
    w(logging.INFO, "web/core/logging_config.py", "Logging configured with level: INFO", func="setup_logging")
    w(logging.INFO, "web/core/logging_config.py", "Python version: 3.10.16 (main, Jan 14 2025, 05:29:27) [GCC "
      "12.2.0]", func="setup_logging")
    uv(logging.INFO, "server.py", "Started server process [%d]", 1)
    uv(logging.INFO, "lifespan/on.py", "Waiting for application startup.")
    w(logging.INFO, "web/core/startup.py", "Initializing application with base directory: /base",
      func="initialize_application")
    w(logging.INFO, "web/core/startup.py", "Application initialization complete", func="initialize_application")
    printed(stream, "true")
    w(logging.INFO, "ap_git/core.py", "GitRepo initialised for /base/ardupilot", func="__init__")
    w(logging.INFO, "metadata_manager/ap_src_meta_fetcher.py", "Redis connection established with redis:6379",
      func="__init__")
    w(logging.INFO, "metadata_manager/firmware_server/client.py", "Manifest not modified (304), using cache",
      func="fetch_raw")
    w(logging.INFO, "metadata_manager/firmware_server/manifest.py", "Manifest index built with releases for %d "
      "vehicles", 8, func="refresh")
    w(logging.INFO, "ap_git/core.py", "Remotes to add: ['ardupilot'].", func="remote_add")
    w(logging.INFO, "ap_git/core.py", "Remote ardupilot already exists. Updating url.", func="remote_add")
    w(logging.INFO, "ap_git/core.py", "fetch_remote: remote is None, fetching all remotes", func="fetch_remote")
    printed(stream, "Fetching ardupilot")
    printed(stream, "From https://github.com/ardupilot/ardupilot")
    printed(stream, "   3b9e41c7d2..8f0a2c6e51  master     -> ardupilot/master")
    printed(stream, " * [new tag]               Copter-4.6.2 -> Copter-4.6.2")
    w(logging.INFO, "build_manager/manager.py", "Build Manager initialised with configuration: Redis host: redis, "
      "Redis port: 6379, Redis task queue: builds-queue, Build output directory: /base/artifacts, Build entry "
      "prefix: buildmeta-", func="__init__")
    w(logging.INFO, "metadata_manager/versions_manager/manager.py", "Starting VersionsManager background refresh "
      "jobs.", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Started a task runner thread.", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Tasks: ((<bound method VersionsManager.refresh_all of "
      "<metadata_manager.versions_manager.manager.VersionsManager object at 0x7f3c2b1e4d90>>, 1200),)",
      func="start")
    w(logging.INFO, "build_manager/cleaner.py", "Starting BuildArtifactsCleaner", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Started a task runner thread.", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Tasks: ((<bound method BuildArtifactsCleaner.__run of "
      "<build_manager.cleaner.BuildArtifactsCleaner object at 0x7f3c2b1e5a50>>, 60),)", func="start")
    w(logging.INFO, "build_manager/progress_updater.py", "Starting BuildProgressUpdater.", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Started a task runner thread.", func="start")
    w(logging.INFO, "utils/taskrunner.py", "Tasks: ((<bound method BuildProgressUpdater.__update_build_progress_all "
      "of <build_manager.progress_updater.BuildProgressUpdater object at 0x7f3c2b1e5f10>>, 3),)", func="start")
    uv(logging.INFO, "lifespan/on.py", "Application startup complete.")
    uv(logging.INFO, "server.py", "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 8080)

    client_id = 139872654321360
    builds = []
    for n in range(36):
        who = CLIENTS[n % len(CLIENTS)]
        hit("10.20.0.5", "GET", "/health", 200)
        # A pilot opens a simulation.
        if n % 2 == 0:
            app, world = WORLDS[(n // 2) % len(WORLDS)]
            cid = client_id + 4096 * n
            port = 2001 + (n // 2) % 5
            wroot.info("[" + SIM_HOST + ":1999] New client")
            wroot.info(SIM_SERVERS[n % 2])
            wroot.info("[%d] New client" % (cid,))
            if n % 6 == 0:
                url = "file:///opt/dronelab/projects/%s/worlds/%s" % (app, world)
                wroot.info("Starting simulation from " + url)
                printed(stream, "world = " + world)
                printed(stream, "path = /opt/dronelab/projects/" + app)
                printed(stream, "project_instance_path = /tmp/webots/instances/" + str(cid))
                stream_arg = "port=%d;monitorActivity;ssl" % port
            else:
                init = ["https://" + SIM_HOST, app, world, 0, "", "", 0, "", ""]
                wroot.info("data[init]=%s" % init)
                wroot.warning("No key for: " + SIM_HOST)
                wroot.info("[%d] Setup client %s %s (remote ip: %s, streaming_server_port: %s)"
                           % (cid, app, world, who, port))
                stream_arg = "port=%d;monitorActivity;controllerEdit;ssl" % port
            if n == 10:
                wroot.info("Port " + str(port) + " is already in use.")
            pid = 4100 + 37 * n
            command = ('/usr/local/webots/webots --batch --mode=pause --minimize --no-rendering --stream="'
                       + stream_arg + '" /tmp/webots/instances/%d/worlds/%s' % (cid, world))
            wroot.info('[%d] Webots [%d] started: "%s"' % (cid, pid, command))
            if n == 14:
                def on_message():
                    def loads():
                        raised("json.decoder", "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)")
                    loads()
                try:
                    on_message()
                except Exception:
                    tapp.error("Uncaught exception in %s", "/client", exc_info=True)
            wroot.info("[" + SIM_HOST + ":1999] Client disconnected")
            wroot.info("[%d] Client disconnected" % (cid,))
            if n % 8 == 6:
                wroot.warning("[%d] Webots [%d] exited" % (cid, pid))
            else:
                wroot.warning("[%d] Webots [%d] was killed" % (cid, pid))
        if n % 5 == 3:
            access.warning("%d %s %.2fms", 404, "GET /favicon.ico (%s)" % who, 0.41 + n / 100)
        if n == 9:
            access.warning("%d %s %.2fms", 405, "POST /session (%s)" % "10.20.7.200", 0.37)
        if n in (20, 21):
            # One simulation server is replaced (its spot instance reclaimed).
            if n == 20:
                wroot.info(SIM_SERVERS[1] + " simulation server is not responding (assuming 100% load)")
            else:
                wroot.info(SIM_SERVERS[1] + " simulation server is up and running again (load = 3.0%)")
        if n == 26:
            wroot.info(SIM_SERVERS[0] + " simulation server has reached maximum load (99.6%)")
            wroot.info(SIM_SERVERS[0] + " simulation server is available again (load = 71.2%)")

        # A firmware request through CustomBuild's UI.
        if n % 3 == 1:
            vehicle, tag = VEHICLES[(n // 3) % len(VEHICLES)]
            board = BOARDS[(n // 3) % len(BOARDS)]
            hit(who, "GET", "/", 200)
            hit(who, "GET", "/static/js/index.js", 200)
            hit(who, "GET", "/static/css/style.css", 304)
            w(logging.INFO, "web/services/vehicles.py", "Fetching all vehicles", func="get_all_vehicles")
            w(logging.INFO, "web/services/vehicles.py", "Found vehicles: %s" % ["AP_Periph", "Blimp", "Copter", "Heli",
                                                                              "Plane", "Rover", "Sub", "Tracker"],
              func="get_all_vehicles")
            hit(who, "GET", "/api/v1/vehicles", 200)
            hit(who, "GET", "/api/v1/vehicles/%s/versions" % vehicle, 200)
            w(logging.INFO, "web/services/vehicles.py", "Board list requested for %s ardupilot %s" % (vehicle, tag),
              func="get_boards")
            hit(who, "GET", "/api/v1/vehicles/%s/versions/ardupilot-%s/boards" % (vehicle, tag), 200)
            w(logging.INFO, "web/services/vehicles.py", "Features requested for %s ardupilot %s" % (vehicle, tag),
              func="get_features")
            hit(who, "GET", "/api/v1/vehicles/%s/versions/ardupilot-%s/boards/%s/features" % (vehicle, tag, board),
                200)
            if n == 13:
                w(logging.INFO, "web/services/vehicles.py", "Standard artifacts requested for %s version %s board %s",
                  vehicle, "ardupilot-" + tag, board, func="get_board_standard_artifacts")
                hit(who, "GET", "/api/v1/vehicles/%s/versions/ardupilot-%s/boards/%s/standard_artifacts" % (
                    vehicle, tag, board), 200)
            bid = "%08x" % (0x3f9a1c2e + n * 0x1d2b3)
            hit(who, "POST", "/api/v1/builds", 201)
            builds.append((bid, vehicle, board, who, n))
            b(logging.INFO, "builder/builder.py", "Processing build %s" % bid, func="run")
            b(logging.INFO, "builder/builder.py", "Creating directory at /workdir/%s." % bid,
              func="__create_build_workdir")
            b(logging.INFO, "builder/builder.py", "Creating directory at /base/artifacts/%s." % bid,
              func="__create_build_artifacts_dir")
            b(logging.INFO, "builder/builder.py", "Ensuring ardupilot is added to master repo.",
              func="__provision_build_source")
            b(logging.INFO, "builder/builder.py", "Updated remote url to https://github.com/ardupilot/ardupilot.git"
              "for remote ardupilot", func="__ensure_remote_added")
            b(logging.INFO, "builder/builder.py", "Cloning build source for %s from master repo." % bid,
              func="__provision_build_source")
            printed(stream, "Cloning into '/workdir/%s/build_src'..." % bid)
            printed(stream, "true")
            b(logging.INFO, "ap_git/core.py", "GitRepo initialised for /workdir/%s/build_src" % bid, func="__init__")
            printed(stream, "HEAD is now at %s %s: version to 4.6.2" % (
                {"copter": "8f0a2c6e51", "plane": "c41d7b9a03", "rover": "5e2f0a8d17"}[vehicle],
                vehicle.capitalize()))
            for mod, url in (("modules/ChibiOS", "https://github.com/ArduPilot/ChibiOS.git"),
                             ("modules/DroneCAN/libcanard", "https://github.com/DroneCAN/libcanard.git"),
                             ("modules/mavlink", "https://github.com/ArduPilot/mavlink")):
                printed(stream, "Submodule '%s' (%s) registered for path '%s'" % (mod, url, mod))
            printed(stream, "Submodule path 'modules/ChibiOS': checked out '7e4da2e6ac7f6c3e5b8d9a1f0c2b4e6d8a0c1e3f'")
            sel = DEFINES[(n % 4):(n % 4) + 5]
            if n == 7:
                b(logging.WARNING, "builder/builder.py", "Unknown feature labels not found in build options; "
                  "skipping: %s" % sorted(["OSD_PARAM", "MSP_DISPLAYPORT"]), func="__generate_extrahwdef")
            b(logging.INFO, "builder/builder.py", "Enabled defines for %s: %s" % (bid, "{" + ", ".join(
                repr(d) for d in sel) + "}"), func="__generate_extrahwdef")
            rest = [d for d in DEFINES if d not in sel]
            b(logging.INFO, "builder/builder.py", "Disabled defines for %s: %s" % (bid, "{" + ", ".join(
                repr(d) for d in rest) + "}"), func="__generate_extrahwdef")
            b(logging.INFO, "builder/builder.py", "Running waf configure", func="__build")
            w(logging.INFO, "build_manager/progress_updater.py", "Build %s started running at %s" % (
                bid, realworld.CLOCK.t), func="__refresh_running_build_state")
            b(logging.INFO, "builder/builder.py", "Running clean", func="__build")
            b(logging.INFO, "builder/builder.py", "Running build", func="__build")
            for poll in range(4 + n % 5):
                hit(who, "GET", "/api/v1/builds/%s" % bid, 200)
                if poll % 2 == 1:
                    hit(who, "GET", "/api/v1/builds/%s/logs" % bid, 200)
            if n == 22:
                # The ChibiOS build of this board runs past the timeout.
                w(logging.WARNING, "build_manager/progress_updater.py", "Build %s timed out after %d seconds" % (
                    bid, 903), func="__refresh_running_build_state")
                b(logging.ERROR, "builder/builder.py", "Build %s timed out after %d seconds." % (bid, 900),
                  func="__build")
                hit(who, "GET", "/api/v1/builds/%s" % bid, 200)
            b(logging.INFO, "builder/builder.py", "Generated /base/artifacts/%s/%s-%s-%s.tar.gz." % (
                bid, vehicle, board, bid), func="__generate_archive")
            hit(who, "GET", "/api/v1/builds/%s" % bid, 200)
            if n != 22:
                hit(who, "GET", "/api/v1/builds/%s/artifact" % bid, 200)
        if n == 17:
            hit("10.20.1.250", "POST", "/api/v1/admin/refresh_versions", 401)
            for k in range(6):
                hit("203.0.113.44", "GET", "/api/v1/builds", 200 if k < 4 else 429)
        if n == 19:
            w(logging.INFO, "web/services/admin.py", "Triggering version provider refresh", func="refresh_remotes")
            w(logging.WARNING, "metadata_manager/versions_manager/providers.py", "Skipping remote %s (%s): %s",
              "dronelab", "dronelab/ardupilot", "404 Client Error: Not Found for url: https://api.github.com/repos/"
              "dronelab/ardupilot/git/matching-refs/tags", func="refresh")
            w(logging.INFO, "ap_git/core.py", "Remotes to add: ['ardupilot'].", func="remote_add")
            w(logging.INFO, "ap_git/core.py", "Remote ardupilot already exists. Updating url.", func="remote_add")
            w(logging.INFO, "web/services/admin.py", "Successfully refreshed version providers; synced 1 remotes: "
              "['ardupilot']", func="refresh_remotes")
            hit("10.20.1.250", "POST", "/api/v1/admin/refresh_versions", 200)
        if n == 28:
            # Redis restarts under the progress updater's task runner.
            def update_all():
                def get_all_build_ids():
                    raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. Connection "
                           "refused.")
                get_all_build_ids()
            try:
                update_all()
            except Exception as e:
                w(logging.ERROR, "utils/taskrunner.py", e, func="__run", exc=True)
            w(logging.ERROR, "metadata_manager/versions_manager/manager.py", "Provider %s refresh failed: %s",
              "manifest", "Manifest fetch failed with status 503", func="refresh_all")
        if n == 31:
            for bid, vehicle, board, who_, m in builds[:3]:
                w(logging.INFO, "build_manager/cleaner.py", "Removing stale artifacts at /base/artifacts/%s" % bid,
                  func="__run")
    wroot.info(SIM_SERVERS[1] + " simulation server is not responding (assuming 100% load)")
    uv(logging.INFO, "server.py", "Shutting down")
    uv(logging.INFO, "lifespan/on.py", "Waiting for application shutdown.")
    w(logging.INFO, "metadata_manager/versions_manager/manager.py", "Stopping VersionsManager background refresh "
      "jobs.", func="stop")
    w(logging.INFO, "build_manager/cleaner.py", "Stopping BuildArtifactsCleaner", func="stop")
    w(logging.INFO, "build_manager/progress_updater.py", "Stopping BuildProgressUpdater.", func="stop")
    uv(logging.INFO, "lifespan/on.py", "Application shutdown complete.")
    uv(logging.INFO, "server.py", "Finished server process [%d]", 1)
    b(logging.INFO, "builder/__main__.py", "Received SIGTERM, initiating graceful shutdown...", func="signal_handler")
    b(logging.INFO, "builder/builder.py", "Shutdown requested", func="shutdown")
    b(logging.INFO, "builder/builder.py", "Builder shutting down gracefully", func="run")
    b(logging.INFO, "builder/__main__.py", "Builder exited gracefully")
    return {"name": "webots-custombuild", "programs": [wb, web, bld], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A company's IT integrations task on ECS (awslogs, one stream for the
# task): User Sync runs nightly from the task's cron and provisions the
# Active Directory's people into the Adobe Admin Console; Sync2Jira
# consumes the Fedora message bus's GitHub events for the engineering
# organisation's repositories and mirrors them into the company's Jira.

VERSION = "2.10.0rc2"
PEOPLE = ["a.kowalski", "b.nguyen", "c.okafor", "d.lindqvist", "e.moreau", "f.tanaka", "g.haddad", "h.oconnor",
          "i.petrova", "j.alvarez", "k.singh", "l.brennan"]
GROUPS = ["Creative Cloud All Apps - Design", "Acrobat Pro - Finance", "Acrobat Pro - Legal",
          "Photoshop - Marketing", "Premiere Pro - Video"]
REPOS = ["dronelab-org/fleet-api", "dronelab-org/ground-station", "dronelab-org/firmware-tools",
         "dronelab-org/mission-planner"]
PROJECTS = {"dronelab-org/fleet-api": "FLEET", "dronelab-org/ground-station": "GCS",
            "dronelab-org/firmware-tools": "FW", "dronelab-org/mission-planner": "MP"}
TITLES = ["Telemetry gaps after link handover", "Add geofence upload endpoint", "Battery estimate jumps at 30%",
          "Support RTK base station config", "Crash when mission has zero waypoints", "Pin pymavlink version",
          "Map tiles fail behind proxy", "Retry firmware upload on timeout", "Wrong units in wind report",
          "Document ADS-B receiver setup"]
CHANGES = [{"lastname": "Okafor-Reyes"}, {"firstname": "Bao"}, {"country": "DE"},
           {"firstname": "Lena", "lastname": "Lindqvist"}]


def divider(name, char, end=None):
    """User Sync's JobStats.log_start and log_end lines (user_sync/helper.py
    create_divider): ten dividers, the header, then dividers up to 70
    characters."""
    header = " Start %s " % name if end is None else " End %s (Total time: %s) " % (name, end)
    right = (70 - len(header)) // len(char) - 10
    return 10 * char + header + max(right, 0) * char


def stream_usersync_sync2jira():
    stream = []
    us = Program("user-sync", "main", logging.Formatter(USERSYNC, USERSYNC_DATEFMT), stream)
    sj = Program("sync2jira", "sync2jira", logging.Formatter(SYNC2JIRA), stream)
    main = lg(us, "main")
    config = lg(us, "config")
    ldap = lg(us, "ldap")
    processor = lg(us, "processor")
    umapi = lg(us, "user_sync.connector.connector_umapi")
    s2j = lg(sj, "sync2jira")
    consumer = lg(sj, "fedora_messaging.twisted.consumer")
    protocol = lg(sj, "fedora_messaging.twisted.protocol")
    jira = lg(sj, "jira.resilientsession")
    pool = lg(sj, "urllib3.connectionpool")

    def progress(log, count, total, message=""):
        # The Logger.progress User Sync patches in (app.py init_log).
        percent = round(100 * count / total, 1) if total > 0 else 0
        log.info("{0}/{1} ({2}%) {3}".format(count, total, percent, message))

    def user_key(p):
        return "federatedID,%s@corp.example.com," % p

    def user_sync(night, ldap_down=False):
        argv = "--users mapped --process-groups --adobe-only-user-action remove -c /config/user-sync-config.yml"
        printed(stream, "+ exec /usr/local/bin/user-sync " + argv)
        config.info("Using main config file: %s (encoding %s)", "/config/user-sync-config.yml", "utf8")
        run = "Run (User Sync version: %s)" % VERSION
        main.info(divider(run, "="))
        main.info("User Sync {0} - Python {1} - {2} {3}".format(VERSION, "3.11.9", "Linux",
                                                              "#1 SMP PREEMPT_DYNAMIC Mon Apr 29 18:41:30 UTC 2024"))
        main.info("------- Command line arguments -------")
        main.info(argv)
        main.info("-------------------------------------")
        if ldap_down:
            main.critical("%s", "LDAP connection failure: socket connection error while opening: [Errno 110] "
                                "Connection timed out")
            main.info(divider(run, "=", end="0:02:10"))
            return
        processor.info(divider("Load from Directory", "-"))
        for p, attr in (("svc-scanner", "givenName"), ("svc-kiosk02", "sn")):
            ldap.warning("No %s attribute (%s) for user with dn: %s", "given name" if attr == "givenName" else
                         "surname", attr, "CN=%s,OU=Service Accounts,DC=corp,DC=example,DC=com" % p)
        ldap.warning("Skipping user with dn %s: empty email attribute (%s)",
                     "CN=Meeting Room 4.12,OU=Resources,DC=corp,DC=example,DC=com", "mail")
        if night == 2:
            ldap.warning("No group found for: %s", "CN=Adobe-Video,OU=Groups,DC=corp,DC=example,DC=com")
        processor.info(divider("Load from Directory", "-", end="0:00:0%d" % (4 + night % 3)))
        processor.info(divider("Sync with UMAPI", "-"))
        total = 1187 + night * 3
        for page in range(1, total // 200 + 1):
            progress(umapi, 200 * page, total)
        progress(umapi, total, total)
        commands = 0
        for k in range(6 + night % 4):
            p = PEOPLE[(night * 5 + k) % len(PEOPLE)]
            if k % 3 == 0:
                processor.info("Queuing new user with user key: %s", user_key(p))
                processor.info("Managing groups for user key: %s added: %s removed: %s", user_key(p),
                               {GROUPS[(night + k) % len(GROUPS)]}, set())
            elif k % 3 == 1:
                processor.info("Updating info for user key: %s changes: %s", user_key(p),
                               CHANGES[(night + k) % len(CHANGES)])
            else:
                processor.info("Managing groups for user key: %s added: %s removed: %s", user_key(p),
                               {GROUPS[(night + k) % len(GROUPS)]}, {GROUPS[(night + k + 2) % len(GROUPS)]})
            commands += 1
        strays = ["m.fischer", "contractor.ops"][: 1 + night % 2]
        for s in strays:
            processor.info("%s Adobe-only user: %s", "Removing", user_key(s))
            commands += 1
        if night == 1:
            umapi.error('Error in requestID: %s (User: %s, Command: %s): code: "%s" message: "%s"', "action_5",
                        "j.alvarez@corp.example.com", "add", "error.user.belongs_to_another_org",
                        "User belongs to another organization")
        progress(processor, commands, commands, "actions completed")
        descs = [("Number of directory users read", total - 12), ("Number of directory users selected for input",
                 total - 15), ("Number of Adobe users read", total + len(strays)),
                 ("Number of Adobe users excluded from updates", 4),
                 ("Number of non-excluded Adobe users with no changes", total - 4 - commands),
                 ("Number of new Adobe users added", 2 + night % 2), ("Number of matching Adobe users updated",
                                                                      commands - 2 - len(strays)),
                 ("Number of Adobe user-groups created", 0), ("Number of Adobe-only users removed", len(strays))]
        net = "Number of UMAPI actions sent (total, success, error)"
        pad = max(len(d) for d, _ in descs + [(net, 0)])
        processor.info("---------------------------" + "------- Action Summary -------" + "---------------------------")
        for d, v in descs:
            processor.info("  %s: %s", d.rjust(pad, " "), v)
        errors = 1 if night == 1 else 0
        processor.info("  %s: (%s, %s, %s)", net.rjust(pad, " "), commands, commands - errors, errors)
        processor.info("------------------------------------------------------------------------------------")
        processor.info(divider("Sync with UMAPI", "-", end="0:00:%d" % (31 + night)))
        main.info(divider(run, "=", end="0:00:%d" % (38 + night)))

    def consume(topic, msg_id, body):
        consumer.info("Consuming message from topic %s (message id %s)", topic, msg_id)
        body()
        consumer.info("Successfully consumed message from topic %s (message id %s)", topic, msg_id)

    def issue_sync(repo, number, title, existing=None, closed=False, comments=0, tags=0):
        url = "https://github.com/%s/issues/%d" % (repo, number)
        s2j.info('[Issue] Considering upstream %s, "%s"', url, title)
        s2j.info("Looking for matching downstream issue via new method.")
        if existing:
            s2j.info("Found existing, matching downstream %r.", existing)
            s2j.info("Updating information for upstream issue: %s", url)
            s2j.info("Looking for new comments")
            s2j.info("Comments synchronization done on %i comments.", comments)
            s2j.info("Looking for new tags")
            s2j.info("Updated %s tag(s)", tags)
            s2j.info("Looking for new assignee(s)")
            s2j.info("Looking for new description")
            s2j.info("Looking for new transition(s)")
            if closed:
                s2j.info("Attempting to update downstream issue on upstream closed event")
                s2j.info("Applying 'on_close' labels %s to downstream Jira issue", ["upstream-closed"])
            s2j.info("Done updating %s!", url)
        else:
            key = "%s-%d" % (PROJECTS[repo], 400 + number)
            s2j.info("Looking for matching downstream issue via legacy method.")
            kwargs = {"summary": "[%s] %s" % (repo, title), "description": "[%s] Upstream Reporter: %s\n"
                      "Upstream issue status: Open\nUpstream description: {quote}%s{quote}" % (
                          "2024-05-11 14:44:44", "pilot-%d" % number, title),
                      "issuetype": {"name": "Story"}, "project": {"key": PROJECTS[repo]}, "labels": ["github"]}
            s2j.info("Creating issue for %r:  %r", realworld.Shown("<Issue %s >" % url), kwargs)
            s2j.info("Attaching tracking link %r to %r", {"url": url, "title": "Upstream issue"}, key)

    # Sync2Jira starts with INITIALIZE=1.
    printed(stream, "+ exec /usr/local/bin/sync2jira")

    def initialize(fail=False):
        s2j.info("Initialization True")
        s2j.info("Initializing Issues...")
        s2j.info("Running initialization to sync all issues from upstream to jira")
        s2j.info("Testing flag is %r", False)
        for k, repo in enumerate(REPOS):
            for i in range(3):
                number = 110 + 17 * k + i
                issue_sync(repo, number, TITLES[(k * 3 + i) % len(TITLES)], existing="%s-%d" % (PROJECTS[repo],
                           400 + number), comments=i, tags=0)
                if fail and k == 2 and i == 1:
                    url = "https://github.com/%s/issues/%d" % (repo, number)
                    s2j.error("   Failed on %r", realworld.Shown("<Issue %s >" % url))

                    def main_():
                        def initialize_issues():
                            def sync_with_jira():
                                raised("jira.exceptions", "JIRAError", "JiraError HTTP 503 url: https://jira.corp."
                                       "example.com/rest/api/2/search?jql=issueFunction+in+linkedIssuesOfRemote%28%22"
                                       "Upstream+issue%22%29&startAt=0&validateQuery=True&fields=%2Aall&maxResults=50"
                                       "\n\ttext: Service Unavailable\n\t\n\tresponse headers = {'Content-Type': "
                                       "'text/html', 'Content-Length': '190', 'Connection': 'keep-alive'}\n\t"
                                       "response text = <html><body><h1>503 Service Unavailable</h1>No server is "
                                       "available to handle this request.</body></html>")
                            sync_with_jira()
                        initialize_issues()
                    uncaught(stream, main_)
                    return False
        s2j.info("Done with GitHub issue initialization.")
        s2j.info("Initializing PRs...")
        s2j.info("Running initialization to sync all PRs from upstream to jira")
        s2j.info("Testing flag is %r", False)
        for k, repo in enumerate(REPOS):
            for i in range(2):
                number = 140 + 13 * k + i
                url = "https://github.com/%s/pull/%d" % (repo, number)
                title = "Fix %s" % TITLES[(k + i) % len(TITLES)].lower()
                s2j.info("[PR] Considering upstream %s, %s", url, title)
                if i == 0:
                    s2j.info("Syncing PR %s" % url)
                    s2j.info("Done syncing PR %s" % url)
                else:
                    s2j.info("[PR] No match found for %s" % title)
        s2j.info("Done with GitHub PR initialization.")
        return True

    initialize(fail=True)
    printed(stream, "+ exec /usr/local/bin/sync2jira")
    initialize()
    s2j.info("Waiting for a relevant fedmsg message to arrive...")
    protocol.info("Successfully registered AMQP consumer %r", realworld.Shown(
        "Consumer(queue=8b16c196-7ee3-4e33-92b9-e69d80fce333, callback=<function callback at 0x7f6a1c2d3e20>)"))

    night = 0
    for n in range(150):
        msg_id = "%08x-%04x-4%03x-a%03x-%012x" % (0x5e2a9c01 + n * 7919, n * 31 % 65536, n % 4096, n * 7 % 4096,
                                                    0x1f2e3d4c5b6a + n)
        kind = n % 10
        if kind in (0, 3, 6, 8):
            # The bus carries every bridged organisation's events: most are not ours.
            topic = "org.fedoraproject.prod.github." + ("issue_comment" if kind != 8 else "issues")
            consume(topic, msg_id, lambda: s2j.info("Not handling Issue update -- not configured"))
        elif kind == 1:
            consume("org.fedoraproject.prod.github.pull_request", msg_id,
                    lambda: s2j.info("Not handling PR update -- not configured"))
        elif kind == 2:
            repo = REPOS[n % len(REPOS)]
            number = 200 + n
            title = TITLES[n % len(TITLES)]
            consume("org.fedoraproject.prod.github.issues", msg_id,
                    lambda: issue_sync(repo, number, title))
        elif kind in (4, 7):
            repo = REPOS[(n // 3) % len(REPOS)]
            number = 110 + (n * 7) % 60
            consume("org.fedoraproject.prod.github.issue_comment", msg_id,
                    lambda: issue_sync(repo, number, TITLES[n % len(TITLES)], existing="%s-%d" % (
                        PROJECTS[repo], 400 + number), comments=1 + n % 4, tags=n % 2, closed=(n % 20 == 7)))
        elif kind == 5:
            topic = "org.fedoraproject.prod.github.pull_request.review_comment"
            consume(topic, msg_id, lambda: s2j.info("No handler for %r %r %r", "github.pull_request.review_comment",
                                                    topic, msg_id))
        elif kind == 9:
            repo = REPOS[n % len(REPOS)]
            url = "https://github.com/%s/pull/%d" % (repo, 300 + n)
            title = "Bump pymavlink to 2.4.41"
            consume("org.fedoraproject.prod.github.pull_request", msg_id,
                    lambda: (s2j.info("[PR] Considering upstream %s, %s", url, title),
                             s2j.info("No JIRA key found in PR, skipping.")))
        if n == 23:
            jira.warning("Got recoverable error from %s %s, will retry [%s/%s] in %ss. Err: %s", "GET",
                         "https://jira.corp.example.com/rest/api/2/serverInfo", 1, 3, 7.4301, "503 Service Unavailable")
        if n == 24:
            repo, number = REPOS[1], 131
            url = "https://github.com/%s/issues/%d" % (repo, number)

            def failing():
                s2j.info('[Issue] Considering upstream %s, "%s"', url, TITLES[3])
                s2j.info("Looking for matching downstream issue via new method.")
                s2j.info("[Issue] Jira request failed; refreshing the Jira client")
                s2j.info("Looking for matching downstream issue via new method.")
                s2j.info("[Issue] Jira retry failed; aborting")
                s2j.error("Unexpected Jira error: %s", "JiraError HTTP 400 url: https://jira.corp.example.com/rest/"
                          "api/2/issue/GCS-531/transitions\n\ttext: Transition id '31' is not valid for this issue."
                          "\n\t\n\tresponse headers = {'Content-Type': 'application/json;charset=UTF-8', "
                          "'Transfer-Encoding': 'chunked'}\n\tresponse text = {\"errorMessages\":[\"Transition id "
                          "'31' is not valid for this issue.\"],\"errors\":{}}")
            consume("org.fedoraproject.prod.github.issues", msg_id[:-4] + "9c3e", failing)
        if n == 61:
            pool.warning("Connection pool is full, discarding connection: %s. Connection pool size: %s",
                         "api.github.com", 10)
        if n == 88:
            def crash():
                def handle():
                    raised("builtins", "KeyError", "'issue'")
                handle()
            consumer.info("Consuming message from topic %s (message id %s)",
                          "org.fedoraproject.prod.github.issue_comment", msg_id)
            try:
                crash()
            except Exception as e:
                s2j.exception("Unexpected error.", exc_info=e)
            consumer.info("Successfully consumed message from topic %s (message id %s)",
                          "org.fedoraproject.prod.github.issue_comment", msg_id)
        if n == 102:
            consumer.warning("Message id %s did not pass validation; ignoring message", msg_id)
        # The nightly User Sync run (the task's cron) in between.
        if n in (30, 75, 120):
            user_sync(night)
            night += 1
        if n == 100:
            user_sync(night, ldap_down=True)
    return {"name": "usersync-sync2jira", "programs": [us, sj], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_fprime_xarm(), stream_webots_custombuild(), stream_usersync_sync2jira()])


if __name__ == "__main__":
    main()
