import { randomUUID } from 'node:crypto';
import type { TestAssistentiFamiliari } from './assistenti-familiari-harness';

/*
 * Assistants enrolled straight in the registro's tables, for the sportello's tests: the registro's own
 * flow (candidatura → verifica → iscrizione) has its tests; here only the scheda the matching reads matters.
 */

export interface IscrittoDiProva {
  registro: string;
  sportello: string;
  competenze?: string[];
  lingue?: string[];
  aree: string[];
  convivente?: boolean;
  /** Hour slots of the week (day × 24 + hour). */
  disponibilita: number[];
  stato?: 'attiva' | 'sospesa';
  nome?: string;
}

/** Weekday hours [dalle, alle) of every day from Monday to Friday, as slots. */
export const feriali = (dalle: number, alle: number) =>
  [0, 1, 2, 3, 4].flatMap((g) => Array.from({ length: alle - dalle }, (_, i) => g * 24 + dalle + i));

export async function iscriviDiProva(
  svc: Pick<TestAssistentiFamiliari, 'sql'>,
  i: IscrittoDiProva,
): Promise<{ assistenteId: string; iscrizioneId: string }> {
  const [requisiti] = await svc.sql<{ id: string }>(
    `SELECT id FROM requisiti_iscrizione WHERE registro = $1 ORDER BY versione LIMIT 1`,
    [i.registro],
  );
  const requisitiId = requisiti?.id ?? randomUUID();
  if (!requisiti)
    await svc.sql(
      `INSERT INTO requisiti_iscrizione (id, registro, versione, valido_dal, fonti, parametri, creata_da)
       VALUES ($1, $2, 1, '2025-01-01', '[]', '{}', 'test')`,
      [requisitiId, i.registro],
    );
  const assistenteId = randomUUID();
  const candidaturaId = randomUUID();
  const iscrizioneId = randomUUID();
  const cf = `TST${assistenteId.replace(/-/g, '').slice(0, 13).toUpperCase()}`;
  await svc.sql(
    `INSERT INTO assistente (id, codice_fiscale, nome, cognome, data_nascita, cittadinanza)
     VALUES ($1, $2, $3, 'Prova', '1980-01-01', 'RO')`,
    [assistenteId, cf, i.nome ?? 'Ana'],
  );
  await svc.sql(
    `INSERT INTO candidatura (id, registro, assistente_id, sportello, stato, dichiarazioni, scheda, documenti,
       requisiti_id, verifica, presentata_da, decisa_da, decisa_il)
     VALUES ($1, $2, $3, $4, 'iscritta', '{}', '{}', '[]', $5, '{}', 'test', 'test', now())`,
    [candidaturaId, i.registro, assistenteId, i.sportello, requisitiId],
  );
  const sospesa = (i.stato ?? 'attiva') === 'sospesa';
  await svc.sql(
    `INSERT INTO iscrizione (id, registro, assistente_id, candidatura_id, sportello, stato, iscritta_il, requisiti_id,
       causa_sospensione)
     VALUES ($1, $2, $3, $4, $5, $6, '2025-06-01', $7, $8)`,
    [
      iscrizioneId,
      i.registro,
      assistenteId,
      candidaturaId,
      i.sportello,
      i.stato ?? 'attiva',
      requisitiId,
      sospesa ? 'permesso-scaduto' : null,
    ],
  );
  await svc.sql(
    `INSERT INTO scheda (iscrizione_id, competenze, formazione, disponibilita, lingue, aree, convivente, esperienza_mesi)
     VALUES ($1, $2, '[]', $3, $4, $5, $6, 24)`,
    [iscrizioneId, i.competenze ?? [], i.disponibilita, i.lingue ?? [], i.aree, i.convivente ?? false],
  );
  return { assistenteId, iscrizioneId };
}
