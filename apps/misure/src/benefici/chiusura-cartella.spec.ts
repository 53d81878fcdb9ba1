import { MOTIVI_CHIUSURA } from '@ambito/contracts';
import { effettoChiusuraCartella } from './chiusura-cartella';

describe('effettoChiusuraCartella: what the closure of the cartella does to the benefici', () => {
  it('decesso and rinuncia cease, obiettivi raggiunti revokes (decadenza), the others suspend', () => {
    expect(Object.fromEntries(MOTIVI_CHIUSURA.map((m) => [m, effettoChiusuraCartella(m)]))).toEqual({
      decesso: expect.objectContaining({ tipo: 'termina', causa: 'decesso' }),
      rinuncia: expect.objectContaining({ tipo: 'termina', causa: 'rinuncia' }),
      'obiettivi-raggiunti': expect.objectContaining({ tipo: 'termina', causa: 'decadenza' }),
      trasferimento: expect.objectContaining({ tipo: 'sospendi' }),
      'passaggio-altro-servizio': expect.objectContaining({ tipo: 'sospendi' }),
    });
  });

  it('every effect records an Italian reason', () => {
    for (const m of MOTIVI_CHIUSURA)
      expect(effettoChiusuraCartella(m).motivazione).toMatch(/^[A-Z].{20,}\.$/);
  });
});
