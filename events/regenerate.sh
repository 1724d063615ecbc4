#!/usr/bin/env bash
# Regenerates every sample event in events/ from the readable sources in
# events/src/. Run from anywhere:  bash events/regenerate.sh
#
#   events/src/make_logs.py            writes the .log files (and the Lambda payload)
#                                      with real Python logging, times pinned
#   events/src/make_dashboards.py      writes the dashboards' corpus (three services'
#                                      payloads in events/src/dashboards/)
#   logs-to-firehose encode ...        wraps each source into a subscription event
set -euo pipefail
cd "$(dirname "$0")/.."
python3 events/src/make_logs.py
python3 events/src/make_dashboards.py
cargo build --release --quiet
bin=target/release/logs-to-firehose
# Auto-detection decides where records start for --per-record.
unset PYTHON_LOG_FORMAT PYTHON_LOG_DATEFMT

# The seed services' format, one event per line (ECS awslogs driver, StreamHandler on stdout).
$bin encode --log-group /ecs/orders --log-stream orders/app/6f1c2a3b4d5e \
  events/src/seed.log > events/seed.json
# The same log, one event per record (how a handler that keeps records whole ships it).
$bin encode --per-record --log-group /ecs/orders --log-stream orders/app/6f1c2a3b4d5e \
  events/src/seed.log > events/seed-per-record.json
# The README's example format, which auto-detection infers from the lines.
$bin encode --log-group /ecs/shop --log-stream shop/app/1 events/src/app.log > events/app.json
# The Lambda Python runtime: its text format, START/END/REPORT, print(), a timeout.
$bin encode --payload events/src/lambda-runtime.payload.json > events/lambda-runtime.json
# JSON log lines (python-json-logger in the app, Lambda's JSON log format).
$bin encode --log-group /ecs/api --log-stream api/app/1 events/src/json-lines.log > events/json-lines.json
# CloudWatch's health check when a subscription is created: forwards nothing.
$bin encode --payload events/src/control-message.payload.json > events/control-message.json
# A delivery from an account-level subscription policy, which adds policyLevel.
$bin encode --payload events/src/policy-level.payload.json > events/policy-level.json
# The same JSON lines as a Firehose transformation event: a log group
# subscribed straight to Firehose, with this function as its processor.
$bin encode --firehose --log-group /ecs/api --log-stream api/app/1 events/src/json-lines.log \
  > events/firehose-transformation.json
# A central account's Kinesis stream, fed by a CloudWatch Logs destination:
# the destination's health check, then deliveries from two accounts' groups.
$bin encode --kinesis --payload events/src/control-message.payload.json \
  events/src/policy-level.payload.json events/src/lambda-runtime.payload.json > events/kinesis.json
# The dashboards' corpus: two Lambda functions and a web service over two
# hours, each panel's buckets checked against it (tests/e2e/test_dashboards.py).
mkdir -p events/dashboards
for service in orders payments web; do
  $bin encode --payload "events/src/dashboards/$service.payload.json" > "events/dashboards/$service.json"
done
echo "regenerated: $(ls events/*.json events/dashboards/*.json | tr '\n' ' ')"
