"""The 73-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout72.py`): six more programs'
own logging set-ups, chosen from blockchain nodes, indexers, wallets and
on-chain bots as SRE teams run them in AWS (an Ethereum staking operator's
EC2 host, where StakeWise's v3-operator registers the vault's validators
and Kiln's eth-validator-watcher watches their duties; a chain-data host,
where DipDup indexes a DEX's events and ElectrumX indexes Bitcoin for the
team's wallets; an on-chain bots host, where a Tellor reporter submits
oracle values and binance-trade-bot trades the desk's coins), each format
copied from the file named beside it (the version read is given), with the
formatter class the program uses, and messages modelled on the program's
source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout73

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 2e470f2 (session 29's end, none of its rules
written from this set), with nothing configured: 85.6% exact, 85.6% key
fields (asctime 98.9%, levelname 98.9%, name 98.9%, message 85.6%).

Formatters and filters: StakeWise's setup_logging (plain, its --log-format
default; --verbose off) gives a StreamHandler its TokenPlainFormatter with
"%(asctime)s %(levelname)-8s %(message)s" before it calls basicConfig with
handlers=[...] and datefmt "%Y-%m-%d %H:%M:%S": basicConfig sets its
format and datefmt only on handlers without a formatter, so that datefmt
is never used and asctime prints with logging's default
("2024-05-11 14:44:44,123"); TokenPlainFormatter replaces, in the whole
formatted text, every configured execution or consensus endpoint that has
a path with the same URL and "<hidden>" for the path (the truth's
formatter does the same to its JSON, as StakeWise's TokenJsonFormatter
does). eth-validator-watcher's handler command calls basicConfig with the
same format string and no datefmt (the same default time); its
validators' lines carry ANSI colour codes and emoji in the message itself
(eth_validator_watcher/log.py). DipDup's set_up_logging gives the root a
stdout handler with "%(levelname)-8s %(name)-20s %(message)s" (no time;
JSON only with DIPDUP_JSON_LOG), its config's `logging: info` sets "dipdup"
and the project's package to INFO, and its FormattedLogger prefixes an
index's or datasource's messages with its name and ": ". ElectrumX's
main() gives its "electrumx" logger (propagate off) a stdout handler with
its LOG_FORMAT default "%(levelname)s:%(name)s:%(message)s" through
CompactFormatter, which cuts the record's name to its last dotted part
(the class: "BlockProcessor"; the truth sees the cut name too); its
sessions' ConnectionLogger prefixes "[session id] ". telliot-feeds'
get_logger gives every module's logger a stdout handler with
"%(levelname)-7s | %(name)s | %(message)s" and a DuplicateFilter that drops
a record repeating the last one's (module, level, msg), reproduced as the
logger's filter. binance-trade-bot's Logger gives "crypto_trading_logger"
(propagate off) a console handler at INFO on stderr with "%(asctime)s -
%(name)s - %(levelname)s - %(message)s"; its retries and its
SafeScheduler log traceback.format_exc() inside a message (a WARNING whose
message is a whole traceback; an ERROR "Error while <tag>...\\n" followed
by one).

Print lines: Docker Compose's "Attaching to" lines, DipDup's click echo
lines after its crash (the help box of DatasourceError and the report
line, printed at exit after the uncaught traceback), telliot-feeds'
print_reporter_settings echo lines (the empty echo lines dropped, as the
awslogs driver drops empty lines), and binance-trade-bot's scouting
print(), written with end="\\r": the driver splits stdout at "\\n" only, so
the scouting prints between two line breaks reach CloudWatch as one line,
joined by their carriage returns (cut here at a few prints, the last
"\\r" dropped as the line's end).

The messages are modelled on the programs' source, read at the commits
cited: StakeWise's (src/commands/start/base.py,
src/commands/start/startup_check.py, src/common/startup_check.py,
src/common/tasks.py, src/common/utils.py format_error,
src/validators/tasks.py, src/exits/tasks.py, src/harvest/tasks.py,
src/common/execution.py), eth-validator-watcher's (entrypoint.py,
config.py, clock.py, metrics.py, log.py), DipDup's (dipdup.py, index.py,
http.py, datasources/evm_node.py, cli.py, exceptions.py), ElectrumX's
(cli/electrumx_server.py, server/controller.py, server/db.py,
server/block_processor.py, server/mempool.py, server/daemon.py,
server/session.py, lib/server_base.py), telliot-feeds'
(reporters/tellor_360.py, sources/price_aggregator.py,
sources/price/spot/coingecko.py, cli/utils.py) and binance-trade-bot's
(crypto_trading.py, auto_trader.py, strategies/default_strategy.py,
binance_api_manager.py, binance_stream_manager.py, scheduler.py) are their
own message texts. Modelled rather than read: the values (endpoints,
vaults, validators, slots, heights, hashes, coins, prices, tips), the
order and number of records, DipDup's project package's own handler
messages, what telliot_core's error_status logs (its note alone), the
third-party exceptions' texts and the Docker lines.

Left out: Safe's safe-transaction-service (its settings give every
handler the "json" SafeJsonFormatter: safe-global/safe-transaction-service
3e0199c4 config/settings/base.py), mev-inspect-py (basicConfig's default
"%(levelname)s:%(name)s:%(message)s", the same string as ElectrumX's here;
its listener writes a file: flashbots/mev-inspect-py ce8179f0 cli.py,
listener.py), LNbits and Cashu (loguru, noted in `heldout53.py`),
bitcoin-etl (ethereum-etl's twin; ethereum-etl is in `heldout29.py`),
Trinity (the name is in an earlier set's messages, so it was not taken),
Lido's oracle, Raiden and Bittensor (not read in the time given; none was
guessed), and the programs of these areas already in earlier sets: Chia
and ethereum-etl (`heldout29.py`), Electrum (`heldout3.py`), freqtrade,
rotki, SatSale, BitcartCC, Lumibot, pycryptobot, lndmanage, Specter
Desktop and Jesse (`heldout53.py`), Hummingbot, OctoBot, Passivbot,
cryptofeed and JoinMarket.
"""

