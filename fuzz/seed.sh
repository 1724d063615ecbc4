#!/usr/bin/env bash
# Seeds each fuzz target's corpus from events/ (run from anywhere).
# The first byte of a parse or handler input selects a mode (see the target).
set -euo pipefail
cd "$(dirname "$0")"
ev=../events
mkdir -p corpus/decode corpus/parse corpus/format corpus/infer corpus/handler corpus/transform
cp $ev/*.json $ev/src/*.payload.json corpus/decode/
i=0
for f in $ev/src/*.log; do
  for mode in 0 1 6 7; do
    { printf "\\x$(printf %02x $mode)"; cat "$f"; } > "corpus/parse/$(basename "$f" .log)-$mode"
  done
done
for f in $ev/*.json; do
  { printf '\x00'; cat "$f"; } > "corpus/handler/$(basename "$f" .json)-event"
done
for f in $ev/src/*.payload.json; do
  { printf '\x01'; cat "$f"; } > "corpus/handler/$(basename "$f" .payload.json)-payload"
  { printf '\x03'; cat "$f"; } > "corpus/handler/$(basename "$f" .payload.json)-payload-split"
done
{ printf '\xff'; cat $ev/firehose-transformation.json; } > corpus/transform/firehose-event
{ printf '\x01'; cat $ev/firehose-transformation.json; } > corpus/transform/firehose-event-small
for f in $ev/src/*.payload.json; do
  { printf '\x10'; cat "$f"; } > "corpus/transform/$(basename "$f" .payload.json)-payload"
done
# Inference: the log sources as they are.
cp $ev/src/*.log corpus/infer/
# Format strings, each with a datefmt after a NUL and a line after another.
while IFS= read -r line; do
  i=$((i + 1))
  printf '%b' "$line" > "corpus/format/seed-$i"
done <<'FORMATS'
%(asctime)s %(name)s %(levelname)s %(message)s\0%Y-%m-%dT%H:%M:%S%z\0002024-05-11T14:44:44+0000 app INFO hi
[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\0%Y-%m-%dT%H:%M:%S
%(asctime)s - %(name)s - %(levelname)s - %(message)s
%(levelname)s:%(name)s:%(message)s
{asctime} [{levelname:>8}] {name}:{lineno:d} {message}\0%d/%m/%Y %I:%M:%S %p
%(levelname)-8s %(process)d %(threadName)s %(created)f %(relativeCreated)10.3f %(message)s
%(asctime)s %(filename)s:%(lineno)d %(funcName)s() %(message)s\0%b %d %H:%M:%S
{levelname:*^10} {message!r}
FORMATS
echo "seeded: $(ls corpus/decode | wc -l) decode, $(ls corpus/parse | wc -l) parse, $(ls corpus/format | wc -l) format, $(ls corpus/infer | wc -l) infer, $(ls corpus/handler | wc -l) handler, $(ls corpus/transform | wc -l) transform"
