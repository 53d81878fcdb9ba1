import { Injectable } from '@nestjs/common';
import { RegistroAudit, type VoceAuditEntity } from '@ambito/audit';
import type { ElencaAuditV1, PaginaV1, VoceAuditV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { assertRevisore } from '../scope/ambito-visibilita';

/** The audit log of accesso, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(private readonly registro: RegistroAudit) {}

  async elenca(query: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    assertRevisore(currentActor());
    const { voci, totale, pagina, perPagina } = await this.registro.elenca({
      soggettoId: query.personaId,
      utente: query.utente,
      esito: query.esito,
      dal: query.dal,
      al: query.al,
      pagina: query.pagina,
      perPagina: query.perPagina,
    });
    return { elementi: voci.map(toVoceAuditV1), totale, pagina, perPagina };
  }
}

function toVoceAuditV1(v: VoceAuditEntity): VoceAuditV1 {
  return {
    id: v.id,
    il: v.il.toISOString(),
    utente: v.utente,
    ruoli: v.ruoli,
    azione: v.azione,
    risorsa: v.risorsa,
    risorsaId: v.risorsaId,
    personaId: v.soggettoId,
    motivo: v.motivo,
    esito: v.esito,
    correlationId: v.correlationId,
  };
}
