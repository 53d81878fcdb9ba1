import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService, RegistroAudit, criteriDaRegistrare, toVoceAudit } from '@ambito/audit';
import type { ElencaAuditCartelleV1, PaginaV1, VoceAuditCartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { nonConsentito } from '../scope/visibilita';

/**
 * The audit log of the cartelle, for the administrator answering a data subject or the DPO. Reading it
 * is itself recorded (who looked at whose trail, with which filters and why), after the page is read so
 * that the page does not show its own read; if that row cannot be written the read fails.
 */
@Injectable()
export class RegistroAuditService {
  constructor(
    private readonly registro: RegistroAudit,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async elenca(query: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    const actor = currentActor();
    const traccia = { azione: 'elenca', risorsa: 'audit', soggettoId: query.cartellaId ?? null };
    if (!actor.ruoli.includes('amministratore'))
      throw await this.audit.negato(actor, traccia, nonConsentito());
    const { cartellaId, utente, esito, pagina, perPagina } = query;
    const risposta = await this.registro.elencaVoci(
      { soggettoId: cartellaId, utente, esito, pagina, perPagina },
      (v) => ({
        ...toVoceAudit(v),
        cartellaId: v.soggettoId,
        codiceErrore: v.codiceErrore,
      }),
    );
    await this.audit.ricerca(this.dataSource.manager, actor, {
      traccia,
      criteri: criteriDaRegistrare(query, ['cartellaId', 'utente', 'esito', 'pagina', 'perPagina']),
      risultati: [],
    });
    return risposta;
  }
}
