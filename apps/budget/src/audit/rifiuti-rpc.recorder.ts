import { Injectable } from '@nestjs/common';
import { AuditService } from '@ambito/audit';
import { BUDGET_RPC } from '@ambito/contracts';
import {
  subjectParts,
  type IdentityRefusal,
  type RpcRefusal,
  type RpcRefusalRecorder,
} from '@ambito/messaging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A read of an impegno (it names a beneficiary) refused for the actor's role is an audited refusal like
 * the others. The rest of the budget (funds, lines, balances) holds no personal data: not traced.
 * A request whose actor is not verified is traced on every subject, without anything of the request.
 */
@Injectable()
export class RifiutiRpcRecorder implements RpcRefusalRecorder {
  constructor(private readonly audit: AuditService) {}

  async recordRefusal({ declaration, actor, error, request }: RpcRefusal): Promise<void> {
    if (declaration.subject !== BUDGET_RPC.leggiImpegno.subject) return;
    const id = (request as { id?: unknown } | null)?.id;
    const impegnoId = typeof id === 'string' && UUID.test(id) ? id : null;
    await this.audit.negato(
      actor,
      { azione: 'leggi', risorsa: 'impegno', risorsaId: impegnoId, soggettoId: impegnoId },
      error,
    );
  }

  async recordIdentityRefusal({ declaration, error }: IdentityRefusal): Promise<void> {
    await this.audit.identitaNonVerificata(subjectParts(declaration.subject), error);
  }
}
