import type { EntityManager } from 'typeorm';
import type { CausaRecupero, IntestatarioPagamento } from '@ambito/contracts';

/*
 * The liquidazioni, payees and recuperi in SQL (ADR 0006), on the tables of liquidazioni.migration.ts
 * and the erogazioni of the benefici-run lane (`erogazione_mensile`: its `stato`, `liquidazione_id`,
 * `liquidata_il` are this feature's). `mese` is the first day of the month; amounts are the bigint
 * text pg returns, Number() where read (cents of a month are far below 2^53).
 */

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers `[rows, affected]` for it. */
function aggiornate<T>(risultato: unknown): T[] {
  const r = risultato as [T[], number] | T[];
  return r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? (r[0] as T[]) : (r as T[]);
}

/** A month due and not yet prepared for liquidation, with what the liquidazione needs of its beneficio. */
export interface ErogazioneDaPreparare {
  id: string;
  beneficio_id: string;
  importo_dovuto_centesimi: string;
  impegno_id: string;
}

/**
 * The next page of the ambito's months `da-liquidare` without a liquidazione yet, by beneficio
 * (keyset), locked; rows another preparation holds are skipped (it prepares them).
 */
export async function erogazioniDaPreparare(
  m: EntityManager,
  ambito: string,
  mese: string,
  dopo: string | null,
  limite: number,
): Promise<ErogazioneDaPreparare[]> {
  return m.query<ErogazioneDaPreparare[]>(
    `SELECT e.id, e.beneficio_id, e.importo_dovuto_centesimi, b.impegno_id
       FROM erogazione_mensile e JOIN beneficio b ON b.id = e.beneficio_id
      WHERE e.ambito = $1 AND e.mese = $2::date AND e.stato = 'da-liquidare'
        AND ($3::uuid IS NULL OR e.beneficio_id > $3)
        AND NOT EXISTS (SELECT 1 FROM liquidazione_mensile l WHERE l.erogazione_id = e.id)
      ORDER BY e.beneficio_id LIMIT $4
      FOR UPDATE OF e SKIP LOCKED`,
    [ambito, mese, dopo, limite],
  );
}

export interface RecuperoAperto {
  id: string;
  beneficio_id: string;
  residuo: string;
}

/** The recuperi of these benefici still to set against payments (not claimed), oldest first, locked. */
export async function recuperiDaCompensare(m: EntityManager, benefici: string[]): Promise<RecuperoAperto[]> {
  if (benefici.length === 0) return [];
  return m.query<RecuperoAperto[]>(
    `SELECT id, beneficio_id, importo_centesimi - compensato_centesimi AS residuo
       FROM recupero
      WHERE beneficio_id = ANY ($1::uuid[]) AND richiesto_il IS NULL AND compensato_centesimi < importo_centesimi
      ORDER BY registrato_il, id FOR UPDATE`,
    [benefici],
  );
}

export interface NuovaLiquidazioneMensile {
  id: string;
  erogazioneId: string;
  beneficioId: string;
  chiave: string;
  impegnoId: string;
  dovuto: number;
  compensato: number;
}

