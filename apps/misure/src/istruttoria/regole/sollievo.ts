import type { RegolaValutataV1 } from '@ambito/contracts';
import { nonSoddisfatta, soddisfatta, type Contesto } from './contesto';

const CODICE = 'RICOVERO_SOLLIEVO';

/**
 * RICOVERO_SOLLIEVO: ricoveri di sollievo are compatible up to the rule set's days per year, adults and
 * minors apart (rule 7); beyond them the measure is not granted. Counts the days of the `ricovero-sollievo`
 * periods declared in the reference day's year.
 */
export function sollievo(c: Contesto): RegolaValutataV1[] {
  const anno = c.giorno.slice(0, 4);
  const ricoveri = c.dati.altreMisure.filter(
    (m) =>
      m.misura === 'ricovero-sollievo' &&
      m.dal.slice(0, 4) <= anno &&
      (m.al === null || m.al.slice(0, 4) >= anno),
  );
  if (ricoveri.length === 0) return [];
  const giorni = ricoveri.reduce((s, m) => s + (m.giorni ?? 0), 0);
  const minore = c.eta < 18;
  const massimo = minore
    ? c.parametri.sollievo.giorniMassimiMinori
    : c.parametri.sollievo.giorniMassimiAdulti;
  const chi = minore ? 'per i minori' : 'per gli adulti';
  return [
    giorni <= massimo
      ? soddisfatta(
          CODICE,
          `Ricoveri di sollievo nel ${anno}: ${giorni} giorni, entro i ${massimo} ammessi ${chi}`,
        )
      : nonSoddisfatta(
          CODICE,
          `Ricoveri di sollievo nel ${anno}: ${giorni} giorni, oltre i ${massimo} ammessi ${chi}`,
        ),
  ];
}
