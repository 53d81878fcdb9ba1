import { ACCESSO_RPC, ContatoriAccessiV1, type ContatoriAccessiRispostaV1 } from '@ambito/contracts';
import { ContatoriService } from './contatori.service';
import { RpcController, RpcHandler } from '@ambito/messaging';

@RpcController()
export class StatisticheController {
  constructor(private readonly contatori: ContatoriService) {}

  @RpcHandler(ACCESSO_RPC.contatoriAccessi)
  contatoriAccessi(dto: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    return this.contatori.contatori(dto);
  }
}
