import { Module, type DynamicModule } from '@nestjs/common';
import { OPZIONI_AUDIT, type OpzioniAudit } from './audit-options';
import { AuditService } from './audit.service';
import { RegistroAudit } from './registro-audit';
import { WriteGate } from './write-gate';

/**
 * The audit log of a service's personal data (the service lists VoceAuditEntity among its entities and
 * a `voce_audit` migration): AuditService, RegistroAudit and WriteGate for the service's providers.
 */
@Module({})
export class AuditModule {
  static forRoot(opzioni: OpzioniAudit): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: OPZIONI_AUDIT, useValue: opzioni }, AuditService, RegistroAudit, WriteGate],
      exports: [AuditService, RegistroAudit, WriteGate],
    };
  }
}
