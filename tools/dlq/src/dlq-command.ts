import type { NatsConnection } from 'nats';
import {
  listDeadLetters,
  replayAll,
  replayDeadLetter,
  showDeadLetter,
  type DeadLetter,
  type ReplayResult,
} from './dlq-admin';

export const USO = `Uso: npm run dlq -- <comando> [opzioni]

  list [--servizio S] [--consumer C]        elenca le dead letter (rif, quando, consumatore, motivo, tipo, evento, errore)
  show <rif> [--full]                       intestazioni e busta di una dead letter; i valori del payload sono
                                            oscurati, --full li mostra (dati personali: solo se serve)
  replay <rif>                              ripropone la dead letter al solo consumatore che ha fallito e
                                            attende l'esito; riuscita = la dead letter è rimossa
  replay --all [--servizio S] [--consumer C] ripropone tutte quelle che corrispondono

  <rif> è <servizio>/<seq> come in "list" (o <seq> con --servizio). Opzioni comuni: --attesa <secondi> (60).
  Connessione: NATS_URL (nats://127.0.0.1:4222), NATS_USER, NATS_PASSWORD o NATS_PASSWORD_FILE.`;

export class UsoErrato extends Error {}

interface Parsed {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

function parse(argv: string[]): Parsed {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (['full', 'all'].includes(name)) flags[name] = true;
    else if (
      ['servizio', 'consumer', 'attesa'].includes(name) &&
      rest[i + 1] &&
      !rest[i + 1].startsWith('--')
    ) {
      flags[name] = rest[++i];
    } else throw new UsoErrato(`opzione sconosciuta o senza valore: ${arg}`);
  }
  return { command, positional, flags };
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** Runs one command; writes the answer through `out` (stdout) and warnings through `warn` (stderr). Returns the exit code. */
export async function runDlqCommand(
  argv: string[],
  nc: NatsConnection,
  out: (line: string) => void,
  warn: (line: string) => void,
): Promise<number> {
  const { command, positional, flags } = parse(argv);
  const filter = { service: str(flags.servizio), consumer: str(flags.consumer) };
  const waitMs = flags.attesa ? Number(flags.attesa) * 1000 : undefined;
  if (waitMs !== undefined && !(waitMs >= 0)) throw new UsoErrato('--attesa vuole un numero di secondi');
  switch (command) {
    case 'list': {
      const letters = await listDeadLetters(nc, filter);
      if (letters.length === 0) out('Nessuna dead letter.');
      else out(table(letters));
      return 0;
    }
    case 'show': {
      if (positional.length !== 1)
        throw new UsoErrato('show vuole un riferimento, es. show presa-in-carico/3');
      warn(
        flags.full
          ? 'ATTENZIONE: la busta completa può contenere dati personali (anche di categorie particolari, art. 9 GDPR). ' +
              'Mostrarla è una scelta dell’operatore: non copiarla in ticket, chat o log.'
          : 'Valori del payload oscurati (restano gli identificativi). --full li mostra: contengono dati personali.',
      );
      const shown = await showDeadLetter(nc, positional[0], {
        full: flags.full === true,
        service: filter.service,
      });
      out(JSON.stringify({ headers: shown.headers, envelope: shown.envelope }, null, 2));
      return 0;
    }
    case 'replay': {
      let results: ReplayResult[];
      if (flags.all) {
        if (positional.length > 0) throw new UsoErrato('replay --all non vuole un riferimento');
        results = await replayAll(nc, filter, { waitMs });
      } else {
        if (positional.length !== 1) throw new UsoErrato('replay vuole un riferimento, oppure --all');
        results = [await replayDeadLetter(nc, positional[0], { service: filter.service, waitMs })];
      }
      if (results.length === 0) out('Nessuna dead letter da riproporre.');
      for (const r of results) {
        out(`${r.ref}\t${r.consumer}\t${r.eventId}\t${DESCRIZIONE_ESITO[r.outcome]}`);
      }
      return results.every((r) => r.outcome === 'riuscita') ? 0 : 1;
    }
    case '':
    case 'help':
    case '--help':
      out(USO);
      return 0;
    default:
      throw new UsoErrato(`comando sconosciuto: ${command}`);
  }
}

const DESCRIZIONE_ESITO: Record<ReplayResult['outcome'], string> = {
  riuscita: 'riuscita: elaborata dal consumatore, dead letter rimossa',
  fallita: 'fallita: il consumatore ha fallito di nuovo, la dead letter resta (vedere i log del servizio)',
  'in-attesa': 'in attesa: il servizio non l’ha ancora elaborata (è in esecuzione?); resta in coda',
};

function table(letters: DeadLetter[]): string {
  const rows = [
    ['RIF', 'QUANDO', 'CONSUMATORE', 'MOTIVO', 'TIPO', 'EVENTO', 'ERRORE'],
    ...letters.map((l) => [
      l.ref,
      l.time.toISOString().replace(/\.\d+Z$/, 'Z'),
      l.consumer,
      l.reason,
      l.eventType || '-',
      l.eventId || '-',
      l.error.length > 80 ? `${l.error.slice(0, 79)}…` : l.error,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
    .join('\n');
}
