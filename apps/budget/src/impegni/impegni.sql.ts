import type { EntityManager } from 'typeorm';
import type { TipoCreditore } from '@ambito/contracts';
import { istruzionePreparata } from '@ambito/messaging';
import { cents } from '../database/sql';

/*
 * The statements of the impegni feature, each run in the caller's transaction (its EntityManager).
 * Balances are never written here: a movement is inserted and the trigger on `movimento` keeps
 * `saldo_annualita`/`saldo_dotazione`, whose CHECKs refuse an over-commitment (ADR 0003, 0004).
 */

export interface ImpegnoRow {
  id: string;
  chiave_idempotenza: string;
  impronta: string;
  linea: string;
  linea_id: string;
  annualita_id: string;
  fondo: string;
  anno: number;
  descrizione: string;
  riferimento: string | null;
  comune_residenza: string | null;
  importo_iniziale_centesimi: string;
  importo_centesimi: string;
  liquidato_centesimi: string;
  pagato_centesimi: string;
  atto_numero: string | null;
  atto_data: string | null;
  creditore_tipo: TipoCreditore | null;
  creditore_identificativo: string | null;
  creditore_denominazione: string | null;
  registrato_il: Date;
}

export interface LiquidazioneRow {
  id: string;
  impegno_id: string;
  importo_centesimi: string;
  periodo: string | null;
  mandato_id: string | null;
  mandato: string | null;
  registrata_il: Date;
}

/** A dotazione of the line with what it has left to commit (cents). */
export interface DotazioneDisponibile {
  annualitaId: string;
  fondo: string;
  anno: number;
  disponibile: number;
}

export type TipoMovimentoImpegno = 'impegno' | 'riduzione' | 'liquidazione' | 'pagamento';

const SELECT_IMPEGNO = `
  SELECT i.*, to_char(i.atto_data, 'YYYY-MM-DD') AS atto_data, l.codice AS linea, a.fondo, a.anno
    FROM impegno i JOIN linea l ON l.id = i.linea_id JOIN annualita a ON a.id = i.annualita_id`;

/** A liquidazione with the number of the mandato that paid it, if any. */
const SELECT_LIQUIDAZIONE = `
  SELECT q.id, q.impegno_id, q.importo_centesimi, q.periodo, q.mandato_id, m.numero AS mandato, q.registrata_il
    FROM liquidazione q LEFT JOIN mandato m ON m.id = q.mandato_id`;

export async function impegnoPerId(manager: EntityManager, id: string): Promise<ImpegnoRow | undefined> {
  const [impegno] = await manager.query<ImpegnoRow[]>(
    istruzionePreparata(`${SELECT_IMPEGNO} WHERE i.id = $1`),
    [id],
  );
  return impegno;
}

export async function impegnoPerChiave(
  manager: EntityManager,
  chiave: string,
): Promise<ImpegnoRow | undefined> {
  const [impegno] = await manager.query<ImpegnoRow[]>(
    istruzionePreparata(`${SELECT_IMPEGNO} WHERE i.chiave_idempotenza = $1`),
    [chiave],
  );
  return impegno;
}

/** The code of the impegno's line, read without a lock (the caller locks the line, then the impegno). */
export async function lineaDellImpegno(manager: EntityManager, id: string): Promise<string | undefined> {
  const [trovato] = await manager.query<Array<{ linea: string }>>(
    `SELECT l.codice AS linea FROM impegno i JOIN linea l ON l.id = i.linea_id WHERE i.id = $1`,
    [id],
  );
  return trovato?.linea;
}

/** The impegno locked for update (only its row, not the joined line and annualità). */
export async function impegnoBloccato(manager: EntityManager, id: string): Promise<ImpegnoRow | undefined> {
  const [impegno] = await manager.query<ImpegnoRow[]>(`${SELECT_IMPEGNO} WHERE i.id = $1 FOR UPDATE OF i`, [
    id,
  ]);
  return impegno;
}

/**
 * The line's dotazioni (optionally of one fund/annualità) with what each has left, oldest annualità
 * first: their money is the first to expire.
 */
