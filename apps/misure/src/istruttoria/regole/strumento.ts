import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'STRUMENTO_PREVISTO';

/** STRUMENTO_PREVISTO: the strumento applied for exists in the rule set and is offered for the area. */
export function strumentoPrevisto(c: Contesto): RegolaValutataV1[] {
  const s = c.strumento;
  if (!s)
    return [
      nonSoddisfatta(
        CODICE,
        `Lo strumento «${c.codiceStrumento}» non è previsto dalle regole della misura (previsti: ${c.parametri.strumenti.map((x) => x.codice).join(', ') || 'nessuno'})`,
      ),
    ];
  if (c.fascia && !s.aree.includes(c.fascia.area))
    return [
      nonSoddisfatta(
        CODICE,
        `Lo strumento «${s.codice}» non è previsto per l’area ${c.fascia.area} (solo ${s.aree.join(', ')})`,
      ),
    ];
  return [soddisfatta(CODICE, `Strumento «${s.codice}»: ${s.descrizione}`)];
}
