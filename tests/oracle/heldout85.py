"""The 85-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout84.py`): six more programs'
own logging set-ups in three streams, chosen from commerce, payments,
accounting and ERP integrations as platform and SRE teams run them in AWS
(a course publisher's sales host on EC2, where Open edX's ecommerce
service, as Tutor builds and runs it, sells the courses and takes
CyberSource's and PayPal's payment notifications, and Greed runs the
publisher's Telegram shop for its printed workbooks; a wholesaler's
EDI and bookkeeping host, where the Bots EDI translator turns the retail
customers' EDIFACT orders into the ERP's XML and the ERP's invoices and
despatch advices into EDIFACT every five minutes, and a nightly woob
bank run exports the company's business account as OFX for the
bookkeeping; a payments co-op's host, where a self-hosted Liberapay
takes its members' recurring pledges through Stripe and PayPal and
Stellar's Polaris, with its reference anchor server, moves the co-op's
SEP-24 deposits and withdrawals on the Stellar test network), each format
copied from the file named beside it (the version read is given), with
the formatter class the program uses, and messages modelled on the
program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout85

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at aab2b1d (session 32's first rules in, none
written from this set), with nothing configured: 94.7% exact, 94.9% key
fields (asctime 99.6%, levelname 99.4%, name 99.4%, message 95.5%).

Formatters and filters: all six use logging.Formatter itself, no filter
and no formatTime of their own. Open edX ecommerce's LOGGING (its
"standard" formatter: the default asctime, level, pid, the logger's name
in brackets, the full path and line, " - " and the message) puts the
"console" handler (stdout, INFO) on the root and again on "django",
"django.request", "requests" and "urllib3", all propagating: Tutor drops
the "local" syslog handler but keeps that, so django.* records print
twice and django.request's (404 warnings, 500 errors with their
traceback) three times; its audit_log messages are "name: key="value",
..." pairs sorted by key, and the PayPal processor's failure error is
logged with exc_info=True outside any except block ("NoneType: None").
Greed's root handler (stderr) prints its config template's "{"-style
"{asctime} | {threadName} | {name} | {message}", no level (coloredlogs is
an extra its image leaves out), the thread "Core" for the update loop and
"Worker <chat id>" for each customer's conversation. Bots' engine gives
its "engine" logger a console handler (stderr, INFO) with
"%(levelname)-8s %(message)s", no time, and logs its environment
('key: "value".' with a dict argument) at each run and a run report
whose message has several lines and ends with a line break; its
webserver's console handler prints "%(asctime)s %(levelname)-9s:
%(message)s" with "%Y%m%d %H:%M:%S", at level STARTINFO (25, its own
level name) and up. woob's create_default_logger puts
"%(asctime)s:%(levelname)s:%(name)s:3.7:%(filename)s:%(lineno)d:%(funcName)s
%(message)s" (the application's version spliced into the format) on the
root's stderr handler, logging.Formatter off a terminal; the job runs it
with -d, so the root is at DEBUG and urllib3's records print too.
Liberapay's logging.basicConfig (root, stderr, LOGGING_LEVEL info) prints
BASIC_FORMAT, "LEVEL:name:message": its own, its cron's, and the stripe
library's logfmt records ("message='Request to Stripe api' ..."); its
process-stats message ends with a space; gunicorn's error log (stderr)
and access log (stdout, "%(message)s" with Liberapay's access_log_format)
go through gunicorn's own handlers. Polaris' reference server's LOGGING
has two "{"-style formatters with datefmt "%Y-%m-%dT%H:%M:%SZ" (a
literal Z, no milliseconds): "polaris" ("{asctime} - {levelname} -
{name}:{lineno} - {message}") on the "polaris" (DEBUG) and "server"
(INFO) loggers, "default" (the same without the line) on "django" (INFO),
where runserver's request records (django.server) and django.request's
warnings land; its "propogate" keys are misspelt, which changes nothing
here (the root has no handler).

Print lines: uWSGI's start-up banner and request lines in ecommerce's
container; Greed's traceback.print_exception() after a worker's error and
after a Telegram error; the Bots container's supervisord lines;
woob's errors on stderr ("Bug(cm): ...", its backtrace, the auto-update
hint, "Error(cm): You have to run bank in interactive mode ...") and the
job script's lines; Liberapay's migration lines at its container's
start; Django's runserver banner in Polaris' web container, and the bare
traceback of watch_transactions when Horizon's stream drops (the
container restarts it).

The messages are modelled on the programs' source, read at the commits
cited: ecommerce's settings/base.py and production.py, extensions/payment/
views/cybersource.py and paypal.py, payment/processors/cybersource.py and
paypal.py, payment/core/sdn.py, checkout/mixins.py and signals.py,
analytics/utils.py (audit_log), fulfillment/api.py and modules.py,
basket/views.py and utils.py, with their line numbers, and tutor-ecommerce
(overhangio/tutor-ecommerce 5678b28) settings/partials/common.py and
build/ecommerce/Dockerfile (uWSGI's options); Greed's core.py, worker.py,
duckbot.py, localization.py, database.py (the reprs) and
config/template_config.toml; Bots' botsinit.py, engine.py, router.py,
automaticmaintenance.py, botslib.py (botsinfo), webserver.py and
config/bots.ini; woob's tools/application/base.py and console.py,
core/bcall.py, core/modules.py, browser/browsers.py and
modules/creditmutuel/browser.py, with their functions and line numbers;
Liberapay's website.py, app.py, main.py, cron.py, payin/cron.py,
elsewhere/_base.py, security/authentication.py and www/callbacks/
stripe.spt, stripe-python's _api_requestor.py and _util.py (log_info,
logfmt); Polaris' settings.py, docker-compose.yml, management/commands/
(process_pending_deposits.py, watch_transactions.py,
poll_outgoing_transactions.py, execute_outgoing_transactions.py),
sep10/views.py, sep24/deposit.py and withdraw.py, apps.py and utils.py,
and server/ (integrations/rails.py, views.py), with their line numbers.
Modelled rather than read: the values (baskets, orders, users, course
ids, transaction ids, chat ids, routes, partners, file names, accounts,
Stellar keys and transaction ids, amounts), the order and number of
records, the third-party exception texts, uWSGI's, supervisord's,
cron's and runserver's lines, gunicorn's and Django's messages and line
numbers, the install paths and the wrapper scripts. Liberapay's own deployment
(Elastic Beanstalk, its .platform/files/webapp@.service sending stdout
and stderr to syslog) would prefix every line with syslog's; it is run
here in a container, its lines as the program writes them. Polaris'
Dockerfile still says python:3.7-slim, which 2.6.0's pyproject ("^3.10",
Django >= 4.2) rules out: its site-packages are modelled on 3.11.

Left out: RoboSats (RoboSats/robosats 20d6c5de robosats/settings.py: its
LOG_TO_CONSOLE handler has no formatter, "%(message)s"), Tendenci
(tendenci/tendenci 914b2eac tendenci/settings.py: its "info" format
writes /var/log/tendenci/app.log; the console handler has no formatter),
kleinanzeigen-bot (Second-Hand-Friends/kleinanzeigen-bot 044f9961
src/kleinanzeigen_bot/utils/loggers.py: its CustomFormatter puts
colorama's codes into the level and the message on every line; kept for
a later set), eventyay's open-event-server (fossasia/open-event-server
071d1595: a bare StreamHandler at ERROR on Flask's logger), LNDg
(cryptosharks131/lndg bd75f83: print()s), pyafipws (reingart/pyafipws
d595b07: no logging set-up found), Bots' jobqueue server (its engine
runs go to /dev/null there: src/bots/jobqueueserver.py launcher), and the
programs of these areas in earlier sets or their Left out paragraphs:
Saleor, django-oscar, Shuup, pretix, InvenTree, Odoo, ERPNext and Frappe,
Tryton, Karrio, the Retail Demo Store, frePPLe, Open edX's
ecommerce-worker, SatSale, BitcartCC, Electrum, ElectrumX, Specter,
LNbits, Cashu, Silver, finance-dl, ofxstatement, dkb-robo, bank2ynab,
Koku, ofxget, bunq2ynab, pytr, IBeam, PyAlgoTrade, factur-x,
ghostfolio-sync, Fava, beancount, invoice2data, ihatemoney, Singer's
taps, freqtrade, rotki, Hummingbot and the other trading programs.
"""

import logging
import os
import sys

import gunicorn.glogging

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg, level_names  # noqa: E402
from heldout13 import at  # noqa: E402

