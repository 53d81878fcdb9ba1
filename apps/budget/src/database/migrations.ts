import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { CreateBudget1764000000000 } from './create-budget.migration';
import { AddDecisioneDotazione1764000000100 } from './add-decisione-dotazione.migration';
import { addFinalitaVoceAuditMigration, createVoceAuditMigration } from '@ambito/audit';
import { FedeltaDominio1764620000000 } from './fedelta-dominio.migration';
import { AttiArticoli1764700000000 } from './atti-articoli.migration';
import { LiquidazioniChiave1796046700000 } from './liquidazioni-chiave.migration';
import { SaldiLiquidazioniInsieme1796048200000 } from './saldi-liquidazioni-insieme.migration';

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1764600000400 = createIdempotencyKeyMigration(1764600000400);

/**
 * In order, after the outbox/inbox one that serviceDataSourceOptions adds first. A change of schema is
 * a new migration class appended here; a migration that ran somewhere is never edited. Read by the app
 * and by the migration drift check (tools/ci).
 */
export const BUDGET_MIGRATIONS = [
  CreateBudget1764000000000,
  AddDecisioneDotazione1764000000100,
  createOutboxLeaseMigration(1764400000000),
  // Reads of impegni name a beneficiary (riferimento, comune of residence): audited like the others.
  createVoceAuditMigration(1764500000000),
  addFinalitaVoceAuditMigration(1764500000001),
  CreateIdempotencyKey1764600000400,
  FedeltaDominio1764620000000,
  AttiArticoli1764700000000,
  // Keyed liquidazioni of a calling service, in batches (lane benefici-liquidazioni).
  LiquidazioniChiave1796046700000,
  // The balances of a batch of liquidazioni updated once per statement (lane liquidazioni-bench).
  SaldiLiquidazioniInsieme1796048200000,
];
