import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import {
  ACCESSO_EVENTS,
  DomainError,
  type AccessoChiusoV1,
  type AccessoV1,
  type Actor,
  type AggiornaAccessoV1,
  type AnnotaAccessoV1,
  type ChiudiAccessoV1,
  type ElencaAccessiV1,
  type PaginaV1,
  type RegistraAccessoV1,
} from '@ambito/contracts';
import { AuditService, WriteGate, type Traccia } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { pagina } from '@ambito/persistence';
import { PersonaEntity } from '../persone/persona.entity';
import { assertScrittura, visibilitaDatiPersonali, type Visibilita } from '../scope/ambito-visibilita';
import { TerritorioService } from '../territorio/territorio.service';
import { AccessoEntity, toAccessoV1 } from './accesso.entity';
import { AnnotazioneEntity } from './annotazione.entity';
import { assertDataOra, periodoLocale } from './periodo';

const nonTrovato = () => new DomainError('ACCESSO_NON_TROVATO', 'Accesso non trovato.');

/** The colloquio di segretariato sociale: registered at a sede, corrected while open, closed once. */
@Injectable()
export class AccessiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly gate: WriteGate,
    private readonly outbox: OutboxWriter,
  ) {}

  async registra(dto: RegistraAccessoV1): Promise<AccessoV1> {
    const actor = currentActor();
    const sede = this.territorio.sede(dto.sede);
    const traccia: Traccia = { azione: 'registra', risorsa: 'accesso', soggettoId: dto.personaId };
    try {
      assertScrittura(actor, sede.subAmbito);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const dataOra = dto.dataOra ? new Date(dto.dataOra) : new Date();
    assertDataOra(dataOra);
    return this.dataSource.transaction(async (manager) => {
      const persona = await manager.findOneBy(PersonaEntity, { id: dto.personaId });
      if (!persona)
        throw new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata: registrarla prima dell’accesso.');
      const accesso = await manager.save(
        manager.create(AccessoEntity, {
          personaId: persona.id,
          comuneResidenza: persona.comuneResidenza,
          dataOra,
          sede: sede.codice,
          subAmbito: sede.subAmbito,
          operatoreId: actor.userId,
          operatoreNome: actor.nome,
          canale: dto.canale,
          presentatoDa: dto.presentatoDa,
          referente: dto.presentatoDa === 'interessato' ? null : (dto.referente ?? null),
          areaBisogno: dto.areaBisogno,
          richiesta: dto.richiesta,
          note: dto.note ?? null,
          stato: 'aperto',
        }),
      );
      await this.outbox.append(manager, ACCESSO_EVENTS.accessoRegistrato, {
        ...riferimenti(accesso),
        canale: accesso.canale,
        dataOra: accesso.dataOra.toISOString(),
        operatoreId: actor.userId,
      });
      await this.audit.consentito(manager, actor, [{ ...traccia, risorsaId: accesso.id }]);
      return toAccessoV1({ ...accesso, persona, annotazioni: [] });
    });
  }

  async aggiorna(dto: AggiornaAccessoV1): Promise<AccessoV1> {
    return this.perScrittura(dto.id, 'aggiorna', async (manager, accesso) => {
      assertAperto(accesso);
      const { id, ...campi } = dto;
      const modifiche = Object.fromEntries(Object.entries(campi).filter(([, v]) => v !== undefined));
      if (Object.keys(modifiche).length > 0) await manager.update(AccessoEntity, { id }, modifiche);
    });
  }

  async chiudi(dto: ChiudiAccessoV1): Promise<AccessoV1> {
    return this.perScrittura(dto.id, 'chiudi', async (manager, accesso, actor) => {
      assertAperto(accesso);
      const { esito } = dto;
      const chiusoIl = new Date();
      const proposta = esito.tipo === 'proposta-presa-in-carico';
      const rilevanti = {
        servizio: proposta || esito.tipo === 'informazione-orientamento' ? null : (esito.servizio ?? null),
        motivazione: proposta ? (esito.motivazione ?? null) : null,
        urgenza: proposta ? (esito.urgenza ?? null) : null,
      };
      await manager.update(
        AccessoEntity,
        { id: accesso.id },
        {
          stato: 'chiuso',
          esitoTipo: esito.tipo,
          esitoServizio: rilevanti.servizio,
          esitoMotivazione: rilevanti.motivazione,
          esitoUrgenza: rilevanti.urgenza,
          esitoNote: esito.note ?? null,
          chiusoIl,
          chiusoDa: actor.userId,
        },
      );
      const comune = {
        ...riferimenti(accesso),
        richiesta: accesso.richiesta,
        chiusoIl: chiusoIl.toISOString(),
        operatoreId: actor.userId,
      };
      let payload: AccessoChiusoV1;
      if (esito.tipo === 'proposta-presa-in-carico') {
        // Only the équipe that takes charge needs who the person is; other esiti travel without it.
        const persona = await manager.findOneByOrFail(PersonaEntity, { id: accesso.personaId });
        payload = {
          ...comune,
          esito: {
            tipo: esito.tipo,
            servizio: null,
            motivazione: rilevanti.motivazione ?? '',
            urgenza: rilevanti.urgenza ?? 'ordinaria',
          },
          persona: {
            codiceFiscale: persona.codiceFiscale,
            cognome: persona.cognome,
            nome: persona.nome,
            dataNascita: persona.dataNascita,
            sesso: persona.sesso,
            comuneResidenza: persona.comuneResidenza,
          },
        };
      } else {
        payload = {
          ...comune,
          esito: { tipo: esito.tipo, servizio: rilevanti.servizio, motivazione: null, urgenza: null },
          persona: null,
        };
      }
      await this.outbox.append(manager, ACCESSO_EVENTS.accessoChiuso, payload);
    });
  }

  /** Notes are the only change a closed accesso accepts. */
  async annota(dto: AnnotaAccessoV1): Promise<AccessoV1> {
    return this.perScrittura(dto.id, 'annota', async (manager, accesso, actor) => {
      await manager.insert(AnnotazioneEntity, {
        accessoId: accesso.id,
        testo: dto.testo,
        autoreId: actor.userId,
        autoreNome: actor.nome,
      });
    });
  }

  async leggi(id: string): Promise<AccessoV1> {
    const actor = currentActor();
    const accesso = await this.carica(this.dataSource.manager, id);
    const traccia: Traccia = {
      azione: 'leggi',
      risorsa: 'accesso',
      risorsaId: id,
      soggettoId: accesso?.personaId,
    };
    const visibilita = await this.visibilita(actor, traccia);
    if (!accesso) throw nonTrovato();
    if (!visibile(accesso, visibilita)) throw await this.audit.negato(actor, traccia, nonTrovato());
    await this.audit.consentito(this.dataSource.manager, actor, [traccia]);
    return toAccessoV1(accesso);
  }

  async elenca(query: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    const actor = currentActor();
    const { subAmbiti, comuni } = await this.visibilita(actor, { azione: 'elenca', risorsa: 'accesso' });
    const qb = this.dataSource
      .getRepository(AccessoEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.persona', 'p')
      .where(
        new Brackets((w) => {
          w.where('a.sub_ambito = ANY(:subAmbiti)', { subAmbiti }).orWhere(
            'a.comune_residenza = ANY(:comuni)',
            {
              comuni,
            },
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
      const periodo = periodoLocale(query.dal ?? '1900-01-01', query.al ?? '9999-12-31');
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
      ? await this.dataSource.manager.find(AnnotazioneEntity, {
          where: righe.map((a) => ({ accessoId: a.id })),
        })
      : [];
    await this.audit.consentito(
      this.dataSource.manager,
      actor,
      righe.map((a) => ({
        azione: 'elenca',
        risorsa: 'accesso' as const,
        risorsaId: a.id,
        soggettoId: a.personaId,
      })),
    );
    return {
      elementi: righe.map((a) =>
        toAccessoV1({ ...a, annotazioni: annotazioni.filter((n) => n.accessoId === a.id) }),
      ),
      totale,
      pagina: numero,
      perPagina: take,
    };
  }

  /**
   * Through the write gate: the accesso locked for update, the actor must work in its sub-ambito
   * (outside it the accesso does not exist; only that refusal is audited), the change, the audit row.
   */
  private perScrittura(
    id: string,
    azione: string,
    change: (manager: EntityManager, accesso: AccessoEntity, actor: Actor) => Promise<void>,
  ): Promise<AccessoV1> {
    return this.gate.scrivi({
      carica: async (manager) => {
        const accesso = await manager.findOne(AccessoEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!accesso) throw nonTrovato();
        return accesso;
      },
      traccia: (accesso) => ({ azione, risorsa: 'accesso', risorsaId: id, soggettoId: accesso.personaId }),
      verifica: (accesso, actor) => {
        try {
          assertScrittura(actor, accesso.subAmbito);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'FUORI_AMBITO_TERRITORIALE') throw nonTrovato();
          throw error;
        }
        return accesso;
      },
      cambia: async (manager, accesso, actor) => {
        await change(manager, accesso, actor);
        return toAccessoV1((await this.carica(manager, id))!);
      },
      rifiuti: 'ambito',
    });
  }

  private carica(manager: EntityManager, id: string): Promise<AccessoEntity | null> {
    return manager.findOne(AccessoEntity, { where: { id }, relations: { persona: true, annotazioni: true } });
  }

  private async visibilita(actor: Actor, traccia: Traccia): Promise<Visibilita> {
    try {
      return visibilitaDatiPersonali(actor);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
  }
}

/** What every event of an accesso says of it: where it happened and for whom, without personal data. */
function riferimenti(a: AccessoEntity) {
  return {
    accessoId: a.id,
    personaId: a.personaId,
    sede: a.sede,
    subAmbito: a.subAmbito,
    comuneResidenza: a.comuneResidenza,
    areaBisogno: a.areaBisogno,
  };
}

function visibile(accesso: AccessoEntity, { subAmbiti, comuni }: Visibilita): boolean {
  return subAmbiti.includes(accesso.subAmbito) || comuni.includes(accesso.comuneResidenza);
}

function assertAperto(accesso: AccessoEntity): void {
  if (accesso.stato === 'chiuso')
    throw new DomainError('ACCESSO_GIA_CHIUSO', 'L’accesso è già chiuso: si può solo annotare.');
}
