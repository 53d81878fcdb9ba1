import {
  MISURE_RPC,
  type BeneficioV1,
  type ChiudiSospensioneBeneficioV1,
  type ElencaBeneficiV1,
  type LeggiBeneficioV1,
  type PaginaBeneficiV1,
  type RegistraSospensioneBeneficioV1,
  type RinnovaIseeBeneficioV1,
  type TerminaBeneficioV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { BeneficiService } from './benefici.service';

@RpcController()
export class BeneficiController {
  constructor(private readonly benefici: BeneficiService) {}

  @RpcHandler(MISURE_RPC.leggiBeneficio)
  leggi(dto: LeggiBeneficioV1): Promise<BeneficioV1> {
    return this.benefici.leggi(dto.id);
  }

  @RpcHandler(MISURE_RPC.elencaBenefici)
  elenca(dto: ElencaBeneficiV1): Promise<PaginaBeneficiV1> {
    return this.benefici.elenca(dto);
  }

  @RpcHandler(MISURE_RPC.sospendiBeneficio)
  sospendi(dto: RegistraSospensioneBeneficioV1): Promise<BeneficioV1> {
    return this.benefici.registraSospensione(dto);
  }

  @RpcHandler(MISURE_RPC.chiudiSospensioneBeneficio)
  chiudiSospensione(dto: ChiudiSospensioneBeneficioV1): Promise<BeneficioV1> {
    return this.benefici.chiudiSospensione(dto);
  }

  @RpcHandler(MISURE_RPC.rinnovaIseeBeneficio)
  rinnovaIsee(dto: RinnovaIseeBeneficioV1): Promise<BeneficioV1> {
    return this.benefici.rinnovaIsee(dto);
  }

  @RpcHandler(MISURE_RPC.terminaBeneficio)
  termina(dto: TerminaBeneficioV1): Promise<BeneficioV1> {
    return this.benefici.terminaDaOperatore(dto);
  }
}
