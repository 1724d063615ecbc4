"""The 81-st held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout80.py`): six more programs'
own logging set-ups in three streams, chosen from scientific workflow
managers and GIS and mapping servers as platform and SRE teams run them in
AWS (a genomics core's pipeline host on EC2, where the nightly germline
workflow runs on SciLuigi, with Luigi's own interface handler beside it,
and Tibanna's CLI launches the core's RNA-seq pipelines on AWS Step
Functions and polls them; a climate service's forecast host on EC2, where
ECMWF's Troika submits the ecFlow suite's jobs to the team's Slurm
cluster over SSH and xcube serve serves the suite's output datacubes as
map tiles, time series and the xcube Viewer; a mapping team's tile and
field-data host on EC2, where Tilezen's tilequeue renders the team's
vector tiles from PostGIS into S3, with its tiles-of-interest cron jobs,
and QFieldCloud's worker runs a QGIS container for every job the field
crews' QField apps cause), each format copied from the file named beside
it (the version read is given), with the formatter class the program
uses, and messages modelled on the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout81

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aeb1dd6 (session 31's rules in, none written
from this set), with nothing configured: 97.6% exact, 98.4% key
fields (asctime 100.0%, levelname 98.8%, name 100.0%, message 99.6%).

Formatters and filters: SciLuigi, Luigi, Troika, xcube and tilequeue use
logging.Formatter itself; Tibanna and QFieldCloud's worker have Formatter
subclasses of their own (reproduced below); none has a filter or a
formatTime of its own. SciLuigi's setup_logging (run when
sciluigi.interface is imported) puts one stderr StreamHandler, at INFO,
with "time | LEVEL | message" (the level right-aligned in eight,
"%Y-%m-%d %H:%M:%S") on both "sciluigi-interface" and "luigi-interface";
luigi.run's InterfaceLogging._default then adds Luigi's own stderr
handler, "%(levelname)s: %(message)s" at DEBUG, to "luigi-interface" and
sets it to DEBUG, so every INFO-and-up record of Luigi's worker prints
twice, first in SciLuigi's layout and then in Luigi's, and its DEBUG
records once, in Luigi's. Luigi's execution summary is one record whose
message starts and ends with a line break, and a failed task's record
carries its traceback (printed twice). Tibanna's create_logger gives every
module's logger ("tibanna.core", "tibanna.job", "tibanna.pricing_utils")
a stderr handler with its TibannaLoggingFormatter, which prints INFO
records as the bare message and the others as "[name] LEVEL: time -
message" with "%y-%m-%d %H:%M:%S" (a two-digit year); the DynamoDB
success message is a WARNING, so it takes the long form, and "response
from aws was: \\n ..." is a two-line INFO message whose second line starts
with a space. Troika's log.config is a basicConfig on the root (stderr)
with "time; name; LEVEL; message"; the suite runs it with -vv, so its
DEBUG records print, some of them with bytes reprs of ssh's and sbatch's
output (b'...', one with an escaped line break inside) after a line
break, and one a traceback (troika.cli's "Unhandled exception"). xcube's configure_logging (`xcube --loglevel INFO`) puts
"[%(levelname).1s time name] message" on the root's stderr handler: the
level cut to its first letter, so xcube's own DETAIL level (15, `serve
-vv`) prints "D" as DEBUG would, and Tornado's loggers ("tornado.access",
"tornado.general", "tornado.application"), which xcube's Tornado framework
strips of their handlers and lets propagate, print in the same layout;
with trace_perf on, every tile prints its timing records. tilequeue reads
its deployment's copy of logging.conf.sample with fileConfig: the
"process" logger writes through a second stdout handler with
"%(asctime)s %(message)s" and "%Y-%m-%dT%H:%M:%S%z", its messages JSON
objects that JsonTileProcessingLogger dumps (no level, no name; one kind
of error puts its one-line stacktrace in a list, another in a string),
while the cron commands' loggers ("enqueue_tiles_of_interest",
"prune_tiles_of_interest") and the root (WARNING, where urllib3's
connection-pool warnings arrive) use "time - name - LEVEL - message" with
an empty datefmt (Python's default time). QFieldCloud's worker calls
basicConfig(level=DEBUG) and sets its RedactingFormatter on the root's
handler (stderr): "HH:MM:SS.mmm name LEVEL message", the name padded to
nine ("root", "ENTRYPNT", "PROCPRJ", "QGSSTDERR", "QGSMSGLOG", longer
names such as "qfc_worker.apply_deltas" unpadded) and the level to eight;
it replaces password='...' in the whole line with "***", and the truth
here redacts the message alike (RedactingJson). Its QGSSTDERR and
QGSMSGLOG records carry extra attributes ("time", and "line", "file",
"function" or "tag") that python-json-logger writes and no text shows;
its multi-line messages end in tabulate's tables (padded columns, trailing
spaces).

Print lines: the cron wrappers' and containers' `+` lines (set -x), Tibanna's
`stat` table (tab-separated) and `cost_estimate` lines, the traceback of a
Tibanna submission the Step Functions API throttles (nothing catches it),
the ecFlow server's start-up line, QFieldCloud's step markers
("::<<<::uuid Step name" and "::>>>::uuid stage", print()s to stderr).

The messages are modelled on the programs' source, read at the commits
cited: SciLuigi's sciluigi/interface.py, workflow.py, task.py and
audit.py; Luigi's luigi/setup_logging.py, interface.py, worker.py,
task.py (task_id_str and __repr__, computed here as Luigi does) and
execution_summary.py; Tibanna's tibanna/__init__.py, core.py
(run_workflow, stat, log), job.py (add_to_dd), pricing_utils.py and
vars.py; Troika's src/troika/cli.py, log.py, config.py, controller.py,
connection.py, site.py, hook.py, hooks/base.py, hooks/common.py,
controllers/base.py, connections/local.py, ssh.py and base.py,
sites/base.py and slurm.py; xcube's xcube/constants.py, cli/common.py,
cli/main.py, cli/serve.py, server/server.py, server/webservers/tornado.py,
util/perf.py, core/tile.py (the trace_perf steps), webapi/*/routes.py and
api.py (the APIs and routes), webapi/datasets/controllers.py and
context.py, webapi/timeseries/controllers.py, and Tornado's web.py
log_request and log_exception; tilequeue's logging.conf.sample,
tilequeue/command.py (process, enqueue-tiles-of-interest,
prune-tiles-of-interest), log.py, worker.py and utils.py; QFieldCloud's
docker-qgis/entrypoint.py, qfc_worker/utils.py, process_projectfile.py
and apply_deltas.py, and docker-app/worker_wrapper/wrapper.py. Modelled
rather than read: the values (run ids, samples, commands, job ids, ARNs,
request ids, hosts, paths, Slurm job ids, child pids, datasets,
variables, tile coordinates, timings, sizes, project ids, layer names and
ids, checksums, WKT), the order and number of records (Luigi's worker
order with four processes, the APIs' load order and which routes are
listed), the GATK, ssh, sbatch and QGIS texts, the third-party exception
texts (botocore, psycopg2, s3fs), Python 2's dict key order in
tilequeue's JSON (written here in the source's order), tabulate's column
widths and the wrapper scripts.

Left out: Autosubmit (BSC-ES/autosubmit e4254d0d autosubmit/log/log.py:
its console LogFormatter prints "%(message)s" with ANSI colour codes and
"[WARNING] " headers and custom level numbers; left out on purpose, as
coloured output has been), Sapporo (sapporo-wes/sapporo-service 096022ad
sapporo/config.py: uvicorn's DefaultFormatter with use_colors True, left
out on purpose as in earlier sets), actinia (actinia-org/actinia-core
0a405954 src/actinia_core/core/logging_interface.py: colorlog's
"%(log_color)s[...]" or a JSON formatter), yadage (yadage/yadage 6aeff5f
src/yadage/logutils.py "%(asctime)s | %(name)20.20s | %(levelname)6s |
%(message)s", kept for a later set), Aviso (ecmwf/aviso 1a17a18:
"%(message)s" on the console), EOxServer (its instance template logs
Django's records only, "%(levelname)s: %(message)s"), openEO's Python
driver (Open-EO/openeo-python-driver 9e5b49b2 openeo_driver/util/
logging.py: JSON in the deployments read; its basic format kept for a
later set), MapIt and the QWC services (no format of their own: Django's
and Flask's), and the programs of these areas in earlier sets or their
Left out paragraphs: Snakemake, WfExS-backend, Toil, miniwdl, cwltool,
Cylc, Pegasus, FireWorks, Maestro, AiiDA, Parsl, Globus Compute, Galaxy,
Arvados, redun, StreamFlow, Covalent, Prefect, Luigi's worker (in
`realworld.py`), Airflow, Dagster, Kedro, MultiQC, nipype, fMRIPrep,
DataLad; pygeoapi, pycsw, PyWPS, MapProxy, TileStache, TiTiler,
Terracotta, GeoNode, GeoHealthCheck, Nominatim, addok, Photon, eodag,
sentinelsat, Open Data Cube, pyosmium, osm2pgsql, the Tasking Manager and
WebODM.
"""

import datetime
import hashlib
import json
import logging
import os
import random
import re
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402

