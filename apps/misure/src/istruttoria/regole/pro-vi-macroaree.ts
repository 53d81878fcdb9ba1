import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'PROVI_MACROAREE';

/** PROVI_MACROAREE: the Pro.Vi. project covers at least the rule set's minimum of its macroaree (rule 18). */
export function proViMacroaree(c: Contesto): RegolaValutataV1[] {
  const regole = c.parametri.proVi;
  if (!regole) return [];
  const progetto = c.dati.proVi;
  if (!progetto)
    return [nonSoddisfatta(CODICE, 'Manca la descrizione del progetto: nessuna macroarea indicata')];
  const valide = progetto.macroaree.filter((m) => regole.macroaree.includes(m));
  const quali = valide.length > 0 ? ` (${valide.join(', ')})` : '';
  return [
    valide.length >= regole.macroareeMinime
      ? soddisfatta(
          CODICE,
          `Il progetto comprende ${valide.length} macroaree${quali}, almeno ${regole.macroareeMinime}`,
        )
      : nonSoddisfatta(
          CODICE,
          `Il progetto comprende ${valide.length} macroaree${quali}: ne servono almeno ${regole.macroareeMinime}`,
        ),
  ];
}
