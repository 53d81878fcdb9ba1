#!/usr/bin/env bash
# The fuzz run of issue 14 (see README.md here): builds the apps, starts the platform as the e2e tier
# does (built apps as processes, embedded PostgreSQL, nats-server -js) and sends generated payloads to
# every command through the gateway. Usage: npm run fuzz [-- --runs N] [--seed S] [--parallel P]
#   [--operations registraPersona,elencaAccessi]. Default: 10,000 payloads per command.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${FUZZ_RUNS:-10000}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --seed) export FUZZ_SEED=$2; shift 2 ;;
    --seed=*) export FUZZ_SEED=${1#*=}; shift ;;
    --parallel) export FUZZ_PARALLELO=$2; shift 2 ;;
    --parallel=*) export FUZZ_PARALLELO=${1#*=}; shift ;;
    --operations) export FUZZ_OPERAZIONI=$2; shift 2 ;;
    --operations=*) export FUZZ_OPERAZIONI=${1#*=}; shift ;;
    *) echo "opzione sconosciuta: $1 (--runs N, --seed S, --parallel P, --operations a,b)" >&2; exit 2 ;;
  esac
done
export FUZZ_RUNS=$runs

AMBITO_SETUP_TEST_TOOLS=1 bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx run-many -t build -p accesso budget presa-in-carico misure gateway --outputStyle=static >/dev/null
# Logs of the apps are kept under E2E_LOG_DIR (a fresh ambito-fuzz-* directory in it) for reading.
export E2E_LOG_DIR=${E2E_LOG_DIR:-$(mktemp -d)}
echo "fuzz: $FUZZ_RUNS payload per comando; log delle app in $E2E_LOG_DIR"
AMBITO_TEST_TIER=e2e exec npx jest -c apps/platform-e2e/jest.config.cjs apps/platform-e2e/src/fuzz.e2e-spec.ts \
  --runInBand --testTimeout=86400000
