#!/usr/bin/env bash
# Starts the whole platform with demo data on embedded defaults: PostgreSQL (embedded, data in .data/),
# NATS with JetStream (Debian's nats-server), every app; prints the URLs and the demo credentials.
# Set DATABASE_URL / NATS_URL to use external ones. Idempotent: data and demo records are kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
echo "==> build"
# Every app (tag type:app), so that a service made by the generator is built too.
npx nx run-many -t build -p "tag:type:app" dev-stack --outputStyle=static >/dev/null
exec node -r ./tools/runtime/register.js dist/tools/dev/src/start-platform.js "$@"
