"""The 66-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout65.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (CI/CD and build infrastructure: a
container build service's namespace on EKS, where OSBS's atomic-reactor
builds the layered images in Tekton task pods and Cachito's Celery worker
fetches and caches their Go and npm dependencies; a hardware test lab's
host on EC2 (over the site VPN to the boards), where a LAVA worker and a
Testflinger agent run the device jobs; a kernel CI host, where
KernelCI's LAVA scheduler schedules test jobs for new checkouts and
Git-Auto-Deploy pulls and redeploys the pipeline's configuration on every
push), each format copied from the file named beside it (the version
read is given), with the formatter class and the filter the program
uses, and messages modelled on the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout66

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 04dc8d0 (session 28's end, no rule written
from this set), with nothing configured: 61.8% exact, 76.7% key
fields (asctime 99.9%, levelname 99.9%, name 97.8%, message 76.7%).

Formatters and filters: atomic-reactor, the LAVA worker, Testflinger's
agent, KernelCI's services and Git-Auto-Deploy use logging.Formatter
itself (atomic-reactor's set_logging, lava-worker's setup_logger and the
agent's configure_logging on a StreamHandler of their own, KernelCI's
config/logger.conf through fileConfig, Git-Auto-Deploy's
get_log_formatter on the root); no filter. Cachito's worker runs under
Celery, whose root handler prints Celery's worker_log_format
("[time: LEVEL/MainProcess] ") outside tasks; its task_prerun handler
(setup_task_logging_customization) swaps that handler's formatter for a
celery ColorFormatter (no colours off a terminal) of its
cachito_task_log_format and adds AddRequestIDFilter, which sets
record.request_id (`CachitoTaskFormatter` sets it as the filter does), so
every record inside a task, celery.app.trace's "succeeded" and "raised
unexpected" ones included, prints "[time #<request id> name LEVEL
module.funcName] ", and the child's records outside it Celery's format
again (two formats for one handler: two Programs here). Celery's "data"
extras print nowhere and are left out of the records (as `heldout47.py`
did). atomic-reactor's format is "time - name - LEVEL - "; osbs-client's
records go through the same formatter, and its USER_WARNING level (25,
logging.addLevelName in set_logging) carries a JSON message
('{"message": "..."}'); one of its warnings ends with a line break. The
LAVA worker pads the default time to fifteen (it is longer: no padding
shows) and right-aligns the level to seven; its messages bracket the job
id ("[4711] RUNNING => server"). Testflinger's agent right-aligns the
level in seven and cuts it to seven ("%(levelname)+7.7s": "CRITICA"),
with a two-digit year, then "(file.py:line)| "; one of its errors holds a
line break. 448 records in three streams (210, 124 and 114), 45 of them
print lines or bare tracebacks. KernelCI prints a 12-hour time with AM/PM and the zone
("05/11/2024 02:44:44 PM UTC [INFO] "), no name; its Logger.traceback()
logs traceback.format_exc() as an ERROR message (ending with a line
break). Git-Auto-Deploy cuts the level to five inside brackets and puts
two spaces before the message ("[WARNI]  "); its ProcessWrapper logs
every line git and the deploy command print as a record of the root
(stderr at ERROR for deploy commands, so docker compose's progress lines
are ERROR records, the first without its leading space: the output is
strip()ped before it is split, as is git clone's "Cloning into ..."),
and its HTTP handler's log_message writes the request
line as an INFO record.

Print lines: Celery's worker banner, the Tekton step's shell lines,
systemd's lines on the lab host, Docker's lines; the Testflinger agent's
uncaught ConnectionError (systemd restarts it) and socketserver's
handle_error block for Git-Auto-Deploy (its "Exception occurred during
processing of request from ..." lines between dashes, and the traceback:
the handler re-raises after logging "Unable to process request").

The messages are the programs' own format strings where read (the files
and line numbers given beside them: Cachito's tasks/general.py,
tasks/gomod.py, pkg_managers/gomod.py and scm.py; atomic-reactor's
plugin.py, check_and_set_platforms.py, resolve_remote_source.py,
bump_release.py, fetch_maven_artifacts.py, koji_import.py and
tag_and_push.py, osbs-client's utils; lava_dispatcher/worker.py;
testflinger_agent's __init__.py, agent.py, job.py and client.py;
KernelCI's src/scheduler.py; Git-Auto-Deploy's httpserver.py,
models/project.py and wrappers/git.py); Celery's lines are Celery 5.5's
(installed here). The values (NVRs, request and job ids, hosts, boards,
repositories), the order and number of records, third-party exception
texts and the print lines are modelled. The run settings are assumed, not
read: atomic-reactor and Cachito at INFO (Cachito's production level),
lava-worker with "--log-file -" at INFO, the agent's logging_level INFO.

Left out: Freight (getsentry/freight 17a9c81 bin/run-task: ">> %(message)s"
through its blessings ColoredFormatter, and run-task's output is captured
into the task's log in Freight's database, not the container's), Cachito's
API (cachito/web/config.py's "[%(asctime)s %(name)s %(levelname)s
%(module)s.%(funcName)s] %(message)s" goes to mod_wsgi's wsgi.errors,
which Apache prefixes with its own error-log header: not traced here),
KernelCI's lava_callback (its basicConfig "%(asctime)s - %(name)s -
%(levelname)s - %(message)s" in src/lava_callback.py, a separate
container: atomic-reactor stands for that format here), MirrorManager2's
crawler (its console handler comes from crawler/ui.py's
get_logging_handler, not traced; fedora-infra/mirrormanager2 49f0cf26),
registry-cli (print() only; andrey-pohilko/registry-cli 15f0c00),
BuildGrid (no snapshot could be had), and, in earlier sets or their "Left
out" paragraphs, Buildbot, Zuul, nodepool, Jenkins Job Builder, devpi,
pypiserver, bandersnatch, Pulp, proxpi, pypicloud, quetz, Kodiak,
marge-bot, homu, Mergify, miss-islington, release-bot, Bodhi, Greenwave,
WaiverDB, taskgraph, scriptworker, Treeherder, Koji, mock, Copr, Packit,
kas, conan, KIWI, EasyBuild, diskimage-builder, kolla-build and Pungi.
"""

