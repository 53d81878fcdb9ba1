#!/usr/bin/env bash
# Creates what docker/compose.yaml's NATS needs and git must never hold (docker/nats/README.md):
#   segreti/<user>.password     one random password per user of nats-server.conf (read by the services
#                               through NATS_PASSWORD_FILE)
#   segreti/nats-passwords.conf the same passwords as nats-server variables (included by nats-server.conf)
#   tls/ca.crt, tls/tls.crt, tls/tls.key   a private CA and the server certificate for the host name
#                               `nats` (trials; in production use your organisation's CA: same file names)
# Existing files are kept: run it again after `npm run nats:config` added a user, and only its password
# is created. Requires openssl.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p segreti tls
chmod 700 segreti

utenti=$(grep -o 'user: "[a-z0-9-]*"' nats-server.conf | sed 's/user: "\(.*\)"/\1/')
: > segreti/nats-passwords.conf.new
for utente in $utenti; do
  file="segreti/${utente}.password"
  [ -s "$file" ] || openssl rand -base64 33 | tr '+/' '-_' | tr -d '=\n' > "$file"
  # The services run as a non-root user in their images: the file is readable, the directory is not listable.
  chmod 644 "$file"
  variabile="NATS_PASSWORD_$(echo "$utente" | tr 'a-z-' 'A-Z_')"
  printf '%s: "%s"\n' "$variabile" "$(cat "$file")" >> segreti/nats-passwords.conf.new
done
mv segreti/nats-passwords.conf.new segreti/nats-passwords.conf
chmod 644 segreti/nats-passwords.conf

if [ ! -s tls/tls.key ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj '/CN=Ambito NATS CA (prova)' \
    -keyout tls/ca.key -out tls/ca.crt 2>/dev/null
  openssl req -newkey rsa:3072 -nodes -subj '/CN=nats' -keyout tls/tls.key -out tls/tls.csr 2>/dev/null
  printf 'subjectAltName=DNS:nats,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > tls/ext.cnf
  openssl x509 -req -in tls/tls.csr -CA tls/ca.crt -CAkey tls/ca.key -CAcreateserial -days 825 \
    -extfile tls/ext.cnf -out tls/tls.crt 2>/dev/null
  rm -f tls/tls.csr tls/ext.cnf tls/ca.srl
  chmod 644 tls/ca.crt tls/tls.crt tls/tls.key
  echo "tls/: CA privata di prova e certificato del server 'nats' creati (tls/ca.key resta qui, fuori dai container)"
fi
echo "segreti/: password di ${utenti//$'\n'/, }"
