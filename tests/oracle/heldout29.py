"""The twenty-ninth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout26.py`): six more
programs' own logging set-ups in three streams, chosen for what platform
and SRE teams run in AWS outside the areas the earlier sets covered (a
robot fleet's simulation host in a ROS 1 to ROS 2 migration, where ROS 1
Noetic's roslaunch and rospy nodes write their log files and `ros2 launch`
prints its screen format; a blockchain data host running a Chia farm and
ethereum-etl's stream to Kinesis; a Freifunk community's WireGuard gateway,
where wgkex's broker and worker exchange keys, beside the association's
bean-price run over its Beancount ledger), each format copied from the
file named beside it (the version read is given), with the formatter class
the program uses, and messages from the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout29

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at fa5d653 (session 21's first rules in, none
written from this set), with nothing configured: 70.9% exact, 86.4% key
fields.

Formatters and filters: all six use logging.Formatter itself (no filter, no
record factory). 600 records in three streams. ROS 1's python_logging.conf
(loaded with fileConfig: no datefmt) puts the logger's name and the level
in brackets before Python's default time ("[roslaunch.pmon][INFO]
2024-05-11 14:44:44,448: "); roslaunch's, rosmaster's and the rospy node's
files all print it. roslaunch's printlog()/printerrlog() text reaches its
file as INFO/ERROR records: the disk-usage check is a two-line message,
and a dead process's exit description carries a second "log file: ..."
line. rosbridge's messages go through rospy's "rosout" logger (one has two
spaces: "Client connected.  1 clients total."), and rospy's registrar logs
"unclean shutdown" with traceback.format_exc() in the message (no
exc_info). ROS 2 launch's screen format has no time and uses `{msg}` with
style "{": python-json-logger names that field "msg" (the truth has no
"message" key); process names are loggers' names ("fleet_gateway-2"), and
one message holds a backslash ("ctrl-\\ (SIGTERM)"). Chia prints three
formats in one file (its version and the service's name are baked into
each, the logger's name padded to 33 less the name's length: "full_node
full_node_server        : INFO     "); its messages start with emoji, one
ends with a space, one runs words together as the source does ("farming
challengeFound"), one ends with a space for an empty exception text, and
tracebacks are folded into messages ("Traceback: Traceback (most recent
call last): ...", "Failed to open file ... [Errno 5] ... Traceback ...").
ethereum-etl's basicConfig format serves the root, ProgressLogger,
BatchWorkExecutor and botocore.credentials; its logging.exception records
carry exc_info. wgkex's "%(asctime)s,%(msecs)d" prints the milliseconds
twice, the second time unpadded ("14:44:56,013,13"); its records come from
the root with the source's file names and line numbers, one message is
the logging configuration's dict (a format string inside a message), one
record's msg is an exception object (logger.error(e)), one message keeps a
literal "{domain}" (an f-string the source forgot), two end with ", ", and
the broker's logger.error(..., exc_info=True) carries a traceback.
bean-price's format has neither time nor name ("DEBUG   : "), and its
-vv currency lists are messages that start with spaces.

Print lines: roscpp's console lines from the C++ nodes' redirected stdout
("[ INFO] [secs.nsecs]: ..."), the ROS 2 nodes' output that launch relays
("[dynamic_bridge-1] created 1to2 bridge ...", rcutils' "[INFO] [time]
[name]: ..." lines, a Python traceback line by line), systemd's unit lines,
the shell's "Segmentation fault" and "+ bean-price ..." lines, Mosquitto's
"<epoch>: ..." lines, Beancount's price directives and an empty line on
bean-price's stdout, the cron wrapper's closing line, and the traceback the
interpreter prints when bean-price dies on a requests ConnectionError
(not a ValueError, which it would log).

Messages: ROS 1's are copied from ros_comm 1.16.0 (roslaunch's launch.py,
nodeprocess.py, pmon.py, server.py, parent.py, config.py; rosmaster's
main.py and master_api.py; rospy's client.py, registration.py, core.py)
and rosbridge_suite 0.11.17 (the ros1 branch, 55a6bdb2:
rosbridge_websocket.py, autobahn_websocket.py, protocol.py, subscribe.py,
call_service.py, internal/services.py);
launch's from launch 3.7.1 (launch_service.py, actions/execute_local.py,
logging/__init__.py); ros1_bridge's printf lines from its dynamic_bridge
source as the code search showed it. The launch file's LogInfo text, the
site's fleet_gateway node and its traceback, the map, the robots, roscpp's
map_server and costmap lines (from memory, not read) and every address,
pid and id are modelled. Chia's are copied from 2.7.2 (full_node/
full_node.py, server/server.py, server/node_discovery.py under the full
node's logger, farmer/farmer_api.py, harvester/harvester_api.py,
harvester/harvester.py, plotting/manager.py), with PeerInfo's dataclass
repr; the hashes, heights, pool and its responses are modelled.
ethereum-etl's are copied from v2.3.1 (blockchainetl/streaming/
streamer.py, ethereumetl/cli/stream.py, streaming/eth_streamer_adapter.py,
progress_logger.py, executors/batch_work_executor.py) and botocore's from
its credentials.py; the node's timeout and Kinesis' throttling are
modelled. wgkex's are copied from 20706f9f with their lines and functions
(broker/app.py, broker/metrics.py, worker/app.py, worker/mqtt.py,
worker/msg_queue.py, worker/netlink.py, config/config.py,
common/logger.py), the link-local addresses computed as its
WireGuardClient.lladdr does; keys, ports, the container's hostname and the
image's paths are modelled. bean-price's are copied from v2.1.0
(price.py, sources/yahoo.py), its price directives laid out as Beancount's
printer writes them ("{e.date} price {e.currency:<22} {amount:>22}");
the ledger and its commodities are modelled.

Left out: WGDashboard (donaldzou/WGDashboard v4.3.0.1-11, src/dashboard.py:
its dictConfig defines a "[%(asctime)s] [%(levelname)s] in [%(module)s]
%(message)s" formatter that no handler uses, so Flask's default handler
prints: `realworld.py`'s Flask), wg-manager (perara/wg-manager: loguru
behind an InterceptHandler), MAVProxy (print(), no logging), Skybrush
Server (skybrush-io/flockwave-logger: its "fancy" formatter colours every
line and pads `{short_name:<11.11}`, a spec'd field python-json-logger
writes null for, and its "plain" one prints two attributes the record
does not have, set in format()), WebODM (its console handler's
"%(levelname)s %(message)s", read in OpenDroneMap/WebODM webodm/
settings.py at 002f669d, kept for a later set), ROS 2 launch's log file
format ("{created:.7f} [{levelname}] [{name}]: {msg}": a spec'd field),
Chia's stdout format (colorlog's ColoredFormatter, log_stdout true),
Quilt's Lambda functions (the Lambda runtime's format: covered), Saleor
(JSON in production; commerce rather than invoicing), DJITelloPy and the
ArduPilot Methodic Configurator (a library and a desktop tool, not
services), and the data-catalog programs this batch was to hold: the ones
found (Amundsen, DataHub, OpenMetadata, CKAN, pycsw) are in earlier sets,
and no other was read in time (none was guessed).
"""

