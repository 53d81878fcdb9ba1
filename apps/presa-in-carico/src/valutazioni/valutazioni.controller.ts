import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ElencaStrumentiV1,
  PRESA_IN_CARICO_RPC,
  RegistraValutazioneV1,
  type StrumentoV1,
  type ValutazioneV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { ValutazioniService } from './valutazioni.service';

@RpcController()
export class ValutazioniController {
  constructor(private readonly valutazioni: ValutazioniService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.elencaStrumenti)
  strumenti(@Payload() dto: ElencaStrumentiV1): Promise<StrumentoV1[]> {
    return this.valutazioni.strumenti(dto);
  }

  @MessagePattern(PRESA_IN_CARICO_RPC.registraValutazione)
  registra(@Payload() dto: RegistraValutazioneV1): Promise<ValutazioneV1> {
    return this.valutazioni.registra(dto);
  }
}
