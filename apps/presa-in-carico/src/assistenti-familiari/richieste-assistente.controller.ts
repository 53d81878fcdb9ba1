import {
  ElencaRichiesteAssistenteV1,
  PRESA_IN_CARICO_RPC,
  ProponiRichiestaAssistenteV1,
  type RichiestaAssistenteV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RichiesteAssistenteService } from './richieste-assistente.service';

@RpcController()
export class RichiesteAssistenteController {
  constructor(private readonly richieste: RichiesteAssistenteService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.proponiRichiestaAssistente)
  proponi(dto: ProponiRichiestaAssistenteV1): Promise<RichiestaAssistenteV1> {
    return this.richieste.proponi(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaRichiesteAssistente)
  elenca(dto: ElencaRichiesteAssistenteV1): Promise<RichiestaAssistenteV1[]> {
    return this.richieste.elenca(dto);
  }
}
