import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PRESA_IN_CARICO_EVENTS,
  type OrigineProposta,
  type PersonaCartellaV1,
  type Urgenza,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { CartelleStore, type Autore } from '../../cartella/cartelle.store';
import { PropostaEntity } from '../../cartella/proposta.entity';

export interface NuovaProposta {
  persona: PersonaCartellaV1;
  origine: OrigineProposta;
  accessoId: string | null;
  inviante: string | null;
  motivazione: string | null;
  urgenza: Urgenza | null;
  subAmbito: string;
  /** The persona of the accesso registry, when the caller knows it: links the cartella to it. */
  personaId?: string | null;
  /**
   * A direct opening by the équipe of another sub-ambito, forwarded to the one that has the cartella:
   * that équipe reads who sent it and which residence was declared (it may call for a trasferimento).
   */
  inoltrataDa?: { subAmbito: string; comuneResidenza: string };
}

const ETICHETTA_ORIGINE: Record<OrigineProposta, string> = {
  accesso: 'dal segretariato sociale',
  'segnalazione-servizio-specialistico': 'segnalazione di un servizio specialistico',
  'mandato-autorita-giudiziaria': 'mandato dell’Autorità Giudiziaria',
  'dimissione-protetta': 'dimissione protetta',
  'adi-gepi': 'nucleo ADI da GePI',
};

/**
 * Puts a proposta in the queue of the sub-ambito, on the person's cartella: created the first time,
 * reused while open, reopened as a new episode after a closure. Runs in the caller's transaction
 * (the inbox one for events). Returns null when this accesso was already taken in.
 */
@Injectable()
export class AccogliPropostaUseCase {
  constructor(
    private readonly store: CartelleStore,
    private readonly outbox: OutboxWriter,
  ) {}

  async esegui(
    manager: EntityManager,
    p: NuovaProposta,
    autore: Autore,
  ): Promise<{ cartella: CartellaEntity; proposta: PropostaEntity; nuova: boolean } | null> {
    if (p.accessoId && (await manager.existsBy(PropostaEntity, { accessoId: p.accessoId }))) return null;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO cartella (codice_fiscale, cognome, nome, data_nascita, sesso, comune_residenza, sub_ambito, stato)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'in-attesa')
       ON CONFLICT (codice_fiscale) DO NOTHING RETURNING id`,
      [
        p.persona.codiceFiscale.toUpperCase(),
        p.persona.cognome,
        p.persona.nome,
        p.persona.dataNascita,
        p.persona.sesso,
        p.persona.comuneResidenza,
        p.subAmbito,
      ],
    );
    const nuova = inserted.length === 1;
    const cartella = await manager.findOneOrFail(CartellaEntity, {
      where: { codiceFiscale: p.persona.codiceFiscale.toUpperCase() },
      lock: { mode: 'pessimistic_write' },
    });
    if (cartella.stato === 'chiusa') {
      // A new episode of the same cartella, in the queue of the (possibly new) comune of residence.
      Object.assign(cartella, {
        stato: 'in-attesa',
        episodio: cartella.episodio + 1,
        comuneResidenza: p.persona.comuneResidenza,
        subAmbito: p.subAmbito,
        caseManagerId: null,
        caseManagerNome: null,
        motivoChiusura: null,
        chiusaIl: null,
        chiusaDa: null,
        noteChiusura: null,
      });
      await manager.save(cartella);
      await this.store.diario(
        manager,
        cartella,
        'riapertura',
        `Nuovo episodio n. ${cartella.episodio}.`,
        autore,
      );
    } else if (cartella.stato === 'in-attesa' && cartella.comuneResidenza !== p.persona.comuneResidenza) {
      // Nobody has the case yet: it follows the latest residence. Once assigned, the équipe transfers it.
      Object.assign(cartella, { comuneResidenza: p.persona.comuneResidenza, subAmbito: p.subAmbito });
      await manager.update(
        CartellaEntity,
        { id: cartella.id },
        { comuneResidenza: p.persona.comuneResidenza, subAmbito: p.subAmbito },
      );
    }
    if (p.personaId && !cartella.personaId) {
      // From now on a change of residence in the registry moves this cartella (see ResidenzaConsumer).
      cartella.personaId = p.personaId;
      await manager.update(CartellaEntity, { id: cartella.id }, { personaId: p.personaId });
    }
    const proposta = await manager.save(
      manager.create(PropostaEntity, {
        cartellaId: cartella.id,
        episodio: cartella.episodio,
        origine: p.origine,
        accessoId: p.accessoId,
        inviante: p.inviante,
        motivazione: p.motivazione,
        urgenza: p.urgenza,
        // A case already followed by a case manager does not go back to the queue.
        stato: cartella.stato === 'in-carico' ? 'accolta' : 'in-attesa',
        subAmbito: cartella.subAmbito,
        ricevutaIl: new Date(),
      }),
    );
    await this.store.diario(
      manager,
      cartella,
      'proposta',
      `Proposta di presa in carico (${ETICHETTA_ORIGINE[p.origine]}${p.inviante ? `: ${p.inviante}` : ''})` +
        `${p.urgenza ? `, urgenza ${p.urgenza}` : ''}.` +
        (p.inoltrataDa
          ? ` Inoltrata dall’équipe del sub-ambito ${p.inoltrataDa.subAmbito}, che indica la residenza nel comune ${p.inoltrataDa.comuneResidenza}.`
          : '') +
        ` ${p.motivazione ?? ''}`.trimEnd(),
      autore,
    );
    await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaAperta, {
      cartellaId: cartella.id,
      propostaId: proposta.id,
      subAmbito: cartella.subAmbito,
      comuneResidenza: cartella.comuneResidenza,
      origine: p.origine,
      accessoId: p.accessoId,
      urgenza: p.urgenza,
      episodio: cartella.episodio,
      nuova,
    });
    return { cartella, proposta, nuova };
  }
}
