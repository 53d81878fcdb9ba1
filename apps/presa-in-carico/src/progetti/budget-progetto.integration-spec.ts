import { PRESA_IN_CARICO_RPC, type ProgettoDecisioneV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { IMPUTAZIONE_B2, conta, eventoDi, progetto } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';

const { leggiCartella, proponiProgetto, approvaProgetto } = PRESA_IN_CARICO_RPC;

describe('presa in carico › budget di progetto: the budget’s fund, line and annualità, and resources beyond money', () => {
  const scenario = scenarioCrema();
  const { caseManager, comune, inCarico } = scenario;
  const DOPO_DI_NOI = { fondo: 'DOPO-DI-NOI', linea: 'PO2020-7.10.DDN', annualita: 2024 };

  it('charges each intervento to the budget’s codes, adds up by imputazione and keeps the non-monetary resources', async () => {
    const c = await inCarico();
    const base = progetto(c.id);
    const risorse = [
      {
        tipo: 'professionale' as const,
        descrizione: 'Educatore professionale',
        fornitaDa: 'ASST Crema',
        impegno: { quantita: 4, unita: 'ore-mese' as const },
      },
      { tipo: 'umana' as const, descrizione: 'Presenza nei fine settimana', fornitaDa: 'Figlia' },
      {
        tipo: 'relazionale' as const,
        descrizione: 'Gruppo di cammino',
        fornitaDa: 'Parrocchia di San Bernardino',
      },
    ];
    const proposto = await caseManager()(proponiProgetto, {
      ...base,
      tipo: 'progetto-di-vita',
      interventi: [
        ...base.interventi,
        {
          ...base.interventi[0],
          costoCentesimi: 100_000,
          fonteFinanziamento: 'fondo-dopo-di-noi',
          imputazione: DOPO_DI_NOI,
        },
        {
          ...base.interventi[0],
          costoCentesimi: 50_000,
          fonteFinanziamento: 'compartecipazione-utente',
          imputazione: undefined,
        },
      ],
      risorse,
    });
    expect(proposto.interventi.map((i) => i.imputazione)).toEqual([
      IMPUTAZIONE_B2,
      IMPUTAZIONE_B2,
      DOPO_DI_NOI,
      null,
    ]);
    expect(proposto.budget).toEqual([
      {
        fonteFinanziamento: 'fondo-non-autosufficienza',
        imputazione: IMPUTAZIONE_B2,
        costoCentesimi: 1_166_400,
      },
      { fonteFinanziamento: 'fondo-dopo-di-noi', imputazione: DOPO_DI_NOI, costoCentesimi: 100_000 },
      { fonteFinanziamento: 'compartecipazione-utente', imputazione: null, costoCentesimi: 50_000 },
    ]);
    expect(proposto.risorse).toEqual([
      risorse[0],
      { ...risorse[1], impegno: null },
      { ...risorse[2], impegno: null },
    ]);
    // The cartella shows the same; the decision event tells the misure service where to commit.
    const letta = await caseManager()(leggiCartella, { id: c.id });
    expect(letta.progetti[0].risorse).toHaveLength(3);
    await comune()(approvaProgetto, { id: proposto.id });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.progetto.approvato',
      (p) => p.progettoId === proposto.id,
    );
    expect((evento.payload as ProgettoDecisioneV1).interventi.map((i) => i.imputazione)).toEqual([
      IMPUTAZIONE_B2,
      IMPUTAZIONE_B2,
      DOPO_DI_NOI,
      null,
    ]);
  });

  it.each([
    ['a fund of the Ambito without imputazione', { imputazione: undefined }, 'IMPUTAZIONE_NON_VALIDA'],
    [
      'the family’s money charged to a line',
      { fonteFinanziamento: 'famiglia', imputazione: IMPUTAZIONE_B2 },
      'IMPUTAZIONE_NON_VALIDA',
    ],
    [
      'a fund code in lower case',
      { imputazione: { ...IMPUTAZIONE_B2, fondo: 'fna-b2' } },
      'VALIDAZIONE_FALLITA',
    ],
    [
      'an annualità that is not a year',
      { imputazione: { ...IMPUTAZIONE_B2, annualita: 25 } },
      'VALIDAZIONE_FALLITA',
    ],
    ['an incomplete imputazione', { imputazione: { fondo: 'FNA-B2' } }, 'VALIDAZIONE_FALLITA'],
  ])('refuses %s, writing nothing', async (_, cambio, code) => {
    const c = await inCarico();
    const base = progetto(c.id);
    const prima = await conta(scenario.svc, 'progetto');
    expect(
      await rifiuto(
        caseManager()(proponiProgetto, {
          ...base,
          interventi: [{ ...base.interventi[0], ...(cambio as object) }],
        }),
      ),
    ).toBe(code);
    expect(await conta(scenario.svc, 'progetto')).toBe(prima);
  });

  it('refuses a resource of an unknown kind or without who provides it', async () => {
    const c = await inCarico();
    for (const risorsa of [
      { tipo: 'economica', descrizione: 'x', fornitaDa: 'y' },
      { tipo: 'umana', descrizione: 'Vicina di casa', fornitaDa: '' },
    ])
      expect(
        await rifiuto(caseManager()(proponiProgetto, { ...progetto(c.id), risorse: [risorsa as never] })),
      ).toBe('VALIDAZIONE_FALLITA');
  });
});
