import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApprovaProgettoV1,
  PRESA_IN_CARICO_RPC,
  ProponiProgettoV1,
  RegistraVerificaV1,
  RespingiProgettoV1,
  type ProgettoV1,
  type VerificaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { ProgettiService } from './progetti.service';

@RpcController()
export class ProgettiController {
  constructor(private readonly progetti: ProgettiService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.proponiProgetto)
  proponi(@Payload() dto: ProponiProgettoV1): Promise<ProgettoV1> {
    return this.progetti.proponi(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.approvaProgetto)
  approva(@Payload() dto: ApprovaProgettoV1): Promise<ProgettoV1> {
    return this.progetti.approva(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.respingiProgetto)
  respingi(@Payload() dto: RespingiProgettoV1): Promise<ProgettoV1> {
    return this.progetti.respingi(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.registraVerifica)
  verifica(@Payload() dto: RegistraVerificaV1): Promise<VerificaV1> {
    return this.progetti.registraVerifica(dto);
  }
}
