import {
  EsportaPattiGepiV1,
  INTEGRAZIONI_RPC,
  ImportaNucleiGepiV1,
  type EsportazionePattiGepiV1,
  type ImportazioneGepiV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { EsportaPattiGepiUseCase } from './esporta-patti.use-case';
import { ImportaNucleiGepiUseCase } from './importa-nuclei.use-case';
import { ImportazioniGepiRepository } from './importazioni.repository';

/** GePI: the import of the ADI households and the export of the patti. */
@RpcController()
export class GepiController {
  constructor(
    private readonly importa: ImportaNucleiGepiUseCase,
    private readonly esporta: EsportaPattiGepiUseCase,
  ) {}

  @RpcHandler(INTEGRAZIONI_RPC.importaNucleiGepi)
  importaNuclei(dto: ImportaNucleiGepiV1): Promise<ImportazioneGepiV1> {
    return this.importa.esegui(dto);
  }

  @RpcHandler(INTEGRAZIONI_RPC.esportaPattiGepi)
  esportaPatti(dto: EsportaPattiGepiV1): Promise<EsportazionePattiGepiV1> {
    return this.esporta.esegui(dto);
  }
}

/** The feature's providers, listed in the module. */
export const GEPI_PROVIDERS = [ImportazioniGepiRepository, ImportaNucleiGepiUseCase, EsportaPattiGepiUseCase];
