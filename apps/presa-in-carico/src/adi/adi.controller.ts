import {
  ElencaNucleiAdiV1,
  LeggiPattiAdiV1,
  PRESA_IN_CARICO_RPC,
  RegistraNucleiAdiV1,
  type NucleoAdiV1,
  type PaginaV1,
  type PattoAdiV1,
  type RegistrazioneNucleiAdiV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { AvvisiAdi, ElencaNucleiAdiQuery, LeggiPattiAdiQuery } from './nuclei-adi.queries';
import { RegistraNucleiAdiUseCase } from './registra-nuclei.use-case';

/** The ADI households from GePI: their registration, the deadlines board and the patti for GePI. */
@RpcController()
export class AdiController {
  constructor(
    private readonly registra: RegistraNucleiAdiUseCase,
    private readonly elenca: ElencaNucleiAdiQuery,
    private readonly patti: LeggiPattiAdiQuery,
  ) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.registraNucleiAdi)
  registraNuclei(dto: RegistraNucleiAdiV1): Promise<RegistrazioneNucleiAdiV1> {
    return this.registra.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaNucleiAdi)
  elencaNuclei(dto: ElencaNucleiAdiV1): Promise<PaginaV1<NucleoAdiV1>> {
    return this.elenca.esegui(dto);
  }

  @RpcHandler(PRESA_IN_CARICO_RPC.leggiPattiAdi)
  leggiPatti(dto: LeggiPattiAdiV1): Promise<PattoAdiV1[]> {
    return this.patti.esegui(dto);
  }
}

/** The feature's providers, listed in the module. */
export const ADI_PROVIDERS = [RegistraNucleiAdiUseCase, ElencaNucleiAdiQuery, LeggiPattiAdiQuery, AvvisiAdi];
