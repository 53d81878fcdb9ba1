#!/usr/bin/env bash
# Benchmark of the platform path against the physical floor (see README.md here). Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx run-many -t build -p accesso presa-in-carico budget gateway bench --outputStyle=static >/dev/null
exec node -r ./tools/runtime/register.js dist/tools/bench/src/run-bench.js "$@"
