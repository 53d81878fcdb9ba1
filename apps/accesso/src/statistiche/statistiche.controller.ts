import { RpcController } from '@ambito/service-runtime';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ACCESSO_RPC, ContatoriAccessiV1, type ContatoriAccessiRispostaV1 } from '@ambito/contracts';
import { ContatoriService } from './contatori.service';

@RpcController()
export class StatisticheController {
  constructor(private readonly contatori: ContatoriService) {}

  @MessagePattern(ACCESSO_RPC.contatoriAccessi)
  contatoriAccessi(@Payload() dto: ContatoriAccessiV1): Promise<ContatoriAccessiRispostaV1> {
    return this.contatori.contatori(dto);
  }
}
