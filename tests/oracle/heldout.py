"""Held-out real software for format inference: programs no inference rule
was written from, measured with nothing configured.

`realworld.py`'s programs are in the project's tests, and its figures
guided rules. These are other programs' own logging set-ups, each format
string copied from the file named beside it (the version read is given),
with the formatter class the program uses, and messages copied from the
program's source under the logger names it uses. Same output as
`realworld.py` (its `Program`, clock and pinned process id are reused),
so `sweep.py heldout` measures them exactly as it does `realworld`:

    .venv/bin/python tests/oracle/sweep.py heldout

It is a by-hand measurement, not a CI test: once a rule is written from
one of these failures, the program is no longer held out (say so in the
docs' figures), and a new one belongs here.

Left out: discord.py's `{levelname:<8}` (python-json-logger names that
field `levelname:<8` and writes null: no text shows it), Salt's log file
(`%(asctime)s,%(msecs)03d` with `%Y-%m-%d %H:%M:%S`, which prints Python's
default asctime exactly: both counted apart by `sweep.py`), Sanic
(formats built at run time with a width filled per worker).
"""

import logging
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, log_at  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402

# huey 3.5.4, huey/consumer_options.py setup_logger (thread workers, the
# default; datefmt None).
HUEY = "[%(asctime)s] %(levelname)s:%(name)s:%(threadName)s:%(message)s"
# certbot 5.8.0, certbot/_internal/log.py FILE_FMT (letsencrypt.log).
CERTBOT = "%(asctime)s:%(levelname)s:%(name)s:%(message)s"
# kopf 1.45.2, kopf/_core/actions/loggers.py LogFormat.FULL (`kopf run`).
KOPF = "[%(asctime)s] %(name)-20.20s [%(levelname)-8.8s] %(message)s"
# homeassistant 2024.3.3, homeassistant/bootstrap.py (fmt) and const.py
# FORMAT_DATETIME (datefmt).
HASS = "%(asctime)s.%(msecs)03d %(levelname)s (%(threadName)s) [%(name)s] %(message)s"
HASS_DATEFMT = "%Y-%m-%d %H:%M:%S"
# matrix-synapse 1.163.2, synapse/config/logger.py DEFAULT_LOG_CONFIG
# (formatter `precise`); `request` is set by its LoggingContextFilter.
SYNAPSE = "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s"
# optuna 5.1.0, optuna/logging.py create_default_formatter: colorlog's
# TTYColoredFormatter, whose colour fields print nothing off a terminal;
# the text is this format's.
OPTUNA = "[%(levelname)1.1s %(asctime)s] %(message)s"
# streamlit 1.67.0, streamlit/logger.py DEFAULT_LOG_MESSAGE (development
# mode), with formatter.default_msec_format = "%s.%03d".
STREAMLIT = "%(asctime)s %(levelname) -7s %(name)s: %(message)s"
# pytest 9.2.0, _pytest/logging.py DEFAULT_LOG_FORMAT (log_cli, log_file).
PYTEST = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"
# Pylons/pyramid-cookiecutter-starter development.ini [formatter_generic]
# (9cac50c), served by waitress.
PYRAMID = "%(asctime)s %(levelname)-5.5s [%(name)s:%(lineno)s][%(threadName)s] %(message)s"
# locust 2.47.0, locust/log.py: the short host name is written into the
# format string itself.
LOCUST = "[%(asctime)s] ip-10-0-3-7/%(levelname)s/%(name)s: %(message)s"
# hydra-core 1.3.8, hydra/conf/hydra/job_logging/default.yaml.
HYDRA = "[%(asctime)s][%(name)s][%(levelname)s] - %(message)s"
# paramiko 5.1.0, paramiko/util.py log_to_file; `_threadid` is set by its
# PFilter (a counter per thread).
PARAMIKO = "%(levelname)-.3s [%(asctime)s.%(msecs)03d] thr=%(_threadid)-3d %(name)s: %(message)s"
PARAMIKO_DATEFMT = "%Y%m%d-%H:%M:%S"
# Salt (salt/_logging/impl.py DFLT_LOG_FMT_CONSOLE): the console.
SALT_CONSOLE = "[%(levelname)-8s] %(message)s"