import logging
import os
import sys
import traceback
from datetime import datetime, timezone
from urllib.parse import urlparse, urlunparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import JsonFormatter, Program, printed, raised, uncaught  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# StakeWise v3-operator (stakewise/v3-operator, 9c163d65), src/common/
# logging.py setup_logging's plain, not verbose format (TokenPlainFormatter
# on the root's StreamHandler; basicConfig's datefmt LOG_DATE_FORMAT,
# src/config/settings.py, is not applied to a handler that has a formatter).
STAKEWISE = "%(asctime)s %(levelname)-8s %(message)s"
# eth-validator-watcher (kilnfi/eth-validator-watcher, b85b35a8),
# eth_validator_watcher/entrypoint.py handler's basicConfig format.
WATCHER = "%(asctime)s %(levelname)-8s %(message)s"
# DipDup (dipdup-io/dipdup, bed745fa), src/dipdup/sys.py set_up_logging's
# formatter (the root's stdout handler, JSON_LOG off).
DIPDUP = "%(levelname)-8s %(name)-20s %(message)s"
# ElectrumX (spesmilo/electrumx, 42e9b38f), src/electrumx/cli/
# electrumx_server.py main()'s LOG_FORMAT default, through src/electrumx/
# lib/util.py CompactFormatter (the "electrumx" logger's stdout handler).
ELECTRUMX = "%(levelname)s:%(name)s:%(message)s"
# telliot-feeds (tellor-io/telliot-feeds, fb0cfbc6), src/telliot_feeds/
# utils/log.py get_logger's formatter (every module logger's stdout
# handler, with its DuplicateFilter).
TELLIOT = "%(levelname)-7s | %(name)s | %(message)s"
# binance-trade-bot (edeng23/binance-trade-bot, caca9ada),
# binance_trade_bot/logger.py Logger's formatter ("crypto_trading_logger"'s
# console StreamHandler at INFO, propagate off).
BTB = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"

COLOR_GREEN = "\x1b[32;20m"
COLOR_BOLD_GREEN = "\x1b[32;1m"
COLOR_YELLOW = "\x1b[33;20m"
COLOR_RED = "\x1b[31;20m"
COLOR_RESET = "\x1b[0m"

EXECUTION = "https://eth-mainnet.g.alchemy.com/v2/Jq7fW2xkP0vLr8sTnB4cZ1yHd9mE6aUo"
CONSENSUS = "http://lighthouse:5052"


# --------------------------------------------------------------------------
# The programs' formatters, as their sources write them.

