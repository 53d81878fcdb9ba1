import { readFileSync } from 'node:fs';
import { connect } from 'nats';
import { inboxPrefix } from '@ambito/contracts';
import { DeadLetterNotFound } from './dlq-admin';
import { runDlqCommand, USO, UsoErrato } from './dlq-command';

/** `npm run dlq -- list|show|replay …`: the operator's command for dead letters (docs/operations.md). */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0])) {
    console.log(USO);
    return 0;
  }
  if (!['list', 'show', 'replay'].includes(argv[0])) throw new UsoErrato(`comando sconosciuto: ${argv[0]}`);
  const passwordFile = process.env.NATS_PASSWORD_FILE;
  const pass = passwordFile ? readFileSync(passwordFile, 'utf8').trim() : process.env.NATS_PASSWORD;
  const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const caFile = process.env.NATS_TLS_CA_FILE;
  const nc = await connect({
    servers: url,
    name: 'dlq-cli',
    // The server lets the `operatore` user read only its own inbox (libs/contracts/src/bus).
    ...(process.env.NATS_USER
      ? { user: process.env.NATS_USER, pass, inboxPrefix: inboxPrefix(process.env.NATS_USER) }
      : {}),
    // nats.js ignores the URL scheme: `tls://` or a CA makes TLS required.
    ...(url.startsWith('tls://') || caFile ? { tls: caFile ? { caFile } : {} } : {}),
  });
  try {
    return await runDlqCommand(
      argv,
      nc,
      (line) => console.log(line),
      (line) => console.error(line),
    );
  } finally {
    await nc.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsoErrato) {
      console.error(`${error.message}\n\n${USO}`);
      process.exit(2);
    }
    console.error(
      error instanceof DeadLetterNotFound ? error.message : `errore: ${(error as Error)?.message ?? error}`,
    );
    process.exit(1);
  },
);