export async function dotazioniDisponibili(
  manager: EntityManager,
  lineaId: string,
  filtro: { fondo: string | null; anno: number | null },
): Promise<DotazioneDisponibile[]> {
  const righe = await manager.query<
    Array<{ annualita_id: string; fondo: string; anno: number; disponibile: string }>
  >(
    istruzionePreparata(`SELECT sd.annualita_id, a.fondo, a.anno, sd.dotato_centesimi - sd.impegnato_centesimi AS disponibile
       FROM saldo_dotazione sd JOIN annualita a ON a.id = sd.annualita_id
      WHERE sd.linea_id = $1 AND ($2::text IS NULL OR a.fondo = $2) AND ($3::int IS NULL OR a.anno = $3)
      ORDER BY a.anno, a.fondo`),
    [lineaId, filtro.fondo, filtro.anno],
  );
  return righe.map((r) => ({
    annualitaId: r.annualita_id,
    fondo: r.fondo,
    anno: r.anno,
    disponibile: cents(r.disponibile),
  }));
}

/** What the whole line has left to commit (cents), read after a movement in the same transaction. */
export async function disponibileDellaLinea(manager: EntityManager, lineaId: string): Promise<number> {
  const [disponibile] = await manager.query<Array<{ d: string | null }>>(
    `SELECT sum(dotato_centesimi - impegnato_centesimi) AS d FROM saldo_dotazione WHERE linea_id = $1`,
    [lineaId],
  );
  return cents(disponibile.d);
}

export async function inserisciImpegno(
  manager: EntityManager,
  i: {
    chiaveIdempotenza: string;
    impronta: string;
    lineaId: string;
    annualitaId: string;
    descrizione: string;
    riferimento: string | null;
    comuneResidenza: string | null;
    importoCentesimi: number;
    registratoDa: string;
    determina: { numero: string; data: string };
    creditore: { tipo: TipoCreditore; identificativo: string; denominazione?: string };
  },
): Promise<string> {
  const [impegno] = await manager.query<Array<{ id: string }>>(
    istruzionePreparata(`INSERT INTO impegno (chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, riferimento,
                          comune_residenza, importo_iniziale_centesimi, registrato_da, atto_numero, atto_data,
                          creditore_tipo, creditore_identificativo, creditore_denominazione)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`),
    [
      i.chiaveIdempotenza,
      i.impronta,
      i.lineaId,
      i.annualitaId,
      i.descrizione,
      i.riferimento,
      i.comuneResidenza,
      i.importoCentesimi,
      i.registratoDa,
      i.determina.numero,
      i.determina.data,
      i.creditore.tipo,
      i.creditore.identificativo,
      i.creditore.denominazione ?? null,
    ],
  );
  return impegno.id;
}

/** A row of the ledger; the trigger on `movimento` updates the balances (and refuses what they forbid). */
export async function inserisciMovimento(
  manager: EntityManager,
  m: {
    tipo: TipoMovimentoImpegno;
    importoCentesimi: number;
    annualitaId: string;
    lineaId: string;
    impegnoId: string;
    liquidazioneId?: string;
    mandatoId?: string;
    causale?: string;
    registratoDa: string;
    correlationId: string | null;
  },
): Promise<void> {
  await manager.query(
    istruzionePreparata(`INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, mandato_id,
                            causale, registrato_da, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`),
    [
      m.tipo,
      m.importoCentesimi,
      m.annualitaId,
      m.lineaId,
      m.impegnoId,
      m.liquidazioneId ?? null,
      m.mandatoId ?? null,
      m.causale ?? null,
      m.registratoDa,
      m.correlationId,
    ],
  );
}

export async function inserisciLiquidazione(
  manager: EntityManager,
  l: {
    impegnoId: string;
    importoCentesimi: number;
    periodo: string | null;
    registrataDa: string;
  },
): Promise<LiquidazioneRow> {
  const [liquidazione] = await manager.query<LiquidazioneRow[]>(
    `INSERT INTO liquidazione (impegno_id, importo_centesimi, periodo, registrata_da)
     VALUES ($1, $2, $3, $4) RETURNING *, NULL::text AS mandato`,
    [l.impegnoId, l.importoCentesimi, l.periodo, l.registrataDa],
  );
  return liquidazione;
}

