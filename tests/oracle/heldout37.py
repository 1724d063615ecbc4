"""The thirty-seventh held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout36.py`): six more
programs' own logging set-ups in three streams, chosen for what platform
and SRE teams run in AWS in the areas this batch was given (network
automation on a tools host, where netpalm's controller and pinned worker
run commands on the team's switches and routers through Netmiko and NAPALM
beside a nightly netcfgbu container backing up their configurations; BGP
monitoring, where ARTEMIS's configuration, RIPE RIS tap and detection
containers watch the team's prefixes for hijacks, in the same cluster as
Peering Manager's PeeringDB sync CronJob; an EC2 fleet's inventory and
network monitoring, where netbox-agent, run by cron, registers the
instance in NetBox, on a host whose speedtest-exporter container measures
its uplink for Prometheus), each format copied from the file named beside
it (the version read is given), with the formatter class and the filter
the program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout37

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 98.8% exact, 98.8% key
fields (asctime 98.8%, levelname 98.8%, name 100.0%, message 98.8%).

Formatters and filters: all six use logging.Formatter itself (dictConfig's
for netpalm, ARTEMIS and netcfgbu, basicConfig's for netbox-agent and
speedtest-exporter, a handler's setFormatter for Peering Manager). netpalm
brackets the whole header, colons between the time, the logger's name, the
function's name and the level ("[2024-05-11 14:44:44,123:netpalm.backend.
core.redis.rediz:fetchtask:INFO] "); its console handler has the
ScrubFilter of confload.py (reproduced as written), which rewrites the
record's msg before it is formatted: for each of five patterns ("assword':
'...'", "oken", "key", "ecret", "ommunity") found in the message, the
matched value is used as a regular expression and every place it occurs in
the message becomes "******" (so a username equal to the password is
starred too). ARTEMIS prints the module (the file's name, "ripe_ris",
"detection", "configuration"), then the time, then "LEVEL @ funcName: ";
its artemis_logger is at INFO, the root has no handler, so its DEBUG
records and tornado's never print. netcfgbu's sample netcfgbu.toml (the
"basic" formatter) prints "LEVEL: " after the time, no name; its
LocalQueueHandler hands the records unprepared to a QueueListener thread,
which does not change the text. netbox-agent configures no handler: its
netbox_agent/logging.py sets the root's level (DEBUG: --log_level defaults
to "debug") and its first logging.info() call runs basicConfig(), so it
prints BASIC_FORMAT, urllib3's DEBUG records included. speedtest-exporter's
basicConfig puts "level=" and "datetime=" before the level and the time, no
name; Flask's app logger ("Speedtest-Exporter") reaches the same root
handler when /metrics fails. Peering Manager's peeringdb_sync gives the
"peering.manager.peeringdb" logger a StreamHandler with " | " between the
time ("%Y-%m-%d %H:%M:%S"), the level and the message; it runs with -v 3
(DEBUG: verbosity 2 is ERROR in its VERBOSITY_TO_LOG_LEVEL). ARTEMIS's
first record comes from artemis_utils/__init__.py, so its module prints
"__init__". 481 records in three streams (36 print lines and one bare traceback).

Print lines: gunicorn's own lines for netpalm's controller (its error
logger has its own handler) and the entrypoint's; netcfgbu's report
(Report.print_report: the "# ----" rules, the "Summary:" lines and the
tabulate table of failures; the blank lines are dropped, as the awslogs
driver drops empty lines); ARTEMIS's entrypoint lines; Peering Manager's
self.stdout.write lines ("[*] Caching data locally ... done"); cron's and
speedtest-exporter's print() lines (the speedtest CLI's log-type output and
"Something went wrong"); an uncaught pynetbox RequestError that ends a
netbox-agent run (a bare traceback).

The messages are modelled on the programs' source, not copied line by
line: netpalm's (with their functions and lines), ARTEMIS's (ripe_ris.py,
detection.py, configuration.py), netcfgbu's (cli/backup.py,
connectors/basic.py), netbox-agent's (virtualmachine.py, network.py),
speedtest-exporter's (src/exporter.py) and Peering Manager's (peeringdb/
sync.py, the command) are their own message texts, read at the commits
cited; the values in them (hosts, prefixes, ASNs, ids, speeds) are
modelled. urllib3's messages, gunicorn's, cron's and the entrypoints'
lines, the exceptions' texts and the install paths (/code for netpalm, its
Dockerfile's WORKDIR; /root/core for ARTEMIS) are modelled from memory.
netpalm's rq workers' own records (rq.worker, through the same root
handler) are left out: rq's version and colouring were not read.

Left out: prometheus-pve-exporter (it logs through gunicorn's
"gunicorn.error" logger: gunicorn's format, in `realworld.py`; read in
prometheus-pve/prometheus-pve-exporter 316e9d9 src/pve_exporter/http.py),
JSNAPy (its lib/jnpr/jsnapy/logging.yml formats print a %(hostname)s the
program adds through `extra`, one with a line break in the format:
Juniper/jsnapy 6bd53ab, kept for a later set), python-netflow-v9-v10-ipfix
(no snapshot could be fetched), and Glances, Nornir, NAPALM, napalm-logs,
NetBox, Nautobot, SuzieQ, network-importer, netbox-sync, ExaBGP, Ryu,
Faucet, LibreNMS, Diamond, Netdata, the Datadog Agent, Checkmk, Shinken,
Alignak, arouteserver and the other programs of these areas already in
earlier sets or their Left out paragraphs.
"""

