"""The thirty-first held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout29.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in the areas this batch was given (load and chaos testing, where
Yandex.Tank shoots a staging service on EC2 while Blockade's daemon
partitions and slows the service's containers; Kubernetes controllers and
config management, where hjacobs' kube-aws-autoscaler sizes a
self-managed cluster's Auto Scaling groups and a Kapitan compile Job
renders the cluster's manifests and AWS KMS refs; cloud inventory and DNS,
where Netflix's Security Monkey inventories AWS accounts and PowerDNS-Admin
manages the internal zones, on one tools host), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout31

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 6758332 (all of session 21's rules in, none
written from this set), with nothing configured: 95.5% exact, 95.5% key
fields (asctime 96.0%, levelname 95.7%, name 99.6%, message 95.5%).

Formatters and filters: all six programs use logging.Formatter itself
(Security Monkey through logging.config.dictConfig of its LOG_CFG,
PowerDNS-Admin, kube-aws-autoscaler and Kapitan through
logging.basicConfig); no filter changes what a record prints (Yandex.Tank's
SingleLevelFilter only splits the levels between stdout and stderr, both
with the same formatter). Yandex.Tank runs with -v, so its console prints
the verbose format: the logger's name, then "file:line" and a tab before
the message; its plugins log through AbstractPlugin's self.log, whose name
is "yandextank.common.interfaces" while the file is the plugin's
("plugin.py"); tankworker logs through the root logger ("root"). Blockade
prints neither a name nor a file; its chaos messages embed Python list
reprs. kube-aws-autoscaler prints "LEVEL: " after the time; its resource
table's messages pad columns with rjust(10), so runs of spaces sit inside
the message. Kapitan's verbose format pads the logger's name to twelve
("kapitan.targets" is longer and is not cut) and the level to eight; one
of its messages starts with a line break ("\\nUnknown (Non-Kapitan) error
occurred:\\n", logged with logger.exception) and one is a lone "\\n".
Security Monkey's format puts free text after the message:
" [in <pathname>:<lineno>]", after which a traceback follows when there is
one; its scheduler logs traceback.format_exc() as an ERROR record's
message (so the "[in ...]" text comes after the traceback's last line).
PowerDNS-Admin brackets the time and "file:line"; several of its DEBUG
messages hold pretty-printed JSON (utils.pretty_json, indented lines) and
its errors log traceback.format_exc() at DEBUG.

579 records in three streams (49 of them print lines).

Print lines: the shell's "+ ..." lines and Flask's startup lines;
Werkzeug's request lines for
Blockade's REST API (Werkzeug's own handler: the root has none); git's and
kubectl's lines in the Kapitan Job; Celery's worker banner and task lines
for Security Monkey (Celery's own format, not the program's), gunicorn's
lines and Alembic's "flask db upgrade" lines for PowerDNS-Admin.

What is modelled rather than read: the values in the messages (hosts, ASG
names, zones, accounts, targets, sizes, times), the order and number of
records, the exception texts and classes of third-party libraries, the
print lines (Celery's, gunicorn's, Alembic's, git's, Werkzeug's, Docker's),
and the install paths (Yandex.Tank's in /usr/local/lib/python3.10/
dist-packages, Kapitan's in /usr/local/lib/python3.11/site-packages;
Security Monkey's /usr/local/src/security_monkey is its Dockerfile's
WORKDIR, PowerDNS-Admin's /app its entrypoint's cd). Line numbers are
those of the files read at the commits cited, where a message was found;
Security Monkey's and PowerDNS-Admin's line numbers are the lines read.

Left out: Lyft's Confidant (no format of its own: its scripts add a bare
StreamHandler), kube-resource-report (logging.basicConfig()'s BASIC_FORMAT,
read at hjacobs/kube-resource-report 2f50d844 kube_resource_report/
main.py), molotov (no logging format found in tarekziade/molotov
487aa219), the AWS Instance Scheduler (no format string in
aws-solutions/instance-scheduler-on-aws 21ef9f59), PerfKitBenchmarker
(its stderr format "%(asctime)s <run_uri> %(threadName)s
%(pkb_label)s%(levelname)-8s %(message)s", read at
GoogleCloudPlatform/PerfKitBenchmarker 946ea317 perfkitbenchmarker/
log_util.py, glues a filter-set label to the level and holds the run's id
as literal text, and its PkbLogFilter rewrites duplicated records' msg:
kept for a later set), and krkn, cerberus, PowerfulSeal, kopf, certbot,
octodns, lexicon, locust, Taurus, chaostoolkit, Custodian, Prowler and the
other programs of these areas already in earlier sets. Kapitan's default
(non-verbose) format is "%(message)s" and Yandex.Tank's default console
format is "%(asctime)s [%(levelname)s] %(message)s" with "%H:%M:%S"
(kept for a later set).
"""

