"""The eleventh held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout10.py`): 18 more programs' own
logging set-ups, chosen for what platform and SRE teams run in AWS outside
the web, data and infrastructure-as-code stacks of the earlier sets (a
CodeBuild job building a Yocto image for a Graviton gateway with kas and
laying it onto a raw disk with bmaptool; a CodeBuild job driving Conan 1
package builds from nox sessions; a Faucet SDN controller and its Gauge
monitor; a network-monitoring host's LibreNMS dispatcher and napalm-logs
taking the devices' syslog; Matrix bots with maubot and the
mautrix-telegram bridge; an Amazon MQ consumer built on pika's
asynchronous consumer example, traced by Instana's Python sensor; Elastic's
connectors service syncing an S3 bucket and eland loading the embedding
model its pipeline uses; a ClearML server's API server and file server; a
Docker host's restic-compose-backup and the restic exporter watching the
same repository), each format copied from the file named beside it (the
version read is given), with the formatter class or the filter the program
uses, and messages from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout11

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at e32e0d3 (heldout10's rules in), before any
rule saw it: 4074 records (174 joined under a burst), 55.7% exact, 73.5%
with the key fields right (asctime 94.2%, levelname 95.8%, name 82.5%,
message 80.9%, exc_info 99.9%).

Where a formatter sets an attribute its format doesn't print, the
attribute would be left off, as a JsonFormatter in its place would not
set it: none of this set's formatters does. mautrix's ColorFormatter (and
maubot's and mautrix-telegram's subclasses of it) colours the level and
the logger's name on a copy of the record: the text carries the ANSI
codes, the record (and so the truth) the plain `levelname` and `name`;
maubot's subclass writes "maubot.instance" for its zip loader's
"maubot.loader.zip" (a slip in maubot/lib/color_log.py, copied as it is).
Attributes a filter sets are kept (bmaptool's setup_logger renames the
levels with logging.addLevelName, process-wide: here a filter on its
handler sets the same `levelname`, "info", and "WARNING"/"ERROR" wrapped
in colour codes), and so are the extras a program passes in the log call
(Elastic connectors' ExtraLogger adds `service.type`, `service.version`
and `labels.index_date` to every record, its DocumentLogger the job's and
the connector's `labels.*`; mautrix's HTTP API logger its
`matrix_http_request`), as python-json-logger writes them.

kas runs BitBake off a terminal through run_cmd_async(liveupdate=True),
which logs each line BitBake writes as a record of its own (stdout at
INFO, stderr at ERROR): BitBake's "NOTE: ..." lines, its blank lines
(an empty message) and its build configuration block are kas messages
here. restic-compose-backup's backup process runs in a container it
spawns, whose log lines (already in the same format) the parent logs
again, one record a line. Conan 1's MultiLineFormatter indents every
continuation line by the width of the record's prefix, its trailing
" [%(asctime)s]" too. Faucet's format has %(name)-6s and a "%b %d" date;
pika's example "%(levelname) -10s ... %(lineno) -5d" (space flags: a
space before the line number); napalm-logs' "%(asctime)s,%(msecs)03.0f"
prints the milliseconds twice, the second time from a float. Instana's
"instana" logger has its own stream handler and propagates to the root
handler pika's example set up with logging.basicConfig: each of its
records is printed twice, once in each format. The LibreNMS dispatcher
runs without -t (no time in its format; the thread's name first); nox's
format has neither a time nor a level, and its SESSION_INFO and SUCCESS
levels are its own. ClearML and Instana print %(process)d: the ids are
pinned. ClearML's file server names its loggers "CLEARML.<module>" (its
config's PREFIXES), the API server "clearml.<module>". CodeBuild's
"[Container]" lines, the shell's "+ ..." lines, Conan's console output,
CMake's and CTest's, the AWS CLI's, os-ken's bare "loading app" lines
(os-ken is the Ryu fork Faucet runs on; faucetsdn/ryu's ryu/log.py
init_log gives the root handler no formatter) and eland's tqdm progress
bar are print lines.

Left out: LiteLLM, FastChat, borgmatic, StackStorm, NeMo, Sopel,
suricata-update, Alignak and kube-janitor (reasons in the earlier sets),
kube-downscaler (kube_downscaler/main.py's "%(asctime)s %(levelname)s:
%(message)s", Patroni's), SuzieQ (suzieq/shared/utils.py init_logger's
"%(asctime)s - %(name)s - %(levelname)s - %(message)s", covered), Triton's
Model Analyzer (its LogFormatter drops %(levelname)s from INFO records:
no one format prints it), gcovr and Robusta (colorlog's ColoredFormatter,
not installed here, whose `log_color` is no record attribute), Elastic
connectors after 8.9 (its ColorFormatter rewrites `_style._fmt` for every
record with the level's colour code), the GNS3 server's console handler
("{asctime} {levelname} {name}:{lineno}#RESET# {message}": the "#RESET#"
marker, never printed, is part of the format string), nagiosplugin (a bare
"%(message)s"), Zuul (zuul/lib/logutil.py's MultiLineFormatter is not in
the copy stored here), and Scapy (its "%(levelname)s: %(message)s" is
covered).
"""

import json
import logging
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, Shown, log_at, printed, raised  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout4 import pid, record_at  # noqa: E402
from copy import copy  # noqa: E402

# kas 5.4 (siemens/kas 5.4, 81bab529), kas/kas.py create_logger (off a
# terminal: logging.Formatter, not colorlog); BitBake's lines through
# kas/libkas.py LogOutput.log_stdout/log_stderr (openembedded/bitbake
# c251833d, lib/bb/ui/knotty.py and lib/bb/runqueue.py for their text).
KAS = "%(asctime)s - %(levelname)-8s - %(message)s"
KAS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# bmaptool 3.9 (yoctoproject/bmaptool v3.9.0-25, fe7ab42b), src/bmaptool/
# CLI.py setup_logger: MyFormatter and its logging.addLevelName renames.
BMAPTOOL = "bmaptool: %(levelname)s: %(message)s"
BMAPTOOL_DATEFMT = "%H:%M:%S"
# nox 2026.08.17 (wntrblm/nox 2026.08.17, a976d7ee), nox/logger.py
# _get_format(colorlog=False, add_timestamp=False) through NoxFormatter
# (off a terminal: no colorlog).
NOX = "%(name)s > %(message)s"
# Conan 1.65.0 (conan-io/conan 1.65.0, 49bf86ed), conans/util/log.py
# configure_logger's MultiLineFormatter (CONAN_LOGGING_LEVEL=10, stderr).
CONAN = "%(levelname)-6s:%(filename)-15s[%(lineno)d]: %(message)s [%(asctime)s]"
# Faucet 1.10.12 (faucetsdn/faucet 1.10.12-87, 8c240e76), faucet/
# valve_util.py get_logger (Faucet's and Gauge's, FAUCET_LOG=STDOUT and
# GAUGE_LOG=STDOUT).
FAUCET = "%(asctime)s %(name)-6s %(levelname)-8s %(message)s"
FAUCET_DATEFMT = "%b %d %H:%M:%S"
# LibreNMS (librenms/librenms 0d69c231), librenms-service.py's
# logging.basicConfig without -t (`librenms-service.py -v`); messages from
# LibreNMS/service.py (004c496f) and LibreNMS/queuemanager.py (00892eef).
LIBRENMS = "%(threadName)s(%(levelname)s):%(message)s"
# napalm-logs 0.11.0 (napalm-automation/napalm-logs 1778d79c),
# napalm_logs/config/__init__.py LOG_FORMAT through napalm_logs/base.py
# NapalmLogs._setup_log's logging.basicConfig (log_file: cli).
NAPALM_LOGS = "%(asctime)s,%(msecs)03.0f [%(name)-17s][%(levelname)-8s] %(message)s"
# maubot 0.6.0 (maubot/maubot v0.6.0-9, 0a20df5), maubot/example-config.yaml
# "colored" formatter (the console handler) with maubot/lib/color_log.py
# ColorFormatter, over mautrix 0.20.8's mautrix/util/logging/color.py.
MAUBOT = "[%(asctime)s] [%(levelname)s@%(name)s] %(message)s"
# mautrix-telegram 0.15.3 (mautrix/telegram v0.15.3, 53bf278f, the last
# Python release), mautrix_telegram/example-config.yaml "colored" with
# mautrix_telegram/util/color_log.py ColorFormatter.
MAUTRIX_TELEGRAM = "[%(asctime)s] [%(levelname)s@%(name)s] %(message)s"
# pika 1.3.2 (pika/pika 1.3.2, d3b5e65b), examples/
# asynchronous_consumer_example.py LOG_FORMAT (logging.basicConfig, the
# root handler; INFO in this deployment).
PIKA = "%(levelname) -10s %(asctime)s %(name) -30s %(funcName) -35s %(lineno) -5d: %(message)s"
# Instana Python sensor 3.17.0 (instana/python-sensor v3.17.0-3, 86853177),
# src/instana/log.py get_standard_logger (INSTANA_DEBUG=true).
INSTANA = "%(asctime)s: %(process)d %(levelname)s %(name)s: %(message)s"
# Elastic connectors 8.9.2.0 (elastic/connectors v8.9.2.0, 59f79490),
# connectors/logger.py _formatter("FMWK") and ExtraLogger.
CONNECTORS = "[FMWK][%(asctime)s][%(levelname)s] %(message)s"
CONNECTORS_DATEFMT = "%H:%M:%S"
# eland 8.9.0 (elastic/eland v8.9.0, c56ecfc), eland/cli/
# eland_import_hub_model.py main's logging.basicConfig.
ELAND = "%(asctime)s %(levelname)s : %(message)s"
# ClearML server 2.0.0 (allegroai/clearml-server v2.0.0-1, 2976ce6),
# apiserver/config/default/logging.conf "standard" and fileserver/config/
# default/logging.conf "default" (the console handlers).
CLEARML = "[%(asctime)s] [%(process)d] [%(levelname)s] [%(name)s] %(message)s"
CLEARML_FILESERVER = "[%(asctime)s] [%(process)d] [%(levelname)s] [%(name)s] %(message)s"
# restic-compose-backup 0.7.1 (ZettaIO/restic-compose-backup 0.7.1-1,
# e6ca4aa), src/restic_compose_backup/log.py setup.
RCB = "%(asctime)s - %(levelname)s: %(message)s"
# restic-exporter 2.1.2 (ngosang/restic-exporter 2.1.2, f355547),
# exporter/exporter.py main's logging.basicConfig (LOG_LEVEL=DEBUG).
RESTIC_EXPORTER = "%(asctime)s %(levelname)-8s %(message)s"
RESTIC_EXPORTER_DATEFMT = "%Y-%m-%d %H:%M:%S"


def error(kind, *args):
    """Raises `kind(*args)`."""
    raise kind(*args)


def now(fmt):
    """The clock's time, as a program prints it into a message."""
    return time.strftime(fmt, time.gmtime(realworld.CLOCK.t))


def container(stream, text):
    """A CodeBuild agent's line, stamped with the clock."""
    t = realworld.CLOCK.t
    printed(stream, "[Container] %s.%06d %s" % (now("%Y/%m/%d %H:%M:%S"), round(t % 1 * 1e6) % 1000000, text))


def both(name, *programs):
    """A logger whose records reach several programs' handlers, in order
    (its own handler, then the root's it propagates to)."""
    log = logging.getLogger(name)
    log.handlers[:] = [p.handler for p in programs]
    log.propagate = False
    log.setLevel(logging.DEBUG)
    log.disabled = False
    return log


class BmaptoolFormatter(logging.Formatter):
    """bmaptool.CLI.setup_logger's MyFormatter, as written there (it swaps
    `self._fmt`, which Python 3's Formatter no longer reads: DEBUG records
    get no prefix either)."""

    esc_green = "\033[92m"
    esc_end = "\033[0m"

    def __init__(self, fmt=None, datefmt=None):
        logging.Formatter.__init__(self, fmt, datefmt)
        self._orig_fmt = self._fmt
        self._dbg_fmt = "[" + self.esc_green + "%(asctime)s" + self.esc_end + "] [%(module)s,%(lineno)d] " + self._fmt

    def format(self, record):
        if record.levelno == logging.DEBUG:
            self._fmt = self._dbg_fmt
        result = logging.Formatter.format(self, record)
        self._fmt = self._orig_fmt
        return result


class BmaptoolLevelNames(logging.Filter):
    """What bmaptool's logging.addLevelName calls make every record's
    `levelname` in its process."""

    NAMES = {logging.ERROR: "\033[91m" + "ERROR" + "\033[0m", logging.WARNING: "\033[93m" + "WARNING" + "\033[0m",
             logging.DEBUG: "debug", logging.INFO: "info"}

    def filter(self, record):
        record.levelname = self.NAMES.get(record.levelno, record.levelname)
        return True


class NoxFormatter(logging.Formatter):
    """nox.logger.NoxFormatter with its _SimpleOutputMixin, as written
    there."""

    _simple_fmt = logging.Formatter("%(message)s")

    def __init__(self, *, add_timestamp=False):
        super().__init__(fmt="%(name)s > [%(asctime)s] %(message)s" if add_timestamp else "%(name)s > %(message)s")

    def format(self, record):
        if record.levelname == "OUTPUT":
            return self._simple_fmt.format(record)
        return super().format(record)


class MultiLineFormatter(logging.Formatter):
    """conans.util.log.MultiLineFormatter, as written there."""

    def format(self, record):
        str_ = logging.Formatter.format(self, record)
        separator = record.message if record.message else None
        if separator is None:
            return separator
        tmp = str_.split(separator)
        if len(tmp) == 2:
            header, _ = tmp
        else:
            header = tmp
        str_ = str_.replace('\n', '\n' + ' ' * len(header))
        return str_


# mautrix.util.logging.color (0.20.8), as written there.
PREFIX = "\033["
RESET = PREFIX + "0m"
MAU_COLOR = PREFIX + "32m"  # green
AIOHTTP_COLOR = PREFIX + "36m"  # cyan
MXID_COLOR = PREFIX + "33m"  # yellow
LEVEL_COLORS = {
    "DEBUG": "37m",  # white
    "INFO": "36m",  # cyan
    "WARNING": "33;1m",  # yellow
    "ERROR": "31;1m",  # red
    "CRITICAL": f"37;1m{PREFIX}41m",  # white on red bg
}
LEVELNAME_OVERRIDE = {name: f"{PREFIX}{color}{name}{RESET}" for name, color in LEVEL_COLORS.items()}


class MautrixColorFormatter(logging.Formatter):
    """mautrix.util.logging.color.ColorFormatter, as written there."""

    def _color_name(self, module: str) -> str:
        as_api = "mau.as.api"
        if module.startswith(as_api):
            return f"{MAU_COLOR}{as_api}{RESET}.{MXID_COLOR}{module[len(as_api) + 1:]}{RESET}"
        elif module.startswith("mau."):
            try:
                next_dot = module.index(".", len("mau."))
                return (
                    f"{MAU_COLOR}{module[:next_dot]}{RESET}"
                    f".{MXID_COLOR}{module[next_dot+1:]}{RESET}"
                )
            except ValueError:
                return MAU_COLOR + module + RESET
        elif module.startswith("aiohttp"):
            return AIOHTTP_COLOR + module + RESET
        return module

    def format(self, record):
        colored_record = copy(record)
        colored_record.name = self._color_name(record.name)
        colored_record.levelname = LEVELNAME_OVERRIDE.get(record.levelname, record.levelname)
        return super().format(colored_record)


