import type { Provider, Type } from '@nestjs/common';
import { AvvisiController } from '../avvisi/avvisi.controller';
import { AvvisiService } from '../avvisi/avvisi.service';
import { RIESAME_ISTRUTTORIE } from '../fonti/fonti-istanza';
import { IstruttoriaController } from '../istruttoria/istruttoria.controller';
import { IstruttoriaService } from '../istruttoria/istruttoria.service';
import { IstruttoriaAvvisoController } from '../istruttoria/istruttoria-avviso.controller';
import {
  IstruttoriaAvvisoService,
  PAGINA_ISTRUTTORIA_AVVISO,
} from '../istruttoria/istruttoria-avviso.service';
import { CONTESTO_MISURE, type ContestoMisure } from './contesto';
import { IstanzeController } from './istanze.controller';
import { IstanzeService } from './istanze.service';
import { IseeVerificatoConsumer } from '../isee-verificato/isee-verificato.consumer';
import { IseeVerificatoController } from '../isee-verificato/isee-verificato.controller';

/** Avvisi, istanze and their istruttorie: the handlers, listed in MisureModule. */
export const ISTANZE_CONTROLLERS: Type[] = [
  AvvisiController,
  IstanzeController,
  IstruttoriaController,
  IstruttoriaAvvisoController,
  // The ISEE verified at INPS (integrazioni): read for the consultation, and its outcome consumed.
  IseeVerificatoController,
];

/**
 * Their providers, with RIESAME_ISTRUTTORIE (the sources' event consumers re-run a person's istruttorie
 * through it). FONTI_ISTANZA is provided by the sources' module.
 */
export function istanzeProviders(contesto: ContestoMisure): Provider[] {
  return [
    { provide: CONTESTO_MISURE, useValue: contesto },
    AvvisiService,
    IstanzeService,
    IstruttoriaService,
    { provide: RIESAME_ISTRUTTORIE, useExisting: IstruttoriaService },
    IstruttoriaAvvisoService,
    IseeVerificatoConsumer,
    { provide: PAGINA_ISTRUTTORIA_AVVISO, useValue: contesto.paginaIstruttoriaAvviso ?? 2_000 },
  ];
}
