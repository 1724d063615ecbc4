"""The thirty-ninth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout38.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS around CI, build farms and code review (Fedora's update gating,
where Bodhi pushes updates and asks Greenwave for gating decisions; a
Taskcluster deployment's decision and release work, where taskgraph
builds the task graph and scriptworker runs signing tasks; a team's
self-hosted forge and CI results dashboard, where Pagure reviews pull
requests and Mozilla's Treeherder ingests pushes from Pulse), each format
copied from the file named beside it (the version read is given), with
the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout39

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at ac65b53 (session 22's rules in, none
written from this set), with nothing configured: 98.5% exact, 98.5% key
fields (asctime 98.5%, levelname 98.5%, name 100.0%, message 98.5%).

Formatters and filters: all six use logging.Formatter itself (fileConfig's
for Bodhi, Greenwave's own StreamHandler on the root, basicConfig's for
taskgraph, scriptworker's update_logging_config, dictConfig's for Pagure
and Treeherder), no filter that drops a record shown here. Bodhi's
production.ini cuts the level to five ("WARNI") and prints the thread's
name (waitress's "waitress-0" to "waitress-3", pserve's "MainThread").
Greenwave prints the process id (gunicorn's workers) and a time without
milliseconds. scriptworker right-aligns the level in eight ("    INFO")
after an ISO time without milliseconds; its pipe_to_log logs every line the
task's script writes as a record of its own, so the signing script's own
basicConfig lines ("%(asctime)s - %(name)s - %(levelname)s - %(message)s",
scriptworker/client.py) are messages inside scriptworker's records.
Pagure's default LOGGING gives the "pagure" logger and the root the same
"console" handler with "pagure" propagating, so every record of a
"pagure.*" logger is written twice (its "pagure_auth" logger does not
propagate: once). Treeherder's LOGGING does the same to "django.request"
(its "console" handler, propagating to "django", which has it too), so a
request's warning or error is written twice; the "require_debug_true"
filter sits on the "django" logger, where it does not see propagated
records. Treeherder's format prints "[name:lineno]"; django.request's line
is Django 5.2's (installed here) log_response call, Treeherder pins 6.0.

Print lines: pserve's "Starting server in PID 7.", gunicorn's startup lines
(Greenwave's and Treeherder's web containers; gunicorn is measured in
`realworld.py`, so they are print lines here), Django's migrate output
from Treeherder's release step, taskgraph's traceback.print_exc() in its
main() (after its generator has logged the same exception with
logger.exception: two tracebacks in a row), and Docker's lines. taskgraph
runs as the container's command here, not under run-task (which prefixes
every line it relays with "[task <ISO time>] ").

The messages are modelled on the programs' source, not copied line by
line: Bodhi's bodhi/server/__init__.py, services/updates.py, models.py and
util.py messages, Greenwave's decision.py, policies.py, api_v1.py,
resources.py and app_factory.py ones, taskgraph's generator.py,
decision.py, create.py and optimize/base.py ones, scriptworker's
worker.py, task.py, artifacts.py and log.py ones, Pagure's ui/fork.py,
flask_app.py and internal/__init__.py ones and Treeherder's
services/pulse/consumers.py ones (with their line numbers) are read at the
commits cited. waitress's "Serving on" and "Task queue depth" messages and
its thread names, the signing script's messages, and the data (NVRs,
task ids, hosts) are from memory and invented.

Left out: Pontoon (its production LOGGING's console handler has no
formatter, "%(message)s" only, the "verbose" one being set only when DEBUG;
mozilla/pontoon pontoon/settings/base.py at eb868358a), Patchwork (its
console handler has no formatter and a require_debug_true filter;
getpatchwork/patchwork patchwork/settings/base.py at 644cef7c), Balrog
(its JsonLogFormatter writes mozlog JSON; mozilla-releng/balrog
src/auslib/log.py), WaiverDB (read: "[%(levelname)s] %(name)s: %(message)s"
in release-engineering/waiverdb waiverdb/config.py at 3aea63d, left for want
of room: the brief asked for six), Kallithea (no copy of its repository could
be had here), Buildbot (it logs through twisted.python.log, not logging),
Koschei, Mergify-engine, Lektor and Pootle (for want of time to read their
formats in source; none was guessed). Treeherder's celery workers and
Pagure's (celery's TaskFormatter on the "celery.task" parent of their task
loggers, and celery's own root handler) are left out of their streams: only
the web and pulse listener processes are here.
"""

