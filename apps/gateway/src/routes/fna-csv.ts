import type { RendicontazioneFnaV1 } from '@ambito/contracts';
import { Money } from '@ambito/kernel';

const COLONNE = [
  'ambito',
  'anno',
  'misura',
  'strumento',
  'area',
  'fondo',
  'annualita_fondo',
  'beneficiari',
  'mensilita',
  'importo',
  'liquidato',
  'cofinanziamento_ambito',
];

/** Euros with a decimal comma and no grouping ('1234,56'): what spreadsheets in Italian read as a number. */
function euro(centesimi: number): string {
  return Money.ofCents(centesimi).format().replace('€ ', '').replace(/\./g, '');
}

function cella(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The Region's FNA rendicontazione of a year (issue 10, point 8): one row per measure, strumento, area
 * and fund annualità with beneficiaries, paid months and amounts, then the total. Separator ';'.
 * Beneficiaries are counts: no person is named or identified.
 */
export function rendicontazioneFnaCsv(r: RendicontazioneFnaV1): string {
  const righe: Array<Array<string | number | null>> = [COLONNE];
  for (const x of r.righe)
    righe.push([
      r.ambito,
      r.anno,
      x.misura,
      x.strumento,
      x.area,
      x.fondo,
      x.annoFondo,
      x.beneficiari,
      x.mesi,
      euro(x.importoCentesimi),
      euro(x.liquidatoCentesimi),
      euro(x.cofinanziamentoAmbitoCentesimi),
    ]);
  const somma = (f: (x: RendicontazioneFnaV1['righe'][number]) => number) =>
    r.righe.reduce((t, x) => t + f(x), 0);
  righe.push([
    r.ambito,
    r.anno,
    'totale',
    '',
    '',
    '',
    '',
    '',
    somma((x) => x.mesi),
    euro(somma((x) => x.importoCentesimi)),
    euro(somma((x) => x.liquidatoCentesimi)),
    euro(somma((x) => x.cofinanziamentoAmbitoCentesimi)),
  ]);
  return righe.map((riga) => riga.map(cella).join(';')).join('\r\n') + '\r\n';
}
