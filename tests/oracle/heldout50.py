"""The 50-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout49.py`): six more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
the area this batch was given, identity, access and secrets (a remote-
access host on EC2 where openvpn-monitor shows the OpenVPN servers'
sessions and latchset's kdcproxy carries the VPN users' Kerberos traffic
over HTTPS, one log group for the compose project; a key-management host
where PyKMIP's KMIP server hands out the database encryption keys, and
Certomancer's Animator serves the staging PKI that issues the KMIP clients'
certificates (its CRLs, OCSP and time stamps); a bastion's Session Manager
session log, where an engineer gets MFA credentials with aws-mfa and opens
SSM sessions on private instances with aws-gate), each format copied from
the file named beside it (the version read is given), with the formatter
class the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout50

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at f1eec91 (session 24's rules in, none
written from this set), with nothing configured: 79.8% exact, 79.8% key
fields (asctime 96.7%, levelname 96.7%, name 83.6%, message 79.8%).
Again at 71d4cb2, after session 25's rules from heldout44 to heldout47
(none written from this set): the same figures.

Formatters and filters: all six use logging.Formatter itself, no filter
(openvpn-monitor, kdcproxy and aws-gate through logging.basicConfig,
PyKMIP, Certomancer and aws-mfa on a handler of their own). openvpn-monitor
brackets the time (Python's default), the pid and the level, no name, and
logs through the root logger; its messages put the VPN's name in brackets
and the management command in backquotes, and it runs at INFO (DEBUG only
under Flask's debug). kdcproxy's logging.basicConfig() gives BASIC_FORMAT
("WARNING:kdcproxy:..."), the root at WARNING, so only its warnings and
errors print; one of them goes through the root logger ("WARNING:root:").
PyKMIP's server writes "%(asctime)s - %(name)s - %(levelname)s - " to its
RotatingFileHandler (/var/log/pykmip/server.log, which the host's
CloudWatch agent ships; the file holds nothing else), its sessions' loggers
named after the session ("kmip.server.session.00000003"), at DEBUG (the
server.conf sets logging_level), so the cipher lists print, one cipher a
record; its failures are logged by logger.exception(e), so the message is
the exception's text and a traceback follows. Certomancer's CLI gives its
"certomancer" logger the same format at INFO on stderr; its Animator logs
the CertomancerObjectNotFoundError of a lookup at INFO and a service error
at ERROR, and the CLI's exception_manager logs a configuration problem with
exc_info. aws-mfa prints "%(levelname)s - %(message)s" on stdout (its
"Validating credentials" message ends with a space when no role is
assumed); aws-gate, with GATE_DEBUG set, pads the logger's name to 28 and
the level to five ("INFO " and "DEBUG") on stderr.

547 records in three streams (112 of them print lines, two bare
tracebacks).

Print lines: gunicorn's lines (its own format, "[time +0000] [pid]
[LEVEL]", close to openvpn-monitor's) and a worker's boot traceback for
kdcproxy; Werkzeug's request lines for Certomancer (run_simple's own
handler, the root has none) and its " * Running on" lines; the bastion's
shell prompts, aws-mfa's token prompt and session-manager-plugin's output.
With GATE_DEBUG, aws-gate leaves sys.excepthook alone, so the interpreter
prints its ValueError; aws-mfa and kdcproxy log no exception with exc_info,
so the first and third streams' tracebacks are bare ones.

The messages are modelled on the programs' source, not copied line by
line: openvpn-monitor's app.py, config/loader.py and vpns/openvpn/
management_connection.py messages, kdcproxy's __init__.py and
config/__init__.py warnings, PyKMIP's services/server/server.py,
session.py, engine.py and config.py messages, Certomancer's
integrations/animator.py and cli.py, registry/pki_arch.py and keys.py
exception texts, aws-mfa's awsmfa/__init__.py and aws-gate's session.py,
session_common.py, query.py, config.py, decorators.py and cli.py messages
are their own (read at the commits cited); the hosts, realms, key ids,
certificate labels, serial numbers, SSM responses and times are made up,
and gunicorn's, Werkzeug's, the plugin's and the shell's lines are
modelled.

Left out: credstash (its setup_logging writes "%(asctime)s %(levelname)s
%(message)s" to a FileHandler only, on the CLI's --log-file; read at
fugue/credstash df24f91 credstash.py, a later set could use it), ipa-tuura
(its LOGGING's console handler has no formatter: "%(message)s", freeipa/
ipa-tuura 20539d6 src/ipa-tuura/root/settings.py), certidude (its handlers
are SQL, syslog and EventSource ones, no format: laurivosandi/certidude
6e50c85 certidude/api/__init__.py), github-team-sync (no format of its
own: github/github-team-sync 5bced2b), ssh-ldap-pubkey (no logging:
jirutka/ssh-ldap-pubkey 7ba9ceb), python-blessclient (basicConfig's
BASIC_FORMAT, lyft/python-blessclient 437ae7c blessclient/client.py);
acme2certifier, WGDashboard, Custodia, aws-adfs, vault-cli, awsume,
mozilla-aws-cli, Keystone, Barbican, authentik, ConsoleMe, BLESS, keymaker,
gimme-aws-creds, okta-awscli, Zentral, ldap-ui, LdapCherry, privacyIDEA,
LinOTP, SATOSA, pyFF, Pritunl, FreeIPA, ldap2pg, Sydent, django-ca,
Confidant, Repokid, Aardvark and Lemur (in earlier sets or their "Left out"
paragraphs).
"""

