r"""The twenty-third held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout22.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS outside the areas the earlier sets covered (a genomics core's
ATAC-seq job on AWS Batch, where MACS3 calls peaks and TOBIAS corrects the
Tn5 bias and scores footprints; an Open Data Cube web map service, where
the datacube CLI indexes Sentinel-2 scenes and datacube-ows serves them;
a small crypto trading desk's host, where a cryptofeed feed handler
streams exchange data into Kafka beside a Passivbot instance), each format
copied from the file named beside it (the version read is given), with
the formatter class and the filter the program uses, and messages modelled
on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout23

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at d6ce94b (session 19's rules from heldout10 to
heldout20 in), before any rule saw it: 2015 records (101 joined under a
burst), 75.0% exact, 75.0% with the key fields right (asctime 99.3%,
levelname 99.3%, name 76.6%, message 84.8%, exc_info 100.0%).

Formatters and filters: MACS3, datacube-ows, cryptofeed and Passivbot use
logging.Formatter itself; TOBIAS' TOBIASFormatter hands every record but
its comments to a logging.Formatter (its default_fmt); datacube's
ColorFormatter colours the level on a copy of the record with click.style,
and its ClickHandler writes through click.echo, which drops the codes off
a terminal, so the text is logging.Formatter's. Passivbot's
PrefixFilter sets `log_prefix` on every record its handler takes (kept in
the truth: its format prints it); its formatter's converter is
time.gmtime. 529 records in three streams.

MACS3's format pads the level to five, puts " @ " before a "%d %b %Y"
date and ends with a space after the message (so a multi-line message's
last line is a lone space); its MemoryLogger writes "[<MB> MB] " before
every message (the figure pinned here), and the argument list callpeak
logs is one INFO message that starts with a line break. TOBIAS prints its
pid in parentheses and a tab after "[LEVEL]", its own STATS level (15)
and messages with tabs of their own ("TOTAL_READS\t28185346"); one warning
ends with a line break; records from its writer processes carry their own
pids (pinned per process). datacube's format has the pid (pinned: each
command runs in a one-off container) and the logger's name
("datacube-dataset", "datacube.index.postgres._datasets") between the
time and the level; its error for a scene it cannot update spans two
lines, and `product add` logs an exception with logger.exception (the
exception as the message, exc_info). datacube-ows puts the time and the
level in brackets and no name; its request lines carry whole URLs, and a
handled OGC error a list of dicts. cryptofeed's format pads the time to
15 (which it always exceeds) and puts " : " around the level; a
reconnect warning carries exc_info, and a Kafka error message spans two
lines (chr(10) in the source). Passivbot prints its date with a "T" and a
literal "Z" and pads the level to eight: its first record has no prefix
(DEFAULT_FORMAT, before main() knows the exchange), the rest "[binance]";
its banner is drawn with box characters, and its "[pos]" lines are rows
of a PrettyTable with its border and padding off.

Print lines: the Batch job's shell trace ("+ ..."), the AWS CLI's upload
lines, TOBIAS' comment records (its comment level goes through a bare
"%(message)s" formatter: the run's header, its argument list as one
multi-line message ending with blank lines, its output files, and empty
lines), the frames TOBIAS' bigwig_writer prints with traceback.print_tb
(no header), the uncaught traceback that ends the job, click.echo's lines
from the datacube CLI, datacube-ows-update's print() lines, and the
tracebacks Passivbot prints with traceback.print_exc() after logging an
execution-loop error. gunicorn's own records in the datacube-ows container
(its format is `realworld.py`'s) are not in the sample.

The messages are modelled on the programs' source, not copied line by
line: the numbers (fragments, regions, reads, prices, fills), the paths,
buckets, hosts, UUIDs and the exceptions' texts (pyBigWig's, GDAL's
through rasterio, websockets', aiokafka's, Binance's through ccxt) are
made up; TOBIAS' progress lines are a sample of those its polling loop
writes.

Left out: CRISPResso2 (its LogStreamHandler's StatusFormatter,
"%(levelname)-5s @ %(asctime)s (%(percent_complete).1f%% done):\n\t
%(message)s \n" with "%a, %d %b %Y %H:%M:%S", a line break and a tab inside
the format and a `percent_complete` the formatter takes from the record's
args, read in pinellolab/CRISPResso2 2f26451a CRISPResso2/
CRISPRessoShared.py, kept for a later set), GTDB-Tk (its SpecialFormatter
picks one of six formats by level, with colour codes; gtdbtk/biolib_lite/
logger.py, Ecogenomics/GTDBTk 2.7.2), Bakta (its basicConfig writes only
to the log file in the output directory; its console is print()),
trollflow2 (its default "[%(levelname)s: %(asctime)s : %(name)s]
%(message)s" is Satpy's in `heldout15.py`), OctoBot (colorlog's
ColoredFormatter on the console, "%(log_color)s %(asctime)s ..."), and
JoinMarket (chromalog's ColorizingFormatter, whose monochromatic output off
a terminal was not read in chromalog's source; its format "%(asctime)s
[%(levelname)s]  %(message)s" is in jmbase/support.py at c2dd2534, kept
for a later set). No game server and no HPC workflow tool was read in the
time given (none was guessed).
"""

import datetime
import logging
import os
import sys
import time
import traceback
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import level_names, lg  # noqa: E402