class Set(logging.Filter):
    """A program's filter that sets a custom attribute on every record."""

    def __init__(self, **values):
        super().__init__()
        self.values = values

    def filter(self, record):
        for k, v in self.values.items():
            setattr(record, k, v)
        return True


def filtered(program, **values):
    program.handler.addFilter(Set(**values))
    return program


def fail(log, msg, *args):
    try:
        {}["missing"]
    except KeyError:
        log.exception(msg, *args)


def stream_huey_certbot():
    stream = []
    huey = Program("huey", "huey.consumer", logging.Formatter(HUEY), stream)
    cert = Program("certbot", "certbot._internal.main", logging.Formatter(CERTBOT), stream)
    huey.log.info("Huey consumer started with %s %s, PID %s at %s", 2, "thread", 7, "2024-05-11 14:44:44")
    huey.log.info("Scheduler runs every %s second(s).", 1)
    huey.log.info("Periodic tasks are %s.", "enabled")
    huey.log.info("The following commands are available:\n+ app.tasks.add\n+ app.tasks.send_receipt")
    task = huey.logger("huey")
    task.info("Executing %s", "app.tasks.add: 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b")
    task.info("%s executed in %0.3fs", "app.tasks.add: 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", 0.0123)
    printed(stream, "sending receipt to a@example.com")
    fail(task, "Unhandled exception in task %s.", "app.tasks.send_receipt: 9b8a7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d")
    huey.logger("huey.consumer.Scheduler").info("Enqueueing periodic task %s.", "app.tasks.cleanup: periodic")
    cert.log.debug("certbot version: %s", "5.8.0")
    cert.log.debug("Arguments: %r", ["--nginx", "-d", "example.com"])
    cert.logger("certbot._internal.log").debug("Root logging level set at %d", 30)
    cert.logger("certbot._internal.client").info("Reusing existing private key from %s.", "/etc/letsencrypt/live/example.com/privkey.pem")
    fail(cert.logger("certbot._internal.log"), "Exiting abnormally:")
    for i in range(4):
        task.info("Executing %s", f"app.tasks.add: 00000000-0000-4000-8000-00000000000{i}")
    return {"name": "huey-certbot", "programs": [huey, cert], "records": stream, "auto": False}


def stream_kopf_hass():
    stream = []
    kopf = Program("kopf", "kopf._core.engines.activities", logging.Formatter(KOPF), stream)
    hass = Program("homeassistant", "homeassistant.setup", logging.Formatter(HASS, HASS_DATEFMT), stream)
    kopf.log.info("Initial authentication has been initiated.")
    kopf.log.info("Initial authentication has finished.")
    objects = kopf.logger("kopf.objects")
    objects.info("[default/web] Handler 'create_fn' succeeded.")
    objects.info("[default/web] Creation is processed: 1 succeeded; 0 failed.")
    fail(objects, "[default/db] Handler 'create_fn' failed with an exception and will try again in 60 seconds: 'missing'")
    kopf.logger("kopf._core.reactor.running").info("Signal SIGINT is received. Operator is stopping.")
    hass.logger("homeassistant.core").info("Starting Home Assistant")
    hass.logger("homeassistant.bootstrap").info("Config directory: %s", "/config")
    hass.log.info("Setting up %s", "http")
    hass.log.info("Setup of domain %s took %.1f seconds", "http", 0.4)
    hass.log.warning("Setup of %s is taking over %s seconds.", "zha", 10)
    fail(hass.log, "Error during setup of component %s", "mqtt")
    hass.logger("homeassistant.bootstrap").info("Home Assistant initialized in %.2fs", 12.34)
    worker = threading.Thread(target=lambda: hass.log.info("Setting up %s", "recorder"), name="SyncWorker_0")
    worker.start()
    worker.join()
    return {"name": "kopf-homeassistant", "programs": [kopf, hass], "records": stream, "auto": False}


