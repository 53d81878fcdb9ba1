import type { EntityManager } from 'typeorm';
import type {
  Area,
  GraduatoriaV1,
  Misura,
  StatoGraduatoria,
  StatoVoceGraduatoria,
  VoceGraduatoriaV1,
} from '@ambito/contracts';

/*
 * The graduatorie's SQL (ADR 0006): rows in, rows out; the rules are in the services.
 */

export interface AvvisoRow {
  id: string;
  stato: string;
  misura: Misura;
  mesi: number;
  decorrenza: string;
  regole_id: string;
  parametri: Record<string, unknown>;
}

export interface GraduatoriaRow {
  id: string;
  avviso_id: string;
  misura: Misura;
  area: Area;
  strumento: string;
  linea: string;
  fondo: string | null;
  anno_fondo: number | null;
  budget_centesimi: string;
  stato: StatoGraduatoria;
  formata_da: string | null;
  formata_il: Date | null;
  tentativo: number;
  tentativo_sospeso: boolean;
  approvazione_da: string | null;
  approvazione_il: Date | null;
  determina_numero: string | null;
  determina_data: string | null;
  approvata_il: Date | null;
  ultimo_errore: { codice: string; messaggio: string } | null;
}

interface RiepilogoRow extends GraduatoriaRow {
  finanziate: string;
  idonee: string;
  finanziato: string;
}

export async function avvisoConRegole(
  m: EntityManager,
  avvisoId: string,
  opzioni: { blocca?: boolean } = {},
): Promise<AvvisoRow | undefined> {
  const [row] = await m.query<AvvisoRow[]>(
    `SELECT a.id, a.stato, a.misura, a.mesi, to_char(a.decorrenza, 'YYYY-MM-DD') AS decorrenza, a.regole_id,
            r.parametri
       FROM avviso a JOIN regole_misura r ON r.id = a.regole_id
      WHERE a.id = $1 ${opzioni.blocca ? 'FOR UPDATE OF a' : ''}`,
    [avvisoId],
  );
  return row;
}

const COLONNE_GRADUATORIA = `g.id, g.avviso_id, a.misura, g.area, g.strumento, g.linea, g.fondo, g.anno_fondo,
  g.budget_centesimi, g.stato, g.formata_da, g.formata_il, g.tentativo, g.tentativo_sospeso, g.approvazione_da,
  g.approvazione_il, g.determina_numero, to_char(g.determina_data, 'YYYY-MM-DD') AS determina_data,
  g.approvata_il, g.ultimo_errore`;

/** The graduatoria's row, locked for a change of state when `blocca`. */
export async function graduatoria(
  m: EntityManager,
  avvisoId: string,
  graduatoriaId: string,
  opzioni: { blocca?: boolean } = {},
): Promise<GraduatoriaRow | undefined> {
  const [row] = await m.query<GraduatoriaRow[]>(
    `SELECT ${COLONNE_GRADUATORIA} FROM graduatoria g JOIN avviso a ON a.id = g.avviso_id
      WHERE g.avviso_id = $1 AND g.id = $2 ${opzioni.blocca ? 'FOR UPDATE OF g' : ''}`,
    [avvisoId, graduatoriaId],
  );
  return row;
}

export async function graduatorieDellAvviso(
  m: EntityManager,
  avvisoId: string,
  opzioni: { blocca?: boolean } = {},
): Promise<GraduatoriaRow[]> {
  return m.query<GraduatoriaRow[]>(
    `SELECT ${COLONNE_GRADUATORIA} FROM graduatoria g JOIN avviso a ON a.id = g.avviso_id
      WHERE g.avviso_id = $1 ORDER BY g.area, g.strumento, g.id ${opzioni.blocca ? 'FOR UPDATE OF g' : ''}`,
    [avvisoId],
  );
}

