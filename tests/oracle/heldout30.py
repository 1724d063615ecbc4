"""The thirtieth held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout29.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS
outside the areas the earlier sets covered (a 3D-printing farm where
PrusaLink drives a Prusa MK3 over serial beside moonraker-obico watching a
Klipper printer; a beamline's experiment-control host where the Bluesky
Queue Server's RE Manager runs plans while a QCoDeS measurement script
talks to its instruments; a weather and air-quality station where WeeWX
reads a Davis Vantage console and enviroplus-exporter reads a Pimoroni
Enviro+ board), each format copied from the file named beside it (the
version read is given), with the formatter class the program uses, and
messages modelled on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout30

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 6758332 (all of session 21's rules in, none
written from this set), with nothing configured: 44.9% exact, 59.2% key
fields (asctime 100.0%, levelname 100.0%, name 70.8%, message 88.4%).

Formatters and filters: all six programs use logging.Formatter itself (no
record factory; the thread names PrusaLink prints are its own threads'
names, "serial_read_thread", "command_queue", "httpd", pinned through a
filter setting `threadName`, a standard attribute, as in `heldout17.py`).
PrusaLink's foreground format puts "{module.funcName():lineno}" in braces
and the thread in brackets, and ends with a space after the message (so a
traceback follows "message \\n"). moonraker-obico pads the level to eight
on the right, between two double spaces. The Queue Server cuts the level
to one letter inside the bracket with Python's default time and the
logger's name ("[I 2024-05-11 14:44:44,123 bluesky_queueserver.manager.
manager] "); its DEBUG format (with "%(module)s:%(lineno)d") is not used:
the manager runs at INFO. QCoDeS joins seven fields with " ¦ " (a broken
bar); its InstrumentLoggerAdapter puts "[name(Class)] " before the
instrument's messages. WeeWX prints the process label and pid
("weewxd[7]: ") before the level and the logger's name, with
"%Y-%m-%d %H:%M:%S"; its log_traceback() logs each line of a traceback as
a CRITICAL record of its own, prefixed "    ****  ", each message ending
with the traceback line's line break. enviroplus-exporter's basicConfig
glues milliseconds to a "%Y-%m-%d %H:%M:%S" date and pads the level to
eight; its startup banner is one INFO message of five lines.

Print lines: systemd's unit lines, ffmpeg's banner (moonraker-obico's
webcam streamer) and QCoDeS' own print()s ("Qcodes Logfile : ...",
"Connected to: ...", "Starting experimental run with id: ..."). QCoDeS'
start_logger captures warnings into logging, so its UserWarning is a
"py.warnings" record (the warning's two lines and a final line break as
its message), not a print line. 483 records in three streams.

Left out: QCFractal's compute manager ("[%(asctime)s] %(levelname)8s:
%(name)s: %(message)s" with "%Y-%m-%d %H:%M:%S %Z", MolSSI/QCFractal
v0.65-89, ccb126b1, qcfractalcompute/qcfractalcompute/
compute_manager_cli.py: read, kept for a later set for want of time), and
KlipperScreen, OctoEverywhere and the CUPS helpers (not read in the time
given; none was guessed). PrusaLink and the Bluesky Queue Server were
named in `heldout27.py`'s "Left out" as kept for a later set; they are
that set here, their formats read again at the same commits. OctoPrint
(in `heldout4.py`), Moonraker, Spoolman, radiosonde_auto_rx and the SatNOGS
client (earlier sets) are not repeated. The messages are taken from the
programs' source (the file and function named beside each); their
arguments (printer names, plans, sensor readings, instrument addresses)
and the exceptions' texts are modelled, and the tracebacks' frames are
this file's. PrusaLink's and QCoDeS' line numbers are the source's at the
commits read; the other four programs print none.
"""

import logging
import os
import pprint
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout17 import ThreadName  # noqa: E402

# PrusaLink 0.8.1 (prusa3d/Prusa-Link 0.8.1-5, 58d09dad), prusa/link/
# config.py LOG_FORMAT_FOREGROUND (Config.get_log_handler: a StreamHandler
# on the root logger with logging.Formatter(log_format) when run with -f;
# the daemon's SysLogHandler takes LOG_FORMAT_SYSLOG instead). Run as
# "prusalink -f -d" (its --foreground and --debug options, __main__.py).
PRUSALINK = ("%(asctime)s %(levelname)s {%(module)s.%(funcName)s():%(lineno)d} "
             "[%(threadName)s]: %(message)s ")
