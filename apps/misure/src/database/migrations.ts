import { ProViCofinanziamento1796049000000 } from './provi-cofinanziamento.migration';
import { addFinalitaVoceAuditMigration, createVoceAuditMigration } from '@ambito/audit';
import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { CreateMisure1796046000000 } from './create-misure.migration';
import { IndiceRegoleInVigore1796046100000 } from './regole-in-vigore.migration';
import { CreateGraduatorie1796046300000 } from './graduatorie.migration';
import { CreateIstruttoriaAvviso1796046500000 } from './istruttoria-avviso.migration';
import { CreateBenefici1796046600000 } from './benefici.migration';
import { CreateLiquidazioni1796046700000 } from './liquidazioni.migration';
import { CreateConti1796046800000 } from './conti.migration';
import { IstruttoriaJson1796046900000 } from './istruttoria-json.migration';
import { CreateIseeVerificato1796048500000 } from './isee-verificato.migration';
import { CreateRitornoProgetto1796049100000 } from './ritorno-progetto.migration';

/**
 * The first migration: the append-only audit table `voce_audit`. serviceDataSourceOptions runs the
 * outbox/inbox one (CreateOutboxInbox1763800000000) before it, in the service's schema `misure`.
 */
export const CreateVoceAudit1796045999785 = createVoceAuditMigration(1796045999785);

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1796045999787 = createIdempotencyKeyMigration(1796045999787);

/**
 * In order. A change of schema is a new migration class (`<timestamp>` after the last one) appended
 * here; a migration that ran somewhere is never edited.
 */
export const MISURE_MIGRATIONS = [
  CreateVoceAudit1796045999785,
  // The outbox lease, parking and purge indexes (libs/persistence).
  createOutboxLeaseMigration(1796045999786),
  CreateIdempotencyKey1796045999787,
  // The purpose and the search criteria of each audit row (libs/audit).
  addFinalitaVoceAuditMigration(1796045999788),
  // Rule sets, avvisi and their graduatorie, istanze, istruttorie (ADR 0006).
  CreateMisure1796046000000,
  // Lane misure-regole (17960461xxxxx): the in-force lookup of rule sets.
  IndiceRegoleInVigore1796046100000,
  // Graduatorie formed and approved: state, entries, their history (lane misure-graduatorie).
  CreateGraduatorie1796046300000,
  // The istruttoria of a whole avviso, page by page (lane misure-bench, 17960465xxxxx).
  CreateIstruttoriaAvviso1796046500000,
  // Benefici, their suspensions, the monthly runs and their erogazioni (lane benefici-run, 17960466xxxxx).
  CreateBenefici1796046600000,
  // Liquidazioni to budget, payees, recuperi (lane benefici-liquidazioni, 17960467xxxxx).
  CreateLiquidazioni1796046700000,
  // Accounts: Pro.Vi. a consuntivo, Dopo di Noi budget and group homes, cumulation (lane misure-conti).
  CreateConti1796046800000,
  // Snapshot and valutazione of each istruttoria stored as written (lead, 17960469xxxxx).
  IstruttoriaJson1796046900000,
  // The ISEE verified at INPS for each istanza (lane integrazioni-isee, 17960485xxxxx).
  CreateIseeVerificato1796048500000,
  // Pro.Vi. rendiconti charged to the budget with the ambito's cofinanziamento (lane provi-cofinanziamento).
  ProViCofinanziamento1796049000000,
  // What each change of the progetto of presa in carico did to a beneficio (lane progetto-ritorno, 17960491xxxxx).
  CreateRitornoProgetto1796049100000,
];
