import { abbina, type BisognoFamiglia, type SchedaCandidata } from './abbinamento';
import {
  erroreFascia,
  griglia,
  grigliaDaSlot,
  oreSettimanali,
  slotDellaGriglia,
  slotInComune,
} from './griglia-oraria';
import { PESI_ABBINAMENTO, pesiInVigore, type PesiAbbinamento } from './pesi';

const PESI = pesiInVigore('2026-03-01');

const MATTINE = griglia(
  (['lun', 'mar', 'mer', 'gio', 'ven'] as const).map((giorno) => ({ giorno, dalle: '08:00', alle: '12:00' })),
);

const bisogno = (b: Partial<BisognoFamiglia> = {}): BisognoFamiglia => ({
  comune: '019021', // Casalmaggiore
  subAmbito: 'SA-CASALMAGGIORE',
  comuniSubAmbito: ['019021', '019999'],
  ambito: 'AT-OGLIO-PO',
  orari: MATTINE,
  convivenza: 'indifferente',
  competenze: ['demenza', 'mobilizzazione'],
  competenzeIndispensabili: [],
  lingue: ['rumeno'],
  ...b,
});

const scheda = (s: Partial<SchedaCandidata> & { assistenteId: string }): SchedaCandidata => ({
  sportello: 'SPORTELLO-AF-CASALMAGGIORE',
  competenze: ['demenza', 'mobilizzazione'],
  lingue: ['rumeno'],
  aree: ['019021'],
  convivenza: false,
  disponibilita: MATTINE,
  ...s,
});

describe('griglia oraria', () => {
  it('counts half-hour slots and their overlap', () => {
    expect(oreSettimanali([{ giorno: 'lun', dalle: '07:00', alle: '12:00' }])).toBe(5);
    const pomeriggio = griglia([{ giorno: 'lun', dalle: '10:00', alle: '18:00' }]);
    expect(slotInComune(MATTINE, pomeriggio)).toBe(2); // lun 10–12
    // slots as the register stores them: Tuesday 09:00 is 1 × 24 + 9
    expect(slotDellaGriglia(griglia([{ giorno: 'mar', dalle: '09:00', alle: '11:00' }]))).toEqual([33, 34]);
    expect(slotInComune(MATTINE, grigliaDaSlot([33, 34, 200]))).toBe(2);
    // overlapping spans count once
    expect(
      oreSettimanali([
        { giorno: 'dom', dalle: '20:00', alle: '24:00' },
        { giorno: 'dom', dalle: '22:00', alle: '24:00' },
      ]),
    ).toBe(4);
  });

  it('explains spans it refuses', () => {
    expect(erroreFascia({ giorno: 'lun', dalle: '08:30', alle: '12:00' })).toMatch(/ora intera/);
    expect(erroreFascia({ giorno: 'lun', dalle: '12:00', alle: '08:00' })).toMatch(/precede/);
    expect(erroreFascia({ giorno: 'lun', dalle: '08:00', alle: '24:00' })).toBeUndefined();
    expect(() => griglia([{ giorno: 'lun', dalle: '25:00', alle: '26:00' }])).toThrow();
  });
});

