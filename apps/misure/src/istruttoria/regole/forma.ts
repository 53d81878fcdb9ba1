import { DomainError, GIORNO_ESISTENTE, type ParametriRegoleV1 } from '@ambito/contracts';
import type { InputValutazione } from '../valuta-istanza';

/*
 * The engine trusts documents validated by their contract classes (at the API, or re-validated when a
 * rule set is read back) and runs on 100,000 istanze in the benchmark, so it does not re-run
 * class-validator. It only refuses, with a stable code, what would otherwise give a wrong answer
 * silently or a TypeError: a missing part, an impossible day, a birth after the reference day.
 */

const ARRAY_DATI = ['isee', 'riconoscimenti', 'altreMisure'] as const;
const ARRAY_PARAMETRI = ['strumenti', 'incompatibilita', 'parenteleCaregiver', 'fonti'] as const;

const errore = (campo: string, messaggio: string) =>
  new DomainError('VALIDAZIONE_FALLITA', `Istanza non valutabile: ${messaggio}`, [
    { campo, messaggi: [messaggio] },
  ]);

export function verificaForma(input: InputValutazione, parametri: ParametriRegoleV1): void {
  const dati = input?.dati as unknown as Record<string, unknown> | undefined;
  if (!dati || typeof dati !== 'object') throw errore('dati', 'mancano i dati dell’istanza');
  if (typeof input.strumento !== 'string' || input.strumento.length === 0)
    throw errore('strumento', 'manca lo strumento richiesto');
  if (typeof input.dataRiferimento !== 'string' || !GIORNO_ESISTENTE.test(input.dataRiferimento))
    throw errore('dataRiferimento', 'data di riferimento nel formato AAAA-MM-GG');
  if (!Number.isInteger(input.mesi) || input.mesi < 1 || input.mesi > 36)
    throw errore('mesi', 'i mesi dell’avviso sono un intero da 1 a 36');
  if (typeof dati.dataNascita !== 'string' || !GIORNO_ESISTENTE.test(dati.dataNascita))
    throw errore('dati.dataNascita', 'data di nascita nel formato AAAA-MM-GG');
  if (dati.dataNascita > input.dataRiferimento)
    throw new DomainError(
      'DATA_NON_VALIDA',
      'Istanza non valutabile: la data di nascita è successiva alla data di riferimento',
      [{ campo: 'dati.dataNascita', messaggi: ['successiva alla data di riferimento'] }],
    );
  for (const campo of ARRAY_DATI)
    if (!Array.isArray(dati[campo])) throw errore(`dati.${campo}`, `manca l’elenco ${campo}`);
  if (!dati.presaInCarico || typeof dati.presaInCarico !== 'object')
    throw errore('dati.presaInCarico', 'manca lo stato della presa in carico');
  const p = parametri as unknown as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || !p.requisiti || !p.isee || !p.sollievo)
    throw errore('regole', 'regole della misura incomplete');
  for (const campo of ARRAY_PARAMETRI)
    if (!Array.isArray(p[campo])) throw errore(`regole.${campo}`, `manca l’elenco ${campo}`);
}
