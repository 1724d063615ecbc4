"""The 56-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout55.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (healthcare, education and public-sector
data services: a hospital integration host where rivethealth's mllp2http
bridges the EHR's HL7 v2 feed over MLLP to an HTTP FHIR converter beside
CogStack's MedCATservice annotating clinical notes; a university's course
host where QingdaoU's OnlineJudge judges a programming course's
submissions beside Aalto's mooc-grader grading an A+ course's exercises;
the U.S. Treasury's DATA Act pipeline, where the DATA Act Broker's
validator checks agencies' submissions and USAspending's ETL indexes the
awards and builds the bulk downloads), each format copied from the file
named beside it (the version read is given), with the formatter class
the program uses, and messages modelled on the program's source under
its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout56

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1eccc89 (session 26's rules in, none written
from this set), with nothing configured: 41.8% exact, 59.2% key fields
(asctime 78.1%, levelname 98.5%, name 79.1%, message 75.8%).

Formatters and filters: all six use logging.Formatter itself (mllp2http
and MedCATservice's model downloader through logging.basicConfig,
MedCATservice's app through a StreamHandler it adds to the root,
OnlineJudge, mooc-grader, the Broker and USAspending through dictConfig).
mllp2http prints Python's default time, the level in brackets and the
module's name ("mllp_http.mllp2http"). MedCATservice brackets time and
level and puts ": " after the name; its processor logs under its class's
name ("MedCatProcessor"), its API under "API" (at the root's WARNING, so
only its errors show), and those errors are traceback.format_exc() as the
message (ending with a line break, no exc_info); the model downloader logs
through the root ("root: [=====   ]  40% ..."). OnlineJudge brackets
"name:lineno" and puts two spaces before " - "; its root is at WARNING
(the app's INFO records print nothing), its "django.request" logger has
the console handler and propagates to the root's, so a 500 prints twice,
and its dramatiq worker's records (the "dramatiq" logger at DEBUG, once
Django's LOGGING replaced the CLI's) take its format. mooc-grader prints
"[time: LEVEL/module]" with the module, not the logger's name ("views",
"http", "shell"; "log" for django.request's records); its root is at
DEBUG. The Broker's records carry OpenTelemetry's LoggingInstrumentor
attributes (otelSpanID, otelTraceID, otelTraceSampled, otelServiceName:
its record factory sets them on every record; no format prints them, the
truth keeps them, as python-json-logger writes extras), and the
validator's messages are dicts (log_job_message and logger.error(dict)),
so they print as dict reprs, datetimes and a traceback's "\\n"s inside
(python-json-logger, given a dict as msg, merges its keys into the
document: the truth's message is the dict's "message").
USAspending's "script" logger ("detailed") prints "(UTC)" after the time
("%Z"), its ETL messages padded by format_log to 34 before " | "; its
"usaspending_api" loggers ("simpletime") print the time alone
("%H:%M:%S") and the message, with neither level nor name, the download
worker's messages being dict reprs, one with a traceback (logger.exception).
502 records in three streams (52 of them print lines).

Print lines: the containers' entrypoint echo lines (MedCATservice's
start_service_production.sh, OnlineJudge's migrate retry loop), gunicorn's
own lines (its error log and MedCATservice's "[ACCESSS]" access format),
the dramatiq CLI's own
lines in its LOGFORMAT before Django's LOGGING applies, Django migrate's
output, mooc-grader's uWSGI lines, and ECS's lines for the Treasury tasks.

The messages are modelled on the programs' source, read at the commits
cited: mllp_http/mllp2http.py; MedCATservice's medcat_processor.py,
api/api.py and scripts/download_model.py; OnlineJudge's
judge/dispatcher.py, utils/api/api.py, utils/views.py and account/tasks.py
(line numbers those read; django.request's 241 in Django 3.2's
utils/log.py is not read) and dramatiq's worker.py and cli.py (messages,
names and line numbers read in the installed dramatiq 2.2.1, not the
1.16.0 OnlineJudge pins); mooc-grader's access/views.py, access/config.py,
access/types/stdasync.py, util/http.py and util/shell.py; the Broker's
dataactvalidator/app.py, sqs_work_dispatcher.py, validator_logging.py and
validationManager.py; USAspending's fabs_nightly_loader.py,
elasticsearch_loader_helpers (controller.py, load_data.py, extract_data.py,
utilities.py's format_log) and download/helpers/monthly_helpers.py (the
keys download_job_to_log_dict adds are not read). Hosts, ids, counts,
courses, agencies and exception texts are invented.

Left out: cumulus-etl (smart-on-fhir/cumulus-etl 80262e0d cumulus_etl/
cli.py: basicConfig("%(message)s") through rich's RichHandler with time,
level and path off: the message alone), CMS's Blue Button 2.0 API
(CMSgov/bluebutton-web-server ba0c6856: its settings' formats were not
found in the time given; none was guessed), OpenREM (no snapshot could be
had), Zeeguu's API (zeeguu/api 6430c1dd: no logging format found in
source), USAspending's API request logs (the "server" logger's handler is a
WatchedFileHandler with python-json-logger's JsonFormatter, not the
console), the Broker's pipeline scripts' basicConfig ("%(asctime)s
%(levelname)-8s %(message)s", "%Y-%m-%d %H:%M:%S", in
dataactcore/scripts/pipeline/extract_usgs_files.py: kept for a later set),
and Open edX, xqueue, Kolibri, INGInious, Ralph, Richie, Marsha, DMOJ,
pynetdicom, MONAI Label, Orthanc, CKAN, udata and Open Library (in earlier
sets or their Left out lists).
"""

