"""The thirty-fourth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout33.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in the areas this batch was given (education platforms and mail
services: an Open edX site's external grading, where xqueue holds the
LMS's code submissions and xqueue-watcher pulls them and grades them in
containers; a company mail host where SimpleLogin's email handler forwards
its aliases' mail beside iRedAdmin managing the domains and mailboxes; a
university's learning-resources host where a self-hosted Open Library
serves the catalogue and lending while EvalAI's submission worker scores a
course challenge's entries), each format copied from the file named
beside it (the version read is given), with the formatter class and the
filters the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout34

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 31.0% exact, 58.5% key
fields (asctime 99.4%, levelname 99.4%, name 100.0%, message 58.6%).

Formatters and filters: all six use logging.Formatter itself. xqueue
(Tutor's settings keep get_logger_config's "console" handler alone, on
stdout) and xqueue-watcher (configure_logging, with no logging.json) print
the same layout: time, level, process id, the logger's name in brackets,
"file:line" and " - " before the message; the watcher runs with
XQWATCHER_LOG_LEVEL=DEBUG here, and its grader forks a process per
submission (fork_per_item), so those records carry the child's id.
ContainerGrader logs through Grader's self.log, named "xqueue_watcher.grader"
while the file is containergrader.py. SimpleLogin's logger (named
DB_CONN_NAME, "webapp" by default) has two filters: EmailHandlerFilter puts
the e-mail's id in `message_id` (a uuid per message, then Postfix's queue id
once it is read; set_message_id logs before it sets the id, so that record
shows the previous one) and RequestIdFilter puts "<id> - " or "" in
`request_id`, glued to the quoted "pathname:lineno" (the email handler has
no request context, so it is always ""); the format ends with
"funcName() - message_id - ", so a record made before any id prints
"...() -  - ". Its LOG.e is Logger.exception. iRedAdmin with
LOG_TARGET = "stdout" prints the message first and "(pathname, Lline)"
after it (after a traceback when there is one); its log_traceback() logs the
list traceback.format_exception() returns, so the message is that list's
repr on one line. Open Library's conf/logging.ini gives "openlibrary" an
INFO handler and "infobase" a DEBUG one; loggers outside those two
propagate to the root's CRITICAL handler and print nothing. EvalAI's worker
logger ("__main__", run as a script) has its own stdout handler; Django's
root console handler has require_debug_true, so in production it prints
nothing more. 483 records in three streams (48 of them print lines, and
one bare traceback).

Print lines: uwsgi's, gunicorn's, Django migrate's (Tutor's init task)
and Docker's lines; the xqueue consumer
container's "running consumers" echo (its run_consumer logger is at WARN in
Tutor's settings); SimpleLogin's ">>> init logging <<<" print in
app/log.py; EvalAI's evaluation scripts' print()s ("Starting
Evaluation.....", "Completed evaluation for Dev Phase"), which the worker
tees to its stdout through MultiOut, and the traceback.print_exc() after its
"Submission ... does not exist" record.

The messages are modelled on the programs' source, not copied line by
line: xqueue's, xqueue-watcher's, SimpleLogin's email_handler.py and
iRedAdmin's messages, file names and line numbers are read at the commits
cited (functions too, for SimpleLogin); EvalAI's worker messages are read
in scripts/workers/submission_worker.py; Open Library's are read in
openlibrary/core/lending.py, core/ia.py, core/waitinglist.py,
book_providers.py and plugins/ol_infobase.py (lending's
logger.exception("lending.get_availability", extra={"ids": ids}) is
logged without its extra, which no format prints). The values (courses, queues,
aliases, domains, identifiers, challenges) are made up; the evaluation
scripts' prints follow EvalAI-Starters' template from memory, and the
install paths (/openedx/xqueue, /code, /opt/www/iredadmin) are the images'
working directories as far as read.

Left out: Modoboa (its settings template's only formatter, "%(name)s:
%(levelname)s %(message)s", feeds SysLogHandlers and its SQLHandler, never
the container's output; modoboa/modoboa 9ec74970 modoboa/core/commands/
templates/settings.py.tpl), Inboxen (its console handler has no formatter,
"%(message)s"; Salmon's "%(asctime)s - %(name)s - %(levelname)s -
%(message)s" goes to logs/salmon.log; Inboxen/Inboxen 30c9d9a6
inboxen/settings.py), Mail-in-a-Box's management daemon (no logging
format found in mail-in-a-box/mailinabox b162b96d), EvalAI's Django API
(its console handler prints only with DEBUG), the Open edX LMS (in
`heldout4.py`), Mailman core (in `heldout2.py`), Kolibri, INGInious,
HyperKitty, Postorius, Mailu, listmonk and Mautic (in earlier sets or
their Left out lists).
"""