/** The liquidazioni of a mandato, each with its impegno's line and annualità. */
export interface LiquidazioneDaPagare extends LiquidazioneRow {
  linea_id: string;
  linea: string;
  annualita_id: string;
}

/**
 * The liquidazioni named by a mandato, with their impegni's lines. Read without a lock: the caller
 * locks the lines, then the liquidazioni (`liquidazioniBloccate`), in the order of the ledger.
 */
export async function liquidazioniDaPagare(
  manager: EntityManager,
  ids: string[],
): Promise<LiquidazioneDaPagare[]> {
  return manager.query<LiquidazioneDaPagare[]>(
    `SELECT q.*, NULL::text AS mandato, i.linea_id, l.codice AS linea, i.annualita_id
       FROM liquidazione q JOIN impegno i ON i.id = q.impegno_id JOIN linea l ON l.id = i.linea_id
      WHERE q.id = ANY ($1::uuid[]) ORDER BY q.id`,
    [ids],
  );
}

/** The liquidazioni locked for update, in id order (every mandato locks them in the same order). */
export async function liquidazioniBloccate(
  manager: EntityManager,
  ids: string[],
): Promise<LiquidazioneRow[]> {
  return manager.query<LiquidazioneRow[]>(
    `SELECT q.*, NULL::text AS mandato FROM liquidazione q WHERE q.id = ANY ($1::uuid[]) ORDER BY q.id FOR UPDATE`,
    [ids],
  );
}

export interface MandatoRow {
  id: string;
  numero: string;
  esercizio: number;
  data: string | null;
  importo: string | null;
  liquidazioni: string[] | null;
}

const SELECT_MANDATO = `
  SELECT m.id, m.numero, m.esercizio, to_char(m.data, 'YYYY-MM-DD') AS data,
         (SELECT sum(importo_centesimi) FROM liquidazione WHERE mandato_id = m.id) AS importo,
         (SELECT array_agg(id::text ORDER BY id) FROM liquidazione WHERE mandato_id = m.id) AS liquidazioni
    FROM mandato m`;

export async function mandatoPerNumero(
  manager: EntityManager,
  esercizio: number,
  numero: string,
): Promise<MandatoRow | undefined> {
  const [m] = await manager.query<MandatoRow[]>(
    `${SELECT_MANDATO} WHERE m.esercizio = $1 AND m.numero = $2`,
    [esercizio, numero],
  );
  return m;
}

export async function mandatoPerId(manager: EntityManager, id: string): Promise<MandatoRow | undefined> {
  const [m] = await manager.query<MandatoRow[]>(`${SELECT_MANDATO} WHERE m.id = $1`, [id]);
  return m;
}