def hide_tokens(msg):
    """src/common/logging.py hide_tokens, for the operator's endpoints."""
    for endpoint in (EXECUTION, CONSENSUS):
        parsed = urlparse(endpoint)
        hidden_path = parsed.path if parsed.path in ("", "/") else "<hidden>"
        hidden = urlunparse((parsed.scheme, parsed.netloc, hidden_path, "", "", ""))
        if endpoint in msg:
            msg = msg.replace(endpoint, hidden)
    return msg


class TokenPlainFormatter(logging.Formatter):
    def format(self, record):
        return hide_tokens(super().format(record))


class TokenJson(JsonFormatter):
    def format(self, record):
        return hide_tokens(super().format(record))


class CompactFormatter(logging.Formatter):
    """electrumx.lib.util.CompactFormatter."""

    def format(self, record):
        record.name = record.name.rpartition(".")[-1]
        return super().format(record)


class DuplicateFilter(logging.Filter):
    """telliot_feeds.utils.log.DuplicateFilter."""

    def filter(self, record):
        current_log = (record.module, record.levelno, record.msg)
        if current_log != getattr(self, "last_log", None):
            self.last_log = current_log
            return True
        return False


class Formatted:
    """dipdup.utils.FormattedLogger: "<name>: " before the message."""

    def __init__(self, log, fmt):
        self.log, self.fmt = log, fmt

    def __getattr__(self, level):
        def emit(msg, *args, **kwargs):
            getattr(self.log, level)(self.fmt.format(msg), *args, **kwargs)
        return emit


class Conn:
    """electrumx.lib.util.ConnectionLogger: "[conn_id] " before the message."""

    def __init__(self, log, conn_id):
        self.log, self.conn_id = log, conn_id

    def info(self, msg):
        self.log.info(f"[{self.conn_id}] {msg}")

    def warning(self, msg):
        self.log.warning(f"[{self.conn_id}] {msg}")


# --------------------------------------------------------------------------
# An Ethereum staking operator's EC2 host (Docker's awslogs driver, one
# stream for the host): StakeWise's v3-operator registers the vault's
# validators and rotates their exit signatures, and Kiln's
# eth-validator-watcher follows the same validators' duties.

VALIDATORS = ["0xa3f1c2b8e4d9075c61", "0x8b2e77a0c3f4d1e962", "0x91d0a4c7f2e8b35a07", "0xb47e3d19a6c8f2054e",
              "0x85c9f0e2a1b7d4c638", "0xac1d6e93f05b7a2d48"]
LABELS = ["operator:stakewise", "vault:genesis"]


