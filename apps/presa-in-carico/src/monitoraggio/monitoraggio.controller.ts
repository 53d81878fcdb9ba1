import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CaricoLavoroV1,
  ElencaAvvisiV1,
  PRESA_IN_CARICO_RPC,
  type AvvisoV1,
  type CaricoLavoroRispostaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { MonitoraggioService } from './monitoraggio.service';

@RpcController()
export class MonitoraggioController {
  constructor(private readonly monitoraggio: MonitoraggioService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.caricoLavoro)
  caricoLavoro(@Payload() dto: CaricoLavoroV1): Promise<CaricoLavoroRispostaV1> {
    return this.monitoraggio.caricoLavoro(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.elencaAvvisi)
  avvisi(@Payload() dto: ElencaAvvisiV1): Promise<AvvisoV1[]> {
    return this.monitoraggio.avvisi(dto);
  }
}
