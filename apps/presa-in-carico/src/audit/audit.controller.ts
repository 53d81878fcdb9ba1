import {
  ElencaAuditCartelleV1,
  PRESA_IN_CARICO_RPC,
  type PaginaV1,
  type VoceAuditCartellaV1,
} from '@ambito/contracts';
import { RpcController, RpcHandler } from '@ambito/messaging';
import { RegistroAuditService } from './registro-audit.service';

@RpcController()
export class AuditController {
  constructor(private readonly registro: RegistroAuditService) {}

  @RpcHandler(PRESA_IN_CARICO_RPC.elencaAudit)
  elenca(dto: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    return this.registro.elenca(dto);
  }
}
