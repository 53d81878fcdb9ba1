#!/usr/bin/env bash
# Fault-injection suite (issue 14, point 12; see README.md here). Not part of npm test.
#   npm run fault -- --commands 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx run-many -t build -p accesso budget presa-in-carico gateway fault --outputStyle=static >/dev/null
exec node -r ./tools/runtime/register.js dist/tools/fault/src/run-fault.js "$@"
