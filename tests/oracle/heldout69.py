"""The 69-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout68.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (healthcare and life-science services: a
research imaging AWS Batch job where dicomweb-client's command line pulls a
study's series from the hospital PACS over DICOMweb and Dcm2Bids converts
them to a BIDS data set; a health research platform's ECS cluster, one log
group, where VUIIS's DAX builds and queues the XNAT imaging projects'
processing beside NHS England's Immunisation FHIR API batch record
processor turning suppliers' vaccination CSV files into FHIR Immunization
messages; a research-computing host where SciLifeLab's TACA moves and
demultiplexes sequencing runs from the facility's instruments and
OpenSAFELY's job-runner agent runs researchers' study jobs against EHR
data), each format copied from the file named beside it (the version read
is given), with the formatter class the program uses, and messages
modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout69

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 5a0e744 (session 29's three rules in, none
written from this set), with nothing configured: 50.7% exact, 75.8% key
fields (asctime 95.2%, levelname 100.0%, name 80.6%, message 95.1%).

Formatters and filters: dicomweb-client's configure_logging gives the root
a stderr StreamHandler with logging.Formatter itself (at -vvv, verbosity 3:
the package's and urllib3's loggers at DEBUG, the root at ERROR); its
format pads the logger's name to forty between " | " bars and the level to
eight. Dcm2Bids's console handler (stdout) uses its CustomFormatter
(dcm2bids/utils/logger.py), which builds a logging.Formatter per record
from "%(levelname)-8s| %(message)s" wrapped in a colour chosen by level
("\\x1b[38;5;39m" for INFO, "\\x1b[38;5;226m" for WARNING...) and
"\\x1b[0m" (`Dcm2BidsFormatter`); no time, no name (its basicConfig
format, with the time, is the log file's only); several of its messages
end with a line break. DAX's "dax" logger prints the module ("launcher"),
not the logger's name; when building a session fails it logs three
CRITICAL records, the last traceback.format_exc() as the message (ending
with a line break, no exc_info). The Immunisation record processor
imports common/clients.py, whose logging.basicConfig(level=INFO) gives the
root BASIC_FORMAT ("INFO:root:..."): it runs as an ECS task, not in
Lambda's runtime, so the basicConfig takes; its logging decorator logs
json.dumps() of a dict as the message. TACA's root handler carries a
SessionFilter that sets session_id (the script's start, "%y%m%d%H%M") on
every record, printed between the time and the name. job-runner's
JobRunnerFormatter ("{" style) prints UTC times with ".mmmZ" (converter
time.gmtime, default_msec_format "%s.%03dZ") and appends a failed
subprocess's stderr to the traceback; its formatting_filter sets "tags"
(status, workspace, action, id, task, task_type) from the log context,
empty when there is none (the line then ends with a space); the agent's
format puts the thread's name ("agnt", "mtrc") after the time. The truth
keeps that formatter's time and traceback (`JobRunnerJson`, as
`realworld.py`'s AirflowJsonFormatter).

Print lines: the Batch job's wrapper script's echo lines (invented), ECS's
and Docker's lines, cron's TACA lines, and a bare traceback where Dcm2Bids
dies on a missing config (no record writes it). Only the third stream has
records with exc_info (job-runner's log.exception): none of the other four
programs logs one on these paths (dicomweb-client logs
traceback.format_exc() as a message only above -vvv, DAX always so).

The messages are modelled on the programs' source, read at the commits
cited: dicomweb-client's web.py and cli.py; Dcm2Bids's cli/dcm2bids.py,
dcm2niix_gen.py, sidecar.py, dcm2bids_gen.py and utils/tools.py; DAX's
launcher.py (line numbers those read; function names not all read); the
record processor's batch_processor.py, process_row.py and
logging_decorator.py; TACA's analysis/analysis.py and illumina/Runs.py;
job-runner's agent/main.py, agent/service.py, agent/metrics.py and
agent/executors/local.py. Hosts, UIDs, projects, run and job ids, counts,
supplier file names and exception texts are invented.

Left out: FHIR River (arkhn/fhir-river 63c798de django/settings/base.py:
"{asctime} [{levelname:>8}] {filename:>15}:{lineno:3d} {message}", style
"{": spec'd fields, which python-json-logger writes null for, as
discord.py's in `heldout.py`), PIXL (UCLH-Foundry/PIXL 4a8a4bc5: loguru,
not logging), SampleDB (sciapp/sampledb 2407575c: no logging format found
in source), Niffler (Emory-HITI/Niffler 0117cf3: its modules' basicConfig
writes to log files, not the console, e.g. modules/rta-extraction/
RtaExtractor.py "%(levelname)s %(asctime)s - %(message)s"), the Opentrons
robot server (a journald handler with "%(message)s" on the robot, not an
AWS service), job-runner's controller web app ("{asctime} web  {message}"
with datefmt "%Y-%m-%d %H:%M:%S.%03dZ", controller/webapp/settings.py:
kept for a later set), TACA's nanopore instrument_transfer script
("%(asctime)s - %(levelname)s - %(message)s", a layout earlier sets hold),
pydicom's deid (its own message class, not logging), and cumulus-etl and
the other Cumulus tools, mllp2http, MedCATservice, pynetdicom, MONAI Label,
Orthanc, OMERO, Galaxy and Pulsar, Tryton and GNU Health, heudiconv and
nipype (in earlier sets or their Left out lists).
"""

