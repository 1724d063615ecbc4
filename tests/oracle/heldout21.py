"""The twenty-first held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout20.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in three areas (observability agents and log shippers, where the
NGINX Amplify Agent monitors an nginx edge host on EC2 and Beaver ships its
logs to Kinesis; Kubernetes controllers, where Emissary-ingress' diagd and
the kubernetes-ec2-autoscaler run in a self-managed cluster's kube-system;
database and storage administration, where the MySQL Operator for
Kubernetes backs an InnoDB cluster up to S3 and ceph-iscsi's rbd-target-api
serves a Ceph cluster's RBD images to VMware over iSCSI), each format
copied from the file named beside it (the version read is given), with
the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout21

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at d6ce94b (session 19's rules from heldout10 to
heldout20 in), before any rule saw it: 1818 records (114 joined under a
burst), 71.7% exact, 71.7% with the key fields right (asctime 97.7%,
levelname 84.9%, name 97.7%, message 71.7%, exc_info 100.0%).

Formatters and filters: all six programs use logging.Formatter itself (the
Amplify Agent through logging.config.fileConfig, Emissary, the MySQL
Operator and, for the werkzeug records, ceph-iscsi through the root or a
shared handler); no filter changes what a record prints. 483 records in
three streams (96 of them print lines). The Amplify Agent's file format has neither a level nor a
logger's name: the pid in brackets, then the thread's name, then the
message; the names are the ones the agent gives its threads
(current_thread().name = a collector's short_name, a manager's name,
"supervisor"), pinned through heldout17's ThreadName filter, and the pids
are pinned per process (the configtest run, the old daemon, the new one).
Its HTTP client logs "[<X-Amplify-ID>] post <url> <code> ..." for every
cloud call, "[None]" when the call failed; one message ends with a
pprint.pformat'd dict (lines indented by pprint). Its record class adds an
`action_id`, printed only by its debug handler's format, not shipped here.
Beaver runs on Python 2.7 (its source is Python 2: "except Exception, e"),
so its traceback ends with the bare class name ("TransportException: ..."),
as Python 2 writes it, and the Kinesis result it logs is a dict of u''
strings; its time is bracketed and its level padded to seven, and its
tailer's messages begin with "[<path>] - ". Emissary's diagd format holds
a literal "diagd 3.9.1" (the version, put in by "%" when the format is
built) and glues the pid to the thread's name ("[P24TAEW]",
"[P24TThreadPoolExecutor-0_2]"); its gunicorn master (P15) logs the boot,
the worker (P24) everything after; its request records start with an
upper-case UUID; a failed reconfiguration is logged twice, "could not
reconfigure: %s" and then logger.exception(e), whose message is the
exception's text, with its traceback. The autoscaler's datefmt ends with
%z ("+0000"); its messages carry sorted JSON (node labels, ASG selectors)
and Enum reprs ("ClusterNodeState.BUSY"), and its "node: %-*s" pads to 75
columns, which the node's text always exceeds. The MySQL Operator puts the
level and the logger's name in brackets after " - " ("[INFO] [backup]"),
with a "T" date and no milliseconds; one message is json.dumps(indent=4) of
the MySQLBackup object, others Python dict reprs. ceph-iscsi right-aligns
the level to eight ("    INFO") and puts "[file:line:function()] - "
before the message; rbd-target-api is installed without its ".py"
(setup.py's StripExtension), so its filename is "rbd-target-api", the
library's are ceph_iscsi_config's modules; the line numbers and function
names are read from the files at tag 3.9. Werkzeug's request records go
through the same handler ("_internal.py:97:_log()": the line of Werkzeug
3.1.9, the copy installed here, not the distribution's). Its Flask error
handler logs "Unhandled Exception" with logger.exception.

Print lines: /var/log/syslog's lines on the nginx host (systemd's unit
lines, the Amplify init script's configtest output with its ANSI codes as
rsyslog escapes them, "#033[32m"); the Emissary entrypoint's Go lines
(logrus' TextFormatter with the format pkg/busy/busy.go sets, its CMD and
PID fields) and Envoy's, and the traceback the autoscaler's interpreter
prints when its loop dies (the pod then restarts); the MySQL backup
container's print() and the `ls -la /` and `ls -l /.oci` it runs, MySQL
Shell's dump_instance output, the traceback traceback.print_exc() writes
when a backup fails, and the init container's "Copying ..." lines.

What is modelled rather than read: the values in the messages (hosts,
pods, ids, sizes, times), the Kinesis result and boto's, requests' and
rados' error texts, the mysqlsh.Error text and class, the cluster status
dict's fields, the Emissary listener error's text, the order and number of
records; the print lines (the `ls` listing, MySQL Shell's output, Envoy's
lines and their source locations, the logrus lines' file paths) are
modelled from memory of those programs, not read in their source.

Left out: Aiven's journalpump (its stdout format
"%(asctime)s\\t%(name)s\\t%(levelname)s\\t%(message)s" is set only on a
TTY; otherwise it logs to the journal as
"%(name)-20s  %(levelname)-8s  %(message)s", read at Aiven-Open/journalpump
655f40ed journalpump/daemon.py, kept for a later set), OpenTSDB's
tcollector ("%(asctime)s %(name)s[%(process)d] %(levelname)s:
%(message)s", Arvados' in `heldout17.py`), krkn and cerberus
("%(asctime)s [%(levelname)s] %(message)s", covered; krkn's console is
colorlog's), eks-rolling-update ("%(asctime)s %(levelname)-8s
%(message)s"), kubernetes-log-watcher ("%(asctime)s %(levelname)s
%(message)s") and PowerfulSeal ("%(asctime)s %(levelname)s %(name)s
%(message)s"), all covered; kube-ops-view (logging.basicConfig()'s
BASIC_FORMAT), sentry-kubernetes (no format of its own), k8s-snapshots and
Benji (structlog), spreaker's pgbouncer exporter and the Elastic
Serverless Forwarder (JSON, through python-json-logger and ecs-logging);
the MySQL Operator's operator and sidecar (kopf.configure() installs
kopf's handler on the root first, so their basicConfig does nothing and
they print kopf's format), Emissary's kubewatch.py
("%(asctime)s kubewatch [%(process)d T%(threadName)s] 3.9.1 %(levelname)s:
%(message)s", run by a helper, not in the pod's normal life),
ceph-iscsi's rbd-target-gw ("%(asctime)s [%(levelname)8s] - %(message)s")
and gwcli's log file ("%(asctime)s %(levelname)-8s
[%(filename)s:%(lineno)s:%(funcName)s()] %(message)s"), kept for a later
set; tablesnap (its daemon's "%(asctime)s %(levelname)s %(message)s" is
covered; tablechop's and tableslurp's
"%(name)s [%(asctime)s] %(levelname)s %(message)s", read at
JeremyGrosser/tablesnap d3a67214, are kept for a later set) and
ceph-volume (its FILE_FORMAT "[%(asctime)s][%(name)s][%(levelname)-6s]
%(message)s", read in the copies of src/ceph-volume/ceph_volume/log.py
stored here, f291b321 among them, while the newest main.py stored calls a
log.setup(log_level=...) that no stored log.py has: not traced to one
release, kept for a later set).
"""