import datetime
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# mllp-http (rivethealth/mllp-http 1.1.4, 7f5a259c), mllp_http/main.py
# mllp2http's logging.basicConfig (--log-level info; no datefmt).
MLLP = "%(asctime)s [%(levelname)s] %(name)s %(message)s"
# MedCATservice (CogStack/MedCATservice, c798aecd), medcat_service/app/
# app.py setup_logging's log_format (a stdout handler on the root), the
# same as scripts/download_model.py's basicConfig format.
MEDCAT = "[%(asctime)s] [%(levelname)s] %(name)s: %(message)s"
# OnlineJudge (QingdaoU/OnlineJudge, df873278), oj/settings.py LOGGING's
# "standard" formatter (the "console" handler of "", "django.request",
# "django.db.backends" and "dramatiq").
OJ = "[%(asctime)s] - [%(levelname)s] - [%(name)s:%(lineno)d]  - %(message)s"
OJ_DATEFMT = "%Y-%m-%d %H:%M:%S"
# mooc-grader (apluslms/mooc-grader, abad2ba5), grader/settings.py
# LOGGING's "verbose" formatter (the root's "console" handler, stdout).
GRADER = "[%(asctime)s: %(levelname)s/%(module)s] %(message)s"
# DATA Act Broker (fedspendingtransparency/data-act-broker-backend,
# 24a2645e), dataactcore/broker_logging.py DEFAULT_CONFIG's "default"
# formatter (the root's "console" handler).
BROKER = "%(asctime)s %(levelname)s:%(name)s:%(message)s"
# USAspending API (fedspendingtransparency/usaspending-api, 13a1ee0f),
# usaspending_api/settings.py LOGGING's "detailed" formatter (the "script"
# logger's handler) and "simpletime" ("console", for "usaspending_api").
USAS_SCRIPT = "[%(asctime)s] [%(levelname)s] - %(message)s"
USAS_SCRIPT_DATEFMT = "%Y/%m/%d %H:%M:%S (%Z)"
USAS_CONSOLE = "%(asctime)s - %(message)s"
USAS_CONSOLE_DATEFMT = "%H:%M:%S"

OJ_SRC = "/app/"
GRADER_SRC = "/srv/grader/"
DJANGO_LOG = "/usr/local/lib/python3.8/site-packages/django/utils/log.py"
DQ = "/usr/local/lib/python3.8/site-packages/dramatiq/"


def gunicorn_line(pid_, level, text):
    """A line of gunicorn's own error log (its format, not the program's)."""
    return "[%s +0000] [%d] [%s] %s" % (now("%Y-%m-%d %H:%M:%S"), pid_, level, text)


