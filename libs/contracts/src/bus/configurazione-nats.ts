import { permessiNats, variabilePassword, type PermessiUtente } from './permessi-nats';

export interface OpzioniConfigurazioneNats {
  /** Default: the platform's users (`permessiNats()`). */
  utenti?: readonly PermessiUtente[];
  /** `host:port` of the clients; absent: from the command line (`-a`, `-p`). */
  ascolto?: string;
  /** `host:port` of the monitoring endpoint (`/healthz`); absent: none, or from the command line. */
  monitoraggio?: string;
  /** JetStream store; absent: JetStream from the command line (`-js -sd`). */
  jetstreamStoreDir?: string;
  /** TLS required of every client, with these files (PEM). */
  tls?: { certFile: string; keyFile: string; caFile?: string };
  /**
   * A file defining the password variables (`NATS_PASSWORD_ACCESSO: "..."`), relative to the
   * configuration's directory. Absent: nats-server takes them from its environment.
   */
  includeSegreti?: string;
  /** First lines (each becomes a `#` comment): where the file comes from, how to regenerate it. */
  intestazione?: readonly string[];
}

const q = (s: string) => JSON.stringify(s);

function lista(valori: readonly string[], rientro: string): string {
  return `[\n${valori.map((v) => `${rientro}  ${q(v)}`).join('\n')}\n${rientro}]`;
}

function utente(p: PermessiUtente): string {
  const righe = [`    # ${p.descrizione}`, '    {', `      user: ${q(p.utente)}`];
  righe.push(`      password: $${variabilePassword(p.utente)}`);
  if (p.publish || p.subscribe) {
    righe.push('      permissions: {');
    // An empty allow list would allow everything: a user without subjects gets a deny of everything.
    righe.push(
      p.publish?.length
        ? `        publish: { allow: ${lista(p.publish, '        ')} }`
        : '        publish: { deny: [">"] }',
    );
    righe.push(
      p.subscribe?.length
        ? `        subscribe: { allow: ${lista(p.subscribe, '        ')} }`
        : '        subscribe: { deny: [">"] }',
    );
    if (p.allowResponses) righe.push('        allow_responses: true');
    righe.push('      }');
  }
  righe.push('    }');
  return righe.join('\n');
}

/**
 * The nats-server configuration text (syntax of nats-server 2.9): the users and their permissions,
 * generated from the declarations; no anonymous user (`no_auth_user` is never set), so a client
 * without valid credentials is refused. Passwords are variables (`$NATS_PASSWORD_<USER>`), never in
 * this text: they come from `includeSegreti` or from nats-server's environment.
 */
export function configurazioneNatsServer(opzioni: OpzioniConfigurazioneNats = {}): string {
  const utenti = opzioni.utenti ?? permessiNats();
  const righe: string[] = (opzioni.intestazione ?? []).map((r) => `# ${r}`);
  if (opzioni.ascolto) righe.push(`listen: ${q(opzioni.ascolto)}`);
  if (opzioni.monitoraggio) righe.push(`http: ${q(opzioni.monitoraggio)}`);
  if (opzioni.jetstreamStoreDir) righe.push(`jetstream {\n  store_dir: ${q(opzioni.jetstreamStoreDir)}\n}`);
  if (opzioni.tls) {
    const { certFile, keyFile, caFile } = opzioni.tls;
    righe.push(
      [
        'tls {',
        `  cert_file: ${q(certFile)}`,
        `  key_file: ${q(keyFile)}`,
        ...(caFile ? [`  ca_file: ${q(caFile)}`] : []),
        '  timeout: 2',
        '}',
      ].join('\n'),
    );
  }
  if (opzioni.includeSegreti) righe.push(`include ${q(opzioni.includeSegreti)}`);
  righe.push(`authorization {\n  users = [\n${utenti.map(utente).join('\n')}\n  ]\n}`);
  return `${righe.join('\n')}\n`;
}

/** The file `includeSegreti` names: one password variable per user. */
export function segretiNatsServer(password: Readonly<Record<string, string>>): string {
  return Object.entries(password)
    .map(([u, p]) => {
      if (!/^[A-Za-z0-9_-]{16,}$/.test(p))
        throw new Error(`password NATS di ${u}: almeno 16 caratteri tra lettere, cifre, "-" e "_"`);
      return `${variabilePassword(u)}: ${q(p)}`;
    })
    .join('\n')
    .concat('\n');
}
