import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ElencaEquipeV1,
  PRESA_IN_CARICO_RPC,
  RegistraMembroEquipeV1,
  type MembroEquipeV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { EquipeService } from './equipe.service';

@RpcController()
export class EquipeController {
  constructor(private readonly equipe: EquipeService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.registraMembroEquipe)
  registra(@Payload() dto: RegistraMembroEquipeV1): Promise<MembroEquipeV1> {
    return this.equipe.registra(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.elencaEquipe)
  elenca(@Payload() dto: ElencaEquipeV1): Promise<MembroEquipeV1[]> {
    return this.equipe.elenca(dto);
  }
}
