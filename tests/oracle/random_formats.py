"""The inference oracle: format strings drawn at random, formatted twice.

Each case is one format string (with its datefmt and style) drawn from
Python logging's standard `LogRecord` attributes, the way people write them
in `logging.basicConfig`/`dictConfig`: asctime first (often with
`.%(msecs)03d`), a levelname (padded, cut or bracketed), the logger name,
locations (`%(filename)s:%(lineno)d`, `%(module)s.%(funcName)s`, ...),
process and thread pieces, separators and brackets, and the message last,
now and then followed by a location suffix. About a quarter of the cases are
formats copied from documentation and popular projects (the logging
cookbook, Django's and Flask's docs, Airflow, gunicorn, absl, a hand-made
JSON line, logfmt); the rest are composed piece by piece. Styles: mostly
`%`, about 15 % `{`, about 5 % `$`. About 10 % of the formats use one custom
field (request_id, user, tenant, worker, ...), set through a
`logging.Filter` or through `extra=`; the case's name says which.

Each case's records (several loggers, realistic pathnames, functions,
process and thread names and ids, levels, and messages: ordinary ones,
ones with separators inside or starting with a date or a level word, an
empty one, long ones, multi-line ones, real exceptions, chained ones, and
stack_info) are formatted twice, as `oracle.py` does: by
`logging.Formatter(fmt, datefmt, style)` (the text the app writes) and by
python-json-logger's `JsonFormatter(fmt, datefmt, style=style)` (the
truth). The Rust side feeds the text with nothing configured and must infer
the format from the lines.

    .venv/bin/python tests/oracle/random_formats.py --seed 1 --formats 60 --profile spread > /tmp/random.json

prints {"seed", "profile", "cases": [{"name", "format", "datefmt", "style",
"records": [{"text", "json", "ms"}]}]}. `text` may hold newlines
(multi-line messages, tracebacks, stacks); `ms` is the record's creation
time in milliseconds. The output depends on the seed alone
(`random.Random(seed)`; no real time, pids or thread ids): the formats on
`--seed` and `--formats` only, the records also on `--records` and
`--profile`.

Time is pinned in whole milliseconds, as `realworld.py` pins it: records
5 to 50 ms apart (seeded) for the spread profile, all in one millisecond
for burst; each case starts on its own day and hour of 2024-2025, in UTC.
`msecs` and `relativeCreated` are set on each record as Python 3.13+
computes them from whole nanoseconds (123.0 and 1234.0), so that
`%(msecs)03d`, `%(relativeCreated)d` and `%(created)f` print exactly and the
JSON holds the same numbers on every Python version (3.11's float
arithmetic would print 122 for a .123 creation time).

Note: python-json-logger reads `{` fields with a regex, so a brace field
with a spec (`{levelname:<8}`) is written under the key "levelname:<8"
with the value null; that is the truth this oracle records.
"""

import argparse
import io
import json
import logging
import os
import pprint
import random
import sys
import time
import traceback

from pythonjsonlogger.json import JsonFormatter

BASE_MS = 1715438684000  # 2024-05-11T14:44:44Z


# -- the clock --------------------------------------------------------------


class Clock:
    """Creation times in whole milliseconds: 5 to 50 ms apart (seeded) for
    the spread profile, all the same for burst."""

    def __init__(self, start_ms, profile, rng):
        self.ms, self.profile, self.rng = start_ms, profile, rng

    def tick(self):
        if self.profile == "spread":
            self.ms += self.rng.randint(5, 50)

    def __call__(self):
        return self.ms / 1000

    def ns(self):
        return self.ms * 1_000_000


# -- drawing formats --------------------------------------------------------


def weighted(rng, pairs):
    """One value of [(value, weight)], drawn with rng."""
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


DATEFMTS = [
    (None, 30),
    ("%Y-%m-%d %H:%M:%S", 22),
    ("%Y-%m-%dT%H:%M:%S", 7),
    ("%Y-%m-%dT%H:%M:%S%z", 5),
    ("%Y-%m-%d %H:%M:%S %z", 4),
    ("%d/%b/%Y:%H:%M:%S %z", 3),
    ("%d/%b/%Y %H:%M:%S", 3),
    ("%y%m%d %H:%M:%S", 2),
    ("%m-%d %H:%M", 2),
    ("%m-%d %H:%M:%S", 2),
    ("%H:%M:%S", 8),
    ("%m/%d/%Y %I:%M:%S %p", 4),
    ("%d-%b-%y %H:%M:%S", 3),
    ("%Y/%m/%d %H:%M:%S", 3),
]

# One custom field, as an app's Filter or `extra=` stamps it: (name, %-spec,
# a function of the rng giving its value for one record).
HEX = "0123456789abcdef"


