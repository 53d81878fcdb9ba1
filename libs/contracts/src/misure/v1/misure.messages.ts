import { ACCESSO_EVENTS, ACCESSO_RPC } from '../../accesso/v1/accesso.messages';
import { ASSISTENTI_FAMILIARI_EVENTS } from '../../assistenti-familiari/v1/assistenti-familiari.messages';
import { BUDGET_RPC } from '../../budget/v1/budget.messages';
import {
  chiamata,
  evento,
  consumo,
  rpc,
  type EventMapOf,
  type RpcMapOf,
  type ValuesOf,
} from '../../common/declarations';
import { ISTRUTTORI_MISURE, LETTORI_ISTANZE, SPORTELLI_MISURE, TUTTI } from '../../common/gruppi-ruoli';
import { AvvisoIdV1, AvvisoMisuraV1, CreaAvvisoV1, ElencaAvvisiMisuraV1 } from './avviso.dto';
import {
  ElencaIstanzeV1,
  IstanzaV1,
  LeggiIstanzaV1,
  ModificaIstanzaV1,
  PaginaIstanzeV1,
  PresentaIstanzaV1,
} from './istanza.dto';
import {
  AvvisoPubblicatoV1,
  IstanzaEsclusaV1,
  IstanzaIstruitaV1,
  IstanzaPresentataV1,
} from './istanze.events';
import {
  DecidiIstruttoriaV1,
  ElencaIstruttorieV1,
  IstruttoriaV1,
  RiesaminaIstanzaV1,
} from './istruttorie.dto';
import {
  ApprovaGraduatoriaV1,
  CessaBeneficioV1,
  ElencaGraduatorieV1,
  ElencaVociGraduatoriaV1,
  FormaGraduatorieV1,
  GraduatoriaApprovataV1,
  GraduatoriaV1,
  GraduatorieFormateV1,
  LeggiGraduatoriaV1,
  PaginaVociGraduatoriaV1,
  PubblicazioneGraduatoriaV1,
} from './graduatorie.dto';
import { SimulaAvvisoV1, SimulazioneAvvisoV1 } from './simulazione.dto';
import { IstruisciAvvisoV1, IstruttoriaAvvisoV1, LeggiIstruttoriaAvvisoV1 } from './istruttoria-avviso.dto';
import { MISURE_REGOLE_RPC } from './regole.messages';
import { MISURE_LIQUIDAZIONI_EVENTS, MISURE_LIQUIDAZIONI_RPC } from './liquidazioni.messages';
import { MISURE_BENEFICI_EVENTS } from './benefici.events';
import { MISURE_CONTI_RPC } from './conti.messages';
import {
  PRESA_IN_CARICO_EVENTS,
  PRESA_IN_CARICO_RPC,
} from '../../presa-in-carico/v1/presa-in-carico.messages';
import { LeggiStatoMisureV1, StatoMisureV1 } from './stato.dto';
import { IstanzaPerIseeV1, LeggiIstanzaPerIseeV1 } from './istanza-isee.dto';
import { INTEGRAZIONI_ISEE_EVENTS } from '../../integrazioni/v1/isee.messages';
import {
  BeneficioV1,
  ChiudiSospensioneBeneficioV1,
  ElencaBeneficiV1,
  ElencaErogazioniMeseV1,
  ElencaErogazioniRunV1,
  ErogazioneRunV1,
  EseguiErogazioniV1,
  LeggiBeneficioV1,
  LeggiErogazioneRunV1,
  PaginaBeneficiV1,
  PaginaErogazioniV1,
  RegistraSospensioneBeneficioV1,
  RinnovaIseeBeneficioV1,
  TerminaBeneficioV1,
} from './benefici.dto';

