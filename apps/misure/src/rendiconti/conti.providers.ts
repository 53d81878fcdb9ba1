import { CumuloConsumers } from '../cumulo/cumulo.consumers';
import { CumuloController } from '../cumulo/cumulo.controller';
import { CumuloAssistente } from '../cumulo/cumulo.service';
import { DopoDiNoiController } from '../dopo-di-noi/dopo-di-noi.controller';
import { DopoDiNoiService } from '../dopo-di-noi/dopo-di-noi.service';
import { ProViController } from '../provi/provi.controller';
import { ProViBudget } from '../provi/provi-budget';
import { ProViService } from '../provi/provi.service';
import { RendicontiController } from './rendiconti.controller';
import { RendicontiService } from './rendiconti.service';

/** The measures' accounts (lane misure-conti), listed in MisureModule with one line each. */
export const CONTI_CONTROLLERS = [
  ProViController,
  DopoDiNoiController,
  CumuloController,
  RendicontiController,
];
export const CONTI_PROVIDERS = [
  ProViService,
  ProViBudget,
  DopoDiNoiService,
  CumuloAssistente,
  CumuloConsumers,
  RendicontiService,
];
