"""The twenty-second held-out set of real programs, measured before any
rule is written from it (see `heldout.py` and the sets after it): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in three areas (web application back-ends: an SRE team's MoinMoin 2
wiki and Roundup issue tracker on one EC2 Docker host; task-queue workers
and schedulers: a Remoulade worker with its remoulade-scheduler beside a
Kuyruk worker, both consuming from Amazon MQ for RabbitMQ on one ECS
container instance; API gateways and proxies written in Python: a Zato
server exposing partner APIs, whose outgoing calls leave the VPC through
proxy.py as the egress proxy), each format copied from the file named
beside it (the version read is given), with the formatter class and the
filters the program uses, and messages from the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout22

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at d6ce94b (session 19's rules from heldout10 to
heldout20 in), before any rule saw it: 1875 records (137 joined under a
burst), 62.2% exact, 82.0% with the key fields right (asctime 97.1%,
levelname 100.0%, name 82.3%, message 91.0%, exc_info 99.8%).

Formatters and filters: all six programs use logging.Formatter itself. 503
records in three streams. MoinMoin 2 runs on its built-in fallback
configuration (no MOINLOGGINGCONF): the root logger at INFO, "name:lineno"
after the level ("moin.signalling.log:19"), Python's default asctime; one
record per page view and per edit (signalling/log.py), safe_markup's
warning with the page's HTML (its first 132 characters) after a line
break, render_data's logging.exception (exc_info), an edit-locking error,
and the index-update of its CLI, which logs through the same fallback.
Roundup prints the request's trace_id between the time and the level: the
context_filter that CoreConfig.init_logging puts on the "roundup" logger's
handler (reproduced here as RoundupContext, as written there) sets it from
roundup/logcontext.py's context variable, "trace_id-not_set" outside a
request (roundup-mailgw's IMAP login, whose logger.exception has a
traceback), else short_uuid()'s 22 letters (nanoid is not installed);
trace_reason and pct_char, which the filter also sets, are kept in the
truth. The tracker's config.ini sets [logging] level = INFO (the default is
ERROR), so the back end's "open database 'roundup'", "commit" and "close"
print for every request; the REST check logs with a mapping as its one
argument ("%(user)s"), the csrf check a pre-formatted message. Remoulade's
worker prints "[threadName] [name]" in brackets, its scheduler the same
with "[PID 1]" before them; the worker's thread names (MainThread, the
consumers' and workers' "Thread-N") are pinned through heldout17's
ThreadName filter; WorkerThreadLogging's extras (message_id, input,
runtime) are kept in the truth; a failed message logs "Retrying message"
(Retries) before WorkerThreadLogging's WARNING with exc_info, or "Retries
exceeded" before its ERROR, as the middleware run in reverse on the way
out. Kuyruk's format has no time and cuts the level to one letter ("I
kuyruk.worker._process_task:293 - "): CloudWatch's own timestamp is all the
lines have; its funcName and lineno are read from kuyruk/worker.py at
v10.2.1; a failed task's traceback is the message of an ERROR record after
"Task raised an exception:" and a line break (ending with one, no exc_info), and
task results print as "module:function finished in N seconds.". Zato's
server.log prints "pid:threadName" ("1193:DummyThread-19": gevent's names
for the greenlets that serve requests, "MainThread" at start-up; pinned
through the same filter) and "name:lineno" ("zato_rest:291"); its REST
channel and outgoing-connection lines carry "→" and "←" (non-ASCII);
"Caught an exception" is an INFO record whose message ends with the
traceback in backticks (format_exc(): a line break before the closing
backtick), and rest_call's WARNING puts format_exc() after " -> "; the
services log under their own names (Zato's Service.logger is
logging.getLogger(self.name): "api.partner.orders.create"); zunicorn, Zato's
gunicorn fork, logs its arbiter's lines under "zato". The Zato processes'
ids are pinned per process (arbiter 1187, worker 1193). proxy.py glues
"pid:" to the process id, cuts the level to one letter in brackets ("[I]")
and prints "module.funcName:lineno" ("server.access_log:393"); its access
records come from the two threadless workers' processes (pids 2417 and
2418, pinned), the plugin loading from the main one; one logger.exception
has exc_info.

Print lines: uWSGI's start-up lines and its request lines ("[pid: 9|app:
0|req: 12/12] ..."), roundup-server's request lines (BaseHTTPRequestHandler's
log_message on stderr, with the trace_id appended, as roundup_server.py
writes it) and its "Roundup server started on" print(), compose's
"Attaching to" line, the mail-fetching cron job's echo and the shell's "+
..." lines; in the second stream the entrypoints' "+ exec" lines, the
traceback Kuyruk's worker prints after a connection error
(traceback.print_exc(), after its "Connection error" record) and the
uncaught one a new remoulade-scheduler dies with when Redis refuses it. The
third stream ships two log files and has no print lines.

The messages are the programs' own where read (file and line given for the
formats that print them: MoinMoin's, Kuyruk's, Zato's, proxy.py's); the
wiki's pages, the tracker's issues and users, the actors, Kuyruk tasks and
their modules, the Zato services (the team's own code: their names, files
and lines) and their partners, every address, id, size and timing, uWSGI's
lines, the brokers' and Redis' error texts, the proxy's filter rules and
the thread numbers are modelled. Roundup's messages are from 2.6.0,
Remoulade's from v7.0.0, Kuyruk's from v10.2.1, Zato's from the October
2024 main branch, proxy.py's from the commit after v2.4.9 and MoinMoin's
from its main branch after 2.0.0b5.

Left out: WakaQ (its Formatter switches between log_format and
task_log_format per record, "[%(asctime)s] %(levelname)s: %(message)s" and
"[%(asctime)s] %(levelname)s in %(task)s: %(message)s", read in
wakatime/wakaq 4.0.5 wakaq/__init__.py and wakaq/logger.py: two formats
from one handler, as NAV's ipdevpoll in `heldout14.py`'s Left out),
PgQueuer (its ISOFormatter prints datetime.isoformat(), which drops the
fraction when it is zero, as ansible-navigator's in `heldout13.py`'s Left
out; its "%(asctime)s [%(name)s] %(levelname)s: %(message)s" read in
janbjorge/pgqueuer pgqueuer/core/logconfig.py), FlaskBB (flaskbb/configs/
default.py's "%(asctime)s %(levelname)-7s %(name)-25s %(message)s" is
Errbot's layout in `heldout4.py` with the level padded to seven, and its
console handler prints only the flaskbb loggers' WARNING and above: kept
for a later set), rq-scheduler (rq_scheduler/utils.py's "%(asctime)s
%(message)s" with "%H:%M:%S", read in rq/rq-scheduler v0.14: kept for a
later set, as the RQ worker it feeds is in `realworld.py`), SAQ
(saq/runner.py's logging.basicConfig(level=...): BASIC_FORMAT), Spinach
(a format only in its docs and examples), Zato's console (its "colour"
formatter, ColorFormatter, wraps the level in ANSI codes, as LMDeploy's in
`heldout8.py`) and Zato's newest main branch (its format adds
"-%(zato_ctx)s " before the name, a free-text field beside it; the
October 2024 one is shipped), MoinMoin's contrib/logging files ("stderr":
"%(asctime)s %(name)s %(levelname)s %(message)s"; "logfile":
"%(levelname)s %(asctime)s %(name)s:%(lineno)d %(message)s"; used only when
MOINLOGGINGCONF names one), and Weblate and Saleor (in earlier sets' Left
out).
"""

