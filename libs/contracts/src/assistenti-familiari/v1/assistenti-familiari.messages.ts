import { evento, rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
import { GESTORI_REGISTRO_ASSISTENTI, SPORTELLI_ASSISTENTI_FAMILIARI } from '../../common/gruppi-ruoli';
import { RUOLO_PUBBLICO } from '../../common/ruolo';
import {
  CandidaturaV1,
  DecidiCandidaturaV1,
  LeggiCandidaturaV1,
  PresentaCandidaturaV1,
} from './candidatura.dto';
import {
  AggiornaPermessoV1,
  CancellaIscrizioneV1,
  ElencaIscrizioniV1,
  EsitoRiverificaV1,
  IscrizioneV1,
  LeggiIscrizioneV1,
  ModificaSchedaV1,
  PaginaRegistroV1,
  RegistraConsensoV1,
  RevocaConsensoV1,
  RiverificaRegistroV1,
} from './iscrizione.dto';
import {
  AssistenteIscrittoV1,
  IscrizioneCancellataV1,
  IscrizioneRiattivataV1,
  IscrizioneSospesaV1,
  SchedaPubblicaModificataV1,
} from './iscrizione.events';
import { ElencaRegistroPubblicoV1, PaginaRegistroPubblicoV1 } from './pubblico.dto';
import { SPORTELLO_EVENTS, SPORTELLO_RPC } from './sportello.messages';
import { LeggiRequisitiV1, PubblicaRequisitiV1, RequisitiIscrizioneV1 } from './requisiti.dto';
import { LeggiStatoAssistentiFamiliariV1, StatoAssistentiFamiliariV1 } from './stato.dto';

/** Request/reply subjects of the assistenti-familiari service (queue group `assistenti-familiari`). Wire values: do not change them. */
export const ASSISTENTI_FAMILIARI_RPC = {
  leggiStato: rpc({
    subject: 'assistenti-familiari.stato.leggi',
    request: LeggiStatoAssistentiFamiliariV1,
    reply: StatoAssistentiFamiliariV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio assistenti-familiari: nome, versione ed eventi nell’outbox.',
  }),
  leggiRequisiti: rpc({
    subject: 'assistenti-familiari.requisiti.leggi',
    request: LeggiRequisitiV1,
    reply: RequisitiIscrizioneV1,
    ruoli: [...SPORTELLI_ASSISTENTI_FAMILIARI, 'amministratore'],
    ambito: 'ambito',
    descrizione: 'I requisiti d’iscrizione al registro in vigore in un giorno, con le loro fonti.',
  }),
  pubblicaRequisiti: rpc({
    subject: 'assistenti-familiari.requisiti.pubblica',
    request: PubblicaRequisitiV1,
    reply: RequisitiIscrizioneV1,
    ruoli: GESTORI_REGISTRO_ASSISTENTI,
    ambito: 'ambito',
    descrizione:
      'Una nuova versione dei requisiti d’iscrizione da un giorno; la precedente termina il giorno prima.',
  }),
  presentaCandidatura: rpc({
    subject: 'assistenti-familiari.candidatura.presenta',
    request: PresentaCandidaturaV1,
    reply: CandidaturaV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra allo sportello la candidatura di un assistente familiare, con la verifica spiegata dei requisiti.',
  }),
  decidiCandidatura: rpc({
    subject: 'assistenti-familiari.candidatura.decidi',
    request: DecidiCandidaturaV1,
    reply: CandidaturaV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Lo sportello iscrive nel registro (requisiti soddisfatti, documenti verificati) o respinge con motivazione.',
  }),
  leggiCandidatura: rpc({
    subject: 'assistenti-familiari.candidatura.leggi',
    request: LeggiCandidaturaV1,
    reply: CandidaturaV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Una candidatura con i dati dell’assistente e la verifica dei requisiti.',
    letturaDatiPersonali: true,
  }),
  leggiIscrizione: rpc({
    subject: 'assistenti-familiari.iscrizione.leggi',
    request: LeggiIscrizioneV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Un’iscrizione nel registro: scheda, consenso alla pubblicazione e storia completa.',
    letturaDatiPersonali: true,
  }),
  elencaIscrizioni: rpc({
    subject: 'assistenti-familiari.iscrizione.elenca',
    request: ElencaIscrizioniV1,
    reply: PaginaRegistroV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Il registro dell’Ambito per gli sportelli, senza recapiti né codice fiscale.',
    letturaDatiPersonali: true,
  }),
  cancellaIscrizione: rpc({
    subject: 'assistenti-familiari.iscrizione.cancella',
    request: CancellaIscrizioneV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Cancella un’iscrizione con la sua causa (richiesta, perdita di un requisito, nuova condanna).',
  }),
  aggiornaPermesso: rpc({
    subject: 'assistenti-familiari.iscrizione.aggiorna-permesso',
    request: AggiornaPermessoV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra il permesso di soggiorno rinnovato; l’iscrizione sospesa per scadenza torna attiva.',
  }),
  registraConsenso: rpc({
    subject: 'assistenti-familiari.iscrizione.consenso.registra',
    request: RegistraConsensoV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra i campi della scheda che l’assistente consente di pubblicare nel registro pubblico.',
  }),
  revocaConsenso: rpc({
    subject: 'assistenti-familiari.iscrizione.consenso.revoca',
    request: RevocaConsensoV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Revoca il consenso alla pubblicazione: la scheda esce subito dal registro pubblico.',
  }),
  modificaScheda: rpc({
    subject: 'assistenti-familiari.iscrizione.scheda.modifica',
    request: ModificaSchedaV1,
    reply: IscrizioneV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Modifica la scheda dopo l’iscrizione (competenze, disponibilità, lingue, comuni serviti, convivenza, consenso): storia, registro pubblico aggiornato subito, rifiutata se qualcuno l’ha cambiata nel frattempo.',
  }),
  riverificaRegistro: rpc({
    subject: 'assistenti-familiari.registro.riverifica',
    request: RiverificaRegistroV1,
    reply: EsitoRiverificaV1,
    ruoli: GESTORI_REGISTRO_ASSISTENTI,
    ambito: 'ambito',
    descrizione: 'La riverifica periodica: sospende le iscrizioni con il permesso di soggiorno scaduto.',
  }),
  elencaRegistroPubblico: rpc({
    subject: 'assistenti-familiari.pubblico.elenca',
    request: ElencaRegistroPubblicoV1,
    reply: PaginaRegistroPubblicoV1,
    ruoli: [RUOLO_PUBBLICO],
    ambito: 'pubblico',
    descrizione:
      'Il registro pubblico degli assistenti familiari: solo i campi di cui ciascuno ha dato il consenso.',
  }),
  ...SPORTELLO_RPC,
} as const;

/** Events of the assistenti-familiari service (JetStream stream `EVT_ASSISTENTI_FAMILIARI`, subjects `evt.assistenti-familiari.>`). */
export const ASSISTENTI_FAMILIARI_EVENTS = {
  assistenteIscritto: evento({
    type: 'assistenti-familiari.iscrizione.registrata',
    version: 1,
    payload: AssistenteIscrittoV1,
    descrizione: 'Un assistente familiare è stato iscritto nel registro dell’Ambito.',
  }),
  iscrizioneSospesa: evento({
    type: 'assistenti-familiari.iscrizione.sospesa',
    version: 1,
    payload: IscrizioneSospesaV1,
    descrizione: 'Un’iscrizione è stata sospesa (es. permesso di soggiorno scaduto).',
  }),
  iscrizioneRiattivata: evento({
    type: 'assistenti-familiari.iscrizione.riattivata',
    version: 1,
    payload: IscrizioneRiattivataV1,
    descrizione: 'Un’iscrizione sospesa è tornata attiva.',
  }),
  schedaPubblicaModificata: evento({
    type: 'assistenti-familiari.scheda.modificata',
    version: 1,
    payload: SchedaPubblicaModificataV1,
    descrizione:
      'La scheda di un’iscrizione attiva è cambiata in ciò che il registro pubblico mostra (campi o consenso).',
  }),
  iscrizioneCancellata: evento({
    type: 'assistenti-familiari.iscrizione.cancellata',
    version: 1,
    payload: IscrizioneCancellataV1,
    descrizione: 'Un’iscrizione è stata cancellata dal registro, con la sua causa.',
  }),
  ...SPORTELLO_EVENTS,
} as const;

export type AssistentiFamiliariRpcMap = RpcMapOf<ValuesOf<typeof ASSISTENTI_FAMILIARI_RPC>>;
export type AssistentiFamiliariEventMap = EventMapOf<ValuesOf<typeof ASSISTENTI_FAMILIARI_EVENTS>>;