# Open edX ecommerce (openedx/ecommerce, 615fdee5b), ecommerce/settings/
# base.py LOGGING's "standard" formatter, the "console" handler
# (StreamHandler, stdout, INFO in production) on the root ('') and on
# "django", "django.request", "requests", "urllib3" (all propagating);
# tutor-ecommerce's settings drop the "local" SysLogHandler only.
ECOMMERCE = "%(asctime)s %(levelname)s %(process)d [%(name)s] %(pathname)s:%(lineno)d - %(message)s"
# Greed 0.19.3 (Steffo99/greed, 5ace312), core.py main(): the root's
# StreamHandler (stderr) with logging.Formatter(cfg["Logging"]["format"],
# style="{") (coloredlogs is the "color" extra, which its Containerfile's
# `uv sync --extra postgres` leaves out); config/template_config.toml's
# format, level INFO.
GREED = "{asctime} | {threadName} | {name} | {message}"
# Bots EDI 3.3.1.dev0 (bots-edi/bots, 9945d3c4), src/bots/botsinit.py
# initenginelogging's console handler (stderr, INFO) on the "engine"
# logger, and initserverlogging's (stderr, STARTINFO) on "webserver".
BOTS_ENGINE = "%(levelname)-8s %(message)s"
BOTS_SERVER = "%(asctime)s %(levelname)-9s: %(message)s"
BOTS_DATEFMT = "%Y%m%d %H:%M:%S"
# woob 3.7 (rbignon/woob, 30bf19f6), woob/tools/application/base.py
# create_default_logger: the root's StreamHandler(stderr), woob/tools/
# log.py createColoredFormatter's logging.Formatter off a terminal;
# Appbank.VERSION is "3.7".
WOOB = "%(asctime)s:%(levelname)s:%(name)s:" + "3.7" + ":%(filename)s:%(lineno)d:%(funcName)s %(message)s"
# Liberapay (liberapay/liberapay.com, cc5be724), liberapay/website.py
# logging.basicConfig(level=...): BASIC_FORMAT on the root (stderr);
# app.py's gunicorn settings (accesslog "-", its non-tty
# access_log_format) and gunicorn's own error log format.
LIBERAPAY = logging.BASIC_FORMAT
GUNICORN_ERROR = gunicorn.glogging.Logger.error_fmt
GUNICORN_DATEFMT = gunicorn.glogging.Logger.datefmt
# django-polaris 2.6.0 (stellar/django-polaris, 3e4e803c), settings.py
# LOGGING's "polaris" formatter (the "polaris-console" handler of the
# "server" and "polaris" loggers) and "default" (the "default-console"
# handler of "django").
POLARIS = "{asctime} - {levelname} - {name}:{lineno} - {message}"
POLARIS_DJANGO = "{asctime} - {levelname} - {name} - {message}"
POLARIS_DATEFMT = "%Y-%m-%dT%H:%M:%SZ"

EC = "/openedx/ecommerce/ecommerce/"
EC_DJANGO = "/openedx/venv/lib/python3.12/site-packages/django/utils/log.py"
GR = "/usr/src/greed/"
WOOB_SITE = "/usr/local/lib/python3.11/site-packages/"
WOOB_MOD = "/root/.local/share/woob/modules/3.7/woob_modules/creditmutuel/"
POL = "/code/"
POL_SITE = "/root/.cache/pypoetry/virtualenvs/django-polaris-Xb2kQ9ns-py3.11/lib/python3.11/site-packages/"


# --------------------------------------------------------------------------
# A course publisher's sales host on EC2 (the CloudWatch agent ships the
# host's containers to one stream): Tutor's ecommerce container (uWSGI,
# two workers) sells the publisher's courses through the payment MFE,
# CyberSource and PayPal; Greed's container runs the publisher's Telegram
# shop for the printed workbooks.

COURSES = [("course-v1:NorthLearn+DATA101+2024_T2", "verified", 149), ("course-v1:NorthLearn+PYAPI+2024_T1",
           "verified", 99), ("course-v1:NorthLearn+SQLX+2024_T2", "professional", 249),
           ("course-v1:NorthLearn+MLOPS+2024_T3", "verified", 199), ("course-v1:NorthLearn+ETHICS+self", "verified", 49)]
SKUS = ["8CF08E5", "A3D2F1B", "5E9C0A7", "D41B7E2", "0F6A9C3"]
LEARNERS = ["maria_gs", "tkowalczyk", "jbaptiste", "lee.hyunwoo", "a.rahman", "sofia-r", "p.nakamura", "oyelaran",
            "hk_lindqvist", "camille.d", "rjain", "b.osei"]
CARDS = ["Decline - General decline of the card. No other information provided by the issuing bank.",
         "Decline - Insufficient funds in the account.",
         "Decline - The card was declined by the issuing bank's fraud control."]
SHOPPERS = [(812345671, "anna_k"), (598112043, None), (733009214, "dpetrov"), (641877320, "gio_rossi"),
            (902231455, None), (557610988, "mhernandez"), (688420113, "lina_w")]


