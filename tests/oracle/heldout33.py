"""The thirty-third held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout32.py`): six more
programs' own logging set-ups in three streams, chosen for what platform
and SRE teams run in AWS in the data-catalog, metadata and data-quality
area the earlier sets reached only in part (a data-quality host, where the
GX Agent runs Great Expectations Cloud's checkpoints and Google's Data
Validation Tool compares the warehouse with its source; a metadata host,
where Metaphor's connectors crawl Redshift into a catalog and Tokern's
data-lineage API serves the lineage graph; a query and observability
host, where Pinterest's Querybook serves its data catalog and Databand's
Airflow monitor syncs DAG runs), each format copied from the file named
beside it (the version read is given), with the formatter class the
program uses, and messages modelled on the program's source under its
loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout33

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 84.0% exact, 84.0% key
fields (asctime 85.3%, levelname 85.3%, name 91.2%, message 84.0%).

Formatters and filters: all six use logging.Formatter itself (dictConfig's
for the GX Agent, basicConfig's for the Data Validation Tool and Tokern),
no filter, no record factory. The GX Agent's console format has no time
("[INFO] great_expectations_cloud.agent.agent: "); the root is left at
WARNING (the image's entrypoint passes no --log-level), but agent.py sets
its own logger to DEBUG, so its DEBUG and INFO records print while the
other modules' print from WARNING up; most messages are event names
("job.started", "rabbitmq.connection.closed"), their fields in `extra`,
which the text format does not print; a failed job's done-callback logs
traceback.format_exc() outside any except block, so the message is
"NoneType: None" and a line break. The Data Validation Tool logs through
the root with no name and a 12-hour time and "AM"/"PM" glued to the time by
"-" ("05/11/2024 02:44:44 PM-INFO: "). Metaphor's formatter puts colons
between time, level, name and message ("2024-05-11 14:44:44:INFO:
metaphor:"), the time itself holding colons, and its console handler is
at INFO. Tokern's data-lineage calls logging.basicConfig(level=...) with
no format: Python's "%(levelname)s:%(name)s:%(message)s", its records from
the root ("INFO:root:") and Flask-RESTful's 500s through the Flask app's
logger ("ERROR:data_lineage.server:Exception on ..."). Querybook's
get_logger wraps the message in double quotes glued to the level padded to
eight ('INFO    "...') and prints the weekday inside the date
("2024-05-11 Sat 14:44:44"); most of its loggers are named by `__file__`,
so the name is the module's absolute path in the image
("/opt/querybook/querybook/server/clients/glue_client.py"), others by
`__name__` ("lib.metastore.base_metastore_loader"); a message that ends in
a traceback (LOG.error(traceback.format_exc())) puts the closing quote on a
line of its own. Databand's monitor prints the process id and the thread's
name ("MainThread", "ThreadPoolExecutor-0_0") before " : ".

Print lines: the Data Validation Tool's result tables (its text handler
print()s DataFrame.to_markdown()), the traceback the interpreter prints
when a validation run dies outside run_validations' try, gunicorn's own
lines in Tokern's API container (gunicorn.error has its own handler),
Querybook's runservice "Running: ..." echo (with the trailing space its
empty SERVICE_OPTIONS leave) and uWSGI's startup and shutdown lines.

The messages are modelled on the programs' source, read at the commits
cited: the GX Agent's agent.py, event_handler.py, actions/run_checkpoint.py
and message_service/asyncio_rabbit_mq_client.py; the Data Validation
Tool's __main__.py, config_manager.py, schema_validation.py,
query_builder/random_row_builder.py and result_handlers/text.py;
Metaphor's common/runner.py, common/file_sink.py, common/sink.py,
common/event_util.py, postgresql/extractor.py and redshift/extractor.py;
Tokern's __main__.py, server.py, worker.py and parser/__init__.py;
Querybook's lib/logger.py, clients/glue_client.py (its f-strings keep a
"$" before each name, and one says "for for"), logic/elasticsearch.py
(messages starting with a line break), lib/elasticsearch/search_utils.py,
lib/metastore/base_metastore_loader.py and app/datasource.py; Databand's
dbnd_monitor multiserver.py, scheduler.py (messages with " \\n " inside),
base_component.py, generic_syncer.py and integration_management_service.py
and airflow_monitor's adapter/airflow_adapter.py. Hosts, tables, ids,
uuids, counts, the result tables' columns and the exceptions' texts are
modelled; the syncer identifiers' instance ids are not read.

Left out: OpenDataDiscovery's odd-collector (opendatadiscovery/odd-collector
58ab616 and odd-collector-sdk 26b3a73: its logger is odd_models' loguru
logger, `logger.success` and all; only its Kafka adapter calls basicConfig),
whylogs-container-python (whylabs, 6e78295, src/ai/whylabs/container/
startup.py: Uvicorn's DefaultFormatter with "%(levelprefix)s", left out on
purpose), udata (opendatateam/udata 25b5a2ddd, udata/commands/__init__.py:
its CliFormatter has no format, "%(message)s" alone when stdin is no TTY,
as in a container), Castor's castor-extractor (no snapshot could be had),
Amundsen, CKAN, DataHub, OpenMetadata, pycsw, Quilt, Elementary, dbt and
SQLFluff (in earlier sets), Soda Core (left out in `heldout10.py`), Great
Expectations' own library (no logging configuration: the GX Agent's is
used), Querybook's Celery worker and scheduler (Celery's root handler
prints its records a second time in Celery's format; only the web
container is modelled) and Tokern's rq worker (its scan job logs INFO
through a root with no handler, so nothing prints).
"""

