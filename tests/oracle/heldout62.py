"""The 62-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout61.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in network and monitoring tools (a network services VM in
a branch office's VPC, where staticDHCPd hands out the office's addresses
from its database and tykling's dns_exporter probes the resolvers for
Prometheus; an SNMP host on EC2, where snmpfwd's server and client relay
the managers' SNMP requests to the routers over a trunk beside MyBook's
zabbix-exporter exposing the legacy Zabbix's items to Prometheus; an
exporters host, where pryorda's vmware_exporter scrapes the on-premises
vCenter and starlink-grpc-tools' dish_grpc_prometheus.py the backup
uplink's Starlink dish), each format copied from the file named beside it
(the version read is given), with the formatter class the program uses,
and messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout62

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 4a19aeb (session 27's rules in, none written
from this set), with nothing configured: 75.1% exact, 75.1% key fields
(asctime 100.0%, levelname 75.4%, name 76.2%, message 75.1%).

Formatters and filters: all six use logging.Formatter itself, no filter
(staticDHCPd, snmpfwd and zabbix-exporter on a StreamHandler of their own,
dns_exporter, vmware_exporter and dish_grpc_prometheus.py through
logging.basicConfig). staticDHCPd's non-DEBUG format puts " : " between
the time, the level and the message, no name; it runs with --verbose (no
daemon, console logging at LOG_CONSOLE_SEVERITY INFO), so its banner is
WARNING records ("----" rules, "System startup in progress; PID=1"), and
its CRITICAL "Unable to handle ..." message joins
traceback.format_exception's lines with "\\n" (each already ends with
one: blank lines inside the message). dns_exporter prints
"name.funcName():lineno:" and two spaces before the message, its date with
"%z"; its loggers are named f"dns_exporter.{__name__}", so the module's
path is doubled ("dns_exporter.dns_exporter.collector"); it runs with -d,
so httpx's INFO records (not capped at DEBUG) print through the same root
handler, and one of its warnings is a triple-quoted f-string whose lines
keep the source's indentation. snmpfwd's stderr StreamLogger prints the
time and the message only; every record is a DEBUG record of the
"snmpfwd-server" (or "snmpfwd-client") logger whose message starts with
the level snmpfwd/log.py writes into it ("INFO ", "ERROR ", "DEBUG ") and
ends with a space (its "%s %s" of message and context, the context's
"key=value " pairs ending with one too); an unhandled exception in main()
is logged one traceback line per record, each line's "\\n" made ";".
zabbix-exporter's "zabbix_exporter" handler brackets the time, no level
and no name; it runs with --verbose (DEBUG). vmware_exporter prints the
level glued to the message by a colon ("INFO:Start collecting ..."), and
logs a failed scrape's traceback.format_exc() as an ERROR message (ending
with a line break, no exc_info). dish_grpc_prometheus.py's basicConfig has
no level: only WARNING and up print ("ERROR: Failure getting status: ...").
513 records in three streams (237, 157 and 119), 16 of them print lines
and one a bare traceback.

Print lines: staticDHCPd's "staticDHCPd: Daemonised execution disabled:
verbose operation requested" (a print()); zabbix-exporter's click.echo
banner; http.server's access lines on stderr for dish_grpc_prometheus.py
(its MetricsRequestHandler keeps BaseHTTPRequestHandler.log_message:
dns_exporter's and zabbix-exporter's handlers log nothing) and its
"HTTP listening on port 9148" print(); socketserver's "Exception occurred
during processing of request" block when prometheus_export raises (a bare
traceback between two rules of dashes); the entrypoints' and Docker's lines.

The messages are the programs' own where read (staticDHCPd's staticDHCPd
script and staticdhcpdlib/dhcp.py, dns_exporter's entrypoint.py,
exporter.py and collector.py with their functions and line numbers,
snmpfwd's scripts/snmpfwd-server.py, snmpfwd-client.py and trunking/,
zabbix-exporter's core.py, vmware_exporter.py, dish_common.py and
dish_grpc_prometheus.py); the hosts, addresses, MACs, items, inventories
and every count and time are made up, snmpfwd's context strings follow its
LogString GROUPINGS but their values (engine ids, PDUs) are modelled, as
are the third-party exception texts (grpc's, pyzabbix's, httpx's,
pyVmomi's), httpx's own "HTTP Request: ..." message, function and line
(from memory of httpx 0.27, not read here) and Docker's lines.

Left out: openvpn-monitor (in `heldout50.py`), mktxp (print() only;
akpw/mktxp 60913ce), DNSChef (its DNSChefFormatter swaps the whole format
by level, "(%(asctime)s) [*] %(msg)s" for INFO, "WARNING: %(msg)s",
"DBG: %(module)s: %(lineno)d: %(msg)s": iphelix/dnschef a395411 dnschef.py;
one record per format is more than this set's truth can say, and it is a
pentest tool: kept for a later set), graphite-beacon (tornado's
LogFormatter, in `realworld.py`; klen/graphite-beacon c1f071e),
grafana-backup-tool (print() only; ysde/grafana-backup-tool 728125d),
prometheus-smartctl (no logging format; matusnovak/prometheus-smartctl
e3e2f6f), dhcpdoctor (no logging; ArnesSI/dhcpdoctor 00172a8),
route53-kubernetes and prometheus-ecs-discovery (Go, not Python),
arista_eos_exporter and ecs-container-exporter (no snapshot could be
fetched), NetRaven (not read for want of time), and netpalm, netcfgbu,
ARTEMIS, Peering Manager, netbox-agent, speedtest-exporter, Panoptes, the
NetFlow collector, kea-exporter, NAV, prometheus-pve-exporter, JSNAPy,
Glances, LibreNMS, SuzieQ, octoDNS, nsupdate.info, dhcpy6d and the other
programs of these areas already in earlier sets or their Left out
paragraphs.
"""

