import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, exportJWK, jwtVerify } from 'jose';

/** A client registered on the fake PDND: its id, the kid and public half of the key it signs with. */
export interface ClientePdnd {
  clientId: string;
  kid: string;
  chiavePubblica: KeyObject;
  /** The purposes it may ask vouchers for. */
  purposeIds: string[];
}

export interface OpzioniFakePdnd {
  port?: number;
  /** `aud` the client assertions must carry. */
  audience: string;
  /** `aud` of the vouchers issued (the e-service). */
  audienceVoucher: string;
  clienti: ClientePdnd[];
  /** Lifetime of a voucher, seconds (600 by default). */
  durataSecondi?: number;
}

export interface FakePdnd {
  url: string;
  tokenUrl: string;
  jwksUrl: string;
  /** The public key vouchers are signed with (what the fake INPS trusts). */
  chiavePubblica: KeyObject;
  /** Vouchers issued so far. */
  emessi: number;
  /** Client assertions refused, with why. */
  rifiutati: string[];
  chiudi(): Promise<void>;
}

const corpo = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

/**
 * TEST FAKE of the PDND authorization server (never in a production image): POST /token.oauth2 takes
 * an OAuth2 client-credentials request with an RFC 7523 client assertion, checks it as PDND does
 * (RS256 signature with the client's registered key, iss = sub = client_id, aud, exp, jti, a purposeId
 * the client may use) and issues a voucher signed with its own key; GET /.well-known/jwks.json serves
 * that key.
 */
export async function startFakePdnd(opzioni: OpzioniFakePdnd): Promise<FakePdnd> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fake-pdnd-1';
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const stato = { emessi: 0, rifiutati: [] as string[] };
  const rifiuta = (res: import('node:http').ServerResponse, perche: string) => {
    stato.rifiutati.push(perche);
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_client', error_description: perche }));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/.well-known/jwks.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      if (req.method !== 'POST' || req.url !== '/token.oauth2') {
        res.writeHead(404).end();
        return;
      }
      const form = new URLSearchParams(await corpo(req));
      if (form.get('grant_type') !== 'client_credentials') return rifiuta(res, 'grant_type');
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        return rifiuta(res, 'client_assertion_type');
      const assertion = form.get('client_assertion') ?? '';
      const cliente = opzioni.clienti.find((c) => c.clientId === form.get('client_id'));
      if (!cliente) return rifiuta(res, 'client_id sconosciuto');
      let claims;
      try {
        const header = decodeProtectedHeader(assertion);
        if (header.kid !== cliente.kid || header.alg !== 'RS256') return rifiuta(res, 'kid o alg');
        ({ payload: claims } = await jwtVerify(assertion, cliente.chiavePubblica, {
          issuer: cliente.clientId,
          subject: cliente.clientId,
          audience: opzioni.audience,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat', 'jti'],
        }));
      } catch (e) {
        return rifiuta(res, `client assertion non valida: ${(e as Error).message}`);
      }
      const purposeId = claims.purposeId;
      if (typeof purposeId !== 'string' || !cliente.purposeIds.includes(purposeId))
        return rifiuta(res, 'purposeId');
      const durata = opzioni.durataSecondi ?? 600;
      const voucher = await new SignJWT({ purposeId, client_id: cliente.clientId })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
        .setIssuer('fake-pdnd')
        .setSubject(cliente.clientId)
        .setAudience(opzioni.audienceVoucher)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${durata}s`)
        .sign(privateKey);
      stato.emessi += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ access_token: voucher, token_type: 'Bearer', expires_in: durata }));
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((r) => server.listen(opzioni.port ?? 0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    tokenUrl: `${url}/token.oauth2`,
    jwksUrl: `${url}/.well-known/jwks.json`,
    chiavePubblica: publicKey,
    get emessi() {
      return stato.emessi;
    },
    rifiutati: stato.rifiutati,
    chiudi: () => new Promise<void>((r) => server.close(() => r())),
  };
}
