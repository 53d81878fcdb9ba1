import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MISURE_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';

const {
  registraBudgetProgettoDdn,
  creaGruppoAppartamento,
  inserisciInGruppo,
  dimettiDaGruppo,
  leggiGruppoAppartamento,
} = MISURE_RPC;

/**
 * Issue 10, point 5: the Dopo di Noi budget di progetto across sources with the caps of the 2025 rule
 * set, and the group homes of at most 5 people, a limit the database keeps against concurrent clients.
 */
describe('Dopo di Noi: budget di progetto and group homes (NATS → misure → PostgreSQL)', () => {
  let svc: TestMisure;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    svc = await startTestMisure();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('records a budget across sources with each contribution within its cap, as a new version', async () => {
    const personaId = randomUUID();
    const richiesta = {
      personaId,
      istanzaId: null,
      annualita: 2025,
      giorno: '2025-04-01',
      fonti: [
        { fonte: 'fondo-dopo-di-noi' as const, importoCentesimi: 1_300_000 },
        { fonte: 'comune' as const, importoCentesimi: 300_000, descrizione: 'Comune di Crema' },
        { fonte: 'famiglia' as const, importoCentesimi: 400_000 },
      ],
      interventi: [
        // Adaptation of € 10.000: at most 70 %, € 7.000.
        {
          strumento: 'ddn-a',
          costoCentesimi: 1_000_000,
          contributoRichiestoCentesimi: 900_000,
          sostegnoFamigliaRichiestoCentesimi: 0,
          mesi: 1,
        },
        // Accompaniment voucher for a year: € 4.800 + € 600 for the family.
        {
          strumento: 'ddn-c1',
          costoCentesimi: 700_000,
          contributoRichiestoCentesimi: 700_000,
          sostegnoFamigliaRichiestoCentesimi: 100_000,
          mesi: 12,
        },
      ],
    };
    const b = await udp()(registraBudgetProgettoDdn, richiesta);
    expect(b.versione).toBe(1);
    expect(
      b.interventi.map((i) => [
        i.strumento,
        i.massimaleCentesimi,
        i.contributoCentesimi,
        i.sostegnoFamigliaCentesimi,
      ]),
    ).toEqual([
      ['ddn-a', 700_000, 700_000, 0],
      ['ddn-c1', 480_000, 480_000, 60_000],
    ]);
    expect(b.interventi[0].motivo).toContain('70 % del costo di € 10.000,00');
    expect(b).toMatchObject({
      costoTotaleCentesimi: 1_700_000,
      risorseTotaliCentesimi: 2_000_000,
      contributoDopoDiNoiCentesimi: 1_240_000,
      fondoDopoDiNoiCentesimi: 1_300_000,
      scopertoCentesimi: 0,
    });
    const seconda = await udp()(registraBudgetProgettoDdn, richiesta);
    expect(seconda.versione).toBe(2);
    // The caps hold in the data whatever writes it.
    await expect(
      svc.sql(
        `UPDATE budget_progetto_ddn_intervento SET contributo_centesimi = massimale_centesimi + 1 WHERE budget_id = $1`,
        [b.id],
      ),
    ).rejects.toThrow(/ck_intervento_massimale/);
  });

  it('refuses a budget asking the fund more than it brings, or an unknown type, writing nothing', async () => {
    const personaId = randomUUID();
    const base = { personaId, istanzaId: null, annualita: 2025, giorno: '2025-04-01' };
    expect(
      await rifiuto(
        udp()(registraBudgetProgettoDdn, {
          ...base,
          fonti: [{ fonte: 'fondo-dopo-di-noi', importoCentesimi: 300_000 }],
          interventi: [
            {
              strumento: 'ddn-c1',
              costoCentesimi: 480_000,
              contributoRichiestoCentesimi: 480_000,
              sostegnoFamigliaRichiestoCentesimi: 0,
              mesi: 12,
            },
          ],
        }),
      ),
    ).toBe('BUDGET_PROGETTO_NON_COPERTO');
    expect(
      await rifiuto(
        udp()(registraBudgetProgettoDdn, {
          ...base,
          fonti: [{ fonte: 'fondo-dopo-di-noi', importoCentesimi: 300_000 }],
          interventi: [
            {
              strumento: 'ddn-x',
              costoCentesimi: 1_000,
              contributoRichiestoCentesimi: 1_000,
              sostegnoFamigliaRichiestoCentesimi: 0,
              mesi: 1,
            },
          ],
        }),
      ),
    ).toBe('STRUMENTO_MISURA_SCONOSCIUTO');
    expect(
      await svc.sql(`SELECT 1 FROM budget_progetto_ddn WHERE persona_id = $1`, [personaId]),
    ).toHaveLength(0);
  });

  const gruppo = (postiMassimi: number | null = null) =>
    udp()(creaGruppoAppartamento, {
      denominazione: `Casa ${randomUUID().slice(0, 6)}`,
      comuneIstat: '019035',
      gestione: 'ente-gestore',
      postiMassimi,
      giorno: '2025-04-01',
    });

  it('a group home has at most the rule set’s 5 places', async () => {
    expect(await rifiuto(gruppo(6))).toBe('VALIDAZIONE_FALLITA');
    const g = await gruppo();
    expect(g).toMatchObject({ postiMassimi: 5, persone: 0, presenti: [] });
  });

  it('eight people entering at once through NATS: five enter, three find it full', async () => {
    const g = await gruppo();
    const persone = Array.from({ length: 8 }, () => randomUUID());
    const esiti = await Promise.allSettled(
      persone.map((personaId) => udp()(inserisciInGruppo, { gruppoId: g.id, personaId, dal: '2025-05-01' })),
    );
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(5);
    const rifiutati = esiti.filter((e): e is PromiseRejectedResult => e.status === 'rejected');
    expect(rifiutati.map((e) => (e.reason as { code: string }).code)).toEqual([
      'GRUPPO_APPARTAMENTO_PIENO',
      'GRUPPO_APPARTAMENTO_PIENO',
      'GRUPPO_APPARTAMENTO_PIENO',
    ]);
    const letto = await udp()(leggiGruppoAppartamento, { id: g.id });
    expect(letto.persone).toBe(5);
    expect(letto.presenti).toHaveLength(5);
    // A place freed by a departure can be taken again.
    await udp()(dimettiDaGruppo, {
      gruppoId: g.id,
      personaId: letto.presenti[0].personaId,
      al: '2025-06-30',
    });
    const dopo = await udp()(inserisciInGruppo, {
      gruppoId: g.id,
      personaId: randomUUID(),
      dal: '2025-07-01',
    });
    expect(dopo.persone).toBe(5);
    expect(
      await rifiuto(udp()(inserisciInGruppo, { gruppoId: g.id, personaId: randomUUID(), dal: '2025-07-01' })),
    ).toBe('GRUPPO_APPARTAMENTO_PIENO');
  });

  it('the database keeps the limit for any writer: eight concurrent SQL clients, five rows', async () => {
    const g = await gruppo();
    const clienti = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const c = new Client({ connectionString: svc.databaseUrl, options: '-c search_path=misure' });
        await c.connect();
        return c;
      }),
    );
    try {
      // Each client holds its transaction open until all have tried: the row lock queues them.
      await Promise.all(clienti.map((c) => c.query('BEGIN')));
      const esiti = await Promise.allSettled(
        clienti.map(async (c) => {
          await c.query(
            `INSERT INTO gruppo_appartamento_persona (gruppo_id, persona_id, dal, registrato_da) VALUES ($1, $2, '2025-05-01', 'sql')`,
            [g.id, randomUUID()],
          );
          await c.query('COMMIT');
        }),
      );
      await Promise.all(clienti.map((c) => c.query('ROLLBACK').catch(() => undefined)));
      expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(5);
      for (const e of esiti.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
        expect(String(e.reason)).toMatch(/ck_gruppo_appartamento_posti/);
    } finally {
      await Promise.all(clienti.map((c) => c.end()));
    }
    const [riga] = await svc.sql<{ persone: number; aperte: string }>(
      `SELECT g.persone, (SELECT count(*) FROM gruppo_appartamento_persona p WHERE p.gruppo_id = g.id AND p.al IS NULL) AS aperte
         FROM gruppo_appartamento g WHERE g.id = $1`,
      [g.id],
    );
    expect(riga).toEqual({ persone: 5, aperte: '5' });
  });

  it('a person lives in one group home at a time', async () => {
    const [a, b] = [await gruppo(), await gruppo()];
    const personaId = randomUUID();
    await udp()(inserisciInGruppo, { gruppoId: a.id, personaId, dal: '2025-05-01' });
    expect(await rifiuto(udp()(inserisciInGruppo, { gruppoId: b.id, personaId, dal: '2025-05-01' }))).toBe(
      'PERSONA_GIA_IN_GRUPPO_APPARTAMENTO',
    );
    expect(
      await rifiuto(udp()(inserisciInGruppo, { gruppoId: randomUUID(), personaId, dal: '2025-05-01' })),
    ).toBe('GRUPPO_APPARTAMENTO_NON_TROVATO');
  });
});
