"""The twenty-eighth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout26.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in areas the earlier sets did not cover (a programming-contest site
whose DMOJ bridge hands submissions to a DMOJ judge; a course's grading
host where Autolab's Tango grades labs on EC2 instances while nbgrader
autogrades a notebook problem set; an edge host where BunkerWeb's
scheduler keeps the reverse proxy's blacklists, GeoIP data and
certificates fresh while a nightly LinkChecker run checks the
documentation site behind it), each format copied from the file named
beside it (the version read is given), with the formatter class the
program uses, and messages from the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout28

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at fa5d653 (session 21's first rules in, none
written from this set), with nothing configured: 36.8% exact, 49.5% key
fields.

Formatters and filters: DMOJ's judge and bridge, Tango, BunkerWeb and
LinkChecker use logging.Formatter itself, nbgrader tornado.log.LogFormatter
(as traitlets builds it from NbGrader's _log_formatter_cls); no filter but
the one pinning LinkChecker's thread names (a standard attribute). 608
records in three streams, 87 of them print lines. The judge's and the
bridge's formats differ by one field, the judge's process id ("INFO
2024-05-11 14:44:44,249 7 packet Preparing to connect ..." beside "INFO
2024-05-11 14:44:44,421 judge_handler Judge connected from: ..."), both
starting with the level and printing the module, not the logger's name.
The judge reports grading through logger.info (judge.py's report=
logger.info), its #ansi[] markup uncoloured as termcolor does off a TTY
(termcolor/termcolor 9477ddf1, can_colorize): its test-case lines end with
a space (two for short-circuited cases, "--"), batched ones start with two
spaces, "Done grading .../4812308.\n" ends with a line break, a compile
error's compiler output is a multi-line INFO message, and a worker's
failure is logged as its formatted traceback (an ERROR message ending with
a line break, no exc_info). The bridge logs the judge's address as a tuple
("('172.18.0.7', 41862)"), logs that failure with exc_info, the traceback
of a ValueError whose text is "\n\n" and the judge's traceback (its
"ValueError: " line ends with a space), and its "judge.json.bridge" logger
prints JSON messages (only at WARNING and up: the sample LOGGING leaves the
root at WARNING). nbgrader's format has no time ("[AutogradeApp | INFO]
..."); Tornado's formatter indents a message's continuation lines by four
spaces (an outdated-config warning, a traceback.format_exc() logged as an
ERROR message, which ends with two lines of four spaces); "Please see the
the above traceback" is the source's. Tango separates its fields with "|"
and its JobQueue messages carry their own "|" ("INFO|2024-05-11
14:44:51,318|JobQueue|assignJob|Assigning job ID: 42"); two Preallocator
messages end with a space; the worker's "Internal Error" carries a
traceback (exc_info). BunkerWeb's time is bracketed by its datefmt with
the offset ("[2024-05-11 14:44:57 +0000]"), its names are upper case and
dotted ("JOBS.MMDB-COUNTRY", "LETS-ENCRYPT.RENEW.CERTBOT"), its levels are
the emojis it registers with logging.addLevelName ("[\u2139\ufe0f ]",
"[\u26a0\ufe0f ]" end with a space inside the brackets, "[\u274c]"); it
puts an exception's text after ":\n" in a message, relays certbot's
stderr line by line stripped (empty messages among them) and logs
format_exc() at the end of a message. LinkChecker puts the logger's name
before the time and the thread's name after it; a checking thread's name
carries the URL ("CheckThread-https://docs.example.org/guide/").

Print lines: the shell's "+ ..." lines, the DMOJ judge's self-test lines
(BaseExecutor.run_self_test: the markup counts in its ljust, so the names
are padded short), its "Running live judge..." and startup warning;
nbgrader's kernels' debugpy warnings and SQLAlchemy's SAWarnings (as the
nbgrader documentation's own autograde output shows them:
nbgrader/docs/source/user_guide/creating_and_grading_assignments.ipynb);
Tango's "Starting the stand-alone Tango JobManager"; BunkerWeb's
entrypoint lines (src/common/helpers/utils.sh log: "[2024-05-11 14:44:57]
- ENTRYPOINT - \u2139\ufe0f - ...", a shape close to its Python records')
and nginx's notices; LinkChecker's text output on stdout (its intro, the
broken links' blocks, its outro) and its status lines on stderr.

The messages' texts are copied from the programs' source (DMOJ's with the
line and function they come from; the others' formats print neither);
their values are modelled: submission ids, problem codes, timings and the
compiler's output; Autolab's job names and callback URLs (Autolab itself,
Ruby, was not read), EC2 ids and addresses; the students, paths and
sizes; nbconvert's "Writing %i bytes to %s" (seen in nbgrader's
documentation, nbconvert not read); nbclient's timeout text and certbot's
renew output (from memory of them, not read); the broken links, nginx's
lines and the database error's text.

Left out: Bokeh's server ("%(asctime)s %(message)s", bokeh/bokeh
8fbd227b, src/bokeh/command/subcommands/serve.py DEFAULT_LOG_FORMAT: no
level; kept for a later set), rss2email ("%(asctime)s [%(levelname)s]
%(message)s", rss2email/rss2email 3.14 at 46e2b139, rss2email/main.py; its
logger at ERROR unless -V: a layout the earlier sets hold) and urlwatch
("%(asctime)s %(module)s %(levelname)s: %(message)s", thp/urlwatch
694a2581, lib/urlwatch/cli.py setup_logger, only with --verbose; kept for
a later set), for want of room; Tango's REST server (the same format,
another process); Apache Traffic Control's Python ORT (experimental; the
module holding its logging set-up was not in the index, so not read),
Onionbalance, HyperKitty and Postorius (not read for want of time);
Shlink, YOURLS, Kutt, Polr, listmonk and Mautic (not Python); Kolibri,
INGInious (in `heldout25.py`'s Left out), Jupyter Enterprise Gateway's
launcher (`heldout9.py`'s), papermill and Mailu (`heldout13.py`) were not
taken again.
"""

import json
import logging
import os
import re
import sys

import tornado.log

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402
from heldout13 import at, tb_text  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# DMOJ judge (DMOJ/judge-server 4.1.0, 3ea44aca), dmoj/judge.py main's
# logging.basicConfig (no log file given: the root's StreamHandler on
# stderr; judgeenv.log_level is DEBUG unless set).
DMOJ_JUDGE = "%(levelname)s %(asctime)s %(process)d %(module)s %(message)s"
# DMOJ site's bridge (manage.py runbridged; DMOJ/online-judge 9d6f4f61),
# with the LOGGING of DMOJ/docs' sample_files/local_settings.py (ae9c737e):
# the "file" formatter on the root's "console" StreamHandler, which the
# "judge.bridge" logger (INFO) reaches by propagation.
DMOJ_SITE = "%(levelname)s %(asctime)s %(module)s %(message)s"


