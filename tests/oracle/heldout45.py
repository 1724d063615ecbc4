"""The 45-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout44.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (monitoring, metrics exporters and
alerting: a status-page host on EC2, where cachet-url-monitor probes the
team's public endpoints and zabbix-cachet mirrors Zabbix's IT services
and triggers into the same Cachet status page; a Graphite metrics host,
where Bucky relays the services' StatsD and collectd metrics to Carbon
beside OvalMoney's celery-exporter watching the Celery cluster's events
for Prometheus; an exporters host, where aws-quota-checker exposes the AWS
account's service quotas and fritz_exporter scrapes a branch office's
FRITZ!Box routers over the site-to-site VPN), each format copied from the
file named beside it (the version read is given), with the formatter
class and the filter the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout45

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f1eec91 (session 24's rules in, none
written from this set), with nothing configured: 57.4% exact, 57.4% key
fields (asctime 100.0%, levelname 100.0%, name 57.5%, message 92.1%).

Formatters and filters: all six use logging.Formatter itself, four
through logging.basicConfig (cachet-url-monitor, zabbix-cachet,
celery-exporter, aws-quota-checker), two on a StreamHandler of their own
(Bucky's on the root, fritz_exporter's on its "fritzexporter" logger); no
filter changes what a record prints (cachet-url-monitor's
logging.Filter("cachet_url_monitor") on the root's handler only drops
other packages' records). cachet-url-monitor right-aligns the level to
nine and pads the default time to fifteen (it is longer: no padding
shows); its endpoints' loggers are named after the endpoint
("...Configuration.Status API", with a space); its "Current
configuration" message is a multi-line YAML dump (the token included)
ending with a line break. zabbix-cachet logs through the root logger,
with "%Z" in its date ("UTC" here) and the thread's name in parentheses
("(Trigger Watcher)"); its Cachet client's `raise client_http_error(...)`
raises None, so a timeout is logged as a TypeError chained to the
requests error. Bucky prints %(module)s, the file's name, after the
bracketed time and level. fritz_exporter pads the level to eight; its
handler is on "fritzexporter", whose level stays the root's WARNING until
main() sets every logger's level from the configuration, so config.py's
INFO lines never print (its WARNING does); one of its warnings holds
fritzconnection's multi-line UPnP error. celery-exporter's threads log as
"task-thread", "workers-thread" and "enable-events-thread", its main
module through the root; kombu's consumer records reach the same root
handler. aws-quota-checker's date is "%d-%b-%y %H:%M:%S". 349 records in
three streams (146, 102 and 101), 4 of them print lines (two bare
tracebacks).

Print lines: click.echo's "AWS profile: ..." banner of aws-quota-checker;
Python's own "Exception in thread Thread-1:" and the traceback threading's
excepthook prints when a cachet-url-monitor endpoint thread dies on the
Cachet API (no record writes it); the bare traceback of Bucky's
BuckyError, raised by its shutdown when a child does not stop.

The messages are the programs' own format strings (read at the commits
cited); the values in them (hosts, ids, metrics, times), their order and
number, and the third-party exception texts (requests', redis', kombu's,
fritzconnection's) are modelled, as is Bucky's configuration (the pickle
client, graphite_pickle_enabled, on Carbon's port 2004). kombu's
"Connected to %s" and "Broker connection error, trying again in %s
seconds: %r." (kombu.mixins) are modelled from memory of its source, not
read here: a later pass should check them. The cachet-url-
monitor image runs Python 3.7, zabbix-cachet's 3.11: the tracebacks are
printed by the Python that runs this file.

Left out: Cabot (its LOGGING's "verbose" format, "%(levelname)s
%(asctime)s %(module)s %(process)d %(thread)d %(message)s" in
arachnys/cabot eb0b354 cabot/settings.py, reaches only the gunicorn web
process; its checks and alerts run in a Celery worker whose root handler
Celery's own set-up replaces, not traced here; the 'django' logger's
console handler also propagates to the root's, printing its records
twice: kept for a later set), Healthchecks (its hc.* loggers write to the
database through hc/logs Handler, no console format;
healthchecks/healthchecks 29b5ec25 hc/settings.py), LinkedIn's Iris (in
its Docker image the API's basicConfig "[%(asctime)s] [%(process)d]
[%(levelname)s] %(name)s %(message)s" and the sender's output go to
uwsgi's error.log with uwsgi's own date prefix, `logdate: true`, read in
linkedin/iris aa814f0 ops/daemons/uwsgi-docker.yaml: not traced further),
query-exporter (structlog; albertodonato/query-exporter 3370344),
prometheus-openstack-exporter (a bare StreamHandler, "%(message)s";
canonical/prometheus-openstack-exporter 7157a7f), SUSE's
prometheus-webhook-snmp and kpetremann's mqtt-exporter (logging.basicConfig
()'s BASIC_FORMAT: covered; SUSE/prometheus-webhook-snmp 5f577ed,
kpetremann/mqtt-exporter 5d4ddd1), lovoo's jenkins_exporter (print()
only; 6bdccf1), prometheus_speedtest (absl logging's own prefix, built in
code), and journalpump, prometheus-pve-exporter, the Elasticsearch and
Kafka consumer-group exporters, speedtest-exporter, prom2teams, Alerta,
ElastAlert 2, Beaver, Diamond, Glances, the Datadog Agent, the PagerDuty
agent, Netdata, Checkmk, Shinken, Alignak, LibreNMS, Sensu, Apprise and
the other programs of these areas already in earlier sets or their Left
out paragraphs.
"""

