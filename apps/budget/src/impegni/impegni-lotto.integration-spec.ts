import { StringCodec, type NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  MISURE_CHIAMATE,
  attoreServizio,
  type Actor,
  type RichiediImpegniLottoV1,
  type VoceLottoImpegniV1,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, gatewaySignerFrom, parseSigningKey } from '@ambito/messaging';
import { connectTestNats, rifiuto } from '@ambito/testing';
import { ATTORI, assegnazione, startTestBudget, type TestBudget } from '../../test/budget-harness';

const {
  registraAssegnazione,
  registraLinea,
  assegnaDotazione,
  registraAbilitazione,
  richiediImpegniLotto,
  situazioneLinea,
} = BUDGET_RPC;

/**
 * Impegni in batches (issue 9: a graduatoria of thousands approved within the minute): one transaction
 * and one lock of the line for up to 500 impegni, all or nothing, each idempotent by its own key, with
 * the ledger of single impegni.
 */
describe('impegni in batches (budget.impegni.richiedi-lotto)', () => {
  let svc: TestBudget;
  const udp = () => svc.as(ATTORI.udp);
  const MOTIVO = { motivo: 'Graduatoria approvata, impegni di prova' };

  /** A line of esercizio 2025 funded with `importo` cents of FNA-B2 2024, granted to misure. */
  async function linea(codice: string, importo: number): Promise<void> {
    await udp()(registraLinea, {
      codice,
      denominazione: `Buoni B2 ${codice}`,
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: importo,
    });
    await udp()(assegnaDotazione, { fondo: 'FNA-B2', anno: 2024, linea: codice, importoCentesimi: importo });
    await udp()(registraAbilitazione, {
      servizio: 'misure',
      linea: codice,
      operazioni: ['impegno'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
  }

  const voce = (importoCentesimi: number, chiave = `test:${randomUUID()}`): VoceLottoImpegniV1 => ({
    chiaveIdempotenza: chiave,
    importoCentesimi,
    descrizione: 'Buono B2 (graduatoria)',
    riferimento: `misure:istanza:${randomUUID()}`,
    comuneResidenza: '019035',
    determina: { numero: '77/2025', data: '2025-05-02' },
    creditore: { tipo: 'persona', identificativo: `persona:${randomUUID()}` },
  });

  const lotto = (dto: RichiediImpegniLottoV1) => svc.misure.chiama(MISURE_CHIAMATE.impegnoLotto, dto, MOTIVO);
  const singolo = (lineaCodice: string, v: VoceLottoImpegniV1) =>
    svc.misure.chiama(MISURE_CHIAMATE.impegno, { ...v, linea: lineaCodice }, MOTIVO);

  const situazione = (codice: string) => udp()(situazioneLinea, { linea: codice });
  /** The ledger of a line by movement type: count and sum. */
  const registro = (codice: string) =>
    svc.sql<{ tipo: string; n: number; somma: string }>(
      `SELECT m.tipo, count(*)::int AS n, sum(m.importo_centesimi)::text AS somma
         FROM movimento m JOIN linea l ON l.id = m.linea_id
        WHERE l.codice = $1 AND m.impegno_id IS NOT NULL GROUP BY m.tipo`,
      [codice],
    );

  beforeAll(async () => {
    svc = await startTestBudget();
    await udp()(registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('commits a batch of 500 in request order; ledger and balances equal those of the same impegni requested one by one', async () => {
    await linea('B2-LOTTO', 10_000_000);
    await linea('B2-SINGOLI', 10_000_000);
    const importi = Array.from({ length: 500 }, (_, i) => 1_000 + i * 7);
    const voci = importi.map((i) => voce(i));
    const impegni = await lotto({ linea: 'B2-LOTTO', impegni: voci });
    expect(impegni.map((i) => i.chiaveIdempotenza)).toEqual(voci.map((v) => v.chiaveIdempotenza));
    expect(impegni.map((i) => i.importoCentesimi)).toEqual(importi);
    expect(impegni[0]).toMatchObject({
      linea: 'B2-LOTTO',
      fondo: 'FNA-B2',
      anno: 2024,
      riferimento: voci[0].riferimento,
      comuneResidenza: '019035',
      determina: voci[0].determina,
      creditore: voci[0].creditore,
      residuoCentesimi: 1_000,
      stato: 'attivo',
      liquidazioni: [],
    });
    expect(new Set(impegni.map((i) => i.id)).size).toBe(500);

    for (const v of importi.map((i) => voce(i))) await singolo('B2-SINGOLI', v);

    const somma = String(importi.reduce((a, b) => a + b, 0));
    expect(await registro('B2-LOTTO')).toEqual([{ tipo: 'impegno', n: 500, somma }]);
    expect(await registro('B2-SINGOLI')).toEqual(await registro('B2-LOTTO'));
    const [a, b] = [await situazione('B2-LOTTO'), await situazione('B2-SINGOLI')];
    expect(a.impegnatoCentesimi).toBe(Number(somma));
    expect({ ...a, linea: null }).toEqual({ ...b, linea: null });
    expect(
      await svc.sql(`SELECT registrato_da FROM impegno WHERE id = ANY ($1::uuid[]) GROUP BY registrato_da`, [
        impegni.map((i) => i.id),
      ]),
    ).toEqual([{ registrato_da: 'servizio:misure' }]);
  });

  it('refuses the whole batch with BUDGET_INSUFFICIENTE when the money does not cover the sum, writing nothing', async () => {
    await linea('B2-LOTTO-POCO', 100_000);
    const prima = await svc.conteggi();
    // each item fits, their sum does not
    const voci = [voce(40_000), voce(40_000), voce(30_000)];
    expect(await rifiuto(lotto({ linea: 'B2-LOTTO-POCO', impegni: voci }))).toBe('BUDGET_INSUFFICIENTE');
    expect(await svc.conteggi()).toEqual(prima);
    expect((await situazione('B2-LOTTO-POCO')).disponibileCentesimi).toBe(100_000);
    // without the last one it fits, exactly
    expect(await lotto({ linea: 'B2-LOTTO-POCO', impegni: [voce(60_000), voce(40_000)] })).toHaveLength(2);
    expect((await situazione('B2-LOTTO-POCO')).disponibileCentesimi).toBe(0);
  });

  it('returns the same impegni to a retried batch, and with existing and new keys mixed commits only the new ones', async () => {
    await linea('B2-LOTTO-RIPETUTO', 1_000_000);
    const voci = [voce(1_000), voce(2_000), voce(3_000)];
    const primo = await lotto({ linea: 'B2-LOTTO-RIPETUTO', impegni: voci });
    const prima = await svc.conteggi();
    const secondo = await lotto({ linea: 'B2-LOTTO-RIPETUTO', impegni: voci });
    expect(secondo).toEqual(primo);
    expect(await svc.conteggi()).toEqual(prima);

    // one made by a single request with the same key and content counts as existing too
    const singola = voce(500);
    const giaSingolo = await singolo('B2-LOTTO-RIPETUTO', singola);
    const nuove = [voce(4_000), voce(5_000)];
    const misto = await lotto({
      linea: 'B2-LOTTO-RIPETUTO',
      impegni: [nuove[0], voci[1], singola, nuove[1], voci[0]],
    });
    expect(misto.map((i) => i.id).slice(1, 3)).toEqual([primo[1].id, giaSingolo.id]);
    expect(misto[4].id).toBe(primo[0].id);
    expect(misto.map((i) => i.importoCentesimi)).toEqual([4_000, 2_000, 500, 5_000, 1_000]);
    expect(await registro('B2-LOTTO-RIPETUTO')).toEqual([{ tipo: 'impegno', n: 6, somma: '15500' }]);

    // the same key with another content refuses the whole batch and writes nothing
    const ancora = await svc.conteggi();
    expect(
      await rifiuto(
        lotto({ linea: 'B2-LOTTO-RIPETUTO', impegni: [voce(100), { ...voci[2], importoCentesimi: 9 }] }),
      ),
    ).toBe('CHIAVE_IDEMPOTENZA_RIUSATA');
    expect(await svc.conteggi()).toEqual(ancora);
  });

  it('never over-commits when single impegni and batches compete for the same line (concurrent clients)', async () => {
    await linea('B2-LOTTO-GARA', 100_000);
    // 10 batches of 10 × 10 € and 50 single 10 € impegni compete for 1,000 €
    const lotti = Array.from({ length: 10 }, () =>
      lotto({ linea: 'B2-LOTTO-GARA', impegni: Array.from({ length: 10 }, () => voce(1_000)) }).then(
        (r) => r.length,
        (e: { code?: string }) => e.code ?? 'errore',
      ),
    );
    const singoli = Array.from({ length: 50 }, () =>
      singolo('B2-LOTTO-GARA', voce(1_000)).then(
        () => 1,
        (e: { code?: string }) => e.code ?? 'errore',
      ),
    );
    const esiti = await Promise.all([...lotti, ...singoli]);
    expect(esiti.filter((e) => typeof e === 'string' && e !== 'BUDGET_INSUFFICIENTE')).toEqual([]);
    const impegnati = esiti.reduce<number>((s, e) => s + (typeof e === 'number' ? e : 0), 0);
    // some of each kind passed and some were refused; what passed is exactly what the ledger holds
    expect(esiti.filter((e) => e === 'BUDGET_INSUFFICIENTE').length).toBeGreaterThan(0);
    expect(impegnati).toBeLessThanOrEqual(100);
    expect(impegnati).toBeGreaterThan(80);
    const s = await situazione('B2-LOTTO-GARA');
    expect(s.impegnatoCentesimi).toBe(impegnati * 1_000);
    expect(s.disponibileCentesimi).toBe(100_000 - impegnati * 1_000);
    expect(await registro('B2-LOTTO-GARA')).toEqual([
      { tipo: 'impegno', n: impegnati, somma: String(impegnati * 1_000) },
    ]);
  });

  it('refuses a person’s role, another service and a line not granted; validates size and duplicate keys', async () => {
    await linea('B2-LOTTO-RUOLI', 100_000);
    await udp()(registraLinea, {
      codice: 'B2-LOTTO-NON-ABILITATA',
      denominazione: 'Non abilitata',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 1_000,
    });
    const dto = { linea: 'B2-LOTTO-RUOLI', impegni: [voce(100)] };
    const prima = await svc.conteggi();
    // The gateway's NATS user may not even send it: no route reaches it.
    const errore = (await svc.natsMisure.flush().then(() =>
      connectTestNats('gateway', { name: 'lotto-gateway' }).then(async (nc) => {
        try {
          return await nc
            .request(richiediImpegniLotto.subject, StringCodec().encode('{}'), { timeout: 2000 })
            .then(
              () => null,
              (e: NatsError) => e,
            );
        } finally {
          await nc.close();
        }
      }),
    )) as NatsError;
    expect(errore.code).toBe('PERMISSIONS_VIOLATION');
    // On a connection allowed to send it, a person's actor (signed as the gateway signs it) is refused
    // by role, the Ufficio di Piano and the administrator included.
    const comePersona = (actor: Actor) =>
      new RpcClient(svc.natsMisure, 10_000, gatewaySignerFrom(svc.identita, { ambito: 'CREMA' })).request(
        richiediImpegniLotto,
        dto,
        { context: { actor, correlationId: randomUUID(), causationId: null } },
      );
    expect(await rifiuto(comePersona(ATTORI.udp))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(comePersona(ATTORI.admin))).toBe('OPERAZIONE_NON_CONSENTITA');
    // Another service, with its own valid key, is not servizio-misure.
    const altroServizio = new RpcClient(
      svc.natsMisure,
      10_000,
      new ActorSigner(
        parseSigningKey(svc.identita.SERVICE_SIGNING_KEYS['presa-in-carico'], 'presa-in-carico'),
        {
          ambito: 'CREMA',
        },
      ),
    ).request(richiediImpegniLotto, dto, {
      context: {
        actor: attoreServizio('presa-in-carico', 'CREMA'),
        correlationId: randomUUID(),
        causationId: null,
      },
    });
    expect(await rifiuto(altroServizio)).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(lotto({ ...dto, linea: 'B2-LOTTO-NON-ABILITATA' }))).toBe('SERVIZIO_NON_ABILITATO');
    const doppia = voce(100);
    expect(await rifiuto(lotto({ ...dto, impegni: [doppia, doppia] }))).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(lotto({ ...dto, impegni: [] }))).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(lotto({ ...dto, impegni: Array.from({ length: 501 }, () => voce(1)) }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await svc.conteggi()).toEqual(prima);
  });
});
