/*
 * The week as a grid of hour slots (7 days × 24, slot = day index × 24 + hour, Monday 0), the grid of
 * the register's schede (`scheda.disponibilita`): a family's need ("lun 08:00–12:00") and an assistant's
 * availability become sets of slots, so that their overlap is a count.
 */

export const GIORNI_SETTIMANA = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
export type GiornoSettimana = (typeof GIORNI_SETTIMANA)[number];

export const SLOT_PER_GIORNO = 24;
export const SLOT_SETTIMANA = SLOT_PER_GIORNO * GIORNI_SETTIMANA.length;

/** One span of a day, `HH:00` on the hour; `alle` may be `24:00` (end of the day). */
export interface FasciaOraria {
  giorno: GiornoSettimana;
  dalle: string;
  alle: string;
}

const ORA = /^([01]\d|2[0-4]):00$/;

/** The hour of `HH:00` (0..24), or undefined when it is not on the hour. */
export function slotDellOra(ora: string): number | undefined {
  const m = ORA.exec(ora);
  return m ? Number(m[1]) : undefined;
}

/** Why a span is not valid, in Italian for the operator; undefined when it is. */
export function erroreFascia(fascia: FasciaOraria): string | undefined {
  if (!GIORNI_SETTIMANA.includes(fascia.giorno)) return `giorno sconosciuto: ${String(fascia.giorno)}`;
  const dalle = slotDellOra(fascia.dalle);
  const alle = slotDellOra(fascia.alle);
  if (dalle === undefined || alle === undefined) {
    return `${fascia.giorno} ${fascia.dalle}–${fascia.alle}: orari nel formato HH:00, all’ora intera`;
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

/** Hours per week of a set of spans. */
export function oreSettimanali(fasce: readonly FasciaOraria[]): number {
  return contaSlot(griglia(fasce));
}

/** The grid of a list of slot indexes, as the register stores them (`smallint[]`). */
export function grigliaDaSlot(slot: readonly number[]): Uint8Array {
  const griglia = new Uint8Array(SLOT_SETTIMANA);
  for (const s of slot) if (s >= 0 && s < SLOT_SETTIMANA) griglia[s] = 1;
  return griglia;
}

/** The slot indexes of a grid, for storage. */
export function slotDellaGriglia(griglia: Uint8Array): number[] {
  const slot: number[] = [];
  griglia.forEach((v, i) => v && slot.push(i));
  return slot;
}
