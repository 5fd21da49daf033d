#!/usr/bin/env bash
# Quick start, step 1: install, build, make Docker available, build the demo images, apply the demo
# manifests on local Docker and show them running. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build --silent
bash scripts/docker-setup.sh
./bin/kctl apply -f manifests/demo/ --timeout 2m
./bin/kctl get all
