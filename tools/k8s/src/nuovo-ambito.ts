import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
// The very checks a service runs on its territorio file at start (a pure function of the file): a tool
// may not depend on a data-access library, but a second copy of these rules would drift.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadTerritorioFile } from '@ambito/territorio';
import { ROOT, AMBITI, verifica } from './verifica';

/**
 * `npm run -s ambito:nuovo -- <ambito> --territorio <file> [options]`: the deployment of a new ambito in
 * one step (docker/k8s/README.md). Writes docker/k8s/ambiti/<ambito>/:
 *   ambito/territorio.json      the territorio file (checked), served to the pods as a ConfigMap
 *   ambito/kustomization.yaml   what makes it this ambito: code, identity provider, host, PostgreSQL,
 *                               image versions
 *   demo/, production/          the two overlays (namespace, base, component)
 *   SEGRETI.md                  the Secrets to create before the first apply, and the values to fill in
 * then renders both overlays and checks them (schemas and rules, as `npm run k8s:verifica`).
 */
export interface OpzioniAmbito {
  ambito: string;
  territorio: string;
  codice?: string;
  host?: string;
  postgres?: string;
  registro?: string;
  versione?: string;
  oidcIssuer?: string;
  sovrascrivi?: boolean;
  cartella?: string;
}

const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DA_COMPILARE = 'DA COMPILARE';

/** The services with an image (docker/<app>.Dockerfile): each gets its pinned image. */
export function servizi(): string[] {
  return readdirSync(path.join(ROOT, 'docker'))
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f) => f.replace(/\.Dockerfile$/, ''))
    .sort();
}

