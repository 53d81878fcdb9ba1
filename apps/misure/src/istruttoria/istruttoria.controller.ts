import {
  DecidiIstruttoriaV1,
  ElencaIstruttorieV1,
  MISURE_RPC,
  RiesaminaIstanzaV1,
  type IstruttoriaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { IstruttoriaService } from './istruttoria.service';

@RpcController()
export class IstruttoriaController {
  constructor(private readonly istruttoria: IstruttoriaService) {}

  @RpcHandler(MISURE_RPC.elencaIstruttorie)
  elenca(dto: ElencaIstruttorieV1): Promise<IstruttoriaV1[]> {
    return this.istruttoria.elenca(dto.istanzaId);
  }

  @RpcHandler(MISURE_RPC.decidiIstruttoria)
  decidi(dto: DecidiIstruttoriaV1): Promise<IstruttoriaV1> {
    return this.istruttoria.decidi(dto);
  }

  @RpcHandler(MISURE_RPC.riesaminaIstanza)
  riesamina(dto: RiesaminaIstanzaV1): Promise<IstruttoriaV1> {
    return this.istruttoria.riesamina(dto.istanzaId, dto.motivo);
  }
}
