import {
  BUDGET_RPC,
  LeggiImpegnoV1,
  RegistraLiquidazioneV1,
  RegistraLiquidazioniLottoV1,
  RegistraMandatoV1,
  RiduciImpegnoV1,
  RichiediImpegniLottoV1,
  RichiediImpegnoV1,
  type ImpegnoV1,
  type LiquidazioneV1,
  type MandatoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { ImpegniService } from './impegni.service';

@RpcController()
export class ImpegniController {
  constructor(private readonly impegni: ImpegniService) {}

  @RpcHandler(BUDGET_RPC.richiediImpegno)
  richiedi(dto: RichiediImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.richiedi(dto);
  }

  @RpcHandler(BUDGET_RPC.richiediImpegniLotto)
  richiediLotto(dto: RichiediImpegniLottoV1): Promise<ImpegnoV1[]> {
    return this.impegni.richiediLotto(dto);
  }

  @RpcHandler(BUDGET_RPC.leggiImpegno)
  leggi(dto: LeggiImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.leggi(dto.id);
  }

  @RpcHandler(BUDGET_RPC.riduciImpegno)
  riduci(dto: RiduciImpegnoV1): Promise<ImpegnoV1> {
    return this.impegni.riduci(dto);
  }

  @RpcHandler(BUDGET_RPC.registraLiquidazione)
  liquida(dto: RegistraLiquidazioneV1): Promise<LiquidazioneV1> {
    return this.impegni.liquida(dto);
  }

  @RpcHandler(BUDGET_RPC.registraLiquidazioniLotto)
  liquidaLotto(dto: RegistraLiquidazioniLottoV1): Promise<LiquidazioneV1[]> {
    return this.impegni.liquidaLotto(dto);
  }

  @RpcHandler(BUDGET_RPC.registraMandato)
  registraMandato(dto: RegistraMandatoV1): Promise<MandatoV1> {
    return this.impegni.registraMandato(dto);
  }
}
