import { randomUUID } from 'node:crypto';
import { MISURE_RPC } from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { avvisoConErogazione, beneficioDiretto } from '../../test/benefici-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';

/*
 * Issue 10, point 6 (rule 10) in the monthly run: before each payment the beneficio's month is judged
 * against its assistant's contract — the wage cost less the other contributions for the same assistant —
 * and paid only within that room, reduced or zeroed with the rule, the reason, the inputs and the rule
 * version stored like the other parts of the month. Real PostgreSQL and NATS.
 */

const { eseguiErogazioni, leggiErogazioneRun, registraContrattoAssistente, registraContributoAssistente } =
  MISURE_RPC;

describe('misure › erogazioni: the cumulation per assistant before each payment', () => {
  let svc: TestMisure;
  const udp = () => svc.as(ATTORI.udp);

  beforeAll(async () => {
    svc = await startTestMisure({ env: { EROGAZIONI_PAGINA: '2' } });
  });
  afterAll(() => svc?.close());

  /** A contract of `costo` a month with the Bonus (€ 2.400 for 2025, € 200 a month) already counted. */
  async function contratto(costo: number): Promise<string> {
    const riferimento = `af:contratto:${randomUUID()}`;
    await udp()(registraContrattoAssistente, {
      riferimento,
      assistenteRiferimento: `af:assistente:${randomUUID()}`,
      personaId: randomUUID(),
      costoMensileCentesimi: costo,
      dal: '2025-01-01',
      al: null,
    });
    await udp()(registraContributoAssistente, {
      contrattoRiferimento: riferimento,
      misura: 'bonus-assistenti-familiari',
      riferimento: `bonus:${randomUUID()}`,
      importoCentesimi: 240_000,
      modalita: 'totale',
      dal: '2025-01-01',
      al: '2025-12-31',
    });
    return riferimento;
  }

  /** The B2 contribution the grant recorded for the beneficio's istanza (CumuloAssistente.registraConcessioni). */
  async function contributoB2(beneficioId: string, contratto: string, mensile: number): Promise<void> {
    await svc.sql(
      `INSERT INTO contributo_assistente (misura, riferimento, contratto_riferimento, mensile_centesimi, dal, al, registrato_da)
       SELECT 'b2', 'istanza:' || istanza_id, $2, $3, dal, al, 'udp' FROM beneficio WHERE id = $1`,
      [beneficioId, contratto, mensile],
    );
  }

  async function mese(beneficioId: string, m: string) {
    const [r] = await svc.sql<{
      esito: string;
      importo_dovuto_centesimi: string;
      stato: string;
      valutazione: {
        motivo: string;
        regole: Array<{ codice: string; esito: string; motivo: string }>;
        cumulo?: { esito: string; ammessoCentesimi: number };
      };
      input: { cumulo?: { contratto: string; costoMensileCentesimi: number; altri: unknown[] } };
    }>(
      `SELECT esito, importo_dovuto_centesimi, stato, valutazione, input FROM erogazione_mensile
        WHERE beneficio_id = $1 AND mese = $2::date`,
      [beneficioId, `${m}-01`],
    );
    return r;
  }

  async function esegui(m: string) {
    const avviata = await udp()(eseguiErogazioni, { mese: m });
    return eventually(
      async () => {
        const run = await udp()(leggiErogazioneRun, { id: avviata.id });
        expect(run.stato).toBe('completata');
        return run;
      },
      { timeoutMs: 15_000 },
    );
  }

  it('reduces a month to the room the contract leaves, or to nothing, explained; the others are untouched', async () => {
    const avviso = await avvisoConErogazione(svc);
    // € 500 of cost, € 200 of Bonus: € 300 of room for a € 400 B2.
    const ridotto = await beneficioDiretto(svc, avviso);
    const c1 = await contratto(50_000);
    await contributoB2(ridotto, c1, 30_000);
    // € 200 of cost, all taken by the Bonus: nothing for the B2.
    const azzerato = await beneficioDiretto(svc, avviso);
    const c2 = await contratto(20_000);
    await contributoB2(azzerato, c2, 0);
    // € 1.000 of cost: the € 400 fit.
    const entro = await beneficioDiretto(svc, avviso);
    const c3 = await contratto(100_000);
    await contributoB2(entro, c3, 40_000);
    // No contract: the rule does not apply.
    const senza = await beneficioDiretto(svc, avviso);

    const run = await esegui('2025-05');
    expect(run).toMatchObject({ beneficiElaborati: 4, mensilitaCreate: 4, importoDovutoCentesimi: 110_000 });

    const r = await mese(ridotto, '2025-05');
    expect(r).toMatchObject({ esito: 'ridotto', importo_dovuto_centesimi: '30000', stato: 'da-liquidare' });
    expect(r.valutazione.regole.at(-1)).toMatchObject({
      codice: 'CUMULO_ASSISTENTE',
      esito: 'non-soddisfatta',
    });
    expect(r.valutazione.motivo).toContain('cumulo per assistente');
    expect(r.valutazione.motivo).toContain('ridotto a € 300,00');
    expect(r.valutazione.cumulo).toMatchObject({ esito: 'ridotto', ammessoCentesimi: 30_000 });
    expect(r.input.cumulo).toMatchObject({ contratto: c1, costoMensileCentesimi: 50_000 });
    expect(r.input.cumulo?.altri).toEqual([
      expect.objectContaining({ misura: 'bonus-assistenti-familiari', mensileCentesimi: 20_000 }),
    ]);

    const z = await mese(azzerato, '2025-05');
    expect(z).toMatchObject({ esito: 'non-dovuto', importo_dovuto_centesimi: '0', stato: 'nulla' });
    expect(z.valutazione.cumulo).toMatchObject({ esito: 'nessuno-spazio', ammessoCentesimi: 0 });
    expect(z.valutazione.motivo).toContain('nessun importo per il cumulo per assistente');

    const e = await mese(entro, '2025-05');
    expect(e).toMatchObject({ esito: 'dovuto', importo_dovuto_centesimi: '40000' });
    expect(e.valutazione.regole.at(-1)).toMatchObject({ codice: 'CUMULO_ASSISTENTE', esito: 'soddisfatta' });

    const s = await mese(senza, '2025-05');
    expect(s).toMatchObject({ esito: 'dovuto', importo_dovuto_centesimi: '40000' });
    expect(s.valutazione.regole.map((x) => x.codice)).not.toContain('CUMULO_ASSISTENTE');
    expect(s.input.cumulo).toBeUndefined();

    // Judged with the contract of each month: the Bonus's year over, January 2026 has room for all.
    await svc.sql(`UPDATE beneficio SET isee_valido_al = '2026-12-31' WHERE id = ANY($1::uuid[])`, [
      [ridotto, azzerato],
    ]);
    await esegui('2026-01');
    expect(await mese(ridotto, '2026-01')).toMatchObject({
      esito: 'dovuto',
      importo_dovuto_centesimi: '40000',
    });
    expect(await mese(azzerato, '2026-01')).toMatchObject({
      esito: 'ridotto',
      importo_dovuto_centesimi: '20000',
    });
  });
});