import hashlib
import logging
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# netpalm (tbotnz/netpalm, e1b47ad), config/log-config.yml's "simple"
# formatter (the root's "console" handler on stdout, with the secret_scrub
# filter: netpalm/backend/core/confload/confload.py ScrubFilter), loaded by
# Config.setup_logging(max_debug=True) in the controller and the workers.
NETPALM = "[%(asctime)s:%(name)s:%(funcName)s:%(levelname)s] %(message)s"
# netcfgbu (jeremyschulman/netcfgbu, 5c5dbb1), netcfgbu.toml's
# [logging.formatters.basic] (the "netcfgbu" logger's console handler on
# stdout), through netcfgbu/logger.py setup_logging's dictConfig.
NETCFGBU = "%(asctime)s %(levelname)s: %(message)s"
# ARTEMIS (FORTH-ICS-INSPIRE/artemis, 704a7b2c),
# monitor-services/configs/logging.yaml and backend-services/configs/
# logging.yaml's "simple" formatter (the "artemis_logger" logger's console
# handler on stdout), through utils/artemis_utils/__init__.py get_logger.
ARTEMIS = "%(module)s - %(asctime)s - %(levelname)s @ %(funcName)s: %(message)s"
# Peering Manager (peering-manager/peering-manager, 1d546476),
# peeringdb/management/commands/peeringdb_sync.py Command.setup_logging (the
# "peering.manager.peeringdb" logger's StreamHandler).
PEERING = "%(asctime)s | %(levelname)s | %(message)s"
PEERING_DATEFMT = "%Y-%m-%d %H:%M:%S"
# netbox-agent (Solvik/netbox-agent, 641bb97): no handler of its own
# (netbox_agent/logging.py sets the root's level only); its first
# logging.info() runs logging.basicConfig(): BASIC_FORMAT.
NETBOX_AGENT = logging.BASIC_FORMAT
# speedtest-exporter (MiguelNdeCarvalho/speedtest-exporter, 8e4a39b),
# src/exporter.py's format_string, through logging.basicConfig.
SPEEDTEST = "level=%(levelname)s datetime=%(asctime)s %(message)s"

NP = "/code/netpalm/"
ART = "/root/core/"