def stream_synapse():
    stream = []
    syn = filtered(Program("synapse", "synapse.config.logger", logging.Formatter(SYNAPSE), stream), request="sentinel")
    syn.log.info("***** STARTING SERVER *****")
    syn.log.info("Server %s version %s", "/usr/local/lib/python3.11/site-packages/synapse/app/homeserver.py", "1.163.2")
    syn.log.info("Server hostname: %s", "matrix.example.com")
    syn.logger("synapse.app.homeserver").info("Setting up server")
    syn.logger("synapse.app._base").info("Synapse now listening on TCP port %d", 8008)
    access = syn.logger("synapse.access.http.8008")
    for i, path in enumerate(["/_matrix/client/versions", "/_matrix/client/v3/sync", "/health"]):
        access.info(
            '%s - %s - {%s} Processed request: %.3fsec/%.3fsec ru=(%.3fsec, %.3fsec) db=(%.3fsec/%.3fsec/%d) %sB %s "%s %s %s" "%s" [%d dbevts]',
            "10.0.3.7", 8008, "None", 0.003 + i, 0.0, 0.002, 0.0, 0.0, 0.0, 0, 123, 200, "GET", path, "HTTP/1.1",
            "python-requests/2.31", 0,
        )
    fail(syn.logger("synapse.app._base"), "Exception during startup")
    printed(stream, "Config file '/data/homeserver.yaml' already exists. Generating any missing config files.")
    return {"name": "synapse", "programs": [syn], "records": stream, "auto": False}


class StreamlitJson(JsonFormatter):
    default_msec_format = "%s.%03d"


def stream_optuna_streamlit():
    stream = []
    optuna = Program("optuna", "optuna.storages._in_memory", logging.Formatter(OPTUNA), stream)
    st_fmt = logging.Formatter(STREAMLIT)
    st_fmt.default_msec_format = "%s.%03d"
    st = Program("streamlit", "streamlit.error_util", st_fmt, stream, truth=StreamlitJson)
    optuna.log.info("A new study created in memory with name: %s", "no-name-6c1f3b2a-8d7e-4f5a-9b0c-1d2e3f4a5b6c")
    study = optuna.logger("optuna.study.study")
    for n in range(3):
        study.info("Trial %d finished with value: %s and parameters: %s. Best is trial 0 with value: 0.25.", n, 0.25 + n,
                   {"x": 1.5 - n})
    opt = optuna.logger("optuna.study._optimize")
    opt.info("Trial %d pruned. %s", 3, "Trial was pruned at step 4.")
    fail(opt, "Trial %d failed with parameters: %s because of the following error: %s.", 4, {"x": 2.0}, "KeyError('missing')")
    st.logger("streamlit.web.server.starlette.starlette_server").warning("Port %s is not available", 8501)
    st.logger("streamlit.runtime.scriptrunner_utils.script_run_context").warning(
        "Thread '%s': missing ScriptRunContext! This warning can be ignored when running in bare mode.", "MainThread")
    fail(st.log, "Uncaught app execution")
    fail(st.logger("streamlit.runtime.scriptrunner.script_runner"), "Script compilation error")
    printed(stream, "  You can now view your Streamlit app in your browser.")
    return {"name": "optuna-streamlit", "programs": [optuna, st], "records": stream, "auto": False}