def stream_ecommerce_greed():
    stream = []
    ec = Program("ecommerce", "ecommerce", logging.Formatter(ECOMMERCE), stream)
    gr = Program("greed", "greed", logging.Formatter(GREED, style="{"), stream)
    cs_view = lg(ec, "ecommerce.extensions.payment.views.cybersource")
    cs_proc = lg(ec, "ecommerce.extensions.payment.processors.cybersource")
    pp_proc = lg(ec, "ecommerce.extensions.payment.processors.paypal")
    pp_view = lg(ec, "ecommerce.extensions.payment.views.paypal")
    audit = lg(ec, "ecommerce.extensions.analytics.utils")
    ful_api = lg(ec, "ecommerce.extensions.fulfillment.api")
    ful_mod = lg(ec, "ecommerce.extensions.fulfillment.modules")
    bsk_utils = lg(ec, "ecommerce.extensions.basket.utils")
    bsk_views = lg(ec, "ecommerce.extensions.basket.views")
    sdn = lg(ec, "ecommerce.extensions.payment.core.sdn")
    signals = lg(ec, "ecommerce.extensions.checkout.signals")
    mixins = lg(ec, "ecommerce.extensions.checkout.mixins")
    # django.request: its own console handler, django's, the root's.
    djreq = lg(ec, "django.request")
    djreq.handlers = [ec.handler] * 3
    core = lg(gr, "core")
    gworker = lg(gr, "worker")
    duck = lg(gr, "duckbot")
    loc = lg(gr, "localization")

    def e(log, level, path, line, func, msg, *args, exc=None):
        at(log, level, EC + path, line, func, msg, *args, exc=exc)

    def g(log, level, thread, path, line, func, msg):
        record = log.makeRecord(log.name, level, GR + path, line, msg, (), None, func)
        record.threadName = thread
        log.handle(record)

    reqs = {"n": 0}

    def uw(client, method, path, status, size, msecs, headers=5):
        reqs["n"] += 1
        pid = 10 + reqs["n"] % 2
        printed(stream, "[pid: %d|app: 0|req: %d/%d] %s () {%d vars in %d bytes} [%s] %s %s => generated %d bytes "
                        "in %d msecs (HTTP/1.1 %d) %d headers in %d bytes (1 switches on core 0)"
                % (pid, (reqs["n"] + 1) // 2, reqs["n"], client, 44 + len(path) % 9, 790 + 7 * len(path),
                   now("%a %b %d %H:%M:%S %Y"), method, path, size, msecs, status, headers, 190 + 37 * headers))

    def audit_log(name, **kwargs):
        payload = ", ".join('{k}="{v}"'.format(k=k, v=v) for k, v in sorted(kwargs.items()))
        e(audit, logging.INFO, "extensions/analytics/utils.py", 98, "audit_log", "{name}: {payload}".format(
            name=name, payload=payload))

    def uwsgi_start():
        printed(stream, "*** Starting uWSGI 2.0.27 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
        printed(stream, "compiled with version: 9.4.0 on 02 May 2024 08:51:17")
        printed(stream, "os: Linux-5.10.215-203.850.amzn2.x86_64 #1 SMP Tue Apr 23 20:32:19 UTC 2024")
        printed(stream, "nodename: 6b1f0c2d9e3a")
        printed(stream, "machine: x86_64")
        printed(stream, "clock source: unix")
        printed(stream, "detected number of CPU cores: 2")
        printed(stream, "current working directory: /openedx/ecommerce")
        printed(stream, "detected binary path: /openedx/venv/bin/uwsgi")
        printed(stream, "!!! no internal routing support, rebuild with pcre support !!!")
        printed(stream, "your processes number limit is 15429")
        printed(stream, "your memory page size is 4096 bytes")
        printed(stream, "detected max file descriptor number: 1048576")
        printed(stream, "building mime-types dictionary from file /etc/mime.types...567 entry found")
        printed(stream, "lock engine: pthread robust mutexes")
        printed(stream, "thunder lock: enabled")
        printed(stream, "uWSGI http bound on 0.0.0.0:8000 fd 4")
        printed(stream, "spawned uWSGI http 1 (pid: 8)")
        printed(stream, "uwsgi socket 0 bound to TCP address 127.0.0.1:37219 (port auto-assigned) fd 3")
        printed(stream, "Python version: 3.12.2 (main, May  2 2024, 08:47:10) [GCC 9.4.0]")
        printed(stream, "Python main interpreter initialized at 0x55c1d2f8a1b0")
        printed(stream, "python threads support enabled")
        printed(stream, "your server socket listen backlog is limited to 100 connections")
        printed(stream, "your mercy for graceful operations on workers is 60 seconds")
        printed(stream, "mapped 218712 bytes (213 KB) for 2 cores")
        printed(stream, "*** Operational MODE: preforking ***")
        printed(stream, "WSGI app 0 (mountpoint='') ready in 6 seconds on interpreter 0x55c1d2f8a1b0 pid: 7 "
                        "(default app)")
        printed(stream, "spawned uWSGI master process (pid: 7)")
        printed(stream, "spawned uWSGI worker 1 (pid: 10, cores: 1)")
        printed(stream, "spawned uWSGI worker 2 (pid: 11, cores: 1)")
        printed(stream, "[uwsgi-static] added mapping for /static => /openedx/ecommerce/assets")
        printed(stream, "[uwsgi-static] added mapping for /media => /openedx/ecommerce/course_ecommerce/media")

    def fulfill(order, user_id, lines, basket_id):
        e(ful_api, logging.INFO, "extensions/fulfillment/api.py", 43, "fulfill_order",
          "Attempting to fulfill products for order [%s]", order)
        e(ful_mod, logging.INFO, "extensions/fulfillment/modules.py", 296, "fulfill_product",
          "Attempting to fulfill 'Seat' product types for order [%s]", order)
        ok = True
        for line_id, (course, mode, _) in lines:
            e(ful_mod, logging.INFO, "extensions/fulfillment/modules.py", 358, "fulfill_product",
              "Posting to enrollment api for order [%s]", order)
            if order.endswith("7"):
                # The LMS is restarting: the enrollment API times out.
                e(ful_mod, logging.ERROR, "extensions/fulfillment/modules.py", 395, "fulfill_product",
                  "Unable to fulfill line [%d] of order [%s] due to a request time out", line_id, order)
                ok = False
                continue
            e(ful_mod, logging.INFO, "extensions/fulfillment/modules.py", 360, "fulfill_product",
              "Finished posting to enrollment api for order [%s]", order)
            audit_log("line_fulfilled", order_line_id=line_id, order_number=order, product_class="Seat",
                      course_id=course, mode=mode, user_id=user_id, credit_provider=None)
        e(ful_mod, logging.INFO, "extensions/fulfillment/modules.py", 400, "fulfill_product",
          "Finished fulfilling 'Seat' product types for order [%s]", order)
        if not ok:
            e(ful_api, logging.ERROR, "extensions/fulfillment/api.py", 78, "fulfill_order",
              "There was an error while fulfilling order [%s]", order)
        e(ful_api, logging.INFO, "extensions/fulfillment/api.py", 85, "fulfill_order",
          "Finished fulfilling order [%s] with status [%s]. [%s] seconds elapsed since placement.", order,
          "Complete" if ok else "Fulfillment Error", 0.412733 + (basket_id % 17) / 23)
        if len(lines) > 1:
            e(signals, logging.INFO, "extensions/checkout/signals.py", 122, "send_course_purchase_email",
              "Currently support receipt emails for order with one item.")

    def greet(chat, username, new=False, owner=False):
        g(core, logging.INFO, "Core", "core.py", 142, "main", f"Received /start from: {chat}")
        if new:
            who = "@" + username if username else "Kwame"
            g(gworker, logging.INFO, f"Worker {chat}", "worker.py", 190, "run", f"Created new user: {who}")
            if owner:
                g(gworker, logging.WARNING, f"Worker {chat}", "worker.py", 192, "run",
                  f"User was auto-promoted to Admin as no other admins existed: {who}")

    # Greed starts first (its container has no dependency).
    g(core, logging.INFO, "Core", "core.py", 120, "main", "@northlearn_shop_bot is starting!")
    uwsgi_start()
    for _ in range(3):
        uw("10.0.1.23", "GET", "/health/", 200, 48, 11)

    basket = 245
    order_seq = 100245
    user_base = 87
    for n in range(64):
        who = LEARNERS[n % len(LEARNERS)]
        user_id = user_base + (n * 7) % 53
        alb = "10.0.%d.%d" % (1 + n % 2, 23 + n % 3)
        uw(alb, "GET", "/health/", 200, 48, 9 + n % 5)
        # A learner starts the payment flow from the LMS's upgrade button.
        picks = [COURSES[n % len(COURSES)]]
        if n % 11 == 4:
            picks.append(COURSES[(n + 2) % len(COURSES)])
        skus = [SKUS[COURSES.index(c)] for c in picks]
        basket += 1
        order = "OPENEDX-%d" % (order_seq + basket - 245)
        e(bsk_views, logging.INFO, "extensions/basket/views.py", 432, "get",
          "Starting payment flow for user [%s] for products [%s].", who, skus)
        if n % 9 == 5:
            e(bsk_utils, logging.INFO, "extensions/basket/utils.py", 167, "prepare_basket",
              "User [%s] repeated request to add [%s] seat of course [%s], will ignore", who, picks[0][1],
              picks[0][0])
        uw(alb, "GET", "/basket/add/?sku=" + "&sku=".join(skus), 302, 0, 180 + n % 60, headers=7)
        uw(alb, "GET", "/api/v2/baskets/calculate/?sku=" + "&sku=".join(skus), 200, 174, 95 + n % 40)
        code = None
        if n % 6 == 2:
            code = "SPRING%02d" % (10 + n % 4 * 5)
            if n % 12 == 8:
                e(bsk_utils, logging.INFO, "extensions/basket/utils.py", 586, "apply_voucher_on_basket_and_check_discount",
                  "Coupon Code [%s] is not valid for basket [%s]", code, basket)
                code = None
            else:
                e(bsk_utils, logging.INFO, "extensions/basket/utils.py", 581, "apply_voucher_on_basket_and_check_discount",
                  "Applied Voucher [%s] to basket [%s].", code, basket)
            uw(alb, "POST", "/bff/payment/v0/vouchers/", 200, 1893, 240 + n % 50)
        total = sum(p[2] for p in picks) * (0.85 if code else 1)
        amount = "%.2f" % total
        lines = [(4100 + 2 * n + i, p) for i, p in enumerate(picks)]
        if n % 8 == 6:
            # PayPal.
            payid = "PAYID-MZB%05dXY%07dA" % (1200 + n * 37, 3400000 + n * 911)
            payer = "Q%dJ8K2ZLM%02d" % (n % 7, n)
            if n == 30:
                # PayPal's API answers with an error: no exception is active.
                e(pp_proc, logging.ERROR, "extensions/payment/processors/paypal.py", 220, "get_transaction_parameters",
                  "%s [%d], %s [%d].", "Failed to create PayPal payment for basket", basket,
                  "PayPal's response recorded in entry", 88410 + n, exc=True)
                uw(alb, "POST", "/api/v2/checkout/", 400, 64, 1733, headers=6)
                continue
            e(pp_proc, logging.INFO, "extensions/payment/processors/paypal.py", 246, "get_transaction_parameters",
              "Successfully created PayPal payment [%s] for basket [%d].", payid, basket)
            uw(alb, "POST", "/api/v2/checkout/", 200, 391, 1204 + n * 3)
            e(pp_view, logging.INFO, "extensions/payment/views/paypal.py", 85, "get",
              "Payment [%s] approved by payer [%s]", payid, payer)
            if n == 46:
                # The learner's browser retried the return URL.
                e(pp_view, logging.WARNING, "extensions/payment/views/paypal.py", 75, "_get_basket",
                  "Duplicate payment ID [%s] received from PayPal.", payid)
                uw(alb, "GET", "/payment/paypal/execute/?paymentId=%s&token=EC-%dX&PayerID=%s" % (
                    payid, 71000 + n, payer), 302, 0, 412, headers=8)
                continue
            e(pp_proc, logging.INFO, "extensions/payment/processors/paypal.py", 328, "handle_processor_response",
              "Successfully executed PayPal payment [%s] for basket [%d].", payid, basket)
            audit_log("payment_received", amount=amount, basket_id=basket, currency="USD", processor_name="paypal",
                      reference=payid, user_id=user_id)
            audit_log("order_placed", amount=amount, basket_id=basket, currency="USD", order_number=order,
                      user_id=user_id, contains_coupon=bool(code))
            fulfill(order, user_id, lines, basket)
            uw(alb, "GET", "/payment/paypal/execute/?paymentId=%s&token=EC-%dX&PayerID=%s" % (payid, 71000 + n, payer),
               302, 0, 2871 + n * 5, headers=8)
            continue
        # CyberSource (REST, through the payment MFE).
        txn = str(7154386849606937104953 + n * 1049537711)
        e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 422, "post",
          "%s called for basket [%d]. It is in the [%s] state.", "CybersourceAuthorizeAPIView", basket, "Open")
        if n % 5 == 1:
            e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 94, "check_sdn",
              "SDNCheck function called for basket [%d]. It did not receive a hit.", basket)
        if n == 19:
            e(sdn, logging.WARNING, "extensions/payment/core/sdn.py", 151, "search",
              "Connection to US Treasury SDN API timed out for [%s].", "Ama Rahman")
            e(cs_view, logging.INFO, "extensions/payment/core/sdn.py", 50, "checkSDN",
              "SDNCheck: SDN API call received an error: %s. SDNFallback function called for basket %d.",
              "HTTPSConnectionPool(host='data.trade.gov', port=443): Read timed out. (read timeout=5)", basket)
        e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 224, "validate_order_completion",
          "Received CyberSource payment notification for transaction [%s], associated with order [%s] and basket "
          "[%d]. Processed by [%s].", txn, order, basket, "cybersource-rest")
        if n % 10 == 3:
            reason = CARDS[n % len(CARDS)]
            e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 119, "_log_cybersource_payment_failure",
              "CyberSource payment failed due to [%s] for transaction [%s], order [%s], and basket [%d]. The complete "
              "payment response [%s] was recorded in entry [%d]. Processed by [%s].", "TransactionDeclined", txn, order,
              basket, reason, 88400 + n, "cybersource-rest")
            e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 344, "redirect_on_transaction_declined",
              "Created new basket [%d] from old basket [%d] for declined transaction with bundle [%s].", basket + 1,
              basket, None)
            basket += 1
            uw(alb, "POST", "/payment/cybersource/authorize/", 400, 112, 2210 + n * 9, headers=9)
            continue
        if n == 41:
            # CyberSource's notification arrives twice.
            e(cs_view, logging.INFO, "extensions/payment/views/cybersource.py", 155, "log_payment_exceptions",
              "Received redundant CyberSource payment notification with same transaction ID for basket [%d] which is "
              "associated with an existing order [%s]. No payment was collected. Processed by [%s].", basket, order,
              "cybersource-rest")
            uw(alb, "POST", "/payment/cybersource/authorize/", 400, 97, 1311, headers=9)
            continue
        if n == 53:
            # The REST client's response cannot be read: an unhandled exception.
            def handle_payment():
                def authorize_payment_api():
                    raised("cybersource_rest_client.rest", "ApiException", "(502)\nReason: Bad Gateway\nHTTP response "
                           "headers: HTTPHeaderDict({'Content-Type': 'text/html', 'Content-Length': '122', "
                           "'v-c-correlation-id': '0f5c3a9e-8d21-4b7e-9a53-2d1e6c7f4b80'})\nHTTP response body: "
                           "<html><body><h1>502 Bad Gateway</h1></body></html>\n")
                authorize_payment_api()
            try:
                handle_payment()
            except Exception:
                e(cs_view, logging.ERROR, "extensions/payment/views/cybersource.py", 286, "validate_order_completion",
                  "Unhandled exception processing CyberSource payment notification for transaction [%s], order [%s], "
                  "and basket [%d]. Processed by [%s].", txn, order, basket, "cybersource-rest", exc=True)
                at(djreq, logging.ERROR, EC_DJANGO, 241, "log_response", "Internal Server Error: %s",
                   "/payment/cybersource/authorize/", exc=True)
            uw(alb, "POST", "/payment/cybersource/authorize/", 500, 145, 30011, headers=6)
            continue
        audit_log("payment_received", amount=amount, basket_id=basket, currency="USD",
                  processor_name="cybersource-rest", reference=txn, user_id=user_id)
        audit_log("order_placed", amount=amount, basket_id=basket, currency="USD", order_number=order,
                  user_id=user_id, contains_coupon=bool(code))
        fulfill(order, user_id, lines, basket)
        uw(alb, "POST", "/payment/cybersource/authorize/", 201, 1874, 2440 + n * 11, headers=9)
        uw(alb, "GET", "/checkout/receipt/?order_number=%s" % order, 200, 22841, 388 + n)
        if n % 7 == 0:
            at(djreq, logging.WARNING, EC_DJANGO, 241, "log_response", "Not Found: %s", "/favicon.ico")
            uw(alb, "GET", "/favicon.ico", 404, 179, 21)

        # Greed: the Telegram shop, in between.
        if n % 3 == 0:
            chat, username = SHOPPERS[(n // 3) % len(SHOPPERS)]
            greet(chat, username, new=(n < 21), owner=(n == 0))
            if n == 24:
                g(loc, logging.WARNING, f"Worker {chat}", "localization.py", 39, "get",
                  "Missing localized string with key order_refund_reason, using default")
        if n in (12, 37):
            g(duck, logging.WARNING, "Core", "duckbot.py", 28, "result_func",
              "Timed out while calling get_updates(), retrying in 1 secs...")
        if n == 26:
            g(duck, logging.ERROR, "Core", "duckbot.py", 34, "result_func",
              "Network error while calling get_updates(), retrying in 5 secs...\nFull error: urllib3 HTTPError "
              "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
        if n == 33:
            chat, username = SHOPPERS[2]
            g(duck, logging.ERROR, f"Worker {chat}", "duckbot.py", 52, "result_func",
              "Telegram error while calling send_invoice(), retrying in 5 secs...\nFull error: "
              "Payment_provider_invalid")

            def result_func():
                def send_invoice():
                    raised("telegram.error", "BadRequest", "Payment_provider_invalid")
                send_invoice()
            uncaught(stream, result_func)
        if n == 49:
            chat, username = SHOPPERS[5]
            g(core, logging.INFO, "Core", "core.py", 142, "main", f"Received /start from: {chat}")
            g(gworker, logging.ERROR, f"Worker {chat}", "worker.py", 219, "run",
              f"Exception in <Worker {chat}>: 'NoneType' object has no attribute 'text'")

            def run():
                def order_menu():
                    def wait_for_specific_message():
                        raise AttributeError("'NoneType' object has no attribute 'text'")
                    wait_for_specific_message()
                order_menu()
            uncaught(stream, run)
        if n == 57:
            # The bot's container is redeployed with a new product list.
            g(core, logging.INFO, "Core", "core.py", 120, "main", "@northlearn_shop_bot is starting!")

    return {"name": "ecommerce-greed", "programs": [ec, gr], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A wholesaler's EDI and bookkeeping host on EC2 (the CloudWatch agent
# ships the host's containers to one stream): the Bots container runs
# bots-webserver under supervisord, and cron runs bots-engine every five
# minutes with its output on the container's stderr; the retail customers'
# EDIFACT orders come in over SFTP and AS2, the ERP's invoices and
# despatch advices go out. A nightly task runs woob bank (with -d) to
# export the business account's history as OFX for the bookkeeping.

ROUTES = ["orders_edifact_in", "orders_x12_in", "invoic_out", "desadv_out"]
PARTNERS = ["retailer_nordmart", "retailer_cityfresh", "retailer_homebase"]


def stream_bots_woob():
    stream = []
    en = Program("bots-engine", "engine", logging.Formatter(BOTS_ENGINE), stream)
    ws = Program("bots-webserver", "webserver", logging.Formatter(BOTS_SERVER, BOTS_DATEFMT), stream)
    wb = Program("woob", "woob", logging.Formatter(WOOB), stream)
    engine = lg(en, "engine")
    webserver = lg(ws, "webserver")
    loader = lg(wb, "woob.core.modules.loader")
    backend = lg(wb, "woob.backend")
    bcall = lg(wb, "woob.core.bcall")
    pool = lg(wb, "urllib3.connectionpool")
    browser = lg(wb, "woob.backend.cm.browser")

    def w(log, level, path, line, func, msg, *args):
        at(log, level, path, line, func, msg, *args)

    def supervisor(text):
        printed(stream, "%s,%03d INFO %s" % (now("%Y-%m-%d %H:%M:%S"), round(realworld.CLOCK.t % 1 * 1000) % 1000,
                                              text))

    def botsinfo():
        for key, value in [("served at port", 9000),
                           ("platform", "Linux-5.10.215-203.850.amzn2.x86_64-x86_64-with-glibc2.36"),
                           ("machine", "x86_64"), ("python version", "3.11.9"),
                           ("django version", (4, 2, 13, "final", 0)), ("bots version", "3.3.1.dev0"),
                           ("bots installation path", "/usr/local/lib/python3.11/site-packages/bots"),
                           ("config path", "/usr/local/lib/python3.11/site-packages/bots/config"),
                           ("botssys path", "/srv/bots/botssys"), ("usersys path", "/srv/bots/usersys"),
                           ("DATABASE_ENGINE", "django.db.backends.postgresql"), ("DATABASE_NAME", "botsdb"),
                           ("DATABASE_USER", "bots"),
                           ("DATABASE_HOST", "edi-db.cluster-c9x2kq7ew1ab.eu-central-1.rds.amazonaws.com"),
                           ("DATABASE_PORT", "5432"), ("DATABASE_OPTIONS", {})]:
            engine.info('%(key)s: "%(value)s".', {"key": key, "value": value})

    def report(command, received, done, errors=0, stuck=0, processerrors=0, send=0):
        text = "Bots Report; type: %s, time: %s\n" % (command, now("%Y-%m-%d %H:%M:%S"))
        text += "    %d files received/processed in run.\n" % received
        if done:
            text += "    %d files without errors,\n" % done
        if errors:
            text += "    %d files with errors,\n" % errors
        if stuck:
            text += "    %d files got stuck,\n" % stuck
        if processerrors:
            text += "    %d errors in processes.\n" % processerrors
        text += "    %d files send in run.\n" % send
        engine.info(text)

    def engine_run(n, locked=False, db_down=False):
        botsinfo()
        if db_down:
            def connect():
                def psycopg2_connect():
                    raised("psycopg2", "OperationalError", 'connection to server at "edi-db.cluster-c9x2kq7ew1ab.'
                           'eu-central-1.rds.amazonaws.com" (10.20.4.17), port 5432 failed: Connection refused\n'
                           '\tIs the server running on that host and accepting TCP/IP connections?\n')
                psycopg2_connect()
            try:
                connect()
            except Exception as exc:
                engine.exception('Could not connect to database. Database settings are in bots/config/settings.py. '
                                 'Error: "%(msg)s".', {"msg": exc})
            return
        engine.info("Connected to database.")
        commands = ["new"]
        if locked:
            engine.critical("!Bots database is locked!\nBots-engine has ended in an unexpected way during the last "
                            "run.\nMost likely causes: sudden power-down, system crash, problems with disk I/O, "
                            "bots-engine terminated by user, etc.\nBots will do an automatic crash recovery now.")
            commands.insert(0, "crashrecovery")
        if n % 12 == 5:
            commands.append("automaticretrycommunication")
        for command in commands:
            engine.info('Run "%(command)s".', {"command": command})
            if command == "new":
                engine.info('Run active routes from database that are in default run: "%(routes)s".',
                            {"routes": str(ROUTES)})
                received = done = send = 0
                errors = processerrors = 0
                for route in ROUTES:
                    engine.info("Running route %(idroute)s %(seq)s", {"idroute": route, "seq": 1})
                    if route == "orders_edifact_in":
                        got = (n * 7) % 4
                        received += got
                        done += got
                        send += got
                        if n == 14:
                            received += 1
                            errors += 1
                    elif route == "invoic_out":
                        engine.info("Running route %(idroute)s %(seq)s", {"idroute": route, "seq": 2})
                        if n % 6 == 3:
                            received += 2
                            done += 2
                            send += 2
                    elif route == "desadv_out" and n % 4 == 1:
                        received += 1
                        done += 1
                        send += 1
                if n in (9, 27):
                    processerrors += 1
                report(command, received, done, errors=errors, processerrors=processerrors, send=send)
            else:
                engine.info('Run all active routes from database: "%(routes)s".', {"routes": str(ROUTES)})
                if command == "crashrecovery":
                    engine.info("Nothing to do in run.")
                else:
                    for route in ROUTES:
                        engine.info("Running route %(idroute)s %(seq)s", {"idroute": route, "seq": 1})
                    report(command, 0, 0, send=1 if n % 24 == 5 else 0)
        if n % 36 == 35:
            engine.info("Cleanup files")
            engine.info("Cleanup database")
            engine.info("Vacuum database")
            engine.info("Done full cleanup.")

    def webserver_start():
        supervisor("spawned: 'bots-webserver' with pid 9")
        webserver.log(25, "Bots %(process_name)s started.", {"process_name": "webserver"})
        webserver.log(25, 'Bots %(process_name)s configdir: "%(configdir)s".',
                      {"process_name": "webserver", "configdir": "/usr/local/lib/python3.11/site-packages/bots/config"})
        webserver.log(25, 'Bots %(process_name)s serving at port: "%(port)s".', {"process_name": "webserver",
                                                                                  "port": 9000})
        webserver.log(25, "Bots %(process_name)s uses plain http (no ssl).", {"process_name": "webserver"})
        supervisor("success: bots-webserver entered RUNNING state, process has stayed up for > than 1 seconds "
                   "(startsecs)")

    def woob_run(night, twofa=False, bug=False):
        cmd = "woob bank -d -f ofx -O /data/ofx/cm-%s.ofx history 00012345678901@cm" % now("%Y%m%d")
        printed(stream, "+ " + cmd)
        w(loader, logging.DEBUG, WOOB_SITE + "woob/core/modules.py", 244, "load_module",
          'Loaded module "creditmutuel" from /root/.local/share/woob/modules/3.7/woob_modules/creditmutuel')
        w(backend, logging.DEBUG, WOOB_SITE + "woob/core/modules.py", 152, "create_instance",
          'Created backend "%s" for module "%s"', "cm", "creditmutuel")
        w(bcall, logging.DEBUG, WOOB_SITE + "woob/core/bcall.py", 86, "backend_process", "%s: Calling function %s",
          realworld.Shown("<Backend cm>"), "get_account")
        host = "www.creditmutuel.fr"

        def get(path, status=200, page=None, method="GET", conn=None):
            if conn:
                w(pool, logging.DEBUG, WOOB_SITE + "urllib3/connectionpool.py", 1081, "_new_conn",
                  "Starting new HTTPS connection (%d): %s:%s", conn, host, 443)
            w(pool, logging.DEBUG, WOOB_SITE + "urllib3/connectionpool.py", 550, "_make_request",
              '%s://%s:%s "%s %s %s" %s %s', "https", host, 443, method, path, "HTTP/1.1", status,
              None if status == 200 else 0)
            if page:
                w(browser, logging.DEBUG, WOOB_SITE + "woob/browser/browsers.py", 1021, "internal_callback",
                  "Handle %s with %s", "https://" + host + path.split("?")[0], page)

        get("/fr/authentification.html", page="LoginPage", conn=1)
        get("/fr/authentification.html", status=302, method="POST")
        if twofa:
            get("/fr/banque/validation.aspx", page="MobileConfirmationPage")
            w(browser, logging.WARNING, WOOB_MOD + "browser.py", 719, "init_login",
              "This connection is set up with systematic 2FA.")
            w(bcall, logging.DEBUG, WOOB_SITE + "woob/core/bcall.py", 92, "backend_process",
              "%s: Called function %s raised an error: %r", realworld.Shown("<Backend cm>"), "get_account",
              realworld.Shown("NeedInteractiveFor2FA()"))
            printed(stream, "Error(cm): You have to run bank in interactive mode to perform a two-factor "
                            "authentication")
            printed(stream, 'Error: account "00012345678901@cm" not found (Hint: try the command "list")')
            return
        get("/fr/banque/pageaccueil.html", page="UserSpacePage")
        get("/fr/banque/situation_financiere.cgi", page="AccountsPage")
        get("/fr/banque/comptes-et-contrats.html", page="NewAccountsPage")
        if night == 1:
            w(browser, logging.WARNING, WOOB_MOD + "browser.py", 924, "get_accounts_list",
              'There is an untyped account: please add "%s" to ACCOUNT_TYPES.', "COMPTE COURANT MODULO PRO")
        w(bcall, logging.DEBUG, WOOB_SITE + "woob/core/bcall.py", 95, "backend_process",
          "%s: Called function %s returned: %r", realworld.Shown("<Backend cm>"), "get_account",
          realworld.Shown("<woob.capabilities.bank.base.Account object at 0x7f3c1a2b%04x>" % (0x5e10 + night)))
        w(bcall, logging.DEBUG, WOOB_SITE + "woob/core/bcall.py", 86, "backend_process", "%s: Calling function %s",
          realworld.Shown("<Backend cm>"), "iter_history")
        w(bcall, logging.DEBUG, WOOB_SITE + "woob/core/bcall.py", 95, "backend_process",
          "%s: Called function %s returned: %r", realworld.Shown("<Backend cm>"), "iter_history",
          realworld.Shown("<generator object CreditMutuelModule.iter_history at 0x7f3c1a%06x>" % (0x2c9e40 + night)))
        for page in range(1, 5):
            get("/fr/banque/mouvements.html?webid=48312&pageno=%d" % page, page="OperationsPage")
            if bug and page == 3:
                printed(stream, "Bug(cm): There is no number to parse")
                printed(stream, "(If --auto-update is passed on the command-line, new versions of the module will "
                                "be checked automatically)")

                def backend_process():
                    def iter_history():
                        def parse():
                            raised("woob.browser.filters.standard", "NumberFormatError", "There is no number to parse")
                        parse()
                    iter_history()
                uncaught(stream, backend_process)
                return
        if night != 1:
            w(browser, logging.WARNING, WOOB_MOD + "browser.py", 1020, "list_operations",
              "Could not get more history on new website")
        get("/fr/banque/mvts_instance.cgi?webid=48312", page="ComingPage")
        printed(stream, "upload: ../data/ofx/cm-%s.ofx to s3://grossmann-finance-imports/bank/cm/cm-%s.ofx"
                % (now("%Y%m%d"), now("%Y%m%d")))

    with level_names({25: "STARTINFO"}):
        printed(stream, "%s,%03d CRIT Supervisor is running as root.  Privileges were not dropped because no user is "
                        "specified in the config file.  If you intend to run as root, you can set user=root in the "
                        "config file to avoid this message." % (now("%Y-%m-%d %H:%M:%S"), 12))
        supervisor("supervisord started with pid 1")
        webserver_start()
        supervisor("spawned: 'cron' with pid 10")
        supervisor("success: cron entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)")
        for n in range(36):
            engine_run(n, locked=(n == 17), db_down=(n == 26))
            if n == 16:
                # The host is replaced (a spot interruption) during a run.
                printed(stream, "%s,%03d WARN received SIGTERM indicating exit request" % (now("%Y-%m-%d %H:%M:%S"),
                                                                                            301))
                supervisor("waiting for bots-webserver, cron to die")
                supervisor("stopped: cron (terminated by SIGTERM)")
                supervisor("stopped: bots-webserver (terminated by SIGTERM)")
                supervisor("supervisord started with pid 1")
                webserver_start()
                supervisor("spawned: 'cron' with pid 10")
                supervisor("success: cron entered RUNNING state, process has stayed up for > than 1 seconds "
                           "(startsecs)")
            if n == 6:
                woob_run(0)
            if n == 14:
                woob_run(1)
            if n == 22:
                woob_run(2, bug=True)
            if n == 23:
                woob_run(3)
            if n == 33:
                woob_run(4, twofa=True)
    return {"name": "bots-woob", "programs": [en, ws, wb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A payments co-op's host on EC2 (the CloudWatch agent ships the host's
# containers to one stream): a self-hosted Liberapay (python app.py:
# gunicorn, two gthread workers) takes the members' recurring pledges
# through Stripe and PayPal, its cron threads in the web process; Polaris'
# reference anchor server (runserver, as its docker-compose runs it) and
# its watch_transactions, process_pending_deposits and
# poll/execute_outgoing_transactions containers move the co-op's SEP-24
# deposits and withdrawals of its test asset on Stellar's test network.

G_KEYS = ["GDJ4ZQ7WV3KXBLTYQ2SHRAPEXN5C6KJ4M7QWZP2VYHLE3FKXU5RSNBOA", "GB7PXQKOHTF3LJ4DWNE2ZSA6RYU5CVM3IHKQ2XGTLP6WBJE4N7ZSQ2DF",
          "GCQ3XLM5YVWPAE7KZJ4TNH2BUDSFGR6OQCI5XWLMTP3VZAHYKE4JB7NQ", "GAZ7N4LQK2WXDPYE5MVFHTJ3GUBS6ROCQIA4ZWXLNT7PK2VMEH5YDS3B"]
DIST = "GBXHS6T3YQ2KZOAWNLV7E5PCJ4DRMFUGI3Q6XZBSLA2OHKN5TYWEPQ7M"
MEMBERS = [1742, 2208, 3319, 981, 4450, 5127, 612, 2871]


def stream_liberapay_polaris():
    stream = []
    lp = Program("liberapay", "liberapay", logging.Formatter(LIBERAPAY), stream)
    gerr = Program("gunicorn-error", "gunicorn.error", logging.Formatter(GUNICORN_ERROR, GUNICORN_DATEFMT), stream)
    gacc = Program("gunicorn-access", "gunicorn.access", logging.Formatter("%(message)s"), stream)
    pol = Program("polaris", "polaris", logging.Formatter(POLARIS, POLARIS_DATEFMT, style="{"), stream)
    pdj = Program("polaris-django", "django", logging.Formatter(POLARIS_DJANGO, POLARIS_DATEFMT, style="{"), stream)
    website = lg(lp, "liberapay")
    cron = lg(lp, "liberapay.cron")
    stripe = lg(lp, "stripe")
    paypal = lg(lp, "paypal")
    elsewhere = lg(lp, "liberapay.elsewhere")
    gerror = lg(gerr, "gunicorn.error")
    access = lg(gacc, "gunicorn.access")
    ppd = lg(pol, "polaris.management.commands.process_pending_deposits")
    wtx = lg(pol, "polaris.management.commands.watch_transactions")
    pot = lg(pol, "polaris.management.commands.poll_outgoing_transactions")
    eot = lg(pol, "polaris.management.commands.execute_outgoing_transactions")
    sep10 = lg(pol, "polaris.sep10.views")
    dep = lg(pol, "polaris.sep24.deposit")
    wdr = lg(pol, "polaris.sep24.withdraw")
    putils = lg(pol, "polaris.utils")
    apps = lg(pol, "polaris.apps")
    rails = lg(pol, "server.integrations.rails")
    sviews = lg(pol, "server.views")
    djserver = lg(pdj, "django.server")
    djreload = lg(pdj, "django.utils.autoreload")
    djreq = lg(pdj, "django.request")

    def p(log, level, path, line, msg, *args, exc=None):
        at(log, level, POL_SITE + "polaris/" + path, line, "", msg, *args, exc=exc)

    def s(log, level, path, line, msg):
        at(log, level, POL + "server/" + path, line, "", msg)

    def hit(method, path, status, size):
        level = logging.INFO if status < 400 else logging.WARNING if status < 500 else logging.ERROR
        djserver.log(level, '"%s" %s %s', "%s %s HTTP/1.1" % (method, path), status, size)

    def lhit(status, secs, method, path, size, ref="-"):
        access.info('%s %s %s "%s" %s "%s"', status, "%d.%06d" % (secs // 1000000, secs % 1000000), "pledges.co-op.example",
                    "%s %s HTTP/1.1" % (method, path), size if size else "-", ref)

    def stripe_call(method, url, code=200):
        stripe.info("message='Request to Stripe api' method=%s url=%s" % (method, url))
        path = url
        stripe.info("message='Stripe API response' path=%s response_code=%d" % (path, code))

    def job(func, period, thread, tid):
        cron.info("Running Job(func=%s, period=%s, exclusive=True, thread=<Thread(Thread-%d (f), started daemon "
                  "%d)>)" % (func, period, thread, tid))

    def liberapay_start():
        gerror.info("Starting gunicorn %s", "24.1.1")
        gerror.info("Listening at: %s (%s)", "http://0.0.0.0:8339", 7)
        gerror.info("Using worker: %s", "gthread")
        for pid in (9, 10):
            gerror.info("Booting worker with pid: %s", pid)
        for mem in ("187324", "186912"):
            website.info("Process 7 is ready. Elapsed time: 3.%03ds (91.%d%% in userland). Resident memory: %s kB now, "
                         "%s kB at peak. " % (412 + int(mem) % 97, int(mem) % 9, mem, str(int(mem) + 88)))

    def polaris_start():
        djreload.info("Watching for file changes with %s", "StatReloader")
        printed(stream, "Performing system checks...")
        p(apps, logging.DEBUG, "apps.py", 55, "SECURE_SSL_REDIRECT is required to redirect HTTP traffic to HTTPS")
        printed(stream, "System check identified no issues (0 silenced).")
        printed(stream, now("%B %d, %Y - %H:%M:%S"))
        printed(stream, "Django version 4.2.11, using settings 'settings'")
        printed(stream, "Starting development server at http://0.0.0.0:8000/")
        printed(stream, "Quit the server with CONTROL-C.")

    def pending_deposits_start():
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 782,
          "attempting to acquire lock on key: PROCESS_PENDING_DEPOSITS_LOCK, attempt #1...")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 803,
          "last heartbeat was 61.482913 seconds ago")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 813,
          "lock on key: PROCESS_PENDING_DEPOSITS_LOCK acquired")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 76, "initializing queues from database...")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 94,
          "found 0 transactions to queue for submit_transaction_task")
        for line, task in ((765, "heartbeat_task"), (135, "check_rails_task"), (169, "check_accounts_task"),
                           (268, "check_trustlines_task"), (230, "check_unblocked_transactions_task")):
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", line, "%s started..." % task)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 320, "submit_transaction_task - running...")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 120,
          "submit_transaction_task requesting task from queue: SUBMIT_TRANSACTION_QUEUE")

    def tx_id(n):
        return "%08x-%04x-4%03x-9%03x-%012x" % (0x3b9f0c21 + n * 7919, (n * 131) % 65536, n % 4096, (n * 17) % 4096,
                                                 0x5d2e8c4a1b70 + n * 977)

    def deposit(n, key, create_account=False, callback_down=False):
        t = tx_id(n)
        token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.%s" % t.replace("-", "")[:24]
        hit("GET", "/sep24/info", 200, 1544)
        hit("GET", "/auth?account=%s" % key, 200, 372)
        p(sep10, logging.INFO, "sep10/views.py", 141, "Returning SEP-10 challenge for account %s" % key)
        p(sep10, logging.INFO, "sep10/views.py", 201, "Validating challenge transaction")
        if create_account:
            p(sep10, logging.INFO, "sep10/views.py", 233, "Account does not exist, using client's master key to verify")
            p(sep10, logging.INFO, "sep10/views.py", 257, "Challenge verified using client's master key")
        else:
            p(sep10, logging.INFO, "sep10/views.py", 275, "Challenge verified using account signers: %s" % [key])
        p(sep10, logging.INFO, "sep10/views.py", 294, "Generating SEP-10 token for account %s" % key)
        hit("POST", "/auth", 200, 311)
        p(dep, logging.INFO, "sep24/deposit.py", 536, "Created deposit transaction %s" % t)
        hit("POST", "/sep24/transactions/deposit/interactive", 200, 284)
        hit("GET", "/sep24/transactions/deposit/webapp?transaction_id=%s&asset_code=SRT&token=%s" % (t, token), 200,
            5921)
        hit("POST", "/sep24/transactions/deposit/webapp?transaction_id=%s&asset_code=SRT" % t, 302, 0)
        p(dep, logging.INFO, "sep24/deposit.py", 183, "Finished data collection for transaction %s" % t)
        hit("GET", "/sep24/transaction/more_info?id=%s&initialLoad=true" % t, 200, 4113)
        for _ in range(2 + n % 3):
            hit("GET", "/sep24/transaction?id=%s" % t, 200, 977)
        # process_pending_deposits: the mock bank reports the funds.
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 251,
          "saving transaction: %s as 'ready'" % t)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 109,
          "check_accounts_task - putting transaction %s into SUBMIT_TRANSACTION_QUEUE" % t)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 122,
          "submit_transaction_task got transaction: Transaction object (%s)" % t)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 338,
          "submit_transaction_task calling submit() for transaction %s, attempt #1" % t)
        p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 512, "initiating submission for %s" % t)
        if callback_down:
            p(putils, logging.ERROR, "utils.py", 334, "Callback request raised ConnectionError: HTTPSConnectionPool("
              "host='wallet.co-op.example', port=443): Max retries exceeded with url: /sep24/callback (Caused by "
              "NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f52c1d0e2b0>: Failed to establish "
              "a new connection: [Errno 111] Connection refused'))")
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 530,
          "requesting lock to submit deposit transaction %s" % t)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 534,
          "locked to submit deposit transaction for transaction %s" % t)
        if create_account:
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 544,
              "destination account: %s not found, creating account..." % key)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 595,
          "unlocking after attempting submission for transaction %s" % t)
        if create_account:
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 676,
              "account: %s successfully created for transaction: %s" % (key, t))
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 251,
              "saving transaction: %s as 'ready'" % t)
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 692,
              "saving transaction: %s as 'pending_trust'" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 298,
              "detected transaction %s is no longer pending trust" % t)
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 301,
              "check_trustlines_task - saving transaction %s as 'ready'" % t)
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 338,
              "submit_transaction_task calling submit() for transaction %s, attempt #1" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 512,
              "initiating submission for %s" % t)
        p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 659, "transaction %s completed." % t)
        p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 670,
          "deposit transaction: %s successful" % t)
        p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 120,
          "submit_transaction_task requesting task from queue: SUBMIT_TRANSACTION_QUEUE")
        hit("GET", "/sep24/transaction?id=%s" % t, 200, 1302)

    def withdraw(n, key, unmatched=False):
        t = tx_id(n + 500)
        memo = "%d" % (3400000 + n * 7777)
        hit("GET", "/auth?account=%s" % key, 200, 372)
        p(sep10, logging.INFO, "sep10/views.py", 141, "Returning SEP-10 challenge for account %s" % key)
        p(sep10, logging.INFO, "sep10/views.py", 201, "Validating challenge transaction")
        p(sep10, logging.INFO, "sep10/views.py", 275, "Challenge verified using account signers: %s" % [key])
        p(sep10, logging.INFO, "sep10/views.py", 294, "Generating SEP-10 token for account %s" % key)
        hit("POST", "/auth", 200, 311)
        p(wdr, logging.INFO, "sep24/withdraw.py", 518, "Created withdrawal transaction %s" % t)
        hit("POST", "/sep24/transactions/withdraw/interactive", 200, 286)
        hit("POST", "/sep24/transactions/withdraw/webapp?transaction_id=%s&asset_code=SRT" % t, 302, 0)
        p(wdr, logging.INFO, "sep24/withdraw.py", 179, "Finished data collection and processing for transaction %s" % t)
        hit("GET", "/sep24/transaction?id=%s" % t, 200, 1188)
        stellar = "%064x" % (0x7c1e9a3f5b2d8e6c4a0f1b3d5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e3c + n * 8191)
        if unmatched:
            p(wtx, logging.INFO, "management/commands/watch_transactions.py", 161,
              "No match found for stellar transaction %s" % stellar)
            return
        p(wtx, logging.INFO, "management/commands/watch_transactions.py", 172,
          "Matched transaction object %s for stellar transaction %s" % (t, stellar))
        p(eot, logging.INFO, "management/commands/execute_outgoing_transactions.py", 124,
          "Executing 1 outgoing transactions")
        p(eot, logging.INFO, "management/commands/execute_outgoing_transactions.py", 134,
          "Calling execute_outgoing_transaction() for %s" % t)
        s(rails, logging.INFO, "integrations/rails.py", 129, "fetching user data for transaction")
        s(rails, logging.INFO, "integrations/rails.py", 201, "successfully sent mock outgoing transaction %s" % t)
        p(eot, logging.INFO, "management/commands/execute_outgoing_transactions.py", 249,
          "1 transfers have been completed")
        p(pot, logging.INFO, "management/commands/poll_outgoing_transactions.py", 118,
          "1 pending transfers have been completed")

    # Liberapay's container, then the anchor's.
    printed(stream, "Running migration #%s..." % 187)
    printed(stream, "All done.")
    liberapay_start()
    polaris_start()
    pending_deposits_start()
    p(wtx, logging.INFO, "management/commands/watch_transactions.py", 113,
      "starting transaction stream for %s with cursor %s" % (DIST, "5207843614150657"))

    threads = {"check_db": (3, 139872531797760), "notify_patrons": (9, 139872489834240),
               "execute_reviewed_payins": (11, 139872473048832), "clean_up_counters": (7, 139872498226944)}
    for n in range(54):
        member = MEMBERS[n % len(MEMBERS)]
        lhit(200, 2811 + n * 37 % 9000, "GET", "/callbacks/health", 2)
        if n % 3 == 0:
            lhit(200, 41288 + n * 113 % 30000, "GET", "/", 12873 + n % 5)
            lhit(200, 18421 + n * 97 % 20000, "GET", "/about/", 8123, ref="https://pledges.co-op.example/")
        if n % 4 == 1:
            # A member pledges (a Stripe card payment).
            lhit(200, 92113 + n * 211 % 50000, "GET", "/~%d/donate" % member, 15522)
            lhit(302, 633012 + n * 1777 % 200000, "POST", "/~%d/giving/pay/stripe/?beneficiary=%d" % (
                member, MEMBERS[(n + 3) % len(MEMBERS)]), 0, ref="https://pledges.co-op.example/~%d/donate" % member)
            stripe_call("post", "https://api.stripe.com/v1/payment_methods/pm_1P%010dZ7Lw/attach" % (7310000000 + n))
            stripe_call("post", "https://api.stripe.com/v1/payment_intents")
            lhit(200, 1203311 + n * 3301 % 400000, "GET", "/~%d/giving/pay/stripe/%d" % (member, 41000 + n), 9921)
            # Stripe's webhook follows.
            stripe_call("get", "https://api.stripe.com/v1/charges/ch_3P%010dKq8Nn2xQ?expand%%5B0%%5D="
                               "balance_transaction" % (8104220000 + n * 4111))
            lhit(200, 211002 + n * 91 % 90000, "POST", "/callbacks/stripe", 2)
            if n == 45:
                website.info("a new participant has joined: ~%d" % 5301)
        if n % 10 == 7:
            # A PayPal pledge.
            lhit(302, 402211, "POST", "/~%d/giving/pay/paypal/?beneficiary=%d" % (member, MEMBERS[n % 5]), 0)
            if n == 37:
                paypal.warning("Funding failed for PayPal order 8RU61%07dA: %s" % (n * 1313,
                               "INSTRUMENT_DECLINED: The instrument presented was either declined by the processor "
                               "or bank, or it can't be used for this payment."))
            lhit(200, 1811320, "GET", "/~%d/giving/pay/paypal/%d?token=8RU61%07dA&PayerID=ZX3K%05dQ" % (
                member, 41000 + n, n * 1313, n * 7), 8611)
        if n % 15 == 4:
            t = threads["check_db"]
            job("<bound method DB.self_check of <liberapay.models.DB object at 0x7f3a9e2c1d50>>", 600, *t)
        if n % 20 == 9:
            job("<bound method Participant.notify_patrons of <class 'liberapay.models.participant.Participant'>>", 1200,
                *threads["notify_patrons"])
        if n == 30:
            job("<function execute_scheduled_payins at 0x7f3aa1c4e8e0>", "Daily(hour=5)", 15, 139872447870720)
            for k in range(6):
                stripe_call("post", "https://api.stripe.com/v1/payment_intents")
            stripe_call("post", "https://api.stripe.com/v1/payment_intents", code=402)
            cron.info("Sent %i %s notifications." % (2, "renewal_aborted"))
            cron.info("Sent %i %s notifications." % (5, "payin_succeeded"))
        if n == 40:
            job("<function reschedule_renewals at 0x7f3aa1c4e700>", "Daily(hour=3)", 13, 139872464656128)
            for donor in (2208, 4450, 981):
                cron.info("Rescheduling the renewals of participant ~%d" % donor)
            cron.warning("Rescheduling the renewals of participant ~%s failed to correct the imbalance: expected %s, "
                         "found %s" % (4450, 3, 2))
        if n == 43:
            elsewhere.warning("{} responded with {}:\n{}".format("GitHub", 502, "<html>\r\n<head><title>502 Bad Gateway"
                              "</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n"
                              "</html>\r\n"))
        if n == 47:
            job("<function detect_stuck_payins at 0x7f3aa1c4ec00>", "Daily(hour=14)", 19, 139872414299904)
            cron.info("marking payin %d as abandoned by payer" % 40922)
            cron.error("found %d stuck payin(s)" % 1)
        if n == 50:
            # A deploy: gunicorn restarts its workers.
            gerror.info("Handling signal: %s", "hup")
            gerror.info("Hang up: %s", "Master")
            for pid in (9, 10):
                gerror.info("Worker exiting (pid: %s)", pid)
            for pid in (31, 32):
                gerror.info("Booting worker with pid: %s", pid)
            website.info("Process 7 is ready. Elapsed time: 3.207s (90.4% in userland). Resident memory: 190208 kB now, "
                         "190300 kB at peak. ")
        if n == 52:
            gerror.critical("WORKER TIMEOUT (pid:%s)", 31)
            gerror.error("Worker (pid:%s) was sent SIGKILL! Perhaps out of memory?", 31)
            gerror.info("Booting worker with pid: %s", 35)

        # The anchor.
        if n % 2 == 0:
            key = G_KEYS[(n // 2) % len(G_KEYS)]
            deposit(n, key, create_account=(n % 18 == 8), callback_down=(n == 36))
        if n % 6 == 3:
            withdraw(n, G_KEYS[(n + 1) % len(G_KEYS)], unmatched=(n == 27))
        if n % 9 == 5:
            hit("GET", "/.well-known/stellar.toml", 200, 1872)
            djreq.warning("Not Found: %s", "/favicon.ico")
            hit("GET", "/favicon.ico", 404, 179)
        if n == 15:
            djreq.warning("Bad Request: %s", "/auth")
            hit("POST", "/auth", 400, 97)
        if n == 22:
            s(sviews, logging.INFO, "views.py", 80, "on_change_callback request received: %s" % (
                '{\n  "transaction": {\n    "id": "%s",\n    "kind": "deposit",\n    "status": "completed",\n    '
                '"amount_in": "103.00",\n    "amount_out": "102.00",\n    "amount_fee": "1.00"\n  }\n}' % tx_id(22)))
            hit("POST", "/log_callback", 200, 16)
        if n == 44:
            # Horizon's stream drops: watch_transactions crashes, docker restarts it.
            def watch_transactions():
                def for_account():
                    raised("stellar_sdk.exceptions", "StreamClientError", "Failed to get stream message.")
                for_account()
            try:
                watch_transactions()
            except Exception:
                p(wtx, logging.ERROR, "management/commands/watch_transactions.py", 72,
                  "watch_transactions() threw an unexpected exception", exc=True)

            def handle():
                watch_transactions()
            uncaught(stream, handle, after_traceback=True)
            p(wtx, logging.INFO, "management/commands/watch_transactions.py", 113,
              "starting transaction stream for %s with cursor %s" % (DIST, "5207843614150657"))
        if n == 38:
            # A stuck submission: Horizon times out.
            t = tx_id(38)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 749,
              "transaction %s is pending, resubmitting" % t)
            p(ppd, logging.DEBUG, "management/commands/process_pending_deposits.py", 338,
              "submit_transaction_task calling submit() for transaction %s, attempt #2" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 512, "initiating submission for %s" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 659, "transaction %s completed." % t)
        if n == 46:
            t = tx_id(46)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 737,
              "transaction %s is blocked, removing from queue" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 489,
              "detected unblocked transaction: %s" % t)
            p(ppd, logging.INFO, "management/commands/process_pending_deposits.py", 239,
              "check_unblocked_transactions_task - saving transaction %s as 'ready'" % t)
        if n == 53:
            t = tx_id(53)
            p(ppd, logging.ERROR, "management/commands/process_pending_deposits.py", 729,
              "transaction: %s encountered an error: %s" % (t, "transaction submission failed unexpectedly: "
                                                              "AAAAAAAAAGT/////AAAAAQAAAAAAAAAB////+wAAAAA="))
    return {"name": "liberapay-polaris", "programs": [lp, gerr, gacc, pol, pdj], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_ecommerce_greed(), stream_bots_woob(), stream_liberapay_polaris()])


if __name__ == "__main__":
    main()
