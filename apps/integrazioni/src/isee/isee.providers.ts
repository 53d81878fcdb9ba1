import type { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { IntegrazioniConfig } from '../config/integrazioni-config';
import { ADATTATORE_ISEE, adattatoreIsee } from './adattatore-isee';
import { ConsultazioniController } from './consultazioni.controller';
import { ConsultazioniWorker } from './consultazioni.worker';
import { IseeConsumer } from './isee.consumer';

/** The ISEE adapter's handlers, listed in IntegrazioniModule. */
export const ISEE_CONTROLLERS: Type[] = [ConsultazioniController];

/** The ISEE adapter's providers: its configuration for this ambito (client or off), the queue, the consumer. */
export function iseeProviders(config: IntegrazioniConfig): Provider[] {
  return [
    {
      provide: ADATTATORE_ISEE,
      useFactory: (dataSource: DataSource) => adattatoreIsee(config, dataSource),
      inject: [getDataSourceToken()],
    },
    ConsultazioniWorker,
    IseeConsumer,
  ];
}
