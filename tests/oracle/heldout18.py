"""The eighteenth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout17.py`): six more programs'
own logging set-ups (a smaller batch, as `heldout16.py` and `heldout17.py`
were), chosen for what platform and SRE teams run in AWS outside the areas
the earlier sets covered (network provisioning, where Arista's ZTPServer
bootstraps leaf switches and NIPAP keeps their management addresses; a
mail relay's spam and encryption filters, pyzord and Zeyple; backup and
restore, where rdiffweb serves rdiff-backup repositories and github-backup
mirrors an organisation's GitHub repositories), each format copied from
the file named beside it (the version read is given), with the formatter
class and the filters the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout18

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 47b176d (session 19's rules from heldout11 and
heldout17 in), before any rule saw it: 2245 records (123 joined under a
burst), 65.0% exact, 83.2% with the key fields right (asctime 93.2%,
levelname 100.0%, name 91.8%, message 91.3%, exc_info 99.9%).

Formatters and filters: all six programs use logging.Formatter itself. 592
records in three streams. ZTPServer's format (its shipped ztpserver.conf)
pads the time to 15, which it always exceeds, and puts the level and
"[module:lineno]" between colons; ztps runs with -d (the flag its
Dockerfile's closing comment shows), so its DEBUG records print. Many of
its messages span lines: the node's system details and node data (dicts
after a line break), webob requests as their str() prints them (request
line and sorted headers joined by CRLF, a PUT's body, the switch's
startup-config, after a blank line), several ending with a line break
("%s\nResource: %s\n"); Node.__repr__ has no f prefix, so its fields print
as "{self.serialnumber}". NIPAP logs through logging.basicConfig on the
root: "%(module)-10s" pads the module to ten ("nipap_xmlrpc" is longer),
the level to eight; its SQL messages carry list_prefix's indented
multi-line SELECT, psycopg2's error text ends with a line break, and a
DataError goes through logger.exception (exc_info). Tornado's access
records reach the same root handler (module "wsgi"). pyzord prints its pid
in parentheses, Zeyple bare (one zeyple.py process per message: the pids
are pinned per process); pyzord's messages are reprs of the UDP packets
(bytes, "\n" escaped), one is traceback.format_exc() as the message (ending
with a line break, no exc_info), and Server.handle_error logs one with
exc_info. rdiffweb's handler has three filters (RdiffwebRecord, as written
in rdiffweb/main.py): one cuts CherryPy's "[date] " from cherrypy.error
messages before formatting, two set `ip` and `user` ("-" outside a request,
"anonymous" before a login), kept in the truth; the thread names (CherryPy's
"CP Server Thread-N", APScheduler's "ThreadPoolExecutor-0_0") are pinned
through heldout17's ThreadName filter. Its level is padded to seven inside
brackets, and its cherrypy.error messages start with their context
("ENGINE", "LDAP", "AUTH", "TOOLS.RATELIMIT"); APScheduler's records go
through the same root handler. github-backup's format has neither a level
nor a name ("2024-05-11T14:44:59.052: "), and git's output lines are logged
as bytes (b'...'), its stderr lines (git's progress) at ERROR.

Print lines: wsgiref's request lines (ztps serves through
wsgiref.simple_server) and the traceback its handle_error prints, chained
("The above exception was the direct cause..."); the bare line of
ZTPServer's allocate plugin, whose logger has no handler (Python's
last-resort handler); Postfix's and spamd's syslog lines from
/var/log/mail.log, one of which folds zeyple.py's traceback into a bounce
reason on one line; the shell's "+ ..." lines; github-backup's "git
returned 128:" and the tab-led command that logging_subprocess prints to
stderr.

The messages are the programs' own where read (file and line given for
ZTPServer's, whose format prints them; NIPAP's modules); the switches'
details, the config-handler script and its pynipap calls, the NIPAP
account, the Pyzor ACL, the LDAP tree, the repositories and every count
are modelled. APScheduler's messages (the scheduler rdiffweb runs) are
from its 3.x source as the code index holds it, not from the version
rdiffweb pins, and so are CherryPy's (the bus's "Bus STARTING", the HTTP
server's "Serving on", LogManager.error joining date, context and message)
beside rdiffweb's plugins' own bus.log calls. The folded traceback's line
numbers are read from zeyple.py and CPython 3.11.7's smtplib and socket.

Left out: NAV (its ipdevpoll is in `heldout14.py`'s Left out), netbox-sync
(bb-Ricardo/netbox-sync module/common/logging.py's "%(asctime)s -
%(levelname)s: %(message)s" is restic-compose-backup's in `heldout11.py`;
its DEBUG2 and DEBUG3 level names are kept for a later set),
network-importer (networktocode/network-importer network_importer/cli.py's
basicConfig "%(asctime)s - %(name)s - %(levelname)s - %(message)s": SuzieQ's,
covered), JSNAPy (Juniper/jsnapy 1.3.8 lib/jnpr/jsnapy/logging.yml: a bare
"%(message)s" on the console; its file format "%(asctime)s - %(name)s -
%(levelname)s - \n %(message)s" puts a line break inside the format, kept
for a later set), iRedAPD (iredmail/iRedAPD libs/logger.py: "%(asctime)s
%(message)s" with --foreground, yum's layout; "%(name)s %(message)s" to
syslog otherwise), email-oauth2-proxy (its Log class print()s its own
dated line beside the handler's record, and on Linux the handler is
syslog's or a bare StreamHandler) and policyd-rate-limit (no logging
module: it prints, and systemd sends stderr to syslog).
"""

import hashlib
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# ZTPServer (arista-eosplus/ztpserver, 1f5d433c, the 2.0.x line after
# v2.0.1), conf/ztpserver.conf's console_logging_format, which setup.py
# installs as /etc/ztpserver/ztpserver.conf; ztpserver/app.py
# enable_handler_console puts it on the "ztpserver" logger's StreamHandler
# (ztpserver/config.py's default, when no file sets it, is the same without
# the "-15", and prints the same: the time is longer than 15).
ZTPSERVER = "%(asctime)-15s:%(levelname)s:[%(module)s:%(lineno)d] %(message)s"
# NIPAP 0.32.7 (SpriteLink/NIPAP, fa626779), nipap/nipap/nipapd.py
# LOG_FORMAT, through logging.basicConfig on the root logger (nipapd in the
# foreground keeps that stderr handler; NipapXMLRPC's __init__, in
# nipap/nipap/nipap_xmlrpc.py, sets the root logger to DEBUG).
NIPAP = "%(asctime)s: %(module)-10s %(levelname)-8s %(message)s"
# pyzor 1.1.2 (SpamExperts/pyzor, 0c44c6f2, two commits after release
# 1.1.2), pyzor/config.py setup_logging's Formatter, which scripts/pyzord
# puts on the "pyzord" and "pyzord-usage" loggers' StreamHandlers (at DEBUG
# with -d, else CRITICAL) and their LogFile handlers.
PYZORD = "%(asctime)s (%(process)d) %(levelname)s %(message)s"
# Zeyple 2.0.0 (infertux/zeyple, 40e29f8a), zeyple/zeyple.py Zeyple.__init__'s
# logging.basicConfig (filename: zeyple.conf's log_file, /var/log/zeyple.log
# in zeyple.conf.example).
ZEYPLE = "%(asctime)s %(process)s %(levelname)s %(message)s"
# rdiffweb 2.11.5 (ikus060/rdiffweb 2.11.5, ffe2bfea), rdiffweb/main.py
# _setup_logging's default_handler (StreamHandler(sys.stdout) when no log
# file is set) on the root logger and cherrypy.error, with its three
# filters (see RdiffwebRecord). Later releases (7.x) moved logging into
# cherrypy_foundation.
RDIFFWEB = "[%(asctime)s][%(levelname)-7s][%(ip)s][%(user)s][%(threadName)s][%(name)s] %(message)s"
# github-backup 0.65.1 (josegonzalez/python-github-backup, 0548c7cb),
# github_backup/cli.py log_format (the root's two handlers: below WARNING
# on stdout, WARNING and above on stderr, through logging.basicConfig).
GITHUB_BACKUP = "%(asctime)s.%(msecs)03d: %(message)s"
GITHUB_BACKUP_DATEFMT = "%Y-%m-%dT%H:%M:%S"


