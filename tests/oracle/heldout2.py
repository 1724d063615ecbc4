"""The second held-out set of real programs (see `heldout.py`, whose
failures rules were then written from): 18 more programs' own logging
set-ups, each format copied from the file named beside it, with messages
from the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout2

A by-hand measurement, like `heldout.py`.
"""

import logging
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, log_at, printed  # noqa: E402
from heldout import filtered, fail  # noqa: E402

# radicale 3.9.0, radicale/log.py (DATE_FORMAT; `ident` from its record
# factory: the pid, and `pid/threadName` off the main thread).
RADICALE = "[%(asctime)s] [%(ident)s] [%(levelname)s] %(message)s"
RADICALE_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# fail2ban 1.1.1 (deffcbcd), fail2ban/helpers.py getVerbosityFormat(0,
# addtime=True, padding=True); NOTICE is its level 25.
FAIL2BAN = "%(asctime)s %(name)-24s[%(process)d]: %(levelname)-7s %(message)s"
# cloud-init 26.2 (04eacd06), config/cloud.cfg.d/05_logging.cfg
# [formatter_arg0Formatter] (UTC times).
CLOUD_INIT = "%(asctime)s - %(filename)s[%(levelname)s]: %(message)s"
# mailman 3.3.10, mailman/config/schema.cfg [logging.template].
MAILMAN = "%(asctime)s (%(process)d) %(message)s"
MAILMAN_DATEFMT = "%b %d %H:%M:%S %Y"
# patroni 4.1.5, patroni/log.py DEFAULT_FORMAT.
PATRONI = "%(asctime)s %(levelname)s: %(message)s"
# ansible-core 2.19.14, ansible/utils/display.py (log_path); `user` from
# its FilterUserInjector.
ANSIBLE = "%(asctime)s p=%(process)d u=%(user)s n=%(name)s %(levelname)s| %(message)s"
# nautobot 3.2.7, nautobot/core/settings.py LOGGING "normal".
NAUTOBOT = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s :\n  %(message)s"
NAUTOBOT_DATEFMT = "%H:%M:%S"
# calibreweb 0.6.27, cps/logger.py DEFAULT_LOG_FORMAT (it renames WARNING
# to WARN and CRITICAL to CRIT).
CALIBRE = "[%(asctime)s] %(levelname)5s {%(filename)s:%(lineno)d} %(message)s"
# deluge 2.2.0, deluge/log.py DEFAULT_LOGGING_FORMAT, its width grown to
# the longest logger name so far.
DELUGE = "%(asctime)s [%(levelname)-8s][%(name)-27s:%(lineno)-4d] %(message)s"
DELUGE_DATEFMT = "%H:%M:%S"
# redash (ca79fe98), redash/settings/__init__.py LOG_FORMAT.
REDASH = "[%(asctime)s][PID:%(process)d][%(levelname)s][%(name)s] %(message)s"
# pgadmin4 (bc58657d), web/config.py FILE_LOG_FORMAT (tabs).
PGADMIN = "%(asctime)s: %(levelname)s\t%(name)s:\t%(message)s"
# paperless-ngx v2.18.0, src/paperless/settings.py LOGGING "verbose".
PAPERLESS = "[{asctime}] [{levelname}] [{name}] {message}"
# superset 6.1.0, superset/config.py LOG_FORMAT.
SUPERSET = "%(asctime)s:%(levelname)s:%(name)s:%(message)s"
# ckan 2.12.0, ckan/config/deployment.ini_tmpl [formatter_generic].
CKAN = "%(asctime)s %(levelname)-5.5s [%(name)s] %(message)s"
# sabnzbd (5f933ddc), SABnzbd.py.
SABNZBD = "%(asctime)s::%(levelname)s::[%(module)s:%(lineno)d] %(message)s"
# Mopidy 3.4.2, mopidy/config/default.conf [logging] format.
MOPIDY = "%(levelname)-8s %(asctime)s [%(process)d:%(threadName)s] %(name)s\n  %(message)s"
# label-studio 1.23.2, label_studio/core/settings/base.py LOGGING.
LABEL_STUDIO = "[%(asctime)s] [%(name)s::%(funcName)s::%(lineno)d] [%(levelname)s] %(message)s"
# awscli 1.46.3, awscli/clidriver.py (--debug).
AWSCLI = "%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s"


