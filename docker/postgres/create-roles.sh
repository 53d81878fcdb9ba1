#!/usr/bin/env bash
# The PostgreSQL roles of the platform's services (docs/database-roles.md), with an admin connection:
#   create-roles.sh accesso budget presa_in_carico
# For each schema given: <schema>_owner (owns the schema, runs the migrations) and <schema>_app (the
# service at run time), passwords from <SCHEMA>_DB_OWNER_PASSWORD and <SCHEMA>_DB_PASSWORD (or the files
# named by <SCHEMA>_DB_OWNER_PASSWORD_FILE / <SCHEMA>_DB_PASSWORD_FILE). The admin connection: the URL
# in DATABASE_ADMIN_URL, or libpq's PGHOST, PGUSER, PGPASSWORD, PGDATABASE. Idempotent: run it at every
# deployment (compose: the postgres-roles service; Kubernetes: the <service>-db-roles Jobs).
set -euo pipefail
cd "$(dirname "$0")"

secret() {
  local name=$1 file_var="${1}_FILE"
  if [[ -n "${!file_var:-}" ]]; then
    tr -d '\n' < "${!file_var}"
  elif [[ -n "${!name:-}" ]]; then
    printf '%s' "${!name}"
  else
    echo "create-roles: manca ${name} (o ${file_var})" >&2
    return 1
  fi
}

[[ $# -gt 0 ]] || { echo "uso: create-roles.sh <schema>…" >&2; exit 2; }
for schema in "$@"; do
  [[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "create-roles: schema non valido: $schema" >&2; exit 2; }
  prefix=${schema^^}
  owner_password=$(secret "${prefix}_DB_OWNER_PASSWORD")
  app_password=$(secret "${prefix}_DB_PASSWORD")
  psql ${DATABASE_ADMIN_URL:+"$DATABASE_ADMIN_URL"} -X -q -v ON_ERROR_STOP=1 \
    -v schema="$schema" -v password_owner="$owner_password" -v password_app="$app_password" \
    -f database-roles.sql
  echo "create-roles: ${schema}_owner e ${schema}_app pronti"
done
