import type { EntityManager } from 'typeorm';
import type { CausaFineBeneficio, CausaSospensione, Misura, StatoBeneficio } from '@ambito/contracts';

/*
 * The benefici and their suspensions in SQL (ADR 0006). Dates travel as `YYYY-MM-DD` text, amounts as
 * the bigint text pg returns (Number() where read: cents of a month are far below 2^53).
 */

export interface BeneficioRow {
  id: string;
  ambito: string;
  istanza_id: string;
  persona_id: string;
  avviso_id: string;
  graduatoria_id: string;
  misura: Misura;
  area: string | null;
  strumento: string;
  importo_mensile_centesimi: string | null;
  importo_totale_centesimi: string;
  dal: string;
  al: string;
  linea: string;
  fondo: string;
  anno_fondo: number;
  impegno_id: string;
  regole_id: string;
  causa_concessione: string;
  evento_id: string;
  stato: StatoBeneficio;
  termina_dal: string | null;
  causa_fine: CausaFineBeneficio | null;
  motivazione_fine: string | null;
  fonte_fine: string | null;
  isee_valido_al: string | null;
  creato_il: Date;
  aggiornato_il: Date;
}

export type NuovoBeneficio = Omit<
  BeneficioRow,
  | 'stato'
  | 'termina_dal'
  | 'causa_fine'
  | 'motivazione_fine'
  | 'fonte_fine'
  | 'creato_il'
  | 'aggiornato_il'
  | 'importo_mensile_centesimi'
  | 'importo_totale_centesimi'
> & { importo_mensile_centesimi: number | null; importo_totale_centesimi: number };

export const COLONNE_BENEFICIO = `id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area,
  strumento, importo_mensile_centesimi, importo_totale_centesimi, dal::text AS dal, al::text AS al, linea,
  fondo, anno_fondo, impegno_id, regole_id, causa_concessione, evento_id, stato,
  termina_dal::text AS termina_dal, causa_fine, motivazione_fine, fonte_fine,
  isee_valido_al::text AS isee_valido_al, creato_il, aggiornato_il`;

/** A beneficio from its concessione; `false` if that concessione (istanza + impegno) already has one. */
export async function inserisciBeneficio(m: EntityManager, b: NuovoBeneficio): Promise<boolean> {
  const righe = await m.query<Array<{ id: string }>>(
    `INSERT INTO beneficio (id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area,
       strumento, importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea, fondo, anno_fondo,
       impegno_id, regole_id, causa_concessione, evento_id, isee_valido_al)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT ON CONSTRAINT uq_beneficio_concessione DO NOTHING
     RETURNING id`,
    [
      b.id,
      b.ambito,
      b.istanza_id,
      b.persona_id,
      b.avviso_id,
      b.graduatoria_id,
      b.misura,
      b.area,
      b.strumento,
      b.importo_mensile_centesimi,
      b.importo_totale_centesimi,
      b.dal,
      b.al,
      b.linea,
      b.fondo,
      b.anno_fondo,
      b.impegno_id,
      b.regole_id,
      b.causa_concessione,
      b.evento_id,
      b.isee_valido_al,
    ],
  );
  return righe.length === 1;
}

