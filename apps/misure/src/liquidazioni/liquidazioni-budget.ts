import { Injectable } from '@nestjs/common';
import { MISURE_CHIAMATE, type LiquidazioneV1, type VoceLottoLiquidazioniV1 } from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';

/** The key of a beneficio's month in the budget: the same month always sends the same key. */
export const chiaveLiquidazione = (beneficioId: string, mese: string): string =>
  `misure:beneficio:${beneficioId}:${mese.slice(0, 7)}`;

/**
 * The budget as the liquidazioni use it: batches of keyed liquidazioni requested with the misure
 * service's own identity (MISURE_CHIAMATE.liquidazioneLotto), never an operator's. Budget stores each
 * key with its liquidazione, so a batch sent again (a lost reply, a crash, a budget that was down)
 * returns what it already registered instead of paying twice.
 */
@Injectable()
export class LiquidazioniBudget {
  constructor(private readonly chiamate: ServiceCaller) {}

  liquida(mese: string, voci: VoceLottoLiquidazioniV1[]): Promise<LiquidazioneV1[]> {
    return this.chiamate.chiama(
      MISURE_CHIAMATE.liquidazioneLotto,
      { liquidazioni: voci },
      { motivo: `Mensilità ${mese.slice(0, 7)} di ${voci.length} benefici`, timeoutMs: 30_000 },
    );
  }
}
