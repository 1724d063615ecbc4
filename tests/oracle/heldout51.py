"""The 51-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout50.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (HPC, scientific computing and instrument
control: a ParallelCluster head node where LLNL's Merlin runs an ensemble
study on Slurm beside DP-GEN's dpdispatcher submitting DeePMD training and
LAMMPS jobs; an observatory's control host where pyobs runs the telescope
and camera modules beside a Pyro5 name server for the dome and weather
drivers; a quantum-sensing lab's host where nspyre's data server streams
an experiment's data sets beside the group's jobflow-remote runner
submitting DFT workflows to the university cluster), each format copied
from the file named beside it (the version read is given), with the
formatter class and the filter the program uses, and messages modelled on
the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout51

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1b56e36 (session 26's first rule in, none
written from this set), with nothing configured: 51.8% exact, 51.8% key
fields (asctime 94.2%, levelname 94.2%, name 60.9%, message 74.9%).
Rules were written from it after that reading.

Formatters and filters: all six use logging.Formatter itself. Merlin
installs its format through coloredlogs.install, which off a terminal
installs a plain formatter with coloredlogs' default datefmt (as Toil's
and miniwdl's in `heldout12.py`): "[2024-05-11 14:44:44: INFO] ", no
name. dpdispatcher's "dpdispatcher" logger prints the level between " - "
and " : ". pyobs' ModuleNameFilter sets `pyobs_module` on every record
(the module's config file stem, "telescope", "camera"; kept in the truth,
as the format prints it), printed in parentheses before "file:line". The
Pyro5 name server runs with PYRO_LOGLEVEL=DEBUG and PYRO_LOGFILE={stderr},
so Pyro5's own basicConfig prints "[time.msecs,name,LEVEL] " in one
bracket, commas between. nspyre prints milliseconds after a "%Y-%m-%d
%H:%M:%S" time and "(file:line)" in parentheses; it replaces sys.stderr
with a stream that logs each line written to it as a CRITICAL record of
the "stderr" logger, whose handler prints "[stderr] " and the line (a
warning's two lines, a thread's traceback one record a line: a second
Program here). jobflow-remote's runner (run with -pid, as its daemon's
supervisord command does) writes its own pid into the format as literal
text: "ID 1" (the container's PID 1) between the level and the name; one
of its warnings holds a formatted traceback inside the message, before
more text. 446 records in three streams (157, 151 and 138), 63 of them
print lines (one a bare traceback).

Print lines: the shell's "+ ..." lines, Merlin's celery workers' lines in
Celery's own format and its "merlin queue-info" table (modelled); the Pyro5 name
server's print()s ("Broadcast server running on ...", "NS running on
...", "URI = ..."), systemd's lines; Docker's and supervisord's lines.
Merlin's redis error in "merlin monitor" is an uncaught traceback.

The messages are modelled on the programs' source, read at the commits
cited (Merlin's router.py, config/configfile.py, study/celeryadapter.py,
common/tasks.py; dpdispatcher's submission.py and machines/slurm.py;
pyobs' application.py, modules/camera/basecamera.py, modules/telescope/
basetelescope.py, modules/module.py, comm/xmpp/xmppcomm.py; Pyro5's
nameserver.py, svr_threads.py and server.py; nspyre's data/server.py and
cli/dataserv.py; jobflow-remote's jobs/runner.py, utils/schedule.py and
remote/host/remote.py); pyobs' and nspyre's line numbers are those of the
files read. The values (studies, hashes, job ids, coordinates, addresses,
data sets, db ids), the exception texts and the print lines are modelled.

Left out: Diamond Light Source's zocalo services (a bare StreamHandler:
"%(message)s" only; DiamondLightSource/python-zocalo dfc76a2,
src/zocalo/service/__init__.py), the labscript suite's BLACS ("%(asctime)s
%(levelname)s %(name)s: %(message)s", labscript-suite/labscript-utils
22616a7, labscript_utils/setup_logging.py: a Qt GUI on a lab's Windows PC,
not a daemon; kept for a later set), PyMeasure (no console format of its
own found in pymeasure/pymeasure 32503b81: its LogWidget takes the
window's), PSI/J (no format in ExaWorks/psij-python 914ffa3),
jobflow-remote's CLI format (a RichHandler), and Sardana, ReFrame, Pegasus,
Balsam, ophyd and BLISS (for want of time to read their formats in source;
none was guessed). nipype, Parsl, Toil, FireWorks, AiiDA, Maestro, Cylc,
Ganga, libEnsemble, ARTIQ, caproto, QCoDeS, the Bluesky Queue Server,
QCFractal, submitit, PyMoDAQ, snakemake and NICOS are in earlier sets or
their "Left out" paragraphs and were not taken.
"""

