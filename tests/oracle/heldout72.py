"""The 72-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout71.py`): six more programs'
own logging set-ups, chosen from education and learning-management
platforms as platform and SRE teams run them in AWS (a university's course
platform on EKS, where Aalto's A+ LMS serves the courses under uWSGI and
TU Wien's Grader Service collects and grades the Jupyter assignments
beside it; a learning nonprofit's app host on EC2, where Hedy, the
gradual programming language's web app, runs under gunicorn beside
Kolibri Studio, Learning Equality's course-content authoring platform; a
course competition's GPU host, where a CodaLab Worksheets worker runs the
students' submitted bundles and CodaLab's competition daemon,
competitiond, mimics them on the test set and rebuilds the class
leaderboard), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout72

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 2e470f2 (session 29's end, none of its rules
written from this set), with nothing configured: 54.6% exact, 61.8% key
fields (asctime 100.0%, levelname 100.0%, name 87.5%, message 72.2%).

Formatters and filters: A+'s settings give root and "django" the same
"console" handler ("[%(asctime)s: %(levelname)s/%(module)s] %(message)s",
on stdout); "django" keeps propagate on, so every django.* record prints
twice, once through "django"'s handler and once through root's (its
"email" AdminEmailHandler sends ERROR records by mail, not to the
console). Grader Service's setup_loggers gives the "tornado.access",
"tornado.application", "tornado.general", "sqlalchemy" (WARN), "oauthlib"
and the GraderService application's own loggers a stdout handler with
tornado.log.LogFormatter and "%(color)s%(levelname)-8s %(asctime)s
%(module)-13s |%(end_color)s %(message)s", datefmt None (so logging's
own "2024-05-11 14:44:44,123"); color=True asks for colours, but its
stderr is no TTY in the pod, so LogFormatter sets color and end_color to
"" (reproduced here with color=False); continuation lines are indented
by four spaces, as Tornado's formatter does. Its requests are logged by
JupyterHub's log_request (its log_function) on "tornado.access": 2xx at
DEBUG (not shown at INFO) unless slower than a second, 4xx at WARNING,
5xx at ERROR after a record holding the request's headers as indented
JSON. Hedy's logging_config.py gives root "[%(asctime)s] %(filename)s
%(funcName)s %(lineno)d <%(levelname)s>: %(message)s" (propagate off,
disable_existing_loggers off); its internal_error handler logs
traceback.format_exc() as an ERROR message (a traceback inside the
message, no exc_info). gunicorn's own records (its error log, Hedy's and
Studio's masters) go through gunicorn's handler and format
(`realworld.gunicorn_programs`). Kolibri Studio's settings.py calls
logging.basicConfig(level="INFO") (root: "%(levelname)s:%(name)s:%(message)s")
and then LOGGING gives "django" and "command" a "console" StreamHandler
with no formatter ("%(message)s") and propagate on: each of their
records prints twice, bare and then in basicConfig's format; its
contentcuration/api.py logs through the logging module itself (the
"root" logger). CodaLab's worker (codalab/worker/main.py) calls
basicConfig with "%(asctime)s %(message)s" (no level; " %(pathname)s
%(lineno)d" only with --verbose, not given here) and competitiond
(scripts/competitiond.py) with "[%(levelname)s] %(asctime)s: %(message)s";
all six use logging.Formatter itself or Tornado's, no filter.

Print lines: uWSGI's start-up and request lines (A+'s container; uWSGI
writes them itself, not through Python's logging), Grader Service's
entrypoint echo lines, Hedy's and Studio's container shells, Studio's
migrate output, CodaLab's worker start-up lines and competitiond's
traceback.print_exc() after "Aborting submission" (a bare traceback).

The messages are modelled on the programs' source, read at the commits
cited: A+'s exercise/protocol/aplus.py, course/models.py (the SIS
enrolment and hooks), course/api/lti_views.py, external_services/
lti1p3.py and exercise/tasks.py, with those files' line numbers; Grader
Service's main.py (start-up), handlers/base_handler.py,
handlers/git/server.py and handlers/submissions.py; JupyterHub's
log_request (jupyterhub/log.py, read through the code index, not at a
pinned commit); Hedy's app.py
(initialize_hedylang_feature_flags_for_request, view_program,
internal_error), website/aws_helpers.py and website/newsletter.py;
Studio's ensure_versioned_databases_exist command and
contentcuration/api.py; CodaLab's worker/main.py,
worker/worker.py, worker/worker_run_state.py (log_bundle_transition) and
scripts/competitiond.py. Django's log_response
records are Django's own (django/utils/log.py). Modelled rather than
read: the values (courses, users, URLs, bundle ids), the order and number
of records, third-party exception texts, the install paths and line
numbers outside the files named, and the print lines.

Left out: CMS, the Contest Management System (cms-dev/cms c3659b81
cms/log.py: its CustomFormatter builds "<time> - <LEVEL> [<service>,<shard>]
[<operation>] <message>" in code, the operation part only when a record
carries one (the Worker's "Starting job." records): no format string
describes it), Moodle-DL (C0D3D3V/Moodle-DL d88b2343 moodle_dl/main.py:
its stdout handler is colorlog's ColoredFormatter with "%(log_color)s",
no record attribute, as Kolibri's was), okpy (okpy/ok f5610a71
server/logging/__init__.py: the Flask app's logger takes gunicorn's error
handlers, gunicorn's own format; its Cloud Logging handler only on GCP),
ESP Website (learning-unlimited/ESP-Website 74ba0f91 esp/esp/settings.py:
its "verbose" console handler only with DEBUG, scripts print "%(levelname)s:
%(message)s"), coursera-dl (coursera-dl/coursera-dl 10ba6b8d
coursera/commandline.py: "%(message)s" unless --debug), Codabench
(codalab/codabench c7dbc756 src/settings/logs_loguru.py: loguru, not
logging), Submitty (its autograding daemons write their own log files
without logging's formatters), Moodle and Canvas (not Python), and the
programs of these areas in earlier sets: Open edX, xqueue, xqueue-watcher,
Tutor, Kolibri, INGInious, Ralph, Richie, Marsha, DMOJ, Tango, Autolab,
nbgrader, QingdaoU's OnlineJudge, mooc-grader, EvalAI and Open Library.
The two CodaLab programs share one repository (codalab-worksheets) but
are separate processes with their own basicConfig.
"""

