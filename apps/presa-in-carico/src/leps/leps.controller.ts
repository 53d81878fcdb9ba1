import { CalcolaLepsV1, PRESA_IN_CARICO_RPC, type LepsRispostaV1 } from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { LepsService } from './leps.service';

@RpcController()
export class LepsController {
  constructor(private readonly leps: LepsService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.calcolaLeps)
  calcola(dto: CalcolaLepsV1): Promise<LepsRispostaV1> {
    return this.leps.calcola(dto);
  }
}
