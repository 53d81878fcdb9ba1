import { Injectable } from '@nestjs/common';
import { AuditService } from '@ambito/audit';
import {
  subjectParts,
  type IdentityRefusal,
  type RpcRefusal,
  type RpcRefusalRecorder,
} from '@ambito/messaging';
import { AccessiRepository } from '../accessi/accessi.repository';

/**
 * A request on persone, accessi or the audit log refused for the actor's role is an audited refusal like
 * the others, traced to the person concerned (statistics and the territorio hold no personal data: not
 * traced).
 * A request whose actor is not verified is traced on every subject, without anything of the request.
 */
@Injectable()
export class RifiutiRpcRecorder implements RpcRefusalRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly accessi: AccessiRepository,
  ) {}

  async recordRefusal({ declaration, actor, error, request }: RpcRefusal): Promise<void> {
    const { risorsa, azione } = subjectParts(declaration.subject);
    if (risorsa !== 'persona' && risorsa !== 'accesso' && risorsa !== 'audit') return;
    const id = uuidDa(request, 'id');
    const personaId =
      risorsa === 'persona'
        ? id
        : (uuidDa(request, 'personaId') ?? (id ? await this.accessi.personaIdDi(id) : null));
    await this.audit.negato(actor, { azione, risorsa, risorsaId: id, soggettoId: personaId }, error);
  }

  async recordIdentityRefusal({ declaration, error }: IdentityRefusal): Promise<void> {
    await this.audit.identitaNonVerificata(subjectParts(declaration.subject), error);
  }
}

function uuidDa(request: unknown, campo: string): string | null {
  const value =
    request && typeof request === 'object' ? (request as Record<string, unknown>)[campo] : undefined;
  return typeof value === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    ? value
    : null;
}