import hashlib
import json
import logging
import os
import sys

import tornado.log

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# A+ (apluslms/a-plus, 7b6fccd9), aplus/settings.py LOGGING's "verbose"
# formatter (root's and "django"'s "console" handler on sys.stdout).
APLUS = "[%(asctime)s: %(levelname)s/%(module)s] %(message)s"
# Grader Service (TU-Wien-dataLAB/Grader-Service, 34b032eb),
# grader_service/main.py GraderService.setup_loggers' fmt, through
# tornado.log.LogFormatter(fmt=fmt, color=True, datefmt=None).
GRADER = "%(color)s%(levelname)-8s %(asctime)s %(module)-13s |%(end_color)s %(message)s"
# Hedy (hedyorg/hedy, 194f84ca), logging_config.py LOGGING_CONFIG's
# "standard" formatter (root's "default" StreamHandler), applied by app.py.
HEDY = "[%(asctime)s] %(filename)s %(funcName)s %(lineno)d <%(levelname)s>: %(message)s"
# Kolibri Studio (learningequality/studio, 52835d38),
# contentcuration/contentcuration/settings.py: logging.basicConfig(level=
# "INFO") (root, logging.BASIC_FORMAT) and LOGGING's "console" handler
# without a formatter on "django" and "command" (propagate True).
STUDIO = logging.BASIC_FORMAT
# CodaLab Worksheets (codalab/codalab-worksheets, 1e3edb0e),
# codalab/worker/main.py main()'s log_format (no --verbose).
CODALAB_WORKER = "%(asctime)s %(message)s"
# The same repository, scripts/competitiond.py main()'s basicConfig.
COMPETITIOND = "[%(levelname)s] %(asctime)s: %(message)s"

APLUS_SRC = "/srv/aplus/a-plus/"
DJANGO_LOG = "/usr/local/lib/python3.10/site-packages/django/utils/log.py"
GRADER_SRC = "/usr/local/lib/python3.12/site-packages/grader_service/"
HUB_LOG = "/usr/local/lib/python3.12/site-packages/jupyterhub/log.py"
HEDY_SRC = "/app/"
STUDIO_SRC = "/contentcuration/contentcuration/contentcuration/"
STUDIO_DJANGO_LOG = "/usr/local/lib/python3.10/site-packages/django/utils/log.py"
CL_SRC = "/opt/codalab-worksheets/"


def hx(*parts):
    """A 32-hex id (programs, files), the same on every run."""
    return hashlib.md5(repr(parts).encode()).hexdigest()