import logging
import os
import sys
import traceback
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# xqueue (openedx/xqueue, 171e9d1), xqueue/logsettings.py get_logger_config's
# "standard" formatter (the "console" handler on sys.stdout, which Tutor's
# settings, overhangio/tutor-xqueue da8aa31 tutorxqueue/templates/xqueue/
# apps/settings/tutor.py, make the root's only handler).
XQUEUE = "%(asctime)s %(levelname)s %(process)d [%(name)s] %(filename)s:%(lineno)d - %(message)s"
# xqueue-watcher (openedx/xqueue-watcher, cb65c61), xqueue_watcher/
# env_settings.py _LOG_FORMAT, through configure_logging()'s dictConfig
# (manager.py configure_from_directory, no logging.json).
XQWATCHER = "%(asctime)s %(levelname)s %(process)d [%(name)s] %(filename)s:%(lineno)d - %(message)s"
# SimpleLogin (simple-login/app, dbc45fcc), app/log.py _log_format, with its
# EmailHandlerFilter and RequestIdFilter (COLOR_LOG unset: no coloredlogs).
SIMPLELOGIN = ('%(asctime)s - %(name)s - %(levelname)s - %(process)d - %(request_id)s'
               '"%(pathname)s:%(lineno)d" - %(funcName)s() - %(message_id)s - %(message)s')
# iRedAdmin (iredmail/iRedAdmin, 2c4f8b3), libs/logger.py, the formatter of
# LOG_TARGET = "stdout" (libs/default_settings.py's default is "syslog").
IREDADMIN = "%(message)s (%(pathname)s, L%(lineno)d)"
# Open Library (internetarchive/openlibrary, 026d3d4f), conf/logging.ini
# [formatter_default] (the "openlibrary" and "infobase" loggers' handlers).
OPENLIBRARY = "%(asctime)s [%(name)s] [%(levelname)s] %(message)s"
OPENLIBRARY_DATEFMT = "%Y-%m-%d %H:%M:%S"
# EvalAI (Cloud-CV/EvalAI, 0f040392), scripts/workers/submission_worker.py's
# module-level formatter (its stdout handler on the "__main__" logger).
EVALAI = "[%(asctime)s] %(levelname)s %(message)s"
EVALAI_DATEFMT = "%Y-%m-%d %H:%M:%S"


# --------------------------------------------------------------------------
# An Open edX site's external grading on EC2 (Tutor's xqueue plugin, the
# watcher beside it; Docker's awslogs driver, one stream for the project).

XQ = "/openedx/xqueue/submission_queue/"
XW = "/edx/app/xqueue_watcher/xqueue_watcher/"
COURSES = [("course-v1:UniX+CS101+2024_T1", "cs101/ps3/fizzbuzz.py"),
           ("course-v1:UniX+DS200+2024_T1", "ds200/lab2/pandas_grader.py"),
           ("course-v1:UniX+CS101+2024_T1", "cs101/ps4/recursion.py")]


