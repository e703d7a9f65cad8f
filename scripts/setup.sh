#!/usr/bin/env bash
# Installs every Debian package ticket-alarm needs (idempotent), then configures and builds.
# Usage: scripts/setup.sh [--no-build] [--with-tests]
#   --with-tests  also the "test" packages (helpers the tests use, e.g. an iCalendar parser)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
kinds='build|run'
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --with-tests) kinds='build|run|test' ;;
    *) echo "setup: unknown option $arg (use --no-build, --with-tests)" >&2; exit 2 ;;
  esac
done

want=$(awk -v kinds="^($kinds)\$" '!/^#/ && NF==2 && $1 ~ kinds {print $2}' scripts/packages.txt)
missing=()
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ "$build" = 0 ] && exit 0

BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build build -j"$(nproc)"
