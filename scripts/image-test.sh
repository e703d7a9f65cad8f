#!/usr/bin/env bash
# Builds the Docker image on a Debian 12 machine that has no Docker engine and checks it from
# inside, the way a user's container would run it. Run it after any change to the Dockerfile,
# .dockerignore, scripts/packages.txt, deploy/ or the install rules in CMakeLists.txt; it is not part
# of scripts/test.sh (it takes about 25 minutes on 2 cores, most of it the image's own build).
#
#   scripts/image-test.sh              # build and check; base images and apt layers are cached
#   scripts/image-test.sh --no-build   # check the image built last time
#
# Base images: debootstrap --variant=minbase bookworm, given the official images' treatment
# (debuerreotype-minimizing-config; -slimify for bookworm-slim) and imported as debian:bookworm and
# debian:bookworm-slim, so nothing is pulled from a registry. The image is built with
# buildah --format docker (the OCI format has no HEALTHCHECK: buildah and podman drop it silently
# without --format docker). The checks run in a buildah working container with chroot isolation
# (podman run needs cgroups and rlimits some sandboxes refuse), as the image's user, with its ENV.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${TA_IMAGE_CACHE:-/var/cache/ticket-alarm-image}"
image="${TA_IMAGE:-localhost/ticket-alarm:test}"
port="${TA_IMAGE_PORT:-8000}"  # the image's own web.listen port; must be free on this machine
build=1
[ "${1:-}" = "--no-build" ] && build=0

failures=0
stage_started=0
stage() { stage_started=$(date +%s); echo "== $1"; }
stage_done() { echo "   ($(( $(date +%s) - stage_started )) s)"; }
pass() { echo "   ok: $1"; }
fail() { echo "   FAILED: $1" >&2; failures=$((failures + 1)); }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_tools() {
  local missing=()
  for tool in buildah podman debootstrap debuerreotype-slimify; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    buildah podman debootstrap debuerreotype uidmap >/dev/null
}

# debian:bookworm and debian:bookworm-slim as the official images make them, from this machine's
# Debian mirror. The rootfs tarballs are kept in $cache.
base_images() {
  as_root mkdir -p "$cache"
  if [ ! -s "$cache/bookworm.tar" ] || [ ! -s "$cache/bookworm-slim.tar" ]; then
    local rootfs="$cache/rootfs"
    local mirror
    mirror="$(awk '/^URIs:/ {print $2; exit} /^deb / {print $2; exit}' /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list 2>/dev/null || true)"
    as_root rm -rf "$rootfs"
    as_root debootstrap --variant=minbase bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; echo "debootstrap failed: $cache/debootstrap.log" >&2; exit 1; }
    # debuerreotype's tools chroot with this timestamp as SOURCE_DATE_EPOCH.
    date +%s | as_root tee "$rootfs/debuerreotype-epoch" >/dev/null
    as_root debuerreotype-minimizing-config "$rootfs"
    # The official image's sources (debuerreotype-debian-sources-list would ask snapshot.debian.org).
    as_root tee "$rootfs/etc/apt/sources.list.d/debian.sources" >/dev/null <<SOURCES
Types: deb
URIs: ${mirror:-http://deb.debian.org/debian}
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror:-http://deb.debian.org/debian}-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    as_root rm -f "$rootfs/etc/apt/sources.list"
    as_root rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
    as_root tar -C "$rootfs" --numeric-owner --exclude ./debuerreotype-epoch -cf "$cache/bookworm.tar" .
    as_root debuerreotype-slimify "$rootfs"
    as_root tar -C "$rootfs" --numeric-owner --exclude ./debuerreotype-epoch -cf "$cache/bookworm-slim.tar" .
    as_root rm -rf "$rootfs"
  fi
  for tag in bookworm bookworm-slim; do
    as_root podman image exists "docker.io/library/debian:$tag" && continue
    as_root podman import --quiet --change 'CMD ["bash"]' "$cache/$tag.tar" "docker.io/library/debian:$tag" >/dev/null
  done
}

build_image() {
  # --layers keeps the package-installing layers between runs: only the project's own build reruns.
  as_root buildah bud --isolation chroot --pull=never --format docker --layers \
    -t "$image" "$root" >"$cache/build.log" 2>&1 \
    || { tail -30 "$cache/build.log" >&2; echo "image build failed: $cache/build.log" >&2; exit 1; }
}