def stream_pytest_pyramid():
    stream = []
    py = Program("pytest", "app.db", logging.Formatter(PYTEST), stream)
    pyr = Program("pyramid", "waitress", logging.Formatter(PYRAMID), stream)
    log_at(py.log, logging.INFO, "app/db.py:42", "connected to %s", "postgres://db:5432/test")
    log_at(py.logger("app.orders"), logging.WARNING, "app/orders.py:118", "order %s has no lines", "A-1")
    log_at(py.logger("app.orders"), logging.DEBUG, "app/orders.py:57", "total %s", "19.99")
    log_at(py.log, logging.ERROR, "app/db.py:77", "rollback after %d statements", 3)
    pyr.log.info("Serving on http://%s:%s", "0.0.0.0", 6543)
    pyr.logger("waitress.queue").warning("Task queue depth is %d", 2)
    pyr.logger("myproject").debug("no route matched for url %s", "http://localhost:6543/favicon.ico")
    worker = threading.Thread(target=lambda: fail(pyr.log, "Exception while serving %s", "/orders"), name="waitress-0")
    worker.start()
    worker.join()
    pyr.logger("myproject").debug("debug_notfound of url %s; path_info: %r", "http://localhost:6543/x", "/x")
    return {"name": "pytest-pyramid", "programs": [py, pyr], "records": stream, "auto": False}


def stream_locust_hydra():
    stream = []
    loc = Program("locust", "locust.main", logging.Formatter(LOCUST), stream)
    hydra = Program("hydra", "__main__", logging.Formatter(HYDRA), stream)
    loc.log.info("Starting Locust %s", "2.47.0")
    loc.log.info("Starting web interface at %s, press enter to open your default browser.", "http://0.0.0.0:8089")
    loc.log.info("Run time limit set to %s seconds", 300)
    runners = loc.logger("locust.runners")
    runners.info("Ramping to %d users at a rate of %.2f per second", 50, 5.0)
    runners.info("All users spawned: {\"WebsiteUser\": 50} (50 total users)")
    fail(runners, "Unhandled exception in greenlet: %s", "<Greenlet at 0x7f: run>")
    hydra.log.info("Info level message")
    hydra.log.warning("Warning level message")
    hydra.logger("hydra.utils").error("Error getting class at %s: %s", "app.models.Net", "No module named 'app'")
    hydra.logger("hydra.experimental.callbacks.LogJobReturnCallback").info("Succeeded with return value: %s", 0.93)
    fail(hydra.logger("hydra.experimental.callbacks.LogJobReturnCallback"), "")
    return {"name": "locust-hydra", "programs": [loc, hydra], "records": stream, "auto": False}


def stream_paramiko_salt():
    stream = []
    para = filtered(
        Program("paramiko", "paramiko.transport", logging.Formatter(PARAMIKO, PARAMIKO_DATEFMT), stream), _threadid=1
    )
    salt = Program("salt", "salt.cli.daemons", logging.Formatter(SALT_CONSOLE), stream)
    para.log.debug("starting thread (client mode): %s", "0x1a2b3c4d")
    para.log.debug("Local version/idstring: %s", "SSH-2.0-paramiko_5.1.0")
    para.log.info("Connected (version %s, client %s)", "2.0", "OpenSSH_9.6p1")
    para.log.debug("Kex: %s", "curve25519-sha256@libssh.org")
    para.logger("paramiko.transport").info("Authentication (%s) successful!", "publickey")
    para.logger("paramiko.transport.sftp").info("[chan %s] Opened sftp connection (server version %s)", 0, 3)
    para.log.error("Socket exception: %s", "Connection reset by peer (104)")
    salt.log.info('Setting up the Salt Minion "%s"', "web-1")
    salt.log.info("%s the Salt %s", "Starting up", "Minion")
    salt.logger("salt.crypt").info("Authentication with master at %s successful!", "10.0.3.9")
    salt.log.warning("Exiting on Ctrl-c")
    printed(stream, "minion is running as another user")
    salt.log.info("The Salt %s is shut down", "Minion")
    return {"name": "paramiko-salt", "programs": [para, salt], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_huey_certbot(), stream_kopf_hass(), stream_synapse(), stream_optuna_streamlit(),
        stream_pytest_pyramid(), stream_locust_hydra(), stream_paramiko_salt(),
    ])


if __name__ == "__main__":
    main()
