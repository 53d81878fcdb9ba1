import { CODICE_PRESTAZIONE_PATTERN, DomainError, type StrumentoV1 } from '@ambito/contracts';

/**
 * Checks the answers against the instrument's items (every item answered with one of its values, no
 * unknown item) and computes the score the instrument defines. The caller never sends a score.
 */
export function calcolaPunteggio(
  strumento: StrumentoV1,
  risposte: Record<string, unknown>,
  risposteMultiple: Record<string, unknown> = {},
): number | null {
  const problemi: { campo: string; messaggi: string[] }[] = [];
  const nonPrevista = [`voce non prevista da ${strumento.codice} v${strumento.versione}`];
  const singole = new Set(strumento.items.filter((i) => !i.multiplo).map((i) => i.codice));
  const multiple = new Set(strumento.items.filter((i) => i.multiplo).map((i) => i.codice));
  for (const campo of Object.keys(risposte))
    if (!singole.has(campo)) problemi.push({ campo: `risposte.${campo}`, messaggi: nonPrevista });
  for (const campo of Object.keys(risposteMultiple))
    if (!multiple.has(campo)) problemi.push({ campo: `risposteMultiple.${campo}`, messaggi: nonPrevista });
  let totale = 0;
  for (const item of strumento.items) {
    if (item.multiplo) {
      const lista = risposteMultiple[item.codice];
      if (lista === undefined && item.facoltativo) continue;
      const ammesso = (c: unknown) =>
        typeof c === 'string' &&
        (item.formato === 'codice-prestazione'
          ? CODICE_PRESTAZIONE_PATTERN.test(c)
          : item.valori.some((v) => String(v.valore) === c));
      if (
        !Array.isArray(lista) ||
        lista.length === 0 ||
        new Set(lista).size !== lista.length ||
        !lista.every(ammesso)
      )
        problemi.push({
          campo: `risposteMultiple.${item.codice}`,
          messaggi: [
            `${item.descrizione}: una lista non vuota e senza ripetizioni di ${
              item.formato === 'codice-prestazione'
                ? 'codici prestazione SIUSS'
                : `codici fra ${item.valori.map((v) => v.valore).join(', ')}`
            }`,
          ],
        });
      continue;
    }
    const valore = risposte[item.codice];
    if (valore === undefined && item.facoltativo) continue;
    const scelta = item.valori.find((v) => v.valore === valore);
    if (scelta === undefined) {
      problemi.push({
        campo: `risposte.${item.codice}`,
        messaggi: [`${item.descrizione}: un valore fra ${item.valori.map((v) => v.valore).join(', ')}`],
      });
      continue;
    }
    totale += scelta.punti;
  }
  if (problemi.length > 0)
    throw new DomainError(
      'VALUTAZIONE_NON_VALIDA',
      `Risposte non conformi allo strumento ${strumento.codice} versione ${strumento.versione}.`,
      problemi,
    );
  return strumento.punteggio.tipo === 'somma' ? totale : null;
}
