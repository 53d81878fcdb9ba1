import { DomainError } from '@ambito/contracts';
import type { Visibilita } from '../scope/ambito-visibilita';
import type { AccessoEntity } from './accesso.entity';

export const accessoNonTrovato = () => new DomainError('ACCESSO_NON_TROVATO', 'Accesso non trovato.');

/** How far in the future a colloquio may be dated, for clocks slightly out of step. */
const TOLLERANZA_OROLOGIO_MS = 5 * 60_000;

export function assertDataOra(dataOra: Date): void {
  if (dataOra.getTime() > Date.now() + TOLLERANZA_OROLOGIO_MS)
    throw new DomainError('DATA_NON_VALIDA', 'Un accesso non può essere registrato con data futura.', [
      { campo: 'dataOra', messaggi: ['data futura'] },
    ]);
}

export function assertAperto(accesso: AccessoEntity): void {
  if (accesso.stato === 'chiuso')
    throw new DomainError('ACCESSO_GIA_CHIUSO', 'L’accesso è già chiuso: si può solo annotare.');
}

export function visibile(accesso: AccessoEntity, { subAmbiti, comuni }: Visibilita): boolean {
  return subAmbiti.includes(accesso.subAmbito) || comuni.includes(accesso.comuneResidenza);
}

/** What every event of an accesso says of it: where it happened and for whom, without personal data. */
export function riferimenti(
  a: Pick<AccessoEntity, 'id' | 'personaId' | 'sede' | 'subAmbito' | 'comuneResidenza' | 'areaBisogno'>,
) {
  return {
    accessoId: a.id,
    personaId: a.personaId,
    sede: a.sede,
    subAmbito: a.subAmbito,
    comuneResidenza: a.comuneResidenza,
    areaBisogno: a.areaBisogno,
  };
}
