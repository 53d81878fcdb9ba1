import {
  BUDGET_RPC,
  ElencaAbilitazioniV1,
  RegistraAbilitazioneV1,
  RevocaAbilitazioneV1,
  type AbilitazioneV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { Abilitazioni } from './abilitazioni.service';

@RpcController()
export class AbilitazioniController {
  constructor(private readonly abilitazioni: Abilitazioni) {}

  @RpcHandler(BUDGET_RPC.registraAbilitazione)
  registra(dto: RegistraAbilitazioneV1): Promise<AbilitazioneV1> {
    return this.abilitazioni.registra(dto);
  }

  @RpcHandler(BUDGET_RPC.elencaAbilitazioni)
  elenca(dto: ElencaAbilitazioniV1): Promise<AbilitazioneV1[]> {
    return this.abilitazioni.elenca(dto);
  }

  @RpcHandler(BUDGET_RPC.revocaAbilitazione)
  revoca(dto: RevocaAbilitazioneV1): Promise<AbilitazioneV1> {
    return this.abilitazioni.revoca(dto);
  }
}