class ScrubFilter(logging.Filter):
    """netpalm's confload.ScrubFilter, as written there."""

    def filter(self, record):
        record.msg = self.scrub(record.msg)
        if isinstance(record.args, dict):
            for k in record.args.keys():
                record.args[k] = self.scrub(record.args[k])
        else:
            record.args = tuple(self.scrub(arg) for arg in record.args)
        return True

    def scrub(self, message):
        lookup_table = [
            {"pattern": r"(?:[aA][sS][sS][wW][oO][rR][dD](?:'|\"): (?:'|\")(.*?)(?:'|\"))", "expected_group_index": 1},
            {"pattern": r"(?:[oO][kK][eE][nN](?:'|\"): (?:'|\")(.*?)(?:'|\"))", "expected_group_index": 1},
            {"pattern": r"(?:[kK][eE][yY](?:'|\"): (?:'|\")(.*?)(?:'|\"))", "expected_group_index": 1},
            {"pattern": r"(?:[eE][cC][rR][eE][tT](?:'|\"): (?:'|\")(.*?)(?:'|\"))", "expected_group_index": 1},
            {"pattern": r"(?:[oO][mM][uU][nN][iI][tT][yY](?:'|\"): (?:'|\")(.*?)(?:'|\"))", "expected_group_index": 1},
        ]
        try:
            result = message
            if type(message) == str:
                for lookup_val in lookup_table:
                    m = re.search(lookup_val["pattern"], result)
                    if m:
                        match_str = m.group(lookup_val["expected_group_index"])
                        result = re.sub(f"{match_str}", "******", result)
        except Exception:
            pass
        return result


def table(headers, rows):
    """tabulate's default "simple" table, as netcfgbu's report prints it."""
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return lines


# --------------------------------------------------------------------------
# A network team's automation host on EC2 (Docker's awslogs driver, one
# stream for the compose project): netpalm's controller (gunicorn with
# uvicorn workers) takes the team's API calls and its pinned worker runs
# them on the devices through Netmiko and NAPALM; a nightly netcfgbu
# container backs up the same devices' configurations.

DEVICES = [("core-rtr1", "10.20.0.1", "ios"), ("core-rtr2", "10.20.0.2", "ios"), ("dist-sw1", "10.20.1.11", "nxos"),
           ("dist-sw2", "10.20.1.12", "nxos"), ("edge-fw1", "10.20.2.1", "asa"), ("edge-fw2", "10.20.2.2", "asa"),
           ("leaf-101", "10.20.3.101", "eos"), ("leaf-102", "10.20.3.102", "eos"), ("leaf-103", "10.20.3.103", "eos"),
           ("spine-1", "10.20.3.1", "eos"), ("spine-2", "10.20.3.2", "eos"), ("oob-sw1", "10.20.9.1", "ios")]
COMMANDS = ["show ip interface brief", "show version", "show ip bgp summary", "show interfaces status",
            "show running-config | i hostname"]