# MACS3 3.0.4 (macs3-project/MACS v3.0.4, e8ff0409), MACS3/Utilities/
# Logger.py: logging.basicConfig on the root logger (stderr), a trailing
# space after the message, and logging.setLoggerClass(MemoryLogger), whose
# _log puts "[<ru_maxrss> MB] " before every message.
MACS3 = "%(levelname)-5s @ %(asctime)s: %(message)s "
MACS3_DATEFMT = "%d %b %Y %H:%M:%S"
# TOBIAS 0.17.3 (loosolab/TOBIAS 84cbffa6, tobias/__init__.py's
# __version__), tobias/utils/logger.py TOBIASFormatter.default_fmt (the
# StreamHandler on sys.stdout every TobiasLogger adds; its "comment" level
# goes through comment_fmt, a bare "%(message)s").
TOBIAS = "%(asctime)s (%(process)d) [%(levelname)s]\t%(message)s"
TOBIAS_DATEFMT = "%Y-%m-%d %H:%M:%S"

# Open Data Cube core 1.8.19 (opendatacube/datacube-core 1.8.19,
# ff0d0b7e), datacube/ui/click.py _LOG_FORMAT_STRING, set by the -v
# option's _init_logging on the root logger's ClickHandler (click.echo to
# stderr) through its ColorFormatter, which colours the level on a copy of
# the record with click.style: click.echo drops the colour codes off a
# terminal, so the text is logging.Formatter's.
DATACUBE = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"
# datacube-ows 1.8.42 (opendatacube/datacube-ows 1.8.42, 4d643f19),
# datacube_ows/startup_utils.py initialise_logger (a StreamHandler on the
# root logger, which ogc.py sets up at import; its level follows
# gunicorn.error's, INFO with the image's --log-level info).
OWS = "[%(asctime)s] [%(levelname)s] %(message)s"

# cryptofeed 2.5.0 (bmoscon/cryptofeed v2.5.0, 58764308), cryptofeed/
# log.py FORMAT and get_logger (the "feedhandler" logger's StreamHandler,
# which FeedHandler.__init__ sets up; the feed handler's config sets its
# log level to INFO, where cryptofeed/config.py's default is WARNING).
CRYPTOFEED = "%(asctime)-15s : %(levelname)s : %(message)s"
# Passivbot 7.10.0 (enarjord/passivbot v7.10.0, 28b8f0c7), src/
# logging_setup.py configure_logging: DEFAULT_FORMAT until main() knows
# the exchange, then DEFAULT_FORMAT_WITH_PREFIX, whose log_prefix a
# PrefixFilter on the root's StreamHandler sets; DEFAULT_DATEFMT, and the
# formatter's converter is time.gmtime.
PASSIVBOT = "%(asctime)s %(levelname)-8s %(message)s"
PASSIVBOT_PREFIX = "%(asctime)s %(levelname)-8s [%(log_prefix)s] %(message)s"
PASSIVBOT_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"


def clock_datetime():
    """datetime.now() on the pinned clock, as str() prints it."""
    return str(datetime.datetime.fromtimestamp(realworld.CLOCK.t, datetime.timezone.utc).replace(tzinfo=None))


# --------------------------------------------------------------------------
# An ATAC-seq footprinting job on AWS Batch (the job's log stream in
# /aws/batch/job): the job's script copies a sample's BAM from S3, calls
# peaks with MACS3 (stderr), corrects the Tn5 bias with TOBIAS ATACorrect
# and scores footprints with TOBIAS ScoreBigwig (stdout). The shell's
# "+ ..." lines, the AWS CLI's, TOBIAS' comment records (a bare format),
# the frames traceback.print_tb writes and the uncaught traceback are
# print lines.

class MemoryLogger(logging.Logger):
    """MACS3's MemoryLogger (MACS3/Utilities/Logger.py), as written there,
    with the memory figure (resource.getrusage's ru_maxrss in MB) pinned
    by the stream instead of read."""

    mem = 0

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        super()._log(level, f"[{MemoryLogger.mem} MB] {msg}", args, exc_info, extra, stack_info, stacklevel)


def macs_logger(program, name):
    log = MemoryLogger(name, logging.INFO)  # callpeak's -verbose 2: (4-2)*10
    log.addHandler(program.handler)
    return log


SCRATCH = "/scratch"
BUCKET = "s3://genomics-core-atac-prod"
TOBIAS_VERSION = "0.17.3"
STATS = 15  # TobiasLogger's "STATS" level, between INFO and DEBUG


def macs3_callpeak(stream, opt, parser, cpu, name, fragments, tsize, mem):
    """MACS3/Commands/callpeak_cmd.py run() for BAMPE input without a
    control (ATAC-seq): the model is skipped, as PE mode sets nomodel."""
    argv = (f"callpeak -t {SCRATCH}/{name}.bam -f BAMPE -g hs -n {name} --outdir {SCRATCH}/macs3 -B -q 0.01 "
            f"--call-summits --keep-dup all")
    printed(stream, "+ macs3 " + argv)
    MemoryLogger.mem = mem
    argtxt = "\n".join((
        "# Command line: %s" % argv,
        "# ARGUMENTS LIST:",
        "# name = %s" % name,
        "# format = %s" % "BAMPE",
        "# ChIP-seq file = %s" % [f"{SCRATCH}/{name}.bam"],
        "# control file = %s" % None,
        "# effective genome size = %.2e" % 2913022398,
        "# band width = %d" % 300,
        "# model fold = %s\n" % [5, 50],
    ))
    argtxt += "# qvalue cutoff = %.2e\n" % 0.01
    argtxt += "# The maximum gap between significant sites is assigned as the read length/tag size.\n"
    argtxt += "# The minimum length of peaks is assigned as the predicted fragment length \"d\".\n"
    argtxt += "# Larger dataset will be scaled towards smaller dataset.\n"
    argtxt += "# Range for calculating regional lambda is: %d bps\n" % 10000
    argtxt += "# Broad region calling is off\n"
    argtxt += "# Paired-End mode is on\n"
    argtxt += "# Searching for subpeak summits is on\n"
    opt.info("\n" + argtxt)
    opt.info("#1 read %s files...", "fragment")
    opt.info("#1 read treatment fragments...")
    for i in range(1000000, fragments, 1000000):
        MemoryLogger.mem = mem + i // 1000000 * 37
        parser.info(" %d fragments parsed" % i)
    parser.info("%d fragments have been read." % fragments)
    opt.info("#1 mean fragment size is determined as %.1f bp from treatment" % tsize)
    opt.info("#1 %s size = %.1f", "fragment", tsize)
    opt.info("#1  total %ss in treatment: %d", "fragment", fragments)
    opt.info("#1 finished!")
    opt.info("#2 Build Peak Model...")
    opt.info("#2 Skipped...")
    opt.info("#3 Call peaks...")
    opt.info("#3 Going to call summits inside each peak ...")
    cpu.info("#3 Pre-compute pvalue-qvalue table...")
    cpu.info("#3 In the peak calling step, the following will be performed simultaneously:")
    cpu.info("#3   Write bedGraph files for treatment pileup (after scaling if necessary)... %s" % name
             + "_treat_pileup.bdg")
    cpu.info("#3   Write bedGraph files for control lambda (after scaling if necessary)... %s" % name
             + "_control_lambda.bdg")
    cpu.info("#3   Pileup will be based on sequencing depth in treatment.")
    cpu.info("#3 Call peaks for each chromosome...")
    MemoryLogger.mem += 611
    opt.info("#4 Write output xls file... %s" % f"{SCRATCH}/macs3/{name}_peaks.xls")
    opt.info("#4 Write peak in narrowPeak format file... %s" % f"{SCRATCH}/macs3/{name}_peaks.narrowPeak")
    opt.info("#4 Write summits bed file... %s" % f"{SCRATCH}/macs3/{name}_summits.bed")
    opt.info("Done!")


