import type { EntityManager } from 'typeorm';
import type { EsitoErogazione, StatoErogazioneMensile, StatoErogazioneRun } from '@ambito/contracts';
import { COLONNE_BENEFICIO, aggiornate, type BeneficioRow } from '../benefici/benefici.sql';

/*
 * The monthly runs and their erogazioni in SQL (ADR 0006). `mese` is the first day of the month
 * (`YYYY-MM-01`). The lane benefici-liquidazioni reads `erogazione_mensile` rows `da-liquidare` and
 * marks them `liquidata` (erogazioniDaLiquidare, segnaLiquidata).
 */

export interface ErogazioneRunRow {
  id: string;
  ambito: string;
  mese: string;
  stato: StatoErogazioneRun;
  benefici_totali: number;
  benefici_elaborati: number;
  mensilita_create: number;
  importo_dovuto_centesimi: string;
  ultimo_beneficio_id: string | null;
  avviata_da: string;
  avviata_il: Date;
  aggiornata_il: Date;
  conclusa_il: Date | null;
  ultimo_errore: { codice: string; messaggio: string } | null;
  /** No page recorded for a while: its process stopped, another request may take the run over. */
  abbandonata: boolean;
}

const COLONNE_RUN = `id, ambito, mese::text AS mese, stato, benefici_totali, benefici_elaborati, mensilita_create,
  importo_dovuto_centesimi, ultimo_beneficio_id, avviata_da, avviata_il, aggiornata_il, conclusa_il, ultimo_errore,
  aggiornata_il < now() - make_interval(secs => $ABBANDONO) AS abbandonata`;

/** Seconds without a page after which a run `in-corso` is taken as abandoned (its process died). */
export const SECONDI_ABBANDONO_RUN = 120;

const colonneRun = (): string => COLONNE_RUN.replace('$ABBANDONO', String(SECONDI_ABBANDONO_RUN));

export interface ErogazioneMensileRow {
  id: string;
  beneficio_id: string;
  ambito: string;
  mese: string;
  run_id: string;
  esito: EsitoErogazione;
  importo_mensile_centesimi: string;
  importo_dovuto_centesimi: string;
  giorni_mese: number;
  giorni_dovuti: number;
  regole_id: string;
  valutazione: unknown;
  input: unknown;
  calcolata_il: Date;
  stato: StatoErogazioneMensile;
  liquidazione_id: string | null;
  liquidata_il: Date | null;
}

const COLONNE_MENSILE = `id, beneficio_id, ambito, mese::text AS mese, run_id, esito, importo_mensile_centesimi,
  importo_dovuto_centesimi, giorni_mese, giorni_dovuti, regole_id, valutazione, input, calcolata_il, stato,
  liquidazione_id, liquidata_il`;

/** The ambito's run of the month not yet completed (at most one: uq_erogazione_run_aperta), locked. */
export async function runAperta(
  m: EntityManager,
  ambito: string,
  mese: string,
): Promise<ErogazioneRunRow | null> {
  const [riga] = await m.query<ErogazioneRunRow[]>(
    `SELECT ${colonneRun()} FROM erogazione_run WHERE ambito = $1 AND mese = $2 AND stato <> 'completata' FOR UPDATE`,
    [ambito, mese],
  );
  return riga ?? null;
}

export async function runPerId(m: EntityManager, id: string): Promise<ErogazioneRunRow | null> {
  const [riga] = await m.query<ErogazioneRunRow[]>(
    `SELECT ${colonneRun()} FROM erogazione_run WHERE id = $1`,
    [id],
  );
  return riga ?? null;
}

/** The runs of an ambito (of one month if given), newest first. */
export async function elencaRun(
  m: EntityManager,
  ambito: string,
  mese: string | null,
  limite: number,
): Promise<ErogazioneRunRow[]> {
  return m.query<ErogazioneRunRow[]>(
    `SELECT ${colonneRun()} FROM erogazione_run WHERE ambito = $1 AND ($2::date IS NULL OR mese = $2)
      ORDER BY avviata_il DESC, id LIMIT $3`,
    [ambito, mese, limite],
  );
}

/**
 * A new run of the month, with the count of benefici it will look at. Inserted under the partial unique
 * index: a concurrent request that inserted first makes this one fail with a unique violation (23505).
 */
export async function nuovaRun(
  m: EntityManager,
  r: { id: string; ambito: string; mese: string; da: string },
): Promise<void> {
  await m.query(
    `INSERT INTO erogazione_run (id, ambito, mese, stato, benefici_totali, avviata_da)
     SELECT $1, $2, $3::date, 'in-corso', count(*), $4 FROM beneficio b WHERE ${BENEFICIO_DEL_MESE('b', '$2', '$3')}`,
    [r.id, r.ambito, r.mese, r.da],
  );
}

