"""The 48-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout47.py`): six more programs'
own logging set-ups, chosen from the security tooling platform and SRE
teams run in AWS (honeypots on an exposed EC2 host, where Conpot plays an
industrial controller and Heralding a credentials catcher; threat-intel
helpers, where MISP's misp-modules expands attributes for a MISP server
and Yeti's event consumers enrich its observables; vulnerability and
secrets scanners run as scheduled ECS tasks, where VulnWhisperer pulls
Nessus scans into a database and SAP's credential-digger scans an
organisation's repositories for secrets), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout48

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f1eec91 (session 24's rules in, none
written from this set), with nothing configured: 81.9% exact, 81.9% key
fields (asctime 100.0%, levelname 98.7%, name 98.7%, message 81.9%).
Again at 71d4cb2, after session 25's rules from heldout44 to heldout47
(none written from this set): the same figures.

Formatters and filters: all six use logging.Formatter itself. Conpot's
console prints the time padded to fifteen and the message, nothing else
("%(asctime)-15s %(message)s": no level, no name), on the root logger its
modules propagate to. Heralding's prints the logger's name in brackets
("%(asctime)-15s (%(name)s) "), through a LogFilter on every handler that
drops aiosmtpd's "mail.log" records and asyncssh's INFO and below unless
the root is at DEBUG; it runs with --verbose here (its sessions and
authentication attempts are DEBUG records), and asyncssh's own records
are not modelled (its messages were not read). misp-modules' one handler
("%(asctime)s - %(name)s - %(levelname)s - ") serves "misp-modules",
"tornado.access" and "py.warnings"; its expansion modules (clamav,
geoip_country...) add their own stdout handler with the same format to
loggers named by the module ("clamav") at DEBUG. Yeti's event consumer
gives the "task" logger and each consumer's "task.event" logger a handler
"[%(asctime)s: %(levelname)s/%(processName)s] ", the process being the
MainProcess or a worker named "events-worker-1"; the tasks' own loggers
("task.TaskType.event.HostnameExtact": a (str, Enum) in an f-string on
Python 3.13) have no level, and in the spawned workers nothing sets the
"task" logger's (only the __main__ block does, in the parent), so their
INFO records fall under the root's WARNING and none is modelled.
VulnWhisperer's logging.basicConfig on stdout prints no time at all
("%(levelname)s:%(name)s:%(funcName)s:%(message)s"), and its loggers are
class-like names ("vulnWhispererNessus", "NessusAPI"); NessusAPI sets
itself to DEBUG (verbose defaults to True), so its DEBUG records print
under a root at INFO. It runs on CentOS 7's Python 2.7 (its Dockerfile).
credential-digger's client.py calls logging.basicConfig(level=INFO) at
import: BASIC_FORMAT, its DEBUG records hidden. 471 records in three
streams (217, 125 and 129).

Print lines: Conpot's logo (a print() in bin/conpot, its blank lines
dropped by the log driver), VulnWhisperer's "WARNING: No section was
specified..." (a print() with two line breaks and the runs of spaces its
backslash continuations leave), and the dots NessusAPI.download_scan
writes to stdout with no line break while it waits for an export, so its
"Done: 8" record's line starts with them ("....INFO:NessusAPI:...": the
record's own text follows the dots); a Yeti consumer that cannot reach
Redis at start dies with a bare traceback (kombu's OperationalError), and
so does a credential-digger scan past GitHub's rate limit. No line of the
ECS agent's or of Docker's is modelled: with the awslogs driver only the
containers' own output reaches the log group. Conpot's on_unhandled_greenlet_exception and misp-modules'
degraded-install banner are records: the first calls logger.exception
outside an except block (its traceback is "NoneType: None"), the second
logs each line of an ASCII-art banner as a WARNING, twice (before the
modules load and after the server listens), its blank lines as empty
messages.

The messages are modelled on the programs' source, read at the commits
cited (bin/conpot, conpot/protocols/modbus/modbus_server.py and
http/command_responder.py; heralding's bin/heralding, honeypot.py,
capabilities/handlerbase.py and ssh.py, misc/session.py; misp_modules/
__main__.py; yeti's core/events/consumers.py and core/schemas/task.py;
VulnWhisperer's bin/vuln_whisperer, vulnwhisp/vulnwhisp.py and
frameworks/nessus.py; credential-digger's cli/cli.py, cli/scan_user.py
and client.py); the traffic, addresses, scan names and repositories are
made up, and tornado's access line is tornado's own layout from memory.

Left out: Tanner (mushorg/tanner 3bc9ae2, tanner/utils/logger.py: its
"%(asctime)s %(levelname)s:%(name)s:%(funcName)s: %(message)s" goes to
tanner.log and tanner.err only, nothing to the console), OpenCanary (its
default settings.json gives the console handler no formatter: "%(message)s"
with a JSON message, inside twistd's own log lines, not read), pulledpork3
(lib/logger.py print()s coloured lines, no logging), Zircolite (a Rich
handler on the console; its file format "%(asctime)s %(levelname)-8s
%(message)s" is not what the container shows), ThreatIngestor (loguru),
Yeti's web server (its audit format appends "%(username)s - %(path)s ..."
after the message; Uvicorn's formatters, left out on purpose), and, in
earlier sets or their "Left out" paragraphs, ScoutSuite, Prowler, Checkov,
Bandit, detect-secrets, TruffleHog, ggshield, sslyze, Wapiti, sqlmap,
ospd, SpiderFoot, Faraday, DefectDojo, Suricata, fail2ban, Wazuh, Sigma,
StreamAlert, ElastAlert, IntelMQ, kube-hunter, CAPE and Cuckoo.
"""

