import helmet from 'helmet';
import { DOCS_PATH } from '../openapi/openapi';
import type { GatewayRequest, GatewayResponse, NextFunction } from './gateway-request';

/** Directives both kinds of answer share: never framed, no <base>, no form posts. */
const SEMPRE = {
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * The usual security headers on every answer (helmet: nosniff, X-Frame-Options DENY, no referrer,
 * HSTS when configured) and `Cache-Control: no-store`, so that no browser, proxy or shared cache keeps
 * personal data. The API answers JSON only, so its CSP allows nothing (`default-src 'none'`); the
 * Swagger UI under /api/docs gets what it needs (its own scripts and styles, inline styles, data: images)
 * and nothing from elsewhere.
 */
export function securityHeadersMiddleware(opzioni: { hstsMaxAgeSeconds: number }) {
  const comuni = {
    xFrameOptions: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity:
      opzioni.hstsMaxAgeSeconds > 0 ? { maxAge: opzioni.hstsMaxAgeSeconds, includeSubDomains: true } : false,
  };
  const api = helmet({
    ...comuni,
    // useDefaults false: helmet's defaults include upgrade-insecure-requests, wrong for http://localhost.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], ...SEMPRE } },
  });
  const documentazione = helmet({
    ...comuni,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        ...SEMPRE,
      },
    },
  });
  const docs = `/${DOCS_PATH}`;
  return (req: GatewayRequest, res: GatewayResponse, next: NextFunction): void => {
    const path = (req.url ?? '').split('?')[0];
    const interfacciaDocumentazione = path === docs || path.startsWith(`${docs}/`);
    if (!interfacciaDocumentazione) res.setHeader('Cache-Control', 'no-store');
    (interfacciaDocumentazione ? documentazione : api)(req, res, (error?: unknown) => next(error));
  };
}