# --------------------------------------------------------------------------
# A hospital integration host on EC2 (Docker's awslogs driver, one stream
# for the compose project): mllp2http takes the EHR interface engine's
# HL7 v2 ADT and ORU messages over MLLP and posts them to the FHIR
# converter; MedCATservice annotates the discharge notes a batch job sends.

HL7 = [("ADT^A01", 1184), ("ADT^A08", 962), ("ORU^R01", 2417), ("ADT^A03", 871), ("ORM^O01", 1530)]
NOTES = ["discharge_summary", "radiology_report", "clinic_letter", "nursing_note"]


def stream_mllp_medcat():
    stream = []
    mp = Program("mllp-http", "mllp_http.mllp2http", logging.Formatter(MLLP), stream)
    mc = Program("medcatservice", "MedCatProcessor", logging.Formatter(MEDCAT), stream)
    m = lg(mp, "mllp_http.mllp2http")
    proc = lg(mc, "MedCatProcessor")
    api = lg(mc, "API")
    root = lg(mc, "root")

    printed(stream, "Starting MedCAT Service")
    root.info("Running MedCAT Model Downloader")
    root.info("Starting download of MedCAT Model 'medmen_wstatus_2021_oct'")
    root.info("Downloading from https://models.example-nhs.uk/medcat/medmen_wstatus_2021_oct.zip to "
              "/cat/models/medmen_wstatus_2021_oct.zip")
    for percent in range(10, 101, 10):
        done = percent // 2
        root.info(f"[{'=' * done:<50}] {percent:3d}% {542.31 * percent / 100:.2f} MB / {542.31:.2f} MB")
    root.info("Download complete to /cat/models/medmen_wstatus_2021_oct.zip")
    root.info("Downloading meta model: status")
    root.info("Meta model already present in /cat/models/meta_Status -- skipping download")
    root.info("Completed downloading model 'medmen_wstatus_2021_oct'")
    m.info("Listening on %s:%s", "0.0.0.0", 2575)
    for var, val in (("SERVER_HOST", "0.0.0.0"), ("SERVER_PORT", "5000"), ("SERVER_WORKERS", "1"),
                     ("SERVER_THREADS", "1"), ("SERVER_WORKER_TIMEOUT", "3600")):
        extra = " (sec)" if var == "SERVER_WORKER_TIMEOUT" else ""
        printed(stream, f"{var} is unset -- setting to default{extra}: {val}")
    printed(stream, "Starting up Flask app using gunicorn server ...")
    printed(stream, gunicorn_line(1, "INFO", "Starting gunicorn 22.0.0"))
    printed(stream, gunicorn_line(1, "INFO", "Listening at: http://0.0.0.0:5000 (1)"))
    printed(stream, gunicorn_line(1, "INFO", "Using worker: gthread"))
    printed(stream, gunicorn_line(9, "INFO", "Booting worker with pid: 9"))
    with pid(9):
        proc.info("Initializing MedCAT processor ...")
        proc.info("Torch threads set to 1")
        proc.info("Loading model pack...")
        proc.info("MedCAT processor is ready")

    for cycle in range(8):
        for i, (kind, size) in enumerate(HL7):
            m.info("Message: %s bytes", size + 37 * cycle + i)
            if (cycle, i) == (2, 2):
                m.error("HTTP response error: %s", 422)
                continue
            if (cycle, i) == (5, 0):
                m.error("HTTP connection error: %s", "HTTPConnectionPool(host='fhir-converter', port=8080): Max "
                        "retries exceeded with url: /convert/hl7v2 (Caused by NewConnectionError('<urllib3."
                        "connection.HTTPConnection object at 0x7f3c2a1e4d30>: Failed to establish a new connection: "
                        "[Errno 111] Connection refused'))")
                continue
            m.info("Response: %s bytes", 180 + (size % 97))
        if cycle == 6:
            m.error("Failed read MLLP message: %s", "[Errno 104] Connection reset by peer")
        with pid(9):
            for j, note in enumerate(NOTES[:2 + cycle % 3]):
                printed(stream, '[%s] [ACCESSS] 10.20.3.%d "POST /api/process HTTP/1.1" 200 "-" '
                                '"python-requests/2.31.0"' % (now("%d/%b/%Y:%H:%M:%S +0000"), 40 + j))
            if cycle == 3:
                def process():
                    def process_content():
                        def get_entities():
                            raised("builtins", "KeyError", "'text'")
                        get_entities()
                    process_content()
                try:
                    process()
                except Exception:
                    api.error(traceback.format_exc())
                printed(stream, '[%s] [ACCESSS] 10.20.3.41 "POST /api/process HTTP/1.1" 500 "-" '
                                '"python-requests/2.31.0"' % now("%d/%b/%Y:%H:%M:%S +0000"))
            if cycle == 5:
                proc.error(repr(RuntimeError("Error(s) in loading state_dict for BertForMetaAnnotation")))
                printed(stream, '[%s] [ACCESSS] 10.20.3.40 "POST /api/process_bulk HTTP/1.1" 200 "-" '
                                '"python-requests/2.31.0"' % now("%d/%b/%Y:%H:%M:%S +0000"))
            if cycle == 7:
                proc.info("Retraining Medcat Started...")
                proc.info("Base model F1: 0.8412")
                proc.info("Starting supervised training...")
                proc.info("Trained model F1: 0.8637")
                proc.info("Model will be saved...")
                proc.info("Completed Retraining Medcat...")
                proc.info("Retraining Medcat Completed...")
    printed(stream, gunicorn_line(1, "INFO", "Handling signal: term"))
    printed(stream, gunicorn_line(9, "INFO", "Worker exiting (pid: 9)"))
    printed(stream, gunicorn_line(1, "INFO", "Shutting down: Master"))
    return {"name": "mllp-medcat", "programs": [mp, mc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A university's course host (Fluent Bit tails OnlineJudge's
# /data/log/gunicorn.log and dramatiq.log, supervisord's child logs, and
# the mooc-grader container's output into one CloudWatch stream).

COURSES = [("cs-a1141", "2024"), ("cs-a1110", "2024"), ("elec-a7100", "2024s")]
EXERCISES = ["01_intro/hello", "02_loops/fizzbuzz", "03_functions/primes", "04_classes/bank", "05_files/csv_stats"]


def stream_oj_grader():
    stream = []
    oj = Program("onlinejudge", "root", logging.Formatter(OJ, OJ_DATEFMT), stream)
    gr = Program("mooc-grader", "main", logging.Formatter(GRADER), stream)
    ojroot = lg(oj, "root")
    disp = lg(oj, "judge.dispatcher")
    views = lg(oj, "utils.views")
    acct = lg(oj, "account.tasks")
    request = lg(oj, "django.request")
    wp = lg(oj, "dramatiq.WorkerProcess(0)")
    wk = lg(oj, "dramatiq.worker.Worker")
    ct = lg(oj, "dramatiq.worker.ConsumerThread(default)")
    wt = lg(oj, "dramatiq.worker.WorkerThread")
    main = lg(gr, "main")
    greq = lg(gr, "django.request")

    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: account, admin, announcement, auth, conf, contenttypes, contest, "
                    "options, problem, sessions, submission")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    printed(stream, "[%s,104] [PID 12] [MainThread] [dramatiq.MainProcess] [INFO] Dramatiq '1.16.0' is booting up."
            % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s,122] [PID 18] [MainThread] [dramatiq.WorkerProcess(0)] [DEBUG] Loading broker..."
            % now("%Y-%m-%d %H:%M:%S"))
    with pid(18):
        at(wp, logging.DEBUG, DQ + "cli.py", 446, "worker_process", "Loading modules...")
        at(wp, logging.DEBUG, DQ + "cli.py", 458, "worker_process", "Starting worker threads...")
        at(wk, logging.DEBUG, DQ + "worker.py", 247, "_add_consumer", "Adding consumer for queue %r.", "default")
        for _ in range(4):
            at(wt, logging.DEBUG, DQ + "worker.py", 523, "run", "Running worker thread...")
        at(ct, logging.DEBUG, DQ + "worker.py", 297, "run", "Running consumer thread...")
        at(wp, logging.INFO, DQ + "cli.py", 473, "worker_process", "Worker process is ready for action.")
    printed(stream, "*** Starting uWSGI 2.0.23 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "spawned uWSGI worker 1 (pid: 21, cores: 1)")
    at(main, logging.INFO, GRADER_SRC + "access/config.py", 663, "_config",
       "Only single course detected. Pre-reading course configuration.")
    at(main, logging.DEBUG, GRADER_SRC + "access/config.py", 131, "courses", "Recreating course list.")
    for key, _ in COURSES:
        at(main, logging.DEBUG, GRADER_SRC + "access/config.py", 233, "course_entry", 'Loading course "%s"' % key)
    at(main, logging.DEBUG, GRADER_SRC + "access/config.py", 654, "_process_exercise", "Processed %d tags.", 12)

    for cycle in range(10):
        # OnlineJudge's worker judges the course's submissions.
        with pid(18):
            for k in range(3):
                sid = "%032x" % (0x5f3c1e + cycle * 131 + k * 17)
                mid = "%08x-4d1c-4c8e-9f2a-%012x" % (0x3a7b0000 + cycle * 3 + k, 0xc0ffee + k)
                at(wt, logging.DEBUG, DQ + "worker.py", 554, "process_message", "Received message %s with id %r.",
                   "judge_task('%s', %d)" % (sid, 1001 + k + cycle % 4), mid)
                if (cycle, k) == (3, 1):
                    def request_post():
                        def _request():
                            raised("requests.exceptions", "ConnectionError",
                                   "HTTPConnectionPool(host='judge-server', port=8080): Max retries exceeded with "
                                   "url: /judge (Caused by NewConnectionError('<urllib3.connection.HTTPConnection "
                                   "object at 0x7f9b3c0e1a90>: Failed to establish a new connection: [Errno 111] "
                                   "Connection refused'))")
                        _request()
                    try:
                        request_post()
                    except Exception as e:
                        at(disp, logging.ERROR, OJ_SRC + "judge/dispatcher.py", 66, "_request", e, exc=True)
                if (cycle, k) == (6, 2):
                    at(disp, logging.ERROR, OJ_SRC + "judge/dispatcher.py", 120, "_compute_statistic_info",
                       f"Index Error raised when summing up the score in problem {1001 + k + cycle % 4}")
                at(ct, logging.DEBUG, DQ + "worker.py", 416, "post_process_message", "Acknowledging message %r.", mid)
            if cycle == 4:
                try:
                    raised("smtplib", "SMTPAuthenticationError",
                           "(535, b'5.7.8 Username and Password not accepted.')")
                except Exception as e:
                    at(acct, logging.ERROR, OJ_SRC + "account/tasks.py", 22, "send_email_async", e, exc=True)
        if cycle == 2:
            with pid(27):
                try:
                    raised("django.db.utils", "OperationalError",
                           "could not translate host name \"oj-postgres\" to address: Temporary failure in name "
                           "resolution")
                except Exception as e:
                    at(ojroot, logging.ERROR, OJ_SRC + "utils/api/api.py", 156, "dispatch", e, exc=True)
        if cycle == 7:
            with pid(27):
                # A 500 from a view: django.request's own handler, then the root's.
                def view():
                    raised("builtins", "ValueError", "invalid literal for int() with base 10: 'undefined'")
                try:
                    view()
                except Exception:
                    for _ in range(2):
                        at(request, logging.ERROR, DJANGO_LOG, 241, "log_response",
                           "Internal Server Error: %s", "/api/admin/contest/problem", exc=True)
                at(views, logging.ERROR, OJ_SRC + "utils/views.py", 36, "post",
                   PermissionError(13, "Permission denied"))
        # mooc-grader grades the A+ course's exercises in containers.
        for j, ex in enumerate(EXERCISES[cycle % 2::2]):
            course = COURSES[(cycle + j) % 3][0]
            at(main, logging.DEBUG, GRADER_SRC + "access/config.py", 368, "exercise_entry",
               'Loading exercise "%s/%s"', course, ex)
            at(main, logging.DEBUG, GRADER_SRC + "util/shell.py", 26, "invoke", "Subprocess %s",
               ["/srv/grader/scripts/docker-run.py", "submission-%d" % (4410 + cycle * 3 + j),
                "apluslms/grade-python:3.11-4.8", "/srv/courses/%s/%s" % (course, ex)])
            if (cycle, j) == (5, 0):
                at(main, logging.WARNING, GRADER_SRC + "access/types/stdasync.py", 321, "_acceptSubmission",
                   "submission_url missing from a request")
                continue
            at(main, logging.DEBUG, GRADER_SRC + "access/types/stdasync.py", 372, "container_post",
               f"Container order exit=0 out=Submission {4410 + cycle * 3 + j} queued err=")
            if (cycle, j) == (8, 1):
                def post_result():
                    raised("urllib.error", "HTTPError", "HTTP Error 502: Bad Gateway")
                try:
                    post_result()
                except Exception:
                    at(main, logging.ERROR, GRADER_SRC + "util/http.py", 83, "post_result",
                       'Failed to submit "%s"', "https://plus.example.edu/api/v2/submissions/%d/grader/?token=abc"
                       % (88120 + cycle), exc=True)
        if cycle == 1:
            at(main, logging.INFO, GRADER_SRC + "access/views.py", 85, "configure",
               "Invalid course_id field: invalid literal for int() with base 10: ''")
        if cycle == 6:
            at(greq, logging.WARNING, "/usr/local/lib/python3.10/site-packages/django/utils/log.py", 241,
               "log_response", "Not Found: %s", "/favicon.ico")
        if cycle == 9:
            def configure():
                raised("builtins", "FileNotFoundError",
                       "[Errno 2] No such file or directory: '/srv/courses/cs-a1110/version.id'")
            try:
                configure()
            except Exception:
                at(main, logging.ERROR, GRADER_SRC + "access/views.py", 103, "configure",
                   "Could not open version file", exc=True)
    with pid(18):
        at(wk, logging.INFO, DQ + "worker.py", 150, "stop", "Shutting down...")
        at(wk, logging.DEBUG, DQ + "worker.py", 157, "stop", "Stopping workers...")
        at(wk, logging.DEBUG, DQ + "worker.py", 162, "stop", "Workers stopped.")
        at(wk, logging.INFO, DQ + "worker.py", 188, "stop", "Worker has been shut down.")
    printed(stream, "SIGINT/SIGQUIT received...killing workers...")
    return {"name": "onlinejudge-mooc-grader", "programs": [oj, gr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The DATA Act pipeline's ECS log group (one stream for the night's
# tasks): the Broker's validator takes jobs off SQS, and USAspending's
# ETL indexes the night's awards and builds a bulk download.

class OtelFilter(logging.Filter):
    """OpenTelemetry's LoggingInstrumentor record factory, as the Broker
    installs it: the span's ids inside a span, "0" outside."""

    def __init__(self, service):
        super().__init__()
        self.service, self.span = service, None

    def filter(self, record):
        trace_id, span_id = self.span or ("0", "0")
        record.otelSpanID, record.otelTraceID = span_id, trace_id
        record.otelTraceSampled = self.span is not None
        record.otelServiceName = self.service
        return True


AGENCIES = [("097", "D1"), ("075", "C"), ("069", "A"), ("012", "B"), ("089", "D2")]


def stream_broker_usaspending():
    stream = []
    bk = Program("data-act-broker", "__main__", logging.Formatter(BROKER), stream)
    us = Program("usaspending-script", "script", logging.Formatter(USAS_SCRIPT, USAS_SCRIPT_DATEFMT), stream)
    uc = Program("usaspending-console", "usaspending_api", logging.Formatter(USAS_CONSOLE, USAS_CONSOLE_DATEFMT),
                 stream)
    otel = OtelFilter("broker-validator-prod")
    app = lg(bk, "__main__")
    disp = lg(bk, "dataactvalidator.sqs_work_dispatcher")
    vm = lg(bk, "dataactvalidator.validation_handlers.validationManager")
    for log in (app, disp, vm):
        log.addFilter(otel)
    script = lg(us, "script")
    dl = lg(uc, "usaspending_api.download.helpers.monthly_helpers")

    def job(log, level, message, job_id=None, **other):
        d = {"message": message, "job_id": job_id, "proc_id": 8, "parent_proc_id": 1}
        d.update(other)
        d["message_type"] = "Validator" + {logging.DEBUG: "Debug", logging.WARNING: "Warning"}.get(level, "Info")
        log.log(level, d)

    def fmt(msg, action=None, name=None):
        inner = f"[{action if action else 'main'}] {name if name else ''}"
        return f"{inner:<34} | {msg}"

    printed(stream, "Starting validator task broker-validator:41 (ecs agent 1.82.3)")
    with pid(8):
        job(app, logging.INFO, "Starting SQS polling")
    for n, (code, ftype) in enumerate(AGENCIES):
        with pid(8):
            otel.span = ("%032x" % (0x4bf92f3577b34da6a3ce929d0e0e4736 + n), "%016x" % (0x00f067aa0ba902b7 + n))
            job(disp, logging.INFO, "Message received: %d" % (184220 + n))
            job(disp, logging.INFO, "Creating and starting worker process named [{}] to invoke callable [{}] with "
                "args={} and kwargs={}".format("Validator", "<function validator_process_job at 0x7f1e2c3b5d30>",
                                               (), {"job_id": "%d" % (184220 + n), "agency_code": code,
                                                    "is_retry": False}))
            job(disp, logging.DEBUG, "Worker process named [Validator] started with process ID [%d]" % (31 + n))
        with pid(31 + n):
            log_str = "on submission_id: %d, job_id: %d, file_type: %s" % (20311 + n, 184220 + n,
                                                                          {"D1": "award_procurement",
                                                                           "D2": "fabs"}.get(ftype, "appropriations"))
            vm.info({"message": "Beginning run_validation " + log_str, "message_type": "ValidatorInfo",
                     "submission_id": 20311 + n, "job_id": 184220 + n, "action": "run_validations",
                     "status": "start", "start_time": datetime.datetime(2024, 5, 11, 14, 44, 45 + n, 512093)})
            vm.info({"message": "Beginning data loading " + log_str, "message_type": "ValidatorInfo",
                     "submission_id": 20311 + n, "job_id": 184220 + n, "action": "data_loading", "status": "start"})
            for start in range(1, 30001 + n * 5000, 10000):
                vm.info({"message": "Loading rows starting from %d" % start, "message_type": "ValidatorInfo",
                         "submission_id": 20311 + n, "job_id": 184220 + n})
                vm.info({"message": "Loaded rows up to %d" % (start + 9999), "message_type": "ValidatorInfo",
                         "submission_id": 20311 + n, "job_id": 184220 + n})
            if n == 2:
                vm.warning({"message": "Only empty rows found. No data loaded in this chunk",
                            "message_type": "ValidatorWarning", "submission_id": 20311 + n, "job_id": 184220 + n})
            if n == 3:
                try:
                    def run_validation():
                        raised("sqlalchemy.exc", "OperationalError",
                               "(psycopg2.OperationalError) SSL SYSCALL error: EOF detected")
                    run_validation()
                except Exception:
                    vm.error({"message": "An exception occurred during validation", "message_type": "ValidatorInfo",
                              "submission_id": 20311 + n, "job_id": 184220 + n,
                              "traceback": traceback.format_exc()})
                continue
            vm.info({"message": "Completed data loading " + log_str, "message_type": "ValidatorInfo",
                     "submission_id": 20311 + n, "job_id": 184220 + n, "action": "data_loading", "status": "finish"})
            vm.info({"message": "Completed run_validation " + log_str, "message_type": "ValidatorInfo",
                     "submission_id": 20311 + n, "job_id": 184220 + n, "action": "run_validations",
                     "status": "finish", "duration": 41.7 + n})
        otel.span = None
    with pid(8):
        try:
            raised("botocore.exceptions", "EndpointConnectionError",
                   'Could not connect to the endpoint URL: "https://sqs.us-gov-west-1.amazonaws.com/"')
        except Exception:
            d = {"message": "SQS connection issue. See Traceback and investigate settings", "job_id": None,
                 "proc_id": 8, "parent_proc_id": 1, "message_type": "ValidatorError"}
            disp.exception(d)

    # USAspending's nightly FABS load and Elasticsearch indexing.
    printed(stream, "+ python3 manage.py fabs_nightly_loader")
    script.info("Starting FABS data load script...")
    script.info("Processing data for FABS starting from 2024-05-10 14:30:12.811024+00:00 (includes offset)")
    script.info("Beginning obtaining delete records...")
    script.info("... finished obtaining delete records in 3.41s")
    script.info("1,204 delete ids found in total")
    script.info("Beginning retrieving IDs of FABS to process...")
    script.info("... finished retrieving IDs of FABS to process in 12.08s")
    script.info("Number of records to insert/update: {:,}".format(48213))
    for i in range(0, 48213, 10000):
        script.info(f"Fetching {i + 1}-{min(i + 10000, 48213)} out of 48213 records from source table")
        script.info("Fetching records took {:.2f}s".format(2.1 + i / 40000))
    for what, count in (("updating awards to reflect their latest associated transaction info", 31877),
                        ("deleting awards that no longer have a transaction", 212),
                        ("updating awards with executive compensation data", 31877)):
        script.info(f"Beginning {what}...")
        script.info(f"... finished {what} in {18.42 + count / 9000:.2f}s")
    script.info("Storing 2024-05-11 14:44:47.123456+00:00 for the next incremental run")
    script.info("FABS UPDATE FINISHED!")
    printed(stream, "+ python3 manage.py elasticsearch_indexer --create-new-index --index-name "
                    "2024-05-11-transactions --load-type transaction")
    script.info(fmt("Assessing data to process"))
    script.info(fmt("Found 48,213 transaction records to index", action="Extract"))
    script.info(fmt("Created 10 task partitions"))
    for p in range(10):
        name = ["Ada", "Bix", "Cato", "Dara", "Eamon", "Fen", "Gil", "Hollis", "Io", "Jules"][p]
        script.info(fmt(f"Partition #{p + 1} has started", name=name))
        script.info(fmt("Extracting data from source", name=name, action="Extract"))
        if p == 6:
            script.warning(fmt(f"Skipping partition #{p + 1} due to previous error", name=name))
            continue
        script.info(fmt("Starting Index operation", name=name, action="Index"))
        script.info(fmt(f"Index operation took {7.84 + p / 3:.2f}s", name=name, action="Index"))
        script.info(fmt(f"Success: {4821 + p:,} | Fail: 0", name=name, action="Index"))
    script.info(fmt("Processing deletions"))
    script.info(fmt("Updating `es_deletes`: 2024-05-11 14:30:12+00:00", action="Delete"))
    script.info(fmt("Closing old indices and adding aliases"))
    script.info(fmt("Storing datetime 2024-05-11 14:44:47+00:00 for next incremental load"))

    # The bulk download worker (usaspending_api loggers: "simpletime").
    def dl_log(message, level=logging.INFO, **other):
        d = {"message": message, "download_job_id": 912044, "file_name": "FY2024_097_Contracts_Full_20240511.zip",
             "json_request": {"filters": {"agency": "097", "fy": "2024"}}}
        d.update(other)
        d["message_type"] = "USAspendingDownloader" + {logging.DEBUG: "Debug", logging.ERROR: "Error"}.get(level,
                                                                                                       "Info")
        if level == logging.ERROR:
            dl.exception(d)
        else:
            dl.log(level, d)

    with pid(64):
        dl_log("Starting to process DownloadJob 912044")
        for src in ("Contracts_PrimeTransactions", "Contracts_Subawards"):
            dl_log(f"Preparing to download data as FY2024_097_{src}_1.csv")
            dl_log(f"Running FY2024_097_{src}_1.csv using psql")
            dl_log("Counting rows in delimited text file")
            dl_log(f"Number of rows in text file: {1184203 if 'Prime' in src else 90211}")
        dl_log("Beginning the delimited text file partition")
        dl_log("Beginning zipping and compression")
        try:
            raised("subprocess", "CalledProcessError",
                   "Command '['psql', '-v', 'ON_ERROR_STOP=1', '-c', '\\\\copy ...']' returned non-zero exit "
                   "status 1.")
        except Exception:
            dl_log("PSQL Error: ERROR:  canceling statement due to statement timeout", level=logging.ERROR)
        dl_log("Finished processing DownloadJob 912044")
    printed(stream, "Task stopped: Essential container in task exited (exit code 0)")
    return {"name": "broker-usaspending", "programs": [bk, us, uc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_mllp_medcat(), stream_oj_grader(), stream_broker_usaspending()])


if __name__ == "__main__":
    main()