# --------------------------------------------------------------------------
# A network provisioning host on EC2 (the ztpserver container's log stream,
# Docker's awslogs driver, beside nipapd's in the same compose project):
# ZTPServer bootstraps new Arista leaf switches in a colocation cage, and the
# nodes' config-handler script registers each switch's management address
# in NIPAP over XML-RPC. ztps runs with -d (its console handler at DEBUG).
# wsgiref's request lines (ztps serves through
# wsgiref.simple_server), its traceback for an unhandled error, and the
# bare line of the allocate plugin's logger (no handler of its own: Python's
# last-resort handler) are print lines.

ZTP_SRC = "/usr/local/lib/python3.11/site-packages/ztpserver/"
DATA = "/usr/share/ztpserver"
LEAVES = [
    ("JPE21110041", "001c73a1b2c1", "leaf1a", "spine1", "Ethernet1/1"),
    ("JPE21110057", "001c73a1b2d7", "leaf2a", "spine2", "Ethernet1/1"),
    ("JPE21110063", "001c73a1b2e3", "leaf3a", "spine1", "Ethernet3/1"),
]
NIPAP_SRC = "/usr/lib/python3/dist-packages/nipap/"


def webob_request(method, path, agent, body=None):
    """What str() of the webob Request prints (Request.as_bytes, decoded):
    the request line and the headers, sorted, joined with CRLF, then a
    blank line and the body of a PUT or POST. wsgiref's get_environ sets
    CONTENT_TYPE to text/plain when the request has none."""
    headers = {"Host": "10.20.0.5:8080", "User-Agent": agent, "Accept-Encoding": "gzip, deflate", "Accept": "*/*",
               "Connection": "keep-alive", "Content-Type": "text/plain"}
    if body is not None:
        headers["Content-Length"] = str(len(body.encode()))
    parts = ["%s %s HTTP/1.1" % (method, path)] + ["%s: %s" % item for item in sorted(headers.items())]
    if body:
        parts += ["", body]
    return "\r\n".join(parts)


def startup_config(host, address):
    """A leaf's startup-config, as the bootstrap script PUTs it."""
    return "\n".join([
        "! Command: show running-config", "! device: %s (DCS-7050SX3-48YC8, EOS-4.32.3M)" % host, "!",
        "hostname %s" % host, "ip name-server vrf MGMT 10.20.0.2", "!", "spanning-tree mode mstp", "!",
        "vrf instance MGMT", "!", "interface Management1", "   vrf MGMT", "   ip address %s/24" % address, "!",
        "ip routing", "no ip routing vrf MGMT", "!", "ip route vrf MGMT 0.0.0.0/0 10.20.1.1", "!",
        "management api http-commands", "   no shutdown", "   !", "   vrf MGMT", "      no shutdown", "!", "end", ""])


def wsgiref_line(stream, ip, request_line, status, size):
    """wsgiref.simple_server's WSGIRequestHandler.log_message, on stderr."""
    printed(stream, '%s - - [%s] "%s" %s %s' % (ip, now("%d/%b/%Y %H:%M:%S"), request_line, status, size))


LIST_PREFIX_SQL = """SELECT
            inp.id,
            vrf.id AS vrf_id,
            vrf.rt AS vrf_rt,
            vrf.name AS vrf_name,
            family(prefix) AS family,
            inp.prefix,
            inp.display_prefix,
            inp.description,
            COALESCE(inp.inherited_tags, '{}') AS inherited_tags,
            COALESCE(inp.tags, '{}') AS tags,
            inp.node,
            inp.comment,
            pool.id AS pool_id,
            pool.name AS pool_name,
            inp.type,
            inp.indent,
            inp.country,
            inp.order_id,
            inp.customer_id,
            inp.external_key,
            inp.authoritative_source,
            inp.alarm_priority,
            inp.monitor,
            inp.vlan,
            inp.added,
            inp.last_modified,
            inp.total_addresses,
            inp.used_addresses,
            inp.free_addresses,
            inp.status,
            inp.avps,
            inp.expires
            FROM ip_net_plan inp
            JOIN ip_net_vrf vrf ON (inp.vrf_id = vrf.id)
            LEFT JOIN ip_net_pool pool ON (inp.pool_id = pool.id) """
LIST_PREFIX_ORDER = """
            ORDER BY vrf.rt NULLS FIRST, prefix"""


