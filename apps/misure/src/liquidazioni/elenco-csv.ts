import type { VoceElencoLiquidazioneV1 } from '@ambito/contracts';
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

const riga = (celle: Array<string | number | null>) => celle.map(cella).join(';') + '\r\n';

/**
 * The month's elenco di liquidazione for the ragioneria, rendered by misure in parts (a month of many
 * thousand rows is several MB, beyond a NATS message): the first part starts with a heading line (the
 * month, the total and how many rows lack a valid payee) and the column names; then one row per month
 * liquidated with its payee (the beneficiary or the delegate), codice fiscale and IBAN with the outcome
 * of its check, the amounts (due, withheld for recuperi, liquidated) and the budget's impegno and
 * liquidazione. Separator ';' (Italian locale), CRLF line ends.
 */
export function intestazioneElencoCsv(t: {
  mese: string;
  totaleLiquidatoCentesimi: number;
  daCompletare: number;
}): string {
  return (
    riga([
      `Elenco di liquidazione ${t.mese}`,
      `totale ${euro(t.totaleLiquidatoCentesimi)}`,
      `da completare ${t.daCompletare}`,
    ]) + riga(COLONNE)
  );
}

/** The rows of the elenco, one per month liquidated (see intestazioneElencoCsv). */
export function righeElencoCsv(voci: readonly VoceElencoLiquidazioneV1[]): string {
  return voci
    .map((v) =>
      riga([
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
      ]),
    )
    .join('');
}
