import { Injectable } from '@nestjs/common';
import { AuditService, RegistroAudit, criteriDaRegistrare, toVoceAudit } from '@ambito/audit';
import type { ElencaAuditV1, PaginaV1, VoceAuditV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { assertRevisore } from '../scope/ambito-visibilita';
import { PersoneRepository } from '../persone/persone.repository';

/**
 * The audit log of accesso, for the administrator answering a data subject or the DPO. Reading it is
 * itself recorded (who looked at whose trail, with which filters and why), after the page is read so
 * that the page does not show its own read; if that row cannot be written the read fails.
 */
@Injectable()
export class RegistroAuditService {
  constructor(
    private readonly registro: RegistroAudit,
    private readonly audit: AuditService,
    private readonly persone: PersoneRepository,
  ) {}

  async elenca(query: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'audit', soggettoId: query.personaId ?? null };
    try {
      assertRevisore(actor);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const { personaId, utente, esito, dal, al, pagina, perPagina } = query;
    const risposta = await this.registro.elencaVoci(
      { soggettoId: personaId, utente, esito, dal, al, pagina, perPagina },
      (v) => ({
        ...toVoceAudit(v),
        personaId: v.soggettoId,
      }),
    );
    await this.audit.ricerca(this.persone.manager, actor, {
      traccia,
      criteri: criteriDaRegistrare(query, [
        'personaId',
        'utente',
        'esito',
        'dal',
        'al',
        'pagina',
        'perPagina',
      ]),
      risultati: [],
    });
    return risposta;
  }
}
