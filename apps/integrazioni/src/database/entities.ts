import { VoceAuditEntity } from '@ambito/audit';

/**
 * The entities of the service (the outbox/inbox ones are added by serviceDataSourceOptions). Each has its
 * table created by a migration: `npx nx run ci:migration-drift` checks that they agree.
 */
export const INTEGRAZIONI_ENTITIES = [VoceAuditEntity];
