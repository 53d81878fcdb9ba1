import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  ElencaFondiV1,
  RegistraAssegnazioneV1,
  type AnnualitaV1,
  type FondoV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { FondiService } from './fondi.service';

@RpcController()
export class FondiController {
  constructor(private readonly fondi: FondiService) {}

  @MessagePattern(BUDGET_RPC.elencaFondi)
  elenca(@Payload() _dto: ElencaFondiV1): Promise<FondoV1[]> {
    return this.fondi.elenca();
  }

  @MessagePattern(BUDGET_RPC.registraAssegnazione)
  registraAssegnazione(@Payload() dto: RegistraAssegnazioneV1): Promise<AnnualitaV1> {
    return this.fondi.registraAssegnazione(dto);
  }
}