/** Summaries (counts and financed total) of an avviso's graduatorie, or of one. */
export async function riepiloghi(
  m: EntityManager,
  avvisoId: string,
  graduatoriaId?: string,
): Promise<GraduatoriaV1[]> {
  const rows = await m.query<RiepilogoRow[]>(
    `SELECT ${COLONNE_GRADUATORIA},
            count(v.istanza_id) FILTER (WHERE v.stato = 'finanziata') AS finanziate,
            count(v.istanza_id) FILTER (WHERE v.stato = 'idonea-non-finanziata') AS idonee,
            coalesce(sum(v.importo_centesimi) FILTER (WHERE v.stato = 'finanziata'), 0) AS finanziato
       FROM graduatoria g
       JOIN avviso a ON a.id = g.avviso_id
       LEFT JOIN graduatoria_voce v ON v.graduatoria_id = g.id
      WHERE g.avviso_id = $1 AND ($2::uuid IS NULL OR g.id = $2)
      GROUP BY g.id, a.misura
      ORDER BY g.area, g.strumento, g.id`,
    [avvisoId, graduatoriaId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    avvisoId: r.avviso_id,
    misura: r.misura,
    area: r.area,
    strumento: r.strumento,
    linea: r.linea,
    fondo: r.fondo,
    annoFondo: r.anno_fondo,
    budgetCentesimi: Number(r.budget_centesimi),
    stato: r.stato,
    finanziate: Number(r.finanziate),
    idoneeNonFinanziate: Number(r.idonee),
    finanziatoCentesimi: Number(r.finanziato),
    formataIl: r.formata_il?.toISOString() ?? null,
    approvataIl: r.approvata_il?.toISOString() ?? null,
    determina:
      r.determina_numero && r.determina_data ? { numero: r.determina_numero, data: r.determina_data } : null,
    ultimoErrore: r.ultimo_errore,
  }));
}

interface VoceRow {
  posizione: number;
  protocollo_anno: number;
  protocollo_numero: number;
  istanza_id: string;
  stato: StatoVoceGraduatoria;
  importo_mensile_centesimi: string | null;
  importo_centesimi: string;
  impegno_id: string | null;
}

/** The positions in order: all of them (publication), or a page, optionally of one esito. */
export async function voci(
  m: EntityManager,
  graduatoriaId: string,
  filtro: { esito?: StatoVoceGraduatoria; offset?: number; limite?: number } = {},
): Promise<VoceGraduatoriaV1[]> {
  const rows = await m.query<VoceRow[]>(
    `SELECT v.posizione, i.protocollo_anno, i.protocollo_numero, v.istanza_id, v.stato,
            v.importo_mensile_centesimi, v.importo_centesimi, v.impegno_id
       FROM graduatoria_voce v JOIN istanza i ON i.id = v.istanza_id
      WHERE v.graduatoria_id = $1 AND ($2::text IS NULL OR v.stato = $2)
      ORDER BY v.posizione
     OFFSET $3 LIMIT $4`,
    [graduatoriaId, filtro.esito ?? null, filtro.offset ?? 0, filtro.limite ?? null],
  );
  return rows.map((r) => ({
    posizione: r.posizione,
    protocollo: `${r.protocollo_numero}/${r.protocollo_anno}`,
    istanzaId: r.istanza_id,
    esito: r.stato,
    importoMensileCentesimi:
      r.importo_mensile_centesimi === null ? null : Number(r.importo_mensile_centesimi),
    importoCentesimi: Number(r.importo_centesimi),
    impegnoId: r.impegno_id,
  }));
}

export async function contaVoci(
  m: EntityManager,
  graduatoriaId: string,
  esito?: StatoVoceGraduatoria,
): Promise<number> {
  const [{ n }] = await m.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM graduatoria_voce WHERE graduatoria_id = $1 AND ($2::text IS NULL OR stato = $2)`,
    [graduatoriaId, esito ?? null],
  );
  return Number(n);
}

/** What the approval and the scorrimento need of a financed (or to be financed) entry. */
export interface VoceDaImpegnare {
  istanza_id: string;
  persona_id: string;
  comune_residenza: string | null;
  posizione: number;
  stato: StatoVoceGraduatoria;
  importo_mensile_centesimi: string | null;
  importo_centesimi: string;
  finanziamenti: number;
  impegno_id: string | null;
  protocollo_anno: number;
  protocollo_numero: number;
}

export async function vociPerImpegno(
  m: EntityManager,
  graduatoriaId: string,
  stati: StatoVoceGraduatoria[],
): Promise<VoceDaImpegnare[]> {
  return m.query<VoceDaImpegnare[]>(
    `SELECT v.istanza_id, i.persona_id, i.comune_residenza, v.posizione, v.stato, v.importo_mensile_centesimi,
            v.importo_centesimi, v.finanziamenti, v.impegno_id, i.protocollo_anno, i.protocollo_numero
       FROM graduatoria_voce v JOIN istanza i ON i.id = v.istanza_id
      WHERE v.graduatoria_id = $1 AND v.stato = ANY($2)
      ORDER BY v.posizione`,
    [graduatoriaId, stati],
  );
}
