"""The 60-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout59.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the area this batch was given, scientific and research data pipelines (a
neutron instrument's data streaming, where the ESS Forwarder relays EPICS
process variables into Kafka and just-bin-it histograms the detector
events on the same host; reproducible-analysis workflows on an EKS
cluster, where REANA's workflow controller follows its jobs' statuses and
a WfExS-backend Job stages and runs a Nextflow workflow; a data
repository host, where Girder serves a lab's data and a DataONE Generic
Member Node publishes its datasets), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout60

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 4a19aeb (session 27's rules in, none written
from this set), with nothing configured: 90.4% exact, 96.8% key fields
(asctime 100.0%, levelname 100.0%, name 100.0%, message 97.0%).

Formatters and filters: all six programs use logging.Formatter itself
(five through logging.basicConfig, the Member Node through Django's
dictConfig of its LOGGING), no filter changes what a record prints. The
Forwarder calls basicConfig() with no format when it is given no log file
(a container's case), so its records print Python's BASIC_FORMAT
("INFO:python-forwarder:..."), no time; it logs through a LoggerAdapter
of its "python-forwarder" logger, and its `logger.exception(e)` calls log
the exception itself as the message (the adapter's extra, `process_name`
"forwarder", is in the truth, as python-json-logger writes it, though the
text never shows it). just-bin-it logs through the root
logger ("root"), dicts as messages (each histogram's info is logged twice,
once by the histogrammer and once by the process publishing it), and its
main loop logs each command at WARNING. REANA's REANA_LOG_FORMAT puts the
thread's name between pipes: "MainThread" for the job-status consumer,
uWSGI's request threads ("uWSGIWorker1Core0", the name uWSGI gives them:
modelled, not read) for the REST app. WfExS-backend prints the level in
brackets, no name (the time padded to fifteen, which shows no padding);
many of its messages start with a tab, several end with a line break.
Girder calls basicConfig(stream=sys.stdout) with no format: BASIC_FORMAT,
its modules' names. The Member Node's format prints the level padded to
eight, the logger's name, the module (from the file's path), the process
and the thread id (pinned by a filter, as `heldout25.py` pins Richie's),
with "%Y-%m-%d %H:%M:%S" and no milliseconds; its file handler also takes
django.request's records, which propagate to the root. 350 records in
three streams (31 of them print lines, one a bare traceback).

Print lines: the containers' entrypoint lines, librdkafka's own lines on
stderr ("%4|...|FAIL|rdkafka#..."), uWSGI's request lines for REANA's REST
app, the traceback WfExS-backend dies with when its staging fails (no
record writes it), and the Girder container's shell line. The Member
Node's log is a file (/var/local/dataone/gmn.log) the CloudWatch agent
ships into the same stream as Girder's container log, so it has no print
lines of its own.

The messages are modelled on the programs' source, not copied line by
line: the Forwarder's (forwarder/scripts/run.py, handle_config_change.py,
parse_config_update.py, update_handlers/ca_update_handler.py),
just-bin-it's (bin/just-bin-it.py, command_actioner.py, histograms/),
REANA's (consumer.py, dask.py, workflow_run_manager.py), WfExS-backend's
(__main__.py, workflow.py, container_factories/docker_container.py),
Girder's (utility/server.py, asgi.py, plugin.py, models/upload.py,
models/file.py, utility/s3_assetstore_adapter.py, api/rest.py) and the
Member Node's (app/gmn.py, node_registry.py, middleware/session_jwt.py,
did.py, with their functions and lines) were read at the commits cited.
The values (PV names, topics, workflow ids, URIs, pids, thread ids), the
order and number of records, the exception texts of third-party libraries
and all print lines are modelled.

Left out: Tiled (bluesky/tiled 898f524c tiled/server/logging_config.py:
uvicorn's DefaultFormatter "[%(correlation_id)s] %(levelprefix)s
%(message)s" with asgi_correlation_id's and its PrincipalFilter's
attributes; uvicorn is not installed here), dask-gateway (dask/dask-gateway
99f3ef0 dask_gateway_server/traitlets.py: colorlog's "%(log_color)s[...]"
through its LogFormatter, as Robusta's in `heldout10.py`), the Member
Node's management commands (process_replication_queue and the others log
through d1_common.utils.ulog's own set-up, not read), Zocalo, Cylc,
Pegasus, Sardana, PyMoDAQ, pyobs, Merlin and QCFractal (in earlier sets or
their "Left out" paragraphs), and DANDI, Invenio, OpenFlexure, redun,
StreamFlow and DIRAC (for want of time to read their formats in source;
none was guessed).
"""

