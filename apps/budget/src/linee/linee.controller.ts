import {
  AssegnaDotazioneV1,
  BUDGET_RPC,
  ElencaLineeV1,
  RegistraArticoloV1,
  RegistraLineaV1,
  type DotazioneV1,
  type LineaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { LineeService } from './linee.service';

@RpcController()
export class LineeController {
  constructor(private readonly linee: LineeService) {}

  @RpcHandler(BUDGET_RPC.registraLinea)
  registra(dto: RegistraLineaV1): Promise<LineaV1> {
    return this.linee.registra(dto);
  }

  @RpcHandler(BUDGET_RPC.registraArticolo)
  registraArticolo(dto: RegistraArticoloV1): Promise<LineaV1> {
    return this.linee.registraArticolo(dto);
  }

  @RpcHandler(BUDGET_RPC.elencaLinee)
  elenca(dto: ElencaLineeV1): Promise<LineaV1[]> {
    return this.linee.elenca(dto);
  }

  @RpcHandler(BUDGET_RPC.assegnaDotazione)
  assegnaDotazione(dto: AssegnaDotazioneV1): Promise<DotazioneV1> {
    return this.linee.assegnaDotazione(dto);
  }
}