import contextlib
import logging
import os
import pprint
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Bodhi (fedora-infra/bodhi, 2afdbd08d), bodhi-server/production.ini
# [formatter_generic] (the root's "console" handler on stderr; the "bodhi"
# logger at DEBUG, the root at INFO), through pserve's fileConfig.
BODHI = "%(asctime)s %(levelname)-5.5s [%(name)s][%(threadName)s] %(message)s"
# Greenwave (release-engineering/greenwave, 8bde5e8), greenwave/logger.py
# log_to_stdout (a StreamHandler on the root, called by greenwave/wsgi.py
# with DEBUG; init_logging sets "greenwave" to DEBUG, the root to INFO).
GREENWAVE = "[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s"
GREENWAVE_DATEFMT = "%Y-%m-%d %H:%M:%S"
# taskgraph (taskcluster/taskgraph, f303f38c), src/taskgraph/main.py
# setup_logging's logging.basicConfig (level INFO).
TASKGRAPH = "%(asctime)s - %(levelname)s - %(message)s"
# scriptworker (mozilla-releng/scriptworker, 66a7a5c), src/scriptworker/
# constants.py DEFAULT_CONFIG's "log_fmt" and "log_datefmt", the
# StreamHandler src/scriptworker/log.py update_logging_config adds to the
# "scriptworker" logger when "verbose" is set (then at DEBUG).
SCRIPTWORKER = "%(asctime)s %(levelname)8s - %(message)s"
SCRIPTWORKER_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# The task script's own basicConfig (src/scriptworker/client.py sync_main),
# relayed by scriptworker's pipe_to_log as messages.
SCRIPT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Pagure (Pagure/pagure, bee16830), pagure/default_config.py LOGGING's
# "standard" formatter (the "console" handler of the root, "pagure",
# "flask"...; "auth_handler" of "pagure_auth"), through pagure/utils.py
# set_up_logging's dictConfig.
PAGURE = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"
# Treeherder (mozilla/treeherder, dc3080dd7), treeherder/config/settings.py
# LOGGING's "standard" formatter (the "console" handler of "django",
# "django.request", "treeherder" and "kombu").
TREEHERDER = "[%(asctime)s] %(levelname)s [%(name)s:%(lineno)s] %(message)s"


@contextlib.contextmanager
def thread(name):
    """Records made in a named thread (waitress's workers)."""
    current = threading.current_thread()
    pinned = current.name
    current.name = name
    try:
        yield
    finally:
        current.name = pinned


def chained(program, names, levels):
    """Loggers as the program's configuration nests them, each of `names`
    the parent of the next, the handler on those where `levels` has an
    entry (a record written once per handler it meets on the way up)."""
    parent = None
    for name in names:
        log = logging.Logger(name, levels.get(name, logging.NOTSET))
        if name in levels:
            log.addHandler(program.handler)
        if parent is not None:
            log.parent = parent
        parent = log
    return parent


# --------------------------------------------------------------------------
# Fedora-style update gating in one OpenShift project (one log group):
# Bodhi's web process (pserve and waitress, production.ini) creates and
# edits updates and asks Greenwave (gunicorn, three workers) for gating
# decisions.

