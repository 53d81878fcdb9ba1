import { randomUUID } from 'node:crypto';
import type { AvvisoDiTest } from './graduatorie-fixture';
import { creaIstanza } from './graduatorie-fixture';
import type { TestMisure } from './misure-harness';

/*
 * For the liquidazioni: benefici and their computed months written by SQL in the tables of benefici.migration.ts (lane
 * benefici-run), as the concessione consumer and the monthly run leave them: what the liquidazioni read.
 * The liquidazioni's tests need nothing else of that lane.
 */

export interface BeneficioDiTest {
  id: string;
  personaId: string;
  istanzaId: string;
  impegnoId: string;
}

/** A beneficio of the service's ambito (CREMA) on an istanza of `avviso`, with its budget impegno. */
export async function creaBeneficio(
  svc: TestMisure,
  avviso: AvvisoDiTest,
  b: { protocollo: number; impegnoId: string; mensileCentesimi?: number; dal?: string; al?: string },
): Promise<BeneficioDiTest> {
  const istanza = await creaIstanza(svc, avviso, { protocollo: b.protocollo, esito: 'ammissibile' });
  const id = randomUUID();
  await svc.sql(
    `INSERT INTO beneficio (id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area, strumento,
       importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea, fondo, anno_fondo, impegno_id, regole_id,
       causa_concessione, evento_id)
     VALUES ($1, 'CREMA', $2, $3, $4, $5, 'b2', 'anziani', 'buono-caregiver', $6::bigint, $6::bigint * 12, $7, $8, '7.10.1', 'FNA-B2',
             2024, $9, $10, 'approvazione', $11)`,
    [
      id,
      istanza.id,
      istanza.personaId,
      avviso.avvisoId,
      Object.values(avviso.graduatorie)[0],
      b.mensileCentesimi ?? 40_000,
      b.dal ?? '2025-04-01',
      b.al ?? '2026-03-31',
      b.impegnoId,
      avviso.regoleId,
      randomUUID(),
    ],
  );
  return { id, personaId: istanza.personaId, istanzaId: istanza.id, impegnoId: b.impegnoId };
}

/**
 * A completed run of `mese` (AAAA-MM) with one computed month per beneficio: the whole amount unless
 * `dovuto` says otherwise (0 for a month with nothing due).
 */
export async function creaMese(
  svc: TestMisure,
  regoleId: string,
  mese: string,
  righe: Array<{ beneficioId: string; mensile?: number; dovuto?: number; giorniDovuti?: number }>,
): Promise<string[]> {
  const runId = randomUUID();
  const giorni = new Date(Date.UTC(Number(mese.slice(0, 4)), Number(mese.slice(5, 7)), 0)).getUTCDate();
  await svc.sql(
    `INSERT INTO erogazione_run (id, ambito, mese, stato, benefici_totali, benefici_elaborati, avviata_da, conclusa_il)
     VALUES ($1, 'CREMA', $2::date, 'completata', $3, $3, 'udp', now())`,
    [runId, `${mese}-01`, righe.length],
  );
  const ids: string[] = [];
  for (const r of righe) {
    const id = randomUUID();
    const mensile = r.mensile ?? 40_000;
    const dovuto = r.dovuto ?? mensile;
    await svc.sql(
      `INSERT INTO erogazione_mensile (id, beneficio_id, ambito, mese, run_id, esito, importo_mensile_centesimi,
         importo_dovuto_centesimi, giorni_mese, giorni_dovuti, regole_id, valutazione, input, stato)
       VALUES ($1, $2, 'CREMA', $3::date, $4, $5, $6, $7, $8, $9, $10, '{}', '{}', $11)`,
      [
        id,
        r.beneficioId,
        `${mese}-01`,
        runId,
        dovuto === mensile ? 'dovuto' : dovuto === 0 ? 'non-dovuto' : 'ridotto',
        mensile,
        dovuto,
        giorni,
        r.giorniDovuti ?? (dovuto === mensile ? giorni : Math.round((dovuto * giorni) / mensile)),
        regoleId,
        dovuto === 0 ? 'nulla' : 'da-liquidare',
      ],
    );
    ids.push(id);
  }
  return ids;
}

/** The end of a beneficio as the benefici lane records it (a death, a definitive admission). */
export async function terminaBeneficio(
  svc: TestMisure,
  beneficioId: string,
  dal: string,
  causa: 'decesso' | 'ricovero-definitivo' = 'decesso',
): Promise<void> {
  await svc.sql(
    `UPDATE beneficio SET stato = $3, termina_dal = $2::date, causa_fine = $4, aggiornato_il = now() WHERE id = $1`,
    [beneficioId, dal, causa === 'decesso' ? 'cessato' : 'revocato', causa],
  );
}
