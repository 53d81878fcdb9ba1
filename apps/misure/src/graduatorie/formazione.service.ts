import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type ElencaVociGraduatoriaV1,
  type GraduatoriaV1,
  type GraduatorieFormateV1,
  type PaginaVociGraduatoriaV1,
  type PubblicazioneGraduatoriaV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import {
  avvisoConRegole,
  contaVoci,
  graduatorieDellAvviso,
  riepiloghi,
  voci,
  type GraduatoriaRow,
} from './graduatorie.sql';
import { orderBySql, ordinamentoValido } from './ordinamento';
import { graduatoriaCsv } from './pubblicazione-csv';

export const avvisoNonTrovato = (): DomainError =>
  new DomainError('AVVISO_NON_TROVATO', 'Avviso non trovato.');
export const graduatoriaNonTrovata = (): DomainError =>
  new DomainError('GRADUATORIA_NON_TROVATA', 'Graduatoria non trovata in questo avviso.');

/**
 * Forms the graduatorie of a closed avviso, one ordering query each (ADR 0006): the ammissibili istanze
 * of its area and strumento, in the rule set's order, financed while the budget covers the running total
 * (ordinamento.ts). Every istanza of the avviso must be decided first: one without an istruttoria, or
 * still `da-verificare`, would find its place only after the others were published, so formation is
 * refused (ISTANZE_DA_DECIDERE) rather than leaving it out. Graduatorie not yet approved are formed anew
 * each time (an istruttoria corrected after the first formation counts); approved ones, ones being
 * approved and ones whose approval is suspended are left as they are.
 */
@Injectable()
export class FormazioneGraduatorie {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forma(avvisoId: string): Promise<GraduatorieFormateV1> {
    const actor = currentActor();
    const ammissibiliSenzaGraduatoria = await this.dataSource.transaction(async (m) => {
      // The avviso's row lock serialises formations (and the last approval's move of the avviso).
      const avviso = await avvisoConRegole(m, avvisoId, { blocca: true });
      if (!avviso) throw avvisoNonTrovato();
      if (avviso.stato !== 'chiuso')
        throw new DomainError(
          'AVVISO_NON_CHIUSO',
          `Le graduatorie si formano ad avviso chiuso (stato attuale: ${avviso.stato}).`,
        );
      await assertIstanzeDecise(m, avvisoId);
      const ordinamento = ordinamentoValido(avviso.parametri.ordinamento);
      const daFormare = (await graduatorieDellAvviso(m, avvisoId, { blocca: true })).filter(
        // A suspended approval may have impegni in the budget for these entries: it is resumed, not re-formed.
        (g) => (g.stato === 'da-formare' || g.stato === 'formata') && !g.tentativo_sospeso,
      );
      for (const g of daFormare) await formaUna(m, g, avviso.mesi, orderBySql(ordinamento), actor.userId);
      const [senza] = await m.query<Array<{ n: string }>>(
        `SELECT count(*) AS n FROM istanza i
          WHERE i.avviso_id = $1 AND i.esito = 'ammissibile'
            AND NOT EXISTS (SELECT 1 FROM graduatoria g
                             WHERE g.avviso_id = i.avviso_id AND g.area = i.area AND g.strumento = i.strumento)`,
        [avvisoId],
      );
      return Number(senza.n);
    });
    return {
      avvisoId,
      graduatorie: await riepiloghi(this.dataSource.manager, avvisoId),
      ammissibiliSenzaGraduatoria,
    };
  }

  async elenca(avvisoId: string): Promise<GraduatoriaV1[]> {
    const m = this.dataSource.manager;
    if (!(await avvisoConRegole(m, avvisoId))) throw avvisoNonTrovato();
    return riepiloghi(m, avvisoId);
  }

  /** A graduatoria's summary: state, budget, financed; its positions are read in pages (`pagina`). */
  async leggi(avvisoId: string, graduatoriaId: string): Promise<GraduatoriaV1> {
    const [g] = await riepiloghi(this.dataSource.manager, avvisoId, graduatoriaId);
    if (!g) throw graduatoriaNonTrovata();
    return g;
  }

