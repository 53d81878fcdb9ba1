/** Roles of the ambito's users. Wire values: do not change them. */
export const RUOLI = [
  'operatore-accesso',
  'assistente-sociale',
  'coordinatore-sub-ambito',
  'responsabile-comune',
  'ufficio-di-piano',
  'amministratore',
] as const;

export type RuoloUtente = (typeof RUOLI)[number];

/**
 * Roles of services acting on their own behalf (service identity): one per calling service, named
 * `servizio-<service>`. Only a token signed with that service's own key may carry it (the gateway never
 * does, libs/messaging/src/identity); a declaration's `ruoli` lists it to let that service call it, and
 * the caller declares the call with `chiamata()` (its NATS permissions derive from that). A new calling
 * service is one more entry.
 */
export const RUOLI_SERVIZIO = [
  'servizio-presa-in-carico',
  'servizio-misure',
  'servizio-integrazioni',
] as const;

export type RuoloServizio = (typeof RUOLI_SERVIZIO)[number];

/**
 * The anonymous visitor of a public route (`rotta({ pubblica: true })` at the gateway): no token, no
 * territory. Never a role of a user's token (the gateway keeps only RUOLI from its claims); a
 * declaration lists it alone, for data that is public by law or by consent.
 */
export const RUOLO_PUBBLICO = 'pubblico' as const;
export type RuoloPubblico = typeof RUOLO_PUBBLICO;

/**
 * Machine clients of external systems, authenticated by the gateway with their own tokens (INPS polling
 * the WaaS API with a PDND voucher): never a user's role nor a service's, named only by the gateway on
 * the routes made for them.
 */
export const RUOLI_CLIENT = ['inps'] as const;
export type RuoloClient = (typeof RUOLI_CLIENT)[number];

export function isRuoloClient(ruolo: string): ruolo is RuoloClient {
  return (RUOLI_CLIENT as readonly string[]).includes(ruolo);
}

export type Ruolo = RuoloUtente | RuoloServizio | RuoloPubblico | RuoloClient;

/** The role of the service `servizio` (`servizio-presa-in-carico`); whether it exists is checked apart. */
export function ruoloServizio(servizio: string): string {
  return `servizio-${servizio}`;
}

export function isRuoloServizio(ruolo: string): ruolo is RuoloServizio {
  return (RUOLI_SERVIZIO as readonly string[]).includes(ruolo);
}
