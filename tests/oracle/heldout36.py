"""The thirty-sixth held-out set of real programs, measured before any rule
is written from it (see `heldout.py` to `heldout35.py`): five more programs'
own logging set-ups, chosen for what platform and SRE teams run in AWS in
identity, single sign-on and secrets (an identity host on EC2 where
Custodia serves the host's containers their secrets; a CodeBuild deploy
stage signing in to AWS through ADFS with aws-adfs and reading its secrets
from Vault with vault-cli; a bastion's Session Manager session log, where
an engineer assumes roles with awsume and signs in through the company's
OIDC provider with mozilla-aws-cli), each format copied from the file
named beside it (the version read is given), with the formatter class and
the filter the program uses, and messages modelled on the program's source
under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout36

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 762ee8a (session 22's rules in, none
written from this set), with nothing configured: 27.5% exact, 72.4% key
fields (asctime 100.0%, levelname 100.0%, name 72.8%, message 99.6%).

Formatters and filters: Custodia's handler has a filter (OriginContextFilter,
as in custodia/log.py) setting `origin` to the last part of the logger's
name when none was passed, and its CustodiaFormatter prints the origin
padded to 32, no level, no name; its plugins log through
CustodiaLoggingAdapter (extra {"origin": "Class-[section]"}), whose
exception() sets `exc_fullstack` in an extra that LoggerAdapter.process
replaces, so their tracebacks print in full; the audit records (logger
"custodia.audit") carry the plugin's origin. `origin` is kept in the truth,
as python-json-logger writes it. awsume's LogFormatter (awsume/awsumepy/
lib/logger.py) replaces in the formatted text any run of 20 upper-case
letters and digits and of 40 base64 characters with "SECRET" (one record's
arguments dump holds keys passed with --json): the truth keeps the message
unmasked. The other three use logging.Formatter itself, no filter.

aws-adfs -v: basicConfig at DEBUG, module, file and function in brackets,
then "[pid-MainProcess] [thread-MainThread]" (pinned), urllib3's and
botocore's records in the same format. vault-cli -vv:
basicConfig(level=DEBUG) alone, BASIC_FORMAT. awsume --debug prints
"[time] file:function : [LEVEL] " and logs an EarlyExit's traceback under
an empty message. mozilla-aws-cli's date is "%Y-%m-%d:%H:%M:%S", its level
padded to eight; its STS response is a multi-line XML message.

94 + 130 + 134 records in three streams, 76 of them print lines:
CodeBuild's "[Container]" lines, http.client's "send:", "reply:" and
"header:" lines (aws-adfs -v sets HTTPConnection.debuglevel), vault-cli's
click "Error: ..." line, the deploy script's output, the entrypoints'
lines, the traceback of Custodia's health check (uncaught), the bastion's
prompts and the commands' own output.

The messages are the programs' own where read (in the files of the
modules their records name, at the lines and functions printed); urllib3's
and botocore's messages, the values and exceptions are modelled.

Left out: OpenStack Keystone and Barbican (oslo.log's ContextFormatter,
in `heldout3.py`'s Left out), authentik (structlog renders its records,
JSON in production), ConsoleMe (its own logger writes logmatic JSON; its
root basicConfig format, read at Netflix/consoleme 011b0102
consoleme/config/config.py, prints only the libraries' records), Mozilla
IAM's CIS and sso-dashboard (JSON formatters), ldap-ui (uvicorn's own
ColourizedFormatter and "%(levelprefix)s %(message)s", read at
dnknth/ldap-ui 4a34c9f backend/ldap_ui/__main__.py), Netflix BLESS,
keymaker, gimme-aws-creds, Ipsilon, Noggin and fasjson (no format of their
own in source: the Lambda runtime's, Flask's or CherryPy's),
privacyidea-ldap-proxy (Twisted's logger), Keeper Commander (its examples'
basicConfig "%(message)s"), okta-awscli ("%(levelname)s - %(message)s",
jmhale/okta-awscli c396239 oktaawscli/okta_awscli.py) and Zentral
("%(asctime)s PID%(process)d %(module)s %(levelname)s %(message)s",
zentralopensource/zentral 0e191465 server/server/settings.py), both read
but left for want of time; LdapCherry (already in `heldout24.py`);
privacyIDEA, LinOTP, SATOSA, pyFF, Pritunl, FreeIPA, ldap2pg, Sydent and
django-ca are in earlier sets.
"""

import json
import logging
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now, container  # noqa: E402
from heldout12 import lg  # noqa: E402
from heldout13 import at  # noqa: E402