/** Prepared liquidazioni (`in-attesa`); one whose month already has one is left out. Returns the ids written. */
export async function inserisciLiquidazioni(
  m: EntityManager,
  ambito: string,
  mese: string,
  righe: NuovaLiquidazioneMensile[],
): Promise<Set<string>> {
  if (righe.length === 0) return new Set();
  const col = <T>(f: (r: NuovaLiquidazioneMensile) => T) => righe.map(f);
  const scritte = await m.query<Array<{ id: string }>>(
    `INSERT INTO liquidazione_mensile (id, erogazione_id, beneficio_id, ambito, mese, chiave_idempotenza, impegno_id,
       importo_dovuto_centesimi, compensato_centesimi, importo_liquidato_centesimi, stato)
     SELECT x.id, x.erogazione, x.beneficio, $1, $2::date, x.chiave, x.impegno, x.dovuto, x.compensato,
            x.dovuto - x.compensato, 'in-attesa'
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::bigint[], $9::bigint[])
            AS x(id, erogazione, beneficio, chiave, impegno, dovuto, compensato)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      ambito,
      mese,
      col((r) => r.id),
      col((r) => r.erogazioneId),
      col((r) => r.beneficioId),
      col((r) => r.chiave),
      col((r) => r.impegnoId),
      col((r) => r.dovuto),
      col((r) => r.compensato),
    ],
  );
  return new Set(scritte.map((r) => r.id));
}

/** What liquidazioni withhold of recuperi, and the recuperi's running total. */
export async function inserisciCompensazioni(
  m: EntityManager,
  righe: Array<{ recuperoId: string; liquidazioneId: string; importo: number }>,
): Promise<void> {
  if (righe.length === 0) return;
  await m.query(
    `INSERT INTO compensazione_recupero (recupero_id, liquidazione_id, importo_centesimi)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])`,
    [righe.map((r) => r.recuperoId), righe.map((r) => r.liquidazioneId), righe.map((r) => r.importo)],
  );
  await m.query(
    `UPDATE recupero r SET compensato_centesimi = r.compensato_centesimi + x.importo
       FROM (SELECT recupero_id, sum(importo) AS importo
               FROM unnest($1::uuid[], $2::bigint[]) AS u(recupero_id, importo) GROUP BY recupero_id) x
      WHERE r.id = x.recupero_id`,
    [righe.map((r) => r.recuperoId), righe.map((r) => r.importo)],
  );
}

export interface LiquidazioneInAttesa {
  id: string;
  erogazione_id: string;
  beneficio_id: string;
  persona_id: string;
  misura: string;
  strumento: string;
  chiave_idempotenza: string;
  impegno_id: string;
  importo_dovuto_centesimi: string;
  compensato_centesimi: string;
  importo_liquidato_centesimi: string;
}

/** The next page of prepared liquidazioni still waiting for the budget, by beneficio (keyset). */
export async function liquidazioniInAttesa(
  m: EntityManager,
  ambito: string,
  mese: string,
  dopo: string | null,
  limite: number,
): Promise<LiquidazioneInAttesa[]> {
  return m.query<LiquidazioneInAttesa[]>(
    `SELECT l.id, l.erogazione_id, l.beneficio_id, b.persona_id, b.misura, b.strumento, l.chiave_idempotenza,
            l.impegno_id, l.importo_dovuto_centesimi, l.compensato_centesimi, l.importo_liquidato_centesimi
       FROM liquidazione_mensile l JOIN beneficio b ON b.id = l.beneficio_id
      WHERE l.ambito = $1 AND l.mese = $2::date AND l.stato = 'in-attesa'
        AND ($3::uuid IS NULL OR l.beneficio_id > $3)
      ORDER BY l.beneficio_id LIMIT $4`,
    [ambito, mese, dopo, limite],
  );
}

/**
 * The liquidazioni the budget answered: `liquidata` with the budget's id (null when all was withheld),
 * and their erogazioni `liquidata` with this liquidazione's id. Only those still `in-attesa` (a
 * concurrent worker may have closed some): the ids closed here.
 */
export async function segnaLiquidate(
  m: EntityManager,
  righe: Array<{ id: string; budgetId: string | null }>,
): Promise<Set<string>> {
  if (righe.length === 0) return new Set();
  const chiuse = aggiornate<{ id: string; erogazione_id: string }>(
    await m.query(
      `UPDATE liquidazione_mensile l SET stato = 'liquidata', liquidazione_budget_id = x.budget, liquidata_il = now(),
            ultimo_errore = NULL
       FROM unnest($1::uuid[], $2::uuid[]) AS x(id, budget)
      WHERE l.id = x.id AND l.stato = 'in-attesa'
     RETURNING l.id, l.erogazione_id`,
      [righe.map((r) => r.id), righe.map((r) => r.budgetId)],
    ),
  );
  if (chiuse.length > 0)
    await m.query(
      `UPDATE erogazione_mensile e SET stato = 'liquidata', liquidazione_id = x.id, liquidata_il = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS x(id, erogazione)
        WHERE e.id = x.erogazione AND e.stato = 'da-liquidare'`,
      [chiuse.map((r) => r.id), chiuse.map((r) => r.erogazione_id)],
    );
  return new Set(chiuse.map((r) => r.id));
}

/** A liquidazione the budget refused: it stays `in-attesa` with the reason, for the operator. */
export async function segnaErrore(m: EntityManager, id: string, errore: string): Promise<void> {
  await m.query(`UPDATE liquidazione_mensile SET ultimo_errore = $2 WHERE id = $1 AND stato = 'in-attesa'`, [
    id,
    errore.slice(0, 500),
  ]);
}

export interface TotaliLiquidazioni {
  mensilita: number;
  preparate: number;
  liquidate: number;
  in_attesa: number;
  dovuto: number;
  compensato: number;
  liquidato: number;
  errore: string | null;
}

/** The month's totals: months due (erogazioni with an amount), prepared, liquidated, waiting. */
export async function totaliLiquidazioni(
  m: EntityManager,
  ambito: string,
  mese: string,
): Promise<TotaliLiquidazioni> {
  const [r] = await m.query<Array<Record<string, string | null>>>(
    `SELECT (SELECT count(*) FROM erogazione_mensile
              WHERE ambito = $1 AND mese = $2::date AND stato <> 'nulla') AS mensilita,
            count(l.id) AS preparate,
            count(l.id) FILTER (WHERE l.stato = 'liquidata') AS liquidate,
            count(l.id) FILTER (WHERE l.stato = 'in-attesa') AS in_attesa,
            coalesce(sum(l.importo_dovuto_centesimi) FILTER (WHERE l.stato = 'liquidata'), 0) AS dovuto,
            coalesce(sum(l.compensato_centesimi) FILTER (WHERE l.stato = 'liquidata'), 0) AS compensato,
            coalesce(sum(l.importo_liquidato_centesimi) FILTER (WHERE l.stato = 'liquidata'), 0) AS liquidato,
            max(l.ultimo_errore) AS errore
       FROM liquidazione_mensile l WHERE l.ambito = $1 AND l.mese = $2::date`,
    [ambito, mese],
  );
  return {
    mensilita: Number(r.mensilita),
    preparate: Number(r.preparate),
    liquidate: Number(r.liquidate),
    in_attesa: Number(r.in_attesa),
    dovuto: Number(r.dovuto),
    compensato: Number(r.compensato),
    liquidato: Number(r.liquidato),
    errore: r.errore,
  };
}

/** A month liquidated after its beneficio ended: what was paid and what the month's computation used. */
export interface MesePagatoDopoLaFine {
  liquidazione_id: string;
  beneficio_id: string;
  ambito: string;
  mese: string;
  importo_dovuto_centesimi: string;
  importo_mensile_centesimi: string;
  giorni_mese: number;
  giorni_dovuti: number;
  termina_dal: string;
  causa_fine: string | null;
  mese_parziale: string | null;
}

/**
 * The ambito's months liquidated that end on or after their beneficio's end (revoca, cessazione: a
 * death reported after the month was paid) and have no recupero yet, with the rule set's handling of a
 * partial month.
 */
export async function mesiPagatiDopoLaFine(
  m: EntityManager,
  ambito: string,
): Promise<MesePagatoDopoLaFine[]> {
  return m.query<MesePagatoDopoLaFine[]>(
    `SELECT l.id AS liquidazione_id, l.beneficio_id, l.ambito, to_char(l.mese, 'YYYY-MM-DD') AS mese,
            l.importo_dovuto_centesimi, e.importo_mensile_centesimi, e.giorni_mese, e.giorni_dovuti,
            to_char(b.termina_dal, 'YYYY-MM-DD') AS termina_dal, b.causa_fine,
            r.parametri->'erogazione'->>'meseParziale' AS mese_parziale
       FROM liquidazione_mensile l
       JOIN beneficio b ON b.id = l.beneficio_id
       JOIN erogazione_mensile e ON e.id = l.erogazione_id
       JOIN regole_misura r ON r.id = e.regole_id
      WHERE l.ambito = $1 AND l.stato = 'liquidata' AND b.termina_dal IS NOT NULL
        AND (l.mese + interval '1 month') > b.termina_dal
        AND NOT EXISTS (SELECT 1 FROM recupero x WHERE x.liquidazione_id = l.id)
      ORDER BY l.beneficio_id, l.mese`,
    [ambito],
  );
}

export interface NuovoRecupero {
  id: string;
  beneficioId: string;
  ambito: string;
  liquidazioneId: string;
  mese: string;
  causa: CausaRecupero;
  importo: number;
  motivo: string;
  dettaglio: unknown;
  registratoDa: string;
}

/** A recupero; `false` if that month already has one (uq_recupero_mese). */
export async function inserisciRecupero(m: EntityManager, r: NuovoRecupero): Promise<boolean> {
  const righe = await m.query<Array<{ id: string }>>(
    `INSERT INTO recupero (id, beneficio_id, ambito, liquidazione_id, mese, causa, importo_centesimi, motivo,
                           dettaglio, registrato_da)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10)
     ON CONFLICT ON CONSTRAINT uq_recupero_mese DO NOTHING RETURNING id`,
    [
      r.id,
      r.beneficioId,
      r.ambito,
      r.liquidazioneId,
      r.mese,
      r.causa,
      r.importo,
      r.motivo,
      JSON.stringify(r.dettaglio),
      r.registratoDa,
    ],
  );
  return righe.length === 1;
}

export interface RecuperoRow {
  id: string;
  beneficio_id: string;
  ambito: string;
  mese: string;
  causa: CausaRecupero;
  importo_centesimi: string;
  compensato_centesimi: string;
  motivo: string;
  richiesta_numero: string | null;
  richiesta_data: string | null;
  registrato_il: Date;
  beneficio_attivo: boolean;
}

const SELECT_RECUPERO = `
  SELECT r.id, r.beneficio_id, r.ambito, to_char(r.mese, 'YYYY-MM') AS mese, r.causa, r.importo_centesimi,
         r.compensato_centesimi, r.motivo, r.richiesta_numero, to_char(r.richiesta_data, 'YYYY-MM-DD') AS richiesta_data,
         r.registrato_il, b.stato = 'attivo' AS beneficio_attivo
    FROM recupero r JOIN beneficio b ON b.id = r.beneficio_id`;

export async function recuperiDelBeneficio(m: EntityManager, beneficioId: string): Promise<RecuperoRow[]> {
  return m.query<RecuperoRow[]>(
    `${SELECT_RECUPERO} WHERE r.beneficio_id = $1 ORDER BY r.mese, r.registrato_il`,
    [beneficioId],
  );
}

export async function recuperoPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<RecuperoRow | null> {
  const [r] = await m.query<RecuperoRow[]>(
    `${SELECT_RECUPERO} WHERE r.id = $1${opzioni.blocca ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return r ?? null;
}