class Shown:
    """An object logged as an extra, printed as its str()."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text

    __repr__ = __str__


# --------------------------------------------------------------------------
# A university's course platform on EKS (Fluent Bit ships the namespace's
# pods to one log group): A+ serves the courses under uWSGI, and Grader
# Service collects and grades the Jupyter assignments of the data-science
# courses, whose results A+ receives over LTI.

COURSES = [(12, "CS-A1141", "Tietorakenteet ja algoritmit Y"), (17, "CS-E4650", "Methods of Data Mining"),
           (23, "ELEC-A7151", "Object-oriented Programming with C++")]
EXERCISES = [("1.2", "round1/sorting"), ("3.1", "round3/hashing"), ("5.4", "round5/graphs")]
LECTURES = [(4, "ds-intro-2024"), (7, "ml-fundamentals-2024")]


def stream_aplus_grader():
    stream = []
    ap = Program("a-plus", "aplus.exercise", logging.Formatter(APLUS), stream)
    # root's "console" handler, the second one a django.* record reaches.
    ap_root = Program("a-plus", "aplus-root-holder", logging.Formatter(APLUS), stream)
    gs = Program("grader-service", "GraderService", tornado.log.LogFormatter(fmt=GRADER, color=False, datefmt=None),
                 stream)
    ex = lg(ap, "aplus.exercise")
    proto = lg(ap, "aplus.protocol")
    course = lg(ap, "aplus.course")
    hooks = lg(ap, "aplus.hooks")
    ext = lg(ap, "aplus.external_services")
    req = lg(ap, "django.request")
    req.addHandler(ap_root.handler)
    app = lg(gs, "GraderService")
    access = lg(gs, "tornado.access")

    def a(log, level, path, line, func, msg, *args, exc=None, extra=None):
        at(log, level, APLUS_SRC + path, line, func, msg, *args, exc=exc, extra=extra)

    def g(level, path, line, func, msg, *args, exc=None):
        at(app, level, GRADER_SRC + path, line, func, msg, *args, exc=exc)

    def hub(level, msg):
        at(access, level, HUB_LOG, 201, "log_request", msg)

    def uwsgi_req(worker, n, method, path, size, ms, status):
        printed(stream, f"[pid: {worker}|app: 0|req: {n}/{n * 3 + worker % 5}] 10.0.7.{20 + n % 30} () "
                        f"{{48 vars in {980 + n % 90} bytes}} [{now('%a %b %d %H:%M:%S %Y')}] {method} {path} => "
                        f"generated {size} bytes in {ms} msecs (HTTP/1.1 {status}) 7 headers in 262 bytes "
                        f"(1 switches on core 0)")

    printed(stream, f"*** Starting uWSGI 2.0.28 (64bit) on [{now('%a %b %d %H:%M:%S %Y')}] ***")
    printed(stream, "compiled with version: 12.2.0 on 03 December 2024 10:12:41")
    printed(stream, "detected number of CPU cores: 2")
    printed(stream, "current working directory: /srv/aplus/a-plus")
    printed(stream, "*** Python threads support is disabled. You can enable it with --enable-threads ***")
    printed(stream, "Python main interpreter initialized at 0x5576a6a1c2b0")
    printed(stream, "+ grader-service -f /etc/grader-service/grader_service_config.py")
    g(logging.INFO, "main.py", 297, "start", "Starting Initialization...")
    g(logging.INFO, "main.py", 298, "start", "Loading config file...")
    g(logging.INFO, "main.py", 391, "start", "Config File: /etc/grader-service/grader_service_config.py")
    printed(stream, "WSGI app 0 (mountpoint='') ready in 4 seconds on interpreter 0x5576a6a1c2b0 pid: 1 (default app)")
    printed(stream, "*** uWSGI is running in multiple interpreter mode ***")
    for w, p in enumerate((11, 12, 13, 14), start=1):
        printed(stream, f"spawned uWSGI worker {w} (pid: {p}, cores: 1)")
    g(logging.INFO, "main.py", 397, "start", "Starting Grader Service...")
    g(logging.INFO, "main.py", 411, "start", "Registered authentication handlers for LTI13Authenticator: "
      "['/services/grader/lti13/oauth_login', '/services/grader/lti13/oauth_callback', "
      "'/services/grader/lti13/jwks', '/services/grader/login', '/services/grader/logout']")
    g(logging.INFO, "main.py", 416, "start", "Registered OAuth handlers: ['/services/grader/api/oauth2/authorize', "
      "'/services/grader/api/oauth2/token']")

    n = 0
    for cycle in range(8):
        for cid, code, name in COURSES:
            for num, (ex_no, slug) in enumerate(EXERCISES):
                n += 1
                worker = 11 + (n % 4)
                url = f"http://grader.{code.lower()}.svc.cluster.local:8080/{slug}"
                if (n + cycle) % 11 == 5:
                    # A grader that does not answer: logged with its
                    # traceback while the course is open.
                    def fetch():
                        def remote_page():
                            raised("requests.exceptions", "ConnectTimeout",
                                   f"HTTPConnectionPool(host='grader.{code.lower()}.svc.cluster.local', port=8080): "
                                   f"Max retries exceeded with url: /{slug} (Caused by ConnectTimeoutError("
                                   "<urllib3.connection.HTTPConnection object at 0x7f3a4c1e2d10>, 'Connection to "
                                   f"grader.{code.lower()}.svc.cluster.local timed out. (connect timeout=20)'))")
                        try:
                            remote_page()
                        except Exception as err:
                            raise realworld_error("lib.remote_page", "RemotePageException",
                                                  f"Failed to download {url}") from err
                    try:
                        fetch()
                    except Exception:
                        a(proto, logging.ERROR, "exercise/protocol/aplus.py", 62, "load_feedback_page",
                          "Failed to request {}".format(url), exc=True)
                    uwsgi_req(worker, n, "POST", f"/{code.lower()}/2024/{slug}/", 18211, 20087, 200)
                    continue
                if (n + cycle) % 13 == 7:
                    msg = "Graded with invalid points {:d}/{:d} (exercise max {:d}): {}".format(
                        12, 10, 10, url)
                    request = Shown(f"<WSGIRequest: POST '/{code.lower()}/2024/{slug}/'>")
                    a(proto, logging.ERROR, "exercise/protocol/aplus.py", 102, "load_feedback_page", msg,
                      extra={"request": request})
                if (n + cycle) % 9 == 2:
                    a(proto, logging.INFO, "exercise/protocol/aplus.py", 115, "load_feedback_page",
                      "No accept or points received: %s", url)
                uwsgi_req(worker, n, "POST", f"/{code.lower()}/2024/{slug}/", 9000 + n * 7, 300 + n * 11 % 900, 200)
            if cycle % 3 == 1:
                inst = f"{code} {name}: 2024-2025"
                if cid == 23 and cycle == 4:
                    def sis():
                        def get_participants():
                            raised("requests.exceptions", "HTTPError",
                                   "502 Server Error: Bad Gateway for url: https://sis-api.example.fi/v1/"
                                   f"courseunitrealisations/otm-{cid}e7a9/enrolments")
                        get_participants()
                    try:
                        sis()
                    except Exception:
                        a(course, logging.ERROR, "course/models.py", 1050, "enroll_from_sis",
                          "%s: Error %d when getting participants from SIS.", inst, 502, exc=True)
                elif cid == 17 and cycle == 7:
                    a(course, logging.WARNING, "course/models.py", 1087, "enroll_from_sis",
                      "%s: Received an empty participants list from SIS.", inst)
                else:
                    a(course, logging.INFO, "course/models.py", 1090, "enroll_from_sis",
                      "%s: enrolled %d, removed %d students based on SIS", inst, 3 + cid % 7 + cycle, cycle % 2)
        # Grader Service: the students' pushes and the instructors' grading.
        for lid, lname in LECTURES:
            for k in range(3):
                sub = 4100 + cycle * 10 + lid + k
                user = f"s{(sub * 7919) % 1000000:06d}"
                g(logging.INFO, "handlers/git/server.py", 236, "prepare", "Accessing git at: %s",
                  f"/var/lib/grader-service/git/{lname}/{lid * 3 + k}/user/{user}")
                g(logging.INFO, "handlers/git/server.py", 254, "get", f"Running command: ['git', 'upload-pack', "
                  f"'--stateless-rpc', '--advertise-refs', '/var/lib/grader-service/git/{lname}/{lid * 3 + k}/user/"
                  f"{user}']")
                if (sub + k) % 7 == 3:
                    hub(logging.WARNING, f"403 GET /services/grader/api/lectures/{lid}/assignments/{lid * 3 + k}"
                        f"/submissions?instructor-version=true ({user}@10.0.9.{40 + k}) {4.1 + k * 0.7:.2f}ms")
            sub = 4100 + cycle * 10 + lid
            if cycle % 2 == 0:
                g(logging.INFO, "handlers/submissions.py", 678, "put", "Successfully cloned repo")
                g(logging.INFO, "handlers/submissions.py", 683, "put",
                  "Now at commit " + hashlib.sha1(b"%d" % sub).hexdigest())
                g(logging.INFO, "handlers/submissions.py", 589, "get_extra_credit", "Extra credit is " + str(cycle % 3))
                hub(logging.INFO, f"200 PUT /services/grader/api/lectures/{lid}/assignments/{lid * 3}/submissions/{sub}"
                    f"/properties (instructor-{lid}@10.0.9.12) {1204.5 + cycle * 31.7:.2f}ms")
            if cycle == 3 and lid == 7:
                def prepare():
                    def get_current_user():
                        raised("sqlalchemy.exc", "OperationalError",
                               "(psycopg2.OperationalError) server closed the connection unexpectedly\n"
                               "\tThis probably means the server terminated abnormally\n"
                               "\tbefore or while processing the request.\n\n"
                               "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
                    get_current_user()
                try:
                    prepare()
                except Exception:
                    g(logging.ERROR, "handlers/base_handler.py", 159, "prepare", "Failed to get current user", exc=True)
                    g(logging.ERROR, "handlers/base_handler.py", 161, "prepare",
                      "Rolling back session due to database error")
                headers = {"Host": "jupyter.cs.example.fi", "User-Agent": "python-requests/2.32.3",
                           "Accept": "application/json", "Connection": "keep-alive",
                           "X-Forwarded-For": "10.0.9.44", "X-Forwarded-Proto": "https"}
                hub(logging.ERROR, json.dumps(headers, indent=2))
                hub(logging.ERROR, f"500 GET /services/grader/api/lectures/{lid}/assignments (@10.0.9.44) 31.07ms")
        if cycle == 2:
            ext_hint = 4211
            a(ext, logging.ERROR, "external_services/lti1p3.py", 159, "authenticate",
              "LTI 1.3: A+ user does not match login hint, user: %d, login hint: %s", 5120, ext_hint)
        if cycle == 5:
            a(ext, logging.ERROR, "external_services/lti1p3.py", 115, "validate_client_id",
              "LTI 1.3: validate client failed for '%s'", "grader-service-ds")
            a(course, logging.INFO, "course/api/lti_views.py", 71, "scores",
              "Received LTI 1.3 'scores' request for exercise %s, user %s", "5.4 Graph search", "Aino Virtanen")
        if cycle in (1, 6):
            a(hooks, logging.INFO, "course/models.py", 1288, "trigger", "%s posted to %s on %s with %s",
              "post-grading", "https://automation.cs.example.fi/hooks/grade",
              "CS-A1141 Tietorakenteet ja algoritmit Y: 2024-2025",
              {"submission_id": ["%d" % (880412 + cycle)], "exercise_id": ["%d" % 3301]})
        if cycle == 4:
            a(hooks, logging.ERROR, "course/models.py", 1291, "trigger",
              "HTTP POST failed on %s hook to %s (%s); %s: %s", "post-grading",
              "https://automation.cs.example.fi/hooks/grade", "CS-A1141 Tietorakenteet ja algoritmit Y: 2024-2025",
              "URLError", "<urlopen error timed out>")
        # The students' 404s and a crawler's, through "django" and root.
        for p in (f"/{COURSES[cycle % 3][1].lower()}/2024/round{cycle + 1}/missing/", "/wp-login.php"):
            if (cycle + len(p)) % 3 == 0:
                with pid(11 + cycle % 4):
                    at(req, logging.WARNING, DJANGO_LOG, 293, "log_response", "Not Found: %s", p)
        if cycle == 6:
            def view():
                def grade():
                    raised("django.db.utils", "IntegrityError",
                           "duplicate key value violates unique constraint \"exercise_submission_pkey\"\n"
                           "DETAIL:  Key (id)=(880431) already exists.")
                grade()
            try:
                view()
            except Exception:
                at(req, logging.ERROR, DJANGO_LOG, 293, "log_response", "Internal Server Error: %s",
                   "/api/v2/submissions/880431/grade/", exc=True)
    a(ex, logging.WARNING, "exercise/tasks.py", 15, "regrade_exercises",
      "regrade_exercises task: exercise id %s not found", 3312)
    a(ex, logging.ERROR, "exercise/tasks.py", 34, "regrade_exercises",
      "regrade_exercises task error (Exercise: 3301, Submission: 880415): "
      "ASSESSMENT_SERVICE_ERROR_CONNECTION_FAILED")
    printed(stream, "SIGTERM received: gracefully stopping uWSGI workers")
    printed(stream, "goodbye to uWSGI.")
    return {"name": "aplus-grader", "programs": [ap, gs], "records": stream, "auto": False}


def realworld_error(module, name, text):
    """An exception of a program's class, to raise from another."""
    return type(name, (Exception,), {"__module__": module})(text)


