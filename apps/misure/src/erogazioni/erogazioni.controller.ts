import {
  MISURE_RPC,
  type ElencaErogazioniMeseV1,
  type ElencaErogazioniRunV1,
  type ErogazioneRunV1,
  type EseguiErogazioniV1,
  type LeggiErogazioneRunV1,
  type PaginaErogazioniV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ErogazioniService } from './erogazioni.service';

@RpcController()
export class ErogazioniController {
  constructor(private readonly erogazioni: ErogazioniService) {}

  @RpcHandler(MISURE_RPC.eseguiErogazioni)
  esegui(dto: EseguiErogazioniV1): Promise<ErogazioneRunV1> {
    return this.erogazioni.esegui(dto);
  }

  @RpcHandler(MISURE_RPC.leggiErogazioneRun)
  leggi(dto: LeggiErogazioneRunV1): Promise<ErogazioneRunV1> {
    return this.erogazioni.leggi(dto.id);
  }

  @RpcHandler(MISURE_RPC.elencaErogazioniRun)
  elenca(dto: ElencaErogazioniRunV1): Promise<ErogazioneRunV1[]> {
    return this.erogazioni.elenca(dto.mese);
  }

  @RpcHandler(MISURE_RPC.elencaErogazioniMese)
  mensilita(dto: ElencaErogazioniMeseV1): Promise<PaginaErogazioniV1> {
    return this.erogazioni.mensilita(dto);
  }
}