export async function beneficioPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<BeneficioRow | null> {
  const [riga] = await m.query<BeneficioRow[]>(
    `SELECT ${COLONNE_BENEFICIO} FROM beneficio WHERE id = $1${opzioni.blocca ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return riga ?? null;
}

/** A person's benefici still `attivo`, locked in id order (the events of one person wait for each other). */
export async function beneficiAttiviDellaPersona(
  m: EntityManager,
  personaId: string,
): Promise<BeneficioRow[]> {
  return m.query<BeneficioRow[]>(
    `SELECT ${COLONNE_BENEFICIO} FROM beneficio WHERE persona_id = $1 AND stato = 'attivo' ORDER BY id FOR UPDATE`,
    [personaId],
  );
}

export interface FiltroBenefici {
  ambito: string;
  personaId?: string;
  istanzaId?: string;
  avvisoId?: string;
  stato?: StatoBeneficio;
  limite: number;
  scarto: number;
}

/** A page of the ambito's benefici by id, optionally of one person, istanza, avviso or state; with the total. */
export async function elencaBenefici(
  m: EntityManager,
  f: FiltroBenefici,
): Promise<{ righe: BeneficioRow[]; totale: number }> {
  const righe = await m.query<Array<BeneficioRow & { totale: string }>>(
    `SELECT ${COLONNE_BENEFICIO}, count(*) OVER () AS totale FROM beneficio
      WHERE ambito = $1
        AND ($2::uuid IS NULL OR persona_id = $2)
        AND ($3::uuid IS NULL OR istanza_id = $3)
        AND ($4::uuid IS NULL OR avviso_id = $4)
        AND ($5::text IS NULL OR stato = $5)
      ORDER BY id LIMIT $6 OFFSET $7`,
    [
      f.ambito,
      f.personaId ?? null,
      f.istanzaId ?? null,
      f.avvisoId ?? null,
      f.stato ?? null,
      f.limite,
      f.scarto,
    ],
  );
  const totale = righe.length > 0 ? Number(righe[0].totale) : await contaBenefici(m, f);
  return { righe, totale };
}

async function contaBenefici(m: EntityManager, f: FiltroBenefici): Promise<number> {
  if (f.scarto === 0) return 0;
  const [r] = await m.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM beneficio WHERE ambito = $1 AND ($2::uuid IS NULL OR persona_id = $2)
        AND ($3::uuid IS NULL OR istanza_id = $3) AND ($4::uuid IS NULL OR avviso_id = $4)
        AND ($5::text IS NULL OR stato = $5)`,
    [f.ambito, f.personaId ?? null, f.istanzaId ?? null, f.avvisoId ?? null, f.stato ?? null],
  );
  return Number(r.n);
}

/** Every beneficio of a person (any state), locked in id order: the events of one person wait for each other. */
export async function beneficiDellaPersona(m: EntityManager, personaId: string): Promise<BeneficioRow[]> {
  return m.query<BeneficioRow[]>(
    `SELECT ${COLONNE_BENEFICIO} FROM beneficio WHERE persona_id = $1 ORDER BY id FOR UPDATE`,
    [personaId],
  );
}

/**
 * Ends a beneficio from `terminaDal` (revoca or cessazione). An ended one is ended again only by an
 * earlier date (a death reported after a definitive admission still counts from its day): `true` if the
 * row changed.
 */
export async function terminaBeneficio(
  m: EntityManager,
  id: string,
  fine: {
    stato: Exclude<StatoBeneficio, 'attivo'>;
    terminaDal: string;
    causa: CausaFineBeneficio;
    motivazione: string;
    fonte: string;
  },
): Promise<boolean> {
  const righe = await aggiornate(
    m,
    `UPDATE beneficio
        SET stato = $2, termina_dal = $3, causa_fine = $4, motivazione_fine = $5, fonte_fine = $6,
            aggiornato_il = now()
      WHERE id = $1 AND (termina_dal IS NULL OR termina_dal > $3::date)
      RETURNING id`,
    [id, fine.stato, fine.terminaDal, fine.causa, fine.motivazione, fine.fonte],
  );
  return righe.length === 1;
}

/** A renewed ISEE: its last valid day. */
export async function aggiornaIseeValido(m: EntityManager, id: string, validoAl: string): Promise<void> {
  await m.query(`UPDATE beneficio SET isee_valido_al = $2, aggiornato_il = now() WHERE id = $1`, [
    id,
    validoAl,
  ]);
}

export interface SospensioneRow {
  id: string;
  beneficio_id: string;
  causa: CausaSospensione;
  dal: string;
  al: string | null;
  fonte: string;
  dettaglio: Record<string, unknown>;
  regole_id: string | null;
  annullata_il: Date | null;
  registrata_da: string;
  registrata_il: Date;
  aggiornata_il: Date;
}

const COLONNE_SOSPENSIONE = `id, beneficio_id, causa, dal::text AS dal, al::text AS al, fonte, dettaglio, regole_id,
  annullata_il, registrata_da, registrata_il, aggiornata_il`;

