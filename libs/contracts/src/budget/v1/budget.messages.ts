import { evento, rpc, type EventMapOf, type RpcMapOf, type ValuesOf } from '../../common/declarations';
import { GESTORI_BUDGET, LETTORI_QUOTE_COMUNI } from '../../common/gruppi-ruoli';
import {
  DotazioneAssegnataV1,
  ImpegnoLiberatoV1,
  ImpegnoRegistratoV1,
  ImpegnoRifiutatoV1,
  LiquidazioneRegistrataV1,
} from './budget.events';
import { AnnualitaV1, ElencaFondiV1, FondoV1, RegistraAssegnazioneV1 } from './fondi.dto';
import {
  ImpegnoV1,
  LeggiImpegnoV1,
  LiberaImpegnoV1,
  LiquidazioneV1,
  RegistraLiquidazioneV1,
  RegistraMandatoV1,
  RichiediImpegnoV1,
} from './impegni.dto';
import { AssegnaDotazioneV1, DotazioneV1, ElencaLineeV1, LineaV1, RegistraLineaV1 } from './linee.dto';
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
  elencaLinee: rpc({
    subject: 'budget.linea.elenca',
    request: ElencaLineeV1,
    reply: [LineaV1],
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Elenca le linee di spesa, anche di un solo esercizio.',
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
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Impegna denaro di una linea (idempotente per chiave): rifiutato con BUDGET_INSUFFICIENTE se la linea non ha disponibile.',
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
  liberaImpegno: rpc({
    subject: 'budget.impegno.libera',
    request: LiberaImpegnoV1,
    reply: ImpegnoV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione:
      'Restituisce alla linea parte o tutto il non liquidato di un impegno (rinuncia, revoca, decadenza, riduzione).',
  }),
  registraLiquidazione: rpc({
    subject: 'budget.liquidazione.registra',
    request: RegistraLiquidazioneV1,
    reply: LiquidazioneV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Registra una liquidazione su un impegno per un mese, mai oltre il residuo.',
  }),
  registraMandato: rpc({
    subject: 'budget.liquidazione.mandato',
    request: RegistraMandatoV1,
    reply: LiquidazioneV1,
    ruoli: GESTORI_BUDGET,
    ambito: 'ambito',
    descrizione: 'Registra, una sola volta, il mandato di pagamento di una liquidazione.',
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
    descrizione: 'Approva o respinge una variazione proposta; l’approvazione aggiorna il preventivo.',
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
  impegnoLiberato: evento({
    type: 'budget.impegno.liberato',
    version: 1,
    payload: ImpegnoLiberatoV1,
    descrizione: 'Parte di un impegno è stata restituita alla sua linea.',
  }),
  liquidazioneRegistrata: evento({
    type: 'budget.liquidazione.registrata',
    version: 1,
    payload: LiquidazioneRegistrataV1,
    descrizione: 'Una liquidazione è stata registrata su un impegno.',
  }),
} as const;

export type BudgetRpcMap = RpcMapOf<ValuesOf<typeof BUDGET_RPC>>;
export type BudgetEventMap = EventMapOf<ValuesOf<typeof BUDGET_EVENTS>>;