def stream_xqueue_watcher():
    stream = []
    xq = Program("xqueue", "submission_queue", logging.Formatter(XQUEUE), stream)
    xw = Program("xqueue-watcher", "xqueue_watcher.manager", logging.Formatter(XQWATCHER), stream)
    users = lg(xq, "submission_queue.management.commands.update_users")
    lms = lg(xq, "submission_queue.lms_interface")
    ext = lg(xq, "submission_queue.ext_interface")
    old = lg(xq, "submission_queue.management.commands.delete_old_submissions")
    mgr = lg(xw, "xqueue_watcher.manager")
    client = lg(xw, "xqueue_watcher.client")
    grader = lg(xw, "xqueue_watcher.grader")
    cgr = lg(xw, "xqueue_watcher.containergrader")
    image = "registry.example.edu/cs101-grader:2024t1"

    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: admin, auth, contenttypes, sessions, submission_queue")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    with pid(23):
        at(users, logging.INFO, XQ + "management/commands/update_users.py", 24, "handle",
           " [*] Creating/updating user lms")
        at(users, logging.INFO, XQ + "management/commands/update_users.py", 24, "handle",
           " [*] Creating/updating user xqwatcher")
        at(users, logging.INFO, XQ + "management/commands/update_users.py", 30, "handle",
           "     ... xqwatcher does not exist. Creating")
    printed(stream, "*** Starting uWSGI 2.0.25.1 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "spawned uWSGI worker 1 (pid: 11, cores: 1)")
    printed(stream, "spawned uWSGI worker 2 (pid: 12, cores: 1)")
    printed(stream, "running consumers")
    with pid(1):
        at(cgr, logging.INFO, XW + "containergrader.py", 225, "__init__",
           "Started digest poller for grader image %s (interval=%ds)", image, 300)
        for i in range(2):
            at(mgr, logging.INFO, XW + "manager.py", 174, "start", "Starting %r",
               realworld.Shown("XQueueClient(cs101)"))
        at(mgr, logging.INFO, XW + "manager.py", 174, "start", "Starting %r", realworld.Shown("XQueueClient(ds200)"))
        at(client, logging.DEBUG, XW + "client.py", 129, "_login", "Trying to login to %s with user: %s",
           "http://xqueue:8000/xqueue/login/", "xqwatcher")
        at(client, logging.ERROR, XW + "client.py", 173, "_login", "Log in error %s %s", 502,
           b"<html><body><h1>502 Bad Gateway</h1></body></html>")
        at(client, logging.ERROR, XW + "client.py", 243, "run",
           "Could not log in to Xqueue %s. Retrying every 5 seconds..." % "cs101")
        at(client, logging.ERROR, XW + "client.py", 249, "run", "Still could not log in to %s (user: %s) tries: %d",
           "cs101", "xqwatcher", 2)
        at(client, logging.DEBUG, XW + "client.py", 187, "_login", "login response from %r: %r",
           "http://xqueue:8000/xqueue/login/", "Logged in")
        at(cgr, logging.INFO, XW + "containergrader.py", 105, "_refresh", "Resolved grader image %s → %s", image,
           "registry.example.edu/cs101-grader@sha256:9f2c1d4e7a0b5c3d8e6f1a2b4c7d9e0f3a5b6c8d1e2f4a7b9c0d3e5f6a8b1c2d")
    for n in range(24):
        course, path = COURSES[n % 3]
        sid = 81230 + n
        if n % 5 == 2:
            printed(stream, "running consumers")
        if n == 7:
            with pid(11):
                at(lms, logging.ERROR, XQ + "lms_interface.py", 34, "submit",
                   "Invalid queue submission from LMS: lms ip: {}, request.POST: {}".format(
                       "10.0.12.41", "<QueryDict: {'xqueue_header': ['{\"lms_callback_url\": \"https://lms.example.edu"
                       "/courses/%s/xqueue/412/block-v1:UniX+CS101+2024_T1+type@problem+block@ps3_q2/score_update\", "
                       "\"lms_key\": \"6c1f0e\", \"queue_name\": \"cs102\"}'], 'xqueue_body': ['{\"student_response\": "
                       "\"def fizz(n):\\\\n    return n\"}']}>" % course))
            continue
        if n % 8 == 0:
            with pid(1):
                at(client, logging.DEBUG, XW + "client.py", 129, "_login", "Trying to login to %s with user: %s",
                   "http://xqueue:8000/xqueue/login/", "xqwatcher")
                at(client, logging.DEBUG, XW + "client.py", 148, "_login", "Login CSRF prefetch returned %d from %s; "
                   "proceeding without CSRF token (older server?)", 404, "http://xqueue:8000/xqueue/login/")
        with pid(40 + n):
            payload = '{"grader": "%s"}' % path
            at(grader, logging.DEBUG, XW + "grader.py", 131, "process_item",
               f"Processing submission, grader payload: {payload}")
            if n == 9:
                at(grader, logging.WARNING, XW + "containergrader.py", 301, "_run",
                   "Submission code is large (%d bytes). Very large submissions may exceed Kubernetes API object "
                   "size limits when passed via env var.", 412877)
            job = "xqueue-grader-%012x" % (0x3fa9c1d2e4b7 + n * 7919)
            at(grader, logging.DEBUG, XW + "containergrader.py", 324, "_run_kubernetes", "Created Job %s", job)
            if n == 13:
                # The grading Job times out: grade() logs it with its traceback.
                def run_kubernetes():
                    def wait_and_collect():
                        raised("builtins", "TimeoutError", f"Job {job} did not complete within 20 seconds")
                    wait_and_collect()
                try:
                    run_kubernetes()
                except Exception:
                    at(grader, logging.ERROR, XW + "containergrader.py", 639, "grade",
                       "Grading container failed. grader = %s", "/graders/" + path, exc=True)
            elif n == 18:
                # Output that is no JSON: the child logs it and hands the
                # exception to the parent, whose client logs it again.
                out = b"Traceback (most recent call last):\n  File \"/grader/run.py\", line 12\nMemoryError\n"
                at(grader, logging.ERROR, XW + "containergrader.py", 630, "grade",
                   "Failed to parse container output as JSON for grader %s. Raw output (%d bytes): %r",
                   "/graders/" + path, len(out), out)

                def process_item():
                    def loads():
                        raised("json.decoder", "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)")
                    loads()
                try:
                    process_item()
                except Exception as e:
                    at(grader, logging.ERROR, XW + "grader.py", 163, "process_item", "process_item", exc=True)
                    with pid(1):
                        at(client, logging.ERROR, XW + "client.py", 235, "process_one", e, exc=True)
                continue
            else:
                out = b'{"correct": true, "score": 1, "errors": [], "tests": [["fizz(15)", "FizzBuzz", "FizzBuzz"]]}'
                at(grader, logging.DEBUG, XW + "containergrader.py", 621, "grade",
                   "Raw container output (%d bytes) for grader %s: %r", len(out), "/graders/" + path, out)
            if n == 21:
                def delete_job():
                    raised("kubernetes.client.exceptions", "ApiException", "(409)\nReason: Conflict\nHTTP response "
                           "body: {\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Conflict\"}\n")
                try:
                    delete_job()
                except Exception:
                    at(grader, logging.WARNING, XW + "containergrader.py", 338, "_run_kubernetes",
                       "Failed to delete Job %s", job, exc=True)
            at(grader, logging.DEBUG, XW + "grader.py", 154, "process_item", "grading-time seconds=%.3f",
               3.2 + (n % 7) * 0.41)
        if n == 15:
            with pid(12):
                at(ext, logging.ERROR, XQ + "ext_interface.py", 134, "put_result",
                   "Grader submission_id refers to nonexistent entry in Submission DB: grader: {}, submission_id: {}, "
                   "submission_key: {}, grader_reply: {}".format("10.0.31.7", sid - 600, "a41f9c0e7d2b",
                                                                 '{"correct": false, "score": 0, "msg": ""}'))
        if n == 20:
            def inspect_distribution():
                raised("docker.errors", "APIError", "500 Server Error for http+docker://localhost/v1.45/distribution/"
                       "registry.example.edu/cs101-grader:2024t1/json: Internal Server Error (\"Get \"https://"
                       "registry.example.edu/v2/\": dial tcp: lookup registry.example.edu: i/o timeout\")")
            try:
                inspect_distribution()
            except Exception:
                with pid(1):
                    at(cgr, logging.WARNING, XW + "containergrader.py", 110, "_refresh",
                       "Failed to resolve digest for grader image %s; will retry in %ds", image, 300, exc=True)
    with pid(61):
        at(old, logging.INFO, XQ + "management/commands/delete_old_submissions.py", 72, "handle",
           "STARTED: Deleting %s submissions older than '%s' with chunk size of %s and %s seconds between chunk.",
           2311, "2024-02-11 14:45:02.118233+00:00", 1000, 1)
        for chunk in (1000, 1000, 311):
            at(old, logging.INFO, XQ + "management/commands/delete_old_submissions.py", 81, "handle",
               "Deleting %s expired submissions...", chunk)
            if chunk == 1000:
                at(old, logging.INFO, XQ + "management/commands/delete_old_submissions.py", 87, "handle",
                   "Sleeping %s seconds...", 1)
        at(old, logging.INFO, XQ + "management/commands/delete_old_submissions.py", 90, "handle",
           "FINISHED: Deleted %s old submissions tokens total.", 2311)
    printed(stream, "xqueue-watcher-1  | Stopping ...")
    with pid(1):
        at(mgr, logging.INFO, XW + "manager.py", 199, "shutdown", "shutting down")
        for name in ("ds200", "cs101", "cs101"):
            at(mgr, logging.INFO, XW + "manager.py", 209, "shutdown", "%r done",
               realworld.Shown(f"XQueueClient({name})"))
        at(mgr, logging.INFO, XW + "manager.py", 210, "shutdown", "done")
    return {"name": "xqueue-watcher", "programs": [xq, xw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A company mail host on EC2: SimpleLogin's email handler (Postfix hands it
# the aliases' mail on port 20381) and iRedAdmin, the mail server's admin
# panel under uwsgi, both containers in one awslogs stream.

SL = "/code/"
IRA = "/opt/www/iredadmin/"
ALIASES = [("billing.k2x9@aliases.example.com", "finance@corp.example.com"),
           ("github.q7m1@aliases.example.com", "devops@corp.example.com"),
           ("newsletter.zz4@aliases.example.com", "m.garcia@corp.example.com"),
           ("aws-root.p0v3@aliases.example.com", "sre-root@corp.example.com")]
SENDERS = ["no-reply@github.com", "invoice@vendor.example.net", "news@weekly.example.org",
           "no-reply-aws@amazon.com", "bounce+8f1@mailer.example.io"]


class SimpleLoginIds:
    """app/log.py's module state: _MESSAGE_ID, and the two filters that
    put it (and a request id, "" without a request) on every record."""

    def __init__(self):
        self.message_id = ""

    def filter(self, record):
        record.message_id = self.message_id
        record.request_id = ""
        return True


def stream_simplelogin_iredadmin():
    stream = []
    sl = Program("simplelogin", "webapp", logging.Formatter(SIMPLELOGIN), stream)
    ids = SimpleLoginIds()
    sl.handler.addFilter(ids)
    ia = Program("iredadmin", "iredadmin", logging.Formatter(IREDADMIN), stream)
    log = lg(sl, "webapp")
    ira = lg(ia, "iredadmin", logging.INFO)
    eh = SL + "email_handler.py"

    def set_message_id(mid):
        at(log, logging.DEBUG, SL + "app/log.py", 22, "set_message_id", "set message_id %s", mid)
        ids.message_id = mid

    def activity(msg, admin, domain="", username="", event="", ip="10.0.4.18", level="info"):
        line = 72 if level == "info" else 75
        at(ira, logging.INFO if level == "info" else logging.ERROR, IRA + "libs/logger.py", line, "log_activity",
           "{0} admin={1}, domain={2}, username={3}, event={4}, ip={5}".format(msg, admin, domain, username, event, ip))

    printed(stream, ">>> init logging <<<")
    with pid(9):
        at(log, logging.INFO, eh, 2505, "<module>", "Listen for port %s", 20381)
        at(log, logging.DEBUG, eh, 2487, "main", "Start mail controller %s %s", "0.0.0.0", 20381)
    printed(stream, "*** Starting uWSGI 2.0.23 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "WSGI app 0 (mountpoint='') ready in 1 seconds on interpreter 0x5581c3a0e6b0 pid: 31 (default app)")
    with pid(31):
        at(ira, logging.WARNING, IRA + "controllers/ldap/basic.py", 73, "POST",
           "Web login failed: client_address={}, username={}".format("203.0.113.77", "postmaster@corp.example.com"))
        activity("Login failed.", "postmaster@corp.example.com", event="login", ip="203.0.113.77", level="error")
        at(ira, logging.INFO, IRA + "controllers/ldap/basic.py", 86, "POST",
           "Admin login success: username={}, client_address={}".format("postmaster@corp.example.com", "10.0.4.18"))
        activity("Admin login success", "postmaster@corp.example.com", event="login")
    for n in range(22):
        alias, mailbox = ALIASES[n % 4]
        sender = SENDERS[n % 5]
        mid = str(uuid.UUID(int=0x5eed0000 + n * 104729))
        qid = "4Vb%07X" % (0x1a2b3c + n * 977)
        with pid(9):
            set_message_id(mid)
            at(log, logging.DEBUG, eh, 2434, "_handle", "====>=====>====>====>====>====>====>====>")
            at(log, logging.INFO, eh, 2435, "_handle", "New message, mail from %s, rctp tos %s ", sender, [alias])
            if n % 6 == 4:
                at(log, logging.INFO, eh, 2057, "handle", "Set CONTENT_TRANSFER_ENCODING")
            set_message_id(qid)
            if n == 11:
                at(log, logging.WARNING, eh, 2071, "handle", "Ignore email mail_from=%s rcpt_to=%s",
                   "<>", [alias])
                at(log, logging.INFO, eh, 2461, "_handle",
                   "Finish mail_from %s, rcpt_tos %s, takes %s seconds with return code '%s'<<===", "<>", [alias],
                   0.0141, "250 SL E204 Ignored")
                continue
            at(log, logging.DEBUG, eh, 2295, "handle", "Forward phase %s(%s) -> %s", sender,
               "GitHub <%s>" % sender if "github" in sender else sender, alias)
            if n == 8:
                # A broken message: handle_DATA logs it with LOG.e (exception).
                def handle():
                    def forward():
                        raised("email.errors", "HeaderParseError", "expected atom at a start of dot-atom-text but "
                               "found '[=?utf-8?q?Rechnung?=]'")
                    forward()
                try:
                    handle()
                except Exception as e:
                    at(log, logging.ERROR, eh, 2412, "handle_DATA",
                       "email handling fail with error:%s mail_from:%s, rcpt_tos:%s, header_from:%s, header_to:%s, "
                       "saved to %s", e, sender, [alias], sender, alias,
                       "/tmp/emails/HeaderParseError-%s.eml" % now("%Y-%m-%d-%H-%M-%S"), exc=True)
                continue
            at(log, logging.DEBUG, eh, 740, "forward_email_to_mailbox", "Forward %s -> %s -> %s (%s)" % (
                f"<Contact {4410 + n} {sender} {alias}>", f"<Alias {1200 + n % 4} {alias}>",
                f"<Mailbox {300 + n % 4} {mailbox}>", f"<User {77 + n % 4} {mailbox}>"))
            at(log, logging.DEBUG, eh, 798, "forward_email_to_mailbox", "Create %s for %s, %s, %s",
               realworld.Shown(f"<EmailLog {918220 + n}>"), realworld.Shown(f"<Contact {4410 + n} {sender} {alias}>"),
               realworld.Shown(f"<User {77 + n % 4} {mailbox}>"), realworld.Shown(f"<Mailbox {300 + n % 4} {mailbox}>"))
            if n == 14:
                at(log, logging.WARNING, eh, 677, "handle_forward", "no valid mailboxes for %s",
                   realworld.Shown(f"<Alias {1200 + n % 4} {alias}>"))
            at(log, logging.INFO, eh, 2461, "_handle",
               "Finish mail_from %s, rcpt_tos %s, takes %s seconds with return code '%s'<<===", sender, [alias],
               round(0.08 + (n % 5) * 0.137, 4), "250 Message accepted for delivery")
        if n % 5 == 1:
            with pid(32):
                user = "user%02d@corp.example.com" % n
                activity("Create user: %s." % user, "postmaster@corp.example.com", "corp.example.com",
                         event="create")
                activity("Update user profile ({}): {}.".format("general", user), "postmaster@corp.example.com",
                         "corp.example.com", user, "update")
        if n == 6:
            with pid(31):
                at(ira, logging.ERROR, IRA + "libs/ldaplib/core.py", 39, "__init__",
                   "VMAILADMIN_INVALID_CREDENTIALS. Detail: %s" % "INVALID_CREDENTIALS({'msgtype': 97, 'msgid': 1, "
                   "'result': 49, 'desc': 'Invalid credentials', 'ctrls': []})")
        if n == 17:
            # The LDAP server restarts: iRedAdmin logs the traceback's lines as a list.
            def add_domain():
                def search_s():
                    raised("ldap", "SERVER_DOWN", "{'result': -1, 'desc': \"Can't contact LDAP server\", 'errno': 107, "
                           "'ctrls': [], 'info': 'Transport endpoint is not connected'}")
                search_s()
            try:
                add_domain()
            except Exception:
                with pid(32):
                    at(ira, logging.ERROR, IRA + "libs/logger.py", 42, "log_traceback",
                       traceback.format_exception(*sys.exc_info()))
        if n == 19:
            with pid(31):
                activity("[API] New domain: %s." % "partners.example.com", "api-automation@corp.example.com",
                         "partners.example.com", event="create", ip="10.0.9.200")
                activity("Delete user: %s." % "contractor7@corp.example.com", "postmaster@corp.example.com",
                         "corp.example.com", "contractor7@corp.example.com", "delete")
    printed(stream, "[pid: 31|app: 0|req: 48/96] 10.0.4.18 () {46 vars in 1021 bytes} [%s] GET /iredadmin/users/"
            "corp.example.com => generated 38214 bytes in 211 msecs (HTTP/1.1 200) 8 headers in 412 bytes (1 switches "
            "on core 0)" % now("%a %b %d %H:%M:%S %Y"))
    return {"name": "simplelogin-iredadmin", "programs": [sl, ia], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A university's learning-resources host on EC2: a self-hosted Open Library
# (its web app and infobase under gunicorn) and EvalAI's submission worker
# for a course challenge, reading its SQS queue.

BOOKS = [("OL27448W", "ia:introductiontoal00corm", "Introduction to Algorithms"),
         ("OL1968368W", "ia:structureinterp00abel", "Structure and Interpretation of Computer Programs"),
         ("OL17930368W", "ia:pythonforeverybody0000seve", "Python for Everybody"),
         ("OL82592W", "ia:artofcomputerpr0001knut", "The Art of Computer Programming"),
         ("OL3346434W", "ia:thinkstats00down", "Think Stats")]


def stream_openlibrary_evalai():
    stream = []
    ol = Program("openlibrary", "openlibrary", logging.Formatter(OPENLIBRARY, OPENLIBRARY_DATEFMT), stream)
    ev = Program("evalai", "__main__", logging.Formatter(EVALAI, EVALAI_DATEFMT), stream)
    ib = lg(ol, "infobase.ol")
    lending = lg(ol, "openlibrary.core.lending", logging.INFO)
    ia = lg(ol, "openlibrary.ia", logging.INFO)
    wl = lg(ol, "openlibrary.waitinglist", logging.INFO)
    bp = lg(ol, "openlibrary.book_providers", logging.INFO)
    w = lg(ev, "__main__", logging.INFO)
    WL, SL_ = "WORKER_LOG", "SUBMISSION_LOG"

    printed(stream, "[%s +0000] [1] [INFO] Starting gunicorn 23.0.0" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s +0000] [1] [INFO] Listening at: http://0.0.0.0:7000 (1)" % now("%Y-%m-%d %H:%M:%S"))
    ib.info("setting up http listeners")
    ib.info("logging initialized")
    ib.debug("debug")
    w.info("{} Submission worker revision {} (set EVALAI_GIT_REVISION at image build to match Django API)".format(
        WL, "3c9e1f0a"))
    w.info("{} Using {} as temp directory to store data".format(WL, "/tmp/tmpq3x8_kze"))
    w.info("Deleted directory: /tmp/tmpa81b2_mc")
    w.info("No custom requirements for challenge {}".format(2117))
    for cycle in range(8):
        for wid, ocaid, title in BOOKS:
            ident = ocaid[3:]
            if (cycle + len(wid)) % 2 == 0:
                lending.info("BEGIN sync_loan %s %s", ident, None)
                wl.info("updating ebooks/" + ident)
                lending.info("END sync_loan %s", ident)
            if (cycle * 3 + len(title)) % 11 == 5:
                ia.info(f"404 response received from https://archive.org/metadata/{ident}")
        if cycle == 2:
            lending.error("Availability request timed out in non-LOCAL_DEV environment. Re-raising the exception.")

            def get_availability():
                def request():
                    raised("requests.exceptions", "ReadTimeout",
                           "HTTPSConnectionPool(host='archive.org', port=443): Read timed out. (read timeout=1.5)")
                request()
            try:
                get_availability()
            except Exception:
                lending.exception("lending.get_availability")
        if cycle == 5:
            bp.warning(f"Unknown mimetype: {'application/x-mobipocket-ebook'}")
        # The worker's turn: one or two messages from the challenge's queue.
        for k in range(2):
            sub = 40310 + cycle * 2 + k
            body = '{"challenge_pk": 2117, "phase_pk": 4402, "submission_pk": %d}' % sub
            w.info("{} Processing message body: {}".format(WL, body))
            w.info("{} [x] Received submission message {}".format(SL_, body))
            if cycle == 3 and k == 1:
                w.critical("{} Submission {} does not exist".format(SL_, sub))

                def extract():
                    kind = type("DoesNotExist", (Exception,), {"__module__": "jobs.models"})
                    kind.__qualname__ = "Submission.DoesNotExist"
                    raise kind("Submission matching query does not exist.")
                uncaught(stream, extract)
                continue
            if cycle == 6 and k == 0:
                w.error("{} Submission {} belongs to challenge {} phase {}, but message claimed challenge {} phase {}. "
                        "Skipping.".format(WL, sub, 2098, 4371, 2117, 4402))
                continue
            printed(stream, "Starting Evaluation.....")
            if cycle == 4 and k == 0:
                # The challenge's evaluate() fails: the worker logs it.
                def callback():
                    def evaluate():
                        raised("builtins", "KeyError", "'image_id'")
                    evaluate()
                try:
                    callback()
                except Exception as e:
                    w.exception("{} Exception while receiving message from submission queue with error {}".format(
                        SL_, e))
                continue
            printed(stream, "Completed evaluation for Dev Phase")
        if cycle == 7:
            w.info(f"Error deleting directory /tmp/tmpq3x8_kze/compute/submission_files/submission_40322: [Errno 2] "
                   f"No such file or directory: 'submission_40322'")
    printed(stream, "[%s +0000] [1] [INFO] Handling signal: term" % now("%Y-%m-%d %H:%M:%S"))
    w.info("{} Quitting Submission Worker.".format(WL))
    return {"name": "openlibrary-evalai", "programs": [ol, ev], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_xqueue_watcher(), stream_simplelogin_iredadmin(), stream_openlibrary_evalai()])


if __name__ == "__main__":
    main()
