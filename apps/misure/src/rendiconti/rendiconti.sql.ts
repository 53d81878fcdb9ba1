import type { EntityManager } from 'typeorm';
import type { DimensioneRendiconto, Misura } from '@ambito/contracts';

/*
 * The reports' queries (issue 10, point 8) over the benefici of the year (lane benefici-run's tables),
 * their monthly erogazioni and suspensions, the Pro.Vi. statements and the Dopo di Noi budgets. One
 * statement per report: the rows of the dimension and the total in one GROUPING SETS.
 */

export interface RigaRendicontoRow {
  chiave: string | null;
  totale: boolean;
  beneficiari: string;
  benefici: string;
  mesi: string;
  importo: string;
  liquidato: string;
  sospensioni: string;
  sospesi: string;
  cessati: string;
}

const CHIAVI: Readonly<Record<DimensioneRendiconto, string>> = {
  misura: 'b.misura',
  area: `coalesce(b.area, 'non indicata')`,
  strumento: 'b.strumento',
  comune: `coalesce(b.comune_residenza, 'non indicato')`,
};

export async function righeRendiconto(
  m: EntityManager,
  ambito: string,
  anno: number,
  per: DimensioneRendiconto,
  misura: Misura | null,
): Promise<RigaRendicontoRow[]> {
  return m.query<RigaRendicontoRow[]>(
    `WITH b AS (
       SELECT b.id, b.persona_id, b.misura, b.area, b.strumento, i.comune_residenza, b.termina_dal
         FROM beneficio b JOIN istanza i ON i.id = b.istanza_id
        WHERE b.ambito = $1 AND b.dal <= $3::date AND b.al >= $2::date
          AND ($4::text IS NULL OR b.misura = $4)),
     e AS (
       SELECT beneficio_id,
              count(*) FILTER (WHERE importo_dovuto_centesimi > 0) AS mesi,
              sum(importo_dovuto_centesimi) AS dovuto,
              coalesce(sum(importo_dovuto_centesimi) FILTER (WHERE stato = 'liquidata'), 0) AS liquidato
         FROM erogazione_mensile WHERE ambito = $1 AND mese BETWEEN $2::date AND $3::date
        GROUP BY beneficio_id),
     s AS (
       SELECT beneficio_id, count(*) AS n FROM sospensione_beneficio
        WHERE annullata_il IS NULL AND dal <= $3::date AND (al IS NULL OR al >= $2::date)
        GROUP BY beneficio_id)
     SELECT ${CHIAVI[per]} AS chiave, GROUPING(${CHIAVI[per]}) = 1 AS totale,
            count(DISTINCT b.persona_id) AS beneficiari, count(*) AS benefici,
            coalesce(sum(e.mesi), 0) AS mesi, coalesce(sum(e.dovuto), 0) AS importo,
            coalesce(sum(e.liquidato), 0) AS liquidato, coalesce(sum(s.n), 0) AS sospensioni,
            count(*) FILTER (WHERE s.n > 0) AS sospesi,
            count(*) FILTER (WHERE b.termina_dal BETWEEN $2::date AND $3::date) AS cessati
       FROM b LEFT JOIN e ON e.beneficio_id = b.id LEFT JOIN s ON s.beneficio_id = b.id
      GROUP BY GROUPING SETS ((${CHIAVI[per]}), ())
      ORDER BY 2, 1`,
    [ambito, `${anno}-01-01`, `${anno}-12-31`, misura],
  );
}

/** Pro.Vi. statements of the year (by the end of their period): reimbursed and the ambito's share. */
export async function proViDellAnno(
  m: EntityManager,
  ambito: string,
  anno: number,
): Promise<{ beneficiari: string; rimborso: string; quota_ambito: string }> {
  const [r] = await m.query<{ beneficiari: string; rimborso: string; quota_ambito: string }[]>(
    `SELECT count(DISTINCT p.persona_id) FILTER (WHERE r.rimborso_centesimi > 0) AS beneficiari,
            coalesce(sum(r.rimborso_centesimi), 0) AS rimborso,
            coalesce(sum(r.quota_ambito_centesimi), 0) AS quota_ambito
       FROM rendiconto_pro_vi r JOIN progetto_pro_vi p ON p.id = r.progetto_id
      WHERE p.ambito = $1 AND r.periodo_al BETWEEN $2::date AND $3::date`,
    [ambito, `${anno}-01-01`, `${anno}-12-31`],
  );
  return r;
}

/** Dopo di Noi: the fund's contributions in the last version of each person's budget of the year. */
export async function dopoDiNoiDellAnno(m: EntityManager, ambito: string, anno: number): Promise<number> {
  const [r] = await m.query<{ totale: string }[]>(
    `SELECT coalesce(sum(contributo_ddn_centesimi), 0) AS totale FROM (
       SELECT DISTINCT ON (persona_id) contributo_ddn_centesimi FROM budget_progetto_ddn
        WHERE ambito = $1 AND annualita = $2 ORDER BY persona_id, versione DESC) ultimi`,
    [ambito, anno],
  );
  return Number(r.totale);
}

export interface RigaFnaRow {
  misura: Misura;
  strumento: string;
  area: string | null;
  fondo: string | null;
  anno_fondo: number | null;
  beneficiari: string;
  mesi: string;
  importo: string;
  liquidato: string;
}

/** B2 (FNA) per strumento, area and fund annualità: persons, paid months, amounts of the year. */
export async function righeFna(m: EntityManager, ambito: string, anno: number): Promise<RigaFnaRow[]> {
  return m.query<RigaFnaRow[]>(
    `SELECT b.misura, b.strumento, b.area, b.fondo, b.anno_fondo,
            count(DISTINCT b.persona_id) FILTER (WHERE e.importo_dovuto_centesimi > 0) AS beneficiari,
            count(*) FILTER (WHERE e.importo_dovuto_centesimi > 0) AS mesi,
            coalesce(sum(e.importo_dovuto_centesimi), 0) AS importo,
            coalesce(sum(e.importo_dovuto_centesimi) FILTER (WHERE e.stato = 'liquidata'), 0) AS liquidato
       FROM beneficio b JOIN erogazione_mensile e ON e.beneficio_id = b.id
      WHERE b.ambito = $1 AND b.misura = 'b2' AND e.mese BETWEEN $2::date AND $3::date
      GROUP BY b.misura, b.strumento, b.area, b.fondo, b.anno_fondo
      ORDER BY b.strumento, b.area, b.fondo, b.anno_fondo`,
    [ambito, `${anno}-01-01`, `${anno}-12-31`],
  );
}
