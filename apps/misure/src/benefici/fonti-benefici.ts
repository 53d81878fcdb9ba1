import { Injectable } from '@nestjs/common';
import { DomainError, MISURE_CHIAMATE } from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';
import type { RicoveroDellaPersona } from './ricoveri';

/** What the benefici read of a person in accesso's records: birth, death, ricoveri since last year. */
export interface RegistrazioniPersona {
  dataNascita: string;
  dataDecesso: string | null;
  ricoveri: RicoveroDellaPersona[];
}

/** accesso's records of a person; null when accesso does not know the person. */
export interface FontiBenefici {
  registrazioni(personaId: string): Promise<RegistrazioniPersona | null>;
}
export const FONTI_BENEFICI = Symbol('FONTI_BENEFICI');

/**
 * Read with the misure service's own identity (MISURE_CHIAMATE.persona, purpose `istruttoria-misure`:
 * «istanze di misure e benefici»), audited by accesso. accesso not answering is SERVIZIO_NON_DISPONIBILE:
 * the consumer gets its event again later.
 */
@Injectable()
export class FontiBeneficiServizi implements FontiBenefici {
  constructor(private readonly chiamate: ServiceCaller) {}

  async registrazioni(personaId: string): Promise<RegistrazioniPersona | null> {
    try {
      const p = await this.chiamate.chiama(
        MISURE_CHIAMATE.persona,
        { personaId },
        { motivo: `Sospensioni e fine dei benefici della persona ${personaId}` },
      );
      return { dataNascita: p.dataNascita, dataDecesso: p.dataDecesso, ricoveri: p.ricoveri };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PERSONA_NON_TROVATA') return null;
      if (error instanceof DomainError && error.code === 'ESITO_NON_DETERMINATO')
        throw new DomainError(
          'SERVIZIO_NON_DISPONIBILE',
          'Il servizio accesso non risponde: riprovare tra poco.',
        );
      throw error;
    }
  }
}
