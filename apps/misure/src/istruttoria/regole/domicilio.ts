import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

/** DOMICILIO: the person lives at home, not in a definitive residential placement (rule 6). */
export function domicilio(c: Contesto): RegolaValutataV1[] {
  if (!c.parametri.requisiti.domicilio) return [];
  return [
    c.dati.alDomicilio
      ? soddisfatta('DOMICILIO', 'La persona vive al proprio domicilio')
      : nonSoddisfatta(
          'DOMICILIO',
          'La persona non vive al domicilio (accolta in via definitiva in una struttura)',
        ),
  ];
}
