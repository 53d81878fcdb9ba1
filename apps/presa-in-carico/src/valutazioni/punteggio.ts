import { DomainError, type StrumentoV1 } from '@ambito/contracts';

/**
 * Checks the answers against the instrument's items (every item answered with one of its values, no
 * unknown item) and computes the score the instrument defines. The caller never sends a score.
 */
export function calcolaPunteggio(strumento: StrumentoV1, risposte: Record<string, unknown>): number | null {
  const problemi: { campo: string; messaggi: string[] }[] = [];
  const codici = new Set(strumento.items.map((i) => i.codice));
  for (const campo of Object.keys(risposte)) {
    if (!codici.has(campo))
      problemi.push({
        campo: `risposte.${campo}`,
        messaggi: [`voce non prevista da ${strumento.codice} v${strumento.versione}`],
      });
  }
  let totale = 0;
  for (const item of strumento.items) {
    const valore = risposte[item.codice];
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
