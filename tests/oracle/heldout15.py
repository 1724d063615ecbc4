"""The fifteenth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout14.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS outside
the areas the earlier sets covered (a gravitational-wave follow-up on AWS
Batch with PyCBC's matched filter and bilby's parameter estimation; a
device-attestation host where Keylime attests edge gateways and django-ca
issues their certificates over ACME; a makerspace print farm's Moonraker
beside the Spoolman filament inventory; a Copr build backend whose
resalloc server keeps EC2 builders warm; an Earth-observation job fetching
Sentinel-2 tiles with eodag and compositing them with Satpy; an OpenNMT-py
translation API traced by Apache SkyWalking's Python agent; a Seafile file
sync server's seafevents and SeafDAV; a Kiwix Zimfarm worker running the
zimit crawler; a threat-intelligence host's news-please crawls and
SpiderFoot scans), each format copied from the file named beside it (the
version read is given), with the formatter class or the filter the program
uses, and messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout15

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at df1820e (session 18's rules from heldout12 to
heldout14 in), before any rule saw it: 4232 records (108 joined under a
burst), 56.1% exact, 77.8% with the key fields right (asctime 91.1%,
levelname 92.5%, name 82.9%, message 90.2%, exc_info 99.8%).

Formatters and filters that rewrite the record rewrite the truth's too, as
they run first. PyCBC's LogFormatter writes the time as ISO 8601 with
milliseconds and "+00:00" (mixed into the truth's JsonFormatter; configured
as `iso8601`, like Airflow's in `realworld.py`). django-ca's
"%(asctime).19s" cuts the time's ",mmm", which python-json-logger ignores:
the truth's asctime keeps the milliseconds, which no text shows. Keylime's
RequestIDFilter sets `reqid` and `reqidf` on every record (empty outside
the registrar's requests), kept in the truth though not printed. copr-
backend's records reach its file through Redis (RedisPublishHandler, then
the log daemon's makeLogRecord): the message is formatted and a traceback
appended after a line break (so it ends with one), no exc_info, and `who`
("worker") is set. SpiderFoot's scan records pass a QueueHandler whose
prepare() folds a traceback into the message (no exc_info); they keep
their `scanId`, and its plugins' logger reports the plugin's module. The
extras programs pass are kept, as python-json-logger writes them: uvicorn's
`color_message` (through Spoolman's handler), Scrapy's `spider` and
`crawler` (their reprs, pinned). Process and thread ids are pinned:
copr-backend's workers (whose loggers' names carry their pid), resalloc's
threads (it prints the ident and the name), SkyWalking's reporter threads.

eodag's logger propagates to the root handler Satpy's debug_on() adds:
each eodag record is printed twice, in eodag's format then in Satpy's, and
the libraries' DEBUG records (urllib3, botocore) take Satpy's. SkyWalking
prints in three formats (its CLI, its loader, the agent). Moonraker's
stdout format has neither a time nor a level ("[file.py:func()] - "), and
one of its messages starts with a line break; Spoolman's has no time
either and pads the logger's name to 26, and one of its messages ends with
a space. news-please's format has no time ("[name:lineno|LEVEL] "), its
crawlers' logger is "__main__". zimscraperlib's "INFO:" is glued to the
message, and zimit logs empty messages; Zimfarm's worker starts messages
with a tab and ends one with a space. resalloc right-aligns the level to
five; copr-backend to six, and the records of a builder's empty stdout
have an empty message, so their lines end with a space. bilby's time is
"%H:%M"; its result summary ends with a line break. OpenNMT-py logs a
message with a tab and a line break, and a traceback.format_exc() as an
ERROR message. SpiderFoot's authentication warning starts and ends with a
line break. seafevents and SeafDAV write their own names into their
formats ("[seafevents] ").

seaf-server's lines ("[seaf-server] [date] [INFO] file.c(86): ...") look
like the Python programs' but come from C: print lines, as are the shell's
"+ ..." lines, systemd's, LAL's warnings, tqdm's and dynesty's progress,
Moonraker's "Application Info" block, browsertrix-crawler's JSON lines,
Python's warnings, the container entrypoints' lines and waitress's bare
"Task queue depth" warnings (Python's last-resort handler); the GW job ends
with the uncaught OSError the interpreter prints.

Left out: Packit's worker (its CustomFormatter puts a %(task_info)s, empty
outside a task, between the bracket and the message: free text beside the
message), MCDReforged (its PluginIdAwareFormatter picks one of two formats
per record; its console format is colorlog's), OCRmyPDF 17 (a Rich handler
by default; its -vv format puts a free-text %(pageno)s before the message),
Keep (JSON through python-json-logger; its dev_terminal formatter appends
the call's extras after the message), Cylc (CylcLogFormatter rewraps every
line with textwrap and strips markup from the formatted text), LSST's
daf_butler CLI (its ButlerMDC record factory puts an MDC dict on every
record, which no text shows), Metomi Rose (its Reporter builds lines in
code), Apertium APy (Tornado's LogFormatter: covered), unoserver and the
OpenSearch Migration Assistant's console (logging.basicConfig()'s
BASIC_FORMAT: covered), marge-bot ("%(asctime)s %(levelname)s
%(message)s", unattended-upgrades' in `heldout3.py`), Unstructured's API
(NCPA's format, and uvicorn's access formatter), Klipper (klippy.log's
handler has no formatter), LibreTranslate (print() only), sslyze (no
logging output), certstream-python (unmaintained since 2021), Seahub (its
stdout handlers only log with DEBUG = True), and Rucio (its daemons'
"%(asctime)s\\t%(name)s\\t%(process)d\\t%(levelname)s\\t%(message)s", read
in rucio/rucio 41.0.0 lib/rucio/common/logging.py, kept for a later set
that has a program to share its stream; its client picks a format per
level).
"""

import datetime
import json
import logging
import os
import sys
import traceback
import zlib

from pythonjsonlogger.json import JsonFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout4 import QueuePrepared, pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# PyCBC 2.10.0 (gwastro/pycbc v2.10.0, 58f97dfcb), pycbc/__init__.py
# init_logging's default format, on a StreamHandler of the root logger with
# its LogFormatter (formatTime: ISO 8601, milliseconds, "+00:00").
PYCBC = "%(asctime)s %(levelname)s : %(message)s"
# bilby 2.8.1 (bilby-dev/bilby v2.8.1, 4dbc5901), bilby/core/utils/log.py
# setup_logger's stream handler on the "bilby" logger (its log file's
# format has no name).
BILBY = "%(asctime)s %(name)s %(levelname)-8s: %(message)s"
BILBY_DATEFMT = "%H:%M"
# Keylime 7.14.3 (keylime/keylime v7.14.3, 838a97d9), templates/2.0/
# mapping.json [formatter_formatter]'s defaults (the logging.conf
# keylime_upgrade_config writes; consoleHandler on sys.stdout for the root
# and the "keylime" logger), with keylime/keylime_logging.py's
# RequestIDFilter on the root's handler.
KEYLIME = "%(asctime)s.%(msecs)03d - %(name)s - %(levelname)s - %(message)s"
KEYLIME_DATEFMT = "%Y-%m-%d %H:%M:%S"
# django-ca 3.1.0 (mathiasertl/django-ca 3.1.0, a8a364aa), ca/ca/settings.py
# LOG_FORMAT, the "main" formatter of its default LOGGING (the console
# handler of the django_ca logger and of the root).
DJANGO_CA = "[%(levelname)-8s %(asctime).19s] %(message)s"
# Moonraker 0.10.0 (Arksine/moonraker v0.10.0, 16e530e), moonraker/
# loghelper.py LogManager's stdout_fmt (its QueueListener's stdout handler;
# the log file's format adds %(asctime)s).
MOONRAKER = "[%(filename)s:%(funcName)s()] - %(message)s"
# Spoolman 0.26.1 (Donkie/Spoolman v0.26.1, f3872031), spoolman/main.py's
# console_handler (on the root and uvicorn's loggers); alembic.ini
# [formatter_generic], for the migration subprocess, is the same.
SPOOLMAN = "%(name)-26s %(levelname)-8s %(message)s"
# copr-backend 2.13 (fedora-copr/copr copr-backend-2.13.hotfix.2-1,
# 29677188b), backend/copr_backend/constants.py default_log_format (copr-be.conf
# log_format's default), which the RedisLogHandler daemon (daemons/log.py)
# writes each component's file with.
COPR_BACKEND = ("[%(asctime)s][%(levelname)6s][PID:%(process)d][%(name)10s][%(filename)s:%(funcName)s:%(lineno)d] "
                "%(message)s")
# resalloc 6.3 (praiskup/resalloc v6.3, 4803c31), resallocserver/log.py
# get_logger's main.log formatter.
RESALLOC = "%(levelname)5s %(asctime)s PID:%(process)d:%(thread)d(%(threadName)s) %(message)s"
# eodag 4.7.1 (CS-SI/eodag v4.7.1, 4bb0cfe38), eodag/utils/logging.py
# setup_logging's "standard" formatter (TqdmLoggingHandler on the "eodag"
# logger, which propagates).
EODAG = "%(asctime)-15s %(name)-32s [%(levelname)-8s] %(message)s"
# Satpy 0.60.0 (pytroll/satpy v0.60.0, 072b27051), satpy/utils.py
# logging_on (what debug_on() sets up on the root logger).
SATPY = "[%(levelname)s: %(asctime)s : %(name)s] %(message)s"
SATPY_DATEFMT = "%Y-%m-%d %H:%M:%S"
# OpenNMT-py 3.5.1 (OpenNMT/OpenNMT-py v3.5.1, 3f0c5f7c), onmt/utils/
# logging.py init_logger (the "onmt" logger's console handler, which
# onmt/translate/translation_server.py sets up for every model).
OPENNMT = "[%(asctime)s %(levelname)s] %(message)s"
# SkyWalking Python agent 1.2.0 (apache/skywalking-python v1.2.0, 1f091ee):
# skywalking/loggings.py getLogger (the agent's "skywalking" logger),
# skywalking/bootstrap/loader/sitecustomize.py _get_sw_loader_logger and
# skywalking/bootstrap/__init__.py get_cli_logger (the sw-python CLI).
SKYWALKING = "%(asctime)s %(name)s [pid:%(process)d] [%(threadName)s] [%(levelname)s] %(message)s"
SKYWALKING_LOADER = "%(name)s [pid:%(process)d] [%(threadName)s] [%(levelname)s] %(message)s"
SKYWALKING_CLI = "%(name)s [%(levelname)s] %(message)s"
# seafevents 14.0.5 (haiwen/seafevents v14.0.5-pro, 92b0ec5), app/log.py
# LogConfigurator._basic_config (SEAFILE_LOG_TO_STDOUT=true: no log file).
SEAFEVENTS = "[seafevents] [%(asctime)s] [%(levelname)s] %(name)s:%(lineno)s %(message)s"
SEAFEVENTS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# SeafDAV 14.0.0 (haiwen/seafdav v14.0.0-pro, 992677e), wsgidav/util.py
# init_logging with SEAFILE_LOG_TO_STDOUT=true (the "wsgidav" logger's
# handler; the datefmt there overrides the default_conf one).
SEAFDAV = "[seafdav] [%(asctime)s] [%(levelname)s] %(name)s:%(lineno)s %(message)s"
SEAFDAV_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Zimfarm's task worker (openzim/zimfarm main, 0b2cc522: the worker package
# has no release tags), worker/src/zimfarm_worker/common/__init__.py (the
# "worker" logger's handler).
ZIMFARM = "[%(asctime)s: %(levelname)s] %(message)s"
# zimit 3.1.2 (openzim/zimit v3.1.2, d94f487), src/zimit/constants.py, and
# warc2zim 2.3.0 (openzim/warc2zim v2.3.0, 1d54336), src/warc2zim/
# constants.py, through zimscraperlib 5.4.1 (openzim/python-scraperlib
# v5.4.1, 36d4e28), src/zimscraperlib/logging.py getLogger's DEFAULT_FORMAT.
ZIMIT = "[%(name)s::%(asctime)s] %(levelname)s:%(message)s"
# news-please 1.6.13 (fhamborg/news-please master, 8fdf61a: no release
# tags), newsplease/config/config.cfg [Scrapy] LOG_FORMAT, which Scrapy
# 2.13.3 (scrapy/scrapy 2.13.3, 155a504f2) configure_logging installs on the
# root (its LOG_DATEFORMAT is unused: no %(asctime)s).
NEWSPLEASE = "[%(name)s:%(lineno)d|%(levelname)s] %(message)s"
# SpiderFoot 4.0 (smicallef/spiderfoot v4.0, b9c345de), spiderfoot/logger.py
# logListenerSetup's console handler, behind the QueueHandler of
# logWorkerSetup.
SPIDERFOOT = "%(asctime)s [%(levelname)s] %(module)s : %(message)s"


class PycbcTime:
    """pycbc.LogFormatter.formatTime (2.10.0), as written there: the local
    time (UTC here) in ISO 8601 with milliseconds and the offset with a
    colon. Mixed into the truth's JsonFormatter too."""

    def formatTime(self, record, datefmt=None):
        ct = datetime.datetime.fromtimestamp(record.created).astimezone()
        s = f"{ct.strftime('%Y-%m-%dT%H:%M:%S')}.{int(record.msecs):03d}"
        timezone = ct.strftime("%z")
        return s + f"{timezone[:-2]}:{timezone[-2:]}"


class PycbcFormatter(PycbcTime, logging.Formatter):
    pass


class PycbcJsonFormatter(PycbcTime, JsonFormatter):
    pass


class RequestID(logging.Filter):
    """keylime.keylime_logging.RequestIDFilter, as written there: `reqid`
    (the request id of the new web framework's action handler, "" outside a
    request) and `reqidf` on every record; neither is printed."""

    def __init__(self):
        super().__init__()
        self.reqid = ""

    def filter(self, record):
        record.reqid = self.reqid
        record.reqidf = f"(reqid={self.reqid})" if self.reqid else ""
        return True


class RedisRelayed(logging.Filter):
    """copr_backend.helpers.RedisPublishHandler.emit and the log daemon's
    logging.makeLogRecord (copr-backend 2.13), as a filter: the message
    formatted with its arguments and, for an exception, a line break and the
    traceback (format_tb, so it ends with a line break); no arguments, no
    exc_info; `who` set to the component (kept in the truth)."""

    def __init__(self, who):
        super().__init__()
        self.who = who

    def filter(self, record):
        msg = str(record.msg) % (record.args if record.args is not None else ())
        if record.exc_info:
            _, error, tb = record.exc_info
            msg += "\n" + "".join(traceback.format_exception(error.__class__, error, tb))
        record.msg, record.args, record.exc_info, record.exc_text = msg, [], None, None
        record.who = self.who
        return True


# --------------------------------------------------------------------------
# A gravitational-wave follow-up on AWS Batch (its container's log stream):
# PyCBC's pycbc_inspiral (`--verbose`) matched-filters 2048 s of open LIGO
# Hanford data (GWOSC frames synced from S3) against a slice of the template
# bank, then the parameters of the loudest trigger are estimated with bilby
# and dynesty (a bilby_pipe analysis script, logging through bilby's
# logger). The shell's "+ ..." lines, LAL's warnings, dynesty's and tqdm's
# progress and the AWS CLI's lines are print lines; the job ends with the
# uncaught error of its plotting step, which the interpreter prints.

