import { BUDGET_RPC, attoreServizio } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestBudget, type TestBudget } from '../../test/budget-harness';

const { registraLinea, elencaLinee, proponiVariazione, decidiVariazione, elencaVariazioni } = BUDGET_RPC;

const DELIBERA = { organo: 'assemblea-dei-sindaci' as const, numero: '7/2020', data: '2020-07-15' };

describe('variazioni of the piano operativo: approved by the Ufficio di Piano, kept as history', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);
  const udp2 = () => svc.as(ATTORI.udp2);
  const admin = () => svc.as(ATTORI.admin);
  const preventivo = async (codice: string) =>
    (await udp()(elencaLinee, { esercizio: 2020 })).find((l) => l.codice === codice)!.preventivoCentesimi;

  beforeAll(async () => {
    svc = await startTestBudget();
    await udp()(registraLinea, {
      codice: 'PO2020-7.10',
      obiettivo: '7.10',
      denominazione: 'Misure distrettuali e regionali',
      esercizio: 2020,
      categoria: 'misure-b2',
      preventivoCentesimi: 83_952_891,
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('applies a variation only once the Ufficio di Piano approves it', async () => {
    const proposta = await admin()(proponiVariazione, {
      linea: 'PO2020-7.10',
      preventivoCentesimi: 90_000_000,
      motivazione: 'Integrazione FNA',
    });
    expect(proposta).toMatchObject({
      stato: 'proposta',
      preventivoPrecedenteCentesimi: 83_952_891,
      preventivoCentesimi: 90_000_000,
      propostaDa: 'admin',
      decisaDa: null,
    });
    expect(await preventivo('PO2020-7.10')).toBe(83_952_891);
    expect(
      await rifiuto(admin()(decidiVariazione, { id: proposta.id, esito: 'approvata', atto: DELIBERA })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    // approval needs its act (a delibera of the Assemblea dei Sindaci or of its delegated body)
    expect(await rifiuto(udp()(decidiVariazione, { id: proposta.id, esito: 'approvata' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(
      await rifiuto(
        udp()(decidiVariazione, {
          id: proposta.id,
          esito: 'approvata',
          atto: { organo: 'organo-delegato', numero: '1', data: '2020-07-15' },
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    const approvata = await udp()(decidiVariazione, { id: proposta.id, esito: 'approvata', atto: DELIBERA });
    expect(approvata).toMatchObject({ stato: 'approvata', decisaDa: 'udp', atto: DELIBERA });
    expect(await preventivo('PO2020-7.10')).toBe(90_000_000);
    expect(await rifiuto(udp()(decidiVariazione, { id: proposta.id, esito: 'respinta' }))).toBe(
      'VARIAZIONE_GIA_DECISA',
    );
  });

  it('keeps rejected and stale proposals in the history without touching the preventivo', async () => {
    const respinta = await udp2()(proponiVariazione, {
      linea: 'PO2020-7.10',
      preventivoCentesimi: 1,
      motivazione: 'Errore',
    });
    const vecchia = await udp2()(proponiVariazione, {
      linea: 'PO2020-7.10',
      preventivoCentesimi: 95_000_000,
      motivazione: 'A',
    });
    const nuova = await udp2()(proponiVariazione, {
      linea: 'PO2020-7.10',
      preventivoCentesimi: 92_000_000,
      motivazione: 'B',
    });
    await udp()(decidiVariazione, { id: respinta.id, esito: 'respinta' });
    await udp()(decidiVariazione, {
      id: nuova.id,
      esito: 'approvata',
      atto: {
        organo: 'organo-delegato',
        numero: '3',
        data: '2020-09-01',
        delega: 'Delibera Assemblea n. 2/2020',
      },
    });
    // approving the older proposal would undo the newer one without anyone seeing it
    expect(
      await rifiuto(udp()(decidiVariazione, { id: vecchia.id, esito: 'approvata', atto: DELIBERA })),
    ).toBe('PREVENTIVO_CAMBIATO');
    expect(await preventivo('PO2020-7.10')).toBe(92_000_000);
    const storia = await udp()(elencaVariazioni, { linea: 'PO2020-7.10' });
    expect(storia.map((v) => [v.motivazione, v.stato])).toEqual([
      ['Integrazione FNA', 'approvata'],
      ['Errore', 'respinta'],
      ['A', 'proposta'],
      ['B', 'approvata'],
    ]);
    await expect(
      svc.sql(`UPDATE variazione_preventivo SET motivazione = 'x' WHERE id = $1`, [nuova.id]),
    ).rejects.toThrow(/storico/);
  });

  it('is decided by someone other than who proposed it (four eyes), enforced by the service and the database', async () => {
    const propria = await udp()(proponiVariazione, {
      linea: 'PO2020-7.10',
      preventivoCentesimi: 93_000_000,
      motivazione: 'Propria',
    });
    for (const esito of ['approvata', 'respinta'] as const)
      expect(await rifiuto(udp()(decidiVariazione, { id: propria.id, esito, atto: DELIBERA }))).toBe(
        'APPROVAZIONE_DEL_PROPONENTE',
      );
    expect(
      (await udp()(elencaVariazioni, { linea: 'PO2020-7.10' })).find((v) => v.id === propria.id),
    ).toMatchObject({ stato: 'proposta', decisaDa: null });
    // a writer that forgot the rule is stopped by the table's CHECK
    await expect(
      svc.sql(
        `UPDATE variazione_preventivo SET stato = 'respinta', decisa_da = proposta_da, decisa_il = now() WHERE id = $1`,
        [propria.id],
      ),
    ).rejects.toThrow(/ck_variazione_quattro_occhi/);
    await expect(
      svc.sql(
        `UPDATE variazione_preventivo SET stato = 'approvata', decisa_da = 'altro', decisa_il = now() WHERE id = $1`,
        [propria.id],
      ),
    ).rejects.toThrow(/ck_variazione_atto/);
    // a calling service neither proposes nor decides (its own identity, past the NATS permissions)
    const servizio = svc.firmatoDa('misure', attoreServizio('misure', 'CREMA'));
    expect(
      await rifiuto(servizio(decidiVariazione, { id: propria.id, esito: 'approvata', atto: DELIBERA })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    const decisa = await udp2()(decidiVariazione, { id: propria.id, esito: 'approvata', atto: DELIBERA });
    expect(decisa).toMatchObject({ stato: 'approvata', propostaDa: 'udp', decisaDa: 'udp.due' });
    expect(await preventivo('PO2020-7.10')).toBe(93_000_000);
  });

  it('refuses a negative or fractional preventivo and other roles, writing nothing', async () => {
    const [prima] = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM variazione_preventivo`);
    for (const preventivoCentesimi of [-1, 10.5])
      expect(
        await rifiuto(
          udp()(proponiVariazione, { linea: 'PO2020-7.10', preventivoCentesimi, motivazione: 'x' }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(ATTORI.coordinatoreCrema)(proponiVariazione, {
          linea: 'PO2020-7.10',
          preventivoCentesimi: 1,
          motivazione: 'x',
        }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    const [dopo] = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM variazione_preventivo`);
    expect(dopo.n).toBe(prima.n);
  });
});
