import { Injectable } from '@nestjs/common';
import type { AccessoV1, Actor, ElencaAccessiV1, PaginaV1 } from '@ambito/contracts';
import { AuditService, criteriDaRegistrare, type Traccia } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { visibilitaDatiPersonali, type Visibilita } from '../../scope/ambito-visibilita';
import { AccessiRepository } from '../accessi.repository';
import { accessoNonTrovato, visibile } from '../regole-accesso';
import { toAccessiV1, toAccessoV1 } from './accesso.read-model';

/** One accesso, within the actor's territory; an audited read (outside it, it does not exist). */
@Injectable()
export class LeggiAccessoQuery {
  constructor(
    private readonly accessi: AccessiRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(id: string): Promise<AccessoV1> {
    const actor = currentActor();
    const accesso = await this.accessi.carica(this.accessi.manager, id);
    const traccia: Traccia = {
      azione: 'leggi',
      risorsa: 'accesso',
      risorsaId: id,
      soggettoId: accesso?.personaId,
    };
    const visibilita = await visibilitaAuditata(this.audit, actor, traccia);
    if (!accesso) throw accessoNonTrovato();
    if (!visibile(accesso, visibilita)) throw await this.audit.negato(actor, traccia, accessoNonTrovato());
    await this.audit.consentito(this.accessi.manager, actor, [traccia]);
    return toAccessoV1(accesso);
  }
}

/** Filters of a list of accessi that are not personal data: recorded with their values. */
const CRITERI_REGISTRATI = [
  'sede',
  'subAmbito',
  'comune',
  'operatore',
  'personaId',
  'dal',
  'al',
  'areaBisogno',
  'stato',
  'esito',
  'pagina',
  'perPagina',
] as const satisfies ReadonlyArray<keyof ElencaAccessiV1>;

/**
 * The accessi of the actor's territory, filtered and paged: the list is audited with its criteria and
 * each accesso returned is an audited read.
 */
@Injectable()
export class ElencaAccessiQuery {
  constructor(
    private readonly accessi: AccessiRepository,
    private readonly audit: AuditService,
  ) {}

  async esegui(query: ElencaAccessiV1): Promise<PaginaV1<AccessoV1>> {
    const actor = currentActor();
    const visibilita = await visibilitaAuditata(this.audit, actor, { azione: 'elenca', risorsa: 'accesso' });
    const { righe, annotazioni, totale, pagina, perPagina } = await this.accessi.elenca(query, visibilita);
    await this.audit.ricerca(this.accessi.manager, actor, {
      traccia: { azione: 'elenca', risorsa: 'accesso', soggettoId: query.personaId ?? null },
      criteri: criteriDaRegistrare(query, CRITERI_REGISTRATI),
      risultati: righe.map((a) => ({
        azione: 'elenca',
        risorsa: 'accesso' as const,
        risorsaId: a.id,
        soggettoId: a.personaId,
      })),
    });
    return { elementi: toAccessiV1(righe, annotazioni), totale, pagina, perPagina };
  }
}

/** Where the actor sees personal data; a role that never does is an audited refusal. */
async function visibilitaAuditata(audit: AuditService, actor: Actor, traccia: Traccia): Promise<Visibilita> {
  try {
    return visibilitaDatiPersonali(actor);
  } catch (error) {
    throw await audit.negato(actor, traccia, error as Error);
  }
}