INST_COLOR = PREFIX + "35m"  # magenta
LOADER_COLOR = PREFIX + "36m"  # blue


class MaubotColorFormatter(MautrixColorFormatter):
    """maubot.lib.color_log.ColorFormatter, as written there (the loader's
    branch prints `instance`: a slip in maubot)."""

    def _color_name(self, module: str) -> str:
        client = "maubot.client"
        if module.startswith(client):
            return f"{MAU_COLOR}{client}{RESET}.{MXID_COLOR}{module[len(client) + 1:]}{RESET}"
        instance = "maubot.instance"
        if module.startswith(instance):
            return f"{MAU_COLOR}{instance}{RESET}.{INST_COLOR}{module[len(instance) + 1:]}{RESET}"
        loader = "maubot.loader"
        if module.startswith(loader):
            return f"{MAU_COLOR}{instance}{RESET}.{LOADER_COLOR}{module[len(loader) + 1:]}{RESET}"
        if module.startswith("maubot"):
            return f"{MAU_COLOR}{module}{RESET}"
        return super()._color_name(module)


TELETHON_COLOR = PREFIX + "35;1m"  # magenta
TELETHON_MODULE_COLOR = PREFIX + "35m"


class TelegramColorFormatter(MautrixColorFormatter):
    """mautrix_telegram.util.color_log.ColorFormatter, as written there."""

    def _color_name(self, module: str) -> str:
        if module.startswith("telethon"):
            prefix, user_id, module = module.split(".", 2)
            return (
                f"{TELETHON_COLOR}{prefix}{RESET}."
                f"{MXID_COLOR}{user_id}{RESET}."
                f"{TELETHON_MODULE_COLOR}{module}{RESET}"
            )
        return super()._color_name(module)


# --------------------------------------------------------------------------
# A CodeBuild job on a Graviton build fleet: kas builds the gateway image
# (BitBake's output through kas's logger), bmaptool lays the .wic images
# onto raw disks for `aws ec2 import-snapshot`.

BB_CONFIG = ["Build Configuration:", 'BB_VERSION           = "2.8.0"', 'BUILD_SYS            = "aarch64-linux"',
             'NATIVELSBSTRING      = "debian-12"', 'TARGET_SYS           = "aarch64-poky-linux"',
             'MACHINE              = "acme-gw-graviton"', 'DISTRO               = "poky"',
             'DISTRO_VERSION       = "5.0.7"', 'TUNE_FEATURES        = "aarch64 armv8-2a crypto"',
             'TARGET_FPU           = ""',
             "meta                 ", "meta-poky            ",
             'meta-yocto-bsp       = "HEAD:2034fc38eb4e63984d9bd6b260aa1bf95ce562e4"',
             "meta-oe              ", "meta-networking      ",
             'meta-python          = "HEAD:6de0ab744341ad61b0661aa28d78dc6767ce0786"',
             'meta-aws             = "HEAD:2b9c1b0a5d1b4f3e7e8a9c0d1e2f3a4b5c6d7e8f"',
             'meta-acme            = "HEAD:8f3d2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c"', ""]


def bmaptool_error_out(log, msgformat, *args):
    """bmaptool.CLI.error_out's print_error_with_tb, as written there: the
    traceback, cut after the last frame's source line, then the message
    (with error_out's trailing newline)."""
    msgformat = str(msgformat) + "\n"
    if sys.exc_info()[0]:
        lines = traceback.format_exc().splitlines()
    else:
        lines = [line.strip() for line in traceback.format_stack()]
    idx = 0
    last_idx = len(lines) - 1
    while idx < len(lines):
        if lines[idx].startswith('  File "'):
            idx += 2
            last_idx = idx
        else:
            idx += 1
    tback = lines[0:last_idx]
    if tback:
        log_at(log, logging.ERROR, "bmaptool/CLI.py:74", "An error occurred, here is the traceback:\n%s\n",
               "\n".join(tback), func="print_error_with_tb")
    errmsg = msgformat % args if args else str(msgformat)
    log_at(log, logging.ERROR, "bmaptool/CLI.py:80", errmsg, func="print_error_with_tb")


