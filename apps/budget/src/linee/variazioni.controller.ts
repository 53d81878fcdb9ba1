import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BUDGET_RPC,
  DecidiVariazioneV1,
  ElencaVariazioniV1,
  ProponiVariazioneV1,
  type VariazioneV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { VariazioniService } from './variazioni.service';

@RpcController()
export class VariazioniController {
  constructor(private readonly variazioni: VariazioniService) {}

  @MessagePattern(BUDGET_RPC.proponiVariazione)
  proponi(@Payload() dto: ProponiVariazioneV1): Promise<VariazioneV1> {
    return this.variazioni.proponi(dto);
  }

  @MessagePattern(BUDGET_RPC.decidiVariazione)
  decidi(@Payload() dto: DecidiVariazioneV1): Promise<VariazioneV1> {
    return this.variazioni.decidi(dto);
  }

  @MessagePattern(BUDGET_RPC.elencaVariazioni)
  elenca(@Payload() dto: ElencaVariazioniV1): Promise<VariazioneV1[]> {
    return this.variazioni.elenca(dto);
  }
}