/** Request/reply subjects of the misure service (queue group `misure`). Wire values: do not change them. */
export const MISURE_RPC = {
  leggiStato: rpc({
    subject: 'misure.stato.leggi',
    request: LeggiStatoMisureV1,
    reply: StatoMisureV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Stato del servizio misure: nome, versione ed eventi nell’outbox.',
  }),
  // Avvisi (lane misure-istanze): public calls, no personal data.
  creaAvviso: rpc({
    subject: 'misure.avviso.crea',
    request: CreaAvvisoV1,
    reply: AvvisoMisuraV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Crea un avviso in bozza: misura, annualità, finestra, mesi del beneficio e graduatorie con il loro budget; regole in vigore all’apertura.',
  }),
  pubblicaAvviso: rpc({
    subject: 'misure.avviso.pubblica',
    request: AvvisoIdV1,
    reply: AvvisoMisuraV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'L’Ufficio di Piano pubblica un avviso in bozza: si presentano istanze nella sua finestra.',
  }),
  chiudiAvviso: rpc({
    subject: 'misure.avviso.chiudi',
    request: AvvisoIdV1,
    reply: AvvisoMisuraV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Chiude un avviso pubblicato: nessuna istanza nuova o modificata, si formano le graduatorie.',
  }),
  leggiAvviso: rpc({
    subject: 'misure.avviso.leggi',
    request: AvvisoIdV1,
    reply: AvvisoMisuraV1,
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'Legge un avviso con le sue graduatorie previste.',
  }),
  elencaAvvisi: rpc({
    subject: 'misure.avviso.elenca',
    request: ElencaAvvisiMisuraV1,
    reply: [AvvisoMisuraV1],
    ruoli: TUTTI,
    ambito: 'ambito',
    descrizione: 'Elenca gli avvisi dell’Ambito, dal più recente.',
  }),
  // Istanze and their istruttorie (lane misure-istanze): personal data, every read audited.
  presentaIstanza: rpc({
    subject: 'misure.istanza.presenta',
    request: PresentaIstanzaV1,
    reply: IstanzaV1,
    ruoli: SPORTELLI_MISURE,
    ambito: 'sub-ambito',
    descrizione:
      'Registra e protocolla un’istanza presso una sede del proprio sub-ambito (l’Ufficio di Piano anche senza sede) e la istruisce.',
  }),
  modificaIstanza: rpc({
    subject: 'misure.istanza.modifica',
    request: ModificaIstanzaV1,
    reply: IstanzaV1,
    ruoli: SPORTELLI_MISURE,
    ambito: 'sub-ambito',
    descrizione:
      'Registra una nuova versione delle dichiarazioni e dei documenti, finché la finestra è aperta, e la istruisce.',
  }),
  leggiIstanza: rpc({
    subject: 'misure.istanza.leggi',
    request: LeggiIstanzaV1,
    reply: IstanzaV1,
    ruoli: [...SPORTELLI_MISURE, 'servizio-integrazioni'],
    ambito: 'sub-ambito',
    descrizione:
      'Legge un’istanza con dichiarazioni, versioni e ultima istruttoria (operatori: le istanze delle proprie sedi).',
    letturaDatiPersonali: true,
  }),
  elencaIstanze: rpc({
    subject: 'misure.istanza.elenca',
    request: ElencaIstanzeV1,
    reply: PaginaIstanzeV1,
    ruoli: LETTORI_ISTANZE,
    ambito: 'sub-ambito-o-comune',
    descrizione:
      'Le istanze di un avviso con il loro esito: le proprie sedi per gli operatori, i residenti per il responsabile del comune, tutte per l’Ufficio di Piano.',
    letturaDatiPersonali: true,
  }),
  elencaIstruttorie: rpc({
    subject: 'misure.istruttoria.elenca',
    request: ElencaIstruttorieV1,
    reply: [IstruttoriaV1],
    ruoli: LETTORI_ISTANZE,
    ambito: 'sub-ambito-o-comune',
    descrizione: 'La storia delle istruttorie di un’istanza, ciascuna con l’input, le regole e i motivi.',
    letturaDatiPersonali: true,
  }),
  decidiIstruttoria: rpc({
    subject: 'misure.istruttoria.decidi',
    request: DecidiIstruttoriaV1,
    reply: IstruttoriaV1,
    ruoli: ISTRUTTORI_MISURE,
    ambito: 'sub-ambito',
    descrizione:
      'Decide, con una motivazione, l’esito di un’istruttoria da verificare: ammissibile o non ammissibile.',
  }),
  riesaminaIstanza: rpc({
    subject: 'misure.istruttoria.riesamina',
    request: RiesaminaIstanzaV1,
    reply: IstruttoriaV1,
    ruoli: ISTRUTTORI_MISURE,
    ambito: 'sub-ambito',
    descrizione:
      'Istruisce di nuovo un’istanza con i dati attuali della persona e della cartella (la storia resta).',
  }),
  // The istruttoria of a whole avviso (issue 9, point 11): page by page, resumable.
  istruisciAvviso: rpc({
    subject: 'misure.avviso.istruisci',
    request: IstruisciAvvisoV1,
    reply: IstruttoriaAvvisoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Istruisce di nuovo tutte le istanze di un avviso chiuso (alla chiusura, dopo una correzione delle regole), a pagine; risponde «in-corso» se non finisce entro pochi secondi. Riprende un’istruttoria interrotta.',
  }),
  leggiIstruttoriaAvviso: rpc({
    subject: 'misure.avviso.istruttoria-leggi',
    request: LeggiIstruttoriaAvvisoV1,
    reply: IstruttoriaAvvisoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Stato e avanzamento dell’ultima istruttoria di tutte le istanze di un avviso.',
  }),
  // Graduatorie (lane misure-graduatorie): formation, reading, approval with impegni, scorrimento.
  formaGraduatorie: rpc({
    subject: 'misure.graduatorie.forma',
    request: FormaGraduatorieV1,
    reply: GraduatorieFormateV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Forma (o riforma, finché non approvate) le graduatorie di un avviso chiuso: ordine delle regole, taglio sul budget di ciascuna.',
  }),
  elencaGraduatorie: rpc({
    subject: 'misure.graduatorie.elenca',
    request: ElencaGraduatorieV1,
    reply: [GraduatoriaV1],
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Le graduatorie di un avviso, con stato, budget e finanziato.',
  }),
  leggiGraduatoria: rpc({
    subject: 'misure.graduatoria.leggi',
    request: LeggiGraduatoriaV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'Una graduatoria: area, strumento, budget, stato, finanziate, determina.',
  }),
  elencaVociGraduatoria: rpc({
    subject: 'misure.graduatoria.voci',
    request: ElencaVociGraduatoriaV1,
    reply: PaginaVociGraduatoriaV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'Le posizioni di una graduatoria, a pagine (protocollo, esito, importo, impegno; nessun nome): ciò che si pubblica.',
  }),
  pubblicaGraduatoria: rpc({
    subject: 'misure.graduatoria.pubblicazione',
    request: LeggiGraduatoriaV1,
    reply: PubblicazioneGraduatoriaV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'La graduatoria intera da pubblicare, in CSV: posizioni, protocolli, esiti e importi; nessun nome.',
  }),
  approvaGraduatoria: rpc({
    subject: 'misure.graduatoria.approva',
    request: ApprovaGraduatoriaV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Approva una graduatoria (chi non l’ha formata né istruita) e impegna nel budget ogni posizione finanziata: tutto o niente.',
  }),
  cessaBeneficio: rpc({
    subject: 'misure.graduatoria.cessa',
    request: CessaBeneficioV1,
    reply: GraduatoriaV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Rinuncia, decadenza o revoca di un beneficiario: l’impegno è ridotto e le idonee seguenti sono finanziate con quanto liberato (scorrimento).',
  }),
  simulaAvviso: rpc({
    subject: 'misure.avviso.simula',
    request: SimulaAvvisoV1,
    reply: SimulazioneAvvisoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Simula un avviso: esiti con i motivi, graduatorie, taglio e costo con le regole dell’avviso o una loro variante; non registra nulla.',
  }),
  // Benefici and the monthly run (issue 10, lane benefici-run): personal data, every read audited.
  leggiBeneficio: rpc({
    subject: 'misure.beneficio.leggi',
    request: LeggiBeneficioV1,
    reply: BeneficioV1,
    ruoli: ['ufficio-di-piano', 'servizio-integrazioni'],
    ambito: 'ambito',
    descrizione:
      'Un beneficio con le sue sospensioni e le mensilità calcolate, ciascuna con le regole e i motivi.',
    letturaDatiPersonali: true,
  }),
  elencaBenefici: rpc({
    subject: 'misure.beneficio.elenca',
    request: ElencaBeneficiV1,
    reply: PaginaBeneficiV1,
    ruoli: ['ufficio-di-piano', 'servizio-integrazioni'],
    ambito: 'ambito',
    descrizione: 'I benefici dell’Ambito (di una persona, istanza, avviso o stato), con le loro sospensioni.',
    letturaDatiPersonali: true,
  }),
  sospendiBeneficio: rpc({
    subject: 'misure.beneficio.sospendi',
    request: RegistraSospensioneBeneficioV1,
    reply: BeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra una sospensione da un documento: misura incompatibile ora percepita, ISEE scaduto e non rinnovato, altra causa motivata.',
  }),
  chiudiSospensioneBeneficio: rpc({
    subject: 'misure.beneficio.sospensione-chiudi',
    request: ChiudiSospensioneBeneficioV1,
    reply: BeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Chiude una sospensione aperta al suo ultimo giorno: il beneficio riprende il giorno dopo.',
  }),
  rinnovaIseeBeneficio: rpc({
    subject: 'misure.beneficio.isee-rinnova',
    request: RinnovaIseeBeneficioV1,
    reply: BeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Registra l’ISEE rinnovato del beneficiario: la sua nuova validità.',
  }),
  terminaBeneficio: rpc({
    subject: 'misure.beneficio.termina',
    request: TerminaBeneficioV1,
    reply: BeneficioV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Rinuncia, decadenza o revoca di un beneficio da un giorno, con la motivazione.',
  }),
  eseguiErogazioni: rpc({
    subject: 'misure.erogazioni.esegui',
    request: EseguiErogazioniV1,
    reply: ErogazioneRunV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Calcola le mensilità dovute del mese per ogni beneficio attivo, a pagine; una mensilità già calcolata non si ricalcola. Riprende un’esecuzione interrotta; risponde «in-corso» se non finisce entro pochi secondi.',
  }),
  leggiErogazioneRun: rpc({
    subject: 'misure.erogazioni.leggi',
    request: LeggiErogazioneRunV1,
    reply: ErogazioneRunV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Stato, avanzamento e totali di un’esecuzione mensile.',
  }),
  elencaErogazioniRun: rpc({
    subject: 'misure.erogazioni.elenca',
    request: ElencaErogazioniRunV1,
    reply: [ErogazioneRunV1],
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Le esecuzioni mensili dell’Ambito (di un mese), dalla più recente.',
  }),
  elencaErogazioniMese: rpc({
    subject: 'misure.erogazioni.mensilita',
    request: ElencaErogazioniMeseV1,
    reply: PaginaErogazioniV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Le mensilità calcolate di un mese, per beneficio: esito, importo dovuto, regole e motivi.',
    letturaDatiPersonali: true,
  }),
  // Rule sets: list, read, in force on a day, copy, activate (regole.messages.ts).
  ...MISURE_REGOLE_RPC,
  // Liquidazioni, payees, recuperi (liquidazioni.messages.ts, lane benefici-liquidazioni).
  ...MISURE_LIQUIDAZIONI_RPC,
  // Accounts: Pro.Vi. a consuntivo, Dopo di Noi, cumulation, reports (conti.messages.ts).
  ...MISURE_CONTI_RPC,
  leggiIstanzaPerIsee: rpc({
    subject: 'misure.istanza.leggi-per-isee',
    request: LeggiIstanzaPerIseeV1,
    reply: IstanzaPerIseeV1,
    // Service identity only: the ISEE verification at INPS (INTEGRAZIONI_CHIAMATE), no user.
    ruoli: ['servizio-integrazioni'],
    ambito: 'servizio',
    descrizione:
      'Protocollo, persona, giorno di presentazione e tipi di ISEE dichiarati di un’istanza, che il servizio integrazioni verifica presso INPS.',
    letturaDatiPersonali: true,
  }),
} as const;

