"""The 77-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout76.py`): six more programs'
own logging set-ups in three streams, chosen from finance and accounting
back-offices as SRE teams run them in AWS (a household office's bank-sync
EC2 host, where bunq2ynab's auto_sync imports the bunq accounts' payments
into YNAB on bunq's callbacks and a nightly pytr run downloads the Trade
Republic account's statements and contract notes; a small trading desk's
ECS Anywhere host, where IBeam keeps the Interactive Brokers Client
Portal Gateway authenticated for the desk's tools and a PyAlgoTrade bot
trades BTC on Bitstamp from its live trade feed; a back-office tools
host, where factur-x's webservice turns the invoicing system's PDF
invoices into Factur-X e-invoices and ghostfolio-sync's scheduled task
imports the IBKR Flex statement's trades into the team's Ghostfolio),
each format copied from the file named beside it (the version read is
given), with the formatter class the program uses, and messages modelled
on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout77

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 59b8885 (session 30's rules in, none written
from this set), with nothing configured: 99.3% exact, 99.3% key
fields (asctime 99.5%, levelname 100.0%, name 100.0%, message 99.3%).

Formatters and filters: five use logging.Formatter itself, no filter and
no formatTime of their own; PyAlgoTrade's handler has pyalgotrade.logger's
Formatter, whose formatTime asks a DATETIME_HOOK first (reproduced below
as `PyAlgoTradeFormatter`, with the truth's JsonFormatter given the same
formatTime): only BacktestingStrategy sets the hook (to the bar's time); a
live BaseStrategy leaves it None, so the standard time prints. bunq2ynab's
lib/log.py gives the root logger (INFO) one StreamHandler (stderr) with
" | "-separated time, level, "file:line" and function ("<module>" for the
main loop's records in auto_sync.py), and it logs a failed sync's
traceback.format_exc() as an ERROR record of its own, a multi-line message
ending in a newline. pytr's get_logger gives each of its modules' loggers
("dl", "api", "timeline", "account": the name less "pytr.") a
coloredlogs.install handler, which off a terminal is a plain formatter: at
the default verbosity (info) the format is the time and the message, the
time "%H:%M:%S" (no date, no level, no name). IBeam's logs.initialize
gives the "ibeam" logger two handlers with IBEAM_LOG_FORMAT's default,
stdout for INFO and below, stderr from WARNING (the container prints
both): the level cut to its first letter by "%(levelname)-.1s", glued
between "|"s. PyAlgoTrade's initialize puts its handler on the root (INFO),
"%(asctime)s %(name)s [%(levelname)s] %(message)s", the loggers "bitstamp"
and "strategy". factur-x's webservice, without --logfile, calls
configure_script_logging: the "factur-x" logger's StreamHandler prints
"%(asctime)s [%(levelname)s] %(message)s"; the Flask app's logger prints
only its error (a failed request's "Exception on ..." with the traceback,
Flask's default handler, its level being WARNING through the root), and
Werkzeug's development server adds its own "%(message)s" handler (the root
has none), with its ANSI styles. ghostfolio-sync's main.py calls
basicConfig with the cookbook's " - "-separated format, "__main__" and
"SyncIBKR" records, some of them multi-line (json.dumps with indent=4).

Print lines: the Client Portal Gateway's own output in the IBeam container
(the Java gateway's start-up banner), ghostfolio-sync's entrypoint echo
lines, prefixed with the date by the Dockerfile's CMD pipe (only stdout
goes through it: logging's stderr does not), the Flask banner, the cron
wrappers' "+ ..." lines for pytr (sh -x), and the containers' entrypoint
lines; bare tracebacks when PyAlgoTrade's live feed cannot initialise
("Exception: Initialization failed", the task restarts it) and when
ghostfolio-sync's account request gets a 502 from Ghostfolio (an
exception nothing catches ends the run).

The messages are modelled on the programs' source, read at the commits
cited: bunq2ynab's auto_sync.py, lib/sync.py, lib/bunq_api.py, lib/ynab.py,
lib/network.py and lib/bunq.py (with those files' lines and functions),
pytr's dl.py, timeline.py, api.py and account.py, IBeam's ibeam_starter.py,
src/gateway_client.py and src/handlers/ (strategy, login, process and http
handlers, Status.__str__), PyAlgoTrade's bitstamp/ livefeed.py,
wsclient.py and livebroker.py and samples/tutorial_bitstamp_1.py's
strategy messages, factur-x's facturx.py and scripts/webservice.py, and
ghostfolio-sync's main.py, SyncIBKR.py, Dockerfile and entrypoint.sh.
Modelled rather than read: the values (accounts, IBANs, amounts, ids,
prices, ISINs, session ids), the order and number of records, the Client
Portal Gateway's output, the third-party exception texts (lxml, requests,
urllib), the install paths and the wrapper scripts' lines.

Left out: StakeTaxCSV (logging.basicConfig(level=INFO): BASIC_FORMAT,
covered: hodgerpodger/staketaxcsv 87547d5d src/staketaxcsv/report_*.py),
VeighNa/vn.py (its data recorder logs through loguru since 4.0, not
logging: vnpy/vnpy 3d00af96 vnpy/trader/logger.py), BittyTax (no logging
configuration found: it prints, BittyTax/BittyTax 287c4b43), OpenFisca's
web API (`openfisca serve` logs through gunicorn's own "gunicorn.error"
handler, gunicorn's format: openfisca/openfisca-core e70f346a
openfisca_web_api/app.py), pytr's debug format ("%(asctime)s %(name)-9s
%(levelname)-8s %(message)s", only with --verbosity debug, not how it is
run here), factur-x's --logfile format (a RotatingFileHandler, not the
container's output), and the programs of these areas in earlier sets or
their Left out paragraphs: finance-dl, ofxstatement, dkb-robo, bank2ynab,
Koku, ofxget, Silver, lunchable, beancount-import, ofxclient,
ledger-autosync, edgar-crawler, mintapi, plaid-sync, fints2ledger,
tap-xero, csv2ofx, Fava, beancount, bean-price, invoice2data, ihatemoney,
Tryton, ERPNext and Frappe, InvenTree, Saleor, Odoo, pretix, Paperless-ngx,
Papermerge, django-oscar, Shuup, SatSale, BitcartCC, freqtrade, rotki,
Hummingbot, OctoBot, Passivbot, cryptofeed, cryptostore, JoinMarket,
Lumibot, pycryptobot, Jesse, zipline, Qlib and binance-trade-bot.
"""

