"""The 57-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout56.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in finance, accounting and back-office automation (a
bookkeeper's nightly ECS task, where jbms' finance-dl fetches OFX
statements and PayPal's transaction history and ofxstatement converts a
bank's CSV export to OFX for the ledger; a household-office sync job,
where dkb-robo fetches a DKB account's transactions and bank2ynab imports
them into YNAB; a finance team's tools host on EC2, where Koku's masu
worker ingests the AWS Cost and Usage Reports for chargeback beside a
cron'd ofxget fetching the company's bank statements), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout57

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 93b9e7e (session 27's rules in, none written
from this set), with nothing configured: 52.8% exact, 52.8% key fields
(asctime 100.0%, levelname 100.0%, name 100.0%, message 52.8%).

Formatters and filters: finance-dl, ofxstatement, dkb-robo and bank2ynab
use logging.basicConfig (logging.Formatter itself, on stderr), ofxget
logging.config.dictConfig of its DEFAULTLOGCONFIG (a "{"-style format on
stdout, logging.captureWarnings on, so a warnings.warn prints as a
"py.warnings" record), Koku dictConfig of its LOGGING with koku.log's
TaskFormatter, a subclass of Celery's ColorFormatter (reproduced below with
the installed Celery's class): it sets task_id, task_root_id and
task_parent_id on the record from the current Celery task ("None" outside
one), and Celery's ColorFormatter wraps the whole formatted text,
traceback included, in an ANSI colour for DEBUG, WARNING, ERROR and
CRITICAL (use_color is on: dictConfig does not pass it). No filter.
finance-dl prints "file:line" (its records are made at the lines read);
ofxstatement and bank2ynab print "LEVEL: " and the message, and
bank2ynab's messages begin with "\\n" or "\\t" (so "INFO: " stands alone on
a line before "Parsing input file: ..."), its DEBUG lines are not shown
(root at INFO); bank2ynab's __main__.py calls basicConfig with a broken
"%(levelname): %(message)", which does nothing, as ynab_api.py's
basicConfig, imported first, has given the root its handler. dkb-robo runs
with --debug, whose format is "%(module)s: %(message)s" (no time, no
level), and most of its DEBUG messages end with "\\n", so an empty line
follows them. ofxget runs with -v (INFO). 365 records in three streams
(40 of them print lines).

Print lines: the wrapper scripts' "+ ..." lines (sh -x), ofxget's OFX
response (print(response.decode()), a few SGML header lines and the body),
dkb-robo's "check your banking app ..." prompt (a print() in
authentication.py) and the CSV its transactions command writes, piped
through tee; Celery's worker banner lines for Koku, and a bare traceback
from finance-dl (an exception nothing caught ends the task).

The messages are modelled on the programs' source at the commits cited,
not copied line by line: finance-dl's ofx.py and paypal.py, ofxstatement's
tool.py, dkb-robo's authentication.py, dkb_robo.py and transaction.py,
bank2ynab's bank_handler.py, transactionfile_reader.py, dataframe_handler.py,
ynab_api.py and api_interface.py, ofxget.py and Client.py, and Koku's
masu/processor orchestrator.py, tasks.py and the AWS report downloader
(whose messages are api.common.log_json dicts: the record's msg is the
dict itself, which the text prints as its repr and python-json-logger
spreads into the document's keys, "message" and "tracing_id" among them).
The values (accounts, banks, dates, amounts, ids) are invented; finance-dl's
line numbers are the lines read; Celery's own records under "celery.*"
(which go through Koku's handler, the "celery" logger's) are modelled.

Left out: Silver (silverapp/silver 185d703 settings.py: its "verbose"
format "[%(asctime)s] %(levelname)s [%(name)s:%(lineno)s] %(message)s" is
defined but no handler uses it: Django's DEFAULT_LOGGING console prints the
message alone), lunchable (juftin/lunchable f079fa6 lunchable/_config/
logging_config.py: a RichHandler unless LOG_HANDLER=python, which its
compose file does not set; its plugins' messages live in other
repositories), aws-cost-exporter (named in `heldout12.py`), beancount-
import, ofxclient and ledger-autosync (logging.basicConfig's BASIC_FORMAT,
covered: jbms/beancount-import 0447ba9 webserver.py, captin411/ofxclient
4da2719 cli.py, egh/ledger-autosync 40bb43e cli.py), edgar-crawler (its
console handler is "%(message)s": nlpaueb/edgar-crawler 6aeed66
logger.py), mintapi, plaid-sync, fints2ledger, tap-xero and csv2ofx (no
logging format found in mintapi/mintapi 7aec3e8, mbafford/plaid-sync
286d4c2, MoritzR/fints2ledger 24e6d97, singer-io/tap-xero 992f6a2,
reubano/csv2ofx 675a441), and Fava, beancount, bean-price, invoice2data,
ihatemoney, Tryton, ERPNext and Frappe, InvenTree, Saleor, Odoo,
Paperless-ngx, Papermerge and the trading programs (in earlier sets or
their Left out lists).
"""

