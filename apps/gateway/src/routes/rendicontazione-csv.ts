import type { SituazioneFondoRispostaV1 } from '@ambito/contracts';
import { Money } from '@ambito/kernel';

const COLONNE = [
  'fondo',
  'annualita',
  'linea',
  'denominazione',
  'assegnato',
  'dotato',
  'impegnato',
  'liquidato',
  'da_dotare',
  'disponibile',
];

/** Euros with a decimal comma and no grouping ('1234,56'): what spreadsheets in Italian read as a number. */
function euro(centesimi: number | undefined): string {
  if (centesimi === undefined) return '';
  return Money.ofCents(centesimi).format().replace('€ ', '').replace(/\./g, '');
}

function cella(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The situation of a fund as CSV for the Region's reporting: one row per annualità and line, then the
 * annualità's total with what was assigned and is still to allocate. Separator ';' (Italian locale).
 */
export function rendicontazioneCsv(s: SituazioneFondoRispostaV1): string {
  const righe: Array<Array<string | number>> = [COLONNE];
  for (const a of s.annualita) {
    for (const l of a.linee)
      righe.push([
        s.fondo.codice,
        a.anno,
        l.codice,
        l.denominazione,
        '',
        euro(l.dotatoCentesimi),
        euro(l.impegnatoCentesimi),
        euro(l.liquidatoCentesimi),
        '',
        euro(l.disponibileCentesimi),
      ]);
    righe.push([
      s.fondo.codice,
      a.anno,
      '',
      `Totale ${s.fondo.denominazione} ${a.anno}`,
      euro(a.assegnatoCentesimi),
      euro(a.dotatoCentesimi),
      euro(a.impegnatoCentesimi),
      euro(a.liquidatoCentesimi),
      euro(a.daDotareCentesimi),
      euro(a.disponibileCentesimi),
    ]);
  }
  return righe.map((r) => r.map(cella).join(';')).join('\r\n') + '\r\n';
}