import json
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout import Set  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout39 import thread  # noqa: E402

# ESS Forwarder (ess-dmsc/forwarder, 872729a), forwarder/application_logger.py
# setup_logger: logging.basicConfig() when no log file is given, so
# Python's BASIC_FORMAT; the "python-forwarder" logger at the VERBOSITY set.
FORWARDER = logging.BASIC_FORMAT
# just-bin-it (ess-dmsc/just-bin-it, 51a7c50), bin/just-bin-it.py's
# logging.basicConfig(format=...) (both branches of its --log-level).
JUSTBINIT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# REANA workflow controller (reanahub/reana-workflow-controller, 11b19db),
# reana_workflow_controller/cli.py and factory.py: logging.basicConfig(
# level=REANA_LOG_LEVEL, format=REANA_LOG_FORMAT), the format's default in
# reana_commons/config.py (reanahub/reana-commons, a1b9a4b).
REANA = "%(asctime)s | %(name)s | %(threadName)s | %(levelname)s | %(message)s"
# WfExS-backend (inab/WfExS-backend, edd87e1), wfexs_backend/__main__.py
# LOGGING_FORMAT (no -d), through logging.basicConfig(**loggingConf).
WFEXS = "%(asctime)-15s - [%(levelname)s] %(message)s"
# Girder (girder/girder, 103f77997), girder/utility/server.py
# configureServer: logging.basicConfig(stream=sys.stdout, level=LOGLEVEL),
# no format: Python's BASIC_FORMAT.
GIRDER = logging.BASIC_FORMAT
# DataONE Generic Member Node (DataONEorg/d1_python, 9ba1f9e8),
# gmn/src/d1_gmn/app/settings_default.py LOGGING's "verbose" formatter (the
# root's "rotating_file" handler, /var/local/dataone/gmn.log).
GMN = "%(asctime)s %(levelname)-8s %(name)s %(module)s %(process)d %(thread)d %(message)s"
GMN_DATEFMT = "%Y-%m-%d %H:%M:%S"


# --------------------------------------------------------------------------
# A neutron instrument's streaming host on EC2 (Docker's awslogs driver,
# one stream for the compose project): the ESS Forwarder subscribes to the
# instrument's EPICS PVs and writes their updates to Kafka, and just-bin-it
# histograms the detector's event data for the live displays. librdkafka's
# own lines (confluent-kafka) are print lines.

PVS = [("LOKI-MC:MTR-01:Pos", "f144", "loki_motion"), ("LOKI-MC:MTR-02:Pos", "f144", "loki_motion"),
       ("LOKI-SE:TEMP-01:Value", "f144", "loki_sample_env"), ("LOKI-SE:PRES-01:Value", "f144", "loki_sample_env"),
       ("LOKI-CHOP:BWC-01:Spd", "f144", "loki_choppers"), ("LOKI-CHOP:BWC-01:Phs", "f144", "loki_choppers"),
       ("LOKI-DET:HV-01:Volt", "al00", "loki_detector_status"), ("LOKI-SHTR:01:Status", "ep01", "loki_shutter")]
HISTS = ["loki-det-tof", "loki-det-2d-map", "loki-monitor-1"]


def rdkafka(stream, level, fac, text):
    printed(stream, "%%%d|%.3f|%s|rdkafka#producer-1| %s" % (level, realworld.CLOCK.t, fac, text))


