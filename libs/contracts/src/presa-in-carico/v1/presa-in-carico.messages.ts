import {
  COORDINATORI,
  DECISORI,
  EQUIPE,
  LETTORI_CARTELLE,
  LETTORI_STATISTICHE_CARTELLE,
  REVISORI,
} from '../../common/gruppi-ruoli';
import { ACCESSO_EVENTS, ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
// Not misure.messages.ts: it imports these declarations (no cycle between the two contracts).
import { MISURE_BENEFICI_EVENTS } from '../../misure/v1/benefici.events';
import { MISURE_LIQUIDAZIONI_EVENTS } from '../../misure/v1/liquidazioni.messages';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  ASSISTENTI_FAMILIARI_RPC,
} from '../../assistenti-familiari/v1/assistenti-familiari.messages';
import {
  chiamata,
  consumo,
  evento,
  rpc,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import { ElencaAuditCartelleV1, PaginaAuditCartelleV1 } from './audit.dto';
import {
  AperturaCartellaV1,
  ApriCartellaV1,
  AssegnaCartellaV1,
  CartellaV1,
  ChiudiCartellaV1,
  ElencaCartelleV1,
  LeggiCartellaV1,
  PaginaCartelleV1,
  TrasferisciCartellaV1,
} from './cartella.dto';
import { AnnotaDiarioV1, LeggiDiarioV1, VoceDiarioV1 } from './diario.dto';
import { AssegnaEquipeCasoV1, ElencaEquipeV1, MembroEquipeV1, RegistraMembroEquipeV1 } from './equipe.dto';
import {
  AvvisoV1,
  CaricoLavoroRispostaV1,
  CaricoLavoroV1,
  ElencaAvvisiV1,
  RegistraVerificaV1,
  VerificaV1,
} from './monitoraggio.dto';
import { CalcolaLepsV1, LepsRispostaV1 } from './leps.dto';
import { AggiornaNucleoV1 } from './nucleo.dto';
import {
  CartellaApertaV1,
  CartellaAssegnataV1,
  CartellaChiusaV1,
  CartellaTrasferitaV1,
  InterventoMisuraModificatoV1,
  NucleoAggiornatoV1,
  ProgettoDecisioneV1,
  ProgettoRevisionatoV1,
  ValutazioneCompletataV1,
  VerificaRegistrataV1,
} from './presa-in-carico.events';
import { ApprovaProgettoV1, ProgettoV1, ProponiProgettoV1, RespingiProgettoV1 } from './progetto.dto';
import {
  ElencaRichiesteAssistenteV1,
  ProponiRichiestaAssistenteV1,
  RichiestaAssistenteV1,
} from './richiesta-assistente.dto';
import { ConteggiCartelleRispostaV1, ConteggiCartelleV1 } from './statistiche.dto';
import { LeggiStatoPerMisureV1, StatoPerMisureV1 } from './stato-per-misure.dto';
import { LeggiPerSiussV1, PresaInCaricoPerSiussV1 } from './stato-per-siuss.dto';
import { ElencaStrumentiV1, RegistraValutazioneV1, StrumentoV1, ValutazioneV1 } from './valutazione.dto';
import { PRESA_IN_CARICO_ADI_RPC } from './adi.messages';

/**
 * Request/reply subjects of the presa-in-carico service (queue group `presa-in-carico`).
 * Wire values: do not change them.
 */
export const PRESA_IN_CARICO_RPC = {
  apriCartella: rpc({
    subject: 'presa-in-carico.cartella.apri',
    request: ApriCartellaV1,
    reply: AperturaCartellaV1,
    ruoli: EQUIPE,
    ambito: 'sub-ambito',
    descrizione:
      'Apre direttamente una cartella (servizio specialistico, Autorità Giudiziaria, dimissione protetta) nella coda del sub-ambito di residenza; se la persona ha già una cartella in un altro sub-ambito, inoltra la proposta alla sua équipe senza restituirne i dati.',
  }),
  assegnaCartella: rpc({
    subject: 'presa-in-carico.cartella.assegna',
    request: AssegnaCartellaV1,
    reply: CartellaV1,
    ruoli: COORDINATORI,
    ambito: 'cartella',
    descrizione: 'Il coordinatore nomina il case manager (una riassegnazione resta nello storico).',
  }),
  assegnaEquipeCaso: rpc({
    subject: 'presa-in-carico.cartella.assegna-equipe',
    request: AssegnaEquipeCasoV1,
    reply: CartellaV1,
    ruoli: COORDINATORI,
    ambito: 'cartella',
    descrizione:
      'Il coordinatore stabilisce chi lavora il caso oltre al case manager, tra l’équipe del sub-ambito.',
  }),
  aggiornaNucleo: rpc({
    subject: 'presa-in-carico.nucleo.aggiorna',
    request: AggiornaNucleoV1,
    reply: CartellaV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione: 'Sostituisce la composizione del nucleo familiare (il diario registra la modifica).',
  }),
  chiudiCartella: rpc({
    subject: 'presa-in-carico.cartella.chiudi',
    request: ChiudiCartellaV1,
    reply: CartellaV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione: 'Chiude la cartella con il suo motivo (case manager o coordinatore).',
  }),
  trasferisciCartella: rpc({
    subject: 'presa-in-carico.cartella.trasferisci',
    request: TrasferisciCartellaV1,
    reply: CartellaV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione:
      'Cambio di residenza: verso un altro sub-ambito la cartella passa alla sua équipe, con la storia.',
  }),
  elencaAudit: rpc({
    subject: 'presa-in-carico.audit.elenca',
    request: ElencaAuditCartelleV1,
    reply: PaginaAuditCartelleV1,
    ruoli: REVISORI,
    ambito: 'ambito',
    descrizione: 'Registro degli accessi alle cartelle sociali.',
    letturaDatiPersonali: true,
  }),
  leggiCartella: rpc({
    subject: 'presa-in-carico.cartella.leggi',
    request: LeggiCartellaV1,
    reply: CartellaV1,
    ruoli: LETTORI_CARTELLE,
    ambito: 'cartella',
    descrizione: 'Legge una cartella sociale con valutazioni, progetti, nucleo ed équipe del caso.',
    letturaDatiPersonali: true,
  }),
  elencaCartelle: rpc({
    subject: 'presa-in-carico.cartella.elenca',
    request: ElencaCartelleV1,
    reply: PaginaCartelleV1,
    ruoli: LETTORI_CARTELLE,
    ambito: 'cartella',
    descrizione:
      'Elenca le cartelle visibili all’utente (i propri casi, la coda del sub-ambito, i residenti).',
    letturaDatiPersonali: true,
  }),
  registraMembroEquipe: rpc({
    subject: 'presa-in-carico.equipe.registra',
    request: RegistraMembroEquipeV1,
    reply: MembroEquipeV1,
    ruoli: COORDINATORI,
    ambito: 'sub-ambito',
    descrizione: 'Il coordinatore registra un membro dell’équipe del proprio sub-ambito.',
  }),
  elencaEquipe: rpc({
    subject: 'presa-in-carico.equipe.elenca',
    request: ElencaEquipeV1,
    reply: [MembroEquipeV1],
    ruoli: EQUIPE,
    ambito: 'sub-ambito',
    descrizione: 'L’équipe di un sub-ambito.',
  }),
  annotaDiario: rpc({
    subject: 'presa-in-carico.diario.annota',
    request: AnnotaDiarioV1,
    reply: VoceDiarioV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione:
      'Aggiunge al diario un colloquio, una visita domiciliare, un contatto, un documento o una nota.',
  }),
  leggiDiario: rpc({
    subject: 'presa-in-carico.diario.leggi',
    request: LeggiDiarioV1,
    reply: [VoceDiarioV1],
    ruoli: LETTORI_CARTELLE,
    ambito: 'cartella',
    descrizione: 'Il diario della cartella, dal più vecchio.',
    letturaDatiPersonali: true,
  }),
  elencaStrumenti: rpc({
    subject: 'presa-in-carico.strumento.elenca',
    request: ElencaStrumentiV1,
    reply: [StrumentoV1],
    ruoli: EQUIPE,
    ambito: 'ambito',
    descrizione: 'Gli strumenti di valutazione versionati (tutti o quelli in vigore).',
  }),
  proponiRichiestaAssistente: rpc({
    subject: 'presa-in-carico.richiesta-assistente.proponi',
    request: ProponiRichiestaAssistenteV1,
    reply: RichiestaAssistenteV1,
    ruoli: ['assistente-sociale'],
    ambito: 'cartella',
    descrizione:
      'Il case manager propone allo sportello assistenti familiari una richiesta per la persona, quando una valutazione ne mostra il bisogno e la persona (o chi la rappresenta) acconsente.',
  }),
  elencaRichiesteAssistente: rpc({
    subject: 'presa-in-carico.richiesta-assistente.elenca',
    request: ElencaRichiesteAssistenteV1,
    reply: [RichiestaAssistenteV1],
    ruoli: LETTORI_CARTELLE,
    ambito: 'cartella',
    descrizione:
      'Le richieste di assistente familiare proposte dalla cartella, col consenso e l’esito (soddisfatta da un contratto).',
    letturaDatiPersonali: true,
  }),
  registraValutazione: rpc({
    subject: 'presa-in-carico.valutazione.registra',
    request: RegistraValutazioneV1,
    reply: ValutazioneV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione:
      'Registra una valutazione multidimensionale con uno strumento; il punteggio lo calcola il servizio.',
  }),
  proponiProgetto: rpc({
    subject: 'presa-in-carico.progetto.proponi',
    request: ProponiProgettoV1,
    reply: ProgettoV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione: 'Propone il progetto personalizzato o una sua revisione (una nuova versione).',
  }),
  approvaProgetto: rpc({
    subject: 'presa-in-carico.progetto.approva',
    request: ApprovaProgettoV1,
    reply: ProgettoV1,
    ruoli: DECISORI,
    ambito: 'comune',
    descrizione: 'Il Comune di residenza approva la versione proposta del progetto.',
  }),
  respingiProgetto: rpc({
    subject: 'presa-in-carico.progetto.respingi',
    request: RespingiProgettoV1,
    reply: ProgettoV1,
    ruoli: DECISORI,
    ambito: 'comune',
    descrizione: 'Il Comune di residenza respinge la versione proposta del progetto, motivando.',
  }),
  registraVerifica: rpc({
    subject: 'presa-in-carico.verifica.registra',
    request: RegistraVerificaV1,
    reply: VerificaV1,
    ruoli: EQUIPE,
    ambito: 'cartella',
    descrizione: 'Registra una verifica del progetto approvato rispetto ai suoi obiettivi.',
  }),
  leggiStatoPerMisure: rpc({
    subject: 'presa-in-carico.cartella.leggi-per-misure',
    request: LeggiStatoPerMisureV1,
    reply: StatoPerMisureV1,
    // Service identity only: the istruttoria of the misure (MISURE_CHIAMATE), no user. The SIUSS feed
    // reads presa-in-carico.cartella.leggi-per-siuss instead.
    ruoli: ['servizio-misure'],
    ambito: 'servizio',
    descrizione:
      'Se la cartella di una persona ha una valutazione multidimensionale (anche dell’équipe clinica e sociale), un progetto approvato e un budget di progetto, per l’istruttoria delle sue istanze di misure.',
    letturaDatiPersonali: true,
  }),
  leggiPerSiuss: rpc({
    subject: 'presa-in-carico.cartella.leggi-per-siuss',
    request: LeggiPerSiussV1,
    reply: PresaInCaricoPerSiussV1,
    // Service identity only: the SIUSS feed of integrazioni (INTEGRAZIONI_SIUSS_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Il profilo SINA dell’ultima valutazione SINA e gli interventi del progetto approvato in vigore di una persona, per i record SIUSS (debito informativo).',
    letturaDatiPersonali: true,
  }),
  caricoLavoro: rpc({
    subject: 'presa-in-carico.monitoraggio.carico-lavoro',
    request: CaricoLavoroV1,
    reply: CaricoLavoroRispostaV1,
    ruoli: LETTORI_STATISTICHE_CARTELLE,
    ambito: 'ambito',
    descrizione: 'Carico di lavoro per sub-ambito e assistente sociale, rispetto allo standard LEPS.',
  }),
  calcolaLeps: rpc({
    subject: 'presa-in-carico.leps.calcola',
    request: CalcolaLepsV1,
    reply: LepsRispostaV1,
    ruoli: LETTORI_STATISTICHE_CARTELLE,
    ambito: 'ambito',
    descrizione:
      'Calcola il LEPS servizio sociale professionale dell’Ambito (AS a tempo indeterminato in FTE, soglie e contributo atteso in vigore) e le ore di AS attese per comune.',
  }),
  elencaAvvisi: rpc({
    subject: 'presa-in-carico.monitoraggio.avvisi',
    request: ElencaAvvisiV1,
    reply: [AvvisoV1],
    ruoli: LETTORI_CARTELLE,
    ambito: 'cartella',
    descrizione: 'Proposte non assegnate, progetti in attesa di decisione e verifiche scadute.',
  }),
  conteggiCartelle: rpc({
    subject: 'presa-in-carico.statistiche.conteggi',
    request: ConteggiCartelleV1,
    reply: ConteggiCartelleRispostaV1,
    ruoli: LETTORI_STATISTICHE_CARTELLE,
    ambito: 'ambito',
    descrizione:
      'Cartelle per sub-ambito e stato (nessun dato personale). Ufficio di Piano e amministratore: senza le celle di meno di 5 persone.',
  }),
  ...PRESA_IN_CARICO_ADI_RPC,
} as const;

/**
 * Event types of the presa-in-carico service (JetStream stream `EVT_PRESA_IN_CARICO`, subjects
 * `evt.presa-in-carico.>`).
 */
export const PRESA_IN_CARICO_EVENTS = {
  cartellaAperta: evento({
    type: 'presa-in-carico.cartella.aperta',
    version: 1,
    payload: CartellaApertaV1,
    descrizione: 'Una proposta di presa in carico è entrata nella coda di un sub-ambito.',
  }),
  cartellaAssegnata: evento({
    type: 'presa-in-carico.cartella.assegnata',
    version: 1,
    payload: CartellaAssegnataV1,
    descrizione: 'La cartella ha un (nuovo) case manager.',
  }),
  cartellaChiusa: evento({
    type: 'presa-in-carico.cartella.chiusa',
    version: 1,
    payload: CartellaChiusaV1,
    descrizione: 'La cartella è stata chiusa con il suo motivo.',
  }),
  cartellaTrasferita: evento({
    type: 'presa-in-carico.cartella.trasferita',
    version: 1,
    payload: CartellaTrasferitaV1,
    descrizione: 'Cambio di residenza: la cartella è passata a un altro comune (e forse a un’altra équipe).',
  }),
  progettoRevisionato: evento({
    type: 'presa-in-carico.progetto.revisionato',
    version: 1,
    payload: ProgettoRevisionatoV1,
    descrizione: 'Una revisione approvata ha sostituito la versione in vigore del progetto.',
  }),
  valutazioneCompletata: evento({
    type: 'presa-in-carico.valutazione.completata',
    version: 1,
    payload: ValutazioneCompletataV1,
    descrizione: 'Una valutazione multidimensionale è stata registrata, con il suo punteggio.',
  }),
  progettoProposto: evento({
    type: 'presa-in-carico.progetto.proposto',
    version: 1,
    payload: ProgettoDecisioneV1,
    descrizione: 'L’équipe ha proposto una versione del progetto personalizzato al Comune.',
  }),
  progettoApprovato: evento({
    type: 'presa-in-carico.progetto.approvato',
    version: 1,
    payload: ProgettoDecisioneV1,
    descrizione: 'Il Comune ha approvato una versione del progetto (con i costi per fonte).',
  }),
  progettoRespinto: evento({
    type: 'presa-in-carico.progetto.respinto',
    version: 1,
    payload: ProgettoDecisioneV1,
    descrizione: 'Il Comune ha respinto una versione del progetto.',
  }),
  nucleoAggiornato: evento({
    type: 'presa-in-carico.nucleo.aggiornato',
    version: 1,
    payload: NucleoAggiornatoV1,
    descrizione: 'Il nucleo familiare di una cartella è cambiato (solo i conteggi, non chi ne fa parte).',
  }),
  verificaRegistrata: evento({
    type: 'presa-in-carico.verifica.registrata',
    version: 1,
    payload: VerificaRegistrataV1,
    descrizione: 'È stata registrata una verifica del progetto approvato.',
  }),
  // The flow back of the progetto to the benefici (lane progetto-ritorno).
  interventoMisuraModificato: evento({
    type: 'presa-in-carico.progetto.intervento-misura-modificato',
    version: 1,
    payload: InterventoMisuraModificatoV1,
    descrizione:
      'Una versione approvata del progetto ha terminato un intervento da misure, ne ha cambiato la fine o la sospensione.',
  }),
} as const;

/** The events presa-in-carico consumes from other services (durable consumers). */
export const PRESA_IN_CARICO_CONSUMI = {
  intake: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-intake',
    evento: ACCESSO_EVENTS.accessoChiuso,
    descrizione:
      'Un accesso chiuso con proposta di presa in carico entra nella coda dell’équipe del comune di residenza.',
  }),
  richiestaSoddisfatta: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-richiesta-assistente',
    evento: ASSISTENTI_FAMILIARI_EVENTS.richiestaSoddisfatta,
    descrizione:
      'Una richiesta di assistente familiare proposta da una cartella è soddisfatta da un contratto: la cartella ne mostra l’esito.',
  }),
  residenza: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-residenza',
    evento: ACCESSO_EVENTS.residenzaCambiata,
    descrizione:
      'Il cambio di residenza di una persona verso un comune di un altro sub-ambito trasferisce la sua cartella aperta all’équipe di quel sub-ambito.',
  }),
  // The interventi from the misure (lane benefici-progetto): each beneficio's life, shown in the cartella.
  beneficioConcesso: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-beneficio-concesso',
    evento: MISURE_BENEFICI_EVENTS.beneficioConcesso,
    descrizione:
      'Un beneficio concesso dalle misure diventa un intervento da misure nella cartella della persona (nulla da digitare due volte).',
  }),
  beneficioSospeso: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-beneficio-sospeso',
    evento: MISURE_BENEFICI_EVENTS.beneficioSospeso,
    descrizione: 'La sospensione di un beneficio si vede sull’intervento da misure della cartella.',
  }),
  beneficioRipreso: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-beneficio-ripreso',
    evento: MISURE_BENEFICI_EVENTS.beneficioRipreso,
    descrizione: 'La fine di una sospensione del beneficio si vede sull’intervento da misure della cartella.',
  }),
  beneficioRevocato: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-beneficio-revocato',
    evento: MISURE_BENEFICI_EVENTS.beneficioRevocato,
    descrizione: 'La revoca di un beneficio chiude l’intervento da misure della cartella da quel giorno.',
  }),
  beneficioCessato: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-beneficio-cessato',
    evento: MISURE_BENEFICI_EVENTS.beneficioCessato,
    descrizione: 'La cessazione di un beneficio chiude l’intervento da misure della cartella da quel giorno.',
  }),
  erogazioneLiquidata: consumo({
    servizio: 'presa-in-carico',
    durable: 'presa-in-carico-erogazione-liquidata',
    evento: MISURE_LIQUIDAZIONI_EVENTS.erogazioneLiquidata,
    descrizione:
      'Le mensilità liquidate di un beneficio si contano sull’intervento da misure della cartella.',
  }),
} as const;

/** The requests presa-in-carico sends to other services with its own identity (service identity). */
export const PRESA_IN_CARICO_CHIAMATE = {
  proposta: chiamata({
    servizio: 'presa-in-carico',
    rpc: ACCESSO_RPC.leggiProposta,
    finalita: 'presa-in-carico',
    descrizione:
      'L’intake legge la persona e la motivazione della proposta ricevuta con accesso.accesso.chiuso, per aprire la cartella.',
  }),
  richiestaAssistente: chiamata({
    servizio: 'presa-in-carico',
    rpc: ASSISTENTI_FAMILIARI_RPC.proponiRichiesta,
    finalita: 'presa-in-carico',
    descrizione:
      'Il case manager passa allo sportello assistenti familiari la richiesta della persona, col consenso e la valutazione che mostra il bisogno.',
  }),
} as const;

export type PresaInCaricoRpcMap = RpcMapOf<ValuesOf<typeof PRESA_IN_CARICO_RPC>>;
export type PresaInCaricoEventMap = EventMapOf<ValuesOf<typeof PRESA_IN_CARICO_EVENTS>>;
