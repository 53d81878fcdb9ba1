import { randomUUID } from 'node:crypto';
import { ASSISTENTI_FAMILIARI_RPC, MISURE_RPC } from '@ambito/contracts';
import { eventually } from '@ambito/testing';
// The real assistenti-familiari service, in-process: its outbox publishes the events misure consumes.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ATTORI as ATTORI_AF,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../../assistenti-familiari/test/assistenti-familiari-harness';
import { avvisoConErogazione, beneficioDiretto } from '../../test/benefici-fixture';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';

/*
 * Issue 10, point 6 fed by the sportello (rule 10): a contract registered in assistenti-familiari gives
 * misure its wage cost and assistant, a Bonus granted counts for its year, and the monthly run pays the
 * B2 only within what is left. Through NATS (JetStream, each on its own durable, inbox) and PostgreSQL.
 */

const AF = ASSISTENTI_FAMILIARI_RPC;
const MOTIVO = 'contratto e Bonus della famiglia per il cumulo';

describe('misure › cumulo fed by assistenti-familiari (contratto registrato, esito del Bonus)', () => {
  let af: TestAssistentiFamiliari;
  let svc: TestMisure;
  const sportello = () => af.as(ATTORI_AF.casalmaggiore, MOTIVO);

  beforeAll(async () => {
    af = await startTestAssistentiFamiliari();
    svc = await startTestMisure();
  });
  afterAll(async () => {
    await svc?.close();
    await af?.close();
  });

  async function contrattoAf(costo: number, assistenteId?: string) {
    return sportello()(AF.registraContratto, {
      personaId: randomUUID(),
      ...(assistenteId ? { assistenteId } : {}),
      datore: 'familiare',
      livelloCcnl: 'BS',
      oreSettimanali: 25,
      convivente: false,
      dataInizio: '2026-01-01',
      costoMensileCentesimi: costo,
    });
  }

  async function bonusAccolto(contrattoId: string, importo: number): Promise<string> {
    const v = await sportello()(AF.verificaBonus, {
      contrattoId,
      richiedente: 'familiare',
      isee: { titolare: 'familiare', valoreCentesimi: 1_000_000 },
      residenteInLombardiaDal: '2001-03-01',
      speseAmmissibiliCentesimi: 1_000_000,
    });
    await sportello()(AF.registraEsitoBonus, {
      id: v.id,
      esito: 'accolta',
      importoRiconosciutoCentesimi: importo,
      annualita: 2026,
    });
    return v.id;
  }

  const contrattoInMisure = (contrattoId: string) =>
    eventually(
      async () => {
        const righe = await svc.sql<{
          assistente_riferimento: string;
          costo_mensile_centesimi: string;
          dal: string;
          al: string | null;
          origine: string;
        }>(
          `SELECT assistente_riferimento, costo_mensile_centesimi, dal::text AS dal, al::text AS al, origine
             FROM contratto_assistente WHERE riferimento = $1`,
          [`af:contratto:${contrattoId}`],
        );
        expect(righe).toHaveLength(1);
        return righe[0];
      },
      { timeoutMs: 20_000 },
    );

  const bonusInMisure = (verificaId: string) =>
    eventually(
      async () => {
        const righe = await svc.sql<{
          contratto_riferimento: string;
          mensile_centesimi: string;
          dal: string;
          al: string;
        }>(
          `SELECT contratto_riferimento, mensile_centesimi, dal::text AS dal, al::text AS al
             FROM contributo_assistente WHERE misura = 'bonus-assistenti-familiari' AND riferimento = $1`,
          [`af:bonus:${verificaId}`],
        );
        expect(righe).toHaveLength(1);
        return righe[0];
      },
      { timeoutMs: 20_000 },
    );

  it('a contract and a Bonus of the sportello feed the cumulation, and the monthly run pays the B2 within the rest', async () => {
    const contratto = await contrattoAf(50_000);
    expect(await contrattoInMisure(contratto.id)).toEqual({
      // Not in the register (rule 21): the contract stands for its assistant.
      assistente_riferimento: `af:contratto:${contratto.id}`,
      costo_mensile_centesimi: '50000',
      dal: '2026-01-01',
      al: null,
      origine: 'assistenti-familiari',
    });
    const verificaId = await bonusAccolto(contratto.id, 240_000);
    expect(await bonusInMisure(verificaId)).toEqual({
      contratto_riferimento: `af:contratto:${contratto.id}`,
      mensile_centesimi: '20000',
      dal: '2026-01-01',
      al: '2026-12-31',
    });
    // What misure answers an operator about the contract now: € 300 of room for a € 400 B2.
    const verifica = await svc.as(ATTORI.udp)(MISURE_RPC.verificaCumulo, {
      contrattoRiferimento: `af:contratto:${contratto.id}`,
      mese: '2026-02',
      misura: 'b2',
      riferimento: 'b2:prova',
      richiestoCentesimi: 40_000,
    });
    expect(verifica).toMatchObject({ esito: 'ridotto', altriCentesimi: 20_000, ammessoCentesimi: 30_000 });

    // A B2 beneficio whose istanza named this contract, granted at € 400: January 2026 pays € 300.
    const avviso = await avvisoConErogazione(svc);
    const beneficio = await beneficioDiretto(svc, avviso, { iseeValidoAl: '2026-12-31' });
    await svc.sql(
      `INSERT INTO contributo_assistente (misura, riferimento, contratto_riferimento, mensile_centesimi, dal, al, registrato_da)
       SELECT 'b2', 'istanza:' || istanza_id, $2, 40000, dal, al, 'udp' FROM beneficio WHERE id = $1`,
      [beneficio, `af:contratto:${contratto.id}`],
    );
    const run = await svc.as(ATTORI.udp)(MISURE_RPC.eseguiErogazioni, { mese: '2026-01' });
    await eventually(
      async () =>
        expect((await svc.as(ATTORI.udp)(MISURE_RPC.leggiErogazioneRun, { id: run.id })).stato).toBe(
          'completata',
        ),
      { timeoutMs: 15_000 },
    );
    const [mese] = await svc.sql<{ esito: string; importo_dovuto_centesimi: string }>(
      `SELECT esito, importo_dovuto_centesimi FROM erogazione_mensile WHERE beneficio_id = $1 AND mese = '2026-01-01'`,
      [beneficio],
    );
    expect(mese).toEqual({ esito: 'ridotto', importo_dovuto_centesimi: '30000' });
  });

  it('a Bonus above the wage cost is the Region’s fact: recorded as it is, never refused or dead-lettered', async () => {
    const contratto = await contrattoAf(15_000);
    await contrattoInMisure(contratto.id);
    const verificaId = await bonusAccolto(contratto.id, 240_000);
    expect(await bonusInMisure(verificaId)).toMatchObject({ mensile_centesimi: '20000' });
    // Handled once (inbox), on its own durable.
    expect(
      await svc.sql(
        `SELECT consumer FROM inbox_message WHERE type = 'assistenti-familiari.bonus.esito-registrato'`,
      ),
    ).toEqual(expect.arrayContaining([{ consumer: 'misure-cumulo-bonus' }]));
  });
});