/**
 * Events of the misure service (JetStream stream `EVT_MISURE`, subjects `evt.misure.>`),
 * published through the transactional outbox in the transaction of the change they report. Ids and
 * codes only: no personal data.
 */
export const MISURE_EVENTS = {
  avvisoPubblicato: evento({
    type: 'misure.avviso.pubblicato',
    version: 1,
    payload: AvvisoPubblicatoV1,
    descrizione: 'Un avviso è stato pubblicato dall’Ufficio di Piano.',
  }),
  istanzaPresentata: evento({
    type: 'misure.istanza.presentata',
    version: 1,
    payload: IstanzaPresentataV1,
    descrizione: 'Un’istanza è stata presentata e protocollata.',
  }),
  istanzaIstruita: evento({
    type: 'misure.istanza.istruita',
    version: 1,
    payload: IstanzaIstruitaV1,
    descrizione: 'Un’istanza è stata istruita: esito, area, strumento e importo.',
  }),
  istanzaEsclusa: evento({
    type: 'misure.istanza.esclusa',
    version: 1,
    payload: IstanzaEsclusaV1,
    descrizione: 'Un’istanza è stata giudicata non ammissibile.',
  }),
  graduatoriaApprovata: evento({
    type: 'misure.graduatoria.approvata',
    version: 1,
    payload: GraduatoriaApprovataV1,
    descrizione: 'Una graduatoria è stata approvata: gli impegni delle posizioni finanziate sono nel budget.',
  }),
  ...MISURE_BENEFICI_EVENTS,
  ...MISURE_LIQUIDAZIONI_EVENTS,
} as const;

