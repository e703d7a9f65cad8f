#!/usr/bin/env bash
# The test suite under clang's sanitizers, each in a build of its own (part of scripts/test.sh):
#
#   scripts/sanitize.sh address   ASan + UBSan (undefined behaviour is an error), every test,
#                                 in build-asan/ — the same build as the fuzzers (scripts/fuzz.sh)
#   scripts/sanitize.sh thread    TSan: tests/cdp and tests/monitor, in build-tsan/
#
# Every sanitized process writes its reports to <build>/sanitizer-reports/ — the ticket-alarm
# binaries the tests start included, whose stderr no test reads — and the run fails when that
# folder is not empty at the end, whatever the tests said. Chromium profiles and test folders go
# under <build>/tmp, never /tmp. Sanitized code is built -O1 with line tables only (CMakeLists.txt).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-}"
case "$mode" in
  address)
    build="${TA_ASAN_BUILD:-$root/build-asan}"
    flags=(-DTA_FUZZ=ON)
    targets=(all)
    labels=""  # every test
    ;;
  thread)
    build="${TA_TSAN_BUILD:-$root/build-tsan}"
    flags=(-DTA_SANITIZE=thread)
    targets=(ticket-alarm test_cdp test_monitor)
    labels="^(cdp|monitor)$"  # ctest labels: the tests/<area> folder
    ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread" >&2
    exit 2
    ;;
esac

started=$(date +%s)
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${flags[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >"$build/build.log" 2>&1 \
  || { tail -40 "$build/build.log" >&2; echo "$mode: build failed — see $build/build.log" >&2; exit 1; }
echo "$mode: built in $(( $(date +%s) - started )) s"

reports="$build/sanitizer-reports"
scratch="$build/tmp"
rm -rf "$reports" "$scratch" && mkdir -p "$reports" "$scratch"
export TMPDIR="$scratch"
supp="$root/scripts/sanitizers"
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
[ "$mode" = address ] && export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
# (UBSAN_OPTIONS only for ASan: the TSan runtime would read its log_path too.)
export TSAN_OPTIONS="log_path=$reports/tsan:suppressions=$supp/tsan.supp:second_deadlock_stack=1:history_size=4"

select=()
[ -n "$labels" ] && select=(-L "$labels")

t0=$(date +%s)
status=0
(cd "$build" && ctest -j"${TEST_JOBS:-2}" --timeout 900 -E '_NOT_BUILT' "${select[@]}" \
  --output-on-failure >"$build/ctest.log" 2>&1) || status=$?
summary=$(grep -E "tests passed|tests failed" "$build/ctest.log" | tail -1)
echo "$mode: ${summary:-ctest did not run} ($(( $(date +%s) - t0 )) s)"
rm -rf "$scratch"

if compgen -G "$reports/*" >/dev/null; then
  echo "$mode: sanitizer reports in $reports:" >&2
  for f in "$reports"/*; do echo "--- $f" >&2; head -40 "$f" >&2; done
  exit 1
fi
if [ "$status" -ne 0 ]; then
  grep -E "^\s*[0-9]+ - |\(Failed\)|\(Timeout\)" "$build/ctest.log" | tail -20 >&2 || true
  echo "$mode: tests failed — see $build/ctest.log" >&2
  exit 1
fi
echo "$mode: no sanitizer report"
