import type { ModalitaMeseParziale } from '@ambito/contracts';
import { Money } from '@ambito/kernel';

/** A month liquidated, and the end of its beneficio learnt afterwards. */
export interface MesePagato {
  /** First day of the month, AAAA-MM-01. */
  mese: string;
  /** First day nothing is due (the day of death, of the definitive admission). */
  terminaDal: string;
  causa: string | null;
  importoMensileCentesimi: number;
  /** What the month's computation found due and was liquidated (before any withholding). */
  pagatoCentesimi: number;
  giorniMese: number;
  giorniDovuti: number;
  /** The rule set's handling of a partial month (null: a rule set without it, read as pro rata). */
  meseParziale: ModalitaMeseParziale | null;
}

export interface NonDovuto {
  nonDovutoCentesimi: number;
  dovutoCentesimi: number;
  giorniDovuti: number;
  motivo: string;
  /** The inputs and the rule, stored with the recupero. */
  dettaglio: Record<string, unknown>;
}

const GIORNO_MS = 86_400_000;
const euro = (c: number) => Money.ofCents(c).format();

/**
 * What of a month liquidated was not due once the beneficio's end is known (rule 9: only months of care
 * at home): nothing from the end day on; the days before it as the month's computation counted them
 * (at most its own days due), paid pro rata or not at all as the rule set says for a partial month.
 * Pure: the same month and end give the same amount and reason.
 */
export function nonDovuto(m: MesePagato): NonDovuto {
  const inizio = Date.parse(`${m.mese}T00:00:00Z`);
  const fine = Date.parse(`${m.terminaDal}T00:00:00Z`);
  const giorniPrima = Math.max(0, Math.min(m.giorniMese, Math.round((fine - inizio) / GIORNO_MS)));
  const giorniDovuti = Math.min(m.giorniDovuti, giorniPrima);
  const modalita: ModalitaMeseParziale = m.meseParziale ?? 'pro-rata-giorni';
  let dovuto: number;
  if (giorniDovuti === m.giorniDovuti) dovuto = m.pagatoCentesimi;
  else if (giorniDovuti === 0 || modalita === 'nessun-importo') dovuto = 0;
  else
    dovuto = Math.min(
      m.pagatoCentesimi,
      Math.round((m.importoMensileCentesimi * giorniDovuti) / m.giorniMese),
    );
  const nonDovutoCentesimi = m.pagatoCentesimi - dovuto;
  const meseTesto = m.mese.slice(0, 7);
  const motivo =
    `Beneficio terminato dal ${m.terminaDal}${m.causa ? ` (${m.causa})` : ''}: ` +
    (giorniDovuti === 0
      ? `nessun giorno del mese ${meseTesto} era dovuto`
      : `del mese ${meseTesto} erano dovuti ${giorniDovuti} giorni su ${m.giorniMese} (${modalita}), ${euro(dovuto)}`) +
    ` dei ${euro(m.pagatoCentesimi)} liquidati; da recuperare ${euro(nonDovutoCentesimi)}.`;
  return {
    nonDovutoCentesimi,
    dovutoCentesimi: dovuto,
    giorniDovuti,
    motivo,
    dettaglio: {
      regola: 'REC_MESE_DOPO_FINE',
      mese: meseTesto,
      terminaDal: m.terminaDal,
      causa: m.causa,
      giorniMese: m.giorniMese,
      giorniDovutiCalcolati: m.giorniDovuti,
      giorniDovuti,
      meseParziale: modalita,
      importoMensileCentesimi: m.importoMensileCentesimi,
      pagatoCentesimi: m.pagatoCentesimi,
      dovutoCentesimi: dovuto,
    },
  };
}