import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# openvpn-monitor (furlongm/openvpn-monitor, 73b4c3a), openvpn_monitor/
# app.py: logging.basicConfig(stream=sys.stderr, format=...), the root at
# INFO.
OPENVPN_MONITOR = "[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s"
# kdcproxy (latchset/kdcproxy, 2d85bc6), kdcproxy/__init__.py and
# kdcproxy/config/__init__.py: logging.basicConfig() (BASIC_FORMAT).
KDCPROXY = "%(levelname)s:%(name)s:%(message)s"
# PyKMIP (OpenKMIP/PyKMIP, 6cd44b5), kmip/services/server/server.py
# KmipServer._setup_logging: the "kmip.server" logger's RotatingFileHandler.
PYKMIP = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# Certomancer (MatthiasValvekens/certomancer, 8f5c58c), certomancer/cli.py
# _log_config: the "certomancer" logger's StreamHandler, at INFO.
CERTOMANCER = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# aws-mfa (broamski/aws-mfa, 5334deb), awsmfa/__init__.py setup_logger: the
# "aws-mfa" logger's StreamHandler on stdout.
AWS_MFA = "%(levelname)s - %(message)s"
# aws-gate (xen0l/aws-gate, 52f7281), aws_gate/cli.py main: the format
# given to logging.basicConfig when GATE_DEBUG is set (aws_gate/constants.py).
AWS_GATE = "%(asctime)s - %(name)-28s - %(levelname)-5s - %(message)s"


def gunicorn(stream, worker, level, text):
    printed(stream, "[%s +0000] [%d] [%s] %s" % (now("%Y-%m-%d %H:%M:%S"), worker, level, text))


# --------------------------------------------------------------------------
# A remote-access host on EC2 (Docker's awslogs driver, one stream for the
# compose project): openvpn-monitor, under gunicorn, polls the two OpenVPN
# servers' management interfaces for every page view, and kdcproxy, under
# gunicorn too, relays the VPN users' Kerberos (MS-KKDCP) to the KDCs.

VPNS = [("Office UDP", "openvpn-udp", 5555), ("Office TCP", "openvpn-tcp", 5556)]
KDCS = ["kdc1.corp.example.com.", "kdc2.corp.example.com."]


