import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'DDN_GRUPPO_APPARTAMENTO';

/** DDN_GRUPPO_APPARTAMENTO: a group home of at most the strumento's `personeMassime` (DGR 6674/2017: 5). */
export function ddnGruppoAppartamento(c: Contesto): RegolaValutataV1[] {
  const massimo = c.strumento?.personeMassime ?? null;
  if (massimo === null) return [];
  const persone = c.dati.dopoDiNoi?.personeGruppoAppartamento ?? null;
  if (persone === null) return [nonSoddisfatta(CODICE, 'Manca il numero di persone del gruppo appartamento')];
  return [
    persone <= massimo
      ? soddisfatta(CODICE, `Gruppo appartamento di ${persone} persone, entro il massimo di ${massimo}`)
      : nonSoddisfatta(CODICE, `Gruppo appartamento di ${persone} persone, oltre il massimo di ${massimo}`),
  ];
}
