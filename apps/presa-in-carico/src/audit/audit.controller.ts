import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ElencaAuditCartelleV1,
  PRESA_IN_CARICO_RPC,
  type PaginaV1,
  type VoceAuditCartellaV1,
} from '@ambito/contracts';
import { RpcController } from '@ambito/service-runtime';
import { RegistroAuditService } from './registro-audit.service';

@RpcController()
export class AuditController {
  constructor(private readonly registro: RegistroAuditService) {}

  @MessagePattern(PRESA_IN_CARICO_RPC.elencaAudit)
  elenca(@Payload() dto: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    return this.registro.elenca(dto);
  }
}
