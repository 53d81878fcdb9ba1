import { MessagePattern, Payload } from '@nestjs/microservices';
import { ConteggiCartelleV1, PRESA_IN_CARICO_RPC, type ConteggiCartelleRispostaV1 } from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { StatisticheService } from './statistiche.service';

@RpcController()
export class StatisticheController {
  constructor(private readonly statistiche: StatisticheService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.conteggiCartelle)
  conteggi(@Payload() dto: ConteggiCartelleV1): Promise<ConteggiCartelleRispostaV1> {
    return this.statistiche.conteggi(dto);
  }
}
