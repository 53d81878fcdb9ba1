import { Injectable } from '@nestjs/common';
import {
  DomainError,
  MISURE_CHIAMATE,
  type CausaleRiduzione,
  type DeterminaGraduatoriaV1,
  type ErrorCode,
  type ImpegnoV1,
  type VoceLottoImpegniV1,
} from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';
import type { GraduatoriaRow, VoceDaImpegnare } from './graduatorie.sql';

/**
 * The budget service as the graduatorie use it: impegni and riduzioni requested with the misure
 * service's own identity (MISURE_CHIAMATE), never an operator's. The idempotency key names the istanza
 * and the attempt, so a repeated request returns the impegno already made instead of a second one.
 */
@Injectable()
export class ImpegniBudget {
  constructor(private readonly chiamate: ServiceCaller) {}

  impegna(
    g: GraduatoriaRow,
    v: VoceDaImpegnare,
    chiaveIdempotenza: string,
    determina: DeterminaGraduatoriaV1,
  ): Promise<ImpegnoV1> {
    return this.chiamate.chiama(
      MISURE_CHIAMATE.impegno,
      { ...lineaDellaGraduatoria(g), ...voceImpegno(g, v, chiaveIdempotenza, determina) },
      { motivo: `Graduatoria ${g.id}: beneficio dell’istanza ${v.protocollo_numero}/${v.protocollo_anno}` },
    );
  }

  /**
   * The impegni of several entries (at most MAX_IMPEGNI_PER_LOTTO, IMPEGNI_PER_LOTTO as configured) in one request, all or nothing:
   * budget locks the line once for all of them. The impegni in the entries' order; each key as `impegna`
   * would send it, so a single request and a batch find each other's impegni.
   */
  impegnaLotto(
    g: GraduatoriaRow,
    voci: Array<{ voce: VoceDaImpegnare; chiave: string }>,
    determina: DeterminaGraduatoriaV1,
  ): Promise<ImpegnoV1[]> {
    return this.chiamate.chiama(
      MISURE_CHIAMATE.impegnoLotto,
      {
        ...lineaDellaGraduatoria(g),
        impegni: voci.map(({ voce, chiave }) => voceImpegno(g, voce, chiave, determina)),
      },
      { motivo: `Graduatoria ${g.id}: benefici di ${voci.length} istanze finanziate` },
    );
  }

  /**
   * Reduces what is left of an impegno, or `parte.importoCentesimi` of it (a beneficio that ends: what
   * will no longer be paid), once per `parte.chiave` (the Idempotency-Key: a repeated call after a
   * partial failure gets the first reply, not a second riduzione). Already reduced to nothing (a
   * repeated full riduzione): nothing to do, `null`.
   */
  async riduci(
    impegnoId: string,
    causale: CausaleRiduzione,
    motivazione: string,
    parte: { importoCentesimi: number; chiave: string } | null = null,
  ): Promise<ImpegnoV1 | null> {
    try {
      return await this.chiamate.chiama(
        MISURE_CHIAMATE.riduzione,
        {
          id: impegnoId,
          causale,
          motivazione: motivazione.slice(0, 300),
          ...(parte ? { importoCentesimi: parte.importoCentesimi } : {}),
        },
        { motivo: motivazione.slice(0, 200), ...(parte ? { idempotencyKey: parte.chiave } : {}) },
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RIDUZIONE_OLTRE_RESIDUO') return null;
      throw error;
    }
  }
}

/** The line (and fund/annualità when the graduatoria names them) an impegno of `g` is charged to. */
function lineaDellaGraduatoria(g: GraduatoriaRow): { linea: string; fondo?: string; anno?: number } {
  return {
    linea: g.linea,
    ...(g.fondo ? { fondo: g.fondo } : {}),
    ...(g.fondo && g.anno_fondo ? { anno: g.anno_fondo } : {}),
  };
}

/** What an entry's impegno says (no name: the protocol and the ids find the istanza in misure). */
function voceImpegno(
  g: GraduatoriaRow,
  v: VoceDaImpegnare,
  chiaveIdempotenza: string,
  determina: DeterminaGraduatoriaV1,
): VoceLottoImpegniV1 {
  return {
    chiaveIdempotenza,
    importoCentesimi: Number(v.importo_centesimi),
    descrizione: `${g.misura} ${g.strumento} (${g.area}), istanza ${v.protocollo_numero}/${v.protocollo_anno}`,
    riferimento: `misure:istanza:${v.istanza_id}`,
    ...(v.comune_residenza && /^\d{6}$/.test(v.comune_residenza)
      ? { comuneResidenza: v.comune_residenza }
      : {}),
    determina,
    creditore: { tipo: 'persona', identificativo: `persona:${v.persona_id}` },
  };
}

/** How many impegni one batch request to budget carries (MisureConfig.IMPEGNI_PER_LOTTO). */
export const IMPEGNI_PER_LOTTO = Symbol('IMPEGNI_PER_LOTTO');

/** Request key of an impegno: the istanza and the attempt (`a<n>` approval, `s<n>` scorrimento). */
export const chiaveImpegno = (istanzaId: string, tentativo: string): string =>
  `misure:istanza:${istanzaId}:${tentativo}`;

/**
 * Whether a failed call may still have committed: no answer in time, or something not a refusal. A
 * refusal of the budget (BUDGET_INSUFFICIENTE, SERVIZIO_NON_ABILITATO…) wrote nothing there.
 */
export function esitoIncerto(error: unknown): boolean {
  if (!(error instanceof DomainError)) return true;
  const incerti: ErrorCode[] = [
    'ESITO_NON_DETERMINATO',
    'SCADENZA_SUPERATA',
    'SERVIZIO_NON_DISPONIBILE',
    'ERRORE_INTERNO',
  ];
  return incerti.includes(error.code);
}

/**
 * The last day of a benefit starting on `dal` for `mesi` months (AAAA-MM-GG): the day before the same
 * day `mesi` months later, that day clamped to the month's end (from 31 January, one month ends on
 * 27 February, the day before 28 February, not in March).
 */
export function fineBeneficio(dal: string, mesi: number): string {
  const [a, m, g] = dal.split('-').map(Number);
  const ultimoDelMese = new Date(Date.UTC(a, m - 1 + mesi + 1, 0)).getUTCDate();
  const fine = new Date(Date.UTC(a, m - 1 + mesi, Math.min(g, ultimoDelMese)) - 86_400_000);
  return fine.toISOString().slice(0, 10);
}