# moonraker-obico v2.1.4 (TheSpaghettiDetective/moonraker-obico, df0005c2),
# moonraker_obico/logger.py setup_logging (the root logger's StreamHandler
# on sys.stdout; the log file's handler takes the same formatter).
OBICO = "%(asctime)s  %(levelname)8s  %(name)s - %(message)s"
# Bluesky Queue Server (bluesky/bluesky-queueserver v0.0.24-45, 6119b214),
# bluesky_queueserver/manager/logging_setup.py setup_loggers (the
# "bluesky_queueserver" logger's StreamHandler on sys.stdout; the format
# for any level above DEBUG).
BLUESKY = "[%(levelname)1.1s %(asctime)s %(name)s] %(message)s"
# QCoDeS (microsoft/Qcodes v0.58.0-733, 19fae2b0), src/qcodes/logger/
# logger.py get_formatter(): FORMAT_STRING_DICT's fields joined by
# LOGGING_SEPARATOR " ¦ " (start_logger's console and file handlers on the
# root logger; the console at qcodesrc.json's logger.console_level, set to
# "INFO" on this host: its default is "WARNING").
QCODES = ("%(asctime)s ¦ %(name)s ¦ %(levelname)s ¦ %(module)s ¦ %(funcName)s ¦ %(lineno)d ¦ "
          "%(message)s")
# WeeWX 5.4 (weewx/weewx v5.4.0-6, 64f65470), src/weeutil/logger.py
# LOGGING_STR's "verbose" formatter (used by its "console" handler, which
# weewx.conf's [Logging] [[root]] handlers names on this host: the default
# is the syslog handler, whose "standard" format has no time), with
# {process_name} filled by weewxd's --log-label default "weewxd".
WEEWX = "%(asctime)s weewxd[%(process)d]: %(levelname)s %(name)s: %(message)s"
WEEWX_DATEFMT = "%Y-%m-%d %H:%M:%S"
# enviroplus-exporter (tijmenvandenbrink/enviroplus_exporter
# enviroplus-exporter-0.1.3-4, 316ffc29), enviroplus_exporter.py
# logging.basicConfig (a FileHandler and a StreamHandler on the root).
ENVIRO = "%(asctime)s.%(msecs)03d %(levelname)-8s %(message)s"
ENVIRO_DATEFMT = "%Y-%m-%d %H:%M:%S"

PRUSA_SRC = "/home/pi/.local/lib/python3.11/site-packages/prusa/link/"
QCODES_SRC = "/opt/conda/lib/python3.11/site-packages/qcodes/"
PY_LOGGING = "/opt/conda/lib/python3.11/logging/__init__.py"


def systemd(stream, unit, text, host="farm-pi-03", pid_=1):
    printed(stream, "%s %s systemd[%d]: %s" % (now("%b %d %H:%M:%S"), host, pid_, text))


# --------------------------------------------------------------------------
# A makerspace print farm (the farm's Raspberry Pis ship their journals to
# CloudWatch Logs): PrusaLink drives an MK3S+ over its Einsy serial port
# and moonraker-obico links a Klipper printer to Obico for failure
# detection. systemd's lines and ffmpeg's output are print lines.

GCODES = ["benchy_0.2mm_PLA_MK3S_1h2m.gcode", "bracket_v3_0.15mm_PETG_MK3S_3h41m.gcode",
          "cable_clip_x12_0.2mm_PLA_MK3S_48m.gcode", "enclosure_hinge_0.2mm_PETG_MK3S_2h05m.gcode",
          "spool_holder_0.3mm_PLA_MK3S_2h37m.gcode", "fan_duct_0.15mm_ASA_MK3S_1h19m.gcode"]