/** Every suspension of the given benefici (annulled ones too: the reads show them), by start. */
export async function sospensioniDeiBenefici(
  m: EntityManager,
  beneficioIds: readonly string[],
): Promise<SospensioneRow[]> {
  if (beneficioIds.length === 0) return [];
  return m.query<SospensioneRow[]>(
    `SELECT ${COLONNE_SOSPENSIONE} FROM sospensione_beneficio
      WHERE beneficio_id = ANY($1::uuid[]) ORDER BY beneficio_id, dal, id`,
    [beneficioIds],
  );
}

export interface NuovaSospensione {
  id: string;
  beneficio_id: string;
  causa: CausaSospensione;
  dal: string;
  al: string | null;
  fonte: string;
  dettaglio: Record<string, unknown>;
  regole_id: string | null;
  registrata_da: string;
}

/** What an upsert of a suspension changed, for the events: new, its period changed, or nothing. */
export interface EsitoSospensione {
  id: string;
  nuova: boolean;
  /** The period before the upsert (null when new or annulled before). */
  prima: { dal: string; al: string | null } | null;
}

/**
 * Records a suspension, or updates the one of the same beneficio, causa and fonte (a redelivered event,
 * a re-derivation from the records): one row per source, never two.
 */
export async function registraSospensione(m: EntityManager, s: NuovaSospensione): Promise<EsitoSospensione> {
  const [prima] = await m.query<Array<{ id: string; dal: string; al: string | null; annullata: boolean }>>(
    `SELECT id, dal::text AS dal, al::text AS al, annullata_il IS NOT NULL AS annullata
       FROM sospensione_beneficio WHERE beneficio_id = $1 AND causa = $2 AND fonte = $3 FOR UPDATE`,
    [s.beneficio_id, s.causa, s.fonte],
  );
  if (!prima) {
    await m.query(
      `INSERT INTO sospensione_beneficio (id, beneficio_id, causa, dal, al, fonte, dettaglio, regole_id, registrata_da)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        s.id,
        s.beneficio_id,
        s.causa,
        s.dal,
        s.al,
        s.fonte,
        JSON.stringify(s.dettaglio),
        s.regole_id,
        s.registrata_da,
      ],
    );
    return { id: s.id, nuova: true, prima: null };
  }
  await m.query(
    `UPDATE sospensione_beneficio
        SET dal = $2, al = $3, dettaglio = $4, regole_id = $5, annullata_il = NULL, aggiornata_il = now()
      WHERE id = $1`,
    [prima.id, s.dal, s.al, JSON.stringify(s.dettaglio), s.regole_id],
  );
  return {
    id: prima.id,
    nuova: prima.annullata,
    prima: prima.annullata ? null : { dal: prima.dal, al: prima.al },
  };
}

/** Closes an open suspension on its last day (`al`): `true` if it was open. */
export async function chiudiSospensione(m: EntityManager, id: string, al: string): Promise<boolean> {
  const righe = await aggiornate(
    m,
    `UPDATE sospensione_beneficio SET al = greatest($2::date, dal), aggiornata_il = now()
      WHERE id = $1 AND al IS NULL AND annullata_il IS NULL RETURNING id`,
    [id, al],
  );
  return righe.length === 1;
}

/** A derived suspension the records no longer support: kept for the history, no longer applied. */
export async function annullaSospensione(m: EntityManager, id: string): Promise<boolean> {
  const righe = await aggiornate(
    m,
    `UPDATE sospensione_beneficio SET annullata_il = now(), aggiornata_il = now()
      WHERE id = $1 AND annullata_il IS NULL RETURNING id`,
    [id],
  );
  return righe.length === 1;
}

/**
 * The rows an `UPDATE … RETURNING` changed. TypeORM's postgres driver answers an UPDATE with
 * `[rows, count]` (an INSERT or SELECT with the rows alone).
 */
export async function aggiornate(
  m: EntityManager,
  sql: string,
  parametri: unknown[],
): Promise<Array<{ id: string }>> {
  const risultato = (await m.query(sql, parametri)) as unknown[];
  return (Array.isArray(risultato[0]) ? risultato[0] : risultato) as Array<{ id: string }>;
}