export async function inserisciMandato(
  manager: EntityManager,
  m: { numero: string; data: string; registratoDa: string },
): Promise<string> {
  const [mandato] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO mandato (numero, esercizio, data, registrato_da)
     VALUES ($1, extract(year FROM $2::date)::int, $2, $3) RETURNING id`,
    [m.numero, m.data, m.registratoDa],
  );
  return mandato.id;
}

/** The only update a liquidazione admits (a trigger refuses any other): the mandato that paid it. */
export async function impostaMandato(
  manager: EntityManager,
  ids: string[],
  mandatoId: string,
): Promise<void> {
  await manager.query(`UPDATE liquidazione SET mandato_id = $2 WHERE id = ANY ($1::uuid[])`, [
    ids,
    mandatoId,
  ]);
}

export async function liquidazioniDellImpegno(
  manager: EntityManager,
  impegnoId: string,
): Promise<LiquidazioneRow[]> {
  return manager.query<LiquidazioneRow[]>(
    istruzionePreparata(`${SELECT_LIQUIDAZIONE} WHERE q.impegno_id = $1 ORDER BY q.registrata_il`),
    [impegnoId],
  );
}

/** The impegni with these keys (any order): a batch finds which of its items exist already. */
export async function impegniPerChiavi(manager: EntityManager, chiavi: string[]): Promise<ImpegnoRow[]> {
  return manager.query<ImpegnoRow[]>(`${SELECT_IMPEGNO} WHERE i.chiave_idempotenza = ANY ($1::text[])`, [
    chiavi,
  ]);
}

export async function impegniPerId(manager: EntityManager, ids: string[]): Promise<ImpegnoRow[]> {
  return manager.query<ImpegnoRow[]>(`${SELECT_IMPEGNO} WHERE i.id = ANY ($1::uuid[])`, [ids]);
}

/** The liquidazioni of several impegni, in one statement. */
export async function liquidazioniDegliImpegni(
  manager: EntityManager,
  impegniIds: string[],
): Promise<LiquidazioneRow[]> {
  return manager.query<LiquidazioneRow[]>(
    `${SELECT_LIQUIDAZIONE} WHERE q.impegno_id = ANY ($1::uuid[]) ORDER BY q.registrata_il`,
    [impegniIds],
  );
}

export interface NuovoImpegno {
  chiaveIdempotenza: string;
  impronta: string;
  annualitaId: string;
  descrizione: string;
  riferimento: string | null;
  comuneResidenza: string | null;
  importoCentesimi: number;
  determina: { numero: string; data: string };
  creditore: { tipo: TipoCreditore; identificativo: string; denominazione?: string };
}

/**
 * The impegni of a batch on one line in one statement (`unnest`), then their `impegno` movements in one
 * statement: the trigger runs per row, so the balances and their CHECKs behave as for single impegni.
 * Returns the new ids by key.
 */
export async function inserisciImpegniEMovimenti(
  manager: EntityManager,
  lineaId: string,
  impegni: NuovoImpegno[],
  registratoDa: string,
  correlationId: string | null,
): Promise<Map<string, string>> {
  const col = <T>(f: (i: NuovoImpegno) => T) => impegni.map(f);
  const righe = await manager.query<
    Array<{ id: string; chiave_idempotenza: string; annualita_id: string; importo: string }>
  >(
    `INSERT INTO impegno (chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, riferimento,
                          comune_residenza, importo_iniziale_centesimi, registrato_da, atto_numero, atto_data,
                          creditore_tipo, creditore_identificativo, creditore_denominazione)
     SELECT x.chiave, x.impronta, $1, x.annualita, x.descrizione, x.riferimento, x.comune, x.importo, $2,
            x.atto_numero, x.atto_data, x.creditore_tipo, x.creditore_id, x.creditore_den
       FROM unnest($3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::bigint[],
                   $10::text[], $11::date[], $12::text[], $13::text[], $14::text[])
            WITH ORDINALITY AS x(chiave, impronta, annualita, descrizione, riferimento, comune, importo,
                                 atto_numero, atto_data, creditore_tipo, creditore_id, creditore_den, n)
      ORDER BY x.n
     RETURNING id, chiave_idempotenza, annualita_id, importo_iniziale_centesimi AS importo`,
    [
      lineaId,
      registratoDa,
      col((i) => i.chiaveIdempotenza),
      col((i) => i.impronta),
      col((i) => i.annualitaId),
      col((i) => i.descrizione),
      col((i) => i.riferimento),
      col((i) => i.comuneResidenza),
      col((i) => i.importoCentesimi),
      col((i) => i.determina.numero),
      col((i) => i.determina.data),
      col((i) => i.creditore.tipo),
      col((i) => i.creditore.identificativo),
      col((i) => i.creditore.denominazione ?? null),
    ],
  );
  await manager.query(
    `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, registrato_da, correlation_id)
     SELECT 'impegno', x.importo, x.annualita, $1, x.impegno, $2, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::bigint[]) AS x(impegno, annualita, importo)`,
    [
      lineaId,
      registratoDa,
      correlationId,
      righe.map((r) => r.id),
      righe.map((r) => r.annualita_id),
      righe.map((r) => r.importo),
    ],
  );
  return new Map(righe.map((r) => [r.chiave_idempotenza, r.id]));
}

/** A keyed liquidazione as stored: its fingerprint checks a repeat of the key. */
export interface LiquidazioneConChiave extends LiquidazioneRow {
  chiave_idempotenza: string;
  impronta: string;
}

/** The liquidazioni stored with these keys (batches of a calling service). */
export async function liquidazioniPerChiavi(
  manager: EntityManager,
  chiavi: string[],
): Promise<LiquidazioneConChiave[]> {
  return manager.query<LiquidazioneConChiave[]>(
    `SELECT q.id, q.impegno_id, q.importo_centesimi, q.periodo, q.mandato_id, m.numero AS mandato, q.registrata_il,
            q.chiave_idempotenza, q.impronta
       FROM liquidazione q LEFT JOIN mandato m ON m.id = q.mandato_id
      WHERE q.chiave_idempotenza = ANY ($1::text[])`,
    [chiavi],
  );
}

/** The line codes of these impegni (read without a lock: the caller locks the lines, then the impegni). */
export async function lineeDegliImpegni(
  manager: EntityManager,
  ids: string[],
): Promise<Array<{ impegno_id: string; linea: string }>> {
  return manager.query(
    `SELECT i.id AS impegno_id, l.codice AS linea FROM impegno i JOIN linea l ON l.id = i.linea_id
      WHERE i.id = ANY ($1::uuid[])`,
    [ids],
  );
}

/** The impegni locked for update in the order of their ids (the mandato's order). */
export async function impegniBloccati(manager: EntityManager, ids: string[]): Promise<ImpegnoRow[]> {
  await manager.query(`SELECT id FROM impegno WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  return impegniPerId(manager, ids);
}