def judge_at(log, level, module, line, func, msg, *args, exc=None):
    """A record of the DMOJ judge's module (dmoj/<module>.py)."""
    at(log, level, "/judge/dmoj/" + module + ".py", line, func, msg, *args, exc=exc)


def bridge_at(log, level, module, line, func, msg, *args, exc=None):
    """A record of the DMOJ site's bridge (judge/bridge/<module>.py)."""
    at(log, level, "/site/judge/bridge/" + module + ".py", line, func, msg, *args, exc=exc)


def self_test(stream, executor, ok, usage, runtimes):
    """BaseExecutor.run_self_test's line (print_ansi, no TTY: no colours):
    the name's markup counts in its ljust(39), so the pad is short."""
    head = f"Self-testing #ansi[{executor}](|underline):".ljust(39)
    head = re.sub(r"#ansi\[(.*?)\]\((.*?)\)", r"\1", head)
    status = ["Failed ", "Success"][ok]
    printed(stream, f"{head} {status} {usage:<19} " + ", ".join(f"{name} {ver}" for name, ver in runtimes))


# --------------------------------------------------------------------------
# A programming-contest site in AWS (one EC2 host's compose project, Docker's
# awslogs driver writing one stream): the DMOJ site's bridge daemon hands
# submissions to a DMOJ judge and records its results. The judge's
# self-test lines, its "Running live judge..." and the shell's lines are
# print lines.

JUDGE = "aws-judge-1"
BRIDGE = "bridged"
PROBLEMS = [("aplusb", "PY3"), ("ccc24s1", "CPP17"), ("dmopc23c5p2", "PY3"), ("coci21c3p1", "CPP17"),
            ("ioi22p1", "CPP17"), ("bf3", "JAVA")]
AC, WA, TLE, SC = "AC", "WA", "TLE", "SC"


