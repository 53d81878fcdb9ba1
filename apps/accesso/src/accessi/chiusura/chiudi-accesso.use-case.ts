import { Injectable } from '@nestjs/common';
import {
  ACCESSO_EVENTS,
  type AccessoChiusoV1,
  type AccessoV1,
  type ChiudiAccessoV1,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { PersoneRepository } from '../../persone/persone.repository';
import { AccessiGate } from '../accessi.gate';
import { AccessiRepository } from '../accessi.repository';
import { assertAperto, riferimenti } from '../regole-accesso';

/** Closed once, with its esito; a proposta di presa in carico tells the équipe who the person is. */
@Injectable()
export class ChiudiAccessoUseCase {
  constructor(
    private readonly gate: AccessiGate,
    private readonly accessi: AccessiRepository,
    private readonly persone: PersoneRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  esegui(dto: ChiudiAccessoV1): Promise<AccessoV1> {
    return this.gate.scrivi(dto.id, 'chiudi', async (manager, accesso, actor) => {
      assertAperto(accesso);
      const { esito } = dto;
      const chiusoIl = new Date();
      const proposta = esito.tipo === 'proposta-presa-in-carico';
      const rilevanti = {
        servizio: proposta || esito.tipo === 'informazione-orientamento' ? null : (esito.servizio ?? null),
        motivazione: proposta ? (esito.motivazione ?? null) : null,
        urgenza: proposta ? (esito.urgenza ?? null) : null,
      };
      await this.accessi.aggiorna(manager, accesso.id, {
        stato: 'chiuso',
        esitoTipo: esito.tipo,
        esitoServizio: rilevanti.servizio,
        esitoMotivazione: rilevanti.motivazione,
        esitoUrgenza: rilevanti.urgenza,
        esitoNote: esito.note ?? null,
        chiusoIl,
        chiusoDa: actor.userId,
      });
      const comune = {
        ...riferimenti(accesso),
        richiesta: accesso.richiesta,
        chiusoIl: chiusoIl.toISOString(),
        operatoreId: actor.userId,
      };
      let payload: AccessoChiusoV1;
      if (esito.tipo === 'proposta-presa-in-carico') {
        // Only the équipe that takes charge needs who the person is; other esiti travel without it.
        const persona = await this.persone.ottieni(manager, accesso.personaId);
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
            comuneResidenza: accesso.comuneResidenza,
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
}
