import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import type { CartellaSintesiV1, CartellaV1, ElencaCartelleV1, PaginaV1 } from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { pagina } from '@ambito/persistence';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore } from '../../cartella/cartelle.store';
import { PropostaEntity } from '../../cartella/proposta.entity';
import { visibilitaCartelle } from '../../scope/visibilita';
import { toCartellaSintesiV1 } from './cartella-sintesi';
import { caricaCartellaV1 } from './cartella.read-model';

/** One cartella, whole; an audited read. */
@Injectable()
export class LeggiCartellaQuery {
  constructor(private readonly store: CartelleStore) {}

  esegui(id: string): Promise<CartellaV1> {
    return this.store.leggi(id, { azione: 'leggi', risorsa: 'cartella', risorsaId: id }, (manager) =>
      caricaCartellaV1(manager, id),
    );
  }
}

/**
 * My cases (case manager), the sub-ambito board (coordinator), the residents of a comune: the list is
 * audited with its criteria (even when empty), each cartella returned with its own row.
 */
@Injectable()
export class ElencaCartelleQuery {
  constructor(
    private readonly store: CartelleStore,
    private readonly audit: AuditService,
  ) {}

  async esegui(query: ElencaCartelleV1): Promise<PaginaV1<CartellaSintesiV1>> {
    const actor = currentActor();
    let v;
    try {
      v = visibilitaCartelle(actor);
    } catch (error) {
      throw await this.audit.negato(actor, { azione: 'elenca', risorsa: 'cartella' }, error as Error);
    }
    const { subAmbiti, comuni, caseManager } = v;
    const manager = this.store.dataSource.manager;
    const qb = manager
      .getRepository(CartellaEntity)
      .createQueryBuilder('c')
      .where(
        new Brackets((w) => {
          w.where('c.sub_ambito = ANY(:subAmbiti)', { subAmbiti })
            .orWhere('c.comune_residenza = ANY(:comuni)', { comuni })
            .orWhere('c.case_manager_id = :caseManager', { caseManager: caseManager ?? '' })
            .orWhere(
              'EXISTS (SELECT 1 FROM partecipazione p WHERE p.cartella_id = c.id AND p.user_id = :caseManager AND p.al IS NULL)',
            );
        }),
      );
    if (query.stato) qb.andWhere('c.stato = :stato', { stato: query.stato });
    if (query.subAmbito) qb.andWhere('c.sub_ambito = :subAmbito', { subAmbito: query.subAmbito });
    if (query.comune) qb.andWhere('c.comune_residenza = :comune', { comune: query.comune });
    if (query.caseManager) qb.andWhere('c.case_manager_id = :cm', { cm: query.caseManager });
    const { skip, take, numero } = pagina(query);
    const [righe, totale] = await qb
      .orderBy('c.aperta_il', 'DESC')
      .addOrderBy('c.id')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    const proposte = righe.length
      ? await manager.find(PropostaEntity, {
          where: righe.map((c) => ({ cartellaId: c.id })),
          order: { ricevutaIl: 'ASC' },
        })
      : [];
    await this.audit.ricerca(manager, actor, {
      traccia: { azione: 'elenca', risorsa: 'cartella' },
      criteri: criteriDaRegistrare(query, [
        'stato',
        'subAmbito',
        'comune',
        'caseManager',
        'pagina',
        'perPagina',
      ]),
      risultati: righe.map((c) => ({
        azione: 'elenca',
        risorsa: 'cartella' as const,
        risorsaId: c.id,
        soggettoId: c.id,
      })),
    });
    return {
      elementi: righe.map((c) =>
        toCartellaSintesiV1(
          c,
          proposte.filter((p) => p.cartellaId === c.id),
        ),
      ),
      totale,
      pagina: numero,
      perPagina: take,
    };
  }
}