import contextlib
import logging
import os
import subprocess
import sys
import threading
import time
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, printed, raised, uncaught  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# dicomweb-client (ImagingDataCommons/dicomweb-client, f48e5ca), src/
# dicomweb_client/log.py configure_logging's fmt for verbosity 3 and below
# (the root's "stderr" StreamHandler; `dicomweb_client -vvv`).
DICOMWEB = "%(asctime)s | %(levelname)-8s | %(name)-40s | %(message)s"
# Dcm2Bids 3.2.0 (UNFmontreal/Dcm2Bids, 77845ab), dcm2bids/utils/logger.py
# setup_logging: the stdout handler's CustomFormatter(fmt=...), coloured by
# level (the basicConfig format only reaches the log file's handler).
DCM2BIDS = "%(levelname)-8s| %(message)s"
# DAX (VUIIS/dax, 729d1b14), dax/log.py setup_info_logger's fmt (the
# "dax" logger's stdout StreamHandler, set up by dax/bin.py for `dax build`
# and `dax launch` without a log file).
DAX = "%(asctime)s - %(levelname)s - %(module)s - %(message)s"
# Immunisation FHIR API (NHSDigital/immunisation-fhir-api, 44be4c184),
# lambdas/shared/src/common/clients.py logging.basicConfig(level=INFO),
# imported by lambdas/recordprocessor/src/batch_processor.py (an ECS task).
IMMS = logging.BASIC_FORMAT
# TACA (NationalGenomicsInfrastructure/TACA, 764fe82), taca/log/__init__.py
# the root's stream handler's formatter, with its SessionFilter.
TACA = "%(asctime)s - %(session_id)s - %(name)s - %(levelname)s - %(message)s"
# job-runner (opensafely-core/job-runner, dd0c916d), agent/service.py
# main's fmt, through common/lib/log_utils.py configure_logging's
# JobRunnerFormatter(fmt, style="{") and formatting_filter.
JOBRUNNER = "{asctime} {threadName} {message} {tags}"


class Dcm2BidsFormatter(logging.Formatter):
    """dcm2bids.utils.logger.CustomFormatter, as written there (its own
    _fmt is DCM2BIDS here, for the truth)."""

    grey = '\x1b[38;21m'
    blue = '\x1b[38;5;39m'
    yellow = '\x1b[38;5;226m'
    red = '\x1b[38;5;196m'
    bold_red = '\x1b[31;1m'
    reset = '\x1b[0m'

    def __init__(self):
        super().__init__(DCM2BIDS)
        self.FORMATS = {
            logging.DEBUG: self.grey + DCM2BIDS + self.reset,
            logging.INFO: self.blue + DCM2BIDS + self.reset,
            logging.WARNING: self.yellow + DCM2BIDS + self.reset,
            logging.ERROR: self.red + DCM2BIDS + self.reset,
            logging.CRITICAL: self.bold_red + DCM2BIDS + self.reset,
        }

    def format(self, record):
        return logging.Formatter(self.FORMATS.get(record.levelno)).format(record)


