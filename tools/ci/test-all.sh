#!/usr/bin/env bash
# Every check and every test tier: lint (module boundaries), type checks, builds, unit, medium
# (real PostgreSQL) and integration/e2e tests (real PostgreSQL + NATS JetStream), compose file check.
set -euo pipefail
cd "$(dirname "$0")/../.."
AMBITO_SETUP_TEST_TOOLS=1 bash tools/setup.sh

export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-true} NX_TUI=false

echo "==> docker-compose config"
docker-compose -f docker/compose.yaml config >/dev/null

echo "==> lint, typecheck, build"
npx nx run-many -t lint typecheck build --outputStyle=static

echo "==> test"
npx nx run-many -t test --parallel=1 --outputStyle=static
