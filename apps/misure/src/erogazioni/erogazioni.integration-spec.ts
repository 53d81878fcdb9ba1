import { MISURE_RPC } from '@ambito/contracts';
import { eventually, rifiuto } from '@ambito/testing';
import {
  avvisoConErogazione,
  beneficioDiretto,
  concessione,
  istanzaFinanziata,
  pubblica,
} from '../../test/benefici-fixture';
import { creaAvviso } from '../../test/graduatorie-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { ArrestoSimulato, DOPO_PAGINA_EROGAZIONI } from './erogazioni.service';

/*
 * Issue 10, point 2: the monthly run per ambito and month — idempotent, safe under concurrent requests,
 * resumable after a stop in the middle — and its reads. Real PostgreSQL and NATS; accesso is not
 * started (the benefici find no records of their persons).
 */

const { eseguiErogazioni, leggiErogazioneRun, elencaErogazioniMese, elencaErogazioniRun, leggiBeneficio } =
  MISURE_RPC;

describe('misure › erogazioni: the monthly run', () => {
  let svc: TestMisure;
  /** Set by a test: the run stops after this page, once, as if its process died. */
  let arrestoDopoPagina: number | null = null;
  const udp = () => svc.as(ATTORI.udp);

  async function runFinita(id: string) {
    return eventually(
      async () => {
        const run = await udp()(leggiErogazioneRun, { id });
        expect(run.stato).toBe('completata');
        return run;
      },
      { timeoutMs: 15_000 },
    );
  }

  async function totali(mese: string) {
    const [r] = await svc.sql<{ n: string; importo: string | null }>(
      `SELECT count(*) AS n, sum(importo_dovuto_centesimi) AS importo FROM erogazione_mensile WHERE mese = $1`,
      [`${mese}-01`],
    );
    return { mensilita: Number(r.n), importo: Number(r.importo ?? 0) };
  }

  beforeAll(async () => {
    svc = await startTestMisure({
      env: { EROGAZIONI_PAGINA: '2' },
      providers: [
        {
          provide: DOPO_PAGINA_EROGAZIONI,
          useValue: (_runId: string, pagina: number) => {
            if (arrestoDopoPagina !== null && pagina === arrestoDopoPagina) {
              arrestoDopoPagina = null;
              throw new ArrestoSimulato('arresto simulato dopo una pagina');
            }
          },
        },
      ],
    });
  });
  afterAll(() => svc?.close());

  it('creates the beneficio from misure’s own beneficio.concesso event, once', async () => {
    const avviso = await avvisoConErogazione(svc);
    const istanza = await istanzaFinanziata(svc, avviso);
    const evento = concessione(avviso, istanza);
    await pubblica(evento);
    // The same event again (a redelivery, a republished outbox row with a new JetStream id): still one.
    await pubblica({ ...evento, id: evento.id });
    const [b] = await eventually(async () => {
      const righe = await svc.sql<{ id: string }>(`SELECT id FROM beneficio WHERE istanza_id = $1`, [
        istanza.id,
      ]);
      expect(righe).toHaveLength(1);
      return righe;
    });
    const letto = await udp()(leggiBeneficio, { id: b.id });
    expect(letto).toMatchObject({
      istanzaId: istanza.id,
      personaId: istanza.personaId,
      strumento: 'buono-caregiver',
      importoMensileCentesimi: 40_000,
      dal: '2025-04-01',
      al: '2026-03-31',
      impegnoId: evento.payload.impegnoId,
      regoleId: avviso.regoleId,
      stato: 'attivo',
      // The istanza's DSU (ordinary, presented in 2025) is valid to 31 December (rule 4).
      iseeValidoAl: '2025-12-31',
      sospensioni: [],
      mensilita: [],
    });
    // The read of personal data is audited with its subject.
    const [audit] = await svc.sql(
      `SELECT azione, risorsa, soggetto_id FROM voce_audit WHERE risorsa = 'beneficio' AND risorsa_id = $1`,
      [b.id],
    );
    expect(audit).toEqual({ azione: 'leggi', risorsa: 'beneficio', soggetto_id: istanza.personaId });
    await svc.sql(`DELETE FROM beneficio WHERE id = $1`, [b.id]);
  });

  it('runs a month once: the same month again pays nothing twice, a beneficio granted since is added', async () => {
    const avviso = await avvisoConErogazione(svc);
    for (let i = 0; i < 5; i++) await beneficioDiretto(svc, avviso);
    const primo = await runFinita((await udp()(eseguiErogazioni, { mese: '2025-05' })).id);
    expect(primo).toMatchObject({
      mese: '2025-05',
      beneficiTotali: 5,
      beneficiElaborati: 5,
      mensilitaCreate: 5,
      importoDovutoCentesimi: 200_000,
      mensilitaDelMese: 5,
      importoDelMeseCentesimi: 200_000,
      avviataDa: 'udp',
      ultimoErrore: null,
    });

    const secondo = await runFinita((await udp()(eseguiErogazioni, { mese: '2025-05' })).id);
    expect(secondo.id).not.toBe(primo.id);
    expect(secondo).toMatchObject({ beneficiElaborati: 5, mensilitaCreate: 0, importoDovutoCentesimi: 0 });
    expect(await totali('2025-05')).toEqual({ mensilita: 5, importo: 200_000 });

    await beneficioDiretto(svc, avviso, { importoMensileCentesimi: 80_000 });
    const terzo = await runFinita((await udp()(eseguiErogazioni, { mese: '2025-05' })).id);
    expect(terzo).toMatchObject({
      mensilitaCreate: 1,
      importoDovutoCentesimi: 80_000,
      importoDelMeseCentesimi: 280_000,
    });

    // The month's results, explained: rule codes, reason, inputs, rule version.
    const pagina = await udp()(elencaErogazioniMese, { mese: '2025-05', perPagina: 10 });
    expect(pagina.totale).toBe(6);
    expect(pagina.elementi[0]).toMatchObject({
      mese: '2025-05',
      esito: 'dovuto',
      giorniMese: 31,
      giorniDovuti: 31,
      regoleId: avviso.regoleId,
      stato: 'da-liquidare',
      input: expect.objectContaining({ mese: '2025-05-01', meseParziale: 'pro-rata-giorni' }),
    });
    expect(pagina.elementi[0].regole.map((r) => r.codice)).toEqual([
      'PERIODO_BENEFICIO',
      'FINE_BENEFICIO',
      'SOSPENSIONI',
      'ISEE_VALIDO',
    ]);
    expect(await udp()(elencaErogazioniRun, { mese: '2025-05' })).toHaveLength(3);
    // The database refuses a second row of a beneficio and month, whoever writes it.
    await expect(
      svc.sql(
        `INSERT INTO erogazione_mensile SELECT gen_random_uuid(), beneficio_id, ambito, mese, run_id, esito,
           importo_mensile_centesimi, importo_dovuto_centesimi, giorni_mese, giorni_dovuti, regole_id, valutazione,
           input, now(), stato FROM erogazione_mensile LIMIT 1`,
      ),
    ).rejects.toThrow(/uq_erogazione_mensile/);
  });

  it('concurrent runs of the same month create each month once', async () => {
    const prima = await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM beneficio`);
    const attese = Number(prima[0].n);
    const risposte = await Promise.all(
      Array.from({ length: 4 }, () => udp()(eseguiErogazioni, { mese: '2025-06' })),
    );
    // At most one run of the month in progress at a time (the others answer it, or start after it ended):
    // whatever the interleaving, each month is created once.
    for (const id of new Set(risposte.map((r) => r.id))) await runFinita(id);
    expect(await totali('2025-06')).toEqual({ mensilita: attese, importo: 40_000 * (attese - 1) + 80_000 });
  });

  it('a run stopped after a page resumes from its cursor and ends with the same totals', async () => {
    arrestoDopoPagina = 1;
    const avviata = await udp()(eseguiErogazioni, { mese: '2025-07' });
    // Stopped as a killed process leaves it: in progress, one page (2 benefici) recorded.
    const ferma = await eventually(async () => {
      const run = await udp()(leggiErogazioneRun, { id: avviata.id });
      expect(run).toMatchObject({ stato: 'in-corso', beneficiElaborati: 2 });
      return run;
    });
    expect(ferma.mensilitaCreate).toBe(2);
    // While it looks alive, a new request answers it and starts nothing.
    expect((await udp()(eseguiErogazioni, { mese: '2025-07' })).id).toBe(avviata.id);
    expect((await totali('2025-07')).mensilita).toBe(2);
    // Its process is gone: after SECONDI_ABBANDONO_RUN without a page, the next request takes it over.
    await svc.sql(`UPDATE erogazione_run SET aggiornata_il = now() - interval '10 minutes' WHERE id = $1`, [
      avviata.id,
    ]);
    const ripresa = await udp()(eseguiErogazioni, { mese: '2025-07' });
    expect(ripresa.id).toBe(avviata.id);
    const finita = await runFinita(avviata.id);
    expect(finita).toMatchObject({
      beneficiElaborati: 6,
      mensilitaCreate: 6,
      importoDovutoCentesimi: 280_000,
    });
    expect(await totali('2025-07')).toEqual({ mensilita: 6, importo: 280_000 });
    // The same totals as a month run without a stop.
    expect(await totali('2025-06')).toEqual(await totali('2025-07'));
  });

  it('a failed page leaves the run interrotta with its error, resumable once fixed', async () => {
    // A rule set stored before issue 10: no erogazione parameters, the run will not guess them.
    const vecchio = await creaAvviso(
      svc,
      [{ area: 'anziani', linea: 'B2-OLD', budgetCentesimi: 1_000_000 }],
      {
        stato: 'graduatorie-approvate',
      },
    );
    await beneficioDiretto(svc, vecchio);
    const avviata = await udp()(eseguiErogazioni, { mese: '2025-08' });
    const interrotta = await eventually(async () => {
      const run = await udp()(leggiErogazioneRun, { id: avviata.id });
      expect(run.stato).toBe('interrotta');
      return run;
    });
    expect(interrotta.ultimoErrore?.codice).toBe('REGOLE_EROGAZIONE_MANCANTI');
    await svc.sql(
      `UPDATE regole_misura SET parametri = parametri || '{"erogazione": {"meseParziale": "nessun-importo", "etaMaggiore": 18}}'
        WHERE id = $1`,
      [vecchio.regoleId],
    );
    const ripresa = await udp()(eseguiErogazioni, { mese: '2025-08' });
    expect(ripresa.id).toBe(avviata.id);
    const finita = await runFinita(avviata.id);
    expect(finita.beneficiElaborati).toBe(7);
    expect(await totali('2025-08')).toEqual({ mensilita: 7, importo: 40_000 * 6 + 80_000 });
  });

  it('refuses a month not yet begun, and another role', async () => {
    expect(await rifiuto(udp()(eseguiErogazioni, { mese: '2099-01' }))).toBe('MESE_NON_ANCORA_EROGABILE');
    expect(await rifiuto(udp()(eseguiErogazioni, { mese: '2025-13' }))).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(svc.as(ATTORI.operatore)(eseguiErogazioni, { mese: '2025-09' }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    expect(
      await svc.sql(`SELECT 1 FROM erogazione_run WHERE mese = '2099-01-01' OR mese = '2025-09-01'`),
    ).toEqual([]);
  });
});
