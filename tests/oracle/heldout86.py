"""The 86-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout85.py`): six more programs'
own logging set-ups in three streams, chosen from HPC, ML training and
model-serving utilities as a university research computing group runs
them on its AWS cluster (the Slurm head node on EC2, where Rackslab's
Slurm-web gateway and agent serve the cluster's web dashboard and
Slurm-mail sends the users' job e-mails; a GPU partition's hyper-parameter
search job, where Oríon's `hunt` runs a Hyperband search over PyTorch
Image Models' (timm) train.py fine-tuning a ConvNeXt on the group's
plankton images; the group's LLM inference node, a g5 instance where
LightLLM serves an instruct model behind gunicorn and CodeCarbon's
`monitor` measures the machine's energy beside it), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout86

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aab2b1d (session 32's first rules in, none
written from this set), with nothing configured: 73.7% exact, 73.7% key
fields (asctime 78.3%, levelname 100.0%, name 100.0%, message 73.7%).

Formatters and filters: Slurm-web's own processes go through RFL's
setup_logger (rfl.log), which puts one StreamHandler (stderr) on the root
with the formatter auto_formatter() picks: off a terminal (systemd's
journal) RFL's DaemonFormatter, "%(threadName)s: [%(levelname)s]
%(message)s", no time and no logger name (the journal stamps the lines);
its filter lets every library's records through (--log-flags ALL, the
default), so werkzeug's development server (the packaged units run
`slurm-web agent` and `slurm-web gateway`, Flask.run) prints its start-up
warning and its request lines there, from the request threads ("Thread-N
(process_request_thread)") and with werkzeug's ANSI colours (bold red for
its warning and 4xx statuses, yellow for 404, bold magenta for 5xx), as
do rfl.web's token warnings and Flask's "Exception on ..." traceback.
Slurm-mail's slurm-send-mail (cron, every minute) and slurm-spool-mail
(slurmctld's MailProg) use basicConfig's "%(asctime)s:%(levelname)s:
%(message)s" with "%Y/%m/%d %H:%M:%S" into their log files, which the
head node's Fluent Bit tails into the same stream as the journal; its
run_command failures log sacct's stdout and stderr as messages of their
own (an empty one, one ending in a newline), the site's validateEmail
rejects a bare user name, its die() and its SMTP
reconnection warning are messages of several lines, and a spool file it
cannot process logs the exception itself as the message, with its
traceback. Oríon's CLI (`orion -v`)
calls basicConfig on the root (stderr, INFO) with
"%(asctime)-15s::%(levelname)s::%(name)s::%(message)s" (the default asctime,
longer than 15, so no padding shows): Hyperband's budget display and its
status tables (tabulate's "github" format) are INFO records of many
lines, and a broken trial's record is the runner's traceback text as its
message (a multiprocessing RemoteTraceback chained to the executor's),
no exc_info. timm's train.py sets up the root handler (stderr) with
timm/utils/log.py's FormatterNoInfo: "%(levelname)s: %(message)s" except
at INFO, where the record is printed as its bare message (the truth is
the message alone then: `TimmJson`), so most of train.py's lines look
like print()s; the trial processes are Oríon's subprocesses and write to
the same Slurm output file. LightLLM's init_logger loggers share one
StreamHandler (stdout) with log_utils.py's NewLineFormatter,
"%(levelname)s %(asctime)s [%(filename)s:%(lineno)d] %(message)s" with
"%m-%d %H:%M:%S" (no year, no milliseconds), which replaces every
newline of the formatted record (message and traceback) by "\\r\\n" and
the record's prefix; LIGHTLLM_LOG_LEVEL defaults to debug, so the
router's multi-line batch statistics (each line ending " \\r") and its
prefill lines (a trailing " \\n": a last line holding the prefix alone)
print too. The gunicorn master it starts (UvicornWorker, --error-logfile
- --access-logfile -) prints its own error log format, uvicorn's
"uvicorn.error" records through it and uvicorn's access records through
gunicorn's access handler (bare messages); when a GPU is lost the
worker hangs and gunicorn's arbiter logs its WORKER TIMEOUT (CRITICAL)
and boots another. CodeCarbon's logger
("codecarbon", propagate off) has its own StreamHandler (stderr) with
"[%(name)s %(levelname)s @ %(asctime)s] %(message)s", the time alone
("%H:%M:%S"); the sidecar runs `codecarbon monitor --offline
--log-level info`, so every measurement (each 10 s) logs five records,
the hardware set-up logs two multi-line messages (one with indented lines
and a last line of spaces) and a lost GPU a warning with its traceback.

Print lines: systemd's unit lines and Flask's banner in the journal; the
Slurm job's and the trial wrapper's `set -x` lines, torch's UserWarning
(two lines, from the warnings module), timm's "--result" JSON dump (one
print() of many lines), torch's "ERROR: Unexpected bus error" line, the
uncaught tracebacks of the trials that die (CUDA out of memory, a
DataLoader worker killed by a bus error: /dev/shm is small on the GPU
nodes) and Oríon's closing statistics and hints (prints that start with
a newline); the inference containers' entrypoint lines and CodeCarbon's
(rich) prints, one of them empty.

The messages are modelled on the programs' source, read at the commits
cited: Slurm-web's slurmweb/apps/__init__.py, apps/agent.py,
apps/gateway.py, views/agent.py, views/gateway.py, slurmrestd/__init__.py,
slurmrestd/auth.py and conf/vendor/*.yml, RFL's src/log/rfl/log/
(__init__.py, formatters.py), src/web/rfl/web/tokens.py and
src/authentication/rfl/authentication/ldap.py, werkzeug 3.1's serving.py
(the installed package), Flask's banner; Slurm-mail's src/slurmmail/
cli.py and common.py and etc/slurm-mail/slurm-mail.conf; Oríon's
src/orion/core/cli/base.py and hunt.py, core/worker/consumer.py and
experiment.py, client/runner.py, executor/multiprocess_backend.py,
algo/hyperband/hyperband.py (compute_budgets, display_budgets,
tabulate_status: the tables rebuilt here as tabulate 0.10 prints them)
and core/utils/format_terminal.py; timm's train.py, timm/utils/log.py,
utils/checkpoint_saver.py, data/config.py and models/_builder.py;
LightLLM's lightllm/utils/log_utils.py, server/api_start.py,
server/api_http.py, server/httpserver/manager.py, server/router/
(manager.py, batch.py, stats.py, model_infer/model_rpc.py,
mode_backend/base_backend.py), server/detokenization/manager.py,
server/core/objs/shm_req_manager.py, common/mem_manager.py,
common/basemodel/ (basemodel.py, cuda_graph.py) and
utils/health_check.py, with those files' line numbers; CodeCarbon's
codecarbon/external/logger.py, cli/main.py (monitor), emissions_tracker.py,
core/resource_tracker.py, core/gpu.py and output_methods/file.py.
Modelled rather than read: the values (hosts, users, job ids, nodes,
accounts, mail addresses, trial ids and hyper-parameters, losses and
accuracies, token counts, timings, powers and energies), the order and
number of records, gunicorn's and uvicorn's message texts (their
well-known lines), the third-party exception texts (requests, torch,
pynvml, smtplib's), the torch warning, the Slurm and wrapper-script lines
and the install paths.

Left out: guilbaults/slurm-job-exporter (1620925f
slurm-job-exporter.py: print()s only, no logging), nvitop's
nvitop-exporter (XuehaiPan/nvitop 3e797b26: no logging set-up), ColdFront
(ubccr/coldfront 46d0ebaa coldfront/config/logging.py: a "console"
StreamHandler with no formatter, "%(message)s" only, for "django" and
"django_auth_ldap"; kept for a later set), hyperopt's mongo worker
(hyperopt/hyperopt c49ad148 hyperopt/mongoexp.py: basicConfig's
BASIC_FORMAT), DeepHyper (deephyper/deephyper a28c1777
src/deephyper/cli/_hpo.py: basicConfig into deephyper.log only), OSS
Vizier (google/vizier b0651861: absl logging, whose prefix earlier sets
cover), CodeCarbon's carbonserver (the same format as its tracker), and
the programs of these areas in earlier sets or their Left out
paragraphs: AWS ParallelCluster's daemons, ReFrame, Balsam, Parsl,
FireWorks, Maestro, submitit, dask-jobqueue, Optuna, NNI, Katib, Ax,
Syne Tune, Ray, MLflow, Aim, Sacred, ClearML, Guild AI, DVC, Determined,
Polyaxon, TorchServe, KServe, MLServer, BentoML, Triton, vLLM, SGLang,
LMDeploy, TGI, FastChat, LitServe, Xinference, GPUStack and Mosec.
"""