# SciLuigi 0.10.1 (pharmbio/sciluigi, 11daa90e), sciluigi/interface.py
# LOGFMT_STREAM and DATEFMT, setup_logging's StreamHandler (stderr, INFO) on
# "sciluigi-interface" and "luigi-interface".
SCILUIGI = "%(asctime)s | %(levelname)8s | %(message)s"
SCILUIGI_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Luigi 3.8 (spotify/luigi, 715f65c4), luigi/setup_logging.py
# InterfaceLogging._default: "luigi-interface"'s StreamHandler (stderr, at
# core.log_level, DEBUG by default).
LUIGI = "%(levelname)s: %(message)s"
# Tibanna 6.1.0 (4dn-dcic/tibanna, c8c49eab), tibanna/__init__.py
# TibannaLoggingFormatter, on create_logger's StreamHandler (stderr).
TIBANNA_VERBOSE = "[%(name)s] %(levelname)s: %(asctime)s - %(message)s"
TIBANNA_INFO = "%(message)s"
TIBANNA_DATEFMT = "%y-%m-%d %H:%M:%S"
# Troika 0.2.6 (ecmwf/troika, 0c76e9e9), src/troika/log.py config()'s
# log_format, through logging.basicConfig (root, stderr).
TROIKA = "%(asctime)s; %(name)s; %(levelname)s; %(message)s"
# xcube 1.13.4.dev0 (xcube-dev/xcube, bb4fc679), xcube/constants.py
# GENERAL_LOG_FORMAT, the root's StreamHandler(sys.stderr) from
# xcube/cli/common.py configure_logging.
XCUBE = "[%(levelname).1s %(asctime)s %(name)s] %(message)s"
# tilequeue 2.5.0 (tilezen/tilequeue, 7dd1998e), logging.conf.sample
# (read by make_logger's fileConfig): formatter_simpleFormatter (empty
# datefmt) on consoleHandler, formatter_jsonFormatter on jsonConsoleHandler,
# both StreamHandler(sys.stdout).
TILEQUEUE_SIMPLE = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
TILEQUEUE_JSON = "%(asctime)s %(message)s"
TILEQUEUE_JSON_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"
# QFieldCloud (opengisch/qfieldcloud, 91aa9769), docker-qgis/qfc_worker/
# utils.py setup_basic_logging_config(): basicConfig(level=DEBUG), then its
# RedactingFormatter on the root's handlers (stderr).
QFC = "%(asctime)s.%(msecs)03d %(name)-9s %(levelname)-8s %(message)s"
QFC_DATEFMT = "%H:%M:%S"

PY = "/usr/local/lib/python3.11/site-packages/"


class TibannaLoggingFormatter(logging.Formatter):
    """tibanna/__init__.py TibannaLoggingFormatter, as written there."""

    verbose_fmt = TIBANNA_VERBOSE
    info_fmt = TIBANNA_INFO

    def format(self, record):
        if record.levelno == logging.INFO:
            tmpformatter = logging.Formatter(TibannaLoggingFormatter.info_fmt)
        else:
            tmpformatter = logging.Formatter(TibannaLoggingFormatter.verbose_fmt)
            tmpformatter.datefmt = TIBANNA_DATEFMT
        return tmpformatter.format(record)


class TibannaJson(JsonFormatter):
    """The truth for Tibanna: the format its formatter picks for the
    record's level."""

    def __init__(self, *args, **kwargs):
        super().__init__(TIBANNA_INFO)
        self.verbose = JsonFormatter(TIBANNA_VERBOSE, TIBANNA_DATEFMT)

    def format(self, record):
        if record.levelno == logging.INFO:
            return super().format(record)
        return self.verbose.format(record)


class RedactingFormatter(logging.Formatter):
    """docker-qgis/qfc_worker/utils.py RedactingFormatter, as written there."""

    def __init__(self, *args, **kwargs) -> None:
        patterns = kwargs.pop("patterns", [r"(?:password=')(.*?)(?:')"])
        replacement = kwargs.pop("replacement", "***")
        super().__init__(*args, **kwargs)
        self._patterns = [re.compile(p, re.IGNORECASE) for p in patterns]
        self._replacement = replacement

    def format(self, record):
        msg = super().format(record)
        if isinstance(record.args, dict):
            for k in record.args.keys():
                record.args[k] = self.redact(record.args[k])
        elif isinstance(record.args, tuple):
            record.args = tuple(self.redact(str(arg)) for arg in record.args)
        else:
            raise NotImplementedError(f"Not implemented for {type(record.args)}")
        return self.redact(msg)

    def redact(self, record):
        record = str(record)
        for pattern in self._patterns:
            record = re.sub(pattern, self._replacement, record)
        return record


class RedactingJson(JsonFormatter):
    """The truth for QFieldCloud's worker: what its formatter redacts in the
    line, redacted in the message and the traceback."""

    PATTERN = re.compile(r"(?:password=')(.*?)(?:')", re.IGNORECASE)

    def process_log_record(self, log_data):
        for key in ("message", "exc_info"):
            if isinstance(log_data.get(key), str):
                log_data[key] = self.PATTERN.sub("***", log_data[key])
        return log_data


def two(name, *programs, level=logging.DEBUG):
    """A logger whose records reach several programs' handlers, in order,
    outside logging's registry."""
    log = logging.Logger(name, level)
    for p in programs:
        log.addHandler(p.handler)
    return log


def iso_now():
    t = realworld.CLOCK.t
    return now("%Y-%m-%dT%H:%M:%S") + ".%06d" % (round(t % 1 * 1e6) % 1000000)


# --------------------------------------------------------------------------
# A genomics core's pipeline host on EC2 (the CloudWatch agent ships the
# host's cron output to one stream): the nightly germline workflow on
# SciLuigi (four Luigi worker processes, local scheduler), and Tibanna's
# CLI, which the core's cron runs to launch the RNA-seq pipelines (CWL on
# AWS Step Functions and EC2) and to poll them.

REF = "/ref/GRCh38/GRCh38_full_analysis_set_plus_decoy_hla.fa"
HOST = "ip-10-42-7-19"


def luigi_task_id(family, params):
    """luigi/task.py task_id_str."""
    param_str = json.dumps(params, separators=(",", ":"), sort_keys=True)
    param_hash = hashlib.md5(param_str.encode("utf-8")).hexdigest()
    summary = "_".join(params[p][:16] for p in sorted(params)[:3])
    summary = re.sub(r"[^A-Za-z0-9_]", "_", summary)
    return "{}_{}_{}".format(family, summary, param_hash[:10])


class LTask:
    """A task as Luigi prints it (Task.__repr__: its family and significant
    parameters in declaration order) and identifies it (task_id)."""

    def __init__(self, family, params, cmd=None, secs=0.0):
        self.family, self.params, self.cmd, self.secs = family, params, cmd, secs
        self.id = luigi_task_id(family, dict(params))

    def __repr__(self):
        return "%s(%s)" % (self.family, ", ".join("%s=%s" % kv for kv in self.params))

    def instance(self):
        return dict(self.params)["instance_name"]


def luigi_line(tasks, indent):
    """execution_summary._get_str for SciLuigi's tasks (two parameters, the
    instance name the only one that differs, never a range)."""
    lines = []
    for family in sorted({t.family for t in tasks}):
        group = sorted((t for t in tasks if t.family == family), key=str)
        if len(group) == 1:
            lines.append(" " * indent + "- 1 %s" % group[0])
        elif len(group) == 2:
            lines.append(" " * indent + "- 2 %s and %s" % (group[0], group[1]))
        else:
            lines.append(" " * indent + "- %d %s ..." % (len(group), group[0]))
    return "\n".join(lines)


def luigi_summary(done_before, ran, failed=(), upstream=()):
    """luigi/execution_summary.py _summary_format and _summary_wrap."""
    n = len(done_before) + len(ran) + len(failed) + len(upstream)
    out = "Scheduled %d tasks of which:\n" % n
    if done_before:
        out += "* %d complete ones were encountered:\n" % len(done_before) + luigi_line(done_before, 4) + "\n"
    if ran:
        out += "* %d ran successfully:\n" % len(ran) + luigi_line(ran, 4) + "\n"
    if failed:
        out += "* %d failed:\n" % len(failed) + luigi_line(failed, 4) + "\n"
    if upstream:
        out += "* %d were left pending, among these:\n" % len(upstream)
        out += "    * %d had failed dependencies:\n" % len(upstream) + luigi_line(upstream, 8) + "\n"
    if failed:
        out += "\nThis progress looks :( because there were failed tasks"
    else:
        out += "\nThis progress looks :) because there were no failed tasks or missing dependencies"
    return "\n===== Luigi Execution Summary =====\n\n" + out + "\n\n===== Luigi Execution Summary =====\n"


