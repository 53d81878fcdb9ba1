import {
  BUDGET_RPC,
  DeliberaQuotaCapitariaV1,
  ProspettoQuoteComuniV1,
  RegistraAbitantiV1,
  type AbitantiRegistratiV1,
  type ProspettoQuoteComuniRispostaV1,
  type QuotaCapitariaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { QuoteComuniService } from './quote-comuni.service';

@RpcController()
export class QuoteComuniController {
  constructor(private readonly quote: QuoteComuniService) {}

  @RpcHandler(BUDGET_RPC.deliberaQuotaCapitaria)
  delibera(dto: DeliberaQuotaCapitariaV1): Promise<QuotaCapitariaV1> {
    return this.quote.delibera(dto);
  }

  @RpcHandler(BUDGET_RPC.registraAbitanti)
  registraAbitanti(dto: RegistraAbitantiV1): Promise<AbitantiRegistratiV1> {
    return this.quote.registraAbitanti(dto);
  }

  @RpcHandler(BUDGET_RPC.prospettoQuoteComuni)
  prospetto(dto: ProspettoQuoteComuniV1): Promise<ProspettoQuoteComuniRispostaV1> {
    return this.quote.prospetto(dto);
  }
}