def at(log, level, where, msg, *args, func=None, exc=False):
    """`realworld.log_at`, with a KeyError raised and logged when `exc`."""
    if not exc:
        return log_at(log, level, where, msg, *args, func=func)
    try:
        {}["missing"]
    except KeyError:
        log_at(log, level, where, msg, *args, exc_info=True, func=func)


def stream_radicale_fail2ban():
    stream = []
    rad = filtered(Program("radicale", "radicale", logging.Formatter(RADICALE, RADICALE_DATEFMT), stream), ident="7")
    f2b = Program("fail2ban", "fail2ban.server", logging.Formatter(FAIL2BAN), stream)
    logging.addLevelName(25, "NOTICE")
    try:
        rad.log.info("Starting Radicale %s(%s) as %s on %s", "3.9.0", "default", "radicale", "['0.0.0.0:5232']")
        rad.log.info("Listening on %r%s", "0.0.0.0:5232", "")
        rad.log.info("Radicale server ready")
        rad.log.info("%s request for %r%s received from %s%s%s%s", "PROPFIND", "/user/", "", "10.0.0.5", "", "", "")
        rad.log.info("Successful login: %r (%s)", "user", "htpasswd")
        fail(rad.log, "An exception occurred during request: %s", "PROPFIND /user/")
        f2b.log.info("-" * 50)
        f2b.log.info("Starting Fail2ban v%s", "1.1.1")
        f2b.logger("fail2ban.jail").info("Jail %r started", "sshd")
        f2b.logger("fail2ban.filter").info("[%s] Found %s - %s", "sshd", "192.0.2.7", "2024-05-11 14:44:44")
        f2b.logger("fail2ban.actions").log(25, "[%s] %sBan %s", "sshd", "", "192.0.2.7")
        f2b.logger("fail2ban.actions").log(25, "[%s] Reban %s%s", "sshd", "192.0.2.7", ", 1 # 1d 00:00:00 -> 2024-05-12")
        fail(f2b.logger("fail2ban.actions"), "Failed to start jail '%s' action '%s': %s", "sshd", "iptables", "KeyError")
    finally:
        logging.addLevelName(25, "Level 25")
    return {"name": "radicale-fail2ban", "programs": [rad, f2b], "records": stream, "auto": False}


def stream_cloud_init_mailman():
    stream = []
    ci = Program("cloud-init", "cloudinit.cmd.main", logging.Formatter(CLOUD_INIT), stream)
    mm = Program("mailman", "mailman.runner", logging.Formatter(MAILMAN, MAILMAN_DATEFMT), stream)
    at(ci.log, logging.DEBUG, "cloudinit/log/log_util.py:67",
       "Cloud-init v. 24.1.3 running 'modules:config' at Sat, 11 May 2024 14:44:44 +0000. Up 12.34 seconds.")
    at(ci.logger("cloudinit.util"), logging.DEBUG, "cloudinit/util.py:1597", "Reading from %s (quiet=%s)",
       "/proc/uptime", False)
    at(ci.logger("cloudinit.subp"), logging.DEBUG, "cloudinit/subp.py:212",
       "Running command %s with allowed return codes %s (shell=%s, capture=%s)", ["ssh-keygen", "-t", "ed25519"], [0],
       False, True)
    at(ci.logger("cloudinit.config.modules"), logging.DEBUG, "cloudinit/config/modules.py:291",
       "Running module %s (%s) with frequency %s", "ssh", "<module 'cloudinit.config.cc_ssh'>", "once-per-instance")
    at(ci.logger("cloudinit.config.modules"), logging.WARNING, "cloudinit/log/log_util.py:54",
       "Running module %s (%s) failed", "apt", "<module 'cloudinit.config.cc_apt_configure'>")
    mm.log.info("Master started")
    mm.log.info("%s runner started.", "in")
    mm.log.info("%s runner caught SIGHUP.  Reopening logs.", "out")
    mm.logger("mailman.smtp").info("%s smtp to %s for %s recips, completed in %s seconds",
                                   "<msg-1@example.com>", "dev@lists.example.com", 12, 0.84)
    fail(mm.logger("mailman.error"), "Uncaught runner exception: %s", "'missing'")
    mm.logger("mailman.error").error("SHUNTING: %s", "01715438684.123+abc")
    return {"name": "cloudinit-mailman", "programs": [ci, mm], "records": stream, "auto": False}


