r"""The twenty-fourth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout23.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in areas the earlier sets did not cover (VoIP and SIP, where Wazo
Platform's wazo-agid answers Asterisk's FastAGI requests while a nightly
call check drives SIPp through pysipp; DNS and firewall tooling, where
Facebook's doh-proxy serves DNS over HTTPS behind a load balancer on a host
whose SSH port DenyHosts guards with iptables; identity and chat bots,
where LdapCherry is an OpenLDAP directory's self-service portal beside the
matrix-reminder-bot an IT team's Matrix rooms use), each format copied
from the file named beside it (the version read is given), with the
formatter class and the filter the program uses, and messages modelled on
the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout24

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at bc7d6b3 (session 20's rules from heldout9 to
heldout23 in), before any rule saw it: 2311 records (65 joined under a
burst), 73.3% exact, 73.3% with the key fields right (asctime 81.9%,
levelname 99.9%, name 81.9%, message 73.3%, exc_info 100.0%).

Formatters and filters: all six programs use logging.Formatter itself
(basicConfig's for pysipp and doh-proxy) and no filter; this file's only
filters pin standard attributes: wazo-agid's process and thread ids (each
FastAGI request runs in a thread of its own, and the daemon restarts with a
new pid) and the thread names pysipp prints (`heldout17.py`'s ThreadName).
594 records in three streams.

wazo-agid's format (xivo-lib-python at wazo-26.07) prints "[pid N] [tid
N]" and the level and the logger's name each in parentheses, and its
datefmt ends with "%Z": "2024-05-11 14:44:44 UTC", no milliseconds. Its
excepthook logs an uncaught exception as a CRITICAL record of the root
logger whose message is the exception itself: psycopg2's, two lines per
address tried with a tab before the second, ending with a line break,
then the traceback. pysipp's format (basicConfig with the default time:
the DATE_FORMAT beside it is never passed) prints the thread's name
("MainThread", or its waiter's "Thread-3 (_wait)", Python 3.10's name for a
thread with a target), the level in brackets, "file.py:line" and " : "
before the message; its messages are built with str.format and hold line
breaks: 'launching cmd:\n"..."\n' ends with one, the SIPp stderr it dumps
is a bytes object's repr (b"...\t...\n", escapes in one line) followed by
a line break, and the screen file's contents span lines.
doh-httpproxy's format has no time when stdout is no TTY: the logger's
name glued to the level by a slash ("doh-httpproxy/INFO: "); a late
upstream answer ends with "10037ms(CANCELLED)", glued; aiohttp's
"Error handling request" (logger aiohttp.server) reaches the same root
handler with a traceback. DenyHosts pads the logger's name to twelve
("denyfileutil" and "loginattempt" fill it, so the colon follows at once)
and the level to eight; its settings dump writes one record per setting,
each message starting with three spaces ("   DAEMON_SLEEP: [30]"), one
setting's value being its own log format; "  eg.  kill -TERM 2231" starts
with two; a failed purge is logged with logger.exception(e) on the root
logger (the exception as the message). LdapCherry's two stdout formats
start with literal text and print neither a time nor a name
("ldapcherry.app    - INFO - ", "ldapcherry.access - INFO - "): CherryPy's
log.error puts its own "[11/May/2024:14:44:55]" time before every
message, joined with a space to the context ("ENGINE") and another to the
message, so messages without a context have two spaces after the time,
and the traceback record exception_decorator writes at DEBUG has a message
of the time and two spaces alone, the traceback after; the access lines
are Apache's combined format with an empty referer ("") on the first
request. matrix-reminder-bot prints " | " between the time and the
logger's name and the level in brackets after it; APScheduler's records
("apscheduler.scheduler", "apscheduler.executors.default") reach the same
root handler, a decryption failure is one ERROR message with two blank
lines in it, and a CommandError is logged with logger.exception.

Print lines: systemd's lines about wazo-agid and the check in the journal,
the call check's own lines (its script is this set's, not a program's:
"+ ..." and "callcheck: extension 2001 OK") and the pysipp TimeoutError the
interpreter prints when the last call never ends; aiohttp's run_app banner
(two lines) and the traceback of a doh-httpproxy start that finds port 80
taken; OpenLDAP's slapd lines in the LdapCherry host's stream ("663f8468
conn=1000 fd=14 ACCEPT from ...", its container running slapd -d 256).

The messages are modelled on the programs' source, not copied line by
line: the format strings of the log calls are the programs' (read at the
commits cited beside the formats; wazo-agid's at 18606796, xivo's token
renewer at wazo-26.07; CherryPy's LogManager.error, access and engine
messages at cherrypy/cherrypy 1f75bc9e; APScheduler 3's messages as seen
in copies of its base.py files through the code index, not at a release),
but the values are made up: numbers, caller ids, extensions, UUIDs,
addresses, domain names, users and their attributes, DenyHosts' settings
(a sample of its sorted dump, not all of it), the dicts pysipp prints (its
OrderedDict reprs are Python 3.11's), SIPp's stderr and screen text,
libpq's and python-ldap's error texts, the dialplan's unknown handler
("incoming_user_set_features_legacy") and the event and room ids.
matrix-nio's own records are not in the sample.

Left out: heisenbridge (hifi/heisenbridge 1585bfa heisenbridge/__main__.py:
logging.basicConfig(stream=sys.stdout, level=...), BASIC_FORMAT: covered),
dnsrobocert (adferrand/dnsrobocert aee5b61: coloredlogs.install() on each
module's logger; coloredlogs is not installed here, as Dagster's in
`heldout3.py`), opensips-cli (OpenSIPS/opensips-cli opensipscli/logger.py:
its ColoredFormatter wraps the level in ANSI codes,
"$BOLD%(levelname)s$RESET: %(message)s", as LMDeploy's in `heldout8.py`),
wazo-calld and Wazo's other daemons (the same xivo_logging format as
wazo-agid), xivo-lib-python's other formats (before wazo-26.07,
"%(asctime)s [%(process)d] (%(levelname)s) (%(name)s): %(message)s" with
the default time; from wazo-26.08, the same format as here through a
_Formatter whose formatTime prints "%Y-%m-%d %H:%M:%S,mmm %Z": both kept
for a later set), doh-proxy's TTY format ("%(asctime)s: " before this
one), SIPVicious (its source was not read in the time given) and the chat
bots of earlier sets (Errbot, opsdroid, Limnoria, maubot, mautrix-telegram,
mmpy_bot, Zulip, Synapse; Sopel and discord.py in their Left out). No
VPN program was read in the time given (none was guessed).
"""