/*
 * The requests the misure service sends to budget with its own identity: it commits, liquidates and
 * reduces the money of the measures it pays, only on the lines and articoli the Ufficio di Piano grants
 * it (abilitazione_servizio), never with a person's role.
 */
export const MISURE_CHIAMATE = {
  impegno: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.richiediImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna la spesa di una misura concessa (determina, beneficiario) sull’articolo della misura, dove l’Ufficio di Piano lo abilita.',
  }),
  impegnoLotto: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.richiediImpegniLotto,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna in blocco (fino a 500, tutti o nessuno) la spesa delle istanze finanziate di una graduatoria approvata sulla sua linea, dove l’Ufficio di Piano lo abilita.',
  }),
  liquidazione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraLiquidazione,
    finalita: 'gestione-contabile',
    descrizione:
      'Liquida la mensilità o l’importo una tantum dovuto al beneficiario su un impegno della misura.',
  }),
  liquidazioneLotto: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraLiquidazioniLotto,
    finalita: 'gestione-contabile',
    descrizione:
      'Liquida in blocco (fino a 500, tutte o nessuna) le mensilità dovute di un mese, una chiave per beneficio e mese, sugli impegni delle misure dove l’Ufficio di Piano lo abilita.',
  }),
  cofinanziamento: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraQuoteCofinanziate,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna e liquida il rimborso di un rendiconto Pro.Vi. con la quota del fondo e il cofinanziamento d’Ambito, una chiave per rendiconto, sulla linea del progetto dove l’Ufficio di Piano lo abilita.',
  }),
  riduzione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.riduciImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Riduce l’impegno di una misura che cessa, decade o è revocata: il non liquidato torna disponibile.',
  }),
  persona: chiamata({
    servizio: 'misure',
    rpc: ACCESSO_RPC.leggiPersonaPerMisure,
    finalita: 'istruttoria-misure',
    descrizione:
      'L’istruttoria legge dall’anagrafe di accesso la data di nascita, la residenza e il ricovero definitivo della persona dell’istanza.',
  }),
  presaInCarico: chiamata({
    servizio: 'misure',
    rpc: PRESA_IN_CARICO_RPC.leggiStatoPerMisure,
    finalita: 'istruttoria-misure',
    descrizione:
      'L’istruttoria legge se la cartella della persona ha la valutazione multidimensionale, il progetto approvato e il budget di progetto.',
  }),
} as const;

