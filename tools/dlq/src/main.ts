import { readFileSync } from 'node:fs';
import { connect } from 'nats';
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
  const nc = await connect({
    servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    name: 'dlq-cli',
    ...(process.env.NATS_USER ? { user: process.env.NATS_USER, pass } : {}),
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
