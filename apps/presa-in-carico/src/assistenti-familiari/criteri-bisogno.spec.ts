import { bisognoDimostrato, type CriteriBisogno } from './criteri-bisogno';

const OGGI = '2026-11-30';

describe('criteri del bisogno di un assistente familiare', () => {
  it('shows the need at the threshold and explains it with the version used', () => {
    expect(bisognoDimostrato({ strumento: 'ADL', punteggio: 4, data: '2026-11-20' }, OGGI)).toEqual({
      dimostrato: true,
      versioneCriteri: 'bisogno-assistente-2026.1',
      strumento: 'ADL',
      punteggio: 4,
      spiegazione: expect.stringContaining('ADL ≤ 4/6'),
    });
    expect(bisognoDimostrato({ strumento: 'IADL', punteggio: 2, data: '2026-11-20' }, OGGI).dimostrato).toBe(
      true,
    );
  });

  it('refuses a score above the threshold, an instrument without one, a profile, an old valutazione', () => {
    const adl5 = bisognoDimostrato({ strumento: 'ADL', punteggio: 5, data: '2026-11-20' }, OGGI);
    expect(adl5).toMatchObject({ dimostrato: false, motivo: expect.stringContaining('fino a 4') });
    expect(bisognoDimostrato({ strumento: 'SINA', punteggio: null, data: '2026-11-20' }, OGGI)).toMatchObject(
      {
        dimostrato: false,
        motivo: expect.stringContaining('non è fra quelli'),
      },
    );
    expect(bisognoDimostrato({ strumento: 'ADL', punteggio: 2, data: '2025-11-29' }, OGGI)).toMatchObject({
      dimostrato: false,
      motivo: expect.stringContaining('più di 12 mesi'),
    });
    expect(bisognoDimostrato({ strumento: 'ADL', punteggio: 2, data: '2025-11-30' }, OGGI).dimostrato).toBe(
      true,
    );
  });

  it('uses the version in force on the day: a new version changes the outcome from its validoDal', () => {
    const criteri: CriteriBisogno[] = [
      {
        versione: 'v1',
        validoDal: '2020-01-01',
        validoAl: '2026-12-31',
        fonte: 'prova',
        confidenza: '[B]',
        validitaMesi: 12,
        soglie: [{ strumento: 'ADL', punteggioMassimo: 4, spiegazione: 'v1' }],
      },
      {
        versione: 'v2',
        validoDal: '2027-01-01',
        validoAl: null,
        fonte: 'prova',
        confidenza: '[B]',
        validitaMesi: 12,
        soglie: [{ strumento: 'ADL', punteggioMassimo: 5, spiegazione: 'v2' }],
      },
    ];
    const v = { strumento: 'ADL', punteggio: 5, data: '2026-12-20' };
    expect(bisognoDimostrato(v, '2026-12-31', criteri)).toMatchObject({
      dimostrato: false,
      versioneCriteri: 'v1',
    });
    expect(bisognoDimostrato(v, '2027-01-02', criteri)).toMatchObject({
      dimostrato: true,
      versioneCriteri: 'v2',
    });
    expect(bisognoDimostrato(v, '2019-01-01', criteri)).toMatchObject({
      dimostrato: false,
      versioneCriteri: null,
    });
  });
});
