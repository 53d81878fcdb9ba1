import { DomainError, GIORNI_SETTIMANA, type FasciaDisponibilitaV1 } from '@ambito/contracts';

/*
 * The weekly availability as the database keeps it: hour slots of the week, day index (Monday 0) × 24
 * + hour, each slot the hour starting there. Bands in, bands out; overlapping or adjacent bands merge.
 */

export function slotDellOra(giorno: FasciaDisponibilitaV1['giorno'], ora: number): number {
  return GIORNI_SETTIMANA.indexOf(giorno) * 24 + ora;
}

/** The slots of some bands, sorted and unique; a band that ends before it starts is refused. */
export function slotDelleFasce(fasce: readonly FasciaDisponibilitaV1[], campo = 'disponibilita'): number[] {
  const slot = new Set<number>();
  fasce.forEach((f, i) => {
    if (f.alle <= f.dalle)
      throw new DomainError('VALIDAZIONE_FALLITA', 'Fascia di disponibilità non valida.', [
        { campo: `${campo}[${i}]`, messaggi: [`alle (${f.alle}) deve seguire dalle (${f.dalle})`] },
      ]);
    for (let ora = f.dalle; ora < f.alle; ora++) slot.add(slotDellOra(f.giorno, ora));
  });
  return [...slot].sort((a, b) => a - b);
}

/** The bands of some slots: one per run of consecutive hours within a day. */
export function fasceDegliSlot(slot: readonly number[]): FasciaDisponibilitaV1[] {
  const fasce: FasciaDisponibilitaV1[] = [];
  for (const s of [...new Set(slot)].sort((a, b) => a - b)) {
    const giorno = GIORNI_SETTIMANA[Math.floor(s / 24)];
    const ora = s % 24;
    const ultima = fasce[fasce.length - 1];
    if (ultima && ultima.giorno === giorno && ultima.alle === ora) ultima.alle = ora + 1;
    else fasce.push({ giorno, dalle: ora, alle: ora + 1 });
  }
  return fasce;
}