import logging
import os
import sys
import threading
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# GX Agent (great-expectations/cloud, fbae9655),
# great_expectations_cloud/logging/logging_cfg.py DEFAULT_LOGGING_CFG's
# "default_fmt" (the root's "default_handler" on stdout, through
# dictConfig; agent.py sets its LOGGER to DEBUG).
GX_AGENT = "[%(levelname)s] %(name)s: %(message)s"
# Data Validation Tool (GoogleCloudPlatform/professional-services-data-
# validator, 7e5a1205), data_validation/__main__.py main()'s
# logging.basicConfig (--log-level defaults to INFO in cli_tools.py).
DVT = "%(asctime)s-%(levelname)s: %(message)s"
DVT_DATEFMT = "%m/%d/%Y %I:%M:%S %p"
# Metaphor connectors (MetaphorData/connectors, 198bacb1),
# metaphor/common/logger.py's formatter (the "console" StreamHandler at
# INFO, on the "metaphor" logger).
METAPHOR = "%(asctime)s:%(levelname)s:%(name)s:%(message)s"
METAPHOR_DATEFMT = "%Y-%m-%d %H:%M:%S"
# Tokern data-lineage (tokern/data-lineage, 5945542), data_lineage/
# __main__.py main()'s logging.basicConfig(level=...): BASIC_FORMAT.
TOKERN = logging.BASIC_FORMAT
# Querybook (pinterest/querybook, babdbc6e), querybook/server/lib/
# logger.py get_logger's log_format and date_format (a StreamHandler on
# stderr per logger; INFO in production).
QUERYBOOK = '[%(asctime)s] - %(name)s - %(levelname)-8s"%(message)s"'
QUERYBOOK_DATEFMT = "%Y-%m-%d %a %H:%M:%S"
# Databand's monitor (databand-ai/dbnd, ae2152e28), modules/dbnd-monitor/
# src/dbnd_monitor/utils/logger_config.py configure_logging (use_json
# false: the root's StreamHandler on stdout, at INFO).
DBND_MONITOR = "[%(asctime)s] %(levelname)s %(name)s %(process)s %(threadName)s : %(message)s"


def in_thread(name, fn):
    """Records made in a thread of the program's (their %(threadName)s)."""
    worker = threading.Thread(target=fn, name=name)
    worker.start()
    worker.join()


# --------------------------------------------------------------------------
# A data-quality host on ECS (the awslogs driver, one log group): the GX
# Agent runs GX Cloud's scheduled checkpoints against Redshift, and a
# scheduled task runs the Data Validation Tool's YAML configs comparing the
# warehouse with the Postgres it is loaded from.

