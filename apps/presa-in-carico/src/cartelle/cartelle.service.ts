import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Brackets, IsNull } from 'typeorm';
import {
  DomainError,
  PRESA_IN_CARICO_EVENTS,
  type Actor,
  type AggiornaNucleoV1,
  type AnnotaDiarioV1,
  type AssegnaEquipeCasoV1,
  type ApriCartellaV1,
  type AssegnaCartellaV1,
  type CartellaSintesiV1,
  type CartellaV1,
  type ChiudiCartellaV1,
  type ElencaCartelleV1,
  type OrigineProposta,
  type PaginaV1,
  type PersonaCartellaV1,
  type TrasferisciCartellaV1,
  type Urgenza,
  type VoceDiarioV1,
} from '@ambito/contracts';
import { CodiceFiscale } from '@ambito/kernel';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { AuditService, type Traccia } from '@ambito/audit';
import { pagina } from '@ambito/persistence';
import { MembroEquipeEntity } from '../equipe/membro-equipe.entity';
import {
  assertApertura,
  assertEquipe,
  isCoordinatore,
  nonConsentito,
  visibilitaCartelle,
} from '../scope/visibilita';
import { TerritorioService } from '../territorio/territorio.service';
import { AssegnazioneEntity } from './assegnazione.entity';
import { MembroNucleoEntity } from './membro-nucleo.entity';
import { PartecipazioneEntity } from './partecipazione.entity';
import { CartellaEntity } from './cartella.entity';
import { CartelleStore, assertNonChiusa, toCartellaSintesiV1, type Autore } from './cartelle.store';
import { PropostaEntity } from './proposta.entity';
import { VoceDiarioEntity, toVoceDiarioV1 } from './voce-diario.entity';

export interface NuovaProposta {
  persona: PersonaCartellaV1;
  origine: OrigineProposta;
  accessoId: string | null;
  inviante: string | null;
  motivazione: string | null;
  urgenza: Urgenza | null;
  subAmbito: string;
}

const ETICHETTA_ORIGINE: Record<OrigineProposta, string> = {
  accesso: 'dal segretariato sociale',
  'segnalazione-servizio-specialistico': 'segnalazione di un servizio specialistico',
  'mandato-autorita-giudiziaria': 'mandato dell’Autorità Giudiziaria',
  'dimissione-protetta': 'dimissione protetta',
};