import base64
import hashlib
import ipaddress
import logging
import os
import re
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# ROS 1 (ros/ros_comm 1.16.0, 845f7460, Noetic), tools/rosgraph/conf/
# python_logging.conf [formatter_defaultFormatter]: the root logger's
# RotatingFileHandler (ROS_LOG_FILENAME), which rosgraph.roslogging.
# configure_logging loads with logging.config.fileConfig (logging.Formatter,
# no datefmt) for roslaunch, rosmaster and every rospy node.
ROS1 = "[%(name)s][%(levelname)s] %(asctime)s: %(message)s"
# ROS 2 launch (ros2/launch 3.7.1, 02595baf), launch/launch/logging/
# __init__.py LaunchConfig.set_screen_format('default'): the screen
# handler's logging.Formatter(..., style='{'), with {msg} (the record's
# msg, not its message: launch formats its messages itself).
ROS2_LAUNCH = "[{levelname}] [{name}]: {msg}"
# Chia 2.7.2 (Chia-Network/chia-blockchain 2.7.2, 4f465365), chia/util/
# chia_logging.py initialize_logging's file_log_formatter (log_stdout false,
# the default: every service's ConcurrentRotatingFileHandler on the same
# ~/.chia/mainnet/log/debug.log), the version and the service's name baked
# in, the logger's name padded to 33 less the service name's length.
CHIA_VERSION = "2.7.2"
CHIA_DATEFMT = "%Y-%m-%dT%H:%M:%S"


def chia_format(service):
    return (f"%(asctime)s.%(msecs)03d {CHIA_VERSION} {service} %(name)-{33 - len(service)}s: "
            f"%(levelname)-8s %(message)s")


# ethereum-etl 2.3.1 (blockchain-etl/ethereum-etl v2.3.1-2, 9e51c3b8),
# blockchainetl/logging_utils.py logging_basic_config (what `ethereumetl
# stream` calls through blockchainetl/streaming/streaming_utils.py
# configure_logging: logging.basicConfig on the root, INFO).
ETHEREUM_ETL = "%(asctime)s - %(name)s [%(levelname)s] - %(message)s"
# wgkex (freifunkMUC/wgkex v0.2.1-151, 20706f9f), wgkex/common/logger.py
# _LOGGING_DEFAULT_CONFIG's "standard" formatter (dictConfig: the root's
# StreamHandler at DEBUG, for the broker and the worker alike; the image's
# entrypoint writes no logging_config, so the default is used). %(asctime)s
# already ends with ",mmm": ",%(msecs)d" adds the milliseconds again,
# unpadded.
WGKEX = "%(asctime)s,%(msecs)d %(levelname)-8s [%(filename)s:%(lineno)d] %(message)s"
# beanprice 2.1.0 (beancount/beanprice v2.1.0, 6961147e), beanprice/
# price.py process_args: logging.basicConfig(format=...) on the root, WARN,
# INFO with -v, DEBUG with -vv.
BEANPRICE = "%(levelname)-8s: %(message)s"


# --------------------------------------------------------------------------
# A warehouse robot fleet's simulation host on EC2 in the middle of a ROS 1
# to ROS 2 migration (the CloudWatch agent's stream for the instance, which
# tails ~/.ros/log/latest/*.log and the file the ROS 2 unit's stdout is
# appended to): ROS 1 Noetic's roslaunch starts the master, map_server,
# rosbridge_websocket and move_base, each writing its own log file
# in python_logging.conf's format (roslaunch's, rosmaster's and the rospy
# nodes'), and `ros2 launch` starts ros1_bridge's dynamic_bridge and the
# site's fleet gateway node, printing its screen format. The C++ nodes'
# redirected stdout (roscpp's "[ INFO] [secs.nsecs]: ..."), the ROS 2
# nodes' lines that launch relays ("[dynamic_bridge-1] ..."), and a
# Python traceback on a node's stderr are print lines.

ROS_HOME = "/home/robot/.ros"
RUN_ID = "5b3e1c2a-0f9e-11ef-9c1d-0a58a9feac02"
LOG_DIR = f"{ROS_HOME}/log/{RUN_ID}"
MACHINE = ("Machine(name[] env_loader[None] address[localhost] ssh_port[22] user[None] assignable[True] "
           "timeout[10.0])")
ROS1_ENV = ("{'ROS_DISTRO': 'noetic', 'ROS_ETC_DIR': '/opt/ros/noetic/etc/ros', 'ROS_PACKAGE_PATH': "
            "'/home/robot/catkin_ws/src:/opt/ros/noetic/share', 'ROS_PYTHON_VERSION': '3', 'ROS_VERSION': '1', "
            "'ROS_ROOT': '/opt/ros/noetic/share/ros', 'ROS_MASTER_URI': 'http://localhost:11311', 'PYTHONPATH': "
            "'/home/robot/catkin_ws/devel/lib/python3/dist-packages:/opt/ros/noetic/lib/python3/dist-packages', "
            "'HOME': '/home/robot', 'ROS_LOG_FILENAME': '%s/roslaunch-ip-10-0-3-17-7.log'}" % LOG_DIR)
NODES = [  # name, package, type, pid, args after the executable
    ("rosout-1", "rosout", "rosout", 428, []),
    ("map_server-2", "map_server", "map_server", 431, ["/home/robot/catkin_ws/src/fleet_sim/maps/warehouse_b.yaml"]),
    ("rosbridge_websocket-3", "rosbridge_server", "rosbridge_websocket", 433, []),
    ("move_base-4", "move_base", "move_base", 441, []),
]
BRIDGED = [("/odom", "nav_msgs/Odometry", "nav_msgs/msg/Odometry"),
           ("/scan", "sensor_msgs/LaserScan", "sensor_msgs/msg/LaserScan"),
           ("/tf", "tf2_msgs/TFMessage", "tf2_msgs/msg/TFMessage"),
           ("/move_base/status", "actionlib_msgs/GoalStatusArray", "actionlib_msgs/msg/GoalStatusArray")]


def node_args(name, package, typ, extra):
    exe = {"rosout": "/opt/ros/noetic/lib/rosout/rosout",
           "rosbridge_websocket": "/opt/ros/noetic/lib/rosbridge_server/rosbridge_websocket"}.get(typ, f"/opt/ros/noetic/lib/{package}/{typ}")
    base = name.rsplit("-", 1)[0]
    return [exe] + extra + [f"__name:={base}", f"__log:={LOG_DIR}/{name}.log"]


def roscpp(stream, level, text):
    """A roscpp node's console line (its stdout, redirected to the
    node's -stdout.log), stamped with the clock."""
    t = realworld.CLOCK.t
    printed(stream, "[%s] [%d.%09d]: %s" % (level, int(t), round(t % 1 * 1e3) * 1000000, text))


def relayed(stream, proc, severity, node, text):
    """A ROS 2 node's rcutils console line ("[{severity}] [{time}]
    [{name}]: {message}"), which launch relays with the process's name."""
    t = realworld.CLOCK.t
    printed(stream, "[%s] [%s] [%d.%09d] [%s]: %s" % (proc, severity, int(t), round(t % 1 * 1e3) * 1000000, node,
                                                     text))


