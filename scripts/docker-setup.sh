#!/usr/bin/env bash
# Makes this Debian machine ready for kctl: a running Docker engine, the static busybox the local images are
# built from, and those images (scripts/build-images.sh). Idempotent: whatever is already there is kept.
# Run as root. The engine is started in the background; its log is /var/log/kctl-dockerd.log.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
log=/var/log/kctl-dockerd.log
wait_seconds=60

say() { echo "docker-setup: $*" >&2; }
die() { say "$*"; exit 1; }

engine_answers() { docker info >/dev/null 2>&1; }

apt_updated=
apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root; run this script as root (or install them yourself)"
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

installed() { dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

start_engine() {
  [ "$(id -u)" = 0 ] || die "starting dockerd needs root; run this script as root"
  # A dockerd killed without cleanup leaves its pid file behind and the next one refuses to start.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  say "starting dockerd (log: $log)"
  nohup dockerd >>"$log" 2>&1 &
  local i
  for ((i = 0; i < wait_seconds * 2; i++)); do
    if engine_answers; then say "engine is up"; return; fi
    sleep 0.5
  done
  tail -n 20 "$log" >&2 || true
  die "dockerd did not answer 'docker info' within ${wait_seconds}s; see $log"
}

if ! engine_answers; then
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    say "installing docker.io, busybox-static and docker-compose"
    apt_install docker.io busybox-static docker-compose
  fi
  # Installing may have started the engine already (where init scripts run).
  engine_answers || start_engine
fi

# The images are built FROM scratch around this binary, so it must be the static build.
if ! installed busybox-static; then
  say "installing busybox-static"
  apt_install busybox-static
fi

# The engine-fault suite runs a private dockerd in its own network namespace (ip netns, nsenter).
if ! command -v ip >/dev/null 2>&1 || ! command -v nsenter >/dev/null 2>&1; then
  say "installing iproute2 and util-linux"
  apt_install iproute2 util-linux
fi

"$repo/scripts/build-images.sh"