import contextlib
import logging
import os
import sys
import warnings

from celery.utils.log import ColorFormatter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# finance-dl (jbms/finance-dl, 3c4d1be), finance_dl/cli.py main()'s
# logging.basicConfig.
FINANCE_DL = "%(asctime)s %(filename)s:%(lineno)d [%(levelname)s] %(message)s"
# ofxstatement (kedder/ofxstatement, 0951290), src/ofxstatement/tool.py
# configure_logging's logging.basicConfig.
OFXSTATEMENT = "%(levelname)s: %(message)s"
# dkb-robo (grindsa/dkb-robo, 78e4ea4), dkb_robo/utilities.py
# logger_setup's logging.basicConfig with debug (its datefmt is unused).
DKB_ROBO = "%(module)s: %(message)s"
DKB_ROBO_DATEFMT = "%Y-%m-%d %H:%M:%S"
# bank2ynab (bank2ynab/bank2ynab, 3fbdbc5), bank2ynab/ynab_api.py's
# logging.basicConfig (imported before __main__.py's, which is a no-op).
BANK2YNAB = "%(levelname)s: %(message)s"
# ofxtools' ofxget (csingley/ofxtools, 1fd2fb1), ofxtools/config/
# __init__.py DEFAULTLOGCONFIG's "simple" formatter (the root's "console"
# handler on stdout), style "{".
OFXGET = "{name} [{levelname}] - {message}"
# Koku (project-koku/koku, 768be8253), koku/koku/settings.py
# SIMPLE_FORMATTING (DJANGO_LOG_FORMATTER's default "simple"), through
# koku/koku/log.py TaskFormatter.
KOKU = "[%(asctime)s] %(levelname)s %(task_root_id)s %(task_parent_id)s %(task_id)s %(process)d %(message)s"

SITE = "/usr/local/lib/python3.12/site-packages/"


class Request:
    def __init__(self, id, root_id, parent_id):
        self.id, self.root_id, self.parent_id = id, root_id, parent_id


class Task:
    def __init__(self, name, request):
        self.name, self.request = name, request


CURRENT = [None]  # celery._state.get_current_task(), as the worker sets it


@contextlib.contextmanager
def task(name, id, root_id, parent_id=None):
    CURRENT[0] = Task(name, Request(id, root_id, parent_id))
    try:
        yield
    finally:
        CURRENT[0] = None


class TaskFormatter(ColorFormatter):
    """koku/log.py's TaskFormatter, as written there."""

    def format(self, record):
        task = CURRENT[0]
        if task and task.request:
            record.__dict__.update(task_id=task.request.id, task_name=task.name, task_root_id=task.request.root_id,
                                   task_parent_id=task.request.parent_id)
        else:
            record.__dict__.setdefault("task_name", "None")
            record.__dict__.setdefault("task_id", "None")
            record.__dict__.setdefault("task_root_id", "None")
            record.__dict__.setdefault("task_parent_id", "None")
        return ColorFormatter.format(self, record)


