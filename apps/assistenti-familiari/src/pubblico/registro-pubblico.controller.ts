import {
  ASSISTENTI_FAMILIARI_RPC,
  ElencaRegistroPubblicoV1,
  type PaginaRegistroPubblicoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RegistroPubblicoService } from './registro-pubblico.service';

/** The public register: the gateway's public route, no user (the actor is the anonymous `pubblico`). */
@RpcController()
export class RegistroPubblicoController {
  constructor(private readonly pubblico: RegistroPubblicoService) {}

  @RpcHandler(ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico)
  elenca(dto: ElencaRegistroPubblicoV1): Promise<PaginaRegistroPubblicoV1> {
    return this.pubblico.elenca(dto);
  }
}