class JobRunnerTime:
    """common.lib.log_utils.JobRunnerFormatter: UTC, ".mmmZ", and a failed
    subprocess's stderr after the traceback."""

    converter = time.gmtime
    default_msec_format = "%s.%03dZ"

    def formatException(self, exc_info):
        message = super().formatException(exc_info)
        value = exc_info[1]
        if isinstance(value, subprocess.CalledProcessError):
            stderr = value.stderr
            if stderr:
                if isinstance(stderr, bytes):
                    stderr = stderr.decode("utf-8", "ignore")
                message = f"{message}\n\nstderr:\n\n{stderr}"
        return message


class JobRunnerFormatter(JobRunnerTime, logging.Formatter):
    pass


class JobRunnerJson(JobRunnerTime, JsonFormatter):
    pass


def taca_session(session_id):
    """taca.log.SessionFilter, its SESSION_ID the script's start."""
    def session_filter(record):
        record.session_id = session_id
        return True
    return session_filter


CONTEXT = {}


def formatting_filter(record):
    """common.lib.log_utils.formatting_filter, the context a dict here."""
    job = getattr(record, "job", None) or CONTEXT.get("job")
    job_definition = getattr(record, "job_definition", None) or CONTEXT.get("job_definition")
    task = getattr(record, "task", None) or CONTEXT.get("task")
    status_code = getattr(record, "status_code", None)
    if job and not status_code:
        status_code = job.status_code
    tags = {}
    if status_code:
        tags["status"] = status_code
    if job:
        tags["workspace"] = job.workspace
        tags["action"] = job.action
        tags["id"] = job.id
    elif job_definition:
        tags["id"] = job_definition.id
    if task:
        tags["task"] = task.id
        tags["task_type"] = task.type
    record.tags = " ".join(f"{k}={v}" for k, v in tags.items())
    return True


@contextlib.contextmanager
def thread_named(name):
    """The agent's thread names ("agnt", "mtrc"), printed by its format."""
    thread = threading.current_thread()
    saved, thread.name = thread.name, name
    try:
        yield
    finally:
        thread.name = saved


# --------------------------------------------------------------------------
# A research imaging AWS Batch job (its container's one log stream): the
# job's script pulls a study's series from the PACS's DICOMweb endpoint
# with dicomweb-client's command line (-vvv, stderr), then converts them
# with Dcm2Bids (stdout), one participant and session at a time.

PACS = "pacs.imaging.example-hospital.org"
SERIES = [("1.2.826.0.1.3680043.8.498.1117", "MPRAGE", 176), ("1.2.826.0.1.3680043.8.498.1118", "FLAIR_3D", 160),
          ("1.2.826.0.1.3680043.8.498.1119", "ep2d_bold_rest", 300), ("1.2.826.0.1.3680043.8.498.1120",
          "ep2d_diff_64dir", 70), ("1.2.826.0.1.3680043.8.498.1121", "localizer", 3)]
SUBJECTS = [("01", "01", "1.2.826.0.1.3680043.8.498.5501"), ("02", "01", "1.2.826.0.1.3680043.8.498.5502"),
            ("03", "02", "1.2.826.0.1.3680043.8.498.5503")]
BIDS_DST = {"MPRAGE": "anat/sub-{s}_ses-{e}_T1w", "FLAIR_3D": "anat/sub-{s}_ses-{e}_FLAIR",
            "ep2d_bold_rest": "func/sub-{s}_ses-{e}_task-rest_bold", "ep2d_diff_64dir": "dwi/sub-{s}_ses-{e}_dwi"}


