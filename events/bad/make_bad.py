#!/usr/bin/env python3
"""Writes the bad-input corpus: damaged or hostile subscription events.

Each file's expected outcome (an exact error, or the summary of the
records it must give) is in expected.tsv, checked by the integration test
`every_bad_input_gives_its_expected_error_or_records`. Deterministic
(gzip mtime 0), so: python3 events/bad/make_bad.py && git diff --stat
shows nothing.
"""
import base64
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = {
    "messageType": "DATA_MESSAGE",
    "owner": "123456789012",
    "logGroup": "/ecs/orders",
    "logStream": "orders/app/1",
    "subscriptionFilters": ["logs-to-firehose"],
}
LINE = "2024-05-11T14:44:44+0000 orders.api INFO "


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def event(compressed: bytes) -> bytes:
    data = base64.b64encode(compressed).decode()
    return json.dumps({"awslogs": {"data": data}}).encode() + b"\n"


def payload(events, **extra) -> bytes:
    doc = dict(HEAD, **extra)
    if events is not None:
        doc["logEvents"] = events
    return json.dumps(doc, separators=(",", ":")).encode()


def one(message: str, i: int = 0) -> dict:
    return {"id": f"{i:056d}", "timestamp": 1715438684000 + i, "message": message}


def write(name: str, data: bytes) -> None:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


good = gz(payload([one(LINE + "hello")]))
# The gzip stream cut in half, as a partial upload leaves it.
write("truncated-gzip.json", event(good[: len(good) // 2]))
# Valid gzip whose content is not JSON.
write("gzip-of-text.json", event(gz(b"this is a log line, not a delivery\n")))
# A delivery with no logEvents key at all.
write("no-log-events.json", event(gz(payload(None))))
# logEvents that is an object, not an array.
write("log-events-not-array.json", event(gz(payload(None, logEvents=one("x")))))
# One message of 1 MiB: over Firehose's 1,000 KiB record limit, truncated.
write("one-mb-message.json", event(gz(payload([one(LINE + "x" * (1 << 20))]))))
# A byte that is not UTF-8 inside a message (CloudWatch replaces such bytes,
# but a hand-made or corrupted event can still carry one).
raw = payload([one(LINE + "caf\u00e9 BAD>" + "\u0001" + "<")]).replace(b"\\u0001", b"\xff")
write("invalid-utf8.json", event(gz(raw)))
# 100 MiB of one byte: 100 KiB compressed, past the 48 MiB decompression cap
# of a 128 MB function (expected.tsv runs it with that memory size).
write("gzip-bomb.json", event(gz(b"[" + b" " * (100 << 20) + b"]")))
# A million tiny events: about 41 MB of JSON, which a 128 MB function can't
# shape (its records would need about 300 MB); refused before it starts.
tiny = b",".join([b'{"id":"0","timestamp":0,"message":"x"}'] * 1_000_000)
write("million-tiny-events.json", event(gz(payload([])[:-3] + b"[" + tiny + b"]}")))
# A message that is JSON nested 100,000 deep: past serde_json's recursion
# limit, so it is kept as text, not parsed.
deep = "[" * 100_000 + "]" * 100_000
write("deeply-nested-json-message.json", event(gz(payload([one('{"a":' + deep + "}")]))))
# NUL bytes inside messages, escaped in the payload as JSON requires.
write("nul-bytes.json", event(gz(payload([one(LINE + "a\u0000b\u0000"), one("\u0000", 1)]))))
# Inference's worst case: 5,000 lines, each a format of its own shape
# (a timestamp and a level, then brackets and words that differ line by
# line), then one line of 1 MiB that repeats a head. Inference reads at
# most 2,000 lines and 400 bytes of each, so this costs what a normal
# delivery does; every line is still a record.
marks = "[](){}<>|:-"
shapes = []
for i in range(5_000):
    head = "".join(marks[(i >> k) % len(marks)] + f"w{(i >> k) % 7}" for k in range(0, 14, 2))
    shapes.append(one(f"2024-05-11 14:44:45,{i % 1000:03d} INFO {head} message {i}", i))
shapes.append(one("2024-05-11 14:44:45,123 INFO [a] " + "WARNING [b] " * 90_000, 5_000))
write("inference-bomb.json", event(gz(payload(shapes))))
# A format written as JSON text at its worst: 5,000 objects of one
# skeleton, every other one with escaped quotes (so no cheap test clears
# it and it is parsed once more), one broken line that shows the format
# is text, and one line of 1 MiB inside the message. The sample is 64
# lines and the check linear, so this costs what a normal delivery does.
JT = '{"time": "2024-05-11 14:44:45", "level": "INFO", "logger": "a.b", "message": '
jt = [one(JT + (f'"said \\"hi\\" {i}"}}' if i % 2 else f'"plain {i}"}}'), i) for i in range(5_000)]
jt.append(one(JT + '"broke "here""}', 5_000))
jt.append(one(JT + '"' + "x" * (1 << 20) + '"}', 5_001))
write("json-text-bomb.json", event(gz(payload(jt))))
