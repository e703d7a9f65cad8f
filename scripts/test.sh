#!/usr/bin/env bash
# Sets up, builds and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-tests
cd build
ctest --output-on-failure -j"${TEST_JOBS:-2}" --timeout 600 "$@"