# One field of the image's Docker config, as JSON (a string field: its text).
image_config() {
  as_root buildah inspect --type image "$image" | /usr/bin/python3 -c '
import json, sys
v = json.load(sys.stdin)["Docker"]["config"].get(sys.argv[1])
print(v if isinstance(v, str) else json.dumps(v, separators=(",", ":"), ensure_ascii=False))' "$1"
}

ctr=""
mnt=""
cleanup() {
  [ -n "$ctr" ] && as_root buildah rm "$ctr" >/dev/null 2>&1 || true
  [ -n "${replay:-}" ] && rm -rf "$replay"
  [ -n "${data:-}" ] && as_root rm -rf "$data"
}
trap cleanup EXIT

# Runs a command in the working container as the image's user, with the image's ENV and WORKDIR.
# /data is a folder of this machine, as with `docker run -v ./data:/data` (chowned to 10001 first).
in_image() { as_root buildah run --isolation chroot --user "$user" -v "$replay:/replay:ro" -v "$data:/data" "$ctr" -- "$@"; }

# Every directory and file (with size and mtime) of the container's filesystem outside /data:
# compared before and after the checks to prove nothing is written elsewhere (Chromium's profile
# and its org.chromium.Chromium.* directory in /tmp included). /replay is this test's mount point
# and /run buildah's own.
fs_state() {
  as_root find "$mnt" -xdev \( -path "$mnt/data" -o -path "$mnt/proc" -o -path "$mnt/sys" -o -path "$mnt/dev" \
    -o -path "$mnt/replay" -o -path "$mnt/run" \) -prune -o \( -type d -printf '%P/\n' \) -o -printf '%P %s %T@\n' | sort
}

# Processes whose root is the working container's filesystem.
processes_inside() {
  local n=0 p
  for p in /proc/[0-9]*; do
    [ "$(as_root readlink "$p/root" 2>/dev/null)" = "$mnt" ] && n=$((n + 1))
  done
  echo "$n"
}

expected_count() { /usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$root/fixtures/$1/expected.json"; }

total_started=$(date +%s)
stage "tools (buildah, podman, debootstrap, debuerreotype)"; install_tools; stage_done
stage "base images debian:bookworm, debian:bookworm-slim"; base_images; stage_done
if [ "$build" = 1 ]; then
  stage "build $image (buildah bud --format docker)"; build_image; stage_done
fi
as_root buildah inspect --type image "$image" >/dev/null 2>&1 || { echo "no image $image: run without --no-build" >&2; exit 1; }

stage "image configuration"
size=$(as_root podman image inspect --format '{{.Size}}' "$image")
echo "   image size: $((size / 1000000)) MB"
user=$(image_config User)
[ "$user" = "ticket" ] && pass "runs as user ticket" || fail "USER is '$user', expected ticket"
health=$(image_config Healthcheck)
case "$health" in *healthz*) pass "HEALTHCHECK kept: $health" ;; *) fail "no HEALTHCHECK in the image (built without --format docker?)" ;; esac
entry=$(image_config Entrypoint)
[ "$entry" = '["/usr/bin/tini","--"]' ] && pass "ENTRYPOINT tini" || fail "ENTRYPOINT is $entry"
stage_done

replay=$(mktemp -d "${TMPDIR:-/tmp}/ticket-alarm-image-replay.XXXXXX")
chmod 755 "$replay"
for site in interpark yes24 melon ticketlink; do install -m 644 "$root/fixtures/$site/main.har" "$replay/$site.har"; done
data=$(mktemp -d "${TMPDIR:-/tmp}/ticket-alarm-image-data.XXXXXX")
as_root chown 10001:10001 "$data"
ctr=$(as_root buildah from --pull=never "$image")
mnt=$(as_root buildah mount "$ctr")
before=$(fs_state)

stage "commands inside the image"
uid=$(in_image id -u) && [ "$uid" = 10001 ] && pass "uid 10001" || fail "uid is '$uid', expected 10001"
if out=$(in_image ticket-alarm version 2>&1); then pass "version: $(echo "$out" | head -1)"; else fail "version: $out"; fi
if out=$(in_image ticket-alarm check-config 2>&1); then pass "check-config exit 0"; else fail "check-config: $(echo "$out" | tail -5)"; fi
if in_image sh -c 'fc-list :lang=ko family | grep -q .'; then pass "Korean fonts: $(in_image sh -c 'fc-list :lang=ko family | sort -u | head -2 | tr "\n" " "')"
else fail "no Korean font (fc-list :lang=ko)"; fi
stage_done

