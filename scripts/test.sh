#!/usr/bin/env bash
# Sets up, builds and runs every test through ctest, then the fuzzers (scripts/fuzz.sh).
# (The CDP tests under ThreadSanitizer are scripts/sanitize.sh, run on their own for now.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-tests
(cd build && ctest --output-on-failure -j"${TEST_JOBS:-2}" --timeout 600 "$@")
# The fuzzers (clang, ASan+UBSan), a bounded reproducible run each; a crash fails the run.
scripts/fuzz.sh "${FUZZ_RUNS:-100000}"