import logging
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, log_at, printed, raised, uncaught  # noqa: E402
from heldout3 import in_thread  # noqa: E402
from heldout12 import lg  # noqa: E402

# cachet-url-monitor (mtakaki/cachet-url-monitor, 5c651d3),
# cachet_url_monitor/scheduler.py's FORMAT, through logging.basicConfig
# (level INFO), a logging.Filter("cachet_url_monitor") on the root's handler.
CACHET_URL = "%(levelname)9s [%(asctime)-15s] %(name)s - %(message)s"
# zabbix-cachet (qk4l/zabbix-cachet, b14fb62), src/zabbix_cachet/main.py
# main()'s logging.basicConfig (level from config.yml's log_level: INFO).
ZABBIX_CACHET = "%(asctime)s %(levelname)s: (%(threadName)s) %(message)s"
ZABBIX_CACHET_DATEFMT = "%Y-%m-%d %H:%M:%S %Z"
# Bucky (trbs/bucky, cda5072), bucky/main.py main()'s logfmt, a
# logging.Formatter on a StreamHandler of the root (its level from
# cfg.log_level, "INFO").
BUCKY = "[%(asctime)-15s][%(levelname)s] %(module)s - %(message)s"
# celery-exporter (OvalMoney/celery-exporter, cc14ea7),
# celery_exporter/__main__.py LOG_FORMAT, through logging.basicConfig.
CELERY_EXPORTER = "[%(asctime)s] %(name)s:%(levelname)s: %(message)s"
# aws-quota-checker (brennerm/aws-quota-checker, 8d60125), aws_quota/cli.py
# cli()'s logging.basicConfig.
AWS_QUOTA = "%(asctime)s [%(levelname)s] %(name)s - %(message)s"
AWS_QUOTA_DATEFMT = "%d-%b-%y %H:%M:%S"
# fritz_exporter (pdreker/fritz_exporter, 8187bb4), fritzexporter/__main__.py,
# a logging.Formatter on the "fritzexporter" logger's StreamHandler.
FRITZ = "%(asctime)s %(levelname)8s %(name)s | %(message)s"


# --------------------------------------------------------------------------
# A status-page host on EC2 (Docker's awslogs driver, one stream for the
# compose project): cachet-url-monitor probes the public endpoints and
# zabbix-cachet mirrors Zabbix's IT services into the same Cachet.

