import type { AreaBisogno, Canale, Sesso, TipoEsito, Urgenza } from './vocabolari';

/** `evt.accesso.accesso.registrato.v1` */
export interface AccessoRegistratoV1 {
  accessoId: string;
  personaId: string;
  sede: string;
  subAmbito: string;
  comuneResidenza: string;
  areaBisogno: AreaBisogno;
  canale: Canale;
  dataOra: string;
  operatoreId: string;
}

/** `evt.accesso.accesso.chiuso.v1`. A `proposta-presa-in-carico` esito is the intake of the presa-in-carico service. */
export interface AccessoChiusoV1 {
  accessoId: string;
  personaId: string;
  sede: string;
  subAmbito: string;
  comuneResidenza: string;
  areaBisogno: AreaBisogno;
  richiesta: string;
  chiusoIl: string;
  operatoreId: string;
  esito: {
    tipo: TipoEsito;
    servizio: string | null;
    motivazione: string | null;
    urgenza: Urgenza | null;
  };
  /** Present only with a proposta di presa in carico: what the équipe needs to open the cartella. */
  persona: {
    codiceFiscale: string;
    cognome: string;
    nome: string;
    dataNascita: string;
    sesso: Sesso;
    comuneResidenza: string;
  } | null;
}