export async function richiediRecupero(
  m: EntityManager,
  id: string,
  atto: { numero: string; data: string },
  da: string,
): Promise<void> {
  await m.query(
    `UPDATE recupero SET richiesta_numero = $2, richiesta_data = $3, richiesto_da = $4, richiesto_il = now()
      WHERE id = $1`,
    [id, atto.numero, atto.data, da],
  );
}

/** The liquidazione of a beneficio's month, if liquidated. */
export async function liquidazioneDelMese(
  m: EntityManager,
  beneficioId: string,
  mese: string,
): Promise<{ id: string; ambito: string; importo_dovuto_centesimi: string; stato: string } | null> {
  const [r] = await m.query<
    Array<{ id: string; ambito: string; importo_dovuto_centesimi: string; stato: string }>
  >(
    `SELECT id, ambito, importo_dovuto_centesimi, stato FROM liquidazione_mensile
      WHERE beneficio_id = $1 AND mese = $2::date`,
    [beneficioId, mese],
  );
  return r ?? null;
}

export interface PagamentoRow {
  beneficio_id: string;
  intestatario: IntestatarioPagamento;
  nominativo: string;
  codice_fiscale: string;
  iban: string;
  delega: string | null;
  versione: number;
  registrato_il: Date;
}

/** Who is paid: a new row or a new version of it. */
export async function salvaPagamento(
  m: EntityManager,
  p: Omit<PagamentoRow, 'versione' | 'registrato_il'> & { registratoDa: string },
): Promise<PagamentoRow> {
  const [r] = await m.query<PagamentoRow[]>(
    `INSERT INTO pagamento_beneficio (beneficio_id, intestatario, nominativo, codice_fiscale, iban, delega, registrato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (beneficio_id) DO UPDATE
       SET intestatario = EXCLUDED.intestatario, nominativo = EXCLUDED.nominativo,
           codice_fiscale = EXCLUDED.codice_fiscale, iban = EXCLUDED.iban, delega = EXCLUDED.delega,
           registrato_da = EXCLUDED.registrato_da, registrato_il = now(),
           versione = pagamento_beneficio.versione + 1
     RETURNING *`,
    [p.beneficio_id, p.intestatario, p.nominativo, p.codice_fiscale, p.iban, p.delega, p.registratoDa],
  );
  return r;
}

