import {
  INTEGRAZIONI_RPC,
  type ElencaFlussiSiussV1,
  type ElencaRecordSiussV1,
  type ElencoFlussiSiussV1,
  type ElencoRecordSiussV1,
  type EsitiSiussRecepitiV1,
  type GeneraLottoSiussV1,
  type LottoSiussV1,
  type NotificaEsitiSiussV1,
  type StatoSiussV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { SiussService } from './siuss.service';

/** The WaaS operations INPS calls through the gateway, and the Ufficio di Piano's view of the records. */
@RpcController()
export class SiussController {
  constructor(private readonly siuss: SiussService) {}

  @RpcHandler(INTEGRAZIONI_RPC.statoSiuss)
  stato(): Promise<StatoSiussV1> {
    return Promise.resolve({ stato: 'ok' });
  }

  @RpcHandler(INTEGRAZIONI_RPC.elencaFlussiSiuss)
  flussi(dto: ElencaFlussiSiussV1): Promise<ElencoFlussiSiussV1> {
    return this.siuss.flussi(dto);
  }

  @RpcHandler(INTEGRAZIONI_RPC.notificaEsitiSiuss)
  esiti(dto: NotificaEsitiSiussV1): Promise<EsitiSiussRecepitiV1> {
    return this.siuss.esiti(dto);
  }

  @RpcHandler(INTEGRAZIONI_RPC.elencaRecordSiuss)
  record(dto: ElencaRecordSiussV1): Promise<ElencoRecordSiussV1> {
    return this.siuss.record(dto);
  }

  @RpcHandler(INTEGRAZIONI_RPC.generaLottoSiuss)
  lotto(dto: GeneraLottoSiussV1): Promise<LottoSiussV1> {
    return this.siuss.lotto(dto.anno);
  }
}
