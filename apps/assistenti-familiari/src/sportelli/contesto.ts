import { DomainError, type Actor, type TerritorioV1 } from '@ambito/contracts';

/** What the registro needs of the service's configuration: its registro (the ambito's code) and territorio. */
export interface ContestoRegistro {
  /** The registro this service keeps: the ambito's code (AMBITO_CODICE). */
  registro: string;
  territorio: TerritorioV1;
  /** Today (AAAA-MM-GG) in the ambito's time zone; tests give a fixed clock. */
  oggi: () => string;
}
export const CONTESTO_REGISTRO = Symbol('CONTESTO_REGISTRO');

/** The sedi of the territorio that are sportelli assistenti familiari. */
export function sportelliDelTerritorio(territorio: TerritorioV1): TerritorioV1['sedi'] {
  return territorio.sedi.filter((s) => s.funzioni?.includes('sportello-assistenti-familiari'));
}

const isUfficioDiPiano = (actor: Actor) => actor.ruoli.includes('ufficio-di-piano');

/**
 * The registro is one per ambito, shared by its sportelli: the Ufficio di Piano works on all of it, an
 * operator (front desk, équipe) when one of the sportelli is in its sub-ambiti. Refused otherwise.
 */
export function verificaOperatoreRegistro(actor: Actor, territorio: TerritorioV1): void {
  if (isUfficioDiPiano(actor)) return;
  if (sportelliDelTerritorio(territorio).some((s) => actor.subAmbiti.includes(s.subAmbito))) return;
  throw new DomainError(
    'FUORI_AMBITO_TERRITORIALE',
    'Operazione non consentita: nessuno sportello assistenti familiari nei sub-ambiti assegnati.',
  );
}

/** A sportello of the territorio where the actor may receive candidature (its sub-ambito, or any for the UdP). */
export function sportelloDellOperatore(actor: Actor, territorio: TerritorioV1, codice: string): string {
  const sportello = sportelliDelTerritorio(territorio).find((s) => s.codice === codice);
  if (!sportello)
    throw new DomainError(
      'SEDE_SCONOSCIUTA',
      `La sede ${codice} non è uno sportello assistenti familiari dell’Ambito.`,
      [
        {
          campo: 'sportello',
          messaggi: [
            `una fra ${
              sportelliDelTerritorio(territorio)
                .map((s) => s.codice)
                .join(', ') || '(nessuna)'
            }`,
          ],
        },
      ],
    );
  if (!isUfficioDiPiano(actor) && !actor.subAmbiti.includes(sportello.subAmbito))
    throw new DomainError(
      'FUORI_AMBITO_TERRITORIALE',
      `Operazione non consentita: lo sportello ${codice} non è di un sub-ambito assegnato.`,
    );
  return sportello.codice;
}
