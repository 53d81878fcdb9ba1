#!/usr/bin/env bash
# Benchmark of the sportello assistenti familiari: matching against 10,000 assistants and the public
# register under 100 concurrent readers, through the gateway (see README.md here). Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx run-many -t build -p assistenti-familiari gateway bench --outputStyle=static >/dev/null
exec node -r ./tools/runtime/register.js dist/tools/bench/src/run-assistenti-bench.js "$@"
