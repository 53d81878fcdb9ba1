import { RpcController } from '@ambito/service-runtime';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ACCESSO_RPC, ElencaAuditV1, type PaginaV1, type VoceAuditV1 } from '@ambito/contracts';
import { RegistroAuditService } from './registro-audit.service';

@RpcController()
export class AuditController {
  constructor(private readonly registro: RegistroAuditService) {}

  @MessagePattern(ACCESSO_RPC.elencaAudit)
  elenca(@Payload() dto: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    return this.registro.elenca(dto);
  }
}