# --------------------------------------------------------------------------
# A learning nonprofit's app host on EC2 (Docker's awslogs driver, one
# stream for the host): Hedy's web app under gunicorn, and Kolibri Studio
# beside it, its web app under gunicorn and its nightly maintenance command.

LEVELS = [1, 2, 4, 6, 9, 12, 16]
LANGS = [("nl", "en"), ("en", "ar"), ("es", "en"), ("en", "fr")]
CHANNELS = ["2b7c0e1f9a8d4c3b", "5d1e7f0a2c9b4e8d", "8a3f6c2e1d0b9a7f", "c41d9e8b7a6f5e3d",
            "e9f0a1b2c3d4e5f6", "f3a2b1c0d9e8f7a6"]


def stream_hedy_studio():
    stream = []
    hd = Program("hedy", "app", logging.Formatter(HEDY), stream)
    st = Program("kolibri-studio", "contentcuration", logging.Formatter(STUDIO), stream)
    # "django"'s and "command"'s console handler: no formatter.
    st_bare = Program("kolibri-studio", "studio-console-holder", logging.Formatter(), stream)
    gun, _ = realworld.gunicorn_programs(stream)
    app = lg(hd, "app")
    aws = lg(hd, "website.aws_helpers")
    news = lg(hd, "website.newsletter")
    dj = lg(st_bare, "django.request")
    dj.addHandler(st.handler)
    cmd = lg(st_bare, "command")
    cmd.addHandler(st.handler)
    root = lg(st, "root")

    def h(log, path, line, func, level, msg, exc=None):
        at(log, level, HEDY_SRC + path, line, func, msg, exc=exc)

    printed(stream, "+ pybabel compile -f -d translations")
    printed(stream, "compiling catalog translations/nl/LC_MESSAGES/messages.po to translations/nl/LC_MESSAGES/"
                    "messages.mo")
    with pid(1):
        gun.log.info("Starting gunicorn 23.0.0")
        gun.log.info("Listening at: http://0.0.0.0:8080 (1)")
        gun.log.info("Using worker: sync")
    for w in (8, 9, 10):
        with pid(w):
            gun.log.info("Booting worker with pid: %s", w)
    h(aws, "website/aws_helpers.py", 27, "s3_parselog_transmitter_from_env", logging.WARNING,
      "Unable to initialize S3 parse logger (missing AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY)")
    printed(stream, "+ python contentcuration/manage.py migrate --noinput")
    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: admin, auth, contentcuration, contenttypes, django_celery_results, "
                    "kolibri_content, kolibri_public, sessions, sites")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    with pid(41):
        gun.log.info("Starting gunicorn 20.1.0")
        gun.log.info("Listening at: http://0.0.0.0:8081 (41)")
        gun.log.info("Using worker: gevent")
    for w in (44, 45):
        with pid(w):
            gun.log.info("Booting worker with pid: %s", w)

    for cycle in range(18):
        for i, level in enumerate(LEVELS):
            k = cycle * len(LEVELS) + i
            if k % 4 == 0:
                h(app, "app.py", 969, "initialize_hedylang_feature_flags_for_request", logging.WARNING,
                  "hedy.external is unavailable; skipping feature-flag initialization")
            if k % 6 == 1:
                src, dst = LANGS[k % len(LANGS)]
                prog = hx("program", k)
                err = (f"Unexpected token Token('NAME', 'vraag') at line 2, column 1.\nExpected one of:\n"
                       f"\t* _EOL\n\t* _SPACE\n")
                h(app, "app.py", 1684, "view_program", logging.WARNING,
                  f"Error translating program {prog} from {src} to {dst}: {err}")
            if k % 10 == 3:
                h(app, "app.py", 1539, "view_program_redesing", logging.WARNING,
                  f"Error translating program {hx('redesign', k)} from ar to en: 'ar'")
        if cycle in (2, 6):
            def render():
                def level_defaults():
                    raised("builtins", "KeyError", "'level17'" if cycle == 2 else "'quiz_max_attempts'")
                level_defaults()
            try:
                render()
            except Exception:
                import traceback
                with pid(9):
                    h(app, "app.py", 1977, "internal_error", logging.ERROR, traceback.format_exc())
        if cycle == 4:
            def send():
                def subscribe():
                    raised("requests.exceptions", "HTTPError", "400 Client Error: Bad Request for url: "
                           "https://us14.api.mailchimp.com/3.0/lists/a1b2c3d4e5/members/5f4dcc3b5aa765d61d8327deb882cf99")
                subscribe()
            try:
                send()
            except Exception as e:
                h(news, "website/newsletter.py", 46, "run", logging.ERROR, f'Exception in background thread: {e}',
                  exc=True)
        if cycle in (8, 14):
            # gunicorn.conf.py's max_requests = 10000.
            w = 8 if cycle == 8 else 10
            with pid(w):
                gun.log.info("Autorestarting worker after current request.")
                gun.log.info("Worker exiting (pid: %s)", w)
            with pid(13 + cycle):
                gun.log.info("Booting worker with pid: %s", 13 + cycle)
        if cycle == 5:
            with pid(9):
                gun.log.critical("WORKER TIMEOUT (pid:%s)", 9)
                gun.log.error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 9)
            with pid(12):
                gun.log.info("Booting worker with pid: %s", 12)
        # Studio: the editors' uploads and the curious 404s.
        for j in range(4):
            fname = hx("file", cycle, j)
            ext = ("mp4", "pdf", "png", "mp3")[j]
            if (cycle + j) % 2 == 0:
                with pid(44 + j % 2):
                    at(root, logging.INFO, STUDIO_SRC + "api.py", 38, "write_file_to_storage",
                       "{} exists in Google Cloud Storage, so it's not saved again.".format(
                           f"storage/{fname[0]}/{fname[1]}/{fname}.{ext}"))
        if cycle % 3 == 2:
            with pid(45):
                at(dj, logging.WARNING, STUDIO_DJANGO_LOG, 224, "log_response", "Not Found: %s",
                   f"/api/contentnode/{hx('node', cycle)}")
        if cycle == 7:
            def sync():
                def apply_changes():
                    raised("django.db.utils", "OperationalError",
                           "could not obtain lock on row in relation \"contentcuration_contentnode\"")
                apply_changes()
            try:
                sync()
            except Exception:
                with pid(44):
                    at(dj, logging.ERROR, STUDIO_DJANGO_LOG, 224, "log_response", "Internal Server Error: %s",
                       "/api/sync/", exc=True)
    # The nightly maintenance command, run in Studio's container.
    printed(stream, "+ python contentcuration/manage.py ensure_versioned_databases_exist")
    for k, ch in enumerate(CHANNELS):
        if k == 2:
            at(cmd, logging.WARNING, STUDIO_SRC + "management/commands/ensure_versioned_databases_exist.py", 37,
               "handle", f"Channel {ch}{'0' * 16} has main_tree.published=Truebut version=0, skipping.")
        if k == 4:
            at(cmd, logging.ERROR, STUDIO_SRC + "management/commands/ensure_versioned_databases_exist.py", 42,
               "handle", f"Error ensuring versioned database for channel {ch}{'0' * 16}: [Errno 2] No such file or "
               f"directory: 'storage/databases/{ch}{'0' * 16}.sqlite3'")
    at(cmd, logging.INFO, STUDIO_SRC + "management/commands/ensure_versioned_databases_exist.py", 46, "handle",
       f"Completed: processed {len(CHANNELS) - 2} channels, 1 errors")
    with pid(1):
        gun.log.info("Handling signal: term")
    for w in (12, 21, 27):
        with pid(w):
            gun.log.info("Worker exiting (pid: %s)", w)
    with pid(1):
        gun.log.info("Shutting down: Master")
    return {"name": "hedy-studio", "programs": [hd, st, st_bare], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A course competition's GPU host on EC2 (a g5 instance; the worker's and
# the daemon's containers through Docker's awslogs driver, one stream for
# the host): CodaLab's worker runs the students' bundles, and competitiond
# mimics their submissions on the hidden test set and rebuilds the class
# leaderboard every few minutes.

TEAMS = ["team-kestrel", "nlp-ninjas", "aino_v", "squad-goals", "bertie", "lstm-ltd", "jkoskinen"]


def stream_codalab():
    stream = []
    wk = Program("codalab-worker", "codalab.worker.worker", logging.Formatter(CODALAB_WORKER), stream)
    cd = Program("competitiond", "__main__", logging.Formatter(COMPETITIOND), stream)
    worker = lg(wk, "codalab.worker.worker")
    wmain = lg(wk, "codalab.worker.main")
    comp = lg(cd, "__main__")
    wrs = lg(wk, "codalab.worker.worker_run_state")

    def bundle(n):
        return "0x" + hx("bundle", n)

    worker_id = "ip-10-0-12-87-gpu"
    printed(stream, "+ cl-worker --server https://worksheets.codalab.org --work-dir /home/codalab/work "
                    "--tag cs-nlp-2024 --gpuset ALL --max-memory 24g")
    wmain.info('Connecting to %s' % "https://worksheets.codalab.org")
    wmain.info("GPUSET arg: ALL")
    wmain.info('%s doesn\'t exist, creating.', "/home/codalab/work/runs")
    wmain.info('Worker started!')
    worker.info(f"my id is: {worker_id}")
    worker.warning("Started websocket listening thread")
    worker.warning(f"Connecting anew to: wss://worksheets.codalab.org/ws/worker/{worker_id}")
    worker.info('Connected! Successful check in!')
    printed(stream, "+ python scripts/competitiond.py /etc/competition/cs-nlp-2024.yml /srv/leaderboard/out.json "
                    "--daemon")
    comp.info('Starting competition daemon...')

    n = 0
    for cycle in range(10):
        for t, team in enumerate(TEAMS):
            if (t + cycle) % 3:
                continue
            n += 1
            sb = {"id": bundle(n), "uuid": bundle(n), "owner": {"user_name": team}}
            comp.info("Mimicking submission for {owner[user_name]}".format(**sb))
            if n % 9 == 4:
                comp.info("Submission {uuid} by {owner[user_name]} is missing expected dependencies.".format(**sb))
                comp.error("Aborting submission {id} for {owner[user_name]}".format(**sb))
                continue
            if n % 11 == 6:
                comp.error("Aborting submission {id} for {owner[user_name]}".format(**sb))

                def run_prediction():
                    def mimic():
                        raised("codalab.client.json_api_client", "JsonApiException",
                               f"Bundle {bundle(n + 500)} is not ready: state is 'failed'")
                    mimic()
                uncaught(stream, run_prediction)
                continue
            # The worker runs the prediction, then the evaluation.
            for stage in ("predict", "eval"):
                run = bundle(n * 7 + (stage == "eval"))
                if n <= 2:
                    wrs.info(f'bundle is not ready yet. uuid: {run}. status message: Pulling docker image '
                             f'codalab/default-gpu:latest. {3.2 + n:.1f}GiB/{7.9:.1f}GiB downloaded')
                if cycle == 3 and t == 0 and stage == "predict":
                    worker.warning("Cannot prune docker networks: %s",
                                   "500 Server Error for http+docker://localhost/v1.41/networks/prune: Internal "
                                   "Server Error (\"a prune operation is already running\")")
                if n % 13 == 8 and stage == "predict":
                    wrs.info(f"Bundle {run} is transitioning from RUN_STAGE.PREPARING to RUN_STAGE.CLEANING_UP. "
                             f"Reason: Dependency has failed for this bundle. Dependency child uuid: "
                             f"{bundle(n + 700)}. Dependency child path: /home/codalab/work/runs/{bundle(n + 700)}")
                wrs.info(f"Bundle {run} is transitioning from RUN_STAGE.CLEANING_UP to RUN_STAGE.UPLOADING_RESULTS")
                wrs.info(f"Bundle {run} is transitioning from RUN_STAGE.UPLOADING_RESULTS to RUN_STAGE.FINALIZING")
            comp.info("Finished mimicking submission for {owner[user_name]}".format(**sb))
        if cycle == 2:
            def checkin():
                raised("codalab.common", "BundleServiceException",
                       "Connection error: HTTPSConnectionPool(host='worksheets.codalab.org', port=443): Read timed "
                       "out. (read timeout=120)")
            try:
                checkin()
            except Exception as ex:
                worker.warning("Disconnected from server! Failed check in: %s", ex)
                worker.info("Checkin failed twice in a row, sleeping %d seconds", 20)
            worker.warning("Websocket connection closed, starting a new one...")
            worker.warning(f"Connecting anew to: wss://worksheets.codalab.org/ws/worker/{worker_id}")
            worker.info('Connected! Successful check in!')
        if cycle == 5:
            def request():
                raised("codalab.client.json_api_client", "JsonApiException",
                       "Internal Server Error: 502 Bad Gateway")
            try:
                request()
            except Exception:
                comp.exception('Request failed, retrying in %s second(s)...', 1)
        if cycle == 7:
            worker.info("Sending bundles back to the staged state: {}.".format(','.join([bundle(901), bundle(902)])))
    comp.info('Stopping competition daemon...')
    worker.info("Stopping Worker")
    worker.info("Stopped Worker. Exiting")
    return {"name": "codalab-competition", "programs": [wk, cd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_aplus_grader(), stream_hedy_studio(), stream_codalab()])


if __name__ == "__main__":
    main()
