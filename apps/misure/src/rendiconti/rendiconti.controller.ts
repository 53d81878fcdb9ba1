import {
  LeggiRendicontazioneFnaV1,
  LeggiRendicontoMisureV1,
  MISURE_RPC,
  type RendicontazioneFnaV1,
  type RendicontoMisureV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RendicontiService } from './rendiconti.service';

@RpcController()
export class RendicontiController {
  constructor(private readonly rendiconti: RendicontiService) {}

  @RpcHandler(MISURE_RPC.leggiRendiconto)
  leggi(dto: LeggiRendicontoMisureV1): Promise<RendicontoMisureV1> {
    return this.rendiconti.rendiconto(dto);
  }

  @RpcHandler(MISURE_RPC.leggiRendicontazioneFna)
  fna(dto: LeggiRendicontazioneFnaV1): Promise<RendicontazioneFnaV1> {
    return this.rendiconti.fna(dto);
  }
}