def stream_kas_bmaptool():
    stream = []
    kas = Program("kas", "root", logging.Formatter(KAS, KAS_DATEFMT), stream)
    bm = Program("bmaptool", "bmaptool", BmaptoolFormatter(BMAPTOOL, BMAPTOOL_DATEFMT), stream)
    bm.handler.addFilter(BmaptoolLevelNames())
    src = "/codebuild/output/src2871045563/src/github.com/acme-iot/acme-gw-image"
    build = "/codebuild/output/src2871045563/src/build"
    bitbake = "/codebuild/output/src2871045563/src/poky/bitbake/bin/bitbake"
    machine = "acme-gw-graviton"
    image = "acme-image-edge"

    def out(line):
        log_at(kas.log, logging.INFO, "kas/libkas.py:89", line.strip(), func="log_stdout")

    def err(line):
        log_at(kas.log, logging.ERROR, "kas/libkas.py:97", line.strip(), func="log_stderr")

    def start():
        log_at(kas.log, logging.INFO, "kas/kas.py:207", "%s %s started on %s %s", "kas", "5.4", "Debian GNU/Linux",
               "bookworm", func="kas")
        log_at(kas.log, logging.INFO, "kas/repos.py:323", "Using %s as root for repository %s", src, "acme-gw-image",
               func="factory")

    container(stream, "Running command kas build kas/acme-gw-graviton.yml:kas/ci.yml")
    start()
    repos = [("poky", "2034fc38eb4e63984d9bd6b260aa1bf95ce562e4"),
             ("meta-openembedded", "6de0ab744341ad61b0661aa28d78dc6767ce0786"),
             ("meta-aws", "2b9c1b0a5d1b4f3e7e8a9c0d1e2f3a4b5c6d7e8f")]
    for name, _ in repos:
        log_at(kas.log, logging.INFO, "kas/repos.py:439", "Cloning repository %s", name, func="fetch")
    for name, commit in repos:
        log_at(kas.log, logging.INFO, "kas/repos.py:562", f"Repository {name} checked out to {commit}",
               func="checkout")
    out("Loaded 0 entries from dependency cache.\n")
    out("Parsing of 1012 .bb files complete (0 cached, 1012 parsed). 1875 targets, 94 skipped, 0 masked, 0 errors.\n")
    out("NOTE: Resolving any missing task queue dependencies\n")
    out("\n")
    for line in BB_CONFIG:
        out(line + "\n")
    out("Sstate summary: Wanted 2476 Local 0 Mirrors 2214 Missed 262 Current 0 (89% match, 0% complete)\n")
    out("NOTE: Executing Tasks\n")
    tasks = [("glibc_2.39.bb", "do_populate_sysroot", 211), ("openssl_3.2.3.bb", "do_package_write_rpm", 688),
             ("linux-yocto_6.6.bb", "do_compile_kernelmodules", 1190), ("acme-agent_1.4.2.bb", "do_compile", 3914),
             ("aws-iot-device-client_1.9.bb", "do_compile", 3921)]
    for n, (recipe, task, number) in enumerate(tasks):
        layer = "meta-acme" if recipe.startswith(("acme", "aws")) else "poky/meta"
        out(f"NOTE: Running task {number} of 4521 ({src}/../{layer}/recipes-core/{recipe.split('_')[0]}/{recipe}:"
            f"{task})\n")
        if recipe.startswith("acme"):
            out(f"NOTE: recipe acme-agent-1.4.2-r0: task {task}: Started\n")
    err("ERROR: acme-agent-1.4.2-r0 do_compile: oe_runmake failed\n")
    err(f"ERROR: acme-agent-1.4.2-r0 do_compile: ExecutionError('{build}/tmp/work/armv8-2a-poky-linux/acme-agent/"
        f"1.4.2/temp/run.do_compile.2284113', 1, None, None)\n")
    err(f"ERROR: Logfile of failure stored in: {build}/tmp/work/armv8-2a-poky-linux/acme-agent/1.4.2/temp/"
        "log.do_compile.2284113\n")
    out("NOTE: recipe acme-agent-1.4.2-r0: task do_compile: Failed\n")
    err(f"ERROR: Task ({src}/../meta-acme/recipes-core/acme-agent/acme-agent_1.4.2.bb:do_compile) failed with exit "
        "code '1'\n")
    out("NOTE: Tasks Summary: Attempted 3940 tasks of which 3612 didn't need to be rerun and 1 failed.\n")
    out("\n")
    out("Summary: 1 task failed:\n")
    out(f"  {src}/../meta-acme/recipes-core/acme-agent/acme-agent_1.4.2.bb:do_compile\n")
    out("    log: " + f"{build}/tmp/work/armv8-2a-poky-linux/acme-agent/1.4.2/temp/log.do_compile.2284113\n")
    out("Summary: There were 4 ERROR messages, returning a non-zero exit code.\n")
    stderr = ("ERROR: acme-agent-1.4.2-r0 do_compile: oe_runmake failed\n"
              f"ERROR: acme-agent-1.4.2-r0 do_compile: ExecutionError('{build}/tmp/work/armv8-2a-poky-linux/"
              "acme-agent/1.4.2/temp/run.do_compile.2284113', 1, None, None)\n"
              f"ERROR: Logfile of failure stored in: {build}/tmp/work/armv8-2a-poky-linux/acme-agent/1.4.2/temp/"
              "log.do_compile.2284113\n"
              f"ERROR: Task ({src}/../meta-acme/recipes-core/acme-agent/acme-agent_1.4.2.bb:do_compile) failed "
              "with exit code '1'\n")
    cmdstr = f"{bitbake} -c build {image}"
    log_at(kas.log, logging.ERROR, "kas/libkas.py:129", f'Command "{build}$ {cmdstr}" failed:\n{stderr}'.rstrip('\n'),
           func="_report_cmd_error")
    log_at(kas.log, logging.ERROR, "kas/kas.py:223", "%s", Shown(f'Command "{cmdstr}" failed with error 1'),
           func="kas")
    container(stream, f"Command did not exit successfully kas build kas/acme-gw-graviton.yml:kas/ci.yml exit "
                      "status 2")
    # The retry, on the fix: sstate from the first run.
    container(stream, "Running command kas build kas/acme-gw-graviton.yml:kas/ci.yml")
    start()
    for name, commit in repos:
        log_at(kas.log, logging.INFO, "kas/repos.py:493", "Repository %s updated", name, func="fetch")
        log_at(kas.log, logging.INFO, "kas/repos.py:562", f"Repository {name} checked out to {commit}",
               func="checkout")
    out("Loaded 1875 entries from dependency cache.\n")
    out("NOTE: Resolving any missing task queue dependencies\n")
    out("Sstate summary: Wanted 412 Local 388 Mirrors 0 Missed 24 Current 2064 (94% match, 99% complete)\n")
    out("NOTE: Executing Tasks\n")
    for n, task in enumerate(["do_compile", "do_install", "do_package", "do_package_qa"]):
        out(f"NOTE: Running task {4497 + n} of 4521 ({src}/../meta-acme/recipes-core/acme-agent/acme-agent_1.4.2.bb:"
            f"{task})\n")
    out("WARNING: acme-agent-1.4.2-r0 do_package_qa: QA Issue: File /usr/bin/acme-agent in package acme-agent doesn't "
        "have GNU_HASH (didn't pass LDFLAGS?) [ldflags]\n")
    out(f"NOTE: Running task 4520 of 4521 ({src}/../meta-acme/recipes-core/images/{image}.bb:do_image_wic)\n")
    out("NOTE: Tasks Summary: Attempted 4521 tasks of which 4497 didn't need to be rerun and all succeeded.\n")
    out("\n")
    out("Summary: There was 1 WARNING message.\n")
    # bmaptool: the images onto raw disks for import-snapshot.
    deploy = f"{build}/tmp/deploy/images/{machine}"
    container(stream, "Running command ./ci/make-disks.sh")
    variants = [("", 1048576, 214907, "839.5 MiB", 20.5, "41.3s", "20.3 MiB"),
                ("-fips", 1048576, 221344, "864.6 MiB", 21.1, "43.0s", "20.1 MiB"),
                ("-dev", 2097152, 388190, "1.5 GiB", 18.5, "1m 14.2s", "20.5 MiB"),
                ("-secureboot", 1048576, 216012, "843.8 MiB", 20.6, "41.9s", "20.1 MiB"),
                ("-factory", 1048576, 301877, "1.2 GiB", 28.8, "58.7s", "20.1 MiB")]
    for suffix, blocks, mapped, mapped_human, pct, took, speed in variants:
        name = f"{image}{suffix}-{machine}.rootfs.wic.zst"
        dest = f"disk{suffix or '-prod'}.raw"
        printed(stream, f"+ bmaptool copy {deploy}/{name} {dest}")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:460", "discovered bmap file '%s'" % (
            f"{deploy}/{image}{suffix}-{machine}.rootfs.wic.bmap"), func="open_files")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:657", "block map format version %s" % "2.0",
               func="copy_command")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:658", "%d blocks of size %d (%s), mapped %d blocks (%s or %.1f%%)"
               % (blocks, 4096, "4.0 GiB" if blocks == 1048576 else "8.0 GiB", mapped, mapped_human, pct),
               func="copy_command")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:677", "copying image '%s' to %s using bmap file '%s'" % (
            name, "file '%s'" % dest, f"{image}{suffix}-{machine}.rootfs.wic.bmap"), func="copy_command")
        if suffix == "-fips":
            # The zst was cut short by the artifact cache restore.
            def copy():
                raised("bmaptool.BmapCopy", "Error", "checksum mismatch for blocks range 53248-54271: calculated "
                       "3e1c7a4d9b0f2e6a8c5d1b7f3a9e0c4d6b2f8a1e5c7d9b3f0a2e4c6d8b1f3a5e, should be "
                       "9b0f2e6a8c5d1b7f3a9e0c4d6b2f8a1e5c7d9b3f0a2e4c6d8b1f3a5e3e1c7a4d (image file "
                       f"{deploy}/{name})")
            try:
                copy()
            except Exception as e:
                bmaptool_error_out(bm.log, e)
            printed(stream, f"make-disks: {dest} failed, retrying from the S3 artifact")
            printed(stream, f"+ aws s3 cp s3://acme-gw-artifacts/{machine}/2024.05.11/{name} {deploy}/{name}")
            printed(stream, f"download: s3://acme-gw-artifacts/{machine}/2024.05.11/{name} to {deploy}/{name}")
            printed(stream, f"+ bmaptool copy {deploy}/{name} {dest}")
            log_at(bm.log, logging.INFO, "bmaptool/CLI.py:460", "discovered bmap file '%s'" % (
                f"{deploy}/{image}{suffix}-{machine}.rootfs.wic.bmap"), func="open_files")
            log_at(bm.log, logging.INFO, "bmaptool/CLI.py:657", "block map format version %s" % "2.0",
                   func="copy_command")
            log_at(bm.log, logging.INFO, "bmaptool/CLI.py:658", "%d blocks of size %d (%s), mapped %d blocks (%s or "
                   "%.1f%%)" % (blocks, 4096, "4.0 GiB", mapped, mapped_human, pct), func="copy_command")
            log_at(bm.log, logging.INFO, "bmaptool/CLI.py:677", "copying image '%s' to %s using bmap file '%s'" % (
                name, "file '%s'" % dest, f"{image}{suffix}-{machine}.rootfs.wic.bmap"), func="copy_command")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:692", "synchronizing '%s'" % dest, func="copy_command")
        log_at(bm.log, logging.INFO, "bmaptool/CLI.py:702", "copying time: %s, copying speed %s/sec" % (took, speed),
               func="copy_command")
    # The recovery image has no .bmap (no sparse file: --nobmap).
    name = f"{image}-recovery-{machine}.rootfs.ext4"
    printed(stream, f"+ bmaptool copy --nobmap {deploy}/{name} /dev/nvme1n1")
    log_at(bm.log, logging.WARNING, "bmaptool/CLI.py:577", '"%s" is under "/dev", but it is a regular file, '
           "not a device node" % "/dev/nvme1n1", func="open_files")
    log_at(bm.log, logging.INFO, "bmaptool/CLI.py:651", "no bmap given, copy entire image to '%s'" % "/dev/nvme1n1",
           func="copy_command")
    log_at(bm.log, logging.INFO, "bmaptool/CLI.py:692", "synchronizing '%s'" % "/dev/nvme1n1", func="copy_command")
    log_at(bm.log, logging.INFO, "bmaptool/CLI.py:702", "copying time: %s, copying speed %s/sec" % (
        "22.8s", "44.9 MiB"), func="copy_command")
    for n, (suffix, *_) in enumerate(variants):
        printed(stream, f"+ aws ec2 import-snapshot --description {image}{suffix}-2024.05.11 --disk-container "
                f"Format=RAW,UserBucket={{S3Bucket=acme-gw-artifacts,S3Key=disks/disk{suffix or '-prod'}.raw}}")
        printed(stream, json.dumps({"Description": f"{image}{suffix}-2024.05.11", "ImportTaskId":
                                    "import-snap-0%x" % (0x1a2b3c4d5e6f7a8b + n), "SnapshotTaskDetail": {
                                        "DiskImageSize": 0.0, "Format": "RAW", "Progress": "3", "Status": "active",
                                        "StatusMessage": "pending"}}, indent=4))
    return {"name": "kas-bmaptool", "programs": [kas, bm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A CodeBuild job for a C++ library: nox sessions run Conan 1 (its debug
# logger on stderr, its console output printed).

def stream_nox_conan():
    stream = []
    logging.addLevelName(29, "SESSION_INFO")
    logging.addLevelName(25, "SUCCESS")
    logging.addLevelName(9, "OUTPUT")
    SESSION_INFO, SUCCESS = 29, 25
    nx = Program("nox", "nox", NoxFormatter(), stream)
    cn = Program("conan", "conans", MultiLineFormatter(CONAN), stream)
    src = "/codebuild/output/src417309218/src/github.com/acme-platform/acme-telemetry"
    conan_home = "/root/.conan"
    remote = "https://acme.jfrog.io/artifactory/api/conan/conan-local"
    ref = "acme-telemetry/2.3.0@acme/stable"

    def run(cmd):
        log_at(nx.log, logging.INFO, "nox/command.py:168", cmd, func="run")

    def session(name):
        log_at(nx.log, SESSION_INFO, "nox/sessions.py:1169", f"Running session {name}", func="execute")

    def venv(name):
        log_at(nx.log, logging.INFO, "nox/virtualenv.py:1003", f"Creating virtual environment (virtualenv) using "
               f"python3.12 in .nox/{name}", func="create")

    def c(where, msg, *args, level=logging.DEBUG, func=None):
        log_at(cn.log, level, where, msg, *args, func=func)

    def init():
        c("conans/client/conan_api.py:176", "INIT: Using config '%s'" % f"{conan_home}/conan.conf", func="__init__")

    container(stream, "Running command nox --non-interactive --error-on-missing-interpreters")
    session("lint")
    venv("lint")
    run("python -m pip install clang-format==18.1.5 cmakelang==0.6.13")
    run("clang-format --dry-run --Werror -i src/exporter.cpp src/batcher.cpp include/acme/telemetry.hpp")
    run("cmake-format --check CMakeLists.txt cmake/AcmeTelemetryConfig.cmake")
    log_at(nx.log, SUCCESS, "nox/sessions.py:1329", "Session lint was successful in 41 seconds.", func="log")
    durations = []
    for profile, minutes, flaky in (("linux-gcc12-armv8", 4, False), ("linux-clang17-x86_64", 6, True)):
        name = f"build(profile='{profile}')"
        session(name)
        venv(f"build-profile-{profile}")
        run("python -m pip install conan==1.65.0 cmake==3.29.3 ninja==1.11.1.1")
        run("conan config install https://github.com/acme-platform/conan-config.git")
        init()
        printed(stream, "Trying to clone repo: https://github.com/acme-platform/conan-config.git")
        printed(stream, "Repo cloned!")
        for f in (f"profiles/{profile}", "remotes.txt", "settings.yml"):
            printed(stream, f"Copying file {f.split('/')[-1]} to {conan_home}/{f.rsplit('/', 1)[0] if '/' in f else ''}"
                    .rstrip("/"))
        run(f"conan create . acme/stable --profile:host profiles/{profile} --profile:build default --build missing")
        init()
        c("conans/client/profile_loader.py:121", "PROFILE LOAD: %s" % f"{src}/profiles/{profile}",
          func="read_profile")
        c("conans/client/profile_loader.py:121", "PROFILE LOAD: %s" % f"{conan_home}/profiles/default",
          func="read_profile")
        c("conans/client/cmd/export.py:114", "EXPORT: %s" % f"{src}/conanfile.py", func="cmd_export")
        printed(stream, "Exporting package recipe")
        printed(stream, f"{ref} exports_sources: Copied 14 '.cpp' files")
        printed(stream, f"{ref}: A new conanfile.py version was exported")
        printed(stream, f"{ref}: Folder: {conan_home}/data/acme-telemetry/2.3.0/acme/stable/export")
        printed(stream, f"{ref}: Exported revision: 5d1e0f7c2b9a84e3f6c1d0a9b8e7f6c5")
        c("conans/client/rest/rest_client_common.py:160", "REST: ping: %s" % f"{remote}/v1/ping",
          func="server_capabilities")
        c("conans/client/rest/rest_client.py:58", "REST: Cached capabilities for the remote: %s" % [
            "complex_search", "checksum_deploy", "revisions", "matrix_params"], func="_get_api")
        for dep in ("zlib/1.3.1", "protobuf/3.21.12", "abseil/20230802.1", "openssl/3.2.1"):
            c("conans/client/rest/rest_client_common.py:188", "REST: get: %s" % f"{remote}/v2/conans/{dep}/_/_/"
              "revisions/latest", func="get_json")
            c("conans/client/graph/graph_builder.py:490", "GRAPH: new_node: %s" % dep, func="_create_new_node")
        c("conans/client/graph/graph_builder.py:69", "GRAPH: Time to load deps %s" % (1.9328 + minutes / 10),
          func="load_graph")
        for line in [f"Configuration (profile_host):", "[settings]", "arch=armv8" if "armv8" in profile else
                     "arch=x86_64", "build_type=Release", "compiler=gcc" if "gcc" in profile else "compiler=clang",
                     "compiler.libcxx=libstdc++11", "compiler.version=12" if "gcc" in profile else
                     "compiler.version=17", "os=Linux", "[options]", "[build_requires]", "[env]", ""]:
            printed(stream, line)
        printed(stream, "Installing (downloading, building) binaries...")
        for dep, pkg in (("zlib/1.3.1", "dfbe50feef7f3c6223a476cd5aeadb687084a646"),
                         ("openssl/3.2.1", "b0b47aa5dcd61a8b1e5a1c4f63f4a1e29c55d6c3")):
            url = f"{remote}/v2/conans/{dep}/_/_/revisions/0/packages/{pkg}/revisions/0/files/conan_package.tgz"
            printed(stream, f"{dep}: Retrieving package {pkg} from remote 'acme-artifactory' ")
            c("conans/client/downloaders/file_downloader.py:130", "DOWNLOAD: %s" % url, func="_download_file")
            if flaky and dep.startswith("openssl"):
                def download():
                    raised("requests.exceptions", "ConnectionError", "('Connection aborted.', "
                           "ConnectionResetError(104, 'Connection reset by peer'))")
                try:
                    download()
                except Exception as e:
                    c("conans/client/downloaders/file_downloader.py:159", e.__class__, func="_download_file")
                    c("conans/client/downloaders/file_downloader.py:160", traceback.format_exc(),
                      func="_download_file")
                printed(stream, f"ERROR: Download failed, check server, possibly try again")
                printed(stream, "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
                printed(stream, "Waiting 5 seconds to retry...")
                c("conans/client/downloaders/file_downloader.py:130", "DOWNLOAD: %s" % url, func="_download_file")
            printed(stream, "Downloading conan_package.tgz")
            printed(stream, f"{dep}: Package installed {pkg}")
        package_id = ("2a51c27b1d6b38e9e7e5c61d2c3f9f2e4b7a1c3d" if "gcc" in profile else
                      "77c08e2a4f1b9d3c6e5a8b0f2d4c6e8a1b3d5f7c")
        build_folder = f"{conan_home}/data/acme-telemetry/2.3.0/acme/stable/build/{package_id}"
        printed(stream, f"{ref}: Building your package in {build_folder}")
        c("conans/client/installer.py:128", "BUILD: Copied to %s", build_folder, func="_prepare_sources")
        c("conans/client/installer.py:129", "BUILD: Files copied %s", "CMakeLists.txt,cmake,conanfile.py,include,src,"
          "test_package", func="_prepare_sources")
        c("conans/client/installer.py:133", "GENERATORS: Writing generators", level=logging.INFO, func="_build")
        printed(stream, f"{ref}: Generator cmake_find_package created FindZLIB.cmake")
        printed(stream, f"{ref}: Aggregating env generators")
        c("conans/client/conanfile/build.py:11", "Call conanfile.build() with files in build folder: %s",
          build_folder, func="run_build_method")
        printed(stream, f"{ref}: Calling build()")
        printed(stream, f"-- The CXX compiler identification is {'GNU 12.3.0' if 'gcc' in profile else 'Clang 17.0.6'}")
        printed(stream, "-- Configuring done (1.8s)")
        printed(stream, f"[41/41] Linking CXX static library libacme-telemetry.a")
        c("conans/client/conanfile/package.py:73", "PACKAGE: Creating config files to %s" % (
            f"{conan_home}/data/acme-telemetry/2.3.0/acme/stable/package/{package_id}"), func="run_package_method")
        c("conans/model/env_info.py:266", "DISCARDED variable %s=%s from %s" % (
            "PATH", "/root/.conan/data/protobuf/3.21.12/_/_/package/9a4e8f/bin", "protobuf"), level=logging.WARNING,
          func="update")
        printed(stream, f"{ref}: Package '{build_folder[-40:]}' created")
        printed(stream, f"{ref}: Created package revision 8c3f1a9d2e7b6c5a4f3e2d1c0b9a8f7e")
        durations.append((name, minutes))
        log_at(nx.log, SUCCESS, "nox/sessions.py:1329", f"Session {name} was successful in {minutes} minutes.",
               func="log")
    session("docs-3.13")
    log_at(nx.log, logging.WARNING, "nox/sessions.py:1203", "Missing interpreters will error by default on CI systems.",
           func="execute")
    log_at(nx.log, logging.WARNING, "nox/sessions.py:1329", "Session docs-3.13 skipped: Python interpreter 3.13 not "
           "found.", func="log")
    name = "test(profile='linux-gcc12-armv8')"
    session(name)
    log_at(nx.log, logging.DEBUG, "nox/virtualenv.py:967", "Reusing existing virtual environment at "
           ".nox/build-profile-linux-gcc12-armv8.", func="create")
    run("conan install . acme/stable --profile:host profiles/linux-gcc12-armv8 --install-folder build/test")
    init()
    c("conans/client/profile_loader.py:121", "PROFILE LOAD: %s" % f"{src}/profiles/linux-gcc12-armv8",
      func="read_profile")
    c("conans/client/graph/graph_builder.py:69", "GRAPH: Time to load deps %s" % 0.4182, func="load_graph")
    c("conans/client/installer.py:133", "GENERATORS: Writing generators", level=logging.INFO, func="_build")
    run("cmake -S . -B build/test -G Ninja -DCMAKE_TOOLCHAIN_FILE=build/test/conan_toolchain.cmake "
        "-DACME_TELEMETRY_TESTS=ON")
    printed(stream, "-- Build files have been written to: " + f"{src}/build/test")
    run("cmake --build build/test")
    log_at(nx.log, logging.WARNING, "nox/command.py:183", "Warning: cmake is not installed into the virtualenv, it is "
           "located at /usr/local/bin/cmake. This might cause issues! Pass external=True into run() to silence this "
           "message.", func="run")
    run("ctest --test-dir build/test --output-on-failure -j 4")
    for n, (test, took) in enumerate((("exporter_test", 0.41), ("batcher_test", 1.22), ("retry_test", 3.05),
                                      ("otlp_encoding_test", 0.18))):
        printed(stream, f"{n + 1}/4 Test #{n + 1}: {test} {'.' * (26 - len(test))}   Passed    {took:.2f} sec")
    printed(stream, "100% tests passed, 0 tests failed out of 4")
    log_at(nx.log, SUCCESS, "nox/sessions.py:1329", f"Session {name} was successful in 2 minutes.", func="log")
    durations.append((name, 2))
    session("upload")
    venv("upload")
    run("python -m pip install conan==1.65.0")
    log_at(nx.log, logging.WARNING, "nox/command.py:183", "Warning: aws is not installed into the virtualenv, it is "
           "located at /usr/local/bin/aws. This might cause issues! Pass external=True into run() to silence this "
           "message.", func="run")
    run("aws codeartifact get-authorization-token --domain acme --query authorizationToken --output text")
    run("conan upload 'acme-telemetry/*' --all --confirm -r acme-artifactory")
    init()
    c("conans/client/rest/rest_client_common.py:152", "REST: Check credentials: %s" % f"{remote}/v1/users/"
      "check_credentials", func="check_credentials")
    c("conans/client/rest/rest_client_common.py:34", "REST ERROR: %s" % str(401), func="get_exception_from_error")
    c("conans/client/rest/auth_manager.py:63", "Token expired or not valid, cleaning the saved token and retrying",
      level=logging.INFO, func="call_rest_api_method")
    c("conans/client/rest/rest_client_common.py:94", "REST: Authenticate to get access_token: %s" % (
        f"{remote}/v1/users/authenticate"), func="authenticate")
    printed(stream, f"Uploading to remote 'acme-artifactory':")
    printed(stream, f"Uploading {ref} to remote 'acme-artifactory'")
    c("conans/client/cmd/uploader.py:346", "UPLOAD: Time remote_manager build_files_set : %f" % 0.004121,
      func="_upload_recipe")
    for f in ("conanmanifest.txt", "conanfile.py", "conan_export.tgz", "conan_sources.tgz"):
        printed(stream, f"Uploading {f}")
    c("conans/client/rest/rest_client_v2.py:219", "\nUPLOAD: All uploaded! Total time: %s\n" % str(3.4118),
      func="_upload_files")
    c("conans/client/cmd/uploader.py:498", "UPLOAD: Time manager upload: %f" % 3.512808, func="_upload_recipe")
    printed(stream, f"Uploaded conan recipe '{ref}' to 'acme-artifactory': "
            "https://acme.jfrog.io/artifactory/api/conan/conan-local")
    printed(stream, "Uploading package 1/2: 2a51c27b1d6b38e9e7e5c61d2c3f9f2e4b7a1c3d to 'acme-artifactory'")
    c("conans/client/rest/rest_client_common.py:30", "REST ERROR: %s" % Shown(
        "<class 'conans.errors.ForbiddenException'>"), func="get_exception_from_error")
    printed(stream, f"ERROR: {ref}:2a51c27b1d6b38e9e7e5c61d2c3f9f2e4b7a1c3d: Upload package to 'acme-artifactory' "
            "failed: Permission denied for user: 'ci-codebuild'. [Remote: acme-artifactory]")
    printed(stream, "ERROR: Errors uploading some packages")
    log_at(nx.log, logging.ERROR, "nox/command.py:204", "Command conan upload 'acme-telemetry/*' --all --confirm -r "
           "acme-artifactory failed with exit code 1", func="run")
    log_at(nx.log, logging.ERROR, "nox/sessions.py:1329", "Session upload failed.", func="log")
    log_at(nx.log, SESSION_INFO, "nox/tasks.py:488", "Ran 6 sessions in 13 minutes:", func="print_summary")
    log_at(nx.log, SUCCESS, "nox/sessions.py:1329", "* lint: success, took 41 seconds", func="log")
    for name, minutes in durations:
        log_at(nx.log, SUCCESS, "nox/sessions.py:1329", f"* {name}: success, took {minutes} minutes", func="log")
        if name.endswith("x86_64')"):
            log_at(nx.log, logging.WARNING, "nox/sessions.py:1329", "* docs-3.13: skipped (Python interpreter 3.13 "
                   "not found)", func="log")
    log_at(nx.log, logging.ERROR, "nox/sessions.py:1329", "* upload: failed, took 17 seconds", func="log")
    container(stream, "Command did not exit successfully nox --non-interactive --error-on-missing-interpreters exit "
                      "status 1")
    return {"name": "nox-conan", "programs": [nx, cn], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An SDN controller on EC2 for a campus fabric: Faucet and Gauge, each on
# os-ken (Ryu's fork), both logging to stdout.

def stream_faucet_gauge():
    stream = []
    fc = Program("faucet", "faucet", logging.Formatter(FAUCET, FAUCET_DATEFMT), stream)
    valve = fc.logger("faucet.valve")
    config = fc.logger("faucet.config")
    fc_exc = fc.logger("faucet.exception")
    ga = Program("gauge", "gauge", logging.Formatter(FAUCET, FAUCET_DATEFMT), stream)
    port_state = ga.logger("gauge.port_state")
    port_stats = ga.logger("gauge.port_stats")
    flow_table = ga.logger("gauge.flow_table")
    dps = [(1, "core-sw1"), (2, "core-sw2"), (3, "edge-sw7")]

    def dpid(dp_id):
        return "DPID %u (0x%x)" % (dp_id, dp_id)

    def v(dp, msg, level=logging.INFO, where="faucet/valve.py:91", func="info"):
        log_at(valve, level, where, " ".join((dpid(dp[0]), dp[1], msg)), func=func)

    def os_ken(app, cls):
        for line in (f"loading app {app}", "loading app os_ken.controller.ofp_handler", "creating context dpset",
                     f"instantiating app {app} of {cls}", "instantiating app os_ken.controller.ofp_handler of "
                     "OFPHandler", "instantiating app None of DPSet"):
            printed(stream, line)

    def faucet_start():
        os_ken("faucet.faucet", "Faucet")
        log_at(fc.log, logging.INFO, "faucet/valve_ryuapp.py:146", "version %s", "1.10.12", func="start")
        log_at(fc.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
        log_at(fc.log, logging.INFO, "faucet/valves_manager.py:348", "configuration %s changed, analyzing "
               "differences", "/etc/faucet/faucet.yaml", func="request_reload_configs")
        for inc in ("/etc/faucet/acls.yaml", "/etc/faucet/vlans.yaml"):
            log_at(config, logging.INFO, "faucet/config_parser_util.py:156", "including file: %s", inc,
                   func="_dp_include")
        for dp in dps:
            log_at(fc.log, logging.INFO, "faucet/valves_manager.py:312", "Add new datapath %s", dpid(dp[0]),
                   func="_apply_configs")

    def gauge_start():
        os_ken("faucet.gauge", "Gauge")
        log_at(ga.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
        log_at(ga.log, logging.INFO, "faucet/gauge.py:117", "watching FAUCET config %s", "/etc/faucet/faucet.yaml",
               func="_load_config")
        log_at(ga.log, logging.INFO, "faucet/gauge.py:118", "config complete", func="_load_config")

    def connect(dp, ports):
        v(dp, "Cold start configuring DP", where="faucet/valve.py:91")
        v(dp, "\n".join([
            "table ID 0 table config dec_ttl: None exact_match: None match_types: (('eth_type', False), "
            "('in_port', False), ('vlan_vid', False)) name: vlan next_tables: ('eth_src',) table_id: 0 "
            "vlan_port_scale: 3",
            "table ID 1 table config match_types: (('eth_src', False), ('eth_type', False), ('in_port', False), "
            "('vlan_vid', False)) miss_goto: eth_dst name: eth_src next_tables: ('eth_dst', 'flood') table_id: 1",
            "table ID 2 table config exact_match: True match_types: (('eth_dst', False), ('vlan_vid', False)) "
            "miss_goto: flood name: eth_dst table_id: 2 vlan_port_scale: 4.1",
            "table ID 3 table config match_types: (('eth_dst', True), ('in_port', False), ('vlan_vid', False)) "
            "name: flood table_id: 3 vlan_scale: 8"]))
        for number, descr in ports:
            v(dp, "Port %u (%s) %s" % (number, descr, "configured"))
        log_at(ga.log, logging.INFO, "faucet/gauge.py:167", "%s up", dpid(dp[0]), func="_datapath_connect")
        for poller in (port_stats, flow_table):
            log_at(poller, logging.INFO, "faucet/gauge_pollers.py:58", "starting", func="start")

    faucet_start()
    gauge_start()
    ports = {1: [(1, "uplink-tgw-a"), (2, "uplink-tgw-b"), (48, "core-sw2")],
             2: [(1, "uplink-tgw-b"), (48, "core-sw1")],
             3: [(3, "ap-lobby"), (5, "printer-3f"), (7, "lag-core"), (8, "lag-core")]}
    for dp in dps:
        connect(dp, ports[dp[0]])
    hosts = [("0e:1f:2a:3b:4c:5d", "10.20.5.17", 5, 3), ("0e:1f:2a:3b:4c:6e", "10.20.5.23", 3, 4),
             ("5c:a6:e6:01:8f:22", "10.20.7.40", 3, 5), ("0e:1f:2a:3b:4c:7f", "10.20.5.31", 5, 6)]
    for mac, ip, port, count in hosts:
        v(dps[2], "L2 learned on Port %u %s (%u hosts total)" % (port, "%s (L2 type 0x%4.4x, L2 dst %s, L3 src %s, "
          "L3 dst %s) %s %s" % (mac, 0x0800, "0e:00:00:00:00:01", ip, "10.20.5.1", "Port %u" % port, "VLAN 100"),
                                                                     count))
    for n in range(3):
        log_at(port_state, logging.INFO, "faucet/watcher.py:97", "%s %s" % (dpid(3), "port %s %s" % (
            5, "down" if n % 2 == 0 else "up")), func="_update")
        v(dps[2], "status change: %s" % ("%s up status %s reason %s state %s" % (
            "Port 5", n % 2 == 1, "MODIFY", 0 if n % 2 else 1)), where="faucet/valve.py:91")
        v(dps[2], "Port %u (%s) %s" % (5, "printer-3f", "up" if n % 2 else "down"))
    log_at(flow_table, logging.INFO, "faucet/gauge_pollers.py:88", "%s no response to %s", dpid(2), Shown(
        "OFPFlowStatsRequest(cookie=0,cookie_mask=0,flags=0,match=OFPMatch(oxm_fields={}),out_group=4294967295,"
        "out_port=4294967295,table_id=255,type=1)"), func="no_response")
    log_at(port_stats, logging.INFO, "faucet/gauge_pollers.py:88", "%s no response to %s", dpid(2), Shown(
        "OFPPortStatsRequest(flags=0,port_no=4294967295,type=4)"), func="no_response")
    # core-sw2 reboots.
    v(dps[1], "datapath down", level=logging.WARNING, func="warning")
    for number, descr in ports[2]:
        v(dps[1], "Port %u (%s) %s" % (number, descr, "down"))
    log_at(ga.log, logging.INFO, "faucet/gauge.py:191", "%s down", dpid(2), func="_datapath_disconnect")
    for poller in (port_stats, flow_table):
        log_at(poller, logging.INFO, "faucet/gauge_pollers.py:62", "stopping", func="stop")
    v(dps[0], "Port 48 (core-sw2) down")
    connect(dps[1], ports[2])
    # A bad edit is rejected, the next is applied warm.
    log_at(fc.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
    log_at(fc.log, logging.INFO, "faucet/valves_manager.py:348", "configuration %s changed, analyzing differences",
           "/etc/faucet/faucet.yaml", func="request_reload_configs")
    log_at(config, logging.ERROR, "faucet/config_parser_util.py:74", "Error in file %s (%s)", "/etc/faucet/acls.yaml",
           Shown("while parsing a block mapping\n  in \"/etc/faucet/acls.yaml\", line 41, column 5\nexpected "
                 "<block end>, but found '-'\n  in \"/etc/faucet/acls.yaml\", line 47, column 5"), func="read_config")
    log_at(fc.log, logging.ERROR, "faucet/valves_manager.py:270", "New config bad (%s) - rejecting", Shown(
        "Config file acls.yaml is empty or invalid"), func="parse_configs")
    log_at(fc.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
    log_at(fc.log, logging.INFO, "faucet/valves_manager.py:348", "configuration %s changed, analyzing differences",
           "/etc/faucet/faucet.yaml", func="request_reload_configs")
    for dp in dps:
        log_at(fc.log, logging.INFO, "faucet/valves_manager.py:306", "Reconfiguring existing datapath %s",
               dpid(dp[0]), func="_apply_configs")
    v(dps[2], "%s starting" % "warm")
    log_at(ga.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
    for dp in dps:
        for poller in (port_stats, flow_table):
            log_at(poller, logging.INFO, "faucet/gauge_pollers.py:62", "stopping", func="stop")
        for poller in (port_stats, flow_table):
            log_at(poller, logging.INFO, "faucet/gauge_pollers.py:58", "starting", func="start")
    log_at(ga.log, logging.INFO, "faucet/gauge.py:117", "watching FAUCET config %s", "/etc/faucet/faucet.yaml",
           func="_load_config")
    log_at(ga.log, logging.INFO, "faucet/gauge.py:118", "config complete", func="_load_config")
    log_at(fc.log, logging.INFO, "faucet/valve_ryuapp.py:156", "Reloading configuration", func="reload_config")
    log_at(fc.log, logging.INFO, "faucet/valves_manager.py:360", "configuration is unchanged, not reloading",
           func="request_reload_configs")
    v(dps[2], "expired src_rule for host %s" % "5c:a6:e6:01:8f:22")

    # A port event for a port the warm reload just removed kills Faucet.
    def port_status():
        ports_by_no = {3: "ap-lobby", 5: "printer-3f"}
        return ports_by_no[9]

    try:
        port_status()
    except KeyError:
        log_at(fc_exc, logging.ERROR, "faucet/valve_util.py:37", "Unhandled exception, killing RYU", exc_info=True,
               func="__koe")
    log_at(port_state, logging.INFO, "faucet/watcher.py:97", "%s %s" % (dpid(3), "port 9 deleted"), func="_update")
    for n, port in enumerate((7, 8, 7, 8)):
        log_at(port_state, logging.INFO, "faucet/watcher.py:97", "%s %s" % (dpid(3), "port %s %s" % (
            port, "down" if n < 2 else "up")), func="_update")
    faucet_start()
    for dp in dps:
        v(dp, "Cold start configuring DP")
    return {"name": "faucet-gauge", "programs": [fc, ga], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A network-monitoring host: the LibreNMS dispatcher service polling the
# devices, napalm-logs turning their syslog into OpenConfig objects.

def stream_librenms_napalm_logs():
    stream = []
    ln = Program("librenms", "root", logging.Formatter(LIBRENMS), stream)
    queue = ln.logger("LibreNMS.queuemanager")
    nl = Program("napalm-logs", "napalm_logs.base", logging.Formatter(NAPALM_LOGS), stream)
    server = nl.logger("napalm_logs.server")
    device = nl.logger("napalm_logs.device")
    publisher = nl.logger("napalm_logs.publisher")
    listener = nl.logger("napalm_logs.listener.udp")
    node = "librenms-dispatcher-1"
    unique = node + "-9f4c2a1e-0f1e-11ef-8a7b-0a1b2c3d4e5f"
    qm = "LibreNMS/queuemanager.py"
    sv = "LibreNMS/service.py"

    def main(msg, *args, level=logging.INFO, where=f"{sv}:229", func="start"):
        in_thread(node, lambda: log_at(ln.log, level, where, msg, *args, func=func))

    def worker(thread, msg, level=logging.INFO, where=f"{qm}:60", func="_service_worker"):
        in_thread(thread, lambda: log_at(queue, level, where, msg, func=func))

    # The service starts (MainThread until Service renames it).
    log_at(ln.log, logging.INFO, "librenms-service.py:79", "Configuring LibreNMS service", func="<module>")
    log_at(ln.log, logging.INFO, f"{sv}:149", "Attempting to load .env from '%s'", "/opt/librenms/.env",
           func="_get_config_data")
    main("Attaching signal handlers on thread %s", node, where=f"{sv}:216", func="attach_signals")
    main("Watchdog is disabled.", where=f"{sv}:213", func="__init__")
    main("LibreNMS Service: {} started!".format(unique), where=f"{sv}:247")
    main("Poller group {}. Using Python {} and {} locks and queues".format("0 (default)", "3.11.2", "redis"),
         where=f"{sv}:248")
    main("Maintenance tasks will be run every {}".format("1 day, 0:00:00"), where=f"{sv}:252")
    main("{} is now the master dispatcher".format(node), where=f"{sv}:263")
    # napalm-logs starts beside it.
    nb = "napalm_logs/base.py"
    log_at(nl.log, logging.INFO, f"{nb}:559", "Reading the configuration from %s", "/etc/napalm/logs/config",
           func="_build_config")
    log_at(nl.log, logging.DEBUG, f"{nb}:279", "Reading configuration from %s", "/usr/local/lib/python3.11/"
           "site-packages/napalm_logs/config", func="_load_config")
    for os_name in ("eos", "junos", "iosxr"):
        log_at(nl.log, logging.DEBUG, f"{nb}:315", "Building config for %s:", os_name, func="_load_config")
        log_at(nl.log, logging.DEBUG, f"{nb}:316", "=" * 40, func="_load_config")
    log_at(nl.log, logging.DEBUG, f"{nb}:696", "Starting the internal proxy", func="start_engine")
    log_at(nl.log, logging.INFO, f"{nb}:707", "Starting child processes for each device type", func="start_engine")
    for os_name in ("eos", "junos", "iosxr"):
        log_at(nl.log, logging.INFO, f"{nb}:668", "Starting the child process for %s", os_name,
               func="_start_dev_proc")
    log_at(publisher, logging.INFO, "napalm_logs/publisher.py:97", "%s %d will publish partially parsed messages",
           "kafka", 0, func="_setup_transport")
    log_at(listener, logging.DEBUG, "napalm_logs/listener/udp.py:43", "Buffer size: %d", 1024, func="__init__")
    devices = [
        ("eos", "10.30.0.11", "dc1-leaf1", "<189>May 11 14:44:52 dc1-leaf1 Ebra: 8762: %LINEPROTO-5-UPDOWN: Line "
         "protocol on Interface Ethernet49/1 (to dc1-spine1), changed state to down", "INTERFACE_DOWN",
         "openconfig-interfaces", {"interfaces": {"interface": {"Ethernet49/1": {"state": {"oper_status": "DOWN"}}}}}),
        ("junos", "10.30.0.2", "dc1-edge1", "<28>May 11 14:44:53 dc1-edge1 rpd[4231]: BGP_PREFIX_THRESH_EXCEEDED: "
         "192.0.2.10 (External AS 64512): Configured maximum prefix-limit threshold(160) exceeded for inet-unicast "
         "nlri: 161 (instance master)", "BGP_PREFIX_THRESH_EXCEEDED", "openconfig-bgp",
         {"bgp": {"neighbors": {"neighbor": {"192.0.2.10": {"afi_safis": {"afi_safi": {"inet": {"ipv4_unicast": {
             "prefix_limit": {"state": {"max_prefixes": 160}}}, "state": {"prefixes": {"received": 161}}}}},
             "state": {"peer_as": 64512}}}}}}),
        ("iosxr", "10.30.0.21", "dc1-pe1", "<187>2312: RP/0/RSP0/CPU0:May 11 14:44:55.102 UTC: ifmgr[266]: "
         "%PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/0/0/3, changed state to Down", "INTERFACE_DOWN",
         "openconfig-interfaces", {"interfaces": {"interface": {"TenGigE0/0/0/3": {"state": {"oper_status":
                                                                                          "DOWN"}}}}}),
    ]
    polls = [(12, 4.21), (7, 6.87), (31, None), (44, "error"), (19, 3.02), (12, 4.11), (7, 7.02), (19, 2.95)]
    for n, (device_id, took) in enumerate(polls):
        thread = "Poller_0-%d" % (n % 4 + 1)
        worker(thread, "Polling device {}".format(device_id), where=f"{qm}:509", func="do_work")
        if took is None:
            worker(thread, "Polling device {} unreachable, waiting {}s for retry".format(device_id, 60),
                   level=logging.WARNING, where=f"{qm}:532", func="do_work")
        elif took == "error":
            output = ("\n  In Connection.php line 825:\n\n    SQLSTATE[HY000] [2002] Connection timed out (Connection: "
                      "mysql, SQL: select * from `devices` where `device_id` = 44 limit 1)\n\n\ndevice:poll [-m|"
                      "--modules MODULES] [-x|--no-data] [--] <device spec>\n")
            worker(thread, "Polling device {} failed with exit code {}: {}".format(device_id, 1, output),
                   level=logging.ERROR, where=f"{qm}:543", func="do_work")
        else:
            worker(thread, "Completed {} run for {} in {:.2f}s".format("poller", device_id, took),
                   where=f"{qm}:80")
        if n < len(devices):
            os_name, ip, host, raw, error_name, model, oc = devices[n]
            log_at(listener, logging.DEBUG, "napalm_logs/listener/udp.py:77", "[%s] Received %s from %s",
                   raw.encode(), (ip, 514), time.time(), func="receive")
            log_at(server, logging.DEBUG, "napalm_logs/server.py:287", "[%s] Dequeued message from %s: %s", (ip, 514),
                   raw, time.time(), func="start")
            log_at(server, logging.DEBUG, "napalm_logs/server.py:295", "Identified OS: %s", os_name, func="start")
            log_at(server, logging.DEBUG, "napalm_logs/server.py:296", "Queueing message to %s", os_name,
                   func="start")
            pri = raw[1:raw.index(">")]
            msg_dict = {"date": "May 11", "time": "14:44:5%d" % (2 + n), "host": host, "processName":
                        {"eos": "Ebra", "junos": "rpd", "iosxr": "ifmgr"}[os_name], "tag": error_name.split("_")[0]
                        if os_name != "junos" else error_name, "message": raw.split(": ", 2)[-1], "pri": pri,
                        "facility": int(pri) // 8, "severity": int(pri) % 8}
            log_at(device, logging.DEBUG, "napalm_logs/device.py:277", "%s: dequeued %s, received from %s", os_name,
                   msg_dict, (ip, 514), func="start")
            log_at(device, logging.DEBUG, "napalm_logs/device.py:332", "Generated OC object:", func="start")
            log_at(device, logging.DEBUG, "napalm_logs/device.py:333", oc, func="start")
            log_at(device, logging.DEBUG, "napalm_logs/device.py:352", "Queueing to be published:", func="start")
            to_publish = {"error": error_name, "host": host, "ip": ip, "timestamp": 1715438692 + n,
                          "yang_message": oc, "message_details": msg_dict, "yang_model": model, "os": os_name,
                          "facility": msg_dict["facility"], "severity": msg_dict["severity"]}
            log_at(device, logging.DEBUG, "napalm_logs/device.py:353", to_publish, func="start")
            log_at(publisher, logging.DEBUG, "napalm_logs/publisher.py:211", "Publishing the OC object",
                   func="start")
        if n == 3:
            log_at(device, logging.INFO, "napalm_logs/device.py:186", "Syslog message not configured for os: %s tag %s",
                   "junos", "UI_COMMIT_COMPLETED", func="_parse")
            log_at(server, logging.INFO, "napalm_logs/server.py:309", '"%s" seems to be already buffered, skipping',
                   "Line protocol on Interface Ethernet49/1 (to dc1-spine1), changed state to down", func="start")
    for device_id, took in ((12, 0.84), (31, None)):
        if took is None:
            worker("Services_0-2", "Device {} is down, cannot poll service, waiting {}s for retry".format(
                device_id, 60), where=f"{qm}:451", func="do_work")
            continue
        worker("Services_0-1", "Checking services on device {}".format(device_id), where=f"{qm}:432",
               func="do_work")
        worker("Services_0-1", "Completed {} run for {} in {:.2f}s".format("services", device_id, took))
    worker("Alerting", "Checking alerts", where=f"{qm}:485", func="do_work")
    worker("Alerting", "Completed {} run for {} in {:.2f}s".format("alerting", "alerts", 1.02))
    worker("Billing", "Polling billing", where=f"{qm}:339", func="do_work")
    worker("Billing", "Completed {} run for {} in {:.2f}s".format("billing", "poll", 0.31))
    worker("Discovery_0-1", "Discovering device {}".format(19), where=f"{qm}:577", func="do_work")
    worker("Discovery_0-1", "Completed {} run for {} in {:.2f}s".format("discovery", 19, 38.12))
    in_thread("performance", lambda: log_at(ln.log, logging.INFO, f"{sv}:442", "Counting up time spent polling",
                                            func="log_performance_stats"))
    # The RDS writer fails over: the dispatcher loses the master lock.
    def stats_failure():
        try:
            raised("pymysql.err", "OperationalError", "(2013, 'Lost connection to MySQL server during query "
                   "([Errno 104] Connection reset by peer)')")
        except Exception:
            log_at(ln.log, logging.ERROR, f"{sv}:470", "Unable to log performance statistics - is the database still "
                   "online?", exc_info=True, func="log_performance_stats")

    in_thread("performance", stats_failure)
    main("Too many DB failures ({}), attempting to release master".format(6), level=logging.WARNING,
         where=f"{sv}:315", func="fetch_immediate_device_list")
    main("{} is no longer the master dispatcher".format(node), where=f"{sv}:270")
    main("{} is now the master dispatcher".format(node), where=f"{sv}:263")
    worker("Poller_0-2", "Polling device {}".format(44), where=f"{qm}:509", func="do_work")
    worker("Poller_0-2", "Completed {} run for {} in {:.2f}s".format("poller", 44, 9.41))
    log_at(server, logging.INFO, "napalm_logs/server.py:336", "Unable to queue the message to %s. Is the sub-process "
           "started?", b"nxos", func="start")
    return {"name": "librenms-napalm-logs", "programs": [ln, nl], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# Matrix bots on one ECS cluster: maubot (an Alertmanager bot and a GitHub
# bot) and the mautrix-telegram bridge, against the same homeserver.

def stream_maubot_mautrix():
    stream = []
    mb = Program("maubot", "mau.init", MaubotColorFormatter(MAUBOT), stream)
    loader = mb.logger("maubot.loader.zip")
    server = mb.logger("maubot.server")
    bot_id = "@alertbot:matrix.acme.example"
    client = mb.logger(f"maubot.client.{bot_id}")
    gh_id = "@ghbot:matrix.acme.example"
    gh_client = mb.logger(f"maubot.client.{gh_id}")
    instances = {"alertmanager-oncall": ("xyz.maubot.alertmanager", "0.3.1", bot_id),
                 "github-acme": ("xyz.maubot.github", "0.1.2", gh_id),
                 "reminder": ("xyz.maubot.reminder", "0.2.1", bot_id)}
    tg = Program("mautrix-telegram", "mau.init", TelegramColorFormatter(MAUTRIX_TELEGRAM), stream)
    mx = tg.logger("mau.mx")
    as_bot = tg.logger("mau.as.api.bot")
    alice = "@alice:matrix.acme.example"
    user = tg.logger(f"mau.user.{alice}")
    relay = tg.logger("mau.user.bot")
    sender_user = tg.logger("telethon.412345678.network.mtprotosender")
    sender_bot = tg.logger("telethon.relaybot.network.mtprotosender")
    hs = "https://matrix.acme.example"
    req = {"n": 0}

    def api(log, method, path, content="", user_id=None, status=200, took="12.3ms"):
        req["n"] += 1
        n = req["n"]
        url = f"{hs}/_matrix/client/{path}" + (f"?user_id={user_id.replace('@', '%40').replace(':', '%3A')}" if user_id
                                              else "")
        log_content = content
        record_at(log, logging.DEBUG, "mautrix/api.py:298", f"req #{n}: {method} {url} {log_content}".strip(" "),
                  func="_log_request", extra={"matrix_http_request": {
                      "req_id": n, "method": method, "url": url, "content": content, "user": user_id}})
        path_without_prefix = f"/_matrix/client/{path}".replace("/_matrix/client", "")
        log_at(log, logging.DEBUG, "mautrix/api.py:322", f"req #{n} ({path_without_prefix}) completed in {took} "
               f"with status {status}", func="_log_request_done")

    # maubot starts.
    log_at(mb.log, logging.INFO, "mautrix/util/program.py:99", "Initializing maubot 0.6.0", func="_prepare")
    log_at(mb.log, logging.INFO, "mautrix/util/program.py:106", "Initialization complete in 0.61 seconds",
           func="_prepare")
    log_at(mb.log, logging.DEBUG, "mautrix/util/program.py:208", "Running startup actions...", func="_run")
    log_at(mb.log, logging.DEBUG, "maubot/__main__.py:141", "Starting database...", func="start_db")
    log_at(loader, logging.DEBUG, "maubot/loader/zip.py:299", "Preloading plugins...", func="load_all")
    for inst, (plugin, version, _) in instances.items():
        log_at(loader, logging.DEBUG, "maubot/loader/zip.py:90", f"Preloaded plugin {plugin} from ./plugins/"
               f"{plugin}-v{version}.mbp", func="__init__")
    for inst, (plugin, version, _) in instances.items():
        log_at(mb.logger(f"maubot.instance.{inst}"), logging.DEBUG, "maubot/instance.py:241",
               "Plugin instance dependencies loaded", func="load")
        log_at(loader, logging.DEBUG, "maubot/loader/zip.py:240", f"Loaded and imported plugin {plugin} from "
               f"./plugins/{plugin}-v{version}.mbp", func="load")
    for log in (client, gh_client):
        log_at(log, logging.DEBUG, "maubot/client.py:232", "Enabling end-to-end encryption support",
               func="_prepare_crypto")
        log_at(log, logging.DEBUG, "mautrix/client/syncer.py:419", "Starting syncing", func="_try_start")
        log_at(log, logging.INFO, "maubot/client.py:316", "Client started, starting plugin instances...",
               func="start")
    for inst, (plugin, version, owner) in instances.items():
        log_at(mb.logger(f"maubot.instance.{inst}"), logging.INFO, "maubot/instance.py:415",
               f"Started instance of {plugin} v{version} with user {owner}", func="start")
    log_at(server, logging.INFO, "maubot/server.py:176", "Listening on http://0.0.0.0:29316", func="start")
    log_at(mb.log, logging.INFO, "mautrix/util/program.py:217", "Startup actions complete in 2.41 seconds, now "
           "running forever", func="_run")
    # The bridge starts.
    log_at(tg.log, logging.INFO, "mautrix/util/program.py:99", "Initializing mautrix-telegram 0.15.3",
           func="_prepare")
    log_at(tg.log, logging.INFO, "mautrix/util/program.py:106", "Initialization complete in 1.42 seconds",
           func="_prepare")
    log_at(mx, logging.INFO, "mautrix/bridge/matrix.py:223", "Ensuring connectivity to homeserver",
           func="wait_for_connection")
    api(as_bot, "GET", "versions", took="18.6ms")
    api(as_bot, "GET", "v3/account/whoami", user_id="@telegrambot:matrix.acme.example", took="9.8ms")
    log_at(mx, logging.DEBUG, "mautrix/bridge/matrix.py:270", "Initializing appservice bot", func="init_as_bot")
    log_at(user, logging.DEBUG, "mautrix_telegram/abstract_user.py:193", f"Initializing client for {alice}",
           func="_init_client")
    log_at(relay, logging.DEBUG, "mautrix_telegram/abstract_user.py:193", "Initializing client for bot",
           func="_init_client")
    for sender in (sender_user, sender_bot):
        log_at(sender, logging.INFO, "telethon/network/mtprotosender.py:233", "Connecting to %s...",
               Shown("149.154.167.51:443/TcpFull"), func="connect")
        log_at(sender, logging.INFO, "telethon/network/mtprotosender.py:256", "Connection to %s complete!",
               Shown("149.154.167.51:443/TcpFull"), func="_connect")
    log_at(user, logging.DEBUG, "mautrix_telegram/abstract_user.py:340", f"{alice} connected: True", func="start")
    log_at(relay, logging.DEBUG, "mautrix_telegram/abstract_user.py:340", "Bot connected: True", func="start")
    log_at(tg.log, logging.INFO, "mautrix/util/program.py:217", "Startup actions complete in 3.87 seconds, now "
           "running forever", func="_run")
    # Alerts come in; the bridge relays the on-call chat both ways.
    portal = tg.logger("mau.portal.-1001987654321")
    puppet = "@telegram_412345678:matrix.acme.example"
    puppet_api = tg.logger(f"mau.as.api.{puppet}")
    for n, (text, status) in enumerate([("[FIRING:1] RDSReplicaLag orders-db-replica-1 (critical)", 200),
                                        ("ack, looking", 200),
                                        ("[RESOLVED] RDSReplicaLag orders-db-replica-1", 200),
                                        ("failover done, lag back under 1s", 200)]):
        if n % 2 == 0:
            api(puppet_api, "PUT", f"v3/rooms/!Xq4kLbUv9dPz:matrix.acme.example/send/m.room.message/"
                f"mautrix-python_R{31 + n}@T{1715438690123 + n * 411}", {"msgtype": "m.notice", "body": text},
                user_id=puppet, took="41.2ms")
        else:
            api(as_bot, "PUT", f"v3/rooms/!Xq4kLbUv9dPz:matrix.acme.example/receipt/m.read/$"
                f"{'kQz81vTnA4' if n == 1 else 'Wn0aR5pY2c'}", {}, user_id="@telegrambot:matrix.acme.example",
                took="22.7ms")
    # The on-call team opens maubot's log viewer while the incident runs.
    websocket = mb.logger("maubot.server.websocket")
    for n, remote in enumerate(("10.40.3.12", "10.40.3.12", "10.40.5.77")):
        log_at(websocket, logging.DEBUG, "maubot/management/api/log.py:138", f"Connection from {remote} opened",
               func="log_websocket")
        if n == 1:
            log_at(websocket, logging.DEBUG, "maubot/management/api/log.py:145", f"Connection from {remote} "
                   "terminated due to no authentication", func="log_websocket")
            continue
        log_at(websocket, logging.DEBUG, "maubot/management/api/log.py:158", f"Connection from {remote} "
               "authenticated", func="log_websocket")
    for n, text in enumerate(("who's on the DB rotation today?", "@maria — ping her on the bridge",
                              "RCA draft is in the postmortems bucket")):
        api(puppet_api, "PUT", f"v3/rooms/!Xq4kLbUv9dPz:matrix.acme.example/send/m.room.message/"
            f"mautrix-python_R{41 + n}@T{1715438712004 + n * 977}", {"msgtype": "m.text", "body": text},
            user_id=puppet, took=f"{33.1 + n * 4.2:.1f}ms")
    log_at(client, logging.WARNING, "mautrix/client/syncer.py:453", "Sync request (s81247_5518822_412_904133_77_"
           "331_9920_181022_1) took 41.322 seconds", func="_try_start")
    log_at(portal, logging.DEBUG, "mautrix_telegram/portal.py:878", "Fetching dialog info for new portal",
           func="create_matrix_room")
    log_at(portal, logging.DEBUG, "mautrix_telegram/portal.py:930", "Preparing to create room",
           func="_create_matrix_room")

    def bridge_info():
        raised("mautrix.errors.request", "MForbidden", "You don't have permission to post that to the room. "
               "user_level (0) < send_level (50)")

    try:
        bridge_info()
    except Exception:
        log_at(portal, logging.WARNING, "mautrix_telegram/portal.py:857", "Failed to update bridge info",
               exc_info=True, func="update_bridge_info")
    # Synapse restarts for an upgrade: both lose the homeserver.
    for n, sleep in enumerate((5, 10, 20)):
        for log in (client, gh_client) if n < 2 else (client,):
            log_at(log, logging.WARNING, "mautrix/client/syncer.py:436", f"Sync request errored: "
                   f"ClientConnectorError: Cannot connect to host matrix.acme.example:443 ssl:default [Connect call "
                   f"failed ('10.40.2.15', 443)], waiting {sleep} seconds before continuing", func="_try_start")
    for log in (client, gh_client):
        log_at(log, logging.DEBUG, "mautrix/client/syncer.py:448", "Sync error resolved", func="_try_start")

    def profile():
        raised("mautrix.errors.request", "MatrixConnectionError", "Cannot connect to host matrix.acme.example:443 "
               "ssl:default [Connect call failed ('10.40.2.15', 443)]")

    try:
        profile()
    except Exception:
        log_at(gh_client, logging.WARNING, "maubot/client.py:540", "Failed to update own profile from server",
               exc_info=True, func="_update_remote_profile")
    # Telegram drops the user's connection.
    log_at(sender_user, logging.INFO, "telethon/network/mtprotosender.py:283", "Disconnecting from %s...",
           Shown("149.154.167.51:443/TcpFull"), func="_disconnect")
    log_at(user, logging.INFO, "mautrix_telegram/abstract_user.py:259", "Reconnecting to Telegram...",
           func="_reconnect_telegram")
    log_at(sender_user, logging.WARNING, "telethon/network/mtprotosender.py:296", "Attempt %d at connecting failed: "
           "%s: %s", 1, "ConnectionResetError", "[Errno 104] Connection reset by peer", func="_try_connect")
    log_at(sender_user, logging.INFO, "telethon/network/mtprotosender.py:256", "Connection to %s complete!",
           Shown("149.154.167.51:443/TcpFull"), func="_connect")
    log_at(user, logging.DEBUG, "mautrix_telegram/abstract_user.py:340", f"{alice} connected: True", func="start")
    # A plugin update fails to start: maubot rolls it back.
    upload = mb.logger("maubot.server.upload")
    inst_log = mb.logger("maubot.instance.github-acme")

    def start_instance():
        raised("aiohttp.client_exceptions", "ContentTypeError", "0, message='Attempt to decode JSON with "
               "unexpected mimetype: text/html; charset=utf-8', url=URL('https://api.github.com/repos/acme-corp/"
               "platform/hooks')")

    try:
        start_instance()
    except Exception:
        log_at(inst_log, logging.ERROR, "maubot/instance.py:410", "Failed to start instance", exc_info=True,
               func="start")

    def load_update():
        raise ModuleNotFoundError("No module named 'github3'", name="github3")

    try:
        load_update()
    except Exception:
        log_at(upload, logging.ERROR, "maubot/management/api/plugin_upload.py:120", "Error loading updated version "
               "of xyz.maubot.github, rolling back", exc_info=True, func="upload_replacement_plugin")
    log_at(loader, logging.DEBUG, "maubot/loader/zip.py:259", "Unloaded plugin xyz.maubot.github at "
           "./plugins/xyz.maubot.github-v0.1.3.mbp", func="unload")
    log_at(loader, logging.DEBUG, "maubot/loader/zip.py:216", "Re-preloaded plugin xyz.maubot.github from "
           "./plugins/xyz.maubot.github-v0.1.2.mbp", func="reload")
    log_at(inst_log, logging.INFO, "maubot/instance.py:415", f"Started instance of xyz.maubot.github v0.1.2 with "
           f"user {gh_id}", func="start")
    return {"name": "maubot-mautrix", "programs": [mb, tg], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An Amazon MQ (RabbitMQ) consumer on ECS built on pika's asynchronous
# consumer example, its LOG_FORMAT kept, traced by Instana's Python sensor
# (whose "instana" logger also propagates to the root handler).

def stream_pika_instana():
    stream = []
    pk = Program("pika-consumer", "__main__", logging.Formatter(PIKA), stream)
    workflow = pk.logger("pika.adapters.utils.connection_workflow")
    io_utils = pk.logger("pika.adapters.utils.io_services_utils")
    base_conn = pk.logger("pika.adapters.base_connection")
    connection = pk.logger("pika.connection")
    inst = Program("instana", "instana", logging.Formatter(INSTANA), stream)
    ins = both("instana", inst, pk)
    ex = "examples/asynchronous_consumer_example.py"
    url = ("amqps://billing-consumer:Wq7xM2pTz9@b-3f1c2a9e-7d4b-4e1a-9c8f-0a1b2c3d4e5f.mq.us-east-1.amazonaws.com:5671"
           "/%2F")
    broker = ("10.20.1.9", 5671)
    sock = ("<ssl.SSLSocket fd=6, family=2, type=1, proto=6, laddr=('10.20.4.17', %d), raddr=('10.20.1.9', 5671)>")

    def m(level, line, func, msg, *args):
        log_at(pk.log, level, f"{ex}:{line}", msg, *args, func=func)

    def i(level, where, func, msg):
        log_at(ins, level, where, msg, func=func)

    def setup(port):
        m(logging.INFO, 61, "connect", "Connecting to %s", url)
        log_at(workflow, logging.INFO, "pika/adapters/utils/connection_workflow.py:179", "Pika version %s connecting "
               "to %r", "1.3.2", broker, func="start")
        log_at(io_utils, logging.INFO, "pika/adapters/utils/io_services_utils.py:345", "Socket connected: %s",
               Shown(sock % port), func="_on_writable")
        log_at(io_utils, logging.INFO, "pika/adapters/utils/io_services_utils.py:655", "SSL handshake completed "
               "successfully: %s", Shown(sock % port), func="_do_ssl_handshake")
        m(logging.INFO, 84, "on_connection_open", "Connection opened")
        m(logging.INFO, 130, "open_channel", "Creating a new channel")
        m(logging.INFO, 142, "on_channel_open", "Channel opened")
        m(logging.INFO, 152, "add_on_channel_close_callback", "Adding channel close callback")
        m(logging.INFO, 177, "setup_exchange", "Declaring exchange: %s", "billing")
        m(logging.INFO, 195, "on_exchange_declareok", "Exchange declared: %s", "billing")
        m(logging.INFO, 206, "setup_queue", "Declaring queue %s", "billing.invoices")
        m(logging.INFO, 222, "on_queue_declareok", "Binding %s to %s with %s", "billing", "billing.invoices",
          "invoice.*")
        m(logging.INFO, 239, "on_bindok", "Queue bound: %s", "billing.invoices")
        m(logging.INFO, 260, "on_basic_qos_ok", "QOS set to: %d", 1)
        m(logging.INFO, 273, "start_consuming", "Issuing consumer related RPC commands")
        m(logging.INFO, 286, "add_on_cancel_callback", "Adding consumer cancellation callback")

    def messages(first, count):
        for tag in range(first, first + count):
            body = json.dumps({"invoice_id": "INV-2024-%06d" % (88211 + tag), "customer": "cus_%05d" % (4100 + tag * 7),
                               "amount_cents": 1299 * (tag % 5 + 1), "currency": "USD"}).encode()
            m(logging.INFO, 315, "on_message", "Received message # %s from %s: %s", tag, "billing-api", body)
            m(logging.INFO, 326, "acknowledge_message", "Acknowledging message %s", tag)

    with pid(1):
        i(logging.DEBUG, "instana/instrumentation/pika.py:316", "<module>", "Instrumenting pika")
        i(logging.INFO, "instana/agent/host.py:64", "__init__", "Stan is on the scene.  Starting Instana "
          "instrumentation version: 3.17.0")
        i(logging.DEBUG, "instana/util/runtime.py:210", "log_runtime_env_info", "Runtime environment: Machine: "
          "aarch64, System: Linux, Python version: 3.12.3")
        i(logging.DEBUG, "instana/collector/host.py:23", "__init__", "Loading Host Collector")
        i(logging.DEBUG, "instana/fsm.py:30", "__init__", "Initializing host agent state machine")
        setup(51234)
        i(logging.DEBUG, "instana/agent/host.py:178", "is_agent_listening", "Instana Host Agent not found on "
          "localhost:42699")
        i(logging.DEBUG, "instana/agent/host.py:169", "is_agent_listening", "Instana host agent found on "
          "10.20.4.1:42699")
        i(logging.DEBUG, "instana/fsm.py:124", "announce_sensor", "Attempting to announce PID 1 to the agent on "
          "10.20.4.1:42699")
        i(logging.DEBUG, "instana/fsm.py:164", "announce_sensor", "Announced PID: 1 (true PID: 28817).  Waiting for "
          "Agent Ready...")
        i(logging.DEBUG, "instana/agent/host.py:78", "start", "Starting Host Collector")
        i(logging.DEBUG, "instana/collector/base.py:100", "start", "BaseCollector.start: launching collection thread")
        i(logging.INFO, "instana/fsm.py:182", "on_ready", "Instana host agent available. We're in business. "
          "Announced PID: 1 (true PID: 28817)")
        i(logging.DEBUG, "instana/collector/host.py:54", "prepare_and_report_data", "Agent is ready.  Getting to work.")
        messages(1, 3)
        i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting 3 spans")
        for n in range(4):
            messages(4 + n, 1)
            i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting %d spans" % (1 + n % 2))
        i(logging.DEBUG, "instana/agent/host.py:359", "handle_agent_tasks", "Received agent request with messageId: "
          "b6a0c1d2-3e4f-4a5b-8c6d-7e8f9a0b1c2d")
        i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting 3 spans")
        # Amazon MQ's maintenance window: the broker reboots.
        log_at(base_conn, logging.ERROR, "pika/adapters/base_connection.py:445", "Transport indicated EOF.",
               func="_proto_eof_received")
        m(logging.WARNING, 112, "on_connection_closed", "Connection closed, reconnect necessary: %s", Shown(
            "Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')"))
        m(logging.INFO, 385, "stop", "Stopping")
        m(logging.INFO, 391, "stop", "Stopped")
        m(logging.INFO, 418, "_maybe_reconnect", "Reconnecting after %d seconds", 0)
        for attempt in (1, 2):
            m(logging.INFO, 61, "connect", "Connecting to %s", url)
            log_at(workflow, logging.INFO, "pika/adapters/utils/connection_workflow.py:179", "Pika version %s "
                   "connecting to %r", "1.3.2", broker, func="start")
            failure = ("AMQPConnectionWorkflowFailed: 1 exceptions in all; last exception - "
                       "AMQPConnectorSocketConnectError: ConnectionRefusedError(111, 'Connection refused'); first "
                       "exception - None")
            log_at(base_conn, logging.ERROR, "pika/adapters/base_connection.py:327", "Full-stack connection workflow "
                   "failed: %r", Shown(failure), func="_on_connection_workflow_done")
            m(logging.ERROR, 95, "on_connection_open_error", "Connection open failed: %s", Shown(failure))
            m(logging.INFO, 385, "stop", "Stopping")
            m(logging.INFO, 391, "stop", "Stopped")
            m(logging.INFO, 418, "_maybe_reconnect", "Reconnecting after %d seconds", attempt)
        setup(51302)
        messages(1, 2)
        i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting 3 spans")
        # The Instana agent daemon is replaced on the host.
        i(logging.INFO, "instana/collector/host.py:60", "prepare_and_report_data", "The Instana host agent has gone "
          "offline or is no longer reachable for > 1 min.  Will retry periodically.")
        i(logging.DEBUG, "instana/fsm.py:91", "reset", "State machine being reset.  Will start a new announce cycle.")
        i(logging.DEBUG, "instana/agent/host.py:178", "is_agent_listening", "Instana Host Agent not found on "
          "10.20.4.1:42699")
        i(logging.INFO, "instana/fsm.py:112", "lookup_agent_host", "Instana Host Agent couldn't be found. Will retry "
          "periodically...")
        messages(3, 2)
        i(logging.DEBUG, "instana/agent/host.py:169", "is_agent_listening", "Instana host agent found on "
          "10.20.4.1:42699")
        i(logging.DEBUG, "instana/fsm.py:124", "announce_sensor", "Attempting to announce PID 1 to the agent on "
          "10.20.4.1:42699")
        i(logging.DEBUG, "instana/fsm.py:164", "announce_sensor", "Announced PID: 1 (true PID: 28817).  Waiting for "
          "Agent Ready...")
        i(logging.INFO, "instana/fsm.py:182", "on_ready", "Instana host agent available. We're in business. "
          "Announced PID: 1 (true PID: 28817)")
        i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting 2 spans")
        for n in range(3):
            messages(5 + n, 1)
            i(logging.DEBUG, "instana/agent/host.py:344", "report_spans", "Reporting 1 spans")
            if n == 1:
                i(logging.DEBUG, "instana/agent/host.py:359", "handle_agent_tasks", "Received agent request with "
                  "messageId: 0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f")
        # ECS stops the task for a deployment.
        m(logging.INFO, 385, "stop", "Stopping")
        m(logging.INFO, 335, "stop_consuming", "Sending a Basic.Cancel RPC command to RabbitMQ")
        m(logging.INFO, 351, "on_cancelok", "RabbitMQ acknowledged the cancellation of the consumer: %s",
          "ctag1.7c1e5a3b9d2f4e6a8b0c1d2e3f4a5b6c")
        m(logging.INFO, 361, "close_channel", "Closing the channel")
        m(logging.WARNING, 166, "on_channel_closed", "Channel %i was closed: %s", 1, Shown(
            "(200, 'Normal shutdown')"))
        m(logging.INFO, 73, "close_connection", "Closing connection")
        log_at(connection, logging.INFO, "pika/connection.py:1316", "Closing connection (%s): %r", 200,
               "Normal shutdown", func="close")
        m(logging.INFO, 391, "stop", "Stopped")
    return {"name": "pika-instana", "programs": [pk, inst], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A search team's ECS cluster: Elastic's connectors service syncing an S3
# bucket of runbooks into Elasticsearch, and eland, run as one-off tasks,
# loading the embedding models its ingest pipeline uses.

def stream_connectors_eland():
    stream = []
    ct = Program("elastic-connectors", "connectors", logging.Formatter(CONNECTORS, CONNECTORS_DATEFMT), stream)
    el = Program("eland", "eland.cli.eland_import_hub_model", logging.Formatter(ELAND), stream)
    es = "https://acme-search.es.us-east-1.aws.found.io:443"
    connector = ("5Xb1nI8BkM3Qe2Rz4T7v", "search-runbooks")

    def extras(more=None):
        extra = {"service.type": "connectors-python", "service.version": "8.9.2.0",
                 "labels.index_date": now("%Y.%m.%d")}
        extra.update(more or {})
        return extra

    def c(level, where, msg, func=None, prefix=None, labels=None, exc=None):
        record_at(ct.log, level, f"connectors/{where}", f"{prefix} {msg}" if prefix else msg, func=func,
                  extra=extras(labels), exc=exc)

    def conn(level, where, msg, func=None, ident=connector):
        c(level, where, msg, func=func, prefix=f"[Connector id: {ident[0]}, index name: {ident[1]}]",
          labels={"labels.connector_id": ident[0], "labels.index_name": ident[1]})

    def job(level, where, msg, job_id, func=None, ident=connector, exc=None):
        c(level, where, msg, func=func, prefix=f"[Sync Job id: {job_id}, connector id: {ident[0]}, index name: "
          f"{ident[1]}]", labels={"labels.sync_job_id": job_id, "labels.connector_id": ident[0],
                                  "labels.index_name": ident[1]}, exc=exc)

    c(logging.INFO, "cli.py:137", "Running connector service version 8.9.2.0", func="run")
    c(logging.DEBUG, "es/client.py:52", f"Host is {es}", func="__init__")
    c(logging.DEBUG, "es/client.py:63", "Connecting with an Api Key (VnVhQ...)", func="__init__")
    c(logging.INFO, "preflight_check.py:41", "Preflight checks...", func="run")
    c(logging.DEBUG, "es/client.py:144", "Wait for Elasticsearch (max: 60)", func="wait")
    c(logging.INFO, "es/client.py:150", f"Waiting for {es} (so far: 0 secs)", func="wait")
    c(logging.INFO, "preflight_check.py:59", "Extraction service is not configured, skipping its preflight check.",
      func="_check_local_extraction_setup")
    c(logging.INFO, "services/job_scheduling.py:140", f"Service started, listening to events from {es}", func="_run")
    c(logging.INFO, "services/job_execution.py:159", f"Service started, listening to events from {es}", func="_run")
    c(logging.DEBUG, "services/job_scheduling.py:147", "Polling every 30 seconds for Job Scheduling Service",
      func="_run")
    conn(logging.DEBUG, "services/job_scheduling.py:70", "Status is Status.CONNECTED", func="_schedule")
    conn(logging.DEBUG, "services/job_scheduling.py:206", "Next 'access_control' sync due in 80711 seconds",
         func="_should_schedule_scheduled_sync")
    conn(logging.INFO, "services/job_scheduling.py:218", "Creating a scheduled 'full' sync...",
         func="_scheduled_sync")
    c(logging.DEBUG, "services/job_execution.py:174", "Polling every 30 seconds for Job Execution Service",
      func="_run")
    sync_id = "Tq2lnY8BkM3Qe2Rz7U1x"
    job(logging.DEBUG, "sync_job_runner.py:124", "Validating configuration", sync_id, func="execute")
    job(logging.DEBUG, "sync_job_runner.py:128", "Pinging the backend", sync_id, func="execute")
    job(logging.INFO, "sources/s3.py:256", "Successfully connected to AWS.", sync_id, func="ping")
    job(logging.DEBUG, "es/sink.py:634", f"SyncOrchestrator connecting to {es}", sync_id, func="__init__")
    c(logging.DEBUG, "sync_job_runner.py:199", "Preparing the content index", func="_execute_content_sync_job")
    job(logging.DEBUG, "es/sink.py:649", "Checking index search-runbooks", sync_id, func="prepare_content_index")
    job(logging.DEBUG, "es/sink.py:656", "search-runbooks exists", sync_id, func="prepare_content_index")
    # ExtraLogger puts the prefix before the format string; the argument is applied after.
    prefix = f"[Sync Job id: {sync_id}, connector id: {connector[0]}, index name: {connector[1]}]"
    record_at(ct.log, logging.DEBUG, "connectors/es/sink.py:674", f"{prefix} Index %s already has mappings. "
              "Skipping...", "search-runbooks", func="prepare_content_index", extra=extras({
                  "labels.sync_job_id": sync_id, "labels.connector_id": connector[0],
                  "labels.index_name": connector[1]}))
    job(logging.DEBUG, "sync_job_runner.py:308", "Using pipeline %s" % {
        "extract_binary_content": True, "name": "ent-search-generic-ingestion", "reduce_whitespace": True,
        "run_ml_inference": True}, sync_id, func="prepare_docs")
    job(logging.INFO, "es/sink.py:369", "Starting doc lookups", sync_id, func="get_docs")
    job(logging.DEBUG, "es/sink.py:376", "Found 1284 docs in search-runbooks (duration 0 seconds) ", sync_id,
        func="get_docs")
    job(logging.DEBUG, "es/sink.py:381", "Size of ids in memory is 0.11MiB", sync_id, func="get_docs")
    job(logging.INFO, "es/sink.py:390", "Extractor <create: 0 |update: 0 |delete: 0>", sync_id, func="get_docs")
    for name, size in (("runbooks/db/orders-db-failover.md", 18234), ("runbooks/network/tgw-route-leak.md", 9120),
                       ("postmortems/2024-04-30-dns.pdf", 214411)):
        job(logging.DEBUG, "sources/s3.py:189", f"Downloading {name}", sync_id, func="get_content")
        job(logging.DEBUG, "sources/s3.py:208", f"Downloaded {name} for {size} bytes ", sync_id, func="get_content")
    job(logging.DEBUG, "sources/s3.py:180", "diagrams/vpc-overview.drawio can't be extracted", sync_id,
        func="get_content")
    job(logging.WARNING, "sources/s3.py:183", "File size for recordings/2024-04-30-dns-bridge.mp4 is larger than "
        "10485760 bytes. Discarding the file content", sync_id, func="get_content")
    job(logging.WARNING, "sources/s3.py:217", "postmortems/2021/2021-11-02-s3-outage.pdf of acme-runbooks is "
        "archived and inaccessible until restored. Error: An error occurred (InvalidObjectState) when calling the "
        "GetObject operation: The operation is not valid for the object's storage class", sync_id, func="get_content")
    job(logging.INFO, "es/sink.py:390", "Extractor <create: 41 |update: 46 |delete: 0>", sync_id, func="get_docs")
    job(logging.DEBUG, "es/sink.py:597", "Delete 3 docs from index 'search-runbooks'", sync_id,
        func="enqueue_docs_to_delete")
    job(logging.DEBUG, "es/sink.py:129", "Task 1 - Sending a batch of 90 ops -- 1.42MiB", sync_id,
        func="_batch_bulk")
    job(logging.DEBUG, "es/sink.py:167", "Sink stats - no. of docs indexed: 87, volume of docs indexed: 1488120 "
        "bytes, no. of docs deleted: 3", sync_id, func="_populate_stats")
    job(logging.INFO, "sync_job_runner.py:265", "Sync done: 87 indexed, 3 deleted. (41 seconds)", sync_id,
        func="_sync_done")
    # The second connector's bucket policy denies the task role.
    other = ("kJ7mnY8BkM3Qe2Rz9W2y", "search-postmortems")
    conn(logging.DEBUG, "services/job_scheduling.py:70", "Status is Status.CONNECTED", func="_schedule", ident=other)
    conn(logging.INFO, "services/job_scheduling.py:218", "Creating a scheduled 'full' sync...",
         func="_scheduled_sync", ident=other)
    failing = "Lr5qnY8BkM3Qe2Rz1X3z"
    job(logging.DEBUG, "sync_job_runner.py:124", "Validating configuration", failing, func="execute", ident=other)
    job(logging.DEBUG, "sync_job_runner.py:128", "Pinging the backend", failing, func="execute", ident=other)

    def list_buckets():
        raised("botocore.exceptions", "ClientError", "An error occurred (AccessDenied) when calling the ListBuckets "
               "operation: Access Denied")

    try:
        list_buckets()
    except Exception as e:
        job(logging.ERROR, "sources/s3.py:258", "Error while connecting to AWS.", failing, func="ping", ident=other,
            exc=True)
        job(logging.ERROR, "sync_job_runner.py:163", e, failing, func="execute", ident=other, exc=True)
    job(logging.INFO, "sync_job_runner.py:265", "Sync done: 0 indexed, 0 deleted. (0 seconds)", failing,
        func="_sync_done", ident=other)
    # eland, as one-off tasks; the first image lacks the PyTorch extras.
    import textwrap
    el_where = "eland/cli/eland_import_hub_model.py"
    log_at(el.log, logging.ERROR, f"{el_where}:206", textwrap.dedent(
        f"""\
            \033[31mFailed to run because module '{"torch"}' is not available.\033[0m

            This script requires PyTorch extras to run. You can install these by running:

                \033[1m{"/usr/local/bin/python3.10"} -m pip install 'eland[pytorch]'
            \033[0m"""), func="main")

    def e(level, line, msg):
        log_at(el.log, level, f"{el_where}:{line}", msg, func="main")

    def connect():
        e(logging.INFO, 224, "Establishing connection to Elasticsearch")
        log_at(el.log, logging.INFO, f"{el_where}:164", "Connected to cluster named 'acme-search' (version: 8.9.2)",
               func="check_cluster_version")

    def load(hub):
        e(logging.INFO, 230, f"Loading HuggingFace transformer tokenizer and model '{hub}'")

    def upload(model_id, parts, took, rate):
        e(logging.INFO, 272, f"Creating model with id '{model_id}'")
        e(logging.INFO, 275, "Uploading model definition")
        bar = "\u2588" * 10
        printed(stream, f"100%|{bar}| {parts}/{parts} [00:{took:02d}<00:00, {rate:5.2f} parts/s]")
        e(logging.INFO, 278, "Uploading model vocabulary")
        e(logging.INFO, 283, "Starting model deployment")
        e(logging.INFO, 286, f"Model successfully imported with id '{model_id}'")

    for hub, model_id, parts, took, rate in (
            ("intfloat/multilingual-e5-small", "intfloat__multilingual-e5-small", 30, 11, 2.61),
            ("sentence-transformers/msmarco-MiniLM-L-12-v3", "sentence-transformers__msmarco-minilm-l-12-v3", 8, 3,
             2.48)):
        connect()
        load(hub)
        upload(model_id, parts, took, rate)
    # The pipeline's next run: the model is there.
    connect()
    load("intfloat/multilingual-e5-small")
    e(logging.ERROR, 266, "Trained model with id 'intfloat__multilingual-e5-small' already exists")
    e(logging.INFO, 267, "Run the script with the '--clear-previous' flag if you want to overwrite the existing model.")
    connect()
    load("intfloat/multilingual-e5-small")
    e(logging.INFO, 260, "Stopping deployment for model with id 'intfloat__multilingual-e5-small'")
    e(logging.INFO, 263, "Deleting model with id 'intfloat__multilingual-e5-small'")
    upload("intfloat__multilingual-e5-small", 30, 12, 2.55)
    connect()
    load("elastic/distilbert-base-uncased-finetuned-conll03-english")
    upload("elastic__distilbert-base-uncased-finetuned-conll03-english", 64, 24, 2.66)
    connect()
    load("cross-encoder/ms-marco-MiniLM-L-6-v2")
    e(logging.ERROR, 243, "Failed to get model for task type, please provide valid task type via '--task-type' "
      "parameter. Caused by Unable to automatically determine task type for model cross-encoder/ms-marco-MiniLM-L-6-v2"
      ", please supply task type: ['fill_mask', 'ner', 'pass_through', 'question_answering', 'text_classification', "
      "'text_embedding', 'text_expansion', 'text_similarity', 'zero_shot_classification']")
    c(logging.INFO, "services/base.py:135", "Caught SIGTERM. Graceful shutdown.", func="shutdown")
    c(logging.INFO, "cli.py:198", "Bye", func="run")
    return {"name": "connectors-eland", "programs": [ct, el], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A ClearML server on ECS (DocumentDB, OpenSearch and ElastiCache behind
# it): the API server's gunicorn workers and the file server.

def stream_clearml():
    stream = []
    api = Program("clearml-apiserver", "clearml.app_sequence", logging.Formatter(CLEARML), stream)
    database = api.logger("clearml.database")
    es_factory = api.logger("clearml.es_factory")
    redis_manager = api.logger("clearml.redis_manager")
    migration = api.logger("clearml.migration")
    initialize = api.logger("clearml.apiserver.mongo.initialize")
    service_repo = api.logger("clearml.service_repo")
    watchdog = api.logger("clearml.non_responsive_tasks_watchdog")
    fs = Program("clearml-fileserver", "CLEARML.fileserver", logging.Formatter(CLEARML_FILESERVER), stream)
    docdb = "clearml-docdb.cluster-c1a2b3d4e5f6.us-east-1.docdb.amazonaws.com"

    def a(log, level, where, msg, exc_info=None, func=None):
        log_at(log, level, f"apiserver/{where}", msg, exc_info=exc_info, func=func)

    for worker in (9, 10):
        with pid(worker):
            a(api.log, logging.INFO, "server_init/app_sequence.py:40", "################ API Server initializing "
              "#####################", func="start")
            a(database, logging.INFO, "database/__init__.py:55", "Initializing database connections", func="initialize")
            a(database, logging.INFO, "database/__init__.py:68", f"Using override mongodb host {docdb}",
              func="initialize")
            a(database, logging.INFO, "database/__init__.py:74", "Using override mongodb password ******",
              func="initialize")
            for alias, db in (("backend-db", "backend"), ("auth-db", "auth")):
                a(database, logging.INFO, "database/__init__.py:106", "Registering connection to %(alias)s (%(host)s)"
                  % {"alias": alias, "host": f"mongodb://{docdb}:27017/{db}?tls=true&retryWrites=false"},
                  func="initialize")
            a(es_factory, logging.INFO, "es_factory.py:34", "Using override elastic host vpc-clearml-events-"
              "4k2m9q1w3e5r7t9y.us-east-1.es.amazonaws.com", func="<module>")
            a(es_factory, logging.INFO, "es_factory.py:39", "Using override elastic port 443", func="<module>")
            a(redis_manager, logging.INFO, "redis_manager.py:30", "Using override redis host clearml-redis.a1b2c3."
              "ng.0001.use1.cache.amazonaws.com", func="<module>")
    with pid(9):
        a(migration, logging.INFO, "mongo/initialize/migration.py:74", "Started mongodb migrations",
          func="_apply_migrations")
        a(migration, logging.INFO, "mongo/initialize/migration.py:123", "Applying mongodb_2_0/migrate_backend()",
          func="_apply_migrations")
        a(migration, logging.INFO, "mongo/initialize/migration.py:138", "Finished mongodb migrations",
          func="_apply_migrations")
        a(initialize, logging.INFO, "mongo/initialize/user.py:35", "Setting credentials for existing user "
          "__allegroai__ (apiserver)", func="_ensure_auth_user")
        a(initialize, logging.INFO, "mongo/initialize/__init__.py:81", "Fixed users mode is enabled",
          func="init_mongo_data")
    for worker in (9, 10):
        with pid(worker):
            a(service_repo, logging.INFO, "service_repo/service_repo.py:91", "Loading services from /opt/clearml/"
              "apiserver/services", func="load")
            a(api.log, logging.INFO, "server_init/app_sequence.py:117", "Exposed Services: auth.login auth.logout "
              "auth.create_credentials events.add events.add_batch events.debug_images events.get_task_log "
              "models.get_all_ex projects.get_all_ex queues.get_all_ex tasks.create tasks.enqueue tasks.get_all_ex "
              "tasks.ping tasks.stopped workers.register workers.status_report", func="_load_services")
    with pid(8):
        log_at(fs.log, logging.INFO, "fileserver/fileserver.py:85", "Uploaded 1 files", func="upload")
    calls = [("tasks.get_all_ex", 200, 41, None), ("queues.get_all_ex", 200, 12, None),
             ("workers.status_report", 200, 7, None), ("tasks.ping", 200, 5, None),
             ("events.add_batch", 200, 88, None),
             ("tasks.create", 400, 12, "Validation error (error for field 'name'. field is required!)"),
             ("projects.get_all_ex", 200, 63, None), ("tasks.enqueue", 200, 29, None),
             ("events.add_batch", 500, 30012, "ConnectionTimeout caused by - ReadTimeoutError(HTTPSConnectionPool("
              "host='vpc-clearml-events-4k2m9q1w3e5r7t9y.us-east-1.es.amazonaws.com', port=443): Read timed out. "
              "(read timeout=30))"),
             ("models.get_all_ex", 200, 34, None), ("events.debug_images", 200, 211, None),
             ("auth.login", 401, 3, "Unauthorized (invalid credentials) (failed to locate provided credentials)")]
    uploads = ["acme-ml/defect-detector.1f3c9a2e4b5d4c6e8f0a1b2c3d4e5f6a/metrics/val/loss/val_loss_000012.png",
               "acme-ml/defect-detector.1f3c9a2e4b5d4c6e8f0a1b2c3d4e5f6a/artifacts/confusion/confusion.png",
               "acme-ml/tokenizer-eval.7e6d5c4b3a2f4e1d8c9b0a1f2e3d4c5b/models/tokenizer.json"]
    for n, (endpoint, code, ms, msg) in enumerate(calls):
        with pid(9 + n % 2):
            if code >= 500:
                def add_batch():
                    raised("elasticsearch.exceptions", "ConnectionTimeout", "ConnectionTimeout caused by - "
                           "ReadTimeoutError(HTTPSConnectionPool(host='vpc-clearml-events-4k2m9q1w3e5r7t9y.us-east-1."
                           "es.amazonaws.com', port=443): Read timed out. (read timeout=30))")
                try:
                    add_batch()
                except Exception as ex:
                    a(service_repo, logging.ERROR, "service_repo/service_repo.py:312", str(ex), exc_info=True,
                      func="handle_call")
            console = f"Returned {code} for {endpoint} in {ms}ms"
            if code < 300:
                a(service_repo, logging.INFO, "service_repo/service_repo.py:325", console, func="handle_call")
            elif code < 500:
                a(service_repo, logging.WARNING, "service_repo/service_repo.py:329", f"{console}, msg={msg}",
                  func="handle_call")
            else:
                a(service_repo, logging.ERROR, "service_repo/service_repo.py:331", f"{console}, msg={msg}",
                  func="handle_call")
        if n % 3 == 0:
            with pid(8):
                path = uploads[n // 3 % len(uploads)]
                log_at(fs.log, logging.INFO, "fileserver/fileserver.py:85", "Uploaded 1 files", func="upload")
                log_at(fs.log, logging.INFO, "fileserver/fileserver.py:113", f"Downloaded file {path}",
                       func="download")
    # The watchdog's cycle: two training tasks whose EC2 Spot instances were reclaimed.
    with pid(9):
        a(watchdog, logging.INFO, "bll/task/non_responsive_tasks_watchdog.py:59", "Starting cleanup cycle for "
          "running tasks last updated before 2024-05-11 12:44:51.421337", func="cleanup_tasks")
        a(watchdog, logging.INFO, "bll/task/non_responsive_tasks_watchdog.py:68", "2 non-responsive tasks found",
          func="cleanup_tasks")
        for task, name, when in (("1f3c9a2e4b5d4c6e8f0a1b2c3d4e5f6a", "defect-detector train", "2024-05-11 "
                                  "10:31:07.118000"),
                                 ("9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d", "tokenizer sweep #14", "2024-05-11 "
                                  "11:02:44.905000")):
            a(watchdog, logging.INFO, "bll/task/non_responsive_tasks_watchdog.py:76", f"Stopping {task} ({name}), "
              f"last updated at {when}", func="cleanup_tasks")
        a(watchdog, logging.INFO, "bll/task/non_responsive_tasks_watchdog.py:49", "2 non-responsive tasks stopped",
          func="start")
    # The file server's cleanup after the tasks were deleted.
    with pid(8):
        base = "/mnt/fileserver/acme-ml/defect-detector.1f3c9a2e4b5d4c6e8f0a1b2c3d4e5f6a"
        for f in ("artifacts/confusion/confusion.png", "metrics/val/loss/val_loss_000011.png",
                  "metrics/val/loss/val_loss_000012.png"):
            log_at(fs.log, logging.INFO, "fileserver/fileserver.py:137", f"Deleted file {base}/{f}", func="delete")
        log_at(fs.log, logging.ERROR, "fileserver/fileserver.py:132", f"Error deleting file {base}/models/best.pt. "
               "Not found or not a file", func="delete")
        log_at(fs.log, logging.INFO, "fileserver/fileserver.py:193", "Deleted 14 files/folders", func="batch_delete")
        log_at(fs.log, logging.ERROR, "fileserver/fileserver.py:191", "2 files/folders cannot be deleted due to the "
               "[Errno 13] Permission denied", func="batch_delete")
        for n in range(8):
            log_at(fs.log, logging.INFO, "fileserver/fileserver.py:85", "Uploaded %d files" % (1 + n % 3),
                   func="upload")
            if n % 2:
                log_at(fs.log, logging.INFO, "fileserver/fileserver.py:113", f"Downloaded file acme-ml/"
                       f"defect-detector.4c3b2a1f0e9d4c8b7a6f5e4d3c2b1a0f/metrics/train/loss/loss_{n:06d}.png",
                       func="download")
        for n in range(8):
            log_at(fs.log, logging.INFO, "fileserver/fileserver.py:113", f"Downloaded file "
                   f"{uploads[2].rsplit('/', 1)[0]}/checkpoint_{n:03d}.bin", func="download")
    return {"name": "clearml", "programs": [api, fs], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Docker host on EC2 backing its compose project up to S3 with
# restic-compose-backup, watched by the restic exporter.

def stream_rcb_restic_exporter():
    stream = []
    rcb = Program("restic-compose-backup", "restic_compose_backup.cli", logging.Formatter(RCB), stream)
    runner = rcb.logger("restic_compose_backup.backup_runner")
    alerts = rcb.logger("restic_compose_backup.alerts.discord")
    ex = Program("restic-exporter", "root", logging.Formatter(RESTIC_EXPORTER, RESTIC_EXPORTER_DATEFMT), stream)
    repo = "s3:s3.us-east-1.amazonaws.com/acme-backups/acme-wiki"
    inner = logging.Formatter(RCB)

    def child(level, msg):
        """The backup process container's own line, as the parent reads it:
        restic-compose-backup's format, stamped when the child wrote it."""
        record = logging.LogRecord("restic_compose_backup.cli", level, "", 0, msg, (), None)
        record.created = realworld.CLOCK.t - 0.004
        record.msecs = int(record.created * 1000) % 1000
        return inner.format(record)

    def relay(lines):
        for level, msg in lines:
            line = child(level, msg) if level else msg
            for part in line.split("\n"):
                log_at(runner, logging.INFO, "restic_compose_backup/backup_runner.py:56", part.rstrip(), func="run")

    def scrapes(n):
        for _ in range(n):
            log_at(ex.log, logging.DEBUG, "exporter/exporter.py:106", "Incoming request", func="collect")

    log_at(ex.log, logging.INFO, "exporter/exporter.py:631", "Starting Restic Prometheus Exporter v%s", "2.1.2",
           func="main")
    log_at(ex.log, logging.INFO, "exporter/exporter.py:632", "It could take a while if the repository is remote",
           func="main")
    log_at(ex.log, logging.INFO, "exporter/exporter.py:682", "Serving at http://%s:%d", "0.0.0.0", 8001, func="main")
    log_at(ex.log, logging.INFO, "exporter/exporter.py:689", "Refreshing stats every %d seconds", 3600, func="main")
    scrapes(8)
    status = [
        (logging.INFO, "Status for compose project 'acme-wiki'"),
        (logging.INFO, f"Repository: '{repo}'"),
        (logging.INFO, "Backup currently running?: True"),
        (logging.INFO, "Include project name in backup path?: False"),
        (logging.INFO, "Checking docker availability"),
        (logging.INFO, "%s Detected Config %s" % ("-" * 25, "-" * 25)),
        (logging.INFO, "service: wiki"),
        (logging.INFO, " - volume: /var/lib/docker/volumes/acme-wiki_uploads/_data -> /volumes/wiki/var/www/data"),
        (logging.INFO, "service: wiki-db"),
        (logging.INFO, " - postgres (is_ready=True) -> /databases/wiki-db/wiki.sql"),
        (logging.INFO, "-" * 67),
    ]
    for run, ok in ((1, True), (2, False)):
        container_name = ("compassionate_mirzakhani", "elated_hopper")[run - 1]
        log_at(runner, logging.INFO, "restic_compose_backup/backup_runner.py:11", "Starting backup container",
               func="run")
        log_at(runner, logging.INFO, "restic_compose_backup/backup_runner.py:27", "Backup process container: %s",
               container_name, func="run")
        relay(status)
        relay([(logging.INFO, "Backing up volumes"), (logging.INFO, "Backing up databases"),
               (logging.INFO, "Backing up postgres in service wiki-db")])
        scrapes(2)
        if ok:
            relay([(logging.INFO, "Forget outdated snapshots"), (logging.INFO, "Prune stale data freeing storage "
                                                                               "space"),
                   (logging.INFO, "Checking the repository for errors")])
            # The exporter's refresh meets the backup's lock.
            log_at(ex.log, logging.WARNING, "exporter/exporter.py:503", "Error checking the repository health. %s",
                   "unable to create lock in backend: repository is already locked exclusively by PID 47 on "
                   f"{container_name} by root (UID 0, GID 0) lock was created at {now('%Y-%m-%d %H:%M:%S')} (412.3ms "
                   "ago) "
                   "storage ID 5a1b2c3d the `unlock` command can be used to remove stale locks  Exit code: 11",
                   func="get_check")
            relay([(logging.INFO, "Backup completed")])
            log_at(rcb.log, logging.INFO, "restic_compose_backup/cli.py:168", "Backup container exit code: %s", 0,
                   func="backup")
        else:
            # wiki-db is restarting for a minor version upgrade: pg_dump fails.
            relay([(None, 'pg_dump: error: connection to server at "wiki-db" (172.18.0.3), port 5432 failed: FATAL:  '
                          'the database system is shutting down'),
                   (logging.ERROR, "%s %s %s" % ("-" * 10, "stdout", "-" * 10)),
                   (logging.ERROR, "read 0 bytes from stdin, this is likely an error"),
                   (logging.ERROR, "snapshot 3c9d7e1a saved"),
                   (logging.ERROR, "-" * 28),
                   (logging.ERROR, "Backup command exited with non-zero code: 1"),
                   (logging.ERROR, "Exit code: True")])
            log_at(rcb.log, logging.INFO, "restic_compose_backup/cli.py:168", "Backup container exit code: %s", 1,
                   func="backup")
            log_at(alerts, logging.INFO, "restic_compose_backup/alerts/discord.py:32", "Triggering discord webhook",
                   func="send")
            log_at(alerts, logging.INFO, "restic_compose_backup/alerts/discord.py:48", "Discord webhook successful",
                   func="send")
        scrapes(3)
    # The next refresh: an expired S3 session token on the exporter's task role.
    stderr = ("Fatal: unable to open config file: Stat: The provided token has expired.\nIs there a repository at "
              "the following location?\n" + repo + "\n")

    def refresh():
        error(Exception, "Error executing restic snapshot command: " + stderr.replace("\n", " ") + " Exit code: 1")

    try:
        refresh()
    except Exception:
        log_at(ex.log, logging.ERROR, "exporter/exporter.py:283", "Unable to collect metrics from Restic. %s",
               traceback.format_exc(0).replace("\n", " "), func="refresh")
    scrapes(4)
    log_at(ex.log, logging.INFO, "exporter/exporter.py:689", "Refreshing stats every %d seconds", 3600, func="main")
    log_at(ex.log, logging.WARNING, "exporter/exporter.py:435", "Repository does not provide compression stats. It is "
           "recommended to upgrade to a Restic V2 repository for full metrics support.", func="get_stats")
    scrapes(6)
    # A stale backup process container from the failed run is cleaned up.
    log_at(rcb.log, logging.INFO, "restic_compose_backup/utils.py:57", "Attempting to delete stale backup process "
           "containers", func="remove_containers")
    log_at(rcb.log, logging.INFO, "restic_compose_backup/utils.py:59", " -> deleting %s", "elated_hopper",
           func="remove_containers")

    def remove():
        raised("docker.errors", "NotFound", '404 Client Error for http+docker://localhost/v1.44/containers/'
               'elated_hopper/json: Not Found ("No such container: elated_hopper")')

    try:
        remove()
    except Exception as e:
        log_at(rcb.log, logging.ERROR, "restic_compose_backup/utils.py:64", e, exc_info=True, func="remove_containers")
    log_at(ex.log, logging.INFO, "exporter/exporter.py:619", "Received signal %d, shutting down", 15,
           func="_handle_shutdown")
    log_at(ex.log, logging.INFO, "exporter/exporter.py:698", "Shutting down", func="main")
    return {"name": "rcb-restic-exporter", "programs": [rcb, ex], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_kas_bmaptool(), stream_nox_conan(), stream_faucet_gauge(), stream_librenms_napalm_logs(),
        stream_maubot_mautrix(), stream_pika_instana(), stream_connectors_eland(), stream_clearml(),
        stream_rcb_restic_exporter(),
    ])


if __name__ == "__main__":
    main()
