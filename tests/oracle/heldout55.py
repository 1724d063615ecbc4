"""The 55-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout54.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in geospatial and mapping (a tile server's database host
on EC2, where PgOSM Flex loads a Geofabrik extract into PostGIS and
openstreetmap-carto's get-external-data.py loads the coastline and ice
shapefiles beside it; the tile server's update workers, where
pyosmium-up-to-date keeps the region's planet extract current from cron
and TileCloud-chain's generate-tiles workers render the metatiles the
queue hands them; a mapping team's EC2 batch host, where the OpenAddresses
machine's CI worker and dequeuer process address sources while a Raster
Vision job chips and trains on satellite imagery), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout55

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1eccc89 (session 26's rules in, none written
from this set), with nothing configured: 54.8% exact, 93.3% key fields
(asctime 94.9%, levelname 98.5%, name 99.3%, message 97.6%).

Formatters and filters: all six use logging.Formatter itself (PgOSM Flex,
get-external-data.py and pyosmium-up-to-date through logging.basicConfig,
TileCloud-chain through dictConfig, Raster Vision and the OpenAddresses
machine through a StreamHandler they set up), no filter. PgOSM Flex's
format glues everything with colons ("...,123:INFO:pgosm-flex:db:Postgres
instance ready"), the module's name before the message, and its
helpers.run_command_via_subprocess logs every line osm2pgsql prints as an
INFO message of its own (osm2pgsql's own time and two spaces at its start);
some messages hold a line break and a space ("output: \\n ..."), and the
container runs with --debug. get-external-data.py's basicConfig has no
format (Python's BASIC_FORMAT, "INFO:root:", every record the root's); its
messages start with two spaces under a "Table ..." line, and an ogr2ogr
failure logs four CRITICAL records, two of them multi-line, before the
uncaught RuntimeError. pyosmium-up-to-date's format has no name
("2024-05-11 14:44:44 INFO: ..."), runs with -vv (DEBUG) and logs through
the root and the "pyosmium" logger; one of its errors is a triple-quoted
text whose continuation lines keep their source indentation.
TileCloud-chain's generic format gets its brackets around the time from
its datefmt ("[2024-05-11 14:44:44 +0000]", with "%z"), then the process
id in brackets and the level cut and padded to five ("[WARNI]", "[INFO ]");
an error on a tile is a multi-line WARNING, and its workers' pids are
pinned (17 and 18). Raster Vision's format puts the
logger's name between a colon and ": " ("...:rastervision.pytorch_learner.
learner: INFO - ..."), and its metrics are pformat()ted dicts after
"metrics:\\n". The OpenAddresses machine's "%(levelname)07s" right-aligns
the level to seven ("   INFO", "  ERROR"), and the "0" flag pads nothing
for a string. 439 records in three streams (211, 121 and 107; 52 of them
print lines or bare tracebacks).

Print lines: Docker's and the entrypoints' lines, the shell's "+ ..."
lines of the cron script, the traceback get-external-data.py dies with,
the traceback pyosmium-up-to-date prints itself (traceback.print_exc(),
no record), Raster Vision's click.secho lines ("Running train
command...", no colour off a terminal), tqdm bars and the uncaught
traceback that fails its predict stage, and supervisord's lines on the
OpenAddresses host.

The messages are modelled on the programs' source, read at the commits
cited: PgOSM Flex's pgosm_flex.py, db.py, geofabrik.py and helpers.py
messages, get-external-data.py's, pyosmium-up-to-date's and
replication/server.py's, TileCloud-chain's __init__.py and generate.py's,
Raster Vision's learner.py, rv_pipeline.py and file_system/utils.py's and
the OpenAddresses machine's ci/__init__.py, ci/work.py, ci/worker.py and
ci/run_dequeue.py messages are their own. osm2pgsql's output lines, the
tile metadata, the tqdm bars, the metrics' keys, the values (regions,
sequence ids, tiles, sources, buckets, hosts) and the exceptions' texts of
third-party libraries are modelled, not read.

Left out: the HOT Tasking Manager (its backend logs through loguru,
"{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} |
{message}", hotosm/tasking-manager 5a4da8661 backend/main.py: not the
logging module), cirrus-geo (its dictConfig's handler uses
pythonjsonlogger's JsonFormatter: already JSON; cirrus-geo/cirrus-geo
516d43b src/cirrus/lib/logging.py), ASF HyP3 (its Lambda functions'
logging.basicConfig() with no format: BASIC_FORMAT, covered;
ASFHyP3/hyp3 0973e6d7 lib/lambda_logging), sentinelsat (its CLI's handler
prints "%(message)s" only; sentinelsat/sentinelsat 64ef13c
sentinelsat/scripts/cli.py), tilekiln (no logging format found in
pnorman/tilekiln 1e91f80), mapillary_tools ("%(asctime)s.%(msecs)03d -
%(levelname)-7s - %(message)s" with "%H:%M:%S", read in
mapillary/mapillary_tools 847fd0e6 mapillary_tools/utils.py, kept for a
later set), osm2pgsql-replication (osm2pgsql is in `heldout14.py`), and
the programs the earlier sets hold or left out (Nominatim, MapProxy,
eodag, Satpy, pygeoapi, pycsw, TileStache, titiler, Terracotta, PyWPS,
GeoHealthCheck, datacube-ows, WebODM, trollflow2).
"""