def stream_netpalm_netcfgbu():
    stream = []
    npm = Program("netpalm", "netpalm.netpalm_controller", logging.Formatter(NETPALM), stream)
    cb = Program("netcfgbu", "netcfgbu", logging.Formatter(NETCFGBU), stream)
    scrub = ScrubFilter()

    def np_lg(name):
        log = lg(npm, name)
        log.addFilter(scrub)
        return log

    ctl = np_lg("netpalm.netpalm_controller")
    conf = np_lg("netpalm.backend.core.confload.confload")
    common = np_lg("netpalm.netpalm_worker_common")
    rediz = np_lg("netpalm.backend.core.redis.rediz")
    routes = np_lg("netpalm.routers.route_utils")
    wctl = np_lg("netpalm.backend.core.utilities.rediz_worker_controller")
    napalm = np_lg("netpalm.backend.plugins.drivers.napalm.napalm_drvr")
    hook = np_lg("netpalm.backend.core.utilities.webhook.webhook")
    c = lg(cb, "netcfgbu")

    def startup(first):
        at(conf, logging.INFO, NP + "backend/core/confload/confload.py", 202, "setup_logging",
           "confload: Logging setup @ netpalm.backend.core.confload.confload")
        if first:
            at(ctl, logging.INFO, NP + "netpalm_controller.py", 40, "<module>",
               "Creating broadcast listener because I got the lock!")
            wc = NP + "netpalm_worker_common.py"
            at(common, logging.INFO, wc, 203, "broadcast_queue_worker", "Before listening for broadcasts, first check "
               "the log")
            at(common, logging.INFO, wc, 46, "process_log", "Processing update transaction log")
            at(common, logging.INFO, wc, 49, "process_log", "Got lock for transaction log processing")
            at(common, logging.INFO, wc, 90, "handle_ping", "GOT PING!")
            at(common, logging.INFO, wc, 209, "broadcast_queue_worker", "Listening for broadcasts")
        else:
            at(ctl, logging.INFO, NP + "netpalm_controller.py", 43, "<module>",
               "skipping broadcast listener creation because I couldn't get the lock")

    printed(stream, "[%s +0000] [1] [INFO] Starting gunicorn 20.1.0" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s +0000] [1] [INFO] Listening at: http://0.0.0.0:9000 (1)" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s +0000] [1] [INFO] Using worker: uvicorn.workers.UvicornWorker" % now("%Y-%m-%d %H:%M:%S"))
    for w in range(3):
        printed(stream, "[%s +0000] [%d] [INFO] Booting worker with pid: %d" % (now("%Y-%m-%d %H:%M:%S"), 8 + w, 8 + w))
        with pid(8 + w):
            startup(w == 0)
    with pid(31):
        startup(True)
        at(wctl, logging.DEBUG, NP + "backend/core/utilities/rediz_worker_controller.py", 89, "_listen",
           "This worker name is: 4f1c2a9e-0b7d-4d3e-9a55-6c1e2f8b7a10_processworker")
    rz = NP + "backend/core/redis/rediz.py"
    for i in range(20):
        name, host, os_name = DEVICES[i % len(DEVICES)]
        cmd = COMMANDS[i % len(COMMANDS)]
        task = "%08x-%04x-4%03x-a%03x-%012x" % (0x5e2a90c1 + i * 7919, 0x31f2 + i, 0x1b7 + i, 0x2c4 + i,
                                                0x9f8e7d6c5b4a + i)
        with pid(8 + i % 3):
            at(rediz, logging.INFO, rz, 191, "__init__", "Enabling cache!")
            args = {"library": "netmiko" if i % 4 else "napalm",
                    "connection_args": {"device_type": "cisco_ios" if os_name == "ios" else "cisco_" + os_name,
                                        "host": host, "username": "netops", "password": "Wb7-kP2qz"},
                    "command": cmd, "args": {}, "webhook": {}, "queue_strategy": "pinned", "post_checks": [],
                    "cache": {"enabled": True, "ttl": 300, "poison": False}}
            req = {k: v for k, v in args.items() if k not in ("cache", "queue_strategy")}
            digest = hashlib.sha256(repr(req).encode("utf-8")).hexdigest()
            at(routes, logging.INFO, NP + "routers/route_utils.py", 149, "cache_key_from_req_data",
               f"hashed key: {digest}")
            at(routes, logging.DEBUG, NP + "routers/route_utils.py", 153, "cache_key_from_req_data",
               f"cache_key_from_req_data: cache key {host}:22:{cmd}:{digest}")
            if i % 6 == 0:
                at(rediz, logging.INFO, rz, 226, "__worker_is_alive", f"worker required for {host}")
                at(rediz, logging.INFO, rz, 276, "__create_queue_worker",
                   f"__create_queue_worker: creating queue and worker {host}")
            at(rediz, logging.DEBUG, rz, 369, "__sendtask", f"__sendtask: {req}")
        with pid(31):
            if args["library"] == "napalm":
                at(napalm, logging.DEBUG, NP + "backend/plugins/drivers/napalm/napalm_drvr.py", 15, "__init__",
                   f"initializing napalm driver with args: {args}")
                at(napalm, logging.DEBUG, NP + "backend/plugins/drivers/napalm/napalm_drvr.py", 39, "sendcommand",
                   f"running send command on napalm driver: <napalm.ios.ios.IOSDriver object at "
                   f"0x7f{0x3a1c2b40 + i * 64:08x}> ['{cmd}']")
            if i % 5 == 2:
                wh = NP + "backend/core/utilities/webhook/webhook.py"
                at(hook, logging.INFO, wh, 25, "webhook_exec",
                   "webhook_exec: importing netpalm.backend.plugins.extensibles.custom_webhooks.default_webhook")
                data = {"task_id": task, "task_status": "finished", "webhook_args": {
                    "url": "https://hooks.slack.com/services/T024BE7LD/B07ABCD1234", "token": "xoxb-2024-netops"}}
                at(hook, logging.INFO, wh, 30, "webhook_exec", f"webhook_exec: webhook data loaded {data}")
        with pid(8 + (i + 1) % 3):
            for _ in range(1 + i % 2):
                at(rediz, logging.INFO, rz, 451, "fetchtask", f"fetching task: {task}")
        if i == 9:
            # Redis restarted under the controller: the route's decorator logs it.
            def fetch():
                def get():
                    raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. Connection "
                           "refused.")
                get()
            with pid(9):
                try:
                    fetch()
                except Exception as e:
                    at(routes, logging.ERROR, NP + "routers/route_utils.py", 58, "wrapper",
                       f"HttpErrorHandler Log: {e}", exc=True)
                at(rediz, logging.ERROR, rz, 229, "__worker_is_alive",
                   "__worker_is_alive: Error 111 connecting to redis:6379. Connection refused.")
        if i == 14:
            def listen():
                raised("json.decoder", "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)")
            with pid(31):
                try:
                    listen()
                except Exception as e:
                    at(common, logging.ERROR, NP + "netpalm_worker_common.py", 214, "broadcast_queue_worker",
                       f"Error {e} in broadcast queue handler", exc=True)

    # The nightly backup.
    printed(stream, "Running netcfgbu backup -C /etc/netcfgbu/netcfgbu.toml")
    total, failures = len(DEVICES), []
    start, start_t = now("%Y-%b-%d %I:%M:%S %p"), realworld.CLOCK.t
    for n, (name, host, os_name) in enumerate(DEVICES, 1):
        c.info(f"LOGIN: {name} ({os_name}) timeout=60s as netops")
        if name == "edge-fw2":
            failures.append((name, os_name, "PermissionDenied: No valid username/password, attempted 2 credentials."))
            c.error(f"DONE ({n}/{total}): {name} FAILURE: No valid username/password, attempted 2 credentials.")
            c.info(f"DONE ({n}/{total}): {name} FALSE")
            continue
        c.info(f"CONNECTED: {name}")
        c.info(f"GET-CONFIG: {name} timeout=60")
        if name == "oob-sw1":
            failures.append((name, os_name, "TIMEOUT('Timeout getting running configuration',)"))
            c.info(f"DONE ({n}/{total}): {name} FALSE")
            continue
        c.info(f"CLOSED: {name}")
        c.info(f"DONE ({n}/{total}): {name} PASS")
    sep = "# " + "-" * 78
    printed(stream, sep)
    printed(stream, f"Summary: TOTAL={total}, OK={total - len(failures)}, FAIL={len(failures)}")
    printed(stream, f"         START={start}, STOP={now('%Y-%b-%d %I:%M:%S %p')}")
    printed(stream, f"         DURATION={realworld.CLOCK.t - start_t:.3f}s")
    printed(stream, f"FAILURES: {len(failures)}")
    for line in table(["host", "os_name", "reason"], failures):
        printed(stream, line)
    printed(stream, sep)
    return {"name": "netpalm-netcfgbu", "programs": [npm, cb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# BGP monitoring in an EKS cluster (Fluent Bit ships the namespace's
# containers to one log group): ARTEMIS's configuration, RIPE RIS tap and
# detection services watch the team's prefixes, and Peering Manager's
# PeeringDB sync runs as a CronJob beside them.

PREFIXES = ["203.0.113.0/24", "198.51.100.0/23", "2001:db8:4400::/40", "192.0.2.0/24"]
SERVICES = [("prefixtree", 1), ("database", 1), ("detection", 2), ("mitigation", 1), ("notifier", 1),
            ("riperistap", 1), ("bgpstreamlivetap", 1), ("autoignore", 1)]
NAMESPACE_NAMES = [("org", "organisation"), ("campus", "campus"), ("fac", "facility"), ("carrier", "carrier"),
                   ("carrierfac", "carrier facility"), ("net", "network"), ("ix", "internet exchange"),
                   ("ixfac", "internet exchange facility"), ("ixlan", "ix lan"), ("ixpfx", "ix lan prefix"),
                   ("netfac", "network facility"), ("netixlan", "network ix lan"), ("poc", "network contact")]


def stream_artemis_peering():
    stream = []
    art = Program("artemis", "artemis_logger", logging.Formatter(ARTEMIS), stream)
    pm = Program("peering-manager", "peering.manager.peeringdb", logging.Formatter(PEERING, PEERING_DATEFMT), stream)
    a = lg(art, "artemis_logger", logging.INFO)
    p = lg(pm, "peering.manager.peeringdb")
    conf, ris, det = ART + "configuration.py", ART + "ripe_ris.py", ART + "detection.py"

    for svc, path in (("configuration", conf), ("riperistap", ris), ("detection", det)):
        printed(stream, f"Waiting for rabbitmq:5672, postgres:5432, redis:6379 ({svc})...")
        at(a, logging.INFO, ART + "__init__.py", 27, "get_logger",
           "Loaded configuration from /etc/artemis/logging.yaml")
        at(a, logging.INFO, path, 335 if path == ris else 229, "__init__", "service initiated")
    at(a, logging.INFO, ris, 584, "main", "setting up redis expiry checker process...")
    at(a, logging.INFO, ris, 592, "main", "redis expiry checker set up")
    for path in (conf, ris, det):
        at(a, logging.INFO, path, 361 if path == ris else 255, "start_rest_app",
           "REST worker started and listening to port 3000")
    pending = [s for s, _ in SERVICES]
    for svc, replicas in SERVICES:
        at(a, logging.INFO, conf, 751, "post_configuration_to_other_services",
           "Reconfiguring '{}' microservice ({} replicas). Pending microservices: {}".format(svc, replicas, pending))
        if svc == "bgpstreamlivetap":
            at(a, logging.ERROR, conf, 793, "post_configuration_to_other_services",
               "could not configure service '{}'".format("artemis-bgpstreamlivetap-7d9c8b6f5-x2kqp"))
        pending = pending[1:]
        at(a, logging.INFO, conf, 796, "post_configuration_to_other_services",
           "Reconfigured '{}' microservice ({} replicas). Pending microservices: {}".format(svc, replicas, pending))
        if svc == "riperistap":
            at(a, logging.INFO, ris, 155, "configure_ripe_ris", "instructed to stop")
            at(a, logging.INFO, ris, 187, "configure_ripe_ris", "instructed to start")
            at(a, logging.INFO, ris, 82, "run_data_worker_process", "data worker started")
        if svc == "detection":
            for replica in range(2):
                at(a, logging.INFO, det, 326, "__init__", "Connected to RPKI VALIDATOR 'routinator:3323'")
                at(a, logging.INFO, det, 341, "__init__", "data worker initiated")
                at(a, logging.INFO, det, 161, "run_data_worker_process", "data worker started")
    at(a, logging.INFO, conf, 801, "post_configuration_to_other_services", "All microservices reconfigured")

    # The CronJob: python3 manage.py peeringdb_sync -v 3.
    printed(stream, "Peering Manager: running peeringdb_sync")
    since = 1715380000
    for k, (ns, verbose) in enumerate(NAMESPACE_NAMES):
        p.debug(f"calling api: https://www.peeringdb.com/api/{ns} | {{'since': {since + k * 17}, 'depth': 0}}")
        if ns == "carrierfac":
            p.error(f"429 Client Error: Too Many Requests for url: https://www.peeringdb.com/api/{ns}?since="
                    f"{since + k * 17}&depth=0")
            continue
        p.debug(f"peeringdb {ns} cached at 2024-05-11 14:{30 + k}:02+00:00")
        for j in range(2 + k % 4):
            obj = 1000 + k * 311 + j * 37
            if (j + k) % 5 == 4:
                p.debug(f"deleted {verbose} #{obj} from local database")
            elif (j + k) % 3 == 0:
                p.debug(f"created {verbose} #{obj} from peeringdb")
            else:
                p.debug(f"updated {verbose} #{obj} from peeringdb")
        if ns == "netixlan":
            p.error(f"error validating id: 84731 for model: {verbose}\n{{'ipaddr6': ['Enter a valid IPv6 "
                    f"address.']}}")
        # ARTEMIS keeps streaming updates meanwhile.
        if k % 3 == 0:
            at(a, logging.INFO, det, 971, "commit_hijack", "Monitor event {} encountered redis token timeout and "
               "will be cleared as benign for hijack {}".format(
                   {"prefix": PREFIXES[k % 4], "origin_as": 64496 + k, "peer_asn": 3333, "type": "A",
                    "service": "ripe-ris|rrc00", "timestamp": 1715438700 + k}, "hijack_%032x" % (0xbeef + k)))
    p.debug("last peeringdb synchronisation time set at 2024-05-11 14:30:02+00:00")
    p.debug("synchronised 412 objects at 2024-05-11 14:30:02+00:00")
    printed(stream, "[*] Caching data locally ... done")
    printed(stream, "[*] Updating AS details")
    for asn in (64500, 64501, 65010, 13335, 16509):
        printed(stream, f"  - AS{asn} ... done")

    # The RIS Live stream drops: the tap logs the exception and reconnects.
    for attempt in range(3):
        def run():
            def iter_lines():
                raised("requests.exceptions", "ChunkedEncodingError",
                       "('Connection broken: IncompleteRead(0 bytes read)', IncompleteRead(0 bytes read))")
            iter_lines()
        if attempt == 1:
            at(a, logging.WARNING, ris, 467, "run", "Iterator ran out of data; the connection will be retried")
        try:
            run()
        except Exception:
            at(a, logging.ERROR, ris, 471, "run", "exception", exc=True)
            at(a, logging.INFO, ris, 472, "run", "RIPE RIS Server closed connection. Restarting socket in 10 seconds..")
        if attempt == 2:
            at(a, logging.ERROR, ris, 423, "run", "Client rate limit exceeded: too many connections from this IP")
    at(a, logging.WARNING, conf, 323, "check_monitors", "unavailable monitor {}".format(["exabgp"]))
    return {"name": "artemis-peering-manager", "programs": [art, pm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An EC2 host of the network monitoring fleet (the CloudWatch agent ships
# the cron job's log file and the Docker containers' output to one log
# group): netbox-agent, run hourly by cron, registers the instance and its
# interfaces in NetBox; speedtest-exporter measures the uplink each time
# Prometheus scrapes it.

NICS = [("ens5", "0a:1b:2c:3d:4e:5f", "10.40.12.37/24"), ("ens6", "0a:1b:2c:3d:4e:60", "10.40.13.37/24"),
        ("docker0", "02:42:9c:1a:7e:04", "172.17.0.1/16")]


def stream_netbox_agent_speedtest():
    stream = []
    nba = Program("netbox-agent", "root", logging.Formatter(NETBOX_AGENT), stream)
    st = Program("speedtest-exporter", "root", logging.Formatter(SPEEDTEST), stream)
    root = lg(nba, "root")
    http = lg(nba, "urllib3.connectionpool")
    s = lg(st, "root")
    flask = lg(st, "Speedtest-Exporter")

    def api(method, path, status, size):
        http.debug('%s://%s:%s "%s %s %s" %s %s', "https", "netbox.example.internal", 443, method, path, "HTTP/1.1",
                   status, size)

    s.info("Starting Speedtest-Exporter on http://localhost:9798")
    for run in range(5):
        printed(stream, f"{now('%b %d %H:%M:%S')} ip-10-40-12-37 CRON[{4100 + run * 37}]: (root) CMD (netbox_agent "
                        f"-c /etc/netbox_agent.yaml --register --update-network)")
        http.debug("Starting new HTTPS connection (%d): %s:%s", 1, "netbox.example.internal", 443)
        api("GET", "/api/status/", 200, 512)
        root.debug("It's a virtual machine")
        api("GET", "/api/virtualization/virtual-machines/?name=ip-10-40-12-37&limit=0", 200, 1873)
        api("GET", "/api/virtualization/clusters/?name=netmon-eu-west-1&limit=0", 200, 944)
        if run == 0:
            root.debug("Creating Virtual machine..")
            api("POST", "/api/virtualization/virtual-machines/", 201, 2210)
        root.debug("Creating/Updating NIC...")
        api("GET", "/api/virtualization/interfaces/?virtual_machine_id=412&limit=0", 200, 3391)
        for k, (name, mac, ip) in enumerate(NICS):
            if run == 0:
                root.info("Interface {nic} not found, creating..".format(nic=name))
                root.info("Creating NIC {name} ({mac}) on {device}".format(name=name, mac=mac, device="ip-10-40-12-37"))
                api("POST", "/api/virtualization/interfaces/", 201, 1120)
            address = ip.replace("/", "%2F")
            api("GET", f"/api/ipam/ip-addresses/?address={address}&limit=0", 200, 52 if run == 0 else 1410)
            if run == 0:
                root.info("Create new IP {ip} on {interface}".format(ip=ip, interface=name))
                api("POST", "/api/ipam/ip-addresses/", 201, 1302)
            elif run == 2 and name == "docker0":
                root.info("Assigning existing IP {ip} to {interface}".format(ip=ip, interface=name))
            if run == 2 and k == 1:
                root.info("Interface mtu is wrong, updating to: {mtu}".format(mtu=9001))
                api("PATCH", "/api/virtualization/interfaces/1877/", 200, 1131)
            if run == 0:
                root.debug("Adding MAC {mac} to {nic}".format(mac=mac, nic=name))
        root.debug("Finished updating NIC!")
        if run == 4:
            # NetBox rejects the VM's update: the agent dies on it.
            def main():
                def save():
                    raised("pynetbox.core.query", "RequestError", "The request failed with code 400 Bad Request: "
                           "{'platform': ['Related object not found using the provided numeric ID: 17']}")
                save()
            api("PATCH", "/api/virtualization/virtual-machines/412/", 400, 97)
            uncaught(stream, main)
        # Prometheus scrapes the exporter (every five minutes, no cache).
        for scrape in range(5):
            n = run * 5 + scrape
            if n == 7:
                s.error("Speedtest CLI process took too long to complete and was killed.")
                s.info("Server=0 Jitter=0ms Ping=0ms Download=0.0Mbps Upload=0.0Mbps")
                continue
            if n == 11:
                printed(stream, "Something went wrong")
                printed(stream, "Configuration - Couldn't resolve host name (HostNotFoundException)")
                s.info("Server=0 Jitter=0ms Ping=0ms Download=0.0Mbps Upload=0.0Mbps")
                continue
            if n == 16:
                printed(stream, f"{now('%Y-%m-%dT%H:%M:%SZ')} - Timeout occurred in connect.")

                def update_results():
                    def run_test():
                        return None
                    r_server, r_jitter, r_ping, r_download, r_upload, r_status = run_test()
                    return r_server
                try:
                    update_results()
                except Exception:
                    flask.error("Exception on /metrics [GET]", exc_info=True)
                continue
            server = (40788, 28922, 40788, 52365)[n % 4]
            jitter, ping = round(0.18 + (n * 37 % 90) / 100, 3), round(1.9 + (n * 53 % 120) / 100, 3)
            down, up = 938_000_000 - n * 4_171_113, 871_000_000 - n * 3_307_919
            s.info("Server=" + str(server) + " Jitter=" + str(jitter) + "ms" + " Ping=" + str(ping) + "ms" +
                   " Download=" + str(round(down * 10 ** -6, 2)) + "Mbps" + " Upload=" + str(round(up * 10 ** -6, 2)) +
                   "Mbps")
    return {"name": "netbox-agent-speedtest", "programs": [nba, st], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_netpalm_netcfgbu(), stream_artemis_peering(), stream_netbox_agent_speedtest()])


if __name__ == "__main__":
    main()
