import { Module } from '@nestjs/common';
import { ACCESSO_ROUTES } from './accesso.routes';
import { controllerDa } from './route-controllers';
import type { Rotta } from './rotta';

/** Every REST operation of the gateway, one table per service. */
export const ROTTE: readonly Rotta[] = [...ACCESSO_ROUTES];

/** The controllers made from the route tables. */
@Module({
  controllers: [controllerDa('AccessoRoutes', ACCESSO_ROUTES)],
})
export class RoutesModule {}