import hashlib
import json
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

from werkzeug.serving import _ansi_style  # noqa: E402

# Slurm-web 6.0.0 (rackslab/Slurm-web, 69c8c03a), slurmweb/apps/__init__.py
# SlurmwebGenericApp calls RFL's setup_logger (rackslab/RFL 1.9.0,
# 96d8a1b8, src/log/rfl/log/__init__.py): the root's StreamHandler
# (stderr) with auto_formatter()'s DaemonFormatter off a terminal
# (src/log/rfl/log/formatters.py), debug off, no --log-component.
SLURMWEB = "%(threadName)s: [%(levelname)s] %(message)s"
# Slurm-mail 4.34 (neilmunday/slurm-mail, 393f2b3d), src/slurmmail/cli.py
# send_mail_main's log_format and log_date (and spool_mail_main's, the
# same), through basicConfig into the logFile of slurm-mail.conf.
SLURMMAIL = "%(asctime)s:%(levelname)s: %(message)s"
SLURMMAIL_DATEFMT = "%Y/%m/%d %H:%M:%S"
# Oríon 0.2.7+ (Epistimio/orion, 1b20511c), src/orion/core/cli/base.py
# OrionArgsParser.parse's basicConfig (root, stderr; -v: INFO).
ORION = "%(asctime)-15s::%(levelname)s::%(name)s::%(message)s"
# PyTorch Image Models 1.0.29.dev0 (huggingface/pytorch-image-models,
# aa4b5850), timm/utils/log.py FormatterNoInfo's default fmt, on the root's
# StreamHandler (stderr) from setup_default_logging() (train.py main()).
TIMM = "%(levelname)s: %(message)s"
# LightLLM 1.0.1 (ModelTC/lightllm, fc72ffab), lightllm/utils/log_utils.py
# _FORMAT and _DATE_FORMAT, NewLineFormatter on the "lightllm" loggers'
# StreamHandler(sys.stdout).
LIGHTLLM = "%(levelname)s %(asctime)s [%(filename)s:%(lineno)d] %(message)s"
LIGHTLLM_DATEFMT = "%m-%d %H:%M:%S"
# CodeCarbon 3.3.0 (mlco2/codecarbon, b05965e4), codecarbon/external/
# logger.py set_logger_format() (no preamble): the "codecarbon" logger's
# StreamHandler (stderr).
CODECARBON = "[%(name)s %(levelname)s @ %(asctime)s] %(message)s"
CODECARBON_DATEFMT = "%H:%M:%S"


class DaemonFormatter(logging.Formatter):
    """RFL's rfl/log/formatters.py DaemonFormatter, as written there."""

    def __init__(self, debug=False, component=None):
        if debug:
            _fmt = "%(threadName)s: [%(levelname)s] %(name)s %(message)s"
        else:
            _fmt = "%(threadName)s: [%(levelname)s] %(message)s"
        if component:
            _fmt = f"❬{component}❭ {_fmt}"
        super().__init__(_fmt)


class FormatterNoInfo(logging.Formatter):
    """timm/utils/log.py FormatterNoInfo, as written there."""

    def __init__(self, fmt='%(levelname)s: %(message)s'):
        logging.Formatter.__init__(self, fmt)

    def format(self, record):
        if record.levelno == logging.INFO:
            return str(record.getMessage())
        return logging.Formatter.format(self, record)


