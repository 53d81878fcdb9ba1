import {
  BUDGET_RPC,
  ElencaRegoleFondoV1,
  RegistraRegolaFondoV1,
  type RegolaFondoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RegoleService } from './regole.service';

@RpcController()
export class RegoleController {
  constructor(private readonly regole: RegoleService) {}

  @RpcHandler(BUDGET_RPC.registraRegola)
  registra(dto: RegistraRegolaFondoV1): Promise<RegolaFondoV1> {
    return this.regole.registra(dto);
  }

  @RpcHandler(BUDGET_RPC.elencaRegole)
  elenca(dto: ElencaRegoleFondoV1): Promise<RegolaFondoV1[]> {
    return this.regole.elenca(dto);
  }
}
