#!/usr/bin/env bash
# The CDP engine's tests (tests/cdp: connection routing, close handlers, pages in real Chromium,
# the pool) built with clang's ThreadSanitizer in build-tsan/ and run; any data race or
# lock-order report fails the run. Run on its own (not yet part of scripts/test.sh): scripts/sanitize.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TA_TSAN_BUILD:-$root/build-tsan}"

started=$(date +%s)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTA_SANITIZE=thread >/dev/null
cmake --build "$build" -j"$(nproc)" --target test_cdp >/dev/null
echo "tsan: built in $(( $(date +%s) - started )) s"

# Chromium profiles and test folders go under the build, never /tmp.
scratch="$build/tmp"
rm -rf "$scratch" && mkdir -p "$scratch"
t0=$(date +%s)
if TMPDIR="$scratch" TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
    "$build/test_cdp" >"$build/test_cdp.log" 2>&1; then
  echo "tsan: tests/cdp passed, no race reported ($(( $(date +%s) - t0 )) s)"
  rm -rf "$scratch"
else
  echo "tsan: tests/cdp FAILED or a race was reported — see $build/test_cdp.log" >&2
  grep -A30 -m1 "WARNING: ThreadSanitizer\|FAILED" "$build/test_cdp.log" >&2 || tail -40 "$build/test_cdp.log" >&2
  rm -rf "$scratch"
  exit 1
fi
