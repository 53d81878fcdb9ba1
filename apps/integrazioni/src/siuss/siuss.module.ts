import type { Provider, Type } from '@nestjs/common';
import { FONTI_SIUSS, FontiSiussServizi } from './fonti-siuss';
import { ENTE_SIUSS, enteSiussDa } from './siuss-config';
import { SiussConsumers } from './siuss.consumers';
import { SiussController } from './siuss.controller';
import { SiussService } from './siuss.service';
import { ValidatoreXsd } from './xml/validatore-xsd';

/*
 * The SIUSS feed (issue 12, point 2): consumers of misure's events, the WaaS operations, the batches.
 * Listed in the service's module (as misure's features are), where the audit and the messaging live.
 */
export const SIUSS_CONTROLLERS: Type[] = [SiussController];

export const SIUSS_PROVIDERS: Provider[] = [
  SiussService,
  SiussConsumers,
  { provide: ValidatoreXsd, useFactory: () => new ValidatoreXsd() },
  { provide: FONTI_SIUSS, useClass: FontiSiussServizi },
  { provide: ENTE_SIUSS, useFactory: () => enteSiussDa() },
];
