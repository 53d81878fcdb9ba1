import type { EntityManager } from 'typeorm';
import type { MisuraCumulo } from '@ambito/contracts';

/* Contracts of assistants and the contributions paid for them (rule 10), in SQL (ADR 0006). */

export interface ContrattoRow {
  riferimento: string;
  assistente_riferimento: string;
  persona_id: string;
  costo_mensile_centesimi: string;
  dal: string;
  al: string | null;
}

export interface ContributoRow {
  misura: MisuraCumulo;
  riferimento: string;
  contratto_riferimento: string;
  mensile_centesimi: string;
  dal: string;
  al: string | null;
}

export type OrigineContratto = 'operatore' | 'assistenti-familiari' | 'istanza';

export async function registraContratto(
  m: EntityManager,
  c: {
    riferimento: string;
    ambito: string;
    assistenteRiferimento: string;
    personaId: string;
    costoMensileCentesimi: number;
    dal: string;
    al: string | null;
    origine: OrigineContratto;
    da: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO contratto_assistente (riferimento, ambito, assistente_riferimento, persona_id, costo_mensile_centesimi,
       dal, al, origine, aggiornato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (riferimento) DO UPDATE SET assistente_riferimento = EXCLUDED.assistente_riferimento,
       persona_id = EXCLUDED.persona_id, costo_mensile_centesimi = EXCLUDED.costo_mensile_centesimi,
       dal = EXCLUDED.dal, al = EXCLUDED.al, origine = EXCLUDED.origine, aggiornato_da = EXCLUDED.aggiornato_da,
       aggiornato_il = now()
     WHERE contratto_assistente.ambito = EXCLUDED.ambito`,
    [
      c.riferimento,
      c.ambito,
      c.assistenteRiferimento,
      c.personaId,
      c.costoMensileCentesimi,
      c.dal,
      c.al,
      c.origine,
      c.da,
    ],
  );
}

/** The contract, locked: contributions for one contract are judged one at a time. */
export async function contrattoBloccato(
  m: EntityManager,
  ambito: string,
  riferimento: string,
): Promise<ContrattoRow | null> {
  const [c] = await m.query<ContrattoRow[]>(
    `SELECT riferimento, assistente_riferimento, persona_id, costo_mensile_centesimi, dal::text AS dal, al::text AS al
       FROM contratto_assistente WHERE riferimento = $1 AND ambito = $2 FOR UPDATE`,
    [riferimento, ambito],
  );
  return c ?? null;
}

/** The contributions for the contract in force in the month (`mese` = its first day), but one. */
export async function altriContributiDelMese(
  m: EntityManager,
  contratto: string,
  mese: string,
  escluso: { misura: MisuraCumulo; riferimento: string },
): Promise<ContributoRow[]> {
  return m.query<ContributoRow[]>(
    `SELECT misura, riferimento, contratto_riferimento, mensile_centesimi, dal::text AS dal, al::text AS al
       FROM contributo_assistente
      WHERE contratto_riferimento = $1
        AND dal <= ($2::date + interval '1 month' - interval '1 day')::date
        AND (al IS NULL OR al >= $2::date)
        AND NOT (misura = $3 AND riferimento = $4)
      ORDER BY misura, riferimento`,
    [contratto, mese, escluso.misura, escluso.riferimento],
  );
}

/** The contribution of a measure's item (beneficio, Bonus, budget), if recorded. */
export async function contributoPer(
  m: EntityManager,
  misura: MisuraCumulo,
  riferimento: string,
): Promise<ContributoRow | null> {
  const [c] = await m.query<ContributoRow[]>(
    `SELECT misura, riferimento, contratto_riferimento, mensile_centesimi, dal::text AS dal, al::text AS al
       FROM contributo_assistente WHERE misura = $1 AND riferimento = $2`,
    [misura, riferimento],
  );
  return c ?? null;
}

export async function registraContributo(
  m: EntityManager,
  c: {
    misura: MisuraCumulo;
    riferimento: string;
    contratto: string;
    mensileCentesimi: number;
    dal: string;
    al: string | null;
    da: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO contributo_assistente (misura, riferimento, contratto_riferimento, mensile_centesimi, dal, al, registrato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (misura, riferimento) DO UPDATE SET contratto_riferimento = EXCLUDED.contratto_riferimento,
       mensile_centesimi = EXCLUDED.mensile_centesimi, dal = EXCLUDED.dal, al = EXCLUDED.al,
       registrato_da = EXCLUDED.registrato_da, registrato_il = now()`,
    [c.misura, c.riferimento, c.contratto, c.mensileCentesimi, c.dal, c.al, c.da],
  );
}

export async function contributiDelContratto(m: EntityManager, contratto: string): Promise<ContributoRow[]> {
  return m.query<ContributoRow[]>(
    `SELECT misura, riferimento, contratto_riferimento, mensile_centesimi, dal::text AS dal, al::text AS al
       FROM contributo_assistente WHERE contratto_riferimento = $1 ORDER BY dal, misura, riferimento`,
    [contratto],
  );
}

export interface ContributoDaPagareRow {
  riferimento: string;
  misura: MisuraCumulo;
  contratto: string;
  costo_mensile_centesimi: string;
  dal: string;
  al: string | null;
  altri: Array<{ misura: MisuraCumulo; riferimento: string; mensile_centesimi: string }>;
}

/**
 * Before a month's payments (the monthly run), set-based: for the items of a page that have a
 * contribution recorded, their contract and the other contributions to it in force in the month (`mese`
 * = its first day). The contracts are held FOR SHARE in order: a contribution recorded at the same time
 * (which locks its contract FOR UPDATE) waits for the page, or the page for it.
 */
export async function contributiDaPagare(
  m: EntityManager,
  ambito: string,
  mese: string,
  voci: ReadonlyArray<{ misura: MisuraCumulo; riferimento: string }>,
): Promise<ContributoDaPagareRow[]> {
  if (voci.length === 0) return [];
  const misure = voci.map((v) => v.misura);
  const riferimenti = voci.map((v) => v.riferimento);
  await m.query(
    `SELECT c.riferimento FROM contratto_assistente c
      WHERE c.ambito = $1 AND c.riferimento IN (
        SELECT k.contratto_riferimento FROM contributo_assistente k
          JOIN unnest($2::text[], $3::text[]) AS v(misura, riferimento)
            ON k.misura = v.misura AND k.riferimento = v.riferimento)
      ORDER BY c.riferimento FOR SHARE`,
    [ambito, misure, riferimenti],
  );
  return m.query<ContributoDaPagareRow[]>(
    `SELECT k.riferimento, k.misura, c.riferimento AS contratto, c.costo_mensile_centesimi,
            c.dal::text AS dal, c.al::text AS al,
            coalesce((SELECT json_agg(json_build_object('misura', o.misura, 'riferimento', o.riferimento,
                                        'mensile_centesimi', o.mensile_centesimi::text)
                                      ORDER BY o.misura, o.riferimento)
                        FROM contributo_assistente o
                       WHERE o.contratto_riferimento = c.riferimento
                         AND o.dal <= ($4::date + interval '1 month' - interval '1 day')::date
                         AND (o.al IS NULL OR o.al >= $4::date)
                         AND NOT (o.misura = k.misura AND o.riferimento = k.riferimento)), '[]'::json) AS altri
       FROM unnest($2::text[], $3::text[]) AS v(misura, riferimento)
       JOIN contributo_assistente k ON k.misura = v.misura AND k.riferimento = v.riferimento
       JOIN contratto_assistente c ON c.riferimento = k.contratto_riferimento AND c.ambito = $1`,
    [ambito, misure, riferimenti, mese],
  );
}
