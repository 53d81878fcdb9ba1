#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine with Node 22 (or 20), only where it is missing:
# nats-server and xmllint (Debian packages; xmllint validates the SIUSS flows against INPS' XSD), docker-compose (to check docker/compose.yaml) and the npm packages.
# Idempotent: a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || missing+=(nats-server)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ "${AMBITO_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Serve Node.js 20 o successivo (trovato $(node -v))" >&2
  exit 1
fi

# Install only when the lock file changed since the last install. `npm install` honours the lock
# file like `npm ci`, but tolerates what the registry mirror here lacks: the optional native
# binaries of other platforms (@swc/core-darwin-*, ...), which `npm ci` insists on finding.
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> npm install (package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# The Kubernetes schemas the manifests are checked against (tools/k8s/validator: a package of its own,
# so that the workspace's lock file does not carry it), with its own lock file.
if [ "${AMBITO_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  k8s_stamp=tools/k8s/validator/node_modules/.package-lock.sha256
  k8s_want=$(sha256sum tools/k8s/validator/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$k8s_stamp" ] || [ "$(cat "$k8s_stamp")" != "$k8s_want" ]; then
    echo "==> npm ci (tools/k8s/validator)"
    npm ci --prefix tools/k8s/validator --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$k8s_want" > "$k8s_stamp"
  fi
fi
