import { ACCESSO_RPC, MISURE_RPC, type PersonaV1 } from '@ambito/contracts';
import { EventBus } from '@ambito/messaging';
import { eventually, rifiuto } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CREMA, codiceFiscale } from '../../../presa-in-carico/test/presa-in-carico-harness';
import { avvisoConErogazione, concessione, istanzaFinanziata, pubblica } from '../../test/benefici-fixture';
import type { AvvisoDiTest } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type ServiziFonti, type TestMisure } from '../../test/misure-harness';

/*
 * Issue 10, points 1, 2 and 7 ("Done when", up to the monthly run): a beneficio lives through grant →
 * monthly payments → a sollievo that crosses the 60-day limit (suspension) → return home (resumed) →
 * death (cessazione), end to end through NATS and PostgreSQL: the real accesso records the ricoveri and
 * the death and publishes their events; misure consumes them, reads accesso's records with its own
 * identity, suspends and ends the beneficio, and the monthly runs pay only the days due.
 */

const MILANO = '015146';
const {
  eseguiErogazioni,
  leggiErogazioneRun,
  leggiBeneficio,
  sospendiBeneficio,
  chiudiSospensioneBeneficio,
  rinnovaIseeBeneficio,
} = MISURE_RPC;

describe('misure › benefici: a beneficio’s life from accesso’s records, paid month by month', () => {
  let svc: TestMisure;
  let servizi: ServiziFonti;
  let avviso: AvvisoDiTest;
  const udp = () => svc.as(ATTORI.udp);
  const operatore = () => servizi.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'ricovero della beneficiaria B2');

  /** accesso's events out now (not at the outbox's next poll). */
  const flush = () => servizi.accesso.app.get(EventBus).flushOutbox();

  async function beneficioDi(p: PersonaV1): Promise<string> {
    const istanza = await istanzaFinanziata(svc, avviso, p.id);
    await pubblica(concessione(avviso, istanza));
    const [b] = await eventually(async () => {
      const righe = await svc.sql<{ id: string }>(`SELECT id FROM beneficio WHERE istanza_id = $1`, [
        istanza.id,
      ]);
      expect(righe).toHaveLength(1);
      return righe;
    });
    return b.id;
  }

  /** Runs the month to its end; the beneficio's month, or undefined if none was due to be computed. */
  async function mese(mese: string, beneficioId: string) {
    const run = await udp()(eseguiErogazioni, { mese });
    await eventually(
      async () => expect((await udp()(leggiErogazioneRun, { id: run.id })).stato).toBe('completata'),
      {
        timeoutMs: 15_000,
      },
    );
    return (await udp()(leggiBeneficio, { id: beneficioId })).mensilita.find((m) => m.mese === mese);
  }

  async function eventi(beneficioId: string) {
    return svc.sql<{ type: string; dal: string; al: string | null }>(
      `SELECT type, envelope->'payload'->>'dal' AS dal, envelope->'payload'->>'al' AS al FROM outbox_message
        WHERE type LIKE 'misure.beneficio.%' AND envelope->'payload'->>'beneficioId' = $1 ORDER BY created_at`,
      [beneficioId],
    );
  }

  beforeAll(async () => {
    svc = await startTestMisure({ servizi: true });
    servizi = svc.servizi!;
    avviso = await avvisoConErogazione(svc);
    // Three services on fresh databases: slow on a loaded machine.
  }, 120_000);
  afterAll(() => svc?.close());

  it('grant → payments → sollievo beyond 60 days (suspended) → home (resumed) → death (ceased)', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    const id = await beneficioDi(p);

    expect(await mese('2025-04', id)).toMatchObject({ esito: 'dovuto', importoDovutoCentesimi: 40_000 });

    // A sollievo from 1 May, still open: the 61st day (30 June) on is suspended.
    const sollievo = await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'sollievo',
      dal: '2025-05-01',
    });
    await flush();
    const sospesa = await eventually(async () => {
      const [s] = (await udp()(leggiBeneficio, { id })).sospensioni;
      expect(s).toMatchObject({ causa: 'sollievo-oltre-limite', dal: '2025-06-30', al: null });
      return s;
    });
    expect(sospesa.dettaglio).toMatchObject({ limiteGiorni: 60, minore: false, giorniGiaUsati: 0 });
    expect(await mese('2025-05', id)).toMatchObject({ esito: 'dovuto', importoDovutoCentesimi: 40_000 });
    const giugno = await mese('2025-06', id);
    // 29 of 30 days: € 400 × 29/30 = € 386,66.
    expect(giugno).toMatchObject({ esito: 'ridotto', giorniDovuti: 29, importoDovutoCentesimi: 38_666 });
    expect(giugno?.regole.find((r) => r.codice === 'SOSPENSIONI')?.esito).toBe('non-soddisfatta');

    // Home on 9 July: the suspension ends with the ricovero, payments resume on the 10th.
    await operatore()(ACCESSO_RPC.concludiRicovero, { id: sollievo.id, al: '2025-07-09' });
    await flush();
    await eventually(async () =>
      expect((await udp()(leggiBeneficio, { id })).sospensioni[0]).toMatchObject({
        dal: '2025-06-30',
        al: '2025-07-09',
      }),
    );
    // 22 of 31 days: € 400 × 22/31 = € 283,87.
    expect(await mese('2025-07', id)).toMatchObject({ giorniDovuti: 22, importoDovutoCentesimi: 28_387 });
    expect(await mese('2025-08', id)).toMatchObject({ esito: 'dovuto', importoDovutoCentesimi: 40_000 });

    // Death on 16 September: ceased from that day; September paid for 15 days, nothing after.
    await operatore()(ACCESSO_RPC.registraDecesso, { id: p.id, dataDecesso: '2025-09-16' });
    await flush();
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id })).toMatchObject({
        stato: 'cessato',
        terminaDal: '2025-09-16',
        causaFine: 'decesso',
      }),
    );
    expect(await mese('2025-09', id)).toMatchObject({ giorniDovuti: 15, importoDovutoCentesimi: 20_000 });
    expect(await mese('2025-10', id)).toBeUndefined();

    expect(await eventi(id)).toEqual([
      { type: 'misure.beneficio.sospeso', dal: '2025-06-30', al: null },
      { type: 'misure.beneficio.ripreso', dal: '2025-07-10', al: null },
      { type: 'misure.beneficio.cessato', dal: '2025-09-16', al: null },
    ]);
    // The same ricovero event again changes nothing (inbox; and the derivation gives the same period).
    const [{ n }] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM sospensione_beneficio WHERE beneficio_id = $1`,
      [id],
    );
    expect(Number(n)).toBe(1);
  });

  it('a sollievo within the limit suspends nothing; a definitive admission revokes', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA));
    const id = await beneficioDi(p);
    const breve = await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'sollievo',
      dal: '2025-04-01',
      al: '2025-04-30',
    });
    expect(breve.al).toBe('2025-04-30');
    await operatore()(ACCESSO_RPC.registraRicovero, {
      personaId: p.id,
      tipo: 'residenziale-definitivo',
      dal: '2025-06-15',
    });
    await flush();
    await eventually(async () =>
      expect(await udp()(leggiBeneficio, { id })).toMatchObject({
        stato: 'revocato',
        terminaDal: '2025-06-15',
        causaFine: 'ricovero-definitivo',
        sospensioni: [],
      }),
    );
    expect((await eventi(id)).map((e) => e.type)).toEqual(['misure.beneficio.revocato']);
    expect(
      await rifiuto(
        udp()(sospendiBeneficio, {
          beneficioId: id,
          causa: 'altro',
          dal: '2025-07-01',
          motivazione: 'prova',
        }),
      ),
    ).toBe('BENEFICIO_NON_ATTIVO');
  });

  it('residence out of the Ambito suspends, back in resumes; an operator records an incompatible measure', async () => {
    const p = await operatore()(ACCESSO_RPC.registraPersona, {
      ...persona(codiceFiscale(), CREMA),
      comuneDomicilio: CREMA,
    });
    const id = await beneficioDi(p);
    await operatore()(ACCESSO_RPC.aggiornaPersona, { id: p.id, comuneResidenza: MILANO });
    await flush();
    await eventually(async () =>
      expect((await udp()(leggiBeneficio, { id })).sospensioni).toEqual([
        expect.objectContaining({ causa: 'residenza-fuori-ambito', al: null }),
      ]),
    );
    await operatore()(ACCESSO_RPC.aggiornaPersona, { id: p.id, comuneResidenza: CREMA });
    await flush();
    await eventually(async () =>
      expect((await udp()(leggiBeneficio, { id })).sospensioni[0].al).not.toBeNull(),
    );
    expect((await eventi(id)).map((e) => e.type)).toEqual([
      'misure.beneficio.sospeso',
      'misure.beneficio.ripreso',
    ]);

    // The Ufficio di Piano learns of a B1 from 1 November 2025: suspended from then, until it ends.
    expect(
      await rifiuto(
        udp()(sospendiBeneficio, {
          beneficioId: id,
          causa: 'misura-incompatibile',
          dal: '2025-11-01',
          motivazione: 'B1 dall’ASST',
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    const sospeso = await udp()(sospendiBeneficio, {
      beneficioId: id,
      causa: 'misura-incompatibile',
      misura: 'b1',
      dal: '2025-11-01',
      motivazione: 'Comunicazione dell’ASST: B1 dal 1° novembre',
    });
    const s = sospeso.sospensioni.find((x) => x.causa === 'misura-incompatibile')!;
    expect(s).toMatchObject({ dal: '2025-11-01', al: null, registrataDa: 'udp' });
    expect(await mese('2025-11', id)).toMatchObject({ esito: 'non-dovuto', importoDovutoCentesimi: 0 });
    const ripreso = await udp()(chiudiSospensioneBeneficio, {
      beneficioId: id,
      sospensioneId: s.id,
      al: '2025-11-30',
    });
    expect(ripreso.sospensioni.find((x) => x.id === s.id)?.al).toBe('2025-11-30');
    expect(
      await rifiuto(
        udp()(chiudiSospensioneBeneficio, { beneficioId: id, sospensioneId: s.id, al: '2025-12-05' }),
      ),
    ).toBe('TRANSIZIONE_NON_CONSENTITA');
  });

  it('an ISEE expired and not renewed pays nothing; a renewal recorded before the run pays again', async () => {
    const scaduto = await beneficioDi(
      await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA)),
    );
    const rinnovato = await beneficioDi(
      await operatore()(ACCESSO_RPC.registraPersona, persona(codiceFiscale(), CREMA)),
    );
    const b = await udp()(rinnovaIseeBeneficio, {
      beneficioId: rinnovato,
      validoAl: '2026-12-31',
      riferimento: 'INPS-ISEE-2026-00000001A-00',
    });
    expect(b.iseeValidoAl).toBe('2026-12-31');
    const gennaio = await mese('2026-01', scaduto);
    expect(gennaio).toMatchObject({ esito: 'non-dovuto', importoDovutoCentesimi: 0, stato: 'nulla' });
    expect(gennaio?.regole.find((r) => r.codice === 'ISEE_VALIDO')).toEqual({
      codice: 'ISEE_VALIDO',
      esito: 'non-soddisfatta',
      motivo: 'ISEE scaduto il 31/12/2025 e non rinnovato: 31 giorni del mese non dovuti',
    });
    const [pagato] = (await udp()(leggiBeneficio, { id: rinnovato })).mensilita;
    expect(pagato).toMatchObject({ mese: '2026-01', esito: 'dovuto', importoDovutoCentesimi: 40_000 });
  });
});