import logging
import os
import random
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# MoinMoin 2 (moinwiki/moin, 054e3cfc, main after 2.0.0b5), src/moin/log.py
# logging_config, the built-in fallback configuration used when neither
# MOINLOGGINGCONF nor load_config() names a file: the root logger's
# StreamHandler on sys.stderr, "[formatter_default]" with an empty datefmt
# (Python's default asctime) and class=logging.Formatter.
MOIN = "%(asctime)s %(levelname)s %(name)s:%(lineno)d %(message)s"
# Roundup 2.6.0 (roundup-tracker/roundup 2.6.0, 8d8c6bb7),
# roundup/configuration.py: the [logging] "format" option's default (a
# LoggingFormatOption) and CoreConfig.init_logging, which gives the
# "roundup" logger a StreamHandler on sys.stdout (no [logging] filename)
# with logging.Formatter(LOGGING_FORMAT) and adds context_filter to every
# handler; the trace_id comes from roundup/logcontext.py.
ROUNDUP = "%(asctime)s %(trace_id)s %(levelname)s %(message)s"
# Remoulade (wiremind/remoulade, 685411f9, v7.0.0),
# remoulade/__main__.py logformat (logging.basicConfig on sys.stderr in
# setup_logging) for the worker, and remoulade/cli/remoulade_scheduler.py
# logformat (logging.basicConfig, stderr) for the scheduler.
REMOULADE = "[%(asctime)s] [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s"
REMOULADE_SCHEDULER = "[%(asctime)s] [PID %(process)d] [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s"
# Kuyruk (cenkalti/kuyruk, 5ab00d4, v10.2.1), kuyruk/worker.py Worker.run's
# logging.basicConfig (WORKER_LOGGING_LEVEL = 'INFO' in kuyruk/config.py):
# no time, the level cut to one letter.
KUYRUK = "%(levelname).1s %(name)s.%(funcName)s:%(lineno)d - %(message)s"
# Zato (zatosource/zato, 8caa7605, the main branch of October 2024),
# code/zato-common/src/zato/common/util/logging_.py logging_conf_contents:
# the "default" formatter of the "default" handler, which writes
# ./logs/server.log (the "stdout" handler's "colour" formatter is
# zato.common.util.api.ColorFormatter, which wraps the level in ANSI codes
# on POSIX: not shipped).
ZATO = "%(asctime)s - %(levelname)s - %(process)d:%(threadName)s - %(name)s:%(lineno)d - %(message)s"
# proxy.py (abhinavsingh/proxy.py, 050ac1c3, one commit after v2.4.9),
# proxy/common/constants.py DEFAULT_LOG_FORMAT, which proxy/common/
# logger.py Logger.setup hands to logging.basicConfig (with --log-file, as
# its filename's).
PROXY_PY = ("%(asctime)s - pid:%(process)d [%(levelname)-.1s] %(module)s.%(funcName)s:%(lineno)d - "
            "%(message)s")

RNG = random.Random(22)


def ctime():
    """The clock's time as time.ctime() prints it (uWSGI's request lines)."""
    return time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(realworld.CLOCK.t))


def docker(stream, text):
    """A line the Docker daemon's or compose's output puts in the stream."""
    printed(stream, text)


# --------------------------------------------------------------------------
# An SRE team's wiki and issue tracker on one EC2 Docker host (Docker's
# awslogs driver, one stream for the compose project): MoinMoin 2 under
# uWSGI, and Roundup's roundup-server with a PostgreSQL back end on RDS,
# whose roundup-mailgw (run from cron in the same container) fetches mail
# by IMAP. uWSGI's start-up and request lines, roundup-server's request
# lines (BaseHTTPRequestHandler.log_message on stderr, the trace_id
# appended) and its start-up print() are print lines.

