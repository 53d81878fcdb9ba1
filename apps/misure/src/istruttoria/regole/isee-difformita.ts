import type { RegolaValutataV1 } from '@ambito/contracts';
import { daVerificare, nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'ISEE_DIFFORMITA';

/**
 * ISEE_DIFFORMITA: an attestation with omissions or discrepancies (PresenzaDifformita) is not admitted
 * automatically (rule 5): an operator checks it, or it is refused when the rule set says so.
 */
export function iseeDifformita(c: Contesto): RegolaValutataV1[] {
  if (!c.isee) return [];
  if (!c.isee.difformita)
    return [soddisfatta(CODICE, `L’attestazione ${c.isee.protocolloDsu} non riporta omissioni o difformità`)];
  const motivo = `L’attestazione ${c.isee.protocolloDsu} riporta omissioni o difformità`;
  return [
    c.parametri.isee.difformitaDaVerificare
      ? daVerificare(CODICE, `${motivo}: la verifica un operatore`)
      : nonSoddisfatta(CODICE, `${motivo}: le regole non la ammettono`),
  ];
}
