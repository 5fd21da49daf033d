#!/usr/bin/env bash
# Builds the small local images kctl's demos and tests use, FROM scratch with the static busybox (no registry
# is needed). Idempotent and fast: an image whose io.kctl.build-hash label matches the hash of its assembled
# build context is left alone.
#   kctl-test/busybox:latest   busybox only; default CMD sleeps (and stops at once on SIGTERM)
#   kctl-demo/web:v1, :v2      busybox httpd on 8080 serving /, /version (v1|v2) and /healthz
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
hash_label=io.kctl.build-hash

die() { echo "build-images: $*" >&2; exit 1; }

# The binary is copied into images without a libc, so it must be statically linked (ldd fails on those).
static_busybox() {
  local p
  for p in /usr/bin/busybox /bin/busybox; do
    if [ -x "$p" ] && ! ldd "$p" >/dev/null 2>&1; then echo "$p"; return; fi
  done
  die "no static busybox at /usr/bin/busybox or /bin/busybox; run scripts/docker-setup.sh (or apt-get install -y busybox-static)"
}

docker info >/dev/null 2>&1 || die "the Docker engine does not answer; run scripts/docker-setup.sh first"
# One build at a time (test files may call this in parallel): the second waits, then finds the images current.
exec 9>"${TMPDIR:-/tmp}/kctl-build-images.lock"
flock 9
busybox=$(static_busybox)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build <tag> <images/ subdir> [version colour]
build() {
  local tag=$1 dir=$2 version=${3:-} colour=${4:-}
  local ctx="$work/${tag//[\/:]/_}"
  mkdir -p "$ctx"
  cp -R "$repo/images/$dir/." "$ctx/"
  cp "$busybox" "$ctx/busybox"
  if [ -n "$version" ]; then
    sed -i "s/@VERSION@/$version/g; s/@COLOR@/$colour/g" "$ctx/www/index.html"
    printf '%s\n' "$version" >"$ctx/www/version"
  fi
  local hash current old
  hash=$(cd "$ctx" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
  current=$(docker image inspect -f "{{ index .Config.Labels \"$hash_label\" }}" "$tag" 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then
    echo "$tag: up to date"
    return
  fi
  old=$(docker image inspect -f '{{ .Id }}' "$tag" 2>/dev/null || true)
  # The legacy builder needs no buildx plugin and builds FROM scratch images in about a second.
  # Its deprecation notice is noise: show the build's output only when it fails.
  local out
  if ! out=$(DOCKER_BUILDKIT=0 docker build -q --label "$hash_label=$hash" -t "$tag" "$ctx" 2>&1); then
    echo "$out" >&2
    die "building $tag failed"
  fi
  # Drop the replaced image unless something still uses it (a container, another tag).
  if [ -n "$old" ]; then docker image rm "$old" >/dev/null 2>&1 || true; fi
  echo "$tag: built"
}

build kctl-test/busybox:latest busybox
build kctl-demo/web:v1 web v1 '#2b6cb0'
build kctl-demo/web:v2 web v2 '#2f855a'
