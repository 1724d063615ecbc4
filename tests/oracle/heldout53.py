"""The 53-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout52.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in e-commerce, ERP, finance and trading workers (a small
crypto desk's EC2 host, where a freqtrade bot trades beside a rotki
backend tracking the desk's portfolio; a shop's log group, where the
django-oscar sandbox takes orders and SatSale, its self-hosted Bitcoin
payment daemon, makes and watches their invoices; a merchant's container
host, where a Shuup shop runs beside BitcartCC's coin daemon), each format
copied from the file named beside it (the version read is given), with the
formatter class and the filter the program uses, and messages modelled on
the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout53

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 1b56e36 (session 26's first rule in, none
written from this set), with nothing configured: 76.0% exact, 76.0% key
fields (asctime 80.8%, levelname 91.4%, name 92.3%, message 76.0%).
Rules were written from it after that reading.

Formatters and filters: freqtrade, rotki, django-oscar's sandbox, SatSale
and Shuup use logging.Formatter itself (basicConfig's for freqtrade, whose
FTStdErrStreamHandler writes the formatted text and a line break to stderr,
and for SatSale; dictConfig's for rotki, the sandbox and Shuup), no filter
on the records shown. freqtrade's LOGFORMAT puts " - " between the time,
the logger's name, the level and the message. rotki's format brackets the
time, printed with "%d/%m/%Y %H:%M:%S %Z" ("11/05/2024 14:44:44 UTC", no
milliseconds), and has no separator after the name; its
RotkehlchenLogsAdapter (reproduced as `rotki`) starts every message with
the current thread's name and ": " (gevent's "DummyThread-N" for its
greenlets, pinned) and appends its keyword arguments as ",
key=value" pairs joined by commas; it runs with --logtarget stdout (the
default is a file) and its default --loglevel DEBUG. The oscar sandbox's
root handler prints "[time] message" only ("simple"); its django.request
logger has the same console handler and propagates to the root's, so a 500
prints twice. SatSale's basicConfig brackets the time ("%Y-%m-%d %H:%M:%S
%z", "+0000") and the level; its config's loglevel defaults to DEBUG and
every record is the root's. Shuup's workbench settings give the "shuup"
logger a handler with "(name:LEVEL): " after the bracketed time;
dictConfig's disable_existing_loggers (left at True) silences Django's
own loggers. Bitcart's daemons (DEBUG=true: without it logging is
disabled) use daemons/logger.py's UTCFormatter, reproduced here: it sets
`levellower` on the record (kept in the truth) and formats the time with
datetime's strftime, "%f" six digits and "%Z" "UTC"; the logger's name is
printed in brackets after the message, and its errors log
traceback.format_exc() as a message of its own (ending with a line
break, no exc_info) after a one-line "Error processing ...:" record.
397 records in three streams (118, 174 and 105; 95 of them print lines
or printed tracebacks, 70 of those the lines of SatSale's invoice dicts).

Print lines: Docker's and the entrypoints' lines, rotki's two print()s at
start-up (printed before the same text is logged), uWSGI's start-up and
request lines for the oscar sandbox, gunicorn's own lines for SatSale (its
error log has its own handler, so they are not SatSale's records), the
pprint() of every invoice SatSale creates (the dict on several lines; the
empty print() after it is dropped, as the awslogs driver drops empty
lines), the uncaught exception SatSale raises when bitcoind is still
unreachable after its attempts, and Django's runserver lines in the Shuup
container (stdout.write, no logger).

The messages are modelled on the programs' source, read at the commits
cited: freqtrade's (worker.py, freqtradebot.py, exchange/exchange.py,
configuration/configuration.py, configuration/load_config.py,
loggers/__init__.py), rotki's
(api/server.py, server.py, tasks/manager.py, premium/sync.py,
rotkehlchen.py), oscar's (checkout/views.py, checkout/mixins.py,
order/utils.py, analytics/receivers.py), SatSale's (satsale.py,
node/bitcoind.py, payments/price_feed.py, payments/database.py), Shuup's
(xtheme/middleware.py, importer/tasks.py, core/tasks.py,
front/basket/storage.py) and Bitcart's
(daemons/genericprocessor.py, daemons/utils.py) are their own message
texts; the values in them (pairs, prices, order numbers, invoices, hosts,
blocks, addresses), the exceptions' texts, the print lines and the order of
rotki's tasks are made up or modelled from memory.

Left out: Lumibot (its LumibotFormatter picks one of three formats by
level, "%(asctime)s | %(levelname)s | %(message)s" below WARNING and
"... | %(pathname)s:%(funcName)s:%(lineno)d | ..." from it, with the
path cut to its base name: read in Lumiwealth/lumibot 75ccb952
lumibot/tools/lumibot_logger.py; a truth per level is more than this pass
could build), pycryptobot (its console handler is "%(message)s" only, its
file handler's "%(asctime)s %(levelname)-8s %(message)s" writes a file:
whittlem/pycryptobot 1fa9aae models/helper/LogHelper.py), lndmanage (its
console handler is "%(message)s": bitromortac/lndmanage 1aa45a7
lndmanage/settings.py), Specter Desktop (its production format is Flask's
default, "[%(asctime)s] %(levelname)s in %(module)s: %(message)s", already
in `realworld.py`: cryptoadvance/specter-desktop 2a408837
src/cryptoadvance/specter/server.py), Bitcart's API (structlog's
ProcessorFormatter, api/logging.py), Jesse (only its MCP server calls
basicConfig: jesse-ai/jesse 682b1714 jesse/mcp/server.py), cryptostore (no
logging configuration found at bmoscon/cryptostore 8a4310d), LNbits and
Cashu's nutshell (loguru, not logging), and the programs of earlier sets
in these areas (Saleor, pretix, InvenTree, ERPNext and Frappe, Tryton,
Odoo, Hummingbot, OctoBot, Passivbot, cryptofeed, JoinMarket, zipline,
Qlib, Fava, ihatemoney, invoice2data).
"""

