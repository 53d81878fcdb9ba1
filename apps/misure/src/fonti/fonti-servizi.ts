import { Injectable } from '@nestjs/common';
import {
  DomainError,
  MISURE_CHIAMATE,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type ChiamataDeclaration,
  type StatoPresaInCaricoV1,
} from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';
import type { FontiIstanza, PersonaPerMisure } from './fonti-istanza';

/**
 * The persona from accesso and the presa in carico from presa-in-carico, read with the misure service's
 * own identity and the purpose `istruttoria-misure` (MISURE_CHIAMATE): two narrow requests that answer
 * only what the rules read, each audited by the service that answers.
 *
 * Their errors pass through (PERSONA_NON_TROVATA from accesso), except the other service's silence: no
 * responder, or no answer in time, is SERVIZIO_NON_DISPONIBILE. A read changes nothing, so a timeout
 * has no undetermined outcome to report (ESITO_NON_DETERMINATO is for writes); a consumer whose riesame
 * fails with it gets its event again later (libs/messaging, indisponibilita-temporanea.ts).
 */
@Injectable()
export class FontiIstanzaServizi implements FontiIstanza {
  constructor(private readonly chiamate: ServiceCaller) {}

  async persona(personaId: string): Promise<PersonaPerMisure> {
    const persona = await this.leggi(
      MISURE_CHIAMATE.persona,
      { personaId },
      `Istruttoria delle istanze della persona ${personaId}`,
    );
    return {
      personaId: persona.personaId,
      dataNascita: persona.dataNascita,
      comuneResidenzaIstat: persona.comuneResidenza,
      residenteNellAmbito: persona.residenteNellAmbito,
      alDomicilio: !persona.ricoveroDefinitivoInCorso,
    };
  }

  async presaInCarico(personaId: string): Promise<StatoPresaInCaricoV1> {
    const stato = await this.leggi(
      MISURE_CHIAMATE.presaInCarico,
      { personaId },
      `Istruttoria delle istanze della persona ${personaId}`,
    );
    return {
      valutazioneCompletata: stato.valutazioneCompletata,
      valutazioneClinicaSociale: stato.valutazioneClinicaSociale,
      progettoApprovato: stato.progettoApprovato,
      budgetDiProgetto: stato.budgetDiProgetto,
    };
  }

  private async leggi<S extends RpcSubject>(
    chiamata: ChiamataDeclaration<S>,
    payload: RpcRequest<S>,
    motivo: string,
  ): Promise<RpcReply<S>> {
    try {
      return await this.chiamate.chiama(chiamata, payload, { motivo });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ESITO_NON_DETERMINATO')
        throw new DomainError(
          'SERVIZIO_NON_DISPONIBILE',
          `Il servizio ${chiamata.rpc.subject.split('.')[0]} non risponde: riprovare tra poco.`,
        );
      throw error;
    }
  }
}
