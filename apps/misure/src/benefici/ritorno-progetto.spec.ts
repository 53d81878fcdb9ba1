import { effettiRitornoProgetto, type BeneficioPerRitorno } from './ritorno-progetto';

const b: BeneficioPerRitorno = { dal: '2025-04-01', al: '2026-03-31', termina_dal: null };
const p = (modifica: Partial<Parameters<typeof effettiRitornoProgetto>[1]>) => ({
  versione: 2,
  modifiche: ['fine-modificata' as const],
  al: '2026-03-31',
  sospensione: null,
  ...modifica,
});

describe('effettiRitornoProgetto: what a change of the progetto does to the beneficio', () => {
  it('an earlier end: decadenza from the next day, with its rule and reason', () => {
    expect(effettiRitornoProgetto(b, p({ al: '2025-09-15' }), null)).toEqual([
      {
        tipo: 'termina',
        dal: '2025-09-16',
        regola: 'progetto-fine-anticipata',
        motivazione:
          'La versione 2 del progetto fa finire l’intervento il 2025-09-15: la misura decade dal 2025-09-16, nessuna mensilità è dovuta da quel giorno.',
      },
    ]);
  });

  it('an intervento left out: decadenza, its own rule; ended before the beneficio began: from its first day', () => {
    expect(effettiRitornoProgetto(b, p({ modifiche: ['terminato'], al: '2025-01-31' }), null)).toMatchObject([
      { tipo: 'termina', dal: '2025-04-01', regola: 'progetto-intervento-terminato' },
    ]);
  });

  it('never prolongs a concessione, never moves an end later', () => {
    expect(effettiRitornoProgetto(b, p({ al: '2026-06-30' }), null)).toMatchObject([
      { tipo: 'nessuno', regola: 'progetto-fine-oltre-concessione' },
    ]);
    expect(
      effettiRitornoProgetto({ ...b, termina_dal: '2025-09-16' }, p({ al: '2025-12-31' }), null),
    ).toMatchObject([{ tipo: 'nessuno', regola: 'beneficio-gia-terminato' }]);
    // An earlier end than the one recorded still moves it.
    expect(
      effettiRitornoProgetto({ ...b, termina_dal: '2025-09-16' }, p({ al: '2025-08-31' }), null),
    ).toMatchObject([{ tipo: 'termina', dal: '2025-09-01' }]);
  });

  it('a suspension stated, the same again, removed', () => {
    const sospensione = { dal: '2025-06-11', al: '2025-06-20' };
    const mod = { modifiche: ['sospensione-modificata' as const], sospensione };
    expect(effettiRitornoProgetto(b, p(mod), null)).toMatchObject([
      { tipo: 'sospendi', dal: '2025-06-11', al: '2025-06-20', regola: 'progetto-sospensione' },
    ]);
    expect(effettiRitornoProgetto(b, p(mod), { id: 's1', ...sospensione })).toMatchObject([
      { tipo: 'nessuno', regola: 'nessun-cambiamento' },
    ]);
    expect(
      effettiRitornoProgetto(b, p({ modifiche: ['sospensione-modificata'], sospensione: null }), {
        id: 's1',
        ...sospensione,
      }),
    ).toMatchObject([
      { tipo: 'annulla-sospensione', sospensioneId: 's1', regola: 'progetto-sospensione-revocata' },
    ]);
  });
});