/** Intake, assignment, closure and the diario of the cartella sociale. */
@Injectable()
export class CartelleService {
  constructor(
    private readonly store: CartelleStore,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Puts a proposta in the queue of the sub-ambito, on the person's cartella: created the first time,
   * reused while open, reopened as a new episode after a closure. Runs in the caller's transaction
   * (the inbox one for events). Returns null when this accesso was already taken in.
   */
  async accogliProposta(
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
        `${p.urgenza ? `, urgenza ${p.urgenza}` : ''}. ${p.motivazione ?? ''}`.trim(),
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

  /** Direct opening by the équipe of the comune of residence. */
  async apri(dto: ApriCartellaV1): Promise<CartellaV1> {
    const actor = currentActor();
    const traccia: Traccia = { azione: 'apri', risorsa: 'cartella' };
    const subAmbito = this.territorio.subAmbito(dto.persona.comuneResidenza);
    try {
      if (!subAmbito)
        throw new DomainError(
          'COMUNE_SCONOSCIUTO',
          `Il comune ${dto.persona.comuneResidenza} non fa parte dell’Ambito.`,
          [{ campo: 'persona.comuneResidenza', messaggi: ['comune non appartenente all’Ambito'] }],
        );
      assertApertura(actor, subAmbito);
      assertCodiceFiscale(dto.persona.codiceFiscale, 'persona.codiceFiscale');
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    return this.store.dataSource.transaction(async (manager) => {
      const esito = await this.accogliProposta(
        manager,
        {
          persona: dto.persona,
          origine: dto.origine,
          accessoId: null,
          inviante: dto.inviante,
          motivazione: dto.motivazione,
          urgenza: dto.urgenza,
          subAmbito,
        },
        actor,
      );
      const cartella = esito!.cartella;
      await this.audit.consentito(manager, actor, [
        { ...traccia, risorsaId: cartella.id, soggettoId: cartella.id },
      ]);
      return this.store.caricaV1(manager, cartella.id);
    });
  }

  /** The coordinator names the case manager; a reassignment ends the current assignment, kept in history. */
  async assegna(dto: AssegnaCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'assegna', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        if (!isCoordinatore(actor, cartella)) throw nonConsentito();
        assertNonChiusa(cartella);
        const membro = await manager.findOneBy(MembroEquipeEntity, {
          subAmbito: cartella.subAmbito,
          userId: dto.caseManagerId,
        });
        if (!membro || membro.professione !== 'assistente-sociale')
          throw new DomainError(
            'CASE_MANAGER_NON_VALIDO',
            `${dto.caseManagerId} non è un’assistente sociale dell’équipe del sub-ambito ${cartella.subAmbito}.`,
            [{ campo: 'caseManagerId', messaggi: ['assistente sociale dell’équipe del sub-ambito'] }],
          );
        if (cartella.caseManagerId === membro.userId)
          throw new DomainError(
            'TRANSIZIONE_NON_CONSENTITA',
            `${membro.nome} è già case manager della cartella.`,
          );
        const adesso = new Date();
        const precedente = cartella.caseManagerId;
        await manager.update(AssegnazioneEntity, { cartellaId: cartella.id, al: IsNull() }, { al: adesso });
        await manager.insert(AssegnazioneEntity, {
          cartellaId: cartella.id,
          caseManagerId: membro.userId,
          caseManagerNome: membro.nome,
          assegnataDa: actor.userId,
          dal: adesso,
          note: dto.note ?? null,
        });
        await manager.update(
          CartellaEntity,
          { id: cartella.id },
          { stato: 'in-carico', caseManagerId: membro.userId, caseManagerNome: membro.nome },
        );
        await manager.update(
          PropostaEntity,
          { cartellaId: cartella.id, stato: 'in-attesa' },
          { stato: 'accolta' },
        );
        await this.store.diario(
          manager,
          cartella,
          'assegnazione',
          precedente
            ? `Riassegnata da ${cartella.caseManagerNome ?? precedente} a ${membro.nome}.`
            : `Presa in carico: case manager ${membro.nome}.`,
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaAssegnata, {
          cartellaId: cartella.id,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          caseManagerId: membro.userId,
          precedenteCaseManagerId: precedente,
        });
        return this.store.caricaV1(manager, cartella.id);
      },
    );
  }

  /**
   * The coordinator sets who works the case besides its case manager, among the sub-ambito's équipe;
   * removed members keep their row, ended, in the history.
   */
  async assegnaEquipe(dto: AssegnaEquipeCasoV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'assegna-equipe', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        if (!isCoordinatore(actor, cartella)) throw nonConsentito();
        assertNonChiusa(cartella);
        const richiesti = [...new Set(dto.membri)];
        const equipe = await manager.findBy(MembroEquipeEntity, { subAmbito: cartella.subAmbito });
        const estranei = richiesti.filter((u) => !equipe.some((m) => m.userId === u));
        if (estranei.length > 0)
          throw new DomainError(
            'VALIDAZIONE_FALLITA',
            `Non fanno parte dell’équipe del sub-ambito ${cartella.subAmbito}: ${estranei.join(', ')}.`,
            [{ campo: 'membri', messaggi: estranei.map((u) => `${u}: non è membro dell’équipe`) }],
          );
        const correnti = cartella.membri ?? [];
        const adesso = new Date();
        const usciti = correnti.filter((u) => !richiesti.includes(u));
        const entrati = richiesti.filter((u) => !correnti.includes(u));
        for (const userId of usciti)
          await manager.update(
            PartecipazioneEntity,
            { cartellaId: cartella.id, userId, al: IsNull() },
            { al: adesso },
          );
        for (const userId of entrati) {
          const m = equipe.find((e) => e.userId === userId)!;
          await manager.insert(PartecipazioneEntity, {
            cartellaId: cartella.id,
            userId,
            nome: m.nome,
            professione: m.professione,
            assegnataDa: actor.userId,
            dal: adesso,
          });
        }
        if (usciti.length + entrati.length > 0) {
          const nome = (u: string) => equipe.find((e) => e.userId === u)?.nome ?? u;
          await this.store.diario(
            manager,
            cartella,
            'assegnazione',
            [
              entrati.length ? `Entrano nell’équipe del caso: ${entrati.map(nome).join(', ')}.` : '',
              usciti.length ? `Escono: ${usciti.map(nome).join(', ')}.` : '',
            ]
              .filter(Boolean)
              .join(' '),
            actor,
          );
        }
        return this.store.caricaV1(manager, cartella.id);
      },
    );
  }

  /** The nucleo familiare as the équipe knows it now; the diario records each change. */
  async aggiornaNucleo(dto: AggiornaNucleoV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'aggiorna-nucleo', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella);
        dto.membri.forEach((m, i) => {
          if (m.codiceFiscale) assertCodiceFiscale(m.codiceFiscale, `membri.${i}.codiceFiscale`);
        });
        await manager.delete(MembroNucleoEntity, { cartellaId: cartella.id });
        if (dto.membri.length > 0)
          await manager.insert(
            MembroNucleoEntity,
            dto.membri.map((m, posizione) => ({
              cartellaId: cartella.id,
              posizione,
              cognome: m.cognome,
              nome: m.nome,
              codiceFiscale: m.codiceFiscale?.toUpperCase() ?? null,
              dataNascita: m.dataNascita ?? null,
              relazione: m.relazione,
              convivente: m.convivente,
              caregiver: m.caregiver,
            })),
          );
        const conviventi = dto.membri.filter((m) => m.convivente).length;
        const caregiver = dto.membri
          .filter((m) => m.caregiver)
          .map((m) => `${m.nome} ${m.cognome} (${m.relazione})`);
        await this.store.diario(
          manager,
          cartella,
          'nucleo',
          `Nucleo familiare aggiornato: ${dto.membri.length} componenti, ${conviventi} conviventi` +
            (caregiver.length ? `; caregiver: ${caregiver.join(', ')}.` : '.'),
          actor,
        );
        return this.store.caricaV1(manager, cartella.id);
      },
    );
  }

  async chiudi(dto: ChiudiCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'chiudi', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella, true);
        const adesso = new Date();
        await manager.update(AssegnazioneEntity, { cartellaId: cartella.id, al: IsNull() }, { al: adesso });
        await manager.update(
          CartellaEntity,
          { id: cartella.id },
          {
            stato: 'chiusa',
            motivoChiusura: dto.motivo,
            chiusaIl: adesso,
            chiusaDa: actor.userId,
            noteChiusura: dto.note ?? null,
          },
        );
        await this.store.diario(
          manager,
          cartella,
          'chiusura',
          `Cartella chiusa: ${dto.motivo}. ${dto.note ?? ''}`.trim(),
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaChiusa, {
          cartellaId: cartella.id,
          subAmbito: cartella.subAmbito,
          comuneResidenza: cartella.comuneResidenza,
          motivo: dto.motivo,
          episodio: cartella.episodio,
        });
        return this.store.caricaV1(manager, cartella.id);
      },
    );
  }

  /**
   * Change of residence. Within the sub-ambito only the Comune that decides changes; to a comune of
   * another sub-ambito the case leaves this équipe (assignment ended, kept in history) and waits in the
   * queue of the new one, with all its history.
   */
  async trasferisci(dto: TrasferisciCartellaV1): Promise<CartellaV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'trasferisci', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertNonChiusa(cartella);
        assertLavora(actor, cartella, true);
        const subAmbito = this.territorio.subAmbito(dto.comuneResidenza);
        if (!subAmbito)
          throw new DomainError(
            'COMUNE_SCONOSCIUTO',
            `Il comune ${dto.comuneResidenza} non fa parte dell’Ambito.`,
            [{ campo: 'comuneResidenza', messaggi: ['comune non appartenente all’Ambito'] }],
          );
        if (dto.comuneResidenza === cartella.comuneResidenza)
          throw new DomainError('TRANSIZIONE_NON_CONSENTITA', 'La persona risiede già in questo comune.');
        const da = { subAmbito: cartella.subAmbito, comune: cartella.comuneResidenza };
        const altraEquipe = subAmbito !== cartella.subAmbito;
        if (altraEquipe) {
          await manager.update(
            AssegnazioneEntity,
            { cartellaId: cartella.id, al: IsNull() },
            { al: new Date() },
          );
          await manager.update(
            CartellaEntity,
            { id: cartella.id },
            {
              comuneResidenza: dto.comuneResidenza,
              subAmbito,
              stato: 'in-attesa',
              caseManagerId: null,
              caseManagerNome: null,
            },
          );
        } else {
          await manager.update(CartellaEntity, { id: cartella.id }, { comuneResidenza: dto.comuneResidenza });
        }
        await this.store.diario(
          manager,
          cartella,
          'trasferimento',
          `Cambio di residenza: dal comune ${da.comune} al comune ${dto.comuneResidenza}` +
            (altraEquipe ? `; la cartella passa all’équipe del sub-ambito ${subAmbito}.` : '.') +
            (dto.note ? ` ${dto.note}` : ''),
          actor,
        );
        await this.outbox.append(manager, PRESA_IN_CARICO_EVENTS.cartellaTrasferita, {
          cartellaId: cartella.id,
          daSubAmbito: da.subAmbito,
          aSubAmbito: subAmbito,
          daComune: da.comune,
          aComune: dto.comuneResidenza,
          episodio: cartella.episodio,
        });
        return this.store.caricaV1(manager, cartella.id);
      },
    );
  }

  leggi(id: string): Promise<CartellaV1> {
    return this.store.leggi(id, { azione: 'leggi', risorsa: 'cartella', risorsaId: id }, (manager) =>
      this.store.caricaV1(manager, id),
    );
  }

  /** My cases (case manager), the sub-ambito board (coordinator), the residents of a comune. */
  async elenca(query: ElencaCartelleV1): Promise<PaginaV1<CartellaSintesiV1>> {
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
    await this.audit.consentito(
      manager,
      actor,
      righe.map((c) => ({
        azione: 'elenca',
        risorsa: 'cartella' as const,
        risorsaId: c.id,
        soggettoId: c.id,
      })),
    );
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

  /** Colloqui, visite domiciliari, contacts and documents: also after closure, by the équipe. */
  async annotaDiario(dto: AnnotaDiarioV1): Promise<VoceDiarioV1> {
    return this.store.scrivi(
      dto.id,
      { azione: 'annota-diario', risorsa: 'cartella', risorsaId: dto.id },
      async (manager, cartella, actor) => {
        assertLavora(actor, cartella);
        return toVoceDiarioV1(await this.store.diario(manager, cartella, dto.tipo, dto.testo, actor));
      },
    );
  }

  leggiDiario(id: string): Promise<VoceDiarioV1[]> {
    return this.store.leggi(
      id,
      { azione: 'leggi-diario', risorsa: 'cartella', risorsaId: id },
      async (manager) =>
        (await manager.find(VoceDiarioEntity, { where: { cartellaId: id }, order: { il: 'ASC' } })).map(
          toVoceDiarioV1,
        ),
    );
  }
}

/** A queued case is the coordinator's; once assigned, its équipe's (case manager and coordinator). */
function assertLavora(actor: Actor, cartella: CartellaEntity, soloResponsabili = false): void {
  if (cartella.stato === 'in-attesa') {
    if (!isCoordinatore(actor, cartella)) throw nonConsentito();
  } else {
    assertEquipe(actor, cartella, soloResponsabili);
  }
}

/** Checksum, omocodia and encoded date: a direct opening must name the person without doubt. */
function assertCodiceFiscale(value: string, campo: string): void {
  if (!CodiceFiscale.isValid(value))
    throw new DomainError('CODICE_FISCALE_NON_VALIDO', `Codice fiscale non valido: ${value}.`, [
      { campo, messaggi: ['formato, carattere di controllo o data non validi'] },
    ]);
}
