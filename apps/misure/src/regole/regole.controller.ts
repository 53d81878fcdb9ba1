import {
  AttivaRegoleMisuraV1,
  CopiaRegoleMisuraV1,
  DomainError,
  ElencaRegoleMisuraV1,
  LeggiRegoleInVigoreV1,
  LeggiRegoleMisuraV1,
  MISURE_RPC,
  type RiepilogoRegoleMisuraV1,
  type VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RegoleRepository } from './regole.repository';
import { RegoleService } from './regole.service';

@RpcController()
export class RegoleController {
  constructor(
    private readonly repository: RegoleRepository,
    private readonly service: RegoleService,
  ) {}

  @RpcHandler(MISURE_RPC.elencaRegole)
  elenca(dto: ElencaRegoleMisuraV1): Promise<RiepilogoRegoleMisuraV1[]> {
    return this.repository.elenca(dto);
  }

  @RpcHandler(MISURE_RPC.leggiRegole)
  async leggi(dto: LeggiRegoleMisuraV1): Promise<VersioneRegoleMisuraV1> {
    const regole = await this.repository.leggi(dto.id);
    if (!regole)
      throw new DomainError(
        'RISORSA_NON_TROVATA',
        `Nessuna versione delle regole con id ${dto.id} nell’Ambito.`,
      );
    return regole;
  }

  @RpcHandler(MISURE_RPC.leggiRegoleInVigore)
  async inVigore(dto: LeggiRegoleInVigoreV1): Promise<VersioneRegoleMisuraV1> {
    const regole = await this.repository.inVigore(dto.misura, dto.giorno);
    if (!regole)
      throw new DomainError(
        'RISORSA_NON_TROVATA',
        `Nessuna versione delle regole della misura ${dto.misura} in vigore il ${dto.giorno}.`,
      );
    return regole;
  }

  @RpcHandler(MISURE_RPC.copiaRegole)
  copia(dto: CopiaRegoleMisuraV1): Promise<VersioneRegoleMisuraV1> {
    return this.service.copia(dto);
  }

  @RpcHandler(MISURE_RPC.attivaRegole)
  attiva(dto: AttivaRegoleMisuraV1): Promise<VersioneRegoleMisuraV1> {
    return this.service.attiva(dto);
  }
}