import datetime
import json
import logging
import os
import pprint
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# NGINX Amplify Agent 1.8.3 (nginxinc/nginx-amplify-agent, 0ec1e184),
# etc/agent.conf.default [formatter_simpleFormatter] (logging.config.
# fileConfig; "datefmt =" is empty, so Python's default asctime): the
# WatchedFileHandler of the "agent-default" logger, at INFO, writing
# /var/log/amplify-agent/agent.log. No level, no logger name.
AMPLIFY = "%(asctime)s [%(process)d] %(threadName)s %(message)s"
# Beaver 36.3.1 (python-beaver/python-beaver, c9b63350), beaver/utils.py
# setup_custom_logger's default formatter (the "beaver" logger, propagate
# off; with -l/--logfile a RotatingFileHandler on that file). Beaver's
# source is Python 2 (setup.py lists 2.6 and 2.7), so it runs on 2.7.
BEAVER = "[%(asctime)s] %(levelname)-7s %(message)s"

# Emissary-ingress 3.9.1 (emissary-ingress/emissary, tag v3.9.1, 6e2ca35c),
# python/ambassador_diag/diagd.py: logging.basicConfig on the root (without
# AMBASSADOR_JSON_LOGGING), its format a "%%"-escaped string into which the
# version is put with "%" ("... diagd %s [P%%(process)dT%%(threadName)s]
# ..." % __version__): what the Formatter gets is this.
DIAGD = "%(asctime)s diagd 3.9.1 [P%(process)dT%(threadName)s] %(levelname)s: %(message)s"
DIAGD_DATEFMT = "%Y-%m-%d %H:%M:%S"
# kubernetes-ec2-autoscaler (openai/kubernetes-ec2-autoscaler, 1d4d1314),
# main.py: the StreamHandler (sys.stderr) of the "autoscaler" logger, whose
# children ("autoscaler.cluster", "autoscaler.autoscaling_groups",
# "autoscaler.kube", "autoscaler.notification") propagate to it; -vvv (as
# its scaling-controller.yaml runs it) sets DEBUG.
AUTOSCALER = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
AUTOSCALER_DATEFMT = "%Y-%m-%dT%H:%M:%S%z"

# MySQL Operator for Kubernetes 9.1.0-2.2.2 (mysql/mysql-operator, tag
# 9.1.0-2.2.2, aec777a1): logging.basicConfig in mysqloperator/backup_main.py
# (the backup CronJob's and Job's container) and init_main.py (the server
# pods' "initconf" init container), the same format and datefmt in both.
# (operator_main.py and sidecar_main.py call kopf.configure() first, whose
# handler on the root makes their basicConfig a no-op: they print kopf's
# format, which `heldout.py` ships.)
MYSQLOP = "%(asctime)s - [%(levelname)s] [%(name)s] %(message)s"
MYSQLOP_DATEFMT = "%Y-%m-%dT%H:%M:%S"
# ceph-iscsi 3.9 (ceph/ceph-iscsi, tag 3.9, 89964fd3), rbd-target-api.py's
# __main__: the RotatingFileHandler of /var/log/rbd-target-api/
# rbd-target-api.log (log_to_file defaults to true, logger_level to DEBUG:
# ceph_iscsi_config/gateway_setting.py),
# on the "rbd-target-api" logger, which main() also gives to the
# "werkzeug" logger. (Its syslog handler prints "%(message)s" alone.)
CEPH_ISCSI = "%(asctime)s %(levelname)8s [%(filename)s:%(lineno)s:%(funcName)s()] - %(message)s"

HOST = "ip-10-0-3-7"
RNG = random.Random(2121)


def hexid(n):
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def syslog(stream, ident, text):
    """A line of /var/log/syslog (rsyslog's traditional format, as Ubuntu 22.04
    writes it)."""
    printed(stream, "%s %s %s: %s" % (now("%b %d %H:%M:%S"), HOST, ident, text))


# --------------------------------------------------------------------------
# An nginx edge host on EC2 (Ubuntu 22.04), whose CloudWatch agent
# ships three files into the instance's one log stream: the NGINX Amplify
# Agent's agent.log, Beaver's log file (-l /var/log/beaver/beaver.log;
# Beaver ships nginx's access and error logs to a Kinesis stream) and
# /var/log/syslog (the print lines: systemd's unit lines, the Amplify
# init script's output as rsyslog writes it, escape codes as "#033").

API_KEY = "4f1c0d9a7b2e8c3f5a6d1e0b9c8a7f6e"
RECEIVER = "https://receiver.amplify.nginx.com:443/1.4/" + API_KEY
AGENT_UUID = "b7a9c2e4f0d14c3a9e8b6f5d4c3b2a19"
NGINX_LOGS = ["/var/log/nginx/access.log", "/var/log/nginx/error.log", "/var/log/nginx/api.access.log"]


