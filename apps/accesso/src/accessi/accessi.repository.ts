import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Brackets,
  type DataSource,
  type DeepPartial,
  type EntityManager,
  type QueryDeepPartialEntity,
} from 'typeorm';
import type { ElencaAccessiV1 } from '@ambito/contracts';
import { periodoLocaleAperto } from '@ambito/audit';
import { pagina } from '@ambito/persistence';
import type { Visibilita } from '../scope/ambito-visibilita';
import { AccessoEntity } from './accesso.entity';
import { AnnotazioneEntity } from './annotazione.entity';

/** A page of accessi with their persona, and the annotazioni of the page's accessi. */
export interface PaginaAccessi {
  righe: AccessoEntity[];
  annotazioni: AnnotazioneEntity[];
  totale: number;
  pagina: number;
  perPagina: number;
}

/** The accessi and their annotazioni in PostgreSQL: every TypeORM query of the feature. */
@Injectable()
export class AccessiRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside any transaction: reads and the audit rows of reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transazione<T>(lavoro: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(lavoro);
  }

  /** The row locked until the end of the transaction: concurrent writes on one accesso are serialised. */
  bloccaPerScrittura(manager: EntityManager, id: string): Promise<AccessoEntity | null> {
    return manager.findOne(AccessoEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * With its persona and annotazioni, as the read model needs it, in one query: `findOne` with a
   * one-to-many relation costs two (a DISTINCT id query for its LIMIT 1, then the joined one), and this
   * is every audited read.
   */
  carica(manager: EntityManager, id: string): Promise<AccessoEntity | null> {
    return manager
      .createQueryBuilder(AccessoEntity, 'accesso')
      .leftJoinAndSelect('accesso.persona', 'persona')
      .leftJoinAndSelect('accesso.annotazioni', 'annotazione')
      .where('accesso.id = :id', { id })
      .getOne();
  }

  async personaIdDi(id: string): Promise<string | null> {
    return (await this.manager.findOneBy(AccessoEntity, { id }))?.personaId ?? null;
  }

  inserisci(manager: EntityManager, accesso: DeepPartial<AccessoEntity>): Promise<AccessoEntity> {
    return manager.save(manager.create(AccessoEntity, accesso));
  }

  async aggiorna(
    manager: EntityManager,
    id: string,
    modifiche: QueryDeepPartialEntity<AccessoEntity>,
  ): Promise<void> {
    await manager.update(AccessoEntity, { id }, modifiche);
  }

  async annota(
    manager: EntityManager,
    annotazione: QueryDeepPartialEntity<AnnotazioneEntity>,
  ): Promise<void> {
    await manager.insert(AnnotazioneEntity, annotazione);
  }

  /** Accessi visible to the actor, filtered, newest first, one page; with their annotazioni. */
  async elenca(query: ElencaAccessiV1, { subAmbiti, comuni }: Visibilita): Promise<PaginaAccessi> {
    const qb = this.dataSource
      .getRepository(AccessoEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.persona', 'p')
      .where(
        new Brackets((w) => {
          w.where('a.sub_ambito = ANY(:subAmbiti)', { subAmbiti }).orWhere(
            'a.comune_residenza = ANY(:comuni)',
            { comuni },
          );
        }),
      );
    if (query.sede) qb.andWhere('a.sede = :sede', { sede: query.sede });
    if (query.subAmbito) qb.andWhere('a.sub_ambito = :subAmbito', { subAmbito: query.subAmbito });
    if (query.comune) qb.andWhere('a.comune_residenza = :comune', { comune: query.comune });
    if (query.operatore) qb.andWhere('a.operatore_id = :operatore', { operatore: query.operatore });
    if (query.personaId) qb.andWhere('a.persona_id = :personaId', { personaId: query.personaId });
    if (query.areaBisogno) qb.andWhere('a.area_bisogno = :area', { area: query.areaBisogno });
    if (query.stato) qb.andWhere('a.stato = :stato', { stato: query.stato });
    if (query.esito) qb.andWhere('a.esito_tipo = :esito', { esito: query.esito });
    if (query.dal || query.al) {
      const periodo = periodoLocaleAperto(query.dal, query.al);
      qb.andWhere(`a.data_ora >= ${periodo.da} AND a.data_ora < ${periodo.a}`, periodo.parametri);
    }
    const { skip, take, numero } = pagina(query);
    const [righe, totale] = await qb
      .orderBy('a.data_ora', 'DESC')
      .addOrderBy('a.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    const annotazioni = righe.length
      ? await this.manager.find(AnnotazioneEntity, { where: righe.map((a) => ({ accessoId: a.id })) })
      : [];
    return { righe, annotazioni, totale, pagina: numero, perPagina: take };
  }
}