import json
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


# Yandex.Tank (yandex/yandex-tank, 85b7ad64), yandextank/core/cli.py
# init_logging's fmt_verbose (the root logger's console_handler on stdout
# for DEBUG and INFO, and stderr_hdl for the rest, both with it when -v is
# given; no datefmt).
TANK = "%(asctime)s [%(levelname)s] %(name)s %(filename)s:%(lineno)d\t%(message)s"
# Blockade (worstcase/blockade, 2e9cd567), blockade/cli.py _setup_logging
# (the "blockade" logger's StreamHandler when no --logconf is given).
BLOCKADE = "%(asctime)s %(levelname)s %(message)s"

TANK_SRC = "/usr/local/lib/python3.10/dist-packages/yandextank/"
BLOCKADE_SRC = "/usr/local/lib/python3.8/site-packages/blockade/"


# --------------------------------------------------------------------------
# A staging load test on EC2 (the host's Docker daemon ships both
# containers' output to one log stream through the awslogs driver):
# Yandex.Tank, run with -v, shoots the checkout service with Phantom and
# watches the service's hosts with its Telegraf plugin, while Blockade's
# daemon (`blockade --debug daemon`) runs chaos on the service's
# containers through its REST API. Docker's, the shell's and Werkzeug's
# lines are print lines.

CONTAINERS = ["checkout_1", "checkout_2", "checkout_3", "redis_1", "postgres_1"]
PLUGINS = ["core", "phantom", "autostop", "telegraf", "json_report", "rcheck", "shellexec"]


