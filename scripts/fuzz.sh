#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cpp) with clang, ASan and UBSan in build-asan/ and runs
# each one from its seed corpus (fuzz/corpus/<name>/) for a bounded, reproducible number of inputs
# (-seed=1 -runs=N). Exit 1 when any of them crashes; the input that did is kept as
# build-asan/crash-<fuzzer>-… — turn it into a regression test, then fix the code.
# Usage: scripts/fuzz.sh [RUNS]   (default 200000 inputs per fuzzer; part of scripts/test.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-200000}"
# build-asan/ is shared with the ASan+UBSan tests (scripts/sanitize.sh address).
build="${TA_FUZZ_BUILD:-$root/build-asan}"
fuzzers=(config_fuzz har_fuzz open_time_fuzz discord_response_fuzz normalize_item_fuzz)

started=$(date +%s)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTA_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${fuzzers[@]}" >/dev/null
echo "fuzz: built in $(( $(date +%s) - started )) s"

failed=0
for fuzzer in "${fuzzers[@]}"; do
  corpus="$build/corpus/${fuzzer%_fuzz}"
  rm -rf "$corpus" && mkdir -p "$corpus"
  cp -r "$root/fuzz/corpus/${fuzzer%_fuzz}/." "$corpus/"
  t0=$(date +%s)
  if ASAN_OPTIONS=detect_leaks=0 "$build/$fuzzer" -seed=1 -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/crash-$fuzzer-" "$corpus" >"$build/$fuzzer.log" 2>&1; then
    echo "fuzz: $fuzzer: $runs inputs, no crash ($(( $(date +%s) - t0 )) s)"
  else
    failed=1
    echo "fuzz: $fuzzer CRASHED — see $build/$fuzzer.log and $build/crash-$fuzzer-*" >&2
    tail -30 "$build/$fuzzer.log" >&2
  fi
done
exit "$failed"
