import { giornoInItalia } from '@ambito/kernel';
import { BUDGET_RPC, type DotazioneAssegnataV1, type RegistraLineaV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, assegnazione, startTestBudget, type TestBudget } from '../../test/budget-harness';

const {
  elencaFondi,
  registraAssegnazione,
  registraLinea,
  elencaLinee,
  assegnaDotazione,
  richiediImpegno,
  situazioneFondo,
  registraRegola,
  elencaRegole,
} = BUDGET_RPC;

const lineaDi = (
  codice: string,
  categoria: RegistraLineaV1['categoria'],
  esercizio = 2024,
): RegistraLineaV1 => ({
  codice,
  denominazione: `Linea ${codice}`,
  esercizio,
  categoria,
  preventivoCentesimi: 0,
});

describe('fondi, annualità and dotazioni, with the per-fund rules as data', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    svc = await startTestBudget();
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('records annualità distinct from the esercizio, each assignment with its legal act', async () => {
    const prima = await udp()(registraAssegnazione, {
      fondo: 'FNA-B2',
      anno: 2022,
      atto: { tipo: 'dgr', numero: 'XII/2033', data: '2024-03-18' },
      importoCentesimi: 50_000_000,
    });
    const integrazione = await udp()(registraAssegnazione, {
      fondo: 'FNA-B2',
      anno: 2022,
      atto: { tipo: 'decreto', numero: '4567', data: '2024-06-10' },
      importoCentesimi: 1_234_567,
    });
    expect(integrazione.id).toBe(prima.id);
    expect(integrazione).toMatchObject({ fondo: 'FNA-B2', anno: 2022, assegnatoCentesimi: 51_234_567 });
    expect(integrazione.assegnazioni.map((a) => a.atto)).toEqual([
      { tipo: 'dgr', numero: 'XII/2033', data: '2024-03-18' },
      { tipo: 'decreto', numero: '4567', data: '2024-06-10' },
    ]);
    // FNA 2022 spent in esercizio 2024: the line carries the esercizio, the annualità the fund year
    await udp()(registraLinea, lineaDi('B2-2024', 'misure-b2', 2024));
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2022,
      linea: 'B2-2024',
      importoCentesimi: 1_000_000,
    });
    expect((await udp()(elencaLinee, { esercizio: 2024 })).map((l) => l.codice)).toContain('B2-2024');
    const fondi = await udp()(elencaFondi, {});
    expect(fondi.find((f) => f.codice === 'FNA-B2')).toMatchObject({
      fondoPadre: 'FNA',
      annualita: [{ anno: 2022, assegnatoCentesimi: 51_234_567 }],
    });
    expect((await udp()(elencaFondi, { fondo: 'FNA-B2' })).map((f) => f.codice)).toEqual(['FNA-B2']);
  });

  it('never allocates more than the annualità has left (RESIDUO_FONDO_INSUFFICIENTE), writing nothing', async () => {
    await udp()(registraAssegnazione, assegnazione('DDN', 2023, 100_000));
    await udp()(registraLinea, lineaDi('DDN-2024', 'dopo-di-noi'));
    await udp()(assegnaDotazione, { fondo: 'DDN', anno: 2023, linea: 'DDN-2024', importoCentesimi: 60_000 });
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(assegnaDotazione, { fondo: 'DDN', anno: 2023, linea: 'DDN-2024', importoCentesimi: 40_001 }),
      ),
    ).toBe('RESIDUO_FONDO_INSUFFICIENTE');
    expect(await svc.conteggi()).toEqual(prima);
    await udp()(assegnaDotazione, { fondo: 'DDN', anno: 2023, linea: 'DDN-2024', importoCentesimi: 40_000 });
    const situazione = await udp()(situazioneFondo, { fondo: 'DDN' });
    expect(situazione.totale).toMatchObject({
      assegnatoCentesimi: 100_000,
      dotatoCentesimi: 100_000,
      daDotareCentesimi: 0,
    });
  });

  it('allocates exactly the residual once when 20 allocations race for it', async () => {
    await udp()(registraAssegnazione, assegnazione('QPE', 2023, 10_000));
    await udp()(registraLinea, lineaDi('QPE-2024', 'poverta'));
    const esiti = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        udp()(assegnaDotazione, { fondo: 'QPE', anno: 2023, linea: 'QPE-2024', importoCentesimi: 1_000 }),
      ),
    );
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(10);
    const [s] = await svc.sql<{ dotato: string }>(
      `SELECT s.dotato_centesimi AS dotato FROM saldo_annualita s JOIN annualita a ON a.id = s.annualita_id WHERE a.fondo = 'QPE'`,
    );
    expect(s.dotato).toBe('10000');
  });

  it.each([
    ['an unknown fund', { fondo: 'FONDO-X' }, 'FONDO_SCONOSCIUTO'],
    ['an annualità never assigned', { anno: 2019 }, 'ANNUALITA_NON_ASSEGNATA'],
    ['an unknown line', { linea: 'NESSUNA' }, 'LINEA_NON_TROVATA'],
    [
      'a line the fund may not finance (FNA-B2 → servizi)',
      { linea: 'SERVIZI-2024' },
      'LINEA_NON_FINANZIABILE',
    ],
    ['a negative amount', { importoCentesimi: -5 }, 'VALIDAZIONE_FALLITA'],
    ['a fractional cent', { importoCentesimi: 12.34 }, 'VALIDAZIONE_FALLITA'],
  ] as const)('refuses a dotazione with %s and writes nothing', async (_, change, code) => {
    await udp()(registraAssegnazione, assegnazione('FNA-B2', 2024, 1_000_000));
    if (!(await svc.sql(`SELECT 1 FROM linea WHERE codice = 'SERVIZI-2024'`)).length)
      await udp()(registraLinea, lineaDi('SERVIZI-2024', 'servizi'));
    if (!(await svc.sql(`SELECT 1 FROM linea WHERE codice = 'B2-BUONI-2024'`)).length)
      await udp()(registraLinea, lineaDi('B2-BUONI-2024', 'misure-b2'));
    const prima = await svc.conteggi();
    const dotazione = {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-BUONI-2024',
      importoCentesimi: 1_000,
      ...change,
    };
    expect(await rifiuto(udp()(assegnaDotazione, dotazione))).toBe(code);
    expect(await svc.conteggi()).toEqual(prima);
  });

  it('lets the QSFP fund segretariato sociale and servizio sociale professionale, not unrelated lines', async () => {
    // Seed 002 (PO 2020), line 258: objective 7.2 "Servizio sociale professionale" € 767.319,21
    // "ricomprende la Quota Servizi Fondo Povertà - QSFP" (D.Lgs. 147/2017 art. 7).
    await udp()(registraAssegnazione, assegnazione('QSFP', 2024, 1_000_000));
    await udp()(registraLinea, lineaDi('SSP-2024', 'servizio-sociale-professionale'));
    await udp()(registraLinea, lineaDi('SEGRETARIATO-2024', 'segretariato-sociale'));
    await udp()(registraLinea, lineaDi('INTEGRAZIONE-2024', 'progetti'));
    const dota = (linea: string) =>
      udp()(assegnaDotazione, { fondo: 'QSFP', anno: 2024, linea, importoCentesimi: 100_000 });
    expect((await dota('SSP-2024')).linea).toBe('SSP-2024');
    expect((await dota('SEGRETARIATO-2024')).linea).toBe('SEGRETARIATO-2024');
    const prima = await svc.conteggi();
    const errore = await dota('INTEGRAZIONE-2024').catch((e: Error) => e);
    expect(errore).toMatchObject({ code: 'LINEA_NON_FINANZIABILE' });
    expect((errore as Error).message).toContain('servizio-sociale-professionale');
    expect(await svc.conteggi()).toEqual(prima);
  });

  it('refuses an assignment with a fractional or negative amount or an unknown fund, writing nothing', async () => {
    const prima = await svc.conteggi();
    expect(await rifiuto(udp()(registraAssegnazione, assegnazione('FNPS', 2024, 10.5)))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await rifiuto(udp()(registraAssegnazione, assegnazione('FNPS', 2024, -10)))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await rifiuto(udp()(registraAssegnazione, assegnazione('NON-ESISTE', 2024, 10)))).toBe(
      'FONDO_SCONOSCIUTO',
    );
    expect(await svc.conteggi()).toEqual(prima);
  });

  it('refuses the assignment that would take the annualità beyond an exact number of cents (found by the fuzz: a 500)', async () => {
    await udp()(registraAssegnazione, assegnazione('FNPS', 2019, Number.MAX_SAFE_INTEGER - 10));
    const prima = await svc.conteggi();
    const oltre = udp()(registraAssegnazione, assegnazione('FNPS', 2019, 11));
    expect(await rifiuto(oltre)).toBe('VALIDAZIONE_FALLITA');
    await expect(udp()(registraAssegnazione, assegnazione('FNPS', 2019, 11))).rejects.toMatchObject({
      details: [
        { campo: 'importoCentesimi', messaggi: [expect.stringMatching(/supera il massimo ammesso/)] },
      ],
    });
    expect(await svc.conteggi()).toEqual(prima);
    // Up to the limit it is still taken, and read back exactly.
    const piena = await udp()(registraAssegnazione, assegnazione('FNPS', 2019, 10));
    expect(piena.assegnatoCentesimi).toBe(Number.MAX_SAFE_INTEGER);
  });

  describe('FSR: at most 5% to riequilibrio and 10% to altri interventi', () => {
    beforeAll(async () => {
      await udp()(registraAssegnazione, assegnazione('FSR', 2024, 1_000_000));
      await udp()(registraLinea, lineaDi('FSR-RISERVA', 'riequilibrio'));
      await udp()(registraLinea, lineaDi('FSR-ALTRI', 'altri-interventi'));
      await udp()(registraLinea, lineaDi('FSR-SERVIZI', 'servizi'));
    });
    const dota = (linea: string, importoCentesimi: number) =>
      udp()(assegnaDotazione, { fondo: 'FSR', anno: 2024, linea, importoCentesimi });

    it('accepts up to the ceiling and refuses one cent more, in one or several dotazioni', async () => {
      await dota('FSR-RISERVA', 30_000);
      await dota('FSR-RISERVA', 20_000);
      const prima = await svc.conteggi();
      expect(await rifiuto(dota('FSR-RISERVA', 1))).toBe('QUOTA_FONDO_SUPERATA');
      await dota('FSR-ALTRI', 100_000);
      expect(await rifiuto(dota('FSR-ALTRI', 1))).toBe('QUOTA_FONDO_SUPERATA');
      expect((await svc.conteggi()).dotazione).toBe(prima.dotazione + 1);
      // services have no ceiling: the rest of the annualità can go there
      await dota('FSR-SERVIZI', 850_000);
    });

    it('applies the rule version in force at the annualità’s act, never today’s', async () => {
      // Law as data: a new act (3%) in force from 1/1/2025 closes the version of 2020 (5%); a later one
      // (50%) from tomorrow. Today the 3% version is in force for every annualità.
      const domani = giornoInItalia(new Date(Date.now() + 86_400_000));
      const regola = { fondo: 'FSR', tipo: 'quota-massima', categoria: 'riequilibrio' } as const;
      await udp()(registraRegola, {
        ...regola,
        puntiBase: 300,
        validoDal: '2025-01-01',
        atto: 'DGR di prova n. XII/1 del 20/12/2024 (3%)',
        attoNumero: 'XII/1',
        attoData: '2024-12-20',
      });
      await udp()(registraRegola, {
        ...regola,
        puntiBase: 5000,
        validoDal: domani,
        atto: 'DGR futura (50%)',
        attoNumero: 'XII/2',
        attoData: '2025-01-15',
      });
      const versioni = (await udp()(elencaRegole, { fondo: 'FSR' })).filter(
        (r) => r.tipo === 'quota-massima' && r.categoria === 'riequilibrio',
      );
      expect(versioni.map((v) => [v.validoDal, v.validoAl, v.puntiBase])).toEqual([
        ['2020-01-01', '2024-12-31', 500],
        ['2025-01-01', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 300],
        [domani, null, 5000],
      ]);
      expect(
        (await udp()(elencaRegole, { fondo: 'FSR', inVigoreIl: '2024-06-30' })).map((r) => r.puntiBase),
      ).toContain(500);
      expect(
        await rifiuto(
          udp()(registraRegola, {
            ...regola,
            puntiBase: 100,
            validoDal: '2025-06-01',
            atto: 'Sovrapposta',
            attoNumero: 'XII/3',
            attoData: '2025-05-01',
          }),
        ),
      ).toBe('REGOLA_SOVRAPPOSTA');
      expect(
        await rifiuto(
          udp()(registraRegola, {
            fondo: 'FSR',
            tipo: 'categoria-ammessa',
            categoria: 'poverta',
            puntiBase: 5,
            validoDal: '2025-06-01',
            atto: 'x',
            attoNumero: 'x',
            attoData: '2025-05-01',
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
      // a version without its act's number and date is refused
      expect(
        await rifiuto(
          udp()(registraRegola, {
            ...regola,
            puntiBase: 200,
            validoDal: '2030-01-01',
            atto: 'DGR senza numero',
          } as never),
        ),
      ).toBe('VALIDAZIONE_FALLITA');

      // Two annualità allocated today, the same 4%: FSR 2023 (assigned 18/3/2023, 5% then) may,
      // FSR 2025 (assigned 18/3/2025, 3% then) may not. Today's rules (3%) would refuse both.
      await udp()(registraAssegnazione, assegnazione('FSR', 2023, 1_000_000));
      await udp()(registraAssegnazione, assegnazione('FSR', 2025, 1_000_000));
      await udp()(registraLinea, lineaDi('FSR-RISERVA-2023', 'riequilibrio', 2024));
      await udp()(registraLinea, lineaDi('FSR-RISERVA-2025', 'riequilibrio', 2025));
      const dota = (anno: number, linea: string, importoCentesimi: number) =>
        udp()(assegnaDotazione, { fondo: 'FSR', anno, linea, importoCentesimi });
      const vecchia = await dota(2023, 'FSR-RISERVA-2023', 40_000);
      const errore = await dota(2025, 'FSR-RISERVA-2025', 40_000).catch((e: Error) => e);
      expect(errore).toMatchObject({ code: 'QUOTA_FONDO_SUPERATA' });
      expect((errore as Error).message).toContain('DGR di prova n. XII/1 del 20/12/2024 (3%)');
      const dotata = await dota(2025, 'FSR-RISERVA-2025', 30_000);
      expect(dotata.importoCentesimi).toBe(30_000);
      // each decision keeps the date its rules were taken at, the version it applied and the figures
      const decisioni = await svc.sql<{ id: string; decisione: Record<string, unknown> }>(
        'SELECT id, decisione FROM dotazione WHERE id = ANY($1)',
        [[vecchia.id, dotata.id]],
      );
      const decisione = (id: string) => decisioni.find((d) => d.id === id)!.decisione;
      expect(decisione(vecchia.id)).toMatchObject({
        regoleAl: '2023-03-18',
        regole: expect.arrayContaining([
          expect.objectContaining({ tipo: 'quota-massima', puntiBase: 500, validoDal: '2020-01-01' }),
        ]),
      });
      expect(decisione(dotata.id)).toMatchObject({
        regoleAl: '2025-03-18',
        categoria: 'riequilibrio',
        assegnatoCentesimi: 1_000_000,
        importoCentesimi: 30_000,
        residuoPrimaCentesimi: 1_000_000,
        regole: expect.arrayContaining([
          expect.objectContaining({
            tipo: 'quota-massima',
            puntiBase: 300,
            validoDal: '2025-01-01',
            atto: 'DGR di prova n. XII/1 del 20/12/2024 (3%)',
            attoNumero: 'XII/1',
            attoData: '2024-12-20',
            dotatoCategoriaPrimaCentesimi: 0,
          }),
        ]),
      });
      expect(JSON.stringify(decisioni)).not.toContain('DGR futura');
    });
  });

  describe('Pro.Vi.: the line needs at least 20% cofinanziamento d’Ambito before committing', () => {
    beforeAll(async () => {
      await udp()(registraAssegnazione, assegnazione('FNA-PROVI', 2024, 8_000_000));
      await udp()(registraAssegnazione, assegnazione('COFIN-AMBITO', 2024, 5_000_000));
      await udp()(registraLinea, lineaDi('PROVI-2024', 'provi'));
      await udp()(assegnaDotazione, {
        fondo: 'FNA-PROVI',
        anno: 2024,
        linea: 'PROVI-2024',
        importoCentesimi: 8_000_000,
      });
    });
    const impegno = (n: number) =>
      udp()(richiediImpegno, {
        chiaveIdempotenza: `provi:progetto:${n}`,
        linea: 'PROVI-2024',
        fondo: 'FNA-PROVI',
        importoCentesimi: 100_000,
        descrizione: 'Progetto di vita indipendente',
        determina: { numero: '7/2024', data: '2024-06-01' },
        creditore: { tipo: 'persona', identificativo: `persona:provi-${n}` },
      });

    it('refuses commitments while cofinanziamento is below 20% of the line, accepts them at 20%', async () => {
      expect(await rifiuto(impegno(1))).toBe('COFINANZIAMENTO_INSUFFICIENTE');
      await udp()(assegnaDotazione, {
        fondo: 'COFIN-AMBITO',
        anno: 2024,
        linea: 'PROVI-2024',
        importoCentesimi: 1_999_999,
      });
      expect(await rifiuto(impegno(2))).toBe('COFINANZIAMENTO_INSUFFICIENTE');
      expect(await svc.sql(`SELECT 1 FROM impegno WHERE chiave_idempotenza LIKE 'provi:%'`)).toEqual([]);
      // 8.000.000 + 2.000.000: the cofinanziamento is exactly 20% of 10.000.000
      await udp()(assegnaDotazione, {
        fondo: 'COFIN-AMBITO',
        anno: 2024,
        linea: 'PROVI-2024',
        importoCentesimi: 1,
      });
      expect((await impegno(3)).fondo).toBe('FNA-PROVI');
    });
  });

  it('publishes budget.dotazione.assegnata with what the annualità has left', async () => {
    await udp()(registraAssegnazione, assegnazione('FNPS', 2023, 500_000));
    await udp()(registraLinea, lineaDi('FNPS-PROGETTI', 'progetti'));
    const d = await udp()(assegnaDotazione, {
      fondo: 'FNPS',
      anno: 2023,
      linea: 'FNPS-PROGETTI',
      importoCentesimi: 123_456,
    });
    const [row] = await svc.sql<{ envelope: { version: number; payload: DotazioneAssegnataV1 } }>(
      `SELECT envelope FROM outbox_message WHERE type = 'budget.dotazione.assegnata' AND envelope->'payload'->>'dotazioneId' = $1`,
      [d.id],
    );
    expect(row.envelope.version).toBe(1);
    expect(row.envelope.payload).toEqual({
      dotazioneId: d.id,
      fondo: 'FNPS',
      anno: 2023,
      linea: 'FNPS-PROGETTI',
      importoCentesimi: 123_456,
      daDotareCentesimi: 376_544,
    });
  });

  it('refuses a second line with the same code and roles outside the Ufficio di Piano', async () => {
    await udp()(registraLinea, lineaDi('DOPPIA', 'servizi'));
    expect(await rifiuto(udp()(registraLinea, lineaDi('DOPPIA', 'servizi')))).toBe('LINEA_GIA_REGISTRATA');
    expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(registraLinea, lineaDi('ALTRA', 'servizi')))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(svc.as(ATTORI.coordinatoreCrema)(situazioneFondo, { fondo: 'FSR' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });
});
