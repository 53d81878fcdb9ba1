import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type Actor,
  type CercaPersoneV1,
  type PaginaV1,
  type PersonaV1,
} from '@ambito/contracts';
import { CodiceFiscale } from '@ambito/kernel';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { isOperatore, visibilitaDatiPersonali } from '../../scope/ambito-visibilita';
import { TerritorioService } from '../../territorio/territorio.service';
import { toPersonaV1 } from '../persona.entity';
import { RicoveroEntity, toRicoveroV1 } from '../ricoveri/ricovero.entity';
import { PersoneRepository, type AmbitoPersone } from '../persone.repository';

/** One persona, within the actor's territory; an audited read (a refusal only when it exists). */
@Injectable()
export class LeggiPersonaQuery {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
  ) {}

  async esegui(id: string): Promise<PersonaV1> {
    const actor = currentActor();
    const traccia = { azione: 'leggi', risorsa: 'persona' as const, risorsaId: id, soggettoId: id };
    const nonTrovata = new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.');
    let ambito: AmbitoPersone;
    try {
      ambito = ambitoPersone(actor, this.territorio);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const persona = await this.persone.trovaVisibile(id, ambito);
    if (!persona) {
      const esiste = await this.persone.esiste(id);
      throw esiste ? await this.audit.negato(actor, traccia, nonTrovata) : nonTrovata;
    }
    await this.audit.consentito(this.persone.manager, actor, [traccia]);
    const ricoveri = await this.persone.manager.find(RicoveroEntity, {
      where: { personaId: persona.id },
      order: { dal: 'DESC' },
    });
    return { ...toPersonaV1(persona), ricoveri: ricoveri.map(toRicoveroV1) };
  }
}

/**
 * Within one's own territory only. A complete codice fiscale that finds nobody there tells an operator
 * whether the person is registered elsewhere in the Ambito (the person is at the desk and must not be
 * registered twice), and nothing else: no data of a person outside one's territory. The search is
 * audited with its criteria, each persona returned (or found to exist) with its own row.
 */
@Injectable()
export class CercaPersoneQuery {
  constructor(
    private readonly persone: PersoneRepository,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
  ) {}

  async esegui(query: CercaPersoneV1): Promise<PaginaV1<PersonaV1> & { esisteFuoriAmbito?: boolean }> {
    const actor = currentActor();
    const cf = query.codiceFiscale?.trim().toUpperCase();
    const cfCompleto = !!cf && CodiceFiscale.isValid(cf);
    const traccia = { azione: 'cerca', risorsa: 'persona' as const };
    let ambito: AmbitoPersone;
    try {
      ambito = ambitoPersone(actor, this.territorio);
    } catch (error) {
      throw await this.audit.negato(actor, traccia, error as Error);
    }
    const { persone, totale, pagina, perPagina } = await this.persone.cerca(
      { ...query, codiceFiscale: cf, codiceFiscaleCompleto: cfCompleto },
      ambito,
    );
    const verificaEsistenza = cfCompleto && persone.length === 0 && isOperatore(actor);
    const altrove = verificaEsistenza ? await this.persone.idPerCodiceFiscale(cf) : null;
    await this.audit.ricerca(this.persone.manager, actor, {
      traccia,
      criteri: criteriDaRegistrare(query, ['pagina', 'perPagina']),
      risultati: [
        ...persone.map((p) => ({ ...traccia, risorsaId: p.id, soggettoId: p.id })),
        // Learning that a person exists outside one's territory is itself a disclosure: on record.
        ...(altrove
          ? [
              {
                azione: 'verifica-esistenza',
                risorsa: 'persona' as const,
                risorsaId: altrove,
                soggettoId: altrove,
              },
            ]
          : []),
      ],
    });
    return {
      elementi: persone.map(toPersonaV1),
      totale,
      pagina,
      perPagina,
      ...(verificaEsistenza ? { esisteFuoriAmbito: altrove !== null } : {}),
    };
  }
}

/** Persone resident in the actor's territory, or with an accesso in one of its sub-ambiti. */
export function ambitoPersone(actor: Actor, territorio: TerritorioService): AmbitoPersone {
  const { subAmbiti, comuni } = visibilitaDatiPersonali(actor);
  return { residenza: [...new Set([...territorio.comuniDi(subAmbiti), ...comuni])], subAmbiti };
}
