"""The seventeenth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout16.py`): four more
programs' own logging set-ups (a smaller batch than the others, as
`heldout16.py` was: the time given to it let four be read in their
source), chosen for what platform and SRE teams run in AWS outside the
areas the earlier sets covered (a climate-model evaluation on an Arvados
cluster, where ESMValTool's recipe runs in a container and Arvados' SDK
uploads its output to Keep; a media host's library automation, Headphones
for music and Mylar3 for comics, in one Docker host's log stream), each
format copied from the file named beside it (the version read is given),
with the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout17

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 62fb0d2 (session 19's first rule in), before
any rule saw it: 3213 records (27 joined under a burst), 11.8% exact,
11.8% with the key fields right (asctime 98.8%, levelname 99.4%, name
81.5%, message 11.8%, exc_info 100.0%): Headphones' and Mylar3's thread
names, read as the message's first words, cost 2,786 of 2,794 records.

Formatters and filters: all four programs use logging.Formatter itself
(no filter, no record factory; the thread names that Headphones and Mylar3
print are pinned through a filter setting `threadName`, a standard
attribute). 810 records in two streams. ESMValCore's console format writes a
literal "UTC" after the time and the process id in brackets, and pads the
level to seven; its records come from the root's handler, so the loggers'
names ("esmvalcore._main", "esmvalcore._task") are not printed. Its
banner (the HEADER of esmvalcore/_main.py) is one multi-line INFO message,
and its "----" rules are messages of their own. Arvados' SDK prints the
logger's name glued to the pid in brackets ("arvados.arv_put[7] INFO: "),
the pid pinned; the container runs with ARVADOS_DEBUG=1 (else the
"arvados" logger is at WARNING), so its INFO and DEBUG records print.
Headphones and Mylar3 both print a "%d-%b-%Y %H:%M:%S"
date ("11-May-2024 14:44:44") and " :: " before the thread's name; Mylar3
puts "name.funcName.lineno" between them ("mylar.search.search_init.312"),
all joined by dots. Their exception hooks log an uncaught exception's
formatted traceback as the message of an ERROR record ("Uncaught
excaption: %s" in Headphones, a typo in its source; "Uncaught exception:
%s" in Mylar3), so the message ends with a line break and the record has
no exc_info; other errors go through logger.exception (a traceback as
exc_info). Thread names are the programs' own ("MainThread", "CP Server
Thread-7", "SEARCH-QUEUE", "Thread-12").

Print lines: the shell's "+ ..." lines, the container entrypoints' and
Docker's lines, Arvados' crunch-run lines ("2024-05-11T14:44:44.123456789Z
..."), Iris' and Python's warnings (warnings.showwarning, not captured into
logging), Dask's progress bar and CherryPy's bare startup lines (its
engine's log goes through its own handler, not the programs').

Left out: Iris (its IrisFormatter appends " [caller:funcName]" to the
formatted text, after a traceback too: free text after the message, as
mwdb-core's in `heldout14.py`; its format "%(asctime)s %(name)s
%(levelname)s - %(message)s" with "%d-%m-%Y %H:%M:%S", read in
SciTools/iris lib/iris/config.py, is kept for a later set), ldap2pg (now
written in Go), Calibre-Web (in `heldout2.py`), Tautulli (its layout, in
`heldout3.py`: Headphones' and Mylar3's file formats are it with another
date; their console formats are shipped here), and the fourteen other
programs this batch was to hold, for want of time to read their formats
in source (none was guessed). The messages are modelled on the programs'
source from memory of it, not copied line by line, and Mylar3's line
numbers are not read from its files: a later pass should check them.
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# ESMValCore (ESMValGroup/ESMValCore, 21bdfa23), esmvalcore/config/
# config-logging.yml's "console" formatter (the console handler of the
# root logger, on sys.stdout at INFO; the log files' "brief" and "debug"
# formats stay in the run's output directory).
ESMVALCORE = "%(asctime)s UTC [%(process)d] %(levelname)-7s %(message)s"
# Arvados Python SDK (arvados/arvados, 080c940d), sdk/python/arvados/
# __init__.py log_format and log_date_format (the "arvados" logger's
# StreamHandler, which arv-put's "arvados.arv_put" and the Keep client's
# "arvados.keep" reach).
ARVADOS = "%(asctime)s %(name)s[%(process)d] %(levelname)s: %(message)s"
ARVADOS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Headphones (rembo10/headphones, 0f7227ac), headphones/logger.py
# initLogger's console_formatter (the "headphones" logger's StreamHandler,
# verbose=1; the log file's format pads the level to seven).
HEADPHONES = "%(asctime)s - %(levelname)s :: %(threadName)s : %(message)s"
HEADPHONES_DATEFMT = "%d-%b-%Y %H:%M:%S"
# Mylar3 (mylar3/mylar3, 0442d808), mylar/logger.py initLogger's
# console_formatter (the "mylar" logger's StreamHandler).
MYLAR = "%(asctime)s - %(levelname)s :: %(name)s.%(funcName)s.%(lineno)s : %(threadName)s : %(message)s"
MYLAR_DATEFMT = "%d-%b-%Y %H:%M:%S"

ESMVAL_HEADER = r"""
______________________________________________________________________
          _____ ____  __  ____     __    _ _____           _
         | ____/ ___||  \/  \ \   / /_ _| |_   _|__   ___ | |
         |  _| \___ \| |\/| |\ \ / / _` | | | |/ _ \ / _ \| |
         | |___ ___) | |  | | \ V / (_| | | | | (_) | (_) | |
         |_____|____/|_|  |_|  \_/ \__,_|_| |_|\___/ \___/|_|
______________________________________________________________________

ESMValTool - Earth System Model Evaluation Tool.

http://www.esmvaltool.org

CORE DEVELOPMENT TEAM AND CONTACTS:
  Birgit Hassler (Co-PI; DLR, Germany - birgit.hassler@dlr.de)
  Alistair Sellar (Co-PI; Met Office, UK - alistair.sellar@metoffice.gov.uk)
  Bouwe Andela (Netherlands eScience Center, The Netherlands - b.andela@esciencecenter.nl)
  Lee de Mora (PML, UK - ledm@pml.ac.uk)
  Niels Drost (Netherlands eScience Center, The Netherlands - n.drost@esciencecenter.nl)
  Veronika Eyring (DLR, Germany - veronika.eyring@dlr.de)
  Bettina Gier (UBremen, Germany - gier@uni-bremen.de)
  Remi Kazeroni (DLR, Germany - remi.kazeroni@dlr.de)
  Nikolay Koldunov (AWI, Germany - nikolay.koldunov@awi.de)
  Axel Lauer (DLR, Germany - axel.lauer@dlr.de)
  Saskia Loosveldt-Tomas (BSC, Spain - saskia.loosveldt@bsc.es)
  Ruth Lorenz (ETH Zurich, Switzerland - ruth.lorenz@env.ethz.ch)
  Benjamin Mueller (LMU, Germany - b.mueller@iggf.geo.uni-muenchen.de)
  Valeriu Predoi (URead, UK - valeriu.predoi@ncas.ac.uk)
  Mattia Righi (DLR, Germany - mattia.righi@dlr.de)
  Manuel Schlund (DLR, Germany - manuel.schlund@dlr.de)
  Breixo Solino Fernandez (DLR, Germany - breixo.solinofernandez@dlr.de)
  Javier Vegas-Regidor (BSC, Spain - javier.vegas@bsc.es)
  Klaus Zimmermann (SMHI, Sweden - klaus.zimmermann@smhi.se)

For further help, please read the documentation at
http://docs.esmvaltool.org. Have fun!
"""


def crunch(stream, text):
    """A crunch-run line, stamped with the clock (nanoseconds)."""
    t = realworld.CLOCK.t
    printed(stream, "%s.%09dZ %s" % (now("%Y-%m-%dT%H:%M:%S"), round(t % 1 * 1e3) * 1000000, text))


# --------------------------------------------------------------------------
# A climate-model evaluation on an Arvados cluster in AWS (the container
# request's log stream, which the cluster's CloudWatch agent ships):
# crunch-run starts the container, ESMValTool runs a recipe over CMIP6
# models (its console on stdout), and the job's wrapper uploads the output
# with arv-put. crunch-run's lines, the shell's, Iris' and Python's warnings
# and Dask's progress are print lines.

MODELS = ["ACCESS-CM2", "BCC-CSM2-MR", "CanESM5", "CESM2", "CNRM-CM6-1", "EC-Earth3", "GFDL-ESM4", "IPSL-CM6A-LR",
          "MIROC6", "MPI-ESM1-2-HR", "MRI-ESM2-0", "NorESM2-LM", "UKESM1-0-LL", "INM-CM5-0"]
VARIABLES = [("tas", "Amon"), ("pr", "Amon"), ("tos", "Omon")]
RUN = "/tmp/crunch-run/esmvaltool_output/recipe_perfmetrics_CMIP6_20240511_144444"


def stream_esmvaltool_arvados():
    stream = []
    ev = Program("esmvaltool", "esmvalcore._main", logging.Formatter(ESMVALCORE), stream)
    arv = Program("arvados", "arvados", logging.Formatter(ARVADOS, ARVADOS_DATEFMT), stream)
    main = lg(ev, "esmvalcore._main")
    cfg = lg(ev, "esmvalcore.config._config_object")
    recipe = lg(ev, "esmvalcore._recipe.recipe")
    task = lg(ev, "esmvalcore._task")
    check = lg(ev, "esmvalcore.cmor.check")
    prov = lg(ev, "esmvalcore._provenance")
    put = lg(arv, "arvados.arv_put")
    keep = lg(arv, "arvados.keep")
    api = lg(arv, "arvados.api")

    crunch(stream, "crunch-run 2.7.2 (go1.21.6) started")
    crunch(stream, "Executing container: z1234-dz642-3f9qkz0b7xw1m5c")
    crunch(stream, "Fetching Docker image from collection 'c2f6e0c1e6a3a1b5f0d4e7c2b9a8d6e1+1523'")
    crunch(stream, "Using Docker image id \"sha256:6a1f0b4c2e9d8f7a5b3c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a\"")
    crunch(stream, "Waiting for container to finish")
    printed(stream, "+ esmvaltool run --search_esgf=never --max_parallel_tasks=8 recipe_perfmetrics_CMIP6.yml")
    main.info(ESMVAL_HEADER)
    main.info("Package versions")
    main.info("----------------")
    for pkg, ver in (("ESMValCore", "2.11.0"), ("ESMValTool", "2.11.0")):
        main.info("%s: %s", pkg, ver)
    main.info("----------------")
    cfg.info("Reading configuration files from:\n%s",
             "/opt/conda/lib/python3.12/site-packages/esmvalcore/config/configurations/defaults (defaults)\n"
             "/home/crunch/.config/esmvaltool (default user configuration directory)")
    main.info("Writing program log files to:\n%s\n%s", RUN + "/run/main_log.txt", RUN + "/run/main_log_debug.txt")
    main.info("Starting the Earth System Model Evaluation Tool at time: %s UTC", now("%Y-%m-%d %H:%M:%S"))
    main.info("----------------------------------------------------------------------")
    main.info("RECIPE   = %s", "/keep/by_id/4e8a1b2c3d/recipe_perfmetrics_CMIP6.yml")
    main.info("RUNDIR     = %s", RUN + "/run")
    main.info("WORKDIR    = %s", RUN + "/work")
    main.info("PREPROCDIR = %s", RUN + "/preproc")
    main.info("PLOTDIR    = %s", RUN + "/plots")
    main.info("----------------------------------------------------------------------")
    main.info("Running tasks using at most %s processes", 8)
    main.info("If your system hangs during execution, it may not have enough memory for keeping this number of "
              "tasks in memory.")
    main.info("If you experience memory problems, try reducing 'max_parallel_tasks' in your configuration.")
    recipe.info("Creating tasks from recipe")
    for var, mip in VARIABLES:
        recipe.info("Creating tasks for diagnostic %s", f"{var}_grading")
        recipe.info("Creating diagnostic task %s", f"{var}_grading/plot")
        recipe.info("Creating preprocessor task %s", f"{var}_grading/{var}")
        recipe.info("Creating preprocessor '%s' task for variable '%s'", "pp_grading", var)
        recipe.info("Found input files for %s", ", ".join(MODELS[:4]) + ", ...")
        recipe.info("PreprocessingTask %s created.", f"{var}_grading/{var}")
    recipe.info("These tasks will be executed: %s", ", ".join(f"{v}_grading/{v}, {v}_grading/plot" for v, _ in VARIABLES))
    main.info("Wrote recipe with version numbers and wildcards to:\nfile://%s", RUN + "/run/recipe_perfmetrics_CMIP6_filled.yml")
    procs = {}
    for n, (var, mip) in enumerate(VARIABLES):
        name = f"{var}_grading/{var}"
        procs[name] = 2100 + n
        with pid(procs[name]):
            task.info("Starting task %s in process [%s]", name, procs[name])
        for model in MODELS:
            with pid(procs[name]):
                if model in ("CanESM5", "IPSL-CM6A-LR") and var == "tos":
                    check.warning("There were warnings in variable %s:\n%s\nin file %s",
                                  var, "tos: attribute positive not present",
                                  f"/data/CMIP6/CMIP/{model}/historical/r1i1p1f1/{mip}/{var}/gn/v20190429/"
                                  f"{var}_{mip}_{model}_historical_r1i1p1f1_gn_185001-201412.nc")
                if model == "INM-CM5-0" and var == "pr":
                    printed(stream, "/opt/conda/lib/python3.12/site-packages/iris/fileformats/cf.py:1130: "
                                    "IrisLoadWarning: Ignoring variable 'lat_bnds' referenced by variable 'lat': "
                                    "Dimensions ('lat', 'bnds') do not span ('lat',)")
                    printed(stream, "  warnings.warn(")
        printed(stream, "[" + "#" * 40 + "] | 100% Completed | " + "%d.%02ds" % (40 + 7 * n, 13 * n % 100))
        with pid(procs[name]):
            task.info("Successfully completed task %s (priority %s) in %s", name, n + 1,
                      "0:0%d:%02d.%06d" % (3 + n, 17 * n + 9, 412331 + n))
        main.info("Progress: %s tasks running, %s tasks waiting for ancestors, %s/%s done", 3 - n - 1 if n < 2 else 0,
                  3 - n, n + 1, 6)
    for n, (var, mip) in enumerate(VARIABLES):
        name = f"{var}_grading/plot"
        with pid(2200 + n):
            task.info("Starting task %s in process [%s]", name, 2200 + n)
            task.info("Running command %s", ["/opt/conda/bin/python", "/opt/conda/lib/python3.12/site-packages/"
                                             "esmvaltool/diag_scripts/perfmetrics/main.py",
                                             f"{RUN}/run/{var}_grading/plot/settings.yml"])
            task.info("Writing output to %s", f"{RUN}/work/{var}_grading/plot")
            task.info("Writing plots to %s", f"{RUN}/plots/{var}_grading/plot")
            task.info("Writing log to %s", f"{RUN}/run/{var}_grading/plot/log.txt")
            task.info("To re-run this diagnostic script, run:\ncd %s; MPLBACKEND=\"Agg\" %s",
                      f"{RUN}/run/{var}_grading/plot",
                      f"/opt/conda/bin/python /opt/conda/lib/python3.12/site-packages/esmvaltool/diag_scripts/"
                      f"perfmetrics/main.py {RUN}/run/{var}_grading/plot/settings.yml")
            if var == "tos":
                # The diagnostic script fails on a model without sea ice mask.
                def run_script():
                    def check_output():
                        raised("esmvalcore._task", "DiagnosticError",
                               f"Diagnostic script /opt/conda/lib/python3.12/site-packages/esmvaltool/diag_scripts/"
                               f"perfmetrics/main.py failed with return code 1. See the log in "
                               f"{RUN}/run/{var}_grading/plot/log.txt")
                    check_output()
                try:
                    run_script()
                except Exception:
                    task.error("Failed to run task %s", name, exc_info=True)
                continue
            task.info("Maximum memory used (estimate): %.1f GB", 1.7 + n)
            task.info("Sampled every second. It may be inaccurate if short but high spikes in memory consumption "
                      "occur.")
            prov.info("Wrote provenance to %s", f"{RUN}/plots/{var}_grading/plot/{var}_portrait_provenance.xml")
            task.info("Successfully completed task %s (priority %s) in %s", name, n + 4, "0:00:4%d.%06d" % (n, 88123))
    main.error("There were errors in %s of %s tasks", 1, 6)
    main.info("Ending the Earth System Model Evaluation Tool at time: %s UTC", now("%Y-%m-%d %H:%M:%S"))
    main.info("Time for running the recipe was: %s", "0:14:08.117204")
    main.info("Maximum memory used (estimate): %.1f GB", 9.4)
    main.info("Sampled every second. It may be inaccurate if short but high spikes in memory consumption occur.")
    try:
        raised("esmvalcore.exceptions", "RecipeError", "Execution of 1 tasks failed")
    except Exception:
        main.error("Program terminated abnormally, see stack trace below for more information:", exc_info=True)
    printed(stream, "+ arv-put --name 'perfmetrics CMIP6 20240511' --project-uuid z1234-j7d0g-9m3xq0d7f2b1k4e "
                    f"{RUN}")
    put.info("Creating new cache file at %s", "/home/crunch/.cache/arvados/arv-put/2b7a61f3c0d9e8b4a5f6c7d8e9f0a1b2")
    for i in range(0, 101, 20):
        printed(stream, "%dM / %dM %.1f%%" % (int(4.2 * i), 420, i))
    keep.warning("Retrying: PUT %s", "https://keep3.z1234.example.org:25107/")
    keep.info("Request fail: PUT %s => %s: %s", "https://keep3.z1234.example.org:25107/",
              "<class 'pycurl.error'>", "(28, 'Operation timed out after 300000 milliseconds with 0 bytes received')")
    api.debug("Retrying API request in %s seconds", 2.0)
    put.info("Collection saved as '%s'", "perfmetrics CMIP6 20240511")
    printed(stream, "z1234-4zz18-0b5ie3m8q1x7w2c")
    crunch(stream, "Container exited with status code 1")
    crunch(stream, "Complete")
    return {"name": "esmvaltool-arvados", "programs": [ev, arv], "records": stream, "auto": False}


class ThreadName(logging.Filter):
    """The name of the program's thread that logs (CherryPy's, APScheduler's
    and the programs' own queue threads), pinned: a standard attribute."""

    def __init__(self):
        super().__init__()
        self.name = "MainThread"

    def filter(self, record):
        record.threadName = self.name
        return True


# --------------------------------------------------------------------------
# A media host on EC2 (Docker's awslogs driver, one stream for the host's
# compose project): Headphones watches a music library and Mylar3 a comics
# pull list, both searching the same newznab indexer and handing results to
# SABnzbd. The containers' entrypoint lines and CherryPy's bare startup lines
# are print lines.

ARTISTS = [("Khruangbin", "A LA SALA"), ("Fontaines D.C.", "Romance"), ("Beth Gibbons", "Lives Outgrown"),
           ("Mdou Moctar", "Funeral for Justice"), ("Nilüfer Yanya", "My Method Actor"), ("Cindy Lee", "Diamond Jubilee"),
           ("Jessica Pratt", "Here in the Pitch"), ("Waxahatchee", "Tigers Blood")]
COMICS = [("Absolute Batman", "2024", 1), ("Transformers", "2023", 9), ("Saga", "2012", 67), ("Monstress", "2015", 50),
          ("Something is Killing the Children", "2019", 38), ("Ultimate Spider-Man", "2024", 5)]
MYLAR_SRC = "/app/mylar/"


def stream_headphones_mylar():
    stream = []
    hp = Program("headphones", "headphones", logging.Formatter(HEADPHONES, HEADPHONES_DATEFMT), stream)
    my = Program("mylar3", "mylar", logging.Formatter(MYLAR, MYLAR_DATEFMT), stream)
    hp_thread, my_thread = ThreadName(), ThreadName()
    hp.handler.addFilter(hp_thread)
    my.handler.addFilter(my_thread)
    h = lg(hp, "headphones")
    m = lg(my, "mylar")

    def ml(level, module, line, func, msg, *args, exc=None):
        at(m, level, MYLAR_SRC + "mylar/" + module + ".py", line, func, msg, *args, exc=exc)

    printed(stream, "[s6-init] making user provided files available at /var/run/s6/etc...exited 0.")
    printed(stream, "[services.d] starting services")
    h.info("Checking to see if the database has all tables....")
    h.info("Starting Headphones on http://%s:%i/", "0.0.0.0", 8181)
    printed(stream, "[" + now("%d/%b/%Y:%H:%M:%S") + "] ENGINE Bus STARTING")
    printed(stream, "[" + now("%d/%b/%Y:%H:%M:%S") + "] ENGINE Serving on http://0.0.0.0:8181")
    printed(stream, "[" + now("%d/%b/%Y:%H:%M:%S") + "] ENGINE Bus STARTED")
    ml(logging.INFO, "__init__", 517, "initialize", "Config GIT Branch: %s", "python3-dev")
    ml(logging.INFO, "__init__", 563, "initialize", "[DIRECTORY-CHECK] Checking Directory: %s", "/config/mylar/cache")
    ml(logging.INFO, "webstart", 238, "initialize", "Starting Mylar on http://%s:%i%s/", "0.0.0.0", 8090, "")
    for cycle in range(6):
        hp_thread.name = "Thread-%d" % (12 + cycle)
        h.info("Checking for new releases")
        for artist, album in ARTISTS:
            h.info("Now adding/updating: %s", artist)
            h.info("Now updating: %s", artist)
            h.info("Seeing if we need album art for %s", album)
            h.info("Updating complete for: %s", artist)
        hp_thread.name = "SEARCH"
        for i, (artist, album) in enumerate(ARTISTS):
            h.info("Searching for wanted albums")
            h.info("Searching for %s - %s since it is marked as wanted", artist, album)
            h.info("Searching %s using term: %s", "NZBgeek", f"{artist} {album}")
            if (i + cycle) % 5 == 0:
                h.info("No results found for %s - %s", artist, album)
                continue
            h.info("Found %d results", 3 + i)
            h.info("Found best result from %s: <a href=\"%s\">%s</a> - %s", "NZBgeek",
                   "https://api.nzbgeek.info/api?t=get&id=%032x" % (0x5f3c + i * 977 + cycle),
                   f"{artist} - {album} (2024) [FLAC]", "%.2fMiB" % (412.7 + 31 * i))
            h.info("Sending to SABnzbd")
            if i == 3 and cycle == 2:
                def send():
                    def urlopen():
                        raised("urllib.error", "URLError", "<urlopen error [Errno 111] Connection refused>")
                    urlopen()
                try:
                    send()
                except Exception:
                    h.exception("Error opening SABnzbd URL: %s", "http://sabnzbd:8080/sabnzbd/api")
                continue
            h.info("Successfully sent to SABnzbd")
        hp_thread.name = "POSTPROCESSOR"
        h.info("Checking to see if there are any folders to process in download_dir(s): %s", "/downloads/music")
        for artist, album in ARTISTS[cycle % 3:cycle % 3 + 2]:
            h.info("Starting post-processing for: %s - %s", artist, album)
            h.info("Moving files: %s", f"/downloads/music/{artist} - {album} (2024) [FLAC]")
            h.info("Post-processing for %s - %s complete", artist, album)
        my_thread.name = "SEARCH-QUEUE"
        ml(logging.INFO, "search", 312, "search_init", "Initiating check to see if any issues are wanted.")
        for j, (title, year, issue) in enumerate(COMICS):
            ml(logging.INFO, "search", 359, "search_init", "Shhh be very quiet...I'm looking for %s issue: %s (%s) "
               "using %s", title, issue + cycle, year, "nzbgeek")
            if (j + cycle) % 4 == 1:
                ml(logging.INFO, "search", 1985, "NZB_SEARCH", "Could not find Issue %s of %s (%s) using %s "
                   "[%s]", issue + cycle, title, year, "nzbgeek", "newznab")
                continue
            ml(logging.INFO, "search", 1203, "NZB_SEARCH", "Found %s (%s) issue: %s using %s (%s)", title, year,
               issue + cycle, "nzbgeek", "newznab")
            ml(logging.INFO, "search", 2771, "searcher", "Successfully sent nzb file to SABnzbd")
        my_thread.name = "RSSFEEDS"
        ml(logging.INFO, "rsscheck", 125, "torrents", "[RSS-FEEDS] Initiating RSS Feed Check for %s.", "nzbgeek")
        ml(logging.INFO, "rsscheck", 882, "nzbdbsearch", "[RSS-FEEDS] %s results found for %s.", 17 + cycle, "nzbgeek")
        if cycle == 4:
            # A thread of Mylar3's dies: its exception hook logs it.
            def check():
                def parse():
                    raised("xml.etree.ElementTree", "ParseError", "not well-formed (invalid token): line 1, column 0")
                parse()
            try:
                check()
            except Exception:
                my_thread.name = "Thread-31"
                at(m, logging.ERROR, MYLAR_SRC + "mylar/logger.py", 140, "excepthook", "Uncaught exception: %s",
                   "".join(traceback.format_exception(*sys.exc_info())))
        my_thread.name = "POST-PROCESS-QUEUE"
        for title, year, issue in COMICS[cycle % 2::3]:
            ml(logging.INFO, "PostProcessor", 438, "Process", "[POST-PROCESSING] Now checking files for %s (%s) "
               "in %s", title, year, "/downloads/comics")
            ml(logging.INFO, "PostProcessor", 2520, "Process_next", "[POST-PROCESSING] Post-Processing completed "
               "for: %s #%s", title, issue + cycle)
    hp_thread.name = "CP Server Thread-7"
    # A thread of Headphones' dies: its exception hook logs it.
    def lastfm():
        def request():
            raised("requests.exceptions", "ConnectionError", "HTTPSConnectionPool(host='ws.audioscrobbler.com', "
                   "port=443): Max retries exceeded with url: /2.0/")
        request()
    try:
        lastfm()
    except Exception:
        h.error("Uncaught excaption: %s", "".join(traceback.format_exception(*sys.exc_info())))
    printed(stream, "[" + now("%d/%b/%Y:%H:%M:%S") + "] ENGINE Bus STOPPING")
    h.info("Headphones is shutting down...")
    return {"name": "headphones-mylar", "programs": [hp, my], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_esmvaltool_arvados(), stream_headphones_mylar()])


if __name__ == "__main__":
    main()
