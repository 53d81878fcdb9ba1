#!/usr/bin/env bash
# The operator's command for dead letters (docs/operations.md): npm run dlq -- list|show|replay …
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx run dlq:build --outputStyle=static >/dev/null
exec node -r ./tools/runtime/register.js dist/tools/dlq/src/main.js "$@"
