import { DomainError } from '@ambito/contracts';
import { isIsoDate } from '@ambito/kernel';

/** Italian public offices count days in local time: an access at 00:30 on 1 March is in March. */
export const FUSO_ORARIO = 'Europe/Rome';

/** A period of local days as SQL bounds: `${colonna} >= ${da} AND ${colonna} < ${a}`, with `parametri`. */
export interface PeriodoLocale {
  da: string;
  a: string;
  parametri: { dal: string; al: string };
}

/**
 * SQL bounds of the local days `dal`..`al` (YYYY-MM-DD, both included), as instants; the parameters are
 * named `:dal` and `:al`. An impossible date or a period that ends before it starts is DATA_NON_VALIDA.
 */
export function periodoLocale(dal: string, al: string): PeriodoLocale {
  for (const [campo, valore] of [
    ['dal', dal],
    ['al', al],
  ] as const)
    if (!isIsoDate(valore))
      throw new DomainError('DATA_NON_VALIDA', `Data ${campo} inesistente.`, [
        { campo, messaggi: ['data inesistente'] },
      ]);
  if (dal > al)
    throw new DomainError('DATA_NON_VALIDA', 'Il periodo finisce prima di cominciare.', [
      { campo: 'al', messaggi: ['precedente a dal'] },
    ]);
  return {
    da: `(CAST(:dal AS date)::timestamp AT TIME ZONE '${FUSO_ORARIO}')`,
    a: `((CAST(:al AS date) + 1)::timestamp AT TIME ZONE '${FUSO_ORARIO}')`,
    parametri: { dal, al },
  };
}

/** The same, for a filter whose ends may be missing (from the first day, up to the last). */
export function periodoLocaleAperto(dal: string | undefined, al: string | undefined): PeriodoLocale {
  return periodoLocale(dal ?? '1900-01-01', al ?? '9999-12-31');
}
