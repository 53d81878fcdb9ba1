import type { EntityManager } from 'typeorm';
import type { BisognoFamiglia, MotivoEsclusione } from './abbinamento';
import { slotDellaGriglia } from './griglia-oraria';
import { CRITERI_ABBINAMENTO, type PesiAbbinamento } from './pesi';
import type { SchedaRow } from './schede.sql';

/*
 * The matching's hard filters, the availability overlap and the score, in one pass of the database over
 * the registro's active schede (issue 11, point 9): only the first `limite` candidates travel to Node,
 * where the pure engine (abbinamento.ts) scores them again to explain each part. The arithmetic below is
 * the engine's, operation by operation in float8 (IEEE doubles, as in JavaScript), so that the ranking
 * and the cut at `limite` are the engine's own: `classifica.integration-spec.ts` checks that both agree
 * on a sample. A change of the engine's formula is a change here too.
 */

export interface ClassificaSql {
  /** The active schede of the registri (the matching's denominator). */
  valutate: number;
  /** How many each hard filter excluded, the first failing one counting (as the engine counts). */
  esclusi: Record<MotivoEsclusione, number>;
  /** The first `limite` schede that pass the filters, best first, with the score the database gave. */
  migliori: Array<SchedaRow & { punteggio: number }>;
}

interface Riga extends Partial<SchedaRow> {
  n_valutate: string;
  n_area: string;
  n_convivenza: string;
  n_competenza: string;
  n_disponibilita: string;
  punteggio: number | null;
}

export async function classificaCandidati(
  m: EntityManager,
  p: { registri: string[]; bisogno: BisognoFamiglia; pesi: PesiAbbinamento; limite: number },
): Promise<ClassificaSql> {
  const { bisogno: b, pesi } = p;
  const slot = slotDellaGriglia(b.orari);
  const pesoTotale = CRITERI_ABBINAMENTO.reduce((s, c) => s + pesi.pesi[c], 0);
  // How many of the requested values a scheda has, as a sum of one test per requested value (no subquery
  // per row); the text only holds parameter positions, the values are parameters.
  const presenti = (parametro: number, quanti: number, colonna: string) =>
    quanti === 0
      ? '0'
      : Array.from(
          { length: quanti },
          (_, i) => `(($${parametro}::text[])[${i + 1}] = ANY (g.${colonna}))::int`,
        ).join(' + ');
  const righe = await m.query<Riga[]>(
    `WITH richiesta AS (SELECT griglia_oraria($6::smallint[]) AS griglia), schede AS (
       SELECT i.id AS iscrizione_id, i.assistente_id, a.nome, a.cognome, i.sportello,
              s.competenze, s.lingue, s.aree, s.convivente, s.disponibilita,
              CASE WHEN s.aree @> ARRAY[$3::text] THEN $13::float8
                   WHEN s.aree && $4::text[] THEN $14::float8
                   WHEN s.aree && $5::text[] THEN $15::float8 END AS v_area,
              CASE WHEN $7::int = 0 THEN 1::float8
                   ELSE bit_count(s.griglia & r.griglia)::float8 / $7::int::float8 END AS v_disp
         FROM richiesta r, iscrizione i
         JOIN scheda s ON s.iscrizione_id = i.id
         JOIN assistente a ON a.id = i.assistente_id
        WHERE i.registro = ANY ($1::text[]) AND i.stato = 'attiva'
     ), giudicate AS (
       SELECT *,
              CASE WHEN v_area IS NULL THEN 'area-non-servita'
                   WHEN $8::boolean AND NOT convivente THEN 'convivenza-non-offerta'
                   WHEN NOT (competenze @> $9::text[]) THEN 'competenza-indispensabile-mancante'
                   WHEN v_disp < $16::float8 THEN 'disponibilita-insufficiente' END AS motivo
         FROM schede
     ), punteggi AS (
       SELECT *, floor(x) + CASE WHEN x - floor(x) >= 0.5::float8 THEN 1 ELSE 0 END AS decimi
         FROM (
           SELECT g.*,
                  (((((CASE WHEN cardinality($10::text[]) = 0 THEN 1::float8
                            ELSE (${presenti(10, b.competenze.length, 'competenze')})::float8
                                 / cardinality($10::text[])::float8 END) * $18::float8
                     + g.v_disp * $19::float8)
                     + g.v_area * $20::float8)
                     + (CASE WHEN cardinality($11::text[]) = 0 THEN 1::float8
                             ELSE (${presenti(11, b.lingue.length, 'lingue')})::float8
                                  / cardinality($11::text[])::float8 END) * $21::float8)
                     + (CASE WHEN $12::text = 'gradita' AND NOT g.convivente THEN $17::float8 ELSE 1::float8 END)
                       * $22::float8)
                   * $23::float8 * 10::float8 AS x
             FROM giudicate g
            WHERE g.motivo IS NULL
         ) q
     ), migliori AS (
       SELECT iscrizione_id, assistente_id, nome, cognome, sportello, competenze, lingue, aree, convivente,
              disponibilita, decimi / 10::float8 AS punteggio
         FROM punteggi
        ORDER BY decimi DESC, iscrizione_id
        LIMIT $2
     ), conteggi AS (
       SELECT count(*) AS n_valutate,
              count(*) FILTER (WHERE motivo = 'area-non-servita') AS n_area,
              count(*) FILTER (WHERE motivo = 'convivenza-non-offerta') AS n_convivenza,
              count(*) FILTER (WHERE motivo = 'competenza-indispensabile-mancante') AS n_competenza,
              count(*) FILTER (WHERE motivo = 'disponibilita-insufficiente') AS n_disponibilita
         FROM giudicate
     )
     SELECT c.*, m.* FROM conteggi c LEFT JOIN migliori m ON true
      ORDER BY m.punteggio DESC, m.iscrizione_id`,
    [
      p.registri,
      p.limite,
      b.comune,
      [b.subAmbito, ...(b.comuniSubAmbito ?? [])],
      [b.ambito, ...(b.ambitiEquivalenti ?? [])],
      slot,
      slot.length,
      b.convivenza === 'necessaria',
      b.competenzeIndispensabili,
      b.competenze,
      b.lingue,
      b.convivenza,
      pesi.area.comune,
      pesi.area.subAmbito,
      pesi.area.ambito,
      pesi.filtri.disponibilitaMinima,
      pesi.convivenzaGraditaNonOfferta,
      ...CRITERI_ABBINAMENTO.map((c) => pesi.pesi[c]),
      100 / pesoTotale,
    ],
  );
  const [primo] = righe;
  return {
    valutate: Number(primo.n_valutate),
    esclusi: {
      'area-non-servita': Number(primo.n_area),
      'convivenza-non-offerta': Number(primo.n_convivenza),
      'competenza-indispensabile-mancante': Number(primo.n_competenza),
      'disponibilita-insufficiente': Number(primo.n_disponibilita),
    },
    migliori: righe
      .filter((r) => r.iscrizione_id !== null && r.iscrizione_id !== undefined)
      .map((r) => ({
        iscrizione_id: r.iscrizione_id!,
        assistente_id: r.assistente_id!,
        nome: r.nome!,
        cognome: r.cognome!,
        sportello: r.sportello!,
        competenze: r.competenze!,
        lingue: r.lingue!,
        aree: r.aree!,
        convivente: r.convivente!,
        disponibilita: r.disponibilita!,
        punteggio: r.punteggio!,
      })),
  };
}
