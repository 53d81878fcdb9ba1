import { evento, rpc } from '../../common/declarations';
import { SPORTELLI_ASSISTENTI_FAMILIARI } from '../../common/gruppi-ruoli';
import {
  CandidatiV1,
  CercaCandidatiV1,
  ContrattoV1,
  EsitoVerificaBonusV1,
  LeggiContrattoV1,
  LeggiRichiestaV1,
  LeggiVerificaBonusV1,
  PropostaAssistenteV1,
  ProponiAssistenteV1,
  ProponiRichiestaV1,
  RegistraContrattoV1,
  RegistraEsitoBonusV1,
  RegistraRichiestaV1,
  RichiestaV1,
  RiepilogoBonusPdfV1,
  RispondiPropostaV1,
  VerificaBonusV1,
} from './sportello.dto';
import { ContrattoRegistratoV1, EsitoBonusRegistratoV1, RichiestaSoddisfattaV1 } from './sportello.events';

/** The sportello's requests, spread into ASSISTENTI_FAMILIARI_RPC. Wire values: do not change them. */
export const SPORTELLO_RPC = {
  registraRichiesta: rpc({
    subject: 'assistenti-familiari.richiesta.registra',
    request: RegistraRichiestaV1,
    reply: RichiestaV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra allo sportello la richiesta di una famiglia: orari, convivenza, competenze, lingue, luogo e inizio.',
  }),
  proponiRichiesta: rpc({
    subject: 'assistenti-familiari.richiesta.proponi',
    request: ProponiRichiestaV1,
    reply: RichiestaV1,
    // Service identity only: the case manager proposes through presa in carico (PRESA_IN_CARICO_CHIAMATE),
    // which checks the cartella, the valutazione and the consent; no user sends it directly.
    ruoli: ['servizio-presa-in-carico'],
    ambito: 'registro',
    descrizione:
      'La presa in carico propone allo sportello una richiesta, quando una valutazione ne mostra il bisogno e la persona acconsente.',
  }),
  leggiRichiesta: rpc({
    subject: 'assistenti-familiari.richiesta.leggi',
    request: LeggiRichiestaV1,
    reply: RichiestaV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Legge una richiesta di una famiglia.',
    letturaDatiPersonali: true,
  }),
  cercaCandidati: rpc({
    subject: 'assistenti-familiari.richiesta.candidati',
    request: CercaCandidatiV1,
    reply: CandidatiV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Gli assistenti iscritti in tutti gli sportelli dell’Ambito che rispondono a una richiesta, in ordine di punteggio con le sue parti.',
    letturaDatiPersonali: true,
  }),
  proponiAssistente: rpc({
    subject: 'assistenti-familiari.proposta.crea',
    request: ProponiAssistenteV1,
    reply: PropostaAssistenteV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Propone un assistente a una famiglia, con il punteggio e la versione dei pesi del momento.',
  }),
  rispondiProposta: rpc({
    subject: 'assistenti-familiari.proposta.rispondi',
    request: RispondiPropostaV1,
    reply: PropostaAssistenteV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra la risposta della famiglia o dell’assistente a una proposta (ed eventualmente il colloquio).',
  }),
  registraContratto: rpc({
    subject: 'assistenti-familiari.contratto.registra',
    request: RegistraContrattoV1,
    reply: ContrattoV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Registra il contratto di lavoro firmato; con una richiesta, la segna soddisfatta.',
  }),
  leggiContratto: rpc({
    subject: 'assistenti-familiari.contratto.leggi',
    request: LeggiContrattoV1,
    reply: ContrattoV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Legge un contratto registrato.',
    letturaDatiPersonali: true,
  }),
  verificaBonus: rpc({
    subject: 'assistenti-familiari.bonus.verifica',
    request: VerificaBonusV1,
    reply: EsitoVerificaBonusV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Verifica preliminare del Bonus assistenti familiari su un contratto, con le regole in vigore: requisiti e importo stimato.',
  }),
  leggiVerificaBonus: rpc({
    subject: 'assistenti-familiari.bonus.leggi',
    request: LeggiVerificaBonusV1,
    reply: EsitoVerificaBonusV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Legge una verifica del Bonus.',
    letturaDatiPersonali: true,
  }),
  riepilogoBonus: rpc({
    subject: 'assistenti-familiari.bonus.riepilogo',
    request: LeggiVerificaBonusV1,
    reply: RiepilogoBonusPdfV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione: 'Il riepilogo stampabile (PDF) di una verifica del Bonus, da consegnare alla famiglia.',
    letturaDatiPersonali: true,
  }),
  registraEsitoBonus: rpc({
    subject: 'assistenti-familiari.bonus.esito',
    request: RegistraEsitoBonusV1,
    reply: EsitoVerificaBonusV1,
    ruoli: SPORTELLI_ASSISTENTI_FAMILIARI,
    ambito: 'registro',
    descrizione:
      'Registra l’esito della domanda di Bonus che la famiglia riferisce dalla piattaforma regionale.',
  }),
} as const;

/** The sportello's events, spread into ASSISTENTI_FAMILIARI_EVENTS. */
export const SPORTELLO_EVENTS = {
  contrattoRegistrato: evento({
    type: 'assistenti-familiari.contratto.registrato',
    version: 1,
    payload: ContrattoRegistratoV1,
    descrizione: 'Un contratto con un assistente familiare è stato registrato.',
  }),
  richiestaSoddisfatta: evento({
    type: 'assistenti-familiari.richiesta.soddisfatta',
    version: 1,
    payload: RichiestaSoddisfattaV1,
    descrizione: 'Una richiesta di una famiglia è stata soddisfatta da un contratto.',
  }),
  esitoBonusRegistrato: evento({
    type: 'assistenti-familiari.bonus.esito-registrato',
    version: 1,
    payload: EsitoBonusRegistratoV1,
    descrizione:
      'L’esito del Bonus assistenti familiari riferito dalla famiglia, con l’importo per assistente e contratto (cumulo, regola 10).',
  }),
} as const;
