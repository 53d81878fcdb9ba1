import type { GraduatoriaV1, VoceGraduatoriaV1 } from '@ambito/contracts';
import { Money } from '@ambito/kernel';

const COLONNE = ['posizione', 'protocollo', 'esito', 'importo_mensile', 'importo'];

/** Euros with a decimal comma and no grouping ('1234,56'): what spreadsheets in Italian read as a number. */
function euro(centesimi: number | null): string {
  if (centesimi === null) return '';
  return Money.ofCents(centesimi).format().replace('€ ', '').replace(/\./g, '');
}

function cella(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A graduatoria for publication (albo, sito dell'Ambito): one row per position with the istanza's
 * protocol number, its esito and amount, never a name or an id of a person. Separator ';' (Italian
 * locale), a heading line naming the graduatoria and its determina.
 */
export function graduatoriaCsv(g: GraduatoriaV1, voci: readonly VoceGraduatoriaV1[]): string {
  const righe: Array<Array<string | number>> = [
    [
      `Graduatoria ${g.misura} ${g.strumento} ${g.area}`,
      g.stato,
      g.determina ? `determina ${g.determina.numero} del ${g.determina.data}` : '',
      `budget ${euro(g.budgetCentesimi)}`,
      `finanziato ${euro(g.finanziatoCentesimi)}`,
    ],
    COLONNE,
  ];
  for (const v of voci)
    righe.push([
      v.posizione,
      v.protocollo,
      v.esito,
      euro(v.importoMensileCentesimi),
      euro(v.importoCentesimi),
    ]);
  return righe.map((r) => r.map(cella).join(';')).join('\r\n') + '\r\n';
}
