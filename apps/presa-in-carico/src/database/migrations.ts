import { createIdempotencyKeyMigration, createOutboxLeaseMigration } from '@ambito/persistence';
import { CreateCartellaSociale1764000000000 } from './create-cartella-sociale.migration';
import { AddVerifiche1764000000001 } from './add-verifiche.migration';
import { AddEquipeCaso1764000000002 } from './add-equipe-caso.migration';
import { AddNucleo1764000000003 } from './add-nucleo.migration';
import { UpgradeVoceAudit1764000000004 } from './upgrade-voce-audit.migration';
import { AddEquipeProfessioniContratto1764000000005 } from './add-equipe-professioni-contratto.migration';
import { AddParametriLeps1764000000006 } from './add-parametri-leps.migration';
import { AddProgettoSiuss1764000000007 } from './add-progetto-siuss.migration';
import { AddSinaV21764000000008 } from './add-sina-v2.migration';
import { AddBudgetProgettoResidenza1764700000000 } from './add-budget-progetto-residenza.migration';
import { AddRichiestaAssistente1796048400000 } from './add-richiesta-assistente.migration';
import { AddNucleiAdi1796048700000 } from './add-nuclei-adi.migration';
import { AddInterventiMisure1796048000000 } from './add-interventi-misure.migration';
import { AddInterventoMisuraProgetto1796049100000 } from './add-intervento-misura-progetto.migration';
import { addFinalitaVoceAuditMigration } from '@ambito/audit';

/** Idempotency-Key of state-changing requests, stored with their effect (libs/messaging/src/idempotency). */
export const CreateIdempotencyKey1764600000400 = createIdempotencyKeyMigration(1764600000400);

/**
 * In order, after the outbox/inbox one that serviceDataSourceOptions adds first. A change of schema is
 * a new migration class appended here; a migration that ran somewhere is never edited. Read by the app
 * and by the migration drift check (tools/ci).
 */
export const PRESA_IN_CARICO_MIGRATIONS = [
  CreateCartellaSociale1764000000000,
  AddVerifiche1764000000001,
  AddEquipeCaso1764000000002,
  AddNucleo1764000000003,
  UpgradeVoceAudit1764000000004,
  AddEquipeProfessioniContratto1764000000005,
  AddParametriLeps1764000000006,
  AddProgettoSiuss1764000000007,
  AddSinaV21764000000008,
  createOutboxLeaseMigration(1764400000000),
  addFinalitaVoceAuditMigration(1764500000000),
  CreateIdempotencyKey1764600000400,
  AddBudgetProgettoResidenza1764700000000,
  // Richieste of an assistente familiare proposed to the sportello (issue 11 point 4).
  AddRichiestaAssistente1796048400000,
  AddNucleiAdi1796048700000,
  // The interventi from the misure, kept from misure's events (lane benefici-progetto, 17960480xxxxx).
  AddInterventiMisure1796048000000,
  // An intervento of the progetto linked to one from the misure, and its suspension (lane progetto-ritorno, 17960491xxxxx).
  AddInterventoMisuraProgetto1796049100000,
];
