import { DomainError } from '@ambito/contracts';
import { pagina } from './pagina';

describe('pagina', () => {
  it('turns a page request into offset and limit', () => {
    expect(pagina({})).toEqual({ skip: 0, take: 20, numero: 1 });
    expect(pagina({ pagina: 3, perPagina: 50 })).toEqual({ skip: 100, take: 50, numero: 3 });
  });

  it('refuses a page beyond the bound with VALIDAZIONE_FALLITA, never an OFFSET PostgreSQL refuses', () => {
    for (const richiesta of [{ pagina: 1e20 }, { pagina: 10_001 }, { perPagina: 201 }, { pagina: 0.5 }]) {
      expect(() => pagina(richiesta)).toThrow(DomainError);
      try {
        pagina(richiesta);
      } catch (error) {
        expect((error as DomainError).code).toBe('VALIDAZIONE_FALLITA');
      }
    }
  });
});