class Tobias:
    """A TobiasLogger's calls (tobias/utils/logger.py): its records through
    the program's handler, its comments (the bare comment_fmt) as print
    lines."""

    def __init__(self, program, stream, tool):
        self.log, self.stream, self.tool = lg(program, tool, logging.DEBUG), stream, tool

    def comment(self, msg):
        printed(self.stream, msg)

    def stats(self, msg):
        self.log.log(STATS, msg)

    def begin(self, cmd):
        self.begin_time = realworld.CLOCK.t
        self.comment("# TOBIAS {0} {1} (run started {2})".format(TOBIAS_VERSION, self.tool, clock_datetime()))
        self.comment("# Working directory: {0}".format(SCRATCH))
        self.comment("# Command line call: {0}\n".format(cmd))

    def arguments_overview(self, args):
        content = ""
        content += "# ----- Input parameters -----\n"
        for name, attr in args:
            content += "# {0}:\t{1}\n".format(name, attr)
        self.comment(content + "\n")

    def output_files(self, outfiles):
        self.comment("# ----- Output files -----")
        for outf in outfiles:
            self.comment("# {0}".format(outf))
        self.comment("\n")

    def end(self):
        self.comment("")
        elapsed = datetime.timedelta(seconds=round(realworld.CLOCK.t - self.begin_time, 3))
        self.log.info("Finished {0} run (total time elapsed: {1})".format(self.tool, elapsed))


