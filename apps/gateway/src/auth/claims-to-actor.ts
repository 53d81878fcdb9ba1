import { DomainError, RUOLI, type Actor, type Ruolo } from '@ambito/contracts';

/** Roles whose scope is one or more sub-ambiti: a token without them would look ambito-wide. */
const RUOLI_DI_SUB_AMBITO: readonly Ruolo[] = [
  'operatore-accesso',
  'assistente-sociale',
  'coordinatore-sub-ambito',
];

/**
 * The actor of a verified token. Claims: `sub`, `name`, `ruoli` (or `roles`), `ambito`, `sub_ambiti`,
 * `comuni`. Roles unknown to the platform (an IdP carries others) are ignored, but at least one must be
 * ours; a token of another ambito, or a scoped role without its scope, is refused (fail closed).
 */
export function actorFromClaims(claims: Record<string, unknown>, ambito: string): Actor {
  const sub = claims.sub;
  const nome = claims.name;
  if (typeof sub !== 'string' || sub.trim() === '') throw invalid('manca il soggetto (sub)');
  if (typeof nome !== 'string' || nome.trim() === '') throw invalid('manca il nome (name)');

  const rawRuoli = claims.ruoli ?? claims.roles;
  if (!isStringArray(rawRuoli)) throw invalid('ruoli assenti o non validi');
  const ruoli = RUOLI.filter((r) => rawRuoli.includes(r));
  if (ruoli.length === 0) throw invalid('nessun ruolo della piattaforma');

  if (typeof claims.ambito !== 'string') throw invalid('manca l’ambito');
  if (claims.ambito !== ambito) {
    throw new DomainError('NON_AUTENTICATO', 'Token emesso per un altro Ambito Territoriale Sociale.');
  }

  const subAmbiti = claims.sub_ambiti ?? [];
  const comuni = claims.comuni ?? [];
  if (!isStringArray(subAmbiti)) throw invalid('sub_ambiti non validi');
  if (!isStringArray(comuni) || !comuni.every((c) => /^\d{6}$/.test(c))) throw invalid('comuni non validi');
  if (ruoli.some((r) => RUOLI_DI_SUB_AMBITO.includes(r)) && subAmbiti.length === 0) {
    throw invalid('ruolo di sub-ambito senza sub_ambiti');
  }
  if (ruoli.includes('responsabile-comune') && comuni.length === 0) {
    throw invalid('responsabile di comune senza comuni');
  }

  return { userId: sub, nome, ruoli, ambito, subAmbiti: [...subAmbiti], comuni: [...comuni] };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function invalid(reason: string): DomainError {
  return new DomainError('NON_AUTENTICATO', `Token non valido: ${reason}.`);
}