def stream_tank_blockade():
    stream = []
    tank = Program("yandex-tank", "yandextank.core.tankcore", logging.Formatter(TANK), stream)
    bl = Program("blockade", "blockade", logging.Formatter(BLOCKADE), stream)
    core = lg(tank, "yandextank.core.tankcore")
    root = lg(tank, "root")
    iface = lg(tank, "yandextank.common.interfaces")
    phantom = lg(tank, "yandextank.plugins.Phantom.plugin")
    putils = lg(tank, "yandextank.plugins.Phantom.utils")
    tele = lg(tank, "yandextank.plugins.Telegraf.client")
    crit = lg(tank, "yandextank.plugins.Autostop.criterions")
    chaos = lg(bl, "blockade.chaos")
    sm = lg(bl, "blockade.state_machine")
    host = lg(bl, "blockade.host")

    def t(log, level, path, line, msg, *args, exc=None):
        at(log, level, TANK_SRC + path, line, None, msg, *args, exc=exc)

    def b(log, level, path, line, msg, *args, exc=None):
        at(log, level, BLOCKADE_SRC + path, line, None, msg, *args, exc=exc)

    def werkzeug(method, path, code):
        printed(stream, '172.17.0.1 - - [%s] "%s %s HTTP/1.1" %s -' % (now("%d/%b/%Y %H:%M:%S"), method, path, code))

    printed(stream, "+ blockade --debug daemon --data-dir /var/lib/blockade --port 5000")
    printed(stream, " * Serving Flask app 'blockade.api.rest'")
    printed(stream, " * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)")
    werkzeug("POST", "/blockade/checkout", 204)
    for i, name in enumerate(CONTAINERS[:3]):
        b(host, logging.DEBUG, "host.py", 123, "creating host container image=%s cmd='%s' name=%s",
          "vimagick/iptables:latest", "sleep 300", "blockade-host-%05d" % (30211 + i))
        b(host, logging.DEBUG, "host.py", 68, "Running host command '%s'",
          "iptables -t filter -N blockade-checkout-p%d" % (i + 1))
    printed(stream, "+ yandex-tank -v -c /var/loadtest/load.yaml /var/loadtest/ammo.txt")
    t(root, logging.INFO, "core/tankworker.py", 119, "Created a folder for the test. %s",
      "/var/loadtest/logs/2024-05-11_14-44-44.512804")
    t(root, logging.INFO, "core/tankworker.py", 229, "Log file created")
    t(core, logging.INFO, "core/tankcore.py", 161, "New test id %s" % "2024-05-11_14-44-44.512804")
    t(core, logging.INFO, "core/tankcore.py", 214, "Loading plugins...")
    for p in PLUGINS[1:]:
        cls = {"phantom": "Phantom", "autostop": "Autostop", "telegraf": "Telegraf", "json_report": "JsonReport",
               "rcheck": "ResourceCheck", "shellexec": "ShellExec"}[p]
        t(core, logging.DEBUG, "core/tankcore.py", 217, "Loading plugin %s from %s", p, "yandextank.plugins." + cls)
    t(core, logging.DEBUG, "core/tankcore.py", 248, "Plugin instances: %s",
      {p: "<yandextank.plugins.%s.plugin.Plugin object at 0x7f3a1c%06x>" % (p.capitalize(), 0x5e2d90 + 48 * i)
       for i, p in enumerate(PLUGINS[1:])})
    t(core, logging.INFO, "core/tankcore.py", 274, "Configuring plugins...")
    for p in PLUGINS[1:]:
        t(core, logging.DEBUG, "core/tankcore.py", 281, "Configuring %s",
          "<yandextank.plugins.%s.plugin.Plugin object at 0x7f3a1c5e2d90>" % p.capitalize())
    t(core, logging.INFO, "core/tankcore.py", 291, "Preparing test...")
    t(putils, logging.INFO, "plugins/Phantom/utils.py", 283, "Resolved %s into %s:%s",
      "checkout.staging.internal:443", "10.20.3.41", 443)
    t(putils, logging.DEBUG, "plugins/Phantom/utils.py", 140, "Generating phantom config: %s",
      "/var/loadtest/logs/2024-05-11_14-44-44.512804/phantom_5r0jm2ps.conf")
    t(putils, logging.DEBUG, "plugins/Phantom/utils.py", 170, "Steps: %s",
      [(rps, 60) for rps in range(100, 1100, 100)])
    t(iface, logging.DEBUG, "plugins/Autostop/plugin.py", 81, "Criterion string: %s", "time(1s,10s)")
    t(iface, logging.DEBUG, "plugins/Autostop/plugin.py", 81, "Criterion string: %s", "http(5xx,10%,3s)")
    t(iface, logging.DEBUG, "plugins/Autostop/plugin.py", 81, "Criterion string: %s", "net(xx,5,5s)")
    for hostn in ("10.20.3.41", "10.20.3.42"):
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 196, "Trying to establish SSH connection with %s", hostn)
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 203, "Installing monitoring agent at %s@%s...",
          "ec2-user", hostn)
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 207, "Creating temp dir on %s", hostn)
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 227, "Remote dir at %s:%s", hostn, "/tmp/tmpx7k2v1a0")
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 247, "Found telegraf client on %s..", hostn)
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 279, "Starting agent: %s", hostn)
    t(core, logging.INFO, "core/tankcore.py", 301, "Starting test...")
    for i, p in enumerate(PLUGINS):
        t(core, logging.DEBUG, "core/tankcore.py", 305, "Starting %s",
          "<yandextank.plugins.%s.plugin.Plugin object at 0x7f3a1c5e2d90>" % p.capitalize())
        t(core, logging.INFO, "core/tankcore.py", 308,
          "Plugin {0:s} required {1:f} seconds to start".format(p, 0.000021 + 0.013 * (i % 3)))
    t(core, logging.INFO, "core/tankcore.py", 318, "Waiting for test to finish...")
    t(core, logging.INFO, "core/tankcore.py", 319,
      "Artifacts dir: {dir}".format(dir="/var/loadtest/logs/2024-05-11_14-44-44.512804"))
    processed = 0
    events = {2: ("partition", 0), 5: ("slow", 1), 8: ("flaky", 2)}
    for second in range(10):
        for p in ("phantom", "autostop", "telegraf"):
            t(core, logging.DEBUG, "core/tankcore.py", 330, "Polling %s",
              "<yandextank.plugins.%s.plugin.Plugin object at 0x7f3a1c5e2d90>" % p.capitalize())
        t(core, logging.DEBUG, "core/tankcore.py", 346, "Polling took %s", round(0.0041 + second * 0.0003, 6))
        rps = 100 * (second // 1 + 1) if second < 10 else 1000
        processed += rps
        t(phantom, logging.DEBUG, "plugins/Phantom/plugin.py", 193, "Processed ammo count: %s/", processed)
        t(crit, logging.DEBUG, "plugins/Autostop/criterions.py", 325, "Autostop quantiles for ts %s: %s",
          1715438700 + second, {25: 11.2 + second, 50: 18.0 + second, 75: 31.5 + 2 * second, 90: 57.3 + 3 * second,
                                 95: 88.1 + 5 * second, 98: 140.2 + 7 * second, 99: 201.9 + 9 * second, 100: 812.0})
        if second in events:
            kind, n = events[second]
            werkzeug("POST", "/blockade/checkout/chaos", 204)
            b(sm, logging.DEBUG, "state_machine.py", 53,
              "Attempting to move from %(current_state)s to %(new_state)s because of event %(event)s" %
              {"event": "START", "current_state": "NEW", "new_state": "HEALTHY"})
            b(sm, logging.DEBUG, "state_machine.py", 60, "Calling state transition function %(func_name)s" %
              {"func_name": "_sm_start"})
            b(chaos, logging.INFO, "chaos.py", 298, "Starting chaos for blockade %s" % "checkout")
            targets = [CONTAINERS[n]]
            if kind == "partition":
                b(chaos, logging.INFO, "chaos.py", 44, "Putting %s in their own partitions: %s"
                  % (str(targets), str([[c] for c in targets])))
            elif kind == "slow":
                b(chaos, logging.INFO, "chaos.py", 51, "Chaos making the network slow for %s" % str(targets))
            else:
                b(chaos, logging.INFO, "chaos.py", 29, "Chaos making the network drop packets for %s" % str(targets))
            b(host, logging.DEBUG, "host.py", 68, "Running host command '%s'",
              "tc qdisc replace dev veth%07x root netem delay 75ms 100ms distribution normal" % (0x3a91f2 + n))
        if second in (4, 7):
            b(chaos, logging.INFO, "chaos.py", 318, "Ending the degradation for blockade %s" % "checkout")
            b(host, logging.DEBUG, "host.py", 68, "Running host command '%s'", "tc qdisc del dev veth3a91f2 root")
        if second == 9:
            # The timer fires while the state machine is busy: a host command fails.
            def run_cmd():
                def exec_start():
                    raised("docker.errors", "APIError",
                           "409 Client Error for http+docker://localhost/v1.41/exec/7d1c2b/start: Conflict "
                           "(\"container 4f1e0a9c2b7d is not running\")")
                exec_start()
            try:
                run_cmd()
            except Exception:
                b(sm, logging.ERROR, "state_machine.py", 69,
                  "Received an exception, going directly to state %s " % "FAILED_WHILE_IN_PAIN", exc=True)
    t(iface, logging.WARNING, "plugins/Autostop/plugin.py", 137,
      "Autostop criterion requested test stop on %d rps: %s", 900, "http(5xx,10%,3s)")
    t(iface, logging.WARNING, "plugins/Autostop/plugin.py", 102, "Autostop criterion requested test stop: %s",
      "%(code)s codes count higher than %(level)s for %(seconds_count)ss"
      % {"code": "5xx", "level": "10.0%", "seconds_count": 3})
    t(core, logging.INFO, "core/tankcore.py", 355, "Finishing test with received RC: %s", 22)
    t(core, logging.INFO, "core/tankcore.py", 359, "Stopping load generator and aggregator")
    t(phantom, logging.INFO, "plugins/Phantom/plugin.py", 171, "Terminating phantom process with PID %s", 212)
    t(core, logging.INFO, "core/tankcore.py", 361, "RC after generator plugin and aggregator finish: %s", 22)
    t(core, logging.INFO, "core/tankcore.py", 364, "Stopping monitoring plugin %s",
      "<yandextank.plugins.Telegraf.plugin.Plugin object at 0x7f3a1c5e2f10>")
    for hostn in ("10.20.3.41", "10.20.3.42"):
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 306, "Daemon reader stopped")
        t(tele, logging.INFO, "plugins/Telegraf/client.py", 151, "Removing agent from: %s" % hostn)
    t(core, logging.INFO, "core/tankcore.py", 366, "RC after monitoring plugin finish: %s", 22)
    for p in ("autostop", "json_report", "rcheck", "shellexec"):
        t(core, logging.INFO, "core/tankcore.py", 373, "Stopping %s plugin", p)
        if p == "json_report":
            def end_test():
                def flush():
                    raise OSError(28, "No space left on device")
                flush()
            try:
                end_test()
            except Exception:
                t(core, logging.ERROR, "core/tankcore.py", 377, "Failed stopping plugin %s", p, exc=True)
        t(core, logging.INFO, "core/tankcore.py", 380, "RC after %s plugin finish: %s", p, 22)
    t(core, logging.INFO, "core/tankcore.py", 388, "Post-processing test with received RC: %s", 22)
    for p in PLUGINS:
        t(core, logging.INFO, "core/tankcore.py", 392, "Post-process %s plugin", p)
        t(core, logging.INFO, "core/tankcore.py", 401, "RC after %s plugin post-processing: %s", p, 22)
    t(phantom, logging.WARNING, "plugins/Phantom/plugin.py", 186, "Planned ammo count %s differs from processed %s",
      66000, processed)
    t(core, logging.INFO, "core/tankcore.py", 433, "Artifacts dir: %s. Collecting artifacts",
      "/var/loadtest/logs/2024-05-11_14-44-44.512804")
    for f in ("phout_x3k1m2qa.log", "phantom_stat_9c2e1w.log", "monitoring.data", "load.yaml"):
        t(core, logging.INFO, "core/tankcore.py", 490, "Collecting file: %s to %s", "/tmp/" + f,
          "/var/loadtest/logs/2024-05-11_14-44-44.512804/" + f)
    t(core, logging.INFO, "core/tankcore.py", 548, "Close allocated resources...")
    t(core, logging.INFO, "core/tankcore.py", 653, "Releasing lock: %s", "/var/lock/lunapark_2024-05-11_14-44-44.lock")
    printed(stream, "+ curl -s -X DELETE http://localhost:5000/blockade/checkout")
    werkzeug("DELETE", "/blockade/checkout", 204)
    b(chaos, logging.INFO, "chaos.py", 330, "Stopping chaos for blockade %s" % "checkout")
    for i in range(3):
        b(host, logging.DEBUG, "host.py", 148, "Cleaning up host container %s", "%012x" % (0x4f1e0a9c2b7d + i * 7919))
    b(host, logging.DEBUG, "host.py", 102, "Closing host exec system")
    return {"name": "tank-blockade", "programs": [tank, bl], "records": stream, "auto": False}


