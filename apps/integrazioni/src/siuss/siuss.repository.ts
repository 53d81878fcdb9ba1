import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CodiceEsitoSiuss, StatoRecordSiuss } from '@ambito/contracts';

export interface RecordRow {
  id: string;
  beneficio_id: string | null;
  intervento_id: string | null;
  chiave: string | null;
  versione_sina: string | null;
  persona_id: string;
  anno: number;
  tipo_operazione: 'I' | 'C';
  annulla: string | null;
  stato: StatoRecordSiuss;
  motivo: string | null;
  id_flusso: string | null;
  ts_flusso: Date | null;
  xml: string;
  contenuto: unknown;
  impronta: string;
  codice_prestazione: string | null;
  versione_codici: string | null;
  in_vigore: boolean;
  id_acquisizione_siuss: string | null;
  creato_il: Date;
}

export interface NuovoRecord {
  beneficioId: string | null;
  interventoId: string | null;
  chiave: string | null;
  versioneSina: string | null;
  personaId: string;
  anno: number;
  tipoOperazione: 'I' | 'C';
  annulla: string | null;
  stato: 'offerto' | 'rifiutato';
  motivo: string | null;
  idFlusso: string | null;
  tsFlusso: Date | null;
  xml: string;
  contenuto: unknown;
  impronta: string;
  codicePrestazione: string | null;
  versioneCodici: string | null;
  inVigore: boolean;
}

/** The SIUSS tables, raw SQL (docs/adr/0006-misure-sql.md). */
export const SiussSql = {
  /** The insertions in force of a beneficio, locked: the correction of one is serialised. */
  inVigore(m: EntityManager, beneficioId: string): Promise<RecordRow[]> {
    return m.query(
      `SELECT * FROM siuss_record WHERE beneficio_id = $1 AND in_vigore ORDER BY anno FOR UPDATE`,
      [beneficioId],
    );
  },

  /**
   * The next flow's identity, under the counter's row lock: ts_flusso strictly after the previous one
   * (INPS polls with `since` = the last ts_flusso it took, so two flows never share one) and the
   * daily progressive of id_flusso (day of Europe/Rome).
   */
  async prossimoFlusso(m: EntityManager): Promise<{ ts: Date; giorno: string; progressivo: number }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[riga]] = await m.query<[Array<{ ts: Date; giorno: string; progressivo: number }>, number]>(
      `WITH c AS (SELECT * FROM siuss_contatore WHERE id = 1 FOR UPDATE),
            n AS (SELECT greatest(date_trunc('milliseconds', clock_timestamp()), c.ultimo_ts + interval '1 millisecond') AS ts, c.giorno, c.progressivo FROM c)
       UPDATE siuss_contatore s
          SET ultimo_ts = n.ts,
              giorno = (n.ts AT TIME ZONE 'Europe/Rome')::date,
              progressivo = CASE WHEN (n.ts AT TIME ZONE 'Europe/Rome')::date = n.giorno THEN n.progressivo + 1 ELSE 1 END
         FROM n WHERE s.id = 1
       RETURNING s.ultimo_ts AS ts, to_char(s.giorno, 'YYYYMMDD') AS giorno, s.progressivo`,
    );
    return riga;
  },

  async inserisci(m: EntityManager, r: NuovoRecord): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO siuss_record (id, beneficio_id, persona_id, anno, tipo_operazione, annulla, stato, motivo,
         id_flusso, ts_flusso, xml, contenuto, impronta, codice_prestazione, versione_codici, in_vigore,
         intervento_id, chiave, versione_sina)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
      [
        id,
        r.beneficioId,
        r.personaId,
        r.anno,
        r.tipoOperazione,
        r.annulla,
        r.stato,
        r.motivo,
        r.idFlusso,
        r.tsFlusso,
        r.xml,
        JSON.stringify(r.contenuto),
        r.impronta,
        r.codicePrestazione,
        r.versioneCodici,
        r.inVigore,
        r.interventoId,
        r.chiave,
        r.versioneSina,
      ],
    );
    return id;
  },

  /** The progetto records in force of a person, locked (a revision's corrections are serialised). */
  inVigoreProgetto(m: EntityManager, personaId: string): Promise<RecordRow[]> {
    return m.query(
      `SELECT * FROM siuss_record WHERE persona_id = $1 AND intervento_id IS NOT NULL AND in_vigore
        ORDER BY chiave FOR UPDATE`,
      [personaId],
    );
  },

  /** The benefici of a person with a record in force (a new SINA valutazione changes their section). */
  async beneficiInVigore(m: EntityManager, personaId: string): Promise<string[]> {
    const righe: Array<{ beneficio_id: string }> = await m.query(
      `SELECT DISTINCT beneficio_id FROM siuss_record WHERE persona_id = $1 AND beneficio_id IS NOT NULL AND in_vigore`,
      [personaId],
    );
    return righe.map((r) => r.beneficio_id);
  },

  chiudi(m: EntityManager, id: string): Promise<unknown> {
    return m.query(`UPDATE siuss_record SET in_vigore = false WHERE id = $1`, [id]);
  },

  flussiDopo(m: EntityManager, sinceMs: number, limit: number): Promise<RecordRow[]> {
    return m.query(
      `SELECT * FROM siuss_record
        WHERE id_flusso IS NOT NULL AND ts_flusso > to_timestamp($1::double precision / 1000)
        ORDER BY ts_flusso LIMIT $2`,
      [sinceMs, limit],
    );
  },

  /** The esito of INPS on one flow: null when no flow has that id (and that production time). */
  async esito(
    m: EntityManager,
    e: {
      idFlusso: string;
      codiceEsito: CodiceEsitoSiuss;
      descrizione: string | null;
      idAcquisizione: string | null;
      tsAcquisizione: string;
    },
  ): Promise<string | null> {
    const [righe] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE siuss_record
          SET stato = CASE WHEN $2 = 'OK' THEN 'acquisito' ELSE 'scartato' END,
              motivo = CASE WHEN $2 = 'OK' THEN NULL ELSE coalesce($3, $2) END,
              id_acquisizione_siuss = CASE WHEN $2 = 'OK' THEN $4 ELSE NULL END,
              ts_acquisizione = $5
        WHERE id_flusso = $1 RETURNING id`,
      [e.idFlusso, e.codiceEsito, e.descrizione, e.idAcquisizione, e.tsAcquisizione],
    );
    return righe[0]?.id ?? null;
  },

  elenca(
    m: EntityManager,
    filtro: { beneficioId?: string; personaId?: string; stato?: string },
  ): Promise<RecordRow[]> {
    return m.query(
      `SELECT * FROM siuss_record
        WHERE ($1::uuid IS NULL OR beneficio_id = $1::uuid) AND ($2::text IS NULL OR stato = $2)
          AND ($3::uuid IS NULL OR persona_id = $3::uuid)
        ORDER BY creato_il DESC, coalesce(ts_flusso, creato_il) DESC LIMIT 200`,
      [filtro.beneficioId ?? null, filtro.stato ?? null, filtro.personaId ?? null],
    );
  },

  /** The insertions in force and offered (or acquired) of a year: the content of an upload batch. */
  inseriteDellAnno(m: EntityManager, anno: number): Promise<RecordRow[]> {
    return m.query(
      `SELECT * FROM siuss_record
        WHERE anno = $1 AND in_vigore AND tipo_operazione = 'I' AND stato IN ('offerto', 'acquisito')
        ORDER BY ts_flusso`,
      [anno],
    );
  },
};
