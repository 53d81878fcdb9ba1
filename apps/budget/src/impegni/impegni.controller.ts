import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  LeggiImpegnoV1,
  LiberaImpegnoV1,
  RegistraLiquidazioneV1,
  RegistraMandatoV1,
  RichiediImpegnoV1,
  type ImpegnoV1,
  type LiquidazioneV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { ImpegniService } from './impegni.service';

@RpcController()
export class ImpegniController {
  constructor(private readonly impegni: ImpegniService) {}

  @MessagePattern(BUDGET_RPC.richiediImpegno)
  richiedi(@Payload() dto: RichiediImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.richiedi(dto);
  }

  @MessagePattern(BUDGET_RPC.leggiImpegno)
  leggi(@Payload() dto: LeggiImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.leggi(dto.id);
  }

  @MessagePattern(BUDGET_RPC.liberaImpegno)
  libera(@Payload() dto: LiberaImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.libera(dto);
  }

  @MessagePattern(BUDGET_RPC.registraLiquidazione)
  liquida(@Payload() dto: RegistraLiquidazioneV1): Promise<LiquidazioneV1> {
    return this.impegni.liquida(dto);
  }

  @MessagePattern(BUDGET_RPC.registraMandato)
  registraMandato(@Payload() dto: RegistraMandatoV1): Promise<LiquidazioneV1> {
    return this.impegni.registraMandato(dto);
  }
}
