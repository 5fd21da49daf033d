#!/usr/bin/env bash
# Quick start, step 1: install, build, make Docker available (installs and starts an engine on a fresh
# Debian machine), build the demo images, start the kctl controller, apply the demo manifests on local
# Docker and show them running and answering. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build --silent
bash scripts/docker-setup.sh
kctl() { ./bin/kctl "$@"; }
kctl controller start
kctl apply -f manifests/demo/ --timeout 2m
kctl get all
echo
echo "The Service answers on 127.0.0.1:30080, balanced over the Ready pods:"
for i in 1 2 3; do curl -fsS --max-time 2 http://127.0.0.1:30080/version || echo "(no answer yet)"; done
echo
echo "Next: ./bin/kctl set image deployment/web web=kctl-demo/web:v2 && ./bin/kctl rollout status deployment/web"
echo "      ./bin/kctl rollout undo deployment/web;  ./bin/kctl delete -f manifests/demo/;  ./bin/kctl controller stop"
