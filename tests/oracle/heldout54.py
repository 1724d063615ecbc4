"""The 54-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout53.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in networking and telecom (an SDN lab's EC2 host, where
the POX controller runs its learning-switch and discovery apps beside a
CI job loading a P4 pipeline through p4runtime-shell; a private LTE site's
gateway host, where Magma's access-gateway Python services serve the
eNodeBs and Jasmin, the SMS gateway, sends the site's SMS notifications;
a network monitoring host, where Yahoo's Panoptes polls the routers over
SNMP in its Celery workers and python-netflow-v9-softflowd's collector
takes the routers' NetFlow exports), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout54

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1eccc89 (session 26's rules in, none written
from this set), with nothing configured: 59.0% exact, 59.0% key fields
(asctime 100.0%, levelname 100.0%, name 82.3%, message 59.0%).

Formatters and filters: p4runtime-shell, Magma, Jasmin, Panoptes and the
NetFlow collector use logging.Formatter itself, no filter. POX runs with
samples.pretty_log --DEBUG (the lab's usual command line; the trailing
argument goes to log.level, lifting boot.py's INFO), which gives the default
handler the format "[@@@bold@@@level%(name)-23s@@@reset]
@@@bold%(message)s@@@normal" and has pox/log/color.py monkeypatch the
handler's format(): its _proc turns the "@@@" commands into ANSI codes
after formatting (bold, the level's colour, reset, normal), so every line
starts "[\\033[1m\\033[1;32m" and the message ends with "\\033[22m", the
traceback after it (`PoxFormatter`, a faithful copy of _proc for the
commands the format holds); no level is printed, and the logger's name is
padded to 23. POX's loggers are named by core.getLogger() after the
component's module without "pox." ("openflow.of_01",
"forwarding.l2_learning"). p4runtime-shell runs with --verbose, so its
main() calls logging.basicConfig(level=DEBUG): BASIC_FORMAT, the root
logger's name ("DEBUG:root:..."), and grpc's nothing. Magma's MagmaService
calls logging.basicConfig with its own format (the name in the brackets
after the level, "root" for the services' logging.info calls). Jasmin's
daemon logger ("jasmin-daemon") writes to stdout with its own
StreamHandler, the level padded to eight and the process id after it; the
site's jasmin.cfg sets log_file to /dev/stdout for the router, HTTP API and
SMPP client connectors too (a configuration choice; their default format
is the daemon's). Panoptes' context gives the "panoptes" logger a
StreamHandler with DEFAULT_LOG_FORMAT, the same text as its logging.ini's
root_log_format and Celery's worker_log_format: "[time: LEVEL/process
name] message", where the process name is "MainProcess" or the pool's
"ForkPoolWorker-N" (`ProcessName`, a filter standing for
multiprocessing's name; it changes no text of the program's); the host's
logging.ini sends the polling agent's and plugins' loggers to the stderr
handler with root_log_format too, instead of the example's rotating files
(a configuration choice, as Jasmin's). The NetFlow
collector's "netflow-collector" logger has its own StreamHandler,
"%(asctime)s - %(levelname)s - %(message)s", DEBUG with --debug.

Print lines: POX's banner (a print() in core.py), the SDN CI job's shell
lines and P4Runtime shell's welcome banner, Magma's and Jasmin's
container entrypoint lines, Jasmin's traceback.format_exc() inside an
ERROR message (its jasmind logs "Cannot connect to interceptor: %s\\n%s"),
Celery's worker banner lines for Panoptes, the NetFlow collector's bare
traceback when its parser raises in the listener thread (no record writes
it), and Docker's.

The messages are modelled on the programs' source, not copied line by
line: POX's core.py, of_01.py, discovery.py and l2_learning.py messages,
p4runtime-shell's p4runtime.py and shell.py messages, Magma's service.py
messages, Jasmin's jasmind.py start and stop messages, Panoptes'
context.py messages and the NetFlow collector's are their own (read at the
commits cited); Magma's mobilityd, enodebd and pipelined messages,
Jasmin's router, HTTP API and SMPP connector messages and Panoptes'
plugin messages are modelled from memory of their source, and a later
pass should check them.

Left out: switchio (FreeSWITCH call generator; colorlog's "%(log_color)s"
+ "%(asctime)s (%(threadName)s) [%(levelname)s] %(name)s
%(filename)s:%(lineno)d : %(message)s", friends-of-freeswitch/switchio
dee6e9a switchio/utils.py: `log_color` is no record attribute, as
Robusta's in `heldout10.py`), Mininet (its "%(message)s" goes through
StreamHandlerNoNewline, so one line is several records' text; mininet/
mininet 6eb8973 mininet/log.py), kamcli (no logging in kamailio/kamcli
493cc36), kea-exporter (click.echo only, mweinelt/kea-exporter 4246dd6),
dnsrobocert (coloredlogs; and in earlier sets' docstrings), NAV (in
`heldout14.py`'s Left out), SIPVicious, ExaBGP and oslo.log's services
such as Neutron (earlier sets' Left out), and Ryu, Faucet, netpalm,
netcfgbu, ARTEMIS, NetBox and octoDNS (in earlier sets).
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
from heldout12 import lg  # noqa: E402

# POX (noxrepo/pox, 5f82461, branch gar-experimental), pox/samples/
# pretty_log.py's format for pox.log.launch (on the default handler pox/
# boot.py _setup_logging installs), coloured by pox/log/color.py launch().
POX = "[@@@bold@@@level%(name)-23s@@@reset] @@@bold%(message)s@@@normal"
# p4runtime-shell (p4lang/p4runtime-shell, 4b69a67), p4runtime_sh/shell.py
# main()'s logging.basicConfig(level=logging.DEBUG) with --verbose.
P4SH = logging.BASIC_FORMAT
# Magma (magma/magma, 0095b232), orc8r/gateway/python/magma/common/
# service.py MagmaService.__init__'s logging.basicConfig.
MAGMA = "[%(asctime)s %(levelname)s %(name)s] %(message)s"
# Jasmin (jookies/jasmin, 0aac58e4), jasmin/bin/jasmind.py JasminDaemon's
# stdout handler (and jasmin/managers/configs.py DEFAULT_LOGFORMAT with
# log_date_format's default for the other components).
JASMIN = "%(asctime)s %(levelname)-8s %(process)d %(message)s"
JASMIN_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Panoptes (yahoo/panoptes, 6a4914a), yahoo_panoptes/framework/const.py
# DEFAULT_LOG_FORMAT (context.py's StreamHandler on the "panoptes" logger;
# examples/conf/logging.ini's root_log_format is the same text).
PANOPTES = "[%(asctime)s: %(levelname)s/%(processName)s] %(message)s"
# python-netflow-v9-softflowd (bitkeks/python-netflow-v9-softflowd,
# 71fb316), netflow/collector.py's handler on "netflow-collector".
NETFLOW = "%(asctime)s - %(levelname)s - %(message)s"


# --------------------------------------------------------------------------
# POX's pox/log/color.py _proc, for the commands pretty_log's format holds.

CSI = "\033["
LEVEL_COLORS = {"DEBUG": "CYAN", "INFO": "GREEN", "WARNING": "YELLOW", "ERROR": "RED", "CRITICAL": "blink@@@RED"}
COLORS = {"black": (0, 0), "red": (0, 1), "green": (0, 2), "yellow": (0, 3), "blue": (0, 4), "magenta": (0, 5),
          "cyan": (0, 6), "gray": (0, 7), "darkgray": (1, 0), "pink": (1, 1), "white": (1, 7)}
for _c in [_n for _n, _v in list(COLORS.items()) if _v[0] == 0]:
    COLORS[_c.upper()] = (1, COLORS[_c][1])
COMMANDS = {"reset": 0, "bold": 1, "dim": 2, "bright": 1, "dull": 2, "bright:": 1, "dull:": 2, "blink": 5, "BLINK": 6,
            "invert": 7, "bg:": -1, "level": -2, "normal": 22, "underline": 4, "nounderline": 24}


def pox_proc(msg, level_color="DEBUG"):
    parts, r, cmd = msg.split("@@@"), "", False
    for m in parts:
        if cmd:
            best, bestlen, special = None, 0, None
            for k, v in COMMANDS.items():
                if len(k) > bestlen and m.startswith(k):
                    best, bestlen = (k, v), len(k)
            if best is not None and best[0].endswith(":"):
                special, m, best, bestlen = best, m[bestlen:], None, 0
            for k, v in COLORS.items():
                if len(k) > bestlen and m.startswith(k):
                    best, bestlen = (k, v), len(k)
            if best is not None:
                m = m[bestlen:]
                if type(best[1]) is tuple:
                    brightness, color = best[1]
                    if special is not None and special[1] == -1:
                        brightness, color = None, color + 10
                    r += CSI + ("" if brightness is None else str(brightness) + ";") + str(color + 30) + "m"
                elif best[1] == -2:
                    r += pox_proc("@@@" + LEVEL_COLORS.get(level_color, ""), level_color)
                else:
                    r += CSI + str(best[1]) + "m"
        cmd = True
        r += m
    return r


class PoxFormatter(logging.Formatter):
    """The default handler's formatter with color.py's new_format: the
    whole formatted text, traceback included, through _proc."""

    def __init__(self):
        super().__init__(POX)

    def format(self, record):
        return pox_proc(super().format(record), record.levelname)


class ProcessName(logging.Filter):
    """The process name multiprocessing gives a Celery pool's child."""

    def __init__(self, name):
        super().__init__()
        self.process_name = name

    def filter(self, record):
        record.processName = self.process_name
        return True