import json
import logging
import os
import sys
import traceback

import celery.app.defaults
import celery.app.log

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# atomic-reactor (containerbuildsystem/atomic-reactor, f6b1ea42),
# atomic_reactor/__init__.py set_logging's formatter, whose format is
# osbs-client's ATOMIC_REACTOR_LOGGING_FMT (containerbuildsystem/osbs-client,
# b9809c5, osbs/constants.py), on the "atomic_reactor" and "osbs" loggers.
ATOMIC_REACTOR = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
USER_WARNING = 25  # osbs/constants.py USER_WARNING_LEVEL, "USER_WARNING"
# Cachito (release-engineering/cachito, 1f2bc11), cachito/workers/config.py
# Config.cachito_task_log_format, set on the root's handlers by
# cachito/workers/celery_logging.py setup_task_logging_customization (with
# AddRequestIDFilter) for a task's time; Celery's worker_log_format outside.
CACHITO_TASK = "[%(asctime)s #%(request_id)s %(name)s %(levelname)s %(module)s.%(funcName)s] %(message)s"
CELERY_WORKER = celery.app.defaults.DEFAULTS["worker_log_format"]
# LAVA (Linaro/lava, d27bcfdb5), lava_dispatcher/worker.py FORMAT, set by
# setup_logger on the "lava-worker" logger's handler (stdout for "-").
LAVA_WORKER = "%(asctime)-15s %(levelname)7s %(message)s"
# Testflinger (canonical/testflinger, fe381ff2), agent/src/testflinger_agent/
# __init__.py configure_logging's logfmt, on the "testflinger_agent" logger.
TESTFLINGER = "[%(asctime)s] %(levelname)+7.7s: (%(filename)s:%(lineno)d)| %(message)s"
TESTFLINGER_DATEFMT = "%y-%m-%d %H:%M:%S"
# KernelCI pipeline (kernelci/kernelci-pipeline, e81bdeb), config/logger.conf
# formatter_defaultFormatter (src/logger.py's fileConfig; its fallback
# basicConfig has the same format and datefmt).
KERNELCI = "%(asctime)s [%(levelname)s] %(message)s"
KERNELCI_DATEFMT = "%m/%d/%Y %I:%M:%S %p %Z"
# Git-Auto-Deploy (olipo186/Git-Auto-Deploy, 43f53d1), gitautodeploy/
# gitautodeploy.py GitAutoDeploy.get_log_formatter, on the root's handler.
GAD = "%(asctime)s [%(levelname)-5.5s]  %(message)s"


