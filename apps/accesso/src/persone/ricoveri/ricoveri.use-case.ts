import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACCESSO_EVENTS,
  DomainError,
  type ConcludiRicoveroV1,
  type RegistraRicoveroV1,
  type RicoveroV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { isIsoDate, giornoInItalia } from '@ambito/kernel';
import { isViolation } from '@ambito/persistence';
import { isOperatore, nonConsentito } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { ambitoPersone } from '../lettura/persone.queries';
import { PersonaEntity } from '../persona.entity';
import { PersoneRepository } from '../persone.repository';
import { RicoveroEntity, toRicoveroV1 } from './ricovero.entity';

const ricoveroNonTrovato = () => new DomainError('RICOVERO_NON_TROVATO', 'Ricovero non trovato.');
const sovrapposto = () =>
  new DomainError(
    'RICOVERO_SOVRAPPOSTO',
    'Il periodo si sovrappone a un altro ricovero della persona: concluderlo o correggere le date.',
    [{ campo: 'dal', messaggi: ['periodo sovrapposto a un altro ricovero'] }],
  );

/**
 * Ricoveri are recorded on the persona (not in a cartella): the misure that they suspend are paid to
 * persone with or without a cartella, and whoever learns of it first (segretariato, case manager)
 * records it. Under the persona's row lock, so two operators cannot record overlapping periods; at
 * most one open ricovero per persona is also a unique index. The events carry ids and dates only.
 */
@Injectable()
export class RicoveriUseCase {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
  ) {}

  async registra(dto: RegistraRicoveroV1): Promise<RicoveroV1> {
    return this.sullaPersona(
      dto.personaId,
      'registra-ricovero',
      undefined,
      async (manager, persona, actor) => {
        assertPeriodo(dto.dal, dto.al ?? null, persona);
        await assertNonSovrapposto(manager, persona.id, dto.dal, dto.al ?? null);
        const ricovero = await manager.save(
          manager.create(RicoveroEntity, {
            personaId: persona.id,
            tipo: dto.tipo,
            dal: dto.dal,
            al: dto.al ?? null,
            registratoDa: actor,
          }),
        );
        await this.outbox.append(manager, ACCESSO_EVENTS.ricoveroIniziato, {
          ricoveroId: ricovero.id,
          personaId: persona.id,
          dal: ricovero.dal,
          al: ricovero.al,
        });
        return ricovero;
      },
    );
  }

  async concludi(dto: ConcludiRicoveroV1): Promise<RicoveroV1> {
    const trovato = await this.persone.manager.findOneBy(RicoveroEntity, { id: dto.id });
    if (!trovato) throw ricoveroNonTrovato();
    return this.sullaPersona(
      trovato.personaId,
      'concludi-ricovero',
      dto.id,
      async (manager, persona, actor) => {
        const ricovero = await manager.findOneByOrFail(RicoveroEntity, { id: dto.id });
        if (ricovero.al !== null)
          throw new DomainError('TRANSIZIONE_NON_CONSENTITA', 'Il ricovero è già concluso.');
        assertPeriodo(ricovero.dal, dto.al, persona);
        await assertNonSovrapposto(manager, persona.id, ricovero.dal, dto.al, ricovero.id);
        ricovero.al = dto.al;
        ricovero.conclusoDa = actor;
        await manager.save(ricovero);
        await this.outbox.append(manager, ACCESSO_EVENTS.ricoveroConcluso, {
          ricoveroId: ricovero.id,
          personaId: persona.id,
          dal: ricovero.dal,
          al: dto.al,
        });
        return ricovero;
      },
    );
  }

  /** A write about a persona visible to the operator, with its row locked; audited either way. */
  private async sullaPersona(
    personaId: string,
    azione: string,
    ricoveroId: string | undefined,
    cambia: (manager: EntityManager, persona: PersonaEntity, actor: string) => Promise<RicoveroEntity>,
  ): Promise<RicoveroV1> {
    const actor = currentActor();
    const traccia = {
      azione,
      risorsa: 'persona' as const,
      risorsaId: ricoveroId ?? personaId,
      soggettoId: personaId,
    };
    if (!isOperatore(actor)) throw await this.audit.negato(actor, traccia, nonConsentito());
    const visibile = await this.persone.trovaVisibile(personaId, ambitoPersone(actor, this.territorio));
    if (!visibile) {
      const nonTrovata = new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.');
      throw (await this.persone.esiste(personaId))
        ? await this.audit.negato(actor, traccia, nonTrovata)
        : nonTrovata;
    }
    try {
      return await this.persone.transazione(async (manager) => {
        const persona = await manager.findOneOrFail(PersonaEntity, {
          where: { id: personaId },
          lock: { mode: 'pessimistic_write' },
        });
        const ricovero = await cambia(manager, persona, actor.userId);
        await this.audit.consentito(manager, actor, [{ ...traccia, risorsaId: ricovero.id }]);
        return toRicoveroV1(ricovero);
      });
    } catch (error) {
      if (isViolation(error, '23505', 'uq_ricovero_in_corso')) throw sovrapposto();
      throw error;
    }
  }
}

/** Real dates, not in the future to start, the end not before the start nor after death. */
function assertPeriodo(dal: string, al: string | null, persona: PersonaEntity): void {
  const oggi = giornoInItalia();
  if (!isIsoDate(dal) || dal > oggi || dal < persona.dataNascita)
    throw new DomainError('DATA_NON_VALIDA', 'Data di inizio del ricovero impossibile.', [
      { campo: 'dal', messaggi: ['data inesistente, futura o anteriore alla nascita'] },
    ]);
  if (al !== null && (!isIsoDate(al) || al < dal))
    throw new DomainError('DATA_NON_VALIDA', 'La fine del ricovero precede il suo inizio.', [
      { campo: 'al', messaggi: ['precede la data di inizio'] },
    ]);
  if (persona.dataDecesso && (dal > persona.dataDecesso || (al !== null && al > persona.dataDecesso)))
    throw new DomainError('DATA_NON_VALIDA', 'Il ricovero non può proseguire oltre la data del decesso.', [
      { campo: al !== null && dal <= persona.dataDecesso ? 'al' : 'dal', messaggi: ['dopo il decesso'] },
    ]);
}

async function assertNonSovrapposto(
  manager: EntityManager,
  personaId: string,
  dal: string,
  al: string | null,
  escluso?: string,
): Promise<void> {
  const [{ sovrapposti }] = (await manager.query(
    `SELECT count(*)::int AS sovrapposti FROM ricovero
      WHERE persona_id = $1 AND ($4::uuid IS NULL OR id <> $4)
        AND daterange(dal, al, '[]') && daterange($2::date, $3::date, '[]')`,
    [personaId, dal, al, escluso ?? null],
  )) as [{ sovrapposti: number }];
  if (sovrapposti > 0) throw sovrapposto();
}
