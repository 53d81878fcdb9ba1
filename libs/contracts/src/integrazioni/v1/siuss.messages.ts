import { ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
import { chiamata, consumo, rpc } from '../../common/declarations';
import { MISURE_EVENTS, MISURE_RPC } from '../../misure/v1/misure.messages';
import {
  PRESA_IN_CARICO_EVENTS,
  PRESA_IN_CARICO_RPC,
} from '../../presa-in-carico/v1/presa-in-carico.messages';
import {
  ElencaFlussiSiussV1,
  ElencaRecordSiussV1,
  ElencoFlussiSiussV1,
  ElencoRecordSiussV1,
  EsitiSiussRecepitiV1,
  GeneraLottoSiussV1,
  LeggiStatoSiussV1,
  LottoSiussV1,
  NotificaEsitiSiussV1,
  StatoSiussV1,
} from './siuss.dto';

/**
 * The SIUSS feed (issue 12, point 2): the WaaS API INPS polls through the gateway with a PDND voucher
 * (machine client `inps`), and the Ufficio di Piano's view of the records and their XML batches.
 */
export const INTEGRAZIONI_SIUSS_RPC = {
  statoSiuss: rpc({
    subject: 'integrazioni.siuss.stato',
    request: LeggiStatoSiussV1,
    reply: StatoSiussV1,
    ruoli: ['inps'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio di alimentazione del SIUSS (GET /status della API WaaS).',
  }),
  elencaFlussiSiuss: rpc({
    subject: 'integrazioni.siuss.flussi.elenca',
    request: ElencaFlussiSiussV1,
    reply: ElencoFlussiSiussV1,
    ruoli: ['inps'],
    ambito: 'ambito',
    descrizione:
      'I flussi PS-PSA-SINA prodotti dopo `since`, in ordine cronologico, un beneficiario e una prestazione ciascuno (GET /flussi).',
    letturaDatiPersonali: true,
  }),
  notificaEsitiSiuss: rpc({
    subject: 'integrazioni.siuss.esiti.notifica',
    request: NotificaEsitiSiussV1,
    reply: EsitiSiussRecepitiV1,
    ruoli: ['inps'],
    ambito: 'ambito',
    descrizione:
      'Gli esiti dell’acquisizione dei flussi da parte di INPS, riconciliati con ciascun record (POST /esiti).',
  }),
  elencaRecordSiuss: rpc({
    subject: 'integrazioni.siuss.record.elenca',
    request: ElencaRecordSiussV1,
    reply: ElencoRecordSiussV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'I record SIUSS (di un beneficio o di uno stato): offerti, rifiutati con il motivo della non validità, acquisiti o scartati da INPS.',
  }),
  generaLottoSiuss: rpc({
    subject: 'integrazioni.siuss.lotto.genera',
    request: GeneraLottoSiussV1,
    reply: LottoSiussV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Il lotto XML PS-PSA-SINA delle prestazioni di un anno per il caricamento sul portale INPS, validato con l’XSD prima di essere offerto.',
    letturaDatiPersonali: true,
  }),
} as const;

/** The reads of the SIUSS feed, with the integrazioni service's own identity: events carry ids only. */
export const INTEGRAZIONI_SIUSS_CHIAMATE = {
  beneficio: chiamata({
    servizio: 'integrazioni',
    rpc: MISURE_RPC.leggiBeneficio,
    finalita: 'debito-informativo',
    descrizione:
      'Legge il beneficio concesso o liquidato (strumento, importi, date, stato) per il record SIUSS.',
  }),
  beneficiIstanza: chiamata({
    servizio: 'integrazioni',
    rpc: MISURE_RPC.elencaBenefici,
    finalita: 'debito-informativo',
    descrizione:
      'Trova il beneficio nato da un’istanza finanziata (l’evento di concessione ne porta l’istanza).',
  }),
  istanza: chiamata({
    servizio: 'integrazioni',
    rpc: MISURE_RPC.leggiIstanza,
    finalita: 'debito-informativo',
    descrizione:
      'Legge il protocollo dell’istanza e la DSU dichiarata (prova dei mezzi) per il record SIUSS.',
  }),
  persona: chiamata({
    servizio: 'integrazioni',
    rpc: ACCESSO_RPC.leggiPersonaPerSiuss,
    finalita: 'debito-informativo',
    descrizione:
      'Codice fiscale e anagrafica SIUSS (anno e luogo di nascita, genere, cittadinanza, residenza) del beneficiario.',
  }),
  sinaEProgetto: chiamata({
    servizio: 'integrazioni',
    rpc: PRESA_IN_CARICO_RPC.leggiPerSiuss,
    finalita: 'debito-informativo',
    descrizione:
      'Il profilo SINA (disabilità e non autosufficienza) dell’ultima valutazione SINA e gli interventi del progetto approvato, per i record SIUSS.',
  }),
} as const;

/** The misure events that become SIUSS records (their own durables). */
export const INTEGRAZIONI_SIUSS_CONSUMI = {
  beneficioConcesso: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-concesso',
    evento: MISURE_EVENTS.beneficioConcesso,
    descrizione: 'Una prestazione concessa diventa un record SIUSS (inserimento).',
  }),
  erogazioneLiquidata: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-liquidata',
    evento: MISURE_EVENTS.erogazioneLiquidata,
    descrizione: 'Una mensilità liquidata aggiorna il record SIUSS del beneficio (rettifica se cambia).',
  }),
  beneficioRevocato: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-revocato',
    evento: MISURE_EVENTS.beneficioRevocato,
    descrizione:
      'La revoca accorcia la prestazione: il record SIUSS è rettificato (cancellazione e nuovo inserimento).',
  }),
  beneficioCessato: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-cessato',
    evento: MISURE_EVENTS.beneficioCessato,
    descrizione:
      'La cessazione accorcia la prestazione: il record SIUSS è rettificato (cancellazione e nuovo inserimento).',
  }),
  progettoApprovato: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-progetto',
    evento: PRESA_IN_CARICO_EVENTS.progettoApprovato,
    descrizione:
      'Gli interventi del progetto approvato che sono prestazioni diventano record SIUSS (una revisione li rettifica).',
  }),
  valutazioneCompletata: consumo({
    servizio: 'integrazioni',
    durable: 'integrazioni-siuss-valutazione',
    evento: PRESA_IN_CARICO_EVENTS.valutazioneCompletata,
    descrizione:
      'Una nuova valutazione SINA aggiorna la sezione SINA dei record SIUSS della persona (rettifica se cambia).',
  }),
} as const;
