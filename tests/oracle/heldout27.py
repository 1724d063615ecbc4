r"""The twenty-seventh held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout26.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS outside the areas the earlier sets covered (a university ground
station where the SatNOGS client records satellite passes and
radiosonde_auto_rx tracks weather balloons; an HPC head node on
ParallelCluster where AiiDA's daemon runs Quantum ESPRESSO workchains and
a Maestro study runs LULESH on the same Slurm; a gaming community's host
where Crafty Controller manages Minecraft servers beside a 0 A.D.
multiplayer lobby's XpartaMuPP and EcheLOn bots), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages from the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout27

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at fa5d653 (session 21's first rules in, none
written from this set), with nothing configured: 55.7% exact, 86.0% key
fields.

Formatters and filters: all six use logging.Formatter itself (no filter,
no record factory, no formatter subclass); 502 records in three streams.
The SatNOGS client's format has no time ("satnogsclient.observer.worker -
INFO - Tracking initiated"; it is Chalice's in `heldout4.py`, kept here for
its loggers and APScheduler's records, which reach the same root handler),
radiosonde_auto_rx glues the message to "INFO:" after a default asctime
and logs everything through the root (its names are not printed), with
its own "Scanner (RTLSDR 0) - " and "Decoder (RTLSDR 0) RS41 402.700 - "
prefixes and a numpy array in one message. AiiDA prints a 12-hour
"%m/%d/%Y %I:%M:%S %p" time ("05/11/2024 02:44:48 PM"), the pid in angle
brackets and the level in brackets, with its own REPORT level (23,
logging.addLevelName in aiida/common/log.py); its process records log
under "aiida" itself (the node's LoggerAdapter), its workchains' reports
start with "[pk|Class|function]: ". The daemon runs with the profile's
`logging.aiida_loglevel` set to INFO (its default, REPORT, would hide the
calcjob tasks' and the daemon worker's INFO records); its pid is pinned per
worker, and a restarted worker has another. Maestro's conductor prints
"name:funcName:lineno" (function names and line numbers read in the
source at the version cited); one of its records is the root's
("root:_check_study_completion:735", a logging.info call), several of its
messages start with a line break and some end with one or two (the
banners, a YAML block's command, sbatch's stderr). Crafty writes two files
with two formats from one dictConfig: commander.log pads the level to
eight between " - " separators and prints the logger's name after it;
schedule.log ("[Schedules]") has no name, and Crafty's own tasks module
logs into it under "apscheduler". Two of Crafty's messages end with a
space ("Detecting possible crash for server: survival ", "Loaded
schedules. Current enabled schedules: "); Tornado's uncaught-exception
message spans two lines (the request's repr) before its traceback. The
lobby bots print an ISO 8601 time with "%z" ("2024-05-11T14:44:54+0000")
and pad the level to eight; EcheLOn's warning about two reports that
differ is a difflib.ndiff over many lines, one starting with a space and
some with "?" guides. Exceptions: SatNOGS' get_jobs logs a requests error
with logger.exception and then fails on its unbound `response`, which
APScheduler's executor logs with its traceback; AiiDA's exponential
backoff logs a SchedulerError whose message spans three lines; Crafty
logs a failed backup with logger.exception; EcheLOn logs an SQLAlchemy
error whose message spans four lines.

Quirks kept as the source has them: Maestro's "Could not find user '%s's
jobs: %s. Returning." gets its arguments swapped (the job ids, then the
user); Crafty's "Found shutdown preference. Delaying" + "backup start"
has no space; AiiDA's daemon worker logs "Daemon worker started" only when
its event loop ends, after "Daemon worker stopped".

Print lines: systemd's lines (the unit names and descriptions are this
set's, not the programs'), what the gr-satnogs flowgraph (SoapySDR's
RTL-SDR module) prints on the client's stdout, and the AiiDA daemon
worker's stderr as circus' FileStream writes it into the daemon log
("2024-05-11 14:44:48 [24117] | ...", read in circus-tent/circus
circus/stream/file_stream.py; the time_format is aiida-core's), here a
paramiko import's CryptographyDeprecationWarning and its source line.

The messages are copied from the programs' source (the text of each call;
SatNOGS' at 0b8b7ec, auto_rx's at v1.8.2, AiiDA's, Maestro's, Crafty's and
the bots' at the versions cited below), in sequences modelled on the code
paths that log them; the values (ids, pks, frequencies, paths, hosts,
players, job ids) are made up. APScheduler's records are modelled on
APScheduler 3's messages (Job.__str__, run_job, add_job, remove_job), as
read in agronholm/apscheduler and in quotes of its base.py; Tornado's
uncaught-exception message follows the installed tornado's
RequestHandler.log_exception. The exceptions' texts (requests', Slurm's,
sbatch's, SQLite's through SQLAlchemy, OSError's) are modelled, and the
tracebacks' frames are this file's. The workchain is aiida-quantumespresso's
PwBaseWorkChain by name only: its reports here are those of aiida-core's
BaseRestartWorkChain, which it inherits.

Left out: PrusaLink (its foreground format "%(asctime)s %(levelname)s
{%(module)s.%(funcName)s():%(lineno)d} [%(threadName)s]: %(message)s ",
read in prusa3d/Prusa-Link 0.8.1-5, 58d09dad, prusa/link/config.py, is
kept for a later set; its syslog format puts "{funcName():lineno}" after
the message), the Bluesky Queue Server ("[%(levelname)1.1s %(asctime)s
%(name)s] %(message)s", with "%(module)s:%(lineno)d" at DEBUG, read in
bluesky/bluesky-queueserver v0.0.24-45, 6119b214, bluesky_queueserver/
manager/logging_setup.py, kept for a later set: no print, scan or lab
program was paired with it in the time given), submitit ("%(name)s
%(levelname)s (%(asctime)s) - %(message)s", facebookincubator/submitit
1.5.4, e49d5e7f, submitit/core/logger.py, kept for a later set), Maestro's
command-line format ("[%(asctime)s: %(levelname)s] %(message)s",
maestrowf/maestro.py LFORMAT: at the default level its file handler
writes nothing into the study's log, and its terminal output goes through
coloredlogs, not read), OpenWebRX ("%(asctime)s - %(name)s -
%(levelname)s - %(message)s" in jketterl/openwebrx 1.0.0-92, 12c03211,
owrx/__main__.py: a format the earlier sets cover), lichess-bot (a
RichHandler on the console; its file format "%(asctime)s %(name)s
(%(filename)s:%(lineno)d) %(levelname)s %(message)s", lichess-bot-devs/
lichess-bot bedd1d9e lib/lichess_bot.py, kept for a later set), labgrid
(its coordinator and exporter use logging.basicConfig's default format;
its client's StepFormatter indents messages, labgrid/logging.py), and the
lobby's ModBot (the same basicConfig as the two bots here).
"""

