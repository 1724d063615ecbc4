"""The twenty-fifth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout24.py`): six more
programs' own logging set-ups, chosen for what platform and SRE teams run
in AWS in areas the earlier sets did not cover (a radiology annotation host
where pynetdicom's storescp receives CT studies and MONAI Label segments
and retrains on them; a MOOC platform whose Richie catalogue, a django CMS
site, rebuilds its Elasticsearch indices while Ralph ships the LMS's edX
tracking logs to a learning record store as xAPI; a digital library's
worker host where OCR-D runs a Tesseract workflow over a scanned volume
beside an mwmbl search-engine crawler), each format copied from the file
named beside it (the version read is given), with the formatter class the
program uses, and messages from the program's source under its loggers'
names.

    .venv/bin/python tests/oracle/sweep.py heldout25

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at bc7d6b3 (session 20's rules from heldout9 to
heldout23 in), before any rule saw it: 2195 records (25 joined under a
burst), 75.8% exact, 99.8% with the key fields right (asctime 100.0%,
levelname 100.0%, name 100.0%, message 99.8%, exc_info 100.0%).

Formatters and filters: all six programs use logging.Formatter itself, no
datefmt but OCR-D's "%H:%M:%S" (a filter only pins what the generator
cannot have: the thread names MONAI Label prints, "MainThread" for
uvicorn's event loop and "ThreadPoolExecutor-0_0" for its training
executor, and Richie's `%(thread)d`, both standard attributes; process ids
are pinned too). 555 records in three streams. MONAI Label prints
"(name:lineno)" in brackets after the process and thread; the names, lines
and functions are those of the files read (MONAI Label at 058ddfc4,
uvicorn 0.35.0, pytorch-ignite at de08e799, MONAI 1.5.0 at d388d1c6 for
its StatsHandler), and uvicorn's records carry the `color_message` extra
(kept in the truth, as python-json-logger writes it). Its training runs in
a subprocess whose stdout its "task_train" logger relays line by line with
the "single" formatter ("%(message)s"): a relayed record's text is the
subprocess's own record (its pid, 214, another), and its truth is that
record, as for Neptune's relayed lines in `heldout13.py`. MONAI Label logs
an empty message after its "USING::" lines (one of which, "root_path = ",
ends with a space), messages that end with a space (MONAI's StatsHandler
"train_loss: 0.8127 ", "Tracking: mlflow ", "Tracking URI: ...; "), and uvicorn's "Exception in ASGI application\n"
ends with the line break before its traceback. storescp's format has
neither a time nor a name: "%(levelname).1s: " cuts the level to one
letter ("I: ", "W: ", "E: "), and its app_logger.exception(exc) makes the
exception's text the message. Richie's format starts with the level, then
the time, the module ("index_manager", "helpers"), the process and the
thread id; its "richie" logger is at the level RICHIE_LOGGING_LEVEL names
(ERROR unless set: the deployment sets INFO), its cache fallback logs the
exception as the message with the traceback. Ralph pads the time to 23
(no change: asctime is 23 characters), the level to eight and the name to
eight (every name is longer); its converter logs exceptions as messages,
and an httpx status error's text has two lines ("...\nFor more information
check: ..."). OCR-D prints the time without a date and ".mmm" after it
("14:44:53.637 INFO ocrd.cli.workspace.bulk-add - [   1/6] ..."),
bulk-add pads its counter inside the brackets, a deskew message ends with
"°", and a failed page's record has the traceback. mwmbl's format has no
time at all and starts with the process id
("8:INFO:mwmbl.crawler.retrieve:https://lwn.net/..."): its crawler's
worker processes (8, 9), its indexing process (10, respawned as 44 after
it is killed) and the main process (7) each print theirs, and some
messages are bare URLs.

Print lines: the shell's "+ ..." lines, Django's migrate output (its
stdout), Python's warnings (warnings.showwarning on stderr: pydicom's
invalid-UID warning in storescp, whose "pydicom" logger has only a
NullHandler; torch's GradScaler deprecation in MONAI Label's training
subprocess, relayed through "task_train"), Tesseract's own stderr lines
("Warning: Invalid resolution 0 dpi. Using 70 instead.", "Estimating
resolution as 287"; C++, not logging) and mwmbl's print() lines at import
("Data path /root/.mwmbl"). A ralph pipeline whose S3 object is missing
ends with the chained traceback the interpreter prints (the botocore error,
then ralph's BackendException raised from it).

The messages' texts are copied from the programs' source at the lines
named (their values, paths, UIDs, counts and timings are modelled); the
ones modelled without a source line read are the sample app's repr()s, the
string of Richie's picture and the thumbnail error's text, mwmbl's
Document repr and the API's scores, OCR-D's image file IDs, torch's
warning, Tesseract's lines and Django's migrate output.

Left out: Kolibri (its console handlers use colorlog's ColoredFormatter,
"%(log_color)s%(levelname)-8s %(asctime)s %(message)s", read in
learningequality/kolibri kolibri/utils/logger.py at 0271dd22: `log_color`
is no record attribute, as for Robusta in `heldout10.py`), INGInious
("%(asctime)s - %(name)s - %(levelname)s - %(message)s", read in
INGInious/INGInious inginious/common/log.py at 607fb33a: a layout the
earlier sets hold many times), tika-python ("%(asctime)s
[%(threadName)-12.12s] [%(levelname)-5.5s]  %(message)s", read in
chrismattmann/tika-python tika/tika.py at 8ee4680a: a client library's
import-time handler, kept for a later set with a program that uses it),
OCR-D's network services' log files (ocrd_network/logging_utils.py's
Formatter(LOG_FORMAT) has no datefmt, so ",mmm" and ".mmm" both follow the
time; in files, not on stderr), docassemble (its logmessage writes to
stderr without logging), Open Semantic Search's ETL (print() only), and
Orthanc, Moodle and Canvas (not Python); Saleor, OCRmyPDF, PaddleOCR and
MkDocs are in earlier sets' Left out lists.
"""

import hashlib
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
from heldout13 import at, moved  # noqa: E402

