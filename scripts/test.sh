#!/usr/bin/env bash
# Sets up, builds and runs every test through ctest; then the same tests under ASan+UBSan, the
# fuzzers (in that same sanitized build); with TSAN=1 also tests/cdp + tests/monitor under TSan.
# SANITIZE=0 skips the sanitized builds and the fuzzers (a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
lap() { echo "test.sh: $1 done at $(( $(date +%s) - started )) s"; }
scripts/setup.sh --with-tests
lap "set-up and build"
(cd build && ctest --output-on-failure -j"${TEST_JOBS:-2}" --timeout 600 "$@")
lap "tests"
[ "${SANITIZE:-1}" = 0 ] && exit 0
scripts/sanitize.sh address
lap "ASan+UBSan tests"
# The fuzzers (clang, ASan+UBSan), a bounded reproducible run each; a crash fails the run.
scripts/fuzz.sh "${FUZZ_RUNS:-100000}"
lap "fuzzers"
# tests/cdp + tests/monitor under ThreadSanitizer: TSAN=1 (being made clean; see README).
if [ "${TSAN:-0}" = 1 ]; then
  scripts/sanitize.sh thread
  lap "TSan tests"
fi
