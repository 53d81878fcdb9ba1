import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  PRESA_IN_CARICO_RPC,
  attoreServizio,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, parseSigningKey } from '@ambito/messaging';
import { connectTestNats, generateIdentityKeys, rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  apertura,
  cartellaAperta,
  codiceFiscale,
  progetto,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../../test/presa-in-carico-harness';
import { registraEquipeCrema } from '../../../test/presa-in-carico-scenario';

/*
 * Issue 12, point 2 (SIUSS from presa in carico): the integrazioni service reads, with its own identity
 * and the purpose debito-informativo, the last SINA valutazione and the interventi of the approved
 * progetto of a person's cartella; the read is audited; nobody else may make it.
 */

const { leggiPerSiuss } = PRESA_IN_CARICO_RPC;
const INTEGRAZIONI = attoreServizio('integrazioni', 'CREMA');
const MISURE = attoreServizio('misure', 'CREMA');

describe('presa-in-carico.cartella.leggi-per-siuss: the cartella for the SIUSS feed', () => {
  const identita = generateIdentityKeys();
  let svc: TestPresaInCarico;
  let integrazioni: NatsConnection;

  const invia =
    (conn: NatsConnection, signer: ActorSigner, actor: Actor, finalita = 'debito-informativo') =>
    <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>): Promise<RpcReply<S>> =>
      new RpcClient(conn, 5000, signer).request(subject, payload, {
        context: { actor, correlationId: randomUUID(), causationId: null, finalita, motivo: 'Record SIUSS' },
      });
  const firma = (chiave: string, issuer: string) =>
    new ActorSigner(parseSigningKey(chiave, issuer), { ambito: 'CREMA' });
  const comeIntegrazioni = (finalita?: string) =>
    invia(
      integrazioni,
      firma(identita.SERVICE_SIGNING_KEYS.integrazioni, 'integrazioni'),
      INTEGRAZIONI,
      finalita,
    );

  beforeAll(async () => {
    svc = await startTestPresaInCarico({ identita });
    await registraEquipeCrema(svc);
    integrazioni = await connectTestNats('integrazioni', { name: 'presa-in-carico-test-integrazioni' });
  });
  afterAll(async () => {
    await integrazioni?.close();
    await svc?.close();
  });

  it('answers the last SINA valutazione as registered and the approved progetto’s interventi with their SIUSS fields', async () => {
    const personaId = randomUUID();
    const coordinatore = svc.as(ATTORI.coordinatoreCrema);
    const c = cartellaAperta(
      await coordinatore(PRESA_IN_CARICO_RPC.apriCartella, {
        ...apertura(codiceFiscale(), CREMA),
        personaId,
      }),
    );
    await coordinatore(PRESA_IN_CARICO_RPC.assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
    const as = svc.as(ATTORI.asCrema);
    const sina = (data: string, mobilita: number) =>
      as(PRESA_IN_CARICO_RPC.registraValutazione, {
        id: c.id,
        strumento: 'SINA',
        versione: 2,
        data,
        risposte: {
          Mobilita: mobilita,
          AttivitaVitaQuotidiana: 2,
          DisturbiComportamentali: 1,
          AreaReddituale: 1,
          AreaSupporto: 3,
          FonteDerivazioneValutazione: 2,
          StrumentoValutazione: 7,
        },
        risposteMultiple: { InvaliditaCivile: ['6'] },
      });
    // The older one registered last: the day of the valutazione decides which is the last.
    const recente = await sina('2026-02-01', 3);
    await sina('2026-01-05', 1);
    expect(await comeIntegrazioni()(leggiPerSiuss, { personaId })).toEqual({
      presoInCarico: true,
      cartellaId: c.id,
      valutazioneSina: {
        valutazioneId: recente.id,
        strumento: 'SINA',
        versione: 2,
        data: '2026-02-01',
        risposte: expect.objectContaining({ Mobilita: 3 }),
        risposteMultiple: { InvaliditaCivile: ['6'] },
      },
      progetto: null,
    });

    const [sad, buono] = progetto(c.id).interventi;
    const proposto = await as(
      PRESA_IN_CARICO_RPC.proponiProgetto,
      progetto(c.id, {
        interventi: [
          {
            ...sad,
            presenzaProvaMezzi: 1,
            caratterePrestazione: 1,
            importoMensileCentesimi: 57_200,
            areaUtenza: 2,
          },
          buono,
        ],
      }),
    );
    await svc.as(ATTORI.responsabileCrema)(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });
    const letto = await comeIntegrazioni()(leggiPerSiuss, { personaId });
    expect(letto.progetto).toEqual({
      progettoId: proposto.id,
      versione: 1,
      interventi: [
        expect.objectContaining({
          codicePrestazione: 'A2.07',
          dal: '2026-01-01',
          al: '2026-12-31',
          costoCentesimi: 686_400,
          presenzaProvaMezzi: 1,
          caratterePrestazione: 1,
          importoMensileCentesimi: 57_200,
          areaUtenza: 2,
          protocolloDomanda: null,
        }),
        expect.objectContaining({ codicePrestazione: 'A1.11', caratterePrestazione: null, areaUtenza: null }),
      ],
    });
    const voci = await svc.sql(
      `SELECT utente, risorsa_id, finalita, esito FROM voce_audit WHERE azione = 'leggi-per-siuss' AND soggetto_id = $1`,
      [c.id],
    );
    expect(voci).toHaveLength(2);
    expect(voci[0]).toEqual({
      utente: 'servizio:integrazioni',
      risorsa_id: c.id,
      finalita: 'debito-informativo',
      esito: 'consentito',
    });
  });

  it('answers nothing for a persona without a cartella', async () => {
    expect(await comeIntegrazioni()(leggiPerSiuss, { personaId: randomUUID() })).toEqual({
      presoInCarico: false,
      cartellaId: null,
      valutazioneSina: null,
      progetto: null,
    });
  });

  it('refuses users, the misure service, and integrazioni for another purpose', async () => {
    // Over an unrestricted connection, so that the service's own check answers (not the bus's).
    const nc = await connectTestNats();
    try {
      const gateway = firma(identita.GATEWAY_SIGNING_KEY, 'gateway');
      expect(
        await rifiuto(
          invia(nc, gateway, ATTORI.coordinatoreCrema)(leggiPerSiuss, { personaId: randomUUID() }),
        ),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
      const comeMisure = invia(nc, firma(identita.SERVICE_SIGNING_KEYS.misure, 'misure'), MISURE);
      expect(await rifiuto(comeMisure(leggiPerSiuss, { personaId: randomUUID() }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    } finally {
      await nc.close();
    }
    expect(
      await rifiuto(comeIntegrazioni('presa-in-carico')(leggiPerSiuss, { personaId: randomUUID() })),
    ).toBe('FINALITA_NON_VALIDA');
  });
});