ORG = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"
WORKSPACE = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
CHECKPOINTS = ["orders_daily", "customers_freshness", "payments_volume", "events_schema"]
CONFIGS = [("orders_count.yaml", "public.orders", "analytics.orders"),
           ("customers_columns.yaml", "public.customers", "analytics.customers"),
           ("payments_sum.yaml", "billing.payments", "analytics.payments"),
           ("events_schema.yaml", "public.events", "analytics.events")]


def dvt_table(name, source, target, rows):
    lines = ["|    | validation_name   | validation_type   | source_table_name   | target_table_name   | "
             "source_agg_value   | target_agg_value   | validation_status   |",
             "|---:|:------------------|:------------------|:--------------------|:--------------------|:"
             "-------------------|:-------------------|:--------------------|"]
    for i, (vname, src, tgt) in enumerate(rows):
        status = "success" if src == tgt else "fail"
        lines.append("| %2d | %-17s | %-17s | %-19s | %-19s | %-18s | %-18s | %-19s |" % (
            i, vname, "Column", source, target, src, tgt, status))
    return lines


def stream_gx_dvt():
    stream = []
    gx = Program("gx-agent", "great_expectations_cloud.agent.agent", logging.Formatter(GX_AGENT), stream)
    dv = Program("data-validation", "root", logging.Formatter(DVT, DVT_DATEFMT), stream)
    agent = lg(gx, "great_expectations_cloud.agent.agent")
    rabbit = lg(gx, "great_expectations_cloud.agent.message_service.asyncio_rabbit_mq_client", logging.WARNING)
    checkpoint = lg(gx, "great_expectations_cloud.agent.actions.run_checkpoint", logging.WARNING)
    root = lg(dv, "root")

    agent.info("Initializing GX Agent.")
    agent.debug("Opening connection to GX Cloud.")
    agent.info("The GX Agent is ready.")
    for cycle in range(12):
        name = CHECKPOINTS[cycle % len(CHECKPOINTS)]
        correlation = "%08x-1c2d-4e5f-8a9b-%012x" % (0x5a1e0000 + cycle * 4099, 0xc0ffee000 + cycle)
        agent.debug("Loading a DataContext - this might take a moment.")
        agent.debug("DataContext is ready.")
        agent.info("job.started")
        if cycle == 2:
            checkpoint.warning("Datasource connection test timed out after 600 seconds")
        agent.debug("job.thread_exiting")
        if cycle in (2, 4):
            # The done-callback runs outside any except block.
            agent.info(traceback.format_exc())
            agent.warning("job.completed")
        else:
            agent.info("job.completed")
        if cycle == 3:
            rabbit.warning("rabbitmq.connection.closed")
            try:
                def consume():
                    raised("pika.exceptions", "StreamLostError", "Stream connection lost: ConnectionResetError(104, "
                           "'Connection reset by peer')")
                consume()
            except Exception:
                agent.exception("The connection to GX Cloud has encountered an error.")
            agent.debug("Opening connection to GX Cloud.")
            agent.info("The GX Agent is ready.")
        if cycle == 5:
            agent.error("Message redelivered too many times to this pod, removing from queue")

        # The Data Validation Tool's scheduled run: one config per cycle.
        with pid(41 + cycle):
            config, source, target = CONFIGS[cycle % len(CONFIGS)]
            if cycle == 1:
                root.warning("--kube-completions or -kc specified, which requires a config directory, however a "
                             "specific config file is provided.")
            root.info("Currently running the validation for YAML file: %s", config)
            if cycle % 4 == 1:
                root.warning("Source and target data type has precision mismatch: %s - %s", "decimal(12,2)",
                             "decimal(18,4)")
                root.warning("Skipping %s on %s as column is not present in target table" % ("sum", "legacy_flag"))
            if cycle == 2:
                root.warning("Data Client %s Does Not Enforce Random Sort on Sample", "PostgreSQL")
            if cycle == 4:
                root.error("Error %s occurred while running config file %s. Skipping it for now.",
                           "(psycopg2.OperationalError) server closed the connection unexpectedly", config)
                continue
            rows = [("count", str(120400 + cycle * 311), str(120400 + cycle * 311 - (cycle == 3)))]
            for column in ("amount", "id")[: 1 + cycle % 2]:
                rows.append((f"sum__{column}", str(9834512 + cycle), str(9834512 + cycle)))
            for line in dvt_table(config[:-5], source, target, rows):
                printed(stream, line)
        if cycle == 5:
            def main():
                def run_validation():
                    def execute():
                        raised("sqlalchemy.exc", "OperationalError",
                               '(psycopg2.OperationalError) connection to server at "warehouse.c1xyz.us-east-1.'
                               'redshift.amazonaws.com" (10.0.12.7), port 5439 failed: Connection timed out')
                    execute()
                run_validation()
            uncaught(stream, main)
    agent.warning("Received SIGTERM signal - shutting down")
    return {"name": "gx-agent-dvt", "programs": [gx, dv], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A metadata host on ECS: Metaphor's Redshift connector, a scheduled task,
# crawls the warehouse into the catalog's S3 bucket, and Tokern's
# data-lineage API (gunicorn inside, through its Server application)
# answers the lineage UI's scans and parses.

DATABASES = ["analytics", "staging", "finance", "dev"]
TABLES = ["orders", "customers", "payments", "events", "sessions", "refunds", "invoices", "products"]


def stream_metaphor_tokern():
    stream = []
    mp = Program("metaphor", "metaphor", logging.Formatter(METAPHOR, METAPHOR_DATEFMT), stream)
    tk = Program("tokern", "root", logging.Formatter(TOKERN), stream)
    m = lg(mp, "metaphor", logging.INFO)
    events = lg(mp, "metaphor.common.event_util", logging.INFO)
    sink = lg(mp, "metaphor.common.sink", logging.INFO)
    t = lg(tk, "root", logging.INFO)
    flask = lg(tk, "data_lineage.server", logging.INFO)

    printed(stream, "[%s] [1] [INFO] Starting gunicorn 20.1.0" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Listening at: http://0.0.0.0:4142 (1)" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Using worker: sync" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [9] [INFO] Booting worker with pid: 9" % now("%Y-%m-%d %H:%M:%S +0000"))
    for run in range(5):
        m.info("Executing redshift connector with config file /config/redshift.yml")
        m.info("Starting running redshift at %s" % now("%Y-%m-%d %H:%M:%S.") + "%06d" % (run * 104729 % 1000000))
        m.info("Fetching metadata from redshift host warehouse.c1xyz.us-east-1.redshift.amazonaws.com")
        for db in DATABASES:
            if db == "dev":
                m.info(f"Skipping database {db}")
                continue
            m.info(f"Connecting to DB {db}")
            for table in TABLES[run::3]:
                if (len(table) + run) % 7 == 3:
                    m.warning(f"table {db}.public.{table} not found")
            if db == "finance" and run == 1:
                try:
                    def fetch():
                        raised("asyncpg.exceptions", "InsufficientPrivilegeError",
                               "permission denied for relation stl_query")
                    fetch()
                except Exception as ex:
                    m.exception(ex)
        m.info("Fetching query logs")
        m.info(f"Wrote {1840 + run * 77} QueryLog")
        sink.info("validating MCE records")
        if run == 2:
            events.error("MCE validation error: 'name' is a required property. Message: {'dataset': {'logicalId': "
                         "{'platform': 'REDSHIFT', 'account': 'warehouse'}}}")
        m.info(f"Write files to s3://metaphor-mce-acme/redshift/{1715438684 + run * 86400}")
        m.info("Split MCE records into chunks")
        for part in range(3):
            m.info(f"Writing {part + 1}-of-3.json ({200 if part < 2 else 61 + run} records)")
        m.info("Written 3 MCE files")
        m.info(f"Wrote {1840 + run * 77} QueryLogs MCEs into 2 batches")
        if run == 1:
            m.warning("Some of redshift's entities cannot be parsed!")
        status = "FAILURE" if run == 1 else "SUCCESS"
        m.info(f"Ended running with RunStatus.{status} at {now('%Y-%m-%d %H:%M:%S.')}%06d, fetched %d entities, "
               "took %.1fs" % (run * 7919 % 1000000, 461 + 1840 + run * 84, 38.4 + run * 3.1))

        # The lineage UI's calls to Tokern's API.
        with pid(9):
            for source_id in (1, 2, 3, 4)[run % 2:]:
                t.info("Args for scanning: {}".format({"id": str(source_id)}))
            for n, table in enumerate(TABLES[:4]):
                if (n + run) % 5 == 4:
                    t.warning("Syntax error while parsing {}.\n{}".format(
                        f"INSERT INTO analytics.{table}_daily SELECT * FROM staging.{table} WHERE",
                        "syntax error at end of input"))
            if run == 1:
                try:
                    def post():
                        def get_source_by_id():
                            raised("sqlalchemy.orm.exc", "NoResultFound", "No row was found when one was required")
                        get_source_by_id()
                    post()
                except Exception:
                    flask.error("Exception on %s [%s]" % ("/api/v1/parse", "POST"), exc_info=True)
            if run == 2:
                printed(stream, "[%s] [9] [INFO] Autorestarting worker after current request." % now(
                    "%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Handling signal: term" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Shutting down: Master" % now("%Y-%m-%d %H:%M:%S +0000"))
    return {"name": "metaphor-tokern", "programs": [mp, tk], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A query and observability host on EC2 (Docker's awslogs driver):
# Querybook's web container (runservice prod_web: uWSGI) serves the data
# catalog over the Glue Data Catalog and OpenSearch, and Databand's
# Airflow monitor syncs the MWAA environments' DAG runs.

QB = "/opt/querybook/querybook/server/"
GLUE_TABLES = [("analytics", "orders"), ("analytics", "customers"), ("raw", "clickstream"), ("finance", "ledger"),
               ("raw", "cdc_payments")]
INTEGRATIONS = ["3f2a9c1e-6b7d-4e8f-9a0b-1c2d3e4f5a6b", "8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6"]


def stream_querybook_dbnd():
    stream = []
    qb = Program("querybook", QB + "app/datasource.py", logging.Formatter(QUERYBOOK, QUERYBOOK_DATEFMT), stream)
    db = Program("dbnd-monitor", "dbnd_monitor.multiserver", logging.Formatter(DBND_MONITOR), stream)
    api = lg(qb, QB + "app/datasource.py", logging.INFO)
    glue = lg(qb, QB + "clients/glue_client.py", logging.INFO)
    es = lg(qb, QB + "logic/elasticsearch.py", logging.INFO)
    search = lg(qb, QB + "lib/elasticsearch/search_utils.py", logging.INFO)
    loader = lg(qb, "lib.metastore.base_metastore_loader", logging.INFO)
    ms = lg(db, "dbnd_monitor.multiserver", logging.INFO)
    sched = lg(db, "dbnd_monitor.scheduler", logging.INFO)
    comp = lg(db, "dbnd_monitor.base_component", logging.INFO)
    syncer = lg(db, "dbnd_monitor.generic_syncer", logging.INFO)
    adapter = lg(db, "airflow_monitor.adapter.airflow_adapter", logging.INFO)
    ims = lg(db, "dbnd_monitor.integration_management_service", logging.INFO)

    printed(stream, "Running: uwsgi --ini uwsgi.ini ")
    printed(stream, "[uWSGI] getting INI configuration from uwsgi.ini")
    printed(stream, "*** Starting uWSGI 2.0.23 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    # init_es at start: the indices exist but tables', so it fills those.
    es.info("Inserting tables")
    for offset in (0, 5000):
        es.info("\n--Table count: {}, offset: {}".format(5000 if offset == 0 else 1187, offset))
    printed(stream, "spawned uWSGI worker 1 (pid: 21, cores: 100)")
    with pid(1):
        for uid in INTEGRATIONS:
            ms.info("Started syncing new integration %s", uid)
    for cycle in range(6):
        # Querybook: a user refreshes tables from the Glue catalog.
        for schema, table in GLUE_TABLES[cycle % 2::2]:
            glue.info(f"Get Glue table information for for ${schema}.${table}")
            glue.info(f"Get hms style partitions for ${schema}.${table}")
        if cycle == 2:
            try:
                def get_table_and_columns():
                    def get_table():
                        raised("botocore.errorfactory", "EntityNotFoundException", "An error occurred "
                               "(EntityNotFoundException) when calling the GetTable operation: Table cdc_payments not "
                               "found.")
                    get_table()
                get_table_and_columns()
            except Exception:
                loader.error(traceback.format_exc())
        if cycle == 3:
            search.warning("Got ElasticSearch exception: \n " + "ConnectionTimeout caused by - ReadTimeoutError("
                           "HTTPSConnectionPool(host='search-querybook.us-east-1.es.amazonaws.com', port=443): Read "
                           "timed out. (read timeout=10))")
        if cycle == 4:
            try:
                def handler():
                    def get_datadoc():
                        raised("sqlalchemy.exc", "PendingRollbackError", "Can't reconnect until invalid transaction "
                               "is rolled back. (Background on this error at: https://sqlalche.me/e/20/8s2b)")
                    get_datadoc()
                handler()
            except Exception as e:
                api.error(e, exc_info=True)
        if cycle == 5:
            es.error("failed to upsert {}. Will pass.".format(4213))

        # The monitor's iteration: the syncers run in the pool's threads.
        with pid(1):
            if cycle == 3:
                ims.warning("[airflow] No integrations found")
                continue
            for n, uid in enumerate(INTEGRATIONS):
                task_id = "generic_syncer_%s;%s" % (uid[:8], uid)
                sched.info("Scheduling a new task, task id: %s \n there are currently %s tasks running", task_id, n)
                runs = [41230 + cycle * 6 + n * 3 + k for k in range(2 + (cycle + n) % 2)]

                def sync(uid=uid, task_id=task_id, runs=runs, n=n):
                    comp.info("Starting sync_once on tracking source uid: %s, syncer: %s", uid, task_id.split(";")[0])
                    syncer.info("_get_active_assets collected %d active assets", len(runs) + 4)
                    if (cycle + n) % 4 == 1:
                        syncer.warning("Missing assets will be marked as failed, asset_ids=%s", runs[0] - 40)
                    syncer.info("Finished collecting and processing active assets")
                    syncer.info("_get_new_assets_and_update_cursor collected %d active assets", len(runs))
                    adapter.info("Data for new dag runs %s are fetched", str(runs))
                    if cycle == 4 and n == 1:
                        try:
                            def process():
                                raised("requests.exceptions", "HTTPError", "502 Server Error: Bad Gateway for url: "
                                       "https://tenant.databand.ai/api/v1/tracking-monitor/save_tracking_data")
                            process()
                        except Exception:
                            syncer.exception("Unexpected error while processing assets batch, asset_ids=%s",
                                             ",".join(map(str, runs)), exc_info=True)
                        syncer.info("Processing assets in chunks failed=%s not_failed=%s", len(runs), 0)
                    else:
                        syncer.info("Saved new assets data for tracking source %s, asset_ids=%s data=%s", uid,
                                    ",".join(map(str, runs)), None)
                        syncer.info("Processing assets in chunks failed=%s not_failed=%s", 0, len(runs))
                    syncer.info("Finished collecting and processing new assets")
                    comp.info("Finished sync_once on tracking source uid: %s, syncer: %s", uid, task_id.split(";")[0])
                    sched.info("Scheduled task is finished, task id: %s \n there are currently %s tasks running",
                               task_id, 1 - n)

                in_thread("ThreadPoolExecutor-%d_0" % n, sync)
    printed(stream, "SIGTERM received, graceful shutdown")
    with pid(1):
        for uid in INTEGRATIONS:
            ms.info("Stopping disabled integration %s", uid)
    printed(stream, "goodbye to uWSGI.")
    return {"name": "querybook-dbnd", "programs": [qb, db], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_gx_dvt(), stream_metaphor_tokern(), stream_querybook_dbnd()])


if __name__ == "__main__":
    main()