# kube-aws-autoscaler (hjacobs/kube-aws-autoscaler, 60b300a2),
# kube_aws_autoscaler/main.py main()'s logging.basicConfig (the
# "autoscaler" logger's records reach the root's handler; no datefmt).
AUTOSCALER = "%(asctime)s %(levelname)s: %(message)s"
# Kapitan (kapicorp/kapitan, 272577be), kapitan/__init__.py setup_logging's
# DEBUG format (logging.basicConfig when "-v" or "--verbose" is in argv).
KAPITAN = "%(asctime)s %(name)-12s %(levelname)-8s %(message)s"

KAPITAN_SRC = "/usr/local/lib/python3.11/site-packages/kapitan/"
ASGS = [("nodes-general-eu-central-1a", "eu-central-1a"), ("nodes-general-eu-central-1b", "eu-central-1b"),
        ("nodes-general-eu-central-1c", "eu-central-1c")]
TARGETS = ["ingress-nginx", "external-dns", "cert-manager", "monitoring", "logging", "checkout", "payments",
           "search"]


# --------------------------------------------------------------------------
# A self-managed Kubernetes cluster on EC2 (Fluent Bit ships kube-system's
# and the platform namespace's container logs to one log group):
# kube-aws-autoscaler sizes the nodes' Auto Scaling groups every minute,
# and a Kapitan compile Job (kapitan compile --verbose) renders the
# cluster's manifests, its AWS KMS refs revealed. The Job's shell, git and
# kubectl lines are print lines.

