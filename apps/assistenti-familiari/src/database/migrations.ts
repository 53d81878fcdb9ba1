import { addFinalitaVoceAuditMigration, createVoceAuditMigration } from '@ambito/audit';
import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { AddPresaInCaricoVersioneScheda1796048400000 } from './add-presa-in-carico-versione-scheda.migration';
import { CreateSportello1796047100000 } from './create-sportello.migration';
import { CreateRegistro1796047000000 } from './create-registro.migration';
import { StoriaAppendOnly1796047000100 } from './storia-append-only.migration';
import { GrigliaAbbinamento1796048300000 } from './griglia-abbinamento.migration';

/**
 * The first migration: the append-only audit table `voce_audit`. serviceDataSourceOptions runs the
 * outbox/inbox one (CreateOutboxInbox1763800000000) before it, in the service's schema `assistenti_familiari`.
 */
export const CreateVoceAudit1796057322847 = createVoceAuditMigration(1796057322847);

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1796057322849 = createIdempotencyKeyMigration(1796057322849);

/**
 * In order. A change of schema is a new migration class (`<timestamp>` after the last one) appended
 * here; a migration that ran somewhere is never edited.
 */
export const ASSISTENTI_FAMILIARI_MIGRATIONS = [
  CreateVoceAudit1796057322847,
  // The outbox lease, parking and purge indexes (libs/persistence).
  createOutboxLeaseMigration(1796057322848),
  CreateIdempotencyKey1796057322849,
  // The purpose and the search criteria of each audit row (libs/audit).
  addFinalitaVoceAuditMigration(1796057322850),
  // The registro: requirements as data, assistenti, candidature, iscrizioni, schede, consents, history.
  CreateRegistro1796047000000,
  StoriaAppendOnly1796047000100,
  // The sportello: richieste of families, proposals, contracts, Bonus pre-checks.
  CreateSportello1796047100000,
  // The matching in SQL: the weekly grid as a bitmap, the active iscrizioni indexed.
  GrigliaAbbinamento1796048300000,
  // Consent of the richieste from presa in carico, the desk of a contract, the version of a scheda.
  AddPresaInCaricoVersioneScheda1796048400000,
];
