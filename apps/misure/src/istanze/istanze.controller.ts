import {
  ElencaIstanzeV1,
  LeggiIstanzaV1,
  MISURE_RPC,
  ModificaIstanzaV1,
  PresentaIstanzaV1,
  type IstanzaV1,
  type PaginaIstanzeV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { IstanzeService } from './istanze.service';

@RpcController()
export class IstanzeController {
  constructor(private readonly istanze: IstanzeService) {}

  @RpcHandler(MISURE_RPC.presentaIstanza)
  presenta(dto: PresentaIstanzaV1): Promise<IstanzaV1> {
    return this.istanze.presenta(dto);
  }

  @RpcHandler(MISURE_RPC.modificaIstanza)
  modifica(dto: ModificaIstanzaV1): Promise<IstanzaV1> {
    return this.istanze.modifica(dto);
  }

  @RpcHandler(MISURE_RPC.leggiIstanza)
  leggi(dto: LeggiIstanzaV1): Promise<IstanzaV1> {
    return this.istanze.leggi(dto.id);
  }

  @RpcHandler(MISURE_RPC.elencaIstanze)
  elenca(dto: ElencaIstanzeV1): Promise<PaginaIstanzeV1> {
    return this.istanze.elenca(dto);
  }
}