GPS = 1399473902
FRAME = "/scratch/frames/H-H1_GWOSC_O4a_4KHZ_R1-1399472128-4096.gwf"


def stream_pycbc_bilby():
    stream = []
    pc = Program("pycbc", "root", PycbcFormatter(PYCBC), stream, truth=PycbcJsonFormatter, datefmt="iso8601")
    bb = Program("bilby", "bilby", logging.Formatter(BILBY, BILBY_DATEFMT), stream)
    root = lg(pc, "root")
    strain = lg(pc, "pycbc.strain.strain")
    scheme = lg(pc, "pycbc.scheme")
    bilby = lg(bb, "bilby")

    printed(stream, "+ aws s3 sync s3://gw-open-data-mirror/O4a/H1/1399472128/ /scratch/frames/ --only-show-errors")
    printed(stream, "+ pycbc_inspiral --verbose --processing-scheme mkl:16 --frame-files H1:" + FRAME + " "
                    "--channel-name H1:GWOSC-4KHZ_R1_STRAIN --gps-start-time 1399472256 --gps-end-time 1399474304 "
                    "--bank-file /scratch/bank/H1L1-BANK2HDF_SPLITBANK_BANK7-1399000000-604800.hdf "
                    "--output /scratch/out/H1-INSPIRAL_BANK7-1399472256-2048.hdf")
    scheme.info("Running with MKL support: %s threads" % 16)
    strain.info("Reading Frames")
    printed(stream, "XLAL Warning - XLALFrStreamFileOpen (LALFrStream.c:89): Frame file " + FRAME + " has no TOC")
    strain.info("Highpass Filtering")
    strain.info("Resampling data")
    strain.info("Highpass Filtering")
    strain.info("Converting to float32")
    for t in (1399473011.2353515, 1399473588.0009766):
        strain.info("Autogating at %s", f"{t:.3f}")
    strain.info("Remove Padding")
    root.info("Making frequency-domain data segments")
    root.info("Overwhitening frequency-domain data segments")
    root.info("Read in template bank")
    root.info("Full template bank size: %s", 64)
    bank, segments = 24, 2
    for t_num in range(bank):
        for s_num in range(segments):
            root.info("Filtering template %d/%d segment %d/%d" % (t_num + 1, bank, s_num + 1, segments))
    root.info("Outputting %s triggers" % str(1873))
    root.info("Writing out triggers")
    root.info("Finished")
    printed(stream, "+ aws s3 cp /scratch/out/H1-INSPIRAL_BANK7-1399472256-2048.hdf "
                    "s3://gw-followup-results/O4a/triggers/ --only-show-errors")

    # Parameter estimation of the loudest trigger.
    label = "GW240511_144444"
    outdir = "/scratch/pe/outdir"
    printed(stream, f"+ python /opt/pe/run_pe.py --trigger-time {GPS}.413 --label {label} --outdir {outdir}")
    bilby.info("Running bilby version: {}".format("2.8.1"))
    bilby.info("Fetching data using channel {}".format("H1:GWOSC-4KHZ_R1_STRAIN"))
    bilby.info("Fetching data using channel {}".format("L1:GWOSC-4KHZ_R1_STRAIN"))
    bilby.info("No power spectral density provided, using aLIGO,"
               "zero detuning, high power.")
    # The Livingston ASD file was passed as a PSD by mistake.
    bilby.warning("You specified a power spectral density file.")
    bilby.warning("{} WARNING {}".format("*" * 30, "*" * 30))
    bilby.warning("The minimum of the provided curve is {:.2e}.".format(4.12e-24))
    bilby.warning("You may have intended to provide this as an amplitude spectral density.")
    bilby.info("Waveform generator instantiated: {}".format(Shown(
        "GWSignalWaveformGenerator(duration=4.0, sampling_frequency=2048.0, start_time=1399473900.413, "
        "parameter_conversion=bilby.gw.conversion.convert_to_lal_binary_black_hole_parameters, "
        "waveform_arguments={'waveform_approximant': 'IMRPhenomXPHM', 'reference_frequency': 20.0, "
        "'minimum_frequency': 20.0}, spinning=True, eccentric=False, tidal=False)")))
    bilby.info("Using lal version {}".format("7.6.1"))
    bilby.info("Using lal git version {}".format(
        "Branch: None;Tag: lal-v7.6.1;Id: 8c1bb8c2b9a5c7e4d1f0a3b6e9c2d5f8a1b4c7e0;;Builder: Unknown User "
        "<>;Repository status: CLEAN: All modifications committed"))
    bilby.info("Using lalsimulation version {}".format("6.1.0"))
    bilby.info("Using lalsimulation git version {}".format(
        "Branch: None;Tag: lalsimulation-v6.1.0;Id: 2f4e6a8c0b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a;;Builder: Unknown User "
        "<>;Repository status: CLEAN: All modifications committed"))
    bilby.info("Distance marginalisation file {} does not exist".format(
        f"{outdir}/.distance_marginalization_lookup.npz"))
    bilby.info("Building lookup table for distance marginalisation.")
    printed(stream, "\r".join(f"{p:3d}%|{'█' * (p // 10):<10}| {n}/400 [{m:02d}:{s:02d}<{r}, {it}it/s]"
                              for p, n, m, s, r, it in ((0, 0, 0, 0, "?", " ?"), (38, 152, 0, 11, "00:18", "13.61"),
                                                        (77, 308, 0, 22, "00:06", "13.72"),
                                                        (100, 400, 0, 29, "00:00", "13.70"))))
    bilby.info(f"Running for label '{label}', output will be saved to '{outdir}'")
    bilby.info("Analysis priors:")
    priors = [
        ("chirp_mass", "bilby.gw.prior.UniformInComponentsChirpMass(minimum=25.0, maximum=45.0, name='chirp_mass', "
                       "latex_label='$\\\\mathcal{M}$', unit='$M_{\\\\odot}$', boundary=None)"),
        ("mass_ratio", "bilby.gw.prior.UniformInComponentsMassRatio(minimum=0.125, maximum=1.0, name='mass_ratio', "
                       "latex_label='$q$', unit=None, boundary=None, equal_mass=False)"),
        ("a_1", "Uniform(minimum=0, maximum=0.99, name='a_1', latex_label='$a_1$', unit=None, boundary=None)"),
        ("a_2", "Uniform(minimum=0, maximum=0.99, name='a_2', latex_label='$a_2$', unit=None, boundary=None)"),
        ("tilt_1", "Sine(minimum=0, maximum=3.141592653589793, name='tilt_1', latex_label='$\\\\theta_1$', "
                   "unit=None, boundary=None)"),
        ("tilt_2", "Sine(minimum=0, maximum=3.141592653589793, name='tilt_2', latex_label='$\\\\theta_2$', "
                   "unit=None, boundary=None)"),
        ("phi_12", "Uniform(minimum=0, maximum=6.283185307179586, name='phi_12', latex_label='$\\\\Delta\\\\phi$', "
                   "unit=None, boundary='periodic')"),
        ("phi_jl", "Uniform(minimum=0, maximum=6.283185307179586, name='phi_jl', latex_label='$\\\\phi_{JL}$', "
                   "unit=None, boundary='periodic')"),
        ("dec", "Cosine(minimum=-1.5707963267948966, maximum=1.5707963267948966, name='dec', "
                "latex_label='$\\\\mathrm{DEC}$', unit=None, boundary=None)"),
        ("ra", "Uniform(minimum=0, maximum=6.283185307179586, name='ra', latex_label='$\\\\mathrm{RA}$', unit=None, "
               "boundary='periodic')"),
        ("theta_jn", "Sine(minimum=0, maximum=3.141592653589793, name='theta_jn', latex_label='$\\\\theta_{JN}$', "
                     "unit=None, boundary=None)"),
        ("psi", "Uniform(minimum=0, maximum=3.141592653589793, name='psi', latex_label='$\\\\psi$', unit=None, "
                "boundary='periodic')"),
        ("mass_1", "Constraint(minimum=1, maximum=1000, name='mass_1', latex_label='$m_1$', unit=None)"),
        ("mass_2", "Constraint(minimum=1, maximum=1000, name='mass_2', latex_label='$m_2$', unit=None)"),
    ]
    for key, prior in priors:
        bilby.info(f"{key}={prior}")
    for key, peak in (("luminosity_distance", 1200.0), ("geocent_time", 1399473902.413), ("phase", 0.0)):
        bilby.info(f"{key}={peak}")
    bilby.info("Analysis likelihood class: <class 'bilby.gw.likelihood.base.GravitationalWaveTransient'>")
    bilby.info(f"Analysis likelihood noise evidence: {-8234.126318847226}")
    bilby.info(f"Single likelihood evaluation took {0.0031418:.3e} s")
    bilby.info(f"Checkpoint every check_point_delta_t = {600}s")
    bilby.info("Using the bilby-implemented act-walk sampling tracking the autocorrelation function and thinning by "
               f"{2} with maximum length {2 * 5000}")
    bilby.info(f"Using dynesty version {'2.1.5'}")
    bilby.info(f"Resume file {outdir}/{label}_resume.pickle does not exist.")
    bilby.info("Generating initial points from the prior")
    progress = [(1204, 8021, 0.91, -9123.44, "-9131.02 +/- 0.27", 4471.06), (4532, 61207, 0.17, -8190.11,
                "-8267.83 +/- 0.12", 301.44), (9211, 188340, 0.05, -8102.93, "-8112.40 +/- 0.15", 14.92),
                (13877, 402117, 0.02, -8096.50, "-8101.61 +/- 0.15", 0.33)]
    for i, (it, ncall, eff, logl, logz, dlogz) in enumerate(progress):
        printed(stream, f"{it}it [{17 * (i + 1):02d}:{(13 * i) % 60:02d}, {it / (60 * 17 * (i + 1)):.2f}it/s bound:"
                        f"{it // 90} nc:{ncall // max(it, 1):3d} ncall:{ncall:.1e} eff:{eff:.1%} logz-ratio={logz} "
                        f"dlogz:{dlogz:.3f}>0.1]")
        bilby.info(f"Written checkpoint file {outdir}/{label}_resume.pickle")
    # The scratch volume filled up under the last checkpoint.
    bilby.warning("Cannot write pickle resume file! "
                  "Job will not resume if interrupted.")
    bilby.info(f"Rejection sampling nested samples to obtain {4321} posterior samples")
    bilby.info(f"Sampling time: {'1:42:13.512345'}")
    bilby.info("Summary of results:\n{}".format("nsamples: {:d}\n"
                                               "ln_noise_evidence: {:6.3f}\n"
                                               "ln_evidence: {:6.3f} +/- {:6.3f}\n"
                                               "ln_bayes_factor: {:6.3f} +/- {:6.3f}\n"
                                               .format(4321, -8234.126, -8101.453, 0.152, 132.673, 0.152)))
    for key in ("chirp_mass", "mass_ratio", "luminosity_distance", "theta_jn"):
        bilby.info('Plotting {} marginal distribution'.format(key))

    def plot_corner():
        def savefig():
            raise OSError(28, "No space left on device")
        savefig()
    uncaught(stream, plot_corner)
    return {"name": "pycbc-bilby", "programs": [pc, bb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A device-attestation host on EC2 (the CloudWatch agent ships the journal):
# Keylime's registrar and verifier (pull mode, the default logging.conf)
# attest a fleet of edge gateways' TPM quotes and IMA logs, and django-ca
# (LOG_LEVEL = "INFO" in its settings; its uWSGI app and Celery worker share
# the format) issues the gateways' certificates over ACME once they are
# attested. systemd's unit lines are print lines.

AGENTS = ["d432fbb3-d2f1-4a97-9ef7-75bd81c00000", "5b9f7c1e-8a3d-4e62-b0f4-2c7d9e1a3b01",
          "9e2a4c6b-1f3d-4a5e-8b7c-0d2e4f6a8b02", "c1d3e5f7-a9b0-4c2d-8e4f-6a8b0c2d4e03",
          "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2904", "2a4c6e8f-0b1d-4f3a-9c5e-7b9d1f3a5c05"]
IPS = ["10.40.%d.%d" % (3 + i // 3, 21 + i) for i in range(6)]


def stream_keylime_django_ca():
    stream = []
    kl = Program("keylime", "keylime.verifier", logging.Formatter(KEYLIME, KEYLIME_DATEFMT), stream)
    reqid = RequestID()
    kl.handler.addFilter(reqid)
    ca = Program("django-ca", "django_ca.tasks", logging.Formatter(DJANGO_CA), stream)
    verifier = lg(kl, "keylime.verifier")
    registrar = lg(kl, "keylime.registrar")
    web = lg(kl, "keylime.web")
    tpm = lg(kl, "keylime.tpm")
    ima = lg(kl, "keylime.ima")
    notifier = lg(kl, "keylime.revocation_notifier")
    tasks = lg(ca, "django_ca.tasks")
    validation = lg(ca, "django_ca.acme.validation")
    views = lg(ca, "django_ca.views")
    acme_views = lg(ca, "django_ca.acme.views")

    def api_versions(log):
        log.info("Current API version: %s", "2.6")
        log.info("Other supported API versions: " + ", ".join(["1.0", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "3.0"]))
        log.info("Deprecated API versions (soon to be removed): " + ", ".join(["1.0"]))

    def quote_ok(i):
        tpm.info("Checking IMA measurement list on agent: %s", AGENTS[i])
        tpm.info("PCR(s) %s from bank '%s' found in TPM quote for agent '%s'", "0, 1, 2, 3, 4, 5, 6, 7 and 10",
                 "sha256", AGENTS[i])

    def acme(i, slug, token):
        host = "gw-%04d.edge.example.net" % (40 + i)
        account = "pki-bot@example.net"
        validation.info("DNS-01 validation of %s: Expect %s on %s", host, token, "_acme-challenge." + host)
        tasks.info("Order is now valid")
        tasks.info("%s is %s", f"{host} (dns-01)", "valid")
        tasks.info("%s: Issuing certificate for %s", f"{slug} ({account})", ",".join([host]))

    printed(stream, "Started keylime_registrar.service - The Keylime registrar service.")
    registrar.info("Starting Keylime registrar...")
    api_versions(registrar)
    web.info("Listening on %s:%s (%s) with %s worker processes...", "0.0.0.0", "8890/8891", "HTTP/S", 2)
    printed(stream, "Started keylime_verifier.service - The Keylime verifier.")
    verifier.info("Starting Keylime verifier in %s mode...", "PULL")
    api_versions(verifier)
    verifier.info("Initializing shared memory manager in main process before server creation")
    verifier.info("Agent ids in db loaded from file: %s", AGENTS[:4])
    web.info("Listening on %s:%s (%s) with %s worker processes...", "0.0.0.0", "8881", "HTTPS", 2)
    verifier.info("start_multi() called with operating_mode: %s", "pull")
    verifier.info("Querying agents for verifier_id: %s", "default")
    verifier.info("Found %d agents in database before forking", 4)
    for task_id in range(2):
        with pid(2311 + task_id):
            verifier.info("Worker %d assigned %d agent(s)", task_id, 2)
            verifier.info("Activating %d agent(s) for PULL mode", 2)
    for i in range(4):
        quote_ok(i)
    # Two gateways are enrolled: registration, then the tenant's add.
    for i in (4, 5):
        reqid.reqid = "%032x" % (0x5e1f0c2d3b4a59687f8e9d0c1b2a3948 + i)
        registrar.info("EK received for agent '%s'", AGENTS[i])
        reqid.reqid = ""
        verifier.info("POST returning 200 response for adding agent id: %s", AGENTS[i])
        quote_ok(i)
    slugs = ["kT3x9Qw2LmZr", "Vb7nH2pQs8Xe", "Fj4kL9mN2pQr", "Zx8cV6bN4mLk", "Qw3eR5tY7uIo", "As2dF4gH6jKl"]
    tokens = ["Qv1Jk6T0_pXc4mYwZrS8n2Lb5HdFgA7eUoKiNt3RsW", "b8Hn2Ms5Kq0Lr9Vt4Xw7Yz1Ac3Ed6Fg8Hj0Kl2Mn4",
              "Pp5Oo4Ii3Uu2Yy1Tt0Rr9Ee8Ww7Qq6Aa5Ss4Dd3Ff", "Gg2Hh3Jj4Kk5Ll6Zz7Xx8Cc9Vv0Bb1Nn2Mm3Qq4W",
              "Ee5Rr6Tt7Yy8Uu9Ii0Oo1Pp2Aa3Ss4Dd5Ff6Gg7H", "Jj8Kk9Ll0Zz1Xx2Cc3Vv4Bb5Nn6Mm7Qq8Ww9Ee0R"]
    for i in range(6):
        acme(i, slugs[i], tokens[i])
    for round_ in range(3):
        for i in range(6):
            if round_ >= 1 and i == 4:
                continue
            if round_ == 2 and i == 5:
                continue
            quote_ok(i)
        if round_ == 0:
            # Gateway 4 drops off the network (its LTE link is down).
            for n, wait in ((1, 2.0), (2, 4.0), (3, 8.0)):
                verifier.info("Connection to %s refused after %d/%d tries, trying again in %f seconds", IPS[4], n, 3,
                              wait)
            verifier.warning("Agent %s was not reachable for quote in %d tries, setting state to FAILED", AGENTS[4],
                             3)
            notifier.info("Sending revocation event to listening nodes...")
            notifier.info("Sending revocation event via webhook to %s ...",
                          "https://hooks.edge.example.net/keylime/revocation")
        if round_ == 1:
            # Gateway 5 runs a binary the runtime policy doesn't know.
            tpm.info("Checking IMA measurement list on agent: %s", AGENTS[5])
            ima.warning("File not found in allowlist: %s", "/usr/local/bin/xmrig")
            ima.warning("File not found in allowlist: %s", "/tmp/.cache/kworkerd")
            verifier.warning("Agent %s failed, stopping polling", AGENTS[5])
            notifier.info("Sending revocation event to listening nodes...")
            notifier.info("Sending revocation event via webhook to %s ...",
                          "https://hooks.edge.example.net/keylime/revocation")
    # django-ca's OCSP responder and CRLs.
    for serial in ("4E:1A:77:0C:93:2B:5D:E6:0F:A1:3C:88:9D:27:B4:51:6E:0A:C5:12",
                   "1F:0B:9C:7A:55:E2:43:D8:6B:21:0E:F4:97:3A:C1:8D:52:6F:A0:03"):
        views.warning("%s: OCSP request for unknown cert received.", serial)
    views.warning("%s: No cached OCSP response available.",
                  "3A:7F:21:C9:0D:64:BE:18:52:9A:E3:47:0C:D5:81:6B:2F:94:A7:10")

    def generate_crl():
        def sign():
            raised("botocore.exceptions", "ClientError",
                   "An error occurred (AccessDeniedException) when calling the Sign operation: User: "
                   "arn:aws:sts::123456789012:assumed-role/django-ca/i-0a1b2c3d4e5f67890 is not authorized to perform: "
                   "kms:Sign on resource: arn:aws:kms:eu-west-1:123456789012:key/6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9 "
                   "because no identity-based policy allows the kms:Sign action")
        sign()
    try:
        generate_crl()
    except Exception:
        tasks.exception("Error generating CRL for %s", "6B:3E:0A:91:C4:27:58:FD:12:A6:8E:43:D9:70:2C:B5:1F:84:E0:39")
    # A gateway's order whose DNS record never appears.
    host = "gw-%04d.edge.example.net" % 46
    validation.info("DNS-01 validation of %s: Expect %s on %s", host, "Tt9Yy8Uu7Ii6Oo5Pp4Aa3Ss2Dd1Ff0Gg9Hh8Jj7K",
                    "_acme-challenge." + host)

    def resolve():
        raised("dns.resolver", "LifetimeTimeout", "The resolution lifetime expired after 5.402 seconds: Server "
                                                   "Do53:10.40.0.2@53 answered The DNS operation timed out.")
    try:
        resolve()
    except Exception as ex:
        validation.exception(ex)
    tasks.info("%s is %s", f"{host} (dns-01)", "invalid")
    acme_views.info("Deactivating account %s", "Mn8bV6cX4zL2")
    # The verifier's database goes away under a poll.
    for i in (0, 1, 2, 3):
        quote_ok(i)

    def process_agent():
        def commit():
            raised("sqlalchemy.exc", "OperationalError",
                   "(psycopg2.OperationalError) server closed the connection unexpectedly\n"
                   "\tThis probably means the server terminated abnormally\n"
                   "\tbefore or while processing the request.\n"
                   "[SQL: UPDATE verifiermain SET operational_state=%(operational_state)s WHERE "
                   "verifiermain.agent_id = %(verifiermain_agent_id)s]\n"
                   "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
        commit()
    try:
        process_agent()
    except Exception:
        verifier.exception("Polling thread error for agent ID %s", AGENTS[2])
    verifier.critical("Unexpected Get Quote response error for cloud agent %s, Error: %s", AGENTS[3], 500)
    printed(stream, "keylime_verifier.service: Main process exited, code=killed, status=15/TERM")
    printed(stream, "Stopped keylime_verifier.service - The Keylime verifier.")
    printed(stream, "Started keylime_verifier.service - The Keylime verifier.")
    verifier.info("Starting Keylime verifier in %s mode...", "PULL")
    api_versions(verifier)
    return {"name": "keylime-django-ca", "programs": [kl, ca], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A university makerspace's print farm (a Raspberry Pi beside each printer;
# the CloudWatch agent ships the journal): Moonraker, the API server in
# front of Klipper, reports the filament each job uses to Spoolman, the
# filament inventory service on the same Pi (uvicorn's records go through
# Spoolman's handler). Moonraker's "Application Info" block, written to
# stdout before its logging starts, and systemd's lines are print lines.

MOONRAKER_SRC = "/home/pi/moonraker/moonraker/"
PI = "printfarm-pi-03"


def stream_moonraker_spoolman():
    stream = []
    mr = Program("moonraker", "root", logging.Formatter(MOONRAKER), stream)
    sp = Program("spoolman", "spoolman.main", logging.Formatter(SPOOLMAN), stream)
    mroot = lg(mr, "root")
    access = lg(mr, "tornado.access")
    main = lg(sp, "spoolman.main")
    database = lg(sp, "spoolman.database.database")
    externaldb = lg(sp, "spoolman.externaldb")
    ws = lg(sp, "spoolman.ws")
    spool_api = lg(sp, "spoolman.api.v1.spool")
    uv = lg(sp, "uvicorn.error")
    uv_access = lg(sp, "uvicorn.access")
    migration = lg(sp, "alembic.runtime.migration")

    def m(where, func, msg, level=logging.INFO, exc=None, log=None):
        path, line = where.rsplit(":", 1)
        at(log or mroot, level, MOONRAKER_SRC + path, int(line), func, msg, exc=exc)

    def put_use(spool, status=200):
        uv_access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:53422", "PUT", f"/api/v1/spool/{spool}/use", "1.1",
                       status)

    def uvicorn_start(proc):
        uv.info("Started server process [%d]", proc,
                extra={"color_message": "Started server process [" + "\x1b[36m%d\x1b[0m" + "]"})
        uv.info("Waiting for application startup.")
        main.info("Starting Spoolman v%s (commit: %s) (built: %s)", "0.26.1", "f3872031", "2026-08-22T09:12:44Z")
        main.info("Using data directory: %s", "/home/pi/.local/share/spoolman")
        main.info("Using logs directory: %s", "/home/pi/.local/share/spoolman")
        main.info("Using backups directory: %s", "/home/pi/.local/share/spoolman/backups")
        main.info("Setting up database...")
        database.info('Using SQLite database located at "%s"', "/home/pi/.local/share/spoolman/spoolman.db")
        main.info("Performing migrations...")
        migration.info("Context impl SQLiteImpl.")
        migration.info("Will assume non-transactional DDL.")
        database.info("Scheduling automatic database backup for midnight.")
        externaldb.info("Scheduling external DB sync.")
        main.info("Startup complete.")
        uv.info("Application startup complete.")
        uv.info("Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 7912,
                extra={"color_message": "Uvicorn running on " + "\x1b[1m%s://%s:%d\x1b[0m" + " (Press CTRL+C to quit)"})

    printed(stream, "Started spoolman.service - Spoolman.")
    uvicorn_start(1187)
    externaldb.info("Syncing external DB.")
    externaldb.info("External DB synced. Filaments: %d, Materials: %d", 6124, 43)
    printed(stream, "Started moonraker.service - API Server for Klipper SV1.")
    printed(stream, "Application Info:")
    for line in ("platform: Linux-6.6.31+rpt-rpi-v8-aarch64-with-glibc2.36", "data_path: /home/pi/printer_data",
                 "is_default_data_path: False", "config_file: /home/pi/printer_data/config/moonraker.conf",
                 "backup_config: /home/pi/printer_data/config/.moonraker.conf.bkp",
                 "startup_warnings: []", "verbose: False", "debug: False", "asyncio_debug: False",
                 "is_backup_config: False", "is_python_package: False",
                 "instance_uuid: 3f2a9c1e5b7d4e8f9a0b1c2d3e4f5a6b",
                 "unix_socket_path: /home/pi/printer_data/comms/moonraker.sock", "software_version: v0.10.0",
                 "git_branch: master", "git_remote: origin", "git_repo_url: https://github.com/Arksine/moonraker.git",
                 "modified_files: []", "unofficial_components: []",
                 "log_file: /home/pi/printer_data/logs/moonraker.log", "python_version: 3.11.2 (main, Mar 13 2023, "
                 "12:18:29) [GCC 12.2.0]", "launch_args: /home/pi/moonraker-env/bin/python "
                 "/home/pi/moonraker/moonraker/moonraker.py -d /home/pi/printer_data",
                 "structured_logging: False", "msgspec_enabled: True", "uvloop_enabled: True"):
        printed(stream, line)
    m("components/application.py:234", "__init__", f"Detected Tornado Version {'6.4.2'}")
    for name in ("secrets", "template", "klippy_connection", "application", "websockets", "internal_transport",
                 "dbus_manager", "database", "file_manager", "authorization", "klippy_apis", "shell_command",
                 "machine", "data_store", "proc_stats", "job_state", "job_queue", "history", "announcements",
                 "webcam", "extensions", "spoolman", "update_manager"):
        m("server.py:332", "load_component", f"Component ({name}) loaded")
        if name == "machine":
            m("components/machine.py:122", "__init__", f"Using System Provider: {'systemd_dbus'}")
            m("components/machine.py:1035", "check_virt_status", "No Virtualization Detected")
        if name == "file_manager":
            m("components/file_manager/file_manager.py:100", "__init__", f"Using File System Observer: {'inotify'}")
        if name == "authorization":
            m("components/authorization.py:221", "__init__",
              "Authorization Configuration Loaded\nTrusted Clients:\n10.20.0.0/16\n127.0.0.0/8\nCORS Domains:\n"
              "*://printfarm.makerspace.example.edu\n*://*.lan")
    m("server.py:219", "start_server", f"Starting Moonraker on (0.0.0.0, 7125), Hostname: {PI}")
    for name in ("klippy_connection", "database", "file_manager", "machine", "job_queue", "spoolman",
                 "update_manager"):
        m("server.py:256", "_initialize_component", f"Performing Component Post Init: [{name}]")
    m("components/spoolman.py:131", "_connect_websocket", f"Connecting To Spoolman: {'ws://127.0.0.1:7912/api/v1/'}")
    ws.info("Client %s is now listening on pool %s", "127.0.0.1", ",".join([]))
    m("components/machine.py:786", "_find_public_ip", f"Detected Local IP: {'10.20.3.103'}")
    m("components/klippy_connection.py:314", "_do_connect", "Klippy Connection Established")
    m("components/klippy_connection.py:405", "_request_initial_subscriptions", "Webhooks Subscribed")
    m("components/klippy_connection.py:413", "_request_initial_subscriptions", "GCode Output Subscribed")
    m("components/klippy_connection.py:483", "_check_ready", "Klippy ready")
    m("components/job_state.py:55", "_handle_started", f"Job state initialized: {'standby'}")
    m("components/spoolman.py:230", "_check_spool_deleted", f"Found Spool ID {14} on spoolman instance")
    uid = 548127360
    m("components/websockets.py:265", "open",
      f"Websocket Opened: ID: {uid}, Proxied: True, User Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
      f"(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36, Host Name: {PI}.lan")
    m("components/websockets.py:120", "_handle_identify",
      f"Websocket {uid} Client Identified - Name: mainsail, Version: 2.11.2, Type: web")
    uv_access.info('%s - "%s %s HTTP/%s" %d', "10.20.4.17:51234", "GET", "/api/v1/spool?allow_archived=false", "1.1",
                   200)
    uv_access.info('%s - "%s %s HTTP/%s" %d', "10.20.4.17:51234", "GET", "/api/v1/filament", "1.1", 200)
    # The operator sets the spool and starts a job.
    m("components/spoolman.py:294", "set_active_spool", f"Setting active spool to: {14}")
    m("components/job_state.py:115", "_send_job_event", f"Job Started: {'bracket_v3_PETG_0.2mm_1h42m.gcode'}")
    for n in range(14):
        put_use(14)
        if n == 5:
            m("components/application.py:168", "log_request",
              f"404 GET /server/files/metadata?filename=bracket_v2_PETG.gcode (10.20.4.17) [No User] {3.21:.2f}ms",
              level=logging.WARNING, log=access)
            m("components/application.py:949", "prepare",
              f"Upload Request Received from {'10.20.4.17'}\n"
              f"Content-Type: {'multipart/form-data; boundary=----WebKitFormBoundaryq3Xb2Zk8'}")
            m("components/application.py:1016", "post", f"Processing Uploaded File: {'hinge_cap_PLA_0.16mm_38m.gcode'}")
        if n == 9:
            uv_access.info('%s - "%s %s HTTP/%s" %d', "10.20.4.17:51240", "PATCH", "/api/v1/spool/14", "1.1", 200)
    # The spool it was set to was archived and deleted from the web UI.
    m("components/spoolman.py:294", "set_active_spool", f"Setting active spool to: {9}")
    put_use(9, 404)
    m("components/spoolman.py:319", "report_extrusion", f"Spool ID {9} not found, setting to None")
    m("components/spoolman.py:294", "set_active_spool", f"Setting active spool to: {21}")

    def spool_use():
        def execute():
            raised("sqlalchemy.exc", "OperationalError",
                   "(sqlite3.OperationalError) database is locked\n"
                   "[SQL: UPDATE spool SET used_weight=? WHERE spool.id = ?]\n"
                   "[parameters: (412.83, 21)]\n"
                   "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
        execute()
    for n in range(8):
        if n == 3:
            try:
                spool_use()
            except Exception:
                spool_api.exception("Failed to update spool.")
            put_use(21, 500)
            m("components/spoolman.py:325", "report_extrusion",
              f"Failed to update extrusion for spool id {21}, received {'Internal Server Error'}")
        else:
            put_use(21)
    # Klipper's MCU shuts down mid-print.
    m("components/klippy_connection.py:591", "_process_status_update", "Klippy has shutdown")
    m("components/klippy_connection.py:465", "_check_ready",
      "\n" + "MCU 'mcu' shutdown: Timer too close\nThis often indicates the host computer is overloaded. Check\n"
             "for other processes consuming excessive CPU time, high swap\nusage, disk errors, overheating, unstable\n"
             "voltage, or similar system problems on the host computer.\nOnce the underlying issue is corrected, use "
             "the\n\"FIRMWARE_RESTART\" command to reset the firmware, reload the\nconfig, and restart the host "
             "software.\nPrinter is shutdown")
    m("components/websockets.py:288", "on_close",
      f"Websocket Closed: ID: {uid} Close Code: {1001}, Close Reason: {None}, Pong Time Elapsed: {0.41:.2f}")
    # The nightly backup, then an upgrade restarts Spoolman under Moonraker.
    database.info("Performing scheduled database backup.")
    database.info("Backing up SQLite database to %s", "/home/pi/.local/share/spoolman/backups/spoolman.db")
    for done in (100, 200, 213):
        database.info("Copied %d of %d pages.", done, 213)
    database.info("Backup complete.")
    database.info("Deleting oldest backup %s", "/home/pi/.local/share/spoolman/backups/spoolman.db.5")
    printed(stream, "Stopping spoolman.service - Spoolman...")
    uv.info("Shutting down")
    m("components/spoolman.py:192", "_read_messages",
      f"Spoolman Disconnected - Code: {1012}, Reason: {'None'}, Server Ping Time Elapsed: {29.87}")
    uv.info("Waiting for application shutdown.")
    uv.info("Application shutdown complete.")
    uv.info("Finished server process [%d]", 1187,
            extra={"color_message": "Finished server process [" + "\x1b[36m%d\x1b[0m" + "]"})
    printed(stream, "spoolman.service: Deactivated successfully.")
    m("components/spoolman.py:131", "_connect_websocket", f"Connecting To Spoolman: {'ws://127.0.0.1:7912/api/v1/'}")

    def connect():
        def ws_connect():
            raise ConnectionRefusedError(111, "Connection refused")
        ws_connect()
    try:
        connect()
    except Exception:
        m("components/spoolman.py:154", "_connect_websocket", "Failed to connect to Spoolman", level=logging.ERROR,
          exc=True)
    printed(stream, "Started spoolman.service - Spoolman.")
    uvicorn_start(2291)
    m("components/spoolman.py:131", "_connect_websocket", f"Connecting To Spoolman: {'ws://127.0.0.1:7912/api/v1/'}")
    ws.info("Client %s is now listening on pool %s", "127.0.0.1", ",".join([]))
    m("components/spoolman.py:230", "_check_spool_deleted", f"Found Spool ID {21} on spoolman instance")
    return {"name": "moonraker-spoolman", "programs": [mr, sp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Copr build system's backend host on EC2: resalloc-server keeps pools of
# EC2 builders (on-demand and spot, x86_64 and aarch64) warm, and
# copr-backend's build workers take them to run copr-rpmbuild. The
# CloudWatch agent ships resalloc's main.log and copr-backend's worker.log
# into the instance's one stream (both files' collect_list entries name the
# same log_stream_name). copr-backend's records reach worker.log through
# Redis: each worker publishes the record with its message formatted and a
# traceback appended, and the log daemon writes it with its `who` set.

COPR_SRC = "/usr/lib/python3.13/site-packages/copr_backend/background_worker_build.py"
FE = "https://copr.fedorainfracloud.org"


def stream_copr_resalloc():
    stream = []
    cb = Program("copr-backend", "copr-backend", logging.Formatter(COPR_BACKEND), stream)
    cb.handler.addFilter(RedisRelayed("worker"))
    ra = Program("resalloc", "resallocserver", logging.Formatter(RESALLOC), stream)
    ra_thread = Set(thread=140188391651136, threadName="MainThread")
    ra.handler.addFilter(ra_thread)
    server = lg(ra, "resallocserver")
    rworker = lg(ra, "resallocserver.worker")
    workers = {}
    idents = {"MainThread": 140188391651136, "Thread-2": 140188232705728}

    def r(thread, level, msg, *args, log=None):
        if thread not in idents:
            idents[thread] = 140188100000000 + 8392704 * len(idents)
        ra_thread.values.update(thread=idents[thread], threadName=thread)
        with pid(1024):
            (log or server).log(level, msg, *args)

    def alloc(res_id, name, pool, in_pool):
        thread = f"Allocator-{res_id}"
        idents[thread] = 140188100000000 + 8392704 * len(idents)
        r(thread, logging.INFO, "Allocating %s (#%s in pool '%s') TID=%s", name, in_pool, pool, idents[thread],
          log=rworker)
        r(thread, logging.INFO, "Allocating %s finished => %s", name, "UP", log=rworker)

    def w(proc, line, func, msg, *args, level=logging.INFO, exc=None):
        if proc not in workers:
            workers[proc] = lg(cb, f"/usr/bin/copr-backend-process-build.managed.pid-{proc}")
        with pid(proc):
            at(workers[proc], level, COPR_SRC, line, func, msg, *args, exc=exc)

    def job(build_id, chroot, owner, project, pkg, version, status):
        return {"builds": [{"build_id": build_id, "chroot": chroot, "status": status, "project_owner": owner,
                            "project_name": project, "pkg_name": pkg, "pkg_version": version,
                            "result_dir": f"{build_id:08d}-{pkg}", "started_on": 1715438690,
                            "ended_on": None if status == 3 else 1715439003, "timeout": 18000,
                            "destdir": f"/var/lib/copr/public_html/results/{owner}/{project}", "id": build_id,
                            "task_id": f"{build_id}-{chroot}"}]}

    def build(proc, build_id, chroot, owner, project, pkg, version, host, ticket, name, ok=True, retry=None):
        w(proc, 230, "_mark_starting", "Marking build as starting")
        w(proc, 493, "_alloc_host", "VM allocation process starts")
        tags = ["copr_builder", "arch_" + chroot.rsplit("-", 1)[1]]
        w(proc, 497, "_alloc_host", "Trying to allocate VM: %s", f"ResallocHost, requested_tags={tags}")
        if retry:
            rhost, rticket, rname = retry
            w(proc, 509, "_alloc_host", "Allocated host %s",
              f"ResallocHost, ticket_id={rticket}, hostname={rhost}, name={rname}, requested_tags={tags}")
            w(proc, 516, "_alloc_ssh_connection", "Allocating ssh connection to builder")
            w(proc, 251, "_check_vm", "Checking that builder machine is OK")
            w(proc, 240, "_check_copr_builder", "Installed copr-rpmbuild version: %s", "1.4\n".strip())
            w(proc, 260, "_check_vm", "Running remote command: %s", "copr-builder-ready " + chroot)
            w(proc, 263, "_check_vm", "")
            w(proc, 265, "_check_vm", "copr-builder-ready: /var/lib/copr-rpmbuild is not writable\n")
            w(proc, 1107, "retry_the_build", "Re-try request for task on '%s': %s",
              f"ResallocHost, ticket_id={rticket}, hostname={rhost}, name={rname}, requested_tags={tags}",
              "Builder wasn't ready, trying a new one", level=logging.ERROR)
            w(proc, 422, "_drop_host", "VM Release request")
            w(proc, 1113, "retry_the_build", "Retry #%s (on other host)", 1)
            w(proc, 493, "_alloc_host", "VM allocation process starts")
            w(proc, 497, "_alloc_host", "Trying to allocate VM: %s", f"ResallocHost, requested_tags={tags}")
        info = f"ResallocHost, ticket_id={ticket}, hostname={host}, name={name}, requested_tags={tags}"
        w(proc, 509, "_alloc_host", "Allocated host %s", info)
        w(proc, 516, "_alloc_ssh_connection", "Allocating ssh connection to builder")
        w(proc, 251, "_check_vm", "Checking that builder machine is OK")
        w(proc, 240, "_check_copr_builder", "Installed copr-rpmbuild version: %s", "1.4")
        w(proc, 260, "_check_vm", "Running remote command: %s", "copr-builder-ready " + chroot)
        w(proc, 263, "_check_vm", "")
        w(proc, 274, "_fill_build_info_file", "Filling build.info file with builder info")
        w(proc, 287, "_update_frontend_task", "Sending build state back to frontend: %s",
          json.dumps(job(build_id, chroot, owner, project, pkg, version, 3), indent=4))
        task_url = f"{FE}/backend/get-build-task/{build_id}-{chroot}"
        w(proc, 556, "_start_remote_build", "Starting remote build: %s",
          f"copr-rpmbuild --verbose --drop-resultdir --task-url {task_url} --chroot {chroot} --detached")
        w(proc, 561, "_start_remote_build", "The copr-rpmbuild seems started, per:\nstdout: %s\nstderr: %s\n",
          "Started as PID 2231\n", "")
        w(proc, 585, "_retry_for_ssh_failures", "Downloading the builder-live.log file, attempt %s", 1)
        w(proc, 682, "_download_results", "Downloading results from builder")
        w(proc, 422, "_drop_host", "VM Release request")
        w(proc, 729, "_check_build_success", "Searching for 'success' file in resultdir")
        if not ok:
            try:
                raise type("BackendError", (Exception,), {"__module__": "copr_backend.exceptions",
                                                          "__str__": lambda self: "Backend process error: No success "
                                                                                  "file => build failure"})()
            except Exception as ex:
                w(proc, 1083, "build", "Build failed: %s", ex, level=logging.ERROR)
                w(proc, 1087, "build", "Finished build: id=%s failed=%s timeout=%s destdir=%s chroot=%s ", build_id,
                  True, 18000, f"/var/lib/copr/public_html/results/{owner}/{project}", chroot)
                w(proc, 1129, "handle_task", str(ex), level=logging.ERROR)
            w(proc, 322, "_mark_finished", "Worker %s build, took %s", "failed", 187.3)
            w(proc, 287, "_update_frontend_task", "Sending build state back to frontend: %s",
              json.dumps(job(build_id, chroot, owner, project, pkg, version, 0), indent=4))
            for log in ("builder-live.log", "backend.log"):
                w(proc, 667, "_compress_logs", "Compressing %s by gzip",
                  f"/var/lib/copr/public_html/results/{owner}/{project}/{chroot}/{build_id:08d}-{pkg}/{log}")
            return
        w(proc, 746, "_sign_built_packages", "Going to sign pkgs from source: %s in chroot: %s",
          f"{build_id}-{chroot}", f"/var/lib/copr/public_html/results/{owner}/{project}/{chroot}")
        w(proc, 758, "_sign_built_packages", "Sign done")
        w(proc, 798, "_collect_built_packages", "Listing built binary packages in %s",
          f"/var/lib/copr/public_html/results/{owner}/{project}/{chroot}/{build_id:08d}-{pkg}")
        w(proc, 812, "_collect_built_packages", "Built packages:\n%s",
          [f"{pkg} {version}", f"{pkg}-debuginfo {version}", f"{pkg}-debugsource {version}"])
        w(proc, 821, "_get_build_details", "Getting build details")
        w(proc, 829, "_get_build_details", "build details: %s", {"built_packages": f"{pkg} {version}\n"
                                                                                     f"{pkg}-debuginfo {version}"})
        w(proc, 846, "_add_pubkey", "Retrieving pubkey")
        w(proc, 857, "_add_pubkey", "Added pubkey for user %s project %s into: %s", owner, project,
          f"/var/lib/copr/public_html/results/{owner}/{project}/pubkey.gpg")
        w(proc, 1087, "build", "Finished build: id=%s failed=%s timeout=%s destdir=%s chroot=%s ", build_id, False,
          18000, f"/var/lib/copr/public_html/results/{owner}/{project}", chroot)
        w(proc, 322, "_mark_finished", "Worker %s build, took %s", "succeeded", 312.7)
        w(proc, 287, "_update_frontend_task", "Sending build state back to frontend: %s",
          json.dumps(job(build_id, chroot, owner, project, pkg, version, 1), indent=4))
        for log in ("builder-live.log", "backend.log"):
            w(proc, 667, "_compress_logs", "Compressing %s by gzip",
              f"/var/lib/copr/public_html/results/{owner}/{project}/{chroot}/{build_id:08d}-{pkg}/{log}")

    # resalloc keeps the pools filled.
    r("MainThread", logging.INFO, "Manager's loop.")
    pools = [("aws_x86_64_normal_prod", 19871), ("aws_aarch64_normal_prod", 19872), ("aws_x86_64_spot_prod", 19873),
             ("aws_aarch64_spot_prod", 19874)]
    names = {}
    for n, (pool, res_id) in enumerate(pools):
        names[res_id] = f"{pool}_{res_id:08d}_20240511_1444{30 + n:02d}"
        alloc(res_id, names[res_id], pool, 3 + n)
    r("Thread-2", logging.INFO, "Watcher loop")
    r("MainThread", logging.INFO, "Manager's loop.")
    r("MainThread", logging.INFO, "Assigning %s to %s", names[19871], 881204)
    r("MainThread", logging.INFO, "Assigning %s to %s", names[19872], 881205)
    build(412631, 7421337, "fedora-40-x86_64", "@python", "python3.13", "python-httpx", "0.27.0-1.fc40",
          "ec2-3-91-44-120.compute-1.amazonaws.com", 881204, names[19871])
    r("MainThread", logging.INFO, "Manager's loop.")
    r("Releaser-19871", logging.INFO, "Releasing %s", names[19871], log=rworker)
    r("Releaser-19871", logging.INFO, "Releasing %s finished", names[19871], log=rworker)
    r("Thread-2", logging.INFO, "Watcher loop")
    # A spot builder comes up broken: its livecheck fails.
    for count in (1, 2, 3):
        r("Thread-2", logging.INFO, "Check %s fail count %d", 19873, count)
        r("MainThread", logging.INFO, "Manager's loop.")
    r("MainThread", logging.WARNING, "Requesting %s removal for continuous failures", names[19873])
    r("Terminator-19873", logging.INFO, "Terminating %s started", names[19873], log=rworker)
    r("Terminator-19873", logging.INFO, "Terminating %s finished", names[19873], log=rworker)
    r("MainThread", logging.INFO, "Assigning %s to %s", names[19874], 881206)
    names[19875] = f"aws_x86_64_spot_prod_{19875:08d}_20240511_145102"
    alloc(19875, names[19875], "aws_x86_64_spot_prod", 7)
    r("MainThread", logging.INFO, "Assigning %s to %s", names[19875], 881207)
    build(412687, 7421340, "fedora-rawhide-x86_64", "frostyx", "copr-cli-devel", "copr-cli", "2.1-1.fc42",
          "ec2-54-172-9-18.compute-1.amazonaws.com", 881207, names[19875],
          retry=("ec2-3-80-12-201.compute-1.amazonaws.com", 881206, names[19874]))
    build(412702, 7421338, "fedora-40-aarch64", "@python", "python3.13", "python-httpx", "0.27.0-1.fc40",
          "ec2-18-207-33-51.compute-1.amazonaws.com", 881205, names[19872], ok=False)
    r("MainThread", logging.INFO, "Manager's loop.")
    for res_id in (19872, 19875):
        r(f"Releaser-{res_id}", logging.INFO, "Releasing %s", names[res_id], log=rworker)
        r(f"Releaser-{res_id}", logging.INFO, "Releasing %s finished", names[res_id], log=rworker)
    # The release hook of the broken spot builder fails.
    r("Releaser-19874", logging.INFO, "Releasing %s", names[19874], log=rworker)
    r("Releaser-19874", logging.ERROR, "Releasing worker failed: pool=%s name=%s cmd=%s", "aws_aarch64_spot_prod",
      names[19874], "/var/lib/resallocserver/resalloc_provision/vm-release", log=rworker)
    names[19876] = f"aws_aarch64_spot_prod_{19876:08d}_20240511_145240"

    def job_():
        def run_command():
            raised("subprocess", "TimeoutExpired", "Command '/var/lib/resallocserver/resalloc_provision/vm-aws-new "
                                                   "--arch aarch64 --spot-price 0.0642' timed out after 600 seconds")
        run_command()
    ra_thread.values.update(thread=140187951519424, threadName="Allocator-19876")
    try:
        job_()
    except Exception:
        with pid(1024):
            rworker.exception("Worker exception, pool=%s resource=%s", "aws_aarch64_spot_prod", 19876)
    # A worker loses the SSH channel to its builder mid-build.
    w(412744, 230, "_mark_starting", "Marking build as starting")
    w(412744, 493, "_alloc_host", "VM allocation process starts")

    def handle_build():
        def retry_the_build():
            raised("paramiko.ssh_exception", "SSHException", "Error reading SSH protocol banner[Errno 104] "
                                                             "Connection reset by peer")
        retry_the_build()
    try:
        handle_build()
    except Exception:
        w(412744, 1133, "handle_task", "Unexpected exception", level=logging.ERROR, exc=True)
    w(412744, 422, "_drop_host", "VM Release request")
    w(412744, 318, "_mark_finished", "Switching not-finished job state to 'failed'", level=logging.WARNING)
    w(412744, 322, "_mark_finished", "Worker %s build, took %s", "failed", 4.2)
    r("Thread-2", logging.INFO, "Watcher loop")
    r("MainThread", logging.INFO, "Manager's loop.")
    return {"name": "copr-resalloc", "programs": [cb, ra], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An Earth-observation job on AWS Batch (its container's log stream): a
# script searches Element 84's Earth Search for the night's Sentinel-2 L1C
# tiles over a catchment with eodag (setup_logging(2)), which builds each
# SAFE product from the requester-pays bucket, and makes true-colour
# GeoTIFFs with Satpy, whose debug_on() puts a DEBUG handler on the root.
# eodag's logger propagates: each of its records is printed twice, once by
# its own handler and once by Satpy's on the root, in that order. The
# libraries' records under the root (urllib3, botocore) take Satpy's
# format. tqdm's progress bars, Python's warnings and the shell's lines are
# print lines.

TILES = ["S2B_MSIL1C_20240510T104619_N0510_R051_T31UFU_20240510T125119",
         "S2B_MSIL1C_20240510T104619_N0510_R051_T31UGU_20240510T125119",
         "S2B_MSIL1C_20240510T104619_N0510_R051_T31UFT_20240510T125119"]
OUT = "/data/s2"
READER = "/usr/local/lib/python3.12/site-packages/satpy/etc/readers/msi_safe.yaml"


def stream_eodag_satpy():
    stream = []
    ed = Program("eodag", "eodag.core", logging.Formatter(EODAG), stream)
    st = Program("satpy", "satpy.scene", logging.Formatter(SATPY, SATPY_DATEFMT), stream)

    def eodag(name):
        log = lg(ed, name)
        log.setLevel(logging.INFO)
        log.addHandler(st.handler)
        return log

    core = eodag("eodag.core")
    qssearch = eodag("eodag.search.qssearch")
    dl_base = eodag("eodag.download.base")
    dl_aws = eodag("eodag.download.aws")
    product = eodag("eodag.product")
    yaml_reader = lg(st, "satpy.readers.core.yaml_reader")
    msi = lg(st, "satpy.readers.msi_safe")
    config_loader = lg(st, "satpy.composites.config_loader")
    scene = lg(st, "satpy.scene")
    resample = lg(st, "satpy.resample.base")
    writers = lg(st, "satpy.writers.core.base")
    urllib3 = lg(st, "urllib3.connectionpool")
    creds = lg(st, "botocore.credentials")

    def bar(what, total, unit="B"):
        printed(stream, "\r".join(f"{what}: {p:3d}%|{'█' * (p // 10):<10}| {v}/{total} [{t}<{r}, {s}]"
                                  for p, v, t, r, s in ((0, "0.00", "00:00", "?", "?" + unit + "/s"),
                                                        (41, "297M", "00:09", "00:13", "33.1M" + unit + "/s"),
                                                        (100, total, "00:21", "00:00", "34.0M" + unit + "/s"))))

    printed(stream, "+ python /opt/pipeline/s2_truecolor.py --date 2024-05-10 --aoi /opt/pipeline/aoi/meuse.geojson "
                    f"--out {OUT}")
    for method in ("env", "assume-role", "assume-role-with-web-identity", "sso", "shared-credentials-file",
                   "custom-process", "config-file", "ec2-credentials-file", "boto-config", "container-role"):
        creds.debug("Looking for credentials via: %s", method)
    for provider in ("cop_dataspace", "creodias_s3", "geodes_s3", "onda", "usgs", "wekeo_main"):
        core.info("%s: provider needing auth for search has been pruned because no credentials could be found",
                  provider)
    core.info("%s: provider has been pruned because no api or search plugin could be found", "meteoblue")
    url = "https://earth-search.aws.element84.com/v1/search"
    qssearch.info("Sending search request: {}".format(url))
    urllib3.debug("Starting new HTTPS connection (%d): %s:%s", 1, "earth-search.aws.element84.com", 443)
    urllib3.debug('%s://%s:%s "%s %s %s" %s %s', "https", "earth-search.aws.element84.com", 443, "POST", "/v1/search",
                  "HTTP/1.1", 200, 48211)
    core.info("Found %s result(s) on provider '%s'", 3, "earth_search")
    for n, tile in enumerate(TILES):
        dl_base.info(f"Download url: {'s3://sentinel-s2-l1c/tiles/31/U/' + tile[42:44] + '/2024/5/10/0'}")
        dl_aws.info("Fetching extra metadata from %s" % f"https://roda.sentinel-hub.com/sentinel-s2-l1c/tiles/31/U/"
                                                         f"{tile[42:44]}/2024/5/10/0/productInfo.json")
        urllib3.debug("Starting new HTTPS connection (%d): %s:%s", 1, "sentinel-s2-l1c.s3.eu-central-1.amazonaws.com",
                      443)
        if n == 2:
            # The third tile's granule was reprocessed overnight: its keys are gone.
            dl_aws.warning("Unexpected error: %s" % "An error occurred (NoSuchKey) when calling the GetObject "
                                                     "operation: The specified key does not exist.")
            try:
                def finalize():
                    raised("eodag.utils.exceptions", "DownloadError",
                           f"Could not finalize SAFE product from downloaded data for {tile}")
                finalize()
            except Exception:
                dl_base.error(f"A problem occurred during download of product: EOProduct(id={tile}, "
                              f"provider=earth_search). Skipping it")
            continue
        bar(tile, "721M")
        dl_base.info("Extraction not activated. The product is available as is.")
        product.info("Remote location of the product is still available through its "
                     "'remote_location' property: %s", f"s3://sentinel-s2-l1c/tiles/31/U/{tile[42:44]}/2024/5/10/0")
    dl_base.warning(f"{1} products could not be downloaded: " + str([TILES[2]]))
    printed(stream, "/usr/local/lib/python3.12/site-packages/satpy/readers/core/yaml_reader.py:585: UserWarning: "
                    "No 'start_time' in tile metadata, using granule sensing time")
    printed(stream, "  warnings.warn(msg, stacklevel=4)")
    for tile in TILES[:2]:
        safe = f"{OUT}/{tile}.SAFE"
        yaml_reader.debug("Reading %s", str([READER]))
        for kind in ("granule_metadata", "safe_tile_metadata", "safe_datatake_metadata"):
            yaml_reader.debug("Assigning to %s: %s", "msi_safe", [f"{safe}/GRANULE/L1C_T{tile[39:44]}_A037512_"
                                                                   f"20240510T104613/MTD_TL.xml" if kind ==
                                                                   "granule_metadata" else f"{safe}/MTD_MSIL1C.xml"])
        config_loader.debug("Looking for composites config file %s", "msi.yaml")
        config_loader.debug("Looking for composites config file %s", "visir.yaml")
        for band, wl in (("B02", (0.44, 0.49, 0.54)), ("B03", (0.54, 0.56, 0.58)), ("B04", (0.65, 0.665, 0.68))):
            msi.debug("Reading %s.", band)
        for band, wl in (("B02", 0.49), ("B03", 0.56), ("B04", 0.665)):
            scene.debug("Resampling %s", Shown(f"DataID(name='{band}', wavelength=WavelengthRange("
                                               f"min={wl - 0.025:.3f}, central={wl}, max={wl + 0.025:.3f}, "
                                               "unit='µm'), resolution=10, calibration=<calibration.reflectance>, "
                                               "modifiers=())"))
        resample.info("Using default KDTree resampler")
        writers.info("Creating output directory: {}".format(f"{OUT}/truecolor/{tile[39:44]}"))
        writers.info("Computing and writing results...")
        printed(stream, f"[########################################] | 100% Completed | {14.2 + len(tile) % 3:.1f}s")
    # The scene of the missing tile: a half-written SAFE from yesterday's run.
    tile = TILES[2]
    yaml_reader.debug("Reading %s", str([READER]))

    def get_dataset():
        def open_jp2():
            raised("rasterio.errors", "RasterioIOError",
                   f"{OUT}/{tile}.SAFE/GRANULE/L1C_T31UFT_A037512_20240510T104613/IMG_DATA/"
                   "T31UFT_20240510T104619_B04.jp2: No such file or directory")
        open_jp2()
    for band in ("B02", "B03", "B04"):
        try:
            get_dataset()
        except Exception:
            yaml_reader.warning("Failed to load {} from {}".format(
                Shown(f"DataID(name='{band}', resolution=10, calibration=<calibration.reflectance>, modifiers=())"),
                Shown(f"<MSITileMDXML: '{OUT}/{tile}.SAFE/GRANULE/L1C_T31UFT_A037512_20240510T104613/MTD_TL.xml'>")),
                exc_info=True)
    scene.warning("The following datasets were not created and may require "
                  "resampling to be generated: {}".format("DataID(name='true_color')"))
    printed(stream, f"+ aws s3 sync {OUT}/truecolor s3://catchment-imagery/truecolor/2024-05-10/ --only-show-errors")
    return {"name": "eodag-satpy", "programs": [ed, st], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A translation API on ECS (the awslogs driver): OpenNMT-py's REST server
# (onmt_server on waitress, two CTranslate2 models, the model's own
# "onmt" logger) runs under Apache SkyWalking's Python agent (`sw-python
# run`), which traces its requests to the SkyWalking OAP of the cluster.
# The agent's CLI, its loader (sitecustomize) and the agent itself print in
# three formats; the agent's reporter threads name themselves. waitress's
# one warning reaches Python's last-resort handler (a bare message on
# stderr), a print line.

SW_LOADER = "/usr/local/lib/python3.11/site-packages/skywalking/bootstrap/loader/sitecustomize.py"
INSTANCE = "9f3c1a2b0f8e11ef8a3f0242ac120004"


def stream_opennmt_skywalking():
    stream = []
    sw = Program("skywalking", "skywalking", logging.Formatter(SKYWALKING), stream)
    swl = Program("skywalking", "skywalking-loader", logging.Formatter(SKYWALKING_LOADER), stream)
    swc = Program("skywalking", "skywalking-cli", logging.Formatter(SKYWALKING_CLI), stream)
    on = Program("opennmt-py", "onmt", logging.Formatter(OPENNMT), stream)
    agent = lg(sw, "skywalking")
    loader = lg(swl, "skywalking-loader")
    cli = lg(swc, "skywalking-cli")
    onmt = lg(on, "onmt")

    def thread(name, fn):
        record_thread = Set(threadName=name)
        sw.handler.addFilter(record_thread)
        try:
            with pid(1):
                fn()
        finally:
            sw.handler.removeFilter(record_thread)

    def oap_down():
        raised("grpc._channel", "_InactiveRpcError",
               "<_InactiveRpcError of RPC that terminated with:\n"
               "\tstatus = StatusCode.UNAVAILABLE\n"
               "\tdetails = \"failed to connect to all addresses; last error: UNKNOWN: ipv4:10.0.7.12:11800: "
               "Failed to connect to remote host: Connection refused\"\n"
               "\tdebug_error_string = \"UNKNOWN:Error received from peer  {grpc_message:\"failed to connect to all "
               "addresses; last error: UNKNOWN: ipv4:10.0.7.12:11800: Failed to connect to remote host: Connection "
               "refused\", grpc_status:14, created_time:\"2024-05-11T14:44:45.201733912+00:00\"}\"\n>")

    def heartbeat_fails(wait):
        def backoff_wrapper():
            def heartbeat():
                def send_heart_beat():
                    oap_down()
                send_heart_beat()
            heartbeat()
        try:
            backoff_wrapper()
        except Exception:
            agent.exception(f"Exception in {'heartbeat'} service in pid {1}, retry in {wait} seconds")

    def request(model, n_inputs, secs):
        onmt.info("Running translation using %d" % model)
        onmt.info("""Using model #%d\t%d inputs
               \ttranslation time: %f""" % (model, n_inputs, secs))
        onmt.info("Translation Results: %d", n_inputs)

    command = ["onmt_server", "--ip", "0.0.0.0", "--port", "5000", "--url_root", "/translator", "--config",
               "/models/conf.json"]
    cli.info("New process starting with command - `%s` args - `%s`" % (command[0], command))
    with pid(1):
        loader.info(f"Process-{1}, running sitecustomize.py from {SW_LOADER}")
    thread("MainThread", lambda: agent.info(f"SkyWalking sync agent instance {INSTANCE} starting in pid-{1}."))
    for plugin in ("sw_requests", "sw_urllib3"):
        thread("MainThread", lambda: agent.info("plugin %s is disabled and thus won't be installed", plugin))
    thread("MainThread", lambda: agent.warning('Plugin %s failed to install, please ignore this warning '
                                               'if the package is not used in your application.', "sw_grpc"))
    for wait in (1, 2, 4):
        thread("HeartbeatThread", lambda: heartbeat_fails(wait))
    # The models load.
    for model in (100, 101):
        onmt.info("Loading tokenizer")
        onmt.info("Loading model %d" % model)
    printed(stream, "Task queue depth is 1")
    thread("HeartbeatThread", lambda: heartbeat_fails(8))
    sizes = [(100, 3, 0.412318), (100, 1, 0.120044), (101, 5, 0.633017), (100, 12, 1.804277), (101, 2, 0.244519),
             (100, 4, 0.530861), (100, 1, 0.097412), (101, 7, 0.902366), (100, 2, 0.215037), (100, 9, 1.310658),
             (101, 1, 0.118233), (100, 3, 0.398104), (101, 4, 0.471950), (100, 6, 0.811764), (100, 2, 0.239855)]
    for n, (model, inputs, secs) in enumerate(sizes):
        request(model, inputs, secs)
        if n == 6:
            printed(stream, "Task queue depth is 2")
        if n == 9:
            printed(stream, "Task queue depth is 4")
    # A long document: the GPU runs out of memory.
    onmt.info("Running translation using %d" % 100)

    def translate():
        def _translate():
            raise type("OutOfMemoryError", (RuntimeError,), {"__module__": "torch.cuda"})(
                "CUDA out of memory. Tried to allocate 1.21 GiB. GPU 0 has a total capacity of 14.57 GiB of which "
                "512.75 MiB is free. Process 1 has 14.06 GiB memory in use.")
        _translate()
    try:
        translate()
    except Exception as e:
        err = "Error: %s" % str(e)
        onmt.error(err)
        onmt.error("repr(examples): " + repr([{"src": "Die Vertragsparteien verpflichten sich, alle Streitigkeiten "
                                                      "aus diesem Abkommen gütlich beizulegen. …", "id": 0}]))
        onmt.error("model: #%s" % 100)
        onmt.error("model opt: " + str({"models": ["/models/en-de.ct2"], "fp32": False, "int8": True, "avg_raw_probs":
                                        False, "data_type": "text", "src": "dummy_src", "tgt": None, "shard_size":
                                        10000, "output": "/dev/null", "report_align": False, "gold_align": False,
                                        "report_time": False, "beam_size": 5, "ratio": -0.0, "random_sampling_topk": 0,
                                        "random_sampling_topp": 0.0, "random_sampling_temp": 1.0, "seed": 829,
                                        "length_penalty": "avg", "alpha": 0.0, "coverage_penalty": "none", "beta": -0.0,
                                        "stepwise_penalty": False, "min_length": 0, "max_length": 250,
                                        "block_ngram_repeat": 0, "replace_unk": False, "batch_size": 30,
                                        "batch_type": "sents", "gpu": 0, "cuda": True}))
        onmt.error(traceback.format_exc())
    for model, inputs, secs in sizes[:5]:
        request(model, inputs, secs + 0.01)
    onmt.info("Timeout: unloading model %d" % 101)
    onmt.info("Unloading model %d" % 101)
    # The ECS task stops: the agent's reporter threads finish.
    for name in ("HeartbeatThread", "SegmentReportThread", "MeterReportThread", "LogReportThread",
                 "CommandDispatchThread", "QueryProfileCommandThread", "SendProfileSnapShotThread"):
        thread(name, lambda: agent.info("finished reporter thread"))
    return {"name": "opennmt-skywalking", "programs": [sw, swl, swc, on], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Seafile Professional server on ECS (the awslogs driver; its blocks on
# S3), run with SEAFILE_LOG_TO_STDOUT=true: seafevents (background tasks:
# search indexing, virus scanning, statistics, e-mail) and SeafDAV (the
# WebDAV endpoint, Seafile's fork of WsgiDAV) print their records to the
# container's stdout. seaf-server, Seafile's C file server, writes lines of
# its own in a similar layout ("[seaf-server] [date] [LEVEL] file.c(line):
# ..."): no Python record makes them, so they are print lines, like the
# entrypoint's. Seahub prints nothing there: its stdout handlers only log
# with DEBUG = True.

SEAFEVENTS_SRC = "/opt/seafile/seafile-pro-server-12.0.14/pro/python/seafevents/"
SEAFDAV_SRC = "/opt/seafile/seafile-pro-server-12.0.14/seahub/thirdpart/wsgidav/"


def stream_seafevents_seafdav():
    stream = []
    se = Program("seafevents", "root", logging.Formatter(SEAFEVENTS, SEAFEVENTS_DATEFMT), stream)
    sd = Program("seafdav", "wsgidav", logging.Formatter(SEAFDAV, SEAFDAV_DATEFMT), stream)
    roots, named = lg(se, "root"), {}

    def e(where, msg, *args, level=logging.INFO, name=None, exc=None, func="_"):
        path, line = where.rsplit(":", 1)
        log = roots
        if name:
            log = named.setdefault(name, lg(se, name))
        at(log, level, SEAFEVENTS_SRC + path, int(line), func, msg, *args, exc=exc)

    def d(where, msg, *args, level=logging.INFO, exc=None, func="_"):
        path, line = where.rsplit(":", 1)
        name = "wsgidav." + path[:-3].replace("/", ".")
        log = named.setdefault(name, lg(sd, name))
        at(log, level, SEAFDAV_SRC + path, int(line), func, msg, *args, exc=exc)

    def seaf(level, where, msg):
        printed(stream, f"[seaf-server] [{now('%Y-%m-%d %H:%M:%S')}] [{level}] {where}: {msg}")

    def dav(addr, user, method, path, status, extra):
        d("wsgidav_app.py:574", '{addr} - {user} - [{time}] "{method} {path}" {extra} -> {status}'.format(
            addr=addr, user=user, time=now("%Y-%m-%d %H:%M:%S"), method=method, path=path, extra=extra,
            status=status), func="_start_response_wrapper")

    printed(stream, "*** Running /etc/my_init.d/01_create_data_links.sh...")
    printed(stream, "*** Booting runit daemon...")
    printed(stream, "*** Runit started as PID 21")
    printed(stream, "Starting seafile server, please wait ...")
    for where, msg in (("seafile-session.c(86)", "fileserver: web_token_expire_time = 3600"),
                       ("seafile-session.c(98)", "fileserver: max_index_processing_threads= 3"),
                       ("seafile-session.c(111)", "fileserver: fixed_block_size = 8388608"),
                       ("seafile-session.c(123)", "fileserver: max_indexing_threads = 1"),
                       ("seafile-session.c(138)", "fileserver: put_head_commit_request_timeout = 10"),
                       ("seafile-session.c(150)", "fileserver: skip_block_hash = 0"),
                       ("../common/seaf-utils.c(581)", "Use database Mysql"),
                       ("http-server.c(1427)", "fileserver: worker_threads = 10")):
        seaf("INFO", where, msg)
    printed(stream, "Seafile server started")
    printed(stream, "Starting seahub at port 8000 ...")
    printed(stream, "Seahub is started")
    # seafevents' tasks start.
    e("tasks/index_updater.py:133", "search indexer is started, interval = %s sec", 600, func="start")
    e("seasearch/index_task/file_index_updater.py:86",
      "Can not start seasearch file index updater: it is not enabled!", level=logging.WARNING, func="start")
    e("tasks/seahub_email_sender.py:56", "seahub email sender is started, interval = %s sec", 1800, func="start")
    e("tasks/virus_scanner.py:21", "Start virus scanner, interval = %s sec", 60 * 60, func="start")
    e("tasks/file_updates_sender.py:23", "Start file updates sender, interval = %s sec", 300, func="start")
    e("tasks/statistics.py:35", "Start data statistics..", func="run")
    e("tasks/repo_old_file_auto_del_scanner.py:69", "start scan repo old files auto del days", func="run")
    e("app/mq_handler.py:125", "Subscribe to channels: %s", ["seaf_server.event", "seahub.audit", "seahub.stats"],
      name="seafevents.app.mq_handler", func="start")
    e("repo_metadata/index_master.py:34", "metadata master event receive thread started",
      name="seafevents.repo_metadata.index_master", func="run")
    e("repo_metadata/index_master.py:54", "metadata master starting listen",
      name="seafevents.repo_metadata.index_master", func="master_handler")
    # SeafDAV starts.
    d("wsgidav_app.py:277", f"WsgiDAV/{'4.3.3'} Python/{'3.12.3'} "
                            f"{'Linux-6.1.90-99.173.amzn2023.x86_64-x86_64-with-glibc2.39'}", func="__init__")
    d("wsgidav_app.py:282", f"Default encoding: {'utf-8'!r} (file system: {'utf-8'!r})", func="__init__")
    d("wsgidav_app.py:287", f"Lock manager: {'LockManager(LockStorageDict)'}", func="__init__")
    d("wsgidav_app.py:288", f"Property manager: {None}", func="__init__")
    d("wsgidav_app.py:289", f"Domain controller: {'SeafileDomainController()'}", func="__init__")
    d("wsgidav_app.py:294", "Middleware stack:", func="__init__")
    for mw in ("<wsgidav.mw.cors.Cors object at 0x7f3e8c2d1f10>",
               "<wsgidav.error_printer.ErrorPrinter object at 0x7f3e8c2d2090>",
               "<wsgidav.http_authenticator.HTTPAuthenticator object at 0x7f3e8c2d2150>",
               "<wsgidav.dir_browser._dir_browser.WsgiDavDirBrowser object at 0x7f3e8c2d2210>",
               "<wsgidav.request_resolver.RequestResolver object at 0x7f3e8c2d22d0>"):
        d("wsgidav_app.py:296", f" - {mw}", func="__init__")
    d("wsgidav_app.py:299", "Registered DAV providers by route:", func="__init__")
    d("wsgidav_app.py:309", f" - {'/:dir_browser'!r}: {'FilesystemProvider for path ' + SEAFDAV_SRC}"
                            "dir_browser/htdocs (Read-Only) (anonymous)", func="__init__")
    d("wsgidav_app.py:309", f" - {'/'!r}: {'SeafileProvider'}", func="__init__")
    d("wsgidav_app.py:312", "Basic authentication is enabled: It is highly recommended to enable SSL.",
      level=logging.WARNING, func="__init__")
    d("wsgidav_app.py:326", f"Configured mount path: {'/seafdav'!r}.", func="__init__")
    # A design office syncs its projects over WebDAV (a NAS's backup job).
    repos = ["Projects", "Projects/2024-017 Riverside Library", "Projects/2024-017 Riverside Library/CAD",
             "Projects/2024-021 Harbour Bridge", "Finance"]
    user = "backup-nas@studio.example.com"
    for n, path in enumerate(repos):
        dav("10.0.2.15", user, "PROPFIND", "/seafdav/" + path, "207 Multi-Status",
            f"depth=1, elap={0.087 + n * 0.031:.3f}sec")
    for n, name in enumerate(["A-101 Ground Floor Plan.dwg", "A-102 First Floor Plan.dwg", "S-201 Sections.dwg",
                              "Site survey 2024-05-03.pdf"]):
        path = "/seafdav/Projects/2024-017 Riverside Library/CAD/" + name
        dav("10.0.2.15", user, "GET", path, "200 OK", f"elap={0.412 + n * 0.2:.3f}sec")
    seaf("INFO", "repo-op.c(1240)", "Commit 1f0c9ab2 of repo 4c8e2a1b-7d3f-4e5a-9b6c-0d1e2f3a4b5c: Modified "
                                    "\"A-101 Ground Floor Plan.dwg\"")
    # The virus scanner's hourly run finds a macro-laden invoice.
    vs = "seafevents.virus_scanner.virus_scan"
    e("virus_scanner/virus_scan.py:68", "Start to scan virus for repo %.8s.", "a91d3f2c-5e6b-47c8-9d0e-1f2a3b4c5d6e",
      name=vs, func="scan_virus")
    e("virus_scanner/virus_scan.py:86", "File %s virus scan by %s: Found virus.", "/Finance/Invoice_88213.docm",
      "clamdscan", name=vs, func="scan_virus")
    e("virus_scanner/virus_scan.py:102", "Virus scan for repo %.8s finished: %d virus, %d non virus, %d failed.",
      "a91d3f2c-5e6b-47c8-9d0e-1f2a3b4c5d6e", 1, 214, 0, name=vs, func="scan_virus")
    e("virus_scanner/virus_scan.py:68", "Start to scan virus for repo %.8s.", "4c8e2a1b-7d3f-4e5a-9b6c-0d1e2f3a4b5c",
      name=vs, func="scan_virus")
    e("virus_scanner/virus_scan.py:106", "Failed to scan virus for repo %.8s: %s.",
      "4c8e2a1b-7d3f-4e5a-9b6c-0d1e2f3a4b5c", "[Errno 111] Connection refused", level=logging.WARNING, name=vs,
      func="scan_virus")
    # Failed logins on the WebDAV endpoint.
    for who in ("admin@studio.example.com", "admin@studio.example.com", "test@studio.example.com"):
        d("dc/domain_controller.py:104", "Failed to login: %s", "Incorrect email or password",
          level=logging.WARNING, func="basic_auth_user")
        d("http_authenticator.py:300", f"Authentication (basic) failed for user {who!r}, realm {'/'!r}.",
          level=logging.WARNING, func="handle_basic_auth_request")
        dav("185.220.101.44", "(anonymous)", "PROPFIND", "/seafdav/", "401 Not Authorized", "depth=0, elap=0.004sec")
    d("dc/domain_controller.py:75", "User %s doesn't exist", "test@studio.example.com", level=logging.WARNING,
      func="basic_auth_user")
    # Statistics.
    e("statistics/counter.py:108", "Start counting file operations..", func="start_count")
    e("statistics/counter.py:190", "[FileOpsCounter] Finish counting file operations in %s seconds, %d added, "
                                   "%d deleted, %d visited, %d modified", str(0.4123), 318, 12, 2207, 145,
      func="start_count")
    e("statistics/counter.py:203", "Start counting total storage..", func="start_count")
    e("statistics/counter.py:246", "[TotalStorageCounter] Finish counting total storage in %s seconds.", str(1.0807),
      func="start_count")
    e("statistics/counter.py:265", "Start counting traffic info..", func="start_count")
    e("statistics/counter.py:281", "Traffic Counter: %d items has been recorded on %s, time: %s seconds."
      % (37, "2024-05-10", str(0.0921)), func="start_count")
    e("statistics/counter.py:305", "Traffic counter finished, total time: %s seconds." % str(0.1306),
      func="start_count")
    # Uploads from the NAS; one fails half-way.
    for n, name in enumerate(["2024-05-10 Site photos.zip", "Structural calc v4.xlsx", "Minutes 2024-05-09.docx"]):
        path = "/seafdav/Projects/2024-021 Harbour Bridge/" + name
        if n == 1:
            def put():
                def copy():
                    raised("seafobj.exceptions", "SeafObjException",
                           "Failed to write block 9c1e7a24f0b3d5e6a8c2d4f6b8a0c2e4d6f8a0b2 to s3://seafile-blocks-"
                           "prod: RequestTimeout: Your socket connection to the server was not read from or written "
                           "to within the timeout period.")
                copy()
            try:
                put()
            except Exception:
                d("request_server.py:729", "PUT: byte copy failed", level=logging.ERROR, exc=True, func="do_PUT")
                d("error_printer.py:90", "Caught HTTPRequestException(HTTP_INTERNAL_ERROR)\n" + traceback.format_exc(),
                  level=logging.ERROR, func="__call__")
            dav("10.0.2.15", user, "PUT", path, "500 Internal Server Error", "length=2811934, elap=30.018sec")
            continue
        dav("10.0.2.15", user, "PUT", path, "201 Created", f"length={1048576 * (n + 3) + 5123}, "
                                                           f"elap={1.82 + n:.3f}sec")
    seaf("WARNING", "http-server.c(2214)", "Failed to get block 9c1e7a24f0b3d5e6a8c2d4f6b8a0c2e4d6f8a0b2 from S3 "
                                           "backend: timeout")
    # A malformed event from seaf-server, then the e-mail sender fails.
    e("events/handlers.py:52", "repo_id: %s, or commit_id: %s invalid.", "4c8e2a1b-7d3f-4e5a-9b6c-0d1e2f3a4b5c", None,
      level=logging.WARNING, func="RepoUpdateEventHandler")

    def handle_message():
        def handler():
            raised("sqlalchemy.exc", "OperationalError", "(pymysql.err.OperationalError) (2013, 'Lost connection to "
                                                          "MySQL server during query')\n(Background on this error at: "
                                                          "https://sqlalche.me/e/20/e3q8)")
        handler()
    try:
        handle_message()
    except Exception as err:
        e("app/mq_handler.py:61", "error when handle msg: %s", err, level=logging.ERROR, exc=True,
          name="seafevents.app.mq_handler", func="handle_message")
    e("tasks/seahub_email_sender.py:74", "starts to send email", func="run")

    def send_email():
        raised("subprocess", "CalledProcessError", "Command '['/opt/seafile/seafile-pro-server-12.0.14/seahub.sh', "
                                                   "'python-env', 'python3', 'manage.py', 'send_notices']' returned "
                                                   "non-zero exit status 1.")
    try:
        send_email()
    except Exception as err:
        e("tasks/seahub_email_sender.py:86", "error when send email: %s", err, level=logging.ERROR, exc=True,
          func="run")
    for n, path in enumerate(repos[:3]):
        dav("10.0.2.15", user, "PROPFIND", "/seafdav/" + path, "207 Multi-Status",
            f"depth=1, elap={0.091 + n * 0.02:.3f}sec")
    return {"name": "seafevents-seafdav", "programs": [se, sd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Kiwix Zimfarm worker on EC2 (Docker's journald log driver; the
# CloudWatch agent ships the journal): the farm's task worker fetches a task,
# starts the zimit scraper container on a documentation site and uploads the
# ZIM it makes. zimit runs browsertrix-crawler, whose JSON log lines are
# print lines, then warc2zim in its own process (with -v, as the worker asks
# for progress files): both print zimscraperlib's format under their names.

TASK = "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"
SITE = "https://docs.example.org/"
ZIM = "docs.example.org_en_all_2024-05.zim"


def stream_zimfarm_zimit():
    stream = []
    zf = Program("zimfarm-worker", "worker", logging.Formatter(ZIMFARM), stream)
    zm = Program("zimit", "zimit", logging.Formatter(ZIMIT), stream)
    worker = lg(zf, "worker")
    zimit = lg(zm, "zimit")
    warc2zim = lg(zm, "warc2zim")
    tmp = "/output/.tmpk3j9x1qa"

    def crawler(level, context, message, details):
        t = datetime.datetime.fromtimestamp(realworld.CLOCK.t, datetime.timezone.utc)
        printed(stream, json.dumps({"timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (
            t.microsecond // 1000), "logLevel": level, "context": context, "message": message, "details": details},
            separators=(",", ":")))

    # The task worker checks its host, then starts the task.
    worker.info("testing workdir at %s…" % "/data")
    worker.info("\tworkdir is available and writable")
    worker.info(f"testing private key at {'/etc/ssh/keys/zimfarm'}…")
    worker.info(f"\tprivate key is available and readable ({'SHA256:q7Xv2mB9cK1dP4eR6tY8uI0oL3jH5gF7sA9zD2xC4vN'})")
    worker.info(f"testing authentication with {'https://api.farm.openzim.org/v2'}…")
    worker.info("\tauthentication successful")
    worker.info(f"testing docker API on {'unix:///var/run/docker.sock'}…")
    worker.info("\tdocker API access successful")
    worker.info("Hardware resources:"
                f"\n\tCPU : {8} (total) ;  {6} "
                "(avail)"
                f"\n\tRAM : {'30.6 GiB'} (total) ;  "
                f"{'24 GiB'} (avail)"
                f"\n\tDisk: {'250 GiB'} (configured) ; "
                f"{'212.4 GiB'} (avail) ; "
                f"{'37.6 GiB'} (reserved) ; ")
    worker.info("registering exit signals")
    worker.info(f"Fetching task details for {TASK}")
    worker.info("Updating task-status=started")
    worker.info("Setting-up workdir")
    worker.info("Starting DNS cache")
    worker.info("Starting resource monitor")
    worker.info(f"Starting scraper. Expects files at: {'/data/' + TASK} ")
    worker.info("Updating task-status=scraper_started")
    # zimit starts in its container.
    args = ["--name", "docs.example.org_en_all", "--title", "Example Docs", "--description",
            "Offline copy of the Example documentation", "--lang", "eng", "--scraper-suffix", "zimit 3.1.2",
            "--output", "/output", "--url", SITE]
    zimit.info("----------")
    zimit.info("Testing warc2zim args")
    zimit.info("Running: warc2zim " + " ".join(args))
    warc2zim.info("Arguments valid, no inputs to process. Exiting with return code 100")
    zimit.info(f"Writing zimit progress to {'/output/task_progress.json'}, crawler progress to"
               f" {'/output/crawl.json'} and warc2zim progress to "
               f"{'/output/warc2zim.json'}")
    zimit.info("")
    zimit.info("----------")
    zimit.info(f"Output to tempdir: {tmp} - {'will delete'}")
    zimit.info(f"Running browsertrix-crawler crawl: crawl --failOnFailedSeed --waitUntil load,networkidle0 "
               f"--depth -1 --timeout 90 --scopeType prefix --behaviors autoplay,autofetch,siteSpecific "
               f"--behaviorTimeout 90 --diskUtilization 90 --seeds {SITE} --userAgentSuffix +Zimit "
               f"--cwd {tmp} --statsFilename /output/crawl.json")
    crawler("info", "general", "Browsertrix-Crawler 1.6.3 (with warcio.js 2.4.4)", {})
    crawler("info", "general", "Seeds", [{"url": SITE, "scopeType": "prefix",
                                          "include": ["/^https?:\\/\\/docs\\.example\\.org\\//"], "exclude": [],
                                          "allowHash": False, "depth": -1, "sitemap": False, "auth": None,
                                          "_authEncoded": None, "maxExtraHops": 0, "maxDepth": 1000000}])
    crawler("info", "worker", "Creating 1 workers", {})
    crawler("info", "worker", "Worker starting", {"workerid": 0})
    pages = ["", "getting-started/", "install/", "install/linux/", "install/macos/", "config/", "config/env/",
             "api/", "api/auth/", "api/errors/", "faq/", "changelog/"]
    for n, page in enumerate(pages):
        crawler("info", "pageStatus", "Page Finished", {"loadState": 4, "page": SITE + page, "workerid": 0})
        if n % 4 == 3:
            crawler("info", "crawlStatus", "Crawl statistics", {"crawled": n + 1, "total": 148, "pending": 1,
                                                                "failed": 0, "limit": {"max": 0, "hit": False},
                                                                "pendingPages": []})
            worker.info(f"reporting {round((n + 1) / 148 * 90)}%")
        if n == 7:
            crawler("warn", "pageStatus", "Page Load Failed: will retry",
                    {"retry": 1, "retries": 2, "msg": "net::ERR_CONNECTION_RESET at " + SITE + "api/errors/",
                     "url": SITE + "api/errors/", "loadState": 0, "workerid": 0})
    for pct in (14, 31, 52, 77, 90):
        worker.info(f"reporting {pct}%")
    crawler("info", "general", "Crawling done", {})
    crawler("info", "general", "Exiting, Crawl status: done", {})
    zimit.info("")
    zimit.info("----------")
    archive = f"{tmp}/collections/crawl-20240511144512345/archive"
    zimit.info(f"Processing WARC files in/at {archive}")
    call = args + ["-v", "--progress-file", "/output/warc2zim.json", archive]
    zimit.info(f"Calling warc2zim with these args: {call}")
    warc2zim.debug(f"Attempting to confirm output is writable in directory {'/output'}")
    warc2zim.debug(f"Output is writable. Temporary file used for test: {'/output/tmpx8w2e4rq'}")
    warc2zim.debug(f"Confirming ZIM file can be created using name: {ZIM}")
    warc2zim.debug(f"{3} WARC files found")
    warc2zim.debug(f"Found {2217} records in WARCs")
    warc2zim.warning(f"HTTP {301} occurred on main page; "
                     f"replacing {'docs.example.org/'} with {'docs.example.org/en/latest/'}")
    warc2zim.debug(f"Title: {'Example Docs — Example 4.2 documentation'}")
    warc2zim.debug(f"Language: {'eng'}")
    warc2zim.debug(f"Downloading favicon at {SITE + 'en/latest/_static/favicon.ico'}")
    warc2zim.info(f"Downloaded favicon at {SITE + 'en/latest/_static/favicon.ico'}")
    warc2zim.info(f"Expecting {1843} ZIM entries to files")
    warc2zim.debug(f"Preparing {212} redirections")
    for src in ("docs.example.org/install", "docs.example.org/api"):
        warc2zim.debug(f"Adding alias {src} -> {src + '/'}")
    warc2zim.debug(f"{7} redirections will be ignored")
    warc2zim.info(f"Expecting {2048} ZIM entries including redirects")
    for pct in (92, 95, 99):
        worker.info(f"reporting {pct}%")
    # The worker can't read warc2zim's progress file while it is rewritten.
    worker.warning(f"failed to load progress details: {'Expecting value: line 1 column 1 (char 0)'}")
    worker.info(f"reporting {100}%")
    zimit.info("")
    zimit.info("----------")
    zimit.info(f"Cleanup, removing temp dir: {tmp}")
    worker.info(f"Updating task-status=scraper_completed. Exit code: {0}")
    worker.info(f"ZIM file created: {ZIM}, {'1.21 GiB'}")
    worker.info(f"Updating file-status={'created'} for {ZIM}")
    worker.info(f"Starting zim checker for {ZIM}")
    worker.info(f"Updating file check-result={0} for {ZIM}")
    worker.info(f"Zimcheck output written to {ZIM[:-4] + '_zimcheck.json'}")
    worker.info(f"Starting zim uploader for {'/data/' + TASK}/{ZIM}")
    worker.info(f"Starting zimcheck uploader for {ZIM}")
    worker.info(f"Updating file check-result-uploaded={ZIM[:-4] + '_zimcheck.json'} for {ZIM}")
    worker.info(f"Scraper log upload complete: {0}")
    worker.info(f"Sending scraper log filename: {TASK}_zimit.log")
    worker.info(f"Updating file-status={'uploaded'} for {ZIM}")
    worker.info("All upload containers completed")
    # The next task is cancelled from the farm's UI while it crawls.
    task2 = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    worker.info(f"Fetching task details for {task2}")
    worker.info("Updating task-status=started")
    worker.info("Setting-up workdir")
    worker.info("Starting DNS cache")
    worker.info("Starting resource monitor")
    worker.info(f"Starting scraper. Expects files at: {'/data/' + task2} ")
    zimit.info("----------")
    zimit.info("Testing warc2zim args")
    worker.info(f"reporting {3}%")
    worker.info(f"received exit signal ({'SIGTERM'}), shutting down…")
    worker.info("Attempting to upload logs and artifacts before cancellation...")
    zimit.info("")
    zimit.info("")
    zimit.info("SIGINT/SIGTERM received, stopping zimit")
    zimit.info("")
    zimit.info("")
    worker.info("Stopping all containers and actions")
    for which in ("scraper", "dnscache", "monitor"):
        worker.info(f"Stopping and removing {which}")

    def stop():
        raised("docker.errors", "APIError", "409 Client Error for http+docker://localhost/v1.45/containers/"
                                            "zimtask_monitor_9a8b7c6d/stop: Conflict (\"container is restarting, "
                                            "wait until the container is running\")")
    try:
        stop()
    except Exception as exc:
        worker.warning(f"Failed to stop {'monitor'}: {exc}")
        worker.exception(exc)
    worker.info(f"Removing task workdir {'/data/' + task2}")
    worker.info("Shutting down task-worker")
    return {"name": "zimfarm-zimit", "programs": [zf, zm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A threat-intelligence team's collection host on EC2 (the CloudWatch agent
# ships the journal): news-please crawls security news sites into Amazon
# OpenSearch Service every hour (one single_crawler process a site, run as
# a script: its logger is "__main__"; Scrapy's records take news-please's
# format, with the `spider` or `crawler` Scrapy passes as an extra), and
# SpiderFoot's web UI runs scans of look-alike domains. SpiderFoot's scan
# processes send their records through a QueueHandler, whose prepare()
# folds a traceback into the message; its plugins' logger reports the
# plugin module (SpiderFootPluginLogger.findCaller), and scan records carry
# `scanId`. systemd's lines are print lines.

NP_SRC = "/opt/news-please/venv/lib/python3.12/site-packages/"
SF_SRC = "/opt/spiderfoot/"
SPIDER = Shown("<RecursiveSitemapCrawler 'RecursiveSitemapCrawler' at 0x7f5b2c3d1e90>")
CRAWLER = Shown("<scrapy.crawler.Crawler object at 0x7f5b2c41a2d0>")


def stream_newsplease_spiderfoot():
    stream = []
    npl = Program("news-please", "__main__", logging.Formatter(NEWSPLEASE), stream)
    sf = Program("spiderfoot", "spiderfoot", logging.Formatter(SPIDERFOOT), stream)
    sf.handler.addFilter(QueuePrepared())
    np_logs, sf_logs = {}, {}

    def n(name, where, level, msg, *args, func="_", exc=None, extra=None):
        path, line = where.rsplit(":", 1)
        log = np_logs.setdefault(name, lg(npl, name))
        at(log, level, NP_SRC + path, int(line), func, msg, *args, exc=exc, extra=extra)

    def s(name, where, level, msg, *args, scan=None, func="_", exc=None):
        path, line = where.rsplit(":", 1)
        log = sf_logs.setdefault(name, lg(sf, name))
        with pid(4112 if scan else 3907):
            at(log, level, SF_SRC + path, int(line), func, msg, *args, exc=exc,
               extra={"scanId": scan} if scan else None)

    def scrapy_start(site):
        n("scrapy.utils.log", "scrapy/utils/log.py:173", logging.INFO, "Scrapy %(version)s started (bot: %(bot)s)",
          {"version": "2.13.3", "bot": "news-please"}, func="log_scrapy_info")
        n("scrapy.utils.log", "scrapy/utils/log.py:181", logging.INFO, "Versions:\n{}".format(
            "{'lxml': '5.3.0',\n 'libxml2': '2.12.9',\n 'cssselect': '1.2.0',\n 'parsel': '1.10.0',\n"
            " 'w3lib': '2.3.1',\n 'Twisted': '24.11.0',\n 'Python': '3.12.3 (main, Nov  6 2024, 18:32:19) [GCC "
            "13.2.0]',\n 'pyOpenSSL': '25.0.0 (OpenSSL 3.4.1 11 Feb 2025)',\n 'cryptography': '44.0.2',\n"
            " 'Platform': 'Linux-6.1.90-99.173.amzn2023.x86_64-x86_64-with-glibc2.39'}"), func="log_scrapy_info")
        n("scrapy.addons", "scrapy/addons.py:49", logging.INFO, "Enabled addons:\n%(addons)s", {"addons": []},
          func="load_settings", extra={"crawler": CRAWLER})
        n("scrapy.extensions.telnet", "scrapy/extensions/telnet.py:57", logging.INFO, "Telnet Password: %s",
          "5f0b6c2a9e1d3f47", func="__init__")
        n("scrapy.middleware", "scrapy/middleware.py:101", logging.INFO, "Enabled %(componentname)ss:\n%(enabledlist)s",
          {"componentname": "extension", "enabledlist": "['scrapy.extensions.corestats.CoreStats',\n"
                                                        " 'scrapy.extensions.telnet.TelnetConsole',\n"
                                                        " 'scrapy.extensions.memusage.MemoryUsage',\n"
                                                        " 'scrapy.extensions.logstats.LogStats']"},
          func="_from_settings", extra={"crawler": CRAWLER})
        n("scrapy.crawler", "scrapy/crawler.py:135", logging.INFO, "Overridden settings:\n%(settings)s",
          {"settings": "{'BOT_NAME': 'news-please',\n 'JOBDIR': '/var/lib/news-please/.resume_jobdir/"
                       f"{site}',\n 'LOG_FORMAT': '[%(name)s:%(lineno)d|%(levelname)s] %(message)s',\n"
                       " 'LOG_LEVEL': 'INFO',\n 'NEWSPIDER_MODULE': 'newsplease.crawler.spiders',\n"
                       " 'SPIDER_MODULES': ['newsplease.crawler.spiders'],\n 'USER_AGENT': 'news-please "
                       "(+http://www.example.com/)'}"}, func="_apply_settings")
        for kind, items in (("downloader middleware", ["scrapy.downloadermiddlewares.offsite.OffsiteMiddleware",
                                                       "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware",
                                                       "scrapy.downloadermiddlewares.downloadtimeout."
                                                       "DownloadTimeoutMiddleware",
                                                       "scrapy.downloadermiddlewares.retry.RetryMiddleware",
                                                       "scrapy.downloadermiddlewares.redirect.RedirectMiddleware",
                                                       "scrapy.downloadermiddlewares.httpcompression."
                                                       "HttpCompressionMiddleware",
                                                       "scrapy.downloadermiddlewares.stats.DownloaderStats"]),
                            ("spider middleware", ["scrapy.spidermiddlewares.start.StartSpiderMiddleware",
                                                   "scrapy.spidermiddlewares.httperror.HttpErrorMiddleware",
                                                   "scrapy.spidermiddlewares.referer.RefererMiddleware",
                                                   "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware",
                                                   "scrapy.spidermiddlewares.depth.DepthMiddleware"]),
                            ("item pipeline", ["newsplease.pipeline.pipelines.ArticleMasterExtractor",
                                               "newsplease.pipeline.pipelines.HtmlFileStorage",
                                               "newsplease.pipeline.pipelines.JsonFileStorage",
                                               "newsplease.pipeline.pipelines.ElasticsearchStorage"])):
            n("scrapy.middleware", "scrapy/middleware.py:101", logging.INFO,
              "Enabled %(componentname)ss:\n%(enabledlist)s",
              {"componentname": kind, "enabledlist": "[" + ",\n ".join(repr(i) for i in items) + "]"},
              func="_from_settings", extra={"crawler": CRAWLER})
        n("scrapy.core.engine", "scrapy/core/engine.py:438", logging.INFO, "Spider opened", func="open_spider",
          extra={"spider": SPIDER})
        n("scrapy.extensions.logstats", "scrapy/extensions/logstats.py:65", logging.INFO,
          "Crawled %(pages)d pages (at %(pagerate)d pages/min), scraped %(items)d items (at %(itemrate)d items/min)",
          {"pages": 0, "pagerate": 0, "items": 0, "itemrate": 0}, func="log", extra={"spider": SPIDER})
        n("scrapy.extensions.telnet", "scrapy/extensions/telnet.py:69", logging.INFO,
          "Telnet console listening on %(host)s:%(port)d", {"host": "127.0.0.1", "port": 6023},
          func="start_listening", extra={"crawler": CRAWLER})

    def article(site, path):
        url = f"https://{site}/{path}"
        local = (f"/var/lib/news-please/data/2024/05/11/{site}/{path.replace('/', '_')}_"
                 + "%08x" % zlib.crc32(path.encode()))
        n("newsplease.pipeline.pipelines", "newsplease/pipeline/pipelines.py:537", logging.INFO, "Saving HTML to %s",
          local + ".html", func="process_item")
        n("newsplease.pipeline.pipelines", "newsplease/pipeline/pipelines.py:562", logging.INFO, "Saving JSON to %s",
          local + ".json", func="process_item")
        n("newsplease.pipeline.pipelines", "newsplease/pipeline/pipelines.py:654", logging.INFO,
          "Saving to Elasticsearch: %s" % url, func="process_item")

    def scrapy_close(pages, items):
        n("scrapy.core.engine", "scrapy/core/engine.py:486", logging.INFO, "Closing spider (%(reason)s)",
          {"reason": "finished"}, func="close_spider", extra={"spider": SPIDER})
        n("scrapy.statscollectors", "scrapy/statscollectors.py:61", logging.INFO, "Dumping Scrapy stats:\n" +
          "{'downloader/request_bytes': %d,\n 'downloader/request_count': %d,\n 'downloader/request_method_count/GET':"
          " %d,\n 'downloader/response_bytes': %d,\n 'downloader/response_count': %d,\n"
          " 'downloader/response_status_count/200': %d,\n 'elapsed_time_seconds': %.6f,\n 'finish_reason': "
          "'finished',\n 'finish_time': datetime.datetime(2024, 5, 11, 14, 52, 3, 118204, tzinfo=datetime.timezone."
          "utc),\n 'item_scraped_count': %d,\n 'log_count/INFO': %d,\n 'memusage/max': 118734848,\n 'memusage/startup':"
          " 96247808,\n 'response_received_count': %d,\n 'scheduler/dequeued': %d,\n 'scheduler/enqueued': %d,\n"
          " 'start_time': datetime.datetime(2024, 5, 11, 14, 45, 1, 402117, tzinfo=datetime.timezone.utc)}"
          % (pages * 311, pages, pages, pages * 48213, pages, pages, 421.716087, items, 12 + items * 3, pages, pages,
             pages), func="close_spider", extra={"spider": SPIDER})
        n("scrapy.core.engine", "scrapy/core/engine.py:527", logging.INFO, "Spider closed (%(reason)s)",
          {"reason": "finished"}, func="close_spider", extra={"spider": SPIDER})

    printed(stream, "Started news-please.service - news-please crawler.")
    n("newsplease.config", "newsplease/config.py:161", logging.INFO, "Loading config-file (%s)" %
      "/etc/news-please/config.cfg", func="handle_logging")
    n("newsplease.pipeline.pipelines", "newsplease/pipeline/pipelines.py:633", logging.ERROR,
      "Failed to connect to Elasticsearch, this module will be deactivated. "
      "Please check if the database is running and the config is correct: %s" %
      "ConnectionError(<urllib3.connection.HTTPSConnection object at 0x7f5b2c4e8b90>: Failed to establish a new "
      "connection: [Errno -3] Temporary failure in name resolution) caused by: NewConnectionError(<urllib3.connection."
      "HTTPSConnection object at 0x7f5b2c4e8b90>: Failed to establish a new connection: [Errno -3] Temporary failure "
      "in name resolution)", func="__init__")
    # The first site's RSS crawler isn't supported there: it falls back.
    site = "www.bleepingcomputer.com"
    n("__main__", "newsplease/single_crawler.py:230", logging.WARNING,
      "Crawler %s not supported by %s. Trying to fall back.", "RssCrawler", f"https://{site}/", func="get_crawler")
    scrapy_start(site)
    for path in ("news/security/fake-aws-cli-installers-push-malware/",
                 "news/security/new-phishing-kit-targets-okta-and-aws-sso/",
                 "news/security/ransomware-gang-leaks-data-stolen-from-s3-buckets/",
                 "news/microsoft/may-2024-patch-tuesday-fixes-3-zero-days/",
                 "news/security/typosquatting-campaign-hits-pypi-with-500-packages/"):
        article(site, path)
    n("scrapy.spidermiddlewares.httperror", "scrapy/spidermiddlewares/httperror.py:75", logging.INFO,
      "Ignoring response %(response)r: HTTP status code is not handled or not allowed",
      {"response": Shown(f"<404 https://{site}/news/security/deleted-story/>")}, func="process_spider_exception",
      extra={"spider": SPIDER})
    n("scrapy.downloadermiddlewares.retry", "scrapy/downloadermiddlewares/retry.py:117", logging.ERROR,
      "Gave up retrying %(request)s (failed %(retry_times)d times): %(reason)s",
      {"request": Shown(f"<GET https://{site}/news/security/cdn-outage-live/>"), "retry_times": 2,
       "reason": "503 Service Unavailable"}, func="get_retry_request", extra={"spider": SPIDER})
    scrapy_close(64, 5)
    # SpiderFoot's web UI starts (it was restarted after an upgrade).
    printed(stream, "Started spiderfoot.service - SpiderFoot OSINT automation.")
    s("spiderfoot.__main__", "sf.py:493", logging.INFO, f"Starting web server at {'0.0.0.0'}:{5001} ...",
      func="start_web_server")
    # It sits behind the ALB's OIDC authentication: no passwd file.
    warn_msg = "\n********************************************************************\n"
    warn_msg += "Warning: passwd file contains no passwords. Authentication disabled.\n"
    warn_msg += "Please consider adding authentication to protect this instance!\n"
    warn_msg += "Refer to https://www.spiderfoot.net/documentation/#security.\n"
    warn_msg += "********************************************************************\n"
    s("spiderfoot.__main__", "sf.py:550", logging.WARNING, warn_msg, func="start_web_server")
    # A scan of a look-alike domain the news crawl turned up.
    scan = "4F1E2D3C"
    target = "examplebank-secure-login.com"
    s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"Scan [{scan}] for '{target}' initiated.", scan=scan,
      func="status")
    modules = ["sfp_dnsresolve", "sfp_crt", "sfp_sslcert", "sfp_shodan", "sfp_whois", "sfp_spider", "sfp_email",
               "sfp_names", "sfp_webserver", "sfp_hosting", "sfp__stor_db"]
    for mod in modules:
        s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"{mod} module loaded.", scan=scan, func="status")
    s("spiderfoot.sfp_dnsresolve", "modules/sfp_dnsresolve.py:67", logging.INFO,
      "Identifying aliases for specified target(s)", scan=scan, func="enrichTarget")
    s("spiderfoot.sfp_dnsresolve", "modules/sfp_dnsresolve.py:91", logging.INFO,
      f"Target aliases identified: {[['IP_ADDRESS', '203.0.113.47'], ['INTERNET_NAME', 'www.' + target]]}",
      scan=scan, func="enrichTarget")
    s("spiderfoot.sfp_crt", "modules/sfp_crt.py:139", logging.INFO, f"Resolving {4} domains ...", scan=scan,
      func="handleEvent")
    s("spiderfoot.sfp_sslcert", "modules/sfp_sslcert.py:115", logging.INFO,
      "Unable to SSL-connect to " + "mail." + target + " (" + "[Errno 111] Connection refused" + ")", scan=scan,
      func="handleEvent")
    s("spiderfoot.sfp_shodan", "modules/sfp_shodan.py:100", logging.INFO, f"No SHODAN info found for {'203.0.113.47'}",
      scan=scan, func="queryHost")
    s("spiderfoot.sfp_shodan", "modules/sfp_shodan.py:276", logging.INFO, f"Found SHODAN data for {'203.0.113.48'}",
      scan=scan, func="handleEvent")

    def worker():
        def handle_event():
            def parse():
                raised("json.decoder", "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)")
            parse()
        handle_event()
    try:
        worker()
    except Exception as e:
        s("spiderfoot.sflib", "sflib.py:195", logging.ERROR,
          f"Exception ({e.__class__.__name__}) in module {'sfp_whois'}." + traceback.format_exc(), scan=scan,
          func="error")
    s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"Scan [{scan}] completed.", scan=scan, func="status")
    s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"Running {37} correlation rules.", scan=scan, func="status")
    # The next hour's crawl of two more sites, and a second scan.
    for site, paths in (("thehackernews.com", ["2024/05/cloud-credentials-stolen-via-exposed-git.html",
                                               "2024/05/new-botnet-abuses-lambda-urls.html",
                                               "2024/05/researchers-detail-sso-bypass.html"]),
                        ("www.securityweek.com", ["bank-impersonation-domains-surge/",
                                                  "certificate-transparency-catches-lookalikes/"])):
        n("__main__", "newsplease/single_crawler.py:285", logging.INFO, "Removed " +
          f"/var/lib/news-please/.resume_jobdir/{site}" + " since '--resume' was not passed to"
          " initial.py or this crawler was daemonized.", func="remove_jobdir_if_not_resume")
        scrapy_start(site)
        for path in paths:
            article(site, path)
        if site == "thehackernews.com":
            def parse():
                def extract():
                    raised("lxml.etree", "ParserError", "Document is empty")
                extract()
            try:
                parse()
            except Exception:
                n("scrapy.core.scraper", "scrapy/core/scraper.py:290", logging.ERROR,
                  "Spider error processing %(request)s (referer: %(referer)s)",
                  {"request": Shown(f"<GET https://{site}/2024/05/amp-only-story.html>"),
                   "referer": f"https://{site}/sitemap.xml"}, func="handle_spider_error", exc=True,
                  extra={"spider": SPIDER})
        scrapy_close(31 + len(paths), len(paths))
    scan = "9A8B7C6D"
    target = "examp1ebank.com"
    s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"Scan [{scan}] for '{target}' initiated.", scan=scan,
      func="status")
    for mod in modules[:6]:
        s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"{mod} module loaded.", scan=scan, func="status")
    s("spiderfoot.sfp_shodan", "modules/sfp_shodan.py:134", logging.ERROR,
      f"Error returned from SHODAN: {'Access denied (403 Forbidden)'}", scan=scan, func="searchHosts")
    s("spiderfoot.sflib", "sflib.py:218", logging.INFO, f"Scan [{scan}] aborted.", scan=scan, func="status")
    return {"name": "newsplease-spiderfoot", "programs": [npl, sf], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_pycbc_bilby(), stream_keylime_django_ca(), stream_moonraker_spoolman(), stream_copr_resalloc(),
        stream_eodag_satpy(), stream_opennmt_skywalking(), stream_seafevents_seafdav(), stream_zimfarm_zimit(),
        stream_newsplease_spiderfoot(),
    ])


if __name__ == "__main__":
    main()
