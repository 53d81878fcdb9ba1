import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  type Actor,
  type CartellaSintesiV1,
  type CartellaV1,
  type TipoVoceDiario,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService, WriteGate, type Traccia } from '@ambito/audit';
import { toProgettoV1 } from '../progetti/to-progetto';
import { InterventoEntity } from '../progetti/intervento.entity';
import { ProgettoEntity } from '../progetti/progetto.entity';
import { cartellaNonTrovata, visibile, visibilitaCartelle } from '../scope/visibilita';
import { StrumentoEntity } from '../valutazioni/strumento.entity';
import { toValutazioneV1 } from '../valutazioni/to-valutazione';
import { ValutazioneEntity } from '../valutazioni/valutazione.entity';
import { AssegnazioneEntity } from './assegnazione.entity';
import { CartellaEntity } from './cartella.entity';
import { MembroNucleoEntity } from './membro-nucleo.entity';
import { PartecipazioneEntity } from './partecipazione.entity';
import { PropostaEntity } from './proposta.entity';
import { VoceDiarioEntity } from './voce-diario.entity';

export interface Autore {
  userId: string;
  nome: string;
}

/**
 * The way into a cartella for every feature: load it locked, check the actor may see it (outside its
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
      carica: async (manager) => {
        const cartella = await manager.findOne(CartellaEntity, {
          where: { id: cartellaId },
          lock: { mode: 'pessimistic_write' },
        });
        if (cartella) cartella.membri = await membri(manager, cartella.id);
        return cartella;
      },
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
      const cartella = await manager.findOneBy(CartellaEntity, { id: cartellaId });
      if (cartella) cartella.membri = await membri(manager, cartella.id);
      if (!cartella || !visibile(cartella, visibilitaCartelle(actor))) throw cartellaNonTrovata();
      const result = await read(manager, cartella);
      await this.audit.consentito(manager, actor, [completa]);
      return result;
    } catch (error) {
      if (error instanceof DomainError) throw await this.audit.negato(actor, completa, error);
      throw error;
    }
  }

  async diario(
    manager: EntityManager,
    cartella: Pick<CartellaEntity, 'id' | 'episodio'>,
    tipo: TipoVoceDiario,
    testo: string,
    autore: Autore,
  ): Promise<VoceDiarioEntity> {
    return manager.save(
      manager.create(VoceDiarioEntity, {
        cartellaId: cartella.id,
        episodio: cartella.episodio,
        tipo,
        testo,
        autoreId: autore.userId,
        autoreNome: autore.nome,
        il: new Date(),
      }),
    );
  }

  async caricaV1(manager: EntityManager, id: string): Promise<CartellaV1> {
    const cartella = await manager.findOneByOrFail(CartellaEntity, { id });
    // Sequential: inside a transaction every query shares one connection.
    const proposte = await manager.find(PropostaEntity, {
      where: { cartellaId: id },
      order: { ricevutaIl: 'ASC' },
    });
    const assegnazioni = await manager.find(AssegnazioneEntity, {
      where: { cartellaId: id },
      order: { dal: 'ASC' },
    });
    const valutazioni = await manager.find(ValutazioneEntity, {
      where: { cartellaId: id },
      order: { data: 'DESC', registrataIl: 'DESC' },
    });
    const progetti = await manager.find(ProgettoEntity, {
      where: { cartellaId: id },
      order: { versione: 'DESC' },
    });
    const strumenti = await manager.find(StrumentoEntity);
    const equipe = await manager.find(PartecipazioneEntity, {
      where: { cartellaId: id, al: IsNull() },
      order: { dal: 'ASC', nome: 'ASC' },
    });
    const nucleo = await manager.find(MembroNucleoEntity, {
      where: { cartellaId: id },
      order: { posizione: 'ASC' },
    });
    const interventi = progetti.length
      ? await manager.find(InterventoEntity, {
          where: progetti.map((p) => ({ progettoId: p.id })),
          order: { posizione: 'ASC' },
        })
      : [];
    return {
      ...toCartellaSintesiV1(cartella, proposte),
      assegnazioni: assegnazioni.map((a) => ({
        caseManager: { id: a.caseManagerId, nome: a.caseManagerNome },
        assegnataDa: a.assegnataDa,
        dal: a.dal.toISOString(),
        al: a.al?.toISOString() ?? null,
        note: a.note,
      })),
      nucleo: nucleo.map((m) => ({
        cognome: m.cognome,
        nome: m.nome,
        codiceFiscale: m.codiceFiscale,
        dataNascita: m.dataNascita,
        relazione: m.relazione,
        convivente: m.convivente,
        caregiver: m.caregiver,
      })),
      equipe: equipe.map((p) => ({
        userId: p.userId,
        nome: p.nome,
        professione: p.professione,
        dal: p.dal.toISOString(),
      })),
      valutazioni: valutazioni.map((v) => toValutazioneV1(v, strumenti)),
      progetti: progetti.map((p) =>
        toProgettoV1(
          p,
          interventi.filter((i) => i.progettoId === p.id),
        ),
      ),
    };
  }
}

/** User ids of the équipe members currently working a case. */
export async function membri(manager: EntityManager, cartellaId: string): Promise<string[]> {
  const righe = await manager.find(PartecipazioneEntity, {
    select: { userId: true },
    where: { cartellaId, al: IsNull() },
  });
  return righe.map((r) => r.userId);
}

export function toCartellaSintesiV1(c: CartellaEntity, proposte: PropostaEntity[]): CartellaSintesiV1 {
  return {
    id: c.id,
    persona: {
      codiceFiscale: c.codiceFiscale,
      cognome: c.cognome,
      nome: c.nome,
      dataNascita: c.dataNascita,
      sesso: c.sesso,
    },
    comuneResidenza: c.comuneResidenza,
    subAmbito: c.subAmbito,
    stato: c.stato,
    episodio: c.episodio,
    caseManager: c.caseManagerId ? { id: c.caseManagerId, nome: c.caseManagerNome ?? c.caseManagerId } : null,
    apertaIl: c.apertaIl.toISOString(),
    chiusura:
      c.stato === 'chiusa' && c.motivoChiusura && c.chiusaIl
        ? {
            motivo: c.motivoChiusura,
            il: c.chiusaIl.toISOString(),
            da: c.chiusaDa ?? '',
            note: c.noteChiusura,
          }
        : null,
    proposte: proposte.map((p) => ({
      id: p.id,
      origine: p.origine,
      accessoId: p.accessoId,
      inviante: p.inviante,
      motivazione: p.motivazione,
      urgenza: p.urgenza,
      stato: p.stato,
      ricevutaIl: p.ricevutaIl.toISOString(),
    })),
  };
}

export function assertNonChiusa(cartella: CartellaEntity): void {
  if (cartella.stato === 'chiusa')
    throw new DomainError('CARTELLA_CHIUSA', 'La cartella è chiusa: riaprirla con una nuova proposta.');
}

export function assertInCarico(cartella: CartellaEntity): void {
  assertNonChiusa(cartella);
  if (cartella.stato !== 'in-carico')
    throw new DomainError(
      'TRANSIZIONE_NON_CONSENTITA',
      'La cartella è ancora in coda: il coordinatore deve prima assegnare un case manager.',
    );
}
