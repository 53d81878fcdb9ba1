import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MISURE_EVENTS,
  type CessaBeneficioV1,
  type GraduatoriaV1,
  type ImpegnoV1,
} from '@ambito/contracts';
import { OutboxWriter, RequestContext, ServedRequestScope, currentActor } from '@ambito/messaging';
import { beneficioConcesso } from './approvazione.service';
import { FormazioneGraduatorie, avvisoNonTrovato, graduatoriaNonTrovata } from './formazione.service';
import { avvisoConRegole, graduatoria, vociPerImpegno, type GraduatoriaRow } from './graduatorie.sql';
import { ImpegniBudget, chiaveImpegno, esitoIncerto } from './impegni-budget';
import { CumuloAssistente } from '../cumulo/cumulo.service';

/**
 * Scorrimento (issue 9, point 6): a financed beneficiary renounces, loses the right (decadenza) or is
 * revoked. Its impegno is reduced with that causale (the budget's vocabulary), and the money it frees
 * finances the next idonee non finanziate in the graduatoria's order, while it covers each whole amount
 * (the same rule as the cut: the first that does not fit stops the scorrimento). Each newly financed
 * istanza gets its impegno (key `misure:istanza:<id>:s<n>`) and a beneficio concesso event; the entries
 * keep their history.
 *
 * The graduatoria's row lock is held for the whole scorrimento, budget calls included: two cessazioni
 * of one graduatoria never finance the same idonea twice. Rare and short, unlike an approval.
 */