import datetime
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# staticDHCPd (flan/staticdhcpd, 2632b99), staticDHCPd/staticDHCPd
# _setupLogging's formatter when config.DEBUG is off (the root's console
# StreamHandler, at LOG_CONSOLE_SEVERITY "INFO").
STATICDHCPD = "%(asctime)s : %(levelname)s : %(message)s"
# dns_exporter (tykling/dns_exporter, 9b222a7), src/dns_exporter/
# entrypoint.py configure_logging's console_logformat, through
# logging.basicConfig with this datefmt.
DNS_EXPORTER = "%(asctime)s %(levelname)s %(name)s.%(funcName)s():%(lineno)i:  %(message)s"
DNS_EXPORTER_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# snmpfwd (etingof/snmpfwd, 8d7a351), snmpfwd/log.py StreamLogger's
# formatter (the default logging method, "stderr", of both scripts).
SNMPFWD = "%(asctime)s %(message)s"
# zabbix-exporter (MyBook/zabbix-exporter, c5c70a2), zabbix_exporter/
# commands.py cli's handler on the "zabbix_exporter" logger.
ZABBIX_EXPORTER = "[%(asctime)s] %(message)s"
ZABBIX_EXPORTER_DATEFMT = "%Y-%m-%d %H:%M:%S"
# vmware_exporter (pryorda/vmware_exporter, 9f9bfaf), vmware_exporter/
# vmware_exporter.py main()'s logging.basicConfig.
VMWARE_EXPORTER = "%(asctime)s %(levelname)s:%(message)s"
# starlink-grpc-tools (sparky8512/starlink-grpc-tools, ae6ffb7),
# dish_grpc_prometheus.py main()'s logging.basicConfig (stream=sys.stderr).
STARLINK = "%(levelname)s: %(message)s"

DNSX = "/root/.local/lib/python3.14/site-packages/dns_exporter/"
HTTPX = "/root/.local/lib/python3.14/site-packages/httpx/_client.py"


# --------------------------------------------------------------------------
# A branch office's network services VM (Docker's awslogs driver, one
# stream): staticDHCPd serves the office's DHCP from its SQLite database,
# dns_exporter probes the office and VPC resolvers for Prometheus.

CLIENTS = [("3c:22:fb:1a:07:9e", "10.60.1.21"), ("a4:83:e7:4b:11:c2", "10.60.1.22"),
           ("00:1b:21:8c:3f:40", "10.60.1.40"), ("f0:18:98:5d:a2:7b", "10.60.1.57"),
           ("b8:27:eb:0e:91:33", "10.60.2.10"), ("dc:a6:32:77:4e:05", "10.60.2.11")]
PROBES = [("udp", "10.60.0.2", "corp.example.internal", "A"), ("udp", "10.0.0.2", "orders.prod.example.internal", "A"),
          ("doh", "https://dns.google/dns-query", "example.com", "AAAA"),
          ("tcp", "10.60.0.2", "_ldap._tcp.corp.example.internal", "SRV")]


