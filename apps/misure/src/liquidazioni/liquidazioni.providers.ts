import { LiquidazioniBudget } from './liquidazioni-budget';
import { LiquidazioniController } from './liquidazioni.controller';
import { LIQUIDAZIONI_PER_LOTTO, LiquidazioniService } from './liquidazioni.service';
import { PagamentiService } from './pagamenti.service';
import { RecuperiService } from './recuperi.service';

export { LIQUIDAZIONI_PER_LOTTO } from './liquidazioni.service';

/** The liquidazioni feature, listed in MisureModule (one line there per lane keeps merges simple). */
export const LIQUIDAZIONI_CONTROLLERS = [LiquidazioniController];
export const liquidazioniProviders = (perLotto: number) => [
  LiquidazioniService,
  LiquidazioniBudget,
  PagamentiService,
  RecuperiService,
  { provide: LIQUIDAZIONI_PER_LOTTO, useValue: perLotto },
];