import logging
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# PgOSM Flex (rustprooflabs/pgosm-flex, 7d6d339), docker/pgosm_flex.py
# setup_logger's log_format, through logging.basicConfig (stdout).
PGOSM = "%(asctime)s:%(levelname)s:%(name)s:%(module)s:%(message)s"
# openstreetmap-carto (gravitystorm/openstreetmap-carto, ca77146d),
# scripts/get-external-data.py main(): logging.basicConfig(level=...) with
# no format, so Python's BASIC_FORMAT.
CARTO = logging.BASIC_FORMAT
# pyosmium (osmcode/pyosmium, 78702cd), src/osmium/tools/
# pyosmium_up_to_date.py main()'s logging.basicConfig (stderr).
PYOSMIUM = "%(asctime)s %(levelname)s: %(message)s"
PYOSMIUM_DATEFMT = "%Y-%m-%d %H:%M:%S"
# TileCloud-chain (camptocamp/tilecloud-chain, 5a7c6b24),
# tilecloud_chain/__init__.py TileGeneration.__init__'s dictConfig
# "generic" formatter (the "console" handler, log_type's default in
# settings.py).
TILECLOUD_CHAIN = "%(asctime)s [%(process)d] [%(levelname)-5.5s] %(message)s"
TILECLOUD_CHAIN_DATEFMT = "[%Y-%m-%d %H:%M:%S %z]"
# Raster Vision (azavea/raster-vision, 3c18a7aa), rastervision_pipeline/
# rastervision/pipeline/__init__.py: the "rastervision" logger's
# StreamHandler (level from rv_config.py's set_verbosity: INFO).
RASTERVISION = "%(asctime)s:%(name)s: %(levelname)s - %(message)s"
RASTERVISION_DATEFMT = "%Y-%m-%d %H:%M:%S"
# OpenAddresses machine (openaddresses/machine, 05db17d), openaddr/ci/
# __init__.py setup_logger's log_format (the "openaddr" logger's stderr
# StreamHandler).
OPENADDR = "%(asctime)s %(levelname)07s: %(message)s"

APP = "/app/docker/"


# --------------------------------------------------------------------------
# A tile server's database host on EC2 (Docker's awslogs driver, one
# stream for the compose project): PgOSM Flex loads the District of
# Columbia extract into PostGIS, then the renderer's setup runs
# openstreetmap-carto's get-external-data.py for its shapefiles.

OSM2PGSQL_LINES = [
    "osm2pgsql version 1.11.0",
    "Database version: 16.2 (Debian 16.2-1.pgdg120+2)",
    "PostGIS version: 3.4",
    "Storing properties to table '\"public\".\"osm2pgsql_properties\"'.",
    "Loading persistent node cache from '/app/output/nodes.cache'.",
    "Reading input files done in 31s.",
    "  Processed 2781391 nodes in 3s - 927k/s",
    "  Processed 452876 ways in 24s - 19k/s",
    "  Processed 7316 relations in 4s - 2k/s",
    "Clustering table 'road_line' by geometry...",
    "Creating geometry index on table 'road_line'...",
    "Analyzing table 'road_line'...",
    "All postprocessing on table 'road_line' done in 4s.",
    "Clustering table 'building_polygon' by geometry...",
    "Creating geometry index on table 'building_polygon'...",
    "All postprocessing on table 'building_polygon' done in 9s.",
    "All postprocessing on table 'poi_point' done in 1s.",
    "Storing properties to table '\"public\".\"osm2pgsql_properties\"'.",
    "osm2pgsql took 71s (1m 11s) overall.",
]
SHAPES = [("simplified_water_polygons", "simplified-water-polygons-split-3857", 24308112),
          ("water_polygons", "water-polygons-split-3857", 881234019),
          ("icesheet_polygons", "antarctica-icesheet-polygons-3857", 52114530),
          ("icesheet_outlines", "antarctica-icesheet-outlines-3857", 53928881)]


