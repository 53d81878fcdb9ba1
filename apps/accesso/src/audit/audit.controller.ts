import { ACCESSO_RPC, ElencaAuditV1, type PaginaV1, type VoceAuditV1 } from '@ambito/contracts';
import { RegistroAuditService } from './registro-audit.service';
import { RpcController, RpcHandler } from '@ambito/messaging';

@RpcController()
export class AuditController {
  constructor(private readonly registro: RegistroAuditService) {}

  @RpcHandler(ACCESSO_RPC.elencaAudit)
  elenca(dto: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    return this.registro.elenca(dto);
  }
}