def stream_amplify_beaver():
    stream = []
    amp = Program("nginx-amplify-agent", "agent-default", logging.Formatter(AMPLIFY), stream)
    bv = Program("beaver", "beaver", logging.Formatter(BEAVER), stream)
    thread = ThreadName()
    amp.handler.addFilter(thread)
    a = amp.log
    b = bv.log

    def http(method, location, code, sent, got, secs, request_id=True):
        # amplify/agent/common/util/http.py make_request's closing record.
        rid = hexid(24) if request_id else None
        a.info("[%s] %s %s %s %s %s %.3f" % (rid, method, "%s/%s" % (RECEIVER, location), code, sent, got, secs))

    # Beaver starts first (it was already running: the instance's boot).
    b.info("Starting worker...")
    b.info("Working...")
    b.info("Starting queue consumer")
    for path in NGINX_LOGS:
        b.info("[%s] - watching logfile" % path)

    # The Amplify Agent's package is upgraded: its init script runs
    # configtest first (amplify/agent/main.py), then daemonizes.
    syslog(stream, "systemd[1]", "Stopping NGINX Amplify Agent...")
    with pid(3870):
        thread.name = "supervisor"
        a.info("agent stopped, version=%s pid=%s uuid=%s" % ("1.8.2-1", 3870, AGENT_UUID))
    syslog(stream, "systemd[1]", "amplify-agent.service: Deactivated successfully.")
    syslog(stream, "systemd[1]", "Stopped NGINX Amplify Agent.")
    syslog(stream, "systemd[1]", "Starting NGINX Amplify Agent...")
    with pid(4102):
        thread.name = "MainThread"
        a.info("performing configtest check...")
        http("post", "agent/", 200, 2, 6, 0.212)
        a.info("config file is ok!")
    syslog(stream, "amplify-agent[4102]", "#033[32mConfig file /etc/amplify-agent/agent.conf is OK#033[0m")
    syslog(stream, "systemd[1]", "Started NGINX Amplify Agent.")

    nginx_id = 4183
    nginx_config = {"ignore_logs": [], "upload_config": True, "upload_ssl": True, "run_test": True,
                    "poll_intervals": {"meta": 30, "metrics": 20, "configs": 30, "logs": 10},
                    "filters": [{"metric": "nginx.http.status.5xx", "filter_rule_id": 91,
                                 "data": [["$request_uri", "~", "/api/"]]}]}
    with pid(4121):
        thread.name = "supervisor"
        http("post", "agent/", 200, 1184, 6, 0.187)
        a.info('object config has changed. now "%s" %s is running with: %s'
               % ("nginx", nginx_id, pprint.pformat(nginx_config)))
        thread.name = "system_manager"
        a.info("agent started, version=%s pid=%s uuid=%s %s=%s"
               % ("1.8.3-1", 4121, AGENT_UUID, "hostname", HOST + ".eu-west-1.compute.internal"))
        thread.name = "nginx_config"
        a.info("running %s -t -c %s" % ("/usr/sbin/nginx", "/etc/nginx/nginx.conf"))
        # amplify/agent/common/util/ssl.py ssl_analysis: the agent runs as
        # nginx, and certbot's live/ directory is root's.
        for cert in ("/etc/letsencrypt/live/shop.example.com/fullchain.pem",
                     "/etc/letsencrypt/live/api.example.com/fullchain.pem"):
            a.info("ssl certificate found %s" % cert)
            a.info("could not read %s (maybe permissions?)" % cert)

    # An hour of cloud talk, metric pushes and log shipping.
    for cycle in range(26):
        with pid(4121):
            thread.name = "bridge_manager"
            if cycle == 6:
                # amplify/agent/managers/bridge.py: a push that times out.
                a.error('failed %s "%s", exception: "%s"' % (
                    "POST", RECEIVER + "/update/",
                    "HTTPSConnectionPool(host='receiver.amplify.nginx.com', port=443): Read timed out. "
                    "(read timeout=5.0)"))
                http("post", "update/", 500, 18733, 0, 5.006, request_id=False)
                a.error("failed to push data due to %s" % "ReadTimeout")
            else:
                http("post", "update/", 202, 17000 + 311 * cycle, 0, 0.09 + cycle % 5 * 0.013)
            if cycle % 3 == 0:
                thread.name = "supervisor"
                if cycle == 9:
                    def talk_to_cloud():
                        def post():
                            raised("requests.exceptions", "ConnectionError",
                                   "HTTPSConnectionPool(host='receiver.amplify.nginx.com', port=443): Max retries "
                                   "exceeded with url: /1.4/%s/agent/ (Caused by NameResolutionError(\"<urllib3."
                                   "connection.HTTPSConnection object at 0x7f3c2a1b9d50>: Failed to resolve "
                                   "'receiver.amplify.nginx.com' ([Errno -3] Temporary failure in name "
                                   "resolution)\"))" % API_KEY)
                        post()
                    try:
                        talk_to_cloud()
                    except Exception:
                        a.error('failed %s "%s", exception: "%s"' % ("POST", RECEIVER + "/agent/", sys.exc_info()[1]))
                        http("post", "agent/", 500, 1184, 0, 0.031, request_id=False)
                        a.error("could not connect to cloud", exc_info=True)
                else:
                    http("post", "agent/", 200, 1184, 6, 0.16 + cycle * 0.004)
            if cycle == 16:
                syslog(stream, "systemd[1]", "Reloading A high performance web server and a reverse proxy server...")
                syslog(stream, "systemd[1]", "Reloaded A high performance web server and a reverse proxy server.")
                # nginx is reloaded with a new server block: the agent
                # tests the configuration again (its config collector).
                thread.name = "nginx_config"
                a.info("running %s -t -c %s" % ("/usr/sbin/nginx", "/etc/nginx/nginx.conf"))
                for cert in ("/etc/letsencrypt/live/shop.example.com/fullchain.pem",
                             "/etc/letsencrypt/live/api.example.com/fullchain.pem",
                             "/etc/letsencrypt/live/status.example.com/fullchain.pem"):
                    a.info("ssl certificate found %s" % cert)
                    a.info("could not read %s (maybe permissions?)" % cert)
            if cycle in (4, 5, 16):
                thread.name = "nginx_metrics"
                a.error("failed to check stub_status url %s" % "http://127.0.0.1:80/nginx_status")
        for _ in range({5: 1, 19: 2}.get(cycle, 0)):
            # Beaver: Kinesis throttles a batch (beaver/transports/
            # kinesis_transport.py), the queue reconnects (run_queue.py).
            result = ("{u'FailedRecordCount': 2, u'Records': [{u'ErrorCode': u'ProvisionedThroughputExceededException', "
                      "u'ErrorMessage': u'Rate exceeded for shard shardId-000000000001 in stream nginx-logs under "
                      "account 123456789012.'}, {u'SequenceNumber': u'49651249872413579913461238093215489263181287"
                      "915374379026', u'ShardId': u'shardId-000000000000'}, {u'ErrorCode': u'ProvisionedThroughput"
                      "ExceededException', u'ErrorMessage': u'Rate exceeded for shard shardId-000000000001 in stream "
                      "nginx-logs under account 123456789012.'}]}")

            def callback():
                def _send_message_batch():
                    b.error("Error occurred sending records to Kinesis stream {0}. result: {1}".format(
                        "nginx-logs", result))
                    # Beaver runs on Python 2.7: its traceback names the class alone.
                    raised("builtins", "TransportException", "Error occurred sending records to stream nginx-logs")
                try:
                    _send_message_batch()
                except Exception:
                    b.exception("Exception occurred sending records to Kinesis stream")
                    raise
            try:
                callback()
            except Exception as e:
                b.info("Caught transport exception: %s", e)
                b.info("Reconnecting in %d seconds" % 3)
                b.info("Reconnected successfully")
        if cycle == 10:
            # logrotate's nightly run (nginx's postrotate reopens the logs).
            syslog(stream, "systemd[1]", "Starting Rotate log files...")
            for path in NGINX_LOGS:
                b.info("[%s] - file rotated" % path)
                b.info("[%s] - watching logfile" % path)
            syslog(stream, "systemd[1]", "logrotate.service: Deactivated successfully.")
            syslog(stream, "systemd[1]", "Finished Rotate log files.")
        if cycle == 12:
            # Beaver is restarted by the configuration management run.
            b.info("{0} detected".format("SIGTERM"))
            b.info("Shutting down. Please wait...")
            b.info("Shutdown complete.")
            b.info("Starting worker...")
            b.info("Working...")
            b.info("Starting queue consumer")
            for path in NGINX_LOGS:
                b.info("[%s] - watching logfile" % path)
    return {"name": "amplify-beaver", "programs": [amp, bv], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A self-managed Kubernetes cluster on EC2 (kops), whose Fluent Bit
# DaemonSet ships the kube-system namespace's containers into one stream:
# Emissary-ingress (its diagd, a Flask app under gunicorn that turns the
# cluster's Mappings, Hosts and Listeners into Envoy configuration) and the
# kubernetes-ec2-autoscaler. Print lines: the Go entrypoint's logrus lines
# (pkg/busy/busy.go: TextFormatter, FullTimestamp, "2006-01-02
# 15:04:05.0000", caller reported) and Envoy's (its default format), and
# the traceback the autoscaler's interpreter prints when it crashes.

CLUSTER_NODES = [
    ("ip-10-0-1-23", "i-0a1b2c3d4e5f60718", "m5.2xlarge", "eu-west-1a", "busy"),
    ("ip-10-0-1-87", "i-0b2c3d4e5f6071829", "m5.2xlarge", "eu-west-1a", "busy"),
    ("ip-10-0-2-14", "i-0c3d4e5f607182930", "m5.2xlarge", "eu-west-1b", "under-utilized-undrainable"),
    ("ip-10-0-2-61", "i-0d4e5f60718293a41", "m5.2xlarge", "eu-west-1b", "idle-schedulable"),
    ("ip-10-0-3-40", "i-0e5f60718293a4b52", "c5.4xlarge", "eu-west-1c", "busy"),
    ("ip-10-0-3-92", "i-0f60718293a4b5c63", "c5.4xlarge", "eu-west-1c", "grace-period"),
    ("ip-10-0-1-130", "i-0071829304a5b6c74", "p3.2xlarge", "eu-west-1a", "busy"),
]
ASGS = [("nodes-m5-2xlarge.k8s.example.com", "m5.2xlarge", "ami-0c1d2e3f4a5b6c7d8"),
        ("nodes-c5-4xlarge.k8s.example.com", "c5.4xlarge", "ami-0c1d2e3f4a5b6c7d8"),
        ("nodes-p3-2xlarge.k8s.example.com", "p3.2xlarge", "ami-0f9e8d7c6b5a49382")]


def node_str(name, inst, itype, az):
    """KubeNode.__str__ (autoscaler/kube.py): name, instance id and the
    node's labels as selectors_to_hash writes them (json.dumps, sorted)."""
    labels = {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/instance-type": itype,
              "beta.kubernetes.io/os": "linux", "failure-domain.beta.kubernetes.io/region": az[:-1],
              "failure-domain.beta.kubernetes.io/zone": az,
              "kops.k8s.io/instancegroup": "nodes-" + itype.replace(".", "-"),
              "kubernetes.io/hostname": name + ".eu-west-1.compute.internal", "kubernetes.io/role": "node"}
    return "{}: {} ({})".format(name + ".eu-west-1.compute.internal", inst, json.dumps(labels, sort_keys=True))


def asg_str(name, itype, ami):
    """AutoScalingGroup.__str__ (autoscaler/autoscaling_groups.py), its
    selectors from _extract_selectors."""
    selectors = {"aws/type": itype, "aws/class": itype[0], "aws/ami-id": ami, "aws/region": "eu-west-1",
                 "beta.kubernetes.io/instance-type": itype, "failure-domain.beta.kubernetes.io/region": "eu-west-1"}
    return "AutoScalingGroup({name}, {selectors_hash})".format(name=name,
                                                               selectors_hash=json.dumps(selectors, sort_keys=True))


def iso(t):
    """datetime.isoformat() of a time, microseconds included."""
    dt = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).replace(tzinfo=None)
    return dt.isoformat(timespec="microseconds")