# Custodia (latchset/custodia, 56babdf), src/custodia/log.py LOGGING_FORMAT
# and LOGGING_DATEFORMAT, through CustodiaFormatter on the root's stderr
# handler with OriginContextFilter (setup_logging).
CUSTODIA = "%(asctime)s - %(origin)-32s - %(message)s"
CUSTODIA_DATEFMT = "%Y-%m-%d %H:%M:%S"
# aws-adfs (venth/aws-adfs, 6d243e7), aws_adfs/commands.py cli's log_format,
# through logging.basicConfig (stream=sys.stderr, DEBUG with -v).
AWS_ADFS = ("%(asctime)s [%(module)s %(filename)s:%(funcName)s] [%(process)d-%(processName)s] "
            "[%(thread)d-%(threadName)s] - %(levelname)s: %(message)s")
# vault-cli (peopledoc/vault-cli, 0142476), vault_cli/cli.py set_verbosity:
# logging.basicConfig(level=level), so BASIC_FORMAT.
VAULT_CLI = logging.BASIC_FORMAT
# awsume (trek10inc/awsume, 2597f00), awsume/awsumepy/lib/logger.py
# LOG_HANDLER's LogFormatter (the "awsume" logger, on stderr).
AWSUME = "[%(asctime)s] %(filename)s:%(funcName)s : [%(levelname)s] %(message)s"
# mozilla-aws-cli (mozilla-iam/mozilla-aws-cli, 35238c3), mozilla_aws_cli/
# cli.py's logging.basicConfig (the root at DEBUG with -v).
MOZILLA_AWS_CLI = "%(asctime)s %(levelname)-8s [%(filename)s:%(lineno)d] %(message)s"
MOZILLA_AWS_CLI_DATEFMT = "%Y-%m-%d:%H:%M:%S"


class OriginContextFilter(logging.Filter):
    """Custodia's filter, as custodia/log.py writes it."""

    def filter(self, record):
        if not hasattr(record, 'origin'):
            record.origin = record.name.split('.')[-1]
        return True


class CustodiaFormatter(logging.Formatter):
    """Custodia's formatter, as custodia/log.py writes it."""

    def format(self, record):
        short_exc = False
        if record.exc_info and not record.exc_text:
            if getattr(record, "exc_fullstack", True):
                record.exc_text = self.formatException(record.exc_info)
            else:
                short_exc = True
                record.exc_text = u"{0.__name__}: {1}".format(record.exc_info[0], record.exc_info[1])
        result = super(CustodiaFormatter, self).format(record)
        if short_exc:
            text, exc = result.rsplit(u'\n', 1)
            return u"{0} ({1})".format(text, exc)
        return result


class CustodiaLoggingAdapter(logging.LoggerAdapter):
    """custodia/log.py's adapter, over a logger of the program's."""

    def __init__(self, logger, origin):
        super(CustodiaLoggingAdapter, self).__init__(logger, extra={'origin': origin})

    def exception(self, msg, *args, **kwargs):
        extra = kwargs.setdefault('extra', {})
        extra['exc_fullstack'] = self.isEnabledFor(logging.DEBUG)
        kwargs['exc_info'] = True
        self.log(logging.ERROR, msg, *args, **kwargs)


class AwsumeFormatter(logging.Formatter):
    """awsume's LogFormatter, as awsume/awsumepy/lib/logger.py writes it."""

    @staticmethod
    def _filter(s):
        no_access_key_id = re.sub(r'(?<![A-Z0-9])[A-Z0-9]{20}(?![A-Z0-9])', 'SECRET', s)
        return re.sub(r'(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])', 'SECRET', no_access_key_id)

    def format(self, record):
        return self._filter(logging.Formatter.format(self, record))


# --------------------------------------------------------------------------
# An identity host on EC2 (Docker's awslogs driver, one stream for the
# compose project): Custodia serves the host's containers their secrets
# over a Unix socket (their REMOTE_USER header set by the proxy), each
# request authenticated by SimpleHeaderAuth ([auth:header]), authorized by
# SimplePathAuthz ([authz:paths], paths = /. /secrets, as
# contrib/docker/demo.conf has it) and served by the Secrets consumer.

CLIENTS = [("grafana", ["grafana/admin-password", "grafana/ldap-bind"]),
           ("keycloak", ["keycloak/db-password", "keycloak/admin"]),
           ("backup", ["backup/restic-password", "backup/s3-key"])]