def stream_prusalink_obico():
    stream = []
    prusa = Program("prusalink", "prusa.link", logging.Formatter(PRUSALINK), stream)
    ob = Program("moonraker-obico", "obico.app", logging.Formatter(OBICO), stream)
    thread = ThreadName()
    prusa.handler.addFilter(thread)
    pl = lg(prusa, "prusa.link.printer_adapter.prusa_link")

    def p(level, module, line, func, thread_name, msg, *args, exc=None):
        thread.name = thread_name
        at(pl, level, PRUSA_SRC + module + ".py", line, func, msg, *args, exc=exc)

    app = lg(ob, "obico.app")
    mconn = lg(ob, "obico.moonraker_conn")
    sconn = lg(ob, "obico.server_conn")
    webcam = lg(ob, "obico.webcam_stream")

    systemd(stream, "prusalink", "Started prusalink.service - PrusaLink printer adapter.")
    p(logging.INFO, "__main__", 229, "main", "MainThread", "Starting service on foreground.")
    p(logging.INFO, "printer_adapter/prusa_link", 136, "__init__", "MainThread", "Starting adapter for port %s",
      "/dev/ttyAMA0")
    p(logging.DEBUG, "printer_adapter/filesystem/storage", 61, "__init__", "MainThread", "Configured mounpoints: %s",
      "('/home/pi/PrusaLink gcodes',)")
    p(logging.INFO, "printer_adapter/filesystem/storage", 76, "update", "MainThread", "Newly attached %s",
      "/home/pi/PrusaLink gcodes")
    p(logging.INFO, "web/__init__", 40, "init_web_app", "MainThread", "Authentication was set")
    p(logging.INFO, "web/__init__", 46, "init_web_app", "MainThread", "Api-Key was set.")
    p(logging.INFO, "web/__init__", 81, "run", "httpd", "Starting server for http://%s:%d", "0.0.0.0", 8080)
    p(logging.DEBUG, "serial/serial_adapter", 185, "_detect", "port_detector", "Port: '%s' description: '%s'",
      "/dev/ttyAMA0", "ttyAMA0")
    p(logging.DEBUG, "serial/serial_adapter", 135, "_get_info", "port_detector",
      "Printer detection for '%s' returned: %s", "/dev/ttyAMA0", "start")
    p(logging.INFO, "serial/serial_adapter", 240, "_reopen", "serial_read_thread", "Using the serial port %s",
      "/dev/ttyAMA0")
    p(logging.DEBUG, "printer_adapter/ip_updater", 137, "update_ip", "polling",
      "Our IP has changed, or we reconnected. The new one is %s", "10.42.7.23")
    p(logging.DEBUG, "printer_adapter/printer_polling", 505, "_get_network_info", "polling", "LAN - mac: %s",
      "dc:a6:32:4e:91:0c")
    p(logging.DEBUG, "printer_adapter/prusa_link", 386, "__init__", "MainThread", "Initialization done")

    systemd(stream, "moonraker-obico", "Started moonraker-obico.service - Obico for Moonraker.", host="farm-pi-07")
    config_dict = {"server": {"url": "https://app.obico.io", "auth_token": "4f1c2b9e8d7a6f5e4d3c"},
                   "moonraker": {"host": "127.0.0.1", "port": "7125"},
                   "webcam": {"disable_video_streaming": "False"},
                   "logging": {"path": "/home/pi/printer_data/logs/moonraker-obico.log", "level": "INFO"}}
    app.info(f"moonraker-obico config:\n{config_dict}")
    app.info("Linked printer: {}".format({"id": 48211, "name": "Voron 2.4 #2", "is_pro": False}))
    mconn.info("connection is open")
    mconn.info("Klippy ready")
    printed(stream, "ffmpeg version 5.1.6-0+deb12u1+rpt1 Copyright (c) 2000-2024 the FFmpeg developers")
    printed(stream, "  built with gcc 12 (Debian 12.2.0-14)")
    webcam.warning("Resolution not specified or invalid in webcam config. Getting the values from the source.")
    webcam.warning("FPS not specified or invalid in webcam config. Getting the values from the source.")

    def resolution():
        def urlopen():
            raised("urllib.error", "URLError", "<urlopen error [Errno 111] Connection refused>")
        urlopen()
    try:
        resolution()
    except Exception:
        webcam.exception("Failed to connect to webcam to retrieve resolution. Using default.")

    for n, gcode in enumerate(GCODES):
        job = 311 + n
        p(logging.DEBUG, "printer_adapter/job", 107, "job_started", "command_runner", "New job started, id = %s", job)
        p(logging.DEBUG, "printer_adapter/state_manager", 360, "state_may_have_changed", "command_runner",
          "Changing state from %s to %s", "IDLE", "PRINTING")
        p(logging.INFO, "printer_adapter/print_stats", 49, "track_new_print", "file_print",
          "New file analyzed. It %s inbuilt percent and time reporting.", "has")
        for gc in ("M73 P0 R62", "G28 W", "G80", "M109 S215"):
            p(logging.DEBUG, "printer_adapter/file_printer", 277, "print_gcode", "file_print",
              "USB enqueuing gcode: %s", gc)
        for k in range(4):
            p(logging.DEBUG, "serial/serial_adapter", 357, "write", "sq_sender", "Send: %s",
              "b'N%d M105*%d\\n'" % (4410 + 10 * n + k, 37 + n + k))
            p(logging.DEBUG, "serial/serial_adapter", 327, "_read_continually", "serial_read_thread", "Recv: %s",
              "ok T:%.1f /215.0 B:%.1f /60.0 T0:%.1f /215.0 @:71 B@:34 P:35.2 A:41.9"
              % (214.6 + k / 10, 59.8 + k / 10, 214.6 + k / 10))
        p(logging.DEBUG, "printer_adapter/print_stats", 98, "get_stats", "polling", "Print stats: %s%% done,  %s",
          25 * (n % 4), 62 - 15 * (n % 4))
        if n == 1:
            p(logging.INFO, "serial/serial_queue", 383, "_resend_handler", "serial_read_thread",
              "Resend of %s requested. Current is %s", 4411, 4412)
            p(logging.WARNING, "printer_adapter/prusa_link", 1103, "log_tm_error", "polling",
              "The hot-end temperature differs from the expected one. |%s|>%s", 5.2, 5)
        if n == 2:
            p(logging.INFO, "serial/serial_queue", 641, "check_status", "sq_stall_recovery",
              "Timed out waiting for confirmation of %s after %ssec.", "Instruction('M105')", 25)
            p(logging.WARNING, "serial/serial_queue", 646, "check_status", "sq_stall_recovery",
              "Closing the serial, because it's stuck")

            def read():
                def readline():
                    raised("serial.serialutil", "SerialException",
                           "device reports readiness to read but returned no data (device disconnected or multiple "
                           "access on port?)")
                readline()
            try:
                read()
            except Exception:
                p(logging.ERROR, "serial/serial_adapter", 312, "_read_continually", "serial_read_thread",
                  "Failed when reading from the printer. Trying to re-open", exc=True)
            p(logging.INFO, "serial/serial_adapter", 240, "_reopen", "serial_read_thread", "Using the serial port %s",
              "/dev/ttyAMA0")
        # moonraker-obico follows the Klipper printer's job.
        app.info("detected state change: {} -> {}".format("ready", "printing"))
        app.info(f"print event: PrintStarted ({1715438684 + n * 3700})")
        if n == 3:
            sconn.warning("Failed to capture jpeg - " + "HTTPConnectionPool(host='127.0.0.1', port=80): Read timed "
                          "out. (read timeout=5)")
            mconn.warning("Moonraker message queue is full, msg dropped")
        app.info("detected state change: {} -> {}".format("printing", "complete"))
        app.info(f"print event: PrintDone ({1715438684 + n * 3700 + 3650})")
        p(logging.INFO, "printer_adapter/job", 118, "job_ended", "command_runner", "Job ended")
        p(logging.DEBUG, "printer_adapter/state_manager", 360, "state_may_have_changed", "command_runner",
          "Changing state from %s to %s", "PRINTING", "FINISHED")
        p(logging.DEBUG, "printer_adapter/state_manager", 386, "state_may_have_changed", "command_runner",
          "Reason for %s: %s", "FINISHED", "Print finished")
    p(logging.WARNING, "printer_adapter/filesystem/sd_card", 55, "alternative_filename", "polling",
      "Filename %s too long, using an alternative: %s", "enclosure_hinge_0.2mm_PETG_MK3S_2h05m.gcode",
      "ENCLOS~1.GCO")
    app.warning('unexpected state "{}", please report.'.format("standby"))
    systemd(stream, "prusalink", "Stopping prusalink.service - PrusaLink printer adapter...")
    p(logging.INFO, "daemon", 84, "sigterm", "MainThread", "SIGTERM received, shutting down PrusaLink")
    p(logging.DEBUG, "printer_adapter/prusa_link", 439, "stop", "MainThread", "Stop start%s", "")
    p(logging.INFO, "web/__init__", 111, "stop", "MainThread", "Server stopped")
    p(logging.INFO, "printer_adapter/prusa_link", 499, "stop", "MainThread", "Stop completed%s", "")
    p(logging.WARNING, "daemon", 89, "sigterm", "MainThread", "Shutdown complete")
    systemd(stream, "prusalink", "prusalink.service: Deactivated successfully.")
    return {"name": "prusalink-obico", "programs": [prusa, ob], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A beamline's experiment-control host on EC2 (a simulated beamline for
# commissioning: its journal goes to CloudWatch Logs): the Queue Server's
# RE Manager (start-re-manager) runs the queued plans; a QCoDeS script
# characterises a sample stage's lock-in and source meter through PyVISA's
# simulated backend. QCoDeS' print()s and Python's warnings are print lines.

PLANS = [("count", {"detectors": ["det1", "det2"], "num": 10, "delay": 1}),
         ("scan", {"detectors": ["det1"], "motor": "motor1", "start": -1, "stop": 1, "num": 21}),
         ("rel_scan", {"detectors": ["det2"], "motor": "motor2", "start": -0.5, "stop": 0.5, "num": 11}),
         ("grid_scan", {"detectors": ["det1"], "args": ["motor1", -1, 1, 5, "motor2", -1, 1, 5]}),
         ("count", {"detectors": ["det1"], "num": 5}),
         ("list_scan", {"detectors": ["det1", "det2"], "motor": "motor1", "points": [0, 0.25, 0.5, 1.0]}),
         ("adaptive_scan", {"detectors": ["det1"], "target_field": "det1", "motor": "motor1", "start": 0,
                            "stop": 2, "min_step": 0.01, "max_step": 0.2, "target_delta": 0.05, "backstep": True}),
         ("count", {"detectors": ["det2"], "num": 3, "delay": 0.5})]


def stream_bluesky_qcodes():
    stream = []
    bs = Program("bluesky-queueserver", "bluesky_queueserver", logging.Formatter(BLUESKY), stream)
    qc = Program("qcodes", "qcodes", logging.Formatter(QCODES), stream)
    start = lg(bs, "bluesky_queueserver.manager.start_manager")
    mgr = lg(bs, "bluesky_queueserver.manager.manager")
    wrk = lg(bs, "bluesky_queueserver.manager.worker")
    qlog = lg(qc, "qcodes.logger.logger")
    inst = lg(qc, "qcodes.instrument.instrument_base")
    visa = lg(qc, "qcodes.instrument.instrument_base.com.visa")
    meas = lg(qc, "qcodes.dataset.measurements")
    warn = lg(qc, "py.warnings")

    def q(log, level, path, line, func, msg, *args, exc=None):
        at(log, level, QCODES_SRC + path, line, func, msg, *args, exc=exc)

    systemd(stream, "queueserver", "Started queueserver.service - Bluesky Queue Server (RE Manager).",
            host="bl-ctrl-01")
    mgr.info("Starting ZMQ server at '%s'", "tcp://*:60615")
    mgr.info("ZMQ control channels: encryption %s", "disabled")
    mgr.info("Opening the new RE environment ...")
    mgr.info("Waiting for RE worker to start ...")
    with pid(2311):
        wrk.info("Instantiating and configuring Run Engine ...")
        wrk.info("Startup code was successfully loaded.")
        wrk.info("RE Environment is ready")
    mgr.info("Worker started successfully.")
    mgr.info("Downloading the lists of existing plans and devices from the worker environment")
    mgr.info("Returning the list of allowed plans ...")
    mgr.info("Returning the list of allowed devices ...")

    # QCoDeS' script starts its logger (qcodes.logger.start_all_logging).
    printed(stream, "Qcodes Logfile : /home/beamline/.qcodes/logs/240511-2417-qcodes.log")
    q(qlog, logging.INFO, "logger/logger.py", 242, "start_logger", "QCoDes logger setup completed")
    q(qlog, logging.INFO, "logger/logger.py", 288, "log_qcodes_versions", "QCoDeS version: 0.47.0")
    q(qlog, logging.INFO, "logger/logger.py", 289, "log_qcodes_versions", "QCoDeS installed in editable mode: False")
    q(qlog, logging.INFO, "logger/logger.py", 290, "log_qcodes_versions",
      'All installed package versions: {"numpy": "1.26.4", "pyvisa": "1.14.1", "pyvisa-sim": "0.6.0", '
      '"xarray": "2024.3.0", "h5netcdf": "1.3.0", "opentelemetry-api": "1.24.0"}')
    for name, cls, addr in (("lockin", "SR830", "GPIB::8::INSTR"), ("smu", "Keithley2450", "GPIB::18::INSTR")):
        q(visa, logging.INFO, "instrument/visa.py", 293, "_open_resource",
          f"[{name}({cls})] Opening PyVISA resource at address: {addr}")
        printed(stream, f"Connected to: QCoDeS {cls} (serial:1000, firmware:0.1) in 0.0{3 + len(name) % 5}s")
        q(inst, logging.INFO, "instrument/instrument.py", 145, "connect_message",
          f"[{name}({cls})] Connected to instrument: {{'vendor': 'QCoDeS', 'model': '{cls}', 'serial': '1000', "
          f"'firmware': '0.1'}}")
    try:
        def connect():
            def open_resource():
                raised("pyvisa.errors", "VisaIOError", "VI_ERROR_RSRC_NFOUND (-1073807343): Insufficient location "
                       "information or the requested device or resource is not present in the system.")
            open_resource()
        connect()
    except Exception:
        q(visa, logging.ERROR, "instrument/visa.py", 272, "_connect_and_handle_error",
          "[dmm(Keysight34465A)] Could not connect at GPIB::22::INSTR", exc=True)
    # start_logger captures warnings into logging (py.warnings, through
    # logging._showwarning, Python 3.11's line).
    at(warn, logging.WARNING, PY_LOGGING, 2257, "_showwarning",
       QCODES_SRC + "instrument/instrument_base.py:648: UserWarning: Changed stage-x to stage_x for instrument "
       "identifier\n  warnings.warn(f\"Changed {name} to {new_name} for instrument identifier\")\n")

    for n, (plan, kwargs) in enumerate(PLANS):
        uid = "%08x-%04x-4%03x-8%03x-%012x" % (0x1f2e3d4c + n, 0x5b6a + n, n, 0x21 + n, 0x9e8d7c6b5a49 + n)
        mgr.info("Adding new item to the queue ...")
        mgr.info("Item added: success=True item_type='plan' name='%s' item_uid='%s' qsize=%d." % (plan, uid, n + 1))
    mgr.info("Returning current queue and running plan ...")
    for n, (plan, kwargs) in enumerate(PLANS):
        uid = "%08x-%04x-4%03x-8%03x-%012x" % (0x1f2e3d4c + n, 0x5b6a + n, n, 0x21 + n, 0x9e8d7c6b5a49 + n)
        mgr.info("Processing the next queue item: %d plans are left in the queue.", len(PLANS) - n)
        info = {"name": plan, "kwargs": kwargs, "item_type": "plan", "user": "qserver-cli",
                "user_group": "primary", "item_uid": uid}
        mgr.info("Starting the plan:\n%s.", pprint.pformat(info, sort_dicts=False))
        with pid(2311):
            wrk.info("Starting a plan '%s'.", plan)
            if n == 3:
                wrk.error("The plan failed: %s", "Motor motor2 reached the low limit switch")
            else:
                wrk.info("The plan was exited. Plan state: %s", "completed")
        # Between plans, the QCoDeS script measures the stage's response.
        run_id = 41 + n
        guid = "aaaaaaaa-0000-0000-0000-0%03d%08x" % (n, 0x18f6d7a0 + n)
        q(meas, logging.INFO, "dataset/measurements.py", 1008, "register_parameter",
          "Registered smu_volt in the Measurement.")
        q(meas, logging.INFO, "dataset/measurements.py", 1008, "register_parameter",
          "Registered lockin_X in the Measurement.")
        printed(stream, f"Starting experimental run with id: {run_id}. ")
        q(meas, logging.INFO, "dataset/measurements.py", 716, "__enter__",
          f'Starting measurement with guid: {guid}, sample_name: "stage-B7", exp_name: "commissioning", '
          f'ds_name: "iv_sweep_{n}". ')
        q(meas, logging.INFO, "dataset/measurements.py", 723, "__enter__", "Using background writing: False")
        if n == 2:
            q(inst, logging.WARNING, "instrument/instrument_base.py", 469, "snapshot_base",
              "[lockin(SR830)] Snapshot: Could not update parameter: %s", "sensitivity")
            def get_sensitivity():
                def ask():
                    raised("pyvisa.errors", "VisaIOError", "VI_ERROR_TMO (-1073807339): Timeout expired before "
                           "operation completed.")
                ask()
            try:
                get_sensitivity()
            except Exception:
                q(inst, logging.INFO, "instrument/instrument_base.py", 470, "snapshot_base",
                  "[lockin(SR830)] Details for Snapshot:", exc=True)
        q(meas, logging.INFO, "dataset/measurements.py", 800, "__exit__", f"Finished measurement with guid: {guid}. ")
    mgr.info("No items are left in the queue.")
    mgr.info("Returning plan history ...")
    with pid(2311):
        def task():
            def run_in_main():
                raised("bluesky_queueserver.manager.profile_ops", "ScriptLoadingError",
                       "Failed to execute stand-alone script: name 'det3' is not defined")
            run_in_main()
        try:
            task()
        except Exception as ex:
            wrk.exception("Failed to execute task in main thread: %s", ex)
    mgr.info("Closing existing RE environment ...")
    with pid(2311):
        wrk.info("Closing RE Worker environment ...")
        wrk.info("Environment is waiting to be closed ...")
    mgr.info("Waiting for exit confirmation from RE worker ...")
    mgr.info("Wait for RE Worker process to close (join)")
    q(visa, logging.INFO, "instrument/visa.py", 42, "_close_visa_handle",
      "Closing VISA handle to %s as there are no non weak references to the instrument.", "lockin")
    return {"name": "bluesky-qcodes", "programs": [bs, qc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A school's weather and air-quality station (a Raspberry Pi whose journal
# the CloudWatch agent ships): WeeWX reads a Davis Vantage Pro2 over its
# data logger and uploads to Weather Underground and CWOP, and
# enviroplus-exporter serves the Enviro+ board's gas, light and particulate
# readings to Prometheus and posts them to Luftdaten (sensor.community).

def stream_weewx_enviroplus():
    # enviroplus-exporter runs as "enviroplus_exporter.py --factor 2.25
    # --luftdaten true --debug true" (its -f, -l and -d options): with
    # --debug its loop logs every reading ("Sensor data: {...}").
    stream = []
    wx = Program("weewx", "weewxd", logging.Formatter(WEEWX, WEEWX_DATEFMT), stream)
    env = Program("enviroplus-exporter", "root", logging.Formatter(ENVIRO, ENVIRO_DATEFMT), stream)
    wd = lg(wx, "weewxd")
    engine = lg(wx, "weewx.engine")
    manager = lg(wx, "weewx.manager")
    restx = lg(wx, "weewx.restx")
    vantage = lg(wx, "weewx.drivers.vantage")
    cheetah = lg(wx, "weewx.cheetahgenerator")
    images = lg(wx, "weewx.imagegenerator")
    rsync = lg(wx, "weeutil.rsyncupload")
    root = lg(env, "root")

    systemd(stream, "weewx", "Started weewx.service - WeeWX.", host="wx-station")
    wd.info("Initializing %s version %s", "weewxd", "5.1.0")
    wd.info("Command line: %s", "/home/weewx/weewx-venv/bin/weewxd /home/weewx/weewx-data/weewx.conf")
    wd.info("Using Python: %s", "3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]")
    wd.info("Located at:   %s", "/home/weewx/weewx-venv/bin/python3")
    wd.info("Platform:     %s", "Linux-6.6.31+rpt-rpi-v8-aarch64-with-glibc2.36")
    wd.info("Locale:       '%s'", "en_GB.UTF-8")
    wd.info("Config file:  %s", "/home/weewx/weewx-data/weewx.conf")
    engine.info("Loading station type %s (%s)", "Vantage", "weewx.drivers.vantage")
    engine.info("StdConvert target unit is 0x%x", 1)
    engine.info("Archive will use data binding %s", "wx_binding")
    engine.info("Record generation will be attempted in '%s'", "hardware")
    engine.info("Using archive interval of %d seconds %s", 300, "(specified by hardware)")
    engine.info("Using binding '%s' to database '%s'", "wx_binding", "weewx.sdb")
    manager.info("Starting backfill of daily summaries")
    manager.info("Daily summaries up to date")
    restx.info("Wunderground-PWS: Data for station %s will be posted", "ISTALB42")
    restx.info("CWOP: Data for station %s will be posted", "EW7391")
    restx.info("StationRegistry: Registration not requested.")
    restx.info("%s: Posting not enabled.", "PWSweather")
    restx.info("%s: No config info. Skipped.", "AWEKAS")
    wd.info("Starting up weewx version %s", "5.1.0")
    engine.info("Clock error is %.2f seconds (positive is fast)", -0.63)
    engine.info("'pyephem' detected, extended almanac data is available")
    engine.info("Starting main packet loop.")

    systemd(stream, "enviroplus-exporter", "Started enviroplus-exporter.service - Enviroplus-exporter service.",
            host="wx-station")
    root.info("""enviroplus_exporter.py - Expose readings from the Enviro+ sensor by Pimoroni in Prometheus format

Press Ctrl+C to exit!

""")
    root.info("Using compensating algorithm (factor={}) to account for heat leakage from Raspberry Pi board"
              .format(2.25))
    root.info("Sensor data will be posted to Luftdaten every {} seconds for the UID {}".format(30,
              "raspi-10000000b3a9c2e1"))
    root.info("Listening on http://{}:{}".format("0.0.0.0", 8000))

    for n in range(20):
        stamp = 1715432700 + n * 300
        # weeutil's timestamp_to_string: "%Y-%m-%d %H:%M:%S %Z (epoch)".
        when = "%s (%d)" % (time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(stamp)), stamp)
        reading = {"temperature": round(14.8 + n * 0.21, 2), "humidity": round(71.4 - n * 0.8, 2),
                   "pressure": round(1012.6 + n * 0.05, 2), "oxidising": round(18.9 + n * 0.7, 2),
                   "reducing": round(412.3 - n * 3.1, 2), "nh3": round(96.1 + n, 2), "lux": round(812.4 + 40 * n, 2),
                   "proximity": 0, "pm1": float(3 + n % 4), "pm25": float(5 + n % 6), "pm10": float(7 + n % 5)}
        root.info("Sensor data: {}".format(reading))
        if n % 2 == 0:
            root.info("Luftdaten response: OK")
        if n == 5:
            root.warning("Timed out reading PMS5003.")
            root.warning("Could not get particulate matter readings.")
        if n == 9:
            root.warning("Exception sending to Luftdaten: {}".format(
                "HTTPSConnectionPool(host='api.sensor.community', port=443): Read timed out. (read timeout=5)"))
        manager.info("Added record %s to database '%s'", when, "weewx.sdb")
        manager.info("Added record %s to daily summary in '%s'", when, "weewx.sdb")
        if n == 7:
            vantage.error("LOOP batch try #%d; error: %s", 1, "Expected to read 99 chars; got 0 instead")
            vantage.error("LOOP buffer failed CRC check. Calculated CRC=%d", 30514)
        if n == 4:
            restx.error("%s: Failed to publish record %s: %s" % ("Wunderground-PWS", when,
                        "Failed upload after 3 tries"))
        else:
            restx.info("%s: Published record %s" % ("Wunderground-PWS", when))
        if n % 2 == 1:
            restx.info("%s: Published record %s" % ("CWOP", when))
        if n % 3 == 2:
            cheetah.info("Generated %d files for report %s in %.2f seconds", 8, "SeasonsReport", 1.74 + n / 50)
            images.info("Generated %d images for report %s in %.2f seconds", 15 if n > 2 else 0, "SeasonsReport",
                        2.41 + n / 40)
            rsync.info("rsync'd %s files (%s) in %0.2f seconds", "23", "1,318,447 bytes", 0.92 + n / 100)
        if n == 14:
            # The data logger drops off: weewxd logs the error, then the
            # traceback line by line (weeutil.logger.log_traceback).
            def gen_loop():
                def read_port():
                    raise OSError(5, "Input/output error")
                read_port()
            try:
                gen_loop()
            except OSError as e:
                wd.critical("Caught OSError: %s", e)
                for line in traceback.format_exc().splitlines(keepends=True):
                    wd.critical("%s%s", "    ****  ", line)
                wd.critical(f"    ****  Waiting {10.0:.1f} seconds then retrying...")
            wd.info("retrying...")
            engine.info("Loading station type %s (%s)", "Vantage", "weewx.drivers.vantage")
            engine.info("Starting main packet loop.")
    engine.info("Garbage collected %d objects in %.2f seconds", 3311, 0.18)
    systemd(stream, "weewx", "Stopping weewx.service - WeeWX...", host="wx-station")
    engine.info("Main loop exiting. Shutting engine down.")
    engine.info("Shutting down StdReport thread")
    systemd(stream, "weewx", "weewx.service: Deactivated successfully.", host="wx-station")
    return {"name": "weewx-enviroplus", "programs": [wx, env], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_prusalink_obico(), stream_bluesky_qcodes(), stream_weewx_enviroplus()])


if __name__ == "__main__":
    main()
