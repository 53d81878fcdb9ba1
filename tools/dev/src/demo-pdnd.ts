import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';

/*
 * A local stand-in for PDND in the demo (never in production): a key pair made on the first start in
 * the data directory, its public half as the JWKS the gateway trusts (PDND_JWKS_FILE), and a voucher
 * for the WaaS e-service that `npm start` prints, so the SIUSS flows can be fetched with curl as INPS
 * would (GET /api/v1/waas/v1/flussi?since=0).
 */

export const PDND_DEMO_AUDIENCE = 'http://127.0.0.1/api/v1/waas/v1';
export const PDND_DEMO_ISSUER = 'pdnd-demo.local';

export interface PdndDemo {
  jwksFile: string;
  /** A voucher as PDND issues it to INPS' client, valid 12 hours. */
  voucher(): Promise<string>;
}

export async function ensurePdndDemo(dir: string): Promise<PdndDemo> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privata = path.join(dir, 'pdnd-demo-key.jwk');
  const jwksFile = path.join(dir, 'pdnd-demo-jwks.json');
  if (!existsSync(privata) || !existsSync(jwksFile)) {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    writeFileSync(
      privata,
      JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'pdnd-demo', alg: 'RS256' }),
      {
        mode: 0o600,
      },
    );
    writeFileSync(
      jwksFile,
      JSON.stringify({
        keys: [{ ...(await exportJWK(publicKey)), kid: 'pdnd-demo', alg: 'RS256', use: 'sig' }],
      }),
    );
  }
  const chiave = await importJWK(JSON.parse(readFileSync(privata, 'utf8')) as never, 'RS256');
  return {
    jwksFile,
    voucher: () =>
      new SignJWT({ client_id: 'inps-waas-demo', purposeId: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', kid: 'pdnd-demo', typ: 'at+jwt' })
        .setIssuer(PDND_DEMO_ISSUER)
        .setAudience(PDND_DEMO_AUDIENCE)
        .setSubject('inps-waas-demo')
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime('12h')
        .sign(chiave),
  };
}