def tobias_atacorrect(stream, tp, name, k, main_pid, writer_pid, fail=False):
    """tobias/tools/atacorrect.py run_atacorrect, --cores 16 on an 8-vCPU
    job: check_cores cuts it to 8 (its warning ends with a line break)."""
    outdir = f"{SCRATCH}/tobias/{name}"
    cmd = (f"TOBIAS ATACorrect --bam {SCRATCH}/{name}.bam --genome /ref/hg38.fa --peaks {SCRATCH}/macs3/merged_peaks.bed "
           f"--blacklist /ref/hg38-blacklist.v2.bed --outdir {outdir} --cores 16")
    printed(stream, "+ " + cmd)
    t = Tobias(tp, stream, "ATACorrect")
    log = t.log
    with pid(main_pid):
        t.begin(cmd)
        t.arguments_overview([
            ("bam", f"{SCRATCH}/{name}.bam"), ("genome", "/ref/hg38.fa"), ("peaks", f"{SCRATCH}/macs3/merged_peaks.bed"),
            ("regions_in", None), ("regions_out", None), ("blacklist", "/ref/hg38-blacklist.v2.bed"), ("extend", 100),
            ("split_strands", False), ("norm_off", False), ("track_off", []),
            ("drop_chroms", ['chrM', 'chrMT', 'M', 'MT', 'Mito']), ("k_flank", 12), ("read_shift", [4, -5]),
            ("bg_shift", 100), ("window", 100), ("score_mat", "DWM"), ("bias_pkl", None), ("prefix", name),
            ("outdir", outdir), ("cores", 16), ("split", 100), ("verbosity", 3)])
        bws = [f"{outdir}/{name}_{track}.bw" for track in ["uncorrected", "bias", "expected", "corrected"]]
        t.output_files(bws + [f"{outdir}/{name}_atacorrect.pdf"])
        log.warning("Number of available cores is {0} but \'--cores\' is set to {1}. Setting \'--cores\' to {0}.\n"
                    .format(8, 16))
        log.info("----- Processing input data -----")
        log.info("Reading info from .bam file")
        log.info("Reading info from .fasta file")
        log.info("The following contigs were dropped from analysis because they were found in '--drop-chroms': {0}"
                 .format(['chrM']))
        log.info("Processing input/output regions")
        genome = 3088269832
        for key, n, bp in (("genome", 24, genome), ("input_regions", 143912 - 17 * k, 2871234904 - 5120 * k),
                           ("output_regions", 118442, 118765117), ("peak_regions", 121307, 97214553),
                           ("nonpeak_regions", 143912 - 17 * k, 2894419187 - 5120 * k), ("blacklist_regions", 636, 71570285)):
            t.stats("{0}: {1} regions | {2} bp | {3:.2f}% coverage".format(key, n, bp, bp / genome * 100))
        t.comment("")
        log.info("----- Estimating normalization factors -----")
        log.info("Counting reads in peak regions")
        for p in (0, 1, 7, 19, 33, 50, 64, 79, 93, 100):
            log.info("Progress: {0:.0f}%".format(p))
        t.comment("")
        log.info("Counting reads in nonpeak regions")
        for p in (0, 4, 26, 47, 71, 88, 100):
            log.info("Progress: {0:.0f}%".format(p))
        peaks, nonpeaks = (9415220, 7730145)[k], (18730514, 16290318)[k]
        total = peaks + nonpeaks
        t.stats("TOTAL_READS\t{0}".format(total))
        t.stats("PEAK_READS\t{0}".format(peaks))
        t.stats("NONPEAK_READS\t{0}".format(nonpeaks))
        lib_norm = 10000000 / total
        frip = peaks / total
        t.stats("LIB_NORM\t{0:.5f}".format(lib_norm))
        t.stats("FRiP\t{0:.5f}".format(frip))
        t.stats("CORRECTION_FACTOR:\t{0:.5f}".format(lib_norm * (1 / frip)))
        t.comment("")
        log.info("Started estimation of sequence bias...")
        for p in (0, 2, 15, 31, 46, 62, 80, 97, 100):
            log.info("Progress: {0:.0f}%".format(p))
        log.info("Finalizing bias motif for scoring")
        t.comment("")
        log.info("----- Correcting reads from .bam within output regions -----")
        log.info("Correction progress: 0%")
        for done in (3, 11, 18, 26, 35, 41, 52, 60, 68, 77, 85, 94, 100):
            log.info("{1} {0}%".format(round(done / 100 * 100.0, 2), "Correction progress:"))
            if fail and done == 60:
                with pid(writer_pid):
                    # bigwig_writer (tobias/utils/utilities.py) in a writer
                    # process, through the logger queue.
                    region = ("chr7", 5529601, 5532187)
                    e = "Received an error while adding the intervals."
                    log.error("Error writing key: {0}, region: {1} to bigwig. Exception was: '{2}'"
                              .format("corrected:both", region, e))
                    log.error("Problem in bigwig_writer. Exception was: '{0}'".format(e))
                printed(stream, "".join(traceback.format_tb(tb_of_writer())).rstrip("\n"))
        log.info("Correction progress: done!")
        if fail:
            # The writer's exception, raised again in the main process by
            # the writer task's get(): the job's script ends there.
            def run_atacorrect():
                def get():
                    raise RuntimeError("Received an error while adding the intervals.")
                get()
            uncaught(stream, run_atacorrect)
            return False
        with pid(writer_pid):
            for track in ["uncorrected", "bias", "expected", "corrected"]:
                log.info("Closing {0} (this might take some time)".format(f"{outdir}/{name}_{track}.bw"))
        t.comment("")
        log.info("Verifying bias correction")
        for strand, pre, post in (("forward", 0.0013582, 0.0000418), ("reverse", 0.0014107, 0.0000391)):
            t.stats("BIAS\tpre-bias variance {0}:\t{1:.7f}".format(strand, pre))
            t.stats("BIAS\tpost-bias variance {0}:\t{1:.7f}".format(strand, post))
        t.end()
    return True


def tb_of_writer():
    """The traceback bigwig_writer prints with traceback.print_tb (its
    frames only, no header and no exception line)."""
    def bigwig_writer():
        def add_entries():
            raise RuntimeError("Received an error while adding the intervals.")
        add_entries()
    try:
        bigwig_writer()
    except RuntimeError as e:
        return e.__traceback__


def tobias_scorebigwig(stream, tp, name, main_pid, writer_pid):
    """tobias/tools/score_bigwig.py run_footprinting."""
    outdir = f"{SCRATCH}/tobias/{name}"
    out = f"{outdir}/{name}_footprints.bw"
    cmd = (f"TOBIAS ScoreBigwig --signal {outdir}/{name}_corrected.bw --regions {SCRATCH}/macs3/merged_peaks.bed "
           f"--output {out} --cores 8")
    printed(stream, "+ " + cmd)
    t = Tobias(tp, stream, "ScoreBigwig")
    log = t.log
    with pid(main_pid):
        t.begin(cmd)
        t.arguments_overview([
            ("signal", f"{outdir}/{name}_corrected.bw"), ("output", out), ("regions", f"{SCRATCH}/macs3/merged_peaks.bed"),
            ("score", "footprint"), ("absolute", False), ("extend", 100), ("smooth", 1), ("min_limit", None),
            ("max_limit", None), ("fp_min", 20), ("fp_max", 50), ("flank_min", 10), ("flank_max", 30),
            ("window", 100), ("cores", 8), ("split", 100), ("verbosity", 3)])
        t.output_files([out])
        log.info("Processing input files")
        log.info("- Opening input cutsite bigwig")
        log.info("- Getting output regions ready")
        log.warning("Contigs {0} were found in input --regions, but were not found in input --signal. These regions "
                    "cannot be scored and will therefore be excluded from output.".format(['chrM']))
        log.info("Calculating footprints in regions...")
        log.info("Progress 0%")
        for done in (6, 13, 21, 34, 48, 57, 69, 83, 92, 100):
            log.info("{1} {0}%".format(round(done / 100 * 100.0, 2), "Progress"))
        log.info("Progress done!")
        with pid(writer_pid):
            log.info("Closing {0} (this might take some time)".format(out))
        t.end()


