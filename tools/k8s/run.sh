#!/usr/bin/env bash
# The Kubernetes kit (docker/k8s/README.md):
#   npm run -s k8s:verifica [-- docker/k8s/ambiti/<ambito>/production …]   every overlay when none is given
#   npm run -s ambito:nuovo -- <ambito> --territorio <file> [--host …] [--postgres …] [--registro …]
# Needs kubectl (its `kubectl kustomize`); the Kubernetes schemas come from tools/k8s/validator
# (installed by tools/setup.sh, or here when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
if ! command -v kubectl >/dev/null 2>&1; then
  echo "SALTATO: kubectl non è installato: manifest Kubernetes non verificati" >&2
  exit 0
fi
if [ ! -d tools/k8s/validator/node_modules/kubernetes-models ]; then
  npm ci --prefix tools/k8s/validator --ignore-scripts --no-audit --no-fund --loglevel=error
fi
npx nx run k8s:build --outputStyle=static >/dev/null
command=$1
shift
exec node -r ./tools/runtime/register.js "dist/tools/k8s/src/$command.js" "$@"