import logging
import os
import sys
import traceback
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Merlin (LLNL/merlin, 677e3830), merlin/log_formatter.py FORMATS["DEFAULT"]
# through setup_logging's coloredlogs.install on the "merlin" logger
# (main.py, colors=True); off a terminal coloredlogs installs its plain
# formatter with its DEFAULT_DATE_FORMAT.
MERLIN = "[%(asctime)s: %(levelname)s] %(message)s"
MERLIN_DATEFMT = "%Y-%m-%d %H:%M:%S"
# dpdispatcher (deepmodeling/dpdispatcher, e23bb8c), dpdispatcher/dlog.py
# dlogf_formatter (the "dpdispatcher" logger's stdout handler).
DPDISPATCHER = "%(asctime)s - %(levelname)s : %(message)s"
# pyobs (pyobs/pyobs-core, 07fbeb4f), pyobs/application.py Application's
# stream formatter, with pyobs/utils/logging/context.py ModuleNameFilter on
# the handler (basicConfig on the root).
PYOBS = "%(asctime)s [%(levelname)s] (%(pyobs_module)s) %(filename)s:%(lineno)d %(message)s"
# Pyro5 (irmen/Pyro5, 5497929), Pyro5/__init__.py __configure_logging's
# logging.basicConfig (PYRO_LOGLEVEL set, PYRO_LOGFILE={stderr}).
PYRO5 = "[%(asctime)s.%(msecs)03d,%(name)s,%(levelname)s] %(message)s"
PYRO5_DATEFMT = "%Y-%m-%d %H:%M:%S"
# nspyre (nspyre-org/nspyre, f029358), src/nspyre/misc/logging.py
# nspyre_init_logger's stdout_formatter (the root's stdout handler) and
# stderr_formatter (the "stderr" logger's, fed by _StreamToLog).
NSPYRE = "%(asctime)s.%(msecs)03d [%(levelname)s] (%(filename)s:%(lineno)s) %(message)s"
NSPYRE_DATEFMT = "%Y-%m-%d %H:%M:%S"
NSPYRE_STDERR = "[stderr] %(message)s"
# jobflow-remote (Matgenix/jobflow-remote, 8245777), src/jobflow_remote/
# utils/log.py initialize_runner_logger's msg_format with a runner_id (the
# "stream" handler on stdout), the id being os.getpid() (cli/runner.py run
# with -pid): the container's PID 1.
JOBFLOW_REMOTE = "%(asctime)s [%(levelname)s] ID 1 %(name)s: %(message)s"

PYOBS_SRC = "/usr/local/lib/python3.11/site-packages/pyobs/"
NSPYRE_SRC = "/opt/conda/lib/python3.11/site-packages/nspyre/"


# --------------------------------------------------------------------------
# A ParallelCluster head node (the CloudWatch agent ships the login
# session's and DP-GEN's output into one log stream): Merlin runs a
# LULESH ensemble study through its Celery workers on Slurm, and DP-GEN's
# dpdispatcher submits DeePMD training and LAMMPS exploration jobs to the
# same Slurm over SSH.

STUDY = "lulesh_ensemble"
WORKSPACE = "/shared/studies/lulesh_ensemble_20240511-144444"
STEPS = [("run_lulesh", "lulesh_queue"), ("post_process", "post_queue"), ("collect", "collect_queue")]
REMOTE_ROOT = "/shared/dpgen/work/3f0c9be2c5a1d7e4b8f6a2d9c1e0b7a4f5d3c2b1"
JOBS = [("b5c1e3a7d9f2", 48213), ("0d4e6a8c2b1f", 48214), ("7a9c3e5f1d2b", 48215), ("e2f4a6c8b0d3", 48216),
        ("4c6e8a0b2d5f", 48217), ("9b1d3f5a7c0e", 48218)]


