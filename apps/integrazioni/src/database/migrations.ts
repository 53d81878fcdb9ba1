import { addFinalitaVoceAuditMigration, createVoceAuditMigration } from '@ambito/audit';
import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { AddImportazioniGepi1796048700001 } from '../gepi/gepi.migration';
import { CreateIsee1796048500000 } from './isee.migration';
import { CreateSiuss1796048600000 } from '../siuss/siuss.migration';
import { AddSiussPresaInCarico1796049300000 } from '../siuss/siuss-presa.migration';

/**
 * The first migration: the append-only audit table `voce_audit`. serviceDataSourceOptions runs the
 * outbox/inbox one (CreateOutboxInbox1763800000000) before it, in the service's schema `integrazioni`.
 */
export const CreateVoceAudit1796069449071 = createVoceAuditMigration(1796069449071);

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1796069449073 = createIdempotencyKeyMigration(1796069449073);

/**
 * In order. A change of schema is a new migration class (`<timestamp>` after the last one) appended
 * here; a migration that ran somewhere is never edited.
 */
export const INTEGRAZIONI_MIGRATIONS = [
  CreateVoceAudit1796069449071,
  // The outbox lease, parking and purge indexes (libs/persistence).
  createOutboxLeaseMigration(1796069449072),
  CreateIdempotencyKey1796069449073,
  // The purpose and the search criteria of each audit row (libs/audit).
  addFinalitaVoceAuditMigration(1796069449074),
  // INPS ISEE (lane integrazioni-isee, 17960485xxxxx): the consultations' queue, the calls' register.
  CreateIsee1796048500000,
  // SIUSS (lane integrazioni-siuss, 17960486xxxxx): records, flows and esiti.
  CreateSiuss1796048600000,
  // GePI (lane integrazioni-gepi, 17960487xxxxx)
  AddImportazioniGepi1796048700001,
  // SIUSS from presa in carico (lane siuss-presa, 17960493xxxxx): SINA section, progetto interventi.
  AddSiussPresaInCarico1796049300000,
];
