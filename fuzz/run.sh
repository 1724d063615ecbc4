#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600), with the
# limits issue #7 sets: an input over 1 s is a hang, over 256 MB an OOM.
# Needs nightly and cargo-fuzz: `rustup toolchain install nightly` and
# `cargo install --locked cargo-fuzz`. Logs go to fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=${*:-decode parse format infer handler transform}
bash seed.sh
cargo +nightly fuzz build -O
mkdir -p logs
# AddressSanitizer keeps 256 MB of freed memory in quarantine by default,
# which alone passes the 256 MB limit; 16 MB still catches use-after-free
# in the dependencies' unsafe code (the crate itself forbids unsafe).
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}
for t in $targets; do
  echo "== $t: ${secs}s"
  cargo +nightly fuzz run -O "$t" corpus/$t -- \
    -max_total_time="$secs" -timeout=1 -rss_limit_mb=256 -max_len=65536 \
    -print_final_stats=1 >"logs/$t.log" 2>&1 || { echo "$t FOUND SOMETHING: fuzz/logs/$t.log"; tail -40 "logs/$t.log"; exit 1; }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done" "logs/$t.log" || true
done
