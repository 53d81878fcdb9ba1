import { INTEGRAZIONI_RPC, LeggiStatoIntegrazioniV1, type StatoIntegrazioniV1 } from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { APP_VERSION } from '@ambito/service-runtime';
import { SERVICE } from '../app/service';
import { StatoRepository } from './stato.repository';

/**
 * The example feature: `integrazioni.stato.leggi`. RpcServer has already checked the actor's role against
 * the declaration and validated the request against its class when this method runs.
 */
@RpcController()
export class StatoController {
  constructor(private readonly stato: StatoRepository) {}

  @RpcHandler(INTEGRAZIONI_RPC.leggiStato)
  async leggi(dto: LeggiStatoIntegrazioniV1): Promise<StatoIntegrazioniV1> {
    return {
      servizio: SERVICE,
      versione: APP_VERSION,
      messaggiOutbox: await this.stato.contaMessaggiOutbox(),
      sonda: dto.sonda ?? null,
    };
  }
}