import datetime
import logging
import os
import pprint
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from pythonjsonlogger.json import JsonFormatter  # noqa: E402

# freqtrade (freqtrade/freqtrade, c9ae5e1e9), freqtrade/loggers/__init__.py
# LOGFORMAT, through setup_logging_pre()'s logging.basicConfig (handlers
# FTStdErrStreamHandler and the /log endpoint's buffer).
FREQTRADE = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# rotki (rotki/rotki, ef14aadd1f), rotkehlchen/logging.py
# configure_logging's "default" formatter (the "console" handler, with
# --logtarget stdout); messages through RotkehlchenLogsAdapter.process.
ROTKI = "[%(asctime)s] %(levelname)s %(name)s %(message)s"
ROTKI_DATEFMT = "%d/%m/%Y %H:%M:%S %Z"
# django-oscar (django-oscar/django-oscar, cdbfc4412), sandbox/settings.py
# LOGGING's "simple" formatter (the "console" handler of the root, of
# "django.request" and of "oscar.catalogue.import").
OSCAR = "[%(asctime)s] %(message)s"
# SatSale (SatSale/SatSale, 87cce11), satsale.py's logging.basicConfig
# (level from config.py's loglevel, "DEBUG" by default).
SATSALE = "[%(asctime)s] [%(levelname)s] %(message)s"
SATSALE_DATEFMT = "%Y-%m-%d %H:%M:%S %z"
# Shuup (shuup/shuup, 25f78cfe3), shuup_workbench/settings/base_settings.py
# LOGGING's "verbose" formatter (the "console" handler of the "shuup"
# logger, at DEBUG).
SHUUP = "[%(asctime)s] (%(name)s:%(levelname)s): %(message)s"
# Bitcart (bitcart/bitcart, 065c8421), daemons/logger.py
# configure_logging's log_format and date_format, through its UTCFormatter
# (the root's StreamHandler on stdout, with DEBUG=true).
BITCART = "%(asctime)s [%(levellower)s] %(message)s [%(name)s]"
BITCART_DATEFMT = "%Y-%m-%d %H:%M:%S.%f %Z"


