"""The 44-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout43.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (a gaming community's bots on one EC2 host,
where kyb3r's Modmail relays players' DMs to the Discord staff and
botamusique plays music in the community's Mumble channel; an HPC head
node, where a Ganga script submits a Monte Carlo campaign to Slurm while a
libEnsemble study runs a parameter scan on the same nodes; a lab's control
host, where the ARTIQ master schedules a trapped-ion experiment's runs
beside a caproto IOC serving the lab's EPICS PVs), each format copied from
the file named beside it (the version read is given), with the formatter
class and the filter the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout44

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 80c306c (session 23's rules in, none
written from this set), with nothing configured: 9.8% exact, 37.3% key
fields (asctime 100.0%, levelname 100.0%, name 46.7%, message 41.1%).

Formatters and filters: Modmail, botamusique and libEnsemble use
logging.Formatter itself; Ganga its ColourFormatter (reproduced: the whole
formatted text, traceback included, between an ANSI code for the level,
"\\033[0;0m" for INFO, "\\033[0;33m" for WARNING, "\\033[0;31m" for ERROR,
and "\\033[0;0m"); caproto its LogFormatter (reproduced: it formats
`record.__dict__` itself, colour off a TTY being '', and indents every
line after the first, traceback included, by four spaces); ARTIQ's master
logging.Formatter with sipyco's SourceFilter on the handler, which sets
`source` to "master" on the master's own records (a worker's forwarded
records carry "worker(RID,file)"; kept in the truth, as the format prints
it). libEnsemble's WorkerIDFilter sets `worker` and `prefix` (kept in the
truth; only `worker` is printed, "[0]" the manager's, a worker's own id on
the records it forwards), and its MANAGER_WARNING level (35) has a name of
its own. 402 records in three streams (162, 121 and 119), 40 of them
print lines (one a bare traceback).

Modmail's ModmailLogger (a logging.Logger subclass) calls `_log` itself, so
every record's lineno is core/models.py's (67 for INFO, 71 WARNING, 75
ERROR, 79 CRITICAL, 92 for its line() of dashes: the Docker image's Python
3.7 gives a multi-line call its last argument's line) under the logger
names of the modules ("__main__" for bot.py, run as a script); it wraps
messages in colorama codes, but bot.py calls colorama.init() before the
handler is made on sys.stdout, and the wrapper strips the codes off a
container's non-TTY stdout: neither the text nor the truth holds them.
botamusique adds its handler to the "bot" logger and to
logging.getLogger("root"), which is the root logger from Python 3.9 on
(its image runs 3.11): every "bot" record is printed twice. Its messages
start "bot: ", one ERROR message holds a traceback and ends with a line
break, another starts one after "failed with error:". Ganga's NORMAL
format prints the level padded to eight and nothing else; its
log_user_exception() logs a traceback one WARNING record a line, between
a banner and a row of dashes. libEnsemble prints "[worker]", two spaces,
the default time and the level in parentheses; the study calls
libensemble.logger.set_stderr_level("INFO") (its documented knob; the
default, MANAGER_WARNING, would show only warnings), and its manager logs a
worker's traceback as an ERROR message (ending with a line break). ARTIQ's
master runs with -v (INFO for its own records); a worker's multi-line
message (its "Terminating with exception" report, traceback inside) is
one record. caproto's IOC runs with --list-pvs (its "PVs available:"
message has a line a PV), its time "%H:%M:%S" followed by ".%(msecs)03d",
the level cut to one letter, the module padded to twelve and the line to
five; its address extras are not set on the records shown.

Print lines: pipenv's ".env" line, discord.py's warnings through logging's
lastResort handler (no handler on its loggers: the bare message), yt-dlp's
"[youtube]" and "[download]" lines, Slurm's and the job script's echo
lines, the libEnsemble script's uncaught LoggedException traceback,
"ARTIQ master is now ready." and systemd's lines.

The messages are modelled on the programs' source, read at the commits
cited (Modmail's bot.py, cogs/plugins.py; botamusique's mumbleBot.py,
media/url.py; Ganga's Job.py, Batch.py, logging/__init__.py; libEnsemble's
libE.py, manager.py, executors/; ARTIQ's master/experiments.py,
scheduler.py, worker_impl.py and sipyco/logs.py; caproto's
asyncio/server.py, server/common.py); the values in them (guilds, songs,
jobs, tasks, RIDs, PVs, addresses), the exception texts and the print
lines are modelled.

Left out: Evennia (logs through Twisted's logger and its own
evennia.utils.logger, not a logging format), piqueserver (Twisted's logger
too), PyMoDAQ (a Qt application, its console format "%(asctime)s -
%(name)s - %(levelname)s - %(message)s" in PyMoDAQ/PyMoDAQ 2d4529dc
src/pymodaq/utils/logger.py: the cookbook's, kept for a later set), Avrae,
pajbot, Ballsdex, snakemake and NICOS (for want of time to read their
formats in source; none was guessed), and Red-DiscordBot, errbot, Sopel,
Limnoria, opsdroid, maubot, MCDReforged, Crafty, Parsl, FireWorks, Toil,
Cylc, AiiDA, submitit, dask-jobqueue, Maestro, Bluesky, QCoDeS, Tango and
the other programs of these areas already in earlier sets.
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at, tb_text  # noqa: E402

# Modmail (kyb3r/modmail, 7b2e63d1), core/models.py's `formatter` (the
# StreamHandler `ch` on sys.stdout every core.models.getLogger adds).
MODMAIL = "%(asctime)s %(name)s[%(lineno)d] - %(levelname)s: %(message)s"
MODMAIL_DATEFMT = "%m/%d/%y %H:%M:%S"
MODELS = "/modmailbot/core/models.py"
MODMAIL_LINES = {logging.INFO: (67, "info"), logging.WARNING: (71, "warning"), logging.ERROR: (75, "error"),
                 logging.CRITICAL: (79, "critical")}
# botamusique (azlux/botamusique, 2760a14f), util.py set_logging_formatter
# (the level is INFO, not DEBUG), the handler mumbleBot.py's __main__ adds
# to the "bot" logger and to logging.getLogger("root").
BAM = "[%(asctime)s %(levelname)s] %(message)s"
BAM_DATEFMT = "%b %d %H:%M:%S"
# Ganga (ganga-devs/ganga, e172bba8), ganga/GangaCore/Utility/logging/
# __init__.py _formats['NORMAL'] (the [Logging] _format default, in
# ganga/GangaCore/__init__.py), through its ColourFormatter (_colour True).
GANGA = "%(levelname)-8s %(message)s"
# libEnsemble (Libensemble/libensemble, 2f79ba69), libensemble/comms/
# logs.py LogConfig.fmt (manager_logging_config's stderr handler `fhe`,
# with WorkerIDFilter and ErrorFilter).
LIBE = "[%(worker)s]  %(asctime)s %(name)s (%(levelname)s): %(message)s"
# ARTIQ (m-labs/artiq, 3740b92e), artiq/master/log.py init_log's
# console_handler, with sipyco's SourceFilter (m-labs/sipyco, 1f1722f,
# sipyco/logs.py).
ARTIQ = "%(levelname)s:%(source)s:%(name)s:%(message)s"
# caproto (caproto/caproto, b71ebe55), caproto/_log.py color_log_format
# through its LogFormatter, datefmt "%H:%M:%S" (_set_handler_with_logger's
# default, which server.py's split_args calls for "caproto.ctx" at INFO).
CAPROTO = ("%(color)s[%(levelname)1.1s %(asctime)s.%(msecs)03d "
           "%(module)12s:%(lineno)5d]%(end_color)s %(message)s")
CAPROTO_DATEFMT = "%H:%M:%S"
CAPROTO_SRC = "/usr/local/lib/python3.11/site-packages/caproto/"


class GangaFormatter(logging.Formatter):
    """Ganga's ColourFormatter with ANSIMarkup, as written there."""

    COLOURS = {logging.INFO: "\033[0;0m", logging.WARNING: "\033[0;33m", logging.ERROR: "\033[0;31m",
               logging.CRITICAL: "\033[0;31m", logging.DEBUG: "\033[0;0m"}

    def format(self, record):
        s = super().format(record)
        if record.levelno in self.COLOURS:
            return self.COLOURS[record.levelno] + s + "\033[0;0m"
        return s


