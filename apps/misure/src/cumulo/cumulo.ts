import type { MisuraCumulo } from '@ambito/contracts';
import { euro } from '../istruttoria/regole/formato';

/*
 * Rule 10: for the same assistente familiare's contract, the contributions of B1/B2, the Bonus
 * assistenti familiari and the Dopo di Noi never exceed the wage cost of the contract. Judged per month
 * (a one-off Bonus counts for its months, spread evenly), at grant and before each payment. Pure.
 */

export interface ContributoCumulo {
  misura: MisuraCumulo;
  riferimento: string;
  mensileCentesimi: number;
}

export interface VerificaCumulo {
  /** The contract's monthly wage cost (contributions included). */
  costoMensileCentesimi: number;
  /** The other contributions for the same contract in the month (the one being judged excluded). */
  altri: readonly ContributoCumulo[];
  /** The measures that add up (rule set's `conti.cumulo.misure`): the others are not counted. */
  misure: readonly MisuraCumulo[];
  /** What is asked for the month. */
  richiestoCentesimi: number;
}

export interface EsitoCumulo {
  esito: 'entro-costo' | 'ridotto' | 'nessuno-spazio';
  altriCentesimi: number;
  /** What can be paid: the request, reduced to the room the others leave. */
  ammessoCentesimi: number;
  motivo: string;
}

export function verificaCumulo(v: VerificaCumulo): EsitoCumulo {
  const contati = v.altri.filter((a) => v.misure.includes(a.misura));
  const altri = contati.reduce((t, a) => t + a.mensileCentesimi, 0);
  const elenco = contati.length
    ? contati.map((a) => `${a.misura} ${euro(a.mensileCentesimi)}`).join(', ')
    : 'nessuno';
  const costo = euro(v.costoMensileCentesimi);
  if (altri + v.richiestoCentesimi <= v.costoMensileCentesimi)
    return {
      esito: 'entro-costo',
      altriCentesimi: altri,
      ammessoCentesimi: v.richiestoCentesimi,
      motivo: `${euro(v.richiestoCentesimi)} + altri contributi per lo stesso assistente (${elenco}) entro il costo mensile del contratto di ${costo}`,
    };
  const spazio = Math.max(0, v.costoMensileCentesimi - altri);
  if (spazio === 0)
    return {
      esito: 'nessuno-spazio',
      altriCentesimi: altri,
      ammessoCentesimi: 0,
      motivo: `Gli altri contributi per lo stesso assistente (${elenco}) coprono già il costo mensile del contratto di ${costo}`,
    };
  return {
    esito: 'ridotto',
    altriCentesimi: altri,
    ammessoCentesimi: spazio,
    motivo: `${euro(v.richiestoCentesimi)} + altri contributi (${elenco}) oltre il costo mensile del contratto di ${costo}: ridotto a ${euro(spazio)}`,
  };
}

/** A one-off amount (the yearly Bonus) as its monthly share over its months, rounded up (never under). */
export function quotaMensile(importoCentesimi: number, mesi: number): number {
  return Math.ceil(importoCentesimi / Math.max(1, mesi));
}
