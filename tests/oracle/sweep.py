"""Format inference, measured: the oracles' records sent with NOTHING
configured, in both arrival modes, each document compared with
python-json-logger's.

    .venv/bin/python tests/oracle/sweep.py random --seeds 1-20 --formats 60
    .venv/bin/python tests/oracle/sweep.py realworld
    .venv/bin/python tests/oracle/sweep.py heldout
    .venv/bin/python tests/oracle/sweep.py heldout2
    .venv/bin/python tests/oracle/sweep.py heldout3
    .venv/bin/python tests/oracle/sweep.py heldout4
    .venv/bin/python tests/oracle/sweep.py heldout5 --streams   # each stream, worst first
    .venv/bin/python tests/oracle/sweep.py heldout6
    .venv/bin/python tests/oracle/sweep.py heldout7
    .venv/bin/python tests/oracle/sweep.py heldout8
    .venv/bin/python tests/oracle/sweep.py heldout9     # and heldout10 to heldout89
    .venv/bin/python tests/oracle/sweep.py random --seeds 1-10 --configured

`--configured` sends each random case with its own format configured
instead (`PYTHON_LOG_FORMAT`/`PYTHON_LOG_DATEFMT`): what issue 29 checks,
and what tests/integration/configured.rs runs on seed 1 in CI.

`random` runs tests/oracle/random_formats.py for each seed and profile;
`realworld` runs tests/oracle/realworld.py in both profiles, `heldout`
to `heldout16` tests/oracle/heldout.py to heldout89.py (real programs
measured before any rule was written from them). Each case (or
stream) is one delivery from its own log group, sent to the release
binary's `invoke` (cargo build --release first; BIN overrides the path).
A record's document is the one that starts at the event the record
started in (its `cloudwatch.event_id`); a record with no document of its
own counts as wrong on every field.

Prints, per profile and arrival mode: records, exact documents, and how
many records have each of asctime, levelname, name, message, exc_info and
stack_info exactly as python-json-logger wrote them (a key absent on both
sides counts as right), and all six right at once ("key fields"). Records
whose truth no text can show (python-json-logger names a `{`-style field
with a spec `levelname:<8` and writes null for it; `%(asctime)s,%(msecs)03d`
with datefmt `%Y-%m-%d %H:%M:%S` prints Python's default asctime) are
counted apart as `unknowable`, and so are the records the README's Known
limits name (under a burst, one line per event, a catch-all line in a
record's millisecond joins it) as `joined`. `random` then splits its
records by format: the standard attributes only, and those with one custom
field, which also report how many are exact but for that field's key (the
field's value kept under a neutral key, as no text can name it). The
Rust test (tests/integration/oracle.rs) checks the same figures on a fixed
seed.
"""

import argparse
import base64
import gzip
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.environ.get("BIN", os.path.join(ROOT, "target/release/logs-to-firehose"))
KEYS = ["asctime", "levelname", "name", "message", "exc_info", "stack_info"]


def event(group, events):
    payload = {
        "messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": group,
        "logStream": "app/1", "subscriptionFilters": ["all"],
        "logEvents": [{"id": f"{i:056d}", "timestamp": ms, "message": m} for i, (ms, m) in enumerate(events)],
    }
    data = base64.b64encode(gzip.compress(json.dumps(payload).encode())).decode()
    return json.dumps({"awslogs": {"data": data}}).encode()


def unknowable(want, text=""):
    """Truth no text can show: a `{`-style field named with its spec, or
    `%(asctime)s,%(msecs)03d` with datefmt `%Y-%m-%d %H:%M:%S`, which
    prints exactly Python's default asctime (docs/parsing.md, Known limits
    of inference)."""
    if any(":" in k or "!" in k for k in want):
        return True
    asctime, msecs = want.get("asctime"), want.get("msecs")
    return (isinstance(asctime, str) and isinstance(msecs, (int, float))
            and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", asctime) is not None
            and f"{asctime},{int(msecs):03d}" in text)


def joined_under_burst(records):
    """The records the stream itself can't keep apart under a burst, one
    line per event (README, "Known limits"): a catch-all line in the same
    millisecond as a record, and that record. Mirrors the Rust test's."""
    joined, head = [False] * len(records), None
    for i, r in enumerate(records):
        if head is not None and r["catch_all"] and r["ms"] == records[i - 1]["ms"]:
            joined[head] = joined[i] = True
        else:
            head = None if r["catch_all"] else i
    return joined