def stream_staticdhcpd_dns_exporter():
    stream = []
    sd = Program("staticdhcpd", "main", logging.Formatter(STATICDHCPD), stream)
    dx = Program("dns_exporter", "dns_exporter", logging.Formatter(DNS_EXPORTER, DNS_EXPORTER_DATEFMT), stream)
    main = lg(sd, "main")
    dhcp = lg(sd, "dhcp")
    gen = lg(sd, "databases.generic")
    ent = lg(dx, "dns_exporter.dns_exporter.entrypoint")
    exp = lg(dx, "dns_exporter.dns_exporter.exporter")
    col = lg(dx, "dns_exporter.dns_exporter.collector")
    httpx = lg(dx, "httpx")

    printed(stream, "staticDHCPd: Daemonised execution disabled: verbose operation requested")
    main.info("Console-based logging online")
    for line in ("-" * 40, "-" * 40, "-" * 40, "System startup in progress; PID=1",
                 "staticDHCPd version 3.0.0-beta1 : https://github.com/flan/staticdhcpd",
                 "libpydhcpserver version 3.0.0-beta1 : https://github.com/flan/staticdhcpd",
                 "Continuing with subsystem initialisation", "-" * 40):
        main.warning(line)
    main.warning("Pidfile already exists, with PID 1")
    gen.info("Database caching enabled; top-level cache: MemoryCache(chained_cache=None)")
    main.info("Initialising custom code...")
    dhcp.info("Prepared to bind to 10.60.0.5; ports: server: 67, client: 68, proxy: None")
    dhcp.info("Configured DHCP server")
    main.info("Changing runtime permissions to UID=999, GID=999...")
    main.warning("-" * 40)
    main.warning("All subsystems initialised; now serving")
    main.warning("-" * 40)
    dhcp.info("DHCP engine beginning normal operation")

    at(ent, logging.INFO, DNSX + "entrypoint.py", 152, "configure_logging",
       "dns_exporter v1.2.2 starting up - logging at level DEBUG")
    at(ent, logging.INFO, DNSX + "entrypoint.py", 158, "configure_logging",
       "DNSEXP_CONNECTION_LABEL unset - disabling 'connection' label feature")
    at(ent, logging.DEBUG, DNSX + "entrypoint.py", 203, "main", "dns_exporter parsed command-line arguments: "
       "['-c', '/etc/dns_exporter/dns_exporter.yml', '-L', '0.0.0.0', '-d']")
    at(ent, logging.DEBUG, DNSX + "entrypoint.py", 225, "main",
       "Read 3 modules from config file /etc/dns_exporter/dns_exporter.yml:")
    at(ent, logging.DEBUG, DNSX + "entrypoint.py", 226, "main", ["office_udp", "vpc_udp", "google_doh"])
    at(ent, logging.DEBUG, DNSX + "entrypoint.py", 169, "initialise_socket_cache",
       "SocketCache initialised with max. age 0 seconds and max. idle 3600 seconds and housekeeping interval "
       "600 seconds")
    at(exp, logging.INFO, DNSX + "exporter.py", 477, "configure", "3 module(s) loaded OK, total modules: 3.")
    at(ent, logging.DEBUG, DNSX + "entrypoint.py", 249, "main", "Running in main thread, connecting signal handlers...")
    at(ent, logging.INFO, DNSX + "entrypoint.py", 256, "main",
       "Ready to serve requests. Starting listener on 0.0.0.0 port 15353...")

    for cycle in range(4):
        for i, (mac, ip) in enumerate(CLIENTS):
            if (i + cycle) % 3 == 0:
                for kind, size in (("OFFER", 300), ("ACK", 300)):
                    dhcp.info(f"{kind} sent at {mac} for {ip} via 10.60.0.1:67 [{size} bytes]")
            elif (i + cycle) % 5 == 1:
                dhcp.warning(f"REQUEST:SELECTING from {mac} for {ip}, but its assigned IP is {ip[:-1]}9")
                dhcp.info(f"NAK sent at {mac} for {ip} via 10.60.0.1:67 [244 bytes]")
            else:
                dhcp.info(f"ACK sent at {mac} for {ip} via 10.60.0.1:67 [300 bytes]")
        if cycle == 1:
            dhcp.warning("REQUEST:INIT-REBOOT from 52:54:00:ab:cd:ef for 10.60.1.99, but the MAC is unknown")
            dhcp.warning("52:54:00:ab:cd:ef was temporarily blocklisted for 150 seconds following DISCOVER: "
                         "unknown MAC")
        if cycle == 3:
            # A database lookup fails inside the handler thread.
            def handle():
                def lookup():
                    raised("sqlite3", "OperationalError", "database is locked")
                lookup()
            try:
                handle()
            except Exception:
                dhcp.critical("Unable to handle {} from  {}:\n{}".format(
                    "REQUEST:RENEWING", CLIENTS[2][0], "\n".join(traceback.format_exception(*sys.exc_info()))))
        for proto, server, qname, qtype in PROBES:
            client = f"('10.60.0.9', {41000 + cycle * 7 + len(qname)})"
            module = {"udp": "office_udp", "doh": "google_doh", "tcp": "office_udp"}[proto]
            at(exp, logging.DEBUG, DNSX + "exporter.py", 669, "do_GET",
               f"Got HTTP request for /query?module={module}&server={server}&query_name={qname}&query_type={qtype} - "
               f"parsed qs is {{'module': '{module}', 'server': '{server}', 'query_name': '{qname}', "
               f"'query_type': '{qtype}'}}")
            at(exp, logging.DEBUG, DNSX + "exporter.py", 609, "handle_query_request",
               f"Got /query request from client {client}")
            at(exp, logging.DEBUG, DNSX + "exporter.py", 612, "handle_query_request",
               "Initialising CollectorRegistry dnsexp_registry and fail_registry")
            addr = "8.8.4.4 (resolved from dns.google)" if proto == "doh" else f"{server} (from config)"
            at(exp, logging.DEBUG, DNSX + "exporter.py", 570, "validate_server_ip",
               f"Using server IP {addr} for the DNS server connection")
            at(exp, logging.DEBUG, DNSX + "exporter.py", 662, "handle_query_request", "Returning DNS query metrics")
            at(col, logging.DEBUG, DNSX + "collector.py", 97, "__init__", "Initialising DNSCollector...")
            if proto == "doh" and cycle == 2:
                def get_dns_response():
                    def post():
                        raised("httpx", "RemoteProtocolError", "Server disconnected without sending a response.")
                    post()
                try:
                    get_dns_response()
                except Exception:
                    at(col, logging.WARNING, DNSX + "collector.py", 201, "collect_dns",
                       f"""Caught an unknown exception while looking up qname {qname} using server
                {server} and proxy none
                - exception details follow, returning other_failure""", exc=True)
                at(col, logging.DEBUG, DNSX + "collector.py", 215, "collect_dns",
                   f"No DNS response received from server {server} - failure reason is 'other_failure'...")
            elif proto == "udp" and server == "10.0.0.2" and cycle == 1:
                at(col, logging.DEBUG, DNSX + "collector.py", 215, "collect_dns",
                   f"No DNS response received from server udp://{server}:53 - failure reason is 'timeout'...")
            else:
                if proto == "doh":
                    at(httpx, logging.INFO, HTTPX, 1025, "_send_single_request",
                       'HTTP Request: %s %s "%s %d %s"', "POST", server, "HTTP/2", 200, "OK")
                at(col, logging.DEBUG, DNSX + "collector.py", 170, "collect_dns",
                   f"Protocol {proto} got a DNS query response over {proto.upper() if proto != 'doh' else 'HTTP/2'}")
                at(col, logging.DEBUG, DNSX + "collector.py", 270, "handle_response",
                   "Validating response and yielding remaining metrics")
                if qtype == "SRV" and cycle % 2 == 1:
                    at(col, logging.INFO, DNSX + "collector.py", 665, "validate_response_rcode",
                       "Raising ValidationError: RCODE NXDOMAIN not among valid_rcodes ['NOERROR']")
                else:
                    at(col, logging.DEBUG, DNSX + "collector.py", 313, "yield_ttl_metrics", "yielding ttl metrics")
            at(col, logging.DEBUG, DNSX + "collector.py", 147, "collect", "Done, returning HTTP response")
        at(exp, logging.DEBUG, DNSX + "exporter.py", 669, "do_GET", "Got HTTP request for /metrics - parsed qs is {}")
        at(exp, logging.DEBUG, DNSX + "exporter.py", 681, "do_GET",
           "Returning exporter metrics for request to /metrics")
    printed(stream, "dns_exporter-1  | Gracefully stopping... (press Ctrl+C again to force)")
    at(ent, logging.INFO, DNSX + "entrypoint.py", 267, "main", "Signal received, cleaning up before exit...")
    at(ent, logging.INFO, DNSX + "entrypoint.py", 270, "main", "Clean exit - goodbye for now :)")
    return {"name": "staticdhcpd-dns_exporter", "programs": [sd, dx], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An SNMP host on EC2 (one stream for its containers): snmpfwd's server
# takes the monitoring managers' SNMP requests and sends them over the
# trunk to snmpfwd's client in the routers' site, which polls the routers;
# zabbix-exporter exposes the legacy Zabbix's items to Prometheus.

ROUTERS = [("rtr-branch-01", "10.60.0.1"), ("rtr-branch-02", "10.61.0.1"), ("sw-core-01", "10.60.0.3")]
OIDS = ["1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.2.2.1.10.1", "1.3.6.1.2.1.2.2.1.16.1", "1.3.6.1.2.1.31.1.1.1.6.3"]
ITEMS = [("10101", "system.cpu.util[,user]", "0"), ("10101", "vm.memory.size[available]", "3"),
         ("10102", "net.if.in[eth0]", "3"), ("10102", "local.metric[uwsgi,workers,orders,busy]", "3"),
         ("10102", "local.metric[uwsgi,workers,orders,total]", "3"), ("10103", "agent.version", "1"),
         ("10103", "vfs.fs.size[/,pused]", "0")]
HOSTS = {"10101": "bastion-01", "10102": "orders-app-01", "10103": "legacy-db-01"}


def stream_snmpfwd_zabbix_exporter():
    stream = []
    sf = Program("snmpfwd", "snmpfwd-server", logging.Formatter(SNMPFWD), stream)
    zx = Program("zabbix-exporter", "zabbix_exporter",
                 logging.Formatter(ZABBIX_EXPORTER, ZABBIX_EXPORTER_DATEFMT), stream)
    srv = lg(sf, "snmpfwd-server")
    cli = lg(sf, "snmpfwd-client")
    core = lg(zx, "zabbix_exporter.core")

    def s(log, level, message, ctx=""):
        # snmpfwd/log.py's info()/error()/debug(): msg('INFO %s %s' % ...),
        # which AbstractLogger.__call__ logs at DEBUG.
        log.debug("%s %s %s" % (level, message, ctx))

    def ctx(n, oid, peer, pdu="GetRequestPDU"):
        return (f"callflow-id={0x4a1c0e2f + n:08x} snmp-engine-id=0x80004fb805636c6f7564ab22cc "
                f"snmp-transport-domain=1.3.6.1.6.1.1.100 snmp-bind-address=10.20.0.5 snmp-bind-port=161 "
                f"snmp-security-model=2 snmp-security-level=1 snmp-security-name=public-ro "
                f"snmp-credentials-id=snmp-credentials-1 snmp-context-engine-id=0x80004fb805636c6f7564ab22cc "
                f"snmp-context-name=<nil> snmp-context-id=any-context snmp-pdu={pdu}#{oid}:<nil>, "
                f"snmp-content-id=any-content snmp-peer-address={peer} snmp-peer-port={40000 + n} "
                f"snmp-peer-id=manager-prometheus trunk-id=trunk-branch ")

    printed(stream, "Exporter for https://zabbix.example.internal, user: svc-prometheus, password: ***")
    printed(stream, "Exporting Zabbix metrics on http://0.0.0.0:9224")
    for log in (srv, cli):
        name = "server" if log is srv else "client"
        s(log, "INFO", f'scanning "/usr/local/share/snmpfwd/plugins/{name}" directory for plugin modules...')
        s(log, "INFO", f'plugin module "/usr/local/share/snmpfwd/plugins/{name}/oidfilter.py" loaded')
        s(log, "INFO", "configuring plugin ID oidfilter (at plugin-modules-path-list.oidfilter-plugin) from module "
          "oidfilter with options config=/usr/local/etc/snmpfwd/plugins/oidfilter.conf...")
    s(srv, "INFO", "configuring SNMP engine ID snmp-engine-1 (at snmp-engine-1)...")
    s(srv, "INFO", "using engine-id: 0x80004fb805636c6f7564ab22cc")
    s(srv, "INFO", "new transport endpoint at bind address [10.20.0.5]:161, options <none>, transport ID "
      "1.3.6.1.6.1.1.100")
    s(srv, "INFO", "new community-name public-ro, security-model 2, security-name public-ro, security-level "
      "noAuthNoPriv")
    s(srv, "INFO", "configuring trunk ID trunk-branch (at trunk-branch)...")
    s(srv, "INFO", "new trunking server at 10.20.0.5:30201")
    s(cli, "INFO", "configuring trunk ID trunk-branch (at trunk-branch)...")
    s(cli, "INFO", "new trunking client from 10.60.0.8 to 10.20.0.5:30201")
    for log in (srv, cli):
        s(log, "INFO", "starting I/O engine...")
    s(srv, "INFO", "TrunkingServer at 10.20.0.5:30201: listening...")
    s(cli, "INFO", "TrunkingClient at 10.60.0.8:0, peer 10.20.0.5:30201: initiated trunk client connection from "
      "('10.60.0.8', 0) to ('10.20.0.5', 30201)...")
    s(srv, "INFO", "TrunkingServer at 10.20.0.5:30201 new connection from 10.60.0.8:51744")
    s(cli, "INFO", "TrunkingClient at 10.60.0.8:51744, peer 10.20.0.5:30201: client is now connected")
    s(srv, "INFO", "registering connection TrunkingServerConnection at 10.20.0.5:30201, peer 10.60.0.8:51744 as "
      "trunk trunk-branch")

    n = 0
    for cycle in range(4):
        for router, addr in ROUTERS:
            for oid in OIDS[cycle % 2::2]:
                n += 1
                c = ctx(n, oid, "10.20.3.14")
                s(srv, "DEBUG", f"received SNMP message, forwarded as trunk message #{n}", c)
                if router == "rtr-branch-02" and cycle == 2:
                    s(cli, "INFO", 'received SNMP error-indication "No SNMP response received before timeout"', c)
                    s(srv, "INFO", f'received trunk message #{n}, remote end reported error-indication "No SNMP '
                      f'response received before timeout", NOT responding', c)
                    continue
                s(cli, "DEBUG", f"received trunk message #{n}, forwarded as SNMP message", c)
                s(cli, "DEBUG", f"received SNMP response message, forwarded as trunk message #{n}", c)
                s(srv, "DEBUG", f"received trunk message #{n}, forwarded as SNMP message", c)
        # Prometheus scrapes zabbix-exporter.
        for hostid, key, vtype in ITEMS:
            if vtype not in ("0", "3"):
                core.debug("Dropping unsupported metric %s", key)
                continue
            if key.endswith("total]"):
                core.debug("Rejecting metric %s (matched %s)", "total", "uwsgi_workers")
                continue
            if key.startswith("local.metric"):
                labels = {"app": "orders", "instance": HOSTS[hostid], "status": "busy"}
                core.debug("Converted: %s -> %s [%s]", key, "uwsgi_workers", labels)
            else:
                core.debug("Converted: %s -> %s [%s]", key, key, {"instance": HOSTS[hostid]})
        if cycle == 2:
            def do_get():
                def collect():
                    def get():
                        raised("pyzabbix.api", "ZabbixAPIException",
                               "('Error -32602: Invalid params., Session terminated, re-login, please.', -32602)")
                    get()
                collect()
            try:
                do_get()
            except Exception:
                core.exception("Fetch failed")
    s(srv, "ERROR", "closing unresponsive trunk trunk-branch TrunkingServerConnection at 10.20.0.5:30201, peer "
      "10.60.0.8:51744")
    s(srv, "INFO", "unregistering connection TrunkingServerConnection at 10.20.0.5:30201, peer 10.60.0.8:51744 "
      "(trunk trunk-branch)")
    s(cli, "ERROR", "TrunkingClient at 10.60.0.8:51744, peer 10.20.0.5:30201: connection with 10.20.0.5:30201 "
      "broken: [Errno 104] Connection reset by peer")
    # The client's main() dies: each traceback line is an ERROR of its own.
    def main():
        def run_dispatcher():
            raised("pyasn1.error", "PyAsn1Error", "Short substrate on input")
        run_dispatcher()
    try:
        main()
    except Exception:
        for line in traceback.format_exception(*sys.exc_info()):
            s(cli, "ERROR", line.replace("\n", ";"))
    s(cli, "INFO", "process terminated")
    printed(stream, "snmpfwd-client-1 exited with code 1")
    return {"name": "snmpfwd-zabbix_exporter", "programs": [sf, zx], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An exporters host on EC2 reaching the offices over the VPN: vmware_exporter
# scrapes the on-premises vCenter, dish_grpc_prometheus.py the backup
# uplink's Starlink dish; Prometheus scrapes both every minute.

def access(stream, path, status, size="-"):
    printed(stream, '10.0.7.21 - - [%s] "GET %s HTTP/1.1" %s %s' % (now("%d/%b/%Y %H:%M:%S"), path, status, size))


def stream_vmware_starlink():
    stream = []
    vm = Program("vmware_exporter", "root", logging.Formatter(VMWARE_EXPORTER), stream)
    sl = Program("starlink-grpc-tools", "root", logging.Formatter(STARLINK), stream)
    v = lg(vm, "root")
    st = lg(sl, "root", logging.WARNING)
    host = "vcsa-01.dc1.example.internal"

    v.info("Starting web server on port :9272")
    printed(stream, "HTTP listening on port 9148")
    for cycle in range(6):
        v.info("Service is UP")
        v.info(f"Start collecting metrics from {host}")
        v.info("Retrieving service instance content")
        v.info("Retrieved service instance content")
        if cycle == 4:
            def collect():
                def session():
                    raised("requests.exceptions", "ConnectTimeout",
                           f"HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: "
                           "/sdk (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at "
                           "0x7f9b2c1d4e50>, 'Connection to vcsa-01.dc1.example.internal timed out. (connect "
                           "timeout=None)'))")
                session()
            try:
                collect()
            except Exception:
                v.error(traceback.format_exc())
            continue
        for kind, took in (("vim.Datastore", 412031), ("vim.HostSystem", 1087114), ("vim.VirtualMachine", 3520877)):
            v.info(f"Fetching {kind} inventory")
            v.info(f"Fetched {kind} inventory ({datetime.timedelta(microseconds=took + cycle * 7919)})")
        v.info("START: _vmware_get_vm_perf_manager_metrics")
        v.info("Starting vm metrics collection")
        if cycle == 1:
            v.info("Only $3/5 labels (vm, host, dc, cluster) found, filling n/a")
        v.info("Finished vm metrics collection")
        v.info("FIN: _vmware_get_vm_perf_manager_metrics")
        v.info("START: _vmware_get_host_perf_manager_metrics")
        v.info("Starting host metrics collection")
        if cycle == 3:
            v.info("Key error, unable to register host 'host-2041', host labels are {'host-1007': ['esx-03.dc1', "
                   "'dc1', 'prod-cluster']}")
        v.info("Finished host metrics collection")
        v.info("FIN: _vmware_get_host_perf_manager_metrics")
        v.info(f"Finished collecting metrics from {host}")
        # The Starlink exporter, scraped at the same minute.
        if cycle in (2, 3):
            st.error("Failure getting status: %s", "failed to connect to all addresses; last error: UNAVAILABLE: "
                     "ipv4:192.168.100.1:9200: Failed to connect to remote host: Connection timed out")
        if cycle == 0:
            st.warning("Location data not enabled. See README for more details.")
        access(stream, "/metrics", 200)
        if cycle == 5:
            # prometheus_export raises in the handler: socketserver prints it.
            printed(stream, "-" * 40)
            printed(stream, "Exception occurred during processing of request from ('10.0.7.21', 48312)")

            def process_request():
                def do_get():
                    def export():
                        raised("builtins", "KeyError", "'status_state'")
                    export()
                do_get()
            uncaught(stream, process_request)
            printed(stream, "-" * 40)
        if cycle == 1:
            access(stream, "/favicon.ico", 404, 335)
    v.error("Error creating vcenter API session (HTTPSConnectionPool(host='vcsa-01.dc1.example.internal', "
            "port=443): Read timed out. (read timeout=None))")
    printed(stream, "starlink-grpc-tools-1 exited with code 0")
    return {"name": "vmware-starlink", "programs": [vm, sl], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_staticdhcpd_dns_exporter(), stream_snmpfwd_zabbix_exporter(),
                           stream_vmware_starlink()])


if __name__ == "__main__":
    main()
