import { Injectable } from '@nestjs/common';
import { RegistroAudit, type VoceAuditEntity } from '@ambito/audit';
import type { ElencaAuditCartelleV1, PaginaV1, VoceAuditCartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { nonConsentito } from '../scope/visibilita';

/** The audit log of the cartelle, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(private readonly registro: RegistroAudit) {}

  async elenca(query: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    if (!currentActor().ruoli.includes('amministratore')) throw nonConsentito();
    const { voci, totale, pagina, perPagina } = await this.registro.elenca({
      soggettoId: query.cartellaId,
      utente: query.utente,
      esito: query.esito,
      pagina: query.pagina,
      perPagina: query.perPagina,
    });
    return { elementi: voci.map(toVoceAuditCartellaV1), totale, pagina, perPagina };
  }
}

function toVoceAuditCartellaV1(v: VoceAuditEntity): VoceAuditCartellaV1 {
  return {
    id: v.id,
    il: v.il.toISOString(),
    utente: v.utente,
    ruoli: v.ruoli,
    azione: v.azione,
    risorsa: v.risorsa,
    risorsaId: v.risorsaId,
    cartellaId: v.soggettoId,
    motivo: v.motivo,
    esito: v.esito,
    codiceErrore: v.codiceErrore,
    correlationId: v.correlationId,
  };
}