def stream_autoscaler_kapitan():
    stream = []
    asg = Program("kube-aws-autoscaler", "autoscaler", logging.Formatter(AUTOSCALER), stream)
    kap = Program("kapitan", "kapitan.targets", logging.Formatter(KAPITAN), stream)
    a = lg(asg, "autoscaler")
    targets = lg(kap, "kapitan.targets")
    res = lg(kap, "kapitan.resources")
    refs = lg(kap, "kapitan.refs.base")
    cli = lg(kap, "kapitan.cli")
    jinja = lg(kap, "kapitan.inputs.jinja2")

    def k(log, level, path, line, msg, *args, exc=None):
        at(log, level, KAPITAN_SRC + path, line, None, msg, *args, exc=exc)

    def table(name, zone, cpu, mem, pods, nodes, required):
        a.info("{}/{}:                {}".format(name, zone, " ".join([r.rjust(10).upper() for r in ("cpu", "memory", "pods")])))
        for label, c, m, p in (("requested:     ", cpu, mem, pods), ("with buffer:   ", cpu * 1.1 + 0.2, mem * 1.1 + 200, pods * 1.1 + 10),
                               ("weakest node:  ", 3.9, 15025, 58), ("overprovision: ", 3.9 * nodes - cpu, 15025 * nodes - mem, 58 * nodes - pods)):
            a.info("{}/{}: {}{}".format(name, zone, label, " ".join(
                ["{:.1f}".format(c).rjust(10), "{:.0f}Mi".format(m).rjust(10), "{:.0f}".format(p).rjust(10)])))
        a.info("{}/{}: => {} nodes required (current: {})".format(name, zone, required, nodes))

    for loop in range(4):
        for i, (name, zone) in enumerate(ASGS):
            nodes = 4 + (i + loop) % 2
            cpu = 9.3 + 1.7 * i + 0.9 * loop
            table(name, zone, cpu, 30120 + 2311 * i + 907 * loop, 71 + 9 * i + 3 * loop, nodes, nodes + (loop == 2 and i == 1))
            if loop == 3 and i == 0:
                a.info("Node {} is marked as unschedulable, compensating.".format("ip-10-20-41-17.eu-central-1.compute.internal"))
        if loop == 2:
            a.info("Changing desired capacity for ASG {} from {} to {}..".format(ASGS[1][0], 5, 6))
        if loop == 3:
            a.info("Slowing down downscale: changing desired size of ASG {} (current size is {}) from {} to {}".format(
                ASGS[0][0], 5, 4, 4))
            a.info("Scaling activity in progress for ASG {}, not scaling down from {} to {}".format(ASGS[0][0], 5, 4))
        if loop == 3:
            def autoscale():
                def describe():
                    raised("botocore.exceptions", "ClientError",
                           "An error occurred (Throttling) when calling the DescribeAutoScalingGroups operation "
                           "(reached max retries: 4): Rate exceeded")
                describe()
            try:
                autoscale()
            except Exception:
                a.exception("Failed to autoscale")
        if loop == 1:
            printed(stream, "+ git clone --depth 1 https://git.internal.example.com/platform/cluster-config.git /src")
            printed(stream, "Cloning into '/src'...")
            printed(stream, "+ cd /src && kapitan compile --verbose --fetch")
            k(cli, logging.DEBUG, "cli.py", 711, "Running with args: %s",
              "Namespace(name='compile', verbose=True, fetch=True, force_fetch=False, targets=[], labels=[], "
              "parallelism=None, output_path='.', inventory_path='./inventory', cache=False)")
            k(res, logging.DEBUG, "resources.py", 412, "Using %s as inventory backend" % "ReclassInventory")
            k(res, logging.DEBUG, "resources.py", 323, "Using inventory found at %s" % "/src/inventory")
            k(targets, logging.INFO, "targets.py", 102,
              "Rendered inventory (%.2fs): discovered " + str(len(TARGETS)) + " targets.", 1.84)
            k(targets, logging.INFO, "targets.py", 127,
              "Compiling %d/%d targets using %d concurrent processes: (%d CPU available)" % (
                  len(TARGETS), len(TARGETS), 2, 2))
            k(targets, logging.INFO, "targets.py", 193, "Fetched dependencies (%.2fs)", 3.07)
            for n, tgt in enumerate(TARGETS):
                with pid(41 + n % 2):
                    for comp in ("templates/deployment.yaml.j2", "templates/configmap.yaml.j2"):
                        k(res, logging.DEBUG, "resources.py", 128, "jinja2_render_file trying file %s",
                          "/src/components/%s/%s" % (tgt, comp))
                        k(res, logging.DEBUG, "resources.py", 130, "jinja2_render_file found file at %s",
                          "/src/components/%s/%s" % (tgt, comp))
                    if n % 3 == 0:
                        k(refs, logging.DEBUG, "refs/base.py", 246, "Revealer: revealing yml file: %s",
                          "/tmp/tmpq1z0k3jd.kapitan/compiled/%s/manifests/secrets.yml" % tgt)
                    if tgt == "payments":
                        def compile_target():
                            def reveal():
                                raised("kapitan.errors", "RefError",
                                       "RefError: could not reveal ref ?{awskms:payments/db_password}: "
                                       "An error occurred (AccessDeniedException) when calling the Decrypt operation")
                            reveal()
                        try:
                            compile_target()
                        except Exception:
                            k(targets, logging.ERROR, "targets.py", 268, "\n")
                            k(targets, logging.ERROR, "targets.py", 270, sys.exc_info()[1], exc=True)
                        continue
                    k(targets, logging.INFO, "targets.py", 406, "Compiled %s (%.2fs)", tgt, 0.41 + 0.17 * n)
            try:
                raised("kapitan.errors", "CompileError", "Error compiling targets: RefError: could not reveal ref "
                       "?{awskms:payments/db_password}")
            except Exception:
                k(cli, logging.DEBUG, "cli.py", 96, "Compile failed: %s", sys.exc_info()[1], exc=True)
            k(targets, logging.DEBUG, "targets.py", 277, "Removed %s", "/tmp/tmpq1z0k3jd.kapitan")
            printed(stream, "+ kubectl apply --server-side -R -f compiled/")
            for tgt in TARGETS[:5]:
                printed(stream, "deployment.apps/%s serverside-applied" % tgt)
            printed(stream, "configmap/%s-config serverside-applied" % TARGETS[5])
    return {"name": "autoscaler-kapitan", "programs": [asg, kap], "records": stream, "auto": False}