def stream_custodia():
    stream = []
    cu = Program("custodia", "custodia", CustodiaFormatter(CUSTODIA, CUSTODIA_DATEFMT), stream)
    cu.handler.addFilter(OriginContextFilter())
    main = lg(cu, "custodia", logging.INFO)
    server = lg(cu, "custodia.httpd.server", logging.INFO)
    audit = lg(cu, "custodia.audit", logging.INFO)
    secrets = CustodiaLoggingAdapter(lg(cu, "custodia.secrets.Secrets", logging.INFO), "Secrets-[/secrets]")
    store = CustodiaLoggingAdapter(lg(cu, "custodia.store.sqlite.SqliteStore", logging.INFO),
                                   "SqliteStore-[store:sqlite]")

    def key_access(client, key, allowed=True, action="requested"):
        # log.AUDIT_MESSAGES: GET, SET and DEL, ALLOWED or DENIED.
        audit.info(("ALLOWED" if allowed else "DENIED") + ": '%(client)s' " + action + " key '%(key)s'",
                   {'client': client, 'key': key}, extra={'origin': "Secrets-[/secrets]"})

    def svc_access(pid, name, ok=True):
        audit.info("PASS: '%(cli)s' authenticated as '%(name)s'" if ok else "FAIL: '%(cli)s' authenticated as "
                   "'%(name)s'", {'cli': pid, 'name': name}, extra={'origin': "SimpleHeaderAuth-[auth:header]"})

    def authz_access(pid):
        # SimplePathAuthz.handle walks the request's path up to "/secrets".
        audit.info("PASS: '%(cli)s' authorized for '%(name)s'", {'cli': pid, 'name': "/secrets"},
                   extra={'origin': "SimplePathAuthz-[authz:paths]"})

    printed(stream, "custodia-1    | + exec custodia /etc/custodia/custodia.conf")
    main.info("Custodia instance %s", "<main>")
    server.info("Serving on Unix socket %s", "/var/run/custodia/custodia.sock")
    for cycle in range(6):
        # The containers fetch their secrets from Custodia.
        for i, (client, keys) in enumerate(CLIENTS):
            pid = 2101 + 37 * i + cycle
            svc_access(pid, client)
            authz_access(pid)
            for key in keys:
                key_access(client, key)
        if cycle == 1:
            svc_access(2987, "grafana-old", ok=False)
        if cycle == 3:
            svc_access(2207, "backup")
            authz_access(2207)
            key_access("backup", "keycloak/db-password", allowed=False)
        if cycle == 4:
            # Keycloak's admin password is rotated: the PUT finds the key
            # (SqliteStore.set does not replace), then DELETE and PUT.
            svc_access(2341, "keycloak")
            authz_access(2341)

            def insert():
                def execute():
                    raised("sqlite3", "IntegrityError", "UNIQUE constraint failed: secrets.key")
                execute()
            try:
                try:
                    insert()
                except Exception as err:
                    raised("custodia.plugin", "CSStoreExists", str(err))
            except Exception:
                secrets.exception("Set: Key already exist")
            key_access("keycloak", "keycloak/admin", allowed=False, action="stored")
            key_access("keycloak", "keycloak/admin", action="deleted")
            key_access("keycloak", "keycloak/admin", action="stored")
        if cycle == 2:
            # The SQLite store is locked by a backup: the plugins log it
            # through their adapters (tracebacks in full).
            def span():
                def execute():
                    raised("sqlite3", "OperationalError", "database is locked")
                execute()
            try:
                span()
            except Exception:
                try:
                    store.exception("Error creating key %s", "keys/grafana/datasources/")
                    raised("custodia.plugin", "CSStoreError", "Error occurred while trying to span container")
                except Exception:
                    secrets.exception("Create: Internal server error")
            svc_access(2190, "grafana")
            authz_access(2190)
        if cycle == 5:
            server.error("Request timed out: %r", TimeoutError("timed out"))
            # The health check's client finds no socket while Custodia restarts.
            def healthcheck():
                def get_key():
                    raised("requests.exceptions", "ConnectionError", "('Connection aborted.', "
                           "FileNotFoundError(2, 'No such file or directory'))")
                get_key()
            printed(stream, "custodia-1 exited with code 137")
            uncaught(stream, healthcheck)
            main.info("Custodia instance %s", "<main>")
            server.info("Serving on Unix socket %s", "/var/run/custodia/custodia.sock")
    return {"name": "custodia", "programs": [cu], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A CodeBuild deploy stage (its log group's stream): aws-adfs signs the
# build's service account in through ADFS and Duo (--stdin, -v), and
# vault-cli -vv reads the deploy's secrets into its environment.

SITE = "/root/.pyenv/versions/3.12.3/lib/python3.12/site-packages/"
ADFS = "adfs.corp.example.com"
ROLES = {"prod (123456789012)": ["arn:aws:iam::123456789012:role/deploy"],
         "staging (210987654321)": ["arn:aws:iam::210987654321:role/deploy"]}


def stream_adfs_vault():
    stream = []
    ad = Program("aws-adfs", "root", logging.Formatter(AWS_ADFS), stream)
    vc = Program("vault-cli", "root", logging.Formatter(VAULT_CLI), stream)
    root = lg(ad, "root")
    pool = lg(ad, "urllib3.connectionpool")
    boto = {n: lg(ad, n) for n in ("botocore.hooks", "botocore.loaders", "botocore.endpoint", "botocore.credentials")}

    def adfs(log, level, path, line, func, msg, exc=None):
        record = log.makeRecord(log.name, level, SITE + path, line, msg, (), exc, func=func)
        record.__dict__.update(process=318, processName="MainProcess", thread=140183912314688, threadName="MainThread")
        log.handle(record)

    def get(host, path, status, size, method="GET"):
        adfs(pool, logging.DEBUG, "urllib3/connectionpool.py", 1052, "_new_conn",
             "Starting new HTTPS connection (1): %s:443" % host)
        printed(stream, "send: b'%s %s HTTP/1.1\\r\\nHost: %s\\r\\nUser-Agent: python-requests/2.31.0\\r\\n"
                        "Accept-Encoding: gzip, deflate\\r\\nAccept: */*\\r\\nConnection: keep-alive\\r\\n\\r\\n'"
                % (method, path, host))
        printed(stream, "reply: 'HTTP/1.1 %s %s\\r\\n'" % (status, "OK" if status == 200 else "Found"))
        printed(stream, "header: Content-Type: text/html; charset=utf-8")
        printed(stream, "header: Content-Length: %d" % size)
        adfs(pool, logging.DEBUG, "urllib3/connectionpool.py", 546, "_make_request",
             '%s://%s:%s "%s %s %s" %s %s' % ("https", host, 443, method, path, "HTTP/1.1", status, size))

    vlog = {n: lg(vc, n) for n in ("vault_cli.cli", "vault_cli.client", "vault_cli.environment", "vault_cli.settings",
                                   "urllib3.connectionpool")}

    for account in ("prod", "staging"):
        container(stream, "Running command aws-adfs -v login --adfs-host=%s --stdin --env --profile=%s --role-arn=%s"
                  % (ADFS, account, ROLES[[k for k in ROLES if k.startswith(account)][0]][0]))
        adfs(root, logging.DEBUG, "aws_adfs/login.py", 590, "_session_cache_get",
             "Cache file /root/.aws/adfs_cache/%s.json does not exist yet." % account)
        adfs(root, logging.DEBUG, "aws_adfs/html_roles_fetcher.py", 67, "fetch_html_encoded_roles",
             "Attempt to load authentication cookies into session failed. Re-authentication will be performed. "
             "The error: [Errno 2] No such file or directory: '/root/.aws/adfs_cookies_4d1c2b3a9e8f7a6b5c4d3e2f'")
        get(ADFS, "/adfs/ls/IdpInitiatedSignOn.aspx?loginToRp=urn:amazon:webservices", 200, 21734)
        get(ADFS, "/adfs/ls/IdpInitiatedSignOn.aspx?loginToRp=urn:amazon:webservices&client-request-id=5e0f",
            200, 18012, method="POST")
        duo = "api-1a2b3c4d.duosecurity.com"
        get(duo, "/frame/frameless/v4/auth?sid=frameless-%s&tx=%s" % ("8f2e", "AAAB3NzaC1"), 302, 0)
        for res in ("https://%s/frame/v4/preauth/healthcheck" % duo, "https://%s/frame/v4/auth/prompt" % duo):
            adfs(root, logging.INFO, "aws_adfs/_duo_universal_prompt_authenticator.py", 530,
                 "_initiate_authentication", f"history: <Response [302]> - {res}")
        adfs(root, logging.INFO, "aws_adfs/_duo_universal_prompt_authenticator.py", 533, "_initiate_authentication",
             f"duo_url: https://{duo}/frame/frameless/v4/auth")
        adfs(root, logging.INFO, "aws_adfs/_duo_universal_prompt_authenticator.py", 534, "_initiate_authentication",
             f"response.url: https://{duo}/frame/v4/auth/prompt?sid=frameless-8f2e")
        if account == "staging":
            # The callback's POST is refused: aws-adfs logs it and goes on.
            def post():
                def send():
                    raised("requests.exceptions", "SSLError", "HTTPSConnectionPool(host='%s', port=443): Max retries "
                           "exceeded with url: /frame/v4/auth/prompt (Caused by SSLError(SSLEOFError(8, '[SSL: "
                           "UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1000)')))"
                           % duo)
                send()
            try:
                post()
            except Exception as e:
                adfs(root, logging.ERROR, "aws_adfs/_duo_universal_prompt_authenticator.py", 560,
                     "_initiate_authentication", "Error doing callback", exc=sys.exc_info())
                adfs(root, logging.ERROR, "aws_adfs/_duo_universal_prompt_authenticator.py", 561,
                     "_initiate_authentication", f"ignoring: {e}")
        else:
            adfs(root, logging.DEBUG, "aws_adfs/_duo_universal_prompt_authenticator.py", 549,
                 "_initiate_authentication", "Callback response content type: application/json; charset=utf-8")
            adfs(root, logging.INFO, "aws_adfs/_duo_universal_prompt_authenticator.py", 553,
                 "_initiate_authentication", "Callback stat OK, using response.")
        adfs(root, logging.INFO, "aws_adfs/_duo_universal_prompt_authenticator.py", 562, "_initiate_authentication",
             "Callback completed")
        get(ADFS, "/adfs/ls/?SAMLRequest=fZJPT8MwDMXv", 200, 9461, method="POST")
        get("signin.aws.amazon.com", "/saml", 200, 48213, method="POST")
        for alias in ROLES:
            adfs(root, logging.DEBUG, "aws_adfs/account_aliases_fetcher.py", 34, "account_aliases",
                 u'Found SAML account name: Account: {}'.format(alias))
        adfs(root, logging.DEBUG, "aws_adfs/authenticator.py", 53, "authenticate",
             u'Roles along with principals found after authentication: {}'.format(
                 {alias: {arn: {"name": arn.split("/")[-1], "principal_arn": arn.split(":role")[0] + ":saml-provider/"
                                "ADFS"} for arn in arns} for alias, arns in ROLES.items()}))
        adfs(boto["botocore.hooks"], logging.DEBUG, "botocore/hooks.py", 482, "_alias_event_name",
             "Changing event name from creating-client-class.iot-data to creating-client-class.iot-data-plane")
        adfs(boto["botocore.loaders"], logging.DEBUG, "botocore/loaders.py", 194, "load_file",
             "Loading JSON file: %sbotocore/data/endpoints.json" % SITE)
        adfs(boto["botocore.loaders"], logging.DEBUG, "botocore/loaders.py", 194, "load_file",
             "Loading JSON file: %sbotocore/data/sts/2011-06-15/service-2.json.gz" % SITE)
        adfs(boto["botocore.endpoint"], logging.DEBUG, "botocore/endpoint.py", 114, "make_request",
             "Making request for OperationModel(name=AssumeRoleWithSAML) with params: {'url_path': '/', "
             "'query_string': '', 'method': 'POST', 'body': {'Action': 'AssumeRoleWithSAML', 'Version': "
             "'2011-06-15'}, 'context': {'client_region': 'eu-west-1', 'auth_type': 'none'}}")
        adfs(root, logging.DEBUG, "aws_adfs/login.py", 556, "_session_cache_set",
             "Cache directory /root/.aws/adfs_cache does not exist yet, create it.")
        adfs(root, logging.DEBUG, "aws_adfs/login.py", 573, "_session_cache_set",
             "Wrote session credentials to cache file /root/.aws/adfs_cache/%s.json." % account)
        container(stream, "Running command . /tmp/aws-env-%s" % account)

    # vault-cli reads the deploy's secrets (a new process: BASIC_FORMAT).
    container(stream, "Running command vault-cli -vv env --envvar deploy/payments-api -- ./deploy.sh")
    vlog["vault_cli.cli"].info("Log level set to DEBUG")
    vlog["vault_cli.settings"].debug("No config file at ./vault.yml (skipping)")
    vlog["vault_cli.settings"].info("Reading yaml config file at /root/.vault.yml, contains keys: url, login-cert, "
                                    "login-cert-key, base-path")
    vlog["vault_cli.settings"].debug("No config file at /etc/vault.yml (skipping)")
    vault = "vault.corp.example.com"
    for i, path in enumerate(["auth/cert/login", "deploy/metadata/payments-api", "deploy/data/payments-api/db",
                              "deploy/data/payments-api/stripe", "deploy/data/payments-api/sentry",
                              "deploy/data/payments-api/feature-flags"]):
        if i == 0:
            vlog["urllib3.connectionpool"].debug("Starting new HTTPS connection (1): %s:8200", vault)
        status = 403 if path.endswith("stripe") else 200
        vlog["urllib3.connectionpool"].debug('%s://%s:%s "%s %s %s" %s %s', "https", vault, 8200,
                                             "POST" if i == 0 else ("LIST" if i == 1 else "GET"), "/v1/" + path,
                                             "HTTP/1.1", status, 612 + 97 * i)
        if status == 403:
            vlog["vault_cli.client"].error("VaultForbidden: Insufficient access for interacting with the requested "
                                           "secret (on deploy/payments-api/stripe)")
    vlog["vault_cli.environment"].warning("Invalid environment name 'feature-flags', skipping secret value")
    printed(stream, "+ ./deploy.sh")
    printed(stream, "Deploying payments-api 2024.05.11-3 to prod (eu-west-1)")
    printed(stream, "Waiting for service payments-api to become stable...")
    printed(stream, "Error: VaultForbidden: Insufficient access for interacting with the requested secret (on "
                    "deploy/payments-api/stripe)")
    container(stream, "Command did not exit successfully vault-cli -vv env --envvar deploy/payments-api -- ./deploy.sh "
                      "exit status 1")
    # The retry, with the stripe key read by the right policy.
    container(stream, "Running command vault-cli -vv env --envvar deploy/payments-api/db --envvar deploy/payments-api/"
                      "sentry -- ./deploy.sh")
    vlog["vault_cli.cli"].info("Log level set to DEBUG")
    for i, path in enumerate(["auth/cert/login", "deploy/data/payments-api/db", "deploy/data/payments-api/sentry"]):
        if i == 0:
            vlog["urllib3.connectionpool"].debug("Starting new HTTPS connection (1): %s:8200", vault)
        vlog["urllib3.connectionpool"].debug('%s://%s:%s "%s %s %s" %s %s', "https", vault, 8200,
                                             "POST" if i == 0 else "GET", "/v1/" + path, "HTTP/1.1", 200, 640 + 31 * i)
    vlog["vault_cli.client"].warning("Read access 'deploy/payments-api' forbidden: if it exists, secret will be "
                                     "overridden.")
    for line in ("Deploying payments-api 2024.05.11-3 to prod (eu-west-1)",
                 "Waiting for service payments-api to become stable...", "Service payments-api is stable (3/3 tasks)"):
        printed(stream, line)
    container(stream, "Phase complete: BUILD State: SUCCEEDED")
    return {"name": "adfs-vault", "programs": [ad, vc], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A bastion's Session Manager session, streamed to CloudWatch Logs: an
# engineer assumes roles with awsume --debug, then signs in through the
# company's OIDC provider with mozilla-aws-cli -v. The prompts and the
# commands' own output are print lines.

MAC = "/home/ssm-user/.local/lib/python3.11/site-packages/mozilla_aws_cli/"
AWSUME_SITE = "/home/ssm-user/.local/lib/python3.11/site-packages/awsume/awsumepy/"
CACHE = "/home/ssm-user/.maws"


def stream_awsume_maws():
    stream = []
    aw = Program("awsume", "awsume", AwsumeFormatter(AWSUME), stream)
    mw = Program("mozilla-aws-cli", "root", logging.Formatter(MOZILLA_AWS_CLI, MOZILLA_AWS_CLI_DATEFMT), stream)
    a = lg(aw, "awsume")
    m = {n: lg(mw, "mozilla_aws_cli." + n) for n in ("cache", "cli", "listener", "login", "sts_conn", "utils")}

    def aws(level, path, line, func, msg, exc=None):
        at(a, level, AWSUME_SITE + path, line, func, msg, exc=exc)

    def maws(mod, level, line, func, msg):
        at(m[mod], level, MAC + mod + ".py", line, func, msg)

    for n, (profile, role) in enumerate([("prod-admin", "arn:aws:iam::123456789012:role/admin"),
                                         ("staging-ro", "arn:aws:iam::210987654321:role/read-only"),
                                         ("logs-ro", "arn:aws:iam::456789012345:role/log-reader"),
                                         ("dns-admin", "arn:aws:iam::123456789012:role/route53-admin"),
                                         ("prod-admin", "arn:aws:iam::123456789012:role/admin")]):
        printed(stream, "[ssm-user@ip-10-40-1-23 ~]$ awsume --debug " + profile + (" --json '...'" if n == 1 else ""))
        for level, path, line, func, msg in (
                (10, "app.py", 30, "__init__", "Initalizing app"), (10, "app.py", 39, "get_plugin_manager",
                "Creating plugin manager"), (10, "app.py", 42, "get_plugin_manager", "Loading plugins"),
                (10, "app.py", 49, "parse_args", "Gathering arguments"), (20, "default_plugins.py", 33,
                "add_arguments", "Adding arguments"), (10, "app.py", 65, "parse_args", "Parsing arguments"),
                (10, "default_plugins.py", 226, "post_add_arguments", "Post add arguments")):
            aws(level, path, line, func, msg)
        # With --json, the arguments dump holds the keys: the formatter masks them.
        given = json.dumps({"AccessKeyId": "ASIAEXAMPLE7Q4ZV2KXM", "SecretAccessKey":
                            "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY01", "SessionToken": "IQoJb3JpZ2luX2VjEXAMPLE",
                            "Region": "eu-west-1"}) if n == 1 else None
        aws(logging.DEBUG, "default_plugins.py", 227, "post_add_arguments", json.dumps(
            {"target_profile_name": profile, "role_arn": None, "mfa_token": None, "session_name": None,
             "auto_refresh": False, "kill": False, "role_duration": None, "region": None, "json": given,
             "debug": True}))
        for level, path, line, func, msg in (
                (10, "app.py", 67, "parse_args", "Handling arguments"), (10, "app.py", 92, "get_profiles",
                "Gathering profiles"), (20, "default_plugins.py", 325, "collect_aws_profiles",
                "Collecting AWS profiles"),
                (10, "default_plugins.py", 334, "collect_aws_profiles", "Collected {} profiles".format(7)),
                (20, "default_plugins.py", 340, "post_collect_aws_profiles", "Post collect AWS profiles"),
                (10, "app.py", 180, "get_credentials", "Getting credentials")):
            aws(level, path, line, func, msg)
        if n == 1:
            aws(logging.DEBUG, "app.py", 188, "get_credentials", "Pulling credentials from json parameter")
            aws(logging.DEBUG, "app.py", 238, "export_data", "Exporting data")
            continue
        aws(logging.DEBUG, "app.py", 203, "get_credentials", "Pulling credentials from default awsume flow")
        if n == 4:
            # The cached session is still good: awsume stops early.
            def run():
                def get_session_token():
                    raised("awsume.awsumepy.lib.exceptions", "EarlyExit", "")
                get_session_token()
            try:
                run()
            except Exception:
                aws(logging.DEBUG, "app.py", 284, "run", "", exc=True)
                aws(logging.DEBUG, "app.py", 285, "run", "EarlyExit exception raised, no more work to do")
            continue
        aws(logging.DEBUG, "lib/aws.py", 94, "get_session_token", "Using cache session")
        aws(logging.DEBUG, "lib/aws.py", 47, "assume_role", "Assuming role: {}".format(role))
        aws(logging.DEBUG, "lib/aws.py", 48, "assume_role", "Session name: {}".format("awsume-session-" + profile))
        for line, msg in ((71, "Assuming role now"), (73, "Received role credentials"),
                          (78, "Role credentials received")):
            aws(logging.DEBUG, "lib/aws.py", line, "assume_role", msg)
        aws(logging.DEBUG, "app.py", 238, "export_data", "Exporting data")
        printed(stream, "[%s] Role credentials will expire %s" % (profile, now("%Y-%m-%d %H:%M:%S")))

    role = "arn:aws:iam::345678901234:role/infosec-admin"
    printed(stream, "[ssm-user@ip-10-40-1-23 ~]$ maws -v --role-arn %s --output envvar" % role)
    maws("cli", logging.DEBUG, 208, "main", "Config : {}".format(
        {"well_known_url": "https://auth.corp.example.com/.well-known/openid-configuration", "client_id":
         "N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj", "scope": "openid", "output": "envvar", "print_url": True}))
    maws("cache", logging.DEBUG, 194, "read_aws_shared_credentials", "Trying to read credentials file at: "
         "/home/ssm-user/.aws/credentials")
    maws("cache", logging.DEBUG, 263, "read_group_role_map", "Using cached role map for {} at: {}".format(
        "https://roles-and-aliases.security.corp.example.com/roles", CACHE + "/rolemap_6f1d2c"))
    maws("utils", logging.DEBUG, 56, "role_arn_to_display_name", "Role map is: {}".format(
        {"roles": [role, "arn:aws:iam::345678901234:role/read-only"], "aliases": {"345678901234": ["infosec-prod"]}}))
    for attempt in range(2):
        if attempt == 0:
            maws("cache", logging.DEBUG, 329, "read_id_token", "Cached id token has expired: {}".format(
                CACHE + "/id_https://auth.corp.example.com/_N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj"))
            maws("listener", logging.DEBUG, 44, "get_available_port", "Port {} is in use".format(10800))
            url = ("https://auth.corp.example.com/authorize?audience=N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj&client_id="
                   "N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj&code_challenge=Yx3l_Qe8&redirect_uri=http://localhost:10801/"
                   "redirect_uri&response_type=code&scope=openid&state=4f2e")
            maws("login", logging.DEBUG, 234, "login", "About to spawn browser window to {}".format(url))
            printed(stream, "To login to AWS, please visit this URL in a web browser on this machine:")
            printed(stream, url)
            maws("login", logging.ERROR, 318, "validate_id_token", "ID Token failed validation : {}".format(
                "Signature has expired."))
            continue
        maws("cache", logging.DEBUG, 326, "read_id_token", "Successfully read cached id token at: {}".format(
            CACHE + "/id_https://auth.corp.example.com/_N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj"))
    maws("login", logging.DEBUG, 320, "validate_id_token", "ID token dict : {}".format(
        {"iss": "https://auth.corp.example.com/", "sub": "ad|Corp-LDAP|mkowalski", "aud":
         "N7lULzWtfVUDGymwDs0yDEq6ZcwmFazj", "amr": ["mfa"], "exp": 1715442284, "iat": 1715438684}))
    maws("cache", logging.DEBUG, 368, "read_sts_credentials", "There is no STS credential file at {} or it exists but "
         "is readable by others. We won't use it".format(CACHE + "/stscreds_" + "9c4b" * 16))
    maws("sts_conn", logging.DEBUG, 81, "get_credentials", "Session established for {} seconds".format(3600))
    xml = ["<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">",
           "  <AssumeRoleWithWebIdentityResult>", "    <SubjectFromWebIdentityToken>ad|Corp-LDAP|mkowalski"
           "</SubjectFromWebIdentityToken>", "    <AssumedRoleUser>", "      <Arn>arn:aws:sts::345678901234:"
           "assumed-role/infosec-admin/mkowalski</Arn>", "    </AssumedRoleUser>",
           "  </AssumeRoleWithWebIdentityResult>", "  <ResponseMetadata>",
           "    <RequestId>9a1e4c2b-7d3f-4b6a-8e5c-0f2d1a3b4c5d</RequestId>", "  </ResponseMetadata>",
           "</AssumeRoleWithWebIdentityResponse>", ""]
    maws("sts_conn", logging.DEBUG, 85, "get_credentials", "STS Call Response : {}".format("\n".join(xml)))
    maws("cache", logging.DEBUG, 412, "write_sts_credentials", "Successfully wrote STS credentials to: {}".format(
        CACHE + "/stscreds_" + "9c4b" * 16))
    for var in ("AWS_ACCESS_KEY_ID=ASIAEXAMPLE0000000000", "AWS_SECRET_ACCESS_KEY=<redacted>",
                "AWS_SESSION_TOKEN=<redacted>", "MAWS_PROMPT=infosec-prod"):
        printed(stream, "export " + var)
    # Again in the same hour: the cached STS credentials are used.
    printed(stream, "[ssm-user@ip-10-40-1-23 ~]$ maws -v --role-arn %s --output envvar" % role)
    maws("cache", logging.DEBUG, 380, "read_sts_credentials", "Cached STS credentials expire at {} or {} seconds "
         "compared to the current time of {}. expiry - current time = {}".format(
             "2024-05-11 15:44:53+00:00", 1715442293.0, 1715438712.311, 3580.689))
    maws("cache", logging.DEBUG, 388, "read_sts_credentials", "Using STS credentials at: {} expiring in: {}".format(
        CACHE + "/stscreds_" + "9c4b" * 16, 3580.688))
    for var in ("AWS_ACCESS_KEY_ID=ASIAEXAMPLE0000000000", "MAWS_PROMPT=infosec-prod"):
        printed(stream, "export " + var)
    printed(stream, "[ssm-user@ip-10-40-1-23 ~]$ exit")
    return {"name": "awsume-maws", "programs": [aw, mw], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_custodia(), stream_adfs_vault(), stream_awsume_maws()])


if __name__ == "__main__":
    main()