class WorkerIDFilter(logging.Filter):
    """libEnsemble's WorkerIDFilter, as written there."""

    def __init__(self, worker_id):
        super().__init__()
        self.worker_id = worker_id
        if worker_id == 0:
            self.prefix = "Manager" + " " * 5
        else:
            self.prefix = f"Worker {str(worker_id).rjust(5, ' ')}"

    def filter(self, record):
        record.worker = getattr(record, "worker", self.worker_id)
        record.prefix = getattr(record, "prefix", self.prefix)
        return True


class SourceFilter:
    """sipyco's SourceFilter, as written there."""

    def __init__(self, local_level, local_source):
        self.local_level, self.local_source = local_level, local_source

    def filter(self, record):
        if not hasattr(record, "source"):
            record.source = self.local_source
        if record.source == self.local_source:
            return record.levelno >= self.local_level
        return True


class CaprotoFormatter(logging.Formatter):
    """caproto's LogFormatter off a TTY (no colours), as written there."""

    def __init__(self):
        super().__init__(datefmt=CAPROTO_DATEFMT)
        self._fmt = CAPROTO

    def format(self, record):
        message = []
        for attr, fmt in (("our_address", "%s:%d"), ("direction", "%s"), ("their_address", "%s:%d"),
                          ("bytesize", "%dB"), ("counter", "(%d of %d)"), ("pv", "%s")):
            if hasattr(record, attr):
                message.append(fmt % getattr(record, attr))
        message.append(record.getMessage())
        record.message = " ".join(message)
        record.asctime = self.formatTime(record, self.datefmt)
        record.color = record.end_color = ""
        formatted = self._fmt % record.__dict__
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            formatted = "{}\n{}".format(formatted.rstrip(), record.exc_text)
        return formatted.replace("\n", "\n    ")


