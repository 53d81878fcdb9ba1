import { MISURE_RPC, SimulaAvvisoV1, type SimulazioneAvvisoV1 } from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { SimulazioneAvviso } from './simulazione.service';

@RpcController()
export class SimulazioneController {
  constructor(private readonly simulazione: SimulazioneAvviso) {}

  @RpcHandler(MISURE_RPC.simulaAvviso)
  simula(dto: SimulaAvvisoV1): Promise<SimulazioneAvvisoV1> {
    return this.simulazione.simula(dto);
  }
}