# --------------------------------------------------------------------------
# An SDN lab's EC2 host (Docker's awslogs driver, one stream for the lab's
# compose project): POX runs the learning switch, LLDP discovery and the
# spanning tree for the lab's Open vSwitch bridges, and a CI job loads the
# new P4 pipeline into the BMv2 switch through p4runtime-shell --verbose.

SWITCHES = ["00-00-00-00-00-01", "00-00-00-00-00-02", "00-00-00-00-00-03", "00-00-00-00-00-04"]
MACS = ["02:42:ac:11:00:02", "02:42:ac:11:00:03", "02:42:ac:11:00:04", "02:42:ac:11:00:05", "02:42:ac:11:00:06"]


def stream_pox_p4sh():
    stream = []
    px = Program("pox", "core", PoxFormatter(), stream)
    p4 = Program("p4runtime-shell", "root", logging.Formatter(P4SH), stream)
    core = lg(px, "core")
    boot = lg(px, "boot")
    of = lg(px, "openflow.of_01")
    disc = lg(px, "openflow.discovery")
    l2 = lg(px, "forwarding.l2_learning")
    stp = lg(px, "openflow.spanning_tree")
    sh = lg(p4, "root")

    printed(stream, "POX 0.7.0 (gar) / Copyright 2011-2020 James McCauley, et al.")
    core.debug("POX 0.7.0 (gar) going up...")
    core.debug("Running on CPython (3.8.10/Nov 22 2023 10:22:35)")
    core.debug("Platform is Linux-5.15.0-1051-aws-x86_64-with-glibc2.29")
    boot.debug("Not launching of_01")
    of.debug("Listening on 0.0.0.0:6633")
    core.info("POX 0.7.0 (gar) is up.")
    for i, dpid in enumerate(SWITCHES):
        of.info("[%s %d] connected" % (dpid, i + 1))
        l2.debug("Connection [%s %d]" % (dpid, i + 1))
        disc.debug("Installing flow for %s", dpid)
    for cycle in range(8):
        for i, dpid in enumerate(SWITCHES):
            j = (i + 1) % len(SWITCHES)
            if cycle == 0:
                disc.info("link detected: %s.%d -> %s.%d", dpid, j + 1, SWITCHES[j], i + 1)
        for k, mac in enumerate(MACS):
            dpid = SWITCHES[(k + cycle) % len(SWITCHES)]
            dst = MACS[(k + 2) % len(MACS)]
            if (k + cycle) % 5 == 4:
                l2.warning("Same port for packet from %s -> %s on %s.%s.  Drop." % (mac, dst, dpid, 2))
                continue
            l2.debug("installing flow for %s.%i -> %s.%i" % (mac, 1 + k % 3, dst, 2 + k % 2))
        if cycle == 1:
            stp.info("%s: 2 ports changed", SWITCHES[2])
            disc.info("link timeout: %s.%d -> %s.%d", SWITCHES[3], 1, SWITCHES[0], 4)
            l2.info("%s: Flood hold-down expired -- flooding", SWITCHES[0])
        if cycle == 2:
            disc.warning("Port received its own LLDP packet; ignoring")
            disc.error("LLDP packet TLV 2 not PORT_ID")
        if cycle == 3:
            # A bad message from a switch: of_01 logs the exception.
            def handle():
                def unpack():
                    raised("pox.lib.packet.packet_utils", "TruncatedException", "")
                unpack()
            try:
                handle()
            except Exception:
                con = "[%s %d]" % (SWITCHES[1], 2)
                lines = ["ofp_packet_in", "header: ", "  version: 1", "  type:    10 (OFPT_PACKET_IN)", "  length:  60",
                         "  xid:     0", "buffer_id: 256", "reason: 0"]
                body = ("\n" + con + " ").join(lines)
                of.exception("%s: Exception while handling OpenFlow message:\n%s %s", con, con, body)
            of.info("[%s %d] closed" % (SWITCHES[1], 2))
            of.info("[%s %d] connected" % (SWITCHES[1], 5))
        if cycle == 4:
            # The CI job's turn: it loads the new pipeline into BMv2.
            printed(stream, "+ docker run --rm -i --network lab p4lang/p4runtime-sh --verbose --grpc-addr bmv2:9559 "
                            "--device-id 1 --election-id 0,1 --config /p4/build/p4info.txt,/p4/build/bmv2.json")
            sh.debug("Creating P4Runtime client")
            sh.debug("Connecting to device 1 at bmv2:9559")
            sh.debug("Using insecure channel")
            sh.debug("Session established, client is 'primary'")
            sh.debug("Setting forwarding pipeline config")
            sh.debug("Retrieving P4Info file")
            sh.debug("Parsing P4Info message")
            printed(stream, "*** Welcome to the IPython shell for P4Runtime ***")
            for t in range(8):
                sh.debug("Inserting entry")
            sh.error("Unknown object id 33574068")
            sh.debug("Modifying entry")
            sh.debug("Deleting entry")
            sh.debug("Tearing down P4Runtime client")
            sh.debug("Cleaning up stream")
        if cycle == 5:
            printed(stream, "+ docker run --rm -i --network lab p4lang/p4runtime-sh --verbose --grpc-addr bmv2:9559 "
                            "--device-id 1 --election-id 0,1")
            sh.debug("Creating P4Runtime client")
            sh.debug("Connecting to device 1 at bmv2:9559")
            sh.debug("Using insecure channel")
            sh.critical("Failed to establish session with server")
            printed(stream, "ERROR: Job failed: exit code 1")
    core.info("Going down...")
    for i, dpid in enumerate(SWITCHES):
        of.info("[%s %d] closed" % (dpid, i + 1))
    core.info("Down.")
    return {"name": "pox-p4runtime-shell", "programs": [px, p4], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A private LTE site's gateway host on EC2 (the CloudWatch agent ships the
# containers' logs into one log group): Magma's access gateway serves the
# site's eNodeBs (enodebd, mobilityd, pipelined, subscriberdb), and Jasmin
# sends the site's SMS notifications through the operator's SMSC.

SERVICES = [("magmad", 50052), ("enodebd", 60055), ("mobilityd", 60038), ("pipelined", 50063),
            ("subscriberdb", 50051)]
IMSIS = ["IMSI001010000000%03d" % n for n in (11, 12, 13, 17, 21, 24, 30)]
ENBS = [("120200", "Baicells Nova-243", "10.0.2.21"), ("120201", "Baicells Nova-243", "10.0.2.22")]


def stream_magma_jasmin():
    stream = []
    mg = Program("magma", "root", logging.Formatter(MAGMA), stream)
    js = Program("jasmin", "jasmin-daemon", logging.Formatter(JASMIN, JASMIN_DATEFMT), stream)
    root = lg(mg, "root")
    jd = lg(js, "jasmin-daemon")
    router = lg(js, "jasmin-router")
    http = lg(js, "jasmin-http-api")
    smppc = lg(js, "smpp.client.smsc-site")

    printed(stream, "Starting magma services: magmad enodebd mobilityd pipelined subscriberdb")
    for name, port in SERVICES:
        root.warning("logging level is not specified in either yml config or mconfig, defaulting to INFO")
        root.info("Setting logging level to %s", "INFO")
        root.info("Starting %s...", name)
        root.info("Listening on address %s:%d", "127.0.0.1", port)
    with pid(1):
        printed(stream, "+ exec jasmind.py --enable-interceptor-client --enable-dlr-thrower --enable-dlr-lookup "
                        "-u jcliadmin -p jclipwd")
        jd.info("Starting Jasmin Daemon ...")
        jd.info("  RedisClient Started.")
        jd.info("  AMQP Broker Started.")
        jd.info("  RouterPB Started.")
        jd.info("  SMPPClientManagerPB Started.")
        jd.info("  SMPPServer Started.")
        jd.info("  deliverSmThrower Started.")
        jd.info("  DLRThrower Started.")
        jd.info("  HTTPApi Started.")
        jd.info("  jCli Started.")
        # The interceptor is not up yet: jasmind logs the traceback itself.
        def connect():
            def get_root():
                raised("twisted.internet.error", "ConnectionRefusedError",
                       "Connection was refused by other side: 111: Connection refused.")
            get_root()
        try:
            connect()
        except Exception as e:
            jd.error("  Cannot connect to interceptor: %s\n%s" % (e, traceback.format_exc()))
        smppc.info("New SMPP connection to smsc.operator.example:2775 as smsc-site")
        smppc.info("SMPP connection established (bound as transceiver)")
    for cycle in range(6):
        for enb_id, model, ip in ENBS:
            root.info("eNodeB %s (%s) at %s: Inform received: 2 PERIODIC", enb_id, model, ip)
            if (cycle + int(enb_id)) % 5 == 2:
                root.warning("eNodeB %s: Did not receive Inform response within 10 seconds, retrying", enb_id)
        for k, imsi in enumerate(IMSIS[cycle % 3:cycle % 3 + 4]):
            ip = "192.168.128.%d" % (12 + k + cycle * 4)
            root.info("Allocated IP %s for sid %s.apn internet", ip, imsi)
            root.info("Installing default flows for %s, ip %s", imsi, ip)
            if (k + cycle) % 6 == 5:
                root.error("Error getting service status: %s", "'NoneType' object has no attribute 'meta'")
        if cycle == 2:
            # A subscriber sync fails in subscriberdb's streamer.
            def stream_update():
                def process():
                    raised("grpc._channel", "_InactiveRpcError",
                           "<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\t"
                           "details = \"failed to connect to all addresses\"\n>")
                process()
            try:
                stream_update()
            except Exception:
                root.error("Subscriber streaming from the cloud failed", exc_info=True)
            root.error("Failed to get RPC channel to %s", "state")
        if cycle == 4:
            root.info("Handling SIGHUP...")
            root.info("Released IP %s for sid %s", "192.168.128.14", IMSIS[2])
        # Jasmin's turn: the site's SMS notifications through the HTTP API.
        with pid(1):
            for k in range(3):
                msgid = "%08x-%04x-4%03x-a%03x-%012x" % (0x7c1f2a90 + cycle * 16 + k, 0x1b2c, cycle, k,
                                                         0xe3a9b0c1d2 + k)
                to = "3367012%04d" % (cycle * 7 + k)
                http.info("Granting user site-ops access to send endpoint")
                router.debug("Getting routes for SubmitSmPDU to %s", to)
                http.info("SMS-MT [cid:smsc-site] [queue-msgid:%s] [status:%s] [prio:%s] [dlr:%s] [validity:%s] "
                          "[from:%s] [to:%s] [content:%r]", msgid, "ACCEPTED", 0, "yes", "none", "SITE-OPS", to,
                          "Site LTE-120: eNodeB %s back in service" % ENBS[k % 2][0])
                if (k + cycle) % 7 == 3:
                    smppc.warning("SMS-MT [cid:smsc-site] [queue-msgid:%s] [status:%s] Throttled by SMSC, "
                                  "requeuing in 5 seconds", msgid, "ESME_RTHROTTLED")
                    continue
                smppc.info("SMS-MT [cid:smsc-site] [queue-msgid:%s] [smpp-msgid:%s] [status:%s] [prio:%s] "
                           "[dlr:%s] [validity:%s] [from:%s] [to:%s]", msgid, "%d" % (4400123 + cycle * 3 + k),
                           "ESME_ROK", 0, "yes", "none", "SITE-OPS", to)
            if cycle == 3:
                smppc.error("SMPP connection lost: [Failure instance: Traceback (failure with no frames): "
                            "<class 'twisted.internet.error.ConnectionLost'>: Connection to the other side was lost "
                            "in a non-clean fashion.]")
                smppc.info("Reconnecting after 10 seconds ...")
                smppc.info("SMPP connection established (bound as transceiver)")
    with pid(1):
        jd.info("Received signal to stop Jasmin Daemon")
        jd.info("Stopping Jasmin Daemon ...")
        for part in ("jCli stopped.", "HTTPApi stopped.", "DLRThrower stopped.", "deliverSmThrower stopped.",
                     "SMPPServer stopped.", "SMPPClientManagerPB stopped.", "RouterPB stopped.",
                     "AMQP Broker disconnected.", "RedisClient stopped."):
            jd.info("  " + part)
    root.info("Stopping %s with reason %s...", "mobilityd", "SIGTERM")
    return {"name": "magma-jasmin", "programs": [mg, js], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A network monitoring host on EC2 (Docker's awslogs driver): Panoptes'
# polling workers poll the routers over SNMP (its context's messages and
# Celery's through the same format on stderr), and the NetFlow collector
# takes the routers' v9 exports (--debug while the templates settle).

ROUTERS = [("edge1.iad1", "10.10.0.1"), ("edge2.iad1", "10.10.0.2"), ("core1.iad1", "10.10.0.11"),
           ("core2.iad1", "10.10.0.12")]


def stream_panoptes_netflow():
    stream = []
    pn = Program("panoptes", "panoptes", logging.Formatter(PANOPTES), stream)
    nf = Program("netflow-collector", "netflow-collector", logging.Formatter(NETFLOW), stream)
    ctx = lg(pn, "panoptes")
    ctx.addFilter(ProcessName("MainProcess"))
    worker = lg(pn, "celery.apps.worker")
    worker.addFilter(ProcessName("MainProcess"))
    conn = lg(pn, "celery.worker.consumer.connection")
    conn.addFilter(ProcessName("MainProcess"))
    strategy = lg(pn, "celery.worker.strategy")
    strategy.addFilter(ProcessName("MainProcess"))
    trace = lg(pn, "celery.app.trace")
    trace.addFilter(ProcessName("ForkPoolWorker-1"))
    plugins = lg(pn, "panoptes")
    plugins.addFilter(ProcessName("ForkPoolWorker-2"))
    nfc = lg(nf, "netflow-collector")

    ctx.info("Attempting to get Panoptes Configuration")
    ctx.info("Attempting to get logger")
    ctx.info("Got logger for module %s" % "polling_plugin_agent")
    ctx.info('Attempting to connect to Redis for group "default", shard "0", url "redis://redis:6379/0"')
    ctx.info('Successfully connected to Redis for group "default", shard "0", url "redis://redis:6379/0"')
    ctx.info('Attempting to connect to KV Store "PanoptesResourcesKeyValueStore"')
    ctx.info("Attempting to connect Kafka")
    ctx.info("Successfully connected to Kafka brokers: %s" % "{b'kafka:9092': <pykafka.broker.Broker at 0x7f3c>}")
    ctx.info("Attempting to connect to Zookeeper with servers: %s" % "zookeeper:2181")
    ctx.info("Successfully connected to Zookeeper: %s" % "<kazoo.client.KazooClient object at 0x7f3c2a1b9e50>")
    ctx.info("Attempting to start Celery application")
    printed(stream, " -------------- celery@panoptes-polling v4.4.7 (cliffs)")
    printed(stream, "[tasks]")
    printed(stream, "  . panoptes.polling.polling_plugin_agent.polling_plugin_task")
    conn.info("Connected to redis://redis:6379/1")
    worker.info("celery@panoptes-polling ready.")
    nfc.info("Starting the NetFlow listener on 0.0.0.0:2055")
    for cycle in range(6):
        for k, (host, ip) in enumerate(ROUTERS):
            tid = "%08x-%04x-4%03x-9%03x-%012x" % (0x3f2e1d00 + cycle * 8 + k, 0x51a2, cycle, k, 0xabc000 + k)
            strategy.info("Received task: panoptes.polling.polling_plugin_agent.polling_plugin_task[%s]", tid)
            if (k + cycle) % 7 == 5:
                plugins.error("[%s] Error executing plugin: %s" % ("Interface Polling Plugin",
                              "SNMP timeout on %s (%s)" % (host, ip)))
            elif (k + cycle) % 5 == 3:
                plugins.warning('Metric %s already present as gauge in %s, skipping' % (
                    "in_octets", "interface"))
            trace.info("Task panoptes.polling.polling_plugin_agent.polling_plugin_task[%s] succeeded in %.9fs: None",
                       tid, 1.2 + 0.37 * k + 0.05 * cycle)
            # The router's exports reach the collector.
            nfc.debug("Received %d bytes of data from %s", 1388 - 64 * k, (ip, 50123 + k))
            if cycle == 0 and k < 2:
                nfc.debug("Failed to decode a v9/IPFIX ExportPacket - will re-attempt when a new template is "
                          "discovered")
                continue
            if cycle == 0 and k == 2:
                nfc.debug("Received new template(s)")
                nfc.debug("Will re-attempt to decode %d old v9/IPFIX ExportPackets", 2)
            nfc.debug("Processed a v%d ExportPacket with %d flows.", 9, 24 - 2 * k + cycle)
        if cycle == 2:
            nfc.error("%s, ignoring the packet", "Unknown NetFlow version 7")
            # A lock the scheduler can't take: Panoptes logs and retries.
            ctx.info('Trying to acquire lock with client id "%s" under path %s. Other contenders: %s. ' % (
                "panoptes-polling:41", "/panoptes/locks/polling/plugin_scheduler", "['panoptes-polling:17']"))
            ctx.info("Timed out after %d seconds trying to acquire lock.  Retrying." % 5)
        if cycle == 3:
            # A plugin fails in the worker: Celery logs the exception.
            def run_plugin():
                def bulk_walk():
                    raised("yahoo_panoptes.framework.utilities.snmp.exceptions", "PanoptesSNMPTimeoutException",
                           "Timeout for 10.10.0.12:161, max repetitions 25, non-repeaters 0")
                bulk_walk()
            try:
                run_plugin()
            except Exception as e:
                trace.error("Task panoptes.polling.polling_plugin_agent.polling_plugin_task[%s] raised unexpected: "
                            "%r", "3f2e1d1b-51a2-4003-9003-000000abc003", e, exc_info=True)
        if cycle == 4:
            nfc.warning("Dropping an old and undecodable v9/IPFIX ExportPacket")
            # The parser raises in the listener thread: the interpreter
            # prints the traceback, no record.
            def run():
                def parse_packet():
                    raised("struct", "error", "unpack requires a buffer of 20 bytes")
                parse_packet()
            uncaught(stream, run)
    nfc.info("Received KeyboardInterrupt, passing through")
    nfc.info("Shutting down the NetFlow listener")
    ctx.info("Polling Plugin Agent shutting down - going to stop message producer")
    printed(stream, "worker: Warm shutdown (MainProcess)")
    return {"name": "panoptes-netflow", "programs": [pn, nf], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_pox_p4sh(), stream_magma_jasmin(), stream_panoptes_netflow()])


if __name__ == "__main__":
    main()
