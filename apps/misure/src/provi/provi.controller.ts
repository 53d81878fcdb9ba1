import {
  LeggiProgettoProViV1,
  MISURE_RPC,
  RegistraProgettoProViV1,
  RegistraRendicontoProViV1,
  type ProgettoProViV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ProViService } from './provi.service';

@RpcController()
export class ProViController {
  constructor(private readonly proVi: ProViService) {}

  @RpcHandler(MISURE_RPC.registraProgettoProVi)
  registraProgetto(dto: RegistraProgettoProViV1): Promise<ProgettoProViV1> {
    return this.proVi.registraProgetto(dto);
  }

  @RpcHandler(MISURE_RPC.registraRendicontoProVi)
  registraRendiconto(dto: RegistraRendicontoProViV1): Promise<ProgettoProViV1> {
    return this.proVi.registraRendiconto(dto);
  }

  @RpcHandler(MISURE_RPC.leggiProgettoProVi)
  leggi(dto: LeggiProgettoProViV1): Promise<ProgettoProViV1> {
    return this.proVi.leggi(dto.id);
  }
}