/**
 * The events the misure service consumes: each changes evidence an istruttoria read, so the open
 * istanze of that person are judged again (RiesameIstruttorie). The events carry ids only.
 */
export const MISURE_CONSUMI = {
  iseeAcquisito: consumo({
    servizio: 'misure',
    durable: 'misure-isee-acquisito',
    evento: INTEGRAZIONI_ISEE_EVENTS.iseeAcquisito,
    descrizione:
      'L’ISEE verificato presso INPS riapre l’istruttoria della sua istanza, che segnala la differenza dal dichiarato.',
  }),
  ricoveroIniziato: consumo({
    servizio: 'misure',
    durable: 'misure-ricovero-iniziato',
    evento: ACCESSO_EVENTS.ricoveroIniziato,
    descrizione: 'Un ricovero della persona (forse definitivo) riapre l’istruttoria delle sue istanze.',
  }),
  ricoveroConcluso: consumo({
    servizio: 'misure',
    durable: 'misure-ricovero-concluso',
    evento: ACCESSO_EVENTS.ricoveroConcluso,
    descrizione: 'La fine di un ricovero della persona riapre l’istruttoria delle sue istanze.',
  }),
  residenza: consumo({
    servizio: 'misure',
    durable: 'misure-residenza',
    evento: ACCESSO_EVENTS.residenzaCambiata,
    descrizione:
      'Il cambio di residenza (dentro, fuori o verso l’Ambito) riapre l’istruttoria delle istanze della persona.',
  }),
  valutazione: consumo({
    servizio: 'misure',
    durable: 'misure-valutazione',
    evento: PRESA_IN_CARICO_EVENTS.valutazioneCompletata,
    descrizione:
      'Una valutazione multidimensionale completata nella cartella riapre l’istruttoria delle istanze della persona.',
  }),
  cartellaChiusa: consumo({
    servizio: 'misure',
    durable: 'misure-cartella-chiusa',
    evento: PRESA_IN_CARICO_EVENTS.cartellaChiusa,
    descrizione:
      'La chiusura della cartella (fine della presa in carico, del progetto in vigore) riapre l’istruttoria delle istanze della persona.',
  }),
  progetto: consumo({
    servizio: 'misure',
    durable: 'misure-progetto',
    evento: PRESA_IN_CARICO_EVENTS.progettoApprovato,
    descrizione: 'Un progetto approvato dal Comune riapre l’istruttoria delle istanze della persona.',
  }),
  // Benefici (lane benefici-run): their own durables, apart from the riesame of the istanze.
  beneficioConcesso: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-concesso',
    evento: MISURE_EVENTS.beneficioConcesso,
    descrizione:
      'Ogni concessione (approvazione o scorrimento) diventa un beneficio da erogare mese per mese, con le regole del suo avviso.',
  }),
  beneficiRicoveroIniziato: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-ricovero-iniziato',
    evento: ACCESSO_EVENTS.ricoveroIniziato,
    descrizione:
      'Un ricovero della persona: i ricoveri di sollievo oltre il limite annuo sospendono i suoi benefici, l’accoglienza definitiva li revoca.',
  }),
  beneficiRicoveroConcluso: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-ricovero-concluso',
    evento: ACCESSO_EVENTS.ricoveroConcluso,
    descrizione: 'La fine di un ricovero: la sospensione dei benefici della persona finisce con essa.',
  }),
  beneficiDecesso: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-decesso',
    evento: ACCESSO_EVENTS.personaDeceduta,
    descrizione: 'Il decesso della persona cessa i suoi benefici dal giorno del decesso.',
  }),
  beneficiResidenza: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-residenza',
    evento: ACCESSO_EVENTS.residenzaCambiata,
    descrizione:
      'La residenza fuori dall’Ambito sospende i benefici della persona; il ritorno nell’Ambito li riprende.',
  }),
  // The end of a beneficio (lane benefici-regole): the impegno reduced, the graduatoria scrolled.
  beneficioRevocatoImpegno: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-fine-revocato',
    evento: MISURE_EVENTS.beneficioRevocato,
    descrizione:
      'Un beneficio revocato riduce il suo impegno di quanto non sarà più pagato e fa scorrere la graduatoria.',
  }),
  beneficioCessatoImpegno: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-fine-cessato',
    evento: MISURE_EVENTS.beneficioCessato,
    descrizione:
      'Un beneficio cessato riduce il suo impegno di quanto non sarà più pagato e fa scorrere la graduatoria.',
  }),
  // Cumulation per assistant (rule 10, lane benefici-regole): the sportello's contracts and Bonus.
  contrattoAssistente: consumo({
    servizio: 'misure',
    durable: 'misure-cumulo-contratto',
    evento: ASSISTENTI_FAMILIARI_EVENTS.contrattoRegistrato,
    descrizione:
      'Il contratto registrato allo sportello entra nel cumulo per assistente: il suo costo mensile è il tetto di B2, Bonus e Dopo di Noi per lo stesso assistente.',
  }),
  bonusAssistente: consumo({
    servizio: 'misure',
    durable: 'misure-cumulo-bonus',
    evento: ASSISTENTI_FAMILIARI_EVENTS.esitoBonusRegistrato,
    descrizione:
      'Il Bonus assistenti familiari accolto conta nel cumulo per assistente del suo contratto, per i mesi della sua annualità.',
  }),
  // The flow back from presa in carico (lane benefici-progetto): the case closed reaches the benefici.
  beneficiCartellaChiusa: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-cartella-chiusa',
    evento: PRESA_IN_CARICO_EVENTS.cartellaChiusa,
    descrizione:
      'La chiusura della cartella (fine della presa in carico e del progetto) cessa, revoca o sospende i benefici della persona secondo il motivo.',
  }),
  // The progetto's revision reaches the beneficio (lane progetto-ritorno).
  beneficiProgettoModificato: consumo({
    servizio: 'misure',
    durable: 'misure-benefici-progetto',
    evento: PRESA_IN_CARICO_EVENTS.interventoMisuraModificato,
    descrizione:
      'Un intervento da misure terminato, accorciato o sospeso da una revisione approvata del progetto termina o sospende il beneficio, con la regola e il motivo.',
  }),
} as const;

export type MisureRpcMap = RpcMapOf<ValuesOf<typeof MISURE_RPC>>;
export type MisureEventMap = EventMapOf<ValuesOf<typeof MISURE_EVENTS>>;