import contextlib
import logging
import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Conpot (mushorg/conpot, 79399ada), bin/conpot setup_logging's log_format
# (the root's console StreamHandler and its file handler).
CONPOT = "%(asctime)-15s %(message)s"
# Heralding (johnnykv/heralding, ac12724a), bin/heralding setup_logging's
# default_formatter (the root's console handler, with LogFilter).
HERALDING = "%(asctime)-15s (%(name)s) %(message)s"
# misp-modules (MISP/misp-modules, 27bc09ff), misp_modules/__main__.py
# init_logger's formatter (the "misp-modules", "tornado.access" and
# "py.warnings" loggers; modules/expansion/clamav.py and geoip_country.py
# give their own loggers the same format).
MISP = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Yeti (yeti-platform/yeti, 7e99d97e), core/events/consumers.py, the
# "task" logger's handler and Consumer.logger's ("task.event").
YETI = "[%(asctime)s: %(levelname)s/%(processName)s] %(message)s"
# VulnWhisperer (HASecuritySolutions/VulnWhisperer, 691f45a1),
# bin/vuln_whisperer main's logging.basicConfig(stream=sys.stdout, format=...)
# (its FileHandler writes vulnwhisperer.log, not the container's output).
VULNWHISPERER = "%(levelname)s:%(name)s:%(funcName)s:%(message)s"
# credential-digger (SAP/credential-digger, 21f89283),
# src/credentialdigger/client.py: logging.basicConfig(level=logging.INFO),
# so BASIC_FORMAT.
CREDENTIAL_DIGGER = logging.BASIC_FORMAT


@contextlib.contextmanager
def process(name, number):
    """Records made in a multiprocessing worker: `%(processName)s` is its
    name, `%(process)d` its id."""
    proc = multiprocessing.current_process()
    pinned = proc.name
    proc.name = name
    try:
        with pid(number):
            yield
    finally:
        proc.name = pinned


# --------------------------------------------------------------------------
# A honeypot host on EC2 outside the VPCs (Docker's awslogs driver, one
# stream for the compose project): Conpot answers as a Siemens S7-200 on
# Modbus, S7comm and HTTP, Heralding catches credentials on SSH, Telnet,
# FTP and the rest. Internet scanners and brute-forcers are its traffic.

