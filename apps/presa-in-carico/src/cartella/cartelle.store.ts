import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, type Actor, type TipoVoceDiario } from '@ambito/contracts';
import { currentActor, istruzionePreparata } from '@ambito/messaging';
import { AuditService, WriteGate, type Traccia } from '@ambito/audit';
import { cartellaNonTrovata, visibile, visibilitaCartelle } from '../scope/visibilita';
import { CartellaEntity } from './cartella.entity';
import { PartecipazioneEntity } from './partecipazione.entity';
import { VoceDiarioEntity } from './voce-diario.entity';

export interface Autore {
  userId: string;
  nome: string;
}

/**
 * The cartella aggregate's way in, below every feature (cartelle, valutazioni, progetti import it; it
 * imports none of them). The way into a cartella for every feature: load it locked, check the actor may see it (outside its
 * scope a cartella does not exist), run the change, audit, and audit refusals on their own.
 */
@Injectable()
export class CartelleStore {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly gate: WriteGate,
  ) {}

  /**
   * A write on a cartella through the write gate: one transaction with the row locked, so that
   * concurrent commands on the same case are serialised. Any refusal (scope or rule) rolls the change
   * back and is recorded in the audit log with its error code.
   */
  scrivi<T>(
    cartellaId: string,
    traccia: Omit<Traccia, 'soggettoId'>,
    change: (manager: EntityManager, cartella: CartellaEntity, actor: Actor) => Promise<T>,
  ): Promise<T> {
    return this.gate.scrivi({
      carica: (manager) => cartellaConMembri(manager, cartellaId, { bloccata: true }),
      traccia: () => ({ ...traccia, soggettoId: cartellaId }),
      verifica: (cartella, actor) => {
        if (!cartella || !visibile(cartella, visibilitaCartelle(actor))) throw cartellaNonTrovata();
        return cartella;
      },
      cambia: change,
      rifiuti: 'tutti',
    });
  }

  /** A read of a cartella (or of part of it), audited either way. */
  async leggi<T>(
    cartellaId: string,
    traccia: Omit<Traccia, 'soggettoId'>,
    read: (manager: EntityManager, cartella: CartellaEntity) => Promise<T>,
  ): Promise<T> {
    const actor = currentActor();
    const completa: Traccia = { ...traccia, soggettoId: cartellaId };
    try {
      const manager = this.dataSource.manager;
      const cartella = await cartellaConMembri(manager, cartellaId, { bloccata: false });
      if (!cartella || !visibile(cartella, visibilitaCartelle(actor))) throw cartellaNonTrovata();
      const result = await read(manager, cartella);
      await this.audit.consentito(manager, actor, [completa]);
      return result;
    } catch (error) {
      if (error instanceof DomainError) throw await this.audit.negato(actor, completa, error);
      throw error;
    }
  }

  /** An entry of the diario: a prepared statement, not an entity save (every command writes one). */
  async diario(
    manager: EntityManager,
    cartella: Pick<CartellaEntity, 'id' | 'episodio'>,
    tipo: TipoVoceDiario,
    testo: string,
    autore: Autore,
  ): Promise<VoceDiarioEntity> {
    const voce = Object.assign(new VoceDiarioEntity(), {
      id: randomUUID(),
      cartellaId: cartella.id,
      episodio: cartella.episodio,
      il: new Date(),
      tipo,
      testo,
      autoreId: autore.userId,
      autoreNome: autore.nome,
    });
    await manager.query(
      istruzionePreparata(
        `INSERT INTO voce_diario (id, cartella_id, episodio, il, tipo, testo, autore_id, autore_nome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      ),
      [
        voce.id,
        voce.cartellaId,
        voce.episodio,
        voce.il,
        voce.tipo,
        voce.testo,
        voce.autoreId,
        voce.autoreNome,
      ],
    );
    return voce;
  }
}

/**
 * The cartella with the user ids of the équipe members working it, in one query; for a write locked
 * (the lock covers the cartella's row only: the members are read in a subquery).
 */
async function cartellaConMembri(
  manager: EntityManager,
  cartellaId: string,
  { bloccata }: { bloccata: boolean },
): Promise<CartellaEntity | null> {
  const query = manager
    .createQueryBuilder(CartellaEntity, 'cartella')
    .addSelect(
      (sub) =>
        sub
          .select('coalesce(array_agg(p.user_id), ARRAY[]::text[])')
          .from(PartecipazioneEntity, 'p')
          .where('p.cartella_id = cartella.id')
          .andWhere('p.al IS NULL'),
      'membri_attivi',
    )
    .where('cartella.id = :cartellaId', { cartellaId });
  if (bloccata) query.setLock('pessimistic_write');
  const { entities, raw } = await query.getRawAndEntities<{ membri_attivi: string[] }>();
  const [cartella] = entities;
  if (!cartella) return null;
  cartella.membri = raw[0].membri_attivi;
  return cartella;
}
