import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ElencaAuditV1, PaginaV1, VoceAuditV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { periodoLocale } from '../accessi/periodo';
import { pagina } from '@ambito/persistence';
import { assertRevisore } from '../scope/ambito-visibilita';
import { VoceAuditEntity, toVoceAuditV1 } from './voce-audit.entity';

/** The audit log, for the administrator answering a data subject or the DPO. */
@Injectable()
export class RegistroAuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async elenca(query: ElencaAuditV1): Promise<PaginaV1<VoceAuditV1>> {
    assertRevisore(currentActor());
    const qb = this.dataSource.getRepository(VoceAuditEntity).createQueryBuilder('v');
    if (query.personaId) qb.andWhere('v.persona_id = :personaId', { personaId: query.personaId });
    if (query.utente) qb.andWhere('v.utente = :utente', { utente: query.utente });
    if (query.esito) qb.andWhere('v.esito = :esito', { esito: query.esito });
    if (query.dal || query.al) {
      const periodo = periodoLocale(query.dal ?? '1900-01-01', query.al ?? '9999-12-31');
      qb.andWhere(`v.il >= ${periodo.da} AND v.il < ${periodo.a}`, periodo.parametri);
    }
    const { skip, take, numero } = pagina(query);
    const [voci, totale] = await qb
      .orderBy('v.il', 'DESC')
      .addOrderBy('v.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    return { elementi: voci.map(toVoceAuditV1), totale, pagina: numero, perPagina: take };
  }
}
