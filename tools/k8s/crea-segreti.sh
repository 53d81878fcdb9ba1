#!/usr/bin/env bash
# The Secrets of one ambito's namespace (docker/k8s/ambiti/<ambito>/SEGRETI.md), only those missing:
#   NAMESPACE=ambito-oglio-po DATABASE_ADMIN_URL=postgres://admin:…@db.example.it:5432/ambito \
#     [DATABASE_HOST=db.example.it:5432/ambito] bash tools/k8s/crea-segreti.sh accesso budget …
# Random passwords (openssl), the keys of the signed actor (npm run identity:keys). An existing Secret
# is kept: to rotate one, delete it and run this again (docs/operations.md, "Rotating").
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${NAMESPACE:?NAMESPACE obbligatorio}" "${DATABASE_ADMIN_URL:?DATABASE_ADMIN_URL obbligatorio}"
[ $# -gt 0 ] || { echo "uso: crea-segreti.sh <servizio>…" >&2; exit 2; }
db_host=${DATABASE_HOST:-${DATABASE_ADMIN_URL#*@}}
password() { openssl rand -base64 33 | tr '+/' '-_' | tr -d '=\n'; }
exists() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }
create() { # name, then kubectl create secret arguments
  local name=$1; shift
  if exists "$name"; then echo "presente: $name"; return; fi
  kubectl -n "$NAMESPACE" create secret "$@" --dry-run=client -o yaml | kubectl -n "$NAMESPACE" apply -f - >/dev/null
  echo "creato:   $name"
}

create ambito-db-admin generic ambito-db-admin --from-literal=url="$DATABASE_ADMIN_URL"
for service in "$@"; do
  schema=${service//-/_}
  app=$(password) owner=$(password)
  create "ambito-db-$service" generic "ambito-db-$service" \
    --from-literal=url="postgres://${schema}_app:${app}@${db_host}" \
    --from-literal=migration-url="postgres://${schema}_owner:${owner}@${db_host}" \
    --from-literal=password="$app" --from-literal=owner-password="$owner"
done

users=$(grep -o 'user: "[a-z0-9-]*"' docker/k8s/base/nats.yaml | sed 's/user: "\(.*\)"/\1/')
create ambito-nats generic ambito-nats $(for u in $users; do echo "--from-literal=$u=$(password)"; done)

keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
npm run -s identity:keys -- "$keys" >/dev/null
create ambito-gateway-signing-key generic ambito-gateway-signing-key --from-file=jwk="$keys/gateway-signing-key.jwk"
create ambito-actor-trusted-keys generic ambito-actor-trusted-keys --from-file=jwks="$keys/actor-trusted-keys.json"
for key in "$keys"/*-signing-key.jwk; do
  service=$(basename "$key" -signing-key.jwk)
  [ "$service" = gateway ] && continue
  create "ambito-$service-signing-key" generic "ambito-$service-signing-key" --from-file=jwk="$key"
done
echo "Restano da creare a mano: ambito-nats-tls, la ConfigMap ambito-nats-ca, ambito-gateway-tls (SEGRETI.md)."
