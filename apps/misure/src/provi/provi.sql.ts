import type { EntityManager } from 'typeorm';
import type { MacroareaProVi, QuoteCofinanziateV1 } from '@ambito/contracts';
import type { EsitoConsuntivo, SpesaProVi } from './consuntivo';

/* Pro.Vi. projects and their statements in SQL (ADR 0006). */

export interface ProgettoProViRow {
  id: string;
  ambito: string;
  persona_id: string;
  istanza_id: string | null;
  regole_id: string;
  annualita: number;
  macroaree: MacroareaProVi[];
  concesso_centesimi: string | null;
  massimale_centesimi: string;
  cofinanziamento_percento: number;
  rimborsato_centesimi: string;
  quota_ambito_centesimi: string;
  quota_fondo_centesimi: string;
  rendiconti: number;
}

export interface RendicontoProViRow {
  id: string;
  numero: number;
  periodo_dal: string;
  periodo_al: string;
  regole_id: string;
  valutazione: EsitoConsuntivo;
  documentato_centesimi: string;
  ammesso_centesimi: string;
  rimborso_centesimi: string;
  quota_ambito_centesimi: string;
  quota_fondo_centesimi: string;
  registrato_da: string;
  registrato_il: Date;
  linea: string | null;
  determina_numero: string | null;
  determina_data: string | null;
  budget: QuoteCofinanziateV1 | null;
}

export async function inserisciProgetto(
  m: EntityManager,
  p: Omit<
    ProgettoProViRow,
    'rimborsato_centesimi' | 'quota_ambito_centesimi' | 'quota_fondo_centesimi' | 'rendiconti'
  > & { creato_da: string },
): Promise<void> {
  await m.query(
    `INSERT INTO progetto_pro_vi (id, ambito, persona_id, istanza_id, regole_id, annualita, macroaree,
       concesso_centesimi, massimale_centesimi, cofinanziamento_percento, creato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.ambito,
      p.persona_id,
      p.istanza_id,
      p.regole_id,
      p.annualita,
      JSON.stringify(p.macroaree),
      p.concesso_centesimi,
      p.massimale_centesimi,
      p.cofinanziamento_percento,
      p.creato_da,
    ],
  );
}

export async function progettoPerId(
  m: EntityManager,
  ambito: string,
  id: string,
  blocca = false,
): Promise<ProgettoProViRow | null> {
  const [r] = await m.query<ProgettoProViRow[]>(
    `SELECT id, ambito, persona_id, istanza_id, regole_id, annualita, macroaree, concesso_centesimi,
       massimale_centesimi, cofinanziamento_percento, rimborsato_centesimi, quota_ambito_centesimi,
       quota_fondo_centesimi, rendiconti
     FROM progetto_pro_vi WHERE id = $1 AND ambito = $2${blocca ? ' FOR UPDATE' : ''}`,
    [id, ambito],
  );
  return r ?? null;
}

export async function rendicontiDelProgetto(m: EntityManager, id: string): Promise<RendicontoProViRow[]> {
  return m.query<RendicontoProViRow[]>(
    `SELECT id, numero, periodo_dal::text AS periodo_dal, periodo_al::text AS periodo_al, regole_id, valutazione,
       documentato_centesimi, ammesso_centesimi, rimborso_centesimi, quota_ambito_centesimi,
       quota_fondo_centesimi, registrato_da, registrato_il, linea, determina_numero,
       determina_data::text AS determina_data, budget
     FROM rendiconto_pro_vi WHERE progetto_id = $1 ORDER BY numero`,
    [id],
  );
}

/**
 * The statement and the project's running totals, in the caller's transaction (the project's row is
 * locked by it): ck_pro_vi_massimale refuses a total above the cap whatever the code computed.
 */
export async function registraRendiconto(
  m: EntityManager,
  r: {
    id: string;
    progettoId: string;
    numero: number;
    periodoDal: string;
    periodoAl: string;
    regoleId: string;
    spese: readonly SpesaProVi[];
    esito: EsitoConsuntivo;
    registratoDa: string;
    linea: string;
    determina: { numero: string; data: string };
    /** The key and the budget's reply; null when there was nothing to reimburse. */
    budget: { chiave: string; quote: QuoteCofinanziateV1 } | null;
  },
): Promise<void> {
  const e = r.esito;
  await m.query(
    `INSERT INTO rendiconto_pro_vi (id, progetto_id, numero, periodo_dal, periodo_al, regole_id, spese, valutazione,
       documentato_centesimi, ammesso_centesimi, rimborso_centesimi, quota_ambito_centesimi, quota_fondo_centesimi,
       registrato_da, linea, determina_numero, determina_data, chiave_budget, budget)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      r.id,
      r.progettoId,
      r.numero,
      r.periodoDal,
      r.periodoAl,
      r.regoleId,
      JSON.stringify(r.spese),
      JSON.stringify(e),
      e.documentatoCentesimi,
      e.ammessoCentesimi,
      e.rimborsoCentesimi,
      e.quotaAmbitoCentesimi,
      e.quotaFondoCentesimi,
      r.registratoDa,
      r.linea,
      r.determina.numero,
      r.determina.data,
      r.budget?.chiave ?? null,
      r.budget ? JSON.stringify(r.budget.quote) : null,
    ],
  );
  await m.query(
    `UPDATE progetto_pro_vi
        SET rimborsato_centesimi = rimborsato_centesimi + $2,
            quota_ambito_centesimi = quota_ambito_centesimi + $3,
            quota_fondo_centesimi = quota_fondo_centesimi + $4,
            rendiconti = rendiconti + 1
      WHERE id = $1`,
    [r.progettoId, e.rimborsoCentesimi, e.quotaAmbitoCentesimi, e.quotaFondoCentesimi],
  );
}