/** An interrupted (or abandoned) run taken up again from its cursor; it is stamped so its old worker stops. */
export async function riprendiRun(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE erogazione_run SET stato = 'in-corso', aggiornata_il = now(), ultimo_errore = NULL WHERE id = $1`,
    [id],
  );
}

export async function interrompiRun(
  m: EntityManager,
  id: string,
  errore: { codice: string; messaggio: string },
): Promise<void> {
  await m.query(
    `UPDATE erogazione_run SET stato = 'interrotta', ultimo_errore = $2, aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'`,
    [id, JSON.stringify(errore)],
  );
}

export async function completaRun(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE erogazione_run SET stato = 'completata', conclusa_il = now(), aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'`,
    [id],
  );
}

/**
 * The benefici a month looks at: of the ambito, paid monthly, whose period overlaps the month and that
 * did not end before it. `a` is the table alias, `ambito` and `mese` the SQL parameters.
 */
export const BENEFICIO_DEL_MESE = (a: string, ambito: string, mese: string): string =>
  `${a}.ambito = ${ambito} AND ${a}.importo_mensile_centesimi IS NOT NULL
   AND ${a}.dal <= (${mese}::date + interval '1 month' - interval '1 day')::date AND ${a}.al >= ${mese}::date
   AND (${a}.termina_dal IS NULL OR ${a}.termina_dal > ${mese}::date)`;

/** The next page of benefici after the cursor, in id order. */
export async function paginaBenefici(
  m: EntityManager,
  ambito: string,
  mese: string,
  dopo: string | null,
  limite: number,
): Promise<BeneficioRow[]> {
  return m.query<BeneficioRow[]>(
    `SELECT ${COLONNE_BENEFICIO} FROM beneficio b
      WHERE ${BENEFICIO_DEL_MESE('b', '$1', '$2')} AND ($3::uuid IS NULL OR b.id > $3)
      ORDER BY b.id LIMIT $4`,
    [ambito, mese, dopo, limite],
  );
}

export interface NuovaErogazione {
  id: string;
  beneficio_id: string;
  esito: EsitoErogazione;
  importo_mensile_centesimi: number;
  importo_dovuto_centesimi: number;
  giorni_mese: number;
  giorni_dovuti: number;
  regole_id: string;
  valutazione: unknown;
  input: unknown;
}

/**
 * One page of a run, in the page's transaction: the months not yet computed are inserted (a month
 * already there, from an earlier or a concurrent run, is left as it is: uq_erogazione_mensile), and the
 * run's cursor and counts move — only if the run is still this worker's (`in-corso`, not re-stamped
 * since `aggiornataIl`). Returns null when the run was taken over, else what the page created.
 */
export async function registraPagina(
  m: EntityManager,
  run: { id: string; ambito: string; mese: string },
  righe: readonly NuovaErogazione[],
  cursore: string,
  elaborati: number,
): Promise<{ create: number; importoCentesimi: number } | null> {
  const inserite = righe.length
    ? await m.query<Array<{ importo: string }>>(
        `INSERT INTO erogazione_mensile (id, beneficio_id, ambito, mese, run_id, esito, importo_mensile_centesimi,
           importo_dovuto_centesimi, giorni_mese, giorni_dovuti, regole_id, valutazione, input, stato)
         SELECT r.id, r.beneficio_id, $1, $2::date, $3, r.esito, r.importo_mensile, r.importo_dovuto, r.giorni_mese,
                r.giorni_dovuti, r.regole_id, r.valutazione, r.input,
                CASE WHEN r.importo_dovuto = 0 THEN 'nulla' ELSE 'da-liquidare' END
           FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::bigint[], $8::bigint[], $9::int[], $10::int[],
                       $11::uuid[], $12::jsonb[], $13::jsonb[])
                AS r(id, beneficio_id, esito, importo_mensile, importo_dovuto, giorni_mese, giorni_dovuti, regole_id,
                     valutazione, input)
         ON CONFLICT ON CONSTRAINT uq_erogazione_mensile DO NOTHING
         RETURNING importo_dovuto_centesimi AS importo`,
        [
          run.ambito,
          run.mese,
          run.id,
          righe.map((r) => r.id),
          righe.map((r) => r.beneficio_id),
          righe.map((r) => r.esito),
          righe.map((r) => r.importo_mensile_centesimi),
          righe.map((r) => r.importo_dovuto_centesimi),
          righe.map((r) => r.giorni_mese),
          righe.map((r) => r.giorni_dovuti),
          righe.map((r) => r.regole_id),
          righe.map((r) => JSON.stringify(r.valutazione)),
          righe.map((r) => JSON.stringify(r.input)),
        ],
      )
    : [];
  const importo = inserite.reduce((s, r) => s + Number(r.importo), 0);
  const mia = await aggiornate(
    m,
    `UPDATE erogazione_run
        SET ultimo_beneficio_id = $2, benefici_elaborati = benefici_elaborati + $3,
            mensilita_create = mensilita_create + $4, importo_dovuto_centesimi = importo_dovuto_centesimi + $5,
            aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'
      RETURNING id`,
    [run.id, cursore, elaborati, inserite.length, importo],
  );
  return mia.length === 1 ? { create: inserite.length, importoCentesimi: importo } : null;
}

