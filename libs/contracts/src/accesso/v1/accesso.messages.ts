import {
  LETTORI_DATI_PERSONALI,
  LETTORI_STATISTICHE,
  OPERATORI,
  REVISORI,
  TUTTI,
} from '../../common/gruppi-ruoli';
import {
  evento,
  rpc,
  unione,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import {
  AccessoV1,
  AggiornaAccessoV1,
  AnnotaAccessoV1,
  ChiudiAccessoV1,
  ContatoriAccessiRispostaV1,
  ContatoriAccessiV1,
  ElencaAccessiV1,
  LeggiAccessoV1,
  PaginaAccessiV1,
  RegistraAccessoV1,
} from './accesso.dto';
import {
  AccessoChiusoConPropostaV2,
  AccessoChiusoSenzaPropostaV2,
  AccessoRegistratoV1,
  ESITI_SENZA_PROPOSTA,
  PersonaAggiornataV1,
  PersonaDecedutaV1,
  PersonaResidenzaCambiataV1,
  RicoveroConclusoV1,
  RicoveroIniziatoV1,
} from './accesso.events';
import { ElencaAuditV1, PaginaAuditV1 } from './audit.dto';
import { LeggiPersonaPerMisureV1, PersonaPerMisureV1 } from './persona-misure.dto';
import { CercaPersonePerIntegrazioniV1, PersonaPerIntegrazioniV1 } from './persona-integrazioni.dto';
import { LeggiPersonaPerIseeV1, PersonaPerIseeV1 } from './persona-isee.dto';
import { LeggiPersonaPerSiussV1, PersonaPerSiussV1 } from './persona-siuss.dto';
import {
  AggiornaPersonaV1,
  CercaPersoneV1,
  ConcludiRicoveroV1,
  RegistraRicoveroV1,
  RicoveroV1,
  LeggiPersonaV1,
  PaginaPersoneV1,
  PersonaV1,
  RegistraDecessoV1,
  RegistraPersonaV1,
} from './persona.dto';
import { LeggiPropostaV1, PropostaPresaInCaricoV1 } from './proposta.dto';
import { LeggiTerritorioV1, TerritorioV1 } from './territorio.dto';

/** Request/reply subjects of the accesso service (queue group `accesso`). Wire values: do not change them. */
export const ACCESSO_RPC = {
  registraPersona: rpc({
    subject: 'accesso.persona.registra',
    request: RegistraPersonaV1,
    reply: PersonaV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Registra una persona (una sola per codice fiscale, verificato).',
  }),
  aggiornaPersona: rpc({
    subject: 'accesso.persona.aggiorna',
    request: AggiornaPersonaV1,
    reply: PersonaV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Aggiorna i dati di una persona visibile all’operatore (non codice fiscale e nascita).',
  }),
  registraDecesso: rpc({
    subject: 'accesso.persona.registra-decesso',
    request: RegistraDecessoV1,
    reply: PersonaV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Registra la data del decesso di una persona (una sola volta).',
  }),
  registraRicovero: rpc({
    subject: 'accesso.persona.registra-ricovero',
    request: RegistraRicoveroV1,
    reply: RicoveroV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione:
      'Registra un ricovero (ospedaliero, di sollievo, residenziale definitivo) di una persona visibile all’operatore.',
  }),
  concludiRicovero: rpc({
    subject: 'accesso.ricovero.concludi',
    request: ConcludiRicoveroV1,
    reply: RicoveroV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Registra la fine (dimissione) di un ricovero in corso.',
  }),
  leggiPersona: rpc({
    subject: 'accesso.persona.leggi',
    request: LeggiPersonaV1,
    reply: PersonaV1,
    ruoli: LETTORI_DATI_PERSONALI,
    ambito: 'sub-ambito-o-comune',
    descrizione: 'Legge una persona, con la finalità dichiarata registrata nell’audit.',
    letturaDatiPersonali: true,
  }),
  cercaPersone: rpc({
    subject: 'accesso.persona.cerca',
    request: CercaPersoneV1,
    reply: PaginaPersoneV1,
    ruoli: LETTORI_DATI_PERSONALI,
    ambito: 'sub-ambito-o-comune',
    descrizione: 'Cerca persone per codice fiscale, cognome e nome.',
    letturaDatiPersonali: true,
  }),
  registraAccesso: rpc({
    subject: 'accesso.accesso.registra',
    request: RegistraAccessoV1,
    reply: AccessoV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Registra un colloquio di segretariato sociale presso una sede del proprio sub-ambito.',
  }),
  aggiornaAccesso: rpc({
    subject: 'accesso.accesso.aggiorna',
    request: AggiornaAccessoV1,
    reply: AccessoV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Corregge un accesso ancora aperto.',
  }),
  chiudiAccesso: rpc({
    subject: 'accesso.accesso.chiudi',
    request: ChiudiAccessoV1,
    reply: AccessoV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Chiude un accesso con il suo esito (la proposta di presa in carico va all’équipe).',
  }),
  annotaAccesso: rpc({
    subject: 'accesso.accesso.annota',
    request: AnnotaAccessoV1,
    reply: AccessoV1,
    ruoli: OPERATORI,
    ambito: 'sub-ambito',
    descrizione: 'Aggiunge un’annotazione a un accesso, anche chiuso.',
  }),
  leggiAccesso: rpc({
    subject: 'accesso.accesso.leggi',
    request: LeggiAccessoV1,
    reply: AccessoV1,
    ruoli: LETTORI_DATI_PERSONALI,
    ambito: 'sub-ambito-o-comune',
    descrizione: 'Legge un accesso.',
    letturaDatiPersonali: true,
  }),
  elencaAccessi: rpc({
    subject: 'accesso.accesso.elenca',
    request: ElencaAccessiV1,
    reply: PaginaAccessiV1,
    ruoli: LETTORI_DATI_PERSONALI,
    ambito: 'sub-ambito-o-comune',
    descrizione: 'Elenca gli accessi visibili all’utente, con filtri.',
    letturaDatiPersonali: true,
  }),
  leggiProposta: rpc({
    subject: 'accesso.proposta.leggi',
    request: LeggiPropostaV1,
    reply: PropostaPresaInCaricoV1,
    // Service identity only: the intake of presa-in-carico (PRESA_IN_CARICO_CHIAMATE), no user.
    ruoli: ['servizio-presa-in-carico'],
    ambito: 'servizio',
    descrizione:
      'La proposta di presa in carico di un accesso chiuso con quell’esito (persona e motivazione), per l’équipe che la accoglie.',
    letturaDatiPersonali: true,
  }),
  leggiPersonaPerMisure: rpc({
    subject: 'accesso.persona.leggi-per-misure',
    request: LeggiPersonaPerMisureV1,
    reply: PersonaPerMisureV1,
    // Service identity only: the istruttoria of the misure (MISURE_CHIAMATE), no user.
    ruoli: ['servizio-misure'],
    ambito: 'servizio',
    descrizione:
      'Data di nascita, comune di residenza (e se è nell’Ambito) e ricovero definitivo in corso di una persona, per l’istruttoria delle sue istanze di misure.',
    letturaDatiPersonali: true,
  }),
  cercaPersonePerIntegrazioni: rpc({
    subject: 'accesso.persona.cerca-per-integrazioni',
    request: CercaPersonePerIntegrazioniV1,
    reply: [PersonaPerIntegrazioniV1],
    // Service identity only: the GePI import of integrazioni (INTEGRAZIONI_GEPI_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Le persone dell’anagrafe con quei codici fiscali (anagrafica e residenza), per aprire le cartelle dei nuclei ADI importati da GePI.',
  }),
  leggiPersonaPerIsee: rpc({
    subject: 'accesso.persona.leggi-per-isee',
    request: LeggiPersonaPerIseeV1,
    reply: PersonaPerIseeV1,
    // Service identity only: the ISEE consultation at INPS (INTEGRAZIONI_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Il codice fiscale della persona di un’istanza, che il servizio integrazioni usa per consultarne l’ISEE presso INPS.',
    letturaDatiPersonali: true,
  }),
  leggiPersonaPerSiuss: rpc({
    subject: 'accesso.persona.leggi-per-siuss',
    request: LeggiPersonaPerSiussV1,
    reply: PersonaPerSiussV1,
    // Service identity only: the SIUSS feed of integrazioni (INTEGRAZIONI_SIUSS_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Codice fiscale, cognome, nome, anno e luogo di nascita, genere, cittadinanza e residenza di una persona, per il suo record SIUSS.',
    letturaDatiPersonali: true,
  }),
  contatoriAccessi: rpc({
    subject: 'accesso.statistiche.contatori',
    request: ContatoriAccessiV1,
    reply: ContatoriAccessiRispostaV1,
    ruoli: LETTORI_STATISTICHE,
    ambito: 'ambito',
    descrizione:
      'Contatori degli accessi per periodo, area di bisogno e comune (nessun dato personale). Ufficio di Piano e amministratore: solo per mesi interi e conclusi, senza le celle di meno di 5 persone.',
  }),
  leggiTerritorio: rpc({
    subject: 'accesso.territorio.leggi',
    request: LeggiTerritorioV1,
    reply: TerritorioV1,
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'Il territorio dell’Ambito: comuni, sub-ambiti e sedi.',
  }),
  elencaAudit: rpc({
    subject: 'accesso.audit.elenca',
    request: ElencaAuditV1,
    reply: PaginaAuditV1,
    ruoli: REVISORI,
    ambito: 'ambito',
    descrizione: 'Registro degli accessi ai dati personali delle persone e degli accessi.',
    letturaDatiPersonali: true,
  }),
} as const;

/** Event types of the accesso service (JetStream stream `EVT_ACCESSO`, subjects `evt.accesso.>`). */
export const ACCESSO_EVENTS = {
  accessoRegistrato: evento({
    type: 'accesso.accesso.registrato',
    version: 1,
    payload: AccessoRegistratoV1,
    descrizione: 'Un colloquio di segretariato sociale è stato registrato.',
  }),
  accessoChiuso: evento({
    type: 'accesso.accesso.chiuso',
    version: 2,
    payload: unione('esito.tipo', {
      'proposta-presa-in-carico': AccessoChiusoConPropostaV2,
      ...Object.fromEntries(ESITI_SENZA_PROPOSTA.map((tipo) => [tipo, AccessoChiusoSenzaPropostaV2])),
    } as Record<'proposta-presa-in-carico', typeof AccessoChiusoConPropostaV2> &
      Record<(typeof ESITI_SENZA_PROPOSTA)[number], typeof AccessoChiusoSenzaPropostaV2>),
    descrizione:
      'Un accesso è stato chiuso con il suo esito: identificativi e tipo di esito, nessun dato della persona né testo libero (la proposta si legge con accesso.proposta.leggi).',
  }),
  personaAggiornata: evento({
    type: 'accesso.persona.aggiornata',
    version: 1,
    payload: PersonaAggiornataV1,
    descrizione: 'I dati di una persona sono stati aggiornati (i nomi dei campi, non i valori).',
  }),
  personaDeceduta: evento({
    type: 'accesso.persona.deceduta',
    version: 1,
    payload: PersonaDecedutaV1,
    descrizione: 'È stato registrato il decesso di una persona.',
  }),
  residenzaCambiata: evento({
    type: 'accesso.persona.residenza-cambiata',
    version: 1,
    payload: PersonaResidenzaCambiataV1,
    descrizione:
      'Una persona ha cambiato residenza: il nuovo comune e il suo sub-ambito (per trasferire la cartella).',
  }),
  ricoveroIniziato: evento({
    type: 'accesso.ricovero.iniziato',
    version: 1,
    payload: RicoveroIniziatoV1,
    descrizione: 'È stato registrato un ricovero di una persona (identificativi e date).',
  }),
  ricoveroConcluso: evento({
    type: 'accesso.ricovero.concluso',
    version: 1,
    payload: RicoveroConclusoV1,
    descrizione: 'Un ricovero si è concluso (identificativi e date).',
  }),
} as const;

export type AccessoRpcMap = RpcMapOf<ValuesOf<typeof ACCESSO_RPC>>;
export type AccessoEventMap = EventMapOf<ValuesOf<typeof ACCESSO_EVENTS>>;
