import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  type EventEnvelope,
  type ImpegnoRidottoV1,
  type ImpegnoRegistratoV1,
  type ImpegnoRifiutatoV1,
  type LiquidazioneRegistrataV2,
  type MandatoRegistratoV1,
  type RichiediImpegnoV1,
} from '@ambito/contracts';
import { connectTestNats, eventually, rifiuto } from '@ambito/testing';
import { ATTORI, CREMA, assegnazione, startTestBudget, type TestBudget } from '../../test/budget-harness';

const {
  registraAssegnazione,
  registraLinea,
  assegnaDotazione,
  richiediImpegno,
  leggiImpegno,
  riduciImpegno,
  registraLiquidazione,
  registraMandato,
  situazioneLinea,
} = BUDGET_RPC;

describe('impegni and liquidazioni (NATS → budget → PostgreSQL → JetStream)', () => {
  let svc: TestBudget;
  let nc: NatsConnection;
  let messages: ConsumerMessages;
  const eventi: EventEnvelope[] = [];
  const udp = () => svc.as(ATTORI.udp);

  /** A B2 line of esercizio 2025 funded with `importo` cents of FNA-B2 2024. */
  async function linea(codice: string, importo: number): Promise<void> {
    await udp()(registraLinea, {
      codice,
      denominazione: `Buoni B2 ${codice}`,
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: importo,
    });
    await udp()(assegnaDotazione, { fondo: 'FNA-B2', anno: 2024, linea: codice, importoCentesimi: importo });
  }

  const impegno = (
    lineaCodice: string,
    importoCentesimi: number,
    extra: Partial<RichiediImpegnoV1> = {},
  ) => ({
    chiaveIdempotenza: `test:${randomUUID()}`,
    linea: lineaCodice,
    importoCentesimi,
    descrizione: 'Buono caregiver familiare',
    determina: { numero: '123/2025', data: '2025-03-20' },
    creditore: { tipo: 'persona' as const, identificativo: `persona:${randomUUID()}` },
    ...extra,
  });

  const disponibile = async (codice: string) =>
    (await udp()(situazioneLinea, { linea: codice })).disponibileCentesimi;

  beforeAll(async () => {
    svc = await startTestBudget();
    nc = await connectTestNats();
    const durable = `test-${randomUUID()}`;
    await (
      await nc.jetstreamManager()
    ).consumers.add('EVT_BUDGET', {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
    });
    messages = await (await nc.jetstream().consumers.get('EVT_BUDGET', durable)).consume();
    void (async () => {
      for await (const m of messages) {
        eventi.push(m.json());
        m.ack();
      }
    })();
    await udp()(registraAssegnazione, assegnazione('FNA-B2', 2024, 100_000_000));
  });
  afterAll(async () => {
    await messages?.close();
    await nc?.close();
    await svc?.close();
  });

  const evento = <P>(type: string, match: (p: P) => boolean) =>
    eventually(
      () => {
        const found = eventi.find((e) => e.type === type && match(e.payload as P));
        expect(found).toBeDefined();
        return found as EventEnvelope<string, P>;
      },
      { timeoutMs: 10_000 },
    );

  it('commits money of a line and publishes budget.impegno.registrato through the outbox', async () => {
    await linea('B2-BASE', 1_000_000);
    const i = await udp()(
      richiediImpegno,
      impegno('B2-BASE', 300_000, { comuneResidenza: CREMA, riferimento: 'misure:beneficio:1' }),
    );
    expect(i).toMatchObject({
      linea: 'B2-BASE',
      fondo: 'FNA-B2',
      anno: 2024,
      importoInizialeCentesimi: 300_000,
      importoCentesimi: 300_000,
      liquidatoCentesimi: 0,
      residuoCentesimi: 300_000,
      stato: 'attivo',
      comuneResidenza: CREMA,
    });
    expect(await disponibile('B2-BASE')).toBe(700_000);
    const e = await evento<ImpegnoRegistratoV1>('budget.impegno.registrato', (p) => p.impegnoId === i.id);
    expect(e).toMatchObject({ version: 1, actor: { userId: 'udp' }, ambito: 'CREMA' });
    expect(e.payload).toMatchObject({
      importoCentesimi: 300_000,
      disponibileLineaCentesimi: 700_000,
      riferimento: 'misure:beneficio:1',
    });
  });

  it('refuses with BUDGET_INSUFFICIENTE when the line lacks money, writes no impegno and publishes impegno.rifiutato', async () => {
    await linea('B2-POCO', 50_000);
    const prima = await svc.conteggi();
    const richiesta = impegno('B2-POCO', 50_001);
    expect(await rifiuto(udp()(richiediImpegno, richiesta))).toBe('BUDGET_INSUFFICIENTE');
    const dopo = await svc.conteggi();
    expect(dopo).toEqual({ ...prima, outbox_message: prima.outbox_message + 1 });
    const e = await evento<ImpegnoRifiutatoV1>(
      'budget.impegno.rifiutato',
      (p) => p.chiaveIdempotenza === richiesta.chiaveIdempotenza,
    );
    expect(e.payload).toMatchObject({
      linea: 'B2-POCO',
      importoCentesimi: 50_001,
      disponibileCentesimi: 50_000,
    });
    // the exact remaining amount is still accepted
    expect((await udp()(richiediImpegno, impegno('B2-POCO', 50_000))).importoCentesimi).toBe(50_000);
    expect(await disponibile('B2-POCO')).toBe(0);
  });

  it('never over-commits: 50 concurrent requests compete for the last 5 euros, exactly 5 of 1 euro pass', async () => {
    await linea('B2-ULTIMI', 100_000);
    await udp()(richiediImpegno, impegno('B2-ULTIMI', 99_500));
    const esiti = await Promise.allSettled(
      Array.from({ length: 50 }, () => udp()(richiediImpegno, impegno('B2-ULTIMI', 100))),
    );
    const accettati = esiti.filter((r) => r.status === 'fulfilled');
    const rifiutati = esiti.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accettati).toHaveLength(5);
    expect(rifiutati).toHaveLength(45);
    expect(new Set(rifiutati.map((r) => (r.reason as { code: string }).code))).toEqual(
      new Set(['BUDGET_INSUFFICIENTE']),
    );

    const [saldo] = await svc.sql<{ dotato: string; impegnato: string; impegni: string; movimenti: string }>(
      `SELECT sd.dotato_centesimi AS dotato, sd.impegnato_centesimi AS impegnato,
              (SELECT sum(importo_centesimi) FROM impegno WHERE linea_id = l.id) AS impegni,
              (SELECT sum(importo_centesimi) FROM movimento WHERE linea_id = l.id AND tipo = 'impegno') AS movimenti
         FROM linea l JOIN saldo_dotazione sd ON sd.linea_id = l.id WHERE l.codice = 'B2-ULTIMI'`,
    );
    expect(saldo).toEqual({ dotato: '100000', impegnato: '100000', impegni: '100000', movimenti: '100000' });
    expect(await disponibile('B2-ULTIMI')).toBe(0);
    const [rifiuti] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_message WHERE type = 'budget.impegno.rifiutato' AND envelope->'payload'->>'linea' = 'B2-ULTIMI'`,
    );
    expect(Number(rifiuti.n)).toBe(45);
  });

  it('lets PostgreSQL itself refuse a movement that would over-commit a line (CHECK on the balance)', async () => {
    await linea('B2-VINCOLO', 1_000);
    const i = await udp()(richiediImpegno, impegno('B2-VINCOLO', 1_000));
    await expect(
      svc.sql(
        `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, registrato_da)
         SELECT 'impegno', 1, annualita_id, linea_id, id, 'intruso' FROM impegno WHERE id = $1`,
        [i.id],
      ),
    ).rejects.toThrow(/ck_saldo_dotazione_impegnato|ck_impegno_importo/);
  });

  describe('idempotency key', () => {
    it('returns the same impegno for a repeated request and changes nothing', async () => {
      await linea('B2-IDEM', 100_000);
      const richiesta = impegno('B2-IDEM', 40_000);
      const primo = await udp()(richiediImpegno, richiesta);
      const prima = await svc.conteggi();
      const secondo = await udp()(richiediImpegno, richiesta);
      expect(secondo).toEqual(primo);
      expect(await svc.conteggi()).toEqual(prima);
      expect(await disponibile('B2-IDEM')).toBe(60_000);
    });

    it('creates one impegno when the same request arrives 10 times at once', async () => {
      await linea('B2-IDEM-CONC', 100_000);
      const richiesta = impegno('B2-IDEM-CONC', 10_000);
      const risposte = await Promise.all(Array.from({ length: 10 }, () => udp()(richiediImpegno, richiesta)));
      expect(new Set(risposte.map((r) => r.id)).size).toBe(1);
      const [n] = await svc.sql<{ n: string; e: string }>(
        `SELECT (SELECT count(*) FROM impegno WHERE chiave_idempotenza = $1) AS n,
                (SELECT count(*) FROM outbox_message WHERE type = 'budget.impegno.registrato'
                    AND envelope->'payload'->>'chiaveIdempotenza' = $1) AS e`,
        [richiesta.chiaveIdempotenza],
      );
      expect(n).toEqual({ n: '1', e: '1' });
      expect(await disponibile('B2-IDEM-CONC')).toBe(90_000);
    });

    it('refuses the same key with a different request and writes nothing', async () => {
      await linea('B2-IDEM-ALTRO', 100_000);
      const richiesta = impegno('B2-IDEM-ALTRO', 10_000);
      await udp()(richiediImpegno, richiesta);
      const prima = await svc.conteggi();
      expect(await rifiuto(udp()(richiediImpegno, { ...richiesta, importoCentesimi: 20_000 }))).toBe(
        'CHIAVE_IDEMPOTENZA_RIUSATA',
      );
      expect(await svc.conteggi()).toEqual(prima);
    });
  });

  it('reduces (economia, rinuncia) and liquidates: availability comes back, never the liquidated part', async () => {
    await linea('B2-CICLO', 1_000_000);
    const i = await udp()(richiediImpegno, impegno('B2-CICLO', 300_000));
    const l = await udp()(registraLiquidazione, {
      impegnoId: i.id,
      importoCentesimi: 100_000,
      periodo: '2024-03',
    });
    expect(l).toMatchObject({
      periodo: '2024-03',
      mandato: null,
      mandatoId: null,
      importoCentesimi: 100_000,
    });
    const [movimento] = await svc.sql<{ tipo: string; causale: string }>(
      `SELECT tipo, causale FROM movimento WHERE impegno_id = $1 AND tipo NOT IN ('impegno', 'liquidazione')`,
      [i.id],
    );
    expect(movimento).toBeUndefined();
    const ridotto = await udp()(riduciImpegno, { id: i.id, causale: 'economia', importoCentesimi: 50_000 });
    expect(ridotto).toMatchObject({
      importoCentesimi: 250_000,
      liquidatoCentesimi: 100_000,
      residuoCentesimi: 150_000,
    });
    expect(await disponibile('B2-CICLO')).toBe(750_000);

    const rinuncia = await udp()(riduciImpegno, { id: i.id, causale: 'rinuncia' });
    expect(rinuncia).toMatchObject({ importoCentesimi: 100_000, residuoCentesimi: 0, stato: 'estinto' });
    expect(await disponibile('B2-CICLO')).toBe(900_000);
    const situazione = await udp()(situazioneLinea, { linea: 'B2-CICLO' });
    expect(situazione).toMatchObject({
      dotatoCentesimi: 1_000_000,
      impegnatoCentesimi: 100_000,
      liquidatoCentesimi: 100_000,
      pagatoCentesimi: 0,
      disponibileCentesimi: 900_000,
    });
    // the ledger speaks the accounting's words: riduzioni, with their causale
    expect(
      await svc.sql(
        `SELECT tipo, causale FROM movimento WHERE impegno_id = $1 AND tipo = 'riduzione' ORDER BY id`,
        [i.id],
      ),
    ).toEqual([
      { tipo: 'riduzione', causale: 'economia' },
      { tipo: 'riduzione', causale: 'rinuncia' },
    ]);

    const prima = await svc.conteggi();
    expect(await rifiuto(udp()(riduciImpegno, { id: i.id, causale: 'revoca' }))).toBe(
      'RIDUZIONE_OLTRE_RESIDUO',
    );
    expect(
      await rifiuto(
        udp()(registraLiquidazione, { impegnoId: i.id, importoCentesimi: 1, periodo: '2024-04' }),
      ),
    ).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await svc.conteggi()).toEqual(prima);

    const ridotto2 = await evento<ImpegnoRidottoV1>(
      'budget.impegno.ridotto',
      (p) => p.impegnoId === i.id && p.causale === 'rinuncia',
    );
    expect(ridotto2.payload).toMatchObject({
      importoCentesimi: 150_000,
      importoImpegnoCentesimi: 100_000,
      disponibileLineaCentesimi: 900_000,
    });
    const pagato = await evento<LiquidazioneRegistrataV2>(
      'budget.liquidazione.registrata',
      (p) => p.impegnoId === i.id,
    );
    expect(pagato.payload).toMatchObject({
      periodo: '2024-03',
      importoCentesimi: 100_000,
      linea: 'B2-CICLO',
    });
    expect((await udp()(leggiImpegno, { id: i.id })).liquidazioni).toEqual([
      expect.objectContaining({ periodo: '2024-03' }),
    ]);
  });

  it('refuses a liquidazione above the impegno and writes nothing; a one-off liquidazione has no period', async () => {
    await linea('B2-LIQ', 100_000);
    const i = await udp()(richiediImpegno, impegno('B2-LIQ', 60_000));
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(registraLiquidazione, { impegnoId: i.id, importoCentesimi: 60_001, periodo: '2024-05' }),
      ),
    ).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await svc.conteggi()).toEqual(prima);
    const l = await udp()(registraLiquidazione, { impegnoId: i.id, importoCentesimi: 60_000 });
    expect(l).toMatchObject({ periodo: null, mandato: null });
    const e = await evento<LiquidazioneRegistrataV2>(
      'budget.liquidazione.registrata',
      (p) => p.liquidazioneId === l.id,
    );
    expect(e.version).toBe(2);
    expect(e.payload.periodo).toBeNull();
    expect((await udp()(leggiImpegno, { id: i.id })).stato).toBe('estinto');
  });

  it('records the determina and the creditore of an impegno (TUEL art. 183); the same key with another act is another request', async () => {
    await linea('B2-ATTO', 100_000);
    const richiesta = impegno('B2-ATTO', 10_000, {
      creditore: { tipo: 'ente', identificativo: '01234567890', denominazione: 'Cooperativa Esempio' },
    });
    const i = await udp()(richiediImpegno, richiesta);
    expect(i).toMatchObject({
      determina: { numero: '123/2025', data: '2025-03-20' },
      creditore: { tipo: 'ente', identificativo: '01234567890', denominazione: 'Cooperativa Esempio' },
    });
    expect(
      await rifiuto(
        udp()(richiediImpegno, { ...richiesta, determina: { numero: '124/2025', data: '2025-03-20' } }),
      ),
    ).toBe('CHIAVE_IDEMPOTENZA_RIUSATA');
    const prima = await svc.conteggi();
    const { determina: _d, ...senzaDetermina } = impegno('B2-ATTO', 1_000);
    const { creditore: _c, ...senzaCreditore } = impegno('B2-ATTO', 1_000);
    for (const male of [
      senzaDetermina,
      senzaCreditore,
      impegno('B2-ATTO', 1_000, { determina: { numero: '1', data: '2025-02-30' } }),
      // a person is named by id only: no name of a person in the budget
      impegno('B2-ATTO', 1_000, {
        creditore: { tipo: 'persona', identificativo: 'persona:1', denominazione: 'Mario Rossi' },
      }),
      impegno('B2-ATTO', 1_000, { creditore: { tipo: 'ente', identificativo: '01234567890' } }),
    ])
      expect(await rifiuto(udp()(richiediImpegno, male as RichiediImpegnoV1))).toBe('VALIDAZIONE_FALLITA');
    expect(await svc.conteggi()).toEqual(prima);
  });

  describe('mandati (TUEL art. 185): liquidazione is not payment', () => {
    it('pays several liquidazioni of different impegni and lines with one mandato, once; the ledger shows pagato ≤ liquidato', async () => {
      await linea('B2-MAND-A', 100_000);
      await linea('B2-MAND-B', 100_000);
      const a = await udp()(richiediImpegno, impegno('B2-MAND-A', 50_000));
      const b = await udp()(richiediImpegno, impegno('B2-MAND-B', 30_000));
      const la1 = await udp()(registraLiquidazione, {
        impegnoId: a.id,
        importoCentesimi: 10_000,
        periodo: '2025-01',
      });
      const la2 = await udp()(registraLiquidazione, {
        impegnoId: a.id,
        importoCentesimi: 10_000,
        periodo: '2025-02',
      });
      const lb = await udp()(registraLiquidazione, { impegnoId: b.id, importoCentesimi: 30_000 });
      const primaDelMandato = new Date().toISOString();
      expect((await udp()(situazioneLinea, { linea: 'B2-MAND-A' })).pagatoCentesimi).toBe(0);

      const richiesta = { numero: '2025/118', data: '2025-03-31', liquidazioni: [la1.id, lb.id] };
      const m = await udp()(registraMandato, richiesta);
      expect(m).toMatchObject({
        numero: '2025/118',
        esercizio: 2025,
        data: '2025-03-31',
        importoCentesimi: 40_000,
      });
      expect([...m.liquidazioni].sort()).toEqual([la1.id, lb.id].sort());
      // a repeat returns the same mandato and pays nothing twice
      const prima = await svc.conteggi();
      expect(await udp()(registraMandato, { ...richiesta, liquidazioni: [lb.id, la1.id] })).toEqual(m);
      expect(await svc.conteggi()).toEqual(prima);

      expect((await udp()(leggiImpegno, { id: a.id })).liquidazioni).toEqual([
        expect.objectContaining({ id: la1.id, mandatoId: m.id, mandato: '2025/118' }),
        expect.objectContaining({ id: la2.id, mandatoId: null, mandato: null }),
      ]);
      expect(await udp()(leggiImpegno, { id: a.id })).toMatchObject({
        liquidatoCentesimi: 20_000,
        pagatoCentesimi: 10_000,
      });
      expect(await udp()(situazioneLinea, { linea: 'B2-MAND-B' })).toMatchObject({
        liquidatoCentesimi: 30_000,
        pagatoCentesimi: 30_000,
      });
      // reconstructed before the mandato: liquidated, not paid
      expect(await udp()(situazioneLinea, { linea: 'B2-MAND-B', alla: primaDelMandato })).toMatchObject({
        liquidatoCentesimi: 30_000,
        pagatoCentesimi: 0,
      });
      const e = await evento<MandatoRegistratoV1>('budget.mandato.registrato', (p) => p.mandatoId === m.id);
      expect(e.payload).toMatchObject({ numero: '2025/118', importoCentesimi: 40_000 });

      const dopo = await svc.conteggi();
      expect(
        await rifiuto(
          udp()(registraMandato, { numero: '2025/119', data: '2025-04-01', liquidazioni: [la2.id, lb.id] }),
        ),
      ).toBe('LIQUIDAZIONE_GIA_PAGATA');
      expect(
        await rifiuto(
          udp()(registraMandato, { numero: '2025/118', data: '2025-03-31', liquidazioni: [la2.id] }),
        ),
      ).toBe('MANDATO_GIA_REGISTRATO');
      expect(
        await rifiuto(
          udp()(registraMandato, { numero: '2025/120', data: '2025-04-01', liquidazioni: [randomUUID()] }),
        ),
      ).toBe('LIQUIDAZIONE_NON_TROVATA');
      for (const male of [
        { numero: '2025/121', data: '2025-04-01', liquidazioni: [] },
        { numero: '2025/121', data: '2025-04-31', liquidazioni: [la2.id] },
        { numero: '2025/121', data: '2025-04-01', liquidazioni: [la2.id, la2.id] },
      ])
        expect(await rifiuto(udp()(registraMandato, male))).toBe('VALIDAZIONE_FALLITA');
      expect(await svc.conteggi()).toEqual(dopo);

      // the database itself: a liquidazione is paid once, and never more than liquidated
      await expect(
        svc.sql(`UPDATE liquidazione SET mandato_id = NULL WHERE id = $1`, [la1.id]),
      ).rejects.toThrow(/non si modifica/);
      await expect(
        svc.sql(
          `INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, mandato_id, registrato_da)
           SELECT 'pagamento', 20001, i.annualita_id, i.linea_id, i.id, $2, $3, 'intruso' FROM impegno i WHERE i.id = $1`,
          [a.id, la2.id, m.id],
        ),
      ).rejects.toThrow(/ck_saldo_dotazione_pagato|ck_impegno_pagato/);
      await expect(svc.sql(`DELETE FROM mandato WHERE id = $1`, [m.id])).rejects.toThrow(/non si modifica/);
    });

    it('pays a liquidazione once when two mandati race for it', async () => {
      await linea('B2-MAND-GARA', 100_000);
      const i = await udp()(richiediImpegno, impegno('B2-MAND-GARA', 50_000));
      const l = await udp()(registraLiquidazione, {
        impegnoId: i.id,
        importoCentesimi: 10_000,
        periodo: '2025-05',
      });
      const esiti = await Promise.allSettled(
        Array.from({ length: 8 }, (_, n) =>
          udp()(registraMandato, { numero: `2025/G${n}`, data: '2025-06-01', liquidazioni: [l.id] }),
        ),
      );
      expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
      expect(
        new Set(
          esiti
            .filter((e): e is PromiseRejectedResult => e.status === 'rejected')
            .map((e) => (e.reason as { code: string }).code),
        ),
      ).toEqual(new Set(['LIQUIDAZIONE_GIA_PAGATA']));
      expect(await udp()(leggiImpegno, { id: i.id })).toMatchObject({ pagatoCentesimi: 10_000 });
    });
  });

  it.each([
    ['a negative amount', { importoCentesimi: -100 }, 'VALIDAZIONE_FALLITA'],
    ['a fractional cent', { importoCentesimi: 100.5 }, 'VALIDAZIONE_FALLITA'],
    ['a zero amount', { importoCentesimi: 0 }, 'VALIDAZIONE_FALLITA'],
    ['an amount as a string', { importoCentesimi: '100' as unknown as number }, 'VALIDAZIONE_FALLITA'],
    ['an anno without fondo', { anno: 2024 }, 'VALIDAZIONE_FALLITA'],
    ['a short idempotency key', { chiaveIdempotenza: 'k' }, 'VALIDAZIONE_FALLITA'],
    ['an unknown fund', { fondo: 'FONDO-X' }, 'FONDO_SCONOSCIUTO'],
    ['an unknown line', { linea: 'NESSUNA' }, 'LINEA_NON_TROVATA'],
    ['a fund that does not fund the line', { fondo: 'FSR' }, 'BUDGET_INSUFFICIENTE'],
  ] as const)('refuses an impegno with %s and writes no impegno', async (_, change, code) => {
    await linea(`B2-MALE-${randomUUID().slice(0, 8).toUpperCase()}`, 100_000);
    const [{ codice }] = await svc.sql<{ codice: string }>(
      `SELECT codice FROM linea ORDER BY registrata_il DESC LIMIT 1`,
    );
    const prima = await svc.conteggi();
    expect(await rifiuto(udp()(richiediImpegno, { ...impegno(codice, 1_000), ...change }))).toBe(code);
    const dopo = await svc.conteggi();
    // only a refusal for lack of money is published (impegno.rifiutato); nothing else is written
    const eventi = code === 'BUDGET_INSUFFICIENTE' ? 1 : 0;
    expect(dopo).toEqual({ ...prima, outbox_message: prima.outbox_message + eventi });
  });

  it.each([
    ['a negative amount', { importoCentesimi: -1 }],
    ['a fractional cent', { importoCentesimi: 0.5 }],
    ['a period that is not a month', { periodo: '2024-13' }],
    ['a mandato given with it (the mandato is its own act)', { mandato: '2024/1' }],
  ])('refuses a liquidazione with %s (VALIDAZIONE_FALLITA) and writes nothing', async (_, change) => {
    await linea(`B2-LIQ-${randomUUID().slice(0, 8).toUpperCase()}`, 10_000);
    const [{ codice }] = await svc.sql<{ codice: string }>(
      `SELECT codice FROM linea ORDER BY registrata_il DESC LIMIT 1`,
    );
    const i = await udp()(richiediImpegno, impegno(codice, 10_000));
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(registraLiquidazione, {
          impegnoId: i.id,
          importoCentesimi: 1_000,
          periodo: '2024-03',
          ...change,
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(await svc.conteggi()).toEqual(prima);
  });

  it('refuses roles that do not manage the budget, writing nothing', async () => {
    await linea('B2-RUOLI', 10_000);
    const prima = await svc.conteggi();
    for (const actor of [ATTORI.operatoreCrema, ATTORI.coordinatoreCrema, ATTORI.responsabilePandino]) {
      expect(await rifiuto(svc.as(actor)(richiediImpegno, impegno('B2-RUOLI', 100)))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    }
    expect(await svc.conteggi()).toEqual(prima);
    expect((await svc.as(ATTORI.admin)(richiediImpegno, impegno('B2-RUOLI', 100))).importoCentesimi).toBe(
      100,
    );
  });

  describe('reads of an impegno, which names its beneficiary (issue 14, point 7)', () => {
    let id: string;
    beforeAll(async () => {
      await linea('B2-AUDIT', 10_000);
      id = (
        await udp()(
          richiediImpegno,
          impegno('B2-AUDIT', 500, { riferimento: 'misure:beneficio:42', comuneResidenza: CREMA }),
        )
      ).id;
    });
    const voci = () =>
      svc.sql<Record<string, unknown>>(
        `SELECT utente, azione, risorsa, risorsa_id, soggetto_tipo, soggetto_id, esito, codice_errore, motivo, finalita
         FROM voce_audit WHERE risorsa_id = $1 ORDER BY il`,
        [id],
      );

    it('require a purpose and are audited with it; refusals by role too', async () => {
      expect(await rifiuto(svc.as(ATTORI.udp, null)(leggiImpegno, { id }))).toBe('FINALITA_MANCANTE');
      expect((await udp()(leggiImpegno, { id })).riferimento).toBe('misure:beneficio:42');
      expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(leggiImpegno, { id }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await voci()).toEqual([
        {
          utente: 'udp',
          azione: 'leggi',
          risorsa: 'impegno',
          risorsa_id: id,
          soggetto_tipo: 'impegno',
          soggetto_id: id,
          esito: 'consentito',
          codice_errore: null,
          motivo: 'verifica di test',
          finalita: 'gestione-contabile',
        },
        expect.objectContaining({
          utente: 'operatore.crema',
          esito: 'negato',
          codice_errore: 'OPERAZIONE_NON_CONSENTITA',
        }),
      ]);
    });

    it('fail when the audit row cannot be written', async () => {
      await svc.sql(`
        CREATE FUNCTION voce_audit_guasto() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'guasto simulato del registro di audit'; END $$`);
      await svc.sql(
        `CREATE TRIGGER voce_audit_guasto BEFORE INSERT ON voce_audit FOR EACH ROW EXECUTE FUNCTION voce_audit_guasto()`,
      );
      try {
        expect(await rifiuto(udp()(leggiImpegno, { id }))).toBe('ERRORE_INTERNO');
        expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(leggiImpegno, { id }))).toBe('ERRORE_INTERNO');
      } finally {
        await svc.sql(`DROP TRIGGER voce_audit_guasto ON voce_audit`);
        await svc.sql(`DROP FUNCTION voce_audit_guasto()`);
      }
    });
  });

  it('keeps the ledger append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE of movements', async () => {
    await expect(svc.sql(`UPDATE movimento SET importo_centesimi = 1`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`DELETE FROM movimento`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`TRUNCATE movimento CASCADE`)).rejects.toThrow(/non si modifica/);
  });
});