export function creaAmbito(o: OpzioniAmbito): { cartella: string; avvisi: string[] } {
  if (!SLUG.test(o.ambito))
    throw new Error(`nome dell'ambito non valido: "${o.ambito}" (minuscolo, es. oglio-po)`);
  const territorio = loadTerritorioFile(path.resolve(o.territorio));
  const codice = o.codice ?? territorio.ambito.codice;
  if (!/^[A-Z0-9-]{2,32}$/.test(codice)) throw new Error(`codice dell'ambito non valido: ${codice}`);
  const cartella = o.cartella ?? path.join(AMBITI, o.ambito);
  if (existsSync(cartella) && !o.sovrascrivi)
    throw new Error(`${path.relative(ROOT, cartella)} esiste già (--sovrascrivi per rifarlo)`);
  const versione =
    o.versione ??
    (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const host = o.host ?? `${o.ambito}.example.it`;
  const postgres = o.postgres ?? '192.0.2.10/32';
  const issuer = o.oidcIssuer ?? `https://idp.example.it/realms/${o.ambito}`;
  const avvisi: string[] = [];
  if (territorio.illustrativo)
    avvisi.push(
      `il territorio contiene dati illustrativi (${territorio.illustrativo.sezioni.join(', ')}): in produzione ` +
        'i servizi rifiutano di partire finché ambito/territorio.json non ha i dati reali',
    );
  if (!o.host) avvisi.push(`host del gateway ${host}: da compilare (--host)`);
  if (!o.postgres) avvisi.push(`indirizzo di PostgreSQL ${postgres}: da compilare (--postgres, CIDR)`);
  if (!o.oidcIssuer) avvisi.push(`fornitore di identità ${issuer}: da compilare (--oidc-issuer)`);

  for (const sub of ['ambito', 'demo', 'production'])
    mkdirSync(path.join(cartella, sub), { recursive: true });
  copyFileSync(path.resolve(o.territorio), path.join(cartella, 'ambito', 'territorio.json'));
  const immagini = servizi()
    .map(
      (s) =>
        `  - { name: ambito/${s}, newName: ${o.registro ? `${o.registro}/` : 'ambito/'}${s}, newTag: '${versione}' }`,
    )
    .join('\n');
  writeFileSync(
    path.join(cartella, 'ambito', 'kustomization.yaml'),
    `# ${territorio.ambito.denominazione} (${codice}): what both overlays share. Made by
#   npm run -s ambito:nuovo -- ${o.ambito} --territorio …
# Edit it here (docker/k8s/README.md); check with npm run -s k8s:verifica.
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
configMapGenerator:
  # The territorio file, mounted by the services at /etc/ambito/territorio/territorio.json (TERRITORIO_FILE).
  - name: ambito-territorio
    files: [territorio.json]
  - name: ambito-config
    behavior: merge
    literals:
      - AMBITO_CODICE=${codice}
      - OIDC_ISSUER=${issuer}
      - OIDC_JWKS_URL=${issuer}/protocol/openid-connect/certs
      - OIDC_AUDIENCE=ambito
# Images pinned by version: a rollout is a change of these tags (docs/operations.md, "Upgrading").
images:
${immagini}
patches:
  - target: { kind: Ingress, name: gateway }
    patch: |-
      - { op: replace, path: /spec/rules/0/host, value: ${host} }
      - { op: replace, path: /spec/tls/0/hosts/0, value: ${host} }
  # PostgreSQL of the ambito: the only address the services and their Jobs may reach on 5432.
  - target: { kind: NetworkPolicy, name: postgres-clients }
    patch: |-
      - { op: replace, path: /spec/egress/0/to/0/ipBlock/cidr, value: ${postgres} }
`,
  );
  for (const [overlay, namespace] of [
    ['demo', `ambito-${o.ambito}-demo`],
    ['production', `ambito-${o.ambito}`],
  ]) {
    writeFileSync(
      path.join(cartella, overlay, 'kustomization.yaml'),
      `# ${territorio.ambito.denominazione}, ${overlay === 'demo' ? 'demonstration' : 'production'}: kubectl apply -k docker/k8s/ambiti/${o.ambito}/${overlay}
# (the Secrets of ../SEGRETI.md first, in the namespace ${namespace}).
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${namespace}
resources:
  - ../../../base
components:
  - ../../../components/${overlay}
  - ../ambito
`,
    );
  }
  const datiServizi = servizi().filter((s) => s !== 'gateway');
  writeFileSync(
    path.join(cartella, 'SEGRETI.md'),
    `# ${territorio.ambito.denominazione}: what to fill in before the first deployment

Values in \`ambito/kustomization.yaml\` (made by \`npm run ambito:nuovo\`; ${DA_COMPILARE} where a default was used):

| what | where | now |
| --- | --- | --- |
| host of the gateway (HTTPS) | Ingress patch | \`${host}\` |
| PostgreSQL's address (CIDR) | NetworkPolicy \`postgres-clients\` patch | \`${postgres}\` |
| identity provider (OIDC issuer) | \`ambito-config\` | \`${issuer}\` |
| image registry and version | \`images\` | \`${o.registro ?? 'ambito'}/…:${versione}\` |
| the territorio | \`ambito/territorio.json\` | ${territorio.illustrativo ? '**illustrative: replace before production**' : 'real data'} |

Secrets, in the namespace of the overlay (\`ambito-${o.ambito}\` for production), before \`kubectl apply -k\`:

    NAMESPACE=ambito-${o.ambito} DATABASE_ADMIN_URL=postgres://…@<host>:5432/ambito \\
      bash tools/k8s/crea-segreti.sh ${datiServizi.join(' ')}

It creates, with new random passwords where they do not exist yet (docs/operations.md, "Rotating"):

- \`ambito-db-admin\` (\`url\`): an administrator of the ambito's database, for the roles' Jobs only;
- \`ambito-db-<service>\` for ${datiServizi.map((s) => `\`${s}\``).join(', ')} (\`url\`, \`migration-url\`,
  \`password\`, \`owner-password\`): the runtime role and the schema owner (docs/database-roles.md);
- \`ambito-nats\`: one password per NATS user (docker/nats/README.md);
- \`ambito-gateway-signing-key\`, \`ambito-actor-trusted-keys\` and the signing keys of the services that
  call another (\`npm run identity:keys\`).

By hand, from the ambito's CA and certificates:

- \`ambito-nats-tls\` (kubernetes.io/tls, SAN \`nats\`, \`nats.ambito-${o.ambito}.svc\`) and the ConfigMap
  \`ambito-nats-ca\` (\`ca.crt\`): docker/nats/README.md;
- \`ambito-gateway-tls\`: the certificate of \`${host}\` for the Ingress (or cert-manager).
`,
  );
  // In the repository's style, so that the test command's formatting check passes on the new files.
  spawnSync('npx', ['prettier', '--write', '--log-level', 'warn', cartella], { cwd: ROOT, stdio: 'inherit' });
  return { cartella, avvisi };
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      territorio: { type: 'string' },
      codice: { type: 'string' },
      host: { type: 'string' },
      postgres: { type: 'string' },
      registro: { type: 'string' },
      versione: { type: 'string' },
      'oidc-issuer': { type: 'string' },
      sovrascrivi: { type: 'boolean' },
    },
  });
  const [ambito] = positionals;
  if (!ambito || !values.territorio) {
    console.error(
      'uso: npm run -s ambito:nuovo -- <ambito> --territorio <file.json> [--codice AT-…] [--host …] ' +
        '[--postgres 10.0.0.5/32] [--registro registry.example.it/ambito] [--versione 0.1.0] [--oidc-issuer https://…] [--sovrascrivi]',
    );
    process.exit(2);
  }
  try {
    const { cartella, avvisi } = creaAmbito({
      ambito,
      territorio: values.territorio,
      codice: values.codice,
      host: values.host,
      postgres: values.postgres,
      registro: values.registro,
      versione: values.versione,
      oidcIssuer: values['oidc-issuer'],
      sovrascrivi: values.sovrascrivi,
    });
    console.log(`creato ${path.relative(ROOT, cartella)}/ (ambito, demo, production, SEGRETI.md)`);
    for (const a of avvisi) console.log(`avviso: ${a}`);
    verifica(['demo', 'production'].map((o) => path.join(cartella, o)))
      .then((ok) => process.exit(ok ? 0 : 1))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  } catch (error) {
    console.error(`ambito:nuovo: ${(error as Error).message}`);
    process.exit(1);
  }
}
