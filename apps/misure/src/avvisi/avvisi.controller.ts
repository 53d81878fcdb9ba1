import {
  AvvisoIdV1,
  CreaAvvisoV1,
  ElencaAvvisiMisuraV1,
  MISURE_RPC,
  type AvvisoMisuraV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { AvvisiService } from './avvisi.service';

@RpcController()
export class AvvisiController {
  constructor(private readonly avvisi: AvvisiService) {}

  @RpcHandler(MISURE_RPC.creaAvviso)
  crea(dto: CreaAvvisoV1): Promise<AvvisoMisuraV1> {
    return this.avvisi.crea(dto);
  }

  @RpcHandler(MISURE_RPC.pubblicaAvviso)
  pubblica(dto: AvvisoIdV1): Promise<AvvisoMisuraV1> {
    return this.avvisi.pubblica(dto.id);
  }

  @RpcHandler(MISURE_RPC.chiudiAvviso)
  chiudi(dto: AvvisoIdV1): Promise<AvvisoMisuraV1> {
    return this.avvisi.chiudi(dto.id);
  }

  @RpcHandler(MISURE_RPC.leggiAvviso)
  leggi(dto: AvvisoIdV1): Promise<AvvisoMisuraV1> {
    return this.avvisi.leggi(dto.id);
  }

  @RpcHandler(MISURE_RPC.elencaAvvisi)
  elenca(dto: ElencaAvvisiMisuraV1): Promise<AvvisoMisuraV1[]> {
    return this.avvisi.elenca(dto);
  }
}
