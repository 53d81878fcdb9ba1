import { ConteggiCartelleV1, PRESA_IN_CARICO_RPC, type ConteggiCartelleRispostaV1 } from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { StatisticheService } from './statistiche.service';

@RpcController()
export class StatisticheController {
  constructor(private readonly statistiche: StatisticheService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.conteggiCartelle)
  conteggi(dto: ConteggiCartelleV1): Promise<ConteggiCartelleRispostaV1> {
    return this.statistiche.conteggi(dto);
  }
}
