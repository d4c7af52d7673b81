#!/usr/bin/env bash
# Runs one fuzz target for a given time, starting from the seed corpus in
# fuzz/seeds/TARGET and keeping what it learns in fuzz/corpus/TARGET.
#   fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
# Needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
# Findings land in fuzz/artifacts/TARGET/; replay one with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-1200}
shift $(( $# >= 2 ? 2 : 1 ))
mkdir -p "corpus/$target"
# -timeout: one input taking over 10 s is a finding (a quadratic path);
# -rss_limit_mb: an input that needs over 2 GB is a finding (a missing cap).
exec cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -print_final_stats=1 "$@"