def stream_macs3_tobias():
    stream = []
    mp = Program("macs3", "MACS3.Utilities.OptValidator", logging.Formatter(MACS3, MACS3_DATEFMT), stream)
    tp = Program("tobias", "ATACorrect", logging.Formatter(TOBIAS, TOBIAS_DATEFMT), stream)
    opt = macs_logger(mp, "MACS3.Utilities.OptValidator")
    parser = macs_logger(mp, "MACS3.IO.Parser")
    cpu = macs_logger(mp, "MACS3.Signal.CallPeakUnit")
    with level_names({STATS: "STATS"}):
        samples = [("ATAC_d0_rep1", 14283554, 182.3, 302, 61, 87), ("ATAC_d0_rep2", 11906127, 176.9, 298, 214, 241)]
        for n, (name, fragments, tsize, mem, main_pid, writer_pid) in enumerate(samples):
            printed(stream, f"+ aws s3 cp {BUCKET}/bam/{name}.bam {SCRATCH}/{name}.bam --only-show-errors")
            macs3_callpeak(stream, opt, parser, cpu, name, fragments, tsize, mem)
            printed(stream, f"+ aws s3 cp {SCRATCH}/macs3/{name}_peaks.narrowPeak {BUCKET}/peaks/{name}_peaks.narrowPeak")
            printed(stream, f"upload: macs3/{name}_peaks.narrowPeak to {BUCKET}/peaks/{name}_peaks.narrowPeak")
        printed(stream, f"+ cat {SCRATCH}/macs3/ATAC_d0_rep1_peaks.narrowPeak {SCRATCH}/macs3/ATAC_d0_rep2_peaks.narrowPeak "
                        f"| cut -f1-3 | sort -k1,1 -k2,2n | bedtools merge > {SCRATCH}/macs3/merged_peaks.bed")
        for k, (name, fragments, tsize, mem, main_pid, writer_pid) in enumerate(samples):
            ok = tobias_atacorrect(stream, tp, name, k, main_pid, writer_pid, fail=k == 1)
            if not ok:
                break
            tobias_scorebigwig(stream, tp, name, main_pid + 90, writer_pid + 90)
            printed(stream, f"+ aws s3 sync {SCRATCH}/tobias/{name} {BUCKET}/tobias/{name}")
            for f in ("corrected", "footprints"):
                printed(stream, f"upload: tobias/{name}/{name}_{f}.bw to {BUCKET}/tobias/{name}/{name}_{f}.bw")
    return {"name": "macs3-tobias", "programs": [mp, tp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An Open Data Cube web map service on EC2 (the compose project's
# containers, one awslogs stream): datacube-ows under gunicorn (three
# workers, each logging its start-up), and one-off `docker compose run`
# containers of the index image that initialise the database, add the
# products and index Sentinel-2 scenes with the datacube CLI, then refresh
# OWS' ranges with datacube-ows-update. click.echo's lines (datacube's) and
# datacube-ows-update's print() lines are print lines.

OWS_HOST = "http://ows.example.org"
PRODUCTS = ["ga_s2am_ard_3", "ga_s2bm_ard_3"]
LAYERS = [("s2_ard_granule_nbart", "Sentinel-2 ARD (NBART)"), ("s2_ard_granule_nbar", "Sentinel-2 ARD (NBAR)")]
SCENES = [("ga_s2am_ard_3", "52LHM", "2024-05-02"), ("ga_s2bm_ard_3", "52LHM", "2024-05-04"),
          ("ga_s2am_ard_3", "52LGM", "2024-05-02"), ("ga_s2bm_ard_3", "52LGM", "2024-05-07"),
          ("ga_s2am_ard_3", "51LZG", "2024-05-09"), ("ga_s2cm_ard_3", "52LHM", "2024-05-09"),
          ("ga_s2bm_ard_3", "51LZG", "2024-05-04"), ("ga_s2am_ard_3", "52LHM", "2024-05-02")]


def scene_doc(product, tile, day):
    path = f"/data/{product}/{tile[:2]}/{tile[2:]}/{day.replace('-', '/')}/final/{product}_{tile}_{day}_final.odc-metadata.yaml"
    return path, uuid.uuid5(uuid.NAMESPACE_URL, path)


def ows_worker_start(ows, ready):
    """ogc.py's module set-up in one gunicorn worker (startup_utils.py's
    CredentialManager, then the configuration's layers)."""
    ows.warning("AWS_NO_SIGN_REQUEST is not set. " +
                "The default behaviour has recently changed to False (i.e. signed requests) " +
                "Please explicitly set $AWS_NO_SIGN_REQUEST to 'no' for unsigned requests.")
    ows.info("S3 access configured with signed requests")
    ows.info("Establishing/renewing credentials")
    if not ready:
        for (layer, title), product in zip(LAYERS, PRODUCTS):
            ows.error("Could not load layer %s: %s", title,
                      f"Could not find product {product} in datacube for layer {layer}")


def datacube_cli(stream, dc, args):
    dc.info("Running datacube command: %s", "/usr/local/bin/datacube " + args)


def ows_request(ows, ip, query, status, took):
    ows.info("ip: %s request: %s returned status: %d and took: %d ms", ip, f"{OWS_HOST}/?{query}", status, took)


def stream_datacube_ows():
    stream = []
    ow = Program("datacube-ows", "root", logging.Formatter(OWS), stream)
    dcp = Program("datacube", "datacube", logging.Formatter(DATACUBE), stream)
    ows = lg(ow, "root", logging.INFO)
    dc = lg(dcp, "datacube", logging.INFO)
    core = lg(dcp, "datacube.drivers.postgres._core", logging.INFO)
    pindex = lg(dcp, "datacube.index.postgres.index", logging.INFO)
    prod = lg(dcp, "datacube-product", logging.INFO)
    dset = lg(dcp, "datacube-dataset", logging.INFO)
    dsidx = lg(dcp, "datacube.index.postgres._datasets", logging.INFO)

    # datacube system init (datacube/scripts/system.py database_init).
    with pid(1):
        datacube_cli(stream, dc, "-v system init")
        printed(stream, "Initialising database...")
        core.info("Ensuring user roles.")
        core.info("Creating schema.")
        core.info("Creating tables.")
        core.info("Creating triggers.")
        core.info("Creating added column.")
        core.info("Adding role grants.")
        pindex.info("Adding default metadata types.")
        printed(stream, "Created.")
        printed(stream, "Checking indexes/views.")
        printed(stream, "Done.")
    # gunicorn starts OWS' three workers before any product is in the index.
    for worker in range(3):
        ows_worker_start(ows, ready=False)
    # datacube product add (datacube/scripts/product.py add_products): the
    # products' metadata type is not in the index yet.
    with pid(1):
        files = " ".join(f"/products/{p}.odc-product.yaml" for p in PRODUCTS)
        datacube_cli(stream, dc, "-v product add " + files)

        def add_products():
            def from_doc():
                raised("datacube.utils.documents", "UnknownMetadataType", "Unknown metadata type: 'eo3_sentinel_ard'")
            from_doc()
        try:
            add_products()
        except Exception as e:
            prod.exception(e)
            prod.error("Invalid product definition: %s", f"/products/{PRODUCTS[0]}.odc-product.yaml")
    with pid(1):
        datacube_cli(stream, dc, "-v metadata add /products/eo3_sentinel_ard.odc-type.yaml")
    with pid(1):
        datacube_cli(stream, dc, "-v product add " + files)
        for p in PRODUCTS:
            printed(stream, f'Adding "{p}" (this might take a while) DONE')
    # datacube dataset add (datacube/scripts/dataset.py index_datasets, and
    # datacube/index/postgres/_datasets.py add).
    with pid(1):
        paths = [scene_doc(*scene) for scene in SCENES]
        datacube_cli(stream, dc, "-v dataset add " + " ".join(path for path, _ in paths[:6]) + " ...")
        seen = set()
        for (product, tile, day), (path, ds_id) in zip(SCENES, paths):
            if product not in PRODUCTS:
                dset.error("%s", f"No matching Product found for dataset {ds_id}")
                continue
            dset.info("Matched %s", f"Dataset <id={ds_id} product={product} location=file://{path}>")
            dsidx.info("Indexing %s", ds_id)
            if ds_id in seen:
                dsidx.warning("Dataset %s is already in the database", ds_id)
            seen.add(ds_id)
    # datacube dataset update, with a scene not yet indexed: its error
    # message spans two lines.
    with pid(1):
        path, ds_id = scene_doc("ga_s2bm_ard_3", "51LZG", "2024-05-11")
        datacube_cli(stream, dc, "-v dataset update --location-policy keep " + path)
        dset.error("Failure while processing: %s\n > Reason: %s", "file://" + path,
                   "No such dataset in the database: {}".format(ds_id))
        printed(stream, "0 successful, 0 failed")
    # datacube-ows-update (datacube_ows/update_ranges_impl.py and
    # product_ranges.py): print() only.
    for line in ["Checking schema....", "Creating or replacing WMS database schema...",
                 "Creating or replacing materialised views...", "Done"]:
        printed(stream, line)
    printed(stream, "Deriving extents from materialised views")
    for layer, _ in LAYERS:
        printed(stream, "OWS Layer %s maps to ODC Product(s): %s" % (layer, repr(tuple(PRODUCTS))))
    for p in PRODUCTS:
        printed(stream, " ".join(["Datasets exist for ODC product", p, "(OWS layers",
                                  ",".join(layer for layer, _ in LAYERS), ")"]))
        printed(stream, "Updating range for ODC product %s..." % p)
    for layer, _ in LAYERS:
        printed(stream, "Merging multiproduct ranges for %s (ODC products: %s)" % (layer, repr(tuple(PRODUCTS))))
    printed(stream, "Done.")
    # gunicorn's workers restarted (HUP): the layers load.
    for worker in range(3):
        ows_worker_start(ows, ready=True)
    clients = ["203.0.113.45", "198.51.100.23", "203.0.113.9", "192.0.2.77"]
    tiles = [(15714618.6, -1722781.1), (15753754.4, -1722781.1), (15714618.6, -1761916.9), (15753754.4, -1761916.9),
             (15675482.8, -1722781.1), (15792890.2, -1761916.9)]
    for rnd in range(4):
        ip = clients[rnd]
        ows_request(ows, ip, "service=WMS&request=GetCapabilities&version=1.3.0", 200, 1873 - 1400 * (rnd > 0))
        for n, (x, y) in enumerate(tiles):
            layer = LAYERS[(n + rnd) % 2][0]
            query = (f"service=WMS&version=1.3.0&request=GetMap&layers={layer}&styles=simple_rgb&crs=EPSG:3857"
                     f"&bbox={x:.1f},{y:.1f},{x + 39135.8:.1f},{y + 39135.8:.1f}&width=256&height=256&format=image/png"
                     f"&transparent=true&time=2024-05-0{2 + rnd}")
            ows.info("Credentials look OK: %s seconds remaining", str(round(2712.394186 - 61.7 * (rnd * 6 + n), 6)))
            if rnd == 2 and n == 3:
                ows.error("Error (%s) in load_data: %s", "RasterioIOError",
                          "Read or write failed. IReadBlock failed at X offset 3, Y offset 5: "
                          "TIFFReadEncodedTile() failed.")
                ows_request(ows, ip, query, 500, 2208)
                continue
            ows_request(ows, ip, query, 200, 312 + 47 * n + 13 * rnd)
        if rnd == 1:
            query = ("service=WMS&version=1.3.0&request=GetMap&layers=s2_l2a&styles=&crs=EPSG:3857"
                     "&bbox=15714618.6,-1722781.1,15753754.4,-1683645.3&width=256&height=256&format=image/png")
            errors = [{"msg": "Layer s2_l2a is not defined", "code": "LayerNotDefined", "locator": "Layer parameter",
                       "valid_keys": [layer for layer, _ in LAYERS]}]
            ows.error("Handled Error: %s", repr(errors))
            ows_request(ows, ip, query, 400, 4)
        if rnd == 3:
            query = ("service=WMS&version=1.3.0&request=GetLegendGraphic&layer=s2_ard_granule_nbart&style=simple_rgb"
                     "&format=image/png")
            ows_request(ows, ip, query, 200, 88)
            query = "service=WCS&version=2.0.1&request=DescribeCoverage&coverageid=s2_ard_granule_nbart"
            ows_request(ows, ip, query, 200, 141)
    return {"name": "datacube-ows", "programs": [ow, dcp], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A small trading desk's EC2 host (its compose project, one awslogs
# stream): a cryptofeed feed handler streaming Binance, Coinbase and
# Kraken trades and books into an MSK cluster, and Passivbot trading USDT
# perpetuals on Binance. The interpreter's tracebacks that Passivbot prints
# with traceback.print_exc() after an execution-loop error are print lines.

class PrefixFilter(logging.Filter):
    """Passivbot's PrefixFilter (src/logging_setup.py), as written there."""

    def __init__(self, prefix=""):
        super().__init__()
        self.prefix = prefix

    def filter(self, record):
        record.log_prefix = self.prefix
        return True


def passivbot_formatter(fmt):
    formatter = logging.Formatter(fmt=fmt, datefmt=PASSIVBOT_DATEFMT)
    formatter.converter = time.gmtime
    return formatter


FEEDS = ["BINANCE", "COINBASE", "KRAKEN"]
COINS = [("ETH", 2905.12, 0.41), ("SOL", 143.87, 8.3), ("DOGE", 0.14612, 8214), ("XRP", 0.5087, 2350),
         ("AVAX", 33.914, 35.6), ("LINK", 13.882, 86.1)]


def pos_row(action, coin, pside, old, new, we, wel, pdist, upnl):
    """A "[pos]" line: one row of the PrettyTable Passivbot builds with
    border and header off and no padding (its cells side by side)."""
    wel_str = f"| {wel:3d}% WEL, {round(wel * 0.91):3d}% WELe, {round(wel * 0.25):3d}% TWEL |"
    cells = [action + " ", coin + " ", pside + " ", str(old[0]), " @ ", str(old[1]), " -> ", str(new[0]), " @ ",
             str(new[1]), " WE: ", str(we), " ", wel_str, " PA dist: ", str(pdist), " upnl: ", str(upnl)]
    return "".join(cells)


def stream_cryptofeed_passivbot():
    stream = []
    cf = Program("cryptofeed", "feedhandler", logging.Formatter(CRYPTOFEED), stream)
    pb0 = Program("passivbot", "root", passivbot_formatter(PASSIVBOT), stream)
    pb = Program("passivbot", "root", passivbot_formatter(PASSIVBOT_PREFIX), stream)
    pb.handler.addFilter(PrefixFilter("binance"))
    fh = lg(cf, "feedhandler", logging.INFO)
    boot = lg(pb0, "root", logging.INFO)
    log = lg(pb, "root", logging.INFO)

    # The feed handler starts (cryptofeed/feedhandler.py, feed.py,
    # backends/kafka.py).
    fh.info("Config: use file='/app/config.yaml' containing the following main keys: log, uvloop, "
            "backend_multiprocessing")
    fh.info("FH: uvloop initalized")
    for feed in FEEDS:
        for backend in ("TradeKafka", "BookKafka"):
            fh.info("%s: starting backend task %s with multiprocessing=%s", feed, backend, "False")
    for feed in FEEDS:
        for backend in ("TradeKafka", "BookKafka"):
            fh.info(f"{backend}: Configuring AIOKafka with the following parameters: bootstrap_servers, acks")
            fh.info(f'{backend}: "aiokafka-0.12.0" connected to cluster containing 3 broker(s)')

    # Passivbot starts (src/passivbot.py main and start_bot).
    boot.info("loading config %s", "configs/binance_forager.json")
    log.info("binance Loaded markets from cache")
    line1 = f"  PASSIVBOT  \u2502  binance:binance_01  \u2502  {now('%Y-%m-%d %H:%M:%S UTC')}  "
    line2 = f"  Mode: LONG only  \u2502  Positions: 4L  \u2502  TWEL: {1.5:.0%}  "
    width = max(len(line1), len(line2), 50)
    border = "\u2550" * width
    log.info("\u2554%s\u2557", border)
    log.info("\u2551%s\u2551", line1.ljust(width))
    log.info("\u2560%s\u2563", border)
    log.info("\u2551%s\u2551", line2.ljust(width))
    log.info("\u255a%s\u255d", border)
    log.info("[boot] starting bot %s...", "binance")
    log.info(f"[warmup] starting: {24} symbols, concurrency={8}, ttl={60}s, window=[{1440},{2880}]m")
    log.info("[warmup] target | longest_span=%dm warmup_ratio=%.3g max_warmup_minutes=%s", 2400, 0.2, "none")
    log.info("[warmup] slot view | long: %d/%d open=%s forager=%s symbols=%d | short: %d/%d open=%s forager=%s "
             "symbols=%d", 2, 4, "yes", "yes", 24, 0, 0, "no", "no", 0)
    log.info("[warmup] windows | long:[%d,%d]m short:[%d,%d]m", 1440, 2880, 0, 0)
    for completed, elapsed, eta in ((1, 0, 11), (9, 2, 3), (17, 4, 1), (24, 5, 0)):
        log.info(f"[warmup] candles: {completed}/{24} {int(100 * completed / 24)}% elapsed={elapsed}s eta~{eta}s")
    log.info("[boot] starting data maintainers...")
    log.info("[boot] starting execution loop...")
    log.info("[boot] " + "\u2550" * 70)
    log.info("[boot] READY - Bot initialization complete, entering main trading loop")
    log.info("[boot] " + "\u2550" * 70)

    fills = 0
    for cycle in range(6):
        # The feed handler's side of the stream.
        if cycle == 1:
            fh.warning("%s: Missing book update detected, resetting book", "BINANCE")
        if cycle == 2:
            def read():
                raised("websockets.exceptions", "ConnectionClosedError", "no close frame received or sent")
            try:
                read()
            except Exception as e:
                fh.warning("%s: encountered connection issue %s - reconnecting in %.1f seconds...", "BINANCE.ws.1",
                           str(e), 1.0, exc_info=True)
        if cycle == 3:
            fh.warning("%s: received no messages within timeout, restarting connection", "KRAKEN.ws.5")
            fh.info("%s: closed connection %r", "KRAKEN.ws.5", "ClientConnection")
            fh.error("BookKafka: No response received from server within 40000 ms. Messages may not have been "
                     "delivered")
        if cycle == 4:
            fh.info(f"TradeKafka: Encountered an error:{chr(10)}KafkaConnectionError: No connection to node with "
                    f"id 2")
        # Passivbot's execution loop.
        coin, price, qty = COINS[cycle]
        log.info("[order] %6s %s | %s%s", "post", coin,
                 f"buy long {qty:g}@{price:g} entry_initial_normal_long; "
                 f"buy long {qty * 1.4:g}@{price * 0.983:g} entry_grid_normal_long",
                 " | reasons=initial:1")
        if cycle == 2:
            log.info("[order] %6s %s | %s%s", "cancel", COINS[0][0],
                     f"sell long {COINS[0][2]:g}@{COINS[0][1] * 1.012:g} close_grid_long [reason=replace Δp=0.214%]",
                     "")
        fills += 1
        log.info(f"[fill] {now('%Y-%m-%dT%H:%M:%S')} {coin} long entry_initial_normal_long +{qty:.6g} @ {price:.2f} "
                 f"id={9876543210 + 7919 * cycle}")
        log.info("[pos] %s", pos_row("    new", coin, "long", (0.0, 0.0), (qty, price), round(0.094 + 0.01 * cycle, 3),
                                     24 + cycle, 0.0, round(-0.017 * (cycle + 1), 3)))
        if cycle == 3:
            log.info(f"[fill] {now('%Y-%m-%dT%H:%M:%S')} ETH long close_grid_long -{COINS[0][2]:.6g} @ "
                     f"{COINS[0][1] * 1.012:.2f}, pnl=+{12.063} USDT id={9876601337}")
            log.info("[pos] %s", pos_row(" closed", "ETH", "long", (COINS[0][2], COINS[0][1]), (0.0, 0.0), 0.0, 0,
                                         0.0, 0.0))
            log.info("[mode] %s %s%s", "changed", "ETH/USDT:USDT long: normal -> graceful_stop", "")
        if cycle in (1, 4):
            # An exchange error in the execution loop: Passivbot logs it,
            # then prints the traceback (traceback.print_exc()).
            def run_execution_loop():
                def execute_to_exchange():
                    def fetch_positions():
                        raised("ccxt.base.errors", "InvalidNonce",
                               'binanceusdm {"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of '
                               'the server\'s time."}')
                    fetch_positions()
                execute_to_exchange()
            try:
                run_execution_loop()
            except Exception as e:
                log.error(f"error with {'run_execution_loop'} {e}")
            uncaught(stream, run_execution_loop)
        if cycle == 5:
            log.warning("[rate] execution loop hit rate limit; backing off 5s...")
        if cycle % 3 == 2:
            log.info(
                "[health] uptime=%s | loop=%s | positions=%d long, %d short | balance=%s | "
                "orders=+%d/-%d | %s | errors=%s | ws_reconnects=%d | rate_limits=%d%s",
                f"{15 * (cycle // 3 + 1)}m{4 * cycle}s", f"{1.7 + 0.3 * cycle:.1f}s", 2 + cycle // 3, 0,
                f"{4862.31 + 3.1 * cycle:.2f} USDT", 4 + 3 * cycle, 1 + cycle, f"fills={fills} (pnl=+{2.41 * cycle:.2f})",
                f"{1 if cycle > 1 else 0}/10", 0, 0, f" | rss={412 + cycle}MB")

    # SIGTERM for both (the host's compose project is taken down).
    log.info("[shutdown] signal received; requesting graceful stop")
    log.info("[shutdown] shutdown requested; closing background tasks and sessions")
    log.info("Bot stopped via signal; exiting main loop.")
    fh.info("FH: System Exit received - shutting down")
    fh.info("FH: shutdown connections handlers in feeds")
    fh.info("FH: create the tasks to properly shutdown the backends (to flush the local cache)")
    fh.info("FH: wait %s backend tasks until termination", len(FEEDS))
    for feed in FEEDS:
        fh.info("%s: feed shutdown starting...", feed)
        for backend in ("TradeKafka", "BookKafka"):
            fh.info("%s: stopping backend %s", feed, backend)
            fh.info(f"{backend}: sending last messages and closing connection 'aiokafka-0.12.0'")
        fh.info("%s: feed shutdown completed", feed)
    fh.info("FH: stop the AsyncIO loop")
    fh.info("FH: run the AsyncIO event loop one last time")
    fh.info("FH: cancel the %s pending tasks", 4)
    fh.info("FH: run the pending tasks until complete")
    fh.info("FH: shutdown asynchronous generators")
    fh.info("FH: close the AsyncIO loop")
    fh.info("FH: leaving run()")
    return {"name": "cryptofeed-passivbot", "programs": [cf, pb0, pb], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_macs3_tobias(), stream_datacube_ows(), stream_cryptofeed_passivbot()])


if __name__ == "__main__":
    main()
