import { ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
import {
  chiamata,
  consumo,
  rpc,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import { MISURE_EVENTS, MISURE_RPC } from '../../misure/v1/misure.messages';
import {
  ElencaConsultazioniIseeV1,
  ConsultazioneIseeV1,
  PaginaConsultazioniIseeV1,
  RiprovaConsultazioneIseeV1,
} from './isee.dto';
import { INTEGRAZIONI_ISEE_EVENTS } from './isee.messages';
import { INTEGRAZIONI_GEPI_RPC } from './gepi.messages';
import { INTEGRAZIONI_SIUSS_RPC } from './siuss.messages';
import { LeggiStatoIntegrazioniV1, StatoIntegrazioniV1 } from './stato.dto';

/** Request/reply subjects of the integrazioni service (queue group `integrazioni`). Wire values: do not change them. */
export const INTEGRAZIONI_RPC = {
  leggiStato: rpc({
    subject: 'integrazioni.stato.leggi',
    request: LeggiStatoIntegrazioniV1,
    reply: StatoIntegrazioniV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio integrazioni: nome, versione ed eventi nell’outbox.',
  }),
  ...INTEGRAZIONI_GEPI_RPC,
  // INPS ISEE (src/isee): the consultations an administrator follows and replays.
  elencaConsultazioniIsee: rpc({
    subject: 'integrazioni.isee.consultazioni.elenca',
    request: ElencaConsultazioniIseeV1,
    reply: PaginaConsultazioniIseeV1,
    ruoli: ['amministratore'],
    ambito: 'ambito',
    descrizione:
      'Le consultazioni dell’ISEE presso INPS, le più recenti prima: in coda, completate o fallite (da riprovare).',
  }),
  riprovaConsultazioneIsee: rpc({
    subject: 'integrazioni.isee.consultazioni.riprova',
    request: RiprovaConsultazioneIseeV1,
    reply: ConsultazioneIseeV1,
    ruoli: ['amministratore'],
    ambito: 'ambito',
    descrizione: 'Rimette in coda una consultazione dell’ISEE fallita: sarà ritentata subito.',
  }),
  // The SIUSS feed (siuss.messages.ts, lane integrazioni-siuss).
  ...INTEGRAZIONI_SIUSS_RPC,
} as const;

/**
 * Events of the integrazioni service (JetStream stream `EVT_INTEGRAZIONI`, subjects `evt.integrazioni.>`),
 * published through the transactional outbox. Each adapter keeps its own record (isee.messages.ts…).
 */
export const INTEGRAZIONI_EVENTS = {
  ...INTEGRAZIONI_ISEE_EVENTS,
} as const;

/** The events the integrazioni service consumes. */
export const INTEGRAZIONI_CONSUMI = {
  istanzaPresentataIsee: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-isee-istanza-presentata',
    evento: MISURE_EVENTS.istanzaPresentata,
    descrizione:
      'Ogni istanza presentata con un ISEE dichiarato mette in coda la verifica di quell’ISEE presso INPS (se l’adattatore è attivo).',
  }),
} as const;

/** The calls the integrazioni service makes with its own identity (`servizio-integrazioni`). */
export const INTEGRAZIONI_CHIAMATE = {
  istanzaPerIsee: chiamata({
    servizio: 'integrazioni',
    rpc: MISURE_RPC.leggiIstanzaPerIsee,
    finalita: 'istruttoria-misure',
    descrizione:
      'Legge di un’istanza presentata il protocollo, la persona e i tipi di ISEE dichiarati, per verificarli presso INPS.',
  }),
  personaPerIsee: chiamata({
    servizio: 'integrazioni',
    rpc: ACCESSO_RPC.leggiPersonaPerIsee,
    finalita: 'istruttoria-misure',
    descrizione: 'Legge il codice fiscale della persona di un’istanza, per consultarne l’ISEE presso INPS.',
  }),
} as const;

export type IntegrazioniRpcMap = RpcMapOf<ValuesOf<typeof INTEGRAZIONI_RPC>>;
export type IntegrazioniEventMap = EventMapOf<ValuesOf<typeof INTEGRAZIONI_EVENTS>>;