@Injectable()
export class ScorrimentoGraduatorie {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budget: ImpegniBudget,
    private readonly outbox: OutboxWriter,
    private readonly formazione: FormazioneGraduatorie,
    private readonly cumulo: CumuloAssistente,
  ) {}

  async cessa(dto: CessaBeneficioV1): Promise<GraduatoriaV1> {
    const utente = currentActor().userId;
    // Once budget has reduced or committed, misure must record it: the request's deadline does not stop
    // the commit (nor the calls after the first), its Idempotency-Key still binds the transaction.
    const servita = ServedRequestScope.current();
    const contesto = RequestContext.currentOrNew();
    await ServedRequestScope.run({ ...servita, deadline: undefined }, () =>
      RequestContext.run({ ...contesto, scadenza: undefined }, () => this.registra(dto, utente)),
    );
    return this.formazione.leggi(dto.avvisoId, dto.graduatoriaId);
  }

  /**
   * A beneficio that ends (revoca, cessazione: its own events, benefici/fine-beneficio.service.ts): the
   * same cessazione and scorrimento, but the impegno is reduced only by what will no longer be paid
   * (`riduzione.importoCentesimi`, the months before the end stay committed), once per key. Nothing to
   * reduce (0): the budget is not called and the whole amount counts as spent.
   */
  async cessaBeneficio(
    dto: CessaBeneficioV1,
    riduzione: { importoCentesimi: number; chiave: string },
    utente: string,
  ): Promise<void> {
    await this.registra(dto, utente, riduzione);
  }

  private async registra(
    dto: CessaBeneficioV1,
    utente: string,
    parte: { importoCentesimi: number; chiave: string } | null = null,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const avviso = await avvisoConRegole(m, dto.avvisoId);
      if (!avviso) throw avvisoNonTrovato();
      const g = await graduatoria(m, dto.avvisoId, dto.graduatoriaId, { blocca: true });
      if (!g) throw graduatoriaNonTrovata();
      if (g.stato !== 'approvata')
        throw new DomainError(
          'GRADUATORIA_NON_APPROVATA',
          'Rinunce, decadenze e revoche si registrano su una graduatoria approvata.',
        );
      const [voce] = (await vociPerImpegno(m, g.id, ['finanziata'])).filter(
        (v) => v.istanza_id === dto.istanzaId,
      );
      if (!voce?.impegno_id)
        throw new DomainError(
          'BENEFICIO_NON_ATTIVO',
          'L’istanza non è finanziata in questa graduatoria (o il suo beneficio è già cessato).',
        );
      const ridotto =
        parte?.importoCentesimi === 0
          ? null
          : await this.budget.riduci(
              voce.impegno_id,
              dto.causa,
              `${dto.causa} dell’istanza ${voce.protocollo_numero}/${voce.protocollo_anno}: ${dto.motivazione}`,
              parte,
            );
      // What stays committed is what was liquidated; when nothing was left to reduce (a repeated request)
      // the whole amount counts as spent: never more money for the scorrimento than was freed.
      const speso = ridotto ? ridotto.importoCentesimi : Number(voce.importo_centesimi);
      await m.query(
        `UPDATE graduatoria_voce SET stato = $3, importo_speso_centesimi = $4
          WHERE graduatoria_id = $1 AND istanza_id = $2`,
        [g.id, voce.istanza_id, dto.causa, speso],
      );
      await storia(m, g.id, voce.istanza_id, dto.causa, {
        impegnoId: voce.impegno_id,
        importo: Number(voce.importo_centesimi) - speso,
        dto,
        utente,
      });
      await this.scorri(m, g, avviso, dto, utente);
    });
  }

  /** Finances the next idonee with what the graduatoria's budget has left. */
  private async scorri(
    m: EntityManager,
    g: GraduatoriaRow,
    avviso: { decorrenza: string; mesi: number },
    dto: CessaBeneficioV1,
    utente: string,
  ): Promise<void> {
    const [{ impegnato }] = await m.query<Array<{ impegnato: string }>>(
      `SELECT coalesce(sum(CASE WHEN stato = 'finanziata' THEN importo_centesimi
                                ELSE coalesce(importo_speso_centesimi, importo_centesimi) END), 0) AS impegnato
         FROM graduatoria_voce WHERE graduatoria_id = $1 AND stato <> 'idonea-non-finanziata'`,
      [g.id],
    );
    let disponibile = Number(g.budget_centesimi) - Number(impegnato);
    for (const voce of await vociPerImpegno(m, g.id, ['idonea-non-finanziata'])) {
      const importo = Number(voce.importo_centesimi);
      if (importo > disponibile) break;
      let impegno: ImpegnoV1;
      try {
        impegno = await this.budget.impegna(
          g,
          voce,
          chiaveImpegno(voce.istanza_id, `s${voce.finanziamenti + 1}`),
          dto.determina,
        );
      } catch (error) {
        // A refusal (the line's money went elsewhere) stops the scorrimento here, keeping what it did;
        // no answer rolls everything back, and the repeated request finds the same impegni by key.
        if (esitoIncerto(error)) throw error;
        break;
      }
      await m.query(
        `UPDATE graduatoria_voce SET stato = 'finanziata', impegno_id = $3, finanziamenti = finanziamenti + 1
          WHERE graduatoria_id = $1 AND istanza_id = $2`,
        [g.id, voce.istanza_id, impegno.id],
      );
      await storia(m, g.id, voce.istanza_id, 'scorrimento', { impegnoId: impegno.id, importo, dto, utente });
      await this.outbox.append(
        m,
        MISURE_EVENTS.beneficioConcesso,
        beneficioConcesso(g, avviso, voce, impegno, 'scorrimento'),
      );
      await this.cumulo.registraConcessioni(m, g.id, [voce.istanza_id], utente);
      disponibile -= importo;
    }
  }
}

async function storia(
  m: EntityManager,
  graduatoriaId: string,
  istanzaId: string,
  evento: string,
  d: { impegnoId: string; importo: number; dto: CessaBeneficioV1; utente: string },
): Promise<void> {
  await m.query(
    `INSERT INTO graduatoria_voce_storia
       (graduatoria_id, istanza_id, evento, impegno_id, importo_centesimi, determina_numero, determina_data,
        motivazione, registrato_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      graduatoriaId,
      istanzaId,
      evento,
      d.impegnoId,
      d.importo,
      d.dto.determina.numero,
      d.dto.determina.data,
      evento === 'scorrimento'
        ? `Scorrimento dopo ${d.dto.causa} dell’istanza ${d.dto.istanzaId}`
        : d.dto.motivazione,
      d.utente,
    ],
  );
}