def measure(group, records, per_line, tally, wrong=None, burst=False, config=None):
    events, starts = [], []
    for r in records:
        starts.append(len(events))
        if per_line:
            events += [(r["ms"], line) for line in r["text"].split("\n") if line]
        else:
            events.append((r["ms"], r["text"] + "\n"))
    # START and END lines are documents here, as python-json-logger's
    # oracle prints them (the default drops them as noise).
    env = {"PATH": os.environ["PATH"], "LAMBDA_PLATFORM_LINES": "keep"}
    if config:
        env["PYTHON_LOG_FORMAT"] = config[0]
        if config[1]:
            env["PYTHON_LOG_DATEFMT"] = config[1]
    out = subprocess.run([BIN, "invoke", "-"], input=event(group, events), capture_output=True, env=env)
    assert out.returncode == 0, out.stderr.decode()
    docs = {}
    for line in out.stdout.decode().splitlines():
        doc = json.loads(line)
        cw = doc.pop("cloudwatch")
        doc.pop("@timestamp", None)
        docs.setdefault(int(cw["event_id"]), doc)
    joined = joined_under_burst(records) if per_line and burst else [False] * len(records)
    for r, start, limit in zip(records, starts, joined):
        want = json.loads(r["json"])
        if unknowable(want, r["text"]):
            tally["unknowable"] += 1
            continue
        if limit:
            tally["joined"] += 1
            continue
        got = docs.get(start, {})
        tally["records"] += 1
        same = list(got.items()) == list(want.items())
        tally["exact"] += same
        tally["renamed"] += same or renamed_only(got, want)
        right = [got.get(k) == want.get(k) for k in KEYS]
        for k, ok in zip(KEYS, right):
            tally[k] += ok
        tally["key fields"] += all(right)
        if not same and wrong is not None:
            wrong.append((r["text"][:160], want, got))


def renamed_only(got, want):
    """Whether a document is exact but for one key's name: a custom field
    (`%(request_id)s`) kept under a neutral key, which text can't name."""
    g, w = list(got.items()), list(want.items())
    diff = [(a, b) for a, b in zip(g, w) if a != b]
    return len(g) == len(w) and len(diff) == 1 and diff[0][0][1] == diff[0][1][1] \
        and diff[0][0][0] not in want and diff[0][1][0] not in got


def report(name, tally, renamed=False):
    n = max(tally["records"], 1)
    parts = [f"{k} {tally[k] / n:.1%}" for k in ["exact", "key fields"] + KEYS]
    if renamed:
        parts.insert(1, f"exact but a custom field's name {tally['renamed'] / n:.1%}")
    print(f"{name}: {tally['records']} records ({tally['unknowable']} unknowable, {tally['joined']} joined under a burst): " + ", ".join(parts))


def new_tally():
    return dict.fromkeys(["records", "unknowable", "joined", "exact", "renamed", "key fields"] + KEYS, 0)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("oracle", choices=["random", "realworld", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41", "heldout42", "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50", "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68", "heldout69", "heldout70", "heldout71", "heldout72", "heldout73", "heldout74", "heldout75", "heldout76", "heldout77", "heldout78", "heldout79", "heldout80", "heldout81", "heldout82", "heldout83", "heldout84", "heldout85", "heldout86", "heldout87", "heldout88", "heldout89"])
    args.add_argument("--seeds", default="1")
    args.add_argument("--formats", type=int, default=60)
    args.add_argument("--show", type=int, default=0, help="print this many wrong records")
    args.add_argument("--streams", action="store_true",
                      help="also print each stream's figures, all modes together, worst first")
    args.add_argument("--configured", action="store_true",
                      help="random: configure each case's format (PYTHON_LOG_FORMAT) instead of nothing")
    a = args.parse_args()
    lo, _, hi = a.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    total, wrong = new_tally(), []
    # Random formats apart: the standard attributes only, and those with
    # one custom field, whose name no text shows (docs/parsing.md).
    kinds = {"standard attributes": new_tally(), "with a custom field": new_tally()}
    by_stream = {}
    for profile in ["spread", "burst"]:
        for per_line in [False, True]:
            tally = new_tally()
            runs = seeds if a.oracle == "random" else [None]
            for seed in runs:
                if a.oracle == "random":
                    cmd = [sys.executable, os.path.join(HERE, "random_formats.py"), "--seed", str(seed),
                           "--formats", str(a.formats), "--profile", profile]
                    cases = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)["cases"]
                    catch_all = ("%(message)s", "{message}", "$message", "${message}")
                    for c in cases:
                        for r in c["records"]:
                            r["catch_all"] = c["format"].startswith(catch_all)
                    streams = [(c["name"], c["records"], (c["format"], c["datefmt"]) if a.configured else None,
                                f"{seed}/{c['name']} {c['format']!r} {c['datefmt']!r}")
                               for c in cases]
                else:
                    cmd = [sys.executable, os.path.join(HERE, f"{a.oracle}.py"), "--profile", profile]
                    data = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
                    streams = [(s["name"], s["records"], None, s["name"]) for s in data["streams"]]
                for name, records, config, label in streams:
                    kind = kinds["with a custom field" if "+custom" in name else "standard attributes"]
                    before = dict(tally)
                    measure(f"/ecs/{name}", records, per_line, tally, wrong, profile == "burst", config)
                    mine = by_stream.setdefault(label, new_tally())
                    for k in kind:
                        kind[k] += tally[k] - before[k]
                        mine[k] += tally[k] - before[k]
            report(f"{a.oracle} {profile} {'per-line' if per_line else 'per-record'}", tally)
            for k in total:
                total[k] += tally[k]
    report(f"{a.oracle} all", total)
    if a.oracle == "random":
        for label, tally in kinds.items():
            report(f"random, {label}", tally, label == "with a custom field")
    if a.streams:
        worst = sorted(((k, t) for k, t in by_stream.items() if t["records"]),
                       key=lambda kv: kv[1]["key fields"] / kv[1]["records"])
        for name, tally in worst:
            report(f"  {name}", tally)
    for text, want, got in wrong[: a.show]:
        print("\ntext:", repr(text))
        print("want:", json.dumps(want)[:400])
        print("got: ", json.dumps(got)[:400])


if __name__ == "__main__":
    main()
