import { DomainError, type AttestazioneIseeV1, type RegoleIseeV1 } from '@ambito/contracts';
import { scadenzaIsee, validaIl } from './regole/isee-attestazione';
import { data } from './regole/formato';

/**
 * Refuses a presentation (or a new version) whose declared ISEE attestations are all expired on the day
 * of presentation: the istanza would only be protocolled to be excluded. Validity is the engine's
 * (`validaIl`, `scadenzaIsee`: ordinary DSU to 31/12 of its year, corrente `correnteMesiValidita`
 * months). No attestation declared, one valid, or only ones presented after the day: left to the
 * istruttoria (ISEE_PRESENTE / ISEE_VALIDITA judge them).
 */
export function assertIseeNonScaduto(
  attestazioni: readonly AttestazioneIseeV1[],
  regole: RegoleIseeV1,
  giorno: string,
): void {
  if (attestazioni.some((a) => validaIl(a, regole, giorno))) return;
  const scadute = attestazioni
    .map((a) => ({ a, scadenza: scadenzaIsee(a, regole) }))
    .filter((s) => s.scadenza < giorno)
    // The one that expired last is the one the operator most likely meant to use.
    .sort((x, y) => (x.scadenza === y.scadenza ? 0 : x.scadenza < y.scadenza ? 1 : -1));
  if (scadute.length === 0) return;
  const [{ a, scadenza }] = scadute;
  const altre = scadute.length > 1 ? ` (e le altre ${scadute.length - 1} dichiarate)` : '';
  throw new DomainError(
    'ISEE_SCADUTO',
    `L’attestazione ISEE (DSU ${a.protocolloDsu}, presentata il ${data(a.dataPresentazione)}) è scaduta il ${data(scadenza)}${altre}: al ${data(giorno)}, giorno di presentazione, nessuna attestazione dichiarata è valida. Presentare l’istanza con un’attestazione ISEE in corso di validità.`,
  );
}
