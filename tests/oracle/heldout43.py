"""The 43-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout42.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the areas this batch was given (mail, DNS and DHCP infrastructure: a
self-hosted nsupdate.info dynamic-DNS service on EC2 beside the dyndnsc
canary that updates a host through it; an office edge VM where dhcpy6d
hands out DHCPv6 leases and porkbun-ddns keeps the office's public names
at Porkbun; a mail host where olefy scans Office attachments for rspamd
and imapautofiler files the team's ops mailbox), each format copied
from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout43

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 80c306c (session 23's rules in, none
written from this set), with nothing configured: 51.0% exact, 51.0% key
fields (asctime 100.0%, levelname 99.8%, name 61.5%, message 51.0%).

Formatters and filters: all six use logging.Formatter itself, no filter.
nsupdate.info's LOGGING (dictConfig) has two stderr formatters: "stderr"
("[time] LEVEL message", for nsupdate.main.dnstools) and "stderr_request"
(for nsupdate.api.views), which prints free text after the message: " [ip:
..., ua: "..."]", from the `request.META.*` attributes its
utils/log.py LoggerAdapter passes as extra ("unknown" when the view gets no
request, as check_api_auth doesn't); a traceback comes after that text. The
adapter passes every META key and request attribute; the truth here is
given only the two the format prints. dyndnsc's basicConfig format has no
time ("DEBUG Updating ..."); it runs with --debug, so urllib3's records and
its argparse parser's repr print. dhcpy6d's format is `{`-style ("{asctime}
{name} {levelname} {message}", Python's default time), its messages
"|"-separated fields. porkbun-ddns's Docker entrypoint pads the level to
eight and prints no name. olefy's basicConfig format starts with the literal
"olefy", then the level and the function's name: its start-up records are
logged at module level ("<module>"), and asyncio's records go through the
same root handler ("olefy ERROR default_exception_handler Fatal error:
..."). imapautofiler's basicConfig format has neither time nor level
("move: 4213 (...) to Alerts.Firing"), and its loggers are named after its
rules and actions ("header-substring", "sort-mailing-list") beside
"imapautofiler", "imapautofiler.client" and the root ("root: starting").

Print lines: uwsgi's start-up and request lines for nsupdate.info; the
bare tracebacks dhcpy6d prints with traceback.print_exc(file=sys.stdout)
before its "DNSUPDATE: ..." and "handler: ..." records, and its stray
print(options_request); porkbun-ddns's uncaught PorkbunDDNS_Error (its
entrypoint's loop catches nothing, so the container dies and Docker
restarts it). Neither dhcpy6d nor porkbun-ddns logs a record with
exc_info, so their stream's exceptions are these three bare tracebacks;
olefy's DeprecationWarning for asyncio.get_event_loop(), which Python
prints for __main__; imapautofiler's argparse usage and error lines
(main() hands a failed connection to parser.error). 633 records in three
streams (44 print lines, three bare tracebacks).

The messages are the programs' own where read (nsupdate.info's
api/views.py and main/dnstools.py, dyndnsc's cli.py, core.py,
detector/webcheck.py and updater/dyndns2.py, dhcpy6d's main.py,
handler.py and threads.py, porkbun-ddns's porkbun_ddns.py, api.py and
resolver.py, olefy.py with its line numbers and functions,
imapautofiler's app.py, rules.py, actions.py, client.py and config.py);
the hosts, addresses, DUIDs, Rspamd ids, olevba's JSON, the user agents
and every count, the mailbox's subjects and rules are made up, and
dhcpy6d's transaction option strings follow
Transaction.get_options_string's shape, not a run. urllib3's and
asyncio's messages are from memory of their source; uwsgi's lines are
modelled.

Left out: fuglu (its GitHub repository fumail/fuglu keeps only a README
at master; the 2017 branch's conf/logging.conf.dist, "%(asctime)s
%(name)-12s: %(levelname)s %(message)s", is too old to stand for what is
run: fuglu moved to GitLab), kea-exporter (click.echo only, no logging;
mweinelt/kea-exporter 4246dd6), isbg (a bare StreamHandler,
"%(message)s"; isbg/isbg e626d8d isbg/isbg.py), getmail6 (its own logger
class writing to stdout, no logging format: getmail6/getmail6 30bcb99
getmailcore/logging.py), acertmgr (its own log()
function; moepman/acertmgr c68a3b1), sewer ("%(message)s" only;
komuw/sewer d12d5a2 sewer/lib.py), email-oauth2-proxy (in a container, a
StreamHandler with no formatter beside a print() of its own time before
each message; simonrob/email-oauth2-proxy 5682d75 emailproxy.py Log;
`heldout18.py`'s Left out too), and Mailman, HyperKitty, Postorius,
Mailu, Modoboa, SimpleLogin, Mail-in-a-Box, parsedmarc,
postfix-mta-sts-resolver, pyzord, Zeyple, policyd-rate-limit, NIPAP,
NetBox, PowerDNS-Admin, octoDNS, lexicon, certbot, dnsrobocert,
doh-proxy, Lemur, aiosmtpd, Mailrise (YoRyan/mailrise: `heldout20.py`; a
stream written for it was replaced when that was seen) and salmon (in
earlier sets or their "Left out" paragraphs).
"""

