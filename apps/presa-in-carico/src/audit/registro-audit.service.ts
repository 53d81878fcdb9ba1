import { Injectable } from '@nestjs/common';
import { RegistroAudit, toVoceAudit } from '@ambito/audit';
import type { ElencaAuditCartelleV1, PaginaV1, VoceAuditCartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { nonConsentito } from '../scope/visibilita';

/** The audit log of the cartelle, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(private readonly registro: RegistroAudit) {}

  async elenca(query: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    if (!currentActor().ruoli.includes('amministratore')) throw nonConsentito();
    const { cartellaId, utente, esito, pagina, perPagina } = query;
    return this.registro.elencaVoci({ soggettoId: cartellaId, utente, esito, pagina, perPagina }, (v) => ({
      ...toVoceAudit(v),
      cartellaId: v.soggettoId,
      codiceErrore: v.codiceErrore,
    }));
  }
}
