import type { EntityManager } from 'typeorm';
import type { FonteBudgetProgettoV1 } from '@ambito/contracts';
import type { EsitoBudgetProgetto, InterventoProgetto } from './massimali';

/* The Dopo di Noi budget di progetto and group homes in SQL (ADR 0006). */

export interface BudgetDdnRow {
  id: string;
  persona_id: string;
  istanza_id: string | null;
  regole_id: string;
  annualita: number;
  versione: number;
  costo_totale_centesimi: string;
  risorse_totali_centesimi: string;
  contributo_ddn_centesimi: string;
  fondo_ddn_centesimi: string;
}

export interface InterventoDdnRow {
  indice: number;
  strumento: string;
  mesi: number;
  costo_centesimi: string;
  richiesto_centesimi: string;
  massimale_centesimi: string;
  contributo_centesimi: string;
  sostegno_famiglia_centesimi: string;
  motivo: string;
}

/** The next version of the person's budget for the year; serialised by an advisory lock on the pair. */
export async function prossimaVersioneBudget(
  m: EntityManager,
  ambito: string,
  personaId: string,
  annualita: number,
): Promise<number> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('budget-ddn:' || $1 || ':' || $2 || ':' || $3))`, [
    ambito,
    personaId,
    annualita,
  ]);
  const [r] = await m.query<{ n: number }[]>(
    `SELECT coalesce(max(versione), 0) + 1 AS n FROM budget_progetto_ddn
      WHERE ambito = $1 AND persona_id = $2 AND annualita = $3`,
    [ambito, personaId, annualita],
  );
  return r.n;
}

export async function inserisciBudget(
  m: EntityManager,
  b: {
    id: string;
    ambito: string;
    personaId: string;
    istanzaId: string | null;
    regoleId: string;
    annualita: number;
    versione: number;
    registratoDa: string;
    fonti: readonly FonteBudgetProgettoV1[];
    interventi: readonly InterventoProgetto[];
    esito: EsitoBudgetProgetto;
  },
): Promise<void> {
  const e = b.esito;
  await m.query(
    `INSERT INTO budget_progetto_ddn (id, ambito, persona_id, istanza_id, regole_id, annualita, versione,
       costo_totale_centesimi, risorse_totali_centesimi, contributo_ddn_centesimi, fondo_ddn_centesimi, registrato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      b.id,
      b.ambito,
      b.personaId,
      b.istanzaId,
      b.regoleId,
      b.annualita,
      b.versione,
      e.costoTotaleCentesimi,
      e.risorseTotaliCentesimi,
      e.contributoDopoDiNoiCentesimi,
      e.fondoDopoDiNoiCentesimi,
      b.registratoDa,
    ],
  );
  for (const f of b.fonti)
    await m.query(
      `INSERT INTO budget_progetto_ddn_fonte (budget_id, fonte, importo_centesimi, descrizione) VALUES ($1, $2, $3, $4)`,
      [b.id, f.fonte, f.importoCentesimi, f.descrizione ?? null],
    );
  for (const v of e.interventi) {
    const i = b.interventi[v.indice];
    await m.query(
      `INSERT INTO budget_progetto_ddn_intervento (budget_id, indice, strumento, mesi, costo_centesimi,
         richiesto_centesimi, massimale_centesimi, contributo_centesimi, sostegno_famiglia_centesimi, motivo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        b.id,
        v.indice,
        v.strumento,
        i.mesi,
        i.costoCentesimi,
        i.contributoRichiestoCentesimi,
        v.massimaleCentesimi,
        v.contributoCentesimi,
        v.sostegnoFamigliaCentesimi,
        v.motivo,
      ],
    );
  }
}

export async function budgetPerId(
  m: EntityManager,
  id: string,
): Promise<{ budget: BudgetDdnRow; fonti: FonteBudgetProgettoV1[]; interventi: InterventoDdnRow[] }> {
  const [budget] = await m.query<BudgetDdnRow[]>(
    `SELECT id, persona_id, istanza_id, regole_id, annualita, versione, costo_totale_centesimi,
       risorse_totali_centesimi, contributo_ddn_centesimi, fondo_ddn_centesimi
     FROM budget_progetto_ddn WHERE id = $1`,
    [id],
  );
  const fonti = await m.query<
    { fonte: FonteBudgetProgettoV1['fonte']; importo: string; descrizione: string | null }[]
  >(
    `SELECT fonte, importo_centesimi AS importo, descrizione FROM budget_progetto_ddn_fonte
      WHERE budget_id = $1 ORDER BY fonte`,
    [id],
  );
  const interventi = await m.query<InterventoDdnRow[]>(
    `SELECT indice, strumento, mesi, costo_centesimi, richiesto_centesimi, massimale_centesimi,
       contributo_centesimi, sostegno_famiglia_centesimi, motivo
     FROM budget_progetto_ddn_intervento WHERE budget_id = $1 ORDER BY indice`,
    [id],
  );
  return {
    budget,
    fonti: fonti.map((f) => ({
      fonte: f.fonte,
      importoCentesimi: Number(f.importo),
      ...(f.descrizione !== null ? { descrizione: f.descrizione } : {}),
    })),
    interventi,
  };
}

// Group homes -----------------------------------------------------------------------------------------

export interface GruppoRow {
  id: string;
  ambito: string;
  denominazione: string;
  comune_istat: string;
  gestione: 'ente-gestore' | 'autogestito';
  posti_massimi: number;
  persone: number;
  regole_id: string;
}

export async function inserisciGruppo(
  m: EntityManager,
  g: Omit<GruppoRow, 'persone'> & { creato_da: string },
): Promise<void> {
  await m.query(
    `INSERT INTO gruppo_appartamento (id, ambito, denominazione, comune_istat, gestione, posti_massimi, regole_id, creato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [g.id, g.ambito, g.denominazione, g.comune_istat, g.gestione, g.posti_massimi, g.regole_id, g.creato_da],
  );
}

export async function gruppoPerId(m: EntityManager, ambito: string, id: string): Promise<GruppoRow | null> {
  const [g] = await m.query<GruppoRow[]>(
    `SELECT id, ambito, denominazione, comune_istat, gestione, posti_massimi, persone, regole_id
       FROM gruppo_appartamento WHERE id = $1 AND ambito = $2`,
    [id, ambito],
  );
  return g ?? null;
}

export async function presentiNelGruppo(
  m: EntityManager,
  id: string,
): Promise<{ persona_id: string; dal: string }[]> {
  return m.query(
    `SELECT persona_id, dal::text AS dal FROM gruppo_appartamento_persona
      WHERE gruppo_id = $1 AND al IS NULL ORDER BY dal, persona_id`,
    [id],
  );
}

/** A person enters: the trigger counts her on the group's row, whose CHECK refuses one too many. */
export async function inserisciPersona(
  m: EntityManager,
  gruppoId: string,
  personaId: string,
  dal: string,
  registratoDa: string,
): Promise<void> {
  await m.query(
    `INSERT INTO gruppo_appartamento_persona (gruppo_id, persona_id, dal, registrato_da) VALUES ($1, $2, $3, $4)`,
    [gruppoId, personaId, dal, registratoDa],
  );
}

/** The person leaves on `al`: true if she was there. */
export async function dimettiPersona(
  m: EntityManager,
  gruppoId: string,
  personaId: string,
  al: string,
): Promise<boolean> {
  const righe = await m.query<unknown[]>(
    `UPDATE gruppo_appartamento_persona SET al = $3
      WHERE gruppo_id = $1 AND persona_id = $2 AND al IS NULL AND dal <= $3 RETURNING persona_id`,
    [gruppoId, personaId, al],
  );
  return (righe as unknown[][])[0]?.length > 0;
}