def stream_dicomweb_dcm2bids():
    stream = []
    dw = Program("dicomweb-client", "dicomweb_client.web", logging.Formatter(DICOMWEB), stream)
    db = Program("dcm2bids", "dcm2bids.cli.dcm2bids", Dcm2BidsFormatter(), stream)
    web = lg(dw, "dicomweb_client.web")
    cli = lg(dw, "dicomweb_client.cli")
    pool = lg(dw, "urllib3.connectionpool")
    main = lg(db, "dcm2bids.cli.dcm2bids")
    tools = lg(db, "dcm2bids.utils.tools")
    niix = lg(db, "dcm2bids.dcm2niix_gen")
    side = lg(db, "dcm2bids.sidecar")
    gen = lg(db, "dcm2bids.dcm2bids_gen")
    headers = "{'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', 'Accept': " \
              "'multipart/related; type=\"application/dicom\"; transfer-syntax=*', 'Connection': 'keep-alive'}"

    printed(stream, "[fetch-and-convert] job 7f3c2a1e-9b4d-4e8a-a2f1-0c6d5e4b3a21 attempt 1, %d participants"
            % len(SUBJECTS))
    for n, (sub, ses, study) in enumerate(SUBJECTS):
        printed(stream, f"[fetch-and-convert] sub-{sub} ses-{ses}: retrieving study {study}")
        web.debug("initialize HTTP session")
        web.info(f'search for series of study "{study}"')
        pool.debug("Starting new HTTPS connection (%d): %s:%s", 1, PACS, 443)
        url = f"https://{PACS}/dicom-web/studies/{study}/series"
        web.debug(f"GET: {url} {{'Accept': 'application/dicom+json'}}")
        pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", PACS, 443, "GET", f"/dicom-web/studies/{study}/series",
                   "HTTP/1.1", 200, 2817)
        web.debug("request status code: 200")
        for uid, desc, count in SERIES:
            if n == 2 and desc == "FLAIR_3D":
                web.info(f'retrieve series "{uid}.{n}" of study "{study}"')
                pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", PACS, 443, "GET",
                           f"/dicom-web/studies/{study}/series/{uid}.{n}", "HTTP/1.1", 404, 0)
                web.debug("request status code: 404")
                cli.error(f"404 Client Error: Not Found for url: https://{PACS}/dicom-web/studies/{study}/series/"
                          f"{uid}.{n}")
                printed(stream, f"[fetch-and-convert] sub-{sub} ses-{ses}: series {desc} failed (exit 1), skipping")
                continue
            web.info(f'retrieve series "{uid}.{n}" of study "{study}"')
            web.debug(f"GET: {url}/{uid}.{n} {headers}")
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", PACS, 443, "GET",
                       f"/dicom-web/studies/{study}/series/{uid}.{n}", "HTTP/1.1", 200, None)
            web.debug("request status code: 200")
            web.debug("decode multipart message")
            web.debug("decode message header")
            web.debug("decode message content")
            for i in range(0, count, 64):
                web.debug(f"decode message content chunk #{i // 64}")
            if desc == "ep2d_bold_rest" and n == 1:
                web.warning('299 pacs.imaging.example-hospital.org "Some instances could not be retrieved: 2 of 300"')
            cli.info(f"save instance to file: /scratch/dicom/sub-{sub}/{uid}.{n}/{uid}.{n}.1.dcm")
        printed(stream, f"[fetch-and-convert] sub-{sub} ses-{ses}: running dcm2bids")
        if n == 2:
            # A participant's config is missing: dcm2bids dies before it logs.
            def load_json():
                def open_config():
                    raised("builtins", "FileNotFoundError",
                           "[Errno 2] No such file or directory: '/code/config/dcm2bids_config_ses-02.json'")
                open_config()
            uncaught(stream, load_json)
            printed(stream, f"[fetch-and-convert] sub-{sub} ses-{ses}: dcm2bids failed (exit 1)")
            continue
        main.info("--- dcm2bids start ---")
        main.info("Running the following command: /usr/local/bin/dcm2bids -d /scratch/dicom/sub-%s -p %s -s %s "
                  "-c /code/config/dcm2bids_config.json -o /bids --auto_extract_entities" % (sub, sub, ses))
        main.info("OS version: %s", "Linux-5.10.219-208.866.amzn2.x86_64-x86_64-with-glibc2.36")
        main.info("Python version: %s", "3.11.9 (main, Jul  2 2024, 05:37:24) [GCC 12.2.0]")
        main.info("dcm2bids version: 3.2.0")
        main.info("dcm2niix version: v1.0.20240202")
        main.info("Checking for software update")
        for repo in ("UNFmontreal/Dcm2Bids", "rordenlab/dcm2niix"):
            tools.warning(f"Checking latest version of {repo} was not possible, your machine is probably not "
                          "connected to the Internet.")
        main.info(f"participant: sub-{sub}")
        main.info(f"session: ses-{ses}")
        main.info("config: /code/config/dcm2bids_config.json")
        main.info("BIDS directory: /bids")
        main.info("Auto extract entities: True")
        main.info("Reorder entities: True")
        main.info("Validate BIDS: False\n")
        if n == 1:
            niix.warning("Previous dcm2bids temporary directory output found:")
            niix.warning(f"/bids/tmp_dcm2bids/sub-{sub}_ses-{ses}")
            niix.warning("'force' argument is set to True")
            niix.warning("Cleaning the previous directory and running dcm2bids")
        niix.info("Running: dcm2niix -b y -ba y -z y -f %%3s_%%f_%%p_%%t -o /bids/tmp_dcm2bids/sub-%s_ses-%s "
                  "/scratch/dicom/sub-%s" % (sub, ses, sub))
        niix.info("Check log file for dcm2niix output\n")
        side.info("SIDECAR PAIRING")
        for k, (uid, desc, count) in enumerate(SERIES):
            name = "%03d_sub-%s_%s_20240511144444" % (k + 2, sub, desc)
            if desc in BIDS_DST:
                side.info(f"{BIDS_DST[desc].format(s=sub, e=ses)}  <-  {name}")
            else:
                side.info(f"No Pairing  <-  {name}")
        gen.info(f'Moving acquisitions into BIDS folder "/bids/sub-{sub}/ses-{ses}".\n')
        if n == 1:
            gen.info(f"'/bids/sub-{sub}/ses-{ses}/anat/sub-{sub}_ses-{ses}_T1w.nii.gz' already exists")
            gen.info("Use --clobber option to overwrite")
        main.info(f"Logs saved in /bids/tmp_dcm2bids/log/sub-{sub}_ses-{ses}_20240511-1444{44 + n}.log")
        main.info("--- dcm2bids end ---")
    printed(stream, "[fetch-and-convert] done: 2 converted, 1 failed; syncing /bids to s3://research-imaging-bids/"
            "study-0412/")
    return {"name": "dicomweb-dcm2bids", "programs": [dw, db], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A health research platform's ECS cluster (its tasks' one log group):
