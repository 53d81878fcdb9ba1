import {
  BUDGET_RPC,
  ElencaFondiV1,
  RegistraAssegnazioneV1,
  type AnnualitaV1,
  type FondoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { FondiService } from './fondi.service';

@RpcController()
export class FondiController {
  constructor(private readonly fondi: FondiService) {}

  @RpcHandler(BUDGET_RPC.elencaFondi)
  elenca(dto: ElencaFondiV1): Promise<FondoV1[]> {
    return this.fondi.elenca(dto);
  }

  @RpcHandler(BUDGET_RPC.registraAssegnazione)
  registraAssegnazione(dto: RegistraAssegnazioneV1): Promise<AnnualitaV1> {
    return this.fondi.registraAssegnazione(dto);
  }
}
