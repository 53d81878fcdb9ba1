import { Injectable } from '@nestjs/common';
import { DomainError, INTEGRAZIONI_SIUSS_CHIAMATE } from '@ambito/contracts';
import { ServiceCaller } from '@ambito/messaging';
import type { InterventoPerSiussV1 } from '@ambito/contracts';
import type { ValutazioneSina } from './codici/sina-siuss';
import type { DatiBeneficio, DatiIstanza, DatiPersona } from './record/componi-record';

/** Everything a SIUSS record needs about a beneficio, read from the services that own it. */
export interface DatiRecordSiuss {
  beneficio: DatiBeneficio & { personaId: string; istanzaId: string };
  istanza: DatiIstanza;
  persona: DatiPersona;
  presoInCarico: boolean;
  /** The last SINA valutazione of the cartella, as registered (mapped by codici/sina-siuss.ts). */
  valutazioneSina: ValutazioneSina | null;
}

/** Everything the SIUSS records of a person's progetto need: who, the SINA profile, the interventi. */
export interface DatiProgettoSiuss {
  persona: DatiPersona;
  presoInCarico: boolean;
  valutazioneSina: ValutazioneSina | null;
  progetto: { progettoId: string; versione: number; interventi: InterventoPerSiussV1[] } | null;
}

export interface FontiSiuss {
  /** The beneficio born of a funded istanza; null while misure has not made it yet. */
  beneficioDiIstanza(istanzaId: string): Promise<string | null>;
  dati(beneficioId: string): Promise<DatiRecordSiuss>;
  datiProgetto(personaId: string): Promise<DatiProgettoSiuss>;
}
export const FONTI_SIUSS = Symbol('FONTI_SIUSS');

const nonDisponibile = (servizio: string) =>
  new DomainError('SERVIZIO_NON_DISPONIBILE', `Il servizio ${servizio} non risponde: riprovare tra poco.`);

/**
 * Read with the integrazioni service's own identity (INTEGRAZIONI_SIUSS_CHIAMATE, purpose
 * `debito-informativo`), each read audited by the service that answers. A service not answering is
 * SERVIZIO_NON_DISPONIBILE: the consumer gets its event again later.
 */
@Injectable()
export class FontiSiussServizi implements FontiSiuss {
  constructor(private readonly chiamate: ServiceCaller) {}

  async beneficioDiIstanza(istanzaId: string): Promise<string | null> {
    const pagina = await this.leggi('misure', () =>
      this.chiamate.chiama(
        INTEGRAZIONI_SIUSS_CHIAMATE.beneficiIstanza,
        { istanzaId },
        { motivo: `Record SIUSS della prestazione concessa sull’istanza ${istanzaId}` },
      ),
    );
    return pagina.elementi[0]?.id ?? null;
  }

  async dati(beneficioId: string): Promise<DatiRecordSiuss> {
    const motivo = `Record SIUSS del beneficio ${beneficioId}`;
    const b = await this.leggi('misure', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.beneficio, { id: beneficioId }, { motivo }),
    );
    const istanza = await this.leggi('misure', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.istanza, { id: b.istanzaId }, { motivo }),
    );
    const persona = await this.leggi('accesso', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.persona, { personaId: b.personaId }, { motivo }),
    );
    const presa = await this.leggi('presa-in-carico', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.sinaEProgetto, { personaId: b.personaId }, { motivo }),
    );
    // The DSU the istanza was judged with: the most recent declared attestation.
    const dsu = [...(istanza.dichiarazioni.isee ?? [])].sort((x, y) =>
      y.dataPresentazione.localeCompare(x.dataPresentazione),
    )[0];
    return {
      beneficio: {
        id: b.id,
        personaId: b.personaId,
        istanzaId: b.istanzaId,
        misura: b.misura,
        strumento: b.strumento,
        importoMensileCentesimi: b.importoMensileCentesimi,
        importoTotaleCentesimi: b.importoTotaleCentesimi,
        dal: b.dal,
        al: b.al,
        terminaDal: b.terminaDal,
      },
      istanza: {
        protocollo: istanza.protocollo,
        protocolloDsu: dsu?.protocolloDsu ?? null,
        dataDsu: dsu?.dataPresentazione ?? null,
      },
      persona: datiPersona(persona),
      presoInCarico: presa.presoInCarico,
      valutazioneSina: presa.valutazioneSina,
    };
  }

  async datiProgetto(personaId: string): Promise<DatiProgettoSiuss> {
    const motivo = `Record SIUSS degli interventi del progetto della persona ${personaId}`;
    const presa = await this.leggi('presa-in-carico', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.sinaEProgetto, { personaId }, { motivo }),
    );
    const persona = await this.leggi('accesso', () =>
      this.chiamate.chiama(INTEGRAZIONI_SIUSS_CHIAMATE.persona, { personaId }, { motivo }),
    );
    return {
      persona: datiPersona(persona),
      presoInCarico: presa.presoInCarico,
      valutazioneSina: presa.valutazioneSina,
      progetto: presa.progetto,
    };
  }

  private async leggi<T>(servizio: string, chiamata: () => Promise<T>): Promise<T> {
    try {
      return await chiamata();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ESITO_NON_DETERMINATO')
        throw nonDisponibile(servizio);
      throw error;
    }
  }
}

function datiPersona(persona: DatiPersona): DatiPersona {
  return {
    codiceFiscale: persona.codiceFiscale,
    cognome: persona.cognome,
    nome: persona.nome,
    dataNascita: persona.dataNascita,
    luogoNascita: persona.luogoNascita,
    sesso: persona.sesso,
    cittadinanzaIstat: persona.cittadinanzaIstat,
    comuneResidenza: persona.comuneResidenza,
    statoEsteroResidenza: persona.statoEsteroResidenza,
  };
}
