import { Circuito } from './circuito';

describe('Circuito (circuit breaker of an external system)', () => {
  it('opens after the threshold of consecutive failures, lets one trial through after the pause, closes on success', () => {
    let adesso = 0;
    const c = new Circuito(3, 1000, () => adesso);
    c.fallimento();
    c.fallimento();
    expect(c.consente()).toBe(true);
    c.fallimento();
    expect(c.stato).toBe('aperto');
    expect(c.consente()).toBe(false);
    adesso = 1000;
    expect(c.consente()).toBe(true); // the one trial call
    expect(c.consente()).toBe(false); // and no other meanwhile
    c.successo();
    expect(c.stato).toBe('chiuso');
    expect(c.consente()).toBe(true);
  });

  it('opens again for a whole pause when the trial call fails', () => {
    let adesso = 0;
    const c = new Circuito(1, 500, () => adesso);
    c.fallimento();
    adesso = 500;
    expect(c.consente()).toBe(true);
    c.fallimento();
    expect(c.consente()).toBe(false);
    adesso = 999;
    expect(c.consente()).toBe(false);
    adesso = 1000;
    expect(c.consente()).toBe(true);
  });
});
