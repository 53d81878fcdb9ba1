import { Module } from '@nestjs/common';
import { ACCESSO_ROUTES } from './accesso.routes';
import { BUDGET_ROUTES } from './budget.routes';
import { PRESA_IN_CARICO_ROUTES } from './presa-in-carico.routes';
import { MISURE_ROUTES } from './misure.routes';
import { ASSISTENTI_FAMILIARI_ROUTES } from './assistenti-familiari.routes';
import { INTEGRAZIONI_ROUTES } from './integrazioni.routes';
// @ambito/tools:service: imports of a new service's routes above this line.
import { controllerDa } from './route-controllers';
import type { Rotta } from './rotta';

/** Every REST operation of the gateway, one table per service. */
export const ROTTE: readonly Rotta[] = [
  ...ACCESSO_ROUTES,
  ...PRESA_IN_CARICO_ROUTES,
  ...BUDGET_ROUTES,
  ...MISURE_ROUTES,
  ...ASSISTENTI_FAMILIARI_ROUTES,
  ...INTEGRAZIONI_ROUTES,
];

/** The controllers made from the route tables. */
@Module({
  controllers: [
    controllerDa('AccessoRoutes', ACCESSO_ROUTES),
    controllerDa('PresaInCaricoRoutes', PRESA_IN_CARICO_ROUTES),
    controllerDa('BudgetRoutes', BUDGET_ROUTES),
    controllerDa('MisureRoutes', MISURE_ROUTES),
    controllerDa('AssistentiFamiliariRoutes', ASSISTENTI_FAMILIARI_ROUTES),
    controllerDa('IntegrazioniRoutes', INTEGRAZIONI_ROUTES),
    // @ambito/tools:service: controllers of a new service above this line.
  ],
})
export class RoutesModule {}
