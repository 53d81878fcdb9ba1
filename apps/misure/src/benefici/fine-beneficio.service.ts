import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type BeneficioTerminatoV1,
  type CausaCessazione,
  type CausaFineBeneficio,
  type EventEnvelope,
} from '@ambito/contracts';
import { alreadyHandled, handleOnce } from '@ambito/messaging';
import { RegoleRepository } from '../regole/regole.repository';
import { mesiTra } from '../cumulo/cumulo.service';
import { aggiungiGiorni } from '../erogazioni/giorni';
import { erogazioniDelBeneficio } from '../erogazioni/erogazioni.sql';
import { calcolaBeneficio } from '../erogazioni/erogazioni.service';
import { ScorrimentoGraduatorie } from '../graduatorie/scorrimento.service';
import { beneficioPerId, sospensioniDeiBenefici, type BeneficioRow } from './benefici.sql';

/** Who records what the events decide (no person: the service). */
const SERVIZIO = 'servizio-misure';

/** The graduatoria's causes of cessazione for a beneficio's end (a death: the requirement lost). */
const CESSAZIONE: Record<CausaFineBeneficio, CausaCessazione> = {
  'ricovero-definitivo': 'revoca',
  revoca: 'revoca',
  decadenza: 'decadenza',
  rinuncia: 'rinuncia',
  decesso: 'decadenza',
};

const MOTIVI: Record<CausaFineBeneficio, string> = {
  'ricovero-definitivo': 'revoca per accoglienza residenziale definitiva',
  revoca: 'revoca',
  decadenza: 'decadenza',
  rinuncia: 'rinuncia',
  decesso: 'cessazione per decesso',
};

/** What an ended beneficio will still be due, and what its impegno gives back. */
export interface PianoFine {
  beneficio: BeneficioRow;
  causa: CausaCessazione;
  determina: { numero: string; data: string };
  impegnoCentesimi: number;
  /** The months already computed (any state) and, for those before the end not computed yet, their projection. */
  ancoraDovutoCentesimi: number;
  riduzioneCentesimi: number;
}

/**
 * A revoca or cessazione of a beneficio gives back to budget what will no longer be paid and lets the
 * graduatoria finance the next (issue 10, points 2 and 6 of issue 9): on misure's own
 * `beneficio.revocato` / `beneficio.cessato` (their own durables), the impegno is reduced by its amount
 * less what stays due — the months already computed and, before the end, those still to compute
 * (calcolaMese with the end applied) — with one Idempotency-Key per beneficio, and the graduatoria's
 * scorrimento (ScorrimentoGraduatorie, under the graduatoria's lock, with its approval determina) runs
 * as for a cessazione recorded by the Ufficio di Piano.
 *
 * At least once: a redelivery after the scorrimento finds the entry no longer financed and does
 * nothing; one after budget reduced but before misure committed repeats the call with the same key and
 * body and gets budget's first reply (no second riduzione).
 */
@Injectable()
export class FineBeneficio {
  private readonly logger = new Logger(FineBeneficio.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regole: RegoleRepository,
    private readonly scorrimento: ScorrimentoGraduatorie,
  ) {}

  async terminato(durable: string, envelope: EventEnvelope<string, BeneficioTerminatoV1>): Promise<void> {
    if (await alreadyHandled(this.dataSource, durable, envelope)) return;
    const piano = await this.dataSource.transaction((m) => this.piano(m, envelope.payload.beneficioId));
    if (piano) {
      const b = piano.beneficio;
      try {
        await this.scorrimento.cessaBeneficio(
          {
            avvisoId: b.avviso_id,
            graduatoriaId: b.graduatoria_id,
            istanzaId: b.istanza_id,
            causa: piano.causa,
            motivazione: `Beneficio ${b.id}: ${MOTIVI[b.causa_fine ?? 'revoca']} dal ${b.termina_dal}; ancora dovuti ${piano.ancoraDovutoCentesimi} centesimi`,
            determina: piano.determina,
          },
          { importoCentesimi: piano.riduzioneCentesimi, chiave: `misure:beneficio:${b.id}:fine` },
          SERVIZIO,
        );
      } catch (error) {
        // Ceased already (by the Ufficio di Piano, or a concurrent delivery of this event): done.
        if (!(error instanceof DomainError && error.code === 'BENEFICIO_NON_ATTIVO')) throw error;
      }
    }
    await handleOnce(this.dataSource, durable, envelope, async () => undefined);
  }

  /** What stays due and what goes back; null when there is nothing to do (not financed any more, no end). */
  async piano(m: EntityManager, beneficioId: string): Promise<PianoFine | null> {
    const b = await beneficioPerId(m, beneficioId);
    if (!b || !b.termina_dal) return null;
    const [voce] = await m.query<
      Array<{ stato: string; importo_centesimi: string; numero: string | null; data: string | null }>
    >(
      `SELECT v.stato, v.importo_centesimi, g.determina_numero AS numero, g.determina_data::text AS data
         FROM graduatoria_voce v JOIN graduatoria g ON g.id = v.graduatoria_id
        WHERE v.graduatoria_id = $1 AND v.istanza_id = $2`,
      [b.graduatoria_id, b.istanza_id],
    );
    if (!voce || voce.stato !== 'finanziata' || !voce.numero || !voce.data) {
      this.logger.log({ beneficioId }, 'beneficio terminato senza voce finanziata: nulla da ridurre');
      return null;
    }
    const impegno = Number(voce.importo_centesimi);
    const ancoraDovuto = Math.min(impegno, await this.ancoraDovuto(m, b));
    return {
      beneficio: b,
      causa: CESSAZIONE[b.causa_fine ?? 'revoca'],
      determina: { numero: voce.numero, data: voce.data },
      impegnoCentesimi: impegno,
      ancoraDovutoCentesimi: ancoraDovuto,
      riduzioneCentesimi: impegno - ancoraDovuto,
    };
  }

  private async ancoraDovuto(m: EntityManager, b: BeneficioRow): Promise<number> {
    const calcolati = await erogazioniDelBeneficio(m, b.id);
    let totale = calcolati.reduce((t, e) => t + Number(e.importo_dovuto_centesimi), 0);
    if (b.importo_mensile_centesimi === null) return totale;
    const ultimo = aggiungiGiorni(b.termina_dal!, -1);
    if (ultimo < b.dal) return totale;
    const fatti = new Set(calcolati.map((e) => e.mese));
    const regole = await this.regole.leggi(b.regole_id, m);
    const sospensioni = await sospensioniDeiBenefici(m, [b.id]);
    for (const mese of mesiTra(b.dal, ultimo < b.al ? ultimo : b.al)) {
      if (fatti.has(mese)) continue;
      totale += regole?.parametri.erogazione
        ? calcolaBeneficio(b, sospensioni, mese, regole).r.importoDovutoCentesimi
        : // Rules that do not say how a partial month is paid: the whole month stays committed.
          Number(b.importo_mensile_centesimi);
    }
    return totale;
  }
}