def stream_sciluigi_tibanna():
    stream = []
    sci = Program("sciluigi", "sciluigi-interface", logging.Formatter(SCILUIGI, SCILUIGI_DATEFMT), stream)
    sci.handler.setLevel(logging.INFO)
    lu = Program("luigi", "luigi-interface", logging.Formatter(LUIGI), stream)
    tib = Program("tibanna", "tibanna.core", TibannaLoggingFormatter(), stream, truth=TibannaJson)
    slog = lg(sci, "sciluigi-interface")
    # "luigi-interface": SciLuigi's handler (INFO), then Luigi's (DEBUG).
    llog = two("luigi-interface", sci, lu)
    tcore = lg(tib, "tibanna.core")
    tjob = lg(tib, "tibanna.job")
    tprice = lg(tib, "tibanna.pricing_utils")
    rng = random.Random(81)

    def germline(run_id, samples, fail=None, salt=0):
        """One night's run of the core's GermlineWF (run_local, 4 workers)."""
        printed(stream, "+ exec python -m germline.run --run-id %s --workers 4" % run_id)
        wf = LTask("GermlineWF", [("instance_name", "sciluigi_workflow"), ("run_id", run_id)])
        wfs = repr(wf)
        stamp = now("%Y%m%d_%H%M%S") + "_%06d" % (salt * 7919 % 1000000)
        wflog = "log/workflow_germlinewf_started_%s.log" % stamp
        base = "/data/runs/%s" % run_id
        work = "/data/work/%s" % run_id

        def task(family, inst, cmd=None, secs=0.0):
            return LTask(family, [("workflow_task", wfs), ("instance_name", inst)], cmd, secs)

        raw, qc, bwa, dup, hc = {}, {}, {}, {}, {}
        for k, s in enumerate(samples):
            raw[s] = task("RawFastq", "fastq_" + s)
            qc[s] = task("FastQC", "fastqc_" + s, "fastqc --threads 4 --outdir %s/qc %s/%s_R1.fastq.gz %s/%s_R2.fastq.gz"
                         % (work, base, s, base, s), 140.2 + 17.3 * k)
            bwa[s] = task("BwaMem", "bwa_" + s, "bwa mem -t 16 -R '@RG\\tID:%s.L001\\tSM:%s\\tPL:ILLUMINA' %s "
                          "%s/%s_R1.fastq.gz %s/%s_R2.fastq.gz | samtools sort -@ 8 -m 2G -o %s/bam/%s.sorted.bam -"
                          % (s, s, REF, base, s, base, s, work, s), 2841.77 + 203.9 * k)
            dup[s] = task("MarkDuplicates", "markdup_" + s, "gatk --java-options -Xmx12g MarkDuplicates -I %s/bam/%s."
                          "sorted.bam -O %s/bam/%s.md.bam -M %s/qc/%s.dup_metrics.txt --CREATE_INDEX true"
                          % (work, s, work, s, work, s), 911.35 + 48.2 * k)
            hc[s] = task("HaplotypeCaller", "hc_" + s, "gatk --java-options -Xmx24g HaplotypeCaller -R %s -I %s/bam/%s."
                         "md.bam -O %s/gvcf/%s.g.vcf.gz -ERC GVCF -L /ref/GRCh38/wgs_calling_regions.hg38.interval_list"
                         % (REF, work, s, work, s), 3970.08 + 311.6 * k)
        joint = task("GenotypeGVCFs", "joint_genotyping", "gatk GenomicsDBImport --genomicsdb-workspace-path %s/gdb "
                     "%s -L /ref/GRCh38/wgs_calling_regions.hg38.interval_list && gatk GenotypeGVCFs -R %s -V gendb://%s"
                     "/gdb -O %s/vcf/%s.joint.vcf.gz" % (work, " ".join("-V %s/gvcf/%s.g.vcf.gz" % (work, s)
                                                                          for s in samples), REF, work, work, run_id),
                     1873.4)
        mqc = task("MultiQC", "multiqc", "multiqc --force --title %s --outdir %s/multiqc %s/qc" % (run_id, work, work),
                   38.91)
        worker = "Worker(salt=%09d, workers=4, host=%s, username=genomics, pid=%d)" % (
            rng.randrange(0, 10 ** 9), HOST, 30211 + salt)

        def informed(t, status):
            llog.info("Informed scheduler that task   %s   has status   %s", t.id, status)

        # Scheduling: the workflow first (its requires() logs SciLuigi's banner).
        llog.debug("Checking if %s is complete", wf)
        slog.info("-" * 80)
        slog.info("SciLuigi: %s Workflow Started (logging to %s)", "GermlineWF", wflog)
        slog.info("-" * 80)
        informed(wf, "PENDING")
        for t in (mqc, joint):
            llog.debug("Checking if %s is complete", t)
            informed(t, "PENDING")
        for s in reversed(samples):
            for t in (hc[s], dup[s], bwa[s]):
                llog.debug("Checking if %s is complete", t)
                informed(t, "PENDING")
            llog.debug("Checking if %s is complete", raw[s])
            informed(raw[s], "DONE")
            llog.debug("Checking if %s is complete", qc[s])
            informed(qc[s], "PENDING")
        llog.info("Done scheduling tasks")
        llog.info("Running Worker with %d processes", 4)

        pending = 3 + 4 * len(samples)
        ran, failed = [], []
        pid = [41230 + 97 * salt]

        def batch(tasks):
            nonlocal pending
            running = []
            for t in tasks:
                llog.debug("Asking scheduler for work...")
                llog.debug("Pending tasks: %s", pending)
                pid[0] += 3
                llog.info("[pid %s] Worker %s running   %s", pid[0], worker, t)
                slog.info("Task {task} started".format(task=t.instance()))
                if t.cmd:
                    slog.info("Executing command: " + str(t.cmd))
                running.append((t, pid[0]))
                pending -= 1
                if len(running) == 4:
                    llog.debug("%d running tasks, waiting for next task to finish", len(running))
            for t, p in running:
                if fail is not None and t is hc.get(fail):
                    stderr = ("Using GATK jar /gatk/gatk-package-4.5.0.0-local.jar\nRunning:\n    java -Dsamjdk.use_"
                              "async_io_read_samtools=false -Dsamjdk.use_async_io_write_samtools=true -Dsamjdk.use_"
                              "async_io_write_tribble=false -Dsamjdk.compression_level=2 -Xmx24g -jar /gatk/gatk-"
                              "package-4.5.0.0-local.jar HaplotypeCaller -R %s -I %s/bam/%s.md.bam -O %s/gvcf/%s.g."
                              "vcf.gz -ERC GVCF\n02:51:07.214 INFO  NativeLibraryLoader - Loading libgkl_compression."
                              "so from jar:file:/gatk/gatk-package-4.5.0.0-local.jar!/com/intel/gkl/native/libgkl_"
                              "compression.so\n02:51:07.503 INFO  HaplotypeCaller - --------------------------------"
                              "----------------------------\n02:51:07.503 INFO  HaplotypeCaller - The Genome Analysis "
                              "Toolkit (GATK) v4.5.0.0\n03:58:44.918 INFO  ProgressMeter -          chr7:55019017  "
                              "    67.6          11630000         172041.4\n" % (REF, work, fail, work, fail))
                    errmsg = ("Command failed (retcode {ret}): {cmd}\nCommand output: {out}\nCommand stderr: {err}"
                              .format(ret=137, cmd=t.cmd, out="", err=stderr))
                    slog.error(errmsg)

                    def run():
                        def ex():
                            def ex_local():
                                raise Exception(errmsg)
                            ex_local()
                        ex()
                    try:
                        run()
                    except Exception:
                        llog.exception("[pid %s] Worker %s failed    %s", p, worker, t)
                    informed(t, "FAILED")
                    failed.append(t)
                    continue
                slog.info("Task {task} finished after {proctime:.3f}s".format(task=t.instance(), proctime=t.secs))
                llog.info("[pid %s] Worker %s done      %s", p, worker, t)
                informed(t, "DONE")
                ran.append(t)

        for i in range(0, len(samples), 2):
            pair = samples[i:i + 2]
            batch([x for s in pair for x in (qc[s], bwa[s])])
        for i in range(0, len(samples), 4):
            batch([dup[s] for s in samples[i:i + 4]])
        for i in range(0, len(samples), 4):
            batch([hc[s] for s in samples[i:i + 4]])
        llog.debug("Asking scheduler for work...")
        if failed:
            llog.debug("Done")
            llog.debug("There are no more tasks to run at this time")
            llog.debug("There are %s pending tasks possibly being run by other workers", 3)
            llog.debug("There are %i pending tasks unique to this worker", 3)
            llog.debug("There are %i pending tasks last scheduled by this worker", 3)
            llog.info("Worker %s was stopped. Shutting down Keep-Alive thread" % worker)
            llog.info(luigi_summary(list(raw.values()), ran, failed, [joint, mqc, wf]))
            return
        batch([joint, mqc])
        llog.debug("Asking scheduler for work...")
        llog.debug("Pending tasks: %s", 1)
        pid[0] += 3
        llog.info("[pid %s] Worker %s running   %s", pid[0], worker, wf)
        slog.info("-" * 80)
        slog.info("SciLuigi: %s Workflow Finished (workflow log at %s)", "GermlineWF", wflog)
        slog.info("-" * 80)
        llog.info("[pid %s] Worker %s done      %s", pid[0], worker, wf)
        informed(wf, "DONE")
        ran.append(wf)
        llog.debug("Asking scheduler for work...")
        llog.debug("Done")
        llog.debug("There are no more tasks to run at this time")
        llog.info("Worker %s was stopped. Shutting down Keep-Alive thread" % worker)
        llog.info(luigi_summary(list(raw.values()), ran))

    # Tibanna's CLI.
    SFN = "tibanna_unicorn_genomics"
    ACCOUNT = "412907385216"
    REGION = "us-east-1"
    jobs = []

    def jobid():
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(12))

    def request_id():
        return "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                             rng.getrandbits(16), rng.getrandbits(48))

    def headers(rid, length):
        return {"x-amzn-requestid": rid, "date": now("%a, %d %b %Y %H:%M:%S GMT"),
                "content-type": "application/x-amz-json-1.0", "content-length": str(length),
                "connection": "keep-alive"}

    def submit(sample, date, dd_error=False, throttled=False):
        printed(stream, "+ tibanna run_workflow --input-json=/opt/pipelines/rnaseq/inputs/%s.json --sfn=%s "
                        "--do-not-open-browser" % (sample, SFN))
        run_name = "rnaseq-%s-%s" % (sample, date)
        jid = jobid()
        tcore.info("about to start run %s" % run_name)
        if throttled:
            def main():
                def run_workflow():
                    def start_execution():
                        raised("botocore.exceptions", "ClientError", "An error occurred (ThrottlingException) when "
                               "calling the StartExecution operation (reached max retries: 4): Rate exceeded")
                    start_execution()
                run_workflow()
            uncaught(stream, main)
            return
        arn = "arn:aws:states:%s:%s:execution:%s:%s" % (REGION, ACCOUNT, SFN, run_name)
        item = {"Job Id": {"S": jid}, "Execution Name": {"S": run_name}, "Step Function": {"S": SFN},
                "Log Bucket": {"S": "genomics-core-tibanna-logs"},
                "Time Stamp": {"S": now("%Y%m%d-%H:%M:%S-UTC")}}
        tjob.info("Trying to add the following item to dynamoDB: " + str(item))
        if dd_error:
            tjob.error("Encountered exception inserting into dynamoDB: An error occurred (ProvisionedThroughput"
                       "ExceededException) when calling the PutItem operation (reached max retries: 9): The level "
                       "of configured provisioned throughput for the table was exceeded. Consider increasing your "
                       "provisioning level with the UpdateTable API.")
            tjob.info("Trying to add the following item to dynamoDB: " + str(item))
        rid = request_id()
        resp = {"ConsumedCapacity": {"TableName": "tibanna-master", "CapacityUnits": 1.0},
                "ResponseMetadata": {"RequestId": rid.replace("-", "").upper()[:32], "HTTPStatusCode": 200,
                                     "HTTPHeaders": {"server": "Server", "date": now("%a, %d %b %Y %H:%M:%S GMT"),
                                                     "content-type": "application/x-amz-json-1.0",
                                                     "content-length": "64", "connection": "keep-alive",
                                                     "x-amzn-requestid": rid.replace("-", "").upper()[:32],
                                                     "x-amz-crc32": str(rng.getrandbits(32))},
                                     "RetryAttempts": 0}}
        tjob.warning("Successfully put item to dynamoDB: " + str(resp))
        t = realworld.CLOCK.t
        start = datetime.datetime.fromtimestamp(t - 3.1, datetime.timezone.utc).replace(tzinfo=None)
        rid = request_id()
        response = ("{'executionArn': '%s', 'startDate': datetime.datetime(%d, %d, %d, %d, %d, %d, %d, tzinfo=tzlocal())"
                    ", 'ResponseMetadata': {'RequestId': '%s', 'HTTPStatusCode': 200, 'HTTPHeaders': %s, "
                    "'RetryAttempts': 0}}" % (arn, start.year, start.month, start.day, start.hour, start.minute,
                                              start.second, start.microsecond // 1000 * 1000, rid,
                                              headers(rid, 158)))
        tcore.info("response from aws was: \n %s" % response)
        tcore.info("url to view status:")
        tcore.info("https://console.aws.amazon.com/states/home?region=%s#/executions/details/%s" % (REGION, arn))
        tcore.info("JOBID %s submitted" % jid)
        tcore.info("EXECUTION ARN = %s" % arn)
        tcore.info("Cloudwatch Dashboard = %s" % ("https://console.aws.amazon.com/cloudwatch/home?region=%s"
                                                  "#dashboards:name=awsem-%s" % (REGION, jid)))
        jobs.append((jid, run_name, now("%Y-%m-%d %H:%M")))

    def stat(states):
        printed(stream, "+ tibanna stat --sfn=%s -n %d" % (SFN, len(states)))
        printed(stream, "{}\t{}\t{}\t{}\t{}".format("jobid", "status", "name", "execution_start_time",
                                                     "execution_stop_time"))
        for (jid, name, started), state in zip(reversed(jobs), states):
            stop = now("%Y-%m-%d %H:%M") if state != "RUNNING" else ""
            printed(stream, "{}\t{}\t{}\t{}\t{}".format(jid, state, name, started, stop))

    def cost(k, missing_end=False):
        jid = jobs[-1 - k][0]
        printed(stream, "+ tibanna cost_estimate --job-id=%s" % jid)
        if missing_end:
            tprice.warning("job.end_time not available. Cannot calculate estimated cost.")
            printed(stream, "0.0 (NA)")
            return
        printed(stream, "%r (immediate estimate)" % round(0.3 + 0.0731 * (k + 3) + rng.random() / 100, 8))

    def log_not_ready(k):
        jid = jobs[-1 - k][0]
        printed(stream, "+ tibanna log --job-id=%s -p" % jid)
        tjob.warning("Unable to retrieve metadata from dynamo: An error occurred (ResourceNotFoundException) when "
                     "calling the Query operation: Requested resource not found")
        tjob.warning("Could not get job metadata from DynamoDB - falling back to sfn arn:aws:states:%s:%s:"
                     "stateMachine:%s" % (REGION, ACCOUNT, SFN))
        tcore.info("log/postrunjson file is not ready yet. Wait a few seconds/minutes and try again.")

    night1 = ["GC2405-0113", "GC2405-0114", "GC2405-0117", "GC2405-0118", "GC2405-0121", "GC2405-0122"]
    night2 = ["GC2405-0130", "GC2405-0131", "GC2405-0134", "GC2405-0135", "GC2405-0136", "GC2405-0139"]
    night3 = ["GC2405-0140", "GC2405-0142", "GC2405-0143", "GC2405-0147"]
    rna = ["RN2405-%04d" % (201 + k) for k in range(14)]

    for k in range(3):
        submit(rna[k], "240510")
    stat(["RUNNING", "RUNNING", "RUNNING"])
    germline("240510_A01234_0412_BHJ7KLDSXC", night1, salt=1)
    stat(["SUCCEEDED", "SUCCEEDED", "RUNNING"])
    cost(1)
    cost(2)
    submit(rna[3], "240511", dd_error=True)
    submit(rna[4], "240511")
    submit(rna[5], "240511", throttled=True)
    submit(rna[5], "240511")
    log_not_ready(0)
    germline("240511_A01234_0413_AHJ7KMDSXC", night2, fail="GC2405-0135", salt=2)
    stat(["RUNNING", "SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"])
    cost(0, missing_end=True)
    cost(1)
    for k in range(6, 10):
        submit(rna[k], "240512")
    germline("240512_A01234_0414_BHJ7KNDSXC", night3, salt=3)
    stat(["SUCCEEDED", "SUCCEEDED", "RUNNING", "SUCCEEDED"])
    for k in range(4):
        cost(k)
    for k in range(10, 14):
        submit(rna[k], "240513")
    stat(["RUNNING", "RUNNING", "RUNNING", "RUNNING"])
    return {"name": "sciluigi-tibanna", "programs": [sci, lu, tib], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A climate service's forecast host on EC2 (the CloudWatch agent ships both
# containers to one stream): the ecFlow server runs the sub-seasonal suite,
# whose job, status and kill commands are Troika (`troika -vv`, stderr
# inherited from the server), submitting to the team's Slurm cluster over
# SSH; xcube serve (`xcube --loglevel INFO serve -vv --traceperf
# --update-after 60`) serves
# the suite's Zarr datacubes from S3 to the xcube Viewer and the WMTS
# clients behind the ALB.

HPC = "hpc-login.s2s.internal"
ECF = "/ecf/ecf_home"
OUT = "/lus/scratch/fcst/ecf_out"
SSH_OPTS = ["-oBatchMode=yes", "-oStrictHostKeyChecking=no", "-oConnectTimeout=20"]
APIS = ["meta", "auth", "places", "datasets", "tiles", "timeseries", "statistics", "volumes", "expressions",
        "ows.wmts", "ows.coverages", "ows.stac", "s3", "compute", "viewer"]
ROUTES = [("meta", "/"), ("meta", "/openapi.html"), ("meta", "/openapi.json"), ("meta", "/maintenance/fail"),
          ("meta", "/maintenance/update"), ("meta", "/maintenance/kill"), ("meta", "/maintenance/oom"),
          ("places", "/places"), ("places", "/places/{placeGroupId}"), ("datasets", "/datasets"),
          ("datasets", "/datasets/{datasetId}"), ("datasets", "/datasets/{datasetId}/coords/{dimName}"),
          ("datasets", "/datasets/{datasetId}/places/{placeGroupId}"), ("datasets", "/places/{placeGroupId}/"
                                                                                    "{datasetId}"),
          ("datasets", "/datasets/{datasetId}/vars/{varName}/legend.png"),
          ("datasets", "/tiles/{datasetId}/{varName}/legend"), ("datasets", "/colorbars"),
          ("datasets", "/colorbars.html"), ("tiles", "/tiles/{datasetId}/{varName}/{z}/{y}/{x}"),
          ("timeseries", "/timeseries/{datasetId}/{varName}"), ("statistics", "/statistics/{datasetId}/{varName}"),
          ("volumes", "/volumes/{datasetId}/{varName}"), ("expressions", "/expressions/capabilities"),
          ("expressions", "/expressions/validate/{datasetId}/{varExpr}"),
          ("ows.wmts", "/wmts/1.0.0/WMTSCapabilities.xml"), ("ows.wmts", "/wmts/1.0.0/{tmsId}/WMTSCapabilities.xml"),
          ("ows.wmts", "/wmts/1.0.0/tile/{datasetId}/{varName}/{z}/{y}/{x}.png"),
          ("ows.wmts", "/wmts/1.0.0/tile/{datasetId}/{varName}/{tmsId}/{z}/{y}/{x}.png"), ("ows.wmts", "/wmts/kvp"),
          ("s3", "/s3/{bucket}"), ("s3", "/s3/{bucket}/{*key}"), ("compute", "/compute/operations"),
          ("compute", "/compute/operations/{operationId}"), ("compute", "/compute/jobs"),
          ("compute", "/compute/jobs/{jobId}"), ("viewer", "/viewer/config/{*path}"), ("viewer", "/viewer/state"),
          ("viewer", "/viewer/ext/contributions"), ("viewer", "/viewer/ext/layout/{contribPoint}/{contribIndex}"),
          ("viewer", "/viewer/ext/callback")]
DATASETS = [("s2s-t2m-weekly", "t2m_anomaly"), ("s2s-tp-weekly", "tp_anomaly"), ("s2s-t2m-prob", "prob_upper_tercile"),
            ("era5-t2m-clim", "t2m_clim")]
ALB = ["10.60.1.14", "10.60.2.37", "10.60.3.9"]
MAPS = "maps.s2s.example.org"


def stream_troika_xcube():
    stream = []
    tr = Program("troika", "troika", logging.Formatter(TROIKA), stream)
    xc = Program("xcube-serve", "xcube", logging.Formatter(XCUBE), stream)
    tlog = {n: lg(tr, n) for n in ["troika.log", "troika.config", "troika.controller", "troika.connection",
                                   "troika.site", "troika.hook", "troika.hooks.base", "troika.hooks.common",
                                   "troika.connections.local", "troika.connections.ssh", "troika.connections.base",
                                   "troika.controllers.base", "troika.sites.base", "troika.sites.slurm",
                                   "troika.cli"]}
    xlog = lg(xc, "xcube")
    access = lg(xc, "tornado.access")
    gen = lg(xc, "tornado.general")
    app = lg(xc, "tornado.application")
    rng = random.Random(8100)
    child = [23410]
    slurm_id = [4821930]

    def t(name, level, msg, *args, **kw):
        tlog["troika." + name].log(level, msg, *args, **kw)

    def execute(args):
        t("connections.local", logging.DEBUG, "Executing %s", " ".join(repr(str(a)) for a in args))
        child[0] += rng.randint(3, 40)
        t("connections.local", logging.DEBUG, "Child PID: %d", child[0])

    def ssh(cmd):
        # SSHConnection.execute: its options, user@host, the command quoted.
        execute(["ssh"] + SSH_OPTS + ["fcst@" + HPC] + [shlex.quote(str(a)) for a in cmd])

    def scp(src, dst):
        execute(["scp"] + SSH_OPTS + [src, "fcst@%s:%s" % (HPC, dst)])

    def begin(action, job, hooks):
        t("log", logging.DEBUG, "Writing logs to %r", job + "." + action + "log")
        t("config", logging.DEBUG, "Using configuration file %s", "/etc/troika/troika.yml")
        t("controller", logging.DEBUG, "Using %r", realworld.Shown("Controller"))
        conn = "SSHConnection(host=%r, user=%r)" % (HPC, "fcst")
        t("connection", logging.DEBUG, "Created connection %r", realworld.Shown(conn))
        t("site", logging.DEBUG, "Created %r for %s", realworld.Shown("SlurmSite(connection=%s, sbatch_command=%r)"
                                                                      % (conn, "sbatch")), "hpc")
        for name, funcs in hooks:
            t("hook", logging.DEBUG, "Enabled %s hooks: %s", name, ", ".join(funcs))

    def check_connection(down=False):
        t("hooks.base", logging.DEBUG, "Executing %s hooks", "at_startup")
        t("hooks.base", logging.DEBUG, "Calling hook function %s", "check_connection")
        ssh(["true"])
        if down:
            t("connections.base", logging.ERROR, "stderr checking connection:\n%s",
              b"ssh: connect to host hpc-login.s2s.internal port 22: Connection timed out")
            t("hooks.common", logging.ERROR, "Connection not working. Exiting.")
            return False
        return True

    HOOKS = [("at_startup", ["check_connection"]), ("pre_submit", ["create_output_dir"]),
             ("at_exit", ["copy_submit_logfile"])]

    def submit(task, rerun=False, down=False, sbatch_error=None, missing=False):
        job = "%s/s2s/%s.job%d" % (ECF, task, 2 if rerun else 1)
        out = "%s/s2s/%s.%d" % (OUT, task, 2 if rerun else 1)
        outdir = os.path.dirname(out)
        t("log", logging.DEBUG, "Writing logs to %r", job + ".submitlog")
        t("config", logging.DEBUG, "Using configuration file %s", "/etc/troika/troika.yml")
        t("controller", logging.DEBUG, "Using %r", realworld.Shown("Controller"))
        conn = "SSHConnection(host=%r, user=%r)" % (HPC, "fcst")
        t("connection", logging.DEBUG, "Created connection %r", realworld.Shown(conn))
        t("site", logging.DEBUG, "Created %r for %s", realworld.Shown("SlurmSite(connection=%s, sbatch_command=%r)"
                                                                      % (conn, "sbatch")), "hpc")
        if missing:
            # The job file was never generated (ECF_FILES moved): parse_script
            # fails before the action context is entered.
            def execute_():
                def submit_():
                    def setup():
                        def parse_script():
                            raise FileNotFoundError(2, "No such file or directory", job)
                        parse_script()
                    setup()
                submit_()
            try:
                execute_()
            except Exception:
                t("cli", logging.ERROR, "Unhandled exception", exc_info=True)
            return
        for name, funcs in HOOKS:
            t("hook", logging.DEBUG, "Enabled %s hooks: %s", name, ", ".join(funcs))
        if not check_connection(down):
            return
        if rerun:
            t("controllers.base", logging.WARNING, "Backup script file %r already exists, " + "overwriting",
              job + ".orig")
        t("controllers.base", logging.DEBUG, "Script generated. Original script saved to %r", job + ".orig")
        t("hooks.base", logging.DEBUG, "Executing %s hooks", "pre_submit")
        t("hooks.base", logging.DEBUG, "Calling hook function %s", "create_output_dir")
        ssh(["mkdir", "-p", outdir])
        ssh(["sbatch"])
        if sbatch_error:
            t("sites.slurm", logging.ERROR, "sbatch stderr for script %s:\n%s", job, sbatch_error)
            t("controllers.base", logging.CRITICAL, "%s", "submission failed with exit code 1")
        else:
            slurm_id[0] += rng.randint(1, 60)
            t("sites.slurm", logging.DEBUG, "sbatch stdout for script %s:\n%s", job,
              b"Submitted batch job %d" % slurm_id[0])
            t("sites.slurm", logging.DEBUG, "Slurm job ID: %d", slurm_id[0])
            if rerun:
                t("sites.slurm", logging.WARNING, "Job ID output file %r already exists, " + "overwriting",
                  job + ".jid")
            t("sites.slurm", logging.DEBUG, "Copying JID to output directory: %s", outdir + "/" +
              os.path.basename(job) + ".jid")
            scp(job + ".jid", outdir + "/" + os.path.basename(job) + ".jid")
        t("hooks.base", logging.DEBUG, "Executing %s hooks", "at_exit")
        t("hooks.base", logging.DEBUG, "Calling hook function %s", "copy_submit_logfile")
        ssh(["mkdir", "-p", outdir])
        scp(job + ".submitlog", outdir + "/" + os.path.basename(job) + ".submitlog")

    def monitor(task):
        # ECF_STATUS_CMD: `troika -vv monitor -o OUTPUT hpc JOB` (no -u).
        job = "%s/s2s/%s.job1" % (ECF, task)
        begin("monitor", job, HOOKS)
        if not check_connection():
            return
        jid = str(slurm_id[0] - rng.randint(0, 90))
        t("sites.slurm", logging.DEBUG, f"Read job id {jid!r} from jidfile")
        ssh(["squeue", "-u", "$USER", "-j", jid])
        t("sites.slurm", logging.INFO, "Output written to %r", job + ".stat")
        t("hooks.base", logging.DEBUG, "Executing %s hooks", "at_exit")
        t("hooks.base", logging.DEBUG, "Calling hook function %s", "copy_submit_logfile")

    # xcube serve.
    def x(level, msg, *args, **kw):
        xlog.log(level, msg, *args, **kw)

    def hit(method, uri, status, ms, ip=None):
        ip = ip or ALB[rng.randrange(len(ALB))]
        summary = "%s %s (%s)" % (method, uri, ip)
        log = access.info if status < 400 else access.warning if status < 500 else access.error
        log("%d %s %.2fms", status, summary, ms)

    def tile(ds, var, z, y, xx, slow=False):
        for step, ms in (("Preparing 2D subset", 0.21), ("Transforming tile map to dataset coordinates", 1.84),
                         ("Getting spatial subset", 0.93), ("Transforming dataset coordinates into indices", 2.71),
                         ("Masking dataset indices", 0.58)):
            x(logging.INFO, step + ": took %.2fms", ms + rng.random())
        x(logging.INFO, "Loading 2D data for spatial subset: took %.2fms", (2310.5 if slow else 41.2) + rng.random() * 30)
        x(logging.INFO, "Looking up dataset indices: took %.2fms", 1.1 + rng.random())
        x(logging.INFO, "Decoding color mapping: took %.2fms", 0.09 + rng.random() / 10)
        x(logging.INFO, "Encoding tile as RGBA image: took %.2fms", 3.2 + rng.random())
        x(logging.INFO, "Encoding RGBA image as PNG bytes: took %.2fms", 5.7 + rng.random() * 2)
        uri = ("/tiles/%s/%s/%d/%d/%d?crs=EPSG:3857&time=2024-05-20T00:00:00Z&vmin=-5&vmax=5&cmap=RdBu_r&retina=1"
               % (ds, var, z, y, xx))
        hit("GET", uri, 200, (2390.4 if slow else 62.3) + rng.random() * 40)

    def startup():
        printed(stream, "+ exec xcube --loglevel INFO serve -vv --traceperf --update-after 60 --config "
                        "/etc/xcube/s2s-serve.yaml")
        for api in APIS:
            x(logging.INFO, f"Loaded service API {api!r}")
        for api, path in ROUTES:
            x(15, f"Added route {path!r} from API {api!r}")
        x(15, f"Added static route {'/viewer'!r} from API {'viewer'!r}")
        x(logging.WARNING, f"Configuration setting {'tile_cache_size'!r} ignored, because there is no schema "
                           f"describing it.")
        x(logging.INFO, "Applying initial configuration...")
        x(logging.INFO, f"Scanning store {'forecasts'!r}")
        x(logging.INFO, "Starting service...")
        x(logging.INFO, "Service running, listening on 0.0.0.0:8080")
        x(logging.INFO, "Try http://127.0.0.1:8080/openapi.html")
        x(logging.INFO, "Press CTRL+C to stop service")

    def viewer_session():
        hit("GET", "/viewer/", 200, 3.1 + rng.random())
        hit("GET", "/viewer/config/config.json", 200, 2.2 + rng.random())
        hit("GET", "/viewer/ext/contributions", 200, 1.9 + rng.random())
        x(logging.INFO, f"Collecting datasets for granted scopes {None!r}")
        for ds, _ in DATASETS:
            if ds == "s2s-tp-weekly" and not tp_ready[0]:
                continue
            x(logging.INFO, f"Collected dataset {ds}")
        for ds, _ in DATASETS:
            if ds == "s2s-tp-weekly" and not tp_ready[0]:
                continue
            x(logging.INFO, f"Loading details for dataset {ds}")
        hit("GET", "/datasets?details=1", 200, 412.8 + rng.random() * 50)
        hit("GET", "/places", 200, 1.4 + rng.random())
        hit("GET", "/colorbars", 200, 9.6 + rng.random())

    tp_ready = [False]
    # The ecFlow server's container starts first.
    printed(stream, "+ exec ecflow_server --port=3141")
    printed(stream, "%s ecflow_server: started on port 3141, ECF_HOME=/ecf/ecf_home, version 5.12.4" %
            now("%Y-%m-%d %H:%M:%S"))
    startup()
    members = ["fc/member_%02d" % m for m in range(11)]
    for step in range(34):
        hit("GET", "/", 200, 0.8 + rng.random() / 2, ip="10.60.0.5")
        # The suite: prep, the members, post-processing.
        if step == 0:
            submit("main/12/fc/prep")
        elif 1 <= step <= 11:
            m = members[step - 1]
            if step == 4:
                submit("main/12/" + m, down=True)
            elif step == 5:
                submit("main/12/" + members[2], rerun=True)
                submit("main/12/" + m)
            elif step == 9:
                submit("main/12/" + m, sbatch_error=(
                    b"sbatch: error: AssocMaxSubmitJobLimit\nsbatch: error: Batch job submission failed: Job "
                    b"violates accounting/QOS policy (job submit limit, user's size and/or time limits)"))
            else:
                submit("main/12/" + m)
            if step % 3 == 2:
                monitor("main/12/" + members[step - 2])
        elif step == 13:
            submit("main/12/" + members[8], rerun=True)
        elif step == 15:
            submit("main/12/pp/regrid")
        elif step == 17:
            submit("main/12/pp/zarr")
        elif step == 18:
            submit("main/12/pp/publish", missing=True)
        elif step == 20:
            submit("main/12/pp/publish", rerun=True)
            # publish rewrites the server's configuration: the observer
            # (--update-after) reloads it.
            tp_ready[0] = True
            x(logging.WARNING, f"Configuration setting {'tile_cache_size'!r} ignored, because there is no schema "
                               f"describing it.")
            x(logging.INFO, "Applying configuration changes...")
            x(logging.INFO, f"Scanning store {'forecasts'!r}")
        elif step == 26:
            monitor("main/12/pp/publish")
        # The viewers.
        if step % 4 == 1:
            viewer_session()
        if step % 2 == 0:
            ds, var = DATASETS[(step // 2) % len(DATASETS)]
            if ds == "s2s-tp-weekly" and not tp_ready[0]:
                summary = "GET /datasets/%s (%s)" % (ds, ALB[0])
                gen.warning("%d %s: " + f'Dataset "{ds}" not found', 404, summary)
                hit("GET", "/datasets/" + ds, 404, 1.73, ip=ALB[0])
            else:
                for k in range(2 + step % 3):
                    tile(ds, var, 4 + k % 2, 5 + k, 8 + step % 5, slow=(step == 22 and k == 0))
        if step % 5 == 3:
            ds, var = DATASETS[step % 2 * 2]
            dur = 0.61 + rng.random()
            x(logging.INFO, f"get_time_series: dataset id {ds}, variable {var}, 1 x 46 values, took {dur} seconds")
            hit("GET", "/timeseries/%s/%s?aggMethods=mean&startDate=2024-03-01&endDate=2024-06-30" % (ds, var),
                200, dur * 1000 + 4.1)
        if step == 7:
            hit("GET", "/wmts/1.0.0/WMTSCapabilities.xml", 200, 188.2)
            hit("GET", "/wmts/1.0.0/WMTSCapabilities.xml", 304, 2.1)
        if step == 12:
            # A zarr chunk read fails on S3 throttling: Tornado's uncaught exception.
            uri = ("/tiles/s2s-t2m-weekly/t2m_anomaly/6/22/33?crs=EPSG:3857&time=2024-05-20T00:00:00Z&vmin=-5&vmax=5"
                   "&cmap=RdBu_r&retina=1")
            ip = ALB[1]

            def get():
                def compute_tile():
                    def load_chunk():
                        raised("builtins", "OSError", "[Errno 5] An error occurred (SlowDown) when calling the "
                               "GetObject operation (reached max retries: 4): Please reduce your request rate.")
                    load_chunk()
                compute_tile()
            try:
                get()
            except Exception:
                app.error("Uncaught exception %s\n%r", "GET %s (%s)" % (uri, ip), realworld.Shown(
                    "HTTPServerRequest(protocol='http', host='%s', method='GET', uri='%s', version='HTTP/1.1', "
                    "remote_ip='%s')" % (MAPS, uri, ip)), exc_info=True)
            hit("GET", uri, 500, 4031.22, ip=ip)
        if step == 23:
            hit("GET", "/maintenance/fail", 403, 0.9, ip="10.60.2.37")
            hit("POST", "/viewer/state", 200, 6.4)
            key = "%08x" % rng.getrandbits(32)
            x(logging.INFO, f"Stored state ({2381} bytes) using key {key!r}")
        if step == 27:
            # The climatology's bucket policy was changed under the server.
            x(logging.INFO, f"Collecting datasets for granted scopes {None!r}")
            for ds, _ in DATASETS:
                x(logging.INFO, f"Collected dataset {ds}")
            for ds, _ in DATASETS:
                x(logging.INFO, f"Loading details for dataset {ds}")
                if ds == "era5-t2m-clim":
                    def get_dataset():
                        def open_ml_dataset():
                            raised("builtins", "PermissionError", "Forbidden")
                        open_ml_dataset()
                    try:
                        get_dataset()
                    except Exception as e:
                        x(logging.WARNING, f"Skipping dataset {ds}: {e}", exc_info=True)
            hit("GET", "/datasets?details=1", 200, 388.1)
    return {"name": "troika-xcube", "programs": [tr, xc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mapping team's tile and field-data host on EC2 (the CloudWatch agent
# ships the host's containers to one stream): tilequeue's `process` worker
# renders the team's vector tiles from PostGIS into S3, its cron runs
# `enqueue-tiles-of-interest` and `prune-tiles-of-interest`; QFieldCloud's
# worker wrapper starts a QGIS container (`python3 entrypoint.py ...` under
# xvfb-run) for every job the field crews' QField apps cause.

LAYERS = ["boundaries", "buildings", "earth", "landuse", "places", "pois", "roads", "transit", "water"]
PROJECTS = [("5c2e8f1a-3b7d-4e60-9a1c-2d4f6b8e0a13", "tree_inventory_2024.qgs"),
            ("9a0b1c2d-4e5f-4a6b-8c7d-1e2f3a4b5c6d", "hydrants_north.qgz"),
            ("e7f6d5c4-b3a2-4190-8f7e-6d5c4b3a2918", "street_lighting.qgs")]
QLAYERS = {"tree_inventory_2024.qgs": [("Trees", "trees_8f3a1c2b_4d5e_4f60_9a7b_c1d2e3f4a5b6", "trees"),
                                       ("Tree pits", "tree_pits_0a1b2c3d_4e5f_4a6b_8c7d_9e0f1a2b3c4d", "tree_pits"),
                                       ("Parks", "parks_1f2e3d4c_5b6a_4798_8a9b_0c1d2e3f4a5b", "parks"),
                                       ("swisstopo", "ch_swisstopo_pixelkarte_farbe_7e6d5c4b", None)],
           "hydrants_north.qgz": [("Hydrants", "hydrants_3c2b1a09_8f7e_4d6c_9b5a_4e3d2c1b0a9f", "hydrants"),
                                  ("Inspections", "inspections_6e5d4c3b_2a19_4807_9f6e_5d4c3b2a1908", "inspections"),
                                  ("Mains", "mains_2d1c0b9a_8f7e_4c5d_9e3b_2a1f0e9d8c7b", "mains")],
           "street_lighting.qgs": [("Lamps", "lamps_4a3b2c1d_0e9f_48a7_b6c5_d4e3f2a1b0c9", "lamps"),
                                   ("Cabinets", "cabinets_9f8e7d6c_5b4a_4392_8a1b_0c9d8e7f6a5b", "cabinets")]}


def table(headers, rows):
    """tabulate's "simple" table as QFieldCloud prints it: numbers right-
    aligned, the rest left-aligned, every cell padded to its column."""
    def cell(v):
        return "" if v is None else str(v)
    numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) for r in rows)
               for i in range(len(headers))]
    widths = [max([len(h) + 2] + [len(cell(r[i])) for r in rows]) for i, h in enumerate(headers)]

    def fmt(v, i):
        return cell(v).rjust(widths[i]) if numeric[i] else cell(v).ljust(widths[i])
    lines = ["  ".join(fmt(h, i) for i, h in enumerate(headers)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fmt(v, i) for i, v in enumerate(r)) for r in rows]
    return "\n".join(lines)


def stream_tilequeue_qfieldcloud():
    stream = []
    tq = Program("tilequeue-process", "process", logging.Formatter(TILEQUEUE_JSON, TILEQUEUE_JSON_DATEFMT), stream)
    tqc = Program("tilequeue-cron", "enqueue_tiles_of_interest", logging.Formatter(TILEQUEUE_SIMPLE, ""), stream)
    qf = Program("qfieldcloud-qgis", "root", RedactingFormatter(QFC, datefmt=QFC_DATEFMT), stream,
                 truth=RedactingJson)
    proc = lg(tq, "process")
    enq = lg(tqc, "enqueue_tiles_of_interest")
    prune = lg(tqc, "prune_tiles_of_interest")
    pool = lg(tqc, "urllib3.connectionpool")
    qroot = lg(qf, "root")
    entry = lg(qf, "ENTRYPNT")
    procprj = lg(qf, "PROCPRJ")
    deltas = lg(qf, "qfc_worker.apply_deltas")
    qerr = lg(qf, "QGSSTDERR")
    qmsg = lg(qf, "QGSMSGLOG")
    rng = random.Random(81081)

    def pj(obj, level=logging.INFO):
        proc.log(level, json.dumps(obj))

    def lifecycle(msg):
        pj(dict(category="lifecycle", type="info", msg=msg))

    def coord(z, x, y):
        return dict(z=z, x=x, y=y)

    def processed(z, x, y):
        size = {layer: rng.randint(0, 900) for layer in LAYERS if rng.random() > 0.15}
        timing = dict(fetch=rng.randint(40, 900), process=rng.randint(30, 700), s3=rng.randint(20, 160),
                      ack=rng.randint(2, 30), queue=rng.randint(200, 90000))
        # Two formats (mvt, json) per coordinate; unchanged tiles are not stored again.
        stored = 2 if rng.random() > 0.25 else rng.choice((0, 1))
        pj(dict(category="process", type="info", msg_type="individual", coord=coord(z, x, y), time=timing, size=size,
                storage=dict(stored=stored, not_stored=2 - stored)))

    def pyramid(z, x, y):
        start = int(realworld.CLOCK.t * 1000) - rng.randint(4000, 60000)
        stop = int(realworld.CLOCK.t * 1000)
        pj(dict(type="info", category="process", msg_type="pyramid", coord=coord(z, x, y),
                time=dict(start=start, stop=stop, duration=stop - start)))

    def queue_sizes():
        sizes = {}
        for name in ("queue", "sql", "proc", "s3"):
            n = rng.randint(0, 16)
            sizes[name] = dict(size=n, empty=True) if n == 0 else dict(size=n)
        pj(dict(category="queue_sizes", type="info", sizes=sizes))

    def py2_stacktrace(frames, last):
        parts = ["Traceback (most recent call last):"]
        for path, line, func, code in frames:
            parts.append('  File "%s", line %d, in %s    %s' % (path, line, func, code))
        parts.append(last)
        return " | ".join(parts)

    # QFieldCloud's job containers.
    def marker(name):
        u = "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                            0x8000 | rng.getrandbits(14), rng.getrandbits(48))
        printed(stream, "::<<<::%s %s" % (u, name))
        return u

    def end(u, stage=2):
        printed(stream, "::>>>::%s %d" % (u, stage))

    def qt(level, message):
        qerr.log(level, message, extra={"time": iso_now(), "line": 0, "file": None, "function": None})

    def qlog(level, message, tag):
        qmsg.log(level, message, extra={"time": iso_now(), "tag": tag})

    def start_app():
        u = marker("Start QGIS Application")
        qroot.info("Starting QGIS app version 33411 (exported)...")
        qt(logging.WARNING, "QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'")
        qroot.info("QGIS app started!")
        end(u)

    def files_list(pid, tmp, files):
        qroot.info("Getting project files list…")
        rows = [[name, size, "%032x" % rng.getrandbits(128)] for name, size in sorted(files)]
        qroot.info(f'Local files list for project "{pid}":\n{table(["Name", "Size", "MD5 Checksum"], rows)}')

    def download(pid, tmp, files):
        u = marker("Download Project Directory")
        qroot.info("Preparing a temporary directory for project files…")
        qroot.info("Downloading project files…")
        qroot.info("Downloading project files finished!")
        files_list(pid, tmp + "/files", files)
        end(u)

    def layer_rows(fname, broken=None):
        rows = []
        for name, lid, _ in QLAYERS[fname]:
            if name == broken:
                rows.append([name, "..." + lid[-6:], False, "invalid_dataprovider", "",
                             'Unable to connect to service "fieldgis".'])
            else:
                rows.append([name, "..." + lid[-6:], True, "no_error", "", None])
        return table(["Layer Name", "Layer Id", "Is Valid", "Status", "Error Summary", "Provider Summary"], rows)

    def load_project(path, skip=False):
        if skip:
            qroot.info(f'Skip loading QGIS project "{path}", it is already loaded')
            return
        qroot.info(f'Loading QGIS project "{path}"…')
        if path.endswith(".qgz"):
            qroot.info("The project file is zipped as .qgz, unzipping…")
            qroot.info("The project file is unzipped successfully!")
        qroot.info("Parsing QGIS project file XML…")
        qroot.info("QGIS project parsed!")
        qroot.info("Writing the QGIS project XML into a file…")
        qroot.info("QGIS project file re-written!")
        qroot.info("Project loaded.")

    def stop_app():
        u = marker("Stop QGIS Application")
        qroot.info("Stopping QGIS app…")
        qroot.info("Deleted QGIS app!")
        end(u)

    def package_job(pid, fname, broken=None):
        tmp = "/tmp/tmp%s" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
        files = [(fname, 48211 + rng.randint(0, 9000))] + [("data/%s.gpkg" % t, 1 << 19 | rng.randint(0, 1 << 18))
                                                          for _, _, t in QLAYERS[fname] if t]
        start_app()
        download(pid, tmp, files)
        u = marker("QGIS Layers Data")
        entry.info("Extracting QGIS project layer data…")
        path = "%s/files/%s" % (tmp, fname)
        load_project(path)
        if broken:
            qlog(logging.WARNING, "Connection to database failed\nconnection to server at \"10.70.4.12\", port 5432 "
                 "failed: Connection timed out\n\tIs the server running on that host and accepting TCP/IP "
                 "connections?", "PostGIS")
            qlog(logging.CRITICAL, "Layer %s is invalid: dbname='fieldgis' host=10.70.4.12 port=5432 user='qfc_"
                 "worker' password='Hyd-2024!north' sslmode=disable key='fid' srid=2056 type=Point "
                 "checkPrimaryKeyUnicity='1' table=\"public\".\"%s\" (geom)" % (broken, broken.lower()), "Project")
        entry.info(f"QGIS project layer data\n{layer_rows(fname, broken)}")
        end(u)
        u = marker("Package Project")
        entry.info("Preparing QGIS project for packaging…")
        load_project(path, skip=True)
        entry.info("Getting project area of interest…")
        e0, n0 = 2683000 + rng.randint(0, 9000), 1247000 + rng.randint(0, 9000)
        entry.info(f"Project area of interest is `Polygon (({e0} {n0}, {e0 + 2400} {n0}, {e0 + 2400} {n0 + 1800}, "
                   f"{e0} {n0 + 1800}, {e0} {n0}))` in `<QgsCoordinateReferenceSystem: EPSG:2056>` CRS.")
        entry.info('Offliner set to "qgiscore"')
        entry.info("Packaging…")
        for name, lid, t in QLAYERS[fname]:
            if t and name != broken:
                qlog(logging.INFO, "Layer %s converted to offline layer data/%s.gpkg" % (name, t), "QFieldSync")
        if broken:
            qlog(logging.WARNING, "Layer %s is not valid and will be skipped" % broken, "QFieldSync")
        entry.info("Packaging finished!")
        end(u)
        u = marker("Packaged Layers Data")
        entry.info("Extracting QGIS project layer data…")
        qpath = "%s/export/%s_qfield.qgs" % (tmp, os.path.splitext(fname)[0])
        load_project(qpath)
        entry.info(f"QGIS project layer data\n{layer_rows(fname, broken)}")
        end(u)
        stop_app()
        u = marker("Upload Packaged Project")
        files_list(pid, tmp + "/export", [(os.path.basename(qpath), 51877)] + [
            ("data/%s.gpkg" % t, 1 << 19 | rng.randint(0, 1 << 18)) for n, _, t in QLAYERS[fname] if t and n != broken])
        qroot.info("Uploading packaged project files…")
        qroot.info("Uploading packaged project files finished!")
        end(u)

    def delta_job(pid, fname, n, conflict=False, no_pk=False):
        tmp = "/tmp/tmp%s" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
        files = [(fname, 48211 + rng.randint(0, 9000))] + [("data/%s.gpkg" % t, 1 << 19 | rng.randint(0, 1 << 18))
                                                          for _, _, t in QLAYERS[fname] if t]
        start_app()
        download(pid, tmp, files)
        u = marker("Apply Deltas")
        path = "%s/files/%s" % (tmp, fname)
        qroot.info(f'Loading project file "{path}"...')
        qroot.info(f'Loading delta file "/io/deltafile.json"...')
        name, lid, _ = QLAYERS[fname][0]
        if no_pk:
            deltas.info(f'Layer "{name}" does not have a primary key. Trying to fallback to `fid`…')
            deltas.info(f'Layer "{name}" does not have a primary key so it uses the `fid` attribute as a fallback '
                        "primary key. This is an unstable feature! Consider [converting to GeoPackages instead]"
                        "(https://docs.qfield.org/get-started/tutorials/get-started-qfc/#configure-your-project-"
                        "layers-for-qfield). ")
        deltas.info(f'Layer "{name}" will use attribute "fid" as a primary key.')
        for k in range(n):
            d = "%08x-%04x-4%03x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                0x8000 | rng.getrandbits(14), rng.getrandbits(48))
            if k == 1:
                wkt = "Point (%d.%d %d.%d)" % (2683120 + k, rng.randint(0, 999), 1247310 + k, rng.randint(0, 999))
                deltas.info(f"The provided geometry type 1 differs from the layer geometry type 0 for wkt='{wkt}'")
            if conflict and k == n - 1:
                deltas.warning(f"Conflicts while applying a single delta: Conflicts while applying delta {d}: "
                               "{'status': 'Conflict', 'conflicts': ['There is a conflict with attribute \"species\". "
                               "Original value \"Acer platanoides\", new value \"Acer pseudoplatanus\", current value "
                               "\"Tilia cordata\"']}")
                continue
            deltas.info(f'Successfully applied delta "{d}" on layer "{lid}"!')
        if conflict:
            qroot.info("Some deltas have not been applied")
        end(u)
        stop_app()
        u = marker("Upload Project")
        files_list(pid, tmp + "/files", files)
        qroot.info("Uploading project files…")
        qroot.info("Uploading packaged project files finished!")
        end(u)

    def projectfile_job(pid, fname, broken=None):
        tmp = "/tmp/tmp%s" % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))
        files = [(fname, 48211 + rng.randint(0, 9000))]
        start_app()
        download(pid, tmp, files)
        u = marker("Project Validity Check")
        procprj.info("Check QGIS project file validity…")
        procprj.info("QGIS project file is valid!")
        end(u)
        u = marker("Opening Check")
        path = "%s/files/%s" % (tmp, fname)
        load_project(path)
        end(u)
        u = marker("Project Details")
        procprj.info("Extract project details…")
        procprj.info("Reading QGIS project file…")
        procprj.info("Extracting layer and datasource details…")
        procprj.info(f"QGIS project layer checks\n{layer_rows(fname, broken)}")
        end(u)
        u = marker("Generate Thumbnail Image")
        procprj.info("Generate project thumbnail image…")
        qt(logging.WARNING, "QFont::setPointSizeF: Point size <= 0 (0.000000), must be greater than 0")
        procprj.info("Project thumbnail image generated!")
        end(u)
        stop_app()

    # tilequeue's process worker starts.
    printed(stream, "+ exec tilequeue process --config /etc/tilequeue/config.yaml")
    lifecycle("tilequeue processing started")
    lifecycle("Shapely speedups enabled")
    lifecycle("all tilequeue threads and processes started")
    job = 0
    for n in range(70):
        # Tiles: a z10 pyramid's children come back in order.
        px, py = 301 + n % 7, 384 + n // 7
        for k in range(5):
            z = 10 + k % 5
            processed(z, px * (1 << (z - 10)) + k, py * (1 << (z - 10)) + (k * 3) % (1 << (z - 10)))
        if n % 3 == 2:
            pyramid(10, px, py)
        if n % 6 == 0:
            queue_sizes()
        if n == 14:
            st = py2_stacktrace([("/usr/src/app/tilequeue/worker.py", 331, "__call__",
                                  "fetch_data = self.fetcher(nominal_zoom, unpadded_bounds)"),
                                 ("/usr/src/app/tilequeue/query/postgres.py", 289, "__call__",
                                  "conn = self.sql_conn_pool.get_conns(n_conns)"),
                                 ("/usr/src/app/tilequeue/postgresql.py", 117, "_create_conn",
                                  "conn = psycopg2.connect(**conn_info)")],
                                "OperationalError: could not connect to server: Connection timed out\tIs the server "
                                "running on host \"10.70.4.20\" and accepting\tTCP/IP connections on port 5432?")
            pj(dict(type="error", category="process", msg="Fetch error", exception="could not connect to server: "
                    "Connection timed out\n\tIs the server running on host \"10.70.4.20\" and accepting\n\tTCP/IP "
                    "connections on port 5432?\n", stacktrace=st, coord=coord(14, px * 16 + 3, py * 16 + 9),
                    parent=coord(10, px, py)), logging.ERROR)
        if n in (31, 32):
            pool.warning("Connection pool is full, discarding connection: %s", "tiles-team-vector.s3.amazonaws.com")
        if n == 33:
            st = py2_stacktrace([("/usr/src/app/tilequeue/worker.py", 512, "__call__", "did_store = async_job.get()"),
                                 ("/usr/local/lib/python2.7/multiprocessing/pool.py", 572, "get", "raise self._value")],
                                "ClientError: An error occurred (SlowDown) when calling the PutObject operation "
                                "(reached max retries: 4): Please reduce your request rate.")
            pj(dict(category="process", type="error", msg="Store error", msg_type="individual",
                    exception="An error occurred (SlowDown) when calling the PutObject operation (reached max "
                    "retries: 4): Please reduce your request rate.", stacktrace=[st],
                    coord=coord(12, px * 4 + 1, py * 4 + 2)), logging.ERROR)
        if n == 20:
            printed(stream, "+ tilequeue enqueue-tiles-of-interest --config /etc/tilequeue/config.yaml")
            enq.info("Enqueueing tiles of interest")
            enq.info("Fetching tiles of interest ...")
            enq.info("Fetching tiles of interest ... done")
            enq.info("%d enqueued - %d in flight" % (148213, 3117))
            enq.info("%d tiles of interest processed" % 151330)
        if n == 45:
            printed(stream, "+ tilequeue prune-tiles-of-interest --config /etc/tilequeue/config.yaml")
            prune.info("Pruning tiles of interest ...")
            prune.info("Fetching tiles recently requested ...")
            prune.info("Fetching tiles recently requested ... done. %s found", 412977)
            prune.info("Finding %s tiles requested %s+ times ...", 150000, 3)
            prune.info("Finding %s tiles requested %s+ times ... done. Found %s", 150000, 3, 139848)
            for name, found in (("canton_zurich", 8796), ("low_zooms", 1365)):
                prune.info("Adding in tiles from %s ...", name)
                prune.info("Adding in tiles from %s ... done. %s found", name, found)
            prune.info("New tiles of interest set includes %s tiles", 149512)
            prune.info("Fetching existing tiles of interest ...")
            prune.info("Fetching existing tiles of interest ... done. %s found", 151330)
            prune.info("Computing tiles to remove ...")
            prune.info("Computing tiles to remove ... done. %s found", 3411)
            prune.info("Removing %s tiles from TOI and S3 ...", 3411)
            for removed in (1000, 1000, 1000, 411):
                prune.info("Removed %s tiles from S3", removed)
            prune.info("Removing %s tiles from TOI and S3 ... done", 3411)
            prune.info("Computing tiles to add ...")
            prune.info("Computing tiles to add ... done. %s found", 1593)
            prune.info("Enqueueing %s tiles ...", 1593)
            prune.info("Enqueueing %s tiles ... done", 1593)
            prune.info("Setting new tiles of interest ... ")
            prune.info("Setting new tiles of interest ... done")
            prune.info("Pruning tiles of interest ... done")
        # The field crews' jobs.
        if n % 5 == 1:
            pid, fname = PROJECTS[job % len(PROJECTS)]
            kind = job % 4
            if kind == 0:
                package_job(pid, fname, broken="Mains" if job == 4 else None)
            elif kind == 1:
                delta_job(pid, fname, 2 + job % 4, conflict=(job == 9), no_pk=(fname == "street_lighting.qgs"))
            elif kind == 2:
                projectfile_job(pid, fname, broken="Mains" if fname == "hydrants_north.qgz" and job > 6 else None)
            else:
                delta_job(pid, fname, 3)
            job += 1
    # SIGTERM (a deploy): stop_all_workers, the workers' own lines between.
    lifecycle("tilequeue processing shutdown ...")
    lifecycle("requesting all workers (threads and processes) stop ...")
    lifecycle("requesting all workers (threads and processes) stop ... done")
    lifecycle("joining all workers ...")
    lifecycle("joining tile queue reader ...")
    lifecycle("tile queue reader stopped")
    lifecycle("joining tile queue reader ... done")
    for what, stopped in (("data fetchers", "data fetch stopped"), ("data processors", "processor stopped"),
                          ("s3 storage", "s3 storage stopped")):
        lifecycle("enqueueing sentinels for %s ..." % what)
        lifecycle("enqueueing sentinels for %s ... done" % what)
        lifecycle("joining %s ..." % what)
        for _ in range(2 if what != "data processors" else 1):
            lifecycle(stopped)
        lifecycle("joining %s ... done" % what)
    lifecycle("enqueueing sentinel for tile queue writer ...")
    lifecycle("enqueueing sentinel for tile queue writer ... done")
    lifecycle("joining tile queue writer ...")
    lifecycle("tile queue writer stopped")
    lifecycle("joining tile queue writer ... done")
    lifecycle("joining queue printer ...")
    lifecycle("queue printer stopped")
    lifecycle("joining queue printer ... done")
    lifecycle("joining all workers ... done")
    lifecycle("joining io pool ...")
    lifecycle("joining io pool ... done")
    lifecycle("joining multiprocess data fetch queue ...")
    lifecycle("joining multiprocess data fetch queue ... done")
    lifecycle("joining multiprocess process queue ...")
    lifecycle("joining multiprocess process queue ... done")
    lifecycle("tilequeue processing shutdown ... done")
    return {"name": "tilequeue-qfieldcloud", "programs": [tq, tqc, qf], "records": stream, "auto": False}


def main():
    def streams():
        with level_names({15: "DETAIL", 5: "TRACE"}):
            return [stream_sciluigi_tibanna(), stream_troika_xcube(), stream_tilequeue_qfieldcloud()]
    realworld.run(streams)


if __name__ == "__main__":
    main()
