import {
  BUDGET_RPC,
  DecidiVariazioneV1,
  ElencaVariazioniV1,
  ProponiVariazioneV1,
  type VariazioneV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { VariazioniService } from './variazioni.service';

@RpcController()
export class VariazioniController {
  constructor(private readonly variazioni: VariazioniService) {}

  @RpcHandler(BUDGET_RPC.proponiVariazione)
  proponi(dto: ProponiVariazioneV1): Promise<VariazioneV1> {
    return this.variazioni.proponi(dto);
  }

  @RpcHandler(BUDGET_RPC.decidiVariazione)
  decidi(dto: DecidiVariazioneV1): Promise<VariazioneV1> {
    return this.variazioni.decidi(dto);
  }

  @RpcHandler(BUDGET_RPC.elencaVariazioni)
  elenca(dto: ElencaVariazioniV1): Promise<VariazioneV1[]> {
    return this.variazioni.elenca(dto);
  }
}