export type ErogazioneConBeneficio = ErogazioneMensileRow & {
  istanza_id: string;
  persona_id: string;
  strumento: string;
};

/** A page of the months computed for an ambito and month, by beneficio, with the beneficio's ids and the total. */
export async function erogazioniDelMese(
  m: EntityManager,
  ambito: string,
  mese: string,
  limite: number,
  scarto: number,
): Promise<{ righe: ErogazioneConBeneficio[]; totale: number }> {
  const righe = await m.query<ErogazioneConBeneficio[]>(
    `SELECT ${COLONNE_MENSILE.replace(/(^|,\s*)(\w+)/g, '$1e.$2')}, b.istanza_id, b.persona_id, b.strumento
       FROM erogazione_mensile e JOIN beneficio b ON b.id = e.beneficio_id
      WHERE e.ambito = $1 AND e.mese = $2::date
      ORDER BY e.beneficio_id LIMIT $3 OFFSET $4`,
    [ambito, mese, limite, scarto],
  );
  const { mensilita } = await totaliDelMese(m, ambito, mese);
  return { righe, totale: mensilita };
}

/** The totals of an ambito's month: rows and amount due (what every run of the month made together). */
export async function totaliDelMese(
  m: EntityManager,
  ambito: string,
  mese: string,
): Promise<{ mensilita: number; importoCentesimi: number }> {
  const [r] = await m.query<Array<{ mensilita: string; importo: string }>>(
    `SELECT count(*) AS mensilita, coalesce(sum(importo_dovuto_centesimi), 0) AS importo
       FROM erogazione_mensile WHERE ambito = $1 AND mese = $2::date`,
    [ambito, mese],
  );
  return { mensilita: Number(r.mensilita), importoCentesimi: Number(r.importo) };
}

/** A beneficio's months, oldest first. */
export async function erogazioniDelBeneficio(
  m: EntityManager,
  beneficioId: string,
): Promise<ErogazioneConBeneficio[]> {
  return m.query<ErogazioneConBeneficio[]>(
    `SELECT ${COLONNE_MENSILE.replace(/(^|,\s*)(\w+)/g, '$1e.$2')}, b.istanza_id, b.persona_id, b.strumento
       FROM erogazione_mensile e JOIN beneficio b ON b.id = e.beneficio_id
      WHERE e.beneficio_id = $1 ORDER BY e.mese`,
    [beneficioId],
  );
}

/**
 * For the liquidazioni (lane benefici-liquidazioni): the months of an ambito still `da-liquidare`, by
 * beneficio (keyset), locked and skipping those another liquidazione holds.
 */
export async function erogazioniDaLiquidare(
  m: EntityManager,
  ambito: string,
  mese: string,
  dopo: string | null,
  limite: number,
): Promise<ErogazioneMensileRow[]> {
  return m.query<ErogazioneMensileRow[]>(
    `SELECT ${COLONNE_MENSILE} FROM erogazione_mensile
      WHERE ambito = $1 AND mese = $2::date AND stato = 'da-liquidare' AND ($3::uuid IS NULL OR beneficio_id > $3)
      ORDER BY beneficio_id LIMIT $4 FOR UPDATE SKIP LOCKED`,
    [ambito, mese, dopo, limite],
  );
}

/** For the liquidazioni: a month liquidated to budget. `false` if it was not `da-liquidare`. */
export async function segnaLiquidata(m: EntityManager, id: string, liquidazioneId: string): Promise<boolean> {
  const righe = await aggiornate(
    m,
    `UPDATE erogazione_mensile SET stato = 'liquidata', liquidazione_id = $2, liquidata_il = now()
      WHERE id = $1 AND stato = 'da-liquidare' RETURNING id`,
    [id, liquidazioneId],
  );
  return righe.length === 1;
}
