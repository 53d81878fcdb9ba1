import { Injectable } from '@nestjs/common';
import { RegistroAudit, toVoceAudit } from '@ambito/audit';
import type { ElencaAuditV1, PaginaV1, VoceAuditV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { assertRevisore } from '../scope/ambito-visibilita';

/** The audit log of accesso, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(private readonly registro: RegistroAudit) {}

  async elenca(query: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    assertRevisore(currentActor());
    const { personaId, utente, esito, dal, al, pagina, perPagina } = query;
    return this.registro.elencaVoci(
      { soggettoId: personaId, utente, esito, dal, al, pagina, perPagina },
      (v) => ({
        ...toVoceAudit(v),
        personaId: v.soggettoId,
      }),
    );
  }
}
