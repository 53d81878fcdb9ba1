import { Injectable } from '@nestjs/common';
import { AuditService } from '@ambito/audit';
import {
  subjectParts,
  type IdentityRefusal,
  type RpcRefusal,
  type RpcRefusalRecorder,
} from '@ambito/messaging';

/**
 * A request refused for the actor's role (the `ruoli` of its declaration) is a row of `voce_audit`
 * like any other refusal. When a message concerns a person, set `soggettoId` from the request's ids
 * (see apps/accesso/src/audit/rifiuti-rpc.recorder.ts); messages without personal data may return early.
 * A request whose actor is not verified is recorded on every subject, with nothing of the request.
 */
@Injectable()
export class RifiutiRpcRecorder implements RpcRefusalRecorder {
  constructor(private readonly audit: AuditService) {}

  async recordRefusal({ declaration, actor, error }: RpcRefusal): Promise<void> {
    const { risorsa, azione } = subjectParts(declaration.subject);
    await this.audit.negato(actor, { azione, risorsa }, error);
  }

  async recordIdentityRefusal({ declaration, error }: IdentityRefusal): Promise<void> {
    await this.audit.identitaNonVerificata(subjectParts(declaration.subject), error);
  }
}