import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# wazo-agid (wazo-platform/wazo-agid, 18606796) through xivo-lib-python's
# xivo/xivo_logging.py setup_logging (wazo-platform/xivo-lib-python at tag
# wazo-26.07, a4beb8c1): DEFAULT_LOG_FORMAT and DEFAULT_LOG_DATEFMT, one
# logging.Formatter on the root logger's three handlers (the log file
# /var/log/wazo-agid.log, stdout below ERROR, stderr from ERROR).
WAZO = "%(asctime)s [pid %(process)d] [tid %(thread)d] (%(levelname)s) (%(name)s): %(message)s"
WAZO_DATEFMT = "%Y-%m-%d %H:%M:%S %Z"
# pysipp (SIPp/pysipp, 1e7954d8), pysipp/utils.py LOG_FORMAT, through
# log_to_stderr()'s logging.basicConfig(format=LOG_FORMAT, level=...): the
# DATE_FORMAT beside it ("%b %d %H:%M:%S") is never passed, so the time is
# Python's default.
PYSIPP = "%(asctime)s %(threadName)s [%(levelname)s] %(name)s %(filename)s:%(lineno)d : %(message)s"

# doh-proxy's doh-httpproxy (facebookexperimental/doh-proxy, 5264803a,
# v0.0.9), dohproxy/utils.py configure_logger: logging.basicConfig on the
# root logger with this format when stdout is no TTY (a service manager's);
# on a TTY it prepends "%(asctime)s: ".
DOH = "%(name)s/%(levelname)s: %(message)s"
# DenyHosts (denyhosts/denyhosts, 3227341c, 3.1.2), DenyHosts/prefs.py's
# default DAEMON_LOG_MESSAGE_FORMAT and DAEMON_LOG_TIME_FORMAT (None), the
# logging.Formatter of util.setup_logging's RotatingFileHandler on the root
# logger (DAEMON_LOG, /var/log/denyhosts).
DENYHOSTS = "%(asctime)s - %(name)-12s: %(levelname)-8s %(message)s"

# LdapCherry (kakwa/ldapcherry, 662e09ec, 1.1.1), ldapcherry/__init__.py
# LdapCherry._set_error_log and _set_access_log with log.error_handler and
# log.access_handler = 'stdout' (conf/ldapcherry.ini's "configuration to log
# to stdout"): a StreamHandler(sys.stdout) with these formatters replaces
# the handlers of CherryPy's cherrypy.error and cherrypy.access loggers.
LDAPCHERRY_APP = "ldapcherry.app    - %(levelname)s - %(message)s"
LDAPCHERRY_ACCESS = "ldapcherry.access - %(levelname)s - %(message)s"
# matrix-reminder-bot (anoadragon453/matrix-reminder-bot, 24088cf4,
# 0.4.0), matrix_reminder_bot/config.py Config.read_config: one
# logging.Formatter on the root logger's StreamHandler(sys.stdout)
# (logging.console_logging.enabled, the default).
REMINDER = "%(asctime)s | %(name)s [%(levelname)s] %(message)s"


class WazoIds(logging.Filter):
    """The process and the thread wazo-agid logs from, pinned (standard
    attributes): its FastAGI server is a ThreadingTCPServer, one thread per
    AGI request, and each restart a new process."""

    def __init__(self):
        super().__init__()
        self.process, self.thread = 0, 0

    def filter(self, record):
        record.process, record.thread = self.process, self.thread
        return True


# --------------------------------------------------------------------------
# A VoIP staging host on EC2 (its journal, shipped by a journald forwarder
# that writes each entry's MESSAGE): Wazo Platform's wazo-agid answers
# Asterisk's FastAGI requests (debug: true in conf.d), and a nightly call
# check, a systemd service on the same host, drives SIPp's built-in UAC
# through pysipp against the PBX (pysipp.utils.log_to_stderr("DEBUG"), as
# its README shows). systemd's lines and the check's own shell lines are
# print lines; the check ends with the TimeoutError the interpreter prints
# when its last call never ends (pysipp stops SIPp with SIGUSR1).

HANDLERS = sorted([
    "agent_get_options", "agent_get_status", "agent_login", "agent_logoff", "call_recording", "record_caller",
    "start_mix_monitor", "record_answered", "callback", "callerid_extend", "callerid_forphones", "callfilter",
    "check_diversion", "check_schedule", "check_vmbox_password", "format_and_set_outgoing_caller_id", "fwdundoall",
    "get_user_interfaces", "getring", "group_answered_call", "group_member_remove", "group_member_add",
    "group_member_present", "handle_fax", "ignore_b_option", "in_callerid", "incoming_agent_set_features",
    "incoming_conference_set_features", "incoming_did_set_features", "incoming_group_set_features",
    "incoming_queue_set_features", "holdtime_announce", "incoming_user_set_features", "linear_group_check_timeout",
    "linear_group_get_interfaces", "meeting_user", "monitoring", "outgoing_user_set_features", "paging",
    "phone_get_features", "phone_progfunckey", "phone_progfunckey_devstate", "phone_set_feature", "provision",
    "queue_answered_call", "queue_skill_rule_set", "screen_blocklist", "pre_subroutine_compat",
    "post_subroutine_compat", "switchboard_set_features", "user_get_vmbox", "user_set_call_rights", "vmbox_get_info",
    "wake_mobile",
])
PYSIPP_SRC = "/opt/callcheck/venv/lib/python3.11/site-packages/pysipp/"
# (extension dialled, caller id, the directory's name for it or None, group id or None)
CALLS = [("2001", "+33172345601", "Support desk", None), ("2002", "+14155550142", None, None),
         ("2100", "+33172345688", "Orange Business", 3), ("2003", "0612345678", None, None),
         ("2004", "+442079460011", "Acme Ltd (London)", None), ("2101", "+33172345601", "Support desk", 4),
         ("2099", "+33972345610", None, None)]
PBX, CHECKER = "10.0.1.10", "10.0.1.20"
MAIN_TID = 140246719948672
TENANT = "3c2f7a51-9e34-4b6e-8d0a-51b9f2e6c7d4"


def sipp_cmd(ext, port):
    return ("'/usr/bin/sipp' -i '%s' -p '%d' -s '%s' -sn 'uac' -recv_timeout '5000' -r '1' -l '1' -m '1' "
            "-log_file '/tmp/uac_log_file' -screen_file '/tmp/uac_screen_file' -trace_logs -trace_screen '%s':'5060'"
            % (CHECKER, port, ext, PBX))


def sipp_popen(ext, port, rc="None"):
    args = ["/usr/bin/sipp", "-i", CHECKER, "-p", str(port), "-s", ext, "-sn", "uac", "-recv_timeout", "5000", "-r",
            "1", "-l", "1", "-m", "1", "-log_file", "/tmp/uac_log_file", "-screen_file", "/tmp/uac_screen_file",
            "-trace_logs", "-trace_screen", PBX + ":5060"]
    return "<Popen: returncode: %s args: %r>" % (rc, args)