stage "once --dry-run over the fixture replays of all four sites"
if out=$(in_image ticket-alarm once --dry-run --replay-dir /replay 2>&1); then pass "once exit 0"; else fail "once: $(echo "$out" | tail -5)"; fi
for site in interpark yes24 melon ticketlink; do
  name=$(case $site in interpark) echo 인터파크 ;; yes24) echo YES24 ;; melon) echo 멜론티켓 ;; ticketlink) echo 티켓링크 ;; esac)
  want=$(expected_count "$site")
  got=$(echo "$out" | sed -n "s/.*크롤링 완료: $name (\([0-9]*\)건.*/\1/p" | head -1)
  [ "$got" = "$want" ] && pass "$name: $got건" || fail "$name: ${got:-no 크롤링 완료 line} (expected $want)"
done
# The volume keeps what was seen: the same pages again are nothing new.
if out=$(in_image ticket-alarm once --dry-run --replay-dir /replay 2>&1); then
  line=$(echo "$out" | grep '한 번 실행 완료' | tail -1)
  case "$line" in *"신규 0건"*) pass "a second once finds nothing new: ${line#*] }" ;; *) fail "second once: $line" ;; esac
else fail "second once: $(echo "$out" | tail -5)"; fi
stage_done

stage "run --web under tini: HEALTHCHECK, then SIGTERM"
log="$cache/run.log"
as_root buildah run --isolation chroot --user "$user" -v "$replay:/replay:ro" -v "$data:/data" "$ctr" -- \
  /usr/bin/tini -- ticket-alarm run --web --dry-run --replay-dir /replay >"$log" 2>&1 &
runner=$!
# ["CMD-SHELL", "curl … || exit 1"]: the shell command Docker would run.
health_cmd=$(echo "$health" | /usr/bin/python3 -c 'import json,sys; t=json.load(sys.stdin)["Test"]; print(" ".join(t[1:]))')
healthy=0
for _ in $(seq 1 60); do
  if in_image sh -c "$health_cmd" >/dev/null 2>&1; then healthy=1; break; fi
  sleep 1
done
[ "$healthy" = 1 ] && pass "HEALTHCHECK command ($health_cmd) → 200" || fail "HEALTHCHECK never passed: $(tail -5 "$log")"
tini_pid=$(pgrep -f '^/usr/bin/tini -- ticket-alarm run' | head -1 || true)
if [ -z "$tini_pid" ]; then
  fail "tini is not running: $(tail -5 "$log")"
else
  kill -TERM "$tini_pid"
  t0=$(date +%s%N)
  for _ in $(seq 1 50); do kill -0 "$runner" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$runner" 2>/dev/null; then
    fail "still running 5 s after SIGTERM"
    kill -KILL "$tini_pid" 2>/dev/null || true
  else
    rc=0; wait "$runner" || rc=$?
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$rc" = 0 ] && pass "SIGTERM → exit 0 in $ms ms" || fail "SIGTERM → exit $rc: $(tail -5 "$log")"
  fi
fi
left=$(processes_inside)
[ "$left" = 0 ] && pass "no process left in the container" || fail "$left processes left in the container"
stage_done

stage "files"
after=$(fs_state)
changed=$(diff <(echo "$before") <(echo "$after") | grep '^[<>]' || true)
[ -z "$changed" ] && pass "nothing written outside /data" || fail "written outside /data: $(echo "$changed" | head -10)"
owners=$(as_root find "$data" ! -uid 10001 -printf '%P\n' | grep . || true)
[ -z "$owners" ] && pass "everything in /data belongs to uid 10001: $(as_root find "$data" -mindepth 1 -maxdepth 1 -printf '%P ' | head -c 300)" \
  || fail "not owned by 10001 in /data: $owners"
[ -s "$data/ticket-alarm.db" ] && pass "the database is in /data" || fail "no /data/ticket-alarm.db"
stage_done

echo "== image $image: $((size / 1000000)) MB; total $(( $(date +%s) - total_started )) s"
if [ "$failures" -gt 0 ]; then echo "image-test: $failures check(s) FAILED" >&2; exit 1; fi
echo "image-test: all checks passed"
