import { MISURE_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { avvisoPubblicato, istanza, persona } from '../../test/istanze-di-prova';

const { presentaIstanza, decidiIstruttoria, riesaminaIstanza } = MISURE_RPC;

describe('istruttoria kept to the Ufficio di Piano when the ambito says so (ISTRUTTORIA_EQUIPE=no)', () => {
  let svc: TestMisure;

  beforeAll(async () => {
    svc = await startTestMisure({ env: { ISTRUTTORIA_EQUIPE: 'no' } });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('refuses decisions and re-runs to the équipe, allows them to the Ufficio di Piano', async () => {
    const avviso = await avvisoPubblicato(svc);
    const dubbia = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avviso, persona(svc), {}, { difformita: true }),
    );
    const decisione = {
      istanzaId: dubbia.id,
      esito: 'ammissibile' as const,
      motivazione: 'Chiarita con INPS.',
    };
    expect(await rifiuto(svc.as(ATTORI.asCrema)(decidiIstruttoria, decisione))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(
      await rifiuto(svc.as(ATTORI.asCrema)(riesaminaIstanza, { istanzaId: dubbia.id, motivo: 'prova' })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect((await svc.as(ATTORI.udp)(decidiIstruttoria, decisione)).esito).toBe('ammissibile');
  });
});