def stream_forwarder_justbinit():
    stream = []
    fw = Program("ess-forwarder", "python-forwarder", logging.Formatter(FORWARDER), stream)
    jb = Program("just-bin-it", "root", logging.Formatter(JUSTBINIT), stream)
    f = logging.LoggerAdapter(lg(fw, "python-forwarder"), {"process_name": "forwarder"})
    j = lg(jb, "root")

    printed(stream, "+ exec forwarder-launch --config-topic=kafka-1:9092/loki_forwarder_config "
                    "--status-topic=kafka-1:9092/loki_forwarder_status --output-broker=kafka-1:9092 -v Info")
    f.info("Forwarder version '2.1.0' started, service Id: forwarder-loki-1")
    j.info("Using Kafka security protocol PLAINTEXT")
    j.info("Creating configuration consumer")
    rdkafka(stream, 3, "FAIL", "[thrd:kafka-1:9092/bootstrap]: kafka-1:9092/bootstrap: Connect to ipv4#10.0.4.12:9092 "
                               "failed: Connection refused (after 0ms in state CONNECT)")
    j.error("Could not connect to Kafka brokers or topic for configuration - will retry shortly")
    f.info("Received config message")
    for name, schema, topic in PVS:
        f.info(f"Subscribed to PV name='{name}', schema='{schema}', topic='{topic}'")
    f.warning("Forwarder asked to subscribe to PV it is already has an identical configuration for")
    f.warning("All details must be given when adding a stream, but received ADD request for channel="
              "'LOKI-SE:TEMP-02:Value', schema='None', topic='loki_sample_env'. Skipping.")

    config = {"cmd": "config", "msg_id": "e1f0b0a2-7c3e-4d55-9a1b-3f4e2c9d8a17", "start": 1715438684000,
              "histograms": [{"type": "hist1d", "data_brokers": ["kafka-1:9092"], "data_topics": ["loki_detector"],
                              "tof_range": [0, 100000000], "num_bins": 50, "topic": "loki_hist", "id": HISTS[0]},
                             {"type": "dethist", "data_brokers": ["kafka-1:9092"], "data_topics": ["loki_detector"],
                              "det_range": [1, 802816], "width": 512, "height": 1568, "topic": "loki_hist",
                              "id": HISTS[1]},
                             {"type": "hist1d", "data_brokers": ["kafka-1:9092"], "data_topics": ["loki_monitor"],
                              "tof_range": [0, 100000000], "num_bins": 100, "topic": "loki_hist", "id": HISTS[2]}]}
    j.warning("New command received")
    j.warning("%s", config)
    j.info("Config command received")
    j.info("Stopping any existing histogram processes")
    sums = {h: 0 for h in HISTS}
    for cycle in range(9):
        # Each histogram process publishes its histograms and stats.
        with pid(40 + cycle % 3):
            stats = []
            for i, h in enumerate(HISTS):
                diff = (cycle + 1) * (4217 + 1309 * i) % 9001
                sums[h] += diff
                info = {"id": h, "start": 1715438684000, "state": "COUNTING",
                        "last_pulse_time": 1715438684000000000 + cycle * 1000000000,
                        "sum": sums[h], "diff": diff, "rate": diff / 1.0}
                j.info(info)
                j.info(info)
                stats.append({"last_pulse_time": info["last_pulse_time"], "sum": sums[h], "diff": diff,
                              "rate": diff / 1.0})
            j.info("%s", json.dumps(stats))
        if cycle == 2:
            f.error('Display unit of (ca) PV with name "LOKI-SE:TEMP-01:Value" changed from "K" to "C".')
        if cycle == 3:
            def monitor_callback():
                def process_ca_message():
                    raised("builtins", "OverflowError", "Python int too large to convert to C long")
                process_ca_message()
            try:
                monitor_callback()
            except Exception as e:
                f.error("Got uncaught exception in CAUpdateHandler._monitor_callback. The message was: "
                        f"{str(e)}")
                f.exception(e)
        if cycle == 4:
            rdkafka(stream, 4, "REQTMOUT", "[thrd:kafka-2:9092/2]: kafka-2:9092/2: Timed out ProduceRequest in flight "
                                           "(after 60012ms, timeout #0)")
            f.error("Message failed delivery: KafkaError{code=_MSG_TIMED_OUT,val=-192,str=\"Local: Message timed "
                    "out\"}")
            f.warning("Ignoring received message as it had the wrong schema")
            j.warning("New command received")
            j.warning("%s", {"cmd": "reset_counts", "msg_id": "0c6d1b8e-91aa-4f1e-b2a0-5d7c3e9f4a61"})
            j.info("Reset command received")
            with pid(40):
                j.info("Clearing histograms")
                for h in HISTS:
                    j.info("Clearing data")
                    sums[h] = 0
        if cycle == 6:
            f.info("Received config message")
            f.info("Unsubscribed from PVs matching name='LOKI-CHOP:*', schema='None', topic='None'")
            f.warning('Unrecognised protocol type "CAX" specified forstream in configuration update message.')
            j.warning("New command received")
            bad = {"cmd": "config", "msg_id": "7aa1f3c2-0b9e-4c3a-8d2f-1e6b5c4d3a29",
                   "histograms": [{"type": "roihist", "data_brokers": ["kafka-1:9092"], "data_topics": ["loki_det"],
                                   "topic": "loki_hist", "id": "loki-roi-1"}]}
            j.warning("%s", bad)
            j.info("Config command received")
            j.info("Stopping any existing histogram processes")
            j.error("Could not find topic(s): %s", "loki_det")
            j.error("Could not handle configuration: %s", "Invalid Kafka settings")
        if cycle == 7:
            with pid(41):
                j.warning("No stats for histogram %s", HISTS[1])
    j.warning("New command received")
    j.warning("%s", {"cmd": "stop", "msg_id": "a9c4e2d1-5b3f-4e8a-9c7d-2f1b0e6a5d43"})
    j.info("Stop command received")
    j.info("Stopping any existing histogram processes")
    for n in range(3):
        with pid(40 + n):
            j.info("Stopping histogramming process")
    f.info("Received config message")
    f.info("Unsubscribed from all PVs")
    printed(stream, "forwarder-1 exited with code 0")
    return {"name": "forwarder-justbinit", "programs": [fw, jb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A research-computing EKS cluster's log group (Fluent Bit): REANA's
# workflow controller pod (its job-status consumer and its uWSGI REST app)
# and a WfExS-backend Job that stages and runs an RNA-seq Nextflow
# workflow from WorkflowHub. uWSGI's request lines and the traceback
# WfExS-backend dies with are print lines.

WORKFLOWS = ["3c9d5a6e-2f0b-4b7e-9a41-0d8e7c6b5a12", "8f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b",
             "b7a6c5d4-e3f2-4a1b-8c9d-0e1f2a3b4c5d", "5d4c3b2a-1f0e-4d9c-8b7a-6e5f4d3c2b1a"]
SITE = "/usr/local/lib/python3.12/site-packages"


def uwsgi_line(req, method, path, size, msecs, status):
    return ("[pid: 14|app: 0|req: %d/%d] 10.0.7.31 () {34 vars in 611 bytes} [%s] %s %s => generated %d bytes in %d "
            "msecs (HTTP/1.1 %d) 2 headers in 81 bytes (1 switches on core 0)"
            % (req, req, now("%a %b %d %H:%M:%S %Y"), method, path, size, msecs, status))


def stream_reana_wfexs():
    stream = []
    rn = Program("reana-workflow-controller", "root", logging.Formatter(REANA), stream)
    wx = Program("wfexs-backend", "wfexs_backend.__main__", logging.Formatter(WFEXS), stream)
    r = lg(rn, "root")
    w = lg(wx, "wfexs_backend.__main__")
    wf = lg(wx, "wfexs_backend.workflow::WF")
    dk = lg(wx, "wfexs_backend.container_factories.docker_container::DockerContainerFactory")

    printed(stream, "*** Starting uWSGI 2.0.28 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "spawned uWSGI worker 1 (pid: 14, cores: 2)")
    r.info("Starting job status consumer...")
    work = "/data/wfexs/workdirs/4f2b9c1e-8d7a-4e3b-a6c5-9f0e1d2c3b4a"
    w.info('* Command "execute".')
    w.info("\t- Working directory will be %s" % work)
    w.info("\t  Instance 4f2b9c1e-8d7a-4e3b-a6c5-9f0e1d2c3b4a (nickname 'dazzling_curie') (to be used with -J)")
    wf.info("materialized workflow repository (checkout 3e8a1f0c9b2d4e6f7a8b9c0d1e2f3a4b5c6d7e8f): "
            "/data/wfexs/cache/wf-cache/1c2d3e4f5a6b7c8d9e0f/nf-core-rnaseq")
    wf.info("Engine NextflowWorkflowEngine version 23.10.1 being used")
    for image in ["quay.io/biocontainers/fastqc:0.12.1--hdfd78af_0", "quay.io/biocontainers/salmon:1.10.1--h7e5ed60_0",
                  "quay.io/biocontainers/multiqc:1.19--pyhdfd78af_0", "quay.io/biocontainers/star:2.7.10a--h9ee0642_0"]:
        tag = image.split("/")[-1]
        dk.info(f"downloading docker container: {tag} => {image}")
        dk.info(f"saving docker container (for reproducibility matters): {tag}")
    wf.warning("Current staging scenario can lead to unexpected errors in case of cache miss, as neither caching nor "
               "cloning are allowed")

    for cycle in range(10):
        # The job-status consumer follows the workflows' jobs.
        for i, uuid in enumerate(WORKFLOWS):
            status = ["running", "running", "finished", "failed"][(i + cycle) % 4]
            if (i + cycle) % 5 == 4:
                body = json.dumps({"workflow_uuid": uuid, "logs": "", "status": 3,
                                   "message": {"progress": {"finished": {"total": 1, "job_ids": ["a1"]}}}})
                r.warning(f"Event for not alive workflow {uuid} with DB status RunStatus.finished received:\n"
                          f"{body}\nIgnoring...")
                continue
            r.info(f" [x] Received workflow_uuid: {uuid} status: RunStatus.{status}")
            if status == "finished" and i % 2 == 0:
                r.info(f"Dask cluster for workflow {uuid} deleted successfully.")
                r.info(f"Dask autoscaler for workflow {uuid} deleted successfully.")
                r.info(f"Dask service model for workflow {uuid} status updated to 'deleted' in database.")
        # The REST app answers the clients and reana-server.
        with thread("uWSGIWorker1Core%d" % (cycle % 2)):
            printed(stream, uwsgi_line(2 * cycle + 1, "GET", "/workflows?user=00000000-0000-0000-0000-000000000000"
                                       "&type=batch&verbose=false", 4211 + 37 * cycle, 41 + cycle, 200))
            printed(stream, uwsgi_line(2 * cycle + 2, "GET", "/workflows/%s/status?user=00000000-0000-0000-0000-"
                                       "000000000000" % WORKFLOWS[cycle % 4], 388, 12, 200))
            if cycle == 2:
                def start_batch():
                    def create_job():
                        raised("kubernetes.client.exceptions", "ApiException",
                               "(403)\nReason: Forbidden\nHTTP response headers: HTTPHeaderDict({'Audit-Id': "
                               "'6b0f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b', 'Content-Type': 'application/json'})\n"
                               "HTTP response body: {\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                               "\"message\":\"jobs.batch \\\"reana-run-batch-b7a6c5d4\\\" is forbidden: exceeded "
                               "quota: "
                               "reana-quota\",\"reason\":\"Forbidden\",\"code\":403}\n")
                    create_job()
                try:
                    start_batch()
                except Exception as e:
                    msg = "Workflow engine/job controller pod " "creation failed {}".format(e)
                    r.error(msg, exc_info=True)
                printed(stream, uwsgi_line(99, "PUT", "/workflows/%s/status?status=start" % WORKFLOWS[2], 152, 318,
                                           500))
            if cycle == 5:
                def delete_job():
                    raised("kubernetes.client.exceptions", "ApiException", "(404)\nReason: Not Found\nHTTP response "
                           "body: {\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                           "\"jobs.batch \\\"reana-run-batch-8f1e2d3c\\\" not found\",\"reason\":\"NotFound\","
                           "\"code\":404}\n")
                try:
                    delete_job()
                except Exception:
                    r.error(f"Error while trying to stop {WORKFLOWS[1]}: Kubernetes job reana-run-batch-8f1e2d3c "
                            "could not be deleted.", exc_info=True)
        if cycle == 3:
            r.error(f"Cannot transition workflow {WORKFLOWS[3]} from status RunStatus.failed to RunStatus.running.")
        if cycle == 4:
            def on_message():
                def query():
                    raised("sqlalchemy.exc", "OperationalError",
                           "(psycopg2.OperationalError) server closed the connection unexpectedly\n\tThis probably "
                           "means the server terminated abnormally\n\tbefore or while processing the request.\n\n"
                           "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
                query()
            try:
                on_message()
            except Exception as e:
                r.error(f"Something went wrong while querying the database for workflow: {WORKFLOWS[0]}")
                r.error(e, exc_info=True)
        if cycle == 6:
            r.error(f"Skipping updating commit status for workflow {WORKFLOWS[2]}: GitLab access token not found.")
        # WfExS-backend stages the inputs, then runs.
        if cycle == 0:
            wf.warning("Discarding exp /data/wfexs/cache/inputs/samplesheets/../samplesheet_full.csv (from *.csv) as "
                       "it is outside the boundaries")
            wf.warning("Mismatching resource type reference/GRCh38: expected File vs Directory")
        if cycle == 1:
            wf.warning("Failed to format (revise placeholders): s3://lab-rnaseq-raw/{run}/{sample}_2.fastq.gz")

            def fetch_ega():
                def get():
                    raised("urllib.error", "HTTPError", "HTTP Error 401: Unauthorized")
                get()
            try:
                fetch_ega()
            except Exception:
                wf.exception("Error while fetching primary content with URIs https://ega-archive.org/files/"
                             "EGAF00001234567")
        if cycle == 2:
            def fetch_s3():
                def head_object():
                    raised("botocore.exceptions", "NoCredentialsError", "Unable to locate credentials")
                head_object()
            try:
                fetch_s3()
            except Exception:
                wf.exception("Error while fetching primary content with URIs s3://lab-rnaseq-raw/run-2024-05/"
                             "SRR6270655_2.fastq.gz")
        if cycle == 3:
            wf.error("Next URIs could not be downloaded. Maybe some kind of authentication is needed.")
            wf.error("-> https://ega-archive.org/files/EGAF00001234567")
            wf.error("-> s3://lab-rnaseq-raw/run-2024-05/SRR6270655_2.fastq.gz")

            def main():
                def stage():
                    def fetch_inputs():
                        raised("wfexs_backend.workflow", "WFException",
                               "2 URIs could not be fetched. See log for details")
                    fetch_inputs()
                stage()
            uncaught(stream, main)
            printed(stream, "wfexs-stage-4f2b9c1e-qx7lp exited with code 1")
        if cycle == 5:
            w.info('* Command "execute".')
            w.info("\t- Working directory will be %s" % work)
            w.info("\t  Instance 4f2b9c1e-8d7a-4e3b-a6c5-9f0e1d2c3b4a (nickname 'dazzling_curie') (to be used with -J)")
            wf.info("Engine NextflowWorkflowEngine version 23.10.1 being used")
            w.info("\t- Instance 4f2b9c1e-8d7a-4e3b-a6c5-9f0e1d2c3b4a (nickname 'dazzling_curie') is being run")
        if cycle == 7:
            w.info("\t- Instance 4f2b9c1e-8d7a-4e3b-a6c5-9f0e1d2c3b4a (nickname 'dazzling_curie') exit value: 0 (DONE)")
            wf.info(f"Staged RO-Crate created: {work}/outputs/staged_crate.crate.zip")
            wf.info(f"Execution RO-Crate created: {work}/outputs/execution_crate.crate.zip")
    printed(stream, "SIGTERM received: gracefully killing all workers")
    r.info("Stopping job status consumer...")
    return {"name": "reana-wfexs", "programs": [rn, wx], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A data repository host on EC2 (the CloudWatch agent ships Girder's
# container log and the Member Node's /var/local/dataone/gmn.log into one
# stream): Girder serves a lab's imaging data from an S3 assetstore, and a
# DataONE Generic Member Node (under Apache's mod_wsgi, two daemon
# processes) publishes the lab's datasets to the DataONE federation.

GMN_APP = "/var/local/dataone/gmn_venv_py3/lib/python3.10/site-packages/d1_gmn/app/"
DJANGO_LOG = "/var/local/dataone/gmn_venv_py3/lib/python3.10/site-packages/django/utils/log.py"
DATAONE_ROOT = "https://cn.dataone.org/cn"
PIDS = ["doi:10.18739/A2Q52FD98", "urn:uuid:6a1f0e2c-3b4d-4c5e-9f8a-7b6c5d4e3f2a", "doi:10.18739/A2WM13V6K",
        "resource_map_urn:uuid:0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e", "urn:uuid:f3e2d1c0-b9a8-4776-9554-433221100ffe"]


def stream_girder_gmn():
    stream = []
    gd = Program("girder", "girder", logging.Formatter(GIRDER), stream)
    gm = Program("dataone-gmn", "d1_gmn", logging.Formatter(GMN, GMN_DATEFMT), stream)
    server = lg(gd, "girder.utility.server")
    plugin = lg(gd, "girder.plugin")
    asgi = lg(gd, "girder.asgi")
    upload = lg(gd, "girder.models.upload")
    files = lg(gd, "girder.models.file")
    s3 = lg(gd, "girder.utility.s3_assetstore_adapter")
    rest = lg(gd, "girder.api.rest")
    gmn = lg(gm, "d1_gmn.app.gmn")
    registry = lg(gm, "d1_gmn.app.node_registry")
    jwt = lg(gm, "d1_gmn.app.middleware.session_jwt")
    did = lg(gm, "d1_gmn.app.did")
    request = lg(gm, "django.request")
    ids = Set(thread=140213337917184)
    gm.handler.addFilter(ids)

    def gmn_start(proc):
        with pid(proc):
            for setting, current, safe in [("DEBUG_GMN", True, False), ("STATIC_SERVER", True, False)]:
                at(gmn, logging.WARNING, GMN_APP + "gmn.py", 174, "_warn_unsafe_for_prod",
                   'Setting is unsafe for use in production. setting="{}" current="{}" safe="{}"'.format(
                       setting, current, safe))

    def gmn_registry(proc, ok=True):
        with pid(proc):
            at(registry, logging.INFO, GMN_APP + "node_registry.py", 47, "get_cn_subjects",
               "Running in environment: {}".format(DATAONE_ROOT))
            at(registry, logging.INFO, GMN_APP + "node_registry.py", 101, "download_node_registry",
               "Downloading node registry from environment: {}".format(DATAONE_ROOT))
            if ok:
                at(registry, logging.INFO, GMN_APP + "node_registry.py", 71, "set_cn_subjects_for_environment",
                   "CN Subjects successfully retrieved from the DataONE environment: {}".format(
                       ", ".join(["CN=urn:node:CNUNM1,DC=dataone,DC=org", "CN=urn:node:CNUCSB1,DC=dataone,DC=org",
                                  "CN=urn:node:CNORC1,DC=dataone,DC=org"])))
            else:
                at(registry, logging.WARNING, GMN_APP + "node_registry.py", 64, "set_cn_subjects_for_environment",
                   "Unable to get CN Subjects from the DataONE environment. If this server is being used for testing, "
                   'see the STAND_ALONE setting. error="{}" env="{}"'.format(
                       "HTTPSConnectionPool(host='cn.dataone.org', port=443): Read timed out. (read timeout=60.0)",
                       DATAONE_ROOT))

    printed(stream, "+ exec girder serve --mode production --host 0.0.0.0 --port 8080 --database "
                    "mongodb://mongo:27017/girder")
    server.info("Running in mode: %s", "production")
    for name in ["jobs", "worker", "oauth", "large_image", "slicer_cli_web"]:
        plugin.info('Loaded plugin "%s"', name)
    asgi.info("Girder server running")
    gmn_start(2113)
    gmn_registry(2113)
    gmn_start(2114)
    for cycle in range(12):
        proc = 2113 + cycle % 2
        ids.values["thread"] = [140213337917184, 140213329524480, 140213321131776][cycle % 3]
        # Girder: the lab's uploads from the microscopes' sync jobs.
        for k in range(5):
            n = cycle * 5 + k
            upload.info("Upload complete. Upload=%s File=%s User=%s", "66a1%020x" % (0x3f2a + n),
                        "66a1%020x" % (0x7b10 + n), "65f0c3d2e1b4a59687f0e1d2")
        if cycle == 2:
            files.warning("Broken reference in file %s: no item %s exists", "66a1000000000000000003a7",
                          "66a0ff00000000000000019c")
        if cycle == 4:
            s3.error("S3 multipart upload failure %d (uploadId=%s): %s", 503, "66a10000000000000000412c",
                     '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your '
                     "request rate.</Message><RequestId>7Q2X0J8K3M5N1P4R</RequestId></Error>")

            def handle_route():
                def read_chunk():
                    raised("girder.exceptions", "GirderException", "Upload failed (bad gateway)")
                read_chunk()
            try:
                handle_route()
            except Exception:
                rest.exception("500 Error")
        if cycle == 6:
            rest.warning('WARNING: No access level specified for route %s %s', "GET", "annotation/folder/{id}/present")
        # The Member Node: DataONE's CNs and clients read the lab's objects.
        with pid(proc):
            for k, p in enumerate(PIDS):
                if (k + cycle) % 4 == 1:
                    at(request, logging.WARNING, DJANGO_LOG, 241, "log_response", "Not Found: %s",
                       "/mn/v2/object/" + p.replace(":", "%3A"))
            if cycle == 1:
                at(jwt, logging.WARNING, GMN_APP + "middleware/session_jwt.py", 84, "_download_and_decode_cn_cert",
                   "Unable to get CN certificates from the DataONE environment. If this server is being used for "
                   'testing, see the STAND_ALONE setting. error="{}" env="{}"'.format(
                       "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
                       "certificate (_ssl.c:1007)", DATAONE_ROOT))
            if cycle == 3:
                at(did, logging.WARNING, GMN_APP + "did.py", 209, "classify_identifier",
                   'Unable to classify known identifier. did="{}"'.format(PIDS[3]))
            if cycle == 5:
                def get_response():
                    def describe():
                        def sciobj_open():
                            raised("builtins", "FileNotFoundError", "[Errno 2] No such file or directory: "
                                   "'/var/local/dataone/gmn_object_store/a3/f1/a3f1c0e2d4b6...'")
                        sciobj_open()
                    describe()
                try:
                    get_response()
                except Exception:
                    at(request, logging.ERROR, DJANGO_LOG, 241, "log_response", "Internal Server Error: %s",
                       "/mn/v2/object/" + PIDS[1].replace(":", "%3A"), exc=True)
        if cycle % 3 == 2:
            # The CN subjects' cache expired: the next request downloads them again.
            gmn_registry(proc)
        if cycle == 7:
            # mod_wsgi restarts a daemon process (maximum-requests).
            gmn_start(2187)
            gmn_registry(2187, ok=False)
    return {"name": "girder-gmn", "programs": [gd, gm], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_forwarder_justbinit(), stream_reana_wfexs(), stream_girder_gmn()])


if __name__ == "__main__":
    main()
