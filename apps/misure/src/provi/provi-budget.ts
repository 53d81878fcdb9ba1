import { Injectable } from '@nestjs/common';
import {
  MISURE_CHIAMATE,
  type QuoteCofinanziateV1,
  type RegistraQuoteCofinanziateV1,
} from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';

/**
 * The key of a rendiconto in the budget: its project and number, both fixed before the call under the
 * project's lock, so a rendiconto sent again after a lost reply or a crash finds what the budget already
 * registered instead of paying twice.
 */
export const chiaveRendiconto = (progettoId: string, numero: number): string =>
  `misure:pro-vi:${progettoId}:rendiconto:${numero}`;

/**
 * The budget as the Pro.Vi. accounts use it: the reimbursement of a rendiconto committed and liquidated
 * with the fund's and the ambito's quota in one budget transaction (MISURE_CHIAMATE.cofinanziamento),
 * requested with the misure service's own identity, never an operator's.
 */
@Injectable()
export class ProViBudget {
  constructor(private readonly chiamate: ServiceCaller) {}

  registra(richiesta: RegistraQuoteCofinanziateV1): Promise<QuoteCofinanziateV1> {
    return this.chiamate.chiama(MISURE_CHIAMATE.cofinanziamento, richiesta, {
      motivo: `Rimborso Pro.Vi. ${richiesta.riferimento ?? richiesta.chiaveIdempotenza}`,
      timeoutMs: 15_000,
    });
  }
}