def celery_line(level, process, msg):
    return "[%s,%03d: %s/%s] %s" % (now("%Y-%m-%d %H:%M:%S"), int(realworld.CLOCK.t * 1000) % 1000, level, process, msg)


def stream_merlin_dpdispatcher():
    stream = []
    mp = Program("merlin", "merlin", logging.Formatter(MERLIN, MERLIN_DATEFMT), stream)
    dp = Program("dpdispatcher", "dpdispatcher", logging.Formatter(DPDISPATCHER), stream)
    m = lg(mp, "merlin", logging.INFO)
    cfg = lg(mp, "merlin.config.configfile", logging.INFO)
    router = lg(mp, "merlin.router", logging.INFO)
    tasks = lg(mp, "merlin.common.tasks", logging.INFO)
    adapter = lg(mp, "merlin.study.celeryadapter", logging.INFO)
    d = lg(dp, "dpdispatcher", logging.INFO)

    printed(stream, "+ source /shared/venvs/merlin/bin/activate")
    printed(stream, f"+ merlin run {STUDY}.yaml --vars N_SAMPLES=200")
    cfg.info("Reading app config from file /home/ec2-user/.merlin/app.yaml")
    tasks.info("Calculating task groupings from DAG.")
    tasks.info("Converting graph to tasks.")
    tasks.info("Launching tasks.")
    printed(stream, f"+ sbatch --nodes=4 --partition=compute-c6i {STUDY}_workers.sbatch")
    printed(stream, "Submitted batch job 48190")
    printed(stream, f"+ merlin run-workers {STUDY}.yaml --echo")
    cfg.info("Reading app config from file /home/ec2-user/.merlin/app.yaml")
    m.info(f"Launching workers from '{STUDY}.yaml'")
    for i in range(3):
        printed(stream, celery_line("INFO", "MainProcess", f"Connected to rediss://merlin:**@redis.internal:6379/0"))
    printed(stream, celery_line("INFO", "MainProcess", "celery@lulesh_worker.%queue-dy-c6i-1 ready."))

    # DP-GEN's iteration: dpdispatcher submits the training jobs.
    d.info("check_all_finished: False")
    for h, job_id in JOBS[:4]:
        d.info(f"job {h} was submitted; job_id is {job_id}")
    for cycle in range(7):
        # Merlin's workers run the samples (Celery's own format: print lines).
        for s in range(2):
            sample = f"{cycle:02d}/{s:02d}"
            step, queue = STEPS[(cycle + s) % 2]
            printed(stream, celery_line("INFO", f"ForkPoolWorker-{s + 1}",
                                        f"Executing step '{step}' in '{WORKSPACE}/{step}/{sample}'..."))
            if (cycle, s) == (3, 1):
                printed(stream, celery_line("WARNING", f"ForkPoolWorker-{s + 1}",
                                            f"*** Step '{step}' in '{WORKSPACE}/{step}/{sample}' soft failed. "
                                            "Continuing with workflow."))
                continue
            printed(stream, celery_line("INFO", f"ForkPoolWorker-{s + 1}",
                                        f"Step '{step}' in '{WORKSPACE}/{step}/{sample}' finished successfully."))
        # The operator checks on the study.
        if cycle % 2 == 0:
            printed(stream, f"+ merlin monitor {STUDY}.yaml --sleep 60")
        if cycle != 3:
            router.info(f"Checking for the following workers: ['lulesh_worker', 'post_worker']")
            router.info("Monitor: checking for workers, running workers = ['celery@lulesh_worker.%queue-dy-c6i-1', "
                        "'celery@post_worker.%queue-dy-c6i-2'] ...")
            router.info(f"Monitor: found {400 - 57 * cycle} jobs in queues and {2 + cycle % 3} workers alive")
            m.info("Monitor: found tasks in queues and/or tasks being processed")
        if cycle == 1:
            printed(stream, f"+ merlin queue-info --spec {STUDY}.yaml")
            adapter.info("Querying queues for steps = ['all']")
            printed(stream, "          queue name         | task count | worker count")
            printed(stream, "-----------------------------+------------+-------------")
            for step, queue in STEPS:
                workers = 1 if queue != "collect_queue" else 0
                printed(stream, f"[merlin]_{queue:<19} | {380 - 20 * len(queue):>10} | {workers:>12}")
            adapter.warning("No workers connected to [merlin]_collect_queue.")
        if cycle == 3:
            def monitor():
                def check_merlin_status():
                    def get_queues():
                        raised("redis.exceptions", "ConnectionError",
                               "Error 110 connecting to redis.internal:6379. Connection timed out.")
                    get_queues()
                check_merlin_status()
            uncaught(stream, monitor)
        # dpdispatcher polls Slurm.
        for h, job_id in JOBS[:4]:
            if cycle == 2 + JOBS.index((h, job_id)) % 3:
                d.info(f"job: {h} {job_id} finished")
        if cycle == 2:
            h, job_id = JOBS[4]
            d.info(f"job {JOBS[3][0]} {JOBS[3][1]} terminated; fail_cout is 1; resubmitting job")
            d.info(f"job {JOBS[3][0]} re-submit after terminated; new job_id is {job_id}")
            d.info(f"job {JOBS[3][0]} job_id:{job_id} after re-submitting; the state now is <JobStatus.waiting: 2>")
        if cycle == 4:
            d.warning(f"Job {JOBS[5][1]} should be manually killed")
    d.info(f"submission succeeded: {REMOTE_ROOT[-40:]}")
    d.info(f"at {REMOTE_ROOT}")
    # The results come back over SSH; the first try fails.
    def download_jobs():
        def get():
            raised("paramiko.ssh_exception", "SSHException", "Error reading SSH protocol banner[Errno 104] Connection "
                   "reset by peer")
        get()
    try:
        download_jobs()
    except Exception as e:
        d.exception(e)
    d.info("Retrying in 1 minute...")
    # The next iterations: LAMMPS exploration, then the labelling runs.
    for it in range(1, 4):
        root = REMOTE_ROOT[:-40] + ("%02d" % it) + REMOTE_ROOT[-38:][::-1]
        d.info("check_all_finished: False")
        for n, (h, job_id) in enumerate(JOBS):
            d.info(f"job {h[it:] + h[:it]} was submitted; job_id is {job_id + 20 * it}")
        for n, (h, job_id) in enumerate(JOBS):
            if (n + it) % 5 == 4:
                d.info(f"job {h[it:] + h[:it]} {job_id + 20 * it} terminated; fail_cout is 1; resubmitting job")
                d.info(f"job {h[it:] + h[:it]} re-submit after terminated; new job_id is {job_id + 20 * it + 7}")
                d.info(f"job {h[it:] + h[:it]} job_id:{job_id + 20 * it + 7} after re-submitting; the state now is "
                       "<JobStatus.waiting: 2>")
                job_id += 7
            d.info(f"job: {h[it:] + h[:it]} {job_id + 20 * it} finished")
        d.info(f"submission succeeded: {root[-40:]}")
        d.info(f"at {root}")
    printed(stream, celery_line("WARNING", "ForkPoolWorker-2", "Shutting down workers in all queues!"))
    printed(stream, f"+ merlin stop-workers --spec {STUDY}.yaml")
    router.info("Stopping workers...")
    adapter.info("Found these connected workers:")
    m.warning("Worker 'post_worker' is unexpanded. Target provenance spec instead?")
    printed(stream, "worker: Warm shutdown (MainProcess)")
    return {"name": "merlin-dpdispatcher", "programs": [mp, dp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An observatory's control host (journald forwarded to CloudWatch by the
# agent, one stream for the host): pyobs runs its telescope and camera
# modules (one process each, "pyobs telescope.yaml", "pyobs camera.yaml"),
# and a Pyro5 name server (python -m Pyro5.nameserver, its log on stderr)
# serves the dome and weather-station drivers an older part of the
# observatory's software exposes over Pyro.

TARGETS = [("HD 189733", "20:00:43.71", 300.18213, "+22:42:39.07", 22.71085),
           ("WASP-12", "06:30:32.79", 97.63664, "+29:40:20.27", 29.67230),
           ("M 51", "13:29:52.70", 202.46958, "+47:11:42.93", 47.19526),
           ("NGC 6946", "20:34:52.34", 308.71808, "+60:09:13.24", 60.15368),
           ("SN 2024ggi", "11:18:22.09", 169.59204, "-32:50:15.27", -32.83758)]
PYRO_OBJECTS = [("observatory.dome", 41217), ("observatory.weather", 41219), ("observatory.skycam", 41223)]


def stream_pyobs_pyro5():
    stream = []
    po = Program("pyobs", "pyobs", logging.Formatter(PYOBS), stream)
    py = Program("pyro5", "Pyro5", logging.Formatter(PYRO5, PYRO5_DATEFMT), stream)
    app = lg(po, "pyobs.application")
    cam = lg(po, "pyobs.modules.camera.basecamera")
    tel = lg(po, "pyobs.modules.telescope.basetelescope")
    mod = lg(po, "pyobs.modules.module")
    xmpp = lg(po, "pyobs.comm.xmpp.xmppcomm")
    pyro = lg(py, "Pyro5")
    naming = lg(py, "Pyro5.naming")
    server = lg(py, "Pyro5.server")
    pool = lg(py, "Pyro5.threadpoolserver")
    core = lg(py, "Pyro5.core")

    def p(log, level, path, line, func, module, msg, *args, exc=None):
        at(log, level, PYOBS_SRC + path, line, func, msg, *args, exc=exc, extra={"pyobs_module": module})

    printed(stream, "systemd[1]: Started pyro5-ns.service - Pyro5 name server.")
    with pid(611):
        pyro.info("Pyro log configured using built-in defaults, level=%s", "DEBUG")
        naming.debug("using volatile in-memory dict storage")
        pool.info("starting thread pool socketserver")
        pool.info("not using SSL")
        server.debug("daemon created on %s - %s (pid %d)", "10.40.2.15:9090", "IPv4", 611)
        server.debug("pyro protocol version: %d", 502)
        naming.debug("autoclean not enabled")
        naming.info("nameserver daemon created")
        naming.info("ns broadcast server created on %s - %s", "10.40.2.15:9091", "IPv4")
    printed(stream, "Broadcast server running on 10.40.2.15:9091")
    printed(stream, "NS running on 10.40.2.15:9090 (10.40.2.15)")
    printed(stream, "URI = PYRO:Pyro.NameServer@10.40.2.15:9090")
    with pid(611):
        server.info("daemon %s entering requestloop", "10.40.2.15:9090")
        for name, port in PYRO_OBJECTS:
            pool.debug("connected %s - unencrypted", f"('10.40.2.21', {port + 1000})")
            pool.debug("disconnected %s", f"('10.40.2.21', {port + 1000})")
    for module in ("telescope", "camera"):
        printed(stream, f"systemd[1]: Started pyobs-{module}.service - pyobs {module} module.")
        p(app, logging.INFO, "application.py", 232, "__init__", module, "Loading configuration from %s...",
          f"/opt/pyobs/config/{module}.yaml")
        klass = {"telescope": "AstelcoTelescope", "camera": "FliCamera"}[module]
        p(app, logging.INFO, "application.py", 262, "__init__", module, "Creating module from class %s...", klass)
        p(app, logging.INFO, "application.py", 387, "_main", module, "Opening module...")
        p(xmpp, logging.INFO, "xmppcomm.py", 1188, "_publish_capabilities", module, "Published capabilities for %s",
          {"telescope": "ITelescope", "camera": "ICamera"}[module])
        p(app, logging.INFO, "application.py", 396, "_main", module, "Loaded pyobs packages: %s",
          "pyobs-core=1.21.3, pyobs-" + {"telescope": "astelco=1.2.0", "camera": "fli=1.4.1"}[module])
        p(app, logging.INFO, "application.py", 401, "_main", module, "Started successfully.")
    for n, (name, ra_s, ra, dec_s, dec) in enumerate(TARGETS):
        # The Pyro clients look the dome and the weather station up.
        with pid(611):
            for obj, port in PYRO_OBJECTS[:2]:
                pool.debug("connected %s - unencrypted", f"('10.40.2.30', {52110 + 3 * n})")
                pool.debug("disconnected %s", f"('10.40.2.30', {52110 + 3 * n})")
        if n == 2:
            with pid(611):
                pool.warning("error during handleRequest: %s", "[Errno 104] Connection reset by peer")
        p(mod, logging.INFO, "module.py", 845, "set_state", "telescope", "Set module state to %s.", "ModuleState.READY")
        p(tel, logging.INFO, "basetelescope.py", 355, "move_radec", "telescope",
          "Moving telescope to RA=%s (%.5f°), Dec=%s (%.5f°)...", ra_s, ra, dec_s, dec)
        if n == 1:
            p(mod, logging.WARNING, "module.py", 205, "_watch_loop_lag", "telescope",
              "Event loop stalled for %.2fs -- some call is blocking it.", 1.84)
            p(mod, logging.WARNING, "module.py", 207, "_watch_loop_lag", "telescope",
              "Event loop recovered after being stalled for %.2fs total.", 2.31)
        p(tel, logging.INFO, "basetelescope.py", 375, "move_radec", "telescope", "Reached destination")
        p(cam, logging.INFO, "basecamera.py", 152, "set_exposure_time", "camera", "Setting exposure time to %.5fs...",
          [30.0, 60.0, 120.0, 45.0, 90.0][n])
        p(cam, logging.INFO, "basecamera.py", 162, "set_image_type", "camera", "Setting image type to %s...", "object")
        count = 3 if n != 3 else 4
        p(cam, logging.INFO, "basecamera.py", 426, "grab_sequence", "camera", "Starting sequence of %d images...",
          count)
        for i in range(count):
            if n == 3 and i == 2:
                # The camera's readout fails: the sequence is aborted.
                def grab_data():
                    def expose():
                        raised("pyobs.utils.exceptions", "GrabImageError",
                               "Could not read out image: FLI error -110 (Connection timed out)")
                    expose()
                try:
                    grab_data()
                except Exception:
                    p(cam, logging.ERROR, "basecamera.py", 438, "_run_sequence", "camera",
                      "Grab failed during sequence, aborting sequence.", exc=True)
                break
            fn = "/archive/raw/%s/%s-%04d-%02d.fits.gz" % ("20240511", "fli", 118 + 5 * n + i, 0)
            p(cam, logging.INFO, "basecamera.py", 344, "__expose", "camera", "Uploading image to file server...")
            p(cam, logging.INFO, "basecamera.py", 351, "__expose", "camera", "Broadcasting image ID...")
            p(cam, logging.INFO, "basecamera.py", 356, "__expose", "camera", "Finished image %s.", fn)
        p(cam, logging.INFO, "basecamera.py", 454, "_run_sequence", "camera", "Finished sequence.")
        if n == 2:
            p(xmpp, logging.INFO, "xmppcomm.py", 434, "_disconnected", "camera",
              "Disconnected from server, waiting for reconnect...")
        if n == 3:
            # A Pyro client with the wrong protocol: the handshake's
            # traceback is joined into the message.
            def handshake():
                def recv_stub():
                    raised("Pyro5.errors", "ProtocolError", "invalid data or unsupported protocol version")
                recv_stub()
            try:
                handshake()
            except Exception:
                ex_t, ex_v, ex_tb = sys.exc_info()
                tb = traceback.format_exception(ex_t, ex_v, ex_tb)
                with pid(611):
                    pool.warning("error during connect/handshake: %s; %s", ex_v, "\n".join(tb))
        with pid(611):
            core.debug("resolving %s", "PYRONAME:observatory.weather")
    with pid(611):
        naming.info("autoclean: unregistering %s; cannot connect uri %s for %d sec", "observatory.skycam",
                    "PYRO:obj_5d2e0c1f8b3a4e6d9c7b2a1f0e3d4c5b@10.40.2.21:41223", 20)
    printed(stream, "systemd[1]: Stopping pyobs-camera.service - pyobs camera module...")
    p(app, logging.INFO, "application.py", 355, "_signal_handler", "camera", "Got signal: %s, shutting down.", "15")
    p(app, logging.INFO, "application.py", 412, "_main", "camera", "Shutting down...")
    p(app, logging.INFO, "application.py", 416, "_main", "camera", "Closing module...")
    p(mod, logging.INFO, "module.py", 407, "close", "camera", "Closing connection to server...")
    p(app, logging.INFO, "application.py", 339, "_shutdown", "camera", "Closing loop...")
    p(app, logging.INFO, "application.py", 423, "_main", "camera", "Finished shutting down.")
    printed(stream, "systemd[1]: pyobs-camera.service: Deactivated successfully.")
    return {"name": "pyobs-pyro5", "programs": [po, py], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A quantum-sensing lab's host (Docker's awslogs driver, one stream for the
# compose project): nspyre's data server streams the NV-centre
# experiment's data sets from the instrument server's measurement scripts
# to the lab's plotting clients, and the group's jobflow-remote runner
# (jf runner run -pid -log debug, in the foreground as the container's
# command) submits the DFT workflows for the defects they measure to the
# university cluster over SSH.

DATASETS = ["odmr", "rabi", "ramsey", "t1_relaxometry"]
CLIENTS = ["('172.20.0.5', 40112)", "('172.20.0.6', 51874)", "('172.20.0.7', 36620)", "('10.12.4.31', 58320)"]
DB_IDS = [(1482, "8512331"), (1483, "8512332"), (1484, "8512333"), (1485, "8512334"), (1486, "8512335")]


def stream_nspyre_jobflow_remote():
    stream = []
    ns = Program("nspyre", "nspyre", logging.Formatter(NSPYRE, NSPYRE_DATEFMT), stream)
    ne = Program("nspyre-stderr", "stderr", logging.Formatter(NSPYRE_STDERR), stream)
    jr = Program("jobflow-remote", "jobflow_remote", logging.Formatter(JOBFLOW_REMOTE), stream)
    srv = lg(ns, "nspyre.data.server")
    cli = lg(ns, "nspyre.cli.dataserv")
    err = lg(ne, "stderr")
    runner = lg(jr, "jobflow_remote.jobs.runner")
    sched = lg(jr, "jobflow_remote.utils.schedule")
    remote = lg(jr, "jobflow_remote.remote.host.remote")

    def s(level, line, msg, log=srv, path="data/server.py", func="_handle_client"):
        at(log, level, NSPYRE_SRC + path, line, func, msg)

    def stderr(text):
        # nspyre's _StreamToLog: every line written to sys.stderr is a
        # CRITICAL record of its own.
        for line in text.rstrip("\n").split("\n"):
            err.critical(line)

    printed(stream, "Attaching to dataserv-1, jf-runner-1")
    s(logging.INFO, 155, "starting data server...", cli, "cli/dataserv.py", "_main")
    s(logging.INFO, 388, "Serving on ('0.0.0.0', 30101).", func="serve_forever")
    stderr(warnings.formatwarning("pkg_resources is deprecated as an API. See https://setuptools.pypa.io/en/latest/"
                                  "pkg_resources.html", DeprecationWarning,
                                  "/opt/conda/lib/python3.11/site-packages/rpyc/lib/compat.py", 12,
                                  "import pkg_resources"))
    runner.info("Runner run options: transfer: True complete: True queue: True checkout: True")
    for cycle in range(6):
        # The measurement scripts source the data sets; the plots sink them.
        ds = DATASETS[cycle % 4]
        for k, client in enumerate(CLIENTS[:3]):
            s(logging.INFO, 400, f"New client connection from [{client}].")
            if k == 0:
                s(logging.INFO, 442, f"Client [{client}] is type [source].")
                s(logging.INFO, 479, f"Client [{client}] sourcing data for data set [{ds}].")
            elif k == 1 or cycle % 2:
                s(logging.INFO, 489, f"Client [{client}] is type [sink].")
                s(logging.INFO, 508, f"Client [{client}] sinking data from data set [{ds}].")
            else:
                s(logging.INFO, 422, f"Client [{client}] is type [info].")
        if cycle == 2:
            s(logging.WARNING, 410, f"Connection with client [{CLIENTS[3]}] failed before it identified itself during "
              "the negotiation phase.")
        if cycle == 3:
            s(logging.WARNING, 516, f"Client [{CLIENTS[2]}] wants to sink data from data set [t2_echo], but it "
              "doesn't exist - dropping connection.")
            s(logging.WARNING, 468, f"Client [{CLIENTS[3]}] wants to source data for data set [{ds}], but it already "
              "has a source - dropping connection.")
        # The runner's scheduled tasks.
        runner.debug("checkout jobs")
        runner.debug(f"checked out {1 if cycle < 5 else 0} jobs")
        db_id, qid = DB_IDS[cycle % 5]
        if cycle < 5:
            runner.debug(f"upload db_id: {db_id}")
            runner.debug(f"submit db_id: {db_id}")
        runner.debug("check_run_status")
        if cycle > 0:
            prev_id, prev_qid = DB_IDS[cycle - 1]
            runner.debug(f"remote job with id {prev_qid} is running")
        if cycle > 1:
            done_id, done_qid = DB_IDS[cycle - 2]
            runner.debug(f"terminated remote job with id {done_qid}")
            runner.debug(f"download db_id: {done_id}")
            runner.debug(f"complete job db_id: {done_id}")
        if cycle == 2:
            # The cluster's login node drops the SSH connection: the host
            # retries, logging the traceback inside its message.
            def run_cmd():
                def recv_exit_status():
                    raised("paramiko.ssh_exception", "SSHException", "SSH session not active")
                recv_exit_status()
            try:
                run_cmd()
            except Exception as error:
                remote.warning(
                    f"Error while trying to execute a command on host login1.hpc.example.edu:\n"
                    f"{''.join(traceback.format_exception(error))}"
                    "Probably due to the connection dropping. "
                    "Will reopen the connection and retry."
                )
        if cycle == 4:
            # advance_state fails: the SafeScheduler logs it and reschedules.
            def advance_state():
                def lock_job():
                    raised("pymongo.errors", "ServerSelectionTimeoutError",
                           "mongo.lab.internal:27017: [Errno 111] Connection refused (configured timeouts: "
                           "socketTimeoutMS: 20000.0ms, connectTimeoutMS: 20000.0ms), Timeout: 30s, Topology "
                           "Description: <TopologyDescription id: 663f85a4c1e2d3b4a5f60718, topology_type: Unknown, "
                           "servers: [<ServerDescription ('mongo.lab.internal', 27017) server_type: Unknown, "
                           "rtt: None, "
                           "error=AutoReconnect('mongo.lab.internal:27017: [Errno 111] Connection refused')>]>")
                lock_job()
            try:
                advance_state()
            except Exception:
                sched.exception("Error while running task advance_state")
            sched.warning("Task advance_state rescheduled in 120 seconds")
        # The plots close; the sources end with the measurement.
        for k, client in enumerate(CLIENTS[:2]):
            if k == 0:
                s(logging.INFO, 258, f"Dropped source [{client}].", func="run_source")
            else:
                s(logging.INFO, 296, f"Sink [{client}] disconnected or isn't accepting data - dropping connection.",
                  func="_sink_coro")
        if cycle == 3:
            # The data server's command prompt thread dies: threading's
            # excepthook writes the traceback to sys.stderr.
            def serve_data_server_cli(dataserv):
                def cmdloop():
                    raised("builtins", "EOFError", "EOF when reading a line")
                cmdloop()
            try:
                serve_data_server_cli(None)
            except Exception:
                text = "Exception in thread Thread-1 (serve_data_server_cli):\n" + traceback.format_exc()
            stderr(text)
    printed(stream, "Gracefully stopping... (press Ctrl+C again to force)")
    runner.info("Received signal: 15")
    runner.info("stopping due to sigterm")
    s(logging.INFO, 363, "Data server closed.", func="serve_forever")
    s(logging.INFO, 52, "exiting...", cli, "cli/dataserv.py", "stop_server")
    printed(stream, "dataserv-1 exited with code 0")
    printed(stream, "jf-runner-1 exited with code 0")
    return {"name": "nspyre-jobflow-remote", "programs": [ns, ne, jr], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_merlin_dpdispatcher(), stream_pyobs_pyro5(), stream_nspyre_jobflow_remote()])


if __name__ == "__main__":
    main()
