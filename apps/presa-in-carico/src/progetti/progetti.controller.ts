import {
  ApprovaProgettoV1,
  PRESA_IN_CARICO_RPC,
  ProponiProgettoV1,
  RegistraVerificaV1,
  RespingiProgettoV1,
  type ProgettoV1,
  type VerificaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ProgettiService } from './progetti.service';

@RpcController()
export class ProgettiController {
  constructor(private readonly progetti: ProgettiService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.proponiProgetto)
  proponi(dto: ProponiProgettoV1): Promise<ProgettoV1> {
    return this.progetti.proponi(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.approvaProgetto)
  approva(dto: ApprovaProgettoV1): Promise<ProgettoV1> {
    return this.progetti.approva(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.respingiProgetto)
  respingi(dto: RespingiProgettoV1): Promise<ProgettoV1> {
    return this.progetti.respingi(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.registraVerifica)
  verifica(dto: RegistraVerificaV1): Promise<VerificaV1> {
    return this.progetti.registraVerifica(dto);
  }
}