def uuid4(rng):
    h = "".join(rng.choice(HEX) for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


CUSTOM = {
    "request_id": ("s", lambda rng, case: uuid4(rng)),
    "user": ("s", lambda rng, case: rng.choice(case["users"])),
    "tenant": ("s", lambda rng, case: case["tenant"]),
    "worker": ("d", lambda rng, case: rng.choice(case["workers"])),
    "trace_id": ("s", lambda rng, case: "".join(rng.choice(HEX) for _ in range(32))),
    "correlation_id": ("s", lambda rng, case: uuid4(rng)),
    "env": ("s", lambda rng, case: case["env"]),
}
CUSTOM_ORDER = ["request_id", "user", "tenant", "worker", "trace_id", "correlation_id", "env"]
CUSTOM_WEIGHTS = [("request_id", 35), ("user", 15), ("tenant", 12), ("worker", 12), ("trace_id", 10),
                  ("correlation_id", 8), ("env", 8)]

# Formats copied from documentation and popular projects: (name, format,
# datefmt or RANDOM, style, custom field or None).
RANDOM = "random"
KNOWN = [
    ("basicConfig", "%(levelname)s:%(name)s:%(message)s", None, "%", None),
    ("cookbook", "%(asctime)s - %(name)s - %(levelname)s - %(message)s", None, "%", None),
    ("cookbook-file", "%(asctime)s %(name)-12s %(levelname)-8s %(message)s", "%m-%d %H:%M", "%", None),
    ("cookbook-console", "%(name)-12s: %(levelname)-8s %(message)s", None, "%", None),
    ("cookbook-threads", "%(relativeCreated)6d %(threadName)s %(message)s", None, "%", None),
    ("simple", "%(asctime)s %(levelname)s %(message)s", RANDOM, "%", None),
    ("level-padded", "%(asctime)s %(levelname)-8s %(message)s", "%Y-%m-%d %H:%M:%S", "%", None),
    ("level-message", "%(levelname)s: %(message)s", None, "%", None),
    ("bracket-level", "%(asctime)s [%(levelname)s] %(name)s: %(message)s", RANDOM, "%", None),
    ("location", "%(asctime)s - %(name)s - %(levelname)s - %(funcName)s:%(lineno)d - %(message)s", RANDOM, "%", None),
    ("airflow", "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s", None, "%", None),
    ("colons", "%(asctime)s:%(levelname)s:%(name)s:%(message)s", RANDOM, "%", None),
    ("django-verbose", "%(levelname)s %(asctime)s %(module)s %(process)d %(thread)d %(message)s", None, "%", None),
    ("django-common", "[%(asctime)s] %(levelname)s [%(name)s.%(funcName)s:%(lineno)d] %(message)s",
     "%d/%b/%Y %H:%M:%S", "%", None),
    ("flask-docs", "[%(asctime)s] %(levelname)s in %(module)s: %(message)s", None, "%", None),
    ("flask-file", "%(asctime)s %(levelname)s: %(message)s [in %(pathname)s:%(lineno)d]", None, "%", None),
    ("gunicorn-error", "%(asctime)s [%(process)d] [%(levelname)s] %(message)s", "[%Y-%m-%d %H:%M:%S %z]", "%", None),
    ("scrapy", "%(asctime)s [%(name)s] %(levelname)s: %(message)s", "%Y-%m-%d %H:%M:%S", "%", None),
    ("absl", "%(levelname).1s%(asctime)s.%(msecs)03d %(process)d %(filename)s:%(lineno)d] %(message)s",
     "%m%d %H:%M:%S", "%", None),
    ("short-level", "%(asctime)s.%(msecs)03d %(levelname).1s %(name)s: %(message)s", "%H:%M:%S", "%", None),
    ("process-thread", "%(asctime)s %(processName)s/%(threadName)s %(levelname)s %(name)s - %(message)s",
     RANDOM, "%", None),
    ("hand-json", '{"time": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "message": "%(message)s"}',
     RANDOM, "%", None),
    ("logfmt", 'time=%(asctime)s level=%(levelname)s logger=%(name)s msg="%(message)s"',
     "%Y-%m-%dT%H:%M:%S%z", "%", None),
    ("lambda", "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
     "%Y-%m-%dT%H:%M:%S", "%", "aws_request_id"),
    ("request-id", "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s", RANDOM, "%", "request_id"),
    ("bare", "%(message)s", None, "%", None),
    ("brace-padded", "{asctime} {levelname:<8} {name}: {message}", RANDOM, "{", None),
    ("brace-pipes", "{asctime} | {levelname:<8} | {name}:{funcName}:{lineno} - {message}", RANDOM, "{", None),
    ("brace-simple", "{asctime} {levelname} {message}", RANDOM, "{", None),
    ("django-verbose-brace", "{levelname} {asctime} {module} {process:d} {thread:d} {message}", None, "{", None),
    ("django-simple-brace", "{levelname} {message}", None, "{", None),
    ("brace-bracketed", "[{asctime}] [{levelname}] {name}: {message}", RANDOM, "{", None),
    ("dollar", "$asctime $levelname ${name}: $message", None, "$", None),
    ("dollar-braced", "${asctime} [${levelname}] ${name} - ${message}", RANDOM, "$", None),
]
CUSTOM["aws_request_id"] = ("s", lambda rng, case: uuid4(rng))

WRAPS = {"[]": ("[", "]"), "()": ("(", ")"), "<>": ("<", ">"), "{}": ("{", "}"), "": ("", "")}


def F(name, spec="s"):
    return (name, spec)


def wrap(toks, kind):
    a, b = WRAPS[kind]
    return ([a] if a else []) + toks + ([b] if b else [])


def fields_of(piece):
    return [t[0] for t in piece["toks"] if isinstance(t, tuple)]


def time_piece(rng, datefmt, style, kv):
    """asctime (with msecs when the datefmt has no fraction), created or
    relativeCreated, wrapped."""
    kind = "asctime" if style == "$" else weighted(rng, [("asctime", 95), ("created", 2), ("relativeCreated", 3)])
    if kind == "created":
        toks = [F("created", weighted(rng, [("f", 85), (".3f", 15)]))]
    elif kind == "relativeCreated":
        toks = [F("relativeCreated", weighted(rng, [("d", 60), ("6d", 40)]))]
    else:
        toks = [F("asctime")]
        if (datefmt is not None and "%S" in datefmt and "%z" not in datefmt and "%p" not in datefmt
                and style != "$" and rng.random() < (0.7 if datefmt == "%H:%M:%S" else 0.45)):
            toks += [weighted(rng, [(".", 75), (",", 25)]), F("msecs", "03d")]
            if "T" in datefmt and rng.random() < 0.35:
                toks.append("Z")
    if kv:
        return {"role": "time", "toks": [rng.choice(["time=", "ts=", "timestamp="])] + toks, "wrap": ""}
    if datefmt and datefmt.startswith("%d/%b/%Y:"):
        w = "[]"  # as Apache writes it
    else:
        w = weighted(rng, [("", 62), ("[]", 32), ("()", 3), ("<>", 3)])
    return {"role": "time", "toks": wrap(toks, w), "wrap": w}


def level_piece(rng, kv):
    spec = weighted(rng, [("s", 55), ("-8s", 18), ("8s", 5), ("-5s", 6), ("-7s", 4), (".1s", 3), ("-5.5s", 3),
                          (".3s", 2), ("-10s", 2), ("-9s", 2)])
    toks = [F("levelname", spec)]
    if rng.random() < 0.03:
        toks += ["(", F("levelno", rng.choice(["s", "d"])), ")"]
    if kv:
        return {"role": "level", "toks": [rng.choice(["level=", "lvl=", "severity="]), F("levelname")], "wrap": ""}
    w = weighted(rng, [("", 50), ("[]", 36), ("()", 3), ("<>", 3), ("{}", 2), (":", 6)])
    if w == ":":
        return {"role": "level", "toks": toks + [":"], "wrap": ":"}
    return {"role": "level", "toks": wrap(toks, w), "wrap": w}


def name_piece(rng, kv):
    kind = weighted(rng, [("name", 80), ("name:lineno", 8), ("name.funcName", 6), ("name.funcName:lineno", 6)])
    spec = weighted(rng, [("s", 82), ("-12s", 7), ("-15s", 5), ("-20s", 4), ("20s", 2)]) if kind == "name" else "s"
    toks = {
        "name": [F("name", spec)],
        "name:lineno": [F("name"), ":", F("lineno", "d")],
        "name.funcName": [F("name"), ".", F("funcName")],
        "name.funcName:lineno": [F("name"), ".", F("funcName"), ":", F("lineno", "d")],
    }[kind]
    if kv:
        return {"role": "name", "toks": [rng.choice(["logger=", "name="]), F("name")], "wrap": ""}
    w = weighted(rng, [("", 58), ("[]", 32), ("()", 5), ("<>", 5)])
    return {"role": "name", "toks": wrap(toks, w), "wrap": w}


LOCATIONS = [
    ([F("filename"), ":", F("lineno", "d")], 25),
    ([F("module"), ":", F("lineno", "d")], 12),
    ([F("funcName"), ":", F("lineno", "d")], 12),
    ([F("module"), ".", F("funcName")], 8),
    ([F("funcName"), "()"], 6),
    ([F("pathname"), ":", F("lineno", "d")], 7),
    ([F("module"), ".", F("funcName"), ":", F("lineno", "d")], 6),
    ([F("filename"), ":", F("funcName"), ":", F("lineno", "d")], 5),
    ([F("funcName")], 6),
    ([F("module")], 5),
    ([F("filename"), ":", F("lineno", "4d")], 2),
    ([F("module"), ":", F("lineno", "04d")], 1),
    ([F("pathname")], 2),
]


def location_piece(rng, kv):
    toks = weighted(rng, LOCATIONS)
    if kv:
        return {"role": "loc", "toks": [rng.choice(["caller=", "src=", "at="])] + toks, "wrap": ""}
    w = weighted(rng, [("", 45), ("[]", 30), ("()", 12), ("{}", 8), ("<>", 5)])
    return {"role": "loc", "toks": wrap(list(toks), w), "wrap": w}


PROCS = [
    ([F("process", "d")], "[]", 22),
    ([F("process", "d")], "", 10),
    ([F("processName")], "", 6),
    ([F("threadName")], "", 12),
    ([F("threadName")], "<>", 6),
    ([F("threadName")], "[]", 8),
    ([F("threadName", "-10s")], "", 3),
    ([F("processName"), "/", F("threadName")], "", 6),
    ([F("processName"), "/", F("threadName")], "[]", 4),
    ([F("process", "d"), ":", F("thread", "d")], "", 4),
    ([F("process", "d"), ":", F("threadName")], "[]", 4),
    ([F("thread", "d")], "", 4),
    ([F("processName"), "(", F("process", "d"), ")"], "", 3),
    (["pid=", F("process", "d")], "", 3),
    ([F("taskName")], "", 2),
    ([F("taskName")], "[]", 2),
]


def proc_piece(rng, kv):
    toks, w, _ = weighted(rng, [((t, w, n), n) for t, w, n in PROCS])
    if kv:
        field = next(t for t in toks if isinstance(t, tuple))
        key = {"process": "pid=", "processName": "process=", "threadName": "thread=", "thread": "tid=",
               "taskName": "task="}[field[0]]
        return {"role": "proc", "toks": [key, F(field[0], field[1] if field[1] == "d" else "s")], "wrap": ""}
    return {"role": "proc", "toks": wrap(list(toks), w), "wrap": w}


def custom_piece(rng, field, kv):
    spec = CUSTOM[field][0]
    if kv:
        return {"role": "custom", "toks": [f"{field}=", F(field, spec)], "wrap": ""}
    short = {"request_id": "req", "user": "user", "tenant": "tenant", "worker": "worker", "trace_id": "trace",
             "correlation_id": "cid", "env": "env"}[field]
    form = weighted(rng, [("[]", 40), ("", 20), ("key=", 25), ("w", 5 if field == "worker" else 0), ("()", 10)])
    if form == "key=":
        return {"role": "custom", "toks": [f"{short}=", F(field, spec)], "wrap": ""}
    if form == "w":
        return {"role": "custom", "toks": ["w", F(field, spec)], "wrap": ""}
    return {"role": "custom", "toks": wrap([F(field, spec)], form), "wrap": form}


SUFFIXES = [
    ([" (", F("filename"), ":", F("lineno", "d"), ")"], 30),
    ([" [", F("module"), ":", F("lineno", "d"), "]"], 20),
    ([" [in ", F("pathname"), ":", F("lineno", "d"), "]"], 15),
    ([" (", F("funcName"), ")"], 10),
    ([" - ", F("funcName"), ":", F("lineno", "d")], 10),
    ([" {", F("filename"), ":", F("lineno", "d"), "}"], 5),
    ([" [", F("threadName"), "]"], 10),
]


def generated(rng, style, custom):
    """A format composed piece by piece; its tokens and datefmt."""
    kv = rng.random() < 0.05
    has_time = rng.random() < 0.8
    datefmt = weighted(rng, DATEFMTS) if has_time else None
    pieces = []
    if has_time:
        pieces.append((0 if rng.random() < 0.85 else 2.5, time_piece(rng, datefmt, style, kv)))
    if rng.random() < 0.95:
        pieces.append((2 + rng.uniform(-0.2, 1.2), level_piece(rng, kv)))
    if rng.random() < 0.6:
        pieces.append((3 + rng.uniform(-1.5, 0.8), name_piece(rng, kv)))
    if rng.random() < 0.25:
        pieces.append((2 + rng.uniform(-1.5, 2.5), proc_piece(rng, kv)))
    if rng.random() < 0.3:
        pieces.append((4 + rng.uniform(-1, 0.5), location_piece(rng, kv)))
    if custom:
        pieces.append((1 + rng.uniform(0, 4), custom_piece(rng, custom, kv)))
    pieces.sort(key=lambda p: p[0])
    # Each field once, as people write them.
    seen, kept = set(), []
    for _, p in pieces:
        f = fields_of(p)
        if not seen.intersection(f):
            kept.append(p)
            seen.update(f)
    if not kept:
        # A level-and-message format (rare): still more than the message.
        kept = [level_piece(rng, kv)]
        seen.update(fields_of(kept[0]))
    sep = weighted(rng, [(" ", 52), (" - ", 17), (" | ", 10), (" :: ", 2), ("\t", 5), (":", 4), ("  ", 2),
                         (" / ", 1)])
    if kv:
        sep = " "
    toks = []
    for i, p in enumerate(kept):
        if i:
            prev = kept[i - 1]
            if prev["wrap"] == ":":
                toks.append("" if sep == ":" else " ")  # the level's own colon separates
            elif sep == " " and prev["wrap"] == "[]" and p["wrap"] == "[]" and rng.random() < 0.15:
                pass  # [a][b]
            else:
                toks.append(sep)
        toks += p["toks"]
    # The message.
    last = kept[-1]
    if kv:
        quoted = rng.random() < 0.4
        toks += [" msg=" + ('"' if quoted else ""), F("message")] + (['"'] if quoted else [])
        return toks, datefmt
    if last["wrap"] == ":":
        msep = " " if sep not in (":",) else ""
    elif sep in (":", "\t", " | ", " - ", " :: ", " / "):
        msep = weighted(rng, [(sep, 85), (": ", 15)]) if sep != ":" else ":"
    else:
        msep = weighted(rng, [(sep, 62), (": ", 22), (" - ", 10), (" -- ", 3), (" > ", 3)])
    toks += [msep, F("message")]
    if rng.random() < 0.08:
        suffix = weighted(rng, SUFFIXES)
        if not seen.intersection(t[0] for t in suffix if isinstance(t, tuple)):
            toks += suffix
    return toks, datefmt


# -- rendering tokens in a style -------------------------------------------

FLOATS = {"created", "msecs", "relativeCreated"}
INTS = {"lineno", "process", "thread", "levelno", "worker"}


def brace_spec(rng, name, spec):
    """A %-spec (flags, width, precision, conversion) as str.format's."""
    conv = spec[-1]
    body = spec[:-1]
    left = body.startswith("-")
    body = body.lstrip("-")
    zero = body.startswith("0") and len(body) > 1
    width, _, prec = body.partition(".")
    if conv == "s":
        if not width and not prec:
            return ""
        align = "<" if left else ">"
        return f"{align if width else ''}{width}{'.' + prec if prec else ''}"
    if name in FLOATS:
        if conv == "f":
            return "" if not prec else f".{prec}f"
        # an integer conversion of a float: as str.format needs it
        return f"{width}.0f" if not (name == "relativeCreated" and not width and rng.random() < 0.3) else ""
    # integer fields
    if width:
        return f"{'0' if zero else ''}{width.lstrip('0') or width}d"
    return "d" if rng.random() < 0.3 else ""


def render(toks, style, rng):
    out = []
    for i, t in enumerate(toks):
        if isinstance(t, str):
            if style in ("{", "$"):
                t = t.replace("{", "[").replace("}", "]")
            out.append(t)
            continue
        name, spec = t
        if style == "%":
            out.append(f"%({name}){spec}")
        elif style == "{":
            s = brace_spec(rng, name, spec)
            out.append("{" + name + (":" + s if s else "") + "}")
        else:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            ident = isinstance(nxt, str) and nxt[:1].replace("_", "a").isalnum()
            out.append("${" + name + "}" if ident or rng.random() < 0.2 else "$" + name)
    return "".join(out)


def draw_format(rng):
    """(label, format, datefmt, style, custom field, how it is set)."""
    style = weighted(rng, [("%", 80), ("{", 15), ("$", 5)])
    custom = None
    if rng.random() < 0.25:
        known = [k for k in KNOWN if k[3] == style]
        label, fmt, datefmt, _, custom = known[rng.randrange(len(known))]
        if datefmt == RANDOM:
            datefmt = weighted(rng, DATEFMTS)
        origin = "known-" + label
    else:
        if rng.random() < 0.12:
            custom = weighted(rng, CUSTOM_WEIGHTS)
        toks, datefmt = generated(rng, style, custom)
        fmt = render(toks, style, rng)
        origin = "gen"
    how = None
    if custom:
        how = "filter" if custom == "aws_request_id" or rng.random() < 0.6 else "extra"
    return origin, fmt, datefmt, style, custom, how


# -- the records ------------------------------------------------------------

LOGGERS = [
    ("orders.api", "/app/orders/api.py", ["create_order", "get_order", "handle", "list_orders"]),
    ("orders.views", "/app/orders/views.py", ["handle", "post", "dispatch"]),
    ("orders.tasks", "/app/orders/tasks.py", ["charge_card", "send_receipt", "run"]),
    ("app.db.pool", "/srv/app/app/db/pool.py", ["acquire", "release", "_run_once"]),
    ("root", "/var/task/handler.py", ["lambda_handler", "<module>", "process_record"]),
    ("__main__", "/app/main.py", ["main", "<module>", "run"]),
    ("uvicorn.error", "/usr/local/lib/python3.12/site-packages/uvicorn/server.py", ["startup", "serve", "_serve"]),
    ("uvicorn.access", "/usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/h11_impl.py",
     ["send", "run_asgi"]),
    ("scheduler", "/app/scheduler.py", ["_run_once", "tick", "schedule"]),
    ("sqlalchemy.engine.Engine", "/usr/lib/python3.12/site-packages/sqlalchemy/engine/base.py",
     ["_execute_context", "_exec_single_context", "_begin_impl"]),
    ("billing.payments", "/home/deploy/billing/payments.py", ["charge_card", "refund", "_retry"]),
    ("botocore.credentials", "/var/lang/lib/python3.12/site-packages/botocore/credentials.py",
     ["load", "_protected_refresh"]),
    ("asyncio", "/usr/lib/python3.12/asyncio/base_events.py", ["_run_once", "default_exception_handler"]),
    ("httpx", "/usr/local/lib/python3.12/site-packages/httpx/_client.py", ["_send_single_request"]),
    ("worker", "/opt/worker/worker.py", ["run", "process_message", "_poll"]),
    ("app", "/app/app/__init__.py", ["create_app", "<module>"]),
    ("myapp.services.payment", "/srv/myapp/services/payment.py", ["charge_card", "authorize"]),
    ("celery.app.trace", "/usr/local/lib/python3.11/site-packages/celery/app/trace.py",
     ["trace_task", "info"]),
    ("api.middleware", "/code/api/middleware.py", ["__call__", "process_request"]),
    ("ingest.kafka.consumer", "/opt/ingest/kafka/consumer.py", ["poll", "_commit", "handle_batch"]),
]

PROCESS_SETS = [
    [("MainProcess", None)],
    [("MainProcess", None)],
    [("MainProcess", None)],
    [("MainProcess", None), ("ForkPoolWorker-1", 1), ("ForkPoolWorker-2", 2)],
    [("ForkPoolWorker-2", 0)],
    [("SpawnProcess-1", 0)],
    [("MainProcess", None), ("SpawnProcess-1", 3)],
]
PIDS = [1, 7, 8, 9, 23, 112, 4821, 31204, 18, 2973, 56]
THREAD_NAMES = [
    ["MainThread"],
    ["MainThread"],
    ["MainThread", "Thread-3 (worker)"],
    ["MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"],
    ["ThreadPoolExecutor-0_0"],
    ["MainThread", "asyncio_0"],
    ["Thread-1 (process_request_thread)", "Thread-2 (process_request_thread)"],
    ["MainThread", "Dummy-1"],
]
TASK_NAMES = [None, "Task-1", "Task-7", "Task-23"]

PATHS = ["/orders", "/orders/42", "/health", "/v1/users/me", "/api/checkout", "/static/app.js", "/login"]
HOSTS = ["db.internal", "10.0.3.7", "redis", "postgres.prod.svc.cluster.local", "localhost"]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def order_id(rng):
    return f"A-{rng.randint(1000, 99999)}"


ORDINARY = [
    ("GET %s %d in %.1fms", lambda r: (r.choice(PATHS), r.choice([200, 200, 200, 201, 204, 301, 404, 500]),
                                       r.randint(3, 9000) / 10)),
    ("order %s created for customer %d: total=%s %s",
     lambda r: (order_id(r), r.randint(1, 99999), f"{r.randint(1, 99999) / 100:.2f}", r.choice(["EUR", "USD"]))),
    ("charged card ending %04d for order %s", lambda r: (r.randint(0, 9999), order_id(r))),
    ("cache miss for key %r", lambda r: (f"user:{r.randint(1, 5000)}:profile",)),
    ("connected to %s:%d (pool size %d)", lambda r: (r.choice(HOSTS), r.choice([5432, 6379, 3306, 9092]),
                                                     r.choice([5, 10, 20]))),
    ("retrying in %ds (attempt %d of %d)", lambda r: (r.choice([1, 2, 4, 8]), r.randint(1, 4), 5)),
    ("user %s logged in from %s", lambda r: (r.choice(["alice", "bob", "carol", "dave"]),
                                             f"10.0.{r.randint(0, 9)}.{r.randint(1, 254)}")),
    ("processed %d messages in %.3fs", lambda r: (r.randint(1, 500), r.randint(1, 9999) / 1000)),
    ("Starting worker pool with %d workers", lambda r: (r.choice([2, 4, 8, 16]),)),
    ("Uvicorn running on http://0.0.0.0:%d (Press CTRL+C to quit)", lambda r: (r.choice([8000, 8080]),)),
    ("job %s finished with status %s", lambda r: (uuid4(r)[:8], r.choice(["ok", "ok", "failed", "skipped"]))),
    ("slow query took %dms: %s", lambda r: (r.randint(500, 5000), "SELECT * FROM orders WHERE status = 'open'")),
    ("queue %s depth %d exceeds threshold %d", lambda r: (r.choice(["emails", "webhooks"]), r.randint(1001, 9000),
                                                          1000)),
    ("loaded configuration from %s", lambda r: (r.choice(["/etc/app/config.yaml", "/app/settings.toml"]),)),
    ("Application startup complete.", None),
    ("Shutting down", None),
    ("Waiting for application shutdown.", None),
    ("sent %d bytes to %s", lambda r: (r.randint(10, 100000), r.choice(HOSTS))),
    ("token refreshed, expires in %d seconds", lambda r: (r.choice([300, 900, 3600]),)),
    ("received SIGTERM, draining %d in-flight requests", lambda r: (r.randint(0, 12),)),
    ("Found credentials in environment variables.", None),
    ('HTTP Request: POST %s "HTTP/1.1 %d %s"', lambda r: (f"https://api.example.com{r.choice(PATHS)}",
                                                         *r.choice([(200, "OK"), (201, "Created"),
                                                                    (429, "Too Many Requests")]))),
    ("invoice %s emailed to %s", lambda r: (f"INV-{r.randint(1, 9999):05d}", r.choice(["a@example.com",
                                                                                       "billing@acme.test"]))),
    ("healthcheck ok", None),
    ("rate limit: %d/%d requests used", lambda r: (r.randint(1, 100), 100)),
    ("Task %s[%s] succeeded in %.4fs: None", lambda r: ("orders.tasks.charge", uuid4(r), r.randint(1, 99999) / 10000)),
    ("consumer %s assigned partitions %s", lambda r: (r.choice(WORDS), sorted(r.sample(range(12), 3)))),
    ("%d rows updated", lambda r: (r.randint(0, 300),)),
    ("feature flag %s is %s", lambda r: (r.choice(["new_checkout", "dark_mode"]), r.choice(["on", "off"]))),
    ("Created %s in %s", lambda r: (order_id(r), r.choice(WORDS))),
]

SEPARATED = [
    ("a - b | c [x] (y)", None),
    ("payment ok | gateway=stripe - took %dms [retry=0] (cached)", lambda r: (r.randint(20, 900),)),
    ("[worker-2] picked up job %s", lambda r: (uuid4(r)[:8],)),
    ("<html> rendered in %dms", lambda r: (r.randint(1, 90),)),
    ("{'id': %d, 'status': 'paid'} saved", lambda r: (r.randint(1, 999),)),
    ("step 3/5 :: validate - ok", None),
    ("path=/v1/orders method=POST status=%d", lambda r: (r.choice([200, 400, 500]),)),
    ("key: value; other: thing", None),
    ("tab\tseparated\tvalues", None),
    ("  leading spaces kept", None),
    ("trailing spaces   ", None),
    ("INFO - not the level: a - b - c", None),
    ("(%s) <%s> [%s] {%s}", lambda r: tuple(r.sample(WORDS, 4))),
    ("unicode: café ✓ 日本 🙂 order for Zoë", None),
    ("100%% of %d shards healthy", lambda r: (r.randint(2, 64),)),
]

LEADING = [
    ("ERROR count: %d", lambda r: (r.randint(0, 9),)),
    ("2024-05-11 was a Saturday", None),
    ("WARNING: disk usage at %d%%", lambda r: (r.randint(80, 99),)),
    ("INFO level set by LOG_LEVEL", None),
    ("[DEBUG] forwarded from a library", None),
    ("14:44:45 scheduled run started", None),
    ("CRITICAL section entered by %s", lambda r: (r.choice(WORDS),)),
    ("2024-05-11T14:44:45Z heartbeat", None),
    ("DEBUG=%s", lambda r: (r.choice([True, False]),)),
    ("[2024-05-11 14:44:44,123] nested log line from a subprocess", None),
    ("11/May/2024:14:44:44 +0000 GET / 200", None),
    ("Traceback (most recent call last): is how Python starts a traceback", None),
    ("%s: upstream closed the connection", lambda r: (r.choice(["WARN", "ERROR", "FATAL"]),)),
]


def multiline(rng):
    kind = rng.randrange(5)
    if kind == 0:
        obj = {"order": order_id(rng), "items": [{"sku": f"SKU-{rng.randint(1, 999)}", "qty": rng.randint(1, 5)}
                                                 for _ in range(rng.randint(1, 3))],
               "total": f"{rng.randint(100, 99999) / 100:.2f}", "paid": rng.choice([True, False])}
        return "order payload:\n" + json.dumps(obj, indent=2), ()
    if kind == 1:
        obj = {"host": rng.choice(HOSTS), "port": 5432, "options": {"sslmode": "require", "timeout": 30},
               "replicas": rng.sample(WORDS, 3)}
        return "settings: %s", (pprint.pformat(obj, width=40),)
    if kind == 2:
        return ("SELECT orders.id, orders.total, orders.status \nFROM orders \n"
                "WHERE orders.customer_id = %(customer_id_1)s AND orders.status IN (__[POSTCOMPILE_status_1]) \n"
                "ORDER BY orders.created_at DESC \n LIMIT %(param_1)s"), ()
    if kind == 3:
        return "Query:\n    UPDATE accounts\n       SET balance = balance - %s\n     WHERE id = %s", (
            rng.randint(1, 500), rng.randint(1, 9999))
    return "first line of the message\nsecond line\n  indented third line", ()


def long_message(rng):
    n = rng.choice([300, 1200, 4000, 9000])
    body = " ".join(rng.choice(WORDS) for _ in range(n // 6))
    return "payload received: " + body[:n], ()


class PaymentDeclined(Exception):
    pass


def parse_amount(value):
    return int(value)


def lookup(table, key):
    return table[key]


def charge(order):
    raise PaymentDeclined(f"card declined for order {order}: insufficient funds")


def chained_explicit():
    try:
        parse_amount("12,50")
    except ValueError as err:
        raise RuntimeError("config is broken") from err


def chained_implicit():
    try:
        lookup({}, "currency")
    except KeyError:
        return 1 / 0


def multi_line_error():
    raise ValueError("validation failed:\n  - amount: must be positive\n  - currency: unknown 'XYZ'")


def raise_one(rng):
    """Raise and catch a real exception; its exc_info."""
    kind = rng.randrange(7)
    try:
        if kind == 0:
            parse_amount(rng.choice(["abc", "12,50", ""]))
        elif kind == 1:
            lookup({"EUR": 1}, rng.choice(["USD", "GBP"]))
        elif kind == 2:
            chained_explicit()
        elif kind == 3:
            chained_implicit()
        elif kind == 4:
            charge(order_id(rng))
        elif kind == 5:
            multi_line_error()
        else:
            raise TimeoutError(f"upstream {rng.choice(HOSTS)} timed out after 30s")
    except Exception:
        return sys.exc_info()
    raise AssertionError("nothing raised")


EXC_MESSAGES = [
    ("Error handling request %s", lambda r: (r.choice(PATHS),)),
    ("failed to charge order %s", lambda r: (order_id(r),)),
    ("Unhandled exception", None),
    ("Task %s raised unexpected exception", lambda r: ("orders.tasks.charge",)),
    ("Exception in ASGI application", None),
    ("retry %d failed", lambda r: (r.randint(1, 3),)),
]


def stack_of_caller():
    """What Logger.findCaller gives a record logged with stack_info=True."""
    sio = io.StringIO()
    sio.write("Stack (most recent call last):\n")
    traceback.print_stack(sys._getframe(1), file=sio)
    sinfo = sio.getvalue()
    if sinfo[-1] == "\n":
        sinfo = sinfo[:-1]
    return sinfo


def args_of(rng, maker):
    return maker(rng) if maker else ()


def draw_level(rng):
    return weighted(rng, [(logging.INFO, 62), (logging.DEBUG, 16), (logging.WARNING, 12), (logging.ERROR, 7),
                          (logging.CRITICAL, 3)])


def draw_message(rng):
    """(level, msg, args, exc_info, with a stack)."""
    kind = weighted(rng, [("ordinary", 66), ("separated", 8), ("leading", 5), ("empty", 2), ("long", 2),
                          ("multiline", 6), ("exception", 7), ("stack", 3)])
    if kind == "ordinary":
        msg, maker = rng.choice(ORDINARY)
        return draw_level(rng), msg, args_of(rng, maker), None, False
    if kind == "separated":
        msg, maker = rng.choice(SEPARATED)
        return draw_level(rng), msg, args_of(rng, maker), None, False
    if kind == "leading":
        msg, maker = rng.choice(LEADING)
        return draw_level(rng), msg, args_of(rng, maker), None, False
    if kind == "empty":
        return draw_level(rng), "", (), None, False
    if kind == "long":
        msg, args = long_message(rng)
        return weighted(rng, [(logging.DEBUG, 1), (logging.INFO, 1), (logging.WARNING, 1)]), msg, args, None, False
    if kind == "multiline":
        msg, args = multiline(rng)
        return weighted(rng, [(logging.DEBUG, 2), (logging.INFO, 3), (logging.WARNING, 1)]), msg, args, None, False
    if kind == "exception":
        msg, maker = rng.choice(EXC_MESSAGES)
        level = weighted(rng, [(logging.ERROR, 8), (logging.CRITICAL, 1), (logging.WARNING, 1)])
        return level, msg, args_of(rng, maker), raise_one(rng), rng.random() < 0.15
    msg = rng.choice(["deprecated call path used", "who calls this?", "slow path taken for %s"])
    args = (order_id(rng),) if "%s" in msg else ()
    return weighted(rng, [(logging.WARNING, 2), (logging.DEBUG, 1)]), msg, args, None, True


# -- running a case ---------------------------------------------------------


class Both(logging.Handler):
    def __init__(self, text, js):
        super().__init__(logging.DEBUG)
        self.text, self.js, self.records = text, js, []

    def emit(self, record):
        # The app's formatter first, as oracle.py: the truth sees the record
        # as the app left it.
        self.records.append({"text": self.text.format(record), "json": self.js.format(record),
                             "ms": round(record.created * 1000)})


class Stamp(logging.Filter):
    """An app's filter: stamps the one custom field on every record."""

    def __init__(self, field, value):
        super().__init__()
        self.field, self.value = field, value

    def filter(self, record):
        setattr(record, self.field, self.value())
        return True


def setup_case(rng):
    """The app a case's records come from: its loggers, processes, threads."""
    names = rng.sample(range(len(LOGGERS)), rng.choice([1, 2, 2, 3, 3]))
    loggers = [LOGGERS[i] for i in names]
    pid = rng.choice(PIDS)
    procs = [(pname, pid if off is None else pid + (off or rng.randint(1, 40))) for pname, off in
             rng.choice(PROCESS_SETS)]
    if procs[0][0] != "MainProcess" and procs[0][1] == pid:
        procs = [(procs[0][0], pid + rng.randint(1, 40))]
    threads = [(tname, 0x7F00_0000_0000 + rng.randrange(0x10_0000, 0xFF_FFFF) * 0x1000)
               for tname in rng.choice(THREAD_NAMES)]
    return {
        "loggers": loggers,
        "procs": procs,
        "threads": threads,
        "tasks": rng.sample(TASK_NAMES, 2),
        "users": rng.sample(["alice", "bob", "carol", "dave", "erin", "svc-batch"], 3),
        "tenant": rng.choice(["acme", "globex", "initech", "umbrella"]),
        "workers": rng.sample(range(1, 17), rng.choice([1, 2, 3])),
        "env": rng.choice(["prod", "staging", "dev"]),
    }


def run_case(index, fmt_rng, rec_rng, clock_rng, nrecords, profile):
    origin, fmt, datefmt, style, custom, how = draw_format(fmt_rng)
    if "asctime" not in fmt:
        datefmt = None
    text = logging.Formatter(fmt, datefmt, style=style, validate=True)
    truth = JsonFormatter(fmt, datefmt, style=style, validate=True)
    style_label = {"%": "percent", "{": "brace", "$": "dollar"}[style]
    name = f"{index:03d}-{origin}-{style_label}"
    if custom:
        name += f"+custom-{custom}-{how}"

    app = setup_case(rec_rng)
    # Each case starts on its own day and hour of 2024-2025; the process
    # started a little before.
    start_ms = BASE_MS + rec_rng.randrange(0, 400) * 86_400_000 + rec_rng.randrange(0, 86_400_000)
    started_ms = start_ms - rec_rng.randrange(150, 3_600_000)
    clock = Clock(start_ms, profile, clock_rng)
    time.time = clock
    time.time_ns = clock.ns
    logging._startTime = started_ms * 1_000_000 if sys.version_info >= (3, 13) else started_ms / 1000

    handler = Both(text, truth)
    if custom and how == "filter":
        handler.addFilter(Stamp(custom, lambda: CUSTOM[custom][1](rec_rng, app)))

    weights = [(lg, w) for lg, w in zip(app["loggers"], [6, 3, 1])]
    proc_weights = [(p, w) for p, w in zip(app["procs"], [3, 2, 2])]
    thread_weights = [(t, w) for t, w in zip(app["threads"], [5, 2, 2])]
    for _ in range(nrecords):
        (lname, pathname, funcs) = weighted(rec_rng, weights)
        log = logging.getLogger() if lname == "root" else logging.getLogger(lname)
        log.handlers[:] = [handler]
        log.propagate = False
        log.setLevel(1)
        level, msg, args, exc_info, stack = draw_message(rec_rng)
        func = rec_rng.choice(funcs)
        lineno = rec_rng.randint(12, 880) if func != "<module>" else rec_rng.randint(1, 40)
        extra = None
        if custom and how == "extra":
            extra = {custom: CUSTOM[custom][1](rec_rng, app)}
        sinfo = stack_of_caller() if stack else None
        clock.tick()
        record = log.makeRecord(log.name, level, pathname, lineno, msg, args, exc_info, func, extra, sinfo)
        # Python 3.13+'s arithmetic on whole nanoseconds, on every version.
        ms = clock.ms
        record.created = ms / 1000
        record.msecs = float(ms % 1000)
        record.relativeCreated = float(ms - started_ms)
        record.process, record.processName = (lambda p: (p[1], p[0]))(weighted(rec_rng, proc_weights))
        record.threadName, record.thread = weighted(rec_rng, thread_weights)
        if "taskName" in fmt:
            # Only where the format prints it: python-json-logger reserves
            # taskName on 3.12+ only, and would write it as an extra on 3.11.
            record.taskName = rec_rng.choice(app["tasks"])
        log.handle(record)
    return {"name": name, "format": fmt, "datefmt": datefmt, "style": style, "records": handler.records}


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--formats", type=int, default=60)
    args.add_argument("--profile", choices=["spread", "burst"], default="spread")
    args.add_argument("--records", type=int, default=24, help="records per format")
    opts = args.parse_args()
    os.environ["TZ"] = "UTC"
    time.tzset()
    master = random.Random(opts.seed)
    real = time.time, time.time_ns, logging._startTime
    cases, seen = [], set()
    try:
        for i in range(opts.formats):
            # Each case's formats, records and clock from rngs of its own, so
            # --records and --profile change no format.
            for _ in range(20):
                fmt_seed, rec_seed, clock_seed = (master.getrandbits(64) for _ in range(3))
                probe = draw_format(random.Random(fmt_seed))
                if probe[:4] not in seen or probe[0] != "gen":
                    break
            seen.add(probe[:4])
            cases.append(run_case(i, random.Random(fmt_seed), random.Random(rec_seed), random.Random(clock_seed),
                                  opts.records, opts.profile))
    finally:
        time.time, time.time_ns, logging._startTime = real
    json.dump({"seed": opts.seed, "profile": opts.profile, "cases": cases}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