def stream_patroni_ansible():
    stream = []
    pat = Program("patroni", "patroni.__main__", logging.Formatter(PATRONI), stream)
    ans = filtered(Program("ansible", "ansible", logging.Formatter(ANSIBLE), stream), user="deploy")
    for _ in range(3):
        pat.log.info("no action. I am (%s), the leader with the lock", "postgresql0")
    pat.logger("patroni.ha").info("Lock owner: %s; I am %s", "postgresql0", "postgresql0")
    pat.logger("patroni.ha").info("Enabled synchronous replication")
    printed(stream, "2024-05-11 14:44:45.123 UTC [42] LOG:  checkpoint starting: time")
    fail(pat.logger("patroni.ha"), "Unexpected exception raised from update_leader, please report it as a BUG")
    ans.log.info("PLAY [all] " + "*" * 60)
    ans.log.info("TASK [Gathering Facts] " + "*" * 48)
    ans.log.info("ok: [web1]")
    ans.log.info("changed: [web1]")
    ans.log.error('fatal: [web2]: FAILED! => {"changed": false, "msg": "Failed to connect to the host via ssh"}')
    ans.log.warning("[WARNING]: Platform linux on host web1 is using the discovered Python interpreter")
    return {"name": "patroni-ansible", "programs": [pat, ans], "records": stream, "auto": False}


def stream_nautobot_calibre():
    stream = []
    nb = Program("nautobot", "nautobot.auth.login", logging.Formatter(NAUTOBOT, NAUTOBOT_DATEFMT), stream)
    cw = Program("calibre-web", "cps.server", logging.Formatter(CALIBRE), stream)
    nb.log.info("User %s successfully authenticated", "admin")
    nb.logger("nautobot.extras.datasources.git").info("Repository successfully refreshed")
    nb.logger("nautobot.core.celery").info("Setting up prometheus metrics HTTP server for celery worker.")
    fail(nb.logger("nautobot.core.celery.schedulers"), "Removing schedule %s for argument deserialization error: %s",
         "daily-backup", "KeyError")
    logging.addLevelName(logging.WARNING, "WARN")
    logging.addLevelName(logging.CRITICAL, "CRIT")
    try:
        at(cw.log, logging.INFO, "cps/server.py:173", "Starting Gevent server on %s", "[::]:8083")
        at(cw.log, logging.INFO, "cps/server.py:255", "Performing shutdown of Calibre-Web")
        at(cw.log, logging.WARNING, "cps/server.py:121", "Unable to listen on %s, trying on IPv4 only...", "[::]:8083")
        at(cw.logger("cps.web"), logging.INFO, "cps/web.py:1523", "Serving book: '%s' to %s - %s", "Dune", "admin",
           "10.0.3.7")
        at(cw.logger("cps.web"), logging.ERROR, "cps/web.py:77", "'missing'", exc=True)
    finally:
        logging.addLevelName(logging.WARNING, "WARNING")
        logging.addLevelName(logging.CRITICAL, "CRITICAL")
    return {"name": "nautobot-calibreweb", "programs": [nb, cw], "records": stream, "auto": False}


