import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  ElencaRegoleFondoV1,
  RegistraRegolaFondoV1,
  type RegolaFondoV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { RegoleService } from './regole.service';

@RpcController()
export class RegoleController {
  constructor(private readonly regole: RegoleService) {}

  @MessagePattern(BUDGET_RPC.registraRegola)
  registra(@Payload() dto: RegistraRegolaFondoV1): Promise<RegolaFondoV1> {
    return this.regole.registra(dto);
  }

  @MessagePattern(BUDGET_RPC.elencaRegole)
  elenca(@Payload() dto: ElencaRegoleFondoV1): Promise<RegolaFondoV1[]> {
    return this.regole.elenca(dto);
  }
}
