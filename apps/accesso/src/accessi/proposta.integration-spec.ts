import { StringCodec, type NatsConnection, type NatsError } from 'nats';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  ACCESSO_RPC,
  attoreServizio,
  type Actor,
  type PersonaV1,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, parseSigningKey } from '@ambito/messaging';
import { connectTestNats, rifiuto } from '@ambito/testing';
import {
  ATTORI,
  PANDINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

/*
 * Issue 14, point 8: `accesso.accesso.chiuso.v2` carries ids only; the intake of presa-in-carico reads
 * the proposta with its own service identity (its key, its role, the purpose presa-in-carico) on its
 * own NATS user, which may send this one request of accesso and no other.
 */

const { registraPersona, registraAccesso, chiudiAccesso, leggiProposta } = ACCESSO_RPC;
const SERVIZIO = attoreServizio('presa-in-carico', 'CREMA');
const sc = StringCodec();

/** A signing key nobody trusts, under the issuer `presa-in-carico`. */
function chiaveFalsa(kid?: string) {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return parseSigningKey(JSON.stringify({ ...jwk, ...(kid ? { kid } : {}) }), 'presa-in-carico');
}

describe('accesso.proposta.leggi: the proposta read by presa-in-carico with its service identity', () => {
  let svc: TestAccesso;
  let nc: NatsConnection;
  let collaudo: NatsConnection;
  let rossi: PersonaV1;
  let propostaId: string;
  let orientamentoId: string;

  /** A request on `conn`, signed by `signer`, as `actor`, with the purpose given. */
  const invia =
    (conn: NatsConnection, signer: ActorSigner, actor: Actor, finalita = 'presa-in-carico') =>
    <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>): Promise<RpcReply<S>> =>
      new RpcClient(conn, 5000, signer).request(subject, payload, {
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          finalita,
          motivo: 'Apertura della cartella per la proposta',
        },
      });
  const firmaServizio = () =>
    new ActorSigner(
      parseSigningKey(svc.identita.SERVICE_SIGNING_KEYS['presa-in-carico'], 'presa-in-carico'),
      {
        ambito: 'CREMA',
      },
    );
  const firmaGateway = () =>
    new ActorSigner(parseSigningKey(svc.identita.GATEWAY_SIGNING_KEY, 'gateway'), { ambito: 'CREMA' });
  /** As presa-in-carico's intake sends it: its NATS user, its key, its actor, its purpose. */
  const comeServizio = () => invia(nc, firmaServizio(), SERVIZIO);

  beforeAll(async () => {
    svc = await startTestAccesso();
    nc = await connectTestNats('presa-in-carico', { name: 'accesso-test-presa-in-carico' });
    collaudo = await connectTestNats();
    const operatore = svc.as(ATTORI.operatoreCrema);
    rossi = await operatore(registraPersona, persona('RSSMRA50A41D142K', PANDINO));
    const a = await operatore(registraAccesso, {
      ...accesso(rossi.id),
      richiesta: 'Chiede aiuto dopo il ricovero.',
    });
    await operatore(chiudiAccesso, {
      id: a.id,
      esito: {
        tipo: 'proposta-presa-in-carico',
        motivazione: 'Vive solo dopo la dimissione',
        urgenza: 'urgente',
      },
    });
    propostaId = a.id;
    const b = await operatore(registraAccesso, accesso(rossi.id));
    await operatore(chiudiAccesso, { id: b.id, esito: { tipo: 'informazione-orientamento' } });
    orientamentoId = b.id;
  });
  afterAll(async () => {
    await nc?.close();
    await collaudo?.close();
    await svc?.close();
  });

  const audit = (accessoId: string) =>
    svc.sql<Record<string, unknown>>(
      `SELECT utente, ruoli, azione, risorsa, risorsa_id, soggetto_id, finalita, motivo, esito, codice_errore
         FROM voce_audit WHERE risorsa_id = $1 AND azione = 'leggi-proposta' ORDER BY il`,
      [accessoId],
    );

  it('answers the person and the motivazione to the service, and audits the read with its identity and purpose', async () => {
    const proposta = await comeServizio()(leggiProposta, { accessoId: propostaId });
    expect(proposta).toEqual({
      accessoId: propostaId,
      personaId: rossi.id,
      sede: 'SEDE-CREMA-HUB',
      subAmbito: 'SA-CREMA',
      chiusoIl: expect.any(String),
      persona: {
        codiceFiscale: 'RSSMRA50A41D142K',
        cognome: 'Rossi',
        nome: 'Maria',
        dataNascita: '1950-01-01',
        sesso: 'F',
        comuneResidenza: PANDINO,
      },
      motivazione: 'Vive solo dopo la dimissione',
      urgenza: 'urgente',
    });
    // Not the request: the équipe does not need it to open the cartella.
    expect(JSON.stringify(proposta)).not.toContain('ricovero');
    expect(await audit(propostaId)).toEqual([
      {
        utente: 'servizio:presa-in-carico',
        ruoli: ['servizio-presa-in-carico'],
        azione: 'leggi-proposta',
        risorsa: 'accesso',
        risorsa_id: propostaId,
        soggetto_id: rossi.id,
        finalita: 'presa-in-carico',
        motivo: 'Apertura della cartella per la proposta',
        esito: 'consentito',
        codice_errore: null,
      },
    ]);
  });

  it('answers only for an accesso closed with a proposta, and audits the refusal', async () => {
    expect(await rifiuto(comeServizio()(leggiProposta, { accessoId: orientamentoId }))).toBe(
      'ACCESSO_NON_TROVATO',
    );
    expect(await rifiuto(comeServizio()(leggiProposta, { accessoId: randomUUID() }))).toBe(
      'ACCESSO_NON_TROVATO',
    );
    expect(await audit(orientamentoId)).toEqual([
      expect.objectContaining({
        utente: 'servizio:presa-in-carico',
        esito: 'negato',
        codice_errore: 'ACCESSO_NON_TROVATO',
      }),
    ]);
  });

  it('refuses a forged service identity (a key accesso does not trust, or another key under the trusted kid) with IDENTITA_NON_VALIDA', async () => {
    const prima = (await audit(propostaId)).length;
    const ignota = new ActorSigner(chiaveFalsa(), { ambito: 'CREMA' });
    expect(await rifiuto(invia(nc, ignota, SERVIZIO)(leggiProposta, { accessoId: propostaId }))).toBe(
      'IDENTITA_NON_VALIDA',
    );
    const { kid } = parseSigningKey(svc.identita.SERVICE_SIGNING_KEYS['presa-in-carico'], 'presa-in-carico');
    const impostore = new ActorSigner(chiaveFalsa(kid), { ambito: 'CREMA' });
    expect(await rifiuto(invia(nc, impostore, SERVIZIO)(leggiProposta, { accessoId: propostaId }))).toBe(
      'IDENTITA_NON_VALIDA',
    );
    expect(await audit(propostaId)).toHaveLength(prima);
    const negate = await svc.sql<{ utente: string; codice_errore: string }>(
      `SELECT utente, codice_errore FROM voce_audit WHERE azione = 'leggi' AND risorsa = 'proposta' ORDER BY il`,
    );
    expect(negate).toEqual([
      { utente: '(non verificato)', codice_errore: 'IDENTITA_NON_VALIDA' },
      { utente: '(non verificato)', codice_errore: 'IDENTITA_NON_VALIDA' },
    ]);
  });

  it('binds identities to their signer: the gateway cannot sign for the service, the service not for a user', async () => {
    // With the unrestricted test user: only the signature is under test here.
    expect(
      await rifiuto(invia(collaudo, firmaGateway(), SERVIZIO)(leggiProposta, { accessoId: propostaId })),
    ).toBe('IDENTITA_NON_VALIDA');
    const coordinatore = ATTORI.coordinatoreCrema;
    expect(
      await rifiuto(
        invia(
          collaudo,
          firmaServizio(),
          coordinatore,
          'segretariato-sociale',
        )(ACCESSO_RPC.leggiPersona, {
          id: rossi.id,
        }),
      ),
    ).toBe('IDENTITA_NON_VALIDA');
    // Nor may it widen its own actor with a sub-ambito or a user's role.
    const allargato = { ...SERVIZIO, ruoli: [...SERVIZIO.ruoli, 'coordinatore-sub-ambito' as const] };
    expect(
      await rifiuto(invia(collaudo, firmaServizio(), allargato)(leggiProposta, { accessoId: propostaId })),
    ).toBe('IDENTITA_NON_VALIDA');
  });

  it('lets no user read a proposta this way, and the service only for its declared purpose', async () => {
    // A gateway-signed user (with the test user's connection: the gateway's NATS user may not even send it).
    expect(
      await rifiuto(
        invia(collaudo, firmaGateway(), ATTORI.coordinatoreCrema)(leggiProposta, { accessoId: propostaId }),
      ),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(
      await rifiuto(
        invia(
          nc,
          firmaServizio(),
          SERVIZIO,
          'segretariato-sociale',
        )(leggiProposta, { accessoId: propostaId }),
      ),
    ).toBe('FINALITA_NON_VALIDA');
  });

  it('lets presa-in-carico’s NATS user send the declared request only: another subject of accesso is refused by the server', async () => {
    const violazione = async (subject: string) => {
      const errore = (await nc.request(subject, sc.encode('{}'), { timeout: 2000 }).then(
        () => {
          throw new Error(`${subject}: richiesta consentita, attesa una violazione dei permessi`);
        },
        (e: unknown) => e,
      )) as NatsError;
      expect(errore.code).toBe('PERMISSIONS_VIOLATION');
    };
    await violazione('accesso.persona.leggi');
    await violazione('accesso.persona.cerca');
    await violazione('accesso.accesso.elenca');
    // The same signed service identity, on a subject it has not declared: the server stops it first.
    expect(await rifiuto(comeServizio()(ACCESSO_RPC.leggiPersona, { id: rossi.id }))).toBe(
      'SERVIZIO_NON_DISPONIBILE',
    );
  });
});