class UTCTime:
    """Bitcart's UTCFormatter.formatTime (datetime.UTC is
    datetime.timezone.utc), mixed into its formatter and the truth's."""

    def formatTime(self, record, datefmt=None):
        dt = datetime.datetime.fromtimestamp(record.created, tz=datetime.timezone.utc)
        if datefmt:
            return dt.strftime(datefmt)
        return dt.isoformat()


class UTCFormatter(UTCTime, logging.Formatter):
    """daemons/logger.py's UTCFormatter, as written there."""

    def format(self, record):
        record.levellower = record.levelname.lower()
        return super().format(record)


class UTCJson(UTCTime, JsonFormatter):
    pass


def rotki(log, level, msg, *args, thread="MainThread", **kwargs):
    """RotkehlchenLogsAdapter.process: the thread's name before the message,
    the keyword arguments after it."""
    msg = thread + ": " + str(msg) + ",".join(f" {k}={v}" for k, v in kwargs.items())
    log.log(level, msg, *args)


# --------------------------------------------------------------------------
# A crypto desk's EC2 host (Docker's awslogs driver, one stream for the
# compose project): freqtrade trades a few spot pairs in dry-run, and the
# rotki backend (its web UI on the desk's VPN) tracks the desk's balances.

PAIRS = ["BTC/USDT", "ETH/USDT", "SOL/USDT", "LINK/USDT", "ARB/USDT", "AVAX/USDT"]


