#!/usr/bin/env bash
# Sets up, builds and runs the monitor with the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec build/ticket-alarm run "$@"