CACHET_API = "https://status.example.com/api/v1"
ENDPOINTS = [
    {"name": "Website", "url": "https://www.example.com", "method": "GET", "timeout": 1,
     "expectation": [{"type": "HTTP_STATUS", "status_range": "200-300"}, {"type": "LATENCY", "threshold": 1}],
     "allowed_fails": 0, "frequency": 30, "component_id": 1, "metric_id": 1, "latency_unit": "ms",
     "action": ["UPDATE_STATUS", "CREATE_INCIDENT", "PUSH_METRICS"], "public_incidents": True},
    {"name": "Status API", "url": "https://api.example.com/healthz", "method": "GET", "timeout": 2,
     "expectation": [{"type": "HTTP_STATUS", "status_range": "200-205"},
                     {"type": "REGEX", "regex": ".*(\"status\": ?\"ok\").*"}],
     "allowed_fails": 1, "frequency": 60, "component_id": 4, "action": ["UPDATE_STATUS", "CREATE_INCIDENT"],
     "public_incidents": True},
]
EXPECT = {"HTTP_STATUS": lambda e: repr("HTTP status range: [%s, %s[" % tuple(e["status_range"].split("-"))),
          "LATENCY": lambda e: repr("Latency threshold: %.4f seconds" % (e["threshold"],)),
          "REGEX": lambda e: repr(f"Regex: {e['regex']}")}
SERVICES = [(3, "Production", 7, "API", "12"), (3, "Production", 8, "Website", "13"),
            (5, "Payments", 9, "Card processing", "21"), (5, "Payments", 10, "Payouts", "22")]