def stream_pgosm_carto():
    stream = []
    pg = Program("pgosm-flex", "pgosm-flex", logging.Formatter(PGOSM), stream)
    ca = Program("get-external-data", "root", logging.Formatter(CARTO), stream)
    p = lg(pg, "pgosm-flex")
    r = lg(ca, "root")

    def pgl(module, line, func, msg, level=logging.INFO):
        at(p, level, APP + module + ".py", line, func, msg)

    region, date = "north-america/us-district-of-columbia", "2024-05-11"
    pbf = f"/app/output/district-of-columbia-{date}.osm.pbf"
    printed(stream, "pgosm-1  | PostgreSQL Database directory appears to contain a database; Skipping initialization")
    printed(stream, "pgosm-1  | 2024-05-11 14:44:41.102 UTC [1] LOG:  database system is ready to accept connections")
    for run in range(3):
        pgl("pgosm_flex", 341, "setup_logger", "Logger configured", logging.DEBUG)
        pgl("pgosm_flex", 85, "run_pgosm_flex", "PgOSM Flex starting...")
        pgl("helpers", 124, "set_env_vars", "Ensuring env vars are not set from prior run", logging.DEBUG)
        pgl("helpers", 126, "set_env_vars", "Setting environment variables", logging.DEBUG)
        pgl("helpers", 132, "set_env_vars", "SRID set: 3857")
        pgl("helpers", 152, "set_env_vars", f"PGOSM_REGION_COMBINED: {region}", logging.DEBUG)
        pgl("db", 147, "wait_for_postgres", "Checking for Postgres service to be available")
        pgl("db", 109, "pg_conn_parts", "PG Host: localhost -- Port: 5432", logging.DEBUG)
        pgl("db", 127, "pg_conn_parts", "DB Name: pgosm", logging.DEBUG)
        pgl("db", 209, "log_pg_details", 'Connecting to Postgres using role "postgres" on host  "localhost:5432"  in '
            'database "pgosm"')
        pgl("db", 169, "wait_for_postgres", "Waiting for Postgres connection...", logging.DEBUG)
        for found in (1, 2):
            pgl("db", 166, "wait_for_postgres", f"Postgres up {found} times", logging.DEBUG)
        pgl("db", 173, "wait_for_postgres", "Postgres instance ready")
        pgl("db", 237, "prepare_pgosm_db", "Dropping local database if exists", logging.DEBUG)
        pgl("db", 355, "drop_pgosm_db", "Removed pgosm database")
        pgl("db", 380, "create_pgosm_db", "Created pgosm database")
        pgl("db", 402, "prepare_pgosm_db", "Preparing database schema: osm")
        for sql in ("osm_pgosm_flex.sql", "functions/build_nested_admin_polygons.sql",
                    "functions/location_in_place.sql"):
            pgl("db", 453, "deploy_sql", f"Deploying /app/db/deploy/{sql}")
        pgl("db", 418, "prepare_pgosm_db", "Loading QGIS styles")
        pgl("geofabrik", 128, "pbf_download_needed", f"Checking for PBF File: {pbf}", logging.DEBUG)
        if run == 0:
            pgl("geofabrik", 150, "pbf_download_needed", "PBF file not found locally. Download required")
            pgl("geofabrik", 189, "download_data", f"Downloading PBF data to /app/output/district-of-columbia-latest"
                ".osm.pbf")
            pgl("geofabrik", 201, "download_data", "Downloading MD5 checksum to /app/output/district-of-columbia-"
                "latest.osm.pbf.md5")
        else:
            pgl("geofabrik", 131, "pbf_download_needed", f"PBF File exists {pbf}")
            pgl("geofabrik", 134, "pbf_download_needed", "PBF & MD5 files exist.  Download not needed")
        pgl("helpers", 90, "verify_checksum", "Validating district-of-columbia-latest.osm.pbf.md5 in /app/output/",
            logging.DEBUG)
        pgl("helpers", 100, "verify_checksum", "md5sum validated", logging.DEBUG)
        pgl("geofabrik", 106, "get_pbf_meta", "PBF Meta timestamp: 2024-05-10T20:21:43Z")
        pgl("helpers", 215, "get_git_info", "PgOSM Flex version:  1.0.1 7d6d339")
        pgl("helpers", 312, "okay_to_run", "No prior import found, okay to proceed.", logging.DEBUG)
        pgl("pgosm_flex", 163, "run_pgosm_flex", f"Started import id {41 + run}")
        pgl("pgosm_flex", 170, "run_pgosm_flex", "Running osm2pgsql")
        pgl("pgosm_flex", 429, "run_osm2pgsql", "Running osm2pgsql")
        for i, ln in enumerate(OSM2PGSQL_LINES):
            if run == 2 and i == 5:
                # The second run is killed by the kernel: osm2pgsql's last lines.
                pgl("helpers", 67, "run_command_via_subprocess", f"{now('%Y-%m-%d %H:%M:%S')}  ERROR: DB copy "
                    "thread failed: Failed to write to database: ERROR:  could not extend file \"base/16384/17102\": "
                    "No space left on device")
                break
            pgl("helpers", 67, "run_command_via_subprocess", f"{now('%Y-%m-%d %H:%M:%S')}  {ln}".rstrip())
        if run == 2:
            pgl("pgosm_flex", 437, "run_osm2pgsql", "Failed to run osm2pgsql. Return code: 2", logging.ERROR)
            printed(stream, "Failed to run osm2pgsql. Return code: 2 - Check the log output for details")
            printed(stream, "pgosm-1 exited with code 1")
            break
        pgl("pgosm_flex", 440, "run_osm2pgsql", "osm2pgsql completed")
        pgl("pgosm_flex", 545, "run_post_processing", "Calculating nested polygons")
        pgl("db", 498, "pgosm_after_import", "Running post-processing...")
        pgl("db", 508, "pgosm_after_import", "Post-processing SQL output: \n CALL\nCALL\nUPDATE 1\n")
        pgl("db", 551, "pgosm_nested_admin_polygons", "Building nested polygons... (this can take a while)")
        pgl("db", 558, "pgosm_nested_admin_polygons", "Nested polygon output: \n CALL\n")
        pgl("db", 629, "run_pg_dump", "Running pg_dump (only osm schema)")
        pgl("db", 645, "run_pg_dump", f"pg_dump complete, saved to /app/output/pgosm-flex-{region.split('/')[1]}-"
            "default.sql")
        pgl("db", 646, "run_pg_dump", "pg_dump output: \n ", logging.DEBUG)
        pgl("pgosm_flex", 195, "run_pgosm_flex", "PgOSM Flex complete!")

        # The renderer's database gets the shapefiles next.
        printed(stream, "+ python3 scripts/get-external-data.py -c external-data.yml -H pgosm -d gis -U renderer")
        r.info("Starting load of external data into database")
        for k, (name, folder, size) in enumerate(SHAPES):
            r.info("Table {}".format(name))
            r.info("  Downloading file https://osmdata.openstreetmap.de/download/{}.zip".format(folder))
            if run == 0 and k == 3:
                r.critical("  Unexpected response code (503")
                r.critical("  Content {} was not downloaded".format(name))
                r.info("  Table {} did not require updating".format(name))
                continue
            if run == 0 or k == 1:
                r.info("  Download complete ({} bytes)".format(size))
                r.info("  Decompressing file")
                r.info("  Importing into database")
                if run == 1 and k == 1:
                    cmd = ["ogr2ogr", "-f", "PostgreSQL", "-lco", "GEOMETRY_NAME=way", "-lco", "SPATIAL_INDEX=FALSE",
                           "-lco", "EXTRACT_SCHEMA_FROM_LAYER_NAME=YES", "-nln", "loading." + name,
                           "PG:dbname=gis user=renderer host=pgosm", f"data/{name}/{folder}/{name}.shp"]
                    err = (f"ERROR 1: COPY statement failed.\nERROR:  could not extend file \"base/16385/24577.3\": "
                           f"No space left on device\nHINT:  Check free disk space.\nCONTEXT:  COPY {name}, line "
                           f"40211\n\nERROR 1: Unable to write feature 40211 from layer {name}.\nERROR 1: Terminating "
                           "translation prematurely after failed\ntranslation of layer water_polygons (use "
                           "-skipfailures to skip errors)\n")
                    r.critical("ogr2ogr returned {} with layer {}".format(1, name))
                    r.critical("Command line was {}".format(subprocess.list2cmdline(cmd)))
                    r.critical("Output was\n{}".format(""))
                    r.critical("Error was\n{}".format(err))

                    def main():
                        try:
                            raise subprocess.CalledProcessError(1, cmd, "", err)
                        except subprocess.CalledProcessError:
                            raise RuntimeError("ogr2ogr error when loading table {}".format(name))
                    uncaught(stream, main)
                    printed(stream, "carto-setup-1 exited with code 1")
                    break
                r.info("  Import complete")
            else:
                r.info("  Cached file https://osmdata.openstreetmap.de/download/{}.zip did not require updating".format(
                    folder))
                r.info("  Table {} did not require updating".format(name))
    return {"name": "pgosm-carto", "programs": [pg, ca], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# The tile server's update workers (an ECS service on EC2, one log group):
# an hourly cron container runs pyosmium-up-to-date -vv on the region's
# extract, and TileCloud-chain's generate-tiles workers (role slave) take
# the metatiles off the SQS queue and write the tiles to S3.

EXTRACTS = [("/data/osm/district-of-columbia.osm.pbf", "https://download.geofabrik.de/north-america/us/"
             "district-of-columbia-updates"),
            ("/data/osm/maryland.osm.pbf", "https://download.geofabrik.de/north-america/us/maryland-updates")]
TCC_META = "config_file=/etc/tilegeneration/config.yaml host=tiles.example.org layer={}"
LAYERS = ["osm", "osm_hillshade", "osm_labels"]


def stream_pyosmium_tilecloud():
    stream = []
    po = Program("pyosmium-up-to-date", "root", logging.Formatter(PYOSMIUM, PYOSMIUM_DATEFMT), stream)
    tc = Program("tilecloud-chain", "tilecloud_chain",
                 logging.Formatter(TILECLOUD_CHAIN, TILECLOUD_CHAIN_DATEFMT), stream)
    root = lg(po, "root")
    server = lg(po, "pyosmium")
    chain = lg(tc, "tilecloud_chain")
    gen = lg(tc, "tilecloud_chain.generate")

    printed(stream, "Starting generate-tiles workers (role slave, queue tiles-osm)")
    with pid(17):
        chain.warning("The layer %s has a 'grid' key, it is deprecated, use 'grids' instead.", "osm_hillshade")
        chain.warning("No configuration found for host '%s' in global hosts config", "internal-tiles.example.org")
    seq = 4210
    for cycle in range(5):
        # The hourly cron run: one extract after the other.
        printed(stream, "+ date -u")
        printed(stream, now("%a %b %d %H:%M:%S UTC %Y"))
        for k, (path, url) in enumerate(EXTRACTS):
            printed(stream, f"+ pyosmium-up-to-date -vv --size 100 {path}")
            root.info(f"Using replication service at {url}")
            if k == 1 and cycle == 4:
                # The state file can't be fetched: the tool prints the traceback.
                def pyosmium_up_to_date():
                    def get_state_info():
                        raised("requests.exceptions", "ReadTimeout",
                               "HTTPSConnectionPool(host='download.geofabrik.de', port=443): Read timed out. (read "
                               "timeout=None)")
                    get_state_info()
                uncaught(stream, pyosmium_up_to_date)
                continue
            top = seq + cycle + (2 if k == 0 else 0)
            root.debug(f"Server is at sequence {top} ({now('%Y-%m-%d %H:%M:%S')}+00:00).")
            if k == 0 and cycle == 1:
                root.info("File is already up to date.")
                continue
            start = top - 1 - (cycle % 2)
            root.debug("Using given sequence ID %d" % (start - 1))
            root.info("Starting download at ID %d (max %f MB)" % (start, 100))
            for change in range(start, top + 1):
                if k == 0 and cycle == 3 and change == top:
                    server.error("Error during diff download: %s", "HTTPSConnectionPool(host='download.geofabrik.de'"
                                 f", port=443): Max retries exceeded with url: /north-america/us/district-of-"
                                 f"columbia-updates/000/004/{change % 1000:03d}.osc.gz (Caused by NewConnectionError("
                                 "'<urllib3.connection.HTTPSConnection object at 0x7f8e0c3b2a10>: Failed to establish "
                                 "a new connection: [Errno 101] Network is unreachable'))")
                    server.error("Bailing out.")
                    top = change - 1
                    break
                server.debug("Downloaded change %d. (%d kB available in download buffer)", change,
                             102400 - 37 * (change - start + 1) - 11 * k)
            server.debug("Merging changes into OSM file.")
            root.info("Downloaded until %d. Server has data available until %d."
                      % (top, top + (1 if cycle == 3 else 0)))
        if cycle == 2:
            # An extract added to the cron job from an old download.
            printed(stream, "+ pyosmium-up-to-date -vv --size 100 /data/osm/virginia.osm.pbf")
            root.info("Using replication service at https://download.geofabrik.de/north-america/us/virginia-updates")
            root.debug(f"Server is at sequence {seq + 3} ({now('%Y-%m-%d %H:%M:%S')}+00:00).")
            root.debug("Looking up sequence ID for timestamp %s" % "2023-12-31 20:59:59+00:00")
            root.error("""The OSM file is more than 3 months old. You should download a
                     more recent file instead of updating. If you really want to
                     update the file, use --force-update-of-old-planet.""")

        # The workers regenerate the metatiles the update touched.
        for w, worker in enumerate((17, 18)):
            with pid(worker):
                for n in range(6):
                    z = 12 + (n + w) % 4
                    x, y = 1171 * 2 ** (z - 12) + 8 * n, 1566 * 2 ** (z - 12) + 8 * w
                    layer = LAYERS[(n + cycle) % 3]
                    meta = TCC_META.format(layer)
                    if (n + cycle + w) % 4 == 1:
                        chain.info("The tile %s %s is dropped", f"{z}/{x}/{y}:+8/+8", meta)
                    if cycle == 2 and n == 3 and w == 0:
                        chain.warning("Error with tile %s %s:\n%s", f"{z}/{x}/{y}:+8/+8", meta,
                                      "WMS server error: msWMSLoadGetMapParams(): WMS server error. Image Size out "
                                      "of range, WIDTH and HEIGHT must be between 1 and 4096 pixels.\n"
                                      "msDrawMap(): Image handling error. Failed to draw layer named 'roads'.\n")
                    if cycle == 4 and n == 1 and w == 1:
                        def call():
                            def put_one():
                                raised("botocore.exceptions", "ClientError",
                                       "An error occurred (SlowDown) when calling the PutObject operation (reached "
                                       "max retries: 4): Please reduce your request rate.")
                            put_one()
                        try:
                            call()
                        except Exception:
                            chain.exception("[%s] Fail to process function %s", f"{z}/{x}/{y}",
                                            "<tilecloud.store.s3.S3TileStore object at 0x7f5d9c2e1f50>")
                if cycle == 3 and w == 1:
                    gen.warning("Layer '%s' not found in the configuration file '%s'", "osm_terrain",
                                "/etc/tilegeneration/config.yaml")
    printed(stream, "[ecs-agent] Stopping container tilecloud-chain-worker (SIGTERM)")
    return {"name": "pyosmium-tilecloud", "programs": [po, tc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mapping team's EC2 batch host (Docker's awslogs driver to one log
# group): the OpenAddresses machine's worker and dequeuer (supervisord)
# process address sources, and a Raster Vision job chips Sentinel-2 scenes
# of building footprints and trains on them.

SOURCES = ["us/ca/san_francisco", "us/dc/statewide", "us/md/montgomery", "de/berlin", "nl/countrywide",
           "au/countrywide", "ca/on/toronto", "us/tx/austin"]
SCENES = ["S2B_18SUJ_20240503_0_L2A", "S2A_18SUJ_20240428_0_L2A", "S2B_18STJ_20240503_0_L2A"]
RV_OUT = "s3://mapping-team-rv/buildings/dc-2024-05"


def stream_openaddr_rastervision():
    stream = []
    oa = Program("openaddr", "openaddr", logging.Formatter(OPENADDR), stream)
    rv = Program("rastervision", "rastervision", logging.Formatter(RASTERVISION, RASTERVISION_DATEFMT), stream)
    ci = lg(oa, "openaddr.ci")
    work = lg(oa, "openaddr.ci.work")
    worker = lg(oa, "openaddr.ci.worker")
    deq = lg(oa, "openaddr.ci.run_dequeue")
    learner = lg(rv, "rastervision.pytorch_learner.learner")
    pipe = lg(rv, "rastervision.core.rv_pipeline.rv_pipeline")
    fs = lg(rv, "rastervision.pipeline.file_system.utils")
    src = lg(rv, "rastervision.core.data.raster_source.rasterio_source")
    backend = lg(rv, "rastervision.pytorch_backend.pytorch_learner_backend_config")
    host = "ip-10-0-3-41"

    printed(stream, f"{now('%Y-%m-%d %H:%M:%S')},201 INFO spawned: 'openaddr-worker' with pid 12")
    printed(stream, f"{now('%Y-%m-%d %H:%M:%S')},202 INFO spawned: 'openaddr-dequeue' with pid 13")
    printed(stream, "Running chip command...")
    pipe.info("Chip options: sampling={'train': WindowSamplingConfig(method=<WindowSamplingMethod.random: 'random'>,"
              " size=256, stride=None, padding=None, pad_direction='end', size_lims=None, h_lims=None, w_lims=None, "
              "max_windows=500, max_sample_attempts=100, efficient_aoi_sampling=True, within_aoi=True)} nodata_"
              "threshold=1.0 method='random' only_chips_with_labels=False")
    backend.info("Could not determine number of image channels from DataConfig.img_channels or RasterSourceConfig."
                 "channel_order. Building first scene to figure it out. This might take some time. To avoid this, "
                 "specify one of the above.")
    for i, scene in enumerate(SCENES):
        fs.info(f"Downloading s3://sentinel-cogs/sentinel-s2-l2a-cogs/18/S/UJ/2024/5/{scene}/TCI.tif to /opt/data/"
                f"tmp/tmp_k2x9/s3/sentinel-cogs/{scene}/TCI.tif...")
        if i == 1:
            src.warning("Raster bands have non-identical block shapes: {(512, 512), (1024, 1024)}. This can slow "
                        "down reading. Consider re-tiling using GDAL.")
    printed(stream, "Chipping [train] scenes: 100%|██████████| 3/3 [02:41<00:00, 53.87s/it]")
    fs.info(f"Uploading /opt/data/tmp/tmp_k2x9/chips/b0f1c2.zip to {RV_OUT}/chip/b0f1c2.zip")
    printed(stream, "Running train command...")
    learner.info(f"Local output dir: /opt/data/tmp/tmp_k2x9/{RV_OUT[5:]}/train")
    learner.info(f"Remote output dir: {RV_OUT}/train")
    learner.info("Using device: cuda")
    learner.info("Building dataloaders")
    learner.info("Building datasets ...")
    for split in ("train", "valid"):
        learner.info("Building %s dataset ...", split)
    learner.info("train_ds: 1500 items")
    learner.info("valid_ds: 300 items")
    for split in ("training", "validation"):
        learner.info(f"Plotting sample {split} batch.")
    for cycle in range(6):
        # The OpenAddresses worker takes a source, the dequeuer reports.
        name = SOURCES[cycle % len(SOURCES)]
        ci.info(u"Got file {} from task queue".format("sources/" + name + ".json"))
        work.info("Doing work on source {}".format(repr(name)))
        if cycle == 2:
            def main():
                def pop_task_from_taskqueue():
                    raised("psycopg2", "OperationalError", "server closed the connection unexpectedly\n\tThis "
                           "probably means the server terminated abnormally\n\tbefore or while processing the request.")
                pop_task_from_taskqueue()
            try:
                main()
            except Exception:
                worker.error("Error in worker main()", exc_info=True)
        else:
            ci.info("Done")
        for beat in range(2):
            ci.info("Got heartbeat {}: {}".format(88120 + 3 * cycle + beat, f"{host}/{12 if beat == 0 else 31}"))
        if cycle != 2:
            ci.info(u"Got file {} from done queue".format("sources/" + name + ".json"))
        if cycle % 3 == 1:
            ci.warning("No status_url to tell about {} status of job {}".format(True, 11402 + cycle))
        if cycle == 4:
            ci.info(u"Got file {} from due queue".format("sources/" + SOURCES[3] + ".json"))
            body = {"state": "failure", "target_url": "https://results.openaddresses.io/jobs/11406",
                    "description": "Failed de/berlin", "context": "openaddresses/hooked"}
            ci.warning("post_github_status() request: {}".format(str(body).replace("'", '"')))
            ci.warning("post_github_status() response: {}, {}".format(422, '{"message":"No commit found for SHA: '
                       '9d1f0a2","documentation_url":"https://docs.github.com/rest/commits/statuses"}'))
        deq.info("{workers_n} active workers; queue lengths: {task_n} tasks, {done_n} done, {due_n} due".format(
            workers_n=2, task_n=len(SOURCES) - cycle, done_n=cycle % 2, due_n=3 + cycle % 2))

        # Raster Vision's epoch.
        learner.info(f"epoch: {cycle}")
        printed(stream, f"Training: 100%|██████████| 94/94 [01:{12 + cycle:02d}<00:00,  1.29it/s]")
        printed(stream, f"Validating: 100%|██████████| 19/19 [00:0{4 + cycle % 3}<00:00,  4.02it/s]")
        loss = 0.4127 - 0.041 * cycle
        learner.info("metrics:\n{'epoch': %d,\n 'train_loss': %.4f,\n 'train_time': '0:01:%02d.218934',\n "
                     "'val_loss': %.4f,\n 'avg_precision': %.4f,\n 'avg_recall': %.4f,\n 'avg_f1': %.4f,\n "
                     "'background_precision': 0.9711,\n 'building_precision': %.4f,\n 'valid_time': "
                     "'0:00:05.880412'}" % (cycle, loss, 12 + cycle, loss + 0.031, 0.71 + 0.02 * cycle,
                                            0.66 + 0.02 * cycle, 0.68 + 0.02 * cycle, 0.45 + 0.04 * cycle))
    learner.info("Making and plotting sample predictions on the valid set...")
    learner.info(f"Sample predictions written to /opt/data/tmp/tmp_k2x9/{RV_OUT[5:]}/train/valid_preds.png.")
    learner.info("Creating bundle.")
    learner.info(f"Saving bundle to /opt/data/tmp/tmp_k2x9/{RV_OUT[5:]}/train/model-bundle.zip.")
    fs.info(f"Syncing /opt/data/tmp/tmp_k2x9/{RV_OUT[5:]}/train to {RV_OUT}/train...")
    printed(stream, "Running predict command...")
    learner.info(f"Loading learner from bundle {RV_OUT}/bundle/model-bundle.zip.")
    learner.info("Unzipping model-bundle to /opt/data/tmp/tmp_p1q2/model-bundle")
    fs.info(f"Using cached file /opt/data/tmp/tmp_k2x9/s3/sentinel-cogs/{SCENES[0]}/TCI.tif.")

    def run_command():
        def predict():
            def build():
                raised("rasterio.errors", "RasterioIOError",
                       f"'/vsis3/sentinel-cogs/sentinel-s2-l2a-cogs/18/S/TJ/2024/5/{SCENES[2]}/TCI.tif' does not "
                       "exist in the file system, and is not recognized as a supported dataset name.")
            build()
        predict()
    uncaught(stream, run_command)
    ci.info(u"Got file {} from task queue".format("sources/" + SOURCES[6] + ".json"))
    work.info("Doing work on source {}".format(repr(SOURCES[6])))
    ci.info("Done")
    printed(stream, f"{now('%Y-%m-%d %H:%M:%S')},910 WARN received SIGTERM indicating exit request")
    return {"name": "openaddr-rastervision", "programs": [oa, rv], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_pgosm_carto(), stream_pyosmium_tilecloud(), stream_openaddr_rastervision()])


if __name__ == "__main__":
    main()