UPDATES = [("FEDORA-2024-3f1a2b9c4d", "python-requests-2.31.0-6.fc40", "f40"),
           ("FEDORA-2024-8e7d6c5b4a", "kernel-6.8.9-300.fc40", "f40"),
           ("FEDORA-2024-1a2b3c4d5e", "podman-5.0.3-1.fc39", "f39"),
           ("FEDORA-EPEL-2024-9f8e7d6c5b", "nginx-mod-vts-0.2.2-4.el9", "epel9"),
           ("FEDORA-2024-0b1c2d3e4f", "golang-1.22.3-1.fc40", "f40"),
           ("FEDORA-2024-c4d5e6f7a8", "rust-tokio-1.37.0-1.fc41", "f41")]
USERS = ["mhernandez", "priya", "kalev", "releng-bot"]
TESTS = ["fedora-ci.koji-build.tier0.functional", "update.install_default_update_netinst",
         "update.base_selinux", "fedora-ci.koji-build.rpminspect.static-analysis"]


def stream_bodhi_greenwave():
    stream = []
    bd = Program("bodhi", "bodhi", logging.Formatter(BODHI), stream)
    gw = Program("greenwave", "greenwave", logging.Formatter(GREENWAVE, GREENWAVE_DATEFMT), stream)
    b = lg(bd, "bodhi.server")
    waitress = lg(bd, "waitress", logging.INFO)
    queue = lg(bd, "waitress.queue", logging.INFO)
    gdec = lg(gw, "greenwave.decision")
    gpol = lg(gw, "greenwave.policies")
    gapi = lg(gw, "greenwave.api_v1")
    gres = lg(gw, "greenwave.resources")
    greq = lg(gw, "greenwave.request_session")
    gpv = lg(gw, "greenwave.product_versions")
    gapp = lg(gw, "greenwave.app_factory")

    printed(stream, "[%s] [1] [INFO] Starting gunicorn 22.0.0" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Listening at: http://0.0.0.0:8080 (1)" % now("%Y-%m-%d %H:%M:%S +0000"))
    for worker in (9, 10, 11):
        printed(stream, "[%s] [%d] [INFO] Booting worker with pid: %d" % (now("%Y-%m-%d %H:%M:%S +0000"), worker,
                                                                           worker))
        with pid(worker):
            gapp.debug("config: Loading policies from %r", "/etc/greenwave/policies")
            gpol.debug("Loaded %i policies from %s", 14, "/etc/greenwave/policies")
            gapp.debug("config: Loading subject types from %r", "/etc/greenwave/subject_types")
    b.info("Warming up caches…")
    b.info("Bodhi ready and at your service!")
    printed(stream, "Starting server in PID 7.")
    waitress.info("Serving on http://0.0.0.0:6543")

    for cycle in range(4):
        for i, (alias, nvr, release) in enumerate(UPDATES):
            user = USERS[(i + cycle) % len(USERS)]
            with thread("waitress-%d" % ((i + cycle) % 4)):
                if i == 0:
                    b.info(f"{user} successfully logged in")
                if cycle == 0:
                    b.debug("validated = %s" % {"builds": [nvr], "type": "bugfix", "severity": "unspecified",
                                                "autokarma": True, "stable_karma": 3, "unstable_karma": -3})
                    b.info("Creating new update: %r" % [nvr])
                    b.debug("Adding nvr %s, type %r", nvr, "<class 'bodhi.server.models.RpmBuild'>")
                    b.debug("Creating new Update(**data) object.")
                    b.debug(f"Triggering db commit for new update {alias}.")
                    b.debug(f"Setting request for new update {alias}.")
                    b.debug("%s update created", alias)
                elif (i + cycle) % 3 == 0:
                    b.info("Editing update: %s" % alias)
                    b.info(f"Updating test gating status of {alias}")
                    b.info(f"Done editing {alias}")
                else:
                    b.debug("Querying url: %s", "https://greenwave.fedoraproject.org/api/v1.0/decision")
            # Greenwave answers Bodhi's decision request.
            with pid(9 + (i + cycle) % 3):
                data = {"decision_context": "bodhi_update_push_testing", "product_version": "fedora-%s" % release[1:],
                        "subject": [{"item": alias, "type": "bodhi_update"}, {"item": nvr, "type": "koji_build"}],
                        "verbose": False}
                gdec.debug("New decision request for data: %s", data)
                greq.debug("Request: args=%r, kwargs=%r", ("GET",), {"url": "https://resultsdb.fedoraproject.org/api/"
                           "v2.0/results/latest", "params": {"item": nvr, "type": "koji_build"}, "timeout": 60})
                if release == "epel9" and cycle % 2 == 1:
                    gpv.warning("Failed to get the product version number for %s", nvr.rsplit(".", 1)[-1])
                if (i + cycle) % 11 == 7:
                    gres.error("Got unexpected status code 502 for https://resultsdb.fedoraproject.org/api/v2.0/"
                               f"results/latest?item={nvr}&type=koji_build: <html><body><h1>502 Bad Gateway</h1>"
                               "</body></html>")
                    with thread("waitress-%d" % ((i + cycle) % 4)):
                        b.error("Error querying greenwave for test results - timed out")
                    continue
                greq.debug("Request finished: %r", "<Response [200]>")
                for t, test in enumerate(TESTS[: 1 + (i % 3)]):
                    if (t + i + cycle) % 5 == 4:
                        gpol.debug("Test result MISSING for the %s and testcase %s, because the outcome is %s",
                                   f"Subject(type='koji_build', item='{nvr}')", test, "QUEUED")
                    else:
                        gpol.debug("Test result passed for the result_id %s and testcase %s, because the outcome is %s",
                                   31000000 + 977 * i + 13 * cycle + t, test, "PASSED")
                gapi.debug("Response: %s", {"policies_satisfied": (i + cycle) % 5 != 4,
                                            "summary": "All required tests passed" if (i + cycle) % 5 != 4
                                            else "1 of 3 required test results missing",
                                            "applicable_policies": ["bodhi-%s-gating" % release]})
        with thread("waitress-%d" % (cycle % 4)):
            if cycle == 1:
                b.warning("Cannot find release associated with build: %s, tags: []" % "python-flask-3.0.3-1.fc42")
            if cycle == 2:
                queue.warning("Task queue depth is %d", 2)
            if cycle == 3:
                # A request's handler fails: bodhi's exception_filter logs it.
                def get_test_results():
                    def call_api():
                        raised("sqlalchemy.exc", "OperationalError",
                               "(psycopg2.OperationalError) server closed the connection unexpectedly\n"
                               "\tThis probably means the server terminated abnormally\n"
                               "\tbefore or while processing the request.")
                    call_api()
                try:
                    get_test_results()
                except Exception as e:
                    b.exception("Unhandled exception raised:  %r" % e)
    printed(stream, "[%s] [1] [INFO] Handling signal: term" % now("%Y-%m-%d %H:%M:%S +0000"))
    return {"name": "bodhi-greenwave", "programs": [bd, gw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Taskcluster deployment's workers in one log group: taskgraph's decision
# (the container's command, a nightly graph) and a signing scriptworker
# (verbose), whose task script's lines come through its pipe_to_log.

KINDS = [("docker-image", 9), ("fetch", 14), ("toolchain", 22), ("build", 48), ("test", 310), ("signing", 48),
         ("beetmover", 24), ("release-notify", 3)]
TASK_IDS = ["Yk3pQ9xKTzeLm1sVb4Rw2A", "cF8nH2dJQv6WkP0aRzT1eg", "Pq7ZtR3mSfeC9bXwL1uYkA", "Hw1JxN8sT0yVqE4dR6bZcQ",
            "aB9cD3eFgH1iJ5kL7mN0pQ", "Zx4Wv8Ut2Sr6Qp0On3Ml5g"]
ARTIFACTS = ["public/build/target.tar.gz", "public/build/target.checksums", "public/logs/chain_of_trust.log"]


def stream_taskgraph_scriptworker():
    stream = []
    tg = Program("taskgraph", "taskgraph", logging.Formatter(TASKGRAPH), stream)
    sw = Program("scriptworker", "scriptworker", logging.Formatter(SCRIPTWORKER, SCRIPTWORKER_DATEFMT), stream)
    gen = lg(tg, "taskgraph.generator", logging.INFO)
    dec = lg(tg, "taskgraph.decision", logging.INFO)
    opt = lg(tg, "optimization", logging.INFO)
    create = lg(tg, "taskgraph.create", logging.INFO)
    wk = lg(sw, "scriptworker.worker")
    task = lg(sw, "scriptworker.task")
    arts = lg(sw, "scriptworker.artifacts")
    relay = lg(sw, "scriptworker.log")

    def script(name, level, msg):
        asctime = "%s,%03d" % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t % 1 * 1000) % 1000)
        relay.info(SCRIPT % {"asctime": asctime, "name": name, "levelname": level, "message": msg})

    printed(stream, "Attaching to scriptworker-1, decision-1")
    wk.info("Scriptworker starting up at %s UTC" % now("%Y-%m-%d %H:%M:%S+00:00"))
    wk.info("Worker FQDN: %s" % "signing-linux-3.srv.releng.use1.example.com")
    # The decision: taskgraph's generator.
    dec.warning(f"using default project parameters; add {'platform-tools'} to PER_PROJECT_PARAMETERS in "
                "/usr/local/lib/python3.11/site-packages/taskgraph/decision.py to customize behavior for this project")
    gen.info("Loading graph configuration.")
    gen.info("Loading kinds")
    gen.info("Generating full task set")
    for n, (kind, count) in enumerate(KINDS):
        gen.info(f"Generated {count} tasks for kind {kind}")
        if n == 2:
            task.debug("Calling claimWork for {}/{}...".format("signing-linux-v1", "signing-linux-3"))
    gen.info("Generating full task graph")
    total = sum(c for _, c in KINDS)
    gen.info(f"Full task graph contains {total} tasks and {total * 2 - 9} dependencies")
    gen.info("Generating target task set")
    gen.info(f"Filter {'filter_target_tasks'} pruned {total - 212} tasks ({212} remain)")
    gen.info("Generating target task graph")
    gen.info(f"Adding {3} tasks with `always_target` attribute")
    gen.info("Generating optimized task graph")
    opt.info("No tasks replaced during optimization")
    opt.info("Removed " + ", ".join(f"{c} tasks by {b}" for b, c in sorted({"skip-unless-changed": 41,
                                                                             "index-search": 12}.items()))
             + " during optimization.")
    for name in ("parameters.yml", "full-task-graph.json", "target-tasks.json", "task-graph.json",
                 "label-to-taskid.json"):
        dec.info(f"writing artifact file `{name}`")
    labels = ["build-linux64/opt", "build-android-arm/opt", "test-linux64/opt-unit-1", "signing-linux64/opt",
              "beetmover-linux64/opt", "docker-image-decision", "toolchain-linux64-rust"]
    for n, label in enumerate(labels * 3):
        create.info(f"Creating task with taskId {TASK_IDS[n % 6][:-2]}{n:02d} for {label}")

    # The scriptworker's loop: claim, run the script, upload, report.
    for cycle in range(7):
        task.debug("Calling claimWork for {}/{}...".format("signing-linux-v1", "signing-linux-3"))
        if cycle == 2:
            task.warning("{} {}".format("<class 'aiohttp.client_exceptions.ClientConnectorError'>",
                                        "Cannot connect to host firefox-ci-tc.services.example.com:443 ssl:default "
                                        "[Temporary failure in name resolution]"))
            continue
        tid = TASK_IDS[cycle % 6]
        task.info("Going to run taskId {taskId} runId {runId}!".format(taskId=tid, runId=cycle % 2))
        script("scriptworker.client", "INFO", "Task validated against schema")
        script("signingscript.script", "INFO", "Using signing server %s" % "https://autograph.example.com/")
        for a in ARTIFACTS[:2]:
            script("signingscript.task", "INFO", "signing %s with autograph_gpg" % a.replace("public/", "/app/work/"))
            script("signingscript.sign", "INFO", "Signing %s with format autograph_gpg" % a.split("/")[-1])
        if cycle == 4:
            script("signingscript.script", "ERROR", "Autograph returned 503 Service Unavailable after 5 attempts")
            task.info("exit code: 3")
            task.info("Reporting task failed...")
            continue
        script("signingscript.script", "INFO", "Done!")
        task.info("exit code: 0")
        for a in ARTIFACTS:
            path = "/app/artifacts/" + a
            if a.endswith(".log"):
                arts.info('"{}" can be gzip\'d. Compressing...'.format(path))
                arts.info('"{}" compressed'.format(path))
            arts.info("uploading {path} to {url}...".format(
                path=path, url="https://firefox-ci-tc.s3.amazonaws.com/%s/0/%s" % (tid, a)))
            if cycle == 5 and a.endswith(".checksums"):
                # The upload fails in a way scriptworker doesn't expect.
                def upload_artifacts():
                    def put():
                        raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
                    put()
                try:
                    upload_artifacts()
                except Exception as e:
                    wk.exception("SCRIPTWORKER_UNEXPECTED_EXCEPTION upload {}".format(e))
                break
            arts.info("create_artifact {}: {}".format(path, 200))
        task.info("Reporting task complete...")
        if cycle == 0:
            task.debug("Task status response:\n{}".format(pprint.pformat({
                "status": {"taskId": tid, "provisionerId": "scriptworker-k8s", "workerType": "signing-linux-v1",
                           "schedulerId": "taskcluster-level-3", "state": "completed", "retriesLeft": 5,
                           "runs": [{"runId": 0, "state": "completed", "reasonCreated": "scheduled",
                                     "reasonResolved": "completed", "workerGroup": "signing-linux-v1",
                                     "workerId": "signing-linux-3"}]}})))
        if cycle == 3:
            # A kind fails to load: logged, then printed by main().
            def generate():
                def load_tasks():
                    def transform():
                        raised("taskgraph.util.taskcluster", "TaskclusterRestFailure",
                               "Indexed task not found: index.platform-tools.v2.main.latest.toolchain.linux64-rust")
                    transform()
                load_tasks()
            try:
                generate()
            except Exception:
                gen.exception(f"Error loading tasks for kind {'toolchain'}:")
            uncaught(stream, generate, after_traceback=True)
            printed(stream, "decision-1 exited with code 1")
    wk.info("SIGTERM received; shutting down")
    wk.info("Scriptworker stopped at %s UTC" % now("%Y-%m-%d %H:%M:%S+00:00"))
    wk.info("Worker FQDN: %s" % "signing-linux-3.srv.releng.use1.example.com")
    return {"name": "taskgraph-scriptworker", "programs": [tg, sw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A team's forge and CI results dashboard on one EC2 host (Docker's awslogs
# driver): Pagure's web app reviews and merges pull requests (its records
# written twice), and Treeherder's pulse listener and web process
# (django.request's records written twice; gunicorn's and migrate's lines).

PROJECTS = [("infra/terraform-modules", 412), ("platform/deploy-tools", 88), ("sre/runbooks", 1307),
            ("fork/priya/infra/terraform-modules", 415)]
PUSHES = [("exchange/hgpushes/v2", "autoland"), ("exchange/hgpushes/v2", "mozilla-central"),
          ("exchange/taskcluster-github/v1/push", "primary.mozilla-mobile.firefox-android"),
          ("exchange/hgpushes/v2", "try"),
          ("exchange/taskcluster-github/v1/pull-request", "primary.mozilla.fxci-config")]
CONSUMERS = "/app/treeherder/services/pulse/consumers.py"
DJANGO_LOG = "/usr/local/lib/python3.12/site-packages/django/utils/log.py"


def stream_pagure_treeherder():
    stream = []
    pg = Program("pagure", "pagure", logging.Formatter(PAGURE), stream)
    th = Program("treeherder", "treeherder", logging.Formatter(TREEHERDER), stream)
    levels = {"root": logging.INFO, "pagure": logging.DEBUG}
    fork = chained(pg, ["root", "pagure", "pagure.ui.fork"], levels)
    app = chained(pg, ["root", "pagure", "pagure.flask_app"], levels)
    auth = lg(pg, "pagure_auth")
    pulse = lg(th, "treeherder.services.pulse.consumers", logging.INFO)
    request = chained(th, ["django", "django.request"], {"django": logging.INFO, "django.request": logging.WARNING})

    def pulse_at(level, line, func, msg):
        at(pulse, level, CONSUMERS, line, func, msg)

    def request_at(level, msg, *args, exc=None):
        at(request, level, DJANGO_LOG, 293, "log_response", msg, *args, exc=exc)

    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: admin, auth, contenttypes, model, perf, sessions")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    printed(stream, "[%s] [1] [INFO] Starting gunicorn 23.0.0" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)" % now("%Y-%m-%d %H:%M:%S +0000"))
    with pid(31):
        for exchange, key in PUSHES[:3]:
            pulse_at(logging.INFO, 114, "bind_to", f"Pulse queue queue/treeherder-prod/pushes bound to: "
                     f"{exchange} {key if 'hgpushes' in exchange else '#'}")
        pulse_at(logging.INFO, 145, "prune_bindings", "Unbound from: exchange/hgpushes/v2 comm-central")
    for cycle in range(8):
        with pid(31):
            for n, (exchange, key) in enumerate(PUSHES):
                if (n + cycle) % 4 != 3:
                    pulse_at(logging.INFO, 216, "on_message", f"received push message from {exchange}#{key}")
            if cycle == 5:
                pulse_at(logging.ERROR, 130, "prune_bindings", "Unable to fetch existing bindings for "
                         "queue/treeherder-prod/pushes. Data ingestion may proceed, but no bindings will be pruned")
        for n, (project, prid) in enumerate(PROJECTS):
            user = USERS[(n + cycle) % len(USERS)]
            if (n + cycle) % 3 == 0:
                auth.info("User is asking to access a project via ssh -- |user: %s|IP: %s|method: N/A|repo: %s|query: "
                          "N/A" % (user, "10.0.4.%d" % (20 + n), "/srv/git/repositories/%s.git" % project))
                continue
            fork.info("Viewing pull Request #%s repo: %s", prid + cycle, project)
            if (n + cycle) % 4 == 1:
                fork.info("called merge_request_pull for repo: %s - requestid: %s", project, prid + cycle)
                fork.info("All checks in the controller passed")
                if cycle == 6 and n == 1:
                    fork.info("GitError exception raised")
                    continue
                fork.info("All fine, returning")
        if cycle % 3 == 1:
            request_at(logging.WARNING, "Not Found: %s", "/api/project/autoland/push/%d/" % (1450000 + cycle))
        if cycle == 2:
            # The 500 handler logs what a request's view raised.
            def view():
                def render():
                    raised("jinja2.exceptions", "UndefinedError", "'pagure.lib.model.PullRequest object' has no "
                           "attribute 'ci_status'")
                render()
            try:
                view()
            except Exception:
                app.exception("Error while processing request")
        if cycle == 4:
            def jobs_list():
                def execute():
                    raised("django.db.utils", "OperationalError",
                           "canceling statement due to statement timeout")
                execute()
            try:
                jobs_list()
            except Exception:
                request_at(logging.ERROR, "Internal Server Error: %s", "/api/jobs/", exc=True)
    printed(stream, "[%s] [1] [INFO] Handling signal: term" % now("%Y-%m-%d %H:%M:%S +0000"))
    return {"name": "pagure-treeherder", "programs": [pg, th], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_bodhi_greenwave(), stream_taskgraph_scriptworker(), stream_pagure_treeherder()])


if __name__ == "__main__":
    main()
