import type { RegolaValutataV1 } from '@ambito/contracts';
import { daVerificare, soddisfatta, type Contesto } from './contesto';

const CODICE = 'DDN_URGENZA';

/** The four urgency dimensions of DM 23/11/2016 art. 4 c. 2, as declared. */
function dimensioni(c: Contesto): [string, number][] | null {
  const d = c.dati.dopoDiNoi;
  if (!d) return null;
  return [
    ['autonomia', d.urgenzaAutonomia],
    ['sostegni familiari', d.urgenzaSostegniFamiliari],
    ['condizione abitativa', d.urgenzaAbitativa],
    ['condizione economica', d.urgenzaEconomica],
  ];
}

/** The urgency score: the sum of the four dimensions, each at most the rule set's scale. */
export function punteggioUrgenza(c: Contesto): number {
  const massimo = c.parametri.dopoDiNoi?.punteggioMassimoDimensione;
  const dims = dimensioni(c);
  if (!massimo || !dims) return 0;
  return dims.reduce((s, [, v]) => s + Math.min(v, massimo), 0);
}

/**
 * The guaranteed priority level (DM 23/11/2016 art. 4 c. 3): the best of the person's priorities in the
 * rule set's list, the first listed highest (3, 2, 1); 0 none.
 */
export function livelloPriorita(c: Contesto): number {
  const garantite = c.parametri.dopoDiNoi?.prioritaGarantite ?? [];
  const proprie = c.dati.dopoDiNoi?.priorita ?? [];
  const indice = garantite.findIndex((p) => proprie.includes(p));
  return indice < 0 ? 0 : garantite.length - indice;
}

/**
 * DDN_URGENZA: the urgency score on its four dimensions (rule 14), with the guaranteed priority; a
 * dimension above the rule set's scale is capped and checked by an operator.
 */
export function ddnUrgenza(c: Contesto): RegolaValutataV1[] {
  const regole = c.parametri.dopoDiNoi;
  if (!regole) return [];
  const dims = dimensioni(c);
  if (!dims) return [daVerificare(CODICE, 'Mancano i dati di urgenza del Dopo di Noi')];
  const oltre = dims.filter(([, v]) => v > regole.punteggioMassimoDimensione).map(([n]) => n);
  const dettaglio = dims.map(([n, v]) => `${n} ${v}`).join(', ');
  const livello = livelloPriorita(c);
  const priorita =
    livello > 0
      ? `; priorità garantita ${regole.prioritaGarantite[regole.prioritaGarantite.length - livello]}`
      : '';
  if (oltre.length > 0)
    return [
      daVerificare(
        CODICE,
        `Punteggio oltre la scala di ${regole.punteggioMassimoDimensione} per ${oltre.join(', ')} (${dettaglio}): conteggiato al massimo`,
      ),
    ];
  return [soddisfatta(CODICE, `Urgenza ${punteggioUrgenza(c)} (${dettaglio})${priorita}`)];
}
