import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ElencaEquipeV1, MembroEquipeV1, RegistraMembroEquipeV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService } from '@ambito/audit';
import { nonConsentito } from '../scope/visibilita';
import { MembroEquipeEntity, toMembroEquipeV1 } from './membro-equipe.entity';

/** The équipe of each sub-ambito: kept by its coordinator, read by its members. */
@Injectable()
export class EquipeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async registra(dto: RegistraMembroEquipeV1): Promise<MembroEquipeV1> {
    const actor = currentActor();
    const traccia = {
      azione: 'registra-membro',
      risorsa: 'equipe' as const,
      risorsaId: `${dto.subAmbito}/${dto.userId}`,
    };
    if (!actor.ruoli.includes('coordinatore-sub-ambito') || !actor.subAmbiti.includes(dto.subAmbito))
      throw await this.audit.negato(actor, traccia, nonConsentito());
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        MembroEquipeEntity,
        {
          ...dto,
          ente: dto.ente ?? null,
          contratto: dto.contratto ?? null,
          fte: dto.fte ?? null,
          registratoIl: new Date(),
          registratoDa: actor.userId,
        },
        ['subAmbito', 'userId'],
      );
      await this.audit.consentito(manager, actor, [traccia]);
      return toMembroEquipeV1(
        await manager.findOneByOrFail(MembroEquipeEntity, { subAmbito: dto.subAmbito, userId: dto.userId }),
      );
    });
  }

  async elenca(dto: ElencaEquipeV1): Promise<MembroEquipeV1[]> {
    const actor = currentActor();
    const equipe =
      actor.ruoli.includes('coordinatore-sub-ambito') || actor.ruoli.includes('assistente-sociale');
    if (!equipe || !actor.subAmbiti.includes(dto.subAmbito)) throw nonConsentito();
    const membri = await this.dataSource.manager.find(MembroEquipeEntity, {
      where: { subAmbito: dto.subAmbito },
      order: { professione: 'ASC', nome: 'ASC' },
    });
    return membri.map(toMembroEquipeV1);
  }
}
