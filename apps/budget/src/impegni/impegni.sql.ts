import type { EntityManager } from 'typeorm';
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
  registrato_il: Date;
}

export interface LiquidazioneRow {
  id: string;
  impegno_id: string;
  importo_centesimi: string;
  periodo: string;
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

export type TipoMovimentoImpegno = 'impegno' | 'liberazione' | 'liquidazione';

const SELECT_IMPEGNO = `
  SELECT i.*, l.codice AS linea, a.fondo, a.anno
    FROM impegno i JOIN linea l ON l.id = i.linea_id JOIN annualita a ON a.id = i.annualita_id`;

export async function impegnoPerId(manager: EntityManager, id: string): Promise<ImpegnoRow | undefined> {
  const [impegno] = await manager.query<ImpegnoRow[]>(`${SELECT_IMPEGNO} WHERE i.id = $1`, [id]);
  return impegno;
}

export async function impegnoPerChiave(
  manager: EntityManager,
  chiave: string,
): Promise<ImpegnoRow | undefined> {
  const [impegno] = await manager.query<ImpegnoRow[]>(`${SELECT_IMPEGNO} WHERE i.chiave_idempotenza = $1`, [
    chiave,
  ]);
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
    `SELECT sd.annualita_id, a.fondo, a.anno, sd.dotato_centesimi - sd.impegnato_centesimi AS disponibile
       FROM saldo_dotazione sd JOIN annualita a ON a.id = sd.annualita_id
      WHERE sd.linea_id = $1 AND ($2::text IS NULL OR a.fondo = $2) AND ($3::int IS NULL OR a.anno = $3)
      ORDER BY a.anno, a.fondo`,
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
  },
): Promise<string> {
  const [impegno] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO impegno (chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, riferimento,
                          comune_residenza, importo_iniziale_centesimi, registrato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
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
    causale?: string;
    registratoDa: string;
    correlationId: string | null;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, causale,
                            registrato_da, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      m.tipo,
      m.importoCentesimi,
      m.annualitaId,
      m.lineaId,
      m.impegnoId,
      m.liquidazioneId ?? null,
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
    periodo: string;
    mandato: string | null;
    registrataDa: string;
  },
): Promise<LiquidazioneRow> {
  const [liquidazione] = await manager.query<LiquidazioneRow[]>(
    `INSERT INTO liquidazione (impegno_id, importo_centesimi, periodo, mandato, registrata_da)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [l.impegnoId, l.importoCentesimi, l.periodo, l.mandato, l.registrataDa],
  );
  return liquidazione;
}

export async function liquidazioneBloccata(
  manager: EntityManager,
  id: string,
): Promise<LiquidazioneRow | undefined> {
  const [liquidazione] = await manager.query<LiquidazioneRow[]>(
    `SELECT * FROM liquidazione WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return liquidazione;
}

/** The only update a liquidazione admits (a trigger refuses any other). */
export async function impostaMandato(
  manager: EntityManager,
  id: string,
  mandato: string,
): Promise<LiquidazioneRow> {
  const [aggiornate] = await manager.query<[LiquidazioneRow[], number]>(
    `UPDATE liquidazione SET mandato = $2 WHERE id = $1 RETURNING *`,
    [id, mandato],
  );
  return aggiornate[0];
}

export async function liquidazioniDellImpegno(
  manager: EntityManager,
  impegnoId: string,
): Promise<LiquidazioneRow[]> {
  return manager.query<LiquidazioneRow[]>(
    `SELECT * FROM liquidazione WHERE impegno_id = $1 ORDER BY registrata_il`,
    [impegnoId],
  );
}