def stream_ros1_ros2():
    stream = []
    r1 = Program("roslaunch", "roslaunch", logging.Formatter(ROS1), stream)
    r2 = Program("ros2-launch", "launch", logging.Formatter(ROS2_LAUNCH, style="{"), stream)
    rl = lg(r1, "roslaunch")
    parent = lg(r1, "roslaunch.parent")
    config = lg(r1, "roslaunch.config")
    server = lg(r1, "roslaunch.server")
    pmon = lg(r1, "roslaunch.pmon")
    master_main = lg(r1, "rosmaster.main")
    master = lg(r1, "rosmaster.master")
    client = lg(r1, "rospy.client")
    registration = lg(r1, "rospy.registration")
    masterslave = lg(r1, "rospy.impl.masterslave")
    core = lg(r1, "rospy.core")
    rosout = lg(r1, "rosout")
    launch = lg(r2, "launch")
    user = lg(r2, "launch.user")
    bridge, gateway = lg(r2, "dynamic_bridge-1"), lg(r2, "fleet_gateway-2")
    pm = "<ProcessMonitor(ProcessMonitor-1, initial daemon)>"

    # roslaunch's printlog() messages reach its log file through the
    # handlers roslaunch.configure_logging adds (rlutil's is two lines).
    rl.info("Checking log directory for disk usage. This may take a while.\nPress Ctrl-C to interrupt")
    rl.info("Done checking log file disk usage. Usage is <1GB.")
    rl.info("roslaunch starting with args %s" % str(["/opt/ros/noetic/bin/roslaunch", "fleet_sim", "warehouse_b.launch"]))
    rl.info("roslaunch env is %s" % ("environ(" + ROS1_ENV + ")"))
    rl.info("starting in server mode")
    parent.info("starting roslaunch parent run")
    rl.info("loading roscore config file %s" % "/opt/ros/noetic/etc/ros/roscore.xml")
    rl.info("Added core node of type [%s/%s] in namespace [%s]", "rosout", "rosout", "/")
    config.info("loading config file %s" % "/home/robot/catkin_ws/src/fleet_sim/launch/warehouse_b.launch")
    for name, package, typ, _, _ in NODES[1:]:
        rl.info("Added node of type [%s/%s] in namespace [%s]", package, typ, "/")
    pmon.info("start_process_monitor: creating ProcessMonitor")
    pmon.info("created process monitor %s" % pm)
    pmon.info("start_process_monitor: ProcessMonitor started")
    parent.info("starting parent XML-RPC server")
    server.info("starting roslaunch XML-RPC server")
    server.info("waiting for roslaunch XML-RPC server to initialize")
    rl.info("started roslaunch server %s" % "http://ip-10-0-3-17:37745/")
    parent.info("... parent XML-RPC server started")
    rl.info("auto-starting new master")
    rl.info("create_master_process: %s, %s, %s, %s, %s, %s", "rosmaster", "/opt/ros/noetic/share/ros", 11311, 3, None,
            None)
    args = ["rosmaster", "--core", "-p", "11311", "-w", "3"]
    rl.info("process[master]: launching with args [%s]" % args)
    pmon.info("ProcessMonitor.register[%s]" % "master")
    pmon.info("ProcessMonitor.register[%s] complete" % "master")
    rl.info("process[%s]: starting os process", "master")
    rl.info("process[%s]: start w/ args [%s]", "master", args + [f"__log:={LOG_DIR}/master.log"])
    rl.info("process[%s]: cwd will be [%s]", "master", ROS_HOME)
    rl.info("process[%s]: started with pid [%s]" % ("master", 412))
    # rosmaster's own log file (master.log), the same format.
    master_main.info("initialization complete, waiting for shutdown")
    master_main.info("Starting ROS Master Node")
    master.info("Master initialized: port[%s], uri[%s]", 11311, "http://ip-10-0-3-17:11311/")
    rl.info("master.is_running[%s]" % "http://localhost:11311")
    rl.info("ROS_MASTER_URI=%s" % "http://localhost:11311")
    rl.info("setting /run_id to %s" % RUN_ID)
    master.info("+PARAM [%s] by %s", "/run_id", "/roslaunch")
    rl.info("load_parameters starting ...")
    for key in ("/roslaunch/uris/host_ip_10_0_3_17__37745", "/rosdistro", "/rosbridge_websocket/port",
                "/move_base/base_global_planner"):
        master.info("+PARAM [%s] by %s", key, "/roslaunch")
    rl.info("... load_parameters complete")
    rl.info("launch_nodes: launching local nodes ...")
    for name, package, typ, number, extra in NODES:
        rl.info("... preparing to launch node of type [%s/%s]", package, typ)
        rl.info("create_node_process: package[%s] type[%s] machine[%s] master_uri[%s]", package, typ, MACHINE,
                "http://localhost:11311")
        if name == "rosbridge_websocket-3":
            rl.info("process[%s]: env[%s]", name, ROS1_ENV.replace("roslaunch-ip-10-0-3-17-7.log", name + ".log"))
        args = node_args(name, package, typ, extra)
        rl.info("process[%s]: args[%s]", name, args)
        rl.info("... created process [%s]", name)
        pmon.info("ProcessMonitor.register[%s]" % name)
        pmon.info("ProcessMonitor.register[%s] complete" % name)
        rl.info("... registered process [%s]", name)
        rl.info("process[%s]: starting os process", name)
        rl.info("process[%s]: start w/ args [%s]", name, args)
        rl.info("process[%s]: cwd will be [%s]", name, ROS_HOME)
        rl.info("process[%s]: started with pid [%s]" % (name, number))
        rl.info("... successfully launched [%s]", name)
    rl.info("... launch_nodes complete")
    pmon.info("registrations completed %s" % pm)
    parent.info("... roslaunch parent running, waiting for process exit")
    rl.info("spin")
    master.info("+PUB [%s] %s %s", "/rosout_agg", "/rosout", "http://ip-10-0-3-17:39811/")
    master.info("+SUB [%s] %s %s", "/rosout", "/rosout", "http://ip-10-0-3-17:39811/")
    master.info("+SERVICE [%s] %s %s", "/rosout/get_loggers", "/rosout", "http://ip-10-0-3-17:39811/")
    roscpp(stream, " INFO", "Loading map from image \"/home/robot/catkin_ws/src/fleet_sim/maps/warehouse_b.pgm\"")
    roscpp(stream, " INFO", "Read a 2400 X 1800 map @ 0.050 m/cell")
    master.info("+PUB [%s] %s %s", "/map", "/map_server", "http://ip-10-0-3-17:40219/")
    # rosbridge_websocket's own log file: rospy's records, then the node's
    # (rosbridge_suite 0.11.17, 55a6bdb2: rospy.loginfo goes to "rosout").
    with pid(433):
        client.info("init_node, name[%s], pid[%s]", "/rosbridge_websocket", 433)
        masterslave.info("_ready: %s", "http://ip-10-0-3-17:41567/")
        registration.info("Registering with master node %s", "http://localhost:11311")
        registration.info("Registering publisher topic [%s] type [%s] with master", "/rosout", "rosgraph_msgs/Log")
        registration.info("registering service [%s] uri [%s] with master", "/rosbridge_websocket/get_loggers",
                          "rosrpc://ip-10-0-3-17:48219")
        registration.info("registering service [%s] uri [%s] with master", "/rosbridge_websocket/set_logger_level",
                          "rosrpc://ip-10-0-3-17:48219")
        registration.info("Registering publisher topic [%s] type [%s] with master", "/client_count", "std_msgs/Int32")
        registration.info("Registering publisher topic [%s] type [%s] with master", "/connected_clients",
                          "rosbridge_msgs/ConnectedClients")
        rosout.info("Rosbridge WebSocket server started at {}".format("ws://0.0.0.0:9090"))
    master.info("+PUB [%s] %s %s", "/client_count", "/rosbridge_websocket", "http://ip-10-0-3-17:41567/")
    roscpp(stream, " INFO", "Subscribed to map topic.")

    # ROS 2's side, under its systemd unit.
    printed(stream, "Started fleet-ros2.service - ROS 2 bridge and fleet gateway.")
    launch.info("All log files can be found below {}".format(
        f"{ROS_HOME}/log/2024-05-11-14-44-46-512093-ip-10-0-3-17-8812"))
    launch.info("Default logging verbosity is set to {}".format("INFO"))
    user.info("Bridging the ROS 1 master at http://localhost:11311 to ROS_DOMAIN_ID 17")
    bridge.info("process started with pid [{}]".format(8830))
    gateway.info("process started with pid [{}]".format(8832))
    relayed(stream, "fleet_gateway-2", "INFO", "fleet_gateway", "Fleet gateway for site 'warehouse-b' starting")
    for topic, t1, t2 in BRIDGED:
        printed(stream, f"[dynamic_bridge-1] created 1to2 bridge for topic '{topic}' with ROS 1 type '{t1}' and ROS 2 "
                        f"type '{t2}'")
        master.info("+SUB [%s] %s %s", topic, "/ros_bridge", "http://ip-10-0-3-17:42613/")
    for topic, t1, t2 in BRIDGED[:2]:
        relayed(stream, "dynamic_bridge-1", "INFO", "ros1_bridge",
                f"Passing message from ROS 1 {t1} to ROS 2 {t2} (showing msg only once per type)")
    printed(stream, "[dynamic_bridge-1] created 2to1 bridge for topic '/cmd_vel' with ROS 2 type "
                    "'geometry_msgs/msg/Twist' and ROS 1 type 'geometry_msgs/Twist'")
    master.info("+PUB [%s] %s %s", "/cmd_vel", "/ros_bridge", "http://ip-10-0-3-17:42613/")

    # The fleet dashboard's operators connect to rosbridge.
    clients = 0
    for n, (topics, op) in enumerate([(["/odom", "/move_base/status"], "dispatcher"),
                                      (["/map", "/scan"], "viewer"),
                                      (["/move_base/status"], "dispatcher")]):
        cid = n + 1
        with pid(433):
            clients += 1
            rosout.info("Client connected.  %d clients total.", clients)
            for topic in topics:
                rosout.info("[Client %s] %s" % (cid, "Subscribed to %s" % topic))
                master.info("+SUB [%s] %s %s", topic, "/rosbridge_websocket", "http://ip-10-0-3-17:41567/")
            if op == "dispatcher":
                # A goal through the dashboard's service call that move_base
                # has not advertised yet.
                rosout.error("[Client %s] [id: %s] %s" % (cid, "call_service:/move_base/clear_costmaps:%d" % (n + 4),
                             "call_service %s: %s" % ("InvalidServiceException",
                                                      "Service /move_base/clear_costmaps does not exist")))
        relayed(stream, "fleet_gateway-2", "INFO", "fleet_gateway", f"Operator session {cid} attached ({op})")
        for k in range(2):
            relayed(stream, "fleet_gateway-2", "INFO", "fleet_gateway",
                    "robot amr-%02d at (%.2f, %.2f) battery %d%%" % (k + 1, 12.5 + 3.1 * k + n, 4.25 + 0.7 * n, 88 - 7 * k - n))
        if n == 1:
            roscpp(stream, " WARN", "Map update loop missed its desired rate of 5.0000Hz... the loop actually took "
                                    "0.2873 seconds")
        if n == 2:
            # move_base dies (a segfault in a costmap plugin): roslaunch's
            # process monitor reports it through printerrlog (logged as an
            # ERROR record, the exit description's second line included),
            # then respawns it.
            printed(stream, "Segmentation fault (core dumped)")
            args = node_args("move_base-4", "move_base", "move_base", [])
            rl.error("[%s] %s" % ("move_base-4", "process has died [pid %s, exit code %s, cmd %s]." % (
                441, -11, " ".join(args)) + "\nlog file: %s*.log" % os.path.join(LOG_DIR, "move_base-4")))
            rl.info("[%s] restarting process" % "move_base-4")
            rl.info("process[%s]: restarting os process", "move_base-4")
            rl.info("process[%s]: start w/ args [%s]", "move_base-4", args)
            rl.info("process[%s]: cwd will be [%s]", "move_base-4", ROS_HOME)
            rl.info("process[%s]: started with pid [%s]" % ("move_base-4", 2217))
            master.info("+SERVICE [%s] %s %s", "/move_base/clear_costmaps", "/move_base", "http://ip-10-0-3-17:44189/")
        with pid(433):
            clients -= 1
            rosout.info("Client disconnected. %d clients total.", clients)
            for topic in topics:
                master.info("-SUB [%s] %s %s", topic, "/rosbridge_websocket", "http://ip-10-0-3-17:41567/")

    # The fleet gateway dies on a message it did not expect: its traceback
    # on stderr, relayed, then launch's record of the exit.
    tb = ["Traceback (most recent call last):",
          '  File "/home/robot/ros2_ws/install/fleet_gateway/lib/fleet_gateway/fleet_gateway", line 33, in <module>',
          "    sys.exit(load_entry_point('fleet-gateway==0.4.2', 'console_scripts', 'fleet_gateway')())",
          '  File "/home/robot/ros2_ws/install/fleet_gateway/lib/python3.12/site-packages/fleet_gateway/node.py", '
          'line 212, in main',
          "    rclpy.spin(node)",
          '  File "/home/robot/ros2_ws/install/fleet_gateway/lib/python3.12/site-packages/fleet_gateway/node.py", '
          'line 148, in on_status',
          "    goal = status.status_list[0].goal_id.id",
          "IndexError: list index out of range"]
    for line in tb:
        printed(stream, "[fleet_gateway-2] " + line)
    relayed(stream, "fleet_gateway-2", "ERROR", "rclpy", "Error in spin: list index out of range")
    gateway.error("process has died [pid {}, exit code {}, cmd '{}'].".format(
        8832, 1, "/home/robot/ros2_ws/install/fleet_gateway/lib/fleet_gateway/fleet_gateway --ros-args -r "
                 "__node:=fleet_gateway --params-file /tmp/launch_params_q3z8e1w0"))
    # The unit is restarted: systemd's SIGTERM.
    printed(stream, "Stopping fleet-ros2.service - ROS 2 bridge and fleet gateway...")
    launch.error("user interrupted with ctrl-\\ ({}), terminating...".format("SIGTERM"))
    launch.error("using {} can result in orphaned processes".format("SIGTERM"))
    launch.error("make sure no processes launched are still running")
    for topic, _, _ in BRIDGED:
        printed(stream, f"[dynamic_bridge-1] removed 1to2 bridge for topic '{topic}'")
        master.info("-SUB [%s] %s %s", topic, "/ros_bridge", "http://ip-10-0-3-17:42613/")
    printed(stream, "fleet-ros2.service: Deactivated successfully.")
    # ROS 1's roslaunch is stopped too: the process monitor shuts down, and
    # rosbridge's registrar cannot reach the master any more.
    rl.info("runner.stop()")
    rl.info("shutting down processing monitor %s" % pm)
    pmon.info("ProcessMonitor.shutdown %s" % pm)
    pmon.info("ProcessMonitor._post_run %s" % pm)
    pmon.info("ProcessMonitor._post_run %s: remaining procs are %s" % (pm, "[" + ", ".join(
        "<roslaunch.nodeprocess.LocalProcess object at 0x7f3c2a1b%04x>" % (0x5e50 + 0x30 * i) for i in range(6)) + "]"))
    # The nodes in reverse, then the core processes (rosout, the master).
    for name, _, _, number, _ in list(reversed(NODES[1:])) + [NODES[0], ("master", "", "", 412, [])]:
        number = 2217 if name == "move_base-4" else number
        pmon.info("ProcessMonitor exit: killing %s", name)
        rl.info("[%s] killing on exit" % name)
        rl.info("process[%s]: killing os process with pid[%s] pgid[%s]", name, number, number)
        rl.info("[%s] sending SIGINT to pgid [%s]", name, number)
        rl.info("[%s] sent SIGINT to pgid [%s]", name, number)
        if name == "rosbridge_websocket-3":
            with pid(433):
                core.info("signal_shutdown [%s]" % "signal-2")

                def unregister():
                    def call():
                        raise ConnectionRefusedError(111, "Connection refused")
                    call()
                try:
                    unregister()
                except Exception:
                    registration.warning("unclean shutdown\n%s" % traceback.format_exc())
        rl.info("process[%s]: SIGINT killed with return value %s", name, 0 if name != "move_base-4" else -2)
    pmon.info("ProcessMonitor exit: cleaning up data structures and signals")
    pmon.info("ProcessMonitor exit: pmon has shutdown")
    rl.info("... shutting down processing monitor complete")
    rl.info("done")
    return {"name": "ros1-ros2", "programs": [r1, r2], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A blockchain data host on EC2 (the CloudWatch agent's stream for the
# instance): a Chia farm (full node, farmer and harvester as services of
# one install, all writing ~/.chia/mainnet/log/debug.log with log_level INFO
# in config.yaml) and an `ethereumetl stream` service exporting blocks,
# transactions, logs and token transfers from the host's Ethereum node to a
# Kinesis stream (its stderr in the unit's log file). Chia's three services
# print three formats (the service's name and its padding differ); its
# messages start with emoji and end with spaces, and tracebacks are folded
# into messages (no exc_info). ethereum-etl's records come from the root
# ("root"), ProgressLogger, BatchWorkExecutor and botocore. systemd's lines
# are print lines.

def hexof(*parts, n=64):
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()[:n]


PEERS = ["203.0.113.7", "198.51.100.23", "192.0.2.141", "203.0.113.88", "198.51.100.204"]
PLOTS = "/mnt/plots"


def stream_chia_ethereum_etl():
    stream = []
    node = Program("chia-full_node", "chia.full_node.full_node",
                   logging.Formatter(chia_format("full_node"), CHIA_DATEFMT), stream)
    farmer_p = Program("chia-farmer", "chia.farmer.farmer", logging.Formatter(chia_format("farmer"), CHIA_DATEFMT),
                       stream)
    harv = Program("chia-harvester", "chia.harvester.harvester",
                   logging.Formatter(chia_format("harvester"), CHIA_DATEFMT), stream)
    etl = Program("ethereum-etl", "root", logging.Formatter(ETHEREUM_ETL), stream)
    fn = lg(node, "chia.full_node.full_node")
    fn_server = lg(node, "full_node_server")
    farmer = lg(farmer_p, "chia.farmer.farmer")
    farmer_server = lg(farmer_p, "farmer_server")
    harvester = lg(harv, "chia.harvester.harvester")
    plots = lg(harv, "chia.plotting.manager")
    root = lg(etl, "root")
    progress = lg(etl, "ProgressLogger")
    executor = lg(etl, "BatchWorkExecutor")
    credentials = lg(etl, "botocore.credentials")

    def peer_info(host, port=8444):
        return f"PeerInfo(_ip=IPAddress(_inner=IPv4Address('{host}')), _port={port})"

    height, weight = 5812340, 23014563781337
    printed(stream, "Started chia-full-node.service - Chia full node.")
    fn.info(f"using blockchain database {'/home/chia/.chia/mainnet/db/blockchain_v2_mainnet.sqlite'}, which is "
            f"version {2}")
    fn.info(f"opening blockchain DB: synchronous={'NORMAL'}")
    fn.info("Initializing blockchain from disk")
    fn.info(f"Started {8} threads for validation ({1} dedicated)")
    fn.info(f"Blockchain initialized to peak {'0x' + hexof('peak', height)} height {height}, time taken: {14}s")
    fn_server.info("Service capabilities: %s", [(1, "1"), (2, "1"), (3, "1"), (4, "1")])
    for host in PEERS[:4]:
        fn_server.info(f"Connected with full_node {peer_info(host)}")
    printed(stream, "Started chia-farmer.service - Chia farmer.")
    printed(stream, "Started chia-harvester.service - Chia harvester.")
    farmer_server.info("Service capabilities: %s", [(1, "1"), (2, "1"), (3, "1"), (4, "1")])
    farmer_server.info(f"Connected with full_node {peer_info('127.0.0.1', 8444)}")
    harvester.info(f"Using plots_refresh_parameter: PlotsRefreshParameter(interval_seconds=120, retry_invalid_seconds"
                   f"=1200, batch_size=300, batch_sleep_milliseconds=1)")
    harvester.info(f"_plot_refresh_callback: event started, loaded 0, removed 0, processed 0, remaining 412, "
                   f"duration: 0.00 seconds, total plots: 0")
    # A plot on a failing disk cannot be opened (a traceback in the message).
    def open_plot():
        def prover():
            raise OSError(5, "Input/output error")
        prover()
    try:
        open_plot()
    except Exception as e:
        bad = f"{PLOTS}/disk07/plot-k32-c05-2024-03-02-11-41-{hexof('plot', 7)}.plot"
        plots.error(f"Failed to open file {bad}. {e} {traceback.format_exc()}")
    harvester.info(f"_plot_refresh_callback: event done, loaded 411, removed 0, processed 412, remaining 0, "
                   f"duration: 6.41 seconds, total plots: 411")
    farmer_server.info(f"Connected with harvester {peer_info('127.0.0.1', 8448)}")

    # ethereum-etl starts.
    printed(stream, "Started ethereum-etl-stream.service - ethereum-etl stream to Kinesis.")
    root.info("Using " + "http://10.0.12.4:8545")
    credentials.info("Found credentials from IAM Role: %s", "eth-etl-ec2-role")
    block, last = 19847102, 19847091
    pool_url = "https://pool.example-chia-pool.net"
    launcher = hexof("launcher")
    for cycle in range(9):
        # A signage point reaches the full node, the farmer and the harvester.
        sp = 8 * cycle % 64
        fn.info(f"\u23f2\ufe0f  Finished signage point {sp}/{64}: CC: {hexof('cc', cycle)} RC: {hexof('rc', cycle)} ")
        eligible = (3, 0, 1, 2, 0, 4, 1, 0, 2)[cycle]
        harvester.info(f"challenge_hash: {hexof('ch', cycle)[:10]} ...{eligible} plots were eligible for farming "
                       f"challengeFound {1 if eligible > 2 else 0} V1 proofs and 0 V2 qualities. Time: "
                       f"{0.31 + 0.07 * eligible:.5f} s. Total 411 plots")
        if eligible > 2:
            farmer.info(f"Submitting partial for {launcher} to {pool_url}")
            if cycle == 5:
                farmer.error(f"Error connecting to pool: Cannot connect to host pool.example-chia-pool.net:443 ssl:"
                             f"default [Connection reset by peer]")
            else:
                farmer.info(f"Pool response: {{'new_difficulty': {10 + cycle}}}")
        if cycle % 3 == 1:
            farmer.warning(f"Received response for a signage point that we do not have {'0x' + hexof('sp', cycle)}")
        if cycle % 2 == 0:
            height += 1
            weight += 1712
            block_hash = "0x" + hexof("block", height)
            fn.info(f"Added unfinished_block {block_hash}, not farmed by us, SP: {sp + 3} farmer response time: "
                    f"{1.1321 + cycle * 0.0113:0.4f}, Pool pk xch1{hexof('pool', cycle)[:58]}, validation time: "
                    f"{0.0481 + cycle * 0.002:0.4f} seconds, pre_validation time {0.0312:0.4f}, cost: "
                    f"{1923001337 + 1000 * cycle}, percent full: {17.416 + cycle:.3f}%")
            fn.info(f"\U0001f331 Updated peak to height {height}, weight {weight}, hh {hexof('hh', height)}, "
                    f"ph {hexof('hh', height - 1)}, forked at {height - 1}, rh: {hexof('rh', height)}, total iters: "
                    f"{21508771220121 + 1203 * height}, overflow: False, deficit: 16, difficulty: 5184, sub slot iters: "
                    f"578813952, Generator size: {41237 + 111 * cycle}, Generator ref list size: 0")
        if cycle == 3:
            fn_server.info(f"Connection closed: {PEERS[1]}, node id: {hexof('node', 1)}")
            fn.info(f"peer disconnected {peer_info(PEERS[1])}")
        if cycle == 6:
            # Peer discovery trips on a peer table entry; the traceback is
            # logged as a message of its own.
            def connect():
                def resolve():
                    raise TimeoutError()
                resolve()
            try:
                connect()
            except Exception as e:
                fn.error(f"Exception in create outbound connections: {e}")
                fn.error(f"Traceback: {traceback.format_exc()}")
            fn_server.info(f"Connected with full_node {peer_info(PEERS[4])}")

        # One ethereum-etl sync cycle (lag 10, one block a cycle).
        current = block + (0, 1, 1, 2, 3, 3, 4, 5, 5)[cycle]
        target = min(current - 10, last + 1)
        to_sync = max(target - last, 0)
        root.info("Current block {}, target block {}, last synced block {}, blocks to sync {}".format(
            current, target, last, to_sync))
        if to_sync == 0:
            root.info("Nothing to sync. Sleeping for {} seconds...".format(10))
            continue
        txs = 148 + 17 * cycle % 60
        progress.info("Started {}.".format("work") + " Items to process: {}.".format(1))
        progress.info("{} items processed. Progress is {}%".format(1, 100) + ".")
        progress.info("Finished {}. Total items processed: {}.".format("work", 1) +
                      " Took {}.".format("0:00:00.%06d" % (218311 + 977 * cycle)))
        progress.info("Started {}.".format("work"))
        if cycle == 4:
            # The node times out on a receipts batch: the batch is retried
            # one receipt at a time.
            def export_receipts():
                def make_batch_request():
                    raised("requests.exceptions", "ReadTimeout", "HTTPConnectionPool(host='10.0.12.4', port=8545): "
                           "Read timed out. (read timeout=60)")
                make_batch_request()
            try:
                export_receipts()
            except Exception:
                executor.exception("An exception occurred while executing work_handler.")
            executor.info("Reducing batch size to {}.".format(5))
            executor.info("The batch of size {} will be retried one item at a time.".format(10))
        progress.info("Finished {}. Total items processed: {}.".format("work", txs) +
                      " Took {}.".format("0:00:0%d.%06d" % (1 + cycle % 3, 403122 + 1311 * cycle)))
        progress.info("Started {}.".format("work"))
        progress.info("Finished {}. Total items processed: {}.".format("work", 3 * txs + 11) +
                      " Took {}.".format("0:00:00.%06d" % (31877 + 211 * cycle)))
        root.info("Exporting with " + "MultiItemExporter")
        if cycle == 7:
            # Kinesis throttles PutRecords: the cycle fails and is retried.
            def export_all():
                def export_items():
                    def put_records():
                        raised("botocore.errorfactory", "ProvisionedThroughputExceededException",
                               "An error occurred (ProvisionedThroughputExceededException) when calling the PutRecords "
                               "operation: Rate exceeded for shard shardId-000000000002 in stream eth-mainnet-items "
                               "under account 123456789012.")
                    put_records()
                export_items()
            try:
                export_all()
            except Exception:
                root.exception("An exception occurred while syncing block data.")
            root.info("Nothing to sync. Sleeping for {} seconds...".format(10))
            continue
        root.info("Writing last synced block {}".format(target))
        last = target
    printed(stream, "Stopping ethereum-etl-stream.service - ethereum-etl stream to Kinesis...")
    printed(stream, "ethereum-etl-stream.service: Deactivated successfully.")
    printed(stream, "ethereum-etl-stream.service: Consumed 1min 12.418s CPU time.")
    return {"name": "chia-ethereum-etl", "programs": [node, farmer_p, harv, etl], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Freifunk community's gateway host on EC2 (one Docker host's log stream,
# and the cron log of the association's books beside it): wgkex's compose
# project (Mosquitto, the key-exchange broker and a WireGuard worker) hands
# out WireGuard peers to the community's routers, and at night the
# treasurer's cron job runs bean-price over the association's Beancount
# ledger, its stdout (the price directives) and stderr (the log) appended
# to the job's log file. Mosquitto's lines, Beancount's price directives,
# cron's and the shell's lines and the traceback the interpreter prints
# when bean-price dies are print lines.

DOMAINS = ["ffmuc_muc_cty", "ffmuc_muc_nord", "ffmuc_muc_ost", "ffmuc_muc_sued", "ffmuc_muc_west", "ffmuc_welt",
           "ffwert_city"]
PREFIXES = ["ffmuc_", "ffdon_", "ffwert_"]
WORKER = "9c1f3e27a8d0"  # the worker container's hostname, its MQTT client id
WGKEX_CFG = {"version": 1,
             "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "standard"}},
             "formatters": {"standard": {"format": WGKEX}},
             "root": {"level": "DEBUG", "handlers": ["console"]}}


def wg_pubkey(seed):
    return base64.b64encode(hashlib.sha256(("wg" + str(seed)).encode()).digest()).decode()


def mac2eui64(mac, prefix):
    """wgkex.common.utils.mac2eui64, as written there."""
    eui64 = re.sub(r"[.:-]", "", mac).lower()
    eui64 = eui64[0:6] + "fffe" + eui64[6:]
    eui64 = hex(int(eui64[0:2], 16) | 2)[2:].zfill(2) + eui64[2:]
    net = ipaddress.ip_network(prefix, strict=False)
    return f"{net[int(f'0x{eui64:16}', 16)]}/{net.prefixlen}"


def lladdr(public_key):
    """wgkex.worker.netlink.WireGuardClient.lladdr, as written there."""
    hashed = hashlib.md5(public_key.encode("ascii") + b"\n").hexdigest()
    mac = ":".join(["02"] + [hashed[i:i + 2] for i in range(0, 10, 2)])
    return re.sub(r"/\d+$", "/128", mac2eui64(mac, "fe80::/10"))


def client_repr(key, domain, remove):
    return f"WireGuardClient(public_key='{key}', domain='{domain}', remove={remove})"


def mosquitto(stream, text):
    printed(stream, "%d: %s" % (int(realworld.CLOCK.t), text))


def stream_wgkex_beanprice():
    stream = []
    wk_p = Program("wgkex", "root", logging.Formatter(WGKEX), stream)
    bp = Program("bean-price", "root", logging.Formatter(BEANPRICE), stream)
    broker_log, worker_log = lg(wk_p, "root"), lg(wk_p, "root")
    bean = lg(bp, "root")

    def broker(level, file, line, func, msg, *args, exc=None):
        at(broker_log, level, "/wgkex/wgkex/" + file, line, func, msg, *args, exc=exc)

    def worker(level, file, line, func, msg, *args, exc=None):
        at(worker_log, level, "/wgkex/wgkex/" + file, line, func, msg, *args, exc=exc)

    D, I, W, E = logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR
    mosquitto(stream, "mosquitto version 2.0.18 starting")
    mosquitto(stream, "Config loaded from /mosquitto/config/mosquitto.conf.")
    mosquitto(stream, "Opening ipv4 listen socket on port 1883.")
    mosquitto(stream, "mosquitto version 2.0.18 running")
    with pid(1):
        broker(I, "common/logger.py", 50, "<module>", "Initialised logger, using configuration: %s", WGKEX_CFG)
        broker(D, "config/config.py", 216, "fetch_config_from_disk", "getting config_file: %s", repr("/etc/wgkex.yaml"))
        worker(I, "common/logger.py", 50, "<module>", "Initialised logger, using configuration: %s", WGKEX_CFG)
        worker(D, "config/config.py", 216, "fetch_config_from_disk", "getting config_file: %s", repr("/etc/wgkex.yaml"))
        worker(D, "worker/app.py", 60, "clean_up_worker", "Cleaning up the following domains: %s", DOMAINS)
        for prefix in PREFIXES:
            for domain in DOMAINS:
                if prefix in domain:
                    worker(I, "worker/app.py", 66, "clean_up_worker", "Scheduling cleanup task for %s, ", domain)
        worker(D, "worker/msg_queue.py", 30, "watch_queue", "Starting queue watcher")
        worker(D, "worker/msg_queue.py", 36, "pick_from_queue", "Starting queue processor")
        worker(D, "worker/msg_queue.py", 53, "pick_from_queue", "Queue is empty")
        worker(I, "worker/mqtt.py", 54, "connect", "connecting to broker %s", "mqtt")
    mosquitto(stream, "New connection from 172.18.0.4:48211 on port 1883.")
    mosquitto(stream, f"New client connected from 172.18.0.4:48211 as {WORKER} (p2, c1, k5).")
    with pid(1):
        worker(D, "worker/mqtt.py", 116, "on_connect", "Connected with result code " + str(0))
        for domain in DOMAINS:
            worker(I, "worker/mqtt.py", 129, "on_connect", f"Subscribing to topic {f'wireguard/{domain}/+'}")
        for domain in DOMAINS:
            worker(I, "worker/mqtt.py", 206, "publish_metrics_loop", "Scheduling metrics task for %s, ", domain)
    mosquitto(stream, "New connection from 172.18.0.3:39772 on port 1883.")
    mosquitto(stream, "New client connected from 172.18.0.3:39772 as auto-5E1A7C3B-92D4-4F0A-8C61-3B7E0D2F9A14 "
                      "(p2, c1, k5).")
    with pid(1):
        broker(D, "broker/app.py", 184, "handle_mqtt_connect", "MQTT connected to {}:{}".format("mqtt", 1883))
        broker(W, "broker/app.py", 229, "handle_mqtt_message_status", f"Marking worker as online: {WORKER}")
        port = 40000
        for n, domain in enumerate(DOMAINS):
            iface = "wg-" + domain.split("_", 1)[1]
            data = {"ExternalAddress": "gw04.ext.ffmuc.net", "Port": port + n, "PublicKey": wg_pubkey("gw" + domain),
                    "LinkAddress": lladdr(wg_pubkey("gw" + domain)).replace("/128", "")}
            broker(I, "broker/app.py", 250, "handle_mqtt_message_data", "Worker data received for %s/%s: %s", WORKER,
                   domain, data)
    # Routers ask for their peers; the worker adds them; metrics flow.
    peers = {d: 40 + 13 * i for i, d in enumerate(DOMAINS)}
    for n in range(8):
        domain = DOMAINS[(3 * n) % 5]
        short = domain.split("_", 1)[1]
        key = wg_pubkey(n)
        with pid(1):
            if n == 3:
                # A router sends a key that is not one (a firmware bug):
                # the broker logs the ValueError with its traceback.
                def from_dict():
                    def is_valid_wg_pubkey(pubkey):
                        raise ValueError(f"Not a valid Wireguard public key: {pubkey}.")
                    return is_valid_wg_pubkey(key[:20])
                try:
                    from_dict()
                except Exception as ex:
                    broker(E, "broker/app.py", 123, "wg_api_v2_key_exchange",
                           "Exception occurred in /api/v2/wg/key/exchange: %s", ex, exc=True)
                continue
            if n == 4:
                def from_dict():
                    raise ValueError(f"Domain {'ffmuc_gauting'} not in configured domains.")
                try:
                    from_dict()
                except Exception as ex:
                    broker(E, "broker/app.py", 123, "wg_api_v2_key_exchange",
                           "Exception occurred in /api/v2/wg/key/exchange: %s", ex, exc=True)
                continue
            broker(I, "broker/app.py", 136, "wg_api_v2_key_exchange", f"wg_api_v2_key_exchange: Domain: {domain}, Key:{key}")
            total = sum(peers.values())
            broker(D, "broker/metrics.py", 124, "get_best_worker",
                   f"Worker candidate {WORKER}: current {peers[domain]}, target {1.0 * total} (total {total}, rel "
                   f"weight {1.0}), diff {peers[domain] - total}")
            broker(D, "broker/app.py", 159, "wg_api_v2_key_exchange",
                   f"Chose worker {WORKER} with {peers[domain]} connected clients ({peers[domain] - total})")
            worker(D, "worker/mqtt.py", 181, "on_message_wireguard", "Got message on %s from MQTT",
                   f"wireguard/{domain}/all")
            worker(D, "worker/mqtt.py", 195, "on_message_wireguard", "Found domain %s", short)
            worker(I, "worker/mqtt.py", 196, "on_message_wireguard",
                   f"Received create message for key {key} on domain {short} adding to queue")
            worker(D, "worker/msg_queue.py", 39, "pick_from_queue", "Queue is not empty current size is %i", 1)
            worker(D, "worker/msg_queue.py", 41, "pick_from_queue", "Processing queue item %s for domain %s", key, short)
            worker(I, "worker/msg_queue.py", 47, "pick_from_queue",
                   f"Processing queue for key {key} on domain {short} with lladdr {lladdr(key)}")
            worker(D, "worker/netlink.py", 102, "link_handler", "Handling links for %s", client_repr(key, short, False))
            if n == 5:
                # The router's link-local route is still there from an
                # earlier session.
                worker(E, "worker/netlink.py", 109, "link_handler", "Failed to update route for %s (%s)",
                       client_repr(key, short, False), "(17, 'File exists')")
            else:
                worker(I, "worker/netlink.py", 106, "link_handler", "Updated route for %s",
                       client_repr(key, short, False))
            worker(D, "worker/netlink.py", 113, "link_handler", "Updated Bridge FDB for %s",
                   client_repr(key, short, False))
            worker(D, "worker/msg_queue.py", 53, "pick_from_queue", "Queue is empty")
            peers[domain] += 1
        if n % 4 == 2:
            # A metrics round.
            with pid(1):
                for m, d in enumerate(DOMAINS[:3]):
                    worker(D, "worker/mqtt.py", 231, "publish_metrics", f"Publishing metrics for domain {d}")
                    iface = "wg-" + d.split("_", 1)[1]
                    worker(I, "worker/netlink.py", 227, "get_connected_peers_count",
                           "Counting connected wireguard peers for interface %s.", iface)
                    if n == 6 and m == 2:
                        # netlink's dump changed twice under it: the
                        # message's braces are literal in the source.
                        worker(I, "worker/mqtt.py", 243, "publish_metrics",
                               "Caught NetlinkDumpInterrupted exception while collecting metrics for domain {domain}")
                        continue
                    topic = f"wireguard-metrics/{d}/{WORKER}/connected_peers"
                    broker(D, "broker/app.py", 199, "handle_mqtt_message_metrics",
                           f"MQTT message received on {topic}: {peers[d]}")
                    broker(I, "broker/app.py", 213, "handle_mqtt_message_metrics",
                           f"Update worker metrics: connected_peers on {WORKER}/{d} = {peers[d]}")
    # The cleanup task finds routers that have gone quiet.
    with pid(1):
        short = "muc_ost"
        worker(I, "worker/app.py", 44, "flush_workers", f"Running cleanup task for {short}")
        worker(I, "worker/netlink.py", 72, "wg_flush_stale_peers", "Searching for stale clients for %s", short)
        worker(I, "worker/netlink.py", 193, "find_stale_wireguard_clients",
               "Starting search for stale wireguard peers for interface %s.", "wg-" + short)
        stale = [wg_pubkey("stale%d" % i) for i in range(2)]
        worker(D, "worker/netlink.py", 76, "wg_flush_stale_peers", "Found %s stale clients: %s", len(stale), stale)
        clients = [client_repr(k, short, True) for k in stale]
        worker(D, "worker/netlink.py", 81, "wg_flush_stale_peers", "Found stale WireGuard clients: %s",
               "[" + ", ".join(clients) + "]")
        worker(I, "worker/netlink.py", 82, "wg_flush_stale_peers", "Processing clients.")
        for c in clients:
            worker(D, "worker/netlink.py", 102, "link_handler", "Handling links for %s", c)
            worker(I, "worker/netlink.py", 106, "link_handler", "Updated route for %s", c)
            worker(D, "worker/netlink.py", 113, "link_handler", "Updated Bridge FDB for %s", c)
        short = "welt"
        worker(I, "worker/app.py", 44, "flush_workers", f"Running cleanup task for {short}")
        worker(I, "worker/netlink.py", 72, "wg_flush_stale_peers", "Searching for stale clients for %s", short)
        worker(I, "worker/netlink.py", 193, "find_stale_wireguard_clients",
               "Starting search for stale wireguard peers for interface %s.", "wg-" + short)
        # The interface was not up: the thread logs the error, then the
        # exception itself (its str, no traceback).
        worker(E, "worker/app.py", 48, "flush_workers", f"Exception during cleanup task for {short}:")
        err = OSError(19, "No such device")
        worker(E, "worker/app.py", 49, "flush_workers", err)

    # The treasurer's price update, with -vv after a missing price.
    ledger = "/srv/books/ffmuc-ev.beancount"
    printed(stream, f"+ bean-price -vv {ledger}")
    bean.info('Using price cache at "%s" (with indefinite expiration)', "/tmp/bean-price.cache")
    bean.info("Processing at date: %s", "2024-05-11")
    bean.info('Loading "%s"', ledger)
    for cur in ("EUR", "USD"):
        bean.debug("Ignoring currency with no metadata: %s", cur)
    bean.debug("Skipping ignored currency (with empty price): %s", "FFMUC.DONATION")
    pairs = [("VWRL", "EUR"), ("EUNL", "EUR"), ("BTC", "EUR"), ("ETH", "EUR"), ("IS3N", "EUR")]
    for title, cur in (("Currencies in primary list", pairs), ("Currencies held in assets", pairs[:4] + [("EUR", None)]),
                       ("Currencies to fetch", pairs[:4])):
        bean.debug("-------- {}:".format(title))
        for base, quote in cur:
            bean.debug("  {:>32}".format("{} /{}".format(base, quote)))
    sources = {"VWRL": ("yahoo", "VWRL.AS"), "EUNL": ("yahoo", "EUNL.DE"), "BTC": ("coinbase", "BTC-EUR"),
               "ETH": ("coinbase", "ETH-EUR")}
    for base, _ in pairs[:4]:
        bean.info("Fetching: %s (time: %s)", sources[base][1], None)
    bean.error("Error fetching %s: %s", "VWRL.AS", "No data returned from Yahoo, ensure that the symbol is correct")
    module = ("<module 'beanprice.sources.yahoo' from '/home/treasurer/.local/pipx/venvs/beanprice/lib/python3.12/"
              "site-packages/beanprice/sources/yahoo.py'>")
    bean.error("Could not fetch for job: %s", f"DatedPrice(base='VWRL', quote='EUR', date=None, sources=[PriceSource("
                                               f"module={module}, symbol='VWRL.AS', invert=False)])")
    for base, price in (("BTC", "57612.03"), ("ETH", "2712.49"), ("EUNL", "88.214")):
        printed(stream, "{} price {:<22} {:>22}".format("2024-05-11", base, price + " EUR"))
    printed(stream, "")
    # Re-run with -v for the missing price, and Coinbase unreachable (not
    # a ValueError: bean-price dies with the interpreter's traceback).
    printed(stream, f"+ bean-price -v --clear-cache {ledger}")
    bean.info('Using price cache at "%s" (with indefinite expiration)', "/tmp/bean-price.cache")
    bean.info("Clearing cache %s*", "/tmp/bean-price.cache")
    bean.info("Processing at date: %s", "2024-05-11")
    bean.info('Loading "%s"', ledger)
    for base, _ in pairs[:4]:
        bean.info("Fetching: %s (time: %s)", sources[base][1], None)

    def fetch():
        def fetch_price():
            def fetch_cached_price():
                def get_latest_price():
                    def fetch_quote():
                        raised("requests.exceptions", "ConnectionError",
                               "HTTPSConnectionPool(host='api.coinbase.com', port=443): Max retries exceeded with url: "
                               "/v2/prices/btc-eur/spot (Caused by NameResolutionError(\"<urllib3.connection."
                               "HTTPSConnection object at 0x7f2b1c0e9a90>: Failed to resolve 'api.coinbase.com' "
                               "([Errno -3] Temporary failure in name resolution)\"))")
                    fetch_quote()
                get_latest_price()
            fetch_cached_price()
        fetch_price()
    uncaught(stream, fetch)
    printed(stream, "bean-price exited with status 1; prices not updated")
    with pid(1):
        worker(I, "worker/app.py", 125, "on_exit", "Shutting down...")
        worker(I, "worker/mqtt.py", 65, "mark_offline_on_exit", "Marking worker as down")
    mosquitto(stream, f"Client {WORKER} closed its connection.")
    with pid(1):
        broker(W, "broker/app.py", 226, "handle_mqtt_message_status", f"Marking worker as offline: {WORKER}")
        broker(I, "broker/app.py", 136, "wg_api_v2_key_exchange",
               f"wg_api_v2_key_exchange: Domain: {DOMAINS[0]}, Key:{wg_pubkey(99)}")
        broker(W, "broker/app.py", 142, "wg_api_v2_key_exchange", f"No worker online for domain {DOMAINS[0]}")
    return {"name": "wgkex-beanprice", "programs": [wk_p, bp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_ros1_ros2(), stream_chia_ethereum_etl(), stream_wgkex_beanprice()])


if __name__ == "__main__":
    main()
