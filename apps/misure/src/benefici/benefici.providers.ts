import type { Provider, Type } from '@nestjs/common';
import { ErogazioniController } from '../erogazioni/erogazioni.controller';
import {
  DOPO_PAGINA_EROGAZIONI,
  ErogazioniService,
  PAGINA_EROGAZIONI,
} from '../erogazioni/erogazioni.service';
import { BeneficiConsumers } from './benefici.consumers';
import { BeneficiController } from './benefici.controller';
import { BeneficiService } from './benefici.service';
import { FineBeneficio } from './fine-beneficio.service';
import { FONTI_BENEFICI, FontiBeneficiServizi } from './fonti-benefici';

/** Benefici and the monthly run: the handlers, listed in MisureModule. */
export const BENEFICI_CONTROLLERS: Type[] = [BeneficiController, ErogazioniController];

/** Their providers; a test replaces FONTI_BENEFICI or DOPO_PAGINA_EROGAZIONI (OpzioniMisure.providers). */
export function beneficiProviders(opzioni: { paginaErogazioni?: number }): Provider[] {
  return [
    BeneficiService,
    BeneficiConsumers,
    FineBeneficio,
    ErogazioniService,
    { provide: FONTI_BENEFICI, useClass: FontiBeneficiServizi },
    { provide: PAGINA_EROGAZIONI, useValue: opzioni.paginaErogazioni ?? 1_000 },
    { provide: DOPO_PAGINA_EROGAZIONI, useValue: null },
  ];
}