def stream_dmoj():
    stream = []
    jd = Program("dmoj-judge", "dmoj.judge", logging.Formatter(DMOJ_JUDGE), stream)
    br = Program("dmoj-bridged", "judge.bridge", logging.Formatter(DMOJ_SITE), stream)
    judge = lg(jd, "dmoj.judge")
    packet = lg(jd, "dmoj.packet")
    monitor = lg(jd, "dmoj.monitor")
    bridge = lg(br, "judge.bridge", logging.INFO)
    json_log = lg(br, "judge.json.bridge", logging.WARNING)
    judge_addr = ("172.18.0.7", 41862)

    def connect(fallbacks):
        judge_at(packet, logging.INFO, "packet", 94, "_connect", "Opening connection to: [%s]:%s", BRIDGE, 9999)
        for fallback in fallbacks:
            try:
                def create_connection():
                    raise ConnectionRefusedError(111, "Connection refused")
                create_connection()
            except OSError:
                judge_at(packet, logging.ERROR, "packet", 136, "_do_reconnect",
                         "Connection failed due to socket error: [%s]:%s", BRIDGE, 9999, exc=True)
            judge_at(packet, logging.WARNING, "packet", 120, "_reconnect", "Attempting reconnection in %.0fs: [%s]:%s",
                     fallback, BRIDGE, 9999)
            judge_at(packet, logging.INFO, "packet", 123, "_reconnect", "Dropping old connection.")
            judge_at(packet, logging.INFO, "packet", 94, "_connect", "Opening connection to: [%s]:%s", BRIDGE, 9999)
        judge_at(packet, logging.INFO, "packet", 112, "_connect", "Starting handshake with: [%s]:%s", BRIDGE, 9999)
        judge_at(packet, logging.INFO, "packet", 291, "handshake", "Awaiting handshake response: [%s]:%s", BRIDGE, 9999)
        bridge_at(bridge, logging.INFO, "judge_handler", 82, "on_connect", "Judge connected from: %s", judge_addr)
        bridge_at(bridge, logging.INFO, "judge_handler", 176, "on_handshake", "Judge authenticated: %s (%s)",
                  judge_addr, JUDGE)
        bridge_at(bridge, logging.INFO, "judge_list", 68, "_update_min_tier", "Minimum tier changed from %s to %s",
                  None, 1)
        judge_at(packet, logging.INFO, "packet", 115, "_connect", 'Judge "%s" online: [%s]:%s', JUDGE, BRIDGE, 9999)

    printed(stream, "+ exec python3 manage.py runbridged")
    printed(stream, "+ exec dmoj -c /judge/judge.yml -p 9999 bridged")
    printed(stream, "Self-testing executors")
    self_test(stream, "CPP17", True, "[0.004s, 3480 KB]", [("g++17", "12.2.0")])
    self_test(stream, "JAVA", True, "[0.091s, 34916 KB]", [("javac", "17.0.11")])
    self_test(stream, "PY3", True, "[0.021s, 9120 KB]", [("python3", "3.11.2")])
    printed(stream, "Running live judge...")
    printed(stream, "Warning: running without BPF JIT enabled, consider running "
                    "`echo 1 > /proc/sys/net/core/bpf_jit_enable` to reduce sandbox overhead")
    judge_at(packet, logging.INFO, "packet", 54, "__init__", "Preparing to connect to [%s]:%s as: %s", BRIDGE, 9999, JUDGE)
    judge_at(packet, logging.INFO, "packet", 71, "__init__", "TLS not enabled.")
    connect([])
    judge_at(monitor, logging.INFO, "monitor", 95, "__init__", "Scheduled for monitoring: %s", "/problems")

    def unknown(sub, line, func, action):
        bridge_at(bridge, logging.WARNING, "judge_handler", line, func, "Unknown submission: %s", sub)
        # The json_log's records reach the root's handler at WARNING and up.
        json_log.handle(json_log.makeRecord(
            json_log.name, logging.ERROR, "/site/judge/bridge/judge_handler.py", line + 1, json.dumps(
                {"judge": JUDGE, "address": "[%s]:%s" % judge_addr, "submission": sub, "action": action,
                 "info": "unknown submission"}), (), None, func=func))

    def grade(sub, problem, lang, cases, batch=None, feedback=None, vanished=False):
        """One submission, from the bridge's dispatch to the judge's end."""
        bridge_at(bridge, logging.INFO, "judge_list", 178, "judge", "Free judges: %d", 1)
        bridge_at(bridge, logging.INFO, "judge_list", 186, "judge", "Dispatched submission %d to: %s", sub, JUDGE)
        judge_at(judge, logging.INFO, "judge", 134, "begin_grading", "Start grading %s/%s in %s...", problem, sub, lang)
        judge_at(packet, logging.INFO, "packet", 275, "_receive_packet", "Accept submission: %d: executor: %s, code: %s",
                 sub, lang, problem)
        bridge_at(bridge, logging.INFO, "judge_handler", 287, "on_submission_acknowledged", "Submission acknowledged: %d",
                  sub)
        judge_at(packet, logging.DEBUG, "packet", 342, "begin_grading_packet", "Begin grading: %d", sub)
        bridge_at(bridge, logging.INFO, "judge_handler", 337, "on_grading_begin", "%s: Grading has begun on: %s",
                  JUDGE, sub)
        if vanished:
            unknown(sub, 348, "on_grading_begin", "grading-begin")
        pending = 0
        for n, (code, t, mem, points) in enumerate(cases, 1):
            in_batch = batch is not None and n >= batch[0]
            if batch is not None and n == batch[0]:
                judge_at(packet, logging.DEBUG, "packet", 355, "batch_begin_packet", "Enter batch number %d: %d", 1, sub)
                judge_at(judge, logging.INFO, "judge", 242, "_ipc_batch_begin", "Batch #%d", 1)
                bridge_at(bridge, logging.INFO, "judge_handler", 498, "on_batch_begin", "%s: Batch began on: %s",
                          JUDGE, sub)
            pad = "  " if in_batch else ""
            if code == SC:
                info = ""
                shown = "--"
            else:
                fb = "(%s) " % feedback if feedback and code == WA else ""
                info = "[%.3fs (%.3fs wall) | %dkb | %d switches (%d involuntary)] %s" % (
                    t, t + 0.004 + n % 3 / 1000, mem, 3 + n % 4, n % 2, fb)
                shown = code
            judge_at(judge, logging.INFO, "judge", 236, "_ipc_result", "%sTest case %2d %-3s %s" % (pad, n, shown, info))
            judge_at(packet, logging.DEBUG, "packet", 310, "test_case_status_packet",
                     "Test case on %d: #%d, %s [%.3fs | %.2f MB], %.1f/%.0f", sub, n, code, t if code != SC else 0,
                     mem / 1024.0 if code != SC else 0, points if code == AC else 0, points)
            pending += 1
            if pending == 3 or n == len(cases):
                bridge_at(bridge, logging.INFO, "judge_handler", 513, "on_test_case",
                          "%s: %d test case(s) completed on: %s", JUDGE, pending, sub)
                if vanished:
                    unknown(sub, 520, "on_test_case", "test-case")
                pending = 0
        if batch is not None:
            judge_at(packet, logging.DEBUG, "packet", 360, "batch_end_packet", "Exit batch number %d: %d", 1, sub)
            bridge_at(bridge, logging.INFO, "judge_handler", 509, "on_batch_end", "%s: Batch ended on: %s", JUDGE, sub)
        judge_at(packet, logging.DEBUG, "packet", 348, "grading_end_packet", "End grading: %d", sub)
        bridge_at(bridge, logging.INFO, "judge_handler", 352, "on_grading_end", "%s: Grading has ended on: %s", JUDGE, sub)
        bridge_at(bridge, logging.INFO, "judge_list", 141, "on_judge_free", "Judge available after grading %d: %s",
                  sub, JUDGE)
        if vanished:
            unknown(sub, 359, "on_grading_end", "grading-end")
        judge_at(judge, logging.INFO, "judge", 183, "_grading_thread_main", "Done grading %s/%s.\n", problem, sub)

    sub = 4812301
    plans = [
        [(AC, 0.012, 9036, 1.0)] * 4,
        [(AC, 0.004, 3512, 2.0), (AC, 0.006, 3600, 2.0), (WA, 0.005, 3588, 2.0), (SC, 0, 0, 2.0)],
        [(AC, 0.031, 9420, 1.0), (AC, 0.129, 12040, 3.0), (AC, 0.702, 30112, 3.0), (TLE, 2.000, 30248, 3.0),
         (SC, 0, 0, 3.0)],
        [(AC, 0.003, 3456, 5.0), (AC, 0.011, 3972, 5.0), (AC, 0.028, 4480, 5.0)],
    ]
    for cycle in range(2):
        for k, (problem, lang) in enumerate(PROBLEMS):
            if cycle == 1 and k in (0, 3, 4):
                continue
            sub += 7 + k
            if cycle == 0 and k == 3:
                # A compile error: the compiler's output is the report's message.
                bridge_at(bridge, logging.INFO, "judge_list", 178, "judge", "Free judges: %d", 1)
                bridge_at(bridge, logging.INFO, "judge_list", 186, "judge", "Dispatched submission %d to: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 134, "begin_grading", "Start grading %s/%s in %s...",
                         problem, sub, lang)
                judge_at(packet, logging.INFO, "packet", 275, "_receive_packet",
                         "Accept submission: %d: executor: %s, code: %s", sub, lang, problem)
                bridge_at(bridge, logging.INFO, "judge_handler", 287, "on_submission_acknowledged",
                          "Submission acknowledged: %d", sub)
                judge_at(judge, logging.INFO, "judge", 202, "_ipc_compile_error", "Failed compiling submission!")
                judge_at(judge, logging.INFO, "judge", 203, "_ipc_compile_error",
                         "_generated.cpp: In function 'int main()':\n"
                         "_generated.cpp:7:5: error: 'cout' was not declared in this scope; did you mean 'std::cout'?\n"
                         "    7 |     cout << a + b << endl;\n"
                         "      |     ^~~~\n"
                         "      |     std::cout")
                judge_at(packet, logging.DEBUG, "packet", 324, "compile_error_packet", "Compile error: %d", sub)
                bridge_at(bridge, logging.INFO, "judge_handler", 439, "on_compile_error",
                          "%s: Submission failed to compile: %s", JUDGE, sub)
                bridge_at(bridge, logging.INFO, "judge_list", 141, "on_judge_free",
                          "Judge available after grading %d: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 183, "_grading_thread_main", "Done grading %s/%s.\n", problem, sub)
                continue
            if cycle == 1 and k == 5:
                # The grader fails in the worker process: its formatted
                # traceback travels over the IPC pipe and is logged as a
                # message; the bridge raises it inside a ValueError.
                bridge_at(bridge, logging.INFO, "judge_list", 178, "judge", "Free judges: %d", 1)
                bridge_at(bridge, logging.INFO, "judge_list", 186, "judge", "Dispatched submission %d to: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 134, "begin_grading", "Start grading %s/%s in %s...",
                         problem, sub, lang)
                judge_at(packet, logging.INFO, "packet", 275, "_receive_packet",
                         "Accept submission: %d: executor: %s, code: %s", sub, lang, problem)
                bridge_at(bridge, logging.INFO, "judge_handler", 287, "on_submission_acknowledged",
                          "Submission acknowledged: %d", sub)

                # dmoj/checkers/linematches.py:20's error, the problem's
                # point distribution being one line short.
                def grade_cases():
                    def check():
                        raised("dmoj.error", "InternalError",
                               "point distribution length must equal to judge output length")
                    check()
                message = tb_text(grade_cases)
                judge_at(judge, logging.ERROR, "judge", 252, "_ipc_unhandled_exception",
                         "Unhandled exception in worker process")
                judge_at(judge, logging.ERROR, "judge", 305, "log_internal_error", message)
                judge_at(packet, logging.DEBUG, "packet", 335, "internal_error_packet", "Internal error: %d", sub)
                try:
                    raise ValueError("\n\n" + message)
                except ValueError:
                    bridge_at(bridge, logging.ERROR, "judge_handler", 470, "on_internal_error",
                              "Judge %s failed while handling submission %s", JUDGE, sub, exc=True)
                bridge_at(bridge, logging.INFO, "judge_list", 141, "on_judge_free",
                          "Judge available after grading %d: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 183, "_grading_thread_main", "Done grading %s/%s.\n", problem, sub)
                continue
            if cycle == 1 and k == 2:
                # The user aborts: the bridge asks, the judge kills its worker.
                bridge_at(bridge, logging.INFO, "judge_list", 178, "judge", "Free judges: %d", 1)
                bridge_at(bridge, logging.INFO, "judge_list", 186, "judge", "Dispatched submission %d to: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 134, "begin_grading", "Start grading %s/%s in %s...",
                         problem, sub, lang)
                judge_at(packet, logging.INFO, "packet", 275, "_receive_packet",
                         "Accept submission: %d: executor: %s, code: %s", sub, lang, problem)
                bridge_at(bridge, logging.INFO, "judge_handler", 287, "on_submission_acknowledged",
                          "Submission acknowledged: %d", sub)
                judge_at(packet, logging.DEBUG, "packet", 342, "begin_grading_packet", "Begin grading: %d", sub)
                bridge_at(bridge, logging.INFO, "judge_handler", 337, "on_grading_begin",
                          "%s: Grading has begun on: %s", JUDGE, sub)
                bridge_at(bridge, logging.INFO, "judge_list", 148, "abort", "Abort request: %d", sub)
                judge_at(judge, logging.INFO, "judge", 269, "abort_grading", "Received abortion request for %d", sub)
                judge_at(packet, logging.DEBUG, "packet", 369, "submission_aborted_packet", "Submission aborted: %d", sub)
                judge_at(judge, logging.INFO, "judge", 249, "_ipc_grading_aborted",
                         "Forcefully terminating grading. Temporary files may not be deleted.")
                bridge_at(bridge, logging.INFO, "judge_handler", 485, "on_submission_terminated",
                          "%s: Submission aborted: %s", JUDGE, sub)
                bridge_at(bridge, logging.INFO, "judge_list", 141, "on_judge_free",
                          "Judge available after grading %d: %s", sub, JUDGE)
                judge_at(judge, logging.INFO, "judge", 183, "_grading_thread_main", "Done grading %s/%s.\n", problem, sub)
                continue
            plan = plans[(k + cycle) % len(plans)]
            batch = (2, len(plan)) if problem == "ioi22p1" else None
            # In the second round, ccc24s1's submission is deleted on the
            # site while the judge grades it.
            grade(sub, problem, lang, plan, batch=batch, vanished=cycle == 1 and k == 1,
                  feedback="Presentation Error, check your whitespace" if problem == "ccc24s1" else None)
        if cycle == 1:
            # The problem directory changed: the updater pushes the list.
            judge_at(packet, logging.DEBUG, "packet", 306, "supported_problems_packet", "Update problems")
            bridge_at(bridge, logging.INFO, "judge_handler", 327, "on_supported_problems", "%s: Updated problem list",
                      JUDGE)
        if cycle == 0:
            # The site is redeployed: the bridge stops, the judge reconnects.
            bridge_at(bridge, logging.INFO, "daemon", 36, "signal_handler", "Exiting due to %s", "SIGTERM")
            printed(stream, "+ exec python3 manage.py runbridged")
            judge_at(packet, logging.WARNING, "packet", 120, "_reconnect", "Attempting reconnection in %.0fs: [%s]:%s",
                     4, BRIDGE, 9999)
            judge_at(packet, logging.INFO, "packet", 123, "_reconnect", "Dropping old connection.")
            connect([6, 9])
    return {"name": "dmoj", "programs": [jd, br], "records": stream, "auto": False}


# nbgrader (jupyter/nbgrader 0.9.5, 207a8e54), nbgrader/apps/baseapp.py
# NbGrader's log_format and log_datefmt defaults, its _log_formatter_cls
# tornado.log.LogFormatter (traitlets' console handler on stderr; off a TTY
# %(color)s and %(end_color)s are empty; the format has no time, so the
# datefmt prints nowhere).
NBGRADER = "%(color)s[%(name)s | %(levelname)s]%(end_color)s %(message)s"
NBGRADER_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Autolab's Tango (autolab/Tango, 92ae12fd), jobManager.py run stand-alone
# (USE_REDIS): tango.py TangoServer.__init__'s logging.basicConfig, with
# config.template.py's LOGFILE = None (the root's StreamHandler on stderr)
# and LOGLEVEL = logging.DEBUG.
TANGO = "%(levelname)s|%(asctime)s|%(name)s|%(message)s"

# --------------------------------------------------------------------------
# A course's grading host on EC2 (its journal, which the CloudWatch agent
# ships): Tango's stand-alone JobManager grades a lab's submissions on EC2
# instances (its ec2SSH VMMS) while the instructor's cron job runs nbgrader's
# autograde and generate_feedback over a notebook problem set. The shell's
# lines, Tango's print, the kernels' debugpy warnings and SQLAlchemy's
# SAWarnings are print lines.

COURSE = "/srv/nbgrader/cs109"
STUDENTS = ["cdiaz", "dokafor", "ehughes"]
NOTEBOOKS = ["problem1", "problem2"]
LAB = "cs213-s24_datalab"
EC2_HOSTS = [("54.162.38.211", "ec2-54-162-38-211.compute-1.amazonaws.com"),
             ("3.89.141.20", "ec2-3-89-141-20.compute-1.amazonaws.com")]


def debugger_warning(stream):
    """The kernel's stderr as nbgrader's execution relays it (debugpy)."""
    for line in ("0.00s - Debugger warning: It seems that frozen modules are being used, which may",
                 "0.00s - make the debugger miss breakpoints. Please pass -Xfrozen_modules=off",
                 "0.00s - to python to disable frozen modules.",
                 "0.00s - Note: Debugging will proceed. Set PYDEVD_DISABLE_FILE_VALIDATION=1 to disable this validation."):
        printed(stream, line)


def stream_nbgrader_tango():
    stream = []
    nb = Program("nbgrader", "AutogradeApp",
                 tornado.log.LogFormatter(fmt=NBGRADER, datefmt=NBGRADER_DATEFMT, color=False), stream)
    tg = Program("tango", "JobManager", logging.Formatter(TANGO), stream)
    ag = lg(nb, "AutogradeApp")
    fb = lg(nb, "GenerateFeedbackApp")
    tango = lg(tg, "TangoServer")
    manager = lg(tg, "JobManager")
    queue = lg(tg, "JobQueue")
    worker = lg(tg, "Worker")
    prealloc = lg(tg, "Preallocator")
    ec2 = lg(tg, "Ec2SSH")

    def instance(vm_id):
        return "local-%d-%s" % (vm_id, "autograding_image")

    def locked(op, sep="| "):
        queue.debug("%s%sAcquired lock to job queue." % (op, sep))

    printed(stream, "Starting the stand-alone Tango JobManager")
    tango.debug("Resetting Tango VMs")
    tango.debug("Received resetTango request.")
    tango.debug("Pre-existing VMs: %s" % ["local-1001-autograding_image", "local-1002-autograding_image"])
    tango.warning("Killed these %s VMs on restart: %s" % ("ec2SSH", ["local-1001-autograding_image",
                                                                   "local-1002-autograding_image"]))
    vms = []
    job_id = 41

    def boot(vm_id, host):
        name = instance(vm_id)
        prealloc.debug("__create: Using VMMS %s " % "ec2SSH")
        prealloc.debug("__create|calling initializeVM")
        for state, code in (("pending", 0),):
            ec2.debug("VM %s: Waiting to reach 'running' state. Current state: %s (%d)" % (name, state, code))
        ec2.info("VM %s | State %s | Reservation %s | Public DNS Name %s | Public IP Address %s"
                 % (name, "running", "r-0%015x" % (0x3a9f17c2d4e5b6 + vm_id), host[1], host[0]))
        ec2.debug("VM %s: %s" % (name, "Instance:i-0%016x" % (0x7c41d2e9a0b3f5 + vm_id)))
        prealloc.debug("__create|done with initializeVM")
        prealloc.debug("__create: Added vm %s to pool %s " % (vm_id, "autograding_image"))

    def run_job(user, version, runjob=0, waitvm_fail=False, redis_down=False, tries=0):
        nonlocal job_id
        name = "%s_%d_%s@example.edu" % (LAB, version, user)
        queue.debug("_getNextPendingJob|Acquiring lock to job queue.")
        queue.debug("_getNextPendingJob|Acquired lock to job queue.")
        queue.debug("getNextPendingJob| Releasing lock to job queue.")
        queue.debug("getNextPendingJob| Released lock to job queue.")
        vm_id = 1003 + job_id % 2
        manager.info("Dispatched job %s:%d to %s [try %d]" % (name, job_id, "autograding_image", tries))
        locked("assignJob")
        queue.debug("assignJob| Retrieved job.")
        queue.info("assignJob|Assigning job ID: %s" % job_id)
        queue.debug("assignJob| Releasing lock to job queue.")
        queue.debug("assignJob| Released lock to job queue.")
        worker.debug("Run worker")
        worker.debug("Assigning job to preallocated VM")
        if redis_down:
            # The job's remote copy lives in Redis, which restarted.
            def make_vm():
                def sync_remote():
                    raised("redis.exceptions", "ConnectionError",
                           "Error 111 connecting to redis:6379. Connection refused.")
                sync_remote()
            try:
                make_vm()
            except Exception:
                worker.exception("Internal Error")
            return
        worker.info("Assigned job %s:%d existing VM %s" % (name, job_id, instance(vm_id)))
        worker.debug("Assigned job to preallocated VM")
        worker.debug("Job %s:%d waiting for VM %s" % (name, job_id, instance(vm_id)))
        worker.debug("Waiting for VM")
        ec2.debug("VM %s: ping completed" % "autograding_image")
        if waitvm_fail:
            ec2.info("VM %s: SSH timeout after %d secs" % (instance(vm_id), 61))
            worker.debug("Waited for VM")
            worker.error("Job %s:%d failed: %s" % (name, job_id, "Internal error: waitVM timeout after 60 secs"))
            locked("unassignJob")
            queue.info("unassignJob|Unassigning job %s" % job_id)
            queue.debug("unassignJob| Released lock to job queue.")
            return
        ec2.debug("VM %s: ssh returned with %d" % (instance(vm_id), 0))
        worker.debug("Waited for VM")
        worker.info("VM %s ready for job %s:%d" % (instance(vm_id), name, job_id))
        worker.info("Input copied for job %s:%d [status=%d]" % (name, job_id, 0))
        ec2.debug("runJob: Running job on VM %s" % instance(vm_id))
        worker.info("Job %s:%d executed [status=%s]" % (name, job_id, runjob))
        worker.info("Output copied for job %s:%d [status=%d]" % (name, job_id, 0))
        worker.info("Success: job %s:%d finished" % (name, job_id))
        reason = "Success: Autodriver returned normally" if runjob == 0 else \
            "Error: Job timed out after %d seconds" % 180
        queue.info("makeDead| Making dead job ID: " + str(job_id))
        queue.debug("makeDead| Acquired lock to job queue.")
        queue.info("makeDead| Found job ID: %s in the live queue" % job_id)
        queue.info("Terminated job %s:%s: %s" % (name, job_id, reason))
        queue.debug("makeDead| Released lock to job queue.")
        worker.debug("Sending request to %s" % ("https://autolab.example.edu/courses/cs213-s24/assessments/datalab/"
                                                 "autograde_done?dave=%s&submission_id=%d" % (
                                                     "%032x" % (0x9d3c1e + job_id * 7919), 88000 + job_id)))

    def autograde(student, late=0, fail=False):
        sub = f"{COURSE}/submitted/{student}/ps3"
        dest = f"{COURSE}/autograded/{student}/ps3"
        ag.info("Copying %s -> %s", f"{sub}/timestamp.txt", f"{dest}/timestamp.txt")
        ag.info("Copying %s -> %s", f"{sub}/data/tips.csv", f"{dest}/data/tips.csv")
        ag.info("Creating/updating student with ID '%s': %s", student, {})
        printed(stream, "/opt/conda/lib/python3.11/site-packages/nbgrader/api.py:2256: SAWarning: Object of type "
                        "<SubmittedAssignment> not in session, add operation along 'Student.submissions' will not "
                        "proceed (This warning originated from the Session 'autoflush' process, which was invoked "
                        "automatically in response to a user-initiated operation.)")
        printed(stream, "  for notebook in submission.assignment.notebooks:")
        stamp = "2024-05-%s.%06d" % ("11 00:32:11" if late else "10 23:%02d:%02d" % (41 + len(student), 7 * len(student)),
                                     118402 + 7919 * len(student))
        ag.info("%s submitted at %s", "SubmittedAssignment<ps3 for %s>" % student, stamp)
        if late:
            ag.warning("%s is %s seconds late", "SubmittedAssignment<ps3 for %s>" % student, float(late))
        ag.info("Overwriting files with master versions from the source directory")
        ag.info("Copying %s -> %s", f"{COURSE}/source/./ps3/data/tips.csv", f"{dest}/data/tips.csv")
        for nbk in NOTEBOOKS:
            ag.info("Sanitizing %s", f"{sub}/{nbk}.ipynb")
            ag.info("Converting notebook %s", f"{sub}/{nbk}.ipynb")
            if student == "cdiaz" and nbk == "problem1":
                ag.warning("Attribute '%s' for cell %s has changed! (should be: %s, got: %s)", "checksum",
                           "cell-4b1d3f7a", "8f41dd0f9c8fd2da8e8708d73e506b3a", "845d4666cabb30b6c75fc534f7375bf5")
            ag.info("Writing %i bytes to %s", 14312 + len(student) * 311 + len(nbk) * 1709 * (nbk == "problem2"),
                    f"{dest}/{nbk}.ipynb")
            ag.info("Autograding %s", f"{dest}/{nbk}.ipynb")
            ag.info("Converting notebook %s", f"{dest}/{nbk}.ipynb")
            debugger_warning(stream)
            if fail and nbk == "problem2":
                # A student's infinite loop: nbclient's timeout, as the
                # converter's catch-all logs it (traceback.format_exc()).
                def convert():
                    def execute_cell():
                        raised("nbclient.exceptions", "CellTimeoutError",
                               "A cell timed out while it was being executed, after 30 seconds.\n"
                               "The message was: Cell execution timed out.\n"
                               "Here is a preview of the cell contents:\n"
                               "-------------------\n"
                               "while True:\n"
                               "    tips = tips.sample(frac=1.0)\n"
                               "-------------------\n")
                    execute_cell()
                ag.error("There was an error processing assignment: %s", f"{sub}")
                ag.error(tb_text(convert))
                ag.warning("Removing failed assignment: {}".format(dest))
                return False
            if late:
                # AssignLatePenalties, for each notebook, with the default
                # LateSubmissionPlugin (penalty_method 'none').
                ag.warning("{} is {} seconds late".format("SubmittedAssignment<ps3 for %s>" % student, float(late)))
                ag.info("Using late submission penalty method: {}".format("none"))
                ag.warning("Late submission penalty: {}".format(None))
            ag.info("Writing %i bytes to %s", 20188 + len(student) * 977 + 2311 * (nbk == "problem2"),
                    f"{dest}/{nbk}.ipynb")
        ag.info("Setting destination file permissions to %s", 444)
        return True

    # Tango starts its pool on EC2 and grades a lab's submissions.
    prealloc.debug("Creating empty pool of %s instances" % "autograding_image")
    prealloc.debug("update: Creating %d new %s instances" % (2, "autograding_image"))
    for n, host in enumerate(EC2_HOSTS):
        boot(1003 + n, host)
    users = ["jsmith", "mwong2", "tkaur", "lgarcia", "rpetrov", "ydavis"]
    for n, user in enumerate(users[:2]):
        job_id += 1
        run_job(user, 2 + n % 3, runjob=2 if n == 1 else 0)

    # The instructor's nightly autograde of the notebooks' problem set.
    printed(stream, "+ nbgrader autograde ps3 --create --force")
    ag.warning("Use Autograde in config, not AutogradeApp. Outdated config:\n%s",
               "\n".join(["AutogradeApp.create_student = True", "AutogradeApp.exclude_overwriting = "
                          "{'ps3': ['helpers.py']}"]))
    failed = []
    for n, student in enumerate(STUDENTS):
        if not autograde(student, late=[0, 1931, 0][n], fail=student == "ehughes"):
            failed.append(student)
        if n == 1:
            job_id += 1
            run_job(users[3], 1, waitvm_fail=True)
            run_job(users[3], 1, tries=1)
    for student in failed:
        ag.error("There was an error processing assignment '{}' for student '{}'".format("ps3", student))
    ag.error("Please see the the above traceback for details on the specific errors on the above failures.")
    printed(stream, "+ nbgrader generate_feedback ps3")
    for student in STUDENTS[:2]:
        src = f"{COURSE}/autograded/{student}/ps3"
        fb.info("Copying %s -> %s", f"{src}/timestamp.txt", f"{COURSE}/feedback/{student}/ps3/timestamp.txt")
        for nbk in NOTEBOOKS:
            fb.info("Converting notebook %s", f"{src}/{nbk}.ipynb")
            fb.info("Writing %i bytes to %s", 301442 + len(student) * 1013, f"{COURSE}/feedback/{student}/ps3/{nbk}.html")
    job_id += 1
    run_job(users[4], 3, redis_down=True)
    return {"name": "nbgrader-tango", "programs": [nb, tg], "records": stream, "auto": False}

# BunkerWeb's scheduler (bunkerity/bunkerweb 1.6.13, 2ae80bbb),
# src/common/utils/logger.py LOG_FORMAT and DATE_FORMAT (logging.basicConfig
# on the root, LOG_TYPES "stderr" by default), with the emoji level names
# it gives logging.addLevelName, two of them ending with a space.
BUNKERWEB = "%(asctime)s [%(name)s] [%(process)d] [%(levelname)s] - %(message)s"
BUNKERWEB_DATEFMT = "[%Y-%m-%d %H:%M:%S %z]"
BUNKERWEB_LEVELS = {logging.CRITICAL: "\U0001f6a8", logging.DEBUG: "\U0001f41b", logging.ERROR: "\u274c",
                    logging.INFO: "\u2139\ufe0f ", logging.WARNING: "\u26a0\ufe0f "}
# LinkChecker 10.4.0 (linkchecker/linkchecker f9ef0fc9, 31 commits after
# v10.4.0), linkcheck/
# logconf.py add_loghandler's format, on ansicolor.ColoredStreamHandler
# (stderr; no colours off a TTY) of the "linkcheck" logger (which does not
# propagate) and the root.
LINKCHECKER = "%(levelname)s %(name)s %(asctime)s %(threadName)s %(message)s"

# --------------------------------------------------------------------------
# An edge host in AWS (one compose project, Docker's awslogs driver writing
# one stream): BunkerWeb's scheduler configures the reverse proxy in front
# of a documentation site, whose nightly LinkChecker run checks its links.
# The entrypoint's lines, nginx's and LinkChecker's output are print lines.

DOCS = "https://docs.example.org"
BROKEN = [("../api/v1/auth.html", "Authentication (v1)", "/guide/migrating.html", 42, 9, "/api/v1/auth.html",
           "Error: 404 Not Found"),
          ("https://docs.example.org/downloads/cli-2.3.1.tar.gz", "CLI 2.3.1", "/install/", 118, 13,
           "/downloads/cli-2.3.1.tar.gz", "Error: 404 Not Found"),
          ("/changelog#v2-0", "2.0 release notes", "/guide/upgrading.html", 77, 21, "/changelog",
           "Error: 503 Service Unavailable")]


def entrypoint(stream, severity, text):
    """BunkerWeb's shell helper log (src/common/helpers/utils.sh), a print
    line stamped with `date '+[%Y-%m-%d %H:%M:%S]'`."""
    printed(stream, "%s - %s - %s - %s" % (now("[%Y-%m-%d %H:%M:%S]"), "ENTRYPOINT", severity, text))


def stream_bunkerweb_linkchecker():
    stream = []
    bw = Program("bunkerweb-scheduler", "SCHEDULER", logging.Formatter(BUNKERWEB, BUNKERWEB_DATEFMT), stream)
    lc = Program("linkchecker", "linkcheck", logging.Formatter(LINKCHECKER), stream)
    thread = ThreadName()
    lc.handler.addFilter(thread)
    sched = lg(bw, "SCHEDULER", logging.INFO)
    health = lg(bw, "SCHEDULER.HEALTHCHECK", logging.INFO)
    blacklist = lg(bw, "BLACKLIST", logging.INFO)
    mmdb = lg(bw, "JOBS.MMDB-COUNTRY", logging.INFO)
    update = lg(bw, "UPDATE-CHECK", logging.INFO)
    realip = lg(bw, "REALIP", logging.INFO)
    renew = lg(bw, "LETS-ENCRYPT.RENEW", logging.INFO)
    certbot = lg(bw, "LETS-ENCRYPT.RENEW.CERTBOT", logging.INFO)
    check = lg(lc, "linkcheck.check", logging.INFO)
    cmdline = lg(lc, "linkcheck.cmdline", logging.INFO)
    cache = lg(lc, "linkcheck.cache", logging.INFO)
    # The entrypoint's severities, as its lines spell them ("ℹ️" and "ℹ️ ").
    info, info_sp, error = "\u2139\ufe0f", "\u2139\ufe0f ", "\u274c"

    def b(log, level, msg):
        # The scheduler's messages are f-strings: no arguments.
        with level_names(BUNKERWEB_LEVELS):
            log.log(level, msg)

    def job(plugin, name, body=None):
        b(sched, logging.INFO, f"Executing job '{name}' from plugin '{plugin}'...")
        if body:
            body()
        b(sched, logging.INFO, f"Successfully added job run for the job '{name}'")

    def blacklist_download(fail=False):
        tor = "https://www.dan.me.uk/torlist/?exit"
        bots = ("https://raw.githubusercontent.com/mitchellkrogza/nginx-ultimate-bad-bot-blocker/master/"
                "_generator_lists/bad-user-agents.list")
        b(blacklist, logging.INFO, f"Downloading blacklist data from {tor} ...")
        if fail:
            b(blacklist, logging.WARNING, "Connection refused, retrying in 3 seconds... (1/3)")
            b(blacklist, logging.WARNING, "Connection refused, retrying in 3 seconds... (2/3)")
            b(blacklist, logging.ERROR, f"Exception while getting {'docs.example.org'} blacklist from {tor} :\n"
              "HTTPSConnectionPool(host='www.dan.me.uk', port=443): Max retries exceeded with url: /torlist/?exit "
              "(Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3a1c2b9d50>: "
              "Failed to establish a new connection: [Errno 111] Connection refused'))")
        b(blacklist, logging.INFO, f"Downloading blacklist data from {bots} ...")
        b(blacklist, logging.INFO, "Recap for IP urls: Total Services: 1, Successful: %d, Skipped (cached): 0, "
                                   "Failed: %d, Total Lines: %d" % ((0, 1, 0) if fail else (1, 0, 1187)))
        b(blacklist, logging.INFO, "Recap for USER_AGENT urls: Total Services: 1, Successful: 1, Skipped (cached): 0, "
                                   "Failed: 0, Total Lines: 642")

    def mmdb_country():
        url = "https://download.db-ip.com/free/dbip-country-lite-2024-05.mmdb.gz"
        b(mmdb, logging.INFO, f"Downloading mmdb file from url {url} ...")
        b(mmdb, logging.INFO, "Decompressing mmdb file ...")
        b(mmdb, logging.INFO, "Checking if mmdb file is valid ...")
        b(mmdb, logging.INFO, "Moving mmdb file to cache ...")
        b(mmdb, logging.INFO, f"Downloaded new mmdb from {url}")

    def send(path):
        b(sched, logging.INFO, f"Sending {path} to all reachable BunkerWeb instances ...")
        b(sched, logging.INFO, f"Successfully sent {path} folder to reachable BunkerWeb instances")

    # The scheduler's container starts.
    entrypoint(stream, info, "Starting the job scheduler v1.6.13 ...")
    entrypoint(stream, info, "Checking database configuration...")
    entrypoint(stream, info, "Checking database version...")
    entrypoint(stream, info_sp, "Executing scheduler ...")
    b(sched, logging.INFO, "Scheduler started ...")
    b(sched, logging.INFO, "Checking if there are any changes in custom configs ...")
    b(sched, logging.INFO, "Checking if there are any changes in external plugins ...")
    b(sched, logging.INFO, "Checking if there are any changes in pro plugins ...")
    b(sched, logging.INFO, "Running plugins download jobs ...")
    job("misc", "download-plugins")
    job("pro", "download-pro-plugins")
    b(sched, logging.INFO, "Executing scheduler ...")
    b(sched, logging.INFO, "First start: generating and sending initial configuration before running jobs ...")
    send("/etc/nginx")
    send("/var/cache/bunkerweb")
    job("jobs", "mmdb-country", mmdb_country)
    job("jobs", "update-check", lambda: b(update, logging.INFO, "No newer stable version available (current: 1.6.13, "
                                                                "latest stable: 1.6.13)"))
    job("blacklist", "blacklist-download", blacklist_download)
    job("realip", "realip-download", lambda: b(realip, logging.INFO, "RealIP is not activated, skipping download..."))
    b(sched, logging.INFO, "All jobs in run_once() were successful")
    b(sched, logging.INFO, "First start: regenerating config after once-jobs to pick up files created by jobs "
                           "(e.g. api-server-cert.pem)")
    send("/etc/nginx")
    send("/var/cache/bunkerweb")
    b(sched, logging.INFO, "Successfully reloaded bunkerweb")
    b(sched, logging.INFO, "Executing job scheduler ...")
    printed(stream, now("%Y/%m/%d %H:%M:%S") + " [notice] 1#1: signal 1 (SIGHUP) received from 214, reconfiguring")

    # The nightly link check of the documentation site behind it.
    thread.name = "MainThread"
    printed(stream, "+ linkchecker --file-output=text/linkchecker-out.txt %s/" % DOCS)
    check.warning("Running as root user; dropping privileges by changing user to nobody.")
    cmdline.info("Checking intern URLs only; use --check-extern to check extern URLs.")
    for line in ("LinkChecker 10.4.0",
                 "Copyright (C) 2000-2016 Bastian Kleineidam, 2010-2024 LinkChecker Authors",
                 "LinkChecker comes with ABSOLUTELY NO WARRANTY!",
                 "This is free software, and you are welcome to redistribute it under",
                 "certain conditions. Look at the file `COPYING' within this distribution.",
                 "Read the documentation at https://linkchecker.github.io/linkchecker/",
                 "Write comments and bugs to https://github.com/linkchecker/linkchecker/issues",
                 "Start checking at %s+000" % now("%Y-%m-%d %H:%M:%S")):
        printed(stream, line)
    thread.name = "CheckThread-%s/guide/" % DOCS
    cache.warning("Relative Sitemap %s in %s discarded", "/sitemap-docs.xml", DOCS + "/robots.txt")
    status = [(10, 37, 58, 71, "5 seconds"), (10, 112, 171, 240, "10 seconds"), (10, 96, 322, 391, "15 seconds"),
              (9, 41, 455, 502, "20 seconds"), (2, 0, 521, 530, "25 seconds")]
    for n, (url, name, parent, line, col, real, result) in enumerate(BROKEN):
        active, queued, links, urls, runtime = status[n]
        printed(stream, "%2d threads active, %5d links queued, %4d links in %3d URLs checked, runtime %s"
                % (active, queued, links, urls, runtime))
        for text in ("URL        %s" % url, "Name       %s" % name,
                     "Parent URL %s%s, line %d, col %d" % (DOCS, parent, line, col),
                     "Real URL   %s%s" % (DOCS, real), "Check time %.3f seconds" % (0.231 + n * 0.417),
                     "Result     %s" % result):
            printed(stream, text)
        if n == 1:
            # Meanwhile, the scheduler's hourly jobs: one list's host is down.
            # (The job exits with status 2: no reload follows.)
            b(sched, logging.INFO, "Executing job 'blacklist-download' from plugin 'blacklist'...")
            blacklist_download(fail=True)
            b(sched, logging.ERROR, "Error while executing job 'blacklist-download' from plugin 'blacklist'")
            b(sched, logging.INFO, "Successfully added job run for the job 'blacklist-download'")
            job("realip", "realip-download", lambda: b(realip, logging.INFO, "RealIP is not activated, skipping "
                                                                           "download..."))
            b(sched, logging.INFO, "All scheduled jobs have been executed")
    for active, queued, links, urls, runtime in status[3:]:
        printed(stream, "%2d threads active, %5d links queued, %4d links in %3d URLs checked, runtime %s"
                % (active, queued, links, urls, runtime))
    # Two downloads hang: the run's maxrunseconds (600) interrupts it.
    thread.name = "Interrupt"
    check.warning("Interrupt after %s", "10 minutes")
    thread.name = "MainThread"
    check.warning("interrupt; waiting for active threads to finish")
    check.warning("another interrupt will exit immediately")
    check.info("%(num)d URLs are still active. After a timeout of %(timeout)s the active URLs will stop."
               % {"num": 2, "timeout": "5 minutes"})
    for line in ("The check has been interrupted; results are not complete.",
                 "That's it. 523 links in 532 URLs checked. 0 warnings found. 3 errors found.",
                 "Stopped checking at %s+000 (10 minutes, 1 second)" % now("%Y-%m-%d %H:%M:%S")):
        printed(stream, line)

    # The instance restarts: the healthcheck sends it the configuration.
    printed(stream, now("%Y/%m/%d %H:%M:%S") + " [notice] 1#1: signal 15 (SIGTERM) received from 1, exiting")
    b(health, logging.INFO, "Instance http://bunkerweb:5000/ is loading, sending config ...")
    b(health, logging.INFO, "Successfully reloaded instance http://bunkerweb:5000/")

    # The daily renewal: certbot's stderr, relayed line by line, stripped.
    def certbot_renew():
        for line in ("Saving debug log to /var/log/bunkerweb/letsencrypt/letsencrypt.log",
                     "",
                     "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
                     "Processing /var/cache/bunkerweb/letsencrypt/etc/renewal/docs.example.org.conf",
                     "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
                     "Certificate not yet due for renewal",
                     "",
                     "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
                     "The following certificates are not due for renewal yet:",
                     "/var/cache/bunkerweb/letsencrypt/etc/live/docs.example.org/fullchain.pem expires on 2024-07-02 "
                     "(skipped)",
                     "No renewals were attempted.",
                     "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"):
            b(certbot, logging.INFO, line)
    job("letsencrypt", "certbot-renew", certbot_renew)
    job("jobs", "mmdb-country", lambda: b(mmdb, logging.INFO, "country.mmdb is already the latest version and is "
                                                              "cached, skipping..."))
    b(sched, logging.INFO, "All scheduled jobs have been executed")

    # The database (RDS) fails over: the scheduler's loop fails six times
    # and gives up with the traceback in its message, then restarts.
    def run_pending():
        def get_metadata():
            raised("sqlalchemy.exc", "OperationalError",
                   "(pymysql.err.OperationalError) (2003, \"Can't connect to MySQL server on "
                   "'bunkerweb-db.cluster-c9x2k1mzq4ab.eu-west-1.rds.amazonaws.com' ([Errno 111] Connection "
                   "refused)\")\n(Background on this error at: https://sqlalche.me/e/20/e3q8)")
        get_metadata()
    b(sched, logging.ERROR, f"An error occurred when executing the scheduler : {tb_text(run_pending)}")
    entrypoint(stream, info_sp, "Scheduler stopped")
    entrypoint(stream, info, "Starting the job scheduler v1.6.13 ...")
    entrypoint(stream, info, "Checking database configuration...")
    entrypoint(stream, error, "Failed to retrieve database version: (2003, \"Can't connect to MySQL server on "
                              "'bunkerweb-db.cluster-c9x2k1mzq4ab.eu-west-1.rds.amazonaws.com' ([Errno 111] "
                              "Connection refused)\")")
    return {"name": "bunkerweb-linkchecker", "programs": [bw, lc], "records": stream, "auto": False}

def main():
    realworld.run(lambda: [stream_dmoj(), stream_nbgrader_tango(), stream_bunkerweb_linkchecker()])


if __name__ == "__main__":
    main()
