import { fasceDegliSlot, slotDelleFasce } from './disponibilita';

describe('weekly availability grid', () => {
  it('turns bands into hour slots of the week and back, merging overlaps', () => {
    const slot = slotDelleFasce([
      { giorno: 'lun', dalle: 8, alle: 12 },
      { giorno: 'lun', dalle: 11, alle: 13 },
      { giorno: 'dom', dalle: 22, alle: 24 },
    ]);
    expect(slot).toEqual([8, 9, 10, 11, 12, 166, 167]);
    expect(fasceDegliSlot(slot)).toEqual([
      { giorno: 'lun', dalle: 8, alle: 13 },
      { giorno: 'dom', dalle: 22, alle: 24 },
    ]);
  });

  it('does not join the end of a day with the start of the next', () => {
    expect(
      fasceDegliSlot(
        slotDelleFasce([
          { giorno: 'lun', dalle: 20, alle: 24 },
          { giorno: 'mar', dalle: 0, alle: 2 },
        ]),
      ),
    ).toEqual([
      { giorno: 'lun', dalle: 20, alle: 24 },
      { giorno: 'mar', dalle: 0, alle: 2 },
    ]);
  });

  it('refuses a band that ends before it starts, naming it', () => {
    expect(() => slotDelleFasce([{ giorno: 'mer', dalle: 14, alle: 9 }])).toThrow(
      expect.objectContaining({
        code: 'VALIDAZIONE_FALLITA',
        details: [{ campo: 'disponibilita[0]', messaggi: ['alle (9) deve seguire dalle (14)'] }],
      }),
    );
  });
});
