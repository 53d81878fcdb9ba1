import {
  IstruisciAvvisoV1,
  LeggiIstruttoriaAvvisoV1,
  MISURE_RPC,
  type IstruttoriaAvvisoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { IstruttoriaAvvisoService } from './istruttoria-avviso.service';

@RpcController()
export class IstruttoriaAvvisoController {
  constructor(private readonly istruttoria: IstruttoriaAvvisoService) {}

  @RpcHandler(MISURE_RPC.istruisciAvviso)
  istruisci(dto: IstruisciAvvisoV1): Promise<IstruttoriaAvvisoV1> {
    return this.istruttoria.istruisci(dto);
  }

  @RpcHandler(MISURE_RPC.leggiIstruttoriaAvviso)
  leggi(dto: LeggiIstruttoriaAvvisoV1): Promise<IstruttoriaAvvisoV1> {
    return this.istruttoria.leggi(dto.avvisoId);
  }
}
