import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssegnaDotazioneV1,
  BUDGET_RPC,
  ElencaLineeV1,
  RegistraLineaV1,
  type DotazioneV1,
  type LineaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { LineeService } from './linee.service';

@RpcController()
export class LineeController {
  constructor(private readonly linee: LineeService) {}

  @MessagePattern(BUDGET_RPC.registraLinea)
  registra(@Payload() dto: RegistraLineaV1): Promise<LineaV1> {
    return this.linee.registra(dto);
  }

  @MessagePattern(BUDGET_RPC.elencaLinee)
  elenca(@Payload() dto: ElencaLineeV1): Promise<LineaV1[]> {
    return this.linee.elenca(dto);
  }

  @MessagePattern(BUDGET_RPC.assegnaDotazione)
  assegnaDotazione(@Payload() dto: AssegnaDotazioneV1): Promise<DotazioneV1> {
    return this.linee.assegnaDotazione(dto);
  }
}
