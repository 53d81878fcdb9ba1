#!/usr/bin/env bash
# The images of the test command (docs/operations.md, "Images"): builds docker/<app>.Dockerfile of every
# service, tagged ambito/<app>:${IMAGES_TAG:-ci}, then starts each one against the test run's PostgreSQL
# and NATS until /health/ready answers (tools/images/src/images.e2e-spec.ts).
#   bash tools/images/check.sh             build and start all
#   IMAGES_PARALLEL=1 bash tools/images/check.sh   one build at a time (default 2 after the first)
#   bash tools/images/check.sh --only-build
# Where no Docker daemon answers it says so and skips (exit 0). As root, with the helper of these
# machines beside the repository (../shared/tools/docker-local), it starts one and makes the base images.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

helper=../shared/tools/docker-local/make-base-images.sh
if ! docker info >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && [ -f "$helper" ] && command -v dockerd >/dev/null 2>&1; then
  echo "==> nessun demone Docker: lo avvio con $helper"
  bash "$helper" 22 >/dev/null || true
fi
if ! docker info >/dev/null 2>&1; then
  echo "SALTATO: nessun demone Docker risponde: immagini non costruite né avviate" >&2
  exit 0
fi

tag=${IMAGES_TAG:-ci}
version=$(node -p "require('./package.json').version")
source_url=$(node -p "(require('./package.json').repository || {}).url || 'unknown'" | sed 's/\.git$//')
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
apps=$(ls docker/*.Dockerfile | sed 's#docker/\(.*\)\.Dockerfile#\1#')
logs=$(mktemp -d)

build() {
  local app=$1 started=$SECONDS
  if docker build --network host -q -f "docker/$app.Dockerfile" \
      --build-arg VERSION="$version" --build-arg REVISION="$revision" --build-arg SOURCE="$source_url" \
      -t "ambito/$app:$tag" -t "ambito/$app:$version" . >"$logs/$app.log" 2>&1; then
    echo "    ambito/$app:$tag ($((SECONDS - started)) s)"
  else
    echo "    ambito/$app: costruzione non riuscita" >&2
    tail -40 "$logs/$app.log" >&2
    return 1
  fi
}
export -f build
export logs tag version source_url revision

echo "==> docker build ($(echo $apps | wc -w) immagini)"
first=$(echo "$apps" | head -1)
# The first alone: its `npm ci` layer is the same in every Dockerfile and then serves the others.
build "$first"
echo "$apps" | tail -n +2 | xargs -P "${IMAGES_PARALLEL:-2}" -I{} bash -c 'build {}'
docker image prune -f >/dev/null 2>&1 || true

[ "${1:-}" = --only-build ] && exit 0
echo "==> avvio dei container (PostgreSQL e NATS della prova)"
IMAGES_TAG=$tag AMBITO_TEST_TIER=e2e npx jest -c tools/images/jest.config.cjs
