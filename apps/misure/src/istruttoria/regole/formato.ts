import { Money } from '@ambito/kernel';
import type { CondizioneDisabilita, TipoIsee } from '@ambito/contracts';

/*
 * How the reasons of the istruttoria write values: amounts as `€ 25.000,00`, days as `31/12/2025`,
 * conditions and ISEE types in words. An operator reads them; they never change meaning across runs.
 */

/** Cents as `€ 25.000,00`. */
export const euro = (centesimi: number): string => Money.ofCents(centesimi).format();

/** AAAA-MM-GG as GG/MM/AAAA. */
export const data = (giorno: string): string =>
  `${giorno.slice(8, 10)}/${giorno.slice(5, 7)}/${giorno.slice(0, 4)}`;

export const NOMI_CONDIZIONI: Readonly<Record<CondizioneDisabilita, string>> = {
  'l104-art3-c3': 'gravità (art. 3 c. 3 L. 104/1992)',
  'l104-art3-c1': 'handicap (art. 3 c. 1 L. 104/1992)',
  'indennita-accompagnamento': 'indennità di accompagnamento',
  'indennita-frequenza': 'indennità di frequenza',
  'invalidita-civile': 'invalidità civile',
};

export const NOMI_TIPI_ISEE: Readonly<Record<TipoIsee, string>> = {
  ordinario: 'ordinario',
  sociosanitario: 'sociosanitario',
  minorenni: 'per minorenni',
  residenziale: 'sociosanitario-residenziale',
  corrente: 'corrente',
};

/** `a, b o c` / `a, b e c`. */
export function elenco(voci: readonly string[], congiunzione: 'o' | 'e'): string {
  if (voci.length <= 1) return voci.join('');
  return `${voci.slice(0, -1).join(', ')} ${congiunzione} ${voci[voci.length - 1]}`;
}

/** A reason fits the 500 characters of RegolaValutataV1: a long list is cut, never the sentence's start. */
export function limita(motivo: string): string {
  return motivo.length <= 500 ? motivo : `${motivo.slice(0, 497)}…`;
}

/** `il 70 %`, `l’80 %`, `l’11 %`: the article before a number read aloud from a vowel. */
export function ilPercento(n: number): string {
  const s = String(n);
  return `${s === '1' || s === '11' || s.startsWith('8') ? 'l’' : 'il '}${s} %`;
}