def req_id():
    """diagd's standard_handler request id: str(uuid.uuid4()).upper()."""
    h = hexid(32).upper()
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "A" + h[17:20], h[20:])


def logrus(stream, level, msg, func, where):
    printed(stream, 'time="%s.%04d" level=%s msg="%s" func=%s file="%s" CMD=entrypoint PID=1'
            % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t % 1 * 1e4) % 10000, level, msg, func, where))


def envoy(stream, pid_, level, logger, where, msg):
    ms = round(realworld.CLOCK.t % 1 * 1e3) % 1000
    printed(stream, "[%s.%03d][%d][%s][%s] [%s] %s" % (now("%Y-%m-%d %H:%M:%S"), ms, pid_, level, logger, where, msg))


def stream_emissary_autoscaler():
    stream = []
    em = Program("emissary-ingress", "ambassador.diagd", logging.Formatter(DIAGD, DIAGD_DATEFMT), stream)
    asc = Program("kubernetes-ec2-autoscaler", "autoscaler", logging.Formatter(AUTOSCALER, AUTOSCALER_DATEFMT), stream)
    thread = ThreadName()
    em.handler.addFilter(thread)
    diag = em.log
    ir = lg(em, "ambassador.ir")
    cluster = lg(asc, "autoscaler.cluster")
    groups = lg(asc, "autoscaler.autoscaling_groups")
    kube = lg(asc, "autoscaler.kube")
    notify = lg(asc, "autoscaler.notification")

    # The Emissary pod starts (cmd/entrypoint/entrypoint.go, then diagd).
    ep = "github.com/emissary-ingress/emissary/v3/cmd/entrypoint"
    logrus(stream, "info", "Started Ambassador (Version 3.9.1)", ep + ".Main",
           ep.replace("github.com/emissary-ingress/emissary/v3/", "/go/") + "/entrypoint.go:96")
    logrus(stream, "info", "AMBASSADOR_CLUSTER_ID=0b9c6f4e-7d31-5a2e-9c84-1f3e5d7a9b20", ep + ".Main",
           "/go/cmd/entrypoint/entrypoint.go:100")
    with pid(15):
        thread.name = "MainThread"
        diag.info("AMBASSADOR_FAST_RECONFIGURE enabled, initializing cache")
        diag.info("WILL NOT update Mapping status")
        diag.info("thread count %d, listening on %s" % (9, "127.0.0.1:8004"))
        diag.info(f"Ambassador {'3.9.1'} booted")
    with pid(24):
        thread.name = "AEW"
        diag.info("starting Scout checker and timer logger")
        diag.info("starting event watcher")
    envoy(stream, 27, "info", "main", "source/server/server.cc:413", "initializing epoch 0 (base id=0, hot restart "
          "version=11.104)")
    envoy(stream, 27, "info", "main", "source/server/server.cc:952", "starting main dispatch loop")

    services, listeners, groups_n, clusters = 14, 0, 17, 15
    snapshot = 0
    threads = ["ThreadPoolExecutor-0_%d" % n for n in range(4)]
    for loop in range(12):
        # A reconfiguration from the entrypoint's snapshot (AEW thread).
        if loop in (0, 1, 3, 5, 8, 10):
            snapshot += 1
            with pid(24):
                thread.name = "AEW"
                if loop == 0:
                    diag.warning("No active listeners at all; check your Listener and Host configuration")
                    config_type = "complete"
                else:
                    listeners = 2
                    config_type = "incremental" if loop > 1 else "complete"
                if loop == 5:
                    # A duplicate Listener (python/ambassador/ir/ir.py save_listener),
                    # then check_environment reports it.
                    diag.info("configuration updated (%s) from snapshot %s (S%d L%d G%d C%d)"
                              % (config_type, snapshot, services, listeners, groups_n, clusters))
                    err_key = "emissary-ingress-https-v2.emissary.1"
                    err_text = ("Duplicate listener emissary-ingress-https-v2 on tcp://0.0.0.0:8443; "
                                "keeping definition from emissary-ingress-https.emissary.1")
                    diag.info(f"error {err_key} {err_text}")
                elif loop == 8:
                    # The snapshot directory's volume fills up: _load_ir's write.
                    def load_config_watt():
                        def _load_ir():
                            raised("builtins", "OSError",
                                   "[Errno 28] No space left on device: '/ambassador/snapshots/ir-tmp.json'")
                        _load_ir()
                    try:
                        load_config_watt()
                    except Exception as e:
                        diag.error("could not reconfigure: %s" % e)
                        diag.exception(e)
                else:
                    services += loop % 3
                    groups_n += loop % 3
                    clusters += loop % 2
                    diag.info("configuration updated (%s) from snapshot %s (S%d L%d G%d C%d)"
                              % (config_type, snapshot, services, listeners, groups_n, clusters))
                # Envoy takes the new configuration from ambex (modelled).
                envoy(stream, 27, "info", "upstream", "source/common/upstream/cds_api_helper.cc:32",
                      "cds: add %d cluster(s), remove %d cluster(s)" % (clusters, 0))
                envoy(stream, 27, "info", "upstream", "source/common/upstream/cds_api_helper.cc:69",
                      "cds: added/updated %d cluster(s), skipped %d unmodified cluster(s)"
                      % (1 + loop % 3, clusters - 1 - loop % 3))
                if loop == 10:
                    # check_timers: the reconfiguration timers and cache stats.
                    for name, cycles, lo, avg, hi in (("reconfiguration", 5, 0.412, 0.611, 1.024),
                                                     ("Fetcher", 5, 0.031, 0.044, 0.069),
                                                     ("AConf", 5, 0.088, 0.102, 0.137),
                                                     ("IR", 5, 0.201, 0.316, 0.588), ("EConf", 5, 0.067, 0.109, 0.171),
                                                     ("Diagnostics", 0, 0, 0, 0)):
                        diag.info("TIMER %s: %d, %.3f/%.3f/%.3f" % (name, cycles, lo, avg, hi))
                    diag.info("CACHE: Total requests: %d" % 1814)
                    diag.info("CACHE: Hit ratio:      %s" % "87.4%")
                    diag.info("CACHE: Invalidations:  %d calls" % 9)
                    diag.info("CACHE:                 %d objects" % 212)
                    # ReconfigStats.dump: the times it kept, as datetime.isoformat().
                    base = realworld.CLOCK.t
                    stamps = [base - 2.9, base - 2.4, base - 1.7, base - 0.6]
                    for what, t in zip(("complete", "incremental", "incremental", "incremental"), stamps):
                        diag.info(f"CACHE: {what} reconfigure at {iso(t)}")
                    diag.info(f"CACHE: incremental count: {3}")
                    diag.info(f"CACHE: complete count: {2}")
                    diag.info(f"CACHE: incrementals outstanding: {3}")
                    diag.info(f"CACHE: incremental checks: {0}, errors {0}")
                    diag.info(f"CACHE: last_complete {iso(stamps[0])}")
                    diag.info(f"CACHE: last_check {'(none)'}")
        # Prometheus scrapes /metrics through the entrypoint's health server.
        with pid(24):
            for n in range(2):
                thread.name = threads[(loop + n) % len(threads)]
                diag.info('%s %dms %d %s' % ('%s: %s "%s %s"' % (req_id(), "127.0.0.1", "GET", "/metrics"),
                                            7 + (loop * 5 + n * 3) % 11, 200, "success"))
            if loop == 6:
                thread.name = threads[2]
                diag.error('%s %dms %d %s' % ('%s: %s "%s %s"' % (req_id(), "127.0.0.1", "GET",
                                                                    "/ambassador/v0/diag/"), 3, 503, "failure"))

        # The autoscaler's loop (autoscaler/cluster.py scale_loop), every
        # --sleep seconds.
        if loop % 2 == 0:
            cluster.info("++++++++++++++ Running Scaling Loop ++++++++++++++++")
            if loop == 4:
                cluster.warning("An error occurred (Throttling) when calling the DescribeAutoScalingGroups operation "
                                "(reached max retries: 4): Rate exceeded")
                lg(asc, "autoscaler").warning("backoff: %s" % 60)
                continue
            for name, _, _ in ASGS:
                groups.debug("%s has no timeout", name)
            cluster.info("++++++++++++++ Scaling Up Begins ++++++++++++++++")
            pending = {}
            if loop in (2, 6):
                hash_ = json.dumps({"beta.kubernetes.io/instance-type": "p3.2xlarge"}, sort_keys=True)
                pods = ["KubePod({namespace}, {name})".format(namespace="ml-training", name="resnet-train-%d-worker-%d"
                                                              % (loop, k)) for k in range(3)]
                for p in pods:
                    cluster.info("{pod} is pending ({selectors_hash})".format(pod=p, selectors_hash=hash_))
                pending[hash_] = pods
            web = "KubePod({namespace}, {name})".format(namespace="shop", name="checkout-7c9f6d8b5-%s" % hexid(5))
            cluster.info("{pod} fits on {node}".format(pod=web, node=node_str(*CLUSTER_NODES[loop % 2][:4])))
            for hash_, pods in pending.items():
                cluster.info("========= Scaling for %s ========", hash_)
                cluster.debug("pending: %s", "[" + ", ".join(pods) + "]")
                asg = asg_str(*ASGS[2])
                cluster.debug("group: %s", asg)
                cluster.debug("units_needed: %s", 3 + 1)
                cluster.debug("units_requested: %s", 3 + 1 if loop == 2 else 2)
                groups.info("Desired {}, currently at {}".format(5 if loop == 2 else 6, 1 if loop == 2 else 4))
                groups.info("Kube node: {} schedulable, {} unschedulable".format(1 if loop == 2 else 4, 0))
                if loop == 2:
                    groups.info("ASG: {} new_desired_capacity: {}".format(asg, 5))
                    notify.debug("SLACK_HOOK not configured.")
                else:
                    groups.info("Desired same as max, desired: {}, schedulable: {}".format(6, 4))
                cluster.debug("remining pending: %s", 0 if loop == 2 else 1)
                if loop == 6:
                    cluster.warning("Failed to scale sufficiently.")
                    notify.debug("SLACK_HOOK not configured.")
            cluster.info("++++++++++++++ Scaling Up Ends ++++++++++++++++")
            cluster.info("++++++++++++++ Maintenance Begins ++++++++++++++++")
            cluster.info("++++++++++++++ Maintaining Nodes & Instances ++++++++++++++++")
            for name, inst, itype, az, state in CLUSTER_NODES:
                if loop > 8 and state == "idle-schedulable":
                    continue  # scaled in and deleted at loop 8
                if loop == 8 and state == "idle-schedulable":
                    state = "idle-unschedulable"
                enum = "ClusterNodeState." + state.upper().replace("-", "_")
                node = node_str(name, inst, itype, az)
                cluster.info("node: %-*s state: %s" % (75, node, enum))
                if state == "idle-schedulable":
                    kube.info("cordoned %s", node)
                elif state == "idle-unschedulable" and loop == 8:
                    groups.info("Scaled node %s in", node)
                    kube.info("deleted %s", node)
            cluster.info("++++++++++++++ Maintenance Ends ++++++++++++++++")
        if loop == 10:
            # The API server's endpoint goes away during a control-plane
            # rolling update: the loop's exception is not caught, and the
            # interpreter prints it (the pod then restarts).
            def main_():
                def scale_loop():
                    raised("requests.exceptions", "ConnectionError",
                           "HTTPSConnectionPool(host='100.64.0.1', port=443): Max retries exceeded with url: "
                           "/api/v1/nodes (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object "
                           "at 0x7f2e4c9a1b38>: Failed to establish a new connection: [Errno 111] Connection refused'))")
                scale_loop()
            uncaught(stream, main_)
            cluster.debug("Using kube service account")
    return {"name": "emissary-autoscaler", "programs": [em, asc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A storage team's stream, where its Fluent Bit aggregator forwards two
# sources: the MySQL Operator's nightly backup (a CronJob creates the
# MySQLBackup object, the operator starts a Job that dumps the InnoDB
# cluster to S3 with MySQL Shell) and a new server pod's init container, on
# EKS; and the iSCSI gateway of a Ceph cluster on EC2 that serves VMware
# datastores (rbd-target-api's log file, shipped by the CloudWatch agent).
# Print lines: the backup container's own print() and the `ls` it runs,
# MySQL Shell's dump progress, init_conf's "Copying" lines, and the
# traceback traceback.print_exc() writes when a backup fails.

NS, IC = "mysql", "mycluster"
SVC = "mycluster-instances.mysql.svc.cluster.local"
IQN = "iqn.2003-01.com.redhat.iscsi-gw:iscsi-igw"
ESXI = ["iqn.1998-01.com.vmware:esxi-01-4c1f7a2b", "iqn.1998-01.com.vmware:esxi-02-9d3e6b10"]
DISKS = ["vmfs-ds01", "vmfs-ds02"]
SITE = "/usr/lib/python3.9/site-packages/"
WERKZEUG = "/usr/lib/python3.9/site-packages/werkzeug/_internal.py"


def member(pod, role, uuid):
    """A topology entry of the cluster's status (modelled: MySQL Shell's
    dict, printed as Python prints a dict)."""
    return {"address": f"{pod}.{SVC}:3306", "memberId": uuid, "memberRole": role, "memberState": "ONLINE",
            "mode": "R/W" if role == "PRIMARY" else "R/O", "readReplicas": {}, "replicationLag": "applier_queue_applied",
            "role": "HA", "status": "ONLINE", "version": "9.1.0"}


def ls_root(stream):
    """`ls -la /` in the operator's image (modelled)."""
    for line in [
            "total 64",
            "dr-xr-xr-x.   1 root root 4096 May 11 14:40 .",
            "dr-xr-xr-x.   1 root root 4096 May 11 14:40 ..",
            "lrwxrwxrwx.   1 root root    7 Jun 21  2021 bin -> usr/bin",
            "dr-xr-xr-x.   2 root root    6 Jun 21  2021 boot",
            "drwxr-xr-x.   5 root root  360 May 11 14:40 dev",
            "drwxr-xr-x.   1 root root   66 May 11 14:40 etc",
            "drwxr-xr-x.   2 root root    6 Jun 21  2021 home",
            "lrwxrwxrwx.   1 root root    7 Jun 21  2021 lib -> usr/lib",
            "drwxr-xr-x.   2 root root    6 Jun 21  2021 mnt",
            "dr-xr-xr-x. 221 root root    0 May 11 14:40 proc",
            "drwxrwxrwt.   2 root root    6 Oct 15  2024 tmp",
            "drwxr-xr-x.   1 root root   41 Oct 15  2024 usr",
            "drwxr-xr-x.   1 root root   17 Oct 15  2024 var",
    ]:
        printed(stream, line)
    printed(stream, "ls: cannot access '/.oci': No such file or directory")


def shell_dump(stream, rows, secs):
    """MySQL Shell's util.dump_instance output on stdout (modelled from
    memory of MySQL Shell 9.x, not read in its source)."""
    for line in ["Acquiring global read lock", "Global read lock acquired", "Initializing - done",
                 "2 out of 6 schemas will be dumped and within them 47 tables, 3 views.",
                 "4 out of 9 users will be dumped.", "Gathering information - done",
                 "All transactions have been started", "Locking instance for backup",
                 "Global read lock has been released", "Writing global DDL files", "Writing users DDL",
                 "Running data dump using 4 threads.",
                 "NOTE: Progress information uses estimated values and may not be accurate.",
                 "Writing schema metadata - done", "Writing DDL - done", "Writing table metadata - done",
                 "Starting data dump",
                 "101%% (%s rows / ~%s rows), 401.87K rows/s, 83.12 MB/s uncompressed, 12.94 MB/s compressed"
                 % (rows, rows),
                 "Dump duration: 00:00:%02ds" % secs, "Total duration: 00:00:%02ds" % (secs + 1),
                 "Schemas dumped: 2", "Tables dumped: 47", "Uncompressed data size: 1.71 GB",
                 "Compressed data size: 266.43 MB", "Compression ratio: 6.4", "Rows written: 8417260",
                 "Bytes written: 266.43 MB", "Average uncompressed throughput: 81.52 MB/s",
                 "Average compressed throughput: 12.69 MB/s"]:
        printed(stream, line)


def stream_mysqloperator_cephiscsi():
    stream = []
    my = Program("mysql-operator", "backup", logging.Formatter(MYSQLOP, MYSQLOP_DATEFMT), stream)
    ci = Program("ceph-iscsi", "rbd-target-api", logging.Formatter(CEPH_ISCSI), stream)
    backup = my.log
    init = lg(my, "initmysql")
    api = ci.log
    wz = lg(ci, "werkzeug")

    def rta(level, line, func, msg, exc=None):
        at(api, level, "/usr/bin/rbd-target-api", line, func, msg, exc=exc)

    def lib(level, module, line, func, msg):
        at(api, level, SITE + "ceph_iscsi_config/" + module + ".py", line, func, msg)

    def request(addr, method, path, code):
        # werkzeug/serving.py log_request through _log (werkzeug 3.1.9's
        # _internal.py, the one installed here: its line, not the distro's).
        at(wz, logging.INFO, WERKZEUG, 97, "_log", '%s - - [%s] "%s %s HTTP/1.1" %s -'
           % (addr, now("%d/%b/%Y %H:%M:%S"), method, path, code))

    # rbd-target-api is restarted after a package update (signal_stop, then
    # the new process's main()).
    rta(logging.INFO, 2964, "signal_stop", "Shutdown received")
    lib(logging.DEBUG, "gateway", 326, "delete", "delete received, refreshing local state")
    lib(logging.INFO, "gateway", 301, "delete_targets", "Removing iSCSI target from LIO")
    lib(logging.INFO, "gateway", 359, "delete", "Active Ceph iSCSI gateway configuration removed")
    rta(logging.INFO, 2812, "run", "Started the configuration object watcher")
    rta(logging.INFO, 2813, "run", "Checking for config object changes every {}s".format(1))
    lib(logging.INFO, "gateway", 82, "osd_blocklist_cleanup", "Processing osd blocklist entries for this node")
    lib(logging.INFO, "gateway", 45, "ceph_rm_blocklist", "Removing blocklisted entry for this host : "
                                                           "{}".format("10.0.4.11:0/3258528596"))
    lib(logging.INFO, "gateway", 71, "ceph_rm_blocklist", "Successfully removed blocklist entry")
    lib(logging.INFO, "gateway", 250, "define", "Reading the configuration object to update local LIO "
                                                "configuration")
    lib(logging.INFO, "gateway", 266, "define", "Processing Gateway configuration")
    lib(logging.INFO, "gateway", 189, "define_target", "Setting up {}".format(IQN))
    lib(logging.INFO, "target", 367, "create_target", "(Gateway.create_target) created an iscsi target "
                                                      "with iqn of '{}'".format(IQN))
    for tag in (1, 2):
        lib(logging.INFO, "target", 324, "create_tpg", "(Gateway.create_tpg) created TPG '{}' "
                                                       "for target iqn '{}'".format(tag, IQN))
    lib(logging.INFO, "gateway", 203, "define_target", "Processing LUN configuration")
    lib(logging.DEBUG, "lun", 1242, "define_luns", "Processing rbd's in '{}' pool".format("rbd"))
    for n, disk in enumerate(DISKS):
        key = "rbd/" + disk
        lib(logging.INFO, "lun", 868, "add_dev_to_lio", "(LUN.add_dev_to_lio) Adding image "
                                                        "'{}' to LIO backstore {}".format(key, "user:rbd"))
        lib(logging.INFO, "lun", 880, "add_dev_to_lio", "(LUN.add_dev_to_lio) Successfully added {}"
                                                        " to LIO".format(key))
        wwn = "6001405%s" % hexid(9)
        lib(logging.INFO, "lun", 769, "allocate", "(LUN.allocate) added {} to LIO using wwn "
                                                  "'{}' defined by {}".format(disk, wwn, "ceph-gw-1"))
        lib(logging.INFO, "lun", 212, "rbd_lock_cleanup", "Cleaning up stale local lock for {} {}".format(
            "client.%d" % (4481 + n), "auto %d" % (139872104 + n)))
        for tag in (1, 2):
            owner = tag == 1
            lib(logging.INFO, "target", 469, "bind_alua_group_to_lun",
                "Setup group {} for {} on tpg {} (state {}, owner {}, "
                "failover type {})".format("ao" if owner else "ano%d" % tag, "rbd." + disk, tag, 0 if owner else 1,
                                           owner, 1))
    lib(logging.INFO, "gateway", 211, "define_target", "{} - Processing client configuration".format(IQN))
    for client in ESXI:
        lib(logging.INFO, "client", 242, "define_client", "(Client.define_client) {} added "
                                                          "successfully".format(client))
        for lun_id, disk in enumerate(DISKS):
            lib(logging.DEBUG, "client", 446, "_add_lun", "(Client._add_lun) Adding {} to {} at "
                                                          "id {}".format("rbd/" + disk, client, lun_id))
            lib(logging.INFO, "client", 463, "_add_lun", "(Client.add_lun) added image '{}' to "
                                                         "{}".format("rbd/" + disk, client))
    lib(logging.INFO, "gateway", 223, "define_target", "{} - Adding the IP to the enabled tpg, "
                                                       "allowing iSCSI logins".format(IQN))
    lib(logging.INFO, "gateway", 268, "define", "Ceph iSCSI Gateway configuration load complete")
    rta(logging.INFO, 2885, "get_ssl_context", "API server using TLSv1.2")
    lib(logging.WARNING, "device_status", 127, "run", "there is no tcmu-runner data available")

    # The nightly backup: the CronJob's container (backup_main.py
    # command_create_backup_object), then the Job's (command_do_create_backup).
    job = f"{IC}-nightly{now('%y%m%d%H%M%S')}"
    ts = "2024-10-15T09:12:44"
    backup.info(f"[BACKUP] command={'create-backup-object'} version={'2.2.2'} timestamp={ts}")
    printed(stream, f"Command is {'create-backup-object'}")
    obj = {"apiVersion": "mysql.oracle.com/v2", "kind": "MySQLBackup",
           "metadata": {"name": job, "labels": {"tier": "mysql", "mysql.oracle.com/cluster": IC,
                                               "app.kubernetes.io/name": "mysql-innodbcluster-backup-task",
                                               "app.kubernetes.io/instance": f"idc-{IC}",
                                               "app.kubernetes.io/managed-by": "mysql-operator",
                                               "app.kubernetes.io/created-by": "mysql-operator"}},
           "spec": {"clusterName": IC, "backupProfileName": "s3-dump", "addTimestampToBackupDirectory": False}}
    backup.info(f"Creating backup job {job} : {json.dumps(obj, indent=4)}")
    backup.info(f"Command {'create-backup-object'} finished with code {True}")

    for attempt in range(2):
        with pid(1):
            for k in range(3):
                request("::ffff:10.0.4.12", "GET", "/api/_ping", 200)
            backup.info(f"[BACKUP] command={'execute-backup'} version={'2.2.2'} timestamp={ts}")
            printed(stream, f"Command is {'execute-backup'}")
            ls_root(stream)
            backup.info(f"backupdir={''}")
            backup.info(f"Loading up MySQLBackup object {NS}/{job}")
            backup.info(f"Starting backup of {NS}/{IC}  profile={'s3-dump'}  backupdir={''}")
            primary = member(f"{IC}-0", "PRIMARY", "7f3c9a1e-2b4d-11ef-9c61-0a58a9feac02")
            backup.info(f"Cluster status from {IC}-0 is OK, member_status={primary} applier_queue_size={0}")
            if attempt == 0:
                # mycluster-1 is being rescheduled: shellutils.connect_dba's
                # RetryLoop (max_tries=3), then pick_source_instance's warning.
                # (mysqlsh.connect_dba's __qualname__ taken as "connect_dba".)
                err_c = f"MySQL Error 2003 (HY000): Can't connect to MySQL server on '{IC}-1.{SVC}:3306' (111)"
                backup.info(f"Error executing {'connect_dba'}, retrying after {1}s: {err_c}")
                backup.info(f"Error executing {'connect_dba'}, retrying after {2}s: {err_c}")
                backup.error(f"Error executing {'connect_dba'}, giving up: {err_c}")
                backup.warning(f"Could not connect to {IC}-1: {err_c}")
                source = f"{IC}-0"
            else:
                secondary = member(f"{IC}-1", "SECONDARY", "8a4dab2f-2b4d-11ef-9d0e-0a58a9feac03")
                backup.info(f"Cluster status from {IC}-1 is OK, member_status={secondary} applier_queue_size={0}")
                source = f"{IC}-1"
            options = {"threads": 4, "s3BucketName": "acme-prod-mysql-backups", "s3Profile": "default"}
            output = f"{IC}/{job}"
            backup.info(f"dump_instance starting: output={output}  options={options}  "
                        f"source={'mysqladmin'}@{source}.{SVC}:{3306}")
            if attempt == 0:
                # The S3 bucket's policy rejects the pod's role: the dump
                # fails, and command_do_create_backup prints the traceback.
                err = ("Util.dump_instance: Failed to put object 'mycluster/%s/@.json': Access Denied (403)" % job)
                backup.error(f"dump_instance failed: {err}")

                def command_do_create_backup():
                    def do_backup():
                        def execute_dump_instance():
                            raised("mysqlsh", "Error", err)
                        execute_dump_instance()
                    do_backup()
                uncaught(stream, command_do_create_backup)
                backup.error(f"Backup failed with an exception: {err}")
                backup.info(f"Command {'execute-backup'} finished with code {False}")
                # The team fixes the bucket policy; the Job's pod is retried.
                continue
            shell_dump(stream, "8.42M", 21)
            backup.info(f"dump_instance finished successfully")
            backup.info(f"Command {'execute-backup'} finished with code {True}")

    # An administrator adds a datastore through gwcli (disk(), then call_api
    # across the gateways, the local _disk first).
    rta(logging.DEBUG, 1009, "disk", "this host is {}".format("ceph-gw-1"))
    rta(logging.DEBUG, 2700, "call_api", "gateway update order is {}".format("localhost,ceph-gw-2"))
    for gw in ("localhost", "ceph-gw-2"):
        rta(logging.DEBUG, 2703, "call_api", "processing GW '{}'".format(gw))
        if gw == "localhost":
            lib(logging.INFO, "lun", 631, "allocate", "(LUN.allocate) created {}/{} "
                                                      "successfully".format("rbd", "vmfs-ds03"))
            lib(logging.INFO, "lun", 868, "add_dev_to_lio", "(LUN.add_dev_to_lio) Adding image "
                                                            "'{}' to LIO backstore {}".format("rbd/vmfs-ds03", "user:rbd"))
            lib(logging.INFO, "lun", 880, "add_dev_to_lio", "(LUN.add_dev_to_lio) Successfully added {}"
                                                            " to LIO".format("rbd/vmfs-ds03"))
            lib(logging.INFO, "lun", 721, "allocate", "(LUN.allocate) added '{}/{}' to LIO and"
                                                      " config object".format("rbd", "vmfs-ds03"))
            request("::1", "PUT", "/api/_disk/rbd/vmfs-ds03", 200)
        rta(logging.INFO, 2718, "call_api", "{} update on {}, successful".format("_disk", gw))
    request("::1", "PUT", "/api/disk/rbd/vmfs-ds03", 200)
    rta(logging.INFO, 2836, "run", "Change detected - internal {} / xattr {} "
                                   "refreshing".format(41, 42))

    # Mapping it to the hosts fails on the second gateway, whose API hits
    # an unhandled exception (rbd-target-api.py unhandled_exception there;
    # here, on this gateway, the same handler for a later request).
    rta(logging.DEBUG, 2700, "call_api", "gateway update order is {}".format("localhost,ceph-gw-2"))
    rta(logging.DEBUG, 2703, "call_api", "processing GW '{}'".format("localhost"))
    request("::1", "PUT", "/api/_clientlun/%s/%s" % (IQN, ESXI[0]), 200)
    rta(logging.INFO, 2718, "call_api", "{} update on {}, successful".format("_clientlun", "localhost"))
    rta(logging.DEBUG, 2703, "call_api", "processing GW '{}'".format("ceph-gw-2"))
    rta(logging.ERROR, 2721, "call_api", "{} change on {} failed with {}".format("_clientlun", "ceph-gw-2", 500))
    rta(logging.DEBUG, 2746, "call_api", "failed on {}, applied to {}, aborted {}. ".format("ceph-gw-2", "localhost", "")
        + "Unhandled exception: [errno 110] RADOS timed out (error connecting to the cluster)")
    request("::1", "PUT", "/api/clientlun/%s/%s" % (IQN, ESXI[0]), 500)

    def app_dispatch():
        def _clientlun():
            def refresh():
                raised("rados", "TimedOut", "[errno 110] RADOS timed out (error connecting to the cluster)")
            refresh()
        _clientlun()
    try:
        app_dispatch()
    except Exception:
        rta(logging.ERROR, 117, "unhandled_exception", "Unhandled Exception", exc=True)
    request("::ffff:10.0.4.12", "PUT", "/api/_clientlun/%s/%s" % (IQN, ESXI[1]), 500)
    for k in range(4):
        request("::ffff:10.0.4.12", "GET", "/api/_ping", 200)
    lib(logging.ERROR, "device_status", 122, "run", "mgr command failed {}".format(-110))

    # A new server pod joins the InnoDB cluster: its initconf container.
    with pid(1):
        init.info(f"Configuring mysql pod {NS}/{IC}-3, datadir={'/var/lib/mysql'}")
        init.info(f"MySQL Operator/{'init_main.py'}={'2.2.2'} timestamp={ts} kopf={'1.37.2'} uid={27}")
        init.info(f"Setting up configurations for {IC}-3  server_id={1003}  report_host={IC}-3.{SVC}")
        for f in ("00-basic.cnf", "01-group_replication.cnf", "02-ssl.cnf", "99-extra.cnf", "initdb-localroot.sql"):
            if f.startswith("initdb-"):
                printed(stream, f"Copying /mnt/initconf/{f} to /mnt/mycnfdata/docker-entrypoint-initdb.d")
            else:
                printed(stream, f"Copying /mnt/initconf/{f} to /mnt/mycnfdata/my.cnf.d")
        init.info("Configuration done")
    for k in range(3):
        request("::ffff:10.0.4.12", "GET", "/api/_ping", 200)
    return {"name": "mysqloperator-cephiscsi", "programs": [my, ci], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_amplify_beaver(), stream_emissary_autoscaler(),
                           stream_mysqloperator_cephiscsi()])


if __name__ == "__main__":
    main()
