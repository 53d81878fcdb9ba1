import type { RegolaValutataV1 } from '@ambito/contracts';
import { daVerificare, nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'DISABILITA_NON_SENILE';

/**
 * DISABILITA_NON_SENILE: Dopo di Noi and Pro.Vi. require a disability not due to natural ageing (DM
 * 23/11/2016 art. 1; rules 13, 17). Not yet assessed (null): an operator checks it.
 */
export function nonSenilita(c: Contesto): RegolaValutataV1[] {
  if (!c.parametri.requisiti.disabilitaNonDaSenilita) return [];
  const daSenilita = c.dati.disabilitaDaSenilita;
  if (daSenilita === null)
    return [
      daVerificare(CODICE, 'Non è accertato se la disabilità sia determinata dal naturale invecchiamento'),
    ];
  return [
    daSenilita
      ? nonSoddisfatta(
          CODICE,
          'La disabilità è determinata dal naturale invecchiamento o da patologie connesse alla senilità',
        )
      : soddisfatta(CODICE, 'La disabilità non è determinata dal naturale invecchiamento'),
  ];
}