import difflib
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402
from heldout13 import at  # noqa: E402

# satnogs-client (Libre Space Foundation's, hosted on GitLab; read in the
# GitHub fork yaplik/satnogs-client at upstream commit 0b8b7ec, Oct 2021,
# the fork's own commits leaving logging alone), satnogsclient/settings.py
# LOG_FORMAT, which satnogsclient/__init__.py passes to
# logging.basicConfig (the root's StreamHandler on stderr; the format lost
# its %(asctime)s in 8bb1627, "logging: Remove timestamp", Feb 2020).
SATNOGS = "%(name)s - %(levelname)s - %(message)s"
# radiosonde_auto_rx 1.8.2 (projecthorus/radiosonde_auto_rx v1.8.2,
# 87b70d72), auto_rx/auto_rx.py main(): logging.basicConfig on the root
# (stderr, no --systemlog), every module logging through the root.
AUTORX = "%(asctime)s %(levelname)s:%(message)s"

# AiiDA 2.8 (aiidateam/aiida-core v2.8.0-199, 60eef76a), src/aiida/common/
# log.py get_logging_config's "halfverbose" formatter, which
# configure_logging(daemon=True, daemon_log_file=...) gives the daemon
# worker's RotatingFileHandler (the daemon log file; the "console" handler
# is removed for the daemon). Its REPORT level (23) is added there too.
AIIDA = "%(asctime)s <%(process)d> %(name)s: [%(levelname)s] %(message)s"
AIIDA_DATEFMT = "%m/%d/%Y %I:%M:%S %p"
# Maestro Workflow Conductor 1.1.11 (LLNL/maestrowf v1.1.11-11, db97016d),
# maestrowf/conductor.py LFORMAT, which setup_logging gives the root
# logger's FileHandler (<study>/logs/<study name>.log) in the conductor
# process that `maestro run` starts with nohup.
MAESTRO = "%(asctime)s - %(name)s:%(funcName)s:%(lineno)s - %(levelname)s - %(message)s"

# Crafty Controller 4.0.8-beta (Arcadia Technology's crafty-controller/
# crafty-4, hosted on GitLab; read in the GitHub fork exzork/crafty-4 at
# 827d305f, which carries upstream's dev branch of July 2022, b20e303;
# app/config/version.json says 4.0.8 beta),
# app/config/logging.json, which main.py setup_logging passes to dictConfig:
# the "commander" formatter of the root's main_file_handler
# (logs/commander.log) and the "schedule" formatter of the "apscheduler"
# logger's schedule_file_handler (logs/schedule.log, propagate false;
# app/classes/shared/tasks.py logs under "apscheduler" too). The "console"
# handler is defined but not attached: Crafty's console lines are its own
# Console.info prints.
CRAFTY = "%(asctime)s - [Crafty] - %(levelname)-8s - %(name)s - %(message)s"
CRAFTY_SCHEDULE = "%(asctime)s - [Schedules] - %(levelname)s - %(message)s"
# 0 A.D.'s lobby bots (0ad/lobby-bots v2025.05, 94881c85),
# xpartamupp/xpartamupp.py and xpartamupp/echelon.py main(): the same
# logging.basicConfig in both (the root's StreamHandler on stderr).
LOBBY = "%(asctime)s %(levelname)-8s %(message)s"
LOBBY_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"


def systemd(stream, text):
    printed(stream, text)


# --------------------------------------------------------------------------
# A university ground station (one host, two RTL-SDRs) whose systemd
# journal the team ships to CloudWatch: the SatNOGS client schedules and
# records satellite passes for the SatNOGS network (with SATNOGS_LOG_LEVEL
# set to INFO: its default, in settings.py, is WARNING), radiosonde_auto_rx
# scans for weather-balloon radiosondes and uploads their telemetry to
# SondeHub. systemd's lines and what the GNU Radio flowgraph (a subprocess
# of the client, on its stdout) prints are print lines.

NETWORK = "https://network.satnogs.org/api/"
PASSES = [(9312845, "FM", 145800000, 0), (9312907, "FSK", 437050000, 9600), (9313011, "BPSK", 435600000, 1200)]


def mhz_array(values):
    """str() of a numpy array of frequencies in MHz (auto_rx prints
    `peak_frequencies / 1e6`): the fractions padded to the longest."""
    parts = [("%.6f" % v).rstrip("0") for v in values]
    width = max(len(p.split(".")[1]) for p in parts)
    return "[" + " ".join(p.split(".")[0] + "." + p.split(".")[1].ljust(width) for p in parts) + "]"


def flowgraph(stream):
    """What a gr-satnogs flowgraph script prints on start (SoapySDR's
    RTL-SDR module), inherited stdout: print lines."""
    printed(stream, "[INFO] Opening Generic RTL-SDR USB device #0...")
    printed(stream, "Found Rafael Micro R820T tuner")
    printed(stream, "[INFO] Using format CF32.")
    printed(stream, "Allocating 15 zero-copy buffers")


