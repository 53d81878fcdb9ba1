import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  BUDGET_RPC,
  type EventEnvelope,
  type ImpegnoLiberatoV1,
  type ImpegnoRegistratoV1,
  type ImpegnoRifiutatoV1,
  type LiquidazioneRegistrataV1,
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
  liberaImpegno,
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

  it('releases (riduzione, rinuncia) and pays: availability comes back, never the paid part', async () => {
    await linea('B2-CICLO', 1_000_000);
    const i = await udp()(richiediImpegno, impegno('B2-CICLO', 300_000));
    const l = await udp()(registraLiquidazione, {
      impegnoId: i.id,
      importoCentesimi: 100_000,
      periodo: '2024-03',
    });
    expect(l).toMatchObject({ periodo: '2024-03', mandato: null, importoCentesimi: 100_000 });
    const ridotto = await udp()(liberaImpegno, { id: i.id, causale: 'riduzione', importoCentesimi: 50_000 });
    expect(ridotto).toMatchObject({
      importoCentesimi: 250_000,
      liquidatoCentesimi: 100_000,
      residuoCentesimi: 150_000,
    });
    expect(await disponibile('B2-CICLO')).toBe(750_000);

    const rinuncia = await udp()(liberaImpegno, { id: i.id, causale: 'rinuncia' });
    expect(rinuncia).toMatchObject({ importoCentesimi: 100_000, residuoCentesimi: 0, stato: 'estinto' });
    expect(await disponibile('B2-CICLO')).toBe(900_000);
    const situazione = await udp()(situazioneLinea, { linea: 'B2-CICLO' });
    expect(situazione).toMatchObject({
      dotatoCentesimi: 1_000_000,
      impegnatoCentesimi: 100_000,
      liquidatoCentesimi: 100_000,
      disponibileCentesimi: 900_000,
    });

    const prima = await svc.conteggi();
    expect(await rifiuto(udp()(liberaImpegno, { id: i.id, causale: 'revoca' }))).toBe(
      'LIBERAZIONE_OLTRE_RESIDUO',
    );
    expect(
      await rifiuto(
        udp()(registraLiquidazione, { impegnoId: i.id, importoCentesimi: 1, periodo: '2024-04' }),
      ),
    ).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await svc.conteggi()).toEqual(prima);

    const liberato = await evento<ImpegnoLiberatoV1>(
      'budget.impegno.liberato',
      (p) => p.impegnoId === i.id && p.causale === 'rinuncia',
    );
    expect(liberato.payload).toMatchObject({
      importoCentesimi: 150_000,
      importoImpegnoCentesimi: 100_000,
      disponibileLineaCentesimi: 900_000,
    });
    const pagato = await evento<LiquidazioneRegistrataV1>(
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

  it('refuses a liquidazione above the impegno and writes nothing; records the mandato when given', async () => {
    await linea('B2-LIQ', 100_000);
    const i = await udp()(richiediImpegno, impegno('B2-LIQ', 60_000));
    const prima = await svc.conteggi();
    expect(
      await rifiuto(
        udp()(registraLiquidazione, { impegnoId: i.id, importoCentesimi: 60_001, periodo: '2024-05' }),
      ),
    ).toBe('LIQUIDAZIONE_OLTRE_IMPEGNO');
    expect(await svc.conteggi()).toEqual(prima);
    const l = await udp()(registraLiquidazione, {
      impegnoId: i.id,
      importoCentesimi: 60_000,
      periodo: '2024-05',
      mandato: 'MAND-2024-118',
    });
    expect(l.mandato).toBe('MAND-2024-118');
    expect((await udp()(leggiImpegno, { id: i.id })).stato).toBe('estinto');
  });

  it('records the mandato of a liquidazione later, once; the payment itself never changes', async () => {
    await linea('B2-MANDATO', 100_000);
    const i = await udp()(richiediImpegno, impegno('B2-MANDATO', 50_000));
    const l = await udp()(registraLiquidazione, {
      impegnoId: i.id,
      importoCentesimi: 10_000,
      periodo: '2024-06',
    });
    expect(l.mandato).toBeNull();
    const conMandato = await udp()(registraMandato, { liquidazioneId: l.id, mandato: 'MAND-2024-201' });
    expect(conMandato).toEqual({ ...l, mandato: 'MAND-2024-201' });
    expect(await udp()(registraMandato, { liquidazioneId: l.id, mandato: 'MAND-2024-201' })).toEqual(
      conMandato,
    );
    expect(await rifiuto(udp()(registraMandato, { liquidazioneId: l.id, mandato: 'MAND-2024-999' }))).toBe(
      'MANDATO_GIA_REGISTRATO',
    );
    expect(await rifiuto(udp()(registraMandato, { liquidazioneId: randomUUID(), mandato: 'M' }))).toBe(
      'LIQUIDAZIONE_NON_TROVATA',
    );
    await expect(
      svc.sql(`UPDATE liquidazione SET importo_centesimi = 1 WHERE id = $1`, [l.id]),
    ).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`DELETE FROM liquidazione WHERE id = $1`, [l.id])).rejects.toThrow(
      /non si modifica/,
    );
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

  it('keeps the ledger append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE of movements', async () => {
    await expect(svc.sql(`UPDATE movimento SET importo_centesimi = 1`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`DELETE FROM movimento`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`TRUNCATE movimento CASCADE`)).rejects.toThrow(/non si modifica/);
  });
});