import json
import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402
from heldout63 import ansi, request_line  # noqa: E402

import flask.logging  # noqa: E402

# bunq2ynab (wesselt/bunq2ynab, b9b63922), lib/log.py: set_format's
# StreamHandler on the root logger (INFO, stderr; the handlers replaced).
BUNQ2YNAB = "%(asctime)s | %(levelname)s | %(filename)s:%(lineno)d | %(funcName)s | %(message)s"
# pytr 0.4.11 (pytr-org/pytr, 26637c07), pytr/utils.py get_logger's fmt and
# datefmt at the default verbosity (info), through coloredlogs.install on
# each module's logger (propagate False; off a terminal: no colours).
PYTR = "%(asctime)s %(message)s"
PYTR_DATEFMT = "%H:%M:%S"
# IBeam 0.5.12 (Voyz/ibeam, 993d3d93), ibeam/src/var.py LOG_FORMAT's
# default (IBEAM_LOG_FORMAT unset), through ibeam/src/logs.py initialize's
# two StreamHandlers on the "ibeam" logger (stdout to INFO, stderr from
# WARNING; the daily file handler writes /srv/outputs, not the output).
IBEAM = "%(asctime)s|%(levelname)-.1s| %(message)s"
# PyAlgoTrade 0.20 (gbeced/pyalgotrade, 0898a1f2), pyalgotrade/logger.py
# log_format, through init_logger's StreamHandler on the root (INFO) with
# the module's Formatter class (its DATETIME_HOOK None in a live strategy).
PYALGOTRADE = "%(asctime)s %(name)s [%(levelname)s] %(message)s"
# factur-x 6.6 (akretion/factur-x, 5edb9af9), src/facturx/__init__.py
# configure_script_logging (the "factur-x" logger's StreamHandler, INFO),
# which scripts/webservice.py main() calls without --logfile.
FACTURX = "%(asctime)s [%(levelname)s] %(message)s"
# ghostfolio-sync (agusalex/ghostfolio-sync, 13ee588e), main.py's template
# through logging.basicConfig (root, INFO, stderr).
GHOSTFOLIO_SYNC = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"

B2Y_SRC = "/usr/src/app/"
FLASK_APP = "/usr/local/lib/python3.12/site-packages/flask/app.py"


class HookedTime:
    """pyalgotrade.logger.Formatter.formatTime: the hook's datetime as
    str() when a hook is set and returns one, the standard time otherwise.
    Mixed into the program's formatter and into the truth's JsonFormatter
    alike."""

    DATETIME_HOOK = None

    def formatTime(self, record, datefmt=None):
        newDateTime = None
        if HookedTime.DATETIME_HOOK is not None:
            newDateTime = HookedTime.DATETIME_HOOK()
        if newDateTime is None:
            ret = super().formatTime(record, datefmt)
        else:
            ret = str(newDateTime)
        return ret


class PyAlgoTradeFormatter(HookedTime, logging.Formatter):
    pass


class PyAlgoTradeJsonFormatter(HookedTime, JsonFormatter):
    pass