def stream_satnogs_autorx():
    stream = []
    sat = Program("satnogs-client", "satnogsclient", logging.Formatter(SATNOGS), stream)
    arx = Program("radiosonde_auto_rx", "root", logging.Formatter(AUTORX), stream)
    client = lg(sat, "satnogsclient")
    tasks = lg(sat, "satnogsclient.scheduler.tasks")
    observer = lg(sat, "satnogsclient.observer.observer")
    worker = lg(sat, "satnogsclient.observer.worker")
    waterfall = lg(sat, "satnogsclient.waterfall")
    aps = lg(sat, "apscheduler.executors.default")
    root = lg(arx, "root")
    scanner = "Scanner (RTLSDR 0) - "

    def get_jobs_str(minute):
        return "get_jobs (trigger: interval[0:01:00], next run at: 2024-05-11 %s UTC)" % minute

    systemd(stream, "Started satnogs-client.service - SatNOGS client.")
    client.info("Starting status listener thread...")
    tasks.info("Starting scheduler...")
    tasks.info("Registering `get_jobs` periodic task (%d sec. interval)", 60)
    tasks.info("Registering `post_data` periodic task (%d sec. interval)", 180)
    client.info("Press Ctrl+C to exit SatNOGS poller")
    tasks.info("Trying to GET observation jobs from the network")

    systemd(stream, "Started auto_rx.service - radiosonde_auto_rx.")
    root.info("Reading configuration file...")
    root.warning("Config - Did not find kml_refresh_rate setting, using default (10 seconds).")
    root.info("Started Flask server on http://%s:%d" % ("0.0.0.0", 5000))
    root.info("Telemetry Logger - Started Telemetry Logger Thread.")
    root.info("Sondehub Uploader - Started Sondehub Uploader Thread.")
    root.info("Task Manager - SDR #%s has been allocated to %s." % ("0", "Scanner"))
    root.info(scanner + "Starting Scanner Thread")
    root.info(scanner + "Running frequency scan.")
    root.info(scanner + "Detected peaks on %d frequencies (MHz): %s"
              % (4, mhz_array([401.5, 402.7, 403.502, 404.8])))
    root.info("Task Manager - Detected new %s sonde on %.3f MHz!" % ("RS41", 402.7))
    root.info("Halting Scanner to decode detected radiosonde.")
    root.info(scanner + "Waiting for current scan to finish...")
    root.info(scanner + "Scanner Thread Closed.")
    root.info("Task Manager - SDR #%s has been allocated to %s." % ("0", "Decoder (RS41, 402.700 MHz)"))
    dec = "Decoder (RTLSDR 0) RS41 402.700 - "
    root.info(dec + "Using fsk_demod decoder chain.")
    root.info(dec + "Starting decoder subprocess.")
    root.info("Telemetry Logger - Opening new log file: %s" % "./log/20240511-144447_T1350642_RS41_402700_sonde.log")
    root.info("Sondehub Uploader - Uploaded station information to Sondehub.")

    for n, (obs, mode, freq, baud) in enumerate(PASSES):
        tasks.info("Trying to GET observation jobs from the network")
        root.info("Sondehub Uploader - Uploaded %d telemetry packets to Sondehub in %.1f seconds."
                  % (30 - n, 0.4 + n / 10))
        if n == 0:
            root.info(dec + "Received complete calibration dataset for T1350642.")
        tasks.info("Spawning observer worker.")
        observer.info("Start rotctrl thread.")
        worker.info("Tracking initiated")
        observer.info("Start rigctrl thread.")
        worker.info("Tracking initiated")
        observer.info("Start gnuradio thread.")
        flowgraph(stream)
        for k in range(3):
            tasks.info("Trying to GET observation jobs from the network")
            root.info("Sondehub Uploader - Uploaded %d telemetry packets to Sondehub in %.1f seconds."
                      % (29 + k, 0.3 + k / 10))
        if n == 1:
            # The sonde lands: the decoder times out and the scanner comes back.
            root.error(dec + "RX Timed out.")
            root.info(dec + "Closed decoder subprocess.")
            root.info("Task Manager - SDR #%s has been allocated to %s." % ("0", "Scanner"))
            root.info(scanner + "Starting Scanner Thread")
            root.info(scanner + "Running frequency scan.")
            root.info(scanner + "Detected peaks on %d frequencies (MHz): %s"
                      % (3, mhz_array([402.7, 403.5, 405.1])))
            root.info("Task Manager - Detected new %s sonde on %.3f MHz!" % ("RS41", 403.5))
            root.info("Halting Scanner to decode detected radiosonde.")
            root.info(scanner + "Waiting for current scan to finish...")
            root.info(scanner + "Scanner Thread Closed.")
            root.info("Task Manager - SDR #%s has been allocated to %s." % ("0", "Decoder (RS41, 403.500 MHz)"))
            sgm = "Decoder (RTLSDR 0) RS41 403.500 - "
            root.info(sgm + "Using fsk_demod decoder chain.")
            root.info(sgm + "Starting decoder subprocess.")
            root.error(sgm + "Radiosonde %s has encrypted telemetry (Probably encrypted RS41-SGM)! We cannot decode "
                       "this, closing decoder." % "S3930127")
            root.info(sgm + "Closed decoder subprocess.")
            root.info("Task Manager - Adding temporary block for frequency %.3f MHz" % 403.5)
            root.info("Task Manager - SDR #%s has been allocated to %s." % ("0", "Scanner"))
            root.info(scanner + "Starting Scanner Thread")
            root.info(scanner + "Temporary blocks in place for frequencies: %s" % str([403500000.0]))
            root.info(scanner + "Running frequency scan.")
        if n == 2:
            root.info(scanner + "Running frequency scan.")
            root.info(scanner + "Detected peaks on %d frequencies (MHz): %s"
                      % (2, mhz_array([401.1, 404.0])))
            root.info("Task Manager - Removed %.3f MHz from temporary block list." % 403.5)
        observer.info("Tracking stopped.")
        worker.info("Tracking stopped.")
        worker.info("Tracking stopped.")
        observer.info("Observation Finished")
        observer.info("Executing post-observation script.")
        observer.info("Rename encoded file for uploading finished")
        if mode != "FM":
            observer.info("Rename data file for uploading finished")
        observer.info("Creating waterfall plot.")
        waterfall.info("Reading waterfall file")
        if n == 1:
            observer.error("%s: Connection Timeout - no metadata uploaded", NETWORK + "observations/%d/" % obs)
        tasks.info("Post data started")
        stamp = "2024-05-11T14-%02d-%02d" % (45 + 4 * n, 17 * n % 60)
        files = ["satnogs_%d_%s.ogg" % (obs, stamp), "waterfall_%d_%s.png" % (obs, stamp)]
        if mode != "FM":
            files += ["data_%d_%s_%d" % (obs, stamp, i) for i in range(2)]
        for fil in files:
            tasks.info("Trying to PUT observation data for id: %s", str(obs))
            if n == 2 and fil.startswith("waterfall"):
                tasks.error("Upload of %s for observation %s failed due to timeout.", fil, str(obs))
                continue
            tasks.info("Upload successful.")
        if n == 1:
            # The station loses its uplink: get_jobs logs the requests error,
            # then fails on its unbound `response`; APScheduler logs that.
            def get_jobs():
                try:
                    def send():
                        raised("requests.exceptions", "ConnectionError",
                               "HTTPSConnectionPool(host='network.satnogs.org', port=443): Max retries exceeded "
                               "with url: "
                               "/api/jobs/?ground_station=2417&lat=52.2053&lon=0.1218&alt=42 (Caused by "
                               "NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f2c3b1e5d90>: "
                               "Failed to resolve 'network.satnogs.org' ([Errno -3] Temporary failure in name "
                               "resolution)\"))")
                    response = send()
                except Exception:
                    tasks.exception("An error occurred trying to GET observation jobs from network")
                response.raise_for_status()
            tasks.info("Trying to GET observation jobs from the network")

            def run_job():
                get_jobs()
            try:
                run_job()
            except Exception:
                aps.exception('Job "%s" raised an exception', get_jobs_str("14:49:44"))
            aps.warning('Run time of job "%s" was missed by %s', get_jobs_str("14:50:44"), "0:00:41.208317")
    root.info("Sondehub Uploader - Uploaded %d telemetry packets to Sondehub in %.1f seconds." % (1, 0.2))
    systemd(stream, "Stopping satnogs-client.service - SatNOGS client...")
    systemd(stream, "satnogs-client.service: Deactivated successfully.")
    return {"name": "satnogs-autorx", "programs": [sat, arx], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A materials-science group's ParallelCluster head node, whose CloudWatch
# agent sends two files to one stream named after the instance: the AiiDA
# daemon's log (a workchain of Quantum ESPRESSO runs submitted to the
# cluster's Slurm through AiiDA's core.local transport) and a Maestro
# study's log (LULESH, the sample study maestrowf ships, on the same Slurm).
# circus, which runs the AiiDA daemon worker, writes the worker's stdout and
# stderr into the same file with its FileStream prefix
# ("2024-05-11 14:44:44 [24117] | "): print lines. A short outage of
# slurmctld is seen by both.

AIIDA_WORKER = 24117
MAESTRO_SITE = "/shared/maestro/lib/python3.11/site-packages/maestrowf/"
STUDY = "/fsx/home/ec2-user/sample_output/lulesh/lulesh_sample1_20240511-144444"
LULESH = STUDY + "/LULESH"
COMBOS = [(100, 100), (100, 200), (100, 300), (200, 100), (200, 200), (200, 300), (300, 100), (300, 200), (300, 300)]


def circus(stream, pid_, text):
    """A line of the daemon worker's stdout or stderr, as circus'
    FileStream writes it into the daemon log (time_format
    '%Y-%m-%d %H:%M:%S')."""
    for line in text.split("\n"):
        printed(stream, "%s [%d] | %s" % (now("%Y-%m-%d %H:%M:%S"), pid_, line))


def stream_aiida_maestro():
    stream = []
    aiida = Program("aiida", "aiida", logging.Formatter(AIIDA, AIIDA_DATEFMT), stream)
    maestro = Program("maestrowf", "maestrowf.conductor", logging.Formatter(MAESTRO), stream)
    node = lg(aiida, "aiida")
    dworker = lg(aiida, "aiida.engine.daemon.worker")
    tasks = lg(aiida, "aiida.engine.processes.calcjobs.tasks")
    manager = lg(aiida, "aiida.engine.processes.calcjobs.manager")
    sched = lg(aiida, "aiida.scheduler")
    loggers = {}

    def m(level, module, line, func, msg, *args, name=None, exc=None):
        name = name or "maestrowf." + module.replace("/", ".")
        if name not in loggers:
            loggers[name] = lg(maestro, name)
        at(loggers[name], level, MAESTRO_SITE + module + ".py", line, func, msg, *args, exc=exc)

    def report(pk, func, msg):
        node.log(23, "[%d|PwBaseWorkChain|%s]: %s" % (pk, func, msg))

    def dag_time():
        t = realworld.CLOCK.t
        return now("%Y-%m-%d %H:%M:%S") + ".%06d" % (round(t % 1 * 1e6) % 1000000)

    ex = "datastructures/core/executiongraph"
    st = "datastructures/core/study"
    sa = "abstracts/interfaces/schedulerscriptadapter"
    sl = "interfaces/script/slurmscriptadapter"

    def names(size, it):
        return "run-lulesh_ITER.%d.SIZE.%d" % (it, size), "SIZE.%d.ITER.%d" % (size, it)

    def check(jobs="ok"):
        m(logging.INFO, "conductor", 426, "monitor_study", "Checking DAG status at %s", dag_time())
        if jobs == "ok":
            m(logging.INFO, ex, 992, "check_study_status", "Jobs found for user '%s'.", "ec2-user")
        else:
            m(logging.WARNING, sl, 318, "_check_jobs_squeue", "User '%s' has no jobs executing. Returning.", "ec2-user")
            m(logging.WARNING, sl, 404, "_check_jobs_sacct", "Could not find user '%s's jobs: %s. Returning.",
              jobs, "ec2-user")
            m(logging.INFO, ex, 995, "check_study_status", "No jobs found.")

    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        # The daemon worker (re)starts: circus brings it up.
        circus(stream, AIIDA_WORKER, "/opt/aiida/lib/python3.11/site-packages/paramiko/pkey.py:100: "
               "CryptographyDeprecationWarning: TripleDES has been moved to cryptography.hazmat.decrepit.ciphers."
               "algorithms.TripleDES and will be removed from this module in 48.0.0.\n"
               "  \"cipher\": algorithms.TripleDES,")
        dworker.info("Setting maximum recursion limit of daemon worker to %s", 3000)
        dworker.info("Starting a daemon worker")
        node.info("Loaded process<%d> from saved state" % 5021)
        report(5021, "run_process", "launching PwCalculation<5024> iteration #1")
        tasks.info("scheduled request to upload CalcJob<5024>")

    # The conductor starts: its log level, then the study staged.
    m(logging.INFO, "conductor", 93, "setup_logging", "INFO Logging Level -- Enabled")
    m(logging.WARNING, "conductor", 94, "setup_logging", "WARNING Logging Level -- Enabled")
    m(logging.CRITICAL, "conductor", 95, "setup_logging", "CRITICAL Logging Level -- Enabled")
    m(logging.INFO, ex, 379, "__init__", "\n------------------------------------------\n"
      "Submission attempts =       %d\n"
      "Submission throttle limit = %d\nUse temporary directory =   %s\nTmp Dir = %s\n"
      "------------------------------------------", 1, 0, False, "")
    m(logging.INFO, ex, 541, "log_description", "\n==================================================\n%s\n"
      "==================================================\n",
      "name: lulesh_sample1\ndescription: A sample LULESH study that downloads, builds, and runs a parameter study "
      "of varying problem sizes and iterations on SLURM.")
    m(logging.INFO, st, 477, "_stage", "\n==================================================\n"
      "Constructing parameter study '%s'\n==================================================\n", "lulesh_sample1")
    for step in ("_source", "make-lulesh", "run-lulesh"):
        m(logging.INFO, st, 503, "_stage", "\n==================================================\n"
          "Processing step '%s'\n==================================================\n", step)
        if step == "_source":
            m(logging.INFO, st, 511, "_stage", "Encountered '%s'. Adding and continuing.", "_source")
        elif step == "make-lulesh":
            m(logging.INFO, st, 576, "_stage", "\n-------------------------------------------------\n"
              "Adding step '%s' (No parameters used)\n-------------------------------------------------\n", step)
            m(logging.INFO, st, 595, "_stage", "Searching for workspaces...\ncmd = %s",
              "module load cmake/3.13.4\ncd %s\nmkdir build\ncd build\ncmake -DCMAKE_BUILD_TYPE=Release "
              "-DMPI_CXX_COMPILER=`which mpicxx` ..\nmake\n" % LULESH)
        else:
            m(logging.INFO, st, 641, "_stage", "\n==================================================\n"
              "Expanding step '%s'\n==================================================\n"
              "-------- Used Parameters --------\n%s\n---------------------------------", step,
              "{'SIZE', 'ITERATIONS'}")
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        tasks.info("uploading CalcJob<5024> successful")
        tasks.info("scheduled request to submit CalcJob<5024>")
        sched.info("submitting with: sbatch _aiidasubmit.sh")
        tasks.info("submitting CalcJob<5024> successful")
    for size, it in COMBOS:
        step, combo = names(size, it)
        cmd = "$(LAUNCHER) %s/build/lulesh2.0 -s %d -i %d -p > %s.log\n" % (LULESH, size, it, combo)
        m(logging.INFO, st, 652, "_stage", "\n**********************************\nCombo [%s]\n"
          "**********************************", combo)
        m(logging.INFO, st, 686, "_stage", "Searching for workspaces...\ncmd = %s", cmd)
        m(logging.INFO, st, 717, "_stage", "New cmd = %s", cmd)
        m(logging.INFO, st, 729, "_stage", "Processing regular dependencies.")
        m(logging.INFO, st, 736, "_stage", "Adding edge (%s, %s)...", "make-lulesh", step)

    # The first round: make-lulesh runs on the head node.
    check()
    m(logging.INFO, ex, 932, "execute_ready_steps", "Launching all ready steps...")
    m(logging.INFO, ex, 588, "_execute_record", "Calling execute for StepRecord '%s'", "make-lulesh")
    m(logging.INFO, ex, 114, "generate_script", "Generating script for %s into %s", "make-lulesh",
      STUDY + "/make-lulesh")
    m(logging.INFO, sa, 298, "get_scheduler_command", "Running workflow step '%s' locally.", "make-lulesh")
    m(logging.INFO, ex, 118, "generate_script", "Script: %s\nRestart: %s\nScheduled?: %s",
      STUDY + "/make-lulesh/make-lulesh.slurm.sh", None, False)
    m(logging.INFO, ex, 613, "_execute_record", "Attempting submission of '%s' (attempt %d of %d)...",
      "make-lulesh", 1, 1)
    m(logging.INFO, ex, 640, "_execute_record", "Local step %s executed with status OK. Complete.", "make-lulesh")
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        tasks.info("scheduled request to update CalcJob<5024>")
        manager.info("waiting for transport")
        manager.info("AuthInfo<%d>: successfully retrieved status of active jobs" % 1)

    # The second round: the nine LULESH runs go to Slurm.
    check()
    m(logging.INFO, ex, 932, "execute_ready_steps", "Launching all ready steps...")
    for i, (size, it) in enumerate(COMBOS):
        step, combo = names(size, it)
        ws = STUDY + "/run-lulesh/ITER.%d.SIZE.%d" % (it, size)
        m(logging.INFO, ex, 588, "_execute_record", "Calling execute for StepRecord '%s'", step)
        m(logging.INFO, ex, 114, "generate_script", "Generating script for %s into %s", step, ws)
        m(logging.INFO, sa, 295, "get_scheduler_command", "Scheduling workflow step '%s'.", step)
        m(logging.INFO, ex, 118, "generate_script", "Script: %s\nRestart: %s\nScheduled?: %s",
          "%s/%s.slurm.sh" % (ws, step), None, True)
        m(logging.INFO, ex, 613, "_execute_record", "Attempting submission of '%s' (attempt %d of %d)...", step, 1, 1)
        if size == 300 and it == 300:
            m(logging.WARNING, sl, 244, "submit", "Submission returned an error (see next line).\n%s",
              "sbatch: error: Batch job submission failed: Requested node configuration is not available\n")
            m(logging.WARNING, ex, 648, "_execute_record", "'%s' failed to submit properly. Step failed.", step)
            continue
        m(logging.INFO, sl, 240, "submit", "Submission returned status OK.")
        if i == 4:
            with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
                manager.info("waiting for transport")
                manager.info("AuthInfo<%d>: successfully retrieved status of active jobs" % 1)

    # slurmctld is briefly out of reach: both notice.
    jobids = [str(41253 + i) for i in range(8)]
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        manager.info("waiting for transport")

        def do_update():
            def parse():
                raised("aiida.schedulers.scheduler", "SchedulerError",
                       "squeue returned exit code 1 (_parse_joblist_output function)\nstdout=''\n"
                       "stderr='slurm_load_jobs error: Unable to contact slurm controller (connect failure)'")
            parse()

        def exponential_backoff_retry():
            do_update()
        try:
            exponential_backoff_retry()
        except Exception:
            node.exception("iteration %d of %s excepted, retrying after %d seconds", 1, "do_update", 20)
    check(jobs=repr(jobids))
    m(logging.INFO, ex, 932, "execute_ready_steps", "Launching all ready steps...")
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        manager.info("waiting for transport")
        manager.info("AuthInfo<%d>: successfully retrieved status of active jobs" % 1)
        tasks.info("updating CalcJob<5024> successful")
        tasks.info("scheduled request to retrieve CalcJob<5024>")
        tasks.info("retrieving CalcJob<5024> successful")
        report(5021, "results", "work chain completed after 1 iterations")
        report(5021, "on_terminated", "remote folders will not be cleaned")

    # The runs: found running, then finished (one out of walltime).
    running = [names(size, it)[0] for size, it in COMBOS[:8]]
    for rnd in range(3):
        check()
        for k, step in enumerate(running):
            if rnd == 0:
                m(logging.INFO, ex, 800, "execute_ready_steps", "Step '%s' found to be running.", step)
            elif rnd == 1 and k < 4:
                m(logging.INFO, ex, 793, "execute_ready_steps", "Step '%s' marked as finished. Adding to "
                  "complete set.", step)
            elif rnd == 1:
                m(logging.INFO, ex, 800, "execute_ready_steps", "Step '%s' found to be running.", step)
            elif k == 7 and rnd == 2:
                m(logging.INFO, ex, 825, "execute_ready_steps", "'%s' timed out, but cannot be restarted. "
                  "Marked as TIMEDOUT.", step)
            elif k >= 4:
                m(logging.INFO, ex, 793, "execute_ready_steps", "Step '%s' marked as finished. Adding to "
                  "complete set.", step)
        m(logging.INFO, ex, 932, "execute_ready_steps", "Launching all ready steps...")
        with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
            if rnd == 0:
                node.info("Loaded process<%d> from saved state" % 5030)
                report(5030, "run_process", "launching PwCalculation<5033> iteration #1")
                tasks.info("scheduled request to upload CalcJob<5033>")
                tasks.info("uploading CalcJob<5033> successful")
                tasks.info("scheduled request to submit CalcJob<5033>")
                sched.info("submitting with: sbatch _aiidasubmit.sh")
                tasks.info("submitting CalcJob<5033> successful")
            elif rnd == 1:
                tasks.info("scheduled request to update CalcJob<5033>")
                manager.info("waiting for transport")
                manager.info("AuthInfo<%d>: successfully retrieved status of active jobs" % 1)
                tasks.info("updating CalcJob<5033> successful")
                tasks.info("scheduled request to retrieve CalcJob<5033>")
                tasks.info("retrieving CalcJob<5033> successful")
                report(5030, "inspect_process", "PwCalculation<5033> failed but a handler dealt with the problem, "
                       "restarting")
                report(5030, "run_process", "launching PwCalculation<5041> iteration #2")
            else:
                tasks.info("scheduled request to upload CalcJob<5041>")
                tasks.info("uploading CalcJob<5041> successful")
                tasks.info("scheduled request to submit CalcJob<5041>")
                sched.info("submitting with: sbatch _aiidasubmit.sh")
                tasks.info("submitting CalcJob<5041> successful")
    at(lg(maestro, "root"), logging.INFO, MAESTRO_SITE + ex + ".py", 735, "_check_study_completion",
       "'%s' is complete with failures. Returning.", "lulesh_sample1")
    m(logging.INFO, "conductor", 461, "main", "Study completed with state '%s'.", "StudyStatus.FAILURE")
    m(logging.INFO, "conductor", 468, "main", "Study exiting, cleaning up...")
    m(logging.INFO, "conductor", 470, "main", "Squeaky clean!")

    # The daemon is restarted (verdi daemon restart): the worker's own
    # shutdown, then its "started" line, which comes when its loop ends.
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER):
        dworker.info("Received signal to shut down the daemon worker")
        dworker.info("Daemon worker stopped")
        dworker.info("Daemon worker started")
    with level_names({23: "REPORT"}), pid(AIIDA_WORKER + 412):
        circus(stream, AIIDA_WORKER + 412, "/opt/aiida/lib/python3.11/site-packages/paramiko/pkey.py:100: "
               "CryptographyDeprecationWarning: TripleDES has been moved to cryptography.hazmat.decrepit.ciphers."
               "algorithms.TripleDES and will be removed from this module in 48.0.0.\n"
               "  \"cipher\": algorithms.TripleDES,")
        dworker.info("Setting maximum recursion limit of daemon worker to %s", 3000)
        dworker.info("Starting a daemon worker")
        node.info("Loaded process<%d> from saved state" % 5030)
        node.info("Loaded process<%d> from saved state" % 5041)
        tasks.info("scheduled request to update CalcJob<5041>")
        manager.info("waiting for transport")
        manager.info("AuthInfo<%d>: successfully retrieved status of active jobs" % 1)
    return {"name": "aiida-maestro", "programs": [aiida, maestro], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A gaming community's EC2 host, its logs shipped to one CloudWatch stream
# by the host's Fluent Bit (tailing Crafty's commander.log and schedule.log,
# reading the journal for the rest): Crafty Controller manages two Minecraft
# servers, and the community's own 0 A.D. multiplayer lobby runs beside it,
# an ejabberd server with the XpartaMuPP (game list) and EcheLOn (ratings)
# bots, started with -v (INFO). systemd's lines are print lines.

CRAFTY_SITE = "/opt/crafty/crafty-4/"
LOBBY_DOMAIN = "lobby.example-community.net"
PLAYERS = ["kaiserfritz", "Ptolemaios", "valihrant", "borg-", "Dunedan", "mysticjim", "ffm2", "nani_bot"]


def job(name, trigger, nxt):
    """str() of an APScheduler 3 job: its name, trigger and next run."""
    return "%s (trigger: %s, next run at: 2024-05-%s UTC)" % (name, trigger, nxt)


def stream_crafty_lobby():
    stream = []
    crafty = Program("crafty", "__main__", logging.Formatter(CRAFTY), stream)
    sched = Program("crafty", "apscheduler", logging.Formatter(CRAFTY_SCHEDULE), stream)
    xparta = Program("xpartamupp", "xpartamupp.xpartamupp", logging.Formatter(LOBBY, LOBBY_DATEFMT), stream)
    echelon = Program("echelon", "xpartamupp.echelon", logging.Formatter(LOBBY, LOBBY_DATEFMT), stream)
    main = lg(crafty, "__main__")
    web = lg(crafty, "app.classes.web.tornado_handler")
    server = lg(crafty, "app.classes.shared.server")
    jars = lg(crafty, "app.classes.minecraft.serverjars")
    tornado_app = lg(crafty, "tornado.application")
    tasks = lg(sched, "apscheduler")
    aps = lg(sched, "apscheduler.scheduler")
    aps_run = lg(sched, "apscheduler.executors.default")
    xp = lg(xparta, "xpartamupp.xpartamupp")
    ech = lg(echelon, "xpartamupp.echelon")

    stats = lambda nxt: job("Stats.record_stats", "interval[0:00:30]", nxt)  # noqa: E731
    realtime = lambda nxt: job("ServerInstance.realtime_stats", "interval[0:00:05]", nxt)  # noqa: E731
    crash = lambda nxt: job("ServerInstance.detect_crash", "interval[0:00:30]", nxt)  # noqa: E731

    systemd(stream, "Started ejabberd.service - A distributed, fault-tolerant Jabber/XMPP server.")
    systemd(stream, "Started xpartamupp.service - 0 A.D. lobby game list bot.")
    systemd(stream, "Started echelon.service - 0 A.D. lobby rating bot.")
    xp.info("XpartaMuPP started")
    ech.info("EcheLOn started")
    systemd(stream, "Started crafty.service - Crafty Controller.")
    main.info("***** Crafty Controller Started *****")
    web.info("Starting Web Server on ports http:%d https:%d" % (8000, 8443))
    web.info("https://%s:%d is up and ready for connections." % ("172.31.18.64", 8443))
    main.info("Initializing all servers defined")
    for sid, name, auto in ((1, "survival", True), (2, "creative", False)):
        aps.info("Scheduler started")
        server.info("Creating Server object: %d | Server Name: %s | Auto Start: %s" % (sid, name, auto))
        if auto:
            server.info("Scheduling server %s to start in %d seconds" % (name, 10))
            aps.info('Added job "%s" to job store "%s"', "ServerInstance.run_scheduled_server", "default")
    tasks.info("Stats collection frequency set to %d seconds" % 30)
    tasks.info("Adding job tentatively -- it will be properly scheduled when the scheduler starts")
    for line in ("Launching Scheduler Thread...", "Launching command thread...", "Launching log watcher...",
                 "Launching realtime thread..."):
        tasks.info(line)
    main.info("Checking Internet. This may take a minute.")
    tasks.info("Added job \"%s\" to job store \"%s\"", "Stats.record_stats", "default")
    tasks.info("Added job \"%s\" to job store \"%s\"", "HelpersManagement.add_command", "default")
    tasks.info("Scheduler started")
    tasks.info("Loaded schedules. Current enabled schedules: ")
    tasks.info("JOB: %s" % job("Stats.record_stats", "interval[0:00:30]", "11 14:45:14"))
    tasks.info("JOB: %s" % job("HelpersManagement.add_command", "cron[minute='*/15']",
                                "11 15:00:00"))
    tasks.info("Refreshing serverjars.com cache on start")
    jars.info("Checking serverjars.com API status")
    jars.info("Serverjars.com API is alive")
    jars.info("Checking Cache file age")
    jars.info("Cache file is over 1 day old, refreshing")
    jars.info("Cache file refreshed")
    tasks.info("Scheduling Serverjars.com cache refresh service every 12 hours")
    tasks.info("Added job \"%s\" to job store \"%s\"", "ServerJars.refresh_cache", "default")
    main.info("Removing old temp dirs")

    # The survival server starts (its auto-start job).
    aps_run.info('Running job "%s" (scheduled at %s)', job("ServerInstance.run_scheduled_server",
                 "interval[0:00:10]", "11 14:45:04"), "2024-05-11 14:44:54.118342+00:00")
    server.info("Starting server ID: %d - %s" % (1, "survival"))
    server.info("Polling server statistics %s every %d seconds" % ("survival", 5))
    server.info("Start command detected. Reloading settings from DB for server %s" % "survival")
    command = "java -Xms2048M -Xmx6144M -jar paper-1.20.4-496.jar nogui"
    server.info("Launching Server %s with command %s" % ("survival", command))
    server.info("Unix Detected")
    server.info("Starting server in %s with command: %s" % ("/opt/crafty/crafty-4/servers/" +
                "0f2a6c64-3b6e-4c1e-9a8e-7f3d5b2c1e90", command))
    server.info("Server %s running with PID %d" % ("survival", 31877))
    server.info("Server %s has crash detection enabled - starting watcher task" % "survival")
    aps.info('Removed job %s', "1")

    games = {}
    for cycle in range(6):
        t = 44 * 60 + 44 + 30 * (cycle + 1)
        nxt = "11 14:%02d:%02d" % (t // 60, t % 60)
        aps_run.info('Running job "%s" (scheduled at %s)', stats(nxt),
                     "2024-05-11 14:%02d:%02d.103561+00:00" % ((t - 30) // 60, (t - 30) % 60))
        aps_run.info('Job "%s" executed successfully', stats(nxt))
        aps_run.info('Running job "%s" (scheduled at %s)', crash(nxt),
                     "2024-05-11 14:%02d:%02d.611840+00:00" % ((t - 30) // 60, (t - 30) % 60))
        server.info("Detecting possible crash for server: %s " % "survival")
        aps_run.info('Job "%s" executed successfully', crash(nxt))
        if cycle == 2:
            aps_run.warning('Run time of job "%s" was missed by %s', realtime("11 14:46:19"), "0:00:01.884716")
            aps.warning('Execution of job "%s" skipped: maximum number of running instances reached (%d)',
                        realtime("11 14:46:24"), 1)
        # The lobby: players host games, the rating bot gets their reports.
        a, b = PLAYERS[cycle % len(PLAYERS)], PLAYERS[(cycle + 3) % len(PLAYERS)]
        host = "%s@%s/0ad-%04x" % (a, LOBBY_DOMAIN, 0x3a1f + 97 * cycle)
        xp.info('%s registered a game with the name "%s"', host, "%s's game" % a)
        games[cycle] = host
        if cycle >= 1:
            match = "%08X" % (0x5C3E9A10 + cycle - 1)
            winner, loser = PLAYERS[(cycle - 1) % len(PLAYERS)], PLAYERS[(cycle + 2) % len(PLAYERS)]
            ech.warning("Haven't received all reports for the game yet. %i/%i", 1, 2)
            if cycle == 2:
                ech.warning("Received a report for match %s from player %s twice.", match,
                            "%s@%s/0ad" % (winner, LOBBY_DOMAIN))
            if cycle == 3:
                report1 = {"timeElapsed": "1843203", "playerStates": "won,defeated,", "civs": "athen,spart,",
                           "mapName": "Mainland", "economyScore": "3120,2215,", "militaryScore": "5410,1980,",
                           "matchID": match}
                report2 = dict(report1, timeElapsed="1843591", economyScore="3120,2241,")
                diff = "\n".join(difflib.ndiff(["{ %s: %s }" % kv for kv in report1.items()],
                                               ["{ %s: %s }" % kv for kv in report2.items()]))
                ech.warning("Retrieved reports for match %s differ:\n %s", match, diff)
            if cycle == 5:
                def add_and_rate_game():
                    def flush():
                        raised("sqlalchemy.exc", "OperationalError",
                               "(sqlite3.OperationalError) database is locked\n[SQL: UPDATE players SET rating=?, "
                               "highest_rating=? WHERE players.id = ?]\n[parameters: (1287, 1301, 4412)]\n"
                               "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
                    flush()

                def add_report():
                    add_and_rate_game()
                try:
                    add_report()
                except Exception:
                    ech.exception("Failed to add and rate a game.")
        if cycle in (1, 4):
            left = games.pop(cycle - 1)
            xp.warning("Game for jid %s didn't exist", left.replace("/0ad-", "/0ad-f"))
        if cycle == 3:
            # An admin opens the backups page while the disk is full.
            def _execute():
                def get():
                    def list_backups():
                        raise OSError(28, "No space left on device")
                    list_backups()
                get()
            try:
                _execute()
            except Exception:
                tornado_app.error("Uncaught exception %s\n%r", "GET /panel/server_detail?id=1&subpage=backup "
                                  "(198.51.100.23)", realworld.Shown(
                                      "HTTPServerRequest(protocol='https', host='crafty.example-community.net:8443', "
                                      "method='GET', uri='/panel/server_detail?id=1&subpage=backup', "
                                      "version='HTTP/1.1', remote_ip='198.51.100.23')"), exc_info=True)

    # The quarter-hourly backup (a scheduled "backup_server" command), on a
    # full disk: the command thread runs it.
    aps_run.info('Running job "%s" (scheduled at %s)', job("HelpersManagement.add_command",
                 "cron[minute='*/15']", "11 15:00:00"), "2024-05-11 14:45:00+00:00")
    aps_run.info('Job "%s" executed successfully', job("HelpersManagement.add_command",
                 "cron[minute='*/15']", "11 15:00:00"))
    server.info("Starting Backup Thread for server %s." % "survival")
    server.info("Backup Thread started for server %s." % "survival")
    server.info("Starting server %s (ID %d) backup" % ("survival", 1))
    server.info("Found shutdown preference. Delaying" + "backup start. Shutting down server.")
    for i in range(1, 4):
        server.info("Server %s is still running - waiting 2s to see if it stops (%d seconds until force close)"
                    % ("survival", int(60 - (i * 2))))
    server.info("Stopped Server %s with PID %d" % ("survival", 31877))
    backup = "/opt/crafty/crafty-4/backups/0f2a6c64-3b6e-4c1e-9a8e-7f3d5b2c1e90/2024-05-11_14-45-06"
    server.info("Creating backup of server '%s' (ID#%d, path=%s) at '%s'" % (
        "survival", 1, "/opt/crafty/crafty-4/servers/0f2a6c64-3b6e-4c1e-9a8e-7f3d5b2c1e90", backup))

    def a_backup_server():
        def make_compressed_backup():
            def write():
                raise OSError(28, "No space left on device")
            write()
        make_compressed_backup()
    try:
        a_backup_server()
    except Exception:
        server.exception("Failed to create backup of server %s (ID %d)" % ("survival", 1))
    server.info("Backup complete. User had shutdown preference. Starting server.")
    server.info("Polling server statistics %s every %d seconds" % ("survival", 5))
    server.info("Start command detected. Reloading settings from DB for server %s" % "survival")
    server.info("Launching Server %s with command %s" % ("survival", command))
    server.info("Unix Detected")
    server.info("Starting server in %s with command: %s" % ("/opt/crafty/crafty-4/servers/" +
                "0f2a6c64-3b6e-4c1e-9a8e-7f3d5b2c1e90", command))
    server.info("Server %s running with PID %d" % ("survival", 32511))
    server.warning("The server %s seems to have vanished unexpectedly, did it crash?" % "survival")
    server.warning("The server %s has crashed and will be restarted. Restarting server" % "survival")
    xp.info('Received unknown game command: "%s"', "update")
    systemd(stream, "Stopping echelon.service - 0 A.D. lobby rating bot...")
    systemd(stream, "echelon.service: Deactivated successfully.")
    return {"name": "crafty-lobby", "programs": [crafty, sched, xparta, echelon], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_satnogs_autorx(), stream_aiida_maestro(), stream_crafty_lobby()])


if __name__ == "__main__":
    main()