SCANNERS = [("45.148.10.81", 50412), ("162.142.125.214", 38750), ("198.235.24.27", 61122),
            ("185.224.128.17", 44318), ("167.94.138.120", 52001), ("193.163.125.75", 40962),
            ("80.94.95.115", 33450), ("218.92.0.112", 27831)]
CREDS = [("root", "123456"), ("admin", "admin"), ("ubuntu", "ubuntu"), ("root", "P@ssw0rd"), ("pi", "raspberry"),
         ("user", "user"), ("oracle", "oracle123"), ("test", "test")]
HOST = "172.31.9.44"


def sid(n):
    return "%08x-%04x-4%03x-a%03x-%012x" % (0x5e1d0a00 + n * 7919, n * 31 % 65536, n * 17 % 4096, n * 13 % 4096,
                                             0x2f1c0e55a000 + n * 104729)


def stream_conpot_heralding():
    stream = []
    cp = Program("conpot", "conpot", logging.Formatter(CONPOT), stream)
    hr = Program("heralding", "heralding", logging.Formatter(HERALDING), stream)
    c = lg(cp, "root")
    modbus = lg(cp, "conpot.protocols.modbus.modbus_server")
    s7 = lg(cp, "conpot.protocols.s7comm.s7_server")
    http = lg(cp, "conpot.protocols.http.command_responder")
    web = lg(cp, "conpot.protocols.http.web_server")
    worker = lg(cp, "conpot.core.log_worker")
    extip = lg(cp, "conpot.utils.ext_ip")
    h = lg(hr, "root")
    honeypot = lg(hr, "heralding.honeypot")
    base = lg(hr, "heralding.capabilities.handlerbase")
    ssh = lg(hr, "heralding.capabilities.ssh")
    session = lg(hr, "heralding.misc.session")
    files = lg(hr, "heralding.reporting.file_logger")

    for line in ["                       _", "   ___ ___ ___ ___ ___| |_", "  |  _| . |   | . | . |  _|",
                 "  |___|___|_|_|  _|___|_|", "              |_|", "  Version 0.6.0", "  MushMush Foundation"]:
        printed(stream, line)
    pkg = "/usr/local/lib/python3.8/site-packages/conpot"
    c.info("Starting Conpot using template: %s/templates/default" % pkg)
    c.info("Starting Conpot using configuration found in: /etc/conpot/conpot.cfg")
    c.warning("No file system configured, using default paths.")
    extip.info("Fetched %s as external ip.", "203.0.113.44")
    for proto in ["modbus", "s7comm", "http", "snmp", "bacnet", "ipmi", "enip"]:
        c.info("Found and enabled {} protocol.".format(proto))
    c.info("ftp available but disabled by configuration.")
    c.info("tftp available but disabled by configuration.")
    modbus.info("Conpot modbus initialized")
    s7.info("Conpot S7Comm initialized")
    modbus.info("Modbus server started on: %s", ("0.0.0.0", 5020))
    s7.info("S7Comm server started on: {0}".format(("0.0.0.0", 10201)))
    web.info("HTTP server started on: %s", ("0.0.0.0", 8800))
    c.info('Privileges dropped, running as "nobody:nogroup"')

    h.info("Initializing Heralding version 1.0.7")
    h.warning('Using default config file: "/usr/local/lib/python3.10/site-packages/heralding/heralding.yml", if you '
              'want to customize values please copy this file to the current working directory')
    honeypot.warning('Using default wordlist file: "/usr/local/lib/python3.10/site-packages/heralding/wordlist.txt", '
                     'if you want to customize values please copy this file to the current working directory')
    files.info("File logger: Using %s to log authentication attempts in CSV format.", "log_auth.csv")
    files.info("File logger: Using %s to log unified session data in CSV format.", "log_session.csv")
    files.info("File logger: Using %s to log complete session data in JSON format.", "log_session.json")
    for cap, port in [("ftp", 21), ("Telnet", 23), ("SSH", 22), ("Http", 80), ("Pop3", 110), ("Imap", 143),
                      ("smtp", 25), ("MySQL", 3306), ("PostgreSQL", 5432), ("RDP", 3389), ("Socks5", 1080)]:
        honeypot.debug("Adding %s capability with options: %s", cap.lower(), {"enabled": True, "port": port,
                                                                              "timeout": 30})
        honeypot.info("Started %s capability listening on port %s", cap, port)
    h.info("Privileges dropped, running as nobody/nogroup.")

    for i, (ip, port) in enumerate(SCANNERS + SCANNERS[:3]):
        n = i + 1
        sport = port + i * 3
        if i % 3 == 0:
            # A Modbus read of the device identification.
            s = sid(n)
            modbus.info("New Modbus connection from %s:%s. (%s)", ip, sport, s)
            modbus.info("Modbus traffic from %s: %s (%s)", ip, {
                "request": b"000100000005012b0e0100", "slave_id": 1, "function_code": 43,
                "response": b"0001000000110" + b"12b0e0101000001000753494d41544943"}, s)
            modbus.info("Modbus response sent to %s", ip)
            modbus.info("Modbus client disconnected. (%s)", s)
        elif i % 3 == 1:
            s = sid(n + 100)
            headers = [("Host", "%s:8800" % "203.0.113.44"), ("User-Agent", "Mozilla/5.0 zgrab/0.x"),
                       ("Accept", "*/*"), ("Accept-Encoding", "gzip")]
            path = ["/", "/index.html", "/.env", "/cgi-bin/luci/;stok=/locale"][i % 4]
            http.info("%s %s request from %s: %s. %s", "HTTP/1.1", "GET", (ip, sport), (path, headers, None), s)
            status = 404 if path in ("/.env", "/cgi-bin/luci/;stok=/locale") else 200
            http.info("%s response to %s: %s. %s", "HTTP/1.1", (ip, sport), status, s)
        else:
            s = sid(n + 200)
            s7.info("New S7 connection from {0}:{1}. ({2})".format(ip, sport, s))
            s7.info("Received COTP Connection Request: dst-ref:{0} src-ref:{1} dst-tsap:{2} src-tsap:{3} "
                    "tpdu-size:{4}. ({5})".format(0, 4, 258, 256, 10, s))
            if i == 5:
                s7.info("S7 error: Invalid length")
        # Heralding's side: a brute-force session or two.
        for proto, dport in [("ssh", 22), ("telnet", 23)][: 1 + i % 2]:
            hs = sid(n + 300 + dport)
            base.debug("Accepted %s session on %s:%s from %s:%s. (%s)", proto, HOST, dport, ip, sport + 1, hs)
            base.debug("Size of session list for %s: %s", proto, 1 + i % 3)
            if proto == "ssh":
                ssh.debug("SSH connection received from %s." % ip)
            for user, password in CREDS[i % 5: i % 5 + 2]:
                session.debug("%s authentication attempt from %s:%s. Auth mechanism: %s, session id %s "
                              "Credentials: %s", proto, ip, sport + 1, "plaintext", hs,
                              '{"username": "%s", "password": "%s"}' % (user, password))
            if proto == "ssh" and i % 4 == 3:
                ssh.debug("SSH connection error: " + "Connection lost")
            elif proto == "ssh":
                ssh.debug("SSH connection closed.")
            else:
                base.debug("Session timed out. (%s)", hs)
            base.debug("Closing session. (%s)", hs)
            session.debug("Session with session id %s ended", hs)
        if i % 4 == 2:
            worker.info("Session timed out: %s", sid(n))
        if i == 7:
            base.warning("Got %s session on port %s from %s:%s, but not handling it because the global session limit "
                         "has been reached", "ssh", 22, "218.92.0.112", 27901)
        if i == 9:
            # The hpfriends feeder cannot connect: LogWorker logs it and goes on.
            def feeder():
                def connect():
                    raised("builtins", "ConnectionRefusedError", "[Errno 111] Connection refused")
                connect()
            try:
                feeder()
            except Exception as e:
                worker.exception(e)
        if i == 10:
            http.error("Invalid tarpit value: '%s'. Assuming no latency.", "0.1;0.5s")
    # A protocol server's greenlet dies: conpot logs it outside an except.
    c.exception("Stopping because {} died: {}".format(
        "<Greenlet at 0x7f3b2c1d8e40: <bound method S7Server.start of <conpot.protocols.s7comm.s7_server.S7Server "
        "object at 0x7f3b2c2a1f10>>('0.0.0.0', 10201)>", "[Errno 98] Address already in use: ('0.0.0.0', 10201)"))
    honeypot.info("All tasks were stopped.")
    return {"name": "conpot-heralding", "programs": [cp, hr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A threat-intel host on ECS (one log group, the awslogs driver): MISP's
# misp-modules answers the MISP server's enrichment queries, and Yeti's
# event consumers run the enrichment tasks on new observables.

MODULES = [("expansion", "circl_passivedns"), ("expansion", "clamav"), ("expansion", "dns"),
           ("expansion", "geoip_country"), ("expansion", "shodan"), ("expansion", "virustotal_public"),
           ("expansion", "urlhaus"), ("export_mod", "cef_export"), ("import_mod", "csvimport"),
           ("action_mod", "mattermost")]
OBSERVABLES = [("url", "https://update-check.example-cdn.net/dl/payload.bin"),
               ("url", "http://185.224.128.17/bins/x86"), ("container_image", "docker.io/library/alpine:3.19"),
               ("url", "https://login-microsoftonline.example.com/common/oauth2"),
               ("container_image", "ghcr.io/acme/agent:1.4.2"), ("url", "http://45.148.10.81:8080/sh")]


def stream_misp_yeti():
    stream = []
    mm = Program("misp-modules", "misp-modules", logging.Formatter(MISP), stream)
    yt = Program("yeti", "task", logging.Formatter(YETI), stream)
    m = lg(mm, "misp-modules")
    access = lg(mm, "tornado.access")
    geo = lg(mm, "geoip_country")
    y = lg(yt, "task")
    ev = lg(yt, "task.event")

    banner = ["", r"__        ___    ____  _   _ ___ _   _  ____ _ _ _ ",
                 r"\ \      / / \  |  _ \| \ | |_ _| \ | |/ ___| | | |",
                 r" \ \ /\ / / _ \ | |_) |  \| || ||  \| | |  _| | | |",
                 r"  \ V  V / ___ \|  _ <| |\  || || |\  | |_| |_|_|_|",
                 r"   \_/\_/_/   \_\_| \_\_| \_|___|_| \_|\____(_|_|_)", "",
                 "Since 'misp-modules' version 3, many dependencies are not installed by default. ",
                 "If you want to re-enable the old behavior, install the 'all' extra.",
                 "Use the command 'pip install misp-modules[all]'"]
    for line in banner:
        m.warning(line)
    for kind, name in MODULES:
        if name == "shodan":
            m.warning("MISP module %s (type=%s) failed: %s", name, kind, "No module named 'shodan'")
            continue
        m.info("MISP module %s (type=%s) imported", name, kind)
    for line in banner:
        m.warning(line)
    m.info("MISP modules server started on %s:%d", "0.0.0.0", 6666)

    # Yeti's consumer: a first start that cannot reach Redis, then a good one.
    def consumers():
        def connect():
            raised("kombu.exceptions", "OperationalError", "Error 111 connecting to redis:6379. Connection refused.")
        connect()
    uncaught(stream, consumers)
    y.info("Starting 2 events workers")
    for w, wpid in (("events-worker-1", 31), ("events-worker-2", 32)):
        y.info(f"Starting {w} pid={wpid}")

    for cycle in range(8):
        access.info("%d %s %.2fms", 200, "GET /modules (172.18.0.4)", 3.17 + cycle * 0.41)
        if cycle % 2 == 0:
            access.info("%d %s %.2fms", 200, "GET /healthcheck (127.0.0.1)", 0.62)
        for j, (kind, value) in enumerate(OBSERVABLES):
            worker, wpid = ("events-worker-1", 31) if (j + cycle) % 2 == 0 else ("events-worker-2", 32)
            verb = "new" if (j + cycle) % 3 else "update"
            if kind == "container_image" and verb == "update":
                continue
            with process(worker, wpid):
                if kind == "url":
                    ev.info("Running task HostnameExtact")
                else:
                    ev.info("Running task DockerImageAnalyticsOnEvent")
                if cycle == 3 and j == 2:
                    body = ('{"type": "new", "event": {"type": "new", "yeti_object": {"value": "%s", '
                            '"type": "container_image", "registry": "docker.io", "root_type": "observable"}}}' % value)

                    def run():
                        def image_full_details():
                            raised("requests.exceptions", "HTTPError",
                                   "429 Client Error: Too Many Requests for url: https://hub.docker.com/v2/"
                                   "namespaces/library/repositories/alpine")
                        image_full_details()
                    try:
                        run()
                    except Exception:
                        ev.exception(f"[PID:{wpid}] - Error processing message in events queue with {body}")
            # The MISP server asks misp-modules about the same indicator.
            host = value.split("/")[2].split(":")[0] if kind == "url" else None
            if host and (j + cycle) % 2 == 0:
                module = ["dns", "circl_passivedns", "geoip_country", "virustotal_public"][(j + cycle) % 4]
                if module == "geoip_country":
                    geo.debug(host)
                if module == "virustotal_public" and cycle == 5:
                    m.warning("Timeout on {}".format(module))
                    access.info("%d %s %.2fms", 200, "POST /query (172.18.0.4)", 300004.88)
                    continue
                access.info("%d %s %.2fms", 200, "POST /query (172.18.0.4)", 41.3 + j * 17.9 + cycle)
        if cycle == 2:
            access.info("%d %s %.2fms", 200, "POST /query (172.18.0.4)", 1843.07)
        if cycle == 4:
            # A module that raises: misp-modules logs the query's failure.
            def post():
                def handler():
                    raised("builtins", "KeyError", "'attribute'")
                handler()
            try:
                post()
            except Exception:
                m.exception("Something went wrong when processing query request")
            access.info("%d %s %.2fms", 200, "POST /query (172.18.0.4)", 12.44)
        if cycle == 6:
            with process("events-worker-2", 32):
                try:
                    raised("pydantic_core._pydantic_core", "ValidationError",
                           "1 validation error for EventMessage\nevent\n  Field required [type=missing, "
                           "input_value={'type': 'new'}, input_type=dict]")
                except Exception:
                    ev.exception("Error parsing message in events queue. Discarding message")
            access.warning("%d %s %.2fms", 404, "GET /openapi.yaml (172.18.0.4)", 0.91)
            access.info("%d %s %.2fms", 200, "GET /openapi.json (172.18.0.4)", 2.36)
    y.info("Shutdown requested, exiting gracefully...")
    y.info("Terminating worker events-worker-2 pid=32")
    for w, wpid in (("events-worker-1", 31), ("events-worker-2", 32)):
        y.info(f"Worker {w} pid={wpid} exited")
    return {"name": "misp-modules-yeti", "programs": [mm, yt], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# Scanners as scheduled ECS tasks writing to one log group: VulnWhisperer
# pulls the week's Nessus scans into its database, credential-digger scans
# the organisation's GitHub repositories for secrets.

VW = "/usr/lib/python2.7/site-packages/vulnWhisperer-1.8-py2.7.egg/vulnwhisp/"
SCANS = [(12, "Weekly External Perimeter", "External"), (15, "VPC prod-us-east-1", "AWS"),
         (18, "VPC staging", "AWS"), (21, "Corp Windows Servers", "Internal"), (24, "PCI CDE Quarterly", "PCI"),
         (27, "Kubernetes Nodes", "AWS")]
REPOS = ["platform-terraform", "payments-api", "helm-charts", "ops-runbooks", "legacy-billing", "data-pipelines",
         "mobile-app", "sre-tools", "docs-site", "infra-ansible"]


def stream_vulnwhisperer_credential_digger():
    stream = []
    vwp = Program("vulnwhisperer", "root", logging.Formatter(VULNWHISPERER), stream)
    cdp = Program("credential-digger", "credentialdigger.cli.cli", logging.Formatter(CREDENTIAL_DIGGER), stream)
    root = lg(vwp, "root")
    wbase = lg(vwp, "vulnWhispererBase")
    wn = lg(vwp, "vulnWhispererNessus")
    api = lg(vwp, "NessusAPI")
    cli = lg(cdp, "credentialdigger.cli.cli")
    client = lg(cdp, "credentialdigger.client")
    scan_user = lg(cdp, "credentialdigger.cli.scan_user")

    def w(log, level, path, line, func, msg, exc=None):
        at(log, level, VW + path, line, func, msg, exc=exc)

    text = ("WARNING: No section was specified, vulnwhisperer will scrape enabled modules from config file." + " " * 29
            + "\nPlease specify a section using -s." + " " * 53 + "\nExample vuln_whisperer -c config.ini -s nessus")
    for line in text.split("\n"):
        printed(stream, line)
    at(root, logging.INFO, "/usr/bin/vuln_whisperer", 76, "main",
       "No section was specified, vulnwhisperer will scrape enabled modules from the config file.")
    db = "/opt/VulnWhisperer/data/database/report_tracker.db"
    w(wbase, logging.INFO, "vulnwhisp.py", 89, "__init__", "Connected to database at {loc}".format(loc=db))
    w(wn, logging.INFO, "vulnwhisp.py", 300, "__init__", "Attempting to connect to nessus...")
    base = "https://nessus.sec.internal:8834"
    w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(base + "/session"))
    w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(base + "/scans"))
    w(api, logging.DEBUG, "frameworks/nessus.py", 122, "get_scan_ids", "Found {} scan_ids".format(len(SCANS) + 3))
    w(wn, logging.INFO, "vulnwhisp.py", 311, "__init__", "Connected to nessus on nessus.sec.internal:8834")
    w(wn, logging.INFO, "vulnwhisp.py", 335, "scan_count", "Gathering all scan data... this may take a while...")
    for sid_, name, folder in SCANS:
        w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(
            base + "/scans/{}".format(sid_)))
        w(api, logging.DEBUG, "frameworks/nessus.py", 176, "get_utc_from_local",
          "Converted timestamp {} in datetime {}".format(1715150000 + sid_ * 3600, "2024-05-08 0%d:33:20-04:00" % (
              sid_ % 10)))
    w(wn, logging.INFO, "vulnwhisp.py", 380, "whisper_nessus", "Identified {new} scans to be processed".format(
        new=len(SCANS)))
    for folder in ("AWS", "External", "Internal", "PCI"):
        w(wn, logging.INFO, "vulnwhisp.py", 396, "whisper_nessus", "Directory already exist for {scan} - Skipping "
          "creation".format(scan="/opt/VulnWhisperer/data/nessus/" + folder))
    for count, (sid_, name, folder) in enumerate(SCANS, 1):
        hist = 400 + sid_ * 3
        w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(
            base + "/scans/{}/export?history_id={}".format(sid_, hist)))
        if count == 4:
            # The export request fails: download_scan logs it, whisper_nessus skips the scan.
            w(api, logging.ERROR, "frameworks/nessus.py", 145, "download_scan", "'file'")
            w(wn, logging.ERROR, "vulnwhisp.py", 460, "whisper_nessus", "Could not download {} scan {}: {}".format(
                "nessus", sid_, "local variable 'file_id' referenced before assignment"))
            continue
        w(api, logging.INFO, "frameworks/nessus.py", 146, "download_scan", "Download for file id {}".format(
            1093200000 + sid_ * 7))
        waited = 2 * (2 + count % 3)
        for _ in range(waited // 2):
            w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(
                base + "/scans/{}/export/{}/status".format(sid_, 1093200000 + sid_ * 7)))
        w(api, logging.INFO, "frameworks/nessus.py", 158, "download_scan", "Done: {}".format(waited))
        # download_scan's dots, written to stdout with no line break.
        stream[-1]["text"] = "." * (waited // 2) + stream[-1]["text"]
        w(api, logging.DEBUG, "frameworks/nessus.py", 83, "request", "Requesting to url {}".format(
            base + "/scans/{}/export/{}/download".format(sid_, 1093200000 + sid_ * 7)))
        w(api, logging.DEBUG, "frameworks/nessus.py", 104, "request", "Returning data.content")
        w(api, logging.DEBUG, "frameworks/nessus.py", 111, "request", "Processed {} chunks".format(37 + sid_ * 11))
        file_name = "%s_%s_%s_%s.csv" % (name.replace(" ", "_"), sid_, hist, 1715150000 + sid_ * 3600)
        if name == "VPC staging":
            w(wn, logging.WARNING, "vulnwhisp.py", 504, "whisper_nessus",
              "{} has no host available... Updating database and skipping!".format(file_name))
            continue
        w(wn, logging.INFO, "vulnwhisp.py", 467, "whisper_nessus", "Processing {}/{} for scan: {}".format(
            count, len(SCANS), name))
        w(wn, logging.INFO, "vulnwhisp.py", 488, "whisper_nessus", "{filename} records written to {path} ".format(
            filename=212 + sid_ * 41, path=file_name))
    w(wn, logging.INFO, "vulnwhisp.py", 506, "whisper_nessus",
      "Scan aggregation complete! Connection to database closed.")

    # credential-digger's nightly scan of the organisation's repositories.
    cli.info("Database in use: Postgres")
    for i, repo in enumerate(REPOS, 1):
        if repo == "legacy-billing":
            client.info(f"{i}/{len(REPOS)}) Ignore Repository(full_name=\"acme-corp/{repo}\") (it is a fork)")
            continue
        client.info(f"{i}/{len(REPOS)}) Scanning https://api.github.com/repos/acme-corp/{repo}")
        url = f"https://github.com/acme-corp/{repo}"
        if repo in ("platform-terraform", "payments-api", "sre-tools"):
            client.info(f'The repository "{url}" has already been scanned.')
            client.info("Only the diff with the previous scan will be considered")
        if repo == "docs-site":
            client.warning(f"{i}/{len(REPOS)} Ignore {url} (it cannot be cloned)")
            continue
        found = (i * 7) % 12
        client.info(f"Detected {found} discoveries.")
        if i == 2:
            client.warning("Model PasswordModel not found. Skip it.")
        client.info(f"{max(found - 2, 0)} discoveries left for manual review.")
        if found > 6:
            client.info("Compute embeddings for this repository")
    scan_user.info(f"{len(REPOS)} repositories scanned.")

    # The next night's run ends past GitHub's rate limit, uncaught.
    cli.info("Database in use: Postgres")
    client.info(f"1/{len(REPOS)}) Scanning https://api.github.com/repos/acme-corp/{REPOS[0]}")

    def main():
        def scan_user_():
            def next_page():
                raised("github.GithubException", "RateLimitExceededException",
                       '403 {"message": "API rate limit exceeded for user ID 81234567.", "documentation_url": '
                       '"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}')
            next_page()
        scan_user_()
    uncaught(stream, main)
    return {"name": "vulnwhisperer-credential-digger", "programs": [vwp, cdp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_conpot_heralding(), stream_misp_yeti(), stream_vulnwhisperer_credential_digger()])


if __name__ == "__main__":
    main()