# Security Monkey (Netflix/security_monkey, 5d22a105), env-config/
# config-docker.py LOG_CFG's "standard" formatter (dictConfig; the
# "security_monkey" and "apscheduler" loggers' console handler on stdout).
SECURITY_MONKEY = "%(asctime)s %(levelname)s: %(message)s [in %(pathname)s:%(lineno)d]"
# PowerDNS-Admin (PowerDNS-Admin/PowerDNS-Admin, 742dd103),
# powerdnsadmin/__init__.py create_app's logging.basicConfig (the root's
# handler, which the app's logger "powerdnsadmin" propagates to; level from
# PDNS_ADMIN_LOG_LEVEL, here DEBUG).
PDNS_ADMIN = "[%(asctime)s] [%(filename)s:%(lineno)d] %(levelname)s - %(message)s"

SM_SRC = "/usr/local/src/security_monkey/security_monkey/"
PDA_SRC = "/app/powerdnsadmin/"
ACCOUNTS = ["prod", "staging", "shared-services", "security"]
TECHS = ["s3", "iamrole", "securitygroup", "elb", "kms"]
ZONES = ["internal.example.com", "prod.internal.example.com", "staging.internal.example.com",
         "10.in-addr.arpa", "svc.example.com"]


# --------------------------------------------------------------------------
# An internal tools host on EC2 (docker compose, the awslogs driver, one
# stream): Security Monkey's Celery scheduler and workers inventory four
# AWS accounts, and PowerDNS-Admin (gunicorn) keeps the internal zones in
# sync with the PowerDNS server. Celery's, gunicorn's and Alembic's lines
# are print lines.

