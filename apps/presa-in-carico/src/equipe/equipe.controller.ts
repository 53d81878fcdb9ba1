import {
  ElencaEquipeV1,
  PRESA_IN_CARICO_RPC,
  RegistraMembroEquipeV1,
  type MembroEquipeV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { EquipeService } from './equipe.service';

@RpcController()
export class EquipeController {
  constructor(private readonly equipe: EquipeService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.registraMembroEquipe)
  registra(dto: RegistraMembroEquipeV1): Promise<MembroEquipeV1> {
    return this.equipe.registra(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaEquipe)
  elenca(dto: ElencaEquipeV1): Promise<MembroEquipeV1[]> {
    return this.equipe.elenca(dto);
  }
}
