import type { ElencoLiquidazioneV1 } from '@ambito/contracts';
import { Money } from '@ambito/kernel';

const COLONNE = [
  'protocollo',
  'misura',
  'strumento',
  'intestatario',
  'nominativo',
  'codice_fiscale',
  'iban',
  'controllo_iban',
  'importo_dovuto',
  'compensato',
  'importo_liquidato',
  'impegno',
  'liquidazione',
];

/** Euros with a decimal comma and no grouping ('1234,56'): what spreadsheets in Italian read as a number. */
function euro(centesimi: number): string {
  return Money.ofCents(centesimi).format().replace('€ ', '').replace(/\./g, '');
}

/** A cell quoted when it holds the separator, a quote or a line break; a leading formula sign neutralised. */
function cella(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const sicuro = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(sicuro) ? `"${sicuro.replace(/"/g, '""')}"` : sicuro;
}

/**
 * The month's elenco di liquidazione for the ragioneria: one row per month liquidated with its payee
 * (the beneficiary or the delegate), codice fiscale and IBAN with the outcome of its check, the amounts
 * (due, withheld for recuperi, liquidated) and the budget's impegno and liquidazione. Separator ';'
 * (Italian locale), a heading line with the month, the total and how many rows lack a valid payee.
 */
export function elencoLiquidazioneCsv(e: ElencoLiquidazioneV1): string {
  const righe: Array<Array<string | number | null>> = [
    [
      `Elenco di liquidazione ${e.mese}`,
      `totale ${euro(e.totaleLiquidatoCentesimi)}`,
      `da completare ${e.daCompletare}`,
    ],
    COLONNE,
  ];
  for (const v of e.voci)
    righe.push([
      v.protocollo,
      v.misura,
      v.strumento,
      v.intestatario,
      v.nominativo,
      v.codiceFiscale,
      v.iban,
      v.controlloIban,
      euro(v.importoDovutoCentesimi),
      euro(v.compensatoCentesimi),
      euro(v.importoLiquidatoCentesimi),
      v.impegnoId,
      v.liquidazioneBudgetId,
    ]);
  return righe.map((r) => r.map(cella).join(';')).join('\r\n') + '\r\n';
}
