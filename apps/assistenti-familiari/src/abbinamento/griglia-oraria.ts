/*
 * The week as a grid of half-hour slots (7 days × 48): a family's need ("lun 08:00–12:00") and an
 * assistant's availability become sets of slots, so that their overlap is a count. Half hours because
 * care is arranged by the half hour (a 07:30 start is common); 336 slots fit in a small typed array.
 */

export const GIORNI_SETTIMANA = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
export type GiornoSettimana = (typeof GIORNI_SETTIMANA)[number];

export const SLOT_PER_GIORNO = 48;
export const SLOT_SETTIMANA = SLOT_PER_GIORNO * GIORNI_SETTIMANA.length;

/** One span of a day, `HH:MM` on the half hour; `alle` may be `24:00` (end of the day). */
export interface FasciaOraria {
  giorno: GiornoSettimana;
  dalle: string;
  alle: string;
}

const ORA = /^([01]\d|2[0-4]):(00|30)$/;

/** The slot index of `HH:MM` within a day (0..48), or undefined when it is not on the half hour. */
export function slotDellOra(ora: string): number | undefined {
  const m = ORA.exec(ora);
  if (!m) return undefined;
  const slot = Number(m[1]) * 2 + (m[2] === '30' ? 1 : 0);
  return slot <= SLOT_PER_GIORNO ? slot : undefined;
}

/** Why a span is not valid, in Italian for the operator; undefined when it is. */
export function erroreFascia(fascia: FasciaOraria): string | undefined {
  if (!GIORNI_SETTIMANA.includes(fascia.giorno)) return `giorno sconosciuto: ${String(fascia.giorno)}`;
  const dalle = slotDellOra(fascia.dalle);
  const alle = slotDellOra(fascia.alle);
  if (dalle === undefined || alle === undefined) {
    return `${fascia.giorno} ${fascia.dalle}–${fascia.alle}: orari nel formato HH:MM, alla mezz’ora`;
  }
  if (alle <= dalle) return `${fascia.giorno} ${fascia.dalle}–${fascia.alle}: la fine precede l’inizio`;
  return undefined;
}

/** The slots the spans cover (overlapping spans count once). Invalid spans must be refused before. */
export function griglia(fasce: readonly FasciaOraria[]): Uint8Array {
  const slots = new Uint8Array(SLOT_SETTIMANA);
  for (const fascia of fasce) {
    const giorno = GIORNI_SETTIMANA.indexOf(fascia.giorno);
    const dalle = slotDellOra(fascia.dalle);
    const alle = slotDellOra(fascia.alle);
    if (giorno < 0 || dalle === undefined || alle === undefined) {
      throw new Error(`fascia oraria non valida: ${JSON.stringify(fascia)}`);
    }
    slots.fill(1, giorno * SLOT_PER_GIORNO + dalle, giorno * SLOT_PER_GIORNO + alle);
  }
  return slots;
}

export function contaSlot(slots: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < slots.length; i++) n += slots[i];
  return n;
}

/** How many slots of `bisogno` are also in `disponibilita`. */
export function slotInComune(bisogno: Uint8Array, disponibilita: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bisogno.length; i++) n += bisogno[i] & disponibilita[i];
  return n;
}

/** Hours per week of a set of spans (each slot is half an hour). */
export function oreSettimanali(fasce: readonly FasciaOraria[]): number {
  return contaSlot(griglia(fasce)) / 2;
}