# --------------------------------------------------------------------------
# A household office's bank-sync EC2 host (the CloudWatch agent ships the
# host's containers to one stream): bunq2ynab's auto_sync imports the bunq
# accounts into YNAB whenever bunq calls back; a nightly cron container
# runs pytr to download the Trade Republic account's documents.

PAIRS = [('"Hendriks Holding" - "Operating" to "Household 2024" - "bunq Operating"', 14, 3),
         ('"Hendriks Holding" - "Savings" to "Household 2024" - "bunq Savings"', 2, 0),
         ('"M. Hendriks" - "Joint" to "Household 2024" - "bunq Joint"', 31, 6)]
CALLBACK = "MUTATION:https://bunq-cb.finance.hendriks.example:443/bunq2ynab-autosync"
TR_EVENTS = [("Apple", "Kauforder", "Abrechnung"), ("iShares Core MSCI World USD (Acc)", "Sparplan ausgeführt", "Abrechnung"),
             ("Zinsen", "Zinszahlung", "Kontoauszug"), ("Vanguard FTSE All-World", "Sparplan ausgeführt", "Abrechnung"),
             ("Allianz", "Dividende", "Dividende"), ("Einzahlung", "Fertig", None),
             ("Microsoft", "Verkaufsorder", "Abrechnung"), ("Steuerkorrektur", "Fertig", "Steuerkorrektur"),
             ("Kartenzahlung Albert Heijn", "-23,45 €", None), ("Siemens Energy", "Limit-Kauf", "Abrechnung")]