import json
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# nsupdate.info (nsupdate-info/nsupdate.info, 1c3578b), src/nsupdate/
# settings/base.py LOGGING's "stderr" formatter (nsupdate.main.dnstools)
# and "stderr_request" (nsupdate.api.views and nsupdate.main.views, whose
# LoggerAdapter from src/nsupdate/utils/log.py sets the request.META
# attributes).
NSUPDATE = "[%(asctime)s] %(levelname)s %(message)s"
NSUPDATE_REQUEST = ('[%(asctime)s] %(levelname)s %(message)s '
                    '[ip: %(request.META.REMOTE_ADDR)s, ua: "%(request.META.HTTP_USER_AGENT)s"]')
# dyndnsc (infothrill/python-dyndnsc, 75f82ce), dyndnsc/cli.py
# init_logging's logging.basicConfig (without --log-json).
DYNDNSC = "%(levelname)s %(message)s"
# dhcpy6d (HenriWahl/dhcpy6d, 684dce3), dhcpy6d/log.py: the "dhcpy6d"
# logger's console StreamHandler (LOG_CONSOLE), style "{".
DHCPY6D = "{asctime} {name} {levelname} {message}"
# porkbun-ddns (mietzen/porkbun-ddns, 2312b5d), Docker/entrypoint.py
# logFormatter (the "porkbun_ddns" logger's stdout handler).
PORKBUN = "%(asctime)s %(levelname)-8s %(message)s"
# olefy (HeinleinSupport/olefy, e9e593b), olefy.py's logging.basicConfig
# (root, stdout).
OLEFY = "olefy %(levelname)s %(funcName)s %(message)s"
# imapautofiler (dhellmann/imapautofiler, 07f229a), imapautofiler/app.py
# main's logging.basicConfig (root, stderr; DEBUG with -v).
IMAPAUTOFILER = "%(name)s: %(message)s"

OLEFY_SRC = "/usr/local/bin/olefy.py"
ASYNCIO_SRC = "/usr/local/lib/python3.12/asyncio/base_events.py"


def uwsgi(ip, method, path, status, size, ms):
    return ("[pid: 17|app: 0|req: %d/%d] %s () {40 vars in 702 bytes} [%s] %s %s => generated %d bytes in %d msecs "
            "(HTTP/1.1 %d) 5 headers in 158 bytes (1 switches on core 0)" % (
                ms % 97 + 3, ms % 211 + 9, ip, now("%a %b %d %H:%M:%S %Y"), method, path, size, ms, status))


# --------------------------------------------------------------------------
# A self-hosted nsupdate.info on EC2 (uwsgi in one container, Docker's
# awslogs driver, one stream for the compose project): the offices'
# routers update their names through its dyndns2 API, and a dyndnsc
# container (--debug) keeps a canary name current through the same API.