def stream_stakewise_watcher():
    stream = []
    sw = Program("stakewise", "src.commands.start.base", TokenPlainFormatter(STAKEWISE), stream, truth=TokenJson)
    vw = Program("eth-validator-watcher", "root", logging.Formatter(WATCHER), stream)
    base = lg(sw, "src.commands.start.base")
    check = lg(sw, "src.commands.start.startup_check")
    common = lg(sw, "src.common.startup_check")
    tasks = lg(sw, "src.common.utils")
    vals = lg(sw, "src.validators.tasks")
    exits = lg(sw, "src.exits.tasks")
    harvest = lg(sw, "src.harvest.tasks")
    execution = lg(sw, "src.common.execution")
    w = lg(vw, "root")
    vault = "0xAC0F906E433d58FA868F936E8A43230473652885"
    wallet = "0x5d1Ff7A3c9e2B41F8a96E2d0c4F37b18A2e6D90C"

    printed(stream, "Attaching to v3-operator-1, eth-validator-watcher-1")
    base.info("%s, version %s", "Starting operator service", "v4.1.6")
    check.info("Checking for newer operator version...")
    common.warning("A newer Operator version is available: %s. Upgrading to the latest release is recommended: %s",
                   "v4.1.7", "https://github.com/stakewise/v3-operator/releases/tag/v4.1.7")
    check.info("Checking connection to database...")
    check.info("Connected to database %s.", "/data/mainnet/operator.db")
    check.info("Checking connection to consensus nodes...")
    w.info("⚙️ Parsing configuration file etc/config.yaml")
    w.info("⚙️ Validating configuration file")
    w.info("⚙️ Merging with environment variables")
    w.info("⚙️ Configuration file is ready")
    common.warning("The consensus node located at %s has not completed synchronization yet. "
                   "The remaining synchronization distance is %s.", CONSENSUS, 3)
    common.warning("Consensus nodes are not ready. Retrying in 10 seconds...")
    common.info("Connected to consensus node at %s. Finalized epoch: %s", CONSENSUS, 298412)
    check.info("Checking connection to execution nodes...")
    common.info("Connected to execution node at %s. Current block number: %s", EXECUTION, 20262117)
    check.info("Checking consensus nodes network...")
    check.info("Checking execution nodes network...")
    check.info("Checking that consensus and execution nodes are in sync...")
    check.info("Checking oracles config...")
    check.info("Checking vault address %s...", vault)
    common.info("Vault withdrawable assets: %s %s", "96.41", "ETH")
    check.info("Checking wallet balance %s...", wallet)
    execution.warning("Wallet %s balance is too low. At least %s %s is recommended.", wallet, "0.1", "ETH")
    check.info("Checking connection to ipfs nodes...")
    check.info("Connected to ipfs nodes at %s.", "https://stakewise-v3-mainnet.quicknode-ipfs.com/, "
               "https://ipfs.io/")
    check.info("Checking connection to oracles set...")
    check.info("Connected to oracles at %s", "https://mainnet-oracle1.stakewise.io, "
               "https://mainnet-oracle2.stakewise.io, https://mainnet-oracle3.stakewise.io")
    check.info("Checking keystores dir...")
    check.info("Found keystores dir")
    vals.info("Downloading validators data from IPFS...")
    vals.info("Loading genesis validators into the database...")
    vals.info("Loaded %d genesis validators", 1288)
    base.info("Syncing validator events...")
    base.info("Updating oracles cache...")
    base.info("Started operator service")

    slot = 9549120
    for n in range(40):
        s = slot + n
        epoch = s // 32
        w.info(f"🔨 Processing slot {s}")
        if n == 0 or s % 32 == 0:
            w.info(f"🔨 Processing epoch {epoch}")
            w.info("🔨 Fetching pending deposits")
            w.info("🔨 Fetching pending consolidations")
            w.info("🔨 Fetching pending withdrawals")
        if n == 0 or s % 32 == 16:
            w.info("🔨 Processing validator liveness")
        if n == 0 or s % 32 == 8:
            w.info("🔨 Trying to process rewards")
        if n == 5:
            v = VALIDATORS[1]
            w.info(f"{COLOR_BOLD_GREEN}🏅 Validator {v[:10]} ({', '.join(LABELS)}) proposed a block on slot={s}"
                   f"{COLOR_RESET}")
        if n == 9:
            w.info(f"{COLOR_GREEN}🙏 Validator {VALIDATORS[4][:10]} ({', '.join(LABELS)}) will propose a block on "
                   f"slot={s + 45}{COLOR_RESET}")
        if n == 17:
            w.info(f"{COLOR_RED}😩 Validator {VALIDATORS[2][:10]} ({', '.join(LABELS)}) likely missed a block on "
                   f"slot={s - 1}{COLOR_RESET}")
        if s % 32 == 16:
            missed = ", ".join(v[:10] for v in VALIDATORS[3:6])
            w.info(f"{COLOR_YELLOW}😞 Validator(s) {missed} and more ({', '.join(LABELS)}) missed an attestation"
                   f"{COLOR_RESET}")
        w.info("🔨 Processing committees for previous slot")
        w.info("🔨 Updating Prometheus metrics")
        w.info(f"📊 Computing metrics for {len(VALIDATORS) * 214} validators")
        if s % 32 == 24:
            w.info("🔨 Processing configuration update")
            w.info("⚙️ Parsing configuration file etc/config.yaml")
            w.info("⚙️ Validating configuration file")
            w.info("⚙️ Merging with environment variables")
            w.info("⚙️ Configuration file is ready")
        if n == 22:
            w.warning("😿 Unable to send slack notification: not_in_channel")
        w.info(f"⏰ Waiting {11.2 + (n % 5) * 0.13:.2f} seconds for slot {s + 1}")

        # The operator's tasks, once a block (12 s, a slot).
        if n % 6 == 2:
            vals.warning("There are no available public keys to proceed with registration. "
                         "To register additional validators, you must generate new keystores.")
        if n == 11:
            vals.info("Started registration of %d %s validator(s)", 2, "0x02")
            keys = ", ".join("0x%096x" % (0xa9e3 + i * 7919) for i in range(2))
            vals.info("Successfully registered validator(s) with public key(s) %s", keys)
        if n == 14:
            tasks.error("Cannot connect to host eth-mainnet.g.alchemy.com:443 ssl:default "
                        "[Connection reset by peer]")
        if n == 19:
            exits.info("Starting exit signature rotation for %d validators", 12)
            exits.info("Waiting for the majority of oracles to sync exit signatures")
        if n == 26:
            common.warning("The execution client is behind the consensus client: execution block %d, consensus "
                           "finalized block %d, distance %d blocks", 20262190, 20262197, 7)
        if n == 27:
            tasks.error("TimeoutError()")
        if n == 31:
            harvest.info("Starting vault %s harvest", vault)
        if n == 34:
            tasks.error(f"403, message='Forbidden', url='{EXECUTION}'")
    printed(stream, "eth-validator-watcher-1 exited with code 0")
    return {"name": "stakewise-watcher", "programs": [sw, vw], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# A chain-data host on EC2 (Docker's awslogs driver, one stream): DipDup
# indexes a DEX's swaps for the analytics team from an Ethereum node and
# Subsquid's archive, and ElectrumX indexes Bitcoin for the team's wallets
# (its Electrum clients connect over SSL).

def stream_dipdup_electrumx():
    stream = []
    dd = Program("dipdup", "dipdup.dipdup", logging.Formatter(DIPDUP), stream)
    ex = Program("electrumx", "electrumx", CompactFormatter(ELECTRUMX), stream)
    cli = lg(dd, "dipdup.cli")
    dip = lg(dd, "dipdup.dipdup")
    http = lg(dd, "dipdup.http")
    node = Formatted(lg(dd, "dipdup.datasources"), "evm_node" + ": {}")
    idx = Formatted(lg(dd, "dipdup.index"), "uniswap_v3_pools" + ": {}")
    pkg = lg(dd, "uniswap_analytics.handlers.on_swap")
    top = lg(ex, "electrumx")
    ctl = lg(ex, "electrumx.server.controller.Controller")
    db = lg(ex, "electrumx.server.db.DB")
    bp = lg(ex, "electrumx.server.block_processor.BlockProcessor")
    pre = lg(ex, "electrumx.server.block_processor.Prefetcher")
    daemon = lg(ex, "electrumx.server.daemon.Daemon")
    mp = lg(ex, "electrumx.server.mempool.MemPool")
    sm = lg(ex, "electrumx.server.session.SessionManager")
    sess = lg(ex, "electrumx.server.session.ElectrumX")

    printed(stream, "Attaching to dipdup-1, electrumx-1")
    cli.info("Applying env_file `%s`", ".env")
    top.info("ElectrumX server starting. (spesmilo. version=2.0b1)")
    top.info("logging level: INFO")
    ctl.info("Python version: 3.12.3 (main, Apr 10 2024, 03:36:41) [GCC 12.2.0]")
    db.info("switching current directory to /data")
    db.info("using leveldb for DB backend")
    db.info("opened UTXO DB (for sync: True)")
    db.info("UTXO DB version: 10")
    db.info("coin: BitcoinSegwit")
    db.info("network: mainnet")
    db.info("height: 844,117")
    db.info("tip: 00000000000000000001a6e7c0b3e9f2d38f7cbd0a1d0b2a8e54f3c6f8a9b0c1")
    db.info("tx count: 1,004,512,833")
    db.info("flushing DB cache at 1,200 MB")
    ctl.info("software version: ElectrumX 2.0b1")
    ctl.info("aiorpcX version: 0.25.0")
    ctl.info("supported protocol versions: 1.4-1.6")
    ctl.info("event loop policy: None")
    ctl.info("reorg limit is 200 blocks")
    bp.info("Python GIL enabled: True")
    dip.info("Setting up database")
    dip.info("Initializing database schema")
    dip.info("%s contracts fetched from database", 4)
    dip.info("%s indexes found in database", 1)
    dip.info("Setting up Prometheus at %s:%s", "0.0.0.0", 8000)
    dip.info("Starting index dispatcher")
    daemon.info("daemon #1 at bitcoind:8332/ (current)")
    bp.info("catching up to daemon height 844,131 (14 blocks behind)")
    node.info("Establishing realtime connection")
    node.info("Subscribing to %s channels", 2)
    node.info("Realtime connection established")
    idx.info("Index is behind the datasource level, syncing: %s -> %s", 20261904, 20262117)
    idx.info("Synchronizing index to level %s", 20262117)
    dip.info("indexing: warming up...")

    height = 844117
    level = 20261904
    for i in range(12):
        n = 1 + i % 3
        height += n
        bp.info(f"processed {n:,d} block{'' if n == 1 else 's'} size {1.42 + i * 0.11:.2f} MB in {0.4 + i * 0.1:.1f}s")
        if i == 4:
            bp.info(f"our height: {height:,d} daemon: 844,131 UTXOs 412MB hist 38MB")
            db.info(f"flushed {n:,d} blocks with {4211 * n:,d} txs, {9870 * n:,d} UTXO adds, {8411 * n:,d} spends "
                    f"in 1.3s, committing...")
            db.info(f"flush took 2.1s.  Height {height:,d} txs: {1004512833 + 12000 * i:,d} (+{12000:,d})")
        for j in range(4):
            level += 17
            progress = 100 * (level - 20261904) / (20262117 - 20261904 + 40)
            msg = f"indexing: {min(progress, 99.9):5.1f}% done, {max(20262117 - level, 0)} levels left"
            msg += " " * (48 - len(msg))
            msg += f" {310 + j * 7:5} L {1420 + i * 13:5} O"
            dip.info(msg)
            if j == 2:
                pkg.info("Swap %s on pool %s: %s USDC -> %s WETH", "0x%064x" % (0x7e1a + i * 131),
                         "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640", f"{12000 + i * 811}.00", f"{3.41 + i * 0.2:.4f}")
        if i == 6:
            http.warning("HTTP request attempt %s/%s failed: %s", 1, 10, "Cannot connect to host "
                         "v2.archive.subsquid.io:443 ssl:default [Temporary failure in name resolution]")
            http.info("Waiting %s seconds before retry", 1.0)
    bp.info(f"caught up to height {height}")
    bp.info(f"ElectrumX 2.0b1 synced to height {height:,d}")
    db.info("closing DBs to re-open for serving")
    db.info("opened UTXO DB (for sync: False)")
    db.info("populating header merkle cache...")
    db.info("header merkle cache populated in 3.4s")
    mp.info("beginning processing of daemon mempool.  This can take some time...")
    mp.info("synced in 21.83s")
    sm.info("max session count: 1,000")
    sm.info("session timeout: 600 seconds")
    sm.info("session cost hard limit 10,000")
    sm.info("session cost soft limit 1,000")
    sm.info("bandwidth unit cost 5,000")
    sm.info("request sleep 2,500ms")
    sm.info("request timeout 30s")
    sm.info("initial concurrent 10")
    sm.info("max send (response) size 1,000,000 bytes")
    sm.info("max recv (request) size 5,000,000 bytes")
    sm.info("TCP server listening on 0.0.0.0:50001")
    sm.info("SSL server listening on 0.0.0.0:50002")
    idx.info("Index is synchronized to level %s", 20262117)
    node.info("New head: %s -> %s", 20262117, 20262118)
    dip.info("realtime: %s levels indexed and counting", 1)

    sid = 0
    for r in range(10):
        for k in range(3):
            sid += 1
            Conn(sess, sid).info(f"SSL 10.0.{4 + k}.{20 + r}:{51200 + sid}, {sid + 3:,d} total")
        if r % 3 == 1:
            Conn(sess, sid - 1).info(f"closing session over res usage. ip: 10.0.5.{20 + r}. groups: "
                                     f"['10.0.5.0/24']")
        height += 1
        bp.info(f"new block height {height:,d} hash 00000000000000000002{(r * 0x9e3779b1) & 0xffffffffffff:012x}"
                "7c41e0d9b8a6f5e4c3b2a1908070605")
        mp.info(f"{38211 + r * 517:,d} txs {112.4 + r * 1.7:.2f} MB, touching {101234 + r * 900:,d} addresses. "
                f"{70210 + r * 811:,d} spends.")
        if r == 3:
            mp.info("compact fee histogram: [[24.1, 99821], [12.0, 100233], [6.2, 101411], [3.0, 120012]]. "
                    "took 0.041s.")
        node.info("New head: %s -> %s", 20262118 + r, 20262119 + r)
        dip.info("realtime: %s levels indexed and counting", 2 + r)
        if r == 5:
            daemon.error("timeout error.  Retrying occasionally...")
            daemon.info("running normally")
        if r == 7:
            node.error("Websocket connection error: %s", "ConnectionClosedError: no close frame received or sent")
            node.info("Realtime connection lost, resetting subscriptions")
            node.info("Establishing realtime connection")
    # DipDup's datasource fails for good: the uncaught DatasourceError,
    # then the help _print_help_atexit echoes at exit.
    help_text = ("_" * 80 + "\n\n`evm_node` datasource returned an error:\n\n"
                 "\"Websocket connection failed after 10 attempts\"\n\n"
                 "See https://dipdup.io/docs/getting-started/datasources")

    def run():
        def dispatcher():
            def realtime():
                raised("dipdup.exceptions", "DatasourceError",
                       "One of datasources returned an error -> Websocket connection failed after 10 attempts "
                       "evm_node")
            realtime()
        dispatcher()
    uncaught(stream, run)
    for line in help_text.split("\n"):
        if line:
            printed(stream, line)
    printed(stream, "Report saved; run `dipdup report show 5f0c1d2e` to view it")
    printed(stream, "dipdup-1 exited with code 1")
    sess_ = Conn(sess, sid + 1)
    sess_.info(f"SSL 10.0.4.31:{51200 + sid + 1}, {sid:,d} total")
    ctl.warning("received SIGTERM signal, initiating shutdown")
    sm.info("stop listening on servers, so no new sessions can be created")
    sm.info(f"closing {sid:,d} active sessions")
    sm.info("waiting for all server's resources to close")
    sm.warning("timed out waiting for server resources to close")
    sm.info("all servers closed")
    bp.info("flushing to DB for a clean shutdown...")
    pre.info("cancelled; prefetcher stopping ")
    db.info(f"flush took 0.8s.  Height {height:,d} txs: 1,004,700,212 (+18,441)")
    ctl.info("shutting down")
    top.info("ElectrumX server terminated normally")
    return {"name": "dipdup-electrumx", "programs": [dd, ex], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An on-chain bots host on ECS (one task, its containers' stdout and stderr
# in one stream): a Tellor reporter submits the desk's spot-price values to
# the oracle, and binance-trade-bot trades the desk's coins.

COINS = ["ADA", "XLM", "TRX", "ICX", "EOS", "IOTA", "ONT", "QTUM", "ETC"]


def telliot(program, name):
    log = lg(program, name)
    log.addFilter(DuplicateFilter())
    return log


def format_exc_of(fn):
    try:
        fn()
    except Exception:
        return traceback.format_exc()


def stream_telliot_btb():
    stream = []
    tl = Program("telliot-feeds", "telliot_feeds.reporters.tellor_360", logging.Formatter(TELLIOT), stream)
    bt = Program("binance-trade-bot", "crypto_trading_logger", logging.Formatter(BTB), stream)
    rep = telliot(tl, "telliot_feeds.reporters.tellor_360")
    agg = telliot(tl, "telliot_feeds.sources.price_aggregator")
    cg = telliot(tl, "telliot_feeds.sources.price.spot.coingecko")
    btb = lg(bt, "crypto_trading_logger", logging.INFO)
    account = "0x3d8B5c2E1f6A7d4C9b0E2a81F5c3D7e9A4b6C812"

    printed(stream, "Attaching to telliot-1, binance-trade-bot-1")
    for line in ["Reporting query tag: trb-usd-spot", "Current chain ID: 1", "Expected percent profit: 100.0%",
                 "Transaction type: 2", "Gas Limit: 350000", "Legacy gas price (gwei): None", "Max fee (gwei): None",
                 "Priority fee (gwei): 1.0", "Desired stake amount: 10.0",
                 "Minimum native token balance (e.g. ETH if on Ethereum mainnet): 0.25"]:
        printed(stream, line)
    rep.info(f"Reporting with account: {account}")
    btb.info("Starting")
    btb.info("Chosen strategy: default")
    btb.info("Creating database schema if it doesn't already exist")
    for c in COINS[:4]:
        btb.info(f"Initializing {c} vs {COINS[(COINS.index(c) + 1) % len(COINS)]}")
    btb.info("Skipping initializing ONTUSDT, symbol not found")

    current = "ADA"
    for cycle in range(10):
        # The reporter's loop (tellor_360.py report()).
        rep.info(f"""

            STAKER INFO
            start date: 1714{cycle:02d}1234
            stake_balance: {10.0 + cycle * 0.0!r}
            locked_balance: 0
            last report: 1715{cycle:02d}0911
            reports count: {412 + cycle}
            """)
        rep.info("Fetching time based rewards")
        rep.info(f"Time based rewards: {0.4125 + cycle * 0.0311:.04f}")
        prices = [1.0412 + cycle * 0.001, 1.0398 + cycle * 0.001, 1.0421 + cycle * 0.001]
        if cycle == 3:
            cg.warning("CoinGecko API rate limit exceeded")
            prices = prices[1:]
        agg.info(f"Running median on {prices}")
        agg.info("Feed Price: {} reported at time {}".format(
            sorted(prices)[len(prices) // 2], datetime.fromtimestamp(realworld.CLOCK.t, timezone.utc)))
        agg.info("Number of sources used in aggregate: {}".format(len(prices)))
        rep.info(f"""\n
            Tips: {0.3 + cycle * 0.02:.2f}
            Transaction fee: {0.0041 + cycle * 0.0002:.4f} ETH
            Gas limit: 350000
            Gas price: None gwei
            Max fee per gas: {11.8 + cycle:.1f} gwei
            Max priority fee per gas: 1.0 gwei
            Txn type: 2\n""")
        profit = 14.31 - cycle * 3.4
        rep.info(f"Estimated profit: ${round(profit, 2)}")
        rep.info(f"tip price: {round(30.1 + cycle, 2)}, gas costs: {15.79 + cycle * 4.4}")
        rep.info(f"Estimated percent profit: {round(profit / 15.79 * 100, 2)}%")
        if profit / 15.79 * 100 < 100.0:
            rep.info("Estimated profitability below threshold.")
        elif cycle == 2:
            rep.error("Transaction reverted. (https://etherscan.io/tx/0x%064x)" % (0x51fe + cycle))
        else:
            rep.info("View reported data: \nhttps://etherscan.io/tx/0x%064x" % (0x9a3c + cycle * 977))
        if cycle == 6:
            rep.warning("Unable to connect to the internet!")
        rep.info("Sleeping for 7 seconds")

        # The trader's scouting (every SCOUT_SLEEP_TIME s) between.
        scouts = [f"{now('%Y-%m-%d %H:%M:%S')}.{123456 + k * 5011} - CONSOLE - INFO - I am scouting the best trades. "
                  f"Current coin: {current}USDT " for k in range(3)]
        printed(stream, "\r".join(scouts))
        if cycle in (2, 5, 8):
            nxt = COINS[(COINS.index(current) + 2) % len(COINS)]
            btb.info(f"Will be jumping from {current} to {nxt}")
            btb.info(f"Selling {412.3 + cycle:.1f} of {current}")
            btb.info(f"Balance is {412.3 + cycle:.1f}")
            btb.info("order")
            btb.info({"symbol": f"{current}USDT", "orderId": 4102331 + cycle, "status": "NEW", "side": "SELL"})
            btb.info(f"Sold {current}")
            if cycle == 5:
                def buy():
                    def create_order():
                        raised("binance.exceptions", "BinanceAPIException",
                               "APIError(code=-1013): Filter failure: LOT_SIZE")
                    create_order()
                btb.warning("Failed to Buy/Sell. Trying Again (attempt 0/20)")
                btb.warning(format_exc_of(buy))
                btb.warning("Failed to Buy/Sell. Trying Again (attempt 1/20)")
            btb.info(f"BUY QTY {1210.4 - cycle * 11:.1f}")
            btb.info(f"Bought {nxt}")
            current = nxt
        if cycle == 4:
            btb.info("Pending order 4102339 for symbol XLMUSDT fetched:\n{'symbol': 'XLMUSDT', 'side': 'BUY', "
                     "'order_type': 'LIMIT', 'order_id': 4102339, 'cumulative_quote_asset_transacted_quantity': "
                     "0.0, 'current_order_status': 'NEW', 'order_price': 0.1052, 'transaction_time': 1715438701234}")
        if cycle == 7:
            def update_values():
                def get_ticker_price():
                    raised("requests.exceptions", "ReadTimeout",
                           "HTTPSConnectionPool(host='api.binance.com', port=443): Read timed out. (read timeout=10)")
                get_ticker_price()
            btb.error(f"Error while updating value history...\n{format_exc_of(update_values)}")
        if cycle == 9:
            btb.error("Got exception during fetching pending order: APIError(code=-2013): Order does not exist.")
    rep.info("Unable to suggest datafeed")
    return {"name": "telliot-btb", "programs": [tl, bt], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_stakewise_watcher(), stream_dipdup_electrumx(), stream_telliot_btb()])


if __name__ == "__main__":
    main()