def celery_now():
    """Celery's "%Y-%m-%d %H:%M:%S,mmm" time, from the clock."""
    return "%s,%03d" % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t % 1 * 1000) % 1000)


def stream_secmonkey_pdnsadmin():
    stream = []
    sm = Program("security_monkey", "security_monkey", logging.Formatter(SECURITY_MONKEY), stream)
    pda = Program("powerdns-admin", "powerdnsadmin", logging.Formatter(PDNS_ADMIN), stream)
    s = lg(sm, "security_monkey")
    p = lg(pda, "powerdnsadmin")

    def m(level, path, line, msg, *args, exc=None):
        at(s, level, SM_SRC + path, line, None, msg, *args, exc=exc)

    def d(level, path, line, msg, *args, exc=None):
        at(p, level, PDA_SRC + path, line, None, msg, *args, exc=exc)

    printed(stream, "INFO  [alembic.runtime.migration] Context impl MySQLImpl.")
    printed(stream, "INFO  [alembic.runtime.migration] Will assume non-transactional DDL.")
    printed(stream, "[%s +0000] [1] [INFO] Starting gunicorn 20.1.0" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s +0000] [1] [INFO] Listening at: http://0.0.0.0:80 (1)" % now("%Y-%m-%d %H:%M:%S"))
    printed(stream, "[%s +0000] [1] [INFO] Using worker: sync" % now("%Y-%m-%d %H:%M:%S"))
    for w in range(4):
        printed(stream, "[%s +0000] [%d] [INFO] Booting worker with pid: %d" % (now("%Y-%m-%d %H:%M:%S"), 9 + w, 9 + w))
    printed(stream, "[%s: INFO/MainProcess] Connected to redis://redis:6379/0" % celery_now())
    printed(stream, "[%s: INFO/MainProcess] celery@secmonkey-worker ready." % celery_now())
    m(logging.DEBUG, "task_scheduler/beat.py", 22, "Purging the Celery tasks awaiting to execute")
    m(logging.DEBUG, "task_scheduler/beat.py", 24, "Completed the Celery purge.")
    for acct in ACCOUNTS:
        m(logging.INFO, "task_scheduler/beat.py", 60, "[ ] Scheduling tasks for {type} account: {name}".format(
            type="AWS", name=acct))
        for tech in TECHS[:3]:
            m(logging.DEBUG, "task_scheduler/beat.py", 68, "[{}] Scheduling for technology: {}".format("AWS", tech))
            m(logging.DEBUG, "task_scheduler/beat.py", 73, "[-->] Scheduled immediate task")
            m(logging.DEBUG, "task_scheduler/beat.py", 91, "[+] Scheduled task to occur every {} minutes".format(
                {"s3": 15, "iamrole": 60, "securitygroup": 15}[tech]))
        m(logging.DEBUG, "task_scheduler/beat.py", 105, "[+] Completed scheduling tasks for account: {}".format(acct))
    m(logging.INFO, "task_scheduler/beat.py", 108, "Scheduling task to clear out old exceptions.")
    for round_ in range(3):
        tasks = TECHS[:2] if round_ != 1 else TECHS[1:3]
        d(logging.INFO, "models/domain.py", 136, "Found {} zones in PowerDNS-Admin".format(len(ZONES) - (round_ == 0)))
        d(logging.INFO, "models/domain.py", 147, "Found {} zones in PowerDNS server".format(len(ZONES)))
        for z in ZONES:
            d(logging.INFO, "models/domain.py", 224, "Updated PDNS-Admin zone {0}".format(z))
        d(logging.INFO, "models/domain.py", 189, "Update zone finished")
        for j, acct in enumerate(ACCOUNTS[:3]):
            for tech in tasks:
                printed(stream, "[%s: INFO/MainProcess] Task security_monkey.task_scheduler.tasks.task_account_tech"
                                "[%08x-1c2d-4e5f-8a9b-%012x] received" % (celery_now(),
                                                                          0x3f2a11c0 + 16 * j + TECHS.index(tech), 0x5d4c3b2a1900 + round_))
                m(logging.INFO, "task_scheduler/tasks.py", 35,
                  "[ ] Executing Celery task for account: {}, technology: {}".format(acct, tech))
                m(logging.INFO, "task_scheduler/tasks.py", 223,
                  "[-->] Looking for changes in account: {}, technology: {}".format(acct, tech))
                m(logging.DEBUG, "task_scheduler/tasks.py", 309, "[-->] Fetching a batch of {batch} items for "
                  "{technology}/{account}.".format(batch=200, technology=tech, account=acct))
                if tech == "securitygroup" and acct == "staging" and round_ == 1:
                    def reporter_logic():
                        def slurp():
                            raised("botocore.exceptions", "ClientError",
                                   "An error occurred (UnauthorizedOperation) when calling the DescribeSecurityGroups "
                                   "operation: You are not authorized to perform this operation.")
                        slurp()
                    try:
                        reporter_logic()
                    except Exception as e:
                        m(logging.ERROR, "task_scheduler/tasks.py", 56,
                          "[X] Task Account Scheduler Exception ({}/{}): {}".format(acct, tech, e))
                        m(logging.ERROR, "task_scheduler/tasks.py", 57, traceback.format_exc())
                    continue
                item = "%s-%s-%d" % (acct, tech, round_)
                m(logging.DEBUG, "datastore_utils.py", 137, "Item: {tech}/{account}/{region}/{item} in DB has NO "
                  "CHANGE.".format(tech=tech, account=acct, region="eu-central-1", item=item))
                if (j + round_) % 3 == 0:
                    m(logging.DEBUG, "datastore_utils.py", 54, "Persisting DURABLE change to item: "
                      "{technology}/{account}/{item}".format(technology=tech, account=acct, item=item))
                m(logging.DEBUG, "task_scheduler/tasks.py", 265,
                  "[-->] Auditing account: {}, technology: {}".format(acct, tech))
                m(logging.INFO, "task_scheduler/tasks.py", 49, "[@] Run Account for Technology (%s/%s) took %0.1f s"
                  % (acct, tech, 2.3 + 1.1 * j + 0.4 * round_))
                m(logging.INFO, "task_scheduler/tasks.py", 51,
                  "[+] Completed Celery task for account: {}, technology: {}".format(acct, tech))
        if round_ == 1:
            d(logging.DEBUG, "routes/api.py", 219, "Request to create zone {}".format("batch.internal.example.com"))
            rrset = {"rrsets": [{"name": "batch.internal.example.com.", "type": "SOA", "ttl": 3600,
                                 "changetype": "REPLACE", "records": [{"content": "ns1.internal.example.com. "
                                 "hostmaster.example.com. 2024051101 10800 3600 604800 3600", "disabled": False}]}]}
            d(logging.DEBUG, "models/record.py", 291, "new_rrsets: \n{}".format(json.dumps(rrset, indent=4)))
            d(logging.DEBUG, "models/record.py", 292, "del_rrsets: \n{}".format(json.dumps({"rrsets": []}, indent=4)))
            d(logging.INFO, "models/domain.py", 281,
              "Added zone successfully to PowerDNS: {0}".format("batch.internal.example.com"))
            d(logging.DEBUG, "routes/api.py", 233, "Request to powerdns API successful")
        if round_ == 2:
            try:
                raised("requests.exceptions", "ConnectionError",
                       "HTTPConnectionPool(host='pdns', port=8081): Max retries exceeded with url: "
                       "/api/v1/servers/localhost/zones (Caused by NewConnectionError('Failed to establish a new "
                       "connection: [Errno 111] Connection refused'))")
            except Exception as e:
                d(logging.ERROR, "models/domain.py", 287, "Cannot add zone {0} {1}".format("ci.internal.example.com", e))
                d(logging.DEBUG, "models/domain.py", 289, traceback.format_exc())
    m(logging.INFO, "task_scheduler/tasks.py", 92, "[ ] Clearing out exceptions that have an expired TTL...")
    m(logging.INFO, "task_scheduler/tasks.py", 94, "[-] Completed clearing out exceptions that have an expired TTL.")
    m(logging.INFO, "task_scheduler/tasks.py", 121, "[@] No orphaned items have been found. (This is good)")
    try:
        raised("sqlalchemy.exc", "OperationalError", "(psycopg2.OperationalError) server closed the connection "
               "unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing "
               "the request.")
    except Exception:
        m(logging.ERROR, "task_scheduler/tasks.py", 183, "[X] Database error processing cleaning up session.", exc=True)
    return {"name": "secmonkey-pdnsadmin", "programs": [sm, pda], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_tank_blockade(), stream_autoscaler_kapitan(), stream_secmonkey_pdnsadmin()])


if __name__ == "__main__":
    main()
