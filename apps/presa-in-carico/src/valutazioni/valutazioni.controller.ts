import {
  ElencaStrumentiV1,
  PRESA_IN_CARICO_RPC,
  RegistraValutazioneV1,
  type StrumentoV1,
  type ValutazioneV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ValutazioniService } from './valutazioni.service';

@RpcController()
export class ValutazioniController {
  constructor(private readonly valutazioni: ValutazioniService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaStrumenti)
  strumenti(dto: ElencaStrumentiV1): Promise<StrumentoV1[]> {
    return this.valutazioni.strumenti(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.registraValutazione)
  registra(dto: RegistraValutazioneV1): Promise<ValutazioneV1> {
    return this.valutazioni.registra(dto);
  }
}