# --------------------------------------------------------------------------
# A gaming community's bots on one EC2 host (Docker's awslogs driver, one
# stream for the compose project): Modmail relays players' DMs to the
# Discord server's staff, botamusique plays music in its Mumble channel.

PLUGINS = ["fourjr/modmail-plugins/tags@master", "officialpiyush/modmail-plugins/giveaway@master",
           "Jerrie-Aries/modmail-plugins/rolemanager@master"]
SONGS = [("Undertale OST: 044 - Tem Shop", "https://www.youtube.com/watch?v=aAsuPzHK-bE"),
         ("Celeste - Resurrections", "https://www.youtube.com/watch?v=8ZSKi5ooQgo"),
         ("Hollow Knight - City of Tears", "https://www.youtube.com/watch?v=MJDn70jh1V0"),
         ("DOOM Eternal - The Only Thing They Fear Is You", "https://www.youtube.com/watch?v=Jm932Sqwf5E"),
         ("Terraria - Overworld Day", "https://www.youtube.com/watch?v=nvBA1VxqFDU")]
USERS = ["Nyx", "wardenOfTheNorth", "pixelpanda", "Grimbo", "sable_rune"]


def stream_modmail_botamusique():
    stream = []
    mm = Program("modmail", "__main__", logging.Formatter(MODMAIL, MODMAIL_DATEFMT), stream)
    bm = Program("botamusique", "bot", logging.Formatter(BAM, BAM_DATEFMT), stream)
    main, plugins = lg(mm, "__main__"), lg(mm, "cogs.plugins")
    modmail, clients = lg(mm, "cogs.modmail"), lg(mm, "core.clients")
    root = logging.RootLogger(logging.WARNING)
    root.addHandler(bm.handler)
    bot = logging.Logger("bot", logging.INFO)
    bot.addHandler(bm.handler)
    bot.parent = root

    def m(log, level, msg, *args, exc=None):
        line, func = MODMAIL_LINES[level]
        at(log, level, MODELS, line, func, msg, *args, exc=exc)

    def dashes():
        at(main, logging.INFO, MODELS, 92, "line", "-------------------------")

    printed(stream, "Loading .env environment variables...")
    bot.info("bot: botamusique version 7.2.3-19-g2760a14, starting...")
    dashes()
    for text in ("┌┬┐┌─┐┌┬┐┌┬┐┌─┐┬┬", "││││ │ │││││├─┤││", "┴ ┴└─┘─┴┘┴ ┴┴ ┴┴┴─┘"):
        m(main, logging.INFO, text)
    m(main, logging.INFO, "v%s", "3.8.4")
    m(main, logging.INFO, "Authors: kyb3r, fourjr, Taaku18")
    dashes()
    m(main, logging.INFO, "discord.py: v%s", "1.6.0")
    dashes()
    dashes()
    m(main, logging.INFO, "Logging level: %s", "INFO")
    m(main, logging.INFO, "Log file: %s", "/modmailbot/temp/modmail.log")
    for plugin in PLUGINS:
        m(plugins, logging.INFO, "Loaded plugin: %s", plugin.split("/")[2].split("@")[0])
    m(clients, logging.INFO, "GitHub logged in to: %s", "pixelforge-staff")
    dashes()
    m(main, logging.INFO, "Logged in as: %s", "Pixelforge Modmail#4821")
    m(main, logging.INFO, "Bot ID: %s", 801245337745801256)
    m(main, logging.INFO, "Owners: %s", "Nyx, wardenOfTheNorth")
    m(main, logging.INFO, "Prefix: %s", "?")
    m(main, logging.INFO, "Guild Name: %s", "Pixelforge Gaming")
    m(main, logging.INFO, "Guild ID: %s", 698342117803163679)
    dashes()
    m(main, logging.INFO, "There are %d thread(s) pending to be closed.", 2)
    dashes()
    for cycle in range(6):
        title, url = SONGS[cycle % len(SONGS)]
        user = USERS[cycle % len(USERS)]
        bot.info(f'bot: received command "play" with arguments "{url}" from {user}')
        bot.info("url: fetching metadata of url %s " % url)
        bot.info(f"bot: start preparing item in thread: [url] {title} ({url})")
        bot.info("bot: downloading url (%s) %s " % (title, url))
        bot.info("bot: download attempts %d / %d" % (1, 2))
        vid = url.rsplit("=", 1)[1]
        printed(stream, f"[youtube] Extracting URL: {url}")
        printed(stream, f"[youtube] {vid}: Downloading webpage")
        if cycle == 3:
            bot.error("bot: download failed with error:\n %s" % f"yt_dlp.utils.DownloadError: ERROR: [youtube] {vid}: "
                      "Sign in to confirm you're not a bot. This helps protect our community. Learn more")
            bot.info("bot: download attempts %d / %d" % (2, 2))
            printed(stream, f"[youtube] {vid}: Downloading webpage")
        printed(stream, f"[download] Destination: /tmp/bots/music_cache/{vid}.webm")
        printed(stream, "[download] 100%% of    %.2fMiB in 00:00:01 at %.2fMiB/s" % (3.1 + cycle * 0.7, 2.4 + cycle))
        bot.info("bot: finished downloading url (%s) %s, saved to %s." % (
            title, url, f"/tmp/bots/music_cache/{vid}"))
        bot.info(f"bot: play music [url] {title} ({url})")
        # Modmail: players' DMs become threads for the staff.
        if cycle % 2 == 0:
            m(modmail, logging.INFO, "Contacting user %s when Modmail DM is disabled.", USERS[(cycle + 2) % 5])
        if cycle == 1:
            printed(stream, "WebSocket in shard ID None is ratelimited, waiting 11.34 seconds")
            def load():
                def extension():
                    raised("discord.ext.commands.errors", "ExtensionFailed",
                           "Extension 'plugins.officialpiyush.modmail-plugins.giveaway-master.giveaway.giveaway' "
                           "raised an error: ModuleNotFoundError: No module named 'dateparser'")
                extension()
            try:
                load()
            except Exception:
                m(plugins, logging.WARNING, "Unable to load plugin %s.", PLUGINS[1], exc=True)
        if cycle == 2:
            def handle():
                def cmd_skip():
                    raised("builtins", "IndexError", "list index out of range")
                cmd_skip()
            err = tb_text(handle)
            bot.error(f"bot: command skip failed with error: {err}\n")
        if cycle == 4:
            bot.info("bot: No user in my channel. Pause music now.")
            bot.info(f"bot: music paused at {187.42:.2f} seconds.")
            m(main, logging.WARNING, "Removed blocked emoji (%s).", ":pogchamp:")
        if cycle == 5:
            bot.error("bot: cannot play music %s", f"[url] {title} ({url})")
            bot.error("bot: with ffmpeg error: %s", "[opus @ 0x55d3c1a0] Error parsing Opus packet header.")
            bot.info("bot: music stopped. playlist trashed.")
    printed(stream, "Shard ID None heartbeat blocked for more than 10 seconds.")
    m(main, logging.ERROR, " - Shutting down bot - ")
    return {"name": "modmail-botamusique", "programs": [mm, bm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An HPC head node (ParallelCluster; the CloudWatch agent ships the job
# runner container's output): a Ganga script submits a Monte Carlo
# campaign to Slurm, and a libEnsemble study scans a simulation's
# parameters with its MPI executor on the same allocation.

def stream_ganga_libensemble():
    stream = []
    gg = Program("ganga", "GangaCore.GPIDev.Lib.Job", GangaFormatter(GANGA), stream)
    le = Program("libensemble", "libensemble", logging.Formatter(LIBE), stream)
    le.handler.addFilter(WorkerIDFilter(0))
    job, batch = lg(gg, "GangaCore.GPIDev.Lib.Job"), lg(gg, "GangaCore.Lib.Batch")
    private = lg(gg, "GangaCore.Utility.logging")
    libe, man = lg(le, "libensemble.libE"), lg(le, "libensemble.manager")
    exe = lg(le, "libensemble.executors.executor")
    mpi = lg(le, "libensemble.executors.mpi_executor")

    def worker(log, w, level, msg):
        log.log(level, msg, extra={"worker": w, "prefix": f"Worker {str(w).rjust(5, ' ')}"})

    printed(stream, "+ source /opt/ganga/venv/bin/activate")
    printed(stream, "+ ganga --quiet /shared/campaigns/mc2024/submit_campaign.py")
    for jid in range(41, 45):
        job.info("submitting job %s", jid)
        if jid == 43:
            batch.warning("could not match the output and extract the Batch job identifier!")
            batch.warning("command output \n %s ", "sbatch: error: Batch job submission failed: Socket timed out on "
                          "send/recv operation\n")
            continue
        job.info("Splitting Job: %s" % jid)
        job.info("submitting %s subjobs", 8 + jid % 3)
        batch.info('using default queue "%s"', "compute")
        job.info('job %s status changed to "%s"', jid, "submitted")
        printed(stream, f"Job {jid} submitted with {8 + jid % 3} subjobs")

    with level_names({35: "MANAGER_WARNING"}):
        for run in range(2):
            libe.info("Logger initializing: [workerID] precedes each line. [0] = Manager")
            libe.info("libE version v1.6.1")
            man.info("Manager exit_criteria: %s" % {"sim_max": 24, "wallclock_max": 3600})
            failed = False
            for step in range(6):
                for w in (2, 3, 4):
                    name = f"libe_task_forces_worker{w}_{step}"
                    cmd = (f"mpirun -hosts compute-dy-c5n18xl-{w} -np 36 --ppn 36 /shared/apps/forces/forces.x "
                           f"{1000 + 500 * step} {10 * w} {step * 7 + w}")
                    worker(mpi, w, logging.INFO, f"Launching task {name}: {cmd}")
                    if run == 1 and step == 3 and w == 3:
                        failed = True
                        break
                    if (step + w) % 7 == 0:
                        worker(mpi, w, logging.WARNING, f"task {name} failed within fail_time on try 0 with err "
                                                        "code 1")
                        worker(mpi, w, logging.INFO, f"Launching task {name} (Retry 1): {cmd}")
                    state, code = ("FINISHED", 0) if (step * w + run) % 9 != 5 else ("FAILED", 139)
                    worker(exe, w, logging.INFO, f"Task {name} finished with errcode {code} ({state})")
                if failed:
                    # A sim function raised on worker 3: the manager logs the
                    # worker's traceback text, then dumps the history.
                    def run_sim():
                        def forces_simf():
                            raised("builtins", "ValueError", "Forces run failed: no output file forces.stat")
                        forces_simf()
                    man.error("---- Received error message from worker 3 ----")
                    man.error("Message: ValueError: Forces run failed: no output file forces.stat")
                    man.error(tb_text(run_sim))
                    libe.error("Manager exception raised .. aborting ensemble:")
                    libe.error(f"Dumping ensemble history with {step * 3 + 1} sims evaluated:")
                    break
                if run == 1:
                    continue
                # The Ganga monitoring loop between the study's steps.
                jid = 41 + step % 4
                if jid != 43:
                    status = ["running", "running", "completed", "failed", "completed", "completed"][step]
                    job.info('job %s status changed to "%s"', jid, status)
                if step == 4:
                    job.info("Job %s Running PostProcessor hook" % 42)
                    banner = 10 * "-" + " error in user/extension code " + 10 * "-"

                    def postprocess():
                        def merge():
                            raised("builtins", "FileNotFoundError",
                                   "[Errno 2] No such file or directory: '/shared/gangadir/workspace/sre/"
                                   "LocalXML/42/3/output/histos.root'")
                        merge()
                    private.warning(banner)
                    for line in tb_text(postprocess).splitlines():
                        private.warning(line)
                    private.warning("-" * len(banner))
                    job.info("Job %s PostProcessor Failed" % 42)
                if step == 5:
                    libe.log(35, "*WARNING* libEnsemble detected a NULL communicator")
            if run == 0:
                libe.info(f"Manager total time: {812.533 + run:.3f}")
                printed(stream, "Saved history to /shared/studies/forces/"
                                "forces_history_length=24_evals=24_workers=4.npy")
        def script():
            def libE():
                raised("libensemble.manager", "LoggedException",
                       "('Received error message from worker 3', 'ValueError: Forces run failed: no output file "
                       "forces.stat', 'See error details above and in ensemble.log')")
            libE()
        uncaught(stream, script)
    printed(stream, "srun: error: compute-dy-c5n18xl-3: task 0: Exited with exit code 1")
    return {"name": "ganga-libensemble", "programs": [gg, le], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A lab's control host (systemd units; the CloudWatch agent reads the
# journal): the ARTIQ master schedules a trapped-ion experiment's runs,
# and a caproto IOC serves the lab's EPICS PVs to the archiver and
# operator panels.

PVS = ["lab:tc1:temp", "lab:tc1:setpoint", "lab:tc1:heater", "lab:oven:current", "lab:oven:on", "lab:vac:ion_pump",
       "lab:laser397:freq", "lab:laser397:lock"]
EXPERIMENTS = [("ion_calibration.py", "artiq_worker_ion_calibration"), ("rabi_flop.py", "artiq_worker_rabi_flop"),
               ("ramsey.py", "artiq_worker_ramsey")]
CLIENTS = [("10.40.2.17", 51512), ("10.40.2.31", 40220), ("10.40.3.5", 35872)]


def stream_artiq_caproto():
    stream = []
    ar = Program("artiq_master", "artiq.master.scheduler", logging.Formatter(ARTIQ), stream)
    ar.handler.addFilter(SourceFilter(logging.INFO, "master"))
    cp = Program("caproto", "caproto.ctx", CaprotoFormatter(), stream)
    sched, exps = lg(ar, "artiq.master.scheduler"), lg(ar, "artiq.master.experiments")
    ctx = lg(cp, "caproto.ctx")
    server, common = CAPROTO_SRC + "asyncio/server.py", CAPROTO_SRC + "server/common.py"

    def fwd(name, level, msg, rid, filename):
        lg(ar, name).log(level, msg, extra={"source": f"worker({rid},{filename})"})

    printed(stream, "Started ARTIQ master (lab-ions).")
    exps.info("checked out revision %s into %s", "4f1c9e2a7d0b3c6e8f5a1b2c3d4e5f6a7b8c9d0e",
              "/var/lib/artiq/repo/4f1c9e2a7d0b3c6e8f5a1b2c3d4e5f6a7b8c9d0e")
    exps.info("repository scan took %d seconds", 3)
    printed(stream, "ARTIQ master is now ready.")
    printed(stream, "Started caproto IOC for lab temperature and oven PVs.")
    at(ctx, logging.INFO, server, 151, "run", "Asyncio server starting up...")
    at(ctx, logging.INFO, server, 158, "run", "Listening on %s:%d", "0.0.0.0", 5064)
    at(ctx, logging.ERROR, server, 167, "run", "Beacon (%s:%d) socket setup failed: %s", "10.40.255.255", 5065,
       "[Errno 13] Permission denied")
    at(ctx, logging.INFO, server, 195, "run", "Server startup complete.")
    at(ctx, logging.INFO, server, 197, "run", "PVs available:\n%s", "\n".join(PVS))
    for i, (host, port) in enumerate(CLIENTS):
        at(ctx, logging.INFO, common, 1196, "tcp_handler", "Connected to new client at %s:%d (total: %d).", host,
           port, i + 1)
    rid = 1523
    for cycle in range(16):
        filename, modname = EXPERIMENTS[cycle % 3]
        fwd(modname, logging.INFO, "Preparing scan: %d points" % (41 + 10 * (cycle % 3)), rid, filename)
        for point in range(4):
            fwd("print", logging.INFO, "point %d/%d: counts=%d" % (point + 1, 41, 180 + 37 * ((point + cycle) % 5)),
                rid, filename)
        if cycle % 3 == 0:
            fwd(modname, logging.INFO, "Fit: f0=%.6f MHz, pi time=%.3f us" % (103.241137 + cycle * 1e-5, 8.412),
                rid, filename)
        if cycle == 2:
            fwd(modname, logging.WARNING, "Dataset 'ion.rabi.last_fit' will not be stored. Both 'broadcast' and "
                "'archive' are set to False.", rid, filename)
        if cycle == 4:
            def run():
                def pulse():
                    raised("artiq.coredevice.exceptions", "RTIOUnderflow",
                           "RTIO underflow at 5128390142 mu, channel 0x00000c:ttl_397_aom, slack -412 mu")
                pulse()
            report = "Terminating with exception (RTIOUnderflow: RTIO underflow at 5128390142 mu, channel " \
                     "0x00000c:ttl_397_aom, slack -412 mu)\n" + tb_text(run).rstrip("\n")
            fwd("root", logging.ERROR, report, rid, filename)
            sched.error("got worker exception in run stage, deleting RID %d", rid)
        if cycle == 6:
            exps.warning("Duplicate experiment name: '%s'\nRenaming class '%s' in '%s' to '%s'", "Ramsey", "Ramsey",
                         "ramsey_old.py", "Ramsey1")
        rid += 1
        # The IOC: the operator panels come and go.
        host, port = CLIENTS[cycle % 3]
        if cycle in (1, 5, 9, 12, 14):
            at(ctx, logging.INFO, common, 1218, "tcp_handler", "Disconnected from client at %s:%d (total: %d).", host,
               port, 2)
            at(ctx, logging.INFO, common, 1196, "tcp_handler", "Connected to new client at %s:%d (total: %d).", host,
               port + 7, 3)
        if cycle == 3:
            def recv():
                def sock_recv():
                    raised("builtins", "ConnectionResetError", "[Errno 104] Connection reset by peer")
                sock_recv()
            try:
                recv()
            except Exception:
                at(ctx, logging.ERROR, common, 1209, "tcp_handler", "Client disconnected in unexpected way",
                   exc=True)
            at(ctx, logging.INFO, common, 1218, "tcp_handler", "Disconnected from client at %s:%d (total: %d).", host,
               port, 2)
    exps.info("disposing of checkout in folder %s", "/var/lib/artiq/repo/4f1c9e2a7d0b3c6e8f5a1b2c3d4e5f6a7b8c9d0e")
    printed(stream, "Stopping caproto IOC for lab temperature and oven PVs...")
    at(ctx, logging.INFO, server, 202, "run", "Server task cancelled. Will shut down.")
    at(ctx, logging.INFO, server, 212, "run", "Server exiting....")
    return {"name": "artiq-caproto", "programs": [ar, cp], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_modmail_botamusique(), stream_ganga_libensemble(), stream_artiq_caproto()])


if __name__ == "__main__":
    main()