def stream_ztpserver_nipap():
    stream = []
    zt = Program("ztpserver", "ztpserver", logging.Formatter(ZTPSERVER), stream)
    nip = Program("nipapd", "root", logging.Formatter(NIPAP), stream)
    app = lg(zt, "ztpserver")
    ctl = lg(zt, "ztpserver.controller")
    topo = lg(zt, "ztpserver.topology")
    root = lg(nip, "root")
    backend = lg(nip, "Nipap")
    factory = lg(nip, "AuthFactory")
    sqlite_auth = lg(nip, "SqliteAuth")
    access = lg(nip, "tornado.access")
    D, I, W, E = logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR

    def z(log, level, module, line, func, msg, *args):
        at(log, level, ZTP_SRC + module + ".py", line, func, msg, *args)

    def n(log, level, module, line, func, msg, *args, exc=None):
        at(log, level, NIPAP_SRC + module + ".py", line, func, msg, *args, exc=exc)

    def sql(text, params):
        n(backend, D, "backend", 788, "_execute", "SQL: %s params: %s", text, str(params))

    def served(status, ms):
        # Tornado's WSGIContainer._log (tornado/wsgi.py), through the root.
        at(access, logging.INFO, "/usr/lib/python3/dist-packages/tornado/wsgi.py", 263, "_log", "%d %s %.2fms",
           status, "POST /XMLRPC (10.20.0.5)", ms)

    auth_source = "ztp-config-handler"
    auth_obj = Shown("<nipap.authlib.SqliteAuth object at 0x7f3a9c2e1d50>")
    cached = []

    def rpc_call(name, payload):
        """nipap_xmlrpc.requires_auth's records, for one XML-RPC call."""
        args = (dict(auth={"authoritative_source": auth_source}, **payload),)
        n(root, D, "nipap_xmlrpc", 59, "decorated", "authenticating call with args %s and kwargs %s", args, {})
        n(factory, D, "authlib", 204, "get_auth", "Using default auth backend %s", "local")
        if cached:
            n(factory, D, "authlib", 212, "get_auth", "found cached auth object for user %s", "ztp")
        else:
            n(sqlite_auth, D, "authlib", 661, "__init__", "Creating SqliteAuth instance")
            n(sqlite_auth, D, "authlib", 742, "authenticate", "Trying to authenticate as user '%s'", "ztp")
            n(sqlite_auth, D, "authlib", 783, "authenticate", "successfully authenticated as %s, username %s, "
              "full_name %s, readonly %s", "ztp", "ztp", "ZTP config-handler", "False")
            cached.append(True)
        new_args = dict(payload, auth=auth_obj)
        n(root, D, "nipap_xmlrpc", 127, "decorated", "Call authenticated - calling.. with new_args: %s", new_args)

    def list_prefix(spec, failover=False):
        n(backend, D, "backend", 2854, "list_prefix", "list_prefix called; spec: %s", spec)
        where = " AND ".join("inp.%s = %%(inp.%s)s" % (key, key) for key in spec)
        params = {"inp." + key: value for key, value in spec.items()}
        n(backend, D, "backend", 2255, "_expand_prefix_spec", "_expand_prefix_spec; where: %s params: %s", where,
          params)
        text = LIST_PREFIX_SQL + " WHERE " + where + LIST_PREFIX_ORDER
        sql(text, params)
        if failover:
            # The RDS instance failed over: psycopg2's error text ends
            # with a line break.
            n(backend, E, "backend", 889, "_execute", "Unable to execute query: %s",
              "terminating connection due to administrator command\nSSL connection has been closed unexpectedly\n")
            n(backend, I, "backend", 897, "_execute", "Reconnecting to database...")
            sql(text, params)

    def register(serial, host, address, k):
        """The config-handler's two calls (pynipap): is the address known,
        then add it. Returns whether it succeeded."""
        prefix = address + "/32"
        rpc_call("list_prefix", {"prefix": {"prefix": prefix}})
        list_prefix({"prefix": prefix}, failover=(k == 0))
        served(200, 11.84 + 3.1 * k + (1502.6 if k == 0 else 0))
        attr = {"prefix": prefix, "type": "host", "status": "assigned", "description": host + " Management1",
                "node": host, "comment": "ZTP " + serial, "vlan": 40960 if k == 1 else 120}
        rpc_call("add_prefix", {"attr": attr, "args": {}})
        n(backend, D, "backend", 2385, "add_prefix", "add_prefix called; attr: %s; args: %s", attr, {})
        n(backend, D, "backend", 1291, "list_vrf", "list_vrf called; spec: %s", {"id": 0})
        sql("SELECT * FROM ip_net_vrf WHERE id = %(spec_id)s ORDER BY vrf_rt_order(rt) NULLS FIRST", {"spec_id": 0})
        row = dict(attr, authoritative_source=auth_source, vrf_id=0)
        del row["comment"]
        cols = list(row)
        insert = "(" + ", ".join(cols) + ") VALUES (" + ", ".join("%(" + c + ")s" for c in cols) + ")"
        sql("INSERT INTO ip_net_plan " + insert, row)
        if k == 1:
            # The handler sent a VLAN id out of range: psycopg2's DataError
            # matches neither of the messages _execute knows.
            def execute():
                raised("psycopg2.errors", "NumericValueOutOfRange", "integer out of range\n")
            try:
                execute()
            except Exception:
                n(backend, E, "backend", 878, "_execute", "Unhandled database DataError:", exc=True)
            n(root, D, "nipap_xmlrpc", 551, "add_prefix", "Unhandled data error.")
            served(200, 9.37)
            return False
        sql("SELECT lastval() AS last", None)
        pid_ = 4410 + k
        n(backend, D, "backend", 2854, "list_prefix", "list_prefix called; spec: %s", {"id": pid_})
        n(backend, D, "backend", 2255, "_expand_prefix_spec", "_expand_prefix_spec; where: %s params: %s",
          "inp.id = %(inp.id)s", {"inp.id": pid_})
        sql(LIST_PREFIX_SQL + " WHERE inp.id = %(inp.id)s" + LIST_PREFIX_ORDER, {"inp.id": pid_})
        audit = {"vrf_id": 0, "vrf_rt": None, "vrf_name": "default", "prefix_id": pid_, "prefix_prefix": prefix,
                 "username": "ztp", "authenticated_as": "ztp", "full_name": "ZTP config-handler",
                 "authoritative_source": auth_source,
                 "description": "Added prefix " + prefix + " with attr: " + str(dict(row))}
        cols = list(audit)
        sql("INSERT INTO ip_net_log (" + ", ".join(cols) + ") VALUES (" + ", ".join("%(" + c + ")s" for c in cols)
            + ")", audit)
        served(200, 31.07 + 2.2 * k)
        return True

    # ztps starts (bin/ztps -> ztpserver.app.main -> run_server).
    z(app, I, "app", 104, "load_config", "Loading config file: %s", "/etc/ztpserver/ztpserver.conf")
    z(app, I, "app", 128, "start_wsgiapp", "Starting ZTPServer v%s...", "2.0.2")
    z(app, I, "app", 130, "start_wsgiapp", "Logging started for ztpserver")
    z(app, I, "app", 131, "start_wsgiapp", "Using repository %s", DATA)
    z(ctl, D, "controller", 894, "__init__", "server URL: %s", "http://10.20.0.5:8080")
    z(app, I, "app", 153, "run_server", "URL: http://%s:%s", "0.0.0.0", 8080)
    z(app, I, "app", 157, "run_server", "Starting ZTPServer v%s on http://%s:%s", "2.0.2", "0.0.0.0", 8080)
    agent = "python-requests/2.3.0 CPython/3.9.18 Linux/5.10.165.Ar-33004811.4331F"
    for k, (serial, mac, host, spine, spine_port) in enumerate(LEAVES):
        ip = "10.20.1.%d" % (31 + k)
        node = "/nodes/" + serial
        other = "spine2" if spine == "spine1" else "spine1"
        # GET /bootstrap and /bootstrap/config (the EOS ZTP agent, then the
        # bootstrap script).
        z(ctl, I, "controller", 843, "index", "%s: node beginning provisioning", ip)
        wsgiref_line(stream, ip, "GET /bootstrap HTTP/1.1", 200, 92417)
        z(ctl, I, "controller", 801, "config", "%s: syslog info included in bootstrap config", ip)
        z(ctl, W, "controller", 815, "config", "Bootstrap config: no XMPP rooms configured")
        z(ctl, I, "controller", 816, "config", "%s: xmpp info included in bootstrap config", ip)
        wsgiref_line(stream, ip, "GET /bootstrap/config HTTP/1.1", 200, 231)
        # POST /nodes: the node's system details.
        neighbors = {"Ethernet49/1": [{"device": spine, "port": spine_port}],
                     "Ethernet50/1": [{"device": other, "port": spine_port}],
                     "Management1": [{"device": "oob-sw1", "port": "Ethernet%d" % (11 + k)}]}
        details = {"model": "DCS-7050SX3-48YC8", "version": "4.31.2F",
                   "systemmac": ":".join(mac[i:i + 2] for i in range(0, 12, 2)), "serialnumber": serial,
                   "neighbors": neighbors}
        z(ctl, I, "controller", 280, "create", "%s: received system information from node:\n%s", ip, details)
        z(topo, I, "topology", 317, "add_neighbors", "%s: parsing node's LLDP Neighbor information", serial)
        # Node.__repr__ has no f prefix: its fields print as written.
        z(topo, D, "topology", 157, "create_node", "%s: created node object %r", serial,
          Shown("Node(serialnumber={self.serialnumber}, systemmac={self.systemmac}, neighbors={self.neighbors})"))
        z(ctl, I, "controller", 300, "create", "%s: node ID is %s:%s", ip, "serialnumber", serial)
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "node_exists")
        if k == 1:
            # A leaf replaced after an RMA: its folder is still there.
            z(ctl, I, "controller", 329, "node_exists", "%s: this node already exists on the server", serial)
        else:
            z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "post_config")
            z(ctl, I, "controller", 359, "post_config", "%s: node does not exist on the server - will try to match "
              "node against neighbordb", serial)
            z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "post_node")
            z(topo, I, "topology", 87, "load_neighbordb", "%s: loading neighbordb file: %s", serial,
              DATA + "/neighbordb")
            for name in ("leaf pair spine1", "leaf pair spine2"):
                z(topo, D, "topology", 397, "add_pattern", "%s: pattern '%r' parsed successfully", serial,
                  Shown("Pattern(name='%s')" % name))
            z(topo, D, "topology", 107, "load_neighbordb", "%s: loaded neighbordb: %s", serial,
              Shown("Neighbordb(variables=2, globals=2, nodes=0)"))
            z(topo, D, "topology", 455, "find_patterns", "%s: searching for eligible patterns", serial)
            z(topo, D, "topology", 469, "find_patterns", "%s: global patterns eligible in neighbordb", serial)
            for name in ("leaf pair spine1", "leaf pair spine2"):
                z(topo, D, "topology", 480, "match_node", "%s: attempting to match pattern %s", serial, name)
                if name.endswith(spine):
                    z(topo, D, "topology", 482, "match_node", "%s: pattern %s matched", serial, name)
                else:
                    z(topo, D, "topology", 485, "match_node", "%s: pattern %s match failed", serial, name)
            z(ctl, D, "controller", 416, "post_node", "%s: %d pattern(s) in neihgbordb are a good match", serial, 1)
            z(ctl, I, "controller", 419, "post_node", "%s: node matched '%s' pattern in neighbordb", serial,
              "leaf pair " + spine)
            z(ctl, I, "controller", 425, "post_node", "%s: node definition copied from: %s", serial,
              "definitions/leaf-" + spine)
            z(ctl, I, "controller", 443, "post_node", "%s: node config-handler copied from: %s", serial,
              "config-handlers/register-nipap")
            z(ctl, I, "controller", 467, "post_node", "%s: new dynamically-provisioned node created: /nodes/%s",
              serial, serial)
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "dump_node")
        contents = {"serialnumber": serial, "systemmac": mac, "neighbors": neighbors}
        z(ctl, I, "controller", 531, "dump_node", "%s: node data written to %s:\n%s", serial,
          "nodes/%s/.node" % serial, contents)
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "set_location")
        status = 409 if k == 1 else 201
        z(ctl, D, "controller", 189, "fsm", "%s: response to %s: %s", serial, "set_location",
          {"status": status, "location": "nodes/" + serial})
        wsgiref_line(stream, ip, "POST /nodes HTTP/1.1", status, 0)
        # GET /nodes/<id>: the definition, validated and substituted.
        z(ctl, I, "controller", 568, "show", "%s: received request for definition: %s", serial,
          "http://10.20.0.5:8080" + node)
        z(ctl, D, "controller", 569, "show", "%s\nResource: %s\n", Shown(webob_request("GET", node, agent)), serial)
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "do_validation")
        z(ctl, I, "controller", 590, "do_validation", "%s: topology validation is ENABLED", serial)
        z(ctl, I, "controller", 596, "do_validation", "%s: checking syntax of pattern file used for topology "
          "validation: %s", serial, "%s/nodes/%s/pattern" % (DATA, serial))
        z(ctl, I, "controller", 609, "do_validation", "%s: evaluating node against pattern: %s", serial,
          "nodes/%s/pattern" % serial)
        z(ctl, I, "controller", 619, "do_validation", "%s: node passed pattern validation: %s", serial,
          "nodes/%s/pattern" % serial)
        for state in ("get_startup_config", "get_definition"):
            z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, state)
            if state == "get_startup_config":
                z(ctl, D, "controller", 636, "get_startup_config", "%s: no startup-config %s", serial,
                  "nodes/%s/startup-config" % serial)
        actions = [("install image", "install_image"), ("base config", "add_config"),
                   ("mgmt address", "add_config"), ("bgp underlay", "add_config")]
        for name, _ in actions[:None if k == 0 else 1]:
            z(ctl, D, "controller", 675, "get_definition", "%s: action %s included in definition", serial, name)
        z(ctl, D, "controller", 681, "get_definition", "%s: defintion is %s (%s)", serial,
          "nodes/%s/definition" % serial, [{"name": name, "action": action} for name, action in actions])
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "get_attributes")
        z(ctl, W, "controller", 710, "get_attributes", "%s: no node specific attributes file", serial)
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "do_substitution")
        for name, _ in actions[:None if k == 0 else 1]:
            z(ctl, D, "controller", 728, "do_substitution", "%s: processing action %s (variable substitution)",
              serial, name)
            if name == "mgmt address":
                z(ctl, D, "controller", 723, "lookup", "%s: lookup up value for variable %s", serial, "mgmt_gw")
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "do_resources")
        variables = {"mgmt_ip": "allocate('mgmt_ip')", "mgmt_gw": "10.20.1.1"}
        z(topo, D, "topology", 166, "load_resources", "%s: computing resources (attr=%s)", serial,
          {"url": "files/templates/mgmt.template", "substitution_mode": "strict", "variables": variables})
        if k == 2:
            # The pool file has no free address left: the allocate
            # plugin's logger has no handler (Python's last-resort handler
            # prints the bare message), and the controller logs what
            # run_plugin raised.
            z(topo, D, "topology", 166, "load_resources", "%s: computing resources (attr=%s)", serial, variables)
            printed(stream, "%s: no resource free in 'mgmt_ip'" % serial)
            z(ctl, E, "controller", 766, "do_resources", "failed to run plugin: %s: no resource free in 'mgmt_ip'",
              serial)
            z(ctl, E, "controller", 186, "fsm", "%s: error in %s: %s", serial, "do_resources",
              "failed to allocate resources")
            z(ctl, D, "controller", 189, "fsm", "%s: response to %s: %s", serial, "do_resources",
              {"status": 400, "body": "", "content_type": "text/html"})
            wsgiref_line(stream, ip, "GET %s HTTP/1.1" % node, 400, 0)
            break
        address = "10.20.1.%d" % (101 + k)
        z(topo, D, "topology", 166, "load_resources", "%s: computing resources (attr=%s)", serial, variables)
        z(topo, D, "topology", 188, "load_resources", "%s: resources: %s", serial,
          {"mgmt_ip": address + "/24", "mgmt_gw": "10.20.1.1"})
        z(topo, D, "topology", 188, "load_resources", "%s: resources: %s", serial,
          {"url": "files/templates/mgmt.template", "substitution_mode": "strict",
           "variables": {"mgmt_ip": address + "/24", "mgmt_gw": "10.20.1.1"}})
        z(ctl, D, "controller", 180, "fsm", "%s: running %s", serial, "finalize_response")
        z(ctl, D, "controller", 189, "fsm", "%s: response to %s: %s", serial, "finalize_response",
          Shown("{'body': {'name': 'leaf-%s', 'actions': [{'name': 'install image', 'action': 'install_image', "
                "'attributes': {'url': 'files/images/EOS-4.32.3M.swi', 'version': '4.32.3M'}}, ...]}, "
                "'status': 200, 'content_type': 'application/json'}" % spine))
        wsgiref_line(stream, ip, "GET %s HTTP/1.1" % node, 200, 3318 + 7 * k)
        # The actions and files the definition names.
        for name in ("install_image", "add_config"):
            if k == 0 or name == "add_config":
                z(ctl, D, "controller", 154, "show", "%s\nResource: %s\n",
                  Shown(webob_request("GET", "/actions/" + name, agent)), name)
            wsgiref_line(stream, ip, "GET /actions/%s HTTP/1.1" % name, 200, 6120 + 911 * len(name))
        if k == 0:
            # The WSGI router: a URL with no controller, then a file the
            # definition names that is missing.
            z(ctl, E, "controller", 142, "show", "File %s not found", "images/EOS-4.32.3M.swi.sha512sum")
            wsgiref_line(stream, ip, "GET /files/images/EOS-4.32.3M.swi.sha512sum HTTP/1.1", 404, 0)
        z(ctl, D, "controller", 132, "show", "%s\nResource: %s\n",
          Shown(webob_request("GET", "/files/images/EOS-4.32.3M.swi", agent)), "images/EOS-4.32.3M.swi")
        wsgiref_line(stream, ip, "GET /files/images/EOS-4.32.3M.swi HTTP/1.1", 200, 1195327488)
        # PUT startup-config: the config-handler registers the address.
        z(ctl, D, "controller", 217, "put_config", "%s: startup-config PUT request: \n%s\n", serial,
          Shown(webob_request("PUT", node + "/startup-config", agent, startup_config(host, address))))
        if k != 1:
            z(ctl, D, "controller", 226, "put_config", "%s: file not found: %s (adding it)", serial,
              "%s/nodes/%s/startup-config" % (DATA, serial))
        script = "%s/nodes/%s/config-handler" % (DATA, serial)
        if register(serial, host, address, k):
            z(ctl, I, "controller", 251, "put_config", "Startup-config saved for %s (%s executed successfully)",
              serial, script)
            z(ctl, D, "controller", 256, "put_config", "%s output: \n%s", script,
              ("registered %s/32 (%s) in NIPAP, prefix id %d\n" % (address, host, 4410 + k)).encode())
        else:
            # communicate() runs after returncode is read: it is None.
            z(ctl, W, "controller", 242, "put_config", "Startup-config saved for %s (%s failed: return code=%s, "
              "stderr=%s)", serial, script, None, b"pynipap.NipapError: Unhandled data error.\n")
            z(ctl, D, "controller", 249, "put_config", "%s output: \n%s", script, b"")
        wsgiref_line(stream, ip, "PUT %s/startup-config HTTP/1.1" % node, 200, 2)
    # A request the router has no controller for; then one that makes a
    # controller raise: wsgiref prints the traceback (its handle_error).
    z(lg(zt, "ztpserver.wsgiapp"), D, "wsgiapp", 121, "route", "WSGIRouter: missing controller (request=%s)",
      Shown(webob_request("GET", "/favicon.ico", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 "
                                                 "Firefox/125.0")))
    wsgiref_line(stream, "10.20.0.17", "GET /favicon.ico HTTP/1.1", 404, 154)
    # A late node, when the volume is full: the WSGI app logs
    # the error and raises webob's HTTPInternalServerError from it, which
    # wsgiref's handle_error prints (then its own 500 page, 59 bytes).
    z(lg(zt, "ztpserver.wsgiapp"), E, "wsgiapp", 81, "__call__", "Unrecoverable error detected: %s",
      "[Errno 28] No space left on device: '/usr/share/ztpserver/nodes/JPE21110070'")

    def call_app():
        def create():
            raise OSError(28, "No space left on device", "/usr/share/ztpserver/nodes/JPE21110070")
        try:
            create()
        except OSError as exc:
            kind = type("HTTPInternalServerError", (Exception,), {"__module__": "webob.exc"})
            raise kind("The server has either erred or is incapable of performing the requested operation.") from exc
    uncaught(stream, call_app)
    wsgiref_line(stream, "10.20.1.35", "POST /nodes HTTP/1.1", 500, 59)
    return {"name": "ztpserver-nipap", "programs": [zt, nip], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mail relay on EC2, whose CloudWatch agent ships three files into the
# instance's one log stream: /var/log/mail.log (Postfix's and spamd's
# syslog lines: print lines), /var/log/zeyple.log (Zeyple, Postfix's
# content filter for the relay's alert mail, one process per message) and
# /home/pyzor/pyzord.err (pyzord, the site's own Pyzor server, which
# SpamAssassin's pyzor plugin checks; --detach sends its stderr there, and
# -d puts its stream handlers at DEBUG).

PYZOR_SRC = "/home/pyzor/env/lib/python3.11/site-packages/pyzor/"
DIGESTS = ["2c4a1f0b9d3e7a5c6b8e0f1a2d3c4b5a69788796", "7f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6",
           "0b9d3e7a5c6b8e0f1a2d3c4b5a6978879612ab34", "d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f40",
           "96a5b4c3d2e1f0a9b8c7d6e5f40b9d3e7a5c6b81", "e7a5c6b8e0f1a2d3c4b5a69788796a5b4c3d2e1f"]
ALERTS = [("<20240511144444.4VbQ2m1XyRz9v@mx1.example.org>", ["ops@example.org"]),
          ("<20240511144447.4VbQ2p3KtLz2w@mx1.example.org>", ["sre-oncall+pager@example.org", "dba@example.org"]),
          ("<20240511144451.4VbQ2t0HwNz5x@mx1.example.org>", ["audit@partner.example.net"]),
          ("<20240511144455.4VbQ2x8CqPz7y@mx1.example.org>", ["ops@example.org", "security@example.org"]),
          ("<20240511144458.4VbQ31dFmRz3v@mx1.example.org>", ["ops+nightly@example.org"])]
KEYS = {"ops@example.org": "5A1F0C3E9B7D2486", "sre-oncall@example.org": "C0FFEE4B1D2A3E57",
        "dba@example.org": "8E2D4C6A0B1F3957", "security@example.org": "3B7E91A4C2D6F058"}


def syslog(stream, host_prog, text):
    """A line of /var/log/mail.log (rsyslog's traditional format)."""
    printed(stream, "%s mx1 %s: %s" % (now("%b %d %H:%M:%S"), host_prog, text))


def stream_pyzord_zeyple():
    stream = []
    pz = Program("pyzord", "pyzord", logging.Formatter(PYZORD), stream)
    zy = Program("zeyple", "root", logging.Formatter(ZEYPLE), stream)
    log = lg(pz, "pyzord")
    usage = lg(pz, "pyzord-usage")
    zlog = lg(zy, "root")
    threads = [36210]

    def request(op, digests, ip, user="anonymous", full=False):
        """One UDP request, as pyzor.server.RequestHandler logs it."""
        threads[0] = (threads[0] * 7 + 13) % 65535
        thread = threads[0]
        ts = int(realworld.CLOCK.t)
        packet = "Op: %s\n" % op + "".join("Op-Digest: %s\n" % d for d in digests) + (
            "Thread: %d\nPV: 2.1\nUser: %s\nTime: %d\nSig: %s\n\n" % (thread, user, ts, hashlib.sha1(
                ("%s%d%d" % (user, ts, thread)).encode()).hexdigest()))
        log.debug("Received: %r", packet.encode())
        response = "Code: 200\nDiag: OK\nPV: 2.1\nThread: %d\n" % thread
        if op == "whitelist" and user == "anonymous":
            diag = "Forbidden: User is not authorized to request the operation."
            usage.error("%s: %s", 403, diag)
            response = response.replace("Code: 200\nDiag: OK", "Code: 403\nDiag: " + diag)
            log.debug("Sending: %r", response + "\n")
            return
        log.debug("Got a %s command from %s", op, ip)
        if op == "check":
            log.debug("Request to check digest %s", digests[0])
            count = (int(digests[0][:2], 16) % 5) * 3
            response += "Count: %d\nWL-Count: %d\n" % (count, 0)
        elif op == "report":
            log.debug("Request to report digests %s", digests)
            if full:
                # The gdbm file's volume is full: handle() logs the
                # traceback itself, after the usage log's error.
                def really_setitem():
                    raised("_gdbm", "error", "[Errno 28] No space left on device")
                try:
                    really_setitem()
                except Exception as e:
                    usage.error("%s: %s", 500, "Internal Server Error: %s" % e)
                    log.error(traceback.format_exc())
                response = response.replace("Code: 200\nDiag: OK",
                                            "Code: 500\nDiag: Internal Server Error: [Errno 28] No space left on "
                                            "device")
                log.debug("Sending: %r", response + "\n")
                return
        elif op == "pong":
            log.debug("Request pong for %s", digests[0])
            response += "Count: %d\nWL-Count: 0\n" % sys.maxsize
        usage.info("%s,%s,%s,%r,%s", user, ip, op, digests, "200")
        log.debug("Sending: %r", response + "\n")

    def zeyple(number, message_id, recipients, relay_down=False):
        """One zeyple.py process, for one message the pipe hands it.
        Returns False when it dies (the relay port refuses the connection:
        smtplib raises, nothing catches it)."""
        with pid(number):
            zlog.info("Zeyple ready to encrypt outgoing emails")
            zlog.info("Processing outgoing message %s", message_id)
            if not recipients:
                zlog.warning("Cannot find any recipients, ignoring")
            for rcpt in recipients:
                zlog.info("Recipient: %s", rcpt)
                zlog.info("Trying to encrypt for %s", rcpt)
                key = KEYS.get(rcpt)
                if key is None and "+" in rcpt:
                    # The sub-address tag is stripped and tried again.
                    bare = rcpt.split("+")[0] + "@" + rcpt.split("@")[1]
                    zlog.info("Trying to encrypt for %s", bare)
                    key = KEYS.get(bare)
                zlog.info("Key ID: %s", key)
                if key is None:
                    # force_encrypt = 1, as zeyple.conf.example sets it.
                    zlog.error("No keys found, message will not be sent!")
                    continue
                zlog.info("Sending message %s", message_id)
                if relay_down:
                    return False
                zlog.info("Message %s sent", message_id)
        return True

    # pyzord starts: the gdbm engine reorganizes at once, then the server
    # loads its accounts and ACL (scripts/pyzord, pyzor/config.py).
    with pid(1187):
        log.debug("reorganizing the database")
        for key in DIGESTS[:3]:
            log.debug("deleting key %s", ("9" + key[1:]).encode())
        log.info("Starting pyzord server.")
        log.debug("Creating an account for %s with key %s.", "spamtrap", "7d2f4a1c9e3b5d60.b41e0c9a2f7d3e18")
        log.info("Accounts: %s", "spamtrap")
        log.debug("Granting %s to %s.", "check,report,ping,pong,info", "anonymous")
        log.debug("Granting %s to %s.", "check,report,ping,pong,info,whitelist", "spamtrap")
        log.warning("Invalid ACL line: %r", "whitelist : spamtrap allow\n")
        log.info("ACL: %r", Shown("defaultdict(<class 'set'>, {'anonymous': {'check', 'report', 'ping', 'pong', "
                                  "'info'}, 'spamtrap': {'check', 'report', 'ping', 'pong', 'info', 'whitelist'}})"))
        log.debug("Listening on %s", ("0.0.0.0", 24441))
    queue = ["4VbQ2m1XyRz9v", "4VbQ2p3KtLz2w", "4VbQ2t0HwNz5x", "4VbQ2x8CqPz7y", "4VbQ31dFmRz3v"]
    senders = [("mail-yw1-f170.google.com", "209.85.128.170"), ("mta-out7.mailchimpapp.net", "198.2.180.7"),
               ("unknown", "185.234.219.66"), ("smtp.partner.example.net", "203.0.113.25")]
    for n in range(8):
        host, addr = senders[n % len(senders)]
        qid = "4VbQ%d%sKz%dq" % (3 + n, "ABCDEFGHJ"[n], n)
        syslog(stream, "postfix/smtpd[%d]" % (2211 + n), "connect from %s[%s]" % (host, addr))
        syslog(stream, "postfix/smtpd[%d]" % (2211 + n), "%s: client=%s[%s]" % (qid, host, addr))
        with pid(1187):
            request("check", [DIGESTS[n % len(DIGESTS)]], "10.30.0.12")
            if n % 3 == 1:
                request("check", [DIGESTS[(n + 2) % len(DIGESTS)]], "10.30.0.12")
        score = [-0.1, 2.4, 9.7, 0.8][n % 4]
        syslog(stream, "spamd[1402]", "spamd: result: %s %2d - %s scantime=0.%d,size=%d,user=debian-spamd,uid=112,"
               "required_score=5.0,rhost=::1,raddr=::1,rport=%d,mid=<%s@%s>,autolearn=no autolearn_force=no"
               % ("Y" if score >= 5 else ".", int(score), "BAYES_00,DKIM_SIGNED,PYZOR_CHECK" if score >= 5 else
                  "BAYES_00,DKIM_SIGNED,DKIM_VALID", 3 + n % 5, 4211 + 97 * n, 40100 + n,
                  hashlib.md5(qid.encode()).hexdigest()[:24], host))
        if score >= 5:
            with pid(1187):
                request("report", [DIGESTS[n % len(DIGESTS)]], "10.30.0.12", user="spamtrap", full=n == 6)
        syslog(stream, "postfix/qmgr[1190]", "%s: from=<bounce-%d@%s>, size=%d, nrcpt=1 (queue active)" % (
            qid, 7730 + n, host, 4211 + 97 * n))
        syslog(stream, "postfix/smtpd[%d]" % (2211 + n), "disconnect from %s[%s] ehlo=2 starttls=1 mail=1 rcpt=1 "
               "data=1 quit=1 commands=7" % (host, addr))
        if n < len(ALERTS):
            # An alert from the monitoring host, through the zeyple filter.
            message_id, rcpts = ALERTS[n]
            sent = zeyple(3300 + 41 * n, message_id, rcpts, relay_down=n == 3)
            relay_q = queue[n]
            for rcpt in rcpts:
                if not sent:
                    # The reinjection port is down (Postfix reloading):
                    # zeyple.py dies with smtplib's traceback on its
                    # stderr, which Postfix's pipe folds into the bounce.
                    syslog(stream, "postfix/pipe[%d]" % (3290 + n), "%s: to=<%s>, relay=zeyple, delay=0.52, "
                           "delays=0.01/0.01/0/0.5, dsn=5.3.0, status=bounced (Command died with status 1: "
                           "\"/usr/local/bin/zeyple.py\". Command output: Traceback (most recent call last):   "
                           "File \"/usr/local/bin/zeyple.py\", line 278, in <module>     "
                           "zeyple.process_message(message, recipients)   File \"/usr/local/bin/zeyple.py\", line "
                           "105, in process_message     self._send_message(out_message, recipient)   File "
                           "\"/usr/local/bin/zeyple.py\", line 262, in _send_message     smtp = "
                           "smtplib.SMTP(self.config.get('relay', 'host'),   File \"/usr/lib/python3.11/smtplib.py\", "
                           "line 255, in __init__     (code, msg) = self.connect(host, port)   File "
                           "\"/usr/lib/python3.11/smtplib.py\", line 341, in connect     self.sock = "
                           "self._get_socket(host, port, self.timeout)   File \"/usr/lib/python3.11/smtplib.py\", "
                           "line 312, in _get_socket     return socket.create_connection((host, port), timeout,   "
                           "File \"/usr/lib/python3.11/socket.py\", line 851, in create_connection     raise "
                           "exceptions[0]   File \"/usr/lib/python3.11/socket.py\", line 836, in create_connection"
                           "     sock.connect(sa) ConnectionRefusedError: [Errno 111] Connection refused )"
                           % (relay_q, rcpt))
                    break
                syslog(stream, "postfix/pipe[%d]" % (3290 + n), "%s: to=<%s>, relay=zeyple, delay=0.4%d, "
                       "delays=0.02/0.01/0/0.38, dsn=2.0.0, status=sent (delivered via zeyple service)"
                       % (relay_q, rcpt, n))
            syslog(stream, "postfix/qmgr[1190]", "%s: removed" % relay_q)
    with pid(1187):
        # SpamAssassin's pyzor plugin probes the server; a whitelist
        # request from an anonymous client is refused.
        request("pong", [DIGESTS[5]], "10.30.0.12")
        request("whitelist", [DIGESTS[2]], "10.30.0.19")

        # The reply to a client behind a broken route cannot be sent:
        # socketserver calls Server.handle_error.
        def finish():
            raise OSError(101, "Network is unreachable")
        request("check", [DIGESTS[1]], "10.30.4.9")
        try:
            finish()
        except OSError:
            log.error("Error while processing request from: %s", ("10.30.4.9", 40212), exc_info=True)
        log.info("SIGUSR1 received. Reloading configuration.")
        log.info("Accounts: %s", "spamtrap,learner")
        log.info("ACL: %r", Shown("defaultdict(<class 'set'>, {'anonymous': {'check', 'report', 'ping', 'pong', "
                                  "'info'}, 'spamtrap': {'check', 'report', 'ping', 'pong', 'info', 'whitelist'}, "
                                  "'learner': {'report', 'whitelist'}})"))
    return {"name": "pyzord-zeyple", "programs": [pz, zy], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A backup host on EC2 (one compose project, Docker's awslogs driver, one
# stream): rdiffweb serves the rdiff-backup repositories the fleet pushes
# over SSH (its root handler on stdout: no log file configured), and a
# nightly github-backup container mirrors the organisation's GitHub
# repositories onto the same volume. github-backup's own stderr lines
# ("git returned 128:" and the command, printed by logging_subprocess) and
# the shell's "+ ..." lines are print lines.

RDW_SRC = "/usr/lib/python3/dist-packages/rdiffweb/"
GH_REPOS = [("infra", 14, 9, 3, True), ("terraform-modules", 6, 11, 12, True), ("runbooks", 3, 0, 0, True),
            ("alerting-rules", 22, 17, 5, True), ("legacy-billing", 0, 0, 0, False), ("ops-dashboards", 8, 2, 1, True)]


class RdiffwebRecord(logging.Filter):
    """rdiffweb's three handler filters (rdiffweb/main.py _setup_logging, as
    written there): remove_cherrypy_date cuts CherryPy's "[date] " (23
    characters) from cherrypy.error messages; add_ip and add_username set
    `ip` and `user` from the request being served ("-" outside one,
    "anonymous" before a login). The request is pinned here."""

    def __init__(self):
        super().__init__()
        self.ip, self.login = None, None

    def filter(self, record):
        if record.name.startswith("cherrypy.error"):
            record.msg = record.msg[23:].strip()
        record.ip = self.ip or "-"
        record.user = (self.login or "anonymous") if self.ip else "-"
        return True


def stream_rdiffweb_github_backup():
    stream = []
    rdw = Program("rdiffweb", "rdiffweb", logging.Formatter(RDIFFWEB), stream)
    gh = Program("github-backup", "github_backup.github_backup", logging.Formatter(GITHUB_BACKUP,
                                                                                   GITHUB_BACKUP_DATEFMT), stream)
    request = RdiffwebRecord()
    thread = ThreadName()
    rdw.handler.addFilter(request)
    rdw.handler.addFilter(thread)
    cp = lg(rdw, "cherrypy.error")
    sched = lg(rdw, "apscheduler.scheduler")
    executor = lg(rdw, "apscheduler.executors.default")
    librdiff = lg(rdw, "rdiffweb.core.librdiff")
    notification = lg(rdw, "rdiffweb.core.notification")
    restore = lg(rdw, "rdiffweb.core.restore")
    user_model = lg(rdw, "rdiffweb.core.model._user")
    quota = lg(rdw, "rdiffweb.core.quota")
    g = lg(gh, "github_backup.github_backup")

    def cplog(msg, context="", severity=logging.INFO, exc_info=None):
        """cherrypy.log (LogManager.error): the date, the context and the
        message joined by spaces, on the cherrypy.error logger."""
        cp.log(severity, " ".join(("[%s]" % now("%d/%b/%Y:%H:%M:%S"), context, msg)), exc_info=exc_info)

    def serving(ip, login=None, worker=None):
        request.ip, request.login = ip, login
        thread.name = worker or "MainThread"

    api = "https://api.github.com"
    token_url = "https://*****:x-oauth-basic@github.com/acme-corp/%s.git"

    def backup_repo(name, issues, pulls_skipped, releases, exists):
        cwd = "/backups/github/repositories/%s" % name
        if exists:
            g.info("Updating {0} in {1}".format(name, cwd + "/repository"))
            g.error(b"From https://github.com/acme-corp/" + name.encode())
            g.error(b"   3f2a1c0..9e8d7b6  main       -> origin/main")
            if name == "infra":
                g.error(b" * [new tag]         v2.14.0    -> v2.14.0")
        else:
            g.info("Cloning {0} repository from {1} to {2}".format(name, token_url % name, cwd + "/repository"))
            g.error(("Cloning into '%s/repository'..." % cwd).encode())
            g.error(b"remote: Repository not found.")
            g.error(("fatal: repository 'https://github.com/acme-corp/%s.git/' not found" % name).encode())
            printed(stream, "git returned 128:")
            printed(stream, "\t git clone https://ghp_0000000000000000000000000000000000000:x-oauth-basic@github.com/"
                            "acme-corp/%s.git %s/repository" % (name, cwd))
            return
        g.info("Retrieving {0} issues".format("acme-corp/" + name))
        for state in ("open", "closed"):
            g.info("Requesting {}".format("%s/repos/acme-corp/%s/issues?per_page=100&filter=all&state=%s"
                                          % (api, name, state)))
        skipped = " (skipped {0} pull requests)".format(pulls_skipped) if pulls_skipped else ""
        g.info("Saving {0} issues to disk{1}".format(issues, skipped))
        for number in range(issues % 4):
            g.info("Skipping issue {0} because it wasn't modified since last backup".format(100 + 7 * number))
        g.info("Retrieving {0} pull requests".format("acme-corp/" + name))
        pulls = "%s/repos/acme-corp/%s/pulls?per_page=100&filter=all&state=%s&sort=updated&direction=desc"
        g.info("Requesting {}".format(pulls % (api, name, "open")))
        if name == "alerting-rules":
            g.warning("HTTP {} ({}), retrying in {:.1f}s (attempt {}/{}) for {}".format(
                502, "Bad Gateway", 1.0, 1, 6, pulls % (api, name, "closed")))
        g.info("Requesting {}".format(pulls % (api, name, "closed")))
        g.info("Saving {0} pull requests to disk".format(pulls_skipped))
        if name == "ops-dashboards":
            g.info(f"Throttling: {97} requests left, pausing {30}s")
        g.info("Retrieving {0} releases".format("acme-corp/" + name))
        g.info("Requesting {}".format("%s/repos/acme-corp/%s/releases?per_page=100" % (api, name)))
        if releases:
            g.info("Saved {0} of {1} releases to disk ({2} unchanged)".format(1, releases, releases - 1))
        else:
            g.info("Saved {0} releases to disk".format(0))

    # rdiffweb starts (cherrypy.quickstart): the engine's and the plugins'
    # bus messages, APScheduler's as the daily jobs are added.
    serving(None)
    cplog("Bus STARTING", "ENGINE")
    cplog("database session plugin started", "ENGINE")
    cplog("Start Scheduler plugin", "ENGINE")
    sched.info("Scheduler started")
    cplog("Start SMTP plugin", "ENGINE")
    cplog("Start LDAP connection", "ENGINE")
    cplog("Start Notification plugin", "ENGINE")
    for job in ("check_latest_job", "notification_job", "report_job"):
        sched.info('Added job "%s" to job store "%s"', "rdiffweb.core.notification:cherrypy.notification." + job,
                   "default")
    cplog("Start Quota plugin", "ENGINE")
    cplog("Start RemoveOlder plugin", "ENGINE")
    sched.info('Added job "%s" to job store "%s"', "rdiffweb.core.remove_older:cherrypy.remove_older."
               "remove_older_job", "default")
    cplog("Start Token Clean Up plugin", "ENGINE")
    sched.info('Added job "%s" to job store "%s"', "rdiffweb.core.model._token:cherrypy.token_cleanup.clean_up",
               "default")
    cplog("Start Activity plugin", "ENGINE")
    cplog("Serving on http://0.0.0.0:8080", "ENGINE")
    cplog("Bus STARTED", "ENGINE")
    printed(stream, "+ github-backup acme-corp --organization --token file:///run/secrets/github_token "
                    "--repositories --issues --pulls --releases --incremental-by-files --throttle-limit 100 "
                    "--throttle-pause 30 -o /backups/github")
    g.info("Backing up user {0} to {1}".format("acme-corp", "/backups/github"))
    g.info("Requesting {}".format(api + "/user"))
    g.info("Retrieving repositories")
    g.info("Requesting {}".format(api + "/orgs/acme-corp/repos?per_page=100"))
    g.info("Requesting {}".format(api + "/orgs/acme-corp/repos?per_page=100&page=2"))
    g.info("Filtering repositories")
    g.info("Backing up repositories")
    logins = [("10.40.2.17", "alice"), ("10.40.2.23", "bob"), ("10.40.3.5", "carol")]
    for i, repo in enumerate(GH_REPOS):
        backup_repo(*repo)
        if i < len(logins):
            # A user logs in to rdiffweb through LDAP.
            ip, who = logins[i]
            serving(ip, worker="CP Server Thread-%d" % (4 + i))
            base = "ou=people,dc=corp,dc=example"
            cplog("search ldap://ldap.corp.internal:389/%s?SUBTREE?(&(objectClass=person)(|(uid=%s)))" % (base, who),
                  "LDAP")
            cplog("lookup successful username=%s" % who, "LDAP")
            cplog("group check start username=uid=%s,%s required_groups=backup-users" % (who, base), "LDAP")
            cplog("search ldap://ldap.corp.internal:389/%s?SUBTREE?(&(member=uid=%s,%s)(|(cn=backup-users)))"
                  % (base, who, base), "LDAP")
            notification.info(f"User {who} login to web application")
            serving(None)
        if i == 1:
            # Someone tries passwords for "admin" from outside: the rate
            # limit blocks the sixth try.
            serving("198.51.100.77", worker="CP Server Thread-9")
            for _ in range(6):
                cplog("search ldap://ldap.corp.internal:389/ou=people,dc=corp,dc=example?SUBTREE?"
                      "(&(objectClass=person)(|(uid=admin)))", "LDAP")
                cplog("lookup failed username=admin reason=not_found", "LDAP")
                cplog("authentication failed login=admin ip=198.51.100.77 reason=wrong_credentials", "AUTH",
                      logging.WARNING)
            cplog("block access to path_info=/login/", "TOOLS.RATELIMIT")
            serving(None)
        if i == 2:
            # alice deletes a folder from a repository's history: a job
            # for the scheduler's thread pool.
            serving("10.40.2.17", "alice", "CP Server Thread-4")
            sched.info('Added job "%s" to job store "%s"', "delete_repo_path", "default")
            run_at = now("%Y-%m-%d %H:%M:%S")
            serving(None, worker="ThreadPoolExecutor-0_0")
            job = "delete_repo_path (trigger: date[%s UTC], next run at: %s UTC)" % (run_at, run_at)
            executor.info('Running job "%s" (scheduled at %s)', job, "%s.%06d+00:00" % (run_at, 512345))
            cmd = [b"/usr/bin/rdiff-backup-delete", b"/backups/rdiff/alice/laptop/home/alice/.cache"]
            librdiff.info("executing: %r" % cmd)
            executor.info('Job "%s" executed successfully', job)
            serving(None)
        if i == 3:
            # bob downloads a folder as a zip and cancels: the forked
            # child that writes the archive logs the broken pipe, then the
            # parent its exit status (CUST_EXIT_CODE).
            serving("10.40.2.23", "bob", "CP Server Thread-5")
            try:
                def write_archive():
                    raise BrokenPipeError(32, "Broken pipe")
                write_archive()
            except Exception as e:
                with pid(2911):
                    restore.exception(f'restore failed: {e}')
            restore.error(f'rdiff-backup restore return non-zero exit status: {65}')
            serving(None)
    # The LDAP server is restarted while carol adds an SSH key: the bind
    # fails, and the plugin logs the traceback (cherrypy.log traceback=True).
    serving("10.40.3.5", "carol", "CP Server Thread-6")
    user_model.info("add key [%s] to [%s] database", "SHA256:3nA0c3bQx1r9Zk4W2yL7vT6uJ8pH5sD0fG1eK2mN4oQ", "carol")
    notification.info(f"A new SSH key {'4e:1a:9c:02:77:3b:5d:e8:0f:a4:21:c6:93:7b:58:d0'} has been added for the "
                      f"user {'carol'}")
    quota.info("set user [%s] quota [%s]", "carol", 536870912000)
    serving("10.40.2.31", worker="CP Server Thread-7")
    cplog("search ldap://ldap.corp.internal:389/ou=people,dc=corp,dc=example?SUBTREE?(&(objectClass=person)"
          "(|(uid=dave)))", "LDAP")
    try:
        def bind():
            def open_socket():
                raised("ldap3.core.exceptions", "LDAPSocketOpenError", "socket connection error while opening: "
                       "[Errno 111] Connection refused")
            open_socket()
        bind()
    except Exception:
        cplog("unexpected error username=dave", "LDAP", logging.ERROR, exc_info=sys.exc_info())
    cplog("authentication failed login=dave ip=10.40.2.31 reason=wrong_credentials", "AUTH", logging.WARNING)
    serving(None)
    printed(stream, "+ echo 'github-backup done'")
    printed(stream, "github-backup done")
    return {"name": "rdiffweb-github-backup", "programs": [rdw, gh], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_ztpserver_nipap(), stream_pyzord_zeyple(), stream_rdiffweb_github_backup()])


if __name__ == "__main__":
    main()