def stream_cachet_monitors():
    stream = []
    cu = Program("cachet-url-monitor", "cachet_url_monitor.scheduler", logging.Formatter(CACHET_URL), stream)
    zc = Program("zabbix-cachet", "root", logging.Formatter(ZABBIX_CACHET, ZABBIX_CACHET_DATEFMT), stream)
    sched = lg(cu, "cachet_url_monitor.scheduler")
    agent = lg(cu, "cachet_url_monitor.scheduler.Scheduler")
    conf = {e["name"]: lg(cu, "cachet_url_monitor.configuration.Configuration." + e["name"]) for e in ENDPOINTS}
    z = lg(zc, "root", logging.INFO)

    def watcher(fn):
        in_thread("Trigger Watcher", fn)

    z.info("Zabbix Cachet v.2.1.3 started (config: /config.yml)")
    z.info("Zabbix ver: 6.0.31. Cachet ver: 2.4.1")
    for group, gname, cid, cname, _ in SERVICES[::2]:
        z.info("Component Group {} was created ({})".format(gname, group))
    for group, gname, cid, cname, _ in SERVICES:
        z.info("Component {name} was created in group id {group_id}.".format(name=cname, group_id=group))
    z.warning("Zabbix Service with service id = 31 does not have trigger, child service or problem_tags. "
              "Monitoring will not work for it")
    z.info("Successfully synced Cachet components with Zabbix Services")
    z.info("Restart triggers_watcher worker")
    watcher(lambda: z.info("start trigger watcher"))

    for e in ENDPOINTS:
        data = {"cachet": {"api_url": CACHET_API, "token": "Jq4cTzR8mWb1nKs7LxPd"}, "endpoints": e}
        conf[e["name"]].info(f"Current configuration:\n{yaml.dump(data, default_flow_style=False)}")
        conf[e["name"]].info("Component current status: ComponentStatus.OPERATIONAL")
        conf[e["name"]].info("Monitoring URL: %s %s" % (e["method"], e["url"]))
        for x in e["expectation"]:
            conf[e["name"]].info("Registered expectation: %s" % (EXPECT[x["type"]](x),))
        for action in e["action"]:
            sched.info(f"Registering action {action}")
    for _ in ENDPOINTS:
        agent.info("Starting monitor agent...")

    web, api = conf["Website"], conf["Status API"]
    for cycle in range(40):
        # Website (every 30 s, allowed_fails 0): UPDATE_STATUS,
        # CREATE_INCIDENT and PUSH_METRICS, in that order.
        elapsed = 0.18 + ((cycle * 7) % 11) / 100
        if cycle < 27:
            if cycle in (4, 5):
                elapsed += 1.3 + cycle / 10
                web.info("Latency above threshold: %.4f seconds" % elapsed)
                web.warning(f"Failure #{cycle - 3} with threshold set to 0")
            if cycle == 4:
                web.info("Component update: status [ComponentStatus.PERFORMANCE_ISSUES]")
                web.info('Incident uploaded, API unhealthy: component status [ComponentStatus.PERFORMANCE_ISSUES], '
                         f'message: "Latency above threshold: {elapsed:.4f} seconds"')
            elif cycle == 6:
                web.info("Component update: status [ComponentStatus.OPERATIONAL]")
                web.info('Incident updated, API healthy again: component status [ComponentStatus.OPERATIONAL], '
                         'message: ""')
            else:
                web.info("No changes to component status.")
            if cycle == 26:
                # Cachet's API is down: push_metrics raises and the
                # endpoint's thread dies (threading's excepthook prints it).
                printed(stream, "Exception in thread Thread-1:")

                def run():
                    def push_metrics():
                        raised("requests.exceptions", "ConnectionError",
                               "HTTPSConnectionPool(host='status.example.com', port=443): Max retries exceeded with "
                               "url: /api/v1/metrics/1/points (Caused by NewConnectionError('<urllib3.connection."
                               "HTTPSConnection object at 0x7f3b2c1e5d90>: Failed to establish a new connection: "
                               "[Errno 111] Connection refused'))")
                    push_metrics()
                uncaught(stream, run)
            else:
                web.info("Metric uploaded: %.6f %s" % (elapsed, "ms"))
        # Status API (every 60 s, allowed_fails 1): the second failure
        # finds previous_status already set by the first, untriggered one.
        if cycle % 2 == 0:
            if cycle in (8, 10):
                api.warning("The URL is unreachable: %s %s" % ("GET", "https://api.example.com/healthz"))
                api.warning(f"Failure #{cycle // 2 - 3} with threshold set to 1")
            if cycle == 2:
                api.info("Regex did not match anything in the body")
                api.warning("Failure #1 with threshold set to 1")
            elif cycle not in (4, 8, 12):
                api.info("No changes to component status.")
        if cycle % 2 == 0:
            def check(cycle=cycle):
                z.info("Check status of Zabbix triggers")
                if cycle == 2:
                    z.info("Incident Production | High HTTP 5xx rate on api.example.com (id=57) was created for "
                           "component id 7.")
                    z.info("Component API (id=7) was updated. Status - Partial Outage")
                if cycle in (6, 14, 22):
                    z.warning("Failed to get zabbix event for trigger 24117")
                if cycle == 6:
                    z.info("Incident ID 57 was updated. Status - Identified")
                if cycle == 18:
                    z.info("Incident ID 57 was updated. Status - Fixed")
                if cycle == 10:
                    # _http_get's `raise client_http_error(...)` raises None:
                    # a TypeError, chained to the requests error.
                    url = CACHET_API + "/incidents"
                    try:
                        try:
                            raised("requests.exceptions", "ReadTimeout",
                                   "HTTPSConnectionPool(host='status.example.com', port=443): Read timed out. "
                                   "(read timeout=None)")
                        except Exception as err:
                            z.error("ClientHttpError[%s, %s: %s]" % (url, None, err))
                            raise None
                    except Exception as err:
                        z.error("triggers_watcher() raised an Exception. Something gone wrong")
                        z.error(err, exc_info=True)
                if cycle in (30, 32):
                    z.error("Zabbix Error: ('Unable to connect to https://zabbix.example.com/api_jsonrpc.php', "
                            "ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='zabbix.example.com', "
                            "port=443): Read timed out. (read timeout=30)\")))")
                    z.error("Zabbix is not available. Skip checking...")
            watcher(check)
    return {"name": "cachet-monitors", "programs": [cu, zc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A Graphite metrics host on EC2 (the CloudWatch agent ships the
# containers' output to one log group): Bucky relays StatsD and collectd
# metrics to Carbon; celery-exporter watches the Celery cluster's events.

BK = "bucky/"


def stream_bucky_celery_exporter():
    stream = []
    bk = Program("bucky", "bucky.main", logging.Formatter(BUCKY), stream)
    ce = Program("celery-exporter", "root", logging.Formatter(CELERY_EXPORTER), stream)
    main = lg(bk, "bucky.main", logging.INFO)
    udp = lg(bk, "bucky.udpserver", logging.INFO)
    cd = lg(bk, "bucky.collectd", logging.INFO)
    st = lg(bk, "bucky.statsd", logging.INFO)
    carbon = lg(bk, "bucky.carbon", logging.INFO)
    root = lg(ce, "root", logging.INFO)
    task = lg(ce, "task-thread", logging.INFO)
    workers = lg(ce, "workers-thread", logging.INFO)
    events = lg(ce, "enable-events-thread", logging.INFO)
    kombu = lg(ce, "kombu.mixins", logging.INFO)

    log_at(udp, logging.INFO, BK + "udpserver.py:46", "Bound socket socket %s:%s", "0.0.0.0", 23632)
    log_at(cd, logging.INFO, BK + "collectd.py:126", "Loaded collectd types from %s", "/usr/share/collectd/types.db")
    log_at(udp, logging.INFO, BK + "udpserver.py:46", "Bound socket socket %s:%s", "0.0.0.0", 25826)
    log_at(udp, logging.INFO, BK + "udpserver.py:46", "Bound socket socket %s:%s", "0.0.0.0", 8125)
    log_at(cd, logging.INFO, BK + "collectd.py:579", "CollectDWorker up and running")
    log_at(carbon, logging.INFO, BK + "carbon.py:68", "Connected to Carbon at %s:%s", "10.0.4.21", 2004)
    root.info("Starting HTTPD on {}:{}".format("0.0.0.0", "9540"))
    task.info("Start capturing events...")
    kombu.info("Connected to %s", "redis://celery-redis.internal:6379/0")

    # An app's statsd client sends malformed lines on every flush (10 s);
    # Carbon is restarted at cycle 30; Redis fails over at cycle 12.
    bad_lines = ["checkout.latency:abc|ms", "orders.created:1|cx", "api.requests.5xx 1|c",
                 "payments.retry:2|c|@x", "search.hits:|g"]
    for cycle in range(60):
        if cycle % 10 != 9:
            log_at(st, logging.ERROR, BK + "statsd.py:434", "StatsD: Invalid line: '%s'", bad_lines[cycle % 5])
        if cycle in (5, 41):
            def convert():
                def interface_converter():
                    raise KeyError("type_instance")
                interface_converter()
            try:
                convert()
            except KeyError:
                log_at(cd, logging.ERROR, BK + "collectd.py:396", "Exception in sample handler  %s (%s):", "interface",
                       realworld.Shown("<bucky.collectd.InterfaceConverter object at 0x7f9c3e1b2d60>"), exc_info=True)
        if cycle == 30:
            log_at(carbon, logging.ERROR, BK + "carbon.py:105", "Failed to send data to Carbon server: %s",
                   "[Errno 32] Broken pipe")
        if 30 <= cycle < 39:
            log_at(carbon, logging.ERROR, BK + "carbon.py:73", "Failed to connect to %s:%s: %s", "10.0.4.21", 2004,
                   "[Errno 111] Connection refused")
        if cycle == 39:
            log_at(carbon, logging.INFO, BK + "carbon.py:68", "Connected to Carbon at %s:%s", "10.0.4.21", 2004)
        if cycle in (23, 47):
            log_at(cd, logging.ERROR, BK + "collectd.py:511", "Invalid COUNTER update for: %s:%s" % (
                "ip-10-0-3-17.ec2.internal", "interface.eth0.if_octets.rx"))
            log_at(cd, logging.INFO, BK + "collectd.py:512", "Last sample: %s", (
                "ip-10-0-3-17.ec2.internal", "interface.eth0.if_octets.rx", 1715438690.0, 18446744073709551000))
        # celery-exporter: the broker drops the event consumer; kombu
        # retries while the ping and enable-events threads fail every 5 s.
        if cycle == 12:
            def capture():
                def consume():
                    def drain_events():
                        raised("redis.exceptions", "ConnectionError", "Connection closed by server.")
                    drain_events()
                consume()
            try:
                capture()
            except Exception:
                task.exception("Connection failed")
        if 13 <= cycle < 19:
            if cycle == 13:
                task.info("Start capturing events...")
            kombu.warning("Broker connection error, trying again in %s seconds: %r.", float(2 * (cycle - 12)),
                          realworld.Shown("OperationalError('Error 111 connecting to celery-redis.internal:6379. "
                                          "Connection refused.')"))

            def ping():
                def ensure_connection():
                    raised("kombu.exceptions", "OperationalError",
                           "Error 111 connecting to celery-redis.internal:6379. Connection refused.")
                ensure_connection()
            if cycle == 13:
                try:
                    ping()
                except Exception:
                    workers.exception("Error while pinging workers")
            if cycle == 14:
                try:
                    ping()
                except Exception:
                    events.exception("Error while trying to enable events")
        if cycle == 19:
            kombu.info("Connected to %s", "redis://celery-redis.internal:6379/0")
    log_at(main, logging.INFO, BK + "main.py:296", "Received SIGTERM")
    log_at(cd, logging.INFO, BK + "collectd.py:613", "Received SIGTERM")
    log_at(main, logging.INFO, BK + "main.py:333", "Shutting down")
    procs = [("server", "MetricsDServer-1", 9), ("server", "CollectDServerMP-2", 10), ("server", "StatsDServer-3", 12),
             ("client", "PickleClient-4", 13)]
    for kind, name, child in procs:
        line = "main.py:335" if kind == "server" else "main.py:343"
        log_at(main, logging.INFO, BK + line, f"Stopping {kind} %s", realworld.Shown(
            f"<{name.split('-')[0]} name='{name}' pid={child} parent=1 started daemon>"))
    log_at(cd, logging.INFO, BK + "collectd.py:640", "Shutting down CollectDServer")
    log_at(main, logging.ERROR, BK + "main.py:348", "Child %s didn't die gracefully, terminating",
           realworld.Shown("<StatsDServer name='StatsDServer-3' pid=12 parent=1 started daemon>"))

    def bucky_main():
        def shutdown():
            raised("bucky.errors", "BuckyError",
                   "Not all children died gracefully: [<StatsDServer name='StatsDServer-3' pid=12 parent=1 started "
                   "daemon>]")
        shutdown()
    uncaught(stream, bucky_main)
    root.info("Shutting down")
    return {"name": "bucky-celery-exporter", "programs": [bk, ce], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An exporters host (ECS on EC2, awslogs): aws-quota-checker's
# prometheus-exporter command exposes the account's quotas, and
# fritz_exporter scrapes two branch-office FRITZ!Boxes over the VPN.

ACCOUNT = "123456789012"
QUOTAS = [("vpc_count", "vpc", "VpcCountCheck", "region"), ("ig_count", "vpc", "InternetGatewayCountCheck", "region"),
          ("ec2_eip_count", "ec2", "EIPCountCheck", "region"), ("asg_count", "autoscaling", "", "region"),
          ("s3_bucket_count", "s3", "BucketCountCheck", "account"), ("iam_role_count", "iam", "", "account"),
          ("ecs_count", "ecs", "ClusterCountCheck", "region"), ("cf_stack_count", "cloudformation", "", "region"),
          ("ebs_snapshot_count", "ebs", "", "region"), ("lambda_function_storage", "lambdas", "", "region")]
BOXES = [("fritz-hh.branch.example.com", "Hamburg office", "FRITZ!Box 7590", "0C7274A1B2C3"),
         ("fritz-muc.branch.example.com", "Munich office", "FRITZ!Box 6660 Cable", "3810D5E4F5A6")]


def labels(key, scope, instance=None):
    values = {"quota": key, "account": ACCOUNT}
    if scope != "account":
        values["region"] = "eu-central-1"
    if instance:
        values["instance"] = instance
    return f"{key}{values}"


def stream_quota_fritz():
    stream = []
    aq = Program("aws-quota-checker", "aws_quota.prometheus", logging.Formatter(AWS_QUOTA, AWS_QUOTA_DATEFMT), stream)
    fx = Program("fritz_exporter", "fritzexporter", logging.Formatter(FRITZ), stream)
    q = lg(aq, "aws_quota.prometheus", logging.INFO)
    f = lg(fx, "fritzexporter", logging.INFO)
    fdev = lg(fx, "fritzexporter.fritzdevice", logging.INFO)
    fcap = lg(fx, "fritzexporter.fritzcapability", logging.INFO)
    fconf = lg(fx, "fritzexporter.config", logging.INFO)

    keys = ",".join(k for k, *_ in QUOTAS) + ",iam_attached_policy_per_role"
    printed(stream, f"AWS profile: default | AWS region: eu-central-1 | Active checks: {keys}")
    q.info("starting /metrics endpoint on port 8080")
    fconf.warning("Binding to all interfaces (listen_address=%s). Note: the default changed to 127.0.0.1 in v3.0.0 "
                  "— set listen_address explicitly if binding to all interfaces is intentional.", "0.0.0.0")
    for host, name, model, serial in BOXES:
        fdev.info("Connection to %s successful, reading capabilities", host)
        if "Cable" in model:
            for svc, action in [("WANDSLInterfaceConfig1", "GetInfo"), ("WANPPPConnection1", "GetInfo"),
                                ("WLANConfiguration3", "GetInfo")]:
                fcap.warning("disabling metrics at service %s, action %s - fritzconnection.call_action returned %s",
                             svc, action, f"Unknown service: '{svc}'")
        fdev.info("Reading capabilities for %s, got serial %s, model name %s completed", host, serial, model)
        f.info("registering %s to collector", host)
    f.info("Starting listener at %s:%d", "0.0.0.0", 9787)
    f.info("Exporter is ready")

    roles = ["AWSReservedSSO_AdministratorAccess_3f2a", "eks-node-group-platform", "github-actions-deploy",
             "lambda-log-forwarder"]
    # A minute a cycle: checks and limits every 10 minutes, current values
    # every 5 (the command's defaults); Prometheus scrapes fritz_exporter
    # every 2 minutes.
    for cycle in range(60):
        if cycle % 10 == 0:
            q.info("collecting checks")
            if cycle == 30:
                q.error("failed to collect check %s", realworld.Shown(
                    "<class 'aws_quota.check.iam.AttachedPolicyPerRoleCheck'>"))
            q.info(f"collected {len(QUOTAS) + (len(roles) if cycle < 30 else 0)} checks")
            q.info("refreshing limits")
            if cycle in (0, 20):
                q.error("getting maximum of quota %s failed", labels("lambda_function_storage", "region"))
            q.info("limits refreshed")
        if cycle % 5 == 0:
            q.info("refreshing current values")
            if cycle == 15:
                q.warning("instance with identifier %s does not exist anymore, dropping it...", roles[3])
            if cycle in (10, 40):
                q.error("getting current value of quota %s failed", labels("ebs_snapshot_count", "region"))
            q.info("current values refreshed")
        if cycle % 2:
            continue
        for host, name, model, serial in BOXES:
            if host.startswith("fritz-hh"):
                fcap.warning("failed to read WiFi associations from %s on %s: %s", "WLANConfiguration3", host,
                             "UPnPError:\nerrorCode: 714\nerrorDescription: NoSuchEntryInArray")
            if host.startswith("fritz-muc") and cycle == 24:
                def generate():
                    def call_action():
                        raised("fritzconnection.core.exceptions", "FritzConnectionException",
                               "HTTPConnectionPool(host='fritz-muc.branch.example.com', port=49000): Read timed out. "
                               "(read timeout=10)")
                    call_action()
                try:
                    generate()
                except Exception:
                    fcap.exception("Device %s is unreachable, skipping %s metrics for this collection cycle", host,
                                   "WanCommonInterfaceConfig")
            if host.startswith("fritz-muc") and cycle == 28:
                fdev.info("Device %s (%s) is back online, registering to collector.", host, name)
            if host.startswith("fritz-hh") and cycle == 50:
                fcap.warning("Failed to retrieve mesh topology from %s", host)
    return {"name": "quota-fritz", "programs": [aq, fx], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_cachet_monitors(), stream_bucky_celery_exporter(), stream_quota_fritz()])


if __name__ == "__main__":
    main()