# DAX's `dax build` and `dax launch` tasks (the "dax" logger on stdout)
# build and queue the XNAT imaging projects' processing, beside the
# Immunisation FHIR API's batch record processor, an ECS task per supplier
# file.

DAX_SITE = "/usr/local/lib/python3.11/site-packages/dax/"
PROJECTS = [("NEURO_MS", ["MS001_MR1", "MS002_MR1", "MS002_MR2"]), ("ONCO_PET", ["PET014_BL", "PET015_BL"])]
PROCS = ["FS7_v1", "fmriqa_v4", "dtiQA_v7"]
SUPPLIERS = [("RAVS", "COVID", "COVID_Vaccinations_v5_RAVS_20240511T14434400.csv", 6),
             ("EMIS", "FLU", "FLU_Vaccinations_v5_YGM41_20240511T14434500.csv", 8),
             ("TPP", "RSV", "RSV_Vaccinations_v5_YGA_20240511T14434600.csv", 0)]


def stream_dax_imms():
    stream = []
    dx = Program("dax", "dax", logging.Formatter(DAX), stream)
    im = Program("imms-recordprocessor", "batch_processor", logging.Formatter(IMMS), stream)
    dax = lg(dx, "dax")
    imms = lg(im, "root")
    launcher = DAX_SITE + "launcher.py"

    def dlog(level, line, msg, func="build"):
        at(dax, level, launcher, line, func, msg)

    for cycle in range(3):
        printed(stream, f"Task started: arn:aws:ecs:eu-west-2:123456789012:task/research-cluster/"
                f"{cycle + 1:02d}a7c4e2d9b8f1a6c3e5d7b9f2a4c6e8d0")
        with pid(7):
            dlog(logging.INFO, 212, "XNAT CR status: cr=None, self.cr=False", "__init__")
            dlog(logging.INFO, 423, "-------------- Build --------------")
            dlog(logging.INFO, 424, "launcher_type = diskq-combined")
            dlog(logging.INFO, 425, "mod delta = None")
            dlog(logging.INFO, 432, "Connecting to XNAT at https://xnat.research.example-hospital.org")
            for project, sessions in PROJECTS:
                dlog(logging.INFO, 454, "===== PROJECT: %s =====" % project)
                dlog(logging.INFO, 519, "* Loading list of sessions from XNAT for project", "build_project")
                for s, label in enumerate(sessions):
                    if (s + cycle) % 3 == 2:
                        dlog(logging.INFO, 556, "+ Session %s:skipping not modified since last run, last_mod=%s, "
                             "last_run=%s" % (label, "2024-05-10 22:14:07", "2024-05-11 02:00:03"), "build_project")
                        continue
                    dlog(logging.INFO, 569, "+ Session {}:modified, last_mod={}".format(label, "2024-05-11 09:41:52"),
                         "build_project")
                    dlog(logging.INFO, 581, "+ Subject %s: loading XML for %s session(s)..." % (label[:5], 1 + s % 2),
                         "build_project")
                    dlog(logging.INFO, 597, "+ Session %s: building..." % label, "build_project")
                    if cycle == 0 and label == "PET015_BL":
                        # A session whose XML can't be read: DAX logs the
                        # traceback's text as a CRITICAL message.
                        def build_session():
                            def scan_type():
                                raised("builtins", "KeyError", "'xnat:petScanData/parameters/frames'")
                            scan_type()
                        try:
                            build_session()
                        except Exception as e:
                            dlog(logging.CRITICAL, 604, "Caught exception building sessions %s" % label,
                                 "build_project")
                            dlog(logging.CRITICAL, 605, "Exception class %s caught with message %s" % (
                                e.__class__, str(e)), "build_project")
                            dlog(logging.CRITICAL, 606, traceback.format_exc(), "build_project")
                        continue
                    for proc in PROCS[:2 + s % 2]:
                        assr = f"{project}-x-{label[:5]}-x-{label}-x-{proc}-x-{(s * 7919 + cycle) % 100000:05d}"
                        if cycle == 2:
                            dlog(logging.INFO, 683, "already built:{}".format(assr), "build_session")
                        else:
                            dlog(logging.INFO, 716, "writing:/data/dax/DISKQ/BATCH/%s.slurm" % assr, "build_task")
            dlog(logging.INFO, 250, "-------------- Launch Tasks --------------", "launch_jobs")
            dlog(logging.INFO, 251, "launcher_type = diskq-combined", "launch_jobs")
            dlog(logging.INFO, 263, "Loading task queue from: /data/dax/DISKQ", "launch_jobs")
            dlog(logging.INFO, 271, "%s tasks that need to be launched found" % (5 - 2 * cycle), "launch_jobs")
            if cycle == 0:
                dlog(logging.WARNING, 1057, "failed to get lock. Already running.", "lock_flagfile")

        supplier, vaccine, filename, rows = SUPPLIERS[cycle]
        message_id = "7c3e%04x-5b1a-4f0e-9d2c-a1b2c3d4e5f6" % (cycle * 4099)
        printed(stream, f"Task started: arn:aws:ecs:eu-west-2:123456789012:task/research-cluster/"
                f"{cycle + 1:02d}3f9b8c7d6e5f4a3b2c1d0e9f8a7b6c5")
        imms.info("task started")
        imms.info("Starting function: %s", "file_level_validation")
        if rows == 0:
            imms.error('{"function_name": "record_processor_file_level_validation", "date_time": '
                       f'"2024-05-11 14:44:{46 + cycle}.512301", "file_key": "{filename}", "message_id": '
                       f'"{message_id}", "vaccine_type": "{vaccine}", "supplier": "{supplier}", "time_taken": '
                       '"0.0s", "statusCode": 403, "message": "TPP does not have permissions to perform any of the '
                       'requested actions.", "error": "TPP does not have permissions to perform any of the requested '
                       'actions."}')
            imms.error("File level validation failed: %s", "TPP does not have permissions to perform any of the "
                       "requested actions.")
            imms.info("Total rows processed: %s", 0)
            imms.info("Total time for completion: %ss", 0.41837)
            continue
        imms.info('{"function_name": "record_processor_file_level_validation", "date_time": '
                  f'"2024-05-11 14:44:{44 + cycle}.118204", "file_key": "{filename}", "message_id": "{message_id}", '
                  f'"vaccine_type": "{vaccine}", "supplier": "{supplier}", "time_taken": "0.71204s", '
                  '"statusCode": 200, "message": "Successfully sent for record processing"}')
        for r in range(1, rows + 1):
            imms.info("MESSAGE ID : %s", f"{message_id}^{r}")
            if r == 1:
                imms.info("Process: 1")
            flag = "NEW" if r % 4 else ("UPDATE" if r != 8 else "CANCEL")
            if flag == "CANCEL":
                imms.info("Invalid ACTION_FLAG '%s' - ACTION_FLAG MUST BE 'NEW', 'UPDATE' or 'DELETE'", flag)
                continue
            op = flag.replace("NEW", "CREATE")
            imms.info("OPERATION REQUESTED:  %s", op)
            allowed = "{'CREATE', 'UPDATE', 'DELETE'}" if vaccine == "FLU" else "{'CREATE'}"
            imms.info("OPERATION ALLOWED: %s", Shown(allowed))
            if vaccine == "COVID" and op == "UPDATE":
                imms.info("Skipping row as supplier does not have the permissions for this operation %s", op)
                continue
            if r == 5 and vaccine == "FLU":
                imms.error("Invalid row format: row is missing either UNIQUE_ID or UNIQUE_ID_URI")
        if cycle == 1:
            imms.warning("Encoding Error: 'utf-8' codec can't decode byte 0xe9 in position 2214: invalid "
                         "continuation byte.")
            imms.info("Encode error at row 6 with utf-8. Switch to cp1252")
            imms.info("Restarted Process (log up to first 10): 7")
        imms.info("Total rows processed: %s", rows)
        imms.info("Total time for completion: %ss", round(2.1 + rows * 0.13, 5))
        printed(stream, "Essential container in task exited")
    return {"name": "dax-imms", "programs": [dx, im], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A research-computing host (Docker's awslogs driver and the host's cron,
# one log group): TACA's cron runs `taca analysis demultiplex` over the
# sequencers' data directories, and OpenSAFELY's job-runner agent runs the
# researchers' study jobs (its metrics thread beside).

RUNS = [("240509_A00621_0812_AHXYZ7DSX7", "NovaSeq"), ("240510_LH00217_0044_B22GTCWLT3", "NovaSeqXPlus"),
        ("240510_M01548_0611_000000000-LKX4R", "MiSeq"), ("240511_VH00203_0102_AAFNMKHM5", "NextSeq")]
JOBS = [("k7t2x4bqm3vh5wzd", "opensafely-covid-vaccine-effectiveness", "generate_dataset"),
        ("p9q3r8fsa2nc6ykb", "opensafely-covid-vaccine-effectiveness", "analyse_cohort"),
        ("d4m6w2ehz7lj3tqa", "opensafely-long-covid-codes", "generate_measures")]


def stream_taca_jobrunner():
    stream = []
    tc = Program("taca", "taca.analysis.analysis", logging.Formatter(TACA), stream)
    jr = Program("job-runner", "agent.main", JobRunnerFormatter(JOBRUNNER, style="{"), stream, truth=JobRunnerJson)
    jr.handler.addFilter(formatting_filter)
    ana = lg(tc, "taca.analysis.analysis")
    runs = lg(tc, "taca.illumina.Runs")
    agent = lg(jr, "agent.main")
    service = lg(jr, "agent.service")
    local = lg(jr, "agent.executors.local")
    metrics = lg(jr, "agent.metrics")

    with thread_named("agnt"):
        service.info("agent.service started")
        agent.info("agent.main loop started")
    status = {}
    for cycle in range(6):
        session = now("%y%m%d%H%M")
        tc.handler.filters[:] = [taca_session(session)]
        printed(stream, f"CRON[{2811 + cycle}]: (taca) CMD (taca analysis demultiplex >/dev/null)")
        ana.info("Starting processing of all runs in data directories")
        for k, (run, kind) in enumerate(RUNS):
            path = f"/srv/ngi_data/sequencing/{kind}/{run}"
            if kind == "NextSeq" and cycle < 2:
                ana.warning(f"There was an error setting up a run object for {path}")
                continue
            ana.info(f"Checking run {run}")
            step = cycle - k + 1
            if step <= 0:
                ana.info(f"Run {run} is not finished yet")
            elif step == 1:
                if kind == "MiSeq":
                    ana.warning(f"Run {run} marked as NON-NGI-RUN, TACA will skip this and move the run to no-sync "
                                "directory")
                    runs.info(f"archiving run {run}")
                    continue
                ana.info(f"Starting BCL to FASTQ conversion and demultiplexing for run {run}")
            elif step == 2:
                ana.info(f"BCL conversion and demultiplexing process in progress for run {run}, skipping it")
                runs.info("Sub-Demultiplexing in Demultiplexing_0 not completed yet.")
            elif step == 3:
                ana.info(f"Preprocessing of run {run} is finished, transferring it")
                runs.info(f"Adding run {run} to /srv/ngi_data/status/transfer.tsv")
            else:
                ana.info(f"Run {run} already transferred to analysis server, skipping it")
        if cycle == 2:
            ana.warning(f"There was an error processing the run /srv/ngi_data/sequencing/NovaSeq/{RUNS[0][0]}")
        ana.info("Finished processing all runs in data directories")

        # The agent's loop: a RUNJOB task per job, its state changes.
        with thread_named("agnt"):
            for n, (job_id, workspace, action) in enumerate(JOBS):
                task = types.SimpleNamespace(id=f"{job_id}-{cycle + 1:03d}", type="RUNJOB")
                CONTEXT.clear()
                CONTEXT.update(task=task, job_definition=types.SimpleNamespace(id=job_id))
                previous = status.get(job_id)
                state = ["PREPARING", "EXECUTING", "EXECUTING", "FINALIZED"][min(cycle, 3) if n != 2 else min(
                    cycle + 1, 3)]
                if state == "PREPARING":
                    local.info(f"Copying in code from https://github.com/opensafely/{workspace}@"
                               f"{'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b%d' % n}")
                    local.info("Copying input file: output/dataset.arrow")
                if n == 1 and cycle == 1:
                    # docker run fails: the task errors, its stderr follows.
                    def handle_single_task():
                        def run_docker():
                            raise subprocess.CalledProcessError(
                                125, ["docker", "run", "--detach", "--name", f"os-job-{job_id}",
                                      "ghcr.io/opensafely-core/r:v2"],
                                output=b"", stderr=b"docker: Error response from daemon: Conflict. The container name "
                                b"\"/os-job-%s\" is already in use by container \"3f9b8c7d6e5f\". You have to remove "
                                b"(or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n"
                                % job_id.encode())
                        run_docker()
                    try:
                        handle_single_task()
                    except Exception:
                        agent.exception("task error")
                    continue
                if state != previous:
                    agent.info(f"State change for job {job_id}: {previous} -> {state}")
                    status[job_id] = state
                if state == "FINALIZED" and previous != state:
                    local.info("Extracting output file: output/measures/measure_flu_vax_by_region.csv")
                    local.info(f"Logs written to: /srv/high_privacy/workspaces/{workspace}/metadata/{action}.log")
                    local.info("Cleaning up container and volume")
            CONTEXT.clear()
        with thread_named("mtrc"):
            if cycle == 4:
                try:
                    raised("subprocess", "TimeoutExpired",
                           "Command '['docker', 'stats', '--no-stream', '--no-trunc', '--all', '--format', "
                           "'{{json .}}']' timed out after 10 seconds")
                except Exception:
                    metrics.exception("Getting docker stats timed out")
    with thread_named("agnt"):
        service.info("agent.service stopped")
    printed(stream, "opensafely-agent exited with code 0")
    return {"name": "taca-jobrunner", "programs": [tc, jr], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_dicomweb_dcm2bids(), stream_dax_imms(), stream_taca_jobrunner()])


if __name__ == "__main__":
    main()
