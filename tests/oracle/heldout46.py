"""The 46-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout45.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the area this batch was given, data pipelines and backup (change-data-
capture into ClickHouse, where mysql_ch_replicator and Altinity's
clickhouse-mysql-data-reader replicate a shop's MySQL into the analytics
cluster, one log group for the migration from one to the other; block and
cluster backup on one backup host, where backy2 backs Ceph RBD snapshots up
to S3 and Aiven's Astacus coordinates a ClickHouse cluster's backups;
database maintenance and archive, where a nightly Job runs Yandex's
pgmigrate on the schema and s4cmd syncs the dumps to S3), each format
copied from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout46

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f1eec91 (session 24's rules in, none
written from this set), with nothing configured: 63.8% exact, 82.5% key
fields (asctime 89.1%, levelname 86.7%, name 96.2%, message 85.8%).

Formatters and filters: mysql_ch_replicator, clickhouse-mysql-data-reader
and pgmigrate use logging.basicConfig's Formatter, backy2 and s4cmd
logging.Formatter itself, Astacus uvicorn's DefaultFormatter and
AccessFormatter (reproduced: `UvicornAccessFormatter`). mysql_ch_replicator
puts a literal tag inside the format, one per process of its run_all
container ("[runner ", "[binlogrepl ", "[dbrepl shop "), so one program
prints three formats (three `Program`s here), each padding the level to
eight on the right ("%(levelname)8s": "    INFO"), and the time inside the
same bracket. clickhouse-mysql-data-reader prints "%(asctime)s/%(created)f:"
(the time, a slash and the epoch with six decimals) with no name, and runs
at its default --log-level (NOTSET, so the root passes DEBUG). backy2
prints the level right-padded to eight, a colon, and the logger's name in
brackets ("    INFO: [backy2.logging] "); its LevelFilter only splits the
levels between stdout and stderr, with the same format. Several of backy2's
messages end with "\\n" ("Backy complete.\\n") and its status lines with a
space. Astacus's default format is tab-separated ("INFO\\tastacus.coordinator
.coordinator\\t..."), no time; its access lines print uvicorn's levelprefix
("INFO:     ") and the client, the request line and "200 OK", and its
AccessLogLevelFilter lowers GET requests to DEBUG, which the access
handler (at INFO) then drops (reproduced: only POSTs print). pgmigrate runs
with -vvv, so its psycopg2 LoggingConnection logs every query at DEBUG (the
SQL text, several lines; the level is from memory of psycopg2's extras.py,
not read). s4cmd runs with --debug: "  (D)s4cmd.py:128  "
(two leading spaces, the level's initial in parentheses, file and line
padded to four); its fail() logs traceback.format_exc() as an ERROR
record's message.

468 records in three streams (39 of them print lines or bare tracebacks).

Print lines: the containers' entrypoint lines; clickhouse-mysql-data-
reader's crash output (its main() prints "=============", the traceback
with traceback.print_exc(file=sys.stdout), "=============" and the
exception again); pgmigrate's uncaught MigrateError traceback (chained
after psycopg2's error); s4cmd's message() lines on stdout ("src => dst");
Kubernetes' and cron's lines.

The messages are modelled on the programs' source, not copied line by
line: mysql_ch_replicator's (runner.py, binlog_replicator.py,
db_replicator*.py), clickhouse-mysql-data-reader's (main.py,
reader/mysqlreader.py, pool/bbpool.py, writer/chwriter.py), backy2's
(backy.py, utils.status, scripts/backy.py, data_backends/s3.py), Astacus's
(common/op.py, coordinator/coordinator.py, coordinator/cluster.py,
node/sqlite_snapshot.py, node/uploader.py), pgmigrate's (pgmigrate.py)
and s4cmd's (s4cmd.py, at the lines printed) were read at the commits
cited; the values (hosts, tables, positions, sizes, UIDs), uvicorn's
startup messages and the third-party exceptions are modelled.
mysql_ch_replicator's runner is configured without http_host here, so its
uvicorn server (uvicorn's own LOGGING_CONFIG) prints nothing.

Left out: zfs_autobackup (psy0rz; prints through its own LogConsole class,
not logging), Holland (console handler "%(message)s" only, read in
holland-backup/holland 67b05499 holland/core/log.py: nothing to infer),
ebs_snapper (rackerlabs/ebs_snapper 866a522 ebs_snapper/utils.py:
basicConfig in Lambda, so the Lambda runtime's format, as `realworld.py`),
Meltano, Bonobo, Bytewax, ingestr, s3-pit-restore, graffiti-monkey and
glacier-cmd (for want of time to read their formats in source; none was
guessed); pghoard, myhoard, pglookout, Medusa, borgmatic, duplicity, WAL-E,
pgsync, pg_chameleon, Benji, bup, s3ql, s3cmd, mongo-connector,
PipelineWise, schemachange, OnlineSchemaChange, Barman and Patroni are in
earlier sets.
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import SITE, Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# mysql_ch_replicator (bakwc/mysql_ch_replicator, 1e556ca),
# mysql_ch_replicator/main.py set_logging_config's basicConfig format, its
# tags from run_all ("runner"), run_binlog_replicator ("binlogrepl") and
# run_db_replicator (f"dbrepl {db_name}").
CHREPL = "[{tags} %(asctime)s %(levelname)8s] %(message)s"
# clickhouse-mysql-data-reader (Altinity/clickhouse-mysql-data-reader,
# 3b1b708), clickhouse_mysql/main.py Main.__init__'s basicConfig (no
# --log-file: stderr).
CHMYSQL = "%(asctime)s/%(created)f:%(levelname)s:%(message)s"
# backy2 (wamdam/backy2, 322be0b), src/backy2/logging.py init_logging's
# "console" (stdout, LevelFilter up to WARNING) and "error" (stderr) handlers.
BACKY2 = "%(levelname)8s: [%(name)s] %(message)s"
# Astacus (Aiven-Open/astacus, a07ec9e), astacus/server.py _run_server's
# log_config: "default" (uvicorn.logging.DefaultFormatter, use_colors None:
# no tty, no colours) and "access" (uvicorn.logging.AccessFormatter).
ASTACUS = "%(levelname)s\t%(name)s\t%(message)s"
ASTACUS_ACCESS = '%(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s'
# pgmigrate (yandex/pgmigrate, f90eaec), pgmigrate.py _main's basicConfig.
PGMIGRATE = "%(asctime)s %(levelname)-8s: %(message)s"
# s4cmd (bloomreach/s4cmd, 9f790d9), s4cmd.py S4cmdLoggingClass.configure
# with --debug (DATETIME_FORMAT = '%Y-%m-%d %H:%M:%S UTC', unused by it).
S4CMD = "  (%(levelname).1s)%(filename)s:%(lineno)-4d %(message)s"
S4CMD_DATEFMT = "%Y-%m-%d %H:%M:%S UTC"


class UvicornAccessFormatter(logging.Formatter):
    """uvicorn's AccessFormatter without colours: levelprefix ("INFO:" padded
    to nine and a space), and the access record's five args split into the
    client, the request line and the status with its phrase."""

    PHRASES = {200: "OK", 202: "Accepted", 409: "Conflict", 500: "Internal Server Error"}

    def formatMessage(self, record):
        client_addr, method, full_path, http_version, status_code = record.args
        record.__dict__.update(
            levelprefix=record.levelname + ":" + " " * (8 - len(record.levelname)), client_addr=client_addr,
            request_line=f"{method} {full_path} HTTP/{http_version}",
            status_code=f"{status_code} {self.PHRASES[status_code]}")
        return super().formatMessage(record)


def access_filter(record):
    """astacus.common.access_log.AccessLogLevelFilter, then the access
    handler's level (INFO): GET requests are dropped."""
    if len(record.args) >= 2 and record.args[1] == "GET":
        record.levelno = logging.DEBUG
        record.levelname = "DEBUG"
    return record.levelno >= logging.INFO