  /** A page of positions in order: protocol numbers, esito, amount, impegno; no names. */
  async pagina(dto: ElencaVociGraduatoriaV1): Promise<PaginaVociGraduatoriaV1> {
    await this.leggi(dto.avvisoId, dto.graduatoriaId);
    const pagina = dto.pagina ?? 1;
    const perPagina = dto.perPagina ?? 50;
    const m = this.dataSource.manager;
    const [elementi, totale] = await Promise.all([
      voci(m, dto.graduatoriaId, { esito: dto.esito, offset: (pagina - 1) * perPagina, limite: perPagina }),
      contaVoci(m, dto.graduatoriaId, dto.esito),
    ]);
    return { elementi, totale, pagina, perPagina };
  }

  /** The whole graduatoria as published (albo, sito dell'Ambito), read in one snapshot. */
  async pubblicazione(avvisoId: string, graduatoriaId: string): Promise<PubblicazioneGraduatoriaV1> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [g] = await riepiloghi(m, avvisoId, graduatoriaId);
      if (!g) throw graduatoriaNonTrovata();
      return { csv: graduatoriaCsv(g, await voci(m, graduatoriaId)) };
    });
  }
}

async function assertIstanzeDecise(m: EntityManager, avvisoId: string): Promise<void> {
  const [conti] = await m.query<Array<{ da_decidere: string; incomplete: string }>>(
    `SELECT count(*) FILTER (WHERE esito IS NULL OR esito = 'da-verificare') AS da_decidere,
            count(*) FILTER (WHERE esito = 'ammissibile'
                               AND (area IS NULL OR coalesce(importo_totale_centesimi, importo_mensile_centesimi) IS NULL))
              AS incomplete
       FROM istanza WHERE avviso_id = $1`,
    [avvisoId],
  );
  const daDecidere = Number(conti.da_decidere);
  const incomplete = Number(conti.incomplete);
  if (daDecidere > 0)
    throw new DomainError(
      'ISTANZE_DA_DECIDERE',
      `${daDecidere} istanze dell’avviso non hanno un esito deciso (senza istruttoria o da verificare): un operatore le decide prima di formare le graduatorie.`,
    );
  if (incomplete > 0)
    throw new DomainError(
      'ISTANZE_DA_DECIDERE',
      `${incomplete} istanze ammissibili non hanno area o importo: la loro istruttoria va ripetuta prima di formare le graduatorie.`,
    );
}

/**
 * One graduatoria, in one statement: rank the istanze (row_number over the rule set's order), add up
 * their amounts in that order, financed while the total stays within the budget.
 */
async function formaUna(
  m: EntityManager,
  g: GraduatoriaRow,
  mesi: number,
  orderBy: string,
  formataDa: string,
): Promise<void> {
  await m.query(`DELETE FROM graduatoria_voce WHERE graduatoria_id = $1`, [g.id]);
  await m.query(
    `INSERT INTO graduatoria_voce
       (graduatoria_id, istanza_id, posizione, stato, importo_mensile_centesimi, importo_centesimi)
     SELECT $1, c.id, c.posizione,
            CASE WHEN c.cumulato <= $5 THEN 'finanziata' ELSE 'idonea-non-finanziata' END,
            c.mensile, c.importo
       FROM (SELECT o.*, sum(o.importo) OVER (ORDER BY o.posizione ROWS UNBOUNDED PRECEDING) AS cumulato
               FROM (SELECT i.id, i.importo_mensile_centesimi AS mensile,
                            coalesce(i.importo_totale_centesimi, i.importo_mensile_centesimi * $6) AS importo,
                            row_number() OVER (ORDER BY ${orderBy}) AS posizione
                       FROM istanza i
                      WHERE i.avviso_id = $2 AND i.strumento = $3 AND i.area = $4 AND i.esito = 'ammissibile') o
            ) c`,
    [g.id, g.avviso_id, g.strumento, g.area, g.budget_centesimi, mesi],
  );
  await m.query(
    `UPDATE graduatoria SET stato = 'formata', formata_da = $2, formata_il = now(), ultimo_errore = NULL
      WHERE id = $1`,
    [g.id, formataDa],
  );
}
