import {
  CaricoLavoroV1,
  ElencaAvvisiV1,
  PRESA_IN_CARICO_RPC,
  type AvvisoV1,
  type CaricoLavoroRispostaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { MonitoraggioService } from './monitoraggio.service';

@RpcController()
export class MonitoraggioController {
  constructor(private readonly monitoraggio: MonitoraggioService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.caricoLavoro)
  caricoLavoro(dto: CaricoLavoroV1): Promise<CaricoLavoroRispostaV1> {
    return this.monitoraggio.caricoLavoro(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaAvvisi)
  avvisi(dto: ElencaAvvisiV1): Promise<AvvisoV1[]> {
    return this.monitoraggio.avvisi(dto);
  }
}