export async function pagamentoPerBeneficio(
  m: EntityManager,
  beneficioId: string,
): Promise<PagamentoRow | null> {
  const [r] = await m.query<PagamentoRow[]>(`SELECT * FROM pagamento_beneficio WHERE beneficio_id = $1`, [
    beneficioId,
  ]);
  return r ?? null;
}

export interface VoceElencoRow {
  beneficio_id: string;
  persona_id: string;
  ambito: string;
  protocollo_anno: number;
  protocollo_numero: number;
  misura: string;
  strumento: string;
  importo_dovuto_centesimi: string;
  compensato_centesimi: string;
  importo_liquidato_centesimi: string;
  impegno_id: string;
  liquidazione_budget_id: string | null;
  intestatario: IntestatarioPagamento | null;
  nominativo: string | null;
  codice_fiscale: string | null;
  iban: string | null;
}

const VOCI_ELENCO = `
    SELECT l.beneficio_id, b.persona_id,
           i.ambito, i.protocollo_anno, i.protocollo_numero,
           b.misura, b.strumento, l.importo_dovuto_centesimi, l.compensato_centesimi, l.importo_liquidato_centesimi,
           l.impegno_id, l.liquidazione_budget_id, p.intestatario, p.nominativo, p.codice_fiscale, p.iban
      FROM liquidazione_mensile l
      JOIN beneficio b ON b.id = l.beneficio_id
      JOIN istanza i ON i.id = b.istanza_id
      LEFT JOIN pagamento_beneficio p ON p.beneficio_id = l.beneficio_id
     WHERE l.ambito = $1 AND l.mese = $2::date AND l.stato = 'liquidata'`;