# --------------------------------------------------------------------------
# Change-data-capture into the analytics ClickHouse (ECS on EC2, the awslogs
# driver, one log group for both replicators during the migration):
# mysql_ch_replicator's run_all container (its runner, binlog replicator and
# db replicator processes share the container's stderr) and Altinity's
# clickhouse-mysql-data-reader, still pumping the legacy tables.

TABLES = ["orders", "order_items", "customers", "payments", "shipments", "inventory", "coupons"]


def stream_chrepl_chmysql():
    stream = []
    run = Program("mysql_ch_replicator.runner", "mysql_ch_replicator.runner",
                  logging.Formatter(CHREPL.replace("{tags}", "runner")), stream)
    bin_ = Program("mysql_ch_replicator.binlogrepl", "mysql_ch_replicator.binlog_replicator",
                   logging.Formatter(CHREPL.replace("{tags}", "binlogrepl")), stream)
    db = Program("mysql_ch_replicator.dbrepl", "mysql_ch_replicator.db_replicator",
                 logging.Formatter(CHREPL.replace("{tags}", "dbrepl shop")), stream)
    arch = Program("mysql_ch_replicator.dbrepl_archive", "mysql_ch_replicator.db_replicator_initial",
                   logging.Formatter(CHREPL.replace("{tags}", "dbrepl shop_archive")), stream)
    cm = Program("clickhouse-mysql", "clickhouse_mysql", logging.Formatter(CHMYSQL), stream)
    r = lg(run, "mysql_ch_replicator.runner")
    b = lg(bin_, "mysql_ch_replicator.binlog_replicator")
    d = lg(db, "mysql_ch_replicator.db_replicator")
    di = lg(db, "mysql_ch_replicator.db_replicator_initial")
    dr = lg(db, "mysql_ch_replicator.db_replicator_realtime")
    ch = lg(db, "mysql_ch_replicator.clickhouse_api")
    c = lg(cm, "root")

    printed(stream, "+ exec clickhouse-mysql --src-server-id=2 --src-resume --src-wait --nice-pause=1 "
            "--src-host=shop-db.internal --src-user=reader --src-tables-prefixes=shop.legacy_ "
            "--dst-host=clickhouse.internal --pump-data --csvpool")
    c.info("Starting")
    c.debug("Config(options={'src_server_id': 2, 'src_resume': True, 'src_wait': True, 'nice_pause': 1, "
            "'src_host': 'shop-db.internal', 'src_port': 3306, 'src_user': 'reader', 'dst_host': "
            "'clickhouse.internal', 'dst_port': 9000, 'pump_data': True, 'csvpool': True, 'mempool_max_rows_num': "
            "100000, 'log_level': None})")
    c.info("sys.path")
    c.info("['/usr/local/lib/python3.9/site-packages/clickhouse_mysql/converter',\n '/usr/local/bin',\n "
           "'/usr/local/lib/python39.zip',\n '/usr/local/lib/python3.9',\n '/usr/local/lib/python3.9/lib-dynload',\n "
           "'/usr/local/lib/python3.9/site-packages']")
    c.info("raw dbs list. len()=%d", 1)
    c.info("shop")
    c.info("normalised tables-prefixes list. len()=%d", 1)
    c.info("shop.legacy_")
    c.info("CHWriter() connection_settings={'host': 'clickhouse.internal', 'port': 9000, 'user': 'default', "
           "'password': ''} dst_schema=None dst_table=None dst_distribute=False")

    printed(stream, "+ exec mysql_ch_replicator --config /app/config.yaml run_all")
    r.info("http server disabled")
    r.info("starting replication")
    r.info("mysql databases: ['information_schema', 'mysql', 'performance_schema', 'shop', 'sys']")
    r.info("mysql databases filtered: ['shop']")
    with pid(23):
        b.info("set position to binlog_000041.bin")
        b.info("state start position: ('mysql-bin.001847', 88231407)")
    with pid(31):
        d.info("launched db_replicator")
        d.info("last known transaction ('mysql-bin.001847', 88231407)")
        dr.info("running realtime replication from the position: ('mysql-bin.001847', 88231407)")

    pos = 88231407
    for cycle in range(8):
        with pid(23):
            b.info(f"last transaction id: ('mysql-bin.001847', {pos}), processed events: {1200 * cycle + 77}")
        with pid(31):
            for t in TABLES[cycle % 3::3]:
                dr.debug(f"processing event ('mysql-bin.001847', {pos}), EventType.ADD_EVENT, {t}")
                pos += 913
            stats = ('{"last_transaction": ["mysql-bin.001847", %d], "events_count": %d, "insert_events_count": %d, '
                     '"erase_events_count": %d, "no_primary_key_count": 0, "cpu_load": %.2f}'
                     % (pos, 1100 * cycle + 12, 1040 * cycle + 9, 3 * cycle, 0.04 + cycle / 100))
            dr.info(f"stats: {stats}")
            dr.info('ch_stats: {"general": {"duration": %.2f, "events": %d, "records": %d}}'
                    % (0.41 + cycle / 7, 14 * cycle + 3, 1080 * cycle + 11))
        if cycle == 2:
            with pid(31):
                dr.warning("TRUNCATE: Table legacy_carts not found in tracked tables, skipping")
        if cycle == 3:
            # ClickHouse restarts: an insert fails, logged with exc_info.
            with pid(31):
                def insert():
                    def execute():
                        raised("clickhouse_connect.driver.exceptions", "OperationalError",
                               "Error HTTPConnectionPool(host='clickhouse.internal', port=8123): Max retries "
                               "exceeded with url: /? (Caused by NewConnectionError('<urllib3.connection."
                               "HTTPConnection object at 0x7f3b2c1e5d50>: Failed to establish a new connection: "
                               "[Errno 111] Connection refused')) executing HTTP request attempt 1 "
                               "(http://clickhouse.internal:8123)")
                    execute()
                try:
                    insert()
                except Exception as e:
                    ch.error(f"error inserting data: {e}", exc_info=e)
        if cycle == 5:
            r.info("running replication for shop_archive (database created in mysql)")
            with pid(57):
                da = lg(arch, "mysql_ch_replicator.db_replicator_initial")
                da.info("running initial replication")
                for t in ("orders_2022", "orders_2023"):
                    da.info(f"running initial replication for table {t}")
                    da.info("replicating from scratch")
                    da.info(f"finish replicating {t}, replicated {412003 + len(t) * 1000} records, primary key: "
                            f"[{412003 + len(t) * 1000}]")
                da.info("initial replication - swapping database")
                da.info("initial replication - done")
        # The legacy pump: its binlog reader and CSV pool.
        for ev in range(3):
            c.debug("Check events in binlog stream")
            c.debug("Got Event mysql-bin.001847:%d" % (pos - 400 * ev))
        c.info("rot now:%f bktttl:%d bktitemsttl: %d index:%s reason:%s bktsonbelt:%d bktsize:%d beltnum:%d",
               realworld.CLOCK.t, 41 + cycle, 18340 + 460 * cycle, "('shop', 'legacy_orders')", "TIME", 1,
               460, 2)
        c.info("PERF - buckets_per_sec:%f items_per_sec:%f for last %d sec", 0.2, 92.0 + cycle, 5)
        c.info("PERF - %f rows/sec, min(rows/event)=%d max(rows/event)=%d for last %d rows %f sec",
               88.5 + cycle, 1, 12, 460, 5.2)
        if cycle == 4:
            c.warning("No events to insert. class: %s", "<class 'clickhouse_mysql.writer.chwriter.CHWriter'>")
    # The legacy pump loses its MySQL connection and exits: main() prints.
    c.warning("Got an exception, handle it")
    c.warning("(2013, 'Lost connection to MySQL server during query')")

    def pumper_run():
        def fetchone():
            raised("pymysql.err", "OperationalError", "(2013, 'Lost connection to MySQL server during query')")
        fetchone()
    try:
        pumper_run()
    except Exception as e:
        c.critical(e)
    printed(stream, "=============")
    uncaught(stream, pumper_run)
    printed(stream, "=============")
    printed(stream, "(2013, 'Lost connection to MySQL server during query')")
    with pid(23):
        b.info("stopping binlog_replicator")
        b.info("stopped")
    return {"name": "chrepl-chmysql", "programs": [run, bin_, db, arch, cm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A backup host on EC2 (Docker's awslogs driver): backy2 backs the Ceph RBD
# volumes' nightly snapshots up to S3 (its cron container), and Astacus's
# node and coordinator back up the analytics ClickHouse cluster.

IMAGES = ["vm-101-disk-0", "vm-102-disk-0", "vm-107-disk-1", "pg-data-01"]
NODES = ["http://ch-1.internal:5515/node", "http://ch-2.internal:5515/node", "http://ch-3.internal:5515/node"]
STEPS = ["ValidateConfigStep", "GetVersionsStep", "RemoveFrozenTablesStep", "RetrieveAccessEntitiesStep",
         "RetrieveDatabasesAndTablesStep", "RetrieveMacrosStep", "FreezeTablesStep", "SnapshotStep",
         "ListHexdigestsStep", "UploadBlocksStep", "UnfreezeTablesStep", "PrepareClickHouseManifestStep",
         "UploadManifestStep"]


def progressbar(pct):
    return "[%-10s]" % ("=" * round(pct / 10))


def backy_status(msg, rq, wq, pct, tp, eta):
    eta_text = "{:d}s".format(eta) if eta < 120 else "{:d}m{:d}s".format(eta // 60, eta % 60)
    return "{} Read Queue {} Write Queue {} ({:.1f}% {:.1f}MB/sØ ETA {}) {}".format(
        msg, progressbar(rq), progressbar(wq), pct, tp / 1024 / 1024, eta_text, "")


def stream_backy2_astacus():
    stream = []
    bk = Program("backy2", "backy2.logging", logging.Formatter(BACKY2), stream)
    ast = Program("astacus", "astacus.server", logging.Formatter(ASTACUS), stream)
    acc = Program("astacus.access", "uvicorn.access", UvicornAccessFormatter(ASTACUS_ACCESS), stream)
    k = lg(bk, "backy2.logging")
    uv = lg(ast, "uvicorn.error")
    op = lg(ast, "astacus.common.op")
    co = lg(ast, "astacus.coordinator.coordinator")
    cl = lg(ast, "astacus.coordinator.cluster")
    ut = lg(ast, "astacus.common.utils")
    sn = lg(ast, "astacus.node.sqlite_snapshot")
    up = lg(ast, "astacus.node.uploader")
    base = lg(ast, "astacus.coordinator.plugins.base")
    access = lg(acc, "uvicorn.access")
    access.addFilter(access_filter)

    def hit(*args):
        access.info('%s - "%s %s HTTP/%s" %d', *args)

    uv.info("Started server process [%d]", 7)
    uv.info("Waiting for application startup.")
    uv.info("Application startup complete.")
    uv.info("Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 5515)
    for night, image in enumerate(IMAGES):
        snap = "backy2-2024-05-%02d" % (11 + night)
        printed(stream, "[cron] backup %s started" % image)
        k.info("$ /usr/local/bin/backy2 backup -s %s -r /tmp/%s.diff -t b_daily rbd://rbd/%s@%s %s"
               % (snap, image, image, snap, image))
        for pct in (0.5, 48.0, 100.0):
            k.info(backy_status("Backing up (1/2: Prep) rbd://rbd/%s@%s" % (image, snap), 0, 0, pct, 0.0,
                                round(30 * (100 - pct) / 100)))
        for pct in (0.4, 25.3, 51.0, 76.8, 100.0):
            k.info(backy_status("Backing up (2/2: Data) rbd://rbd/%s@%s" % (image, snap), 100 if pct < 100 else 0,
                                30 + night * 10 if pct < 100 else 0, pct, 71.4e6 + night * 9.3e6,
                                round(950 * (100 - pct) / 100)))
        uid = "%08x-0f11-11ef-9c2a-0242ac110004" % (0x6a1d0c30 + night * 977)
        if night == 2:
            k.error('Timeout while fetching from s3 - error is "Read timeout on endpoint URL: '
                    '"https://backy2-blocks.s3.eu-west-1.amazonaws.com/a3f1c09e2d7b44e1"", trying again.')
            k.error("Exception during saving to the data backend: An error occurred (SlowDown) when calling the "
                    "PutObject operation (reached max retries: 4): Please reduce your request rate.")
            k.info("New invalid version: {} (Tags: [b_daily])".format(uid))
            k.error("Backy failed.\n")
            printed(stream, "[cron] backup %s exited 100" % image)
        else:
            k.info("New version: {} (Tags: [b_daily])".format(uid))
            k.info("Backy complete.\n")
            printed(stream, "[cron] backup %s exited 0" % image)
        # Astacus's coordinator runs the cluster's nightly backup meanwhile.
        if night in (0, 3):
            hit("10.0.1.40:51234", "POST", "/backup", "1.1", 200)
            op.info("%s.%d status %s -> %s", "backup", 3 + night, None, "Status.starting")
            op.info("%s.%d status %s -> %s", "backup", 3 + night, "Status.starting", "Status.running")
            for i, step in enumerate(STEPS, 1):
                co.info("Step %d/%d: %s", i, len(STEPS), step)
                if step == "SnapshotStep":
                    for n in NODES:
                        ut.info("async-request %s %s by %s", "post", n + "/snapshot", "Cluster._request_from_nodes")
                        hit("10.0.1.40:%d" % (52100 + len(n) + i), "POST", "/node/snapshot", "1.1", 200)
                    sn.info("Listing files in %s", "/var/lib/clickhouse/shadow/astacus_backup")
                    sn.info("Deleting files in %s that are not in current snapshot", "/var/lib/astacus/snapshot")
                    sn.info("Checking metadata for files in %s", "/var/lib/astacus/snapshot")
                    sn.warning("File %s disappeared while snapshotting",
                               "store/3a1/3a1f0c2e-8d0b-4c55-9b1e-7a3d2c1f0e9a/all_1_8_2/checksums.txt")
                    sn.info("Upserting files in snapshot db")
                    for j, n in enumerate(NODES):
                        hit("10.0.1.40:%d" % (52200 + j), "GET", "/node/snapshot/7/result", "1.1", 200)
                        cl.info("%s node #%d/%d: %s", "snapshot", j, len(NODES),
                                "Progress(handled=%d, failed=0, total=4120, final=False)" % (3000 + j * 300))
                if step == "UploadBlocksStep":
                    hit("10.0.1.40:52310", "POST", "/node/upload", "1.1", 200)
                    if night == 3:
                        def upload():
                            def put():
                                raised("rohmu.errors", "StorageError",
                                       "Upload of 'clickhouse/hexdigest/7c1e0b9f2a' failed: An error occurred "
                                       "(InternalError) when calling the UploadPart operation: We encountered an "
                                       "internal error. Please try again.")
                            put()
                        try:
                            upload()
                        except Exception:
                            up.exception("Exception uploading %r", "/var/lib/astacus/snapshot/store/3a1/all_1_8_2/"
                                         "data.bin")
                        co.info("%s - transient failure: %r", "UploadBlocksStep",
                                "StepFailedError('Results of upload contained failures')")
                        cl.warning("Unexpected response from %s to %s: %s %r", NODES[1] + "/upload/9/result",
                                   "Nodes.wait_successful_results", 500, '{"detail":"Internal Server Error"}')
                    for j in range(len(NODES)):
                        cl.info("%s node #%d/%d: %s", "upload", j, len(NODES),
                                "Progress(handled=4120, failed=0, total=4120, final=True)")
                if step == "UploadManifestStep":
                    base.info("Storing backup manifest %s", "backup-2024-05-%02dT02:00:00+00:00" % (11 + night))
            op.info("%s.%d status %s -> %s", "backup", 3 + night, "Status.running", "Status.done")
            hit("10.0.1.40:51240", "GET", "/backup/%d" % (3 + night), "1.1", 200)
    hit("10.0.1.40:51300", "POST", "/cleanup", "1.1", 200)
    base.info("deleting backup manifest %r", "backup-2024-04-11T02:00:00+00:00")
    base.info("listing extra hexdigests")
    base.info("deleting %d hexdigests from object storage", 1873)
    return {"name": "backy2-astacus", "programs": [bk, ast, acc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A nightly maintenance Job on EKS (Fluent Bit to CloudWatch, one stream for
# the pod): pgmigrate -vvv applies the billing schema's migrations, then
# s4cmd --debug dsync archives the night's pg_dump files to S3.

MIGRATIONS = [(41, "add_invoice_due_index"), (42, "partition_usage_events"), (43, "drop_legacy_plan_columns")]
DUMPS = ["billing.dump", "usage.dump", "accounts.dump", "globals.sql"]
S4 = SITE + "s4cmd.py"


def stream_pgmigrate_s4cmd():
    stream = []
    pm = Program("pgmigrate", "pgmigrate", logging.Formatter(PGMIGRATE), stream)
    s4 = Program("s4cmd", "s4cmd", logging.Formatter(S4CMD, S4CMD_DATEFMT), stream)
    p = lg(pm, "pgmigrate")
    term = lg(pm, "terminator")
    s = logging.Logger("s4cmd", logging.DEBUG)
    s.addHandler(s4.handler)

    printed(stream, "+ pgmigrate -vvv -d /migrations -c 'host=billing-db.internal dbname=billing' -l 0.5 -t latest "
            "migrate")
    p.debug("SET lock_timeout = 0")
    p.info("SET")
    p.debug("SELECT EXISTS(SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = "
            "'schema_version')")
    p.debug("SELECT version, type, description, installed_by, installed_on FROM public.schema_version")
    for version, desc in MIGRATIONS:
        p.debug("has version %r", version)
    for version, desc in MIGRATIONS:
        p.info("Migrating to version %d", version)
        p.info("Try apply version %r", "VersionInfo(version=%d, description='%s', type='auto')" % (version, desc))
        if version == 42:
            term.info("Terminated conflicting pid: %s", 21877)
        sql = {
            41: "CREATE INDEX invoice_due_at_idx\n    ON invoice (due_at)\n    WHERE state = 'open'",
            42: "ALTER TABLE usage_event\n    RENAME TO usage_event_old",
            43: "ALTER TABLE plan\n    DROP COLUMN legacy_price,\n    DROP COLUMN legacy_quota",
        }[version]
        p.debug(sql)
        if version == 43:
            p.error("Error executing statement from %s:", "/migrations/V0043__%s.sql" % desc)
            for line in sql.splitlines():
                p.error(line)
            p.error('column "legacy_quota" of relation "plan" does not exist\n')

            def migrate():
                def apply_statement():
                    try:
                        raised("psycopg2.errors", "UndefinedColumn",
                               'column "legacy_quota" of relation "plan" does not exist\n')
                    except Exception:
                        raised("pgmigrate", "MigrateError", "Unable to apply statement")
                apply_statement()
            uncaught(stream, migrate)
            break
        p.debug("INSERT INTO public.schema_version (version, description, installed_by) VALUES (%d::bigint, "
                "'%s', 'billing_owner')" % (version, desc))
    printed(stream, "+ pgmigrate exited 1; archiving dumps anyway")
    printed(stream, "+ s4cmd --debug dsync -s -r /backups/%s s3://acme-db-archive/billing/%s"
            % (now("%Y-%m-%d"), now("%Y-%m-%d")))
    at(s, logging.DEBUG, S4, 631, "s3_keys_from_env", "read S3 keys from environment")
    call = "dsync_files('/backups/%s', 's3://acme-db-archive/billing/%s')" % (now("%Y-%m-%d"), now("%Y-%m-%d"))
    at(s, logging.DEBUG, S4, 128, "wrapper", ">> %s", call)
    at(s, logging.DEBUG, S4, 128, "wrapper", ">> %s", "relative_dir_walk('/backups/%s')" % now("%Y-%m-%d"))
    at(s, logging.DEBUG, S4, 130, "wrapper", "<< %s: %s", "relative_dir_walk('/backups/%s')" % now("%Y-%m-%d"),
       repr(DUMPS))
    for night in range(6):
        for i, dump in enumerate(DUMPS):
            src = "/backups/%s/%s" % (now("%Y-%m-%d"), dump)
            dst = "s3://acme-db-archive/billing/%s/%s" % (now("%Y-%m-%d"), dump)
            key = "billing/%s/%s" % (now("%Y-%m-%d"), dump)
            at(s, logging.DEBUG, S4, 128, "wrapper", ">> %s", "upload(%r, %r)" % (src, dst))
            at(s, logging.DEBUG, S4, 128, "wrapper", ">> %s", "lookup(<s4cmd.S3URL object at 0x7f0a%08x>)"
               % (0x3c1d2e0 + i * 48))
            head = "S3APICALL head_object(Bucket='acme-db-archive', Key='%s')" % key
            at(s, logging.DEBUG, S4, 402, "wrapped_method", ">> %s", head)
            if (i + night) % 3 == 0:
                at(s, logging.DEBUG, S4, 404, "wrapped_method", "<< %s: %s", head,
                   "{'ResponseMetadata': {'RequestId': '8Q3K%04dJ1X9', 'HTTPStatusCode': 200, 'RetryAttempts': 0}, "
                   "'ETag': '\"9b2cf535f27731c974343645a3985328\"', 'ContentLength': %d, 'Metadata': {'md5': "
                   "'9b2cf535f27731c974343645a3985328'}}" % (i + night, 73400320 + i * 1024))
                printed(stream, "%s => %s (synced)" % (src, dst))
                continue
            at(s, logging.DEBUG, S4, 130, "wrapper", "<< %s: %s", "lookup(<s4cmd.S3URL object at 0x7f0a%08x>)"
               % (0x3c1d2e0 + i * 48), "None")
            if night == 2 and i == 1:
                at(s, logging.ERROR, S4, 537, "run", "An error occurred (SlowDown) when calling the "
                   "CreateMultipartUpload operation (reached max retries: 4): Please reduce your request rate.")
                continue
            put = ("S3APICALL put_object(Bucket='acme-db-archive', Key='%s', Body=<_io.BytesIO object at "
                   "0x7f0a%08x>)" % (key, 0x3b9e4f0 + i * 64))
            at(s, logging.DEBUG, S4, 402, "wrapped_method", ">> %s", put)
            at(s, logging.DEBUG, S4, 404, "wrapped_method", "<< %s: %s", put,
               "{'ResponseMetadata': {'RequestId': 'ZP1%05dQ', 'HTTPStatusCode': 200, 'RetryAttempts': 0}, "
               "'ETag': '\"%032x\"'}" % (night * 10 + i, 0x5d41402abc4b2a76b9719d911017c592 + i + night))
            printed(stream, "%s => %s" % (src, dst))
            at(s, logging.DEBUG, S4, 130, "wrapper", "<< %s: %s", "upload(%r, %r)" % (src, dst), "None")
        if night == 4:
            # Retries used up: fail() logs the error, then the traceback as a message.
            def worker_run():
                def upload():
                    raised("botocore.exceptions", "ClientError", "An error occurred (SlowDown) when calling the "
                           "PutObject operation (reached max retries: 4): Please reduce your request rate.")
                upload()
            try:
                worker_run()
            except Exception as e:
                at(s, logging.ERROR, S4, 182, "fail", "[Runtime Exception] %s" % e)
                at(s, logging.ERROR, S4, 184, "fail", traceback.format_exc())
            printed(stream, "+ s4cmd exited 1")
            break
    return {"name": "pgmigrate-s4cmd", "programs": [pm, s4], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_chrepl_chmysql(), stream_backy2_astacus(), stream_pgmigrate_s4cmd()])


if __name__ == "__main__":
    main()
