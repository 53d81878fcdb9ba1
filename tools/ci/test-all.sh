#!/usr/bin/env bash
# Every check and every test tier, cheapest first: formatting, compose file, lint (module boundaries),
# type checks, builds, migration drift, then the test tiers (each its own Nx target, see jest.tiers.cjs):
# unit (no infrastructure), integration (*.medium-spec.ts: real PostgreSQL; *.integration-spec.ts:
# + NATS JetStream), e2e (the built apps as processes), then the container images (tools/images/check.sh).
# One test project at a time: 2 cores here.
set -euo pipefail
cd "$(dirname "$0")/../.."
AMBITO_SETUP_TEST_TOOLS=1 bash tools/setup.sh

export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-true} NX_TUI=false

step_started=$SECONDS
step() {
  if [ -n "${step_name:-}" ]; then echo "<== $step_name: $((SECONDS - step_started)) s"; fi
  step_name=$1
  step_started=$SECONDS
  echo "==> $step_name"
}

step "prettier --check"
npx prettier --check . --log-level warn

step "API descriptions (redocly, Italian guidelines)"
bash tools/ci/api-lint.sh

step "docker-compose config"
docker-compose -f docker/compose.yaml config >/dev/null

step "Dockerfiles from the generator's template, lock file for every platform"
node tools/docker/render-dockerfiles.cjs --check
node tools/docker/check-lock.cjs

step "Kubernetes manifests (kustomize, Kubernetes schemas, rules)"
bash tools/k8s/run.sh verifica

step "lint, typecheck, build"
npx nx run-many -t lint typecheck build --outputStyle=static

step "migration drift"
npx nx run ci:migration-drift --outputStyle=static

step "test-unit"
npx nx run-many -t test-unit --parallel=1 --outputStyle=static

step "test-integration"
npx nx run-many -t test-integration --parallel=1 --outputStyle=static

step "test-e2e"
npx nx run-many -t test-e2e --parallel=1 --outputStyle=static

# Last: the heaviest step, and it needs a Docker daemon (skipped with a message where none answers).
step "images: build each service's image and start it until /health/ready"
bash tools/images/check.sh

step "done"
