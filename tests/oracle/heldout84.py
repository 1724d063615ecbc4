"""The 84-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout83.py`): six more programs'
own logging set-ups in three streams, chosen from network automation and
DNS, DHCP and IPAM tooling as network and platform teams run them in AWS
(a transit team's routing-security host on EC2, where rpki-client-web runs
rpki-client for the route reflectors' RTR cache and serves its metrics,
beside yabgp, peered with route reflector rr1 to record its BGP updates
and to inject the RTBH tool's blackhole routes through its REST API; a
network team's tools host, where Traefik Cloudflare Companion keeps a
CNAME per Traefik router in the team's Cloudflare zone and NewFuture's
DDNS, every five minutes, keeps the target name's A record on the office
line's dynamic address; a branch's provisioning host, where PyPXE answers
the build VLAN's PXE clients as a proxy DHCP server and serves pxelinux
and the installer over TFTP, and netbox-zabbix-sync, hourly, registers
the branch's NetBox devices in Zabbix), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout84

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aab2b1d (session 32's first rules in, none
written from this set), with nothing configured: 48.6% exact, 48.6% key
fields (asctime 77.3%, levelname 76.9%, name 76.9%, message 48.6%).

Formatters and filters: all six use logging.Formatter itself, no filter
and no formatTime of their own. yabgp's init_log() gives the root a
StreamHandler(sys.stderr) with INFOR_LOG_FORMAT, "%(asctime)s.%(msecs)03d
%(process)d %(levelname)s %(name)s [-] %(message)s": the default asctime
already ends in ",mmm", so the milliseconds print twice
("14:44:44,154.154"), then the pid, the level, the module's logger name
and a literal "[-]" (a copy of oslo.log's layout). Its start-up runs
oslo.config's
log_opt_values: rules of 80 "*" and "=", "command line args: [...]" (the
MD5 key in clear, as it is in the "---md5 = ..." line of the running
configuration; only the option listing masks it, "****"), and one record
per option, "%-30s = %s", the group's options as "bgp.afi_safi" padded to
30. Its FSM and protocol records glue the peer in brackets to the text
("[10.40.0.5]State is now:ESTABLISHED"); FRR's hostname capability is
logged as "--73 = b'\\x07rr1-fra\\x00'"; LOG.error(e) logs an OSError as the
message. rpki-client-web calls logging.basicConfig(handlers=
[StreamHandler(sys.stdout)]) with no format: BASIC_FORMAT,
"LEVEL:name:message"; -v (the image's CMD) puts the root at DEBUG and
"rpkiclientweb.rpki_client" at INFO, so asyncio's "Using selector"
record, its own modules' DEBUG records and aiohttp's access records (the
default AccessLogger format, through the root) print, and rpki-client's
own output lines do not. Its Configuration is built before basicConfig,
so its INFO "Configuration: ..." record is dropped and only __main__'s
DEBUG repr of it (PosixPath values) prints. Traefik Cloudflare Companion
gives its "__main__" logger a StreamHandler(sys.stdout) with "%(asctime)s
%(levelname)s | %(message)s" and datefmt "%Y-%m-%dT%H:%M:%S%z" ("+0000");
its polling thread logs every Traefik router on every poll (every 60 s),
and a Cloudflare error from a PUT or POST is logged as "** name - code
message". DDNS's basicConfig (root, stderr, INFO) prints "%(asctime)s
%(levelname)s [%(name)s]: %(message)s" with datefmt "%Y-%m-%dT%H:%M:%S";
main() renames the root logger "ddns", and the loggers its modules take
with getLogger().getChild(...) are top-level ones ("config",
"CloudflareProvider"), as Logger.getChild does for the root; a successful
update is a WARNING record, a provider's failed HTTP call logs the whole
response body (the 502 page, CRLF line ends), and the exception that
follows is logged with logger.exception, its message in Chinese
("服务器错误 [502]: Bad Gateway"). PyPXE's "PyPXE" logger has its own
StreamHandler() (stderr), "%(asctime)s [%(levelname)s] %(name)s
%(message)s"; its services log through "PyPXE.DHCP" and "PyPXE.TFTP" (at
INFO with --verbose dhcp,tftp), and every TFTP transfer through a logger
named after the client's address tuple, "PyPXE.TFTP.Client.('10.30.0.141',
49159)", a name with a space, quotes and a comma. netbox-zabbix-sync's
setup_logger() runs basicConfig with a StreamHandler() (stderr) and a
FileHandler, "%(asctime)s - %(name)s - %(levelname)s - %(message)s"; -v
(the image's CMD) puts its "NetBox-Zabbix-sync" logger at INFO and leaves
the root at WARNING, so urllib3's pool warnings (pynetbox's threading)
print too; one of its messages glues two sentences ("special
characters.Using ...") and carries a non-ASCII host name.

Print lines: the tiredofit base image's init lines before each start of
the companion, the uncaught CloudFlareAPIError that ends the companion at
start-up while its token is revoked (dns_records.get() is outside
point_domain's try: five starts fail before the new token is in), the
traceback of its Traefik polling thread when Traefik is upgraded
("Exception in thread Thread-1:", after which only Docker events are
handled until the team restarts it), DDNS's entrypoint line ("Cron
daemon will run every 5 minutes..."; busybox crond logs to syslog, not to
the container's output), PyPXE's command line and the traceback of its
DHCP thread when a BOOTP-only device sends no option 53 ("Exception in
thread Thread-2 (listen):", KeyError: 53; the main loop sees the dead
thread and exits, Docker restarts it). yabgp and rpki-client-web print
nothing of their own. 3200 records in three streams (1262, 971 and 967),
21 of them print lines and 7 bare tracebacks; one record (DDNS's) has
exc_info.

The messages are modelled on the programs' source, read at the commits
cited: yabgp's agent/__init__.py, config.py, log.py, core/factory.py,
core/fsm.py, core/protocol.py, handler/default_handler.py, api/utils.py,
api/v1.py and common/constants.py, and oslo.config's cfg.py
log_opt_values (openstack/oslo.config 57da8d31); rpki-client-web's
__main__.py, config.py, web.py, util/misc.py, util/encoding.py,
rpki_client.py, outputparser.py and rpki_client_output.py, and aiohttp's
web_log.py AccessLogger (aio-libs/aiohttp 035c7fa9); the companion's
cloudflare-companion script and its defaults and compose example; DDNS's
__main__.py, config/__init__.py, config/config.py, cache.py, ip.py,
util/http.py, provider/_base.py and provider/cloudflare.py, and
docker/entrypoint.sh; PyPXE's server.py, dhcp.py, tftp.py and
helpers.py; netbox-zabbix-sync's modules/cli.py, core.py, device.py,
hostgroups.py, tools.py, tags.py and settings.py. Modelled rather than
read: the values (addresses, ASNs, prefixes, hosts, container and record
ids, MACs, file sizes, pids, durations, devices, templates, Zabbix ids),
the order and number of records, the option groups' order in yabgp's
listing and its keys in the neighbour's capabilities, the Twisted error
texts, the rpki-client lines in the parse errors, the Cloudflare, NetBox
and Zabbix error texts, the tiredofit init lines, pxelinux's file
requests (the config file search order is pxelinux's documented one) and
the container's command lines. aiohttp's access records are modelled
without the `extra` attributes its AccessLogger passes (python-json-logger
would write them), as `heldout12.py` and `heldout76.py` do. The
companion runs with REFRESH_ENTRIES=TRUE (the team's compose; the default
re-POSTs existing names on every start).

Left out: FRR's frr-reload.py (in `heldout14.py`'s Left out), the
Meraki Dashboard API library's own console logger (not read for want of
time), pdns-keyroller and Knot Resolver's manager (not read), and the
programs of these areas in earlier sets or their Left out paragraphs:
NetBox, Nautobot, netbox-agent, netbox-sync, network-importer, NIPAP,
octoDNS, PowerDNS-Admin, dns-lexicon, nsupdate.info,
dyndnsc, porkbun-ddns, dhcpy6d, staticDHCPd, kea-exporter, dhcpdoctor,
Cobbler, ZTPServer, netpalm, netcfgbu, Nornir, NAPALM, napalm-logs,
Netmiko, SuzieQ, LibreNMS, NAV, Panoptes, snmpfwd, ExaBGP, ARTEMIS,
Peering Manager, IRRd, arouteserver, Ryu, Faucet, POX and GNS3.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# yabgp 0.8.3 (smartbgp/yabgp, 4c04832c), yabgp/log.py INFOR_LOG_FORMAT,
# which init_log() gives the root's StreamHandler(sys.stderr) (use-stderr
# defaults to True; DEBUG_LOG_FORMAT only with --verbose).
YABGP = "%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [-] %(message)s"
# rpki-client-web 0.16.1 (ties/rpki-client-web, 3f67fb96), rpkiclientweb/
# __main__.py: logging.basicConfig(handlers=[StreamHandler(sys.stdout)]),
# no format: logging.BASIC_FORMAT; the Dockerfile's CMD passes -v (root at
# DEBUG, "rpkiclientweb.rpki_client" at INFO).
RPKI = logging.BASIC_FORMAT
# Traefik Cloudflare Companion 7.3.3 (tiredofit/docker-traefik-cloudflare-
# companion, 53b35e26), install/usr/sbin/cloudflare-companion: the
# "__main__" logger's StreamHandler(sys.stdout) at LOG_LEVEL INFO (DEBUG's
# format adds "%(lineno)d").
TCC = "%(asctime)s %(levelname)s | %(message)s"
TCC_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# DDNS 4.1.0 (NewFuture/DDNS, v4.1.0 6f5984c5), ddns/config/__init__.py
# _setup_logging: basicConfig (root, stderr) with the INFO-level format and
# Config's default log_datefmt (ddns/config/config.py).
DDNS = "%(asctime)s %(levelname)s [%(name)s]: %(message)s"
DDNS_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# PyPXE 1.8.4 (pypxe/PyPXE, 466c8c07), pypxe/server.py main(): the "PyPXE"
# logger's StreamHandler() (stderr), INFO; its services log through
# children of it.
PYPXE = "%(asctime)s [%(levelname)s] %(name)s %(message)s"
# netbox-zabbix-sync 4.0.1 (TheNetworkGuy/netbox-zabbix-sync, v4.0.1
# bf4202a1), netbox_zabbix_sync/modules/logging.py setup_logger():
# basicConfig with a StreamHandler() (stderr) and a FileHandler (sync.log).
NZS = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"


# --------------------------------------------------------------------------
# A transit team's routing-security host on EC2 (the CloudWatch agent ships
# the host's containers to one stream): rpki-client-web runs rpki-client
# every 20 minutes for the route reflectors' RTR cache and serves its
# metrics to Prometheus; yabgp peers with route reflector rr1 (FRR) to keep
# a record of its BGP updates and lets the team's RTBH tool inject
# blackhole routes through its REST API.

PEER = "10.40.0.5"
LOCAL = "10.40.0.10"
TALS = ["/etc/pki/tals/afrinic.tal", "/etc/pki/tals/apnic.tal", "/etc/pki/tals/lacnic.tal",
        "/etc/pki/tals/ripe.tal", "/etc/pki/tals/arin.tal"]
CAPS_LOCAL = [("four_bytes_as", True), ("route_refresh", True), ("cisco_route_refresh", True),
              ("enhanced_route_refresh", True), ("graceful_restart", True), ("cisco_multi_session", True),
              ("add_path", None)]
CAPS_REMOTE = [("afi_safi", [(1, 1), (2, 1)]), ("route_refresh", True), ("cisco_route_refresh", True),
               ("enhanced_route_refresh", True), ("four_bytes_as", True), ("73", repr(b"\x07rr1-fra\x00")),
               ("graceful_restart", True)]
BLACKHOLES = ["203.0.113.45/32", "198.51.100.77/32", "203.0.113.190/32", "192.0.2.201/32", "198.51.100.9/32"]
REPOS = ["rpki.cnnic.cn", "rpki-repo.registro.br", "rpki.akrn.net", "rpki.ripe.net", "rrdp.arin.net",
         "rpki.apnic.net", "chloe.sobornost.net", "rpki.multacom.com", "repo.kagl.me", "rpki.luys.cloud"]


def stream_rpki_yabgp():
    stream = []
    yb = Program("yabgp", "root", logging.Formatter(YABGP), stream)
    rc = Program("rpki-client-web", "root", logging.Formatter(RPKI), stream)
    agent = lg(yb, "yabgp.agent")
    config = lg(yb, "yabgp.config")
    handler = lg(yb, "yabgp.handler.default_handler")
    factory = lg(yb, "yabgp.core.factory")
    fsm = lg(yb, "yabgp.core.fsm")
    protocol = lg(yb, "yabgp.core.protocol")
    api = lg(yb, "yabgp.api.utils")
    rmain = lg(rc, "rpkiclientweb.__main__")
    aio = lg(rc, "asyncio")
    web = lg(rc, "rpkiclientweb.web")
    misc = lg(rc, "rpkiclientweb.util.misc")
    client = lg(rc, "rpkiclientweb.rpki_client")
    parser = lg(rc, "rpkiclientweb.outputparser")
    output = lg(rc, "rpkiclientweb.rpki_client_output")
    access = lg(rc, "aiohttp.access")
    p = "[%s]" % PEER

    args = ["--bgp-local_addr=%s" % LOCAL, "--bgp-local_as=65010", "--bgp-remote_addr=%s" % PEER,
            "--bgp-remote_as=65010", "--bgp-afi_safi=ipv4,ipv6", "--bgp-md5=%s" % "rr1-fra-7Hq2"]

    def yabgp_start(first=False):
        agent.info("Log (Re)opened.")
        agent.info("Configuration:")
        # oslo.config's ConfigOpts.log_opt_values(LOG, logging.INFO).
        agent.info("*" * 80)
        agent.info("Configuration options gathered from:")
        agent.info("command line args: %s", args)
        agent.info("config files: %s", [])
        agent.info("=" * 80)
        for name, value in [("config_dir", None), ("config_file", []), ("config_source", []),
                            ("log_backup_count", 5), ("log_config_file", None), ("log_dir", None),
                            ("log_file", None), ("log_file_mode", "0644"), ("use_stderr", True),
                            ("verbose", False)]:
            agent.info("%-30s = %s", name, value)
        groups = [("bgp", [("add_path", None), ("afi_safi", ["ipv4", "ipv6"]), ("cisco_multi_session", True),
                           ("cisco_route_refresh", True), ("enhanced_route_refresh", True),
                           ("ext_nexthop", [["ipv4", "ipv6"], ["ipv4_mcast", "ipv6"], ["vpnv4", "ipv6"]]),
                           ("four_bytes_as", True), ("graceful_restart", True), ("local_addr", LOCAL),
                           ("local_as", 65010), ("md5", "****"), ("peer_start_interval", 10),
                           ("remote_addr", PEER), ("remote_as", 65010), ("rib", False),
                           ("route_refresh", True), ("running_config", {})]),
                  ("time", [("bgp_peer_call_later_time", 15), ("connect_retry_time", 30),
                            ("delay_open_time", 10), ("hold_time", 180), ("idle_hold_time", 30),
                            ("keep_alive_time", 60)]),
                  ("rest", [("bind_host", "0.0.0.0"), ("bind_port", 8801), ("password", "****"),
                            ("username", "admin")]),
                  ("keep_alive", [("last_time", 0)]),
                  ("message", [("write_dir", "/root/data/bgp/"), ("write_disk", True), ("write_keepalive", False),
                               ("write_msg_max_size", 500)])]
        for group, opts in groups:
            for name, value in opts:
                agent.info("%-30s = %s", "%s.%s" % (group, name), value)
        agent.info("*" * 80)
        agent.info("No handler provided, init default handler")
        config.info("Try to load BGP configuration from CLI input")
        agent.info("Check configurations about message process")
        agent.info("Starting server in PID %s", 7)
        agent.info("Prepare twisted services")
        agent.info("Get peer configuration")
        running = [("remote_as", 65010), ("remote_addr", PEER), ("local_as", 65010), ("local_addr", LOCAL),
                   ("md5", "rr1-fra-7Hq2"), ("afi_safi", ["ipv4", "ipv6"]),
                   ("capability", {"local": dict(CAPS_LOCAL), "remote": {}})]
        for key, value in running:
            agent.info("---%s = %s", key, value)
        path = "/root/data/bgp/" + PEER
        if first:
            handler.info("Create dir %s for peer %s", path, PEER)
        handler.info("BGP message file path is %s", path)
        handler.info("get the last bgp message seq for this peer")
        handler.info("BGP message file %s", "%s.msg" % (realworld.CLOCK.t - (0 if first else 8713.2) + 0.0000828))
        handler.info("The last bgp message seq number is %s", 0 if first else 5817)
        agent.info("Create BGPPeering twsited instance")
        factory.info("Init BGPPeering for peer %s", PEER)
        agent.info("Prepare RESTAPI service")
        agent.info("reactor_thread_size = %s", 100)
        agent.info("serving RESTAPI on http://%s:%s", "0.0.0.0", 8801)
        agent.info("Starting BGPPeering twsited instance")

    def connect(counter):
        fsm.info("Do not need Idle Hold, start right now.")
        fsm.info("Connect retry counter: %s", counter)
        fsm.info("Connect retry timer, time=%s", 30)
        fsm.info("%sState is now:%s", p, "CONNECT")
        factory.info("(Re)connect to %s", PEER)

    def session_up():
        factory.info("%sBuilding a new BGP protocol instance", p)
        protocol.info("%sTCP Connection established", p)
        protocol.info("%sSend a BGP Open message to the peer.", p)
        protocol.info("%sProbe's Capabilities:", p)
        for key, value in CAPS_LOCAL + [("afi_safi", [(1, 1), (2, 1)])]:
            protocol.info("--%s = %s", key, value)
        fsm.info("%sState is now:%s", p, "OPENSENT")
        protocol.info("%sA BGP Open message was received", p)
        protocol.info("--version = %s", 4)
        protocol.info("--ASN = %s", 65010)
        protocol.info("--hold time = %s", 180)
        protocol.info("--id = %s", PEER)
        protocol.info("%sNeighbor's Capabilities:", p)
        for key, value in CAPS_REMOTE:
            protocol.info("--%s = %s", key, value)
        factory.info("Set BGP peer id %s", PEER)
        protocol.info("%sHold time:%s,Keepalive time:%s", p, 180, 180 / 3)
        protocol.info("%sSend a BGP KeepAlive message to the peer.", p)
        fsm.info("%sState is now:%s", p, "OPENCONFIRM")
        protocol.info("%sA BGP KeepAlive message was received from peer.", p)
        fsm.info("%sState is now:%s", p, "ESTABLISHED")

    def api_call(method, path, data=None, query=None):
        api.info("API request url %s", "http://%s:8801%s%s" % (LOCAL, path, "?" + query if query else ""))
        if query:
            api.info("API query string %s", query.encode())
        api.info("API request method %s", method)
        if method == "POST":
            api.info("API POST data %s", data)

    def scrape(n):
        ua, who = ("Prometheus/2.53.1", "10.40.0.20") if n % 5 else ("check_http/v2.4.9 (monitoring-plugins 2.4.9)",
                                                                  "10.40.0.31")
        path, size = ("/metrics", 48213 + (n * 37) % 900) if n % 5 else ("/result", 6120 + n % 40)
        access.info('%s [%s] "%s" %s %s "%s" "%s"', who, now("%d/%b/%Y:%H:%M:%S +0000"), "GET %s HTTP/1.1" % path,
                    200, size, "-", ua)

    def rpki_run(pid, seconds, code=0, missing_json=False, killed=False, unreferenced=(), parse_error=None):
        cmd = ["-v", "-s", "1175", "-d", "/opt/rpkiclientweb/cache"]
        for tal in TALS:
            cmd += ["-t", tal]
        cmd.append("/opt/rpkiclientweb/output")
        client.info("executing %s %s", "/usr/sbin/rpki-client", "[" + ", ".join('"%s"' % a for a in cmd) + "]")
        return lambda: rpki_done(pid, seconds, code, missing_json, killed, unreferenced, parse_error)

    def rpki_done(pid, seconds, code, missing_json, killed, unreferenced, parse_error):
        if killed:
            client.error("timeout (%ds): killing %d", 1175, pid)
        client.info("[%d] exited with %d in %f seconds", pid, code, seconds)
        if parse_error:
            parser.info("Parse error in '%s', %s", *parse_error)
        for repo in unreferenced:
            client.info("Removing unreferenced repository %s", repo)
        for repo in unreferenced:
            for kind, uri in [("rrdp", "https://%s/rrdp/notification.xml" % repo), ("rsync", "rsync://%s/repo" % repo)]:
                client.info("removing metric for unreferenced repository: rpkiclient_fetch_status_total{type='%s', "
                            "uri='%s'}", kind, uri)
        if missing_json:
            client.warning("json output file (%s) is missing", "/opt/rpkiclientweb/output/json")

    # rpki-client-web starts (its first run waits for the jitter).
    rmain.debug("Configuration: %s", "{'jitter': 1200, 'verbosity': 2, 'cache_dir': PosixPath('/opt/rpkiclientweb/"
                "cache'), 'output_dir': PosixPath('/opt/rpkiclientweb/output'), 'interval': 1200, 'timeout': 1175, "
                "'port': 8888, 'rpki_client': PosixPath('/usr/sbin/rpki-client'), 'deadline': -1, 'host': '0.0.0.0', "
                "'rsync_command': None, 'additional_opts': [], 'trust_anchor_locators': [" + ", ".join(
                    "PosixPath('%s')" % t for t in TALS) + "]}")
    aio.debug("Using selector: %s", "EpollSelector")
    web.info("starting webserver on %s:%d", "0.0.0.0", 8888)
    web.info("delaying by random delay of [0, %d] seconds of %f seconds", 1200, 187.402261)

    yabgp_start(first=True)
    fsm.info("Automatic start")
    connect(0)
    # rr1 has no neighbour statement for the collector yet.
    factory.info("%sClient connection failed: %s" % (p, "Connection was refused by other side: 111: Connection "
                                                         "refused."))
    fsm.info("%sState is now:%s", p, "ACTIVE")

    bound = ("<bound method RpkiClientWeb.call_client of <rpkiclientweb.web.RpkiClientWeb object at "
             "0x7f3c9b2e1d50>>")
    # (rpki-client's pid, seconds, exit code, json missing, killed, repositories gone, parse error)
    runs = [(14, 1175.041862, -9, True, True, (), None),
            (23, 412.887105, 0, False, False, (), ("rpki-client: rpki.cnnic.cn/rpki/A9162E3D0000/1587/"
                                                   "h6wAjnSx1JN2zYXd_rm-Uyq9a1M.roa: bad message digest", "list "
                                                   "index out of range")),
            (31, 298.174552, 0, False, False, (REPOS[8],), None),
            (38, 301.552013, 1, False, False, (), None),
            (46, 287.993140, 0, False, False, (REPOS[9],), ("rpki-client: .rrdp/3F2A99C1E7B05D884C12A0F9E6B3"
                                                             "D1A7/rpki.luys.cloud/repo/luys/0/3135322e3132352e39342e"
                                                             "302f32332d3234203d3e203432303130.roa: unsupported "
                                                             "URI scheme", "not enough values to unpack (expected "
                                                             "3, got 2)")),
            (53, 279.320448, 0, False, False, (), None),
            (61, 305.118734, 0, False, False, (), None),
            (68, 296.447021, 0, False, False, (REPOS[6], REPOS[7]), None),
            (75, 290.003518, 0, False, False, (), None)]
    pending, run_ends = None, None
    started = False
    for n in range(330):
        scrape(n)
        if n == 6:
            misc.info("Running %s every %d seconds", bound, 1200)
        if n % 40 == 6:
            pending = rpki_run(*runs[n // 40])
            run_ends = n + (38 if n == 6 else 10)
        if pending and n == run_ends:
            pending()
            pending = None
        # yabgp: keepalives every 60 s (every other scrape).
        if n == 2:
            fsm.info("Connect retry timer expires")
            fsm.info("Reset connect retry timer, time=%s", 30)
            fsm.info("Cancel delay open timer")
            fsm.info("Bgp peering connect retry")
            factory.info("(Re)connect to %s", PEER)
            factory.info("%sClient connection failed: %s" % (p, "Connection was refused by other side: 111: "
                                                                 "Connection refused."))
        if n == 4:
            # The neighbour is configured on rr1: the session comes up.
            fsm.info("Connect retry timer expires")
            fsm.info("Reset connect retry timer, time=%s", 30)
            fsm.info("Cancel delay open timer")
            fsm.info("Bgp peering connect retry")
            factory.info("(Re)connect to %s", PEER)
            session_up()
            started = True
        if not started:
            continue
        if n % 2 == 1:
            protocol.info("%sSend a BGP KeepAlive message to the peer.", p)
        else:
            protocol.info("%sA BGP KeepAlive message was received from peer.", p)
        if n % 7 == 3:
            # The team's dashboard polls the collector's state.
            api_call("GET", "/v1/peer/%s/state" % PEER)
            if n % 14 == 3:
                api_call("GET", "/v1/peer/%s/statistic" % PEER)
        if n % 23 == 11:
            # The RTBH tool blackholes an address under attack, then withdraws it.
            prefix = BLACKHOLES[(n // 23) % len(BLACKHOLES)]
            api_call("POST", "/v1/peer/%s/send/update" % PEER,
                     {"attr": {"1": 0, "2": [], "3": "192.0.2.1", "5": 200, "8": ["65535:666", "65010:666"]},
                      "nlri": [prefix]})
        if n % 23 == 19:
            prefix = BLACKHOLES[(n // 23) % len(BLACKHOLES)]
            api_call("POST", "/v1/peer/%s/send/update" % PEER, {"withdraw": [prefix]})
        if n == 60:
            api_call("GET", "/v1/peer/%s/version/receive" % PEER)
        if n == 88:
            protocol.info("%sRoute Refresh message received, afi=%s, res=%s, safi=%s", p, 1, 0, 1)
        if n == 97:
            api_call("POST", "/v1/peer/%s/send/route-refresh" % PEER, {"afi": 2, "safi": 1})
            protocol.info("%sSend BGP RouteRefresh message to the peer.", p)
        if n == 121:
            # An operator clears the session on rr1.
            protocol.info("%sNotification message received, error: %s, sub error: %s, data=%s", p, "Cease",
                          "Administrative reset", b"")
            fsm.info("%sState is now:%s", p, "IDLE")
            factory.info("%sConnection closed", p)
            fsm.info("Automatic start")
            fsm.info("Idle Hold, please wait time=%s", 30)
        if n == 122:
            fsm.info("Idle Hold Timer expires")
            fsm.info("Automatic start")
            connect(1)
            session_up()
        if n == 170:
            # The data volume fills up: the update can't be written.
            handler.error(OSError(28, "No space left on device"))
            handler.info("raw message %s", {"attr": {1: 0, 2: [[2, [65010, 64500, 64511]]], 3: "10.40.0.1",
                                                     5: 100, 8: ["64500:120", "65010:300"]},
                                            "nlri": ["185.42.112.0/22", "185.42.116.0/23"], "withdraw": [],
                                            "afi_safi": "ipv4"})
            handler.error(OSError(28, "No space left on device"))
            handler.info("raw message %s", {"attr": {}, "nlri": [], "withdraw": ["185.42.118.0/24"],
                                            "afi_safi": "ipv4"})
        if n == 171:
            handler.info("Open a new message file %s", "%s.msg" % (realworld.CLOCK.t + 0.0003171))
        if n == 214:
            # A transit glitch on the VPC attachment: keepalives stop.
            fsm.info("Hold Timer expires")
            protocol.info("%sSend a BGP Notification message to the peer [Error: %s, Suberror: %s, Error data: "
                          "%s ]", p, 4, 0, repr(b""))
            protocol.info("%sConnection lost:%s", p, "Connection was closed cleanly.")
            fsm.info("%sState is now:%s", p, "IDLE")
            factory.info("%sConnection closed", p)
            fsm.info("Automatic start")
            fsm.info("Idle Hold, please wait time=%s", 30)
        if n == 215:
            fsm.info("Idle Hold Timer expires")
            fsm.info("Automatic start")
            connect(2)
            factory.info("%sClient connection failed: %s" % (p, "Connection was refused by other side: 111: "
                                                                 "Connection refused."))
            fsm.info("%sState is now:%s", p, "ACTIVE")
        if n == 217:
            fsm.info("Connect retry timer expires")
            fsm.info("Reset connect retry timer, time=%s", 30)
            fsm.info("Cancel delay open timer")
            fsm.info("Bgp peering connect retry")
            factory.info("(Re)connect to %s", PEER)
            session_up()
        if n == 262:
            # yabgp is upgraded: the container restarts.
            yabgp_start()
            fsm.info("Automatic start")
            connect(0)
            session_up()
        if n == 300:
            protocol.error("%s Update message error: sub error=%s", p, 5)
    return {"name": "rpki-yabgp", "programs": [yb, rc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A network team's tools host (Docker's awslogs driver, one stream for the
# host's compose project): Traefik fronts the team's web tools (NetBox,
# Oxidized's web UI, Grafana...), Traefik Cloudflare Companion keeps a
# CNAME per Traefik router in the team's Cloudflare zone, pointing at
# gw.netops.example.com, and DDNS (cron, every five minutes) keeps that
# name's A record on the office line's dynamic address.

ZONE = "example.com"
TARGET = "gw.netops.example.com"
ROUTERS = [("netbox@docker", ["netbox.netops.example.com"]), ("oxidized@docker", ["oxidized.netops.example.com"]),
           ("grafana@docker", ["grafana.netops.example.com"]),
           ("librespeed@docker", ["speed.netops.example.com", "speedtest.netops.example.com"]),
           ("dashboard@internal", ["traefik.netops.example.com"]),
           ("smokeping@file", ["smokeping.netops.example.com"])]
LATER = [("ipam-sync@docker", ["ipam-sync.netops.example.com"]), ("nautilus@docker", ["nautilus.netops.example.com"])]
CONTAINERS = {"netbox@docker": "5d1c8e2f7a3b49c0e6d2f18a7b3c9e0d4f5a6b7c8d9e0f1a2b3c4d5e6f708192",
              "oxidized@docker": "a17f03c9d2e84b6f1c5a9e7d3b2f0c8e6a4d2b0f9e7c5a3b1d9f7e5c3a1b9d7f",
              "grafana@docker": "3e9b7d5f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b",
              "librespeed@docker": "c0ffee12ab34cd56ef7890ab12cd34ef5678ab90cd12ef3456ab78cd90ef1234",
              "ipam-sync@docker": "77e1b3d5f7091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819203",
              "nautilus@docker": "9a8b7c6d5e4f30211f2e3d4c5b6a79880a1b2c3d4e5f60718293a4b5c6d7e8f9"}
ZONE_ID = "0f8b1d2c3e4f5a6b7c8d9e0f1a2b3c4d"


def stream_tcc_ddns():
    stream = []
    tc = Program("traefik-cloudflare-companion", "__main__", logging.Formatter(TCC, TCC_DATEFMT), stream)
    dd = Program("ddns", "ddns", logging.Formatter(DDNS, DDNS_DATEFMT), stream)
    tcc = lg(tc, "__main__")
    ddns = lg(dd, "ddns")
    dconf = lg(dd, "config")
    cfp = lg(dd, "CloudflareProvider")

    def tcc_start():
        printed(stream, "[INFO] ** [container] Container Initialization complete")
        printed(stream, "[STARTING] ** [traefik-cloudflare-companion] [1] Starting Traefik Cloudflare Companion")

    def found_router(name, hosts):
        if len(hosts) > 1:
            for h in hosts:
                tcc.info("Found Traefik Router Name: %s with Multi-Hostname %s", name, h)
        else:
            tcc.info("Found Traefik Router Name: %s with Hostname %s", name, hosts[0])

    def found_container(name, hosts):
        cid = CONTAINERS[name]
        if len(hosts) > 1:
            for h in hosts:
                tcc.info("Found Service ID: %s with Multi-Hostname %s", cid, h)
        else:
            tcc.info("Found Service ID: %s with Hostname %s", cid, hosts[0])

    def point(host, exists=True, error=None):
        # REFRESH_ENTRIES=TRUE: look the name up, PUT over it or POST it.
        if error:
            tcc.error("** %s - %d %s" % (host, error[0], error[1]))
        elif exists:
            tcc.info("Updated existing record: %s to point to %s", host, TARGET)
        else:
            tcc.info("Created new record: %s to point to %s", host, TARGET)

    synced = set()

    def poll(routers, error=None):
        for name, hosts in routers:
            found_router(name, hosts)
        for name, hosts in routers:
            for h in hosts:
                if h not in synced:
                    point(h, error=error)
                    if not error:
                        synced.add(h)

    def startup(routers, bad_token=False):
        tcc_start()
        synced.clear()
        for name, hosts in routers:
            if name.endswith("@docker"):
                found_container(name, hosts)
        for name, hosts in routers:
            found_router(name, hosts)
        if bad_token:
            # point_domain's dns_records.get() is outside its try: the
            # Cloudflare error ends the script (Docker restarts it).
            def module():
                def sync_mappings():
                    def point_domain():
                        def get():
                            raised("CloudFlare.exceptions", "CloudFlareAPIError", "Invalid access token")
                        get()
                    point_domain()
                sync_mappings()
            uncaught(stream, module)
            return
        for name, hosts in routers:
            for h in hosts:
                point(h)
                synced.add(h)

    # DDNS: one run of the cron job.
    address = ["203.0.113.57"]
    record_id = "372e67954025e0ba6aaa6d586b9e0b59"

    def record(ip, modified):
        return {"id": record_id, "name": TARGET, "type": "A", "content": ip, "proxiable": True, "proxied": False,
                "ttl": 300, "settings": {}, "meta": {}, "comment": "Managed by [DDNS](https://ddns.newfuture.cc)",
                "tags": [], "created_on": "2024-02-03T09:12:44.118271Z", "modified_on": modified}

    def ddns_run(new_ip=None, outdated=False, bad_gateway=False, no_network=False):
        dconf.info("load config: %s", ["config.json"])
        if outdated:
            ddns.info("Cache file is outdated.")
        if no_network:
            for _ in range(6):
                ddns.error("<urlopen error [Errno -3] Try again>")
            ddns.error("Fail to get %s address!", "4")
            return
        ip = new_ip or address[0]
        if ip == address[0] and not outdated and not bad_gateway:
            ddns.info("%s[%s] address not changed, using cache: %s", TARGET, "A", ip)
            return
        cfp.info("%s => %s(%s)", TARGET, ip, "A")
        cfp.info("%s %s", "GET", "https://api.cloudflare.com/client/v4/zones?name.exact=%s&per_page=50" % ZONE)
        if bad_gateway:
            cfp.warning("response status: %s %s", 502, "Bad Gateway")
            cfp.error("HTTP error:\n%s", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center>"
                      "<h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")

            def set_record():
                def _split_zone_and_sub():
                    def get_zone_id():
                        def _query_zone_id():
                            def _request():
                                def _http():
                                    raise RuntimeError("服务器错误 [{}]: {}".format(502, "Bad Gateway"))
                                _http()
                            _request()
                        _query_zone_id()
                    get_zone_id()
                _split_zone_and_sub()
            try:
                set_record()
            except RuntimeError as e:
                cfp.exception("Error setting record for %s: %s", TARGET, e)
            ddns.error("Failed to update %s record for %s", "A", TARGET)
            return
        cfp.info("sub: %s, main: %s(id=%s)", "gw.netops", ZONE, ZONE_ID)
        cfp.info("%s %s", "GET", "https://api.cloudflare.com/client/v4/zones/%s/dns_records?type=A&per_page=10000&"
                 "name.exact=%s" % (ZONE_ID, TARGET))
        cfp.info("Found existing record: %s", record(address[0], "2024-05-09T06:20:03.551093Z"))
        cfp.info("%s %s", "PUT", "https://api.cloudflare.com/client/v4/zones/%s/dns_records/%s" % (ZONE_ID, record_id))
        ddns.warning("set %s[IPv%s]: %s successfully.", TARGET, "4", ip)
        address[0] = ip

    routers = list(ROUTERS)
    startup(routers)
    # DDNS's container starts: a first run, then crond (busybox crond logs to syslog).
    dconf.info("load config: %s", ["config.json"])
    ddns.info("%s[%s] address not changed, using cache: %s", TARGET, "A", address[0])
    printed(stream, "Cron daemon will run every 5 minutes...")

    traefik_up = True
    conflict = (81053, "An A, AAAA, or CNAME record with that host already exists.")
    for tick in range(120):
        if 40 <= tick < 45:
            # The host reboots; the Cloudflare token was rotated and the
            # companion's secret still holds the old one: a restart loop.
            startup(routers, bad_token=True)
        elif traefik_up:
            poll(routers, error=conflict if 75 <= tick < 80 else None)
        if tick % 5 == 2:
            if tick == 27:
                ddns_run(new_ip="198.51.100.14")
            elif tick == 62:
                ddns_run(new_ip="198.51.100.202", bad_gateway=True)
            elif tick == 67:
                ddns_run(new_ip="198.51.100.202")
            elif tick == 97:
                ddns_run(no_network=True)
            elif tick == 122:
                ddns_run(outdated=True)
            else:
                ddns_run()
        if tick == 18:
            # A new service is deployed: the Docker event, then the poll.
            name, hosts = LATER[0]
            found_container(name, hosts)
            point(hosts[0], exists=False)
            synced.add(hosts[0])
            routers.append(LATER[0])
        if tick == 45:
            # The new token is in: the container is recreated.
            startup(routers)
        if tick == 75:
            name, hosts = LATER[1]
            found_container(name, hosts)
            # An A and an AAAA record made by hand: the PUT to CNAME fails,
            # and every poll tries again until someone deletes them.
            point(hosts[0], error=conflict)
            routers.append(LATER[1])
        if tick == 85:
            # Traefik is upgraded: the poll thread dies on the refused connection.
            def run():
                def check_traefik_and_sync_mappings():
                    def check_traefik():
                        def get():
                            raised("requests.exceptions", "ConnectionError", "HTTPConnectionPool(host='traefik', "
                                   "port=8080): Max retries exceeded with url: /api/http/routers (Caused by "
                                   "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f0e5a3c1f90>: "
                                   "Failed to establish a new connection: [Errno 111] Connection refused'))")
                        get()
                    check_traefik()
                check_traefik_and_sync_mappings()
            printed(stream, "Exception in thread Thread-1:")
            uncaught(stream, run)
            traefik_up = False
        if tick == 100:
            # Only Docker events until the companion is restarted.
            found_container("grafana@docker", ["grafana.netops.example.com"])
        if tick == 110:
            # The team notices and restarts the companion.
            startup(routers)
            traefik_up = True
    return {"name": "tcc-ddns", "programs": [tc, dd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A branch's provisioning host (an on-premises VM with the CloudWatch agent,
# one stream for its containers): PyPXE answers the build VLAN's PXE clients
# as a proxy DHCP server beside the branch's DHCP and serves them pxelinux
# and the installer over TFTP; netbox-zabbix-sync, run every hour by cron,
# registers the branch's devices from NetBox in Zabbix.

NETBOOT = "/srv/netboot/"
MACS = ["3C:EC:EF:4A:10:22", "3C:EC:EF:4A:10:5E", "B8:CE:F6:21:7D:04", "3C:EC:EF:4A:11:A0", "B8:CE:F6:21:7E:38",
        "90:E2:BA:3D:55:C1", "3C:EC:EF:4A:12:0C"]
OTHERS = ["00:1B:63:84:45:E6", "F8:75:A4:0C:3A:91", "00:0E:C6:DA:71:2F", "DC:A6:32:5B:08:7E", "64:16:7F:A2:90:1C"]
DEVICES = ["sw-fra1-core-01", "sw-fra1-core-02", "sw-fra1-acc-03", "sw-fra1-acc-04", "sw-fra1-acc-05",
           "sw-fra1-acc-07", "ap-fra1-1f-01", "ap-fra1-1f-02", "ap-fra1-2f-03", "ap-fra1-2f-04", "fw-fra1-01",
           "pdu-fra1-a03", "srv-fra1-esx01", "srv-fra1-esx02", "ups-fra1-01"]


def stream_pypxe_nzs():
    stream = []
    px = Program("pypxe", "PyPXE", logging.Formatter(PYPXE), stream)
    nz = Program("netbox-zabbix-sync", "NetBox-Zabbix-sync", logging.Formatter(NZS), stream)
    pxe = lg(px, "PyPXE")
    dhcp = lg(px, "PyPXE.DHCP")
    nzs = lg(nz, "NetBox-Zabbix-sync")
    pool = lg(nz, "urllib3.connectionpool")

    def tftp(ip, port):
        return lg(px, "PyPXE.TFTP.Client.%s" % ((ip, port),))

    def pypxe_start():
        printed(stream, "+ exec pypxe --dhcp-proxy --dhcp-server-ip 10.30.0.4 --dhcp-fileserver 10.30.0.4 "
                        "--netboot-dir /srv/netboot --verbose dhcp,tftp")
        pxe.info("Starting TFTP server...")
        pxe.info("Starting DHCP server in ProxyDHCP mode...")
        dhcp.info("DHCP Server IP: {0}".format("10.30.0.4"))
        dhcp.info("DHCP Server Port: {0}".format(67))
        dhcp.info("File Server IP: {0}".format("10.30.0.4"))
        dhcp.info("File Name: {0}".format("pxelinux.0"))
        dhcp.info("ProxyDHCP Mode: {0}".format(True))
        dhcp.info("Using iPXE: {0}".format(False))
        dhcp.info("Using HTTP Server: {0}".format(False))
        pxe.info("PyPXE successfully initialized and running!")

    ports = [49152]

    def new_port():
        ports[0] += 7
        return ports[0]

    def send(ip, name, size, big=False, timeout=False, dup=None):
        log = tftp(ip, new_port())
        log.info("File {0} ({1} bytes) requested".format(NETBOOT + name, size))
        if big:
            log.warning("Request too big, attempting transfer anyway.")
        if dup:
            log.warning("Ignoring duplicated ACK received for block {0}".format(dup))
        if timeout:
            log.info("Timeout while sending {0}".format(NETBOOT + name))
            return False
        log.info("Completed sending {0}".format(NETBOOT + name))
        return True

    def boot(k, mac, ip, per_mac=False, reboot_mid=False):
        dhcp.info("PXE client request received from {0}".format(mac))
        dhcp.info("PXE client request received from {0}".format(mac))
        # The ROM asks for the size first (tsize), then fetches it.
        tftp(ip, 2070 + k % 3).info("File {0} ({1} bytes) requested".format(NETBOOT + "pxelinux.0", 46909))
        send(ip, "pxelinux.0", 46909)
        send(ip, "ldlinux.c32", 122308)
        uuid = "4c4c4544-00%02d-3510-8051-b7c04f4a34%02d" % (30 + k % 60, k % 100)
        log = tftp(ip, new_port())
        log.info("Sending {0}: {1} {2}".format(1, "File Not Found", NETBOOT + "pxelinux.cfg/" + uuid))
        name = "01-" + mac.lower().replace(":", "-")
        if per_mac:
            send(ip, "pxelinux.cfg/" + name, 418)
        else:
            log = tftp(ip, new_port())
            log.info("Sending {0}: {1} {2}".format(1, "File Not Found", NETBOOT + "pxelinux.cfg/" + name))
            hexip = "%02X%02X%02X%02X" % tuple(int(x) for x in ip.split("."))
            for cut in range(8, 0, -1):
                log = tftp(ip, new_port())
                log.info("Sending {0}: {1} {2}".format(1, "File Not Found", NETBOOT + "pxelinux.cfg/" + hexip[:cut]))
            send(ip, "pxelinux.cfg/default", 612)
        send(ip, "menu.c32", 26140)
        send(ip, "libutil.c32", 24148, dup=3 if k % 6 == 4 else None)
        send(ip, "ubuntu-22.04/vmlinuz", 13688200)
        send(ip, "ubuntu-22.04/initrd", 121947213, big=True, timeout=reboot_mid, dup=1711 if k % 9 == 7 else None)

    def chatter(n):
        mac = OTHERS[n % len(OTHERS)]
        dhcp.info("Non-PXE client request received from {0}".format(mac))
        if n % 3 == 0:
            dhcp.info("Non-PXE client request received from {0}".format(mac))

    def sync(run, netbox_down=False):
        pool_warn = lambda: pool.warning("Connection pool is full, discarding connection: %s. Connection pool "  # noqa
                                         "size: %s", "netbox.netops.example.com", 10)
        if netbox_down:
            nzs.error("NetBox returned the following error: The request failed with code 502 Bad Gateway but more "
                      "specific details were not returned in json. Check the NetBox Logs or investigate this "
                      "exception's error attribute..")
            nzs.error("Not able to start sync: No connection to NetBox or Zabbix API.")
            return
        nzs.warning("Using Netbox v1 token format. Consider updating to a v2 token. For more info, see %s",
                    "https://netboxlabs.com/docs/netbox/integrations/rest-api/#v1-and-v2-tokens")
        pool_warn()
        for d, dev in enumerate(DEVICES):
            if dev == "pdu-fra1-a03":
                nzs.warning("Host %s: no primary IP." % dev)
                continue
            if dev == "ups-fra1-01":
                nzs.warning("Custom field zabbix_template not found for APC - SMT1500RMI2UNC.")
                continue
            if dev == "sw-fra1-acc-07":
                nzs.info("Host %s: Used field '%s' has no value.", dev, "location")
            if dev == "fw-fra1-01" and run < 3:
                nzs.warning("Unable to find template Fortinet FortiGate by SNMP for host fw-fra1-01 in Zabbix. "
                            "Skipping host...")
                continue
            if dev == "fw-fra1-01" and run == 3:
                nzs.info("Hostgroup '%s': created in Zabbix." % "FRA1")
                nzs.info("Hostgroup '%s': created in Zabbix." % "FRA1/Server Room")
                nzs.info("Hostgroup '%s': created in Zabbix." % "FRA1/Server Room/Firewall")
                nzs.info("Host %s: Created host in Zabbix. (ID:%s)" % (dev, 10731))
                continue
            if dev == "sw-fra1-acc-05" and run == 2:
                nzs.info("Host %s: Deleted host from Zabbix." % dev)
                continue
            if dev == "sw-fra1-acc-05" and run > 2:
                nzs.info("Host %s: Skipping since this host is not in the active state.", dev)
                continue
            if (d + run) % 7 == 3:
                nzs.info("Host %s: Tags OUT of sync.", dev)
                nzs.info("Host %s: updated with data %s.", dev, {"tags": [{"tag": "site", "value": "fra1"},
                                                                         {"tag": "role", "value": dev.split("-")[0]},
                                                                         {"tag": "netbox", "value": "managed"}]})
            if (d * 3 + run) % 11 == 5:
                nzs.info("Host %s: Status OUT of sync.", dev)
                nzs.info("Host %s: updated with data %s.", dev, {"status": "1" if run % 2 else "0"})
            if dev.startswith("ap-") and (d + run) % 5 == 0:
                nzs.info("Host %s: Interface OUT of sync.", dev)
                nzs.info("Host %s: Updated interface with data %s." % (dev, {"ip": "10.30.8.%d" % (20 + d)}))
            if dev == "ap-fra1-2f-03" and run == 4:
                nzs.info("Host %s: Hostgroups OUT of sync.", dev)
                nzs.info("Host %s: updated with data %s.", dev, {"groups": [{"groupid": "31"}, {"groupid": "47"}]})
            if d == 9:
                pool_warn()
        # The Büro's access point: a name Zabbix won't take.
        nzs.info("Host %s contains special characters.Using %s as name for the NetBox object and using %s as "
                 "visible name in Zabbix.", "ap-büro-3f-01", "NETBOX_ID412", "ap-büro-3f-01")
        if run == 5:
            nzs.error("Host %s: Unable to update. Zabbix returned the following error: %s." % (
                "srv-fra1-esx02", "Invalid parameter \"/1/macros/2\": value (macro)=({$SNMP_COMMUNITY}) already "
                "exists."))

    pypxe_start()
    run = 0
    restarts = 0
    for n in range(120):
        if n % 3 == 1:
            chatter(n)
        if n % 4 == 0:
            k = n // 4
            mac = MACS[k % len(MACS)]
            ip = "10.30.0.%d" % (141 + k % 40)
            boot(k, mac, ip, per_mac=(k % 3 == 1), reboot_mid=(k == 9))
            if k == 9:
                # The operator reboots it: the whole sequence again.
                boot(k + 100, mac, ip, per_mac=False)
        if n % 15 == 7:
            sync(run, netbox_down=(run == 6))
            run += 1
        if n == 63 and restarts == 0:
            # A BOOTP-only device (no option 53) kills the DHCP thread:
            # the main loop sees it and exits, Docker restarts PyPXE.
            def listen():
                raise KeyError(53)
            dhcp.info("PXE client request received from {0}".format("00:0C:29:7F:1B:E2"))
            printed(stream, "Exception in thread Thread-2 (listen):")
            uncaught(stream, listen)
            pypxe_start()
            restarts += 1
    return {"name": "pypxe-nzs", "programs": [px, nz], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_rpki_yabgp(), stream_tcc_ddns(), stream_pypxe_nzs()])


if __name__ == "__main__":
    main()
