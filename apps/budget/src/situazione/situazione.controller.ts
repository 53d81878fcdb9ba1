import {
  BUDGET_RPC,
  SituazioneFondoV1,
  SituazioneLineaV1,
  type SituazioneFondoRispostaV1,
  type SituazioneLineaRispostaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { SituazioneService } from './situazione.service';

@RpcController()
export class SituazioneController {
  constructor(private readonly situazione: SituazioneService) {}

  @RpcHandler(BUDGET_RPC.situazioneFondo)
  fondo(dto: SituazioneFondoV1): Promise<SituazioneFondoRispostaV1> {
    return this.situazione.fondo(dto);
  }

  @RpcHandler(BUDGET_RPC.situazioneLinea)
  linea(dto: SituazioneLineaV1): Promise<SituazioneLineaRispostaV1> {
    return this.situazione.linea(dto);
  }
}