def stream_bunq2ynab_pytr():
    stream = []
    b2y = Program("bunq2ynab", "root", logging.Formatter(BUNQ2YNAB), stream)
    pt = Program("pytr", "dl", logging.Formatter(PYTR, PYTR_DATEFMT), stream)
    root = lg(b2y, "root")
    dl = lg(pt, "dl")
    api = lg(pt, "api")
    tl = lg(pt, "timeline")
    acct = lg(pt, "account")

    def b(level, path, line, func, msg, exc=None):
        at(root, level, B2Y_SRC + path, line, func, msg, exc=exc)

    def sync_account(pair, payments, created, patched, back, dup=0):
        b(logging.INFO, "lib/sync.py", 159, "synchronize_account", "Synching {}...".format(pair))
        b(logging.INFO, "lib/sync.py", 171, "synchronize_account", "Reading ynab transactions from {}...".format(
            "2024-04-06"))
        b(logging.INFO, "lib/sync.py", 174, "synchronize_account", "Retrieved {} ynab transactions...".format(
            payments * 3 + 7))
        b(logging.INFO, "lib/sync.py", 188, "synchronize_account", "Reading bunq payments from {}...".format(
            "2024-05-08"))
        if payments:
            b(logging.INFO, "lib/bunq_api.py", 179, "get_payments", "Retrieved back to {}...".format(back))
        else:
            b(logging.INFO, "lib/bunq_api.py", 176, "get_payments", "No bunq payments found...")
        b(logging.INFO, "lib/sync.py", 191, "synchronize_account", "Retrieved {} bunq payments...".format(payments))
        if created:
            b(logging.INFO, "lib/ynab.py", 150, "upload_transactions", "Creating transactions up to {}...".format(
                "2024-05-11"))
        b(logging.INFO, "lib/sync.py", 203, "synchronize_account", "{}: Created {} and patched {} transactions.{}"
          .format(pair, created, patched, "  There were {} duplicates.".format(dup) if dup else ""))

    def synchronize(n, fail=False):
        b(logging.INFO, "auto_sync.py", 64, "synchronize", "Starting sync at " + now("%Y-%m-%d %H:%M:%S"))
        if fail:
            def sync():
                def account():
                    def upload():
                        def call():
                            raise Exception("too_many_requests (details: Too many requests)")
                        call()
                    upload()
                account()
            try:
                sync()
            except Exception as e:
                b(logging.ERROR, "auto_sync.py", 68, "synchronize", "Error during synching: {}".format(e))
                b(logging.ERROR, "auto_sync.py", 69, "synchronize", traceback.format_exc())
            return
        for k, (pair, pay, created) in enumerate(PAIRS):
            p = (pay + n * 3) % 9 if k != 1 else n % 2
            c = min(p, created + n % 3)
            sync_account(pair, p, c, p - c if p > c else 0, "2024-05-0%d" % (1 + (n + k) % 8), dup=1 if k == 2 and n == 3
                         else 0)
        b(logging.INFO, "auto_sync.py", 66, "synchronize", "Finished sync at " + now("%Y-%m-%d %H:%M:%S"))

    def populate():
        b(logging.INFO, "lib/sync.py", 65, "populate", "Retrieving bunq accounts...")
        b(logging.INFO, "lib/sync.py", 68, "populate", "Retrieving ynab accounts...")
        b(logging.WARNING, "lib/sync.py", 96, "populate", "No matches for rule {}.".format(
            '"M. Hendriks" - "Credit card" to "Household 2024" - "bunq Credit"'))

    printed(stream, "+ exec python ./auto_sync.py --port 8443 --external-port 443")
    b(logging.INFO, "lib/bunq.py", 117, "get_session_token", "Requesting session token...")
    populate()
    b(logging.INFO, "auto_sync.py", 226, "<module>", "Synchronizing at start or before refresh...")
    synchronize(0)
    b(logging.INFO, "auto_sync.py", 126, "setup_callback", "Listening on port {0}...".format(8443))
    b(logging.INFO, "lib/bunq_api.py", 62, "set_callbacks", "Adding callback {}".format(CALLBACK))
    b(logging.INFO, "lib/bunq_api.py", 62, "set_callbacks", "Adding callback {}".format(CALLBACK))
    b(logging.INFO, "auto_sync.py", 162, "wait_for_callback", "Waiting for callback for {}...".format("4 hours"))

    callers = ["185.40.108.23", "185.40.108.41", "185.40.109.7"]
    for n in range(1, 9):
        src = callers[n % 3]
        if n == 4:
            b(logging.INFO, "auto_sync.py", 169, "wait_for_callback", "Incoming call from {}...".format("45.148.10.92"))
            b(logging.WARNING, "auto_sync.py", 171, "wait_for_callback", f"Source {'45.148.10.92'} not in BUNQ range")
            b(logging.INFO, "auto_sync.py", 162, "wait_for_callback", "Waiting for callback for {}...".format(
                "3 hours 12 minutes"))
        b(logging.INFO, "auto_sync.py", 169, "wait_for_callback", "Incoming call from {}...".format(src))
        b(logging.INFO, "auto_sync.py", 181, "wait_for_callback", "Synchronizing...")
        synchronize(n, fail=(n == 5))
        b(logging.INFO, "auto_sync.py", 162, "wait_for_callback", "Waiting for callback for {}...".format(
            ["3 hours 58 minutes", "3 hours 41 minutes", "2 hours 6 minutes", "59 minutes"][n % 4]))

        if n == 3:
            # The nightly pytr run in its own container.
            printed(stream, "+ pytr dl_docs --last_days 2 --workers 4 /statements/traderepublic")
            api.info("Trying to resume websession...")
            api.info("Websession resumed.")
            acct.info("Logged in.")
            api.info("Connecting to websocket...")
            api.info("Connected.")
            tl.info("Timeline transactions: Subscribing to #1...")
            tl.info("Timeline transactions: Received #1, subscribing to #2...")
            tl.info("Timeline transactions: Received #2 (last relevant).")
            tl.info("Timeline activity log: Subscribing to #1...")
            tl.info("Timeline activity log: Received #1 (last relevant).")
            total = len(TR_EVENTS)
            for i, (title, sub, _) in enumerate(TR_EVENTS):
                ts = "2024-05-%02dT%02d:%02d:%02d" % (9 + i % 3, 7 + i, (i * 17) % 60, (i * 31) % 60)
                if title == "Einzahlung":
                    tl.info(f"{i + 1:>2}/{total}: {title} -- {sub} - {ts} (no timeline detail, action type: None)")
                else:
                    tl.info(f"{i + 1:>2}/{total}: " + f"{title} -- {sub} - {ts}")
                if title == "Steuerkorrektur":
                    dl.warning(f"no subfolder mapping for {title}")
            tl.info(f"Requested all timeline details ({total}/{total}).")
            tl.info("Received all event details.")
            dl.info("Waiting for downloads to complete...")
            dl.info("Done.")
            api.info("Closing websocket connection...")
            printed(stream, "+ aws s3 sync /statements/traderepublic s3://hendriks-finance-statements/traderepublic "
                    "--only-show-errors")

        if n == 6:
            # Session refresh (8 hours): populate again, callbacks in place.
            populate()
            b(logging.INFO, "auto_sync.py", 226, "<module>", "Synchronizing at start or before refresh...")
            synchronize(6)
        if n == 7:
            # The bunq API refuses the session: the main loop's error path.
            b(logging.INFO, "lib/bunq.py", 117, "get_session_token", "Requesting session token...")

            def main_loop():
                def populate_():
                    def get_accounts():
                        raise Exception("User credentials are incorrect. Incorrect API key or IP address.")
                    get_accounts()
                populate_()
            try:
                main_loop()
            except Exception as e:
                short = "Bunq2ynab autosync error: {}".format(e)
                b(logging.ERROR, "auto_sync.py", 243, "<module>", short)
                b(logging.ERROR, "auto_sync.py", 244, "<module>", traceback.format_exc())
            b(logging.INFO, "auto_sync.py", 250, "<module>", f"No mail until {5} errors")
            b(logging.ERROR, "auto_sync.py", 252, "<module>", f"Failed {1} times, " + f"waiting {60} seconds for retry.")
            b(logging.INFO, "lib/bunq.py", 117, "get_session_token", "Requesting session token...")
            populate()
    return {"name": "bunq2ynab-pytr", "programs": [b2y, pt], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A small trading desk's ECS Anywhere host (one stream for the host): IBeam
# starts the Client Portal Gateway and keeps its session authenticated for
# the desk's tools; a PyAlgoTrade bot trades BTC on Bitstamp from the live
# trade feed with the desk's account.

SESSION = "3f9e1c2d4b6a8e0f1a2b3c4d5e6f7a8b"


def status_text(parsed, running=True, session=True, connected=True, authenticated=True, competing=False,
                session_id=SESSION, server_name="JifN19053", server_version="Build 10.28.0b, Apr 29, 2024 4:36:37 PM",
                expires=None):
    """IBeam's Status.__str__: the parsed status, then the repr of its
    attributes but the response."""
    d = {"running": running, "session": session, "connected": connected, "authenticated": authenticated,
         "competing": competing, "collision": False, "session_id": session_id, "server_name": server_name,
         "server_version": server_version, "expires": expires}
    return f'{parsed} Status({", ".join([f"{k}={repr(v)}" for k, v in d.items()])})'


GATEWAY_BANNER = [
    "running  ",
    " runtime path : root:conf.yaml",
    " config file  : conf.yaml",
    "-> mount demo on /demo",
    "Java Version: 11.0.23",
    "****************************************************",
    "version: 3e3bc4d2e8c3a6b1cd2ea2d9ff8c6ef1f7d8dc3f Tue, 23 Apr 2024 11:36:07 -0400",
    "****************************************************",
    "This is an IBKR API Gateway that runs locally",
    "Open https://localhost:5000 to login",
    "App demo is available after you login under: https://localhost:5000/demo#/",
]


def stream_ibeam_pyalgotrade():
    stream = []
    ib = Program("ibeam", "ibeam", logging.Formatter(IBEAM), stream)
    pa = Program("pyalgotrade", "root", PyAlgoTradeFormatter(PYALGOTRADE), stream, truth=PyAlgoTradeJsonFormatter)
    starter = lg(ib, "ibeam")
    client = lg(ib, "ibeam.gateway_client")
    strat_h = lg(ib, "ibeam.strategy_handler")
    login = lg(ib, "ibeam.login_handler")
    proc = lg(ib, "ibeam.process_handler")
    http = lg(ib, "ibeam.http_handler")
    health = lg(ib, "ibeam.health_server")
    inputs = lg(ib, "ibeam.inputs_handler")
    bitstamp = lg(pa, "bitstamp")
    strategy = lg(pa, "strategy")

    printed(stream, "+ /srv/ibeam/run.sh")
    starter.info("############ Starting IBeam version 0.5.12 ############")
    inputs.info("Custom conf.yaml found and will be used by the Gateway")
    starter.info("Secrets source: env")
    health.info("Health server started at port=5001")
    starter.info("Configuration:\n" + str({
        "INPUTS_DIR": "/srv/inputs/", "OUTPUTS_DIR": "/srv/outputs/", "GATEWAY_DIR": "/srv/clientportal.gw",
        "CHROME_DRIVER_PATH": "/usr/bin/chromedriver", "GATEWAY_STARTUP": 20, "GATEWAY_PROCESS_MATCH":
        "ibgroup.web.core.clientportal.gw.GatewayStart", "MAINTENANCE_INTERVAL": 60, "SPAWN_NEW_PROCESSES": False,
        "LOG_LEVEL": "INFO", "LOG_TO_FILE": True, "LOG_FORMAT": IBEAM, "REQUEST_RETRIES": 2, "REQUEST_TIMEOUT": 15,
        "RESTART_FAILED_SESSIONS": True, "RESTART_WAIT": 15, "REAUTHENTICATE_WAIT": 15,
        "GATEWAY_BASE_URL": "https://localhost:5000", "AUTHENTICATION_STRATEGY": "B", "TWO_FA_HANDLER": None,
        "USE_PAPER_ACCOUNT": False, "MAX_FAILED_AUTH": 5}))
    proc.info("Gateway not found, starting new one...")
    proc.info('Note that the Gateway log below may display "Open https://localhost:[PORT] to login" - ignore this '
              "command.")
    for line in GATEWAY_BANNER[:2]:
        printed(stream, line)
    proc.info("Gateway started with pids: [23]")
    for line in GATEWAY_BANNER[2:]:
        printed(stream, line)
    for s in (19, 18, 17):
        proc.info(f"Cannot ping Gateway. Retrying for another {s} seconds")
    proc.info("Gateway connection established")
    strat_h.info(status_text("NO SESSION", session=False, connected=False, authenticated=False, session_id=None,
                             server_name=None, server_version=None))
    strat_h.info('Authentication strategy: "B"')
    strat_h.info("No active sessions, logging in...")
    login.info("Loading auth webpage at https://localhost:5000/sso/Login?forwardTo=22&RL=1&ip2loc=on")
    login.info("Gateway auth webpage loaded")
    login.info("Login attempt number 1")
    login.info("Submitting the form")
    login.info('Webpage displayed "Client login succeeds"')
    strat_h.info("Logging in succeeded")
    strat_h.info(status_text("AUTHENTICATED"))
    starter.info(f"Gateway running and authenticated, session id: {SESSION}, server name: JifN19053")
    client.info("Starting maintenance with interval 60 seconds")

    # The bot's first start: Bitstamp's websocket refuses, the task restarts it.
    printed(stream, "+ python -u /app/btc_sma_bot.py --instrument BTC --cash-limit 25000")
    bitstamp.info("Retrieving account balance.")
    bitstamp.info("%s USD" % 24812.37)
    bitstamp.info("%s BTC" % 0.3514)
    bitstamp.info("Retrieving open orders.")
    bitstamp.info("%d open order/s found" % 1)
    bitstamp.info("Initializing trade monitor.")
    bitstamp.info("Last trade found: %d" % 332718844)
    bitstamp.info("Initializing websocket client.")

    def connect():
        def ws():
            raised("websocket._exceptions", "WebSocketBadStatusException",
                   "Handshake status 503 Service Unavailable -+-+- {'content-type': 'text/html'} -+-+- None")
        ws()
    try:
        connect()
    except Exception:
        bitstamp.exception("Failed to connect: %s")
    bitstamp.error("Initialization failed.")

    def run():
        def start():
            raise Exception("Initialization failed")
        start()
    uncaught(stream, run)
    printed(stream, "+ python -u /app/btc_sma_bot.py --instrument BTC --cash-limit 25000")
    bitstamp.info("Retrieving account balance.")
    bitstamp.info("%s USD" % 24812.37)
    bitstamp.info("%s BTC" % 0.3514)
    bitstamp.info("Retrieving open orders.")
    bitstamp.info("%d open order/s found" % 1)
    bitstamp.info("Initializing trade monitor.")
    bitstamp.info("Last trade found: %d" % 332718844)
    bitstamp.info("Initializing websocket client.")
    bitstamp.info("Connection established.")
    bitstamp.info("Subscribing to channels %s." % ["live_trades", "order_book"])
    bitstamp.info("Initialization ok.")

    bid, ask = 62810.0, 62815.0
    for n in range(44):
        if n % 6 == 0:
            client.info("Maintenance")
            if n == 18:
                http.error('IBKR server error: "HTTP Error 500: Internal Server Error". One of reasons for this '
                           "error is IBKR server restart.")
                http.info("Attempt number 2")
                strat_h.info(status_text("NOT AUTHENTICATED", authenticated=False))
                strat_h.info('Authentication strategy: "B"')
                strat_h.info("Active session found but not authenticated, reauthenticating...")
                strat_h.info(status_text("AUTHENTICATED"))
                client.info(f"Gateway running and authenticated, session id: {SESSION}, server name: JifN19053")
            elif n == 30:
                client.info(f"Gateway running and authenticated, session id: {SESSION}, server name: JifN19053")
                client.warning("Validation result is False when IBeam attempted to extend the SSO token. This could "
                               "indicate token authentication issues.")
            else:
                client.info(f"Gateway running and authenticated, session id: {SESSION}, server name: JifN19053")
        # The bot: trades and order book updates.
        step = ((n * 37) % 11 - 5) * 1.5
        if n % 3 != 2:
            bid, ask = round(bid + step, 1), round(bid + step + 4.5 + n % 3, 1)
            strategy.info("Order book updated. Best bid: %s. Best ask: %s" % (bid, ask))
        strategy.info("Price: %s. Volume: %s." % (round(bid + 2.0, 1), [0.0143, 0.2, 0.00531, 1.25, 0.0081][n % 5]))
        if n == 9:
            strategy.info("Entry signal. Buy at %s" % ask)
            bitstamp.info("%d new trade/s found" % 1)
            strategy.info("Position opened at %s" % ask)
        if n == 14:
            bitstamp.warning("Disconnection detected.")
            bitstamp.info("Closed. Code: %s. Reason: %s." % (1006, ""))
            bitstamp.info("Reconnecting")
            bitstamp.info("Initializing websocket client.")
            bitstamp.info("Connection established.")
            bitstamp.info("Subscribing to channels %s." % ["live_trades", "order_book"])
            bitstamp.info("Initialization ok.")
        if n == 27:
            strategy.info("Exit signal. Sell at %s" % bid)
            bitstamp.info("Trade %d refered to order %d that is not active" % (332719310, 1742200581))
            bitstamp.info("%d new trade/s found" % 1)
            strategy.info("Position closed at %s" % bid)
        if n == 35:
            bitstamp.error("Error: %s" % {"event": "bts:error", "channel": "", "data": {"code": None, "message":
                                                                                    "Bad subscription string."}})
            bitstamp.warning("Unknown event: %s" % {"event": "bts:request_reconnect", "channel": "", "data": ""})
    return {"name": "ibeam-pyalgotrade", "programs": [ib, pa], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A back-office tools host (one stream for the host's containers):
# factur-x's webservice turns the invoicing system's PDFs into Factur-X
# invoices; ghostfolio-sync runs twice a day as a scheduled task (CRON
# unset: one run per start) and imports the IBKR Flex trades into
# Ghostfolio.

INVOICES = ["FA-2024-0511", "FA-2024-0512", "FA-2024-0513", "AV-2024-0044", "FA-2024-0514", "FA-2024-0515"]
GHOST = "https://ghostfolio.backoffice.internal"
ACCOUNT_ID = "7c1f3a52-9d3e-4b8a-a8f4-6b2c0e9d1f27"
TRADES = [("US0378331005", "2024-05-08T15:31:07", "BUY", 25.0, 182.4, 1.0, 501233871),
          ("IE00B4L5Y983", "2024-05-09T09:12:44", "BUY", 140.0, 91.12, 2.15, 501301022),
          ("US5949181045", "2024-05-09T16:02:19", "SELL", 10.0, 414.9, 1.0, 501333410),
          ("DE0007236101", "2024-05-10T10:45:03", "BUY", 30.0, 176.54, 3.0, 501380559)]


def stream_facturx_ghostfolio():
    stream = []
    fx = Program("factur-x", "factur-x", logging.Formatter(FACTURX), stream)
    fl = Program("flask", "facturx.scripts.webservice", flask.logging.default_handler.formatter, stream)
    wz = Program("werkzeug", "werkzeug", logging.Formatter(), stream)
    gs = Program("ghostfolio-sync", "__main__", logging.Formatter(GHOSTFOLIO_SYNC), stream)
    fxl = lg(fx, "factur-x")
    app = lg(fl, "facturx.scripts.webservice")
    wzl = lg(wz, "werkzeug")
    main = lg(gs, "__main__")
    sync = lg(gs, "SyncIBKR")

    def echo(line):
        printed(stream, "[%s] %s" % (now("%Y-%m-%d %H:%M:%S"), line))

    printed(stream, "+ exec facturx-webservice -s 0.0.0.0 -p 5000")
    fxl.info("webservice version %s using factur-x lib version %s", "0.2", "6.6")
    printed(stream, " * Serving Flask app 'facturx.scripts.webservice'")
    printed(stream, " * Debug mode: off")
    wzl.info(ansi("WARNING: This is a development server. Do not use it in a production deployment. Use a production "
                  "WSGI server instead.", "bold", "red") + "\n * Running on all addresses (0.0.0.0)\n * Running on "
             "http://127.0.0.1:5000\n * Running on http://10.0.21.14:5000")
    wzl.info(ansi("Press CTRL+C to quit", "yellow"))

    seq = [1]

    def generate(number, level="en16931", fail=None):
        fxl.info("Flavor is %s (autodetected)", "factur-x")
        fxl.info("Level is %s (autodetected)", level)
        if fail == "xsd":
            err = ("Element '{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}"
                   "DateTimeString': [facet 'enumeration'] The value '2' is not an element of the set {'102'}., "
                   "line 24")
            fxl.error("The XML file is invalid against the XML Schema Definition")
            fxl.error("XSD Error: %s", err)

            def view():
                def gen():
                    def check():
                        try:
                            raised("lxml.etree", "DocumentInvalid", err)
                        except Exception as e:
                            raise Exception(
                                "The Factur-x XML file is not valid against the official XML Schema Definition. Here "
                                f"is the error, which may give you an idea on the cause of the problem: {e}.") from e
                    check()
                gen()
            try:
                view()
            except Exception:
                at(app, logging.ERROR, FLASK_APP, 875, "log_exception", "Exception on /generate_facturx [POST]",
                   exc=True)
            request_line(wzl, "10.0.21.30", "POST", "/generate_facturx", 500, "265")
            return
        fxl.info("%s XML file successfully validated against XSD in %s sec", "factur-x", round(0.041 + (seq[0] * 7919 % 9973) / 1000000, 6))
        if fail == "attach":
            fxl.warning("You cannot provide as attachment a file named %s. This file will NOT be attached.",
                        "factur-x.xml")
        if number.startswith("AV"):
            fxl.warning("afrelationship switched from '%s' to 'data' because it must be 'data' for Factur-X profile "
                        "'%s'.", "alternative", "basicwl")
        fxl.info("%s file added to PDF document", "factur-x.xml")
        fxl.info("%s PDF generated in %s sec", "factur-x", round(0.183 + (seq[0] * 6151 % 38911) / 1000000, 6))
        request_line(wzl, "10.0.21.30", "POST", "/generate_facturx", 200, str(48213 + seq[0] * 1733 % 20011))
        seq[0] += 1

    for i, number in enumerate(INVOICES * 4):
        fail = "xsd" if i == 9 else ("attach" if i == 15 else None)
        generate(number, level="basicwl" if number.startswith("AV") else "en16931", fail=fail)
        if i % 5 == 2:
            request_line(wzl, "10.0.21.5", "GET", "/", 404, "207")
        if i == 6:
            # The morning ghostfolio-sync run.
            echo("Starting ghostfolio-sync Docker...")
            echo("Crontab Not Present running one time now")
            sync.info("No bearer token provided, fetching one")
            sync.info("Bearer token fetched")
            main.info("Starting sync for account %s: %s", 0, "U7781234")
            sync.info("Fetching Query")
            sync.info("Finding all accounts")
            accounts = [{"balance": 1822.4, "comment": None, "currency": "EUR", "id": "0a6b8e21-3c4d-4e5f-9a1b-"
                         "2c3d4e5f6a7b", "isDefault": True, "isExcluded": False, "name": "Treasury EUR",
                         "platformId": None},
                        {"balance": 48210.77, "comment": None, "currency": "USD", "id": ACCOUNT_ID, "isDefault": False,
                         "isExcluded": False, "name": "Interactive Brokers", "platformId": "9a8b2c1d-ibkr"}]
            sync.info("Accounts: %s", json.dumps(accounts, indent=4))
            sync.info("IBKR account: %s", ACCOUNT_ID)
            sync.info("Getting cash amount")
            sync.info("Base currency: %s", "USD")
            sync.info("Cash amount: %s", 47125.03)
            amount = {"balance": 47125.03, "id": ACCOUNT_ID, "currency": "USD", "isExcluded": False,
                      "name": "Interactive Brokers", "platformId": "9a8b2c1d-ibkr"}
            sync.info("Updating Cash for account " + ACCOUNT_ID + ": " + json.dumps(amount))
            sync.info(f"Updated Cash for account {ACCOUNT_ID}")
            for isin, *_ in TRADES:
                if isin == "IE00B4L5Y983":
                    sync.info("Transformed symbol %s into %s", isin, "IWDA.AS")
                else:
                    sync.info("Symbol %s not found in mapping.", isin)
            sync.warning("Could not find nested symbol type %s for activity %s: %s", "figi",
                         "e41c9a07-5b1f-4c6e-8d2a-0f3b7a9c1d44", {"currency": "USD", "dataSource": "YAHOO",
                                                                   "name": "Apple Inc.", "symbol": "AAPL"})
            acts = [{"accountId": ACCOUNT_ID, "comment": f"tradeID={tid}", "currency": "USD" if isin.startswith("US")
                     else "EUR", "dataSource": "YAHOO", "date": date, "fee": fee, "quantity": qty,
                     "symbol": "IWDA.AS" if isin == "IE00B4L5Y983" else isin, "type": kind, "unitPrice": price}
                    for isin, date, kind, qty, price, fee, tid in TRADES]
            sync.info("Adding activities:\n%s", json.dumps(acts, indent=4))
            sync.info("Added activities. Response:\n%s", json.dumps({"activities": [
                {"id": "5d%02x1e7c-0b9a-4f3e-a1c2-7e8f9d0a%04d" % (k, k), "type": a["type"], "symbol": a["symbol"]}
                for k, a in enumerate(acts)]}, indent=4))
            main.info("End sync")
        if i == 19:
            # The evening run: Ghostfolio's proxy answers 502.
            echo("Starting ghostfolio-sync Docker...")
            echo("Crontab Not Present running one time now")
            sync.info("No bearer token provided, fetching one")
            sync.info("Bearer token fetched")
            main.info("Starting sync for account %s: %s", 0, "U7781234")
            sync.info("Fetching Query")
            sync.info("Finding all accounts")

            def script():
                def sync_ibkr():
                    def get_id():
                        def get_all():
                            raise Exception("<Response [502]>")
                        get_all()
                    get_id()
                sync_ibkr()
            uncaught(stream, script)
    return {"name": "facturx-ghostfolio", "programs": [fx, fl, gs, wz], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_bunq2ynab_pytr(), stream_ibeam_pyalgotrade(), stream_facturx_ghostfolio()])


if __name__ == "__main__":
    main()