class CachitoTaskFormatter(celery.app.log.ColorFormatter):
    """The formatter setup_task_logging_customization puts on the root's
    handler, with AddRequestIDFilter's record.request_id (the filter sits on
    the same handler)."""

    request_id = "unknown"

    def __init__(self):
        super().__init__(CACHITO_TASK, use_color=False)

    def format(self, record):
        record.request_id = self.request_id
        return super().format(record)


SITE = "/usr/local/lib/python3.9/site-packages/"


# --------------------------------------------------------------------------
# A container build service's namespace on EKS (Fluent Bit, one log group
# for the namespace): atomic-reactor's Tekton task pods build the layered
# images, and Cachito's worker fetches their remote sources for them.

BUILDS = [("grafana-agent-container", "1.4.2", "rhel-9-containers-candidate", "https://git.example.com/grafana-agent"),
          ("ci-runner-base-container", "2024.05", "rhel-9-containers-candidate", "https://git.example.com/ci-runner"),
          ("vault-sidecar-container", "0.9.1", "rhel-8-containers-candidate", "https://git.example.com/vault-sidecar")]
PLUGINS = ["check_and_set_platforms", "resolve_remote_source", "bump_release", "fetch_maven_artifacts",
           "tag_and_push", "koji_import"]


def stream_osbs_cachito():
    stream = []
    ar = Program("atomic-reactor", "atomic_reactor", logging.Formatter(ATOMIC_REACTOR), stream)
    task_fmt = CachitoTaskFormatter()
    ct = Program("cachito", "cachito.workers", task_fmt, stream)
    cw = Program("cachito-celery", "celery", celery.app.log.ColorFormatter(CELERY_WORKER, use_color=False), stream)
    plugin = lg(ar, "atomic_reactor.plugin")
    plugins = {k: lg(ar, "atomic_reactor.plugins." + k) for k in PLUGINS}
    osbs = lg(ar, "osbs.utils")
    conn = lg(cw, "celery.worker.consumer.connection")
    mingle = lg(cw, "celery.worker.consumer.mingle")
    ready = lg(cw, "celery.apps.worker")
    strategy = lg(cw, "celery.worker.strategy")
    trace = lg(ct, "celery.app.trace")
    general = lg(ct, "cachito.workers.tasks.general")
    tgomod = lg(ct, "cachito.workers.tasks.gomod")
    pgomod = lg(ct, "cachito.workers.pkg_managers.gomod")
    scm = lg(ct, "cachito.workers.scm")
    C = SITE + "cachito/workers/"
    TRACE = SITE + "celery/app/trace.py"

    for line in [" ", " -------------- celery@cachito-worker-6c9f7d8b5-x2lqp v5.2.7 (dawn-chorus)",
                 "--- ***** ----- ", "-- ******* ---- Linux-5.10.215-203.850.amzn2.x86_64-x86_64-with-glibc2.34",
                 "- *** --- * --- ", "- ** ---------- [config]", "- ** ---------- .> app:         "
                 "cachito:0x7f3c2a9e1d30", "- ** ---------- .> transport:   amqp://cachito:**@rabbitmq:5672//",
                 "- *** --- * --- .> concurrency: 1 (prefork)", " -------------- [queues]",
                 "                .> cachito          exchange=cachito(direct) key=cachito",
                 "                .> cachito_gomod    exchange=cachito_gomod(direct) key=cachito.gomod", ""]:
        printed(stream, line)
    conn.info("Connected to amqp://cachito:**@rabbitmq:5672//")
    mingle.info("mingle: searching for neighbors")
    mingle.info("mingle: all alone")
    ready.info("celery@cachito-worker-6c9f7d8b5-x2lqp ready.")

    def state(rid, st, reason):
        at(general, logging.INFO, C + "tasks/general.py", 97, "set_request_state",
           'Setting the state of request %d to "%s" with the reason "%s"', rid, st, reason)

    def task(name, uuid, rid, body, fail=None):
        strategy.info("Task %s[%s] received" % (name, uuid))
        task_fmt.request_id = str(rid)
        try:
            body()
        except Exception as e:
            at(trace, logging.ERROR, TRACE, 267, "_log_error", "Task %s[%s] raised unexpected: %r" % (name, uuid, e),
               exc=True)
            return False
        at(trace, logging.INFO, TRACE, 128, "info", "Task %s[%s] succeeded in %ss: None" % (name, uuid, fail))
        return True

    for i, (component, version, target, repo) in enumerate(BUILDS * 2):
        rid = 1287 + i
        ref = "%040x" % (0x9c1e5a77d3b2 * (i + 3) * 0x1f3a5c7e9b2d4f61e8a7 % (1 << 160))
        nvr = "%s-%s-%d" % (component, version, 4 + i)
        printed(stream, "+ atomic-reactor -v task --build-dir=/workspace/ws-build-dir --context-dir=/workspace/"
                "ws-context-dir --config-file=reactor-config-map.yaml --namespace=osbs-build "
                "--pipeline-run-name=%s-%x binary-container-prebuild" % (component[:20], 0x5a3f + i))
        with level_names({USER_WARNING: "USER_WARNING"}):
            osbs.info("cloning git repo '%s'", repo)
            plugin.info("running plugin instance with args: '%s'", {})
            plugins["check_and_set_platforms"].info("Checking koji target for platforms")
            plugins["check_and_set_platforms"].info("Koji platforms are %s", ["aarch64", "x86_64"])
            plugins["check_and_set_platforms"].info("platforms in limits : %s", {"x86_64", "aarch64"})
            plugin.info("running plugin instance with args: '%s'", {})
            plugins["resolve_remote_source"].info('Using user "%s" for cachito request', "osbs@EXAMPLE.COM")

        # The request reaches Cachito's worker: its chain of tasks.
        def fetch_app_source():
            at(general, logging.INFO, C + "tasks/general.py", 35, "fetch_app_source",
               'Fetching the source from "%s" at reference "%s"', repo, ref)
            state(rid, "in_progress", "Fetching the application source")
            if i == 4:
                def clone():
                    raised("git.exc", "GitCommandError", "Cmd('git') failed due to: exit code(128)\n  cmdline: git "
                           "clone -v --no-checkout -- %s /tmp/cachito-archives/tmpq3k1/repo\n  stderr: 'fatal: could "
                           "not read Username for 'https://git.example.com': No such device or address'" % repo)
                try:
                    try:
                        clone()
                    except Exception:
                        at(scm, logging.ERROR, C + "scm.py", 165, "clone_and_archive",
                           "Cloning the Git repository from %s failed", repo, exc=True)
                        raised("cachito.errors", "CachitoError", "Cloning the Git repository failed")
                except Exception:
                    at(general, logging.ERROR, C + "tasks/general.py", 44, "fetch_app_source",
                       'Failed to fetch the source from the URL "%s" and reference "%s"', repo, ref, exc=True)
                    raise
            if i == 2:
                at(scm, logging.WARNING, C + "scm.py", 245, "fetch_source", "Error handling archived artifact '%s': "
                   "%s - %s", "/var/lib/cachito/sources/grafana-agent/%s.tar.gz" % ref,
                   "OSError(28, 'No space left on device')", "[Errno 28] No space left on device")
                at(scm, logging.INFO, C + "scm.py", 251, "fetch_source", "Existing archive at '%s' may be corrupted "
                   "and will not be used. Recovering...", "/var/lib/cachito/sources/grafana-agent/%s.tar.gz" % ref)

        def fetch_gomod_source():
            at(tgomod, logging.INFO, C + "tasks/gomod.py", 87, "fetch_gomod_source",
               "Fetching the gomod dependencies for request %d in subpath %s", rid, ".")
            state(rid, "in_progress", 'Fetching the gomod dependencies at the "." directory')
            at(pgomod, logging.INFO, C + "pkg_managers/gomod.py", 102, "resolve_gomod",
               "Downloading the gomod dependencies")
            if i % 3 == 1:
                at(pgomod, logging.WARNING, C + "pkg_managers/gomod.py", 464, "get_golang_version",
                   "Failed to fetch the tags on the Git repository for %s", "github.com/example/%s" % component[:-10])
            at(pgomod, logging.INFO, C + "pkg_managers/gomod.py", 200, "resolve_gomod",
               "Retrieving the list of package level dependencies")

        def create_bundle_archive():
            at(general, logging.INFO, C + "tasks/general.py", 157, "create_bundle_archive", "Creating %s",
               "/var/lib/cachito/bundles/%d.tar.gz" % rid)
            state(rid, "complete", "Completed successfully")

        uuids = ["%08x-%04x-4%03x-a%03x-%012x" % (0x5e1d0000 + rid * k, rid, k, i, 0x7c2a + rid * 31 + k)
                 for k in range(3)]
        ok = task("cachito.workers.tasks.general.fetch_app_source", uuids[0], rid, fetch_app_source, 3.21 + i)
        if not ok:
            def failed():
                state(rid, "failed", "Cloning the Git repository failed")
            task("cachito.workers.tasks.general.failed_request_callback", uuids[1], rid, failed, 0.08)
        else:
            task("cachito.workers.tasks.gomod.fetch_gomod_source", uuids[1], rid, fetch_gomod_source, 41.7 + i)
            task("cachito.workers.tasks.general.create_bundle_archive", uuids[2], rid, create_bundle_archive,
                 6.02 + i)

        # Back in the task pod.
        with level_names({USER_WARNING: "USER_WARNING"}):
            if not ok:
                msg = "plugin 'resolve_remote_source' raised an exception: CachitoRequestFailed: Cachito request " \
                      "%d is in \"failed\" state, reason: Cloning the Git repository failed" % rid
                plugin.error(msg)
                printed(stream, "Error: exit status 1")
                continue
            plugin.info("running plugin instance with args: '%s'", {})
            plugins["bump_release"].info("reserving build in koji: %r", {"name": component, "version": version,
                                                                         "release": str(4 + i)})
            plugins["bump_release"].info("setting %s=%s", "release", 4 + i)
            if i % 2 == 1:
                url = "https://maven.example.com/releases/org/acme/agent/%s/agent-%s.jar" % (version, version)
                msg = "No source-url found for %s.\n" % url
                plugins["fetch_maven_artifacts"].warning(msg)
                msg += "fetch-artifacts-url without source-url is deprecated\nto fix this please provide the " \
                       "source-url according to " \
                       "https://osbs.readthedocs.io/en/latest/users.html#fetch-artifacts-url-yaml"
                plugins["fetch_maven_artifacts"].log(USER_WARNING, json.dumps({"message": msg}))
            printed(stream, "STEP 1/9: FROM registry.example.com/ubi9/ubi-minimal:9.4")
            printed(stream, "COMMIT %s" % nvr)
            plugin.info("running plugin instance with args: '%s'", {"koji_target": target})
            plugins["tag_and_push"].info("Registry %s secret %s", "https://registry.example.com/v2",
                                         "/var/run/secrets/atomic-reactor/v2-registry-dockercfg")
            if i == 3:
                plugins["tag_and_push"].error("push failed with output:\n%s", "Error: writing blob: uploading layer "
                                              "chunked: StatusCode: 502, <html><body><h1>502 Bad Gateway</h1>")
                plugins["tag_and_push"].info("Retrying push because V2 schema 2 or OCI manifest not found in 2s")
            plugins["tag_and_push"].info("All images were tagged and pushed")
            plugin.info("running plugin instance with args: '%s'", {})
            if i == 1:
                plugins["koji_import"].log(USER_WARNING, json.dumps({
                    "message": "Using 'go' key in container.yaml is deprecated in favor of using Cachito integration"}))
            if i == 5:
                def task_id():
                    int("None")
                try:
                    task_id()
                except ValueError:
                    plugins["koji_import"].error("invalid task ID %r", "None", exc_info=1)
            plugins["koji_import"].info("build configuration created by Koji Task ID %s", 61234567 + i)
    printed(stream, "worker: Warm shutdown (MainProcess)")
    return {"name": "osbs-cachito", "programs": [ar, ct, cw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A hardware test lab's host on EC2 (systemd's journal through the
# CloudWatch agent, one stream): a LAVA worker runs the lab's boards for
# a LAVA server, and a Testflinger agent runs another board's jobs.

BOARDS = ["rk3399-rock-pi-4b", "imx8mp-evk", "bcm2711-rpi-4-b", "qemu-x86_64"]
TF = "/srv/testflinger-agent/env/lib/python3.12/site-packages/testflinger_agent/"


def stream_lava_testflinger():
    stream = []
    lw = Program("lava-worker", "lava-worker", logging.Formatter(LAVA_WORKER), stream)
    tf = Program("testflinger-agent", "testflinger_agent", logging.Formatter(TESTFLINGER, TESTFLINGER_DATEFMT), stream)
    L = lg(lw, "lava-worker")
    tmain = lg(tf, "testflinger_agent")
    tagent = lg(tf, "testflinger_agent.agent")
    tjob = lg(tf, "testflinger_agent.job")
    tclient = lg(tf, "testflinger_agent.client")

    printed(stream, "Started lava-worker.service - LAVA worker.")
    L.info("[INIT] LAVA worker has started.")
    L.info("[INIT] Name   : %r", "lab-aws-01")
    L.info("[INIT] Server : %r", "https://lava.example.com/")
    L.info("[INIT] Version: %r", "2025.10")
    L.info("[INIT] Token  : file %r", "/var/lib/lava/dispatcher/worker/token")
    L.info("[EVENT] Connecting to websocket")
    printed(stream, "Started testflinger-agent-imx8mp-evk-02.service - testflinger agent imx8mp-evk-02.")

    def tlog(log, level, file, line, func, msg, *args, exc=None):
        at(log, level, TF + file, line, func, msg, *args, exc=exc)

    for cycle in range(8):
        # LAVA: a job a cycle on one of the boards.
        job = 4711 + cycle
        board = BOARDS[cycle % len(BOARDS)]
        L.info("[%d] server => START", job)
        L.info("[%d] Starting job", job)
        if cycle == 5:
            L.error("[%d] Unable to start: %s", job, ["lava-run", "--device=/var/lib/lava/dispatcher/worker/tmp/%d/"
                                                     "device.yaml" % job, "--job-id=%d" % job])
            try:
                raised("builtins", "PermissionError", "[Errno 13] Permission denied: 'lava-run'")
            except Exception as exc:
                L.exception("[%d] %s", job, exc)
        else:
            L.info("[%d] RUNNING => server", job)
        if cycle == 3:
            L.error("-> server error: code %d", 502)
        if cycle == 6:
            L.info("[EVENT] Worker mentioned")
        if cycle != 5:
            L.info("[%d] running -> finished", job)
            L.info("[%d] FINISHED => server", job)
        if cycle == 2:
            L.warning("[EVENT] Invalid message: %s", '["lava.scheduler.job", "e8a1", "%s", "lavaserver"]' % board)

        # Testflinger: poll, then a job now and then.
        tlog(tmain, logging.INFO, "__init__.py", 147, "start_agent", "Checking jobs")
        if cycle % 2 == 0:
            jid = "%08x-%04x-4%03x-b%03x-%012x" % (0x3f2a9c10 + cycle, cycle * 77, cycle, cycle * 5, 0xa11ce + cycle)
            tlog(tagent, logging.INFO, "agent.py", 315, "process_jobs", "Starting job %s", jid)
            tlog(tagent, logging.INFO, "agent.py", 228, "unpack_attachments", "Downloading attachments for %s", jid)
            tlog(tagent, logging.INFO, "agent.py", 231, "unpack_attachments", "Unpacking attachments for %s", jid)
            for phase in ["setup", "provision", "firmware_update", "test", "allocate", "reserve", "cleanup"]:
                if phase in ("setup", "cleanup"):
                    tlog(tjob, logging.INFO, "job.py", 129, "run_test_phase", "Running %s_command: %s", phase,
                         "testflinger-device-connector muxpi %s -c /srv/testflinger-agent/imx8mp-evk-02/default.yaml "
                         "testflinger.json" % phase)
                    continue
                if phase in ("firmware_update", "allocate", "reserve"):
                    tlog(tjob, logging.INFO, "job.py", 116, "run_test_phase", "No %s_data defined in job data, "
                         "skipping...", phase)
                    continue
                tlog(tjob, logging.INFO, "job.py", 129, "run_test_phase", "Running %s_command: %s", phase,
                     "PYTHONIOENCODING=utf-8 PYTHONUNBUFFERED=1 testflinger-device-connector muxpi %s -c "
                     "/srv/testflinger-agent/imx8mp-evk-02/default.yaml testflinger.json" % phase)
                if phase == "provision" and cycle == 2:
                    tlog(tjob, logging.WARNING, "job.py", 173, "run_test_phase",
                         "Failed to post device info during %s for job %s: %s", phase, jid, "503")
                    tlog(tclient, logging.WARNING, "client.py", 497, "post_provision_log",
                         "Unable to post provision log to server: %s", "503 Server Error: Service Unavailable for url: "
                         "https://testflinger.example.com/v1/agents/provision_logs/imx8mp-evk-02")
            if cycle == 4:
                def transmit():
                    def post_result():
                        raised("testflinger_agent.errors", "TFServerError", "413")
                    post_result()
                try:
                    transmit()
                except Exception as e:
                    tlog(tagent, logging.ERROR, "agent.py", 443, "process_jobs", e, exc=True)
            tlog(tclient, logging.INFO, "client.py", 331, "transmit_job_outcome", "Submitting job outcome for job: "
                 "%s", jid)
        if cycle == 6:
            tlog(tclient, logging.ERROR, "client.py", 560, "is_server_reachable", "Server connectivity lost")
            tlog(tclient, logging.WARNING, "client.py", 575, "wait_for_server_connectivity",
                 "Testflinger server unreachable, waiting for connectivity")
        if cycle == 7:
            tlog(tmain, logging.ERROR, "__init__.py", 136, "start_agent", "Agent %s is offline, not processing jobs! "
                 "Reason: %s\nPlease contact Testflinger Admin if you require assistance.", "imx8mp-evk-02",
                 "board power cycling")
        tlog(tmain, logging.INFO, "__init__.py", 149, "start_agent", "Sleeping for %d", 10)
        if cycle == 3:
            tlog(tagent, logging.INFO, "agent.py", 501, "retry_old_results", "Attempting to send result: %s",
                 "/srv/testflinger-agent/imx8mp-evk-02/run/9b1d7e2c")
    # The agent dies on an uncaught error; systemd restarts it.
    def start_agent():
        def post_advertised_queues():
            raised("requests.exceptions", "ConnectionError", "HTTPSConnectionPool(host='testflinger.example.com', "
                   "port=443): Max retries exceeded with url: /v1/agents/queues (Caused by NameResolutionError(\""
                   "<urllib3.connection.HTTPSConnection object at 0x7f1c3a2b9d50>: Failed to resolve "
                   "'testflinger.example.com' ([Errno -3] Temporary failure in name resolution)\"))")
        post_advertised_queues()
    uncaught(stream, start_agent)
    printed(stream, "testflinger-agent-imx8mp-evk-02.service: Main process exited, code=exited, status=1/FAILURE")
    printed(stream, "testflinger-agent-imx8mp-evk-02.service: Scheduled restart job, restart counter is at 1.")
    tlog(tmain, logging.INFO, "__init__.py", 147, "start_agent", "Checking jobs")
    L.info("[EXIT] Received signal SIGTERM")
    L.info("[EXIT] Wait for jobs to finish")
    printed(stream, "Stopped lava-worker.service - LAVA worker.")
    return {"name": "lava-testflinger", "programs": [lw, tf], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A kernel CI host on EC2 (Docker's awslogs driver, one stream): KernelCI's
# LAVA scheduler turns new checkouts into LAVA test jobs, and
# Git-Auto-Deploy redeploys the pipeline's configuration on every push.

TREES = [("mainline", "master"), ("next", "master"), ("stable-rc", "linux-6.6.y"), ("kernelci", "staging-mainline")]
JOBS = ["baseline-arm64", "kselftest-cpufreq", "baseline-nfs-arm64", "ltp-timers", "kunit"]


def stream_kernelci_gad():
    stream = []
    kc = Program("kernelci", "scheduler_lava", logging.Formatter(KERNELCI, KERNELCI_DATEFMT), stream)
    gd = Program("git-auto-deploy", "root", logging.Formatter(GAD), stream)
    k = lg(kc, "scheduler_lava")
    g = lg(gd, "root")

    printed(stream, "Container kernelci-pipeline-scheduler-lava-1  Started")
    k.info("Subscription setup: promisc=False, node_filters=none")
    k.info("Device health check: enabled")
    k.info("Job backup disabled (set BACKUP_FILE_LIFETIME env var to enable)")
    k.info("Runtimes from KContext: ['lava-collabora', 'lava-baylibre', 'lava-broonie']")
    k.info("Runtime types from KContext: ['lava']")
    k.info("Initializing runtimes: ['lava-collabora', 'lava-baylibre', 'lava-broonie']")
    k.info("Listening for available checkout events")
    k.info("Press Ctrl-C to stop.")
    g.info("Using custom configuration file '/app/config/gad.json'")
    g.info("Cloning repository /srv/kernelci-pipeline-config")
    g.error("Cloning into '/srv/kernelci-pipeline-config'...")  # git's stderr, not suppressed for a clone
    g.info("Repository https://github.com/example/kernelci-pipeline-config.git successfully cloned")
    g.info("Listening for connections on http://0.0.0.0:8001")

    def push(n, token_ok=True, broken=False):
        g.info("Incoming request from %s:%s" % ("140.82.115.%d" % (20 + n), 40312 + n * 17))
        g.info("Handling the request with %s" % "GitHubRequestParser")
        g.info("%s candidates matches the request" % 1)
        if broken:
            g.warning("Unable to process request")
            g.info("%s - %s" % ("140.82.115.%d" % (20 + n), "code 500, message Unable to process request"))
            printed(stream, "-" * 40)
            printed(stream, "Exception occurred during processing of request from ('140.82.115.%d', %d)" % (
                20 + n, 40312 + n * 17))

            def process_request():
                def do_POST():
                    def loads():
                        raised("json.decoder", "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)")
                    loads()
                do_POST()
            uncaught(stream, process_request)
            printed(stream, "-" * 40)
            return
        g.info("%s candidates matches after applying filters" % 1)
        if not token_ok:
            g.warning("Request was rejected due to a secret token mismatch")
            g.info("%s - %s" % ("140.82.115.%d" % (20 + n), '"POST / HTTP/1.1" 403 -'))
            return
        g.info("Proceeding with %s candidates" % 1)
        g.info("%s - %s" % ("140.82.115.%d" % (20 + n), '"POST / HTTP/1.1" 200 -'))
        g.info("Running deploy commands")
        g.info("Updating repository %s" % "/srv/kernelci-pipeline-config")
        g.info("From https://github.com/example/kernelci-pipeline-config")
        g.info("   %07x..%07x  main       -> origin/main" % (0x3a1f9c2 + n, 0x3a1f9c3 + n))
        g.info("HEAD is now at %07x config: add %s jobs for %s" % (0x3a1f9c3 + n, JOBS[n % 5], BOARDS[n % 4]))
        g.info("Repository %s successfully updated" % "/srv/kernelci-pipeline-config")
        g.info("Executing %s deploy commands" % str(1))
        # docker compose's stderr; ProcessWrapper's strip() takes the first line's leading space only.
        for line in ["Container kernelci-pipeline-scheduler-lava-1  Recreate",
                     " Container kernelci-pipeline-scheduler-lava-1  Recreated",
                     " Container kernelci-pipeline-scheduler-lava-1  Starting",
                     " Container kernelci-pipeline-scheduler-lava-1  Started"]:
            g.error(line)
        g.info("%s commands executed with status; %s" % (str(1), str([0])))
        g.info("Deploy commands were executed")

    for cycle in range(9):
        tree, branch = TREES[cycle % len(TREES)]
        node = "%024x" % (0x6650a1f3c2d4 + cycle * 0x1b7)
        for j, job in enumerate(JOBS):
            if (cycle + j) % 4 == 3:
                continue
            runtime = ["lava-collabora", "lava-baylibre", "lava-broonie"][(cycle + j) % 3]
            platform = BOARDS[(cycle + j) % 3]
            jnode = "%024x" % (0x6650a1f3c2d4 + cycle * 0x1b7 + j + 1)
            if cycle == 4 and j == 1:
                k.info("Skipping duplicate job creation: %s %s %s %s (retry=0)" % (node, job, runtime, platform))
                continue
            if cycle == 6 and j == 0:
                k.error(["Node with id %s already exists" % jnode])
                continue
            k.info(" ".join([jnode, runtime, platform, job, str(1180400 + cycle * 10 + j)]))
        if cycle == 2:
            k.warning("No storage configuration found in KContext!")
        if cycle == 3:
            k.error("Error receiving event: 504 Server Error: Gateway Time-out for url: "
                    "https://kernelci-api.example.com/latest/listen/4418")
            k.debug("Re-subscribing to channel: node")
        if cycle == 5:
            def run_job():
                def submit():
                    raised("requests.exceptions", "HTTPError", "401 Client Error: Unauthorized for url: "
                           "https://lava.collabora.dev/api/v0.2/jobs/")
                submit()
            try:
                run_job()
            except Exception:
                k.error(traceback.format_exc())
        if cycle in (1, 4, 7):
            push(cycle, token_ok=cycle != 4)
            if cycle != 4:
                printed(stream, "Container kernelci-pipeline-scheduler-lava-1  Started")
                k.info("Listening for available checkout events")
                k.info("Press Ctrl-C to stop.")
        if cycle == 8:
            push(cycle, broken=True)
    g.info("Recieved signal (%s) from the OS, shutting down." % 15)
    g.info("Goodbye")
    printed(stream, "git-auto-deploy-1 exited with code 0")
    return {"name": "kernelci-gad", "programs": [kc, gd], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_osbs_cachito(), stream_lava_testflinger(), stream_kernelci_gad()])


if __name__ == "__main__":
    main()