ROUTERS = [("office-fra", "198.51.100.23", "Fritz!Box DDNS/1.0"),
           ("office-ber", "198.51.100.77", "ddclient/3.11.2"),
           ("lab", "203.0.113.40", "inadyn/2.12.0"),
           ("vpn-gw", "203.0.113.91", "Mozilla/5.0 (pfSense; FreeBSD 14.0)")]
ZONE = "dyn.example.org"


def stream_nsupdate_dyndnsc():
    stream = []
    ns = Program("nsupdate", "nsupdate.main.dnstools", logging.Formatter(NSUPDATE), stream)
    nsr = Program("nsupdate-request", "nsupdate.api.views", logging.Formatter(NSUPDATE_REQUEST), stream)
    dd = Program("dyndnsc", "root", logging.Formatter(DYNDNSC), stream)
    dns = lg(ns, "nsupdate.main.dnstools")
    views = lg(nsr, "nsupdate.api.views")
    root = lg(dd, "root")
    core = lg(dd, "dyndnsc.core")
    conf = lg(dd, "dyndnsc.conf")
    web = lg(dd, "dyndnsc.detector.webcheck")
    upd = lg(dd, "dyndnsc.updater.dyndns2")
    pm = lg(dd, "dyndnsc.plugins.manager")
    u3 = lg(dd, "urllib3.connectionpool")

    def req(ip, ua):
        return logging.LoggerAdapter(views, {"request.META.REMOTE_ADDR": ip, "request.META.HTTP_USER_AGENT": ua})

    noreq = req("unknown", "unknown")

    printed(stream, "*** Starting uWSGI 2.0.23 (64bit) on [%s] ***" % now("%a %b %d %H:%M:%S %Y"))
    printed(stream, "WSGI app 0 (mountpoint='') ready in 2 seconds on interpreter 0x7f3b2c1d4a58 pid: 9 (default app)")
    printed(stream, "spawned uWSGI worker 1 (pid: 17, cores: 1)")
    root.debug("ArgumentParser(prog='dyndnsc', usage=None, description=None, formatter_class=<class "
               "'argparse.HelpFormatter'>, conflict_handler='error', add_help=True)")
    conf.debug("Attempting to read configuration from %r", ["/etc/dyndnsc.ini"])
    conf.debug("Successfully read configuration from %r", ["/etc/dyndnsc.ini"])
    conf.debug("config file sections: %r", ["dyndnsc", "canary"])
    root.debug("raw config for '%s': %r", "canary", {"use_preset": "nsupdate.info:ipv4", "updater-hostname":
                                                     "canary." + ZONE, "updater-userid": "canary." + ZONE})
    pm.debug("Available plugins: %s", [])
    pm.debug("Enabled plugins: %s", [])
    root.debug("Initializing client for '%s'", "canary")
    core.debug("IP detector uses address family %r", "INET")
    core.debug("DynDnsClient initializer done")
    current, detected = "203.0.113.7", "203.0.113.7"
    for cycle in range(8):
        # The routers' updates, as uwsgi serves them.
        for i, (host, ip, ua) in enumerate(ROUTERS):
            fqdn = "%s.%s" % (host, ZONE)
            r = req(ip, ua)
            newip = ip if (cycle + i) % 3 else ip.rsplit(".", 1)[0] + ".%d" % (100 + cycle * 7 + i)
            if cycle == 2 and host == "vpn-gw":
                noreq.warning("%s - received bad credentials (password does not match)" % fqdn)
                printed(stream, uwsgi(ip, "GET", "/nic/update?myip=" + newip, 401, 7, 12))
                continue
            r.info("authenticated by update secret for host %s" % fqdn)
            if cycle == 3 and host in ("lab", "vpn-gw"):
                if host == "lab":
                    dns.debug("performing upd for name %s and origin %s with rdtype A and ipaddr %s" % (
                        host, ZONE, newip))
                    err = ("timeout when performing upd for name %s and origin %s with rdtype A and ipaddr %s" % (
                        host, ZONE, newip))
                    dns.error(err)
                    dns.warning("set zone '%s' to unavailable" % ZONE)
                else:
                    err = "nameserver for domain %s at IP %s was flagged unavailable" % (ZONE, "10.0.2.53")
                r.error("%s - received update that resulted in a dns error [%s], ip: %s tls: %r" % (
                    fqdn, err, newip, True))
                printed(stream, uwsgi(ip, "GET", "/nic/update?myip=" + newip, 200, 6, 10021))
                continue
            if cycle == 5 and i == 0:
                dns.info("set zone '%s' to available" % ZONE)
            if newip == ip:
                dns.debug("query: %s answer: %s" % (fqdn, ip))
                r.warning("%s - received no-change update, ip: %s tls: %r" % (fqdn, ip, True))
                printed(stream, uwsgi(ip, "GET", "/nic/update?myip=" + ip, 200, 17, 38 + i))
                continue
            dns.debug("query: %s answer: %s" % (fqdn, ip))
            dns.debug("performing upd for name %s and origin %s with rdtype A and ipaddr %s" % (host, ZONE, newip))
            r.info("%s - received good update -> ip: %s tls: %r" % (fqdn, newip, True))
            if host == "office-fra":
                rh = "nas.%s" % fqdn
                r.info("updating related host %s -> %s" % (rh, newip.rsplit(".", 1)[0] + ".12"))
                dns.debug("performing upd for name nas.%s and origin %s with rdtype A and ipaddr %s" % (
                    host, ZONE, newip.rsplit(".", 1)[0] + ".12"))
            if host == "office-ber" and cycle == 5:
                kwargs = {"name": "office-ber", "hostname": "office-ber.dynv6.net", "myip": newip,
                          "server": "dynv6.com", "path": "/api/update", "secure": True}

                def dyndns2_update():
                    def get():
                        raised("requests.exceptions", "ConnectionError",
                               "HTTPSConnectionPool(host='dynv6.com', port=443): Max retries exceeded with url: "
                               "/api/update?hostname=office-ber.dynv6.net&myip=%s (Caused by ConnectTimeoutError("
                               "<urllib3.connection.HTTPSConnection object at 0x7f3b29e0c590>, 'Connection to "
                               "dynv6.com timed out. (connect timeout=60)'))" % newip)
                    get()
                try:
                    dyndns2_update()
                except Exception:
                    r.exception("the dyndns2 updater raised an exception [%r]" % kwargs)
            printed(stream, uwsgi(ip, "GET", "/nic/update?myip=" + newip, 200, 16 + len(newip), 55 + 9 * i))
        # The canary's dyndnsc check.
        web.debug("Querying IP address from '%s'", "https://ipv4.nsupdate.info/myip")
        u3.debug("Starting new HTTPS connection (%d): %s:%s", 1, "ipv4.nsupdate.info", 443)
        if cycle == 4:
            def detect():
                def urlopen():
                    raised("requests.exceptions", "ReadTimeout",
                           "HTTPSConnectionPool(host='ipv4.nsupdate.info', port=443): Read timed out. "
                           "(read timeout=60)")
                urlopen()
            try:
                detect()
            except Exception:
                web.debug("webcheck failed for url '%s'", "https://ipv4.nsupdate.info/myip", exc_info=True)
            web.info("Could not detect IP using webcheck! Offline?")
            continue
        u3.debug('%s://%s:%s "%s %s %s" %s %s', "https", "ipv4.nsupdate.info", 443, "GET", "/myip", "HTTP/1.1",
                 200, len(detected))
        if cycle in (2, 6):
            detected = "203.0.113.%d" % (7 + cycle)
        if detected == current:
            if cycle % 3 == 2:
                core.debug("forcing sync after %s seconds", 1800)
                core.debug("%s: nothing to do, dns '%s' equals detection '%s'", "canary." + ZONE, current, detected)
            continue
        core.debug("detector changed")
        core.debug("state changed, syncing...")
        core.info("%s: dns IP '%s' does not match detected IP '%s', updating", "canary." + ZONE, current, detected)
        upd.debug("Updating '%s' to '%s' at service '%s'", "canary." + ZONE, detected,
                  "https://ipv4.nsupdate.info/nic/update")
        u3.debug("Starting new HTTPS connection (%d): %s:%s", 1, "ipv4.nsupdate.info", 443)
        r = req("203.0.113.7", "python-requests/2.31.0")
        r.info("authenticated by update secret for host %s" % ("canary." + ZONE))
        dns.debug("performing upd for name canary and origin %s with rdtype A and ipaddr %s" % (ZONE, detected))
        r.info("%s - received good update -> ip: %s tls: %r" % ("canary." + ZONE, detected, True))
        printed(stream, uwsgi("203.0.113.7", "GET", "/nic/update?hostname=canary.%s&myip=%s" % (ZONE, detected), 200,
                              19, 61))
        u3.debug('%s://%s:%s "%s %s %s" %s %s', "https", "ipv4.nsupdate.info", 443, "GET",
                 "/nic/update?hostname=canary.%s&myip=%s" % (ZONE, detected), "HTTP/1.1", 200, 19)
        upd.debug("status %i, %s", 200, "good " + detected)
        current = detected
        if cycle == 6:
            # The loop's catch-all: a check that raised.
            def check():
                def resolve():
                    raised("socket", "gaierror", "[Errno -3] Temporary failure in name resolution")
                resolve()
            try:
                check()
            except Exception as exc:
                root.critical("An exception occurred in the dyndns loop", exc_info=exc)
    printed(stream, "SIGINT/SIGTERM received...killing workers...")
    printed(stream, "worker 1 buried after 1 seconds")
    return {"name": "nsupdate-dyndnsc", "programs": [ns, nsr, dd], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An office's edge VM (its journal shipped to CloudWatch by the agent, one
# stream): dhcpy6d hands out DHCPv6 addresses and prefixes on the office
# LAN and registers them in the internal zone, and porkbun-ddns (the
# Docker image, SUBDOMAINS "office,vpn") keeps the office's public A and
# AAAA records at Porkbun current.

CLIENTS = [("fe80::5054:ff:fe3a:1c07", "52:54:00:3a:1c:07", "000100012d9f0a1b52540033a1c07", "ws-0107"),
           ("fe80::a236:9fff:fe12:4e20", "a0:36:9f:12:4e:20", "0001000129c4d1e2a0369f124e20", "printer-2og"),
           ("fe80::dea6:32ff:fe88:9a01", "dc:a6:32:88:9a:01", "00020000ab11c2f0e98a5b3f7d21", "pi-sensors"),
           ("fe80::1e69:7aff:fe0b:3310", "1c:69:7a:0b:33:10", "0004a1b2c3d4e5f60718293a4b5c6d7e8f90", "nuc-lab")]
KINDS = {1: "SOLICIT", 2: "ADVERTISE", 3: "REQUEST", 5: "RENEW", 7: "REPLY", 8: "RELEASE"}


def stream_dhcpy6d_porkbun():
    stream = []
    dh = Program("dhcpy6d", "dhcpy6d", logging.Formatter(DHCPY6D, style="{"), stream)
    pb = Program("porkbun-ddns", "porkbun_ddns", logging.Formatter(PORKBUN), stream)
    d = lg(dh, "dhcpy6d")
    p = lg(pb, "porkbun_ddns")

    def opts(llip, mac, duid, n):
        return " | client_llip: %s | duid: %s | iaid: %08x | interface: eth1 | mac: %s" % (llip, duid, 0x1c07 + n, mac)

    d.info("Starting dhcpy6d daemon...")
    d.info("Server DUID: 000100012dc0ffee0a1b2c3d4e5f")
    d.info("Running as user dhcpy6d (UID 999) and group dhcpy6d (GID 999)")
    d.info("Listening on interfaces: eth1")
    public = {"A": "198.51.100.23", "AAAA": "2001:db8:4a1c:100::1"}
    for cycle in range(10):
        for n, (llip, mac, duid, name) in enumerate(CLIENTS):
            tid = "%06x" % (0x5a3f1c + cycle * 131 + n * 17)
            kind = 5 if cycle % 3 else 1
            if cycle == 0:
                d.info(f"collected mac {mac} for llip {llip}")
            d.info(f"{KINDS[kind]} | transaction: {tid}{opts(llip, mac, duid, n)}")
            addr = "2001:db8:4a1c:10::%x" % (0x100 + n)
            if name == "printer-2og" and cycle == 4:
                d.warning(f"REPLY | no addresses or prefixes available | transaction: {tid} | client_llip: {llip}")
                continue
            if name == "pi-sensors" and cycle == 6:
                d.info(f"transaction: {tid} | Multicast necessary but message came from {llip}")
                continue
            if kind == 1:
                d.info(f"ADVERTISE | transaction: {tid} | options: [1, 2, 3, 23, 24] | addresses: {addr}")
                d.info(f"REQUEST | transaction: {tid}{opts(llip, mac, duid, n)}")
            d.info(f"REPLY | transaction: {tid} | options: [1, 2, 3, 23, 24] | addresses: {addr}")
            if name == "nuc-lab" and cycle == 2:
                printed(stream, str([6, 8]))
                d.info("what else should I do?")
        if cycle == 3:
            # The DNS update thread's failure: the traceback, then its record.
            def run():
                def tcp():
                    raised("dns.tsig", "PeerBadSignature", "The peer didn't like the signature we sent")
                tcp()
            uncaught(stream, run)
            d.error("DNSUPDATE: The peer didn't like the signature we sent")
        if cycle == 5:
            d.info("Blacklisting client fe80::f2de:f1ff:fe77:20ab after 11 requests")
            d.info("Control message 'refresh' received")
        if cycle == 7:
            d.info("Releasing client fe80::f2de:f1ff:fe77:20ab from blacklist")
            d.info(f"deleted mac {CLIENTS[2][1]} for llip {CLIENTS[2][0]}")
            d.error(f"Received NXDOMAIN when trying to resolve {'2001:db8:4a1c:10::102'}")
        if cycle == 8:
            def handle():
                def build_response():
                    raise KeyError("addresses")
                build_response()
            uncaught(stream, handle)
            d.error("handler: 'addresses'")
        # porkbun-ddns's pass, every 300 s.
        if cycle == 6:
            public["A"] = "198.51.100.61"
        for sub in ("office", "vpn"):
            fqdn = "%s.example.com" % sub
            if cycle == 1 and sub == "office":
                p.warning("Error reaching %s! - %s", "https://v4.ident.me", "[Errno -3] Temporary failure in name "
                          "resolution")
            if cycle == 6:
                p.info(f"Deleting A-Record for {fqdn} with content: 198.51.100.23, Status: SUCCESS")
                p.info(f"Creating A-Record for {fqdn} with content: {public['A']}, Status: SUCCESS")
            else:
                p.info(f"A-Record of {fqdn} is up to date!")
            p.info(f"AAAA-Record of {fqdn} is up to date!")
            if cycle == 8 and sub == "office":
                url = "https://api.porkbun.com/api/json/v3/dns/retrieve/example.com"
                for attempt in (1, 2):
                    p.warning("%s Retrying in %s seconds (attempt %s/%s).", f"Error reaching {url}! - HTTP 503", 5,
                              attempt, 3)

                def module():
                    def update_records():
                        def post():
                            raised("porkbun_ddns.errors", "PorkbunDDNS_Error", f"Error reaching {url}! - HTTP 503")
                        post()
                    update_records()
                uncaught(stream, module)
                break
        else:
            if cycle == 6:
                p.warning("Failed to send webhook to %s: %s", "https://hooks.slack.com/services/T0000/B0000/XXXX",
                          "HTTP Error 404: Not Found")
            p.info("Sleeping... {}s".format(300))
    return {"name": "dhcpy6d-porkbun", "programs": [dh, pb], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A mail host's helpers on EC2 (Docker's awslogs driver, one stream): olefy
# (OLEFY_LOGLVL=20) scans the Office attachments rspamd sends it, and
# an hourly imapautofiler -v task files the team's ops mailbox (alert
# mails into folders, resolved alerts to the trash, mailing lists sorted).

DOCS = [("a1b2c3", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 48640, "OpenXML"),
        ("9f8e7d", "application/vnd.ms-excel", 124416, "OLE"),
        ("c0ffee", "application/vnd.ms-excel.sheet.macroEnabled.12", 77312, "OpenXML"),
        ("5d4c3b", "application/msword", 33280, "OLE")]


RULES = [({"headers": [{"name": "subject", "substring": "[firing"}], "move": {"dest-mailbox": "Alerts.Firing"}},
          "[firing", "move", "Alerts.Firing"),
         ({"headers": [{"name": "subject", "substring": "[resolved"}], "trash": {}}, "[resolved", "trash",
          "Trash"),
         ({"headers": [{"name": "subject", "substring": "cron <"}], "move": {"dest-mailbox": "Cron"}}, "cron <",
          "move", "Cron")]
INBOX = ["[FIRING:1] HighErrorRate checkout (critical)", "[RESOLVED] HighErrorRate checkout (critical)",
         "Cron <root@ops1> /usr/local/bin/backup-db.sh", "[FIRING:2] KubePodCrashLooping payments",
         "[aws-announce] Amazon RDS for PostgreSQL 16.3 now available", "Your AWS Budget alert: ops-account",
         "[RESOLVED] DiskWillFillIn4Hours db-2"]


def imapautofiler_run(log, stream, run):
    """One hourly run of imapautofiler -v on the team's ops mailbox."""
    if run == 3:
        # The IMAP server is away: main() turns the error into parser.error.
        log["root"].debug("starting")
        log["imapautofiler.config"].debug("loading config from %s", "/config/imapautofiler.yml")
        log["imapautofiler.client"].debug("Password provider in config as cleartext")
        printed(stream, "usage: imapautofiler [-h] [-v] [--debug] [-c CONFIG_FILE] [--list-mailboxes] [-n]")
        printed(stream, "imapautofiler: error: [Errno 110] Connection timed out")
        return
    log["root"].debug("starting")
    log["imapautofiler.config"].debug("loading config from %s", "/config/imapautofiler.yml")
    log["imapautofiler.client"].debug("Password provider in config as cleartext")
    for rule, sub, _, _ in RULES:
        log["headers"].debug("rule %r", rule)
        log["header-substring"].debug("rule %r", {"name": "subject", "substring": sub})
    lists = {"is-mailing-list": {}, "sort-mailing-list": {"dest-mailbox-base": "Lists."}}
    log["is-mailing-list"].debug("rule %r", lists)
    messages, processed, errors = INBOX[run % 3:run % 3 + 3 + run % 2], 0, 0
    for n, subject in enumerate(messages):
        uid = 4213 + run * 7 + n
        log["imapautofiler"].debug("message %s: %s", uid, subject)
        for rule, sub, action, dest in RULES:
            log["header-substring"].debug("%r in %r", sub, subject)
            if sub in subject.lower():
                log[action].debug("new: %r", rule[action])
                log[action].info("%s (%s) to %s", uid, subject, dest)
                if run == 4 and n == 1:
                    log["imapautofiler"].error('failed to %s "%s": %s', action, subject,
                                               "b'[TRYCREATE] Mailbox doesn\\'t exist: %s'" % dest)
                    errors += 1
                else:
                    processed += 1
                break
        else:
            if subject.startswith("[aws-announce]"):
                log["sort-mailing-list"].debug("new: %r", lists["sort-mailing-list"])
                log["sort-mailing-list"].debug("%s %r header %r matched regex %r with %r", uid, "list-id",
                                               "<aws-announce.lists.example.org>", r"<?([^.]+)\..*>?",
                                               ("aws-announce",))
                log["sort-mailing-list"].debug("%s using group %s", uid, 1)
                log["sort-mailing-list"].info("%s (%s) to %s", uid, subject, "Lists.aws-announce")
                processed += 1
                continue
            log["imapautofiler"].debug("no rules match")
    log["imapautofiler"].info("encountered %s messages, processed %s", len(messages), processed)
    if errors:
        log["imapautofiler"].info("encountered %d errors", errors)


def stream_olefy_imapautofiler():
    stream = []
    ol = Program("olefy", "olefy", logging.Formatter(OLEFY), stream)
    ia = Program("imapautofiler", "imapautofiler", logging.Formatter(IMAPAUTOFILER), stream)
    o = lg(ol, "olefy")
    aio = lg(ol, "asyncio")
    ian = {n: lg(ia, n) for n in ("root", "imapautofiler", "imapautofiler.config", "imapautofiler.client", "headers",
                                  "header-substring", "is-mailing-list", "move", "trash", "sort-mailing-list")}

    def olefy(level, line, func, msg):
        at(o, level, OLEFY_SRC, line, func, msg)

    printed(stream, "%s:204: DeprecationWarning: There is no current event loop" % OLEFY_SRC)
    printed(stream, "  loop = asyncio.get_event_loop()")
    for line, text in [(67, "olefy listen address: ['0.0.0.0'] (type: <class 'list'>)"),
                       (68, "olefy listen port: 10050"), (69, "olefy tmp dir: /tmp"),
                       (70, "olefy python path: /usr/local/bin/python3"),
                       (71, "olefy olvba path: /usr/local/bin/olevba3"), (72, "olefy log level: 20"),
                       (73, "olefy min file length: 500"), (74, "olefy delete tmp file: 1"),
                       (75, "olefy delete tmp file when failed: 1")]:
        olefy(logging.INFO, line, "<module>", text)
    olefy(logging.INFO, 209, "<module>", "serving on ('0.0.0.0', 10050)")
    for cycle in range(6):
        # rspamd sends olefy the attachments of the mail it scans.
        for k, (rid, mime, size, kind) in enumerate(DOCS):
            lid = "<%s>" % rid
            peer = ("172.22.1.11", 43200 + cycle * 9 + k)
            if cycle == 2 and k == 1:
                olefy(logging.INFO, 182, "eof_received", "%s %d bytes (stream size)" % (lid, 312))
                olefy(logging.ERROR, 99, "oletools", "%s %d bytes (Not Scanning! File smaller than %r)" % (
                    lid, 312, 500))
                out = b'[ { "error": "File too small" } ]\t\n\n\t'
                olefy(logging.INFO, 199, "eof_received", "%s %s response send: %r" % (lid, peer, out))
                continue
            if cycle == 4 and k == 3:
                # A request without a Rspamd-ID header: eof_received raises.
                def eof_received():
                    raise KeyError("Rspamd-ID")
                try:
                    eof_received()
                except Exception:
                    at(aio, logging.ERROR, ASYNCIO_SRC, 1821, "default_exception_handler",
                       "Fatal error: protocol.eof_received() call failed.\nprotocol: <__main__.AIO object at "
                       "0x7f5e2a3c1b90>\ntransport: <_SelectorSocketTransport fd=9 read=polling write=<idle, "
                       "bufsize=0>>", exc=True)
                continue
            size = size + cycle * 512
            olefy(logging.INFO, 182, "eof_received", "%s %d bytes (stream size)" % (lid, size))
            olefy(logging.INFO, 108, "oletools", "%s %s (libmagic output)" % (lid, mime))
            if cycle == 5 and k == 2:
                olefy(logging.ERROR, 129, "oletools", "%s olevba exited with code %r; err: %r" % (
                    lid, 2, "olevba3: error: unrecognized arguments: -l error\n"))
            macros = (k + cycle) % 4 == 0
            result = {"file": "/tmp/%s.%d.%s" % ("%.6f" % realworld.CLOCK.t, peer[1], rid),
                      "type": kind, "container": None, "analysis": [{"type": "AutoExec", "keyword": "AutoOpen",
                                                                     "description": "Runs when the Word document is "
                                                                                    "opened"}] if macros else None,
                      "macros": [{"vba_filename": "ThisDocument.cls", "code": "Sub AutoOpen()"}] if macros else []}
            out = (json.dumps([{"script_name": "olevba", "version": "0.60.2", "python_version": [3, 12, 4]},
                               result]).encode() + b"\t\n\n\t")
            olefy(logging.INFO, 199, "eof_received", "%s %s response send: %r" % (lid, peer, out))
        imapautofiler_run(ian, stream, cycle)
    olefy(logging.INFO, 221, "<module>", "stopped serving")
    return {"name": "olefy-imapautofiler", "programs": [ol, ia], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_nsupdate_dyndnsc(), stream_dhcpy6d_porkbun(), stream_olefy_imapautofiler()])


if __name__ == "__main__":
    main()
