import { evento, rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
import { GESTORI_BUDGET, LETTORI_QUOTE_COMUNI } from '../../common/gruppi-ruoli';
import type { Ruolo } from '../../common/ruolo';
import {
  AbilitazioneV1,
  ElencaAbilitazioniV1,
  RegistraAbilitazioneV1,
  RevocaAbilitazioneV1,
} from './abilitazioni.dto';
import {
  DotazioneAssegnataV1,
  ImpegnoRidottoV1,
  ImpegnoRegistratoV1,
  ImpegnoRifiutatoV1,
  LiquidazioneRegistrataV2,
  MandatoRegistratoV1,
} from './budget.events';
import { QuoteCofinanziateV1, RegistraQuoteCofinanziateV1 } from './cofinanziamento.dto';
import { AnnualitaV1, ElencaFondiV1, FondoV1, RegistraAssegnazioneV1 } from './fondi.dto';
import {
  ImpegnoV1,
  LeggiImpegnoV1,
  LiquidazioneV1,
  MandatoV1,
  RegistraLiquidazioneV1,
  RegistraLiquidazioniLottoV1,
  RegistraMandatoV1,
  RiduciImpegnoV1,
  RichiediImpegniLottoV1,
  RichiediImpegnoV1,
} from './impegni.dto';
import {
  AssegnaDotazioneV1,
  DotazioneV1,
  ElencaLineeV1,
  LineaV1,
  RegistraArticoloV1,
  RegistraLineaV1,
} from './linee.dto';
import {
  AbitantiRegistratiV1,
  DeliberaQuotaCapitariaV1,
  ProspettoQuoteComuniRispostaV1,
  ProspettoQuoteComuniV1,
  QuotaCapitariaV1,
  RegistraAbitantiV1,
} from './quote-comuni.dto';
import { ElencaRegoleFondoV1, RegistraRegolaFondoV1, RegolaFondoV1 } from './regole.dto';
import {
  SituazioneFondoRispostaV1,
  SituazioneFondoV1,
  SituazioneLineaRispostaV1,
  SituazioneLineaV1,
} from './situazione.dto';
import { DecidiVariazioneV1, ElencaVariazioniV1, ProponiVariazioneV1, VariazioneV1 } from './variazioni.dto';

/**
 * Commit, reduce and liquidate: the gestori, and the misure service with its own identity
 * (MISURE_CHIAMATE), only on the lines the Ufficio di Piano grants it (abilitazione_servizio, checked by
 * budget).
 */
const GESTORI_BUDGET_E_MISURE: readonly Ruolo[] = [...GESTORI_BUDGET, 'servizio-misure'];

/**
 * Request/reply subjects of the budget service (queue group `budget`). Wire values: do not change them.
 * Roles: the Ufficio di Piano and the administrator programme and move the money; the statement of the
 * comuni's quotas is read by each comune too (its own only, checked by budget).
 */
export const BUDGET_RPC = {
  elencaFondi: rpc({
    subject: 'budget.fondo.elenca',
    request: ElencaFondiV1,
    reply: [FondoV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Elenca i fondi con le annualità assegnate all’Ambito.',
  }),
  registraAssegnazione: rpc({
    subject: 'budget.assegnazione.registra',
    request: RegistraAssegnazioneV1,
    reply: AnnualitaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Registra l’assegnazione di un’annualità di fondo all’Ambito con il suo atto (la prima crea l’annualità, le successive la integrano).',
  }),
  registraLinea: rpc({
    subject: 'budget.linea.registra',
    request: RegistraLineaV1,
    reply: LineaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Registra una linea di spesa del piano operativo di un esercizio, con il suo preventivo.',
  }),
  registraArticolo: rpc({
    subject: 'budget.articolo.registra',
    request: RegistraArticoloV1,
    reply: LineaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Registra un articolo di una linea (una misura, es. B2 2025 – area anziani), vincolato a un fondo, con il suo preventivo.',
  }),
  elencaLinee: rpc({
    subject: 'budget.linea.elenca',
    request: ElencaLineeV1,
    reply: [LineaV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Elenca le linee di spesa e i loro articoli, anche di un solo esercizio.',
  }),
  assegnaDotazione: rpc({
    subject: 'budget.dotazione.assegna',
    request: AssegnaDotazioneV1,
    reply: DotazioneV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Dota una linea di parte di un’annualità di fondo, mai oltre quanto l’annualità ha ancora da dotare, secondo le regole del fondo.',
  }),
  richiediImpegno: rpc({
    subject: 'budget.impegno.richiedi',
    request: RichiediImpegnoV1,
    reply: ImpegnoV1,
    ruoli: GESTORI_BUDGET_E_MISURE,
    ambito: 'ambito',
    descrizione:
      'Impegna denaro di una linea o di un articolo con la determina e il creditore (idempotente per chiave): rifiutato con BUDGET_INSUFFICIENTE se non c’è disponibile; un servizio chiamante solo dove è abilitato.',
  }),
  richiediImpegniLotto: rpc({
    subject: 'budget.impegni.richiedi-lotto',
    request: RichiediImpegniLottoV1,
    reply: [ImpegnoV1],
    ruoli: ['servizio-misure'],
    ambito: 'ambito',
    descrizione:
      'Impegna fino a 500 importi di una stessa linea in una sola transazione, tutti o nessuno (BUDGET_INSUFFICIENTE se il disponibile non basta), ciascuno idempotente per la sua chiave: gli impegni nell’ordine richiesto. Solo un servizio chiamante, dove è abilitato.',
  }),
  leggiImpegno: rpc({
    subject: 'budget.impegno.leggi',
    request: LeggiImpegnoV1,
    reply: ImpegnoV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Legge un impegno con le sue liquidazioni.',
    letturaDatiPersonali: true,
  }),
  riduciImpegno: rpc({
    subject: 'budget.impegno.riduci',
    request: RiduciImpegnoV1,
    reply: ImpegnoV1,
    ruoli: GESTORI_BUDGET_E_MISURE,
    ambito: 'ambito',
    descrizione:
      'Riduzione d’impegno: parte o tutto il non liquidato torna disponibile sulla linea (rinuncia, revoca, decadenza, economia).',
  }),
  registraLiquidazione: rpc({
    subject: 'budget.liquidazione.registra',
    request: RegistraLiquidazioneV1,
    reply: LiquidazioneV1,
    ruoli: GESTORI_BUDGET_E_MISURE,
    ambito: 'ambito',
    descrizione:
      'Registra una liquidazione su un impegno (mensile o una tantum), mai oltre il residuo: è dovuta, non ancora pagata.',
  }),
  registraLiquidazioniLotto: rpc({
    subject: 'budget.liquidazioni.registra-lotto',
    request: RegistraLiquidazioniLottoV1,
    reply: [LiquidazioneV1],
    ruoli: ['servizio-misure'],
    ambito: 'ambito',
    descrizione:
      'Registra fino a 500 liquidazioni (le mensilità di una misura) in una sola transazione, tutte o nessuna, ciascuna idempotente per la sua chiave e mai oltre il residuo del suo impegno: le liquidazioni nell’ordine richiesto. Solo un servizio chiamante, dove è abilitato.',
  }),
  registraQuoteCofinanziate: rpc({
    subject: 'budget.cofinanziamento.registra',
    request: RegistraQuoteCofinanziateV1,
    reply: QuoteCofinanziateV1,
    ruoli: ['servizio-misure'],
    ambito: 'ambito',
    descrizione:
      'Impegna e liquida in una sola transazione un rimborso cofinanziato (Pro.Vi.): la quota del fondo e quella d’Ambito, ciascuna sul fondo che la regola di cofinanziamento della linea indica; tutto o niente (BUDGET_INSUFFICIENTE), idempotente per chiave. Solo un servizio chiamante, dove è abilitato.',
  }),
  registraMandato: rpc({
    subject: 'budget.mandato.registra',
    request: RegistraMandatoV1,
    reply: MandatoV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Registra un mandato di pagamento che paga una o più liquidazioni, ciascuna una sola volta.',
  }),
  proponiVariazione: rpc({
    subject: 'budget.variazione.proponi',
    request: ProponiVariazioneV1,
    reply: VariazioneV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Propone una variazione del preventivo di una linea (ha effetto solo se approvata).',
  }),
  decidiVariazione: rpc({
    subject: 'budget.variazione.decidi',
    request: DecidiVariazioneV1,
    reply: VariazioneV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Approva (con la delibera dell’Assemblea dei Sindaci o dell’organo delegato) o respinge una variazione proposta da un altro; l’approvazione aggiorna il preventivo.',
  }),
  elencaVariazioni: rpc({
    subject: 'budget.variazione.elenca',
    request: ElencaVariazioniV1,
    reply: [VariazioneV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Storia delle variazioni del preventivo di una linea.',
  }),
  registraRegola: rpc({
    subject: 'budget.regola.registra',
    request: RegistraRegolaFondoV1,
    reply: RegolaFondoV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Registra una nuova versione di una regola di fondo dall’atto che la stabilisce; la versione in vigore termina il giorno prima.',
  }),
  elencaRegole: rpc({
    subject: 'budget.regola.elenca',
    request: ElencaRegoleFondoV1,
    reply: [RegolaFondoV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Elenca le versioni delle regole di un fondo, anche solo quelle in vigore a una data.',
  }),
  registraAbilitazione: rpc({
    subject: 'budget.abilitazione.registra',
    request: RegistraAbilitazioneV1,
    reply: AbilitazioneV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Abilita un servizio chiamante (es. misure) a impegnare, liquidare o ridurre su una linea o un articolo, per un periodo e con il suo atto.',
  }),
  elencaAbilitazioni: rpc({
    subject: 'budget.abilitazione.elenca',
    request: ElencaAbilitazioniV1,
    reply: [AbilitazioneV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Elenca le abilitazioni dei servizi chiamanti, anche revocate o scadute.',
  }),
  revocaAbilitazione: rpc({
    subject: 'budget.abilitazione.revoca',
    request: RevocaAbilitazioneV1,
    reply: AbilitazioneV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Revoca un’abilitazione da una data (oggi se non indicata); resta nello storico.',
  }),
  situazioneFondo: rpc({
    subject: 'budget.situazione.fondo',
    request: SituazioneFondoV1,
    reply: SituazioneFondoRispostaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Situazione di un fondo per annualità e linea (assegnato, dotato, impegnato, liquidato), anche ricostruita a un momento passato.',
  }),
  situazioneLinea: rpc({
    subject: 'budget.situazione.linea',
    request: SituazioneLineaV1,
    reply: SituazioneLineaRispostaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Situazione di una linea di spesa per annualità di fondo e per comune di residenza, anche ricostruita a un momento passato.',
  }),
  deliberaQuotaCapitaria: rpc({
    subject: 'budget.quota-capitaria.delibera',
    request: DeliberaQuotaCapitariaV1,
    reply: QuotaCapitariaV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Registra la quota per abitante deliberata dall’Assemblea dei Sindaci per un anno (una delibera successiva la sostituisce).',
  }),
  registraAbitanti: rpc({
    subject: 'budget.abitanti.registra',
    request: RegistraAbitantiV1,
    reply: AbitantiRegistratiV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Registra gli abitanti dei comuni a una data (una correzione della stessa data li sostituisce).',
  }),
  prospettoQuoteComuni: rpc({
    subject: 'budget.quote-comuni.prospetto',
    request: ProspettoQuoteComuniV1,
    reply: ProspettoQuoteComuniRispostaV1,
    ruoli: LETTORI_QUOTE_COMUNI,
    ambito: 'proprio-comune',
    descrizione:
      'Prospetto di quanto deve ciascun comune per un anno (quota capitaria e fondo di solidarietà).',
  }),
} as const;

/** Event types of the budget service (JetStream stream `EVT_BUDGET`, subjects `evt.budget.>`). */
export const BUDGET_EVENTS = {
  dotazioneAssegnata: evento({
    type: 'budget.dotazione.assegnata',
    version: 1,
    payload: DotazioneAssegnataV1,
    descrizione: 'Parte di un’annualità di fondo è stata dotata a una linea di spesa.',
  }),
  impegnoRegistrato: evento({
    type: 'budget.impegno.registrato',
    version: 1,
    payload: ImpegnoRegistratoV1,
    descrizione: 'Denaro di una linea è stato impegnato.',
  }),
  impegnoRifiutato: evento({
    type: 'budget.impegno.rifiutato',
    version: 1,
    payload: ImpegnoRifiutatoV1,
    descrizione: 'Un impegno è stato rifiutato per mancanza di fondi (BUDGET_INSUFFICIENTE).',
  }),
  impegnoRidotto: evento({
    type: 'budget.impegno.ridotto',
    version: 1,
    payload: ImpegnoRidottoV1,
    descrizione:
      'Un impegno è stato ridotto: l’importo (economia d’impegno) torna disponibile sulla sua linea.',
  }),
  // v2: the mandato is its own act (budget.mandato.registrato), a one-off liquidazione has no period.
  liquidazioneRegistrata: evento({
    type: 'budget.liquidazione.registrata',
    version: 2,
    payload: LiquidazioneRegistrataV2,
    descrizione: 'Una liquidazione (dovuta, non ancora pagata) è stata registrata su un impegno.',
  }),
  mandatoRegistrato: evento({
    type: 'budget.mandato.registrato',
    version: 1,
    payload: MandatoRegistratoV1,
    descrizione: 'Un mandato di pagamento ha pagato una o più liquidazioni.',
  }),
} as const;

export type BudgetRpcMap = RpcMapOf<ValuesOf<typeof BUDGET_RPC>>;
export type BudgetEventMap = EventMapOf<ValuesOf<typeof BUDGET_EVENTS>>;
