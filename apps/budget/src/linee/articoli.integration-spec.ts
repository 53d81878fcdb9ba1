import { StringCodec, type NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  MISURE_CHIAMATE,
  PRESA_IN_CARICO_CHIAMATE,
  attoreServizio,
  type RichiediImpegnoV1,
} from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import { ATTORI, assegnazione, startTestBudget, type TestBudget } from '../../test/budget-harness';

const {
  registraAssegnazione,
  registraLinea,
  registraArticolo,
  elencaLinee,
  assegnaDotazione,
  richiediImpegno,
  situazioneLinea,
  registraAbilitazione,
  elencaAbilitazioni,
  revocaAbilitazione,
} = BUDGET_RPC;

/**
 * Issue 8, point 3: line 7.10 "Misure distrettuali e regionali" holds several measures, each funded by
 * its own fund: its articoli (B2 per area, Dopo di Noi, Pro.Vi.) keep their money apart.
 */
describe('articoli of a line: one measure, one fund, its own balance', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);
  const impegno = (linea: string, importoCentesimi: number, extra: Partial<RichiediImpegnoV1> = {}) => ({
    chiaveIdempotenza: `test:${randomUUID()}`,
    linea,
    importoCentesimi,
    descrizione: 'Buono B2',
    determina: { numero: '45/2025', data: '2025-04-10' },
    creditore: { tipo: 'persona' as const, identificativo: `persona:${randomUUID()}` },
    ...extra,
  });
  const articolo = (codice: string, categoria: 'misure-b2' | 'dopo-di-noi' | 'provi', fondo: string) => ({
    linea: 'PO2025-7.10',
    codice,
    denominazione: codice,
    categoria,
    fondo,
    preventivoCentesimi: 1_000_000,
  });

  beforeAll(async () => {
    svc = await startTestBudget();
    for (const [fondo, importo] of [
      ['FNA-B2', 10_000_000],
      ['DDN', 5_000_000],
      ['FNA-PROVI', 8_000_000],
      ['COFIN-AMBITO', 2_000_000],
    ] as const)
      await udp()(registraAssegnazione, assegnazione(fondo, 2024, importo));
    await udp()(registraLinea, {
      codice: 'PO2025-7.10',
      obiettivo: '7.10',
      denominazione: 'Misure distrettuali e regionali',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 6_000_000,
    });
    await udp()(registraArticolo, articolo('PO2025-7.10-B2-ANZIANI', 'misure-b2', 'FNA-B2'));
    await udp()(registraArticolo, articolo('PO2025-7.10-B2-MINORI', 'misure-b2', 'FNA-B2'));
    await udp()(registraArticolo, articolo('PO2025-7.10-DDN', 'dopo-di-noi', 'DDN'));
    await udp()(registraArticolo, articolo('PO2025-7.10-PROVI', 'provi', 'FNA-PROVI'));
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('registers articoli in the line’s esercizio, bound to their fund, listed with the lines', async () => {
    const linee = await udp()(elencaLinee, { esercizio: 2025 });
    expect(linee.find((l) => l.codice === 'PO2025-7.10-DDN')).toMatchObject({
      lineaPadre: 'PO2025-7.10',
      fondo: 'DDN',
      esercizio: 2025,
      obiettivo: '7.10',
      categoria: 'dopo-di-noi',
    });
    expect(linee.find((l) => l.codice === 'PO2025-7.10')).toMatchObject({ lineaPadre: null, fondo: null });
  });

  it('dotates an articolo only from its fund (or the cofinanziamento its rules require), never the articulated line', async () => {
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(assegnaDotazione, {
          fondo: 'DDN',
          anno: 2024,
          linea: 'PO2025-7.10-B2-ANZIANI',
          importoCentesimi: 1,
        }),
      ),
    ).toBe('FONDO_NON_VINCOLATO');
    expect(
      await rifiuto(
        udp()(assegnaDotazione, { fondo: 'FNA-B2', anno: 2024, linea: 'PO2025-7.10', importoCentesimi: 1 }),
      ),
    ).toBe('LINEA_ARTICOLATA');
    expect(await svc.conteggi()).toEqual(prima);
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'PO2025-7.10-B2-ANZIANI',
      importoCentesimi: 300_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'PO2025-7.10-B2-MINORI',
      importoCentesimi: 200_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'DDN',
      anno: 2024,
      linea: 'PO2025-7.10-DDN',
      importoCentesimi: 400_000,
    });
    await udp()(assegnaDotazione, {
      fondo: 'FNA-PROVI',
      anno: 2024,
      linea: 'PO2025-7.10-PROVI',
      importoCentesimi: 80_000,
    });
    // Pro.Vi.: the rules of FNA-PROVI name COFIN-AMBITO as its cofinanziamento (≥ 20%)
    await udp()(assegnaDotazione, {
      fondo: 'COFIN-AMBITO',
      anno: 2024,
      linea: 'PO2025-7.10-PROVI',
      importoCentesimi: 20_000,
    });
  });

  it('commits on an articolo against its own fund; the articulated line itself takes no impegno', async () => {
    const i = await udp()(richiediImpegno, impegno('PO2025-7.10-DDN', 150_000));
    expect(i).toMatchObject({ linea: 'PO2025-7.10-DDN', fondo: 'DDN', anno: 2024 });
    expect(await rifiuto(udp()(richiediImpegno, impegno('PO2025-7.10', 1)))).toBe('LINEA_ARTICOLATA');
    // the minori articolo's money is not the anziani's
    expect(await rifiuto(udp()(richiediImpegno, impegno('PO2025-7.10-B2-MINORI', 200_001)))).toBe(
      'BUDGET_INSUFFICIENTE',
    );
  });

  it('never over-commits an articolo: 40 concurrent clients compete for its last 10 euros, exactly 10 pass', async () => {
    await udp()(richiediImpegno, impegno('PO2025-7.10-B2-ANZIANI', 299_000));
    const esiti = await Promise.allSettled(
      Array.from({ length: 40 }, () => udp()(richiediImpegno, impegno('PO2025-7.10-B2-ANZIANI', 100))),
    );
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(10);
    expect(
      new Set(
        esiti
          .filter((e): e is PromiseRejectedResult => e.status === 'rejected')
          .map((e) => (e.reason as { code: string }).code),
      ),
    ).toEqual(new Set(['BUDGET_INSUFFICIENTE']));
    const [saldo] = await svc.sql<{ dotato: string; impegnato: string }>(
      `SELECT sd.dotato_centesimi AS dotato, sd.impegnato_centesimi AS impegnato
         FROM saldo_dotazione sd JOIN linea l ON l.id = sd.linea_id WHERE l.codice = 'PO2025-7.10-B2-ANZIANI'`,
    );
    expect(saldo).toEqual({ dotato: '300000', impegnato: '300000' });
    // and the other articoli of the line did not lend it anything
    expect((await udp()(situazioneLinea, { linea: 'PO2025-7.10-B2-MINORI' })).disponibileCentesimi).toBe(
      200_000,
    );
  });

  it('reports the line with its articoli: the totals include them, each articolo on its own', async () => {
    const s = await udp()(situazioneLinea, { linea: 'PO2025-7.10' });
    expect(s).toMatchObject({ dotatoCentesimi: 1_000_000, impegnatoCentesimi: 450_000 });
    expect(s.articoli).toEqual([
      expect.objectContaining({ codice: 'PO2025-7.10-B2-ANZIANI', fondo: 'FNA-B2', disponibileCentesimi: 0 }),
      expect.objectContaining({
        codice: 'PO2025-7.10-B2-MINORI',
        fondo: 'FNA-B2',
        disponibileCentesimi: 200_000,
      }),
      expect.objectContaining({ codice: 'PO2025-7.10-DDN', fondo: 'DDN', impegnatoCentesimi: 150_000 }),
      expect.objectContaining({ codice: 'PO2025-7.10-PROVI', fondo: 'FNA-PROVI', dotatoCentesimi: 100_000 }),
    ]);
    expect(s.perAnnualita.map((a) => a.fondo).sort()).toEqual(['COFIN-AMBITO', 'DDN', 'FNA-B2', 'FNA-PROVI']);
  });

  it('refuses an articolo of an articolo, of a line with its own dotazioni, or of an unknown fund, writing nothing', async () => {
    await udp()(registraLinea, {
      codice: 'PO2025-7.9',
      denominazione: 'Povertà',
      esercizio: 2025,
      categoria: 'poverta',
      preventivoCentesimi: 100,
    });
    await udp()(registraAssegnazione, assegnazione('QPE', 2024, 100));
    await udp()(assegnaDotazione, { fondo: 'QPE', anno: 2024, linea: 'PO2025-7.9', importoCentesimi: 100 });
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(registraArticolo, { ...articolo('X-1', 'misure-b2', 'FNA-B2'), linea: 'PO2025-7.10-DDN' }),
      ),
    ).toBe('ARTICOLO_NON_AMMESSO');
    expect(
      await rifiuto(
        udp()(registraArticolo, { ...articolo('X-2', 'poverta' as never, 'QPE'), linea: 'PO2025-7.9' }),
      ),
    ).toBe('ARTICOLO_NON_AMMESSO');
    expect(await rifiuto(udp()(registraArticolo, articolo('X-3', 'misure-b2', 'FONDO-X')))).toBe(
      'FONDO_SCONOSCIUTO',
    );
    expect(await rifiuto(udp()(registraArticolo, articolo('PO2025-7.10-DDN', 'dopo-di-noi', 'DDN')))).toBe(
      'LINEA_GIA_REGISTRATA',
    );
    expect(
      await rifiuto(udp()(registraArticolo, { ...articolo('X-4', 'misure-b2', 'FNA-B2'), fondo: 'fna' })),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(await svc.conteggi()).toEqual(prima);
  });

  /**
   * Point 5, last part: the misure service commits and liquidates with its own identity, limited to the
   * lines the Ufficio di Piano granted it. The service is not built yet: the harness calls as it will,
   * with `ServiceCaller` on the `misure` NATS user, its own key and its declared calls (MISURE_CHIAMATE).
   */
  describe('the misure service commits only where it is granted, with its own identity', () => {
    const MOTIVO = { motivo: 'Buono B2 concesso, domanda di prova' };
    const misure = {
      impegna: (linea: string, importo: number) =>
        svc.misure.chiama(MISURE_CHIAMATE.impegno, impegno(linea, importo), MOTIVO),
      liquida: (impegnoId: string, importoCentesimi: number) =>
        svc.misure.chiama(
          MISURE_CHIAMATE.liquidazione,
          { impegnoId, importoCentesimi, periodo: '2025-04' },
          MOTIVO,
        ),
      riduce: (id: string) =>
        svc.misure.chiama(MISURE_CHIAMATE.riduzione, { id, causale: 'decadenza' }, MOTIVO),
    };
    const SERVIZIO_MISURE = attoreServizio('misure', 'CREMA');

    it('refuses the service without a grant, and lets it commit and liquidate on the granted line’s articoli only, recorded as itself', async () => {
      await udp()(assegnaDotazione, {
        fondo: 'FNA-B2',
        anno: 2024,
        linea: 'PO2025-7.10-B2-MINORI',
        importoCentesimi: 100_000,
      });
      const prima = await svc.conteggi();
      expect(await rifiuto(misure.impegna('PO2025-7.10-B2-MINORI', 1_000))).toBe('SERVIZIO_NON_ABILITATO');
      expect(await svc.conteggi()).toEqual(prima);

      const abilitazione = await udp()(registraAbilitazione, {
        servizio: 'misure',
        linea: 'PO2025-7.10-B2-MINORI',
        operazioni: ['impegno', 'liquidazione'],
        validoDal: '2025-01-01',
        atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
      });
      expect(abilitazione).toMatchObject({
        servizio: 'misure',
        validoAl: null,
        revocataDa: null,
        registrataDa: 'udp',
      });

      const i = await misure.impegna('PO2025-7.10-B2-MINORI', 1_000);
      expect(i).toMatchObject({ linea: 'PO2025-7.10-B2-MINORI', importoCentesimi: 1_000 });
      const l = await misure.liquida(i.id, 500);
      // not granted: riduzione on that articolo, anything on the other articoli
      expect(await rifiuto(misure.riduce(i.id))).toBe('SERVIZIO_NON_ABILITATO');
      expect(await rifiuto(misure.impegna('PO2025-7.10-DDN', 1_000))).toBe('SERVIZIO_NON_ABILITATO');
      // who acted, in the records and the ledger: the service, never a person
      expect(await svc.sql(`SELECT registrato_da FROM impegno WHERE id = $1`, [i.id])).toEqual([
        { registrato_da: 'servizio:misure' },
      ]);
      expect(await svc.sql(`SELECT registrata_da FROM liquidazione WHERE id = $1`, [l.id])).toEqual([
        { registrata_da: 'servizio:misure' },
      ]);
      expect(
        await svc.sql(`SELECT tipo, registrato_da FROM movimento WHERE impegno_id = $1 ORDER BY tipo`, [
          i.id,
        ]),
      ).toEqual([
        { tipo: 'impegno', registrato_da: 'servizio:misure' },
        { tipo: 'liquidazione', registrato_da: 'servizio:misure' },
      ]);
    });

    it('lets a grant on a line cover its articoli, and stops at its end or its revoca', async () => {
      const suLinea = await udp()(registraAbilitazione, {
        servizio: 'misure',
        linea: 'PO2025-7.10',
        operazioni: ['impegno'],
        validoDal: '2025-01-01',
        atto: { tipo: 'determina', numero: '13/2025', data: '2024-12-30' },
      });
      await misure.impegna('PO2025-7.10-DDN', 1_000);
      const revocata = await udp()(revocaAbilitazione, { id: suLinea.id });
      expect(revocata.revocataDa).toBe('udp');
      expect(await rifiuto(misure.impegna('PO2025-7.10-DDN', 1_000))).toBe('SERVIZIO_NON_ABILITATO');
      expect(await rifiuto(udp()(revocaAbilitazione, { id: suLinea.id }))).toBe('ABILITAZIONE_GIA_REVOCATA');

      // expired (ended yesterday or earlier) or not yet in force: refused
      for (const [validoDal, validoAl] of [
        ['2020-01-01', '2020-12-31'],
        ['2099-01-01', undefined],
      ] as const) {
        await udp()(registraAbilitazione, {
          servizio: 'misure',
          linea: 'PO2025-7.10-PROVI',
          operazioni: ['impegno'],
          validoDal,
          ...(validoAl ? { validoAl } : {}),
          atto: { tipo: 'determina', numero: '14/2025', data: '2019-12-30' },
        });
      }
      expect(await rifiuto(misure.impegna('PO2025-7.10-PROVI', 1_000))).toBe('SERVIZIO_NON_ABILITATO');
      // another service, with its own valid identity, does not inherit the misure grants: its role may
      // not even send the request
      expect(
        await rifiuto(
          svc.firmatoDa('presa-in-carico', attoreServizio('presa-in-carico', 'CREMA'))(
            richiediImpegno,
            impegno('PO2025-7.10-B2-MINORI', 1_000),
          ),
        ),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
      expect((await udp()(elencaAbilitazioni, { servizio: 'misure' })).length).toBe(4);
      // the grant is history: revoked, never edited or deleted
      await expect(
        svc.sql(`UPDATE abilitazione_servizio SET valido_al = NULL WHERE id = $1`, [suLinea.id]),
      ).rejects.toThrow(/si revoca, una volta/);
      await expect(svc.sql(`DELETE FROM abilitazione_servizio WHERE id = $1`, [suLinea.id])).rejects.toThrow(
        /si revoca, una volta/,
      );
    });

    it('binds the service identity to its key: the gateway cannot sign it, the service not widen it', async () => {
      const prima = await svc.conteggi();
      // the gateway's key, signing the misure service (as a stolen gateway could try): refused
      expect(
        await rifiuto(svc.as(SERVIZIO_MISURE)(richiediImpegno, impegno('PO2025-7.10-B2-MINORI', 1_000))),
      ).toBe('IDENTITA_NON_VALIDA');
      expect(
        await rifiuto(
          svc.as(testActor('servizio:misure', ['amministratore']))(
            richiediImpegno,
            impegno('PO2025-7.10-B2-MINORI', 1_000),
          ),
        ),
      ).toBe('IDENTITA_NON_VALIDA');
      // the misure key, signing the service with a person's role added: refused
      const allargato = {
        ...SERVIZIO_MISURE,
        ruoli: [...SERVIZIO_MISURE.ruoli, 'ufficio-di-piano' as const],
      };
      expect(
        await rifiuto(
          svc.firmatoDa('misure', allargato)(richiediImpegno, impegno('PO2025-7.10-B2-MINORI', 1_000)),
        ),
      ).toBe('IDENTITA_NON_VALIDA');
      // its own identity on a request it has not declared (past the NATS permissions): its role is refused
      expect(
        await rifiuto(
          svc.firmatoDa('misure', SERVIZIO_MISURE)(registraAbilitazione, {
            servizio: 'misure',
            linea: 'PO2025-7.10-DDN',
            operazioni: ['impegno'],
            validoDal: '2025-01-01',
            atto: { tipo: 'determina', numero: '16/2025', data: '2024-12-30' },
          }),
        ),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
      expect(await svc.conteggi()).toEqual(prima);
    });

    it('lets the misure NATS user send its declared budget requests only: any other is refused by the server', async () => {
      const violazione = async (subject: string) => {
        const errore = (await svc.natsMisure
          .request(subject, StringCodec().encode('{}'), { timeout: 2000 })
          .then(
            () => {
              throw new Error(`${subject}: richiesta consentita, attesa una violazione dei permessi`);
            },
            (e: unknown) => e,
          )) as NatsError;
        expect(errore.code).toBe('PERMISSIONS_VIOLATION');
      };
      for (const subject of [
        registraAbilitazione.subject,
        BUDGET_RPC.leggiImpegno.subject,
        BUDGET_RPC.registraMandato.subject,
        BUDGET_RPC.decidiVariazione.subject,
        situazioneLinea.subject,
        'accesso.persona.leggi',
      ])
        await violazione(subject);
      // and ServiceCaller sends nothing the service has not declared
      await expect(
        svc.misure.chiama(PRESA_IN_CARICO_CHIAMATE.proposta, { accessoId: randomUUID() }, MOTIVO),
      ).rejects.toThrow(/non dichiarata da questo servizio/);
    });

    it('lets only a person of the Ufficio di Piano manage grants', async () => {
      const richiesta = {
        servizio: 'misure',
        linea: 'PO2025-7.10-DDN',
        operazioni: ['impegno' as const],
        validoDal: '2025-01-01',
        atto: { tipo: 'determina' as const, numero: '15/2025', data: '2024-12-30' },
      };
      const prima = await svc.conteggi();
      expect(await rifiuto(svc.as(ATTORI.admin)(registraAbilitazione, richiesta))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      for (const male of [
        { ...richiesta, servizio: 'Misure!' },
        { ...richiesta, operazioni: [] },
        { ...richiesta, operazioni: ['pagamento'] },
        { ...richiesta, validoDal: '2025-02-30' },
      ])
        expect(await rifiuto(udp()(registraAbilitazione, male as typeof richiesta))).toBe(
          'VALIDAZIONE_FALLITA',
        );
      expect(await rifiuto(udp()(registraAbilitazione, { ...richiesta, validoAl: '2024-12-31' }))).toBe(
        'DATA_NON_VALIDA',
      );
      expect(await svc.conteggi()).toEqual(prima);
    });
  });
});
