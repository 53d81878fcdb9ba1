import { BUDGET_RPC, RegistraQuoteCofinanziateV1, type QuoteCofinanziateV1 } from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { CofinanziamentoService } from './cofinanziamento.service';

@RpcController()
export class CofinanziamentoController {
  constructor(private readonly cofinanziamento: CofinanziamentoService) {}

  @RpcHandler(BUDGET_RPC.registraQuoteCofinanziate)
  registra(dto: RegistraQuoteCofinanziateV1): Promise<QuoteCofinanziateV1> {
    return this.cofinanziamento.registra(dto);
  }
}