# MONAI Label 0.8.5 (Project-MONAI/MONAILabel, 058ddfc4), monailabel/
# logging.json's "simple" formatter, the "console" handler (a StreamHandler
# on sys.stderr) of the root and of the "uvicorn" logger; init_log_config
# in monailabel/utils/others/generic.py hands this file to uvicorn.run as
# its log_config (monailabel/main.py action_start_server). The same format
# is monailabel/main.py Main.__init__'s and monailabel/interfaces/utils/
# app.py run_main's logging.basicConfig (the training subprocess). No
# datefmt. The "task_train" logger's "single" formatter ("%(message)s")
# relays the subprocess's output lines.
MONAILABEL = "[%(asctime)s] [%(process)s] [%(threadName)s] [%(levelname)s] (%(name)s:%(lineno)d) - %(message)s"
# pynetdicom 3.0.2 (pydicom/pynetdicom, a9b93129), pynetdicom/apps/
# common.py setup_logging's formatter, on a StreamHandler (sys.stderr) of
# the "storescp" logger and of the "pynetdicom" logger (run with -v: both
# at INFO).
STORESCP = "%(levelname).1s: %(message)s"

# Richie 3.4.0 (openfun/richie, 1cf549a7), the site factory template's
# settings.py (cookiecutter/{{cookiecutter.organization}}-richie-site-
# factory/template/.../settings.py, LOGGING's "verbose" formatter, the
# "console" handler of the "richie" logger; sandbox/settings.py has the
# same): the level first, then the time, the module, process and thread.
RICHIE = "%(levelname)s %(asctime)s %(module)s %(process)d %(thread)d %(message)s"
# Ralph 5.0.1 (openfun/ralph, 62d7d4dd), src/ralph/conf.py Settings.LOGGING
# (the "ralph" formatter of the "console" handler, sys.stderr, of the
# "ralph" logger), which src/ralph/logger.py configure_logging hands to
# dictConfig before every CLI command.
RALPH = "%(asctime)-23s %(levelname)-8s %(name)-8s %(message)s"

# OCR-D core 3.12.1 (OCR-D/core, c99393f3), src/ocrd_utils/constants.py
# LOG_FORMAT and LOG_TIMEFMT, which src/ocrd_utils/logging.py initLogging
# gives the root logger's StreamHandler (sys.stderr) when no
# ocrd_logging.conf is found (the template's defaultFormatter is the same);
# the processors it runs (ocrd_tesserocr 0.21.1, OCR-D/ocrd_tesserocr
# 9f0699f7) call initLogging too.
OCRD = "%(asctime)s.%(msecs)03d %(levelname)s %(name)s - %(message)s"
OCRD_DATEFMT = "%H:%M:%S"
# mwmbl (mwmbl/mwmbl, 7223a062), mwmbl/crawl.py FORMAT, its
# logging.basicConfig (the root's StreamHandler, sys.stderr): the crawler
# the Dockerfile.crawler image runs (mwmbl-crawl), its worker and indexing
# processes forked from it.
MWMBL = "%(process)d:%(levelname)s:%(name)s:%(message)s"


class Named(logging.Filter):
    """The thread a record is made in (uvicorn's event loop, MONAI Label's
    training executor), pinned: a standard attribute."""

    def __init__(self, name="MainThread"):
        super().__init__()
        self.name = name

    def filter(self, record):
        record.threadName = self.name
        return True


def cyan(text):
    """click.style(text, fg="cyan"), as uvicorn builds its color_message."""
    return "\x1b[36m" + text + "\x1b[0m"


def bold(text):
    """click.style(text, bold=True)."""
    return "\x1b[1m" + text + "\x1b[0m"


# --------------------------------------------------------------------------
# A radiology annotation host on a GPU instance (one compose project, one
# awslogs stream): pynetdicom's storescp receives CT studies from the
# hospital's PACS gateway, and MONAI Label serves segmentation to OHIF
# viewers over DICOMweb (an Orthanc beside it), trains its model in a
# subprocess whose output its "task_train" logger relays line by line.

ML = "/usr/local/lib/python3.10/dist-packages/monailabel/"
UV = "/usr/local/lib/python3.10/dist-packages/uvicorn/"
APP = "/opt/monailabel/apps/radiology"
STUDIES = "http://orthanc:8042/dicom-web"
CACHE = "/root/.cache/monailabel/dicom/" + hashlib.md5(STUDIES.encode()).hexdigest()
SERIES = ["1.2.826.0.1.3680043.8.498.%d" % (10117734412 + 7919 * i) for i in range(4)]


