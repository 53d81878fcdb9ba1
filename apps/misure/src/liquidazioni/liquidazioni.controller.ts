import {
  BeneficioIdV1,
  ElencaElencoLiquidazioneV1,
  MISURE_RPC,
  ParteElencoLiquidazioneCsvV1,
  MeseLiquidazioniV1,
  RegistraPagamentoBeneficioV1,
  RegistraRecuperoV1,
  RichiediRecuperoV1,
  type ElencoLiquidazioneV1,
  type LiquidazioniMeseV1,
  type ParteCsvElencoLiquidazioneV1,
  type PagamentoBeneficioV1,
  type RecuperoV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler, currentActor } from '@ambito/messaging';
import { LiquidazioniService } from './liquidazioni.service';
import { PagamentiService } from './pagamenti.service';
import { RecuperiService } from './recuperi.service';

@RpcController()
export class LiquidazioniController {
  constructor(
    private readonly liquidazioni: LiquidazioniService,
    private readonly pagamenti: PagamentiService,
    private readonly recuperi: RecuperiService,
  ) {}

  @RpcHandler(MISURE_RPC.liquidaMese)
  liquida(dto: MeseLiquidazioniV1): Promise<LiquidazioniMeseV1> {
    return this.liquidazioni.liquidaMese(dto.mese, currentActor().userId);
  }

  @RpcHandler(MISURE_RPC.leggiLiquidazioniMese)
  leggi(dto: MeseLiquidazioniV1): Promise<LiquidazioniMeseV1> {
    return this.liquidazioni.leggi(dto.mese);
  }

  @RpcHandler(MISURE_RPC.elencoLiquidazione)
  elenco(dto: ElencaElencoLiquidazioneV1): Promise<ElencoLiquidazioneV1> {
    return this.pagamenti.elenco(dto);
  }

  @RpcHandler(MISURE_RPC.elencoLiquidazioneCsv)
  elencoCsv(dto: ParteElencoLiquidazioneCsvV1): Promise<ParteCsvElencoLiquidazioneV1> {
    return this.pagamenti.elencoCsv(dto);
  }

  @RpcHandler(MISURE_RPC.registraPagamentoBeneficio)
  registraPagamento(dto: RegistraPagamentoBeneficioV1): Promise<PagamentoBeneficioV1> {
    return this.pagamenti.registra(dto);
  }

  @RpcHandler(MISURE_RPC.leggiPagamentoBeneficio)
  leggiPagamento(dto: BeneficioIdV1): Promise<PagamentoBeneficioV1> {
    return this.pagamenti.leggi(dto.beneficioId);
  }

  @RpcHandler(MISURE_RPC.elencaRecuperi)
  recuperiDelBeneficio(dto: BeneficioIdV1): Promise<RecuperoV1[]> {
    return this.recuperi.elenca(dto.beneficioId);
  }

  @RpcHandler(MISURE_RPC.registraRecupero)
  registraRecupero(dto: RegistraRecuperoV1): Promise<RecuperoV1> {
    return this.recuperi.registra(dto);
  }

  @RpcHandler(MISURE_RPC.richiediRecupero)
  richiediRecupero(dto: RichiediRecuperoV1): Promise<RecuperoV1> {
    return this.recuperi.richiedi(dto);
  }
}
