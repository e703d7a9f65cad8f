#!/bin/sh
# Prints the Debian packages that provide the shared libraries BINARY links against, one per line.
# The Docker image's run stage installs exactly these, so the run-time libraries (libcurl, spdlog,
# fmt, sqlite, boost...) follow the build instead of a second hand-kept package list.
# Usage: deploy/runtime-packages.sh /usr/local/bin/ticket-alarm > runtime-packages.txt
set -eu
binary=${1:?usage: runtime-packages.sh BINARY}

owner() {
  # dpkg knows a file by the path its package shipped it under; with merged /usr that may be the
  # /lib or the /usr/lib spelling, so try the path ldd printed, its real path, and both prefixes.
  for candidate in "$1" "$(readlink -f "$1")"; do
    for path in "$candidate" "/usr${candidate#/usr}" "${candidate#/usr}"; do
      found=$(dpkg-query -S "$path" 2>/dev/null | head -n1 | cut -d: -f1) || true
      if [ -n "$found" ]; then echo "$found"; return 0; fi
    done
  done
  return 1
}

packages=""
for lib in $(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $3}'); do
  if ! package=$(owner "$lib"); then
    # A library no package owns would be missing from the image: fail the build here, not at run time.
    echo "runtime-packages.sh: no Debian package owns $lib" >&2
    exit 1
  fi
  packages="$packages $package"
done
printf '%s\n' $packages | sort -u