def stream_openvpn_kdcproxy():
    stream = []
    ovm = Program("openvpn-monitor", "root", logging.Formatter(OPENVPN_MONITOR), stream)
    kdc = Program("kdcproxy", "kdcproxy", logging.Formatter(KDCPROXY), stream)
    o = lg(ovm, "root")
    k = lg(kdc, "kdcproxy")
    kroot = lg(kdc, "root")

    printed(stream, "Starting openvpn-monitor on 0.0.0.0:8080")
    gunicorn(stream, 1, "INFO", "Starting gunicorn 22.0.0")
    gunicorn(stream, 1, "INFO", "Listening at: http://0.0.0.0:8080 (1)")
    gunicorn(stream, 1, "INFO", "Using worker: sync")
    gunicorn(stream, 7, "INFO", "Booting worker with pid: 7")
    gunicorn(stream, 13, "INFO", "Booting worker with pid: 13")
    for worker in (7, 13):
        with pid(worker):
            o.info("Using config file: /etc/openvpn-monitor/openvpn-monitor.conf")
            o.warning("config: skipping show_disconnect")
    gunicorn(stream, 1, "INFO", "Starting gunicorn 22.0.0")
    gunicorn(stream, 1, "INFO", "Listening at: http://0.0.0.0:8443 (1)")
    gunicorn(stream, 9, "INFO", "Booting worker with pid: 9")
    gunicorn(stream, 9, "ERROR", "Exception in worker process")

    # kdcproxy's first worker dies on the import of its DNS resolver.
    def load_wsgi():
        def import_app():
            def import_module():
                raised("builtins", "ModuleNotFoundError", "No module named 'dns'")
            import_module()
        import_app()
    uncaught(stream, load_wsgi)
    gunicorn(stream, 9, "INFO", "Worker exiting (pid: 9)")
    gunicorn(stream, 1, "ERROR", "Worker (pid:9) exited with code 3")
    printed(stream, "kdcproxy-1 exited with code 3")
    printed(stream, "Installing python3-dnspython ... done")
    gunicorn(stream, 1, "INFO", "Starting gunicorn 22.0.0")
    gunicorn(stream, 12, "INFO", "Booting worker with pid: 12")
    with pid(12):
        kroot.warning("Error instantiating %s due to %s", "<class 'kdcproxy.config.mit.MITConfig'>",
                      "ImportError(\"No module named 'krb5'\")")

    for view in range(9):
        with pid(7 + view % 2 * 6):
            for name, host, port in VPNS:
                o.info(f"[{name}] Initiating TCP socket connection to {host}:{port}")
                if view == 4 and port == 5556:
                    o.warning("socket timeout: timed out")
                    continue
                if view == 6 and port == 5555:
                    o.warning("socket error: [Errno 111] Connection refused")
                    continue
                for command in ("version", "state", "load-stats", "status 3"):
                    o.info(f"[{name}] Sending openvpn management command: `{command}`")
                    if view == 7 and command == "status 3":
                        o.error(f"[{name}] Timeout receiving data")
            if view % 3 == 1:
                o.warning("No logo defined in settings")
            if view == 8:
                o.error(f"unknown error with vpn {VPNS[0][0]} - [Errno 111] Connection refused")
        with pid(12):
            if view % 2 == 0:
                k.warning("DNS SRV record _%s._%s.%s. points to KDC %s with non-standard port %i (%i expected)",
                          "kerberos", "udp", "CORP.EXAMPLE.COM", KDCS[view % 4 // 2], 8888, 88)
            if view in (3, 5, 7):
                k.warning("Exchange with %s:[%s]:%d failed: %s", "tcp", "10.20.%d.11" % (view % 2 + 1), 88,
                          "[Errno 110] Connection timed out")
            if view == 5:
                k.warning("DNS SRV record _%s._%s.%s. points to KDC %s with non-standard port %i (%i expected)",
                          "kpasswd", "tcp", "CORP.EXAMPLE.COM", KDCS[1], 4464, 464)
        if view == 3:
            printed(stream, "openvpn-monitor-1  | Stopping openvpn-monitor ... done")
            gunicorn(stream, 1, "INFO", "Handling signal: term")
            gunicorn(stream, 7, "INFO", "Worker exiting (pid: 7)")
            gunicorn(stream, 1, "INFO", "Shutting down: Master")
            gunicorn(stream, 1, "INFO", "Starting gunicorn 22.0.0")
            gunicorn(stream, 7, "INFO", "Booting worker with pid: 7")
            with pid(7):
                o.info("Using config file: /etc/openvpn-monitor/openvpn-monitor.conf")
                o.info("Using `/etc/openvpn-monitor/logo.png` for logo")
    with pid(12):
        k.error("Unable to read config file(s): %s", ["/etc/kdcproxy/kdcproxy.conf"])
    gunicorn(stream, 1, "INFO", "Handling signal: term")
    gunicorn(stream, 12, "INFO", "Worker exiting (pid: 12)")
    gunicorn(stream, 1, "INFO", "Shutting down: Master")
    return {"name": "openvpn-kdcproxy", "programs": [ovm, kdc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A key-management host (the CloudWatch agent ships PyKMIP's server.log and
# the Certomancer container's output to one log group): PyKMIP's
# pykmip-server serves the staging databases' encryption keys to their KMIP
# clients, whose certificates Certomancer's staging PKI issues; the
# clients fetch Certomancer's CRLs and OCSP responses and its time stamps.

CIPHERS = ["ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256",
           "ECDHE-ECDSA-AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-GCM-SHA256"]
CLIENTS = [("10.30.1.21", "mongodb-staging-1"), ("10.30.1.22", "mongodb-staging-2"), ("10.30.2.40", "mysql-staging"),
           ("10.30.3.7", "vault-staging")]


def stream_pykmip_certomancer():
    stream = []
    kmip = Program("pykmip", "kmip.server", logging.Formatter(PYKMIP), stream)
    cm = Program("certomancer", "certomancer", logging.Formatter(CERTOMANCER), stream)
    server = lg(kmip, "kmip.server")
    config = lg(kmip, "kmip.server.config")
    engine = lg(kmip, "kmip.server.engine")
    anim = lg(cm, "certomancer.integrations.animator")
    cli = lg(cm, "certomancer.cli")

    def werkzeug(method, path, status, size="-"):
        printed(stream, '10.30.%d.%d - - [%s] "%s %s HTTP/1.1" %d %s' % (
            1 + len(path) % 3, 20 + len(path) % 20, now("%d/%b/%Y %H:%M:%S"), method, path, status, size))

    # Certomancer's first start: a typo in the config.
    def load():
        def parse():
            def key_set():
                raised("certomancer.registry.common", "ConfigurationError",
                       "There is no registered key set labelled 'staging-keys'.")
            key_set()
        parse()
    try:
        load()
    except Exception as e:
        cli.error("Configuration problem: %s" % e, exc_info=e)
    printed(stream, "Error: Configuration problem: There is no registered key set labelled 'staging-keys'.")
    printed(stream, "certomancer-1 exited with code 1")
    printed(stream, " * Running on http://127.0.0.1:9000")
    printed(stream, "Press CTRL+C to quit")

    config.info("Loading server configuration settings from: /etc/pykmip/server.conf")
    server.info("Starting server socket handler.")
    server.debug("Configured cipher suites: %d" % len(CIPHERS))
    for c in CIPHERS:
        server.debug(c)
    server.debug("Authentication suite ciphers to use: %d" % len(CIPHERS))
    for c in CIPHERS:
        server.debug(c)
    server.info("Server successfully bound socket handler to 0.0.0.0:5696")
    server.info("Starting connection service...")

    session_id, key_id = 1, 41
    for cycle in range(5):
        for i, (ip, host) in enumerate(CLIENTS):
            port = 40000 + cycle * 97 + i * 13
            name = "{0:08}".format(session_id)
            session_id += 1
            sess = lg(kmip, "kmip.server.session.{0}".format(name))
            server.info("Receiving incoming connection from: {0}:{1}".format(ip, port))
            server.info("Dedicating session {0} to {1}:{2}".format(name, ip, port))
            sess.info("Starting session: {0}".format(name))
            sess.debug("Session cipher selected: {0}".format(("ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2", 256)))
            if cycle == 2 and i == 3:
                # vault-staging's new certificate lacks clientAuth.
                def verify():
                    def extended_key_usage():
                        raised("kmip.core.exceptions", "PermissionDenied",
                               "The extended key usage extension is not marked for client authentication in the "
                               "client certificate.")
                    extended_key_usage()
                sess.warning("Failure verifying the client certificate.")
                try:
                    verify()
                except Exception as e:
                    sess.exception(e)
                sess.info("Stopping session: {0}".format(name))
                continue
            if cycle == 3 and i == 1:
                sess.warning("Authentication failed.")
                sess.info("Stopping session: {0}".format(name))
                continue
            sess.info("Session client identity: {}".format(host))
            engine.info("Received request at time: {0}".format(now("%Y-%m-%d %H:%M:%S")))
            if i == 2 and cycle % 3 == 0:
                engine.info("Processing operation: Create")
                engine.info("Created a SymmetricKey with ID: {0}".format(key_id))
                key_id += 1
                engine.info("Processing operation: Activate")
            elif i == 0 and cycle == 2:
                engine.warning("Received request with old timestamp. Possible replay attack. Received timestamp: "
                               "{0}, Current timestamp: {1}".format(1715438410, 1715438700))
            else:
                engine.info("Processing operation: Get")
                engine.info("Getting a {0} with ID: {1}".format("SymmetricKey", 3 + i))
            sess.info("Stopping session: {0}".format(name))
        # The clients check their certificates' status at the staging PKI.
        for label in ("mongodb-staging", "mysql-staging"):
            werkzeug("POST", "/staging/ocsp/interm", 200, 1693)
            werkzeug("GET", "/staging/crls/interm/latest.crl", 200, 812 + cycle)
        werkzeug("POST", "/staging/tsa/tsa", 200, 3112)
        if cycle == 1:
            anim.info("There is no registered certificate labelled 'kmip-client-old'.")
            werkzeug("GET", "/staging/certs/interm/issued/kmip-client-old.cert.pem", 404, 207)
        if cycle == 3:
            anim.error("No certificate issued by interm with serial number 4711.")
            werkzeug("POST", "/staging/ocsp/interm", 500, 265)
        if cycle == 4:
            anim.info("There is no key labelled 'vault-staging'.")
            werkzeug("POST", "/_certomancer/pfx-download/staging", 404, 207)
    printed(stream, "pykmip-server.service: Deactivated successfully.")
    server.warning("Interrupting connection service.")
    server.info("Stopping connection service.")
    server.info("Cleaning up remaining connection threads.")
    for n in (session_id - 2, session_id - 1):
        server.info("Cleanup succeeded for thread: {0:08}".format(n))
    server.info("Shutting down server socket handler.")
    return {"name": "pykmip-certomancer", "programs": [kmip, cm], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A bastion's Session Manager session log (shipped to CloudWatch Logs by
# SSM): an on-call engineer refreshes MFA credentials with aws-mfa and opens
# sessions on private instances with aws-gate (GATE_DEBUG=1 in the
# bastion's profile). The shell's prompts, aws-mfa's token prompt and the
# session-manager-plugin's own lines are print lines.

TARGETS = [("db-migrate", "i-0a3f5c9e1d2b47a81", "eu-west-1"), ("payments-worker", "i-07c1d2e3f4a5b6c79", "eu-west-1"),
           ("bastion-old", None, "eu-west-1"), ("ci-runner-3", "i-0f9e8d7c6b5a43210", "eu-central-1")]


def stream_awsmfa_awsgate():
    stream = []
    mfa = Program("aws-mfa", "aws-mfa", logging.Formatter(AWS_MFA), stream)
    gate = Program("aws-gate", "aws_gate.cli", logging.Formatter(AWS_GATE), stream)
    m = lg(mfa, "aws-mfa")
    gcli = lg(gate, "aws_gate.cli")
    gconf = lg(gate, "aws_gate.config")
    gdec = lg(gate, "aws_gate.decorators")
    gquery = lg(gate, "aws_gate.query")
    gsess = lg(gate, "aws_gate.session")
    gcommon = lg(gate, "aws_gate.session_common")

    def prompt(cmd):
        printed(stream, "sh-5.2$ " + cmd)

    printed(stream, "Starting session with SessionId: jdoe-0c2a9f1e3b7d45a61")
    for rnd in range(6):
        prompt("aws-mfa --duration 43200" + (" --force" if rnd == 3 else ""))
        m.info("Validating credentials for profile: %s %s" % ("default", ""))
        if rnd == 0:
            m.info("Short term credentials section %s is missing, obtaining new credentials." % ("default",))
        elif rnd == 3:
            m.info("Forcing refresh of credentials.")
        elif rnd in (2, 4):
            m.info("Your credentials are still valid for %s seconds they will expire at %s" % (
                31000.5 - rnd * 1200, "2024-05-12 02:44:44"))
        else:
            m.info("Your credentials have expired, renewing.")
        if rnd not in (2, 4):
            printed(stream, "Enter AWS MFA code for device [arn:aws:iam::123456789012:mfa/jdoe] (renewing for 43200 "
                    "seconds):%06d" % (492817 + rnd * 1111))
            m.info("Fetching Credentials - Profile: %s, Duration: %s", "default", 43200)
            if rnd == 1:
                m.error("Token must be six digits")
                continue
            if rnd == 5:
                m.error("An error occured while calling assume role: {}".format(
                    "An error occurred (AccessDenied) when calling the GetSessionToken operation: MultiFactor"
                    "Authentication failed with invalid MFA one time pass code. "))
                continue
            m.info("Success! Your credentials will expire in %s seconds at: %s" % (43200, "2024-05-12 02:45:02+00:00"))
        for name, instance, region in TARGETS[rnd % 2:rnd % 2 + 3]:
            if instance is None and rnd != 2:
                continue
            prompt(f"aws-gate session {name}")
            gconf.debug("Located config file: %s", "/home/jdoe/.aws-gate/config")
            gcli.debug('Using AWS profile "%s" in region "%s"', "default", region)
            gdec.debug("session-manager-plugin version: %s (required version: %s)", "1.2.553.0", "1.1.23.0")
            gquery.debug("Querying EC2 API for instance identifier: %s", name)
            gquery.debug("Identifier type chosen: %s", "name")
            if instance is None:
                gquery.debug("Found %s maching instances", 0)

                def main():
                    def session():
                        raise ValueError(f"No instance could be found for name: {name}")
                    session()
                uncaught(stream, main)
                continue
            gquery.debug("Found %s maching instances", 1)
            gquery.debug("Matching instance: %s", instance)
            gsess.info("Opening session on instance %s (%s) via profile %s", instance, region, "default")
            gcommon.debug("Creating a new session on instance: %s (%s)", instance, region)
            sid = "jdoe-%017x" % (0x1d2c3b4a5f6e7d8 + rnd * 977 + len(name))
            gcommon.debug("Received response: %s", {
                "SessionId": sid, "TokenValue": "AAEAAXdRn1Y0wTJ8mQ2b9kX7Zp4%d" % rnd,
                "StreamUrl": f"wss://ssmmessages.{region}.amazonaws.com/v1/data-channel/{sid}?role=publish_subscribe",
                "ResponseMetadata": {"RequestId": "5c2e8f1a-%04d-4b7e-9d3c-2f6a1b0e7c94" % (rnd * 10 + len(name)),
                                     "HTTPStatusCode": 200, "RetryAttempts": 0}})
            printed(stream, "")
            printed(stream, f"Starting session with SessionId: {sid}")
            printed(stream, "sh-4.2$ exit")
            printed(stream, f"Exiting session with sessionId: {sid}.")
            gcommon.debug("Terminating session: %s", sid)
            gcommon.debug("Received response: %s", {
                "SessionId": sid, "ResponseMetadata": {"HTTPStatusCode": 200, "RetryAttempts": 0}})
    prompt("exit")
    printed(stream, "Exiting session with sessionId: jdoe-0c2a9f1e3b7d45a61.")
    return {"name": "awsmfa-awsgate", "programs": [mfa, gate], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_openvpn_kdcproxy(), stream_pykmip_certomancer(), stream_awsmfa_awsgate()])


if __name__ == "__main__":
    main()