class TimmJson(JsonFormatter):
    """The truth for timm: the message alone at INFO (what the line shows),
    the format's fields otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__("%(message)s")
        self.other = JsonFormatter(TIMM)

    def format(self, record):
        if record.levelno == logging.INFO:
            return super().format(record)
        return self.other.format(record)


class NewLineFormatter(logging.Formatter):
    """LightLLM's lightllm/utils/log_utils.py NewLineFormatter, as written
    there."""

    def __init__(self, fmt, datefmt=None):
        logging.Formatter.__init__(self, fmt, datefmt)

    def format(self, record):
        msg = logging.Formatter.format(self, record)
        if record.message != "":
            parts = msg.split(record.message)
            msg = msg.replace("\n", "\r\n" + parts[0])
        return msg


def rec(log, level, msg, *args, thread=None, exc=None):
    """A record logged from the named thread (werkzeug's request threads)."""
    if exc is True:
        exc = sys.exc_info()
    record = log.makeRecord(log.name, level, "(unknown file)", 0, msg, args, exc)
    if thread is not None:
        record.threadName = thread
    log.handle(record)


def bare_info(stream):
    """Marks the INFO records of timm's (bare messages) as catch-all lines:
    nothing in their first line shows that a record starts there."""
    for entry in stream:
        if entry["program"] == "timm" and "levelname" not in json.loads(entry["json"]):
            entry["catch_all"] = True


# --------------------------------------------------------------------------
# The research computing group's Slurm head node on EC2: the slurm-web
# agent and gateway units (Fluent Bit's systemd input ships their journal)
# and Slurm-mail's two log files (Fluent Bit's tail input), one CloudWatch
# stream. nginx proxies the dashboard to the gateway on localhost:5011; the
# agent talks to slurmrestd's socket.

VERSION = "6.0.0"
CLUSTER = "kelvin"
USERS = [("aoconnor", "Aoife O'Connor"), ("bmensah", "Ben Mensah"), ("cdubois", "Camille Dubois"),
         ("dkowalczyk", "Dawid Kowalczyk"), ("eyilmaz", "Elif Yılmaz"), ("fnakamura", "Fumiko Nakamura"),
         ("gsantos", "Gabriel Santos"), ("hpatel", "Hema Patel")]
ACCOUNTS = ["phys-cosmo", "bio-plankton", "chem-dft", "eng-cfd", "cs-nlp"]
PARTITIONS = ["compute", "gpu", "highmem", "debug"]
JOBNAMES = ["vasp_relax", "gromacs_md", "train_convnext", "openfoam_les", "cp2k_md", "nbody_run", "align_reads",
            "bert_finetune"]
MAILDOMAIN = "tcd-example.ie"


def stream_slurmweb_slurmmail():
    stream = []
    sw = Program("slurm-web", "root", DaemonFormatter(), stream)
    sm = Program("slurm-mail", "slurmmail.cli", logging.Formatter(SLURMMAIL, SLURMMAIL_DATEFMT), stream)
    apps = lg(sw, "slurmweb.apps")
    agent_app = lg(sw, "slurmweb.apps.agent")
    gw_app = lg(sw, "slurmweb.apps.gateway")
    restd = lg(sw, "slurmweb.slurmrestd")
    auth = lg(sw, "slurmweb.slurmrestd.auth")
    vagent = lg(sw, "slurmweb.views.agent")
    vgw = lg(sw, "slurmweb.views.gateway")
    tokens = lg(sw, "rfl.web.tokens")
    ldap = lg(sw, "rfl.authentication.ldap")
    werk = lg(sw, "werkzeug")
    flask_agent = lg(sw, "slurm-web agent")
    mail = lg(sm, "slurmmail.cli")
    common = lg(sm, "slurmmail.common")

    threads = {"agent": 0, "gateway": 0}

    def thread(component):
        threads[component] += 1
        return "Thread-%d (process_request_thread)" % threads[component]

    def access(t, method, path, code, addr="127.0.0.1"):
        # werkzeug's WSGIRequestHandler.log_request and log().
        msg = "%s %s HTTP/1.1" % (method, path)
        c = str(code)
        if c == "304":
            msg = _ansi_style(msg, "cyan")
        elif c == "404":
            msg = _ansi_style(msg, "yellow")
        elif c.startswith("4"):
            msg = _ansi_style(msg, "bold", "red")
        elif c.startswith("5"):
            msg = _ansi_style(msg, "bold", "magenta")
        when = now("%d/%b/%Y %H:%M:%S")
        rec(werk, logging.INFO, ('%s - - [%s] "%%s" %%s %%s' % (addr, when)), msg, c, "-", thread=t)

    def unit_start(name, desc, port, app_name, warn_cache=False):
        printed(stream, "Started %s.service - %s." % (name, desc))
        if warn_cache:
            rec(agent_app, logging.WARNING, "Caching is disabled", thread="MainThread")
        rec(apps, logging.INFO, "Running %s application", app_name, thread="MainThread")
        printed(stream, " * Serving Flask app '%s'" % app_name)
        printed(stream, " * Debug mode: off")
        warning = _ansi_style("WARNING: This is a development server. Do not use it in a production deployment. "
                              "Use a production WSGI server instead.", "bold", "red")
        rec(werk, logging.INFO, "\n".join([warning, " * Running on http://localhost:%d" % port]),
            thread="MainThread")
        rec(werk, logging.INFO, _ansi_style("Press CTRL+C to quit", "yellow"), thread="MainThread")

    jwt = {"fresh": True, "age": 0}
    discovered = {"done": False}

    def agent_request(path, code=200, before=None):
        t = thread("agent")
        if before:
            before(t)
        if path.startswith("/v") and code == 200 and path != "/v%s/permissions" % VERSION:
            if jwt["fresh"]:
                rec(auth, logging.INFO, "Generating new JWT for authentication to slurmrestd", thread=t)
                jwt["fresh"] = False
                jwt["age"] = 0
            elif jwt["age"] >= 60:
                rec(auth, logging.INFO, "Renewing JWT for authentication to slurmrestd", thread=t)
                jwt["age"] = 0
            if not discovered["done"]:
                rec(restd, logging.INFO, "Discovered slurmrestd Slurm version: %s and API version: %s", "24.11.5",
                    "0.0.42", thread=t)
                discovered["done"] = True
        access(t, "GET", path, code)

    def gateway_request(method, path, code=200, agent_paths=(), before=None, addr="127.0.0.1"):
        t = thread("gateway")
        if before:
            before(t)
        for p in agent_paths:
            if isinstance(p, tuple):
                agent_request(*p)
            else:
                agent_request(p)
        access(t, method, path, code, addr)

    agents_polled = {"at": -10}

    def clusters(minute):
        # The gateway polls its agents' /info every 300 s, then asks the
        # agent for the user's permissions.
        paths = ["/v%s/permissions" % VERSION]
        stale = minute - agents_polled["at"] >= 5

        def poll(t):
            if stale:
                rec(gw_app, logging.INFO, "Retrieving info from agent at url %s", "http://localhost:5012", thread=t)
                agents_polled["at"] = minute
        gateway_request("GET", "/api/clusters", before=poll, agent_paths=(["/info"] if stale else []) + paths)

    # Slurm-mail.
    spool = []
    sacct_fields = ("JobId,User,Group,Partition,Account,Start,End,State,ReqMem,MaxRSS,NCPUS,CPUTimeRaw,TotalCPU,"
                    "NNodes,WorkDir,Elapsed,ExitCode,AdminComment,Comment,Cluster,NodeList,TimeLimit,TimelimitRaw,"
                    "JobIdRaw,AllocTRES,JobName")

    def spool_mail(job, state, user, array=None):
        t = realworld.CLOCK.t
        path = "/var/spool/slurm-mail/%d_%.7f.mail" % (job, t)
        mail.info("writing file: %s", path)
        spool.append((path, job, state, user, array))

    spool_state = {"reconnect": True}

    def send_mail(smtp_down=False, sacct_down=False, refused=False, bad=False, crash=False):
        """One slurm-send-mail run; the faults hit its first spool file."""
        if not spool:
            return
        first = True
        while spool:
            path, job, state, user, array = spool.pop(0)
            mail.info("processing: %s", path)
            if first and smtp_down:
                # die(): logged, then the run exits; the files wait.
                mail.error("Failed to create SMTP connection due to:\n%s" % "[Errno 111] Connection refused")
                spool.insert(0, (path, job, state, user, array))
                return
            if not first and smtp_down is None and spool_state["reconnect"]:
                spool_state["reconnect"] = False
                mail.warning("SMTP connection failed:\n%s\nWill attempt to reconnect.",
                             "Connection unexpectedly closed")
            head, first = first, False
            if bad and head:
                mail.error("Email address not valid: %s", user)
                common.info("Deleting: %s", path)
                continue
            if crash and head:
                def process():
                    def get_usec_from_str():
                        raise ValueError("invalid literal for int() with base 10: 'INVALID'")
                    get_usec_from_str()
                try:
                    process()
                except ValueError as e:
                    mail.error("Failed to process: %s", path)
                    mail.error(e, exc_info=True)
                continue
            if sacct_down and state != "Began":
                cmd = "/usr/bin/sacct -j %d -P -n --fields=%s" % (job, sacct_fields)
                mail.error("Failed to run %s", cmd)
                mail.error("")
                mail.error("sacct: error: Problem talking to the database: Connection refused\n")
                common.info("Deleting: %s", path)
                continue
            refused, refused_now = False, refused and head
            display = "%d_%d" % (job, array) if array is not None else str(job)
            address = "%s@%s" % (user, MAILDOMAIN)
            mail.info("Sending e-mail to: %s using %s for job %s (%s) via SMTP server %s:%s", user, address, display,
                      state, "smtp.%s" % MAILDOMAIN, 25)
            if refused_now:
                # retryOnFailure (yes), retryDelay 0: MAX_EMAIL_SEND_ATTEMPTS tries.
                for attempt in range(3):
                    mail.error("Failed to send e-mail: %s", {address: (
                        550, b"5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table" %
                        address.encode())})
                mail.error("Failed to send e-mail to %s after %d attempts", address, 3)
            common.info("Deleting: %s", path)

    # -- the head node boots -------------------------------------------
    unit_start("slurm-web-agent", "Slurm-web HPC dashboard agent", 5012, "slurm-web agent", warn_cache=True)
    unit_start("slurm-web-gateway", "Slurm-web HPC dashboard gateway", 5011, "slurm-web gateway")

    job = 481200
    running = []
    for minute in range(120):
        jwt["age"] += 1
        user, fullname = USERS[minute % len(USERS)]
        # Jobs start and end: slurmctld calls slurm-spool-mail.
        if minute % 3 == 0:
            job += 1 + minute % 5
            spool_mail(job, "Began", USERS[(minute * 3) % len(USERS)][0])
            running.append((job, USERS[(minute * 3) % len(USERS)][0]))
        if minute % 4 == 2 and running:
            j, u = running.pop(0)
            spool_mail(j, ["Ended", "Ended", "Failed", "Time limit reached"][(minute // 4) % 4], u)
        if minute % 29 == 11:
            base = job + 1
            job += 1
            for task in range(3):
                spool_mail(base, "Ended", "gsantos", array=task)
        if minute in (41, 97):
            spool_mail(running[0][0] if running else job, "Time reached 80%", running[0][1] if running else user)

        # The dashboard: browsers behind nginx poll the gateway.
        if minute % 2 == 0:
            clusters(minute)
            gateway_request("GET", "/api/agents/%s/stats" % CLUSTER,
                            agent_paths=["/v%s/stats" % VERSION])
        if minute % 3 == 1:
            gateway_request("GET", "/api/agents/%s/jobs" % CLUSTER, agent_paths=["/v%s/jobs" % VERSION])
            if minute % 9 == 1:
                gateway_request("GET", "/api/agents/%s/job/%d" % (CLUSTER, job - 2),
                                agent_paths=["/v%s/job/%d" % (VERSION, job - 2)])
        if minute % 5 == 3:
            gateway_request("GET", "/api/agents/%s/nodes" % CLUSTER, agent_paths=["/v%s/nodes" % VERSION])
            gateway_request("GET", "/api/agents/%s/partitions" % CLUSTER,
                            agent_paths=["/v%s/partitions" % VERSION])
        if minute % 7 == 5:
            gateway_request("GET", "/api/agents/%s/qos" % CLUSTER, agent_paths=["/v%s/qos" % VERSION])
        if minute % 6 == 0:
            # A user signs in.
            def login(t, u=user):
                rec(vgw, logging.INFO, "User %s authenticated successfully", "%s (%s)" % (u, fullname), thread=t)
            gateway_request("GET", "/", code=200, addr="127.0.0.1")
            gateway_request("GET", "/api/messages/login", code=404)
            gateway_request("POST", "/api/login", before=login)
        if minute % 17 == 9:
            def denied(t, u=user):
                rec(ldap, logging.WARNING, "Unable to find user %s=%s in LDAP in base %s subtree", "uid", u + "x",
                    "ou=people,dc=tcd-example,dc=ie", thread=t)
                rec(vgw, logging.WARNING, "LDAP authentication error for user %s: %s", u + "x",
                    "Unable to find user %sx in base ou=people,dc=tcd-example,dc=ie" % u, thread=t)
            gateway_request("POST", "/api/login", code=401, before=denied)
        if minute % 23 == 13:
            # A bookmarked tab with a token from yesterday.
            def expired(t):
                rec(tokens, logging.WARNING, "JWT decode error: %s", "Signature has expired", thread=t)
            gateway_request("GET", "/api/clusters", code=401, before=expired)
        if minute % 19 == 7:
            def forbidden(t, u=user):
                rec(tokens, logging.WARNING, "Unauthorized access from user %s to action %s",
                    "%s (%s)" % (u, fullname), "view-accounts", thread=t)
            gateway_request("GET", "/api/agents/%s/accounts" % CLUSTER, code=403,
                            agent_paths=[("/v%s/accounts" % VERSION, 403, forbidden)])
        if minute == 33:
            # An admin opens the cache page: caching is off on this agent.
            def nocache(t):
                rec(vagent, logging.WARNING, "Cache service is disabled, unable to query cache statistics", thread=t)
            gateway_request("GET", "/api/agents/%s/cache/stats" % CLUSTER, code=501,
                            agent_paths=[("/v%s/cache/stats" % VERSION, 501, nocache)])
        if minute in (58, 59):
            # slurmrestd is restarted for an upgrade: its socket is gone.
            for path in ("/v%s/stats" % VERSION, "/v%s/jobs" % VERSION):
                def down(t):
                    rec(vagent, logging.ERROR, "Unable to connect to slurmrestd: %s",
                        "('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))", thread=t)
                gateway_request("GET", "/api/agents/%s/%s" % (CLUSTER, path.rsplit("/", 1)[1]), code=500,
                                agent_paths=[(path, 500, down)])
        if minute == 60:
            discovered["done"] = False
            jwt["fresh"] = True
        if minute in (71, 108):
            def warned(t):
                rec(restd, logging.WARNING, "slurmrestd query %s warnings: %s", "/slurm/v0.0.42/jobs",
                    [{"description": "Unable to find associated QOS with id=17", "source": "_find_qos_id()"}],
                    thread=t)
            gateway_request("GET", "/api/agents/%s/jobs" % CLUSTER,
                            agent_paths=[("/v%s/jobs" % VERSION, 200, warned)])
        if minute == 88:
            # One heterogeneous job's record lacks a field the adapter reads.
            def crash(t):
                def full_dispatch_request():
                    def dispatch_request():
                        def job_view():
                            def slurmrest():
                                raise KeyError("tres_per_node")
                            slurmrest()
                        job_view()
                    dispatch_request()
                try:
                    full_dispatch_request()
                except KeyError:
                    rec(flask_agent, logging.ERROR, "Exception on %s [%s]", "/v%s/job/%d" % (VERSION, job - 7), "GET",
                        thread=t, exc=True)
            gateway_request("GET", "/api/agents/%s/job/%d" % (CLUSTER, job - 7), code=500,
                            agent_paths=[("/v%s/job/%d" % (VERSION, job - 7), 500, crash)])
        if minute == 92:
            # The gateway is restarted after a configuration change.
            printed(stream, "Stopping slurm-web-gateway.service - Slurm-web HPC dashboard gateway...")
            printed(stream, "slurm-web-gateway.service: Deactivated successfully.")
            printed(stream, "Stopped slurm-web-gateway.service - Slurm-web HPC dashboard gateway.")
            threads["gateway"] = 0
            agents_polled["at"] = -10
            unit_start("slurm-web-gateway", "Slurm-web HPC dashboard gateway", 5011, "slurm-web gateway")

        # slurm-send-mail's cron run, every minute.
        kw = {}
        if minute in (52, 53):
            kw["smtp_down"] = True
        if minute == 54:
            kw["smtp_down"] = None
        if minute in (100, 101):
            kw["sacct_down"] = True
        if minute == 100:
            spool_mail(job - 3, "Ended", USERS[minute % 5][0])
        kw["refused"] = minute == 27
        kw["bad"] = minute == 81
        kw["crash"] = minute == 115
        if any(kw.get(k) for k in ("refused", "bad", "crash", "smtp_down")) and len(spool) < 2:
            spool_mail(job - 1, "Failed", USERS[(minute + 3) % len(USERS)][0])
            spool_mail(job, "Time limit reached", USERS[(minute + 5) % len(USERS)][0])
        send_mail(**kw)
    return {"name": "slurmweb-slurmmail", "programs": [sw, sm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A GPU partition's hyper-parameter search job (its Slurm output file,
# which the CloudWatch agent ships): Oríon's `hunt` runs a Hyperband
# search, each trial a run of the group's wrapper around timm's train.py
# (fine-tuning convnext_tiny on the plankton images), which reports the
# validation error to Oríon.

EXP = "convnext-plankton-hb"
SCRATCH = "/scratch/hpo/%s" % EXP
ORION_SITE = "/home/hpo/.venv/lib/python3.11/site-packages/"


def github_table(header, rows):
    """tabulate(rows, header, tablefmt="github") as tabulate 0.10 prints it
    for Hyperband's status: strings stripped and left-aligned, numbers
    right-aligned, headers padded by two."""
    cols = list(zip(*([header] + rows)))
    widths, numeric = [], []
    for c, col in enumerate(cols):
        values = col[1:]
        num = all(isinstance(v, int) or v == "" for v in values)
        numeric.append(num)
        widths.append(max([len(str(col[0]).strip()) + 2] + [len(str(v).strip()) for v in values]))

    def cell(v, c):
        s = str(v).strip()
        return s.rjust(widths[c]) if numeric[c] else s.ljust(widths[c])
    lines = ["| " + " | ".join(cell(h, c) for c, h in enumerate(header)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(cell(v, c) for c, v in enumerate(r)) + " |")
    return "\n".join(lines)


def stream_orion_timm():
    stream = []
    ori = Program("orion", "orion.core.cli.base", logging.Formatter(ORION), stream)
    tm = Program("timm", "train", FormatterNoInfo(), stream, truth=TimmJson)
    hb = lg(ori, "orion.algo.hyperband.hyperband")
    exp_log = lg(ori, "orion.core.worker.experiment")
    runner = lg(ori, "orion.client.runner")
    train = lg(tm, "train")
    builder = lg(tm, "timm.models._builder")
    dconfig = lg(tm, "timm.data.config")
    saver = lg(tm, "timm.utils.checkpoint_saver")

    printed(stream, "+ module load cuda/12.4.1 python/3.11.9")
    printed(stream, "+ source /home/hpo/.venv/bin/activate")
    printed(stream, "+ export ORION_DB_ADDRESS=/scratch/hpo/orion_db.pkl ORION_DB_TYPE=pickleddb")
    printed(stream, "+ orion -v hunt -n %s --config hb.yaml ./run_trial.sh --lr~'loguniform(1e-5, 2e-3)' "
                    "--weight-decay~'loguniform(1e-3, 1e-1)' --drop-path~'uniform(0, 0.3)' "
                    "--batch-size~'choices([64, 128, 256])' --epochs~'fidelity(1, 9, base=3)'" % EXP)

    # Hyperband's budgets (compute_budgets, display_budgets), max 9, eta 3.
    budgets = {0: [(9, 1), (3, 3), (3, 9)], 1: [(3, 3), (1, 9)], 2: [(1, 9)]}
    fmt = "{:<4}" + " {:<12}" * 3 + "\n"
    table = "Display Budgets:\n" + fmt.format("---", *["---------"] * 3) + fmt.format("i  ", *["n_i  r_i"] * 3) + \
        fmt.format("---", *["---------"] * 3)
    total = 0
    for key, values in sorted(budgets.items()):
        row = f"{key:<4} "
        for n_i, r_i in values:
            total += n_i
            row += f"{n_i:<5} {r_i:<7}"
        table += row + "\n"
    table += fmt.format("---", *["---------"] * 3)
    table += f"max resource={9}, eta={3}, trials number of one execution={total}\n"
    hb.info(table)

    # The brackets' rungs: (trials, resources) per rung, per bracket.
    rungs = [[[0, 9, 1], [0, 3, 3], [0, 1, 9]], [[0, 3, 3], [0, 1, 9]], [[0, 3, 9]]]

    def status():
        header = ["i"] + ["n_i", "r_i"] * 3
        rows = []
        for r in range(3):
            row = [r]
            for b in rungs:
                if len(b) <= r:
                    row.extend(["", ""])
                    continue
                row.append(f"{b[r][0]:>3}/{b[r][1]:>3}")
                row.append(b[r][2])
            rows.append(row)
        hb.info(github_table(header, rows))

    plan = []
    # Bottom rungs first (bracket by bracket), then the promotions.
    for b, n, epochs in ((0, 9, 1), (1, 3, 3), (2, 3, 9)):
        for k in range(n):
            plan.append((b, 0, epochs))
    plan += [(0, 1, 3)] * 3 + [(1, 1, 9)] + [(0, 2, 9)]

    batch_sizes = [128, 64, 256, 128, 64, 128, 256, 64, 128, 64, 128, 64, 128, 256, 64, 128, 64, 128, 128, 64]
    best = {"value": None}
    done = 0
    for n, (b, rung, epochs) in enumerate(plan):
        rungs[b][rung][0] += 1
        status()
        tid = hashlib.md5(("%s-%d" % (EXP, n)).encode()).hexdigest()
        lr = 1e-5 * (200 ** ((((n + 3) * 37) % 97) / 97))
        wd = 1e-3 * (100 ** ((((n + 3) * 53) % 89) / 89))
        dp = round((((n + 3) * 29) % 83) / 83 * 0.3, 4)
        bs = batch_sizes[n % len(batch_sizes)]
        workdir = "%s/%s" % (SCRATCH, tid)
        printed(stream, "+ cd " + workdir)
        printed(stream, "+ exec python /home/hpo/timm/train.py --data-dir /scratch/datasets/plankton12 "
                        "--model convnext_tiny.in12k_ft_in1k --pretrained --num-classes 12 --amp -j 12 "
                        "--lr %s --weight-decay %s --drop-path %s -b %d --epochs %d --output %s/output"
                % (repr(lr), repr(wd), repr(dp), bs, epochs, workdir))
        at(train, logging.INFO, "/home/hpo/timm/train.py", 511, "main",
           "Training with a single process on 1 device (cuda:0).")
        at(builder, logging.INFO, ORION_SITE + "timm/models/_builder.py", 217, "load_pretrained",
           "Loading pretrained weights from Hugging Face hub (timm/convnext_tiny.in12k_ft_in1k)")
        at(builder, logging.INFO, ORION_SITE + "timm/models/_builder.py", 281, "load_pretrained",
           "Missing keys (head.fc.weight, head.fc.bias) discovered while loading pretrained weights. This is "
           "expected if model is being adapted.")
        at(train, logging.INFO, "/home/hpo/timm/train.py", 584, "main",
           "Model convnext_tiny created, param count:27829356")
        at(dconfig, logging.INFO, ORION_SITE + "timm/data/config.py", 96, "resolve_data_config",
           "Data processing configuration for current model + dataset:")
        for k, v in (("input_size", (3, 224, 224)), ("interpolation", "bicubic"), ("mean", (0.485, 0.456, 0.406)),
                     ("std", (0.229, 0.224, 0.225)), ("crop_pct", 0.95), ("crop_mode", "center")):
            at(dconfig, logging.INFO, ORION_SITE + "timm/data/config.py", 98, "resolve_data_config",
               "\t%s: %s" % (k, str(v)))
        at(train, logging.INFO, "/home/hpo/timm/train.py", 636, "main",
           "Using native Torch AMP. Training in mixed precision.")
        printed(stream, ORION_SITE + "torch/utils/data/dataloader.py:626: UserWarning: This DataLoader will create 12 "
                "worker processes in total. Our suggested max number of worker in current system is 8, which is "
                "smaller than what this DataLoader is going to create. Please be aware that excessive worker "
                "creation might get DataLoader running slow or even freeze, lower the worker number to avoid "
                "potential slowness/freeze if necessary.\n  warnings.warn(")
        at(train, logging.INFO, "/home/hpo/timm/train.py", 1102, "main",
           f"Scheduled epochs: {epochs} (epochs + cooldown_epochs). Warmup within epochs when warmup_prefix=False. "
           "LR stepped per epoch.")
        steps = 12480 // bs + (1 if 12480 % bs else 0)
        out = "./output/train/%s-convnext_tiny_in12k_ft_in1k-224" % now("%Y%m%d-%H%M%S")
        broken = None
        if bs == 256 and n in (2, 13):
            broken = "oom" if n == 2 else "bus"
        results, checkpoints = [], []
        for epoch in range(epochs):
            loss = 2.49 * (0.62 ** (epoch + 1)) + 0.2 + (n % 5) * 0.031
            for idx in sorted(set([0, 50, steps - 1] + ([100] if steps > 150 else []))):
                if idx >= steps:
                    continue
                if broken and epoch == 0 and idx == 50:
                    break
                t = 0.31 * bs / 128 + (0.02 if idx else 2.9)
                lrn = lr * (0.1 if epoch == 0 and idx == 0 else 1.0)
                cur = loss + 0.4 * (1 - idx / steps) + (0.05 * ((idx + n) % 3))
                at(train, logging.INFO, "/home/hpo/timm/train.py", 1416, "train_one_epoch",
                   f'Train: {epoch} [{idx:>4d}/{steps} ({100. * (idx + 1) / steps:>3.0f}%)]  '
                   f'Loss: {cur:#.3g} ({(cur + loss) / 2:#.3g})  '
                   f'Time: {t:.3f}s, {bs / t:>7.2f}/s  ({0.33 * bs / 128:.3f}s, {bs / (0.33 * bs / 128):>7.2f}/s)  '
                   f'LR: {lrn:.3e}  Data: {0.012 if idx else 2.61:.3f} ({0.031:.3f})')
            if broken:
                break
            top1 = min(97.9, 58.0 + 9.5 * epoch + (n % 7) * 1.3 + (4.0 if epochs == 9 else 0))
            vl = 1.9 - top1 / 60
            last = 2496 // bs - (0 if 2496 % bs else 1)
            for idx in (0, last):
                at(train, logging.INFO, "/home/hpo/timm/train.py", 1519, "validate",
                   f'Test: [{idx:>4d}/{last}]  Time: {0.41 if idx else 2.31:.3f} ({0.52:.3f})  '
                   f'Loss: {vl + 0.1 * (idx == 0):>7.3f} ({vl:>6.3f})  '
                   f'Acc@1: {top1 - 1.5 * (idx == 0):>7.3f} ({top1:>7.3f})  '
                   f'Acc@5: {min(100.0, top1 + 12.0):>7.3f} ({min(100.0, top1 + 11.2):>7.3f})')
            checkpoints.append(("%s/checkpoint-%d.pth.tar" % (out, epoch), round(top1, 3)))
            checkpoints.sort(key=lambda x: x[1], reverse=True)
            text = "Current checkpoints:\n"
            for c in checkpoints:
                text += " {}\n".format(c)
            at(saver, logging.INFO, ORION_SITE + "timm/utils/checkpoint_saver.py", 155, "save_checkpoint", text)
            results.append({"epoch": epoch, "train": {"loss": round(loss, 6)},
                            "validation": {"loss": round(vl, 6), "top1": round(top1, 3),
                                           "top5": round(min(100.0, top1 + 11.2), 3)}})
        if broken:
            def train_one_epoch():
                def forward():
                    if broken == "oom":
                        raised("torch", "OutOfMemoryError", "CUDA out of memory. Tried to allocate 392.00 MiB. GPU 0 "
                               "has a total capacity of 23.68 GiB of which 211.31 MiB is free. Including non-PyTorch "
                               "memory, this process has 23.46 GiB memory in use. Of the allocated memory 22.71 GiB "
                               "is allocated by PyTorch, and 396.17 MiB is reserved by PyTorch but unallocated. If "
                               "reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF="
                               "expandable_segments:True to avoid fragmentation.  See documentation for Memory "
                               "Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)")
                    raise RuntimeError("DataLoader worker (pid 48213) is killed by signal: Bus error. It is possible "
                                       "that dataloader's workers are out of shared memory. Please try to raise your "
                                       "shared memory limit.")
                forward()
            if broken == "bus":
                printed(stream, "ERROR: Unexpected bus error encountered in worker. This might be caused by "
                                "insufficient shared memory (shm).")
            uncaught(stream, train_one_epoch)
            remote = ('multiprocessing.pool.RemoteTraceback: \n"""\nTraceback (most recent call last):\n'
                      '  File "/usr/lib/python3.11/multiprocessing/pool.py", line 125, in worker\n'
                      '    result = (True, func(*args, **kwds))\n'
                      '                    ^^^^^^^^^^^^^^^^^^^\n'
                      '  File "%sorion/executor/multiprocess_backend.py", line 25, in _couldpickle_exec\n'
                      '    result = function(*args, **kwargs)\n'
                      '             ^^^^^^^^^^^^^^^^^^^^^^^^^\n'
                      '  File "%sorion/core/worker/consumer.py", line 121, in __call__\n'
                      '    results_file = self._consume(trial, trial.working_dir)\n'
                      '                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n'
                      '  File "%sorion/core/worker/consumer.py", line 223, in _consume\n'
                      '    self.execute_process(cmd_args, env)\n'
                      '  File "%sorion/core/worker/consumer.py", line 265, in execute_process\n'
                      '    raise ExecutionError(return_code)\n'
                      'orion.core.worker.consumer.ExecutionError\n"""\n\n'
                      'The above exception was the direct cause of the following exception:\n\n'
                      'Traceback (most recent call last):\n'
                      '  File "%sorion/executor/multiprocess_backend.py", line 224, in async_get\n'
                      '    results.append(AsyncResult(future, future.get()))\n'
                      '                                       ^^^^^^^^^^^^\n'
                      '  File "%sorion/executor/multiprocess_backend.py", line 54, in get\n'
                      '    r = self.future.get(timeout)\n'
                      '        ^^^^^^^^^^^^^^^^^^^^^^^^\n'
                      '  File "/usr/lib/python3.11/multiprocessing/pool.py", line 774, in get\n'
                      '    raise self._value\n'
                      'orion.core.worker.consumer.ExecutionError\n') % ((ORION_SITE,) * 6)
            runner.error(remote)
            continue
        bm = max(results, key=lambda r: r["validation"]["top1"])
        at(train, logging.INFO, "/home/hpo/timm/train.py", 1219, "main",
           '*** Best metric: {0} (epoch {1})'.format(bm["validation"]["top1"], bm["epoch"]))
        shown = sorted(results, key=lambda x: x["validation"]["top1"])
        printed(stream, f'--result\n{json.dumps(shown[-10:], indent=4)}')
        value = round(1 - bm["validation"]["top1"] / 100, 5)
        done += 1
        if best["value"] is None or value < best["value"][0]:
            best["value"] = (value, tid, lr, wd, dp, bs, epochs)
        exp_log.info("Completed trials with results: %s", [realworld.Shown(
            "Result(name='objective', type='objective', value=%r)" % value)])
    hb.info("Hyperband execution %i is done, required to execute %s times", 1, "1")
    status()
    printed(stream, "Search finished successfully")
    value, tid, lr, wd, dp, bs, epochs = best["value"]
    printed(stream, "\nStats\n=====\ncompleted: True\ntrials completed: %d\nbest trial:\n  id: %s\n  evaluation: %s\n"
            "  params:\n    /batch-size: %d\n    /drop-path: %s\n    /epochs: %d\n    /lr: %s\n    /weight-decay: %s\n"
            "\nstart time: 2024-05-11 14:44:45.118920\nfinish time: %s\nelapsed_time: 0:00:%09.6f\n"
            % (done, tid, value, bs, dp, epochs, lr, wd, now("%Y-%m-%d %H:%M:%S.318422"),
               int(realworld.CLOCK.t) + 0.318422 - (realworld.BASE + 1.118920)))
    printed(stream, "\nHints\n=====\n\nInfo\n----\n\nTo get more information on the experiment, run the command\n\n"
                    "orion info --name %s --version 1\n\n" % EXP)
    printed(stream, "+ rsync -a %s/ /projects/bio-plankton/hpo/%s/" % (SCRATCH, EXP))
    out = [ori, tm]
    bare_info(stream)
    return {"name": "orion-timm", "programs": out, "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The group's LLM inference node (a g5.12xlarge, Docker's awslogs driver,
# one stream for the host): LightLLM serves Qwen2.5-14B-Instruct on its
# four A10Gs (tp 4) behind gunicorn, and a CodeCarbon container monitors
# the machine's energy (offline mode, Ireland's grid).

LL = "/lightllm/lightllm/"
PROMPTS = [312, 1840, 96, 4021, 688, 233, 1502, 77, 2890, 415]
CLIENTS = ["10.40.2.17", "10.40.2.31", "10.40.3.8", "10.40.1.250"]


def stream_lightllm_codecarbon():
    stream = []
    ll = Program("lightllm", "lightllm", NewLineFormatter(LIGHTLLM, LIGHTLLM_DATEFMT), stream)
    gerr, gacc = realworld.gunicorn_programs(stream)
    cc = Program("codecarbon", "codecarbon", logging.Formatter(CODECARBON, CODECARBON_DATEFMT), stream)
    start = lg(ll, "lightllm.server.api_start")
    http = lg(ll, "lightllm.server.api_http")
    hsm = lg(ll, "lightllm.server.httpserver.manager")
    router = lg(ll, "lightllm.server.router.manager")
    batch = lg(ll, "lightllm.server.router.batch")
    stats = lg(ll, "lightllm.server.router.stats")
    detok = lg(ll, "lightllm.server.detokenization.manager")
    rpc = lg(ll, "lightllm.server.router.model_infer.model_rpc")
    backend = lg(ll, "lightllm.server.router.model_infer.mode_backend.base_backend")
    mem = lg(ll, "lightllm.common.mem_manager")
    basemodel = lg(ll, "lightllm.common.basemodel.basemodel")
    graph = lg(ll, "lightllm.common.basemodel.cuda_graph")
    shm = lg(ll, "lightllm.server.core.objs.shm_req_manager")
    health = lg(ll, "lightllm.utils.health_check")
    glog = lg(gerr, "gunicorn.error")
    uverr = lg(gerr, "uvicorn.error")
    uvacc = lg(gacc, "uvicorn.access")
    carbon = lg(cc, "codecarbon")

    def L(level, path, line, msg, *args, exc=None):
        key = "/".join(path.split("/")[-2:])
        at(ll_log[key], level, LL + path, line, "<lightllm>", msg, *args, exc=exc)

    ll_log = {"server/api_start.py": start, "server/api_http.py": http, "httpserver/manager.py": hsm,
              "router/manager.py": router, "router/batch.py": batch, "router/stats.py": stats,
              "detokenization/manager.py": detok, "model_infer/model_rpc.py": rpc,
              "mode_backend/base_backend.py": backend, "common/mem_manager.py": mem,
              "basemodel/basemodel.py": basemodel, "basemodel/cuda_graph.py": graph,
              "objs/shm_req_manager.py": shm, "utils/health_check.py": health}

    def C(level, msg, *args, exc=None):
        at(carbon, level, "/usr/local/lib/python3.12/site-packages/codecarbon/emissions_tracker.py", 1, "cc", msg,
           *args, exc=exc)

    # -- CodeCarbon's container starts ----------------------------------
    printed(stream, "+ exec codecarbon monitor --offline --country-iso-code IRL --log-level info")
    C(logging.INFO, "offline tracker init")
    C(logging.INFO, "[setup] RAM Tracking...")
    C(logging.INFO, "[setup] CPU Tracking...")
    C(logging.INFO, "[setup] GPU Tracking...")
    C(logging.INFO, "Tracking Nvidia GPUs via PyNVML")
    C(logging.WARNING, "No CPU tracking mode found. Falling back on estimation based on TDP for CPU. \n Linux OS "
      "detected: Please ensure RAPL files exist, and are readable, at /sys/class/powercap/intel-rapl/subsystem to "
      "measure CPU\n")
    C(logging.INFO, "CPU Model on constant consumption mode: AMD EPYC 7R32")
    C(logging.WARNING, "No CPU tracking mode found. Falling back on CPU load mode.")
    C(logging.INFO, """The below tracking methods have been set up:
                RAM Tracking Method: RAM power estimation model
                CPU Tracking Method: cpu_load
                GPU Tracking Method: pynvml
            """)
    C(logging.INFO, ">>> Tracker's metadata:")
    C(logging.INFO, "  Platform system: Linux-6.1.132-147.221.amzn2023.x86_64-x86_64-with-glibc2.36")
    C(logging.INFO, "  Python version: 3.12.9")
    C(logging.INFO, "  CodeCarbon version: 3.3.0")
    C(logging.INFO, "  Available RAM : 186.685 GB")
    C(logging.INFO, "  CPU count: 48 thread(s) in 24 physical CPU(s)")
    C(logging.INFO, "  CPU model: AMD EPYC 7R32")
    C(logging.INFO, "  GPU count: 4")
    C(logging.INFO, "  GPU model: 4 x NVIDIA A10G")
    C(logging.INFO, "Emissions data (if any) will be saved to file /data/emissions.csv")
    printed(stream, "CodeCarbon is going in an infinite loop to monitor this machine.")
    printed(stream, "Press Ctrl+C to stop and save emissions data.")

    energy = {"ram": 0.0, "cpu": 0.0, "gpu": 0.0, "n": 0}

    def measure(load):
        energy["n"] += 1
        ram_w = 46.62
        cpu_w = round(28.0 + 252.0 * (0.1 + 0.9 * (load ** 3)), 6)
        gpu_w = round(4 * 61.3 + 4 * 214.0 * load, 3)
        d_cpu = cpu_w * 10 / 3.6e6
        energy["ram"] += ram_w * 10 / 3.6e6
        energy["cpu"] += d_cpu
        energy["gpu"] += gpu_w * 10 / 3.6e6
        C(logging.INFO, f"Energy consumed for RAM : {energy['ram']:.6f} kWh. RAM Power : {ram_w} W")
        C(logging.INFO, f"Delta energy consumed for CPU with cpu_load : {d_cpu:.6f} kWh, power : {cpu_w} W")
        C(logging.INFO, f"Energy consumed for All CPU : {energy['cpu']:.6f} kWh")
        C(logging.INFO, f"Energy consumed for all GPUs : {energy['gpu']:.6f} kWh. Total GPU Power : {gpu_w} W")
        total = energy["ram"] + energy["cpu"] + energy["gpu"]
        C(logging.INFO, f"{total:.6f} kWh of electricity and {0.0:.6f} L of water were used since the beginning.")
        if energy["n"] % 30 == 0:
            rate = total * 0.2896 / (energy["n"] * 10) / 1000 * 0.09
            C(logging.INFO, f"{rate * 1000:.6f} g.CO2eq/s mean an estimation of {rate * 3600 * 24 * 365:,} "
              "kg.CO2eq/year")

    # -- LightLLM starts ------------------------------------------------
    printed(stream, "+ exec python -m lightllm.server.api_server --model_dir /models/Qwen2.5-14B-Instruct --tp 4 "
                    "--host 0.0.0.0 --port 8000 --max_total_token_num 180000 --graph_max_batch_size 256")
    L(logging.INFO, "server/api_start.py", 81, "use tgi api: False")
    L(logging.INFO, "server/api_start.py", 192, "alloced ports: [10105, 10106, 10107, 10108, 10109, 10110, 10111, "
      "10112, 10113, 10114, 10115, 10116]")
    L(logging.INFO, "server/api_start.py", 233, "all start args:Namespace(run_mode='normal', host='0.0.0.0', "
      "port=8000, httpserver_workers=1, zmq_mode='ipc:///tmp/', pd_master_ip='0.0.0.0', pd_master_port=1212, "
      "config_server_host=None, config_server_port=None, pd_decode_rpyc_port=42000, select_p_d_node_strategy=None, "
      "model_name='default_model_name', model_dir='/models/Qwen2.5-14B-Instruct', tokenizer_mode='fast', "
      "load_way='HF', max_total_token_num=180000, mem_fraction=0.9, batch_max_tokens=8192, eos_id=[151645, 151643], "
      "tool_call_parser=None, running_max_req_size=1000, nnodes=1, node_rank=0, multinode_httpmanager_port=12345, "
      "multinode_router_gloo_port=20001, tp=4, dp=1, max_req_total_len=16384, nccl_host='127.0.0.1', "
      "nccl_port=28765, use_config_server_to_init_nccl=False, mode=[], trust_remote_code=False, "
      "disable_log_stats=False, log_stats_interval=10, router_token_ratio=0.0, router_max_new_token_len=1024, "
      "router_max_wait_tokens=1, disable_aggressive_schedule=False, disable_dynamic_prompt_cache=False, "
      "chunked_prefill_size=4096, disable_chunked_prefill=False, diverse_mode=False, token_healing_mode=False, "
      "output_constraint_mode='none', first_token_constraint_mode=False, enable_multimodal=False, "
      "enable_multimodal_audio=False, enable_mps=False, disable_custom_allreduce=False, enable_custom_allgather=False, "
      "enable_tpsp_mix_mode=False, enable_prefill_microbatch_overlap=False, enable_decode_microbatch_overlap=False, "
      "enable_flashinfer_prefill=False, enable_flashinfer_decode=False, enable_fa3=False, cache_capacity=200, "
      "cache_reserved_ratio=0.5, data_type='bfloat16', return_all_prompt_logprobs=False, use_reward_model=False, "
      "long_truncation_mode=None, use_tgi_api=False, health_monitor=False, metric_gateway=None, "
      "job_name='lightllm', grouping_key=[], push_interval=10, visual_infer_batch_size=1, visual_gpu_ids=None, "
      "visual_tp=1, visual_dp=1, visual_nccl_ports=[29500], enable_monitor_auth=False, disable_cudagraph=False, "
      "graph_max_batch_size=256, graph_split_batch_size=32, graph_grow_step_size=16, graph_max_len_in_batch=8192, "
      "quant_type='none', quant_cfg=None, vit_quant_type='none', vit_quant_cfg=None, sampling_backend='triton', "
      "penalty_counter_mode='gpu_counter', ep_redundancy_expert_config_path=None, auto_update_redundancy_expert=False, "
      "mtp_mode=None, mtp_draft_model_dir=None, mtp_step=0, kv_quant_calibration_config_path=None)")
    L(logging.INFO, "server/core/objs/shm_req_manager.py", 59, "create lock shm 8000_req_shm_total_lock")
    for rank in range(4):
        L(logging.INFO, "server/router/model_infer/model_rpc.py", 70, f"Initialized RPC server for rank {rank}.")
    L(logging.INFO, "server/router/model_infer/model_rpc.py", 182, "use ChunkedPrefillBackend")
    L(logging.INFO, "common/basemodel/basemodel.py", 134,
      "Initial quantization. The default quantization method is none")
    L(logging.INFO, "common/mem_manager.py", 72, f"{str(4.391245365142822)} GB space is available after load the "
      f"model weight\n{str(196608 / 1024 ** 2)} MB is the size of one token kv cache\n23420 is the profiled "
      f"max_total_token_num with the mem_fraction 0.9\n")
    L(logging.INFO, "common/basemodel/basemodel.py", 652, "begin check max_len infer")
    L(logging.INFO, "common/basemodel/basemodel.py", 680, "check max_len 8192 infer ok")
    L(logging.INFO, "common/basemodel/cuda_graph.py", 45, "cuda graph batch_sizes: %s" % (
        list(range(1, 33)) + list(range(48, 257, 16))))
    L(logging.INFO, "common/basemodel/cuda_graph.py", 187, "Begin capture cudagraph, use the --disable_cudagraph to "
      "disable it.")
    for k in range(2):
        measure(0.04)
    L(logging.INFO, "common/basemodel/cuda_graph.py", 232, "Capture cudagraph success, batch_size <=256 and "
      "max_len_in_batch <= 8192 will infer with cudagraph.")
    L(logging.INFO, "server/router/model_infer/mode_backend/base_backend.py", 135, "loaded model class <class "
      "'lightllm.models.qwen2.model.Qwen2TpPartModel'>")
    L(logging.INFO, "server/router/manager.py", 187, "use req queue ChunkedPrefillQueue")
    L(logging.INFO, "server/detokenization/manager.py", 41, "pub_to_httpserver sendhwm 1000")
    L(logging.INFO, "server/api_start.py", 57, "start process pid 7")
    L(logging.INFO, "server/api_start.py", 58, "http server pid 412")
    glog.info("Starting gunicorn %s", "23.0.0")
    glog.info("Listening at: %s (%s)", "http://0.0.0.0:8000", 412)
    glog.info("Using worker: %s", "uvicorn.workers.UvicornWorker")
    glog.info("Booting worker with pid: %s", 415)
    uverr.info("Started server process [%d]", 415)
    uverr.info("Waiting for application startup.")
    L(logging.INFO, "server/api_http.py", 334, "server start up")
    L(logging.INFO, "server/api_http.py", 338, "server start up ok, loop use is <uvloop.Loop running=True "
      "closed=False debug=False>")
    uverr.info("Application startup complete.")

    req_id = 0
    batch_id = 0
    in_flight = []
    for tick in range(72):
        load = 0.15 + 0.7 * ((tick * 7) % 11) / 10
        if tick % 2 == 0:
            measure(min(load, 0.95))
        client = CLIENTS[tick % len(CLIENTS)]
        port = 40000 + (tick * 97) % 20000
        if tick % 6 == 0:
            uvacc.info('%s - "%s %s HTTP/%s" %d', "10.40.0.5:%d" % (port + 1), "GET", "/health", "1.1", 200)
        # New requests.
        n_new = 1 + (tick % 3 == 0) + (tick % 7 == 0)
        new = []
        for k in range(n_new):
            req_id += 8
            prompt = PROMPTS[(tick + k) % len(PROMPTS)]
            rid = "" if (tick + k) % 4 else "chat-%08x" % (0x1c2b3a49 + req_id * 7919)
            sid = "" if (tick + k) % 4 else "sess-%04d" % (tick // 10)
            L(logging.INFO, "server/httpserver/manager.py", 341, f"recieved req X-Request-Id:{rid} X-Session-Id:{sid} "
              f"start_time:{now('%Y-%m-%d %H:%M:%S')} lightllm_req_id:{req_id} ")
            L(logging.INFO, "server/router/manager.py", 215, f"router recive req id {req_id} cost time "
              f"{0.0009 + 0.00017 * ((req_id * 13) % 7)} s")
            L(logging.INFO, "server/detokenization/manager.py", 68, f"detokenization recv req id {req_id} cost time "
              f"{0.0006 + 0.00011 * ((req_id * 7) % 5)} s")
            new.append((req_id, prompt, rid, sid, realworld.CLOCK.t, "/v1/chat/completions" if rid else "/generate"))
        batch_id += 1
        L(logging.DEBUG, "server/router/manager.py", 336,
          f"Prefill Batch: batch_id={batch_id}, time:{realworld.CLOCK.t}s "
          f"req_ids:{[r[0] for r in new]} \n")
        in_flight.extend(new)
        if tick % 5 == 4:
            L(logging.DEBUG, "server/router/manager.py", 238,
              f"dp_i 0 current batch size: {len(in_flight)} \n"
              f"dp_i 0 paused req num: 0 \n"
              f"dp_i 0 frozen token num: {sum(r[1] for r in in_flight)} \n"
              f"dp_i 0 estimated_peak_token_count: {sum(r[1] for r in in_flight) + 1024 * len(in_flight)} \n"
              f"dp_i 0 token used ratio: {sum(r[1] for r in in_flight) / 23420} not contain prompt cache tree "
              "unrefed token\n"
              f"dp_i 0 token used ratio: {(sum(r[1] for r in in_flight) + 3100) / 23420} contain prompt cache tree "
              "unrefed token")
        if tick % 8 == 7:
            secs = 10.0 + (tick % 3) * 0.013
            L(logging.DEBUG, "server/router/stats.py", 38,
              f"Avg tokens(prompt+generate) throughput: {(2400 + tick * 11) / secs:8.3f} tokens/s\n"
              f"Avg prompt tokens throughput:           {(1900 + tick * 7) / secs:8.3f} tokens/s\n"
              f"Avg generate tokens throughput:         {(500 + tick * 4) / secs:8.3f} tokens/s")
        if tick == 30:
            # A client sends max_new_tokens=0.
            def generate():
                def verify():
                    raise ValueError("max_new_tokens must be >= 1")
                verify()
            try:
                generate()
            except ValueError as e:
                L(logging.ERROR, "server/api_http.py", 188, "An error occurred: %s", str(e), exc=True)
            uvacc.info('%s - "%s %s HTTP/%s" %d', "%s:%d" % (CLIENTS[2], port), "POST", "/generate", "1.1", 417)
        if tick in (40, 41):
            L(logging.ERROR, "common/mem_manager.py", 248, f"warn no enough cache need_size {5120 + tick} left_size "
              f"{4032 - tick * 11}")
        if tick == 42:
            # A client gives up on a long stream.
            rid_ = in_flight[0][0]
            L(logging.WARNING, "server/httpserver/manager.py", 593, f"aborted group_request_id {rid_}")
        if tick == 58:
            # One A10G drops off the bus (Xid 79): NVML and the router fail.
            def details():
                def nvml():
                    raised("pynvml", "NVMLError_GpuIsLost", "GPU is lost")
                nvml()
            try:
                details()
            except Exception:
                at(carbon, logging.WARNING, "/usr/local/lib/python3.12/site-packages/codecarbon/core/gpu.py", 137,
                   "get_gpu_details", "Failed to retrieve gpu information", exc=True)

            def decode():
                def forward():
                    raise RuntimeError("CUDA error: unspecified launch failure\nCUDA kernel errors might be "
                                       "asynchronously reported at some other API call, so the stacktrace below might "
                                       "be incorrect.\nFor debugging consider passing CUDA_LAUNCH_BLOCKING=1\nCompile "
                                       "with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n")
                forward()
            try:
                decode()
            except RuntimeError as e:
                # model_rpc.py decode(): logger.exception with str(e), of
                # several lines itself.
                L(logging.ERROR, "server/router/model_infer/model_rpc.py", 215,
                  f"Batch decode encountered an unexpected ERROR: {str(e)}", exc=True)
            L(logging.WARNING, "utils/health_check.py", 102, "Health check timeout! The failure count is: 1")
            uvacc.info('%s - "%s %s HTTP/%s" %d', "10.40.0.5:%d" % (port + 3), "GET", "/health", "1.1", 503)
            glog.critical("WORKER TIMEOUT (pid:%s)", 415)
            glog.error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 415)
            glog.info("Booting worker with pid: %s", 1873)
            uverr.info("Started server process [%d]", 1873)
            uverr.info("Waiting for application startup.")
            L(logging.INFO, "server/api_http.py", 334, "server start up")
            L(logging.INFO, "server/api_http.py", 338, "server start up ok, loop use is <uvloop.Loop running=True "
              "closed=False debug=False>")
            uverr.info("Application startup complete.")
            in_flight = []
            continue
        # Finished requests.
        keep = []
        for r in in_flight:
            rid_, prompt, xr, xs, t0, path = r
            if (rid_ // 8 + tick) % 3 == 0 or len(keep) > 6:
                out = 40 + (rid_ * 37) % 700
                cost = (realworld.CLOCK.t - t0) * 1000 + out * 31.7
                first = 38.1 + prompt / 61
                L(logging.INFO, "server/router/batch.py", 51, f"router release req id {rid_}")
                L(logging.INFO, "server/detokenization/manager.py", 162, f"detoken release req id {rid_}")
                cache = (rid_ * 64) % prompt if (rid_ // 8) % 3 else 0
                L(logging.INFO, "server/httpserver/manager.py", 555,
                  f"X-Request-Id:{xr} X-Session-Id:{xs} start_time:{now('%Y-%m-%d %H:%M:%S')} "
                  f"lightllm_req_id:{rid_} first_token_cost:{first}ms total_cost_time:{cost}ms,"
                  f"out_token_counter:{out} mean_per_token_cost_time: {(cost - first) / out}ms "
                  f"prompt_token_num:{prompt} prompt_cache_len:{cache} prompt_cache_ratio:{cache / prompt} "
                  f"mtp_avg_token_per_step:{out / max(out - 0, 1)} ")
                uvacc.info('%s - "%s %s HTTP/%s" %d', "%s:%d" % (client, port), "POST", path, "1.1", 200)
            else:
                keep.append(r)
        in_flight = keep
        if tick % 15 == 14:
            L(logging.INFO, "server/detokenization/manager.py", 88, f"detokenize batch cost time {51 + tick % 9} ms")

    # The router's model RPC process dies after the lost GPU (tick 58)
    # took a second rank: the node is drained and the task restarted.
    glog.info("Handling signal: %s", "term")
    uverr.info("Shutting down")
    uverr.info("Waiting for application shutdown.")
    L(logging.INFO, "server/api_http.py", 317, "Received signal to shutdown. Performing graceful shutdown...")
    L(logging.INFO, "server/api_http.py", 328, "Graceful shutdown completed.")
    uverr.info("Application shutdown complete.")
    uverr.info("Finished server process [%d]", 1873)
    glog.info("Worker exiting (pid: %s)", 1873)
    glog.info("Shutting down: %s", "Master")
    L(logging.INFO, "server/api_start.py", 33, "Received SIGTERM, shutting down gracefully...")
    L(logging.INFO, "server/api_start.py", 45, "HTTP server has exited gracefully")
    L(logging.INFO, "server/api_start.py", 51, "All processes have been terminated gracefully.")
    measure(0.02)
    C(logging.WARNING, "service_shutdown - Caught signal %d" % 15)
    printed(stream, "")
    printed(stream, "Received signal to stop. Saving emissions data...")
    return {"name": "lightllm-codecarbon", "programs": [ll, gerr, gacc, cc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_slurmweb_slurmmail(), stream_orion_timm(), stream_lightllm_codecarbon()])


if __name__ == "__main__":
    main()
