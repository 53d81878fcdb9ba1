import { PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import {
  ATTORI,
  CREMA,
  PANDINO,
  apertura,
  codiceFiscale,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';

const { apriCartella, conteggiCartelle } = PRESA_IN_CARICO_RPC;

/**
 * Cartelle by sub-ambito and state for the roles that see aggregates only: a cell of one cartella (one
 * person: one cartella per codice fiscale) is withheld; the coordinator still sees its own in full.
 */
describe('cartelle counts for aggregate-only roles: no cell under 5 persons', () => {
  let svc: TestPresaInCarico;

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
    for (let i = 0; i < 6; i++)
      await svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura(codiceFiscale(), CREMA));
    await svc.as(ATTORI.coordinatorePandino)(apriCartella, apertura(codiceFiscale(), PANDINO));
  });
  afterAll(() => svc?.close());

  it.each([
    ['the Ufficio di Piano', ATTORI.udp],
    ['the administrator', ATTORI.admin],
  ])('shows %s the cells of at least 5 persons only, and a total of those', async (_, actor) => {
    expect(await svc.as(actor)(conteggiCartelle, {})).toEqual({
      righe: [{ subAmbito: 'SA-CREMA', stato: 'in-attesa', totale: 6 }],
      totale: 6,
      celleOmesse: 1,
      sogliaPersone: 5,
    });
    // Asking for the small sub-ambito by name does not show it either.
    expect(await svc.as(actor)(conteggiCartelle, { subAmbito: 'SA-PANDINO' })).toMatchObject({
      righe: [],
      totale: 0,
      celleOmesse: 1,
    });
  });

  it('keeps the coordinator’s full view of its own sub-ambito, however small', async () => {
    expect(await svc.as(ATTORI.coordinatorePandino)(conteggiCartelle, {})).toEqual({
      righe: [{ subAmbito: 'SA-PANDINO', stato: 'in-attesa', totale: 1 }],
      totale: 1,
      celleOmesse: 0,
      sogliaPersone: null,
    });
  });
});
