import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { CreateRegistroAccessi1763900000000 } from './create-registro-accessi.migration';
import { UpgradeVoceAudit1763900000001 } from './upgrade-voce-audit.migration';
import { AddAnagraficaPersona1763900000002 } from './add-anagrafica-persona.migration';
import { AddDecessoPersona1763900000003 } from './add-decesso-persona.migration';
import { AddResidenzaEsteraRicoveri1764700000000 } from './add-residenza-estera-ricoveri.migration';
import { addFinalitaVoceAuditMigration } from '@ambito/audit';

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1764600000400 = createIdempotencyKeyMigration(1764600000400);

/**
 * In order, after the outbox/inbox one that serviceDataSourceOptions adds first. A change of schema is
 * a new migration class appended here; a migration that ran somewhere is never edited. Read by the app
 * and by the migration drift check (tools/ci).
 */
export const ACCESSO_MIGRATIONS = [
  CreateRegistroAccessi1763900000000,
  UpgradeVoceAudit1763900000001,
  AddAnagraficaPersona1763900000002,
  AddDecessoPersona1763900000003,
  createOutboxLeaseMigration(1764400000000),
  addFinalitaVoceAuditMigration(1764500000000),
  CreateIdempotencyKey1764600000400,
  AddResidenzaEsteraRicoveri1764700000000,
];
