import { ASSISTENTI_FAMILIARI_RPC, MISURE_RPC } from '@ambito/contracts';
import { ROTTE } from './routes.module';
import { difettoPubblicita, rotta } from './rotta';

describe('public routes (rotta({ pubblica: true }))', () => {
  const base = {
    metodo: 'get' as const,
    percorso: '/x',
    tag: 'X',
    operazione: 'x',
    sommario: 'x',
    esito: 'x',
  };

  it('accept only a message declared for the anonymous actor alone', () => {
    expect(
      difettoPubblicita(
        rotta({ ...base, messaggio: ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico, pubblica: true }),
      ),
    ).toBeNull();
    expect(difettoPubblicita(rotta({ ...base, messaggio: MISURE_RPC.leggiStato, pubblica: true }))).toMatch(
      /solo messaggi dichiarati/,
    );
    expect(
      difettoPubblicita(
        rotta({ ...base, messaggio: ASSISTENTI_FAMILIARI_RPC.leggiIscrizione, pubblica: true }),
      ),
    ).toMatch(/solo messaggi dichiarati/);
  });

  it('allow an HTTP cache on a public route only (never on personal data)', () => {
    expect(
      difettoPubblicita(rotta({ ...base, messaggio: MISURE_RPC.leggiStato, cache: { maxAgeSecondi: 15 } })),
    ).toMatch(/solo una rotta pubblica dichiara la cache/);
    expect(ROTTE.filter((r) => r.cache).map((r) => r.percorso)).toEqual(['/pubblico/assistenti-familiari']);
  });

  it('refuse a message for the anonymous actor on a route behind authentication', () => {
    expect(
      difettoPubblicita(rotta({ ...base, messaggio: ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico })),
    ).toMatch(/non è pubblica/);
  });

  it('hold for every route of the gateway; the public ones are the ones meant to be', () => {
    expect(ROTTE.map(difettoPubblicita).filter(Boolean)).toEqual([]);
    expect(ROTTE.filter((r) => r.pubblica).map((r) => r.percorso)).toEqual([
      '/pubblico/assistenti-familiari',
    ]);
  });
});