describe('abbina', () => {
  it('gives a full match 100 points and shows every part with its weight', () => {
    const esito = abbina(bisogno(), [scheda({ assistenteId: 'a' })], PESI);
    const [c] = esito.candidati;
    expect(c.punteggio).toBe(100);
    expect(c.parti.map((p) => p.criterio)).toEqual([
      'competenze',
      'disponibilita',
      'area',
      'lingue',
      'convivenza',
    ]);
    expect(c.parti.reduce((s, p) => s + p.punti, 0)).toBeCloseTo(100, 1);
    expect(c.parti.find((p) => p.criterio === 'disponibilita')?.spiegazione).toBe(
      'disponibile 20 delle 20 ore settimanali richieste (100%)',
    );
    expect(esito.versionePesi).toBe('abbinamento-2026.1');
  });

  it('scores each part by its weight and explains what is missing', () => {
    const c = abbina(
      bisogno(),
      [
        scheda({
          assistenteId: 'a',
          competenze: ['demenza'],
          lingue: [],
          aree: ['SA-CASALMAGGIORE'],
          disponibilita: griglia(
            (['lun', 'mar', 'mer'] as const).map((giorno) => ({ giorno, dalle: '08:00', alle: '12:00' })),
          ),
        }),
      ],
      PESI,
    ).candidati[0];
    const parte = (criterio: string) => c.parti.find((p) => p.criterio === criterio)!;
    expect(parte('competenze')).toMatchObject({
      valore: 0.5,
      spiegazione: '1 di 2 competenze richieste (manca: mobilizzazione)',
    });
    expect(parte('disponibilita')).toMatchObject({ valore: 0.6 });
    expect(parte('area')).toMatchObject({ valore: 0.6, spiegazione: 'opera nel sub-ambito della famiglia' });
    expect(parte('lingue')).toMatchObject({
      valore: 0,
      spiegazione: 'parla 0 di 1 lingue richieste (non: rumeno)',
    });
    // (0.5·35 + 0.6·30 + 0.6·15 + 0·10 + 1·10) / 100
    expect(c.punteggio).toBe(54.5);
  });

  it('counts a neighbouring comune of the same sub-ambito as near', () => {
    const c = abbina(bisogno(), [scheda({ assistenteId: 'a', aree: ['019999'] })], PESI).candidati[0];
    expect(c.parti.find((p) => p.criterio === 'area')).toMatchObject({ valore: 0.6 });
  });

  it('ranks by score, ties by assistant id, and keeps the first N', () => {
    const esito = abbina(
      bisogno(),
      [
        scheda({ assistenteId: 'c', lingue: [] }),
        scheda({ assistenteId: 'b' }),
        scheda({ assistenteId: 'a' }),
        scheda({ assistenteId: 'd', aree: ['AT-OGLIO-PO'] }),
      ],
      PESI,
      3,
    );
    expect(esito.candidati.map((c) => c.assistenteId)).toEqual(['a', 'b', 'c']); // c 90 (no language), d 89.5 (whole ambito)
    expect(esito.valutate).toBe(4);
  });

  it('applies the hard filters and counts each exclusion by reason', () => {
    const esito = abbina(
      bisogno({ convivenza: 'necessaria', competenzeIndispensabili: ['demenza'] }),
      [
        scheda({ assistenteId: 'ok', convivenza: true }),
        scheda({ assistenteId: 'lontana', convivenza: true, aree: ['020066'] }),
        scheda({ assistenteId: 'non-convive' }),
        scheda({ assistenteId: 'senza-demenza', convivenza: true, competenze: ['mobilizzazione'] }),
        scheda({
          assistenteId: 'poche-ore',
          convivenza: true,
          disponibilita: griglia([{ giorno: 'lun', dalle: '08:00', alle: '12:00' }]),
        }),
      ],
      PESI,
    );
    expect(esito.candidati.map((c) => c.assistenteId)).toEqual(['ok']);
    expect(esito.esclusi).toEqual({
      'area-non-servita': 1,
      'convivenza-non-offerta': 1,
      'competenza-indispensabile-mancante': 1,
      'disponibilita-insufficiente': 1,
    });
  });

  it('scores live-in only when the family would like it', () => {
    const [conv, senza] = abbina(
      bisogno({ convivenza: 'gradita' }),
      [scheda({ assistenteId: 'a', convivenza: true }), scheda({ assistenteId: 'b' })],
      PESI,
    ).candidati;
    expect(conv.punteggio).toBe(100);
    expect(senza.parti.find((p) => p.criterio === 'convivenza')).toMatchObject({
      valore: 0,
      spiegazione: 'convivenza gradita ma non offerta',
    });
    expect(senza.punteggio).toBe(90);
  });

  it('follows the weights of the version it is given', () => {
    const soloLingue: PesiAbbinamento = {
      ...PESI,
      versione: 'prova',
      pesi: { competenze: 0, disponibilita: 0, area: 0, lingue: 1, convivenza: 0 },
    };
    const esito = abbina(bisogno(), [scheda({ assistenteId: 'a', competenze: [] })], soloLingue);
    expect(esito.candidati[0].punteggio).toBe(100);
    expect(esito.versionePesi).toBe('prova');
  });
});

describe('pesiInVigore', () => {
  it('picks the version valid on the day and refuses a day without one', () => {
    const versioni: PesiAbbinamento[] = [
      { ...PESI_ABBINAMENTO[0], versione: 'v1', validoDal: '2025-01-01', validoAl: '2025-12-31' },
      { ...PESI_ABBINAMENTO[0], versione: 'v2', validoDal: '2026-01-01', validoAl: null },
    ];
    expect(pesiInVigore('2025-06-01', versioni).versione).toBe('v1');
    expect(pesiInVigore('2026-06-01', versioni).versione).toBe('v2');
    expect(() => pesiInVigore('2024-06-01', versioni)).toThrow(/nessuna versione/);
  });
});