def log_json(tracing_id="", *, msg, context=None, **kwargs):
    """koku/api/common/__init__.py's log_json."""
    stmt = {"message": msg, "tracing_id": tracing_id}
    if context:
        stmt |= context
    stmt |= kwargs
    return stmt


# --------------------------------------------------------------------------
# A bookkeeper's nightly ECS task (one log stream): finance-dl fetches the
# OFX statements of three accounts and PayPal's history, then ofxstatement
# converts a bank's CSV exports (a bank without OFX) for the ledger.

ACCOUNTS = [("4147202155550123", "2024-04-12"), ("0000983311", "2024-04-30"), ("6011000990139424", "2024-05-02")]
PAYPAL = ["8XK52318DD9940412", "1AB23456CD789012E", "5MN67890PQ123456R", "7ST01234UV567890W", "9XY23456ZA789012B"]
CSVS = ["/data/inbox/lhv-2024-05-10.csv", "/data/inbox/lhv-2024-05-11.csv", "/data/inbox/swedbank-2024-05.csv",
        "/data/inbox/revolut-business-2024-05.csv"]


def stream_finance_dl_ofxstatement():
    stream = []
    fd = Program("finance-dl", "ofx", logging.Formatter(FINANCE_DL), stream)
    os_ = Program("ofxstatement", "ofxstatement.tool", logging.Formatter(OFXSTATEMENT), stream)
    ofx = lg(fd, "ofx")
    pp = lg(fd, "paypal")
    root = lg(fd, "root")
    tool = lg(os_, "ofxstatement.tool")
    ui = lg(os_, "ofxstatement.ui")
    OFXPY, PPPY = SITE + "finance_dl/ofx.py", SITE + "finance_dl/paypal.py"

    printed(stream, "+ python -m finance_dl.cli --config-module ledger_config --config ofx_chase")
    for day in range(3):
        for number, start in ACCOUNTS:
            at(ofx, logging.INFO, OFXPY, 193, "download_account_data_starting_from",
               "Trying to retrieve data for %s starting at %s.", number, start)
            if number.startswith("6011"):
                at(ofx, logging.DEBUG, OFXPY, 200, "download_account_data_starting_from",
                   "Discover hack: waiting between requests {:1f}".format(1.8 + day))
            if (len(number) + day) % 5 == 2:
                at(ofx, logging.INFO, OFXPY, 217, "get_ofx_date_range", "Messages: %r",
                   ["Requested date range is outside the available history."])
                at(ofx, logging.INFO, OFXPY, 235, "get_earliest_data",
                   "Binary searching to find earliest data available for account %s.", number)
                for probe in range(3):
                    at(ofx, logging.INFO, OFXPY, 193, "download_account_data_starting_from",
                       "Trying to retrieve data for %s starting at %s.", number, "2024-0%d-%02d" % (4 + probe // 2,
                                                                                                   16 - 5 * probe))
            at(ofx, logging.INFO, OFXPY, 322, "save_data", "Received data %s -- %s", "2024-04-12 00:00:00",
               "2024-05-%02d 00:00:00" % (9 + day))
            if day == 1 and number.startswith("0000"):
                at(ofx, logging.WARNING, OFXPY, 354, "retrieve_more", "Failed to retrieve newer data for account %s",
                   number)
        if day == 0:
            at(ofx, logging.WARNING, OFXPY, 395, "save_all_account_data",
               "Account number is invalid path component: %s; using blank" % "")
    printed(stream, "+ python -m finance_dl.cli --config-module ledger_config --config paypal")
    at(pp, logging.INFO, PPPY, 158, "login", "Finding username field")
    at(pp, logging.INFO, PPPY, 161, "login", "Entering username")
    at(pp, logging.INFO, PPPY, 166, "login", "Finding password field")
    at(pp, logging.INFO, PPPY, 169, "login", "Entering password")
    at(pp, logging.INFO, PPPY, 173, "login", "Logged in")
    # paypal.py's later messages go through the root logger (logging.info).
    at(root, logging.INFO, PPPY, 188, "get_csrf_token", "Getting CSRF token")
    at(root, logging.INFO, PPPY, 195, "get_csrf_token", "CSRF token retrieved")
    at(root, logging.INFO, PPPY, 202, "get_transaction_list", "Getting transaction list")
    at(root, logging.INFO, PPPY, 217, "get_transaction_list", "Got %d transactions", 37)
    for i, tid in enumerate(PAYPAL * 3):
        url = "https://www.paypal.com/myaccount/activities/details/inline/%s" % tid
        at(root, logging.INFO, PPPY, 252, "save_transactions", "Retrieving JSON %s", url)
        if i % 4 == 1:
            at(root, logging.INFO, PPPY, 227, "save_transactions", "Retrieving PDF %s",
               "https://www.paypal.com/invoice/payerView/detailsInternal/INV2-%s" % tid[:12])
        details = "https://www.paypal.com/myaccount/transactions/details/%s" % tid
        at(root, logging.INFO, PPPY, 261, "save_transactions", "Retrieving HTML %s", details)
        if i == 6:
            at(root, logging.WARNING, PPPY, 270, "save_transactions",
               "Retrieving HTML %s failed due to %s but JSON is already present. Continuing...", details,
               "Message: timeout: Timed out receiving message from renderer: 30.000")
    # The session expires: nothing catches it, the task's last lines.
    def main():
        def get_transaction_list():
            raised("selenium.common.exceptions", "TimeoutException", "Message: \nStacktrace:\n#0 0x55d0c6b7f2a3 "
                   "<unknown>\n#1 0x55d0c6b3e1b9 <unknown>")
        get_transaction_list()
    uncaught(stream, main)
    printed(stream, "+ ofxstatement convert -t lhv /data/inbox/lhv-2024-05-10.csv /data/ofx/lhv-2024-05-10.ofx")
    for rnd in range(5):
        for i, path in enumerate(CSVS):
            kind = path.split("/")[-1].split("-")[0]
            if rnd == 1 and kind == "swedbank":
                tool.error("No section '%s' in config file." % kind)
                tool.error("Edit configuration using ofxstatement edit-config and add section [%s]." % kind)
                continue
            if rnd == 2 and kind == "revolut":
                tool.error("No plugin named '%s' is found" % "revolut-business")
                continue
            if rnd == 3 and i == 1:
                tool.error("Parse error on line %s: %s" % (17, "Unexpected amount '1 204,50'"))
                continue
            if rnd == 4 and i == 0:
                tool.error("Statement validation error: %s" % "Balance mismatch: start 1204.50 + 312.40 != end "
                           "1519.90")
                continue
            if kind == "revolut":
                ui.info("Skipping duplicate line: %s" % "TRANSFER from Acme OÜ 2024-05-%02d" % (3 + rnd))
            n = 12 + 7 * i + rnd
            tool.info("Conversion completed: (%d line%s, %d invest-line%s) %s" % (n, "s", 0, "s", path))
    printed(stream, "+ ledger -f /data/ledger/main.ledger bal Assets:Bank")
    return {"name": "finance-dl-ofxstatement", "programs": [fd, os_], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A household office's sync job (one container, one stream): dkb-robo
# fetches a DKB current account's and credit card's transactions (--debug,
# its CSV piped through tee to bank2ynab's inbox), then bank2ynab imports
# them into YNAB.

DKB_FILES = ["10-05-2024_Umsatzliste_Girokonto_DE12120300000012345678.csv",
             "11-05-2024_Umsatzliste_Girokonto_DE12120300000012345678.csv",
             "11-05-2024_Umsatzliste_Visa_DE12120300000087654321.csv"]


def stream_dkb_robo_bank2ynab():
    stream = []
    dk = Program("dkb-robo", "dkb_robo", logging.Formatter(DKB_ROBO, DKB_ROBO_DATEFMT), stream)
    by = Program("bank2ynab", "root", logging.Formatter(BANK2YNAB), stream)
    auth = lg(dk, "dkb_robo.authentication")
    robo = lg(dk, "dkb_robo")
    trans = lg(dk, "dkb_robo.transaction")
    port = lg(dk, "dkb_robo.portfolio")
    b = lg(by, "root", logging.INFO)
    AUTH, ROBO, TRANS, PORT = (SITE + "dkb_robo/%s.py" % m for m in ("authentication", "dkb_robo", "transaction",
                                                                      "portfolio"))

    def a(line, func, msg, *args, level=logging.DEBUG):
        at(auth, level, AUTH, line, func, msg, *args)

    for run in range(2):
        printed(stream, "+ dkb --debug -u anna.schmidt transactions --name Girokonto --date-from %s --format csv"
                % ("01.05.2024" if run == 0 else "10.05.2024"))
        a(375, "login", "Authentication.login()\n")
        a(338, "_token_get", "Authentication._token_get()\n")
        a(354, "_token_get", "Authentication._token_get() ended\n")
        a(171, "_mfa_get", "Authentication._mfa_get()\n")
        a(189, "_mfa_get", "Authentication._mfa_get() ended\n")
        a(256, "_mfa_sort", "Authentication._mfa_sort()")
        a(215, "_mfa_select", "Authentication._mfa_select()")
        if run == 1:
            a(220, "_mfa_select", "User submitted mfa_device number is invalid. Ingoring...", level=logging.WARNING)
        a(251, "_mfa_select", "Authentication._mfa_select() ended with: %s", 0)
        a(67, "_mfa_challenge", "Authentication._mfa_challenge(): login with device_num: %s\n", 0)
        a(76, "_mfa_challenge", "api.Wrapper._mfa_challenge(): devicename: %s\n", "iPhone von Anna")
        a(119, "_mfa_challenge", "Authentication._mfa_challenge() ended\n")
        a(124, "_mfa_challenge_id", "api.Wrapper._mfa_challenge_id()\n")
        a(144, "_mfa_challenge_id", "api.Wrapper._mfa_challenge_id() ended with: %s\n",
          "b4e1c2d7-%04x-4c1e-9a57-2f0d9e1b6a3c" % (0x1a2b + run))
        a(502, "finalize", "APPAuthentication.finalize()\n")
        a(492, "_print", "api.Wrapper._print()\n")
        printed(stream, 'check your banking app on "iPhone von Anna" and confirm login...')
        for poll in range(3 + run):
            a(449, "_check", "APPAuthentication._check()\n")
            if poll < 2 + run:
                a(469, "_check", "Status: %s. Waiting for confirmation", "processing", level=logging.INFO)
            a(487, "_check", "APPAuthentication._check() ended with: %s\n", poll == 2 + run)
        a(531, "finalize", "APPAuthentication.finalize(): %s\n", True)
        a(311, "_sso_redirect", "Authentication._sso_redirect()\n")
        a(334, "_sso_redirect", "Authentication._sso_redirect() ended.\n")
        a(274, "_session_new", "Authentication._session_new()\n")
        a(306, "_session_new", "Authentication._session_new() ended\n")
        at(port, logging.DEBUG, PORT, 139, "_fetch", "Overview._fetch()\n")
        at(port, logging.DEBUG, PORT, 240, "get", "Overview.get() ended\n")
        a(433, "login", "Authentication.login() ended\n")
        at(robo, logging.DEBUG, ROBO, 94, "_accounts_by_id", "DKBRobo._accounts_by_id()\n")
        url = "https://banking.dkb.de/api/accounts/accounts/%s/transactions" % "c9e3f1a2-77b4-4d0e-8a1f-3b5c6d7e8f90"
        at(trans, logging.DEBUG, TRANS, 60, "fetch", "Transactions.fetch(%s)\n", url)
        if run == 1:
            at(trans, logging.ERROR, TRANS, 79, "fetch", "fetch transactions: http status code is not 200 but %s",
               504)
        at(trans, logging.DEBUG, TRANS, 85, "fetch", "Transactions.fetch() ended with %s entries\n", 11 - run)
        at(trans, logging.DEBUG, TRANS, 39, "_correlate", "Transactions._correlate()\n")
        at(trans, logging.DEBUG, TRANS, 98, "_filter", "Transactions._filter()\n")
        at(trans, logging.DEBUG, TRANS, 152, "_filter", "Transactions._filter() ended with %s entries\n", 9 - run)
        printed(stream, "amount,currencycode,date,description,peer,peeraccount,peerbic,peerid,postingdate,"
                "reasonforpayment,status,transactiondate")
        for i in range(6 - run):
            printed(stream, "-%d.%02d,EUR,2024-05-%02d,,%s,DE%020d,%s,,2024-05-%02d,%s,booked,2024-05-%02d" % (
                12 + 17 * i, (31 * i) % 100, 2 + i, ("REWE Markt GmbH", "Stadtwerke Muenchen", "Amazon EU S.a.r.L.",
                                                    "Deutsche Bahn AG", "Vodafone GmbH", "Netflix")[i], 4711 + i,
                ("COBADEFFXXX", "BYLADEMMXXX", "DEUTDEFFXXX")[i % 3], 2 + i,
                ("Lastschrift", "Abschlag Strom", "Bestellung 302-118", "Fahrkarte", "Rechnung 05/24", "Abo")[i],
                2 + i))
        a(438, "logout", "Authentication.logout()\n")

    printed(stream, "+ python /opt/bank2ynab/bank2ynab")
    for i, name in enumerate(DKB_FILES):
        section = "DE Deutsche Kreditbank credit card" if "Visa" in name else "DE Deutsche Kreditbank checking new"
        src = "/data/downloads/" + name
        b.info(f"\nParsing input file: {src} ({section})")
        b.info(f"\tOpening file using encoding {'ISO-8859-1' if i else 'utf-8'} (confidence {0.73 if i else 0.99})")
        if i == 2:
            b.info("No output data from this file for this bank. (Usecols do not match columns, columns expected but "
                   "not found: [10, 11])")
            continue
        b.info(f"Parsed {9 + 4 * i} lines")
        b.info(f"Writing output file: /data/downloads/fixed_{name}")
        b.info(f"Removing input file: {src}")
    b.info("\nFile processing complete! 3 files processed.\n")
    b.info("Attempting to connect to YNAB API...")
    b.info("Obtaining budget and account data...")
    b.info("\tReading 'budgets' data from YNAB API...")
    for budget in ("Haushalt 2024", "Ferienwohnung"):
        b.info("\tReading 'accounts' data from YNAB API...")
    b.info("All budget and account data obtained.")
    b.info("Previously-saved account for DE Deutsche Kreditbank checking new found.")
    b.info("No user configuration for DE Deutsche Kreditbank credit card found.")
    b.info("Saving default YNAB account is disabled for DE Deutsche Kreditbank credit card - account match not "
           "saved.")
    b.info("Adding budget and account IDs to transactions...")
    for budget, ok, dup in (("Haushalt 2024", 11, 2), ("Ferienwohnung", 0, 0)):
        b.info("Uploading transactions to YNAB...")
        b.info("\tSending 'transactions' data to YNAB API...")
        if ok:
            b.info(f"Success: {ok} entries uploaded, {dup} entries skipped.")
        else:
            b.error("YNAB API Error: Error 429: too_many_requests - Too many requests")
    b.info("No transactions to upload for Ferienwohnung.")
    printed(stream, "+ exit 0")
    return {"name": "dkb-robo-bank2ynab", "programs": [dk, by], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A finance team's tools host on EC2 (Docker's awslogs driver, one stream):
# Koku's masu worker ingests the AWS Cost and Usage Reports for the
# team's chargeback, and a cron'd ofxget (-v) fetches the company's bank
# statements for the accountants.

SCHEMAS = [("org1234567", "1f0e3b2a-5c6d-4e7f-8a9b-0c1d2e3f4a5b", "aws-cur-prod"),
           ("org7654321", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "aws-cur-shared")]


def stream_koku_ofxget():
    stream = []
    kk = Program("koku", "masu", TaskFormatter(KOKU), stream)
    og = Program("ofxget", "ofxtools.scripts.ofxget", logging.Formatter(OFXGET, style="{"), stream)
    orch = lg(kk, "masu.processor.orchestrator")
    tasks = lg(kk, "masu.processor.tasks")
    dl = lg(kk, "masu.external.downloader.aws.aws_report_downloader")
    rp = lg(kk, "masu.processor.report_processor")
    strat = lg(kk, "celery.worker.strategy")
    trace = lg(kk, "celery.app.trace")
    cli = lg(og, "ofxtools.scripts.ofxget")
    client = lg(og, "ofxtools.Client")
    pyw = lg(og, "py.warnings")

    printed(stream, " -------------- celery@koku-worker-download-7f9c5 v5.4.0 (opalescent)")
    printed(stream, "[tasks]")
    printed(stream, "  . masu.processor.tasks.get_report_files")
    printed(stream, "  . masu.processor.tasks.summarize_reports")
    with pid(7):
        strat.info("Task masu.celery.tasks.check_report_updates[5d1c8e2a-0b7f-4a63-9e21-7c4d3b2a1f00] received")
    for cycle in range(4):
        root = "5d1c8e2a-0b7f-4a63-9e21-7c4d3b2a%04x" % cycle
        with pid(23), task("masu.celery.tasks.check_report_updates", root, root):
            for schema, provider, bucket in SCHEMAS:
                if cycle == 2 and schema == SCHEMAS[1][0]:
                    orch.info(log_json("get_polling_batch", msg="processing currently in progress for provider",
                                       schema=schema, provider_uuid=provider))
                    continue
                orch.info(log_json("start_manifest_processing", msg="creating manifest list", schema=schema))
                assembly = "%08x-1c2d-4e5f-8a9b-%012x" % (0xa1b2c3d4 + cycle, 0x3e4f5a6b7c8d + len(schema))
                files = ["%s-0000%d.csv.gz" % (bucket, n) for n in range(1, 3)]
                orch.info(log_json(assembly, msg=f"manifest {assembly} contains the files: {files}", schema=schema))
                orch.info(log_json(assembly, msg="queueing download", schema=schema))
                orch.info(log_json(assembly, msg="download queued", schema=schema))
        for schema, provider, bucket in SCHEMAS:
            tid = "%08x-7e6d-4c5b-9a8f-%012x" % (0x3c4d5e6f + cycle, 0x1029384756 + len(bucket))
            assembly = "%08x-1c2d-4e5f-8a9b-%012x" % (0xa1b2c3d4 + cycle, 0x3e4f5a6b7c8d + len(schema))
            with pid(7):
                strat.info(f"Task masu.processor.tasks.get_report_files[{tid}] received")
            ctx = {"schema": schema, "provider_uuid": provider, "provider_type": "AWS", "manifest_id": 812 + cycle}
            with pid(24), task("masu.processor.tasks.get_report_files", tid, root, root):
                dl.info(log_json(assembly, msg="downloading manifest", context=ctx, bucket=bucket,
                                 key=f"cur/{bucket}/20240501-20240601/{bucket}-Manifest.json"))
                if cycle == 1 and schema == SCHEMAS[1][0]:
                    msg = f"Unable to access S3 Bucket {bucket}: (AccessDenied)"
                    dl.info(log_json(assembly, msg=msg, context=ctx))
                    def download():
                        def download_file():
                            raised("masu.external.downloader.aws.aws_report_downloader",
                                   "AWSReportDownloaderNoFileError", msg)
                        download_file()
                    try:
                        download()
                    except Exception as err:
                        tasks.warning(log_json(assembly, msg=str(err), context=ctx), exc_info=err)
                    continue
                dl.info(log_json(assembly, msg="pandas read csv with following usecols", context=ctx,
                                 usecols=["identity/TimeInterval", "lineItem/UsageAccountId",
                                          "lineItem/UnblendedCost"]))
                tasks.info(log_json(assembly, msg="reports to be processed", context=ctx))
                rp.info(log_json(assembly, msg="processing report", context=ctx, split_files=2))
                if cycle == 3 and schema == SCHEMAS[0][0]:
                    rp.info(log_json(msg="report already processed", context=ctx))
            with pid(7):
                trace.info(f"Task masu.processor.tasks.get_report_files[{tid}] succeeded in {2.1 + cycle:.4f}s: None")
        sid = "6e7f8091-a2b3-4c5d-8e6f-%012x" % (0x778899 + cycle)
        with pid(23), task("masu.processor.tasks.summarize_reports", sid, root, root):
            tasks.info(log_json("summarize_reports", msg="deduplicating reports", schema_name=SCHEMAS[0][0]))
            tasks.info(log_json("summarize_reports", msg="deduplicated reports, num report: 2"))
            if cycle == 2:
                tasks.info(log_json(sid, msg="ocp on cloud infra map empty, skipping ocp cloud summary",
                                    context={"schema": SCHEMAS[0][0], "provider_type": "AWS"}))

        # ofxget's cron run between the worker's cycles.
        if cycle in (0, 2):
            bank = ("svb", "mercury")[cycle // 2]
            cli.info("Merging args")
            cli.info("Loading UserConfig")
            cli.info(f"Merged args: {{'server': '{bank}', 'user': 'acme-finance', 'checking': ['3301948826'], "
                     f"'savings': [], 'creditcard': [], 'start': '20240501', 'end': '20240511', 'verbose': 1}}")
            client.info("Requesting OFX profile to extract service URLs")
            client.info("Creating profile request")
            client.info("Using requests lib to post request")
            url = "https://ofx.%s.com/ofx/process.ofx" % bank
            client.info(f"Received service url={url} from OFX profile response")
            client.info("Creating statement requests for (StmtRq(acctid='3301948826', accttype='CHECKING', "
                        "dtstart=datetime.datetime(2024, 5, 1, 0, 0, tzinfo=<UTC>), dtend=datetime.datetime(2024, 5, "
                        "11, 0, 0, tzinfo=<UTC>), inctran=True),)")
            client.info("Using requests lib to post request")
            if cycle == 2:
                with warnings.catch_warnings():
                    warnings.simplefilter("always")
                    w = warnings.WarningMessage("No accounts specified; configure at least one of ['checking', "
                                                "'savings', 'moneymrkt', 'creditline', 'creditcard', 'investment']",
                                                SyntaxWarning, SITE + "ofxtools/scripts/ofxget.py", 720)
                    pyw.warning("%s", warnings.formatwarning(w.message, w.category, w.filename, w.lineno,
                                                             "    warnings.warn(msg, category=SyntaxWarning)"))
                cli.error("Didn't receive response: HTTP Error 503: Service Unavailable")
                continue
            for line in ("OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII",
                         "CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", ""):
                printed(stream, line)
            printed(stream, "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>"
                    "20240511144444.000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>"
                    "8f3b2c1d<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>121140399"
                    "<ACCTID>3301948826<ACCTTYPE>CHECKING</BANKACCTFROM></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>")
    printed(stream, "worker: Warm shutdown (MainProcess)")
    return {"name": "koku-ofxget", "programs": [kk, og], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_finance_dl_ofxstatement(), stream_dkb_robo_bank2ynab(), stream_koku_ofxget()])


if __name__ == "__main__":
    main()
