#!/usr/bin/env bash
# The published API descriptions pass their linters with 0 errors: redocly on docs/api/openapi.json and
# the Developers Italia "Italian Guidelines" Spectral ruleset that the PDND catalogue applies. The
# ruleset is AGPL and not part of this tree: it is read from the team's shared tools beside the clone
# (../shared/tools/oas-checker) or from AMBITO_OAS_RULESET. Staleness and the AsyncAPI parser are checked
# by the unit tests (docs/api/*.spec).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! risultato=$(npx redocly lint docs/api/openapi.json --format=stylish 2>&1); then
  echo "$risultato" >&2
  exit 1
fi
echo "$risultato" | grep -E 'valid|warning' | grep -v '║' || true

ruleset=${AMBITO_OAS_RULESET:-../shared/tools/oas-checker/italian-guidelines.spectral.yml}
if [ -f "$ruleset" ]; then
  npx spectral lint -r "$ruleset" docs/api/openapi.json --fail-severity=error -f text --display-only-failures
  echo "spectral (linee guida italiane): 0 errori"
else
  echo "spectral: regole delle linee guida italiane non trovate in $ruleset (AMBITO_OAS_RULESET): controllo saltato"
fi
