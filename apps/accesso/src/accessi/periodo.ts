import { DomainError } from '@ambito/contracts';
import { isIsoDate } from '@ambito/kernel';

/** Italian public offices count days in local time: a colloquio at 00:30 on 1 March is in March. */
export const FUSO_ORARIO = 'Europe/Rome';

/** How far in the future a colloquio may be dated, for clocks slightly out of step. */
const TOLLERANZA_OROLOGIO_MS = 5 * 60_000;

export function assertDataOra(dataOra: Date): void {
  if (dataOra.getTime() > Date.now() + TOLLERANZA_OROLOGIO_MS)
    throw new DomainError('DATA_NON_VALIDA', 'Un accesso non può essere registrato con data futura.', [
      { campo: 'dataOra', messaggi: ['data futura'] },
    ]);
}

/** SQL bounds of the local days `dal`..`al` (both included), as instants. */
export function periodoLocale(dal: string, al: string) {
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
