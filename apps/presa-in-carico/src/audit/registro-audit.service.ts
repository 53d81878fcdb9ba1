import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ElencaAuditCartelleV1, PaginaV1, VoceAuditCartellaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { pagina } from '@ambito/persistence';
import { nonConsentito } from '../scope/visibilita';
import { VoceAuditEntity } from './voce-audit.entity';

/** The audit log of the cartelle, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async elenca(query: ElencaAuditCartelleV1): Promise<PaginaV1<VoceAuditCartellaV1>> {
    if (!currentActor().ruoli.includes('amministratore')) throw nonConsentito();
    const qb = this.dataSource.getRepository(VoceAuditEntity).createQueryBuilder('v');
    if (query.cartellaId) qb.andWhere('v.cartella_id = :cartellaId', { cartellaId: query.cartellaId });
    if (query.utente) qb.andWhere('v.utente = :utente', { utente: query.utente });
    if (query.esito) qb.andWhere('v.esito = :esito', { esito: query.esito });
    const { skip, take, numero } = pagina(query);
    const [voci, totale] = await qb
      .orderBy('v.il', 'DESC')
      .addOrderBy('v.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return {
      elementi: voci.map((v) => ({
        id: v.id,
        il: v.il.toISOString(),
        utente: v.utente,
        ruoli: v.ruoli,
        azione: v.azione,
        risorsa: v.risorsa,
        risorsaId: v.risorsaId,
        cartellaId: v.cartellaId,
        motivo: v.motivo,
        esito: v.esito,
        codiceErrore: v.codiceErrore,
        correlationId: v.correlationId,
      })),
      totale,
      pagina: numero,
      perPagina: take,
    };
  }
}
