import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  DeliberaQuotaCapitariaV1,
  ProspettoQuoteComuniV1,
  RegistraAbitantiV1,
  type AbitantiRegistratiV1,
  type ProspettoQuoteComuniRispostaV1,
  type QuotaCapitariaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { QuoteComuniService } from './quote-comuni.service';

@RpcController()
export class QuoteComuniController {
  constructor(private readonly quote: QuoteComuniService) {}

  @MessagePattern(BUDGET_RPC.deliberaQuotaCapitaria)
  delibera(@Payload() dto: DeliberaQuotaCapitariaV1): Promise<QuotaCapitariaV1> {
    return this.quote.delibera(dto);
  }

  @MessagePattern(BUDGET_RPC.registraAbitanti)
  registraAbitanti(@Payload() dto: RegistraAbitantiV1): Promise<AbitantiRegistratiV1> {
    return this.quote.registraAbitanti(dto);
  }

  @MessagePattern(BUDGET_RPC.prospettoQuoteComuni)
  prospetto(@Payload() dto: ProspettoQuoteComuniV1): Promise<ProspettoQuoteComuniRispostaV1> {
    return this.quote.prospetto(dto);
  }
}