MOIN_SRC = "/srv/moin/venv/lib/python3.12/site-packages/moin/"
WIKI = "SREWiki"
PAGES = ["Home", "Runbooks/RDS-Failover", "Runbooks/EKS-Node-Drain", "OnCall/Rota", "Postmortems/2024-05-02-DNS",
         "Architecture/VPC-Layout", "HowTo/Rotate-IAM-Keys", "Runbooks/CloudFront-Invalidation"]
CLIENTS = ["10.20.1.37", "10.20.2.114", "10.20.1.9", "10.20.3.201"]
TRACKER = "/sre"
ISSUES = [1432, 1437, 1440, 1441, 1446, 1449, 1450]


def short_uuid():
    """roundup/logcontext.py short_uuid(): a uuid4's integer in a 62-letter
    alphabet (the id Roundup uses without nanoid installed)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz1234567890"
    value = RNG.getrandbits(128) & ~(0xF << 76) | (4 << 76)
    value = value & ~(0x3 << 62) | (0x2 << 62)
    out = ""
    while value:
        value, t = divmod(value, len(alphabet))
        out += alphabet[t]
    return out or "0"


class RoundupContext(logging.Filter):
    """roundup/configuration.py CoreConfig.context_filter, on the "roundup"
    logger's handler: the logcontext variables on the record (trace_id
    "trace_id-not_set" outside a request, trace_reason), pct_char, and the
    message expanded with the record's own attributes when it has no
    args."""

    def __init__(self):
        super().__init__()
        self.trace_id, self.trace_reason = "trace_id-not_set", "trace_reason-missing"

    def filter(self, record):
        if hasattr(record, "ROUNDUP_CONTEXT_FILTER_CALLED"):
            return True
        for name, value in (("trace_id", self.trace_id), ("trace_reason", self.trace_reason)):
            if not hasattr(record, name):
                setattr(record, name, value)
        record.pct_char = "%"
        record.ROUNDUP_CONTEXT_FILTER_CALLED = True
        if record.args:
            return True
        try:
            record.msg = record.msg % record.__dict__
        except (ValueError, TypeError):
            pass
        return True


def stream_moin_roundup():
    stream = []
    mo = Program("moin", "moin", logging.Formatter(MOIN), stream)
    rd = Program("roundup", "roundup", logging.Formatter(ROUNDUP), stream)
    ctx = RoundupContext()
    rd.handler.addFilter(ctx)
    sig = lg(mo, "moin.signalling.log")
    content = lg(mo, "moin.items.content")
    markup = lg(mo, "moin.utils.markup")
    locking = lg(mo, "moin.utils.edit_locking")
    index = lg(mo, "moin.cli.maint.index")
    rlog = lg(rd, "roundup")
    hyperdb = lg(rd, "roundup.hyperdb")
    backend = lg(rd, "roundup.hyperdb.backend")
    mailgw = lg(rd, "roundup.mailgw")

    def moin_at(log, level, module, line, func, msg, exc=None):
        at(log, level, MOIN_SRC + module, line, func, msg, exc=exc)

    req = [0]

    def uwsgi(ip, method, uri, status, size, ms):
        req[0] += 1
        printed(stream, "[pid: 9|app: 0|req: %d/%d] %s () {%d vars in %d bytes} [%s] %s %s => generated %d bytes in "
                        "%d msecs (HTTP/1.1 %d) %d headers in %d bytes (1 switches on core 0)"
                % (req[0], req[0], ip, 40 + len(uri) % 7, 690 + 3 * len(uri), ctime(), method, uri, size, ms, status,
                   6 if status == 200 else 4, 257 if status == 200 else 168))

    def roundup_request(ip, method, path, status, edit=False, extra=None):
        ctx.trace_id, ctx.trace_reason = short_uuid(), TRACKER + path.split("?")[0]
        hyperdb.info("open database %r" % "roundup")
        if extra:
            extra()
        if edit:
            backend.info("commit")
        backend.info("close")
        host = "ip-%s.eu-west-1.compute.internal" % ip.replace(".", "-")
        printed(stream, '%s - - [%s] "%s %s HTTP/1.1" %d - %s'
                % (host, now("%d/%b/%Y %H:%M:%S"), method, TRACKER + path, status, ctx.trace_id))
        ctx.trace_id, ctx.trace_reason = "trace_id-not_set", "trace_reason-missing"

    docker(stream, "Attaching to sre-tools-moin-1, sre-tools-roundup-1")
    printed(stream, "*** Starting uWSGI 2.0.25.1 (64bit) on [%s] ***" % ctime())
    printed(stream, "compiled with version: 12.2.0 on 02 May 2024 08:51:12")
    printed(stream, "os: Linux-6.1.90-99.173.amzn2023.x86_64 #1 SMP PREEMPT_DYNAMIC Mon May  6 20:19:45 UTC 2024")
    printed(stream, "detected number of CPU cores: 2")
    printed(stream, "current working directory: /srv/moin")
    printed(stream, "uwsgi socket 0 bound to TCP address :8080 fd 3")
    printed(stream, "Python version: 3.12.3 (main, Apr 24 2024, 07:41:18) [GCC 12.2.0]")
    printed(stream, "*** Python threads support is disabled. You can enable it with --enable-threads ***")
    printed(stream, "Python main interpreter initialized at 0x7f3c1a4e2b48")
    printed(stream, "WSGI app 0 (mountpoint='') ready in 3 seconds on interpreter 0x7f3c1a4e2b48 pid: 1 (default app)")
    printed(stream, "spawned uWSGI master process (pid: 1)")
    printed(stream, "spawned uWSGI worker 1 (pid: 9, cores: 1)")
    printed(stream, "Roundup server started on 0.0.0.0:8080")

    for cycle in range(7):
        for i, page in enumerate(PAGES):
            if (i + cycle) % 3 == 2:
                continue
            ip = CLIENTS[(i + cycle) % len(CLIENTS)]
            moin_at(sig, logging.INFO, "signalling/log.py", 19, "log_item_displayed", f"item {WIKI}:{page} displayed")
            uwsgi(ip, "GET", "/" + page, 200, 14000 + 977 * i + 31 * cycle, 38 + (i * 17 + cycle * 5) % 90)
        issue = ISSUES[cycle % len(ISSUES)]
        ip = CLIENTS[cycle % len(CLIENTS)]
        roundup_request(ip, "GET", "/issue?@columns=id,title,status,assignedto&@sort=-activity&@filter=status"
                                   "&status=-1,1,2,3", 200)
        roundup_request(ip, "GET", "/issue%d" % issue, 200)
        if cycle == 1:
            # A page with an inline script in its HTML markup.
            html = ("<div class=\"moin-html\"><p>Run the check below before failing over:</p>\n"
                    "<script src=\"https://status.example.org/widget.js\"></script></div>")
            moin_at(markup, logging.WARNING, "utils/markup.py", 32, "safe_markup",
                    f"Forbidden HTML tag '<script' detected\n{html[:132]}")
        if cycle in (2, 5):
            page = PAGES[1 + cycle % 3]
            moin_at(sig, logging.INFO, "signalling/log.py", 25, "log_item_modified", f"item {WIKI}:{page} modified")
            uwsgi(ip, "POST", "/+modify/" + page, 302, 0, 412 + cycle)
            moin_at(sig, logging.INFO, "signalling/log.py", 19, "log_item_displayed", f"item {WIKI}:{page} displayed")
            uwsgi(ip, "GET", "/" + page, 200, 15872 + cycle, 61)
            roundup_request(ip, "POST", "/issue%d" % issue, 302, edit=True)
        if cycle == 3:
            # A POST from a page cached under the wiki's host: the Referer
            # check fails ([web] csrf_enforce_header_referer, "yes" by
            # default, rejects the request).
            def csrf():
                rlog.error("csrf Referer header check failed for user%(userid)s. Value=%(referer)s"
                           % {"userid": "7", "referer": "https://wiki.sre.example.org/Runbooks/RDS-Failover"})
            roundup_request(ip, "POST", "/issue%d" % issue, 403, extra=csrf)
            # The REST API called by the on-call bot without an Origin.
            def origin():
                rlog.error("REST request missing 'Origin' header by user %(user)s.",
                           {"user": "oncall-bot", "origin": None})
            roundup_request("10.20.4.18", "GET", "/rest/data/issue?status=1&@fields=title,assignedto", 400,
                            extra=origin)
        if cycle == 4:
            # A macro's converter fails while rendering a page.
            # (modelled: a page's item-list pattern that Python's re
            # cannot compile; the error's text is re's own).
            def render():
                def convert():
                    def macro():
                        raised("re", "error", "missing >, unterminated name at position 13")
                    macro()
                convert()
            try:
                render()
            except Exception:
                moin_at(content, logging.ERROR, "items/content.py", 371, "render_data",
                        'An exception happened in render_data (error_id=3f9b1c2e-7a41-4d0b-9a8e-2c5f4e6d1b07, '
                        'name="Runbooks/Index"):', exc=True)
            uwsgi(CLIENTS[0], "GET", "/Runbooks/Index", 200, 6120, 233)
        if cycle == 6:
            moin_at(locking, logging.ERROR, "utils/edit_locking.py", 215, "get_draft",
                    "User alice.ng failed to load draft for: Runbooks/EKS-Node-Drain")
        if cycle % 2 == 1:
            # roundup-mailgw from cron, every five minutes.
            # The cron job's wrapper script echoes its command, the
            # password masked.
            printed(stream, "[fetch-mail] roundup-mailgw /srv/tracker imaps sre-tracker:***@imap.mail.eu-west-1."
                            "awsapps.com INBOX")
            if cycle == 3:
                def login():
                    def _command_complete():
                        raised("imaplib.IMAP4", "error", "b'[AUTHENTICATIONFAILED] Invalid credentials (Failure)'")
                    _command_complete()
                try:
                    login()
                except Exception as e:
                    mailgw.exception("IMAP login failure: %s" % e)
            else:
                ctx.trace_id, ctx.trace_reason = short_uuid(), "<CAK7%d@mail.example.org>" % (40512 + cycle)
                hyperdb.info("open database %r" % "roundup")
                backend.info("commit")
                backend.info("close")
                ctx.trace_id, ctx.trace_reason = "trace_id-not_set", "trace_reason-missing"
    printed(stream, "+ moin index-update")
    moin_at(index, logging.INFO, "cli/maint/index.py", 96, "IndexUpdate", "Index update started")
    moin_at(index, logging.INFO, "cli/maint/index.py", 98, "IndexUpdate", "Index update finished")
    return {"name": "moin-roundup", "programs": [mo, rd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# Two teams' workers on one ECS container instance (the awslogs driver, one
# stream for the instance's tasks), both consuming from Amazon MQ for
# RabbitMQ: the billing team's Remoulade worker and its remoulade-scheduler
# (the schedule in ElastiCache for Redis), and the reporting team's Kuyruk
# worker. The entrypoints' "+ exec" lines, the traceback Kuyruk's worker
# prints after a connection error (traceback.print_exc()) and the
# scheduler's uncaught one are print lines.

KUYRUK_SRC = "/usr/local/lib/python3.12/site-packages/kuyruk/"
REM_MW = "remoulade.middleware."
INVOICES = [("sync_invoice_to_netsuite", "INV-2024-0%d" % n) for n in range(4410, 4440)]
REPORTS = [("reports.tasks", "build_usage_report", ["acme-corp", "2024-04"], {}),
           ("reports.tasks", "build_usage_report", ["globex", "2024-04"], {}),
           ("reports.tasks", "export_to_s3", ["usage/2024-04/acme-corp.parquet"], {"compress": True}),
           ("reports.tasks", "build_usage_report", ["initech", "2024-04"], {}),
           ("reports.tasks", "refresh_materialized_views", [], {"concurrently": True}),
           ("reports.tasks", "export_to_s3", ["usage/2024-04/globex.parquet"], {"compress": True})]


def uuid_hex():
    return "%032x" % RNG.getrandbits(128)


def uuid_str():
    h = uuid_hex()
    return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:])


def stream_remoulade_kuyruk():
    stream = []
    rem = Program("remoulade", "remoulade", logging.Formatter(REMOULADE), stream)
    sch = Program("remoulade.scheduler", "remoulade.Scheduler", logging.Formatter(REMOULADE_SCHEDULER), stream)
    ky = Program("kuyruk", "kuyruk.worker", logging.Formatter(KUYRUK), stream)
    thread, sch_thread = ThreadName(), ThreadName()
    rem.handler.addFilter(thread)
    sch.handler.addFilter(sch_thread)
    boot = lg(rem, "remoulade")
    worker = lg(rem, "remoulade.worker.Worker")
    consumer = lg(rem, "remoulade.worker._ConsumerThread")
    wtl = lg(rem, REM_MW + "worker_thread_logging.WorkerThreadLogging")
    retries = lg(rem, REM_MW + "retries.Retries")
    time_limit = lg(rem, REM_MW + "time_limit.TimeLimit")
    scheduler = lg(sch, "remoulade.scheduler.scheduler.Scheduler")
    kw = lg(ky, "kuyruk.worker")

    def k(level, line, func, msg, *args):
        at(kw, level, KUYRUK_SRC + "worker.py", line, func, msg, *args)

    def description(module, function, args, kwargs):
        return {"id": uuid_hex(), "args": args, "kwargs": kwargs, "module": module, "function": function,
                "sender_hostname": "ip-10-20-11-%d.eu-west-1.compute.internal" % (40 + len(args) * 7),
                "sender_pid": 1, "sender_cmd": "/app/reports/cron.py --month 2024-04",
                "sender_timestamp": now("%Y-%m-%dT%H:%M:%S")}

    def kuyruk_task(n, module, function, args, kwargs, fails=None):
        k(logging.INFO, 220, "_process_message", "Processing task: %r", description(module, function, args, kwargs))
        if fails:
            try:
                fails()
            except Exception:
                exc_info = sys.exc_info()
                k(logging.INFO, 333, "_apply_task", "%s:%s finished in %i seconds." % (module, function, 2))
                k(logging.ERROR, 279, "_process_task", "Task raised an exception:\n%s",
                  "".join(traceback.format_exception(*exc_info)))
            return
        k(logging.INFO, 333, "_apply_task", "%s:%s finished in %i seconds." % (module, function, 3 + n % 5 * 4))
        k(logging.INFO, 293, "_process_task", "Task is successful")

    # The Remoulade worker's task starts.
    printed(stream, "+ exec remoulade billing.actors --threads 8")
    thread.name = "MainThread"
    boot.info(f"Remoulade {'7.0.0'!r} is booting up.")
    worker.warning("You are listening on multiple queues, RMQ is adapted to single queue consuming only. "
                   "It will work but you should consider using one worker per queue.")
    boot.info("Worker is ready for action.")
    # The scheduler's task starts: a new schedule is synced into Redis.
    printed(stream, "+ exec remoulade-scheduler billing.schedule")
    jobs = ["%040x" % RNG.getrandbits(160) for _ in range(4)]
    with pid(1):
        sch_thread.name = "MainThread"
        scheduler.info("Dropping %s because it's no longer in the config", "%040x" % RNG.getrandbits(160))
        scheduler.info("Will not run %s today, because daily time has already passed. Wait for tomorrow", jobs[3])
        for job in jobs:
            scheduler.info("Adding new job %s to schedule", job)
    # The Kuyruk worker's task starts.
    printed(stream, "+ exec kuyruk --app reports.tasks.kuyruk worker --queues reports")
    k(logging.INFO, 147, "_consume_messages", "Consumer started")

    def process(n, actor, invoice, fail=None, attempt=0, message_id=None):
        message_id = message_id or uuid_str()
        message = "%s / %s" % (actor, message_id)
        thread.name = "Thread-%d" % (5 + n % 8)
        wtl.info("Started Actor %s", message, extra={"message_id": message_id,
                                                     "input": {"args": str((invoice,)), "kwargs": "{}"}})
        if fail:
            try:
                fail()
            except Exception:
                if attempt < 3:
                    retries.info("Retrying message %r in %d milliseconds.", message_id,
                                 15000 * 2 ** attempt + RNG.randint(0, 999))
                    wtl.warning("Failed to process message %s with unhandled %s", message, sys.exc_info()[0].__name__,
                                exc_info=True)
                else:
                    retries.warning(f"Retries exceeded for message {message_id}.")
                    wtl.error("Failed to process message %s with unhandled %s", message, sys.exc_info()[0].__name__,
                              exc_info=True)
            return
        runtime = 180 + (n * 137) % 2400 + RNG.random()
        wtl.info("Finished Actor %s after %.02fms.", message, runtime,
                 extra={"message_id": message_id, "input": {"args": str((invoice,)), "kwargs": "{}"},
                        "runtime": runtime})

    def netsuite_down():
        def post():
            def raise_for_status():
                raised("requests.exceptions", "HTTPError", "503 Server Error: Service Unavailable for url: "
                       "https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/invoice")
            raise_for_status()
        post()

    def slow_export():
        def wait():
            raised("remoulade.middleware.time_limit", "TimeLimitExceeded", "")
        wait()

    def s3_denied():
        def upload():
            def _make_api_call():
                raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the "
                       "PutObject operation: Access Denied")
            _make_api_call()
        upload()

    # One invoice fails on every attempt: retried three times (the actor's
    # max_retries=3, the app's own), then given up.
    retried = uuid_str()
    for cycle in range(9):
        for i, (actor, invoice) in enumerate(INVOICES[cycle * 3:cycle * 3 + 5]):
            n = cycle * 5 + i
            if cycle in (1, 2, 4, 6) and i == 2:
                attempt = {1: 0, 2: 1, 4: 2, 6: 3}[cycle]
                process(n, actor, "INV-2024-04412", fail=netsuite_down, attempt=attempt, message_id=retried)
            else:
                process(n, actor, invoice)
        if cycle == 2:
            thread.name = "MainThread"
            time_limit.error("Time limit exceeded. Raising exception in worker thread %r (%d ms before hard kill)",
                             139804318742208, 3000)
            process(99, "export_ledger_to_s3", "2024-04", fail=slow_export, attempt=3)
        module, function, args, kwargs = REPORTS[cycle % len(REPORTS)]
        if cycle == 5:
            kuyruk_task(cycle, module, function, args, kwargs, fails=s3_denied)
        else:
            kuyruk_task(cycle, module, function, args, kwargs)
        if cycle % 2 == 0:
            module, function, args, kwargs = REPORTS[(cycle + 3) % len(REPORTS)]
            kuyruk_task(cycle + 1, module, function, args, kwargs)
        if cycle == 3:
            # The broker's maintenance window: Amazon MQ restarts it.
            thread.name = "Thread-1"
            consumer.warning("Consumer encountered a connection error: %s", "Connection was closed by remote "
                             "server: CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'")
            consumer.info("Restarting consumer in %0.2f seconds.", 2.0 + RNG.random() * 0.5)
            k(logging.ERROR, 123, "run", "Connection error: %s", "(0, 0): (320) CONNECTION_FORCED - broker forced "
              "connection closure with reason 'shutdown'")

            def drain_events():
                def _read_frame():
                    raised("amqp.exceptions", "ConnectionForced", "(0, 0): (320) CONNECTION_FORCED - broker forced "
                           "connection closure with reason 'shutdown'")
                _read_frame()
            uncaught(stream, drain_events)
            k(logging.INFO, 126, "run", "Waiting %d seconds before reconnecting...", 5)
            k(logging.INFO, 147, "_consume_messages", "Consumer started")
            thread.name = "Thread-2"
            consumer.info("Restarting consumer in %0.2f seconds.", 2.0 + RNG.random() * 0.5)
    # A deploy replaces the scheduler's task; the new one cannot reach Redis.
    printed(stream, "+ exec remoulade-scheduler billing.schedule")

    def start():
        def sync_config():
            def acquire():
                raised("redis.exceptions", "ConnectionError", "Error 111 connecting to billing-schedule.abc123.ng."
                       "0001.euw1.cache.amazonaws.com:6379. Connection refused.")
            acquire()
        sync_config()
    uncaught(stream, start)
    # The deploy stops the Kuyruk worker (ECS sends SIGTERM).
    k(logging.WARNING, 402, "_handle_sigterm", "Catched SIGTERM")
    k(logging.WARNING, 392, "shutdown", "Shutdown requested")
    return {"name": "remoulade-kuyruk", "programs": [rem, sch, ky], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An integration host in a private subnet (the CloudWatch agent ships two
# files into one stream, the instance's): the Zato server's server.log,
# whose REST channels take partners' calls behind an internal ALB and whose
# outgoing connections reach the partners' and payment APIs through
# proxy.py, the VPC's egress proxy on the same host, started with
# --log-file, threadless (two workers), and FilterByURLRegexPlugin. Both
# files hold only log records: this stream has no print lines.

ZATO_SRC = "/opt/zato/3.2.0/code/zato-server/src/zato/server/"
HOT = "/opt/zato/env/qs-1/server1/pickup/incoming/services/"
PROXY_SRC = "/opt/proxy.py/lib/python3.11/site-packages/proxy/"
PARTNERS = [("10.20.0.41", "acme-erp/4.2 (+https://acme.example.com)"), ("10.20.0.87", "python-requests/2.31.0"),
            ("10.20.0.41", "Go-http-client/1.1"), ("10.20.0.87", "okhttp/4.12.0")]
CHANNELS = [("POST", "/api/partner/v1/orders", "api.partner.orders.create", 512),
            ("GET", "/api/partner/v1/orders/SO-48213", "api.partner.orders.get", 0),
            ("GET", "/api/partner/v1/stock?sku=WX-1180", "api.partner.stock.get", 0),
            ("POST", "/api/partner/v1/shipments/SH-99120/ack", "api.partner.shipments.ack", 96)]
ZATO_WORKER = 1193


def stream_zato_proxy():
    stream = []
    zt = Program("zato", "zato", logging.Formatter(ZATO), stream)
    px = Program("proxy.py", "proxy", logging.Formatter(PROXY_PY), stream)
    zthread = ThreadName()
    zt.handler.addFilter(zthread)
    arbiter = lg(zt, "zato")
    parallel = lg(zt, "zato.server.base.parallel")
    store = lg(zt, "zato.server.service.store")
    rest = lg(zt, "zato_rest")
    create = lg(zt, "api.partner.orders.create")
    stock = lg(zt, "api.partner.stock.get")
    pxlog = lg(px, "proxy")

    def z(log, level, path, line, func, msg, *args):
        at(log, level, path, line, func, msg, *args)

    def p(level, module, line, func, msg, *args, exc=None):
        at(pxlog, level, PROXY_SRC + module, line, func, msg, *args, exc=exc)

    def cid():
        return "%x" % RNG.getrandbits(96)

    def channel(method, uri, name, size, ip, agent):
        c = cid()
        msg = f"REST cha \u2192 cid={c}; {method} {uri} name={name}; len={size}; "
        msg += f"agent={agent}; remote-addr={ip}:{RNG.randint(32768, 60999)}"
        z(rest, logging.INFO, ZATO_SRC + "connection/http_soap/channel.py", 291, "dispatch", msg)
        return c

    token_hits = [0]

    def rest_out(c, method, address, name, size, sec, sec_type, status, seconds, length):
        msg = f"REST out \u2192 cid={c}; {method} {address}; name:{name}; params={{}}; len={size}"
        msg += f"; sec={sec} ({sec_type})"
        if sec_type == "oauth":
            # A Bearer token, from Zato's cache after the first call.
            token_hits[0] += 1
            msg += f"; expiry={3600 - 41 * token_hits[0]}; tok-from-cache={token_hits[0] > 1}; "
            msg += f"tok-cache-hits={token_hits[0] - 1}"
        z(rest, logging.INFO, ZATO_SRC + "connection/http_soap/outgoing.py", 323, "invoke_http", msg)
        msg = f"REST out \u2190 cid={c}; {status} time=0:00:00.{int(seconds * 1e6):06d}; len={length}"
        z(rest, logging.INFO, ZATO_SRC + "connection/http_soap/outgoing.py", 332, "invoke_http", msg)

    def access_https(host, port, size, ms, worker):
        with pid(worker):
            p(logging.INFO, "http/proxy/server.py", 393, "access_log", "%s:%d - CONNECT %s:%d - %d bytes - %.2fms"
              % ("10.20.5.30", RNG.randint(32768, 60999), host, port, size, ms))

    def access_http(host, path, code, reason, size, ms, worker, client="10.20.5.30"):
        with pid(worker):
            p(logging.INFO, "http/proxy/server.py", 393, "access_log", "%s:%d - GET %s:80%s - %d %s - %d bytes - %.2fms"
              % (client, RNG.randint(32768, 60999), host, path, code, reason, size, ms))

    # proxy.py starts (systemd restarted it after a package update).
    with pid(2411):
        for plugin in ("proxy.http.proxy.HttpProxyPlugin", "proxy.plugin.FilterByURLRegexPlugin"):
            module, klass = plugin.rsplit(".", 1)
            p(logging.INFO, "common/plugins.py", 89, "load", "Loaded plugin %s.%s", module, klass)
        p(logging.INFO, "core/work/pool.py", 102, "setup", "Started {0} threadless workers".format(2))
    # Zato's server starts: the arbiter, then its worker.
    with pid(1187):
        zthread.name = "MainThread"
        z(arbiter, logging.INFO, ZATO_SRC + "ext/zunicorn/arbiter.py", 203, "start", "Listening at: %s (%s)",
          "http://0.0.0.0:17010", 1187)
    with pid(ZATO_WORKER):
        z(arbiter, logging.INFO, ZATO_SRC + "ext/zunicorn/arbiter.py", 637, "spawn_worker",
          "Booting process with pid: %s", ZATO_WORKER)
        z(parallel, logging.INFO, ZATO_SRC + "base/parallel/__init__.py", 1064, "start_server",
          "Preferred address of `%s@%s` (pid: %s) is `http%s://%s:%s`", "server1", "quickstart-871563", ZATO_WORKER,
          "", "10.20.5.30", 17010)
        z(parallel, logging.INFO, ZATO_SRC + "base/parallel/__init__.py", 1201, "start_server",
          "First worker of `%s` is %s", "server1", ZATO_WORKER)
        z(store, logging.INFO, ZATO_SRC + "service/store.py", 973, "import_internal_services",
          "Deploying cached internal services (%s)", "server1")
        z(store, logging.INFO, ZATO_SRC + "service/store.py", 1016, "import_internal_services",
          "Deployed %d cached internal services (%s)", 412, "server1")
        z(parallel, logging.INFO, ZATO_SRC + "base/parallel/__init__.py", 434, "import_initial_services_jobs",
          "Deploying user-defined services (%s)", "server1")
        z(parallel, logging.INFO, ZATO_SRC + "base/parallel/__init__.py", 445, "import_initial_services_jobs",
          "Deployed %d user-defined service%s (%s)", 14, "s", "server1")
        z(parallel, logging.INFO, ZATO_SRC + "base/parallel/__init__.py", 1269, "start_server",
          "Started `%s@%s` (pid: %s)", "server1", "quickstart-871563", ZATO_WORKER)

    for cycle in range(12):
        for i, (method, uri, name, size) in enumerate(CHANNELS):
            ip, agent = PARTNERS[(i + cycle) % len(PARTNERS)]
            zthread.name = "DummyThread-%d" % (3 + cycle * 4 + i)
            with pid(ZATO_WORKER):
                c = channel(method, uri, name, size, ip, agent)
                if name == "api.partner.orders.create":
                    order = "SO-%d" % (48213 + cycle)
                    if cycle == 4:
                        # The partner's payload lacks a line's SKU: the
                        # service raises and the channel logs the traceback.
                        def handle():
                            def build_lines():
                                raise KeyError("sku")
                            build_lines()
                        try:
                            handle()
                        except Exception:
                            z(rest, logging.INFO, ZATO_SRC + "connection/http_soap/channel.py", 541, "dispatch",
                              "Caught an exception, cid:`%s`, status_code:`%s`, `%s`", c, "500", traceback.format_exc())
                        continue
                    z(create, logging.INFO, HOT + "partner_orders.py", 58, "handle", "Creating order for partner %s "
                      "(%d lines)", "acme" if "acme" in agent else "globex", 3 + cycle % 4)
                    rest_out(cid(), "POST", "https://api.stripe.com/v1/payment_intents", "stripe.payment-intents",
                             210 + cycle, "stripe.api-key", "basic_auth", 200, 0.31 + cycle * 0.017, 1893)
                    rest_out(cid(), "POST", "https://erp.globex.example.net/odata/v4/SalesOrders",
                             "globex.erp.sales-orders", 1480 + 17 * cycle, "globex.erp.oauth", "oauth", 201,
                             0.52 + cycle * 0.031, 612)
                    z(create, logging.INFO, HOT + "partner_orders.py", 87, "handle", "Order %s accepted", order)
                elif name == "api.partner.stock.get":
                    if cycle == 6:
                        z(stock, logging.WARNING, HOT + "partner_stock.py", 41, "handle", "Stock cache miss for %s; "
                          "asking the WMS", "WX-1180")
                        rest_out(cid(), "GET", "https://wms.example.internal/api/stock/WX-1180", "wms.stock",
                                 0, "wms.basic", "basic_auth", 200, 0.088, 214)
        if cycle % 3 == 1:
            access_https("api.stripe.com", 443, 6318 + 211 * cycle, 31012.4 + 977 * cycle, 2417 + cycle % 2)
            access_https("erp.globex.example.net", 443, 4410 + 97 * cycle, 30544.9 + 613 * cycle, 2418 - cycle % 2)
        # The other instances of the subnet: a CI runner's package
        # downloads and a backup job's uploads, through the same proxy.
        for j, (host, size) in enumerate((("pypi.org", 48211), ("files.pythonhosted.org", 2391877),
                                          ("objects.githubusercontent.com", 811402))):
            if (cycle + j) % 2 == 0:
                with pid(2417 + (cycle + j) % 2):
                    p(logging.INFO, "http/proxy/server.py", 393, "access_log",
                      "%s:%d - CONNECT %s:%d - %d bytes - %.2fms" % ("10.20.6.12", RNG.randint(32768, 60999), host,
                                                                   443, size + 1031 * cycle, 212.5 + 37.3 * j + cycle))
        if cycle == 2:
            # A URL the egress filter blocks (HTTP only: CONNECT's host is
            # not matched by a path rule).
            with pid(2417):
                p(logging.INFO, "plugin/filter_by_url_regex.py", 77, "handle_client_request",
                  "Blocked: %r with status_code '%r' by rule number '%r'" % ("pastebin.com/raw/9xKq2LmA", 404, 2))
        if cycle == 3:
            # The OS package manager of another instance, through the proxy.
            access_http("al2023-repos-eu-west-1-de612dc2.s3.dualstack.eu-west-1.amazonaws.com",
                        "/core/mirrors/2023.4.20240429/x86_64/mirror.list", 200, "OK", 412, 41.22, 2418,
                        client="10.20.6.12")
            # The partner's ERP drops the tunnel mid-response.
            with pid(2418):
                p(logging.WARNING, "http/proxy/server.py", 259, "read_from_descriptors",
                  "Connection reset by upstream: {0}:{1}".format("erp.globex.example.net", 443))
        if cycle == 5:
            # The payment API cannot be reached for a while: Zato's
            # connection ping fails through the proxy.
            with pid(2417):
                p(logging.WARNING, "http/proxy/server.py", 618, "connect_upstream",
                  "Unable to connect with upstream %s:%d due to %s" % ("api.stripe.com", 443,
                                                                       "[Errno 110] Connection timed out"))
            zthread.name = "DummyThread-71"
            with pid(ZATO_WORKER):
                def rest_call():
                    def http_request():
                        def send():
                            raised("requests.exceptions", "ProxyError", "HTTPSConnectionPool(host='api.stripe.com', "
                                   "port=443): Max retries exceeded with url: /v1/payment_intents (Caused by "
                                   "ProxyError('Unable to connect to proxy', RemoteDisconnected('Remote end closed "
                                   "connection without response')))")
                        send()
                    http_request()
                try:
                    rest_call()
                except Exception as e:
                    z(rest, logging.WARNING, ZATO_SRC + "connection/http_soap/outgoing.py", 739, "rest_call",
                      "Caught an exception -> %s -> %s", e, traceback.format_exc())
            with pid(2418):
                p(logging.INFO, "core/base/tcp_server.py", 189, "handle_readables",
                  "Connection reset by client {0}".format(("10.20.5.30", 51877)))
        if cycle == 7:
            # A scanner on the internal network probes the channels.
            zthread.name = "DummyThread-88"
            with pid(ZATO_WORKER):
                for path in ("/.env", "/api/partner/v1/../../admin", "/actuator/health"):
                    c = cid()
                    z(rest, logging.WARNING, ZATO_SRC + "connection/http_soap/channel.py", 573, "dispatch",
                      "URL not found `%s` (Method:%s; Accept:%s; CID:%s)", path, "GET", "*/*", c)
            with pid(2417):
                try:
                    def flush():
                        raise BrokenPipeError(32, "Broken pipe")
                    flush()
                except OSError as e:
                    p(logging.ERROR, "http/handler.py", 213, "handle_writables", "OSError when flushing buffer to "
                      "client", exc=(type(e), e, e.__traceback__))
    return {"name": "zato-proxy.py", "programs": [zt, px], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_moin_roundup(), stream_remoulade_kuyruk(), stream_zato_proxy()])


if __name__ == "__main__":
    main()
