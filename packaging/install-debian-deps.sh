#!/usr/bin/env bash
# Install the Debian packages listed in packaging/debian-packages.txt (or the list given as $1) that are missing.
# Only acts as root on a system with apt-get; elsewhere it says what to install and carries on
# (the Python side still installs; Qt may then lack a library on a bare system).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="${1:-$here/debian-packages.txt}"
mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$list")
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
else
  echo "install-debian-deps: not a Debian system; skipping (${#wanted[@]} packages listed in $list)"
  exit 0
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-debian-deps: missing Debian packages (run as root to install): ${missing[*]}" >&2
  exit 0
fi
echo "install-debian-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
