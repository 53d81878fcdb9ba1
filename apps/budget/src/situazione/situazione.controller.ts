import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  SituazioneFondoV1,
  SituazioneLineaV1,
  type SituazioneFondoRispostaV1,
  type SituazioneLineaRispostaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { SituazioneService } from './situazione.service';

@RpcController()
export class SituazioneController {
  constructor(private readonly situazione: SituazioneService) {}

  @MessagePattern(BUDGET_RPC.situazioneFondo)
  fondo(@Payload() dto: SituazioneFondoV1): Promise<SituazioneFondoRispostaV1> {
    return this.situazione.fondo(dto);
  }

  @MessagePattern(BUDGET_RPC.situazioneLinea)
  linea(@Payload() dto: SituazioneLineaV1): Promise<SituazioneLineaRispostaV1> {
    return this.situazione.linea(dto);
  }
}
