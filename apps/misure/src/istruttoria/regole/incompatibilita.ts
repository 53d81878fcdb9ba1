import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';
import { data, limita } from './formato';
import { attivoIl } from './giorni';

const CODICE = 'INCOMPATIBILITA';

/**
 * INCOMPATIBILITA: no measure of the rule set's incompatibility table (§1.4, §5) active on the reference
 * day; each one found is named with the rule's own motivo.
 */
export function incompatibilita(c: Contesto): RegolaValutataV1[] {
  if (c.parametri.incompatibilita.length === 0) return [];
  const trovate = c.parametri.incompatibilita.flatMap((inc) =>
    c.dati.altreMisure
      .filter((m) => m.misura === inc.misura && attivoIl(m.dal, m.al, c.giorno))
      .map((m) => `${m.misura} attiva dal ${data(m.dal)}: ${inc.motivo}`),
  );
  return [
    trovate.length === 0
      ? soddisfatta(CODICE, `Nessuna misura incompatibile attiva al ${data(c.giorno)}`)
      : nonSoddisfatta(CODICE, limita(`Misura incompatibile: ${trovate.join('; ')}`)),
  ];
}