def stream_deluge_redash():
    stream = []
    dl = Program("deluge", "deluge.core.daemon", logging.Formatter(DELUGE, DELUGE_DATEFMT), stream)
    rd = Program("redash", "rq.job.redash.tasks.queries.execution", logging.Formatter(REDASH), stream)
    at(dl.log, logging.INFO, "deluge/core/daemon.py:128", "Deluge daemon starting...")
    at(dl.log, logging.INFO, "deluge/core/daemon.py:145", "Deluge daemon %s", "2.2.0")
    at(dl.logger("deluge.core.rpcserver"), logging.INFO, "deluge/core/rpcserver.py:179",
       "Deluge Client connection made from: %s:%s", "10.0.3.7", 51234)
    at(dl.logger("deluge.core.torrentmanager"), logging.INFO, "deluge/core/torrentmanager.py:1017",
       'Torrent %s from user "%s" %s', "ubuntu-24.04.iso", "localclient", "added")
    at(dl.logger("deluge.core.core"), logging.ERROR, "deluge/core/core.py:412", "%s", "'missing'", exc=True)
    rd.log.info("Inserting job for %s with metadata=%s", "8f2c1a", {"query_id": 12, "Username": "admin"})
    rd.log.info("[%s] Found existing job: %s", "8f2c1a", "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e")
    rd.log.info("job=execute_query query_hash=%s ds_id=%d data_length=%s error=[%s]", "8f2c1a", 1, 1024, None)
    rd.logger("rq.job.redash.tasks.schedule").info("Deleting schedules of past scheduled queries...")
    fail(rd.logger("rq.job.redash.tasks.general"), "Failed posting to %s", "https://hooks.example.com/x")
    return {"name": "deluge-redash", "programs": [dl, rd], "records": stream, "auto": False}


def stream_pgadmin_paperless():
    stream = []
    pg = Program("pgadmin", "pgadmin", logging.Formatter(PGADMIN), stream)
    pl = Program("paperless", "paperless.consumer", logging.Formatter(PAPERLESS, style="{"), stream)
    pg.log.warning("########################################################")
    pg.log.warning("Starting %s v%s...", "pgAdmin 4", "9.1")
    pg.log.warning("########################################################")
    pg.log.warning("LDAP user %s logged in.", "alice")
    fail(pg.log, "Error binding to the LDAP server.")
    pl.log.info("Consuming %s", "invoice-2024-05.pdf")
    pl.log.info("Document %s consumption finished", "2024-05-11 ACME invoice-2024-05")
    pl.logger("paperless.management.consumer").info("Adding %s to the task queue", "/usr/src/paperless/consume/scan.pdf")
    pl.logger("paperless.management.consumer").info("Watching %s using native file system events",
                                                    "/usr/src/paperless/consume")
    fail(pl.logger("paperless.management.consumer"), "Error while queuing document %s", "/consume/broken.pdf")
    return {"name": "pgadmin-paperless", "programs": [pg, pl], "records": stream, "auto": False}


def stream_superset_ckan():
    stream = []
    ss = Program("superset", "superset.initialization", logging.Formatter(SUPERSET), stream)
    ck = Program("ckan", "ckan.config.middleware.flask_app", logging.Formatter(CKAN), stream)
    ss.log.info("Registering blueprint: %s", "superset.views.health")
    ss.log.warning("Debug mode identified with default secret key")
    ss.logger("superset.utils.cache").warning("Could not cache key %s", "superset_results_8f2c1a")
    fail(ss.logger("superset.views.base"), "Api failed- no authorization")
    ck.log.info(" %s %s render time %.3f seconds", "GET", "/dataset/", 0.123)
    ck.logger("ckan.lib.jobs").info("Worker %s (PID %s) has started on queue(s) %s ", "rq:worker:1", 7, "default")
    ck.logger("ckan.lib.search").info("Rebuilding search index...")
    ck.logger("ckan.lib.jobs").warning("%s to queue \"%s\"", "Added background job 3f2a", "default")
    fail(ck.logger("ckan.lib.jobs"), "Job %s on worker %s raised an exception: %s", "3f2a", "rq:worker:1", "KeyError")
    return {"name": "superset-ckan", "programs": [ss, ck], "records": stream, "auto": False}