def stream_freqtrade_rotki():
    stream = []
    ft = Program("freqtrade", "freqtrade", logging.Formatter(FREQTRADE), stream)
    rk = Program("rotki", "rotkehlchen", logging.Formatter(ROTKI, ROTKI_DATEFMT), stream)
    main = lg(ft, "freqtrade")
    cfg = lg(ft, "freqtrade.configuration.configuration")
    loggers = lg(ft, "freqtrade.loggers")
    worker = lg(ft, "freqtrade.worker")
    bot = lg(ft, "freqtrade.freqtradebot")
    ex = lg(ft, "freqtrade.exchange.exchange")
    r_srv = lg(rk, "rotkehlchen.server")
    r_api = lg(rk, "rotkehlchen.api.server")
    r_main = lg(rk, "rotkehlchen.rotkehlchen")
    r_tasks = lg(rk, "rotkehlchen.tasks.manager")
    r_sync = lg(rk, "rotkehlchen.premium.sync")

    printed(stream, "freqtrade-1  | Attaching to freqtrade-1, rotki-1")
    main.info("freqtrade 2024.4")
    lg(ft, "freqtrade.configuration.load_config").info("Using config: user_data/config.json ...")
    loggers.info("Verbosity set to 0")
    cfg.info("Runmode set to dry_run.")
    cfg.info("Dry run is enabled")
    cfg.info('Using DB: "sqlite:///tradesv3.dryrun.sqlite"')
    cfg.info("Using max_open_trades: %s ...", 4)
    cfg.info("Using user-data directory: %s ...", "/freqtrade/user_data")
    cfg.info("Using data directory: %s ...", "/freqtrade/user_data/data/binance")
    cfg.info("Using exchange binance")
    ex.info("Instance is running with dry_run enabled")
    ex.info("Using CCXT 4.3.11")
    ex.info('Using Exchange "Binance"')
    ex.info("Markets were not loaded. Loading them now..")
    worker.info("Starting worker 2024.4")
    rotki(r_srv, logging.INFO, "sqlite version: %s", "3.45.3")
    rotki(r_srv, logging.INFO, "rotki-pysqlcipher version: %s", "0.2.1")
    rotki(r_srv, logging.INFO, "SQLCipher version: %s", "4.5.6 community")
    printed(stream, "rotki REST API server is running at: 0.0.0.0:4242 with loglevel DEBUG")
    rotki(r_api, logging.INFO, "Starting rotki %s", "1.34.3")
    rotki(r_api, logging.INFO, "rotki REST API server is running at: 0.0.0.0:4242 with loglevel DEBUG")
    worker.info("Changing state to: RUNNING")
    rotki(r_main, logging.INFO, "Unlocking user", thread="DummyThread-4", user="desk", create_new=False,
          sync_approval="unknown", sync_database=True, initial_settings=None, resume_from_backup=False)
    rotki(r_sync, logging.DEBUG, "can sync data from server -- start", thread="DummyThread-4")
    rotki(r_sync, logging.DEBUG, "sync from server stopped -- local is newer", thread="DummyThread-4")
    rotki(r_main, logging.DEBUG, "User unlocking complete", thread="DummyThread-4")
    for cycle in range(8):
        with pid(1):
            worker.debug("========================================")
            bot.info(f"Updating {cycle % 3} open orders.")
            if cycle % 3 == 0:
                worker.info("Bot heartbeat. PID=1, version='2024.4', state='RUNNING'")
            for i, pair in enumerate(PAIRS):
                if (i + cycle) % 5 == 2:
                    bot.info(f"Long signal found: about create a new trade for {pair} with stake_amount: "
                             f"{250.0 + 12.5 * i} ...")
                    bot.info(f"Order dry_run_buy_{pair}_{1715438684 + 300 * cycle}.{i} was created for {pair} "
                             f"and status is open.")
                elif (i + cycle) % 7 == 3:
                    bot.info(f"Pair {pair} is currently locked.")
            if cycle == 2:
                worker.warning("Error: Could not load markets due to NetworkError. Message: binance GET "
                               "https://api.binance.com/api/v3/exchangeInfo 504 Gateway Time-out, retrying in 30 "
                               "seconds...")
            if cycle == 4:
                ex.warning("Could not load markets. Reason: %s", "binance {\"code\":-1003,\"msg\":\"Too much request "
                           "weight used; current limit is 6000 request weight per 1 MINUTE.\"}")
            if cycle == 5:
                bot.warning("Unable to create trade for %s: %s", "ARB/USDT", "Available balance (91.32 USDT) is "
                            "lower than stake amount (250.0 USDT)")
            worker.debug(f"Throttling with 'process()': sleep for {4.1 + cycle % 3 * 0.3:.2f} s, last iteration "
                         f"took {0.9 - cycle % 3 * 0.2:.2f} s.")
        # rotki's periodic tasks, in their greenlets.
        greenlet = "DummyThread-%d" % (11 + cycle)
        task = ["Query ethereum transactions for 0x9531C059098e3d194fF87FebB587aB07B30B1306",
                "Query 3 ethereum transactions receipts",
                "Query optimism transactions for 0x9531C059098e3d194fF87FebB587aB07B30B1306"][cycle % 3]
        if cycle % 4 == 1:
            rotki(r_tasks, logging.DEBUG, "Scheduling task for Cryptocompare historical prices ETH / USD query",
                  thread=greenlet)
        else:
            rotki(r_tasks, logging.DEBUG, f"Scheduling task to {task}", thread=greenlet)
        if cycle % 2 == 0:
            rotki(r_tasks, logging.DEBUG, "Running the premium status check", thread=greenlet)
            rotki(r_tasks, logging.DEBUG, "Premium check successful. Sending activate message", thread=greenlet)
        if cycle == 3:
            rotki(r_main, logging.WARNING, "Price cache warm-up failed during balance query", thread=greenlet,
                  error="Coingecko API request failed due to 429 Too Many Requests")
            rotki(r_sync, logging.DEBUG, "Starting maybe_upload_data_to_server", thread=greenlet)
            rotki(r_sync, logging.DEBUG, "upload to server stopped -- same hash", thread=greenlet)
        if cycle == 6:
            rotki(r_main, logging.ERROR, "Querying blockchain balances failed due to: Failed to query eth "
                  "balances: Etherscan API request https://api.etherscan.io/api failed due to 429 Too Many Requests",
                  thread=greenlet)
            rotki(r_sync, logging.DEBUG, "upload to server -- success", thread=greenlet)
        rotki(r_main, logging.DEBUG, "query_balances data saved", thread=greenlet)
    # The exchange goes away for good: the worker stops the trader.
    with pid(1):
        def process():
            def refresh_latest_ohlcv():
                raised("freqtrade.exceptions", "OperationalException",
                       "Could not fetch historical candle (OHLCV) data for pair SOL/USDT due to "
                       "AuthenticationError. Message: binance {\"code\":-2015,\"msg\":\"Invalid API-key, IP, or "
                       "permissions for action.\"}")
            refresh_latest_ohlcv()
        try:
            process()
        except Exception:
            worker.exception("OperationalException. Stopping trader ...")
        worker.info("Changing state from RUNNING to: STOPPED")
    rotki(r_main, logging.INFO, "Logging out user", thread="DummyThread-31", user="desk")
    rotki(r_main, logging.INFO, "User successfully logged out", thread="DummyThread-31", user="desk")
    printed(stream, "freqtrade-1 exited with code 0")
    return {"name": "freqtrade-rotki", "programs": [ft, rk], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A shop's log group (ECS, one stream per task): the django-oscar sandbox
# under uWSGI takes the orders, and SatSale (under gunicorn) makes and
# watches the Bitcoin and Lightning invoices for them.

ORDERS = [(100231, 4512), (100232, 4519), (100233, 4527), (100234, 4530), (100235, 4544), (100236, 4551)]


def stream_oscar_satsale():
    stream = []
    osc = Program("django-oscar", "root", logging.Formatter(OSCAR), stream)
    ss = Program("satsale", "root", logging.Formatter(SATSALE, SATSALE_DATEFMT), stream)
    checkout = lg(osc, "oscar.checkout")
    analytics = lg(osc, "oscar.analytics")
    request = lg(osc, "django.request")
    root = lg(ss, "root")

    printed(stream, "*** Starting uWSGI 2.0.25.1 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "spawned uWSGI master process (pid: 1)")
    printed(stream, "spawned uWSGI worker 1 (pid: 9, cores: 10)")
    printed(stream, "spawned uWSGI worker 2 (pid: 10, cores: 10)")
    printed(stream, "[%s] [1] [INFO] Starting gunicorn 21.2.0" % now("%Y-%m-%d %H:%M:%S +0000"))
    printed(stream, "[%s] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)" % now("%Y-%m-%d %H:%M:%S +0000"))
    root.info("Initialised Flask with secret key: %s" % "9f86d081884c7d659a2feaa0c55ad015")
    root.info("Attempting to connect to Bitcoin node RPC to bitcoind.internal:8332 with user satsale.")
    root.error("HTTPConnectionPool(host='bitcoind.internal', port=8332): Max retries exceeded with url: /wallet/"
               "satsale (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3c2a1e5d10>:"
               " Failed to establish a new connection: [Errno 111] Connection refused'))")
    root.info("Attempting again... 1/10...")
    # node/bitcoind.py logs the RPC's result itself, a dict:
    # `logging.info(self.get_info())` (SatSale/SatSale 87cce11).
    root.info({"chain": "main", "blocks": 843917, "headers": 843917,
               "bestblockhash": "00000000000000000002a7c4c1e48d51c5a5a5b2e1a4a6e3f7bd6c8cbd2e7a11",
               "difficulty": 83675262295059.91, "verificationprogress": 0.9999987, "initialblockdownload": False,
               "size_on_disk": 652312338425, "pruned": False})
    root.info("Successfully contacted bitcoind.")
    root.info("Connection to bitcoin node successful.")
    root.info("Connection to lightning node (lnd) successful.")
    for n, (number, basket) in enumerate(ORDERS):
        amount = ["49.90", "129.00", "18.50", "310.00", "75.25", "9.99"][n]
        method = "lightning" if n % 2 else "bitcoin"
        checkout.info("Order #%s: beginning submission process for basket #%d", number, basket)
        root.info("Webhook payment: %s" % "https://shop.example.com/checkout/satsale/callback/")
        if n == 3:
            root.warning("Requested payment for 310.00 USD BTC value 0.00492311 too large")
            checkout.warning("Order #%s: unable to take payment (%s) - restoring basket", number,
                             "Amount too large.")
            continue
        uuid = "shop-%032x" % (0x5e1f00d + number * 7919)
        invoice = {"address": "bc1q%038x" % (number * 104729) if method == "bitcoin" else None,
                   "base_currency": "USD", "base_value": amount,
                   "bolt11_invoice": "lnbc%dn1pj%040x" % (int(float(amount) * 1470), number) if n % 2 else None,
                   "btc_value": "%.8f" % (float(amount) / 63250), "ln_upper_limit": 0.1, "message": None,
                   "method": method, "onchain_dust_limit": 0.00000546, "rhash": None, "time": 1715438684.5 + n,
                   "time_left": 3599.98, "uuid": uuid,
                   "webhook": "https://shop.example.com/checkout/satsale/callback/"}
        root.info("Created invoice:")
        for line in pprint.pformat(invoice).split("\n"):
            printed(stream, line)
        checkout.info("Order #%s: redirecting to %s", number, "https://pay.example.com/pay?uuid=" + uuid)
        printed(stream, '[pid: 9|app: 0|req: %d/%d] 10.0.5.14 () {52 vars in 1187 bytes} [%s] POST /checkout/preview/ '
                "=> generated 0 bytes in 412 msecs (HTTP/1.1 302) 9 headers in 388 bytes (1 switches on core 3)"
                % (n + 11, 2 * n + 21, now("%a %b %d %H:%M:%S %Y")))
        for poll in range(6):
            status = {"payment_complete": int(poll == 5), "confirmed_paid": 0,
                      "unconfirmed_paid": invoice["btc_value"] if poll > 2 else 0,
                      "time_left": 3599.98 - 15 * poll}
            root.debug("Invoice %s status: %s" % (uuid, status))
        if n == 4:
            root.error("Failed to confirm order payment via webhook 502, please contact the store to ensure the order "
                       "has been confirmed, error response is: <html><body><h1>502 Bad Gateway</h1></body></html>")
            continue
        root.info("Calling webhook %s" % invoice["webhook"])
        if n == 2:
            # The callback view fails placing the order: oscar logs it, and
            # Django's request logger prints the 500 twice.
            def handle_order_placement():
                def place_order():
                    raised("django.db.utils", "OperationalError",
                           "could not obtain lock on row in relation \"basket_basket\"")
                place_order()
            try:
                handle_order_placement()
            except Exception as e:
                checkout.exception("Order #%s: unhandled exception while placing order (%s)", number, e)
                for _ in range(2):
                    request.error("Internal Server Error: %s", "/checkout/satsale/callback/", exc_info=True)
            root.error("Failed to confirm order payment via webhook 500, please contact the store to ensure the order "
                       "has been confirmed, error response is: <h1>Server Error (500)</h1>")
            continue
        checkout.info("Order #%s: payment successful, placing order", number)
        checkout.info("Order #%s - sending %s messages", number, "ORDER_PLACED")
        if n == 5:
            analytics.error("IntegrityError in analytics when recording a user order.")
        root.info("Successfully confirmed payment via webhook.")
    # bitcoind is restarted under SatSale: a new gunicorn worker fails to boot.
    printed(stream, "[%s] [1] [INFO] Booting worker with pid: 17" % now("%Y-%m-%d %H:%M:%S +0000"))
    for i in range(3):
        root.info("Attempting to connect to Bitcoin node RPC to bitcoind.internal:8332 with user satsale.")
        root.error("Bitcoin RPC failed: {'code': -28, 'message': 'Loading block index…'}")
        root.info("Attempting again... %d/3..." % (i + 1))

    def load_app():
        def init_bitcoind():
            raise Exception("Could not connect to bitcoind (bitcoind.internal:8332 with user satsale) after 3 "
                            "attempts. Check your RPC / port tunneling settings and try again.")
        init_bitcoind()
    uncaught(stream, load_app)
    printed(stream, "[%s] [17] [INFO] Worker exiting (pid: 17)" % now("%Y-%m-%d %H:%M:%S +0000"))
    return {"name": "oscar-satsale", "programs": [osc, ss], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A merchant's container host (Docker's awslogs driver): a Shuup shop
# (runserver, as its Dockerfile's CMD) beside BitcartCC's Ethereum daemon,
# which follows the chain for the store's invoices.

def stream_shuup_bitcart():
    stream = []
    sh = Program("shuup", "shuup", logging.Formatter(SHUUP), stream)
    bc = Program("bitcart", "daemons", UTCFormatter(BITCART, BITCART_DATEFMT), stream, truth=UTCJson)
    theme = lg(sh, "shuup.xtheme.middleware")
    importer = lg(sh, "shuup.importer.tasks")
    tasks = lg(sh, "shuup.core.tasks")
    basket = lg(sh, "shuup.front.basket.storage")
    gp = lg(bc, "daemons.genericprocessor")
    utils = lg(bc, "daemons.utils")

    printed(stream, "Performing system checks...")
    printed(stream, "System check identified no issues (0 silenced).")
    printed(stream, now("%B %d, %Y - %H:%M:%S"))
    printed(stream, "Django version 2.2.28, using settings 'shuup_workbench.settings'")
    printed(stream, "Starting development server at http://0.0.0.0:8000/")
    printed(stream, "Quit the server with CONTROL-C.")
    printed(stream, "bitcart-ethereum-1  | Starting ETH daemon on 0.0.0.0:5002")
    block = 19845120
    for cycle in range(22):
        for _ in range(2 + cycle % 3):
            theme.error("Shop '%s' has no active theme" % "Acme Outdoor")
        if cycle % 2 == 1:
            method = ["eth_getBlockByNumber", "eth_blockNumber", "eth_getTransactionReceipt"][cycle % 3]
            for attempt in range(1 + cycle % 2):
                utils.debug(f"Retrying make_request ('{method}', [{hex(block)}, True]) {{}}, attempt {attempt + 1}")
        if cycle == 5:
            def process_block():
                def get_block_txes():
                    raised("aiohttp.client_exceptions", "ServerDisconnectedError", "Server disconnected")
                get_block_txes()
            try:
                process_block()
            except Exception:
                gp.error(f"Error processing block {block}:")
                gp.error(traceback.format_exc())
        if cycle == 8:
            def make_request():
                raised("aiohttp.client_exceptions", "ClientResponseError",
                       "429, message='Too Many Requests', url=URL('https://eth.llamarpc.com')")
            try:
                make_request()
            except Exception:
                utils.error("Failed after 5 retries: make_request ('eth_getLogs', [{'fromBlock': '%s'}]) {} with "
                            "error:\n%s" % (hex(block), traceback.format_exc()))
        if cycle == 10:
            for attempt in range(2):
                def update_seed():
                    raised("aiohttp.client_exceptions", "ClientConnectorError",
                           "Cannot connect to host seed.bitcart.ai:443 ssl:default [Temporary failure in name "
                           "resolution]")
                try:
                    update_seed()
                except Exception:
                    gp.error(f"Error updating seed servers (attempt {attempt + 1}/3):")
                    gp.error(traceback.format_exc())
        if cycle == 4:
            basket.error("Adding log entry to stored basket failed.")
        if cycle == 7:
            # A product import the shop's staff started fails.
            def import_file():
                def process_data():
                    raised("openpyxl.utils.exceptions", "InvalidFileException",
                           "openpyxl does not support the old .xls file format, please use xlrd to read this file, "
                           "or convert it to the more recent .xlsx file format.")
                process_data()
            try:
                import_file()
            except Exception:
                importer.exception("Failed to import the file.")
        if cycle == 11:
            def run_task():
                def send_order_notification():
                    raised("smtplib", "SMTPServerDisconnected", "Connection unexpectedly closed")
                send_order_notification()
            try:
                run_task()
            except Exception:
                tasks.exception("Failed to execute the task")
        block += 1 + cycle % 2
    printed(stream, "bitcart-ethereum-1 exited with code 137")
    return {"name": "shuup-bitcart", "programs": [sh, bc], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_freqtrade_rotki(), stream_oscar_satsale(), stream_shuup_bitcart()])


if __name__ == "__main__":
    main()