export interface NuovaLiquidazione {
  chiaveIdempotenza: string;
  impronta: string;
  impegnoId: string;
  annualitaId: string;
  lineaId: string;
  importoCentesimi: number;
  periodo: string | null;
}

/**
 * Liquidazioni and their ledger movements with two statements, in the order given: the trigger on
 * `movimento` adds each to its impegno's and dotazione's `liquidato`, whose CHECKs stay the last guard.
 */
export async function inserisciLiquidazioniEMovimenti(
  manager: EntityManager,
  righe: NuovaLiquidazione[],
  registrataDa: string,
  correlationId: string | null,
): Promise<LiquidazioneConChiave[]> {
  const col = <T>(f: (r: NuovaLiquidazione) => T) => righe.map(f);
  const inserite = await manager.query<LiquidazioneConChiave[]>(
    `INSERT INTO liquidazione (impegno_id, importo_centesimi, periodo, registrata_da, chiave_idempotenza, impronta)
     SELECT x.impegno, x.importo, x.periodo, $1, x.chiave, x.impronta
       FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[])
            WITH ORDINALITY AS x(impegno, importo, periodo, chiave, impronta, n)
      ORDER BY x.n
     RETURNING *, NULL::text AS mandato`,
    [
      registrataDa,
      col((r) => r.impegnoId),
      col((r) => r.importoCentesimi),
      col((r) => r.periodo),
      col((r) => r.chiaveIdempotenza),
      col((r) => r.impronta),
    ],
  );
  const perChiave = new Map(inserite.map((l) => [l.chiave_idempotenza, l]));
  await manager.query(
    `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id,
                            registrato_da, correlation_id)
     SELECT 'liquidazione', x.importo, x.annualita, x.linea, x.impegno, x.liquidazione, $1, $2
       FROM unnest($3::bigint[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[])
            AS x(importo, annualita, linea, impegno, liquidazione)`,
    [
      registrataDa,
      correlationId,
      col((r) => r.importoCentesimi),
      col((r) => r.annualitaId),
      col((r) => r.lineaId),
      col((r) => r.impegnoId),
      col((r) => perChiave.get(r.chiaveIdempotenza)!.id),
    ],
  );
  return inserite;
}