def stream_sabnzbd_mopidy():
    stream = []
    sab = Program("sabnzbd", "root", logging.Formatter(SABNZBD), stream)
    mop = Program("mopidy", "mopidy.__main__", logging.Formatter(MOPIDY), stream)
    at(sab.log, logging.INFO, "SABnzbd.py:1174", "--------------------------------")
    at(sab.log, logging.INFO, "SABnzbd.py:1176", "Starting web-interface on %s:%s", "0.0.0.0", 8080)
    at(sab.log, logging.INFO, "SABnzbd.py:1180", "Full executable path = %s", "/app/sabnzbd/SABnzbd.py")
    at(sab.log, logging.INFO, "sabnzbd/downloader.py:412", "%s@%s: Initiating connection", "news.example.com", 3)
    at(sab.log, logging.INFO, "sabnzbd/downloader.py:301", "Speed limit set to %s B/s", 1048576)
    at(sab.log, logging.ERROR, "sabnzbd/downloader.py:806", "Fatal error in Downloader", exc=True)
    mop.log.info("Starting Mopidy %s", "3.4.2")
    mop.log.info("Enabled extensions: %s", "file, http, m3u, softwaremixer, stream")
    mop.logger("mopidy.commands").info("Starting GLib mainloop")
    mop.logger("mopidy.http.actor").info("HTTP server running at [%s]:%s", "::", 6680)
    worker = threading.Thread(target=lambda: mop.logger("mopidy.core.actor").info("Saving state to %s",
                                                                                 "/var/lib/mopidy/core/state.json.gz"),
                              name="Core-7")
    worker.start()
    worker.join()
    fail(mop.logger("mopidy.commands"), "Uncaught exception")
    return {"name": "sabnzbd-mopidy", "programs": [sab, mop], "records": stream, "auto": False}


def stream_label_studio_awscli():
    stream = []
    ls = Program("label-studio", "core.utils.common", logging.Formatter(LABEL_STUDIO), stream)
    aws = Program("awscli", "awscli.clidriver", logging.Formatter(AWSCLI), stream)
    at(ls.log, logging.INFO, "core/utils/common.py:612", "=> Database and media directory: %s",
       "/label-studio/data", func="_setup_env")
    at(ls.log, logging.INFO, "core/utils/common.py:618", "=> Static URL is set to: /static/", func="_setup_env")
    at(ls.logger("data_import.functions"), logging.INFO, "data_import/functions.py:88",
       "Tasks bulk_update finished (sync import)", func="sync_import")
    at(ls.logger("core.utils.common"), logging.ERROR, "core/utils/common.py:401", "Can't get latest version",
       func="get_latest_version", exc=True)
    aws.log.debug("CLI version: %s", "aws-cli/1.46.3 Python/3.11.9 Linux/6.1.0 botocore/1.38.3")
    aws.log.debug("Arguments entered to CLI: %s", "['s3', 'ls', '--debug']")
    aws.logger("botocore.credentials").debug("Looking for credentials via: %s", "env")
    aws.logger("botocore.credentials").info("Found credentials in environment variables.")
    fail(aws.log, "Exception caught in main()")
    return {"name": "labelstudio-awscli", "programs": [ls, aws], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [
        stream_radicale_fail2ban(), stream_cloud_init_mailman(), stream_patroni_ansible(),
        stream_nautobot_calibre(), stream_deluge_redash(), stream_pgadmin_paperless(), stream_superset_ckan(),
        stream_sabnzbd_mopidy(), stream_label_studio_awscli(),
    ])


if __name__ == "__main__":
    main()