/**
 * The month's liquidated payments with their payees, by protocol: a page (`offset`, `limite`) or, for
 * the CSV's parts, the rows after a cursor (the last row's protocol and beneficio: rows liquidated
 * meanwhile never shift the next part).
 */
export async function vociElenco(
  m: EntityManager,
  ambito: string,
  mese: string,
  pagina: { offset?: number; limite: number; dopo?: { anno: number; numero: number; beneficioId: string } },
): Promise<VoceElencoRow[]> {
  const dopo = pagina.dopo ?? null;
  return m.query<VoceElencoRow[]>(
    `${VOCI_ELENCO}
       AND ($5::int IS NULL OR (i.protocollo_anno, i.protocollo_numero, l.beneficio_id) > ($5, $6, $7::uuid))
     ORDER BY i.protocollo_anno, i.protocollo_numero, l.beneficio_id
     OFFSET $3 LIMIT $4`,
    [
      ambito,
      mese,
      pagina.offset ?? 0,
      pagina.limite,
      dopo?.anno ?? null,
      dopo?.numero ?? null,
      dopo?.beneficioId ?? null,
    ],
  );
}

/** What the month's totals need of every row: the amount and the IBAN (checked again in the service). */
export async function importiElenco(
  m: EntityManager,
  ambito: string,
  mese: string,
): Promise<Array<{ importo_liquidato_centesimi: string; iban: string | null }>> {
  return m.query(
    `SELECT l.importo_liquidato_centesimi, p.iban
       FROM liquidazione_mensile l
       LEFT JOIN pagamento_beneficio p ON p.beneficio_id = l.beneficio_id
      WHERE l.ambito = $1 AND l.mese = $2::date AND l.stato = 'liquidata'`,
    [ambito, mese],
  );
}
