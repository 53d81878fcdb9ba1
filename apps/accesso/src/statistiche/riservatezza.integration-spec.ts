import { ACCESSO_RPC, type Actor, type AreaBisogno } from '@ambito/contracts';
import { meseInCorso } from '@ambito/audit';
import { checkChar } from '@ambito/kernel';
import { ConfigurationError } from '@ambito/service-runtime';
import { rifiuto, testActor } from '@ambito/testing';
import { loadAccessoConfig } from '../config/accesso-config';
import {
  ATTORI,
  CREMA,
  PANDINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const { registraPersona, registraAccesso, contatoriAccessi } = ACCESSO_RPC;

let progressivo = 0;
/** A valid codice fiscale, different at each call. */
function codiceFiscale(): string {
  progressivo += 1;
  const primi15 = `RSVTST60A41D${String(progressivo).padStart(3, '0')}`;
  return primi15 + checkChar(primi15);
}

const operatorePandino = testActor('operatore.pandino', ['operatore-accesso'], ['SA-PANDINO']);

/** The month before the current one, `AAAA-MM`, and the day of it to use. */
function mesePrecedente(): { mese: string; dal: string; al: string } {
  const [anno, mese] = meseInCorso().split('-').map(Number);
  const d = new Date(Date.UTC(anno, mese - 2, 1));
  const m = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const ultimo = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { mese: m, dal: `${m}-01`, al: `${m}-${ultimo}` };
}

/**
 * The finding: aggregate statistics showed the Ufficio di Piano cells of 1 person per comune per day.
 * Here, with real PostgreSQL and NATS, a month of accessi with cells of 1 (and of 1 person with several
 * accessi), asked for the way the finding did.
 */
describe('statistics for aggregate-only roles: no cell under 5 persons, no daily series per comune', () => {
  let svc: TestAccesso;

  const registra = async (actor: Actor, comune: string, sede: string, dataOra: string, area: AreaBisogno) => {
    const p = await svc.as(actor)(registraPersona, persona(codiceFiscale(), comune));
    return svc.as(actor)(registraAccesso, { ...accesso(p.id, sede), dataOra, areaBisogno: area });
  };

  beforeAll(async () => {
    svc = await startTestAccesso();
    // February 2026: six residents of Crema (anziani) at the Crema hub, one on each of six days.
    for (let giorno = 2; giorno <= 7; giorno++) {
      await registra(
        ATTORI.operatoreCrema,
        CREMA,
        'SEDE-CREMA-HUB',
        `2026-02-0${giorno}T10:00:00Z`,
        'anziani',
      );
    }
    // A seventh resident of Crema (anziani), seen at the Pandino hub: another sub-ambito.
    await registra(operatorePandino, CREMA, 'SEDE-PANDINO-HUB', '2026-02-09T10:00:00Z', 'anziani');
    // One resident of Crema (abitare): a cell of one person.
    await registra(ATTORI.operatoreCrema, CREMA, 'SEDE-CREMA-HUB', '2026-02-10T10:00:00Z', 'abitare');
    // One resident of Pandino with three accessi: three records, still one person.
    const pandino = await svc.as(operatorePandino)(registraPersona, persona(codiceFiscale(), PANDINO));
    for (const giorno of ['11', '12', '13']) {
      await svc.as(operatorePandino)(registraAccesso, {
        ...accesso(pandino.id, 'SEDE-PANDINO-HUB'),
        dataOra: `2026-02-${giorno}T10:00:00Z`,
      });
    }
  });
  afterAll(() => svc?.close());

  const febbraio = { dal: '2026-02-01', al: '2026-02-28', granularita: 'mese' as const };

  it.each([
    ['the Ufficio di Piano', ATTORI.udp],
    ['the administrator', ATTORI.admin],
  ])('gives %s no daily series: granularita=giorno is refused', async (_, actor) => {
    expect(await rifiuto(svc.as(actor)(contatoriAccessi, { ...febbraio, granularita: 'giorno' }))).toBe(
      'DETTAGLIO_STATISTICO_NON_CONSENTITO',
    );
  });

  it('gives no daily series by way of one-day (or partial-month) periods either', async () => {
    for (const periodo of [
      { dal: '2026-02-10', al: '2026-02-10' },
      { dal: '2026-02-01', al: '2026-02-27' },
      { dal: '2026-02-02', al: '2026-02-28' },
    ]) {
      expect(await rifiuto(svc.as(ATTORI.udp)(contatoriAccessi, { ...febbraio, ...periodo }))).toBe(
        'DETTAGLIO_STATISTICO_NON_CONSENTITO',
      );
    }
    // An impossible date is refused by the contract (GIORNO_ESISTENTE), the same error for everyone.
    expect(await rifiuto(svc.as(ATTORI.udp)(contatoriAccessi, { ...febbraio, al: '2026-02-30' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
  });

  it('publishes by month only the cells of at least 5 distinct persons, the total of what it publishes', async () => {
    const risposta = await svc.as(ATTORI.udp)(contatoriAccessi, febbraio);
    expect(risposta.righe).toEqual([
      { periodo: '2026-02', areaBisogno: 'anziani', comune: CREMA, totale: 7 },
    ]);
    // Withheld: Crema/abitare (1 person), Pandino/anziani (1 person, 3 accessi).
    expect(risposta).toMatchObject({ totale: 7, celleOmesse: 2, sogliaPersone: 5 });
  });

  it('withholds a cell whose complement in the ambito would be under 5 persons (secondary suppression)', async () => {
    // Crema/anziani at the sedi of SA-CREMA: 6 persons; the whole ambito has 7. Publishing 6 would
    // give away, by difference, the one resident of Crema seen in another sub-ambito.
    const risposta = await svc.as(ATTORI.udp)(contatoriAccessi, { ...febbraio, subAmbito: 'SA-CREMA' });
    expect(risposta.righe).toEqual([]);
    expect(risposta).toMatchObject({ totale: 0, celleOmesse: 2 });
    const pandino = await svc.as(ATTORI.udp)(contatoriAccessi, { ...febbraio, subAmbito: 'SA-PANDINO' });
    expect(pandino.righe).toEqual([]);
  });

  it('leaves out the month under way, whose cells would give a daily series day by day', async () => {
    const { mese } = mesePrecedente();
    const [anno, numero] = meseInCorso().split('-').map(Number);
    const fine = new Date(Date.UTC(anno, numero, 0)).getUTCDate();
    for (let i = 0; i < 5; i++) {
      await registra(
        ATTORI.operatoreCrema,
        CREMA,
        'SEDE-CREMA-HUB',
        new Date().toISOString(),
        'minori-famiglia',
      );
    }
    const coordinatore = await svc.as(ATTORI.coordinatoreCrema)(contatoriAccessi, {
      dal: `${mese}-01`,
      al: `${meseInCorso()}-${fine}`,
      granularita: 'mese',
    });
    expect(coordinatore.righe).toContainEqual(
      expect.objectContaining({ periodo: meseInCorso(), areaBisogno: 'minori-famiglia', totale: 5 }),
    );
    const udp = await svc.as(ATTORI.udp)(contatoriAccessi, {
      dal: `${mese}-01`,
      al: `${meseInCorso()}-${fine}`,
      granularita: 'mese',
    });
    expect(udp.righe).toEqual([]);
    expect(udp.celleOmesse).toBe(1);
  });

  it('keeps the full view of an operator with rights on the persons: daily cells of 1 in its territory', async () => {
    const giornaliero = await svc.as(ATTORI.coordinatoreCrema)(contatoriAccessi, {
      dal: '2026-02-10',
      al: '2026-02-10',
      granularita: 'giorno',
    });
    expect(giornaliero.righe).toEqual([
      { periodo: '2026-02-10', areaBisogno: 'abitare', comune: CREMA, totale: 1 },
    ]);
    expect(giornaliero).toMatchObject({ celleOmesse: 0, sogliaPersone: null });
  });

  it('has the threshold as a parameter that may only be made stricter', () => {
    const CONFIG_MINIMA = {
      NATS_URL: 'nats://n:4222',
      DATABASE_URL: 'postgres://x',
      // a public key only: nothing secret
      ACTOR_TRUSTED_KEYS:
        '{"gateway":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"pfB4mLpaK2DHs6eVVOp2UgH24JwtI3PdrQf-x-bxxrA"}]}}',
    };
    expect(loadAccessoConfig({ ...CONFIG_MINIMA }).STATISTICHE_SOGLIA_PERSONE).toBe(5);
    expect(
      loadAccessoConfig({
        ...CONFIG_MINIMA,
        STATISTICHE_SOGLIA_PERSONE: '10',
      }).STATISTICHE_SOGLIA_PERSONE,
    ).toBe(10);
    expect(() =>
      loadAccessoConfig({
        ...CONFIG_MINIMA,
        STATISTICHE_SOGLIA_PERSONE: '3',
      }),
    ).toThrow(ConfigurationError);
  });
});