def stream_monailabel_storescp():
    stream = []
    relayed = []
    ml = Program("monailabel", "monailabel.main", logging.Formatter(MONAILABEL), stream)
    tr = Program("monailabel-train", "monailabel.interfaces.utils.app", logging.Formatter(MONAILABEL), relayed)
    sc = Program("storescp", "storescp", logging.Formatter(STORESCP), stream)
    thread = Named()
    ml.handler.addFilter(thread)
    tr.handler.addFilter(Named())
    main, uv, appmain = lg(ml, "monailabel.main"), lg(ml, "uvicorn.error"), lg(ml, "main")
    utils_app, iapp = lg(ml, "monailabel.interfaces.utils.app"), lg(ml, "monailabel.interfaces.app")
    dicom, local = lg(ml, "monailabel.datastore.dicom"), lg(ml, "monailabel.datastore.local")
    infer_ep, infer = lg(ml, "monailabel.endpoints.infer"), lg(ml, "monailabel.tasks.infer.basic_infer")
    tasks = lg(ml, "monailabel.utils.async_tasks.utils")
    t_app, t_iapp = lg(tr, "monailabel.interfaces.utils.app"), lg(tr, "monailabel.interfaces.app")
    t_train = lg(tr, "monailabel.tasks.train.basic_train")
    t_main, t_dicom = lg(tr, "main"), lg(tr, "monailabel.datastore.dicom")
    trainer = lg(tr, "ignite.engine.engine.SupervisedTrainer")
    evaluator = lg(tr, "ignite.engine.engine.SupervisedEvaluator")
    scp, acse = lg(sc, "storescp"), lg(sc, "pynetdicom.acse")
    handlers, assoc = lg(sc, "pynetdicom._handlers"), lg(sc, "pynetdicom.association")

    def m(log, level, path, line, func, msg, *args, extra=None, exc=None):
        at(log, level, path, line, func, msg, *args, extra=extra, exc=exc)

    def t(log, level, path, line, func, msg):
        """A record of the training subprocess, relayed by "task_train"."""
        with pid(214):
            at(log, level, path, line, func, msg)
        moved(relayed, stream)

    def store(series, n, modality="CT"):
        """One association from the PACS gateway: n instances of a series."""
        acse.info("Accepting Association")
        for i in range(n):
            handlers.info("Received Store Request")
            scp.info("Storing DICOM file: %s.%s.%d" % (modality, series, i + 1))
        assoc.info("Association Released")

    printed(stream, "+ python -m pynetdicom storescp 11112 -v -aet MONAISCP -od /data/incoming")
    printed(stream, "+ monailabel start_server --app " + APP + " --studies " + STUDIES + " --conf models segmentation")
    args = [("version", False), ("app", APP), ("studies", STUDIES), ("verbose", "INFO"),
            ("conf", [["models", "segmentation"]]), ("host", "0.0.0.0"), ("port", 8000),
            ("uvicorn_app", "monailabel.app:app"), ("ssl_keyfile", None), ("ssl_certfile", None),
            ("ssl_keyfile_password", None), ("ssl_ca_certs", None), ("workers", None), ("limit_concurrency", None),
            ("access_log", False), ("root_path", ""), ("log_level", "info"), ("log_config", None), ("dryrun", False),
            ("action", "start_server")]
    for k, v in args:
        m(main, logging.INFO, ML + "main.py", 285, "start_server_validate_args", f"USING:: {k} = {v}")
    m(main, logging.INFO, ML + "main.py", 296, "start_server_validate_args", "")
    m(uv, logging.INFO, UV + "server.py", 84, "_serve", "Started server process [%d]", 7,
      extra={"color_message": "Started server process [" + cyan("%d") + "]"})
    m(uv, logging.INFO, UV + "lifespan/on.py", 48, "startup", "Waiting for application startup.")
    m(utils_app, logging.INFO, ML + "interfaces/utils/app.py", 36, "app_instance",
      f"Initializing App from: {APP}; studies: {STUDIES}; conf: {{'models': 'segmentation'}}")
    m(appmain, logging.INFO, APP + "/main.py", 95, "__init__",
      "+++ Adding Model: segmentation => lib.configs.segmentation.Segmentation")
    m(appmain, logging.INFO, APP + "/main.py", 98, "__init__", "+++ Using Models: ['segmentation']")
    m(iapp, logging.INFO, ML + "interfaces/app.py", 139, "init_datastore", f"Init Datastore for: {STUDIES}")
    m(iapp, logging.INFO, ML + "interfaces/app.py", 160, "_init_dicomweb_datastore", f"Using DICOM WEB: {STUDIES}")
    m(dicom, logging.INFO, ML + "datastore/dicom.py", 62, "__init__",
      f"DICOMWeb Datastore (cache) Path: {CACHE}; FetchByFrame: False")
    m(dicom, logging.INFO, ML + "datastore/dicom.py", 63, "__init__", "DICOMWeb Convert To Nifti: True")
    m(local, logging.INFO, ML + "datastore/local.py", 130, "__init__", "Auto Reload: True; Extensions: ('*.nii.gz', '*.nii')")
    m(local, logging.INFO, ML + "datastore/local.py", 577, "_reconcile_datastore", "Invalidate count: 0")
    m(local, logging.INFO, ML + "datastore/local.py", 151, "__init__",
      "Start observing external modifications on datastore (AUTO RELOAD)")
    m(appmain, logging.INFO, APP + "/main.py", 129, "init_infers",
      "+++ Adding Inferer:: segmentation => <lib.infers.segmentation.Segmentation object at 0x7f3b1c2d5e50>")
    m(appmain, logging.INFO, APP + "/main.py", 206, "init_infers",
      "{'segmentation': <lib.infers.segmentation.Segmentation object at 0x7f3b1c2d5e50>}")
    m(appmain, logging.INFO, APP + "/main.py", 221, "init_trainers",
      "+++ Adding Trainer:: segmentation => <lib.trainers.segmentation.Segmentation object at 0x7f3b1c2d6a10>")
    m(appmain, logging.INFO, APP + "/main.py", 257, "init_strategies",
      "Active Learning Strategies:: ['random', 'first', 'last']")
    m(appmain, logging.INFO, APP + "/main.py", 274, "init_scoring_methods", "Active Learning Scoring Methods:: []")
    m(iapp, logging.INFO, ML + "interfaces/app.py", 480, "on_init_complete", "App Init - completed")
    m(uv, logging.INFO, UV + "lifespan/on.py", 62, "startup", "Application startup complete.")
    m(uv, logging.INFO, UV + "server.py", 216, "_log_started_message",
      "Uvicorn running on %s://%s:%d (Press CTRL+C to quit)", "http", "0.0.0.0", 8000,
      extra={"color_message": "Uvicorn running on " + bold("%s://%s:%d") + " (Press CTRL+C to quit)"})

    # The PACS gateway sends the morning's CT studies; OHIF users ask for
    # an automatic segmentation of each and save their corrected labels.
    acse.info("Accepting Association")
    handlers.info("Received Echo Request (MsgID %s)" % 1)
    assoc.info("Association Released")
    for n, series in enumerate(SERIES):
        store(series, 2 + n % 2)
        if n == 1:
            # pydicom (pynetdicom's dataset library) warns on a bad UID: its
            # "pydicom" logger has a NullHandler, the warning is printed.
            printed(stream, "/usr/local/lib/python3.12/site-packages/pydicom/valuerep.py:441: UserWarning: Invalid "
                            "value for VR UI: '1.2.840.113619.2.55.3.604688119.969.1268071029.320.05'. Please see "
                            "<https://dicom.nema.org/medical/dicom/current/output/html/part05.html#table_6.2-1> for "
                            "allowed values for each VR.")
            printed(stream, "  warn_and_log(msg)")
        if n == 2:
            # The same series again: storescp overwrites its files.
            acse.info("Accepting Association")
            handlers.info("Received Store Request")
            scp.warning("DICOM file already exists, overwriting")
            scp.info("Storing DICOM file: CT.%s.1" % series)
            assoc.info("Association Released")
        image = series + ".1"
        request = {"model": "segmentation", "image": image, "device": "cuda", "result_extension": ".nrrd",
                   "result_dtype": "uint16", "result_compress": False, "restore_label_idx": False}
        m(infer_ep, logging.INFO, ML + "endpoints/infer.py", 169, "run_inference", f"Infer Request: {request}")
        m(dicom, logging.INFO, ML + "datastore/dicom.py", 78, "get_image_uri", f"Image ID: {image}")
        m(dicom, logging.INFO, ML + "datastore/dicom.py", 80, "get_image_uri", f"Image Dir (cache): {CACHE}/{image}")
        m(local, logging.INFO, ML + "datastore/local.py", 439, "add_image",
          f"Adding Image: {image} => {CACHE}/{image}.nii.gz")
        final = dict(request, image=f"{CACHE}/{image}.nii.gz", description="A pre-trained model for volumetric "
                     "(3D) Segmentation from CT image", save_label=True, label_tag="original", logging="INFO")
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 280, "__call__", f"Infer Request (final): {final}")
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 503, "run_inferer",
          "Inferer:: cuda => SlidingWindowInferer => {'roi_size': [96, 96, 96], 'sw_batch_size': 2, 'overlap': 0.4, "
          "'mode': <BlendMode.CONSTANT: 'constant'>, 'sigma_scale': 0.125, 'padding_mode': "
          "<PytorchPadMode.CONSTANT: 'constant'>, 'cval': 0.0, 'sw_device': None, 'device': None, 'progress': False, "
          "'cpu_thresh': None, 'roi_weight_map': None, 'buffer_steps': None, 'buffer_dim': -1, 'with_coord': False}")
        if n == 0:
            m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 432, "_get_network",
              f"Infer model path: {APP}/model/pretrained_segmentation.pt")
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 603, "writer", "Writing Result...")
        total = 2.1 + 0.37 * n
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 335, "__call__",
          "++ Latencies => Total: {:.4f}; Pre: {:.4f}; Inferer: {:.4f}; Invert: {:.4f}; Post: {:.4f}; Write: {:.4f}"
          .format(total, 0.8312 + 0.1 * n, 0.6127, 0.2043, 0.3318, total - 1.9800 - 0.1 * n))
        result = "/tmp/tmp%s.nrrd" % ("k9q3z7a5", "m2x1r7t4", "b8c6v0n3", "w5e9u1y2", "h4j6l8p0", "s3d5f7g9",
                                      "t6r4e2w0", "z1x3c5v7")[n]
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 370, "__call__", f"Result File: {result}")
        m(infer, logging.INFO, ML + "tasks/infer/basic_infer.py", 371, "__call__",
          "Result Json Keys: ['label_names', 'latencies', 'centroids']")
        m(local, logging.INFO, ML + "datastore/local.py", 486, "save_label",
          f"Saving Label for Image: {image}; Tag: original; Info: {{'model': 'segmentation', 'params': "
          f"{{'label_names': {{'spleen': 1, 'kidney_right': 2, 'kidney_left': 3, 'liver': 6}}}}}}")
        m(local, logging.INFO, ML + "datastore/local.py", 494, "save_label",
          f"Adding Label: {image} => original => {result}")
        if n % 2 == 1:
            # A reviewer saves the corrected label: DICOM SEG back to Orthanc.
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 176, "save_label", f"Input - Image Id: {image}")
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 177, "save_label",
              f"Input - Label File: /tmp/tmp{n}q8w.nii.gz")
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 178, "save_label", "Input - Label Tag: final")
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 179, "save_label",
              "Input - Label Info: {'label_info': [{'name': 'spleen'}, {'name': 'liver'}]}")
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 189, "save_label",
              f"Label File: /tmp/tmp{n}q8w.nii.gz")
            if n == 3:
                # Orthanc refuses the upload: the endpoint's error reaches
                # uvicorn, which logs it with the traceback.
                def upload():
                    def post():
                        raised("requests.exceptions", "HTTPError",
                               f"409 Client Error: Conflict for url: {STUDIES}/studies")
                    post()
                try:
                    upload()
                except Exception:
                    m(uv, logging.ERROR, UV + "protocols/http/h11_impl.py", 408, "run_asgi",
                      "Exception in ASGI application\n", exc=True)
                continue
            m(dicom, logging.INFO, ML + "datastore/dicom.py", 209, "save_label", "Save completed!")

    # Training on the final labels, in a subprocess; its records are relayed.
    thread.name = "ThreadPoolExecutor-0_0"
    py_path = "/opt/monailabel:" + APP
    m(tasks, logging.INFO, ML + "utils/async_tasks/utils.py", 49, "_task_func", "Before:: " + py_path)
    m(tasks, logging.INFO, ML + "utils/async_tasks/utils.py", 53, "_task_func", "After:: " + py_path)
    req = ('{"model":"segmentation","name":"train_01","pretrained":true,"device":"cuda","max_epochs":3,'
           '"early_stop_patience":-1,"val_split":0.2,"train_batch_size":1,"val_batch_size":1,"multi_gpu":true,'
           '"gpus":"all","dataset":"SmartCacheDataset","dataloader":"ThreadDataLoader"}')
    m(tasks, logging.INFO, ML + "utils/async_tasks/utils.py", 65, "_task_func",
      f"COMMAND:: /usr/bin/python3 -m monailabel.interfaces.utils.app -m train -r {req}")
    t(t_app, logging.INFO, ML + "interfaces/utils/app.py", 36, "app_instance",
      f"Initializing App from: {APP}; studies: {STUDIES}; conf: {{'models': 'segmentation'}}")
    t(t_main, logging.INFO, APP + "/main.py", 95, "__init__",
      "+++ Adding Model: segmentation => lib.configs.segmentation.Segmentation")
    t(t_main, logging.INFO, APP + "/main.py", 98, "__init__", "+++ Using Models: ['segmentation']")
    t(t_iapp, logging.INFO, ML + "interfaces/app.py", 139, "init_datastore", f"Init Datastore for: {STUDIES}")
    t(t_iapp, logging.INFO, ML + "interfaces/app.py", 160, "_init_dicomweb_datastore", f"Using DICOM WEB: {STUDIES}")
    t(t_dicom, logging.INFO, ML + "datastore/dicom.py", 62, "__init__",
      f"DICOMWeb Datastore (cache) Path: {CACHE}; FetchByFrame: False")
    t(t_dicom, logging.INFO, ML + "datastore/dicom.py", 63, "__init__", "DICOMWeb Convert To Nifti: True")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 436, "__call__", f"Train Request (input): {req}")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 449, "__call__", "CUDA_VISIBLE_DEVICES: None")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 454, "__call__", "Distributed/Multi GPU is limited")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 469, "__call__", "Distributed Training = FALSE")
    final = req[:-1].replace('"multi_gpu":true', '"multi_gpu":false') + ',"run_id":"20240511_144612"}'
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 496, "train", f"0 - Train Request (final): {final}")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 629, "_device", "0 - Using Device: cuda; IDX: None")
    out = f"{APP}/model/segmentation/train_01"
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 522, "train", f"Run/Output Path: {out}")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 538, "train", "Tracking: mlflow ")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 539, "train", f"Tracking URI: file://{out}/mlruns; ")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 540, "train",
      "Tracking Experiment Name: segmentation; Run Name: run_20240511_144612")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 414, "partition_datalist",
      "Total Records for Training: 3")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 415, "partition_datalist",
      "Total Records for Validation: 1")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 268, "train_data_loader", "0 - Records for Training: 3")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 322, "train_handlers",
      "0 - Adding Validation to run every '1' interval")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 332, "val_data_loader", "0 - Records for Validation: 1")
    engine = "/usr/local/lib/python3.10/dist-packages/ignite/engine/engine.py"
    stats = "/usr/local/lib/python3.10/dist-packages/monai/handlers/stats_handler.py"
    # torch's deprecation warning, from the subprocess's stderr: relayed
    # as "task_train" records whose format is the bare message.
    printed(stream, "/usr/local/lib/python3.10/dist-packages/monai/engines/trainer.py:54: FutureWarning: "
                    "`torch.cuda.amp.GradScaler(args...)` is deprecated. Please use "
                    "`torch.amp.GradScaler('cuda', args...)` instead.")
    printed(stream, "  self.scaler = torch.cuda.amp.GradScaler() if self.amp else None")
    t(trainer, logging.INFO, engine, 1016, "run", "Engine run starting with max_epochs=3.")
    losses = [0.8127, 0.7391, 0.6642, 0.5918, 0.5406, 0.4987, 0.4612, 0.4298, 0.4077, 0.3853, 0.3671, 0.3502]
    for epoch in range(1, 4):
        for it in range(1, 4):
            t(trainer, logging.INFO, stats, 291, "_default_iteration_print",
              f"Epoch: {epoch}/3, Iter: {it}/3 -- train_loss: {losses[(epoch - 1) * 3 + it - 1]:.4f} ")
        t(trainer, logging.INFO, engine, 1142, "_internal_run_as_gen",
          f"Epoch[{epoch}] Complete. Time taken: 00:00:{21.4 + 1.7 * epoch:06.3f}")
        t(evaluator, logging.INFO, engine, 1016, "run", "Engine run starting with max_epochs=1.")
        t(evaluator, logging.INFO, engine, 1142, "_internal_run_as_gen",
          f"Epoch[1] Complete. Time taken: 00:00:{3.1 + 0.2 * epoch:06.3f}")
        dice = round(0.4127 + 0.0931 * epoch, 4)
        t(evaluator, logging.INFO, stats, 220, "_default_epoch_print", f"Epoch[{epoch}] Metrics -- val_mean_dice: {dice:.4f} ")
        t(evaluator, logging.INFO, stats, 231, "_default_epoch_print",
          f"Key metric: val_mean_dice best value: {dice} at epoch: {epoch}")
        t(evaluator, logging.INFO, engine, 1169, "_internal_run_as_gen",
          f"Engine run finished. Time taken: 00:00:{3.2 + 0.2 * epoch:06.3f}")
    t(trainer, logging.INFO, engine, 1169, "_internal_run_as_gen", "Engine run finished. Time taken: 00:01:23.297")
    t(t_train, logging.INFO, ML + "tasks/train/basic_train.py", 612, "cleanup", "Running cleanup...")
    m(tasks, logging.INFO, ML + "utils/async_tasks/utils.py", 83, "_task_func", "Return code: 0")

    # A last study arrives; the storage volume is full.
    thread.name = "MainThread"
    acse.info("Accepting Association")
    handlers.info("Received Store Request")
    name = "CT.%s.%d" % (SERIES[0][:-3] + "771", 1)
    scp.info("Storing DICOM file: %s" % name)
    try:
        raised("builtins", "OSError", f"[Errno 28] No space left on device: '/data/incoming/{name}'")
    except Exception as exc:
        scp.error("Could not write file to specified directory:")
        scp.error("    %s" % "/data/incoming")
        scp.exception(exc)
    assoc.info("Association Released")
    m(uv, logging.INFO, UV + "server.py", 264, "shutdown", "Shutting down")
    m(uv, logging.INFO, UV + "lifespan/on.py", 67, "shutdown", "Waiting for application shutdown.")
    m(uv, logging.INFO, UV + "lifespan/on.py", 76, "shutdown", "Application shutdown complete.")
    m(uv, logging.INFO, UV + "server.py", 94, "_serve", "Finished server process [%d]", 7,
      extra={"color_message": "Finished server process [" + cyan("%d") + "]"})
    return {"name": "monailabel-storescp", "programs": [ml, tr, sc], "records": stream, "auto": False}


