import { Injectable } from '@nestjs/common';
import {
  ACCESSO_EVENTS,
  type AccessoChiusoSenzaPropostaV2,
  type AccessoChiusoV2,
  type AccessoV1,
  type ChiudiAccessoV1,
} from '@ambito/contracts';
import { OutboxWriter } from '@ambito/messaging';
import { AccessiGate } from '../accessi.gate';
import { AccessiRepository } from '../accessi.repository';
import { assertAperto } from '../regole-accesso';

/** Closed once, with its esito; the event says which accesso and which kind of esito, nothing personal. */
@Injectable()
export class ChiudiAccessoUseCase {
  constructor(
    private readonly gate: AccessiGate,
    private readonly accessi: AccessiRepository,
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
      // Ids and the kind of esito only (v2): the person, the request and the motivazione stay here;
      // the équipe's intake reads them with its service identity and purpose (accesso.proposta.leggi).
      const comune = {
        accessoId: accesso.id,
        personaId: accesso.personaId,
        sede: accesso.sede,
        subAmbito: accesso.subAmbito,
        chiusoIl: chiusoIl.toISOString(),
        operatoreId: actor.userId,
      };
      const payload: AccessoChiusoV2 = proposta
        ? {
            ...comune,
            esito: { tipo: 'proposta-presa-in-carico', urgenza: rilevanti.urgenza ?? 'ordinaria' },
          }
        : {
            ...comune,
            esito: { tipo: esito.tipo as AccessoChiusoSenzaPropostaV2['esito']['tipo'], urgenza: null },
          };
      await this.outbox.append(manager, ACCESSO_EVENTS.accessoChiuso, payload);
    });
  }
}
