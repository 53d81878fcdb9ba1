import { DomainError, type Actor, type TerritorioV1 } from '@ambito/contracts';

/** What the sportello's features know of the ambito: its codes and its territorio (comuni → sub-ambiti). */
export interface ContestoSportello {
  /** The service's ambito code (AMBITO_CODICE), the code of its registro. */
  ambito: string;
  territorio: TerritorioV1;
}

export const CONTESTO_SPORTELLO = Symbol('CONTESTO_SPORTELLO');

/** The sub-ambito of a comune of the ambito; refused (with an operator's message) when it is not one. */
export function subAmbitoDelComune(contesto: ContestoSportello, comune: string): string {
  const trovato = contesto.territorio.comuni.find((c) => c.istat === comune);
  if (!trovato)
    throw new DomainError(
      'COMUNE_SCONOSCIUTO',
      `Il comune ${comune} non è dell’Ambito ${contesto.territorio.ambito.denominazione}: lo sportello segue le famiglie dei suoi comuni.`,
    );
  return trovato.subAmbito;
}

/** A sede of the territorio, refused when unknown. */
export function sedeDelloSportello(contesto: ContestoSportello, sede: string): string {
  if (!contesto.territorio.sedi.some((s) => s.codice === sede))
    throw new DomainError('SEDE_SCONOSCIUTA', `La sede ${sede} non è fra le sedi dell’Ambito.`);
  return sede;
}

/** The codes a scheda may name for "the whole ambito". */
export function codiciAmbito(contesto: ContestoSportello): string[] {
  return [contesto.ambito, contesto.territorio.ambito.codice];
}

/**
 * The data subject of the sportello's audit rows: the family's person (the service's default subject
 * is the assistant, whose register it keeps).
 */
export const PERSONA = 'persona';

/*
 * Who sees a family's file (docs/sportello-sub-ambiti.md). The register of assistants is one per ambito,
 * shared by its desks; a family's richiesta, the proposals on it, its contract and its Bonus pre-checks
 * belong to the desk that holds them (Oglio Po: Casalmaggiore for the area casalasca, Viadana for the
 * viadanese, seed 003). An operator sees them when the desk's sub-ambito is one of its own, or the
 * family's comune is in one of its sub-ambiti (the social worker of the family's comune); the Ufficio di
 * Piano sees all. Everybody else is refused, and the refusal audited, however the gateway routed it.
 */

/** What decides who sees a family's file: the desk that holds it and the family's sub-ambito. */
export interface TitolareFascicolo {
  sportello: string | null;
  /** The sub-ambito of the family's comune (null when not known, e.g. a contract without richiesta). */
  subAmbito: string | null;
}

const sportelliAf = (contesto: ContestoSportello) =>
  contesto.territorio.sedi.filter((s) => s.funzioni?.includes('sportello-assistenti-familiari'));

const distrettoDi = (contesto: ContestoSportello, subAmbito: string) =>
  contesto.territorio.subAmbiti.find((s) => s.codice === subAmbito)?.distretto ?? null;

/**
 * The desk of the area of a comune: the sportello of the comune's own sub-ambito, else the only one of
 * its distretto (Oglio Po: Casalmaggiore's desk serves the five sub-ambiti of the Casalasco); null when
 * the territorio names none, and then only the Ufficio di Piano and the family's sub-ambito see it.
 */
export function sportelloDellArea(contesto: ContestoSportello, comune: string): string | null {
  const subAmbito = subAmbitoDelComune(contesto, comune);
  const sportelli = sportelliAf(contesto);
  const proprio = sportelli.find((s) => s.subAmbito === subAmbito);
  if (proprio) return proprio.codice;
  const distretto = distrettoDi(contesto, subAmbito);
  const delDistretto = sportelli.filter(
    (s) => distretto !== null && distrettoDi(contesto, s.subAmbito) === distretto,
  );
  return delDistretto.length === 1 ? delDistretto[0].codice : null;
}

/** Whether the actor may see (and act on) a family's file held by `titolare`. */
export function vedeFascicolo(
  actor: Actor,
  contesto: ContestoSportello,
  titolare: TitolareFascicolo,
): boolean {
  if (actor.ruoli.includes('ufficio-di-piano')) return true;
  const sede = sportelliAf(contesto).find((s) => s.codice === titolare.sportello);
  if (sede && actor.subAmbiti.includes(sede.subAmbito)) return true;
  return titolare.subAmbito !== null && actor.subAmbiti.includes(titolare.subAmbito);
}

export const fuoriDalSubAmbito = () =>
  new DomainError(
    'FUORI_AMBITO_TERRITORIALE',
    'Operazione non consentita: la famiglia è seguita dallo sportello di un altro sub-ambito.',
  );

/**
 * The desk that will hold a new file: the one named (it must be of the actor's sub-ambiti, any for the
 * Ufficio di Piano), else the actor's only desk; refused when it cannot be told.
 */
export function sportelloDellOperatore(
  actor: Actor,
  contesto: ContestoSportello,
  codice?: string | null,
): string {
  const sportelli = sportelliAf(contesto);
  const udp = actor.ruoli.includes('ufficio-di-piano');
  if (codice) {
    const sede = sportelli.find((s) => s.codice === codice);
    if (!sede)
      throw new DomainError(
        'SEDE_SCONOSCIUTA',
        `La sede ${codice} non è uno sportello assistenti familiari dell’Ambito.`,
        [
          {
            campo: 'sportello',
            messaggi: [`una fra ${sportelli.map((s) => s.codice).join(', ') || '(nessuna)'}`],
          },
        ],
      );
    if (!udp && !actor.subAmbiti.includes(sede.subAmbito))
      throw new DomainError(
        'FUORI_AMBITO_TERRITORIALE',
        `Operazione non consentita: lo sportello ${codice} non è di un sub-ambito assegnato.`,
      );
    return sede.codice;
  }
  const propri = sportelli.filter((s) => actor.subAmbiti.includes(s.subAmbito));
  if (propri.length === 1) return propri[0].codice;
  throw new DomainError('VALIDAZIONE_FALLITA', 'Indicare lo sportello che tiene il contratto.', [
    {
      campo: 'sportello',
      messaggi: [`una fra ${(udp ? sportelli : propri).map((s) => s.codice).join(', ') || '(nessuna)'}`],
    },
  ]);
}