def exception(module, name, text):
    """An exception of a program's own class, not raised yet (for a
    `raise ... from` chain)."""
    return type(name, (Exception,), {"__module__": module})(text)


# --------------------------------------------------------------------------
# A MOOC platform's catalogue and learning records (one EC2 host, awslogs,
# the night's batch and the catalogue's web container in one stream):
# Richie's site rebuilds its Elasticsearch indices, and Ralph converts the
# LMS's edX tracking logs to xAPI and sends them to the platform's LRS.
# The shell's lines and Django's migrate output (its stdout) are print
# lines; a ralph command that fails ends with the traceback the
# interpreter prints.

RICHIE_SRC = "/usr/local/lib/python3.10/site-packages/richie/"
PERSONS = [("jeanne-dupont", ("en", "fr")), ("kwame-mensah", ("en",)), ("ines-carvalho", ("en", "fr")),
           ("tomasz-nowak", ("fr",)), ("mei-lin", ("en", "fr"))]
INDICES = ["categories", "courses", "licences", "organizations", "persons"]
EVENTS = ["problem_check", "edx.video.played", "page_close", "edx.ui.lms.sequence.next_selected",
          "showanswer", "edx.course.enrollment.activated", "seq_goto", "load_video"]


def stream_richie_ralph():
    stream = []
    ri = Program("richie", "richie", logging.Formatter(RICHIE), stream)
    ra = Program("ralph", "ralph", logging.Formatter(RALPH), stream)
    ri_ids = Set(thread=140245831653184)
    ri.handler.addFilter(ri_ids)
    boot = lg(ri, "richie.search.bootstrap_elasticsearch")
    index = lg(ri, "richie.apps.search.index_manager")
    persons = lg(ri, "richie.apps.search.indexers.persons")
    picture = lg(ri, "richie.plugins.simple_picture.helpers")
    cache = lg(ri, "richie.apps.core.cache")
    cli = lg(ra, "ralph.cli")
    conv = lg(ra, "ralph.models.converter")
    lrs = lg(ra, "ralph.backends.data.lrs")
    s3 = lg(ra, "ralph.backends.data.s3")

    def r(log, level, module, line, func, msg, *args, exc=None):
        at(log, level, RICHIE_SRC + module, line, func, msg, *args, exc=exc)

    # The catalogue's nightly job: migrations, then a fresh set of indices.
    printed(stream, "+ python manage.py migrate --no-input")
    printed(stream, "Operations to perform:")
    printed(stream, "  Apply all migrations: admin, auth, cms, contenttypes, courses, djangocms_file, djangocms_googlemap, "
                    "djangocms_link, djangocms_picture, djangocms_text_ckeditor, djangocms_video, easy_thumbnails, "
                    "filer, menus, sessions, sites, social_django")
    printed(stream, "Running migrations:")
    printed(stream, "  No migrations to apply.")
    printed(stream, "+ python manage.py bootstrap_elasticsearch")
    with pid(31):
        r(boot, logging.INFO, "apps/search/management/commands/bootstrap_elasticsearch.py", 26, "handle",
          "Starting to regenerate ES indices...")
        r(index, logging.INFO, "apps/search/index_manager.py", 74, "regenerate_indices", "Regenerating ES indices...")
        r(index, logging.INFO, "apps/search/index_manager.py", 82, "regenerate_indices", "Creating new ES indices...")
        for name in INDICES:
            r(index, logging.INFO, "apps/search/index_manager.py", 47, "perform_create_index",
              "Creating the index %s...", "richie_" + name)
            stamp = now("%Y-%m-%d-%Hh%Mm%S") + ".%06ds" % round(realworld.CLOCK.t % 1 * 1e6)
            r(index, logging.INFO, "apps/search/index_manager.py", 52, "perform_create_index",
              "Creating a new Elasticsearch index %s...", f"richie_{name}_{stamp}")
            if name != "persons":
                continue
            for slug, languages in PERSONS:
                for language in languages:
                    r(persons, logging.INFO, "apps/search/indexers/persons.py", 84, "get_es_document_for_person",
                      "Indexing %s portrait for language %s", f"/{language}/persons/{slug}/", language)
                    r(picture, logging.INFO, "plugins/simple_picture/helpers.py", 32, "get_picture_info",
                      "Generating picture info for %s with preset %s", f"{slug}.jpg", "portrait")
                    if slug == "tomasz-nowak":
                        r(picture, logging.ERROR, "plugins/simple_picture/helpers.py", 58, "get_picture_info",
                          "Error while generating thumbnail for %s with %s: %s", f"{slug}.jpg",
                          {"size": (1000, 1000), "crop": "smart", "subject_location": ""},
                          "cannot identify image file <_io.BytesIO object at 0x7f6d9b2e4a40>")
        r(boot, logging.INFO, "apps/search/management/commands/bootstrap_elasticsearch.py", 33, "handle",
          "ES indices regenerated.")
        r(boot, logging.INFO, "apps/search/management/commands/bootstrap_elasticsearch.py", 35, "handle",
          "Starting to store ES scripts...")
        r(index, logging.INFO, "apps/search/index_manager.py", 165, "store_es_scripts",
          "Storing script %s for indexer %s...", "score", "CoursesIndexer")
        r(boot, logging.INFO, "apps/search/management/commands/bootstrap_elasticsearch.py", 40, "handle",
          "ES scripts stored.")

    # Ralph: the day's tracking logs, from S3 to the LRS.
    def pipeline(day, n_events, n_unknown, fail_chunk=None):
        printed(stream, f"+ ralph read -b s3 --s3-default-bucket-name mooc-tracking-logs tracking/lms/{day}.log "
                        "| ralph convert --from edx --to xapi -p https://lms.mooc.example.org -I "
                        "| ralph write -b lrs --lrs-base-url http://ralph-lrs:8100 -s 500 -I")
        cli.info("Fetching data from the configured %s backend (chunk size: %s | target: %s | query: %s)",
                 "s3", None, None, f"tracking/lms/{day}.log")
        cli.info("Converting %s events to %s format (ignore_errors=%s | fail-on-unknown=%s)", "edx", "xapi",
                 True, False)
        cli.info("Writing to target %s for the configured %s backend", None, "lrs")
        for i in range(n_unknown):
            if i % 3 == 2:
                conv.error(exception("ralph.exceptions", "MissingConversionSetException",
                                     "No conversion set found for input event"))
            else:
                conv.error(exception("ralph.exceptions", "UnknownEventException",
                                     "No matching pydantic model found for input event"))
            if i == 4:
                conv.error("Input event is not a valid JSON string")
            if fail_chunk is not None and i == fail_chunk:
                lrs.warning("Failed to post statements: %s",
                            exception("httpx", "HTTPStatusError",
                                      "Server error '503 Service Unavailable' for url "
                                      "'http://ralph-lrs:8100/xAPI/statements'\nFor more information check: "
                                      "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503"))
        conv.info("Total events: %d, Invalid events: %d", n_events, n_unknown + (1 if n_unknown > 4 else 0))

    pipeline("2024-05-08", 18423, 9)
    pipeline("2024-05-09", 21307, 11, fail_chunk=6)

    # The catalogue's web container: Redis goes away for a moment.
    with pid(23):
        ri_ids.values["thread"] = 140245807474240
        for attempt in range(2):
            def call():
                def get():
                    raised("redis.exceptions", "ConnectionError",
                           "Error 111 connecting to redis-sentinel:6379. Connection refused.")
                get()
            try:
                call()
            except Exception as e:
                r(cache, logging.WARNING, "apps/core/cache.py", 220, "_call_with_fallback",
                  "[DEGRADED CACHE MODE] - Switch to fallback cache")
                r(cache, logging.ERROR, "apps/core/cache.py", 221, "_call_with_fallback", e, exc=True)

    # The next night: yesterday's object is not there yet.
    printed(stream, "+ ralph read -b s3 --s3-default-bucket-name mooc-tracking-logs tracking/lms/2024-05-10.log "
                    "| ralph convert --from edx --to xapi -p https://lms.mooc.example.org -I "
                    "| ralph write -b lrs --lrs-base-url http://ralph-lrs:8100 -s 500 -I")
    cli.info("Fetching data from the configured %s backend (chunk size: %s | target: %s | query: %s)",
             "s3", None, None, "tracking/lms/2024-05-10.log")
    cli.info("Converting %s events to %s format (ignore_errors=%s | fail-on-unknown=%s)", "edx", "xapi", True, False)
    cli.info("Writing to target %s for the configured %s backend", None, "lrs")
    s3.error("Failed to download %s: %s", "tracking/lms/2024-05-10.log", "The specified key does not exist.")

    def get_object():
        try:
            raised("botocore.errorfactory", "NoSuchKey",
                   "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does "
                   "not exist.")
        except Exception as error:
            raise exception("ralph.exceptions", "BackendException",
                            "Failed to download tracking/lms/2024-05-10.log: The specified key does not exist.") \
                from error
    uncaught(stream, get_object)
    conv.info("Total events: %d, Invalid events: %d", 0, 0)
    lg(ra, "ralph.backends.data.base").info("Data Iterator is empty; skipping write to target")
    return {"name": "richie-ralph", "programs": [ri, ra], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A digital library's worker host (one EC2 instance, awslogs, two
# containers): OCR-D's `ocrd process` runs a Tesseract workflow over a
# digitised volume (its processors are subprocesses logging on the same
# stderr), and an mwmbl crawler, contributed to the mwmbl search engine,
# crawls and indexes in its worker processes. The shell's lines,
# Tesseract's own stderr lines (C++, not logging) and mwmbl's print()
# lines are print lines.

OCRD_SITE = "/usr/local/lib/python3.10/site-packages/"
VOLUME = "/data/ws/PPN1780462916"
PAGES = ["PHYS_%04d" % i for i in range(1, 7)]
TASKS = [("ocrd-tesserocr-deskew", "TesserocrDeskew", "OCR-D-IMG", "OCR-D-DESKEW", {"operation_level": "page"}),
         ("ocrd-tesserocr-segment-region", "TesserocrSegmentRegion", "OCR-D-DESKEW", "OCR-D-SEG", {}),
         ("ocrd-tesserocr-recognize", "TesserocrRecognize", "OCR-D-SEG", "OCR-D-OCR",
          {"model": "deu+eng", "textequiv_level": "word"})]
MW_SITE = "/venv/lib/python3.11/site-packages/mwmbl/"
DOMAINS = ["en.wikipedia.org", "docs.python.org", "github.com", "arxiv.org", "www.bbc.co.uk", "lwn.net",
           "developer.mozilla.org", "news.ycombinator.com", "www.gutenberg.org", "stackoverflow.com"]
PATHS = ["/wiki/Optical_character_recognition", "/3/library/logging.html", "/mwmbl/mwmbl", "/abs/2305.10403",
         "/news/technology", "/Articles/973012/", "/en-US/docs/Web/HTTP/Status/503", "/item?id=40321987",
         "/ebooks/2701", "/questions/1943747/python-logging-before-you-run-logging-basicconfig"]


def stream_ocrd_mwmbl():
    stream = []
    od = Program("ocrd", "ocrd", logging.Formatter(OCRD, OCRD_DATEFMT), stream)
    mw = Program("mwmbl", "mwmbl.crawl", logging.Formatter(MWMBL), stream)
    bulk = lg(od, "ocrd.cli.workspace.bulk-add")
    seq = lg(od, "ocrd.task_sequence.run_tasks")
    base = lg(od, "ocrd.processor.base")
    profile = lg(od, "ocrd.process.profile")
    helpers = lg(od, "ocrd.processor.helpers.run_processor")
    save = lg(od, "ocrd.workspace.save_image_file")
    crawl, retrieve = lg(mw, "mwmbl.crawl"), lg(mw, "mwmbl.crawler.retrieve")
    queue, update = lg(mw, "mwmbl.redis_url_queue"), lg(mw, "mwmbl.indexer.update_urls")
    batches, tiny = lg(mw, "mwmbl.indexer.index_batches"), lg(mw, "mwmbl.tinysearchengine.indexer")

    def batch(worker, k):
        """A crawl worker's batch: URLs from the queue, crawled, recorded."""
        with pid(worker):
            doms = [DOMAINS[(k + j) % len(DOMAINS)] for j in range(4)]
            queue.info(f"Getting batch from domains {doms}")
            urls = [f"https://{doms[0]}/"] + [f"https://{d}{PATHS[DOMAINS.index(d)]}" for d in doms]
            queue.info(f"Returning URLs: {urls}")
            crawl.info(f"Processing batch of {len(urls)} URLs")
            for url in urls:
                retrieve.info(url)
                if "gutenberg" in url and k == 5:
                    def parse():
                        def html_to_dom():
                            raised("lxml.etree", "ParserError", "Document is empty")
                        html_to_dom()
                    try:
                        parse()
                    except Exception:
                        retrieve.exception(f"Error parsing dom: {url}")
                if "bbc" in url and k % 2 == 0:
                    retrieve.info(f"Unable to decode robots file https://{doms[0] if k > 8 else 'www.bbc.co.uk'}"
                                  "/robots.txt")
            update.info(f"Recording URLs in database for 1 batches, blacklist provider ready in "
                        f"{round(0.000412 + 0.000031 * k, 6)} seconds")
            found = 37 + 11 * k
            update.info(f"Found URLs, {found}")
            queue.info(f"Got {found - 9} URLs, {120 + k} curated domains")
            queue.info(f"Queued {found - 9} URLs, number of domains: {4821 + 17 * k}")
            update.info(f"Put {found - 9} new items in the URL queue")
            update.info(f"Recorded URLs in database in 0:00:00.{281734 + 5119 * k:06d}")

    def run_task(i, executable, cls, ifg, ofg, params):
        task = "%s -I %s -O %s" % (executable.replace("ocrd-", "", 1), ifg, ofg)
        if params:
            task += " -p '%s'" % json.dumps(params)
        seq.info("Start processing task '%s'", task)
        proc = lg(od, "ocrd.processor." + cls)
        if cls == "TesserocrRecognize":
            proc.info("Using model '%s' in %s for recognition at the %s level", "deu+eng",
                      "/usr/local/share/tessdata/", "word")
        failed = 0
        for n, page in enumerate(PAGES):
            base.info(f"preparing page {page}")
            base.info("processing page %s", page)
            if n == 3:
                proc.info("Page '%s' images will use DPI estimated from segmentation", page)
                printed(stream, "Warning: Invalid resolution 0 dpi. Using 70 instead.")
                printed(stream, "Estimating resolution as %d" % (287 + 11 * i))
            else:
                proc.info("Page '%s' images will use %d DPI from image meta-data", page, 400)
            if cls == "TesserocrDeskew":
                proc.info("Deskewing on '%s' level in page '%s'", "page", page)
                proc.info('orientation/deskewing for %s: %s / %s / %s / %.3f°', f"page '{page}'", "PAGE_UP",
                          "LEFT_TO_RIGHT", "TOP_TO_BOTTOM", (-0.412, 0.233, 1.187, -0.064, 0.0, 0.519)[n])
                save.info('created file ID: %s, file_grp: %s, path: %s', f"{ofg}_{page}.IMG-DESKEW", ofg,
                          f"{ofg}/{ofg}_{page}.IMG-DESKEW.png")
            elif cls == "TesserocrSegmentRegion":
                proc.info("Processing page '%s'", page)
                for region in range(1, 3 + n % 3):
                    proc.info("Detected region '%s' (%s)", "region%04d" % region,
                              "HEADING_TEXT" if region == 1 and n == 0 else "FLOWING_TEXT")
            else:
                proc.info("Processing page '%s'", page)
                if n == 4:
                    # A page whose segmentation Tesseract cannot recognize:
                    # OCRD_MISSING_OUTPUT is SKIP, the page is left out.
                    def process():
                        def recognize():
                            raised("builtins", "RuntimeError", "Failed to recognize text")
                        recognize()
                    try:
                        process()
                    except Exception as err:
                        base.exception(f"Failure on page {page}: {str(err) or err.__class__.__name__}")
                        failed += 1
        if failed:
            base.warning("%s %d of %d pages due to %s", "skipped", failed, len(PAGES), str({"RuntimeError": failed}))
        profile.info("Executing processor '%s' took %fs (wall) %fs (CPU)( "
                     "[--input-file-grp='%s' --output-file-grp='%s' --parameter='%s' --page-id='%s']",
                     executable, 41.372811 + 37.2 * i, 39.918402 + 36.1 * i, ifg, ofg, json.dumps(params), "")
        seq.info("Finished processing task '%s'", task)

    printed(stream, "Data path /root/.mwmbl")
    printed(stream, "Mwmbl crawling statistics: https://mwmbl.org/stats")
    printed(stream, f"+ ocrd workspace -d {VOLUME} bulk-add -r '(?P<pageid>.*)\\.tif' -G OCR-D-IMG "
                    "-m image/tiff -g 'PHYS_{{ pageid }}' -i 'OCR-D-IMG_{{ pageid }}' /data/scans/PPN1780462916/*.tif")
    for n in range(len(PAGES)):
        bulk.info("[%4d/%d] %s" % (n + 1, len(PAGES), "/data/scans/PPN1780462916/%04d.tif" % (n + 1)))
    printed(stream, f"+ ocrd process -m {VOLUME}/mets.xml " + " ".join(
        "'%s -I %s -O %s%s'" % (e.replace("ocrd-", "", 1), i, o, "".join(f" -P {k} {v}" for k, v in p.items()))
        for e, _, i, o, p in TASKS))
    with pid(8):
        queue.info(f"Getting batch from domains {DOMAINS[:3]}")
    k = 0
    for i, task in enumerate(TASKS):
        run_task(i, *task)
        for _ in range(2):
            batch(8 + k % 2, k)
            k += 1
        with pid(10):
            if i == 0:
                crawl.info("No more batches to index. Sleeping for 10 seconds.")
                continue
            crawl.info("Got 2 batches to index")
            batches.info(f"Indexing took 0:00:0{i}.{412877 + 9173 * i:06d}")
            top = [("python", 14 - i), ("logging", 9), ("ocr", 7 + i), ("wikipedia", 6), ("arxiv", 5)]
            crawl.info(f"Indexed, top terms to sync: {top}")
            tiny.info("Loaded index with 100000 pages and 4096 page size")
            for term, count in top[:2]:
                crawl.info(f"Syncing term {term} with {count} new local items")
                crawl.info(f"Found {count - 3} new items for term {term}")
                crawl.info(f"Max local score: {0.41 + 0.07 * i}, min remote score: {0.3862 + 0.05 * i}")
                crawl.info(f'Indexed items: {count - 5}/{count - 3} for term "{term}"')
                batches.info(f"Storing {count + 21} documents for page {48211 + 997 * len(term)}, originally {21}")
                crawl.info(f"Completed indexing for term {term}")
                crawl.info("Page content: [Document(title='logging — Logging facility for Python', "
                           "url='https://docs.python.org/3/library/logging.html', extract='Source code: "
                           "Lib/logging/__init__.py This module defines functions and classes which implement a "
                           "flexible event logging system for applications and libraries.…', score=0.0232, "
                           f"term='{term}', state=None, user_ids=None, last_crawled=None)]")

    # The indexing process is killed (out of memory) and respawned; a
    # worker loses Redis for a moment.
    crawl.warning("Indexing process [pid=10] died with exit code -9, respawning. Crash count in last hour: 1")
    with pid(9):
        try:
            raised("redis.exceptions", "ConnectionError", "Error 111 connecting to redis:6379. Connection refused.")
        except Exception as err:
            crawl.exception(f"Error processing batch: '{err}'")
    with pid(44):
        crawl.info("No more batches to index. Sleeping for 10 seconds.")
    return {"name": "ocrd-mwmbl", "programs": [od, mw], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_monailabel_storescp(), stream_richie_ralph(), stream_ocrd_mwmbl()])


if __name__ == "__main__":
    main()