def stream_wazo_pysipp():
    stream = []
    wz = Program("wazo-agid", "wazo_agid.agid", logging.Formatter(WAZO, WAZO_DATEFMT), stream)
    ps = Program("pysipp", "pysipp", logging.Formatter(PYSIPP), stream)
    ids = WazoIds()
    wz.handler.addFilter(ids)
    thread = ThreadName()
    ps.handler.addFilter(thread)
    agid = lg(wz, "wazo_agid.agid")
    token = lg(wz, "xivo.token_renewer")
    userf = lg(wz, "wazo_agid.handlers.userfeatures")
    cidf = lg(wz, "wazo_agid.modules.callerid_forphones")
    linear = lg(wz, "wazo_agid.modules.linear_group_get_interfaces")
    recording = lg(wz, "wazo_agid.handlers.handler")
    root = lg(wz, "root")
    sipp = lg(ps, "pysipp")

    def sp(level, module, line, func, msg, exc=None):
        at(sipp, level, PYSIPP_SRC + module + ".py", line, func, msg, exc=exc)

    def start(process):
        ids.process, ids.thread = process, MAIN_TID
        agid.info("wazo-agid starting...")
        agid.debug("listen_addr: %s", "127.0.0.1")
        agid.debug("listen_port: %d", 4573)
        agid.debug("listen_backlog: %d", 128)

    # The first start after a reboot: PostgreSQL is not up, and after sixty
    # tries AGID.setup gives up; xivo_logging's excepthook logs the
    # exception itself as a CRITICAL message of the root logger.
    printed(stream, "Started wazo-agid.service - wazo-agid server.")
    ids.process, ids.thread = 612, MAIN_TID
    token.debug('Creating token for "%s" with expiration %s', "wazo-agid", 21600)
    ids.thread = MAIN_TID + 9 * 4096 * 256
    token.debug("Creating token with wazo-auth failed: %s",
                "HTTPConnectionPool(host='localhost', port=9497): Max retries exceeded with url: /0.1/token (Caused by "
                "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f8d2c1b5e50>: "
                "Failed to establish a "
                "new connection: [Errno 111] Connection refused'))")
    token.warning("Creating token with wazo-auth failed (%s). Retrying in %s seconds...", "", 1)
    start(612)
    agid.error("Connecting to database timed out. Giving up.")

    def init():
        def agid_init():
            def setup():
                raised("psycopg2", "OperationalError",
                       'connection to server at "localhost" (::1), port 5432 failed: Connection refused\n'
                       "\tIs the server running on that host and accepting TCP/IP connections?\n"
                       'connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n'
                       "\tIs the server running on that host and accepting TCP/IP connections?\n")
            setup()
        agid_init()
    try:
        init()
    except Exception as e:
        root.critical(e, exc_info=sys.exc_info())
    printed(stream, "wazo-agid.service: Main process exited, code=exited, status=1/FAILURE")
    printed(stream, "wazo-agid.service: Failed with result 'exit-code'.")
    printed(stream, "wazo-agid.service: Scheduled restart job, restart counter is at 1.")
    printed(stream, "Started wazo-agid.service - wazo-agid server.")
    ids.process = 1187
    token.debug('Creating token for "%s" with expiration %s', "wazo-agid", 21600)
    start(1187)
    agid.debug("list of handlers: %s", ", ".join(HANDLERS))

    request_tid = [MAIN_TID + 61 * 4096 * 256]

    def request(name, body):
        """One FastAGI request, in a thread of its own."""
        request_tid[0] += 4096 * 256 * 3
        ids.thread = request_tid[0] % (1 << 47)
        agid.debug("handling request")
        agid.debug("delegating request handling %r", name)
        if body() is not False:
            agid.debug("request successfully handled")

    def prepare(ext, port):
        """Scenario.prepare_agent's records for the one UAC."""
        for dname, defs in (("defaults", "OrderedDict([('recv_timeout', 5000), ('call_count', 1), ('rate', 1), "
                                         "('limit', 1), ('logdir', '/tmp'), ('key_vals', {}), ('global_vars', {})])"),
                            ("clientdefaults", "OrderedDict([('key_vals', {}), ('global_vars', {}), "
                                               "('proxyaddr', None)])"),
                            ("agent.todict()", "{'bin_path': '/usr/bin/sipp', 'local_host': '%s', 'local_port': %d, "
                                               "'uri_username': '%s', 'scen_name': 'uac', 'remote_host': '%s', "
                                               "'remote_port': 5060}" % (CHECKER, port, ext, PBX))):
            sp(logging.DEBUG, "agent", 407, "prepare_agent", "{} '{}' contents:\n{}".format("uac", dname, defs))
        sp(logging.DEBUG, "agent", 410, "prepare_agent", "{} merged contents:\n{}".format(
            "uac", "OrderedDict([('recv_timeout', 5000), ('call_count', 1), ('rate', 1), ('limit', 1), ('logdir', "
                   "'/tmp'), ('key_vals', {}), ('global_vars', {}), ('proxyaddr', None), "
                   "('bin_path', '/usr/bin/sipp'), "
                   "('local_host', '%s'), ('local_port', %d), ('uri_username', '%s'), ('scen_name', 'uac'), "
                   "('remote_host', '%s'), ('remote_port', 5060)])" % (CHECKER, port, ext, PBX)))

    printed(stream, "Starting callcheck.service - Nightly SIP call-path check...")
    printed(stream, "+ /opt/callcheck/venv/bin/python /opt/callcheck/check.py --pbx %s" % PBX)
    for n, (ext, caller, found, group) in enumerate(CALLS):
        port = 5070 + n
        thread.name = "MainThread"
        prepare(ext, port)
        sp(logging.DEBUG, "launch", 65, "__call__", 'launching cmd:\n"{}"\n'.format(sipp_cmd(ext, port)))
        sipp_pid = 20411 + 7 * n
        sp(logging.DEBUG, "launch", 68, "__call__", "registering fd '{}' for pid '{}'".format(7, sipp_pid))
        thread.name = "Thread-%d (_wait)" % (n + 1)
        sp(logging.DEBUG, "launch", 83, "_wait", "started waiter for procs {}".format(
            "OrderedDict([(7, %s)])" % sipp_popen(ext, port)))
        # Asterisk runs the dialplan: wazo-agid's handlers for the call.
        unknown = ext == "2099"

        def did():
            return None

        def callerid():
            cidf.debug("Resolving caller ID: incoming caller ID=%s %s", caller, caller)
            if n == 3:
                cidf.info("Reverse lookup failed: %s",
                          "HTTPSConnectionPool(host='localhost', port=9489): Read timed out. (read timeout=1)")
                return None
            response = {"data": {"user": {"contacts": {"edges": [{"node": {"wazoReverse": found}}] if found else []}}}}
            cidf.debug("reverse lookup response: %s", response)
            if found:
                cidf.debug('Found caller ID from reverse lookup: "%s"<%s>', found, caller)
            return None

        def user():
            if unknown:
                agid.info("invalid request, dial plan broken")
                return False
            if group is not None:
                return None
            userf.debug("Ignoring call filter: Not a call filter boss")
            if ext == "2004":
                recording.error("Error enabling call recording: %s",
                                "404 Client Error: Not Found for url: https://localhost:9500/1.0/calls/"
                                "1715438731.%d/record/start" % (40 + n))
            return None

        def members():
            linear.info("Computing member interfaces for group (id=%s)", group)
            names = {3: ("sales", 4), 4: ("support", 3)}[group]
            linear.debug("group %s(id=%s) has %d members", names[0], group, names[1])
            for m in range(names[1]):
                if m == 1:
                    linear.debug("group member (user_uuid=%s) is in DND, skipping",
                                 "8a4f1c2e-%04x-4d7b-9e21-5c3b7a9d0e1f" % (group * 16 + m))
                    continue
                if m == 2 and n % 2:
                    linear.info("ring in use is disabled for group %s, and extension %s is not available(state %s), "
                                "excluding it from linear group dialing", names[0],
                                "1f6e2d3c-%04x-4a5b-8c7d-9e0f1a2b3c4d@usersharedlines" % (group * 16 + m), "INUSE")
            linear.debug("Identified %d available member interfaces", names[1] - 1 - (1 if n % 2 else 0))
            return None

        request("incoming_did_set_features", did)
        request("callerid_forphones", callerid)
        if unknown:
            # A dialplan written for an older release asks for a handler
            # this one no longer registers.
            request_tid[0] += 4096 * 256 * 3
            ids.thread = request_tid[0] % (1 << 47)
            agid.debug("handling request")
            agid.debug("delegating request handling %r", "incoming_user_set_features_legacy")

            def handle():
                def lookup(handlers, name):
                    return handlers[name]
                lookup({}, "incoming_user_set_features_legacy")
            try:
                handle()
            except KeyError:
                agid.exception("unexpected exception")
        elif group is not None:
            request("incoming_group_set_features", user)
            request("linear_group_get_interfaces", members)
        else:
            request("incoming_user_set_features", user)
        thread.name = "Thread-%d (_wait)" % (n + 1)
        sp(logging.DEBUG, "launch", 89, "_wait", "received hangup for pairs '{}'".format([(7, 16)]))
        sp(logging.DEBUG, "launch", 94, "_wait", "collecting streams for {}".format(sipp_popen(ext, port)))
        sp(logging.DEBUG, "launch", 100, "_wait", "terminating waiter thread")
        thread.name = "MainThread"
        if unknown:
            # SIPp's error and screen output, which pysipp's report logs
            # (its stderr as Popen.communicate() gives it: bytes).
            sp(logging.WARNING, "report", 53, "emit_logfiles", "stderr for '{}' @ {}\n{}\n".format(
                "uac", (CHECKER, port),
                ("%s\t%s.%06d\t%.6f: Aborting call on unexpected message for Call-Id '1-%d@%s': while expecting "
                 "'180' (index 1), received 'SIP/2.0 404 Not Found\n" % (
                     now("%Y-%m-%d"), now("%H:%M:%S"), 512233, realworld.CLOCK.t, sipp_pid, CHECKER)).encode()))
            screen = ("------------------------------ Scenario Screen -------- [1-9]: Change Screen --\n"
                      "  Call rate (length)   Port   Total-time  Total-calls  Remote-host\n"
                      "   1.0(0 ms)/1.000s   %d       0.08 s            1  %s:5060(UDP)\n\n"
                      "  Call limit reached (-m 1), 0.084 s period  0 ms scheduler resolution\n"
                      "  0 calls (limit 1)                      Peak was 1 calls, after 0 s\n"
                      "  0 Running, 2 Paused, 0 Woken up\n"
                      "  0 dead call msg (discarded)            0 out-of-call msg (discarded)\n"
                      "  1 open sockets\n" % (port, PBX))
            sp(logging.WARNING, "report", 79, "emit_logfiles", "'{}' contents for '{}' @ {}:\n{}".format(
                "screen_file", "uac", (CHECKER, port), screen))
            printed(stream, "callcheck: extension %s FAILED, continuing" % ext)
        else:
            printed(stream, "callcheck: extension %s OK" % ext)
    # The last call times out: pysipp stops SIPp with SIGUSR1 and the check
    # exits with the failure.
    thread.name = "MainThread"
    port = 5090
    prepare("2199", port)
    sp(logging.DEBUG, "launch", 65, "__call__", 'launching cmd:\n"{}"\n'.format(sipp_cmd("2199", port)))
    sp(logging.DEBUG, "launch", 68, "__call__", "registering fd '{}' for pid '{}'".format(7, 20544))
    thread.name = "Thread-%d (_wait)" % (len(CALLS) + 1)
    sp(logging.DEBUG, "launch", 83, "_wait", "started waiter for procs {}".format(
        "OrderedDict([(7, %s)])" % sipp_popen("2199", port)))
    thread.name = "MainThread"
    sp(logging.WARNING, "launch", 145, "_signalall", "sent signal '{}' to cmd '{}' with pid '{}'".format(
        10, sipp_cmd("2199", port), 20544))
    thread.name = "Thread-%d (_wait)" % (len(CALLS) + 1)
    sp(logging.DEBUG, "launch", 89, "_wait", "received hangup for pairs '{}'".format([(7, 16)]))
    sp(logging.DEBUG, "launch", 94, "_wait", "collecting streams for {}".format(sipp_popen("2199", port)))
    sp(logging.DEBUG, "launch", 100, "_wait", "terminating waiter thread")

    thread.name = "MainThread"
    sp(logging.WARNING, "report", 53, "emit_logfiles", "stderr for '{}' @ {}\n{}\n".format("uac", (CHECKER, port), b""))
    sp(logging.WARNING, "report", 79, "emit_logfiles", "'{}' contents for '{}' @ {}:\n{}".format(
        "screen_file", "uac", (CHECKER, port),
        "------------------------------ Scenario Screen -------- [1-9]: Change Screen --\n"
        "  Call rate (length)   Port   Total-time  Total-calls  Remote-host\n"
        "   1.0(0 ms)/1.000s   %d      30.01 s            1  %s:5060(UDP)\n\n"
        "  Call limit reached (-m 1), 1.000 s period  0 ms scheduler resolution\n"
        "  1 calls (limit 1)                      Peak was 1 calls, after 0 s\n"
        "  0 Running, 1 Paused, 0 Woken up\n" % (port, PBX)))

    def check():
        def run_protocol():
            def get():
                raised("pysipp.launch", "TimeoutError", "pids '[20544]' failed to complete after '30' seconds")
            get()
        run_protocol()
    uncaught(stream, check)
    printed(stream, "callcheck.service: Main process exited, code=exited, status=1/FAILURE")
    printed(stream, "callcheck.service: Failed with result 'exit-code'.")
    printed(stream, "Failed to start callcheck.service - Nightly SIP call-path check.")
    return {"name": "wazo-pysipp", "programs": [wz, ps], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A DNS-over-HTTPS resolver on EC2 behind an Application Load Balancer: the
# doh-httpproxy service (plain HTTP on port 80, --listen-address 0.0.0.0,
# the default --level DEBUG) forwards to Unbound on the same host, whose SSH
# port DenyHosts guards with iptables. The CloudWatch agent ships
# /var/log/denyhosts and doh-httpproxy's output file (systemd's
# StandardOutput=append:) into one stream. aiohttp's run_app banner and the
# traceback of a start that finds the port taken are print lines.

QUERIES = [("www.example.com.", "A", "NOERROR", 2), ("example.org.", "AAAA", "NOERROR", 1),
           ("api.github.com.", "A", "NOERROR", 1), ("nonexistent.example.net.", "A", "NXDOMAIN", 0),
           ("_dmarc.example.com.", "TXT", "NOERROR", 1), ("cdn.jsdelivr.net.", "HTTPS", "NOERROR", 1),
           ("login.microsoftonline.com.", "A", "NOERROR", 5), ("s3.eu-west-1.amazonaws.com.", "A", "NOERROR", 8),
           ("mail.example.com.", "MX", "NOERROR", 2), ("detectportal.firefox.com.", "A", "NOERROR", 4)]
ALB = ["10.0.2.41", "10.0.3.118"]
CLIENTS = ["198.51.100.7", "203.0.113.24", "192.0.2.201", "198.51.100.64"]
ATTACKERS = ["45.148.10.174", "218.92.0.112", "61.177.172.140", "185.224.128.43", "141.98.11.90"]
PREFS = [("ADMIN_EMAIL", "root@localhost"), ("AGE_RESET_INVALID", 864000), ("AGE_RESET_ROOT", 2160000),
         ("AGE_RESET_VALID", 432000), ("ALLOWED_HOSTS_HOSTNAME_LOOKUP", "NO"),
         ("BLOCKPORT", None), ("BLOCK_SERVICE", "sshd"), ("DAEMON_LOG", "/var/log/denyhosts"),
         ("DAEMON_LOG_MESSAGE_FORMAT", "%(asctime)s - %(name)-12s: %(levelname)-8s %(message)s"),
         ("DAEMON_LOG_TIME_FORMAT", None), ("DAEMON_PURGE", 3600), ("DAEMON_SLEEP", 30), ("DENY_THRESHOLD_INVALID", 5),
         ("DENY_THRESHOLD_ROOT", 1), ("DENY_THRESHOLD_VALID", 10),
         ("ETC_DIR", "/etc"), ("HOSTNAME_LOOKUP", "NO"),
         ("HOSTS_DENY", "/etc/hosts.deny"), ("IPTABLES", "/sbin/iptables"), ("LOCK_FILE", "/run/denyhosts.pid"),
         ("PURGE_DENY", 604800), ("SECURE_LOG", "/var/log/auth.log"),
         ("SMTP_PASSWORD", None), ("SMTP_USERNAME", None), ("SYNC_INTERVAL", 3600),
         ("SYNC_SERVER", None), ("SYNC_UPLOAD", "no"), ("USERDEF_FAILED_ENTRY_REGEX", None),
         ("WORK_DIR", "/var/lib/denyhosts")]


def stream_doh_denyhosts():
    stream = []
    doh = Program("doh-httpproxy", "doh-httpproxy", logging.Formatter(DOH), stream)
    dh = Program("denyhosts", "denyhosts", logging.Formatter(DENYHOSTS), stream)
    proxy = lg(doh, "doh-httpproxy")
    server = lg(doh, "aiohttp.server")
    deny = lg(dh, "denyhosts")
    prefs = lg(dh, "prefs")
    fw = lg(dh, "firewalls")
    dfu = lg(dh, "denyfileutil")
    attempt = lg(dh, "loginattempt")
    root = lg(dh, "root")

    def denyhosts_start(first):
        deny.info("DenyHosts launched with the following args:")
        deny.info("   %s", "/usr/sbin/denyhosts --daemon --config=/etc/denyhosts.conf")
        prefs.info("DenyHosts configuration settings:")
        for key, value in PREFS:
            if key == "USERDEF_FAILED_ENTRY_REGEX":
                continue
            if key in ("SMTP_PASSWORD", "SMTP_USERNAME"):
                prefs.info("   %s: [%s]", key, value)
                continue
            prefs.info("   %s: [%s]", key, value)
        deny.info("restricted: %s", set())
        deny.info("Processing log file (%s) from offset (%ld)", "/var/log/auth.log", 1843377 if first else 1911604)
        if first:
            block(ATTACKERS[:2])
        deny.info("launching DenyHosts daemon (version %s)..." % "3.1.2.202005311635")
        daemon = 2231 if first else 3017
        deny.info("DenyHost daemon is now running, pid: %s", daemon)
        deny.info("send daemon process a TERM signal to terminate cleanly")
        deny.info("  eg.  kill -TERM %s", daemon)
        deny.info("monitoring log: %s", "/var/log/auth.log")
        deny.info("sync_time: %s", str(3600))
        deny.info("daemon_purge:      %ld", 3600)
        deny.info("daemon_sleep:      %ld", 30)
        deny.info("purge_sleep_ratio: %ld", 3600 / 30)
        deny.info("denyhost synchronization disabled")

    def block(hosts):
        fw.info("Creating new iptable rules for %s ips" % len(hosts))
        for host in hosts:
            fw.info("Creating new firewall rule %s", "/sbin/iptables -I INPUT -s %s -j DROP" % host)
        deny.info("new denied hosts: %s", str(hosts))

    def purge(hosts):
        dfu.info("purging entries older than: %s", time.asctime(time.localtime(int(realworld.CLOCK.t) - 604800)))
        attempt.info("purging_hosts: %s", str(hosts))
        dfu.info("num entries purged: %d", len(hosts))
        fw.info("Removing %s ips from iptables rules" % len(hosts))
        for host in hosts:
            fw.info("Removing ip rule for %s" % host)

    # A package upgrade restarts doh-httpproxy while the old process still
    # holds port 80: the first start dies with the interpreter's traceback.
    def run_app():
        def create_server():
            raise OSError(98, "error while attempting to bind on address ('0.0.0.0', 80): address already in use")
        create_server()
    uncaught(stream, run_app)
    printed(stream, "======== Running on http://0.0.0.0:80 ========")
    printed(stream, "(Press CTRL+C to quit)")
    denyhosts_start(True)

    qid = [40213]

    def lookup(n, client, alb, name, qtype, rcode, answers):
        """One DoH GET: the query in, the UDP query to Unbound and its answer,
        the answer out (dohproxy/httpproxy.py, server_protocol.py)."""
        question = "%s %s IN" % (name, qtype)
        proxy.info("[HTTPS] {} (Original IP: {}) {}".format(alb, client, "%s %s %s" % (question, 0, "RD")))
        qid[0] = (qid[0] * 7919 + 12345) % 65536
        proxy.info("[DNS] {} {}".format(client, "%s %s %s" % (question, qid[0], "RD")))
        if n == 13:
            # Unbound is restarting: the UDP query times out, the late
            # answer arrives after the future was cancelled, and the
            # request gets a SERVFAIL.
            proxy.debug("Request timed out")
            proxy.info("[DNS] {} {} {}ms".format(client, "%s %s %s %d/%d/%d %s/%s/%s %s" % (
                question, qid[0], "QR/RD/RA", answers, 0, 0, 0, 0, 1232, rcode), 10037) + "(CANCELLED)")
            proxy.info("[HTTPS] {} (Original IP: {}) {} {}ms".format(alb, client, "%s %s %s %d/%d/%d %s/%s/%s %s" % (
                question, 0, "QR/RD", 0, 0, 0, 0, 0, 8192, "SERVFAIL"), 10041))
            return
        flags = "QR/TC/RD/RA" if n == 16 else "QR/RD/RA"
        ms = 1 + (n * 7) % 23 if n % 4 else 38 + n
        proxy.info("[DNS] {} {} {}ms".format(client, "%s %s %s %d/%d/%d %s/%s/%s %s" % (
            question, qid[0], flags, answers, 1 if rcode == "NXDOMAIN" else 0, 0, 0, 0, 1232, rcode), ms))
        if n == 16:
            # A truncated answer: the query again over TCP, which Unbound
            # refuses while it restarts; aiohttp logs the handler's error.
            qid[0] = (qid[0] * 7919 + 12345) % 65536
            proxy.info("[DNS] {} {}".format(client, "%s %s %s" % (question, qid[0], "RD")))

            def handler():
                def query_tcp():
                    raise ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 53)")
                query_tcp()
            try:
                handler()
            except ConnectionRefusedError:
                server.exception("Error handling request")
            return
        proxy.info("[HTTPS] {} (Original IP: {}) {} {}ms".format(alb, client, "%s %s %s %d/%d/%d %s/%s/%s %s" % (
            question, 0, flags, answers, 1 if rcode == "NXDOMAIN" else 0, 0, 0, 0, 1232, rcode), ms + 1))

    n = 0
    for rnd in range(4):
        for i in range(5):
            name, qtype, rcode, answers = QUERIES[(rnd * 3 + i) % len(QUERIES)]
            if n == 16:
                name, qtype, rcode, answers = "_443._tcp.example.com.", "TLSA", "NOERROR", 0
            lookup(n, CLIENTS[(n + rnd) % len(CLIENTS)], ALB[n % 2], name, qtype, rcode, answers)
            n += 1
        if rnd == 0:
            block([ATTACKERS[2]])
        elif rnd == 1:
            attempt.info("resetting count for: %s", "10.0.0.15")
            block(ATTACKERS[3:])
        elif rnd == 2:
            purge(["218.92.0.112", "103.145.13.57"])
    # The next purge fails on a full disk; the daemon logs the exception
    # on the root logger and dies, and systemd starts it again.
    dfu.info("purging entries older than: %s", time.asctime(time.localtime(int(realworld.CLOCK.t) - 604800)))

    def sleepandpurge():
        def run_purge():
            def backup():
                raise OSError(28, "No space left on device")
            backup()
        run_purge()
    try:
        sleepandpurge()
    except OSError as e:
        root.exception(e)
    denyhosts_start(False)
    for i in range(2):
        name, qtype, rcode, answers = QUERIES[(i + 5) % len(QUERIES)]
        lookup(30 + i, CLIENTS[i], ALB[i % 2], name, qtype, rcode, answers)
    return {"name": "doh-denyhosts", "programs": [doh, dh], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An IT team's Docker host on EC2 (the awslogs driver, one stream for the
# compose project): LdapCherry, the self-service portal of the company's
# OpenLDAP directory (log.level = 'debug' while a login problem is looked
# into), and the matrix-reminder-bot the team's Matrix rooms use (its
# sample config's INFO level, timezone Europe/Paris). OpenLDAP's slapd
# lines (its container runs it with -d 256) are print lines.

USERS = [("alice", True, "Alice", "Durand"), ("bmartin", False, "Bruno", "Martin"),
         ("cnguyen", False, "Camille", "Nguyen"),
         ("dpatel", False, "Deepa", "Patel"), ("ekowalski", False, "Ewa", "Kowalski")]
BASE = "dc=example,dc=org"
BROWSERS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
            "Safari/537.36", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"]
ROOMS = ["!QzEkLnTgHsRfVbWa:example.org", "!pLmNoKjIhGfEdCbA:example.org", "!xYzWvUtSrQpOnMlK:example.org"]
# The reminders that fire, in the bot's zone (the clock's 14:44 UTC is
# 16:44 CEST): one-off ones (DateTrigger), "every" ones (IntervalTrigger)
# and a cron one, as APScheduler's triggers print themselves, with the time
# each fires at and the next run its job shows by then.
REMINDERS = [("2024-05-11 16:45:00 CEST", "date[2024-05-11 16:45:00 CEST]", "2024-05-11 16:45:00 CEST"),
             ("2024-05-11 16:45:00 CEST", "interval[1 day, 0:00:00]", "2024-05-12 16:45:00 CEST"),
             ("2024-05-11 16:45:30 CEST", "date[2024-05-11 16:45:30 CEST]", "2024-05-11 16:45:30 CEST"),
             ("2024-05-11 16:46:00 CEST", "cron[month='*', day='*', day_of_week='*', hour='16', minute='46']",
              "2024-05-12 16:46:00 CEST"),
             ("2024-05-11 16:46:00 CEST", "interval[7 days, 0:00:00]", "2024-05-18 16:46:00 CEST"),
             ("2024-05-11 16:46:30 CEST", "date[2024-05-11 16:46:30 CEST]", "2024-05-11 16:46:30 CEST"),
             ("2024-05-11 16:47:00 CEST", "date[2024-05-11 16:47:00 CEST]", "2024-05-11 16:47:00 CEST")]


def cp_time():
    """cherrypy._cplogging.LogManager.time(): now in Apache's Common Log
    Format without the zone (datetime.now(), the clock here)."""
    return "[%s]" % now("%d/%b/%Y:%H:%M:%S")


def stream_ldapcherry_reminder():
    stream = []
    app = Program("ldapcherry.app", "cherrypy.error", logging.Formatter(LDAPCHERRY_APP), stream)
    acc = Program("ldapcherry.access", "cherrypy.access", logging.Formatter(LDAPCHERRY_ACCESS), stream)
    bot = Program("matrix-reminder-bot", "matrix_reminder_bot.main", logging.Formatter(REMINDER), stream)
    error_log = lg(app, "cherrypy.error")
    access_log = lg(acc, "cherrypy.access")
    main_log = lg(bot, "matrix_reminder_bot.main")
    storage = lg(bot, "matrix_reminder_bot.storage")
    callbacks = lg(bot, "matrix_reminder_bot.callbacks")
    scheduler = lg(bot, "apscheduler.scheduler")
    executor = lg(bot, "apscheduler.executors.default")

    def cp(level, msg, context="", exc=False):
        """cherrypy.log.error(msg, context, severity, traceback): the time
        and the context joined to the message with spaces."""
        error_log.log(level, " ".join((cp_time(), context, msg)), exc_info=exc)

    def access(ip, user, line, status, size, referer, agent):
        """cherrypy.log.access(): its access_log_format, quotes escaped."""
        atoms = {"h": ip, "l": "-", "u": user or "-", "t": cp_time(), "r": line, "s": status, "b": size or "-",
                 "f": referer, "a": agent}
        access_log.info('{h} {l} {u} {t} "{r}" {s} {b} "{f}" "{a}"'.format(**atoms))

    conn = [1000]

    def slapd(lines):
        stamp = "%08x" % int(realworld.CLOCK.t)
        for line in lines:
            printed(stream, "%s conn=%d %s" % (stamp, conn[0], line))
        conn[0] += 1

    def search(flt, dn, wire=False):
        cp(logging.DEBUG, "%(backend)s: executing search with filter '%(filter)s' in DN '%(dn)s'" % {
            "backend": "ldap", "dn": dn, "filter": flt})
        if wire:
            slapd(["fd=14 ACCEPT from IP=172.18.0.4:%d (IP=0.0.0.0:389)" % (41000 + conn[0] % 997),
                   'op=0 BIND dn="cn=ldapcherry,ou=services,%s" mech=SIMPLE ssf=0' % BASE,
                   'op=1 SRCH base="%s" scope=2 deref=0 filter="%s"' % (dn, flt),
                   "op=1 SEARCH RESULT tag=101 err=0 nentries=1 text=", "fd=14 closed"])

    def roles(user, admin):
        search("(member=uid=%s,ou=People,%s)" % (user, BASE), "ou=group," + BASE)
        groups = ["cn=users,ou=group," + BASE] + (["cn=it-admins,ou=group," + BASE] if admin else [])
        cp(logging.DEBUG, "user '" + user + "' groups: " + str({"ldap": groups}))
        cp(logging.DEBUG, "user '" + user + "' roles: " + str(
            {"roles": ["admin-lv3", "users"] if admin else ["users"], "unusedgroups": {"ldap": []}}))

    # The bot starts first: its stored reminders wait for the scheduler.
    storage.info("Database initialization of type '%s' complete" % "sqlite")
    for _ in REMINDERS[:5]:
        scheduler.info("Adding job tentatively -- it will be properly scheduled when the scheduler starts")
    main_log.info("Logged in as %s" % "@reminders:example.org")
    main_log.info("Startup complete")
    for _ in REMINDERS[:5]:
        scheduler.info('Added job "%s" to job store "%s"', "Reminder._fire", "default")
    scheduler.info("Scheduler started")

    # LdapCherry's reload(), then CherryPy's engine (cli.start).
    cp(logging.DEBUG, "loading templates from dir '%(dir)s'" % {"dir": "/usr/share/ldapcherry/templates/"})
    cp(logging.DEBUG, "loading roles file '%(file)s'" % {"file": "/etc/ldapcherry/roles.yml"})
    cp(logging.DEBUG, "loading attributes file '%(file)s'" % {"file": "/etc/ldapcherry/attributes.yml"})
    cp(logging.DEBUG, "init directories backends")
    cp(logging.INFO, "application started")
    for sig in ("SIGTERM", "SIGHUP", "SIGUSR1"):
        cp(logging.INFO, "Listening for %s." % sig, "ENGINE")
    cp(logging.INFO, "Bus STARTING", "ENGINE")
    cp(logging.INFO, "Serving on %s" % "http://0.0.0.0:8080", "ENGINE")
    cp(logging.INFO, "Bus STARTED", "ENGINE")

    def bot_side(n):
        """What the bot logs meanwhile."""
        at_time, trigger, next_run = REMINDERS[n]
        job = "Reminder._fire (trigger: %s, next run at: %s)" % (trigger, next_run)
        executor.info('Running job "%s" (scheduled at %s)', job, at_time.replace(" CEST", "+02:00"))
        executor.info('Job "%s" executed successfully', job)
        if n in (1, 3, 4):
            # Someone asks for a reminder: the job joins the running scheduler.
            scheduler.info('Added job "%s" to job store "%s"', "Reminder._fire", "default")
        if n == 2:
            callbacks.info("Joined %s" % ROOMS[2])
        if n == 4:
            def process():
                def remind():
                    def parse():
                        raised("matrix_reminder_bot.errors", "CommandError",
                               "The given time '%s' is in the past." % "monday 9am")
                    parse()
                remind()
            try:
                process()
            except Exception:
                callbacks.exception("CommandError while processing command:")
        if n == 5:
            callbacks.error("Failed to decrypt event '%s' in room '%s'!\n\nTip: try using a different device ID in "
                            "your config file and restart.\n\nIf all else fails, delete your store directory and let "
                            "the bot recreate it (your reminders will NOT be deleted, but the bot may respond to "
                            "existing commands a second time)." % ("$Hq2vYt0aP9sLkR3mXw7cEo1uZbNf5gJdVi4TlKyM6A8",
                                                                    ROOMS[1]))
        if n == 6:
            # Synapse restarts: the sync loop loses its connection.
            main_log.warning("Unable to connect to homeserver, retrying in 15s...")
            main_log.warning("Unable to connect to homeserver, retrying in 15s...")
            main_log.info("Logged in as %s" % "@reminders:example.org")
            main_log.info("Startup complete")

    for n, (user, admin, given, sn) in enumerate(USERS + USERS[:2]):
        bot_side(n)
        ip = "10.0.%d.%d" % (1 + n % 3, 20 + 7 * n % 200)
        browser = BROWSERS[n % 2]
        access(ip, None, "GET /signin HTTP/1.1", 200, 2641, "", browser)
        if n == 6:
            # The directory is unreachable for a moment: the backend logs
            # its hint, and exception_decorator logs the error and, at
            # DEBUG, the traceback with an empty message.
            search("(uid=%s)" % user, "ou=people," + BASE)
            cp(logging.ERROR, "Unable to contact ldap server '" + "ldap://openldap:389" +
               "', check 'auth.ldap.uri' and ssl/tls configuration")

            def login():
                def get_user():
                    def bind():
                        raised("ldap", "SERVER_DOWN", str({"result": -1, "desc": "Can't contact LDAP server",
                                                           "errno": 107, "ctrls": [],
                                                           "info": "Transport endpoint is not connected"}))
                    bind()
                get_user()
            try:
                login()
            except Exception as e:
                cp(logging.ERROR, "uncaught exception: [%(e)s]" % {"e": str(e)})
                cp(logging.DEBUG, "", exc=True)
            access(ip, None, "POST /login HTTP/1.1", 500, 1893, "https://accounts.example.org/signin", browser)
            continue
        search("(uid=%s)" % user, "ou=people," + BASE, wire=True)
        if n == 3:
            # A mistyped password: the bind fails, the login page again.
            slapd(["op=0 BIND dn=\"uid=%s,ou=people,%s\" method=128" % (user, BASE),
                   "op=0 RESULT tag=97 err=49 text="])
            cp(logging.WARNING, "login failed for user '%(user)s'" % {"user": user})
            access(ip, None, "POST /login HTTP/1.1", 303, 111, "https://accounts.example.org/signin", browser)
            access(ip, None, "GET /signin HTTP/1.1", 200, 2641, "https://accounts.example.org/signin", browser)
            continue
        roles(user, admin)
        cp(logging.INFO, "login success for user '%(user)s' as %(role)s" % {
            "user": user, "role": "administrator" if admin else "normal user"})
        access(ip, None, "POST /login HTTP/1.1", 303, 87, "https://accounts.example.org/signin", browser)
        access(ip, user, "GET / HTTP/1.1", 200, 5873, "https://accounts.example.org/signin", browser)
        if admin and n == 0:
            # The admin adds a user, who lands in two roles' groups.
            params = {"uid": "fbernard", "givenName": "Fanny", "sn": "Bernard", "cn": "Fanny Bernard",
                      "email": "fanny.bernard@example.org", "uidNumber": "10231", "gidNumber": "10000",
                      "home": "/home/fbernard", "shell": "/bin/bash", "password1": "********", "password2": "********"}
            cp(logging.DEBUG, "add user form attributes: " + str({"attr": params, "roles": ["users", "vpn-users"]}))
            cp(logging.INFO, "user '" + "fbernard" + "' added by '" + user + "'")
            cp(logging.DEBUG, "user '" + "fbernard" + "' attributes: " + str(
                {"ldap": {"uid": "fbernard", "cn": "Fanny Bernard", "sn": "Bernard", "givenName": "Fanny",
                          "mail": "fanny.bernard@example.org", "uidNumber": "10231", "gidNumber": "10000",
                          "homeDirectory": "/home/fbernard", "loginShell": "/bin/bash"}}))
            for group in ("users", "vpn-users"):
                cp(logging.DEBUG, "%(backend)s: adding user '%(user)s' with dn '%(dn)s' to group '%(group)s' by "
                                  "setting '%(attr)s' to '%(content)s'" % {
                                      "user": "fbernard", "dn": "uid=fbernard,ou=people," + BASE,
                                      "group": "cn=%s,ou=group,%s" % (group, BASE), "attr": "member",
                                      "content": "uid=fbernard,ou=people," + BASE, "backend": "ldap"})
            cp(logging.INFO, "%(backend)s: user '%(user)s' already member of group '%(group)s' (attribute "
                             "'%(attr)s')" % {"user": "fbernard", "group": "cn=users,ou=group," + BASE,
                                              "attr": "memberUid", "backend": "ldap"})
            cp(logging.INFO, "user '" + "fbernard" + "' made member of " + str(["users", "vpn-users"]) + " by '" +
               user + "'")
            access(ip, user, "POST /adduser HTTP/1.1", 200, 4120, "https://accounts.example.org/adduser", browser)
        else:
            search("(uid=%s)" % user, "ou=people," + BASE)
            cp(logging.DEBUG, "user '" + user + "' attributes " + str(
                {"uid": user, "mail": "%s.%s@example.org" % (given.lower(), sn.lower()), "cn": "%s %s" % (given, sn),
                 "sn": sn, "givenName": given}))
            access(ip, user, "GET /selfmodify HTTP/1.1", 200, 7012, "https://accounts.example.org/", browser)
            if n % 2:
                cp(logging.DEBUG, "modify user form attributes: " + str({"mail": "%s@example.org" % user,
                                                                          "shell": "/bin/zsh"}))
                cp(logging.INFO, "user '" + user + "' modified his attributes")
                cp(logging.DEBUG, "user '" + user + "' attributes: " + str(
                    {"ldap": {"mail": "%s@example.org" % user, "loginShell": "/bin/zsh"}}))
                access(ip, user, "POST /selfmodify HTTP/1.1", 200, 7140, "https://accounts.example.org/selfmodify",
                       browser)
        cp(logging.INFO, "user '%(user)s' logout" % {"user": user})
        access(ip, user, "GET /logout HTTP/1.1", 303, 93, "https://accounts.example.org/", browser)

    # docker compose stop: CherryPy's engine exits.
    cp(logging.INFO, "Caught signal SIGTERM.", "ENGINE")
    cp(logging.INFO, "Bus STOPPING", "ENGINE")
    cp(logging.INFO, "HTTP Server cherrypy._cpwsgi_server.CPWSGIServer(('0.0.0.0', 8080)) shut down", "ENGINE")
    cp(logging.INFO, "Bus STOPPED", "ENGINE")
    cp(logging.INFO, "Bus EXITING", "ENGINE")
    cp(logging.INFO, "Bus EXITED", "ENGINE")
    return {"name": "ldapcherry-reminder", "programs": [app, acc, bot], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_wazo_pysipp(), stream_doh_denyhosts(), stream_ldapcherry_reminder()])


if __name__ == "__main__":
    main()
